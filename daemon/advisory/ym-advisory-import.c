/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* offline import: any advisory file or folder, told apart by content */

#define G_LOG_DOMAIN "YmAdvisoryImport"

#include "config.h"

#include "ym-advisory-import.h"

#include <string.h>

#include "ym-advisory-csaf.h"
#include "ym-advisory-cve5.h"
#include "ym-advisory-db.h"
#include "ym-advisory-jvn.h"
#include "ym-advisory-kev.h"
#include "ym-advisory-nvd.h"
#include "ym-csaf-provider.h"
#include "ym-error.h"

/* no advisory file we know comes near this */
#define YM_IMPORT_MAX_FILE  (256 * 1024 * 1024)
#define YM_IMPORT_MAX_DEPTH 8

static const gchar *const format_names[] = {
    "unknown", "jvn-vuldef", "jvn-rss", "jvn-json", "kev", "nvd", "cve5", "csaf",
};

const gchar *
ym_advisory_format_to_string(YmAdvisoryFormat format)
{
	if ((guint) format >= G_N_ELEMENTS(format_names))
		return format_names[0];
	return format_names[format];
}

/* the first bytes that are not a BOM or white space */
static const gchar *
skip_blank(const gchar *data, gsize length, gsize *rest)
{
	gsize i = 0;
	if (length >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < length && g_ascii_isspace(data[i]))
		i++;
	*rest = length - i;
	return data + i;
}

static gboolean
head_contains(const gchar *data, gsize length, const gchar *needle)
{
	return g_strstr_len(data, MIN(length, 4096), needle) != NULL;
}

YmAdvisoryFormat
ym_advisory_format_detect(const gchar *data, gsize length)
{
	gsize rest = 0;
	const gchar *start = skip_blank(data, length, &rest);

	if (rest == 0)
		return YM_ADVISORY_FORMAT_UNKNOWN;
	if (start[0] == '<') {
		if (!ym_advisory_jvn_sniff(start, rest))
			return YM_ADVISORY_FORMAT_UNKNOWN;
		if (head_contains(start, rest, "Vulinfo") || head_contains(start, rest, "VULDEF"))
			return YM_ADVISORY_FORMAT_JVN_VULDEF;
		return YM_ADVISORY_FORMAT_JVN_RSS;
	}
	if (start[0] != '{')
		return YM_ADVISORY_FORMAT_UNKNOWN;
	if (ym_advisory_kev_sniff(start, rest))
		return YM_ADVISORY_FORMAT_KEV;
	/* before CSAF: MyJVN's CSAF-like documents are JVN's own */
	if (ym_advisory_jvn_sniff(start, rest))
		return YM_ADVISORY_FORMAT_JVN_JSON;
	if (ym_advisory_csaf_sniff(start, rest))
		return YM_ADVISORY_FORMAT_CSAF;
	if (ym_advisory_cve5_sniff(start, rest))
		return YM_ADVISORY_FORMAT_CVE5;
	if (ym_advisory_nvd_sniff(start, rest))
		return YM_ADVISORY_FORMAT_NVD;
	return YM_ADVISORY_FORMAT_UNKNOWN;
}

typedef struct {
	YmStore *store;
	guint count;
} YmImportSink;

static gboolean
store_advisory(YmAdvisory *advisory, gpointer user_data, GError **error)
{
	YmImportSink *sink = user_data;
	if (!ym_advisory_db_put(sink->store, advisory, error))
		return FALSE;
	sink->count++;
	return TRUE;
}

static gboolean
parse_format(YmAdvisoryFormat format,
             const gchar *data,
             gsize length,
             YmImportSink *sink,
             GError **error)
{
	switch (format) {
	case YM_ADVISORY_FORMAT_JVN_VULDEF:
		return ym_advisory_parse_jvn_vuldef(data, length, store_advisory, sink, error);
	case YM_ADVISORY_FORMAT_JVN_RSS:
		return ym_advisory_parse_jvn_rss(data, length, store_advisory, sink, error);
	case YM_ADVISORY_FORMAT_JVN_JSON:
		return ym_advisory_parse_jvn_json(data, length, store_advisory, sink, error);
	case YM_ADVISORY_FORMAT_KEV: {
		g_auto(YmKevInfo) info = {0};
		return ym_advisory_parse_kev(data, length, &info, store_advisory, sink, error);
	}
	case YM_ADVISORY_FORMAT_NVD:
		return ym_advisory_parse_nvd(data, length, NULL, store_advisory, sink, error);
	case YM_ADVISORY_FORMAT_CVE5:
		return ym_advisory_parse_cve5(data, length, store_advisory, sink, error);
	case YM_ADVISORY_FORMAT_CSAF:
		return ym_advisory_parse_csaf(data, length, store_advisory, sink, error);
	case YM_ADVISORY_FORMAT_UNKNOWN:
	default:
		g_set_error_literal(error, YM_ERROR, YM_ERROR_NOT_SUPPORTED,
		                    "not an advisory format Yamori reads");
		return FALSE;
	}
}

gboolean
ym_advisory_import_data(YmStore *store,
                        YmAdvisoryFormat format,
                        const gchar *data,
                        gsize length,
                        guint *n_advisories,
                        GError **error)
{
	YmImportSink sink = {.store = store};
	g_autoptr(GError) error_local = NULL;

	g_return_val_if_fail(YM_IS_STORE(store), FALSE);
	if (!ym_store_exec(store, "SAVEPOINT import_document;", error))
		return FALSE;
	if (!parse_format(format, data, length, &sink, &error_local)) {
		/* the store keeps what it had of this document */
		if (!ym_store_exec(store, "ROLLBACK TO import_document; RELEASE import_document;",
		                   error))
			return FALSE;
		g_propagate_error(error, g_steal_pointer(&error_local));
		return FALSE;
	}
	if (!ym_store_exec(store, "RELEASE import_document;", error))
		return FALSE;
	if (n_advisories != NULL)
		*n_advisories += sink.count;
	return TRUE;
}

/* a CSAF document's published .sha512 / .sha256 next to it must agree */
static gboolean
check_companion_hash(const gchar *path, const gchar *data, gsize length, GError **error)
{
	static const gchar *const suffixes[] = {".sha512", ".sha256"};
	for (guint i = 0; i < G_N_ELEMENTS(suffixes); i++) {
		g_autofree gchar *hash_path = g_strconcat(path, suffixes[i], NULL);
		g_autofree gchar *hash = NULL;
		gsize hash_length = 0;
		if (!g_file_test(hash_path, G_FILE_TEST_IS_REGULAR))
			continue;
		if (!g_file_get_contents(hash_path, &hash, &hash_length, error))
			return FALSE;
		return ym_csaf_check_hash(data, length, hash, hash_length, error);
	}
	return TRUE;
}

static gboolean
import_file(YmStore *store, const gchar *path, YmAdvisoryImportStats *stats, GError **error)
{
	g_autoptr(GMappedFile) mapped = NULL;
	const gchar *data;
	gsize length;
	YmAdvisoryFormat format;

	mapped = g_mapped_file_new(path, FALSE, error);
	if (mapped == NULL)
		return FALSE;
	data = g_mapped_file_get_contents(mapped);
	length = g_mapped_file_get_length(mapped);
	if (length > YM_IMPORT_MAX_FILE) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%zu bytes is larger than any advisory file (%u MiB at most)", length,
		            YM_IMPORT_MAX_FILE / (1024 * 1024));
		return FALSE;
	}
	format = length > 0 ? ym_advisory_format_detect(data, length) : YM_ADVISORY_FORMAT_UNKNOWN;
	if (format == YM_ADVISORY_FORMAT_UNKNOWN) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_NOT_SUPPORTED,
		                    "not an advisory format Yamori reads (JVN, KEV, NVD, CVE 5, "
		                    "CSAF)");
		return FALSE;
	}
	if (format == YM_ADVISORY_FORMAT_CSAF && !check_companion_hash(path, data, length, error))
		return FALSE;
	return ym_advisory_import_data(store, format, data, length, &stats->advisories, error);
}

/* files next to advisories that are not advisories themselves */
static gboolean
is_companion(const gchar *name)
{
	static const gchar *const suffixes[] = {
	    ".asc", ".sha256", ".sha512", ".md", ".txt", ".csv", ".sig", ".minisig", ".schema.json",
	};
	for (guint i = 0; i < G_N_ELEMENTS(suffixes); i++) {
		if (g_str_has_suffix(name, suffixes[i]))
			return TRUE;
	}
	return g_str_has_suffix(name, "_schema.json") || g_strcmp0(name, "LICENSE") == 0 ||
	       g_str_has_prefix(name, "LICENSE");
}

static void
report_failure(const gchar *path,
               GError *error,
               YmAdvisoryImportStats *stats,
               YmAdvisoryImportFunc failed_func,
               gpointer user_data)
{
	stats->failed++;
	if (failed_func != NULL)
		failed_func(path, error, user_data);
	else
		g_warning("%s: %s", path, error->message);
}

/* g_ptr_array_sort() hands the comparison pointers to the elements */
static gint
compare_names(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(*(const gchar *const *) a, *(const gchar *const *) b);
}

static gboolean
import_tree(YmStore *store,
            const gchar *path,
            guint depth,
            YmAdvisoryImportStats *stats,
            YmAdvisoryImportFunc failed_func,
            gpointer user_data,
            GError **error)
{
	g_autoptr(GDir) dir = NULL;
	g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GError) error_local = NULL;
	const gchar *name;

	if (!g_file_test(path, G_FILE_TEST_IS_DIR)) {
		if (import_file(store, path, stats, &error_local)) {
			stats->files++;
			return TRUE;
		}
		/* the store failing is not the file's fault: stop */
		if (error_local->code == YM_ERROR_WRITE) {
			g_propagate_prefixed_error(error, g_steal_pointer(&error_local),
			                           "%s: ", path);
			return FALSE;
		}
		/* in a folder, files that hold no advisories (product lists,
		 * statistics, other formats) are passed over, not failures */
		if (depth > 0 && error_local->code == YM_ERROR_NOT_SUPPORTED) {
			g_debug("%s: skipped: %s", path, error_local->message);
			stats->skipped++;
			return TRUE;
		}
		report_failure(path, error_local, stats, failed_func, user_data);
		return TRUE;
	}
	if (depth > YM_IMPORT_MAX_DEPTH) {
		g_set_error(&error_local, YM_ERROR, YM_ERROR_NOT_SUPPORTED,
		            "folders nested deeper than %u levels are not read",
		            YM_IMPORT_MAX_DEPTH);
		report_failure(path, error_local, stats, failed_func, user_data);
		return TRUE;
	}
	dir = g_dir_open(path, 0, &error_local);
	if (dir == NULL) {
		report_failure(path, error_local, stats, failed_func, user_data);
		return TRUE;
	}
	while ((name = g_dir_read_name(dir)) != NULL)
		g_ptr_array_add(names, g_strdup(name));
	/* in name order: when two files hold the same record, the later one's
	 * rows stay, and that must not change from one import to the next */
	g_ptr_array_sort(names, compare_names);
	for (guint i = 0; i < names->len; i++) {
		const gchar *entry = g_ptr_array_index(names, i);
		g_autofree gchar *child = g_build_filename(path, entry, NULL);
		gboolean is_dir = g_file_test(child, G_FILE_TEST_IS_DIR);

		if (entry[0] == '.')
			continue;
		if (!is_dir && is_companion(entry)) {
			stats->skipped++;
			continue;
		}
		if (!import_tree(store, child, depth + 1, stats, failed_func, user_data, error))
			return FALSE;
	}
	return TRUE;
}

gboolean
ym_advisory_import_path(YmStore *store,
                        const gchar *path,
                        YmAdvisoryImportStats *stats,
                        YmAdvisoryImportFunc failed_func,
                        gpointer user_data,
                        GError **error)
{
	g_return_val_if_fail(YM_IS_STORE(store), FALSE);
	memset(stats, 0, sizeof(*stats));
	if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
		g_set_error(error, YM_ERROR, YM_ERROR_NOT_FOUND, "%s: no such file or folder",
		            path);
		return FALSE;
	}
	if (!ym_store_begin(store, error))
		return FALSE;
	if (!import_tree(store, path, 0, stats, failed_func, user_data, error)) {
		ym_store_rollback(store);
		return FALSE;
	}
	if (!ym_store_commit(store, error)) {
		ym_store_rollback(store);
		return FALSE;
	}
	return TRUE;
}
