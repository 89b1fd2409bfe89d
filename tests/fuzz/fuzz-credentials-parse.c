/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* the credential list grammar, then a lookup */

#include "config.h"

#include <stdint.h>

#include "ym-credential-list.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autoptr(YmCredentialList) list = ym_credential_list_new();
	g_autoptr(GError) error = NULL;

	if (!ym_credential_list_load_data(list, "fuzz.list", (const gchar *) data, size, &error))
		return 0;
	ym_credential_list_lookup(list, "admin", 5, "admin", 5);
	ym_credential_list_lookup(list, "", 0, "", 0);
	return 0;
}
