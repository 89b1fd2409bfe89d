/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ym-advisory.h"

G_BEGIN_DECLS

/*
 * parses one CVE JSON 5.x record (cvelistV5 file or CVE Services answer)
 * and hands one advisory to @sink (borrowed: the parser frees it when the
 * sink returns), with the products of the CNA container and of every ADP
 * container (CISA Vulnrichment); a REJECTED record gives none; the sink is
 * called only once the whole record has been read
 */
gboolean
ym_advisory_parse_cve5(const gchar *data,
                       gsize length,
                       YmAdvisorySink sink,
                       gpointer user_data,
                       GError **error);

/* TRUE when @data looks like a CVE JSON 5 record */
gboolean
ym_advisory_cve5_sniff(const gchar *data, gsize length);

G_END_DECLS
