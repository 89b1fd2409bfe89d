/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ym-advisory.h"
#include "ym-store.h"

G_BEGIN_DECLS

/* the formats a file can hold, told apart by their contents */
typedef enum {
	YM_ADVISORY_FORMAT_UNKNOWN,
	YM_ADVISORY_FORMAT_JVN_VULDEF,
	YM_ADVISORY_FORMAT_JVN_RSS,
	YM_ADVISORY_FORMAT_JVN_JSON,
	YM_ADVISORY_FORMAT_KEV,
	YM_ADVISORY_FORMAT_NVD,
	YM_ADVISORY_FORMAT_CVE5,
	YM_ADVISORY_FORMAT_CSAF,
} YmAdvisoryFormat;

YmAdvisoryFormat
ym_advisory_format_detect(const gchar *data, gsize length);
const gchar *
ym_advisory_format_to_string(YmAdvisoryFormat format);

/* parses @data as @format into the advisories table, inside the caller's
 * transaction; a failure leaves the rows of this document untouched; the
 * number of advisories stored is added to @n_advisories */
gboolean
ym_advisory_import_data(YmStore *store,
                        YmAdvisoryFormat format,
                        const gchar *data,
                        gsize length,
                        guint *n_advisories,
                        GError **error);

typedef struct {
	guint files;      /* files imported */
	guint skipped;    /* files that hold no advisories (indexes, keys, notes) */
	guint failed;     /* files that could not be imported, each warned about */
	guint advisories; /* advisories stored */
} YmAdvisoryImportStats;

/* called for every file that failed, with why; the import goes on */
typedef void (*YmAdvisoryImportFunc)(const gchar *path, const GError *error, gpointer user_data);

/* imports a file, or every file under a folder, in one transaction: each
 * file all or nothing, a bad file reported and the others kept; FALSE only
 * when the store itself fails (a full disk), and then nothing is kept */
gboolean
ym_advisory_import_path(YmStore *store,
                        const gchar *path,
                        YmAdvisoryImportStats *stats,
                        YmAdvisoryImportFunc failed_func,
                        gpointer user_data,
                        GError **error);

G_END_DECLS
