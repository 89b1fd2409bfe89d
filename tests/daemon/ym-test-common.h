/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* @name (or with @name NULL the folder itself) under @folder of the shared
 * real data, or NULL (and the test skipped) outside CI when it is absent;
 * in CI its absence is a failure */
static inline gchar *
ym_test_shared_data(const gchar *folder, const gchar *name)
{
	const gchar *dir = g_getenv("YM_SHARED_DATA");
	g_autofree gchar *path = NULL;
	if (dir == NULL)
		dir = "../shared/data";
	path = g_build_filename(dir, folder, name, NULL);
	if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
		if (g_getenv("CI") != NULL)
			g_error("shared data %s missing in CI", path);
		g_test_skip("shared data not available");
		return NULL;
	}
	return g_steal_pointer(&path);
}

/* a shared real capture, as ym_test_shared_data() */
static inline gchar *
ym_test_shared_pcap(const gchar *name)
{
	return ym_test_shared_data("pcaps", name);
}

/* a file (or with @name NULL the folder) of the shared advisories, as
 * ym_test_shared_data() */
static inline gchar *
ym_test_shared_advisory(const gchar *name)
{
	return ym_test_shared_data("advisories", name);
}

/* how a command run to its end went: its exit status (-1 when a signal
 * ended it) and its whole output */
typedef struct {
	gint status;
	gchar *out;
	gchar *err;
} YmTestRun;

static inline void
ym_test_run_clear(YmTestRun *run)
{
	g_clear_pointer(&run->out, g_free);
	g_clear_pointer(&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(YmTestRun, ym_test_run_clear)

/* runs the NULL-terminated @argv to its end, its output captured into @run;
 * @launcher (may be NULL) gives it an environment */
static inline void
ym_test_run_command(YmTestRun *run, GSubprocessLauncher *launcher, const gchar *const *argv)
{
	g_autoptr(GSubprocessLauncher) own = NULL;
	g_autoptr(GSubprocess) proc = NULL;
	g_autoptr(GError) error = NULL;

	if (launcher == NULL) {
		own = g_subprocess_launcher_new(G_SUBPROCESS_FLAGS_NONE);
		launcher = own;
	}
	g_subprocess_launcher_set_flags(launcher, G_SUBPROCESS_FLAGS_STDOUT_PIPE |
	                                              G_SUBPROCESS_FLAGS_STDERR_PIPE);
	proc = g_subprocess_launcher_spawnv(launcher, argv, &error);
	g_assert_no_error(error);
	g_subprocess_communicate_utf8(proc, NULL, NULL, &run->out, &run->err, &error);
	g_assert_no_error(error);
	run->status = g_subprocess_get_if_exited(proc) ? g_subprocess_get_exit_status(proc) : -1;
}

/* runs the NULL-terminated @argv, which must succeed, its stdout discarded */
static inline void
ym_test_run_check(const gchar *const *argv)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GSubprocess) proc =
	    g_subprocess_newv(argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
	g_assert_no_error(error);
	g_assert_true(g_subprocess_wait_check(proc, NULL, &error));
	g_assert_no_error(error);
}

/* ym_test_run_command() of @program with the NULL-terminated @args */
static inline void
ym_test_run_program(YmTestRun *run, const gchar *program, const gchar *const *args)
{
	g_autoptr(GPtrArray) argv = g_ptr_array_new();
	g_ptr_array_add(argv, (gpointer) program);
	for (guint i = 0; args[i] != NULL; i++)
		g_ptr_array_add(argv, (gpointer) args[i]);
	g_ptr_array_add(argv, NULL);
	ym_test_run_command(run, NULL, (const gchar *const *) argv->pdata);
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
