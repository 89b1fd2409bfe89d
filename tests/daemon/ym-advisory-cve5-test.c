/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* expected values were read from the sample files with python3 */

#include "config.h"

#include <string.h>

#include "common/ym-error.h"
#include "ym-advisory-cve5.h"
#include "ym-advisory-json-test-common.h"

static YmAdvisory *
parse_shared(const gchar *name, GPtrArray **keep)
{
	g_autofree gchar *data = NULL;
	g_autoptr(GPtrArray) advisories = ym_test_advisory_array_new();
	g_autoptr(GError) error = NULL;
	gsize length = 0;

	data = ym_test_shared_advisory_contents(name, &length);
	if (data == NULL)
		return NULL;
	g_assert_true(ym_advisory_cve5_sniff(data, length));
	g_assert_true(
	    ym_advisory_parse_cve5(data, length, ym_test_advisory_collect, advisories, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(advisories->len, ==, 1);
	*keep = g_steal_pointer(&advisories);
	return g_ptr_array_index(*keep, 0);
}

static GPtrArray *
parse_text(const gchar *text, GError **error)
{
	g_autoptr(GPtrArray) advisories = ym_test_advisory_array_new();
	if (!ym_advisory_parse_cve5(text, strlen(text), ym_test_advisory_collect, advisories,
	                            error))
		return NULL;
	return g_steal_pointer(&advisories);
}

static YmAdvisoryProduct *
product_at(YmAdvisory *advisory, guint index)
{
	g_assert_cmpuint(index, <, advisory->products->len);
	return g_ptr_array_index(advisory->products, index);
}

static void
test_cve5_iodata_adp(void)
{
	g_autoptr(GPtrArray) keep = NULL;
	YmAdvisory *advisory = parse_shared("cve5/CVE-2024-47133.json", &keep);
	YmAdvisoryProduct *product;

	if (advisory == NULL)
		return;
	g_assert_cmpint(advisory->source, ==, YM_ADVISORY_SOURCE_CVE5);
	g_assert_cmpstr(advisory->id, ==, "CVE-2024-47133");
	g_assert_cmpuint(advisory->cves->len, ==, 1);
	g_assert_cmpstr(g_ptr_array_index(advisory->cves, 0), ==, "CVE-2024-47133");
	g_assert_null(advisory->title_en);
	g_assert_true(
	    g_str_has_prefix(advisory->summary_en, "UD-LT1 firmware Ver.2.1.8 and earlier"));
	g_assert_cmpfloat(advisory->cvss, ==, 7.2);
	g_assert_cmpstr(advisory->cvss_vector, ==, "CVSS:3.0/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H");
	g_assert_false(advisory->kev);
	g_assert_false(advisory->end_of_life);
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_UNKNOWN);
	/* the references carry no tags */
	g_assert_null(advisory->remediation_url);
	g_assert_cmpint(advisory->published, ==, 1733391648);
	g_assert_cmpint(advisory->modified, ==, 1733424628);
	g_assert_cmpuint(advisory->products->len, ==, 4);

	/* the CNA: free text for ym_version_range_parse_text() */
	product = product_at(advisory, 0);
	g_assert_cmpint(product->status, ==, YM_PRODUCT_STATUS_AFFECTED);
	g_assert_cmpstr(product->vendor, ==, "I-O DATA DEVICE, INC.");
	g_assert_cmpstr(product->product, ==, "UD-LT1");
	g_assert_null(product->cpe);
	g_assert_cmpstr(product->version_text, ==, "firmware Ver.2.1.8 and earlier");
	g_assert_false(product->all_versions);
	g_assert_null(product->version_exact);
	g_assert_null(product->version_start);
	g_assert_null(product->version_end);
	product = product_at(advisory, 1);
	g_assert_cmpstr(product->product, ==, "UD-LT1/EX");
	g_assert_cmpstr(product->version_text, ==, "firmware Ver.2.1.8 and earlier");

	/* the CISA ADP: CPE and "0" .. <= 2.1.8 */
	product = product_at(advisory, 2);
	g_assert_cmpstr(product->vendor, ==, "iodata");
	g_assert_cmpstr(product->product, ==, "ud-lt1_firmware");
	g_assert_cmpstr(product->cpe, ==, "cpe:2.3:o:iodata:ud-lt1_firmware:*:*:*:*:*:*:*:*");
	g_assert_null(product->platform_cpe);
	g_assert_null(product->version_start);
	g_assert_cmpstr(product->version_end, ==, "2.1.8");
	g_assert_true(product->end_inclusive);
	g_assert_false(product->all_versions);
	g_assert_null(product->version_text);
	/* the CPE keeps its escape, the name loses it */
	product = product_at(advisory, 3);
	g_assert_cmpstr(product->vendor, ==, "iodata");
	g_assert_cmpstr(product->product, ==, "ud-lt1/ex_firmware");
	g_assert_cmpstr(product->cpe, ==, "cpe:2.3:o:iodata:ud-lt1\\/ex_firmware:*:*:*:*:*:*:*:*");
	g_assert_cmpstr(product->version_end, ==, "2.1.8");
	g_assert_true(product->end_inclusive);
}

static void
test_cve5_hikvision(void)
{
	g_autoptr(GPtrArray) keep = NULL;
	YmAdvisory *advisory = parse_shared("cve5/CVE-2021-36260.json", &keep);

	if (advisory == NULL)
		return;
	g_assert_cmpstr(advisory->id, ==, "CVE-2021-36260");
	/* all "n/a": nothing to match, the CVE joins the other sources */
	g_assert_cmpuint(advisory->products->len, ==, 0);
	/* ADP metrics[].other type kev */
	g_assert_true(advisory->kev);
	/* the CNA gave no score, the ADP 9.8 */
	g_assert_cmpfloat(advisory->cvss, ==, 9.8);
	g_assert_cmpstr(advisory->cvss_vector, ==, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
	g_assert_true(g_str_has_prefix(
	    advisory->summary_en, "A command injection vulnerability in the web server of some "
	                          "Hikvision product."));
	g_assert_false(advisory->end_of_life);
	/* references are tagged x_refsource_MISC only */
	g_assert_null(advisory->remediation_url);
	g_assert_cmpint(advisory->published, ==, 1632312475);
	g_assert_cmpint(advisory->modified, ==, 1753732086);
}

static void
test_cve5_dlink(void)
{
	g_autoptr(GPtrArray) keep = NULL;
	YmAdvisory *advisory = parse_shared("cve5/CVE-2024-3273.json", &keep);
	const gchar *models[] = {"DNS-320L", "DNS-325", "DNS-327L", "DNS-340L"};

	if (advisory == NULL)
		return;
	g_assert_cmpstr(
	    advisory->title_en, ==,
	    "D-Link DNS-320L/DNS-325/DNS-327L/DNS-340L HTTP GET Request nas_sharing.cgi "
	    "command injection");
	/* en, not de */
	g_assert_true(g_str_has_prefix(advisory->summary_en, "** UNSUPPORTED WHEN ASSIGNED **"));
	g_assert_null(advisory->summary_ja);
	g_assert_true(advisory->kev);
	g_assert_true(advisory->end_of_life);
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_NO_FIX_PLANNED);
	/* v3.1 7.3 equals v3.0 7.3, the newer wins; v2.0 7.5 is not read */
	g_assert_cmpfloat(advisory->cvss, ==, 7.3);
	g_assert_cmpstr(advisory->cvss_vector, ==, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L");
	g_assert_cmpint(advisory->published, ==, 1712192406);
	g_assert_cmpuint(advisory->products->len, ==, 8);
	for (guint i = 0; i < G_N_ELEMENTS(models); i++) {
		YmAdvisoryProduct *cna = product_at(advisory, i);
		YmAdvisoryProduct *adp = product_at(advisory, i + 4);
		g_autofree gchar *lower = g_ascii_strdown(models[i], -1);
		g_autofree gchar *name = g_strdup_printf("%s_firmware", lower);
		g_autofree gchar *cpe =
		    g_strdup_printf("cpe:2.3:a:dlink:%s_firmware:20240403:*:*:*:*:*:*:*", lower);

		g_assert_cmpstr(cna->vendor, ==, "D-Link");
		g_assert_cmpstr(cna->product, ==, models[i]);
		g_assert_null(cna->cpe);
		/* "20240403" is VulDB's disclosure date: all versions */
		g_assert_true(cna->all_versions);
		g_assert_cmpstr(cna->version_text, ==, "20240403 (date)");
		g_assert_null(cna->version_exact);

		g_assert_cmpstr(adp->vendor, ==, "dlink");
		g_assert_cmpstr(adp->product, ==, name);
		g_assert_cmpstr(adp->cpe, ==, cpe);
		g_assert_true(adp->all_versions);
		g_assert_cmpstr(adp->version_text, ==, "20240403 (date)");
	}
}

static void
test_cve5_free_text(void)
{
	g_autoptr(GPtrArray) keep_tplink = NULL;
	g_autoptr(GPtrArray) keep_hdl = NULL;
	YmAdvisory *advisory;
	YmAdvisoryProduct *product;
	const gchar *models[] = {
	    "HDL-TC1",  "HDL-TC500", "HDL-T1NV", "HDL-T1WH",
	    "HDL-T2NV", "HDL-T2WH",  "HDL-T3NV", "HDL-T3WH",
	};

	advisory = parse_shared("cve5/CVE-2023-1389.json", &keep_tplink);
	if (advisory == NULL)
		return;
	/* this stored copy predates the CISA ADP */
	g_assert_false(advisory->kev);
	g_assert_cmpfloat(advisory->cvss, ==, 0);
	g_assert_null(advisory->cvss_vector);
	g_assert_cmpint(advisory->published, ==, 1678838400);
	g_assert_cmpuint(advisory->products->len, ==, 1);
	product = product_at(advisory, 0);
	g_assert_null(product->vendor);
	g_assert_cmpstr(product->product, ==, "TP-Link Archer AX21 (AX1800)");
	g_assert_cmpstr(product->version_text, ==,
	                "All versions prior to version 1.14 Build 20230219");
	g_assert_false(product->all_versions);
	g_assert_null(product->version_end);

	advisory = parse_shared("cve5/CVE-2025-32002.json", &keep_hdl);
	if (advisory == NULL)
		return;
	/* 3.1 9.8 over 4.0 9.3 */
	g_assert_cmpfloat(advisory->cvss, ==, 9.8);
	g_assert_cmpuint(advisory->products->len, ==, G_N_ELEMENTS(models));
	for (guint i = 0; i < G_N_ELEMENTS(models); i++) {
		product = product_at(advisory, i);
		g_assert_cmpstr(product->vendor, ==, "I-O DATA DEVICE, INC.");
		g_assert_cmpstr(product->product, ==, models[i]);
		g_assert_cmpstr(product->version_text, ==, "Ver.1.21 and earlier");
		g_assert_null(product->version_end);
	}
	g_assert_false(advisory->kev);
	g_assert_cmpint(advisory->modified, ==, 1747317655);
}

static void
test_cve5_sniff(void)
{
	const gchar *other[] = {
	    "nvd/CVE-2023-1389.json",
	    "kev/known_exploited_vulnerabilities.json",
	    "nvd/api-responses/cves-1_item-0-1.json",
	};

	if (!ym_test_advisory_sniff_refuses(ym_advisory_cve5_sniff, other, G_N_ELEMENTS(other)))
		return;
	g_assert_false(ym_advisory_cve5_sniff("{}", 2));
	g_assert_false(ym_advisory_cve5_sniff("", 0));
}

static void
test_cve5_versions(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) advisories = NULL;
	YmAdvisory *advisory;
	YmAdvisoryProduct *product;
	const gchar *text =
	    "{\"dataType\": \"CVE_RECORD\", \"cveMetadata\": {\"cveId\": \"CVE-2024-0100\",\n"
	    "  \"state\": \"PUBLISHED\", \"datePublished\": \"2024-01-02T03:04:05Z\"},\n"
	    " \"containers\": {\"cna\": {\n"
	    "  \"title\": \"Acme router flaw\",\n"
	    "  \"descriptions\": [{\"lang\": \"en-US\", \"value\": \"English\"},\n"
	    "                   {\"lang\": \"ja\", \"value\": \"日本語\"}],\n"
	    "  \"affected\": [\n"
	    "   {\"vendor\": \"Acme\", \"product\": \"R1\", \"versions\": [\n"
	    "     {\"version\": \"0\", \"lessThan\": \"2.0\", \"status\": \"affected\"},\n"
	    "     {\"version\": \"n/a\", \"lessThanOrEqual\": \"3.1\", \"status\": \"affected\"},\n"
	    "     {\"version\": \"4.0\", \"lessThan\": \"4.2\", \"status\": \"affected\"},\n"
	    "     {\"version\": \"5.0\", \"lessThan\": \"*\", \"status\": \"affected\"},\n"
	    "     {\"version\": \"2.0\", \"status\": \"unaffected\"},\n"
	    "     {\"version\": \"1.5\", \"status\": \"unknown\"},\n"
	    "     {\"version\": \"abc123\", \"lessThan\": \"def456\", \"status\": \"affected\",\n"
	    "      \"versionType\": \"git\"},\n"
	    "     {\"version\": \"n/a\", \"status\": \"affected\"},\n"
	    "     {\"version\": \"2024-04-03\", \"status\": \"affected\"},\n"
	    "     {\"version\": \"1.2.3\", \"status\": \"affected\"}]},\n"
	    "   {\"vendor\": \"Acme\", \"product\": \"R2\", \"defaultStatus\": \"affected\",\n"
	    "    \"cpes\": [\"cpe:/o:acme:r2_firmware:1.0\"],\n"
	    "    \"versions\": [{\"version\": \"3.0\", \"lessThan\": \"*\", \"status\": "
	    "\"unaffected\"}]},\n"
	    "   {\"vendor\": \"Acme\", \"product\": \"R3\"},\n"
	    "   {\"vendor\": \"n/a\", \"product\": \"n/a\", \"versions\": [{\"version\": \"n/a\",\n"
	    "    \"status\": \"affected\"}]}],\n"
	    "  \"references\": [{\"url\": \"https://example.com/blog\", \"tags\": [\"exploit\"]},\n"
	    "                 {\"url\": \"javascript:alert(1)\", \"tags\": "
	    "[\"vendor-advisory\"]},\n"
	    "                 {\"url\": \"https://acme.example/psirt\", \"tags\": "
	    "[\"vendor-advisory\"]},\n"
	    "                 {\"url\": \"https://acme.example/fw\", \"tags\": [\"patch\"]}]},\n"
	    " \"adp\": [{\"metrics\": [{\"cvssV3_1\": {\"baseScore\": 9.9}}],\n"
	    "          \"tags\": [\"unsupported-when-assigned\"]}]}}";

	advisories = parse_text(text, &error);
	g_assert_no_error(error);
	g_assert_nonnull(advisories);
	g_assert_cmpuint(advisories->len, ==, 1);
	advisory = g_ptr_array_index(advisories, 0);
	g_assert_cmpstr(advisory->title_en, ==, "Acme router flaw");
	g_assert_cmpstr(advisory->summary_en, ==, "English");
	g_assert_cmpstr(advisory->summary_ja, ==, "日本語");
	g_assert_cmpint(advisory->published, ==, 1704164645);
	/* the CNA gave no score: the ADP's */
	g_assert_cmpfloat(advisory->cvss, ==, 9.9);
	g_assert_null(advisory->cvss_vector);
	g_assert_cmpstr(advisory->remediation_url, ==, "https://acme.example/psirt");
	/* an ADP tag counts, and end of life wins over the patch tag */
	g_assert_true(advisory->end_of_life);
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_NO_FIX_PLANNED);
	/* R1: 8 of 10 versions (unknown and git skipped), R2: default + 1,
	 * R3: no versions, n/a: none */
	g_assert_cmpuint(advisory->products->len, ==, 11);

	product = product_at(advisory, 0);
	g_assert_null(product->version_start);
	g_assert_cmpstr(product->version_end, ==, "2.0");
	g_assert_false(product->end_inclusive);
	g_assert_false(product->all_versions);
	product = product_at(advisory, 1);
	g_assert_null(product->version_start);
	g_assert_cmpstr(product->version_end, ==, "3.1");
	g_assert_true(product->end_inclusive);
	product = product_at(advisory, 2);
	g_assert_cmpstr(product->version_start, ==, "4.0");
	g_assert_true(product->start_inclusive);
	g_assert_cmpstr(product->version_end, ==, "4.2");
	product = product_at(advisory, 3);
	g_assert_cmpstr(product->version_start, ==, "5.0");
	g_assert_null(product->version_end);
	g_assert_false(product->all_versions);
	product = product_at(advisory, 4);
	g_assert_cmpint(product->status, ==, YM_PRODUCT_STATUS_NOT_AFFECTED);
	g_assert_cmpstr(product->version_exact, ==, "2.0");
	product = product_at(advisory, 5);
	g_assert_cmpint(product->status, ==, YM_PRODUCT_STATUS_AFFECTED);
	g_assert_true(product->all_versions);
	g_assert_null(product->version_text);
	product = product_at(advisory, 6);
	g_assert_true(product->all_versions);
	g_assert_cmpstr(product->version_text, ==, "2024-04-03 (date)");
	product = product_at(advisory, 7);
	g_assert_cmpstr(product->version_exact, ==, "1.2.3");
	g_assert_false(product->all_versions);
	g_assert_cmpstr(product->vendor, ==, "Acme");
	g_assert_cmpstr(product->product, ==, "R1");

	/* R2: the CPE 2.2 URI in 2.3 form, default affected plus the fix */
	product = product_at(advisory, 8);
	g_assert_cmpstr(product->cpe, ==, "cpe:2.3:o:acme:r2_firmware:1.0:*:*:*:*:*:*:*");
	g_assert_cmpstr(product->product, ==, "R2");
	g_assert_cmpint(product->status, ==, YM_PRODUCT_STATUS_AFFECTED);
	g_assert_true(product->all_versions);
	product = product_at(advisory, 9);
	g_assert_cmpint(product->status, ==, YM_PRODUCT_STATUS_NOT_AFFECTED);
	g_assert_cmpstr(product->version_start, ==, "3.0");
	g_assert_null(product->version_end);

	/* R3: named, no version information */
	product = product_at(advisory, 10);
	g_assert_cmpstr(product->product, ==, "R3");
	g_assert_cmpint(product->status, ==, YM_PRODUCT_STATUS_AFFECTED);
	g_assert_false(product->all_versions);
	g_assert_null(product->version_text);
	g_assert_null(product->version_exact);
	g_assert_null(product->version_end);
}

static void
test_cve5_skips(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GError) error_id = NULL;
	g_autoptr(GPtrArray) rejected = NULL;
	g_autoptr(GPtrArray) not_cve = NULL;
	g_autoptr(GPtrArray) advisories = NULL;
	YmAdvisory *advisory;

	rejected = parse_text("{\"cveMetadata\": {\"cveId\": \"CVE-2024-0101\", \"state\": "
	                      "\"REJECTED\"}, \"containers\": {\"cna\": {}}}",
	                      &error);
	g_assert_no_error(error);
	g_assert_nonnull(rejected);
	g_assert_cmpuint(rejected->len, ==, 0);

	g_test_expect_message("YmAdvisoryCve5", G_LOG_LEVEL_WARNING,
	                      "cveMetadata.cveId: \"JVNDB-2024-000001\" is not a CVE ID*");
	not_cve = parse_text("{\"cveMetadata\": {\"cveId\": \"JVNDB-2024-000001\"}, "
	                     "\"containers\": {\"cna\": {}}}",
	                     &error_id);
	g_test_assert_expected_messages();
	g_assert_no_error(error_id);
	g_assert_nonnull(not_cve);
	g_assert_cmpuint(not_cve->len, ==, 0);

	g_test_expect_message("YmAdvisoryCve5", G_LOG_LEVEL_WARNING,
	                      "containers.cna.affected[0].cpes[0]: not a CPE name*");
	/* CPE names are ASCII, in 2.3 form or once decoded from a 2.2 URI */
	g_test_expect_message("YmAdvisoryCve5", G_LOG_LEVEL_WARNING,
	                      "containers.cna.affected[0].cpes[1]: not a CPE name*");
	g_test_expect_message("YmAdvisoryCve5", G_LOG_LEVEL_WARNING,
	                      "containers.cna.affected[0].cpes[2]: not a CPE name*");
	g_test_expect_message("YmAdvisoryCve5", G_LOG_LEVEL_WARNING,
	                      "containers.cna.affected[0].versions[0].status: not affected*");
	g_test_expect_message(
	    "YmAdvisoryCve5", G_LOG_LEVEL_WARNING,
	    "containers.cna.metrics[0].cvssV3_1.baseScore: -1 is not a CVSS score*");
	advisories = parse_text(
	    "{\"cveMetadata\": {\"cveId\": \"CVE-2024-0102\"}, \"containers\": {\"cna\": {"
	    "\"affected\": [{\"vendor\": \"Acme\", \"product\": \"R1\", \"cpes\": [\"acme r1\", "
	    "\"cpe:2.3:o:acme:ré:*:*:*:*:*:*:*:*\", \"cpe:/o:acme:r%C3%A9\"], "
	    "\"versions\": [{\"version\": \"1.0\"}, {\"version\": \"1.1\", \"status\": "
	    "\"affected\"}]}], \"metrics\": [{\"cvssV3_1\": {\"baseScore\": -1}}]}}}",
	    &error);
	g_test_assert_expected_messages();
	g_assert_no_error(error);
	g_assert_nonnull(advisories);
	g_assert_cmpuint(advisories->len, ==, 1);
	advisory = g_ptr_array_index(advisories, 0);
	g_assert_cmpuint(advisory->products->len, ==, 1);
	g_assert_cmpstr(product_at(advisory, 0)->version_exact, ==, "1.1");
	g_assert_null(product_at(advisory, 0)->cpe);
	g_assert_cmpfloat(advisory->cvss, ==, 0);
}

typedef struct {
	const gchar *text;
	gint code;
	const gchar *message; /* a glob */
} BrokenCase;

static void
test_cve5_broken(void)
{
	const BrokenCase cases[] = {
	    {"", YM_ERROR_INVALID_DATA, "empty input"},
	    {"{}", YM_ERROR_INVALID_DATA, "cveMetadata: missing"},
	    {"{\"cveMetadata\": {\"cveId\": \"CVE-2024-0001\"}}", YM_ERROR_INVALID_DATA,
	     "containers: missing"},
	    {"{\"cveMetadata\": {\"cveId\": \"CVE-2024-0001\"}, \"containers\": {}}",
	     YM_ERROR_INVALID_DATA, "containers.cna: missing"},
	    {"{\"cveMetadata\": {\"cveId\": 2024}}", YM_ERROR_INVALID_DATA,
	     "cveMetadata.cveId: expected a string"},
	    {"{\"dataType\": \"CVE_RECORD\", \"cveMetadata\": {\"cveId\": \"CVE-2024-0001\"}, "
	     "\"containers\": {\"cna\": {\"affected\": [{\"vendor\": \"a\", \"versions\": ",
	     YM_ERROR_INVALID_DATA, "invalid JSON: *"},
	    {"{\"dataType\": \"CVE_RECORD_LIST\"}", YM_ERROR_NOT_SUPPORTED, "dataType: *"},
	    {"{\"cveMetadata\": {\"cveId\": \"CVE-2024-0001\"}, \"containers\": {\"cna\": {}, "
	     "\"adp\": [{\"affected\": [{\"vendor\": \"a\", \"cpes\": "
	     "[\"cpe:2.3:o:a:b:*:*:*:*:*:*:*:*"
	     "\", 5]}]}]}}",
	     YM_ERROR_INVALID_DATA, "containers.adp[0].affected[0].cpes[1]: expected a string"},
	    {"{\"cveMetadata\": {\"cveId\": \"CVE-2024-0001\"}, \"containers\": {\"cna\": "
	     "{\"affected\": [{\"product\": \"p\", \"versions\": [{\"version\": 1.0, \"status\": "
	     "\"affected\"}]}]}}}",
	     YM_ERROR_INVALID_DATA,
	     "containers.cna.affected[0].versions[0].version: expected a string"},
	    {"{\"cveMetadata\": {\"cveId\": \"CVE-2024-0001\"}, \"containers\": {\"cna\": "
	     "{\"metrics\": [{\"other\": {\"type\": [\"kev\"]}}]}}}",
	     YM_ERROR_INVALID_DATA, "containers.cna.metrics[0].other.type: expected a string"},
	    {"{\"cveMetadata\": {\"cveId\": \"CVE-2024-0001\"}, \"containers\": {\"cna\": "
	     "{\"tags\": \"unsupported-when-assigned\"}}}",
	     YM_ERROR_INVALID_DATA, "containers.cna.tags: expected an array"},
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
test_cve5_limits(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GError) error_truncated = NULL;
	g_autoptr(GString) deep = g_string_new("{\"cveMetadata\": ");
	g_autoptr(GPtrArray) advisories = ym_test_advisory_array_new();
	g_autofree gchar *data = NULL;
	gsize length = 0;

	for (guint i = 0; i < 100000; i++)
		g_string_append(deep, "{\"a\":[");
	g_assert_false(ym_advisory_parse_cve5(deep->str, deep->len, ym_test_advisory_collect,
	                                      advisories, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "JSON nested deeper than 64 levels"));
	g_assert_false(ym_advisory_cve5_sniff(deep->str, deep->len));

	data = ym_test_shared_advisory_contents("cve5/CVE-2021-36260.json", &length);
	if (data == NULL)
		return;
	g_assert_false(ym_advisory_parse_cve5(data, length - 2, ym_test_advisory_collect,
	                                      advisories, &error_truncated));
	g_assert_error(error_truncated, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_cmpuint(advisories->len, ==, 0);
}

static void
test_cve5_sink_stops(void)
{
	g_autofree gchar *data = NULL;
	g_autoptr(GError) error = NULL;
	guint calls = 0;
	gsize length = 0;

	data = ym_test_shared_advisory_contents("cve5/CVE-2024-3273.json", &length);
	if (data == NULL)
		return;
	g_assert_false(
	    ym_advisory_parse_cve5(data, length, ym_test_advisory_refuse, &calls, &error));
	g_assert_error(error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
	g_assert_cmpuint(calls, ==, 1);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/advisory-cve5/iodata-adp", test_cve5_iodata_adp);
	g_test_add_func("/ym/advisory-cve5/hikvision", test_cve5_hikvision);
	g_test_add_func("/ym/advisory-cve5/dlink", test_cve5_dlink);
	g_test_add_func("/ym/advisory-cve5/free-text", test_cve5_free_text);
	g_test_add_func("/ym/advisory-cve5/sniff", test_cve5_sniff);
	g_test_add_func("/ym/advisory-cve5/versions", test_cve5_versions);
	g_test_add_func("/ym/advisory-cve5/skips", test_cve5_skips);
	g_test_add_func("/ym/advisory-cve5/broken", test_cve5_broken);
	g_test_add_func("/ym/advisory-cve5/limits", test_cve5_limits);
	g_test_add_func("/ym/advisory-cve5/sink-stops", test_cve5_sink_stops);
	return g_test_run();
}
