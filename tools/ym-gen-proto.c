/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Frame builders: Ethernet II, ARP (RFC 826), IPv4 (RFC 791), IPv6
 * (RFC 8200), UDP (RFC 768), ICMPv6 (RFC 4443) and TCP (RFC 9293) with
 * the options each stack really puts in its SYN. Checksums use the
 * RFC 1071 one's complement sum over the pseudo-header.
 *
 *   TCP header
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-------------------------------+-------------------------------+
 *   |          Source Port          |       Destination Port        |
 *   +-------------------------------+-------------------------------+
 *   |                        Sequence Number                        |
 *   +---------------------------------------------------------------+
 *   |                    Acknowledgment Number                      |
 *   +-------+-------+---------------+-------------------------------+
 *   |  Off  | Rsrvd |     Flags     |            Window             |
 *   +-------+-------+---------------+-------------------------------+
 *   |           Checksum            |        Urgent Pointer         |
 *   +-------------------------------+-------------------------------+
 */

#define G_LOG_DOMAIN "YmGen"

#include "config.h"

#include <string.h>

#include "ym-gen-private.h"

const guint8 _ym_gen_mac_broadcast[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};

/* byte builder */

void
_ym_gen_buf_init(YmGenBuf *buf, guint8 *data, gsize cap)
{
	buf->data = data;
	buf->len = 0;
	buf->cap = cap;
	buf->overflow = FALSE;
}

static gboolean
ym_gen_buf_room(YmGenBuf *buf, gsize length)
{
	if (buf->len + length > buf->cap) {
		if (!buf->overflow)
			g_warning("generator buffer of %" G_GSIZE_FORMAT " bytes too small",
			          buf->cap);
		buf->overflow = TRUE;
		return FALSE;
	}
	return TRUE;
}

void
_ym_gen_buf_put_u8(YmGenBuf *buf, guint8 value)
{
	if (!ym_gen_buf_room(buf, 1))
		return;
	buf->data[buf->len++] = value;
}

void
_ym_gen_buf_put_be16(YmGenBuf *buf, guint16 value)
{
	if (!ym_gen_buf_room(buf, 2))
		return;
	buf->data[buf->len++] = value >> 8;
	buf->data[buf->len++] = value & 0xff;
}

void
_ym_gen_buf_put_be24(YmGenBuf *buf, guint32 value)
{
	if (!ym_gen_buf_room(buf, 3))
		return;
	buf->data[buf->len++] = (value >> 16) & 0xff;
	buf->data[buf->len++] = (value >> 8) & 0xff;
	buf->data[buf->len++] = value & 0xff;
}

void
_ym_gen_buf_put_be32(YmGenBuf *buf, guint32 value)
{
	if (!ym_gen_buf_room(buf, 4))
		return;
	buf->data[buf->len++] = value >> 24;
	buf->data[buf->len++] = (value >> 16) & 0xff;
	buf->data[buf->len++] = (value >> 8) & 0xff;
	buf->data[buf->len++] = value & 0xff;
}

void
_ym_gen_buf_put_bytes(YmGenBuf *buf, const void *data, gsize length)
{
	if (length == 0 || !ym_gen_buf_room(buf, length))
		return;
	memcpy(buf->data + buf->len, data, length);
	buf->len += length;
}

void
_ym_gen_buf_put_str(YmGenBuf *buf, const gchar *text)
{
	_ym_gen_buf_put_bytes(buf, text, strlen(text));
}

void
_ym_gen_buf_put_zeros(YmGenBuf *buf, gsize length)
{
	if (length == 0 || !ym_gen_buf_room(buf, length))
		return;
	memset(buf->data + buf->len, 0, length);
	buf->len += length;
}

void
_ym_gen_buf_patch_len(YmGenBuf *buf, gsize offset, guint width, gsize value)
{
	if (offset + width > buf->len)
		return;
	for (guint i = 0; i < width; i++)
		buf->data[offset + i] = (value >> (8 * (width - 1 - i))) & 0xff;
}

/* checksums */

guint32
_ym_gen_csum_add(guint32 sum, const guint8 *data, gsize length)
{
	guint64 acc = 0;

	/* the one's complement sum does not depend on byte order
	 * (RFC 1071 2.B), so sum wide native words and swap once */
	while (length >= 8) {
		guint64 w;
		memcpy(&w, data, 8);
		acc += (w & 0xffffffffu) + (w >> 32);
		data += 8;
		length -= 8;
	}
	acc = (acc & 0xffffffffu) + (acc >> 32);
	acc = (acc & 0xffffffffu) + (acc >> 32);
	acc = (acc & 0xffff) + (acc >> 16);
	acc = (acc & 0xffff) + (acc >> 16);
	acc = (acc & 0xffff) + (acc >> 16);
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
	acc = GUINT16_SWAP_LE_BE((guint16) acc);
#endif
	sum += (guint32) acc;
	while (length >= 2) {
		sum += ((guint32) data[0] << 8) | data[1];
		data += 2;
		length -= 2;
	}
	if (length > 0)
		sum += (guint32) data[0] << 8;
	return sum;
}

guint16
_ym_gen_csum_fold(guint32 sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (guint16) ~sum;
}

/* addresses */

gboolean
_ym_gen_parse_mac(const gchar *text, guint8 mac[6])
{
	for (guint i = 0; i < 6; i++) {
		gint hi, lo;
		if (text[0] == '\0' || text[1] == '\0')
			return FALSE;
		hi = g_ascii_xdigit_value(text[0]);
		lo = g_ascii_xdigit_value(text[1]);
		if (hi < 0 || lo < 0)
			return FALSE;
		mac[i] = (guint8) (hi << 4 | lo);
		text += 2;
		if (i < 5) {
			if (*text != ':')
				return FALSE;
			text++;
		}
	}
	return *text == '\0';
}

void
_ym_gen_mac_for_ip4_group(guint32 group, guint8 mac[6])
{
	mac[0] = 0x01;
	mac[1] = 0x00;
	mac[2] = 0x5e;
	mac[3] = (group >> 16) & 0x7f;
	mac[4] = (group >> 8) & 0xff;
	mac[5] = group & 0xff;
}

void
_ym_gen_mac_for_ip6_group(const guint8 group[16], guint8 mac[6])
{
	mac[0] = 0x33;
	mac[1] = 0x33;
	memcpy(mac + 2, group + 12, 4);
}

/* frame writers */

static inline void
ym_gen_put16(guint8 *p, guint16 v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

static inline void
ym_gen_put32(guint8 *p, guint32 v)
{
	p[0] = v >> 24;
	p[1] = (v >> 16) & 0xff;
	p[2] = (v >> 8) & 0xff;
	p[3] = v & 0xff;
}

static gsize
ym_gen_put_eth(guint8 *p, const guint8 *dst, const guint8 *src, guint16 ethertype)
{
	memcpy(p, dst, 6);
	memcpy(p + 6, src, 6);
	ym_gen_put16(p + 12, ethertype);
	return 14;
}

/* IPv4 header with options; returns its length */
static gsize
ym_gen_put_ip4(guint8 *p,
               const YmGenIp4 *ip,
               guint8 protocol,
               const guint8 *options,
               gsize options_len,
               gsize payload_len)
{
	gsize hlen = 20 + options_len;
	p[0] = 0x40 | (guint8) (hlen / 4);
	p[1] = ip->tos;
	ym_gen_put16(p + 2, (guint16) (hlen + payload_len));
	ym_gen_put16(p + 4, ip->id);
	ym_gen_put16(p + 6, ip->df ? 0x4000 : 0);
	p[8] = ip->ttl;
	p[9] = protocol;
	p[10] = 0;
	p[11] = 0;
	ym_gen_put32(p + 12, ip->src);
	ym_gen_put32(p + 16, ip->dst);
	if (options_len > 0)
		memcpy(p + 20, options, options_len);
	ym_gen_put16(p + 10, _ym_gen_csum_fold(_ym_gen_csum_add(0, p, hlen)));
	return hlen;
}

static guint32
ym_gen_pseudo4(guint32 src, guint32 dst, guint8 protocol, gsize length)
{
	guint32 sum = 0;
	sum += src >> 16;
	sum += src & 0xffff;
	sum += dst >> 16;
	sum += dst & 0xffff;
	sum += protocol;
	sum += (guint32) length;
	return sum;
}

static guint32
ym_gen_pseudo6(const guint8 *src, const guint8 *dst, guint8 next, gsize length)
{
	guint32 sum = 0;
	sum = _ym_gen_csum_add(sum, src, 16);
	sum = _ym_gen_csum_add(sum, dst, 16);
	sum += (guint32) (length >> 16);
	sum += (guint32) (length & 0xffff);
	sum += next;
	return sum;
}

void
_ym_gen_emit_arp(YmGenCtx *ctx,
                 gint64 time,
                 guint16 op,
                 const guint8 *eth_dst,
                 const guint8 *sender_mac,
                 guint32 sender_ip,
                 const guint8 *target_mac,
                 guint32 target_ip)
{
	static const guint8 zero_mac[6] = {0};
	guint8 *p = _ym_gen_frame_begin(ctx, time);
	gsize n = ym_gen_put_eth(p, eth_dst, sender_mac, 0x0806);
	ym_gen_put16(p + n, 1);
	ym_gen_put16(p + n + 2, 0x0800);
	p[n + 4] = 6;
	p[n + 5] = 4;
	ym_gen_put16(p + n + 6, op);
	memcpy(p + n + 8, sender_mac, 6);
	ym_gen_put32(p + n + 14, sender_ip);
	memcpy(p + n + 18, target_mac != NULL ? target_mac : zero_mac, 6);
	ym_gen_put32(p + n + 24, target_ip);
	_ym_gen_frame_end(ctx, n + 28);
}

void
_ym_gen_emit_ip4(YmGenCtx *ctx,
                 gint64 time,
                 const YmGenIp4 *ip,
                 guint8 protocol,
                 const guint8 *options,
                 gsize options_len,
                 const guint8 *payload,
                 gsize length)
{
	guint8 *p = _ym_gen_frame_begin(ctx, time);
	gsize n = ym_gen_put_eth(p, ip->dst_mac, ip->src_mac, 0x0800);
	length = MIN(length, YM_GEN_FRAME_MAX - n - 20 - options_len);
	n += ym_gen_put_ip4(p + n, ip, protocol, options, options_len, length);
	memcpy(p + n, payload, length);
	_ym_gen_frame_end(ctx, n + length);
}

/* UDP header and @length bytes of @payload at @udp; @pseudo is the
 * checksum of the IP pseudo-header; returns the datagram length */
static gsize
ym_gen_put_udp(guint8 *udp,
               guint32 pseudo,
               guint16 sport,
               guint16 dport,
               const guint8 *payload,
               gsize length)
{
	guint16 csum;
	ym_gen_put16(udp, sport);
	ym_gen_put16(udp + 2, dport);
	ym_gen_put16(udp + 4, (guint16) (8 + length));
	ym_gen_put16(udp + 6, 0);
	memcpy(udp + 8, payload, length);
	csum = _ym_gen_csum_fold(_ym_gen_csum_add(pseudo, udp, 8 + length));
	ym_gen_put16(udp + 6, csum == 0 ? 0xffff : csum);
	return 8 + length;
}

void
_ym_gen_emit_udp4(YmGenCtx *ctx,
                  gint64 time,
                  const YmGenIp4 *ip,
                  guint16 sport,
                  guint16 dport,
                  const guint8 *payload,
                  gsize length)
{
	guint8 *p = _ym_gen_frame_begin(ctx, time);
	gsize n = ym_gen_put_eth(p, ip->dst_mac, ip->src_mac, 0x0800);

	length = MIN(length, YM_GEN_FRAME_MAX - n - 28);
	n += ym_gen_put_ip4(p + n, ip, 17, NULL, 0, 8 + length);
	n += ym_gen_put_udp(p + n, ym_gen_pseudo4(ip->src, ip->dst, 17, 8 + length), sport, dport,
	                    payload, length);
	_ym_gen_frame_end(ctx, n);
}

static gsize
ym_gen_put_ip6(guint8 *p, const YmGenIp6 *ip, guint8 next, gsize payload_len)
{
	p[0] = 0x60;
	p[1] = 0;
	p[2] = 0;
	p[3] = 0;
	ym_gen_put16(p + 4, (guint16) payload_len);
	p[6] = next;
	p[7] = ip->hop_limit;
	memcpy(p + 8, ip->src, 16);
	memcpy(p + 24, ip->dst, 16);
	return 40;
}

void
_ym_gen_emit_udp6(YmGenCtx *ctx,
                  gint64 time,
                  const YmGenIp6 *ip,
                  guint16 sport,
                  guint16 dport,
                  const guint8 *payload,
                  gsize length)
{
	guint8 *p = _ym_gen_frame_begin(ctx, time);
	gsize n = ym_gen_put_eth(p, ip->dst_mac, ip->src_mac, 0x86dd);

	length = MIN(length, YM_GEN_FRAME_MAX - n - 48);
	n += ym_gen_put_ip6(p + n, ip, 17, 8 + length);
	n += ym_gen_put_udp(p + n, ym_gen_pseudo6(ip->src, ip->dst, 17, 8 + length), sport, dport,
	                    payload, length);
	_ym_gen_frame_end(ctx, n);
}

void
_ym_gen_emit_icmp6(YmGenCtx *ctx,
                   gint64 time,
                   const YmGenIp6 *ip,
                   gboolean router_alert,
                   guint8 type,
                   guint8 code,
                   const guint8 *body,
                   gsize length)
{
	/* hop-by-hop: next header ICMPv6, router alert (MLD), PadN */
	static const guint8 hbh[8] = {58, 0, 0x05, 0x02, 0x00, 0x00, 0x01, 0x00};
	guint8 *p = _ym_gen_frame_begin(ctx, time);
	gsize n = ym_gen_put_eth(p, ip->dst_mac, ip->src_mac, 0x86dd);
	gsize extra = router_alert ? sizeof(hbh) : 0;
	guint8 *icmp;

	length = MIN(length, YM_GEN_FRAME_MAX - n - 40 - extra - 4);
	n += ym_gen_put_ip6(p + n, ip, router_alert ? 0 : 58, extra + 4 + length);
	if (router_alert) {
		memcpy(p + n, hbh, sizeof(hbh));
		n += sizeof(hbh);
	}
	icmp = p + n;
	icmp[0] = type;
	icmp[1] = code;
	icmp[2] = 0;
	icmp[3] = 0;
	memcpy(icmp + 4, body, length);
	ym_gen_put16(icmp + 2,
	             _ym_gen_csum_fold(_ym_gen_csum_add(
	                 ym_gen_pseudo6(ip->src, ip->dst, 58, 4 + length), icmp, 4 + length)));
	_ym_gen_frame_end(ctx, n + 4 + length);
}

/* TCP */

static guint8
ym_gen_tcp_style_ttl(YmGenTcpStyle style)
{
	return style == YM_GEN_TCP_WINDOWS ? 128 : 64;
}

static gboolean
ym_gen_tcp_style_has_ts(YmGenTcpStyle style)
{
	return style == YM_GEN_TCP_LINUX || style == YM_GEN_TCP_APPLE;
}

static gboolean
ym_gen_tcp_style_has_ws(YmGenTcpStyle style)
{
	return style != YM_GEN_TCP_LWIP;
}

static void
ym_gen_tcp_end_init(YmGenTcpEnd *end,
                    const guint8 *mac,
                    guint32 ip,
                    guint16 port,
                    YmGenTcpStyle style)
{
	memset(end, 0, sizeof(*end));
	memcpy(end->mac, mac, 6);
	end->ip = ip;
	end->port = port;
	end->style = style;
	end->ttl = ym_gen_tcp_style_ttl(style);
	switch (style) {
	case YM_GEN_TCP_WINDOWS:
		end->window = 262656; /* 1026 << 8 */
		end->wscale = 8;
		end->mss = 1460;
		break;
	case YM_GEN_TCP_APPLE:
		end->window = 131072;
		end->wscale = 6;
		end->mss = 1460;
		break;
	case YM_GEN_TCP_LWIP:
		end->window = 5744;
		end->wscale = 0;
		end->mss = 1436;
		break;
	case YM_GEN_TCP_LINUX:
	default:
		end->window = 64256 * 4;
		end->wscale = 7;
		end->mss = 1460;
		break;
	}
}

void
_ym_gen_tcp_init(YmGenTcp *tcp,
                 const guint8 *client_mac,
                 guint32 client_ip,
                 guint16 client_port,
                 YmGenTcpStyle client_style,
                 const guint8 *server_mac,
                 guint32 server_ip,
                 guint16 server_port,
                 YmGenTcpStyle server_style,
                 guint8 server_ttl,
                 gint64 rtt)
{
	memset(tcp, 0, sizeof(*tcp));
	ym_gen_tcp_end_init(&tcp->end[YM_GEN_CLIENT], client_mac, client_ip, client_port,
	                    client_style);
	ym_gen_tcp_end_init(&tcp->end[YM_GEN_SERVER], server_mac, server_ip, server_port,
	                    server_style);
	if (server_ttl != 0)
		tcp->end[YM_GEN_SERVER].ttl = server_ttl;
	tcp->timestamps =
	    ym_gen_tcp_style_has_ts(client_style) && ym_gen_tcp_style_has_ts(server_style);
	tcp->sack = client_style != YM_GEN_TCP_LWIP && server_style != YM_GEN_TCP_LWIP;
	if (!ym_gen_tcp_style_has_ws(client_style) || !ym_gen_tcp_style_has_ws(server_style)) {
		/* without scaling on both sides windows stay below 64 KiB */
		for (guint i = 0; i < 2; i++) {
			tcp->end[i].wscale = 0;
			tcp->end[i].window = MIN(tcp->end[i].window, 65535);
		}
	}
	tcp->rtt = MAX(rtt, 200);
	tcp->lan = 150;
	tcp->gap[YM_GEN_CLIENT] = 40;
	tcp->gap[YM_GEN_SERVER] = 100;
}

gsize
_ym_gen_tcp_segment_size(const YmGenTcp *tcp)
{
	gsize mss = MIN(tcp->end[0].mss, tcp->end[1].mss);
	return tcp->timestamps ? mss - 12 : mss;
}

gint64
_ym_gen_tcp_reply_delay(const YmGenTcp *tcp, guint dir)
{
	return dir == YM_GEN_CLIENT ? tcp->rtt : tcp->lan;
}

gint64
_ym_gen_tcp_pace(const YmGenTcp *tcp, guint dir, gint64 gap)
{
	/* acks come back one reply delay later, so a rate of one segment per
	 * gap keeps delay / gap segments in flight */
	gint64 window = (gint64) tcp->end[!dir].window / 2;
	gint64 need = _ym_gen_tcp_reply_delay(tcp, dir) * (gint64) _ym_gen_tcp_segment_size(tcp);
	if (window > 0 && need / window > gap)
		return need / window + 1;
	return gap;
}

/* options of a SYN (@peer_syn NULL) or of the SYN-ACK answering it */
static gsize
ym_gen_tcp_syn_options(const YmGenTcp *tcp, guint dir, guint32 tsval, guint32 tsecr, guint8 *o)
{
	const YmGenTcpEnd *me = &tcp->end[dir];
	gboolean ts = dir == YM_GEN_CLIENT ? ym_gen_tcp_style_has_ts(me->style) : tcp->timestamps;
	gboolean ws = dir == YM_GEN_CLIENT ? ym_gen_tcp_style_has_ws(me->style)
	                                   : ym_gen_tcp_style_has_ws(tcp->end[0].style) &&
	                                         ym_gen_tcp_style_has_ws(me->style);
	gboolean sack = dir == YM_GEN_CLIENT ? me->style != YM_GEN_TCP_LWIP : tcp->sack;
	gsize n = 0;

	/* MSS */
	o[n++] = 2;
	o[n++] = 4;
	ym_gen_put16(o + n, me->mss);
	n += 2;
	switch (me->style) {
	case YM_GEN_TCP_WINDOWS:
		if (ws) {
			o[n++] = 1;
			o[n++] = 3;
			o[n++] = 3;
			o[n++] = me->wscale;
		}
		if (sack) {
			o[n++] = 1;
			o[n++] = 1;
			o[n++] = 4;
			o[n++] = 2;
		}
		break;
	case YM_GEN_TCP_APPLE:
		if (ws) {
			o[n++] = 1;
			o[n++] = 3;
			o[n++] = 3;
			o[n++] = me->wscale;
		}
		o[n++] = 1;
		o[n++] = 1;
		if (ts) {
			o[n++] = 8;
			o[n++] = 10;
			ym_gen_put32(o + n, tsval);
			ym_gen_put32(o + n + 4, tsecr);
			n += 8;
		}
		if (sack) {
			o[n++] = 4;
			o[n++] = 2;
		}
		o[n++] = 0;
		o[n++] = 0;
		break;
	case YM_GEN_TCP_LWIP:
		break;
	case YM_GEN_TCP_LINUX:
	default:
		if (sack && ts) {
			o[n++] = 4;
			o[n++] = 2;
		} else if (sack) {
			o[n++] = 1;
			o[n++] = 1;
			o[n++] = 4;
			o[n++] = 2;
		}
		if (ts) {
			o[n++] = 8;
			o[n++] = 10;
			ym_gen_put32(o + n, tsval);
			ym_gen_put32(o + n + 4, tsecr);
			n += 8;
		}
		if (ws) {
			o[n++] = 1;
			o[n++] = 3;
			o[n++] = 3;
			o[n++] = me->wscale;
		}
		break;
	}
	while (n % 4 != 0)
		o[n++] = 1;
	return n;
}

static void
ym_gen_tcp_emit(YmGenCtx *ctx,
                YmGenTcp *tcp,
                guint dir,
                guint8 flags,
                guint32 seq,
                const guint8 *payload,
                gsize length,
                gint64 t)
{
	YmGenTcpEnd *me = &tcp->end[dir];
	YmGenTcpEnd *peer = &tcp->end[!dir];
	guint8 options[40];
	gsize optlen = 0;
	guint32 tsval = me->ts_base + (guint32) ((MAX(t, tcp->start) - tcp->start) / 1000);
	guint16 window;
	YmGenIp4 ip = {
	    .src_mac = me->mac,
	    .dst_mac = peer->mac,
	    .src = me->ip,
	    .dst = peer->ip,
	    .ttl = me->ttl,
	    .id = me->ip_id++,
	    .df = TRUE,
	};
	guint8 *p;
	guint8 *th;
	gsize n;

	if (flags & YM_GEN_TCP_SYN) {
		optlen = ym_gen_tcp_syn_options(tcp, dir, tsval, me->ts_echo, options);
		window = (guint16) MIN(me->window, 65535);
		if (me->style == YM_GEN_TCP_LINUX || me->style == YM_GEN_TCP_WINDOWS)
			window = dir == YM_GEN_SERVER && tcp->timestamps ? 65160 : 64240;
	} else {
		if (tcp->timestamps) {
			options[0] = 1;
			options[1] = 1;
			options[2] = 8;
			options[3] = 10;
			ym_gen_put32(options + 4, tsval);
			ym_gen_put32(options + 8, me->ts_echo);
			optlen = 12;
		}
		window = (guint16) MIN(me->window >> me->wscale, 65535);
	}
	if (flags & YM_GEN_TCP_RST)
		window = 0;
	peer->ts_echo = tsval;
	if (flags & YM_GEN_TCP_ACK)
		me->unacked = 0;

	p = _ym_gen_frame_begin(ctx, t);
	n = ym_gen_put_eth(p, ip.dst_mac, ip.src_mac, 0x0800);
	length = MIN(length, YM_GEN_FRAME_MAX - n - 20 - 20 - optlen);
	n += ym_gen_put_ip4(p + n, &ip, 6, NULL, 0, 20 + optlen + length);
	th = p + n;
	ym_gen_put16(th, me->port);
	ym_gen_put16(th + 2, peer->port);
	ym_gen_put32(th + 4, seq);
	ym_gen_put32(th + 8, (flags & YM_GEN_TCP_ACK) ? peer->seq : 0);
	th[12] = (guint8) (((20 + optlen) / 4) << 4);
	th[13] = flags;
	ym_gen_put16(th + 14, window);
	ym_gen_put16(th + 16, 0);
	ym_gen_put16(th + 18, 0);
	memcpy(th + 20, options, optlen);
	if (length > 0)
		memcpy(th + 20 + optlen, payload, length);
	ym_gen_put16(th + 16, _ym_gen_csum_fold(_ym_gen_csum_add(
	                          ym_gen_pseudo4(ip.src, ip.dst, 6, 20 + optlen + length), th,
	                          20 + optlen + length)));
	_ym_gen_frame_end(ctx, n + 20 + optlen + length);
}

gint64
_ym_gen_tcp_connect(YmGenCtx *ctx, YmGenTcp *tcp, gint64 t)
{
	YmGenTcpEnd *c = &tcp->end[YM_GEN_CLIENT];
	YmGenTcpEnd *s = &tcp->end[YM_GEN_SERVER];

	tcp->start = t;
	c->seq = (guint32) _ym_gen_rand(ctx);
	s->seq = (guint32) _ym_gen_rand(ctx);
	c->ts_base = (guint32) _ym_gen_rand(ctx);
	s->ts_base = (guint32) _ym_gen_rand(ctx);
	c->ip_id = (guint16) _ym_gen_rand(ctx);
	s->ip_id = (guint16) _ym_gen_rand(ctx);

	ym_gen_tcp_emit(ctx, tcp, YM_GEN_CLIENT, YM_GEN_TCP_SYN, c->seq, NULL, 0, t);
	c->seq++;
	t += tcp->rtt;
	ym_gen_tcp_emit(ctx, tcp, YM_GEN_SERVER, YM_GEN_TCP_SYN | YM_GEN_TCP_ACK, s->seq, NULL, 0,
	                t);
	s->seq++;
	t += tcp->lan;
	ym_gen_tcp_emit(ctx, tcp, YM_GEN_CLIENT, YM_GEN_TCP_ACK, c->seq, NULL, 0, t);
	return t;
}

gint64
_ym_gen_tcp_segment(YmGenCtx *ctx,
                    YmGenTcp *tcp,
                    guint dir,
                    guint8 flags,
                    const guint8 *data,
                    gsize length,
                    gint64 t)
{
	YmGenTcpEnd *me = &tcp->end[dir];
	YmGenTcpEnd *peer = &tcp->end[!dir];
	guint32 seq = me->seq;

	length = MIN(length, _ym_gen_tcp_segment_size(tcp));
	me->seq += (guint32) length;
	ym_gen_tcp_emit(ctx, tcp, dir, flags | YM_GEN_TCP_ACK, seq, data, length, t);
	if (length > 0 && peer->unacked < 255)
		peer->unacked++;
	/* the receiver acknowledges every second full segment at once */
	if (peer->unacked >= 2 || (tcp->ack_every && length > 0)) {
		ym_gen_tcp_emit(ctx, tcp, !dir, YM_GEN_TCP_ACK, peer->seq, NULL, 0,
		                t + _ym_gen_tcp_reply_delay(tcp, dir));
	}
	return t;
}

gint64
_ym_gen_tcp_send(YmGenCtx *ctx,
                 YmGenTcp *tcp,
                 guint dir,
                 const guint8 *data,
                 gsize length,
                 gint64 t)
{
	gsize mss = _ym_gen_tcp_segment_size(tcp);
	gsize offset = 0;
	gint64 last = t;
	gint64 gap = _ym_gen_tcp_pace(tcp, dir, tcp->gap[dir]);

	while (offset < length) {
		gsize n = MIN(mss, length - offset);
		gboolean final = offset + n == length;
		last = _ym_gen_tcp_segment(ctx, tcp, dir, final ? YM_GEN_TCP_PSH : 0, data + offset,
		                           n, t);
		offset += n;
		t += gap;
	}
	return last;
}

gint64
_ym_gen_tcp_send_noise(YmGenCtx *ctx, YmGenTcp *tcp, guint dir, gsize length, gint64 t)
{
	gsize mss = _ym_gen_tcp_segment_size(tcp);
	gint64 last = t;
	gint64 gap = _ym_gen_tcp_pace(tcp, dir, tcp->gap[dir]);

	while (length > 0) {
		gsize n = MIN(mss, length);
		length -= n;
		last = _ym_gen_tcp_segment(ctx, tcp, dir, length == 0 ? YM_GEN_TCP_PSH : 0,
		                           _ym_gen_noise(ctx, n), n, t);
		t += gap;
	}
	return last;
}

gint64
_ym_gen_tcp_ack(YmGenCtx *ctx, YmGenTcp *tcp, guint dir, gint64 t)
{
	YmGenTcpEnd *me = &tcp->end[dir];
	if (me->unacked == 0)
		return t;
	ym_gen_tcp_emit(ctx, tcp, dir, YM_GEN_TCP_ACK, me->seq, NULL, 0, t);
	return t;
}

gint64
_ym_gen_tcp_close(YmGenCtx *ctx, YmGenTcp *tcp, guint dir, gint64 t)
{
	YmGenTcpEnd *me = &tcp->end[dir];
	YmGenTcpEnd *peer = &tcp->end[!dir];

	ym_gen_tcp_emit(ctx, tcp, dir, YM_GEN_TCP_FIN | YM_GEN_TCP_ACK, me->seq, NULL, 0, t);
	me->seq++;
	t += _ym_gen_tcp_reply_delay(tcp, dir);
	ym_gen_tcp_emit(ctx, tcp, !dir, YM_GEN_TCP_FIN | YM_GEN_TCP_ACK, peer->seq, NULL, 0, t);
	peer->seq++;
	t += _ym_gen_tcp_reply_delay(tcp, !dir);
	ym_gen_tcp_emit(ctx, tcp, dir, YM_GEN_TCP_ACK, me->seq, NULL, 0, t);
	return t;
}

gint64
_ym_gen_tcp_keepalive(YmGenCtx *ctx, YmGenTcp *tcp, guint dir, gint64 t)
{
	YmGenTcpEnd *me = &tcp->end[dir];
	YmGenTcpEnd *peer = &tcp->end[!dir];

	ym_gen_tcp_emit(ctx, tcp, dir, YM_GEN_TCP_ACK, me->seq - 1, NULL, 0, t);
	t += _ym_gen_tcp_reply_delay(tcp, dir);
	ym_gen_tcp_emit(ctx, tcp, !dir, YM_GEN_TCP_ACK, peer->seq, NULL, 0, t);
	return t;
}
