/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* the port-mapping request parsers: SOAP (whole and split), NAT-PMP, PCP */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ym-detect-upnp-private.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check(const YmUpnpMapping *mapping)
{
	g_assert_true(g_utf8_validate(mapping->description, -1, NULL));
	g_assert_cmpuint(strlen(mapping->description), <=, YM_UPNP_DESCRIPTION_MAX);
	g_assert_cmpuint(strlen(mapping->protocol), <, sizeof(mapping->protocol));
	g_assert_cmpuint(strlen(mapping->internal_client), <, sizeof(mapping->internal_client));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	YmUpnpMapping mapping;
	gsize half = size / 2;

	memset(&mapping, 0, sizeof(mapping));
	_ym_upnp_parse_soap(data, size, &mapping);
	check(&mapping);
	/* the body split over two segments */
	memset(&mapping, 0, sizeof(mapping));
	_ym_upnp_parse_soap(data, half, &mapping);
	_ym_upnp_parse_soap(data + half, size - half, &mapping);
	check(&mapping);
	if (_ym_upnp_parse_natpmp(data, size, &mapping))
		check(&mapping);
	if (_ym_upnp_parse_pcp(data, size, &mapping))
		check(&mapping);
	return 0;
}
