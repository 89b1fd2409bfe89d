/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * router_settings_changed from the LAN: hand-made DHCP and ARP sequences
 * through the detector's callbacks, then every shared capture and the
 * generated demo home through the engine, where nothing may be raised
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

#define TYPE "router_settings_changed"

extern const YmDetectorInfo ym_detector_router;

static const guint8 router_mac[6] = {0x00, 0x3a, 0x9d, 0x11, 0x22, 0x33};
static const guint8 rogue_mac[6] = {0x02, 0xde, 0xad, 0xbe, 0xef, 0x01};
static const guint8 phone_mac[6] = {0x90, 0xb1, 0x1c, 0x01, 0x02, 0x03};
static const guint8 pc_mac[6] = {0x98, 0xe7, 0x43, 0xb2, 0x5c, 0x17};

#define ROUTER_IP 0xc0a80a01u /* 192.168.10.1 */
#define ROGUE_IP  0xc0a80a63u /* 192.168.10.99 */
#define PHONE_IP  0xc0a80a17u
#define PC_IP     0xc0a80a18u

/* the detector alone over an inventory, as the engine runs it */
typedef struct {
	YmDetectContext ctx;
	gpointer state;
	YmPacket packet;
} Harness;

static Harness *
harness_new(void)
{
	Harness *h = g_new0(Harness, 1);
	g_autoptr(GError) error = NULL;
	g_autoptr(YmOui) oui = ym_oui_new(g_getenv("YM_OUI_DIR"), &error);
	g_autoptr(YmFingerprints) fp = ym_fingerprints_new();
	g_assert_no_error(error);
	h->ctx.inventory = ym_inventory_new(oui, fp);
	h->ctx.alerts = ym_alerts_new();
	ym_alerts_set_default_severity(h->ctx.alerts, TYPE, YM_SEVERITY_URGENT);
	h->state = ym_detector_router.create(&h->ctx, &error);
	g_assert_no_error(error);
	g_assert_nonnull(h->state);
	return h;
}

static void
harness_free(Harness *h)
{
	ym_detector_router.destroy(h->state);
	g_object_unref(h->ctx.inventory);
	g_object_unref(h->ctx.alerts);
	g_free(h);
}

static void
feed(Harness *h)
{
	ym_inventory_observe(h->ctx.inventory, &h->packet);
	ym_detector_router.packet(h->state, &h->ctx, &h->packet, NULL, 0);
}

static void
dhcp_reply(Harness *h,
           const guint8 *server_mac,
           guint32 server_ip,
           guint8 message_type,
           const guint8 *client,
           guint32 yiaddr,
           guint32 dns,
           gint64 ts)
{
	YmPacket *p = &h->packet;
	memset(p, 0, sizeof(*p));
	p->ts_usec = ts;
	p->has_mac = TRUE;
	memcpy(p->src_mac, server_mac, 6);
	memcpy(p->dst_mac, client, 6);
	p->l3 = YM_L3_IPV4;
	ym_ip_addr_set_v4(&p->src_ip, server_ip);
	ym_ip_addr_set_v4(&p->dst_ip, yiaddr);
	p->ttl = 64;
	p->ip_proto = 17;
	p->has_ports = TRUE;
	p->src_port = 67;
	p->dst_port = 68;
	p->app = YM_APP_DHCP;
	p->u.dhcp.op = 2;
	p->u.dhcp.message_type = message_type;
	p->u.dhcp.yiaddr = yiaddr;
	p->u.dhcp.chaddr_is_mac = TRUE;
	memcpy(p->u.dhcp.chaddr, client, 6);
	p->u.dhcp.has_server_id = TRUE;
	p->u.dhcp.server_id = server_ip;
	p->u.dhcp.n_routers = 1;
	p->u.dhcp.routers[0] = server_ip;
	p->u.dhcp.n_dns_servers = dns != 0 ? 1 : 0;
	p->u.dhcp.dns_servers[0] = dns;
	feed(h);
}

static void
arp_reply(Harness *h,
          const guint8 *sender_mac,
          guint32 sender_ip,
          const guint8 *target,
          guint32 target_ip,
          gint64 ts)
{
	YmPacket *p = &h->packet;
	memset(p, 0, sizeof(*p));
	p->ts_usec = ts;
	p->has_mac = TRUE;
	memcpy(p->src_mac, sender_mac, 6);
	memcpy(p->dst_mac, target, 6);
	p->ethertype = 0x0806;
	p->l3 = YM_L3_ARP;
	p->arp.hardware_type = 1;
	p->arp.protocol_type = 0x0800;
	p->arp.operation = 2;
	memcpy(p->arp.sender_mac, sender_mac, 6);
	memcpy(p->arp.target_mac, target, 6);
	p->arp.sender_ip = sender_ip;
	p->arp.target_ip = target_ip;
	feed(h);
}

static void
assert_alerts(Harness *h, guint expected)
{
	g_autoptr(GHashTable) alerts = ym_test_alerts_of_type(h->ctx.alerts, TYPE);
	if (g_hash_table_size(alerts) != expected)
		ym_test_dump_alerts(alerts);
	g_assert_cmpuint(g_hash_table_size(alerts), ==, expected);
}

static YmAlert *
lookup_alert(Harness *h, const gchar *mac_key)
{
	g_autoptr(GHashTable) alerts = ym_test_alerts_of_type(h->ctx.alerts, TYPE);
	YmAlert *alert = g_hash_table_lookup(alerts, mac_key);
	if (alert == NULL)
		ym_test_dump_alerts(alerts);
	g_assert_nonnull(alert);
	return alert;
}

/* the home's router, leasing to two clients again and again: nothing */
static void
test_quiet_home(void)
{
	Harness *h = harness_new();
	for (guint i = 0; i < 5; i++) {
		gint64 ts = 1700000000000000 + i * G_USEC_PER_SEC * 600;
		dhcp_reply(h, router_mac, ROUTER_IP, 2, phone_mac, PHONE_IP, ROUTER_IP, ts);
		dhcp_reply(h, router_mac, ROUTER_IP, 5, phone_mac, PHONE_IP, ROUTER_IP, ts + 1000);
		dhcp_reply(h, router_mac, ROUTER_IP, 5, pc_mac, PC_IP, ROUTER_IP, ts + 2000);
		arp_reply(h, router_mac, ROUTER_IP, phone_mac, PHONE_IP, ts + 3000);
		arp_reply(h, phone_mac, PHONE_IP, router_mac, ROUTER_IP, ts + 4000);
		ym_detector_router.tick(h->state, &h->ctx, ts / G_USEC_PER_SEC);
	}
	/* a new resolver inside the home (a Pi-hole set up by the family) */
	dhcp_reply(h, router_mac, ROUTER_IP, 5, pc_mac, PC_IP, 0xc0a80a35, 1700009000000000);
	assert_alerts(h, 0);
	harness_free(h);
}

/* an ISP router handing out the ISP's public resolvers from the start */
static void
test_public_resolver_from_start(void)
{
	Harness *h = harness_new();
	/* an ack to an inform, without DNS servers, first */
	dhcp_reply(h, router_mac, ROUTER_IP, 5, pc_mac, 0, 0, 1699999990000000);
	for (guint i = 0; i < 3; i++)
		dhcp_reply(h, router_mac, ROUTER_IP, 5, phone_mac, PHONE_IP, 0x08080808,
		           1700000000000000 + i * G_USEC_PER_SEC);
	assert_alerts(h, 0);
	harness_free(h);
}

/* the router's DHCP starts advertising a resolver on the internet */
static void
test_dns_change(void)
{
	Harness *h = harness_new();
	YmAlert *alert;
	JsonArray *previous;
	dhcp_reply(h, router_mac, ROUTER_IP, 5, phone_mac, PHONE_IP, ROUTER_IP, 1700000000000000);
	dhcp_reply(h, router_mac, ROUTER_IP, 5, pc_mac, PC_IP, 0xc6336407, 1700000600000000);
	assert_alerts(h, 1);
	alert = lookup_alert(h, "00:3a:9d:11:22:33|dns:198.51.100.7");
	g_assert_cmpint(alert->severity, ==, YM_SEVERITY_URGENT);
	g_assert_cmpstr(json_object_get_string_member(alert->evidence, "dns_server"), ==,
	                "198.51.100.7");
	g_assert_cmpstr(json_object_get_string_member(alert->evidence, "client"), ==,
	                "98:e7:43:b2:5c:17");
	previous = json_object_get_array_member(alert->evidence, "previous_dns_servers");
	g_assert_cmpstr(json_array_get_string_element(previous, 0), ==, "192.168.10.1");
	g_assert_true(json_object_has_member(alert->evidence, "previous_since"));
	harness_free(h);
}

/* a second DHCP server answers in the LAN, pointing clients at itself */
static void
test_second_dhcp_server(void)
{
	Harness *h = harness_new();
	YmAlert *alert;
	dhcp_reply(h, router_mac, ROUTER_IP, 2, phone_mac, PHONE_IP, ROUTER_IP, 1700000000000000);
	dhcp_reply(h, rogue_mac, ROGUE_IP, 2, phone_mac, 0xc0a80a64, ROGUE_IP, 1700000000001000);
	dhcp_reply(h, router_mac, ROUTER_IP, 5, phone_mac, PHONE_IP, ROUTER_IP, 1700000000002000);
	alert = lookup_alert(h, "02:de:ad:be:ef:01|dhcp-server:02:de:ad:be:ef:01");
	g_assert_cmpint(alert->severity, ==, YM_SEVERITY_URGENT);
	g_assert_cmpstr(json_object_get_string_member(alert->evidence, "dhcp_server"), ==,
	                "192.168.10.99");
	g_assert_cmpstr(json_object_get_string_member(alert->evidence, "previous_dhcp_server"), ==,
	                "192.168.10.1");
	g_assert_cmpstr(json_object_get_string_member(alert->evidence, "previous_dhcp_server_mac"),
	                ==, "00:3a:9d:11:22:33");
	/* and the resolver it hands out, though private */
	lookup_alert(h, "02:de:ad:be:ef:01|dns:192.168.10.99");
	assert_alerts(h, 2);
	harness_free(h);
}

/* someone else answers ARP for the gateway's address */
static void
test_arp_spoof(void)
{
	Harness *h = harness_new();
	YmAlert *alert;
	dhcp_reply(h, router_mac, ROUTER_IP, 5, phone_mac, PHONE_IP, ROUTER_IP, 1700000000000000);
	arp_reply(h, router_mac, ROUTER_IP, phone_mac, PHONE_IP, 1700000001000000);
	arp_reply(h, router_mac, ROUTER_IP, pc_mac, PC_IP, 1700000002000000);
	assert_alerts(h, 0);
	/* the attacker's PC poisons the phone's cache */
	arp_reply(h, pc_mac, PC_IP, phone_mac, PHONE_IP, 1700000003000000);
	arp_reply(h, pc_mac, ROUTER_IP, phone_mac, PHONE_IP, 1700000004000000);
	arp_reply(h, pc_mac, ROUTER_IP, phone_mac, PHONE_IP, 1700000005000000);
	assert_alerts(h, 1);
	alert = lookup_alert(h, "98:e7:43:b2:5c:17|arp:98:e7:43:b2:5c:17");
	g_assert_cmpint(alert->severity, ==, YM_SEVERITY_URGENT);
	g_assert_cmpuint(alert->count, ==, 2);
	g_assert_cmpstr(json_object_get_string_member(alert->evidence, "gateway"), ==,
	                "192.168.10.1");
	g_assert_cmpstr(json_object_get_string_member(alert->evidence, "gateway_mac"), ==,
	                "00:3a:9d:11:22:33");
	g_assert_cmpstr(json_object_get_string_member(alert->evidence, "claimed_by"), ==,
	                "98:e7:43:b2:5c:17");
	harness_free(h);
}

static void
assert_quiet(const gchar *signatures_dir, const gchar *path)
{
	g_autoptr(YmEngine) engine = ym_test_engine_new(signatures_dir);
	g_autoptr(GError) error = NULL;
	g_autoptr(GHashTable) alerts = NULL;
	const gchar *paths[] = {path, NULL};
	g_assert_true(ym_engine_analyse_files(engine, paths, &error));
	g_assert_no_error(error);
	alerts = ym_test_alerts_of_type(ym_engine_get_alerts(engine), TYPE);
	if (g_hash_table_size(alerts) != 0) {
		g_printerr("%s:\n", path);
		ym_test_dump_alerts(alerts);
	}
	g_assert_cmpuint(g_hash_table_size(alerts), ==, 0);
}

/* every shared capture: real homes and test traffic, no finding */
static void
test_captures(void)
{
	g_autofree gchar *probe = ym_test_shared_pcap("zeek-dhcp.pcap");
	g_autofree gchar *dir = NULL;
	g_autofree gchar *tmp = NULL;
	g_autoptr(GDir) listing = NULL;
	g_autoptr(GError) error = NULL;
	const gchar *name;
	guint n = 0;

	if (probe == NULL)
		return;
	dir = g_path_get_dirname(probe);
	tmp = ym_test_make_tmpdir();
	g_free(ym_test_make_signatures(tmp));
	listing = g_dir_open(dir, 0, &error);
	g_assert_no_error(error);
	while ((name = g_dir_read_name(listing)) != NULL) {
		g_autofree gchar *path = NULL;
		if (!g_str_has_suffix(name, ".pcap") && !g_str_has_suffix(name, ".pcapng"))
			continue;
		path = g_build_filename(dir, name, NULL);
		assert_quiet(tmp, path);
		n++;
	}
	g_assert_cmpuint(n, >, 10);
	ym_test_rm_rf(tmp);
}

/* the generated demo home, clean and with its attack scenes */
static void
test_demo(void)
{
	g_autofree gchar *tmp = NULL;
	g_autofree gchar *clean = NULL;
	g_autofree gchar *attacks = NULL;
	const gchar *gen = g_getenv("YAMORI_GEN");
	g_autoptr(GError) error = NULL;

	if (gen == NULL) {
		g_test_skip("YAMORI_GEN not set");
		return;
	}
	tmp = ym_test_make_tmpdir();
	g_free(ym_test_make_signatures(tmp));
	clean = g_build_filename(tmp, "clean.pcapng", NULL);
	attacks = g_build_filename(tmp, "attacks.pcapng", NULL);
	{
		const gchar *argv_clean[] = {gen, "demo", clean, "--scenes=none", NULL};
		const gchar *argv_attacks[] = {gen, "demo", attacks, NULL};
		for (guint i = 0; i < 2; i++) {
			g_autoptr(GSubprocess) proc =
			    g_subprocess_newv(i == 0 ? argv_clean : argv_attacks,
			                      G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
			g_assert_no_error(error);
			g_assert_true(g_subprocess_wait_check(proc, NULL, &error));
			g_assert_no_error(error);
		}
	}
	assert_quiet(tmp, clean);
	assert_quiet(tmp, attacks);
	ym_test_rm_rf(tmp);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/detect-router/quiet-home", test_quiet_home);
	g_test_add_func("/ym/detect-router/public-resolver-from-start",
	                test_public_resolver_from_start);
	g_test_add_func("/ym/detect-router/dns-change", test_dns_change);
	g_test_add_func("/ym/detect-router/second-dhcp-server", test_second_dhcp_server);
	g_test_add_func("/ym/detect-router/arp-spoof", test_arp_spoof);
	g_test_add_func("/ym/detect-router/captures", test_captures);
	g_test_add_func("/ym/detect-router/demo", test_demo);
	return g_test_run();
}
