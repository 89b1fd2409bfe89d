/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* size caps of what a CSAF provider publishes */
#define YM_CSAF_PROVIDER_METADATA_MAX_SIZE (1024 * 1024)
#define YM_CSAF_ROLIE_MAX_SIZE             (64 * 1024 * 1024)
#define YM_CSAF_INDEX_MAX_SIZE             (16 * 1024 * 1024)
#define YM_CSAF_INDEX_MAX_LINE             1024
#define YM_CSAF_HASH_FILE_MAX_SIZE         4096

/*
 * provider-metadata.json (CSAF 2.0 section 7.1.7). Every URL in it must be
 * https: a provider whose canonical_url or distribution URLs are http (the
 * Juice Shop one says http://localhost:3000) is refused with
 * YM_ERROR_INVALID_DATA, since the fetcher would never download from it.
 */
#define YM_TYPE_CSAF_PROVIDER (ym_csaf_provider_get_type())
G_DECLARE_FINAL_TYPE(YmCsafProvider, ym_csaf_provider, YM, CSAF_PROVIDER, GObject)

typedef struct {
	gchar *tlp_label; /* "WHITE", "GREEN" ... as published */
	gchar *url;
	gchar *summary; /* NULL when none */
} YmCsafFeed;

typedef struct {
	gchar *fingerprint; /* upper-case hex, 40 or 64 digits; NULL when not given */
	gchar *url;
} YmCsafKey;

YmCsafProvider *
ym_csaf_provider_parse(const gchar *data, gsize length, GError **error);

const gchar *
ym_csaf_provider_get_canonical_url(YmCsafProvider *self);
const gchar *
ym_csaf_provider_get_publisher_name(YmCsafProvider *self);
const gchar *
ym_csaf_provider_get_publisher_namespace(YmCsafProvider *self);
/* "csaf_publisher", "csaf_provider", "csaf_trusted_provider", or NULL */
const gchar *
ym_csaf_provider_get_role(YmCsafProvider *self);
/* unix seconds, 0 when unknown */
gint64
ym_csaf_provider_get_last_updated(YmCsafProvider *self);
/* gchar*: the directory_url of every directory distribution */
GPtrArray *
ym_csaf_provider_get_directory_urls(YmCsafProvider *self);
/* YmCsafFeed*: the ROLIE feeds of every distribution */
GPtrArray *
ym_csaf_provider_get_feeds(YmCsafProvider *self);
/* YmCsafKey*: public_openpgp_keys */
GPtrArray *
ym_csaf_provider_get_keys(YmCsafProvider *self);

/* one entry of a ROLIE feed */
typedef struct {
	gchar *id;
	gchar *title;
	gint64 published; /* unix seconds, 0 when unknown */
	gint64 updated;
	gchar *url;           /* the document: link rel "self", else content.src */
	gchar *hash_url;      /* rel "hash", NULL when none */
	gchar *signature_url; /* rel "signature", NULL when none */
} YmCsafRolieEntry;

void
ym_csaf_rolie_entry_free(YmCsafRolieEntry *entry);

/* a ROLIE feed in JSON ({"feed": {"entry": [...]}}) into *@entries
 * (YmCsafRolieEntry*, in feed order); every URL must be https */
gboolean
ym_csaf_rolie_parse(const gchar *data, gsize length, GPtrArray **entries, GError **error);

/* one line of changes.csv */
typedef struct {
	gchar *path; /* relative to the directory_url */
	gint64 timestamp;
} YmCsafChange;

void
ym_csaf_change_free(YmCsafChange *change);

/* changes.csv: "path","timestamp" lines (quoted or not, LF or CRLF) into
 * *@entries (YmCsafChange*) in file order. The file is meant to be newest
 * first but CISA's is not (425 inversions): read all of it. */
gboolean
ym_csaf_changes_parse(const gchar *data, gsize length, GPtrArray **entries, GError **error);

/* index.txt: one relative path per line into *@paths (gchar*) */
gboolean
ym_csaf_index_parse(const gchar *data, gsize length, GPtrArray **paths, GError **error);

/* TRUE when @path may be fetched relative to a directory_url: relative,
 * no "." or ".." segments, no scheme, no backslash, query or fragment,
 * only [A-Za-z0-9._+-/] */
gboolean
ym_csaf_path_is_safe(const gchar *path);

/*
 * checks @data against a .sha256 or .sha512 companion ("<hex>  <filename>",
 * "<hex> *<filename>" or bare hex; the algorithm follows the digest
 * length): YM_ERROR_INVALID_DATA when the file is not a hash file,
 * YM_ERROR_SIGNATURE_INVALID when the digest differs
 */
gboolean
ym_csaf_check_hash(const gchar *data,
                   gsize length,
                   const gchar *hash_file,
                   gsize hash_length,
                   GError **error);

G_END_DECLS
