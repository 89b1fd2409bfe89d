/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ym-advisory.h"

G_BEGIN_DECLS

/* the catalogue header: "catalogVersion" ("2025.08.25"), "dateReleased"
 * (unix seconds, 0 unknown) and the "count" it claims */
typedef struct {
	gchar *catalog_version;
	gint64 date_released;
	guint count;
} YmKevInfo;

void
ym_kev_info_clear(YmKevInfo *info);

/*
 * parses the CISA Known Exploited Vulnerabilities catalogue and hands one
 * advisory per entry to @sink (borrowed: the parser frees it when the sink
 * returns); the products carry vendor and product names only and never a
 * version: KEV is a flag joined by CVE, not something to match versions
 * with; @info (may be NULL; zero-filled or cleared before, it is cleared
 * first) gets the catalogue header; on an error the advisories already
 * handed over stay handed over
 */
gboolean
ym_advisory_parse_kev(const gchar *data,
                      gsize length,
                      YmKevInfo *info,
                      YmAdvisorySink sink,
                      gpointer user_data,
                      GError **error);

/* TRUE when @data looks like the KEV catalogue */
gboolean
ym_advisory_kev_sniff(const gchar *data, gsize length);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(YmKevInfo, ym_kev_info_clear)

G_END_DECLS
