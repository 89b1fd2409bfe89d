/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ym-buf.h"

G_BEGIN_DECLS

/*
 * the decoded form of one frame: a plain struct reused for every packet
 * (no allocation on the packet path); strings are YmStr views either into
 * the frame bytes or into the packet's scratch area, never NUL-terminated
 */

typedef enum {
	YM_DECODE_OK = 0,
	YM_DECODE_TRUNCATED,
	YM_DECODE_INVALID,
	YM_DECODE_UNSUPPORTED,
} YmDecodeResult;

/* link types we decode, numbered as in pcap LINKTYPE_* */
#define YM_LINKTYPE_NULL       0
#define YM_LINKTYPE_ETHERNET   1
#define YM_LINKTYPE_RAW        101
#define YM_LINKTYPE_LOOP       108
#define YM_LINKTYPE_LINUX_SLL  113
#define YM_LINKTYPE_IPV4       228
#define YM_LINKTYPE_IPV6       229
#define YM_LINKTYPE_LINUX_SLL2 276

typedef struct {
	const gchar *data;
	guint16 length;
} YmStr;

#define YM_STR_EMPTY ((YmStr){NULL, 0})

static inline gboolean
ym_str_is_set(YmStr str)
{
	return str.data != NULL && str.length > 0;
}

/* an IPv4 or IPv6 address; IPv4 is kept in network byte order in bytes[0..3] */
typedef struct {
	guint8 family; /* 0, 4 or 6 */
	guint8 bytes[16];
} YmIpAddr;

/*
 * anomalies met while decoding; each is counted in the run statistics and
 * can be picked up by detectors (Suricata's decode events)
 */
typedef enum {
	YM_EVENT_NONE = 0,
	YM_EVENT_LINK_TRUNCATED,
	YM_EVENT_LINK_UNSUPPORTED,
	YM_EVENT_VLAN_TOO_DEEP,
	YM_EVENT_ARP_TRUNCATED,
	YM_EVENT_ARP_INVALID,
	YM_EVENT_IPV4_TRUNCATED,
	YM_EVENT_IPV4_INVALID,
	YM_EVENT_IPV6_TRUNCATED,
	YM_EVENT_IPV6_INVALID,
	YM_EVENT_IPV6_EXT_TOO_DEEP,
	YM_EVENT_ICMP_TRUNCATED,
	YM_EVENT_ICMP_INVALID,
	YM_EVENT_TCP_TRUNCATED,
	YM_EVENT_TCP_INVALID,
	YM_EVENT_UDP_TRUNCATED,
	YM_EVENT_UDP_INVALID,
	YM_EVENT_DHCP_INVALID,
	YM_EVENT_DHCPV6_INVALID,
	YM_EVENT_DNS_INVALID,
	YM_EVENT_DNS_COMPRESSION_LOOP,
	YM_EVENT_NETBIOS_INVALID,
	YM_EVENT_SSDP_INVALID,
	YM_EVENT_HTTP_INVALID,
	YM_EVENT_TLS_INVALID,
	YM_EVENT_TLS_TRUNCATED,
	YM_EVENT_UBNT_INVALID,
	YM_EVENT_FRAME_TRUNCATED, /* caplen shorter than the frame (snaplen or cut file) */
	YM_EVENT_LAST
} YmDecodeEvent;

#define YM_PACKET_MAX_EVENTS 8
#define YM_PACKET_SCRATCH    4096

typedef enum {
	YM_L3_NONE = 0,
	YM_L3_ARP,
	YM_L3_IPV4,
	YM_L3_IPV6,
} YmL3Kind;

typedef enum {
	YM_APP_NONE = 0,
	YM_APP_DHCP,
	YM_APP_DHCPV6,
	YM_APP_DNS, /* DNS, mDNS and LLMNR: see YmDns.flavour */
	YM_APP_NETBIOS_NS,
	YM_APP_SSDP,
	YM_APP_HTTP,
	YM_APP_TLS,
	YM_APP_UBNT,
} YmAppKind;

/* tcp flags */
#define YM_TCP_FIN 0x01
#define YM_TCP_SYN 0x02
#define YM_TCP_RST 0x04
#define YM_TCP_PSH 0x08
#define YM_TCP_ACK 0x10
#define YM_TCP_URG 0x20

typedef struct {
	guint16 hardware_type;
	guint16 protocol_type;
	guint16 operation; /* 1 request, 2 reply */
	guint8 sender_mac[6];
	guint8 target_mac[6];
	guint32 sender_ip; /* host byte order */
	guint32 target_ip; /* host byte order */
} YmArp;

/* ICMPv6 neighbour discovery (RFC 4861) */
typedef struct {
	gboolean present;
	guint8 target[16];       /* NS/NA target address */
	gboolean has_source_mac; /* option 1 */
	guint8 source_mac[6];
	gboolean has_target_mac; /* option 2 */
	guint8 target_mac[6];
	gboolean router_flag; /* NA R flag, or a router advertisement */
} YmNeighbour;

#include "ym-decode-dhcp.h"
#include "ym-decode-dhcpv6.h"
#include "ym-decode-dns.h"
#include "ym-decode-netbios.h"
#include "ym-decode-ssdp.h"
#include "ym-decode-http.h"
#include "ym-decode-tls.h"
#include "ym-decode-ubnt.h"

typedef struct {
	/* frame */
	guint64 number; /* 1-based frame number in its capture */
	gint64 ts_usec; /* capture time, microseconds since the epoch */
	guint32 linktype;
	guint32 caplen;
	guint32 wirelen;

	/* link layer */
	gboolean has_mac;
	guint8 src_mac[6];
	guint8 dst_mac[6];
	guint16 ethertype;
	guint8 n_vlans;
	guint16 vlan_ids[2];

	/* network layer */
	YmL3Kind l3;
	YmArp arp;
	YmIpAddr src_ip;
	YmIpAddr dst_ip;
	guint8 ip_proto;      /* upper-layer protocol after IPv6 extension headers */
	guint8 ttl;           /* or IPv6 hop limit */
	gboolean ip_fragment; /* part of a fragmented datagram */
	gboolean ip_first_fragment;
	gboolean ip_dont_fragment;
	guint32 ip_length; /* bytes on the wire from the IP header on, from the header */

	/* transport layer */
	gboolean has_ports;
	guint16 src_port;
	guint16 dst_port;
	guint8 tcp_flags;
	guint32 tcp_seq;
	guint32 tcp_ack;
	guint16 tcp_window;
	guint8 tcp_header_length;
	gboolean has_icmp;
	guint8 icmp_type;
	guint8 icmp_code;
	YmNeighbour nd;
	const guint8 *payload; /* transport payload, within the captured bytes */
	guint32 payload_length;

	/* application layer: only the member named by @app is valid */
	YmAppKind app;
	union {
		YmDhcp dhcp;
		YmDhcpv6 dhcpv6;
		YmDns dns;
		YmNetbios netbios;
		YmSsdp ssdp;
		YmHttp http;
		YmTls tls;
		YmUbnt ubnt;
	} u;

	/* anomalies */
	guint8 n_events;
	guint8 events[YM_PACKET_MAX_EVENTS];

	/* decoded names (DNS decompression and the like) live here */
	guint scratch_used;
	gchar scratch[YM_PACKET_SCRATCH];
} YmPacket;

void
ym_packet_reset(YmPacket *packet);
void
ym_packet_add_event(YmPacket *packet, YmDecodeEvent event);
gboolean
ym_packet_has_event(const YmPacket *packet, YmDecodeEvent event);
void
ym_packet_remove_event(YmPacket *packet, YmDecodeEvent event);
const gchar *
ym_decode_event_to_string(YmDecodeEvent event);

/* copy @length bytes into the scratch area, returning a view; empty when full */
YmStr
ym_packet_scratch_copy(YmPacket *packet, const void *data, gsize length);
/* reserve @length bytes of scratch; NULL when it would overflow */
gchar *
ym_packet_scratch_reserve(YmPacket *packet, gsize length);

/* formatting helpers; @buf must hold at least 46 bytes (INET6_ADDRSTRLEN) or 18 for a MAC */
const gchar *
ym_ip_addr_to_string(const YmIpAddr *addr, gchar *buf, gsize buf_size);
const gchar *
ym_mac_to_string(const guint8 *mac, gchar *buf, gsize buf_size);
void
ym_ip_addr_set_v4(YmIpAddr *addr, guint32 host_order);
guint32
ym_ip_addr_get_v4(const YmIpAddr *addr);
gboolean
ym_ip_addr_equal(const YmIpAddr *a, const YmIpAddr *b);
/* an address on the internet: not private, shared (CGNAT), loopback,
 * link-local, multicast or unspecified; IPv6 global unicast 2000::/3 */
gboolean
ym_ip_addr_is_global(const YmIpAddr *addr);

/* compare a view to a C string, ignoring ASCII case */
gboolean
ym_str_equal_ascii_nocase(YmStr str, const gchar *text);
gboolean
ym_str_has_prefix_ascii_nocase(YmStr str, const gchar *prefix);
/* a newly allocated, NUL-terminated, valid UTF-8 copy (invalid bytes replaced) */
gchar *
ym_str_dup(YmStr str);

G_END_DECLS
