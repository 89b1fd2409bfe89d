/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* expected values were read from the sample files with python3 */

#include "config.h"

#include <string.h>

#include "common/ym-error.h"
#include "ym-advisory-json-test-common.h"
#include "ym-advisory-nvd.h"

static GPtrArray *
parse_shared(const gchar *name, YmNvdPage *page)
{
	g_autofree gchar *data = NULL;
	g_autoptr(GPtrArray) advisories = ym_test_advisory_array_new();
	g_autoptr(GError) error = NULL;
	gsize length = 0;

	data = ym_test_shared_advisory_contents(name, &length);
	if (data == NULL)
		return NULL;
	g_assert_true(ym_advisory_nvd_sniff(data, length));
	g_assert_true(ym_advisory_parse_nvd(data, length, page, ym_test_advisory_collect,
	                                    advisories, &error));
	g_assert_no_error(error);
	return g_steal_pointer(&advisories);
}

static GPtrArray *
parse_text(const gchar *text, GError **error)
{
	g_autoptr(GPtrArray) advisories = ym_test_advisory_array_new();
	if (!ym_advisory_parse_nvd(text, strlen(text), NULL, ym_test_advisory_collect, advisories,
	                           error))
		return NULL;
	return g_steal_pointer(&advisories);
}

static void
test_nvd_tplink(void)
{
	g_autoptr(GPtrArray) advisories = NULL;
	YmNvdPage page = {0};
	YmAdvisory *advisory;
	YmAdvisoryProduct *product;

	advisories = parse_shared("nvd/CVE-2023-1389.json", &page);
	if (advisories == NULL)
		return;
	/* a bare cve object has no paging */
	g_assert_cmpint(page.total_results, ==, 0);
	g_assert_null(page.timestamp);
	g_assert_cmpuint(advisories->len, ==, 1);
	advisory = g_ptr_array_index(advisories, 0);
	g_assert_cmpint(advisory->source, ==, YM_ADVISORY_SOURCE_NVD);
	g_assert_cmpstr(advisory->id, ==, "CVE-2023-1389");
	g_assert_cmpuint(advisory->cves->len, ==, 1);
	g_assert_cmpstr(g_ptr_array_index(advisory->cves, 0), ==, "CVE-2023-1389");
	g_assert_cmpstr(advisory->title_en, ==,
	                "TP-Link Archer AX-21 Command Injection Vulnerability");
	g_assert_true(g_str_has_prefix(
	    advisory->summary_en, "TP-Link Archer AX21 (AX1800) firmware versions before 1.1.4 "
	                          "Build 20230219"));
	g_assert_null(advisory->summary_ja);
	g_assert_cmpfloat(advisory->cvss, ==, 8.8);
	g_assert_cmpstr(advisory->cvss_vector, ==, "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
	g_assert_true(advisory->kev);
	g_assert_false(advisory->end_of_life);
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_UNKNOWN);
	g_assert_null(advisory->remediation_url);
	g_assert_cmpint(advisory->published, ==, 1678922109);
	g_assert_cmpint(advisory->modified, ==, 1761077958);

	g_assert_cmpuint(advisory->products->len, ==, 1);
	product = g_ptr_array_index(advisory->products, 0);
	g_assert_cmpint(product->status, ==, YM_PRODUCT_STATUS_AFFECTED);
	g_assert_null(product->cve);
	g_assert_cmpstr(product->vendor, ==, "tp-link");
	g_assert_cmpstr(product->product, ==, "archer_ax21_firmware");
	g_assert_cmpstr(product->cpe, ==, "cpe:2.3:o:tp-link:archer_ax21_firmware:*:*:*:*:*:*:*:*");
	g_assert_cmpstr(product->platform_cpe, ==, "cpe:2.3:h:tp-link:archer_ax21:-:*:*:*:*:*:*:*");
	g_assert_null(product->hw_rev);
	g_assert_false(product->all_versions);
	g_assert_null(product->version_exact);
	g_assert_null(product->version_start);
	g_assert_cmpstr(product->version_end, ==, "1.1.4");
	g_assert_false(product->end_inclusive);
	g_assert_null(product->version_text);
	g_assert_null(product->fixed_version);
}

static void
test_nvd_dlink(void)
{
	g_autoptr(GPtrArray) advisories = NULL;
	YmAdvisory *advisory;
	/* the configurations of nvd/CVE-2024-3273.json in file order */
	const gchar *models[] = {
	    "dns-320l",  "dns-120",   "dnr-202l",   "dns-315l",    "dns-320",
	    "dns-320lw", "dns-321",   "dnr-322l",   "dns-323",     "dns-325",
	    "dns-326",   "dns-327l",  "dnr-326",    "dns-340l",    "dns-343",
	    "dns-345",   "dns-726-4", "dns-1100-4", "dns-1200-05", "dns-1550-04",
	};

	advisories = parse_shared("nvd/CVE-2024-3273.json", NULL);
	if (advisories == NULL)
		return;
	g_assert_cmpuint(advisories->len, ==, 1);
	advisory = g_ptr_array_index(advisories, 0);
	g_assert_cmpstr(advisory->id, ==, "CVE-2024-3273");
	g_assert_true(advisory->kev);
	/* cveTags: unsupported-when-assigned */
	g_assert_true(advisory->end_of_life);
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_NO_FIX_PLANNED);
	g_assert_cmpstr(advisory->remediation_url, ==,
	                "https://supportannouncement.us.dlink.com/security/"
	                "publication.aspx?name=SAP10383");
	/* NVD's Primary 9.8 over the CNA's 7.3 (v3.1) and 7.5 (v2) */
	g_assert_cmpfloat(advisory->cvss, ==, 9.8);
	g_assert_cmpstr(advisory->cvss_vector, ==, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
	g_assert_cmpstr(advisory->title_en, ==,
	                "D-Link Multiple NAS Devices Command Injection Vulnerability");
	g_assert_cmpint(advisory->published, ==, 1712193350);
	g_assert_cmpint(advisory->modified, ==, 1723663897);
	g_assert_cmpuint(advisory->products->len, ==, G_N_ELEMENTS(models));
	for (guint i = 0; i < G_N_ELEMENTS(models); i++) {
		YmAdvisoryProduct *product = g_ptr_array_index(advisory->products, i);
		g_autofree gchar *name = g_strdup_printf("%s_firmware", models[i]);
		g_autofree gchar *cpe =
		    g_strdup_printf("cpe:2.3:o:dlink:%s_firmware:-:*:*:*:*:*:*:*", models[i]);
		g_autofree gchar *platform =
		    g_strdup_printf("cpe:2.3:h:dlink:%s:-:*:*:*:*:*:*:*", models[i]);
		g_assert_cmpstr(product->vendor, ==, "dlink");
		g_assert_cmpstr(product->product, ==, name);
		g_assert_cmpstr(product->cpe, ==, cpe);
		g_assert_cmpstr(product->platform_cpe, ==, platform);
		/* "-": the product, whatever its version */
		g_assert_true(product->all_versions);
		g_assert_null(product->version_exact);
		g_assert_null(product->version_start);
		g_assert_null(product->version_end);
		g_assert_null(product->hw_rev);
	}
}

static void
test_nvd_unanalysed(void)
{
	g_autoptr(GPtrArray) iodata_lt1 = NULL;
	g_autoptr(GPtrArray) iodata_hdl = NULL;
	YmAdvisory *advisory;

	iodata_lt1 = parse_shared("nvd/CVE-2024-47133.json", NULL);
	if (iodata_lt1 == NULL)
		return;
	g_assert_cmpuint(iodata_lt1->len, ==, 1);
	advisory = g_ptr_array_index(iodata_lt1, 0);
	g_assert_cmpstr(advisory->id, ==, "CVE-2024-47133");
	/* Awaiting Analysis: no configurations, the CNA's Secondary 3.0 score */
	g_assert_cmpuint(advisory->products->len, ==, 0);
	g_assert_cmpfloat(advisory->cvss, ==, 7.2);
	g_assert_cmpstr(advisory->cvss_vector, ==, "CVSS:3.0/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H");
	g_assert_false(advisory->kev);
	g_assert_null(advisory->title_en);
	g_assert_null(advisory->remediation_url);
	g_assert_cmpint(advisory->published, ==, 1733394700);

	iodata_hdl = parse_shared("nvd/CVE-2025-32002.json", NULL);
	if (iodata_hdl == NULL)
		return;
	g_assert_cmpuint(iodata_hdl->len, ==, 1);
	advisory = g_ptr_array_index(iodata_hdl, 0);
	g_assert_cmpuint(advisory->products->len, ==, 0);
	/* 3.1 gives 9.8 and 4.0 gives 9.3, both Secondary */
	g_assert_cmpfloat(advisory->cvss, ==, 9.8);
	g_assert_cmpstr(advisory->cvss_vector, ==, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
	g_assert_true(g_str_has_prefix(advisory->summary_en, "Improper neutralization"));
	g_assert_cmpint(advisory->published, ==, 1747300519);
}

typedef struct {
	const gchar *name;
	gint64 results_per_page;
	gint64 start_index;
	gint64 total_results;
	const gchar *timestamp;
	const gchar *ids[9];
} PageCase;

static void
test_nvd_pages(void)
{
	const PageCase cases[] = {
	    {"cves-3_pages-0-1.json", 1, 0, 8, "2023-11-10T08:41:24.983", {"CVE-2023-36014"}},
	    {"cves-3_pages-0-3.json",
	     3,
	     0,
	     8,
	     "2023-11-10T08:41:24.983",
	     {"CVE-2023-36014", "CVE-2023-36024", "CVE-2023-46729"}},
	    {"cves-3_pages-3-3.json",
	     3,
	     3,
	     8,
	     "2023-11-10T07:39:45.630",
	     {"CVE-2023-6069", "CVE-2023-45167", "CVE-2023-39796"}},
	    {"cves-3_pages-6-3.json",
	     2,
	     6,
	     8,
	     "2023-11-10T07:39:23.140",
	     {"CVE-2023-47246", "CVE-2023-47800"}},
	    /* edited fixture: resultsPerPage 3 but eight items */
	    {"cves-moddate-0-3.json",
	     3,
	     0,
	     8,
	     "2023-11-10T08:41:24.983",
	     {"CVE-2023-36014", "CVE-2023-36024", "CVE-2023-46729", "CVE-2023-6069",
	      "CVE-2023-45167", "CVE-2023-39796", "CVE-2023-47246", "CVE-2023-47800"}},
	    {"cves-1_item-0-1.json", 1, 0, 1, "2024-06-29T16:54:34.113", {"CVE-2024-4819"}},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *name =
		    g_build_filename("nvd", "api-responses", cases[i].name, NULL);
		g_autoptr(GPtrArray) advisories = NULL;
		YmNvdPage page = {0};
		guint n_ids = 0;

		advisories = parse_shared(name, &page);
		if (advisories == NULL)
			return;
		g_assert_cmpint(page.results_per_page, ==, cases[i].results_per_page);
		g_assert_cmpint(page.start_index, ==, cases[i].start_index);
		g_assert_cmpint(page.total_results, ==, cases[i].total_results);
		g_assert_cmpstr(page.timestamp, ==, cases[i].timestamp);
		while (cases[i].ids[n_ids] != NULL)
			n_ids++;
		g_assert_cmpuint(advisories->len, ==, n_ids);
		for (guint j = 0; j < n_ids; j++) {
			YmAdvisory *advisory = g_ptr_array_index(advisories, j);
			g_assert_cmpstr(advisory->id, ==, cases[i].ids[j]);
			g_assert_cmpuint(advisory->products->len, ==, 0);
			g_assert_false(advisory->kev);
		}
		ym_nvd_page_clear(&page);
		g_assert_null(page.timestamp);
	}
}

static void
test_nvd_page_scores(void)
{
	g_autoptr(GPtrArray) advisories = NULL;
	g_autoptr(GPtrArray) single = NULL;
	YmNvdPage page = {0};
	YmAdvisory *advisory;

	advisories = parse_shared("nvd/api-responses/cves-moddate-0-3.json", &page);
	if (advisories == NULL)
		return;
	ym_nvd_page_clear(&page);
	g_assert_cmpfloat(((YmAdvisory *) g_ptr_array_index(advisories, 0))->cvss, ==, 7.3);
	g_assert_cmpfloat(((YmAdvisory *) g_ptr_array_index(advisories, 3))->cvss, ==, 9.9);
	advisory = ym_test_advisory_find(advisories, "CVE-2023-39796");
	g_assert_nonnull(advisory);
	g_assert_cmpfloat(advisory->cvss, ==, 0);
	g_assert_null(advisory->cvss_vector);

	/* en and es descriptions; 4.0 5.3 over 3.1 4.3 and 2.0 4.0 */
	single = parse_shared("nvd/api-responses/cves-1_item-0-1.json", &page);
	if (single == NULL)
		return;
	ym_nvd_page_clear(&page);
	advisory = g_ptr_array_index(single, 0);
	g_assert_true(
	    g_str_has_prefix(advisory->summary_en, "A vulnerability was found in Campcodes"));
	g_assert_null(advisory->summary_ja);
	g_assert_cmpfloat(advisory->cvss, ==, 5.3);
	g_assert_true(
	    g_str_has_prefix(advisory->cvss_vector, "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/"));
}

static void
test_nvd_log4shell(void)
{
	g_autoptr(GPtrArray) advisories = NULL;
	YmNvdPage page = {0};
	YmAdvisory *advisory;
	YmAdvisoryProduct *product;
	guint with_platform = 0;

	advisories =
	    parse_shared("nvd/api-responses/cves-ssvc_affected-CVE-2021-44228.json", &page);
	if (advisories == NULL)
		return;
	g_assert_cmpint(page.total_results, ==, 1);
	g_assert_cmpstr(page.timestamp, ==, "2026-06-18T00:00:00.000");
	ym_nvd_page_clear(&page);
	g_assert_cmpuint(advisories->len, ==, 1);
	advisory = g_ptr_array_index(advisories, 0);
	g_assert_cmpstr(advisory->id, ==, "CVE-2021-44228");
	g_assert_true(advisory->kev);
	g_assert_cmpfloat(advisory->cvss, ==, 10.0);
	g_assert_cmpstr(advisory->remediation_url, ==,
	                "https://logging.apache.org/log4j/2.x/security.html");
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_VENDOR_FIX);
	/* 20 configurations: 359 OR matches, 6 AND pairs and 8 FXOS x 17 Firepower */
	g_assert_cmpuint(advisory->products->len, ==, 501);
	for (guint i = 0; i < advisory->products->len; i++) {
		product = g_ptr_array_index(advisory->products, i);
		if (product->platform_cpe != NULL)
			with_platform++;
	}
	g_assert_cmpuint(with_platform, ==, 142);

	product = ym_test_advisory_find_cpe(advisory, "cpe:2.3:o:cisco:fxos:6.2.3:*:*:*:*:*:*:*",
	                                    "cpe:2.3:h:cisco:firepower_9300:-:*:*:*:*:*:*:*");
	g_assert_nonnull(product);
	g_assert_cmpstr(product->version_exact, ==, "6.2.3");
	g_assert_false(product->all_versions);

	product = ym_test_advisory_find_cpe(advisory,
	                                    "cpe:2.3:a:apache:log4j:2.0:beta9:*:*:*:*:*:*", NULL);
	g_assert_nonnull(product);
	g_assert_cmpstr(product->version_exact, ==, "2.0-beta9");
	g_assert_null(product->platform_cpe);
	product =
	    ym_test_advisory_find_cpe(advisory, "cpe:2.3:a:apache:log4j:2.0:-:*:*:*:*:*:*", NULL);
	g_assert_nonnull(product);
	g_assert_cmpstr(product->version_exact, ==, "2.0");

	/* the first log4j range: 2.0.1 <= v < 2.3.1 */
	product =
	    ym_test_advisory_find_cpe(advisory, "cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*", NULL);
	g_assert_nonnull(product);
	g_assert_cmpstr(product->vendor, ==, "apache");
	g_assert_cmpstr(product->product, ==, "log4j");
	g_assert_cmpstr(product->version_start, ==, "2.0.1");
	g_assert_true(product->start_inclusive);
	g_assert_cmpstr(product->version_end, ==, "2.3.1");
	g_assert_false(product->end_inclusive);
	g_assert_null(product->version_exact);
}

static void
test_nvd_not_cve(void)
{
	const gchar *names[] = {
	    "cpematch-3_pages-0-1.json", "cpematch-3_pages-0-3.json", "cpematch-3_pages-3-3.json",
	    "cpematch-3_pages-6-3.json", "cpes-3_pages-0-1.json",     "cpes-3_pages-0-3.json",
	    "cpes-3_pages-3-3.json",     "cpes-3_pages-6-3.json",
	};

	for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
		g_autofree gchar *name = g_build_filename("nvd", "api-responses", names[i], NULL);
		g_autofree gchar *data = NULL;
		g_autoptr(GPtrArray) advisories = ym_test_advisory_array_new();
		g_autoptr(GError) error = NULL;
		YmNvdPage page = {0};
		gsize length = 0;

		data = ym_test_shared_advisory_contents(name, &length);
		if (data == NULL)
			return;
		g_assert_false(ym_advisory_nvd_sniff(data, length));
		g_assert_false(ym_advisory_parse_nvd(data, length, &page, ym_test_advisory_collect,
		                                     advisories, &error));
		g_assert_error(error, YM_ERROR, YM_ERROR_NOT_SUPPORTED);
		g_assert_true(g_str_has_prefix(error->message, "not a CVE response"));
		g_assert_cmpuint(advisories->len, ==, 0);
		g_assert_null(page.timestamp);
	}
}

static gboolean
sniff_text(const gchar *text)
{
	return ym_advisory_nvd_sniff(text, strlen(text));
}

static void
test_nvd_sniff(void)
{
	const gchar *other[] = {
	    "cve5/CVE-2023-1389.json",
	    "kev/known_exploited_vulnerabilities.json",
	};

	if (!ym_test_advisory_sniff_refuses(ym_advisory_nvd_sniff, other, G_N_ELEMENTS(other)))
		return;
	g_assert_false(ym_advisory_nvd_sniff("", 0));
	g_assert_false(sniff_text("{}"));
	g_assert_false(sniff_text("[{\"id\": 1, \"vulnStatus\": 2}]"));
	g_assert_true(sniff_text("{\"id\": \"CVE-2024-0001\", \"vulnStatus\": \"x\"}"));
	g_assert_true(sniff_text("{\"resultsPerPage\": 0, \"vulnerabilities\": []}"));
	/* the keys must be top-level ones, KEV has "vulnerabilities" too */
	g_assert_false(sniff_text("{\"a\": {\"id\": 1, \"vulnStatus\": 2}}"));
	g_assert_false(sniff_text("{\"catalogVersion\": \"1\", \"vulnerabilities\": []}"));
}

static void
test_nvd_configurations(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) advisories = NULL;
	YmAdvisory *advisory;
	YmAdvisoryProduct *product;
	const gchar *text =
	    "{\"id\": \"cve-2024-0001\", \"vulnStatus\": \"Analyzed\",\n"
	    " \"descriptions\": [{\"lang\": \"es\", \"value\": \"uno\"},\n"
	    "                  {\"lang\": \"en\", \"value\": \"one\"}],\n"
	    " \"metrics\": {\"cvssMetricV2\": [{\"type\": \"Primary\",\n"
	    "                                 \"cvssData\": {\"baseScore\": 7}}],\n"
	    "             \"cvssMetricV31\": [{\"type\": \"Secondary\",\n"
	    "                                 \"cvssData\": {\"baseScore\": 9.1}}]},\n"
	    " \"configurations\": [\n"
	    "  {\"operator\": \"AND\", \"nodes\": [\n"
	    "    {\"operator\": \"OR\", \"negate\": false, \"cpeMatch\": [\n"
	    "      {\"vulnerable\": true, \"criteria\": "
	    "\"cpe:2.3:o:acme:r1_firmware:1.0\\\\(2\\\\):*:*:*:*:*:*:*\"}]},\n"
	    "    {\"operator\": \"OR\", \"negate\": false, \"cpeMatch\": [\n"
	    "      {\"vulnerable\": false, \"criteria\": "
	    "\"cpe:2.3:h:acme:r1:8.0:*:*:*:*:*:*:*\"},\n"
	    "      {\"vulnerable\": false, \"criteria\": "
	    "\"cpe:2.3:h:acme:r1:10.0:*:*:*:*:*:*:*\"}]}]},\n"
	    "  {\"nodes\": [{\"operator\": \"OR\", \"cpeMatch\": [\n"
	    "      {\"vulnerable\": true, \"criteria\": \"cpe:2.3:a:acme:web:*:*:*:*:*:*:*:*\",\n"
	    "       \"versionStartExcluding\": \"2.0\", \"versionEndIncluding\": \"2.5\"},\n"
	    "      {\"vulnerable\": false, \"criteria\": "
	    "\"cpe:2.3:h:acme:box:-:*:*:*:*:*:*:*\"}]}]},\n"
	    "  {\"operator\": \"AND\", \"nodes\": [\n"
	    "    {\"operator\": \"OR\", \"cpeMatch\": [\n"
	    "      {\"vulnerable\": true, \"criteria\": "
	    "\"cpe:2.3:o:acme:cam_firmware:*:*:*:*:*:*:*:*\"}]},\n"
	    "    {\"operator\": \"OR\", \"negate\": true, \"cpeMatch\": [\n"
	    "      {\"vulnerable\": false, \"criteria\": "
	    "\"cpe:2.3:h:acme:cam:-:*:*:*:*:*:*:*\"}]}]},\n"
	    "  {\"negate\": true, \"nodes\": [{\"cpeMatch\": [\n"
	    "      {\"vulnerable\": true, \"criteria\": "
	    "\"cpe:2.3:a:acme:never:*:*:*:*:*:*:*:*\"}]}]}\n"
	    " ]}";

	advisories = parse_text(text, &error);
	g_assert_no_error(error);
	g_assert_nonnull(advisories);
	g_assert_cmpuint(advisories->len, ==, 1);
	advisory = g_ptr_array_index(advisories, 0);
	g_assert_cmpstr(advisory->id, ==, "CVE-2024-0001");
	g_assert_cmpstr(g_ptr_array_index(advisory->cves, 0), ==, "CVE-2024-0001");
	g_assert_cmpstr(advisory->summary_en, ==, "one");
	/* a Primary score wins over a higher Secondary one */
	g_assert_cmpfloat(advisory->cvss, ==, 7.0);
	g_assert_null(advisory->cvss_vector);
	g_assert_false(advisory->kev);
	/* 1 firmware x 2 hardware revisions, 1 OR product, the negated
	 * node ignored (cam without platform), the negated configuration
	 * dropped */
	g_assert_cmpuint(advisory->products->len, ==, 4);

	product = g_ptr_array_index(advisory->products, 0);
	g_assert_cmpstr(product->cpe, ==, "cpe:2.3:o:acme:r1_firmware:1.0\\(2\\):*:*:*:*:*:*:*");
	g_assert_cmpstr(product->version_exact, ==, "1.0(2)");
	g_assert_cmpstr(product->platform_cpe, ==, "cpe:2.3:h:acme:r1:8.0:*:*:*:*:*:*:*");
	g_assert_cmpstr(product->hw_rev, ==, "8.0");
	product = g_ptr_array_index(advisory->products, 1);
	g_assert_cmpstr(product->hw_rev, ==, "10.0");

	product = g_ptr_array_index(advisory->products, 2);
	g_assert_cmpstr(product->product, ==, "web");
	g_assert_null(product->platform_cpe);
	g_assert_cmpstr(product->version_start, ==, "2.0");
	g_assert_false(product->start_inclusive);
	g_assert_cmpstr(product->version_end, ==, "2.5");
	g_assert_true(product->end_inclusive);
	g_assert_false(product->all_versions);

	product = g_ptr_array_index(advisory->products, 3);
	g_assert_cmpstr(product->product, ==, "cam_firmware");
	g_assert_null(product->platform_cpe);
	g_assert_true(product->all_versions);
}

static void
test_nvd_skips(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) advisories = NULL;
	YmAdvisory *advisory;
	const gchar *text =
	    "{\"resultsPerPage\": 9, \"startIndex\": 0, \"totalResults\": 4, \"format\": "
	    "\"NVD_CVE\",\n"
	    " \"vulnerabilities\": [\n"
	    "  {\"cve\": {\"id\": \"CVE-2024-0002\", \"vulnStatus\": \"Rejected\"}},\n"
	    "  {\"cve\": {\"id\": \"GHSA-xxxx\"}},\n"
	    "  {\"cve\": {\"id\": \"CVE-2024-0003\", \"configurations\": [{\"nodes\": [\n"
	    "    {\"cpeMatch\": [{\"vulnerable\": true, \"criteria\": \"cpe:/o:acme:x\"},\n"
	    "                    {\"vulnerable\": true, \"criteria\": "
	    "\"cpe:2.3:o:acme:y:*:*:*:*:*:*:*:*\"}]}]},\n"
	    "   {\"operator\": \"AND\", \"nodes\": [\n"
	    "    {\"cpeMatch\": [{\"vulnerable\": true, \"criteria\": "
	    "\"cpe:2.3:o:acme:z:*:*:*:*:*:*:*:*\"}]},\n"
	    "    {\"cpeMatch\": [{\"vulnerable\": false, \"criteria\": \"nonsense\"}]}]}],\n"
	    "   \"metrics\": {\"cvssMetricV31\": [{\"cvssData\": {\"baseScore\": 11.0}}]}}}\n"
	    " ]}";

	g_test_expect_message("YmAdvisoryNvd", G_LOG_LEVEL_WARNING,
	                      "vulnerabilities[1].cve.id: \"GHSA-xxxx\" is not a CVE ID*");
	g_test_expect_message(
	    "YmAdvisoryNvd", G_LOG_LEVEL_WARNING,
	    "vulnerabilities[2].cve.metrics.cvssMetricV31[0].cvssData.baseScore: 11 "
	    "is not a CVSS score*");
	g_test_expect_message(
	    "YmAdvisoryNvd", G_LOG_LEVEL_WARNING,
	    "vulnerabilities[2].cve.configurations[0].nodes[0].cpeMatch[0].criteria: "
	    "not a CPE 2.3 name*");
	g_test_expect_message(
	    "YmAdvisoryNvd", G_LOG_LEVEL_WARNING,
	    "vulnerabilities[2].cve.configurations[1].nodes[1].cpeMatch[0].criteria: "
	    "not a CPE 2.3 name*");
	g_test_expect_message("YmAdvisoryNvd", G_LOG_LEVEL_WARNING,
	                      "vulnerabilities[2].cve.configurations[1]: no usable platform CPE*");
	advisories = parse_text(text, &error);
	g_test_assert_expected_messages();
	g_assert_no_error(error);
	g_assert_nonnull(advisories);
	/* the rejected and the non-CVE ones are skipped */
	g_assert_cmpuint(advisories->len, ==, 1);
	advisory = g_ptr_array_index(advisories, 0);
	g_assert_cmpstr(advisory->id, ==, "CVE-2024-0003");
	g_assert_cmpfloat(advisory->cvss, ==, 0);
	/* y only: the AND configuration lost its platform, so z is dropped */
	g_assert_cmpuint(advisory->products->len, ==, 1);
	g_assert_cmpstr(((YmAdvisoryProduct *) g_ptr_array_index(advisory->products, 0))->product,
	                ==, "y");
}

typedef struct {
	const gchar *text;
	gint code;
	const gchar *message; /* a glob */
} BrokenCase;

static void
test_nvd_broken(void)
{
	const BrokenCase cases[] = {
	    {"", YM_ERROR_INVALID_DATA, "empty input"},
	    {"   ", YM_ERROR_INVALID_DATA, "expected a JSON object at the top level"},
	    {"{}", YM_ERROR_INVALID_DATA, "not an NVD CVE response or record*"},
	    {"[]", YM_ERROR_INVALID_DATA, "expected a JSON object at the top level"},
	    {"{\"vulnerabilities\": [{\"cve\": {\"id\": \"CVE-2024-0001\", \"descr",
	     YM_ERROR_INVALID_DATA, "invalid JSON: *"},
	    {"{\"id\": \"CVE-2024-0001\"} trailing", YM_ERROR_INVALID_DATA, "invalid JSON: *"},
	    {"{\"id\": \"CVE-2024-\xff\"}", YM_ERROR_INVALID_DATA, "not UTF-8 text*at byte 17"},
	    {"{\"vulnerabilities\": {}}", YM_ERROR_INVALID_DATA,
	     "vulnerabilities: expected an array"},
	    {"{\"vulnerabilities\": [1]}", YM_ERROR_INVALID_DATA,
	     "vulnerabilities[0]: expected an object"},
	    {"{\"vulnerabilities\": [{}]}", YM_ERROR_INVALID_DATA,
	     "vulnerabilities[0].cve: missing"},
	    {"{\"vulnerabilities\": [{\"cve\": {\"id\": 7}}]}", YM_ERROR_INVALID_DATA,
	     "vulnerabilities[0].cve.id: expected a string"},
	    {"{\"resultsPerPage\": \"3\", \"vulnerabilities\": []}", YM_ERROR_INVALID_DATA,
	     "resultsPerPage: expected an integer"},
	    {"{\"id\": \"CVE-2024-0001\", \"metrics\": {\"cvssMetricV31\": "
	     "[{\"cvssData\": {\"baseScore\": \"9.8\"}}]}}",
	     YM_ERROR_INVALID_DATA,
	     "metrics.cvssMetricV31[0].cvssData.baseScore: expected a number"},
	    {"{\"vulnerabilities\": [{\"cve\": {\"id\": \"CVE-2024-0001\"}}, {\"cve\": {\"id\": "
	     "\"CVE-2024-0002\", \"configurations\": [{\"nodes\": [{\"cpeMatch\": []}, "
	     "{\"cpeMatch\": [{\"vulnerable\": true, \"criteria\": "
	     "\"cpe:2.3:o:a:b:*:*:*:*:*:*:*:*\"}, "
	     "{\"vulnerable\": true, \"criteria\": [\"x\"]}]}]}]}}]}",
	     YM_ERROR_INVALID_DATA,
	     "vulnerabilities[1].cve.configurations[0].nodes[1].cpeMatch[1].criteria: expected a "
	     "string"},
	    {"{\"id\": \"CVE-2024-0001\", \"configurations\": [{\"nodes\": [{\"cpeMatch\": "
	     "[{\"criteria\": \"cpe:2.3:o:a:b:*:*:*:*:*:*:*:*\"}]}]}]}",
	     YM_ERROR_INVALID_DATA, "configurations[0].nodes[0].cpeMatch[0].vulnerable: missing"},
	    {"{\"id\": \"CVE-2024-0001\", \"cveTags\": [{\"tags\": [1]}]}", YM_ERROR_INVALID_DATA,
	     "cveTags[0].tags[0]: expected a string"},
	    {"{\"format\": \"NVD_CPE\", \"products\": []}", YM_ERROR_NOT_SUPPORTED,
	     "not a CVE response (format \"NVD_CPE\")"},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(GPtrArray) advisories = parse_text(cases[i].text, &error);
		g_assert_null(advisories);
		g_assert_error(error, YM_ERROR, cases[i].code);
		if (!g_pattern_match_simple(cases[i].message, error->message))
			g_error("case %u: \"%s\" does not match \"%s\"", i, error->message,
			        cases[i].message);
	}
}

static void
test_nvd_truncated(void)
{
	g_autofree gchar *data = NULL;
	gsize length = 0;

	data = ym_test_shared_advisory_contents("nvd/CVE-2024-3273.json", &length);
	if (data == NULL)
		return;
	/* every tenth prefix of a real record fails cleanly */
	for (gsize cut = 0; cut < length; cut += length / 10) {
		g_autoptr(GError) error = NULL;
		g_autoptr(GPtrArray) advisories = ym_test_advisory_array_new();
		g_assert_false(ym_advisory_parse_nvd(data, cut, NULL, ym_test_advisory_collect,
		                                     advisories, &error));
		g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
		g_assert_cmpuint(advisories->len, ==, 0);
	}
}

static void
test_nvd_limits(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GError) error_size = NULL;
	g_autoptr(GError) error_products = NULL;
	g_autoptr(GString) deep = g_string_new(NULL);
	g_autoptr(GString) wide = g_string_new(NULL);
	g_autoptr(GPtrArray) advisories = ym_test_advisory_array_new();
	const gchar small[] = "{}";

	/* 100000 "[" would exhaust json-glib's recursion */
	for (guint i = 0; i < 100000; i++)
		g_string_append_c(deep, '[');
	g_assert_false(ym_advisory_parse_nvd(deep->str, deep->len, NULL, ym_test_advisory_collect,
	                                     advisories, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_cmpstr(error->message, ==, "JSON nested deeper than 64 levels at byte 64");
	g_assert_false(ym_advisory_nvd_sniff(deep->str, deep->len));

	/* the size is refused before a byte is read */
	g_assert_false(ym_advisory_parse_nvd(small, (gsize) 256 * 1024 * 1024 + 1, NULL,
	                                     ym_test_advisory_collect, advisories, &error_size));
	g_assert_error(error_size, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_true(
	    g_str_has_suffix(error_size->message, "larger than the limit of 268435456 bytes"));

	/* 150 firmware x 150 hardware = 22500 products, over the cap of 20000 */
	g_string_append(wide,
	                "{\"id\": \"CVE-2024-0009\", \"configurations\": [{\"operator\": \"AND\", "
	                "\"nodes\": [{\"cpeMatch\": [");
	for (guint i = 0; i < 150; i++)
		g_string_append_printf(wide,
		                       "%s{\"vulnerable\": true, \"criteria\": "
		                       "\"cpe:2.3:o:a:f%u:*:*:*:*:*:*:*:*\"}",
		                       i > 0 ? "," : "", i);
	g_string_append(wide, "]}, {\"cpeMatch\": [");
	for (guint i = 0; i < 150; i++)
		g_string_append_printf(wide,
		                       "%s{\"vulnerable\": false, \"criteria\": "
		                       "\"cpe:2.3:h:a:h%u:-:*:*:*:*:*:*:*\"}",
		                       i > 0 ? "," : "", i);
	g_string_append(wide, "]}]}]}");
	g_assert_false(ym_advisory_parse_nvd(wide->str, wide->len, NULL, ym_test_advisory_collect,
	                                     advisories, &error_products));
	g_assert_error(error_products, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_cmpstr(error_products->message, ==,
	                "configurations[0]: more than 20000 products in CVE-2024-0009");
	g_assert_cmpuint(advisories->len, ==, 0);
}

static void
test_nvd_sink_stops(void)
{
	g_autofree gchar *data = NULL;
	g_autoptr(GError) error = NULL;
	guint calls = 0;
	gsize length = 0;

	data = ym_test_shared_advisory_contents("nvd/api-responses/cves-moddate-0-3.json", &length);
	if (data == NULL)
		return;
	g_assert_false(
	    ym_advisory_parse_nvd(data, length, NULL, ym_test_advisory_refuse, &calls, &error));
	g_assert_error(error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
	g_assert_cmpstr(error->message, ==, "refused CVE-2023-36014");
	g_assert_cmpuint(calls, ==, 1);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/advisory-nvd/tplink", test_nvd_tplink);
	g_test_add_func("/ym/advisory-nvd/dlink", test_nvd_dlink);
	g_test_add_func("/ym/advisory-nvd/unanalysed", test_nvd_unanalysed);
	g_test_add_func("/ym/advisory-nvd/pages", test_nvd_pages);
	g_test_add_func("/ym/advisory-nvd/page-scores", test_nvd_page_scores);
	g_test_add_func("/ym/advisory-nvd/log4shell", test_nvd_log4shell);
	g_test_add_func("/ym/advisory-nvd/not-cve", test_nvd_not_cve);
	g_test_add_func("/ym/advisory-nvd/sniff", test_nvd_sniff);
	g_test_add_func("/ym/advisory-nvd/configurations", test_nvd_configurations);
	g_test_add_func("/ym/advisory-nvd/skips", test_nvd_skips);
	g_test_add_func("/ym/advisory-nvd/broken", test_nvd_broken);
	g_test_add_func("/ym/advisory-nvd/truncated", test_nvd_truncated);
	g_test_add_func("/ym/advisory-nvd/limits", test_nvd_limits);
	g_test_add_func("/ym/advisory-nvd/sink-stops", test_nvd_sink_stops);
	return g_test_run();
}
