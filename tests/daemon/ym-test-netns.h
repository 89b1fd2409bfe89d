/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * live tests on a veth pair between two network namespaces the test
 * creates (never a real interface): "<netns>a" holds 10.231.0.1/24 on
 * interface "<netns>a", "<netns>b" holds 10.231.0.2/24 on "<netns>b"
 */

#pragma once

#include <glib.h>
#include <string.h>
#include <unistd.h>

G_BEGIN_DECLS

static inline gboolean
ym_test_sh(const gchar *command)
{
	gint status = 0;
	g_autofree gchar *out = NULL;
	g_autofree gchar *err = NULL;
	const gchar *argv[] = {"sh", "-c", command, NULL};
	/* output is kept off our TAP stream */
	if (!g_spawn_sync(NULL, (gchar **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
	                  &status, NULL))
		return FALSE;
	return g_spawn_check_wait_status(status, NULL);
}

static inline gchar *
ym_test_sh_output(const gchar *command)
{
	g_autofree gchar *out = NULL;
	g_autofree gchar *full = g_strdup_printf("sh -c '%s'", command);
	if (!g_spawn_command_line_sync(full, &out, NULL, NULL, NULL))
		return NULL;
	return g_strstrip(g_steal_pointer(&out));
}

static inline void
ym_test_netns_delete(const gchar *netns)
{
	g_autofree gchar *cmd = g_strdup_printf("ip netns del %sa; ip netns del %sb", netns, netns);
	ym_test_sh(cmd);
}

/* two namespaces joined by a veth pair; FALSE (test skipped) where that
 * is impossible outside CI */
static inline gboolean
ym_test_netns_setup(const gchar *netns, gchar **peer_mac)
{
	g_autofree gchar *cmd = NULL;

	if (getuid() != 0 || !ym_test_sh("ip netns list")) {
		if (g_getenv("CI") != NULL)
			g_error(
			    "CI runs as root with ip netns; the live test cannot be skipped there");
		g_test_skip("needs root and ip netns");
		return FALSE;
	}
	cmd = g_strdup_printf("ip netns add %1$sa && ip netns add %1$sb && "
	                      "ip link add %1$sa type veth peer name %1$sb && "
	                      "ip link set %1$sa netns %1$sa && ip link set %1$sb netns %1$sb && "
	                      "ip -n %1$sa addr add 10.231.0.1/24 dev %1$sa && "
	                      "ip -n %1$sb addr add 10.231.0.2/24 dev %1$sb && "
	                      "ip -n %1$sa link set %1$sa up && ip -n %1$sb link set %1$sb up",
	                      netns);
	if (!ym_test_sh(cmd)) {
		ym_test_netns_delete(netns);
		if (g_getenv("CI") != NULL)
			g_error("could not create the test namespaces");
		g_test_skip("cannot create network namespaces here");
		return FALSE;
	}
	g_free(cmd);
	cmd = g_strdup_printf("ip netns exec %1$sb cat /sys/class/net/%1$sb/address", netns);
	*peer_mac = ym_test_sh_output(cmd);
	g_assert_nonnull(*peer_mac);
	g_assert_cmpuint(strlen(*peer_mac), ==, 17);
	return TRUE;
}

G_END_DECLS
