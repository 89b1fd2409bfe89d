/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* JVN XML: VULDEF and JVNRSS documents, MyJVN status blocks and their
 * paging numbers, sniffing */

#include "config.h"

#include "fuzz-advisory-jvn-common.h"

static void
fuzz_jvn_run_status(const gchar *data, gsize length)
{
	g_autoptr(GError) error = NULL;
	YmJvnStatus status = {0};
	guint count = 0;

	if (!ym_advisory_parse_jvn_rss_status(data, length, &status, fuzz_jvn_sink, &count,
	                                      &error)) {
		g_assert_nonnull(error);
		g_assert_true(g_utf8_validate(error->message, -1, NULL));
		return;
	}
	g_assert_no_error(error);
	g_assert_cmpint(status.total, >=, 0);
	g_assert_cmpint(status.total, <=, G_MAXINT32);
	g_assert_cmpint(status.returned, >=, 0);
	g_assert_cmpint(status.returned, <=, G_MAXINT32);
	g_assert_cmpint(status.first, >=, 0);
	g_assert_cmpint(status.first, <=, G_MAXINT32);
	if (!status.present)
		g_assert_cmpint(status.total + status.returned + status.first, ==, 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const gchar *text = (const gchar *) data;
	ym_advisory_jvn_sniff(text, size);
	fuzz_jvn_run(ym_advisory_parse_jvn_vuldef, text, size);
	fuzz_jvn_run(ym_advisory_parse_jvn_rss, text, size);
	fuzz_jvn_run_status(text, size);
	return 0;
}
