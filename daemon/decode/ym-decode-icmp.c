/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * ICMP (RFC 792), ICMPv6 (RFC 4443) and IPv6 neighbour discovery (RFC 4861)
 *
 * Every ICMP and ICMPv6 message starts with the same 8 bytes; payload is
 * what follows them (an echo body, or the quoted packet of an error):
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |     Type      |     Code      |          Checksum             |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                   depends on the type                         |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Neighbour solicitation (135) and advertisement (136):
 *
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |     Type      |     Code      |          Checksum             |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |R|S|O|                 Reserved (NA flags; NS all reserved)    |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                                                               |
 *   +                      Target Address (16)                      +
 *   |                                                               |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |   Options ...
 *
 * Router solicitation (133) has 4 reserved bytes before its options, router
 * advertisement (134) has hop limit, flags, router lifetime, reachable time
 * and retransmit timer (12 bytes). Options are type-length-value in units of
 * 8 bytes:
 *
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |     Type      |    Length     |    Link-Layer Address ...     |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * A zero-length option is invalid and ends parsing (RFC 4861 4.6). A message
 * with code other than 0 or a hop limit other than 255 must be dropped by
 * hosts (RFC 4861 6.1, 7.1), so it most likely came from off the link: we
 * record it and still decode what it claims.
 */

#define G_LOG_DOMAIN "YmDecode"

#include "config.h"

#include "ym-decode.h"

#define YM_ICMP_HEADER_LENGTH 8

#define YM_ND_ROUTER_SOLICITATION      133
#define YM_ND_ROUTER_ADVERTISEMENT     134
#define YM_ND_NEIGHBOUR_SOLICITATION   135
#define YM_ND_NEIGHBOUR_ADVERTISEMENT  136
#define YM_ND_NA_FLAG_ROUTER           0x80000000u
#define YM_ND_OPTION_SOURCE_LINK_LAYER 1
#define YM_ND_OPTION_TARGET_LINK_LAYER 2
#define YM_ND_HOP_LIMIT                255

/* bytes of each message after type, code and checksum, before the options */
static const struct {
	guint8 type;
	guint8 body_length;
	const gchar *name;
} nd_messages[] = {
    {YM_ND_ROUTER_SOLICITATION, 4, "router-solicitation"},
    {YM_ND_ROUTER_ADVERTISEMENT, 12, "router-advertisement"},
    {YM_ND_NEIGHBOUR_SOLICITATION, 20, "neighbour-solicitation"},
    {YM_ND_NEIGHBOUR_ADVERTISEMENT, 20, "neighbour-advertisement"},
    {0, 0, NULL},
};

/* type and code, then payload after the common 8 bytes */
static YmDecodeResult
decode_header(YmPacket *packet, YmBuf *buf)
{
	if (!ym_buf_get_u8(buf, &packet->icmp_type) || !ym_buf_get_u8(buf, &packet->icmp_code) ||
	    !ym_buf_skip(buf, 2)) {
		ym_packet_add_event(packet, YM_EVENT_ICMP_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}
	packet->has_icmp = TRUE;
	if (!ym_buf_has(buf, YM_ICMP_HEADER_LENGTH - 4)) {
		ym_packet_add_event(packet, YM_EVENT_ICMP_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}
	packet->payload = ym_buf_current(buf) + (YM_ICMP_HEADER_LENGTH - 4);
	packet->payload_length = (guint32) (ym_buf_remaining(buf) - (YM_ICMP_HEADER_LENGTH - 4));
	return YM_DECODE_OK;
}

YmDecodeResult
ym_decode_icmp(YmPacket *packet, YmBuf *buf)
{
	return decode_header(packet, buf);
}

static YmDecodeResult
decode_nd_options(YmPacket *packet, YmBuf *buf)
{
	YmNeighbour *nd = &packet->nd;

	/* each option takes at least 8 bytes, so this ends */
	while (ym_buf_remaining(buf) > 0) {
		guint8 type;
		guint8 length;
		YmBuf option;

		if (!ym_buf_get_u8(buf, &type) || !ym_buf_get_u8(buf, &length)) {
			ym_packet_add_event(packet, YM_EVENT_ICMP_TRUNCATED);
			return YM_DECODE_TRUNCATED;
		}
		if (length == 0) {
			ym_packet_add_event(packet, YM_EVENT_ICMP_INVALID);
			return YM_DECODE_INVALID;
		}
		if (!ym_buf_get_sub(buf, (gsize) length * 8 - 2, &option)) {
			ym_packet_add_event(packet, YM_EVENT_ICMP_TRUNCATED);
			return YM_DECODE_TRUNCATED;
		}
		/* longer addresses belong to links other than Ethernet and Wi-Fi */
		if (length != 1)
			continue;
		if (type == YM_ND_OPTION_SOURCE_LINK_LAYER &&
		    ym_buf_copy_bytes(&option, sizeof(nd->source_mac), nd->source_mac))
			nd->has_source_mac = TRUE;
		else if (type == YM_ND_OPTION_TARGET_LINK_LAYER &&
		         ym_buf_copy_bytes(&option, sizeof(nd->target_mac), nd->target_mac))
			nd->has_target_mac = TRUE;
	}
	return YM_DECODE_OK;
}

static YmDecodeResult
decode_neighbour_discovery(YmPacket *packet, guint body_length, YmBuf *buf)
{
	YmNeighbour *nd = &packet->nd;
	guint8 type = packet->icmp_type;
	guint32 flags;
	YmBuf body;

	if (!ym_buf_get_sub(buf, body_length, &body) || !ym_buf_get_be32(&body, &flags)) {
		ym_packet_add_event(packet, YM_EVENT_ICMP_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}
	if ((type == YM_ND_NEIGHBOUR_SOLICITATION || type == YM_ND_NEIGHBOUR_ADVERTISEMENT) &&
	    !ym_buf_copy_bytes(&body, sizeof(nd->target), nd->target)) {
		ym_packet_add_event(packet, YM_EVENT_ICMP_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}
	nd->present = TRUE;
	if (type == YM_ND_ROUTER_ADVERTISEMENT)
		nd->router_flag = TRUE;
	else if (type == YM_ND_NEIGHBOUR_ADVERTISEMENT)
		nd->router_flag = (flags & YM_ND_NA_FLAG_ROUTER) != 0;
	if (packet->icmp_code != 0 || (packet->l3 == YM_L3_IPV6 && packet->ttl != YM_ND_HOP_LIMIT))
		ym_packet_add_event(packet, YM_EVENT_ICMP_INVALID);
	return decode_nd_options(packet, buf);
}

YmDecodeResult
ym_decode_icmpv6(YmPacket *packet, YmBuf *buf)
{
	YmDecodeResult result;

	result = decode_header(packet, buf);
	if (result != YM_DECODE_OK)
		return result;
	for (guint i = 0; nd_messages[i].name != NULL; i++) {
		if (nd_messages[i].type == packet->icmp_type)
			return decode_neighbour_discovery(packet, nd_messages[i].body_length, buf);
	}
	return YM_DECODE_OK;
}
