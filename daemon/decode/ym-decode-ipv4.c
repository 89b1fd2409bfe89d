/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * IPv4 (RFC 791; fragmentation as updated by RFC 6864)
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |Version|  IHL  |Type of Service|          Total Length         |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |         Identification        |Flags|      Fragment Offset    |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |  Time to Live |    Protocol   |         Header Checksum       |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                       Source Address                          |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                    Destination Address                        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                    Options (IHL > 5)                          |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 *   Flags: bit 0 reserved, bit 1 DF (don't fragment), bit 2 MF (more fragments)
 *
 * The datagram is cut to Total Length so Ethernet padding never becomes
 * payload. A Total Length beyond the captured bytes is recorded and we go on
 * with what is there (snaplen cuts and lying senders both do this). Options
 * are skipped, not parsed, and the header checksum is not verified: offload
 * makes it wrong on the capturing host anyway.
 *
 * ip_first_fragment means "this packet starts its datagram", so it is TRUE
 * for unfragmented datagrams too; only those get transport decoding.
 */

#define G_LOG_DOMAIN "YmDecode"

#include "config.h"

#include "ym-decode.h"

#define YM_IPV4_MIN_HEADER_LENGTH 20
#define YM_IPV4_FLAG_DF           0x4000
#define YM_IPV4_FLAG_MF           0x2000
#define YM_IPV4_OFFSET_MASK       0x1fff

#define YM_IP_PROTO_ICMP 1
#define YM_IP_PROTO_TCP  6
#define YM_IP_PROTO_UDP  17

static YmDecodeResult
decode_transport(YmPacket *packet, YmBuf *datagram)
{
	/* later fragments carry no transport header */
	if (!packet->ip_first_fragment)
		return YM_DECODE_OK;
	switch (packet->ip_proto) {
	case YM_IP_PROTO_TCP:
		return ym_decode_tcp(packet, datagram);
	case YM_IP_PROTO_UDP:
		return ym_decode_udp(packet, datagram);
	case YM_IP_PROTO_ICMP:
		return ym_decode_icmp(packet, datagram);
	default:
		return YM_DECODE_UNSUPPORTED;
	}
}

YmDecodeResult
ym_decode_ipv4(YmPacket *packet, YmBuf *buf)
{
	gsize start = buf->offset;
	gsize available = ym_buf_remaining(buf);
	guint8 version_ihl;
	guint16 total_length;
	guint16 flags_offset;
	guint8 ttl;
	guint8 protocol;
	guint32 src;
	guint32 dst;
	guint header_length;
	YmBuf datagram;

	/* type of service, identification and checksum are skipped */
	if (!ym_buf_get_u8(buf, &version_ihl) || !ym_buf_skip(buf, 1) ||
	    !ym_buf_get_be16(buf, &total_length) || !ym_buf_skip(buf, 2) ||
	    !ym_buf_get_be16(buf, &flags_offset) || !ym_buf_get_u8(buf, &ttl) ||
	    !ym_buf_get_u8(buf, &protocol) || !ym_buf_skip(buf, 2) || !ym_buf_get_be32(buf, &src) ||
	    !ym_buf_get_be32(buf, &dst)) {
		ym_packet_add_event(packet, YM_EVENT_IPV4_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}
	header_length = (version_ihl & 0x0f) * 4u;
	if ((version_ihl >> 4) != 4 || header_length < YM_IPV4_MIN_HEADER_LENGTH ||
	    total_length < header_length)
		goto invalid;

	packet->l3 = YM_L3_IPV4;
	ym_ip_addr_set_v4(&packet->src_ip, src);
	ym_ip_addr_set_v4(&packet->dst_ip, dst);
	packet->ip_proto = protocol;
	packet->ttl = ttl;
	packet->ip_length = total_length;
	packet->ip_dont_fragment = (flags_offset & YM_IPV4_FLAG_DF) != 0;
	packet->ip_fragment = (flags_offset & (YM_IPV4_FLAG_MF | YM_IPV4_OFFSET_MASK)) != 0;
	packet->ip_first_fragment = (flags_offset & YM_IPV4_OFFSET_MASK) == 0;

	/* cut the datagram to Total Length, or to what was captured */
	if (total_length > available)
		ym_packet_add_event(packet, YM_EVENT_IPV4_TRUNCATED);
	/* options can only run past the end when Total Length did, so that is recorded */
	if (!ym_buf_seek(buf, start) ||
	    !ym_buf_get_sub(buf, MIN(total_length, available), &datagram) ||
	    !ym_buf_skip(&datagram, header_length))
		return YM_DECODE_TRUNCATED;
	return decode_transport(packet, &datagram);

invalid:
	ym_packet_add_event(packet, YM_EVENT_IPV4_INVALID);
	return YM_DECODE_INVALID;
}
