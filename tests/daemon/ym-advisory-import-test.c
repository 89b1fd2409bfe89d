/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * offline import of the shared advisory samples, as "yamorictl advisories
 * import" does it: every file told apart by its contents, each file all or
 * nothing, companions and other formats passed over.
 *
 * The expected numbers were worked out from the files with python3, not
 * with our parsers (tests/daemon/ym-advisory-import-counts.py
 * $YM_SHARED_DATA/advisories prints them): of the 473 files, 60 hold no advisory (SOURCES.md,
 * NOTES.md, the CVE licence, .asc/.sha512/.txt/.csv companions, the KEV schema, ROLIE feeds,
 * provider metadata, the OSV sample, the NVD CPE and match-criteria API pages, MyJVN product,
 * vendor, statistics and alert lists) and 413 do. Distinct records per source: KEV 1404 cveIDs (the
 * 2025-06-10 catalogue's 1364 are all in the 2025-08-25 one); NVD 14 CVE IDs over the 4 bare
 * records and the 8 CVE API pages (23 records, none rejected); CVE 5 the 5
 * records; CSAF 368 documents (344 + 9 + 8 + 3 + 4; the MyJVN CSAF-like
 * ones are JVN's); JVN 27 JVNDB IDs over VULDEF, JVNRSS, the HND examples
 * and the OKA CSAF-like, STIX and feed documents. The parsers emit 3215
 * records in all (2768 KEV entries, 23 NVD, 5 CVE 5, 368 CSAF, 51 JVN).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ym-advisory-db.h"
#include "ym-advisory-import.h"
#include "ym-error.h"
#include "ym-test-common.h"

static YmStore *
new_store(void)
{
	g_autoptr(YmStore) store = ym_store_new(NULL);
	g_autoptr(GError) error = NULL;
	g_assert_true(ym_store_ensure_schema(store, &error));
	g_assert_no_error(error);
	return g_steal_pointer(&store);
}

typedef struct {
	guint calls;
	gchar *last_path;
	gint last_code;
	gchar *last_message;
} Failures;

static void
failures_clear(Failures *f)
{
	g_free(f->last_path);
	g_free(f->last_message);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Failures, failures_clear)

static void
on_failed(const gchar *path, const GError *error, gpointer user_data)
{
	Failures *f = user_data;
	f->calls++;
	g_free(f->last_path);
	g_free(f->last_message);
	f->last_path = g_strdup(path);
	f->last_code = error->domain == YM_ERROR ? error->code : -1;
	f->last_message = g_strdup(error->message);
	g_test_message("failed: %s: %s", path, error->message);
}

static YmAdvisoryImportStats
import(YmStore *store, const gchar *path, Failures *failures)
{
	YmAdvisoryImportStats stats = {0};
	g_autoptr(GError) error = NULL;
	g_assert_true(ym_advisory_import_path(store, path, &stats, on_failed, failures, &error));
	g_assert_no_error(error);
	return stats;
}

static gint64
count_source(YmStore *store, const gchar *source)
{
	g_autoptr(GError) error = NULL;
	gint64 n = ym_advisory_db_count_source_records(store, source, &error);
	g_assert_no_error(error);
	return n;
}

static gint64
count_rows(YmStore *store)
{
	g_autoptr(GError) error = NULL;
	gint64 n = ym_advisory_db_count(store, NULL, &error);
	g_assert_no_error(error);
	return n;
}

static void
assert_whole_folder(YmStore *store, const YmAdvisoryImportStats *stats)
{
	g_autoptr(GError) error = NULL;
	g_assert_cmpuint(stats->files, ==, 413);
	g_assert_cmpuint(stats->skipped, ==, 60);
	g_assert_cmpuint(stats->failed, ==, 0);
	g_assert_cmpuint(stats->advisories, ==, 3215);
	g_assert_cmpint(count_source(store, "kev"), ==, 1404);
	g_assert_cmpint(count_source(store, "nvd"), ==, 14);
	g_assert_cmpint(count_source(store, "cve5"), ==, 5);
	g_assert_cmpint(count_source(store, "csaf"), ==, 368);
	g_assert_cmpint(count_source(store, "jvn"), ==, 27);
	g_assert_cmpint(ym_advisory_db_count_records(store, &error), ==, 1818);
	g_assert_no_error(error);
	/* KEV: one row per entry, every entry names a vendor and product */
	g_assert_cmpint(ym_advisory_db_count(store, "kev", &error), ==, 1404);
	g_assert_no_error(error);
}

static void
test_whole_folder(void)
{
	g_autofree gchar *root = ym_test_shared_advisory(NULL);
	g_autoptr(YmStore) store = NULL;
	g_auto(Failures) failures = {0};
	YmAdvisoryImportStats stats;
	YmAdvisoryImportStats again;
	gint64 rows;
	gint64 started;

	if (root == NULL)
		return;
	store = new_store();
	started = g_get_monotonic_time();
	stats = import(store, root, &failures);
	g_test_message("imported %u files (%u advisories) in %.3f s", stats.files, stats.advisories,
	               (g_get_monotonic_time() - started) / 1e6);
	assert_whole_folder(store, &stats);
	g_assert_cmpuint(failures.calls, ==, 0);
	rows = count_rows(store);
	g_assert_cmpint(rows, >, 1818);

	/* again: the same rows, not twice as many */
	started = g_get_monotonic_time();
	again = import(store, root, &failures);
	g_test_message("re-imported in %.3f s", (g_get_monotonic_time() - started) / 1e6);
	assert_whole_folder(store, &again);
	g_assert_cmpint(count_rows(store), ==, rows);
}

static void
copy_file(const gchar *from, const gchar *to)
{
	g_autofree gchar *contents = NULL;
	g_autoptr(GError) error = NULL;
	gsize length = 0;
	g_assert_true(g_file_get_contents(from, &contents, &length, &error));
	g_assert_true(g_file_set_contents(to, contents, (gssize) length, &error));
	g_assert_no_error(error);
}

/* @from cut in half, as a download that stopped would leave it */
static void
write_truncated(const gchar *from, const gchar *to)
{
	g_autofree gchar *contents = NULL;
	g_autoptr(GError) error = NULL;
	gsize length = 0;
	g_assert_true(g_file_get_contents(from, &contents, &length, &error));
	g_assert_true(g_file_set_contents(to, contents, (gssize) (length / 2), &error));
	g_assert_no_error(error);
}

static const gchar *const cve5_records[] = {
    "CVE-2021-36260.json", "CVE-2023-1389.json",  "CVE-2024-3273.json",
    "CVE-2024-47133.json", "CVE-2025-32002.json",
};

static void
test_corrupt_file(void)
{
	g_autofree gchar *source = ym_test_shared_advisory(NULL);
	g_autofree gchar *dir = NULL;
	g_autofree gchar *corrupt = NULL;
	g_autofree gchar *good_nvd = NULL;
	g_autofree gchar *bad_nvd = NULL;
	g_autoptr(YmStore) store = NULL;
	g_auto(Failures) failures = {0};
	g_auto(Failures) alone = {0};
	YmAdvisoryImportStats stats;
	gint64 rows;

	if (source == NULL)
		return;
	dir = ym_test_make_tmpdir();
	for (guint i = 0; i < G_N_ELEMENTS(cve5_records); i++) {
		g_autofree gchar *from = g_build_filename(source, "cve5", cve5_records[i], NULL);
		g_autofree gchar *to = g_strdup_printf("%s/cve5-%s", dir, cve5_records[i]);
		copy_file(from, to);
	}
	good_nvd = g_build_filename(source, "nvd", "CVE-2024-3273.json", NULL);
	bad_nvd = g_build_filename(dir, "nvd-CVE-2024-3273.json", NULL);
	copy_file(good_nvd, bad_nvd);
	g_clear_pointer(&good_nvd, g_free);
	good_nvd = g_build_filename(source, "nvd", "CVE-2023-1389.json", NULL);
	corrupt = g_build_filename(dir, "nvd-CVE-2023-1389.json", NULL);
	write_truncated(good_nvd, corrupt);

	/* the good files are imported, the cut one is reported */
	store = new_store();
	stats = import(store, dir, &failures);
	g_assert_cmpuint(stats.files, ==, 6);
	g_assert_cmpuint(stats.failed, ==, 1);
	g_assert_cmpuint(stats.skipped, ==, 0);
	g_assert_cmpuint(stats.advisories, ==, 6);
	g_assert_cmpuint(failures.calls, ==, 1);
	g_assert_cmpstr(failures.last_path, ==, corrupt);
	g_assert_cmpint(failures.last_code, ==, YM_ERROR_INVALID_DATA);
	g_assert_cmpint(count_source(store, "cve5"), ==, 5);
	g_assert_cmpint(count_source(store, "nvd"), ==, 1);

	/* the cut file alone changes nothing */
	rows = count_rows(store);
	stats = import(store, corrupt, &alone);
	g_assert_cmpuint(stats.files, ==, 0);
	g_assert_cmpuint(stats.failed, ==, 1);
	g_assert_cmpuint(stats.advisories, ==, 0);
	g_assert_cmpuint(alone.calls, ==, 1);
	g_assert_cmpint(count_rows(store), ==, rows);
	g_assert_cmpint(count_source(store, "nvd"), ==, 1);
	ym_test_rm_rf(dir);
}

/* an API page whose third record breaks the schema after two good ones:
 * the page is all or nothing, and the rows it would replace stay */
static void
test_page_all_or_nothing(void)
{
	g_autofree gchar *page = ym_test_shared_advisory("nvd/api-responses/cves-3_pages-0-3.json");
	g_autofree gchar *dir = NULL;
	g_autofree gchar *broken = NULL;
	g_autofree gchar *text = NULL;
	g_autoptr(JsonParser) parser = json_parser_new();
	g_autoptr(JsonGenerator) generator = json_generator_new();
	g_autoptr(YmStore) store = NULL;
	g_autoptr(YmStore) fresh = NULL;
	g_autoptr(GError) error = NULL;
	g_auto(Failures) failures = {0};
	JsonArray *vulnerabilities;
	JsonObject *last;
	YmAdvisoryImportStats stats;
	gint64 rows;

	if (page == NULL)
		return;
	dir = ym_test_make_tmpdir();
	g_assert_true(json_parser_load_from_file(parser, page, &error));
	g_assert_no_error(error);
	vulnerabilities = json_object_get_array_member(
	    json_node_get_object(json_parser_get_root(parser)), "vulnerabilities");
	g_assert_cmpuint(json_array_get_length(vulnerabilities), ==, 3);
	last =
	    json_object_get_object_member(json_array_get_object_element(vulnerabilities, 2), "cve");
	json_object_set_int_member(last, "id", 2023);
	json_generator_set_root(generator, json_parser_get_root(parser));
	text = json_generator_to_data(generator, NULL);
	broken = g_build_filename(dir, "cves-broken.json", NULL);
	g_assert_true(g_file_set_contents(broken, text, -1, &error));
	g_assert_no_error(error);

	store = new_store();
	stats = import(store, page, &failures);
	g_assert_cmpuint(stats.files, ==, 1);
	g_assert_cmpuint(stats.advisories, ==, 3);
	g_assert_cmpint(count_source(store, "nvd"), ==, 3);
	rows = count_rows(store);
	stats = import(store, broken, &failures);
	g_assert_cmpuint(stats.failed, ==, 1);
	g_assert_cmpuint(stats.advisories, ==, 0);
	g_assert_nonnull(strstr(failures.last_message, "vulnerabilities[2].cve.id"));
	g_assert_cmpint(count_rows(store), ==, rows);
	g_assert_cmpint(count_source(store, "nvd"), ==, 3);

	/* nor do the two good records of the broken page get in alone */
	fresh = new_store();
	stats = import(fresh, broken, &failures);
	g_assert_cmpuint(stats.failed, ==, 1);
	g_assert_cmpint(count_rows(fresh), ==, 0);
	ym_test_rm_rf(dir);
}

static void
test_csaf_hash(void)
{
	g_autofree gchar *document =
	    ym_test_shared_advisory("csaf/cisa-csaf-2024/icsa-24-214-07.json");
	g_autofree gchar *dir = NULL;
	g_autofree gchar *copy = NULL;
	g_autofree gchar *copy_hash = NULL;
	g_autofree gchar *hash = NULL;
	g_autofree gchar *contents = NULL;
	g_autofree gchar *tampered = NULL;
	g_autoptr(GError) error = NULL;
	gsize length = 0;

	if (document == NULL)
		return;
	dir = ym_test_make_tmpdir();
	copy = g_build_filename(dir, "icsa-24-214-07.json", NULL);
	copy_hash = g_strconcat(copy, ".sha512", NULL);
	hash = g_strconcat(document, ".sha512", NULL);
	copy_file(document, copy);
	copy_file(hash, copy_hash);

	/* the published digest matches: imported, the companion passed over */
	{
		g_autoptr(YmStore) store = new_store();
		g_auto(Failures) failures = {0};
		YmAdvisoryImportStats stats = import(store, dir, &failures);
		g_assert_cmpuint(stats.files, ==, 1);
		g_assert_cmpuint(stats.skipped, ==, 1);
		g_assert_cmpuint(stats.failed, ==, 0);
		g_assert_cmpint(count_source(store, "csaf"), ==, 1);
	}

	/* one byte more (still valid JSON): refused */
	g_assert_true(g_file_get_contents(document, &contents, &length, &error));
	g_assert_no_error(error);
	tampered = g_strconcat(contents, "\n", NULL);
	g_assert_true(g_file_set_contents(copy, tampered, -1, &error));
	g_assert_no_error(error);
	{
		g_autoptr(YmStore) store = new_store();
		g_auto(Failures) failures = {0};
		YmAdvisoryImportStats stats = import(store, dir, &failures);
		g_assert_cmpuint(stats.files, ==, 0);
		g_assert_cmpuint(stats.failed, ==, 1);
		g_assert_cmpint(failures.last_code, ==, YM_ERROR_SIGNATURE_INVALID);
		g_assert_cmpstr(failures.last_path, ==, copy);
		g_assert_cmpint(count_rows(store), ==, 0);
	}

	/* the document as published, a companion for other bytes: refused */
	copy_file(document, copy);
	g_assert_true(g_file_set_contents(
	    copy_hash,
	    "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
	    "000000000000000000000000000000000000000000000000  icsa-24-214-07.json\n",
	    -1, &error));
	g_assert_no_error(error);
	{
		g_autoptr(YmStore) store = new_store();
		g_auto(Failures) failures = {0};
		YmAdvisoryImportStats stats = import(store, copy, &failures);
		g_assert_cmpuint(stats.failed, ==, 1);
		g_assert_cmpint(failures.last_code, ==, YM_ERROR_SIGNATURE_INVALID);
		g_assert_cmpint(count_rows(store), ==, 0);
	}
	ym_test_rm_rf(dir);
}

static void
test_nested(void)
{
	g_autofree gchar *source = ym_test_shared_advisory(NULL);
	g_autofree gchar *dir = NULL;
	g_autofree gchar *deep = NULL;
	g_autofree gchar *too_deep = NULL;
	g_autoptr(YmStore) store = NULL;
	g_auto(Failures) failures = {0};
	YmAdvisoryImportStats stats;

	if (source == NULL)
		return;
	dir = ym_test_make_tmpdir();
	/* three levels down: read; ten: refused, as a loop of links would be */
	deep = g_build_filename(dir, "2023", "tp-link", "archer", NULL);
	too_deep = g_build_filename(dir, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", NULL);
	g_assert_cmpint(g_mkdir_with_parents(deep, 0700), ==, 0);
	g_assert_cmpint(g_mkdir_with_parents(too_deep, 0700), ==, 0);
	for (guint i = 0; i < 2; i++) {
		const gchar *folder = i == 0 ? deep : too_deep;
		g_autofree gchar *from = g_build_filename(source, "cve5", cve5_records[i], NULL);
		g_autofree gchar *to = g_build_filename(folder, cve5_records[i], NULL);
		copy_file(from, to);
	}
	{
		g_autofree gchar *from =
		    g_build_filename(source, "nvd", "CVE-2023-1389.json", NULL);
		g_autofree gchar *to = g_build_filename(dir, "2023", "nvd.json", NULL);
		copy_file(from, to);
	}
	store = new_store();
	stats = import(store, dir, &failures);
	g_assert_cmpuint(stats.files, ==, 2);
	g_assert_cmpuint(stats.failed, ==, 1);
	g_assert_nonnull(strstr(failures.last_message, "nested deeper"));
	g_assert_cmpint(count_source(store, "cve5"), ==, 1);
	g_assert_cmpint(count_source(store, "nvd"), ==, 1);
	ym_test_rm_rf(dir);
}

/* two files holding the same record: the later by name stays, whatever the
 * import before left (folders were once read in the order of their
 * entries' addresses, and a second import of the same folder changed the
 * JVN rows) */
static void
test_same_record_order(void)
{
	g_autofree gchar *record = ym_test_shared_advisory("cve5/CVE-2025-32002.json");
	g_autofree gchar *dir = NULL;
	g_autofree gchar *text = NULL;
	g_autoptr(JsonParser) parser = json_parser_new();
	g_autoptr(JsonGenerator) generator = json_generator_new();
	g_autoptr(GError) error = NULL;
	JsonObject *cna;
	JsonArray *affected;

	if (record == NULL)
		return;
	dir = ym_test_make_tmpdir();
	/* the CNA lists 8 HDL-T models; the trimmed copy keeps the first */
	g_assert_true(json_parser_load_from_file(parser, record, &error));
	g_assert_no_error(error);
	cna = json_object_get_object_member(
	    json_object_get_object_member(json_node_get_object(json_parser_get_root(parser)),
	                                  "containers"),
	    "cna");
	affected = json_object_get_array_member(cna, "affected");
	g_assert_cmpuint(json_array_get_length(affected), ==, 8);
	while (json_array_get_length(affected) > 1)
		json_array_remove_element(affected, 1);
	json_generator_set_root(generator, json_parser_get_root(parser));
	text = json_generator_to_data(generator, NULL);

	for (guint order = 0; order < 2; order++) {
		g_autofree gchar *full =
		    g_build_filename(dir, order == 0 ? "a.json" : "b.json", NULL);
		g_autofree gchar *trimmed =
		    g_build_filename(dir, order == 0 ? "b.json" : "a.json", NULL);
		g_autoptr(YmStore) store = new_store();
		g_auto(Failures) failures = {0};
		copy_file(record, full);
		g_assert_true(g_file_set_contents(trimmed, text, -1, &error));
		g_assert_no_error(error);
		gint64 expected_rows = order == 0 ? 1 : 8;
		for (guint i = 0; i < 3; i++) {
			YmAdvisoryImportStats stats = import(store, dir, &failures);
			g_assert_cmpuint(stats.files, ==, 2);
			g_assert_cmpint(count_source(store, "cve5"), ==, 1);
			g_assert_cmpint(count_rows(store), ==, expected_rows);
		}
	}
	ym_test_rm_rf(dir);
}

/* NVD keeps rejected CVEs as records: no advisory comes of them */
static void
test_rejected(void)
{
	g_autofree gchar *record = ym_test_shared_advisory("nvd/CVE-2023-1389.json");
	g_autofree gchar *dir = NULL;
	g_autofree gchar *path = NULL;
	g_autofree gchar *text = NULL;
	g_autoptr(JsonParser) parser = json_parser_new();
	g_autoptr(JsonGenerator) generator = json_generator_new();
	g_autoptr(YmStore) store = NULL;
	g_autoptr(GError) error = NULL;
	g_auto(Failures) failures = {0};
	YmAdvisoryImportStats stats;

	if (record == NULL)
		return;
	dir = ym_test_make_tmpdir();
	g_assert_true(json_parser_load_from_file(parser, record, &error));
	g_assert_no_error(error);
	json_object_set_string_member(json_node_get_object(json_parser_get_root(parser)),
	                              "vulnStatus", "Rejected");
	json_generator_set_root(generator, json_parser_get_root(parser));
	text = json_generator_to_data(generator, NULL);
	path = g_build_filename(dir, "rejected.json", NULL);
	g_assert_true(g_file_set_contents(path, text, -1, &error));
	g_assert_no_error(error);
	store = new_store();
	stats = import(store, path, &failures);
	g_assert_cmpuint(stats.files, ==, 1);
	g_assert_cmpuint(stats.failed, ==, 0);
	g_assert_cmpuint(stats.advisories, ==, 0);
	g_assert_cmpint(count_rows(store), ==, 0);
	ym_test_rm_rf(dir);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/advisory-import/whole-folder", test_whole_folder);
	g_test_add_func("/ym/advisory-import/corrupt-file", test_corrupt_file);
	g_test_add_func("/ym/advisory-import/page-all-or-nothing", test_page_all_or_nothing);
	g_test_add_func("/ym/advisory-import/csaf-hash", test_csaf_hash);
	g_test_add_func("/ym/advisory-import/nested", test_nested);
	g_test_add_func("/ym/advisory-import/rejected", test_rejected);
	g_test_add_func("/ym/advisory-import/same-record-order", test_same_record_order);
	return g_test_run();
}
