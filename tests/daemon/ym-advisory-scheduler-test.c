/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* the daemon's advisory schedule: a sync in a worker thread with its own
 * database connection, against a loopback HTTPS server, and the
 * configuration it refuses at start */

#include "config.h"

#include <glib/gstdio.h>

#include "ym-advisory-db.h"
#include "ym-advisory-scheduler.h"
#include "ym-error.h"
#include "ym-test-common.h"
#include "ym-test-https.h"

static void
on_finished(YmAdvisoryScheduler *scheduler, gint failed, gpointer user_data)
{
	gint *result = user_data;
	*result = failed;
}

static gchar *
write_config(const gchar *dir, YmTestHttps *server, guint interval_hours)
{
	g_autofree gchar *kev_url = ym_test_https_get_url(server, "/kev.json");
	g_autofree gchar *path = g_build_filename(dir, "yamori.conf", NULL);
	g_autofree gchar *text =
	    g_strdup_printf("[advisories]\n"
	                    "sources=kev\n"
	                    "interval-hours=%u\n"
	                    "ca-file=%s\n"
	                    "kev-url=%s\n",
	                    interval_hours, ym_test_https_get_ca_file(server), kev_url);
	g_autoptr(GError) error = NULL;
	g_assert_true(g_file_set_contents(path, text, -1, &error));
	g_assert_no_error(error);
	return g_steal_pointer(&path);
}

/* the first sync follows the start; the KEV catalogue lands in the store
 * the daemon uses, while the main context stays free */
static void
test_first_sync(void)
{
	g_autofree gchar *kev = ym_test_shared_advisory("kev/known_exploited_vulnerabilities.json");
	g_autofree gchar *dir = NULL;
	g_autofree gchar *config = NULL;
	g_autofree gchar *kev_url = NULL;
	g_autoptr(YmTestHttps) server = NULL;
	g_autoptr(YmAdvisoryScheduler) scheduler = NULL;
	g_autoptr(YmStore) store = NULL;
	g_autoptr(GError) error = NULL;
	g_auto(YmAdvisoryFeed) feed = {0};
	gint failed = -2;
	gint64 deadline;

	if (kev == NULL)
		return;
	dir = ym_test_make_tmpdir();
	server = ym_test_https_new();
	ym_test_https_add_file(server, "/kev.json", kev, "application/json");
	config = write_config(dir, server, 24);
	scheduler = ym_advisory_scheduler_new(dir, config);
	g_signal_connect(scheduler, "finished", G_CALLBACK(on_finished), &failed);
	g_assert_true(ym_advisory_scheduler_start(scheduler, 0, &error));
	g_assert_no_error(error);
	deadline = g_get_monotonic_time() + 60 * G_USEC_PER_SEC;
	while (failed == -2 && g_get_monotonic_time() < deadline)
		g_main_context_iteration(NULL, TRUE);
	g_assert_cmpint(failed, ==, 0);
	g_assert_false(ym_advisory_scheduler_is_running(scheduler));
	g_assert_cmpuint(ym_test_https_get_requests(server, "/kev.json"), ==, 1);

	/* 1404 entries in the 2025-08-25 catalogue ("count" and the array) */
	store = ym_store_new(dir);
	g_assert_true(ym_store_ensure_schema(store, &error));
	g_assert_no_error(error);
	g_assert_cmpint(ym_advisory_db_count(store, "kev", &error), ==, 1404);
	kev_url = ym_test_https_get_url(server, "/kev.json");
	g_assert_true(ym_advisory_db_get_feed(store, kev_url, &feed, &error));
	g_assert_no_error(error);
	g_assert_cmpstr(feed.high_water, ==, "2025.08.25");
	g_assert_null(feed.last_error);

	/* "sync now" again: a conditional request, answered 304 */
	failed = -2;
	g_assert_true(ym_advisory_scheduler_sync_now(scheduler));
	g_assert_false(ym_advisory_scheduler_sync_now(scheduler));
	while (failed == -2 && g_get_monotonic_time() < deadline)
		g_main_context_iteration(NULL, TRUE);
	g_assert_cmpint(failed, ==, 0);
	g_assert_cmpuint(ym_test_https_get_requests(server, "/kev.json"), ==, 2);
	g_assert_cmpint(ym_advisory_db_count(store, "kev", &error), ==, 1404);
	ym_test_rm_rf(dir);
}

/* a configuration with a plain-HTTP feed is refused when the daemon starts */
static void
test_bad_config_refused(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autofree gchar *config = g_build_filename(dir, "yamori.conf", NULL);
	g_autoptr(YmAdvisoryScheduler) scheduler = NULL;
	g_autoptr(GError) error = NULL;

	g_assert_true(g_file_set_contents(
	    config, "[advisories]\nkev-url=http://127.0.0.1:1/kev.json\n", -1, &error));
	scheduler = ym_advisory_scheduler_new(dir, config);
	g_assert_false(ym_advisory_scheduler_start(scheduler, 0, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_nonnull(strstr(error->message, "kev-url"));
	g_assert_nonnull(strstr(error->message, "not an https:// address"));
	ym_test_rm_rf(dir);
}

/* interval-hours=0: a home that keeps the appliance offline */
static void
test_schedule_off(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autofree gchar *config = g_build_filename(dir, "yamori.conf", NULL);
	g_autoptr(YmAdvisoryScheduler) scheduler = NULL;
	g_autoptr(GError) error = NULL;
	gint failed = -2;
	gint64 until = g_get_monotonic_time() + G_USEC_PER_SEC;

	g_assert_true(g_file_set_contents(config, "[advisories]\ninterval-hours=0\n", -1, &error));
	scheduler = ym_advisory_scheduler_new(dir, config);
	g_signal_connect(scheduler, "finished", G_CALLBACK(on_finished), &failed);
	g_assert_true(ym_advisory_scheduler_start(scheduler, 0, &error));
	g_assert_no_error(error);
	while (g_get_monotonic_time() < until)
		g_main_context_iteration(NULL, FALSE);
	g_assert_cmpint(failed, ==, -2);
	g_assert_false(ym_advisory_scheduler_is_running(scheduler));
	ym_test_rm_rf(dir);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/advisory-scheduler/first-sync", test_first_sync);
	g_test_add_func("/ym/advisory-scheduler/bad-config-refused", test_bad_config_refused);
	g_test_add_func("/ym/advisory-scheduler/schedule-off", test_schedule_off);
	return g_test_run();
}
