/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * the report contract of `yamorid --read FILE --report json|text`; the keys
 * are documented in data/api/report.md and must stay stable
 */

#define G_LOG_DOMAIN "YmReport"

#include "config.h"

#include "ym-report.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "ym-device.h"
#include "ym-error.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC(sqlite3_stmt, sqlite3_finalize)

typedef struct {
	gint64 id;
	gchar *mac;
	gchar *vendor;
	gchar *kind;
	gint64 kind_confidence;
	gint64 os_confidence;
	gint64 model_confidence;
	gint64 firmware_confidence;
	gchar *os;
	gchar *model;
	gchar *firmware;
	gchar *upnp_manufacturer; /* from the UPnP description, the latest */
	gchar *upnp_friendly_name;
	gboolean locally_administered;
	guint roles;
	gint64 first_seen;
	gint64 last_seen;
	GPtrArray *ipv4;
	GPtrArray *ipv6;
	GPtrArray *hostnames;
	GPtrArray *linked_macs;
	GPtrArray *observations; /* "kind\tvalue" */
	GPtrArray *address_rows; /* "address\tsource\tfirst\tlast" */
} ReportDevice;

static void
report_device_free(gpointer data)
{
	ReportDevice *d = data;
	g_free(d->mac);
	g_free(d->vendor);
	g_free(d->kind);
	g_free(d->os);
	g_free(d->model);
	g_free(d->firmware);
	g_free(d->upnp_manufacturer);
	g_free(d->upnp_friendly_name);
	g_ptr_array_unref(d->ipv4);
	g_ptr_array_unref(d->ipv6);
	g_ptr_array_unref(d->hostnames);
	g_ptr_array_unref(d->linked_macs);
	g_ptr_array_unref(d->observations);
	g_ptr_array_unref(d->address_rows);
	g_free(d);
}

gchar *
ym_format_timestamp(gint64 usec)
{
	g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc(usec / G_USEC_PER_SEC);
	if (dt == NULL)
		return NULL;
	return g_date_time_format(dt, "%Y-%m-%dT%H:%M:%SZ");
}

static sqlite3_stmt *
prepare(sqlite3 *db, const gchar *sql, GError **error)
{
	sqlite3_stmt *stmt = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		g_set_error(error, YM_ERROR, YM_ERROR_READ, "reading the store: %s",
		            sqlite3_errmsg(db));
		return NULL;
	}
	return stmt;
}

static gchar *
column_dup(sqlite3_stmt *stmt, gint column)
{
	const guchar *text = sqlite3_column_text(stmt, column);
	return text != NULL ? g_strdup((const gchar *) text) : NULL;
}

/* all values of one column for one device */
static gboolean
load_list(sqlite3 *db, const gchar *sql, gint64 id, GPtrArray *out, GError **error)
{
	g_autoptr(sqlite3_stmt) stmt = prepare(db, sql, error);
	if (stmt == NULL)
		return FALSE;
	sqlite3_bind_int64(stmt, 1, id);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		gchar *value = column_dup(stmt, 0);
		gboolean seen = FALSE;
		if (value == NULL)
			continue;
		for (guint i = 0; i < out->len; i++) {
			if (g_ascii_strcasecmp(g_ptr_array_index(out, i), value) == 0)
				seen = TRUE;
		}
		if (seen)
			g_free(value);
		else
			g_ptr_array_add(out, value);
	}
	return TRUE;
}

/* the value of one kind of observation seen last */
static gboolean
load_latest(sqlite3 *db, gint64 id, const gchar *kind, gchar **out, GError **error)
{
	g_autoptr(sqlite3_stmt) stmt =
	    prepare(db,
	            "SELECT value FROM observations WHERE device_id = ?1 "
	            "AND kind = ?2 ORDER BY last_seen DESC, rowid DESC "
	            "LIMIT 1",
	            error);
	if (stmt == NULL)
		return FALSE;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, kind, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*out = column_dup(stmt, 0);
	return TRUE;
}

static GPtrArray *
load_devices(sqlite3 *db, GError **error)
{
	g_autoptr(GPtrArray) devices = g_ptr_array_new_with_free_func(report_device_free);
	g_autoptr(sqlite3_stmt) stmt =
	    prepare(db,
	            "SELECT id, mac, vendor, kind, kind_confidence, os, model, firmware, "
	            "locally_administered, roles, first_seen, last_seen, os_confidence, "
	            "model_confidence, firmware_confidence FROM devices "
	            "WHERE linked_to IS NULL ORDER BY first_seen, mac",
	            error);
	if (stmt == NULL)
		return NULL;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		ReportDevice *d = g_new0(ReportDevice, 1);
		d->id = sqlite3_column_int64(stmt, 0);
		d->mac = column_dup(stmt, 1);
		d->vendor = column_dup(stmt, 2);
		d->kind = column_dup(stmt, 3);
		d->kind_confidence = sqlite3_column_int64(stmt, 4);
		d->os = column_dup(stmt, 5);
		d->model = column_dup(stmt, 6);
		d->firmware = column_dup(stmt, 7);
		d->locally_administered = sqlite3_column_int(stmt, 8) != 0;
		d->roles = (guint) sqlite3_column_int(stmt, 9);
		d->first_seen = sqlite3_column_int64(stmt, 10);
		d->last_seen = sqlite3_column_int64(stmt, 11);
		d->os_confidence = sqlite3_column_int64(stmt, 12);
		d->model_confidence = sqlite3_column_int64(stmt, 13);
		d->firmware_confidence = sqlite3_column_int64(stmt, 14);
		d->ipv4 = g_ptr_array_new_with_free_func(g_free);
		d->ipv6 = g_ptr_array_new_with_free_func(g_free);
		d->hostnames = g_ptr_array_new_with_free_func(g_free);
		d->linked_macs = g_ptr_array_new_with_free_func(g_free);
		d->observations = g_ptr_array_new_with_free_func(g_free);
		d->address_rows = g_ptr_array_new_with_free_func(g_free);
		g_ptr_array_add(devices, d);
	}
	for (guint i = 0; i < devices->len; i++) {
		ReportDevice *d = g_ptr_array_index(devices, i);
		if (!load_list(db,
		               "SELECT address FROM addresses WHERE device_id = ?1 AND family = 4 "
		               "ORDER BY last_seen DESC, address",
		               d->id, d->ipv4, error) ||
		    !load_list(db,
		               "SELECT address FROM addresses WHERE device_id = ?1 AND family = 6 "
		               "ORDER BY last_seen DESC, address",
		               d->id, d->ipv6, error) ||
		    !load_list(
		        db, "SELECT name FROM names WHERE device_id = ?1 ORDER BY first_seen, name",
		        d->id, d->hostnames, error) ||
		    !load_list(db,
		               "SELECT mac FROM devices WHERE linked_to = (SELECT mac FROM devices "
		               "WHERE id = ?1) ORDER BY first_seen",
		               d->id, d->linked_macs, error) ||
		    !load_list(db,
		               "SELECT address || char(9) || source || char(9) || first_seen || "
		               "char(9) || last_seen FROM addresses WHERE device_id = ?1 "
		               "ORDER BY first_seen, address",
		               d->id, d->address_rows, error) ||
		    !load_list(
		        db,
		        "SELECT kind || char(9) || value FROM observations WHERE device_id = ?1 "
		        "AND kind != 'dhcp_client_id' AND kind != 'dhcpv6_duid' "
		        "ORDER BY kind, first_seen",
		        d->id, d->observations, error) ||
		    !load_latest(db, d->id, "upnp_manufacturer", &d->upnp_manufacturer, error) ||
		    !load_latest(db, d->id, "upnp_friendly_name", &d->upnp_friendly_name, error))
			return NULL;
	}
	return g_steal_pointer(&devices);
}

static void
add_string_or_null(JsonBuilder *builder, const gchar *member, const gchar *value)
{
	json_builder_set_member_name(builder, member);
	if (value != NULL)
		json_builder_add_string_value(builder, value);
	else
		json_builder_add_null_value(builder);
}

static void
add_string_array(JsonBuilder *builder, const gchar *member, GPtrArray *values)
{
	json_builder_set_member_name(builder, member);
	json_builder_begin_array(builder);
	for (guint i = 0; i < values->len; i++)
		json_builder_add_string_value(builder, g_ptr_array_index(values, i));
	json_builder_end_array(builder);
}

static void
add_timestamp(JsonBuilder *builder, const gchar *member, gint64 usec)
{
	g_autofree gchar *text = usec != 0 ? ym_format_timestamp(usec) : NULL;
	add_string_or_null(builder, member, text);
}

static void
add_roles(JsonBuilder *builder, guint roles)
{
	json_builder_set_member_name(builder, "roles");
	json_builder_begin_array(builder);
	if (roles & YM_ROLE_GATEWAY)
		json_builder_add_string_value(builder, "gateway");
	if (roles & YM_ROLE_DHCP_SERVER)
		json_builder_add_string_value(builder, "dhcp_server");
	if (roles & YM_ROLE_DNS_SERVER)
		json_builder_add_string_value(builder, "dns_server");
	json_builder_end_array(builder);
}

/* observations as {kind: [values]} */
static void
add_evidence(JsonBuilder *builder, GPtrArray *observations)
{
	const gchar *current = NULL;
	gsize current_len = 0;
	json_builder_set_member_name(builder, "evidence");
	json_builder_begin_object(builder);
	for (guint i = 0; i < observations->len; i++) {
		const gchar *row = g_ptr_array_index(observations, i);
		const gchar *tab = strchr(row, '\t');
		if (tab == NULL)
			continue;
		if (current == NULL || (gsize) (tab - row) != current_len ||
		    strncmp(row, current, current_len) != 0) {
			g_autofree gchar *kind = g_strndup(row, (gsize) (tab - row));
			if (current != NULL)
				json_builder_end_array(builder);
			json_builder_set_member_name(builder, kind);
			json_builder_begin_array(builder);
			current = row;
			current_len = (gsize) (tab - row);
		}
		json_builder_add_string_value(builder, tab + 1);
	}
	if (current != NULL)
		json_builder_end_array(builder);
	json_builder_end_object(builder);
}

static void
add_confidence(JsonBuilder *builder, const ReportDevice *d)
{
	json_builder_set_member_name(builder, "confidence");
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, "kind");
	json_builder_add_int_value(builder, d->kind_confidence);
	json_builder_set_member_name(builder, "os");
	json_builder_add_int_value(builder, d->os_confidence);
	json_builder_set_member_name(builder, "model");
	json_builder_add_int_value(builder, d->model_confidence);
	json_builder_set_member_name(builder, "firmware");
	json_builder_add_int_value(builder, d->firmware_confidence);
	json_builder_end_object(builder);
}

/* every address with where it came from and when it was in use */
static void
add_address_history(JsonBuilder *builder, GPtrArray *rows)
{
	json_builder_set_member_name(builder, "addresses");
	json_builder_begin_array(builder);
	for (guint i = 0; i < rows->len; i++) {
		g_auto(GStrv) cols = g_strsplit(g_ptr_array_index(rows, i), "\t", 4);
		if (g_strv_length(cols) != 4)
			continue;
		json_builder_begin_object(builder);
		json_builder_set_member_name(builder, "address");
		json_builder_add_string_value(builder, cols[0]);
		json_builder_set_member_name(builder, "source");
		json_builder_add_string_value(builder, cols[1]);
		add_timestamp(builder, "first_seen", g_ascii_strtoll(cols[2], NULL, 10));
		add_timestamp(builder, "last_seen", g_ascii_strtoll(cols[3], NULL, 10));
		json_builder_end_object(builder);
	}
	json_builder_end_array(builder);
}

static void
add_device_json(JsonBuilder *builder, const ReportDevice *d)
{
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, "mac");
	json_builder_add_string_value(builder, d->mac);
	add_string_array(builder, "ipv4", d->ipv4);
	add_string_array(builder, "ipv6", d->ipv6);
	add_string_or_null(builder, "vendor", d->vendor);
	add_string_array(builder, "hostnames", d->hostnames);
	json_builder_set_member_name(builder, "kind");
	json_builder_add_string_value(builder, d->kind);
	json_builder_set_member_name(builder, "kind_confidence");
	json_builder_add_int_value(builder, d->kind_confidence);
	add_string_or_null(builder, "os", d->os);
	add_string_or_null(builder, "model", d->model);
	add_string_or_null(builder, "firmware", d->firmware);
	add_string_or_null(builder, "upnp_manufacturer", d->upnp_manufacturer);
	add_string_or_null(builder, "upnp_friendly_name", d->upnp_friendly_name);
	add_timestamp(builder, "first_seen", d->first_seen);
	add_timestamp(builder, "last_seen", d->last_seen);
	json_builder_set_member_name(builder, "randomized_mac");
	json_builder_add_boolean_value(builder, d->locally_administered);
	add_string_array(builder, "linked_macs", d->linked_macs);
	add_roles(builder, d->roles);
	add_confidence(builder, d);
	add_address_history(builder, d->address_rows);
	add_evidence(builder, d->observations);
	json_builder_end_object(builder);
}

static gboolean
add_network_json(JsonBuilder *builder, sqlite3 *db, GError **error)
{
	const gchar *roles[] = {"gateway", "dhcp_server", "dns_server"};
	const gchar *members[] = {"gateways", "dhcp_servers", "dns_servers"};
	json_builder_set_member_name(builder, "network");
	json_builder_begin_object(builder);
	for (guint i = 0; i < G_N_ELEMENTS(roles); i++) {
		g_autoptr(sqlite3_stmt) stmt = prepare(
		    db,
		    "SELECT s.address, d.mac FROM services s LEFT JOIN devices d "
		    "ON d.id = s.device_id WHERE s.role = ?1 ORDER BY s.first_seen, s.address",
		    error);
		if (stmt == NULL)
			return FALSE;
		sqlite3_bind_text(stmt, 1, roles[i], -1, SQLITE_STATIC);
		json_builder_set_member_name(builder, members[i]);
		json_builder_begin_array(builder);
		while (sqlite3_step(stmt) == SQLITE_ROW) {
			json_builder_begin_object(builder);
			json_builder_set_member_name(builder, "address");
			json_builder_add_string_value(builder,
			                              (const gchar *) sqlite3_column_text(stmt, 0));
			add_string_or_null(builder, "mac",
			                   (const gchar *) sqlite3_column_text(stmt, 1));
			json_builder_end_object(builder);
		}
		json_builder_end_array(builder);
	}
	/* the gateway inferred from traffic when DHCP did not name it */
	{
		g_autoptr(sqlite3_stmt) stmt = prepare(db,
		                                       "SELECT mac FROM devices WHERE roles & 1 "
		                                       "AND linked_to IS NULL ORDER BY first_seen",
		                                       error);
		g_autoptr(GPtrArray) macs = g_ptr_array_new_with_free_func(g_free);
		if (stmt == NULL)
			return FALSE;
		while (sqlite3_step(stmt) == SQLITE_ROW)
			g_ptr_array_add(macs, column_dup(stmt, 0));
		add_string_array(builder, "gateway_macs", macs);
	}
	json_builder_end_object(builder);
	return TRUE;
}

static const gchar *
kind_label(const gchar *kind);

/* device kinds in the guidance language, whatever the gettext locale */
static const gchar *
kind_label_ja(const gchar *kind)
{
	static const gchar *const names[][2] = {
	    {"router", "ルーター"},
	    {"computer", "パソコン"},
	    {"phone", "スマートフォン"},
	    {"tablet", "タブレット"},
	    {"tv", "テレビ"},
	    {"streaming", "動画配信端末"},
	    {"speaker", "スマートスピーカー"},
	    {"camera", "カメラ"},
	    {"printer", "プリンター"},
	    {"nas", "ネットワークストレージ"},
	    {"plug", "スマートプラグ"},
	    {"light", "照明"},
	    {"lock", "ドアロック"},
	    {"thermostat", "温度調節器"},
	    {"hub", "スマートホームのハブ"},
	    {"game-console", "ゲーム機"},
	    {"iot", "スマートホーム機器"},
	};
	for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
		if (g_strcmp0(names[i][0], kind) == 0)
			return names[i][1];
	}
	return "機器";
}

static const ReportDevice *
find_device(GPtrArray *devices, const gchar *mac)
{
	for (guint i = 0; mac != NULL && i < devices->len; i++) {
		const ReportDevice *d = g_ptr_array_index(devices, i);
		if (g_strcmp0(d->mac, mac) == 0)
			return d;
		for (guint j = 0; j < d->linked_macs->len; j++) {
			if (g_strcmp0(g_ptr_array_index(d->linked_macs, j), mac) == 0)
				return d;
		}
	}
	return NULL;
}

/* what the resident calls the device: its name, else maker and kind */
static gchar *
device_label(const ReportDevice *d, const gchar *lang)
{
	if (d == NULL)
		return NULL;
	if (d->hostnames->len > 0)
		return g_strdup(g_ptr_array_index(d->hostnames, 0));
	if (g_strcmp0(lang, "ja") == 0)
		return d->vendor != NULL
		           ? g_strdup_printf("%s の%s", d->vendor, kind_label_ja(d->kind))
		           : g_strdup(kind_label_ja(d->kind));
	if (d->vendor != NULL)
		return g_strdup_printf("%s %s", d->vendor, kind_label(d->kind));
	return g_strdup(kind_label(d->kind));
}

typedef struct {
	gchar *type;
	gchar *severity;
	gchar *mac;
	gint64 first_seen;
	gint64 last_seen;
	gint64 count;
	JsonNode *evidence;
	gchar *state;
	gchar *key;
	gboolean notify;
	gchar *title;
	gchar *why;
	GPtrArray *steps;
} ReportAlert;

static void
report_alert_free(gpointer data)
{
	ReportAlert *a = data;
	g_free(a->type);
	g_free(a->severity);
	g_free(a->mac);
	if (a->evidence != NULL)
		json_node_unref(a->evidence);
	g_free(a->state);
	g_free(a->key);
	g_free(a->title);
	g_free(a->why);
	g_ptr_array_unref(a->steps);
	g_free(a);
}

static void
add_evidence_slots(GHashTable *slots, JsonObject *evidence)
{
	g_autoptr(GList) members = json_object_get_members(evidence);
	for (GList *l = members; l != NULL; l = l->next) {
		JsonNode *node = json_object_get_member(evidence, l->data);
		if (g_hash_table_contains(slots, l->data) || !JSON_NODE_HOLDS_VALUE(node) ||
		    json_node_get_value_type(node) != G_TYPE_STRING)
			continue;
		/* the member names live as long as the evidence node */
		g_hash_table_insert(slots, l->data, g_strdup(json_node_get_string(node)));
	}
}

/* the alerts with their text rendered from the guidance catalogue */
static GPtrArray *
load_alerts(sqlite3 *db,
            YmGuidance *guidance,
            GPtrArray *devices,
            const gchar *lang,
            GError **error)
{
	g_autoptr(GPtrArray) alerts = g_ptr_array_new_with_free_func(report_alert_free);
	g_autoptr(sqlite3_stmt) stmt =
	    prepare(db,
	            "SELECT type, severity, mac, first_seen, last_seen, count, evidence, state, "
	            "key, notify "
	            "FROM alerts ORDER BY CASE severity WHEN 'urgent' THEN 0 WHEN 'warning' THEN 1 "
	            "WHEN 'caution' THEN 2 ELSE 3 END, first_seen, id",
	            error);
	if (stmt == NULL)
		return NULL;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		ReportAlert *a = g_new0(ReportAlert, 1);
		const gchar *mac = (const gchar *) sqlite3_column_text(stmt, 2);
		const gchar *evidence = (const gchar *) sqlite3_column_text(stmt, 6);
		const YmGuidanceTopic *topic;
		const ReportDevice *device;
		g_autoptr(JsonParser) parser = json_parser_new();
		g_autoptr(GHashTable) slots =
		    g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
		gchar *label;

		a->type = column_dup(stmt, 0);
		a->severity = column_dup(stmt, 1);
		a->mac = mac != NULL && mac[0] != '\0' ? g_strdup(mac) : NULL;
		a->first_seen = sqlite3_column_int64(stmt, 3);
		a->last_seen = sqlite3_column_int64(stmt, 4);
		a->count = sqlite3_column_int64(stmt, 5);
		if (evidence != NULL && json_parser_load_from_data(parser, evidence, -1, NULL))
			a->evidence = json_node_copy(json_parser_get_root(parser));
		a->state = column_dup(stmt, 7);
		a->key = column_dup(stmt, 8);
		a->notify = sqlite3_column_int(stmt, 9) != 0;
		a->steps = g_ptr_array_new_with_free_func(g_free);
		device = find_device(devices, a->mac);
		label = device_label(device, lang);
		if (label != NULL)
			g_hash_table_insert(slots, (gpointer) "device_label", label);
		/* the alert's own parameters fill the other slots: the maker's
		 * page, the port, the amount */
		if (a->evidence != NULL && JSON_NODE_HOLDS_OBJECT(a->evidence))
			add_evidence_slots(slots, json_node_get_object(a->evidence));
		topic = guidance != NULL ? ym_guidance_lookup(guidance, a->type) : NULL;
		if (topic != NULL) {
			const gchar *why_extra = NULL;
			const gchar *step_first = NULL;
			g_autofree gchar *why = NULL;
			a->title = ym_guidance_render(ym_guidance_topic_get_title(topic, lang),
			                              slots, lang);
			why =
			    ym_guidance_render(ym_guidance_topic_get_why(topic, lang), slots, lang);
			/* the catalogue's safety modifier for locks, cameras and the like */
			if (device != NULL && ym_guidance_get_modifier(guidance, device->kind, lang,
			                                               &why_extra, &step_first)) {
				a->why = g_strconcat(
				    why_extra, g_strcmp0(lang, "ja") == 0 ? "" : " ", why, NULL);
				g_ptr_array_add(a->steps, g_strdup(step_first));
			} else {
				a->why = g_steal_pointer(&why);
			}
			for (guint i = 0; i < ym_guidance_topic_get_n_steps(topic); i++)
				g_ptr_array_add(
				    a->steps,
				    ym_guidance_render(ym_guidance_topic_get_step(topic, i, lang),
				                       slots, lang));
		} else {
			a->title = g_strdup(a->type);
		}
		g_ptr_array_add(alerts, a);
	}
	return g_steal_pointer(&alerts);
}

static void
add_alerts_json(JsonBuilder *builder, GPtrArray *alerts)
{
	json_builder_set_member_name(builder, "alerts");
	json_builder_begin_array(builder);
	for (guint i = 0; i < alerts->len; i++) {
		const ReportAlert *a = g_ptr_array_index(alerts, i);
		json_builder_begin_object(builder);
		json_builder_set_member_name(builder, "type");
		json_builder_add_string_value(builder, a->type);
		json_builder_set_member_name(builder, "severity");
		json_builder_add_string_value(builder, a->severity);
		add_string_or_null(builder, "device", a->mac);
		add_timestamp(builder, "first_seen", a->first_seen);
		add_timestamp(builder, "last_seen", a->last_seen);
		json_builder_set_member_name(builder, "count");
		json_builder_add_int_value(builder, a->count);
		json_builder_set_member_name(builder, "evidence");
		if (a->evidence != NULL) {
			json_builder_add_value(builder, json_node_copy(a->evidence));
		} else {
			json_builder_begin_object(builder);
			json_builder_end_object(builder);
		}
		json_builder_set_member_name(builder, "title");
		json_builder_add_string_value(builder, a->title);
		json_builder_set_member_name(builder, "state");
		json_builder_add_string_value(builder, a->state);
		json_builder_set_member_name(builder, "key");
		json_builder_add_string_value(builder, a->key);
		json_builder_set_member_name(builder, "notify");
		json_builder_add_boolean_value(builder, a->notify);
		json_builder_end_object(builder);
	}
	json_builder_end_array(builder);
}

static void
add_stats_json(JsonBuilder *builder, const YmRunStats *stats, guint n_devices)
{
	json_builder_set_member_name(builder, "stats");
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, "packets");
	json_builder_add_int_value(builder, (gint64) stats->packets);
	json_builder_set_member_name(builder, "bytes");
	json_builder_add_int_value(builder, (gint64) stats->bytes);
	json_builder_set_member_name(builder, "decode_events");
	json_builder_add_int_value(builder, (gint64) stats->decode_events);
	json_builder_set_member_name(builder, "decode_events_by_type");
	json_builder_begin_object(builder);
	for (guint i = 1; i < YM_EVENT_LAST; i++) {
		if (stats->events[i] == 0)
			continue;
		json_builder_set_member_name(builder, ym_decode_event_to_string(i));
		json_builder_add_int_value(builder, (gint64) stats->events[i]);
	}
	json_builder_end_object(builder);
	json_builder_set_member_name(builder, "flows");
	json_builder_add_int_value(builder, (gint64) stats->flows);
	json_builder_set_member_name(builder, "duration");
	json_builder_add_double_value(
	    builder, stats->packets > 0
	                 ? (gdouble) (stats->last_packet - stats->first_packet) / G_USEC_PER_SEC
	                 : 0.0);
	add_timestamp(builder, "first_packet", stats->packets > 0 ? stats->first_packet : 0);
	add_timestamp(builder, "last_packet", stats->packets > 0 ? stats->last_packet : 0);
	json_builder_set_member_name(builder, "devices");
	json_builder_add_int_value(builder, n_devices);
	json_builder_end_object(builder);
}

static gchar *
build_json(sqlite3 *db,
           GPtrArray *devices,
           GPtrArray *alerts,
           const YmRunStats *stats,
           GError **error)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonGenerator) generator = json_generator_new();
	g_autoptr(JsonNode) root = NULL;

	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, "version");
	json_builder_add_int_value(builder, 1);
	json_builder_set_member_name(builder, "devices");
	json_builder_begin_array(builder);
	for (guint i = 0; i < devices->len; i++)
		add_device_json(builder, g_ptr_array_index(devices, i));
	json_builder_end_array(builder);
	add_alerts_json(builder, alerts);
	if (!add_network_json(builder, db, error))
		return NULL;
	add_stats_json(builder, stats, devices->len);
	json_builder_end_object(builder);

	root = json_builder_get_root(builder);
	json_generator_set_root(generator, root);
	json_generator_set_pretty(generator, TRUE);
	json_generator_set_indent(generator, 2);
	return json_generator_to_data(generator, NULL);
}

static const gchar *
kind_label(const gchar *kind)
{
	static const struct {
		const gchar *kind;
		const gchar *label;
	} labels[] = {
	    /* TRANSLATORS: device kinds in the text report */
	    {"router", N_("Router")},
	    {"computer", N_("Computer")},
	    {"phone", N_("Phone")},
	    {"tablet", N_("Tablet")},
	    {"tv", N_("TV")},
	    {"streaming", N_("Streaming device")},
	    {"speaker", N_("Smart speaker")},
	    {"camera", N_("Camera")},
	    {"printer", N_("Printer")},
	    {"nas", N_("Network storage")},
	    {"plug", N_("Smart plug")},
	    {"light", N_("Light")},
	    {"lock", N_("Door lock")},
	    {"thermostat", N_("Thermostat")},
	    {"hub", N_("Smart-home hub")},
	    {"game-console", N_("Game console")},
	    {"iot", N_("Smart-home device")},
	};
	for (guint i = 0; i < G_N_ELEMENTS(labels); i++) {
		if (g_strcmp0(labels[i].kind, kind) == 0)
			return _(labels[i].label);
	}
	/* TRANSLATORS: a device whose kind we could not tell */
	return _("Unknown device");
}

static void
append_field(GString *out, const gchar *label, const gchar *value)
{
	/* labels are translated and may be wider than ASCII: no column padding */
	g_string_append_printf(out, "    %s %s\n", label, value);
}

/* the resident's labels for severities (catalogue section 1.2) */
static const gchar *
severity_label(const gchar *severity, const gchar *lang)
{
	static const struct {
		const gchar *severity;
		const gchar *ja;
		const gchar *en;
	} labels[] = {
	    {"urgent", "緊急", "Act now"},
	    {"warning", "警告", "Action needed"},
	    {"caution", "注意", "Check this"},
	    {"info", "お知らせ", "Tip"},
	};
	for (guint i = 0; i < G_N_ELEMENTS(labels); i++) {
		if (g_strcmp0(labels[i].severity, severity) == 0)
			return g_strcmp0(lang, "ja") == 0 ? labels[i].ja : labels[i].en;
	}
	return severity;
}

/* the vulnerabilities an advisory alert lists, one line each, in the
 * publisher's words where they wrote in the reader's language */
static void
append_advisory_entries(GString *out, JsonNode *evidence, const gchar *lang)
{
	JsonObject *object;
	JsonArray *entries;
	const gchar *fixed;

	if (evidence == NULL || !JSON_NODE_HOLDS_OBJECT(evidence))
		return;
	object = json_node_get_object(evidence);
	if (!json_object_has_member(object, "entries"))
		return;
	entries = json_object_get_array_member(object, "entries");
	fixed = json_object_get_string_member_with_default(object, "fixed_version", NULL);
	if (fixed != NULL)
		/* TRANSLATORS: in the text report; %s is a firmware version */
		g_string_append_printf(out, _("    Fixed firmware: %s or later.\n"), fixed);
	for (guint i = 0; entries != NULL && i < json_array_get_length(entries); i++) {
		JsonObject *entry = json_array_get_object_element(entries, i);
		JsonObject *advisory = json_object_get_object_member(entry, "advisory");
		const gchar *title = json_object_get_string_member_with_default(
		    entry, g_strcmp0(lang, "ja") == 0 ? "title_ja" : "title_en", NULL);
		const gchar *status =
		    json_object_get_string_member_with_default(entry, "status", "");
		g_string_append_printf(
		    out, "    - %s (%s %s)%s%s%s\n",
		    json_object_get_string_member_with_default(entry, "cve", "-"),
		    json_object_get_string_member_with_default(advisory, "source", ""),
		    json_object_get_string_member_with_default(advisory, "id", ""),
		    title != NULL ? " " : "", title != NULL ? title : "",
		    /* TRANSLATORS: after a vulnerability whose match is uncertain */
		    g_strcmp0(status, "maybe") == 0 ? _(" [may be affected]") : "");
	}
}

static void
append_alerts_text(GString *out, GPtrArray *alerts, const gchar *lang)
{
	guint shown = 0;
	g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (guint i = 0; i < alerts->len; i++) {
		const ReportAlert *a = g_ptr_array_index(alerts, i);
		if (g_strcmp0(a->state, "open") != 0 && g_strcmp0(a->state, "acknowledged") != 0)
			continue;
		/* one entry per problem and device: the keys only split the evidence */
		if (!g_hash_table_add(
		        seen, g_strdup_printf("%s|%s", a->type, a->mac != NULL ? a->mac : "")))
			continue;
		if (shown++ == 0)
			g_string_append_printf(
			    out, "\n%s\n",
			    /* TRANSLATORS: heading of the alerts in the text report */
			    _("What needs your attention:"));
		g_string_append_printf(out, "\n  [%s] %s\n", severity_label(a->severity, lang),
		                       a->title);
		if (a->why != NULL)
			g_string_append_printf(out, "    %s\n", a->why);
		append_advisory_entries(out, a->evidence, lang);
		for (guint s = 0; s < a->steps->len; s++)
			g_string_append_printf(out, "    %u. %s\n", s + 1,
			                       (const gchar *) g_ptr_array_index(a->steps, s));
	}
	if (shown == 0)
		g_string_append_printf(out, "\n%s\n",
		                       /* TRANSLATORS: the text report when nothing is wrong */
		                       _("Nothing needs your attention."));
}

static gchar *
build_text(GPtrArray *devices, GPtrArray *alerts, const gchar *lang, const YmRunStats *stats)
{
	GString *out = g_string_new(NULL);
	gulong packets = (gulong) stats->packets;
	gulong events = (gulong) stats->decode_events;
	gdouble duration =
	    stats->packets > 0
	        ? (gdouble) (stats->last_packet - stats->first_packet) / G_USEC_PER_SEC
	        : 0.0;

	/* TRANSLATORS: heading of the text report */
	g_string_append_printf(out, "%s\n", _("Yamori: devices in this home network"));
	g_string_append_printf(out,
	                       /* TRANSLATORS: %1$lu packets, %2$.0f seconds of capture */
	                       ngettext("Analysed %lu packet covering %.0f seconds.\n",
	                                "Analysed %lu packets covering %.0f seconds.\n", packets),
	                       packets, duration);
	g_string_append_printf(out,
	                       /* TRANSLATORS: %u is the number of devices */
	                       ngettext("Found %u device:\n", "Found %u devices:\n", devices->len),
	                       devices->len);
	for (guint i = 0; i < devices->len; i++) {
		const ReportDevice *d = g_ptr_array_index(devices, i);
		const gchar *name =
		    d->hostnames->len > 0 ? g_ptr_array_index(d->hostnames, 0) : "-";
		const gchar *address = d->ipv4->len > 0   ? g_ptr_array_index(d->ipv4, 0)
		                       : d->ipv6->len > 0 ? g_ptr_array_index(d->ipv6, 0)
		                                          : "-";
		g_autofree gchar *where = g_strdup_printf("%s  (%s)", address, d->mac);
		g_string_append_printf(out, "\n  %s  %s\n", kind_label(d->kind), name);
		append_field(out,
		             /* TRANSLATORS: label: the maker of a device */
		             _("Maker:"),
		             d->vendor != NULL ? d->vendor
		             : d->locally_administered
		                 /* TRANSLATORS: maker of a device with a randomised MAC address */
		                 ? _("unknown (private MAC address)")
		                 /* TRANSLATORS: maker not known */
		                 : _("unknown"));
		if (d->model != NULL)
			/* TRANSLATORS: label: the model of a device */
			append_field(out, _("Model:"), d->model);
		if (d->os != NULL)
			/* TRANSLATORS: label: the operating system of a device */
			append_field(out, _("System:"), d->os);
		if (d->firmware != NULL)
			/* TRANSLATORS: label: the firmware version of a device */
			append_field(out, _("Firmware:"), d->firmware);
		/* TRANSLATORS: label: IP address and MAC address of a device */
		append_field(out, _("Address:"), where);
		if (d->roles & YM_ROLE_GATEWAY)
			g_string_append_printf(out, "    %s\n",
			                       /* TRANSLATORS: said of the router */
			                       _("This is the gateway to the internet."));
	}
	append_alerts_text(out, alerts, lang);
	if (events > 0) {
		g_string_append_c(out, '\n');
		g_string_append_printf(
		    out,
		    /* TRANSLATORS: %lu is a number of packets */
		    ngettext("%lu malformed or cut-short packet was skipped safely.\n",
		             "%lu malformed or cut-short packets were skipped safely.\n", events),
		    events);
	}
	return g_string_free(out, FALSE);
}

gchar *
ym_report_build(YmStore *store,
                YmGuidance *guidance,
                const YmRunStats *stats,
                YmReportFormat format,
                GError **error)
{
	sqlite3 *db = ym_store_get_db(store);
	const gchar *lang = ym_guidance_pick_language();
	g_autoptr(GPtrArray) devices = load_devices(db, error);
	g_autoptr(GPtrArray) alerts = NULL;
	if (devices == NULL)
		return NULL;
	alerts = load_alerts(db, guidance, devices, lang, error);
	if (alerts == NULL)
		return NULL;
	if (format == YM_REPORT_FORMAT_TEXT)
		return build_text(devices, alerts, lang, stats);
	return build_json(db, devices, alerts, stats, error);
}
