/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* how a listed pair is known: a factory default, or a common weak password */
typedef enum {
	YM_CREDENTIAL_DEFAULT,
	YM_CREDENTIAL_WEAK,
} YmCredentialKind;

/* one entry of signatures/credentials/: the pair itself is only a hash */
typedef struct {
	gchar *username;
	gchar *label; /* where it comes from, e.g. "mirai:12" or "vendor:ubiquiti" */
	YmCredentialKind kind;
	gchar digest[65]; /* hex SHA-256 of "username:password" */
} YmCredentialEntry;

typedef struct _YmCredentialList YmCredentialList;

YmCredentialList *
ym_credential_list_new(void);
void
ym_credential_list_free(YmCredentialList *self);
/* adds the entries of one file's text; on error nothing is added and the
 * message names @name and the line */
gboolean
ym_credential_list_load_data(YmCredentialList *self,
                             const gchar *name,
                             const gchar *data,
                             gsize length,
                             GError **error);
/* reads every *.list file of @dir, in name order */
gboolean
ym_credential_list_load_dir(YmCredentialList *self, const gchar *dir, GError **error);
guint
ym_credential_list_get_size(YmCredentialList *self);
/* the entry for an observed pair, or NULL; the password is only hashed */
const YmCredentialEntry *
ym_credential_list_lookup(YmCredentialList *self,
                          const gchar *username,
                          gsize username_length,
                          const gchar *password,
                          gsize password_length);
const gchar *
ym_credential_kind_to_string(YmCredentialKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(YmCredentialList, ym_credential_list_free)

G_END_DECLS
