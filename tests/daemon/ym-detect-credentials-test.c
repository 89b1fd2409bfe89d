/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * the credentials detector: the list parser; hand-made TCP sessions written
 * to a capture and replayed through the engine; the real captures of the
 * shared data, whose expectations were worked out with tshark (see
 * ../shared/data/pcaps/SOURCES.md section 3 and 4). No password may reach
 * the evidence, the report or the store.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ym-credential-list.h"
#include "ym-engine.h"
#include "ym-error.h"
#include "ym-report.h"
#include "ym-test-common.h"

/* the list */

static void
test_list_parse(void)
{
	g_autoptr(YmCredentialList) list = ym_credential_list_new();
	g_autoptr(GError) error = NULL;
	const YmCredentialEntry *entry;
	/* sha256("admin:admin"), sha256("Admin:qwerty") */
	const gchar *good = "# comment\n"
	                    "\n"
	                    "admin\tdefault\tvendor:test\t"
	                    "fb7f6c8c6e6c5c0e4e8cc1a7e4a7d8b4b6c1c1f0f6b16a6fb0d05d0e2c6bd8a0\n"
	                    "  Admin weak common:test "
	                    "5f0a2d62b37e3b7e3e8d5b6f5d0c39a1bd9e6e1ab1a8c7c0d4b6e1f5c0d9a3b2\r\n";

	g_assert_true(ym_credential_list_load_data(list, "good.list", good, strlen(good), &error));
	g_assert_no_error(error);
	g_assert_cmpuint(ym_credential_list_get_size(list), ==, 2);
	/* a pair not on the list */
	entry = ym_credential_list_lookup(list, "test", 4, "1234", 4);
	g_assert_null(entry);
}

static void
test_list_errors(void)
{
	const struct {
		const gchar *text;
		const gchar *message;
	} cases[] = {
	    {"admin default x\n", "bad.list:1: expected <username> <kind> <label> <sha256>"},
	    {"# c\nadmin nice x "
	     "fb7f6c8c6e6c5c0e4e8cc1a7e4a7d8b4b6c1c1f0f6b16a6fb0d05d0e2c6bd8a0\n",
	     "bad.list:2: kind must be default or weak"},
	    {"\n\n\nadmin weak x 1234\n", "bad.list:4: expected 64 lower-case hex digits"},
	    {"admin weak x "
	     "FB7F6C8C6E6C5C0E4E8CC1A7E4A7D8B4B6C1C1F0F6B16A6FB0D05D0E2C6BD8A0\n",
	     "bad.list:1: expected 64 lower-case hex digits"},
	    {"a b c d e\n", "bad.list:1: expected"},
	    {"ad\xff weak x "
	     "fb7f6c8c6e6c5c0e4e8cc1a7e4a7d8b4b6c1c1f0f6b16a6fb0d05d0e2c6bd8a0\n",
	     "bad.list:1: username and label must be printable"},
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(YmCredentialList) list = ym_credential_list_new();
		g_autoptr(GError) error = NULL;
		g_assert_false(ym_credential_list_load_data(list, "bad.list", cases[i].text,
		                                            strlen(cases[i].text), &error));
		g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
		if (!g_str_has_prefix(error->message, cases[i].message))
			g_error("case %u: %s", i, error->message);
		/* all or nothing */
		g_assert_cmpuint(ym_credential_list_get_size(list), ==, 0);
	}
}

/* the shipped lists: the Mirai table, vendor defaults and weak pairs */
static void
test_list_shipped(void)
{
	g_autoptr(YmCredentialList) list = ym_credential_list_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *dir =
	    g_build_filename(g_getenv("YM_SIGNATURES_DIR"), "credentials", NULL);
	const YmCredentialEntry *entry;

	g_assert_true(ym_credential_list_load_dir(list, dir, &error));
	g_assert_no_error(error);
	/* 62 Mirai rows, one of them a repeat (guest/12345), plus our own */
	g_assert_cmpuint(ym_credential_list_get_size(list), >=, 61);
	entry = ym_credential_list_lookup(list, "root", 4, "xc3511", 6);
	g_assert_nonnull(entry);
	g_assert_cmpstr(entry->label, ==, "mirai:1");
	g_assert_cmpint(entry->kind, ==, YM_CREDENTIAL_DEFAULT);
	entry = ym_credential_list_lookup(list, "Administrator", 13, "meinsm", 6);
	g_assert_nonnull(entry);
	entry = ym_credential_list_lookup(list, "root", 4, "", 0);
	g_assert_nonnull(entry);
	entry = ym_credential_list_lookup(list, "pi", 2, "raspberry", 9);
	g_assert_nonnull(entry);
	g_assert_cmpstr(entry->label, ==, "vendor:rpi-os");
	entry = ym_credential_list_lookup(list, "Admin", 5, "qwerty", 6);
	g_assert_nonnull(entry);
	g_assert_cmpint(entry->kind, ==, YM_CREDENTIAL_WEAK);
	/* not known pairs: the captures' own */
	g_assert_null(ym_credential_list_lookup(list, "test", 4, "1234", 4));
	g_assert_null(ym_credential_list_lookup(list, "test", 4, "fail2", 5));
	g_assert_null(ym_credential_list_lookup(list, "fake", 4, "user", 4));
	/* case matters */
	g_assert_null(ym_credential_list_lookup(list, "ROOT", 4, "xc3511", 6));
	g_assert_null(ym_credential_list_lookup(list, "root", 4, "XC3511", 6));
}

/* hand-made captures */

typedef struct {
	GByteArray *pcap;
	guint8 mac[2][6];
	guint32 ip[2];
	guint16 port[2];
	guint32 seq[2];
	gint64 ts;
} Session;

static void
put32le(GByteArray *a, guint32 v)
{
	guint8 b[4] = {v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24};
	g_byte_array_append(a, b, 4);
}

static GByteArray *
pcap_new(void)
{
	GByteArray *a = g_byte_array_new();
	put32le(a, 0xa1b2c3d4);
	put32le(a, 0x00040002);
	put32le(a, 0);
	put32le(a, 0);
	put32le(a, 65535);
	put32le(a, 1);
	return a;
}

static void
put_be16(guint8 *p, guint16 v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

static void
put_be32(guint8 *p, guint32 v)
{
	put_be16(p, v >> 16);
	put_be16(p + 2, v & 0xffff);
}

/* one Ethernet/IPv4/TCP frame from side @from (0 client, 1 server) */
static void
session_frame(Session *s, guint from, guint8 flags, const void *payload, gsize length)
{
	guint8 frame[14 + 20 + 20 + 1500];
	guint to = 1 - from;
	guint32 sum = 0;
	gsize total = 14 + 20 + 20 + length;

	g_assert_cmpuint(length, <=, 1500);
	memset(frame, 0, sizeof(frame));
	memcpy(frame, s->mac[to], 6);
	memcpy(frame + 6, s->mac[from], 6);
	put_be16(frame + 12, 0x0800);
	frame[14] = 0x45;
	put_be16(frame + 16, (guint16) (40 + length));
	frame[22] = 64;
	frame[23] = 6;
	put_be32(frame + 26, s->ip[from]);
	put_be32(frame + 30, s->ip[to]);
	for (guint i = 0; i < 20; i += 2)
		sum += (frame[14 + i] << 8) | frame[15 + i];
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	put_be16(frame + 24, (guint16) ~sum);
	put_be16(frame + 34, s->port[from]);
	put_be16(frame + 36, s->port[to]);
	put_be32(frame + 38, s->seq[from]);
	put_be32(frame + 42, (flags & 0x10) ? s->seq[to] : 0);
	frame[46] = 0x50;
	frame[47] = flags;
	put_be16(frame + 48, 65535);
	if (length > 0)
		memcpy(frame + 54, payload, length);
	s->seq[from] += (guint32) length + ((flags & 0x03) ? 1 : 0);
	s->ts += 10000;
	put32le(s->pcap, (guint32) (s->ts / G_USEC_PER_SEC));
	put32le(s->pcap, (guint32) (s->ts % G_USEC_PER_SEC));
	put32le(s->pcap, (guint32) total);
	put32le(s->pcap, (guint32) total);
	g_byte_array_append(s->pcap, frame, (guint) total);
}

static void
session_open(Session *s, GByteArray *pcap, guint16 client_port, guint16 server_port, gint64 ts)
{
	const guint8 client_mac[6] = {0x02, 0x11, 0x22, 0x33, 0x44, 0x01};
	const guint8 server_mac[6] = {0x02, 0x11, 0x22, 0x33, 0x44, 0x02};
	memset(s, 0, sizeof(*s));
	s->pcap = pcap;
	memcpy(s->mac[0], client_mac, 6);
	memcpy(s->mac[1], server_mac, 6);
	s->ip[0] = 0xc0a80164; /* 192.168.1.100 */
	s->ip[1] = 0xc0a8010a; /* 192.168.1.10 */
	s->port[0] = client_port;
	s->port[1] = server_port;
	s->seq[0] = 1000;
	s->seq[1] = 5000;
	s->ts = ts;
	session_frame(s, 0, 0x02, NULL, 0);
	session_frame(s, 1, 0x12, NULL, 0);
	session_frame(s, 0, 0x10, NULL, 0);
}

static void
session_send(Session *s, guint from, const gchar *text)
{
	session_frame(s, from, 0x18, text, strlen(text));
}

static void
session_close(Session *s)
{
	session_frame(s, 0, 0x11, NULL, 0);
	session_frame(s, 1, 0x11, NULL, 0);
	session_frame(s, 0, 0x10, NULL, 0);
}

/* analyses @path with a state folder; returns the JSON report and the store bytes */
static gchar *
analyse(const gchar *path, GBytes **store)
{
	g_autoptr(YmEngine) engine = ym_engine_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autofree gchar *db = g_build_filename(dir, "yamori.db", NULL);
	const gchar *paths[] = {path, NULL};
	gchar *report;

	ym_engine_set_state_dir(engine, dir);
	ym_engine_set_oui_dir(engine, g_getenv("YM_OUI_DIR"));
	ym_engine_set_signatures_dir(engine, g_getenv("YM_SIGNATURES_DIR"));
	g_assert_true(ym_engine_setup(engine, &error));
	g_assert_no_error(error);
	g_assert_true(ym_engine_analyse_files(engine, paths, &error));
	g_assert_no_error(error);
	report = ym_report_build(ym_engine_get_store(engine), ym_engine_get_guidance(engine),
	                         ym_engine_get_stats(engine), YM_REPORT_FORMAT_JSON, &error);
	g_assert_no_error(error);
	g_clear_object(&engine);
	if (store != NULL) {
		gsize length = 0;
		g_autoptr(GString) all = g_string_new(NULL);
		const gchar *suffixes[] = {"", "-wal", "-shm"};
		for (guint i = 0; i < G_N_ELEMENTS(suffixes); i++) {
			g_autofree gchar *name = g_strconcat(db, suffixes[i], NULL);
			g_autofree gchar *bytes = NULL;
			if (g_file_get_contents(name, &bytes, &length, NULL))
				g_string_append_len(all, bytes, (gssize) length);
		}
		*store = g_string_free_to_bytes(g_steal_pointer(&all));
	}
	ym_test_rm_rf(dir);
	return report;
}

static gchar *
analyse_bytes(GByteArray *pcap, GBytes **store)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autofree gchar *path = g_build_filename(dir, "made.pcap", NULL);
	g_autoptr(GError) error = NULL;
	gchar *report;
	g_file_set_contents(path, (const gchar *) pcap->data, pcap->len, &error);
	g_assert_no_error(error);
	report = analyse(path, store);
	ym_test_rm_rf(dir);
	return report;
}

static JsonNode *
parse_report(const gchar *report)
{
	g_autoptr(JsonParser) parser = json_parser_new();
	g_autoptr(GError) error = NULL;
	g_assert_true(json_parser_load_from_data(parser, report, -1, &error));
	g_assert_no_error(error);
	return json_node_copy(json_parser_get_root(parser));
}

/* the alerts of one type (other detectors raise their own) */
static guint
count_alerts(JsonNode *root, const gchar *type)
{
	JsonArray *alerts = json_object_get_array_member(json_node_get_object(root), "alerts");
	guint n = 0;
	for (guint i = 0; i < json_array_get_length(alerts); i++) {
		JsonObject *a = json_array_get_object_element(alerts, i);
		if (g_strcmp0(json_object_get_string_member(a, "type"), type) == 0)
			n++;
	}
	return n;
}

static JsonObject *
find_alert(JsonNode *root, const gchar *type, const gchar *key)
{
	JsonArray *alerts = json_object_get_array_member(json_node_get_object(root), "alerts");
	for (guint i = 0; i < json_array_get_length(alerts); i++) {
		JsonObject *a = json_array_get_object_element(alerts, i);
		if (g_strcmp0(json_object_get_string_member(a, "type"), type) == 0 &&
		    (key == NULL || g_strcmp0(json_object_get_string_member(a, "key"), key) == 0))
			return a;
	}
	g_error("no %s alert with key %s", type, key);
	return NULL;
}

static const gchar *
evidence_string(JsonObject *alert, const gchar *member)
{
	JsonObject *evidence = json_object_get_object_member(alert, "evidence");
	return json_object_get_string_member_with_default(evidence, member, NULL);
}

/* no evidence value holds the password, nor does any other text */
static void
assert_no_secret(JsonNode *root, const gchar *report, GBytes *store, const gchar *secret)
{
	JsonArray *alerts = json_object_get_array_member(json_node_get_object(root), "alerts");
	for (guint i = 0; i < json_array_get_length(alerts); i++) {
		JsonObject *evidence = json_object_get_object_member(
		    json_array_get_object_element(alerts, i), "evidence");
		g_autoptr(GList) members = json_object_get_members(evidence);
		for (GList *l = members; l != NULL; l = l->next) {
			JsonNode *node = json_object_get_member(evidence, l->data);
			const gchar *value;
			if (json_node_get_value_type(node) != G_TYPE_STRING)
				continue;
			value = json_node_get_string(node);
			if (g_strcmp0(l->data, "username") == 0)
				continue; /* checked by each test: a username may equal a password
				           */
			if (strstr(value, secret) != NULL)
				g_error("evidence %s holds the password", (const gchar *) l->data);
		}
		/* the key holds the username, never the password */
		if (strstr(json_object_get_string_member(json_array_get_object_element(alerts, i),
		                                         "key"),
		           secret) != NULL &&
		    strlen(secret) > 4)
			g_error("key holds the password");
	}
	if (strlen(secret) > 4) {
		g_assert_null(strstr(report, secret));
		if (store != NULL) {
			gsize length = 0;
			gconstpointer data = g_bytes_get_data(store, &length);
			g_assert_null(memmem(data, length, secret, strlen(secret)));
		}
	}
}

/* Telnet typed a character at a time with echo, options negotiated, a
 * Mirai pair accepted: both alerts on the server, the pair never kept */
static void
test_telnet_char_mode(void)
{
	g_autoptr(GByteArray) pcap = pcap_new();
	g_autoptr(JsonNode) root = NULL;
	g_autoptr(GBytes) store = NULL;
	g_autofree gchar *report = NULL;
	const gchar *username = "root";
	const gchar *password = "xc3511";
	JsonObject *alert;
	Session s;

	session_open(&s, pcap, 40000, 23, G_GINT64_CONSTANT(1700000000) * G_USEC_PER_SEC);
	session_send(&s, 1, "\xff\xfd\x18\xff\xfb\x01\xff\xfa\x18\x01\xff\xf0");
	session_frame(&s, 0, 0x18, "\xff\xfc\x01\xff\xfa\x18\x00xterm\xff\xf0", 14);
	session_send(&s, 1, "\r\nBusyBox on camera\r\ncamera log");
	session_send(&s, 1, "in: ");
	for (guint i = 0; username[i] != '\0'; i++) {
		gchar c[2] = {username[i], '\0'};
		session_send(&s, 0, c);
		session_send(&s, 1, c); /* echo */
	}
	/* a typo, rubbed out */
	session_send(&s, 0, "x");
	session_send(&s, 0, "\x7f");
	session_send(&s, 0, "\r\n");
	session_send(&s, 1, "\r\nPass");
	session_send(&s, 1, "word: ");
	for (guint i = 0; password[i] != '\0'; i++) {
		gchar c[2] = {password[i], '\0'};
		session_send(&s, 0, c);
		/* a retransmission of the same byte */
		s.seq[0]--;
		session_send(&s, 0, c);
	}
	session_frame(&s, 0, 0x18, "\r\0", 2);
	session_send(&s, 1, "\r\n\r\nBusyBox v1.19 built-in shell\r\n# ");
	session_close(&s);

	report = analyse_bytes(pcap, &store);
	root = parse_report(report);
	alert = find_alert(root, "insecure_remote_access", "login:telnet:23");
	g_assert_cmpstr(json_object_get_string_member(alert, "device"), ==, "02:11:22:33:44:02");
	g_assert_cmpstr(evidence_string(alert, "username"), ==, "root");
	g_assert_cmpstr(evidence_string(alert, "client"), ==, "192.168.1.100");
	g_assert_cmpstr(evidence_string(alert, "server"), ==, "192.168.1.10");
	alert = find_alert(root, "default_or_weak_password", "telnet:23:root");
	g_assert_cmpstr(json_object_get_string_member(alert, "device"), ==, "02:11:22:33:44:02");
	g_assert_cmpstr(json_object_get_string_member(alert, "severity"), ==, "warning");
	g_assert_cmpstr(evidence_string(alert, "list"), ==, "mirai:1");
	g_assert_cmpstr(evidence_string(alert, "match"), ==, "default");
	g_assert_cmpstr(evidence_string(alert, "login"), ==, "accepted");
	g_assert_cmpuint(count_alerts(root, "password_guessing"), ==, 0);
	assert_no_secret(root, report, store, password);
}

/* FTP: a dozen refused logins in a minute is guessing; none is a default
 * pair, the first refused listed pair is reported, later ones are not */
static void
test_ftp_guessing(void)
{
	g_autoptr(GByteArray) pcap = pcap_new();
	g_autoptr(JsonNode) root = NULL;
	g_autoptr(GBytes) store = NULL;
	g_autofree gchar *report = NULL;
	JsonObject *alert;
	JsonObject *evidence;
	Session s;

	session_open(&s, pcap, 40001, 21, G_GINT64_CONSTANT(1700000000) * G_USEC_PER_SEC);
	session_send(&s, 1, "220 NAS FTP server ready\r\n");
	for (guint i = 0; i < 12; i++) {
		g_autofree gchar *pass = g_strdup_printf("PASS Guess%02uSecret\r\n", i);
		session_send(&s, 0, "USER admin\r\n");
		session_send(&s, 1, "331 Password required\r\n");
		/* split across segments */
		session_send(&s, 0, "PA");
		session_send(&s, 0, pass + 2);
		session_send(&s, 1, "530 Login incorrect.\r\n");
	}
	session_close(&s);

	report = analyse_bytes(pcap, &store);
	root = parse_report(report);
	alert = find_alert(root, "password_guessing", "ftp:21");
	g_assert_cmpstr(json_object_get_string_member(alert, "device"), ==, "02:11:22:33:44:02");
	g_assert_cmpstr(json_object_get_string_member(alert, "severity"), ==, "warning");
	evidence = json_object_get_object_member(alert, "evidence");
	g_assert_cmpstr(json_object_get_string_member(evidence, "target"), ==, "192.168.1.10");
	g_assert_cmpstr(json_object_get_string_member(evidence, "source"), ==, "192.168.1.100");
	g_assert_cmpint(json_object_get_int_member(evidence, "failed_logins"), ==, 10);
	g_assert_cmpuint(count_alerts(root, "default_or_weak_password"), ==, 0);
	alert = find_alert(root, "insecure_remote_access", "login:ftp:21");
	g_assert_cmpstr(evidence_string(alert, "username"), ==, "admin");
	assert_no_secret(root, report, store, "Secret");
}

/* MQTT CONNECT with a default pair, accepted; POP3 and IMAP weak pairs */
static void
test_mqtt_pop3_imap(void)
{
	g_autoptr(GByteArray) pcap = pcap_new();
	g_autoptr(JsonNode) root = NULL;
	g_autoptr(GBytes) store = NULL;
	g_autofree gchar *report = NULL;
	/* CONNECT v3.1.1, flags user+password+clean, client id "cam", pi/raspberry */
	const guint8 connect[] = {0x10, 30,  0,   4,   'M', 'Q', 'T', 'T', 4,   0xc2, 0,
	                          60,   0,   3,   'c', 'a', 'm', 0,   2,   'p', 'i',  0,
	                          9,    'r', 'a', 's', 'p', 'b', 'e', 'r', 'r', 'y'};
	const guint8 connack[] = {0x20, 2, 0, 0};
	JsonObject *alert;
	Session s;

	g_assert_cmpuint(sizeof(connect), ==, 2 + 30);
	session_open(&s, pcap, 40002, 1883, G_GINT64_CONSTANT(1700000000) * G_USEC_PER_SEC);
	session_frame(&s, 0, 0x18, connect, sizeof(connect));
	session_frame(&s, 1, 0x18, connack, sizeof(connack));
	session_close(&s);

	session_open(&s, pcap, 40003, 110, G_GINT64_CONSTANT(1700000100) * G_USEC_PER_SEC);
	session_send(&s, 1, "+OK POP3 ready\r\n");
	session_send(&s, 0, "USER root\r\n");
	session_send(&s, 1, "+OK\r\n");
	session_send(&s, 0, "PASS 123456789\r\n");
	session_send(&s, 1, "+OK logged in\r\n");
	session_close(&s);

	session_open(&s, pcap, 40004, 143, G_GINT64_CONSTANT(1700000200) * G_USEC_PER_SEC);
	session_send(&s, 1, "* OK IMAP4rev1 ready\r\n");
	session_send(&s, 0, "a1 LOGIN \"administrator\" \"1111111\"\r\n");
	session_send(&s, 1, "a1 NO [AUTHENTICATIONFAILED] Invalid credentials\r\n");
	session_close(&s);

	report = analyse_bytes(pcap, &store);
	root = parse_report(report);
	alert = find_alert(root, "default_or_weak_password", "mqtt:1883:pi");
	g_assert_cmpstr(evidence_string(alert, "login"), ==, "accepted");
	g_assert_cmpstr(evidence_string(alert, "match"), ==, "default");
	alert = find_alert(root, "default_or_weak_password", "pop3:110:root");
	g_assert_cmpstr(evidence_string(alert, "match"), ==, "weak");
	g_assert_cmpstr(evidence_string(alert, "list"), ==, "common:ncsc-2019");
	alert = find_alert(root, "default_or_weak_password", "imap:143:administrator");
	g_assert_cmpstr(evidence_string(alert, "login"), ==, "rejected");
	alert = find_alert(root, "insecure_remote_access", "login:imap:143");
	g_assert_cmpstr(evidence_string(alert, "username"), ==, "administrator");
	g_assert_cmpuint(count_alerts(root, "insecure_remote_access"), ==, 3);
	assert_no_secret(root, report, store, "raspberry");
	assert_no_secret(root, report, store, "123456789");
	assert_no_secret(root, report, store, "1111111");
}

/* real captures */

static JsonNode *
analyse_shared(const gchar *name, gchar **report_out, GBytes **store)
{
	g_autofree gchar *path = ym_test_shared_pcap(name);
	g_autofree gchar *report = NULL;
	g_autofree gchar *bytes = NULL;
	g_autoptr(GByteArray) copy = NULL;
	g_autoptr(GError) error = NULL;
	gsize length = 0;
	JsonNode *root;
	if (path == NULL)
		return NULL;
	/* under a neutral name: the store keeps the file name (zeek-ftp-admin-qwerty) */
	g_file_get_contents(path, &bytes, &length, &error);
	g_assert_no_error(error);
	copy = g_byte_array_new_take((guint8 *) g_steal_pointer(&bytes), length);
	report = analyse_bytes(copy, store);
	root = parse_report(report);
	if (report_out != NULL)
		*report_out = g_steal_pointer(&report);
	return root;
}

static void
test_real_telnet(void)
{
	g_autofree gchar *report = NULL;
	g_autoptr(GBytes) store = NULL;
	g_autoptr(JsonNode) root = analyse_shared("ndpi-telnet-login.pcap", &report, &store);
	JsonObject *alert;
	if (root == NULL)
		return;
	alert = find_alert(root, "insecure_remote_access", "login:telnet:23");
	g_assert_cmpstr(json_object_get_string_member(alert, "device"), ==, "00:00:c0:9f:a0:97");
	g_assert_cmpstr(evidence_string(alert, "service"), ==, "telnet");
	g_assert_cmpstr(evidence_string(alert, "username"), ==, "fake");
	g_assert_cmpstr(evidence_string(alert, "client"), ==, "192.168.0.2");
	/* fake/user is on no list */
	g_assert_cmpuint(count_alerts(root, "default_or_weak_password"), ==, 0);
	g_assert_cmpuint(count_alerts(root, "password_guessing"), ==, 0);
	/* "user" is also a word of the report's keys: the evidence values */
	assert_no_secret(root, report, NULL, "user");
}

static void
check_http_basic(const gchar *name, const gchar *device, guint16 port, const gchar *secret)
{
	g_autofree gchar *report = NULL;
	g_autoptr(GBytes) store = NULL;
	g_autoptr(JsonNode) root = analyse_shared(name, &report, &store);
	g_autofree gchar *key = g_strdup_printf("login:http-basic:%u", port);
	JsonObject *alert;
	if (root == NULL)
		return;
	alert = find_alert(root, "insecure_remote_access", key);
	if (device == NULL)
		g_assert_true(json_object_get_null_member(alert, "device"));
	else
		g_assert_cmpstr(json_object_get_string_member(alert, "device"), ==, device);
	g_assert_cmpstr(evidence_string(alert, "username"), ==, "test");
	g_assert_cmpuint(count_alerts(root, "default_or_weak_password"), ==, 0);
	assert_no_secret(root, report, store, secret);
}

static void
test_real_http_basic(void)
{
	/* test:fail2 from a Mac to a server on the internet: on the client */
	check_http_basic("ndpi-http-basic-auth.pcap", "28:cf:e9:21:3c:2b", 80, "fail2");
	check_http_basic("ndpi-http-basic-auth.pcap", "28:cf:e9:21:3c:2b", 80, "dGVzdDpmYWlsMg");
	/* raw IPv4: no MACs, no device; test:1:34 split at the first colon */
	check_http_basic("zeek-http-basic-auth-with-colon.pcap", NULL, 8000, "1:34");
	check_http_basic("zeek-http-basic-auth-with-colon.pcap", NULL, 8000, "dGVzdDox");
}

static void
test_real_ftp(void)
{
	g_autofree gchar *report = NULL;
	g_autoptr(GBytes) store = NULL;
	g_autoptr(JsonNode) root = analyse_shared("ndpi-ftp-anonymous.pcap", &report, &store);
	JsonObject *alert;
	if (root == NULL)
		return;
	/* a public archive: low severity, on the home client */
	alert = find_alert(root, "default_or_weak_password", "ftp:21:anonymous");
	g_assert_cmpstr(json_object_get_string_member(alert, "device"), ==, "c4:2c:03:06:49:fe");
	g_assert_cmpstr(json_object_get_string_member(alert, "severity"), ==, "info");
	g_assert_cmpstr(evidence_string(alert, "match"), ==, "anonymous");
	g_assert_cmpstr(evidence_string(alert, "username"), ==, "anonymous");
	g_assert_cmpstr(evidence_string(alert, "login"), ==, "accepted");
	alert = find_alert(root, "insecure_remote_access", "login:ftp:21");
	g_assert_cmpstr(json_object_get_string_member(alert, "device"), ==, "c4:2c:03:06:49:fe");
	g_assert_cmpstr(evidence_string(alert, "server"), ==, "90.130.70.73");
	assert_no_secret(root, report, store, "NcFTP@");
	g_clear_pointer(&report, g_free);
	g_clear_pointer(&store, g_bytes_unref);
	g_clear_pointer(&root, json_node_unref);

	/* Admin/qwerty, refused by the server in the home: a weak pair in use */
	root = analyse_shared("zeek-ftp-admin-qwerty.pcap", &report, &store);
	alert = find_alert(root, "default_or_weak_password", "ftp:21:Admin");
	g_assert_cmpstr(json_object_get_string_member(alert, "device"), ==, "00:0c:29:fd:5b:5b");
	g_assert_cmpstr(json_object_get_string_member(alert, "severity"), ==, "warning");
	g_assert_cmpstr(evidence_string(alert, "match"), ==, "weak");
	g_assert_cmpstr(evidence_string(alert, "list"), ==, "common:ncsc-2019");
	g_assert_cmpstr(evidence_string(alert, "username"), ==, "Admin");
	g_assert_cmpstr(evidence_string(alert, "login"), ==, "rejected");
	g_assert_cmpuint(count_alerts(root, "password_guessing"), ==, 0);
	assert_no_secret(root, report, store, "qwerty");
}

static void
test_real_ssh_bruteforce(void)
{
	g_autoptr(JsonNode) root = analyse_shared("slips-ssh-bruteforce.pcap", NULL, NULL);
	JsonObject *alert;
	JsonObject *evidence;
	if (root == NULL)
		return;
	alert = find_alert(root, "password_guessing", "ssh:902");
	g_assert_cmpstr(json_object_get_string_member(alert, "severity"), ==, "warning");
	evidence = json_object_get_object_member(alert, "evidence");
	g_assert_cmpstr(json_object_get_string_member(evidence, "target"), ==, "147.32.80.37");
	g_assert_cmpstr(json_object_get_string_member(evidence, "source"), ==, "147.32.80.40");
	g_assert_cmpint(json_object_get_int_member(evidence, "port"), ==, 902);
	g_assert_cmpint(json_object_get_int_member(evidence, "short_sessions"), >=, 10);
	g_assert_cmpuint(count_alerts(root, "default_or_weak_password"), ==, 0);
}

static void
test_real_home_quiet(gconstpointer user_data)
{
	g_autoptr(JsonNode) root = analyse_shared(user_data, NULL, NULL);
	JsonArray *alerts;
	if (root == NULL)
		return;
	alerts = json_object_get_array_member(json_node_get_object(root), "alerts");
	for (guint i = 0; i < json_array_get_length(alerts); i++) {
		JsonObject *a = json_array_get_object_element(alerts, i);
		const gchar *type = json_object_get_string_member(a, "type");
		const gchar *key = json_object_get_string_member(a, "key");
		if (g_strcmp0(type, "default_or_weak_password") == 0 ||
		    g_strcmp0(type, "password_guessing") == 0 || g_str_has_prefix(key, "login:"))
			g_error("%s: unexpected %s %s", (const gchar *) user_data, type, key);
	}
}

int
main(int argc, char **argv)
{
	const gchar *home[] = {
	    "ndpi-sonos.pcapng",
	    "ndpi-nest-log-sink.pcap",
	    "suricata-verify-win7-home-browsing.pcap",
	    "zeek-home-multicast-short.pcap",
	    "ndpi-tplink-smarthome-discovery.pcap",
	    "ndpi-alexa-app-android.pcapng",
	};
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/detect-credentials/list/parse", test_list_parse);
	g_test_add_func("/ym/detect-credentials/list/errors", test_list_errors);
	g_test_add_func("/ym/detect-credentials/list/shipped", test_list_shipped);
	g_test_add_func("/ym/detect-credentials/made/telnet-char-mode", test_telnet_char_mode);
	g_test_add_func("/ym/detect-credentials/made/ftp-guessing", test_ftp_guessing);
	g_test_add_func("/ym/detect-credentials/made/mqtt-pop3-imap", test_mqtt_pop3_imap);
	g_test_add_func("/ym/detect-credentials/real/telnet", test_real_telnet);
	g_test_add_func("/ym/detect-credentials/real/http-basic", test_real_http_basic);
	g_test_add_func("/ym/detect-credentials/real/ftp", test_real_ftp);
	g_test_add_func("/ym/detect-credentials/real/ssh-bruteforce", test_real_ssh_bruteforce);
	for (guint i = 0; i < G_N_ELEMENTS(home); i++) {
		g_autofree gchar *name =
		    g_strdup_printf("/ym/detect-credentials/real/quiet/%s", home[i]);
		g_test_add_data_func(name, home[i], test_real_home_quiet);
	}
	return g_test_run();
}
