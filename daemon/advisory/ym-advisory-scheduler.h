/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define YM_TYPE_ADVISORY_SCHEDULER (ym_advisory_scheduler_get_type())
G_DECLARE_FINAL_TYPE(YmAdvisoryScheduler, ym_advisory_scheduler, YM, ADVISORY_SCHEDULER, GObject)

/* the daemon's advisory syncs: on a schedule (daily by default) and on
 * request, each in a worker thread with its own database connection so
 * capture never waits for the network; emits "finished" (gint failed
 * sources, -1 when the store failed) on the main context */
YmAdvisoryScheduler *
ym_advisory_scheduler_new(const gchar *state_dir, const gchar *config_path);
/* reads the configuration and arms the timer; a first sync follows
 * @first_delay_seconds after start */
gboolean
ym_advisory_scheduler_start(YmAdvisoryScheduler *self, guint first_delay_seconds, GError **error);
/* a sync now, unless one is running; FALSE when one was */
gboolean
ym_advisory_scheduler_sync_now(YmAdvisoryScheduler *self);
gboolean
ym_advisory_scheduler_is_running(YmAdvisoryScheduler *self);

G_END_DECLS
