/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* when running as root, become @user for good (groups, gid, uid, and no
 * way back); a no-op for other users */
gboolean
ym_drop_privileges(const gchar *user, GError **error);

G_END_DECLS
