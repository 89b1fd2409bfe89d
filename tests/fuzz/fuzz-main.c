/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * replays corpus files through LLVMFuzzerTestOneInput when the target is not
 * linked with libFuzzer, so every seed and past crash runs on every build
 */

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int
LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static gboolean
replay_file(const gchar *path)
{
	g_autofree gchar *contents = NULL;
	gsize length = 0;
	g_autoptr(GError) error = NULL;

	if (!g_file_get_contents(path, &contents, &length, &error)) {
		g_printerr("%s: %s\n", path, error->message);
		return FALSE;
	}
	/* copy to an exact-size allocation so ASan catches any overread */
	{
		g_autofree guint8 *exact = g_memdup2(contents, length);
		LLVMFuzzerTestOneInput(exact, length);
	}
	return TRUE;
}

int
main(int argc, char **argv)
{
	guint count = 0;

	if (LLVMFuzzerInitialize != NULL)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		if (g_file_test(argv[i], G_FILE_TEST_IS_DIR)) {
			g_autoptr(GDir) dir = g_dir_open(argv[i], 0, NULL);
			const gchar *name;
			g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
			if (dir == NULL)
				return 1;
			while ((name = g_dir_read_name(dir)) != NULL)
				g_ptr_array_add(names, g_build_filename(argv[i], name, NULL));
			for (guint j = 0; j < names->len; j++) {
				if (!replay_file(g_ptr_array_index(names, j)))
					return 1;
				count++;
			}
		} else {
			if (!replay_file(argv[i]))
				return 1;
			count++;
		}
	}
	if (count == 0) {
		g_printerr("no corpus files given\n");
		return 1;
	}
	printf("replayed %u inputs\n", count);
	return 0;
}
