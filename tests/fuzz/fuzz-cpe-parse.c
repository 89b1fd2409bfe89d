/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* a CPE name, written back, read again, and matched against itself and a
 * fixed name */

#include "config.h"

#include <stdint.h>

#include "ym-cpe.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autofree gchar *text = g_strndup((const gchar *) data, MIN(size, 4096));
	g_autoptr(GError) error = NULL;
	g_autoptr(YmCpe) cpe = ym_cpe_parse(text, &error);
	g_autoptr(YmCpe) fixed = NULL;
	g_autoptr(YmCpe) again = NULL;
	g_autofree gchar *written = NULL;

	if (cpe == NULL)
		return 0;
	written = ym_cpe_to_string(cpe);
	again = ym_cpe_parse(written, &error);
	/* what we write we must read */
	g_assert_no_error(error);
	fixed = ym_cpe_parse("cpe:2.3:o:tp-link:archer_ax21_firmware:*:*:*:*:*:*:*:*", &error);
	g_assert_no_error(error);
	g_assert_true(ym_cpe_name_match(cpe, again));
	ym_cpe_name_match(cpe, fixed);
	ym_cpe_name_match(fixed, cpe);
	return 0;
}
