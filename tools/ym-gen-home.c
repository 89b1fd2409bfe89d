/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The home network: devices on 192.168.10.0/24 behind the router, what
 * every device does when it joins (IPv6 link-local set-up, DHCP,
 * ARP, IGMP), and the shared behaviours the device table builds on:
 * DNS through the router, mDNS (RFC 6762/6763), SSDP, NetBIOS name
 * service (RFC 1002), LLMNR (RFC 4795), NTP (RFC 5905), HTTP and TLS
 * sessions to the internet, and long-lived cloud connections.
 */

#define G_LOG_DOMAIN "YmGen"

#include "config.h"

#include <string.h>

#include "ym-gen-private.h"

static const guint8 ym_gen_mdns6[16] = {0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xfb};
static const guint8 ym_gen_all_routers6[16] = {0xff, 0x02, 0, 0, 0, 0, 0, 0,
                                               0,    0,    0, 0, 0, 0, 0, 0x02};
static const guint8 ym_gen_mld_routers6[16] = {0xff, 0x02, 0, 0, 0, 0, 0, 0,
                                               0,    0,    0, 0, 0, 0, 0, 0x16};
static const guint8 ym_gen_llmnr6[16] = {0xff, 0x02, 0, 0, 0, 0,    0, 0,
                                         0,    0,    0, 0, 0, 0x01, 0, 0x03};
static const guint8 ym_gen_unspecified6[16] = {0};

#define YM_GEN_MDNS4  YM_GEN_IP4(224, 0, 0, 251)
#define YM_GEN_SSDP4  YM_GEN_IP4(239, 255, 255, 250)
#define YM_GEN_LLMNR4 YM_GEN_IP4(224, 0, 0, 252)
#define YM_GEN_IGMP3  YM_GEN_IP4(224, 0, 0, 22)

/* home */

static void
ym_gen_hex(YmGenCtx *ctx, gchar *out, guint digits, gboolean upper)
{
	const gchar *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	for (guint i = 0; i < digits; i++)
		out[i] = hex[_ym_gen_below(ctx, 16)];
	out[digits] = '\0';
}

YmGenHome *
_ym_gen_home_new(YmGenCtx *ctx)
{
	YmGenHome *home = g_new0(YmGenHome, 1);
	guint n_infos = 0;
	const YmGenDeviceInfo *infos = _ym_gen_device_infos(&n_infos);

	home->devices = g_new0(YmGenDevice, n_infos);
	home->n_devices = n_infos;
	for (guint i = 0; i < n_infos; i++) {
		YmGenDevice *device = &home->devices[i];
		const YmGenDeviceInfo *info = &infos[i];
		gchar hex[33];

		device->info = info;
		device->home = home;
		device->ip = YM_GEN_LAN_NET | info->host;
		if (info->mac == NULL || !_ym_gen_parse_mac(info->mac, device->mac)) {
			/* private Wi-Fi address: locally administered, unicast */
			_ym_gen_fill(ctx, device->mac, 6);
			device->mac[0] = (device->mac[0] & 0xfc) | 0x02;
		}
		device->ip_id = (guint16) _ym_gen_rand(ctx);
		device->port = (guint16) (49152 + _ym_gen_below(ctx, 4000));
		device->xid = (guint32) _ym_gen_rand(ctx);
		ym_gen_hex(ctx, hex, 32, FALSE);
		g_snprintf(device->uuid, sizeof(device->uuid), "%.8s-%.4s-4%.3s-a%.3s-%.12s", hex,
		           hex + 8, hex + 12, hex + 15, hex + 18);
		ym_gen_hex(ctx, device->id, 32, FALSE);
		ym_gen_hex(ctx, device->id2, 32, TRUE);
		ym_gen_hex(ctx, device->serial, 10, TRUE);
		if (info->ipv6) {
			device->ip6[0] = 0xfe;
			device->ip6[1] = 0x80;
			if (info->os == YM_GEN_OS_LINUX) {
				/* modified EUI-64 */
				device->ip6[8] = device->mac[0] ^ 0x02;
				device->ip6[9] = device->mac[1];
				device->ip6[10] = device->mac[2];
				device->ip6[11] = 0xff;
				device->ip6[12] = 0xfe;
				device->ip6[13] = device->mac[3];
				device->ip6[14] = device->mac[4];
				device->ip6[15] = device->mac[5];
			} else {
				/* RFC 7217 / RFC 8981 style random interface identifier */
				_ym_gen_fill(ctx, device->ip6 + 8, 8);
			}
		}
		if (info->kind == YM_GEN_KIND_ROUTER)
			home->router = device;
	}
	g_assert(home->router != NULL);
	return home;
}

void
_ym_gen_home_free(YmGenHome *home)
{
	if (home == NULL)
		return;
	g_free(home->devices);
	g_free(home);
}

YmGenDevice *
_ym_gen_home_find(YmGenHome *home, const gchar *key)
{
	for (guint i = 0; i < home->n_devices; i++) {
		if (g_strcmp0(home->devices[i].info->key, key) == 0)
			return &home->devices[i];
	}
	return NULL;
}

YmGenDevice *
_ym_gen_home_find_ip(YmGenHome *home, guint32 ip)
{
	for (guint i = 0; i < home->n_devices; i++) {
		if (home->devices[i].ip == ip)
			return &home->devices[i];
	}
	return NULL;
}

const gchar *
_ym_gen_kind_to_string(YmGenKind kind)
{
	switch (kind) {
	case YM_GEN_KIND_ROUTER:
		return "router";
	case YM_GEN_KIND_COMPUTER:
		return "computer";
	case YM_GEN_KIND_PHONE:
		return "phone";
	case YM_GEN_KIND_TABLET:
		return "tablet";
	case YM_GEN_KIND_TV:
		return "tv";
	case YM_GEN_KIND_SPEAKER:
		return "speaker";
	case YM_GEN_KIND_CAMERA:
		return "camera";
	case YM_GEN_KIND_PRINTER:
		return "printer";
	case YM_GEN_KIND_NAS:
		return "nas";
	case YM_GEN_KIND_PLUG:
		return "plug";
	case YM_GEN_KIND_LOCK:
		return "lock";
	case YM_GEN_KIND_THERMOSTAT:
		return "thermostat";
	default:
		return "unknown";
	}
}

gchar *
_ym_gen_home_to_tsv(YmGenHome *home)
{
	GString *str = g_string_new("mac\tip\tvendor\thostname\tkind\tmodel\tos\n");
	for (guint i = 0; i < home->n_devices; i++) {
		YmGenDevice *device = &home->devices[i];
		const YmGenDeviceInfo *info = device->info;
		g_string_append_printf(
		    str, "%02x:%02x:%02x:%02x:%02x:%02x\t%u.%u.%u.%u\t%s\t%s\t%s\t%s\t%s\n",
		    device->mac[0], device->mac[1], device->mac[2], device->mac[3], device->mac[4],
		    device->mac[5], device->ip >> 24, (device->ip >> 16) & 0xff,
		    (device->ip >> 8) & 0xff, device->ip & 0xff,
		    info->vendor != NULL ? info->vendor : "",
		    info->hostname != NULL ? info->hostname : "",
		    _ym_gen_kind_to_string(info->kind), info->model != NULL ? info->model : "",
		    info->os_name != NULL ? info->os_name : "");
	}
	return g_string_free(str, FALSE);
}

/* device helpers */

guint16
_ym_gen_device_port(YmGenCtx *ctx, YmGenDevice *device)
{
	switch (device->info->os) {
	case YM_GEN_OS_WINDOWS:
	case YM_GEN_OS_LWIP:
	case YM_GEN_OS_RTOS:
		/* sequential ephemeral ports */
		device->port = device->port >= 65500 ? 49152 : device->port + 1;
		return device->port;
	case YM_GEN_OS_LINUX:
	case YM_GEN_OS_ANDROID:
	case YM_GEN_OS_ROUTER:
		return (guint16) (32768 + _ym_gen_below(ctx, 60999 - 32768));
	case YM_GEN_OS_MACOS:
	case YM_GEN_OS_IOS:
	default:
		return (guint16) (49152 + _ym_gen_below(ctx, 65535 - 49152));
	}
}

YmGenTcpStyle
_ym_gen_device_tcp_style(const YmGenDevice *device)
{
	switch (device->info->os) {
	case YM_GEN_OS_WINDOWS:
		return YM_GEN_TCP_WINDOWS;
	case YM_GEN_OS_MACOS:
	case YM_GEN_OS_IOS:
		return YM_GEN_TCP_APPLE;
	case YM_GEN_OS_LWIP:
	case YM_GEN_OS_RTOS:
		return YM_GEN_TCP_LWIP;
	case YM_GEN_OS_LINUX:
	case YM_GEN_OS_ANDROID:
	case YM_GEN_OS_ROUTER:
	default:
		return YM_GEN_TCP_LINUX;
	}
}

guint8
_ym_gen_device_ttl(const YmGenDevice *device)
{
	switch (device->info->os) {
	case YM_GEN_OS_WINDOWS:
		return 128;
	case YM_GEN_OS_RTOS:
		return 255;
	default:
		return 64;
	}
}

void
_ym_gen_device_ip4(YmGenDevice *device, YmGenIp4 *ip, const guint8 *dst_mac, guint32 dst)
{
	memset(ip, 0, sizeof(*ip));
	ip->src_mac = device->mac;
	ip->dst_mac = dst_mac;
	ip->src = device->ip;
	ip->dst = dst;
	ip->ttl = _ym_gen_device_ttl(device);
	ip->df = device->info->os == YM_GEN_OS_LINUX || device->info->os == YM_GEN_OS_ANDROID;
	/* Linux puts 0 in the ID of DF datagrams */
	ip->id = ip->df ? 0 : device->ip_id++;
}

void
_ym_gen_device_udp(YmGenCtx *ctx,
                   YmGenDevice *device,
                   gint64 t,
                   const guint8 *dst_mac,
                   guint32 dst,
                   guint16 sport,
                   guint16 dport,
                   guint8 ttl,
                   const guint8 *data,
                   gsize length)
{
	YmGenIp4 ip;
	_ym_gen_device_ip4(device, &ip, dst_mac, dst);
	if (ttl != 0)
		ip.ttl = ttl;
	_ym_gen_emit_udp4(ctx, t, &ip, sport, dport, data, length);
}

void
_ym_gen_device_udp6(YmGenCtx *ctx,
                    YmGenDevice *device,
                    gint64 t,
                    const guint8 *dst,
                    guint16 sport,
                    guint16 dport,
                    guint8 hop_limit,
                    const guint8 *data,
                    gsize length)
{
	guint8 mac[6];
	YmGenIp6 ip = {
	    .src_mac = device->mac,
	    .dst_mac = mac,
	    .src = device->ip6,
	    .dst = dst,
	    .hop_limit = hop_limit,
	};
	_ym_gen_mac_for_ip6_group(dst, mac);
	_ym_gen_emit_udp6(ctx, t, &ip, sport, dport, data, length);
}

static YmGenDevice *
ym_gen_router(YmGenDevice *device)
{
	return device->home->router;
}

/* which zone answers the SOA for a name without the asked type */
static const gchar *
ym_gen_zone_of(const gchar *name)
{
	const gchar *last = NULL;
	const gchar *prev = NULL;
	const gchar *prev2 = NULL;
	for (const gchar *p = name; *p != '\0'; p++) {
		if (*p == '.') {
			prev2 = prev;
			prev = last;
			last = p;
		}
	}
	if (last == NULL || prev == NULL)
		return name;
	/* "co.jp", "ne.jp" and friends have one more label */
	if (strlen(last) == 3 && last - prev == 3 && prev2 != NULL)
		return prev2 + 1;
	return prev + 1;
}

/* the router's answer: CNAME chain and addresses, or NXDOMAIN */
static gsize
ym_gen_dns_answer(YmGenCtx *ctx,
                  guint16 id,
                  const gchar *name,
                  guint16 type,
                  const YmGenSite *site,
                  guint8 *out,
                  gsize cap)
{
	YmGenBuf buf;
	YmDnsWriter writer;
	const gchar *zone =
	    ym_gen_zone_of(site != NULL && site->cname != NULL ? site->cname : name);

	_ym_gen_buf_init(&buf, out, cap);
	_ym_dns_writer_init(&writer, &buf, id, site != NULL ? 0x8180 : 0x8183);
	_ym_dns_writer_question(&writer, name, type, YM_DNS_CLASS_IN);
	if (site != NULL && type == YM_DNS_TYPE_A) {
		const gchar *owner = name;
		if (site->cname != NULL) {
			_ym_dns_writer_rr_name(&writer, YM_DNS_ANSWER, name, YM_DNS_TYPE_CNAME,
			                       YM_DNS_CLASS_IN, site->ttl, site->cname);
			owner = site->cname;
		}
		for (guint i = 0; i < G_N_ELEMENTS(site->address) && site->address[i] != 0; i++)
			_ym_dns_writer_rr_a(&writer, YM_DNS_ANSWER, owner, YM_DNS_CLASS_IN,
			                    site->ttl, site->address[i]);
	} else if (site != NULL && site->cname != NULL) {
		_ym_dns_writer_rr_name(&writer, YM_DNS_ANSWER, name, YM_DNS_TYPE_CNAME,
		                       YM_DNS_CLASS_IN, site->ttl, site->cname);
	} else {
		g_autofree gchar *mname = g_strdup_printf("ns1.%s", zone);
		g_autofree gchar *rname = g_strdup_printf("dns-admin.%s", zone);
		_ym_dns_writer_rr_soa(&writer, YM_DNS_AUTHORITY, zone, 60, mname, rname,
		                      2026033101);
	}
	_ym_dns_writer_finish(&writer);
	(void) ctx;
	return buf.len;
}

static gsize
ym_gen_dns_query(guint16 id, const gchar *name, guint16 type, guint8 *out, gsize cap)
{
	YmGenBuf buf;
	YmDnsWriter writer;
	_ym_gen_buf_init(&buf, out, cap);
	_ym_dns_writer_init(&writer, &buf, id, 0x0100);
	_ym_dns_writer_question(&writer, name, type, YM_DNS_CLASS_IN);
	_ym_dns_writer_finish(&writer);
	return buf.len;
}

static gboolean
ym_gen_device_asks_https_rr(const YmGenDevice *device)
{
	/* Apple platforms and Chrome ask for SVCB/HTTPS records alongside A */
	return device->info->os == YM_GEN_OS_MACOS || device->info->os == YM_GEN_OS_IOS;
}

guint32
_ym_gen_device_resolve(YmGenCtx *ctx, YmGenDevice *device, const gchar *name, gint64 *t)
{
	YmGenDevice *router = ym_gen_router(device);
	const YmGenSite *site = _ym_gen_site_lookup(name);
	guint8 data[512];
	guint16 sport = _ym_gen_device_port(ctx, device);
	guint16 id = (guint16) _ym_gen_rand(ctx);
	gint64 when = *t;
	gint64 delay = _ym_gen_chance(ctx, 60) ? _ym_gen_between(ctx, 400, 1500)
	                                       : _ym_gen_between(ctx, 6000, 25000);
	gsize n;
	YmGenIp4 ip;

	n = ym_gen_dns_query(id, name, YM_DNS_TYPE_A, data, sizeof(data));
	_ym_gen_device_udp(ctx, device, when, router->mac, router->ip, sport, 53, 0, data, n);
	if (ym_gen_device_asks_https_rr(device)) {
		guint16 sport2 = _ym_gen_device_port(ctx, device);
		guint16 id2 = (guint16) _ym_gen_rand(ctx);
		n = ym_gen_dns_query(id2, name, YM_DNS_TYPE_HTTPS, data, sizeof(data));
		_ym_gen_device_udp(ctx, device, when + 120, router->mac, router->ip, sport2, 53, 0,
		                   data, n);
		n = ym_gen_dns_answer(ctx, id2, name, YM_DNS_TYPE_HTTPS, site, data, sizeof(data));
		_ym_gen_device_ip4(router, &ip, device->mac, device->ip);
		_ym_gen_emit_udp4(ctx, when + delay + 300, &ip, 53, sport2, data, n);
	}
	n = ym_gen_dns_answer(ctx, id, name, YM_DNS_TYPE_A, site, data, sizeof(data));
	_ym_gen_device_ip4(router, &ip, device->mac, device->ip);
	_ym_gen_emit_udp4(ctx, when + delay, &ip, 53, sport, data, n);
	*t = when + delay + 400;
	return site != NULL ? site->address[_ym_gen_below(ctx, site->address[1] != 0 ? 2 : 1)] : 0;
}

void
_ym_gen_device_tcp_to(YmGenCtx *ctx,
                      YmGenDevice *device,
                      YmGenTcp *tcp,
                      guint32 address,
                      guint16 port,
                      const YmGenSite *site)
{
	YmGenDevice *peer = _ym_gen_home_find_ip(device->home, address);
	/* draw in a fixed order: argument evaluation order is unspecified */
	guint16 sport = _ym_gen_device_port(ctx, device);
	gint64 jitter = _ym_gen_between(ctx, 0, 2000);

	if (peer != NULL) {
		_ym_gen_tcp_init(tcp, device->mac, device->ip, sport,
		                 _ym_gen_device_tcp_style(device), peer->mac, peer->ip, port,
		                 _ym_gen_device_tcp_style(peer), _ym_gen_device_ttl(peer),
		                 700 + jitter);
		tcp->end[YM_GEN_CLIENT].ttl = _ym_gen_device_ttl(device);
		tcp->gap[YM_GEN_SERVER] = 40;
		return;
	}
	_ym_gen_tcp_init(tcp, device->mac, device->ip, sport, _ym_gen_device_tcp_style(device),
	                 ym_gen_router(device)->mac, address, port, YM_GEN_TCP_LINUX,
	                 site != NULL ? site->ip_ttl : 52,
	                 (site != NULL ? site->rtt_ms : 30) * YM_GEN_MSEC + jitter);
	tcp->end[YM_GEN_CLIENT].ttl = _ym_gen_device_ttl(device);
}

gboolean
_ym_gen_device_connect(YmGenCtx *ctx,
                       YmGenDevice *device,
                       YmGenTcp *tcp,
                       const gchar *name,
                       guint16 port,
                       gint64 *t)
{
	const YmGenSite *site = _ym_gen_site_lookup(name);
	guint32 address = _ym_gen_device_resolve(ctx, device, name, t);

	if (address == 0)
		return FALSE;
	_ym_gen_device_tcp_to(ctx, device, tcp, address, port, site);
	*t = _ym_gen_tcp_connect(ctx, tcp, *t);
	return TRUE;
}

gint64
_ym_gen_device_https(YmGenCtx *ctx,
                     YmGenDevice *device,
                     YmTlsClient client,
                     const gchar *name,
                     guint16 port,
                     const gchar *alpn,
                     gsize up,
                     gsize down,
                     gint64 t)
{
	YmGenTcp tcp;
	YmTlsSession session;

	if (!_ym_gen_device_connect(ctx, device, &tcp, name, port, &t))
		return t;
	t = _ym_tls_handshake(ctx, &tcp, &session, client, _ym_gen_site_tls(name), name, alpn, t);
	t = _ym_tls_send(ctx, &tcp, &session, YM_GEN_CLIENT, up, t);
	t += tcp.rtt + _ym_gen_between(ctx, 500, 20000);
	t = _ym_tls_send(ctx, &tcp, &session, YM_GEN_SERVER, down, t);
	t = _ym_gen_tcp_ack(ctx, &tcp, YM_GEN_CLIENT, t + tcp.lan);
	/* a second request on the same connection now and then */
	if (_ym_gen_chance(ctx, 30)) {
		t += _ym_gen_between(ctx, 50 * YM_GEN_MSEC, 900 * YM_GEN_MSEC);
		t = _ym_tls_send(ctx, &tcp, &session, YM_GEN_CLIENT, up / 2 + 200, t);
		t += tcp.rtt + _ym_gen_between(ctx, 500, 10000);
		t = _ym_tls_send(ctx, &tcp, &session, YM_GEN_SERVER, down / 3 + 500, t);
		t = _ym_gen_tcp_ack(ctx, &tcp, YM_GEN_CLIENT, t + tcp.lan);
	}
	t += _ym_gen_between(ctx, 200 * YM_GEN_MSEC, 3 * YM_GEN_SEC);
	return _ym_tls_close(ctx, &tcp, &session, YM_GEN_CLIENT, t);
}

gint64
_ym_gen_device_http_exchange(YmGenCtx *ctx,
                             YmGenDevice *device,
                             guint32 address,
                             guint16 port,
                             const YmGenSite *site,
                             const gchar *request,
                             const gchar *response_head,
                             const gchar *body,
                             gsize body_length,
                             gint64 t)
{
	YmGenTcp tcp;
	gsize head_len = strlen(response_head);

	_ym_gen_device_tcp_to(ctx, device, &tcp, address, port, site);
	t = _ym_gen_tcp_connect(ctx, &tcp, t);
	t = _ym_gen_tcp_send(ctx, &tcp, YM_GEN_CLIENT, (const guint8 *) request, strlen(request),
	                     t + 100);
	t += tcp.rtt + _ym_gen_between(ctx, 300, 8000);

	/* head and body as one byte stream */
	if (head_len + body_length <= 16384) {
		guint8 data[16384];
		memcpy(data, response_head, head_len);
		if (body != NULL)
			memcpy(data + head_len, body, body_length);
		else
			memcpy(data + head_len, _ym_gen_noise(ctx, body_length), body_length);
		t = _ym_gen_tcp_send(ctx, &tcp, YM_GEN_SERVER, data, head_len + body_length, t);
	} else {
		t = _ym_gen_tcp_segment(ctx, &tcp, YM_GEN_SERVER, 0, (const guint8 *) response_head,
		                        head_len, t);
		t = _ym_gen_tcp_send_noise(ctx, &tcp, YM_GEN_SERVER, body_length,
		                           t + tcp.gap[YM_GEN_SERVER]);
	}
	t = _ym_gen_tcp_ack(ctx, &tcp, YM_GEN_CLIENT, t + tcp.lan);
	t += _ym_gen_between(ctx, 2 * YM_GEN_MSEC, 400 * YM_GEN_MSEC);
	return _ym_gen_tcp_close(ctx, &tcp, YM_GEN_CLIENT, t);
}

gint64
_ym_gen_device_http(YmGenCtx *ctx,
                    YmGenDevice *device,
                    const gchar *name,
                    const gchar *request,
                    const gchar *response_head,
                    const gchar *body,
                    gsize body_length,
                    gint64 t)
{
	const YmGenSite *site = _ym_gen_site_lookup(name);
	guint32 address = _ym_gen_device_resolve(ctx, device, name, &t);
	if (address == 0)
		return t;
	return _ym_gen_device_http_exchange(ctx, device, address, 80, site, request, response_head,
	                                    body, body_length, t);
}

/* NTP: seconds from 1900 to 1970 */
#define YM_GEN_NTP_EPOCH G_GUINT64_CONSTANT(2208988800)

static void
ym_gen_ntp_time(YmGenBuf *buf, gint64 t)
{
	guint64 secs = (guint64) (t / YM_GEN_SEC) + YM_GEN_NTP_EPOCH;
	guint64 frac = ((guint64) (t % YM_GEN_SEC) << 32) / (guint64) YM_GEN_SEC;
	_ym_gen_buf_put_be32(buf, (guint32) secs);
	_ym_gen_buf_put_be32(buf, (guint32) frac);
}

gint64
_ym_gen_device_ntp(YmGenCtx *ctx, YmGenDevice *device, const gchar *name, gint64 t)
{
	const YmGenSite *site = _ym_gen_site_lookup(name);
	guint32 address = _ym_gen_device_resolve(ctx, device, name, &t);
	YmGenDevice *router = ym_gen_router(device);
	guint8 data[48];
	YmGenBuf buf;
	YmGenIp4 ip;
	guint16 sport = device->info->os == YM_GEN_OS_MACOS || device->info->os == YM_GEN_OS_WINDOWS
	                    ? 123
	                    : _ym_gen_device_port(ctx, device);
	gint64 rtt =
	    (site != NULL ? site->rtt_ms : 20) * YM_GEN_MSEC + _ym_gen_between(ctx, 0, 900);
	guint64 origin = (guint64) _ym_gen_rand(ctx);

	if (address == 0)
		return t;

	/* client request: v4, mode 3; the transmit time is an opaque cookie */
	_ym_gen_buf_init(&buf, data, sizeof(data));
	_ym_gen_buf_put_u8(&buf, 0x23);
	_ym_gen_buf_put_u8(&buf, 0);
	_ym_gen_buf_put_u8(&buf, 10);
	_ym_gen_buf_put_u8(&buf, 0xe9);
	_ym_gen_buf_put_zeros(&buf, 36);
	_ym_gen_buf_put_be32(&buf, (guint32) (origin >> 32));
	_ym_gen_buf_put_be32(&buf, (guint32) origin);
	_ym_gen_device_udp(ctx, device, t, router->mac, address, sport, 123, 0, data, buf.len);

	/* server reply: mode 4, stratum 1 for NICT, 2 otherwise */
	_ym_gen_buf_init(&buf, data, sizeof(data));
	_ym_gen_buf_put_u8(&buf, 0x24);
	if (g_str_has_suffix(name, "nict.jp")) {
		_ym_gen_buf_put_u8(&buf, 1);
		_ym_gen_buf_put_u8(&buf, 10);
		_ym_gen_buf_put_u8(&buf, 0xe9);
		_ym_gen_buf_put_be32(&buf, 0);
		_ym_gen_buf_put_be32(&buf, 0x0000000a);
		_ym_gen_buf_put_str(&buf, "NICT");
	} else {
		_ym_gen_buf_put_u8(&buf, 2);
		_ym_gen_buf_put_u8(&buf, 10);
		_ym_gen_buf_put_u8(&buf, 0xe8);
		_ym_gen_buf_put_be32(&buf, 0x00000010);
		_ym_gen_buf_put_be32(&buf, 0x00000022);
		_ym_gen_buf_put_bytes(&buf, "GOOG", 4);
	}
	ym_gen_ntp_time(&buf, t - 16 * YM_GEN_SEC);
	_ym_gen_buf_put_be32(&buf, (guint32) (origin >> 32));
	_ym_gen_buf_put_be32(&buf, (guint32) origin);
	ym_gen_ntp_time(&buf, t + rtt / 2);
	ym_gen_ntp_time(&buf, t + rtt / 2 + 30);
	memset(&ip, 0, sizeof(ip));
	ip.src_mac = router->mac;
	ip.dst_mac = device->mac;
	ip.src = address;
	ip.dst = device->ip;
	ip.ttl = site != NULL ? site->ip_ttl : 52;
	ip.id = (guint16) _ym_gen_rand(ctx);
	ip.df = TRUE;
	_ym_gen_emit_udp4(ctx, t + rtt, &ip, 123, sport, data, buf.len);
	return t + rtt;
}

void
_ym_gen_device_nbns_register(YmGenCtx *ctx,
                             YmGenDevice *device,
                             const gchar *name,
                             guint8 suffix,
                             gboolean group,
                             gint64 t)
{
	guint8 data[128];
	YmGenBuf buf;
	gchar encoded[33];

	_ym_gen_netbios_encode(name, suffix, encoded);
	_ym_gen_buf_init(&buf, data, sizeof(data));
	_ym_gen_buf_put_be16(&buf, (guint16) (0x8000 + device->sequence++));
	_ym_gen_buf_put_be16(&buf, 0x2910); /* registration, RD, broadcast */
	_ym_gen_buf_put_be16(&buf, 1);
	_ym_gen_buf_put_be16(&buf, 0);
	_ym_gen_buf_put_be16(&buf, 0);
	_ym_gen_buf_put_be16(&buf, 1);
	_ym_gen_buf_put_u8(&buf, 32);
	_ym_gen_buf_put_str(&buf, encoded);
	_ym_gen_buf_put_u8(&buf, 0);
	_ym_gen_buf_put_be16(&buf, YM_DNS_TYPE_NB);
	_ym_gen_buf_put_be16(&buf, YM_DNS_CLASS_IN);
	_ym_gen_buf_put_be16(&buf, 0xc00c);
	_ym_gen_buf_put_be16(&buf, YM_DNS_TYPE_NB);
	_ym_gen_buf_put_be16(&buf, YM_DNS_CLASS_IN);
	_ym_gen_buf_put_be32(&buf, 300000);
	_ym_gen_buf_put_be16(&buf, 6);
	_ym_gen_buf_put_be16(&buf, group ? 0x8000 : 0x0000);
	_ym_gen_buf_put_be32(&buf, device->ip);
	_ym_gen_device_udp(ctx, device, t, _ym_gen_mac_broadcast, YM_GEN_LAN_BCAST, 137, 137, 0,
	                   data, buf.len);
}

void
_ym_gen_device_nbns_query(YmGenCtx *ctx, YmGenDevice *device, const gchar *name, gint64 t)
{
	guint8 data[64];
	YmGenBuf buf;
	gchar encoded[33];

	_ym_gen_netbios_encode(name, 0x20, encoded);
	_ym_gen_buf_init(&buf, data, sizeof(data));
	_ym_gen_buf_put_be16(&buf, (guint16) (0x8000 + device->sequence++));
	_ym_gen_buf_put_be16(&buf, 0x0110); /* query, RD, broadcast */
	_ym_gen_buf_put_be16(&buf, 1);
	_ym_gen_buf_put_zeros(&buf, 6);
	_ym_gen_buf_put_u8(&buf, 32);
	_ym_gen_buf_put_str(&buf, encoded);
	_ym_gen_buf_put_u8(&buf, 0);
	_ym_gen_buf_put_be16(&buf, YM_DNS_TYPE_NB);
	_ym_gen_buf_put_be16(&buf, YM_DNS_CLASS_IN);
	_ym_gen_device_udp(ctx, device, t, _ym_gen_mac_broadcast, YM_GEN_LAN_BCAST, 137, 137, 0,
	                   data, buf.len);
}

void
_ym_gen_device_llmnr_query(YmGenCtx *ctx, YmGenDevice *device, const gchar *name, gint64 t)
{
	guint8 data[128];
	guint8 mac[6];
	YmGenBuf buf;
	YmDnsWriter writer;
	guint16 sport = _ym_gen_device_port(ctx, device);

	_ym_gen_buf_init(&buf, data, sizeof(data));
	_ym_dns_writer_init(&writer, &buf, (guint16) _ym_gen_rand(ctx), 0x0000);
	_ym_dns_writer_question(&writer, name, YM_DNS_TYPE_A, YM_DNS_CLASS_IN);
	_ym_dns_writer_finish(&writer);
	_ym_gen_mac_for_ip4_group(YM_GEN_LLMNR4, mac);
	/* RFC 4795 2.5: link-scope, TTL 1 */
	_ym_gen_device_udp(ctx, device, t, mac, YM_GEN_LLMNR4, sport, 5355, 1, data, buf.len);
	if (device->info->ipv6)
		_ym_gen_device_udp6(ctx, device, t + 60, ym_gen_llmnr6, sport, 5355, 1, data,
		                    buf.len);
}

void
_ym_gen_http_date(gint64 t, gchar out[40])
{
	static const gchar *days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
	static const gchar *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc(t / YM_GEN_SEC);
	g_snprintf(out, 40, "%s, %02d %s %04d %02d:%02d:%02d GMT",
	           days[g_date_time_get_day_of_week(dt) - 1], g_date_time_get_day_of_month(dt),
	           months[g_date_time_get_month(dt) - 1], g_date_time_get_year(dt),
	           g_date_time_get_hour(dt), g_date_time_get_minute(dt),
	           g_date_time_get_second(dt));
}

/* mDNS */

void
_ym_gen_mdns_send(YmGenCtx *ctx, YmGenDevice *device, gint64 t, const guint8 *data, gsize length)
{
	guint8 mac[6];
	_ym_gen_mac_for_ip4_group(YM_GEN_MDNS4, mac);
	_ym_gen_device_udp(ctx, device, t, mac, YM_GEN_MDNS4, 5353, 5353, 255, data, length);
	if (device->info->ipv6)
		_ym_gen_device_udp6(ctx, device, t + 250, ym_gen_mdns6, 5353, 5353, 255, data,
		                    length);
}

void
_ym_gen_mdns_announce(YmGenCtx *ctx,
                      YmGenDevice *device,
                      gint64 t,
                      const gchar *host,
                      const YmGenMdnsService *services,
                      guint n_services,
                      gboolean with_host)
{
	static const guint16 nsec_service[] = {YM_DNS_TYPE_TXT, YM_DNS_TYPE_SRV, 0};
	static const guint16 nsec_host4[] = {YM_DNS_TYPE_A, 0};
	static const guint16 nsec_host6[] = {YM_DNS_TYPE_A, YM_DNS_TYPE_AAAA, 0};
	guint8 data[1500];
	YmGenBuf buf;
	YmDnsWriter writer;
	g_autofree gchar *host_local = g_strdup_printf("%s.local", host);
	guint16 flush = YM_DNS_CLASS_IN | YM_DNS_CACHE_FLUSH;

	_ym_gen_buf_init(&buf, data, sizeof(data));
	_ym_dns_writer_init(&writer, &buf, 0, 0x8400);
	for (guint i = 0; i < n_services; i++) {
		const YmGenMdnsService *s = &services[i];
		g_autofree gchar *type = g_strdup_printf("%s.local", s->type);
		g_autofree gchar *full = g_strdup_printf("%s.%s.local", s->instance, s->type);
		if (s->port != 0) {
			_ym_dns_writer_rr_name(&writer, YM_DNS_ANSWER,
			                       "_services._dns-sd._udp.local", YM_DNS_TYPE_PTR,
			                       YM_DNS_CLASS_IN, 4500, type);
			_ym_dns_writer_rr_name(&writer, YM_DNS_ANSWER, type, YM_DNS_TYPE_PTR,
			                       YM_DNS_CLASS_IN, 4500, full);
			_ym_dns_writer_rr_srv(&writer, YM_DNS_ANSWER, full, flush, 120, s->port,
			                      host_local);
		}
		_ym_dns_writer_rr_txt(&writer, YM_DNS_ANSWER, full, flush, 4500, s->txt);
	}
	if (with_host) {
		_ym_dns_writer_rr_a(&writer, YM_DNS_ANSWER, host_local, flush, 120, device->ip);
		if (device->info->ipv6)
			_ym_dns_writer_rr_aaaa(&writer, YM_DNS_ANSWER, host_local, flush, 120,
			                       device->ip6);
	}
	for (guint i = 0; i < n_services; i++) {
		const YmGenMdnsService *s = &services[i];
		g_autofree gchar *full = g_strdup_printf("%s.%s.local", s->instance, s->type);
		if (s->port == 0)
			continue;
		_ym_dns_writer_rr_nsec(&writer, YM_DNS_ADDITIONAL, full, flush, 4500, nsec_service);
	}
	if (with_host)
		_ym_dns_writer_rr_nsec(&writer, YM_DNS_ADDITIONAL, host_local, flush, 120,
		                       device->info->ipv6 ? nsec_host6 : nsec_host4);
	_ym_dns_writer_finish(&writer);
	_ym_gen_mdns_send(ctx, device, t, buf.data, buf.len);
}

gint64
_ym_gen_mdns_probe(YmGenCtx *ctx, YmGenDevice *device, const gchar *host, gint64 t)
{
	g_autofree gchar *host_local = g_strdup_printf("%s.local", host);
	for (guint i = 0; i < 3; i++) {
		guint8 data[256];
		YmGenBuf buf;
		YmDnsWriter writer;
		_ym_gen_buf_init(&buf, data, sizeof(data));
		_ym_dns_writer_init(&writer, &buf, 0, 0x0000);
		/* first probe asks for a unicast answer (QU) */
		_ym_dns_writer_question(&writer, host_local, YM_DNS_TYPE_ANY,
		                        YM_DNS_CLASS_IN | (i == 0 ? YM_DNS_CACHE_FLUSH : 0));
		_ym_dns_writer_rr_a(&writer, YM_DNS_AUTHORITY, host_local, YM_DNS_CLASS_IN, 120,
		                    device->ip);
		if (device->info->ipv6)
			_ym_dns_writer_rr_aaaa(&writer, YM_DNS_AUTHORITY, host_local,
			                       YM_DNS_CLASS_IN, 120, device->ip6);
		_ym_dns_writer_finish(&writer);
		_ym_gen_mdns_send(ctx, device, t, buf.data, buf.len);
		t += 250 * YM_GEN_MSEC;
	}
	return t;
}

gint64
_ym_gen_mdns_browse(YmGenCtx *ctx, YmGenDevice *device, const gchar *service, gint64 t)
{
	YmGenHome *home = device->home;
	guint8 data[512];
	YmGenBuf buf;
	YmDnsWriter writer;
	gint64 last = t;

	_ym_gen_buf_init(&buf, data, sizeof(data));
	_ym_dns_writer_init(&writer, &buf, 0, 0x0000);
	_ym_dns_writer_question(&writer, service, YM_DNS_TYPE_PTR, YM_DNS_CLASS_IN);
	_ym_dns_writer_finish(&writer);
	_ym_gen_mdns_send(ctx, device, t, buf.data, buf.len);

	/* responders answer after 20-120 ms (RFC 6762 6) */
	for (guint i = 0; i < home->n_devices; i++) {
		YmGenDevice *peer = &home->devices[i];
		gint64 when;
		if (peer == device || !peer->online || peer->info->mdns == NULL)
			continue;
		when = t + _ym_gen_between(ctx, 20 * YM_GEN_MSEC, 120 * YM_GEN_MSEC);
		if (peer->info->mdns(ctx, peer, when, service))
			last = MAX(last, when);
	}
	return last + YM_GEN_MSEC;
}

/* SSDP */

static const gchar *
ym_gen_ssdp_usn(YmGenDevice *device, const gchar *nt, gchar *out, gsize size)
{
	if (g_str_has_prefix(nt, "uuid:"))
		g_snprintf(out, size, "%s", nt);
	else
		g_snprintf(out, size, "uuid:%s::%s", device->uuid, nt);
	return out;
}

void
_ym_gen_ssdp_notify(YmGenCtx *ctx,
                    YmGenDevice *device,
                    gint64 t,
                    const gchar *location,
                    const gchar *server,
                    const gchar *nt)
{
	guint8 mac[6];
	gchar usn[256];
	g_autofree gchar *text =
	    g_strdup_printf("NOTIFY * HTTP/1.1\r\n"
	                    "HOST: 239.255.255.250:1900\r\n"
	                    "CACHE-CONTROL: max-age=1800\r\n"
	                    "LOCATION: %s\r\n"
	                    "NT: %s\r\n"
	                    "NTS: ssdp:alive\r\n"
	                    "SERVER: %s\r\n"
	                    "USN: %s\r\n"
	                    "\r\n",
	                    location, nt, server, ym_gen_ssdp_usn(device, nt, usn, sizeof(usn)));
	_ym_gen_mac_for_ip4_group(YM_GEN_SSDP4, mac);
	_ym_gen_device_udp(ctx, device, t, mac, YM_GEN_SSDP4, 1900, 1900, 4, (const guint8 *) text,
	                   strlen(text));
}

void
_ym_gen_ssdp_reply(YmGenCtx *ctx,
                   YmGenDevice *device,
                   gint64 t,
                   YmGenDevice *searcher,
                   guint16 port,
                   const gchar *location,
                   const gchar *server,
                   const gchar *st)
{
	gchar usn[256];
	gchar date[40];
	g_autofree gchar *text = NULL;

	_ym_gen_http_date(t, date);
	text = g_strdup_printf("HTTP/1.1 200 OK\r\n"
	                       "CACHE-CONTROL: max-age=1800\r\n"
	                       "DATE: %s\r\n"
	                       "EXT:\r\n"
	                       "LOCATION: %s\r\n"
	                       "SERVER: %s\r\n"
	                       "ST: %s\r\n"
	                       "USN: %s\r\n"
	                       "\r\n",
	                       date, location, server, st,
	                       ym_gen_ssdp_usn(device, st, usn, sizeof(usn)));
	_ym_gen_device_udp(ctx, device, t, searcher->mac, searcher->ip, 1900, port, 0,
	                   (const guint8 *) text, strlen(text));
}

gint64
_ym_gen_ssdp_search(YmGenCtx *ctx,
                    YmGenDevice *device,
                    const gchar *st,
                    const gchar *user_agent,
                    gint64 t)
{
	YmGenHome *home = device->home;
	guint8 mac[6];
	guint16 sport = _ym_gen_device_port(ctx, device);
	g_autofree gchar *text = NULL;
	gint64 last = t;

	if (user_agent != NULL)
		text = g_strdup_printf("M-SEARCH * HTTP/1.1\r\n"
		                       "HOST: 239.255.255.250:1900\r\n"
		                       "MAN: \"ssdp:discover\"\r\n"
		                       "MX: 1\r\n"
		                       "ST: %s\r\n"
		                       "USER-AGENT: %s\r\n"
		                       "\r\n",
		                       st, user_agent);
	else
		text = g_strdup_printf("M-SEARCH * HTTP/1.1\r\n"
		                       "HOST: 239.255.255.250:1900\r\n"
		                       "MAN: \"ssdp:discover\"\r\n"
		                       "MX: 2\r\n"
		                       "ST: %s\r\n"
		                       "\r\n",
		                       st);
	_ym_gen_mac_for_ip4_group(YM_GEN_SSDP4, mac);
	for (guint i = 0; i < 2; i++) {
		_ym_gen_device_udp(ctx, device, t + i * 100 * YM_GEN_MSEC, mac, YM_GEN_SSDP4, sport,
		                   1900, device->info->os == YM_GEN_OS_WINDOWS ? 2 : 4,
		                   (const guint8 *) text, strlen(text));
	}
	for (guint i = 0; i < home->n_devices; i++) {
		YmGenDevice *peer = &home->devices[i];
		gint64 when;
		if (peer == device || !peer->online || peer->info->ssdp == NULL)
			continue;
		when = t + _ym_gen_between(ctx, 30 * YM_GEN_MSEC, 900 * YM_GEN_MSEC);
		if (peer->info->ssdp(ctx, peer, when, st, device, sport))
			last = MAX(last, when);
	}
	return last + YM_GEN_MSEC;
}

/* joining the network */

static void
ym_gen_dhcp_put_prl(YmGenBuf *buf, const gchar *prl)
{
	g_auto(GStrv) items = g_strsplit(prl, ",", -1);
	guint8 codes[64];
	guint n = 0;
	for (guint i = 0; items[i] != NULL && n < G_N_ELEMENTS(codes); i++)
		codes[n++] = (guint8) g_ascii_strtoull(items[i], NULL, 10);
	_ym_dhcp_option(buf, 55, codes, n);
}

/* client options in the order each DHCP client writes them */
static void
ym_gen_dhcp_client_options(YmGenDevice *device, YmGenBuf *buf, guint8 type, guint32 server)
{
	/* per style: DISCOVER, then REQUEST */
	static const guint8 orders[][2][9] = {
	    [YM_GEN_DHCP_WINDOWS] = {{53, 61, 50, 12, 60, 55}, {53, 61, 50, 54, 12, 81, 60, 55}},
	    [YM_GEN_DHCP_APPLE] = {{53, 55, 57, 61, 51, 12}, {53, 55, 57, 61, 50, 54, 51, 12}},
	    [YM_GEN_DHCP_ANDROID] = {{53, 61, 57, 60, 12, 55}, {53, 61, 50, 54, 57, 60, 12, 55}},
	    [YM_GEN_DHCP_UDHCPC] = {{53, 61, 57, 50, 12, 60, 55}, {53, 61, 57, 50, 54, 12, 60, 55}},
	    [YM_GEN_DHCP_DHCLIENT] = {{53, 50, 12, 55}, {53, 54, 50, 12, 55}},
	    [YM_GEN_DHCP_LWIP] = {{53, 57, 55, 61, 12}, {53, 57, 50, 54, 55, 61, 12}},
	    [YM_GEN_DHCP_RTOS] = {{53, 61, 12, 55}, {53, 61, 50, 54, 12, 55}},
	};
	const YmGenDeviceInfo *info = device->info;
	const guint8 *order = orders[info->dhcp_style][type == 1 ? 0 : 1];
	guint8 client_id[7];

	client_id[0] = 1;
	memcpy(client_id + 1, device->mac, 6);
	for (guint i = 0; i < 9 && order[i] != 0; i++) {
		switch (order[i]) {
		case 53:
			_ym_dhcp_option_u8(buf, 53, type);
			break;
		case 61:
			_ym_dhcp_option(buf, 61, client_id, sizeof(client_id));
			break;
		case 50:
			/* the address it had before the router restarted */
			_ym_dhcp_option_u32(buf, 50, device->ip);
			break;
		case 54:
			if (server != 0)
				_ym_dhcp_option_u32(buf, 54, server);
			break;
		case 12:
			if (info->dhcp_hostname && info->hostname != NULL)
				_ym_dhcp_option_str(buf, 12, info->hostname);
			break;
		case 81:
			if (info->hostname != NULL) {
				guint8 fqdn[64];
				gsize len = MIN(strlen(info->hostname), sizeof(fqdn) - 3);
				fqdn[0] = 0; /* flags: client updates its A record */
				fqdn[1] = 0;
				fqdn[2] = 0;
				memcpy(fqdn + 3, info->hostname, len);
				_ym_dhcp_option(buf, 81, fqdn, len + 3);
			}
			break;
		case 60:
			if (info->dhcp_vendor != NULL)
				_ym_dhcp_option_str(buf, 60, info->dhcp_vendor);
			break;
		case 55:
			ym_gen_dhcp_put_prl(buf, info->dhcp_prl);
			break;
		case 57:
			_ym_dhcp_option_u16(buf, 57,
			                    info->dhcp_style == YM_GEN_DHCP_UDHCPC ? 576 : 1500);
			break;
		case 51:
			_ym_dhcp_option_u32(buf, 51, 7776000);
			break;
		default:
			break;
		}
	}
}

static void
ym_gen_dhcp_server_options(YmGenDevice *router, YmGenBuf *buf, guint8 type)
{
	_ym_dhcp_option_u8(buf, 53, type);
	_ym_dhcp_option_u32(buf, 54, router->ip);
	_ym_dhcp_option_u32(buf, 51, 86400);
	_ym_dhcp_option_u32(buf, 58, 43200);
	_ym_dhcp_option_u32(buf, 59, 75600);
	_ym_dhcp_option_u32(buf, 1, 0xffffff00);
	_ym_dhcp_option_u32(buf, 28, YM_GEN_LAN_BCAST);
	_ym_dhcp_option_u32(buf, 3, router->ip);
	_ym_dhcp_option_u32(buf, 6, router->ip);
	_ym_dhcp_option_str(buf, 15, "home");
}

static gint64
ym_gen_dhcp_exchange(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	YmGenDevice *router = ym_gen_router(device);
	guint8 data[600];
	YmGenBuf buf;
	YmGenIp4 ip;
	guint32 xid = device->xid++;
	guint16 secs = 0;

	for (guint step = 0; step < 2; step++) {
		guint8 client_type = step == 0 ? 1 : 3;
		guint8 server_type = step == 0 ? 2 : 5;

		/* DISCOVER / REQUEST from 0.0.0.0 to the broadcast address */
		_ym_gen_buf_init(&buf, data, sizeof(data));
		_ym_dhcp_begin(&buf, 1, xid, secs, FALSE, 0, 0, device->mac);
		ym_gen_dhcp_client_options(device, &buf, client_type, step == 0 ? 0 : router->ip);
		_ym_dhcp_end(&buf);
		memset(&ip, 0, sizeof(ip));
		ip.src_mac = device->mac;
		ip.dst_mac = _ym_gen_mac_broadcast;
		ip.src = 0;
		ip.dst = 0xffffffff;
		ip.ttl = device->info->os == YM_GEN_OS_WINDOWS ? 128 : 64;
		ip.tos = device->info->os == YM_GEN_OS_MACOS || device->info->os == YM_GEN_OS_IOS
		             ? 0x10
		             : 0;
		ip.id = device->ip_id++;
		_ym_gen_emit_udp4(ctx, t, &ip, 68, 67, buf.data, buf.len);

		/* OFFER / ACK unicast to the client's hardware address */
		t += _ym_gen_between(ctx, 1500, 4000);
		_ym_gen_buf_init(&buf, data, sizeof(data));
		_ym_dhcp_begin(&buf, 2, xid, 0, FALSE, 0, device->ip, device->mac);
		ym_gen_dhcp_server_options(router, &buf, server_type);
		_ym_dhcp_end(&buf);
		_ym_gen_device_ip4(router, &ip, device->mac, device->ip);
		_ym_gen_emit_udp4(ctx, t, &ip, 67, 68, buf.data, buf.len);
		t += _ym_gen_between(ctx, 3 * YM_GEN_MSEC, 40 * YM_GEN_MSEC);
		secs = 1;
	}
	return t;
}

static void
ym_gen_igmp_join(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	static const guint8 router_alert[] = {0x94, 0x04, 0x00, 0x00};
	guint32 groups[3];
	guint n = 0;
	guint8 mac[6];
	YmGenIp4 ip;

	if (device->info->mdns != NULL || device->info->os == YM_GEN_OS_MACOS ||
	    device->info->os == YM_GEN_OS_IOS || device->info->os == YM_GEN_OS_WINDOWS)
		groups[n++] = YM_GEN_MDNS4;
	if (device->info->ssdp != NULL || device->info->os == YM_GEN_OS_WINDOWS ||
	    device->info->os == YM_GEN_OS_ANDROID)
		groups[n++] = YM_GEN_SSDP4;
	if (device->info->os == YM_GEN_OS_WINDOWS)
		groups[n++] = YM_GEN_LLMNR4;
	if (n == 0)
		return;

	if (device->info->os == YM_GEN_OS_LWIP || device->info->os == YM_GEN_OS_RTOS) {
		/* IGMPv2 membership report to the group itself */
		for (guint i = 0; i < n; i++) {
			guint8 report[8] = {0x16, 0, 0, 0};
			guint16 csum;
			report[4] = groups[i] >> 24;
			report[5] = (groups[i] >> 16) & 0xff;
			report[6] = (groups[i] >> 8) & 0xff;
			report[7] = groups[i] & 0xff;
			csum = _ym_gen_csum_fold(_ym_gen_csum_add(0, report, sizeof(report)));
			report[2] = csum >> 8;
			report[3] = csum & 0xff;
			_ym_gen_mac_for_ip4_group(groups[i], mac);
			_ym_gen_device_ip4(device, &ip, mac, groups[i]);
			ip.ttl = 1;
			ip.tos = 0xc0;
			_ym_gen_emit_ip4(ctx, t + i * 1000, &ip, 2, router_alert, 4, report,
			                 sizeof(report));
		}
		return;
	}

	/* IGMPv3 report (RFC 3376 4.2): CHANGE_TO_EXCLUDE {} per group */
	{
		guint8 report[8 + 3 * 8];
		gsize len = 8 + n * 8;
		guint16 csum;
		memset(report, 0, sizeof(report));
		report[0] = 0x22;
		report[7] = (guint8) n;
		for (guint i = 0; i < n; i++) {
			guint8 *rec = report + 8 + i * 8;
			rec[0] = 4;
			rec[4] = groups[i] >> 24;
			rec[5] = (groups[i] >> 16) & 0xff;
			rec[6] = (groups[i] >> 8) & 0xff;
			rec[7] = groups[i] & 0xff;
		}
		csum = _ym_gen_csum_fold(_ym_gen_csum_add(0, report, len));
		report[2] = csum >> 8;
		report[3] = csum & 0xff;
		_ym_gen_mac_for_ip4_group(YM_GEN_IGMP3, mac);
		_ym_gen_device_ip4(device, &ip, mac, YM_GEN_IGMP3);
		ip.ttl = 1;
		ip.tos = 0xc0;
		ip.df = TRUE;
		_ym_gen_emit_ip4(ctx, t, &ip, 2, router_alert, 4, report, len);
		_ym_gen_emit_ip4(ctx, t + 700 * YM_GEN_MSEC, &ip, 2, router_alert, 4, report, len);
	}
}

/* IPv6 link-local bring-up: MLDv2 report, DAD, router solicitation */
static gint64
ym_gen_ipv6_join(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	guint8 body[64];
	guint8 mac[6];
	guint8 solicited[16] = {0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0xff};
	YmGenIp6 ip = {.src_mac = device->mac, .dst_mac = mac, .hop_limit = 1};

	memcpy(solicited + 13, device->ip6 + 13, 3);

	/* MLDv2 report: join the solicited-node and mDNS groups */
	memset(body, 0, sizeof(body));
	body[3] = 2;
	body[4] = 4;
	memcpy(body + 8, solicited, 16);
	body[24] = 4;
	memcpy(body + 28, ym_gen_mdns6, 16);
	_ym_gen_mac_for_ip6_group(ym_gen_mld_routers6, mac);
	ip.src = ym_gen_unspecified6;
	ip.dst = ym_gen_mld_routers6;
	_ym_gen_emit_icmp6(ctx, t, &ip, TRUE, 143, 0, body, 44);

	/* duplicate address detection for the link-local address */
	memset(body, 0, sizeof(body));
	memcpy(body + 4, device->ip6, 16);
	_ym_gen_mac_for_ip6_group(solicited, mac);
	ip.dst = solicited;
	ip.hop_limit = 255;
	_ym_gen_emit_icmp6(ctx, t + 30 * YM_GEN_MSEC, &ip, FALSE, 135, 0, body, 20);

	/* router solicitation with our link-layer address */
	t += 1 * YM_GEN_SEC + _ym_gen_between(ctx, 0, 300 * YM_GEN_MSEC);
	memset(body, 0, sizeof(body));
	body[4] = 1;
	body[5] = 1;
	memcpy(body + 6, device->mac, 6);
	_ym_gen_mac_for_ip6_group(ym_gen_all_routers6, mac);
	ip.src = device->ip6;
	ip.dst = ym_gen_all_routers6;
	_ym_gen_emit_icmp6(ctx, t, &ip, FALSE, 133, 0, body, 12);
	return t;
}

static gint64
ym_gen_arp_after_dhcp(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	YmGenDevice *router = ym_gen_router(device);
	switch (device->info->os) {
	case YM_GEN_OS_MACOS:
	case YM_GEN_OS_IOS:
	case YM_GEN_OS_LINUX:
	case YM_GEN_OS_ANDROID:
		/* RFC 5227 probes, then an announcement */
		for (guint i = 0; i < 2; i++) {
			_ym_gen_emit_arp(ctx, t, 1, _ym_gen_mac_broadcast, device->mac, 0, NULL,
			                 device->ip);
			t += _ym_gen_between(ctx, 150 * YM_GEN_MSEC, 300 * YM_GEN_MSEC);
		}
		break;
	case YM_GEN_OS_WINDOWS:
	case YM_GEN_OS_LWIP:
	case YM_GEN_OS_RTOS:
	case YM_GEN_OS_ROUTER:
	default:
		break;
	}
	/* gratuitous ARP */
	_ym_gen_emit_arp(ctx, t, 1, _ym_gen_mac_broadcast, device->mac, device->ip, NULL,
	                 device->ip);
	t += 5 * YM_GEN_MSEC;
	/* who has the gateway */
	_ym_gen_emit_arp(ctx, t, 1, _ym_gen_mac_broadcast, device->mac, device->ip, NULL,
	                 router->ip);
	t += _ym_gen_between(ctx, 300, 1500);
	_ym_gen_emit_arp(ctx, t, 2, device->mac, router->mac, router->ip, device->mac, device->ip);
	return t + 200;
}

static gint64
ym_gen_task_actor(YmGenCtx *ctx, YmGenActor *actor)
{
	const YmGenTask *task = actor->data;
	task->func(ctx, actor->device, actor->when);
	if (task->period_max <= 0)
		return YM_GEN_ACTOR_DONE;
	return actor->when + _ym_gen_between(ctx, task->period_min, task->period_max);
}

static gint64
ym_gen_join_actor(YmGenCtx *ctx, YmGenActor *actor)
{
	YmGenDevice *device = actor->device;
	const YmGenDeviceInfo *info = device->info;
	gint64 t = actor->when;

	if (info->kind != YM_GEN_KIND_ROUTER) {
		if (info->ipv6)
			ym_gen_ipv6_join(ctx, device, t);
		t = ym_gen_dhcp_exchange(ctx, device, t + _ym_gen_between(ctx, 5000, 60000));
		t = ym_gen_arp_after_dhcp(ctx, device, t);
		ym_gen_igmp_join(ctx, device, t + _ym_gen_between(ctx, 0, 20 * YM_GEN_MSEC));
		t += 100 * YM_GEN_MSEC;
	}
	device->online = TRUE;
	if (info->join != NULL)
		info->join(ctx, device, t);
	for (guint i = 0; info->tasks != NULL && info->tasks[i].func != NULL; i++) {
		const YmGenTask *task = &info->tasks[i];
		_ym_gen_actor_add(ctx, t + _ym_gen_between(ctx, task->first_min, task->first_max),
		                  ym_gen_task_actor, device, task);
	}
	return YM_GEN_ACTOR_DONE;
}

void
_ym_gen_home_schedule_device(YmGenCtx *ctx, YmGenDevice *device, gint64 when)
{
	_ym_gen_actor_add(ctx, when, ym_gen_join_actor, device, NULL);
}

/* long-lived connections */

typedef struct {
	YmGenTcp tcp;
	YmTlsSession session;
	gboolean open;
} YmGenLinkState;

static gint64
ym_gen_link_actor(YmGenCtx *ctx, YmGenActor *actor)
{
	const YmGenLink *link = actor->data;
	YmGenDevice *device = actor->device;
	YmGenLinkState *state = YM_GEN_ACTOR_STATE(actor, YmGenLinkState);
	gboolean tls = link->client != YM_TLS_LAST;
	gint64 t = actor->when;
	gsize up = (gsize) _ym_gen_between(ctx, link->up_min, link->up_max + 1);
	gsize down = (gsize) _ym_gen_between(ctx, link->down_min, link->down_max + 1);
	guint first = link->server_first ? YM_GEN_SERVER : YM_GEN_CLIENT;
	gsize first_len = link->server_first ? down : up;
	gsize second_len = link->server_first ? up : down;

	if (!state->open) {
		if (!_ym_gen_device_connect(ctx, device, &state->tcp, link->name, link->port, &t))
			return YM_GEN_ACTOR_DONE;
		if (tls)
			t = _ym_tls_handshake(ctx, &state->tcp, &state->session, link->client,
			                      _ym_gen_site_tls(link->name), link->name, link->alpn,
			                      t);
		state->open = TRUE;
		first = YM_GEN_CLIENT;
		first_len = up * 2;
		second_len = down * 2;
	} else if (link->keepalive_only) {
		_ym_gen_tcp_keepalive(ctx, &state->tcp, YM_GEN_CLIENT, t);
		/* the far end probes too, half a second later */
		if (_ym_gen_chance(ctx, 50))
			_ym_gen_tcp_keepalive(ctx, &state->tcp, YM_GEN_SERVER,
			                      t + state->tcp.rtt +
			                          _ym_gen_between(ctx, 100, 500) * YM_GEN_MSEC);
		return t + _ym_gen_between(ctx, link->period_min, link->period_max);
	}

	if (tls) {
		t = _ym_tls_send(ctx, &state->tcp, &state->session, first, first_len, t);
		t += _ym_gen_tcp_reply_delay(&state->tcp, first) + _ym_gen_between(ctx, 200, 5000);
		t = _ym_tls_send(ctx, &state->tcp, &state->session, !first, second_len, t);
	} else {
		t = _ym_gen_tcp_send(ctx, &state->tcp, first, _ym_gen_noise(ctx, first_len),
		                     first_len, t);
		t += _ym_gen_tcp_reply_delay(&state->tcp, first) + _ym_gen_between(ctx, 200, 5000);
		t = _ym_gen_tcp_send(ctx, &state->tcp, !first, _ym_gen_noise(ctx, second_len),
		                     second_len, t);
	}
	_ym_gen_tcp_ack(ctx, &state->tcp, first, t + _ym_gen_tcp_reply_delay(&state->tcp, !first));
	return t + _ym_gen_between(ctx, link->period_min, link->period_max);
}

void
_ym_gen_link_start(YmGenCtx *ctx, YmGenDevice *device, const YmGenLink *link, gint64 when)
{
	_ym_gen_actor_add(ctx, when, ym_gen_link_actor, device, link);
}
