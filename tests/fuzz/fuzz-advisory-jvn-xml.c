/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* JVN XML: VULDEF and JVNRSS documents, MyJVN status blocks, sniffing */

#include "config.h"

#include "fuzz-advisory-jvn-common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const gchar *text = (const gchar *) data;
	ym_advisory_jvn_sniff(text, size);
	fuzz_jvn_run(ym_advisory_parse_jvn_vuldef, text, size);
	fuzz_jvn_run(ym_advisory_parse_jvn_rss, text, size);
	return 0;
}
