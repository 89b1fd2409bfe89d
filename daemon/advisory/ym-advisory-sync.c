/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * fetching the advisory feeds: every download goes to a temporary file,
 * is checked (hash, size, parse, no roll-back), and only then replaces the
 * source's rows, in one transaction per source; nothing about the home's
 * devices is ever sent, so whole feeds are fetched and matched locally
 */

#define G_LOG_DOMAIN "YmAdvisorySync"

#include "config.h"

#include "ym-advisory-sync.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "ym-advisory-db.h"
#include "ym-advisory-import.h"
#include "ym-advisory-jvn.h"
#include "ym-advisory-kev.h"
#include "ym-advisory-nvd.h"
#include "ym-csaf-provider.h"
#include "ym-csaf-signature.h"
#include "ym-error.h"
#include "ym-fetcher.h"
#include "ym-rate-limiter.h"
#include "ym-version.h"

/* NVD: at most 120 days per request, 2000 records per page */
#define YM_NVD_WINDOW_DAYS 120
#define YM_NVD_PAGE_SIZE   2000
#define YM_NVD_MAX_PAGES   1000

/* MyJVN HND: at most 50 entries per overview page and 10 per detail
 * request (getVulnOverviewList and getVulnDetailInfo pages) */
#define YM_JVN_API_PAGE_SIZE    50
#define YM_JVN_API_MAX_PAGES    1000
#define YM_JVN_API_MAX_IDS      (YM_JVN_API_PAGE_SIZE * YM_JVN_API_MAX_PAGES)
#define YM_JVN_API_DETAIL_BATCH 10

struct _YmAdvisorySync {
	GObject parent_instance;
	/* owned */
	YmStore *store;
	YmAdvisoryConfig config;
	YmFetcher *fetcher;
	YmRateLimiter *nvd_limiter;     /* the NVD's published limit without a key */
	YmRateLimiter *nvd_limiter_key; /* and with one */
	YmRateLimiter *jvn_api_limiter;
	gchar *work_dir;
	guint n_downloads;
	gchar **headers; /* extra request headers: the NVD key, during NVD fetches */
	gboolean retries_set;
	guint max_retries;
	guint base_delay_ms;
	guint max_delay_ms;
	/* borrowed */
	YmAdvisorySyncProgressFunc progress_func;
	gpointer progress_data;
};

G_DEFINE_TYPE(YmAdvisorySync, ym_advisory_sync, G_TYPE_OBJECT)

static const gchar *const accept_json[] = {"application/json", NULL};
static const gchar *const accept_xml[] = {"application/rdf+xml", "application/xml", "text/xml",
                                          NULL};

G_GNUC_PRINTF(2, 3)
static void
progress(YmAdvisorySync *self, const gchar *format, ...)
{
	g_autofree gchar *line = NULL;
	va_list args;
	va_start(args, format);
	line = g_strdup_vprintf(format, args);
	va_end(args);
	g_info("%s", line);
	if (self->progress_func != NULL)
		self->progress_func(line, self->progress_data);
}

void
ym_advisory_sync_set_progress_func(YmAdvisorySync *self,
                                   YmAdvisorySyncProgressFunc func,
                                   gpointer user_data)
{
	g_return_if_fail(YM_IS_ADVISORY_SYNC(self));
	self->progress_func = func;
	self->progress_data = user_data;
}

const YmAdvisoryConfig *
ym_advisory_sync_get_config(YmAdvisorySync *self)
{
	g_return_val_if_fail(YM_IS_ADVISORY_SYNC(self), NULL);
	return &self->config;
}

static void
apply_config(YmAdvisorySync *self)
{
	g_clear_object(&self->fetcher);
	self->fetcher = ym_fetcher_new();
	if (self->config.ca_file != NULL)
		ym_fetcher_set_ca_file(self->fetcher, self->config.ca_file);
	if (self->config.proxy != NULL)
		ym_fetcher_set_proxy(self->fetcher, self->config.proxy);
	ym_fetcher_set_timeouts(self->fetcher, 15, self->config.timeout_seconds);
	ym_fetcher_set_max_size(self->fetcher, (gsize) self->config.max_size_mb * 1024 * 1024);
	if (self->retries_set)
		ym_fetcher_set_retries(self->fetcher, self->max_retries, self->base_delay_ms,
		                       self->max_delay_ms);
}

void
ym_advisory_sync_set_fetcher_retries(YmAdvisorySync *self,
                                     guint max_retries,
                                     guint base_delay_ms,
                                     guint max_delay_ms)
{
	g_return_if_fail(YM_IS_ADVISORY_SYNC(self));
	self->retries_set = TRUE;
	self->max_retries = max_retries;
	self->base_delay_ms = base_delay_ms;
	self->max_delay_ms = max_delay_ms;
	if (self->fetcher != NULL)
		ym_fetcher_set_retries(self->fetcher, max_retries, base_delay_ms, max_delay_ms);
}

gboolean
ym_advisory_sync_load_config(YmAdvisorySync *self, const gchar *path, GError **error)
{
	g_autofree gchar *data = NULL;
	gsize length = 0;

	g_return_val_if_fail(YM_IS_ADVISORY_SYNC(self), FALSE);
	ym_advisory_config_clear(&self->config);
	ym_advisory_config_init(&self->config);
	if (path == NULL && g_file_test(YM_CONFIG_FILE, G_FILE_TEST_EXISTS))
		path = YM_CONFIG_FILE;
	if (path != NULL) {
		if (!g_file_get_contents(path, &data, &length, error))
			return FALSE;
		if (!ym_advisory_config_load_data(&self->config, path, data, length, error))
			return FALSE;
	}
	apply_config(self);
	return TRUE;
}

/* the URL without its query: it may carry a key */
static gchar *
url_for_humans(const gchar *url)
{
	const gchar *query = strchr(url, '?');
	return query != NULL ? g_strndup(url, (gsize) (query - url)) : g_strdup(url);
}

/* a folder of this syncer's own: the daemon and yamorictl may sync the
 * same store at once, and must not replace or delete each other's
 * downloads */
/* a sync killed mid-way leaves its folder; a day later nothing can still
 * be writing there */
static void
remove_stale_runs(const gchar *parent)
{
	g_autoptr(GDir) dir = g_dir_open(parent, 0, NULL);
	gint64 now = g_get_real_time() / G_USEC_PER_SEC;
	const gchar *name;

	while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
		g_autofree gchar *run = g_build_filename(parent, name, NULL);
		g_autoptr(GDir) files = NULL;
		const gchar *file;
		GStatBuf st;

		if (!g_str_has_prefix(name, "run-") || g_lstat(run, &st) != 0 ||
		    !S_ISDIR(st.st_mode) || now - st.st_mtime < 24 * 3600)
			continue;
		files = g_dir_open(run, 0, NULL);
		while (files != NULL && (file = g_dir_read_name(files)) != NULL) {
			g_autofree gchar *path = g_build_filename(run, file, NULL);
			g_unlink(path);
		}
		if (g_rmdir(run) == 0)
			g_info("removed %s, left by an interrupted sync", run);
	}
}

static gboolean
ensure_work_dir(YmAdvisorySync *self, GError **error)
{
	const gchar *state_dir = ym_store_get_dir(self->store);
	g_autofree gchar *parent = NULL;
	g_autofree gchar *work_dir = NULL;

	if (self->work_dir != NULL)
		return TRUE;
	if (state_dir == NULL) {
		self->work_dir = g_dir_make_tmp("yamori-sync-XXXXXX", error);
		return self->work_dir != NULL;
	}
	parent = g_build_filename(state_dir, "advisory-downloads", NULL);
	if (g_mkdir_with_parents(parent, 0700) != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "cannot create %s: %s", parent,
		            g_strerror(errno));
		return FALSE;
	}
	remove_stale_runs(parent);
	work_dir = g_build_filename(parent, "run-XXXXXX", NULL);
	if (g_mkdtemp_full(work_dir, 0700) == NULL) {
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "cannot create %s: %s", work_dir,
		            g_strerror(errno));
		return FALSE;
	}
	self->work_dir = g_steal_pointer(&work_dir);
	return TRUE;
}

/* a download into the work folder; *@path NULL and TRUE when the server
 * says nothing changed since @feed's validators */
static gboolean
fetch_file(YmAdvisorySync *self,
           const gchar *url,
           const gchar *const *accept,
           YmAdvisoryFeed *feed,
           gchar **path,
           GError **error)
{
	g_autofree gchar *dest = NULL;
	g_auto(YmFetchValidators) validators = {0};
	YmFetchResult result = YM_FETCH_RESULT_OK;

	*path = NULL;
	if (!ensure_work_dir(self, error))
		return FALSE;
	dest = g_strdup_printf("%s/download-%u", self->work_dir, self->n_downloads++);
	if (feed != NULL) {
		validators.etag = g_strdup(feed->etag);
		validators.last_modified = g_strdup(feed->last_modified);
	}
	if (!ym_fetcher_fetch_full(self->fetcher, url, accept, (const gchar *const *) self->headers,
	                           feed != NULL ? &validators : NULL, dest, &result, NULL, error))
		return FALSE;
	if (result == YM_FETCH_RESULT_NOT_MODIFIED)
		return TRUE;
	if (feed != NULL) {
		g_free(feed->etag);
		feed->etag = g_steal_pointer(&validators.etag);
		g_free(feed->last_modified);
		feed->last_modified = g_steal_pointer(&validators.last_modified);
	}
	*path = g_steal_pointer(&dest);
	return TRUE;
}

/* as fetch_file(), read back whole: for the small indexes */
static gboolean
fetch_bytes(YmAdvisorySync *self,
            const gchar *url,
            const gchar *const *accept,
            YmAdvisoryFeed *feed,
            GBytes **contents,
            GError **error)
{
	g_autofree gchar *path = NULL;
	g_autofree gchar *data = NULL;
	gsize length = 0;

	*contents = NULL;
	if (!fetch_file(self, url, accept, feed, &path, error))
		return FALSE;
	if (path == NULL)
		return TRUE;
	if (!g_file_get_contents(path, &data, &length, error))
		return FALSE;
	g_unlink(path);
	*contents = g_bytes_new_take(g_steal_pointer(&data), length);
	return TRUE;
}

/* what a source run leaves in its feed row, success or not */
static void
finish_feed(YmAdvisorySync *self, YmAdvisoryFeed *feed, const GError *error)
{
	g_autoptr(GError) error_local = NULL;
	gint64 now = g_get_real_time() / G_USEC_PER_SEC;

	feed->last_attempt = now;
	g_clear_pointer(&feed->last_error, g_free);
	if (error != NULL)
		feed->last_error = g_strdup(error->message);
	else
		feed->last_success = now;
	if (!ym_advisory_db_set_feed(self->store, feed, &error_local))
		g_warning("recording the state of %s: %s", feed->url, error_local->message);
}

/* a verified download waiting to be applied */
typedef struct {
	gchar *path;
	gchar *name; /* for messages: the URL without its query */
	YmAdvisoryFormat format;
} YmPending;

static void
pending_free(YmPending *pending)
{
	g_unlink(pending->path);
	g_free(pending->path);
	g_free(pending->name);
	g_free(pending);
}

static void
add_pending(GPtrArray *pending, gchar *path, const gchar *url, YmAdvisoryFormat format)
{
	YmPending *item = g_new0(YmPending, 1);
	item->path = path;
	item->name = url_for_humans(url);
	item->format = format;
	g_ptr_array_add(pending, item);
}

static GPtrArray *
pending_new(void)
{
	return g_ptr_array_new_with_free_func((GDestroyNotify) pending_free);
}

/* everything arrived and checked: one short transaction swaps it in, so
 * the daemon's own writes never wait for the network */
static gboolean
apply_pending(YmAdvisorySync *self, GPtrArray *pending, guint *count, GError **error)
{
	if (pending->len == 0)
		return TRUE;
	if (!ym_store_begin(self->store, error))
		return FALSE;
	for (guint i = 0; i < pending->len; i++) {
		const YmPending *item = g_ptr_array_index(pending, i);
		g_autoptr(GMappedFile) mapped = g_mapped_file_new(item->path, FALSE, error);
		if (mapped == NULL ||
		    !ym_advisory_import_data(self->store, item->format,
		                             g_mapped_file_get_contents(mapped),
		                             g_mapped_file_get_length(mapped), count, error)) {
			ym_store_rollback(self->store);
			g_prefix_error(error, "%s: ", item->name);
			return FALSE;
		}
	}
	if (!ym_store_commit(self->store, error)) {
		ym_store_rollback(self->store);
		return FALSE;
	}
	return TRUE;
}

typedef struct {
	YmStore *store;
	guint count;
} YmSyncSink;

static gboolean
sync_sink_put(YmAdvisory *advisory, gpointer user_data, GError **error)
{
	YmSyncSink *sink = user_data;
	if (!ym_advisory_db_put(sink->store, advisory, error))
		return FALSE;
	sink->count++;
	return TRUE;
}

static gboolean
delete_source(YmStore *store, const gchar *source, GError **error)
{
	gpointer stmt = ym_store_prepare(store, "DELETE FROM advisories WHERE source = ?1", error);
	if (stmt == NULL)
		return FALSE;
	ym_store_bind_text(stmt, 1, source);
	return ym_store_step(store, stmt, error);
}

/* KEV: one file, the whole catalogue; entries change after they are added,
 * so the catalogue replaces the previous one, unless it is older */
static gboolean
sync_kev(YmAdvisorySync *self, YmAdvisoryFeed *feed, GError **error)
{
	g_autoptr(GBytes) contents = NULL;
	g_auto(YmKevInfo) info = {0};
	YmSyncSink sink = {.store = self->store};
	const gchar *data;
	gsize length;

	progress(self, "kev: fetching the catalogue");
	if (!fetch_bytes(self, self->config.kev_url, accept_json, feed, &contents, error))
		return FALSE;
	if (contents == NULL) {
		progress(self, "kev: not changed since the last sync");
		return TRUE;
	}
	data = g_bytes_get_data(contents, &length);
	if (!ym_store_begin(self->store, error))
		return FALSE;
	if (!delete_source(self->store, "kev", error) ||
	    !ym_advisory_parse_kev(data, length, &info, sync_sink_put, &sink, error)) {
		ym_store_rollback(self->store);
		return FALSE;
	}
	/* a mirror serving an old copy must not undo newer knowledge */
	if (feed->high_water != NULL && info.catalog_version != NULL &&
	    ym_version_compare(info.catalog_version, feed->high_water) < 0) {
		ym_store_rollback(self->store);
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "the catalogue went back from version %s to %s: the newer one is kept",
		            feed->high_water, info.catalog_version);
		return FALSE;
	}
	if (!ym_store_commit(self->store, error)) {
		ym_store_rollback(self->store);
		return FALSE;
	}
	g_free(feed->high_water);
	feed->high_water = g_strdup(info.catalog_version);
	feed->records = sink.count;
	progress(self, "kev: %u entries (catalogue %s)", sink.count,
	         info.catalog_version != NULL ? info.catalog_version : "?");
	return TRUE;
}

static gboolean
discard_advisory(YmAdvisory *advisory, gpointer user_data, GError **error)
{
	return TRUE;
}

static gchar *
nvd_time(GDateTime *when)
{
	/* the API wants an offset; "+" must be escaped in a query */
	return g_date_time_format(when, "%Y-%m-%dT%H:%M:%S.000%%2B00:00");
}

/* one window of at most 120 days, page by page, into @pending */
static gboolean
fetch_nvd_window(YmAdvisorySync *self,
                 GDateTime *start,
                 GDateTime *end,
                 GPtrArray *pending,
                 GError **error)
{
	g_autofree gchar *from = nvd_time(start);
	g_autofree gchar *to = nvd_time(end);
	gint64 index = 0;

	for (guint page = 0; page < YM_NVD_MAX_PAGES; page++) {
		g_autofree gchar *url = NULL;
		g_autofree gchar *path = NULL;
		g_autoptr(GMappedFile) mapped = NULL;
		g_auto(YmNvdPage) info = {0};

		url = g_strdup_printf(
		    "%s?lastModStartDate=%s&lastModEndDate=%s&startIndex=%" G_GINT64_FORMAT
		    "&resultsPerPage=%u",
		    self->config.nvd_url, from, to, index, YM_NVD_PAGE_SIZE);
		ym_rate_limiter_wait(self->config.nvd_api_key != NULL ? self->nvd_limiter_key
		                                                      : self->nvd_limiter);
		if (!fetch_file(self, url, accept_json, NULL, &path, error))
			return FALSE;
		if (path == NULL) {
			g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			                    "the NVD answered 304 to an unconditional request");
			return FALSE;
		}
		/* read the paging now; the records are stored once all pages are here */
		mapped = g_mapped_file_new(path, FALSE, error);
		if (mapped == NULL ||
		    !ym_advisory_parse_nvd(g_mapped_file_get_contents(mapped),
		                           g_mapped_file_get_length(mapped), &info,
		                           discard_advisory, NULL, error)) {
			g_unlink(path);
			g_prefix_error(error, "page at index %" G_GINT64_FORMAT ": ", index);
			return FALSE;
		}
		/* a server that ignores startIndex would be asked for the same
		 * page a thousand times, at the rate limit */
		if (info.start_index != index) {
			g_unlink(path);
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "asked for the page at index %" G_GINT64_FORMAT
			            ", got the one at %" G_GINT64_FORMAT,
			            index, info.start_index);
			return FALSE;
		}
		add_pending(pending, g_steal_pointer(&path), url, YM_ADVISORY_FORMAT_NVD);
		if (info.results_per_page <= 0 || info.total_results <= 0)
			return TRUE;
		index = info.start_index + info.results_per_page;
		progress(self, "nvd: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " records",
		         MIN(index, info.total_results), info.total_results);
		if (index >= info.total_results)
			return TRUE;
	}
	g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "more than %u pages in one window",
	            YM_NVD_MAX_PAGES);
	return FALSE;
}

/* NVD: only what changed since the last sync, window by window */
static gboolean
sync_nvd(YmAdvisorySync *self, YmAdvisoryFeed *feed, GError **error)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_utc();
	g_autoptr(GDateTime) start = NULL;
	g_autoptr(GPtrArray) pending = pending_new();
	guint count = 0;

	if (feed->high_water != NULL)
		start = g_date_time_new_from_iso8601(feed->high_water, NULL);
	if (start == NULL)
		start = g_date_time_add_days(now, -(gint) self->config.nvd_days);
	/* the resident's own key, sent only to the NVD */
	if (self->config.nvd_api_key != NULL) {
		g_strfreev(self->headers);
		self->headers = g_new0(gchar *, 2);
		self->headers[0] = g_strconcat("apiKey: ", self->config.nvd_api_key, NULL);
	}
	while (g_date_time_compare(start, now) < 0) {
		g_autoptr(GDateTime) end = g_date_time_add_days(start, YM_NVD_WINDOW_DAYS);
		if (g_date_time_compare(end, now) > 0) {
			g_date_time_unref(end);
			end = g_date_time_ref(now);
		}
		if (!fetch_nvd_window(self, start, end, pending, error)) {
			g_clear_pointer(&self->headers, g_strfreev);
			return FALSE;
		}
		g_date_time_unref(start);
		start = g_steal_pointer(&end);
	}
	g_clear_pointer(&self->headers, g_strfreev);
	if (!apply_pending(self, pending, &count, error))
		return FALSE;
	g_free(feed->high_water);
	feed->high_water = g_date_time_format_iso8601(now);
	feed->records += count;
	progress(self, "nvd: %u records changed", count);
	return TRUE;
}

static const YmJvnChecksum *
find_checksum(GPtrArray *entries, const gchar *filename)
{
	for (guint i = 0; i < entries->len; i++) {
		const YmJvnChecksum *entry = g_ptr_array_index(entries, i);
		if (g_strcmp0(entry->filename, filename) == 0)
			return entry;
	}
	return NULL;
}

/* one yearly detail feed, when its published hash changed; the file must
 * match the hash and size checksum.txt gives */
static gboolean
fetch_jvn_year(YmAdvisorySync *self,
               GPtrArray *checksums,
               guint year,
               GPtrArray *pending,
               GPtrArray *feeds,
               GError **error)
{
	g_autofree gchar *filename = g_strdup_printf("jvndb_detail_%u.rdf", year);
	g_autofree gchar *url = g_strconcat(self->config.jvn_url, filename, NULL);
	g_autofree gchar *path = NULL;
	g_autofree gchar *sha256 = NULL;
	g_autoptr(GMappedFile) mapped = NULL;
	YmAdvisoryFeed *feed;
	const YmJvnChecksum *checksum = find_checksum(checksums, filename);
	gsize length;

	if (checksum == NULL) {
		progress(self, "jvn: %s is not published", filename);
		return TRUE;
	}
	feed = g_new0(YmAdvisoryFeed, 1);
	g_ptr_array_add(feeds, feed);
	if (!ym_advisory_db_get_feed(self->store, url, feed, error))
		return FALSE;
	g_free(feed->source);
	feed->source = g_strdup("jvn");
	if (g_strcmp0(feed->high_water, checksum->sha256) == 0) {
		progress(self, "jvn: %s not changed", filename);
		return TRUE;
	}
	progress(self, "jvn: fetching %s", filename);
	if (!fetch_file(self, url, accept_xml, NULL, &path, error))
		return FALSE;
	if (path == NULL) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: unexpected 304", filename);
		return FALSE;
	}
	mapped = g_mapped_file_new(path, FALSE, error);
	if (mapped == NULL) {
		g_unlink(path);
		return FALSE;
	}
	length = g_mapped_file_get_length(mapped);
	sha256 = g_compute_checksum_for_data(
	    G_CHECKSUM_SHA256, (const guchar *) g_mapped_file_get_contents(mapped), length);
	if (g_ascii_strcasecmp(sha256, checksum->sha256) != 0 ||
	    (checksum->size > 0 && (guint64) length != checksum->size)) {
		g_unlink(path);
		g_set_error(
		    error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID,
		    "%s: %zu bytes with SHA-256 %s, but checksum.txt says %" G_GUINT64_FORMAT
		    " bytes with %s",
		    filename, length, sha256, (guint64) checksum->size, checksum->sha256);
		return FALSE;
	}
	add_pending(pending, g_steal_pointer(&path), url, YM_ADVISORY_FORMAT_JVN_VULDEF);
	g_free(feed->high_water);
	feed->high_water = g_steal_pointer(&sha256);
	return TRUE;
}

static void
feed_free(YmAdvisoryFeed *feed)
{
	ym_advisory_feed_clear(feed);
	g_free(feed);
}

/* the yearly detail feeds, checked against the checksum.txt published
 * beside them; nothing to add when checksum.txt has not changed */
static gboolean
fetch_jvn_years(YmAdvisorySync *self,
                YmAdvisoryFeed *feed,
                GPtrArray *pending,
                GPtrArray *feeds,
                GError **error)
{
	g_autoptr(GBytes) contents = NULL;
	g_autoptr(GPtrArray) checksums = NULL;
	g_autoptr(GDateTime) now = g_date_time_new_now_local();
	g_autofree gchar *url = g_strconcat(self->config.jvn_url, "checksum.txt", NULL);
	guint this_year = (guint) g_date_time_get_year(now);
	const gchar *data;
	gsize length;

	if (!fetch_bytes(self, url, NULL, feed, &contents, error))
		return FALSE;
	if (contents == NULL) {
		progress(self, "jvn: not changed since the last sync");
		return TRUE;
	}
	data = g_bytes_get_data(contents, &length);
	if (!ym_jvn_checksum_parse(data, length, &checksums, error)) {
		g_prefix_error_literal(error, "checksum.txt: ");
		return FALSE;
	}
	for (guint year = this_year + 1 - self->config.jvn_years; year <= this_year; year++) {
		if (!fetch_jvn_year(self, checksums, year, pending, feeds, error))
			return FALSE;
	}
	return TRUE;
}

/* JVN dates are Japan's */
static GDateTime *
jvn_api_today(void)
{
	g_autoptr(GTimeZone) jst = g_time_zone_new_offset(9 * 3600);
	g_autoptr(GDateTime) now = g_date_time_new_now(jst);
	return g_date_time_new(jst, g_date_time_get_year(now), g_date_time_get_month(now),
	                       g_date_time_get_day_of_month(now), 0, 0, 0);
}

/* the day of a "YYYY-MM-DD" high-water mark, or NULL */
static GDateTime *
jvn_api_parse_day(const gchar *text)
{
	g_autoptr(GTimeZone) jst = g_time_zone_new_offset(9 * 3600);
	guint64 year = 0;
	guint64 month = 0;
	guint64 day = 0;
	g_auto(GStrv) parts = NULL;

	if (text == NULL)
		return NULL;
	parts = g_strsplit(text, "-", -1);
	if (g_strv_length(parts) != 3 ||
	    !g_ascii_string_to_unsigned(parts[0], 10, 1990, 9999, &year, NULL) ||
	    !g_ascii_string_to_unsigned(parts[1], 10, 1, 12, &month, NULL) ||
	    !g_ascii_string_to_unsigned(parts[2], 10, 1, 31, &day, NULL))
		return NULL;
	return g_date_time_new(jst, (gint) year, (gint) month, (gint) day, 0, 0, 0);
}

/* the identifiers of an overview list, each once, in the order met */
typedef struct {
	GPtrArray *ids;
	GHashTable *seen;
	guint bad; /* entries of this page without a usable identifier */
} YmJvnIds;

/* getVulnDetailInfo documents vulnId as JVNDB-YYYY-NNNNNN: nothing else
 * goes into a query */
static gboolean
jvn_is_vuln_id(const gchar *id)
{
	if (id == NULL || strlen(id) != strlen("JVNDB-2025-000001") ||
	    !g_str_has_prefix(id, "JVNDB-") || id[10] != '-')
		return FALSE;
	for (guint i = 6; id[i] != '\0'; i++) {
		if (i != 10 && !g_ascii_isdigit(id[i]))
			return FALSE;
	}
	return TRUE;
}

static gboolean
jvn_ids_put(YmAdvisory *advisory, gpointer user_data, GError **error)
{
	YmJvnIds *ids = user_data;

	if (!jvn_is_vuln_id(advisory->id)) {
		ids->bad++;
		return TRUE;
	}
	if (g_hash_table_contains(ids->seen, advisory->id))
		return TRUE;
	if (ids->ids->len >= YM_JVN_API_MAX_IDS) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "more than %u changed advisories in one sync", YM_JVN_API_MAX_IDS);
		return FALSE;
	}
	g_hash_table_add(ids->seen, g_strdup(advisory->id));
	g_ptr_array_add(ids->ids, g_strdup(advisory->id));
	return TRUE;
}

/* one page of getVulnOverviewList from @start_item; *@next 0 after the last */
static gboolean
fetch_jvn_api_page(YmAdvisorySync *self,
                   const gchar *range,
                   gint64 start_item,
                   YmJvnIds *ids,
                   gint64 *next,
                   GError **error)
{
	g_autofree gchar *url = NULL;
	g_autofree gchar *path = NULL;
	g_autoptr(GMappedFile) mapped = NULL;
	YmJvnStatus status = {0};
	gboolean ok;

	*next = 0;
	url = g_strdup_printf(
	    "%s?method=getVulnOverviewList&feed=hnd&lang=ja&%s&startItem=%" G_GINT64_FORMAT
	    "&maxCountItem=%u",
	    self->config.jvn_api_url, range, start_item, YM_JVN_API_PAGE_SIZE);
	ym_rate_limiter_wait(self->jvn_api_limiter);
	if (!fetch_file(self, url, accept_xml, NULL, &path, error))
		return FALSE;
	if (path == NULL) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "MyJVN answered 304 to an unconditional request");
		return FALSE;
	}
	/* the list only names what changed; the details are fetched next */
	mapped = g_mapped_file_new(path, FALSE, error);
	ids->bad = 0;
	ok = mapped != NULL && ym_advisory_parse_jvn_rss_status(g_mapped_file_get_contents(mapped),
	                                                        g_mapped_file_get_length(mapped),
	                                                        &status, jvn_ids_put, ids, error);
	g_unlink(path);
	if (!ok)
		return FALSE;
	if (!status.present) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "the overview list has no MyJVN status block");
		return FALSE;
	}
	if (ids->bad > 0)
		progress(self, "jvn: %u entries of the MyJVN list without a JVNDB identifier",
		         ids->bad);
	if (status.returned <= 0 || status.total <= 0)
		return TRUE;
	/* a server that ignores startItem would be asked for the same page
	 * again and again */
	if (status.first != start_item) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "asked for the list from item %" G_GINT64_FORMAT
		            ", got the one from %" G_GINT64_FORMAT,
		            start_item, status.first);
		return FALSE;
	}
	progress(self,
	         "jvn: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " changed advisories listed",
	         MIN(status.first + status.returned - 1, status.total), status.total);
	if (status.first + status.returned - 1 < status.total)
		*next = status.first + status.returned;
	return TRUE;
}

/* getVulnDetailInfo for @ids, at most ten at a time, into @pending */
static gboolean
fetch_jvn_api_details(YmAdvisorySync *self, GPtrArray *ids, GPtrArray *pending, GError **error)
{
	for (guint i = 0; i < ids->len; i += YM_JVN_API_DETAIL_BATCH) {
		g_autoptr(GString) url = g_string_new(self->config.jvn_api_url);
		g_autofree gchar *path = NULL;

		g_string_append(url, "?method=getVulnDetailInfo&feed=hnd&lang=ja&vulnId=");
		for (guint j = i; j < ids->len && j < i + YM_JVN_API_DETAIL_BATCH; j++) {
			if (j > i)
				g_string_append_c(url, '+');
			g_string_append(url, g_ptr_array_index(ids, j));
		}
		ym_rate_limiter_wait(self->jvn_api_limiter);
		if (!fetch_file(self, url->str, accept_xml, NULL, &path, error)) {
			g_prefix_error(
			    error, "details of %s: ", (const gchar *) g_ptr_array_index(ids, i));
			return FALSE;
		}
		if (path == NULL) {
			g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			                    "MyJVN answered 304 to an unconditional request");
			return FALSE;
		}
		add_pending(pending, g_steal_pointer(&path), url->str,
		            YM_ADVISORY_FORMAT_JVN_VULDEF);
		progress(self, "jvn: details of %u of %u changed advisories",
		         MIN(i + YM_JVN_API_DETAIL_BATCH, ids->len), ids->len);
	}
	return TRUE;
}

/* the MyJVN API: what changed since @feed's high-water mark (a day, in
 * Japan), or in the last jvn-api-days on the first run; the mark moves
 * to today only once this is stored, and today is asked for again next
 * time, as later changes of the same day are not in this answer */
static gboolean
fetch_jvn_api(YmAdvisorySync *self, YmAdvisoryFeed *feed, GPtrArray *pending, GError **error)
{
	g_autoptr(GDateTime) today = jvn_api_today();
	g_autoptr(GDateTime) start = jvn_api_parse_day(feed->high_water);
	g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_autofree gchar *range = NULL;
	YmJvnIds collect = {.ids = ids, .seen = seen};
	gint64 start_item = 1;
	guint page;

	if (start == NULL || g_date_time_compare(start, today) > 0) {
		g_clear_pointer(&start, g_date_time_unref);
		start = g_date_time_add_days(today, -(gint) self->config.jvn_api_days);
	}
	/* datePublished* is the last-updated date (MyJVN FAQ Q1-2); the
	 * other two ranges default to the last week unless turned off */
	range =
	    g_strdup_printf("rangeDatePublic=n&rangeDatePublished=n&rangeDateFirstPublished=n"
	                    "&datePublishedStartY=%d&datePublishedStartM=%d&datePublishedStartD=%d"
	                    "&datePublishedEndY=%d&datePublishedEndM=%d&datePublishedEndD=%d",
	                    g_date_time_get_year(start), g_date_time_get_month(start),
	                    g_date_time_get_day_of_month(start), g_date_time_get_year(today),
	                    g_date_time_get_month(today), g_date_time_get_day_of_month(today));
	for (page = 0; page < YM_JVN_API_MAX_PAGES && start_item > 0; page++) {
		gint64 next = 0;
		if (!fetch_jvn_api_page(self, range, start_item, &collect, &next, error)) {
			g_prefix_error(error, "MyJVN list from item %" G_GINT64_FORMAT ": ",
			               start_item);
			return FALSE;
		}
		start_item = next;
	}
	if (start_item > 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "more than %u pages of MyJVN list", YM_JVN_API_MAX_PAGES);
		return FALSE;
	}
	if (!fetch_jvn_api_details(self, ids, pending, error))
		return FALSE;
	g_free(feed->high_water);
	feed->high_water = g_date_time_format(today, "%Y-%m-%d");
	return TRUE;
}

/* JVN iPedia: the yearly detail feeds (Japanese) for the bulk of history,
 * then the MyJVN API for what changed since its high-water mark; both
 * give "jvn" records, replaced by advisory id, so their overlap is
 * harmless, and both are stored together or not at all */
static gboolean
sync_jvn(YmAdvisorySync *self, YmAdvisoryFeed *feed, GError **error)
{
	g_autoptr(GPtrArray) pending = pending_new();
	g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func((GDestroyNotify) feed_free);
	guint count = 0;

	if (self->config.jvn_years > 0 && !fetch_jvn_years(self, feed, pending, feeds, error))
		return FALSE;
	if (self->config.jvn_api_url != NULL) {
		YmAdvisoryFeed *api_feed = feed;
		/* without yearly feeds the source's own row is the API's */
		if (self->config.jvn_years > 0) {
			api_feed = g_new0(YmAdvisoryFeed, 1);
			g_ptr_array_add(feeds, api_feed);
			if (!ym_advisory_db_get_feed(self->store, self->config.jvn_api_url,
			                             api_feed, error))
				return FALSE;
			g_free(api_feed->source);
			api_feed->source = g_strdup("jvn");
		}
		if (!fetch_jvn_api(self, api_feed, pending, error))
			return FALSE;
	}
	if (!apply_pending(self, pending, &count, error))
		return FALSE;
	/* each year's hash and the API's day are remembered only once stored */
	for (guint i = 0; i < feeds->len; i++)
		finish_feed(self, g_ptr_array_index(feeds, i), NULL);
	feed->records += count;
	progress(self, "jvn: %u advisories", count);
	return TRUE;
}

/* the provider's OpenPGP key, as its metadata publishes it */
typedef struct {
	GBytes *key;
	gchar *fingerprint;
} YmCsafTrust;

static void
csaf_trust_clear(YmCsafTrust *trust)
{
	g_clear_pointer(&trust->key, g_bytes_unref);
	g_clear_pointer(&trust->fingerprint, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(YmCsafTrust, csaf_trust_clear)

/* a document's detached signature, when the feed links one and the
 * provider publishes its key */
static gboolean
check_csaf_signature(YmAdvisorySync *self,
                     const YmCsafTrust *trust,
                     GMappedFile *mapped,
                     const gchar *signature_url,
                     GError **error)
{
	g_autoptr(GBytes) signature = NULL;
	const gchar *key_data;
	const gchar *sig_data;
	gsize key_length = 0;
	gsize sig_length = 0;

	g_autoptr(GError) error_local = NULL;

	if (signature_url == NULL || trust == NULL || trust->key == NULL)
		return TRUE;
	if (!fetch_bytes(self, signature_url, NULL, NULL, &signature, &error_local)) {
		/* not published for this one: its hash is what there is */
		if (g_error_matches(error_local, YM_ERROR, YM_ERROR_NOT_FOUND))
			return TRUE;
		g_propagate_error(error, g_steal_pointer(&error_local));
		return FALSE;
	}
	if (signature == NULL) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "unexpected 304 for the signature");
		return FALSE;
	}
	key_data = g_bytes_get_data(trust->key, &key_length);
	sig_data = g_bytes_get_data(signature, &sig_length);
	return ym_csaf_verify_signature(g_mapped_file_get_contents(mapped),
	                                g_mapped_file_get_length(mapped), sig_data, sig_length,
	                                key_data, key_length, trust->fingerprint, NULL, error);
}

/* one CSAF document, checked against its published hash and signature */
static gboolean
fetch_csaf_document(YmAdvisorySync *self,
                    const YmCsafTrust *trust,
                    const gchar *url,
                    const gchar *hash_url,
                    const gchar *signature_url,
                    GPtrArray *pending,
                    GError **error)
{
	g_autofree gchar *path = NULL;
	g_autoptr(GBytes) hash = NULL;
	g_autoptr(GMappedFile) mapped = NULL;

	if (!fetch_file(self, url, accept_json, NULL, &path, error))
		return FALSE;
	if (path == NULL) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA, "unexpected 304");
		return FALSE;
	}
	if (hash_url != NULL) {
		g_autoptr(GError) error_local = NULL;
		gsize hash_length = 0;
		const gchar *hash_data;
		if (!fetch_bytes(self, hash_url, NULL, NULL, &hash, &error_local) &&
		    !g_error_matches(error_local, YM_ERROR, YM_ERROR_NOT_FOUND)) {
			g_unlink(path);
			g_propagate_error(error, g_steal_pointer(&error_local));
			return FALSE;
		}
		if ((mapped = g_mapped_file_new(path, FALSE, error)) == NULL) {
			g_unlink(path);
			return FALSE;
		}
		hash_data = hash != NULL ? g_bytes_get_data(hash, &hash_length) : "";
		/* a hash that is not published is not checked */
		if (hash != NULL && !ym_csaf_check_hash(g_mapped_file_get_contents(mapped),
		                                        g_mapped_file_get_length(mapped), hash_data,
		                                        hash_length, error)) {
			g_unlink(path);
			return FALSE;
		}
	}
	if (signature_url != NULL && trust != NULL && trust->key != NULL) {
		if (mapped == NULL)
			mapped = g_mapped_file_new(path, FALSE, error);
		if (mapped == NULL ||
		    !check_csaf_signature(self, trust, mapped, signature_url, error)) {
			g_unlink(path);
			return FALSE;
		}
	}
	add_pending(pending, g_steal_pointer(&path), url, YM_ADVISORY_FORMAT_CSAF);
	return TRUE;
}

/* a relative path of an index, under the provider's folder */
static gchar *
join_url(const gchar *base, const gchar *path)
{
	if (g_str_has_suffix(base, "/"))
		return g_strconcat(base, path, NULL);
	return g_strconcat(base, "/", path, NULL);
}

/* a document an index lists */
typedef struct {
	gint64 updated;
	gchar *url;
	gchar *hash_url;
	gchar *signature_url;
	gchar *name; /* for messages */
} YmCsafTodo;

static void
csaf_todo_free(YmCsafTodo *todo)
{
	g_free(todo->url);
	g_free(todo->hash_url);
	g_free(todo->signature_url);
	g_free(todo->name);
	g_free(todo);
}

static void
add_csaf_todo(GPtrArray *todo,
              gint64 updated,
              const gchar *url,
              gchar *hash_url,
              gchar *signature_url,
              gchar *name)
{
	YmCsafTodo *item = g_new0(YmCsafTodo, 1);
	item->updated = updated;
	item->url = g_strdup(url);
	item->hash_url = hash_url;
	item->signature_url = signature_url;
	item->name = name;
	g_ptr_array_add(todo, item);
}

static gint
csaf_todo_compare(gconstpointer a, gconstpointer b)
{
	const YmCsafTodo *todo_a = *(const YmCsafTodo *const *) a;
	const YmCsafTodo *todo_b = *(const YmCsafTodo *const *) b;
	if (todo_a->updated != todo_b->updated)
		return todo_a->updated < todo_b->updated ? -1 : 1;
	return g_strcmp0(todo_a->url, todo_b->url);
}

/* the documents of an index newer than @feed's high-water mark, oldest
 * first and about csaf-max of them; indexes list the newest first, and
 * taken in that order under a cap the older ones would end up below the
 * mark and never be fetched */
static gboolean
fetch_csaf_documents(YmAdvisorySync *self,
                     const YmCsafTrust *trust,
                     GPtrArray *todo,
                     YmAdvisoryFeed *feed,
                     const gchar *where,
                     GPtrArray *pending,
                     GError **error)
{
	gint64 high_water = 0;
	gint64 newest;
	guint fetched = 0;
	guint i;

	if (feed->high_water != NULL)
		high_water = g_ascii_strtoll(feed->high_water, NULL, 10);
	newest = high_water;
	g_ptr_array_sort(todo, csaf_todo_compare);
	for (i = 0; i < todo->len; i++) {
		const YmCsafTodo *item = g_ptr_array_index(todo, i);
		if (item->updated <= high_water)
			continue;
		/* the cap never splits documents of the same time: the mark
		 * could not tell the fetched ones from the others */
		if (fetched >= self->config.csaf_max && item->updated != newest)
			break;
		if (!fetch_csaf_document(self, trust, item->url, item->hash_url,
		                         item->signature_url, pending, error)) {
			g_prefix_error(error, "%s: ", item->name);
			return FALSE;
		}
		fetched++;
		newest = item->updated;
		progress(self, "csaf: %u documents from %s", fetched, where);
	}
	if (i < todo->len) {
		/* the whole index again next time, not a 304 */
		progress(self, "csaf: %u more documents from %s next time", todo->len - i, where);
		g_clear_pointer(&feed->etag, g_free);
		g_clear_pointer(&feed->last_modified, g_free);
	}
	g_free(feed->high_water);
	feed->high_water = g_strdup_printf("%" G_GINT64_FORMAT, newest);
	feed->records += fetched;
	return TRUE;
}

/* the state of one index of a provider, added to @feeds */
static YmAdvisoryFeed *
get_csaf_feed(YmAdvisorySync *self, const gchar *url, GPtrArray *feeds, GError **error)
{
	YmAdvisoryFeed *feed = g_new0(YmAdvisoryFeed, 1);

	g_ptr_array_add(feeds, feed);
	if (!ym_advisory_db_get_feed(self->store, url, feed, error))
		return NULL;
	g_free(feed->source);
	feed->source = g_strdup("csaf");
	return feed;
}

/* the feed record of a provider's index at @url and the index itself; a
 * NULL @contents (after a progress line naming @where) when it has not
 * changed since the last sync */
static gboolean
fetch_csaf_index(YmAdvisorySync *self,
                 const gchar *url,
                 const gchar *const *accept,
                 const gchar *where,
                 GPtrArray *feeds,
                 YmAdvisoryFeed **feed,
                 GBytes **contents,
                 GError **error)
{
	*feed = get_csaf_feed(self, url, feeds, error);
	if (*feed == NULL)
		return FALSE;
	if (!fetch_bytes(self, url, accept, *feed, contents, error))
		return FALSE;
	if (*contents == NULL)
		progress(self, "csaf: %s not changed", where);
	return TRUE;
}

/* the new documents of one ROLIE feed */
static gboolean
fetch_csaf_rolie(YmAdvisorySync *self,
                 const YmCsafTrust *trust,
                 const gchar *feed_url,
                 GPtrArray *pending,
                 GPtrArray *feeds,
                 GError **error)
{
	g_autoptr(GBytes) contents = NULL;
	g_autoptr(GPtrArray) entries = NULL;
	g_autoptr(GPtrArray) todo = g_ptr_array_new_with_free_func((GDestroyNotify) csaf_todo_free);
	g_autofree gchar *where = url_for_humans(feed_url);
	YmAdvisoryFeed *feed = NULL;
	const gchar *data;
	gsize length;

	if (!fetch_csaf_index(self, feed_url, accept_json, where, feeds, &feed, &contents, error))
		return FALSE;
	if (contents == NULL)
		return TRUE;
	data = g_bytes_get_data(contents, &length);
	if (!ym_csaf_rolie_parse(data, length, &entries, error))
		return FALSE;
	for (guint i = 0; i < entries->len; i++) {
		const YmCsafRolieEntry *entry = g_ptr_array_index(entries, i);
		if (entry->url == NULL)
			continue;
		add_csaf_todo(todo, entry->updated, entry->url, g_strdup(entry->hash_url),
		              g_strdup(entry->signature_url), url_for_humans(entry->url));
	}
	return fetch_csaf_documents(self, trust, todo, feed, where, pending, error);
}

/* a directory-based provider: changes.csv says what changed when */
static gboolean
fetch_csaf_directory(YmAdvisorySync *self,
                     const YmCsafTrust *trust,
                     const gchar *directory,
                     GPtrArray *pending,
                     GPtrArray *feeds,
                     GError **error)
{
	g_autofree gchar *changes_url = join_url(directory, "changes.csv");
	g_autoptr(GBytes) contents = NULL;
	g_autoptr(GPtrArray) entries = NULL;
	g_autoptr(GPtrArray) todo = g_ptr_array_new_with_free_func((GDestroyNotify) csaf_todo_free);
	YmAdvisoryFeed *feed = NULL;
	const gchar *data;
	gsize length;

	if (!fetch_csaf_index(self, changes_url, NULL, changes_url, feeds, &feed, &contents, error))
		return FALSE;
	if (contents == NULL)
		return TRUE;
	data = g_bytes_get_data(contents, &length);
	if (!ym_csaf_changes_parse(data, length, &entries, error))
		return FALSE;
	for (guint i = 0; i < entries->len; i++) {
		const YmCsafChange *change = g_ptr_array_index(entries, i);
		g_autofree gchar *url = join_url(directory, change->path);
		add_csaf_todo(todo, change->timestamp, url, g_strconcat(url, ".sha512", NULL),
		              g_strconcat(url, ".asc", NULL), g_strdup(change->path));
	}
	return fetch_csaf_documents(self, trust, todo, feed, directory, pending, error);
}

/* the first key the provider publishes with a fingerprint: documents are
 * then checked against it; without one, hashes are all there is */
static gboolean
fetch_csaf_key(YmAdvisorySync *self, YmCsafProvider *provider, YmCsafTrust *trust, GError **error)
{
	GPtrArray *keys = ym_csaf_provider_get_keys(provider);
	for (guint i = 0; keys != NULL && i < keys->len; i++) {
		const YmCsafKey *key = g_ptr_array_index(keys, i);
		if (key->url == NULL || key->fingerprint == NULL)
			continue;
		if (!fetch_bytes(self, key->url, NULL, NULL, &trust->key, error)) {
			g_prefix_error_literal(error, "the provider's OpenPGP key: ");
			return FALSE;
		}
		trust->fingerprint = g_strdup(key->fingerprint);
		return TRUE;
	}
	return TRUE;
}

/* each provider's metadata names its feeds or its folder */
static gboolean
fetch_csaf_provider(YmAdvisorySync *self,
                    const gchar *url,
                    GPtrArray *pending,
                    GPtrArray *states,
                    GError **error)
{
	g_autoptr(GBytes) contents = NULL;
	g_autoptr(YmCsafProvider) provider = NULL;
	g_auto(YmCsafTrust) trust = {0};
	GPtrArray *feeds;
	GPtrArray *directories;
	guint n_feeds = 0;
	const gchar *data;
	gsize length;

	if (!fetch_bytes(self, url, accept_json, NULL, &contents, error))
		return FALSE;
	if (contents == NULL) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA, "unexpected 304");
		return FALSE;
	}
	data = g_bytes_get_data(contents, &length);
	provider = ym_csaf_provider_parse(data, length, error);
	if (provider == NULL)
		return FALSE;
	if (!fetch_csaf_key(self, provider, &trust, error))
		return FALSE;
	/* only what is published for everyone: TLP:WHITE / TLP:CLEAR */
	feeds = ym_csaf_provider_get_feeds(provider);
	for (guint i = 0; feeds != NULL && i < feeds->len; i++) {
		const YmCsafFeed *rolie = g_ptr_array_index(feeds, i);
		if (rolie->tlp_label != NULL &&
		    g_ascii_strcasecmp(rolie->tlp_label, "WHITE") != 0 &&
		    g_ascii_strcasecmp(rolie->tlp_label, "CLEAR") != 0)
			continue;
		if (!fetch_csaf_rolie(self, &trust, rolie->url, pending, states, error))
			return FALSE;
		n_feeds++;
	}
	directories = ym_csaf_provider_get_directory_urls(provider);
	for (guint i = 0; n_feeds == 0 && directories != NULL && i < directories->len; i++) {
		if (!fetch_csaf_directory(self, &trust, g_ptr_array_index(directories, i), pending,
		                          states, error))
			return FALSE;
	}
	return TRUE;
}

/* CSAF: every provider's new documents, stored together */
static gboolean
sync_csaf(YmAdvisorySync *self, YmAdvisoryFeed *feed, GError **error)
{
	g_autoptr(GPtrArray) pending = pending_new();
	g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func((GDestroyNotify) feed_free);
	guint count = 0;

	for (guint i = 0; self->config.csaf_providers != NULL && self->config.csaf_providers[i];
	     i++) {
		const gchar *url = self->config.csaf_providers[i];
		if (!fetch_csaf_provider(self, url, pending, feeds, error)) {
			g_autofree gchar *where = url_for_humans(url);
			g_prefix_error(error, "%s: ", where);
			return FALSE;
		}
	}
	if (!apply_pending(self, pending, &count, error))
		return FALSE;
	for (guint i = 0; i < feeds->len; i++)
		finish_feed(self, g_ptr_array_index(feeds, i), NULL);
	feed->records += count;
	progress(self, "csaf: %u advisories", count);
	return TRUE;
}

/* CVE 5: the CNA's and CISA's words for CVEs the NVD has not analysed */
static GPtrArray *
unanalysed_cves(YmAdvisorySync *self, GError **error)
{
	g_autoptr(GPtrArray) cves = g_ptr_array_new_with_free_func(g_free);
	gpointer stmt = ym_store_prepare(
	    self->store,
	    "SELECT cve FROM advisories WHERE source = 'nvd' AND cve IS NOT NULL GROUP BY cve "
	    "HAVING max(cpe IS NOT NULL) = 0 AND cve NOT IN (SELECT cve FROM advisories WHERE "
	    "source = 'cve5' AND cve IS NOT NULL) ORDER BY cve DESC LIMIT ?1",
	    error);
	gint rc;

	if (stmt == NULL)
		return NULL;
	ym_store_bind_int64(stmt, 1, self->config.cve5_max);
	while ((rc = ym_store_step_row(self->store, stmt, error)) > 0)
		g_ptr_array_add(cves, g_strdup((const gchar *) sqlite3_column_text(stmt, 0)));
	if (rc < 0)
		return NULL;
	return g_steal_pointer(&cves);
}

static gboolean
sync_cve5(YmAdvisorySync *self, YmAdvisoryFeed *feed, GError **error)
{
	g_autoptr(GPtrArray) cves = unanalysed_cves(self, error);
	g_autoptr(GPtrArray) pending = pending_new();
	guint count = 0;

	if (cves == NULL)
		return FALSE;
	for (guint i = 0; i < cves->len; i++) {
		const gchar *cve = g_ptr_array_index(cves, i);
		g_autofree gchar *url = g_strconcat(self->config.cve5_url, cve, NULL);
		g_autofree gchar *path = NULL;
		g_autoptr(GError) error_local = NULL;

		progress(self, "cve5: %u of %u records", i + 1, cves->len);
		if (!fetch_file(self, url, accept_json, NULL, &path, &error_local)) {
			/* not published (yet): the next sync asks again */
			if (g_error_matches(error_local, YM_ERROR, YM_ERROR_NOT_FOUND))
				continue;
			g_propagate_prefixed_error(error, g_steal_pointer(&error_local),
			                           "%s: ", cve);
			return FALSE;
		}
		if (path != NULL)
			add_pending(pending, g_steal_pointer(&path), url, YM_ADVISORY_FORMAT_CVE5);
	}
	if (!apply_pending(self, pending, &count, error))
		return FALSE;
	feed->records += count;
	progress(self, "cve5: %u records", count);
	return TRUE;
}

static gchar *
feed_key(YmAdvisorySync *self, const gchar *source)
{
	if (g_strcmp0(source, "kev") == 0)
		return g_strdup(self->config.kev_url);
	if (g_strcmp0(source, "nvd") == 0)
		return g_strdup(self->config.nvd_url);
	/* JVN without yearly feeds: the MyJVN API's own row */
	if (g_strcmp0(source, "jvn") == 0 && self->config.jvn_years == 0 &&
	    self->config.jvn_api_url != NULL)
		return g_strdup(self->config.jvn_api_url);
	if (g_strcmp0(source, "jvn") == 0)
		return g_strconcat(self->config.jvn_url, "checksum.txt", NULL);
	if (g_strcmp0(source, "cve5") == 0)
		return g_strdup(self->config.cve5_url);
	/* several providers, each with its own rows */
	return g_strdup("csaf:providers");
}

typedef gboolean (*YmSourceSync)(YmAdvisorySync *self, YmAdvisoryFeed *feed, GError **error);

static gboolean
source_wanted(const gchar *const *only, const gchar *name)
{
	return only == NULL || only[0] == NULL || g_strv_contains(only, name);
}

gint
ym_advisory_sync_run(YmAdvisorySync *self, const gchar *const *sources, GError **error)
{
	/* CVE 5 after the NVD: it fills the NVD's gaps */
	static const struct {
		const gchar *name;
		YmSourceSync func;
	} order[] = {
	    {"kev", sync_kev},   {"jvn", sync_jvn},   {"nvd", sync_nvd},
	    {"cve5", sync_cve5}, {"csaf", sync_csaf},
	};
	gint failed = 0;

	g_return_val_if_fail(YM_IS_ADVISORY_SYNC(self), -1);
	if (self->fetcher == NULL)
		apply_config(self);
	for (guint i = 0; i < G_N_ELEMENTS(order); i++) {
		g_auto(YmAdvisoryFeed) feed = {0};
		g_autoptr(GError) error_local = NULL;
		g_autofree gchar *key = NULL;

		if (!g_strv_contains((const gchar *const *) self->config.sources, order[i].name) ||
		    !source_wanted(sources, order[i].name))
			continue;
		/* one row per source for its overall state, keyed by its address */
		key = feed_key(self, order[i].name);
		if (!ym_advisory_db_get_feed(self->store, key, &feed, error))
			return -1;
		g_free(feed.source);
		feed.source = g_strdup(order[i].name);
		if (!order[i].func(self, &feed, &error_local)) {
			/* the store failing is not the feed's fault */
			if (g_error_matches(error_local, YM_ERROR, YM_ERROR_WRITE)) {
				g_propagate_error(error, g_steal_pointer(&error_local));
				return -1;
			}
			progress(self, "%s: failed, the previous data stays: %s", order[i].name,
			         error_local->message);
			/* the validators and position of what was refused must not be
			 * kept: the next sync would get a 304 for it and call the
			 * source up to date, keeping the error's cause forever */
			if (!ym_advisory_db_get_feed(self->store, key, &feed, error))
				return -1;
			g_free(feed.source);
			feed.source = g_strdup(order[i].name);
			finish_feed(self, &feed, error_local);
			failed++;
			continue;
		}
		finish_feed(self, &feed, NULL);
	}
	return failed;
}

YmAdvisorySync *
ym_advisory_sync_new(YmStore *store)
{
	YmAdvisorySync *self = g_object_new(YM_TYPE_ADVISORY_SYNC, NULL);
	self->store = g_object_ref(store);
	return self;
}

static void
ym_advisory_sync_dispose(GObject *object)
{
	YmAdvisorySync *self = YM_ADVISORY_SYNC(object);
	g_clear_object(&self->fetcher);
	g_clear_object(&self->store);
	G_OBJECT_CLASS(ym_advisory_sync_parent_class)->dispose(object);
}

static void
ym_advisory_sync_finalize(GObject *object)
{
	YmAdvisorySync *self = YM_ADVISORY_SYNC(object);
	ym_advisory_config_clear(&self->config);
	g_clear_pointer(&self->nvd_limiter, ym_rate_limiter_free);
	g_clear_pointer(&self->nvd_limiter_key, ym_rate_limiter_free);
	g_clear_pointer(&self->jvn_api_limiter, ym_rate_limiter_free);
	/* every download is gone by now, stored or refused */
	if (self->work_dir != NULL && g_rmdir(self->work_dir) != 0)
		g_debug("removing %s: %s", self->work_dir, g_strerror(errno));
	g_free(self->work_dir);
	g_strfreev(self->headers);
	G_OBJECT_CLASS(ym_advisory_sync_parent_class)->finalize(object);
}

static void
ym_advisory_sync_class_init(YmAdvisorySyncClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->dispose = ym_advisory_sync_dispose;
	object_class->finalize = ym_advisory_sync_finalize;
}

static void
ym_advisory_sync_init(YmAdvisorySync *self)
{
	ym_advisory_config_init(&self->config);
	/* https://nvd.nist.gov/developers/start-here: 5 requests in 30 s, 50 with a key */
	self->nvd_limiter = ym_rate_limiter_new(5, 30);
	self->nvd_limiter_key = ym_rate_limiter_new(50, 30);
	/* https://jvndb.jvn.jp/apis/myjvnapi_faq.html Q1-3: no fixed limit,
	 * but 2-3 a second at most for short runs and slower for long ones:
	 * one a second on average, in bursts of at most three */
	self->jvn_api_limiter = ym_rate_limiter_new(3, 3);
}
