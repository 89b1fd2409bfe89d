/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* the shared real captures, or NULL (and the test skipped) outside CI
 * when they are absent; in CI their absence is a failure */
static inline gchar *
ym_test_shared_pcap(const gchar *name)
{
	const gchar *dir = g_getenv("YM_SHARED_DATA");
	g_autofree gchar *path = NULL;
	if (dir == NULL)
		dir = "../shared/data";
	path = g_build_filename(dir, "pcaps", name, NULL);
	if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
		if (g_getenv("CI") != NULL)
			g_error("shared capture %s missing in CI", path);
		g_test_skip("shared captures not available");
		return NULL;
	}
	return g_steal_pointer(&path);
}

/* a fresh temporary folder for one test */
static inline gchar *
ym_test_make_tmpdir(void)
{
	g_autoptr(GError) error = NULL;
	gchar *dir = g_dir_make_tmp("yamori-test-XXXXXX", &error);
	g_assert_no_error(error);
	return dir;
}

static inline void
ym_test_rm_rf(const gchar *path)
{
	g_autofree gchar *cmd = NULL;
	g_autofree gchar *quoted = g_shell_quote(path);
	cmd = g_strdup_printf("rm -rf %s", quoted);
	g_assert_cmpint(system(cmd), ==, 0);
}

G_END_DECLS
