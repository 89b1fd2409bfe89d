/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * yamori-advisory-bench STATE_DIR SIGNATURES_DIR N: matches N devices
 * against the advisories a "yamorictl advisories import" left in
 * STATE_DIR, as the daemon does after an analysis or a sync; the devices
 * are the store's own (vendor, product) pairs, cycled, each with a
 * firmware version drawn from a fixed seed, so every run does the same work
 */

#include "config.h"

#include <sqlite3.h>
#include <stdio.h>

#include "ym-advisory-matcher.h"
#include "ym-store.h"
#include "ym-vendor-alias.h"

typedef struct {
	gchar *vendor;
	gchar *model;
	gchar *firmware;
} BenchDevice;

static void
bench_device_free(BenchDevice *device)
{
	g_free(device->vendor);
	g_free(device->model);
	g_free(device->firmware);
	g_free(device);
}

static GPtrArray *
make_devices(YmStore *store, guint n)
{
	g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func(g_free);
	GPtrArray *devices = g_ptr_array_new_with_free_func((GDestroyNotify) bench_device_free);
	g_autoptr(GRand) rand = g_rand_new_with_seed(20261125);
	sqlite3_stmt *stmt = NULL;

	sqlite3_prepare_v2(ym_store_get_db(store),
	                   "SELECT DISTINCT vendor, product FROM advisories WHERE vendor IS NOT "
	                   "NULL AND product IS NOT NULL ORDER BY vendor, product",
	                   -1, &stmt, NULL);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		g_ptr_array_add(pairs, g_strdup((const gchar *) sqlite3_column_text(stmt, 0)));
		g_ptr_array_add(pairs, g_strdup((const gchar *) sqlite3_column_text(stmt, 1)));
	}
	sqlite3_finalize(stmt);
	for (guint i = 0; i < n && pairs->len > 0; i++) {
		BenchDevice *device = g_new0(BenchDevice, 1);
		guint pair = (i % (pairs->len / 2)) * 2;
		device->vendor = g_strdup(g_ptr_array_index(pairs, pair));
		device->model = g_strdup(g_ptr_array_index(pairs, pair + 1));
		device->firmware =
		    g_strdup_printf("%d.%d.%d", g_rand_int_range(rand, 0, 6),
		                    g_rand_int_range(rand, 0, 20), g_rand_int_range(rand, 0, 50));
		g_ptr_array_add(devices, device);
	}
	return devices;
}

int
main(int argc, char **argv)
{
	g_autoptr(YmStore) store = NULL;
	g_autoptr(YmVendorAliases) aliases = ym_vendor_aliases_new();
	g_autoptr(YmAdvisoryMatcher) matcher = NULL;
	g_autoptr(GPtrArray) devices = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *aliases_path = NULL;
	guint affected = 0;
	guint maybe = 0;
	guint entries = 0;
	gint64 start;
	gint64 loaded;
	gint64 done;

	if (argc != 4) {
		g_printerr("usage: %s STATE_DIR SIGNATURES_DIR DEVICES\n", argv[0]);
		return 2;
	}
	store = ym_store_new(argv[1]);
	aliases_path = g_build_filename(argv[2], "advisories", "aliases.txt", NULL);
	if (!ym_store_ensure_schema(store, &error) ||
	    !ym_vendor_aliases_load_file(aliases, aliases_path, &error)) {
		g_printerr("%s\n", error->message);
		return 1;
	}
	devices = make_devices(store, (guint) g_ascii_strtoull(argv[3], NULL, 10));

	start = g_get_monotonic_time();
	matcher = ym_advisory_matcher_new(aliases);
	if (!ym_advisory_matcher_load(matcher, store, &error)) {
		g_printerr("%s\n", error->message);
		return 1;
	}
	loaded = g_get_monotonic_time();
	for (guint i = 0; i < devices->len; i++) {
		const BenchDevice *device = g_ptr_array_index(devices, i);
		YmDeviceIdentity identity = {
		    .vendor = device->vendor,
		    .model = device->model,
		    .firmware = device->firmware,
		};
		g_autoptr(GPtrArray) matches = ym_advisory_matcher_match(matcher, &identity);
		for (guint j = 0; j < matches->len; j++) {
			const YmAdvisoryMatch *m = g_ptr_array_index(matches, j);
			affected += m->status == YM_MATCH_AFFECTED;
			maybe += m->status == YM_MATCH_MAYBE;
		}
		entries += matches->len;
	}
	done = g_get_monotonic_time();
	g_print("advisory rows loaded: %u in %.3f s\n", ym_advisory_matcher_get_n_rows(matcher),
	        (loaded - start) / 1e6);
	g_print("devices matched: %u in %.3f s (%u verdicts: %u affected, %u maybe)\n",
	        devices->len, (done - loaded) / 1e6, entries, affected, maybe);
	g_print("load + match: %.3f s\n", (done - start) / 1e6);
	return 0;
}
