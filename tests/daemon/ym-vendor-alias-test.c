/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ym-error.h"
#include "ym-vendor-alias.h"

/* the aliases we ship */
static YmVendorAliases *
load_shipped(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(YmVendorAliases) aliases = ym_vendor_aliases_new();
	const gchar *dir = g_getenv("YM_SIGNATURES_DIR");
	g_autofree gchar *path = NULL;

	if (dir == NULL)
		dir = SRCDIR "/../signatures";
	path = g_build_filename(dir, "advisories", "aliases.txt", NULL);
	g_assert_true(ym_vendor_aliases_load_file(aliases, path, &error));
	g_assert_no_error(error);
	return g_steal_pointer(&aliases);
}

static void
test_shipped(void)
{
	g_autoptr(YmVendorAliases) aliases = load_shipped();
	g_autoptr(GError) error = NULL;
	const gchar *dir = g_getenv("YM_SIGNATURES_DIR");
	g_autofree gchar *path = NULL;
	g_autofree gchar *contents = NULL;
	g_auto(GStrv) lines = NULL;
	guint n_vendor_lines = 0;

	/* one vendor per vendor line */
	if (dir == NULL)
		dir = SRCDIR "/../signatures";
	path = g_build_filename(dir, "advisories", "aliases.txt", NULL);
	g_assert_true(g_file_get_contents(path, &contents, NULL, &error));
	g_assert_no_error(error);
	lines = g_strsplit(contents, "\n", -1);
	for (guint i = 0; lines[i] != NULL; i++) {
		if (g_str_has_prefix(lines[i], "vendor "))
			n_vendor_lines++;
	}
	g_assert_cmpuint(n_vendor_lines, >=, 50);
	g_assert_cmpuint(ym_vendor_aliases_get_size(aliases), ==, n_vendor_lines);
}

static void
test_normalize_vendor(void)
{
	g_autoptr(YmVendorAliases) aliases = load_shipped();
	const struct {
		const gchar *vendor;
		const gchar *expected;
	} cases[] = {
	    /* JVN AffectedItem/Name, CVE CNA vendor, CPE vendor */
	    {"日本電気", "nec"},
	    {"NEC", "nec"},
	    {"nec", "nec"},
	    {"NEC Corporation", "nec"},
	    {"NECプラットフォームズ", "nec"},
	    {"NECプラットフォームズ株式会社", "nec"},
	    {"NEC Platforms, Ltd.", "nec"},
	    {"I-O DATA DEVICE, INC.", "iodata"},
	    {"iodata", "iodata"},
	    {"i-o_data", "iodata"},
	    {"アイ・オー・データ機器", "iodata"},
	    {"株式会社アイ・オー・データ機器", "iodata"},
	    {"ＩＯ－ＤＡＴＡ", "iodata"},
	    {"BUFFALO INC.", "buffalo"},
	    {"株式会社バッファロー", "buffalo"},
	    {"ELECOM CO.,LTD.", "elecom"},
	    {"エレコム株式会社", "elecom"},
	    {"プラネックスコミュニケーションズ株式会社", "planex"},
	    {"TP-Link", "tp-link"},
	    {"TP-LINK", "tp-link"},
	    {"tp_link", "tp-link"},
	    {"TP-LINK Technologies Co., Ltd.", "tp-link"},
	    {"D-Link", "dlink"},
	    {"dlink", "dlink"},
	    {"Hangzhou Hikvision Digital Technology Co., Ltd.", "hikvision"},
	    {"Hikvision", "hikvision"},
	    /* the CSAF samples */
	    {"Dahua Technology Co, Ltd", "dahua"},
	    {"Dahua Technology Co., Ltd", "dahua"},
	    {"Xiongmai Technology", "xiongmai"},
	    {"QNAP Systems", "qnap"},
	    {"QNAP Systems, Inc.", "qnap"},
	    {"Reolink", "reolink"},
	    {"Teltonika", "teltonika"},
	    {"ASUSTeK COMPUTER INC.", "asus"},
	    {"パナソニック", "panasonic"},
	    {"キヤノン", "canon"},
	    {"Ubiquiti Inc.", "ubiquiti"},
	    /* not in the file: the cleaned name */
	    {"Acme Widgets Co., Ltd.", "acmewidgets"},
	    {"Trane", "trane"},
	    {"ベリタス", "ベリタス"},
	    {"Inc.", "inc"},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *token =
		    ym_vendor_aliases_normalize_vendor(aliases, cases[i].vendor);
		g_test_message("vendor \"%s\"", cases[i].vendor);
		g_assert_cmpstr(token, ==, cases[i].expected);
	}
	/* no vendor at all */
	{
		g_autofree gchar *long_name = g_strnfill(600, 'a');
		const gchar *none[] = {"n/a",     "N/A", "",     " ",      "-",
		                       "unknown", "・",  "\xff", long_name};
		for (guint i = 0; i < G_N_ELEMENTS(none); i++) {
			g_autofree gchar *token =
			    ym_vendor_aliases_normalize_vendor(aliases, none[i]);
			g_assert_null(token);
		}
		g_assert_null(ym_vendor_aliases_normalize_vendor(aliases, NULL));
	}
}

static void
test_vendor_from_product(void)
{
	g_autoptr(YmVendorAliases) aliases = load_shipped();
	const struct {
		const gchar *product;
		const gchar *expected;
	} cases[] = {
	    /* CVE-2023-1389 CNA: vendor "n/a" */
	    {"TP-Link Archer AX21 (AX1800)", "tp-link"},
	    {"Aterm WX3600HP", "nec"},
	    {"Aterm WX3600HP ファームウェア", "nec"},
	    {"Tapo C200", "tp-link"},
	    {"Kasa Smart Plug", "tp-link"},
	    {"I-O DATA HDL-T", "iodata"},
	    {"Fire TV Stick", "amazon"},
	    {"VioStor NVR QVR firmware", "qnap"},
	    {"DNS-320L", NULL},
	    {"MZK-DP300N", NULL},
	    {"", NULL},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *token =
		    ym_vendor_aliases_vendor_from_product(aliases, cases[i].product);
		g_test_message("product \"%s\"", cases[i].product);
		g_assert_cmpstr(token, ==, cases[i].expected);
	}
	g_assert_null(ym_vendor_aliases_vendor_from_product(aliases, NULL));
}

static void
test_product_normalize(void)
{
	const struct {
		const gchar *product;
		const gchar *expected;
	} cases[] = {
	    {"Archer AX21", "archerax21"},
	    {"archer_ax21_firmware", "archerax21"},
	    {"UD-LT1/EX", "udlt1ex"},
	    {"ud-lt1\\/ex_firmware", "udlt1ex"},
	    {"Aterm WX3600HP ファームウェア", "atermwx3600hp"},
	    {"aterm_wx3600hp_firmware", "atermwx3600hp"},
	    {"ＷＸ３６００ＨＰ", "wx3600hp"},
	    {"MZK-DP300N", "mzkdp300n"},
	    {"電子入札コアシステム", "電子入札コアシステム"},
	    {"Firmware", ""},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *normal = ym_product_normalize(cases[i].product);
		g_assert_cmpstr(normal, ==, cases[i].expected);
	}
	g_assert_null(ym_product_normalize(NULL));
	g_assert_null(ym_product_normalize("\xff"));
}

static void
test_product_match(void)
{
	const struct {
		const gchar *advisory;
		const gchar *device;
		gdouble expected;
	} cases[] = {
	    {"Archer AX21", "archer_ax21_firmware", YM_PRODUCT_MATCH_EXACT},
	    {"Archer AX21", "ARCHER-AX21", YM_PRODUCT_MATCH_EXACT},
	    {"Aterm WX3600HP ファームウェア", "Aterm WX3600HP", YM_PRODUCT_MATCH_EXACT},
	    {"UD-LT1/EX", "ud-lt1\\/ex_firmware", YM_PRODUCT_MATCH_EXACT},
	    /* a marketing note */
	    {"Archer AX21 (AX1800)", "Archer AX21", YM_PRODUCT_MATCH_NOTE},
	    {"Archer AX21", "Archer AX21（AX1800）", YM_PRODUCT_MATCH_NOTE},
	    /* without the series or the vendor, either way round */
	    {"Aterm WX3600HP", "WX3600HP", YM_PRODUCT_MATCH_SERIES},
	    {"Aterm WX3600HP ファームウェア", "WX3600HP", YM_PRODUCT_MATCH_SERIES},
	    {"Archer AX21", "AX21", YM_PRODUCT_MATCH_SERIES},
	    {"TP-Link Archer AX21 (AX1800)", "Archer AX21", YM_PRODUCT_MATCH_SERIES},
	    {"TP-Link Archer AX21 (AX1800)", "AX21", YM_PRODUCT_MATCH_SERIES},
	    {"WX3600HP", "Aterm WX3600HP", YM_PRODUCT_MATCH_SERIES},
	    {"Smart Plug", "Kasa Smart Plug", YM_PRODUCT_MATCH_SERIES},
	    /* the model, the firmware's name, firmware (ICSA-23-355-02) */
	    {"VioStor NVR QVR firmware", "VioStor NVR", YM_PRODUCT_MATCH_FIRMWARE_NAME},
	    {"VioStor NVR QVR firmware", "viostor-nvr", YM_PRODUCT_MATCH_FIRMWARE_NAME},
	    {"DS-2CD2432 QVR ファームウェア", "DS-2CD2432", YM_PRODUCT_MATCH_FIRMWARE_NAME},
	    /* another model, a name that is not an acronym, no firmware word */
	    {"Archer AX21 PRO firmware", "Archer AX21", 0},
	    {"Archer AX21 Pro firmware", "Archer AX21", 0},
	    {"VioStor NVR QVR", "VioStor NVR", 0},
	    {"VioStor NVR Qvr firmware", "VioStor NVR", 0},
	    {"VioStor NVR QVR firmware", "VioStor", 0},
	    {"VioStor NVR QVR firmware", "NVR", 0},
	    /* different models */
	    {"DNS-320L", "DNS-320", 0},
	    {"DNS-320", "DNS-320L", 0},
	    {"Archer AX21", "Archer AX20", 0},
	    {"HDL-T", "HDL-TC1", 0},
	    {"Archer", "Archer AX21", 0},
	    {"Archer AX21", "Archer", 0},
	    /* a leading word with a digit is a model, not a series */
	    {"WX3600HP AX21", "AX21", 0},
	    /* what is left must have a digit or two words */
	    {"Kasa Plug", "Plug", 0},
	    {"Firmware", "Firmware", 0},
	    {"", "AX21", 0},
	    {"AX21", NULL, 0},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_test_message("%s vs %s", cases[i].advisory,
		               cases[i].device != NULL ? cases[i].device : "(null)");
		g_assert_cmpfloat_with_epsilon(ym_product_match(cases[i].advisory, cases[i].device),
		                               cases[i].expected, 0.0001);
	}
}

static void
test_load_errors(void)
{
	const struct {
		const gchar *text;
		const gchar *message;
	} cases[] = {
	    {"vendor nec \"NEC\"\n# again\nvendor nec \"日本電気\"\n",
	     "test.txt:3: vendor nec is already defined on line 1"},
	    {"vendor a \"Foo\"\nvendor b \"FOO Inc.\"\n",
	     "test.txt:2: alias \"FOO Inc.\" already names vendor a"},
	    {"vendor a\nvendor b \"A\"\n", "test.txt:2: alias \"A\" already names vendor a"},
	    {"series nec \"Aterm\"\n",
	     "test.txt:1: series of vendor nec, which no earlier vendor line defines"},
	    {"vendor a\nvendor b\nseries a \"X\"\nseries b \"x\"\n",
	     "test.txt:4: series \"x\" already names vendor a"},
	    {"vendor nec\nseries nec\n", "test.txt:2: series nec names no series"},
	    {"vendor NEC\n", "test.txt:1: vendor token \"NEC\" may only have"},
	    {"vendor -nec\n", "test.txt:1: vendor token \"-nec\" must start with"},
	    {"vendor\n", "test.txt:1: expected a vendor token after vendor"},
	    {"brand nec \"NEC\"\n", "test.txt:1: unknown keyword \"brand\""},
	    {"\"NEC\"\n", "test.txt:1: expected vendor or series"},
	    {"vendor nec NEC\n", "test.txt:1: expected a quoted string"},
	    {"vendor nec \"NEC\n", "test.txt:1: unterminated string"},
	    {"vendor nec \"・・\"\n", "test.txt:1: alias \"・・\" has no letter or digit"},
	    {"\n\n\nvendor nec \"N\0C\"\n", "test.txt:4: NUL byte"},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(YmVendorAliases) aliases = ym_vendor_aliases_new();
		g_autoptr(GError) error = NULL;
		/* the NUL case needs the length past its NUL */
		gsize length = strlen(cases[i].text);
		if (strstr(cases[i].message, "NUL") != NULL)
			length += 1 + strlen(cases[i].text + length + 1);
		g_assert_false(ym_vendor_aliases_load_data(aliases, "test.txt", cases[i].text,
		                                           length, &error));
		g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
		g_test_message("got: %s", error->message);
		g_assert_true(g_str_has_prefix(error->message, cases[i].message));
	}
}

static void
test_load_ok(void)
{
	g_autoptr(YmVendorAliases) aliases = ym_vendor_aliases_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *token = NULL;
	g_autofree gchar *series = NULL;
	const gchar *text = "# comment\r\n"
	                    "\r\n"
	                    "  vendor acme \"ACME Widgets\" \"アクメ\" # trailing comment\r\n"
	                    "series acme \"Roadrunner\"\n"
	                    "vendor b.c-d_e\n"
	                    "vendor empty";

	g_assert_true(ym_vendor_aliases_load_data(aliases, "ok.txt", text, strlen(text), &error));
	g_assert_no_error(error);
	g_assert_cmpuint(ym_vendor_aliases_get_size(aliases), ==, 3);
	token = ym_vendor_aliases_normalize_vendor(aliases, "アクメ株式会社");
	g_assert_cmpstr(token, ==, "acme");
	series = ym_vendor_aliases_vendor_from_product(aliases, "Roadrunner 3000");
	g_assert_cmpstr(series, ==, "acme");
}

static void
test_load_missing(void)
{
	g_autoptr(YmVendorAliases) aliases = ym_vendor_aliases_new();
	g_autoptr(GError) error = NULL;
	g_assert_false(ym_vendor_aliases_load_file(aliases, "/nonexistent/aliases.txt", &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_READ);
	g_assert_nonnull(strstr(error->message, "/nonexistent/aliases.txt"));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/vendor-alias/shipped", test_shipped);
	g_test_add_func("/ym/vendor-alias/normalize-vendor", test_normalize_vendor);
	g_test_add_func("/ym/vendor-alias/vendor-from-product", test_vendor_from_product);
	g_test_add_func("/ym/vendor-alias/product-normalize", test_product_normalize);
	g_test_add_func("/ym/vendor-alias/product-match", test_product_match);
	g_test_add_func("/ym/vendor-alias/load-errors", test_load_errors);
	g_test_add_func("/ym/vendor-alias/load-ok", test_load_ok);
	g_test_add_func("/ym/vendor-alias/load-missing", test_load_missing);
	return g_test_run();
}
