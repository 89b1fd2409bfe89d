/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "YmAdvisoryScheduler"

#include "config.h"

#include "ym-advisory-scheduler.h"

#include <gio/gio.h>

#include "ym-advisory-sync.h"
#include "ym-error.h"
#include "ym-store.h"

struct _YmAdvisoryScheduler {
	GObject parent_instance;
	/* owned */
	gchar *state_dir;
	gchar *config_path;
	GCancellable *cancellable;
	guint timeout_id;
	/* state */
	guint interval_hours;
	gboolean running;
};

G_DEFINE_TYPE(YmAdvisoryScheduler, ym_advisory_scheduler, G_TYPE_OBJECT)

enum { SIGNAL_FINISHED, SIGNAL_LAST };
static guint signals[SIGNAL_LAST] = {0};

/* the worker: its own connection, so the capture's writes go on */
static void
sync_thread(GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
	YmAdvisoryScheduler *self = source_object;
	g_autoptr(YmStore) store = ym_store_new(self->state_dir);
	g_autoptr(YmAdvisorySync) sync = NULL;
	g_autoptr(GError) error = NULL;
	gint failed;

	if (!ym_store_ensure_schema(store, &error)) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	sync = ym_advisory_sync_new(store);
	if (!ym_advisory_sync_load_config(sync, self->config_path, &error)) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	failed = ym_advisory_sync_run(sync, NULL, &error);
	if (failed < 0) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	g_task_return_int(task, failed);
}

static void
sync_done(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(YmAdvisoryScheduler) self = user_data;
	g_autoptr(GError) error = NULL;
	gssize failed = g_task_propagate_int(G_TASK(result), &error);

	self->running = FALSE;
	if (failed < 0) {
		g_warning("advisory sync failed: %s", error->message);
		failed = -1;
	} else if (failed > 0) {
		g_warning("advisory sync: %d sources failed and keep their previous data",
		          (gint) failed);
	} else {
		g_message("advisories synced");
	}
	g_signal_emit(self, signals[SIGNAL_FINISHED], 0, (gint) failed);
}

gboolean
ym_advisory_scheduler_sync_now(YmAdvisoryScheduler *self)
{
	g_autoptr(GTask) task = NULL;

	g_return_val_if_fail(YM_IS_ADVISORY_SCHEDULER(self), FALSE);
	if (self->running)
		return FALSE;
	self->running = TRUE;
	task = g_task_new(self, self->cancellable, sync_done, g_object_ref(self));
	g_task_set_source_tag(task, ym_advisory_scheduler_sync_now);
	g_task_run_in_thread(task, sync_thread);
	return TRUE;
}

gboolean
ym_advisory_scheduler_is_running(YmAdvisoryScheduler *self)
{
	g_return_val_if_fail(YM_IS_ADVISORY_SCHEDULER(self), FALSE);
	return self->running;
}

static gboolean
on_interval(gpointer user_data)
{
	YmAdvisoryScheduler *self = user_data;
	ym_advisory_scheduler_sync_now(self);
	return G_SOURCE_CONTINUE;
}

static gboolean
on_first(gpointer user_data)
{
	YmAdvisoryScheduler *self = user_data;
	ym_advisory_scheduler_sync_now(self);
	self->timeout_id = g_timeout_add_seconds(self->interval_hours * 3600, on_interval, self);
	return G_SOURCE_REMOVE;
}

gboolean
ym_advisory_scheduler_start(YmAdvisoryScheduler *self, guint first_delay_seconds, GError **error)
{
	g_autoptr(YmStore) store = NULL;
	g_autoptr(YmAdvisorySync) sync = NULL;

	g_return_val_if_fail(YM_IS_ADVISORY_SCHEDULER(self), FALSE);
	/* a broken configuration is reported at start, not at 3 a.m. */
	store = ym_store_new(NULL);
	sync = ym_advisory_sync_new(store);
	if (!ym_advisory_sync_load_config(sync, self->config_path, error))
		return FALSE;
	self->interval_hours = ym_advisory_sync_get_config(sync)->interval_hours;
	if (self->interval_hours == 0) {
		g_message("advisory syncs are off (interval-hours=0): import them with yamorictl");
		return TRUE;
	}
	g_clear_handle_id(&self->timeout_id, g_source_remove);
	self->timeout_id = g_timeout_add_seconds(first_delay_seconds, on_first, self);
	return TRUE;
}

YmAdvisoryScheduler *
ym_advisory_scheduler_new(const gchar *state_dir, const gchar *config_path)
{
	YmAdvisoryScheduler *self = g_object_new(YM_TYPE_ADVISORY_SCHEDULER, NULL);
	self->state_dir = g_strdup(state_dir);
	self->config_path = g_strdup(config_path);
	return self;
}

static void
ym_advisory_scheduler_dispose(GObject *object)
{
	YmAdvisoryScheduler *self = YM_ADVISORY_SCHEDULER(object);
	g_cancellable_cancel(self->cancellable);
	g_clear_handle_id(&self->timeout_id, g_source_remove);
	G_OBJECT_CLASS(ym_advisory_scheduler_parent_class)->dispose(object);
}

static void
ym_advisory_scheduler_finalize(GObject *object)
{
	YmAdvisoryScheduler *self = YM_ADVISORY_SCHEDULER(object);
	g_clear_object(&self->cancellable);
	g_free(self->state_dir);
	g_free(self->config_path);
	G_OBJECT_CLASS(ym_advisory_scheduler_parent_class)->finalize(object);
}

static void
ym_advisory_scheduler_class_init(YmAdvisorySchedulerClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->dispose = ym_advisory_scheduler_dispose;
	object_class->finalize = ym_advisory_scheduler_finalize;
	signals[SIGNAL_FINISHED] =
	    g_signal_new("finished", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
	                 NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
ym_advisory_scheduler_init(YmAdvisoryScheduler *self)
{
	self->cancellable = g_cancellable_new();
}
