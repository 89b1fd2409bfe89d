/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <unistd.h>

#include "ym-engine.h"
#include "ym-test-common.h"

G_BEGIN_DECLS

/* a signatures folder in @tmp with the shipped data every detector reads:
 * the fingerprint rules and credential lists linked, the block lists
 * copied; returns the block-list folder, where a test may add lists */
static inline gchar *
ym_test_make_signatures(const gchar *tmp)
{
	const gchar *env = g_getenv("YM_SIGNATURES_DIR");
	g_autofree gchar *root =
	    env != NULL ? g_strdup(env) : g_build_filename(SRCDIR, "..", "signatures", NULL);
	g_autofree gchar *rules = g_build_filename(root, "fingerprints", NULL);
	g_autofree gchar *credentials = g_build_filename(root, "credentials", NULL);
	g_autofree gchar *shipped = g_build_filename(root, "blocklists", "test-domains.list", NULL);
	g_autofree gchar *fingerprints_link = g_build_filename(tmp, "fingerprints", NULL);
	g_autofree gchar *credentials_link = g_build_filename(tmp, "credentials", NULL);
	g_autofree gchar *blocklists = g_build_filename(tmp, "blocklists", NULL);
	g_autofree gchar *copy = g_build_filename(blocklists, "test-domains.list", NULL);
	g_autofree gchar *contents = NULL;
	g_autoptr(GError) error = NULL;

	g_assert_cmpint(symlink(rules, fingerprints_link), ==, 0);
	g_assert_cmpint(symlink(credentials, credentials_link), ==, 0);
	g_assert_cmpint(g_mkdir(blocklists, 0700), ==, 0);
	g_file_get_contents(shipped, &contents, NULL, &error);
	g_assert_no_error(error);
	g_file_set_contents(copy, contents, -1, &error);
	g_assert_no_error(error);
	return g_steal_pointer(&blocklists);
}

/* an engine on @signatures_dir with the OUI registry of the environment */
static inline YmEngine *
ym_test_engine_new(const gchar *signatures_dir)
{
	g_autoptr(YmEngine) engine = ym_engine_new();
	g_autoptr(GError) error = NULL;
	ym_engine_set_oui_dir(engine, g_getenv("YM_OUI_DIR"));
	ym_engine_set_signatures_dir(engine, signatures_dir);
	g_assert_true(ym_engine_setup(engine, &error));
	g_assert_no_error(error);
	return g_steal_pointer(&engine);
}

static inline void
ym_test_engine_analyse(YmEngine *engine, const gchar *path)
{
	g_autoptr(GError) error = NULL;
	const gchar *paths[] = {path, NULL};
	g_assert_true(ym_engine_analyse_files(engine, paths, &error));
	g_assert_no_error(error);
}

/* the alerts of @type, keyed "mac|key" */
static inline GHashTable *
ym_test_alerts_of_type(YmAlerts *alerts, const gchar *type)
{
	GPtrArray *all = ym_alerts_get_all(alerts);
	GHashTable *found = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (guint i = 0; i < all->len; i++) {
		YmAlert *alert = g_ptr_array_index(all, i);
		if (g_strcmp0(alert->type, type) != 0)
			continue;
		g_hash_table_insert(found, g_strdup_printf("%s|%s", alert->mac, alert->key), alert);
	}
	return found;
}

/* for failure messages: each alert with its severity and evidence */
static inline void
ym_test_dump_alerts(GHashTable *alerts)
{
	GHashTableIter iter;
	const gchar *key;
	YmAlert *alert;
	g_hash_table_iter_init(&iter, alerts);
	while (g_hash_table_iter_next(&iter, (gpointer *) &key, (gpointer *) &alert)) {
		g_autofree gchar *json = NULL;
		if (alert->evidence != NULL) {
			g_autoptr(JsonNode) node = json_node_new(JSON_NODE_OBJECT);
			json_node_set_object(node, alert->evidence);
			json = json_to_string(node, FALSE);
		}
		g_printerr("  %s %s %s\n", key, ym_severity_to_string(alert->severity),
		           json != NULL ? json : "{}");
	}
}

/* @tmp/@name written by yamori-gen with @extra before the file name */
static inline gchar *
ym_test_generate(const gchar *tmp, const gchar *name, const gchar *const *extra)
{
	gchar *path = g_build_filename(tmp, name, NULL);
	g_autoptr(GPtrArray) argv = g_ptr_array_new();
	g_ptr_array_add(argv, (gpointer) g_getenv("YAMORI_GEN"));
	for (guint i = 0; extra[i] != NULL; i++)
		g_ptr_array_add(argv, (gpointer) extra[i]);
	g_ptr_array_add(argv, path);
	g_ptr_array_add(argv, NULL);
	ym_test_run_check((const gchar *const *) argv->pdata);
	return path;
}

/* @tmp/@name written by "yamori-gen demo" with @scenes (may be NULL) */
static inline gchar *
ym_test_generate_demo(const gchar *tmp, const gchar *name, const gchar *scenes)
{
	gchar *path = g_build_filename(tmp, name, NULL);
	const gchar *argv[] = {g_getenv("YAMORI_GEN"), "demo", path, scenes, NULL};
	ym_test_run_check(argv);
	return path;
}

/* no alert of @type when @path is analysed; @name labels a failure */
static inline void
ym_test_assert_no_alerts(const gchar *tmp, const gchar *path, const gchar *type, const gchar *name)
{
	g_autoptr(YmEngine) engine = ym_test_engine_new(tmp);
	g_autoptr(GHashTable) alerts = NULL;
	ym_test_engine_analyse(engine, path);
	alerts = ym_test_alerts_of_type(ym_engine_get_alerts(engine), type);
	if (g_hash_table_size(alerts) != 0) {
		g_printerr("%s:\n", name);
		ym_test_dump_alerts(alerts);
	}
	g_assert_cmpuint(g_hash_table_size(alerts), ==, 0);
}

G_END_DECLS
