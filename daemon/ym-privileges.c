/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "YmPrivileges"

#include "config.h"

#include "ym-privileges.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "ym-error.h"

gboolean
ym_drop_privileges(const gchar *user, GError **error)
{
	struct passwd *pw;

	if (geteuid() != 0)
		return TRUE;
	pw = getpwnam(user);
	if (pw == NULL) {
		g_set_error(error, YM_ERROR, YM_ERROR_NOT_FOUND,
		            "cannot drop root: there is no user \"%s\" (create it with "
		            "\"useradd --system %s\" or name another with --user)",
		            user, user);
		return FALSE;
	}
	if (pw->pw_uid == 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_PERMISSION_DENIED,
		            "refusing to keep running as root: user \"%s\" is root", user);
		return FALSE;
	}
	if (setgroups(0, NULL) != 0 || setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_PERMISSION_DENIED,
		            "cannot become user \"%s\": %s", user, g_strerror(errno));
		return FALSE;
	}
	/* must not be able to regain root */
	if (setuid(0) == 0) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INTERNAL, "root could be regained");
		return FALSE;
	}
	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	return TRUE;
}
