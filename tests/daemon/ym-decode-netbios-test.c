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

/*
 * suricata-verify-win7-home-browsing.pcap frame 260: registration of WORKGROUP<1d> by
 * 192.168.100.67
 */
static const guint8 nb_registration_workgroup[] = {
    0xdc, 0xc7, 0x29, 0x10, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x20, 0x46,
    0x48, 0x45, 0x50, 0x46, 0x43, 0x45, 0x4c, 0x45, 0x48, 0x46, 0x43, 0x45, 0x50, 0x46,
    0x46, 0x46, 0x41, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41, 0x43,
    0x41, 0x42, 0x4e, 0x00, 0x00, 0x20, 0x00, 0x01, 0xc0, 0x0c, 0x00, 0x20, 0x00, 0x01,
    0x00, 0x04, 0x93, 0xe0, 0x00, 0x06, 0x00, 0x00, 0xc0, 0xa8, 0x64, 0x43,
};

/*
 * suricata-verify-win7-home-browsing.pcap frame 274: registration of the group name
 * <01><02>__MSBROWSE__<02><01>
 */
static const guint8 nb_registration_msbrowse[] = {
    0xdc, 0xc8, 0x29, 0x10, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x20, 0x41,
    0x42, 0x41, 0x43, 0x46, 0x50, 0x46, 0x50, 0x45, 0x4e, 0x46, 0x44, 0x45, 0x43, 0x46,
    0x43, 0x45, 0x50, 0x46, 0x48, 0x46, 0x44, 0x45, 0x46, 0x46, 0x50, 0x46, 0x50, 0x41,
    0x43, 0x41, 0x42, 0x00, 0x00, 0x20, 0x00, 0x01, 0xc0, 0x0c, 0x00, 0x20, 0x00, 0x01,
    0x00, 0x04, 0x93, 0xe0, 0x00, 0x06, 0x80, 0x00, 0xc0, 0xa8, 0x64, 0x43,
};

/* suricata-verify-win7-home-browsing.pcap frame 11: broadcast query for WPAD<00> */
static const guint8 nb_query_wpad[] = {
    0xdc, 0xbf, 0x01, 0x10, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20,
    0x46, 0x48, 0x46, 0x41, 0x45, 0x42, 0x45, 0x45, 0x43, 0x41, 0x43, 0x41, 0x43,
    0x41, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41,
    0x43, 0x41, 0x43, 0x41, 0x41, 0x41, 0x00, 0x00, 0x20, 0x00, 0x01,
};

/* ndpi-netbios.pcap frame 68: query for GUNNAR<00> from 10.0.4.165 */
static const guint8 nb_query_gunnar[] = {
    0x84, 0x86, 0x01, 0x10, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20,
    0x45, 0x48, 0x46, 0x46, 0x45, 0x4f, 0x45, 0x4f, 0x45, 0x42, 0x46, 0x43, 0x43,
    0x41, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41,
    0x43, 0x41, 0x43, 0x41, 0x41, 0x41, 0x00, 0x00, 0x20, 0x00, 0x01,
};

/* ndpi-netbios.pcap frame 69: positive response GUNNAR<00> is 10.0.4.24 */
static const guint8 nb_response_gunnar[] = {
    0x84, 0x86, 0x85, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x20, 0x45, 0x48, 0x46,
    0x46, 0x45, 0x4f, 0x45, 0x4f, 0x45, 0x42, 0x46, 0x43, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41, 0x43,
    0x41, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41, 0x41, 0x41, 0x00, 0x00, 0x20,
    0x00, 0x01, 0x00, 0x04, 0x93, 0xe0, 0x00, 0x06, 0x00, 0x00, 0x0a, 0x00, 0x04, 0x18,
};

/* ndpi-netbios.pcap frame 107: positive response GURU<00> is 10.0.5.1 */
static const guint8 nb_response_guru[] = {
    0x9e, 0xd6, 0x85, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x20, 0x45, 0x48, 0x46,
    0x46, 0x46, 0x43, 0x46, 0x46, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41, 0x43,
    0x41, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41, 0x43, 0x41, 0x41, 0x41, 0x00, 0x00, 0x20,
    0x00, 0x01, 0x00, 0x04, 0x93, 0xe0, 0x00, 0x06, 0x00, 0x00, 0x0a, 0x00, 0x05, 0x01,
};

/* ndpi-netbios.pcap frame 54: node status query for * */
static const guint8 nb_nbstat_query[] = {
    0x20, 0xa8, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20,
    0x43, 0x4b, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41,
    0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41,
    0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x00, 0x00, 0x21, 0x00, 0x01,
};

/* ndpi-netbios.pcap frame 55: node status response listing GUNNAR and VIGILANT_GROUP */
static const guint8 nb_nbstat_response[] = {
    0x20, 0xa8, 0x84, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x20, 0x43, 0x4b, 0x41,
    0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41,
    0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x00, 0x00, 0x21,
    0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x77, 0x04, 0x47, 0x55, 0x4e, 0x4e, 0x41, 0x52, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x00, 0x04, 0x00, 0x56, 0x49, 0x47, 0x49, 0x4c,
    0x41, 0x4e, 0x54, 0x5f, 0x47, 0x52, 0x4f, 0x55, 0x50, 0x20, 0x00, 0x84, 0x00, 0x47, 0x55, 0x4e,
    0x4e, 0x41, 0x52, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x04, 0x00, 0x56,
    0x49, 0x47, 0x49, 0x4c, 0x41, 0x4e, 0x54, 0x5f, 0x47, 0x52, 0x4f, 0x55, 0x50, 0x20, 0x1e, 0x84,
    0x00, 0x00, 0x1c, 0xc4, 0x10, 0x79, 0x0f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};

#define IPV4(a, b, c, d) (((guint32) (a) << 24) | ((b) << 16) | ((c) << 8) | (d))

static YmDecodeResult
decode(YmPacket *packet, const guint8 *data, gsize length)
{
	return ym_test_decode_exact(packet, ym_decode_netbios_ns, &data, length);
}

/* header, then the first-level encoded @name<@suffix> without scope */
static GByteArray *
message_new(guint16 flags, guint16 qd, guint16 an, guint16 ar, const gchar *name, guint8 suffix)
{
	GByteArray *message = g_byte_array_new();
	guint8 netbios[16];
	guint8 length = 32;

	ym_test_put_be16(message, 0x4242);
	ym_test_put_be16(message, flags);
	ym_test_put_be16(message, qd);
	ym_test_put_be16(message, an);
	ym_test_put_be16(message, 0);
	ym_test_put_be16(message, ar);
	memset(netbios, ' ', sizeof(netbios));
	memcpy(netbios, name, strlen(name));
	netbios[15] = suffix;
	g_byte_array_append(message, &length, 1);
	for (guint i = 0; i < 16; i++) {
		guint8 pair[] = {'A' + (netbios[i] >> 4), 'A' + (netbios[i] & 0x0f)};
		g_byte_array_append(message, pair, sizeof(pair));
	}
	length = 0;
	g_byte_array_append(message, &length, 1);
	return message;
}

/* type NB, class IN, TTL, and @rdlength bytes of NB rdata to follow */
static void
put_nb_record_fixed(GByteArray *message, guint16 rdlength)
{
	ym_test_put_be16(message, 0x0020);
	ym_test_put_be16(message, 0x0001);
	ym_test_put_be16(message, 0);
	ym_test_put_be16(message, 300);
	ym_test_put_be16(message, rdlength);
}

static void
test_registration(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmNetbios *netbios = &packet->u.netbios;

	g_assert_cmpint(
	    decode(packet, nb_registration_workgroup, sizeof(nb_registration_workgroup)), ==,
	    YM_DECODE_OK);
	g_assert_cmpint(packet->app, ==, YM_APP_NETBIOS_NS);
	g_assert_cmpuint(packet->n_events, ==, 0);
	g_assert_cmphex(netbios->transaction_id, ==, 0xdcc7);
	g_assert_false(netbios->is_response);
	g_assert_cmpuint(netbios->opcode, ==, 5);
	g_assert_cmpuint(netbios->rcode, ==, 0);
	g_assert_cmphex(netbios->record_type, ==, 0x20);
	ym_test_assert_str(netbios->name, "WORKGROUP");
	g_assert_cmphex(netbios->suffix, ==, 0x1d);
	/* the binding travels in the additional record, named by a pointer */
	g_assert_true(netbios->has_address);
	g_assert_cmphex(netbios->address, ==, IPV4(192, 168, 100, 67));
	g_assert_false(netbios->is_group);
}

static void
test_registration_group(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmNetbios *netbios = &packet->u.netbios;

	g_assert_cmpint(decode(packet, nb_registration_msbrowse, sizeof(nb_registration_msbrowse)),
	                ==, YM_DECODE_OK);
	g_assert_cmpuint(netbios->opcode, ==, 5);
	ym_test_assert_str(netbios->name, "\001\002__MSBROWSE__\002");
	g_assert_cmphex(netbios->suffix, ==, 0x01);
	g_assert_true(netbios->has_address);
	g_assert_cmphex(netbios->address, ==, IPV4(192, 168, 100, 67));
	g_assert_true(netbios->is_group);
}

static void
test_queries(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmNetbios *netbios = &packet->u.netbios;

	/* a query names the host looked for: it must not rename the asker */
	g_assert_cmpint(decode(packet, nb_query_gunnar, sizeof(nb_query_gunnar)), ==, YM_DECODE_OK);
	g_assert_cmphex(netbios->transaction_id, ==, 0x8486);
	g_assert_false(netbios->is_response);
	g_assert_cmpuint(netbios->opcode, ==, 0);
	ym_test_assert_str(netbios->name, "GUNNAR");
	g_assert_cmphex(netbios->suffix, ==, 0x00);
	g_assert_false(netbios->has_address);

	g_assert_cmpint(decode(packet, nb_query_wpad, sizeof(nb_query_wpad)), ==, YM_DECODE_OK);
	g_assert_false(netbios->is_response);
	ym_test_assert_str(netbios->name, "WPAD");
	g_assert_false(netbios->has_address);
}

static void
test_positive_responses(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmNetbios *netbios = &packet->u.netbios;

	g_assert_cmpint(decode(packet, nb_response_gunnar, sizeof(nb_response_gunnar)), ==,
	                YM_DECODE_OK);
	g_assert_true(netbios->is_response);
	g_assert_cmpuint(netbios->opcode, ==, 0);
	g_assert_cmpuint(netbios->rcode, ==, 0);
	ym_test_assert_str(netbios->name, "GUNNAR");
	g_assert_true(netbios->has_address);
	g_assert_cmphex(netbios->address, ==, IPV4(10, 0, 4, 24));
	g_assert_false(netbios->is_group);

	g_assert_cmpint(decode(packet, nb_response_guru, sizeof(nb_response_guru)), ==,
	                YM_DECODE_OK);
	ym_test_assert_str(netbios->name, "GURU");
	g_assert_cmphex(netbios->address, ==, IPV4(10, 0, 5, 1));
}

static void
test_node_status(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();
	YmNetbios *netbios = &packet->u.netbios;

	g_assert_cmpint(decode(packet, nb_nbstat_query, sizeof(nb_nbstat_query)), ==, YM_DECODE_OK);
	g_assert_cmphex(netbios->record_type, ==, 0x21);
	/* the wildcard is padded with NULs, not spaces */
	ym_test_assert_str(netbios->name, "*");
	g_assert_false(netbios->has_address);

	g_assert_cmpint(decode(packet, nb_nbstat_response, sizeof(nb_nbstat_response)), ==,
	                YM_DECODE_OK);
	g_assert_true(netbios->is_response);
	g_assert_cmphex(netbios->record_type, ==, 0x21);
	ym_test_assert_str(netbios->name, "*");
	g_assert_false(netbios->has_address);
}

static void
check_truncated_prefix(YmPacket *packet,
                       const guint8 *prefix,
                       gsize length,
                       gsize whole_length,
                       gconstpointer user_data)
{
	YmDecodeResult result = decode(packet, prefix, length);
	g_assert_cmpint(packet->app, ==, YM_APP_NETBIOS_NS);
	g_assert_cmpint(result, ==, YM_DECODE_TRUNCATED);
	g_assert_true(ym_packet_has_event(packet, YM_EVENT_NETBIOS_INVALID));
	g_assert_false(packet->u.netbios.has_address);
}

static void
test_truncated_prefixes(void)
{
	const YmTestMessage messages[] = {
	    YM_TEST_MESSAGE(nb_registration_workgroup),
	    YM_TEST_MESSAGE(nb_registration_msbrowse),
	    YM_TEST_MESSAGE(nb_query_wpad),
	    YM_TEST_MESSAGE(nb_query_gunnar),
	    YM_TEST_MESSAGE(nb_response_gunnar),
	    YM_TEST_MESSAGE(nb_response_guru),
	    YM_TEST_MESSAGE(nb_nbstat_query),
	    YM_TEST_MESSAGE(nb_nbstat_response),
	};
	g_autofree YmPacket *packet = ym_test_packet_new();

	ym_test_foreach_prefix_of_messages(packet, messages, G_N_ELEMENTS(messages),
	                                   YM_TEST_PREFIXES_SHORTER, check_truncated_prefix);

	/* a capture cut by the snap length is not blamed on the message */
	ym_packet_reset(packet);
	ym_packet_add_event(packet, YM_EVENT_FRAME_TRUNCATED);
	g_assert_cmpint(ym_decode_netbios_ns(packet, nb_response_guru, 50), ==,
	                YM_DECODE_TRUNCATED);
	g_assert_false(ym_packet_has_event(packet, YM_EVENT_NETBIOS_INVALID));
	ym_test_assert_str(packet->u.netbios.name, "GURU");
}

static void
test_bad_names(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();

	/* a letter outside 'A'..'P' */
	{
		g_autoptr(GByteArray) message = message_new(0x0110, 1, 0, 0, "HOST", 0);
		message->data[13] = 'Z';
		ym_test_put_be16(message, 0x20);
		ym_test_put_be16(message, 1);
		g_assert_cmpint(decode(packet, message->data, message->len), ==, YM_DECODE_INVALID);
		g_assert_true(ym_packet_has_event(packet, YM_EVENT_NETBIOS_INVALID));
	}

	/* a first label that is not 32 bytes long */
	{
		g_autoptr(GByteArray) message = message_new(0x0110, 1, 0, 0, "HOST", 0);
		message->data[12] = 30;
		g_assert_cmpint(decode(packet, message->data, message->len), ==, YM_DECODE_INVALID);
	}

	/* a record name pointing forward */
	{
		g_autoptr(GByteArray) message = message_new(0x2910, 1, 0, 1, "PC", 0);
		ym_test_put_be16(message, 0x20);
		ym_test_put_be16(message, 1);
		ym_test_put_be16(message, 0xc000 | (message->len + 4));
		put_nb_record_fixed(message, 6);
		ym_test_put_be16(message, 0);
		ym_test_put_be16(message, 0x0a00);
		ym_test_put_be16(message, 0x0001);
		g_assert_cmpint(decode(packet, message->data, message->len), ==, YM_DECODE_INVALID);
		ym_test_assert_str(packet->u.netbios.name, "PC");
		g_assert_false(packet->u.netbios.has_address);
	}

	/* neither a question nor a record */
	{
		g_autoptr(GByteArray) message = message_new(0x0110, 0, 0, 0, "HOST", 0);
		g_assert_cmpint(decode(packet, message->data, message->len), ==, YM_DECODE_INVALID);
	}
}

static void
test_scope_and_full_record_name(void)
{
	g_autoptr(GByteArray) message = message_new(0x2810, 1, 0, 1, "LAPTOP", 0x20);
	g_autoptr(GByteArray) record = message_new(0, 0, 0, 0, "LAPTOP", 0x20);
	g_autofree YmPacket *packet = ym_test_packet_new();
	static const guint8 scope[] = {7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 0};

	/* the question has a scope; the record repeats the name in full */
	g_byte_array_set_size(message, message->len - 1);
	g_byte_array_append(message, scope, sizeof(scope));
	ym_test_put_be16(message, 0x20);
	ym_test_put_be16(message, 1);
	g_byte_array_append(message, record->data + 12, record->len - 12);
	put_nb_record_fixed(message, 6);
	ym_test_put_be16(message, 0x6000); /* H-node */
	ym_test_put_be16(message, 0xc0a8);
	ym_test_put_be16(message, 0x0105);
	g_assert_cmpint(decode(packet, message->data, message->len), ==, YM_DECODE_OK);
	g_assert_cmpuint(packet->u.netbios.opcode, ==, 5);
	ym_test_assert_str(packet->u.netbios.name, "LAPTOP");
	g_assert_cmphex(packet->u.netbios.suffix, ==, 0x20);
	g_assert_true(packet->u.netbios.has_address);
	g_assert_cmphex(packet->u.netbios.address, ==, IPV4(192, 168, 1, 5));
}

static void
test_no_binding(void)
{
	g_autofree YmPacket *packet = ym_test_packet_new();

	/* a negative query response (NAM_ERR) */
	{
		g_autoptr(GByteArray) message = message_new(0x8503, 0, 1, 0, "GHOST", 0);
		put_nb_record_fixed(message, 0);
		g_assert_cmpint(decode(packet, message->data, message->len), ==, YM_DECODE_OK);
		g_assert_true(packet->u.netbios.is_response);
		g_assert_cmpuint(packet->u.netbios.rcode, ==, 3);
		ym_test_assert_str(packet->u.netbios.name, "GHOST");
		g_assert_false(packet->u.netbios.has_address);
	}

	/* a release drops the name */
	{
		g_autoptr(GByteArray) message = message_new(0x3010, 1, 0, 1, "OLDPC", 0);
		ym_test_put_be16(message, 0x20);
		ym_test_put_be16(message, 1);
		ym_test_put_be16(message, 0xc00c);
		put_nb_record_fixed(message, 6);
		ym_test_put_be16(message, 0);
		ym_test_put_be16(message, 0x0a00);
		ym_test_put_be16(message, 0x0009);
		g_assert_cmpint(decode(packet, message->data, message->len), ==, YM_DECODE_OK);
		g_assert_cmpuint(packet->u.netbios.opcode, ==, 6);
		ym_test_assert_str(packet->u.netbios.name, "OLDPC");
		g_assert_false(packet->u.netbios.has_address);
	}

	/* NB rdata that is not a whole number of entries */
	{
		g_autoptr(GByteArray) message = message_new(0x8500, 0, 1, 0, "ODD", 0);
		put_nb_record_fixed(message, 4);
		ym_test_put_be16(message, 0);
		ym_test_put_be16(message, 0x0a00);
		g_assert_cmpint(decode(packet, message->data, message->len), ==, YM_DECODE_INVALID);
		g_assert_true(ym_packet_has_event(packet, YM_EVENT_NETBIOS_INVALID));
		g_assert_false(packet->u.netbios.has_address);
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/decode-netbios/registration", test_registration);
	g_test_add_func("/ym/decode-netbios/registration-group", test_registration_group);
	g_test_add_func("/ym/decode-netbios/queries", test_queries);
	g_test_add_func("/ym/decode-netbios/positive-responses", test_positive_responses);
	g_test_add_func("/ym/decode-netbios/node-status", test_node_status);
	g_test_add_func("/ym/decode-netbios/truncated-prefixes", test_truncated_prefixes);
	g_test_add_func("/ym/decode-netbios/bad-names", test_bad_names);
	g_test_add_func("/ym/decode-netbios/scope-and-full-record-name",
	                test_scope_and_full_record_name);
	g_test_add_func("/ym/decode-netbios/no-binding", test_no_binding);
	return ym_test_run();
}
