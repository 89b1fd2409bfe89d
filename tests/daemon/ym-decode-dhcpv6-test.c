/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ym-decode.h"
#include "ym-decode-test-common.h"

#include <arpa/inet.h>

/*
 * real messages are UDP payloads copied from the captures in
 * ../shared/data/pcaps (see SOURCES.md there); expected values were read
 * with tshark
 */

/*
 * zeek-dhcpv6-hp-printer.pcap frame 1: INFORMATION-REQUEST with a DUID-UUID, from another
 * client (50:eb:71:47:df:c4), not the printer
 */
static const guint8 v6_information_request_uuid[] = {
    0x0b, 0xfc, 0x52, 0x5a, 0x00, 0x06, 0x00, 0x0c, 0x00, 0x17, 0x00, 0x18, 0x00, 0x1f, 0x00, 0x20,
    0x00, 0x38, 0x00, 0x53, 0x00, 0x01, 0x00, 0x12, 0x00, 0x04, 0xdb, 0xd0, 0x9e, 0xd8, 0x95, 0x5b,
    0x85, 0xce, 0xff, 0x15, 0x5a, 0x8e, 0xdd, 0xa1, 0x57, 0x59, 0x00, 0x08, 0x00, 0x02, 0x00, 0x00,
};

/*
 * zeek-dhcpv6-hp-printer.pcap frame 3: HP printer RENEW sent from 10:62:e5:24:fe:e0, with
 * DUID-LL 10:62:e5:24:fe:e1 and FQDN HP24FEE0
 */
static const guint8 v6_hp_renew[] = {
    0x05, 0x3d, 0x9d, 0xbe, 0x00, 0x08, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01, 0x00, 0x0a, 0x00, 0x03,
    0x00, 0x01, 0x10, 0x62, 0xe5, 0x24, 0xfe, 0xe1, 0x00, 0x02, 0x00, 0x18, 0x00, 0x01, 0x03, 0x01,
    0x31, 0x48, 0x76, 0x64, 0x2a, 0x02, 0x81, 0x08, 0x80, 0x00, 0x00, 0x7d, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x0c, 0x6e, 0x00, 0x03, 0x00, 0x28, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x54, 0x60,
    0x00, 0x01, 0x0e, 0x00, 0x00, 0x05, 0x00, 0x18, 0x2a, 0x02, 0x81, 0x08, 0xbe, 0x87, 0xdd, 0x00,
    0xf0, 0xa2, 0x08, 0x17, 0xb2, 0xf6, 0x9a, 0x8f, 0x00, 0x01, 0x51, 0x80, 0x00, 0x01, 0x51, 0x80,
    0x00, 0x06, 0x00, 0x0c, 0x00, 0x0d, 0x00, 0x0c, 0x00, 0x17, 0x00, 0x18, 0x00, 0x38, 0x00, 0x27,
    0x00, 0x27, 0x00, 0x0a, 0x01, 0x08, 0x48, 0x50, 0x32, 0x34, 0x46, 0x45, 0x45, 0x30,
};

/* zeek-dhcpv6-hp-printer.pcap frame 4: REPLY to the printer, IA_NA address and DNS server */
static const guint8 v6_hp_reply[] = {
    0x07, 0x3d, 0x9d, 0xbe, 0x00, 0x03, 0x00, 0x5e, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x54,
    0x60, 0x00, 0x01, 0x0e, 0x00, 0x00, 0x05, 0x00, 0x18, 0x2a, 0x02, 0x81, 0x08, 0xbe, 0x87,
    0xdd, 0x00, 0xf0, 0xa2, 0x08, 0x17, 0xb2, 0xf6, 0x9a, 0x8f, 0x00, 0x01, 0x51, 0x80, 0x00,
    0x01, 0x51, 0x80, 0x00, 0x0d, 0x00, 0x32, 0x00, 0x00, 0x41, 0x64, 0x64, 0x72, 0x65, 0x73,
    0x73, 0x28, 0x65, 0x73, 0x29, 0x20, 0x72, 0x65, 0x6e, 0x65, 0x77, 0x65, 0x64, 0x2e, 0x20,
    0x47, 0x72, 0x65, 0x65, 0x74, 0x69, 0x6e, 0x67, 0x73, 0x20, 0x66, 0x72, 0x6f, 0x6d, 0x20,
    0x70, 0x6c, 0x61, 0x6e, 0x65, 0x74, 0x20, 0x45, 0x61, 0x72, 0x74, 0x68, 0x00, 0x02, 0x00,
    0x18, 0x00, 0x01, 0x03, 0x01, 0x31, 0x48, 0x76, 0x64, 0x2a, 0x02, 0x81, 0x08, 0x80, 0x00,
    0x00, 0x7d, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x6e, 0x00, 0x01, 0x00, 0x0a, 0x00,
    0x03, 0x00, 0x01, 0x10, 0x62, 0xe5, 0x24, 0xfe, 0xe1, 0x00, 0x07, 0x00, 0x01, 0x00, 0x00,
    0x17, 0x00, 0x10, 0x2a, 0x02, 0x81, 0x08, 0xbe, 0x87, 0xdd, 0x00, 0x3a, 0x43, 0x7d, 0xff,
    0xfe, 0xc8, 0x78, 0x8e, 0x00, 0x18, 0x00, 0x06, 0x04, 0x68, 0x6f, 0x6d, 0x65, 0x00,
};

/* zeek-dhcpv6-wifi-rapidcommit.pcap frame 1: SOLICIT with rapid commit, FQDN tinkyx1 */
static const guint8 v6_solicit_tinkyx1[] = {
    0x01, 0x14, 0x59, 0x51, 0x00, 0x0e, 0x00, 0x00, 0x00, 0x03, 0x00, 0x0c, 0x46, 0x85, 0x9a, 0xdf,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x27, 0x00, 0x09, 0x01, 0x07, 0x74, 0x69,
    0x6e, 0x6b, 0x79, 0x78, 0x31, 0x00, 0x06, 0x00, 0x0a, 0x00, 0x17, 0x00, 0x18, 0x00, 0x1f, 0x00,
    0x38, 0x00, 0x52, 0x00, 0x01, 0x00, 0x12, 0x00, 0x04, 0x97, 0x95, 0x5d, 0xaa, 0x0f, 0x59, 0x52,
    0x4f, 0xe6, 0x9a, 0xe8, 0xd6, 0x5a, 0xf6, 0x9d, 0x46, 0x00, 0x08, 0x00, 0x02, 0x00, 0x00,
};

/*
 * tcpdump-dhcpv6-mud-raspberrypi.pcap frame 1: RELAY-FORW around a Raspberry Pi SOLICIT with MUD
 * URL
 */
static const guint8 v6_relay_raspberrypi[] = {
    0x0c, 0x00, 0x20, 0x01, 0x08, 0xa8, 0x10, 0x06, 0x00, 0x03, 0x02, 0x25, 0x84, 0xff, 0xfe, 0xdb,
    0x23, 0x80, 0xfe, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xba, 0x27, 0xeb, 0xff, 0xfe, 0xb8,
    0x53, 0xc8, 0x00, 0x09, 0x00, 0xc6, 0x01, 0x78, 0x24, 0x4b, 0x00, 0x01, 0x00, 0x0e, 0x00, 0x01,
    0x00, 0x01, 0x1e, 0x62, 0x77, 0x0b, 0xb8, 0x27, 0xeb, 0xb8, 0x53, 0xc8, 0x00, 0x08, 0x00, 0x02,
    0x00, 0x00, 0x00, 0x10, 0x00, 0x33, 0x00, 0x00, 0x9f, 0x08, 0x00, 0x2d, 0x64, 0x68, 0x63, 0x70,
    0x63, 0x64, 0x2d, 0x36, 0x2e, 0x31, 0x31, 0x2e, 0x35, 0x3a, 0x4c, 0x69, 0x6e, 0x75, 0x78, 0x2d,
    0x34, 0x2e, 0x31, 0x2e, 0x31, 0x38, 0x2d, 0x76, 0x37, 0x2b, 0x3a, 0x61, 0x72, 0x6d, 0x76, 0x37,
    0x6c, 0x3a, 0x42, 0x43, 0x4d, 0x32, 0x37, 0x30, 0x39, 0x00, 0x0e, 0x00, 0x00, 0x00, 0x03, 0x00,
    0x0c, 0xeb, 0xb8, 0x53, 0xc8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x27, 0x00,
    0x0d, 0x01, 0x0b, 0x72, 0x61, 0x73, 0x70, 0x62, 0x65, 0x72, 0x72, 0x79, 0x70, 0x69, 0x00, 0x70,
    0x00, 0x36, 0x68, 0x74, 0x74, 0x70, 0x73, 0x3a, 0x2f, 0x2f, 0x6d, 0x75, 0x64, 0x63, 0x74, 0x6c,
    0x2e, 0x65, 0x78, 0x61, 0x6d, 0x70, 0x6c, 0x65, 0x2e, 0x63, 0x6f, 0x6d, 0x2f, 0x2e, 0x77, 0x65,
    0x6c, 0x6c, 0x2d, 0x6b, 0x6e, 0x6f, 0x77, 0x6e, 0x2f, 0x6d, 0x75, 0x64, 0x2f, 0x76, 0x31, 0x2f,
    0x72, 0x61, 0x73, 0x62, 0x70, 0x31, 0x30, 0x31, 0x00, 0x14, 0x00, 0x00, 0x00, 0x06, 0x00, 0x0c,
    0x00, 0x17, 0x00, 0x18, 0x00, 0x1f, 0x00, 0x27, 0x00, 0x52, 0x00, 0x53, 0x00, 0x12, 0x00, 0x04,
    0x00, 0x00, 0x00, 0x08,
};

/*
 * suricata-verify-win7-home-browsing.pcap frame 175: Windows 7 SOLICIT, DUID-LLT, vendor class
 * MSFT 5.0
 */
static const guint8 v6_solicit_win7[] = {
    0x01, 0xde, 0xc4, 0xce, 0x00, 0x08, 0x00, 0x02, 0x0c, 0x1c, 0x00, 0x01, 0x00, 0x0e, 0x00,
    0x01, 0x00, 0x01, 0x27, 0x31, 0x87, 0xe3, 0x12, 0xa9, 0x86, 0x6c, 0x77, 0xde, 0x00, 0x03,
    0x00, 0x0c, 0x0e, 0x52, 0x54, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x27, 0x00, 0x09, 0x00, 0x07, 0x55, 0x73, 0x65, 0x72, 0x2d, 0x50, 0x43, 0x00, 0x10, 0x00,
    0x0e, 0x00, 0x00, 0x01, 0x37, 0x00, 0x08, 0x4d, 0x53, 0x46, 0x54, 0x20, 0x35, 0x2e, 0x30,
    0x00, 0x06, 0x00, 0x08, 0x00, 0x18, 0x00, 0x17, 0x00, 0x11, 0x00, 0x27,
};

static YmDecodeResult
decode(YmPacket *packet, const guint8 *data, gsize length)
{
	return ym_test_decode_exact(packet, ym_decode_dhcpv6, &data, length);
}

static void
assert_ipv6(const guint8 *bytes, const gchar *expected)
{
	gchar buf[INET6_ADDRSTRLEN];
	g_assert_nonnull(inet_ntop(AF_INET6, bytes, buf, sizeof(buf)));
	g_assert_cmpstr(buf, ==, expected);
}

static void
put_option(GByteArray *message, guint16 code, const void *data, guint16 length)
{
	ym_test_put_be16(message, code);
	ym_test_put_be16(message, length);
	g_byte_array_append(message, data, length);
}

/* a SOLICIT with transaction id 0x010203 and no options yet */
static GByteArray *
solicit_new(void)
{
	static const guint8 header[] = {1, 0x01, 0x02, 0x03};
	GByteArray *message = g_byte_array_new();
	g_byte_array_append(message, header, sizeof(header));
	return message;
}

/* wraps @inner in a RELAY-FORW whose peer-address ends in @peer_last */
static GByteArray *
relay_wrap(GByteArray *inner, guint8 peer_last)
{
	GByteArray *message = g_byte_array_new();
	guint8 header[34] = {12, 0};

	header[18] = 0xfe;
	header[19] = 0x80;
	header[33] = peer_last;
	g_byte_array_append(message, header, sizeof(header));
	put_option(message, 18, "eth0", 4);
	put_option(message, 9, inner->data, inner->len);
	return message;
}

static void
test_information_request_uuid(void)
{
	static const guint16 oro[] = {23, 24, 31, 32, 56, 83};
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDhcpv6 *dhcpv6 = &packet->u.dhcpv6;

	g_assert_cmpint(
	    decode(packet, v6_information_request_uuid, sizeof(v6_information_request_uuid)), ==,
	    YM_DECODE_OK);
	g_assert_cmpint(packet->app, ==, YM_APP_DHCPV6);
	g_assert_cmpuint(packet->n_events, ==, 0);
	g_assert_cmpuint(dhcpv6->message_type, ==, 11);
	g_assert_cmphex(dhcpv6->transaction_id, ==, 0xfc525a);
	g_assert_cmpuint(dhcpv6->n_relays, ==, 0);
	/* DUID-UUID: no MAC to learn */
	g_assert_cmpuint(dhcpv6->client_duid_type, ==, 4);
	g_assert_cmpuint(dhcpv6->client_duid_length, ==, 18);
	g_assert_false(dhcpv6->client_duid_has_mac);
	g_assert_cmpmem(dhcpv6->oro, dhcpv6->n_oro * sizeof(guint16), oro, sizeof(oro));
	g_assert_false(ym_str_is_set(dhcpv6->fqdn));
}

static void
test_hp_renew(void)
{
	static const guint8 mac[] = {0x10, 0x62, 0xe5, 0x24, 0xfe, 0xe1};
	static const guint8 duid[] = {0x00, 0x03, 0x00, 0x01, 0x10, 0x62, 0xe5, 0x24, 0xfe, 0xe1};
	static const guint16 oro[] = {13, 12, 23, 24, 56, 39};
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDhcpv6 *dhcpv6 = &packet->u.dhcpv6;

	g_assert_cmpint(decode(packet, v6_hp_renew, sizeof(v6_hp_renew)), ==, YM_DECODE_OK);
	g_assert_cmpuint(packet->n_events, ==, 0);
	g_assert_cmpuint(dhcpv6->message_type, ==, 5);
	g_assert_cmphex(dhcpv6->transaction_id, ==, 0x3d9dbe);
	g_assert_cmpuint(dhcpv6->client_duid_type, ==, 3);
	g_assert_cmpmem(dhcpv6->client_duid, dhcpv6->client_duid_length, duid, sizeof(duid));
	/* one more than the source MAC of the frame: not the sender's address */
	g_assert_true(dhcpv6->client_duid_has_mac);
	g_assert_cmpmem(dhcpv6->client_duid_mac, 6, mac, 6);
	/* a partial name: no root label */
	ym_test_assert_str(dhcpv6->fqdn, "HP24FEE0");
	g_assert_cmphex(dhcpv6->fqdn_flags, ==, 0x01);
	g_assert_cmpmem(dhcpv6->oro, dhcpv6->n_oro * sizeof(guint16), oro, sizeof(oro));
	g_assert_cmpuint(dhcpv6->n_addresses, ==, 1);
	assert_ipv6(dhcpv6->addresses[0], "2a02:8108:be87:dd00:f0a2:817:b2f6:9a8f");
}

static void
test_hp_reply(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDhcpv6 *dhcpv6 = &packet->u.dhcpv6;

	g_assert_cmpint(decode(packet, v6_hp_reply, sizeof(v6_hp_reply)), ==, YM_DECODE_OK);
	g_assert_cmpuint(dhcpv6->message_type, ==, 7);
	/* a server echoes the client's DUID */
	g_assert_true(dhcpv6->client_duid_has_mac);
	g_assert_cmpuint(dhcpv6->n_addresses, ==, 1);
	assert_ipv6(dhcpv6->addresses[0], "2a02:8108:be87:dd00:f0a2:817:b2f6:9a8f");
	g_assert_cmpuint(dhcpv6->n_dns_servers, ==, 1);
	assert_ipv6(dhcpv6->dns_servers[0], "2a02:8108:be87:dd00:3a43:7dff:fec8:788e");
}

static void
test_solicit_rapid_commit(void)
{
	static const guint16 oro[] = {23, 24, 31, 56, 82};
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDhcpv6 *dhcpv6 = &packet->u.dhcpv6;

	g_assert_cmpint(decode(packet, v6_solicit_tinkyx1, sizeof(v6_solicit_tinkyx1)), ==,
	                YM_DECODE_OK);
	g_assert_cmpuint(dhcpv6->message_type, ==, 1);
	g_assert_cmphex(dhcpv6->transaction_id, ==, 0x145951);
	ym_test_assert_str(dhcpv6->fqdn, "tinkyx1");
	g_assert_cmpuint(dhcpv6->client_duid_type, ==, 4);
	g_assert_false(dhcpv6->client_duid_has_mac);
	g_assert_cmpmem(dhcpv6->oro, dhcpv6->n_oro * sizeof(guint16), oro, sizeof(oro));
	/* the IA_NA of a SOLICIT holds no address yet */
	g_assert_cmpuint(dhcpv6->n_addresses, ==, 0);
}

static void
test_relay_raspberrypi(void)
{
	static const guint8 mac[] = {0xb8, 0x27, 0xeb, 0xb8, 0x53, 0xc8};
	static const guint16 oro[] = {23, 24, 31, 39, 82, 83};
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDhcpv6 *dhcpv6 = &packet->u.dhcpv6;

	g_assert_cmpint(decode(packet, v6_relay_raspberrypi, sizeof(v6_relay_raspberrypi)), ==,
	                YM_DECODE_OK);
	g_assert_cmpuint(packet->n_events, ==, 0);
	g_assert_cmpuint(dhcpv6->n_relays, ==, 1);
	assert_ipv6(dhcpv6->relay_peer_address, "fe80::ba27:ebff:feb8:53c8");
	g_assert_cmpuint(dhcpv6->message_type, ==, 1);
	g_assert_cmphex(dhcpv6->transaction_id, ==, 0x78244b);
	g_assert_cmpuint(dhcpv6->client_duid_type, ==, 1);
	g_assert_true(dhcpv6->client_duid_has_mac);
	g_assert_cmpmem(dhcpv6->client_duid_mac, 6, mac, 6);
	ym_test_assert_str(dhcpv6->fqdn, "raspberrypi");
	g_assert_cmpuint(dhcpv6->vendor_class_enterprise, ==, 40712);
	ym_test_assert_str(dhcpv6->vendor_class, "dhcpcd-6.11.5:Linux-4.1.18-v7+:armv7l:BCM2709");
	ym_test_assert_str(dhcpv6->mud_url,
	                   "https://mudctl.example.com/.well-known/mud/v1/rasbp101");
	g_assert_cmpmem(dhcpv6->oro, dhcpv6->n_oro * sizeof(guint16), oro, sizeof(oro));
}

static void
test_solicit_win7(void)
{
	static const guint8 mac[] = {0x12, 0xa9, 0x86, 0x6c, 0x77, 0xde};
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDhcpv6 *dhcpv6 = &packet->u.dhcpv6;

	g_assert_cmpint(decode(packet, v6_solicit_win7, sizeof(v6_solicit_win7)), ==, YM_DECODE_OK);
	g_assert_cmphex(dhcpv6->transaction_id, ==, 0xdec4ce);
	/* DUID-LLT: here the MAC of the NIC it is sent from */
	g_assert_cmpuint(dhcpv6->client_duid_type, ==, 1);
	g_assert_true(dhcpv6->client_duid_has_mac);
	g_assert_cmpmem(dhcpv6->client_duid_mac, 6, mac, 6);
	ym_test_assert_str(dhcpv6->fqdn, "User-PC");
	g_assert_cmphex(dhcpv6->fqdn_flags, ==, 0x00);
	g_assert_cmpuint(dhcpv6->vendor_class_enterprise, ==, 311);
	ym_test_assert_str(dhcpv6->vendor_class, "MSFT 5.0");
}

static void
check_truncated_prefix(YmPacket *packet,
                       const guint8 *prefix,
                       gsize length,
                       gsize whole_length,
                       gconstpointer user_data)
{
	YmDecodeResult result = decode(packet, prefix, length);
	g_assert_cmpint(packet->app, ==, YM_APP_DHCPV6);
	if (result == YM_DECODE_OK)
		return;
	/* cut inside an option or its relayed message */
	g_assert_true(result == YM_DECODE_TRUNCATED || result == YM_DECODE_INVALID);
	g_assert_true(ym_packet_has_event(packet, YM_EVENT_DHCPV6_INVALID));
	g_assert_cmpuint(packet->u.dhcpv6.n_addresses, <=, YM_DHCPV6_MAX_ADDRS);
}

static void
test_truncated_prefixes(void)
{
	const YmTestMessage messages[] = {
	    YM_TEST_MESSAGE(v6_information_request_uuid),
	    YM_TEST_MESSAGE(v6_hp_renew),
	    YM_TEST_MESSAGE(v6_hp_reply),
	    YM_TEST_MESSAGE(v6_solicit_tinkyx1),
	    YM_TEST_MESSAGE(v6_relay_raspberrypi),
	    YM_TEST_MESSAGE(v6_solicit_win7),
	};
	g_autofree YmPacket *packet = ym_test_packet_new();

	ym_test_foreach_prefix_of_messages(packet, messages, G_N_ELEMENTS(messages),
	                                   YM_TEST_PREFIXES_SHORTER, check_truncated_prefix);
	/* every cut of a plain message is truncated, except at option boundaries */
	g_assert_cmpint(decode(packet, v6_hp_renew, 3), ==, YM_DECODE_TRUNCATED);
	g_assert_cmpint(decode(packet, v6_hp_renew, 4), ==, YM_DECODE_OK);
	g_assert_cmpint(decode(packet, v6_hp_renew, 5), ==, YM_DECODE_TRUNCATED);
	/* a relay cut before its relay message has no message at all */
	g_assert_cmpint(decode(packet, v6_relay_raspberrypi, 34), ==, YM_DECODE_INVALID);
}

static void
test_relay_nesting(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDhcpv6 *dhcpv6 = &packet->u.dhcpv6;
	static const guint8 fqdn[] = {0, 5, 'i', 'n', 'n', 'e', 'r'};
	GByteArray *message = solicit_new();

	put_option(message, 39, fqdn, sizeof(fqdn));
	for (guint depth = 1; depth <= 9; depth++) {
		GByteArray *outer = relay_wrap(message, depth);
		g_byte_array_unref(message);
		message = outer;
		if (depth == 8) {
			g_assert_cmpint(decode(packet, message->data, message->len), ==,
			                YM_DECODE_OK);
			g_assert_cmpuint(dhcpv6->n_relays, ==, 8);
			g_assert_cmpuint(dhcpv6->message_type, ==, 1);
			ym_test_assert_str(dhcpv6->fqdn, "inner");
			/* the innermost relay saw the client */
			g_assert_cmpuint(dhcpv6->relay_peer_address[15], ==, 1);
			g_assert_cmpuint(dhcpv6->relay_peer_address[0], ==, 0xfe);
		}
	}
	/* a ninth layer is too deep */
	g_assert_cmpint(decode(packet, message->data, message->len), ==, YM_DECODE_INVALID);
	g_assert_true(ym_packet_has_event(packet, YM_EVENT_DHCPV6_INVALID));
	g_assert_cmpuint(dhcpv6->n_relays, ==, 8);
	g_assert_false(ym_str_is_set(dhcpv6->fqdn));
	g_byte_array_unref(message);
}

static void
test_relay_without_message(void)
{
	g_autoptr(GByteArray) inner = solicit_new();
	g_autoptr(GByteArray) message = relay_wrap(inner, 1);
	g_autofree YmPacket *packet = ym_test_packet_new();

	/* turn the relay message option into an interface-id */
	message->data[34 + 8 + 1] = 18;
	g_assert_cmpint(decode(packet, message->data, message->len), ==, YM_DECODE_INVALID);
	g_assert_true(ym_packet_has_event(packet, YM_EVENT_DHCPV6_INVALID));
	g_assert_cmpuint(packet->u.dhcpv6.message_type, ==, 0);
}

static void
test_option_past_end(void)
{
	g_autoptr(GByteArray) message = solicit_new();
	g_autofree YmPacket *packet = ym_test_packet_new();

	put_option(message, 39, "\x00\x02pc", 4);
	ym_test_put_be16(message, 112);
	ym_test_put_be16(message, 50);
	g_byte_array_append(message, (const guint8 *) "https://", 8);
	g_assert_cmpint(decode(packet, message->data, message->len), ==, YM_DECODE_TRUNCATED);
	g_assert_true(ym_packet_has_event(packet, YM_EVENT_DHCPV6_INVALID));
	ym_test_assert_str(packet->u.dhcpv6.fqdn, "pc");
	g_assert_false(ym_str_is_set(packet->u.dhcpv6.mud_url));
}

static void
test_zero_length_options(void)
{
	g_autoptr(GByteArray) message = solicit_new();
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDhcpv6 *dhcpv6 = &packet->u.dhcpv6;

	/* rapid commit and an empty ORO are fine; an empty DUID, FQDN or MUD URL is not */
	put_option(message, 14, NULL, 0);
	put_option(message, 6, NULL, 0);
	put_option(message, 1, NULL, 0);
	put_option(message, 39, NULL, 0);
	put_option(message, 112, NULL, 0);
	put_option(message, 16, NULL, 0);
	put_option(message, 15, NULL, 0);
	g_assert_cmpint(decode(packet, message->data, message->len), ==, YM_DECODE_INVALID);
	g_assert_cmpuint(packet->n_events, ==, 1);
	g_assert_cmpuint(dhcpv6->n_oro, ==, 0);
	g_assert_null(dhcpv6->client_duid);
	g_assert_false(ym_str_is_set(dhcpv6->fqdn));
	g_assert_false(ym_str_is_set(dhcpv6->user_class));
}

static void
test_bad_option_lengths(void)
{
	static const guint8 odd_oro[] = {0, 23, 0};
	static const guint8 short_dns[15] = {0x20, 0x01};
	static const guint8 duid_ll_wifi[] = {0, 3, 0, 6, 1, 2, 3, 4, 5, 6};
	static const guint8 duid_llt_short[] = {0, 1, 0, 1, 0, 0};
	g_autoptr(GByteArray) message = solicit_new();
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDhcpv6 *dhcpv6 = &packet->u.dhcpv6;

	put_option(message, 6, odd_oro, sizeof(odd_oro));
	put_option(message, 23, short_dns, sizeof(short_dns));
	put_option(message, 1, duid_llt_short, sizeof(duid_llt_short));
	g_assert_cmpint(decode(packet, message->data, message->len), ==, YM_DECODE_INVALID);
	g_assert_true(ym_packet_has_event(packet, YM_EVENT_DHCPV6_INVALID));
	g_assert_cmpuint(dhcpv6->n_oro, ==, 0);
	g_assert_cmpuint(dhcpv6->n_dns_servers, ==, 0);
	g_assert_false(dhcpv6->client_duid_has_mac);

	/* a link-layer DUID of another hardware type is kept but has no MAC */
	g_byte_array_set_size(message, 4);
	put_option(message, 1, duid_ll_wifi, sizeof(duid_ll_wifi));
	g_assert_cmpint(decode(packet, message->data, message->len), ==, YM_DECODE_OK);
	g_assert_cmpuint(dhcpv6->client_duid_type, ==, 3);
	g_assert_cmpuint(dhcpv6->client_duid_length, ==, sizeof(duid_ll_wifi));
	g_assert_false(dhcpv6->client_duid_has_mac);
}

static void
test_classes(void)
{
	static const guint8 vendor[] = {0, 0, 0x01, 0x37, 0, 4, 'a', 'b', 'c', 'd', 0, 1, 'e'};
	static const guint8 user[] = {0, 0, 0, 7, 'o', 'f', 'f', 'i', 'c', 'e', 's'};
	static const guint8 user_bad[] = {0, 3, 'a', 'b', 'c', 0, 9, 'x'};
	g_autoptr(GByteArray) message = solicit_new();
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDhcpv6 *dhcpv6 = &packet->u.dhcpv6;

	put_option(message, 16, vendor, sizeof(vendor));
	put_option(message, 15, user, sizeof(user));
	g_assert_cmpint(decode(packet, message->data, message->len), ==, YM_DECODE_OK);
	g_assert_cmpuint(dhcpv6->vendor_class_enterprise, ==, 311);
	ym_test_assert_str(dhcpv6->vendor_class, "abcd");
	/* an empty first item is skipped */
	ym_test_assert_str(dhcpv6->user_class, "offices");

	g_byte_array_set_size(message, 4);
	put_option(message, 15, user_bad, sizeof(user_bad));
	g_assert_cmpint(decode(packet, message->data, message->len), ==, YM_DECODE_INVALID);
	g_assert_true(ym_packet_has_event(packet, YM_EVENT_DHCPV6_INVALID));
}

static void
test_ia_addresses(void)
{
	g_autoptr(GByteArray) message = solicit_new();
	g_autoptr(GByteArray) ia_ta = g_byte_array_new();
	g_autoptr(GByteArray) ia_na = g_byte_array_new();
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDhcpv6 *dhcpv6 = &packet->u.dhcpv6;
	guint8 iaaddr[24] = {0x20, 0x01, 0x0d, 0xb8};

	/* IA_TA with two addresses and a status code */
	g_byte_array_append(ia_ta, (const guint8 *) "\0\0\0\1", 4);
	for (guint i = 1; i <= 2; i++) {
		iaaddr[15] = i;
		put_option(ia_ta, 5, iaaddr, sizeof(iaaddr));
	}
	put_option(ia_ta, 13, "\0\0ok", 4);
	/* IA_NA with three more: one over the cap */
	g_byte_array_append(ia_na, (const guint8 *) "\0\0\0\2\0\0\0\0\0\0\0\0", 12);
	for (guint i = 3; i <= 5; i++) {
		iaaddr[15] = i;
		put_option(ia_na, 5, iaaddr, sizeof(iaaddr));
	}
	put_option(message, 4, ia_ta->data, ia_ta->len);
	put_option(message, 3, ia_na->data, ia_na->len);
	g_assert_cmpint(decode(packet, message->data, message->len), ==, YM_DECODE_OK);
	g_assert_cmpuint(dhcpv6->n_addresses, ==, YM_DHCPV6_MAX_ADDRS);
	assert_ipv6(dhcpv6->addresses[0], "2001:db8::1");
	assert_ipv6(dhcpv6->addresses[3], "2001:db8::4");

	/* an IAADDR too short for its lifetimes */
	g_byte_array_set_size(message, 4);
	g_byte_array_set_size(ia_na, 12);
	put_option(ia_na, 5, iaaddr, 20);
	put_option(message, 3, ia_na->data, ia_na->len);
	g_assert_cmpint(decode(packet, message->data, message->len), ==, YM_DECODE_INVALID);
	g_assert_cmpuint(dhcpv6->n_addresses, ==, 0);

	/* an IA_NA shorter than its fixed part */
	g_byte_array_set_size(message, 4);
	put_option(message, 3, "\0\0\0\1", 4);
	g_assert_cmpint(decode(packet, message->data, message->len), ==, YM_DECODE_INVALID);
}

static void
test_garbage(void)
{
	static const guint8 zero_type[] = {0, 1, 2, 3};
	g_autofree YmPacket *packet = ym_test_packet_new();

	g_assert_cmpint(decode(packet, zero_type, sizeof(zero_type)), ==, YM_DECODE_INVALID);
	g_assert_true(ym_packet_has_event(packet, YM_EVENT_DHCPV6_INVALID));
	g_assert_cmpint(ym_decode_dhcpv6(packet, NULL, 0), ==, YM_DECODE_TRUNCATED);
	g_assert_cmpint(packet->app, ==, YM_APP_DHCPV6);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/decode-dhcpv6/information-request-uuid",
	                test_information_request_uuid);
	g_test_add_func("/ym/decode-dhcpv6/hp-renew", test_hp_renew);
	g_test_add_func("/ym/decode-dhcpv6/hp-reply", test_hp_reply);
	g_test_add_func("/ym/decode-dhcpv6/solicit-rapid-commit", test_solicit_rapid_commit);
	g_test_add_func("/ym/decode-dhcpv6/relay-raspberrypi", test_relay_raspberrypi);
	g_test_add_func("/ym/decode-dhcpv6/solicit-win7", test_solicit_win7);
	g_test_add_func("/ym/decode-dhcpv6/truncated-prefixes", test_truncated_prefixes);
	g_test_add_func("/ym/decode-dhcpv6/relay-nesting", test_relay_nesting);
	g_test_add_func("/ym/decode-dhcpv6/relay-without-message", test_relay_without_message);
	g_test_add_func("/ym/decode-dhcpv6/option-past-end", test_option_past_end);
	g_test_add_func("/ym/decode-dhcpv6/zero-length-options", test_zero_length_options);
	g_test_add_func("/ym/decode-dhcpv6/bad-option-lengths", test_bad_option_lengths);
	g_test_add_func("/ym/decode-dhcpv6/classes", test_classes);
	g_test_add_func("/ym/decode-dhcpv6/ia-addresses", test_ia_addresses);
	g_test_add_func("/ym/decode-dhcpv6/garbage", test_garbage);
	return ym_test_run();
}
