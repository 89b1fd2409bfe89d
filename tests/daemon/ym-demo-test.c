/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * the demo home from our own traffic generator: it is deterministic, and
 * yamorid finds every device in its device table with the right kind,
 * maker and name, with no decode events; the attack scenes of the default
 * demo leave the devices as they are and show in the traffic
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ym-test-common.h"

static gchar *
run(const gchar *const *argv, gint *status)
{
	g_autoptr(GSubprocess) proc = NULL;
	g_autoptr(GError) error = NULL;
	gchar *out = NULL;
	proc = g_subprocess_newv(argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
	g_assert_no_error(error);
	g_subprocess_communicate_utf8(proc, NULL, NULL, &out, NULL, &error);
	g_assert_no_error(error);
	*status = g_subprocess_get_exit_status(proc);
	return out;
}

/* @scenes: NULL for the default demo, with the attacks */
static gchar *
generate(const gchar *dir, const gchar *name, const gchar *seed, const gchar *scenes, gchar **truth)
{
	g_autofree gchar *out = NULL;
	g_autofree gchar *truth_arg = NULL;
	g_autofree gchar *scenes_arg = NULL;
	gchar *path = g_build_filename(dir, name, NULL);
	gint status = -1;
	g_autofree gchar *seed_arg = g_strdup_printf("--seed=%s", seed);
	g_autofree gchar *truth_path = g_build_filename(dir, "truth.tsv", NULL);
	const gchar *argv[] = {g_getenv("YAMORI_GEN"), "demo", path, seed_arg, NULL, NULL, NULL};
	truth_arg = g_strdup_printf("--truth=%s", truth_path);
	argv[4] = truth_arg;
	if (scenes != NULL) {
		scenes_arg = g_strdup_printf("--scenes=%s", scenes);
		argv[5] = scenes_arg;
	}
	out = run(argv, &status);
	g_assert_cmpint(status, ==, 0);
	if (truth != NULL) {
		g_autoptr(GError) error = NULL;
		g_file_get_contents(truth_path, truth, NULL, &error);
		g_assert_no_error(error);
	}
	return path;
}

static void
test_deterministic(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autofree gchar *a = generate(dir, "a.pcapng", "1", NULL, NULL);
	g_autofree gchar *b = generate(dir, "b.pcapng", "1", NULL, NULL);
	g_autofree gchar *c = generate(dir, "c.pcapng", "2", NULL, NULL);
	g_autofree gchar *ca = NULL, *cb = NULL, *cc = NULL;
	gsize la = 0, lb = 0, lc = 0;
	g_autoptr(GError) error = NULL;
	g_file_get_contents(a, &ca, &la, &error);
	g_file_get_contents(b, &cb, &lb, &error);
	g_file_get_contents(c, &cc, &lc, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(la, >, 1000000);
	g_assert_cmpuint(la, ==, lb);
	g_assert_true(memcmp(ca, cb, la) == 0);
	g_assert_true(la != lc || memcmp(ca, cc, la) != 0);
	ym_test_rm_rf(dir);
}

static JsonObject *
find_device(JsonArray *devices, const gchar *mac)
{
	for (guint i = 0; i < json_array_get_length(devices); i++) {
		JsonObject *d = json_array_get_object_element(devices, i);
		if (g_strcmp0(json_object_get_string_member(d, "mac"), mac) == 0)
			return d;
	}
	return NULL;
}

static gboolean
contains_nocase(JsonArray *array, const gchar *value)
{
	for (guint i = 0; i < json_array_get_length(array); i++) {
		if (g_ascii_strcasecmp(json_array_get_string_element(array, i), value) == 0)
			return TRUE;
	}
	return FALSE;
}

/* run yamorid on @path; returns its JSON report */
static JsonParser *
read_report(const gchar *path)
{
	g_autofree gchar *out = NULL;
	JsonParser *parser = json_parser_new();
	g_autoptr(GError) error = NULL;
	const gchar *argv[] = {g_getenv("YAMORID"), "--read", path, "--report", "json", NULL};
	gint status = -1;

	out = run(argv, &status);
	g_assert_cmpint(status, ==, 0);
	g_assert_true(json_parser_load_from_data(parser, out, -1, &error));
	g_assert_no_error(error);
	return parser;
}

/* every device of the generator's table, and nothing else, with its
 * kind, maker, address and name */
static void
check_devices(JsonArray *devices, const gchar *truth)
{
	g_auto(GStrv) lines = g_strsplit(truth, "\n", -1);
	guint n_truth = 0;

	/* mac ip vendor hostname kind model os */
	for (guint i = 1; lines[i] != NULL; i++) {
		g_auto(GStrv) cols = g_strsplit(lines[i], "\t", -1);
		JsonObject *device;
		if (g_strv_length(cols) < 6)
			continue;
		n_truth++;
		device = find_device(devices, cols[0]);
		if (device == NULL)
			g_error("demo device %s (%s) not found", cols[0], cols[4]);
		if (g_strcmp0(json_object_get_string_member(device, "kind"), cols[4]) != 0)
			g_error("demo device %s is a %s, not %s", cols[0], cols[4],
			        json_object_get_string_member(device, "kind"));
		if (cols[2][0] == '\0')
			g_assert_true(json_object_get_null_member(device, "vendor"));
		else
			g_assert_cmpstr(json_object_get_string_member(device, "vendor"), ==,
			                cols[2]);
		g_assert_true(
		    contains_nocase(json_object_get_array_member(device, "ipv4"), cols[1]));
		/* the router's name is only in its DNS answers, which name nobody */
		if (g_strcmp0(cols[4], "router") != 0 &&
		    !contains_nocase(json_object_get_array_member(device, "hostnames"), cols[3]))
			g_error("demo device %s lacks hostname %s", cols[0], cols[3]);
	}
	g_assert_cmpuint(n_truth, ==, 15);
	g_assert_cmpuint(json_array_get_length(devices), ==, 15);
}

static void
test_demo_inventory(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autofree gchar *truth = NULL;
	/* the clean home, without the attack scenes */
	g_autofree gchar *path = generate(dir, "demo.pcapng", "1", "none", &truth);
	g_autoptr(JsonParser) parser = read_report(path);
	g_auto(GStrv) lines = g_strsplit(truth, "\n", -1);
	JsonObject *report, *stats;
	JsonArray *devices;

	report = json_node_get_object(json_parser_get_root(parser));
	devices = json_object_get_array_member(report, "devices");
	stats = json_object_get_object_member(report, "stats");
	g_assert_cmpint(json_object_get_int_member(stats, "decode_events"), ==, 0);
	/* the clean home starts at 18:00 in Tokyo, as it always did */
	g_assert_true(g_str_has_prefix(json_object_get_string_member(stats, "first_packet"),
	                               "2026-04-01T09:00"));
	check_devices(devices, truth);
	/* the gateway, and models the traffic declares */
	g_assert_cmpstr(
	    json_object_get_string_member(find_device(devices, "10:66:82:1f:5c:a0"), "model"), ==,
	    "Aterm WX3600HP");
	g_assert_cmpstr(
	    json_object_get_string_member(find_device(devices, "d8:eb:46:5c:33:a2"), "model"), ==,
	    "Pixel 7");
	g_assert_cmpstr(
	    json_object_get_string_member(find_device(devices, "d8:eb:46:5c:33:a2"), "os"), ==,
	    "Android 14");
	g_assert_cmpstr(
	    json_object_get_string_member(find_device(devices, "00:11:32:9e:41:d7"), "model"), ==,
	    "DS220+");
	g_assert_cmpstr(
	    json_object_get_string_member(find_device(devices, "ac:15:a2:4e:6a:7b"), "model"), ==,
	    "Tapo C200");
	/* the iPhone's private MAC depends on the seed */
	for (guint i = 1; lines[i] != NULL; i++) {
		g_auto(GStrv) cols = g_strsplit(lines[i], "\t", -1);
		if (g_strv_length(cols) >= 6 && g_strcmp0(cols[3], "iPhone") == 0)
			g_assert_true(json_object_get_boolean_member(find_device(devices, cols[0]),
			                                             "randomized_mac"));
	}
	/* ClientHellos that span two segments (Chrome's post-quantum key
	 * share) are reassembled: the PC has JA4 fingerprints */
	g_assert_cmpuint(json_array_get_length(json_object_get_array_member(
	                     json_object_get_object_member(
	                         find_device(devices, "98:e7:43:b2:5c:17"), "evidence"),
	                     "ja4")),
	                 >, 0);
	{
		JsonObject *network = json_object_get_object_member(report, "network");
		JsonArray *gateways = json_object_get_array_member(network, "gateways");
		g_assert_cmpuint(json_array_get_length(gateways), ==, 1);
		g_assert_cmpstr(json_object_get_string_member(
		                    json_array_get_object_element(gateways, 0), "mac"),
		                ==, "10:66:82:1f:5c:a0");
	}
	ym_test_rm_rf(dir);
}

static gboolean
file_contains(const gchar *data, gsize length, const gchar *needle, gsize needle_len)
{
	for (gsize i = 0; i + needle_len <= length; i++) {
		if (data[i] == needle[0] && memcmp(data + i, needle, needle_len) == 0)
			return TRUE;
	}
	return FALSE;
}

#define CONTAINS(data, length, literal) file_contains(data, length, literal, sizeof(literal) - 1)

static void
test_demo_attacks(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autofree gchar *truth = NULL;
	g_autofree gchar *path = generate(dir, "attacks.pcapng", "1", NULL, &truth);
	g_autoptr(JsonParser) parser = read_report(path);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *data = NULL;
	gsize length = 0;
	JsonObject *report, *stats;
	JsonArray *alerts;
	gboolean telnet_offer = FALSE;

	report = json_node_get_object(json_parser_get_root(parser));
	stats = json_object_get_object_member(report, "stats");
	g_assert_cmpint(json_object_get_int_member(stats, "decode_events"), ==, 0);
	/* with attacks the demo starts at 01:30 in Tokyo */
	g_assert_true(g_str_has_prefix(json_object_get_string_member(stats, "first_packet"),
	                               "2026-03-31T16:30"));
	/* the same 15 devices as the clean home: internet peers are no devices */
	check_devices(json_object_get_array_member(report, "devices"), truth);

	/* the camera answered Telnet from the internet */
	alerts = json_object_get_array_member(report, "alerts");
	for (guint i = 0; i < json_array_get_length(alerts); i++) {
		JsonObject *alert = json_array_get_object_element(alerts, i);
		if (g_strcmp0(json_object_get_string_member(alert, "type"),
		              "insecure_remote_access") == 0 &&
		    g_strcmp0(json_object_get_string_member(alert, "device"),
		              "ac:15:a2:4e:6a:7b") == 0 &&
		    g_strcmp0(json_object_get_string_member(alert, "key"), "offers:telnet:23") == 0)
			telnet_offer = TRUE;
	}
	g_assert_true(telnet_offer);

	/* the scenes' payloads are in the file */
	g_file_get_contents(path, &data, &length, &error);
	g_assert_no_error(error);
	g_assert_true(CONTAINS(data, length, "C200_4E6A7B login: "));
	g_assert_true(CONTAINS(data, length, "xc3511\r\n"));
	g_assert_true(CONTAINS(data, length, "/bin/busybox MIRAI\r\n"));
	g_assert_true(CONTAINS(data, length, "POST /upnp/control/WANIPConn1 HTTP/1.1"));
	g_assert_true(CONTAINS(data, length,
	                       "<NewExternalPort>8554</NewExternalPort><NewProtocol>TCP</"
	                       "NewProtocol><NewInternalPort>554</NewInternalPort>"));
	g_assert_true(CONTAINS(data, length, "<NewPortMappingDescription>Tapo RTSP"));
	g_assert_true(CONTAINS(data, length,
	                       "\x03"
	                       "www"
	                       "\x0f"
	                       "internetbadguys"
	                       "\x03"
	                       "com"));
	g_assert_true(CONTAINS(data, length, "Host: www.internetbadguys.com\r\n"));
	/* over 20 MB more than the clean home's 40 MB */
	g_assert_cmpint(json_object_get_int_member(stats, "bytes"), >, 60000000);
	ym_test_rm_rf(dir);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/demo/deterministic", test_deterministic);
	g_test_add_func("/ym/demo/inventory", test_demo_inventory);
	g_test_add_func("/ym/demo/attacks", test_demo_attacks);
	return g_test_run();
}
