/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ym-alerts.h"
#include "ym-test-common.h"

#define HOUR (G_GINT64_CONSTANT(3600) * G_USEC_PER_SEC)

static YmDevice *
device_new(const gchar *mac, const gchar *kind)
{
	YmDevice *device = g_new0(YmDevice, 1);
	g_strlcpy(device->mac_string, mac, sizeof(device->mac_string));
	device->kind = kind;
	return device;
}

static YmAlerts *
make_alerts(void)
{
	YmAlerts *alerts = ym_alerts_new();
	ym_alerts_set_default_severity(alerts, "insecure_remote_access", YM_SEVERITY_WARNING);
	ym_alerts_set_default_severity(alerts, "upnp_port_opened", YM_SEVERITY_CAUTION);
	ym_alerts_set_default_severity(alerts, "botnet_behaviour", YM_SEVERITY_URGENT);
	return alerts;
}

static void
test_aggregate(void)
{
	g_autoptr(YmAlerts) alerts = make_alerts();
	g_autofree YmDevice *pc = device_new("98:e7:43:b2:5c:17", "computer");
	YmAlert *a, *b;
	JsonObject *evidence = json_object_new();
	json_object_set_int_member(evidence, "port", 23);
	a = ym_alerts_raise(alerts, "insecure_remote_access", pc, "offers:telnet:23", 10 * HOUR,
	                    YM_SEVERITY_INFO, evidence);
	b = ym_alerts_raise(alerts, "insecure_remote_access", pc, "offers:telnet:23", 11 * HOUR,
	                    YM_SEVERITY_INFO, NULL);
	g_assert_true(a == b);
	g_assert_cmpuint(a->count, ==, 2);
	g_assert_cmpint(a->first_seen, ==, 10 * HOUR);
	g_assert_cmpint(a->last_seen, ==, 11 * HOUR);
	g_assert_cmpint(a->severity, ==, YM_SEVERITY_WARNING);
	/* evidence without a replacement is kept */
	g_assert_cmpint(json_object_get_int_member(a->evidence, "port"), ==, 23);
	/* another key is another alert */
	b = ym_alerts_raise(alerts, "insecure_remote_access", pc, "offers:ftp:21", 11 * HOUR,
	                    YM_SEVERITY_INFO, NULL);
	g_assert_true(a != b);
	g_assert_cmpuint(ym_alerts_get_all(alerts)->len, ==, 2);
}

/* physical harm raises the level: a lock or a camera */
static void
test_safety_modifier(void)
{
	g_autoptr(YmAlerts) alerts = make_alerts();
	g_autofree YmDevice *lock = device_new("30:c6:f7:5a:19:c4", "lock");
	g_autofree YmDevice *camera = device_new("ac:15:a2:4e:6a:7b", "camera");
	g_autofree YmDevice *tv = device_new("fc:f1:52:9a:40:6e", "tv");
	YmAlert *alert;
	alert = ym_alerts_raise(alerts, "upnp_port_opened", lock, "", HOUR, YM_SEVERITY_INFO, NULL);
	g_assert_cmpint(alert->severity, ==, YM_SEVERITY_WARNING);
	alert = ym_alerts_raise(alerts, "insecure_remote_access", camera, "", HOUR,
	                        YM_SEVERITY_INFO, NULL);
	g_assert_cmpint(alert->severity, ==, YM_SEVERITY_URGENT);
	alert = ym_alerts_raise(alerts, "upnp_port_opened", tv, "", HOUR, YM_SEVERITY_INFO, NULL);
	g_assert_cmpint(alert->severity, ==, YM_SEVERITY_CAUTION);
	/* urgent stays urgent; a detector's minimum is respected */
	alert =
	    ym_alerts_raise(alerts, "botnet_behaviour", camera, "", HOUR, YM_SEVERITY_INFO, NULL);
	g_assert_cmpint(alert->severity, ==, YM_SEVERITY_URGENT);
	alert =
	    ym_alerts_raise(alerts, "upnp_port_opened", tv, "x", HOUR, YM_SEVERITY_WARNING, NULL);
	g_assert_cmpint(alert->severity, ==, YM_SEVERITY_WARNING);
	g_assert_cmpstr(ym_severity_to_string(alert->severity), ==, "warning");
}

/* a device classified after its alert was raised gets its safety level;
 * a detector's cap holds */
static void
test_late_classification(void)
{
	g_autoptr(YmAlerts) alerts = make_alerts();
	g_autoptr(YmInventory) inventory = ym_inventory_new(NULL, NULL);
	g_autofree YmPacket *packet = g_new0(YmPacket, 1);
	const guint8 mac[6] = {0xac, 0x15, 0xa2, 0x4e, 0x6a, 0x7b};
	YmDevice *camera;
	YmAlert *alert, *capped;

	packet->has_mac = TRUE;
	memcpy(packet->src_mac, mac, 6);
	packet->ts_usec = HOUR;
	ym_inventory_observe(inventory, packet);
	camera = ym_inventory_lookup_mac(inventory, mac);
	g_assert_nonnull(camera);
	g_assert_cmpstr(camera->kind, ==, "unknown");
	alert = ym_alerts_raise(alerts, "insecure_remote_access", camera, "a", HOUR,
	                        YM_SEVERITY_INFO, NULL);
	capped = ym_alerts_raise(alerts, "insecure_remote_access", camera, "b", HOUR,
	                         YM_SEVERITY_INFO, NULL);
	capped->maximum = YM_SEVERITY_CAUTION;
	g_assert_cmpint(alert->severity, ==, YM_SEVERITY_WARNING);
	camera->kind = "camera";
	ym_alerts_update_severities(alerts, inventory);
	g_assert_cmpint(alert->severity, ==, YM_SEVERITY_URGENT);
	g_assert_cmpint(capped->severity, ==, YM_SEVERITY_CAUTION);
}

/* gone for the quiet period: resolved; back again: reopened */
static void
test_resolve_and_reopen(void)
{
	g_autoptr(YmAlerts) alerts = make_alerts();
	g_autofree YmDevice *plug = device_new("50:c7:bf:3a:92:e4", "plug");
	YmAlert *alert = ym_alerts_raise(alerts, "botnet_behaviour", plug, "telnet-scan", HOUR,
	                                 YM_SEVERITY_INFO, NULL);
	ym_alerts_tick(alerts, HOUR + HOUR / 2);
	g_assert_cmpint(alert->state, ==, YM_ALERT_STATE_OPEN);
	ym_alerts_tick(alerts, 2 * HOUR + 1);
	g_assert_cmpint(alert->state, ==, YM_ALERT_STATE_RESOLVED);
	g_assert_cmpstr(ym_alert_state_to_string(alert->state), ==, "resolved");
	g_assert_true(ym_alerts_raise(alerts, "botnet_behaviour", plug, "telnet-scan", 5 * HOUR,
	                              YM_SEVERITY_INFO, NULL) == alert);
	g_assert_cmpint(alert->state, ==, YM_ALERT_STATE_OPEN);
	g_assert_cmpuint(alert->count, ==, 2);
}

/* storms stay quiet: one notification per device and type per hour */
static void
test_storm(void)
{
	g_autoptr(YmAlerts) alerts = make_alerts();
	g_autofree YmDevice *tv = device_new("fc:f1:52:9a:40:6e", "tv");
	guint notified = 0;
	for (guint i = 0; i < 50; i++) {
		g_autofree gchar *key = g_strdup_printf("port:%u", 1000 + i);
		YmAlert *alert = ym_alerts_raise(alerts, "upnp_port_opened", tv, key,
		                                 HOUR + (gint64) i * 60 * G_USEC_PER_SEC,
		                                 YM_SEVERITY_INFO, NULL);
		notified += alert->notify;
	}
	/* 50 minutes: only the first */
	g_assert_cmpuint(notified, ==, 1);
	g_assert_true(ym_alerts_raise(alerts, "upnp_port_opened", tv, "port:9", 2 * HOUR + 1,
	                              YM_SEVERITY_INFO, NULL)
	                  ->notify);
}

static void
test_store_round_trip(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autoptr(GError) error = NULL;
	g_autofree YmDevice *camera = device_new("ac:15:a2:4e:6a:7b", "camera");
	{
		g_autoptr(YmStore) store = ym_store_new(dir);
		g_autoptr(YmAlerts) alerts = make_alerts();
		JsonObject *evidence = json_object_new();
		json_object_set_string_member(evidence, "username", "root");
		g_assert_true(ym_store_ensure_schema(store, &error));
		ym_alerts_raise(alerts, "insecure_remote_access", camera, "login:telnet:23", HOUR,
		                YM_SEVERITY_INFO, evidence);
		ym_alerts_raise(alerts, "insecure_remote_access", NULL, "login:http:8000", HOUR,
		                YM_SEVERITY_INFO, NULL);
		ym_alerts_raise(alerts, "insecure_remote_access", NULL, "login:http:8000", 2 * HOUR,
		                YM_SEVERITY_INFO, NULL);
		g_assert_true(ym_store_begin(store, &error));
		g_assert_true(ym_alerts_save(alerts, store, &error));
		g_assert_no_error(error);
		g_assert_true(ym_store_commit(store, &error));
	}
	{
		g_autoptr(YmStore) store = ym_store_new(dir);
		g_autoptr(YmAlerts) alerts = make_alerts();
		GPtrArray *all;
		g_assert_true(ym_store_ensure_schema(store, &error));
		g_assert_true(ym_alerts_load(alerts, store, &error));
		g_assert_no_error(error);
		all = ym_alerts_get_all(alerts);
		/* the device-less alert aggregated in the store too */
		g_assert_cmpuint(all->len, ==, 2);
		for (guint i = 0; i < all->len; i++) {
			YmAlert *alert = g_ptr_array_index(all, i);
			if (alert->mac[0] == '\0') {
				g_assert_cmpuint(alert->count, ==, 2);
			} else {
				g_assert_cmpstr(alert->mac, ==, "ac:15:a2:4e:6a:7b");
				g_assert_cmpint(alert->severity, ==, YM_SEVERITY_URGENT);
				g_assert_cmpstr(
				    json_object_get_string_member(alert->evidence, "username"), ==,
				    "root");
			}
		}
	}
	{
		/* a stored alert resolved in a later run keeps its severity */
		g_autoptr(YmStore) store = ym_store_new(dir);
		g_autoptr(YmAlerts) alerts = make_alerts();
		g_autoptr(YmInventory) inventory = ym_inventory_new(NULL, NULL);
		GPtrArray *all;
		g_assert_true(ym_store_ensure_schema(store, &error));
		g_assert_true(ym_alerts_load(alerts, store, &error));
		g_assert_no_error(error);
		g_assert_true(ym_alerts_resolve(alerts, "insecure_remote_access",
		                                "ac:15:a2:4e:6a:7b", "login:telnet:23", 3 * HOUR));
		ym_alerts_update_severities(alerts, inventory);
		all = ym_alerts_get_all(alerts);
		for (guint i = 0; i < all->len; i++) {
			YmAlert *alert = g_ptr_array_index(all, i);
			if (alert->mac[0] == '\0')
				continue;
			g_assert_cmpint(alert->state, ==, YM_ALERT_STATE_RESOLVED);
			g_assert_cmpint(alert->severity, ==, YM_SEVERITY_URGENT);
		}
	}
	ym_test_rm_rf(dir);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/alerts/aggregate", test_aggregate);
	g_test_add_func("/ym/alerts/safety-modifier", test_safety_modifier);
	g_test_add_func("/ym/alerts/resolve-and-reopen", test_resolve_and_reopen);
	g_test_add_func("/ym/alerts/late-classification", test_late_classification);
	g_test_add_func("/ym/alerts/storm", test_storm);
	g_test_add_func("/ym/alerts/store-round-trip", test_store_round_trip);
	return g_test_run();
}
