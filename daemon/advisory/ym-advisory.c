/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "YmAdvisory"

#include "config.h"

#include "ym-advisory.h"

#include <string.h>

static const gchar *const source_names[YM_ADVISORY_SOURCE_LAST] = {
    "jvn", "kev", "nvd", "cve5", "csaf",
};

static const gchar *const remediation_names[YM_REMEDIATION_LAST] = {
    "unknown", "vendor_fix", "workaround", "mitigation", "no_fix_planned", "none_available",
};

static const gchar *const status_names[YM_PRODUCT_STATUS_LAST] = {
    "affected",
    "fixed",
    "not_affected",
};

YmAdvisory *
ym_advisory_new(YmAdvisorySource source, const gchar *id)
{
	YmAdvisory *advisory = g_new0(YmAdvisory, 1);
	advisory->source = source;
	advisory->id = g_strdup(id);
	advisory->cves = g_ptr_array_new_with_free_func(g_free);
	advisory->products = g_ptr_array_new_with_free_func((GDestroyNotify) ym_advisory_product_free);
	return advisory;
}

void
ym_advisory_product_free(YmAdvisoryProduct *product)
{
	if (product == NULL)
		return;
	g_free(product->cve);
	g_free(product->vendor);
	g_free(product->product);
	g_free(product->cpe);
	g_free(product->platform_cpe);
	g_free(product->hw_rev);
	g_free(product->version_exact);
	g_free(product->version_start);
	g_free(product->version_end);
	g_free(product->version_text);
	g_free(product->fixed_version);
	g_free(product);
}

void
ym_advisory_free(YmAdvisory *advisory)
{
	if (advisory == NULL)
		return;
	g_free(advisory->id);
	g_ptr_array_unref(advisory->cves);
	g_free(advisory->title_en);
	g_free(advisory->title_ja);
	g_free(advisory->summary_en);
	g_free(advisory->summary_ja);
	g_free(advisory->cvss_vector);
	g_free(advisory->remediation_url);
	g_ptr_array_unref(advisory->products);
	g_free(advisory);
}

YmAdvisoryProduct *
ym_advisory_add_product(YmAdvisory *advisory)
{
	YmAdvisoryProduct *product = g_new0(YmAdvisoryProduct, 1);
	g_ptr_array_add(advisory->products, product);
	return product;
}

void
ym_advisory_add_cve(YmAdvisory *advisory, const gchar *cve)
{
	g_autofree gchar *upper = NULL;
	if (cve == NULL || !ym_advisory_is_cve_id(cve))
		return;
	upper = g_ascii_strup(cve, -1);
	for (guint i = 0; i < advisory->cves->len; i++) {
		if (g_strcmp0(g_ptr_array_index(advisory->cves, i), upper) == 0)
			return;
	}
	g_ptr_array_add(advisory->cves, g_steal_pointer(&upper));
}

const gchar *
ym_advisory_source_to_string(YmAdvisorySource source)
{
	if ((guint) source >= YM_ADVISORY_SOURCE_LAST)
		return NULL;
	return source_names[source];
}

gint
ym_advisory_source_from_string(const gchar *text)
{
	for (guint i = 0; i < YM_ADVISORY_SOURCE_LAST; i++) {
		if (g_strcmp0(text, source_names[i]) == 0)
			return (gint) i;
	}
	return -1;
}

const gchar *
ym_remediation_to_string(YmRemediation remediation)
{
	if ((guint) remediation >= YM_REMEDIATION_LAST)
		return remediation_names[YM_REMEDIATION_UNKNOWN];
	return remediation_names[remediation];
}

YmRemediation
ym_remediation_from_string(const gchar *text)
{
	for (guint i = 0; i < YM_REMEDIATION_LAST; i++) {
		if (g_strcmp0(text, remediation_names[i]) == 0)
			return (YmRemediation) i;
	}
	return YM_REMEDIATION_UNKNOWN;
}

const gchar *
ym_product_status_to_string(YmProductStatus status)
{
	if ((guint) status >= YM_PRODUCT_STATUS_LAST)
		return status_names[YM_PRODUCT_STATUS_AFFECTED];
	return status_names[status];
}

gboolean
ym_advisory_is_cve_id(const gchar *text)
{
	gsize digits = 0;
	if (text == NULL || g_ascii_strncasecmp(text, "CVE-", 4) != 0)
		return FALSE;
	text += 4;
	for (guint i = 0; i < 4; i++) {
		if (!g_ascii_isdigit(text[i]))
			return FALSE;
	}
	if (text[4] != '-')
		return FALSE;
	for (text += 5; g_ascii_isdigit(*text); text++)
		digits++;
	return *text == '\0' && digits >= 4 && digits <= 19;
}

gint64
ym_advisory_parse_time(const gchar *text)
{
	g_autoptr(GDateTime) datetime = NULL;
	g_autofree gchar *copy = NULL;
	gsize length;

	if (text == NULL)
		return 0;
	length = strlen(text);
	if (length == 10) {
		/* a bare date */
		copy = g_strconcat(text, "T00:00:00Z", NULL);
	} else if (length >= 19 && (text[length - 1] == 'Z' || strchr(text + 19, '+') != NULL ||
	                            strchr(text + 19, '-') != NULL)) {
		copy = g_strdup(text);
	} else if (length >= 19) {
		/* NVD writes local-less times, which are UTC */
		copy = g_strconcat(text, "Z", NULL);
	} else {
		return 0;
	}
	datetime = g_date_time_new_from_iso8601(copy, NULL);
	if (datetime == NULL)
		return 0;
	return g_date_time_to_unix(datetime);
}
