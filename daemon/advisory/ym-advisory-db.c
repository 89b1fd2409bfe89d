/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * the advisories table: one normalised row per (advisory, CVE, product)
 * whatever the source, replaced per record so a re-import is idempotent
 */

#define G_LOG_DOMAIN "YmAdvisoryDb"

#include "config.h"

#include "ym-advisory-db.h"

#include <sqlite3.h>

#include "ym-error.h"
#include "ym-version.h"

static const gchar *const sql_delete_record =
    "DELETE FROM advisories WHERE source = ?1 AND advisory_id = ?2";

static const gchar *const sql_insert_row =
    "INSERT INTO advisories (source, advisory_id, cve, status, vendor, product, cpe, "
    "platform_cpe, hw_rev, all_versions, version_exact, version_start, start_inclusive, "
    "version_end, end_inclusive, structured, version_text, fixed_version, remediation, "
    "remediation_url, cvss, cvss_vector, kev, end_of_life, title_en, title_ja, summary_en, "
    "summary_ja, published, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
    "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, "
    "?29, ?30)";

/* the bounds of one product: the record's own, or read from its words */
typedef struct {
	gboolean all_versions;
	const gchar *exact;
	const gchar *start;
	gboolean start_inclusive;
	const gchar *end;
	gboolean end_inclusive;
	gboolean structured;
} YmRowRange;

static void
row_range_init(YmRowRange *row, const YmAdvisoryProduct *product, YmVersionRange *parsed)
{
	row->all_versions = product->all_versions;
	row->exact = product->version_exact;
	row->start = product->version_start;
	row->start_inclusive = product->start_inclusive;
	row->end = product->version_end;
	row->end_inclusive = product->end_inclusive;
	row->structured = TRUE;
	if (row->all_versions || row->exact != NULL || row->start != NULL || row->end != NULL)
		return;
	if (product->version_text == NULL ||
	    !ym_version_range_parse_text(product->version_text, parsed))
		return;
	row->all_versions = parsed->all_versions;
	row->exact = parsed->exact;
	row->start = parsed->start;
	row->start_inclusive = parsed->start_inclusive;
	row->end = parsed->end;
	row->end_inclusive = parsed->end_inclusive;
	row->structured = FALSE;
}

static gboolean
insert_row(YmStore *store,
           const YmAdvisory *advisory,
           const YmAdvisoryProduct *product,
           const YmRowRange *range,
           const gchar *cve,
           GError **error)
{
	gpointer stmt = ym_store_prepare(store, sql_insert_row, error);
	if (stmt == NULL)
		return FALSE;
	ym_store_bind_text(stmt, 1, ym_advisory_source_to_string(advisory->source));
	ym_store_bind_text(stmt, 2, advisory->id);
	ym_store_bind_text(stmt, 3, cve);
	ym_store_bind_text(stmt, 4, ym_product_status_to_string(product->status));
	ym_store_bind_text(stmt, 5, product->vendor);
	ym_store_bind_text(stmt, 6, product->product);
	ym_store_bind_text(stmt, 7, product->cpe);
	ym_store_bind_text(stmt, 8, product->platform_cpe);
	ym_store_bind_text(stmt, 9, product->hw_rev);
	ym_store_bind_int64(stmt, 10, range->all_versions);
	ym_store_bind_text(stmt, 11, range->exact);
	ym_store_bind_text(stmt, 12, range->start);
	ym_store_bind_int64(stmt, 13, range->start_inclusive);
	ym_store_bind_text(stmt, 14, range->end);
	ym_store_bind_int64(stmt, 15, range->end_inclusive);
	ym_store_bind_int64(stmt, 16, range->structured);
	ym_store_bind_text(stmt, 17, product->version_text);
	ym_store_bind_text(stmt, 18, product->fixed_version);
	ym_store_bind_text(stmt, 19, ym_remediation_to_string(advisory->remediation));
	ym_store_bind_text(stmt, 20, advisory->remediation_url);
	sqlite3_bind_double(stmt, 21, advisory->cvss);
	ym_store_bind_text(stmt, 22, advisory->cvss_vector);
	ym_store_bind_int64(stmt, 23, advisory->kev);
	ym_store_bind_int64(stmt, 24, advisory->end_of_life);
	ym_store_bind_text(stmt, 25, advisory->title_en);
	ym_store_bind_text(stmt, 26, advisory->title_ja);
	ym_store_bind_text(stmt, 27, advisory->summary_en);
	ym_store_bind_text(stmt, 28, advisory->summary_ja);
	ym_store_bind_int64(stmt, 29, advisory->published);
	ym_store_bind_int64(stmt, 30, advisory->modified);
	return ym_store_step(store, stmt, error);
}

/* a record without products still tells its CVEs (and KEV marks them) */
static const YmAdvisoryProduct no_product = {.status = YM_PRODUCT_STATUS_AFFECTED};

gboolean
ym_advisory_db_put(YmStore *store, const YmAdvisory *advisory, GError **error)
{
	gpointer stmt;

	g_return_val_if_fail(YM_IS_STORE(store), FALSE);
	g_return_val_if_fail(advisory != NULL && advisory->id != NULL, FALSE);

	stmt = ym_store_prepare(store, sql_delete_record, error);
	if (stmt == NULL)
		return FALSE;
	ym_store_bind_text(stmt, 1, ym_advisory_source_to_string(advisory->source));
	ym_store_bind_text(stmt, 2, advisory->id);
	if (!ym_store_step(store, stmt, error))
		return FALSE;

	for (guint i = 0; i == 0 || i < advisory->products->len; i++) {
		const YmAdvisoryProduct *product = advisory->products->len > 0
		                                       ? g_ptr_array_index(advisory->products, i)
		                                       : &no_product;
		g_auto(YmVersionRange) parsed = {0};
		YmRowRange range = {0};

		row_range_init(&range, product, &parsed);
		if (product->cve != NULL) {
			if (!insert_row(store, advisory, product, &range, product->cve, error))
				return FALSE;
			continue;
		}
		for (guint j = 0; j == 0 || j < advisory->cves->len; j++) {
			const gchar *cve =
			    advisory->cves->len > 0 ? g_ptr_array_index(advisory->cves, j) : NULL;
			if (!insert_row(store, advisory, product, &range, cve, error))
				return FALSE;
		}
	}
	return TRUE;
}

static gint64
count_query(YmStore *store, const gchar *sql, const gchar *arg, GError **error)
{
	gpointer stmt = ym_store_prepare(store, sql, error);
	gint64 count;
	gint rc;

	if (stmt == NULL)
		return -1;
	if (arg != NULL)
		ym_store_bind_text(stmt, 1, arg);
	rc = ym_store_step_row(store, stmt, error);
	if (rc < 0)
		return -1;
	count = rc > 0 ? sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_reset(stmt);
	return count;
}

gint64
ym_advisory_db_count(YmStore *store, const gchar *source, GError **error)
{
	g_return_val_if_fail(YM_IS_STORE(store), -1);
	if (source == NULL)
		return count_query(store, "SELECT count(*) FROM advisories", NULL, error);
	return count_query(store, "SELECT count(*) FROM advisories WHERE source = ?1", source,
	                   error);
}

gint64
ym_advisory_db_count_records(YmStore *store, GError **error)
{
	g_return_val_if_fail(YM_IS_STORE(store), -1);
	return count_query(
	    store, "SELECT count(*) FROM (SELECT DISTINCT source, advisory_id FROM advisories)",
	    NULL, error);
}

gint64
ym_advisory_db_count_source_records(YmStore *store, const gchar *source, GError **error)
{
	g_return_val_if_fail(YM_IS_STORE(store), -1);
	g_return_val_if_fail(source != NULL, -1);
	return count_query(store,
	                   "SELECT count(DISTINCT advisory_id) FROM advisories WHERE source = ?1",
	                   source, error);
}

void
ym_advisory_feed_clear(YmAdvisoryFeed *feed)
{
	g_clear_pointer(&feed->url, g_free);
	g_clear_pointer(&feed->source, g_free);
	g_clear_pointer(&feed->etag, g_free);
	g_clear_pointer(&feed->last_modified, g_free);
	g_clear_pointer(&feed->high_water, g_free);
	g_clear_pointer(&feed->last_error, g_free);
	feed->last_attempt = 0;
	feed->last_success = 0;
	feed->records = 0;
}

static gchar *
column_text(gpointer stmt, gint column)
{
	return g_strdup((const gchar *) sqlite3_column_text(stmt, column));
}

static const gchar *const sql_feed_columns =
    "SELECT url, source, etag, last_modified, high_water, last_attempt, last_success, "
    "last_error, records FROM advisory_feeds";

static void
read_feed(gpointer stmt, YmAdvisoryFeed *feed)
{
	feed->url = column_text(stmt, 0);
	feed->source = column_text(stmt, 1);
	feed->etag = column_text(stmt, 2);
	feed->last_modified = column_text(stmt, 3);
	feed->high_water = column_text(stmt, 4);
	feed->last_attempt = sqlite3_column_int64(stmt, 5);
	feed->last_success = sqlite3_column_int64(stmt, 6);
	feed->last_error = column_text(stmt, 7);
	feed->records = sqlite3_column_int64(stmt, 8);
}

gboolean
ym_advisory_db_get_feed(YmStore *store, const gchar *url, YmAdvisoryFeed *feed, GError **error)
{
	g_autofree gchar *sql = g_strconcat(sql_feed_columns, " WHERE url = ?1", NULL);
	gpointer stmt;
	gint rc;

	g_return_val_if_fail(YM_IS_STORE(store), FALSE);
	ym_advisory_feed_clear(feed);
	stmt = ym_store_prepare(store, sql, error);
	if (stmt == NULL)
		return FALSE;
	ym_store_bind_text(stmt, 1, url);
	rc = ym_store_step_row(store, stmt, error);
	if (rc < 0)
		return FALSE;
	if (rc == 0) {
		feed->url = g_strdup(url);
		return TRUE;
	}
	read_feed(stmt, feed);
	sqlite3_reset(stmt);
	return TRUE;
}

static void
feed_free(YmAdvisoryFeed *feed)
{
	ym_advisory_feed_clear(feed);
	g_free(feed);
}

GPtrArray *
ym_advisory_db_list_feeds(YmStore *store, GError **error)
{
	g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func((GDestroyNotify) feed_free);
	g_autofree gchar *sql = g_strconcat(sql_feed_columns, " ORDER BY source, url", NULL);
	gpointer stmt;
	gint rc;

	g_return_val_if_fail(YM_IS_STORE(store), NULL);
	stmt = ym_store_prepare(store, sql, error);
	if (stmt == NULL)
		return NULL;
	while ((rc = ym_store_step_row(store, stmt, error)) > 0) {
		YmAdvisoryFeed *feed = g_new0(YmAdvisoryFeed, 1);
		read_feed(stmt, feed);
		g_ptr_array_add(feeds, feed);
	}
	if (rc < 0)
		return NULL;
	return g_steal_pointer(&feeds);
}

gboolean
ym_advisory_db_set_feed(YmStore *store, const YmAdvisoryFeed *feed, GError **error)
{
	gpointer stmt;

	g_return_val_if_fail(YM_IS_STORE(store), FALSE);
	stmt = ym_store_prepare(
	    store,
	    "INSERT OR REPLACE INTO advisory_feeds (url, source, etag, last_modified, high_water, "
	    "last_attempt, last_success, last_error, records) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, ?8, ?9)",
	    error);
	if (stmt == NULL)
		return FALSE;
	ym_store_bind_text(stmt, 1, feed->url);
	ym_store_bind_text(stmt, 2, feed->source != NULL ? feed->source : "");
	ym_store_bind_text(stmt, 3, feed->etag);
	ym_store_bind_text(stmt, 4, feed->last_modified);
	ym_store_bind_text(stmt, 5, feed->high_water);
	ym_store_bind_int64(stmt, 6, feed->last_attempt);
	ym_store_bind_int64(stmt, 7, feed->last_success);
	ym_store_bind_text(stmt, 8, feed->last_error);
	ym_store_bind_int64(stmt, 9, feed->records);
	return ym_store_step(store, stmt, error);
}

gboolean
ym_advisory_db_set_identity(YmStore *store,
                            const gchar *mac,
                            const gchar *vendor,
                            const gchar *model,
                            const gchar *hw_rev,
                            const gchar *firmware,
                            gint64 now,
                            GError **error)
{
	gpointer stmt;

	g_return_val_if_fail(YM_IS_STORE(store), FALSE);
	if (vendor == NULL && model == NULL && hw_rev == NULL && firmware == NULL) {
		stmt = ym_store_prepare(store, "DELETE FROM device_identity WHERE mac = ?1", error);
		if (stmt == NULL)
			return FALSE;
		ym_store_bind_text(stmt, 1, mac);
		return ym_store_step(store, stmt, error);
	}
	/* a resident who updated the firmware names only the firmware: the
	 * model set before stays */
	stmt =
	    ym_store_prepare(store,
	                     "INSERT INTO device_identity (mac, vendor, model, hw_rev, firmware, "
	                     "set_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (mac) DO "
	                     "UPDATE SET vendor = coalesce(excluded.vendor, vendor), model = "
	                     "coalesce(excluded.model, model), hw_rev = coalesce(excluded.hw_rev, "
	                     "hw_rev), firmware = coalesce(excluded.firmware, firmware), set_at = "
	                     "excluded.set_at",
	                     error);
	if (stmt == NULL)
		return FALSE;
	ym_store_bind_text(stmt, 1, mac);
	ym_store_bind_text(stmt, 2, vendor);
	ym_store_bind_text(stmt, 3, model);
	ym_store_bind_text(stmt, 4, hw_rev);
	ym_store_bind_text(stmt, 5, firmware);
	ym_store_bind_int64(stmt, 6, now);
	return ym_store_step(store, stmt, error);
}
