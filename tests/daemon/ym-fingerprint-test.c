/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ym-error.h"
#include "ym-fingerprints.h"
#include "ym-test-common.h"

static YmDevice *
device_new(const gchar *vendor)
{
	YmDevice *device = g_new0(YmDevice, 1);
	device->vendor = vendor;
	device->addresses = g_array_new(FALSE, TRUE, sizeof(YmDeviceAddress));
	device->names = g_array_new(FALSE, TRUE, sizeof(YmDeviceName));
	device->observations = g_array_new(FALSE, TRUE, sizeof(YmObservation));
	g_strlcpy(device->mac_string, "02:00:00:00:00:01", sizeof(device->mac_string));
	return device;
}

static void
device_free(YmDevice *device)
{
	for (guint i = 0; i < device->names->len; i++)
		g_free(g_array_index(device->names, YmDeviceName, i).name);
	for (guint i = 0; i < device->observations->len; i++)
		g_free(g_array_index(device->observations, YmObservation, i).value);
	g_array_unref(device->addresses);
	g_array_unref(device->names);
	g_array_unref(device->observations);
	g_free(device);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(YmDevice, device_free)

static void
add_obs(YmDevice *device, YmObservationKind kind, const gchar *value)
{
	YmObservation o = {.kind = kind, .value = g_strdup(value), .count = 1};
	g_array_append_val(device->observations, o);
}

static void
add_name(YmDevice *device, const gchar *name)
{
	YmDeviceName n = {.name = g_strdup(name)};
	g_array_append_val(device->names, n);
}

static YmFingerprints *
load_shipped(void)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *dir =
	    g_build_filename(g_getenv("YM_SIGNATURES_DIR"), "fingerprints", NULL);
	YmFingerprints *fp = ym_fingerprints_new();
	g_assert_true(ym_fingerprints_load_dir(fp, dir, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(ym_fingerprints_get_size(fp), >, 100);
	return fp;
}

static void
test_parse_errors(void)
{
	const struct {
		const gchar *text;
		const gchar *message;
	} cases[] = {
	    {"# ok\nvendor ~ \"x\" -> kind=phone@10\nbogus ~ \"x\" -> kind=phone@10\n",
	     "t.rules:3: unknown field \"bogus\""},
	    {"vendor ? \"x\" -> kind=phone@10", "t.rules:1: expected an operator"},
	    {"vendor ~ \"x -> kind=phone@10", "t.rules:1: unterminated string"},
	    {"vendor ~ \"(\" -> kind=phone@10", "t.rules:1: bad pattern"},
	    {"vendor ~ \"x\" kind=phone@10", "t.rules:1: expected -> after the pattern"},
	    {"vendor ~ \"x\" -> kind=toaster@10", "t.rules:1: unknown kind \"toaster\""},
	    {"vendor ~ \"x\" -> kind=phone@0",
	     "t.rules:1: the weight must be a number from 1 to 100"},
	    {"vendor ~ \"x\" -> kind=phone@101",
	     "t.rules:1: the weight must be a number from 1 to 100"},
	    {"vendor ~ \"x\" -> os=\"A\"@10 os=\"B\"@20", "t.rules:1: os is set twice"},
	    {"vendor ~ \"x\" ->", "t.rules:1: the rule sets nothing"},
	    {"vendor ~ \"x\" -> colour=\"red\"@5", "t.rules:1: unknown setting \"colour\""},
	    {"vendor ~ \"x\" -> model=\"a\"", "t.rules:1: expected @weight after the model value"},
	};
	g_autoptr(YmFingerprints) fp = ym_fingerprints_new();
	g_autoptr(GError) error = NULL;

	/* a good set first: it must survive every bad one */
	g_assert_true(ym_fingerprints_load_data(
	    fp, "good.rules", "vendor ~ \"^Sonos\" -> kind=speaker@60\n", 37, &error));
	g_assert_no_error(error);
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_assert_false(ym_fingerprints_load_data(fp, "t.rules", cases[i].text,
		                                         strlen(cases[i].text), &error));
		g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
		if (!g_str_has_prefix(error->message, cases[i].message))
			g_error("case %u: \"%s\" does not start with \"%s\"", i, error->message,
			        cases[i].message);
		g_clear_error(&error);
		g_assert_cmpuint(ym_fingerprints_get_size(fp), ==, 1);
	}
}

static void
test_bad_dir_keeps_rules(void)
{
	g_autoptr(YmFingerprints) fp = load_shipped();
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autofree gchar *bad = g_build_filename(dir, "bad.rules", NULL);
	g_autoptr(GError) error = NULL;
	guint before = ym_fingerprints_get_size(fp);
	g_file_set_contents(bad, "vendor ~ \"a\" -> kind=plug@10\nhostname = -> kind=plug@10\n", -1,
	                    &error);
	g_assert_no_error(error);
	g_assert_false(ym_fingerprints_load_dir(fp, dir, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_nonnull(strstr(error->message, "bad.rules:2: "));
	g_assert_cmpuint(ym_fingerprints_get_size(fp), ==, before);
	ym_test_rm_rf(dir);
}

static void
test_operators_and_templates(void)
{
	g_autoptr(YmFingerprints) fp = ym_fingerprints_new();
	g_autoptr(GError) error = NULL;
	g_autoptr(YmDevice) d = device_new("ACME Widgets");
	YmClassification c = {0};
	const gchar *rules = "vendor ^= \"acme\" -> kind=plug@20\n"
	                     "vendor *= \"WIDGET\" -> kind=plug@15 kind=light@30\n"
	                     "vendor = \"acme\" -> kind=light@50\n"
	                     "user_agent ~ \"Widget/([0-9.]+) \\\\(([^)]+)\\\\)\" -> "
	                     "firmware=\"v$1\"@40 model=\"$2\"@30 os=\"$0\"@5\n";
	g_assert_true(ym_fingerprints_load_data(fp, "t.rules", rules, strlen(rules), &error));
	g_assert_no_error(error);
	add_obs(d, YM_OBS_HTTP_USER_AGENT, "curl/7.88");
	add_obs(d, YM_OBS_HTTP_USER_AGENT, "Widget/2.4.1 (WX-100)");
	ym_fingerprints_classify(fp, d, &c);
	/* plug 20 + 15 = 35 beats light 30; the "=" rule does not match */
	g_assert_cmpstr(c.kind, ==, "plug");
	g_assert_cmpuint(c.kind_confidence, ==, 35);
	g_assert_cmpstr(c.firmware, ==, "v2.4.1");
	g_assert_cmpstr(c.model, ==, "WX-100");
	g_assert_cmpstr(c.os, ==, "Widget/2.4.1 (WX-100)");
	ym_classification_clear(&c);
}

/* the captive-portal trap: an Android phone's connectivity check looks
 * like a Linux desktop, its DHCP and its apps say phone */
static void
test_captive_portal_phone(void)
{
	g_autoptr(YmFingerprints) fp = load_shipped();
	g_autoptr(YmDevice) d = device_new("Google, Inc.");
	YmClassification c = {0};
	add_name(d, "Pixel-7");
	add_obs(d, YM_OBS_DHCP_VENDOR_CLASS, "android-dhcp-14");
	add_obs(d, YM_OBS_HTTP_USER_AGENT,
	        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
	        "Chrome/60.0.3112.32 Safari/537.36");
	add_obs(d, YM_OBS_HTTP_USER_AGENT,
	        "Dalvik/2.1.0 (Linux; U; Android 14; Pixel 7 Build/UQ1A.240205.004)");
	ym_fingerprints_classify(fp, d, &c);
	g_assert_cmpstr(c.kind, ==, "phone");
	g_assert_cmpstr(c.os, ==, "Android 14");
	g_assert_cmpstr(c.model, ==, "Pixel 7");
	ym_classification_clear(&c);
}

static void
test_shipped_rules(void)
{
	g_autoptr(YmFingerprints) fp = load_shipped();
	struct {
		const gchar *vendor;
		YmObservationKind kind;
		const gchar *value;
		const gchar *expect_kind;
		const gchar *expect_model;
		const gchar *expect_os;
		const gchar *expect_firmware;
	} cases[] = {
	    /* values from the shared real captures (see their SOURCES.md) */
	    {"Ubiquiti Networks Inc.", YM_OBS_UBNT_PLATFORM, "UGW3", "router", "UGW3", NULL, NULL},
	    {NULL, YM_OBS_HTTP_USER_AGENT,
	     "Dalvik/2.1.0 (Linux; U; Android 10; Redmi Note 9 Pro MIUI/V12.0.3.0.QJZMIXM)",
	     "phone", "Redmi Note 9 Pro", "Android 10", "MIUI V12.0.3.0"},
	    {"LG Electronics (Mobile Communications)", YM_OBS_HTTP_USER_AGENT,
	     "Dalvik/2.1.0 (Linux; U; Android 5.1.1; LGLS751 Build/LMY47V)", "phone", "LGLS751",
	     "Android 5.1.1", NULL},
	    {"Raspberry Pi Foundation", YM_OBS_DHCP_VENDOR_CLASS,
	     "dhcpcd-6.11.5:Linux-4.1.18-v7+:armv7l:BCM2709", "computer", NULL,
	     "Linux 4.1.18 (armv7l)", NULL},
	    {"Sonos, Inc.", YM_OBS_TLS_SNI, "192.168.1.70", "speaker", NULL, NULL, NULL},
	    {NULL, YM_OBS_MDNS_TXT, "ci=6", "lock", NULL, NULL, NULL},
	    {NULL, YM_OBS_MDNS_TXT, "ty=Brother MFC-J6983CDW", "printer", "Brother MFC-J6983CDW",
	     NULL, NULL},
	    {NULL, YM_OBS_SSDP_TYPE, "urn:schemas-upnp-org:device:InternetGatewayDevice:1",
	     "router", NULL, NULL, NULL},
	    {NULL, YM_OBS_SSDP_USER_AGENT, "Google Chrome/99.0.4844.74 Mac OS X", "computer", NULL,
	     "macOS", NULL},
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(YmDevice) d = device_new(cases[i].vendor);
		YmClassification c = {0};
		add_obs(d, cases[i].kind, cases[i].value);
		if (cases[i].kind == YM_OBS_UBNT_PLATFORM)
			add_obs(d, YM_OBS_UBNT_FIRMWARE, "ER-e120.v4.3.33.4936086.161203.2031");
		ym_fingerprints_classify(fp, d, &c);
		g_assert_cmpstr(c.kind, ==, cases[i].expect_kind);
		if (cases[i].expect_model != NULL)
			g_assert_cmpstr(c.model, ==, cases[i].expect_model);
		if (cases[i].expect_os != NULL)
			g_assert_cmpstr(c.os, ==, cases[i].expect_os);
		if (cases[i].expect_firmware != NULL)
			g_assert_cmpstr(c.firmware, ==, cases[i].expect_firmware);
		if (cases[i].kind == YM_OBS_UBNT_PLATFORM)
			g_assert_cmpstr(c.firmware, ==, "4.3.33");
		ym_classification_clear(&c);
	}
}

static void
test_unknown(void)
{
	g_autoptr(YmFingerprints) fp = load_shipped();
	g_autoptr(YmDevice) d = device_new(NULL);
	YmClassification c = {0};
	ym_fingerprints_classify(fp, d, &c);
	g_assert_cmpstr(c.kind, ==, "unknown");
	g_assert_cmpuint(c.kind_confidence, ==, 0);
	g_assert_null(c.os);
	g_assert_null(c.model);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/fingerprint/parse-errors", test_parse_errors);
	g_test_add_func("/ym/fingerprint/bad-dir-keeps-rules", test_bad_dir_keeps_rules);
	g_test_add_func("/ym/fingerprint/operators-and-templates", test_operators_and_templates);
	g_test_add_func("/ym/fingerprint/captive-portal-phone", test_captive_portal_phone);
	g_test_add_func("/ym/fingerprint/shipped-rules", test_shipped_rules);
	g_test_add_func("/ym/fingerprint/unknown", test_unknown);
	return g_test_run();
}
