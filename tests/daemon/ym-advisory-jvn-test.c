/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * expected values of the shared samples were read from the files with
 * python3 (xml.etree, json) and the times converted with
 * datetime.fromisoformat; crafted documents are our own
 */

#include "config.h"

#include <string.h>

#include "ym-advisory-json-test-common.h"
#include "ym-advisory-jvn.h"
#include "ym-error.h"

typedef gboolean (*JvnParseFunc)(const gchar *data,
                                 gsize length,
                                 YmAdvisorySink sink,
                                 gpointer user_data,
                                 GError **error);

static gboolean
collect_cb(YmAdvisory *advisory, gpointer user_data, GError **error)
{
	GPtrArray *advisories = user_data;
	g_assert_nonnull(advisory->id);
	g_assert_cmpint(advisory->source, ==, YM_ADVISORY_SOURCE_JVN);
	g_ptr_array_add(advisories, ym_test_advisory_copy(advisory));
	return TRUE;
}

/* the shared sample, or NULL (and the test skipped) when absent outside CI */
static gchar *
load_sample(const gchar *name, gsize *length)
{
	g_autofree gchar *relative = g_build_filename("jvn", name, NULL);
	return ym_test_shared_advisory_contents(relative, length);
}

/* parses a sample that must parse; NULL when skipped */
static GPtrArray *
parse_sample(JvnParseFunc func, const gchar *name)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) advisories = ym_test_advisory_array_new();
	g_autofree gchar *data = NULL;
	gsize length = 0;
	gboolean ok;

	data = load_sample(name, &length);
	if (data == NULL)
		return NULL;
	ok = func(data, length, collect_cb, advisories, &error);
	g_assert_no_error(error);
	g_assert_true(ok);
	return g_steal_pointer(&advisories);
}

/* parses a sample that must fail with @code; FALSE when skipped */
static gboolean
parse_sample_fails(JvnParseFunc func, const gchar *name, gint code, GError **error)
{
	g_autoptr(GPtrArray) advisories = ym_test_advisory_array_new();
	g_autofree gchar *data = NULL;
	gsize length = 0;

	data = load_sample(name, &length);
	if (data == NULL)
		return FALSE;
	g_assert_false(func(data, length, collect_cb, advisories, error));
	g_assert_error(*error, YM_ERROR, code);
	return TRUE;
}

static GPtrArray *
parse_text(JvnParseFunc func, const gchar *text, GError **error)
{
	GPtrArray *advisories = ym_test_advisory_array_new();
	func(text, strlen(text), collect_cb, advisories, error);
	return advisories;
}

static YmAdvisory *
advisory_at(GPtrArray *advisories, guint i)
{
	g_assert_cmpuint(i, <, advisories->len);
	return g_ptr_array_index(advisories, i);
}

static YmAdvisoryProduct *
product_at(YmAdvisory *advisory, guint i)
{
	g_assert_cmpuint(i, <, advisory->products->len);
	return g_ptr_array_index(advisory->products, i);
}

static const gchar *
cve_at(YmAdvisory *advisory, guint i)
{
	g_assert_cmpuint(i, <, advisory->cves->len);
	return g_ptr_array_index(advisory->cves, i);
}

static YmAdvisory *
find_advisory(GPtrArray *advisories, const gchar *id)
{
	for (guint i = 0; i < advisories->len; i++) {
		YmAdvisory *advisory = g_ptr_array_index(advisories, i);
		if (g_strcmp0(advisory->id, id) == 0)
			return advisory;
	}
	g_error("no advisory %s", id);
	return NULL;
}

/* the product named @name for @cve (NULL: the entry for all CVEs) */
static YmAdvisoryProduct *
find_product(YmAdvisory *advisory, const gchar *name, const gchar *cve)
{
	for (guint i = 0; i < advisory->products->len; i++) {
		YmAdvisoryProduct *product = g_ptr_array_index(advisory->products, i);
		if (g_strcmp0(product->product, name) == 0 && g_strcmp0(product->cve, cve) == 0)
			return product;
	}
	g_error("%s: no product %s for %s", advisory->id, name, cve != NULL ? cve : "all CVEs");
	return NULL;
}

static void
assert_ids(GPtrArray *advisories, const gchar *const *ids)
{
	g_assert_cmpuint(advisories->len, ==, g_strv_length((gchar **) ids));
	for (guint i = 0; ids[i] != NULL; i++)
		g_assert_cmpstr(advisory_at(advisories, i)->id, ==, ids[i]);
}

static void
assert_no_version(const YmAdvisoryProduct *product)
{
	g_assert_false(product->all_versions);
	g_assert_null(product->version_exact);
	g_assert_null(product->version_start);
	g_assert_null(product->version_end);
}

static void
test_vuldef_datafeed_routers(void)
{
	g_autoptr(GPtrArray) advisories = NULL;
	const gchar *ids[] = {
	    "JVNDB-2025-000001", "JVNDB-2025-000002", "JVNDB-2025-000003", "JVNDB-2017-009608",
	    "JVNDB-2018-009328", "JVNDB-2021-002774", "JVNDB-2022-000097", NULL};
	YmAdvisory *planex;
	YmAdvisory *nec;
	YmAdvisoryProduct *product;

	advisories = parse_sample(ym_advisory_parse_jvn_vuldef,
	                          "myjvn-api-examples/hnd/dataFeed_jvndb_detail_hnd.xml");
	if (advisories == NULL)
		return;
	assert_ids(advisories, ids);

	/* Planex MZK-DP300N: the vendor's own page beats JVN's copy */
	planex = advisory_at(advisories, 0);
	g_assert_cmpuint(planex->cves->len, ==, 1);
	g_assert_cmpstr(cve_at(planex, 0), ==, "CVE-2025-21603");
	g_assert_cmpstr(planex->title_ja, ==,
	                "プラネックス製MZK-DP300Nにおけるクロスサイトスクリプティングの脆弱性");
	g_assert_null(planex->title_en);
	g_assert_null(planex->summary_en);
	g_assert_true(g_str_has_prefix(planex->summary_ja,
	                               "プラネックスコミュニケーションズ株式会社が"
	                               "提供する無線LANルーターMZK-DP300N"));
	g_assert_cmpfloat(planex->cvss, ==, 4.8);
	g_assert_cmpstr(planex->cvss_vector, ==, "CVSS:3.0/AV:N/AC:L/PR:H/UI:R/S:C/C:L/I:L/A:N");
	g_assert_cmpint(planex->remediation, ==, YM_REMEDIATION_VENDOR_FIX);
	g_assert_false(planex->end_of_life);
	g_assert_cmpstr(planex->remediation_url, ==,
	                "https://www.planex.co.jp/support/download/mzk-dp300n/");
	/* 2025-01-08T12:16:23+09:00, twice */
	g_assert_cmpint(planex->published, ==, 1736306183);
	g_assert_cmpint(planex->modified, ==, 1736306183);
	g_assert_cmpuint(planex->products->len, ==, 1);
	product = product_at(planex, 0);
	g_assert_cmpint(product->status, ==, YM_PRODUCT_STATUS_AFFECTED);
	g_assert_cmpstr(product->vendor, ==, "プラネックスコミュニケーションズ株式会社");
	g_assert_cmpstr(product->product, ==, "MZK-DP300N");
	g_assert_cmpstr(product->cpe, ==, "cpe:2.3:o:planex:mzk-dp300n:*:*:*:*:*:*:*:*");
	g_assert_cmpstr(product->version_text, ==, "ファームウェアバージョン 1.05およびそれ以前");
	g_assert_null(product->cve);
	assert_no_version(product);

	/* NEC Aterm NV25-003: 11 AffectedItems, six of them naming two CVEs */
	nec = advisory_at(advisories, 1);
	g_assert_cmpstr(nec->title_ja, ==, "NEC Atermシリーズにおける複数の脆弱性（NV25-003）");
	g_assert_cmpuint(nec->cves->len, ==, 3);
	g_assert_cmpstr(cve_at(nec, 0), ==, "CVE-2025-0354");
	g_assert_cmpstr(cve_at(nec, 1), ==, "CVE-2025-0355");
	g_assert_cmpstr(cve_at(nec, 2), ==, "CVE-2025-0356");
	/* the escaped list markup is gone, its words are not */
	g_assert_nonnull(strstr(nec->summary_ja, "格納型クロスサイトスクリプティング（CWE-79）"));
	g_assert_null(strstr(nec->summary_ja, "<li>"));
	g_assert_null(strstr(nec->summary_ja, "<ul>"));
	g_assert_cmpfloat(nec->cvss, ==, 7.5);
	g_assert_cmpstr(nec->cvss_vector, ==, "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
	g_assert_cmpint(nec->remediation, ==, YM_REMEDIATION_VENDOR_FIX);
	/* only JVN's page carries the vendor statement */
	g_assert_cmpstr(nec->remediation_url, ==, "https://jvn.jp/jp/JVN65447879/6443/index.html");
	g_assert_cmpint(nec->published, ==, 1739510544);
	g_assert_cmpuint(nec->products->len, ==, 3 * 1 + 6 * 2 + 2 * 1);
	for (guint i = 0; i < nec->products->len; i++) {
		product = product_at(nec, i);
		g_assert_cmpstr(product->vendor, ==, "日本電気");
		g_assert_nonnull(product->cve);
		g_assert_true(g_str_has_prefix(product->cpe, "cpe:2.3:o:nec:aterm_"));
		assert_no_version(product);
	}
	product = find_product(nec, "Aterm WX3600HP ファームウェア", "CVE-2025-0356");
	g_assert_cmpstr(product->cpe, ==, "cpe:2.3:o:nec:aterm_wx3600hp_firmware:*:*:*:*:*:*:*:*");
	g_assert_cmpstr(product->version_text, ==, "Ver.1.5.3より前のバージョン（CVE-2025-0356）");
	product = find_product(nec, "Aterm GB1200PE ファームウェア", "CVE-2025-0355");
	g_assert_cmpstr(product->cpe, ==, "cpe:2.3:o:nec:aterm_gb1200pe_firmware:*:*:*:*:*:*:*:*");
	g_assert_cmpstr(product->version_text, ==, "Ver.1.3.0より前のバージョン（CVE-2025-0355）");
	for (guint i = 0; i < 2; i++) {
		const gchar *cve = i == 0 ? "CVE-2025-0354" : "CVE-2025-0355";
		product = find_product(nec, "Aterm WX4200D5 ファームウェア", cve);
		g_assert_cmpstr(product->cpe, ==,
		                "cpe:2.3:o:nec:aterm_wx4200d5_firmware:*:*:*:*:*:*:*:*");
		g_assert_cmpstr(product->version_text, ==,
		                "Ver.1.2.4より前のバージョン（CVE-2025-0354、CVE-2025-0355）");
		product = find_product(nec, "Aterm WG2600HS2 ファームウェア", cve);
		g_assert_cmpstr(product->version_text, ==,
		                "Ver.1.3.2より前のバージョン（CVE-2025-0354、CVE-2025-0355）");
	}
	/* WX4200D5 is not affected by the OS command injection */
	for (guint i = 0; i < nec->products->len; i++) {
		product = product_at(nec, i);
		if (g_strcmp0(product->cve, "CVE-2025-0356") == 0)
			g_assert_true(g_str_has_prefix(product->product, "Aterm WX1500HP") ||
			              g_str_has_prefix(product->product, "Aterm WX3600HP"));
	}
}

static void
test_vuldef_datafeed_others(void)
{
	g_autoptr(GPtrArray) advisories = NULL;
	YmAdvisory *advisory;
	YmAdvisoryProduct *product;

	advisories = parse_sample(ym_advisory_parse_jvn_vuldef,
	                          "myjvn-api-examples/hnd/dataFeed_jvndb_detail_hnd.xml");
	if (advisories == NULL)
		return;

	/* an empty VersionNumber: the product stays, without any version */
	advisory = find_advisory(advisories, "JVNDB-2017-009608");
	g_assert_cmpuint(advisory->cves->len, ==, 1);
	g_assert_cmpstr(cve_at(advisory, 0), ==, "CVE-2017-14937");
	/* v3 4.7 beats v2 1.9 */
	g_assert_cmpfloat(advisory->cvss, ==, 4.7);
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_UNKNOWN);
	g_assert_null(advisory->remediation_url);
	g_assert_cmpuint(advisory->products->len, ==, 1);
	product = product_at(advisory, 0);
	g_assert_cmpstr(product->vendor, ==, "PCU");
	g_assert_cmpstr(product->cpe, ==, "cpe:2.3:h:pcu:pcu:*:*:*:*:*:*:*:*");
	g_assert_null(product->version_text);
	assert_no_version(product);

	/* two AffectedItems × three VersionNumbers; v2 10.0 beats v3 9.8 */
	advisory = find_advisory(advisories, "JVNDB-2018-009328");
	g_assert_cmpuint(advisory->cves->len, ==, 0);
	g_assert_cmpuint(advisory->products->len, ==, 6);
	g_assert_cmpfloat(advisory->cvss, ==, 10.0);
	g_assert_cmpstr(advisory->cvss_vector, ==, "AV:N/AC:L/Au:N/C:C/I:C/A:C");
	g_assert_cmpint(advisory->published, ==, 1542266247);
	g_assert_cmpint(advisory->modified, ==, 1542683524);
	g_assert_cmpstr(product_at(advisory, 3)->vendor, ==, "日立");
	g_assert_cmpstr(product_at(advisory, 3)->product, ==, "JP1/VERITAS NetBackup");
	g_assert_cmpstr(product_at(advisory, 3)->version_text, ==, "7.7");
	g_assert_cmpstr(product_at(advisory, 5)->version_text, ==, "8.1");
	g_assert_cmpstr(advisory->remediation_url, ==,
	                "http://www.hitachi.co.jp/Prod/comp/soft1/global/security/info/vuls/"
	                "hitachi-sec-2018-133/index.html");

	/* no Cvss at all */
	advisory = find_advisory(advisories, "JVNDB-2021-002774");
	g_assert_cmpfloat(advisory->cvss, ==, 0);
	g_assert_null(advisory->cvss_vector);
	g_assert_cmpuint(advisory->products->len, ==, 4);
	g_assert_cmpstr(product_at(advisory, 0)->version_text, ==,
	                "for EMC Celerra 5.8 (Build 1577) 未満");

	advisory = find_advisory(advisories, "JVNDB-2022-000097");
	g_assert_cmpuint(advisory->cves->len, ==, 3);
	g_assert_cmpuint(advisory->products->len, ==, 1);
	product = product_at(advisory, 0);
	g_assert_cmpstr(product->version_text, ==, "v6 R4 およびそれ以前のバージョン");
	g_assert_cmpstr(product->cpe, ==,
	                "cpe:2.3:a:jacic:electronic_bidding_core_system:*:*:*:*:*:*:*:*");
	g_assert_cmpint(advisory->modified, ==, 1716971991);
}

static void
test_vuldef_ipedia(void)
{
	g_autoptr(GPtrArray) y2021 = NULL;
	g_autoptr(GPtrArray) y2022 = NULL;
	g_autoptr(GPtrArray) y2023 = NULL;
	const gchar *ids_2022[] = {"JVNDB-2022-000001", "JVNDB-2022-000002", NULL};
	const gchar *ids_2023[] = {"JVNDB-2022-017704", "JVNDB-2023-004315", NULL};
	YmAdvisory *advisory;
	YmAdvisoryProduct *product;

	y2021 = parse_sample(ym_advisory_parse_jvn_vuldef,
	                     "ipedia-detail-vuldef/jvndb_detail_2021.rdf");
	if (y2021 == NULL)
		return;
	/* the trimmed Log4j record names its CVE only in the overview */
	g_assert_cmpuint(y2021->len, ==, 1);
	advisory = advisory_at(y2021, 0);
	g_assert_cmpstr(advisory->id, ==, "JVNDB-2021-005429");
	g_assert_cmpuint(advisory->cves->len, ==, 1);
	g_assert_cmpstr(cve_at(advisory, 0), ==, "CVE-2021-44228");
	g_assert_cmpfloat(advisory->cvss, ==, 10.0);
	g_assert_true(g_str_has_prefix(advisory->cvss_vector, "CVSS:3.0/"));
	g_assert_cmpint(advisory->published, ==, 1639467447);
	g_assert_cmpint(advisory->modified, ==, 1671067476);
	g_assert_cmpuint(advisory->products->len, ==, 3);
	g_assert_cmpstr(product_at(advisory, 0)->version_text, ==,
	                "2.13.0 から 2.15.0 より前のバージョン");
	product = product_at(advisory, 2);
	g_assert_cmpstr(product->vendor, ==, "日本電気");
	g_assert_cmpstr(product->cpe, ==, "cpe:2.3:a:nec:acos_access_toolkit:*:*:*:*:*:*:*:*");
	g_assert_null(product->version_text);

	y2022 = parse_sample(ym_advisory_parse_jvn_vuldef,
	                     "ipedia-detail-vuldef/jvndb_detail_2022.rdf");
	assert_ids(y2022, ids_2022);
	/* Canon: "(複数の製品)", no Cpe, an empty VersionNumber */
	advisory = advisory_at(y2022, 0);
	g_assert_cmpuint(advisory->products->len, ==, 1);
	product = product_at(advisory, 0);
	g_assert_cmpstr(product->vendor, ==, "キヤノン");
	g_assert_cmpstr(product->product, ==, "(複数の製品)");
	g_assert_null(product->cpe);
	g_assert_null(product->version_text);
	assert_no_version(product);
	g_assert_cmpstr(advisory->remediation_url, ==,
	                "https://cweb.canon.jp/e-support/info/211221xss.html");
	advisory = advisory_at(y2022, 1);
	g_assert_cmpuint(advisory->cves->len, ==, 3);
	g_assert_cmpstr(product_at(advisory, 0)->version_text, ==, "7.3.7 より前のバージョン");

	y2023 = parse_sample(ym_advisory_parse_jvn_vuldef,
	                     "ipedia-detail-vuldef/jvndb_detail_2023.rdf");
	assert_ids(y2023, ids_2023);
	advisory = advisory_at(y2023, 0);
	/* the CVE and NVD items name the same CVE */
	g_assert_cmpuint(advisory->cves->len, ==, 1);
	g_assert_cmpstr(cve_at(advisory, 0), ==, "CVE-2023-23001");
	g_assert_cmpstr(product_at(advisory, 0)->cpe, ==,
	                "cpe:2.3:o:linux:linux_kernel:*:*:*:*:*:*:*:*");
	g_assert_cmpstr(product_at(advisory, 0)->version_text, ==, "5.16.3 未満");
}

static void
test_vuldef_api(void)
{
	const gchar *ids[] = {"JVNDB-2017-009608", "JVNDB-2018-009328", "JVNDB-2021-002774",
	                      "JVNDB-2022-000097"};
	for (guint i = 0; i < G_N_ELEMENTS(ids); i++) {
		g_autofree gchar *name =
		    g_strdup_printf("myjvn-api-examples/hnd/getVulnDetailInfo_hnd_%s.xml", ids[i]);
		g_autoptr(GPtrArray) advisories = parse_sample(ym_advisory_parse_jvn_vuldef, name);
		if (advisories == NULL)
			return;
		g_assert_cmpuint(advisories->len, ==, 1);
		g_assert_cmpstr(advisory_at(advisories, 0)->id, ==, ids[i]);
	}
}

static void
test_xml_not_advisories(void)
{
	const struct {
		JvnParseFunc func;
		const gchar *name;
		const gchar *words;
	} cases[] = {
	    {ym_advisory_parse_jvn_vuldef, "myjvn-api-examples/hnd/getVulnOverviewList_hnd.xml",
	     "<RDF> is not a VULDEF document"},
	    {ym_advisory_parse_jvn_rss,
	     "myjvn-api-examples/hnd/getVulnDetailInfo_hnd_JVNDB-2022-000097.xml",
	     "<VULDEF-Document> is not a JVNRSS document"},
	    {ym_advisory_parse_jvn_rss, "myjvn-api-examples/hnd/getProductList_hnd.xml",
	     "getProductList"},
	    {ym_advisory_parse_jvn_rss, "myjvn-api-examples/hnd/getVendorList_hnd.xml",
	     "getVendorList"},
	    {ym_advisory_parse_jvn_rss, "myjvn-api-examples/hnd/dataFeed_myjvn_product_hnd.xml",
	     "getProductList"},
	    {ym_advisory_parse_jvn_rss, "myjvn-api-examples/hnd/dataFeed_myjvn_vendor_hnd.xml",
	     "getVendorList"},
	    {ym_advisory_parse_jvn_rss, "myjvn-api-examples/hnd/getAlertList_hnd.xml",
	     "getAlertList"},
	    {ym_advisory_parse_jvn_rss, "myjvn-api-examples/hnd/getStatistics_hnd_sumAll.xml",
	     "getStatistics"},
	    {ym_advisory_parse_jvn_rss, "myjvn-api-examples/hnd/getStatistics_hnd_sumCvss.xml",
	     "getStatistics"},
	    {ym_advisory_parse_jvn_rss, "myjvn-api-examples/hnd/getStatistics_hnd_sumCwe.xml",
	     "getStatistics"},
	    {ym_advisory_parse_jvn_rss, "myjvn-api-examples/hnd/getStatistics_hnd_sumJvnDb.xml",
	     "getStatistics"},
	    {ym_advisory_parse_jvn_vuldef, "myjvn-product/myjvn_product_202311.rdf",
	     "getProductList"},
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GError) error = NULL;
		if (!parse_sample_fails(cases[i].func, cases[i].name, YM_ERROR_NOT_SUPPORTED,
		                        &error))
			return;
		g_assert_nonnull(strstr(error->message, cases[i].words));
	}
}

static void
test_rss_ipedia(void)
{
	const struct {
		const gchar *name;
		guint items;
		const gchar *first_id;
	} files[] = {
	    {"ipedia-rss/jvndb.rdf", 1, "JVNDB-2023-000001"},
	    {"ipedia-rss/jvndb_new.rdf", 2, "JVNDB-2023-004814"},
	    {"ipedia-rss/jvndb_2007.rdf", 1, "JVNDB-2007-000127"},
	    {"ipedia-rss/jvndb_2011.rdf", 1, "JVNDB-2011-001013"},
	    {"ipedia-rss/jvndb_2021.rdf", 1, "JVNDB-2021-005429"},
	    {"ipedia-rss/jvndb_2022.rdf", 3, "JVNDB-2021-018345"},
	    {"ipedia-rss/jvndb_2023.rdf", 2, "JVNDB-2022-017708"},
	};
	g_autoptr(GPtrArray) update = NULL;
	g_autoptr(GPtrArray) y2022 = NULL;
	YmAdvisory *advisory;
	YmAdvisoryProduct *product;

	for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
		g_autoptr(GPtrArray) advisories =
		    parse_sample(ym_advisory_parse_jvn_rss, files[i].name);
		if (advisories == NULL)
			return;
		g_assert_cmpuint(advisories->len, ==, files[i].items);
		g_assert_cmpstr(advisory_at(advisories, 0)->id, ==, files[i].first_id);
	}

	/* ruby-git: misc: CPE, minutes-only times, v2 6.0 beats v3 5.5 */
	update = parse_sample(ym_advisory_parse_jvn_rss, "ipedia-rss/jvndb.rdf");
	advisory = advisory_at(update, 0);
	g_assert_cmpstr(advisory->title_ja, ==,
	                "ruby-git における複数のコードインジェクションの脆弱性");
	g_assert_cmpuint(advisory->cves->len, ==, 2);
	g_assert_cmpstr(cve_at(advisory, 0), ==, "CVE-2022-46648");
	g_assert_cmpstr(cve_at(advisory, 1), ==, "CVE-2022-47318");
	g_assert_cmpfloat(advisory->cvss, ==, 6.0);
	g_assert_cmpstr(advisory->cvss_vector, ==, "AV:N/AC:M/Au:S/C:P/I:P/A:P");
	/* dcterms:issued 2023-01-05T12:02+09:00, dcterms:modified 2023-11-03T12:02+09:00 */
	g_assert_cmpint(advisory->published, ==, 1672887720);
	g_assert_cmpint(advisory->modified, ==, 1698980520);
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_UNKNOWN);
	g_assert_cmpuint(advisory->products->len, ==, 1);
	product = product_at(advisory, 0);
	g_assert_cmpstr(product->vendor, ==, "ruby-git");
	g_assert_cmpstr(product->product, ==, "ruby-git");
	g_assert_cmpstr(product->cpe, ==, "cpe:2.3:a:misc:ruby-git_ruby-git:*:*:*:*:*:*:*:*");
	g_assert_null(product->version_text);
	assert_no_version(product);
	/* &#13; line ends */
	g_assert_null(strchr(advisory->summary_ja, '\r'));
	g_assert_nonnull(strstr(advisory->summary_ja, "脆弱性が存在します。\n\nこの脆弱性情報は"));

	y2022 = parse_sample(ym_advisory_parse_jvn_rss, "ipedia-rss/jvndb_2022.rdf");
	advisory = advisory_at(y2022, 0);
	g_assert_cmpstr(advisory->summary_ja, ==, "Android には、不特定の脆弱性が存在します。");
	g_assert_cmpstr(product_at(advisory, 0)->cpe, ==,
	                "cpe:2.3:o:google:android:*:*:*:*:*:*:*:*");
	/* the Canon item names no product */
	advisory = advisory_at(y2022, 1);
	g_assert_cmpstr(advisory->id, ==, "JVNDB-2022-000001");
	g_assert_cmpuint(advisory->products->len, ==, 0);
	g_assert_cmpuint(advisory->cves->len, ==, 1);
	/* a 関連文書 reference naming two CVEs in its title adds neither */
	advisory = advisory_at(y2022, 2);
	g_assert_cmpuint(advisory->cves->len, ==, 1);
	g_assert_cmpstr(cve_at(advisory, 0), ==, "CVE-2022-25027");
}

static void
test_rss_api(void)
{
	g_autoptr(GPtrArray) advisories = NULL;
	YmAdvisory *advisory;

	advisories = parse_sample(ym_advisory_parse_jvn_rss,
	                          "myjvn-api-examples/hnd/getVulnOverviewList_hnd.xml");
	if (advisories == NULL)
		return;
	g_assert_cmpuint(advisories->len, ==, 2);
	advisory = advisory_at(advisories, 0);
	g_assert_cmpstr(advisory->id, ==, "JVNDB-2025-002953");
	g_assert_cmpfloat(advisory->cvss, ==, 9.8);
	g_assert_cmpint(advisory->published, ==, 1743745558);
	/* the CPE sits on its own indented line */
	g_assert_cmpstr(product_at(advisory, 0)->cpe, ==,
	                "cpe:2.3:a:sunshinephotocart:sunshine_photo_cart:*:*:*:*:*:*:*:*");
	advisory = advisory_at(advisories, 1);
	g_assert_cmpstr(advisory->id, ==, "JVNDB-2025-002884");
	g_assert_cmpfloat(advisory->cvss, ==, 0);
	g_assert_cmpuint(advisory->products->len, ==, 2);
	/* %28 %29 in the URI are quoted parentheses in CPE 2.3 */
	g_assert_cmpstr(product_at(advisory, 0)->cpe, ==,
	                "cpe:2.3:a:rockwellautomation:industrial_data_center_\\(idc\\)_with_veeam:"
	                "*:*:*:*:*:*:*:*");
	g_assert_cmpstr(product_at(advisory, 0)->product, ==,
	                "Industrial Data Center (IDC) with Veeam");
	g_assert_cmpstr(product_at(advisory, 1)->vendor, ==, "Rockwell Automation");
}

/* the paging attributes of the sample's status block: totalRes="6"
 * totalResRet="2" firstRes="1" (grep); then the same block broken */
static void
test_rss_status(void)
{
	g_autoptr(GPtrArray) advisories = ym_test_advisory_array_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *data = NULL;
	YmJvnStatus status = {0};
	const gchar *bad =
	    "<rdf:RDF xmlns=\"http://purl.org/rss/1.0/\" "
	    "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
	    "xmlns:status=\"http://jvndb.jvn.jp/myjvn/Status\">"
	    "<status:Status method=\"getVulnOverviewList\" retCd=\"0\" totalRes=\"6\" "
	    "totalResRet=\"-2\" firstRes=\"1\"/></rdf:RDF>";
	const gchar *bare = "<rdf:RDF xmlns=\"http://purl.org/rss/1.0/\" "
	                    "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"></rdf:RDF>";
	gsize length = 0;
	gboolean ok;

	data = load_sample("myjvn-api-examples/hnd/getVulnOverviewList_hnd.xml", &length);
	if (data == NULL)
		return;
	ok =
	    ym_advisory_parse_jvn_rss_status(data, length, &status, collect_cb, advisories, &error);
	g_assert_no_error(error);
	g_assert_true(ok);
	g_assert_cmpuint(advisories->len, ==, 2);
	g_assert_true(status.present);
	g_assert_cmpint(status.total, ==, 6);
	g_assert_cmpint(status.returned, ==, 2);
	g_assert_cmpint(status.first, ==, 1);

	ok = ym_advisory_parse_jvn_rss_status(bad, strlen(bad), &status, collect_cb, advisories,
	                                      &error);
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_false(ok);
	g_assert_nonnull(strstr(error->message, "totalResRet is not a number"));
	g_clear_error(&error);

	/* an iPedia feed has no status block */
	ok = ym_advisory_parse_jvn_rss_status(bare, strlen(bare), &status, collect_cb, advisories,
	                                      &error);
	g_assert_no_error(error);
	g_assert_true(ok);
	g_assert_false(status.present);
	g_assert_cmpint(status.total, ==, 0);
}

static void
test_rss_repaired_status(void)
{
	g_autoptr(GPtrArray) advisories = NULL;
	g_autoptr(GPtrArray) broken = NULL;
	g_autoptr(GError) error = NULL;
	const gchar *ids[] = {"JVNDB-2023-028579", "JVNDB-2023-028578", "JVNDB-2023-028577",
	                      "JVNDB-2023-028576", NULL};
	/* the same defect anywhere but the status block is not repaired */
	const gchar *elsewhere = "<?xml version=\"1.0\"?>\n"
	                         "<rdf:RDF xmlns=\"http://purl.org/rss/1.0/\"\n"
	                         "  xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
	                         "  xmlns:sec=\"http://jvn.jp/rss/mod_sec/3.0/\">\n"
	                         "  <item rdf:about=\"x\" count= 0>\n"
	                         "    <sec:identifier>JVNDB-2025-000001</sec:identifier>\n"
	                         "  </item>\n"
	                         "</rdf:RDF>\n";

	advisories = parse_sample(ym_advisory_parse_jvn_rss,
	                          "myjvn-api-examples/hnd/dataFeed_jvndb_rss_hnd.xml");
	if (advisories == NULL)
		return;
	/* retCd= 0 unquoted, as published */
	assert_ids(advisories, ids);
	g_assert_cmpstr(product_at(advisory_at(advisories, 1), 0)->cpe, ==,
	                "cpe:2.3:a:lg:simple_editor:*:*:*:*:*:*:*:*");
	g_assert_cmpint(advisory_at(advisories, 1)->published, ==, 1744383120);

	broken = parse_text(ym_advisory_parse_jvn_rss, elsewhere, &error);
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_nonnull(strstr(error->message, "line 5"));
	g_assert_cmpuint(broken->len, ==, 0);
}

static void
test_json_detail(void)
{
	g_autoptr(GPtrArray) bidding = NULL;
	g_autoptr(GPtrArray) trend = NULL;
	g_autoptr(GPtrArray) veritas = NULL;
	g_autoptr(GPtrArray) placeholder = NULL;
	YmAdvisory *advisory;
	YmAdvisoryProduct *product;

	bidding =
	    parse_sample(ym_advisory_parse_jvn_json,
	                 "myjvn-api-examples/oka/getVulnDetailInfo_oka_JVNDB-2022-000097.json");
	if (bidding == NULL)
		return;
	g_assert_cmpuint(bidding->len, ==, 1);
	advisory = advisory_at(bidding, 0);
	g_assert_cmpstr(advisory->id, ==, "JVNDB-2022-000097");
	g_assert_cmpstr(advisory->title_ja, ==, "電子入札コアシステムにおける複数の脆弱性");
	g_assert_true(
	    g_str_has_prefix(advisory->summary_ja, "一般財団法人日本建設情報総合センター"));
	g_assert_cmpuint(advisory->cves->len, ==, 3);
	g_assert_cmpstr(cve_at(advisory, 2), ==, "CVE-2022-46288");
	/* the highest of 2.6, 6.1, 4.3, 6.1, 4.3, 4.7 */
	g_assert_cmpfloat(advisory->cvss, ==, 6.1);
	g_assert_cmpstr(advisory->cvss_vector, ==, "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N");
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_VENDOR_FIX);
	g_assert_cmpstr(advisory->remediation_url, ==,
	                "https://www.cals.jacic.or.jp/coreconso/pdf/coreconsoinfo20221215.pdf");
	g_assert_cmpint(advisory->published, ==, 1671073491);
	g_assert_cmpint(advisory->modified, ==, 1716971991);
	/* affected by all three CVEs (and the CVE-less entry): one product */
	g_assert_cmpuint(advisory->products->len, ==, 1);
	product = product_at(advisory, 0);
	g_assert_null(product->cve);
	g_assert_cmpstr(product->vendor, ==, "一般財団法人日本建設情報総合センター");
	g_assert_cmpstr(product->product, ==, "電子入札コアシステム");
	g_assert_cmpstr(product->cpe, ==,
	                "cpe:2.3:a:jacic:electronic_bidding_core_system:*:*:*:*:*:*:*:*");
	assert_no_version(product);

	/* vendor addresses arrive with &amp; in them */
	trend = parse_sample(ym_advisory_parse_jvn_json,
	                     "myjvn-api-examples/oka/getVulnDetailInfo_oka_JVNDB-2021-002774.json");
	advisory = advisory_at(trend, 0);
	g_assert_cmpstr(advisory->remediation_url, ==,
	                "https://success.trendmicro.com/jp/solution/000289030");
	g_assert_cmpfloat(advisory->cvss, ==, 0);
	g_assert_cmpstr(cve_at(advisory, 0), ==, "CVE-2021-36745");

	veritas =
	    parse_sample(ym_advisory_parse_jvn_json,
	                 "myjvn-api-examples/oka/getVulnDetailInfo_oka_JVNDB-2018-009328.json");
	advisory = advisory_at(veritas, 0);
	g_assert_cmpuint(advisory->cves->len, ==, 0);
	g_assert_cmpuint(advisory->products->len, ==, 2);
	g_assert_cmpstr(product_at(advisory, 1)->vendor, ==, "日立");
	g_assert_cmpstr(product_at(advisory, 1)->cpe, ==,
	                "cpe:2.3:a:hitachi:jp1_veritas_netbackup:*:*:*:*:*:*:*:*");

	/* the placeholder document: a product_version branch gives a version */
	placeholder = parse_sample(ym_advisory_parse_jvn_json,
	                           "myjvn-api-examples/oka/getVulnDetailInfo_oka_jvncsaf.json");
	advisory = advisory_at(placeholder, 0);
	g_assert_cmpstr(advisory->id, ==, "JVNDB-2025-000000");
	g_assert_cmpfloat(advisory->cvss, ==, 10.0);
	g_assert_cmpint(advisory->published, ==, 1743745558);
	g_assert_cmpint(advisory->modified, ==, 1745620581);
	g_assert_cmpuint(advisory->products->len, ==, 2);
	product = product_at(advisory, 1);
	g_assert_cmpstr(product->vendor, ==, "東京電機大学");
	g_assert_cmpstr(product->product, ==, "マイジェイブイエヌ API");
	g_assert_cmpstr(product->version_exact, ==, "4.0.0");
	g_assert_cmpstr(product->cpe, ==, "cpe:2.3:a:dendai.ac.jp:myjvn_api:4.0.0:*:*:*:*:*:*:*");
	g_assert_null(product_at(advisory, 0)->version_exact);
}

static void
test_json_stix(void)
{
	g_autoptr(GPtrArray) pcu = NULL;
	g_autoptr(GPtrArray) placeholder = NULL;
	YmAdvisory *advisory;

	pcu = parse_sample(
	    ym_advisory_parse_jvn_json,
	    "myjvn-api-examples/oka/getVulnDetailInfo_oka_JVNDB-2017-009608_jvnstix.json");
	if (pcu == NULL)
		return;
	g_assert_cmpuint(pcu->len, ==, 1);
	advisory = advisory_at(pcu, 0);
	g_assert_cmpstr(advisory->id, ==, "JVNDB-2017-009608");
	g_assert_cmpstr(cve_at(advisory, 0), ==, "CVE-2017-14937");
	g_assert_cmpfloat(advisory->cvss, ==, 4.7);
	g_assert_cmpstr(product_at(advisory, 0)->cpe, ==, "cpe:2.3:h:pcu:pcu:*:*:*:*:*:*:*:*");

	placeholder = parse_sample(ym_advisory_parse_jvn_json,
	                           "myjvn-api-examples/oka/getVulnDetailInfo_oka_jvnstix.json");
	g_assert_cmpuint(placeholder->len, ==, 1);
	g_assert_cmpstr(advisory_at(placeholder, 0)->id, ==, "JVNDB-2025-000000");
	g_assert_cmpuint(advisory_at(placeholder, 0)->products->len, ==, 2);
}

static void
test_json_feed(void)
{
	const gchar *ids[] = {"JVNDB-2025-000000", "JVNDB-2025-002953", "JVNDB-2025-002884", NULL};
	const gchar *names[] = {"myjvn-api-examples/oka/getVulnOverviewList_oka.json",
	                        "myjvn-api-examples/oka/dataFeed_jvndb_rss_oka.json"};

	for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
		g_autoptr(GPtrArray) advisories =
		    parse_sample(ym_advisory_parse_jvn_json, names[i]);
		YmAdvisory *advisory;
		if (advisories == NULL)
			return;
		assert_ids(advisories, ids);
		advisory = advisory_at(advisories, 1);
		g_assert_cmpuint(advisory->cves->len, ==, 1);
		g_assert_cmpstr(cve_at(advisory, 0), ==, "CVE-2025-31084");
		g_assert_cmpfloat(advisory->cvss, ==, 9.8);
		/* created 2025-04-04T14:45:58+09:00 */
		g_assert_cmpint(advisory->published, ==, 1743745558);
		g_assert_cmpstr(product_at(advisory, 0)->vendor, ==, "Sunshine Photo Cart");
		advisory = advisory_at(advisories, 2);
		g_assert_cmpint(advisory->modified, ==, 1743650829);
		/* OKA writes %28 inside a CPE 2.3 string */
		g_assert_cmpstr(
		    product_at(advisory, 1)->cpe, ==,
		    "cpe:2.3:a:rockwellautomation:versavirtual_appliance_\\(vva\\)_with_"
		    "veeam:*:*:*:*:*:*:*:*");
		assert_no_version(product_at(advisory, 1));
		advisory = advisory_at(advisories, 0);
		g_assert_cmpstr(product_at(advisory, 1)->version_exact, ==, "4.0.0");
	}
}

static void
test_json_repaired_status(void)
{
	g_autoptr(GPtrArray) advisories = NULL;
	g_autoptr(GPtrArray) broken = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(GError) error_product = NULL;
	g_autoptr(GError) error_version = NULL;
	const gchar *ids[] = {"JVNDB-2017-009608", "JVNDB-2018-009328", "JVNDB-2021-002774",
	                      "JVNDB-2022-000097", "JVNDB-2025-000000", NULL};
	/* the same defect outside the status block stays an error */
	const gchar *elsewhere = "{\n"
	                         "  \"feed\": {\n"
	                         "    \"entry\": ,\n"
	                         "    \"lang\": \"ja\"\n"
	                         "  },\n"
	                         "  \"status\": {\"retCd\": 0, \"retMax\": , \"errCd\": \"\"}\n"
	                         "}\n";

	/* "retMax": , in the status block of a jvnstix data feed */
	advisories = parse_sample(ym_advisory_parse_jvn_json,
	                          "myjvn-api-examples/oka/dataFeed_jvndb_detail_oka.json");
	if (advisories == NULL)
		return;
	assert_ids(advisories, ids);
	g_assert_cmpuint(advisory_at(advisories, 3)->cves->len, ==, 3);

	/* repaired, then found to be a product list */
	if (!parse_sample_fails(ym_advisory_parse_jvn_json,
	                        "myjvn-api-examples/oka/dataFeed_myjvn_product_oka.json",
	                        YM_ERROR_NOT_SUPPORTED, &error_product))
		return;
	g_assert_nonnull(strstr(error_product->message, "getProductList"));
	if (!parse_sample_fails(ym_advisory_parse_jvn_json,
	                        "myjvn-api-examples/oka/dataFeed_myjvn_product_version_oka.json",
	                        YM_ERROR_NOT_SUPPORTED, &error_version))
		return;

	broken = parse_text(ym_advisory_parse_jvn_json, elsewhere, &error);
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	/* json-glib names the place: <data>:3:14 */
	g_assert_nonnull(strstr(error->message, ":3:"));
	g_assert_cmpuint(broken->len, ==, 0);
}

static void
test_json_not_advisories(void)
{
	const gchar *names[] = {
	    "myjvn-api-examples/oka/dataFeed_myjvn_vendor_oka.json",
	    "myjvn-api-examples/oka/getAlertList_oka.json",
	    "myjvn-api-examples/oka/getProductList_oka.json",
	    "myjvn-api-examples/oka/getStatistics_oka.json",
	    "myjvn-api-examples/oka/getVendorList_oka.json",
	    "myjvn-api-examples/hnd/getAlertList_hnd.json",
	};
	for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
		g_autoptr(GError) error = NULL;
		if (!parse_sample_fails(ym_advisory_parse_jvn_json, names[i],
		                        YM_ERROR_NOT_SUPPORTED, &error))
			return;
	}
}

static void
test_api_error(void)
{
	/* MyJVN answers a bad request with retCd 1 and nothing else */
	const gchar *rss = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
	                   "<rdf:RDF xmlns=\"http://purl.org/rss/1.0/\" "
	                   "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
	                   "xmlns:sec=\"http://jvn.jp/rss/mod_sec/3.0/\" "
	                   "xmlns:status=\"http://jvndb.jvn.jp/myjvn/Status\" xml:lang=\"ja\">\n"
	                   "  <status:Status version=\"3.3\" method=\"getVulnOverviewList\" "
	                   "lang=\"ja\" retCd=\"1\" retMax=\"\" errCd=\"VL01020003\" "
	                   "errMsg=\"startItemは正の整数値のみ指定可能です。\" totalRes=\"\" "
	                   "totalResRet=\"\" firstRes=\"\" feed=\"hnd\" startItem=\"-1\"/>\n"
	                   "</rdf:RDF>\n";
	/* a detail request answered as rdf:RDF, and a list request as Result */
	const gchar *detail = "<?xml version=\"1.0\"?>\n"
	                      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
	                      "xmlns:status=\"http://jvndb.jvn.jp/myjvn/Status\">\n"
	                      "<status:Status method=\"getVulnDetailInfo\" retCd=\"1\" "
	                      "errCd=\"VD01010001\" errMsg=\"vulnIdが不正です。\"/>\n"
	                      "</rdf:RDF>\n";
	const gchar *result = "<?xml version=\"1.0\"?>\n"
	                      "<Result version=\"3.3\" xmlns=\"http://jvndb.jvn.jp/myjvn/Results\" "
	                      "xmlns:status=\"http://jvndb.jvn.jp/myjvn/Status\">\n"
	                      "<status:Status method=\"getProductList\" retCd=\"1\" "
	                      "errCd=\"PR02990356\" errMsg=\"server error\"/>\n"
	                      "</Result>\n";
	const gchar *json = "{\n"
	                    "  \"$schema\": \"https://jvndb.jvn.jp/schema/myjvn_feed_1.0.json\",\n"
	                    "  \"status\": {\"version\": \"4.0.0\", \"method\": "
	                    "\"getVulnOverviewList\", \"feed\": \"oka\", \"retCd\": 1, "
	                    "\"retMax\": , \"errCd\": \"VL01020003\", \"errMsg\": "
	                    "\"startItemは正の整数値のみ指定可能です。\"}\n"
	                    "}\n";
	const struct {
		JvnParseFunc func;
		const gchar *text;
		const gchar *code;
		const gchar *message;
	} cases[] = {
	    {ym_advisory_parse_jvn_rss, rss, "VL01020003",
	     "startItemは正の整数値のみ指定可能です。"},
	    {ym_advisory_parse_jvn_vuldef, detail, "VD01010001", "vulnIdが不正です。"},
	    {ym_advisory_parse_jvn_rss, result, "PR02990356", "server error"},
	    {ym_advisory_parse_jvn_json, json, "VL01020003",
	     "startItemは正の整数値のみ指定可能です。"},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(GPtrArray) advisories = parse_text(cases[i].func, cases[i].text, &error);
		g_assert_error(error, YM_ERROR, YM_ERROR_READ);
		g_assert_nonnull(strstr(error->message, cases[i].code));
		g_assert_nonnull(strstr(error->message, cases[i].message));
		g_assert_cmpuint(advisories->len, ==, 0);
		g_assert_true(ym_advisory_jvn_sniff(cases[i].text, strlen(cases[i].text)));
	}
}

static void
test_truncated(void)
{
	g_autofree gchar *data = NULL;
	gsize length = 0;
	const gchar *second;
	gsize cuts[3];
	const gchar *ids[] = {"JVNDB-2025-000001", "JVNDB-2025-000002", "JVNDB-2025-000003",
	                      "JVNDB-2017-009608", "JVNDB-2018-009328", "JVNDB-2021-002774",
	                      "JVNDB-2022-000097"};
	const guint products[] = {1, 17, 1, 1, 6, 4, 1};

	data = load_sample("myjvn-api-examples/hnd/dataFeed_jvndb_detail_hnd.xml", &length);
	if (data == NULL)
		return;
	/* inside the first record, inside the second, and before the root ends */
	second = strstr(data, "<VulinfoID>JVNDB-2025-000002</VulinfoID>");
	g_assert_nonnull(second);
	cuts[0] = strstr(data, "<Affected>") - data;
	cuts[1] = second - data + 200;
	cuts[2] = length - 30;
	for (guint i = 0; i < G_N_ELEMENTS(cuts); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(GPtrArray) advisories = ym_test_advisory_array_new();
		g_autofree gchar *exact = g_memdup2(data, cuts[i]);
		g_assert_false(
		    ym_advisory_parse_jvn_vuldef(exact, cuts[i], collect_cb, advisories, &error));
		g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
		g_assert_nonnull(strstr(error->message, "line "));
		/* streamed: only whole records before the cut may have been delivered */
		if (i == 0)
			g_assert_cmpuint(advisories->len, ==, 0);
		if (i == 1)
			g_assert_cmpuint(advisories->len, <=, 1);
		for (guint j = 0; j < advisories->len; j++) {
			YmAdvisory *advisory = advisory_at(advisories, j);
			g_assert_cmpstr(advisory->id, ==, ids[j]);
			g_assert_cmpuint(advisory->products->len, ==, products[j]);
		}
	}
}

static void
test_billion_laughs(void)
{
	g_autoptr(GString) text = g_string_new("<?xml version=\"1.0\"?>\n<!-- hostile -->\n"
	                                       "<!DOCTYPE VULDEF-Document [\n"
	                                       "  <!ENTITY lol0 \"lol\">\n");
	const gchar *system_entity =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE rdf:RDF [<!ENTITY pw SYSTEM \"file:///etc/passwd\">]>\n"
	    "<rdf:RDF xmlns=\"http://purl.org/rss/1.0/\" "
	    "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
	    "xmlns:sec=\"http://jvn.jp/rss/mod_sec/\"><item><sec:identifier>&pw;</sec:identifier>"
	    "</item></rdf:RDF>\n";
	gint64 start = g_get_monotonic_time();

	for (guint i = 1; i < 10; i++) {
		g_string_append_printf(text, "  <!ENTITY lol%u \"", i);
		for (guint j = 0; j < 10; j++)
			g_string_append_printf(text, "&lol%u;", i - 1);
		g_string_append(text, "\">\n");
	}
	g_string_append(text, "]>\n<VULDEF-Document xmlns=\"http://jvn.jp/vuldef/\"><Vulinfo>"
	                      "<VulinfoID>&lol9;</VulinfoID><VulinfoData><Title>&lol9;</Title>"
	                      "</VulinfoData></Vulinfo></VULDEF-Document>\n");
	for (guint i = 0; i < 2; i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(GPtrArray) advisories = NULL;
		advisories =
		    parse_text(i == 0 ? ym_advisory_parse_jvn_vuldef : ym_advisory_parse_jvn_rss,
		               i == 0 ? text->str : system_entity, &error);
		g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
		g_assert_nonnull(strstr(error->message, "not allowed"));
		g_assert_cmpuint(advisories->len, ==, 0);
	}
	/* nothing was expanded: no time spent */
	g_assert_cmpint(g_get_monotonic_time() - start, <, G_USEC_PER_SEC);
}

static void
test_error_messages(void)
{
	/* libxml2 quotes the input after "Comment not terminated"; the cut leaves
	 * half a character there */
	const gchar *comment = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                       "<rdf:RDF xmlns=\"http://purl.org/rss/1.0/\" "
	                       "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	                       "<!--<title>秘密の\xe3\x81";
	/* bytes that are not UTF-8 */
	const gchar *bytes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                     "<rdf:RDF xmlns=\"http://purl.org/rss/1.0/\" "
	                     "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
	                     "xmlns:sec=\"http://jvn.jp/rss/mod_sec/\">\n"
	                     "<item><sec:identifier>JVNDB-2099-000004</sec:identifier>"
	                     "<title>\xba\x3a\x52\x44\xff</title></item></rdf:RDF>\n";
	const gchar *texts[] = {comment, bytes};

	for (guint i = 0; i < G_N_ELEMENTS(texts); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(GPtrArray) advisories =
		    parse_text(ym_advisory_parse_jvn_rss, texts[i], &error);
		g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
		g_assert_true(g_utf8_validate(error->message, -1, NULL));
		g_assert_nonnull(strstr(error->message, "line 3"));
		g_assert_null(strchr(error->message, '\n'));
		g_assert_null(strstr(error->message, "秘密"));
		g_assert_cmpuint(advisories->len, ==, 0);
	}
	/* json-glib quotes a string cut in the middle of a character */
	{
		g_autoptr(GError) error = NULL;
		g_autoptr(GPtrArray) advisories = parse_text(
		    ym_advisory_parse_jvn_json,
		    "{\n\"title\": \"電子入札コアシステムにおける複r\": {\"x\": 1}}", &error);
		g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
		g_assert_true(g_utf8_validate(error->message, -1, NULL));
		g_assert_nonnull(strstr(error->message, ":2:"));
	}
}

static void
test_depth_and_size(void)
{
	g_autoptr(GString) xml = g_string_new("<VULDEF-Document xmlns=\"http://jvn.jp/vuldef/\">");
	g_autoptr(GString) json = g_string_new(NULL);
	g_autoptr(GError) error_xml = NULL;
	g_autoptr(GError) error_json = NULL;
	g_autoptr(GError) error_big_xml = NULL;
	g_autoptr(GError) error_big_json = NULL;
	g_autoptr(GPtrArray) advisories = ym_test_advisory_array_new();
	const gchar small[] = "<x/>";

	for (guint i = 0; i < 5000; i++)
		g_string_append(xml, "<a>");
	for (guint i = 0; i < 5000; i++)
		g_string_append(xml, "</a>");
	g_string_append(xml, "</VULDEF-Document>");
	g_assert_false(
	    ym_advisory_parse_jvn_vuldef(xml->str, xml->len, collect_cb, advisories, &error_xml));
	g_assert_error(error_xml, YM_ERROR, YM_ERROR_INVALID_DATA);
	/* json-glib itself would overflow the stack on this */
	for (guint i = 0; i < 200000; i++)
		g_string_append_c(json, '[');
	g_assert_false(
	    ym_advisory_parse_jvn_json(json->str, json->len, collect_cb, advisories, &error_json));
	g_assert_error(error_json, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_nonnull(strstr(error_json->message, "nested deeper than 64 levels"));

	/* the cap is checked before a byte is read */
	g_assert_false(ym_advisory_parse_jvn_vuldef(small, (gsize) YM_ADVISORY_JVN_XML_MAX_SIZE + 1,
	                                            collect_cb, advisories, &error_big_xml));
	g_assert_error(error_big_xml, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_false(ym_advisory_parse_jvn_json(small, (gsize) YM_ADVISORY_JVN_JSON_MAX_SIZE + 1,
	                                          collect_cb, advisories, &error_big_json));
	g_assert_error(error_big_json, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_cmpuint(advisories->len, ==, 0);
}

/* one Vulinfo in a VULDEF document, with the Affected, Solution and Related given */
static gchar *
vuldef_document(const gchar *lang,
                const gchar *affected,
                const gchar *solution,
                const gchar *related)
{
	return g_strdup_printf(
	    "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>   \n"
	    "<VULDEF-Document version=\"3.2\" xmlns=\"http://jvn.jp/vuldef/\" xml:lang=\"%s\">\n"
	    "<Vulinfo><VulinfoID>JVNDB-2099-000001</VulinfoID><VulinfoData>\n"
	    "<Title>Example router</Title>\n"
	    "<VulinfoDescription><Overview>Line one&#13;\nline "
	    "two</Overview></VulinfoDescription>\n"
	    "<Affected>%s</Affected>\n"
	    "<Solution><SolutionItem><Description>%s</Description></SolutionItem></Solution>\n"
	    "<Related>%s</Related>\n"
	    "<DatePublic>2099-01-02T00:00:00+09:00</DatePublic>\n"
	    "</VulinfoData></Vulinfo></VULDEF-Document>\n",
	    lang, affected, solution, related);
}

static void
test_version_notes(void)
{
	const gchar *related =
	    "<RelatedItem type=\"advisory\"><Name>Common Vulnerabilities and Exposures (CVE)</Name>"
	    "<VulinfoID>CVE-2099-0001</VulinfoID></RelatedItem>"
	    "<RelatedItem type=\"advisory\"><Name>National Vulnerability Database (NVD)</Name>"
	    "<VulinfoID>CVE-2099-0002</VulinfoID></RelatedItem>"
	    "<RelatedItem type=\"advisory\"><Name>JVN</Name><VulinfoID>CVE-2099-0009</VulinfoID>"
	    "</RelatedItem>"
	    "<RelatedItem type=\"vendor\"><Name>Vendor</Name><URL>javascript:alert(1)</URL>"
	    "</RelatedItem>"
	    "<RelatedItem type=\"vendor\"><Name>Vendor</Name><URL>HTTPS://www.Example.com/Fix</URL>"
	    "</RelatedItem>";
	const gchar *affected =
	    "<AffectedItem><Name>V</Name><ProductName>A</ProductName>"
	    /* half-width note, one of the two CVEs */
	    "<VersionNumber>1.0 and earlier (CVE-2099-0002)</VersionNumber>"
	    /* a note naming every CVE narrows nothing */
	    "<VersionNumber>2.0 未満（CVE-2099-0001、CVE-2099-0002）</VersionNumber>"
	    /* parentheses that are not a CVE note */
	    "<VersionNumber>for NetApp 5.8 (Build 1299)</VersionNumber>"
	    "<VersionNumber>3.0（CVE-2099-0001 ほか）</VersionNumber>"
	    /* full-width letters and digits */
	    "<VersionNumber>4.0（ＣＶＥ－２０９９－０００１）</VersionNumber>"
	    "<VersionNumber/>"
	    "</AffectedItem>";
	g_autofree gchar *text = vuldef_document("en", affected, "No fix.", related);
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) advisories = parse_text(ym_advisory_parse_jvn_vuldef, text, &error);
	YmAdvisory *advisory;
	const struct {
		const gchar *cve;
		const gchar *version_text;
	} expected[] = {
	    {"CVE-2099-0002", "1.0 and earlier (CVE-2099-0002)"},
	    {NULL, "2.0 未満（CVE-2099-0001、CVE-2099-0002）"},
	    {NULL, "for NetApp 5.8 (Build 1299)"},
	    {NULL, "3.0（CVE-2099-0001 ほか）"},
	    {"CVE-2099-0001", "4.0（ＣＶＥ－２０９９－０００１）"},
	    {NULL, NULL},
	};

	g_assert_no_error(error);
	g_assert_cmpuint(advisories->len, ==, 1);
	advisory = advisory_at(advisories, 0);
	g_assert_cmpstr(advisory->title_en, ==, "Example router");
	g_assert_null(advisory->title_ja);
	g_assert_cmpstr(advisory->summary_en, ==, "Line one\nline two");
	/* a CVE under the JVN name is a JVN reference, not a CVE reference */
	g_assert_cmpuint(advisory->cves->len, ==, 2);
	/* not javascript:, and the scheme in lower case */
	g_assert_cmpstr(advisory->remediation_url, ==, "https://www.Example.com/Fix");
	g_assert_cmpint(advisory->remediation, ==, YM_REMEDIATION_UNKNOWN);
	/* DatePublic stands in for the missing DateFirstPublished */
	g_assert_cmpint(advisory->published, ==, 4070962800);
	g_assert_cmpint(advisory->modified, ==, 4070962800);
	g_assert_cmpuint(advisory->products->len, ==, G_N_ELEMENTS(expected));
	for (guint i = 0; i < G_N_ELEMENTS(expected); i++) {
		YmAdvisoryProduct *product = product_at(advisory, i);
		g_assert_cmpstr(product->cve, ==, expected[i].cve);
		g_assert_cmpstr(product->version_text, ==, expected[i].version_text);
		g_assert_null(product->cpe);
		assert_no_version(product);
	}
}

static void
test_remediation(void)
{
	const gchar *vendor_pages =
	    "<RelatedItem type=\"vendor\"><Name>JVN</Name>"
	    "<URL>https://jvn.jp/jp/JVN00000000/1/index.html</URL></RelatedItem>"
	    "<RelatedItem type=\"vendor\"><Name>Vendor</Name>"
	    "<URL>https://www.example.co.jp/support/</URL></RelatedItem>"
	    "<RelatedItem type=\"vendor\"><Name>Other</Name>"
	    "<URL>https://www.example.com/second</URL></RelatedItem>";
	const struct {
		const gchar *solution;
		YmRemediation remediation;
		gboolean end_of_life;
	} cases[] = {
	    {"[アップデートする] 開発者が提供する情報をもとに、最新版へアップデートしてください。",
	     YM_REMEDIATION_VENDOR_FIX, FALSE},
	    {"[Update the software] Update to the latest version.", YM_REMEDIATION_VENDOR_FIX,
	     FALSE},
	    {"[パッチを適用する] 開発者が提供する情報をもとにパッチを適用してください。",
	     YM_REMEDIATION_VENDOR_FIX, FALSE},
	    {"[ワークアラウンドを実施する] 設定を変更してください。", YM_REMEDIATION_WORKAROUND,
	     FALSE},
	    {"[製品の利用を停止する] "
	     "開発者によると、サポートは終了しています。製品の利用を停止してください。",
	     YM_REMEDIATION_NO_FIX_PLANNED, TRUE},
	    {"", YM_REMEDIATION_UNKNOWN, FALSE},
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *text = vuldef_document("ja", "", cases[i].solution, vendor_pages);
		g_autoptr(GError) error = NULL;
		g_autoptr(GPtrArray) advisories =
		    parse_text(ym_advisory_parse_jvn_vuldef, text, &error);
		YmAdvisory *advisory;
		g_assert_no_error(error);
		advisory = advisory_at(advisories, 0);
		g_assert_cmpint(advisory->remediation, ==, cases[i].remediation);
		g_assert_cmpint(advisory->end_of_life, ==, cases[i].end_of_life);
		g_assert_cmpstr(advisory->remediation_url, ==,
		                "https://www.example.co.jp/support/");
		g_assert_cmpstr(advisory->title_ja, ==, "Example router");
		g_assert_cmpuint(advisory->products->len, ==, 0);
	}
}

static void
test_cpe(void)
{
	const struct {
		const gchar *uri;
		const gchar *cpe;
	} cases[] = {
	    {"cpe:/o:nec:aterm_wx3600hp_firmware",
	     "cpe:2.3:o:nec:aterm_wx3600hp_firmware:*:*:*:*:*:*:*:*"},
	    {"  CPE:/O:NEC:Aterm_WG2600HS\n", "cpe:2.3:o:nec:aterm_wg2600hs:*:*:*:*:*:*:*:*"},
	    {"cpe:/a:vendor:prod%21uct:1.0:-", "cpe:2.3:a:vendor:prod\\!uct:1.0:-:*:*:*:*:*:*"},
	    {"cpe:/a:mitsubishielectric:melsec_iq-fx5u-32mr%2fds_firmware",
	     "cpe:2.3:a:mitsubishielectric:melsec_iq-fx5u-32mr\\/ds_firmware:*:*:*:*:*:*:*:*"},
	    /* the packed edition */
	    {"cpe:/a:v:p:1.0:sp1:~ed~sw~tsw~thw~oth:en",
	     "cpe:2.3:a:v:p:1.0:sp1:ed:en:sw:tsw:thw:oth"},
	    {"cpe:/a:v:p:1.0%02", "cpe:2.3:a:v:p:1.0*:*:*:*:*:*:*:*"},
	    {"cpe:2.3:a:v:p%28x%29:*:*:*:*:*:*:*:*", "cpe:2.3:a:v:p\\(x\\):*:*:*:*:*:*:*:*"},
	    {"cpe:2.3:a:v:p\\:q:1.0:*:*:*:*:*:*:*", "cpe:2.3:a:v:p\\:q:1.0:*:*:*:*:*:*:*"},
	    /* not CPEs */
	    {"cpe:/x:nec:aterm", NULL},
	    {"cpe:/a:v:p:1:2:3:4:5", NULL},
	    {"cpe:/a:v:p%zz", NULL},
	    {"cpe:/a:v:日本", NULL},
	    {"cpe:2.3:a:v:p", NULL},
	    {"aterm", NULL},
	};
	g_autoptr(GString) text = g_string_new(
	    "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns=\"http://purl.org/rss/1.0/\" "
	    "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
	    "xmlns:sec=\"http://jvn.jp/rss/mod_sec/\"><item>"
	    "<sec:identifier>JVNDB-2099-000002</sec:identifier>"
	    "<title>t</title><description>CVE-2099-1234 and xCVE-2099-9999</description>");
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) advisories = NULL;
	YmAdvisory *advisory;

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *escaped = g_markup_escape_text(cases[i].uri, -1);
		g_string_append_printf(text,
		                       "<sec:cpe version=\"2.2\" vendor=\"v\" product=\"p%u\">%s"
		                       "</sec:cpe>",
		                       i, escaped);
	}
	g_string_append(text, "<sec:cvss score=\"11\" vector=\"x\"/><sec:cvss score=\"nan\"/>"
	                      "</item></rdf:RDF>");
	advisories = parse_text(ym_advisory_parse_jvn_rss, text->str, &error);
	g_assert_no_error(error);
	advisory = advisory_at(advisories, 0);
	g_assert_cmpuint(advisory->products->len, ==, G_N_ELEMENTS(cases));
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++)
		g_assert_cmpstr(product_at(advisory, i)->cpe, ==, cases[i].cpe);
	/* no CVE reference: the description's own, not one glued to a word */
	g_assert_cmpuint(advisory->cves->len, ==, 1);
	g_assert_cmpstr(cve_at(advisory, 0), ==, "CVE-2099-1234");
	/* scores out of range are ignored */
	g_assert_cmpfloat(advisory->cvss, ==, 0);
	g_assert_null(advisory->cvss_vector);
}

static void
test_version_ranges(void)
{
	const gchar *text =
	    "{\"feed\": {\"lang\": \"en\", \"entry\": [{\"id\": \"JVNDB-2099-000003\", "
	    "\"title\": \"t\", \"summary\": \"s\", \"created\": \"2099-01-02T00:00+09:00\", "
	    "\"references\": [{\"source\": \"CVE\", \"summary\": \"cve-2099-0003\"}], "
	    "\"products\": ["
	    "{\"vname\": \"V\", \"pname\": \"P\", \"version\": \">=2.9|<4.1\"},"
	    "{\"vname\": \"V\", \"pname\": \"P\", \"version\": \"<=05\"},"
	    "{\"vname\": \"V\", \"pname\": \"P\", \"version\": \">1.0|<=2.0\"},"
	    "{\"vname\": \"V\", \"pname\": \"P\", \"version\": \"=3.1\"},"
	    "{\"vname\": \"V\", \"pname\": \"P\", \"version\": \">=|<\"},"
	    "{\"vname\": \"V\", \"pname\": \"P\", \"version\": \"1.0 and later\"},"
	    "{\"vname\": \"V\", \"pname\": \"P\", \"version\": 7}"
	    "]}, 3]}, \"status\": {\"method\": \"getVulnOverviewList\", \"retCd\": \"0\"}}";
	const struct {
		const gchar *start;
		gboolean start_inclusive;
		const gchar *end;
		gboolean end_inclusive;
		const gchar *exact;
		const gchar *version_text;
	} expected[] = {
	    {"2.9", TRUE, "4.1", FALSE, NULL, ">=2.9|<4.1"},
	    {NULL, FALSE, "05", TRUE, NULL, "<=05"},
	    {"1.0", FALSE, "2.0", TRUE, NULL, ">1.0|<=2.0"},
	    {NULL, FALSE, NULL, FALSE, "3.1", "=3.1"},
	    {NULL, FALSE, NULL, FALSE, NULL, ">=|<"},
	    {NULL, FALSE, NULL, FALSE, NULL, "1.0 and later"},
	    {NULL, FALSE, NULL, FALSE, NULL, NULL},
	};
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) advisories = parse_text(ym_advisory_parse_jvn_json, text, &error);
	YmAdvisory *advisory;

	/* a feed entry that is not an object fails, after the good one */
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_nonnull(strstr(error->message, "feed.entry[1]"));
	advisory = advisory_at(advisories, 0);
	g_assert_cmpstr(advisory->title_en, ==, "t");
	g_assert_cmpstr(cve_at(advisory, 0), ==, "CVE-2099-0003");
	g_assert_cmpint(advisory->published, ==, 4070962800);
	g_assert_cmpuint(advisory->products->len, ==, G_N_ELEMENTS(expected));
	for (guint i = 0; i < G_N_ELEMENTS(expected); i++) {
		YmAdvisoryProduct *product = product_at(advisory, i);
		g_assert_cmpstr(product->version_start, ==, expected[i].start);
		g_assert_cmpint(product->start_inclusive, ==, expected[i].start_inclusive);
		g_assert_cmpstr(product->version_end, ==, expected[i].end);
		g_assert_cmpint(product->end_inclusive, ==, expected[i].end_inclusive);
		g_assert_cmpstr(product->version_exact, ==, expected[i].exact);
		g_assert_cmpstr(product->version_text, ==, expected[i].version_text);
		g_assert_false(product->all_versions);
	}
}

static gboolean
refuse_cb(YmAdvisory *advisory, gpointer user_data, GError **error)
{
	guint *count = user_data;
	(*count)++;
	g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "disk full at %s", advisory->id);
	return FALSE;
}

static void
test_sink_error(void)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *data = NULL;
	gsize length = 0;
	guint count = 0;

	data = load_sample("myjvn-api-examples/hnd/dataFeed_jvndb_detail_hnd.xml", &length);
	if (data == NULL)
		return;
	g_assert_false(ym_advisory_parse_jvn_vuldef(data, length, refuse_cb, &count, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_WRITE);
	g_assert_nonnull(strstr(error->message, "disk full at JVNDB-2025-000001"));
	g_assert_cmpuint(count, ==, 1);
}

static void
test_checksum(void)
{
	const struct {
		const gchar *name;
		guint entries;
	} files[] = {
	    {"ipedia-rss/checksum.txt", 13},
	    {"ipedia-detail-vuldef/checksum.txt", 11},
	    {"myjvn-product/checksum.txt", 10},
	};
	const struct {
		const gchar *text;
		const gchar *words;
	} bad[] = {
	    {"{}", "not a list"},
	    {"[{\"url\": \"http://jvndb.jvn.jp/ja/rss/jvndb.rdf\", \"filename\": \"jvndb.rdf\"}]",
	     "entry 0: url"},
	    {"[{\"url\": \"https://jvndb.jvn.jp/ja/rss/..\", \"filename\": \"..\"}]",
	     "entry 0: filename"},
	    {"[{\"url\": \"https://jvndb.jvn.jp/a/jvndb.rdf\", \"filename\": \"other.rdf\"}]",
	     "entry 0: filename"},
	    {"[{\"url\": \"https://jvndb.jvn.jp/a/x.rdf\", \"filename\": \"x.rdf\", \"sha256\": "
	     "\"abc\", \"size\": 1}]",
	     "entry 0: sha256"},
	    {"[{\"url\": \"https://jvndb.jvn.jp/a/x.rdf\", \"filename\": \"x.rdf\", \"sha256\": "
	     "\"1A1BB84550200B7FDB1E37E78B499A215D9C8A9F6DF329276A520F84B3E96B5E\", \"size\": -1}]",
	     "entry 0: size"},
	    {"[", "malformed JSON"},
	};
	g_autofree gchar *data = NULL;
	gsize length = 0;
	g_autoptr(GPtrArray) entries = NULL;
	g_autoptr(GError) error = NULL;
	YmJvnChecksum *checksum;

	for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
		g_autoptr(GPtrArray) list = NULL;
		g_autoptr(GError) error_file = NULL;
		g_autofree gchar *text = load_sample(files[i].name, &length);
		if (text == NULL)
			return;
		g_assert_true(ym_jvn_checksum_parse(text, length, &list, &error_file));
		g_assert_no_error(error_file);
		g_assert_cmpuint(list->len, ==, files[i].entries);
		g_assert_false(ym_advisory_jvn_sniff(text, length));
	}

	data = load_sample("ipedia-rss/checksum.txt", &length);
	g_assert_true(ym_jvn_checksum_parse(data, length, &entries, &error));
	g_assert_no_error(error);
	checksum = g_ptr_array_index(entries, 0);
	g_assert_cmpstr(checksum->url, ==, "https://jvndb.jvn.jp/ja/rss/jvndb_new.rdf");
	g_assert_cmpstr(checksum->filename, ==, "jvndb_new.rdf");
	g_assert_cmpstr(checksum->sha256, ==,
	                "1a1bb84550200b7fdb1e37e78b499a215d9c8a9f6df329276a520f84b3e96b5e");
	g_assert_cmpuint(checksum->size, ==, 517125);
	/* 2023/11/02 12:00:18 in Japan */
	g_assert_cmpint(checksum->last_modified, ==, 1698894018);
	checksum = g_ptr_array_index(entries, 8);
	g_assert_cmpstr(checksum->filename, ==, "jvndb_detail_2022.rdf");
	g_assert_cmpuint(checksum->size, ==, 72364726);

	for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
		g_autoptr(GPtrArray) list = NULL;
		g_autoptr(GError) error_bad = NULL;
		g_assert_false(
		    ym_jvn_checksum_parse(bad[i].text, strlen(bad[i].text), &list, &error_bad));
		g_assert_error(error_bad, YM_ERROR, YM_ERROR_INVALID_DATA);
		g_assert_nonnull(strstr(error_bad->message, bad[i].words));
		g_assert_null(list);
	}
}

static void
test_sniff(void)
{
	const gchar *jvn[] = {
	    "ipedia-rss/jvndb_2022.rdf",
	    "ipedia-detail-vuldef/jvndb_detail_2021.rdf",
	    "myjvn-product/myjvn_product_202311.rdf",
	    "myjvn-api-examples/hnd/dataFeed_jvndb_detail_hnd.xml",
	    "myjvn-api-examples/hnd/dataFeed_jvndb_rss_hnd.xml",
	    "myjvn-api-examples/hnd/getVulnOverviewList_hnd.xml",
	    "myjvn-api-examples/hnd/getAlertList_hnd.json",
	    "myjvn-api-examples/oka/getVulnDetailInfo_oka_jvncsaf.json",
	    "myjvn-api-examples/oka/getVulnDetailInfo_oka_jvnstix.json",
	    "myjvn-api-examples/oka/dataFeed_jvndb_detail_oka.json",
	    "myjvn-api-examples/oka/getVulnOverviewList_oka.json",
	};
	const gchar *other[] = {
	    "",
	    "   ",
	    "{\"vulnerabilities\": [{\"cveID\": \"CVE-2023-1389\"}]}",
	    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>",
	    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>",
	    "\xef\xbb\xbf not a document",
	};
	for (guint i = 0; i < G_N_ELEMENTS(jvn); i++) {
		gsize length = 0;
		g_autofree gchar *data = load_sample(jvn[i], &length);
		if (data == NULL)
			return;
		g_assert_true(ym_advisory_jvn_sniff(data, length));
	}
	for (guint i = 0; i < G_N_ELEMENTS(other); i++)
		g_assert_false(ym_advisory_jvn_sniff(other[i], strlen(other[i])));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/advisory-jvn/vuldef/datafeed-routers", test_vuldef_datafeed_routers);
	g_test_add_func("/ym/advisory-jvn/vuldef/datafeed-others", test_vuldef_datafeed_others);
	g_test_add_func("/ym/advisory-jvn/vuldef/ipedia", test_vuldef_ipedia);
	g_test_add_func("/ym/advisory-jvn/vuldef/api", test_vuldef_api);
	g_test_add_func("/ym/advisory-jvn/vuldef/version-notes", test_version_notes);
	g_test_add_func("/ym/advisory-jvn/vuldef/remediation", test_remediation);
	g_test_add_func("/ym/advisory-jvn/xml/not-advisories", test_xml_not_advisories);
	g_test_add_func("/ym/advisory-jvn/rss/ipedia", test_rss_ipedia);
	g_test_add_func("/ym/advisory-jvn/rss/api", test_rss_api);
	g_test_add_func("/ym/advisory-jvn/rss/status", test_rss_status);
	g_test_add_func("/ym/advisory-jvn/rss/repaired-status", test_rss_repaired_status);
	g_test_add_func("/ym/advisory-jvn/rss/cpe", test_cpe);
	g_test_add_func("/ym/advisory-jvn/json/detail", test_json_detail);
	g_test_add_func("/ym/advisory-jvn/json/stix", test_json_stix);
	g_test_add_func("/ym/advisory-jvn/json/feed", test_json_feed);
	g_test_add_func("/ym/advisory-jvn/json/repaired-status", test_json_repaired_status);
	g_test_add_func("/ym/advisory-jvn/json/not-advisories", test_json_not_advisories);
	g_test_add_func("/ym/advisory-jvn/json/version-ranges", test_version_ranges);
	g_test_add_func("/ym/advisory-jvn/api-error", test_api_error);
	g_test_add_func("/ym/advisory-jvn/truncated", test_truncated);
	g_test_add_func("/ym/advisory-jvn/billion-laughs", test_billion_laughs);
	g_test_add_func("/ym/advisory-jvn/depth-and-size", test_depth_and_size);
	g_test_add_func("/ym/advisory-jvn/error-messages", test_error_messages);
	g_test_add_func("/ym/advisory-jvn/sink-error", test_sink_error);
	g_test_add_func("/ym/advisory-jvn/checksum", test_checksum);
	g_test_add_func("/ym/advisory-jvn/sniff", test_sniff);
	return g_test_run();
}
