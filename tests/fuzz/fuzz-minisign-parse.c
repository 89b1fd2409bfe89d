/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * minisign public keys and signature files. An input without a NUL byte is
 * parsed as both; "KEY\0SIGNATURE\0DATA" parses the two parts and, when
 * both parse, verifies the signature over DATA
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ym-minisign.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autoptr(YmMinisignKey) key = NULL;
	g_autoptr(YmMinisignSignature) signature = NULL;
	g_autoptr(GPtrArray) keys = g_ptr_array_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *comment = NULL;
	const gchar *text = (const gchar *) data;
	const gchar *first = memchr(data, '\0', size);
	const gchar *second = NULL;
	gsize key_length = size;
	gsize sig_offset = 0;
	gsize sig_length = size;

	if (first != NULL) {
		key_length = (gsize) (first - text);
		sig_offset = key_length + 1;
		second = memchr(first + 1, '\0', size - sig_offset);
		sig_length = second != NULL ? (gsize) (second - first - 1) : size - sig_offset;
	}
	key = ym_minisign_key_new_from_data("fuzz.pub", text, key_length, NULL);
	signature = ym_minisign_signature_new_from_data("fuzz.minisig", text + sig_offset,
	                                                sig_length, NULL);
	if (key == NULL || signature == NULL)
		return 0;
	g_ptr_array_add(keys, key);
	ym_minisign_signature_find_key(signature, keys, NULL);
	if (second != NULL) {
		gsize offset = (gsize) (second - text) + 1;
		comment =
		    ym_minisign_verify_data(signature, key, data + offset, size - offset, &error);
	}
	return 0;
}
