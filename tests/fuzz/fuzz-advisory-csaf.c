/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* CSAF documents into advisories, plus the VERS and fix-text helpers on
 * the same bytes */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ym-advisory-csaf-private.h"
#include "ym-advisory-csaf.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_text(const gchar *text)
{
	if (text != NULL)
		g_assert_true(g_utf8_validate(text, -1, NULL));
}

static gboolean
check_sink(YmAdvisory *advisory, gpointer user_data, GError **error)
{
	g_assert_nonnull(advisory->id);
	check_text(advisory->id);
	check_text(advisory->title_en);
	check_text(advisory->title_ja);
	check_text(advisory->summary_en);
	check_text(advisory->cvss_vector);
	g_assert_cmpfloat(advisory->cvss, >=, 0.0);
	g_assert_cmpfloat(advisory->cvss, <=, 10.0);
	g_assert_cmpuint(advisory->products->len, <=, YM_CSAF_MAX_PRODUCTS);
	for (guint i = 0; i < advisory->products->len; i++) {
		YmAdvisoryProduct *product = g_ptr_array_index(advisory->products, i);
		g_assert_cmpint(product->status, <, YM_PRODUCT_STATUS_LAST);
		check_text(product->vendor);
		check_text(product->product);
		check_text(product->version_exact);
		check_text(product->version_start);
		check_text(product->version_end);
		check_text(product->version_text);
		check_text(product->fixed_version);
	}
	return TRUE;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) ranges = NULL;
	g_autofree gchar *text = NULL;
	g_autofree gchar *version = NULL;
	gboolean all = FALSE;

	ym_advisory_csaf_sniff((const gchar *) data, size);
	if (!ym_advisory_parse_csaf((const gchar *) data, size, check_sink, NULL, &error))
		g_assert_nonnull(error);
	/* the helpers take NUL-terminated strings */
	text = g_strndup((const gchar *) data, MIN(size, 4096));
	if (_ym_csaf_vers_parse(text, &all, &ranges))
		g_assert_true(all || ranges->len > 0);
	version = _ym_csaf_version_from_fix_text(text);
	if (version != NULL)
		g_assert_cmpuint(strlen(version), <=, 64);
	return 0;
}
