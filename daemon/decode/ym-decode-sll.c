/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Linux cooked captures ("any" device and friends)
 *
 * Reference: https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html and
 * LINKTYPE_LINUX_SLL2.html; libpcap pcap/sll.h
 *
 * LINKTYPE_LINUX_SLL (113), 16 bytes:
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |          packet type          |         ARPHRD_ type          |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |  link-layer address length    |                               |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 *   |            link-layer address (8 bytes, zero padded)          |
 *   +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                               |         protocol type         |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * LINKTYPE_LINUX_SLL2 (276), 20 bytes:
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |         protocol type         |           reserved            |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                        interface index                        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |         ARPHRD_ type          |  packet type  | address length|
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |            link-layer address (8 bytes, zero padded)          |
 *   +                                                               +
 *   |                                                               |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Only the sender's address is carried; when it is 6 bytes long (Ethernet,
 * Wi-Fi) it becomes src_mac and dst_mac stays zero. The protocol type is an
 * ethertype for the links we care about; small values (802.2 LLC, CAN, ...)
 * fall out as unsupported in ym_decode_ethertype(). A VLAN tag left in the
 * frame by the kernel is not followed here.
 */

#define G_LOG_DOMAIN "YmDecode"

#include "config.h"

#include "ym-decode.h"

#define YM_SLL_ADDRESS_LENGTH 8
#define YM_MAC_LENGTH         6

static void
set_source_address(YmPacket *packet, const guint8 *address, guint address_length)
{
	if (address_length != YM_MAC_LENGTH)
		return;
	memcpy(packet->src_mac, address, YM_MAC_LENGTH);
	packet->has_mac = TRUE;
}

YmDecodeResult
ym_decode_sll(YmPacket *packet, YmBuf *buf)
{
	guint16 address_length;
	guint16 protocol;
	const guint8 *address;

	/* packet type and ARPHRD_ type are not needed */
	if (!ym_buf_skip(buf, 4) || !ym_buf_get_be16(buf, &address_length) ||
	    !ym_buf_get_bytes(buf, YM_SLL_ADDRESS_LENGTH, &address) ||
	    !ym_buf_get_be16(buf, &protocol)) {
		ym_packet_add_event(packet, YM_EVENT_LINK_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}
	set_source_address(packet, address, address_length);
	return ym_decode_ethertype(packet, protocol, buf);
}

YmDecodeResult
ym_decode_sll2(YmPacket *packet, YmBuf *buf)
{
	guint16 protocol;
	guint8 address_length;
	const guint8 *address;

	/* reserved, interface index, ARPHRD_ type and packet type are not needed */
	if (!ym_buf_get_be16(buf, &protocol) || !ym_buf_skip(buf, 9) ||
	    !ym_buf_get_u8(buf, &address_length) ||
	    !ym_buf_get_bytes(buf, YM_SLL_ADDRESS_LENGTH, &address)) {
		ym_packet_add_event(packet, YM_EVENT_LINK_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}
	set_source_address(packet, address, address_length);
	return ym_decode_ethertype(packet, protocol, buf);
}
