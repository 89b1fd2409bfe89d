/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * upnp_port_opened: the SOAP, NAT-PMP and PCP request parsers (every
 * truncation), the generated demo home with and without its scenes, and
 * every shared real capture (none asks a router to open a port)
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ym-detect-upnp-private.h"
#include "ym-engine.h"
#include "ym-test-common.h"
#include "ym-test-engine.h"

#define TYPE "upnp_port_opened"

static const gchar soap_head[] =
    "POST /upnp/control/WANIPConn1 HTTP/1.1\r\n"
    "HOST: 192.168.10.1:2869\r\n"
    "CONTENT-TYPE: text/xml; charset=\"utf-8\"\r\n"
    "SOAPACTION: \"urn:schemas-upnp-org:service:WANIPConnection:1#AddPortMapping\"\r\n"
    "Content-Length: 600\r\n\r\n";
static const gchar soap_body[] =
    "<?xml version=\"1.0\"?>\r\n<s:Envelope "
    "xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><u:AddPortMapping "
    "xmlns:u=\"urn:schemas-upnp-org:service:WANIPConnection:1\"><NewRemoteHost></"
    "NewRemoteHost><NewExternalPort>8554</NewExternalPort><NewProtocol>tcp</"
    "NewProtocol><NewInternalPort>554</NewInternalPort><NewInternalClient>192.168.10.4</"
    "NewInternalClient><NewEnabled>1</NewEnabled><NewPortMappingDescription>Tapo "
    "RTSP</NewPortMappingDescription><NewLeaseDuration>0</NewLeaseDuration></"
    "u:AddPortMapping></s:Body></s:Envelope>\r\n";

static const guint8 natpmp_tcp[] = {0, 2, 0, 0, 0x02, 0x2a, 0x21, 0x6a, 0, 0, 0x1c, 0x20};

static GBytes *
pcp_map(guint8 version, guint8 opcode, guint8 proto, guint32 lifetime)
{
	guint8 out[60] = {0};
	out[0] = version;
	out[1] = opcode;
	out[4] = lifetime >> 24;
	out[5] = (lifetime >> 16) & 0xff;
	out[6] = (lifetime >> 8) & 0xff;
	out[7] = lifetime & 0xff;
	out[18] = out[19] = 0xff;
	out[20] = 192;
	out[21] = 168;
	out[22] = 10;
	out[23] = 4;
	out[24 + 12] = proto;
	out[24 + 16] = 554 >> 8;
	out[24 + 17] = 554 & 0xff;
	out[24 + 18] = 8554 >> 8;
	out[24 + 19] = 8554 & 0xff;
	return g_bytes_new(out, sizeof(out));
}

static void
test_soap(void)
{
	g_autofree gchar *whole = g_strconcat(soap_head, soap_body, NULL);
	YmUpnpMapping m = {0};

	g_assert_true(_ym_upnp_parse_soap((const guint8 *) whole, strlen(whole), &m));
	g_assert_cmpint(m.method, ==, YM_UPNP_METHOD_IGD);
	g_assert_cmpuint(m.external_port, ==, 8554);
	g_assert_cmpstr(m.protocol, ==, "TCP");
	g_assert_cmpuint(m.internal_port, ==, 554);
	g_assert_cmpstr(m.internal_client, ==, "192.168.10.4");
	g_assert_cmpstr(m.description, ==, "Tapo RTSP");
	g_assert_true(m.has_lease);
	g_assert_cmpint(m.lease_seconds, ==, 0);

	/* head, then body: the fields add up */
	memset(&m, 0, sizeof(m));
	g_assert_false(_ym_upnp_parse_soap((const guint8 *) soap_head, strlen(soap_head), &m));
	g_assert_true(m.has_action);
	g_assert_true(_ym_upnp_parse_soap((const guint8 *) soap_body, strlen(soap_body), &m));
	g_assert_cmpuint(m.external_port, ==, 8554);

	/* every prefix of the whole, as an exact-size heap copy: no overread */
	for (gsize n = 0; n <= strlen(whole); n++) {
		g_autofree guint8 *copy = g_memdup2(whole, n);
		memset(&m, 0, sizeof(m));
		_ym_upnp_parse_soap(copy, n, &m);
		g_assert_true(g_utf8_validate(m.description, -1, NULL));
	}

	/* no action named: nothing */
	memset(&m, 0, sizeof(m));
	g_assert_false(_ym_upnp_parse_soap(
	    (const guint8 *) "<NewExternalPort>1</NewExternalPort><NewProtocol>TCP</NewProtocol>",
	    66, &m));

	/* prefixes, AddAnyPortMapping, entities, a cap cutting UTF-8, bad numbers */
	{
		const gchar *odd =
		    "<u:AddAnyPortMapping><m:NewExternalPort >70000</m:NewExternalPort>"
		    "<x:NewExternalPortX>5</x:NewExternalPortX><m:NewProtocol> udp </m:NewProtocol>"
		    "<NewPortMappingDescription>a &amp; b &lt;c&gt; "
		    "\xe3\x81\x82\xe3\x81\x82\xe3\x81\x82\xe3\x81\x82\xe3\x81\x82\xe3\x81\x82"
		    "\xe3\x81\x82\xe3\x81\x82\xe3\x81\x82\xe3\x81\x82\xe3\x81\x82\xe3\x81\x82"
		    "\xe3\x81\x82\xe3\x81\x82\xe3\x81\x82\xe3\x81\x82\xe3\x81\x82\xe3\x81\x82"
		    "</NewPortMappingDescription><NewLeaseDuration>x</NewLeaseDuration>";
		memset(&m, 0, sizeof(m));
		g_assert_false(_ym_upnp_parse_soap((const guint8 *) odd, strlen(odd), &m));
		g_assert_true(m.has_action);
		g_assert_false(m.has_external_port);
		g_assert_cmpstr(m.protocol, ==, "UDP");
		g_assert_false(m.has_lease);
		g_assert_true(g_str_has_prefix(m.description, "a & b <c> \xe3\x81\x82"));
		g_assert_true(g_utf8_validate(m.description, -1, NULL));
		g_assert_cmpuint(strlen(m.description), <=, YM_UPNP_DESCRIPTION_MAX);
		g_assert_cmpuint(strlen(m.description), >, YM_UPNP_DESCRIPTION_MAX - 3);
	}
}

static void
test_natpmp(void)
{
	YmUpnpMapping m;
	guint8 buf[12];

	g_assert_true(_ym_upnp_parse_natpmp(natpmp_tcp, sizeof(natpmp_tcp), &m));
	g_assert_cmpint(m.method, ==, YM_UPNP_METHOD_NATPMP);
	g_assert_cmpstr(m.protocol, ==, "TCP");
	g_assert_cmpuint(m.internal_port, ==, 554);
	g_assert_cmpuint(m.external_port, ==, 8554);
	g_assert_cmpint(m.lease_seconds, ==, 7200);
	for (gsize n = 0; n < sizeof(natpmp_tcp); n++) {
		g_autofree guint8 *copy = g_memdup2(natpmp_tcp, n);
		g_assert_false(_ym_upnp_parse_natpmp(copy, n, &m));
		g_assert_false(_ym_upnp_parse_pcp(copy, n, &m));
	}
	memcpy(buf, natpmp_tcp, sizeof(buf));
	buf[1] = 1;
	g_assert_true(_ym_upnp_parse_natpmp(buf, sizeof(buf), &m));
	g_assert_cmpstr(m.protocol, ==, "UDP");
	buf[1] = 0; /* external address request */
	g_assert_false(_ym_upnp_parse_natpmp(buf, sizeof(buf), &m));
	buf[1] = 130; /* a response */
	g_assert_false(_ym_upnp_parse_natpmp(buf, sizeof(buf), &m));
	buf[1] = 2;
	buf[0] = 1;
	g_assert_false(_ym_upnp_parse_natpmp(buf, sizeof(buf), &m));
	g_assert_false(_ym_upnp_parse_natpmp(NULL, 0, &m));
}

static void
test_pcp(void)
{
	g_autoptr(GBytes) map = pcp_map(2, 1, 6, 7200);
	g_autoptr(GBytes) udp = pcp_map(2, 1, 17, 60);
	g_autoptr(GBytes) response = pcp_map(2, 0x81, 6, 7200);
	g_autoptr(GBytes) peer = pcp_map(2, 2, 6, 7200);
	g_autoptr(GBytes) v1 = pcp_map(1, 1, 6, 7200);
	gsize size;
	const guint8 *data = g_bytes_get_data(map, &size);
	YmUpnpMapping m;

	g_assert_true(_ym_upnp_parse_pcp(data, size, &m));
	g_assert_cmpint(m.method, ==, YM_UPNP_METHOD_PCP);
	g_assert_cmpstr(m.protocol, ==, "TCP");
	g_assert_cmpuint(m.internal_port, ==, 554);
	g_assert_cmpuint(m.external_port, ==, 8554);
	g_assert_cmpint(m.lease_seconds, ==, 7200);
	g_assert_cmpstr(m.internal_client, ==, "192.168.10.4");
	g_assert_false(_ym_upnp_parse_natpmp(data, size, &m));
	for (gsize n = 0; n < size; n++) {
		g_autofree guint8 *copy = g_memdup2(data, n);
		g_assert_false(_ym_upnp_parse_pcp(copy, n, &m));
	}
	data = g_bytes_get_data(udp, &size);
	g_assert_true(_ym_upnp_parse_pcp(data, size, &m));
	g_assert_cmpstr(m.protocol, ==, "UDP");
	data = g_bytes_get_data(response, &size);
	g_assert_false(_ym_upnp_parse_pcp(data, size, &m));
	data = g_bytes_get_data(peer, &size);
	g_assert_false(_ym_upnp_parse_pcp(data, size, &m));
	data = g_bytes_get_data(v1, &size);
	g_assert_false(_ym_upnp_parse_pcp(data, size, &m));
}

static void
test_demo(void)
{
	g_autofree gchar *tmp = NULL;
	g_autofree gchar *clean = NULL;
	g_autofree gchar *attacks = NULL;
	g_autoptr(YmEngine) engine = NULL;
	g_autoptr(YmEngine) engine_attacks = NULL;
	g_autoptr(GHashTable) alerts = NULL;
	g_autoptr(GHashTable) alerts_attacks = NULL;
	JsonObject *ev;
	JsonArray *methods;
	YmAlert *alert;

	if (g_getenv("YAMORI_GEN") == NULL) {
		g_test_skip("YAMORI_GEN not set");
		return;
	}
	tmp = ym_test_make_tmpdir();
	g_free(ym_test_make_signatures(tmp));
	clean = ym_test_generate_demo(tmp, "clean.pcapng", "--scenes=none");
	attacks = ym_test_generate_demo(tmp, "attacks.pcapng", NULL);

	engine = ym_test_engine_new(tmp);
	ym_test_engine_analyse(engine, clean);
	alerts = ym_test_alerts_of_type(ym_engine_get_alerts(engine), TYPE);
	if (g_hash_table_size(alerts) != 0)
		ym_test_dump_alerts(alerts);
	g_assert_cmpuint(g_hash_table_size(alerts), ==, 0);

	/* the camera's SOAP AddPortMapping and its NAT-PMP request: one door */
	engine_attacks = ym_test_engine_new(tmp);
	ym_test_engine_analyse(engine_attacks, attacks);
	alerts_attacks = ym_test_alerts_of_type(ym_engine_get_alerts(engine_attacks), TYPE);
	if (g_hash_table_size(alerts_attacks) != 1)
		ym_test_dump_alerts(alerts_attacks);
	g_assert_cmpuint(g_hash_table_size(alerts_attacks), ==, 1);
	alert = g_hash_table_lookup(alerts_attacks, "ac:15:a2:4e:6a:7b|TCP/8554");
	if (alert == NULL)
		ym_test_dump_alerts(alerts_attacks);
	g_assert_nonnull(alert);
	g_assert_cmpuint(alert->count, ==, 2);
	g_assert_cmpint(alert->severity, >=, YM_SEVERITY_CAUTION);
	ev = alert->evidence;
	g_assert_cmpint(json_object_get_int_member(ev, "external_port"), ==, 8554);
	g_assert_cmpstr(json_object_get_string_member(ev, "protocol"), ==, "TCP");
	g_assert_cmpstr(json_object_get_string_member(ev, "internal_client"), ==, "192.168.10.4");
	g_assert_cmpint(json_object_get_int_member(ev, "internal_port"), ==, 554);
	g_assert_cmpstr(json_object_get_string_member(ev, "router"), ==, "192.168.10.1");
	/* the latest request (NAT-PMP) speaks; the SOAP description stays */
	g_assert_cmpstr(json_object_get_string_member(ev, "method"), ==, "nat-pmp");
	g_assert_cmpint(json_object_get_int_member(ev, "lease_seconds"), ==, 7200);
	g_assert_cmpstr(json_object_get_string_member(ev, "description"), ==, "Tapo RTSP");
	methods = json_object_get_array_member(ev, "methods");
	g_assert_cmpuint(json_array_get_length(methods), ==, 2);
	g_assert_cmpstr(json_array_get_string_element(methods, 0), ==, "upnp-igd");
	g_assert_cmpstr(json_array_get_string_element(methods, 1), ==, "nat-pmp");
	ym_test_rm_rf(tmp);
}

static void
test_shared(void)
{
	g_autofree gchar *pcaps = NULL;
	g_autofree gchar *tmp = NULL;
	g_autoptr(GDir) listing = NULL;
	g_autoptr(GError) error = NULL;
	const gchar *name;
	guint n = 0;

	pcaps = ym_test_shared_pcap(NULL);
	if (pcaps == NULL)
		return;
	tmp = ym_test_make_tmpdir();
	g_free(ym_test_make_signatures(tmp));
	listing = g_dir_open(pcaps, 0, &error);
	g_assert_no_error(error);
	while ((name = g_dir_read_name(listing)) != NULL) {
		g_autofree gchar *path = NULL;
		g_autoptr(YmEngine) engine = NULL;
		g_autoptr(GHashTable) alerts = NULL;
		if (!g_str_has_suffix(name, ".pcap") && !g_str_has_suffix(name, ".pcapng"))
			continue;
		path = g_build_filename(pcaps, name, NULL);
		engine = ym_test_engine_new(tmp);
		ym_test_engine_analyse(engine, path);
		alerts = ym_test_alerts_of_type(ym_engine_get_alerts(engine), TYPE);
		if (g_hash_table_size(alerts) != 0) {
			g_printerr("%s:\n", name);
			ym_test_dump_alerts(alerts);
		}
		g_assert_cmpuint(g_hash_table_size(alerts), ==, 0);
		n++;
	}
	g_assert_cmpuint(n, >, 0);
	ym_test_rm_rf(tmp);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/detect-upnp/soap", test_soap);
	g_test_add_func("/ym/detect-upnp/nat-pmp", test_natpmp);
	g_test_add_func("/ym/detect-upnp/pcp", test_pcp);
	g_test_add_func("/ym/detect-upnp/demo", test_demo);
	g_test_add_func("/ym/detect-upnp/shared", test_shared);
	return g_test_run();
}
