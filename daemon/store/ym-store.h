/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define YM_TYPE_STORE (ym_store_get_type())
G_DECLARE_FINAL_TYPE(YmStore, ym_store, YM, STORE, GObject)

/* the statements the store knows; callers bind and step them */
typedef enum {
	YM_STORE_STMT_UPSERT_DEVICE,
	YM_STORE_STMT_UPSERT_ADDRESS,
	YM_STORE_STMT_UPSERT_NAME,
	YM_STORE_STMT_UPSERT_OBSERVATION,
	YM_STORE_STMT_INSERT_FLOW,
	YM_STORE_STMT_UPSERT_SERVICE,
	YM_STORE_STMT_UPSERT_ALERT,
	YM_STORE_STMT_INSERT_RUN,
	YM_STORE_STMT_LAST
} YmStoreStmt;

/* the database file is @dir/yamori.db; with @dir NULL an in-memory store */
YmStore *
ym_store_new(const gchar *dir);
gboolean
ym_store_ensure_schema(YmStore *self, GError **error);
/* the folder of the database, NULL for an in-memory store */
const gchar *
ym_store_get_dir(YmStore *self);
guint
ym_store_get_schema_version(YmStore *self);

/* the household knows @mac: no "new device" alert for it, and an open one
 * is acknowledged */
gboolean
ym_store_mark_known(YmStore *self, const gchar *mac, gint64 now, GError **error);

/* a transaction around a batch of writes */
gboolean
ym_store_begin(YmStore *self, GError **error);
gboolean
ym_store_commit(YmStore *self, GError **error);
void
ym_store_rollback(YmStore *self);
gboolean
ym_store_in_transaction(YmStore *self);

/* a prepared, reset statement to bind; ym_store_step() runs it to the end */
gpointer
ym_store_get_statement(YmStore *self, YmStoreStmt which, GError **error);
gboolean
ym_store_step(YmStore *self, gpointer stmt, GError **error);
gint64
ym_store_last_insert_rowid(YmStore *self);
/* a statement prepared once per store and reset for reuse, for components
 * that keep their own tables (the advisories); the store owns it */
gpointer
ym_store_prepare(YmStore *self, const gchar *sql, GError **error);
/* steps a query: 1 with a row to read, 0 at the end (reset), -1 on error */
gint
ym_store_step_row(YmStore *self, gpointer stmt, GError **error);
/* the raw handle, for read-only queries of reports */
gpointer
ym_store_get_db(YmStore *self);

/* one-off SQL with no results */
gboolean
ym_store_exec(YmStore *self, const gchar *sql, GError **error);

/* helpers for bindings */
gboolean
ym_store_bind_text(gpointer stmt, gint index, const gchar *text);
gboolean
ym_store_bind_int64(gpointer stmt, gint index, gint64 value);
gboolean
ym_store_bind_null(gpointer stmt, gint index);

G_END_DECLS
