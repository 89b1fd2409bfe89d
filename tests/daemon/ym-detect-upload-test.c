/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * unusual_night_upload: hand-made flow ends at the edges (the floor, day
 * and night, a learned baseline times ten, downloads and LAN traffic), the
 * generated demo with and without its scenes, a daytime bench capture,
 * and every shared real capture (none uploads 10 MiB at night)
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <unistd.h>

#include "ym-detect-upload-private.h"
#include "ym-engine.h"
#include "ym-test-common.h"
#include "ym-test-engine.h"

#define TYPE "unusual_night_upload"
#define MIB  (G_GUINT64_CONSTANT(1024) * 1024)
#define HOUR (G_GINT64_CONSTANT(3600) * G_USEC_PER_SEC)

static const guint8 cam[6] = {0xac, 0x15, 0xa2, 0x4e, 0x6a, 0x7b};

typedef struct {
	YmDetectContext ctx;
	gpointer state;
	YmPacket *packet;
} Harness;

static void
harness_init(Harness *h)
{
	g_autoptr(GError) error = NULL;
	memset(h, 0, sizeof(*h));
	h->ctx.inventory = ym_inventory_new(NULL, NULL);
	h->ctx.alerts = ym_alerts_new();
	h->packet = g_new0(YmPacket, 1);
	h->packet->has_mac = TRUE;
	memcpy(h->packet->src_mac, cam, 6);
	h->packet->ts_usec = HOUR;
	ym_inventory_observe(h->ctx.inventory, h->packet);
	g_assert_nonnull(ym_inventory_lookup_mac(h->ctx.inventory, cam));
	h->state = ym_detector_upload.create(&h->ctx, &error);
	g_assert_no_error(error);
}

static void
harness_clear(Harness *h)
{
	ym_detector_upload.destroy(h->state);
	g_object_unref(h->ctx.inventory);
	g_object_unref(h->ctx.alerts);
	g_free(h->packet);
}

/* 2026-03-31T00:00+09:00 plus @jst_hours, in usec */
static gint64
jst(gdouble jst_hours)
{
	g_autoptr(GDateTime) t = g_date_time_new_utc(2026, 3, 30, 15, 0, 0);
	return g_date_time_to_unix(t) * G_USEC_PER_SEC + (gint64) (jst_hours * HOUR);
}

/* the camera sends @bytes to @dst between @from and @to (or receives them) */
static void
flow(Harness *h, const gchar *dst, guint64 bytes, gint64 from, gint64 to, gboolean upload)
{
	YmFlow f = {0};
	guint32 a;
	ym_ip_addr_set_v4(&f.addr[0], 0xc0a80a04); /* 192.168.10.4 */
	g_assert_cmpint(inet_pton(AF_INET, dst, &a), ==, 1);
	ym_ip_addr_set_v4(&f.addr[1], g_ntohl(a));
	f.port[0] = 50000;
	f.port[1] = 443;
	memcpy(f.mac[0], cam, 6);
	f.mac[1][0] = 0x02;
	f.proto = 6;
	f.first_seen = from;
	f.last_seen = to;
	f.bytes[upload ? 0 : 1] = bytes;
	f.packets[0] = f.packets[1] = 1;
	ym_detector_upload.flow_end(h->state, &h->ctx, &f);
}

static GHashTable *
found(Harness *h)
{
	return ym_test_alerts_of_type(h->ctx.alerts, TYPE);
}

static void
test_floor(void)
{
	Harness h;
	g_autoptr(GHashTable) none = NULL;
	g_autoptr(GHashTable) one = NULL;
	YmAlert *alert;
	JsonObject *ev;

	harness_init(&h);
	/* exactly the floor at 01:54 JST: not above it */
	flow(&h, "194.87.31.208", 10 * MIB, jst(1.9), jst(1.9), TRUE);
	none = found(&h);
	g_assert_cmpuint(g_hash_table_size(none), ==, 0);
	/* one byte more in the same hour */
	flow(&h, "194.87.31.209", 1, jst(1.95), jst(1.95), TRUE);
	one = found(&h);
	if (g_hash_table_size(one) != 1)
		ym_test_dump_alerts(one);
	g_assert_cmpuint(g_hash_table_size(one), ==, 1);
	alert = g_hash_table_lookup(one, "ac:15:a2:4e:6a:7b|194.87.31.208");
	g_assert_nonnull(alert);
	ev = alert->evidence;
	g_assert_cmpint(json_object_get_int_member(ev, "bytes"), ==, 10 * MIB + 1);
	g_assert_cmpstr(json_object_get_string_member(ev, "time_window"), ==, "01:00–02:00");
	g_assert_cmpstr(json_object_get_string_member(ev, "destination"), ==, "194.87.31.208");
	g_assert_cmpint(json_object_get_int_member(ev, "port"), ==, 443);
	g_assert_false(json_object_has_member(ev, "baseline_bytes"));
	g_assert_false(json_object_has_member(ev, "ratio"));
	/* more in the same hour: still one finding */
	flow(&h, "194.87.31.208", 20 * MIB, jst(1.96), jst(1.97), TRUE);
	g_assert_cmpuint(alert->count, ==, 1);
	harness_clear(&h);
}

static void
test_day_and_direction(void)
{
	Harness h;
	g_autoptr(GHashTable) alerts = NULL;

	harness_init(&h);
	/* daytime (12:00 JST) and evening (22:30 JST): never */
	flow(&h, "194.87.31.208", 500 * MIB, jst(12.1), jst(12.2), TRUE);
	flow(&h, "194.87.31.208", 500 * MIB, jst(22.5), jst(22.6), TRUE);
	/* 05:00 JST is the end of the night */
	flow(&h, "194.87.31.208", 500 * MIB, jst(29.0), jst(29.5), TRUE);
	/* night downloads, and a night upload to a LAN address */
	flow(&h, "194.87.31.208", 500 * MIB, jst(25.5), jst(25.6), FALSE);
	flow(&h, "192.168.10.20", 500 * MIB, jst(25.5), jst(25.6), TRUE);
	/* 18 MiB spread evenly over two night hours: 9 MiB each */
	flow(&h, "194.87.31.208", 18 * MIB, jst(26.0), jst(28.0), TRUE);
	alerts = found(&h);
	if (g_hash_table_size(alerts) != 0)
		ym_test_dump_alerts(alerts);
	g_assert_cmpuint(g_hash_table_size(alerts), ==, 0);
	harness_clear(&h);
}

static void
test_baseline(void)
{
	Harness h;
	g_autoptr(GHashTable) none = NULL;
	g_autoptr(GHashTable) one = NULL;
	YmAlert *alert;
	JsonObject *ev;

	harness_init(&h);
	/* a day of 4 MiB an hour, 09:00-19:00 JST: a 4 MiB baseline, 40 MiB to beat */
	for (guint i = 9; i < 19; i++)
		flow(&h, "203.0.113.7", 4 * MIB, jst(i + 0.1), jst(i + 0.2), TRUE);
	flow(&h, "194.87.31.208", 40 * MIB, jst(25.1), jst(25.2), TRUE);
	none = found(&h);
	if (g_hash_table_size(none) != 0)
		ym_test_dump_alerts(none);
	g_assert_cmpuint(g_hash_table_size(none), ==, 0);
	flow(&h, "194.87.31.208", 1, jst(25.3), jst(25.3), TRUE);
	one = found(&h);
	g_assert_cmpuint(g_hash_table_size(one), ==, 1);
	alert = g_hash_table_lookup(one, "ac:15:a2:4e:6a:7b|194.87.31.208");
	g_assert_nonnull(alert);
	ev = alert->evidence;
	g_assert_cmpint(json_object_get_int_member(ev, "baseline_bytes"), ==, 4 * MIB);
	g_assert_cmpint(json_object_get_int_member(ev, "threshold"), ==, 40 * MIB);
	g_assert_cmpfloat(json_object_get_double_member(ev, "ratio"), >, 10.0);
	g_assert_cmpstr(json_object_get_string_member(ev, "time_window"), ==, "01:00–02:00");
	harness_clear(&h);
}

static void
test_demo(void)
{
	const gchar *attack_args[] = {"demo", NULL};
	const gchar *clean_args[] = {"demo", "--scenes=none", NULL};
	const gchar *bench_args[] = {"bench", "--packets", "300000", NULL};
	g_autofree gchar *tmp = NULL;
	g_autofree gchar *clean = NULL;
	g_autofree gchar *attacks = NULL;
	g_autofree gchar *bench = NULL;
	g_autoptr(YmEngine) engine = NULL;
	g_autoptr(GHashTable) alerts = NULL;
	YmAlert *alert;
	JsonObject *ev;

	if (g_getenv("YAMORI_GEN") == NULL) {
		g_test_skip("YAMORI_GEN not set");
		return;
	}
	tmp = ym_test_make_tmpdir();
	g_free(ym_test_make_signatures(tmp));
	clean = ym_test_generate(tmp, "clean.pcapng", clean_args);
	attacks = ym_test_generate(tmp, "attacks.pcapng", attack_args);
	bench = ym_test_generate(tmp, "bench.pcapng", bench_args);

	ym_test_assert_no_alerts(tmp, clean, TYPE, "clean demo");
	ym_test_assert_no_alerts(tmp, bench, TYPE, "bench");

	engine = ym_test_engine_new(tmp);
	ym_test_engine_analyse(engine, attacks);
	alerts = ym_test_alerts_of_type(ym_engine_get_alerts(engine), TYPE);
	if (g_hash_table_size(alerts) != 1)
		ym_test_dump_alerts(alerts);
	g_assert_cmpuint(g_hash_table_size(alerts), ==, 1);
	alert = g_hash_table_lookup(alerts, "ac:15:a2:4e:6a:7b|194.87.31.208");
	if (alert == NULL)
		ym_test_dump_alerts(alerts);
	g_assert_nonnull(alert);
	g_assert_cmpint(alert->severity, >=, YM_SEVERITY_CAUTION);
	ev = alert->evidence;
	g_assert_cmpint(json_object_get_int_member(ev, "bytes"), >, 10 * MIB);
	g_assert_cmpstr(json_object_get_string_member(ev, "time_window"), ==, "01:00–02:00");
	g_assert_cmpint(json_object_get_int_member(ev, "port"), ==, 443);
	ym_test_rm_rf(tmp);
}

static void
test_shared(void)
{
	g_autofree gchar *pcaps = NULL;
	g_autofree gchar *tmp = NULL;
	g_autoptr(GDir) listing = NULL;
	g_autoptr(GError) error = NULL;
	const gchar *name;
	guint n = 0;

	pcaps = ym_test_shared_pcap(NULL);
	if (pcaps == NULL)
		return;
	tmp = ym_test_make_tmpdir();
	g_free(ym_test_make_signatures(tmp));
	listing = g_dir_open(pcaps, 0, &error);
	g_assert_no_error(error);
	while ((name = g_dir_read_name(listing)) != NULL) {
		g_autofree gchar *path = NULL;
		if (!g_str_has_suffix(name, ".pcap") && !g_str_has_suffix(name, ".pcapng"))
			continue;
		path = g_build_filename(pcaps, name, NULL);
		ym_test_assert_no_alerts(tmp, path, TYPE, name);
		n++;
	}
	g_assert_cmpuint(n, >, 0);
	ym_test_rm_rf(tmp);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/detect-upload/floor", test_floor);
	g_test_add_func("/ym/detect-upload/day-and-direction", test_day_and_direction);
	g_test_add_func("/ym/detect-upload/baseline", test_baseline);
	g_test_add_func("/ym/detect-upload/demo", test_demo);
	g_test_add_func("/ym/detect-upload/shared", test_shared);
	return g_test_run();
}
