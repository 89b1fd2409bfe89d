/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * the alert lifecycle: findings aggregate per (type, device, key) with
 * first/last seen and a count; an alert resolves itself when its condition
 * has been gone for its type's quiet period and reopens if it returns;
 * a device raises at most one notification-worthy alert of a type per hour
 */

#define G_LOG_DOMAIN "YmAlerts"

#include "config.h"

#include "ym-alerts.h"

#include <sqlite3.h>
#include <stdio.h>

#include "ym-error.h"

#define YM_ALERTS_MAX            4096
#define YM_ALERT_NOTIFY_INTERVAL (G_GINT64_CONSTANT(3600) * G_USEC_PER_SEC)
#define YM_ALERT_QUIET_DEFAULT   (G_GINT64_CONSTANT(24) * 3600 * G_USEC_PER_SEC)

struct _YmAlerts {
	GObject parent_instance;
	/* owned */
	GPtrArray *alerts;         /* of YmAlert */
	GHashTable *by_key;        /* "type|mac|key" -> YmAlert */
	GHashTable *severities;    /* type -> GINT_TO_POINTER (severity + 1) */
	GHashTable *last_notified; /* "type|mac" -> gint64 * */
	/* state */
	guint64 dropped;
};

G_DEFINE_TYPE(YmAlerts, ym_alerts, G_TYPE_OBJECT)

static const gchar *const severity_names[] = {"info", "caution", "warning", "urgent"};
static const gchar *const state_names[] = {"open", "acknowledged", "snoozed", "resolved",
                                           "false_alarm"};

const gchar *
ym_severity_to_string(YmSeverity severity)
{
	return severity <= YM_SEVERITY_URGENT ? severity_names[severity] : "info";
}

YmSeverity
ym_severity_from_string(const gchar *text)
{
	for (guint i = 0; i < G_N_ELEMENTS(severity_names); i++) {
		if (g_strcmp0(severity_names[i], text) == 0)
			return (YmSeverity) i;
	}
	return YM_SEVERITY_INFO;
}

const gchar *
ym_alert_state_to_string(YmAlertState state)
{
	return state <= YM_ALERT_STATE_FALSE_ALARM ? state_names[state] : "open";
}

static YmAlertState
state_from_string(const gchar *text)
{
	for (guint i = 0; i < G_N_ELEMENTS(state_names); i++) {
		if (g_strcmp0(state_names[i], text) == 0)
			return (YmAlertState) i;
	}
	return YM_ALERT_STATE_OPEN;
}

static void
alert_free(gpointer data)
{
	YmAlert *alert = data;
	g_free(alert->type);
	g_free(alert->key);
	if (alert->evidence != NULL)
		json_object_unref(alert->evidence);
	g_free(alert);
}

void
ym_alerts_set_default_severity(YmAlerts *self, const gchar *type, YmSeverity severity)
{
	g_return_if_fail(YM_IS_ALERTS(self));
	g_hash_table_replace(self->severities, g_strdup(type), GINT_TO_POINTER(severity + 1));
}

/* the catalogue's safety modifiers: where a takeover means physical harm
 * (a door unlocked, a home watched, a heater switched on) it is one level
 * more serious */
static YmSeverity
severity_for(YmAlerts *self, const gchar *type, const YmDevice *device, YmSeverity minimum)
{
	gpointer value = g_hash_table_lookup(self->severities, type);
	YmSeverity severity =
	    value != NULL ? (YmSeverity) (GPOINTER_TO_INT(value) - 1) : YM_SEVERITY_CAUTION;
	if (device != NULL &&
	    (g_strcmp0(device->kind, "lock") == 0 || g_strcmp0(device->kind, "camera") == 0 ||
	     g_strcmp0(device->kind, "thermostat") == 0) &&
	    severity < YM_SEVERITY_URGENT)
		severity++;
	return MAX(severity, minimum);
}

/* quiet period after which a finding counts as gone */
static gint64
quiet_period(const gchar *type)
{
	static const struct {
		const gchar *type;
		gint64 seconds;
	} periods[] = {
	    {"botnet_behaviour", 3600},
	    {"password_guessing", 3600},
	    {"malicious_server_contact", 7 * 24 * 3600},
	    {"default_or_weak_password", 30 * 24 * 3600},
	    {"insecure_remote_access", 7 * 24 * 3600},
	    /* advisory findings end when a re-check says so, not with time */
	    {"firmware_update_available", 0},
	    {"known_exploited_vulnerability", 0},
	    {"end_of_support", 0},
	};
	for (guint i = 0; i < G_N_ELEMENTS(periods); i++) {
		if (g_strcmp0(periods[i].type, type) == 0)
			return periods[i].seconds > 0 ? periods[i].seconds * G_USEC_PER_SEC
			                              : G_MAXINT64 / 4;
	}
	return YM_ALERT_QUIET_DEFAULT;
}

static gboolean
take_notification(YmAlerts *self, const gchar *type, const gchar *mac, gint64 ts)
{
	g_autofree gchar *key = g_strconcat(type, "|", mac, NULL);
	gint64 *last = g_hash_table_lookup(self->last_notified, key);
	if (last != NULL && ts - *last < YM_ALERT_NOTIFY_INTERVAL && ts >= *last)
		return FALSE;
	if (last == NULL) {
		last = g_new(gint64, 1);
		g_hash_table_insert(self->last_notified, g_steal_pointer(&key), last);
	}
	*last = ts;
	return TRUE;
}

YmAlert *
ym_alerts_raise(YmAlerts *self,
                const gchar *type,
                const YmDevice *device,
                const gchar *key,
                gint64 ts,
                YmSeverity minimum,
                JsonObject *evidence)
{
	return ym_alerts_raise_full(self, type, device, key, ts, minimum, YM_SEVERITY_URGENT,
	                            evidence);
}

YmAlert *
ym_alerts_raise_full(YmAlerts *self,
                     const gchar *type,
                     const YmDevice *device,
                     const gchar *key,
                     gint64 ts,
                     YmSeverity minimum,
                     YmSeverity maximum,
                     JsonObject *evidence)
{
	g_autofree gchar *lookup = NULL;
	YmAlert *alert;
	YmSeverity severity;

	g_return_val_if_fail(YM_IS_ALERTS(self), NULL);
	g_return_val_if_fail(type != NULL, NULL);

	lookup = g_strdup_printf("%s|%s|%s", type, device != NULL ? device->mac_string : "",
	                         key != NULL ? key : "");
	severity = MIN(severity_for(self, type, device, minimum), maximum);
	alert = g_hash_table_lookup(self->by_key, lookup);
	if (alert == NULL) {
		if (self->alerts->len >= YM_ALERTS_MAX) {
			self->dropped++;
			if (evidence != NULL)
				json_object_unref(evidence);
			return NULL;
		}
		alert = g_new0(YmAlert, 1);
		alert->type = g_strdup(type);
		alert->key = g_strdup(key != NULL ? key : "");
		if (device != NULL)
			g_strlcpy(alert->mac, device->mac_string, sizeof(alert->mac));
		alert->first_seen = ts;
		alert->maximum = maximum;
		alert->state = YM_ALERT_STATE_OPEN;
		alert->notify = take_notification(self, type, alert->mac, ts);
		g_ptr_array_add(self->alerts, alert);
		g_hash_table_insert(self->by_key, g_steal_pointer(&lookup), alert);
	} else if (alert->state == YM_ALERT_STATE_RESOLVED) {
		/* it came back */
		alert->state = YM_ALERT_STATE_OPEN;
		alert->notify = take_notification(self, type, alert->mac, ts);
	}
	/* stronger evidence later may lift the cap, never weaker */
	alert->maximum = MAX(alert->maximum, maximum);
	alert->minimum = MAX(alert->minimum, minimum);
	alert->severity = MIN(MAX(alert->severity, severity), alert->maximum);
	alert->count++;
	if (ts < alert->first_seen)
		alert->first_seen = ts;
	if (ts > alert->last_seen)
		alert->last_seen = ts;
	if (evidence != NULL) {
		if (alert->evidence != NULL)
			json_object_unref(alert->evidence);
		alert->evidence = evidence;
	}
	alert->dirty = TRUE;
	return alert;
}

void
ym_alerts_update_severities(YmAlerts *self, YmInventory *inventory)
{
	g_return_if_fail(YM_IS_ALERTS(self));
	for (guint i = 0; i < self->alerts->len; i++) {
		YmAlert *alert = g_ptr_array_index(self->alerts, i);
		const YmDevice *device = NULL;
		guint8 mac[6];
		YmSeverity severity;
		if (!alert->dirty)
			continue;
		if (alert->mac[0] != '\0' &&
		    sscanf(alert->mac, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &mac[0], &mac[1], &mac[2],
		           &mac[3], &mac[4], &mac[5]) == 6)
			device = ym_inventory_lookup_mac(inventory, mac);
		severity =
		    MIN(severity_for(self, alert->type, device, alert->minimum), alert->maximum);
		alert->severity = MIN(MAX(alert->severity, severity), alert->maximum);
	}
}

void
ym_alerts_tick(YmAlerts *self, gint64 now)
{
	g_return_if_fail(YM_IS_ALERTS(self));
	for (guint i = 0; i < self->alerts->len; i++) {
		YmAlert *alert = g_ptr_array_index(self->alerts, i);
		if (alert->state != YM_ALERT_STATE_OPEN &&
		    alert->state != YM_ALERT_STATE_ACKNOWLEDGED)
			continue;
		if (alert->last_seen + quiet_period(alert->type) < now) {
			alert->state = YM_ALERT_STATE_RESOLVED;
			alert->dirty = TRUE;
		}
	}
}

gboolean
ym_alerts_resolve(YmAlerts *self, const gchar *type, const gchar *mac, const gchar *key, gint64 ts)
{
	g_autofree gchar *lookup = NULL;
	YmAlert *alert;

	g_return_val_if_fail(YM_IS_ALERTS(self), FALSE);
	lookup = g_strdup_printf("%s|%s|%s", type, mac != NULL ? mac : "", key != NULL ? key : "");
	alert = g_hash_table_lookup(self->by_key, lookup);
	if (alert == NULL ||
	    (alert->state != YM_ALERT_STATE_OPEN && alert->state != YM_ALERT_STATE_ACKNOWLEDGED &&
	     alert->state != YM_ALERT_STATE_SNOOZED))
		return FALSE;
	alert->state = YM_ALERT_STATE_RESOLVED;
	if (ts > alert->last_seen)
		alert->last_seen = ts;
	alert->dirty = TRUE;
	return TRUE;
}

GPtrArray *
ym_alerts_get_all(YmAlerts *self)
{
	g_return_val_if_fail(YM_IS_ALERTS(self), NULL);
	return self->alerts;
}

gboolean
ym_alerts_save(YmAlerts *self, YmStore *store, GError **error)
{
	g_return_val_if_fail(YM_IS_ALERTS(self), FALSE);
	for (guint i = 0; i < self->alerts->len; i++) {
		YmAlert *alert = g_ptr_array_index(self->alerts, i);
		g_autofree gchar *evidence = NULL;
		gpointer stmt;
		if (!alert->dirty)
			continue;
		if (alert->evidence != NULL) {
			g_autoptr(JsonNode) node = json_node_new(JSON_NODE_OBJECT);
			json_node_set_object(node, alert->evidence);
			evidence = json_to_string(node, FALSE);
		}
		stmt = ym_store_get_statement(store, YM_STORE_STMT_UPSERT_ALERT, error);
		if (stmt == NULL)
			return FALSE;
		ym_store_bind_text(stmt, 1, alert->type);
		ym_store_bind_text(stmt, 2, ym_severity_to_string(alert->severity));
		ym_store_bind_text(stmt, 3, alert->mac[0] != '\0' ? alert->mac : NULL);
		ym_store_bind_text(stmt, 4, alert->key);
		ym_store_bind_text(stmt, 5, ym_alert_state_to_string(alert->state));
		ym_store_bind_int64(stmt, 6, alert->first_seen);
		ym_store_bind_int64(stmt, 7, alert->last_seen);
		ym_store_bind_int64(stmt, 8, (gint64) alert->count);
		ym_store_bind_text(stmt, 9, evidence != NULL ? evidence : "{}");
		ym_store_bind_int64(stmt, 10, alert->notify);
		if (!ym_store_step(store, stmt, error))
			return FALSE;
		alert->dirty = FALSE;
	}
	return TRUE;
}

gboolean
ym_alerts_load(YmAlerts *self, YmStore *store, GError **error)
{
	sqlite3 *db = ym_store_get_db(store);
	sqlite3_stmt *stmt = NULL;
	g_return_val_if_fail(YM_IS_ALERTS(self), FALSE);
	if (sqlite3_prepare_v2(db,
	                       "SELECT type, severity, mac, key, state, first_seen, last_seen, "
	                       "count, evidence, notify FROM alerts ORDER BY id",
	                       -1, &stmt, NULL) != SQLITE_OK) {
		g_set_error(error, YM_ERROR, YM_ERROR_READ, "reading alerts: %s",
		            sqlite3_errmsg(db));
		return FALSE;
	}
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		YmAlert *alert = g_new0(YmAlert, 1);
		const gchar *mac = (const gchar *) sqlite3_column_text(stmt, 2);
		const gchar *evidence = (const gchar *) sqlite3_column_text(stmt, 8);
		g_autoptr(JsonParser) parser = json_parser_new();
		alert->type = g_strdup((const gchar *) sqlite3_column_text(stmt, 0));
		alert->severity =
		    ym_severity_from_string((const gchar *) sqlite3_column_text(stmt, 1));
		/* the cap is not stored; the severity it allowed is (without
		 * this a stored alert that is resolved drops to info) */
		alert->maximum = alert->severity;
		if (mac != NULL)
			g_strlcpy(alert->mac, mac, sizeof(alert->mac));
		alert->key = g_strdup((const gchar *) sqlite3_column_text(stmt, 3));
		alert->state = state_from_string((const gchar *) sqlite3_column_text(stmt, 4));
		alert->first_seen = sqlite3_column_int64(stmt, 5);
		alert->last_seen = sqlite3_column_int64(stmt, 6);
		alert->count = (guint64) sqlite3_column_int64(stmt, 7);
		alert->notify = sqlite3_column_int(stmt, 9) != 0;
		if (evidence != NULL && json_parser_load_from_data(parser, evidence, -1, NULL) &&
		    JSON_NODE_HOLDS_OBJECT(json_parser_get_root(parser)))
			alert->evidence =
			    json_object_ref(json_node_get_object(json_parser_get_root(parser)));
		g_ptr_array_add(self->alerts, alert);
		g_hash_table_insert(
		    self->by_key, g_strdup_printf("%s|%s|%s", alert->type, alert->mac, alert->key),
		    alert);
	}
	sqlite3_finalize(stmt);
	return TRUE;
}

YmAlerts *
ym_alerts_new(void)
{
	return g_object_new(YM_TYPE_ALERTS, NULL);
}

static void
ym_alerts_finalize(GObject *object)
{
	YmAlerts *self = YM_ALERTS(object);
	g_hash_table_unref(self->by_key);
	g_hash_table_unref(self->severities);
	g_hash_table_unref(self->last_notified);
	g_ptr_array_unref(self->alerts);
	G_OBJECT_CLASS(ym_alerts_parent_class)->finalize(object);
}

static void
ym_alerts_class_init(YmAlertsClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->finalize = ym_alerts_finalize;
}

static void
ym_alerts_init(YmAlerts *self)
{
	self->alerts = g_ptr_array_new_with_free_func(alert_free);
	self->by_key = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	self->severities = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	self->last_notified = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
}
