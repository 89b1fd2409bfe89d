/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ym-decode.h"
#include "ym-decode-test-common.h"

/*
 * real messages are UDP payloads copied from the captures in
 * ../shared/data/pcaps (see SOURCES.md there); expected values were read
 * with tshark
 */

/* zeek-mdns.pcap frame 4: mDNS response announcing johanna-QEMU-Virtual-Machine.local (TTL 0) */
static const guint8 mdns_announcement[] = {
    0x00, 0x00, 0x84, 0x00, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x1c, 0x6a, 0x6f, 0x68,
    0x61, 0x6e, 0x6e, 0x61, 0x2d, 0x51, 0x45, 0x4d, 0x55, 0x2d, 0x56, 0x69, 0x72, 0x74, 0x75, 0x61,
    0x6c, 0x2d, 0x4d, 0x61, 0x63, 0x68, 0x69, 0x6e, 0x65, 0x05, 0x6c, 0x6f, 0x63, 0x61, 0x6c, 0x00,
    0x00, 0x1c, 0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0xfd, 0x52, 0x42, 0x9e, 0xc0, 0x3c,
    0x82, 0x35, 0x88, 0x3c, 0xd6, 0xff, 0xfe, 0xe1, 0x4d, 0xc4, 0x01, 0x34, 0x01, 0x63, 0x01, 0x64,
    0x01, 0x34, 0x01, 0x31, 0x01, 0x65, 0x01, 0x65, 0x01, 0x66, 0x01, 0x66, 0x01, 0x66, 0x01, 0x36,
    0x01, 0x64, 0x01, 0x63, 0x01, 0x33, 0x01, 0x38, 0x01, 0x38, 0x01, 0x35, 0x01, 0x33, 0x01, 0x32,
    0x01, 0x38, 0x01, 0x63, 0x01, 0x33, 0x01, 0x30, 0x01, 0x63, 0x01, 0x65, 0x01, 0x39, 0x01, 0x32,
    0x01, 0x34, 0x01, 0x32, 0x01, 0x35, 0x01, 0x64, 0x01, 0x66, 0x03, 0x69, 0x70, 0x36, 0x04, 0x61,
    0x72, 0x70, 0x61, 0x00, 0x00, 0x0c, 0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0xc0, 0x0c,
    0xc0, 0x0c, 0x00, 0x1c, 0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0xfd, 0x52, 0x42, 0x9e,
    0xc0, 0x3c, 0x82, 0x35, 0x59, 0x68, 0x5b, 0xc6, 0x15, 0x63, 0xf8, 0x2f, 0x01, 0x66, 0x01, 0x32,
    0x01, 0x38, 0x01, 0x66, 0x01, 0x33, 0x01, 0x36, 0x01, 0x35, 0x01, 0x31, 0x01, 0x36, 0x01, 0x63,
    0x01, 0x62, 0x01, 0x35, 0x01, 0x38, 0x01, 0x36, 0x01, 0x39, 0x01, 0x35, 0xc0, 0x6a, 0x00, 0x0c,
    0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0xc0, 0x0c, 0xc0, 0x0c, 0x00, 0x01, 0x80, 0x01,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x0a, 0x00, 0x02, 0x07, 0x01, 0x37, 0x01, 0x32, 0x01, 0x30,
    0x02, 0x31, 0x30, 0x07, 0x69, 0x6e, 0x2d, 0x61, 0x64, 0x64, 0x72, 0xc0, 0x8e, 0x00, 0x0c, 0x80,
    0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0xc0, 0x0c,
};

/* zeek-mdns.pcap frame 12: mDNS probe, 4 questions and 6 authority records */
static const guint8 mdns_probe[] = {
    0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x01, 0x34, 0x01, 0x63,
    0x01, 0x64, 0x01, 0x34, 0x01, 0x31, 0x01, 0x65, 0x01, 0x65, 0x01, 0x66, 0x01, 0x66, 0x01, 0x66,
    0x01, 0x36, 0x01, 0x64, 0x01, 0x63, 0x01, 0x33, 0x01, 0x38, 0x01, 0x38, 0x01, 0x35, 0x01, 0x33,
    0x01, 0x32, 0x01, 0x38, 0x01, 0x63, 0x01, 0x33, 0x01, 0x30, 0x01, 0x63, 0x01, 0x65, 0x01, 0x39,
    0x01, 0x32, 0x01, 0x34, 0x01, 0x32, 0x01, 0x35, 0x01, 0x64, 0x01, 0x66, 0x03, 0x69, 0x70, 0x36,
    0x04, 0x61, 0x72, 0x70, 0x61, 0x00, 0x00, 0xff, 0x00, 0x01, 0x1c, 0x6a, 0x6f, 0x68, 0x61, 0x6e,
    0x6e, 0x61, 0x2d, 0x51, 0x45, 0x4d, 0x55, 0x2d, 0x56, 0x69, 0x72, 0x74, 0x75, 0x61, 0x6c, 0x2d,
    0x4d, 0x61, 0x63, 0x68, 0x69, 0x6e, 0x65, 0x05, 0x6c, 0x6f, 0x63, 0x61, 0x6c, 0x00, 0x00, 0xff,
    0x00, 0x01, 0x01, 0x37, 0x01, 0x32, 0x01, 0x30, 0x02, 0x31, 0x30, 0x07, 0x69, 0x6e, 0x2d, 0x61,
    0x64, 0x64, 0x72, 0xc0, 0x50, 0x00, 0xff, 0x00, 0x01, 0x01, 0x66, 0x01, 0x32, 0x01, 0x38, 0x01,
    0x66, 0x01, 0x33, 0x01, 0x36, 0x01, 0x35, 0x01, 0x31, 0x01, 0x36, 0x01, 0x63, 0x01, 0x62, 0x01,
    0x35, 0x01, 0x38, 0x01, 0x36, 0x01, 0x39, 0x01, 0x35, 0xc0, 0x2c, 0x00, 0xff, 0x00, 0x01, 0xc0,
    0x5a, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x78, 0x00, 0x04, 0x0a, 0x00, 0x02, 0x07, 0xc0,
    0x82, 0x00, 0x0c, 0x00, 0x01, 0x00, 0x00, 0x00, 0x78, 0x00, 0x02, 0xc0, 0x5a, 0xc0, 0x5a, 0x00,
    0x1c, 0x00, 0x01, 0x00, 0x00, 0x00, 0x78, 0x00, 0x10, 0xfd, 0x52, 0x42, 0x9e, 0xc0, 0x3c, 0x82,
    0x35, 0x59, 0x68, 0x5b, 0xc6, 0x15, 0x63, 0xf8, 0x2f, 0xc0, 0x99, 0x00, 0x0c, 0x00, 0x01, 0x00,
    0x00, 0x00, 0x78, 0x00, 0x02, 0xc0, 0x5a, 0xc0, 0x5a, 0x00, 0x1c, 0x00, 0x01, 0x00, 0x00, 0x00,
    0x78, 0x00, 0x10, 0xfd, 0x52, 0x42, 0x9e, 0xc0, 0x3c, 0x82, 0x35, 0x88, 0x3c, 0xd6, 0xff, 0xfe,
    0xe1, 0x4d, 0xc4, 0xc0, 0x0c, 0x00, 0x0c, 0x00, 0x01, 0x00, 0x00, 0x00, 0x78, 0x00, 0x02, 0xc0,
    0x5a,
};

/* zeek-home-multicast-short.pcap frame 6: mDNS query for _googlecast._tcp.local */
static const guint8 mdns_googlecast_query[] = {
    0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0b, 0x5f,
    0x67, 0x6f, 0x6f, 0x67, 0x6c, 0x65, 0x63, 0x61, 0x73, 0x74, 0x04, 0x5f, 0x74, 0x63,
    0x70, 0x05, 0x6c, 0x6f, 0x63, 0x61, 0x6c, 0x00, 0x00, 0x0c, 0x00, 0x01,
};

/*
 * suricata-verify-win7-home-browsing.pcap frame 134: LLMNR query for its own name User-PC, type ANY
 */
static const guint8 llmnr_user_pc[] = {
    0x97, 0xbf, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x07,
    0x55, 0x73, 0x65, 0x72, 0x2d, 0x50, 0x43, 0x00, 0x00, 0xff, 0x00, 0x01,
};

/*
 * ndpi-malware-domains.pcap frame 2: answer www.internetbadguys.com A 67.215.92.210, with EDNS OPT
 */
static const guint8 dns_badguys_answer[] = {
    0x0b, 0xa4, 0x81, 0x80, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x03, 0x77,
    0x77, 0x77, 0x0f, 0x69, 0x6e, 0x74, 0x65, 0x72, 0x6e, 0x65, 0x74, 0x62, 0x61, 0x64,
    0x67, 0x75, 0x79, 0x73, 0x03, 0x63, 0x6f, 0x6d, 0x00, 0x00, 0x01, 0x00, 0x01, 0xc0,
    0x0c, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x04, 0x43, 0xd7, 0x5c,
    0xd2, 0x00, 0x00, 0x29, 0x05, 0xac, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};

/* suricata-verify-win7-home-browsing.pcap frame 356: code.jquery.com CNAME and two A records */
static const guint8 dns_cname_answer[] = {
    0xfb, 0xf5, 0x81, 0x80, 0x00, 0x01, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x63, 0x6f,
    0x64, 0x65, 0x06, 0x6a, 0x71, 0x75, 0x65, 0x72, 0x79, 0x03, 0x63, 0x6f, 0x6d, 0x00, 0x00,
    0x01, 0x00, 0x01, 0xc0, 0x0c, 0x00, 0x05, 0x00, 0x01, 0x00, 0x00, 0x01, 0x2c, 0x00, 0x18,
    0x03, 0x63, 0x64, 0x73, 0x08, 0x73, 0x35, 0x78, 0x33, 0x6a, 0x36, 0x71, 0x35, 0x05, 0x68,
    0x77, 0x63, 0x64, 0x6e, 0x03, 0x6e, 0x65, 0x74, 0x00, 0xc0, 0x2d, 0x00, 0x01, 0x00, 0x01,
    0x00, 0x00, 0x00, 0x67, 0x00, 0x04, 0x45, 0x10, 0xaf, 0x2a, 0xc0, 0x2d, 0x00, 0x01, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x67, 0x00, 0x04, 0x45, 0x10, 0xaf, 0x0a,
};

/* slips-periodic-c2-beacon.pcap frame 155: TXT answer from origin.asn.cymru.com */
static const guint8 dns_txt_answer[] = {
    0x30, 0x65, 0x81, 0x80, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x03, 0x31, 0x35, 0x34,
    0x03, 0x31, 0x35, 0x31, 0x02, 0x38, 0x36, 0x03, 0x31, 0x31, 0x37, 0x06, 0x6f, 0x72, 0x69, 0x67,
    0x69, 0x6e, 0x03, 0x61, 0x73, 0x6e, 0x05, 0x63, 0x79, 0x6d, 0x72, 0x75, 0x03, 0x63, 0x6f, 0x6d,
    0x00, 0x00, 0x10, 0x00, 0x01, 0xc0, 0x0c, 0x00, 0x10, 0x00, 0x01, 0x00, 0x00, 0x38, 0x40, 0x00,
    0x2f, 0x2e, 0x34, 0x31, 0x33, 0x34, 0x20, 0x7c, 0x20, 0x31, 0x31, 0x37, 0x2e, 0x38, 0x30, 0x2e,
    0x30, 0x2e, 0x30, 0x2f, 0x31, 0x32, 0x20, 0x7c, 0x20, 0x43, 0x4e, 0x20, 0x7c, 0x20, 0x61, 0x70,
    0x6e, 0x69, 0x63, 0x20, 0x7c, 0x20, 0x32, 0x30, 0x30, 0x37, 0x2d, 0x30, 0x37, 0x2d, 0x30, 0x34,
};

static YmDecodeResult
decode(YmPacket *packet, const guint8 *data, gsize length, YmDnsFlavour flavour)
{
	ym_packet_reset(packet);
	return ym_decode_dns(packet, ym_test_exact_copy(data, length), length, flavour);
}

static void
assert_address(const guint8 *bytes, gint family, const gchar *expected)
{
	YmIpAddr addr = {0};
	gchar buf[46];
	addr.family = family == 4 ? 4 : 6;
	memcpy(addr.bytes, bytes, family == 4 ? 4 : 16);
	g_assert_cmpstr(ym_ip_addr_to_string(&addr, buf, sizeof(buf)), ==, expected);
}

/* builders for hand-made messages */

static GByteArray *
message_new(guint16 flags, guint16 qd, guint16 an, guint16 ns, guint16 ar)
{
	GByteArray *message = g_byte_array_new();
	guint8 header[] = {0x12,    0x34,      flags >> 8, flags & 0xff, qd >> 8, qd & 0xff,
	                   an >> 8, an & 0xff, ns >> 8,    ns & 0xff,    ar >> 8, ar & 0xff};
	g_byte_array_append(message, header, sizeof(header));
	return message;
}

static void
put_be32(GByteArray *message, guint32 value)
{
	ym_test_put_be16(message, value >> 16);
	ym_test_put_be16(message, value & 0xffff);
}

/* labels from a dotted name, then the root label */
static void
put_name(GByteArray *message, const gchar *dotted)
{
	g_auto(GStrv) labels = g_strsplit(dotted, ".", -1);
	for (guint i = 0; labels[i] != NULL; i++) {
		if (labels[i][0] == '\0')
			continue;
		ym_test_put_u8(message, strlen(labels[i]));
		g_byte_array_append(message, (const guint8 *) labels[i], strlen(labels[i]));
	}
	ym_test_put_u8(message, 0);
}

static void
put_pointer(GByteArray *message, guint16 offset)
{
	ym_test_put_be16(message, 0xc000 | offset);
}

/* type, class, ttl and rdlength of a record whose name was just put */
static void
put_record_fixed(GByteArray *message, guint16 type, guint16 klass, guint16 rdlength)
{
	ym_test_put_be16(message, type);
	ym_test_put_be16(message, klass);
	put_be32(message, 120);
	ym_test_put_be16(message, rdlength);
}

static void
test_mdns_announcement(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDns *dns = &packet->u.dns;
	YmDecodeResult result;

	result = decode(packet, mdns_announcement, sizeof(mdns_announcement), YM_DNS_FLAVOUR_MDNS);
	g_assert_cmpint(result, ==, YM_DECODE_OK);
	g_assert_cmpint(packet->app, ==, YM_APP_DNS);
	g_assert_cmpuint(packet->n_events, ==, 0);
	g_assert_cmpint(dns->flavour, ==, YM_DNS_FLAVOUR_MDNS);
	g_assert_true(dns->is_response);
	g_assert_cmphex(dns->flags, ==, 0x8400);
	g_assert_cmpuint(dns->opcode, ==, 0);
	g_assert_cmpuint(dns->n_questions_total, ==, 0);
	g_assert_cmpuint(dns->n_records_total, ==, 6);
	g_assert_cmpuint(dns->n_records, ==, 6);

	/* AAAA with the cache-flush bit, a goodbye (TTL 0) */
	ym_test_assert_str(dns->records[0].name, "johanna-QEMU-Virtual-Machine.local");
	g_assert_cmpuint(dns->records[0].type, ==, 28);
	g_assert_cmpuint(dns->records[0].klass, ==, 1);
	g_assert_true(dns->records[0].cache_flush);
	g_assert_cmpuint(dns->records[0].ttl, ==, 0);
	g_assert_cmpuint(dns->records[0].section, ==, YM_DNS_SECTION_ANSWER);
	assert_address(dns->records[0].address, 6, "fd52:429e:c03c:8235:883c:d6ff:fee1:4dc4");
	g_assert_cmpuint(dns->records[0].rdata_length, ==, 16);

	/* PTR whose target is a compression pointer to the first name */
	ym_test_assert_str(
	    dns->records[1].name,
	    "4.c.d.4.1.e.e.f.f.f.6.d.c.3.8.8.5.3.2.8.c.3.0.c.e.9.2.4.2.5.d.f.ip6.arpa");
	g_assert_cmpuint(dns->records[1].type, ==, 12);
	ym_test_assert_str(dns->records[1].target, "johanna-QEMU-Virtual-Machine.local");

	assert_address(dns->records[2].address, 6, "fd52:429e:c03c:8235:5968:5bc6:1563:f82f");
	ym_test_assert_str(
	    dns->records[3].name,
	    "f.2.8.f.3.6.5.1.6.c.b.5.8.6.9.5.5.3.2.8.c.3.0.c.e.9.2.4.2.5.d.f.ip6.arpa");

	g_assert_cmpuint(dns->records[4].type, ==, 1);
	ym_test_assert_str(dns->records[4].name, "johanna-QEMU-Virtual-Machine.local");
	assert_address(dns->records[4].address, 4, "10.0.2.7");

	ym_test_assert_str(dns->records[5].name, "7.2.0.10.in-addr.arpa");
	ym_test_assert_str(dns->records[5].target, "johanna-QEMU-Virtual-Machine.local");
	g_assert_cmpuint(packet->scratch_used, <=, YM_PACKET_SCRATCH);
}

static void
test_mdns_probe(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDns *dns = &packet->u.dns;

	g_assert_cmpint(decode(packet, mdns_probe, sizeof(mdns_probe), YM_DNS_FLAVOUR_MDNS), ==,
	                YM_DECODE_OK);
	g_assert_false(dns->is_response);
	g_assert_cmpuint(dns->n_questions, ==, 4);
	ym_test_assert_str(
	    dns->questions[0].name,
	    "4.c.d.4.1.e.e.f.f.f.6.d.c.3.8.8.5.3.2.8.c.3.0.c.e.9.2.4.2.5.d.f.ip6.arpa");
	ym_test_assert_str(dns->questions[1].name, "johanna-QEMU-Virtual-Machine.local");
	ym_test_assert_str(dns->questions[2].name, "7.2.0.10.in-addr.arpa");
	g_assert_cmpuint(dns->questions[1].type, ==, 255);
	g_assert_cmpuint(dns->questions[1].klass, ==, 1);
	g_assert_false(dns->questions[1].unicast_response);

	/* the proposed records travel in the authority section */
	g_assert_cmpuint(dns->n_records, ==, 6);
	for (guint i = 0; i < dns->n_records; i++)
		g_assert_cmpuint(dns->records[i].section, ==, YM_DNS_SECTION_AUTHORITY);
	g_assert_cmpuint(dns->records[0].type, ==, 1);
	assert_address(dns->records[0].address, 4, "10.0.2.7");
	g_assert_cmpuint(dns->records[0].ttl, ==, 120);
	g_assert_false(dns->records[0].cache_flush);
	ym_test_assert_str(dns->records[1].target, "johanna-QEMU-Virtual-Machine.local");
}

static void
test_mdns_query(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDns *dns = &packet->u.dns;

	g_assert_cmpint(decode(packet, mdns_googlecast_query, sizeof(mdns_googlecast_query),
	                       YM_DNS_FLAVOUR_MDNS),
	                ==, YM_DECODE_OK);
	g_assert_false(dns->is_response);
	g_assert_cmpuint(dns->id, ==, 0);
	g_assert_cmpuint(dns->n_questions, ==, 1);
	ym_test_assert_str(dns->questions[0].name, "_googlecast._tcp.local");
	g_assert_cmpuint(dns->questions[0].type, ==, 12);
	g_assert_cmpuint(dns->n_records, ==, 0);
}

static void
test_mdns_class_bits(void)
{
	g_autoptr(GByteArray) message = message_new(0x8400, 1, 1, 0, 1);
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDns *dns = &packet->u.dns;

	/* a QU question, a cache-flush TXT record and an OPT record */
	put_name(message, "tv._googlecast._tcp.local");
	ym_test_put_be16(message, 16);
	ym_test_put_be16(message, 0x8001);
	put_pointer(message, 12);
	put_record_fixed(message, 16, 0x8001, 1);
	ym_test_put_u8(message, 0);
	ym_test_put_u8(message, 0);
	put_record_fixed(message, 41, 0x05a0, 0);

	g_assert_cmpint(decode(packet, message->data, message->len, YM_DNS_FLAVOUR_MDNS), ==,
	                YM_DECODE_OK);
	g_assert_true(dns->questions[0].unicast_response);
	g_assert_cmpuint(dns->questions[0].klass, ==, 1);
	g_assert_cmpuint(dns->n_records, ==, 2);
	g_assert_true(dns->records[0].cache_flush);
	g_assert_cmpuint(dns->records[0].klass, ==, 1);
	ym_test_assert_str(dns->records[0].name, "tv._googlecast._tcp.local");
	/* OPT keeps its UDP payload size */
	g_assert_cmpuint(dns->records[1].type, ==, 41);
	g_assert_cmpuint(dns->records[1].klass, ==, 0x05a0);
	g_assert_false(dns->records[1].cache_flush);
	ym_test_assert_str(dns->records[1].name, "");

	/* plain DNS leaves the top bit alone */
	g_assert_cmpint(decode(packet, message->data, message->len, YM_DNS_FLAVOUR_DNS), ==,
	                YM_DECODE_OK);
	g_assert_cmphex(dns->questions[0].klass, ==, 0x8001);
	g_assert_false(dns->questions[0].unicast_response);
	g_assert_cmphex(dns->records[0].klass, ==, 0x8001);
	g_assert_false(dns->records[0].cache_flush);
}

static void
test_llmnr(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDns *dns = &packet->u.dns;

	g_assert_cmpint(decode(packet, llmnr_user_pc, sizeof(llmnr_user_pc), YM_DNS_FLAVOUR_LLMNR),
	                ==, YM_DECODE_OK);
	g_assert_cmpint(dns->flavour, ==, YM_DNS_FLAVOUR_LLMNR);
	g_assert_cmphex(dns->id, ==, 0x97bf);
	g_assert_false(dns->is_response);
	g_assert_cmpuint(dns->n_questions, ==, 1);
	ym_test_assert_str(dns->questions[0].name, "User-PC");
	g_assert_cmpuint(dns->questions[0].type, ==, 255);
	g_assert_cmpuint(dns->questions[0].klass, ==, 1);
}

static void
test_dns_answer(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDns *dns = &packet->u.dns;

	g_assert_cmpint(
	    decode(packet, dns_badguys_answer, sizeof(dns_badguys_answer), YM_DNS_FLAVOUR_DNS), ==,
	    YM_DECODE_OK);
	g_assert_cmpuint(packet->n_events, ==, 0);
	g_assert_cmphex(dns->id, ==, 0x0ba4);
	g_assert_true(dns->is_response);
	g_assert_cmpuint(dns->rcode, ==, 0);
	g_assert_cmpuint(dns->n_questions, ==, 1);
	ym_test_assert_str(dns->questions[0].name, "www.internetbadguys.com");
	g_assert_cmpuint(dns->questions[0].type, ==, 1);
	g_assert_cmpuint(dns->n_records_total, ==, 2);
	g_assert_cmpuint(dns->n_records, ==, 2);
	ym_test_assert_str(dns->records[0].name, "www.internetbadguys.com");
	g_assert_cmpuint(dns->records[0].ttl, ==, 1);
	assert_address(dns->records[0].address, 4, "67.215.92.210");
	/* EDNS: root name, UDP payload size 1452 in the class */
	g_assert_cmpuint(dns->records[1].section, ==, YM_DNS_SECTION_ADDITIONAL);
	g_assert_cmpuint(dns->records[1].type, ==, 41);
	g_assert_cmpuint(dns->records[1].klass, ==, 1452);
	ym_test_assert_str(dns->records[1].name, "");
}

static void
test_dns_cname(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDns *dns = &packet->u.dns;

	g_assert_cmpint(
	    decode(packet, dns_cname_answer, sizeof(dns_cname_answer), YM_DNS_FLAVOUR_DNS), ==,
	    YM_DECODE_OK);
	g_assert_cmpuint(dns->n_records, ==, 3);
	ym_test_assert_str(dns->records[0].name, "code.jquery.com");
	g_assert_cmpuint(dns->records[0].type, ==, 5);
	g_assert_cmpuint(dns->records[0].ttl, ==, 300);
	ym_test_assert_str(dns->records[0].target, "cds.s5x3j6q5.hwcdn.net");
	/* the A records are named by a pointer into the CNAME rdata */
	ym_test_assert_str(dns->records[1].name, "cds.s5x3j6q5.hwcdn.net");
	assert_address(dns->records[1].address, 4, "69.16.175.42");
	ym_test_assert_str(dns->records[2].name, "cds.s5x3j6q5.hwcdn.net");
	assert_address(dns->records[2].address, 4, "69.16.175.10");
}

static void
test_dns_txt_real(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDns *dns = &packet->u.dns;
	gsize offset = 0;
	YmStr text = YM_STR_EMPTY;

	g_assert_cmpint(decode(packet, dns_txt_answer, sizeof(dns_txt_answer), YM_DNS_FLAVOUR_DNS),
	                ==, YM_DECODE_OK);
	g_assert_cmpuint(dns->n_records, ==, 1);
	ym_test_assert_str(dns->records[0].name, "154.151.86.117.origin.asn.cymru.com");
	g_assert_cmpuint(dns->records[0].type, ==, 16);
	g_assert_cmpuint(dns->records[0].ttl, ==, 14400);
	g_assert_cmpuint(dns->records[0].rdata_length, ==, 47);
	g_assert_true(ym_dns_record_next_txt(&dns->records[0], &offset, &text));
	ym_test_assert_str(text, "4134 | 117.80.0.0/12 | CN | apnic | 2007-07-04");
	g_assert_cmpuint(offset, ==, 47);
	g_assert_false(ym_dns_record_next_txt(&dns->records[0], &offset, &text));
}

static void
test_dns_srv_txt(void)
{
	static const guint8 txt[] = {8,   't', 'x', 't', 'v', 'e', 'r', 's', '=', 0,  6,
	                             'm', 'd', '=', 'C', 'C', 'A', 3,   'a', '=', 'b'};
	g_autoptr(GByteArray) message = message_new(0x8400, 0, 2, 0, 0);
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDns *dns = &packet->u.dns;
	const gchar *expected[] = {"txtvers=", "", "md=CCA", "a=b"};
	YmStr text = YM_STR_EMPTY;
	gsize offset = 0;
	guint n = 0;

	put_name(message, "Living Room._googlecast._tcp.local");
	put_record_fixed(message, 33, 0x8001, 6 + 2);
	ym_test_put_be16(message, 0);
	ym_test_put_be16(message, 0);
	ym_test_put_be16(message, 8009);
	put_pointer(message, 12 + 12); /* "_googlecast._tcp.local" */
	put_pointer(message, 12);
	put_record_fixed(message, 16, 0x8001, sizeof(txt));
	g_byte_array_append(message, txt, sizeof(txt));

	g_assert_cmpint(decode(packet, message->data, message->len, YM_DNS_FLAVOUR_MDNS), ==,
	                YM_DECODE_OK);
	g_assert_cmpuint(dns->n_records, ==, 2);
	ym_test_assert_str(dns->records[0].name, "Living Room._googlecast._tcp.local");
	g_assert_cmpuint(dns->records[0].srv_port, ==, 8009);
	ym_test_assert_str(dns->records[0].target, "_googlecast._tcp.local");
	g_assert_cmpuint(dns->records[1].type, ==, 16);
	while (ym_dns_record_next_txt(&dns->records[1], &offset, &text)) {
		g_assert_cmpuint(n, <, G_N_ELEMENTS(expected));
		ym_test_assert_str(text, expected[n]);
		n++;
	}
	g_assert_cmpuint(n, ==, 4);
}

static void
test_txt_iterator(void)
{
	static const guint8 bad[] = {3, 'a', 'b', 'c', 5, 'd', 'e'};
	YmDnsRecord record = {0};
	YmStr text = YM_STR_EMPTY;
	gsize offset = 0;

	/* no rdata at all */
	g_assert_false(ym_dns_record_next_txt(&record, &offset, &text));

	/* the second string claims more than the rdata holds */
	record.type = 16;
	record.rdata = bad;
	record.rdata_length = sizeof(bad);
	g_assert_true(ym_dns_record_next_txt(&record, &offset, &text));
	ym_test_assert_str(text, "abc");
	g_assert_false(ym_dns_record_next_txt(&record, &offset, &text));
	g_assert_cmpuint(offset, ==, 4);

	/* an offset past the end */
	offset = 100;
	g_assert_false(ym_dns_record_next_txt(&record, &offset, &text));
}

static void
check_truncated_prefix(YmPacket *packet,
                       const guint8 *prefix,
                       gsize length,
                       gsize whole_length,
                       gconstpointer user_data)
{
	const YmDnsFlavour *flavour = user_data;
	YmDecodeResult result = decode(packet, prefix, length, *flavour);
	g_assert_cmpint(result, ==, YM_DECODE_TRUNCATED);
	g_assert_true(ym_packet_has_event(packet, YM_EVENT_DNS_INVALID));
	g_assert_cmpuint(packet->u.dns.n_records, <, packet->u.dns.n_records_total + 1);
	g_assert_cmpuint(packet->scratch_used, <=, YM_PACKET_SCRATCH);
}

static void
test_truncated_prefixes(void)
{
	const struct {
		YmTestMessage message;
		YmDnsFlavour flavour;
	} messages[] = {
	    {YM_TEST_MESSAGE(mdns_announcement), YM_DNS_FLAVOUR_MDNS},
	    {YM_TEST_MESSAGE(mdns_probe), YM_DNS_FLAVOUR_MDNS},
	    {YM_TEST_MESSAGE(llmnr_user_pc), YM_DNS_FLAVOUR_LLMNR},
	    {YM_TEST_MESSAGE(dns_badguys_answer), YM_DNS_FLAVOUR_DNS},
	    {YM_TEST_MESSAGE(dns_cname_answer), YM_DNS_FLAVOUR_DNS},
	    {YM_TEST_MESSAGE(dns_txt_answer), YM_DNS_FLAVOUR_DNS},
	};
	g_autofree YmPacket *packet = ym_test_packet_new();

	for (guint m = 0; m < G_N_ELEMENTS(messages); m++) {
		ym_test_foreach_prefix(packet, messages[m].message.name, messages[m].message.data,
		                       messages[m].message.length, YM_TEST_PREFIXES_SHORTER,
		                       check_truncated_prefix, &messages[m].flavour);
	}

	/* a capture cut by the snap length is not blamed on the message */
	ym_packet_reset(packet);
	ym_packet_add_event(packet, YM_EVENT_FRAME_TRUNCATED);
	g_assert_cmpint(ym_decode_dns(packet, dns_cname_answer, 40, YM_DNS_FLAVOUR_DNS), ==,
	                YM_DECODE_TRUNCATED);
	g_assert_false(ym_packet_has_event(packet, YM_EVENT_DNS_INVALID));
	g_assert_cmpuint(packet->u.dns.n_questions, ==, 1);
}

static void
test_compression_loops(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDns *dns = &packet->u.dns;

	/* a pointer to itself */
	{
		g_autoptr(GByteArray) message = message_new(0x0100, 1, 0, 0, 0);
		put_pointer(message, 12);
		ym_test_put_be16(message, 1);
		ym_test_put_be16(message, 1);
		g_assert_cmpint(decode(packet, message->data, message->len, YM_DNS_FLAVOUR_DNS), ==,
		                YM_DECODE_INVALID);
		g_assert_true(ym_packet_has_event(packet, YM_EVENT_DNS_COMPRESSION_LOOP));
		g_assert_cmpuint(dns->n_questions, ==, 0);
	}

	/* a label, then a pointer back to that label */
	{
		g_autoptr(GByteArray) message = message_new(0x0100, 1, 0, 0, 0);
		ym_test_put_u8(message, 1);
		ym_test_put_u8(message, 'a');
		put_pointer(message, 12);
		ym_test_put_be16(message, 1);
		ym_test_put_be16(message, 1);
		g_assert_cmpint(decode(packet, message->data, message->len, YM_DNS_FLAVOUR_DNS), ==,
		                YM_DECODE_INVALID);
		g_assert_true(ym_packet_has_event(packet, YM_EVENT_DNS_COMPRESSION_LOOP));
	}

	/* two names pointing at each other: the second is a forward hop */
	{
		g_autoptr(GByteArray) message = message_new(0x0100, 2, 0, 0, 0);
		ym_test_put_u8(message, 1);
		ym_test_put_u8(message, 'a');
		put_pointer(message, 20); /* forward, to the second question */
		ym_test_put_be16(message, 1);
		ym_test_put_be16(message, 1);
		ym_test_put_u8(message, 1);
		ym_test_put_u8(message, 'b');
		put_pointer(message, 12);
		ym_test_put_be16(message, 1);
		ym_test_put_be16(message, 1);
		g_assert_cmpint(decode(packet, message->data, message->len, YM_DNS_FLAVOUR_DNS), ==,
		                YM_DECODE_INVALID);
		g_assert_true(ym_packet_has_event(packet, YM_EVENT_DNS_INVALID));
		g_assert_cmpuint(dns->n_questions, ==, 0);
	}

	/* a pointer past the end of the message */
	{
		g_autoptr(GByteArray) message = message_new(0x0100, 1, 0, 0, 0);
		put_pointer(message, 0x3fff);
		ym_test_put_be16(message, 1);
		ym_test_put_be16(message, 1);
		g_assert_cmpint(decode(packet, message->data, message->len, YM_DNS_FLAVOUR_DNS), ==,
		                YM_DECODE_INVALID);
		g_assert_true(ym_packet_has_event(packet, YM_EVENT_DNS_INVALID));
	}
}

/*
 * a raw record whose rdata is a chain of pointers, each to the one before,
 * the first to the root name at offset 12; a second record is named by the
 * last pointer of the chain
 */
static GByteArray *
pointer_chain_new(guint hops)
{
	GByteArray *message = message_new(0x8400, 0, 2, 0, 0);
	guint rdata_start;

	ym_test_put_u8(message, 0);
	put_record_fixed(message, 99, 1, 2 * (hops - 1));
	rdata_start = message->len;
	for (guint i = 0; i < hops - 1; i++)
		put_pointer(message, i == 0 ? 12 : rdata_start + 2 * (i - 1));
	put_pointer(message, rdata_start + 2 * (hops - 2));
	put_record_fixed(message, 1, 1, 4);
	put_be32(message, 0x0a000001);
	return message;
}

static void
test_pointer_hop_cap(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDns *dns = &packet->u.dns;

	{
		g_autoptr(GByteArray) message = pointer_chain_new(64);
		g_assert_cmpint(decode(packet, message->data, message->len, YM_DNS_FLAVOUR_DNS), ==,
		                YM_DECODE_OK);
		g_assert_cmpuint(dns->n_records, ==, 2);
		ym_test_assert_str(dns->records[1].name, "");
		assert_address(dns->records[1].address, 4, "10.0.0.1");
	}
	{
		g_autoptr(GByteArray) message = pointer_chain_new(65);
		g_assert_cmpint(decode(packet, message->data, message->len, YM_DNS_FLAVOUR_DNS), ==,
		                YM_DECODE_INVALID);
		g_assert_true(ym_packet_has_event(packet, YM_EVENT_DNS_COMPRESSION_LOOP));
		g_assert_cmpuint(dns->n_records, ==, 1);
	}
}

static void
test_name_limits(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDns *dns = &packet->u.dns;

	/* 64 is not a label length: 01 and 10 label types are obsolete */
	{
		g_autoptr(GByteArray) message = message_new(0x0100, 1, 0, 0, 0);
		ym_test_put_u8(message, 64);
		for (guint i = 0; i < 64; i++)
			ym_test_put_u8(message, 'x');
		ym_test_put_u8(message, 0);
		ym_test_put_be16(message, 1);
		ym_test_put_be16(message, 1);
		g_assert_cmpint(decode(packet, message->data, message->len, YM_DNS_FLAVOUR_DNS), ==,
		                YM_DECODE_INVALID);
		g_assert_true(ym_packet_has_event(packet, YM_EVENT_DNS_INVALID));
	}

	/* 255 octets on the wire is the longest name; one more is refused */
	for (guint extra = 0; extra < 2; extra++) {
		g_autoptr(GByteArray) message = message_new(0x0100, 1, 0, 0, 0);
		/* 3 labels of 63 and one of 61 + extra: 4 + 250 + extra + root */
		for (guint l = 0; l < 4; l++) {
			guint length = l < 3 ? 63 : 61 + extra;
			ym_test_put_u8(message, length);
			for (guint i = 0; i < length; i++)
				ym_test_put_u8(message, 'a' + l);
		}
		ym_test_put_u8(message, 0);
		ym_test_put_be16(message, 1);
		ym_test_put_be16(message, 1);
		if (extra == 0) {
			g_assert_cmpint(
			    decode(packet, message->data, message->len, YM_DNS_FLAVOUR_DNS), ==,
			    YM_DECODE_OK);
			g_assert_cmpuint(dns->n_questions, ==, 1);
			g_assert_cmpuint(dns->questions[0].name.length, ==, 253);
		} else {
			g_assert_cmpint(
			    decode(packet, message->data, message->len, YM_DNS_FLAVOUR_DNS), ==,
			    YM_DECODE_INVALID);
			g_assert_true(ym_packet_has_event(packet, YM_EVENT_DNS_INVALID));
		}
	}
}

static void
test_name_escapes(void)
{
	/* "a.b", a backslash, a control byte, a space, UTF-8 and a stray 0xff */
	static const guint8 name[] = {3,    'a', '.',  'b',  2,    'x',  '\\', 3,    0x01, ' ',
	                              'y',  9,   0xe3, 0x83, 0x86, 0xe3, 0x83, 0xac, 0xe3, 0x83,
	                              0x93, 2,   'z',  0xff, 2,    0xe3, 0x83, 0};
	g_autoptr(GByteArray) message = message_new(0x0100, 1, 0, 0, 0);
	g_autofree YmPacket *packet = ym_test_packet_new();

	g_byte_array_append(message, name, sizeof(name));
	ym_test_put_be16(message, 1);
	ym_test_put_be16(message, 1);
	g_assert_cmpint(decode(packet, message->data, message->len, YM_DNS_FLAVOUR_MDNS), ==,
	                YM_DECODE_OK);
	ym_test_assert_str(packet->u.dns.questions[0].name,
	                   "a\\.b.x\\\\.\\001 y.テレビ.z\\255.\\227\\131");
}

static void
test_caps(void)
{
	g_autoptr(GByteArray) message = message_new(0x8400, 10, 40, 0, 0);
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDns *dns = &packet->u.dns;

	for (guint i = 0; i < 10; i++) {
		g_autofree gchar *name = g_strdup_printf("host%u.local", i);
		put_name(message, name);
		ym_test_put_be16(message, 1);
		ym_test_put_be16(message, 1);
	}
	for (guint i = 0; i < 40; i++) {
		put_pointer(message, 12);
		put_record_fixed(message, 1, 1, 4);
		put_be32(message, 0xc0a80000 + i);
	}
	g_assert_cmpint(decode(packet, message->data, message->len, YM_DNS_FLAVOUR_MDNS), ==,
	                YM_DECODE_OK);
	g_assert_cmpuint(packet->n_events, ==, 0);
	g_assert_cmpuint(dns->n_questions_total, ==, 10);
	g_assert_cmpuint(dns->n_questions, ==, YM_DNS_MAX_QUESTIONS);
	ym_test_assert_str(dns->questions[7].name, "host7.local");
	g_assert_cmpuint(dns->n_records_total, ==, 40);
	g_assert_cmpuint(dns->n_records, ==, YM_DNS_MAX_RECORDS);
	ym_test_assert_str(dns->records[31].name, "host0.local");
	assert_address(dns->records[31].address, 4, "192.168.0.31");
}

static void
test_scratch_exhausted(void)
{
	g_autoptr(GByteArray) message = message_new(0x8400, 0, 30, 0, 0);
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDns *dns = &packet->u.dns;

	/* each name escapes to 4 x 63 + 3 characters: 16 of them fill the scratch */
	for (guint i = 0; i < 30; i++) {
		ym_test_put_u8(message, 63);
		for (guint j = 0; j < 63; j++)
			ym_test_put_u8(message, 0x01);
		ym_test_put_u8(message, 1);
		ym_test_put_u8(message, 'a' + (i % 26));
		ym_test_put_u8(message, 0);
		put_record_fixed(message, 1, 1, 4);
		put_be32(message, 0x0a000000 + i);
	}
	g_assert_cmpint(decode(packet, message->data, message->len, YM_DNS_FLAVOUR_DNS), ==,
	                YM_DECODE_OK);
	g_assert_cmpuint(packet->n_events, ==, 0);
	g_assert_cmpuint(dns->n_records, ==, YM_PACKET_SCRATCH / (4 * 63 + 2));
	g_assert_cmpuint(packet->scratch_used, <=, YM_PACKET_SCRATCH);

	/* a packet whose scratch is already full still decodes its header */
	ym_packet_reset(packet);
	g_assert_nonnull(ym_packet_scratch_reserve(packet, YM_PACKET_SCRATCH - 4));
	g_assert_cmpint(ym_decode_dns(packet, mdns_announcement, sizeof(mdns_announcement),
	                              YM_DNS_FLAVOUR_MDNS),
	                ==, YM_DECODE_OK);
	g_assert_true(dns->is_response);
	g_assert_cmpuint(dns->n_records, ==, 0);
	g_assert_cmpuint(packet->scratch_used, <=, YM_PACKET_SCRATCH);
}

static void
test_bad_rdata(void)
{
	g_autoptr(GByteArray) message = message_new(0x8400, 0, 3, 0, 0);
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmDns *dns = &packet->u.dns;

	/* an A record of 5 bytes, a PTR whose target loops, then a good A */
	put_name(message, "a.local");
	put_record_fixed(message, 1, 1, 5);
	put_be32(message, 0x0a000001);
	ym_test_put_u8(message, 0);
	put_pointer(message, 12);
	put_record_fixed(message, 12, 1, 2);
	put_pointer(message, message->len);
	put_pointer(message, 12);
	put_record_fixed(message, 1, 1, 4);
	put_be32(message, 0x0a000002);

	g_assert_cmpint(decode(packet, message->data, message->len, YM_DNS_FLAVOUR_MDNS), ==,
	                YM_DECODE_INVALID);
	g_assert_true(ym_packet_has_event(packet, YM_EVENT_DNS_INVALID));
	g_assert_true(ym_packet_has_event(packet, YM_EVENT_DNS_COMPRESSION_LOOP));
	g_assert_cmpuint(dns->n_records, ==, 3);
	g_assert_cmpuint(dns->records[0].rdata_length, ==, 5);
	assert_address(dns->records[0].address, 4, "0.0.0.0");
	g_assert_false(ym_str_is_set(dns->records[1].target));
	assert_address(dns->records[2].address, 4, "10.0.0.2");

	/* a target name running past its rdata */
	{
		g_autoptr(GByteArray) other = message_new(0x8400, 0, 1, 0, 0);
		put_name(other, "b.local");
		put_record_fixed(other, 5, 1, 3);
		put_name(other, "cname.local");
		g_assert_cmpint(decode(packet, other->data, other->len, YM_DNS_FLAVOUR_DNS), ==,
		                YM_DECODE_INVALID);
		g_assert_true(ym_packet_has_event(packet, YM_EVENT_DNS_INVALID));
	}
}

static void
test_short_header(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();

	g_assert_cmpint(decode(packet, dns_badguys_answer, 11, YM_DNS_FLAVOUR_DNS), ==,
	                YM_DECODE_TRUNCATED);
	g_assert_cmpint(packet->app, ==, YM_APP_DNS);
	g_assert_true(ym_packet_has_event(packet, YM_EVENT_DNS_INVALID));
	g_assert_cmpint(ym_decode_dns(packet, NULL, 0, YM_DNS_FLAVOUR_DNS), ==,
	                YM_DECODE_TRUNCATED);
}

static void
test_wire_name(void)
{
	static const guint8 full[] = {7,   't', 'i', 'n', 'k', 'y', 'x',
	                              '1', 4,   'h', 'o', 'm', 'e', 0};
	static const guint8 partial[] = {8, 'H', 'P', '2', '4', 'F', 'E', 'E', '0'};
	static const guint8 pointer[] = {1, 'a', 0xc0, 0x00};
	static const guint8 overrun[] = {9, 'H', 'P'};
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmStr name = YM_STR_EMPTY;

	g_assert_true(ym_decode_dns_wire_name(packet, full, sizeof(full), &name));
	ym_test_assert_str(name, "tinkyx1.home");
	/* a partial name has no root label */
	g_assert_true(ym_decode_dns_wire_name(packet, partial, sizeof(partial), &name));
	ym_test_assert_str(name, "HP24FEE0");
	g_assert_true(ym_decode_dns_wire_name(packet, NULL, 0, &name));
	g_assert_cmpuint(name.length, ==, 0);
	g_assert_false(ym_decode_dns_wire_name(packet, pointer, sizeof(pointer), &name));
	g_assert_false(ym_str_is_set(name));
	g_assert_false(ym_decode_dns_wire_name(packet, overrun, sizeof(overrun), &name));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/decode-dns/mdns-announcement", test_mdns_announcement);
	g_test_add_func("/ym/decode-dns/mdns-probe", test_mdns_probe);
	g_test_add_func("/ym/decode-dns/mdns-query", test_mdns_query);
	g_test_add_func("/ym/decode-dns/mdns-class-bits", test_mdns_class_bits);
	g_test_add_func("/ym/decode-dns/llmnr", test_llmnr);
	g_test_add_func("/ym/decode-dns/answer", test_dns_answer);
	g_test_add_func("/ym/decode-dns/cname", test_dns_cname);
	g_test_add_func("/ym/decode-dns/txt-real", test_dns_txt_real);
	g_test_add_func("/ym/decode-dns/srv-txt", test_dns_srv_txt);
	g_test_add_func("/ym/decode-dns/txt-iterator", test_txt_iterator);
	g_test_add_func("/ym/decode-dns/truncated-prefixes", test_truncated_prefixes);
	g_test_add_func("/ym/decode-dns/compression-loops", test_compression_loops);
	g_test_add_func("/ym/decode-dns/pointer-hop-cap", test_pointer_hop_cap);
	g_test_add_func("/ym/decode-dns/name-limits", test_name_limits);
	g_test_add_func("/ym/decode-dns/name-escapes", test_name_escapes);
	g_test_add_func("/ym/decode-dns/caps", test_caps);
	g_test_add_func("/ym/decode-dns/scratch-exhausted", test_scratch_exhausted);
	g_test_add_func("/ym/decode-dns/bad-rdata", test_bad_rdata);
	g_test_add_func("/ym/decode-dns/short-header", test_short_header);
	g_test_add_func("/ym/decode-dns/wire-name", test_wire_name);
	return ym_test_run();
}
