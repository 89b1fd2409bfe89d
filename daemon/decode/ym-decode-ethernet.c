/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Ethernet II (IEEE Std 802.3 clause 3, RFC 894) with IEEE Std 802.1Q VLAN
 * tags: C-tag 0x8100, S-tag 0x88a8 (802.1ad) and the pre-standard QinQ 0x9100
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                    destination MAC address                    |
 *   +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                               |                               |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 *   |                      source MAC address                       |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |     ethertype or length       |   (VLAN tag: PCP|D| VLAN id   |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |    inner ethertype) ...       |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * A type of 1500 or less is an 802.3 length followed by an LLC header
 * (spanning tree and the like): we do not decode those and record nothing.
 * We keep the ids of up to two tags (QinQ); a third tag stops decoding with
 * YM_EVENT_VLAN_TOO_DEEP, as nothing on a home network stacks that deep and
 * it is a known way to smuggle frames past a switch.
 */

#define G_LOG_DOMAIN "YmDecode"

#include "config.h"

#include "ym-decode.h"

#define YM_VLAN_ID_MASK 0x0fff

static gboolean
is_vlan_tpid(guint16 ethertype)
{
	switch (ethertype) {
	case 0x8100: /* 802.1Q customer tag */
	case 0x88a8: /* 802.1ad service tag */
	case 0x9100: /* pre-standard QinQ */
		return TRUE;
	default:
		return FALSE;
	}
}

YmDecodeResult
ym_decode_ethernet(YmPacket *packet, YmBuf *buf)
{
	guint16 ethertype;

	if (!ym_buf_copy_bytes(buf, sizeof(packet->dst_mac), packet->dst_mac) ||
	    !ym_buf_copy_bytes(buf, sizeof(packet->src_mac), packet->src_mac) ||
	    !ym_buf_get_be16(buf, &ethertype)) {
		ym_packet_add_event(packet, YM_EVENT_LINK_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}
	packet->has_mac = TRUE;

	while (is_vlan_tpid(ethertype)) {
		guint16 tci;
		if (packet->n_vlans >= G_N_ELEMENTS(packet->vlan_ids)) {
			packet->ethertype = ethertype;
			ym_packet_add_event(packet, YM_EVENT_VLAN_TOO_DEEP);
			return YM_DECODE_UNSUPPORTED;
		}
		if (!ym_buf_get_be16(buf, &tci) || !ym_buf_get_be16(buf, &ethertype)) {
			ym_packet_add_event(packet, YM_EVENT_LINK_TRUNCATED);
			return YM_DECODE_TRUNCATED;
		}
		packet->vlan_ids[packet->n_vlans++] = tci & YM_VLAN_ID_MASK;
	}
	return ym_decode_ethertype(packet, ethertype, buf);
}
