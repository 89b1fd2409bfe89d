/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "YmPacket"

#include "config.h"

#include "ym-packet.h"

#include <arpa/inet.h>
#include <stddef.h>
#include <stdio.h>

static const struct {
	YmDecodeEvent event;
	const gchar *name;
} event_names[] = {
    {YM_EVENT_LINK_TRUNCATED, "link-truncated"},
    {YM_EVENT_LINK_UNSUPPORTED, "link-unsupported"},
    {YM_EVENT_VLAN_TOO_DEEP, "vlan-too-deep"},
    {YM_EVENT_ARP_TRUNCATED, "arp-truncated"},
    {YM_EVENT_ARP_INVALID, "arp-invalid"},
    {YM_EVENT_IPV4_TRUNCATED, "ipv4-truncated"},
    {YM_EVENT_IPV4_INVALID, "ipv4-invalid"},
    {YM_EVENT_IPV6_TRUNCATED, "ipv6-truncated"},
    {YM_EVENT_IPV6_INVALID, "ipv6-invalid"},
    {YM_EVENT_IPV6_EXT_TOO_DEEP, "ipv6-ext-too-deep"},
    {YM_EVENT_ICMP_TRUNCATED, "icmp-truncated"},
    {YM_EVENT_ICMP_INVALID, "icmp-invalid"},
    {YM_EVENT_TCP_TRUNCATED, "tcp-truncated"},
    {YM_EVENT_TCP_INVALID, "tcp-invalid"},
    {YM_EVENT_UDP_TRUNCATED, "udp-truncated"},
    {YM_EVENT_UDP_INVALID, "udp-invalid"},
    {YM_EVENT_DHCP_INVALID, "dhcp-invalid"},
    {YM_EVENT_DHCPV6_INVALID, "dhcpv6-invalid"},
    {YM_EVENT_DNS_INVALID, "dns-invalid"},
    {YM_EVENT_DNS_COMPRESSION_LOOP, "dns-compression-loop"},
    {YM_EVENT_NETBIOS_INVALID, "netbios-invalid"},
    {YM_EVENT_SSDP_INVALID, "ssdp-invalid"},
    {YM_EVENT_HTTP_INVALID, "http-invalid"},
    {YM_EVENT_TLS_INVALID, "tls-invalid"},
    {YM_EVENT_TLS_TRUNCATED, "tls-truncated"},
    {YM_EVENT_UBNT_INVALID, "ubnt-invalid"},
    {YM_EVENT_FRAME_TRUNCATED, "frame-truncated"},
    {0, NULL},
};

void
ym_packet_reset(YmPacket *packet)
{
	/* the application union and scratch are reset by whoever uses them */
	memset(packet, 0, offsetof(YmPacket, u));
	packet->n_events = 0;
	packet->scratch_used = 0;
}

void
ym_packet_add_event(YmPacket *packet, YmDecodeEvent event)
{
	if (packet->n_events >= YM_PACKET_MAX_EVENTS)
		return;
	packet->events[packet->n_events++] = (guint8) event;
}

gboolean
ym_packet_has_event(const YmPacket *packet, YmDecodeEvent event)
{
	for (guint i = 0; i < packet->n_events; i++) {
		if (packet->events[i] == event)
			return TRUE;
	}
	return FALSE;
}

void
ym_packet_remove_event(YmPacket *packet, YmDecodeEvent event)
{
	guint kept = 0;
	for (guint i = 0; i < packet->n_events; i++) {
		if (packet->events[i] != event)
			packet->events[kept++] = packet->events[i];
	}
	packet->n_events = (guint8) kept;
}

const gchar *
ym_decode_event_to_string(YmDecodeEvent event)
{
	for (guint i = 0; event_names[i].name != NULL; i++) {
		if (event_names[i].event == event)
			return event_names[i].name;
	}
	return "unknown";
}

gchar *
ym_packet_scratch_reserve(YmPacket *packet, gsize length)
{
	gchar *ptr;
	if (length > sizeof(packet->scratch) - packet->scratch_used)
		return NULL;
	ptr = packet->scratch + packet->scratch_used;
	packet->scratch_used += length;
	return ptr;
}

YmStr
ym_packet_scratch_copy(YmPacket *packet, const void *data, gsize length)
{
	YmStr str = YM_STR_EMPTY;
	gchar *ptr;
	if (length > G_MAXUINT16)
		length = G_MAXUINT16;
	ptr = ym_packet_scratch_reserve(packet, length);
	if (ptr == NULL)
		return str;
	memcpy(ptr, data, length);
	str.data = ptr;
	str.length = (guint16) length;
	return str;
}

void
ym_ip_addr_set_v4(YmIpAddr *addr, guint32 host_order)
{
	memset(addr, 0, sizeof(*addr));
	addr->family = 4;
	addr->bytes[0] = (host_order >> 24) & 0xff;
	addr->bytes[1] = (host_order >> 16) & 0xff;
	addr->bytes[2] = (host_order >> 8) & 0xff;
	addr->bytes[3] = host_order & 0xff;
}

guint32
ym_ip_addr_get_v4(const YmIpAddr *addr)
{
	return ((guint32) addr->bytes[0] << 24) | ((guint32) addr->bytes[1] << 16) |
	       ((guint32) addr->bytes[2] << 8) | addr->bytes[3];
}

gboolean
ym_ip_addr_equal(const YmIpAddr *a, const YmIpAddr *b)
{
	if (a->family != b->family)
		return FALSE;
	return memcmp(a->bytes, b->bytes, a->family == 4 ? 4 : 16) == 0;
}

gboolean
ym_ip_addr_is_global(const YmIpAddr *addr)
{
	const guint8 *b = addr->bytes;
	if (addr->family == 4) {
		return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224 ||
		         (b[0] == 100 && (b[1] & 0xc0) == 64) || (b[0] == 169 && b[1] == 254) ||
		         (b[0] == 172 && (b[1] & 0xf0) == 16) || (b[0] == 192 && b[1] == 168));
	}
	if (addr->family == 6)
		return (b[0] & 0xe0) == 0x20;
	return FALSE;
}

const gchar *
ym_ip_addr_to_string(const YmIpAddr *addr, gchar *buf, gsize buf_size)
{
	if (addr->family == 4) {
		if (inet_ntop(AF_INET, addr->bytes, buf, buf_size) != NULL)
			return buf;
	} else if (addr->family == 6) {
		if (inet_ntop(AF_INET6, addr->bytes, buf, buf_size) != NULL)
			return buf;
	}
	g_strlcpy(buf, "", buf_size);
	return buf;
}

const gchar *
ym_mac_to_string(const guint8 *mac, gchar *buf, gsize buf_size)
{
	g_snprintf(buf, buf_size, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1], mac[2], mac[3],
	           mac[4], mac[5]);
	return buf;
}

gboolean
ym_str_equal_ascii_nocase(YmStr str, const gchar *text)
{
	gsize len = strlen(text);
	if (str.length != len)
		return FALSE;
	return str.length == 0 || g_ascii_strncasecmp(str.data, text, len) == 0;
}

gboolean
ym_str_has_prefix_ascii_nocase(YmStr str, const gchar *prefix)
{
	gsize len = strlen(prefix);
	if (str.length < len)
		return FALSE;
	return len == 0 || g_ascii_strncasecmp(str.data, prefix, len) == 0;
}

gchar *
ym_str_dup(YmStr str)
{
	if (str.data == NULL)
		return g_strdup("");
	return g_utf8_make_valid(str.data, str.length);
}
