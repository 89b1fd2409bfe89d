/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * picks the application decoder for a transport payload: well-known ports
 * for the UDP discovery protocols, content sniffing for HTTP and TLS so that
 * admin pages and TLS on odd ports are still seen
 */

#define G_LOG_DOMAIN "YmDecode"

#include "config.h"

#include "ym-decode.h"

static gboolean
either_port(const YmPacket *packet, guint16 port)
{
	return packet->src_port == port || packet->dst_port == port;
}

static YmDecodeResult
decode_udp_app(YmPacket *packet)
{
	const guint8 *data = packet->payload;
	gsize length = packet->payload_length;

	if (either_port(packet, 67) || either_port(packet, 68))
		return ym_decode_dhcp(packet, data, length);
	if (either_port(packet, 546) || either_port(packet, 547))
		return ym_decode_dhcpv6(packet, data, length);
	if (either_port(packet, 5353))
		return ym_decode_dns(packet, data, length, YM_DNS_FLAVOUR_MDNS);
	if (either_port(packet, 5355))
		return ym_decode_dns(packet, data, length, YM_DNS_FLAVOUR_LLMNR);
	if (either_port(packet, 53))
		return ym_decode_dns(packet, data, length, YM_DNS_FLAVOUR_DNS);
	if (either_port(packet, 137))
		return ym_decode_netbios_ns(packet, data, length);
	if (either_port(packet, 1900))
		return ym_decode_ssdp(packet, data, length);
	if (packet->dst_port == 10001 || packet->src_port == 10001)
		return ym_decode_ubnt(packet, data, length);
	return YM_DECODE_UNSUPPORTED;
}

static YmDecodeResult
decode_tcp_app(YmPacket *packet)
{
	const guint8 *data = packet->payload;
	gsize length = packet->payload_length;

	if (ym_decode_tls_sniff(data, length))
		return ym_decode_tls(packet, data, length);
	if (ym_decode_http_sniff(data, length))
		return ym_decode_http(packet, data, length);
	return YM_DECODE_UNSUPPORTED;
}

YmDecodeResult
ym_decode_app(YmPacket *packet)
{
	if (packet->payload == NULL || packet->payload_length == 0)
		return YM_DECODE_UNSUPPORTED;
	/* only a whole datagram or its first fragment starts with a header */
	if (packet->ip_fragment && !packet->ip_first_fragment)
		return YM_DECODE_UNSUPPORTED;
	if (packet->ip_proto == 17)
		return decode_udp_app(packet);
	if (packet->ip_proto == 6)
		return decode_tcp_app(packet);
	return YM_DECODE_UNSUPPORTED;
}
