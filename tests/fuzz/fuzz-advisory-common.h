/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ym-advisory.h"

/* every string a parser hands out is valid UTF-8 and every advisory is
 * about a CVE; the sink refuses the third advisory to exercise that path */

static inline void
fuzz_advisory_check_text(const gchar *text)
{
	if (text != NULL)
		g_assert_true(g_utf8_validate(text, -1, NULL));
}

static inline gboolean
fuzz_advisory_sink(YmAdvisory *advisory, gpointer user_data, GError **error)
{
	guint *calls = user_data;

	g_assert_true(ym_advisory_is_cve_id(advisory->id));
	g_assert_cmpuint(advisory->cves->len, ==, 1);
	g_assert_true(advisory->cvss >= 0 && advisory->cvss <= 10);
	fuzz_advisory_check_text(advisory->title_en);
	fuzz_advisory_check_text(advisory->summary_en);
	fuzz_advisory_check_text(advisory->summary_ja);
	fuzz_advisory_check_text(advisory->cvss_vector);
	fuzz_advisory_check_text(advisory->remediation_url);
	g_assert_cmpuint(advisory->products->len, <=, 20000);
	for (guint i = 0; i < advisory->products->len; i++) {
		YmAdvisoryProduct *product = g_ptr_array_index(advisory->products, i);
		g_assert_cmpint(product->status, <, YM_PRODUCT_STATUS_LAST);
		fuzz_advisory_check_text(product->vendor);
		fuzz_advisory_check_text(product->product);
		fuzz_advisory_check_text(product->cpe);
		fuzz_advisory_check_text(product->platform_cpe);
		fuzz_advisory_check_text(product->hw_rev);
		fuzz_advisory_check_text(product->version_exact);
		fuzz_advisory_check_text(product->version_start);
		fuzz_advisory_check_text(product->version_end);
		fuzz_advisory_check_text(product->version_text);
	}
	if (++(*calls) == 3) {
		g_set_error_literal(error, G_MARKUP_ERROR, G_MARKUP_ERROR_EMPTY, "enough");
		return FALSE;
	}
	return TRUE;
}

/* a failed parse always says why */
static inline void
fuzz_advisory_check_result(gboolean ok, GError *error)
{
	if (ok)
		g_assert_null(error);
	else
		g_assert_nonnull(error);
}
