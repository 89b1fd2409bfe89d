/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "ym-error.h"
#include "ym-store.h"
#include "ym-test-common.h"

static gint64
count_rows(YmStore *store, const gchar *sql)
{
	sqlite3_stmt *stmt = NULL;
	gint64 n;
	g_assert_cmpint(sqlite3_prepare_v2(ym_store_get_db(store), sql, -1, &stmt, NULL), ==,
	                SQLITE_OK);
	g_assert_cmpint(sqlite3_step(stmt), ==, SQLITE_ROW);
	n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

static void
test_schema_and_reopen(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autoptr(GError) error = NULL;
	{
		g_autoptr(YmStore) store = ym_store_new(dir);
		gpointer stmt;
		g_assert_true(ym_store_ensure_schema(store, &error));
		g_assert_no_error(error);
		g_assert_cmpuint(ym_store_get_schema_version(store), ==, 5);
		g_assert_true(ym_store_begin(store, &error));
		stmt = ym_store_get_statement(store, YM_STORE_STMT_UPSERT_DEVICE, &error);
		g_assert_no_error(error);
		ym_store_bind_text(stmt, 1, "aa:bb:cc:dd:ee:ff");
		ym_store_bind_text(stmt, 3, "phone");
		ym_store_bind_int64(stmt, 4, 40);
		ym_store_bind_int64(stmt, 8, 0);
		ym_store_bind_int64(stmt, 10, 0);
		ym_store_bind_int64(stmt, 11, 100);
		ym_store_bind_int64(stmt, 12, 200);
		for (gint i = 13; i <= 16; i++)
			ym_store_bind_int64(stmt, i, 0);
		g_assert_true(ym_store_step(store, stmt, &error));
		/* the same device again widens the time range */
		stmt = ym_store_get_statement(store, YM_STORE_STMT_UPSERT_DEVICE, &error);
		ym_store_bind_text(stmt, 1, "aa:bb:cc:dd:ee:ff");
		ym_store_bind_text(stmt, 3, "phone");
		ym_store_bind_int64(stmt, 4, 60);
		ym_store_bind_int64(stmt, 8, 0);
		ym_store_bind_int64(stmt, 10, 0);
		ym_store_bind_int64(stmt, 11, 50);
		ym_store_bind_int64(stmt, 12, 150);
		for (gint i = 13; i <= 16; i++)
			ym_store_bind_int64(stmt, i, 0);
		g_assert_true(ym_store_step(store, stmt, &error));
		g_assert_true(ym_store_commit(store, &error));
		g_assert_no_error(error);
	}
	{
		g_autoptr(YmStore) store = ym_store_new(dir);
		g_assert_true(ym_store_ensure_schema(store, &error));
		g_assert_cmpint(count_rows(store, "SELECT count(*) FROM devices"), ==, 1);
		g_assert_cmpint(count_rows(store, "SELECT first_seen FROM devices"), ==, 50);
		g_assert_cmpint(count_rows(store, "SELECT last_seen FROM devices"), ==, 200);
		g_assert_cmpint(count_rows(store, "SELECT kind_confidence FROM devices"), ==, 60);
		/* WAL journal */
		{
			sqlite3_stmt *stmt = NULL;
			sqlite3_prepare_v2(ym_store_get_db(store), "PRAGMA journal_mode", -1, &stmt,
			                   NULL);
			g_assert_cmpint(sqlite3_step(stmt), ==, SQLITE_ROW);
			g_assert_cmpstr((const gchar *) sqlite3_column_text(stmt, 0), ==, "wal");
			sqlite3_finalize(stmt);
		}
	}
	ym_test_rm_rf(dir);
}

static void
test_rollback(void)
{
	g_autoptr(YmStore) store = ym_store_new(NULL);
	g_autoptr(GError) error = NULL;
	g_assert_true(ym_store_ensure_schema(store, &error));
	g_assert_true(ym_store_begin(store, &error));
	g_assert_true(ym_store_exec(
	    store, "INSERT INTO devices (mac, first_seen, last_seen) VALUES ('x', 1, 1)", &error));
	ym_store_rollback(store);
	g_assert_false(ym_store_in_transaction(store));
	g_assert_cmpint(count_rows(store, "SELECT count(*) FROM devices"), ==, 0);
}

static void
test_newer_schema_refused(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autoptr(GError) error = NULL;
	{
		g_autoptr(YmStore) store = ym_store_new(dir);
		g_assert_true(ym_store_ensure_schema(store, &error));
		g_assert_true(ym_store_exec(store, "UPDATE schema SET version = 99", &error));
	}
	{
		g_autoptr(YmStore) store = ym_store_new(dir);
		g_assert_false(ym_store_ensure_schema(store, &error));
		g_assert_error(error, YM_ERROR, YM_ERROR_NOT_SUPPORTED);
		g_assert_nonnull(strstr(error->message, "version 99"));
	}
	ym_test_rm_rf(dir);
}

static void
test_not_a_database(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autofree gchar *path = g_build_filename(dir, "yamori.db", NULL);
	g_autoptr(GError) error = NULL;
	g_autoptr(YmStore) store = ym_store_new(dir);
	g_file_set_contents(
	    path, "this is not sqlite, just some text that is long enough to matter", -1, &error);
	g_assert_no_error(error);
	g_assert_false(ym_store_ensure_schema(store, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_nonnull(strstr(error->message, "yamori.db"));
	ym_test_rm_rf(dir);
}

/* the store of tests/data/store/@name copied into @dir as its yamori.db,
 * opened and migrated */
static YmStore *
open_fixture(const gchar *dir, const gchar *name)
{
	g_autofree gchar *fixture = g_test_build_filename(G_TEST_DIST, "data", "store", name, NULL);
	g_autofree gchar *copy = g_build_filename(dir, "yamori.db", NULL);
	g_autofree gchar *contents = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(YmStore) store = ym_store_new(dir);
	gsize length = 0;

	g_file_get_contents(fixture, &contents, &length, &error);
	g_assert_no_error(error);
	g_file_set_contents(copy, contents, (gssize) length, &error);
	g_assert_no_error(error);
	g_assert_true(ym_store_ensure_schema(store, &error));
	g_assert_no_error(error);
	return g_steal_pointer(&store);
}

/* a store written by schema version 1 (tests/data/store/schema-v1.db, made
 * by yamorid from zeek-dhcp.pcap and ndpi-ubiquiti-discovery.pcap) migrates
 * to the current version and keeps what it held */
static void
test_migrate_v1(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autoptr(YmStore) store = open_fixture(dir, "schema-v1.db");

	g_assert_cmpuint(ym_store_get_schema_version(store), ==, 5);
	g_assert_cmpint(count_rows(store, "SELECT count(*) FROM devices"), ==, 3);
	g_assert_cmpint(count_rows(store, "SELECT count(*) FROM addresses"), ==, 3);
	g_assert_cmpint(count_rows(store, "SELECT count(*) FROM runs"), ==, 1);
	g_assert_cmpint(
	    count_rows(store, "SELECT kind_confidence FROM devices WHERE model = 'UGW3'"), ==, 90);
	/* the new columns start at zero until the next classification */
	g_assert_cmpint(count_rows(store, "SELECT sum(model_confidence) FROM devices"), ==, 0);
	ym_test_rm_rf(dir);
}

/* a store written by schema version 4 (tests/data/store/schema-v4.db, made
 * by yamorid from ndpi-telnet-login.pcap and zeek-dhcp.pcap) gains the
 * advisory tables and keeps its devices and alerts */
static void
test_migrate_v4(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autoptr(YmStore) store = open_fixture(dir, "schema-v4.db");

	g_assert_cmpuint(ym_store_get_schema_version(store), ==, 5);
	g_assert_cmpint(count_rows(store, "SELECT count(*) FROM devices"), ==, 4);
	g_assert_cmpint(count_rows(store,
	                           "SELECT count(*) FROM alerts WHERE mac = "
	                           "'00:00:c0:9f:a0:97' AND type = 'insecure_remote_access'"),
	                ==, 2);
	g_assert_cmpint(count_rows(store, "SELECT count(*) FROM advisories"), ==, 0);
	g_assert_cmpint(count_rows(store, "SELECT count(*) FROM advisory_feeds"), ==, 0);
	g_assert_cmpint(count_rows(store, "SELECT count(*) FROM device_identity"), ==, 0);
	ym_test_rm_rf(dir);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/store/schema-and-reopen", test_schema_and_reopen);
	g_test_add_func("/ym/store/rollback", test_rollback);
	g_test_add_func("/ym/store/newer-schema-refused", test_newer_schema_refused);
	g_test_add_func("/ym/store/not-a-database", test_not_a_database);
	g_test_add_func("/ym/store/migrate-v1", test_migrate_v1);
	g_test_add_func("/ym/store/migrate-v4", test_migrate_v4);
	return g_test_run();
}
