/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ym-decode.h"
#include "ym-decode-test-common.h"

/* payloads copied from the shared real captures; expected values from tshark 4.0 */

/* ndpi-ssdp-m-search-ua.pcap frame 1, UDP payload */
static const guint8 chrome_msearch[] = {
    0x4d, 0x2d, 0x53, 0x45, 0x41, 0x52, 0x43, 0x48, 0x20, 0x2a, 0x20, 0x48, 0x54, 0x54, 0x50, 0x2f,
    0x31, 0x2e, 0x31, 0x0d, 0x0a, 0x48, 0x4f, 0x53, 0x54, 0x3a, 0x20, 0x32, 0x33, 0x39, 0x2e, 0x32,
    0x35, 0x35, 0x2e, 0x32, 0x35, 0x35, 0x2e, 0x32, 0x35, 0x30, 0x3a, 0x31, 0x39, 0x30, 0x30, 0x0d,
    0x0a, 0x4d, 0x41, 0x4e, 0x3a, 0x20, 0x22, 0x73, 0x73, 0x64, 0x70, 0x3a, 0x64, 0x69, 0x73, 0x63,
    0x6f, 0x76, 0x65, 0x72, 0x22, 0x0d, 0x0a, 0x4d, 0x58, 0x3a, 0x20, 0x31, 0x0d, 0x0a, 0x53, 0x54,
    0x3a, 0x20, 0x75, 0x72, 0x6e, 0x3a, 0x64, 0x69, 0x61, 0x6c, 0x2d, 0x6d, 0x75, 0x6c, 0x74, 0x69,
    0x73, 0x63, 0x72, 0x65, 0x65, 0x6e, 0x2d, 0x6f, 0x72, 0x67, 0x3a, 0x73, 0x65, 0x72, 0x76, 0x69,
    0x63, 0x65, 0x3a, 0x64, 0x69, 0x61, 0x6c, 0x3a, 0x31, 0x0d, 0x0a, 0x55, 0x53, 0x45, 0x52, 0x2d,
    0x41, 0x47, 0x45, 0x4e, 0x54, 0x3a, 0x20, 0x47, 0x6f, 0x6f, 0x67, 0x6c, 0x65, 0x20, 0x43, 0x68,
    0x72, 0x6f, 0x6d, 0x65, 0x2f, 0x39, 0x39, 0x2e, 0x30, 0x2e, 0x34, 0x38, 0x34, 0x34, 0x2e, 0x37,
    0x34, 0x20, 0x4d, 0x61, 0x63, 0x20, 0x4f, 0x53, 0x20, 0x58, 0x0d, 0x0a, 0x0d, 0x0a,
};
/* zeek-home-multicast-short.pcap frame 5, UDP payload */
static const guint8 dial_msearch[] = {
    0x4d, 0x2d, 0x53, 0x45, 0x41, 0x52, 0x43, 0x48, 0x20, 0x2a, 0x20, 0x48, 0x54, 0x54, 0x50, 0x2f,
    0x31, 0x2e, 0x31, 0x0d, 0x0a, 0x48, 0x4f, 0x53, 0x54, 0x3a, 0x20, 0x32, 0x33, 0x39, 0x2e, 0x32,
    0x35, 0x35, 0x2e, 0x32, 0x35, 0x35, 0x2e, 0x32, 0x35, 0x30, 0x3a, 0x31, 0x39, 0x30, 0x30, 0x0d,
    0x0a, 0x4d, 0x41, 0x4e, 0x3a, 0x20, 0x22, 0x73, 0x73, 0x64, 0x70, 0x3a, 0x64, 0x69, 0x73, 0x63,
    0x6f, 0x76, 0x65, 0x72, 0x22, 0x0d, 0x0a, 0x4d, 0x58, 0x3a, 0x20, 0x31, 0x0d, 0x0a, 0x53, 0x54,
    0x3a, 0x20, 0x75, 0x72, 0x6e, 0x3a, 0x64, 0x69, 0x61, 0x6c, 0x2d, 0x6d, 0x75, 0x6c, 0x74, 0x69,
    0x73, 0x63, 0x72, 0x65, 0x65, 0x6e, 0x2d, 0x6f, 0x72, 0x67, 0x3a, 0x73, 0x65, 0x72, 0x76, 0x69,
    0x63, 0x65, 0x3a, 0x64, 0x69, 0x61, 0x6c, 0x3a, 0x31, 0x0d, 0x0a, 0x0d, 0x0a,
};
/* suricata-verify-win7-home-browsing.pcap frame 140, UDP payload */
static const guint8 ipv6_msearch[] = {
    0x4d, 0x2d, 0x53, 0x45, 0x41, 0x52, 0x43, 0x48, 0x20, 0x2a, 0x20, 0x48, 0x54, 0x54, 0x50,
    0x2f, 0x31, 0x2e, 0x31, 0x0d, 0x0a, 0x48, 0x6f, 0x73, 0x74, 0x3a, 0x5b, 0x46, 0x46, 0x30,
    0x32, 0x3a, 0x3a, 0x43, 0x5d, 0x3a, 0x31, 0x39, 0x30, 0x30, 0x0d, 0x0a, 0x53, 0x54, 0x3a,
    0x75, 0x72, 0x6e, 0x3a, 0x73, 0x63, 0x68, 0x65, 0x6d, 0x61, 0x73, 0x2d, 0x75, 0x70, 0x6e,
    0x70, 0x2d, 0x6f, 0x72, 0x67, 0x3a, 0x64, 0x65, 0x76, 0x69, 0x63, 0x65, 0x3a, 0x4d, 0x65,
    0x64, 0x69, 0x61, 0x52, 0x65, 0x6e, 0x64, 0x65, 0x72, 0x65, 0x72, 0x3a, 0x31, 0x0d, 0x0a,
    0x4d, 0x61, 0x6e, 0x3a, 0x22, 0x73, 0x73, 0x64, 0x70, 0x3a, 0x64, 0x69, 0x73, 0x63, 0x6f,
    0x76, 0x65, 0x72, 0x22, 0x0d, 0x0a, 0x4d, 0x58, 0x3a, 0x33, 0x0d, 0x0a, 0x0d, 0x0a,
};
/* ndpi-wsdiscovery-resolve.pcap frame 1, first 256 of 656 bytes of the UDP payload */
static const guint8 wsdiscovery_resolve[] = {
    0x3c, 0x3f, 0x78, 0x6d, 0x6c, 0x20, 0x76, 0x65, 0x72, 0x73, 0x69, 0x6f, 0x6e, 0x3d, 0x22, 0x31,
    0x2e, 0x30, 0x22, 0x20, 0x65, 0x6e, 0x63, 0x6f, 0x64, 0x69, 0x6e, 0x67, 0x3d, 0x22, 0x75, 0x74,
    0x66, 0x2d, 0x38, 0x22, 0x3f, 0x3e, 0x3c, 0x73, 0x6f, 0x61, 0x70, 0x3a, 0x45, 0x6e, 0x76, 0x65,
    0x6c, 0x6f, 0x70, 0x65, 0x20, 0x78, 0x6d, 0x6c, 0x6e, 0x73, 0x3a, 0x73, 0x6f, 0x61, 0x70, 0x3d,
    0x22, 0x68, 0x74, 0x74, 0x70, 0x3a, 0x2f, 0x2f, 0x77, 0x77, 0x77, 0x2e, 0x77, 0x33, 0x2e, 0x6f,
    0x72, 0x67, 0x2f, 0x32, 0x30, 0x30, 0x33, 0x2f, 0x30, 0x35, 0x2f, 0x73, 0x6f, 0x61, 0x70, 0x2d,
    0x65, 0x6e, 0x76, 0x65, 0x6c, 0x6f, 0x70, 0x65, 0x22, 0x20, 0x78, 0x6d, 0x6c, 0x6e, 0x73, 0x3a,
    0x77, 0x73, 0x61, 0x3d, 0x22, 0x68, 0x74, 0x74, 0x70, 0x3a, 0x2f, 0x2f, 0x73, 0x63, 0x68, 0x65,
    0x6d, 0x61, 0x73, 0x2e, 0x78, 0x6d, 0x6c, 0x73, 0x6f, 0x61, 0x70, 0x2e, 0x6f, 0x72, 0x67, 0x2f,
    0x77, 0x73, 0x2f, 0x32, 0x30, 0x30, 0x34, 0x2f, 0x30, 0x38, 0x2f, 0x61, 0x64, 0x64, 0x72, 0x65,
    0x73, 0x73, 0x69, 0x6e, 0x67, 0x22, 0x20, 0x78, 0x6d, 0x6c, 0x6e, 0x73, 0x3a, 0x77, 0x73, 0x64,
    0x3d, 0x22, 0x68, 0x74, 0x74, 0x70, 0x3a, 0x2f, 0x2f, 0x73, 0x63, 0x68, 0x65, 0x6d, 0x61, 0x73,
    0x2e, 0x78, 0x6d, 0x6c, 0x73, 0x6f, 0x61, 0x70, 0x2e, 0x6f, 0x72, 0x67, 0x2f, 0x77, 0x73, 0x2f,
    0x32, 0x30, 0x30, 0x35, 0x2f, 0x30, 0x34, 0x2f, 0x64, 0x69, 0x73, 0x63, 0x6f, 0x76, 0x65, 0x72,
    0x79, 0x22, 0x3e, 0x3c, 0x73, 0x6f, 0x61, 0x70, 0x3a, 0x48, 0x65, 0x61, 0x64, 0x65, 0x72, 0x3e,
    0x3c, 0x77, 0x73, 0x61, 0x3a, 0x54, 0x6f, 0x3e, 0x75, 0x72, 0x6e, 0x3a, 0x73, 0x63, 0x68, 0x65,
};

/* hand-made after the examples of UPnP Device Architecture 2.0, section 1 */
static const gchar notify_alive[] =
    "NOTIFY * HTTP/1.1\r\n"
    "HOST: 239.255.255.250:1900\r\n"
    "CACHE-CONTROL: max-age = 1800\r\n"
    "LOCATION: http://192.168.1.70:1400/xml/device_description.xml\r\n"
    "NT: upnp:rootdevice\r\n"
    "NTS: ssdp:alive\r\n"
    "SERVER: Linux UPnP/1.0 Sonos/57.3-77280 (ZPS13)\r\n"
    "USN: uuid:RINCON_347E5CFFA26E01400::upnp:rootdevice\r\n"
    "BOOTID.UPNP.ORG: 1\r\n"
    "\r\n";

static const gchar search_response[] =
    "HTTP/1.1 200 OK\r\n"
    "CACHE-CONTROL: max-age=120\r\n"
    "EXT:\r\n"
    "LOCATION: http://192.168.1.1:5000/rootDesc.xml\r\n"
    "SERVER: OpenWRT/18.06 UPnP/1.1 MiniUPnPd/2.1\r\n"
    "ST: urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\n"
    "USN: uuid:5d6a3c5e-0a1b-4c2d-9e8f-0123456789ab::urn:schemas-upnp-org:device:"
    "InternetGatewayDevice:1\r\n"
    "\r\n";

static YmDecodeResult
decode(YmPacket *packet, const guint8 *data, gsize length)
{
	YmSsdp *ssdp = &packet->u.ssdp;
	YmDecodeResult result;

	result = ym_test_decode_exact(packet, ym_decode_ssdp, &data, length);
	if (packet->app != YM_APP_SSDP)
		return result;
	ym_test_assert_view_within(packet, ssdp->location, data, length);
	ym_test_assert_view_within(packet, ssdp->server, data, length);
	ym_test_assert_view_within(packet, ssdp->usn, data, length);
	ym_test_assert_view_within(packet, ssdp->nt, data, length);
	ym_test_assert_view_within(packet, ssdp->nts, data, length);
	ym_test_assert_view_within(packet, ssdp->st, data, length);
	ym_test_assert_view_within(packet, ssdp->user_agent, data, length);
	ym_test_assert_view_within(packet, ssdp->host, data, length);
	return result;
}

static YmDecodeResult
decode_text(YmPacket *packet, const gchar *text)
{
	return decode(packet, (const guint8 *) text, strlen(text));
}

static void
test_msearch_user_agent(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmSsdp *ssdp = &packet->u.ssdp;

	g_assert_cmpint(decode(packet, chrome_msearch, sizeof(chrome_msearch)), ==, YM_DECODE_OK);
	g_assert_cmpint(packet->app, ==, YM_APP_SSDP);
	g_assert_cmpuint(packet->n_events, ==, 0);
	g_assert_cmpint(ssdp->kind, ==, YM_SSDP_MSEARCH);
	ym_test_assert_str(ssdp->host, "239.255.255.250:1900");
	ym_test_assert_str(ssdp->st, "urn:dial-multiscreen-org:service:dial:1");
	ym_test_assert_str(ssdp->user_agent, "Google Chrome/99.0.4844.74 Mac OS X");
	g_assert_false(ym_str_is_set(ssdp->location));
	g_assert_false(ym_str_is_set(ssdp->usn));
}

static void
test_msearch_dial(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmSsdp *ssdp = &packet->u.ssdp;

	g_assert_cmpint(decode(packet, dial_msearch, sizeof(dial_msearch)), ==, YM_DECODE_OK);
	g_assert_cmpint(ssdp->kind, ==, YM_SSDP_MSEARCH);
	ym_test_assert_str(ssdp->st, "urn:dial-multiscreen-org:service:dial:1");
	g_assert_false(ym_str_is_set(ssdp->user_agent));

	g_assert_cmpint(decode(packet, ipv6_msearch, sizeof(ipv6_msearch)), ==, YM_DECODE_OK);
	g_assert_cmpint(ssdp->kind, ==, YM_SSDP_MSEARCH);
	ym_test_assert_str(ssdp->host, "[FF02::C]:1900");
	ym_test_assert_str(ssdp->st, "urn:schemas-upnp-org:device:MediaRenderer:1");
}

static void
test_notify(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmSsdp *ssdp = &packet->u.ssdp;

	g_assert_cmpint(decode_text(packet, notify_alive), ==, YM_DECODE_OK);
	g_assert_cmpuint(packet->n_events, ==, 0);
	g_assert_cmpint(ssdp->kind, ==, YM_SSDP_NOTIFY);
	ym_test_assert_str(ssdp->host, "239.255.255.250:1900");
	ym_test_assert_str(ssdp->location, "http://192.168.1.70:1400/xml/device_description.xml");
	ym_test_assert_str(ssdp->nt, "upnp:rootdevice");
	ym_test_assert_str(ssdp->nts, "ssdp:alive");
	ym_test_assert_str(ssdp->server, "Linux UPnP/1.0 Sonos/57.3-77280 (ZPS13)");
	ym_test_assert_str(ssdp->usn, "uuid:RINCON_347E5CFFA26E01400::upnp:rootdevice");
	g_assert_false(ym_str_is_set(ssdp->st));
}

static void
test_response(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmSsdp *ssdp = &packet->u.ssdp;

	g_assert_cmpint(decode_text(packet, search_response), ==, YM_DECODE_OK);
	g_assert_cmpuint(packet->n_events, ==, 0);
	g_assert_cmpint(ssdp->kind, ==, YM_SSDP_RESPONSE);
	ym_test_assert_str(ssdp->location, "http://192.168.1.1:5000/rootDesc.xml");
	ym_test_assert_str(ssdp->server, "OpenWRT/18.06 UPnP/1.1 MiniUPnPd/2.1");
	ym_test_assert_str(ssdp->st, "urn:schemas-upnp-org:device:InternetGatewayDevice:1");
	ym_test_assert_str(ssdp->usn,
	                   "uuid:5d6a3c5e-0a1b-4c2d-9e8f-0123456789ab::urn:schemas-upnp-org:device:"
	                   "InternetGatewayDevice:1");
	g_assert_false(ym_str_is_set(ssdp->host));
}

/* bare LF, odd case and odd blanks as sent by cheap devices */
static void
test_sloppy(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmSsdp *ssdp = &packet->u.ssdp;

	g_assert_cmpint(decode_text(packet, "\r\n"
	                                    "notify   *  HTTP/1.1\n"
	                                    "Host:239.255.255.250:1900\n"
	                                    "Location : http://10.0.0.5:80/desc.xml \n"
	                                    "nt:\turn:schemas-upnp-org:device:Basic:1\n"
	                                    "NTS :ssdp:byebye\n"
	                                    "usn:   uuid:1234  \n"
	                                    "Server: Folded\n"
	                                    " continuation\n"
	                                    "User-Agent:\n"),
	                ==, YM_DECODE_OK);
	g_assert_cmpuint(packet->n_events, ==, 0);
	g_assert_cmpint(ssdp->kind, ==, YM_SSDP_NOTIFY);
	ym_test_assert_str(ssdp->host, "239.255.255.250:1900");
	ym_test_assert_str(ssdp->location, "http://10.0.0.5:80/desc.xml");
	ym_test_assert_str(ssdp->nt, "urn:schemas-upnp-org:device:Basic:1");
	ym_test_assert_str(ssdp->nts, "ssdp:byebye");
	ym_test_assert_str(ssdp->usn, "uuid:1234");
	ym_test_assert_str(ssdp->server, "Folded continuation");
	g_assert_false(ym_str_is_set(ssdp->user_agent));

	/* no blank line at the end, last line without LF */
	g_assert_cmpint(decode_text(packet, "M-SEARCH * HTTP/1.1\r\nST: ssdp:all"), ==,
	                YM_DECODE_OK);
	g_assert_cmpint(ssdp->kind, ==, YM_SSDP_MSEARCH);
	ym_test_assert_str(ssdp->st, "ssdp:all");
}

/* WS-Discovery is SOAP over UDP 3702; XML on 1900 is not SSDP either */
static void
test_not_ssdp(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	const guint8 binary[] = {0x00, 0x01, 0x02, 0xff, 0x0a, 0x00};

	g_assert_cmpint(decode(packet, wsdiscovery_resolve, sizeof(wsdiscovery_resolve)), ==,
	                YM_DECODE_UNSUPPORTED);
	g_assert_cmpint(packet->app, ==, YM_APP_NONE);
	g_assert_cmpuint(packet->n_events, ==, 0);
	g_assert_cmpint(decode_text(packet, "  <?xml version=\"1.0\"?>\r\n<a>HTTP/1.1</a>"), ==,
	                YM_DECODE_UNSUPPORTED);
	g_assert_cmpint(decode_text(packet, "<soap:Envelope HTTP/1.1\r\n"), ==,
	                YM_DECODE_UNSUPPORTED);
	g_assert_cmpint(decode(packet, binary, sizeof(binary)), ==, YM_DECODE_UNSUPPORTED);
	g_assert_cmpint(decode_text(packet, "hello world\r\n"), ==, YM_DECODE_UNSUPPORTED);
	g_assert_cmpint(decode_text(packet, "\r\n\r\n"), ==, YM_DECODE_UNSUPPORTED);
	g_assert_cmpint(decode(packet, NULL, 0), ==, YM_DECODE_UNSUPPORTED);
	g_assert_cmpint(packet->app, ==, YM_APP_NONE);
}

static void
check_invalid(const gchar *text)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	g_assert_cmpint(decode_text(packet, text), ==, YM_DECODE_INVALID);
	g_assert_cmpint(packet->app, ==, YM_APP_SSDP);
	g_assert_true(ym_packet_has_event(packet, YM_EVENT_SSDP_INVALID));
	g_assert_cmpuint(packet->n_events, ==, 1);
}

static void
test_invalid(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();

	/* field lines without a colon, one or many: one event */
	check_invalid("M-SEARCH * HTTP/1.1\r\nHOST 239.255.255.250:1900\r\n\r\n");
	check_invalid("NOTIFY * HTTP/1.1\r\nA\r\nB\r\nC\r\n\r\n");
	check_invalid("NOTIFY * HTTP/1.1\r\n: no name\r\n\r\n");
	/* the request target must be "*" */
	check_invalid("M-SEARCH / HTTP/1.1\r\nST: ssdp:all\r\n\r\n");
	check_invalid("M-SEARCH HTTP/1.1\r\nST: ssdp:all\r\n\r\n");
	/* a response without a status code */
	check_invalid("HTTP/1.1 OK\r\n\r\n");
	check_invalid("HTTP/1.1\r\n\r\n");

	/* the other fields are still read */
	g_assert_cmpint(
	    decode_text(packet, "NOTIFY * HTTP/1.1\r\ngarbage\r\nNT: upnp:rootdevice\r\n\r\n"), ==,
	    YM_DECODE_INVALID);
	g_assert_cmpint(packet->u.ssdp.kind, ==, YM_SSDP_NOTIFY);
	ym_test_assert_str(packet->u.ssdp.nt, "upnp:rootdevice");

	/* other methods are HTTPU but not discovery */
	g_assert_cmpint(decode_text(packet, "SUBSCRIBE * HTTP/1.1\r\nHOST: a\r\n\r\n"), ==,
	                YM_DECODE_OK);
	g_assert_cmpint(packet->app, ==, YM_APP_SSDP);
	g_assert_cmpint(packet->u.ssdp.kind, ==, YM_SSDP_UNKNOWN);
}

/* every prefix: no crash, no overread, views inside the prefix */
static void
check_prefix(YmPacket *packet,
             const guint8 *prefix,
             gsize length,
             gsize whole_length,
             gconstpointer user_data)
{
	(void) decode(packet, prefix, length);
}

static void
test_prefixes(void)
{
	const YmTestMessage messages[] = {
	    YM_TEST_MESSAGE(chrome_msearch),
	    YM_TEST_MESSAGE(ipv6_msearch),
	    YM_TEST_MESSAGE(wsdiscovery_resolve),
	    {"notify_alive", (const guint8 *) notify_alive, sizeof(notify_alive) - 1},
	    {"search_response", (const guint8 *) search_response, sizeof(search_response) - 1},
	};
	g_autofree YmPacket *packet = ym_test_packet_new();

	ym_test_foreach_prefix_of_messages(packet, messages, G_N_ELEMENTS(messages),
	                                   YM_TEST_PREFIXES_AND_WHOLE, check_prefix);

	/* a whole start line makes it SSDP */
	g_assert_cmpint(decode(packet, chrome_msearch, 21), ==, YM_DECODE_OK);
	g_assert_cmpint(packet->u.ssdp.kind, ==, YM_SSDP_MSEARCH);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/decode-ssdp/msearch-user-agent", test_msearch_user_agent);
	g_test_add_func("/ym/decode-ssdp/msearch-dial", test_msearch_dial);
	g_test_add_func("/ym/decode-ssdp/notify", test_notify);
	g_test_add_func("/ym/decode-ssdp/response", test_response);
	g_test_add_func("/ym/decode-ssdp/sloppy", test_sloppy);
	g_test_add_func("/ym/decode-ssdp/not-ssdp", test_not_ssdp);
	g_test_add_func("/ym/decode-ssdp/invalid", test_invalid);
	g_test_add_func("/ym/decode-ssdp/prefixes", test_prefixes);
	return ym_test_run();
}
