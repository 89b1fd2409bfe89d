/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * the SQLite store: WAL journal, versioned schema with one migration per
 * step, prepared statements only, and writes batched into transactions by
 * the caller (never one per packet)
 */

#define G_LOG_DOMAIN "YmStore"

#include "config.h"

#include "ym-store.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ym-error.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC(sqlite3_stmt, sqlite3_finalize)

/*
 * schema history:
 *  1: devices, addresses, names, observations, flows, services, alerts, runs
 *  2: devices.os_confidence, model_confidence, firmware_confidence
 *  3: alerts keyed by (type, mac, key) so device-less alerts aggregate too; notify
 *  4: devices.known: the household said it knows the device
 *  5: advisories (one normalised row per advisory, CVE and product),
 *     advisory_feeds (per-source fetch state and high-water marks),
 *     device_identity (model and firmware the resident set or corrected)
 */
#define YM_STORE_SCHEMA_VERSION 5

static const gchar *const statement_sql[YM_STORE_STMT_LAST] = {
    [YM_STORE_STMT_UPSERT_DEVICE] =
        "INSERT INTO devices (mac, vendor, kind, kind_confidence, os, model, firmware, "
        "locally_administered, linked_to, roles, first_seen, last_seen, os_confidence, "
        "model_confidence, firmware_confidence, known) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) "
        "ON CONFLICT (mac) DO UPDATE SET "
        "vendor = excluded.vendor, "
        "kind = excluded.kind, "
        "kind_confidence = excluded.kind_confidence, "
        "os = excluded.os, "
        "model = excluded.model, "
        "firmware = excluded.firmware, "
        "os_confidence = excluded.os_confidence, "
        "model_confidence = excluded.model_confidence, "
        "firmware_confidence = excluded.firmware_confidence, "
        "locally_administered = excluded.locally_administered, "
        "linked_to = excluded.linked_to, "
        "roles = excluded.roles, "
        /* marking a device known happens outside the daemon: never undo it */
        "known = MAX (devices.known, excluded.known), "
        "first_seen = MIN (devices.first_seen, excluded.first_seen), "
        "last_seen = MAX (devices.last_seen, excluded.last_seen) "
        "RETURNING id",
    [YM_STORE_STMT_UPSERT_ADDRESS] =
        "INSERT INTO addresses (device_id, family, address, source, first_seen, last_seen) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
        "ON CONFLICT (device_id, address) DO UPDATE SET "
        "first_seen = MIN (addresses.first_seen, excluded.first_seen), "
        "last_seen = MAX (addresses.last_seen, excluded.last_seen)",
    [YM_STORE_STMT_UPSERT_NAME] =
        "INSERT INTO names (device_id, name, source, first_seen, last_seen) "
        "VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT (device_id, name, source) DO UPDATE SET "
        "first_seen = MIN (names.first_seen, excluded.first_seen), "
        "last_seen = MAX (names.last_seen, excluded.last_seen)",
    [YM_STORE_STMT_UPSERT_OBSERVATION] =
        "INSERT INTO observations (device_id, kind, value, count, first_seen, last_seen) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
        "ON CONFLICT (device_id, kind, value) DO UPDATE SET "
        "count = excluded.count, "
        "first_seen = MIN (observations.first_seen, excluded.first_seen), "
        "last_seen = MAX (observations.last_seen, excluded.last_seen)",
    [YM_STORE_STMT_INSERT_FLOW] =
        "INSERT INTO flows (device_id, proto, src, sport, dst, dport, first_seen, last_seen, "
        "packets_out, packets_in, bytes_out, bytes_in, tcp_state, app, end_reason) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    [YM_STORE_STMT_UPSERT_SERVICE] =
        "INSERT INTO services (role, address, device_id, first_seen, last_seen) "
        "VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT (role, address) DO UPDATE SET "
        "device_id = COALESCE (excluded.device_id, services.device_id), "
        "first_seen = MIN (services.first_seen, excluded.first_seen), "
        "last_seen = MAX (services.last_seen, excluded.last_seen)",
    [YM_STORE_STMT_UPSERT_ALERT] =
        "INSERT INTO alerts (type, severity, device_id, mac, key, state, first_seen, last_seen, "
        "count, evidence, notify) VALUES (?1, ?2, (SELECT id FROM devices WHERE mac = ?3), "
        "COALESCE (?3, ''), ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
        "ON CONFLICT (type, mac, key) DO UPDATE SET "
        "severity = excluded.severity, "
        "device_id = COALESCE (excluded.device_id, alerts.device_id), "
        "state_changed = CASE WHEN alerts.state != excluded.state THEN excluded.last_seen "
        "  ELSE alerts.state_changed END, "
        "state = excluded.state, "
        "first_seen = MIN (alerts.first_seen, excluded.first_seen), "
        "last_seen = MAX (alerts.last_seen, excluded.last_seen), "
        "count = excluded.count, "
        "evidence = excluded.evidence, "
        "notify = excluded.notify",
    [YM_STORE_STMT_INSERT_RUN] =
        "INSERT INTO runs (source, started, finished, packets, bytes, decode_events, flows, "
        "first_packet, last_packet) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
};

struct _YmStore {
	GObject parent_instance;
	/* owned */
	gchar *dir;
	sqlite3 *db;
	sqlite3_stmt *statements[YM_STORE_STMT_LAST];
	GHashTable *prepared; /* SQL text -> sqlite3_stmt, for other components */
	/* state */
	gboolean in_transaction;
};

G_DEFINE_TYPE(YmStore, ym_store, G_TYPE_OBJECT)

static gboolean
set_sqlite_error(YmStore *self, GError **error, gint rc, const gchar *what)
{
	YmError code = YM_ERROR_INTERNAL;
	switch (rc & 0xff) {
	case SQLITE_FULL:
	case SQLITE_IOERR:
	case SQLITE_READONLY:
		code = YM_ERROR_WRITE;
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		code = YM_ERROR_INVALID_DATA;
		break;
	case SQLITE_PERM:
	case SQLITE_AUTH:
	case SQLITE_CANTOPEN:
		code = YM_ERROR_PERMISSION_DENIED;
		break;
	default:
		break;
	}
	g_set_error(error, YM_ERROR, code, "%s: %s", what,
	            self->db != NULL ? sqlite3_errmsg(self->db) : sqlite3_errstr(rc));
	return FALSE;
}

gboolean
ym_store_exec(YmStore *self, const gchar *sql, GError **error)
{
	gint rc;
	g_return_val_if_fail(YM_IS_STORE(self), FALSE);
	rc = sqlite3_exec(self->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return set_sqlite_error(self, error, rc, "database");
	return TRUE;
}

static gboolean
migrate_v1(YmStore *self, GError **error)
{
	return ym_store_exec(
	    self,
	    "CREATE TABLE devices ("
	    "  id INTEGER PRIMARY KEY,"
	    "  mac TEXT NOT NULL UNIQUE,"
	    "  vendor TEXT,"
	    "  kind TEXT NOT NULL DEFAULT 'unknown',"
	    "  kind_confidence INTEGER NOT NULL DEFAULT 0,"
	    "  os TEXT,"
	    "  model TEXT,"
	    "  firmware TEXT,"
	    "  locally_administered INTEGER NOT NULL DEFAULT 0,"
	    "  linked_to TEXT,"
	    "  roles INTEGER NOT NULL DEFAULT 0,"
	    "  first_seen INTEGER NOT NULL,"
	    "  last_seen INTEGER NOT NULL);"
	    "CREATE TABLE addresses ("
	    "  device_id INTEGER NOT NULL REFERENCES devices (id) ON DELETE CASCADE,"
	    "  family INTEGER NOT NULL,"
	    "  address TEXT NOT NULL,"
	    "  source TEXT NOT NULL,"
	    "  first_seen INTEGER NOT NULL,"
	    "  last_seen INTEGER NOT NULL,"
	    "  UNIQUE (device_id, address));"
	    "CREATE TABLE names ("
	    "  device_id INTEGER NOT NULL REFERENCES devices (id) ON DELETE CASCADE,"
	    "  name TEXT NOT NULL,"
	    "  source TEXT NOT NULL,"
	    "  first_seen INTEGER NOT NULL,"
	    "  last_seen INTEGER NOT NULL,"
	    "  UNIQUE (device_id, name, source));"
	    "CREATE TABLE observations ("
	    "  device_id INTEGER NOT NULL REFERENCES devices (id) ON DELETE CASCADE,"
	    "  kind TEXT NOT NULL,"
	    "  value TEXT NOT NULL,"
	    "  count INTEGER NOT NULL DEFAULT 1,"
	    "  first_seen INTEGER NOT NULL,"
	    "  last_seen INTEGER NOT NULL,"
	    "  UNIQUE (device_id, kind, value));"
	    "CREATE TABLE flows ("
	    "  id INTEGER PRIMARY KEY,"
	    "  device_id INTEGER REFERENCES devices (id) ON DELETE SET NULL,"
	    "  proto INTEGER NOT NULL,"
	    "  src TEXT NOT NULL,"
	    "  sport INTEGER NOT NULL,"
	    "  dst TEXT NOT NULL,"
	    "  dport INTEGER NOT NULL,"
	    "  first_seen INTEGER NOT NULL,"
	    "  last_seen INTEGER NOT NULL,"
	    "  packets_out INTEGER NOT NULL,"
	    "  packets_in INTEGER NOT NULL,"
	    "  bytes_out INTEGER NOT NULL,"
	    "  bytes_in INTEGER NOT NULL,"
	    "  tcp_state TEXT,"
	    "  app TEXT,"
	    "  end_reason TEXT NOT NULL);"
	    "CREATE INDEX flows_device ON flows (device_id, last_seen);"
	    "CREATE TABLE services ("
	    "  role TEXT NOT NULL,"
	    "  address TEXT NOT NULL,"
	    "  device_id INTEGER REFERENCES devices (id) ON DELETE SET NULL,"
	    "  first_seen INTEGER NOT NULL,"
	    "  last_seen INTEGER NOT NULL,"
	    "  UNIQUE (role, address));"
	    "CREATE TABLE alerts ("
	    "  id INTEGER PRIMARY KEY,"
	    "  type TEXT NOT NULL,"
	    "  severity TEXT NOT NULL,"
	    "  device_id INTEGER REFERENCES devices (id) ON DELETE CASCADE,"
	    "  key TEXT NOT NULL DEFAULT '',"
	    "  state TEXT NOT NULL DEFAULT 'open',"
	    "  first_seen INTEGER NOT NULL,"
	    "  last_seen INTEGER NOT NULL,"
	    "  count INTEGER NOT NULL DEFAULT 1,"
	    "  evidence TEXT NOT NULL DEFAULT '{}',"
	    "  state_changed INTEGER,"
	    "  UNIQUE (type, device_id, key));"
	    "CREATE TABLE runs ("
	    "  id INTEGER PRIMARY KEY,"
	    "  source TEXT NOT NULL,"
	    "  started INTEGER NOT NULL,"
	    "  finished INTEGER NOT NULL,"
	    "  packets INTEGER NOT NULL,"
	    "  bytes INTEGER NOT NULL,"
	    "  decode_events INTEGER NOT NULL,"
	    "  flows INTEGER NOT NULL,"
	    "  first_packet INTEGER,"
	    "  last_packet INTEGER);",
	    error);
}

static gboolean
migrate_v2(YmStore *self, GError **error)
{
	return ym_store_exec(
	    self,
	    "ALTER TABLE devices ADD COLUMN os_confidence INTEGER NOT NULL DEFAULT 0;"
	    "ALTER TABLE devices ADD COLUMN model_confidence INTEGER NOT NULL DEFAULT 0;"
	    "ALTER TABLE devices ADD COLUMN firmware_confidence INTEGER NOT NULL "
	    "DEFAULT 0;",
	    error);
}

static gboolean
migrate_v3(YmStore *self, GError **error)
{
	return ym_store_exec(
	    self,
	    "CREATE TABLE alerts_v3 ("
	    "  id INTEGER PRIMARY KEY,"
	    "  type TEXT NOT NULL,"
	    "  severity TEXT NOT NULL,"
	    "  device_id INTEGER REFERENCES devices (id) ON DELETE CASCADE,"
	    "  mac TEXT NOT NULL DEFAULT '',"
	    "  key TEXT NOT NULL DEFAULT '',"
	    "  state TEXT NOT NULL DEFAULT 'open',"
	    "  first_seen INTEGER NOT NULL,"
	    "  last_seen INTEGER NOT NULL,"
	    "  count INTEGER NOT NULL DEFAULT 1,"
	    "  evidence TEXT NOT NULL DEFAULT '{}',"
	    "  state_changed INTEGER,"
	    "  notify INTEGER NOT NULL DEFAULT 1,"
	    "  UNIQUE (type, mac, key));"
	    "INSERT INTO alerts_v3 (id, type, severity, device_id, mac, key, state, "
	    "  first_seen, last_seen, count, evidence, state_changed) "
	    "SELECT a.id, a.type, a.severity, a.device_id, COALESCE (d.mac, ''), "
	    "  a.key, a.state, a.first_seen, a.last_seen, a.count, a.evidence, "
	    "  a.state_changed FROM alerts a LEFT JOIN devices d ON d.id = a.device_id;"
	    "DROP TABLE alerts;"
	    "ALTER TABLE alerts_v3 RENAME TO alerts;",
	    error);
}

static gboolean
migrate_v4(YmStore *self, GError **error)
{
	return ym_store_exec(
	    self, "ALTER TABLE devices ADD COLUMN known INTEGER NOT NULL DEFAULT 0;", error);
}

static gboolean
migrate_v5(YmStore *self, GError **error)
{
	return ym_store_exec(
	    self,
	    "CREATE TABLE advisories ("
	    "  id INTEGER PRIMARY KEY,"
	    "  source TEXT NOT NULL,"
	    "  advisory_id TEXT NOT NULL,"
	    "  cve TEXT,"
	    "  status TEXT NOT NULL DEFAULT 'affected',"
	    "  vendor TEXT,"
	    "  product TEXT,"
	    "  cpe TEXT,"
	    "  platform_cpe TEXT,"
	    "  hw_rev TEXT,"
	    "  all_versions INTEGER NOT NULL DEFAULT 0,"
	    "  version_exact TEXT,"
	    "  version_start TEXT,"
	    "  start_inclusive INTEGER NOT NULL DEFAULT 1,"
	    "  version_end TEXT,"
	    "  end_inclusive INTEGER NOT NULL DEFAULT 0,"
	    /* 1: the bounds came from the record's structure, 0: from its words */
	    "  structured INTEGER NOT NULL DEFAULT 1,"
	    "  version_text TEXT,"
	    "  fixed_version TEXT,"
	    "  remediation TEXT NOT NULL DEFAULT 'unknown',"
	    "  remediation_url TEXT,"
	    "  cvss REAL NOT NULL DEFAULT 0,"
	    "  cvss_vector TEXT,"
	    "  kev INTEGER NOT NULL DEFAULT 0,"
	    "  end_of_life INTEGER NOT NULL DEFAULT 0,"
	    "  title_en TEXT,"
	    "  title_ja TEXT,"
	    "  summary_en TEXT,"
	    "  summary_ja TEXT,"
	    "  published INTEGER NOT NULL DEFAULT 0,"
	    "  modified INTEGER NOT NULL DEFAULT 0);"
	    "CREATE INDEX advisories_by_record ON advisories (source, advisory_id);"
	    "CREATE INDEX advisories_by_cve ON advisories (cve);"
	    "CREATE TABLE advisory_feeds ("
	    "  url TEXT PRIMARY KEY,"
	    "  source TEXT NOT NULL,"
	    "  etag TEXT,"
	    "  last_modified TEXT,"
	    "  high_water TEXT,"
	    "  last_attempt INTEGER NOT NULL DEFAULT 0,"
	    "  last_success INTEGER NOT NULL DEFAULT 0,"
	    "  last_error TEXT,"
	    "  records INTEGER NOT NULL DEFAULT 0);"
	    "CREATE TABLE device_identity ("
	    "  mac TEXT PRIMARY KEY,"
	    "  vendor TEXT,"
	    "  model TEXT,"
	    "  hw_rev TEXT,"
	    "  firmware TEXT,"
	    "  set_at INTEGER NOT NULL);",
	    error);
}

typedef gboolean (*YmStoreMigration)(YmStore *self, GError **error);

static const YmStoreMigration migrations[YM_STORE_SCHEMA_VERSION] = {
    migrate_v1, migrate_v2, migrate_v3, migrate_v4, migrate_v5,
};

guint
ym_store_get_schema_version(YmStore *self)
{
	g_autoptr(sqlite3_stmt) stmt = NULL;
	g_return_val_if_fail(YM_IS_STORE(self), 0);
	if (self->db == NULL)
		return 0;
	if (sqlite3_prepare_v2(self->db, "SELECT version FROM schema LIMIT 1", -1, &stmt, NULL) !=
	    SQLITE_OK)
		return 0;
	if (sqlite3_step(stmt) != SQLITE_ROW)
		return 0;
	return (guint) sqlite3_column_int(stmt, 0);
}

static gboolean
ym_store_open(YmStore *self, GError **error)
{
	g_autofree gchar *path = NULL;
	gint rc;

	if (self->dir != NULL) {
		if (g_mkdir_with_parents(self->dir, 0700) != 0) {
			g_set_error(error, YM_ERROR, YM_ERROR_WRITE,
			            "%s: cannot create the state folder: %s", self->dir,
			            g_strerror(errno));
			return FALSE;
		}
		path = g_build_filename(self->dir, "yamori.db", NULL);
	} else {
		path = g_strdup(":memory:");
	}
	rc =
	    sqlite3_open_v2(path, &self->db,
	                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		set_sqlite_error(self, error, rc, path);
		g_clear_pointer(&self->db, sqlite3_close);
		return FALSE;
	}
	sqlite3_busy_timeout(self->db, 5000);
	/* WAL keeps the file consistent if we are killed mid-write */
	if (!ym_store_exec(self,
	                   "PRAGMA journal_mode = WAL;"
	                   "PRAGMA synchronous = NORMAL;"
	                   "PRAGMA foreign_keys = ON;"
	                   "PRAGMA secure_delete = ON;",
	                   error)) {
		g_prefix_error(error, "%s: ", path);
		return FALSE;
	}
	/* a file that is not a database fails here rather than later */
	if (!ym_store_exec(self, "SELECT count(*) FROM sqlite_master;", error)) {
		g_prefix_error(error, "%s: ", path);
		return FALSE;
	}
	return TRUE;
}

gboolean
ym_store_ensure_schema(YmStore *self, GError **error)
{
	guint version;

	g_return_val_if_fail(YM_IS_STORE(self), FALSE);

	if (self->db == NULL && !ym_store_open(self, error))
		return FALSE;
	if (!ym_store_exec(self, "CREATE TABLE IF NOT EXISTS schema (version INTEGER NOT NULL);",
	                   error))
		return FALSE;
	version = ym_store_get_schema_version(self);
	if (version > YM_STORE_SCHEMA_VERSION) {
		g_set_error(error, YM_ERROR, YM_ERROR_NOT_SUPPORTED,
		            "the database has schema version %u, newer than this Yamori (%u)",
		            version, (guint) YM_STORE_SCHEMA_VERSION);
		return FALSE;
	}
	for (guint v = version; v < YM_STORE_SCHEMA_VERSION; v++) {
		g_autofree gchar *sql = NULL;
		if (!ym_store_begin(self, error))
			return FALSE;
		if (!migrations[v](self, error)) {
			ym_store_rollback(self);
			g_prefix_error(error, "migrating the database to version %u: ", v + 1);
			return FALSE;
		}
		sql = g_strdup_printf(
		    "DELETE FROM schema; INSERT INTO schema (version) VALUES (%u);", v + 1);
		if (!ym_store_exec(self, sql, error) || !ym_store_commit(self, error)) {
			ym_store_rollback(self);
			return FALSE;
		}
	}
	return TRUE;
}

gboolean
ym_store_mark_known(YmStore *self, const gchar *mac, gint64 now, GError **error)
{
	sqlite3_stmt *stmt = NULL;
	gint rc;

	g_return_val_if_fail(YM_IS_STORE(self), FALSE);
	if (!ym_store_begin(self, error))
		return FALSE;
	rc = sqlite3_prepare_v2(self->db, "UPDATE devices SET known = 1 WHERE mac = ?1", -1, &stmt,
	                        NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(stmt, 1, mac, -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
		sqlite3_finalize(stmt);
	}
	if (rc != SQLITE_DONE) {
		ym_store_rollback(self);
		return set_sqlite_error(self, error, rc, "marking the device known");
	}
	if (sqlite3_changes(self->db) == 0) {
		ym_store_rollback(self);
		g_set_error(error, YM_ERROR, YM_ERROR_NOT_FOUND, "no device %s has been seen", mac);
		return FALSE;
	}
	/* its "new device" alert has been answered */
	rc = sqlite3_prepare_v2(self->db,
	                        "UPDATE alerts SET state = 'acknowledged', state_changed = ?2 "
	                        "WHERE mac = ?1 AND type = 'new_device_joined' AND state = 'open'",
	                        -1, &stmt, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(stmt, 1, mac, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 2, now);
		rc = sqlite3_step(stmt);
		sqlite3_finalize(stmt);
	}
	if (rc != SQLITE_DONE) {
		ym_store_rollback(self);
		return set_sqlite_error(self, error, rc, "acknowledging the alert");
	}
	return ym_store_commit(self, error);
}

gboolean
ym_store_begin(YmStore *self, GError **error)
{
	g_return_val_if_fail(YM_IS_STORE(self), FALSE);
	g_return_val_if_fail(!self->in_transaction, FALSE);
	if (!ym_store_exec(self, "BEGIN IMMEDIATE;", error))
		return FALSE;
	self->in_transaction = TRUE;
	return TRUE;
}

gboolean
ym_store_commit(YmStore *self, GError **error)
{
	g_return_val_if_fail(YM_IS_STORE(self), FALSE);
	if (!self->in_transaction)
		return TRUE;
	if (!ym_store_exec(self, "COMMIT;", error))
		return FALSE;
	self->in_transaction = FALSE;
	return TRUE;
}

void
ym_store_rollback(YmStore *self)
{
	g_return_if_fail(YM_IS_STORE(self));
	if (!self->in_transaction)
		return;
	sqlite3_exec(self->db, "ROLLBACK;", NULL, NULL, NULL);
	self->in_transaction = FALSE;
}

gboolean
ym_store_in_transaction(YmStore *self)
{
	g_return_val_if_fail(YM_IS_STORE(self), FALSE);
	return self->in_transaction;
}

gpointer
ym_store_get_statement(YmStore *self, YmStoreStmt which, GError **error)
{
	sqlite3_stmt *stmt;
	g_return_val_if_fail(YM_IS_STORE(self), NULL);
	g_return_val_if_fail(which < YM_STORE_STMT_LAST, NULL);
	stmt = self->statements[which];
	if (stmt == NULL) {
		gint rc = sqlite3_prepare_v3(self->db, statement_sql[which], -1,
		                             SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
		if (rc != SQLITE_OK) {
			set_sqlite_error(self, error, rc, "preparing a statement");
			return NULL;
		}
		self->statements[which] = stmt;
	}
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	return stmt;
}

gboolean
ym_store_step(YmStore *self, gpointer stmt, GError **error)
{
	gint rc;
	g_return_val_if_fail(YM_IS_STORE(self), FALSE);
	do {
		rc = sqlite3_step(stmt);
	} while (rc == SQLITE_ROW);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return set_sqlite_error(self, error, rc, "writing to the database");
	return TRUE;
}

const gchar *
ym_store_get_dir(YmStore *self)
{
	g_return_val_if_fail(YM_IS_STORE(self), NULL);
	return self->dir;
}

gpointer
ym_store_prepare(YmStore *self, const gchar *sql, GError **error)
{
	sqlite3_stmt *stmt;
	gint rc;

	g_return_val_if_fail(YM_IS_STORE(self), NULL);
	if (self->db == NULL) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INTERNAL, "the store is not open");
		return NULL;
	}
	stmt = g_hash_table_lookup(self->prepared, sql);
	if (stmt != NULL) {
		sqlite3_reset(stmt);
		sqlite3_clear_bindings(stmt);
		return stmt;
	}
	rc = sqlite3_prepare_v2(self->db, sql, -1, &stmt, NULL);
	if (rc != SQLITE_OK) {
		set_sqlite_error(self, error, rc, "preparing a statement");
		return NULL;
	}
	g_hash_table_insert(self->prepared, g_strdup(sql), stmt);
	return stmt;
}

gint
ym_store_step_row(YmStore *self, gpointer stmt, GError **error)
{
	gint rc;
	g_return_val_if_fail(YM_IS_STORE(self), -1);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		return 1;
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return 0;
	set_sqlite_error(self, error, rc, "reading the database");
	return -1;
}

gint64
ym_store_last_insert_rowid(YmStore *self)
{
	g_return_val_if_fail(YM_IS_STORE(self), 0);
	return sqlite3_last_insert_rowid(self->db);
}

gpointer
ym_store_get_db(YmStore *self)
{
	g_return_val_if_fail(YM_IS_STORE(self), NULL);
	return self->db;
}

gboolean
ym_store_bind_text(gpointer stmt, gint index, const gchar *text)
{
	if (text == NULL)
		return sqlite3_bind_null(stmt, index) == SQLITE_OK;
	return sqlite3_bind_text(stmt, index, text, -1, SQLITE_TRANSIENT) == SQLITE_OK;
}

gboolean
ym_store_bind_int64(gpointer stmt, gint index, gint64 value)
{
	return sqlite3_bind_int64(stmt, index, value) == SQLITE_OK;
}

gboolean
ym_store_bind_null(gpointer stmt, gint index)
{
	return sqlite3_bind_null(stmt, index) == SQLITE_OK;
}

YmStore *
ym_store_new(const gchar *dir)
{
	YmStore *self = g_object_new(YM_TYPE_STORE, NULL);
	self->dir = g_strdup(dir);
	return self;
}

static void
ym_store_finalize(GObject *object)
{
	YmStore *self = YM_STORE(object);
	for (guint i = 0; i < YM_STORE_STMT_LAST; i++)
		g_clear_pointer(&self->statements[i], sqlite3_finalize);
	g_clear_pointer(&self->prepared, g_hash_table_unref);
	if (self->in_transaction)
		sqlite3_exec(self->db, "ROLLBACK;", NULL, NULL, NULL);
	g_clear_pointer(&self->db, sqlite3_close);
	g_free(self->dir);
	G_OBJECT_CLASS(ym_store_parent_class)->finalize(object);
}

static void
ym_store_class_init(YmStoreClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->finalize = ym_store_finalize;
}

static void
finalize_statement(gpointer stmt)
{
	sqlite3_finalize(stmt);
}

static void
ym_store_init(YmStore *self)
{
	self->prepared = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, finalize_statement);
}
