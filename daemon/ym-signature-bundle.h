/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* a set of signature files: the one packaged with the program, or a
 * signed bundle installed into the state folder */
typedef struct {
	gchar *path;        /* the folder to load, symbolic links resolved */
	guint64 version;    /* from its VERSION file; 0 when it has none */
	gboolean installed; /* an installed bundle rather than the packaged set */
} YmSignatureSet;

void
ym_signature_set_free(YmSignatureSet *self);

/* the packaged signatures: $YM_SIGNATURES_DIR, else the installed folder,
 * else the source tree's (running from the build tree) */
gchar *
ym_signature_bundle_get_packaged_dir(void);
/* the public keys bundles are checked against: <pkgdatadir>/keys/\*.pub,
 * else the source tree's signatures/keys/, in name order */
GStrv
ym_signature_bundle_get_trusted_keys(void);
/* the number in @dir/VERSION; a missing file is YM_ERROR_NOT_FOUND */
gboolean
ym_signature_bundle_read_version(const gchar *dir, guint64 *version, GError **error);
/* what yamorid loads: the bundle installed in @state_dir (may be NULL)
 * when it is newer than the packaged set, else the packaged set */
YmSignatureSet *
ym_signature_bundle_get_active(const gchar *state_dir);

/* verifies @sig_path against @trusted_key_files (NULL: the packaged
 * keys) before reading the tar, refuses a version not newer than the
 * active set, extracts into <state_dir>/signatures-<N>.tmp, loads every
 * rule file with the daemon's loaders, then switches the
 * <state_dir>/signatures link to signatures-<N> with one rename(2),
 * keeping the previous set and deleting older ones. On any error the
 * state folder is left as it was. */
gboolean
ym_signature_bundle_install(const gchar *bundle_path,
                            const gchar *sig_path,
                            const gchar *const *trusted_key_files,
                            const gchar *state_dir,
                            GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(YmSignatureSet, ym_signature_set_free)

G_END_DECLS
