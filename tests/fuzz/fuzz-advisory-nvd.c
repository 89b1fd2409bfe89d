/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* NVD CVE API 2.0 responses and bare cve objects */

#include "config.h"

#include <stdint.h>

#include "fuzz-advisory-common.h"
#include "ym-advisory-nvd.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autoptr(GError) error = NULL;
	YmNvdPage page = {0};
	guint calls = 0;
	gboolean ok;

	(void) ym_advisory_nvd_sniff((const gchar *) data, size);
	ok = ym_advisory_parse_nvd((const gchar *) data, size, &page, fuzz_advisory_sink, &calls,
	                           &error);
	fuzz_advisory_check_result(ok, error);
	fuzz_advisory_check_text(page.timestamp);
	ym_nvd_page_clear(&page);
	return 0;
}
