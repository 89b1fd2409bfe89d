/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define YM_CSAF_KEY_MAX_SIZE       (1024 * 1024)
#define YM_CSAF_SIGNATURE_MAX_SIZE (64 * 1024)

/*
 * verifies the detached OpenPGP signature of a CSAF document (its .asc
 * companion) with gpgv (Debian's "gpgv" package, which apt itself needs)
 * against a keyring holding only @key, the provider's public key as
 * published at public_openpgp_keys[].url (armored or binary). The signing
 * key (primary or subkey) must have @fingerprint, the one listed in
 * provider-metadata.json. *@signed_at gets the signature's time.
 *
 * YM_ERROR_NOT_SUPPORTED when gpgv is not installed, YM_ERROR_INVALID_DATA
 * for a malformed key or fingerprint, YM_ERROR_SIGNATURE_INVALID for a bad
 * signature, one by another key, or an expired or revoked key.
 */
gboolean
ym_csaf_verify_signature(const gchar *data,
                         gsize length,
                         const gchar *signature,
                         gsize signature_length,
                         const gchar *key,
                         gsize key_length,
                         const gchar *fingerprint,
                         gint64 *signed_at,
                         GError **error);

G_END_DECLS
