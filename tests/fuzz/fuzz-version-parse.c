/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* a free-text version range, then the comparator over its halves and
 * the range test of a few versions */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ym-version.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autofree gchar *text = g_strndup((const gchar *) data, MIN(size, 4096));
	g_auto(YmVersionRange) range = {0};
	const gchar *versions[] = {"1.1.4 Build 20230219", "v6 R4", "0", "4.x", text};
	gchar *split;

	ym_version_range_parse_text(text, &range);
	for (guint i = 0; i < G_N_ELEMENTS(versions); i++) {
		ym_version_is_comparable(versions[i]);
		ym_version_in_range(versions[i], range.all_versions, range.exact, range.start,
		                    range.start_inclusive, range.end, range.end_inclusive);
		ym_version_in_range(versions[i], FALSE, NULL, text, TRUE, text, FALSE);
	}

	/* the two halves of the input against each other */
	split = strchr(text, '\n');
	if (split != NULL) {
		*split = '\0';
		ym_version_compare(text, split + 1);
		ym_version_compare(split + 1, text);
	}
	ym_version_compare(text, text);
	return 0;
}
