/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * new_device_joined: a hand-made home (devices at t=0, a stranger and a
 * linked randomised MAC after the learning period, a restart), the
 * generated demo home with and without its scenes, and every shared real
 * capture (all short: nobody joins late)
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ym-detector.h"
#include "ym-engine.h"
#include "ym-test-common.h"
#include "ym-test-engine.h"

#define TYPE   "new_device_joined"
#define MINUTE (G_GINT64_CONSTANT(60) * G_USEC_PER_SEC)
#define T0     (G_GINT64_CONSTANT(1700000000) * G_USEC_PER_SEC)

extern const YmDetectorInfo ym_detector_newdev;

static const guint8 router_mac[6] = {0x02, 0x00, 0x00, 0x00, 0x00, 0x01};
static const guint8 phone_mac[6] = {0x00, 0x14, 0x22, 0x01, 0x02, 0x03};
static const guint8 stranger_mac[6] = {0x00, 0x14, 0x22, 0x0a, 0x0b, 0x0c};
static const guint8 random_mac[6] = {0x6a, 0x11, 0x22, 0x33, 0x44, 0x55};
static const guint8 later_mac[6] = {0x00, 0x14, 0x22, 0x0d, 0x0e, 0x0f};
static const guint8 phone_cid[7] = {0xff, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc};
static const guint8 stranger_cid[7] = {0xff, 0x99, 0x88, 0x77, 0x66, 0x55, 0x44};

/* a plain loop: gcc's bounds analysis under ASan trips on memcpy here */
static void
copy_mac(guint8 *dst, const guint8 *src)
{
	for (guint i = 0; i < 6; i++)
		dst[i] = src[i];
}

static void
ipv4_packet(YmPacket *p, const guint8 *src_mac, guint32 src, guint32 dst, gint64 ts)
{
	memset(p, 0, sizeof(*p));
	p->has_mac = TRUE;
	copy_mac(p->src_mac, src_mac);
	memset(p->dst_mac, 0xff, 6);
	p->ethertype = 0x0800;
	p->l3 = YM_L3_IPV4;
	ym_ip_addr_set_v4(&p->src_ip, src);
	ym_ip_addr_set_v4(&p->dst_ip, dst);
	p->ttl = 64;
	p->ip_proto = 17;
	p->has_ports = TRUE;
	p->src_port = 5353;
	p->dst_port = 5353;
	p->ts_usec = ts;
}

static void
dhcp_request(YmPacket *p,
             const guint8 *mac,
             const gchar *hostname,
             const guint8 *client_id,
             gint64 ts)
{
	ipv4_packet(p, mac, 0, 0xffffffff, ts);
	p->src_port = 68;
	p->dst_port = 67;
	p->app = YM_APP_DHCP;
	memset(&p->u.dhcp, 0, sizeof(p->u.dhcp));
	p->u.dhcp.op = 1;
	p->u.dhcp.message_type = 3;
	p->u.dhcp.chaddr_is_mac = TRUE;
	copy_mac(p->u.dhcp.chaddr, mac);
	p->u.dhcp.hostname = (YmStr){hostname, (guint16) strlen(hostname)};
	p->u.dhcp.client_id = client_id;
	p->u.dhcp.client_id_length = client_id != NULL ? 7 : 0;
}

typedef struct {
	YmOui *oui;
	YmFingerprints *fingerprints;
	YmInventory *inventory;
	YmAlerts *alerts;
	YmDetectContext ctx;
	gpointer state;
	YmPacket *packet;
} Fixture;

static void
fixture_setup(Fixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	fixture->oui = ym_oui_new(g_getenv("YM_OUI_DIR"), &error);
	g_assert_no_error(error);
	fixture->fingerprints = ym_fingerprints_new();
	fixture->inventory = ym_inventory_new(fixture->oui, fixture->fingerprints);
	fixture->alerts = ym_alerts_new();
	fixture->ctx.inventory = fixture->inventory;
	fixture->ctx.alerts = fixture->alerts;
	fixture->state = ym_detector_newdev.create(&fixture->ctx, &error);
	g_assert_no_error(error);
	g_assert_nonnull(fixture->state);
	fixture->packet = g_new0(YmPacket, 1);
}

static void
fixture_teardown(Fixture *fixture, gconstpointer user_data)
{
	ym_detector_newdev.destroy(fixture->state);
	g_free(fixture->packet);
	g_clear_object(&fixture->alerts);
	g_clear_object(&fixture->inventory);
	g_clear_object(&fixture->fingerprints);
	g_clear_object(&fixture->oui);
}

static void
feed(Fixture *fixture)
{
	ym_inventory_observe(fixture->inventory, fixture->packet);
	if (ym_detector_newdev.packet != NULL)
		ym_detector_newdev.packet(fixture->state, &fixture->ctx, fixture->packet, NULL, 0);
}

/* a tick every second of capture time from @from to @to, and the
 * router's chatter every 10 s, so the capture has no silence */
static void
ticks(Fixture *fixture, gint64 from, gint64 to)
{
	for (gint64 t = from; t <= to; t += G_USEC_PER_SEC) {
		if ((t / G_USEC_PER_SEC) % 10 == 0) {
			ipv4_packet(fixture->packet, router_mac, 0xc0a80a01, 0xc0a80aff, t);
			feed(fixture);
		}
		ym_detector_newdev.tick(fixture->state, &fixture->ctx, t);
	}
}

static guint
count(Fixture *fixture)
{
	g_autoptr(GHashTable) found = ym_test_alerts_of_type(fixture->alerts, TYPE);
	return g_hash_table_size(found);
}

static void
test_sequence(Fixture *fixture, gconstpointer user_data)
{
	g_autoptr(GHashTable) found = NULL;
	YmAlert *alert;
	JsonObject *ev;
	g_autoptr(GError) error = NULL;

	/* the household at t=0, and a phone that joins in minute 5 */
	ipv4_packet(fixture->packet, router_mac, 0xc0a80a01, 0xc0a80aff, T0);
	feed(fixture);
	dhcp_request(fixture->packet, phone_mac, "kitchen-tablet", phone_cid, T0 + 5 * MINUTE);
	feed(fixture);
	ticks(fixture, T0, T0 + 19 * MINUTE);
	g_assert_cmpuint(count(fixture), ==, 0);

	/* minute 20: the phone comes back under a randomised MAC, first
	 * talking mDNS, its DHCP request (the link) 5 s later; and a stranger */
	ipv4_packet(fixture->packet, random_mac, 0xc0a80a30, 0xe00000fb, T0 + 20 * MINUTE);
	feed(fixture);
	ticks(fixture, T0 + 20 * MINUTE, T0 + 20 * MINUTE + 4 * G_USEC_PER_SEC);
	dhcp_request(fixture->packet, random_mac, "kitchen-tablet", phone_cid,
	             T0 + 20 * MINUTE + 5 * G_USEC_PER_SEC);
	feed(fixture);
	dhcp_request(fixture->packet, stranger_mac, "android-1234", stranger_cid,
	             T0 + 20 * MINUTE + 6 * G_USEC_PER_SEC);
	feed(fixture);
	ticks(fixture, T0 + 20 * MINUTE + 5 * G_USEC_PER_SEC, T0 + 22 * MINUTE);
	g_assert_nonnull(ym_inventory_lookup_mac(fixture->inventory, random_mac)->linked_to);

	found = ym_test_alerts_of_type(fixture->alerts, TYPE);
	if (g_hash_table_size(found) != 1)
		ym_test_dump_alerts(found);
	g_assert_cmpuint(g_hash_table_size(found), ==, 1);
	alert = g_hash_table_lookup(found, "00:14:22:0a:0b:0c|");
	g_assert_nonnull(alert);
	g_assert_cmpuint(alert->count, ==, 1);
	ev = alert->evidence;
	g_assert_cmpstr(json_object_get_string_member(ev, "mac"), ==, "00:14:22:0a:0b:0c");
	g_assert_cmpstr(json_object_get_string_member(ev, "hostname"), ==, "android-1234");
	g_assert_cmpint(json_object_get_int_member(ev, "first_seen"), ==,
	                T0 + 20 * MINUTE + 6 * G_USEC_PER_SEC);
	g_assert_false(json_object_get_boolean_member(ev, "randomized_mac"));

	/* a restart on the same inventory and alerts: the learning period is
	 * over already, nothing is raised twice, a later newcomer alerts */
	ym_detector_newdev.destroy(fixture->state);
	fixture->state = ym_detector_newdev.create(&fixture->ctx, &error);
	g_assert_no_error(error);
	ipv4_packet(fixture->packet, later_mac, 0xc0a80a40, 0xc0a80a01, T0 + 60 * MINUTE);
	feed(fixture);
	ticks(fixture, T0 + 60 * MINUTE, T0 + 62 * MINUTE);
	g_clear_pointer(&found, g_hash_table_unref);
	found = ym_test_alerts_of_type(fixture->alerts, TYPE);
	if (g_hash_table_size(found) != 2)
		ym_test_dump_alerts(found);
	g_assert_cmpuint(g_hash_table_size(found), ==, 2);
	g_assert_cmpuint(((YmAlert *) g_hash_table_lookup(found, "00:14:22:0a:0b:0c|"))->count, ==,
	                 1);
	g_assert_nonnull(g_hash_table_lookup(found, "00:14:22:0d:0e:0f|"));
}

/* a device the household marked as known never raises the alert */
static void
test_known(Fixture *fixture, gconstpointer user_data)
{
	YmDevice *device;
	ipv4_packet(fixture->packet, router_mac, 0xc0a80a01, 0xc0a80aff, T0);
	feed(fixture);
	ticks(fixture, T0, T0 + 12 * MINUTE);
	/* both join after the learning period; one of them is known */
	ipv4_packet(fixture->packet, stranger_mac, 0xc0a80a30, 0xc0a80aff, T0 + 15 * MINUTE);
	feed(fixture);
	ipv4_packet(fixture->packet, later_mac, 0xc0a80a31, 0xc0a80aff, T0 + 15 * MINUTE);
	feed(fixture);
	device = ym_inventory_lookup_mac(fixture->inventory, later_mac);
	g_assert_nonnull(device);
	device->known = TRUE;
	ticks(fixture, T0 + 15 * MINUTE, T0 + 17 * MINUTE);
	g_assert_cmpuint(count(fixture), ==, 1);
	{
		g_autoptr(GHashTable) found = ym_test_alerts_of_type(fixture->alerts, TYPE);
		g_assert_true(g_hash_table_contains(found, "00:14:22:0a:0b:0c|"));
	}
}

static void
test_learning_only(Fixture *fixture, gconstpointer user_data)
{
	/* devices trickling in through the learning period never alert */
	for (guint i = 0; i < 10; i++) {
		guint8 mac[6] = {0x00, 0x14, 0x22, 0x10, 0x00, (guint8) i};
		ipv4_packet(fixture->packet, mac, 0xc0a80a10 + i, 0xc0a80a01, T0 + i * MINUTE);
		feed(fixture);
	}
	ticks(fixture, T0, T0 + 30 * MINUTE);
	g_assert_cmpuint(count(fixture), ==, 0);
}

static void
assert_none(const gchar *tmp, const gchar *path)
{
	g_autoptr(YmEngine) engine = ym_test_engine_new(tmp);
	g_autoptr(GHashTable) alerts = NULL;
	ym_test_engine_analyse(engine, path);
	alerts = ym_test_alerts_of_type(ym_engine_get_alerts(engine), TYPE);
	if (g_hash_table_size(alerts) != 0) {
		g_printerr("%s:\n", path);
		ym_test_dump_alerts(alerts);
	}
	g_assert_cmpuint(g_hash_table_size(alerts), ==, 0);
}

static void
test_demo(void)
{
	g_autofree gchar *tmp = NULL;
	g_autofree gchar *clean = NULL;
	g_autofree gchar *attacks = NULL;

	if (g_getenv("YAMORI_GEN") == NULL) {
		g_test_skip("YAMORI_GEN not set");
		return;
	}
	tmp = ym_test_make_tmpdir();
	g_free(ym_test_make_signatures(tmp));
	clean = ym_test_generate_demo(tmp, "clean.pcapng", "--scenes=none");
	attacks = ym_test_generate_demo(tmp, "attacks.pcapng", NULL);
	/* every device appears in the first minutes; attackers are outside */
	assert_none(tmp, clean);
	assert_none(tmp, attacks);
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
		assert_none(tmp, path);
	}
	ym_test_rm_rf(tmp);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add("/ym/detect-newdev/sequence", Fixture, NULL, fixture_setup, test_sequence,
	           fixture_teardown);
	g_test_add("/ym/detect-newdev/learning", Fixture, NULL, fixture_setup, test_learning_only,
	           fixture_teardown);
	g_test_add("/ym/detect-newdev/known", Fixture, NULL, fixture_setup, test_known,
	           fixture_teardown);
	g_test_add_func("/ym/detect-newdev/demo", test_demo);
	g_test_add_func("/ym/detect-newdev/shared", test_shared);
	return g_test_run();
}
