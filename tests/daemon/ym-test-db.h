/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* the one integer @sql returns from the yamori.db a yamorid run left in
 * @dir, read straight from the file (the test checks what was stored) */
static inline gint64
ym_test_db_count(const gchar *dir, const gchar *sql)
{
	g_autofree gchar *path = g_build_filename(dir, "yamori.db", NULL);
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	gint64 n;
	g_assert_cmpint(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
	g_assert_cmpint(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
	g_assert_cmpint(sqlite3_step(stmt), ==, SQLITE_ROW);
	n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return n;
}

G_END_DECLS
