/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ym-decode.h"
#include "ym-decode-test-common.h"

/*
 * ndpi-ubiquiti-discovery.pcap frame 1, UDP payload: a UniFi Security
 * Gateway announcement; tshark decodes it only when told
 * (-d udp.port==10001,ubdp), which is where the expected values come from
 */
static const guint8 ugw3_announcement[] = {
    0x02, 0x06, 0x00, 0xab, 0x02, 0x00, 0x0a, 0x80, 0x2a, 0xa8, 0x8d, 0x69, 0x2b, 0xc0, 0xa8, 0x02,
    0x15, 0x02, 0x00, 0x0a, 0x80, 0x2a, 0xa8, 0x8d, 0x69, 0x2c, 0xc0, 0xa8, 0x01, 0x01, 0x01, 0x00,
    0x06, 0x80, 0x2a, 0xa8, 0x8d, 0x69, 0x2b, 0x0a, 0x00, 0x04, 0x00, 0x00, 0xde, 0x60, 0x0b, 0x00,
    0x04, 0x75, 0x62, 0x6e, 0x74, 0x0c, 0x00, 0x04, 0x55, 0x47, 0x57, 0x33, 0x03, 0x00, 0x38, 0x55,
    0x6e, 0x69, 0x46, 0x69, 0x53, 0x65, 0x63, 0x75, 0x72, 0x69, 0x74, 0x79, 0x47, 0x61, 0x74, 0x65,
    0x77, 0x61, 0x79, 0x2e, 0x45, 0x52, 0x2d, 0x65, 0x31, 0x32, 0x30, 0x2e, 0x76, 0x34, 0x2e, 0x33,
    0x2e, 0x33, 0x33, 0x2e, 0x34, 0x39, 0x33, 0x36, 0x30, 0x38, 0x36, 0x2e, 0x31, 0x36, 0x31, 0x32,
    0x30, 0x33, 0x2e, 0x32, 0x30, 0x33, 0x31, 0x16, 0x00, 0x0e, 0x34, 0x2e, 0x33, 0x2e, 0x33, 0x33,
    0x2e, 0x34, 0x39, 0x33, 0x36, 0x30, 0x38, 0x36, 0x15, 0x00, 0x04, 0x55, 0x47, 0x57, 0x33, 0x17,
    0x00, 0x01, 0x00, 0x18, 0x00, 0x01, 0x00, 0x13, 0x00, 0x06, 0x80, 0x2a, 0xa8, 0x8d, 0x69, 0x2b,
    0x12, 0x00, 0x04, 0x00, 0x00, 0x15, 0xcf, 0x1b, 0x00, 0x05, 0x34, 0x2e, 0x30, 0x2e, 0x30,
};

/* hand-made: a version 1 reply of an airMAX station, as the Nmap script describes it */
/* clang-format off */
static const guint8 airmax_reply[] = {
	0x01, 0x00, 0x00, 0x7b,
	/* MAC and IP */
	0x02, 0x00, 0x0a, 0x24, 0xa4, 0x3c, 0x01, 0x02, 0x03, 0xc0, 0xa8, 0x01, 0x14,
	/* MAC */
	0x01, 0x00, 0x06, 0x24, 0xa4, 0x3c, 0x01, 0x02, 0x03,
	/* uptime */
	0x0a, 0x00, 0x04, 0x00, 0x01, 0x51, 0x80,
	/* hostname */
	0x0b, 0x00, 0x0b, 'n', 'a', 'n', 'o', 's', 't', 'a', 't', 'i', 'o', 'n',
	/* platform */
	0x0c, 0x00, 0x03, 'L', 'M', '5',
	/* firmware, NUL padded */
	0x03, 0x00, 0x23, 'X', 'M', '.', 'a', 'r', '7', '2', '4', '0', '.', 'v', '5', '.', '5', '.',
	'6', '.', '1', '7', '7', '6', '2', '.', '1', '3', '0', '5', '2', '8', '.', '1', '7', '3',
	'0', 0x00,
	/* ESSID */
	0x0d, 0x00, 0x07, 'a', 'p', '-', 'h', 'o', 'm', 'e',
	/* wireless mode */
	0x0e, 0x00, 0x01, 0x02,
	/* model, long */
	0x14, 0x00, 0x13, 'N', 'a', 'n', 'o', 'S', 't', 'a', 't', 'i', 'o', 'n', ' ', 'l', 'o',
	'c', 'o', ' ', 'M', '5',
};
G_STATIC_ASSERT (sizeof (airmax_reply) == 4 + 0x7b);
/* clang-format on */

static void
assert_mac(const guint8 *mac, const gchar *expected)
{
	gchar text[18];
	g_assert_cmpstr(ym_mac_to_string(mac, text, sizeof(text)), ==, expected);
}

static YmDecodeResult
decode(YmPacket *packet, const guint8 *data, gsize length)
{
	YmUbnt *ubnt = &packet->u.ubnt;
	YmDecodeResult result;

	result = ym_test_decode_exact(packet, ym_decode_ubnt, &data, length);
	if (packet->app != YM_APP_UBNT)
		return result;
	ym_test_assert_view_in_payload(ubnt->hostname, data, length);
	ym_test_assert_view_in_payload(ubnt->platform, data, length);
	ym_test_assert_view_in_payload(ubnt->firmware, data, length);
	ym_test_assert_view_in_payload(ubnt->firmware_version, data, length);
	ym_test_assert_view_in_payload(ubnt->essid, data, length);
	ym_test_assert_view_in_payload(ubnt->model, data, length);
	g_assert_cmpuint(ubnt->n_addresses, <=, YM_UBNT_MAX_ADDRESSES);
	return result;
}

static void
test_ugw3(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmUbnt *ubnt = &packet->u.ubnt;
	gchar ip[46];

	g_assert_cmpint(decode(packet, ugw3_announcement, sizeof(ugw3_announcement)), ==,
	                YM_DECODE_OK);
	g_assert_cmpint(packet->app, ==, YM_APP_UBNT);
	g_assert_cmpuint(packet->n_events, ==, 0);
	g_assert_cmpuint(ubnt->version, ==, 2);
	g_assert_cmpuint(ubnt->command, ==, 6);
	g_assert_true(ubnt->has_mac);
	assert_mac(ubnt->mac, "80:2a:a8:8d:69:2b");
	ym_test_assert_str(ubnt->hostname, "ubnt");
	ym_test_assert_str(ubnt->platform, "UGW3");
	ym_test_assert_str(ubnt->firmware,
	                   "UniFiSecurityGateway.ER-e120.v4.3.33.4936086.161203.2031");
	ym_test_assert_str(ubnt->firmware_version, "4.3.33.4936086");
	ym_test_assert_str(ubnt->model, "UGW3");
	g_assert_false(ym_str_is_set(ubnt->essid));
	g_assert_cmpuint(ubnt->n_addresses, ==, 2);
	assert_mac(ubnt->addresses[0].mac, "80:2a:a8:8d:69:2b");
	g_assert_cmpstr(ym_ip_addr_to_string(&ubnt->addresses[0].ip, ip, sizeof(ip)), ==,
	                "192.168.2.21");
	assert_mac(ubnt->addresses[1].mac, "80:2a:a8:8d:69:2c");
	g_assert_cmpstr(ym_ip_addr_to_string(&ubnt->addresses[1].ip, ip, sizeof(ip)), ==,
	                "192.168.1.1");
}

static void
test_v1_request(void)
{
	const guint8 request[] = {0x01, 0x00, 0x00, 0x00};
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmUbnt *ubnt = &packet->u.ubnt;

	g_assert_cmpint(decode(packet, request, sizeof(request)), ==, YM_DECODE_OK);
	g_assert_cmpint(packet->app, ==, YM_APP_UBNT);
	g_assert_cmpuint(packet->n_events, ==, 0);
	g_assert_cmpuint(ubnt->version, ==, 1);
	g_assert_cmpuint(ubnt->command, ==, 0);
	g_assert_false(ubnt->has_mac);
	g_assert_false(ym_str_is_set(ubnt->hostname));
	g_assert_cmpuint(ubnt->n_addresses, ==, 0);
}

static void
test_v1_reply(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmUbnt *ubnt = &packet->u.ubnt;

	g_assert_cmpint(decode(packet, airmax_reply, sizeof(airmax_reply)), ==, YM_DECODE_OK);
	g_assert_cmpuint(packet->n_events, ==, 0);
	g_assert_cmpuint(ubnt->version, ==, 1);
	assert_mac(ubnt->mac, "24:a4:3c:01:02:03");
	ym_test_assert_str(ubnt->hostname, "nanostation");
	ym_test_assert_str(ubnt->platform, "LM5");
	ym_test_assert_str(ubnt->firmware, "XM.ar7240.v5.5.6.17762.130528.1730");
	ym_test_assert_str(ubnt->essid, "ap-home");
	ym_test_assert_str(ubnt->model, "NanoStation loco M5");
	g_assert_false(ym_str_is_set(ubnt->firmware_version));
	g_assert_cmpuint(ubnt->n_addresses, ==, 1);
}

static void
check_invalid(const guint8 *data, gsize length)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	g_assert_cmpint(decode(packet, data, length), ==, YM_DECODE_INVALID);
	g_assert_cmpint(packet->app, ==, YM_APP_UBNT);
	g_assert_true(ym_packet_has_event(packet, YM_EVENT_UBNT_INVALID));
	g_assert_cmpuint(packet->n_events, ==, 1);
}

static void
test_invalid(void)
{
	/* a TLV running past the end; what came before it is kept */
	const guint8 overrun[] = {0x01, 0x00, 0x00, 0x0c, 0x0b, 0x00, 0x02, 'a',
	                          'b',  0x0c, 0xff, 0xff, 'L',  'M',  '5',  0x00};
	/* a length byte missing */
	const guint8 short_tlv[] = {0x01, 0x00, 0x00, 0x02, 0x0b, 0x00};
	/* the header claims more than the datagram holds */
	const guint8 long_header[] = {0x02, 0x06, 0xff, 0xff, 0x0b, 0x00, 0x01, 'x'};
	/* a MAC that is not 6 bytes, and a MAC and IP that is not 10 */
	const guint8 bad_mac[] = {0x01, 0x00, 0x00, 0x08, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5};
	const guint8 bad_mac_ip[] = {0x01, 0x00, 0x00, 0x07, 0x02, 0x00, 0x04, 10, 0, 0, 1};
	g_autofree YmPacket *packet = ym_test_packet_new();

	check_invalid(overrun, sizeof(overrun));
	check_invalid(short_tlv, sizeof(short_tlv));
	check_invalid(long_header, sizeof(long_header));
	check_invalid(bad_mac, sizeof(bad_mac));
	check_invalid(bad_mac_ip, sizeof(bad_mac_ip));

	g_assert_cmpint(decode(packet, overrun, sizeof(overrun)), ==, YM_DECODE_INVALID);
	ym_test_assert_str(packet->u.ubnt.hostname, "ab");
	g_assert_false(ym_str_is_set(packet->u.ubnt.platform));
	g_assert_cmpint(decode(packet, long_header, sizeof(long_header)), ==, YM_DECODE_INVALID);
	ym_test_assert_str(packet->u.ubnt.hostname, "x");
}

static void
test_not_ubnt(void)
{
	const guint8 version3[] = {0x03, 0x00, 0x00, 0x00};
	const guint8 short_header[] = {0x01, 0x00, 0x00};
	g_autofree YmPacket *packet = ym_test_packet_new();

	g_assert_cmpint(decode(packet, version3, sizeof(version3)), ==, YM_DECODE_UNSUPPORTED);
	g_assert_cmpint(packet->app, ==, YM_APP_NONE);
	g_assert_cmpint(decode(packet, short_header, sizeof(short_header)), ==,
	                YM_DECODE_UNSUPPORTED);
	g_assert_cmpint(decode(packet, NULL, 0), ==, YM_DECODE_UNSUPPORTED);
	g_assert_cmpint(packet->app, ==, YM_APP_NONE);
}

/* more interfaces than we keep; trailing bytes after the TLVs; empty strings */
static void
test_limits(void)
{
	g_autoptr(GByteArray) array = g_byte_array_new();
	g_autofree YmPacket *packet = ym_test_packet_new();
	const guint8 header[] = {0x01, 0x00, 0x00, 0x00};
	const guint8 empty_hostname[] = {0x0b, 0x00, 0x00};

	g_byte_array_append(array, header, sizeof(header));
	for (guint8 i = 0; i < 6; i++) {
		const guint8 tlv[] = {0x02, 0x00, 0x0a, 0x00, 0x27, 0x22, 0, 0, i, 10, 0, 0, i};
		g_byte_array_append(array, tlv, sizeof(tlv));
	}
	g_byte_array_append(array, empty_hostname, sizeof(empty_hostname));
	array->data[3] = array->len - 4;
	g_byte_array_append(array, (const guint8 *) "trailer", 7);

	g_assert_cmpint(decode(packet, array->data, array->len), ==, YM_DECODE_OK);
	g_assert_cmpuint(packet->u.ubnt.n_addresses, ==, YM_UBNT_MAX_ADDRESSES);
	assert_mac(packet->u.ubnt.mac, "00:27:22:00:00:00");
	assert_mac(packet->u.ubnt.addresses[3].mac, "00:27:22:00:00:03");
	g_assert_false(ym_str_is_set(packet->u.ubnt.hostname));
}

/* every prefix of a message is too short for its header or its TLVs */
static void
check_prefix(YmPacket *packet,
             const guint8 *prefix,
             gsize length,
             gsize whole_length,
             gconstpointer user_data)
{
	YmDecodeResult result = decode(packet, prefix, length);
	if (length < 4)
		g_assert_cmpint(result, ==, YM_DECODE_UNSUPPORTED);
	else if (length < whole_length)
		g_assert_cmpint(result, ==, YM_DECODE_INVALID);
	else
		g_assert_cmpint(result, ==, YM_DECODE_OK);
}

static void
test_prefixes(void)
{
	const YmTestMessage messages[] = {
	    YM_TEST_MESSAGE(ugw3_announcement),
	    YM_TEST_MESSAGE(airmax_reply),
	};
	g_autofree YmPacket *packet = ym_test_packet_new();

	ym_test_foreach_prefix_of_messages(packet, messages, G_N_ELEMENTS(messages),
	                                   YM_TEST_PREFIXES_AND_WHOLE, check_prefix);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/decode-ubnt/ugw3", test_ugw3);
	g_test_add_func("/ym/decode-ubnt/v1-request", test_v1_request);
	g_test_add_func("/ym/decode-ubnt/v1-reply", test_v1_reply);
	g_test_add_func("/ym/decode-ubnt/invalid", test_invalid);
	g_test_add_func("/ym/decode-ubnt/not-ubnt", test_not_ubnt);
	g_test_add_func("/ym/decode-ubnt/limits", test_limits);
	g_test_add_func("/ym/decode-ubnt/prefixes", test_prefixes);
	return ym_test_run();
}
