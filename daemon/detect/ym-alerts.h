/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "ym-device.h"
#include "ym-inventory.h"
#include "ym-store.h"

G_BEGIN_DECLS

#define YM_TYPE_ALERTS (ym_alerts_get_type())
G_DECLARE_FINAL_TYPE(YmAlerts, ym_alerts, YM, ALERTS, GObject)

typedef enum {
	YM_SEVERITY_INFO,
	YM_SEVERITY_CAUTION,
	YM_SEVERITY_WARNING,
	YM_SEVERITY_URGENT,
} YmSeverity;

typedef enum {
	YM_ALERT_STATE_OPEN,
	YM_ALERT_STATE_ACKNOWLEDGED,
	YM_ALERT_STATE_SNOOZED,
	YM_ALERT_STATE_RESOLVED,
	YM_ALERT_STATE_FALSE_ALARM,
} YmAlertState;

/* one finding, aggregated per (type, device, key) */
typedef struct {
	gchar *type;   /* a topic ID of the guidance catalogue */
	gchar *key;    /* what distinguishes findings of one type on one device */
	gchar mac[18]; /* the device concerned, or "" */
	YmSeverity severity;
	YmSeverity minimum; /* the detectors' floor */
	YmSeverity maximum; /* a cap, for weak or harmless findings (URGENT: none) */
	YmAlertState state;
	gint64 first_seen;
	gint64 last_seen;
	guint64 count;
	JsonObject *evidence; /* peers, ports, counts and times: never payloads or secrets */
	gboolean notify;      /* worth a notification (storm control) */
	gboolean dirty;
	gint64 store_id;
} YmAlert;

YmAlerts *
ym_alerts_new(void);
/* the default severity of each type, from the guidance catalogue */
void
ym_alerts_set_default_severity(YmAlerts *self, const gchar *type, YmSeverity severity);
/* raises or refreshes the alert for (@type, @device, @key); @evidence
 * (transfer full, may be NULL) replaces the stored evidence; the severity
 * is the type's, raised where the device can cause physical harm, and
 * never below @minimum */
YmAlert *
ym_alerts_raise(YmAlerts *self,
                const gchar *type,
                const YmDevice *device,
                const gchar *key,
                gint64 ts,
                YmSeverity minimum,
                JsonObject *evidence);
/* the severity again, now that the devices' kinds may be known */
void
ym_alerts_update_severities(YmAlerts *self, YmInventory *inventory);
/* as ym_alerts_raise(), and never above @maximum either: for findings on
 * weak evidence, e.g. a TLS fingerprint that common software shares */
YmAlert *
ym_alerts_raise_full(YmAlerts *self,
                     const gchar *type,
                     const YmDevice *device,
                     const gchar *key,
                     gint64 ts,
                     YmSeverity minimum,
                     YmSeverity maximum,
                     JsonObject *evidence);
/* resolves alerts whose condition has been gone for their quiet period */
void
ym_alerts_tick(YmAlerts *self, gint64 now);
/* a re-check found the condition gone (the firmware was updated): the
 * alert is resolved now rather than after a quiet period; FALSE when there
 * was no such open alert */
gboolean
ym_alerts_resolve(YmAlerts *self, const gchar *type, const gchar *mac, const gchar *key, gint64 ts);
GPtrArray *
ym_alerts_get_all(YmAlerts *self);
gboolean
ym_alerts_load(YmAlerts *self, YmStore *store, GError **error);
gboolean
ym_alerts_save(YmAlerts *self, YmStore *store, GError **error);

const gchar *
ym_severity_to_string(YmSeverity severity);
YmSeverity
ym_severity_from_string(const gchar *text);
const gchar *
ym_alert_state_to_string(YmAlertState state);

G_END_DECLS
