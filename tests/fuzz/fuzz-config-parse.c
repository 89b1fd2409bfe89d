/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* the configuration file: any bytes give a configuration or an error */

#include "config.h"

#include <stdint.h>

#include "ym-advisory-sync.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_auto(YmAdvisoryConfig) config = {0};
	g_autoptr(GError) error = NULL;

	ym_advisory_config_init(&config);
	if (!ym_advisory_config_load_data(&config, "fuzz.conf", (const gchar *) data, size, &error))
		g_assert_nonnull(error);
	return 0;
}
