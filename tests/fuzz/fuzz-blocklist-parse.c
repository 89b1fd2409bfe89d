/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* the block list grammar, then a lookup of every kind */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ym-blocklist.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autoptr(YmBlocklist) lists = ym_blocklist_new();
	g_autoptr(GError) error = NULL;
	YmIpAddr v4 = {.family = 4, .bytes = {198, 51, 100, 7}};
	YmIpAddr v6 = {.family = 6, .bytes = {0x20, 0x01, 0x0d, 0xb8, 0x0b, 0xad}};
	const gchar *name = "www.internetbadguys.com";

	if (!ym_blocklist_load_data(lists, "fuzz.list", (const gchar *) data, size, &error))
		return 0;
	ym_blocklist_lookup_domain(lists, name, strlen(name));
	ym_blocklist_lookup_domain(lists, (const gchar *) data, MIN(size, 300));
	ym_blocklist_lookup_ip(lists, &v4);
	ym_blocklist_lookup_ip(lists, &v6);
	ym_blocklist_lookup_ja3(lists, "d551fafc4f40f1dec2bb45980bfa9492");
	ym_blocklist_lookup_cert_sha1(lists, "0ddb34f875632c7e1ec09d75827f82d2336dfeb6");
	return 0;
}
