/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ym-advisory.h"

G_BEGIN_DECLS

/*
 * Japan Vulnerability Notes: JVN iPedia feeds and MyJVN API answers.
 *
 * Each parser hands one YmAdvisory per record to @sink, which borrows it.
 * XML is read as a stream, one record at a time, so a yearly detail feed
 * (72 MB for 2022) never sits in memory as a tree; when the document turns
 * out broken part way, the records before the break have already reached
 * the sink and the parser returns FALSE: callers store transactionally.
 *
 * A MyJVN status block with retCd other than 0 fails with YM_ERROR_READ
 * naming errCd and errMsg; documents that are valid JVN but hold no
 * advisories (product and vendor lists, statistics, alert lists) fail with
 * YM_ERROR_NOT_SUPPORTED; anything malformed with YM_ERROR_INVALID_DATA
 * naming the line (XML) or the line and column (JSON).
 */

/* XML is streamed; JSON is parsed into a tree, so its cap is lower */
#define YM_ADVISORY_JVN_XML_MAX_SIZE  (256 * 1024 * 1024)
#define YM_ADVISORY_JVN_JSON_MAX_SIZE (64 * 1024 * 1024)

/* VULDEF 3.x: iPedia detail feeds (jvndb_detail_YYYY.rdf), MyJVN HND
 * getVulnDetailInfo answers and detail data feeds */
gboolean
ym_advisory_parse_jvn_vuldef(const gchar *data,
                             gsize length,
                             YmAdvisorySink sink,
                             gpointer user_data,
                             GError **error);

/* JVNRSS 2.0 / 3.2: iPedia overview feeds (jvndb*.rdf) and MyJVN HND
 * getVulnOverviewList answers; products carry no versions */
gboolean
ym_advisory_parse_jvn_rss(const gchar *data,
                          gsize length,
                          YmAdvisorySink sink,
                          gpointer user_data,
                          GError **error);

/* the paging numbers of a MyJVN status block */
typedef struct {
	gboolean present; /* the document had a status block */
	gint64 total;     /* totalRes: matching records in all */
	gint64 returned;  /* totalResRet: records in this answer */
	gint64 first;     /* firstRes: 1-based position of the first; 0 none */
} YmJvnStatus;

/* as ym_advisory_parse_jvn_rss(), and @status (may be NULL) filled from
 * the status block of a getVulnOverviewList answer; a paging number that
 * is not one fails with YM_ERROR_INVALID_DATA */
gboolean
ym_advisory_parse_jvn_rss_status(const gchar *data,
                                 gsize length,
                                 YmJvnStatus *status,
                                 YmAdvisorySink sink,
                                 gpointer user_data,
                                 GError **error);

/* MyJVN API Ver4.0 "OKA" JSON: getVulnDetailInfo (jvncsaf and jvnstix)
 * and getVulnOverviewList answers and data feeds */
gboolean
ym_advisory_parse_jvn_json(const gchar *data,
                           gsize length,
                           YmAdvisorySink sink,
                           gpointer user_data,
                           GError **error);

/* TRUE when @data looks like a JVN document one of the parsers above
 * reads: a VULDEF-Document, a JVNRSS or MyJVN rdf:RDF, or MyJVN JSON */
gboolean
ym_advisory_jvn_sniff(const gchar *data, gsize length);

/* one line of a JVN feed folder's checksum.txt */
typedef struct {
	gchar *url;           /* https only */
	gchar *filename;      /* a plain file name, the last part of @url */
	gchar *sha256;        /* 64 lower-case hex digits */
	guint64 size;         /* bytes */
	gint64 last_modified; /* unix seconds (published in JST), 0 unknown */
} YmJvnChecksum;

void
ym_jvn_checksum_free(YmJvnChecksum *checksum);

/* @entries is set to a new array of YmJvnChecksum* on success */
gboolean
ym_jvn_checksum_parse(const gchar *data, gsize length, GPtrArray **entries, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(YmJvnChecksum, ym_jvn_checksum_free)

G_END_DECLS
