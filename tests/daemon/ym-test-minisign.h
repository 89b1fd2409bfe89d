/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* keys and signatures made at test time by the real minisign CLI */

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* FALSE (and the test skipped) when minisign is not installed; a
 * failure in CI, where it always is */
static inline gboolean
ym_test_have_minisign(void)
{
	g_autofree gchar *path = g_find_program_in_path("minisign");
	if (path != NULL)
		return TRUE;
	if (g_getenv("CI") != NULL)
		g_error("minisign is missing in CI");
	g_test_skip("minisign is not installed");
	return FALSE;
}

/* runs @argv, which must succeed; returns its stdout */
static inline gchar *
ym_test_run(const gchar *const *argv)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *err = NULL;
	gchar *out = NULL;
	gint status = 0;
	g_spawn_sync(NULL, (gchar **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
	             &status, &error);
	g_assert_no_error(error);
	if (!g_spawn_check_wait_status(status, NULL))
		g_error("%s failed: %s", argv[0], err);
	return out;
}

/* @dir/@name.pub and @dir/@name.key, without a password */
static inline void
ym_test_minisign_keygen(const gchar *dir, const gchar *name)
{
	g_autofree gchar *pub_name = g_strconcat(name, ".pub", NULL);
	g_autofree gchar *key_name = g_strconcat(name, ".key", NULL);
	g_autofree gchar *pub = g_build_filename(dir, pub_name, NULL);
	g_autofree gchar *key = g_build_filename(dir, key_name, NULL);
	const gchar *argv[] = {"minisign", "-G", "-W", "-p", pub, "-s", key, NULL};
	g_free(ym_test_run(argv));
}

/* writes @file.minisig (or @sig when given) with the trusted comment */
static inline void
ym_test_minisign_sign(const gchar *key,
                      const gchar *file,
                      const gchar *sig,
                      const gchar *comment,
                      gboolean legacy)
{
	g_autofree gchar *default_sig = g_strconcat(file, ".minisig", NULL);
	const gchar *argv[] = {"minisign", "-S",    legacy ? "-l" : "-S",
	                       "-s",       key,     "-m",
	                       file,       "-x",    sig != NULL ? sig : default_sig,
	                       "-t",       comment, NULL};
	if (!legacy) {
		/* no -l: shift the rest over the placeholder */
		for (guint i = 2; argv[i] != NULL; i++)
			argv[i] = argv[i + 1];
	}
	g_free(ym_test_run(argv));
}

/* the key id minisign wrote into the public key's comment line */
static inline gchar *
ym_test_minisign_key_id(const gchar *pub)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *contents = NULL;
	const gchar *prefix = "untrusted comment: minisign public key ";
	g_file_get_contents(pub, &contents, NULL, &error);
	g_assert_no_error(error);
	g_assert_true(g_str_has_prefix(contents, prefix));
	return g_strndup(contents + strlen(prefix), strcspn(contents + strlen(prefix), "\n"));
}

G_END_DECLS
