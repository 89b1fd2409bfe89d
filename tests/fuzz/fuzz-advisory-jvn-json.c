/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* MyJVN OKA JSON (jvncsaf, jvnstix, feeds), status blocks, checksum.txt */

#include "config.h"

#include "fuzz-advisory-jvn-common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const gchar *text = (const gchar *) data;
	g_autoptr(GPtrArray) entries = NULL;
	g_autoptr(GError) error = NULL;

	ym_advisory_jvn_sniff(text, size);
	fuzz_jvn_run(ym_advisory_parse_jvn_json, text, size);
	if (ym_jvn_checksum_parse(text, size, &entries, &error)) {
		for (guint i = 0; i < entries->len; i++) {
			YmJvnChecksum *checksum = g_ptr_array_index(entries, i);
			g_assert_true(g_str_has_prefix(checksum->url, "https://"));
			g_assert_null(strchr(checksum->filename, '/'));
			g_assert_cmpuint(strlen(checksum->sha256), ==, 64);
		}
	} else {
		g_assert_nonnull(error);
		g_assert_null(entries);
	}
	return 0;
}
