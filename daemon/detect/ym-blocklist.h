/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ym-packet.h"

G_BEGIN_DECLS

#define YM_TYPE_BLOCKLIST (ym_blocklist_get_type())
G_DECLARE_FINAL_TYPE(YmBlocklist, ym_blocklist, YM, BLOCKLIST, GObject)

typedef enum {
	YM_BLOCKLIST_KIND_DOMAIN,
	YM_BLOCKLIST_KIND_IP, /* also a CIDR */
	YM_BLOCKLIST_KIND_JA3,
	YM_BLOCKLIST_KIND_CERT_SHA1,
} YmBlocklistKind;

/* one line of a list; owned by the YmBlocklist */
typedef struct {
	YmBlocklistKind kind;
	gchar *value;  /* canonical: lower-case domain, address or address/prefix, hex */
	gchar *source; /* who lists it */
	gchar *label;  /* what they call it (a malware family), or NULL */
	gchar *file;   /* basename of the list file */
	guint line;
} YmBlocklistEntry;

YmBlocklist *
ym_blocklist_new(void);
/* parses one list file's text into @self; on error @self may hold part of it */
gboolean
ym_blocklist_load_data(YmBlocklist *self,
                       const gchar *name,
                       const gchar *data,
                       gsize length,
                       GError **error);
/* every *.list in @dir, in name order; a missing folder is an empty list */
gboolean
ym_blocklist_load_dir(YmBlocklist *self, const gchar *dir, GError **error);
guint
ym_blocklist_get_size(YmBlocklist *self);
/* whether any certificate fingerprint is listed: hashing one costs */
gboolean
ym_blocklist_has_cert_sha1(YmBlocklist *self);

/* the hot-path lookups, none allocates: a name matches when it or one of
 * its parent domains is listed; an address by its longest listed prefix */
const YmBlocklistEntry *
ym_blocklist_lookup_domain(YmBlocklist *self, const gchar *name, gsize length);
const YmBlocklistEntry *
ym_blocklist_lookup_ip(YmBlocklist *self, const YmIpAddr *addr);
const YmBlocklistEntry *
ym_blocklist_lookup_ja3(YmBlocklist *self, const gchar *md5_hex);
const YmBlocklistEntry *
ym_blocklist_lookup_cert_sha1(YmBlocklist *self, const gchar *sha1_hex);

const gchar *
ym_blocklist_kind_to_string(YmBlocklistKind kind);

G_END_DECLS
