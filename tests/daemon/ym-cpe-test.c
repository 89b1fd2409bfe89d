/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ym-cpe.h"
#include "ym-error.h"

static void
test_parse_formatted_string(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(YmCpe) cpe = NULL;
	g_autoptr(YmCpe) hw = NULL;
	g_autoptr(YmCpe) escaped = NULL;
	g_autoptr(YmCpe) update = NULL;

	/* NVD CVE-2023-1389 */
	cpe = ym_cpe_parse("cpe:2.3:o:tp-link:archer_ax21_firmware:*:*:*:*:*:*:*:*", &error);
	g_assert_no_error(error);
	g_assert_nonnull(cpe);
	g_assert_cmpstr(cpe->part, ==, "o");
	g_assert_cmpstr(cpe->vendor, ==, "tp-link");
	g_assert_cmpstr(cpe->product, ==, "archer_ax21_firmware");
	g_assert_null(cpe->version);
	g_assert_null(cpe->update);
	g_assert_null(cpe->other);

	/* its hardware node: version NA */
	hw = ym_cpe_parse("cpe:2.3:h:tp-link:archer_ax21:-:*:*:*:*:*:*:*", &error);
	g_assert_no_error(error);
	g_assert_cmpstr(hw->part, ==, "h");
	g_assert_cmpstr(hw->version, ==, "");

	/* CVE-2024-47133 ADP: "UD-LT1/EX" escaped */
	escaped = ym_cpe_parse("cpe:2.3:o:iodata:ud-lt1\\/ex_firmware:*:*:*:*:*:*:*:*", &error);
	g_assert_no_error(error);
	g_assert_cmpstr(escaped->vendor, ==, "iodata");
	g_assert_cmpstr(escaped->product, ==, "ud-lt1/ex_firmware");

	/* log4j with an update, Cisco with escaped parentheses, case folded */
	update = ym_cpe_parse("cpe:2.3:a:Cisco:Finesse:12.5\\(1\\):SU1:*:*:*:*:*:*", &error);
	g_assert_no_error(error);
	g_assert_cmpstr(update->vendor, ==, "cisco");
	g_assert_cmpstr(update->product, ==, "finesse");
	g_assert_cmpstr(update->version, ==, "12.5(1)");
	g_assert_cmpstr(update->update, ==, "su1");
}

static void
test_parse_uri(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(YmCpe) nec = NULL;
	g_autoptr(YmCpe) versioned = NULL;
	g_autoptr(YmCpe) packed = NULL;
	g_autoptr(YmCpe) encoded = NULL;

	/* JVN VULDEF for Aterm WX3600HP */
	nec = ym_cpe_parse("cpe:/o:nec:aterm_wx3600hp_firmware", &error);
	g_assert_no_error(error);
	g_assert_cmpstr(nec->part, ==, "o");
	g_assert_cmpstr(nec->vendor, ==, "nec");
	g_assert_cmpstr(nec->product, ==, "aterm_wx3600hp_firmware");
	g_assert_null(nec->version);
	g_assert_null(nec->edition);

	versioned = ym_cpe_parse("cpe:/a:apache:log4j:2.0:beta9", &error);
	g_assert_no_error(error);
	g_assert_cmpstr(versioned->version, ==, "2.0");
	g_assert_cmpstr(versioned->update, ==, "beta9");
	g_assert_null(versioned->language);

	/* the 2.3 extras packed in the edition (NISTIR 7695 §6.1.3.4) */
	packed = ym_cpe_parse("cpe:/a:hp:insight_diagnostics:7.4.0.1570:-:~~online~win2003~x64~",
	                      &error);
	g_assert_no_error(error);
	g_assert_cmpstr(packed->update, ==, "");
	g_assert_null(packed->edition);
	g_assert_cmpstr(packed->sw_edition, ==, "online");
	g_assert_cmpstr(packed->target_sw, ==, "win2003");
	g_assert_cmpstr(packed->target_hw, ==, "x64");
	g_assert_null(packed->other);

	/* percent-encoding */
	encoded = ym_cpe_parse("cpe:/o:iodata:ud-lt1%2fex_firmware:2.1.8", &error);
	g_assert_no_error(error);
	g_assert_cmpstr(encoded->product, ==, "ud-lt1/ex_firmware");
	g_assert_cmpstr(encoded->version, ==, "2.1.8");
}

static void
test_to_string(void)
{
	const struct {
		const gchar *in;
		const gchar *out;
	} cases[] = {
	    {"cpe:2.3:o:iodata:ud-lt1\\/ex_firmware:*:*:*:*:*:*:*:*",
	     "cpe:2.3:o:iodata:ud-lt1\\/ex_firmware:*:*:*:*:*:*:*:*"},
	    {"cpe:/o:nec:aterm_wx3600hp_firmware",
	     "cpe:2.3:o:nec:aterm_wx3600hp_firmware:*:*:*:*:*:*:*:*"},
	    {"cpe:/o:planex:mzk-dp300n", "cpe:2.3:o:planex:mzk-dp300n:*:*:*:*:*:*:*:*"},
	    {"cpe:/o:iodata:ud-lt1%2fex_firmware:2.1.8",
	     "cpe:2.3:o:iodata:ud-lt1\\/ex_firmware:2.1.8:*:*:*:*:*:*:*"},
	    {"cpe:/a:hp:insight_diagnostics:7.4.0.1570:-:~~online~win2003~x64~",
	     "cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*"},
	    {"cpe:2.3:a:siemens:logo\\!_soft_comfort:*:*:*:*:*:*:*:*",
	     "cpe:2.3:a:siemens:logo\\!_soft_comfort:*:*:*:*:*:*:*:*"},
	    {"cpe:2.3:a:cisco:unified_communications_manager_im_\\&_presence_service:11.5\\(1\\):*:"
	     "*:"
	     "*:*:*:*:*",
	     "cpe:2.3:a:cisco:unified_communications_manager_im_\\&_presence_service:11.5\\(1\\):*:"
	     "*:"
	     "*:*:*:*:*"},
	    /* fewer than 11 attributes: the rest is ANY */
	    {"cpe:2.3:h:dlink:dns-320l", "cpe:2.3:h:dlink:dns-320l:*:*:*:*:*:*:*:*"},
	    /* a literal hyphen stays escaped, not NA */
	    {"cpe:2.3:a:x:y:\\-:*:*:*:*:*:*:*", "cpe:2.3:a:x:y:\\-:*:*:*:*:*:*:*"},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(YmCpe) cpe = ym_cpe_parse(cases[i].in, &error);
		g_autoptr(YmCpe) again = NULL;
		g_autofree gchar *text = NULL;
		g_autofree gchar *text_again = NULL;
		g_assert_no_error(error);
		text = ym_cpe_to_string(cpe);
		g_assert_cmpstr(text, ==, cases[i].out);
		/* and it reads back the same */
		again = ym_cpe_parse(text, &error);
		g_assert_no_error(error);
		text_again = ym_cpe_to_string(again);
		g_assert_cmpstr(text_again, ==, text);
	}
}

static void
test_invalid(void)
{
	const gchar *cases[] = {
	    "",
	    "cpe:",
	    "cpe:2.3:",
	    "cpe:2.3:o:nec",
	    "cpe:2.3:x:nec:aterm",
	    "cpe:2.3:o:nec:aterm:*:*:*:*:*:*:*:*:extra",
	    "cpe:2.3:o:nec::*",
	    "cpe:2.3:o:nec:ate*rm:*",
	    "cpe:2.3:o:nec:aterm?:*",
	    "cpe:2.3:o:nec:aterm wx:*",
	    "cpe:2.3:o:nec:aterm\\",
	    "cpe:2.3:o:nec:aterm\\a",
	    "cpe:/o:nec:aterm%2",
	    "cpe:/o:nec:aterm%zz",
	    "cpe:/o:nec:aterm%02",
	    "cpe:/o:nec:aterm:1:2:3:4:5",
	    "cpe:/o:nec:aterm:1:2:~a~b",
	    "cpe:/x:nec:aterm",
	    "nec:aterm",
	    "cpe:2.3:o:nec:aterm\xff",
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(YmCpe) cpe = ym_cpe_parse(cases[i], &error);
		g_autofree gchar *shown = g_strescape(cases[i], NULL);
		g_test_message("CPE \"%s\"", shown);
		g_assert_null(cpe);
		g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	}
	/* the message names the attribute */
	{
		g_autoptr(GError) error = NULL;
		g_autoptr(YmCpe) cpe = ym_cpe_parse("cpe:2.3:o:nec:ate*rm:*", &error);
		g_assert_null(cpe);
		g_assert_nonnull(strstr(error->message, "product"));
	}
	{
		g_autoptr(GError) error = NULL;
		g_autofree gchar *long_cpe = g_strnfill(2000, 'a');
		g_autofree gchar *text = g_strdup_printf("cpe:2.3:o:nec:%s", long_cpe);
		g_autoptr(YmCpe) cpe = ym_cpe_parse(text, &error);
		g_assert_null(cpe);
		g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	}
}

static gboolean
match(const gchar *pattern, const gchar *target)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(YmCpe) p = ym_cpe_parse(pattern, &error);
	g_autoptr(YmCpe) t = NULL;
	g_assert_no_error(error);
	t = ym_cpe_parse(target, &error);
	g_assert_no_error(error);
	return ym_cpe_name_match(p, t);
}

static void
test_name_match(void)
{
	/* the version is the caller's */
	g_assert_true(match("cpe:2.3:o:tp-link:archer_ax21_firmware:*:*:*:*:*:*:*:*",
	                    "cpe:2.3:o:tp-link:archer_ax21_firmware:1.1.3:*:*:*:*:*:*:*"));
	g_assert_true(match("cpe:2.3:o:dlink:dns-320l_firmware:-:*:*:*:*:*:*:*",
	                    "cpe:2.3:o:dlink:dns-320l_firmware:1.11:*:*:*:*:*:*:*"));
	/* a 2.2 URI from JVN against a 2.3 string */
	g_assert_true(match("cpe:/o:nec:aterm_wx3600hp_firmware",
	                    "cpe:2.3:o:nec:aterm_wx3600hp_firmware:1.5.2:*:*:*:*:*:*:*"));
	/* case does not matter */
	g_assert_true(
	    match("cpe:2.3:o:NEC:Aterm_WX3600HP_firmware", "cpe:/o:nec:aterm_wx3600hp_firmware"));
	/* other product, other vendor */
	g_assert_false(match("cpe:2.3:o:dlink:dns-320l_firmware:-:*:*:*:*:*:*:*",
	                     "cpe:2.3:o:dlink:dns-320_firmware:-:*:*:*:*:*:*:*"));
	g_assert_false(match("cpe:2.3:o:tp-link:archer_ax21_firmware",
	                     "cpe:2.3:o:tplink:archer_ax21_firmware"));
	/* the ADP's "a" for firmware matches "o"; hardware stays hardware */
	g_assert_true(match("cpe:2.3:a:dlink:dns-320l_firmware:20240403:*:*:*:*:*:*:*",
	                    "cpe:2.3:o:dlink:dns-320l_firmware:*:*:*:*:*:*:*:*"));
	g_assert_false(match("cpe:2.3:h:dlink:dns-320l:-:*:*:*:*:*:*:*",
	                     "cpe:2.3:o:dlink:dns-320l:*:*:*:*:*:*:*:*"));
	/* NA against a value does not match; a target ANY is not a mismatch */
	g_assert_false(match("cpe:2.3:a:apache:log4j:2.0:-:*:*:*:*:*:*",
	                     "cpe:2.3:a:apache:log4j:2.0:beta9:*:*:*:*:*:*"));
	g_assert_true(match("cpe:2.3:a:apache:log4j:2.0:beta9:*:*:*:*:*:*",
	                    "cpe:2.3:a:apache:log4j:2.0:*:*:*:*:*:*:*"));
	g_assert_false(match("cpe:2.3:a:apache:log4j:2.0:beta9:*:*:*:*:*:*",
	                     "cpe:2.3:a:apache:log4j:2.0:rc1:*:*:*:*:*:*"));
	g_assert_false(match("cpe:2.3:a:ifeelweb:affiliate_super_assistent:*:*:*:*:*:wordpress:*:*",
	                     "cpe:2.3:a:ifeelweb:affiliate_super_assistent:*:*:*:*:*:joomla:*:*"));
	/* a pattern ANY takes in everything */
	g_assert_true(match("cpe:2.3:*:nec:*:*:*:*:*:*:*:*:*",
	                    "cpe:2.3:h:nec:aterm_wx3600hp:-:*:*:*:*:*:*:*"));
}

static void
test_new_copy(void)
{
	g_autoptr(YmCpe) cpe = ym_cpe_new();
	g_autoptr(YmCpe) copy = NULL;
	g_autofree gchar *text = NULL;
	g_autofree gchar *copy_text = NULL;

	text = ym_cpe_to_string(cpe);
	g_assert_cmpstr(text, ==, "cpe:2.3:*:*:*:*:*:*:*:*:*:*:*");
	cpe->part = g_strdup("h");
	cpe->vendor = g_strdup("iodata");
	cpe->product = g_strdup("ud-lt1/ex");
	cpe->version = g_strdup("");
	copy = ym_cpe_copy(cpe);
	copy_text = ym_cpe_to_string(copy);
	g_assert_cmpstr(copy_text, ==, "cpe:2.3:h:iodata:ud-lt1\\/ex:-:*:*:*:*:*:*:*");
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/cpe/parse-formatted-string", test_parse_formatted_string);
	g_test_add_func("/ym/cpe/parse-uri", test_parse_uri);
	g_test_add_func("/ym/cpe/to-string", test_to_string);
	g_test_add_func("/ym/cpe/invalid", test_invalid);
	g_test_add_func("/ym/cpe/name-match", test_name_match);
	g_test_add_func("/ym/cpe/new-copy", test_new_copy);
	return g_test_run();
}
