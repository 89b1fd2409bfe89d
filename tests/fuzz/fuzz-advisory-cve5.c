/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* CVE JSON 5 records */

#include "config.h"

#include <stdint.h>

#include "fuzz-advisory-common.h"
#include "ym-advisory-cve5.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autoptr(GError) error = NULL;
	guint calls = 0;
	gboolean ok;

	(void) ym_advisory_cve5_sniff((const gchar *) data, size);
	ok = ym_advisory_parse_cve5((const gchar *) data, size, fuzz_advisory_sink, &calls, &error);
	fuzz_advisory_check_result(ok, error);
	return 0;
}
