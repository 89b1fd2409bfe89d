/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * link-layer dispatch for one captured frame
 *
 * Reference: the tcpdump.org LINKTYPE_ registry (https://www.tcpdump.org/linktypes.html);
 * the BSD loopback header as handled by tcpdump print-null.c
 *
 * LINKTYPE_NULL (0) and LINKTYPE_LOOP (108): a 4-byte address family, in the
 * byte order of the host that wrote the capture for NULL, big-endian for LOOP
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                        address family                         |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                      IPv4 or IPv6 packet ...
 *
 * LINKTYPE_RAW (101; a live handle reports DLT_RAW, 12 or on OpenBSD 14):
 * no header, the version nibble of the first byte says IPv4 or IPv6
 *
 * LINKTYPE_IPV4 (228) and LINKTYPE_IPV6 (229): no header, the version is fixed
 *
 * Ethernet and Linux cooked captures live in ym-decode-ethernet.c and
 * ym-decode-sll.c.
 *
 * What the result of ym_decode_frame() means:
 *  - OK: decoded down to the last layer this packet has that we decode (TCP,
 *    UDP, ICMP, ARP, or the IP header of a non-first fragment); an application
 *    payload that no application decoder recognised is still OK
 *  - TRUNCATED, INVALID: the deepest layer reached (application decoders
 *    included) ran out of bytes or met a malformed header; an event says which
 *  - UNSUPPORTED: a link type, ethertype, address family or IP protocol we do
 *    not decode, or an encapsulation deeper than our caps
 * A layer that records an anomaly and goes on (an IP or UDP length beyond the
 * captured bytes, a neighbour discovery message from off the link) does not
 * change the result by itself; the events say what was seen.
 */

#define G_LOG_DOMAIN "YmDecode"

#include "config.h"

#include "ym-decode.h"

#define YM_ETHERTYPE_MIN  0x0600 /* smaller values are IEEE 802.3 length fields */
#define YM_ETHERTYPE_IPV4 0x0800
#define YM_ETHERTYPE_ARP  0x0806
#define YM_ETHERTYPE_IPV6 0x86dd

/* DLT_RAW as pcap_datalink() reports it on a live handle */
#define YM_DLT_RAW         12
#define YM_DLT_RAW_OPENBSD 14

/* the AF_ values found in NULL/LOOP headers: AF_INET6 differs between systems */
static const struct {
	guint32 family;
	guint16 ethertype;
	const gchar *name;
} null_families[] = {
    {2, YM_ETHERTYPE_IPV4, "AF_INET"},
    {10, YM_ETHERTYPE_IPV6, "AF_INET6 (Linux)"},
    {24, YM_ETHERTYPE_IPV6, "AF_INET6 (NetBSD, OpenBSD)"},
    {28, YM_ETHERTYPE_IPV6, "AF_INET6 (FreeBSD, DragonFly)"},
    {30, YM_ETHERTYPE_IPV6, "AF_INET6 (Darwin)"},
    {0, 0, NULL},
};

YmDecodeResult
ym_decode_ethertype(YmPacket *packet, guint16 ethertype, YmBuf *buf)
{
	/* an 802.3 length followed by LLC (STP and friends): not ours, and not an anomaly */
	if (ethertype < YM_ETHERTYPE_MIN)
		return YM_DECODE_UNSUPPORTED;
	packet->ethertype = ethertype;
	switch (ethertype) {
	case YM_ETHERTYPE_IPV4:
		return ym_decode_ipv4(packet, buf);
	case YM_ETHERTYPE_IPV6:
		return ym_decode_ipv6(packet, buf);
	case YM_ETHERTYPE_ARP:
		return ym_decode_arp(packet, buf);
	default:
		return YM_DECODE_UNSUPPORTED;
	}
}

static YmDecodeResult
decode_raw(YmPacket *packet, YmBuf *buf)
{
	guint8 version;

	if (!ym_buf_has(buf, 1)) {
		ym_packet_add_event(packet, YM_EVENT_LINK_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}
	version = ym_buf_current(buf)[0] >> 4;
	if (version == 4)
		return ym_decode_ethertype(packet, YM_ETHERTYPE_IPV4, buf);
	if (version == 6)
		return ym_decode_ethertype(packet, YM_ETHERTYPE_IPV6, buf);
	return YM_DECODE_UNSUPPORTED;
}

static YmDecodeResult
decode_null(YmPacket *packet, YmBuf *buf, gboolean host_order)
{
	guint32 family;

	if (!ym_buf_get_be32(buf, &family)) {
		ym_packet_add_event(packet, YM_EVENT_LINK_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}
	/* families are small numbers, so a high half means the writer was little-endian */
	if (host_order && (family & 0xffff0000) != 0)
		family = GUINT32_SWAP_LE_BE(family);
	for (guint i = 0; null_families[i].name != NULL; i++) {
		if (null_families[i].family == family)
			return ym_decode_ethertype(packet, null_families[i].ethertype, buf);
	}
	return YM_DECODE_UNSUPPORTED;
}

/*
 * ym_packet_reset() clears the whole header part of the packet, number and
 * ts_usec included: the caller sets those after decoding
 */
YmDecodeResult
ym_decode_frame(YmPacket *packet,
                guint32 linktype,
                const guint8 *data,
                guint32 caplen,
                guint32 wirelen)
{
	YmBuf buf;

	g_return_val_if_fail(packet != NULL, YM_DECODE_INVALID);

	ym_packet_reset(packet);
	packet->linktype = linktype;
	packet->caplen = caplen;
	packet->wirelen = wirelen;
	if (caplen < wirelen)
		ym_packet_add_event(packet, YM_EVENT_FRAME_TRUNCATED);
	ym_buf_init(&buf, data, caplen);

	switch (linktype) {
	case YM_LINKTYPE_ETHERNET:
		return ym_decode_ethernet(packet, &buf);
	case YM_LINKTYPE_RAW:
	case YM_DLT_RAW:
	case YM_DLT_RAW_OPENBSD:
		return decode_raw(packet, &buf);
	case YM_LINKTYPE_IPV4:
		return ym_decode_ethertype(packet, YM_ETHERTYPE_IPV4, &buf);
	case YM_LINKTYPE_IPV6:
		return ym_decode_ethertype(packet, YM_ETHERTYPE_IPV6, &buf);
	case YM_LINKTYPE_NULL:
		return decode_null(packet, &buf, TRUE);
	case YM_LINKTYPE_LOOP:
		return decode_null(packet, &buf, FALSE);
	case YM_LINKTYPE_LINUX_SLL:
		return ym_decode_sll(packet, &buf);
	case YM_LINKTYPE_LINUX_SLL2:
		return ym_decode_sll2(packet, &buf);
	default:
		ym_packet_add_event(packet, YM_EVENT_LINK_UNSUPPORTED);
		return YM_DECODE_UNSUPPORTED;
	}
}
