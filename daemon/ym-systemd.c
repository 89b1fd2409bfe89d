/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* the sd_notify datagram protocol, without linking libsystemd */

#define G_LOG_DOMAIN "YmSystemd"

#include "config.h"

#include "ym-systemd.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

void
ym_systemd_notify(const gchar *state)
{
	const gchar *path = g_getenv("NOTIFY_SOCKET");
	struct sockaddr_un addr = {.sun_family = AF_UNIX};
	socklen_t addr_len;
	gsize path_len;
	gint fd;

	if (path == NULL || (path[0] != '/' && path[0] != '@'))
		return;
	path_len = strlen(path);
	if (path_len >= sizeof(addr.sun_path))
		return;
	memcpy(addr.sun_path, path, path_len);
	/* an abstract socket starts with a NUL byte */
	if (path[0] == '@')
		addr.sun_path[0] = '\0';
	addr_len = (socklen_t) (offsetof(struct sockaddr_un, sun_path) + path_len);
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return;
	if (sendto(fd, state, strlen(state), MSG_NOSIGNAL, (struct sockaddr *) &addr, addr_len) < 0)
		g_debug("sd_notify failed: %s", g_strerror(errno));
	close(fd);
}
