/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* BLAKE2b-512, what a prehashed ("ED") signature signs */
#define YM_MINISIGN_DIGEST_SIZE 64
/* a legacy ("Ed") signature signs the raw bytes: the file is read whole */
#define YM_MINISIGN_LEGACY_MAX_SIZE (64 * 1024 * 1024)

/* a minisign Ed25519 public key */
typedef struct _YmMinisignKey YmMinisignKey;
/* a parsed .minisig file; nothing in it is trusted until verified */
typedef struct _YmMinisignSignature YmMinisignSignature;

/* a public key file ("untrusted comment: …" then the base64 line) or the
 * bare base64 line; @name is used in error messages */
YmMinisignKey *
ym_minisign_key_new_from_data(const gchar *name, const gchar *data, gsize length, GError **error);
YmMinisignKey *
ym_minisign_key_new_from_file(const gchar *path, GError **error);
void
ym_minisign_key_free(YmMinisignKey *self);
/* the key id as minisign prints it: upper-case hex, no leading zeros */
const gchar *
ym_minisign_key_get_id(const YmMinisignKey *self);

YmMinisignSignature *
ym_minisign_signature_new_from_data(const gchar *name,
                                    const gchar *data,
                                    gsize length,
                                    GError **error);
YmMinisignSignature *
ym_minisign_signature_new_from_file(const gchar *path, GError **error);
void
ym_minisign_signature_free(YmMinisignSignature *self);
/* the id of the key that claims to have signed, as minisign prints it */
const gchar *
ym_minisign_signature_get_key_id(const YmMinisignSignature *self);
/* TRUE for "ED" (over the BLAKE2b-512 of the file), FALSE for legacy "Ed" */
gboolean
ym_minisign_signature_is_prehashed(const YmMinisignSignature *self);
/* the key of @keys (of YmMinisignKey) whose id the signature names; an
 * error naming both ids when there is none */
const YmMinisignKey *
ym_minisign_signature_find_key(const YmMinisignSignature *self, GPtrArray *keys, GError **error);

/* checks the key id, the signature over @data and the global signature
 * over the trusted comment; returns the trusted comment */
gchar *
ym_minisign_verify_data(const YmMinisignSignature *signature,
                        const YmMinisignKey *key,
                        const guint8 *data,
                        gsize length,
                        GError **error);
/* the same over a file, streamed when prehashed; @digest (may be NULL)
 * receives the BLAKE2b-512 of the bytes that were verified, so that a
 * caller reading the file again can prove it read the same bytes */
gchar *
ym_minisign_verify_file(const YmMinisignSignature *signature,
                        const YmMinisignKey *key,
                        const gchar *path,
                        guint8 *digest,
                        GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(YmMinisignKey, ym_minisign_key_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(YmMinisignSignature, ym_minisign_signature_free)

G_END_DECLS
