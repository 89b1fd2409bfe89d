/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * yamorictl advisories import|match|status and yamorictl device as a
 * resident runs them, then yamorid's report of a capture with the advisory
 * alerts of the devices the resident identified, and those alerts resolved
 * once the firmware is updated. The numbers of the shared samples are
 * worked out in ym-advisory-import-test.c and ym-advisory-match-real-test.c.
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "ym-test-common.h"

#define AX21_URL "https://www.tp-link.com/us/support/download/archer-ax21/v3/#Firmware"

/* in zeek-home-multicast-short.pcap: a TP-Link (by its OUI), an ASUS and a
 * GL.iNet device, which the resident says are a QNAP NVR and a Hikvision
 * camera */
#define MAC_TPLINK "98:da:c4:c9:80:a8"
#define MAC_ASUS   "7c:10:c9:44:16:bb"
#define MAC_GLINET "94:83:c4:ae:eb:0a"

/* @program with the NULL-terminated @args, its stderr logged */
static void
run_argv(YmTestRun *r, const gchar *program, const gchar *const *args)
{
	ym_test_run_program(r, program, args);
	if (r->err != NULL && r->err[0] != '\0')
		g_test_message("%s stderr: %s", program, r->err);
}

#define yamorictl(r, ...)                                                                          \
	run_argv(r, g_getenv("YAMORICTL"), (const gchar *const[]){__VA_ARGS__, NULL})
#define yamorid(r, ...) run_argv(r, g_getenv("YAMORID"), (const gchar *const[]){__VA_ARGS__, NULL})

static void
import_all(const gchar *state_dir, const gchar *root)
{
	g_auto(YmTestRun) r = {0};
	g_autofree gchar *expected =
	    g_strdup_printf("%s: 3215 advisories from 413 files (60 skipped, 0 failed)\n", root);
	yamorictl(&r, "advisories", "import", "--state-dir", state_dir, root);
	g_assert_cmpint(r.status, ==, 0);
	g_assert_cmpstr(r.out, ==, expected);
}

static JsonNode *
parse_json(const gchar *text)
{
	g_autoptr(JsonParser) parser = json_parser_new();
	g_autoptr(GError) error = NULL;
	g_assert_true(json_parser_load_from_data(parser, text, -1, &error));
	g_assert_no_error(error);
	return json_node_copy(json_parser_get_root(parser));
}

/* the members of @object, sorted and joined with "," */
static gchar *
member_names(JsonObject *object)
{
	g_autoptr(GList) names =
	    g_list_sort(json_object_get_members(object), (GCompareFunc) strcmp);
	g_autoptr(GString) out = g_string_new(NULL);
	for (GList *l = names; l != NULL; l = l->next)
		g_string_append_printf(out, "%s%s", out->len > 0 ? "," : "",
		                       (const gchar *) l->data);
	return g_string_free(g_steal_pointer(&out), FALSE);
}

static void
test_import_status_match(void)
{
	g_autofree gchar *root = ym_test_shared_advisory(NULL);
	g_autofree gchar *dir = NULL;
	g_auto(GStrv) lines = NULL;
	const struct {
		const gchar *source;
		glong advisories;
	} sources[] = {{"jvn", 27}, {"kev", 1404}, {"nvd", 14}, {"cve5", 5}, {"csaf", 368}};
	guint seen = 0;

	if (root == NULL)
		return;
	dir = ym_test_make_tmpdir();
	import_all(dir, root);

	/* status: the distinct advisories, per source too */
	{
		g_auto(YmTestRun) r = {0};
		yamorictl(&r, "advisories", "status", "--state-dir", dir);
		g_assert_cmpint(r.status, ==, 0);
		g_assert_true(g_str_has_prefix(r.out, "1818 advisories ("));
		lines = g_strsplit(r.out, "\n", -1);
	}
	for (guint i = 0; lines[i] != NULL; i++) {
		gchar source[16] = "";
		glong advisories = -1;
		glong entries = -1;
		if (sscanf(lines[i], " %15s %ld advisories %ld entries", source, &advisories,
		           &entries) != 3)
			continue;
		for (guint j = 0; j < G_N_ELEMENTS(sources); j++) {
			if (g_strcmp0(source, sources[j].source) != 0)
				continue;
			g_assert_cmpint(advisories, ==, sources[j].advisories);
			g_assert_cmpint(entries, >=, advisories);
			seen++;
		}
	}
	g_assert_cmpuint(seen, ==, G_N_ELEMENTS(sources));

	/* match, as JSON: the Archer AX21 of CVE-2023-1389 */
	{
		g_auto(YmTestRun) r = {0};
		g_autoptr(JsonNode) root_node = NULL;
		g_autofree gchar *members = NULL;
		g_autofree gchar *advisory_members = NULL;
		JsonArray *array;
		JsonObject *m;
		JsonObject *advisory;

		yamorictl(&r, "advisories", "match", "--vendor", "TP-Link", "--model",
		          "Archer AX21", "--firmware", "1.1.3 Build 20221209", "--json",
		          "--state-dir", dir);
		g_assert_cmpint(r.status, ==, 0);
		root_node = parse_json(r.out);
		g_assert_true(JSON_NODE_HOLDS_ARRAY(root_node));
		array = json_node_get_array(root_node);
		g_assert_cmpuint(json_array_get_length(array), ==, 1);
		m = json_array_get_object_element(array, 0);
		members = member_names(m);
		g_assert_cmpstr(members, ==,
		                "advisory,confidence,cve,cvss,end_of_support,fixed_version,kev,"
		                "product,remediation,remediation_url,status,title_en,title_ja,"
		                "versions");
		advisory = json_object_get_object_member(m, "advisory");
		advisory_members = member_names(advisory);
		g_assert_cmpstr(advisory_members, ==, "id,source");
		g_assert_cmpstr(json_object_get_string_member(m, "cve"), ==, "CVE-2023-1389");
		g_assert_cmpstr(json_object_get_string_member(advisory, "source"), ==, "nvd");
		g_assert_cmpstr(json_object_get_string_member(advisory, "id"), ==, "CVE-2023-1389");
		g_assert_cmpstr(json_object_get_string_member(m, "status"), ==, "affected");
		g_assert_true(json_object_get_boolean_member(m, "kev"));
		g_assert_cmpstr(json_object_get_string_member(m, "fixed_version"), ==, "1.1.4");
		g_assert_false(json_object_get_boolean_member(m, "end_of_support"));
		g_assert_cmpstr(json_object_get_string_member(m, "remediation_url"), ==, AX21_URL);
		g_assert_cmpstr(json_object_get_string_member(m, "remediation"), ==, "vendor_fix");
		g_assert_cmpfloat(json_object_get_double_member(m, "cvss"), ==, 8.8);
	}
	{
		g_auto(YmTestRun) r = {0};
		g_autoptr(JsonNode) root_node = NULL;
		JsonObject *m;
		yamorictl(&r, "advisories", "match", "--vendor", "TP-Link", "--model",
		          "Archer AX21", "--firmware", "1.1.4 Build 20230219", "--json",
		          "--state-dir", dir);
		g_assert_cmpint(r.status, ==, 0);
		root_node = parse_json(r.out);
		m = json_array_get_object_element(json_node_get_array(root_node), 0);
		g_assert_cmpstr(json_object_get_string_member(m, "status"), ==, "fixed");
	}
	/* the text form, and a model no advisory names */
	{
		g_auto(YmTestRun) r = {0};
		yamorictl(&r, "advisories", "match", "--vendor", "QNAP", "--model", "VioStor NVR",
		          "--firmware", "3.9", "--state-dir", dir);
		g_assert_cmpint(r.status, ==, 0);
		g_assert_true(g_str_has_prefix(r.out, "affected       CVE-2023-47565   "
		                                      "csaf:ICSA-23-355-02 KEV EOL "));
	}
	{
		g_auto(YmTestRun) r = {0};
		yamorictl(&r, "advisories", "match", "--vendor", "D-Link", "--model", "DNS-313",
		          "--state-dir", dir);
		g_assert_cmpint(r.status, ==, 0);
		g_assert_cmpstr(r.out, ==, "No advisory in the store names D-Link DNS-313.\n");
	}
	ym_test_rm_rf(dir);
}

static void
test_usage_errors(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	struct {
		const gchar *args[8];
		const gchar *message;
	} cases[] = {
	    {{"advisories", "match", "--vendor", "TP-Link", NULL}, "--vendor and --model"},
	    {{"advisories", "match", "--frobnicate", NULL}, "--frobnicate"},
	    {{"advisories", "import", NULL}, "name at least one advisory file or folder"},
	    {{"advisories", "frobnicate", NULL}, "unknown advisories command"},
	    {{"device", "98:da:c4:c9:80", "--model", "Archer AX21", NULL}, "not a MAC address"},
	    {{"device", MAC_TPLINK, NULL}, "give --model, --firmware"},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_auto(YmTestRun) r = {0};
		g_autoptr(GPtrArray) args = g_ptr_array_new();
		for (guint j = 0; cases[i].args[j] != NULL; j++)
			g_ptr_array_add(args, (gpointer) cases[i].args[j]);
		g_ptr_array_add(args, (gpointer) "--state-dir");
		g_ptr_array_add(args, (gpointer) dir);
		g_ptr_array_add(args, NULL);
		g_test_message("yamorictl %s %s", cases[i].args[0], cases[i].args[1]);
		run_argv(&r, g_getenv("YAMORICTL"), (const gchar *const *) args->pdata);
		g_assert_cmpint(r.status, ==, 2);
		g_assert_nonnull(strstr(r.err, cases[i].message));
		g_assert_cmpstr(r.out, ==, "");
	}
	ym_test_rm_rf(dir);
}

static void
test_missing_state_dir(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autofree gchar *missing = g_build_filename(dir, "no-such-store", NULL);
	g_autofree gchar *expected = g_strdup_printf(
	    "yamorictl: %s is not a folder; name the store with --state-dir\n", missing);
	const gchar *commands[][9] = {
	    {"advisories", "import", "--state-dir", missing, dir, NULL},
	    {"advisories", "status", "--state-dir", missing, NULL},
	    {"advisories", "match", "--state-dir", missing, "--vendor", "QNAP", "--model",
	     "VioStor NVR", NULL},
	    {"device", MAC_TPLINK, "--firmware", "1.1.4", "--state-dir", missing, NULL},
	};

	for (guint i = 0; i < G_N_ELEMENTS(commands); i++) {
		g_auto(YmTestRun) r = {0};
		run_argv(&r, g_getenv("YAMORICTL"), commands[i]);
		g_assert_cmpint(r.status, ==, 1);
		g_assert_cmpstr(r.err, ==, expected);
		/* nothing was created on the way */
		g_assert_false(g_file_test(missing, G_FILE_TEST_EXISTS));
	}
	ym_test_rm_rf(dir);
}

typedef struct {
	const gchar *type;
	const gchar *mac;
	const gchar *state;
	const gchar *severity;
	const gchar *cves; /* the entries' CVEs, joined with "," */
} AlertCheck;

/* the advisory alerts of a report, one per device and type */
static void
check_alerts(const gchar *report, const AlertCheck *expected, guint n_expected)
{
	g_autoptr(JsonNode) root = parse_json(report);
	JsonArray *alerts = json_object_get_array_member(json_node_get_object(root), "alerts");
	guint found = 0;

	for (guint i = 0; i < json_array_get_length(alerts); i++) {
		JsonObject *alert = json_array_get_object_element(alerts, i);
		const gchar *type = json_object_get_string_member(alert, "type");
		const gchar *mac = json_object_get_string_member(alert, "device");
		JsonObject *evidence;
		JsonArray *entries;
		g_autoptr(GString) cves = g_string_new(NULL);
		const AlertCheck *e = NULL;

		if (g_strcmp0(type, "known_exploited_vulnerability") != 0 &&
		    g_strcmp0(type, "end_of_support") != 0 &&
		    g_strcmp0(type, "firmware_update_available") != 0)
			continue;
		for (guint j = 0; j < n_expected; j++) {
			if (g_strcmp0(expected[j].type, type) == 0 &&
			    g_strcmp0(expected[j].mac, mac) == 0)
				e = &expected[j];
		}
		g_test_message("%s %s", type, mac);
		g_assert_nonnull(e);
		found++;
		g_assert_cmpstr(json_object_get_string_member(alert, "state"), ==, e->state);
		g_assert_cmpstr(json_object_get_string_member(alert, "severity"), ==, e->severity);
		evidence = json_object_get_object_member(alert, "evidence");
		entries = json_object_get_array_member(evidence, "entries");
		for (guint j = 0; j < json_array_get_length(entries); j++) {
			JsonObject *entry = json_array_get_object_element(entries, j);
			g_string_append_printf(cves, "%s%s", j > 0 ? "," : "",
			                       json_object_get_string_member(entry, "cve"));
		}
		g_assert_cmpstr(cves->str, ==, e->cves);
		g_assert_cmpint(json_object_get_int_member(evidence, "count"), ==,
		                json_array_get_length(entries));
	}
	/* one alert per device and type, no more */
	g_assert_cmpuint(found, ==, n_expected);
}

static gchar *
report(const gchar *capture, const gchar *dir)
{
	g_auto(YmTestRun) r = {0};
	yamorid(&r, "--read", capture, "--state-dir", dir, "--report", "json");
	g_assert_cmpint(r.status, ==, 0);
	return g_steal_pointer(&r.out);
}

static void
set_device(const gchar *dir, const gchar *mac, ...)
{
	g_autoptr(GPtrArray) argv = g_ptr_array_new();
	g_autoptr(GSubprocess) proc = NULL;
	g_autoptr(GError) error = NULL;
	va_list args;

	g_ptr_array_add(argv, (gpointer) g_getenv("YAMORICTL"));
	g_ptr_array_add(argv, (gpointer) "device");
	g_ptr_array_add(argv, (gpointer) mac);
	va_start(args, mac);
	for (const gchar *a = va_arg(args, const gchar *); a != NULL;
	     a = va_arg(args, const gchar *))
		g_ptr_array_add(argv, (gpointer) a);
	va_end(args);
	g_ptr_array_add(argv, (gpointer) "--state-dir");
	g_ptr_array_add(argv, (gpointer) dir);
	g_ptr_array_add(argv, NULL);
	proc =
	    g_subprocess_newv((const gchar *const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
	g_assert_no_error(error);
	g_assert_true(g_subprocess_wait_check(proc, NULL, &error));
	g_assert_no_error(error);
}

static void
test_device_alerts(void)
{
	g_autofree gchar *capture = ym_test_shared_pcap("zeek-home-multicast-short.pcap");
	g_autofree gchar *root = NULL;
	g_autofree gchar *dir = NULL;
	g_autofree gchar *first = NULL;
	g_autofree gchar *second = NULL;
	g_autofree gchar *third = NULL;
	g_autofree gchar *fourth = NULL;
	g_autofree gchar *fifth = NULL;
	g_autoptr(JsonNode) first_root = NULL;
	JsonArray *devices;
	gboolean tplink = FALSE;
	const AlertCheck open[] = {
	    {"known_exploited_vulnerability", MAC_TPLINK, "open", "urgent", "CVE-2023-1389"},
	    {"known_exploited_vulnerability", MAC_ASUS, "open", "urgent", "CVE-2023-47565"},
	    /* end of support with an exploited flaw: urgent */
	    {"end_of_support", MAC_ASUS, "open", "urgent", "CVE-2023-47565"},
	    /* two CVEs, one alert */
	    {"firmware_update_available", MAC_GLINET, "open", "warning",
	     "CVE-2017-7921,CVE-2017-7923"},
	};
	AlertCheck resolved[G_N_ELEMENTS(open)];

	if (capture == NULL)
		return;
	root = ym_test_shared_advisory(NULL);
	if (root == NULL)
		return;
	dir = ym_test_make_tmpdir();

	/* first the devices are learnt, with no advisories yet */
	first = report(capture, dir);
	check_alerts(first, NULL, 0);
	first_root = parse_json(first);
	devices = json_object_get_array_member(json_node_get_object(first_root), "devices");
	for (guint i = 0; i < json_array_get_length(devices); i++) {
		JsonObject *device = json_array_get_object_element(devices, i);
		if (g_strcmp0(json_object_get_string_member(device, "mac"), MAC_TPLINK) == 0) {
			g_assert_cmpstr(json_object_get_string_member(device, "vendor"), ==,
			                "TP-LINK TECHNOLOGIES CO.,LTD.");
			tplink = TRUE;
		}
	}
	g_assert_true(tplink);

	/* the resident names them (the TP-Link's maker comes from its OUI),
	 * then imports the advisories */
	set_device(dir, "98:DA:C4:C9:80:A8", "--model", "Archer AX21", "--firmware",
	           "1.1.3 Build 20221209", NULL);
	set_device(dir, MAC_ASUS, "--vendor", "QNAP", "--model", "VioStor NVR", "--firmware", "3.9",
	           NULL);
	set_device(dir, MAC_GLINET, "--vendor", "Hikvision", "--model", "DS-2CD2432FWD-IW",
	           "--firmware", "5.4.4 Build 161125", NULL);
	import_all(dir, root);
	second = report(capture, dir);
	check_alerts(second, open, G_N_ELEMENTS(open));

	/* updated: only the firmware is given, the model stays */
	set_device(dir, MAC_TPLINK, "--firmware", "1.1.4 Build 20230219", NULL);
	set_device(dir, MAC_ASUS, "--firmware", "4.0", NULL);
	set_device(dir, MAC_GLINET, "--firmware", "5.4.5", NULL);
	third = report(capture, dir);
	memcpy(resolved, open, sizeof(open));
	for (guint i = 0; i < G_N_ELEMENTS(resolved); i++)
		resolved[i].state = "resolved";
	check_alerts(third, resolved, G_N_ELEMENTS(resolved));

	/* rolled back, the exploited flaw is back; forgotten, it resolves */
	set_device(dir, MAC_TPLINK, "--firmware", "1.1.3 Build 20221209", NULL);
	fourth = report(capture, dir);
	resolved[0].state = "open";
	check_alerts(fourth, resolved, G_N_ELEMENTS(resolved));
	set_device(dir, MAC_TPLINK, "--clear", NULL);
	fifth = report(capture, dir);
	resolved[0].state = "resolved";
	check_alerts(fifth, resolved, G_N_ELEMENTS(resolved));
	ym_test_rm_rf(dir);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/yamorictl-advisories/import-status-match", test_import_status_match);
	g_test_add_func("/ym/yamorictl-advisories/usage-errors", test_usage_errors);
	g_test_add_func("/ym/yamorictl-advisories/missing-state-dir", test_missing_state_dir);
	g_test_add_func("/ym/yamorictl-advisories/device-alerts", test_device_alerts);
	return g_test_run();
}
