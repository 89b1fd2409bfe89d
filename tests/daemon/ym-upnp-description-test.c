/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* UPnP device descriptions: real shapes (our own, written from the
 * UPnP Device Architecture and what vendors are known to add) and hostile ones */

#include "config.h"

#include <string.h>

#include "ym-error.h"
#include "ym-upnp-description.h"

static YmUpnpDescription *
parse_fixture(const gchar *name)
{
	g_autofree gchar *path = g_build_filename(SRCDIR, "data", "upnp", name, NULL);
	g_autofree gchar *contents = NULL;
	g_autoptr(GError) error = NULL;
	YmUpnpDescription *description;
	gsize length = 0;

	g_file_get_contents(path, &contents, &length, &error);
	g_assert_no_error(error);
	description = ym_upnp_description_parse(contents, length, &error);
	g_assert_no_error(error);
	g_assert_nonnull(description);
	return description;
}

static YmUpnpDescription *
parse_text(const gchar *text, GError **error)
{
	return ym_upnp_description_parse(text, strlen(text), error);
}

/* no kept value may hold @needle */
static void
assert_nowhere(const YmUpnpDescription *d, const gchar *needle)
{
	const gchar *values[] = {d->device_type,       d->friendly_name, d->manufacturer,
	                         d->manufacturer_url,  d->model_name,    d->model_number,
	                         d->model_description, d->firmware,      d->presentation_host};
	for (guint i = 0; i < G_N_ELEMENTS(values); i++) {
		if (values[i] != NULL && strstr(values[i], needle) != NULL)
			g_error("\"%s\" kept in \"%s\"", needle, values[i]);
	}
}

static void
test_router_igd(void)
{
	g_autoptr(YmUpnpDescription) d = parse_fixture("tplink-archer-igd.xml");
	g_assert_cmpstr(d->device_type, ==, "urn:schemas-upnp-org:device:InternetGatewayDevice:1");
	g_assert_cmpstr(d->friendly_name, ==, "Archer C7");
	g_assert_cmpstr(d->manufacturer, ==, "TP-Link");
	g_assert_cmpstr(d->manufacturer_url, ==, "http://www.tp-link.com");
	g_assert_cmpstr(d->model_name, ==, "Archer C7");
	g_assert_cmpstr(d->model_number, ==, "5.0");
	g_assert_cmpstr(d->model_description, ==, "AC1750 Wireless Dual Band Gigabit Router");
	/* "5.0" is two numbers: a hardware version, not firmware */
	g_assert_null(d->firmware);
	g_assert_cmpstr(d->presentation_host, ==, "192.168.0.1:80");
	/* the root device names a model: its embedded WAN devices are not used */
	g_assert_false(d->embedded);
	assert_nowhere(d, "9f0865b3");
	assert_nowhere(d, "123456789012");
}

static void
test_camera_serial_cut(void)
{
	g_autoptr(YmUpnpDescription) d = parse_fixture("hikvision-camera.xml");
	g_assert_cmpstr(d->manufacturer, ==, "Hikvision");
	g_assert_cmpstr(d->model_name, ==, "DS-2CD2142FWD-I");
	g_assert_cmpstr(d->model_number, ==, "DS-2CD2142FWD-I");
	g_assert_cmpstr(d->model_description, ==, "Hikvision IP Camera");
	/* a vendor namespace prefix does not hide it */
	g_assert_cmpstr(d->firmware, ==, "V5.5.82 build 190909");
	/* the serial number was in the resident's name for it: cut out */
	g_assert_cmpstr(d->friendly_name, ==, "Living room camera");
	/* user, password, path and query of presentationURL are not kept */
	g_assert_cmpstr(d->presentation_host, ==, "192.168.1.64:80");
	assert_nowhere(d, "C88812345");
	assert_nowhere(d, "c0564b123456");
	assert_nowhere(d, "hunter2");
	assert_nowhere(d, "login.asp");
}

static void
test_speaker(void)
{
	g_autoptr(YmUpnpDescription) d = parse_fixture("sonos-one.xml");
	g_assert_cmpstr(d->device_type, ==, "urn:schemas-upnp-org:device:ZonePlayer:1");
	g_assert_cmpstr(d->manufacturer, ==, "Sonos, Inc.");
	g_assert_cmpstr(d->model_name, ==, "Sonos One");
	g_assert_cmpstr(d->model_number, ==, "S18");
	/* softwareVersion comes before displayVersion */
	g_assert_cmpstr(d->firmware, ==, "77.4-49290");
	/* the UDN (RINCON_ plus the MAC) cut out of the name, with its dash */
	g_assert_cmpstr(d->friendly_name, ==, "192.168.1.23 - Sonos One");
	g_assert_null(d->presentation_host);
	assert_nowhere(d, "RINCON");
	assert_nowhere(d, "48A6B8");
	assert_nowhere(d, "48-A6-B8");
}

static void
test_embedded_model(void)
{
	g_autoptr(YmUpnpDescription) d = parse_fixture("embedded-model.xml");
	g_assert_true(d->embedded);
	/* the first embedded device with a model, skipping the one without */
	g_assert_cmpstr(d->model_name, ==, "EV-55Q8");
	g_assert_cmpstr(d->manufacturer, ==, "ExampleVision Corp.");
	/* a version as model number is the firmware, without its "V" */
	g_assert_cmpstr(d->firmware, ==, "2.4.17");
	g_assert_null(d->model_number);
	/* the box as a whole keeps the root device's name and type */
	g_assert_cmpstr(d->friendly_name, ==, "Bedroom TV");
	g_assert_cmpstr(d->device_type, ==, "urn:schemas-upnp-org:device:Basic:1");
}

static void
test_missing_fields(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(YmUpnpDescription) d =
	    parse_text("<root><device><deviceType>urn:schemas-upnp-org:device:Basic:1"
	               "</deviceType><modelName>   </modelName></device></root>",
	               &error);
	g_assert_no_error(error);
	g_assert_nonnull(d);
	g_assert_cmpstr(d->device_type, ==, "urn:schemas-upnp-org:device:Basic:1");
	g_assert_null(d->friendly_name);
	g_assert_null(d->manufacturer);
	g_assert_null(d->model_name);
	g_assert_null(d->model_number);
	g_assert_null(d->firmware);
	g_assert_false(d->embedded);
}

static void
test_whitespace_and_controls(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(YmUpnpDescription) d =
	    parse_text("<root><device><modelName>\n\t  Archer \r\n C7&#x9;</modelName>"
	               "<manufacturer><![CDATA[ TP-Link ]]></manufacturer>"
	               "<firmwareVersion>unknown</firmwareVersion>"
	               "<softwareVersion>3.16.9 Build 20230201</softwareVersion>"
	               "</device></root>",
	               &error);
	g_assert_no_error(error);
	g_assert_cmpstr(d->model_name, ==, "Archer C7");
	g_assert_cmpstr(d->manufacturer, ==, "TP-Link");
	/* a firmware element without a digit is skipped for the next one */
	g_assert_cmpstr(d->firmware, ==, "3.16.9 Build 20230201");
}

static void
test_long_value_cut(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GString) xml = g_string_new("<root><device><friendlyName>a");
	g_autoptr(YmUpnpDescription) d = NULL;
	/* three-byte characters after one ASCII byte: byte 128 is mid-character */
	for (guint i = 0; i < 4000; i++)
		g_string_append(xml, "家");
	g_string_append(xml, "</friendlyName></device></root>");
	d = ym_upnp_description_parse(xml->str, xml->len, &error);
	g_assert_no_error(error);
	g_assert_true(g_utf8_validate(d->friendly_name, -1, NULL));
	/* 1 + 42 * 3 = 127 bytes: the 43rd character would end at 130 */
	g_assert_cmpuint(strlen(d->friendly_name), ==, 127);
}

static void
test_latin1_declared(void)
{
	g_autoptr(GError) error = NULL;
	/* "Küche" in ISO-8859-1, as its declaration says */
	const gchar text[] = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
	                     "<root><device><friendlyName>K\xfc"
	                     "che</friendlyName></device></root>";
	g_autoptr(YmUpnpDescription) d = ym_upnp_description_parse(text, sizeof(text) - 1, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(d->friendly_name, ==,
	                "K\xc3\xbc"
	                "che");
}

static void
test_not_utf8(void)
{
	g_autoptr(GError) error = NULL;
	/* the same byte where UTF-8 is declared (by default) */
	const gchar text[] = "<root>\n<device>\n<friendlyName>K\xfc"
	                     "che</friendlyName></device></root>";
	g_autoptr(YmUpnpDescription) d = ym_upnp_description_parse(text, sizeof(text) - 1, &error);
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_null(d);
	g_assert_nonnull(strstr(error->message, "not well-formed XML at line 3"));
}

static void
test_entity_expansion(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(YmUpnpDescription) d = NULL;
	const gchar *laughs =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE root [\n"
	    " <!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
	    " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	    " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	    " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
	    " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
	    "]>\n"
	    "<root><device><modelName>&e;&e;&e;&e;</modelName></device></root>";
	const gchar *external = "<?xml version=\"1.0\"?>\n"
	                        "<!DOCTYPE root [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
	                        "<root><device><modelName>&x;</modelName></device></root>";

	d = parse_text(laughs, &error);
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_null(d);
	g_assert_nonnull(strstr(error->message, "<!DOCTYPE>"));
	g_clear_error(&error);
	d = parse_text(external, &error);
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_null(d);
	g_clear_error(&error);
	/* without a DTD no entity but the five predefined ones exists */
	d = parse_text("<root><device><modelName>&x;</modelName></device></root>", &error);
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_null(d);
	g_assert_nonnull(strstr(error->message, "line 1"));
	g_clear_error(&error);
	d = parse_text("<root><device><modelName>A&amp;B &#x41;</modelName></device></root>",
	               &error);
	g_assert_no_error(error);
	g_assert_cmpstr(d->model_name, ==, "A&B A");
}

static void
test_too_large(void)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *big = g_malloc(YM_UPNP_DESCRIPTION_MAX_SIZE + 1);
	g_autoptr(YmUpnpDescription) d = NULL;
	memset(big, ' ', YM_UPNP_DESCRIPTION_MAX_SIZE + 1);
	memcpy(big, "<root><device><modelName>x</modelName></device></root>", 54);
	d = ym_upnp_description_parse(big, YM_UPNP_DESCRIPTION_MAX_SIZE + 1, &error);
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_null(d);
	g_assert_nonnull(strstr(error->message, "65537 bytes"));
	g_clear_error(&error);
	/* exactly the cap is read */
	d = ym_upnp_description_parse(big, YM_UPNP_DESCRIPTION_MAX_SIZE, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(d->model_name, ==, "x");
}

static void
test_not_a_description(void)
{
	const struct {
		const gchar *text;
		const gchar *message;
	} cases[] = {
	    {"", "empty"},
	    {"<html><body>login</body></html>", "the document element is <html>, not <root>"},
	    {"<root><specVersion/></root>", "no <device> in <root>"},
	    {"<root><device><modelName>cut", "not well-formed XML at line 1"},
	    {"HTTP/1.1 200 OK", "not well-formed XML"},
	    {"<root><device></root>", "not well-formed XML"},
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(YmUpnpDescription) d = parse_text(cases[i].text, &error);
		g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
		g_assert_null(d);
		if (strstr(error->message, cases[i].message) == NULL)
			g_error("case %u: \"%s\" lacks \"%s\"", i, error->message,
			        cases[i].message);
		g_assert_true(g_str_has_prefix(error->message, "UPnP description: "));
	}
}

static void
test_deep_nesting(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GString) xml = g_string_new("<root><device><friendlyName>top</friendlyName>");
	g_autoptr(YmUpnpDescription) d = NULL;
	/* a model only at depth 20: beyond the embedded-device search */
	for (guint i = 0; i < 20; i++)
		g_string_append(xml, "<deviceList><device>");
	g_string_append(xml, "<modelName>deep</modelName>");
	for (guint i = 0; i < 20; i++)
		g_string_append(xml, "</device></deviceList>");
	g_string_append(xml, "</device></root>");
	d = ym_upnp_description_parse(xml->str, xml->len, &error);
	g_assert_no_error(error);
	g_assert_null(d->model_name);
	g_assert_false(d->embedded);
	g_assert_cmpstr(d->friendly_name, ==, "top");
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/upnp-description/router-igd", test_router_igd);
	g_test_add_func("/ym/upnp-description/camera-serial-cut", test_camera_serial_cut);
	g_test_add_func("/ym/upnp-description/speaker", test_speaker);
	g_test_add_func("/ym/upnp-description/embedded-model", test_embedded_model);
	g_test_add_func("/ym/upnp-description/missing-fields", test_missing_fields);
	g_test_add_func("/ym/upnp-description/whitespace-and-controls",
	                test_whitespace_and_controls);
	g_test_add_func("/ym/upnp-description/long-value-cut", test_long_value_cut);
	g_test_add_func("/ym/upnp-description/latin1-declared", test_latin1_declared);
	g_test_add_func("/ym/upnp-description/not-utf8", test_not_utf8);
	g_test_add_func("/ym/upnp-description/entity-expansion", test_entity_expansion);
	g_test_add_func("/ym/upnp-description/too-large", test_too_large);
	g_test_add_func("/ym/upnp-description/not-a-description", test_not_a_description);
	g_test_add_func("/ym/upnp-description/deep-nesting", test_deep_nesting);
	return g_test_run();
}
