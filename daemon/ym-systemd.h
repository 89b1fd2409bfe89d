/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* tell systemd our state ("READY=1", "STOPPING=1") when run as Type=notify */
void
ym_systemd_notify(const gchar *state);

G_END_DECLS
