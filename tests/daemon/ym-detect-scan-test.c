/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * botnet_behaviour from the scan detector: real captures through the
 * engine (expected counts worked out with tshark, see SOURCES.md section 4),
 * captures of ordinary homes that must stay quiet, and hand-made packet
 * sequences for thresholds, window expiry and bounded memory
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ym-detect-scan-private.h"
#include "ym-engine.h"
#include "ym-report.h"
#include "ym-test-common.h"

/* capture time aligned to a half-window (30 s) boundary */
#define T0 (G_GINT64_CONSTANT(1700000010) * G_USEC_PER_SEC)

/* ---- real captures ---- */

static JsonNode *
analyse(const gchar *path)
{
	g_autoptr(YmEngine) engine = ym_engine_new();
	g_autoptr(GError) error = NULL;
	const gchar *paths[] = {path, NULL};
	g_autofree gchar *report = NULL;
	g_autoptr(JsonParser) parser = json_parser_new();
	ym_engine_set_oui_dir(engine, g_getenv("YM_OUI_DIR"));
	ym_engine_set_signatures_dir(engine, g_getenv("YM_SIGNATURES_DIR"));
	g_assert_true(ym_engine_setup(engine, &error));
	g_assert_no_error(error);
	g_assert_true(ym_engine_analyse_files(engine, paths, &error));
	g_assert_no_error(error);
	report = ym_report_build(ym_engine_get_store(engine), ym_engine_get_guidance(engine),
	                         ym_engine_get_stats(engine), YM_REPORT_FORMAT_JSON, &error);
	g_assert_no_error(error);
	g_assert_true(json_parser_load_from_data(parser, report, -1, &error));
	g_assert_no_error(error);
	return json_node_copy(json_parser_get_root(parser));
}

/* the botnet_behaviour alerts of a report, as a new array of borrowed objects */
static GPtrArray *
botnet_alerts(JsonNode *root)
{
	JsonArray *alerts = json_object_get_array_member(json_node_get_object(root), "alerts");
	GPtrArray *found = g_ptr_array_new();
	for (guint i = 0; i < json_array_get_length(alerts); i++) {
		JsonObject *alert = json_array_get_object_element(alerts, i);
		if (g_strcmp0(json_object_get_string_member(alert, "type"), "botnet_behaviour") ==
		    0)
			g_ptr_array_add(found, alert);
	}
	return found;
}

/* distinct counts are linear-counting estimates: within 3% */
static void
assert_about(gint64 value, gint64 expected)
{
	gint64 slack = expected * 3 / 100 + 1;
	if (value < expected - slack || value > expected + slack)
		g_error("%" G_GINT64_FORMAT " is not within %" G_GINT64_FORMAT
		        " of %" G_GINT64_FORMAT,
		        value, slack, expected);
}

static JsonObject *
single_alert(const gchar *capture, JsonNode **root)
{
	g_autofree gchar *path = ym_test_shared_pcap(capture);
	g_autoptr(GPtrArray) alerts = NULL;
	if (path == NULL)
		return NULL;
	*root = analyse(path);
	alerts = botnet_alerts(*root);
	g_assert_cmpuint(alerts->len, ==, 1);
	return g_ptr_array_index(alerts, 0);
}

/* 172.16.0.8 SYNs 1000 ports of 64.13.134.52, twice each; 17 answers,
 * 12 of them SYN-ACKs */
static void
test_capture_synscan(void)
{
	g_autoptr(JsonNode) root = NULL;
	JsonObject *alert = single_alert("ndpi-synscan-outbound.pcap", &root);
	JsonObject *evidence;
	if (alert == NULL)
		return;
	g_assert_cmpstr(json_object_get_string_member(alert, "device"), ==, "00:25:b3:bf:91:ee");
	g_assert_cmpstr(json_object_get_string_member(alert, "severity"), ==, "urgent");
	evidence = json_object_get_object_member(alert, "evidence");
	g_assert_cmpstr(json_object_get_string_member(evidence, "kind"), ==, "port-scan");
	g_assert_cmpstr(json_object_get_string_member(evidence, "pattern"), ==, "vertical");
	g_assert_cmpstr(
	    json_array_get_string_element(json_object_get_array_member(evidence, "targets"), 0), ==,
	    "64.13.134.52");
	assert_about(json_object_get_int_member(evidence, "distinct_ports"), 1000);
	g_assert_cmpint(json_object_get_int_member(evidence, "probes"), ==, 1994);
	g_assert_cmpint(json_object_get_int_member(evidence, "answered"), ==, 17);
	g_assert_cmpint(json_object_get_int_member(evidence, "accepted"), ==, 12);
	g_assert_cmpuint(json_array_get_length(json_object_get_array_member(evidence, "ports")), ==,
	                 10);
}

/* 192.168.1.71 sends 503 ARP who-has for 245 addresses in 2.1 s, no answers */
static void
test_capture_nmap_arp(void)
{
	g_autoptr(JsonNode) root = NULL;
	JsonObject *alert = single_alert("zeek-nmap-arp-sweep-version-scan.pcap", &root);
	JsonObject *evidence;
	if (alert == NULL)
		return;
	g_assert_cmpstr(json_object_get_string_member(alert, "device"), ==, "c4:2c:03:3b:6c:aa");
	evidence = json_object_get_object_member(alert, "evidence");
	g_assert_cmpstr(json_object_get_string_member(evidence, "kind"), ==, "arp-sweep");
	assert_about(json_object_get_int_member(evidence, "distinct_targets"), 245);
	g_assert_cmpint(json_object_get_int_member(evidence, "probes"), ==, 503);
	g_assert_cmpint(json_object_get_int_member(evidence, "answered"), ==, 0);
	g_assert_cmpuint(json_array_get_length(json_object_get_array_member(evidence, "targets")),
	                 ==, 10);
}

/* 192.168.1.247 (50:ed:3c:39:bc:d9) asks for 255 addresses with 507
 * requests in 3.3 s; 3 hosts answer it. The routine ARP of .1, .122 and
 * .245 must not alert */
static void
test_capture_slips_arp(void)
{
	g_autoptr(JsonNode) root = NULL;
	JsonObject *alert = single_alert("slips-arp-scan.pcap", &root);
	JsonObject *evidence;
	if (alert == NULL)
		return;
	g_assert_cmpstr(json_object_get_string_member(alert, "device"), ==, "50:ed:3c:39:bc:d9");
	evidence = json_object_get_object_member(alert, "evidence");
	g_assert_cmpstr(json_object_get_string_member(evidence, "kind"), ==, "arp-sweep");
	assert_about(json_object_get_int_member(evidence, "distinct_targets"), 255);
	g_assert_cmpint(json_object_get_int_member(evidence, "probes"), ==, 507);
	g_assert_cmpint(json_object_get_int_member(evidence, "answered"), ==, 3);
	g_assert_cmpfloat(json_object_get_double_member(evidence, "seconds"), <=, 13.0);
}

/* no botnet_behaviour at all: ordinary homes, a 4-port probe, and the
 * 16-host ping of slips-icmp-sweep (below YM_SCAN_ICMP_TARGETS on purpose,
 * see ym-detect-scan.c) */
static void
test_capture_quiet(gconstpointer user_data)
{
	const gchar *capture = user_data;
	g_autofree gchar *path = ym_test_shared_pcap(capture);
	g_autoptr(JsonNode) root = NULL;
	g_autoptr(GPtrArray) alerts = NULL;
	if (path == NULL)
		return;
	root = analyse(path);
	alerts = botnet_alerts(root);
	g_assert_cmpuint(alerts->len, ==, 0);
}

/* our generator's demo home and benchmark mix: busy, but no scanner */
static void
test_generated_quiet(gconstpointer user_data)
{
	const gchar *mode = user_data;
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autofree gchar *path = g_build_filename(dir, "gen.pcapng", NULL);
	g_autoptr(GError) error = NULL;
	g_autoptr(GSubprocess) proc = NULL;
	g_autoptr(JsonNode) root = NULL;
	g_autoptr(GPtrArray) alerts = NULL;
	if (g_strcmp0(mode, "bench") == 0)
		proc = g_subprocess_new(G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
		                        g_getenv("YAMORI_GEN"), "bench", "--packets", "300000",
		                        path, NULL);
	else
		proc =
		    g_subprocess_new(G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
		                     g_getenv("YAMORI_GEN"), "demo", "--scenes=none", path, NULL);
	g_assert_no_error(error);
	g_assert_true(g_subprocess_wait_check(proc, NULL, &error));
	g_assert_no_error(error);
	root = analyse(path);
	alerts = botnet_alerts(root);
	g_assert_cmpuint(alerts->len, ==, 0);
	ym_test_rm_rf(dir);
}

/* the demo's attack scenes: the taken-over plug scanning for Telnet is
 * the one device named, and the camera's break-in is not a scan */
static void
test_generated_attacks(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autofree gchar *path = g_build_filename(dir, "gen.pcapng", NULL);
	g_autoptr(GError) error = NULL;
	g_autoptr(GSubprocess) proc = NULL;
	g_autoptr(JsonNode) root = NULL;
	g_autoptr(GPtrArray) alerts = NULL;
	gboolean telnet_scan = FALSE;
	proc = g_subprocess_new(G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, g_getenv("YAMORI_GEN"),
	                        "demo", path, NULL);
	g_assert_no_error(error);
	g_assert_true(g_subprocess_wait_check(proc, NULL, &error));
	g_assert_no_error(error);
	root = analyse(path);
	alerts = botnet_alerts(root);
	g_assert_cmpuint(alerts->len, >=, 1);
	for (guint i = 0; i < alerts->len; i++) {
		JsonObject *alert = g_ptr_array_index(alerts, i);
		g_assert_cmpstr(json_object_get_string_member(alert, "device"), ==,
		                "50:c7:bf:3a:92:e4");
		g_assert_cmpstr(json_object_get_string_member(alert, "severity"), ==, "urgent");
		telnet_scan |=
		    g_strcmp0(json_object_get_string_member(alert, "key"), "telnet-scan") == 0;
	}
	g_assert_true(telnet_scan);
	ym_test_rm_rf(dir);
}

/* ---- hand-made sequences ---- */

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
	ym_alerts_set_default_severity(fixture->alerts, "botnet_behaviour", YM_SEVERITY_URGENT);
	fixture->ctx.inventory = fixture->inventory;
	fixture->ctx.alerts = fixture->alerts;
	fixture->state = ym_detector_scan.create(&fixture->ctx, &error);
	g_assert_no_error(error);
	g_assert_nonnull(fixture->state);
	fixture->packet = g_new0(YmPacket, 1);
}

static void
fixture_teardown(Fixture *fixture, gconstpointer user_data)
{
	ym_detector_scan.destroy(fixture->state);
	g_free(fixture->packet);
	g_clear_object(&fixture->alerts);
	g_clear_object(&fixture->inventory);
	g_clear_object(&fixture->fingerprints);
	g_clear_object(&fixture->oui);
}

static const guint8 scanner_mac[6] = {0x02, 0x00, 0x00, 0x00, 0x00, 0x42};
static const guint8 router_mac[6] = {0x02, 0x00, 0x00, 0x00, 0x00, 0x01};
static const guint8 broadcast_mac[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};

#define SCANNER_IP 0xc0a8012au /* 192.168.1.42 */

/* a plain loop: gcc's bounds analysis under ASan trips on memcpy here */
static void
copy_mac(guint8 *dst, const guint8 *src)
{
	for (guint i = 0; i < 6; i++)
		dst[i] = src[i];
}

static YmPacket *
packet_ip(Fixture *fixture,
          gint64 ts,
          const guint8 *src_mac,
          const guint8 *dst_mac,
          guint32 src_ip,
          guint32 dst_ip)
{
	YmPacket *packet = fixture->packet;
	memset(packet, 0, sizeof(*packet));
	packet->ts_usec = ts;
	packet->has_mac = TRUE;
	copy_mac(packet->src_mac, src_mac);
	copy_mac(packet->dst_mac, dst_mac);
	packet->ethertype = 0x0800;
	packet->l3 = YM_L3_IPV4;
	packet->ttl = 64;
	ym_ip_addr_set_v4(&packet->src_ip, src_ip);
	ym_ip_addr_set_v4(&packet->dst_ip, dst_ip);
	return packet;
}

static void
feed(Fixture *fixture, const YmFlow *flow)
{
	ym_inventory_observe(fixture->inventory, fixture->packet);
	ym_detector_scan.packet(fixture->state, &fixture->ctx, fixture->packet, flow, 0);
}

static void
send_syn(Fixture *fixture, gint64 ts, guint32 dst_ip, guint16 port)
{
	YmPacket *packet = packet_ip(fixture, ts, scanner_mac, router_mac, SCANNER_IP, dst_ip);
	packet->ip_proto = 6;
	packet->has_ports = TRUE;
	packet->src_port = 40000;
	packet->dst_port = port;
	packet->tcp_flags = YM_TCP_SYN;
	feed(fixture, NULL);
}

static void
send_syn_ack(Fixture *fixture, gint64 ts, guint32 src_ip, guint16 port)
{
	YmPacket *packet = packet_ip(fixture, ts, router_mac, scanner_mac, src_ip, SCANNER_IP);
	packet->ip_proto = 6;
	packet->has_ports = TRUE;
	packet->src_port = port;
	packet->dst_port = 40000;
	packet->tcp_flags = YM_TCP_SYN | YM_TCP_ACK;
	feed(fixture, NULL);
}

static void
send_echo(Fixture *fixture, gint64 ts, const guint8 *dst_mac, guint32 dst_ip)
{
	YmPacket *packet = packet_ip(fixture, ts, scanner_mac, dst_mac, SCANNER_IP, dst_ip);
	packet->ip_proto = 1;
	packet->has_icmp = TRUE;
	packet->icmp_type = 8;
	feed(fixture, NULL);
}

static void
send_arp_request(Fixture *fixture, gint64 ts, const guint8 *mac, guint32 sender, guint32 target)
{
	YmPacket *packet = fixture->packet;
	memset(packet, 0, sizeof(*packet));
	packet->ts_usec = ts;
	packet->has_mac = TRUE;
	copy_mac(packet->src_mac, mac);
	copy_mac(packet->dst_mac, broadcast_mac);
	packet->ethertype = 0x0806;
	packet->l3 = YM_L3_ARP;
	packet->arp.hardware_type = 1;
	packet->arp.protocol_type = 0x0800;
	packet->arp.operation = 1;
	copy_mac(packet->arp.sender_mac, mac);
	packet->arp.sender_ip = sender;
	packet->arp.target_ip = target;
	feed(fixture, NULL);
}

static void
tick(Fixture *fixture, gint64 now)
{
	ym_detector_scan.tick(fixture->state, &fixture->ctx, now);
}

/* the botnet_behaviour alert with @key, or NULL */
static YmAlert *
find_alert(Fixture *fixture, const gchar *key)
{
	GPtrArray *alerts = ym_alerts_get_all(fixture->alerts);
	for (guint i = 0; i < alerts->len; i++) {
		YmAlert *alert = g_ptr_array_index(alerts, i);
		if (g_strcmp0(alert->type, "botnet_behaviour") == 0 &&
		    g_strcmp0(alert->key, key) == 0)
			return alert;
	}
	return NULL;
}

static guint
count_alerts(Fixture *fixture)
{
	return ym_alerts_get_all(fixture->alerts)->len;
}

static void
test_telnet_threshold(Fixture *fixture, gconstpointer user_data)
{
	YmAlert *alert;
	/* 7 hosts, some twice and on both ports: not yet */
	for (guint i = 0; i < 7; i++) {
		send_syn(fixture, T0 + i * 1000, 0x5db80000u + i * 7919, 23);
		send_syn(fixture, T0 + i * 1000 + 500, 0x5db80000u + i * 7919, 2323);
	}
	g_assert_null(find_alert(fixture, "telnet-scan"));
	/* the 8th */
	send_syn(fixture, T0 + 9000, 0x5db80000u + 7 * 7919, 2323);
	alert = find_alert(fixture, "telnet-scan");
	g_assert_nonnull(alert);
	g_assert_cmpstr(alert->mac, ==, "02:00:00:00:00:42");
	g_assert_cmpint(alert->severity, ==, YM_SEVERITY_URGENT);
	g_assert_cmpstr(json_object_get_string_member(alert->evidence, "kind"), ==, "telnet-scan");
	g_assert_cmpint(json_object_get_int_member(alert->evidence, "distinct_targets"), ==, 8);
	g_assert_cmpuint(
	    json_array_get_length(json_object_get_array_member(alert->evidence, "ports")), ==, 2);
	/* nothing else: 8 addresses are far from a horizontal scan */
	g_assert_cmpuint(count_alerts(fixture), ==, 1);
}

static void
test_arp_threshold(Fixture *fixture, gconstpointer user_data)
{
	YmAlert *alert;
	/* 192.168.1.129 to .175, away from the scanner's own .42 */
	for (guint i = 1; i <= 47; i++)
		send_arp_request(fixture, T0 + i * 10000, scanner_mac, SCANNER_IP, 0xc0a80180u + i);
	/* asking again for the same addresses does not count */
	for (guint i = 1; i <= 47; i++)
		send_arp_request(fixture, T0 + G_USEC_PER_SEC + i * 10000, scanner_mac, SCANNER_IP,
		                 0xc0a80180u + i);
	/* nor do probes (sender 0.0.0.0) and announcements (sender == target) */
	send_arp_request(fixture, T0 + 2 * G_USEC_PER_SEC, scanner_mac, 0, 0xc0a80164u);
	send_arp_request(fixture, T0 + 2 * G_USEC_PER_SEC, scanner_mac, 0xc0a80165u, 0xc0a80165u);
	g_assert_null(find_alert(fixture, "arp-sweep"));
	send_arp_request(fixture, T0 + 3 * G_USEC_PER_SEC, scanner_mac, SCANNER_IP, 0xc0a801f0u);
	alert = find_alert(fixture, "arp-sweep");
	g_assert_nonnull(alert);
	g_assert_cmpstr(json_object_get_string_member(alert->evidence, "kind"), ==, "arp-sweep");
	g_assert_cmpint(json_object_get_int_member(alert->evidence, "distinct_targets"), ==, 48);
	g_assert_cmpint(json_object_get_int_member(alert->evidence, "probes"), ==, 95);
	/* the tick refreshes the evidence of an alert that grew */
	send_arp_request(fixture, T0 + 3 * G_USEC_PER_SEC + 1, scanner_mac, SCANNER_IP,
	                 0xc0a801f1u);
	tick(fixture, T0 + 4 * G_USEC_PER_SEC);
	g_assert_cmpint(json_object_get_int_member(alert->evidence, "distinct_targets"), ==, 49);
	g_assert_cmpuint(alert->count, ==, 2);
}

/* a sliding window in two halves: a count covers the current and the
 * previous 30 s */
static void
test_window(Fixture *fixture, gconstpointer user_data)
{
	/* 30 + 30 addresses in adjacent halves: one sweep */
	for (guint i = 0; i < 30; i++)
		send_arp_request(fixture, T0 + 25 * G_USEC_PER_SEC, scanner_mac, SCANNER_IP,
		                 0xc0a80100u + i);
	for (guint i = 30; i < 60; i++)
		send_arp_request(fixture, T0 + 35 * G_USEC_PER_SEC, scanner_mac, SCANNER_IP,
		                 0xc0a80100u + i);
	g_assert_nonnull(find_alert(fixture, "arp-sweep"));
}

static void
test_window_expiry(Fixture *fixture, gconstpointer user_data)
{
	/* 40 addresses, then 40 more over a minute later: the first have expired */
	for (guint i = 0; i < 40; i++)
		send_arp_request(fixture, T0 + 1 * G_USEC_PER_SEC, scanner_mac, SCANNER_IP,
		                 0xc0a80100u + i);
	tick(fixture, T0 + 30 * G_USEC_PER_SEC);
	tick(fixture, T0 + 61 * G_USEC_PER_SEC);
	for (guint i = 40; i < 80; i++)
		send_arp_request(fixture, T0 + 65 * G_USEC_PER_SEC, scanner_mac, SCANNER_IP,
		                 0xc0a80100u + i);
	g_assert_null(find_alert(fixture, "arp-sweep"));
	/* a slow sweep, 20 addresses a minute for ten minutes, never alerts */
	for (guint minute = 2; minute < 12; minute++) {
		for (guint i = 0; i < 20; i++)
			send_arp_request(fixture, T0 + minute * 60 * G_USEC_PER_SEC + i,
			                 scanner_mac, SCANNER_IP, 0xc0a80200u + minute * 20 + i);
		tick(fixture, T0 + minute * 60 * G_USEC_PER_SEC + G_USEC_PER_SEC);
	}
	g_assert_null(find_alert(fixture, "arp-sweep"));
}

/* the gateway resolves every client: never an ARP sweep */
static void
test_arp_gateway_exempt(Fixture *fixture, gconstpointer user_data)
{
	GPtrArray *devices;
	for (guint i = 0; i < 100; i++)
		send_arp_request(fixture, T0 + i, scanner_mac, SCANNER_IP, 0xc0a80100u + i);
	g_assert_nonnull(find_alert(fixture, "arp-sweep"));

	/* the same from a device known as the gateway */
	send_arp_request(fixture, T0, router_mac, 0xc0a80101u, 0xc0a80102u);
	devices = ym_inventory_get_devices(fixture->inventory);
	for (guint i = 0; i < devices->len; i++) {
		YmDevice *device = g_ptr_array_index(devices, i);
		if (device == ym_inventory_lookup_mac(fixture->inventory, router_mac))
			device->roles |= YM_ROLE_GATEWAY;
	}
	for (guint i = 0; i < 100; i++)
		send_arp_request(fixture, T0 + 100 + i, router_mac, 0xc0a80101u, 0xc0a80200u + i);
	g_assert_cmpuint(count_alerts(fixture), ==, 1);
}

static void
test_icmp_threshold(Fixture *fixture, gconstpointer user_data)
{
	guint8 mac[6] = {0x02, 0, 0, 0, 0x10, 0};
	/* broadcasts, multicast and repeats never count */
	for (guint i = 0; i < 100; i++) {
		send_echo(fixture, T0 + i, broadcast_mac, 0xc0a801ffu);
		send_echo(fixture, T0 + i, router_mac, 0xffffffffu);
		send_echo(fixture, T0 + i, router_mac, 0xe0000001u + i);
		send_echo(fixture, T0 + i, router_mac, 0x08080808u);
	}
	/* 8.8.8.8 above and 30 hosts of the LAN: 31 */
	for (guint i = 0; i < 30; i++) {
		mac[5] = i;
		send_echo(fixture, T0 + 1000 + i, mac, 0xc0a80100u + i);
	}
	g_assert_null(find_alert(fixture, "icmp-sweep"));
	send_echo(fixture, T0 + 2000, router_mac, 0x01010101u);
	g_assert_nonnull(find_alert(fixture, "icmp-sweep"));
	g_assert_cmpint(json_object_get_int_member(find_alert(fixture, "icmp-sweep")->evidence,
	                                           "distinct_targets"),
	                ==, 32);
}

static void
test_vertical_threshold(Fixture *fixture, gconstpointer user_data)
{
	guint32 target = 0x40118634u;
	for (guint port = 1; port <= 63; port++)
		send_syn(fixture, T0 + port * 1000, target, port * 13);
	/* traffic to other hosts meanwhile does not move the vertical target */
	send_syn(fixture, T0 + 70000, 0x01020304u, 443);
	g_assert_null(find_alert(fixture, "port-scan:vertical"));
	send_syn(fixture, T0 + 80000, target, 64 * 13);
	g_assert_nonnull(find_alert(fixture, "port-scan:vertical"));
	g_assert_cmpuint(count_alerts(fixture), ==, 1);
}

/* many ports of one host, each accepted: passive FTP, not a scan */
static void
test_vertical_accepted(Fixture *fixture, gconstpointer user_data)
{
	guint32 server = 0xc0a80105u;
	for (guint port = 0; port < 200; port++) {
		send_syn(fixture, T0 + port * 1000, server, 50000 + port);
		send_syn_ack(fixture, T0 + port * 1000 + 100, server, 50000 + port);
	}
	g_assert_cmpuint(count_alerts(fixture), ==, 0);
}

static void
test_horizontal(Fixture *fixture, gconstpointer user_data)
{
	YmAlert *alert;
	/* browsing: 200 servers on 443, every one answers */
	for (guint i = 0; i < 200; i++) {
		send_syn(fixture, T0 + i * 1000, 0x68100000u + i * 257, 443);
		send_syn_ack(fixture, T0 + i * 1000 + 100, 0x68100000u + i * 257, 443);
	}
	g_assert_cmpuint(count_alerts(fixture), ==, 0);
	/* peer-to-peer: a different port for every peer, none answers */
	for (guint i = 0; i < 200; i++)
		send_syn(fixture, T0 + G_USEC_PER_SEC + i * 1000, 0x50000000u + i * 65537,
		         20000 + i);
	g_assert_cmpuint(count_alerts(fixture), ==, 0);
	/* a scan of port 8080 across the internet, unanswered */
	for (guint i = 0; i < 600; i++)
		send_syn(fixture, T0 + 2 * G_USEC_PER_SEC + i * 1000, 0x30000000u + i * 104729,
		         8080);
	alert = find_alert(fixture, "port-scan:horizontal");
	g_assert_nonnull(alert);
	g_assert_cmpint(json_object_get_int_member(alert->evidence, "top_port"), ==, 8080);
}

static void
test_flood(Fixture *fixture, gconstpointer user_data)
{
	YmFlow flow = {0};
	YmPacket *packet;
	/* an answered stream of the same volume is not a flood */
	flow.packets[0] = 1;
	flow.packets[1] = 1;
	for (guint i = 0; i < 40000; i++) {
		packet = packet_ip(fixture, T0 + i * 100, scanner_mac, router_mac, SCANNER_IP,
		                   0x08080404u);
		packet->ip_proto = 17;
		packet->has_ports = TRUE;
		packet->dst_port = 443;
		feed(fixture, &flow);
	}
	g_assert_cmpuint(count_alerts(fixture), ==, 0);
	/* unanswered: just below, then at the threshold */
	flow.packets[1] = 0;
	for (guint i = 0; i < 29999; i++) {
		packet = packet_ip(fixture, T0 + 5 * G_USEC_PER_SEC + i * 100, scanner_mac,
		                   router_mac, SCANNER_IP, 0x08080808u);
		packet->ip_proto = 17;
		packet->has_ports = TRUE;
		packet->dst_port = 80;
		feed(fixture, &flow);
	}
	g_assert_null(find_alert(fixture, "flood"));
	packet = packet_ip(fixture, T0 + 9 * G_USEC_PER_SEC, scanner_mac, router_mac, SCANNER_IP,
	                   0x08080808u);
	packet->ip_proto = 17;
	packet->has_ports = TRUE;
	packet->dst_port = 80;
	feed(fixture, &flow);
	g_assert_nonnull(find_alert(fixture, "flood"));
	g_assert_cmpint(
	    json_object_get_int_member(find_alert(fixture, "flood")->evidence, "packets"), ==,
	    30000);
}

/* the router forwards the internet's SYNs with its own MAC: not its scan */
static void
test_forwarded_ignored(Fixture *fixture, gconstpointer user_data)
{
	for (guint i = 0; i < 500; i++) {
		YmPacket *packet = packet_ip(fixture, T0 + i * 1000, router_mac, scanner_mac,
		                             0x2d000000u + i * 7919, SCANNER_IP);
		packet->ttl = 50;
		packet->ip_proto = 6;
		packet->has_ports = TRUE;
		packet->dst_port = 23;
		packet->tcp_flags = YM_TCP_SYN;
		feed(fixture, NULL);
	}
	g_assert_cmpuint(count_alerts(fixture), ==, 0);
}

/* 100k sources each send one ARP request: the table never grows past its
 * fixed size, and a sweep afterwards is still seen */
static void
test_bounded(Fixture *fixture, gconstpointer user_data)
{
	/* known to the inventory before its cap is reached */
	send_arp_request(fixture, T0, scanner_mac, SCANNER_IP, 0xc0a80101u);
	for (guint i = 0; i < 100000; i++) {
		guint8 mac[6] = {0x02, 0x10, i >> 24, (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff};
		send_arp_request(fixture, T0 + i, mac, 0x0a000000u + i, 0x0a000001u);
		g_assert_cmpuint(_ym_detect_scan_get_n_trackers(fixture->state), <=,
		                 YM_DETECT_SCAN_TRACKERS);
	}
	g_assert_cmpuint(_ym_detect_scan_get_n_trackers(fixture->state), ==,
	                 YM_DETECT_SCAN_TRACKERS);
	g_assert_cmpuint(_ym_detect_scan_get_evicted(fixture->state), >=,
	                 100000 - YM_DETECT_SCAN_TRACKERS);
	g_assert_cmpuint(count_alerts(fixture), ==, 0);
	for (guint i = 0; i < 100; i++)
		send_arp_request(fixture, T0 + G_USEC_PER_SEC + i, scanner_mac, SCANNER_IP,
		                 0xc0a80100u + i);
	g_assert_nonnull(find_alert(fixture, "arp-sweep"));
	/* idle trackers are let go after a window */
	tick(fixture, T0 + 2 * G_USEC_PER_SEC);
	tick(fixture, T0 + 200 * G_USEC_PER_SEC);
	g_assert_cmpuint(_ym_detect_scan_get_n_trackers(fixture->state), ==, 0);
}

static void
add_fixture_test(const gchar *path, void (*func)(Fixture *, gconstpointer))
{
	g_test_add(path, Fixture, NULL, fixture_setup, func, fixture_teardown);
}

int
main(int argc, char **argv)
{
	static const gchar *const quiet[] = {
	    "slips-icmp-sweep.pcap",
	    "ndpi-tcp-scan-small.pcapng",
	    "ndpi-sonos.pcapng",
	    "ndpi-nest-log-sink.pcap",
	    "suricata-verify-win7-home-browsing.pcap",
	    "zeek-home-multicast-short.pcap",
	    "ndpi-tplink-smarthome-discovery.pcap",
	    "ndpi-alexa-app-android.pcapng",
	    "ndpi-youtube-upload.pcap",
	    "ndpi-coap-mqtt.pcap",
	    "ndpi-ubiquiti-discovery.pcap",
	    "ndpi-wsdiscovery-resolve.pcap",
	    "ndpi-ssdp-m-search-ua.pcap",
	    "zeek-mdns.pcap",
	    "zeek-arp-who-has.pcap",
	    "slips-ssh-bruteforce.pcap",
	};

	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/detect-scan/capture/synscan", test_capture_synscan);
	g_test_add_func("/ym/detect-scan/capture/nmap-arp", test_capture_nmap_arp);
	g_test_add_func("/ym/detect-scan/capture/slips-arp", test_capture_slips_arp);
	for (guint i = 0; i < G_N_ELEMENTS(quiet); i++) {
		g_autofree gchar *path = g_strdup_printf("/ym/detect-scan/quiet/%s", quiet[i]);
		g_test_add_data_func(path, quiet[i], test_capture_quiet);
	}
	g_test_add_data_func("/ym/detect-scan/quiet/generated-demo", "demo", test_generated_quiet);
	g_test_add_func("/ym/detect-scan/generated-attacks", test_generated_attacks);
	g_test_add_data_func("/ym/detect-scan/quiet/generated-bench", "bench",
	                     test_generated_quiet);
	add_fixture_test("/ym/detect-scan/telnet-threshold", test_telnet_threshold);
	add_fixture_test("/ym/detect-scan/arp-threshold", test_arp_threshold);
	add_fixture_test("/ym/detect-scan/window", test_window);
	add_fixture_test("/ym/detect-scan/window-expiry", test_window_expiry);
	add_fixture_test("/ym/detect-scan/arp-gateway-exempt", test_arp_gateway_exempt);
	add_fixture_test("/ym/detect-scan/icmp-threshold", test_icmp_threshold);
	add_fixture_test("/ym/detect-scan/vertical-threshold", test_vertical_threshold);
	add_fixture_test("/ym/detect-scan/vertical-accepted", test_vertical_accepted);
	add_fixture_test("/ym/detect-scan/horizontal", test_horizontal);
	add_fixture_test("/ym/detect-scan/flood", test_flood);
	add_fixture_test("/ym/detect-scan/forwarded-ignored", test_forwarded_ignored);
	add_fixture_test("/ym/detect-scan/bounded", test_bounded);
	return g_test_run();
}
