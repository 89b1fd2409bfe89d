/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ym-signature-bundle.h"

G_BEGIN_DECLS

/* limits of a bundle, all refused beyond */
#define YM_SIGNATURE_BUNDLE_MAX_FILE_SIZE (16 * 1024 * 1024)
#define YM_SIGNATURE_BUNDLE_MAX_ENTRIES   10000
#define YM_SIGNATURE_BUNDLE_MAX_TOTAL     (256 * 1024 * 1024)
/* the tar around them: two headers' worth per entry, the end, blocking */
#define YM_SIGNATURE_BUNDLE_MAX_SIZE                                                               \
	((guint64) YM_SIGNATURE_BUNDLE_MAX_TOTAL + (YM_SIGNATURE_BUNDLE_MAX_ENTRIES + 1) * 1024 +  \
	 20 * 512)

/* one entry of the tar, its name checked against the allowed layout
 * ("VERSION", "fingerprints/10-roles.rules"); folders have no data */
typedef gboolean (*YmSignatureBundleEntryFunc)(const gchar *name,
                                               gboolean is_dir,
                                               const guint8 *data,
                                               gsize length,
                                               gpointer user_data,
                                               GError **error);

/* where the tar bytes come from: @data when @fd is negative, else the
 * file, hashed into @hash (a crypto_generichash_state, may be NULL) as it
 * is read so that the caller can compare it with what was verified */
typedef struct {
	const guint8 *data;
	gsize length;
	gint fd;
	const gchar *name; /* for messages */
	gpointer hash;
	guint64 offset; /* bytes consumed so far */
} YmSignatureBundleSource;

/* reads the whole archive, up to its end and the zero padding after it;
 * YM_ERROR_INVALID_DATA naming the entry and offset for anything else
 * than files and folders of the allowed layout (ym-signature-bundle-tar.c) */
gboolean
_ym_signature_bundle_read_tar(YmSignatureBundleSource *source,
                              YmSignatureBundleEntryFunc func,
                              gpointer user_data,
                              GError **error);
/* the ustar reader without the signature check (tests, fuzzing) */
gboolean
_ym_signature_bundle_parse_data(const guint8 *data,
                                gsize length,
                                YmSignatureBundleEntryFunc func,
                                gpointer user_data,
                                GError **error);
/* a positive decimal number without leading zeros, as in VERSION */
gboolean
_ym_signature_bundle_parse_version(const gchar *text,
                                   gsize length,
                                   guint64 *version,
                                   GError **error);

G_END_DECLS
