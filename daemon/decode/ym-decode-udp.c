/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * UDP (RFC 768)
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |          Source Port          |       Destination Port        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |            Length             |           Checksum            |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                          data ...                             |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Length counts the header. The payload is cut to Length; a Length beyond
 * the datagram we have is recorded (except on a first fragment, where it is
 * expected) and decoding goes on with the captured bytes. The checksum is
 * not verified.
 */

#define G_LOG_DOMAIN "YmDecode"

#include "config.h"

#include "ym-decode.h"

#define YM_UDP_HEADER_LENGTH 8

YmDecodeResult
ym_decode_udp(YmPacket *packet, YmBuf *buf)
{
	guint16 length;
	gsize available;
	YmDecodeResult result;

	if (!ym_buf_get_be16(buf, &packet->src_port) || !ym_buf_get_be16(buf, &packet->dst_port) ||
	    !ym_buf_get_be16(buf, &length) || !ym_buf_skip(buf, 2)) {
		ym_packet_add_event(packet, YM_EVENT_UDP_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}
	packet->has_ports = TRUE;
	if (length < YM_UDP_HEADER_LENGTH) {
		ym_packet_add_event(packet, YM_EVENT_UDP_INVALID);
		return YM_DECODE_INVALID;
	}
	available = ym_buf_remaining(buf);
	if ((gsize) length - YM_UDP_HEADER_LENGTH > available) {
		if (!packet->ip_fragment)
			ym_packet_add_event(packet, YM_EVENT_UDP_TRUNCATED);
	} else {
		available = (gsize) length - YM_UDP_HEADER_LENGTH;
	}

	packet->payload = ym_buf_current(buf);
	packet->payload_length = (guint32) available;
	if (packet->payload_length == 0)
		return YM_DECODE_OK;

	/* a payload no application decoder knows is not a failure */
	result = ym_decode_app(packet);
	return result == YM_DECODE_UNSUPPORTED ? YM_DECODE_OK : result;
}
