/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * YmAdvisorySync against the local HTTPS server: every source served from
 * the shared sample files (or documents generated here around them), with
 * the failures a real mirror produces; each case checks the store, the
 * feed state and what the server was asked
 */

#define G_LOG_DOMAIN "YmAdvisorySyncTest"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <time.h>
#include <utime.h>

#include "ym-advisory-db.h"
#include "ym-advisory-sync.h"
#include "ym-store.h"
#include "ym-test-common.h"
#include "ym-test-https.h"

#define KEV_NEW      "kev/known_exploited_vulnerabilities.json"
#define KEV_OLD      "kev/known_exploited_vulnerabilities_2025-06-10.json"
#define JVN_RDF      "jvn/ipedia-detail-vuldef/jvndb_detail_2022.rdf"
#define CSAF_2024    "csaf/cisa-csaf-2024/"
#define MYJVN_LIST   "jvn/myjvn-api-examples/hnd/getVulnOverviewList_hnd.xml"
#define MYJVN_DETAIL "jvn/myjvn-api-examples/hnd/dataFeed_jvndb_detail_hnd.xml"

/* counted with jq from the shared files (see each test) */
#define KEV_NEW_ENTRIES 1404
#define KEV_OLD_ENTRIES 1364
/* in the new catalogue only (comm -23 of the two sorted cveID lists) */
#define KEV_NEW_ONLY "CVE-2007-0671"

static GBytes *
read_bytes(const gchar *path)
{
	g_autoptr(GError) error = NULL;
	gchar *contents = NULL;
	gsize length = 0;
	g_file_get_contents(path, &contents, &length, &error);
	g_assert_no_error(error);
	return g_bytes_new_take(contents, length);
}

/* the ETag ym_test_https_add_file() gives @path */
static gchar *
server_etag(const gchar *path)
{
	g_autoptr(GBytes) bytes = read_bytes(path);
	g_autofree gchar *digest = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, bytes);
	return g_strdup_printf("\"%.16s\"", digest);
}

/* one server, one store in its own folder, one syncer reading a
 * configuration file that points every source at the server */
typedef struct {
	YmTestHttps *server;
	gchar *dir;
	gchar *state_dir;
	gchar *config_path;
	YmStore *store;
	YmAdvisorySync *sync;
	GPtrArray *lines; /* the progress lines of the last run */
} SyncTest;

static void
sync_test_free(SyncTest *test)
{
	g_clear_object(&test->sync);
	g_clear_object(&test->store);
	ym_test_https_free(test->server);
	ym_test_rm_rf(test->dir);
	g_free(test->dir);
	g_free(test->state_dir);
	g_free(test->config_path);
	g_ptr_array_unref(test->lines);
	g_free(test);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(SyncTest, sync_test_free)

static SyncTest *
sync_test_new(void)
{
	SyncTest *test = g_new0(SyncTest, 1);
	g_autoptr(GError) error = NULL;

	test->server = ym_test_https_new();
	test->dir = ym_test_make_tmpdir();
	test->state_dir = g_build_filename(test->dir, "state", NULL);
	test->config_path = g_build_filename(test->dir, "yamori.conf", NULL);
	test->lines = g_ptr_array_new_with_free_func(g_free);
	g_assert_cmpint(g_mkdir(test->state_dir, 0700), ==, 0);
	test->store = ym_store_new(test->state_dir);
	g_assert_true(ym_store_ensure_schema(test->store, &error));
	g_assert_no_error(error);
	return test;
}

static gchar *
sync_test_url(SyncTest *test, const gchar *path)
{
	return ym_test_https_get_url(test->server, path);
}

/* the downloads of a run are gone once it ends, stored or refused; the
 * syncers' own folders too once they are freed */
static void
assert_no_downloads(const gchar *state_dir, gboolean syncer_alive)
{
	g_autofree gchar *work = g_build_filename(state_dir, "advisory-downloads", NULL);
	g_autoptr(GDir) dir = g_dir_open(work, 0, NULL);
	const gchar *name;

	while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
		g_autofree gchar *path = g_build_filename(work, name, NULL);
		g_autoptr(GDir) run = NULL;
		if (!syncer_alive)
			g_error("%s left behind", path);
		run = g_dir_open(path, 0, NULL);
		g_assert_nonnull(run);
		g_assert_cmpstr(g_dir_read_name(run), ==, NULL);
	}
}

static void
on_progress(const gchar *line, gpointer user_data)
{
	SyncTest *test = user_data;
	g_ptr_array_add(test->lines, g_strdup(line));
}

/* writes a configuration for @sources with every URL at the server and
 * small limits, then "key=value" overrides, and loads it into a new
 * syncer as the daemon does at start */
G_GNUC_NULL_TERMINATED
static void
sync_test_configure(SyncTest *test, const gchar *sources, ...)
{
	g_autoptr(GKeyFile) keyfile = g_key_file_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *kev_url = sync_test_url(test, "/kev.json");
	g_autofree gchar *nvd_url = sync_test_url(test, "/nvd/cves");
	g_autofree gchar *cve5_url = sync_test_url(test, "/cve5/");
	g_autofree gchar *jvn_url = sync_test_url(test, "/jvn/");
	g_autofree gchar *csaf_url = sync_test_url(test, "/csaf/provider-metadata.json");
	const gchar *group = "advisories";
	const gchar *override;
	va_list args;

	g_key_file_set_string(keyfile, group, "sources", sources);
	g_key_file_set_string(keyfile, group, "interval-hours", "0");
	g_key_file_set_string(keyfile, group, "ca-file", ym_test_https_get_ca_file(test->server));
	g_key_file_set_string(keyfile, group, "kev-url", kev_url);
	g_key_file_set_string(keyfile, group, "nvd-url", nvd_url);
	g_key_file_set_string(keyfile, group, "nvd-days", "1");
	g_key_file_set_string(keyfile, group, "cve5-url", cve5_url);
	g_key_file_set_string(keyfile, group, "jvn-url", jvn_url);
	g_key_file_set_string(keyfile, group, "jvn-years", "1");
	/* the MyJVN API only where a test serves it */
	g_key_file_set_string(keyfile, group, "jvn-api-url", "");
	g_key_file_set_string(keyfile, group, "csaf-providers", csaf_url);
	g_key_file_set_string(keyfile, group, "timeout-seconds", "20");
	g_key_file_set_string(keyfile, group, "max-size-mb", "8");
	va_start(args, sources);
	while ((override = va_arg(args, const gchar *)) != NULL) {
		g_auto(GStrv) pair = g_strsplit(override, "=", 2);
		g_assert_nonnull(pair[1]);
		g_key_file_set_string(keyfile, group, pair[0], pair[1]);
	}
	va_end(args);
	g_key_file_save_to_file(keyfile, test->config_path, &error);
	g_assert_no_error(error);

	g_clear_object(&test->sync);
	assert_no_downloads(test->state_dir, FALSE);
	test->sync = ym_advisory_sync_new(test->store);
	ym_advisory_sync_load_config(test->sync, test->config_path, &error);
	g_assert_no_error(error);
	/* tests wait milliseconds, not the production seconds */
	ym_advisory_sync_set_fetcher_retries(test->sync, 2, 10, 100);
	ym_advisory_sync_set_progress_func(test->sync, on_progress, test);
}

/* one sync of every configured source; the number that failed */
static gint
sync_test_run(SyncTest *test)
{
	g_autoptr(GError) error = NULL;
	gint failed;

	g_ptr_array_set_size(test->lines, 0);
	failed = ym_advisory_sync_run(test->sync, NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpint(failed, >=, 0);
	assert_no_downloads(test->state_dir, TRUE);
	return failed;
}

static gboolean
sync_test_has_line(SyncTest *test, const gchar *line)
{
	for (guint i = 0; i < test->lines->len; i++) {
		if (g_strcmp0(g_ptr_array_index(test->lines, i), line) == 0)
			return TRUE;
	}
	return FALSE;
}

static gboolean
sync_test_lines_contain(SyncTest *test, const gchar *text)
{
	for (guint i = 0; i < test->lines->len; i++) {
		if (strstr(g_ptr_array_index(test->lines, i), text) != NULL)
			return TRUE;
	}
	return FALSE;
}

/* the stored state of the feed at @path on the server (or of @key when
 * it is not a path) */
static void
sync_test_get_feed(SyncTest *test, const gchar *path, YmAdvisoryFeed *feed)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *url = path[0] == '/' ? sync_test_url(test, path) : g_strdup(path);
	g_assert_true(ym_advisory_db_get_feed(test->store, url, feed, &error));
	g_assert_no_error(error);
}

static gint64
count_query(YmStore *store, const gchar *sql, const gchar *arg1, const gchar *arg2)
{
	g_autoptr(GError) error = NULL;
	gpointer stmt = ym_store_prepare(store, sql, &error);
	gint64 count;
	gint rc;

	g_assert_no_error(error);
	g_assert_nonnull(stmt);
	if (arg1 != NULL)
		ym_store_bind_text(stmt, 1, arg1);
	if (arg2 != NULL)
		ym_store_bind_text(stmt, 2, arg2);
	rc = ym_store_step_row(store, stmt, &error);
	g_assert_no_error(error);
	g_assert_cmpint(rc, ==, 1);
	count = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return count;
}

static gint64
count_rows(YmStore *store, const gchar *source)
{
	g_autoptr(GError) error = NULL;
	gint64 count = ym_advisory_db_count(store, source, &error);
	g_assert_no_error(error);
	return count;
}

/* distinct advisories of @source */
static gint64
count_advisories(YmStore *store, const gchar *source)
{
	return count_query(store,
	                   "SELECT count(DISTINCT advisory_id) FROM advisories WHERE source = ?1",
	                   source, NULL);
}

/* rows of @source naming @cve */
static gint64
count_cve(YmStore *store, const gchar *source, const gchar *cve)
{
	return count_query(store, "SELECT count(*) FROM advisories WHERE source = ?1 AND cve = ?2",
	                   source, cve);
}

/* KEV */

/*
 * jq '.catalogVersion, (.vulnerabilities | length),
 *     ([.vulnerabilities[].cveID | ascii_upcase] | unique | length)':
 * "2025.08.25", 1404, 1404 in the new file and "2025.06.10", 1364, 1364 in
 * the old one; every entry has a vendorProject or product, so one row each
 */
static void
test_kev_catalogue(void)
{
	g_autofree gchar *kev_new = ym_test_shared_advisory(KEV_NEW);
	g_autofree gchar *kev_old = kev_new != NULL ? ym_test_shared_advisory(KEV_OLD) : NULL;
	g_autoptr(SyncTest) test = NULL;
	g_autofree gchar *etag = NULL;
	g_autofree gchar *if_none_match = NULL;
	gint64 first_success;

	if (kev_old == NULL)
		return;
	test = sync_test_new();
	etag = server_etag(kev_new);
	sync_test_configure(test, "kev", NULL);
	ym_test_https_add_file(test->server, "/kev.json", kev_new, "application/json");

	/* first sync: the whole catalogue */
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpint(count_rows(test->store, "kev"), ==, KEV_NEW_ENTRIES);
	g_assert_cmpint(count_advisories(test->store, "kev"), ==, KEV_NEW_ENTRIES);
	g_assert_cmpint(count_rows(test->store, NULL), ==, KEV_NEW_ENTRIES);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/kev.json"), ==, 1);
	g_assert_true(sync_test_has_line(test, "kev: 1404 entries (catalogue 2025.08.25)"));
	{
		g_auto(YmAdvisoryFeed) feed = {0};
		sync_test_get_feed(test, "/kev.json", &feed);
		g_assert_cmpstr(feed.source, ==, "kev");
		g_assert_cmpstr(feed.etag, ==, etag);
		g_assert_nonnull(feed.last_modified);
		g_assert_cmpstr(feed.high_water, ==, "2025.08.25");
		g_assert_cmpstr(feed.last_error, ==, NULL);
		g_assert_cmpint(feed.last_success, >, 0);
		g_assert_cmpint(feed.last_attempt, ==, feed.last_success);
		g_assert_cmpint(feed.records, ==, KEV_NEW_ENTRIES);
		first_success = feed.last_success;
	}

	/* second sync: a conditional GET, answered 304 */
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/kev.json"), ==, 2);
	if_none_match =
	    ym_test_https_dup_request_header(test->server, "/kev.json", "If-None-Match");
	g_assert_cmpstr(if_none_match, ==, etag);
	g_assert_true(sync_test_has_line(test, "kev: not changed since the last sync"));
	g_assert_cmpint(count_rows(test->store, "kev"), ==, KEV_NEW_ENTRIES);
	{
		g_auto(YmAdvisoryFeed) feed = {0};
		sync_test_get_feed(test, "/kev.json", &feed);
		g_assert_cmpstr(feed.etag, ==, etag);
		g_assert_cmpstr(feed.high_water, ==, "2025.08.25");
		g_assert_cmpstr(feed.last_error, ==, NULL);
		g_assert_cmpint(feed.last_success, >=, first_success);
		g_assert_cmpint(feed.records, ==, KEV_NEW_ENTRIES);
		first_success = feed.last_success;
	}

	/* a mirror rolled back to the older catalogue, with its own ETag;
	 * refused twice: a refused copy must not become "not modified" */
	ym_test_https_clear(test->server, "/kev.json");
	ym_test_https_add_file(test->server, "/kev.json", kev_old, "application/json");
	for (guint i = 0; i < 2; i++) {
		g_auto(YmAdvisoryFeed) feed = {0};
		g_assert_cmpint(sync_test_run(test), ==, 1);
		g_assert_cmpuint(ym_test_https_get_requests(test->server, "/kev.json"), ==, 3 + i);
		g_assert_cmpint(count_rows(test->store, "kev"), ==, KEV_NEW_ENTRIES);
		g_assert_cmpint(count_cve(test->store, "kev", KEV_NEW_ONLY), ==, 1);
		sync_test_get_feed(test, "/kev.json", &feed);
		g_assert_nonnull(feed.last_error);
		g_assert_nonnull(strstr(feed.last_error, "2025.08.25"));
		g_assert_nonnull(strstr(feed.last_error, "2025.06.10"));
		g_assert_cmpstr(feed.high_water, ==, "2025.08.25");
		g_assert_cmpstr(feed.etag, ==, etag);
		g_assert_cmpint(feed.last_success, ==, first_success);
		g_assert_cmpint(feed.last_attempt, >=, first_success);
		g_assert_cmpint(feed.records, ==, KEV_NEW_ENTRIES);
		g_assert_true(
		    sync_test_lines_contain(test, "kev: failed, the previous data stays: "));
	}

	/* and the mirror catches up again */
	ym_test_https_clear(test->server, "/kev.json");
	ym_test_https_add_file(test->server, "/kev.json", kev_new, "application/json");
	g_assert_cmpint(sync_test_run(test), ==, 0);
	{
		g_auto(YmAdvisoryFeed) feed = {0};
		sync_test_get_feed(test, "/kev.json", &feed);
		g_assert_cmpstr(feed.last_error, ==, NULL);
		g_assert_cmpstr(feed.etag, ==, etag);
	}
}

/* 429 with Retry-After, then the catalogue */
static void
test_kev_retry_after(void)
{
	g_autofree gchar *kev_new = ym_test_shared_advisory(KEV_NEW);
	g_autoptr(SyncTest) test = NULL;
	g_auto(YmAdvisoryFeed) feed = {0};

	if (kev_new == NULL)
		return;
	test = sync_test_new();
	sync_test_configure(test, "kev", NULL);
	ym_test_https_add_status(test->server, "/kev.json", 429, "Retry-After", "1", NULL);
	ym_test_https_add_file(test->server, "/kev.json", kev_new, "application/json");
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/kev.json"), ==, 2);
	g_assert_cmpint(count_rows(test->store, "kev"), ==, KEV_NEW_ENTRIES);
	sync_test_get_feed(test, "/kev.json", &feed);
	g_assert_cmpstr(feed.high_water, ==, "2025.08.25");
	g_assert_cmpstr(feed.last_error, ==, NULL);

	/* 429 every time: the retries run out and the catalogue stays */
	ym_test_https_clear(test->server, "/kev.json");
	ym_test_https_add_status(test->server, "/kev.json", 429, "Retry-After", "1", NULL);
	g_assert_cmpint(sync_test_run(test), ==, 1);
	/* the first attempt and the 2 retries set by sync_test_configure() */
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/kev.json"), ==, 2 + 3);
	g_assert_cmpint(count_rows(test->store, "kev"), ==, KEV_NEW_ENTRIES);
	sync_test_get_feed(test, "/kev.json", &feed);
	g_assert_nonnull(feed.last_error);
	g_assert_nonnull(strstr(feed.last_error, "HTTP 429 after 3 attempts"));
}

/* one broken answer after a good sync of the older catalogue, refused
 * twice: a refused copy must not come back as "not modified" */
static void
kev_assert_refused(SyncTest *test, gint64 last_success, const gchar *why)
{
	for (guint i = 0; i < 2; i++) {
		g_auto(YmAdvisoryFeed) feed = {0};
		guint requests = ym_test_https_get_requests(test->server, "/kev.json");

		g_assert_cmpint(sync_test_run(test), ==, 1);
		g_assert_cmpuint(ym_test_https_get_requests(test->server, "/kev.json"), ==,
		                 requests + 1);
		g_assert_cmpint(count_rows(test->store, "kev"), ==, KEV_OLD_ENTRIES);
		g_assert_cmpint(count_cve(test->store, "kev", KEV_NEW_ONLY), ==, 0);
		sync_test_get_feed(test, "/kev.json", &feed);
		g_assert_cmpstr(feed.high_water, ==, "2025.06.10");
		g_assert_cmpint(feed.last_success, ==, last_success);
		g_assert_cmpint(feed.records, ==, KEV_OLD_ENTRIES);
		g_assert_nonnull(feed.last_error);
		if (strstr(feed.last_error, why) == NULL)
			g_error("last_error \"%s\" does not say \"%s\"", feed.last_error, why);
	}
	ym_test_https_clear(test->server, "/kev.json");
}

static void
test_kev_broken(void)
{
	g_autofree gchar *kev_new = ym_test_shared_advisory(KEV_NEW);
	g_autofree gchar *kev_old = kev_new != NULL ? ym_test_shared_advisory(KEV_OLD) : NULL;
	g_autoptr(SyncTest) test = NULL;
	g_autoptr(GBytes) truncated = NULL;
	g_autoptr(GBytes) malformed = NULL;
	g_autoptr(GBytes) not_utf8 = NULL;
	g_auto(YmAdvisoryFeed) feed = {0};
	const gchar *head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
	                    "Content-Length: 100000\r\nConnection: close\r\n\r\n"
	                    "{\"catalogVersion\": \"2025.09.01\", \"vulnerabilities\": [";
	const gchar *cut = "{\"catalogVersion\": \"2025.09.01\", \"count\": 1, "
	                   "\"vulnerabilities\": [{\"cveID\": \"CVE-2025-0001\",";
	const gchar *bad_text = "{\"vulnerabilities\": [\"\xff\xfe\"]}";

	if (kev_old == NULL)
		return;
	test = sync_test_new();
	sync_test_configure(test, "kev", NULL);
	ym_test_https_add_file(test->server, "/kev.json", kev_old, "application/json");
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpint(count_rows(test->store, "kev"), ==, KEV_OLD_ENTRIES);
	sync_test_get_feed(test, "/kev.json", &feed);
	g_assert_cmpstr(feed.high_water, ==, "2025.06.10");
	g_assert_cmpint(feed.last_success, >, 0);
	ym_test_https_clear(test->server, "/kev.json");

	/* the connection closes before the announced length */
	truncated = g_bytes_new_static(head, strlen(head));
	ym_test_https_add_raw(test->server, "/kev.json", truncated);
	kev_assert_refused(test, feed.last_success, "connection closed after");

	/* a web page where the catalogue should be */
	ym_test_https_add_file(test->server, "/kev.json", kev_new, "text/html");
	kev_assert_refused(test, feed.last_success, "expected application/json, got text/html");

	/* JSON cut short, with the right type */
	malformed = g_bytes_new_static(cut, strlen(cut));
	ym_test_https_add_bytes(test->server, "/kev.json", malformed, "application/json");
	kev_assert_refused(test, feed.last_success, "invalid JSON");

	/* not even text */
	not_utf8 = g_bytes_new_static(bad_text, strlen(bad_text));
	ym_test_https_add_bytes(test->server, "/kev.json", not_utf8, "application/json");
	kev_assert_refused(test, feed.last_success, "not UTF-8 text");

	/* larger than max-size-mb: the new catalogue is 1257565 bytes */
	sync_test_configure(test, "kev", "max-size-mb=1", NULL);
	ym_test_https_add_file(test->server, "/kev.json", kev_new, "application/json");
	kev_assert_refused(test, feed.last_success, "body larger than 1048576 bytes");

	/* a server that stalls beyond timeout-seconds */
	sync_test_configure(test, "kev", "timeout-seconds=1", NULL);
	ym_test_https_set_delay(test->server, "/kev.json", 3000);
	ym_test_https_add_file(test->server, "/kev.json", kev_new, "application/json");
	kev_assert_refused(test, feed.last_success, "timed out");

	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/kev.json"), ==, 1 + 6 * 2);
}

/* NVD */

static const gchar *const nvd_pages[] = {
    "nvd/api-responses/cves-3_pages-0-3.json",
    "nvd/api-responses/cves-3_pages-3-3.json",
    "nvd/api-responses/cves-3_pages-6-3.json",
};

/* the three pages in the order the syncer asks for them; the server
 * compares paths without the query, so one queue serves all three */
static gboolean
nvd_add_pages(SyncTest *test)
{
	for (guint i = 0; i < G_N_ELEMENTS(nvd_pages); i++) {
		g_autofree gchar *path = ym_test_shared_advisory(nvd_pages[i]);
		if (path == NULL)
			return FALSE;
		ym_test_https_add_file(test->server, "/nvd/cves", path, "application/json");
	}
	return TRUE;
}

/*
 * jq '{resultsPerPage, startIndex, totalResults, [.vulnerabilities[].cve
 * | .id, .vulnStatus, (.configurations | length)]}' on the three pages:
 * 3 + 3 + 2 of totalResults 8, all "Received" without configurations, so
 * one row per CVE
 */
static void
test_nvd_pages(void)
{
	g_autoptr(SyncTest) test = sync_test_new();
	g_autoptr(GDateTime) before = g_date_time_new_now_utc();
	g_autoptr(GDateTime) high_water = NULL;
	g_auto(YmAdvisoryFeed) feed = {0};
	const gchar *const cves[] = {"CVE-2023-36014", "CVE-2023-36024", "CVE-2023-46729",
	                             "CVE-2023-6069",  "CVE-2023-45167", "CVE-2023-39796",
	                             "CVE-2023-47246", "CVE-2023-47800"};

	if (!nvd_add_pages(test))
		return;
	sync_test_configure(test, "nvd", NULL);
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/nvd/cves"), ==, 3);
	g_assert_cmpint(count_rows(test->store, "nvd"), ==, 8);
	g_assert_cmpint(count_advisories(test->store, "nvd"), ==, 8);
	for (guint i = 0; i < G_N_ELEMENTS(cves); i++)
		g_assert_cmpint(count_cve(test->store, "nvd", cves[i]), ==, 1);
	g_assert_true(sync_test_has_line(test, "nvd: 3 of 8 records"));
	g_assert_true(sync_test_has_line(test, "nvd: 6 of 8 records"));
	g_assert_true(sync_test_has_line(test, "nvd: 8 of 8 records"));
	g_assert_true(sync_test_has_line(test, "nvd: 8 records changed"));

	sync_test_get_feed(test, "/nvd/cves", &feed);
	g_assert_cmpstr(feed.source, ==, "nvd");
	g_assert_cmpstr(feed.last_error, ==, NULL);
	g_assert_cmpint(feed.last_success, >, 0);
	g_assert_cmpint(feed.records, ==, 8);
	/* the position is the start of this sync, for the next window */
	g_assert_nonnull(feed.high_water);
	high_water = g_date_time_new_from_iso8601(feed.high_water, NULL);
	g_assert_nonnull(high_water);
	g_assert_cmpint(g_date_time_compare(high_water, before), >=, 0);
	g_assert_cmpint(g_date_time_to_unix(high_water), <=, feed.last_success);
}

static void
assert_no_secret(const gchar *text, const gchar *secret)
{
	if (text != NULL && strstr(text, secret) != NULL)
		g_error("the API key appears in \"%s\"", text);
}

/* the resident's key goes in the apiKey header to the NVD only, and
 * nowhere else: not in errors, progress lines or the feed state */
static void
test_nvd_api_key(void)
{
	const gchar *secret = "0d1e2f3a-test-key-7b8c9d0e";
	g_autofree gchar *key_setting = g_strdup_printf("nvd-api-key=%s", secret);
	g_autoptr(SyncTest) test = sync_test_new();
	g_autoptr(GPtrArray) feeds = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *sent = NULL;
	g_autofree gchar *sent_cve5 = NULL;
	g_autofree gchar *sent_again = NULL;
	g_auto(YmAdvisoryFeed) feed = {0};

	if (!nvd_add_pages(test))
		return;
	sync_test_configure(test, "nvd;cve5", key_setting, NULL);
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpint(count_rows(test->store, "nvd"), ==, 8);
	sent = ym_test_https_dup_request_header(test->server, "/nvd/cves", "apiKey");
	g_assert_cmpstr(sent, ==, secret);
	/* the CVE 5 service asked right after it gets no key: the 8 CVEs
	 * without configurations, none published there (404, skipped) */
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/cve5/CVE-2023-47800"), ==, 1);
	sent_cve5 =
	    ym_test_https_dup_request_header(test->server, "/cve5/CVE-2023-47800", "apiKey");
	g_assert_cmpstr(sent_cve5, ==, NULL);

	/* the NVD refuses the key */
	ym_test_https_clear(test->server, "/nvd/cves");
	ym_test_https_add_status(test->server, "/nvd/cves", 403, NULL);
	g_assert_cmpint(sync_test_run(test), ==, 1);
	sent_again = ym_test_https_dup_request_header(test->server, "/nvd/cves", "apiKey");
	g_assert_cmpstr(sent_again, ==, secret);
	sync_test_get_feed(test, "/nvd/cves", &feed);
	g_assert_nonnull(feed.last_error);
	g_assert_nonnull(strstr(feed.last_error, "HTTP 403"));
	g_assert_null(strstr(feed.last_error, "?"));
	g_assert_true(sync_test_lines_contain(test, "nvd: failed, the previous data stays: "));
	g_assert_cmpint(count_rows(test->store, "nvd"), ==, 8);

	feeds = ym_advisory_db_list_feeds(test->store, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(feeds->len, ==, 2);
	for (guint i = 0; i < feeds->len; i++) {
		const YmAdvisoryFeed *item = g_ptr_array_index(feeds, i);
		assert_no_secret(item->url, secret);
		assert_no_secret(item->etag, secret);
		assert_no_secret(item->high_water, secret);
		assert_no_secret(item->last_error, secret);
	}
	for (guint i = 0; i < test->lines->len; i++)
		assert_no_secret(g_ptr_array_index(test->lines, i), secret);
}

/* a failure on the second page stores nothing of the first */
static void
test_nvd_all_or_nothing(void)
{
	g_autofree gchar *single = ym_test_shared_advisory("nvd/CVE-2024-47133.json");
	g_autofree gchar *first = single != NULL ? ym_test_shared_advisory(nvd_pages[0]) : NULL;
	g_autoptr(SyncTest) test = NULL;
	g_autoptr(GBytes) broken = NULL;
	g_autofree gchar *high_water = NULL;
	const gchar *cut = "{\"resultsPerPage\": 3, \"startIndex\": 3, \"totalResults\": 8, "
	                   "\"format\": \"NVD_CVE\", \"version\": \"2.0\", \"vulnerabilities\": [";

	if (first == NULL)
		return;
	test = sync_test_new();
	sync_test_configure(test, "nvd", NULL);

	/* a first sync: one bare record, one page */
	ym_test_https_add_file(test->server, "/nvd/cves", single, "application/json");
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpint(count_rows(test->store, "nvd"), ==, 1);
	{
		g_auto(YmAdvisoryFeed) feed = {0};
		sync_test_get_feed(test, "/nvd/cves", &feed);
		g_assert_nonnull(feed.high_water);
		g_assert_cmpstr(feed.last_error, ==, NULL);
		high_water = g_strdup(feed.high_water);
	}

	/* page one fine, page two cut short */
	ym_test_https_clear(test->server, "/nvd/cves");
	ym_test_https_add_file(test->server, "/nvd/cves", first, "application/json");
	broken = g_bytes_new_static(cut, strlen(cut));
	ym_test_https_add_bytes(test->server, "/nvd/cves", broken, "application/json");
	g_assert_cmpint(sync_test_run(test), ==, 1);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/nvd/cves"), ==, 1 + 2);
	g_assert_cmpint(count_rows(test->store, "nvd"), ==, 1);
	g_assert_cmpint(count_cve(test->store, "nvd", "CVE-2024-47133"), ==, 1);
	g_assert_cmpint(count_cve(test->store, "nvd", "CVE-2023-36014"), ==, 0);
	{
		g_auto(YmAdvisoryFeed) feed = {0};
		sync_test_get_feed(test, "/nvd/cves", &feed);
		g_assert_cmpstr(feed.high_water, ==, high_water);
		g_assert_nonnull(feed.last_error);
		g_assert_nonnull(strstr(feed.last_error, "page at index 3: "));
		g_assert_nonnull(strstr(feed.last_error, "invalid JSON"));
		g_assert_cmpint(feed.records, ==, 1);
	}
}

/* a server that answers the first page whatever startIndex says */
static void
test_nvd_stuck(void)
{
	g_autofree gchar *first = ym_test_shared_advisory(nvd_pages[0]);
	g_autoptr(SyncTest) test = NULL;
	g_auto(YmAdvisoryFeed) feed = {0};

	if (first == NULL)
		return;
	test = sync_test_new();
	ym_test_https_add_file(test->server, "/nvd/cves", first, "application/json");
	sync_test_configure(test, "nvd", NULL);
	g_assert_cmpint(sync_test_run(test), ==, 1);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/nvd/cves"), ==, 2);
	g_assert_cmpint(count_rows(test->store, "nvd"), ==, 0);
	sync_test_get_feed(test, "/nvd/cves", &feed);
	g_assert_cmpstr(feed.high_water, ==, NULL);
	g_assert_nonnull(feed.last_error);
	g_assert_nonnull(
	    strstr(feed.last_error, "asked for the page at index 3, got the one at 0"));
}

/* JVN iPedia */

static guint
this_year(void)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_local();
	return (guint) g_date_time_get_year(now);
}

/* serves checksum.txt, in place of any before, as JVN publishes it (an
 * array of url, filename, sha256, size, lastModified), naming @filename
 * with @sha256 and @size, and optionally one more file */
static void
serve_jvn_checksum(SyncTest *test,
                   const gchar *filename,
                   const gchar *sha256,
                   gsize size,
                   const gchar *other)
{
	g_autoptr(GString) text = g_string_new("[\n");
	g_autoptr(GBytes) bytes = NULL;
	const gchar *names[] = {filename, other};

	for (guint i = 0; i < G_N_ELEMENTS(names) && names[i] != NULL; i++) {
		g_autofree gchar *path = g_strconcat("/jvn/", names[i], NULL);
		g_autofree gchar *url = sync_test_url(test, path);
		g_string_append_printf(text,
		                       "%s    {\n        \"url\": \"%s\",\n"
		                       "        \"filename\": \"%s\",\n"
		                       "        \"sha256\": \"%s\",\n"
		                       "        \"size\": %" G_GSIZE_FORMAT ",\n"
		                       "        \"lastModified\": \"2025/11/02 09:15:09\"\n    }",
		                       i > 0 ? ",\n" : "", url, names[i], sha256,
		                       i == 0 ? size : size + 1);
	}
	g_string_append(text, "\n]\n");
	bytes = g_bytes_new(text->str, text->len);
	ym_test_https_clear(test->server, "/jvn/checksum.txt");
	ym_test_https_add_bytes(test->server, "/jvn/checksum.txt", bytes, "text/plain");
}

/*
 * the sample detail feed served as this year's: grep -c '<Vulinfo>' says 2
 * (JVNDB-2022-000001 with CVE-2021-20877, JVNDB-2022-000002 with
 * CVE-2022-0180/0181/0182), one product each, so 1 + 3 rows
 */
static void
test_jvn_checksum(void)
{
	g_autofree gchar *rdf = ym_test_shared_advisory(JVN_RDF);
	g_autoptr(SyncTest) test = NULL;
	g_autoptr(GBytes) rdf_bytes = NULL;
	g_autofree gchar *sha256 = NULL;
	g_autofree gchar *filename = NULL;
	g_autofree gchar *rdf_path = NULL;
	g_autofree gchar *last_year_line = NULL;
	g_autofree gchar *unchanged_line = NULL;
	g_autofree gchar *other = NULL;

	if (rdf == NULL)
		return;
	test = sync_test_new();
	rdf_bytes = read_bytes(rdf);
	sha256 = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, rdf_bytes);
	filename = g_strdup_printf("jvndb_detail_%u.rdf", this_year());
	rdf_path = g_strconcat("/jvn/", filename, NULL);
	serve_jvn_checksum(test, filename, sha256, g_bytes_get_size(rdf_bytes), NULL);
	ym_test_https_add_file(test->server, rdf_path, rdf, "application/xml");
	/* two years: last year's file is not in checksum.txt */
	sync_test_configure(test, "jvn", "jvn-years=2", NULL);

	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/jvn/checksum.txt"), ==, 1);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, rdf_path), ==, 1);
	g_assert_cmpint(count_advisories(test->store, "jvn"), ==, 2);
	g_assert_cmpint(count_rows(test->store, "jvn"), ==, 4);
	g_assert_cmpint(count_cve(test->store, "jvn", "CVE-2021-20877"), ==, 1);
	g_assert_cmpint(count_cve(test->store, "jvn", "CVE-2022-0182"), ==, 1);
	last_year_line =
	    g_strdup_printf("jvn: jvndb_detail_%u.rdf is not published", this_year() - 1);
	g_assert_true(sync_test_has_line(test, last_year_line));
	g_assert_true(sync_test_has_line(test, "jvn: 2 advisories"));
	{
		g_auto(YmAdvisoryFeed) feed = {0};
		g_auto(YmAdvisoryFeed) year = {0};
		sync_test_get_feed(test, "/jvn/checksum.txt", &feed);
		g_assert_cmpstr(feed.source, ==, "jvn");
		g_assert_nonnull(feed.etag);
		g_assert_cmpstr(feed.last_error, ==, NULL);
		g_assert_cmpint(feed.records, ==, 2);
		sync_test_get_feed(test, rdf_path, &year);
		g_assert_cmpstr(year.source, ==, "jvn");
		g_assert_cmpstr(year.high_water, ==, sha256);
		g_assert_cmpint(year.last_success, >, 0);
	}

	/* the same checksum.txt: 304, and the feed is not asked for */
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/jvn/checksum.txt"), ==, 2);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, rdf_path), ==, 1);
	g_assert_true(sync_test_has_line(test, "jvn: not changed since the last sync"));

	/* a new checksum.txt (another file changed) with the same hash for
	 * this year's: still not fetched again */
	other = g_strdup_printf("jvndb_detail_%u.rdf", this_year() - 5);
	serve_jvn_checksum(test, filename, sha256, g_bytes_get_size(rdf_bytes), other);
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/jvn/checksum.txt"), ==, 3);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, rdf_path), ==, 1);
	unchanged_line = g_strdup_printf("jvn: %s not changed", filename);
	g_assert_true(sync_test_has_line(test, unchanged_line));
	g_assert_cmpint(count_rows(test->store, "jvn"), ==, 4);
}

/* a feed that does not match checksum.txt is refused, every time */
static void
test_jvn_mismatch(void)
{
	g_autofree gchar *rdf = ym_test_shared_advisory(JVN_RDF);
	g_autoptr(SyncTest) test = NULL;
	g_autoptr(GBytes) rdf_bytes = NULL;
	g_autofree gchar *sha256 = NULL;
	g_autofree gchar *filename = NULL;
	g_autofree gchar *rdf_path = NULL;
	/* the SHA-256 of the 2021 sample, not of the file served */
	const gchar *other_sha256 =
	    "fd8f96da8e871876b2bb986ecde20f47bb92a1d908fceefb7525370b33f3af7e";

	if (rdf == NULL)
		return;
	test = sync_test_new();
	rdf_bytes = read_bytes(rdf);
	sha256 = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, rdf_bytes);
	filename = g_strdup_printf("jvndb_detail_%u.rdf", this_year());
	rdf_path = g_strconcat("/jvn/", filename, NULL);
	ym_test_https_add_file(test->server, rdf_path, rdf, "application/xml");
	sync_test_configure(test, "jvn", NULL);

	/* the wrong hash, twice: the refused checksum.txt is not "seen" */
	serve_jvn_checksum(test, filename, other_sha256, g_bytes_get_size(rdf_bytes), NULL);
	for (guint i = 0; i < 2; i++) {
		g_auto(YmAdvisoryFeed) feed = {0};
		g_auto(YmAdvisoryFeed) year = {0};
		g_assert_cmpint(sync_test_run(test), ==, 1);
		g_assert_cmpuint(ym_test_https_get_requests(test->server, rdf_path), ==, i + 1);
		g_assert_cmpint(count_rows(test->store, "jvn"), ==, 0);
		sync_test_get_feed(test, "/jvn/checksum.txt", &feed);
		g_assert_nonnull(feed.last_error);
		g_assert_nonnull(strstr(feed.last_error, filename));
		g_assert_nonnull(strstr(feed.last_error, other_sha256));
		g_assert_nonnull(strstr(feed.last_error, sha256));
		g_assert_nonnull(strstr(feed.last_error, "but checksum.txt says"));
		g_assert_cmpint(feed.last_success, ==, 0);
		sync_test_get_feed(test, rdf_path, &year);
		g_assert_cmpstr(year.high_water, ==, NULL);
	}

	/* the right hash with the wrong size */
	serve_jvn_checksum(test, filename, sha256, g_bytes_get_size(rdf_bytes) + 1, NULL);
	g_assert_cmpint(sync_test_run(test), ==, 1);
	g_assert_cmpint(count_rows(test->store, "jvn"), ==, 0);

	/* and the publisher fixes checksum.txt */
	serve_jvn_checksum(test, filename, sha256, g_bytes_get_size(rdf_bytes), NULL);
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, rdf_path), ==, 4);
	g_assert_cmpint(count_rows(test->store, "jvn"), ==, 4);
}

/* a feed that matches checksum.txt but is cut in its second Vulinfo:
 * the first, already parsed, is not stored either; then one served as
 * a web page */
static void
test_jvn_malformed(void)
{
	g_autofree gchar *rdf = ym_test_shared_advisory(JVN_RDF);
	g_autoptr(SyncTest) test = NULL;
	g_autoptr(GBytes) rdf_bytes = NULL;
	g_autoptr(GBytes) cut = NULL;
	g_autofree gchar *sha256 = NULL;
	g_autofree gchar *full_sha256 = NULL;
	g_autofree gchar *filename = NULL;
	g_autofree gchar *rdf_path = NULL;
	const gchar *data;
	const gchar *second;

	if (rdf == NULL)
		return;
	test = sync_test_new();
	rdf_bytes = read_bytes(rdf);
	data = g_bytes_get_data(rdf_bytes, NULL);
	second = g_strstr_len(data, -1, "<Vulinfo>");
	g_assert_nonnull(second);
	second = g_strstr_len(second + 1, -1, "<Vulinfo>");
	g_assert_nonnull(second);
	cut = g_bytes_new_from_bytes(rdf_bytes, 0, (gsize) (second - data) + 200);
	sha256 = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, cut);
	filename = g_strdup_printf("jvndb_detail_%u.rdf", this_year());
	rdf_path = g_strconcat("/jvn/", filename, NULL);
	serve_jvn_checksum(test, filename, sha256, g_bytes_get_size(cut), NULL);
	ym_test_https_add_bytes(test->server, rdf_path, cut, "application/xml");
	sync_test_configure(test, "jvn", NULL);

	g_assert_cmpint(sync_test_run(test), ==, 1);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, rdf_path), ==, 1);
	g_assert_cmpint(count_rows(test->store, "jvn"), ==, 0);
	{
		g_auto(YmAdvisoryFeed) feed = {0};
		g_auto(YmAdvisoryFeed) year = {0};
		sync_test_get_feed(test, "/jvn/checksum.txt", &feed);
		g_assert_nonnull(feed.last_error);
		g_assert_nonnull(strstr(feed.last_error, rdf_path));
		g_assert_nonnull(strstr(feed.last_error, "malformed XML"));
		sync_test_get_feed(test, rdf_path, &year);
		g_assert_cmpstr(year.high_water, ==, NULL);
	}

	/* the whole file, but as a web page */
	full_sha256 = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, rdf_bytes);
	serve_jvn_checksum(test, filename, full_sha256, g_bytes_get_size(rdf_bytes), NULL);
	ym_test_https_clear(test->server, rdf_path);
	ym_test_https_add_file(test->server, rdf_path, rdf, "text/html");
	g_assert_cmpint(sync_test_run(test), ==, 1);
	g_assert_cmpint(count_rows(test->store, "jvn"), ==, 0);
	{
		g_auto(YmAdvisoryFeed) feed = {0};
		sync_test_get_feed(test, "/jvn/checksum.txt", &feed);
		g_assert_nonnull(feed.last_error);
		g_assert_nonnull(strstr(feed.last_error,
		                        "expected application/rdf+xml or "
		                        "application/xml or text/xml, got text/html"));
	}
}

/* MyJVN API */

/*
 * the overview sample lists JVNDB-2025-002953 and JVNDB-2025-002884 with
 * totalRes="6" totalResRet="2" firstRes="1"; the detail sample holds 7
 * Vulinfo (python3 xml.etree: JVNDB-2025-000001/2/3, JVNDB-2017-009608,
 * JVNDB-2018-009328, JVNDB-2021-002774, JVNDB-2022-000097); the server
 * ignores queries, so it answers whatever the detail request asks
 */
static const gchar *const myjvn_detail_ids[] = {
    "JVNDB-2025-000001", "JVNDB-2025-000002", "JVNDB-2025-000003", "JVNDB-2017-009608",
    "JVNDB-2018-009328", "JVNDB-2021-002774", "JVNDB-2022-000097",
};

/* the overview sample with its paging attributes replaced */
static GBytes *
myjvn_list_page(const gchar *list, const gchar *total, const gchar *first)
{
	g_autoptr(GBytes) bytes = read_bytes(list);
	g_autofree gchar *text = g_strndup(g_bytes_get_data(bytes, NULL), g_bytes_get_size(bytes));
	g_autofree gchar *total_attr = g_strdup_printf("totalRes=\"%s\"", total);
	g_autofree gchar *first_attr = g_strdup_printf("firstRes=\"%s\"", first);
	g_autoptr(GString) page = g_string_new(text);

	g_assert_cmpuint(g_string_replace(page, "totalRes=\"6\"", total_attr, 1), ==, 1);
	g_assert_cmpuint(g_string_replace(page, "firstRes=\"1\"", first_attr, 1), ==, 1);
	return g_string_free_to_bytes(g_steal_pointer(&page));
}

/* "YYYY-MM-DD" of today minus @days in Japan */
static gchar *
myjvn_day(gint days, const gchar *format)
{
	g_autoptr(GTimeZone) jst = g_time_zone_new_offset(9 * 3600);
	g_autoptr(GDateTime) now = g_date_time_new_now(jst);
	g_autoptr(GDateTime) then = g_date_time_add_days(now, days);
	return g_date_time_format(then, format);
}

static gint64
count_advisory_id(YmStore *store, const gchar *id)
{
	return count_query(store,
	                   "SELECT count(*) FROM advisories WHERE source = 'jvn' AND "
	                   "advisory_id = ?1",
	                   id, NULL);
}

/* a feed row for the API at @mark, as an earlier sync leaves it */
static void
myjvn_set_mark(SyncTest *test, const gchar *mark)
{
	g_autoptr(GError) error = NULL;
	g_auto(YmAdvisoryFeed) feed = {0};
	sync_test_get_feed(test, "/myjvn", &feed);
	g_free(feed.source);
	feed.source = g_strdup("jvn");
	feed.high_water = g_strdup(mark);
	g_assert_true(ym_advisory_db_set_feed(test->store, &feed, &error));
	g_assert_no_error(error);
}

static void
myjvn_configure(SyncTest *test, const gchar *years)
{
	g_autofree gchar *api_url = sync_test_url(test, "/myjvn");
	g_autofree gchar *api_setting = g_strdup_printf("jvn-api-url=%s", api_url);
	sync_test_configure(test, "jvn", years, api_setting, NULL);
}

/* two pages of the list (the same two IDs on each), then one detail
 * request for both; the mark moves to today; the next sync starts there */
static void
test_myjvn_api(void)
{
	g_autofree gchar *list = ym_test_shared_advisory(MYJVN_LIST);
	g_autofree gchar *detail = list != NULL ? ym_test_shared_advisory(MYJVN_DETAIL) : NULL;
	g_autoptr(SyncTest) test = NULL;
	g_autoptr(GBytes) page1 = NULL;
	g_autoptr(GBytes) page2 = NULL;
	g_autoptr(GBytes) single = NULL;
	g_auto(GStrv) queries = NULL;
	g_autofree gchar *today = myjvn_day(0, "%Y-%m-%d");
	g_autofree gchar *start = myjvn_day(-30, "datePublishedStartY=%Y&datePublishedStartM=%-m"
	                                         "&datePublishedStartD=%-d&");
	g_autofree gchar *end = myjvn_day(0, "datePublishedEndY=%Y&datePublishedEndM=%-m"
	                                     "&datePublishedEndD=%-d&");
	g_autofree gchar *again = myjvn_day(0, "datePublishedStartY=%Y&datePublishedStartM=%-m"
	                                       "&datePublishedStartD=%-d&");

	if (detail == NULL)
		return;
	test = sync_test_new();
	page1 = myjvn_list_page(list, "4", "1");
	page2 = myjvn_list_page(list, "4", "3");
	ym_test_https_add_bytes(test->server, "/myjvn", page1, "application/xml");
	ym_test_https_add_bytes(test->server, "/myjvn", page2, "application/xml");
	ym_test_https_add_file(test->server, "/myjvn", detail, "application/xml");
	myjvn_configure(test, "jvn-years=0");

	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/myjvn"), ==, 3);
	queries = ym_test_https_dup_request_queries(test->server, "/myjvn");
	g_assert_cmpuint(g_strv_length(queries), ==, 3);
	for (guint i = 0; i < 2; i++) {
		g_assert_true(g_str_has_prefix(
		    queries[i], "method=getVulnOverviewList&feed=hnd&lang=ja&rangeDatePublic=n&"
		                "rangeDatePublished=n&rangeDateFirstPublished=n&"));
		g_assert_nonnull(strstr(queries[i], start));
		g_assert_nonnull(strstr(queries[i], end));
		g_assert_true(g_str_has_suffix(queries[i], i == 0
		                                               ? "&startItem=1&maxCountItem=50"
		                                               : "&startItem=3&maxCountItem=50"));
	}
	g_assert_cmpstr(queries[2], ==,
	                "method=getVulnDetailInfo&feed=hnd&lang=ja&vulnId=JVNDB-2025-002953+"
	                "JVNDB-2025-002884");
	g_assert_cmpint(count_advisories(test->store, "jvn"), ==, 7);
	for (guint i = 0; i < G_N_ELEMENTS(myjvn_detail_ids); i++)
		g_assert_cmpint(count_advisory_id(test->store, myjvn_detail_ids[i]), >=, 1);
	g_assert_true(sync_test_has_line(test, "jvn: 2 of 4 changed advisories listed"));
	g_assert_true(sync_test_has_line(test, "jvn: 4 of 4 changed advisories listed"));
	g_assert_true(sync_test_has_line(test, "jvn: details of 2 of 2 changed advisories"));
	g_assert_true(sync_test_has_line(test, "jvn: 7 advisories"));
	{
		g_auto(YmAdvisoryFeed) feed = {0};
		sync_test_get_feed(test, "/myjvn", &feed);
		g_assert_cmpstr(feed.source, ==, "jvn");
		g_assert_cmpstr(feed.high_water, ==, today);
		g_assert_cmpstr(feed.last_error, ==, NULL);
		g_assert_cmpint(feed.records, ==, 7);
	}

	/* the next sync asks from the mark on; one page this time */
	ym_test_https_clear(test->server, "/myjvn");
	single = myjvn_list_page(list, "2", "1");
	ym_test_https_add_bytes(test->server, "/myjvn", single, "application/xml");
	ym_test_https_add_file(test->server, "/myjvn", detail, "application/xml");
	myjvn_configure(test, "jvn-years=0");
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_clear_pointer(&queries, g_strfreev);
	queries = ym_test_https_dup_request_queries(test->server, "/myjvn");
	g_assert_cmpuint(g_strv_length(queries), ==, 5);
	g_assert_nonnull(strstr(queries[3], again));
	g_assert_true(g_str_has_prefix(queries[4], "method=getVulnDetailInfo&"));
	/* replaced by advisory id, not added again */
	g_assert_cmpint(count_advisories(test->store, "jvn"), ==, 7);
}

/* a MyJVN error status: the source fails naming it, nothing is stored and
 * the mark stays where it was */
static void
test_myjvn_error(void)
{
	const gchar *answer =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<rdf:RDF xmlns=\"http://purl.org/rss/1.0/\" "
	    "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
	    "xmlns:status=\"http://jvndb.jvn.jp/myjvn/Status\">\n"
	    "  <status:Status version=\"3.3\" method=\"getVulnOverviewList\" lang=\"ja\" "
	    "retCd=\"1\" retMax=\"\" errCd=\"EX0001\" errMsg=\"parameter error\" "
	    "totalRes=\"0\" totalResRet=\"0\" firstRes=\"0\" feed=\"hnd\"/>\n"
	    "</rdf:RDF>\n";
	g_autoptr(SyncTest) test = sync_test_new();
	g_autoptr(GBytes) bytes = g_bytes_new_static(answer, strlen(answer));
	g_auto(GStrv) queries = NULL;
	g_auto(YmAdvisoryFeed) feed = {0};

	ym_test_https_add_bytes(test->server, "/myjvn", bytes, "application/xml");
	myjvn_configure(test, "jvn-years=0");
	myjvn_set_mark(test, "2025-04-01");
	g_assert_cmpint(sync_test_run(test), ==, 1);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/myjvn"), ==, 1);
	queries = ym_test_https_dup_request_queries(test->server, "/myjvn");
	g_assert_nonnull(strstr(queries[0], "&datePublishedStartY=2025&datePublishedStartM=4&"
	                                    "datePublishedStartD=1&"));
	g_assert_cmpint(count_rows(test->store, "jvn"), ==, 0);
	sync_test_get_feed(test, "/myjvn", &feed);
	g_assert_cmpstr(feed.high_water, ==, "2025-04-01");
	g_assert_cmpint(feed.last_success, ==, 0);
	g_assert_nonnull(feed.last_error);
	g_assert_nonnull(strstr(feed.last_error, "MyJVN list from item 1: "));
	g_assert_nonnull(strstr(feed.last_error, "MyJVN API error EX0001"));
	g_assert_nonnull(strstr(feed.last_error, "parameter error"));
}

/* a server that answers the first page whatever startItem says */
static void
test_myjvn_stuck(void)
{
	g_autofree gchar *list = ym_test_shared_advisory(MYJVN_LIST);
	g_autoptr(SyncTest) test = NULL;
	g_autoptr(GBytes) page1 = NULL;
	g_auto(YmAdvisoryFeed) feed = {0};

	if (list == NULL)
		return;
	test = sync_test_new();
	page1 = myjvn_list_page(list, "4", "1");
	ym_test_https_add_bytes(test->server, "/myjvn", page1, "application/xml");
	myjvn_configure(test, "jvn-years=0");
	g_assert_cmpint(sync_test_run(test), ==, 1);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/myjvn"), ==, 2);
	g_assert_cmpint(count_rows(test->store, "jvn"), ==, 0);
	sync_test_get_feed(test, "/myjvn", &feed);
	g_assert_cmpstr(feed.high_water, ==, NULL);
	g_assert_nonnull(feed.last_error);
	g_assert_nonnull(strstr(feed.last_error, "MyJVN list from item 3: asked for the list "
	                                         "from item 3, got the one from 1"));
}

/* the detail request fails: nothing of this sync is stored, not even the
 * yearly feed that arrived intact before it, and no mark moves */
static void
test_myjvn_all_or_nothing(void)
{
	g_autofree gchar *list = ym_test_shared_advisory(MYJVN_LIST);
	g_autofree gchar *rdf = list != NULL ? ym_test_shared_advisory(JVN_RDF) : NULL;
	g_autoptr(SyncTest) test = NULL;
	g_autoptr(GBytes) single = NULL;
	g_autoptr(GBytes) rdf_bytes = NULL;
	g_autofree gchar *sha256 = NULL;
	g_autofree gchar *filename = NULL;
	g_autofree gchar *rdf_path = NULL;
	g_auto(YmAdvisoryFeed) feed = {0};
	g_auto(YmAdvisoryFeed) api = {0};
	g_auto(YmAdvisoryFeed) year = {0};

	if (rdf == NULL)
		return;
	test = sync_test_new();
	rdf_bytes = read_bytes(rdf);
	sha256 = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, rdf_bytes);
	filename = g_strdup_printf("jvndb_detail_%u.rdf", this_year());
	rdf_path = g_strconcat("/jvn/", filename, NULL);
	serve_jvn_checksum(test, filename, sha256, g_bytes_get_size(rdf_bytes), NULL);
	ym_test_https_add_file(test->server, rdf_path, rdf, "application/xml");
	single = myjvn_list_page(list, "2", "1");
	ym_test_https_add_bytes(test->server, "/myjvn", single, "application/xml");
	ym_test_https_add_status(test->server, "/myjvn", 404, NULL);
	myjvn_configure(test, "jvn-years=1");
	myjvn_set_mark(test, "2025-04-01");

	g_assert_cmpint(sync_test_run(test), ==, 1);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, rdf_path), ==, 1);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/myjvn"), ==, 2);
	g_assert_cmpint(count_rows(test->store, "jvn"), ==, 0);
	sync_test_get_feed(test, "/jvn/checksum.txt", &feed);
	g_assert_nonnull(feed.last_error);
	g_assert_nonnull(strstr(feed.last_error, "details of JVNDB-2025-002953: "));
	g_assert_null(strstr(feed.last_error, "vulnId"));
	sync_test_get_feed(test, "/myjvn", &api);
	g_assert_cmpstr(api.high_water, ==, "2025-04-01");
	sync_test_get_feed(test, rdf_path, &year);
	g_assert_cmpstr(year.high_water, ==, NULL);
}

/* CSAF */

typedef struct {
	const gchar *name; /* under cisa-csaf-2024/ */
	const gchar *updated;
	gboolean hash;
} CsafDoc;

/*
 * jq '.document.tracking.current_release_date, [.vulnerabilities[] |
 * .cve, (.product_status | map_values(length))]': ICSA-24-214-07 of
 * 2024-08-01T06:00:00Z with CVE-2024-7029 for 1 known_affected product,
 * ICSA-24-156-01 of 2024-09-24T06:00:00Z with CVE-2024-3850 for 1; both
 * have a .sha512 beside them; ICSA-24-165-01 has none
 */
static const CsafDoc csaf_docs[] = {
    {"icsa-24-156-01.json", "2024-09-24T06:00:00.000Z", TRUE},
    {"icsa-24-214-07.json", "2024-08-01T06:00:00.000Z", TRUE},
    {"icsa-24-165-01.json", "2024-10-15T06:00:00.000Z", FALSE},
};

static gchar *
csaf_doc_path(const CsafDoc *doc)
{
	return g_strconcat("/csaf/white/2024/", doc->name, NULL);
}

static gchar *
csaf_hash_path(const CsafDoc *doc)
{
	return g_strconcat("/csaf/white/2024/", doc->name, ".sha512", NULL);
}

/* provider-metadata.json shaped like the OASIS example, with a TLP:WHITE
 * ROLIE feed and a TLP:GREEN one that must never be fetched, or with only
 * a directory */
static GBytes *
csaf_provider_metadata(SyncTest *test, gboolean directory)
{
	g_autofree gchar *canonical = sync_test_url(test, "/csaf/provider-metadata.json");
	g_autofree gchar *white = sync_test_url(test, "/csaf/feed-tlp-white.json");
	g_autofree gchar *green = sync_test_url(test, "/csaf/feed-tlp-green.json");
	g_autofree gchar *folder = sync_test_url(test, "/csaf/white/");
	g_autofree gchar *origin = sync_test_url(test, "/");
	g_autofree gchar *distributions = NULL;
	gchar *text;

	if (directory) {
		distributions = g_strdup_printf("[{\"directory_url\": \"%s\"}]", folder);
	} else {
		distributions = g_strdup_printf(
		    "[{\"rolie\": {\"feeds\": [\n"
		    "    {\"summary\": \"WHITE advisories\", \"tlp_label\": \"WHITE\", \"url\": "
		    "\"%s\"},\n"
		    "    {\"summary\": \"GREEN advisories\", \"tlp_label\": \"GREEN\", \"url\": "
		    "\"%s\"}\n"
		    "  ]}}]",
		    white, green);
	}
	text = g_strdup_printf("{\n"
	                       "  \"canonical_url\": \"%s\",\n"
	                       "  \"distributions\": %s,\n"
	                       "  \"last_updated\": \"2024-10-15T06:00:00.000Z\",\n"
	                       "  \"list_on_CSAF_aggregators\": false,\n"
	                       "  \"metadata_version\": \"2.0\",\n"
	                       "  \"mirror_on_CSAF_aggregators\": false,\n"
	                       "  \"public_openpgp_keys\": [],\n"
	                       "  \"publisher\": {\"category\": \"coordinator\", \"name\": "
	                       "\"Yamori test provider\", \"namespace\": \"%s\"},\n"
	                       "  \"role\": \"csaf_provider\"\n"
	                       "}\n",
	                       canonical, distributions, origin);
	return g_bytes_new_take(text, strlen(text));
}

/* a ROLIE feed of @n_docs of csaf_docs, newest first as CISA lists them */
static GBytes *
csaf_rolie(SyncTest *test, guint n_docs, const gchar *feed_updated)
{
	g_autofree gchar *self_url = sync_test_url(test, "/csaf/feed-tlp-white.json");
	GString *text = g_string_new(NULL);
	g_autoptr(GPtrArray) order = g_ptr_array_new();

	for (guint i = 0; i < n_docs; i++)
		g_ptr_array_add(order, (gpointer) &csaf_docs[i]);
	/* newest first */
	for (guint i = 0; i < order->len; i++) {
		for (guint j = i + 1; j < order->len; j++) {
			const CsafDoc *a = g_ptr_array_index(order, i);
			const CsafDoc *b = g_ptr_array_index(order, j);
			if (g_strcmp0(a->updated, b->updated) < 0) {
				order->pdata[i] = (gpointer) b;
				order->pdata[j] = (gpointer) a;
			}
		}
	}
	g_string_append_printf(text,
	                       "{\"feed\": {\"id\": \"yamori-test-tlp-white\", \"title\": \"test "
	                       "feed\",\n \"link\": [{\"rel\": \"self\", \"href\": \"%s\"}],\n"
	                       " \"category\": [{\"scheme\": "
	                       "\"urn:ietf:params:rolie:category:information-type\", "
	                       "\"term\": \"csaf\"}],\n \"updated\": \"%s\",\n \"entry\": [\n",
	                       self_url, feed_updated);
	for (guint i = 0; i < order->len; i++) {
		const CsafDoc *doc = g_ptr_array_index(order, i);
		g_autofree gchar *doc_path = csaf_doc_path(doc);
		g_autofree gchar *hash_path = csaf_hash_path(doc);
		g_autofree gchar *doc_url = sync_test_url(test, doc_path);
		g_autofree gchar *hash_url = sync_test_url(test, hash_path);
		g_autofree gchar *id = g_ascii_strup(doc->name, strlen(doc->name) - 5);
		g_string_append_printf(text,
		                       "%s  {\"id\": \"%s\", \"title\": \"%s\",\n   \"link\": "
		                       "[{\"rel\": \"self\", \"href\": \"%s\"}",
		                       i > 0 ? ",\n" : "", id, id, doc_url);
		if (doc->hash)
			g_string_append_printf(text, ", {\"rel\": \"hash\", \"href\": \"%s\"}",
			                       hash_url);
		g_string_append_printf(text,
		                       "],\n   \"published\": \"%s\", \"updated\": \"%s\",\n"
		                       "   \"content\": {\"type\": \"application/json\", "
		                       "\"src\": \"%s\"},\n   \"format\": {\"schema\": "
		                       "\"https://docs.oasis-open.org/csaf/csaf/v2.0/"
		                       "csaf_json_schema.json\", \"version\": \"2.0\"}}",
		                       doc->updated, doc->updated, doc_url);
	}
	g_string_append(text, "\n]}}\n");
	return g_string_free_to_bytes(text);
}

/* the provider, its feed of @n_docs and the documents with their hashes */
static gboolean
csaf_serve(SyncTest *test, guint n_docs)
{
	g_autoptr(GBytes) metadata = csaf_provider_metadata(test, FALSE);
	g_autoptr(GBytes) rolie = csaf_rolie(test, n_docs, "2024-10-15T06:00:00.000Z");

	for (guint i = 0; i < G_N_ELEMENTS(csaf_docs); i++) {
		g_autofree gchar *name = g_strconcat(CSAF_2024, csaf_docs[i].name, NULL);
		g_autofree gchar *file = ym_test_shared_advisory(name);
		g_autofree gchar *doc_path = csaf_doc_path(&csaf_docs[i]);
		if (file == NULL)
			return FALSE;
		ym_test_https_add_file(test->server, doc_path, file, "application/json");
		if (csaf_docs[i].hash) {
			g_autofree gchar *hash_file = g_strconcat(file, ".sha512", NULL);
			g_autofree gchar *hash_path = csaf_hash_path(&csaf_docs[i]);
			ym_test_https_add_file(test->server, hash_path, hash_file, "text/plain");
		}
	}
	ym_test_https_add_bytes(test->server, "/csaf/provider-metadata.json", metadata,
	                        "application/json");
	ym_test_https_add_bytes(test->server, "/csaf/feed-tlp-white.json", rolie,
	                        "application/json");
	return TRUE;
}

static guint
csaf_doc_requests(SyncTest *test, guint index)
{
	g_autofree gchar *path = csaf_doc_path(&csaf_docs[index]);
	return ym_test_https_get_requests(test->server, path);
}

static gint64
unix_time(const gchar *iso8601)
{
	g_autoptr(GDateTime) when = g_date_time_new_from_iso8601(iso8601, NULL);
	g_assert_nonnull(when);
	return g_date_time_to_unix(when);
}

static void
test_csaf_rolie(void)
{
	g_autoptr(SyncTest) test = sync_test_new();
	g_autoptr(GBytes) rolie_more = NULL;
	g_autoptr(GBytes) rolie_touched = NULL;
	g_autofree gchar *high_water = NULL;
	g_autofree gchar *newest = NULL;
	g_autofree gchar *feed_url = NULL;
	g_autofree gchar *unchanged_line = NULL;

	if (!csaf_serve(test, 2))
		return;
	feed_url = sync_test_url(test, "/csaf/feed-tlp-white.json");
	unchanged_line = g_strdup_printf("csaf: %s not changed", feed_url);
	sync_test_configure(test, "csaf", NULL);
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpint(count_advisories(test->store, "csaf"), ==, 2);
	g_assert_cmpint(count_rows(test->store, "csaf"), ==, 2);
	g_assert_cmpint(count_cve(test->store, "csaf", "CVE-2024-7029"), ==, 1);
	g_assert_cmpint(count_cve(test->store, "csaf", "CVE-2024-3850"), ==, 1);
	for (guint i = 0; i < 2; i++) {
		g_autofree gchar *hash_path = csaf_hash_path(&csaf_docs[i]);
		g_assert_cmpuint(csaf_doc_requests(test, i), ==, 1);
		g_assert_cmpuint(ym_test_https_get_requests(test->server, hash_path), ==, 1);
	}
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/csaf/feed-tlp-green.json"), ==,
	                 0);
	g_assert_true(sync_test_has_line(test, "csaf: 2 advisories"));
	high_water = g_strdup_printf("%" G_GINT64_FORMAT, unix_time(csaf_docs[0].updated));
	{
		g_auto(YmAdvisoryFeed) feed = {0};
		g_auto(YmAdvisoryFeed) overall = {0};
		sync_test_get_feed(test, "/csaf/feed-tlp-white.json", &feed);
		g_assert_cmpstr(feed.source, ==, "csaf");
		g_assert_cmpstr(feed.high_water, ==, high_water);
		g_assert_nonnull(feed.etag);
		g_assert_cmpstr(feed.last_error, ==, NULL);
		g_assert_cmpint(feed.records, ==, 2);
		sync_test_get_feed(test, "csaf:providers", &overall);
		g_assert_cmpstr(overall.source, ==, "csaf");
		g_assert_cmpstr(overall.last_error, ==, NULL);
		g_assert_cmpint(overall.last_success, >, 0);
	}

	/* the feed unchanged: 304, no document asked for */
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/csaf/feed-tlp-white.json"), ==,
	                 2);
	g_assert_cmpuint(csaf_doc_requests(test, 0), ==, 1);
	g_assert_cmpuint(csaf_doc_requests(test, 1), ==, 1);
	g_assert_true(sync_test_has_line(test, unchanged_line));

	/* the feed rewritten with the same entries: the high-water mark
	 * keeps them from being fetched again */
	rolie_touched = csaf_rolie(test, 2, "2024-10-16T06:00:00.000Z");
	ym_test_https_clear(test->server, "/csaf/feed-tlp-white.json");
	ym_test_https_add_bytes(test->server, "/csaf/feed-tlp-white.json", rolie_touched,
	                        "application/json");
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/csaf/feed-tlp-white.json"), ==,
	                 3);
	g_assert_cmpuint(csaf_doc_requests(test, 0), ==, 1);
	g_assert_cmpuint(csaf_doc_requests(test, 1), ==, 1);
	g_assert_cmpint(count_rows(test->store, "csaf"), ==, 2);

	/* a newer entry (without a hash file): only it is fetched */
	rolie_more = csaf_rolie(test, 3, "2024-10-17T06:00:00.000Z");
	ym_test_https_clear(test->server, "/csaf/feed-tlp-white.json");
	ym_test_https_add_bytes(test->server, "/csaf/feed-tlp-white.json", rolie_more,
	                        "application/json");
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpuint(csaf_doc_requests(test, 0), ==, 1);
	g_assert_cmpuint(csaf_doc_requests(test, 1), ==, 1);
	g_assert_cmpuint(csaf_doc_requests(test, 2), ==, 1);
	g_assert_cmpint(count_advisories(test->store, "csaf"), ==, 3);
	newest = g_strdup_printf("%" G_GINT64_FORMAT, unix_time(csaf_docs[2].updated));
	{
		g_auto(YmAdvisoryFeed) feed = {0};
		sync_test_get_feed(test, "/csaf/feed-tlp-white.json", &feed);
		g_assert_cmpstr(feed.high_water, ==, newest);
	}
}

/* a document that does not match its published hash: nothing stored */
static void
test_csaf_tampered(void)
{
	g_autoptr(SyncTest) test = sync_test_new();
	g_autoptr(GBytes) original = NULL;
	g_autoptr(GBytes) tampered = NULL;
	g_autofree gchar *name = g_strconcat(CSAF_2024, csaf_docs[1].name, NULL);
	g_autofree gchar *file = NULL;
	g_autofree gchar *doc_path = csaf_doc_path(&csaf_docs[1]);
	g_autofree gchar *changed = NULL;
	gchar *found;

	if (!csaf_serve(test, 2))
		return;
	file = ym_test_shared_advisory(name);
	original = read_bytes(file);
	/* one product name changed, the JSON still valid */
	changed = g_strndup(g_bytes_get_data(original, NULL), g_bytes_get_size(original));
	found = strstr(changed, "\"name\": \"");
	g_assert_nonnull(found);
	found[9] = found[9] == 'X' ? 'Y' : 'X';
	tampered = g_bytes_new_take(g_steal_pointer(&changed), g_bytes_get_size(original));
	ym_test_https_clear(test->server, doc_path);
	ym_test_https_add_bytes(test->server, doc_path, tampered, "application/json");
	sync_test_configure(test, "csaf", NULL);

	for (guint i = 0; i < 2; i++) {
		g_auto(YmAdvisoryFeed) feed = {0};
		g_auto(YmAdvisoryFeed) overall = {0};
		g_assert_cmpint(sync_test_run(test), ==, 1);
		g_assert_cmpuint(csaf_doc_requests(test, 1), ==, i + 1);
		g_assert_cmpint(count_rows(test->store, "csaf"), ==, 0);
		sync_test_get_feed(test, "csaf:providers", &overall);
		g_assert_nonnull(overall.last_error);
		g_assert_nonnull(strstr(overall.last_error, doc_path));
		g_assert_nonnull(strstr(overall.last_error, "SHA-512 digest does not match"));
		g_assert_cmpint(overall.last_success, ==, 0);
		sync_test_get_feed(test, "/csaf/feed-tlp-white.json", &feed);
		g_assert_cmpstr(feed.high_water, ==, NULL);
	}
}

/* csaf-max documents per sync: the rest come with the next syncs, none
 * skipped, even when the feed does not change meanwhile */
static void
test_csaf_max(void)
{
	g_autoptr(SyncTest) test = sync_test_new();
	g_autofree gchar *newest = NULL;

	if (!csaf_serve(test, 3))
		return;
	sync_test_configure(test, "csaf", "csaf-max=2", NULL);

	/* the two oldest */
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpint(count_advisories(test->store, "csaf"), ==, 2);
	g_assert_cmpuint(csaf_doc_requests(test, 0), ==, 1);
	g_assert_cmpuint(csaf_doc_requests(test, 1), ==, 1);
	g_assert_cmpuint(csaf_doc_requests(test, 2), ==, 0);

	/* the third */
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpint(count_advisories(test->store, "csaf"), ==, 3);
	g_assert_cmpuint(csaf_doc_requests(test, 0), ==, 1);
	g_assert_cmpuint(csaf_doc_requests(test, 1), ==, 1);
	g_assert_cmpuint(csaf_doc_requests(test, 2), ==, 1);
	newest = g_strdup_printf("%" G_GINT64_FORMAT, unix_time(csaf_docs[2].updated));
	{
		g_auto(YmAdvisoryFeed) feed = {0};
		sync_test_get_feed(test, "/csaf/feed-tlp-white.json", &feed);
		g_assert_cmpstr(feed.high_water, ==, newest);
		g_assert_nonnull(feed.etag);
	}

	/* nothing left: a conditional GET again */
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpuint(csaf_doc_requests(test, 2), ==, 1);
	g_assert_true(sync_test_lines_contain(test, "not changed"));
}

/* changes.csv of the first @n_docs of csaf_docs, newest first */
static GBytes *
csaf_changes(guint n_docs)
{
	GString *text = g_string_new(NULL);
	for (guint i = 0; i < n_docs; i++)
		g_string_append_printf(text, "\"2024/%s\",\"%s\"\n", csaf_docs[i].name,
		                       csaf_docs[i].updated);
	return g_string_free_to_bytes(text);
}

/* a provider with a folder instead of ROLIE: changes.csv, each document
 * with its .sha512, at most csaf-max per sync */
static void
test_csaf_directory(void)
{
	g_autoptr(SyncTest) test = sync_test_new();
	g_autoptr(GBytes) metadata = NULL;
	g_autoptr(GBytes) changes = NULL;
	g_autofree gchar *newest = NULL;

	/* the documents and their hashes; the ROLIE feed goes unused */
	if (!csaf_serve(test, 2))
		return;
	metadata = csaf_provider_metadata(test, TRUE);
	changes = csaf_changes(2);
	ym_test_https_clear(test->server, "/csaf/provider-metadata.json");
	ym_test_https_add_bytes(test->server, "/csaf/provider-metadata.json", metadata,
	                        "application/json");
	ym_test_https_add_bytes(test->server, "/csaf/white/changes.csv", changes, "text/csv");
	sync_test_configure(test, "csaf", "csaf-max=1", NULL);

	/* the older one first */
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpuint(csaf_doc_requests(test, 0), ==, 0);
	g_assert_cmpuint(csaf_doc_requests(test, 1), ==, 1);
	g_assert_cmpint(count_cve(test->store, "csaf", "CVE-2024-7029"), ==, 1);
	g_assert_cmpint(count_rows(test->store, "csaf"), ==, 1);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/csaf/feed-tlp-white.json"), ==,
	                 0);

	/* then the other, though changes.csv did not change */
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpuint(csaf_doc_requests(test, 0), ==, 1);
	g_assert_cmpuint(csaf_doc_requests(test, 1), ==, 1);
	g_assert_cmpint(count_cve(test->store, "csaf", "CVE-2024-3850"), ==, 1);
	g_assert_cmpint(count_rows(test->store, "csaf"), ==, 2);
	newest = g_strdup_printf("%" G_GINT64_FORMAT, unix_time(csaf_docs[0].updated));
	{
		g_auto(YmAdvisoryFeed) feed = {0};
		sync_test_get_feed(test, "/csaf/white/changes.csv", &feed);
		g_assert_cmpstr(feed.source, ==, "csaf");
		g_assert_cmpstr(feed.high_water, ==, newest);
		g_assert_nonnull(feed.etag);
	}

	/* and nothing more */
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/csaf/white/changes.csv"), ==,
	                 3);
	g_assert_cmpuint(csaf_doc_requests(test, 0), ==, 1);
	g_assert_cmpuint(csaf_doc_requests(test, 1), ==, 1);
	g_assert_true(sync_test_lines_contain(test, "changes.csv not changed"));
}

/* CVE 5 */

/*
 * an NVD page of the two I-O DATA records, both "Awaiting Analysis" or
 * "Received" without configurations; the CVE 5 record of CVE-2024-47133
 * has two CNA affected[] (UD-LT1, UD-LT1/EX) and two CISA ADP ones (their
 * firmware CPEs), so 4 rows
 */
static void
test_cve5_gaps(void)
{
	g_autofree gchar *nvd_a = ym_test_shared_advisory("nvd/CVE-2024-47133.json");
	g_autofree gchar *nvd_b =
	    nvd_a != NULL ? ym_test_shared_advisory("nvd/CVE-2025-32002.json") : NULL;
	g_autofree gchar *cve5 =
	    nvd_b != NULL ? ym_test_shared_advisory("cve5/CVE-2024-47133.json") : NULL;
	g_autoptr(SyncTest) test = NULL;
	g_autoptr(GBytes) bytes_a = NULL;
	g_autoptr(GBytes) bytes_b = NULL;
	g_autoptr(GBytes) page = NULL;
	gchar *text;

	if (cve5 == NULL)
		return;
	test = sync_test_new();
	bytes_a = read_bytes(nvd_a);
	bytes_b = read_bytes(nvd_b);
	text = g_strdup_printf(
	    "{\"resultsPerPage\": 2, \"startIndex\": 0, \"totalResults\": 2, "
	    "\"format\": \"NVD_CVE\", \"version\": \"2.0\", \"timestamp\": "
	    "\"2025-04-10T00:00:00.000\", \"vulnerabilities\": [{\"cve\": "
	    "%.*s}, {\"cve\": %.*s}]}",
	    (gint) g_bytes_get_size(bytes_a), (const gchar *) g_bytes_get_data(bytes_a, NULL),
	    (gint) g_bytes_get_size(bytes_b), (const gchar *) g_bytes_get_data(bytes_b, NULL));
	page = g_bytes_new_take(text, strlen(text));
	ym_test_https_add_bytes(test->server, "/nvd/cves", page, "application/json");
	ym_test_https_add_file(test->server, "/cve5/CVE-2024-47133", cve5, "application/json");
	/* CVE-2025-32002: nothing, so 404 */
	sync_test_configure(test, "nvd;cve5", NULL);

	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpint(count_rows(test->store, "nvd"), ==, 2);
	g_assert_cmpint(count_rows(test->store, "cve5"), ==, 4);
	g_assert_cmpint(count_advisories(test->store, "cve5"), ==, 1);
	g_assert_cmpint(count_cve(test->store, "cve5", "CVE-2024-47133"), ==, 4);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/cve5/CVE-2024-47133"), ==, 1);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/cve5/CVE-2025-32002"), ==, 1);
	g_assert_true(sync_test_has_line(test, "cve5: 1 records"));
	{
		g_auto(YmAdvisoryFeed) feed = {0};
		sync_test_get_feed(test, "/cve5/", &feed);
		g_assert_cmpstr(feed.source, ==, "cve5");
		g_assert_cmpstr(feed.last_error, ==, NULL);
		g_assert_cmpint(feed.last_success, >, 0);
	}

	/* the next sync asks only for the one still missing */
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/cve5/CVE-2024-47133"), ==, 1);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/cve5/CVE-2025-32002"), ==, 2);
	g_assert_cmpint(count_rows(test->store, "cve5"), ==, 4);
}

/* two syncers on one store */

typedef struct {
	YmAdvisorySync *sync;
	const gchar *const *sources;
	gint failed;
} SyncJob;

static gpointer
sync_job_cb(gpointer data)
{
	SyncJob *job = data;
	g_autoptr(GError) error = NULL;
	job->failed = ym_advisory_sync_run(job->sync, job->sources, &error);
	g_assert_no_error(error);
	return NULL;
}

/* the daemon's scheduled sync and yamorictl's at once, each with its own
 * connection: one's downloads must not replace or remove the other's */
static void
test_concurrent(void)
{
	g_autofree gchar *kev_new = ym_test_shared_advisory(KEV_NEW);
	const gchar *const only_nvd[] = {"nvd", NULL};
	const gchar *const only_kev[] = {"kev", NULL};
	g_autoptr(SyncTest) test = NULL;
	g_autoptr(YmStore) other_store = NULL;
	g_autoptr(YmAdvisorySync) other = NULL;
	g_autoptr(GError) error = NULL;
	SyncJob job = {0};
	GThread *thread;

	if (kev_new == NULL)
		return;
	test = sync_test_new();
	if (!nvd_add_pages(test))
		return;
	ym_test_https_set_delay(test->server, "/nvd/cves", 400);
	ym_test_https_add_file(test->server, "/kev.json", kev_new, "application/json");
	sync_test_configure(test, "kev;nvd", NULL);
	other_store = ym_store_new(test->state_dir);
	g_assert_true(ym_store_ensure_schema(other_store, &error));
	g_assert_no_error(error);
	other = ym_advisory_sync_new(other_store);
	g_assert_true(ym_advisory_sync_load_config(other, test->config_path, &error));
	g_assert_no_error(error);

	/* the other one downloads the NVD pages slowly, keeping each until
	 * all are there; meanwhile this one fetches the KEV catalogue */
	job.sync = other;
	job.sources = only_nvd;
	thread = g_thread_new("other-sync", sync_job_cb, &job);
	g_usleep(600 * 1000);
	g_assert_cmpint(ym_advisory_sync_run(test->sync, only_kev, &error), ==, 0);
	g_assert_no_error(error);
	g_thread_join(thread);
	g_assert_cmpint(job.failed, ==, 0);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/nvd/cves"), ==, 3);
	g_assert_cmpint(count_rows(test->store, "nvd"), ==, 8);
	g_assert_cmpint(count_rows(test->store, "kev"), ==, KEV_NEW_ENTRIES);
	g_clear_object(&other);
	assert_no_downloads(test->state_dir, TRUE);
}

/* yamorictl advisories sync */

static void
run_ctl_sync(YmTestRun *r, const gchar *state_dir, const gchar *config)
{
	const gchar *argv[] = {g_getenv("YAMORICTL"),
	                       "advisories",
	                       "sync",
	                       "--state-dir",
	                       state_dir,
	                       "--config",
	                       config,
	                       NULL};

	ym_test_run_command(r, NULL, argv);
}

static void
assert_contains(const gchar *text, const gchar *part)
{
	if (text == NULL || strstr(text, part) == NULL)
		g_error("\"%s\" not in:\n%s", part, text);
}

static void
test_yamorictl(void)
{
	g_autofree gchar *kev_new = ym_test_shared_advisory(KEV_NEW);
	g_autofree gchar *rdf = kev_new != NULL ? ym_test_shared_advisory(JVN_RDF) : NULL;
	g_autoptr(SyncTest) test = NULL;
	g_autoptr(GBytes) rdf_bytes = NULL;
	g_autofree gchar *sha256 = NULL;
	g_autofree gchar *filename = NULL;
	g_autofree gchar *rdf_path = NULL;
	g_autofree gchar *second_dir = NULL;

	if (rdf == NULL)
		return;
	if (g_getenv("YAMORICTL") == NULL) {
		g_test_skip("YAMORICTL not set");
		return;
	}
	test = sync_test_new();
	rdf_bytes = read_bytes(rdf);
	sha256 = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, rdf_bytes);
	filename = g_strdup_printf("jvndb_detail_%u.rdf", this_year());
	rdf_path = g_strconcat("/jvn/", filename, NULL);
	serve_jvn_checksum(test, filename, sha256, g_bytes_get_size(rdf_bytes), NULL);
	ym_test_https_add_file(test->server, rdf_path, rdf, "application/xml");
	ym_test_https_add_file(test->server, "/kev.json", kev_new, "application/json");
	sync_test_configure(test, "kev;jvn", NULL);

	/* both sources */
	{
		g_auto(YmTestRun) r = {0};
		run_ctl_sync(&r, test->state_dir, test->config_path);
		if (r.status != 0)
			g_error("yamorictl advisories sync: %d\n%s", r.status, r.err);
		assert_contains(r.err, "kev: fetching the catalogue\n");
		assert_contains(r.err, "kev: 1404 entries (catalogue 2025.08.25)\n");
		assert_contains(r.err, "jvn: fetching ");
		assert_contains(r.err, "jvn: 2 advisories\n");
		g_assert_cmpint(count_rows(test->store, "kev"), ==, KEV_NEW_ENTRIES);
		g_assert_cmpint(count_rows(test->store, "jvn"), ==, 4);
		assert_no_downloads(test->state_dir, FALSE);
	}

	/* KEV failing in a fresh store: exit 1, JVN stored all the same */
	second_dir = g_build_filename(test->dir, "second", NULL);
	g_assert_cmpint(g_mkdir(second_dir, 0700), ==, 0);
	ym_test_https_clear(test->server, "/kev.json");
	ym_test_https_add_file(test->server, "/kev.json", kev_new, "text/html");
	{
		g_auto(YmTestRun) r = {0};
		g_autoptr(YmStore) store = ym_store_new(second_dir);
		g_autoptr(GError) error = NULL;
		g_auto(YmAdvisoryFeed) feed = {0};
		g_autofree gchar *kev_url = sync_test_url(test, "/kev.json");

		run_ctl_sync(&r, second_dir, test->config_path);
		g_assert_cmpint(r.status, ==, 1);
		assert_contains(r.err, "kev: failed, the previous data stays: ");
		assert_contains(r.err, "expected application/json, got text/html");
		assert_contains(r.err, "jvn: 2 advisories\n");
		g_assert_true(ym_store_ensure_schema(store, &error));
		g_assert_no_error(error);
		g_assert_cmpint(count_rows(store, "kev"), ==, 0);
		g_assert_cmpint(count_rows(store, "jvn"), ==, 4);
		g_assert_true(ym_advisory_db_get_feed(store, kev_url, &feed, &error));
		g_assert_no_error(error);
		g_assert_nonnull(feed.last_error);
		g_assert_cmpint(feed.last_success, ==, 0);
		assert_no_downloads(second_dir, FALSE);
	}
}

/* a provider that publishes its OpenPGP key: each document is checked
 * against its detached signature (tests/data/csaf: a throwaway key made
 * for these tests, fingerprint from "gpg --show-keys") before it is kept */
#define CSAF_TEST_FPR "65C9548B0DB0540BBAE8F5C42D3FFF623C7D38CD"

static void
csaf_signed_serve(SyncTest *test, GBytes *document)
{
	g_autofree gchar *canonical = sync_test_url(test, "/csaf/provider-metadata.json");
	g_autofree gchar *feed_url = sync_test_url(test, "/csaf/feed-signed.json");
	g_autofree gchar *key_url = sync_test_url(test, "/csaf/key.asc");
	g_autofree gchar *doc_url = sync_test_url(test, "/csaf/signed.json");
	g_autofree gchar *sig_url = sync_test_url(test, "/csaf/signed.json.asc");
	g_autofree gchar *origin = sync_test_url(test, "/");
	g_autofree gchar *key =
	    g_test_build_filename(G_TEST_DIST, "data", "csaf", "provider-key.asc", NULL);
	g_autofree gchar *signature =
	    g_test_build_filename(G_TEST_DIST, "data", "csaf", "signed.json.asc", NULL);
	gchar *metadata = g_strdup_printf(
	    "{\"canonical_url\": \"%s\", \"distributions\": [{\"rolie\": {\"feeds\": "
	    "[{\"tlp_label\": \"WHITE\", \"url\": \"%s\"}]}}], \"last_updated\": "
	    "\"2026-01-01T00:00:00Z\", \"list_on_CSAF_aggregators\": false, "
	    "\"metadata_version\": \"2.0\", \"mirror_on_CSAF_aggregators\": false, "
	    "\"public_openpgp_keys\": [{\"fingerprint\": \"" CSAF_TEST_FPR "\", \"url\": "
	    "\"%s\"}], \"publisher\": {\"category\": \"vendor\", \"name\": \"Yamori "
	    "test\", \"namespace\": \"%s\"}, \"role\": \"csaf_provider\"}",
	    canonical, feed_url, key_url, origin);
	gchar *feed = g_strdup_printf(
	    "{\"feed\": {\"id\": \"signed\", \"title\": \"signed\", \"link\": [{\"rel\": "
	    "\"self\", \"href\": \"%s\"}], \"category\": [{\"scheme\": "
	    "\"urn:ietf:params:rolie:category:information-type\", \"term\": \"csaf\"}], "
	    "\"updated\": \"2026-01-01T00:00:00Z\", \"entry\": [{\"id\": \"YM-TEST-SIGNED\", "
	    "\"title\": \"Signed test document\", \"link\": [{\"rel\": \"self\", \"href\": "
	    "\"%s\"}, {\"rel\": \"signature\", \"href\": \"%s\"}], \"published\": "
	    "\"2026-01-01T00:00:00Z\", \"updated\": \"2026-01-01T00:00:00Z\", \"content\": "
	    "{\"type\": \"application/json\", \"src\": \"%s\"}, \"format\": {\"schema\": "
	    "\"https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json\", \"version\": "
	    "\"2.0\"}}]}}",
	    feed_url, doc_url, sig_url, doc_url);

	ym_test_https_clear(test->server, "/csaf/provider-metadata.json");
	ym_test_https_clear(test->server, "/csaf/feed-signed.json");
	ym_test_https_clear(test->server, "/csaf/signed.json");
	ym_test_https_add_bytes(test->server, "/csaf/provider-metadata.json",
	                        g_bytes_new_take(metadata, strlen(metadata)), "application/json");
	ym_test_https_add_bytes(test->server, "/csaf/feed-signed.json",
	                        g_bytes_new_take(feed, strlen(feed)), "application/json");
	ym_test_https_add_file(test->server, "/csaf/key.asc", key, "application/pgp-keys");
	ym_test_https_add_file(test->server, "/csaf/signed.json.asc", signature,
	                       "application/pgp-signature");
	ym_test_https_add_bytes(test->server, "/csaf/signed.json", document, "application/json");
}

static void
test_csaf_signed(void)
{
	g_autoptr(SyncTest) test = sync_test_new();
	g_autofree gchar *path =
	    g_test_build_filename(G_TEST_DIST, "data", "csaf", "signed.json", NULL);
	g_autofree gchar *text = NULL;
	g_autofree gchar *tampered = NULL;
	g_auto(YmAdvisoryFeed) overall = {0};
	g_autoptr(GError) error = NULL;
	gsize length = 0;

	if (!g_file_test("/usr/bin/gpgv", G_FILE_TEST_IS_EXECUTABLE)) {
		g_test_skip("gpgv is not installed");
		return;
	}
	g_assert_true(g_file_get_contents(path, &text, &length, &error));
	g_assert_no_error(error);

	/* the signature matches: the document is kept */
	csaf_signed_serve(test, g_bytes_new(text, length));
	sync_test_configure(test, "csaf", NULL);
	g_assert_cmpint(sync_test_run(test), ==, 0);
	g_assert_cmpint(count_advisories(test->store, "csaf"), ==, 1);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/csaf/key.asc"), ==, 1);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/csaf/signed.json.asc"), ==, 1);

	/* the same signature over a changed document: refused, nothing new kept */
	tampered = g_strdup(text);
	tampered[strstr(tampered, "Signed test") - tampered] = 's';
	{
		g_autoptr(YmStore) fresh = NULL;
		g_clear_object(&test->sync);
		g_clear_object(&test->store);
		ym_test_rm_rf(test->state_dir);
		g_assert_cmpint(g_mkdir(test->state_dir, 0700), ==, 0);
		fresh = ym_store_new(test->state_dir);
		g_assert_true(ym_store_ensure_schema(fresh, &error));
		g_assert_no_error(error);
		test->store = g_steal_pointer(&fresh);
	}
	csaf_signed_serve(test, g_bytes_new(tampered, length));
	sync_test_configure(test, "csaf", NULL);
	g_assert_cmpint(sync_test_run(test), ==, 1);
	g_assert_cmpint(count_advisories(test->store, "csaf"), ==, 0);
	sync_test_get_feed(test, "csaf:providers", &overall);
	g_assert_nonnull(overall.last_error);
	g_test_message("refused: %s", overall.last_error);
	g_assert_nonnull(strstr(overall.last_error, "signed.json: OpenPGP signature refused"));
}

/* a folder an interrupted sync left a day ago goes; a recent one (another
 * sync may be running) stays */
static void
test_stale_downloads(void)
{
	g_autoptr(SyncTest) test = sync_test_new();
	g_autofree gchar *parent = g_build_filename(test->state_dir, "advisory-downloads", NULL);
	g_autofree gchar *stale = g_build_filename(parent, "run-STALE1", NULL);
	g_autofree gchar *stale_file = g_build_filename(stale, "download-0", NULL);
	g_autofree gchar *recent = g_build_filename(parent, "run-RECENT", NULL);
	g_autoptr(GError) error = NULL;
	struct utimbuf old = {0};

	sync_test_configure(test, "kev", NULL);
	g_assert_cmpint(g_mkdir_with_parents(stale, 0700), ==, 0);
	g_assert_cmpint(g_mkdir_with_parents(recent, 0700), ==, 0);
	g_assert_true(g_file_set_contents(stale_file, "partial", -1, &error));
	g_assert_no_error(error);
	old.actime = old.modtime = time(NULL) - 2 * 24 * 3600;
	g_assert_cmpint(g_utime(stale, &old), ==, 0);

	/* nothing is served: the source fails, but the sync set up its folder */
	ym_test_https_add_status(test->server, "/kev.json", 404, NULL);
	g_assert_cmpint(sync_test_run(test), ==, 1);
	g_assert_false(g_file_test(stale, G_FILE_TEST_EXISTS));
	g_assert_true(g_file_test(recent, G_FILE_TEST_IS_DIR));
	g_rmdir(recent);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/advisory-sync/kev/catalogue", test_kev_catalogue);
	g_test_add_func("/ym/advisory-sync/kev/retry-after", test_kev_retry_after);
	g_test_add_func("/ym/advisory-sync/kev/broken", test_kev_broken);
	g_test_add_func("/ym/advisory-sync/nvd/pages", test_nvd_pages);
	g_test_add_func("/ym/advisory-sync/nvd/api-key", test_nvd_api_key);
	g_test_add_func("/ym/advisory-sync/nvd/all-or-nothing", test_nvd_all_or_nothing);
	g_test_add_func("/ym/advisory-sync/nvd/stuck", test_nvd_stuck);
	g_test_add_func("/ym/advisory-sync/jvn/checksum", test_jvn_checksum);
	g_test_add_func("/ym/advisory-sync/jvn/mismatch", test_jvn_mismatch);
	g_test_add_func("/ym/advisory-sync/jvn/malformed", test_jvn_malformed);
	g_test_add_func("/ym/advisory-sync/myjvn/api", test_myjvn_api);
	g_test_add_func("/ym/advisory-sync/myjvn/error", test_myjvn_error);
	g_test_add_func("/ym/advisory-sync/myjvn/stuck", test_myjvn_stuck);
	g_test_add_func("/ym/advisory-sync/myjvn/all-or-nothing", test_myjvn_all_or_nothing);
	g_test_add_func("/ym/advisory-sync/csaf/rolie", test_csaf_rolie);
	g_test_add_func("/ym/advisory-sync/csaf/tampered", test_csaf_tampered);
	g_test_add_func("/ym/advisory-sync/csaf/max", test_csaf_max);
	g_test_add_func("/ym/advisory-sync/csaf/directory", test_csaf_directory);
	g_test_add_func("/ym/advisory-sync/cve5/gaps", test_cve5_gaps);
	g_test_add_func("/ym/advisory-sync/concurrent", test_concurrent);
	g_test_add_func("/ym/advisory-sync/yamorictl", test_yamorictl);
	g_test_add_func("/ym/advisory-sync/csaf/signed", test_csaf_signed);
	g_test_add_func("/ym/advisory-sync/stale-downloads", test_stale_downloads);
	return g_test_run();
}
