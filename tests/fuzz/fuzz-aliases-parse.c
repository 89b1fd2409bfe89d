/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* the vendor aliases grammar, then lookups with fixed names and with the
 * input itself as a vendor and a product */

#include "config.h"

#include <stdint.h>

#include "ym-vendor-alias.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autoptr(YmVendorAliases) aliases = ym_vendor_aliases_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *text = g_strndup((const gchar *) data, MIN(size, 4096));
	g_autofree gchar *a = NULL;
	g_autofree gchar *b = NULL;
	g_autofree gchar *c = NULL;
	g_autofree gchar *d = NULL;
	g_autofree gchar *e = NULL;

	ym_vendor_aliases_load_data(aliases, "fuzz.txt", (const gchar *) data, size, &error);
	a = ym_vendor_aliases_normalize_vendor(aliases, "I-O DATA DEVICE, INC.");
	b = ym_vendor_aliases_normalize_vendor(aliases, text);
	c = ym_vendor_aliases_vendor_from_product(aliases, "Aterm WX3600HP");
	d = ym_vendor_aliases_vendor_from_product(aliases, text);
	e = ym_product_normalize(text);
	ym_product_match(text, "Archer AX21");
	ym_product_match("TP-Link Archer AX21 (AX1800)", text);
	return 0;
}
