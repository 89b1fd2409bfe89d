/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/*
 * what every advisory a JVN parser hands out must satisfy, whatever the
 * input; include it once, in the one file of a target: it defines
 * LLVMFuzzerInitialize() for that target
 */

#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "ym-advisory-jvn.h"
#include "ym-error.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv);
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* what G_DEBUG=fatal-criticals does, also under libFuzzer */
	g_log_set_always_fatal(G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
	return 0;
}

static void
fuzz_jvn_check_text(const gchar *text)
{
	if (text != NULL)
		g_assert_true(g_utf8_validate(text, -1, NULL));
}

static void
fuzz_jvn_check_cpe(const gchar *cpe)
{
	if (cpe == NULL)
		return;
	g_assert_true(g_str_has_prefix(cpe, "cpe:2.3:"));
	for (const gchar *p = cpe; *p != '\0'; p++)
		g_assert_true(g_ascii_isgraph(*p));
}

static gboolean
fuzz_jvn_sink(YmAdvisory *advisory, gpointer user_data, GError **error)
{
	guint *count = user_data;

	g_assert_nonnull(advisory->id);
	g_assert_cmpint(advisory->source, ==, YM_ADVISORY_SOURCE_JVN);
	fuzz_jvn_check_text(advisory->id);
	fuzz_jvn_check_text(advisory->title_en);
	fuzz_jvn_check_text(advisory->title_ja);
	fuzz_jvn_check_text(advisory->summary_en);
	fuzz_jvn_check_text(advisory->summary_ja);
	g_assert_cmpfloat(advisory->cvss, >=, 0.0);
	g_assert_cmpfloat(advisory->cvss, <=, 10.0);
	if (advisory->cvss == 0.0)
		g_assert_null(advisory->cvss_vector);
	g_assert_cmpint(advisory->remediation, <, YM_REMEDIATION_LAST);
	if (advisory->remediation_url != NULL)
		g_assert_true(g_str_has_prefix(advisory->remediation_url, "http://") ||
		              g_str_has_prefix(advisory->remediation_url, "https://"));
	for (guint i = 0; i < advisory->cves->len; i++)
		g_assert_true(ym_advisory_is_cve_id(g_ptr_array_index(advisory->cves, i)));
	for (guint i = 0; i < advisory->products->len; i++) {
		YmAdvisoryProduct *product = g_ptr_array_index(advisory->products, i);
		g_assert_cmpint(product->status, <, YM_PRODUCT_STATUS_LAST);
		g_assert_false(product->all_versions);
		if (product->cve != NULL)
			g_assert_true(ym_advisory_is_cve_id(product->cve));
		fuzz_jvn_check_text(product->vendor);
		fuzz_jvn_check_text(product->product);
		fuzz_jvn_check_text(product->version_text);
		fuzz_jvn_check_cpe(product->cpe);
		/* bounds only ever come from published words */
		if (product->version_exact != NULL || product->version_start != NULL ||
		    product->version_end != NULL)
			g_assert_nonnull(product->version_text);
	}
	(*count)++;
	/* stop now and then so the early-exit paths run too */
	if (*count > 64) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_WRITE, "enough");
		return FALSE;
	}
	return TRUE;
}

typedef gboolean (*FuzzJvnParse)(const gchar *data,
                                 gsize length,
                                 YmAdvisorySink sink,
                                 gpointer user_data,
                                 GError **error);

static void
fuzz_jvn_run(FuzzJvnParse parse, const gchar *data, gsize length)
{
	g_autoptr(GError) error = NULL;
	guint count = 0;
	if (!parse(data, length, fuzz_jvn_sink, &count, &error)) {
		g_assert_nonnull(error);
		g_assert_true(g_utf8_validate(error->message, -1, NULL));
	} else {
		g_assert_no_error(error);
	}
}
