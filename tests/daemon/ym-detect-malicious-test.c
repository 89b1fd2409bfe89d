/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * malicious_server_contact: the block list grammar and lookups, then real
 * captures through the engine. The abuse.ch lists are not shipped; the
 * tests convert the shared copies at test time (skipped when absent
 * outside CI), including nDPI's fake certificate entry
 */

#include "config.h"

#include <arpa/inet.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ym-blocklist.h"
#include "ym-engine.h"
#include "ym-error.h"
#include "ym-test-common.h"
#include "ym-test-engine.h"

#define TYPE "malicious_server_contact"

static YmIpAddr
addr_from(const gchar *text)
{
	YmIpAddr addr = {0};
	if (inet_pton(AF_INET, text, addr.bytes) == 1)
		addr.family = 4;
	else if (inet_pton(AF_INET6, text, addr.bytes) == 1)
		addr.family = 6;
	else
		g_assert_not_reached();
	return addr;
}

static const YmBlocklistEntry *
lookup_ip(YmBlocklist *lists, const gchar *text)
{
	YmIpAddr addr = addr_from(text);
	return ym_blocklist_lookup_ip(lists, &addr);
}

static const YmBlocklistEntry *
lookup_domain(YmBlocklist *lists, const gchar *name)
{
	return ym_blocklist_lookup_domain(lists, name, strlen(name));
}

static void
test_domains(void)
{
	g_autoptr(YmBlocklist) lists = ym_blocklist_new();
	g_autoptr(GError) error = NULL;
	const gchar *text = "# comment\n"
	                    "\n"
	                    "domain InternetBadGuys.com. source=\"Cisco Umbrella test domain\"\n"
	                    "  domain evil.example.org source=\"x\" label=\"Some \\\"RAT\\\"\"\r\n"
	                    "domain internetbadguys.com source=\"a duplicate, ignored\"\n";
	const YmBlocklistEntry *entry;

	g_assert_true(ym_blocklist_load_data(lists, "t.list", text, strlen(text), &error));
	g_assert_no_error(error);
	g_assert_cmpuint(ym_blocklist_get_size(lists), ==, 3);

	entry = lookup_domain(lists, "www.internetbadguys.com");
	g_assert_nonnull(entry);
	g_assert_cmpstr(entry->value, ==, "internetbadguys.com");
	g_assert_cmpstr(entry->source, ==, "Cisco Umbrella test domain");
	g_assert_cmpstr(entry->file, ==, "t.list");
	g_assert_cmpuint(entry->line, ==, 3);
	g_assert_nonnull(lookup_domain(lists, "INTERNETBADGUYS.COM."));
	g_assert_nonnull(lookup_domain(lists, "a.b.c.internetbadguys.com"));
	g_assert_null(lookup_domain(lists, "notinternetbadguys.com"));
	g_assert_null(lookup_domain(lists, "internetbadguys.com.example.net"));
	g_assert_null(lookup_domain(lists, "com"));
	g_assert_null(lookup_domain(lists, ""));
	entry = lookup_domain(lists, "x.evil.example.org");
	g_assert_nonnull(entry);
	g_assert_cmpstr(entry->label, ==, "Some \"RAT\"");
	g_assert_null(lookup_domain(lists, "example.org"));
}

static void
test_networks(void)
{
	g_autoptr(YmBlocklist) lists = ym_blocklist_new();
	g_autoptr(GError) error = NULL;
	const gchar *text = "ip 203.0.113.7 source=\"one host\"\n"
	                    "cidr 198.51.100.0/24 source=\"v4 net\"\n"
	                    "cidr 198.51.0.0/16 source=\"v4 wide\"\n"
	                    "cidr 2001:db8:bad::/48 source=\"v6 net\"\n"
	                    "ip 2001:DB8::1 source=\"v6 host\"\n"
	                    "cidr 0.0.0.0/0 source=\"everything v4\"\n";
	const YmBlocklistEntry *entry;

	g_assert_true(ym_blocklist_load_data(lists, "n.list", text, strlen(text), &error));
	g_assert_no_error(error);
	g_assert_cmpstr(lookup_ip(lists, "203.0.113.7")->source, ==, "one host");
	/* the longest prefix wins */
	g_assert_cmpstr(lookup_ip(lists, "198.51.100.200")->source, ==, "v4 net");
	g_assert_cmpstr(lookup_ip(lists, "198.51.7.1")->source, ==, "v4 wide");
	g_assert_cmpstr(lookup_ip(lists, "203.0.113.8")->source, ==, "everything v4");
	entry = lookup_ip(lists, "2001:db8:bad:ffff::1");
	g_assert_nonnull(entry);
	g_assert_cmpstr(entry->value, ==, "2001:db8:bad::/48");
	g_assert_null(lookup_ip(lists, "2001:db8:bae::1"));
	g_assert_cmpstr(lookup_ip(lists, "2001:db8::1")->value, ==, "2001:db8::1");
	g_assert_null(lookup_ip(lists, "2001:db8::2"));
}

static void
test_fingerprints(void)
{
	g_autoptr(YmBlocklist) lists = ym_blocklist_new();
	g_autoptr(GError) error = NULL;
	const gchar *text = "ja3 D551FAFC4F40F1DEC2BB45980BFA9492 source=\"abuse.ch SSLBL\" "
	                    "label=\"Adware\"\n"
	                    "cert-sha1 0D:DB:34:F8:75:63:2C:7E:1E:C0:9D:75:82:7F:82:D2:33:6D:FE:B6 "
	                    "source=\"nDPI test\"\n";
	g_assert_true(ym_blocklist_load_data(lists, "f.list", text, strlen(text), &error));
	g_assert_no_error(error);
	g_assert_nonnull(ym_blocklist_lookup_ja3(lists, "d551fafc4f40f1dec2bb45980bfa9492"));
	g_assert_null(ym_blocklist_lookup_ja3(lists, "d551fafc4f40f1dec2bb45980bfa9493"));
	g_assert_null(ym_blocklist_lookup_ja3(lists, ""));
	g_assert_true(ym_blocklist_has_cert_sha1(lists));
	g_assert_nonnull(
	    ym_blocklist_lookup_cert_sha1(lists, "0ddb34f875632c7e1ec09d75827f82d2336dfeb6"));
}

static void
test_bad_lines(void)
{
	const struct {
		const gchar *text;
		const gchar *message;
	} cases[] = {
	    {"domain x.com\n", "bad.list:1: every entry needs source="},
	    {"# ok\nhost x.com source=\"a\"\n", "bad.list:2: unknown kind \"host\""},
	    {"domain *.x.com source=\"a\"\n", "bad.list:1: domain \"*.x.com\" has a character"},
	    {"domain com source=\"a\"\n", "bad.list:1: domain \"com\" is a top-level domain"},
	    {"domain a..com source=\"a\"\n", "bad.list:1: domain \"a..com\" has an empty"},
	    {"\n\ncidr 10.0.0.1/8 source=\"a\"\n", "bad.list:3: cidr \"10.0.0.1/8\" has host bits"},
	    {"cidr 10.0.0.0/33 source=\"a\"\n", "bad.list:1: cidr \"10.0.0.0/33\" needs a prefix"},
	    {"cidr 10.0.0.0 source=\"a\"\n", "bad.list:1: cidr \"10.0.0.0\" needs a /prefix"},
	    {"ip 10.0.0.0/8 source=\"a\"\n", "bad.list:1: ip \"10.0.0.0/8\" has a /prefix"},
	    {"ip 10.0.0.256 source=\"a\"\n", "bad.list:1: \"10.0.0.256\" is not an IPv4"},
	    {"ja3 abc source=\"a\"\n", "bad.list:1: ja3 \"abc\" must be 32 hex digits"},
	    {"cert-sha1 0ddb34f8 source=\"a\"\n", "bad.list:1: cert-sha1 \"0ddb34f8\" must be 40"},
	    {"ip 1.2.3.4 source=\"a\n", "bad.list:1: unterminated string"},
	    {"ip 1.2.3.4 source=\"a\" source=\"b\"\n", "bad.list:1: source given twice"},
	    {"ip 1.2.3.4 colour=\"a\"\n", "bad.list:1: unknown attribute \"colour\""},
	    {"ip 1.2.3.4 source=\"\"\n", "bad.list:1: every entry needs source="},
	    {"ip\n", "bad.list:1: expected a value after ip"},
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(YmBlocklist) lists = ym_blocklist_new();
		g_autoptr(GError) error = NULL;
		g_assert_false(ym_blocklist_load_data(lists, "bad.list", cases[i].text,
		                                      strlen(cases[i].text), &error));
		g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
		if (!g_str_has_prefix(error->message, cases[i].message))
			g_error("case %u: \"%s\" does not start with \"%s\"", i, error->message,
			        cases[i].message);
	}
}

/* a signatures folder: the shipped fingerprint rules and block lists, plus
 * lists converted from the shared abuse.ch files when asked */
typedef struct {
	gboolean ja3;
	gboolean fake_cert; /* only nDPI's fake test entry */
} SharedLists;

static gboolean
write_shared_lists(const gchar *blocklists, SharedLists what)
{
	const gchar *dir = g_getenv("YM_SHARED_DATA");
	g_autofree gchar *ja3_path = NULL;
	g_autofree gchar *cert_path = NULL;
	g_autoptr(GString) out = g_string_new("# converted at test time\n");
	g_autoptr(GError) error = NULL;

	if (dir == NULL)
		dir = "../shared/data";
	ja3_path =
	    g_build_filename(dir, "fingerprints", "abuse.ch-sslbl-ja3-fingerprints.csv", NULL);
	cert_path = g_build_filename(dir, "fingerprints", "abuse.ch-sslbl-cert-sha1.csv", NULL);
	if (!g_file_test(ja3_path, G_FILE_TEST_EXISTS) ||
	    !g_file_test(cert_path, G_FILE_TEST_EXISTS)) {
		if (g_getenv("CI") != NULL)
			g_error("shared abuse.ch lists missing in CI");
		g_test_skip("shared abuse.ch lists not available");
		return FALSE;
	}
	if (what.ja3) {
		g_autofree gchar *contents = NULL;
		g_auto(GStrv) lines = NULL;
		g_file_get_contents(ja3_path, &contents, NULL, &error);
		g_assert_no_error(error);
		lines = g_strsplit(contents, "\n", -1);
		for (guint i = 0; lines[i] != NULL; i++) {
			g_auto(GStrv) cols = g_strsplit(lines[i], ",", -1);
			if (lines[i][0] == '#' || g_strv_length(cols) < 4)
				continue;
			g_string_append_printf(out,
			                       "ja3 %s source=\"abuse.ch SSLBL\" label=\"%s\"\n",
			                       g_strstrip(cols[0]), g_strstrip(cols[3]));
		}
	}
	if (what.fake_cert) {
		g_autofree gchar *contents = NULL;
		g_auto(GStrv) lines = NULL;
		g_file_get_contents(cert_path, &contents, NULL, &error);
		g_assert_no_error(error);
		lines = g_strsplit(contents, "\n", -1);
		for (guint i = 0; lines[i] != NULL; i++) {
			g_auto(GStrv) cols = g_strsplit(lines[i], ",", -1);
			if (lines[i][0] == '#' || g_strv_length(cols) < 3)
				continue;
			g_assert_cmpstr(g_strstrip(cols[2]), ==, "Fake");
			g_string_append_printf(out, "cert-sha1 %s source=\"nDPI test entry\"\n",
			                       g_strstrip(cols[1]));
			break;
		}
	}
	{
		g_autofree gchar *path = g_build_filename(blocklists, "shared.list", NULL);
		g_file_set_contents(path, out->str, -1, &error);
		g_assert_no_error(error);
	}
	return TRUE;
}

/* the captures with the lists we ship: only the listed test domain */
static void
test_capture_shipped(gconstpointer user_data)
{
	const gchar *capture = user_data;
	g_autofree gchar *path = ym_test_shared_pcap(capture);
	g_autofree gchar *tmp = NULL;
	g_autofree gchar *blocklists = NULL;
	g_autoptr(YmEngine) engine = NULL;
	g_autoptr(GHashTable) alerts = NULL;
	YmAlert *alert;

	if (path == NULL)
		return;
	tmp = ym_test_make_tmpdir();
	blocklists = ym_test_make_signatures(tmp);
	engine = ym_test_engine_new(tmp);
	ym_test_engine_analyse(engine, path);
	alerts = ym_test_alerts_of_type(ym_engine_get_alerts(engine), TYPE);

	if (g_strcmp0(capture, "ndpi-malware-domains.pcap") == 0) {
		JsonArray *seen;
		alert = g_hash_table_lookup(alerts, "30:52:cb:6c:9c:1b|domain:internetbadguys.com");
		g_assert_nonnull(alert);
		g_assert_cmpuint(g_hash_table_size(alerts), ==, 1);
		g_assert_cmpint(alert->severity, ==, YM_SEVERITY_WARNING);
		g_assert_cmpstr(json_object_get_string_member(alert->evidence, "destination"), ==,
		                "www.internetbadguys.com");
		g_assert_cmpstr(json_object_get_string_member(alert->evidence, "source"), ==,
		                "Cisco Umbrella test domain");
		g_assert_cmpstr(json_object_get_string_member(alert->evidence, "resolver"), ==,
		                "1.1.1.1");
		seen = json_object_get_array_member(alert->evidence, "seen_in");
		g_assert_cmpstr(json_array_get_string_element(seen, 0), ==, "dns");
	} else if (g_strcmp0(capture, "slips-periodic-c2-beacon.pcap") == 0) {
		alert = g_hash_table_lookup(alerts, "ec:f4:bb:cf:93:88|beacon:141.193.213.20:443");
		if (alert == NULL)
			ym_test_dump_alerts(alerts);
		g_assert_nonnull(alert);
		g_assert_cmpuint(g_hash_table_size(alerts), ==, 1);
		g_assert_cmpint(alert->severity, ==, YM_SEVERITY_CAUTION);
		g_assert_cmpstr(json_object_get_string_member(alert->evidence, "destination"), ==,
		                "testing.com");
		g_assert_cmpstr(json_object_get_string_member(alert->evidence, "server"), ==,
		                "141.193.213.20");
		g_assert_cmpint(json_object_get_int_member(alert->evidence, "connections"), ==, 22);
	} else {
		/* home captures, and the Alexa app whose JA3 abuse.ch lists */
		if (g_hash_table_size(alerts) != 0)
			ym_test_dump_alerts(alerts);
		g_assert_cmpuint(g_hash_table_size(alerts), ==, 0);
	}
	ym_test_rm_rf(tmp);
}

/* the shared abuse.ch JA3 list: stock clients match, never above caution */
static void
test_capture_ja3(gconstpointer user_data)
{
	const gchar *capture = user_data;
	g_autofree gchar *path = ym_test_shared_pcap(capture);
	g_autofree gchar *tmp = NULL;
	g_autofree gchar *blocklists = NULL;
	g_autoptr(YmEngine) engine = NULL;
	g_autoptr(GHashTable) alerts = NULL;
	GHashTableIter iter;
	YmAlert *alert;
	guint n_ja3 = 0;

	if (path == NULL)
		return;
	tmp = ym_test_make_tmpdir();
	blocklists = ym_test_make_signatures(tmp);
	if (!write_shared_lists(blocklists, (SharedLists){.ja3 = TRUE})) {
		ym_test_rm_rf(tmp);
		return;
	}
	engine = ym_test_engine_new(tmp);
	ym_test_engine_analyse(engine, path);
	alerts = ym_test_alerts_of_type(ym_engine_get_alerts(engine), TYPE);
	g_hash_table_iter_init(&iter, alerts);
	while (g_hash_table_iter_next(&iter, NULL, (gpointer *) &alert)) {
		g_assert_cmpint(alert->severity, <=, YM_SEVERITY_CAUTION);
		if (g_str_has_prefix(alert->key, "ja3:")) {
			n_ja3++;
			g_assert_cmpstr(
			    json_object_get_string_member(alert->evidence, "confidence"), ==,
			    "weak");
		}
	}
	g_assert_cmpuint(n_ja3, >, 0);
	ym_test_rm_rf(tmp);
}

/* nDPI's fake certificate entry and its capture */
static void
test_capture_cert(void)
{
	g_autofree gchar *path = ym_test_shared_pcap("ndpi-tls-malicious-cert-sha1.pcapng");
	g_autofree gchar *tmp = NULL;
	g_autofree gchar *blocklists = NULL;
	g_autoptr(YmEngine) engine = NULL;
	g_autoptr(GHashTable) alerts = NULL;
	GHashTableIter iter;
	YmAlert *alert = NULL;

	if (path == NULL)
		return;
	tmp = ym_test_make_tmpdir();
	blocklists = ym_test_make_signatures(tmp);
	if (!write_shared_lists(blocklists, (SharedLists){.fake_cert = TRUE})) {
		ym_test_rm_rf(tmp);
		return;
	}
	engine = ym_test_engine_new(tmp);
	ym_test_engine_analyse(engine, path);
	alerts = ym_test_alerts_of_type(ym_engine_get_alerts(engine), TYPE);
	g_assert_cmpuint(g_hash_table_size(alerts), ==, 1);
	g_hash_table_iter_init(&iter, alerts);
	g_assert_true(g_hash_table_iter_next(&iter, NULL, (gpointer *) &alert));
	g_assert_cmpstr(alert->key, ==, "cert-sha1:0ddb34f875632c7e1ec09d75827f82d2336dfeb6");
	g_assert_cmpstr(json_object_get_string_member(alert->evidence, "server"), ==,
	                "2a00:1450:4002:414::2013");
	g_assert_cmpint(alert->severity, ==, YM_SEVERITY_WARNING);
	ym_test_rm_rf(tmp);
}

/* SIGHUP with a broken list: the error names file and line, the old lists stay */
static void
test_reload(void)
{
	g_autofree gchar *path = ym_test_shared_pcap("ndpi-malware-domains.pcap");
	g_autofree gchar *tmp = NULL;
	g_autofree gchar *blocklists = NULL;
	g_autofree gchar *broken = NULL;
	g_autoptr(YmEngine) engine = NULL;
	g_autoptr(GHashTable) alerts = NULL;
	g_autoptr(GError) error = NULL;

	tmp = ym_test_make_tmpdir();
	blocklists = ym_test_make_signatures(tmp);
	engine = ym_test_engine_new(tmp);
	broken = g_build_filename(blocklists, "zz-broken.list", NULL);
	g_file_set_contents(broken, "# mine\ncidr 192.0.2.1/24 source=\"me\"\n", -1, &error);
	g_assert_no_error(error);
	g_assert_false(ym_engine_reload(engine, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_nonnull(strstr(error->message, "zz-broken.list:2: cidr \"192.0.2.1/24\""));
	g_clear_error(&error);

	/* a good reload takes the new lists */
	g_file_set_contents(broken, "domain example.net source=\"me\"\n", -1, &error);
	g_assert_no_error(error);
	g_assert_true(ym_engine_reload(engine, &error));
	g_assert_no_error(error);

	if (path != NULL) {
		ym_test_engine_analyse(engine, path);
		alerts = ym_test_alerts_of_type(ym_engine_get_alerts(engine), TYPE);
		g_assert_true(
		    g_hash_table_contains(alerts, "30:52:cb:6c:9c:1b|domain:internetbadguys.com"));
	}
	ym_test_rm_rf(tmp);
}

/* a classic pcap of Ethernet/IPv4/TCP frames from a home device to
 * @server, one a second, with @payload (may be NULL) after the handshake SYN */
static gchar *
write_tcp_pcap(const gchar *dir, const gchar *server, guint16 port, const gchar *payload)
{
	static const guint8 header[] = {0xd4, 0xc3, 0xb2, 0xa1, 2,    0,    4, 0, 0, 0, 0, 0,
	                                0,    0,    0,    0,    0xff, 0xff, 0, 0, 1, 0, 0, 0};
	g_autoptr(GByteArray) out = g_byte_array_new();
	g_autoptr(GError) error = NULL;
	gchar *path = g_build_filename(dir, "hand.pcap", NULL);
	YmIpAddr dst = addr_from(server);
	g_byte_array_append(out, header, sizeof(header));
	for (guint i = 0; i < 2; i++) {
		gsize length = i == 0 || payload == NULL ? 0 : strlen(payload);
		guint32 caplen = (guint32) (14 + 20 + 20 + length);
		guint16 ip_length = (guint16) (caplen - 14);
		guint32 record[4] = {1700000000 + i, 0, caplen, caplen};
		guint8 frame[14 + 40] = {0x02,
		                         0,
		                         0,
		                         0,
		                         0,
		                         1,
		                         0x02,
		                         0,
		                         0,
		                         0,
		                         0,
		                         2,
		                         0x08,
		                         0x00, /* ethernet */
		                         0x45,
		                         0,
		                         ip_length >> 8,
		                         ip_length & 0xff,
		                         0,
		                         1,
		                         0x40,
		                         0,
		                         64,
		                         6,
		                         0,
		                         0,
		                         192,
		                         168,
		                         1,
		                         20,
		                         dst.bytes[0],
		                         dst.bytes[1],
		                         dst.bytes[2],
		                         dst.bytes[3],
		                         0xc0,
		                         0x01,
		                         port >> 8,
		                         port & 0xff,
		                         0,
		                         0,
		                         0,
		                         1,
		                         0,
		                         0,
		                         0,
		                         0,
		                         0x50,
		                         i == 0 ? 0x02 : 0x18,
		                         0xff,
		                         0xff,
		                         0,
		                         0,
		                         0,
		                         0};
		g_byte_array_append(out, (const guint8 *) record, sizeof(record));
		g_byte_array_append(out, frame, sizeof(frame));
		if (length > 0)
			g_byte_array_append(out, (const guint8 *) payload, (guint) length);
	}
	g_file_set_contents(path, (const gchar *) out->data, out->len, &error);
	g_assert_no_error(error);
	return path;
}

/* hand-made: a listed network reached, and an HTTP POST to a bare IP */
static void
test_hand_made(void)
{
	g_autofree gchar *tmp = ym_test_make_tmpdir();
	g_autofree gchar *blocklists = ym_test_make_signatures(tmp);
	g_autofree gchar *list = g_build_filename(blocklists, "mine.list", NULL);
	g_autoptr(GError) error = NULL;
	const gchar *post = "POST /gate.php HTTP/1.1\r\nHost: 198.51.100.9:8888\r\n"
	                    "Content-Length: 0\r\n\r\n";

	g_file_set_contents(list, "cidr 203.0.113.0/24 source=\"test net\"\n", -1, &error);
	g_assert_no_error(error);
	{
		g_autofree gchar *path = write_tcp_pcap(tmp, "203.0.113.50", 443, NULL);
		g_autoptr(YmEngine) engine = ym_test_engine_new(tmp);
		g_autoptr(GHashTable) alerts = NULL;
		YmAlert *alert;
		ym_test_engine_analyse(engine, path);
		alerts = ym_test_alerts_of_type(ym_engine_get_alerts(engine), TYPE);
		alert = g_hash_table_lookup(alerts, "02:00:00:00:00:02|ip:203.0.113.0/24");
		if (alert == NULL)
			ym_test_dump_alerts(alerts);
		g_assert_nonnull(alert);
		g_assert_cmpstr(json_object_get_string_member(alert->evidence, "server"), ==,
		                "203.0.113.50");
		g_assert_cmpstr(json_object_get_string_member(alert->evidence, "source"), ==,
		                "test net");
	}
	{
		g_autofree gchar *path = write_tcp_pcap(tmp, "198.51.100.9", 8888, post);
		g_autoptr(YmEngine) engine = ym_test_engine_new(tmp);
		g_autoptr(GHashTable) alerts = NULL;
		YmAlert *alert;
		ym_test_engine_analyse(engine, path);
		alerts = ym_test_alerts_of_type(ym_engine_get_alerts(engine), TYPE);
		alert =
		    g_hash_table_lookup(alerts, "02:00:00:00:00:02|http-post-ip:198.51.100.9:8888");
		if (alert == NULL)
			ym_test_dump_alerts(alerts);
		g_assert_nonnull(alert);
		g_assert_cmpint(alert->severity, ==, YM_SEVERITY_CAUTION);
	}
	ym_test_rm_rf(tmp);
}

/* the generated demo home: a thermostat's keep-alives inside one session
 * and a messenger polling at random gaps are no beacon */
static void
test_demo(void)
{
	g_autofree gchar *tmp = ym_test_make_tmpdir();
	g_autofree gchar *blocklists = ym_test_make_signatures(tmp);
	g_autofree gchar *clean = g_build_filename(tmp, "clean.pcapng", NULL);
	g_autofree gchar *attacks = g_build_filename(tmp, "attacks.pcapng", NULL);
	const gchar *argv_clean[] = {g_getenv("YAMORI_GEN"), "demo", clean, "--scenes=none", NULL};
	const gchar *argv_attacks[] = {g_getenv("YAMORI_GEN"), "demo", attacks, NULL};
	g_autoptr(GError) error = NULL;
	g_autoptr(YmEngine) engine = NULL;
	g_autoptr(YmEngine) engine_attacks = NULL;
	g_autoptr(GHashTable) alerts = NULL;
	g_autoptr(GHashTable) alerts_attacks = NULL;
	YmAlert *alert;

	if (argv_clean[0] == NULL) {
		g_test_skip("YAMORI_GEN not set");
		return;
	}
	for (guint i = 0; i < 2; i++) {
		g_autoptr(GSubprocess) proc = g_subprocess_newv(
		    i == 0 ? argv_clean : argv_attacks, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
		g_assert_no_error(error);
		g_assert_true(g_subprocess_wait_check(proc, NULL, &error));
		g_assert_no_error(error);
	}
	/* the clean home: nothing, not even its periodic cloud connections */
	engine = ym_test_engine_new(tmp);
	ym_test_engine_analyse(engine, clean);
	alerts = ym_test_alerts_of_type(ym_engine_get_alerts(engine), TYPE);
	if (g_hash_table_size(alerts) != 0)
		ym_test_dump_alerts(alerts);
	g_assert_cmpuint(g_hash_table_size(alerts), ==, 0);
	/* the attack scenes: the PC's lookup of the test domain, and only that */
	engine_attacks = ym_test_engine_new(tmp);
	ym_test_engine_analyse(engine_attacks, attacks);
	alerts_attacks = ym_test_alerts_of_type(ym_engine_get_alerts(engine_attacks), TYPE);
	if (g_hash_table_size(alerts_attacks) != 1)
		ym_test_dump_alerts(alerts_attacks);
	g_assert_cmpuint(g_hash_table_size(alerts_attacks), ==, 1);
	alert = g_hash_table_lookup(alerts_attacks, "98:e7:43:b2:5c:17|domain:internetbadguys.com");
	g_assert_nonnull(alert);
	g_assert_cmpint(alert->severity, ==, YM_SEVERITY_WARNING);
	ym_test_rm_rf(tmp);
}

int
main(int argc, char **argv)
{
	const gchar *shipped[] = {
	    "ndpi-malware-domains.pcap",      "slips-periodic-c2-beacon.pcap",
	    "ndpi-alexa-app-android.pcapng",  "ndpi-sonos.pcapng",
	    "ndpi-nest-log-sink.pcap",        "suricata-verify-win7-home-browsing.pcap",
	    "zeek-home-multicast-short.pcap", "ndpi-tplink-smarthome-discovery.pcap",
	    "ndpi-youtube-upload.pcap",       "ndpi-emotet-downloads.pcap",
	};
	const gchar *ja3[] = {
	    "ndpi-alexa-app-android.pcapng",
	    "ndpi-youtube-upload.pcap",
	    "ndpi-emotet-downloads.pcap",
	};

	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/detect-malicious/domains", test_domains);
	g_test_add_func("/ym/detect-malicious/networks", test_networks);
	g_test_add_func("/ym/detect-malicious/fingerprints", test_fingerprints);
	g_test_add_func("/ym/detect-malicious/bad-lines", test_bad_lines);
	g_test_add_func("/ym/detect-malicious/reload", test_reload);
	g_test_add_func("/ym/detect-malicious/hand-made", test_hand_made);
	for (guint i = 0; i < G_N_ELEMENTS(shipped); i++) {
		g_autofree gchar *name =
		    g_strdup_printf("/ym/detect-malicious/shipped/%s", shipped[i]);
		g_test_add_data_func(name, shipped[i], test_capture_shipped);
	}
	for (guint i = 0; i < G_N_ELEMENTS(ja3); i++) {
		g_autofree gchar *name = g_strdup_printf("/ym/detect-malicious/ja3/%s", ja3[i]);
		g_test_add_data_func(name, ja3[i], test_capture_ja3);
	}
	g_test_add_func("/ym/detect-malicious/cert-sha1", test_capture_cert);
	g_test_add_func("/ym/detect-malicious/demo", test_demo);
	return g_test_run();
}
