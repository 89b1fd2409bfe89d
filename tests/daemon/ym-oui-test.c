/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ym-error.h"
#include "ym-oui.h"

static YmOui *
load_registry(void)
{
	g_autoptr(GError) error = NULL;
	const gchar *dir = g_getenv("YM_OUI_DIR");
	YmOui *oui = ym_oui_new(dir != NULL ? dir : YM_OUI_DIR, &error);
	g_assert_no_error(error);
	g_assert_nonnull(oui);
	return oui;
}

static void
test_lookup(void)
{
	g_autoptr(YmOui) oui = load_registry();
	const struct {
		guint8 mac[6];
		const gchar *vendor;
	} cases[] = {
	    /* from Debian's ieee-data oui.csv; quoted names lose their quotes */
	    {{0x90, 0xb1, 0x1c, 0x99, 0x49, 0x29}, "Dell Inc."},
	    {{0x34, 0x7e, 0x5c, 0xff, 0xa2, 0x6e}, "Sonos, Inc."},
	    {{0xf8, 0xed, 0xa5, 0xc0, 0xa4, 0xf1}, "ARRIS Group, Inc."},
	    {{0x18, 0xb4, 0x30, 0x26, 0x34, 0x40}, "Nest Labs Inc."},
	    {{0xb8, 0x27, 0xeb, 0xb8, 0x53, 0xc8}, "Raspberry Pi Foundation"},
	    /* MA-M (28 bits) wins over the MA-L block it sits in */
	    {{0x20, 0x85, 0x93, 0xb0, 0x00, 0x01}, "IOG Products LLC"},
	    /* MA-S (36 bits) */
	    {{0x70, 0xb3, 0xd5, 0x56, 0xf1, 0x23}, "Radikal d.o.o."},
	};
	g_assert_cmpuint(ym_oui_get_size(oui), >, 30000);
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++)
		g_assert_cmpstr(ym_oui_lookup(oui, cases[i].mac), ==, cases[i].vendor);
}

static void
test_no_vendor(void)
{
	g_autoptr(YmOui) oui = load_registry();
	/* locally administered: randomised phone MAC, QEMU, a bridge */
	const guint8 random_mac[6] = {0x8a, 0x3c, 0xd6, 0xe1, 0x4d, 0xc4};
	const guint8 qemu[6] = {0x52, 0x54, 0x00, 0x36, 0x3e, 0xff};
	const guint8 multicast[6] = {0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb};
	/* "Private" MA-M entry */
	const guint8 private_block[6] = {0x74, 0x1a, 0xe0, 0x90, 0x00, 0x01};
	g_assert_true(ym_mac_is_locally_administered(random_mac));
	g_assert_null(ym_oui_lookup(oui, random_mac));
	g_assert_null(ym_oui_lookup(oui, qemu));
	g_assert_null(ym_oui_lookup(oui, multicast));
	g_assert_cmpstr(ym_oui_lookup(oui, private_block), !=, "Private");
}

static void
test_missing_registry(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(YmOui) oui = ym_oui_new("/nonexistent", &error);
	g_assert_null(oui);
	g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
	g_assert_nonnull(strstr(error->message, "/nonexistent/oui.csv"));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/oui/lookup", test_lookup);
	g_test_add_func("/ym/oui/no-vendor", test_no_vendor);
	g_test_add_func("/ym/oui/missing-registry", test_missing_registry);
	return g_test_run();
}
