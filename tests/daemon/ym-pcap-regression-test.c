/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * the capture regression suite: every real capture in the shared data is
 * analysed, and the devices worked out from the capture itself with tshark
 * (tests/data/pcap/devices.tsv, kinds.tsv; see their headers) must be found
 * with the right vendor, hostname, address and kind
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "ym-engine.h"
#include "ym-error.h"
#include "ym-report.h"
#include "ym-test-common.h"

static GPtrArray *
load_table(const gchar *name, guint min_columns)
{
	g_autofree gchar *path = g_test_build_filename(G_TEST_DIST, "data", "pcap", name, NULL);
	g_autofree gchar *contents = NULL;
	g_autoptr(GError) error = NULL;
	g_auto(GStrv) lines = NULL;
	GPtrArray *rows = g_ptr_array_new_with_free_func((GDestroyNotify) g_strfreev);
	g_file_get_contents(path, &contents, NULL, &error);
	g_assert_no_error(error);
	lines = g_strsplit(contents, "\n", -1);
	for (guint i = 0; lines[i] != NULL; i++) {
		gchar *hash;
		gchar **cols;
		if (lines[i][0] == '#' || lines[i][0] == '\0')
			continue;
		/* trailing comments */
		hash = strstr(lines[i], "\t#");
		if (hash != NULL)
			*hash = '\0';
		cols = g_strsplit(lines[i], "\t", -1);
		if (g_strv_length(cols) < min_columns)
			g_error("%s:%u: expected %u columns", name, i + 1, min_columns);
		for (guint c = 0; cols[c] != NULL; c++)
			g_strstrip(cols[c]);
		g_ptr_array_add(rows, cols);
	}
	return rows;
}

static gchar *
analyse(const gchar *path)
{
	g_autoptr(YmEngine) engine = ym_engine_new();
	g_autoptr(GError) error = NULL;
	const gchar *paths[] = {path, NULL};
	gchar *report;
	ym_engine_set_oui_dir(engine, g_getenv("YM_OUI_DIR"));
	ym_engine_set_signatures_dir(engine, g_getenv("YM_SIGNATURES_DIR"));
	g_assert_true(ym_engine_setup(engine, &error));
	g_assert_no_error(error);
	g_assert_true(ym_engine_analyse_files(engine, paths, &error));
	g_assert_no_error(error);
	report = ym_report_build(ym_engine_get_store(engine), ym_engine_get_guidance(engine),
	                         ym_engine_get_stats(engine), YM_REPORT_FORMAT_JSON, &error);
	g_assert_no_error(error);
	return report;
}

static JsonObject *
find_device(JsonArray *devices, const gchar *mac)
{
	for (guint i = 0; i < json_array_get_length(devices); i++) {
		JsonObject *d = json_array_get_object_element(devices, i);
		if (g_strcmp0(json_object_get_string_member(d, "mac"), mac) == 0)
			return d;
		/* a linked MAC counts as found on its primary */
		{
			JsonArray *linked = json_object_get_array_member(d, "linked_macs");
			for (guint j = 0; j < json_array_get_length(linked); j++) {
				if (g_strcmp0(json_array_get_string_element(linked, j), mac) == 0)
					return d;
			}
		}
	}
	return NULL;
}

static gboolean
array_contains(JsonArray *array, const gchar *value, gboolean nocase)
{
	for (guint i = 0; i < json_array_get_length(array); i++) {
		const gchar *v = json_array_get_string_element(array, i);
		if (nocase ? g_ascii_strcasecmp(v, value) == 0 : g_strcmp0(v, value) == 0)
			return TRUE;
	}
	return FALSE;
}

static guint
count_all_macs(JsonArray *devices)
{
	guint n = 0;
	for (guint i = 0; i < json_array_get_length(devices); i++)
		n += 1 + json_array_get_length(json_object_get_array_member(
		             json_array_get_object_element(devices, i), "linked_macs"));
	return n;
}

static void
check_capture(gconstpointer user_data)
{
	const gchar *capture = user_data;
	g_autoptr(GPtrArray) devices_table = load_table("devices.tsv", 3);
	g_autoptr(GPtrArray) kinds_table = load_table("kinds.tsv", 3);
	g_autofree gchar *path = ym_test_shared_pcap(capture);
	g_autofree gchar *report = NULL;
	g_autoptr(JsonParser) parser = json_parser_new();
	g_autoptr(GError) error = NULL;
	JsonArray *devices;
	guint checked = 0;

	if (path == NULL)
		return;
	report = analyse(path);
	g_assert_true(json_parser_load_from_data(parser, report, -1, &error));
	g_assert_no_error(error);
	devices = json_object_get_array_member(json_node_get_object(json_parser_get_root(parser)),
	                                       "devices");

	for (guint i = 0; i < devices_table->len; i++) {
		gchar **row = g_ptr_array_index(devices_table, i);
		JsonObject *device;
		if (g_strcmp0(row[0], capture) != 0)
			continue;
		checked++;
		if (g_strcmp0(row[1], "count") == 0) {
			guint expected = (guint) g_ascii_strtoull(row[2], NULL, 10);
			if (count_all_macs(devices) != expected)
				g_error("%s: %u devices, expected %u:\n%s", capture,
				        count_all_macs(devices), expected, report);
			continue;
		}
		device = find_device(devices, row[1]);
		if (device == NULL)
			g_error("%s: device %s not found", capture, row[1]);
		if (g_strcmp0(row[2], "-") == 0) {
			if (!json_object_get_null_member(device, "vendor"))
				g_error("%s: %s should have no vendor, has %s", capture, row[1],
				        json_object_get_string_member(device, "vendor"));
		} else if (json_object_get_null_member(device, "vendor") ||
		           g_strcmp0(json_object_get_string_member(device, "vendor"), row[2]) !=
		               0) {
			g_error("%s: %s vendor should be %s", capture, row[1], row[2]);
		}
		if (row[3] != NULL && g_strcmp0(row[3], "-") != 0 &&
		    !array_contains(json_object_get_array_member(device, "hostnames"), row[3],
		                    TRUE))
			g_error("%s: %s should have hostname %s", capture, row[1], row[3]);
		if (row[3] != NULL && row[4] != NULL && g_strcmp0(row[4], "-") != 0 &&
		    !array_contains(json_object_get_array_member(device, "ipv4"), row[4], FALSE))
			g_error("%s: %s should have address %s", capture, row[1], row[4]);
	}
	for (guint i = 0; i < kinds_table->len; i++) {
		gchar **row = g_ptr_array_index(kinds_table, i);
		JsonObject *device;
		if (g_strcmp0(row[0], capture) != 0)
			continue;
		checked++;
		device = find_device(devices, row[1]);
		if (device == NULL)
			g_error("%s: device %s not found", capture, row[1]);
		if (g_strcmp0(json_object_get_string_member(device, "kind"), row[2]) != 0)
			g_error("%s: %s is a %s, not %s", capture, row[1], row[2],
			        json_object_get_string_member(device, "kind"));
	}
	g_assert_cmpuint(checked, >, 0);
}

int
main(int argc, char **argv)
{
	g_autoptr(GPtrArray) table = NULL;
	g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);

	g_test_init(&argc, &argv, NULL);
	table = load_table("devices.tsv", 3);
	for (guint i = 0; i < table->len; i++) {
		gchar **row = g_ptr_array_index(table, i);
		g_autofree gchar *test_path = NULL;
		if (g_hash_table_contains(seen, row[0]))
			continue;
		g_hash_table_add(seen, row[0]);
		test_path = g_strdup_printf("/ym/pcap-regression/%s", row[0]);
		g_test_add_data_func(test_path, row[0], check_capture);
	}
	return g_test_run();
}
