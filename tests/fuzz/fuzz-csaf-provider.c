/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* every CSAF provider file parser on the same bytes: provider metadata,
 * ROLIE feed, changes.csv, index.txt, and a hash check with the first line
 * as the hash file and the rest as the document, and the OpenPGP key
 * dearmoring (gpgv itself is not run: no processes or files here) */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ym-advisory-csaf-private.h"
#include "ym-csaf-provider.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const gchar *text = (const gchar *) data;
	const gchar *newline = memchr(text, '\n', size);
	g_autoptr(YmCsafProvider) provider = NULL;
	g_autoptr(GPtrArray) entries = NULL;
	g_autoptr(GPtrArray) changes = NULL;
	g_autoptr(GPtrArray) paths = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) packets = NULL;

	provider = ym_csaf_provider_parse(text, size, &error);
	g_assert_true((provider == NULL) == (error != NULL));
	if (provider != NULL)
		g_assert_true(
		    g_str_has_prefix(ym_csaf_provider_get_canonical_url(provider), "https://"));
	g_clear_error(&error);
	if (ym_csaf_rolie_parse(text, size, &entries, &error)) {
		for (guint i = 0; i < entries->len; i++) {
			YmCsafRolieEntry *entry = g_ptr_array_index(entries, i);
			g_assert_true(g_str_has_prefix(entry->url, "https://"));
		}
	}
	g_clear_error(&error);
	if (ym_csaf_changes_parse(text, size, &changes, &error)) {
		for (guint i = 0; i < changes->len; i++) {
			YmCsafChange *change = g_ptr_array_index(changes, i);
			g_assert_true(ym_csaf_path_is_safe(change->path));
		}
	}
	g_clear_error(&error);
	if (ym_csaf_index_parse(text, size, &paths, &error)) {
		for (guint i = 0; i < paths->len; i++)
			g_assert_true(ym_csaf_path_is_safe(g_ptr_array_index(paths, i)));
	}
	g_clear_error(&error);
	if (newline != NULL) {
		gsize hash_length = (gsize) (newline - text);
		ym_csaf_check_hash(newline + 1, size - hash_length - 1, text, hash_length, &error);
	}
	g_clear_error(&error);
	packets = _ym_csaf_openpgp_dearmor(text, size, &error);
	g_assert_true((packets == NULL) == (error != NULL));
	if (packets != NULL)
		g_assert_cmpuint(g_bytes_get_size(packets), >, 0);
	return 0;
}
