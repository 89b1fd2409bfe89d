/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* the UPnP device description parser, and the LOCATION rules on the same bytes */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ym-upnp-description.h"
#include "ym-upnp-fetcher-private.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_value(const gchar *value)
{
	if (value == NULL)
		return;
	g_assert_true(g_utf8_validate(value, -1, NULL));
	g_assert_cmpuint(strlen(value), >, 0);
	g_assert_cmpuint(strlen(value), <=, YM_UPNP_DESCRIPTION_MAX_VALUE);
	g_assert_false(g_ascii_isspace(value[0]));
	g_assert_false(g_ascii_isspace(value[strlen(value) - 1]));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(YmUpnpDescription) description =
	    ym_upnp_description_parse((const gchar *) data, size, &error);
	YmUpnpTarget target;
	YmIpAddr source = {.family = 4, .bytes = {192, 168, 1, 50}};

	if (description != NULL) {
		g_assert_null(error);
		check_value(description->device_type);
		check_value(description->friendly_name);
		check_value(description->manufacturer);
		check_value(description->manufacturer_url);
		check_value(description->model_name);
		check_value(description->model_number);
		check_value(description->model_description);
		check_value(description->firmware);
		check_value(description->presentation_host);
	} else {
		g_assert_nonnull(error);
	}
	if (_ym_upnp_location_check((const gchar *) data, MIN(size, YM_UPNP_LOCATION_MAX + 8),
	                            &source, &target) == YM_UPNP_FETCH_STARTED) {
		g_assert_true(g_str_has_prefix(target.url, "http://"));
		g_assert_cmpuint(target.loggable, <=, strlen(target.url));
		g_assert_cmpuint(target.port, >, 0);
	}
	return 0;
}
