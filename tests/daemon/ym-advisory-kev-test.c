/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* expected values were read from the sample files with python3, the
 * remediation counts from a separate python implementation of the rule
 * documented in ym-advisory-kev.c */

#include "config.h"

#include <string.h>

#include "common/ym-error.h"
#include "ym-advisory-json-test-common.h"
#include "ym-advisory-kev.h"

static GPtrArray *
parse_shared(const gchar *name, YmKevInfo *info)
{
	g_autofree gchar *data = NULL;
	g_autoptr(GPtrArray) advisories = ym_test_advisory_array_new();
	g_autoptr(GError) error = NULL;
	gsize length = 0;

	data = ym_test_shared_advisory_contents(name, &length);
	if (data == NULL)
		return NULL;
	g_assert_true(ym_advisory_kev_sniff(data, length));
	g_assert_true(ym_advisory_parse_kev(data, length, info, ym_test_advisory_collect,
	                                    advisories, &error));
	g_assert_no_error(error);
	return g_steal_pointer(&advisories);
}

static GPtrArray *
parse_text(const gchar *text, YmKevInfo *info, GError **error)
{
	g_autoptr(GPtrArray) advisories = ym_test_advisory_array_new();
	if (!ym_advisory_parse_kev(text, strlen(text), info, ym_test_advisory_collect, advisories,
	                           error))
		return NULL;
	return g_steal_pointer(&advisories);
}

/* every KEV advisory is a flag: one name-only product, never a version */
static void
check_kev_shape(YmAdvisory *advisory)
{
	YmAdvisoryProduct *product;

	g_assert_cmpint(advisory->source, ==, YM_ADVISORY_SOURCE_KEV);
	g_assert_true(advisory->kev);
	g_assert_cmpuint(advisory->cves->len, ==, 1);
	g_assert_cmpstr(g_ptr_array_index(advisory->cves, 0), ==, advisory->id);
	g_assert_cmpfloat(advisory->cvss, ==, 0);
	g_assert_cmpint(advisory->modified, ==, 0);
	g_assert_cmpint(advisory->published, >, 0);
	g_assert_cmpuint(advisory->products->len, ==, 1);
	product = g_ptr_array_index(advisory->products, 0);
	g_assert_cmpint(product->status, ==, YM_PRODUCT_STATUS_AFFECTED);
	g_assert_false(product->all_versions);
	g_assert_null(product->cpe);
	g_assert_null(product->platform_cpe);
	g_assert_null(product->version_exact);
	g_assert_null(product->version_start);
	g_assert_null(product->version_end);
	g_assert_null(product->version_text);
	g_assert_null(product->fixed_version);
}

static void
test_kev_catalogue(void)
{
	g_autoptr(GPtrArray) advisories = NULL;
	YmKevInfo info = {0};
	guint counts[YM_REMEDIATION_LAST] = {0};
	guint end_of_life = 0;
	guint urls = 0;
	YmAdvisory *advisory;
	YmAdvisoryProduct *product;

	advisories = parse_shared("kev/known_exploited_vulnerabilities.json", &info);
	if (advisories == NULL)
		return;
	g_assert_cmpstr(info.catalog_version, ==, "2025.08.25");
	/* 2025-08-25T17:04:19.9796Z */
	g_assert_cmpint(info.date_released, ==, 1756141459);
	g_assert_cmpuint(info.count, ==, 1404);
	ym_kev_info_clear(&info);
	g_assert_null(info.catalog_version);
	g_assert_cmpuint(advisories->len, ==, 1404);

	for (guint i = 0; i < advisories->len; i++) {
		advisory = g_ptr_array_index(advisories, i);
		check_kev_shape(advisory);
		counts[advisory->remediation]++;
		if (advisory->end_of_life) {
			end_of_life++;
			g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_NO_FIX_PLANNED);
		}
		if (advisory->remediation_url != NULL) {
			urls++;
			g_assert_true(g_str_has_prefix(advisory->remediation_url, "http"));
			g_assert_null(strstr(advisory->remediation_url, "cisa.gov/"));
			g_assert_null(strstr(advisory->remediation_url, "nvd.nist.gov/"));
		}
	}
	g_assert_cmpuint(counts[YM_REMEDIATION_VENDOR_FIX], ==, 917);
	g_assert_cmpuint(counts[YM_REMEDIATION_MITIGATION], ==, 409);
	g_assert_cmpuint(counts[YM_REMEDIATION_NO_FIX_PLANNED], ==, 77);
	g_assert_cmpuint(counts[YM_REMEDIATION_UNKNOWN], ==, 1);
	g_assert_cmpuint(end_of_life, ==, 77);
	g_assert_cmpuint(urls, ==, 616);

	/* newest first */
	advisory = g_ptr_array_index(advisories, 0);
	g_assert_cmpint(advisory->published, >=,
	                ((YmAdvisory *) g_ptr_array_index(advisories, 1403))->published);

	advisory = ym_test_advisory_find(advisories, "CVE-2023-1389");
	g_assert_nonnull(advisory);
	product = g_ptr_array_index(advisory->products, 0);
	g_assert_cmpstr(product->vendor, ==, "TP-Link");
	g_assert_cmpstr(product->product, ==, "Archer AX21");
	g_assert_cmpstr(advisory->title_en, ==,
	                "TP-Link Archer AX-21 Command Injection Vulnerability");
	g_assert_cmpstr(
	    advisory->summary_en, ==,
	    "TP-Link Archer AX-21 contains a command injection vulnerability that allows "
	    "for remote code execution.");
	/* dateAdded 2023-05-01 */
	g_assert_cmpint(advisory->published, ==, 1682899200);
	g_assert_false(advisory->end_of_life);
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_VENDOR_FIX);
	/* "…/v3/#Firmware;  https://nvd…": the separator is not part of it */
	g_assert_cmpstr(advisory->remediation_url, ==,
	                "https://www.tp-link.com/us/support/download/archer-ax21/v3/#Firmware");

	/* "All associated hardware revisions have reached their end-of-life" */
	advisory = ym_test_advisory_find(advisories, "CVE-2024-3273");
	g_assert_nonnull(advisory);
	product = g_ptr_array_index(advisory->products, 0);
	g_assert_cmpstr(product->vendor, ==, "D-Link");
	g_assert_cmpstr(product->product, ==, "Multiple NAS Devices");
	g_assert_true(advisory->end_of_life);
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_NO_FIX_PLANNED);
	g_assert_cmpstr(advisory->remediation_url, ==,
	                "https://supportannouncement.us.dlink.com/security/"
	                "publication.aspx?name=SAP10383");
	g_assert_cmpint(advisory->published, ==, 1712793600);

	/* end of life said in shortDescription; the title loses its leading space */
	advisory = ym_test_advisory_find(advisories, "CVE-2024-0769");
	g_assert_nonnull(advisory);
	g_assert_cmpstr(advisory->title_en, ==,
	                "D-Link DIR-859 Router Path Traversal Vulnerability");
	g_assert_true(advisory->end_of_life);

	/* "Apply mitigations per vendor instructions or discontinue use …" */
	advisory = ym_test_advisory_find(advisories, "CVE-2024-3400");
	g_assert_nonnull(advisory);
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_MITIGATION);
	g_assert_false(advisory->end_of_life);

	/* "…-2018-5430;https://nvd.nist.gov/…": no space after the separator */
	advisory = ym_test_advisory_find(advisories, "CVE-2018-5430");
	g_assert_nonnull(advisory);
	g_assert_cmpstr(advisory->remediation_url, ==,
	                "https://www.tibco.com/support/advisories/2018/04/"
	                "tibco-security-advisory-april-17-2018-tibco-jasperreports-2018-5430");

	/* only an nvd.nist.gov link: no vendor URL */
	advisory = ym_test_advisory_find(advisories, "CVE-2021-36260");
	g_assert_nonnull(advisory);
	g_assert_null(advisory->remediation_url);
	product = g_ptr_array_index(advisory->products, 0);
	g_assert_cmpstr(product->vendor, ==, "Hikvision");
	g_assert_cmpstr(product->product, ==, "Security cameras web server");
}

static void
test_kev_older(void)
{
	g_autoptr(GPtrArray) advisories = NULL;
	YmKevInfo info = {0};
	guint counts[YM_REMEDIATION_LAST] = {0};
	guint urls = 0;

	advisories = parse_shared("kev/known_exploited_vulnerabilities_2025-06-10.json", &info);
	if (advisories == NULL)
		return;
	g_assert_cmpstr(info.catalog_version, ==, "2025.06.10");
	g_assert_cmpint(info.date_released, ==, 1749575143);
	g_assert_cmpuint(info.count, ==, 1364);
	g_assert_cmpuint(advisories->len, ==, 1364);
	ym_kev_info_clear(&info);
	for (guint i = 0; i < advisories->len; i++) {
		YmAdvisory *advisory = g_ptr_array_index(advisories, i);
		check_kev_shape(advisory);
		counts[advisory->remediation]++;
		if (advisory->remediation_url != NULL)
			urls++;
	}
	g_assert_cmpuint(counts[YM_REMEDIATION_VENDOR_FIX], ==, 917);
	g_assert_cmpuint(counts[YM_REMEDIATION_MITIGATION], ==, 373);
	g_assert_cmpuint(counts[YM_REMEDIATION_NO_FIX_PLANNED], ==, 73);
	g_assert_cmpuint(counts[YM_REMEDIATION_UNKNOWN], ==, 1);
	g_assert_cmpuint(urls, ==, 578);
	g_assert_nonnull(ym_test_advisory_find(advisories, "CVE-2023-1389"));
	/* added on 2025-06-25, after this catalogue */
	g_assert_null(ym_test_advisory_find(advisories, "CVE-2024-0769"));
}

static void
test_kev_sniff(void)
{
	const gchar *other[] = {
	    "kev/known_exploited_vulnerabilities_schema.json",
	    "nvd/api-responses/cves-moddate-0-3.json",
	    "cve5/CVE-2024-3273.json",
	};

	if (!ym_test_advisory_sniff_refuses(ym_advisory_kev_sniff, other, G_N_ELEMENTS(other)))
		return;
}

static void
test_kev_rules(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) advisories = NULL;
	YmKevInfo info = {0};
	YmAdvisory *advisory;
	const gchar *text =
	    "{\"catalogVersion\": \"1\", \"count\": 6, \"vulnerabilities\": [\n"
	    " {\"cveID\": \"CVE-2024-0001\", \"requiredAction\": \"Apply updates per vendor "
	    "instructions or disconnect product if it is end-of-life.\",\n"
	    "  \"notes\": \"https://www.cisa.gov/x ; (https://vendor.example/a?b=1), "
	    "https://vendor.example/second\"},\n"
	    " {\"cveID\": \"CVE-2024-0002\", \"requiredAction\": \"The impacted product could be "
	    "end-of-life (EoL). Users should discontinue product utilization if a current "
	    "mitigation is unavailable.\", \"notes\": \"ftp://vendor.example/x\"},\n"
	    " {\"cveID\": \"CVE-2024-0003\", \"requiredAction\": \"Apply mitigations.\",\n"
	    "  \"notes\": \"The device is no longer supported. https://nvd.nist.gov/x\"},\n"
	    " {\"cveID\": \"CVE-2024-0004\", \"requiredAction\": \"Contact the vendor.\",\n"
	    "  \"notes\": \"https://vendor.example/end-of-life.html\"},\n"
	    " {\"cveID\": \"CVE-2024-0005\", \"vendorProject\": \"\", \"product\": \"\"},\n"
	    " {\"cveID\": \"CVE-2024-0006\", \"vendorProject\": \"Acme\"}\n"
	    "]}";

	advisories = parse_text(text, &info, &error);
	g_assert_no_error(error);
	g_assert_nonnull(advisories);
	g_assert_cmpuint(advisories->len, ==, 6);
	g_assert_cmpuint(info.count, ==, 6);
	g_assert_cmpint(info.date_released, ==, 0);
	ym_kev_info_clear(&info);

	/* a condition before "end-of-life" */
	advisory = g_ptr_array_index(advisories, 0);
	g_assert_false(advisory->end_of_life);
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_VENDOR_FIX);
	g_assert_cmpstr(advisory->remediation_url, ==, "https://vendor.example/a?b=1");
	advisory = g_ptr_array_index(advisories, 1);
	g_assert_false(advisory->end_of_life);
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_MITIGATION);
	g_assert_null(advisory->remediation_url);
	/* said in the notes */
	advisory = g_ptr_array_index(advisories, 2);
	g_assert_true(advisory->end_of_life);
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_NO_FIX_PLANNED);
	g_assert_null(advisory->remediation_url);
	/* in a URL only: not said */
	advisory = g_ptr_array_index(advisories, 3);
	g_assert_false(advisory->end_of_life);
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_UNKNOWN);
	g_assert_cmpstr(advisory->remediation_url, ==, "https://vendor.example/end-of-life.html");
	/* no names: no product */
	advisory = g_ptr_array_index(advisories, 4);
	g_assert_cmpuint(advisory->products->len, ==, 0);
	g_assert_cmpint(advisory->published, ==, 0);
	g_assert_null(advisory->title_en);
	advisory = g_ptr_array_index(advisories, 5);
	g_assert_cmpuint(advisory->products->len, ==, 1);
	g_assert_cmpstr(((YmAdvisoryProduct *) g_ptr_array_index(advisory->products, 0))->vendor,
	                ==, "Acme");
	g_assert_null(((YmAdvisoryProduct *) g_ptr_array_index(advisory->products, 0))->product);
}

static void
test_kev_skips(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) advisories = NULL;
	YmKevInfo info = {0};

	g_test_expect_message("YmAdvisoryKev", G_LOG_LEVEL_WARNING,
	                      "count says 5 entries but the catalogue has 4");
	g_test_expect_message("YmAdvisoryKev", G_LOG_LEVEL_WARNING,
	                      "vulnerabilities[0].cveID: \"\" is not a CVE ID*");
	g_test_expect_message("YmAdvisoryKev", G_LOG_LEVEL_WARNING,
	                      "vulnerabilities[1].cveID: \"CVE-24-1\" is not a CVE ID*");
	/* values quoted in messages are cut and escaped */
	g_test_expect_message(
	    "YmAdvisoryKev", G_LOG_LEVEL_WARNING,
	    "vulnerabilities[2].cveID: \"\\033[31mCVE\\n0123456789012345678901234567890\" "
	    "is not a CVE ID*");
	advisories = parse_text(
	    "{\"count\": 5, \"vulnerabilities\": [{\"product\": \"x\"}, "
	    "{\"cveID\": \"CVE-24-1\"}, "
	    "{\"cveID\": \"\\u001b[31mCVE\\n01234567890123456789012345678901234567890\"}, "
	    "{\"cveID\": \"cve-2024-0007\"}]}",
	    &info, &error);
	g_test_assert_expected_messages();
	g_assert_no_error(error);
	g_assert_nonnull(advisories);
	g_assert_cmpuint(advisories->len, ==, 1);
	g_assert_cmpstr(((YmAdvisory *) g_ptr_array_index(advisories, 0))->id, ==, "CVE-2024-0007");
	g_assert_cmpuint(info.count, ==, 5);
	g_assert_null(info.catalog_version);
	ym_kev_info_clear(&info);
}

typedef struct {
	const gchar *text;
	const gchar *message; /* a glob */
} BrokenCase;

static void
test_kev_broken(void)
{
	const BrokenCase cases[] = {
	    {"", "empty input"},
	    {"{}", "vulnerabilities: missing"},
	    {"{\"vulnerabilities\": null}", "vulnerabilities: missing"},
	    {"{\"vulnerabilities\": \"x\"}", "vulnerabilities: expected an array"},
	    {"{\"count\": \"1404\", \"vulnerabilities\": []}", "count: expected an integer"},
	    {"{\"catalogVersion\": 2025.08, \"vulnerabilities\": []}",
	     "catalogVersion: expected a string"},
	    {"{\"vulnerabilities\": [{\"cveID\": \"CVE-2024-0001\"}, {\"cveID\": "
	     "\"CVE-2024-0002\", "
	     "\"product\": {\"name\": \"x\"}}]}",
	     "vulnerabilities[1].product: expected a string"},
	    {"{\"vulnerabilities\": [{\"cveID\": \"CVE-2024-0001\"}, []]}",
	     "vulnerabilities[1]: expected an object"},
	    {"{\"vulnerabilities\": [{\"cveID\": \"CVE-2024-0001\"", "invalid JSON: *"},
	    {"{\"vulnerabilities\": []}\n\x00{}", "not UTF-8 text (or a NUL byte) at byte 24"},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(GPtrArray) advisories = ym_test_advisory_array_new();
		/* the NUL case needs its real length */
		gsize length = i == G_N_ELEMENTS(cases) - 1 ? 27 : strlen(cases[i].text);
		g_assert_false(ym_advisory_parse_kev(cases[i].text, length, NULL,
		                                     ym_test_advisory_collect, advisories, &error));
		g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
		if (!g_pattern_match_simple(cases[i].message, error->message))
			g_error("case %u: \"%s\" does not match \"%s\"", i, error->message,
			        cases[i].message);
	}
}

static void
test_kev_limits(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GError) error_truncated = NULL;
	g_autoptr(GString) deep = g_string_new("{\"vulnerabilities\": ");
	g_autoptr(GPtrArray) advisories = ym_test_advisory_array_new();
	g_autofree gchar *data = NULL;
	YmKevInfo info = {0};
	gsize length = 0;

	for (guint i = 0; i < 100000; i++)
		g_string_append_c(deep, '[');
	g_assert_false(ym_advisory_parse_kev(deep->str, deep->len, &info, ym_test_advisory_collect,
	                                     advisories, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_cmpstr(error->message, ==, "JSON nested deeper than 64 levels at byte 83");
	g_assert_false(ym_advisory_kev_sniff(deep->str, deep->len));

	/* the whole catalogue cut short before its last entry closes */
	data =
	    ym_test_shared_advisory_contents("kev/known_exploited_vulnerabilities.json", &length);
	if (data == NULL)
		return;
	g_assert_false(ym_advisory_parse_kev(data, length - 10, &info, ym_test_advisory_collect,
	                                     advisories, &error_truncated));
	g_assert_error(error_truncated, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error_truncated->message, "invalid JSON: "));
	g_assert_cmpuint(advisories->len, ==, 0);
	g_assert_null(info.catalog_version);
}

static void
test_kev_sink_stops(void)
{
	g_autofree gchar *data = NULL;
	g_autoptr(GError) error = NULL;
	YmKevInfo info = {0};
	guint calls = 0;
	gsize length = 0;

	data =
	    ym_test_shared_advisory_contents("kev/known_exploited_vulnerabilities.json", &length);
	if (data == NULL)
		return;
	g_assert_false(
	    ym_advisory_parse_kev(data, length, &info, ym_test_advisory_refuse, &calls, &error));
	g_assert_error(error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
	g_assert_cmpuint(calls, ==, 1);
	/* the header was read before the entries */
	g_assert_cmpstr(info.catalog_version, ==, "2025.08.25");
	ym_kev_info_clear(&info);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/advisory-kev/catalogue", test_kev_catalogue);
	g_test_add_func("/ym/advisory-kev/older", test_kev_older);
	g_test_add_func("/ym/advisory-kev/sniff", test_kev_sniff);
	g_test_add_func("/ym/advisory-kev/rules", test_kev_rules);
	g_test_add_func("/ym/advisory-kev/skips", test_kev_skips);
	g_test_add_func("/ym/advisory-kev/broken", test_kev_broken);
	g_test_add_func("/ym/advisory-kev/limits", test_kev_limits);
	g_test_add_func("/ym/advisory-kev/sink-stops", test_kev_sink_stops);
	return g_test_run();
}
