/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * matching devices against the real records of the shared advisory
 * samples, imported as a resident would import them, on both sides of every
 * boundary. Every expected value comes from the records:
 *
 * - TP-Link Archer AX21, CVE-2023-1389: NVD says AND(archer_ax21_firmware
 *   versionEndExcluding 1.1.4, hardware archer_ax21), cisaExploitAdd set, no
 *   reference tagged Vendor Advisory or Patch; the CNA (vendor "n/a") says
 *   "All versions prior to version 1.14 Build 20230219" (a typo for 1.1.4);
 *   KEV: "Apply updates per vendor instructions.", notes first naming
 *   https://www.tp-link.com/us/support/download/archer-ax21/v3/#Firmware
 * - D-Link, CVE-2024-3273: NVD has 20 AND configurations of firmware "-"
 *   (every version) with a hardware model, DNS-320L, DNS-325 and DNR-202L
 *   among them (DNS-313 is not), cveTags unsupported-when-assigned, the
 *   reference SAP10383 tagged Vendor Advisory, cisaExploitAdd set; the CNA
 *   lists 4 models with the date "20240403"; KEV says end-of-life
 * - I-O DATA, CVE-2024-47133: NVD "Awaiting Analysis" without
 *   configurations; the CNA writes "firmware Ver.2.1.8 and earlier" for
 *   UD-LT1 and UD-LT1/EX, CISA's ADP lessThanOrEqual 2.1.8 for
 *   ud-lt1_firmware and ud-lt1\/ex_firmware; no tagged references.
 *   CVE-2025-32002: "Ver.1.21 and earlier" for eight HDL-T models, NVD
 *   "Received" without configurations; neither is in KEV
 * - Hikvision, ICSA-17-124-01: "DS-2CD2xx2FWD Series" with ">=  5.3.1 build
 *   150410 | <= 5.4.4  Build 161125" for CVE-2017-7921 and CVE-2017-7923
 *   (neither in KEV); the family's fix ("V5.4.5 Build 170124 and later")
 *   sits in a remediation of category mitigation, so no fixed version; the
 *   only vendor_fix remediation links http://www.hikvision.com/us/about_10805.html
 * - QNAP, ICSA-23-355-02: "VioStor NVR QVR firmware" "<4.x", "QVR Firmware
 *   5.x and 4.x are both end of life", first remediation URL
 *   https://www.qnap.com/en/download?; CVE-2023-47565 is in KEV
 * - NEC, JVNDB-2025-000002 (dataFeed_jvndb_detail_hnd.xml): vendor 日本電気,
 *   "Aterm WX3600HP ファームウェア" "Ver.1.5.3より前のバージョン
 *   （CVE-2025-0356）", "Aterm WG2600HS ファームウェア" "Ver.1.7.2より前の
 *   バージョン（CVE-2025-0354、CVE-2025-0355）", solution "アップデートする",
 *   the vendor's statement at https://jvn.jp/jp/JVN65447879/6443/index.html
 */

#include "config.h"

#include <string.h>

#include "ym-advisory-db.h"
#include "ym-advisory-import.h"
#include "ym-advisory-matcher.h"
#include "ym-error.h"
#include "ym-test-common.h"

#define AX21_URL  "https://www.tp-link.com/us/support/download/archer-ax21/v3/#Firmware"
#define DLINK_URL "https://supportannouncement.us.dlink.com/security/publication.aspx?name=SAP10383"
#define HIK_URL   "http://www.hikvision.com/us/about_10805.html"
#define QNAP_URL  "https://www.qnap.com/en/download?"
#define NEC_URL   "https://jvn.jp/jp/JVN65447879/6443/index.html"

/* the whole sample folder, imported once for all tests */
static YmStore *real_store = NULL;

static YmStore *
store_with(const gchar *const *relative_paths)
{
	g_autoptr(YmStore) store = ym_store_new(NULL);
	g_autoptr(GError) error = NULL;

	g_assert_true(ym_store_ensure_schema(store, &error));
	g_assert_no_error(error);
	for (guint i = 0; relative_paths[i] != NULL; i++) {
		g_autofree gchar *path = ym_test_shared_advisory(relative_paths[i]);
		YmAdvisoryImportStats stats = {0};
		if (path == NULL)
			return NULL;
		g_assert_true(ym_advisory_import_path(store, path, &stats, NULL, NULL, &error));
		g_assert_no_error(error);
		g_assert_cmpuint(stats.failed, ==, 0);
	}
	return g_steal_pointer(&store);
}

static YmStore *
ensure_real_store(void)
{
	const gchar *all[] = {"", NULL};
	if (real_store == NULL)
		real_store = store_with(all);
	return real_store;
}

static YmAdvisoryMatcher *
matcher_for(YmStore *store)
{
	g_autoptr(YmVendorAliases) aliases = ym_vendor_aliases_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path =
	    g_build_filename(g_getenv("YM_SIGNATURES_DIR"), "advisories", "aliases.txt", NULL);
	YmAdvisoryMatcher *matcher;

	g_assert_true(ym_vendor_aliases_load_file(aliases, path, &error));
	g_assert_no_error(error);
	matcher = ym_advisory_matcher_new(aliases);
	g_assert_true(ym_advisory_matcher_load(matcher, store, &error));
	g_assert_no_error(error);
	return matcher;
}

typedef struct {
	const gchar *firmware;
	YmMatchStatus status;
} Side;

typedef struct {
	const gchar *cve;
	gboolean kev;
	gboolean end_of_support;
	const gchar *fixed_version;
	const gchar *source;
	const gchar *advisory_id;
	const gchar *remediation_url;
} Expected;

static const YmAdvisoryMatch *
find_cve(GPtrArray *matches, const gchar *cve)
{
	for (guint i = 0; i < matches->len; i++) {
		const YmAdvisoryMatch *m = g_ptr_array_index(matches, i);
		if (g_strcmp0(m->cve, cve) == 0)
			return m;
	}
	return NULL;
}

/* @vendor @model at each firmware of @sides: @n_matches CVEs, and each of
 * @expected with the side's status and its own facts */
static void
check(YmAdvisoryMatcher *matcher,
      const gchar *vendor,
      const gchar *model,
      const Side *sides,
      guint n_sides,
      const Expected *expected,
      guint n_expected)
{
	for (guint i = 0; i < n_sides; i++) {
		YmDeviceIdentity identity = {
		    .vendor = vendor,
		    .model = model,
		    .firmware = sides[i].firmware,
		};
		g_autoptr(GPtrArray) matches = ym_advisory_matcher_match(matcher, &identity);

		g_test_message("%s %s at %s", vendor, model,
		               sides[i].firmware != NULL ? sides[i].firmware : "(unknown)");
		g_assert_cmpuint(matches->len, ==, n_expected);
		for (guint j = 0; j < n_expected; j++) {
			const Expected *e = &expected[j];
			const YmAdvisoryMatch *m = find_cve(matches, e->cve);
			g_assert_nonnull(m);
			g_assert_cmpstr(ym_match_status_to_string(m->status), ==,
			                ym_match_status_to_string(sides[i].status));
			g_assert_cmpint(m->kev, ==, e->kev);
			g_assert_cmpint(m->end_of_support, ==, e->end_of_support);
			g_assert_cmpstr(m->fixed_version, ==, e->fixed_version);
			g_assert_cmpstr(m->source, ==, e->source);
			g_assert_cmpstr(m->advisory_id, ==, e->advisory_id);
			g_assert_cmpstr(m->remediation_url, ==, e->remediation_url);
		}
	}
}

static void
test_tplink_ax21(void)
{
	YmStore *store = ensure_real_store();
	g_autoptr(YmAdvisoryMatcher) matcher = NULL;
	const Side sides[] = {
	    {"1.1.3 Build 20221209", YM_MATCH_AFFECTED},
	    /* the fixed release: NVD's "before 1.1.4" beats the CNA's "1.14" */
	    {"1.1.4 Build 20230219", YM_MATCH_FIXED},
	    {NULL, YM_MATCH_MAYBE},
	};
	const Expected expected[] = {
	    {"CVE-2023-1389", TRUE, FALSE, "1.1.4", "nvd", "CVE-2023-1389", AX21_URL},
	};
	YmDeviceIdentity identity = {.vendor = "TP-Link",
	                             .model = "Archer AX21",
	                             .firmware = "1.1.3 Build 20221209"};
	g_autoptr(GPtrArray) matches = NULL;

	if (store == NULL)
		return;
	matcher = matcher_for(store);
	check(matcher, "TP-Link", "Archer AX21", sides, G_N_ELEMENTS(sides), expected,
	      G_N_ELEMENTS(expected));
	/* the OUI registry's name for the maker does as well */
	check(matcher, "TP-LINK TECHNOLOGIES CO.,LTD.", "Archer AX21", sides, 1, expected,
	      G_N_ELEMENTS(expected));
	matches = ym_advisory_matcher_match(matcher, &identity);
	g_assert_cmpint(((YmAdvisoryMatch *) g_ptr_array_index(matches, 0))->remediation, ==,
	                YM_REMEDIATION_VENDOR_FIX);
	g_assert_cmpfloat(((YmAdvisoryMatch *) g_ptr_array_index(matches, 0))->confidence, ==, 1.0);
}

/* the CNA's record alone: its vendor is "n/a", its product names TP-Link;
 * "1.14" makes the fixed release look affected, so the words only ever
 * say "may be affected" */
static void
test_tplink_ax21_cna_only(void)
{
	const gchar *files[] = {"cve5/CVE-2023-1389.json", NULL};
	g_autoptr(YmStore) store = store_with(files);
	g_autoptr(YmAdvisoryMatcher) matcher = NULL;
	const Side sides[] = {
	    {"1.1.3 Build 20221209", YM_MATCH_MAYBE},
	    {"1.1.4 Build 20230219", YM_MATCH_MAYBE},
	    {"1.14 Build 20230219", YM_MATCH_FIXED},
	};
	const Expected expected[] = {
	    {"CVE-2023-1389", FALSE, FALSE, "1.14 Build 20230219", "cve5", "CVE-2023-1389", NULL},
	};

	if (store == NULL)
		return;
	matcher = matcher_for(store);
	check(matcher, "TP-Link", "Archer AX21", sides, G_N_ELEMENTS(sides), expected,
	      G_N_ELEMENTS(expected));
}

static void
test_dlink_nas(void)
{
	YmStore *store = ensure_real_store();
	g_autoptr(YmAdvisoryMatcher) matcher = NULL;
	/* every version, whatever the resident reads on the label */
	const Side sides[] = {
	    {"1.11", YM_MATCH_AFFECTED},
	    {"2.0", YM_MATCH_AFFECTED},
	    {NULL, YM_MATCH_AFFECTED},
	};
	const Expected expected[] = {
	    {"CVE-2024-3273", TRUE, TRUE, NULL, "nvd", "CVE-2024-3273", DLINK_URL},
	};
	const gchar *models[] = {"DNS-320L", "DNS-325", "DNR-202L", "DNS-340L"};
	const YmDeviceIdentity other = {.vendor = "D-Link", .model = "DNS-313", .firmware = "1.0"};
	g_autoptr(GPtrArray) none = NULL;

	if (store == NULL)
		return;
	matcher = matcher_for(store);
	for (guint i = 0; i < G_N_ELEMENTS(models); i++)
		check(matcher, "D-Link", models[i], sides, G_N_ELEMENTS(sides), expected,
		      G_N_ELEMENTS(expected));
	/* a D-Link NAS none of the records names */
	none = ym_advisory_matcher_match(matcher, &other);
	g_assert_cmpuint(none->len, ==, 0);
}

/* NVD and CVE 5 say the same with equal confidence for DNS-320L: the
 * verdict must not depend on which was imported first */
static void
test_dlink_import_order(void)
{
	const gchar *nvd_first[] = {"nvd/CVE-2024-3273.json", "cve5/CVE-2024-3273.json", NULL};
	const gchar *cve5_first[] = {"cve5/CVE-2024-3273.json", "nvd/CVE-2024-3273.json", NULL};
	const gchar *const *orders[] = {nvd_first, cve5_first};

	for (guint i = 0; i < G_N_ELEMENTS(orders); i++) {
		g_autoptr(YmStore) store = store_with(orders[i]);
		g_autoptr(YmAdvisoryMatcher) matcher = NULL;
		g_autoptr(GPtrArray) matches = NULL;
		YmDeviceIdentity identity = {.vendor = "D-Link", .model = "DNS-320L"};
		const YmAdvisoryMatch *m;
		if (store == NULL)
			return;
		matcher = matcher_for(store);
		matches = ym_advisory_matcher_match(matcher, &identity);
		g_assert_cmpuint(matches->len, ==, 1);
		m = g_ptr_array_index(matches, 0);
		g_assert_cmpstr(m->source, ==, "nvd");
		g_assert_cmpint(m->status, ==, YM_MATCH_AFFECTED);
		g_assert_true(m->end_of_support);
		g_assert_true(m->kev);
	}
}

static void
test_iodata(void)
{
	YmStore *store = ensure_real_store();
	g_autoptr(YmAdvisoryMatcher) matcher = NULL;
	const Side ud_sides[] = {
	    {"2.1.8", YM_MATCH_AFFECTED},  {"Ver.2.1.8", YM_MATCH_AFFECTED},
	    {"2.1.7", YM_MATCH_AFFECTED},  {"2.1.9", YM_MATCH_FIXED},
	    {"Ver.2.2.0", YM_MATCH_FIXED}, {NULL, YM_MATCH_MAYBE},
	};
	const Expected ud[] = {
	    {"CVE-2024-47133", FALSE, FALSE, NULL, "cve5", "CVE-2024-47133", NULL},
	};
	const Side hdl_sides[] = {
	    {"Ver.1.21", YM_MATCH_AFFECTED},
	    {"1.21", YM_MATCH_AFFECTED},
	    {"1.22", YM_MATCH_FIXED},
	};
	const Expected hdl[] = {
	    {"CVE-2025-32002", FALSE, FALSE, NULL, "cve5", "CVE-2025-32002", NULL},
	};

	if (store == NULL)
		return;
	matcher = matcher_for(store);
	check(matcher, "I-O DATA", "UD-LT1", ud_sides, G_N_ELEMENTS(ud_sides), ud,
	      G_N_ELEMENTS(ud));
	check(matcher, "I-O DATA DEVICE, INC.", "UD-LT1/EX", ud_sides, G_N_ELEMENTS(ud_sides), ud,
	      G_N_ELEMENTS(ud));
	check(matcher, "アイ・オー・データ機器", "HDL-T1WH", hdl_sides, G_N_ELEMENTS(hdl_sides),
	      hdl, G_N_ELEMENTS(hdl));
}

static void
test_hikvision_series(void)
{
	YmStore *store = ensure_real_store();
	g_autoptr(YmAdvisoryMatcher) matcher = NULL;
	const Side sides[] = {
	    /* the lower bound is inclusive, its build too */
	    {"5.3.1 build 150410", YM_MATCH_AFFECTED},
	    {"V5.3.1 build 150409", YM_MATCH_NOT_AFFECTED},
	    {"5.3.0", YM_MATCH_NOT_AFFECTED},
	    {"5.4.0", YM_MATCH_AFFECTED},
	    /* so is the upper one */
	    {"5.4.4 Build 161125", YM_MATCH_AFFECTED},
	    {"5.4.5", YM_MATCH_FIXED},
	    {"V5.4.5 build 170124", YM_MATCH_FIXED},
	};
	const Expected expected[] = {
	    {"CVE-2017-7921", FALSE, FALSE, NULL, "csaf", "ICSA-17-124-01", HIK_URL},
	    {"CVE-2017-7923", FALSE, FALSE, NULL, "csaf", "ICSA-17-124-01", HIK_URL},
	};
	/* F-I without WD is another family with its own range and fix */
	const Side fi_sides[] = {
	    {"5.4.0 build 160530", YM_MATCH_AFFECTED},
	    {"5.4.1", YM_MATCH_FIXED},
	};
	const Expected fi[] = {
	    {"CVE-2017-7921", FALSE, FALSE, "V5.4.5 build 170123", "csaf", "ICSA-17-124-01",
	     HIK_URL},
	    {"CVE-2017-7923", FALSE, FALSE, "V5.4.5 build 170123", "csaf", "ICSA-17-124-01",
	     HIK_URL},
	};
	YmDeviceIdentity other = {
	    .vendor = "Hikvision",
	    .model = "DS-2CD3432FWD",
	    .firmware = "5.4.0",
	};
	g_autoptr(GPtrArray) none = NULL;

	if (store == NULL)
		return;
	matcher = matcher_for(store);
	/* two cameras of the "DS-2CD2xx2FWD Series" family */
	check(matcher, "Hikvision", "DS-2CD2432FWD-IW", sides, G_N_ELEMENTS(sides), expected,
	      G_N_ELEMENTS(expected));
	check(matcher, "Hangzhou Hikvision Digital Technology Co.,Ltd.", "DS-2CD2142FWD-I", sides,
	      G_N_ELEMENTS(sides), expected, G_N_ELEMENTS(expected));
	check(matcher, "Hikvision", "DS-2CD2432F-IW", fi_sides, G_N_ELEMENTS(fi_sides), fi,
	      G_N_ELEMENTS(fi));
	/* a 3-series camera is in none of the families */
	none = ym_advisory_matcher_match(matcher, &other);
	g_assert_cmpuint(none->len, ==, 0);
}

static void
test_qnap_viostor(void)
{
	YmStore *store = ensure_real_store();
	g_autoptr(YmAdvisoryMatcher) matcher = NULL;
	/* "<4.x" is "before any 4": what the record says, although QNAP's own
	 * advisory counts 4.x as affected and end of life too */
	const Side sides[] = {
	    {"3.9", YM_MATCH_AFFECTED},
	    {"QVR 3.9.1 Build 20170101", YM_MATCH_AFFECTED},
	    {"4.0", YM_MATCH_FIXED},
	    {"4.1.3", YM_MATCH_FIXED},
	};
	/* "<4.x" names no release to install: no fixed version */
	const Expected expected[] = {
	    {"CVE-2023-47565", TRUE, TRUE, NULL, "csaf", "ICSA-23-355-02", QNAP_URL},
	};
	const Side unknown[] = {{NULL, YM_MATCH_MAYBE}};

	if (store == NULL)
		return;
	matcher = matcher_for(store);
	/* what the NVR's web page and KEV call it */
	check(matcher, "QNAP", "VioStor NVR", sides, G_N_ELEMENTS(sides), expected,
	      G_N_ELEMENTS(expected));
	check(matcher, "QNAP Systems, Inc.", "VioStor NVR", unknown, G_N_ELEMENTS(unknown),
	      expected, G_N_ELEMENTS(expected));
}

static void
test_nec_aterm(void)
{
	YmStore *store = ensure_real_store();
	g_autoptr(YmAdvisoryMatcher) matcher = NULL;
	const Side wx_sides[] = {
	    {"1.5.2", YM_MATCH_AFFECTED},
	    {"Ver.1.5.3", YM_MATCH_FIXED},
	    {"1.5.3", YM_MATCH_FIXED},
	};
	const Expected wx[] = {
	    {"CVE-2025-0356", FALSE, FALSE, "Ver.1.5.3", "jvn", "JVNDB-2025-000002", NEC_URL},
	};
	const Side wg_sides[] = {
	    {"1.7.1", YM_MATCH_AFFECTED},
	    {"1.7.2", YM_MATCH_FIXED},
	};
	const Expected wg[] = {
	    {"CVE-2025-0354", FALSE, FALSE, "Ver.1.7.2", "jvn", "JVNDB-2025-000002", NEC_URL},
	    {"CVE-2025-0355", FALSE, FALSE, "Ver.1.7.2", "jvn", "JVNDB-2025-000002", NEC_URL},
	};

	if (store == NULL)
		return;
	matcher = matcher_for(store);
	check(matcher, "NEC", "Aterm WX3600HP", wx_sides, G_N_ELEMENTS(wx_sides), wx,
	      G_N_ELEMENTS(wx));
	check(matcher, "NEC Platforms, Ltd.", "Aterm WG2600HS", wg_sides, G_N_ELEMENTS(wg_sides),
	      wg, G_N_ELEMENTS(wg));
}

int
main(int argc, char **argv)
{
	gint rc;

	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/advisory-match-real/tplink-ax21", test_tplink_ax21);
	g_test_add_func("/ym/advisory-match-real/tplink-ax21-cna-only", test_tplink_ax21_cna_only);
	g_test_add_func("/ym/advisory-match-real/dlink-nas", test_dlink_nas);
	g_test_add_func("/ym/advisory-match-real/dlink-import-order", test_dlink_import_order);
	g_test_add_func("/ym/advisory-match-real/iodata", test_iodata);
	g_test_add_func("/ym/advisory-match-real/hikvision-series", test_hikvision_series);
	g_test_add_func("/ym/advisory-match-real/qnap-viostor", test_qnap_viostor);
	g_test_add_func("/ym/advisory-match-real/nec-aterm", test_nec_aterm);
	rc = g_test_run();
	g_clear_object(&real_store);
	return rc;
}
