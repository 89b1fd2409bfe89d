/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* the advisories table and matching devices against it, on records built
 * here the way the parsers build them */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ym-advisory-alerts.h"
#include "ym-advisory-db.h"
#include "ym-advisory-matcher.h"
#include "ym-error.h"
#include "ym-test-common.h"

static YmVendorAliases *
load_aliases(void)
{
	g_autoptr(YmVendorAliases) aliases = ym_vendor_aliases_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path =
	    g_build_filename(g_getenv("YM_SIGNATURES_DIR"), "advisories", "aliases.txt", NULL);
	g_assert_true(ym_vendor_aliases_load_file(aliases, path, &error));
	g_assert_no_error(error);
	return g_steal_pointer(&aliases);
}

static YmStore *
new_store(void)
{
	g_autoptr(YmStore) store = ym_store_new(NULL);
	g_autoptr(GError) error = NULL;
	g_assert_true(ym_store_ensure_schema(store, &error));
	g_assert_no_error(error);
	return g_steal_pointer(&store);
}

static void
put(YmStore *store, const YmAdvisory *advisory)
{
	g_autoptr(GError) error = NULL;
	g_assert_true(ym_store_begin(store, &error));
	g_assert_true(ym_advisory_db_put(store, advisory, &error));
	g_assert_no_error(error);
	g_assert_true(ym_store_commit(store, &error));
	g_assert_no_error(error);
}

/* NVD's CVE-2023-1389: AND(firmware < 1.1.4, hardware Archer AX21) */
static YmAdvisory *
make_ax21_nvd(void)
{
	YmAdvisory *advisory = ym_advisory_new(YM_ADVISORY_SOURCE_NVD, "CVE-2023-1389");
	YmAdvisoryProduct *product = ym_advisory_add_product(advisory);
	ym_advisory_add_cve(advisory, "CVE-2023-1389");
	advisory->cvss = 8.8;
	advisory->kev = TRUE;
	product->vendor = g_strdup("tp-link");
	product->product = g_strdup("archer_ax21_firmware");
	product->cpe = g_strdup("cpe:2.3:o:tp-link:archer_ax21_firmware:*:*:*:*:*:*:*:*");
	product->platform_cpe = g_strdup("cpe:2.3:h:tp-link:archer_ax21:-:*:*:*:*:*:*:*");
	product->version_end = g_strdup("1.1.4");
	product->end_inclusive = FALSE;
	return advisory;
}

/* the CNA's words for the same CVE ("1.14" where "1.1.4" is meant) */
static YmAdvisory *
make_ax21_cve5(void)
{
	YmAdvisory *advisory = ym_advisory_new(YM_ADVISORY_SOURCE_CVE5, "CVE-2023-1389");
	YmAdvisoryProduct *product = ym_advisory_add_product(advisory);
	ym_advisory_add_cve(advisory, "CVE-2023-1389");
	product->vendor = g_strdup("TP-Link");
	product->product = g_strdup("Archer AX21 (AX1800)");
	product->version_text = g_strdup("All versions prior to version 1.14 Build 20230219");
	return advisory;
}

static void
test_put_idempotent(void)
{
	g_autoptr(YmStore) store = new_store();
	g_autoptr(YmAdvisory) advisory =
	    ym_advisory_new(YM_ADVISORY_SOURCE_JVN, "JVNDB-2025-000002");
	g_autoptr(GError) error = NULL;

	/* two CVEs and two products: four rows, whatever the number of imports */
	ym_advisory_add_cve(advisory, "CVE-2025-0354");
	ym_advisory_add_cve(advisory, "cve-2025-0355");
	ym_advisory_add_cve(advisory, "CVE-2025-0355");
	ym_advisory_add_cve(advisory, "not a cve");
	g_assert_cmpuint(advisory->cves->len, ==, 2);
	for (guint i = 0; i < 2; i++) {
		YmAdvisoryProduct *product = ym_advisory_add_product(advisory);
		product->vendor = g_strdup("日本電気");
		product->product = g_strdup(i == 0 ? "Aterm WX3600HP" : "Aterm WG2600HS");
		product->version_text = g_strdup("Ver.1.2.4より前のバージョン");
	}
	put(store, advisory);
	put(store, advisory);
	g_assert_cmpint(ym_advisory_db_count(store, NULL, &error), ==, 4);
	g_assert_cmpint(ym_advisory_db_count(store, "jvn", &error), ==, 4);
	g_assert_cmpint(ym_advisory_db_count(store, "nvd", &error), ==, 0);
	g_assert_cmpint(ym_advisory_db_count_records(store, &error), ==, 1);
	g_assert_no_error(error);
}

static GPtrArray *
match(YmStore *store, const gchar *vendor, const gchar *model, const gchar *firmware)
{
	g_autoptr(YmVendorAliases) aliases = load_aliases();
	g_autoptr(YmAdvisoryMatcher) matcher = ym_advisory_matcher_new(aliases);
	g_autoptr(GError) error = NULL;
	YmDeviceIdentity identity = {.vendor = vendor, .model = model, .firmware = firmware};

	g_assert_true(ym_advisory_matcher_load(matcher, store, &error));
	g_assert_no_error(error);
	return ym_advisory_matcher_match(matcher, &identity);
}

static void
test_ax21_boundaries(void)
{
	g_autoptr(YmStore) store = new_store();
	g_autoptr(YmAdvisory) nvd = make_ax21_nvd();
	g_autoptr(YmAdvisory) cve5 = make_ax21_cve5();
	struct {
		const gchar *firmware;
		YmMatchStatus status;
	} cases[] = {
	    {"1.1.3 Build 20221209", YM_MATCH_AFFECTED},
	    {"1.1.2 Build 20220831 rel.66297", YM_MATCH_AFFECTED},
	    {"1.0.5", YM_MATCH_AFFECTED},
	    /* the fixed release, and later ones */
	    {"1.1.4 Build 20230219", YM_MATCH_FIXED},
	    {"1.1.5", YM_MATCH_FIXED},
	    {"2.0", YM_MATCH_FIXED},
	};

	put(store, nvd);
	put(store, cve5);
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		/* the OUI's vendor name, the model as the router's description says */
		g_autoptr(GPtrArray) matches =
		    match(store, "TP-LINK TECHNOLOGIES CO.,LTD.", "Archer AX21", cases[i].firmware);
		const YmAdvisoryMatch *m;
		g_test_message("firmware %s", cases[i].firmware);
		g_assert_cmpuint(matches->len, ==, 1);
		m = g_ptr_array_index(matches, 0);
		g_assert_cmpstr(m->cve, ==, "CVE-2023-1389");
		/* the NVD's stated bounds win over the CNA's words */
		g_assert_cmpstr(m->source, ==, "nvd");
		g_assert_cmpint(m->status, ==, cases[i].status);
		g_assert_true(m->kev);
		g_assert_cmpstr(m->fixed_version, ==, "1.1.4");
		g_assert_cmpfloat(m->cvss, ==, 8.8);
	}
}

static void
test_unknown_firmware_maybe(void)
{
	g_autoptr(YmStore) store = new_store();
	g_autoptr(YmAdvisory) nvd = make_ax21_nvd();
	g_autoptr(GPtrArray) matches = NULL;
	g_autoptr(GPtrArray) other = NULL;
	const YmAdvisoryMatch *m;

	put(store, nvd);
	matches = match(store, "TP-Link", "Archer AX21", NULL);
	g_assert_cmpuint(matches->len, ==, 1);
	m = g_ptr_array_index(matches, 0);
	g_assert_cmpint(m->status, ==, YM_MATCH_MAYBE);
	g_assert_cmpfloat(m->confidence, <, 0.8);
	/* another model of the same maker: nothing */
	other = match(store, "TP-Link", "Archer C7", "1.0.0");
	g_assert_cmpuint(other->len, ==, 0);
}

/* JVN's Japanese words for NEC Aterm, matched from the OUI's English name */
static void
test_jvn_japanese_range(void)
{
	g_autoptr(YmStore) store = new_store();
	g_autoptr(YmAdvisory) advisory =
	    ym_advisory_new(YM_ADVISORY_SOURCE_JVN, "JVNDB-2025-000002");
	YmAdvisoryProduct *product = ym_advisory_add_product(advisory);
	struct {
		const gchar *model;
		const gchar *firmware;
		YmMatchStatus status;
	} cases[] = {
	    {"Aterm WX3600HP", "1.2.3", YM_MATCH_AFFECTED},
	    {"Aterm WX3600HP", "Ver.1.2.4", YM_MATCH_FIXED},
	    {"Aterm WX3600HP", "1.3.0", YM_MATCH_FIXED},
	    /* the label says only the model number: may be affected */
	    {"WX3600HP", "1.2.3", YM_MATCH_MAYBE},
	};

	ym_advisory_add_cve(advisory, "CVE-2025-0354");
	advisory->title_ja = g_strdup("複数の Aterm 製品における脆弱性");
	product->vendor = g_strdup("日本電気");
	product->product = g_strdup("Aterm WX3600HP");
	product->version_text = g_strdup("Ver.1.2.4より前のバージョン");
	put(store, advisory);
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GPtrArray) matches =
		    match(store, "NEC Platforms, Ltd.", cases[i].model, cases[i].firmware);
		const YmAdvisoryMatch *m;
		g_test_message("%s %s", cases[i].model, cases[i].firmware);
		g_assert_cmpuint(matches->len, ==, 1);
		m = g_ptr_array_index(matches, 0);
		g_assert_cmpint(m->status, ==, cases[i].status);
		g_assert_cmpstr(m->title_ja, ==, "複数の Aterm 製品における脆弱性");
		g_assert_false(m->kev);
	}
}

/* CSAF's fixed and not-affected statuses speak for themselves */
static void
test_csaf_statuses(void)
{
	g_autoptr(YmStore) store = new_store();
	g_autoptr(YmAdvisory) advisory = ym_advisory_new(YM_ADVISORY_SOURCE_CSAF, "ICSA-23-355-02");
	YmAdvisoryProduct *affected = ym_advisory_add_product(advisory);
	YmAdvisoryProduct *fixed = ym_advisory_add_product(advisory);
	g_autoptr(GPtrArray) old = NULL;
	g_autoptr(GPtrArray) current = NULL;
	const YmAdvisoryMatch *m;

	ym_advisory_add_cve(advisory, "CVE-2023-47565");
	advisory->end_of_life = TRUE;
	advisory->remediation = YM_REMEDIATION_NO_FIX_PLANNED;
	affected->vendor = g_strdup("QNAP");
	affected->product = g_strdup("VioStor NVR");
	affected->version_text = g_strdup("<4.x");
	fixed->status = YM_PRODUCT_STATUS_FIXED;
	fixed->vendor = g_strdup("QNAP");
	fixed->product = g_strdup("VioStor NVR");
	fixed->version_start = g_strdup("5.0.0");
	fixed->start_inclusive = TRUE;
	put(store, advisory);

	old = match(store, "QNAP Systems, Inc.", "VioStor NVR", "3.9.2");
	g_assert_cmpuint(old->len, ==, 1);
	m = g_ptr_array_index(old, 0);
	g_assert_cmpint(m->status, ==, YM_MATCH_AFFECTED);
	g_assert_true(m->end_of_support);
	current = match(store, "QNAP Systems, Inc.", "VioStor NVR", "5.0.1");
	g_assert_cmpuint(current->len, ==, 1);
	m = g_ptr_array_index(current, 0);
	g_assert_cmpint(m->status, ==, YM_MATCH_FIXED);
}

/* a router with many CVEs is one alert listing them, resolved once the
 * firmware is updated */
static void
test_alerts_grouped(void)
{
	g_autoptr(YmStore) store = new_store();
	g_autoptr(YmAlerts) alerts = ym_alerts_new();
	g_autoptr(YmAdvisory) kev = make_ax21_nvd();
	g_autoptr(GPtrArray) before = NULL;
	g_autoptr(GPtrArray) after = NULL;
	YmDevice device = {.vendor = "TP-LINK TECHNOLOGIES CO.,LTD.", .model = "Archer AX21"};
	YmDeviceIdentity identity = {.vendor = device.vendor,
	                             .model = "Archer AX21",
	                             .firmware = "1.0.0"};
	GPtrArray *all;
	guint firmware_alerts = 0;

	g_strlcpy(device.mac_string, "50:c7:bf:00:00:01", sizeof(device.mac_string));
	ym_alerts_set_default_severity(alerts, "firmware_update_available", YM_SEVERITY_CAUTION);
	ym_alerts_set_default_severity(alerts, "known_exploited_vulnerability", YM_SEVERITY_URGENT);
	put(store, kev);
	for (guint i = 0; i < 12; i++) {
		g_autofree gchar *cve = g_strdup_printf("CVE-2024-%05u", 10000 + i);
		g_autoptr(YmAdvisory) advisory = ym_advisory_new(YM_ADVISORY_SOURCE_NVD, cve);
		YmAdvisoryProduct *product = ym_advisory_add_product(advisory);
		ym_advisory_add_cve(advisory, cve);
		product->vendor = g_strdup("tp-link");
		product->product = g_strdup("archer_ax21_firmware");
		product->version_end = g_strdup("1.1.5");
		product->end_inclusive = FALSE;
		put(store, advisory);
	}
	before = match(store, identity.vendor, identity.model, identity.firmware);
	g_assert_cmpuint(before->len, ==, 13);
	g_assert_cmpuint(ym_advisory_alerts_apply(alerts, &device, &identity, before, 1000), ==, 2);
	all = ym_alerts_get_all(alerts);
	g_assert_cmpuint(all->len, ==, 2);
	for (guint i = 0; i < all->len; i++) {
		const YmAlert *alert = g_ptr_array_index(all, i);
		JsonArray *entries = json_object_get_array_member(alert->evidence, "entries");
		if (g_strcmp0(alert->type, "known_exploited_vulnerability") == 0) {
			g_assert_cmpint(alert->severity, ==, YM_SEVERITY_URGENT);
			g_assert_cmpuint(json_array_get_length(entries), ==, 1);
		} else {
			g_assert_cmpstr(alert->type, ==, "firmware_update_available");
			/* an update that fixes security flaws: a warning */
			g_assert_cmpint(alert->severity, ==, YM_SEVERITY_WARNING);
			g_assert_cmpuint(json_array_get_length(entries), ==, 12);
			g_assert_cmpstr(
			    json_object_get_string_member(alert->evidence, "fixed_version"), ==,
			    "1.1.5");
			firmware_alerts++;
		}
		g_assert_cmpint(alert->state, ==, YM_ALERT_STATE_OPEN);
	}
	g_assert_cmpuint(firmware_alerts, ==, 1);

	/* the resident updated: the re-check resolves both */
	identity.firmware = "1.1.5 Build 20240101";
	after = match(store, identity.vendor, identity.model, identity.firmware);
	g_assert_cmpuint(ym_advisory_alerts_apply(alerts, &device, &identity, after, 2000), ==, 0);
	for (guint i = 0; i < all->len; i++) {
		const YmAlert *alert = g_ptr_array_index(all, i);
		g_assert_cmpint(alert->state, ==, YM_ALERT_STATE_RESOLVED);
	}
}

/* CSAF names model families with placeholders */
static void
test_series_wildcards(void)
{
	g_autoptr(YmStore) store = new_store();
	g_autoptr(YmAdvisory) advisory = ym_advisory_new(YM_ADVISORY_SOURCE_CSAF, "ICSA-17-124-01");
	const gchar *families[] = {"DS-2CD2xx2FWD Series", "DS-2DFx Series", "RLC-4XX series"};
	struct {
		const gchar *model;
		gboolean matches;
	} cases[] = {
	    {"DS-2CD2432FWD-IW", TRUE}, {"DS-2CD2142FWD", TRUE},
	    {"DS-2DF8225IX-AEL", TRUE}, {"DS-2CD2432F-IW", FALSE}, /* FWD is part of the family */
	    {"DS-2CD3432FWD", FALSE},   {"DS-2CD2", FALSE},
	};

	ym_advisory_add_cve(advisory, "CVE-2017-7921");
	for (guint i = 0; i < G_N_ELEMENTS(families); i++) {
		YmAdvisoryProduct *product = ym_advisory_add_product(advisory);
		product->vendor = g_strdup("Hikvision");
		product->product = g_strdup(families[i]);
		product->all_versions = TRUE;
	}
	put(store, advisory);
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GPtrArray) matches =
		    match(store, "Hangzhou Hikvision Digital Technology Co.,Ltd.", cases[i].model,
		          "5.4.0");
		g_test_message("%s", cases[i].model);
		g_assert_cmpuint(matches->len, ==, cases[i].matches ? 1 : 0);
	}
}

static void
test_feed_state(void)
{
	g_autoptr(YmStore) store = new_store();
	g_auto(YmAdvisoryFeed) feed = {0};
	g_auto(YmAdvisoryFeed) back = {0};
	g_autoptr(GError) error = NULL;

	g_assert_true(ym_advisory_db_get_feed(store, "https://example/kev.json", &feed, &error));
	g_assert_no_error(error);
	g_assert_cmpstr(feed.url, ==, "https://example/kev.json");
	g_assert_null(feed.etag);
	feed.source = g_strdup("kev");
	feed.etag = g_strdup("\"abc\"");
	feed.high_water = g_strdup("2025.08.25");
	feed.last_success = 1700000000;
	feed.records = 1404;
	g_assert_true(ym_advisory_db_set_feed(store, &feed, &error));
	g_assert_no_error(error);
	g_assert_true(ym_advisory_db_get_feed(store, "https://example/kev.json", &back, &error));
	g_assert_no_error(error);
	g_assert_cmpstr(back.etag, ==, "\"abc\"");
	g_assert_cmpstr(back.high_water, ==, "2025.08.25");
	g_assert_cmpint(back.last_success, ==, 1700000000);
	g_assert_cmpint(back.records, ==, 1404);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/advisory-matcher/put-idempotent", test_put_idempotent);
	g_test_add_func("/ym/advisory-matcher/ax21-boundaries", test_ax21_boundaries);
	g_test_add_func("/ym/advisory-matcher/unknown-firmware", test_unknown_firmware_maybe);
	g_test_add_func("/ym/advisory-matcher/jvn-japanese-range", test_jvn_japanese_range);
	g_test_add_func("/ym/advisory-matcher/csaf-statuses", test_csaf_statuses);
	g_test_add_func("/ym/advisory-matcher/alerts-grouped", test_alerts_grouped);
	g_test_add_func("/ym/advisory-matcher/series-wildcards", test_series_wildcards);
	g_test_add_func("/ym/advisory-matcher/feed-state", test_feed_state);
	return g_test_run();
}
