/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ym-advisory.h"

G_BEGIN_DECLS

/* the paging fields of an NVD CVE API 2.0 response; results_per_page is
 * what the server says, not the length of the page (trust neither) */
typedef struct {
	gint64 results_per_page;
	gint64 start_index;
	gint64 total_results;
	gchar *timestamp;
} YmNvdPage;

void
ym_nvd_page_clear(YmNvdPage *page);

/*
 * parses an NVD CVE API 2.0 response ("vulnerabilities": [{"cve": …}]) or a
 * bare "cve" object and hands one advisory per CVE to @sink (borrowed: the
 * parser frees it when the sink returns); rejected CVEs are skipped; @page
 * (may be NULL; zero-filled or cleared before, it is cleared first) gets
 * the paging fields of a response and stays zero for a bare record; CPE and
 * CPE Match API responses are refused with YM_ERROR_NOT_SUPPORTED; on an
 * error the advisories already handed over stay handed over (parse inside
 * a transaction to drop them)
 */
gboolean
ym_advisory_parse_nvd(const gchar *data,
                      gsize length,
                      YmNvdPage *page,
                      YmAdvisorySink sink,
                      gpointer user_data,
                      GError **error);

/* TRUE when @data looks like an NVD CVE response or a bare NVD cve object */
gboolean
ym_advisory_nvd_sniff(const gchar *data, gsize length);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(YmNvdPage, ym_nvd_page_clear)

G_END_DECLS
