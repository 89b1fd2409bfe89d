/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ym-packet.h"

G_BEGIN_DECLS

/*
 * the entry point: decode one captured frame of @linktype into @packet
 * (which is reset first); @wirelen is the length on the wire, @caplen the
 * bytes we have. Anomalies are recorded as events on the packet; the
 * result says how far decoding got.
 */
YmDecodeResult
ym_decode_frame(YmPacket *packet,
                guint32 linktype,
                const guint8 *data,
                guint32 caplen,
                guint32 wirelen);

/* layer decoders: each reads its header from @buf and hands on the rest */
YmDecodeResult
ym_decode_ethernet(YmPacket *packet, YmBuf *buf);
YmDecodeResult
ym_decode_sll(YmPacket *packet, YmBuf *buf);
YmDecodeResult
ym_decode_sll2(YmPacket *packet, YmBuf *buf);
YmDecodeResult
ym_decode_ethertype(YmPacket *packet, guint16 ethertype, YmBuf *buf);
YmDecodeResult
ym_decode_arp(YmPacket *packet, YmBuf *buf);
YmDecodeResult
ym_decode_ipv4(YmPacket *packet, YmBuf *buf);
YmDecodeResult
ym_decode_ipv6(YmPacket *packet, YmBuf *buf);
YmDecodeResult
ym_decode_icmp(YmPacket *packet, YmBuf *buf);
YmDecodeResult
ym_decode_icmpv6(YmPacket *packet, YmBuf *buf);
YmDecodeResult
ym_decode_tcp(YmPacket *packet, YmBuf *buf);
YmDecodeResult
ym_decode_udp(YmPacket *packet, YmBuf *buf);

/*
 * application layer: ym_decode_app() picks a decoder for packet->payload
 * by port and content; each decoder fills its member of packet->u and sets
 * packet->app when it recognised the protocol (also when it then hit
 * malformed data, with an event recorded)
 */
YmDecodeResult
ym_decode_app(YmPacket *packet);
YmDecodeResult
ym_decode_dhcp(YmPacket *packet, const guint8 *data, gsize length);
YmDecodeResult
ym_decode_dhcpv6(YmPacket *packet, const guint8 *data, gsize length);
YmDecodeResult
ym_decode_dns(YmPacket *packet, const guint8 *data, gsize length, YmDnsFlavour flavour);
YmDecodeResult
ym_decode_netbios_ns(YmPacket *packet, const guint8 *data, gsize length);
YmDecodeResult
ym_decode_ssdp(YmPacket *packet, const guint8 *data, gsize length);
YmDecodeResult
ym_decode_http(YmPacket *packet, const guint8 *data, gsize length);
YmDecodeResult
ym_decode_tls(YmPacket *packet, const guint8 *data, gsize length);
YmDecodeResult
ym_decode_ubnt(YmPacket *packet, const guint8 *data, gsize length);

/* helpers shared by decoders */

/* decode an uncompressed DNS wire-format name into dotted text in scratch */
gboolean
ym_decode_dns_wire_name(YmPacket *packet, const guint8 *data, gsize length, YmStr *name);
/* iterate the character-strings of a TXT record; *offset starts at 0 */
gboolean
ym_dns_record_next_txt(const YmDnsRecord *record, gsize *offset, YmStr *text);
/* does the payload look like an HTTP/1.x request or response head */
gboolean
ym_decode_http_sniff(const guint8 *data, gsize length);
/* does the payload look like a TLS handshake record */
gboolean
ym_decode_tls_sniff(const guint8 *data, gsize length);

G_END_DECLS
