/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ym-engine.h"
#include "ym-guidance.h"
#include "ym-store.h"

G_BEGIN_DECLS

typedef enum {
	YM_REPORT_FORMAT_JSON,
	YM_REPORT_FORMAT_TEXT,
} YmReportFormat;

/* the offline report (data/api/report.md): everything in the store plus
 * the statistics of this run */
gchar *
ym_report_build(YmStore *store,
                YmGuidance *guidance,
                const YmRunStats *stats,
                YmReportFormat format,
                GError **error);

/* RFC 3339 in UTC, seconds precision */
gchar *
ym_format_timestamp(gint64 usec);

G_END_DECLS
