/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * IPv6 (RFC 8200) and its extension header chain; AH from RFC 4302,
 * jumbograms from RFC 2675
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |Version| Traffic Class |           Flow Label                  |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |         Payload Length        |  Next Header  |   Hop Limit   |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                                                               |
 *   +                     Source Address (16)                       +
 *   |                                                               |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                                                               |
 *   +                  Destination Address (16)                     +
 *   |                                                               |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Hop-by-hop (0), routing (43) and destination options (60) headers:
 *
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |  Next Header  |  Hdr Ext Len  |  (Hdr Ext Len + 1) * 8 bytes  |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+  in all ...                   |
 *
 * AH (51) is the same with a length of (Payload Len + 2) * 4 bytes.
 *
 * Fragment header (44):
 *
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |  Next Header  |   Reserved    |      Fragment Offset    |Res|M|
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                         Identification                        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * We walk at most YM_IPV6_MAX_EXTENSIONS headers. ESP (50) and No Next
 * Header (59) end the chain; so does a fragment with a non-zero offset,
 * whose bytes are the middle of someone else's datagram. A fragment header
 * with offset 0 and M clear (an "atomic fragment", RFC 6946) is not counted
 * as a fragment. A zero Payload Length with a hop-by-hop header is taken as a
 * jumbogram spanning the captured bytes; the jumbo option is not read.
 */

#define G_LOG_DOMAIN "YmDecode"

#include "config.h"

#include "ym-decode.h"

#define YM_IPV6_HEADER_LENGTH  40
#define YM_IPV6_MAX_EXTENSIONS 8

#define YM_IPV6_FRAGMENT_OFFSET_MASK 0xfff8
#define YM_IPV6_FRAGMENT_MORE        0x0001

enum {
	YM_IPV6_NH_HOP_BY_HOP = 0,
	YM_IPV6_NH_TCP = 6,
	YM_IPV6_NH_UDP = 17,
	YM_IPV6_NH_ROUTING = 43,
	YM_IPV6_NH_FRAGMENT = 44,
	YM_IPV6_NH_ESP = 50,
	YM_IPV6_NH_AH = 51,
	YM_IPV6_NH_ICMPV6 = 58,
	YM_IPV6_NH_NONE = 59,
	YM_IPV6_NH_DESTINATION = 60,
};

static gboolean
is_extension_header(guint8 next_header)
{
	switch (next_header) {
	case YM_IPV6_NH_HOP_BY_HOP:
	case YM_IPV6_NH_ROUTING:
	case YM_IPV6_NH_FRAGMENT:
	case YM_IPV6_NH_AH:
	case YM_IPV6_NH_DESTINATION:
		return TRUE;
	default:
		return FALSE;
	}
}

/* one extension header at the front of @datagram; updates packet->ip_proto */
static YmDecodeResult
decode_extension_header(YmPacket *packet, YmBuf *datagram)
{
	guint8 next_header;
	guint8 length_field;
	gsize length;

	if (packet->ip_proto == YM_IPV6_NH_FRAGMENT) {
		guint16 offset_flags;
		if (!ym_buf_get_u8(datagram, &next_header) || !ym_buf_skip(datagram, 1) ||
		    !ym_buf_get_be16(datagram, &offset_flags) || !ym_buf_skip(datagram, 4)) {
			ym_packet_add_event(packet, YM_EVENT_IPV6_TRUNCATED);
			return YM_DECODE_TRUNCATED;
		}
		packet->ip_proto = next_header;
		if ((offset_flags & (YM_IPV6_FRAGMENT_OFFSET_MASK | YM_IPV6_FRAGMENT_MORE)) != 0)
			packet->ip_fragment = TRUE;
		if ((offset_flags & YM_IPV6_FRAGMENT_OFFSET_MASK) != 0)
			packet->ip_first_fragment = FALSE;
		return YM_DECODE_OK;
	}

	if (!ym_buf_get_u8(datagram, &next_header) || !ym_buf_get_u8(datagram, &length_field)) {
		ym_packet_add_event(packet, YM_EVENT_IPV6_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}
	if (packet->ip_proto == YM_IPV6_NH_AH)
		length = ((gsize) length_field + 2) * 4;
	else
		length = ((gsize) length_field + 1) * 8;
	if (!ym_buf_skip(datagram, length - 2)) {
		ym_packet_add_event(packet, YM_EVENT_IPV6_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}
	packet->ip_proto = next_header;
	return YM_DECODE_OK;
}

static YmDecodeResult
decode_extension_chain(YmPacket *packet, YmBuf *datagram)
{
	for (guint depth = 0; is_extension_header(packet->ip_proto); depth++) {
		YmDecodeResult result;

		/* the payload of a later fragment is not a header chain */
		if (!packet->ip_first_fragment)
			return YM_DECODE_OK;
		if (depth == YM_IPV6_MAX_EXTENSIONS) {
			ym_packet_add_event(packet, YM_EVENT_IPV6_EXT_TOO_DEEP);
			return YM_DECODE_UNSUPPORTED;
		}
		/* RFC 8200 4.3: hop-by-hop options may only follow the IPv6 header */
		if (packet->ip_proto == YM_IPV6_NH_HOP_BY_HOP && depth > 0) {
			ym_packet_add_event(packet, YM_EVENT_IPV6_INVALID);
			return YM_DECODE_INVALID;
		}
		result = decode_extension_header(packet, datagram);
		if (result != YM_DECODE_OK)
			return result;
	}
	return YM_DECODE_OK;
}

YmDecodeResult
ym_decode_ipv6(YmPacket *packet, YmBuf *buf)
{
	guint32 version_class_flow;
	guint16 payload_length;
	guint8 next_header;
	guint8 hop_limit;
	const guint8 *src;
	const guint8 *dst;
	gsize available;
	gsize length;
	YmBuf datagram;
	YmDecodeResult result;

	if (!ym_buf_get_be32(buf, &version_class_flow) || !ym_buf_get_be16(buf, &payload_length) ||
	    !ym_buf_get_u8(buf, &next_header) || !ym_buf_get_u8(buf, &hop_limit) ||
	    !ym_buf_get_bytes(buf, sizeof(packet->src_ip.bytes), &src) ||
	    !ym_buf_get_bytes(buf, sizeof(packet->dst_ip.bytes), &dst)) {
		ym_packet_add_event(packet, YM_EVENT_IPV6_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}
	if ((version_class_flow >> 28) != 6) {
		ym_packet_add_event(packet, YM_EVENT_IPV6_INVALID);
		return YM_DECODE_INVALID;
	}
	packet->l3 = YM_L3_IPV6;
	packet->src_ip.family = 6;
	memcpy(packet->src_ip.bytes, src, sizeof(packet->src_ip.bytes));
	packet->dst_ip.family = 6;
	memcpy(packet->dst_ip.bytes, dst, sizeof(packet->dst_ip.bytes));
	packet->ttl = hop_limit;
	packet->ip_proto = next_header;
	packet->ip_first_fragment = TRUE;

	/* cut the payload to Payload Length, or to what was captured */
	available = ym_buf_remaining(buf);
	if (payload_length == 0 && next_header == YM_IPV6_NH_HOP_BY_HOP) {
		length = available;
	} else if (payload_length > available) {
		ym_packet_add_event(packet, YM_EVENT_IPV6_TRUNCATED);
		length = available;
	} else {
		length = payload_length;
	}
	packet->ip_length = (guint32) (YM_IPV6_HEADER_LENGTH + MAX(payload_length, length));
	if (!ym_buf_get_sub(buf, length, &datagram)) {
		ym_packet_add_event(packet, YM_EVENT_IPV6_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}

	result = decode_extension_chain(packet, &datagram);
	if (result != YM_DECODE_OK)
		return result;
	if (!packet->ip_first_fragment)
		return YM_DECODE_OK;

	switch (packet->ip_proto) {
	case YM_IPV6_NH_TCP:
		return ym_decode_tcp(packet, &datagram);
	case YM_IPV6_NH_UDP:
		return ym_decode_udp(packet, &datagram);
	case YM_IPV6_NH_ICMPV6:
		return ym_decode_icmpv6(packet, &datagram);
	case YM_IPV6_NH_NONE:
		return YM_DECODE_OK;
	default:
		/* ESP and everything we do not decode */
		return YM_DECODE_UNSUPPORTED;
	}
}
