/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* the fingerprint rules grammar, then classification of a sample device */

#include "config.h"

#include <stdint.h>

#include "ym-fingerprints.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autoptr(YmFingerprints) fp = ym_fingerprints_new();
	g_autoptr(GError) error = NULL;
	YmDevice device = {0};
	YmObservation obs = {.kind = YM_OBS_HTTP_USER_AGENT,
	                     .value = (gchar *) "Dalvik/2.1.0 (Linux; U; Android 10; X Build/Y)"};
	YmDeviceName name = {.name = (gchar *) "android-1c1335ec95a27318"};
	YmClassification c = {0};

	if (!ym_fingerprints_load_data(fp, "fuzz.rules", (const gchar *) data, size, &error))
		return 0;
	device.vendor = "Sonos, Inc.";
	device.roles = 1;
	device.addresses = g_array_new(FALSE, TRUE, sizeof(YmDeviceAddress));
	device.names = g_array_new(FALSE, TRUE, sizeof(YmDeviceName));
	device.observations = g_array_new(FALSE, TRUE, sizeof(YmObservation));
	g_array_append_val(device.names, name);
	g_array_append_val(device.observations, obs);
	ym_fingerprints_classify(fp, &device, &c);
	ym_classification_clear(&c);
	g_array_unref(device.addresses);
	g_array_unref(device.names);
	g_array_unref(device.observations);
	return 0;
}
