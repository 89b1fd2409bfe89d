/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* the ustar reader of signature bundles, with the signature check bypassed */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ym-signature-bundle-private.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static gboolean
on_entry(const gchar *name,
         gboolean is_dir,
         const guint8 *data,
         gsize length,
         gpointer user_data,
         GError **error)
{
	guint *count = user_data;
	guint64 version = 0;

	/* whatever the input, a name cannot leave the extraction folder */
	g_assert(name != NULL && name[0] != '\0' && name[0] != '/' && name[0] != '.');
	g_assert(strstr(name, "/.") == NULL && strstr(name, "//") == NULL);
	g_assert(!is_dir || length == 0);
	(*count)++;
	/* what the installer does with VERSION */
	if (g_strcmp0(name, "VERSION") == 0 && length > 0)
		_ym_signature_bundle_parse_version((const gchar *) data, length - 1, &version,
		                                   NULL);
	return TRUE;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autoptr(GError) error = NULL;
	guint count = 0;
	_ym_signature_bundle_parse_data(data, size, on_entry, &count, &error);
	return 0;
}
