/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * CSAF documents into the normalised record. Expected values for the shared
 * documents were read from the files with python3 (json.load, walking
 * product_tree and product_status by hand), not from this parser.
 */

#include "config.h"

#include <string.h>

#include "ym-advisory-csaf-private.h"
#include "ym-advisory-csaf.h"
#include "ym-advisory-json-test-common.h"
#include "ym-error.h"

/* a file of the shared CSAF samples, or NULL (test skipped) outside CI */
static gchar *
csaf_test_path(const gchar *relative)
{
	g_autofree gchar *name = g_build_filename("csaf", relative, NULL);
	return ym_test_shared_advisory(name);
}

/* the parser frees its advisory when the sink returns: keep copies */
static gboolean
collect_sink(YmAdvisory *advisory, gpointer user_data, GError **error)
{
	g_ptr_array_add(user_data, ym_test_advisory_copy(advisory));
	return TRUE;
}

static GPtrArray *
parse_data(const gchar *data, gsize length, GError **error)
{
	g_autoptr(GPtrArray) advisories =
	    g_ptr_array_new_with_free_func((GDestroyNotify) ym_advisory_free);
	if (!ym_advisory_parse_csaf(data, length, collect_sink, advisories, error))
		return NULL;
	return g_steal_pointer(&advisories);
}

/* the one advisory of a shared document, or NULL when skipped */
static YmAdvisory *
parse_shared(const gchar *relative)
{
	g_autofree gchar *path = csaf_test_path(relative);
	g_autofree gchar *data = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) advisories = NULL;
	gsize length = 0;

	if (path == NULL)
		return NULL;
	g_file_get_contents(path, &data, &length, &error);
	g_assert_no_error(error);
	advisories = parse_data(data, length, &error);
	g_assert_no_error(error);
	g_assert_nonnull(advisories);
	g_assert_cmpuint(advisories->len, ==, 1);
	return g_ptr_array_steal_index(advisories, 0);
}

static YmAdvisoryProduct *
product_at(YmAdvisory *advisory, guint index)
{
	g_assert_cmpuint(index, <, advisory->products->len);
	return g_ptr_array_index(advisory->products, index);
}

static guint
count_status(YmAdvisory *advisory, YmProductStatus status)
{
	guint count = 0;
	for (guint i = 0; i < advisory->products->len; i++) {
		YmAdvisoryProduct *product = g_ptr_array_index(advisory->products, i);
		if (product->status == status)
			count++;
	}
	return count;
}

static void
test_hikvision(void)
{
	g_autoptr(YmAdvisory) advisory = parse_shared("cisa-iot-picks/icsa-17-124-01.json");
	YmAdvisoryProduct *product;

	if (advisory == NULL)
		return;
	g_assert_cmpint(advisory->source, ==, YM_ADVISORY_SOURCE_CSAF);
	g_assert_cmpstr(advisory->id, ==, "ICSA-17-124-01");
	g_assert_cmpstr(advisory->title_en, ==, "Hikvision Cameras");
	g_assert_null(advisory->title_ja);
	g_assert_cmpstr(advisory->summary_en, ==,
	                "ATTENTION: Remotely exploitable/low skill level to exploit.");
	g_assert_cmpint(advisory->published, ==, 1493856000);
	g_assert_cmpint(advisory->modified, ==, 1493856000);
	g_assert_cmpuint(advisory->cves->len, ==, 2);
	g_assert_cmpstr(g_ptr_array_index(advisory->cves, 0), ==, "CVE-2017-7921");
	g_assert_cmpstr(g_ptr_array_index(advisory->cves, 1), ==, "CVE-2017-7923");
	g_assert_cmpfloat_with_epsilon(advisory->cvss, 10.0, 0.001);
	g_assert_cmpstr(advisory->cvss_vector, ==, "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_VENDOR_FIX);
	g_assert_cmpstr(advisory->remediation_url, ==,
	                "http://www.hikvision.com/us/about_10805.html");
	g_assert_false(advisory->end_of_life);
	/* 2 CVEs x 7 product IDs, all known_affected */
	g_assert_cmpuint(advisory->products->len, ==, 14);
	g_assert_cmpuint(count_status(advisory, YM_PRODUCT_STATUS_AFFECTED), ==, 14);

	product = product_at(advisory, 0);
	g_assert_cmpstr(product->cve, ==, "CVE-2017-7921");
	g_assert_cmpstr(product->vendor, ==, "Hikvision");
	g_assert_cmpstr(product->product, ==, "DS-2CD2xx2FWD Series");
	g_assert_cmpstr(product->version_text, ==,
	                ">=  5.3.1 build 150410 | <= 5.4.4  Build 161125");
	g_assert_null(product->version_start);
	g_assert_null(product->version_end);
	g_assert_null(product->version_exact);
	g_assert_false(product->all_versions);
	g_assert_null(product->cpe);
	/* the vendor_fix text names only this series' version */
	g_assert_null(product->fixed_version);
	/* the stray space of the published name is kept */
	product = product_at(advisory, 1);
	g_assert_cmpstr(product->product, ==, "DS- 2CD4x2xFWD Series");
	g_assert_cmpstr(product->version_text, ==,
	                ">=  5.2.0 build 140721 | <= 5.4.0  Build 160414");
	product = product_at(advisory, 6);
	g_assert_cmpstr(product->product, ==, "DS-2CD2xx2F-I Series");
	g_assert_cmpstr(product->version_text, ==,
	                ">= 5.2.0 build 140721 | <= 5.4.0  build 160530");
	g_assert_cmpstr(product->fixed_version, ==, "V5.4.5 build 170123");
	product = product_at(advisory, 13);
	g_assert_cmpstr(product->cve, ==, "CVE-2017-7923");
	g_assert_cmpstr(product->product, ==, "DS-2CD2xx2F-I Series");
}

static void
test_qnap_end_of_life(void)
{
	g_autoptr(YmAdvisory) advisory = parse_shared("cisa-iot-picks/icsa-23-355-02.json");
	YmAdvisoryProduct *product;

	if (advisory == NULL)
		return;
	g_assert_cmpstr(advisory->id, ==, "ICSA-23-355-02");
	g_assert_cmpstr(advisory->title_en, ==, "QNAP VioStor NVR");
	/* four mitigations, one of which says "4.x and 5.x are both end of life" */
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_MITIGATION);
	g_assert_true(advisory->end_of_life);
	g_assert_cmpstr(advisory->remediation_url, ==, "https://www.qnap.com/en/download?");
	g_assert_cmpfloat_with_epsilon(advisory->cvss, 8.0, 0.001);
	g_assert_cmpint(advisory->published, ==, 1703142000);
	g_assert_cmpuint(advisory->products->len, ==, 1);
	product = product_at(advisory, 0);
	g_assert_cmpint(product->status, ==, YM_PRODUCT_STATUS_AFFECTED);
	g_assert_cmpstr(product->cve, ==, "CVE-2023-47565");
	g_assert_cmpstr(product->vendor, ==, "QNAP");
	g_assert_cmpstr(product->product, ==, "VioStor NVR QVR firmware");
	g_assert_cmpstr(product->version_text, ==, "<4.x");
	g_assert_null(product->version_end);
	g_assert_null(product->fixed_version);
}

static void
test_panasonic_leading_space(void)
{
	g_autoptr(YmAdvisory) advisory = parse_shared("cisa-iot-picks/icsa-23-012-04.json");
	YmAdvisoryProduct *product;

	if (advisory == NULL)
		return;
	g_assert_cmpstr(advisory->id, ==, "ICSA-23-012-04");
	g_assert_cmpuint(advisory->products->len, ==, 6);
	product = product_at(advisory, 0);
	g_assert_cmpstr(product->vendor, ==, "Panasonic");
	g_assert_cmpstr(product->product, ==, "CC-HD5600P");
	g_assert_cmpstr(product->version_exact, ==, " 2.03-06");
	g_assert_null(product->version_text);
	product = product_at(advisory, 2);
	g_assert_cmpstr(product->product, ==, "DC-HD3300P");
	g_assert_cmpstr(product->version_exact, ==, "1.02-05");
	/* its only remediation: "no longer in production ... support ... will
	 * longer be available" */
	g_assert_true(advisory->end_of_life);
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_NO_FIX_PLANNED);
	g_assert_cmpstr(advisory->remediation_url, ==,
	                "https://archives.connect.panasonic.com/security/sanyo/index.html");
}

static void
test_nexx_no_response(void)
{
	g_autoptr(YmAdvisory) advisory = parse_shared("cisa-iot-picks/icsa-23-094-01.json");
	YmAdvisoryProduct *product;

	if (advisory == NULL)
		return;
	/* every remediation is a vendor_fix saying Nexx has not responded */
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_NONE_AVAILABLE);
	g_assert_false(advisory->end_of_life);
	g_assert_cmpstr(advisory->remediation_url, ==, "https://getnexx.com/pages/contact-us");
	g_assert_cmpuint(advisory->cves->len, ==, 5);
	g_assert_cmpuint(advisory->products->len, ==, 15);
	g_assert_cmpfloat_with_epsilon(advisory->cvss, 9.3, 0.001);
	product = product_at(advisory, 1);
	g_assert_cmpstr(product->product, ==, "Nexx Smart Plug (NXPG-100W)");
	g_assert_cmpstr(product->version_text, ==, "<= nxpg100cv4-0-0");
	product = product_at(advisory, 2);
	g_assert_cmpstr(product->version_text, ==, "<= nxal100v-p1-9-1and");
	g_assert_null(product->fixed_version);
}

static YmAdvisoryProduct *
find_product(YmAdvisory *advisory, YmProductStatus status, const gchar *name, const gchar *version)
{
	for (guint i = 0; i < advisory->products->len; i++) {
		YmAdvisoryProduct *product = g_ptr_array_index(advisory->products, i);
		if (product->status == status && g_strcmp0(product->product, name) == 0 &&
		    g_strcmp0(product->version_exact, version) == 0)
			return product;
	}
	return NULL;
}

static void
test_mobotix_relationships(void)
{
	g_autoptr(YmAdvisory) advisory = parse_shared("cisa-csaf-2024/icsa-24-235-03.json");
	YmAdvisoryProduct *product;

	if (advisory == NULL)
		return;
	g_assert_cmpstr(advisory->id, ==, "ICSA-24-235-03");
	/* every status names installed_on relationships: 644 + 439 + 200;
	 * the 33 "recommended" are skipped */
	g_assert_cmpuint(advisory->products->len, ==, 1283);
	g_assert_cmpuint(count_status(advisory, YM_PRODUCT_STATUS_AFFECTED), ==, 644);
	g_assert_cmpuint(count_status(advisory, YM_PRODUCT_STATUS_FIXED), ==, 439);
	g_assert_cmpuint(count_status(advisory, YM_PRODUCT_STATUS_NOT_AFFECTED), ==, 200);
	/* "Mobotix P3 Firmware MX-V4.1.4.11 installed on Mobotix P3 D24M" */
	product = find_product(advisory, YM_PRODUCT_STATUS_AFFECTED, "D24M", "MX-V4.1.4.11");
	g_assert_nonnull(product);
	g_assert_cmpstr(product->vendor, ==, "Mobotix");
	g_assert_cmpstr(product->cve, ==, "CVE-2023-34873");
	g_assert_null(product->hw_rev);
	/* several fixed firmware versions; the vendor_fix text names the first */
	g_assert_cmpstr(product->fixed_version, ==, "MX-V4.7.2.18");
	product = find_product(advisory, YM_PRODUCT_STATUS_FIXED, "D24M", "MX-V4.7.2.18");
	g_assert_nonnull(product);
	product = find_product(advisory, YM_PRODUCT_STATUS_NOT_AFFECTED, "D24M", "MX-V4.0.1.15");
	g_assert_nonnull(product);
	product = find_product(advisory, YM_PRODUCT_STATUS_AFFECTED, "D16", "MX-V5.0.1.53");
	g_assert_nonnull(product);
	g_assert_cmpstr(product->fixed_version, ==, "MX-V5.2.0.61");
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_VENDOR_FIX);
	g_assert_cmpstr(advisory->remediation_url, ==,
	                "https://www.mobotix.com/en/software-downloads");
}

/* every 2024 CISA document; totals from python over the same files */
static void
test_cisa_2024_folder(void)
{
	g_autofree gchar *dir_path = csaf_test_path("cisa-csaf-2024");
	g_autoptr(GDir) dir = NULL;
	g_autoptr(GPtrArray) advisories =
	    g_ptr_array_new_with_free_func((GDestroyNotify) ym_advisory_free);
	g_autoptr(GError) error = NULL;
	guint counts[YM_PRODUCT_STATUS_LAST] = {0};
	guint text = 0, all = 0, exact = 0, bounds = 0, cves = 0, files = 0;
	const gchar *name;

	if (dir_path == NULL)
		return;
	dir = g_dir_open(dir_path, 0, &error);
	g_assert_no_error(error);
	while ((name = g_dir_read_name(dir)) != NULL) {
		g_autofree gchar *path = NULL;
		g_autofree gchar *data = NULL;
		gsize length = 0;
		if (!g_str_has_suffix(name, ".json"))
			continue;
		path = g_build_filename(dir_path, name, NULL);
		g_file_get_contents(path, &data, &length, &error);
		g_assert_no_error(error);
		ym_advisory_parse_csaf(data, length, collect_sink, advisories, &error);
		g_assert_no_error(error);
		files++;
	}
	g_assert_cmpuint(files, ==, 344);
	g_assert_cmpuint(advisories->len, ==, 344);
	for (guint i = 0; i < advisories->len; i++) {
		YmAdvisory *advisory = g_ptr_array_index(advisories, i);
		cves += advisory->cves->len;
		for (guint j = 0; j < advisory->products->len; j++) {
			YmAdvisoryProduct *product = g_ptr_array_index(advisory->products, j);
			counts[product->status]++;
			if (product->all_versions)
				all++;
			else if (product->version_exact != NULL)
				exact++;
			else if (product->version_text != NULL)
				text++;
			else
				bounds++;
		}
	}
	g_assert_cmpuint(counts[YM_PRODUCT_STATUS_AFFECTED], ==, 7892);
	g_assert_cmpuint(counts[YM_PRODUCT_STATUS_FIXED], ==, 441);
	g_assert_cmpuint(counts[YM_PRODUCT_STATUS_NOT_AFFECTED], ==, 200);
	g_assert_cmpuint(text, ==, 4525);
	g_assert_cmpuint(all, ==, 1939);
	g_assert_cmpuint(exact, ==, 1715);
	g_assert_cmpuint(bounds, ==, 354);
	g_assert_cmpuint(cves, ==, 1453);
}

static void
test_cisa_iot_picks(void)
{
	static const gchar *const names[] = {
	    "icsa-17-124-01.json", "icsa-17-124-02.json", "icsa-17-341-01.json",
	    "icsa-21-019-02.json", "icsa-23-012-04.json", "icsa-23-094-01.json",
	    "icsa-23-131-08.json", "icsa-23-234-02.json", "icsa-23-355-02.json",
	};
	guint products = 0, cves = 0;

	for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
		g_autofree gchar *relative = g_build_filename("cisa-iot-picks", names[i], NULL);
		g_autoptr(YmAdvisory) advisory = parse_shared(relative);
		if (advisory == NULL)
			return;
		products += advisory->products->len;
		cves += advisory->cves->len;
	}
	g_assert_cmpuint(products, ==, 85);
	g_assert_cmpuint(cves, ==, 23);
}

static void
test_vendors_languages(void)
{
	g_autoptr(YmAdvisory) certbund = parse_shared("vendors/certbund-wid-sec-w-2025-0001.json");
	g_autoptr(YmAdvisory) ncsc = NULL;
	YmAdvisoryProduct *product;

	if (certbund == NULL)
		return;
	/* German goes into the _en fields: the best we have */
	g_assert_cmpstr(certbund->id, ==, "WID-SEC-W-2025-0001");
	g_assert_cmpstr(certbund->title_en, ==, "IBM DB2: Mehrere Schwachstellen");
	g_assert_null(certbund->title_ja);
	g_assert_true(
	    g_str_has_prefix(certbund->summary_en, "Ein entfernter oder lokaler Angreifer"));
	g_assert_cmpuint(certbund->cves->len, ==, 35);
	/* 35 CVEs x 8 products */
	g_assert_cmpuint(certbund->products->len, ==, 280);
	g_assert_cmpfloat(certbund->cvss, ==, 0.0);
	g_assert_cmpint(certbund->remediation, ==, YM_REMEDIATION_UNKNOWN);
	g_assert_cmpint(certbund->published, ==, 1735772400);
	g_assert_cmpint(certbund->modified, ==, 1750716000);
	/* order of the first known_affected list: T040030, T041470, 67646, T042208 */
	product = product_at(certbund, 0);
	g_assert_cmpstr(product->vendor, ==, "IBM");
	g_assert_cmpstr(product->product, ==, "Spectrum Protect Plus");
	g_assert_cmpstr(product->version_text, ==, "<10.1.6.4");
	product = product_at(certbund, 2);
	g_assert_cmpstr(product->vendor, ==, "Red Hat");
	g_assert_cmpstr(product->product, ==, "Red Hat Enterprise Linux");
	g_assert_true(product->all_versions);
	/* the CPE 2.2 URI cpe:/o:redhat:enterprise_linux:- converted */
	g_assert_cmpstr(product->cpe, ==, "cpe:2.3:o:redhat:enterprise_linux:-:*:*:*:*:*:*:*");
	product = product_at(certbund, 3);
	g_assert_cmpstr(product->version_exact, ==, "on Cloud Pak for Data");
	g_assert_cmpstr(product->cpe, ==, "cpe:2.3:a:ibm:db2:on_cloud_pak_for_data:*:*:*:*:*:*:*");

	ncsc = parse_shared("vendors/ncsc-nl-ncsc-2025-0210.json");
	g_assert_nonnull(ncsc);
	g_assert_cmpstr(ncsc->title_en, ==,
	                "Kwetsbaarheid verholpen in Cisco Unified Communications Manager");
	/* no summary note: the first description ("Feiten") */
	g_assert_true(
	    g_str_has_prefix(ncsc->summary_en, "Cisco heeft een kwetsbaarheid verholpen"));
	g_assert_cmpuint(ncsc->products->len, ==, 8);
	/* "vers:unknown/15.0.1.13010-1" is one exact version */
	product = product_at(ncsc, 0);
	g_assert_cmpstr(product->version_exact, ==, "15.0.1.13010-1");
	g_assert_null(product->version_text);
	g_assert_false(product->all_versions);
	g_assert_cmpfloat_with_epsilon(ncsc->cvss, 10.0, 0.001);
}

static void
test_vendors_fixed_versions(void)
{
	g_autoptr(YmAdvisory) msrc = parse_shared("vendors/msrc_cve-2025-29795.json");
	g_autoptr(YmAdvisory) siemens = NULL;
	YmAdvisoryProduct *product;

	if (msrc == NULL)
		return;
	/* "<1.3.195.45" affected, "1.3.195.45" fixed, no vendor branch */
	g_assert_cmpuint(msrc->products->len, ==, 2);
	product = product_at(msrc, 0);
	g_assert_cmpint(product->status, ==, YM_PRODUCT_STATUS_AFFECTED);
	g_assert_null(product->vendor);
	g_assert_cmpstr(product->product, ==, "Microsoft Edge Update Setup");
	g_assert_cmpstr(product->version_text, ==, "<1.3.195.45");
	g_assert_cmpstr(product->fixed_version, ==, "1.3.195.45");
	product = product_at(msrc, 1);
	g_assert_cmpint(product->status, ==, YM_PRODUCT_STATUS_FIXED);
	g_assert_cmpstr(product->version_exact, ==, "1.3.195.45");

	/* "vers:all/<V2024.3" into an exclusive end bound */
	siemens = parse_shared("vendors/siemens-ssa-426509.json");
	g_assert_nonnull(siemens);
	g_assert_cmpuint(siemens->products->len, ==, 6);
	product = product_at(siemens, 0);
	g_assert_cmpstr(product->vendor, ==, "Siemens");
	g_assert_cmpstr(product->product, ==, "ModelSim");
	g_assert_null(product->version_start);
	g_assert_cmpstr(product->version_end, ==, "V2024.3");
	g_assert_false(product->end_inclusive);
	g_assert_null(product->version_text);
	g_assert_cmpstr(product->fixed_version, ==, "V2024.3");
	product = product_at(siemens, 5);
	g_assert_cmpstr(product->cve, ==, "CVE-2024-47196");
	g_assert_cmpstr(product->version_end, ==, "V2025.2");
}

static void
test_oasis_examples(void)
{
	g_autoptr(YmAdvisory) vex = parse_shared("oasis-examples/2022-evd-uc-01-a-001.json");
	g_autoptr(YmAdvisory) bsi = NULL;
	g_autoptr(YmAdvisory) rhsa = NULL;
	g_autoptr(YmAdvisory) cisco = NULL;
	YmAdvisoryProduct *product;

	if (vex == NULL)
		return;
	/* the VEX example: no lang, one product, fix named in words only */
	g_assert_cmpstr(vex->id, ==, "2022-EVD-UC-01-A-001");
	g_assert_cmpstr(vex->title_en, ==, "Example VEX Document Use Case 1 - Affected");
	g_assert_cmpuint(vex->products->len, ==, 1);
	product = product_at(vex, 0);
	g_assert_cmpstr(product->vendor, ==, "Example Company");
	g_assert_cmpstr(product->product, ==, "DEF");
	g_assert_cmpstr(product->version_exact, ==, "1.0");
	g_assert_cmpstr(product->cve, ==, "CVE-2021-44228");
	g_assert_cmpstr(product->fixed_version, ==, "1.1");
	g_assert_cmpint(vex->remediation, ==, YM_REMEDIATION_VENDOR_FIX);
	g_assert_null(vex->remediation_url);

	/* fixed and first_fixed name the same product: one entry */
	bsi = parse_shared("oasis-examples/bsi-2022-0001.json");
	g_assert_cmpuint(bsi->products->len, ==, 6);
	g_assert_cmpuint(count_status(bsi, YM_PRODUCT_STATUS_FIXED), ==, 1);
	product = product_at(bsi, 0);
	g_assert_cmpstr(product->version_exact, ==, "1.0.0-alpha");
	g_assert_cmpstr(product->fixed_version, ==, "1.0.0-rc2");
	g_assert_cmpstr(product->cpe, ==,
	                "cpe:2.3:a:csaf-tools:cvrf-csaf-converter:1.0.0-alpha:*:*:*:*:*:*:*");
	g_assert_null(bsi->summary_en);

	/* default_component_of: the package, with the OS as platform */
	rhsa = parse_shared("oasis-examples/rhsa-2022_0011.json");
	g_assert_cmpuint(rhsa->products->len, ==, 15);
	g_assert_cmpuint(count_status(rhsa, YM_PRODUCT_STATUS_FIXED), ==, 15);
	product = product_at(rhsa, 0);
	g_assert_cmpstr(product->vendor, ==, "Red Hat");
	g_assert_cmpstr(product->version_exact, ==, "telnet-1:0.17-65.el7_6.src");
	g_assert_cmpstr(product->platform_cpe, ==,
	                "cpe:2.3:o:redhat:rhel_aus:7.6:*:server:*:*:*:*:*");

	/* the service pack carries Cisco's full version */
	cisco = parse_shared("oasis-examples/cisco-sa-20180328-smi2.json");
	g_assert_cmpuint(cisco->products->len, ==, 259);
	product = product_at(cisco, 0);
	g_assert_cmpstr(product->vendor, ==, "Cisco");
	g_assert_cmpint(cisco->remediation, ==, YM_REMEDIATION_WORKAROUND);
	g_assert_cmpfloat_with_epsilon(cisco->cvss, 9.8, 0.001);
}

static void
test_juice_shop_documents(void)
{
	g_autoptr(YmAdvisory) disclaimer =
	    parse_shared("directory-provider-juice-shop/2024/juice-shop-sa-disclaimer.json");
	YmAdvisoryProduct *product;

	if (disclaimer == NULL)
		return;
	/* "vers:all/>=0.0.1" (the spec wants only * after all/, we read the bound) */
	g_assert_cmpuint(disclaimer->products->len, ==, 1);
	g_assert_cmpuint(disclaimer->cves->len, ==, 0);
	product = product_at(disclaimer, 0);
	g_assert_null(product->vendor);
	g_assert_null(product->cve);
	g_assert_cmpstr(product->product, ==, "OWASP Juice Shop");
	g_assert_cmpstr(product->version_start, ==, "0.0.1");
	g_assert_true(product->start_inclusive);
	g_assert_null(product->version_end);
	/* no_fix_planned plus a mitigation */
	g_assert_cmpint(disclaimer->remediation, ==, YM_REMEDIATION_MITIGATION);
	g_assert_true(disclaimer->end_of_life);
}

static void
assert_vers(const gchar *text, gboolean expect_valid, gboolean expect_all, guint expect_ranges)
{
	g_autoptr(GPtrArray) ranges = NULL;
	gboolean all = FALSE;
	gboolean valid = _ym_csaf_vers_parse(text, &all, &ranges);

	g_assert_cmpint(valid, ==, expect_valid);
	if (!valid) {
		g_assert_null(ranges);
		return;
	}
	g_assert_cmpint(all, ==, expect_all);
	g_assert_cmpuint(ranges->len, ==, expect_ranges);
}

static void
test_vers(void)
{
	g_autoptr(GPtrArray) ranges = NULL;
	YmCsafVersRange *range;
	gboolean all = TRUE;

	g_assert_true(_ym_csaf_vers_parse("vers:generic/>=1.0|<2.0", &all, &ranges));
	g_assert_false(all);
	g_assert_cmpuint(ranges->len, ==, 1);
	range = g_ptr_array_index(ranges, 0);
	g_assert_cmpstr(range->start, ==, "1.0");
	g_assert_true(range->start_inclusive);
	g_assert_cmpstr(range->end, ==, "2.0");
	g_assert_false(range->end_inclusive);
	g_assert_null(range->exact);
	g_clear_pointer(&ranges, g_ptr_array_unref);

	/* two intervals, the second open; spaces are not significant */
	g_assert_true(_ym_csaf_vers_parse("VERS:npm/ >1 | <=2 | >=3 ", &all, &ranges));
	g_assert_cmpuint(ranges->len, ==, 2);
	range = g_ptr_array_index(ranges, 0);
	g_assert_cmpstr(range->start, ==, "1");
	g_assert_false(range->start_inclusive);
	g_assert_cmpstr(range->end, ==, "2");
	g_assert_true(range->end_inclusive);
	range = g_ptr_array_index(ranges, 1);
	g_assert_cmpstr(range->start, ==, "3");
	g_assert_null(range->end);
	g_clear_pointer(&ranges, g_ptr_array_unref);

	/* exact versions, percent-encoded ones decoded */
	g_assert_true(_ym_csaf_vers_parse("vers:generic/1.0%7Cbeta|=2.0", &all, &ranges));
	g_assert_cmpuint(ranges->len, ==, 2);
	range = g_ptr_array_index(ranges, 0);
	g_assert_cmpstr(range->exact, ==, "1.0|beta");
	range = g_ptr_array_index(ranges, 1);
	g_assert_cmpstr(range->exact, ==, "2.0");

	assert_vers("vers:all/*", TRUE, TRUE, 0);
	assert_vers("vers:all/<V4.3", TRUE, FALSE, 1);
	/* only "!=": every version but some, which we count as all */
	assert_vers("vers:generic/!=1.0", TRUE, TRUE, 0);
	assert_vers("vers:generic/>=1.0|!=1.5|<2.0", TRUE, FALSE, 1);
	/* not VERS, or broken */
	assert_vers("<4.x", FALSE, FALSE, 0);
	assert_vers("vers:all/*_installed_on_CP1_devices", FALSE, FALSE, 0);
	assert_vers("vers:generic", FALSE, FALSE, 0);
	assert_vers("vers:/1.0", FALSE, FALSE, 0);
	assert_vers("vers:generic/", FALSE, FALSE, 0);
	assert_vers("vers:generic/<", FALSE, FALSE, 0);
	assert_vers("vers:generic/<1|<2", FALSE, FALSE, 0);
	assert_vers("vers:generic/>1|>2", FALSE, FALSE, 0);
	assert_vers("vers:generic/>=1|", FALSE, FALSE, 0);
	assert_vers("vers:generic/<=>1", FALSE, FALSE, 0);
	assert_vers("vers:gen eric/1%ZZ", FALSE, FALSE, 0);
	assert_vers("vers:gen$ric/1", FALSE, FALSE, 0);
}

/* vendor_fix texts from the CISA, OASIS and BSI documents */
static void
test_fix_text(void)
{
	struct {
		const gchar *in;
		const gchar *out;
	} cases[] = {
	    {"Update to V13.3.0.13 or later version", "V13.3.0.13"},
	    {"FX5-OPC: Version 1.010 or later", "1.010"},
	    {"Update maxView Storage Manager to V4.14.00.26068 or later version", "V4.14.00.26068"},
	    {"Update to V223.0 Update 10 or later version", "V223.0 Update 10"},
	    {"Update to CPCI85 V05.20 or later version", "V05.20"},
	    {"Update P3 cameras to firmware version MX-V4.7.2.18 or later that includes a fixed "
	     "version of that vulnerable component",
	     "MX-V4.7.2.18"},
	    {"DS-2CD2xx2F-I Series: V5.4.5 build 170123 and later", "V5.4.5 build 170123"},
	    {"Customers should update to version 1.1 of product DEF which fixes the issue.", "1.1"},
	    {"Update to the latest version of the product. At least version 1.0.0-rc2",
	     "1.0.0-rc2"},
	    {"Easergy Studio: Version 9.3.6 of Easergy Studio includes a fix", "9.3.6"},
	    /* one text for several branches: no single answer */
	    {"FortiOS 7.6: Upgrade to 7.6.3 or above \nFortiOS 7.4: Upgrade to 7.4.8 or above",
	     NULL},
	    {"Users can download the latest version of their respective RUT model routers", NULL},
	    {"Update to the latest version or later", NULL},
	    {"", NULL},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *out = _ym_csaf_version_from_fix_text(cases[i].in);
		g_assert_cmpstr(out, ==, cases[i].out);
	}
	g_assert_null(_ym_csaf_version_from_fix_text(NULL));
	/* a megabyte of markers is read in linear time and names nothing */
	{
		g_autoptr(GString) flood = g_string_new(NULL);
		g_autofree gchar *out = NULL;
		for (guint i = 0; i < 100000; i++)
			g_string_append(flood, "V1.0 or later ");
		out = _ym_csaf_version_from_fix_text(flood->str);
		g_assert_null(out);
	}
}

/* a small document of our own; @vulnerabilities and @tree are JSON */
static gchar *
make_document(const gchar *lang, const gchar *tree, const gchar *vulnerabilities)
{
	return g_strdup_printf(
	    "{\"document\":{\"category\":\"csaf_security_advisory\",\"csaf_version\":\"2.0\","
	    "\"lang\":\"%s\",\"title\":\"テスト機器の脆弱性\","
	    "\"notes\":[{\"category\":\"summary\",\"text\":\"概要\"}],"
	    "\"tracking\":{\"id\":\"TEST-1\",\"initial_release_date\":\"2025-01-02T03:04:05Z\","
	    "\"current_release_date\":\"2025-02-03T00:00:00+09:00\"}},"
	    "\"product_tree\":%s,\"vulnerabilities\":%s}",
	    lang, tree, vulnerabilities);
}

static const gchar *const small_tree =
    "{\"branches\":[{\"category\":\"vendor\",\"name\":\"I-O DATA\",\"branches\":["
    "{\"category\":\"product_name\",\"name\":\"HDL-T\",\"branches\":["
    "{\"category\":\"product_version_range\",\"name\":\"vers:generic/<1.22\","
    "\"product\":{\"name\":\"HDL-T < 1.22\",\"product_id\":\"P1\"}},"
    "{\"category\":\"product_version\",\"name\":\"1.22\","
    "\"product\":{\"name\":\"HDL-T 1.22\",\"product_id\":\"P2\"}}]}]}]}";

static void
test_japanese(void)
{
	g_autofree gchar *data = make_document(
	    "ja-JP", small_tree,
	    "[{\"cve\":\"cve-2025-32002\",\"product_status\":{\"known_affected\":[\"P1\"],"
	    "\"fixed\":[\"P2\"]},\"scores\":[{\"cvss_v2\":{\"baseScore\":7,"
	    "\"vectorString\":\"AV:N/AC:L/Au:N/C:P/I:P/A:P\"},\"cvss_v3\":{\"baseScore\":6.5,"
	    "\"vectorString\":\"CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N\"},"
	    "\"products\":[\"P1\"]}]}]");
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) advisories = parse_data(data, strlen(data), &error);
	YmAdvisory *advisory;
	YmAdvisoryProduct *product;

	g_assert_no_error(error);
	advisory = g_ptr_array_index(advisories, 0);
	g_assert_cmpstr(advisory->title_ja, ==, "テスト機器の脆弱性");
	g_assert_cmpstr(advisory->summary_ja, ==, "概要");
	g_assert_null(advisory->title_en);
	g_assert_null(advisory->summary_en);
	g_assert_cmpint(advisory->published, ==, 1735787045);
	g_assert_cmpint(advisory->modified, ==, 1738508400);
	/* a higher CVSS v2 score beats a v3 one: the highest score wins */
	g_assert_cmpfloat_with_epsilon(advisory->cvss, 7.0, 0.001);
	g_assert_cmpstr(advisory->cvss_vector, ==, "AV:N/AC:L/Au:N/C:P/I:P/A:P");
	g_assert_cmpstr(g_ptr_array_index(advisory->cves, 0), ==, "CVE-2025-32002");
	g_assert_cmpuint(advisory->products->len, ==, 2);
	product = product_at(advisory, 0);
	g_assert_cmpstr(product->cve, ==, "CVE-2025-32002");
	g_assert_cmpstr(product->vendor, ==, "I-O DATA");
	g_assert_cmpstr(product->version_end, ==, "1.22");
	g_assert_false(product->end_inclusive);
	/* the fixed product's version is the affected range's end */
	g_assert_cmpstr(product->fixed_version, ==, "1.22");
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_UNKNOWN);
}

/* installed_on with a versioned platform, default_component_of, groups */
static void
test_relationships(void)
{
	const gchar *tree =
	    "{\"branches\":[{\"category\":\"vendor\",\"name\":\"TP-Link\",\"branches\":["
	    "{\"category\":\"product_name\",\"name\":\"Archer AX21\",\"branches\":["
	    "{\"category\":\"product_version\",\"name\":\"V3\",\"product\":{\"name\":\"AX21 v3\","
	    "\"product_id\":\"HW\",\"product_identification_helper\":"
	    "{\"cpe\":\"cpe:/h:tp-link:archer_ax21:3.0\"}}}]},"
	    "{\"category\":\"product_name\",\"name\":\"Archer AX21 firmware\",\"branches\":["
	    "{\"category\":\"product_version_range\",\"name\":\"vers:generic/<1.1.4\","
	    "\"product\":{\"name\":\"fw < 1.1.4\",\"product_id\":\"FW\"}},"
	    "{\"category\":\"product_version\",\"name\":\"1.1.4 Build 20230219\","
	    "\"product\":{\"name\":\"fw 1.1.4\",\"product_id\":\"FWFIX\"}}]}]}],"
	    "\"relationships\":["
	    "{\"category\":\"installed_on\",\"product_reference\":\"FW\","
	    "\"relates_to_product_reference\":\"HW\",\"full_product_name\":{\"name\":\"fw on v3\","
	    "\"product_id\":\"R1\"}},"
	    "{\"category\":\"default_component_of\",\"product_reference\":\"FWFIX\","
	    "\"relates_to_product_reference\":\"HW\",\"full_product_name\":{\"name\":\"fix in v3\","
	    "\"product_id\":\"R2\",\"product_identification_helper\":"
	    "{\"cpe\":\"cpe:2.3:o:tp-link:archer_ax21_firmware:1.1.4:*:*:*:*:*:*:*\"}}}],"
	    "\"product_groups\":[{\"group_id\":\"G\",\"product_ids\":[\"R1\"]}]}";
	g_autofree gchar *data = make_document(
	    "en", tree,
	    "[{\"cve\":\"CVE-2023-1389\",\"product_status\":{\"known_affected\":[\"R1\"],"
	    "\"fixed\":[\"R2\"]},\"remediations\":[{\"category\":\"vendor_fix\","
	    "\"details\":\"Archer AX21: update to 1.1.4 Build 20230219 or later\","
	    "\"group_ids\":[\"G\"]}]}]");
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) advisories = parse_data(data, strlen(data), &error);
	YmAdvisory *advisory;
	YmAdvisoryProduct *product;

	g_assert_no_error(error);
	advisory = g_ptr_array_index(advisories, 0);
	g_assert_cmpuint(advisory->products->len, ==, 2);
	/* the router, at the firmware's versions, on hardware revision V3 */
	product = product_at(advisory, 0);
	g_assert_cmpint(product->status, ==, YM_PRODUCT_STATUS_AFFECTED);
	g_assert_cmpstr(product->vendor, ==, "TP-Link");
	g_assert_cmpstr(product->product, ==, "Archer AX21");
	g_assert_cmpstr(product->hw_rev, ==, "V3");
	g_assert_cmpstr(product->version_end, ==, "1.1.4");
	g_assert_null(product->cpe);
	g_assert_cmpstr(product->platform_cpe, ==,
	                "cpe:2.3:h:tp-link:archer_ax21:3.0:*:*:*:*:*:*:*");
	/* the fixed entry is the firmware component (another product name),
	 * so the fix comes from the vendor_fix text, reached through the group */
	g_assert_cmpstr(product->fixed_version, ==, "1.1.4 Build 20230219");
	product = product_at(advisory, 1);
	g_assert_cmpint(product->status, ==, YM_PRODUCT_STATUS_FIXED);
	g_assert_cmpstr(product->product, ==, "Archer AX21 firmware");
	g_assert_cmpstr(product->version_exact, ==, "1.1.4 Build 20230219");
	g_assert_null(product->hw_rev);
	g_assert_cmpstr(product->cpe, ==,
	                "cpe:2.3:o:tp-link:archer_ax21_firmware:1.1.4:*:*:*:*:*:*:*");
	g_assert_cmpstr(product->platform_cpe, ==,
	                "cpe:2.3:h:tp-link:archer_ax21:3.0:*:*:*:*:*:*:*");
}

static void
assert_parse_fails(const gchar *data, gsize length, gint code, const gchar *needle)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) advisories = parse_data(data, length, &error);

	g_assert_null(advisories);
	g_assert_error(error, YM_ERROR, code);
	if (strstr(error->message, needle) == NULL)
		g_error("\"%s\" does not name \"%s\"", error->message, needle);
}

static void
test_broken(void)
{
	g_autofree gchar *wrong_vulns = make_document("en", small_tree, "{}");
	g_autofree gchar *wrong_id = make_document(
	    "en", small_tree, "[{\"product_status\":{\"known_affected\":[\"P1\", 7]}}]");
	g_autofree gchar *wrong_score = make_document(
	    "en", small_tree, "[{\"scores\":[{\"cvss_v3\":{\"baseScore\":\"9.8\"}}]}]");
	g_autofree gchar *high_score =
	    make_document("en", small_tree, "[{\"scores\":[{\"cvss_v3\":{\"baseScore\":11}}]}]");
	g_autofree gchar *wrong_branch =
	    make_document("en", "{\"branches\":[{\"category\":\"vendor\",\"name\":5}]}", "[]");
	g_autofree gchar *surrogate =
	    make_document("en", small_tree, "[{\"notes\":[],\"cve\":\"\\ud800x\"}]");
	g_autofree gchar *truncated = make_document("en", small_tree, "[]");
	g_autoptr(GString) deep = g_string_new(NULL);
	g_autoptr(GString) deep_branches = g_string_new("{\"branches\":");
	g_autofree gchar *deep_tree = NULL;
	g_autofree gchar *huge = NULL;
	const gchar *no_id = "{\"document\":{\"csaf_version\":\"2.0\",\"tracking\":{}}}";
	const gchar *future =
	    "{\"document\":{\"csaf_version\":\"3.0\",\"tracking\":{\"id\":\"X\"}}}";

	assert_parse_fails(truncated, strlen(truncated) / 2, YM_ERROR_INVALID_DATA, "invalid JSON");
	assert_parse_fails("", 0, YM_ERROR_INVALID_DATA, "empty");
	assert_parse_fails("[1,2]", 5, YM_ERROR_INVALID_DATA, "not an object");
	assert_parse_fails("{\"a\":\"\xff\"}", 9, YM_ERROR_INVALID_DATA, "byte 6: not UTF-8");
	assert_parse_fails(wrong_vulns, strlen(wrong_vulns), YM_ERROR_INVALID_DATA,
	                   "$.vulnerabilities: expected an array, got an object");
	assert_parse_fails(
	    wrong_id, strlen(wrong_id), YM_ERROR_INVALID_DATA,
	    "$.vulnerabilities[0].product_status.known_affected[1]: expected a string");
	assert_parse_fails(wrong_score, strlen(wrong_score), YM_ERROR_INVALID_DATA,
	                   "$.vulnerabilities[0].scores[0].cvss_v3.baseScore: expected a number");
	assert_parse_fails(high_score, strlen(high_score), YM_ERROR_INVALID_DATA,
	                   "$.vulnerabilities[0].scores[0].cvss_v3.baseScore: score 11");
	assert_parse_fails(wrong_branch, strlen(wrong_branch), YM_ERROR_INVALID_DATA,
	                   "$.product_tree.branches[0].name: expected a string, got a number");
	assert_parse_fails(surrogate, strlen(surrogate), YM_ERROR_INVALID_DATA,
	                   "$.vulnerabilities[0].cve: string is not valid UTF-8");
	assert_parse_fails(no_id, strlen(no_id), YM_ERROR_INVALID_DATA,
	                   "$.document.tracking.id: missing");
	assert_parse_fails(future, strlen(future), YM_ERROR_NOT_SUPPORTED, "3.0");

	/* a million brackets would overflow json-glib's recursion */
	for (guint i = 0; i < 1000000; i++)
		g_string_append_c(deep, '[');
	assert_parse_fails(deep->str, deep->len, YM_ERROR_INVALID_DATA, "nested deeper than 64");
	/* 20 nested branches fit the JSON depth but not the branch depth */
	for (guint i = 0; i < 20; i++)
		g_string_append(deep_branches,
		                "[{\"category\":\"vendor\",\"name\":\"v\",\"branches\":");
	g_string_append(deep_branches, "[]");
	for (guint i = 0; i < 20; i++)
		g_string_append(deep_branches, "}]");
	g_string_append(deep_branches, "}");
	deep_tree = make_document("en", deep_branches->str, "[]");
	assert_parse_fails(deep_tree, strlen(deep_tree), YM_ERROR_INVALID_DATA,
	                   "branches nested deeper than 16");
	/* the size cap comes before anything is read */
	huge = g_malloc0(YM_CSAF_DOCUMENT_MAX_SIZE + 1);
	assert_parse_fails(huge, YM_CSAF_DOCUMENT_MAX_SIZE + 1, YM_ERROR_INVALID_DATA,
	                   "larger than");
}

static void
test_unknown_product_ids(void)
{
	g_autofree gchar *data = make_document(
	    "en", small_tree,
	    "[{\"cve\":\"CVE-2025-0001\",\"product_status\":{\"known_affected\":[\"P1\",\"NOPE\","
	    "\"P1\"],\"known_not_affected\":[\"GONE\"]}}]");
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) advisories = NULL;
	YmAdvisory *advisory;

	g_test_expect_message("YmCsaf", G_LOG_LEVEL_WARNING,
	                      "CSAF TEST-1: skipped 2 references to product IDs that product_tree "
	                      "does not define, the first at "
	                      "$.vulnerabilities[0].product_status.known_affected[1] \"NOPE\"");
	advisories = parse_data(data, strlen(data), &error);
	g_test_assert_expected_messages();
	g_assert_no_error(error);
	advisory = g_ptr_array_index(advisories, 0);
	/* P1 once, the unknown IDs skipped */
	g_assert_cmpuint(advisory->products->len, ==, 1);
	g_assert_cmpstr(product_at(advisory, 0)->version_end, ==, "1.22");
}

static gboolean
refusing_sink(YmAdvisory *advisory, gpointer user_data, GError **error)
{
	g_set_error_literal(error, YM_ERROR, YM_ERROR_WRITE, "disk full");
	return FALSE;
}

static void
test_sink_stops(void)
{
	g_autofree gchar *data = make_document("en", small_tree, "[]");
	g_autoptr(GError) error = NULL;

	g_assert_false(ym_advisory_parse_csaf(data, strlen(data), refusing_sink, NULL, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_WRITE);
}

static void
test_sniff(void)
{
	g_autofree gchar *document = make_document("en", small_tree, "[]");
	const gchar *provider =
	    "{\"canonical_url\":\"https://example.com/provider-metadata.json\"}";
	const gchar *feed = "{\"feed\":{\"category\":[{\"term\":\"csaf\"}]}}";
	g_autofree gchar *with_bom = g_strconcat("\xef\xbb\xbf \n", document, NULL);

	g_assert_true(ym_advisory_csaf_sniff(document, strlen(document)));
	g_assert_true(ym_advisory_csaf_sniff(with_bom, strlen(with_bom)));
	g_assert_false(ym_advisory_csaf_sniff(provider, strlen(provider)));
	g_assert_false(ym_advisory_csaf_sniff(feed, strlen(feed)));
	g_assert_false(ym_advisory_csaf_sniff("<?xml version=\"1.0\"?>", 21));
	g_assert_false(ym_advisory_csaf_sniff("", 0));
	g_assert_false(ym_advisory_csaf_sniff(NULL, 10));
	/* only what fits in the length counts */
	g_assert_false(ym_advisory_csaf_sniff(document, 20));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/advisory-csaf/hikvision", test_hikvision);
	g_test_add_func("/ym/advisory-csaf/qnap-end-of-life", test_qnap_end_of_life);
	g_test_add_func("/ym/advisory-csaf/panasonic-leading-space", test_panasonic_leading_space);
	g_test_add_func("/ym/advisory-csaf/nexx-no-response", test_nexx_no_response);
	g_test_add_func("/ym/advisory-csaf/mobotix-relationships", test_mobotix_relationships);
	g_test_add_func("/ym/advisory-csaf/cisa-2024-folder", test_cisa_2024_folder);
	g_test_add_func("/ym/advisory-csaf/cisa-iot-picks", test_cisa_iot_picks);
	g_test_add_func("/ym/advisory-csaf/vendors-languages", test_vendors_languages);
	g_test_add_func("/ym/advisory-csaf/vendors-fixed-versions", test_vendors_fixed_versions);
	g_test_add_func("/ym/advisory-csaf/oasis-examples", test_oasis_examples);
	g_test_add_func("/ym/advisory-csaf/juice-shop-documents", test_juice_shop_documents);
	g_test_add_func("/ym/advisory-csaf/vers", test_vers);
	g_test_add_func("/ym/advisory-csaf/fix-text", test_fix_text);
	g_test_add_func("/ym/advisory-csaf/japanese", test_japanese);
	g_test_add_func("/ym/advisory-csaf/relationships", test_relationships);
	g_test_add_func("/ym/advisory-csaf/broken", test_broken);
	g_test_add_func("/ym/advisory-csaf/unknown-product-ids", test_unknown_product_ids);
	g_test_add_func("/ym/advisory-csaf/sink-stops", test_sink_stops);
	g_test_add_func("/ym/advisory-csaf/sniff", test_sniff);
	return g_test_run();
}
