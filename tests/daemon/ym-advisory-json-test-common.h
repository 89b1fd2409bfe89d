/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ym-advisory.h"
#include "ym-test-common.h"

G_BEGIN_DECLS

/* the contents of a file under the shared advisories folder, or NULL as
 * ym_test_shared_advisory() */
static inline gchar *
ym_test_shared_advisory_contents(const gchar *name, gsize *length)
{
	g_autofree gchar *path = ym_test_shared_advisory(name);
	g_autoptr(GError) error = NULL;
	gchar *contents = NULL;

	if (path == NULL)
		return NULL;
	g_file_get_contents(path, &contents, length, &error);
	g_assert_no_error(error);
	return contents;
}

/* @sniff refuses each of the shared advisory files @names; FALSE when the
 * test is skipped */
static inline gboolean
ym_test_advisory_sniff_refuses(gboolean (*sniff)(const gchar *data, gsize length),
                               const gchar *const *names,
                               guint n_names)
{
	for (guint i = 0; i < n_names; i++) {
		gsize length = 0;
		g_autofree gchar *data = ym_test_shared_advisory_contents(names[i], &length);
		if (data == NULL)
			return FALSE;
		g_assert_false(sniff(data, length));
	}
	return TRUE;
}

static inline YmAdvisoryProduct *
ym_test_advisory_product_copy(const YmAdvisoryProduct *product)
{
	YmAdvisoryProduct *copy = g_new0(YmAdvisoryProduct, 1);
	*copy = *product;
	copy->cve = g_strdup(product->cve);
	copy->vendor = g_strdup(product->vendor);
	copy->product = g_strdup(product->product);
	copy->cpe = g_strdup(product->cpe);
	copy->platform_cpe = g_strdup(product->platform_cpe);
	copy->hw_rev = g_strdup(product->hw_rev);
	copy->version_exact = g_strdup(product->version_exact);
	copy->version_start = g_strdup(product->version_start);
	copy->version_end = g_strdup(product->version_end);
	copy->version_text = g_strdup(product->version_text);
	copy->fixed_version = g_strdup(product->fixed_version);
	return copy;
}

static inline YmAdvisory *
ym_test_advisory_copy(const YmAdvisory *advisory)
{
	YmAdvisory *copy = ym_advisory_new(advisory->source, advisory->id);
	for (guint i = 0; i < advisory->cves->len; i++)
		ym_advisory_add_cve(copy, g_ptr_array_index(advisory->cves, i));
	copy->title_en = g_strdup(advisory->title_en);
	copy->title_ja = g_strdup(advisory->title_ja);
	copy->summary_en = g_strdup(advisory->summary_en);
	copy->summary_ja = g_strdup(advisory->summary_ja);
	copy->cvss = advisory->cvss;
	copy->cvss_vector = g_strdup(advisory->cvss_vector);
	copy->kev = advisory->kev;
	copy->end_of_life = advisory->end_of_life;
	copy->remediation = advisory->remediation;
	copy->remediation_url = g_strdup(advisory->remediation_url);
	copy->published = advisory->published;
	copy->modified = advisory->modified;
	for (guint i = 0; i < advisory->products->len; i++)
		g_ptr_array_add(copy->products, ym_test_advisory_product_copy(
		                                    g_ptr_array_index(advisory->products, i)));
	return copy;
}

/* a sink that keeps a copy of every advisory in the GPtrArray @user_data
 * (the parser frees its own when the sink returns) */
static inline gboolean
ym_test_advisory_collect(YmAdvisory *advisory, gpointer user_data, GError **error)
{
	GPtrArray *advisories = user_data;
	g_assert_nonnull(advisory);
	g_assert_nonnull(advisory->id);
	g_ptr_array_add(advisories, ym_test_advisory_copy(advisory));
	return TRUE;
}

static inline GPtrArray *
ym_test_advisory_array_new(void)
{
	return g_ptr_array_new_with_free_func((GDestroyNotify) ym_advisory_free);
}

static inline YmAdvisory *
ym_test_advisory_find(GPtrArray *advisories, const gchar *id)
{
	for (guint i = 0; i < advisories->len; i++) {
		YmAdvisory *advisory = g_ptr_array_index(advisories, i);
		if (g_strcmp0(advisory->id, id) == 0)
			return advisory;
	}
	return NULL;
}

/* the product with this CPE (and platform CPE when not NULL) */
static inline YmAdvisoryProduct *
ym_test_advisory_find_cpe(YmAdvisory *advisory, const gchar *cpe, const gchar *platform_cpe)
{
	for (guint i = 0; i < advisory->products->len; i++) {
		YmAdvisoryProduct *product = g_ptr_array_index(advisory->products, i);
		if (g_strcmp0(product->cpe, cpe) == 0 &&
		    (platform_cpe == NULL || g_strcmp0(product->platform_cpe, platform_cpe) == 0))
			return product;
	}
	return NULL;
}

/* a sink that refuses, to check the parser stops with its error */
static inline gboolean
ym_test_advisory_refuse(YmAdvisory *advisory, gpointer user_data, GError **error)
{
	guint *calls = user_data;
	(*calls)++;
	g_set_error(error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "refused %s", advisory->id);
	return FALSE;
}

G_END_DECLS
