/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * ARP (RFC 826) for IPv4 over Ethernet, the only combination a home network
 * carries; everything else is left undecoded
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |     hardware type (1)         |     protocol type (0x0800)    |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   | hw len (6)    | proto len (4) |          operation            |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                  sender hardware address                      |
 *   +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                               |   sender protocol address     |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |  (sender protocol address)    |                               |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 *   |                  target hardware address                      |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                  target protocol address                      |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Operations are kept as sent (1 request, 2 reply; RARP and InARP values
 * pass through for detectors to judge). packet->l3 becomes YM_L3_ARP only
 * once the whole message was read.
 */

#define G_LOG_DOMAIN "YmDecode"

#include "config.h"

#include "ym-decode.h"

#define YM_ARP_HARDWARE_ETHERNET 1
#define YM_ARP_PROTOCOL_IPV4     0x0800
#define YM_ARP_ETHERNET_LENGTH   6
#define YM_ARP_IPV4_LENGTH       4

YmDecodeResult
ym_decode_arp(YmPacket *packet, YmBuf *buf)
{
	YmArp *arp = &packet->arp;
	guint8 hardware_length;
	guint8 protocol_length;

	if (!ym_buf_get_be16(buf, &arp->hardware_type) ||
	    !ym_buf_get_be16(buf, &arp->protocol_type) || !ym_buf_get_u8(buf, &hardware_length) ||
	    !ym_buf_get_u8(buf, &protocol_length) || !ym_buf_get_be16(buf, &arp->operation)) {
		ym_packet_add_event(packet, YM_EVENT_ARP_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}
	if (arp->hardware_type != YM_ARP_HARDWARE_ETHERNET ||
	    arp->protocol_type != YM_ARP_PROTOCOL_IPV4)
		return YM_DECODE_UNSUPPORTED;

	/* the types promise Ethernet and IPv4, so other lengths are lies */
	if (hardware_length != YM_ARP_ETHERNET_LENGTH || protocol_length != YM_ARP_IPV4_LENGTH) {
		ym_packet_add_event(packet, YM_EVENT_ARP_INVALID);
		return YM_DECODE_INVALID;
	}
	if (!ym_buf_copy_bytes(buf, sizeof(arp->sender_mac), arp->sender_mac) ||
	    !ym_buf_get_be32(buf, &arp->sender_ip) ||
	    !ym_buf_copy_bytes(buf, sizeof(arp->target_mac), arp->target_mac) ||
	    !ym_buf_get_be32(buf, &arp->target_ip)) {
		ym_packet_add_event(packet, YM_EVENT_ARP_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}
	packet->l3 = YM_L3_ARP;
	return YM_DECODE_OK;
}
