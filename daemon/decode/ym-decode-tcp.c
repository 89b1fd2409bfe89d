/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * TCP (RFC 9293; ECE and CWR from RFC 3168)
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |          Source Port          |       Destination Port        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                        Sequence Number                        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                    Acknowledgment Number                      |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |  Data |       |C|E|U|A|P|R|S|F|                               |
 *   | Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |
 *   |       |       |R|E|G|K|H|T|N|N|                               |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |           Checksum            |         Urgent Pointer        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                    Options (Data Offset > 5)                  |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * The segment handed in is already cut to the IP length, so the payload is
 * the captured part of the segment data. The fixed fields are kept even when
 * the data offset is bad, as scan detection wants ports and flags of odd
 * packets. A header running past the segment is invalid, unless bytes were
 * lost to the capture or to fragmentation, when it is only truncated.
 * Options are not parsed; tcp_flags holds the low 8 flag bits (CWR..FIN).
 */

#define G_LOG_DOMAIN "YmDecode"

#include "config.h"

#include "ym-decode.h"

#define YM_TCP_MIN_HEADER_LENGTH 20

static gboolean
bytes_were_lost(const YmPacket *packet)
{
	return packet->ip_fragment || ym_packet_has_event(packet, YM_EVENT_FRAME_TRUNCATED) ||
	       ym_packet_has_event(packet, YM_EVENT_IPV4_TRUNCATED) ||
	       ym_packet_has_event(packet, YM_EVENT_IPV6_TRUNCATED);
}

YmDecodeResult
ym_decode_tcp(YmPacket *packet, YmBuf *buf)
{
	guint16 offset_flags;
	guint header_length;
	YmDecodeResult result;

	if (!ym_buf_get_be16(buf, &packet->src_port) || !ym_buf_get_be16(buf, &packet->dst_port) ||
	    !ym_buf_get_be32(buf, &packet->tcp_seq) || !ym_buf_get_be32(buf, &packet->tcp_ack) ||
	    !ym_buf_get_be16(buf, &offset_flags) || !ym_buf_get_be16(buf, &packet->tcp_window) ||
	    !ym_buf_skip(buf, 4)) {
		ym_packet_add_event(packet, YM_EVENT_TCP_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}
	packet->has_ports = TRUE;
	packet->tcp_flags = offset_flags & 0xff;
	header_length = (offset_flags >> 12) * 4u;
	packet->tcp_header_length = (guint8) header_length;
	if (header_length < YM_TCP_MIN_HEADER_LENGTH) {
		ym_packet_add_event(packet, YM_EVENT_TCP_INVALID);
		return YM_DECODE_INVALID;
	}
	if (!ym_buf_skip(buf, header_length - YM_TCP_MIN_HEADER_LENGTH)) {
		if (bytes_were_lost(packet)) {
			ym_packet_add_event(packet, YM_EVENT_TCP_TRUNCATED);
			return YM_DECODE_TRUNCATED;
		}
		ym_packet_add_event(packet, YM_EVENT_TCP_INVALID);
		return YM_DECODE_INVALID;
	}

	packet->payload = ym_buf_current(buf);
	packet->payload_length = (guint32) ym_buf_remaining(buf);
	if (packet->payload_length == 0)
		return YM_DECODE_OK;

	/* a payload no application decoder knows is not a failure */
	result = ym_decode_app(packet);
	return result == YM_DECODE_UNSUPPORTED ? YM_DECODE_OK : result;
}
