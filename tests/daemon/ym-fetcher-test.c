/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "YmFetcherTest"

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <utime.h>

#include "ym-error.h"
#include "ym-fetcher.h"
#include "ym-test-common.h"
#include "ym-test-https.h"

static const gchar *const json_types[] = {"application/json", NULL};

/* one server, one fetcher trusting it, one folder */
typedef struct {
	YmTestHttps *server;
	YmFetcher *fetcher;
	gchar *dir;
	gchar *dest;
} YmFetcherTest;

static YmFetcherTest *
ym_fetcher_test_new(void)
{
	YmFetcherTest *test = g_new0(YmFetcherTest, 1);
	test->server = ym_test_https_new();
	test->fetcher = ym_fetcher_new();
	ym_fetcher_set_ca_file(test->fetcher, ym_test_https_get_ca_file(test->server));
	/* tests wait milliseconds, not the production seconds */
	ym_fetcher_set_retries(test->fetcher, 3, 10, 200);
	test->dir = ym_test_make_tmpdir();
	test->dest = g_build_filename(test->dir, "feed.json", NULL);
	return test;
}

static void
ym_fetcher_test_free(YmFetcherTest *test)
{
	g_object_unref(test->fetcher);
	ym_test_https_free(test->server);
	ym_test_rm_rf(test->dir);
	g_free(test->dir);
	g_free(test->dest);
	g_free(test);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(YmFetcherTest, ym_fetcher_test_free)

/* deterministic JSON-looking text of about @length bytes */
static GBytes *
ym_fetcher_test_make_body(gsize length, guint32 seed)
{
	g_autoptr(GRand) rand = g_rand_new_with_seed(seed);
	GString *text = g_string_new("{\"vulnerabilities\":[");
	while (text->len + 40 < length)
		g_string_append_printf(text, "{\"id\":\"CVE-2024-%u\"},",
		                       g_rand_int_range(rand, 1000, 99999));
	g_string_append(text, "{}]}");
	return g_string_free_to_bytes(text);
}

static void
ym_fetcher_test_write(const gchar *path, const gchar *text)
{
	g_autoptr(GError) error = NULL;
	g_file_set_contents(path, text, -1, &error);
	g_assert_no_error(error);
}

static void
ym_fetcher_test_assert_file(const gchar *path, const gchar *data, gsize length)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *contents = NULL;
	gsize contents_length = 0;
	g_file_get_contents(path, &contents, &contents_length, &error);
	g_assert_no_error(error);
	g_assert_cmpmem(contents, contents_length, data, length);
}

static void
ym_fetcher_test_assert_bytes(const gchar *path, GBytes *bytes)
{
	ym_fetcher_test_assert_file(path, g_bytes_get_data(bytes, NULL), g_bytes_get_size(bytes));
}

/* the folder holds @expected entries: no temporary file left behind */
static void
ym_fetcher_test_assert_entries(const gchar *dir, guint expected)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GDir) handle = g_dir_open(dir, 0, &error);
	guint count = 0;
	g_assert_no_error(error);
	while (g_dir_read_name(handle) != NULL)
		count++;
	g_assert_cmpuint(count, ==, expected);
}

/* a failing fetch leaves the old copy alone and no temporary file */
static GError *
ym_fetcher_test_fetch_fails(YmFetcherTest *test,
                            const gchar *path,
                            const gchar *const *accept_types)
{
	g_autofree gchar *url = ym_test_https_get_url(test->server, path);
	YmFetchResult result = YM_FETCH_RESULT_OK;
	GError *error = NULL;

	ym_fetcher_test_write(test->dest, "old copy");
	g_assert_false(
	    ym_fetcher_fetch(test->fetcher, url, accept_types, NULL, test->dest, &result, &error));
	g_assert_nonnull(error);
	ym_fetcher_test_assert_file(test->dest, "old copy", 8);
	ym_fetcher_test_assert_entries(test->dir, 1);
	return error;
}

static GBytes *
ym_fetcher_test_raw(const gchar *head, gsize body_length, gchar fill);

static gchar *
ym_fetcher_test_message(YmFetcherTest *test, const gchar *path, const gchar *what)
{
	g_autofree gchar *url = ym_test_https_get_url(test->server, path);
	return g_strdup_printf("%s: %s", url, what);
}

typedef struct {
	guint calls;
	goffset received;
	goffset total;
} YmProgress;

static void
ym_fetcher_test_progress_cb(goffset received, goffset total, gpointer user_data)
{
	YmProgress *progress = user_data;
	g_assert_cmpint(received, >, progress->received);
	progress->calls++;
	progress->received = received;
	progress->total = total;
}

static void
ym_fetcher_ok_func(void)
{
	g_autoptr(YmFetcherTest) test = ym_fetcher_test_new();
	g_autoptr(GBytes) body = ym_fetcher_test_make_body(300000, 1);
	g_autofree gchar *file = g_build_filename(test->dir, "served.json", NULL);
	g_autofree gchar *url = ym_test_https_get_url(test->server, "/feed.json");
	g_autofree gchar *checksum = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, body);
	g_autofree gchar *etag = g_strdup_printf("\"%.16s\"", checksum);
	g_autofree gchar *date = NULL;
	g_autofree gchar *user_agent = NULL;
	g_autofree gchar *accept = NULL;
	g_autoptr(GDateTime) mtime = NULL;
	g_autoptr(GError) error = NULL;
	g_auto(YmFetchValidators) validators = {NULL, NULL};
	YmFetchResult result = YM_FETCH_RESULT_NOT_MODIFIED;
	YmProgress progress = {0};
	GStatBuf stat_buf;

	/* the served file, with a known modification time */
	g_file_set_contents(file, g_bytes_get_data(body, NULL), (gssize) g_bytes_get_size(body),
	                    &error);
	g_assert_no_error(error);
	mtime = g_date_time_new_utc(2025, 3, 14, 15, 9, 26);
	g_assert_true(g_utime(file, &(struct utimbuf){1741964966, 1741964966}) == 0);
	date = g_date_time_format(mtime, "%a, %d %b %Y %H:%M:%S GMT");
	g_assert_cmpstr(date, ==, "Fri, 14 Mar 2025 15:09:26 GMT");
	ym_test_https_add_file(test->server, "/feed.json", file, "application/json");

	ym_fetcher_set_progress_func(test->fetcher, ym_fetcher_test_progress_cb, &progress);
	g_assert_true(ym_fetcher_fetch(test->fetcher, url, json_types, &validators, test->dest,
	                               &result, &error));
	g_assert_no_error(error);
	g_assert_cmpint(result, ==, YM_FETCH_RESULT_OK);
	ym_fetcher_test_assert_bytes(test->dest, body);
	g_assert_cmpstr(validators.etag, ==, etag);
	g_assert_cmpstr(validators.last_modified, ==, date);

	/* private file, nothing else left in the folder */
	g_assert_cmpint(g_stat(test->dest, &stat_buf), ==, 0);
	g_assert_cmpint(stat_buf.st_mode & 0777, ==, 0600);
	ym_fetcher_test_assert_entries(test->dir, 2);

	/* what the server saw */
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/feed.json"), ==, 1);
	user_agent = ym_test_https_dup_request_header(test->server, "/feed.json", "User-Agent");
	g_assert_cmpstr(user_agent, ==, "Yamori/" PACKAGE_VERSION " (+https://github.com/yamori)");
	accept = ym_test_https_dup_request_header(test->server, "/feed.json", "Accept");
	g_assert_cmpstr(accept, ==, "application/json");

	/* progress up to the whole body */
	g_assert_cmpuint(progress.calls, >, 1);
	g_assert_cmpint(progress.received, ==, (goffset) g_bytes_get_size(body));
	g_assert_cmpint(progress.total, ==, (goffset) g_bytes_get_size(body));
}

static void
ym_fetcher_shared_file_func(void)
{
	g_autoptr(YmFetcherTest) test = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(GMappedFile) mapped = NULL;
	g_autofree gchar *url = NULL;
	g_autofree gchar *file = NULL;
	YmFetchResult result = YM_FETCH_RESULT_NOT_MODIFIED;

	file = ym_test_shared_advisory("kev/known_exploited_vulnerabilities.json");
	if (file == NULL)
		return;
	test = ym_fetcher_test_new();
	url = ym_test_https_get_url(test->server, "/kev.json");
	ym_test_https_add_file(test->server, "/kev.json", file, "application/json");
	g_assert_true(
	    ym_fetcher_fetch(test->fetcher, url, json_types, NULL, test->dest, &result, &error));
	g_assert_no_error(error);
	g_assert_cmpint(result, ==, YM_FETCH_RESULT_OK);
	mapped = g_mapped_file_new(file, FALSE, &error);
	g_assert_no_error(error);
	ym_fetcher_test_assert_file(test->dest, g_mapped_file_get_contents(mapped),
	                            g_mapped_file_get_length(mapped));
}

static void
ym_fetcher_not_modified_func(void)
{
	g_autoptr(YmFetcherTest) test = ym_fetcher_test_new();
	g_autoptr(GBytes) first = ym_fetcher_test_make_body(5000, 2);
	g_autoptr(GBytes) second = ym_fetcher_test_make_body(6000, 3);
	g_autofree gchar *url = ym_test_https_get_url(test->server, "/feed.json");
	g_autofree gchar *first_etag = NULL;
	g_autofree gchar *if_none_match = NULL;
	g_autofree gchar *if_modified_since = NULL;
	g_autoptr(GError) error = NULL;
	g_auto(YmFetchValidators) validators = {NULL, NULL};
	YmFetchValidators dated = {NULL, NULL};
	YmFetchResult result = YM_FETCH_RESULT_NOT_MODIFIED;

	ym_test_https_add_bytes(test->server, "/feed.json", first, "application/json");
	g_assert_true(ym_fetcher_fetch(test->fetcher, url, json_types, &validators, test->dest,
	                               &result, &error));
	g_assert_no_error(error);
	g_assert_cmpint(result, ==, YM_FETCH_RESULT_OK);
	g_assert_nonnull(validators.etag);
	g_assert_nonnull(validators.last_modified);
	first_etag = g_strdup(validators.etag);

	/* conditional: 304, dest untouched */
	ym_fetcher_test_write(test->dest, "cached copy");
	g_assert_true(ym_fetcher_fetch(test->fetcher, url, json_types, &validators, test->dest,
	                               &result, &error));
	g_assert_no_error(error);
	g_assert_cmpint(result, ==, YM_FETCH_RESULT_NOT_MODIFIED);
	ym_fetcher_test_assert_file(test->dest, "cached copy", 11);
	ym_fetcher_test_assert_entries(test->dir, 1);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/feed.json"), ==, 2);
	if_none_match =
	    ym_test_https_dup_request_header(test->server, "/feed.json", "If-None-Match");
	g_assert_cmpstr(if_none_match, ==, first_etag);
	g_assert_cmpstr(validators.etag, ==, first_etag);

	/* Last-Modified alone is enough too */
	dated.last_modified = g_strdup(validators.last_modified);
	g_assert_true(
	    ym_fetcher_fetch(test->fetcher, url, json_types, &dated, test->dest, &result, &error));
	g_assert_no_error(error);
	g_assert_cmpint(result, ==, YM_FETCH_RESULT_NOT_MODIFIED);
	if_modified_since =
	    ym_test_https_dup_request_header(test->server, "/feed.json", "If-Modified-Since");
	g_assert_cmpstr(if_modified_since, ==, validators.last_modified);
	ym_fetch_validators_clear(&dated);
	g_assert_null(dated.last_modified);

	/* the feed changed: 200, new body, new validators */
	ym_test_https_clear(test->server, "/feed.json");
	ym_test_https_add_bytes(test->server, "/feed.json", second, "application/json");
	g_assert_true(ym_fetcher_fetch(test->fetcher, url, json_types, &validators, test->dest,
	                               &result, &error));
	g_assert_no_error(error);
	g_assert_cmpint(result, ==, YM_FETCH_RESULT_OK);
	ym_fetcher_test_assert_bytes(test->dest, second);
	g_assert_cmpstr(validators.etag, !=, first_etag);
	g_assert_true(g_str_has_prefix(validators.etag, "\""));
	g_assert_cmpuint(strlen(validators.etag), ==, 18);
}

static void
ym_fetcher_retry_5xx_func(void)
{
	g_autoptr(YmFetcherTest) test = ym_fetcher_test_new();
	g_autoptr(GBytes) body = ym_fetcher_test_make_body(2000, 4);
	g_autofree gchar *url = ym_test_https_get_url(test->server, "/flaky.json");
	g_autofree gchar *expected = NULL;
	g_autoptr(GError) error = NULL;
	YmFetchResult result = YM_FETCH_RESULT_NOT_MODIFIED;

	g_autoptr(GBytes) busy = ym_fetcher_test_raw("HTTP/1.1 503 Service Unavailable\r\n"
	                                             "Content-Type: text/html\r\n"
	                                             "Content-Length: 4000\r\n"
	                                             "\r\n",
	                                             4000, 'h');

	/* one with an error page, one without */
	ym_test_https_add_raw(test->server, "/flaky.json", busy);
	ym_test_https_add_status(test->server, "/flaky.json", 503, NULL);
	ym_test_https_add_bytes(test->server, "/flaky.json", body, "application/json");
	g_assert_true(
	    ym_fetcher_fetch(test->fetcher, url, json_types, NULL, test->dest, &result, &error));
	g_assert_no_error(error);
	g_assert_cmpint(result, ==, YM_FETCH_RESULT_OK);
	ym_fetcher_test_assert_bytes(test->dest, body);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/flaky.json"), ==, 3);

	/* always failing: the first attempt plus the retries, then an error */
	ym_fetcher_set_retries(test->fetcher, 2, 10, 50);
	ym_test_https_add_status(test->server, "/down.json", 500, NULL);
	error = ym_fetcher_test_fetch_fails(test, "/down.json", json_types);
	expected = ym_fetcher_test_message(test, "/down.json", "HTTP 500 after 3 attempts");
	g_assert_error(error, YM_ERROR, YM_ERROR_READ);
	g_assert_cmpstr(error->message, ==, expected);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/down.json"), ==, 3);
}

static void
ym_fetcher_retry_after_func(void)
{
	g_autoptr(YmFetcherTest) test = ym_fetcher_test_new();
	g_autoptr(GBytes) body = ym_fetcher_test_make_body(2000, 5);
	g_autoptr(GDateTime) later = NULL;
	g_autofree gchar *url = ym_test_https_get_url(test->server, "/limited.json");
	g_autofree gchar *dated_url = ym_test_https_get_url(test->server, "/dated.json");
	g_autofree gchar *capped_url = ym_test_https_get_url(test->server, "/capped.json");
	g_autofree gchar *date = NULL;
	g_autoptr(GError) error = NULL;
	YmFetchResult result = YM_FETCH_RESULT_NOT_MODIFIED;
	gint64 start;
	gint64 elapsed;

	/* seconds: the base delay is 10 ms, so a wait of a second is Retry-After */
	ym_fetcher_set_retries(test->fetcher, 3, 10, 5000);
	ym_test_https_add_status(test->server, "/limited.json", 429, "Retry-After", "1", NULL);
	ym_test_https_add_bytes(test->server, "/limited.json", body, "application/json");
	start = g_get_monotonic_time();
	g_assert_true(
	    ym_fetcher_fetch(test->fetcher, url, json_types, NULL, test->dest, &result, &error));
	elapsed = g_get_monotonic_time() - start;
	g_assert_no_error(error);
	ym_fetcher_test_assert_bytes(test->dest, body);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/limited.json"), ==, 2);
	g_assert_cmpint(elapsed, >=, 1000 * 1000);
	g_assert_cmpint(elapsed, <, 4000 * 1000);

	/* an HTTP date two seconds ahead: more than one second of wait */
	later = g_date_time_add_seconds(g_date_time_new_now_utc(), 2);
	date = g_date_time_format(later, "%a, %d %b %Y %H:%M:%S GMT");
	ym_test_https_add_status(test->server, "/dated.json", 503, "Retry-After", date, NULL);
	ym_test_https_add_bytes(test->server, "/dated.json", body, "application/json");
	start = g_get_monotonic_time();
	g_assert_true(ym_fetcher_fetch(test->fetcher, dated_url, json_types, NULL, test->dest,
	                               &result, &error));
	elapsed = g_get_monotonic_time() - start;
	g_assert_no_error(error);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/dated.json"), ==, 2);
	g_assert_cmpint(elapsed, >=, 900 * 1000);
	g_assert_cmpint(elapsed, <, 5000 * 1000);

	/* two minutes asked, 300 ms allowed */
	ym_fetcher_set_retries(test->fetcher, 3, 10, 300);
	ym_test_https_add_status(test->server, "/capped.json", 429, "Retry-After", "120", NULL);
	ym_test_https_add_bytes(test->server, "/capped.json", body, "application/json");
	start = g_get_monotonic_time();
	g_assert_true(ym_fetcher_fetch(test->fetcher, capped_url, json_types, NULL, test->dest,
	                               &result, &error));
	elapsed = g_get_monotonic_time() - start;
	g_assert_no_error(error);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/capped.json"), ==, 2);
	g_assert_cmpint(elapsed, >=, 300 * 1000);
	g_assert_cmpint(elapsed, <, 3000 * 1000);
}

static void
ym_fetcher_status_func(void)
{
	g_autoptr(YmFetcherTest) test = ym_fetcher_test_new();
	struct {
		const gchar *path;
		guint status;
		gint code;
	} cases[] = {
	    {"/missing.json", 404, YM_ERROR_NOT_FOUND},
	    {"/gone.json", 410, YM_ERROR_NOT_FOUND},
	    {"/forbidden.json", 403, YM_ERROR_PERMISSION_DENIED},
	    {"/bad.json", 400, YM_ERROR_READ},
	};

	g_autoptr(GBytes) page = ym_fetcher_test_raw("HTTP/1.1 404 Not Found\r\n"
	                                             "Content-Type: text/html\r\n"
	                                             "Content-Length: 9\r\n"
	                                             "\r\n"
	                                             "not found",
	                                             0, 0);
	g_autoptr(GError) error_page = NULL;
	g_autofree gchar *expected_page = NULL;

	/* an error page is not a wrong content type */
	ym_test_https_add_raw(test->server, "/page", page);
	error_page = ym_fetcher_test_fetch_fails(test, "/page", json_types);
	expected_page = ym_fetcher_test_message(test, "/page", "HTTP 404");
	g_assert_error(error_page, YM_ERROR, YM_ERROR_NOT_FOUND);
	g_assert_cmpstr(error_page->message, ==, expected_page);

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GError) error = NULL;
		g_autofree gchar *what = g_strdup_printf("HTTP %u", cases[i].status);
		g_autofree gchar *expected = ym_fetcher_test_message(test, cases[i].path, what);
		ym_test_https_add_status(test->server, cases[i].path, cases[i].status, NULL);
		error = ym_fetcher_test_fetch_fails(test, cases[i].path, json_types);
		g_assert_error(error, YM_ERROR, cases[i].code);
		g_assert_cmpstr(error->message, ==, expected);
		/* not retried */
		g_assert_cmpuint(ym_test_https_get_requests(test->server, cases[i].path), ==, 1);
	}
}

static void
ym_fetcher_query_hidden_func(void)
{
	g_autoptr(YmFetcherTest) test = ym_fetcher_test_new();
	g_autofree gchar *base = ym_test_https_get_url(test->server, "/feed.json");
	g_autofree gchar *url = g_strconcat(base, "?apiKey=SECRET-KEY&page=2#frag", NULL);
	g_autofree gchar *expected = g_strdup_printf("%s: HTTP 404", base);
	g_autoptr(GError) error = NULL;
	YmFetchResult result = YM_FETCH_RESULT_OK;

	ym_test_https_add_status(test->server, "/feed.json", 404, NULL);
	g_assert_false(
	    ym_fetcher_fetch(test->fetcher, url, json_types, NULL, test->dest, &result, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_NOT_FOUND);
	g_assert_cmpstr(error->message, ==, expected);
	g_assert_null(strstr(error->message, "SECRET"));

	/* user and password too */
	g_free(url);
	url = g_strdup_printf("https://user:PASSWORD@127.0.0.1:%u/feed.json",
	                      ym_test_https_get_port(test->server));
	g_clear_error(&error);
	g_assert_false(
	    ym_fetcher_fetch(test->fetcher, url, json_types, NULL, test->dest, &result, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_NOT_FOUND);
	g_assert_cmpstr(error->message, ==, expected);
}

static GBytes *
ym_fetcher_test_raw(const gchar *head, gsize body_length, gchar fill)
{
	GByteArray *raw = g_byte_array_new();
	g_byte_array_append(raw, (const guint8 *) head, strlen(head));
	for (gsize i = 0; i < body_length; i++)
		g_byte_array_append(raw, (const guint8 *) &fill, 1);
	return g_byte_array_free_to_bytes(raw);
}

static void
ym_fetcher_truncated_func(void)
{
	g_autoptr(YmFetcherTest) test = ym_fetcher_test_new();
	g_autoptr(GBytes) raw = ym_fetcher_test_raw("HTTP/1.1 200 OK\r\n"
	                                            "Content-Type: application/json\r\n"
	                                            "Content-Length: 5000\r\n"
	                                            "\r\n",
	                                            1000, 'x');
	g_autoptr(GBytes) raw_chunked = ym_fetcher_test_raw("HTTP/1.1 200 OK\r\n"
	                                                    "Content-Type: application/json\r\n"
	                                                    "Transfer-Encoding: chunked\r\n"
	                                                    "\r\n"
	                                                    "3e8\r\n",
	                                                    1000, 'x');
	g_autofree gchar *expected = ym_fetcher_test_message(
	    test, "/short.json", "connection closed after 1000 of 5000 bytes");
	g_autoptr(GError) error = NULL;
	g_autoptr(GError) error_chunked = NULL;

	ym_test_https_add_raw(test->server, "/short.json", raw);
	error = ym_fetcher_test_fetch_fails(test, "/short.json", json_types);
	g_assert_error(error, YM_ERROR, YM_ERROR_READ);
	g_assert_cmpstr(error->message, ==, expected);
	/* a truncation is not retried */
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/short.json"), ==, 1);

	/* chunked, without the last chunk */
	ym_test_https_add_raw(test->server, "/short-chunked.json", raw_chunked);
	error_chunked = ym_fetcher_test_fetch_fails(test, "/short-chunked.json", json_types);
	g_test_message("chunked: %s", error_chunked->message);
	g_assert_error(error_chunked, YM_ERROR, YM_ERROR_READ);
	g_assert_true(g_str_has_prefix(error_chunked->message, "https://127.0.0.1:"));
}

static GBytes *
ym_fetcher_test_gzip(GBytes *plain)
{
	g_autoptr(GZlibCompressor) compressor =
	    g_zlib_compressor_new(G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
	g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable();
	g_autoptr(GOutputStream) stream =
	    g_converter_output_stream_new(memory, G_CONVERTER(compressor));
	g_autoptr(GError) error = NULL;
	g_output_stream_write_all(stream, g_bytes_get_data(plain, NULL), g_bytes_get_size(plain),
	                          NULL, NULL, &error);
	g_assert_no_error(error);
	g_output_stream_close(stream, NULL, &error);
	g_assert_no_error(error);
	return g_memory_output_stream_steal_as_bytes(G_MEMORY_OUTPUT_STREAM(memory));
}

static GBytes *
ym_fetcher_test_raw_gzip(GBytes *plain)
{
	g_autoptr(GBytes) compressed = ym_fetcher_test_gzip(plain);
	g_autofree gchar *head = g_strdup_printf("HTTP/1.1 200 OK\r\n"
	                                         "Content-Type: application/json\r\n"
	                                         "Content-Encoding: gzip\r\n"
	                                         "Content-Length: %" G_GSIZE_FORMAT "\r\n"
	                                         "\r\n",
	                                         g_bytes_get_size(compressed));
	GByteArray *raw = g_byte_array_new();
	g_byte_array_append(raw, (const guint8 *) head, strlen(head));
	g_byte_array_append(raw, g_bytes_get_data(compressed, NULL), g_bytes_get_size(compressed));
	return g_byte_array_free_to_bytes(raw);
}

static void
ym_fetcher_oversized_func(void)
{
	g_autoptr(YmFetcherTest) test = ym_fetcher_test_new();
	g_autoptr(GBytes) exact = ym_fetcher_test_raw("", 1048576, 'a');
	g_autoptr(GBytes) big = ym_fetcher_test_raw("", 1048577, 'a');
	g_autoptr(GBytes) zeros = ym_fetcher_test_raw("", 4 * 1048576, '\0');
	g_autoptr(GBytes) chunked = NULL;
	g_autoptr(GBytes) bomb = ym_fetcher_test_raw_gzip(zeros);
	g_autofree gchar *url = ym_test_https_get_url(test->server, "/exact.json");
	g_autoptr(GError) error = NULL;
	YmFetchResult result = YM_FETCH_RESULT_NOT_MODIFIED;
	const gchar *paths[] = {"/big.json", "/chunked.json", "/bomb.json"};
	GString *chunked_text = g_string_new("HTTP/1.1 200 OK\r\n"
	                                     "Content-Type: application/json\r\n"
	                                     "Transfer-Encoding: chunked\r\n"
	                                     "\r\n");

	/* no Content-Length: only the write callback can count */
	for (guint i = 0; i < 40; i++) {
		g_string_append(chunked_text, "8000\r\n");
		for (guint j = 0; j < 0x8000; j++)
			g_string_append_c(chunked_text, 'b');
		g_string_append(chunked_text, "\r\n");
	}
	g_string_append(chunked_text, "0\r\n\r\n");
	chunked = g_string_free_to_bytes(chunked_text);

	ym_fetcher_set_max_size(test->fetcher, 1048576);
	ym_test_https_add_bytes(test->server, "/exact.json", exact, "application/json");
	ym_test_https_add_bytes(test->server, "/big.json", big, "application/json");
	ym_test_https_add_raw(test->server, "/chunked.json", chunked);
	ym_test_https_add_raw(test->server, "/bomb.json", bomb);

	/* exactly the cap is fine */
	g_assert_true(
	    ym_fetcher_fetch(test->fetcher, url, json_types, NULL, test->dest, &result, &error));
	g_assert_no_error(error);
	ym_fetcher_test_assert_bytes(test->dest, exact);

	for (guint i = 0; i < G_N_ELEMENTS(paths); i++) {
		g_autoptr(GError) error_big =
		    ym_fetcher_test_fetch_fails(test, paths[i], json_types);
		g_autofree gchar *message =
		    ym_fetcher_test_message(test, paths[i], "body larger than 1048576 bytes");
		g_assert_error(error_big, YM_ERROR, YM_ERROR_INVALID_DATA);
		g_assert_cmpstr(error_big->message, ==, message);
		g_assert_cmpuint(ym_test_https_get_requests(test->server, paths[i]), ==, 1);
	}
}

static void
ym_fetcher_gzip_func(void)
{
	g_autoptr(YmFetcherTest) test = ym_fetcher_test_new();
	g_autoptr(GBytes) plain = ym_fetcher_test_make_body(100000, 6);
	g_autoptr(GBytes) raw = ym_fetcher_test_raw_gzip(plain);
	g_autofree gchar *url = ym_test_https_get_url(test->server, "/packed.json");
	g_autofree gchar *accept_encoding = NULL;
	g_autoptr(GError) error = NULL;
	YmFetchResult result = YM_FETCH_RESULT_NOT_MODIFIED;

	ym_test_https_add_raw(test->server, "/packed.json", raw);
	g_assert_true(
	    ym_fetcher_fetch(test->fetcher, url, json_types, NULL, test->dest, &result, &error));
	g_assert_no_error(error);
	ym_fetcher_test_assert_bytes(test->dest, plain);
	accept_encoding =
	    ym_test_https_dup_request_header(test->server, "/packed.json", "Accept-Encoding");
	g_assert_nonnull(strstr(accept_encoding, "gzip"));
}

static void
ym_fetcher_content_type_func(void)
{
	g_autoptr(YmFetcherTest) test = ym_fetcher_test_new();
	g_autoptr(GBytes) body = ym_fetcher_test_make_body(1000, 7);
	g_autoptr(GBytes) untyped = ym_fetcher_test_raw("HTTP/1.1 200 OK\r\n"
	                                                "Content-Length: 2\r\n"
	                                                "\r\n"
	                                                "{}",
	                                                0, 0);
	const gchar *const two_types[] = {"application/json", "application/zip", NULL};
	g_autofree gchar *charset_url = ym_test_https_get_url(test->server, "/charset.json");
	g_autofree gchar *html_url = ym_test_https_get_url(test->server, "/page.html");
	g_autofree gchar *expected = NULL;
	g_autofree gchar *expected_two = NULL;
	g_autofree gchar *expected_none = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(GError) error_html = NULL;
	g_autoptr(GError) error_two = NULL;
	g_autoptr(GError) error_none = NULL;
	YmFetchResult result = YM_FETCH_RESULT_NOT_MODIFIED;

	ym_test_https_add_bytes(test->server, "/page.html", body, "text/html");
	ym_test_https_add_bytes(test->server, "/charset.json", body,
	                        "Application/JSON; charset=utf-8");
	ym_test_https_add_raw(test->server, "/untyped", untyped);

	error_html = ym_fetcher_test_fetch_fails(test, "/page.html", json_types);
	expected =
	    ym_fetcher_test_message(test, "/page.html", "expected application/json, got text/html");
	g_assert_error(error_html, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_cmpstr(error_html->message, ==, expected);

	error_two = ym_fetcher_test_fetch_fails(test, "/page.html", two_types);
	expected_two = ym_fetcher_test_message(test, "/page.html",
	                                       "expected application/json or application/zip, "
	                                       "got text/html");
	g_assert_cmpstr(error_two->message, ==, expected_two);

	error_none = ym_fetcher_test_fetch_fails(test, "/untyped", json_types);
	expected_none = ym_fetcher_test_message(test, "/untyped",
	                                        "expected application/json, got no Content-Type");
	g_assert_cmpstr(error_none->message, ==, expected_none);

	/* parameters and case do not matter */
	g_assert_true(ym_fetcher_fetch(test->fetcher, charset_url, json_types, NULL, test->dest,
	                               &result, &error));
	g_assert_no_error(error);
	ym_fetcher_test_assert_bytes(test->dest, body);

	/* no list: anything goes */
	g_assert_true(
	    ym_fetcher_fetch(test->fetcher, html_url, NULL, NULL, test->dest, &result, &error));
	g_assert_no_error(error);
	ym_fetcher_test_assert_bytes(test->dest, body);
}

static void
ym_fetcher_redirect_func(void)
{
	g_autoptr(YmFetcherTest) test = ym_fetcher_test_new();
	g_autoptr(GBytes) body = ym_fetcher_test_make_body(3000, 8);
	g_autofree gchar *url = ym_test_https_get_url(test->server, "/r0");
	g_autofree gchar *http_url =
	    g_strdup_printf("%s/plain.json", ym_test_https_get_proxy_url(test->server));
	g_autofree gchar *expected_http = NULL;
	g_autofree gchar *expected_loop = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(GError) error_http = NULL;
	g_autoptr(GError) error_loop = NULL;
	YmFetchResult result = YM_FETCH_RESULT_NOT_MODIFIED;

	const guint statuses[] = {301, 302, 303, 307, 308};
	g_autoptr(GBytes) moved = ym_fetcher_test_raw("HTTP/1.1 303 See Other\r\n"
	                                              "Location: /r3\r\n"
	                                              "Content-Type: text/html\r\n"
	                                              "Content-Length: 3000\r\n"
	                                              "\r\n",
	                                              3000, 'm');
	g_autoptr(GBytes) moved_big = ym_fetcher_test_raw("HTTP/1.1 302 Found\r\n"
	                                                  "Location: r4\r\n"
	                                                  "Content-Type: text/html\r\n"
	                                                  "Content-Length: 300000\r\n"
	                                                  "\r\n",
	                                                  300000, 'm');

	/* five redirects, absolute and relative, then the file */
	for (guint i = 0; i < G_N_ELEMENTS(statuses); i++) {
		g_autofree gchar *path = g_strdup_printf("/r%u", i);
		g_autofree gchar *next = g_strdup_printf("/r%u", i + 1);
		g_autofree gchar *next_url = ym_test_https_get_url(test->server, next);
		ym_test_https_add_status(test->server, path, statuses[i], "Location",
		                         i % 2 == 0 ? next_url : next, NULL);
	}
	/* with a page, as many servers send, small or not */
	ym_test_https_clear(test->server, "/r2");
	ym_test_https_add_raw(test->server, "/r2", moved);
	ym_test_https_clear(test->server, "/r3");
	ym_test_https_add_raw(test->server, "/r3", moved_big);
	ym_test_https_add_bytes(test->server, "/r5", body, "application/json");
	g_assert_true(
	    ym_fetcher_fetch(test->fetcher, url, json_types, NULL, test->dest, &result, &error));
	g_assert_no_error(error);
	ym_fetcher_test_assert_bytes(test->dest, body);
	for (guint i = 0; i <= 5; i++) {
		g_autofree gchar *path = g_strdup_printf("/r%u", i);
		g_assert_cmpuint(ym_test_https_get_requests(test->server, path), ==, 1);
	}

	/* a sixth is too many */
	ym_test_https_add_status(test->server, "/loop", 302, "Location", "/loop", NULL);
	error_loop = ym_fetcher_test_fetch_fails(test, "/loop", json_types);
	expected_loop = ym_fetcher_test_message(test, "/loop", "more than 5 redirects");
	g_assert_error(error_loop, YM_ERROR, YM_ERROR_READ);
	g_assert_cmpstr(error_loop->message, ==, expected_loop);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/loop"), ==, 6);

	/* to plain HTTP: refused without connecting */
	ym_test_https_add_status(test->server, "/downgrade", 302, "Location", http_url, NULL);
	error_http = ym_fetcher_test_fetch_fails(test, "/downgrade", json_types);
	expected_http =
	    ym_fetcher_test_message(test, "/downgrade", "redirect to a non-HTTPS address refused");
	g_assert_error(error_http, YM_ERROR, YM_ERROR_NOT_SUPPORTED);
	g_assert_cmpstr(error_http->message, ==, expected_http);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/downgrade"), ==, 1);
	g_assert_cmpuint(ym_test_https_get_proxy_connections(test->server), ==, 0);
}

static void
ym_fetcher_http_refused_func(void)
{
	g_autoptr(YmFetcherTest) test = ym_fetcher_test_new();
	g_autofree gchar *url = g_strdup_printf("%s/feed.json?apiKey=SECRET",
	                                        ym_test_https_get_proxy_url(test->server));
	g_autofree gchar *expected = NULL;
	g_autoptr(GError) error = NULL;
	YmFetchResult result = YM_FETCH_RESULT_OK;

	expected = g_strdup_printf("%s/feed.json: only https:// addresses are allowed",
	                           ym_test_https_get_proxy_url(test->server));
	g_assert_false(
	    ym_fetcher_fetch(test->fetcher, url, json_types, NULL, test->dest, &result, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_NOT_SUPPORTED);
	g_assert_cmpstr(error->message, ==, expected);
	/* no connection, no file */
	g_assert_cmpuint(ym_test_https_get_proxy_connections(test->server), ==, 0);
	ym_fetcher_test_assert_entries(test->dir, 0);
}

static void
ym_fetcher_timeout_func(void)
{
	g_autoptr(YmFetcherTest) test = ym_fetcher_test_new();
	g_autoptr(GBytes) body = ym_fetcher_test_make_body(1000, 9);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *prefix = NULL;
	gint64 start;
	gint64 elapsed;

	ym_test_https_add_bytes(test->server, "/slow.json", body, "application/json");
	ym_test_https_set_delay(test->server, "/slow.json", 4000);
	ym_fetcher_set_timeouts(test->fetcher, 5, 1);
	start = g_get_monotonic_time();
	error = ym_fetcher_test_fetch_fails(test, "/slow.json", json_types);
	elapsed = g_get_monotonic_time() - start;
	prefix = ym_fetcher_test_message(test, "/slow.json", "timed out: ");
	g_test_message("timeout: %s", error->message);
	g_assert_error(error, YM_ERROR, YM_ERROR_READ);
	g_assert_true(g_str_has_prefix(error->message, prefix));
	g_assert_cmpint(elapsed, >=, 900 * 1000);
	g_assert_cmpint(elapsed, <, 3500 * 1000);
	/* a timeout is not retried */
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/slow.json"), ==, 1);
}

static void
ym_fetcher_headers_func(void)
{
	g_autoptr(YmFetcherTest) test = ym_fetcher_test_new();
	g_autoptr(GBytes) body = ym_fetcher_test_make_body(1000, 10);
	g_autofree gchar *url = ym_test_https_get_url(test->server, "/api.json");
	g_autofree gchar *same_url = ym_test_https_get_url(test->server, "/same");
	g_autofree gchar *other_url = NULL;
	g_autofree gchar *key = NULL;
	g_autofree gchar *key_same = NULL;
	g_autofree gchar *key_other = NULL;
	g_autofree gchar *key_missing = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(GError) error_missing = NULL;
	g_autoptr(GError) error_invalid = NULL;
	const gchar *const headers[] = {"apiKey: SECRET-KEY-1234", NULL};
	const gchar *const bad_headers[] = {"apiKey: SECRET\r\nX-Injected: 1", NULL};
	YmFetchResult result = YM_FETCH_RESULT_NOT_MODIFIED;

	ym_test_https_add_bytes(test->server, "/api.json", body, "application/json");
	g_assert_true(ym_fetcher_fetch_full(test->fetcher, url, json_types, headers, NULL,
	                                    test->dest, &result, NULL, &error));
	g_assert_no_error(error);
	key = ym_test_https_dup_request_header(test->server, "/api.json", "apiKey");
	g_assert_cmpstr(key, ==, "SECRET-KEY-1234");

	/* kept on the same origin, dropped when a redirect leaves it
	 * (localhost is another host name for the same server) */
	other_url =
	    g_strdup_printf("https://localhost:%u/other", ym_test_https_get_port(test->server));
	ym_test_https_add_status(test->server, "/same", 302, "Location", "/to-other", NULL);
	ym_test_https_add_status(test->server, "/to-other", 307, "Location", other_url, NULL);
	ym_test_https_add_bytes(test->server, "/other", body, "application/json");
	g_assert_true(ym_fetcher_fetch_full(test->fetcher, same_url, json_types, headers, NULL,
	                                    test->dest, &result, NULL, &error));
	g_assert_no_error(error);
	ym_fetcher_test_assert_bytes(test->dest, body);
	key_same = ym_test_https_dup_request_header(test->server, "/to-other", "apiKey");
	g_assert_cmpstr(key_same, ==, "SECRET-KEY-1234");
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/other"), ==, 1);
	key_other = ym_test_https_dup_request_header(test->server, "/other", "apiKey");
	g_assert_null(key_other);

	/* never in messages */
	ym_test_https_add_status(test->server, "/missing", 404, NULL);
	g_free(url);
	url = ym_test_https_get_url(test->server, "/missing");
	g_assert_false(ym_fetcher_fetch_full(test->fetcher, url, json_types, headers, NULL,
	                                     test->dest, &result, NULL, &error_missing));
	g_assert_error(error_missing, YM_ERROR, YM_ERROR_NOT_FOUND);
	g_assert_null(strstr(error_missing->message, "SECRET"));
	key_missing = ym_test_https_dup_request_header(test->server, "/missing", "apiKey");
	g_assert_cmpstr(key_missing, ==, "SECRET-KEY-1234");

	/* header injection refused before connecting, without quoting it */
	g_assert_false(ym_fetcher_fetch_full(test->fetcher, url, json_types, bad_headers, NULL,
	                                     test->dest, &result, NULL, &error_invalid));
	g_assert_error(error_invalid, YM_ERROR, YM_ERROR_INTERNAL);
	g_assert_null(strstr(error_invalid->message, "SECRET"));
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/missing"), ==, 1);
}

static void
ym_fetcher_tls_func(void)
{
	g_autoptr(YmFetcherTest) test = ym_fetcher_test_new();
	g_autoptr(YmTestHttps) wrong = ym_test_https_new_wrong_host();
	g_autoptr(YmFetcher) untrusting = ym_fetcher_new();
	g_autoptr(GBytes) body = ym_fetcher_test_make_body(1000, 11);
	g_autofree gchar *url = ym_test_https_get_url(test->server, "/feed.json");
	g_autofree gchar *wrong_url = ym_test_https_get_url(wrong, "/feed.json");
	g_autoptr(GError) error = NULL;
	g_autoptr(GError) error_wrong = NULL;
	YmFetchResult result = YM_FETCH_RESULT_OK;

	/* the system store does not know the test CA */
	ym_test_https_add_bytes(test->server, "/feed.json", body, "application/json");
	g_assert_false(
	    ym_fetcher_fetch(untrusting, url, json_types, NULL, test->dest, &result, &error));
	g_test_message("untrusted: %s", error->message);
	g_assert_error(error, YM_ERROR, YM_ERROR_READ);
	g_assert_true(g_str_has_prefix(error->message, url));
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/feed.json"), ==, 0);
	ym_fetcher_test_assert_entries(test->dir, 0);

	/* a trusted CA, but the certificate names another host */
	ym_test_https_add_bytes(wrong, "/feed.json", body, "application/json");
	g_assert_false(ym_fetcher_fetch(test->fetcher, wrong_url, json_types, NULL, test->dest,
	                                &result, &error_wrong));
	g_test_message("wrong host: %s", error_wrong->message);
	g_assert_error(error_wrong, YM_ERROR, YM_ERROR_READ);
	g_assert_true(g_str_has_prefix(error_wrong->message, wrong_url));
	g_assert_nonnull(strstr(error_wrong->message, ": TLS: "));
	g_assert_cmpuint(ym_test_https_get_requests(wrong, "/feed.json"), ==, 0);
	ym_fetcher_test_assert_entries(test->dir, 0);
}

static void
ym_fetcher_proxy_func(void)
{
	g_autoptr(YmFetcherTest) test = ym_fetcher_test_new();
	g_autoptr(GBytes) body = ym_fetcher_test_make_body(20000, 12);
	g_autofree gchar *url = ym_test_https_get_url(test->server, "/feed.json");
	const gchar *proxy_url = ym_test_https_get_proxy_url(test->server);
	g_autoptr(GError) error = NULL;
	YmFetchResult result = YM_FETCH_RESULT_NOT_MODIFIED;

	ym_test_https_add_bytes(test->server, "/feed.json", body, "application/json");

	/* libcurl reads https_proxy when no proxy is configured */
	g_setenv("https_proxy", proxy_url, TRUE);
	g_assert_true(
	    ym_fetcher_fetch(test->fetcher, url, json_types, NULL, test->dest, &result, &error));
	g_assert_no_error(error);
	ym_fetcher_test_assert_bytes(test->dest, body);
	g_assert_cmpuint(ym_test_https_get_proxy_connections(test->server), ==, 1);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/feed.json"), ==, 1);

	/* and no_proxy */
	g_setenv("no_proxy", "127.0.0.1", TRUE);
	g_assert_true(
	    ym_fetcher_fetch(test->fetcher, url, json_types, NULL, test->dest, &result, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(ym_test_https_get_proxy_connections(test->server), ==, 1);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/feed.json"), ==, 2);
	g_unsetenv("no_proxy");

	/* "" means direct whatever the environment says */
	ym_fetcher_set_proxy(test->fetcher, "");
	g_assert_true(
	    ym_fetcher_fetch(test->fetcher, url, json_types, NULL, test->dest, &result, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(ym_test_https_get_proxy_connections(test->server), ==, 1);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/feed.json"), ==, 3);
	g_unsetenv("https_proxy");

	/* a configured proxy */
	ym_fetcher_set_proxy(test->fetcher, proxy_url);
	g_assert_true(
	    ym_fetcher_fetch(test->fetcher, url, json_types, NULL, test->dest, &result, &error));
	g_assert_no_error(error);
	ym_fetcher_test_assert_bytes(test->dest, body);
	g_assert_cmpuint(ym_test_https_get_proxy_connections(test->server), ==, 2);
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/feed.json"), ==, 4);
}

static void
ym_fetcher_write_error_func(void)
{
	g_autoptr(YmFetcherTest) test = ym_fetcher_test_new();
	g_autoptr(GBytes) body = ym_fetcher_test_make_body(256 * 1024, 13);
	g_autofree gchar *url = ym_test_https_get_url(test->server, "/feed.json");
	g_autofree gchar *prefix = g_strdup_printf("writing %s/.feed.json.", test->dir);
	g_autoptr(GError) error = NULL;
	YmFetchResult result = YM_FETCH_RESULT_OK;
	struct rlimit saved;
	struct rlimit limited;
	void (*saved_handler)(int);

	ym_test_https_add_bytes(test->server, "/feed.json", body, "application/json");
	ym_fetcher_test_write(test->dest, "old copy");

	/* a file size limit fails write() as a full disk would */
	g_assert_cmpint(getrlimit(RLIMIT_FSIZE, &saved), ==, 0);
	limited = saved;
	limited.rlim_cur = 64 * 1024;
	saved_handler = signal(SIGXFSZ, SIG_IGN);
	g_assert_cmpint(setrlimit(RLIMIT_FSIZE, &limited), ==, 0);
	g_assert_false(
	    ym_fetcher_fetch(test->fetcher, url, json_types, NULL, test->dest, &result, &error));
	g_assert_cmpint(setrlimit(RLIMIT_FSIZE, &saved), ==, 0);
	signal(SIGXFSZ, saved_handler);

	g_test_message("write: %s", error->message);
	g_assert_error(error, YM_ERROR, YM_ERROR_WRITE);
	g_assert_true(g_str_has_prefix(error->message, prefix));
	g_assert_nonnull(strstr(error->message, g_strerror(EFBIG)));
	ym_fetcher_test_assert_file(test->dest, "old copy", 8);
	ym_fetcher_test_assert_entries(test->dir, 1);
}

static void
ym_fetcher_rename_error_func(void)
{
	g_autoptr(YmFetcherTest) test = ym_fetcher_test_new();
	g_autoptr(GBytes) body = ym_fetcher_test_make_body(1000, 14);
	g_autofree gchar *url = ym_test_https_get_url(test->server, "/feed.json");
	g_autofree gchar *inside = g_build_filename(test->dest, "keep", NULL);
	g_autofree gchar *prefix = g_strdup_printf("renaming %s/.feed.json.", test->dir);
	g_autoptr(GError) error = NULL;
	YmFetchResult result = YM_FETCH_RESULT_OK;

	/* a non-empty folder where the file should go */
	g_assert_cmpint(g_mkdir(test->dest, 0700), ==, 0);
	ym_fetcher_test_write(inside, "x");
	ym_test_https_add_bytes(test->server, "/feed.json", body, "application/json");
	g_assert_false(
	    ym_fetcher_fetch(test->fetcher, url, json_types, NULL, test->dest, &result, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_WRITE);
	g_assert_true(g_str_has_prefix(error->message, prefix));
	ym_fetcher_test_assert_entries(test->dir, 1);
	ym_fetcher_test_assert_file(inside, "x", 1);
}

static gpointer
ym_fetcher_test_cancel_later_cb(gpointer user_data)
{
	g_usleep(300 * 1000);
	g_cancellable_cancel(user_data);
	return NULL;
}

static void
ym_fetcher_cancel_func(void)
{
	g_autoptr(YmFetcherTest) test = ym_fetcher_test_new();
	g_autoptr(GBytes) body = ym_fetcher_test_make_body(1000, 15);
	g_autofree gchar *slow_url = ym_test_https_get_url(test->server, "/slow.json");
	g_autofree gchar *busy_url = ym_test_https_get_url(test->server, "/busy.json");
	const gchar *urls[] = {slow_url, busy_url};

	/* during the transfer, and during the wait between attempts */
	ym_test_https_add_bytes(test->server, "/slow.json", body, "application/json");
	ym_test_https_set_delay(test->server, "/slow.json", 5000);
	ym_test_https_add_status(test->server, "/busy.json", 503, "Retry-After", "30", NULL);
	ym_fetcher_set_retries(test->fetcher, 3, 10, 30000);
	for (guint i = 0; i < G_N_ELEMENTS(urls); i++) {
		g_autoptr(GCancellable) cancellable = g_cancellable_new();
		g_autoptr(GError) error = NULL;
		GThread *thread =
		    g_thread_new("cancel", ym_fetcher_test_cancel_later_cb, cancellable);
		YmFetchResult result = YM_FETCH_RESULT_OK;
		gint64 start = g_get_monotonic_time();
		g_assert_false(ym_fetcher_fetch_full(test->fetcher, urls[i], json_types, NULL, NULL,
		                                     test->dest, &result, cancellable, &error));
		g_assert_error(error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
		g_assert_cmpint(g_get_monotonic_time() - start, <, 3 * G_USEC_PER_SEC);
		g_thread_join(thread);
		ym_fetcher_test_assert_entries(test->dir, 0);
	}
	g_assert_cmpuint(ym_test_https_get_requests(test->server, "/busy.json"), ==, 1);
}

int
main(int argc, char **argv)
{
	const gchar *proxy_variables[] = {"http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy",
	                                  "ALL_PROXY",  "no_proxy",    "NO_PROXY"};

	/* the tests decide about proxies, not the machine */
	for (guint i = 0; i < G_N_ELEMENTS(proxy_variables); i++)
		g_unsetenv(proxy_variables[i]);

	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/fetcher/ok", ym_fetcher_ok_func);
	g_test_add_func("/ym/fetcher/shared-file", ym_fetcher_shared_file_func);
	g_test_add_func("/ym/fetcher/not-modified", ym_fetcher_not_modified_func);
	g_test_add_func("/ym/fetcher/retry-5xx", ym_fetcher_retry_5xx_func);
	g_test_add_func("/ym/fetcher/retry-after", ym_fetcher_retry_after_func);
	g_test_add_func("/ym/fetcher/status", ym_fetcher_status_func);
	g_test_add_func("/ym/fetcher/query-hidden", ym_fetcher_query_hidden_func);
	g_test_add_func("/ym/fetcher/truncated", ym_fetcher_truncated_func);
	g_test_add_func("/ym/fetcher/oversized", ym_fetcher_oversized_func);
	g_test_add_func("/ym/fetcher/gzip", ym_fetcher_gzip_func);
	g_test_add_func("/ym/fetcher/content-type", ym_fetcher_content_type_func);
	g_test_add_func("/ym/fetcher/redirect", ym_fetcher_redirect_func);
	g_test_add_func("/ym/fetcher/http-refused", ym_fetcher_http_refused_func);
	g_test_add_func("/ym/fetcher/timeout", ym_fetcher_timeout_func);
	g_test_add_func("/ym/fetcher/headers", ym_fetcher_headers_func);
	g_test_add_func("/ym/fetcher/tls", ym_fetcher_tls_func);
	g_test_add_func("/ym/fetcher/proxy", ym_fetcher_proxy_func);
	g_test_add_func("/ym/fetcher/write-error", ym_fetcher_write_error_func);
	g_test_add_func("/ym/fetcher/rename-error", ym_fetcher_rename_error_func);
	g_test_add_func("/ym/fetcher/cancel", ym_fetcher_cancel_func);
	return g_test_run();
}
