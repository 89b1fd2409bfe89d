/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ym-alerts.h"
#include "ym-capture-source.h"
#include "ym-guidance.h"
#include "ym-flow-table.h"
#include "ym-inventory.h"
#include "ym-packet.h"
#include "ym-store.h"

G_BEGIN_DECLS

#define YM_TYPE_ENGINE (ym_engine_get_type())
G_DECLARE_FINAL_TYPE(YmEngine, ym_engine, YM, ENGINE, GObject)

/* what one run saw */
typedef struct {
	guint64 packets;
	guint64 bytes; /* on the wire */
	guint64 decode_events;
	guint64 events[YM_EVENT_LAST];
	guint64 flows;
	guint64 flows_evicted;
	gint64 first_packet; /* capture time, usec; 0 when none */
	gint64 last_packet;
	gint64 started; /* wall clock, usec */
	gint64 finished;
	guint n_sources;
} YmRunStats;

YmEngine *
ym_engine_new(void);
void
ym_engine_set_state_dir(YmEngine *self, const gchar *state_dir);
void
ym_engine_set_oui_dir(YmEngine *self, const gchar *oui_dir);
/* takes effect at the next ym_engine_setup() or ym_engine_reload() */
void
ym_engine_set_signatures_dir(YmEngine *self, const gchar *signatures_dir);
const gchar *
ym_engine_get_signatures_dir(YmEngine *self);
void
ym_engine_set_guidance_dir(YmEngine *self, const gchar *guidance_dir);
/* without detection only the inventory is kept (benchmarks, diagnosis) */
void
ym_engine_set_detection(YmEngine *self, gboolean detection);
YmAlerts *
ym_engine_get_alerts(YmEngine *self);
YmGuidance *
ym_engine_get_guidance(YmEngine *self);
void
ym_engine_set_max_flows(YmEngine *self, guint max_flows);
/* loads the registries and rules and opens the store */
gboolean
ym_engine_setup(YmEngine *self, GError **error);

/* offline analysis: all files are opened and checked first, then analysed
 * in one transaction, so a bad file leaves the store as it was */
gboolean
ym_engine_analyse_files(YmEngine *self, const gchar *const *paths, GError **error);
/* warnings the last analysis raised (such as a cut last packet) */
GPtrArray *
ym_engine_get_warnings(YmEngine *self);

/* live capture: frames are analysed as they come and committed every second */
gboolean
ym_engine_start_live(YmEngine *self, YmCaptureSource *source, gint fd, GError **error);
/* commit what is pending; for the live loop and shutdown */
gboolean
ym_engine_flush(YmEngine *self, GError **error);
gboolean
ym_engine_stop_live(YmEngine *self, GError **error);

/* reload rules (SIGHUP); on error the previous rules stay */
gboolean
ym_engine_reload(YmEngine *self, GError **error);
/* the advisories changed (a sync): match the devices again soon */
void
ym_engine_check_advisories(YmEngine *self);

YmStore *
ym_engine_get_store(YmEngine *self);
YmInventory *
ym_engine_get_inventory(YmEngine *self);
const YmRunStats *
ym_engine_get_stats(YmEngine *self);

G_END_DECLS
