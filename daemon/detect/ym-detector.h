/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ym-alerts.h"
#include "ym-flow-table.h"
#include "ym-inventory.h"
#include "ym-packet.h"

G_BEGIN_DECLS

/* what every detector may use; owned by the engine */
typedef struct {
	YmInventory *inventory;
	YmAlerts *alerts;
	const gchar *signatures_dir; /* root of signatures/ */
} YmDetectContext;

/*
 * a detector: plain functions over the packet path (no GObject there).
 * @packet is called for every decoded packet after the flow table and the
 * inventory saw it (@flow is NULL for non-IP); @flow_end when a flow
 * expires, is evicted or the capture ends; @tick once per second of
 * capture time, and once more when a capture file ends; @reload on
 * SIGHUP, keeping the old state on error.
 * Every callback but @create may be NULL.
 */
typedef struct {
	const gchar *name;
	gpointer (*create)(YmDetectContext *ctx, GError **error);
	void (*destroy)(gpointer state);
	void (*packet)(gpointer state,
	               YmDetectContext *ctx,
	               const YmPacket *packet,
	               const YmFlow *flow,
	               guint direction);
	void (*flow_end)(gpointer state, YmDetectContext *ctx, const YmFlow *flow);
	void (*tick)(gpointer state, YmDetectContext *ctx, gint64 now);
	gboolean (*reload)(gpointer state, YmDetectContext *ctx, GError **error);
} YmDetectorInfo;

/* the detectors built in, NULL-terminated (ym-detectors.c) */
extern const YmDetectorInfo *const ym_detectors[];

G_END_DECLS
