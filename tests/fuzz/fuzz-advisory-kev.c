/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* the CISA KEV catalogue */

#include "config.h"

#include <stdint.h>

#include "fuzz-advisory-common.h"
#include "ym-advisory-kev.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autoptr(GError) error = NULL;
	YmKevInfo info = {0};
	guint calls = 0;
	gboolean ok;

	(void) ym_advisory_kev_sniff((const gchar *) data, size);
	ok = ym_advisory_parse_kev((const gchar *) data, size, &info, fuzz_advisory_sink, &calls,
	                           &error);
	fuzz_advisory_check_result(ok, error);
	fuzz_advisory_check_text(info.catalog_version);
	ym_kev_info_clear(&info);
	return 0;
}
