/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The devices of the demo home (the Tanaka family, Tokyo) and what each
 * one says on the network. Every identifying string below is what the
 * real product family sends: DHCP option 55/60 lists, mDNS service types
 * and TXT keys, SSDP SERVER headers, HTTP User-Agents and TLS stacks.
 * Vendors are the organisation names of the IEEE MA-L registry
 * (/usr/share/ieee-data/oui.csv) for the MAC prefixes used.
 */

#define G_LOG_DOMAIN "YmGen"

#include "config.h"

#include <string.h>

#include "ym-gen-private.h"

/* User-Agents */
#define UA_EDGE                                                                                    \
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "        \
	"Chrome/146.0.0.0 Safari/537.36 Edg/146.0.0.0"
#define UA_SAFARI_MAC                                                                              \
	"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like "       \
	"Gecko) Version/18.3 Safari/605.1.15"
#define UA_CAPTIVE_APPLE "CaptiveNetworkSupport-491.60.1 wispr"
#define UA_ANDROID_CAPTIVE                                                                         \
	"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "                  \
	"Chrome/60.0.3112.32 Safari/537.36"
#define UA_DALVIK_PIXEL "Dalvik/2.1.0 (Linux; U; Android 14; Pixel 7 Build/UQ1A.240205.004)"
#define UA_DALVIK_BRAVIA                                                                           \
	"Dalvik/2.1.0 (Linux; U; Android 10; BRAVIA 4K VH2 Build/QTG3.200305.006.S292)"
#define UA_CRKEY                                                                                   \
	"Mozilla/5.0 (X11; Linux armv7l) AppleWebKit/537.36 (KHTML, like Gecko) "                  \
	"Chrome/114.0.5735.308 Safari/537.36 CrKey/1.56.500000"
#define UA_NCSI         "Microsoft NCSI"
#define UA_DELIVERY     "Microsoft-Delivery-Optimization/10.0"
#define UA_CRYPTOAPI    "Microsoft-CryptoAPI/10.0"
#define UA_UPNP_WINDOWS "Microsoft-Windows/10.0 UPnP/1.0"
#define UA_EDGE_DIAL    "Microsoft Edge/146.0.3856.62 Windows"
#define UA_CUPS         "CUPS/2.3.4 (macOS 15.3.0; arm64) IPP/2.0"
#define UA_SURVEILLANCE "Synology Surveillance Station/9.2.1"

#define SERVER_ATERM     "Linux/3.10 UPnP/1.0 Aterm WX3600HP/1.5.2"
#define SERVER_BRAVIA    "Linux/4.19 UPnP/1.0 Sony-BRAVIA/1.0"
#define SERVER_CAST      "Linux/3.8.13+, UPnP/1.0, Portable SDK for UPnP devices/1.6.18"
#define ST_DIAL          "urn:dial-multiscreen-org:service:dial:1"
#define ST_IGD           "urn:schemas-upnp-org:device:InternetGatewayDevice:1"
#define FAMILY_MAC       "田中のMacBook Air"
#define FAMILY_IPHONE    "田中のiPhone"
#define FAMILY_IPAD      "田中のiPad"
#define TV_FRIENDLY      "リビングのテレビ"
#define SPEAKER_FRIENDLY "キッチン"

static gchar *
ym_gen_mac_text(const guint8 *mac, gboolean upper)
{
	return g_strdup_printf(upper ? "%02X:%02X:%02X:%02X:%02X:%02X"
	                             : "%02x:%02x:%02x:%02x:%02x:%02x",
	                       mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
}

static gboolean
ym_gen_service_wanted(const gchar *service, const gchar *type)
{
	gsize len;
	if (service == NULL)
		return TRUE;
	len = strlen(type);
	return g_ascii_strncasecmp(service, type, len) == 0 &&
	       g_ascii_strcasecmp(service + len, ".local") == 0;
}

/* announce the subset of @services matching @service (all when NULL) */
static gboolean
ym_gen_mdns_answer(YmGenCtx *ctx,
                   YmGenDevice *device,
                   gint64 t,
                   const gchar *service,
                   const gchar *host,
                   const YmGenMdnsService *services,
                   guint n_services)
{
	YmGenMdnsService chosen[8];
	guint n = 0;
	for (guint i = 0; i < n_services && n < G_N_ELEMENTS(chosen); i++) {
		if (services[i].port == 0 && service != NULL)
			continue;
		if (ym_gen_service_wanted(service, services[i].type))
			chosen[n++] = services[i];
	}
	if (n == 0)
		return FALSE;
	_ym_gen_mdns_announce(ctx, device, t, host, chosen, n, TRUE);
	return TRUE;
}

static const gchar *
ym_gen_pick(YmGenCtx *ctx, const gchar *const *items)
{
	guint n = g_strv_length((gchar **) items);
	return items[_ym_gen_below(ctx, n)];
}

/* an HTTPS exchange of random size; sizes are drawn here, in a fixed
 * order, because argument evaluation order is unspecified in C */
static gint64
ym_gen_https_sized(YmGenCtx *ctx,
                   YmGenDevice *device,
                   YmTlsClient client,
                   const gchar *name,
                   gsize up_min,
                   gsize up_max,
                   gsize down_min,
                   gsize down_max,
                   gint64 t)
{
	gsize up = (gsize) _ym_gen_between(ctx, (gint64) up_min, (gint64) up_max);
	gsize down = (gsize) _ym_gen_between(ctx, (gint64) down_min, (gint64) down_max);
	return _ym_gen_device_https(ctx, device, client, name, 443, NULL, up, down, t);
}

/* a fresh device announces its mDNS services twice, a second apart */
static void
ym_gen_mdns_announce_twice(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	device->info->mdns(ctx, device, t, NULL);
	device->info->mdns(ctx, device, t + 1 * YM_GEN_SEC, NULL);
}

/* NetBIOS names of a server: @name, its file service, then the workgroup,
 * @step apart */
static void
ym_gen_nbns_register_server(YmGenCtx *ctx,
                            YmGenDevice *device,
                            const gchar *name,
                            gint64 t,
                            gint64 step)
{
	_ym_gen_device_nbns_register(ctx, device, name, 0x00, FALSE, t);
	_ym_gen_device_nbns_register(ctx, device, name, 0x20, FALSE, t + step);
	_ym_gen_device_nbns_register(ctx, device, "WORKGROUP", 0x00, TRUE, t + 2 * step);
}

/* a UPnP root device: what it announces and answers searches for */
typedef struct {
	const gchar *location;
	const gchar *dial_location; /* for ST_DIAL, NULL when it has no DIAL server */
	const gchar *server;
	gint64 spacing;            /* between two NOTIFYs */
	gboolean any_case;         /* matches search targets ignoring case */
	const gchar *const *types; /* after the root device and the UUID, NULL-terminated */
} YmGenUpnpRoot;

/* NOTIFY everything when @st is NULL, else answer @searcher's M-SEARCH */
static gboolean
ym_gen_upnp_ssdp(YmGenCtx *ctx,
                 YmGenDevice *device,
                 const YmGenUpnpRoot *root,
                 gint64 t,
                 const gchar *st,
                 YmGenDevice *searcher,
                 guint16 port)
{
	g_autofree gchar *uuid = g_strdup_printf("uuid:%s", device->uuid);
	const gchar *nts[16] = {"upnp:rootdevice", uuid};
	guint n = 2;

	for (guint i = 0; root->types[i] != NULL && n < G_N_ELEMENTS(nts); i++)
		nts[n++] = root->types[i];
	for (guint i = 0; i < n; i++) {
		const gchar *location =
		    g_strcmp0(nts[i], ST_DIAL) == 0 ? root->dial_location : root->location;
		if (st == NULL) {
			_ym_gen_ssdp_notify(ctx, device, t + i * root->spacing, location,
			                    root->server, nts[i]);
			continue;
		}
		if ((root->any_case ? g_ascii_strcasecmp(st, nts[i]) : g_strcmp0(st, nts[i])) ==
		        0 ||
		    g_strcmp0(st, "ssdp:all") == 0) {
			_ym_gen_ssdp_reply(ctx, device, t, searcher, port, location, root->server,
			                   nts[i]);
			return TRUE;
		}
	}
	return st == NULL;
}

/* the periodic NOTIFY round of a UPnP device */
static void
ym_gen_ssdp_notify_task(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	device->info->ssdp(ctx, device, t, NULL, NULL, 0);
}

/* ---------------------------------------------------------------------- */
/* router: NEC Aterm WX3600HP                                             */
/* ---------------------------------------------------------------------- */

static const gchar *const router_upnp_types[] = {
    ST_IGD,
    "urn:schemas-upnp-org:service:Layer3Forwarding:1",
    "urn:schemas-upnp-org:device:WANDevice:1",
    "urn:schemas-upnp-org:service:WANCommonInterfaceConfig:1",
    "urn:schemas-upnp-org:device:WANConnectionDevice:1",
    "urn:schemas-upnp-org:service:WANIPConnection:1",
    NULL};
static const YmGenUpnpRoot router_upnp = {
    .location = "http://192.168.10.1:2869/upnp/rootdesc.xml",
    .server = SERVER_ATERM,
    .spacing = 1500,
    .types = router_upnp_types,
};

static gboolean
ym_gen_router_ssdp(YmGenCtx *ctx,
                   YmGenDevice *device,
                   gint64 t,
                   const gchar *st,
                   YmGenDevice *searcher,
                   guint16 port)
{
	return ym_gen_upnp_ssdp(ctx, device, &router_upnp, t, st, searcher, port);
}

static void
ym_gen_router_arp_task(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	YmGenHome *home = device->home;
	YmGenDevice *peer = &home->devices[_ym_gen_below(ctx, home->n_devices)];
	if (peer == device || !peer->online)
		return;
	/* unicast refresh of the neighbour entry, as Linux does */
	_ym_gen_emit_arp(ctx, t, 1, peer->mac, device->mac, device->ip, NULL, peer->ip);
	_ym_gen_emit_arp(ctx, t + _ym_gen_between(ctx, 800, 6000), 2, device->mac, peer->mac,
	                 peer->ip, device->mac, device->ip);
}

static void
ym_gen_router_join(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	ym_gen_router_ssdp(ctx, device, t + 2 * YM_GEN_SEC, NULL, NULL, 0);
}

/* the IGD description a Windows PC fetches after the M-SEARCH */
static gint64
ym_gen_router_describe(YmGenCtx *ctx, YmGenDevice *router, YmGenDevice *client, gint64 t)
{
	gchar date[40];
	g_autofree gchar *body = NULL;
	g_autofree gchar *head = NULL;
	const gchar *request = "GET /upnp/rootdesc.xml HTTP/1.1\r\n"
	                       "Cache-Control: no-cache\r\n"
	                       "Connection: Close\r\n"
	                       "Pragma: no-cache\r\n"
	                       "Accept: text/xml, application/xml\r\n"
	                       "Host: 192.168.10.1:2869\r\n"
	                       "User-Agent: " UA_UPNP_WINDOWS "\r\n"
	                       "\r\n";

	_ym_gen_http_date(t, date);
	body = g_strdup_printf("<?xml version=\"1.0\"?>\r\n"
	                       "<root xmlns=\"urn:schemas-upnp-org:device-1-0\">\r\n"
	                       "<specVersion><major>1</major><minor>0</minor></specVersion>\r\n"
	                       "<device>\r\n"
	                       "<deviceType>" ST_IGD "</deviceType>\r\n"
	                       "<friendlyName>Aterm WX3600HP</friendlyName>\r\n"
	                       "<manufacturer>NEC Platforms, Ltd.</manufacturer>\r\n"
	                       "<manufacturerURL>https://www.aterm.jp/</manufacturerURL>\r\n"
	                       "<modelDescription>Wireless Broadband Router</modelDescription>\r\n"
	                       "<modelName>WX3600HP</modelName>\r\n"
	                       "<modelNumber>1.4.2</modelNumber>\r\n"
	                       "<UDN>uuid:%s</UDN>\r\n"
	                       "</device>\r\n"
	                       "</root>\r\n",
	                       router->uuid);
	head = g_strdup_printf("HTTP/1.1 200 OK\r\n"
	                       "Content-Type: text/xml; charset=\"utf-8\"\r\n"
	                       "Connection: close\r\n"
	                       "Content-Length: %" G_GSIZE_FORMAT "\r\n"
	                       "Server: " SERVER_ATERM "\r\n"
	                       "Date: %s\r\n"
	                       "\r\n",
	                       strlen(body), date);
	return _ym_gen_device_http_exchange(ctx, client, router->ip, 2869, NULL, request, head,
	                                    body, strlen(body), t);
}

static const YmGenTask router_tasks[] = {{"ssdp-notify", 10 * YM_GEN_MIN, 14 * YM_GEN_MIN,
                                          10 * YM_GEN_MIN, 15 * YM_GEN_MIN,
                                          ym_gen_ssdp_notify_task},
                                         {"arp-refresh", 20 * YM_GEN_SEC, 40 * YM_GEN_SEC,
                                          15 * YM_GEN_SEC, 45 * YM_GEN_SEC, ym_gen_router_arp_task},
                                         {NULL}};

/* ---------------------------------------------------------------------- */
/* Windows 11 desktop (Dell)                                              */
/* ---------------------------------------------------------------------- */

static const gchar *const pc_sites[] = {"www.yahoo.co.jp",
                                        "news.yahoo.co.jp",
                                        "www.bing.com",
                                        "www.amazon.co.jp",
                                        "www.youtube.com",
                                        "www.google.com",
                                        NULL};

static void
ym_gen_pc_join(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	YmGenDevice *router = device->home->router;
	const gchar *name = device->info->hostname;
	gchar date[40];
	g_autofree gchar *ncsi_head = NULL;

	/* NetBIOS name registration, each name twice */
	for (guint i = 0; i < 2; i++) {
		gint64 at = t + i * 750 * YM_GEN_MSEC;
		_ym_gen_device_nbns_register(ctx, device, name, 0x00, FALSE, at);
		_ym_gen_device_nbns_register(ctx, device, "WORKGROUP", 0x00, TRUE, at + 2000);
		_ym_gen_device_nbns_register(ctx, device, name, 0x20, FALSE, at + 4000);
	}
	_ym_gen_device_llmnr_query(ctx, device, name, t + 300 * YM_GEN_MSEC);

	/* network connectivity status indicator */
	t += 1600 * YM_GEN_MSEC;
	_ym_gen_http_date(t, date);
	ncsi_head = g_strdup_printf("HTTP/1.1 200 OK\r\n"
	                            "Content-Length: 22\r\n"
	                            "Content-Type: text/plain\r\n"
	                            "Last-Modified: Fri, 04 Apr 2025 18:27:13 GMT\r\n"
	                            "Connection: close\r\n"
	                            "Date: %s\r\n"
	                            "\r\n",
	                            date);
	t = _ym_gen_device_http(ctx, device, "www.msftconnecttest.com",
	                        "GET /connecttest.txt HTTP/1.1\r\n"
	                        "Connection: Close\r\n"
	                        "User-Agent: " UA_NCSI "\r\n"
	                        "Host: www.msftconnecttest.com\r\n"
	                        "\r\n",
	                        ncsi_head, "Microsoft Connect Test", 22, t);
	_ym_gen_device_resolve(ctx, device, "dns.msftncsi.com", &t);

	/* UPnP: find the gateway and read its description */
	t = _ym_gen_ssdp_search(ctx, device, ST_IGD, NULL, t + 200 * YM_GEN_MSEC);
	t = ym_gen_router_describe(ctx, router, device, t + 20 * YM_GEN_MSEC);

	t = _ym_gen_device_https(ctx, device, YM_TLS_SCHANNEL, "settings-win.data.microsoft.com",
	                         443, "http/1.1", 900, 5200, t + 300 * YM_GEN_MSEC);
	_ym_gen_device_https(ctx, device, YM_TLS_SCHANNEL, "login.microsoftonline.com", 443,
	                     "http/1.1", 4300, 9800, t + 900 * YM_GEN_MSEC);
}

static void
ym_gen_pc_browse(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	const gchar *site = ym_gen_pick(ctx, pc_sites);
	t = ym_gen_https_sized(ctx, device, YM_TLS_CHROME, site, 700, 2400, 20000, 260000, t);
	if (g_str_has_suffix(site, "yahoo.co.jp"))
		_ym_gen_device_https(ctx, device, YM_TLS_CHROME, "s.yimg.jp", 443, NULL, 900,
		                     (gsize) _ym_gen_between(ctx, 30000, 150000),
		                     t - 500 * YM_GEN_MSEC);
}

static gint64
ym_gen_tv_dmr_describe(YmGenCtx *ctx, YmGenDevice *client, const gchar *user_agent, gint64 t);

static void
ym_gen_pc_dial(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	/* Edge's media router looks for cast and DIAL receivers */
	t = _ym_gen_mdns_browse(ctx, device, "_googlecast._tcp.local", t);
	t = _ym_gen_ssdp_search(ctx, device, ST_DIAL, UA_EDGE_DIAL, t + 50 * YM_GEN_MSEC);
	/* Windows network discovery reads the renderer's description now and then */
	if (_ym_gen_chance(ctx, 30))
		ym_gen_tv_dmr_describe(ctx, device, UA_UPNP_WINDOWS, t + 80 * YM_GEN_MSEC);
}

static void
ym_gen_pc_telemetry(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	_ym_gen_device_https(ctx, device, YM_TLS_SCHANNEL, "v10.events.data.microsoft.com", 443,
	                     "http/1.1", (gsize) _ym_gen_between(ctx, 3000, 9000), 420, t);
}

static void
ym_gen_pc_names(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	YmGenDevice *nas = _ym_gen_home_find(device->home, "nas");
	guint8 data[128];
	YmGenBuf buf;
	gchar encoded[33];

	/* someone typed \\DISKSTATION in Explorer: LLMNR, then NetBIOS */
	_ym_gen_device_llmnr_query(ctx, device, "DISKSTATION", t);
	_ym_gen_device_nbns_query(ctx, device, "DISKSTATION", t + 420 * YM_GEN_MSEC);
	if (nas == NULL || !nas->online)
		return;
	/* Samba on the NAS answers the NetBIOS query */
	_ym_gen_netbios_encode("DISKSTATION", 0x20, encoded);
	_ym_gen_buf_init(&buf, data, sizeof(data));
	_ym_gen_buf_put_be16(&buf, (guint16) (0x8000 + device->sequence - 1));
	_ym_gen_buf_put_be16(&buf, 0x8500); /* response, AA, RD */
	_ym_gen_buf_put_be16(&buf, 0);
	_ym_gen_buf_put_be16(&buf, 1);
	_ym_gen_buf_put_be16(&buf, 0);
	_ym_gen_buf_put_be16(&buf, 0);
	_ym_gen_buf_put_u8(&buf, 32);
	_ym_gen_buf_put_str(&buf, encoded);
	_ym_gen_buf_put_u8(&buf, 0);
	_ym_gen_buf_put_be16(&buf, YM_DNS_TYPE_NB);
	_ym_gen_buf_put_be16(&buf, YM_DNS_CLASS_IN);
	_ym_gen_buf_put_be32(&buf, 259200);
	_ym_gen_buf_put_be16(&buf, 6);
	_ym_gen_buf_put_be16(&buf, 0);
	_ym_gen_buf_put_be32(&buf, nas->ip);
	_ym_gen_device_udp(ctx, nas, t + 421 * YM_GEN_MSEC, device->mac, device->ip, 137, 137, 0,
	                   data, buf.len);
}

static void
ym_gen_pc_update(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	gchar date[40];
	gsize size = (gsize) _ym_gen_between(ctx, 250000, 450000);
	gsize offset = (gsize) _ym_gen_between(ctx, 0, 40) * 1048576;
	g_autofree gchar *request = NULL;
	g_autofree gchar *head = NULL;

	_ym_gen_http_date(t, date);
	request =
	    g_strdup_printf("GET /filestreamingservice/files/8b9e1f5c-3a4d-4e0b-9c71-"
	                    "2d6f0a1e7b43?P1=1775120400&P2=404&P3=2&P4=Z3mQ%%2fK2x HTTP/1.1\r\n"
	                    "Connection: Keep-Alive\r\n"
	                    "Accept: */*\r\n"
	                    "Range: bytes=%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT "\r\n"
	                    "User-Agent: " UA_DELIVERY "\r\n"
	                    "MS-CV: 7kQ2bX9sY0uN1c3Z.0\r\n"
	                    "Content-Length: 0\r\n"
	                    "Host: dl.delivery.mp.microsoft.com\r\n"
	                    "\r\n",
	                    offset, offset + size - 1);
	head = g_strdup_printf("HTTP/1.1 206 Partial Content\r\n"
	                       "Content-Type: application/octet-stream\r\n"
	                       "Content-Range: bytes %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT
	                       "/1384529152\r\n"
	                       "Content-Length: %" G_GSIZE_FORMAT "\r\n"
	                       "Accept-Ranges: bytes\r\n"
	                       "ETag: \"0x8DC2B1F4E6A7C3D\"\r\n"
	                       "MS-CV: 7kQ2bX9sY0uN1c3Z.0\r\n"
	                       "Date: %s\r\n"
	                       "\r\n",
	                       offset, offset + size - 1, size, date);
	_ym_gen_device_http(ctx, device, "dl.delivery.mp.microsoft.com", request, head, NULL, size,
	                    t);
}

static void
ym_gen_pc_ocsp(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	gchar date[40];
	guint8 body[1024];
	gsize len = _ym_tls_ocsp_response(ctx, t, body, sizeof(body));
	g_autofree gchar *head = NULL;
	_ym_gen_http_date(t, date);
	head = g_strdup_printf("HTTP/1.1 200 OK\r\n"
	                       "Content-Type: application/ocsp-response\r\n"
	                       "Content-Length: %" G_GSIZE_FORMAT "\r\n"
	                       "Cache-Control: max-age=172800\r\n"
	                       "Server: ECAcc (tyo/D0E2)\r\n"
	                       "Date: %s\r\n"
	                       "\r\n",
	                       len, date);
	_ym_gen_device_http(
	    ctx, device, "ocsp.digicert.com",
	    "GET /MFEwTzBNMEswSTAJBgUrDgMCGgUABBSAUQYBMq2awn1Rh6Doh%2FsBYgFV7gQUA95QNVbR"
	    "TLtm8KPiGxvDl7I90VUCEAJ0LqoXyo4hxxe7H%2Fz9DKA%3D HTTP/1.1\r\n"
	    "Cache-Control: max-age = 172800\r\n"
	    "Connection: Keep-Alive\r\n"
	    "Accept: */*\r\n"
	    "User-Agent: " UA_CRYPTOAPI "\r\n"
	    "Host: ocsp.digicert.com\r\n"
	    "\r\n",
	    head, (const gchar *) body, len, t);
}

/* someone opens the router's settings page in Edge */
static void
ym_gen_pc_router_admin(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	static const gchar *body =
	    "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"UTF-8\">"
	    "<title>Aterm WX3600HP</title></head><body><form method=\"post\" "
	    "action=\"/login.cgi\"><p>ユーザー名 admin</p><input type=\"password\" "
	    "name=\"PASSWORD\"><input type=\"submit\" value=\"ログイン\"></form>"
	    "</body></html>\n";
	gchar date[40];
	g_autofree gchar *head = NULL;
	_ym_gen_http_date(t, date);
	head = g_strdup_printf("HTTP/1.1 200 OK\r\n"
	                       "Date: %s\r\n"
	                       "Content-Type: text/html; charset=UTF-8\r\n"
	                       "Content-Length: %" G_GSIZE_FORMAT "\r\n"
	                       "Cache-Control: no-cache\r\n"
	                       "X-Frame-Options: SAMEORIGIN\r\n"
	                       "Connection: close\r\n"
	                       "\r\n",
	                       date, strlen(body));
	_ym_gen_device_http(ctx, device, "aterm.me",
	                    "GET / HTTP/1.1\r\n"
	                    "Host: aterm.me\r\n"
	                    "Connection: keep-alive\r\n"
	                    "Upgrade-Insecure-Requests: 1\r\n"
	                    "User-Agent: " UA_EDGE "\r\n"
	                    "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,"
	                    "image/avif,image/webp,image/apng,*/*;q=0.8\r\n"
	                    "Accept-Encoding: gzip, deflate\r\n"
	                    "Accept-Language: ja,en;q=0.9,en-GB;q=0.8,en-US;q=0.7\r\n"
	                    "\r\n",
	                    head, body, strlen(body), t);
}

static const YmGenTask pc_tasks[] = {
    {"router-admin", 5 * YM_GEN_MIN, 7 * YM_GEN_MIN, 0, 0, ym_gen_pc_router_admin},
    {"browse", 20 * YM_GEN_SEC, 60 * YM_GEN_SEC, 25 * YM_GEN_SEC, 95 * YM_GEN_SEC,
     ym_gen_pc_browse},
    {"dial", 30 * YM_GEN_SEC, 90 * YM_GEN_SEC, 3 * YM_GEN_MIN, 6 * YM_GEN_MIN, ym_gen_pc_dial},
    {"telemetry", 2 * YM_GEN_MIN, 3 * YM_GEN_MIN, 3 * YM_GEN_MIN, 6 * YM_GEN_MIN,
     ym_gen_pc_telemetry},
    {"names", 4 * YM_GEN_MIN, 6 * YM_GEN_MIN, 8 * YM_GEN_MIN, 12 * YM_GEN_MIN, ym_gen_pc_names},
    {"windows-update", 6 * YM_GEN_MIN, 9 * YM_GEN_MIN, 0, 0, ym_gen_pc_update},
    {"ocsp", 2 * YM_GEN_MIN, 4 * YM_GEN_MIN, 0, 0, ym_gen_pc_ocsp},
    {NULL}};

/* ---------------------------------------------------------------------- */
/* Apple: MacBook Air (M1), iPhone, iPad                                  */
/* ---------------------------------------------------------------------- */

static const YmGenLink apns_link = {
    .name = "courier.push.apple.com",
    .port = 5223,
    .client = YM_TLS_SAFARI,
    .alpn = "apns-security-v3",
    .period_min = 8 * YM_GEN_MIN,
    .period_max = 16 * YM_GEN_MIN,
    .up_min = 40,
    .up_max = 90,
    .down_min = 40,
    .down_max = 160,
    .server_first = TRUE,
};

static gint64
ym_gen_apple_captive(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	static const gchar *body =
	    "<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>";
	gchar date[40];
	g_autofree gchar *head = NULL;
	_ym_gen_http_date(t, date);
	head = g_strdup_printf("HTTP/1.1 200 OK\r\n"
	                       "Content-Type: text/html\r\n"
	                       "Content-Length: %" G_GSIZE_FORMAT "\r\n"
	                       "Cache-Control: max-age=300\r\n"
	                       "Date: %s\r\n"
	                       "Connection: close\r\n"
	                       "\r\n",
	                       strlen(body), date);
	return _ym_gen_device_http(ctx, device, "captive.apple.com",
	                           "GET /hotspot-detect.html HTTP/1.0\r\n"
	                           "Host: captive.apple.com\r\n"
	                           "Connection: close\r\n"
	                           "User-Agent: " UA_CAPTIVE_APPLE "\r\n"
	                           "\r\n",
	                           head, body, strlen(body), t);
}

/* _companion-link._tcp as Apple devices publish it; @model may be NULL */
static gboolean
ym_gen_apple_mdns(YmGenCtx *ctx,
                  YmGenDevice *device,
                  gint64 t,
                  const gchar *service,
                  const gchar *instance,
                  const gchar *host,
                  const gchar *model,
                  gboolean mac)
{
	g_autofree gchar *rp_hn = g_strdup_printf("rpHN=%.12s", device->id);
	g_autofree gchar *rp_ha = g_strdup_printf("rpHA=%.12s", device->id + 12);
	g_autofree gchar *rp_ad = g_strdup_printf("rpAD=%.12s", device->id + 20);
	g_autofree gchar *rp_hi = g_strdup_printf("rpHI=%.12s", device->id2);
	g_autofree gchar *rp_ba = g_strdup_printf(
	    "rpBA=%.2s:%.2s:%.2s:%.2s:%.2s:%.2s", device->id2 + 12, device->id2 + 14,
	    device->id2 + 16, device->id2 + 18, device->id2 + 20, device->id2 + 22);
	g_autofree gchar *rp_md = model != NULL ? g_strdup_printf("rpMd=%s", model) : NULL;
	g_autofree gchar *di_model = model != NULL ? g_strdup_printf("model=%s", model) : NULL;
	const gchar *companion_txt[] = {mac ? "rpMac=1" : "rpMac=0",
	                                rp_hn,
	                                "rpFl=0x20000",
	                                rp_ha,
	                                "rpVr=510.7",
	                                rp_ad,
	                                rp_hi,
	                                rp_ba,
	                                rp_md,
	                                NULL};
	const gchar *device_info_txt[] = {di_model, mac ? "osxvers=24" : NULL, NULL};
	YmGenMdnsService services[] = {
	    {instance, "_companion-link._tcp", 49152 + (device->ip & 0xff), companion_txt},
	    {instance, "_device-info._tcp", 0, device_info_txt},
	};
	return ym_gen_mdns_answer(ctx, device, t, service, host, services, model != NULL ? 2 : 1);
}

static gboolean
ym_gen_mac_mdns(YmGenCtx *ctx, YmGenDevice *device, gint64 t, const gchar *service)
{
	g_autofree gchar *deviceid = ym_gen_mac_text(device->mac, TRUE);
	g_autofree gchar *airplay_id = g_strdup_printf("deviceid=%s", deviceid);
	g_autofree gchar *pk = g_strdup_printf("pk=%s%s", device->id, device->id);
	g_autofree gchar *pi = g_strdup_printf("pi=%s", device->uuid);
	g_autofree gchar *raop =
	    g_strdup_printf("%.2s%.2s%.2s%.2s%.2s%.2s@" FAMILY_MAC, deviceid, deviceid + 3,
	                    deviceid + 6, deviceid + 9, deviceid + 12, deviceid + 15);
	const gchar *airplay_txt[] = {"acl=0",
	                              airplay_id,
	                              "features=0x4A7FCA00,0xBC354BD0",
	                              "flags=0x4",
	                              "model=MacBookAir10,1",
	                              pk,
	                              pi,
	                              "srcvers=845.5.1",
	                              "osvers=15.3",
	                              "vv=2",
	                              NULL};
	const gchar *raop_txt[] = {
	    "cn=0,1,2,3", "da=true",  "et=0,3,5",          "ft=0x4A7FCA00,0xBC354BD0",
	    "sf=0x4",     "md=0,1,2", "am=MacBookAir10,1", pk,
	    "tp=UDP",     "vn=65537", "vs=845.5.1",        "ov=15.3",
	    "vv=2",       NULL};
	YmGenMdnsService services[] = {
	    {FAMILY_MAC, "_airplay._tcp", 7000, airplay_txt},
	    {raop, "_raop._tcp", 7000, raop_txt},
	};
	gboolean any = FALSE;

	any |= ym_gen_apple_mdns(ctx, device, t, service, FAMILY_MAC, "MacBook-Air",
	                         "MacBookAir10,1", TRUE);
	any |= ym_gen_mdns_answer(ctx, device, t + 3 * YM_GEN_MSEC, service, "MacBook-Air",
	                          services, G_N_ELEMENTS(services));
	return any;
}

static void
ym_gen_mac_join(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	t = _ym_gen_mdns_probe(ctx, device, "MacBook-Air", t);
	ym_gen_mdns_announce_twice(ctx, device, t);
	t = ym_gen_apple_captive(ctx, device, t + 200 * YM_GEN_MSEC);
	t = _ym_gen_device_ntp(ctx, device, "time.apple.com", t + 100 * YM_GEN_MSEC);
	_ym_gen_link_start(ctx, device, &apns_link, t + 300 * YM_GEN_MSEC);
	_ym_gen_device_https(ctx, device, YM_TLS_SAFARI, "gateway.icloud.com", 443, NULL, 1800,
	                     6400, t + 1200 * YM_GEN_MSEC);
	_ym_gen_device_https(ctx, device, YM_TLS_SAFARI, "gsp-ssl.ls.apple.com", 443, "http/1.1",
	                     700, 2300, t + 2 * YM_GEN_SEC);
}

static const gchar *const mac_sites[] = {"www.yahoo.co.jp", "www.apple.com",    "news.yahoo.co.jp",
                                         "www.google.com",  "www.amazon.co.jp", NULL};

static void
ym_gen_safari_browse(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	ym_gen_https_sized(ctx, device, YM_TLS_SAFARI, ym_gen_pick(ctx, mac_sites), 600, 2000,
	                   15000, 220000, t);
}

static void
ym_gen_apple_browse_services(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	static const gchar *const services[] = {"_airplay._tcp.local",
	                                        "_raop._tcp.local",
	                                        "_companion-link._tcp.local",
	                                        "_hap._tcp.local",
	                                        "_googlecast._tcp.local",
	                                        "_ipp._tcp.local",
	                                        NULL};
	_ym_gen_mdns_browse(ctx, device, ym_gen_pick(ctx, services), t);
}

static void
ym_gen_apple_icloud(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	static const gchar *const hosts[] = {"gateway.icloud.com", "p108-caldav.icloud.com",
	                                     "api.apple-cloudkit.com", NULL};
	ym_gen_https_sized(ctx, device, YM_TLS_SAFARI, ym_gen_pick(ctx, hosts), 900, 4000, 1500,
	                   12000, t);
}

static void
ym_gen_mac_nas_web(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	YmGenDevice *nas = _ym_gen_home_find(device->home, "nas");
	gchar date[40];
	g_autofree gchar *head = NULL;
	gsize size = (gsize) _ym_gen_between(ctx, 3800, 5200);

	if (nas == NULL || !nas->online)
		return;
	_ym_gen_http_date(t, date);
	head = g_strdup_printf("HTTP/1.1 200 OK\r\n"
	                       "Server: nginx\r\n"
	                       "Date: %s\r\n"
	                       "Content-Type: text/html; charset=\"UTF-8\"\r\n"
	                       "Content-Length: %" G_GSIZE_FORMAT "\r\n"
	                       "Connection: keep-alive\r\n"
	                       "Keep-Alive: timeout=20\r\n"
	                       "Vary: Accept-Encoding\r\n"
	                       "Cache-control: no-store\r\n"
	                       "X-Content-Type-Options: nosniff\r\n"
	                       "X-XSS-Protection: 1; mode=block\r\n"
	                       "\r\n",
	                       date, size);
	_ym_gen_device_http_exchange(
	    ctx, device, nas->ip, 5000, NULL,
	    "GET / HTTP/1.1\r\n"
	    "Host: diskstation.local:5000\r\n"
	    "Upgrade-Insecure-Requests: 1\r\n"
	    "Accept: "
	    "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
	    "User-Agent: " UA_SAFARI_MAC "\r\n"
	    "Accept-Language: ja-JP,ja;q=0.9\r\n"
	    "Accept-Encoding: gzip, deflate\r\n"
	    "Connection: keep-alive\r\n"
	    "\r\n",
	    head, NULL, size, t);
}

static const YmGenTask mac_tasks[] = {
    {"browse", 30 * YM_GEN_SEC, 90 * YM_GEN_SEC, 30 * YM_GEN_SEC, 120 * YM_GEN_SEC,
     ym_gen_safari_browse},
    {"mdns-browse", 10 * YM_GEN_SEC, 60 * YM_GEN_SEC, 90 * YM_GEN_SEC, 240 * YM_GEN_SEC,
     ym_gen_apple_browse_services},
    {"icloud", 2 * YM_GEN_MIN, 4 * YM_GEN_MIN, 2 * YM_GEN_MIN, 5 * YM_GEN_MIN, ym_gen_apple_icloud},
    {"nas-web", 3 * YM_GEN_MIN, 6 * YM_GEN_MIN, 5 * YM_GEN_MIN, 10 * YM_GEN_MIN,
     ym_gen_mac_nas_web},
    {NULL}};

static gboolean
ym_gen_iphone_mdns(YmGenCtx *ctx, YmGenDevice *device, gint64 t, const gchar *service)
{
	return ym_gen_apple_mdns(ctx, device, t, service, FAMILY_IPHONE, "iPhone", NULL, FALSE);
}

static void
ym_gen_iphone_join(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	t = _ym_gen_mdns_probe(ctx, device, "iPhone", t);
	ym_gen_mdns_announce_twice(ctx, device, t);
	t = ym_gen_apple_captive(ctx, device, t + 150 * YM_GEN_MSEC);
	_ym_gen_link_start(ctx, device, &apns_link, t + 200 * YM_GEN_MSEC);
	t = _ym_gen_device_ntp(ctx, device, "time.apple.com", t + 500 * YM_GEN_MSEC);
	_ym_gen_device_https(ctx, device, YM_TLS_SAFARI, "legy.line-apps.com", 443, NULL, 1400,
	                     3800, t + 600 * YM_GEN_MSEC);
}

static void
ym_gen_iphone_line(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	t = ym_gen_https_sized(ctx, device, YM_TLS_SAFARI, "legy.line-apps.com", 600, 2500, 900,
	                       6000, t);
	/* a photo in a chat */
	if (_ym_gen_chance(ctx, 35))
		_ym_gen_device_https(ctx, device, YM_TLS_SAFARI, "obs.line-scdn.net", 443, NULL,
		                     800, (gsize) _ym_gen_between(ctx, 60000, 400000), t);
}

static void
ym_gen_iphone_browse(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	static const gchar *const sites[] = {"news.yahoo.co.jp", "www.yahoo.co.jp",
	                                     "www.google.com", NULL};
	ym_gen_https_sized(ctx, device, YM_TLS_SAFARI, ym_gen_pick(ctx, sites), 600, 1800, 20000,
	                   180000, t);
}

static const YmGenTask iphone_tasks[] = {
    {"line", 20 * YM_GEN_SEC, 60 * YM_GEN_SEC, 40 * YM_GEN_SEC, 150 * YM_GEN_SEC,
     ym_gen_iphone_line},
    {"browse", 60 * YM_GEN_SEC, 120 * YM_GEN_SEC, 60 * YM_GEN_SEC, 240 * YM_GEN_SEC,
     ym_gen_iphone_browse},
    {"mdns-browse", 30 * YM_GEN_SEC, 90 * YM_GEN_SEC, 80 * YM_GEN_SEC, 200 * YM_GEN_SEC,
     ym_gen_apple_browse_services},
    {"icloud", 3 * YM_GEN_MIN, 5 * YM_GEN_MIN, 4 * YM_GEN_MIN, 8 * YM_GEN_MIN, ym_gen_apple_icloud},
    {NULL}};

static gboolean
ym_gen_ipad_mdns(YmGenCtx *ctx, YmGenDevice *device, gint64 t, const gchar *service)
{
	return ym_gen_apple_mdns(ctx, device, t, service, FAMILY_IPAD, "iPad", "iPad13,18", FALSE);
}

/* the iPad is the HomeKit home hub: it reconnects to the lock and reads
 * characteristics over the encrypted HAP session; the plain HTTP
 * pair-verify before it is left out because dissectors would then parse
 * the encrypted frames as broken HTTP */
static void
ym_gen_ipad_hap(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	YmGenDevice *lock = _ym_gen_home_find(device->home, "lock");
	YmGenTcp tcp;
	guint8 data[512];
	YmGenBuf buf;

	if (lock == NULL || !lock->online)
		return;
	_ym_gen_device_tcp_to(ctx, device, &tcp, lock->ip, 51827, NULL);
	tcp.rtt = _ym_gen_between(ctx, 3000, 12000); /* Wi-Fi power save on the lock */
	t = _ym_gen_tcp_connect(ctx, &tcp, t);

	/* ChaCha20-Poly1305 frames: 2-byte little-endian length, data, tag */
	for (guint i = 0; i < 4; i++) {
		gsize len = (gsize) _ym_gen_between(ctx, 60, 220);
		_ym_gen_buf_init(&buf, data, sizeof(data));
		_ym_gen_buf_put_u8(&buf, (guint8) len);
		_ym_gen_buf_put_u8(&buf, 0);
		_ym_gen_buf_put_bytes(&buf, _ym_gen_noise(ctx, len + 16), len + 16);
		t = _ym_gen_tcp_send(ctx, &tcp, YM_GEN_CLIENT, buf.data, buf.len,
		                     t + 30 * YM_GEN_MSEC);
		t += tcp.rtt + 20 * YM_GEN_MSEC;
		len = (gsize) _ym_gen_between(ctx, 90, 400);
		_ym_gen_buf_init(&buf, data, sizeof(data));
		_ym_gen_buf_put_u8(&buf, (guint8) (len & 0xff));
		_ym_gen_buf_put_u8(&buf, (guint8) (len >> 8));
		_ym_gen_buf_put_bytes(&buf, _ym_gen_noise(ctx, len + 16), len + 16);
		t = _ym_gen_tcp_send(ctx, &tcp, YM_GEN_SERVER, buf.data, buf.len, t);
		t = _ym_gen_tcp_ack(ctx, &tcp, YM_GEN_CLIENT, t + tcp.lan);
	}
	_ym_gen_tcp_close(ctx, &tcp, YM_GEN_CLIENT, t + 2 * YM_GEN_SEC);
}

static void
ym_gen_ipad_join(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	t = _ym_gen_mdns_probe(ctx, device, "iPad", t);
	ym_gen_mdns_announce_twice(ctx, device, t);
	t = ym_gen_apple_captive(ctx, device, t + 150 * YM_GEN_MSEC);
	_ym_gen_link_start(ctx, device, &apns_link, t + 200 * YM_GEN_MSEC);
	t = _ym_gen_mdns_browse(ctx, device, "_hap._tcp.local", t + 400 * YM_GEN_MSEC);
	ym_gen_ipad_hap(ctx, device, t + 300 * YM_GEN_MSEC);
}

static void
ym_gen_ipad_youtube(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	t = _ym_gen_device_https(ctx, device, YM_TLS_CHROME, "www.youtube.com", 443, NULL, 2200,
	                         90000, t);
	t = _ym_gen_device_https(ctx, device, YM_TLS_CHROME, "i.ytimg.com", 443, NULL, 900, 160000,
	                         t);
	_ym_gen_device_https(ctx, device, YM_TLS_CHROME, "rr3---sn-oguelnsy.googlevideo.com", 443,
	                     NULL, 1600, (gsize) _ym_gen_between(ctx, 900000, 1800000), t);
}

static const YmGenTask ipad_tasks[] = {
    {"browse", 40 * YM_GEN_SEC, 120 * YM_GEN_SEC, 60 * YM_GEN_SEC, 200 * YM_GEN_SEC,
     ym_gen_safari_browse},
    {"mdns-browse", 20 * YM_GEN_SEC, 80 * YM_GEN_SEC, 90 * YM_GEN_SEC, 240 * YM_GEN_SEC,
     ym_gen_apple_browse_services},
    {"home-hub", 4 * YM_GEN_MIN, 6 * YM_GEN_MIN, 5 * YM_GEN_MIN, 9 * YM_GEN_MIN, ym_gen_ipad_hap},
    {"youtube", 9 * YM_GEN_MIN, 12 * YM_GEN_MIN, 10 * YM_GEN_MIN, 14 * YM_GEN_MIN,
     ym_gen_ipad_youtube},
    {NULL}};

/* ---------------------------------------------------------------------- */
/* Android: Pixel 7                                                       */
/* ---------------------------------------------------------------------- */

static const YmGenLink mtalk_link = {
    .name = "mtalk.google.com",
    .port = 5228,
    .client = YM_TLS_CONSCRYPT,
    .alpn = "",
    .period_min = 7 * YM_GEN_MIN,
    .period_max = 12 * YM_GEN_MIN,
    .up_min = 30,
    .up_max = 60,
    .down_min = 30,
    .down_max = 300,
};

/* the answer of Google's connectivity check; @extra: header lines or "" */
static gchar *
ym_gen_generate_204_head(gint64 t, const gchar *extra)
{
	gchar date[40];
	_ym_gen_http_date(t, date);
	return g_strdup_printf("HTTP/1.1 204 No Content\r\n"
	                       "Content-Length: 0\r\n"
	                       "%s"
	                       "Date: %s\r\n"
	                       "\r\n",
	                       extra, date);
}

/* the connectivity check as Android's HttpURLConnection sends it */
static gchar *
ym_gen_generate_204_request(const gchar *host, const gchar *user_agent)
{
	return g_strdup_printf("GET /generate_204 HTTP/1.1\r\n"
	                       "User-Agent: %s\r\n"
	                       "Host: %s\r\n"
	                       "Connection: Keep-Alive\r\n"
	                       "Accept-Encoding: gzip\r\n"
	                       "\r\n",
	                       user_agent, host);
}

/* the captive-portal probe: plain HTTP with a desktop Chrome UA */
static gint64
ym_gen_android_captive(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	const gchar *host = "connectivitycheck.gstatic.com";
	g_autofree gchar *head =
	    ym_gen_generate_204_head(t, "Cross-Origin-Resource-Policy: cross-origin\r\n");
	g_autofree gchar *request = ym_gen_generate_204_request(host, UA_ANDROID_CAPTIVE);
	_ym_gen_device_https(ctx, device, YM_TLS_CONSCRYPT, "www.google.com", 443, "http/1.1", 520,
	                     420, t + 2 * YM_GEN_MSEC);
	return _ym_gen_device_http(ctx, device, host, request, head, NULL, 0, t);
}

static void
ym_gen_android_join(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	t = ym_gen_android_captive(ctx, device, t);
	_ym_gen_link_start(ctx, device, &mtalk_link, t + 500 * YM_GEN_MSEC);
	t = _ym_gen_device_https(ctx, device, YM_TLS_CONSCRYPT, "play.googleapis.com", 443, NULL,
	                         1600, 7400, t + 900 * YM_GEN_MSEC);
	_ym_gen_device_https(ctx, device, YM_TLS_CONSCRYPT, "android.googleapis.com", 443, NULL,
	                     2100, 3900, t + 300 * YM_GEN_MSEC);
}

static void
ym_gen_android_browse(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	static const gchar *const sites[] = {"www.yahoo.co.jp", "www.youtube.com", "www.google.com",
	                                     "news.yahoo.co.jp", NULL};
	ym_gen_https_sized(ctx, device, YM_TLS_CHROME, ym_gen_pick(ctx, sites), 600, 2000, 15000,
	                   200000, t);
}

static void
ym_gen_android_app(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	g_autofree gchar *head = ym_gen_generate_204_head(t, "");
	g_autofree gchar *request =
	    ym_gen_generate_204_request("clients3.google.com", UA_DALVIK_PIXEL);
	/* an app's own reachability check through HttpURLConnection */
	t = _ym_gen_device_http(ctx, device, "clients3.google.com", request, head, NULL, 0, t);
	_ym_gen_device_https(ctx, device, YM_TLS_CONSCRYPT, "abema.tv", 443, NULL, 900,
	                     (gsize) _ym_gen_between(ctx, 8000, 40000), t + 200 * YM_GEN_MSEC);
}

/* Kasa app: local discovery by broadcast, then a TCP query */
static void
ym_gen_kasa_probe(YmGenCtx *ctx, YmGenDevice *device, gint64 t, guint16 sport);
static void
ym_gen_kasa_tcp_query(YmGenCtx *ctx, YmGenDevice *device, gint64 t);

static void
ym_gen_android_kasa(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	ym_gen_kasa_probe(ctx, device, t, _ym_gen_device_port(ctx, device));
	ym_gen_kasa_tcp_query(ctx, device, t + 400 * YM_GEN_MSEC);
}

static gint64
ym_gen_tv_dial_describe(YmGenCtx *ctx, YmGenDevice *client, gint64 t);

static void
ym_gen_android_cast(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	t = _ym_gen_mdns_browse(ctx, device, "_googlecast._tcp.local", t);
	t = _ym_gen_ssdp_search(ctx, device, ST_DIAL, NULL, t + 100 * YM_GEN_MSEC);
	ym_gen_tv_dial_describe(ctx, device, t + 50 * YM_GEN_MSEC);
}

static const YmGenTask android_tasks[] = {
    {"browse", 40 * YM_GEN_SEC, 100 * YM_GEN_SEC, 45 * YM_GEN_SEC, 160 * YM_GEN_SEC,
     ym_gen_android_browse},
    {"app", 2 * YM_GEN_MIN, 4 * YM_GEN_MIN, 5 * YM_GEN_MIN, 10 * YM_GEN_MIN, ym_gen_android_app},
    {"kasa", 1 * YM_GEN_MIN, 3 * YM_GEN_MIN, 3 * YM_GEN_MIN, 6 * YM_GEN_MIN, ym_gen_android_kasa},
    {"cast", 3 * YM_GEN_MIN, 5 * YM_GEN_MIN, 4 * YM_GEN_MIN, 8 * YM_GEN_MIN, ym_gen_android_cast},
    {NULL}};

/* ---------------------------------------------------------------------- */
/* Sony BRAVIA KJ-55X85K (Google TV, Android TV 10)                       */
/* ---------------------------------------------------------------------- */

static gboolean
ym_gen_cast_mdns(YmGenCtx *ctx,
                 YmGenDevice *device,
                 gint64 t,
                 const gchar *service,
                 const gchar *model,
                 const gchar *friendly,
                 const gchar *ca,
                 const gchar *host)
{
	g_autofree gchar *instance = g_strdup_printf("%s-%s", model, device->id);
	/* the instance name is the model with dashes, then the id */
	g_strdelimit(instance, " ", '-');
	g_autofree gchar *id = g_strdup_printf("id=%s", device->id);
	g_autofree gchar *cd = g_strdup_printf("cd=%s", device->id2);
	g_autofree gchar *md = g_strdup_printf("md=%s", model);
	g_autofree gchar *fn = g_strdup_printf("fn=%s", friendly);
	g_autofree gchar *ca_txt = g_strdup_printf("ca=%s", ca);
	g_autofree gchar *bs = g_strdup_printf("bs=FA8F%.8s", device->id2 + 8);
	g_autofree gchar *zone =
	    g_strdup_printf("%.8s-%.4s-%.4s-%.4s-%.12s", device->id2, device->id2 + 8,
	                    device->id2 + 12, device->id2 + 16, device->id2 + 20);
	g_autofree gchar *zone_id = g_strdup_printf("id=%s", device->uuid);
	const gchar *cast_txt[] = {
	    id,     cd, "rm=",  "ve=05", md,  "ic=/setup/icon.png", fn, ca_txt,
	    "st=0", bs, "nf=1", "rs=",   NULL};
	const gchar *zone_txt[] = {zone_id, "__common_time__=0", NULL};
	g_autofree gchar *mac = ym_gen_mac_text(device->mac, TRUE);
	g_autofree gchar *bt = g_strdup_printf("bt=%s", mac);
	const gchar *remote_txt[] = {bt, NULL};
	gboolean speaker = device->info->kind == YM_GEN_KIND_SPEAKER;
	YmGenMdnsService services[] = {
	    {instance, "_googlecast._tcp", 8009, cast_txt},
	    {speaker ? zone : model, speaker ? "_googlezone._tcp" : "_androidtvremote2._tcp",
	     speaker ? 10001 : 6466, speaker ? zone_txt : remote_txt},
	};
	return ym_gen_mdns_answer(ctx, device, t, service, host, services, G_N_ELEMENTS(services));
}

static gboolean
ym_gen_tv_mdns(YmGenCtx *ctx, YmGenDevice *device, gint64 t, const gchar *service)
{
	return ym_gen_cast_mdns(ctx, device, t, service, "BRAVIA 4K VH2", TV_FRIENDLY, "264709",
	                        "BRAVIA-4K-VH2");
}

static const gchar *const tv_upnp_types[] = {"urn:schemas-upnp-org:device:MediaRenderer:1",
                                             "urn:schemas-upnp-org:service:RenderingControl:1",
                                             "urn:schemas-upnp-org:service:ConnectionManager:1",
                                             "urn:schemas-upnp-org:service:AVTransport:1",
                                             "urn:schemas-sony-com:service:ScalarWebAPI:1",
                                             "urn:schemas-sony-com:service:IRCC:1",
                                             ST_DIAL,
                                             NULL};
static const YmGenUpnpRoot tv_upnp = {
    .location = "http://192.168.10.10:52323/dmr.xml",
    .dial_location = "http://192.168.10.10:8008/ssdp/device-desc.xml",
    .server = SERVER_BRAVIA,
    .spacing = 2 * YM_GEN_MSEC,
    .types = tv_upnp_types,
};

static gboolean
ym_gen_tv_ssdp(YmGenCtx *ctx,
               YmGenDevice *device,
               gint64 t,
               const gchar *st,
               YmGenDevice *searcher,
               guint16 port)
{
	return ym_gen_upnp_ssdp(ctx, device, &tv_upnp, t, st, searcher, port);
}

/* a DIAL client reads the device description (Cast's DIAL server on 8008) */
static gint64
ym_gen_tv_dial_describe(YmGenCtx *ctx, YmGenDevice *client, gint64 t)
{
	YmGenDevice *tv = _ym_gen_home_find(client->home, "tv");
	g_autofree gchar *body = NULL;
	g_autofree gchar *head = NULL;
	const gchar *request = "GET /ssdp/device-desc.xml HTTP/1.1\r\n"
	                       "Host: 192.168.10.10:8008\r\n"
	                       "Connection: keep-alive\r\n"
	                       "Origin: package:com.google.android.youtube\r\n"
	                       "User-Agent: " UA_DALVIK_PIXEL "\r\n"
	                       "Accept-Encoding: gzip\r\n"
	                       "\r\n";
	if (tv == NULL || !tv->online)
		return t;
	body =
	    g_strdup_printf("<?xml version=\"1.0\"?>\n"
	                    "<root xmlns=\"urn:schemas-upnp-org:device-1-0\">\n"
	                    "  <specVersion><major>1</major><minor>0</minor></specVersion>\n"
	                    "  <URLBase>http://192.168.10.10:8008</URLBase>\n"
	                    "  <device>\n"
	                    "    <deviceType>urn:dial-multiscreen-org:device:dial:1</deviceType>\n"
	                    "    <friendlyName>" TV_FRIENDLY "</friendlyName>\n"
	                    "    <manufacturer>Sony</manufacturer>\n"
	                    "    <modelName>BRAVIA 4K VH2</modelName>\n"
	                    "    <UDN>uuid:%s</UDN>\n"
	                    "  </device>\n"
	                    "</root>\n",
	                    tv->uuid);
	head = g_strdup_printf("HTTP/1.1 200 OK\r\n"
	                       "Access-Control-Allow-Headers: Content-Type\r\n"
	                       "Access-Control-Expose-Headers: Location\r\n"
	                       "Application-URL: http://192.168.10.10:8008/apps\r\n"
	                       "Content-Length: %" G_GSIZE_FORMAT "\r\n"
	                       "Content-Type: application/xml\r\n"
	                       "\r\n",
	                       strlen(body));
	return _ym_gen_device_http_exchange(ctx, client, tv->ip, 8008, NULL, request, head, body,
	                                    strlen(body), t);
}

/* the UPnP renderer description names the exact model */
static gint64
ym_gen_tv_dmr_describe(YmGenCtx *ctx, YmGenDevice *client, const gchar *user_agent, gint64 t)
{
	YmGenDevice *tv = _ym_gen_home_find(client->home, "tv");
	g_autofree gchar *request = NULL;
	g_autofree gchar *body = NULL;
	g_autofree gchar *head = NULL;
	gchar date[40];

	if (tv == NULL || !tv->online)
		return t;
	request = g_strdup_printf("GET /dmr.xml HTTP/1.1\r\n"
	                          "Host: 192.168.10.10:52323\r\n"
	                          "User-Agent: %s\r\n"
	                          "Connection: close\r\n"
	                          "\r\n",
	                          user_agent);
	body = g_strdup_printf(
	    "<?xml version=\"1.0\"?>\r\n"
	    "<root xmlns=\"urn:schemas-upnp-org:device-1-0\" "
	    "xmlns:av=\"urn:schemas-sony-com:av\">\r\n"
	    "  <specVersion><major>1</major><minor>0</minor></specVersion>\r\n"
	    "  <device>\r\n"
	    "    <deviceType>urn:schemas-upnp-org:device:MediaRenderer:1</deviceType>\r\n"
	    "    <friendlyName>KJ-55X85K</friendlyName>\r\n"
	    "    <manufacturer>Sony Corporation</manufacturer>\r\n"
	    "    <manufacturerURL>http://www.sony.net/</manufacturerURL>\r\n"
	    "    <modelName>KJ-55X85K</modelName>\r\n"
	    "    <UDN>uuid:%s</UDN>\r\n"
	    "    <av:X_ScalarWebAPI_DeviceInfo>\r\n"
	    "      <av:X_ScalarWebAPI_Version>1.0</av:X_ScalarWebAPI_Version>\r\n"
	    "    </av:X_ScalarWebAPI_DeviceInfo>\r\n"
	    "  </device>\r\n"
	    "</root>\r\n",
	    tv->uuid);
	_ym_gen_http_date(t, date);
	head = g_strdup_printf("HTTP/1.1 200 OK\r\n"
	                       "CONTENT-LENGTH: %" G_GSIZE_FORMAT "\r\n"
	                       "CONTENT-TYPE: text/xml; charset=\"utf-8\"\r\n"
	                       "DATE: %s\r\n"
	                       "SERVER: " SERVER_BRAVIA "\r\n"
	                       "\r\n",
	                       strlen(body), date);
	return _ym_gen_device_http_exchange(ctx, client, tv->ip, 52323, NULL, request, head, body,
	                                    strlen(body), t);
}

static void
ym_gen_tv_join(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	ym_gen_mdns_announce_twice(ctx, device, t);
	ym_gen_tv_ssdp(ctx, device, t + 1500 * YM_GEN_MSEC, NULL, NULL, 0);
	t = ym_gen_android_captive(ctx, device, t + 300 * YM_GEN_MSEC);
	t = _ym_gen_device_ntp(ctx, device, "time.google.com", t + 100 * YM_GEN_MSEC);
	t = _ym_gen_device_https(ctx, device, YM_TLS_CONSCRYPT, "www.googleapis.com", 443, NULL,
	                         1300, 5200, t + 200 * YM_GEN_MSEC);
	_ym_gen_device_https(ctx, device, YM_TLS_CONSCRYPT, "www.netflix.com", 443, NULL, 1900,
	                     14000, t + 600 * YM_GEN_MSEC);
}

static void
ym_gen_tv_services(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	static const gchar *const hosts[] = {"android.googleapis.com", "play.googleapis.com",
	                                     "www.googleapis.com", NULL};
	g_autofree gchar *head = NULL;
	g_autofree gchar *request =
	    ym_gen_generate_204_request("clients3.google.com", UA_DALVIK_BRAVIA);

	t = ym_gen_https_sized(ctx, device, YM_TLS_CONSCRYPT, ym_gen_pick(ctx, hosts), 900, 3000,
	                       2000, 30000, t);
	/* an app's plain HTTP poll with the system User-Agent */
	head = ym_gen_generate_204_head(t, "");
	_ym_gen_device_http(ctx, device, "clients3.google.com", request, head, NULL, 0,
	                    t + 100 * YM_GEN_MSEC);
}

static const YmGenTask tv_tasks[] = {{"ssdp-notify", 3 * YM_GEN_MIN, 5 * YM_GEN_MIN, 3 * YM_GEN_MIN,
                                      5 * YM_GEN_MIN, ym_gen_ssdp_notify_task},
                                     {"services", 2 * YM_GEN_MIN, 6 * YM_GEN_MIN, 4 * YM_GEN_MIN,
                                      9 * YM_GEN_MIN, ym_gen_tv_services},
                                     {NULL}};

/* ---------------------------------------------------------------------- */
/* Google Nest Mini                                                       */
/* ---------------------------------------------------------------------- */

static const YmGenLink assistant_link = {
    .name = "assistant-s3-pa.googleapis.com",
    .port = 443,
    .client = YM_TLS_CAST,
    .alpn = "h2",
    .period_min = 4 * YM_GEN_MIN,
    .period_max = 7 * YM_GEN_MIN,
    .up_min = 60,
    .up_max = 200,
    .down_min = 40,
    .down_max = 180,
};

static gboolean
ym_gen_speaker_mdns(YmGenCtx *ctx, YmGenDevice *device, gint64 t, const gchar *service)
{
	/* Cast devices publish a UUID-like host name */
	g_autofree gchar *host =
	    g_strdup_printf("%.8s-%.4s-%.4s-%.4s-%.12s", device->id, device->id + 8,
	                    device->id + 12, device->id + 16, device->id + 20);
	return ym_gen_cast_mdns(ctx, device, t, service, "Google Nest Mini", SPEAKER_FRIENDLY,
	                        "199172", host);
}

static gboolean
ym_gen_speaker_ssdp(YmGenCtx *ctx,
                    YmGenDevice *device,
                    gint64 t,
                    const gchar *st,
                    YmGenDevice *searcher,
                    guint16 port)
{
	/* the Cast DIAL server only answers searches, it does not NOTIFY */
	if (st == NULL || g_strcmp0(st, ST_DIAL) != 0)
		return FALSE;
	_ym_gen_ssdp_reply(ctx, device, t, searcher, port,
	                   "http://192.168.10.8:8008/ssdp/device-desc.xml", SERVER_CAST, ST_DIAL);
	return TRUE;
}

static void
ym_gen_speaker_join(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	g_autofree gchar *head = ym_gen_generate_204_head(t, "");

	ym_gen_mdns_announce_twice(ctx, device, t);
	t = _ym_gen_device_http(ctx, device, "clients3.google.com",
	                        "GET /generate_204 HTTP/1.1\r\n"
	                        "Host: clients3.google.com\r\n"
	                        "Connection: keep-alive\r\n"
	                        "User-Agent: " UA_CRKEY "\r\n"
	                        "Accept-Encoding: gzip, deflate\r\n"
	                        "\r\n",
	                        head, NULL, 0, t + 200 * YM_GEN_MSEC);
	t = _ym_gen_device_ntp(ctx, device, "time.google.com", t + 50 * YM_GEN_MSEC);
	_ym_gen_link_start(ctx, device, &assistant_link, t + 300 * YM_GEN_MSEC);
	_ym_gen_device_https(ctx, device, YM_TLS_CAST, "tools.l.google.com", 443, NULL, 1100, 4800,
	                     t + 900 * YM_GEN_MSEC);
}

static void
ym_gen_speaker_kasa(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	/* Nest speakers look for Kasa plugs for local control every minute */
	ym_gen_kasa_probe(ctx, device, t, 9999);
}

static void
ym_gen_speaker_cloud(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	ym_gen_https_sized(ctx, device, YM_TLS_CAST, "www.googleapis.com", 700, 2000, 1500, 9000,
	                   t);
}

static const YmGenTask speaker_tasks[] = {{"kasa-probe", 20 * YM_GEN_SEC, 60 * YM_GEN_SEC,
                                           58 * YM_GEN_SEC, 62 * YM_GEN_SEC, ym_gen_speaker_kasa},
                                          {"cloud", 2 * YM_GEN_MIN, 5 * YM_GEN_MIN, 5 * YM_GEN_MIN,
                                           10 * YM_GEN_MIN, ym_gen_speaker_cloud},
                                          {NULL}};

/* ---------------------------------------------------------------------- */
/* Amazon Echo                                                            */
/* ---------------------------------------------------------------------- */

static const YmGenLink alexa_link = {
    .name = "avs-alexa-4-fe.amazon.com",
    .port = 443,
    .client = YM_TLS_CONSCRYPT,
    .alpn = "h2",
    .period_min = 4 * YM_GEN_MIN,
    .period_max = 8 * YM_GEN_MIN,
    .up_min = 50,
    .up_max = 160,
    .down_min = 40,
    .down_max = 120,
};

static void
ym_gen_echo_discover(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	/* smart home discovery: WeMo and Hue style searches */
	t = _ym_gen_ssdp_search(ctx, device, "urn:Belkin:device:**", NULL, t);
	_ym_gen_ssdp_search(ctx, device, "urn:schemas-upnp-org:device:basic:1", NULL,
	                    t + 300 * YM_GEN_MSEC);
}

static void
ym_gen_echo_join(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	t = _ym_gen_device_ntp(ctx, device, "0.amazon.pool.ntp.org", t);
	_ym_gen_link_start(ctx, device, &alexa_link, t + 200 * YM_GEN_MSEC);
	_ym_gen_device_https(ctx, device, YM_TLS_CONSCRYPT, "api.amazonalexa.com", 443, NULL, 1200,
	                     3300, t + 1 * YM_GEN_SEC);
	ym_gen_echo_discover(ctx, device, t + 4 * YM_GEN_SEC);
}

static void
ym_gen_echo_metrics(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	_ym_gen_device_https(ctx, device, YM_TLS_CONSCRYPT, "device-metrics-us-2.amazon.com", 443,
	                     NULL, (gsize) _ym_gen_between(ctx, 1500, 6000), 300, t);
}

static const YmGenTask echo_tasks[] = {{"metrics", 2 * YM_GEN_MIN, 5 * YM_GEN_MIN, 4 * YM_GEN_MIN,
                                        8 * YM_GEN_MIN, ym_gen_echo_metrics},
                                       {"discover", 10 * YM_GEN_MIN, 15 * YM_GEN_MIN,
                                        15 * YM_GEN_MIN, 20 * YM_GEN_MIN, ym_gen_echo_discover},
                                       {NULL}};

/* ---------------------------------------------------------------------- */
/* TP-Link Tapo C200 camera                                               */
/* ---------------------------------------------------------------------- */

static const YmGenLink tapo_link = {
    .name = "n-devs.tplinkcloud.com",
    .port = 443,
    .client = YM_TLS_OPENSSL11,
    .alpn = "",
    .period_min = 90 * YM_GEN_SEC,
    .period_max = 150 * YM_GEN_SEC,
    .up_min = 120,
    .up_max = 360,
    .down_min = 60,
    .down_max = 200,
};

static void
ym_gen_camera_join(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	t = _ym_gen_device_ntp(ctx, device, "time.google.com", t);
	_ym_gen_link_start(ctx, device, &tapo_link, t + 400 * YM_GEN_MSEC);
}

static void
ym_gen_camera_upload(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	/* a motion clip goes to the cloud relay */
	_ym_gen_device_https(ctx, device, YM_TLS_OPENSSL11, "aps1-relay-dcipc.i.tplinknbu.com", 443,
	                     NULL, (gsize) _ym_gen_between(ctx, 250000, 700000), 900, t);
}

static const YmGenTask camera_tasks[] = {{"event-upload", 7 * YM_GEN_MIN, 10 * YM_GEN_MIN,
                                          8 * YM_GEN_MIN, 15 * YM_GEN_MIN, ym_gen_camera_upload},
                                         {NULL}};

/* ---------------------------------------------------------------------- */
/* Brother MFC-J6983CDW printer                                           */
/* ---------------------------------------------------------------------- */

#define PRINTER_HOST "BRW3C2AF48D215E"
#define PRINTER_TY   "Brother MFC-J6983CDW"

static gboolean
ym_gen_printer_mdns(YmGenCtx *ctx, YmGenDevice *device, gint64 t, const gchar *service)
{
	static const gchar *const ipp_txt[] = {
	    "txtvers=1",
	    "qtotal=1",
	    "pdl=application/octet-stream,image/urf,image/pwg-raster,image/jpeg",
	    "rp=ipp/print",
	    "note=",
	    "ty=" PRINTER_TY,
	    "product=(" PRINTER_TY ")",
	    "adminurl=http://" PRINTER_HOST ".local./net/net/airprint.html",
	    "priority=25",
	    "usb_MFG=Brother",
	    "usb_MDL=MFC-J6983CDW",
	    "usb_CMD=PJL,HBP,URF",
	    "Color=T",
	    "Duplex=T",
	    "Scan=T",
	    "Fax=T",
	    "PaperMax=tabloid-A3",
	    "kind=document,envelope,photo",
	    "URF=SRGB24,W8,CP1,IS4-1,MT1-3-4-5-8-11,OB10,PQ4-5,RS300-600,V1.4,DM1",
	    "UUID=e3248000-80ce-11db-8000-3c2af48d215e",
	    "TLS=1.2",
	    "mopria-certified=2.0",
	    NULL};
	static const gchar *const printer_txt[] = {"txtvers=1",
	                                           "qtotal=1",
	                                           "pdl=application/octet-stream",
	                                           "rp=duerqxesz5090",
	                                           "ty=" PRINTER_TY,
	                                           "product=(" PRINTER_TY ")",
	                                           "priority=75",
	                                           "usb_MFG=Brother",
	                                           "usb_MDL=MFC-J6983CDW",
	                                           NULL};
	static const gchar *const scan_txt[] = {"txtvers=1",
	                                        "ty=" PRINTER_TY,
	                                        "vers=2.63",
	                                        "rs=eSCL",
	                                        "representation=http://" PRINTER_HOST
	                                        ".local./icons/device-icons-128.png",
	                                        "pdl=application/pdf,image/jpeg",
	                                        "cs=color,grayscale",
	                                        "is=platen,adf",
	                                        "duplex=T",
	                                        "UUID=e3248000-80ce-11db-8000-3c2af48d215e",
	                                        NULL};
	static const gchar *const http_txt[] = {NULL};
	YmGenMdnsService services[] = {
	    {PRINTER_TY, "_ipp._tcp", 631, ipp_txt},
	    {PRINTER_TY, "_ipps._tcp", 443, ipp_txt},
	    {PRINTER_TY, "_printer._tcp", 515, printer_txt},
	    {PRINTER_TY, "_uscan._tcp", 80, scan_txt},
	    {PRINTER_TY, "_http._tcp", 80, http_txt},
	};
	if (service == NULL) {
		/* too much for one datagram: split as the printer does */
		_ym_gen_mdns_announce(ctx, device, t, PRINTER_HOST, services, 2, TRUE);
		_ym_gen_mdns_announce(ctx, device, t + 20 * YM_GEN_MSEC, PRINTER_HOST, services + 2,
		                      3, FALSE);
		return TRUE;
	}
	return ym_gen_mdns_answer(ctx, device, t, service, PRINTER_HOST, services,
	                          G_N_ELEMENTS(services));
}

static void
ym_gen_printer_join(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	t = _ym_gen_mdns_probe(ctx, device, PRINTER_HOST, t);
	ym_gen_mdns_announce_twice(ctx, device, t);
	ym_gen_nbns_register_server(ctx, device, PRINTER_HOST, t + 2 * YM_GEN_SEC,
	                            100 * YM_GEN_MSEC);
	_ym_gen_device_ntp(ctx, device, "ntp.nict.jp", t + 3 * YM_GEN_SEC);
}

static void
ym_gen_printer_firmware(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	_ym_gen_device_https(ctx, device, YM_TLS_OPENSSL102, "update.brother.co.jp", 443, NULL, 420,
	                     1800, t);
}

static const YmGenTask printer_tasks[] = {
    {"firmware-check", 8 * YM_GEN_MIN, 12 * YM_GEN_MIN, 0, 0, ym_gen_printer_firmware},
    {NULL}};

/* ---------------------------------------------------------------------- */
/* Synology DS220+ NAS                                                    */
/* ---------------------------------------------------------------------- */

static gboolean
ym_gen_nas_mdns(YmGenCtx *ctx, YmGenDevice *device, gint64 t, const gchar *service)
{
	g_autofree gchar *serial = g_strdup_printf("serial=2150SBRK%.6s", device->serial);
	g_autofree gchar *mac = ym_gen_mac_text(device->mac, FALSE);
	g_autofree gchar *mac_txt = g_strdup_printf("mac_address=%s", mac);
	const gchar *http_txt[] = {"vendor=Synology",
	                           "model=DS220+",
	                           serial,
	                           "version_major=7",
	                           "version_minor=2",
	                           "version_build=72806",
	                           "admin_port=5000",
	                           "secure_admin_port=5001",
	                           mac_txt,
	                           NULL};
	const gchar *smb_txt[] = {NULL};
	const gchar *adisk_txt[] = {"sys=waMa=0,adVF=0x100", "dk0=adVN=TimeMachine,adVF=0x82",
	                            NULL};
	const gchar *info_txt[] = {"model=Xserve", NULL};
	YmGenMdnsService services[] = {
	    {"DiskStation", "_http._tcp", 5000, http_txt},
	    {"DiskStation", "_smb._tcp", 445, smb_txt},
	    {"DiskStation", "_adisk._tcp", 9, adisk_txt},
	    {"DiskStation", "_device-info._tcp", 0, info_txt},
	};
	return ym_gen_mdns_answer(ctx, device, t, service, "DiskStation", services,
	                          G_N_ELEMENTS(services));
}

static const gchar *const nas_upnp_types[] = {"urn:schemas-upnp-org:device:Basic:1", NULL};
static const YmGenUpnpRoot nas_upnp = {
    .location = "http://192.168.10.2:5000/ssdp/desc-DSM-eth0.xml",
    .server = "Synology/DSM/192.168.10.2",
    .spacing = 3 * YM_GEN_MSEC,
    .any_case = TRUE, /* answers Echo's search for device:basic:1 */
    .types = nas_upnp_types,
};

static gboolean
ym_gen_nas_ssdp(YmGenCtx *ctx,
                YmGenDevice *device,
                gint64 t,
                const gchar *st,
                YmGenDevice *searcher,
                guint16 port)
{
	return ym_gen_upnp_ssdp(ctx, device, &nas_upnp, t, st, searcher, port);
}

static void
ym_gen_nas_join(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	gchar date[40];
	g_autofree gchar *head = NULL;
	const gchar *body = "<html><head><title>Current IP Check</title></head>"
	                    "<body>Current IP Address: 203.165.48.77</body></html>\r\n";

	ym_gen_mdns_announce_twice(ctx, device, t);
	ym_gen_nas_ssdp(ctx, device, t + 500 * YM_GEN_MSEC, NULL, NULL, 0);
	ym_gen_nbns_register_server(ctx, device, "DISKSTATION", t + 2 * YM_GEN_SEC,
	                            10 * YM_GEN_MSEC);
	t = _ym_gen_device_ntp(ctx, device, "time.google.com", t + 3 * YM_GEN_SEC);
	t = _ym_gen_device_https(ctx, device, YM_TLS_OPENSSL3, "update7.synology.com", 443, NULL,
	                         800, 6100, t + 1 * YM_GEN_SEC);
	_ym_gen_http_date(t, date);
	head = g_strdup_printf("HTTP/1.1 200 OK\r\n"
	                       "Server: nginx\r\n"
	                       "Date: %s\r\n"
	                       "Content-Type: text/html\r\n"
	                       "Content-Length: %" G_GSIZE_FORMAT "\r\n"
	                       "Connection: close\r\n"
	                       "\r\n",
	                       date, strlen(body));
	_ym_gen_device_http(ctx, device, "checkip.synology.com",
	                    "GET / HTTP/1.1\r\n"
	                    "Host: checkip.synology.com\r\n"
	                    "Accept: */*\r\n"
	                    "\r\n",
	                    head, body, strlen(body), t + 2 * YM_GEN_SEC);
}

static void
ym_gen_nas_quickconnect(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	ym_gen_https_sized(ctx, device, YM_TLS_OPENSSL3, "global.quickconnect.to", 600, 1400, 500,
	                   1800, t);
}

static void
ym_gen_nas_surveillance(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	/* Surveillance Station records a motion event from the camera */
	_ym_gen_nas_record(ctx, device, t, _ym_gen_between(ctx, 8, 15) * YM_GEN_SEC);
}

static const YmGenTask nas_tasks[] = {{"ssdp-notify", 5 * YM_GEN_MIN, 8 * YM_GEN_MIN,
                                       5 * YM_GEN_MIN, 8 * YM_GEN_MIN, ym_gen_ssdp_notify_task},
                                      {"quickconnect", 2 * YM_GEN_MIN, 4 * YM_GEN_MIN,
                                       3 * YM_GEN_MIN, 7 * YM_GEN_MIN, ym_gen_nas_quickconnect},
                                      {"surveillance", 5 * YM_GEN_MIN, 7 * YM_GEN_MIN,
                                       9 * YM_GEN_MIN, 14 * YM_GEN_MIN, ym_gen_nas_surveillance},
                                      {NULL}};

/* ONVIF GetDeviceInformation, then an RTSP session with RTP over TCP */
static gint64
ym_gen_nas_onvif(YmGenCtx *ctx, YmGenDevice *nas, YmGenDevice *camera, gint64 t)
{
	const gchar *soap =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	    "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">"
	    "<s:Body xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
	    "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">"
	    "<GetDeviceInformation xmlns=\"http://www.onvif.org/ver10/device/wsdl\"/>"
	    "</s:Body></s:Envelope>";
	g_autofree gchar *answer = g_strdup_printf(
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
	    "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://www.w3.org/2003/05/soap-envelope\" "
	    "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">"
	    "<SOAP-ENV:Body><tds:GetDeviceInformationResponse>"
	    "<tds:Manufacturer>tp-link</tds:Manufacturer>"
	    "<tds:Model>C200</tds:Model>"
	    "<tds:FirmwareVersion>1.3.14 Build 240513 Rel.58803n(4555)</tds:FirmwareVersion>"
	    "<tds:SerialNumber>%.8s</tds:SerialNumber>"
	    "<tds:HardwareId>4.0</tds:HardwareId>"
	    "</tds:GetDeviceInformationResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>\r\n",
	    camera->serial);
	g_autofree gchar *request = g_strdup_printf(
	    "POST /onvif/device_service HTTP/1.1\r\n"
	    "Host: 192.168.10.4:2020\r\n"
	    "User-Agent: " UA_SURVEILLANCE "\r\n"
	    "Content-Type: application/soap+xml; charset=utf-8; "
	    "action=\"http://www.onvif.org/ver10/device/wsdl/GetDeviceInformation\"\r\n"
	    "Content-Length: %" G_GSIZE_FORMAT "\r\n"
	    "\r\n%s",
	    strlen(soap), soap);
	g_autofree gchar *head =
	    g_strdup_printf("HTTP/1.1 200 OK\r\n"
	                    "Server: gSOAP/2.8\r\n"
	                    "Content-Type: application/soap+xml; charset=utf-8\r\n"
	                    "Content-Length: %" G_GSIZE_FORMAT "\r\n"
	                    "Connection: close\r\n"
	                    "\r\n",
	                    strlen(answer));
	return _ym_gen_device_http_exchange(ctx, nas, camera->ip, 2020, NULL, request, head, answer,
	                                    strlen(answer), t);
}

static gint64
ym_gen_rtsp_exchange(YmGenCtx *ctx,
                     YmGenTcp *tcp,
                     const gchar *request,
                     const gchar *reply,
                     gint64 t)
{
	t = _ym_gen_tcp_send(ctx, tcp, YM_GEN_CLIENT, (const guint8 *) request, strlen(request), t);
	t += tcp->rtt + _ym_gen_between(ctx, 2 * YM_GEN_MSEC, 15 * YM_GEN_MSEC);
	t = _ym_gen_tcp_send(ctx, tcp, YM_GEN_SERVER, (const guint8 *) reply, strlen(reply), t);
	return t + tcp->lan + 500;
}

gint64
_ym_gen_nas_record(YmGenCtx *ctx, YmGenDevice *nas, gint64 t, gint64 duration)
{
	YmGenDevice *camera = _ym_gen_home_find(nas->home, "camera");
	const gchar *url = "rtsp://192.168.10.4:554/stream1";
	g_autofree gchar *nonce = NULL;
	g_autofree gchar *sdp = NULL;
	g_autofree gchar *msg = NULL;
	g_autofree gchar *reply = NULL;
	guint32 ssrc = (guint32) _ym_gen_rand(ctx);
	guint16 seq = (guint16) _ym_gen_rand(ctx);
	guint32 ts = (guint32) _ym_gen_rand(ctx);
	guint32 session = (guint32) _ym_gen_rand(ctx);
	YmGenTcp tcp;
	gint64 end;

	if (camera == NULL || !camera->online)
		return t;
	t = ym_gen_nas_onvif(ctx, nas, camera, t);
	_ym_gen_device_tcp_to(ctx, nas, &tcp, camera->ip, 554, NULL);
	t = _ym_gen_tcp_connect(ctx, &tcp, t + 5 * YM_GEN_MSEC);

	msg = g_strdup_printf(
	    "OPTIONS %s RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: " UA_SURVEILLANCE "\r\n\r\n", url);
	t = ym_gen_rtsp_exchange(ctx, &tcp, msg,
	                         "RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: OPTIONS, DESCRIBE, SETUP, "
	                         "TEARDOWN, PLAY, PAUSE, GET_PARAMETER, SET_PARAMETER\r\n\r\n",
	                         t);
	g_free(msg);
	msg = g_strdup_printf("DESCRIBE %s RTSP/1.0\r\nCSeq: 2\r\nUser-Agent: " UA_SURVEILLANCE
	                      "\r\nAccept: application/sdp\r\n\r\n",
	                      url);
	nonce = g_strdup_printf("%.16s%.16s", camera->id, nas->id);
	reply = g_strdup_printf("RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\nWWW-Authenticate: Digest "
	                        "realm=\"TP-LINK IP-Camera\", nonce=\"%s\"\r\n\r\n",
	                        nonce);
	t = ym_gen_rtsp_exchange(ctx, &tcp, msg, reply, t);
	g_free(msg);
	g_free(reply);
	msg = g_strdup_printf(
	    "DESCRIBE %s RTSP/1.0\r\nCSeq: 3\r\nAuthorization: Digest "
	    "username=\"ss-recorder\", realm=\"TP-LINK IP-Camera\", "
	    "nonce=\"%s\", uri=\"%s\", response=\"%.32s\"\r\nUser-Agent: " UA_SURVEILLANCE
	    "\r\nAccept: application/sdp\r\n\r\n",
	    url, nonce, url, nas->id2);
	sdp = g_strdup_printf("v=0\r\n"
	                      "o=- 14665860 31787219 1 IN IP4 192.168.10.4\r\n"
	                      "s=Session streamed by \"TP-LINK RTSP Server\"\r\n"
	                      "t=0 0\r\n"
	                      "a=smart_encoder:virtualIFrame=1\r\n"
	                      "m=video 0 RTP/AVP 96\r\n"
	                      "c=IN IP4 0.0.0.0\r\n"
	                      "b=AS:4096\r\n"
	                      "a=range:npt=0-\r\n"
	                      "a=control:track1\r\n"
	                      "a=rtpmap:96 H264/90000\r\n"
	                      "a=fmtp:96 packetization-mode=1; profile-level-id=4D4029\r\n"
	                      "m=audio 0 RTP/AVP 8\r\n"
	                      "a=rtpmap:8 PCMA/8000\r\n"
	                      "a=control:track2\r\n");
	reply = g_strdup_printf("RTSP/1.0 200 OK\r\nCSeq: 3\r\nContent-Base: %s/\r\n"
	                        "Content-Type: application/sdp\r\nContent-Length: %" G_GSIZE_FORMAT
	                        "\r\n\r\n%s",
	                        url, strlen(sdp), sdp);
	t = ym_gen_rtsp_exchange(ctx, &tcp, msg, reply, t);
	g_free(msg);
	g_free(reply);
	msg = g_strdup_printf("SETUP %s/track1 RTSP/1.0\r\nCSeq: 4\r\nUser-Agent: " UA_SURVEILLANCE
	                      "\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n",
	                      url);
	reply = g_strdup_printf("RTSP/1.0 200 OK\r\nCSeq: 4\r\nSession: %08X;timeout=60\r\n"
	                        "Transport: RTP/AVP/TCP;unicast;interleaved=0-1;ssrc=%08X\r\n\r\n",
	                        session, ssrc);
	t = ym_gen_rtsp_exchange(ctx, &tcp, msg, reply, t);
	g_free(msg);
	g_free(reply);
	msg = g_strdup_printf("PLAY %s/ RTSP/1.0\r\nCSeq: 5\r\nUser-Agent: " UA_SURVEILLANCE
	                      "\r\nSession: %08X\r\nRange: npt=0.000-\r\n\r\n",
	                      url, session);
	reply = g_strdup_printf("RTSP/1.0 200 OK\r\nCSeq: 5\r\nSession: %08X\r\n"
	                        "RTP-Info: url=%s/track1;seq=%u;rtptime=%u\r\n\r\n",
	                        session, url, seq, ts);
	t = ym_gen_rtsp_exchange(ctx, &tcp, msg, reply, t);

	/* 15 frames a second, H.264 FU-A fragments, interleaved channel 0 */
	end = t + duration;
	while (t < end) {
		gsize frame = (gsize) _ym_gen_between(ctx, 3000, 9000);
		gboolean first = TRUE;
		while (frame > 0) {
			guint8 packet[1400];
			gsize chunk = MIN(frame, sizeof(packet) - 4 - 12 - 2);
			gboolean last = chunk == frame;
			gsize rtp_len = 12 + 2 + chunk;
			packet[0] = '$';
			packet[1] = 0;
			packet[2] = (guint8) (rtp_len >> 8);
			packet[3] = (guint8) (rtp_len & 0xff);
			packet[4] = 0x80;
			packet[5] = (guint8) (96 | (last ? 0x80 : 0));
			packet[6] = (guint8) (seq >> 8);
			packet[7] = (guint8) (seq & 0xff);
			packet[8] = (guint8) (ts >> 24);
			packet[9] = (guint8) (ts >> 16);
			packet[10] = (guint8) (ts >> 8);
			packet[11] = (guint8) ts;
			packet[12] = (guint8) (ssrc >> 24);
			packet[13] = (guint8) (ssrc >> 16);
			packet[14] = (guint8) (ssrc >> 8);
			packet[15] = (guint8) ssrc;
			packet[16] = 0x7c; /* FU-A, NRI 3 */
			packet[17] = (guint8) ((first ? 0x80 : 0) | (last ? 0x40 : 0) | 0x01);
			memcpy(packet + 18, _ym_gen_noise(ctx, chunk), chunk);
			_ym_gen_tcp_segment(ctx, &tcp, YM_GEN_SERVER, YM_GEN_TCP_PSH, packet,
			                    4 + rtp_len, t);
			t += 300;
			seq++;
			frame -= chunk;
			first = FALSE;
		}
		_ym_gen_tcp_ack(ctx, &tcp, YM_GEN_CLIENT, t + tcp.lan);
		ts += 6000;
		t += 66 * YM_GEN_MSEC;
	}
	g_free(msg);
	msg = g_strdup_printf("TEARDOWN %s/ RTSP/1.0\r\nCSeq: 6\r\nUser-Agent: " UA_SURVEILLANCE
	                      "\r\nSession: %08X\r\n\r\n",
	                      url, session);
	t = _ym_gen_tcp_send(ctx, &tcp, YM_GEN_CLIENT, (const guint8 *) msg, strlen(msg), t);
	return _ym_gen_tcp_close(ctx, &tcp, YM_GEN_CLIENT, t + 5 * YM_GEN_MSEC);
}

/* ---------------------------------------------------------------------- */
/* TP-Link Kasa HS105 smart plug                                          */
/* ---------------------------------------------------------------------- */

static const YmGenLink kasa_link = {
    .name = "devs.tplinkcloud.com",
    .port = 50443,
    .client = YM_TLS_WOLFSSL,
    .period_min = 60 * YM_GEN_SEC,
    .period_max = 120 * YM_GEN_SEC,
    .up_min = 60,
    .up_max = 180,
    .down_min = 40,
    .down_max = 120,
};

static gchar *
ym_gen_plug_sysinfo(YmGenDevice *plug)
{
	g_autofree gchar *mac = ym_gen_mac_text(plug->mac, TRUE);
	return g_strdup_printf(
	    "{\"system\":{\"get_sysinfo\":{\"sw_ver\":\"1.5.8 Build 191125 "
	    "Rel.135935\",\"hw_ver\":\"2.0\",\"type\":\"IOT.SMARTPLUGSWITCH\","
	    "\"model\":\"HS105(JP)\",\"mac\":\"%s\",\"dev_name\":\"Smart Wi-Fi "
	    "Plug Mini\",\"alias\":\"加湿器\",\"relay_state\":1,\"on_time\":%u,"
	    "\"active_mode\":\"none\",\"feature\":\"TIM\",\"updating\":0,"
	    "\"icon_hash\":\"\",\"rssi\":-52,\"led_off\":0,\"longitude_i\":1397016,"
	    "\"latitude_i\":356812,\"hwId\":\"%s\",\"fwId\":\"00000000000000000000"
	    "000000000000\",\"deviceId\":\"8006%.36s\",\"oemId\":\"%s\","
	    "\"next_action\":{\"type\":-1},\"err_code\":0}}}",
	    mac, 3600 + plug->sequence * 60, plug->id2, plug->id, plug->id2);
}

static void
ym_gen_kasa_probe(YmGenCtx *ctx, YmGenDevice *device, gint64 t, guint16 sport)
{
	YmGenDevice *plug = _ym_gen_home_find(device->home, "plug");
	guint8 data[1024];
	gsize n =
	    _ym_gen_kasa_encode("{\"system\":{\"get_sysinfo\":{}}}", FALSE, data, sizeof(data));
	g_autofree gchar *json = NULL;

	_ym_gen_device_udp(ctx, device, t, _ym_gen_mac_broadcast, 0xffffffff, sport, 9999, 0, data,
	                   n);
	if (plug == NULL || !plug->online)
		return;
	plug->sequence++;
	json = ym_gen_plug_sysinfo(plug);
	n = _ym_gen_kasa_encode(json, FALSE, data, sizeof(data));
	_ym_gen_device_udp(ctx, plug, t + _ym_gen_between(ctx, 5 * YM_GEN_MSEC, 40 * YM_GEN_MSEC),
	                   device->mac, device->ip, 9999, sport, 0, data, n);
}

static void
ym_gen_kasa_tcp_query(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	YmGenDevice *plug = _ym_gen_home_find(device->home, "plug");
	guint8 data[1024];
	g_autofree gchar *json = NULL;
	YmGenTcp tcp;
	gsize n;

	if (plug == NULL || !plug->online)
		return;
	_ym_gen_device_tcp_to(ctx, device, &tcp, plug->ip, 9999, NULL);
	t = _ym_gen_tcp_connect(ctx, &tcp, t);
	n = _ym_gen_kasa_encode("{\"system\":{\"get_sysinfo\":null}}", TRUE, data, sizeof(data));
	t = _ym_gen_tcp_send(ctx, &tcp, YM_GEN_CLIENT, data, n, t + 100);
	t += tcp.rtt + 15 * YM_GEN_MSEC;
	json = ym_gen_plug_sysinfo(plug);
	n = _ym_gen_kasa_encode(json, TRUE, data, sizeof(data));
	t = _ym_gen_tcp_send(ctx, &tcp, YM_GEN_SERVER, data, n, t);
	t = _ym_gen_tcp_ack(ctx, &tcp, YM_GEN_CLIENT, t + tcp.lan);
	/* the plug closes first */
	_ym_gen_tcp_close(ctx, &tcp, YM_GEN_SERVER, t + 2 * YM_GEN_MSEC);
}

static void
ym_gen_plug_join(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	_ym_gen_link_start(ctx, device, &kasa_link, t + 500 * YM_GEN_MSEC);
}

/* ---------------------------------------------------------------------- */
/* HomeKit Wi-Fi door lock on an ESP32                                    */
/* ---------------------------------------------------------------------- */

static const YmGenLink lock_link = {
    .name = "a1qwhobjtvew8t-ats.iot.ap-northeast-1.amazonaws.com",
    .port = 8883,
    .client = YM_TLS_MBEDTLS,
    .period_min = 55 * YM_GEN_SEC,
    .period_max = 65 * YM_GEN_SEC,
    .up_min = 2,
    .up_max = 2,
    .down_min = 2,
    .down_max = 2,
};

static gboolean
ym_gen_lock_mdns(YmGenCtx *ctx, YmGenDevice *device, gint64 t, const gchar *service)
{
	g_autofree gchar *id =
	    g_strdup_printf("id=%.2s:%.2s:%.2s:%.2s:%.2s:%.2s", device->id2, device->id2 + 2,
	                    device->id2 + 4, device->id2 + 6, device->id2 + 8, device->id2 + 10);
	/* sh: base64 of the 4-byte setup hash */
	g_autofree gchar *sh = g_base64_encode((const guchar *) device->mac + 2, 4);
	g_autofree gchar *sh_txt = g_strdup_printf("sh=%s", sh);
	const gchar *txt[] = {"c#=4", "ff=2", id,  "md=Smart Lock Wi-Fi", "pv=1.1", "s#=1", "sf=0",
	                      "ci=6", sh_txt, NULL};
	YmGenMdnsService services[] = {{"Front Door Lock", "_hap._tcp", 51827, txt}};
	return ym_gen_mdns_answer(ctx, device, t, service, "Front-Door-Lock", services, 1);
}

static void
ym_gen_lock_join(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	ym_gen_mdns_announce_twice(ctx, device, t);
	t = _ym_gen_device_ntp(ctx, device, "ntp.nict.jp", t + 1200 * YM_GEN_MSEC);
	_ym_gen_link_start(ctx, device, &lock_link, t + 300 * YM_GEN_MSEC);
}

/* ---------------------------------------------------------------------- */
/* Google Nest Learning Thermostat                                        */
/* ---------------------------------------------------------------------- */

static const YmGenLink nest_weave_link = {
    .name = "czfe105.front01.iad01.production.nest.com",
    .port = 11095,
    .client = YM_TLS_LAST,
    .period_min = 59 * YM_GEN_SEC,
    .period_max = 61 * YM_GEN_SEC,
    .up_min = 120,
    .up_max = 300,
    .down_min = 60,
    .down_max = 200,
    .keepalive_only = TRUE,
};
static const YmGenLink nest_logsink_link = {
    .name = "weave-logsink.nest.com",
    .port = 11095,
    .client = YM_TLS_LAST,
    .period_min = 5 * YM_GEN_MIN,
    .period_max = 9 * YM_GEN_MIN,
    .up_min = 1800,
    .up_max = 6400,
    .down_min = 40,
    .down_max = 90,
};

static void
ym_gen_thermostat_join(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	t = _ym_gen_device_https(ctx, device, YM_TLS_OPENSSL102, "frontdoor.nest.com", 443, NULL,
	                         900, 2600, t);
	_ym_gen_link_start(ctx, device, &nest_weave_link, t + 200 * YM_GEN_MSEC);
	_ym_gen_link_start(ctx, device, &nest_logsink_link, t + 3 * YM_GEN_SEC);
}

static void
ym_gen_thermostat_frontdoor(YmGenCtx *ctx, YmGenDevice *device, gint64 t)
{
	ym_gen_https_sized(ctx, device, YM_TLS_OPENSSL102, "frontdoor.nest.com", 600, 1500, 1200,
	                   4000, t);
}

static const YmGenTask thermostat_tasks[] = {{"frontdoor", 10 * YM_GEN_MIN, 15 * YM_GEN_MIN,
                                              12 * YM_GEN_MIN, 18 * YM_GEN_MIN,
                                              ym_gen_thermostat_frontdoor},
                                             {NULL}};

/* ---------------------------------------------------------------------- */
/* the table                                                              */
/* ---------------------------------------------------------------------- */

#define PRL_WINDOWS  "1,3,6,15,31,33,43,44,46,47,119,121,249,252"
#define PRL_MACOS    "1,121,3,6,15,108,114,119,252,95,44,46"
#define PRL_IOS      "1,121,3,6,15,108,114,119,252"
#define PRL_ANDROID  "1,3,6,15,26,28,51,58,59,43,114,108"
#define PRL_ANDROID9 "1,3,6,15,26,28,51,58,59,43"
#define PRL_UDHCPC   "1,3,6,12,15,28,42"

static const YmGenDeviceInfo device_infos[] = {
    {
        .key = "router",
        .kind = YM_GEN_KIND_ROUTER,
        .os = YM_GEN_OS_ROUTER,
        .mac = "10:66:82:1f:5c:a0",
        .host = 1,
        .vendor = "NEC Platforms, Ltd.",
        .hostname = "aterm.me",
        .model = "Aterm WX3600HP",
        .os_name = "Aterm firmware",
        .join_at = 0,
        .dhcp_style = YM_GEN_DHCP_UDHCPC,
        .join = ym_gen_router_join,
        .ssdp = ym_gen_router_ssdp,
        .tasks = router_tasks,
    },
    {
        .key = "nas",
        .kind = YM_GEN_KIND_NAS,
        .os = YM_GEN_OS_LINUX,
        .mac = "00:11:32:9e:41:d7",
        .host = 2,
        .vendor = "Synology Incorporated",
        .hostname = "DiskStation",
        .model = "DS220+",
        .os_name = "DSM 7.2",
        .ipv6 = TRUE,
        .join_at = 4 * YM_GEN_SEC,
        .dhcp_style = YM_GEN_DHCP_DHCLIENT,
        .dhcp_prl = "1,28,2,3,15,6,119,12,44,47,26,121,42",
        .dhcp_hostname = TRUE,
        .join = ym_gen_nas_join,
        .mdns = ym_gen_nas_mdns,
        .ssdp = ym_gen_nas_ssdp,
        .tasks = nas_tasks,
    },
    {
        .key = "printer",
        .kind = YM_GEN_KIND_PRINTER,
        .os = YM_GEN_OS_RTOS,
        .mac = "3c:2a:f4:8d:21:5e",
        .host = 3,
        .vendor = "Brother Industries, LTD.",
        .hostname = PRINTER_HOST,
        .model = "MFC-J6983CDW",
        .os_name = "Brother firmware",
        .join_at = 9 * YM_GEN_SEC,
        .dhcp_style = YM_GEN_DHCP_RTOS,
        .dhcp_prl = "1,3,6,15,12,44,46,47",
        .dhcp_hostname = TRUE,
        .join = ym_gen_printer_join,
        .mdns = ym_gen_printer_mdns,
        .tasks = printer_tasks,
    },
    {
        .key = "camera",
        .kind = YM_GEN_KIND_CAMERA,
        .os = YM_GEN_OS_LINUX,
        .mac = "ac:15:a2:4e:6a:7b",
        .host = 4,
        .vendor = "TP-Link Corporation Limited",
        .hostname = "C200_4E6A7B",
        .model = "Tapo C200",
        .os_name = "Linux",
        .join_at = 13 * YM_GEN_SEC,
        .dhcp_style = YM_GEN_DHCP_UDHCPC,
        .dhcp_prl = PRL_UDHCPC,
        .dhcp_vendor = "udhcp 1.19.4",
        .dhcp_hostname = TRUE,
        .join = ym_gen_camera_join,
        .tasks = camera_tasks,
    },
    {
        .key = "plug",
        .kind = YM_GEN_KIND_PLUG,
        .os = YM_GEN_OS_RTOS,
        .mac = "50:c7:bf:3a:92:e4",
        .host = 5,
        .vendor = "TP-LINK TECHNOLOGIES CO.,LTD.",
        .hostname = "HS105",
        .model = "HS105(JP)",
        .os_name = "Kasa firmware",
        .join_at = 16 * YM_GEN_SEC,
        .dhcp_style = YM_GEN_DHCP_RTOS,
        .dhcp_prl = "1,3,6,12,15,28,42",
        .dhcp_hostname = TRUE,
        .join = ym_gen_plug_join,
    },
    {
        .key = "thermostat",
        .kind = YM_GEN_KIND_THERMOSTAT,
        .os = YM_GEN_OS_LINUX,
        .mac = "18:b4:30:26:8e:51",
        .host = 6,
        .vendor = "Nest Labs Inc.",
        .hostname = "Nest-Thermostat",
        .model = "",
        .os_name = "Nest (Linux)",
        .join_at = 20 * YM_GEN_SEC,
        .dhcp_style = YM_GEN_DHCP_UDHCPC,
        .dhcp_prl = PRL_UDHCPC,
        .dhcp_hostname = TRUE,
        .join = ym_gen_thermostat_join,
        .tasks = thermostat_tasks,
    },
    {
        .key = "lock",
        .kind = YM_GEN_KIND_LOCK,
        .os = YM_GEN_OS_LWIP,
        .mac = "30:c6:f7:5a:19:c4",
        .host = 7,
        .vendor = "Espressif Inc.",
        .hostname = "espressif",
        .model = "Smart Lock Wi-Fi",
        .os_name = "ESP-IDF (lwIP)",
        .join_at = 24 * YM_GEN_SEC,
        .dhcp_style = YM_GEN_DHCP_LWIP,
        .dhcp_prl = "1,3,28,6",
        .dhcp_hostname = TRUE,
        .join = ym_gen_lock_join,
        .mdns = ym_gen_lock_mdns,
    },
    {
        .key = "speaker",
        .kind = YM_GEN_KIND_SPEAKER,
        .os = YM_GEN_OS_LINUX,
        .mac = "f4:f5:d8:6b:0e:31",
        .host = 8,
        .vendor = "Google, Inc.",
        .hostname = "Google-Nest-Mini",
        .model = "Google Nest Mini",
        .os_name = "Cast OS",
        .ipv6 = TRUE,
        .join_at = 28 * YM_GEN_SEC,
        .dhcp_style = YM_GEN_DHCP_UDHCPC,
        .dhcp_prl = "1,3,6,12,15,28,42,121",
        .dhcp_hostname = TRUE,
        .join = ym_gen_speaker_join,
        .mdns = ym_gen_speaker_mdns,
        .ssdp = ym_gen_speaker_ssdp,
        .tasks = speaker_tasks,
    },
    {
        .key = "echo",
        .kind = YM_GEN_KIND_SPEAKER,
        .os = YM_GEN_OS_ANDROID,
        .mac = "68:db:f5:2c:7a:19",
        .host = 9,
        .vendor = "Amazon Technologies Inc.",
        .hostname = "amazon-5f3e7c9a1",
        .model = "",
        .os_name = "Fire OS",
        .join_at = 33 * YM_GEN_SEC,
        .dhcp_style = YM_GEN_DHCP_ANDROID,
        .dhcp_prl = PRL_ANDROID9,
        .dhcp_hostname = TRUE,
        .join = ym_gen_echo_join,
        .tasks = echo_tasks,
    },
    {
        .key = "tv",
        .kind = YM_GEN_KIND_TV,
        .os = YM_GEN_OS_ANDROID,
        .mac = "fc:f1:52:9a:40:6e",
        .host = 10,
        .vendor = "Sony Corporation",
        .hostname = "BRAVIA-4K-VH2",
        .model = "KJ-55X85K",
        .os_name = "Android TV 10",
        .ipv6 = TRUE,
        .join_at = 38 * YM_GEN_SEC,
        .dhcp_style = YM_GEN_DHCP_ANDROID,
        .dhcp_prl = PRL_ANDROID9,
        .dhcp_vendor = "android-dhcp-10",
        .join = ym_gen_tv_join,
        .mdns = ym_gen_tv_mdns,
        .ssdp = ym_gen_tv_ssdp,
        .tasks = tv_tasks,
    },
    {
        .key = "pc",
        .kind = YM_GEN_KIND_COMPUTER,
        .os = YM_GEN_OS_WINDOWS,
        .mac = "98:e7:43:b2:5c:17",
        .host = 11,
        .vendor = "Dell Inc.",
        .hostname = "DESKTOP-7K2M9QX",
        .model = "",
        .os_name = "Windows 11",
        .ipv6 = TRUE,
        .join_at = 45 * YM_GEN_SEC,
        .dhcp_style = YM_GEN_DHCP_WINDOWS,
        .dhcp_prl = PRL_WINDOWS,
        .dhcp_vendor = "MSFT 5.0",
        .dhcp_hostname = TRUE,
        .join = ym_gen_pc_join,
        .tasks = pc_tasks,
    },
    {
        .key = "mac",
        .kind = YM_GEN_KIND_COMPUTER,
        .os = YM_GEN_OS_MACOS,
        .mac = "3c:22:fb:71:a8:0d",
        .host = 12,
        .vendor = "Apple, Inc.",
        .hostname = "MacBook-Air",
        .model = "MacBookAir10,1",
        .os_name = "macOS 15",
        .ipv6 = TRUE,
        .join_at = 55 * YM_GEN_SEC,
        .dhcp_style = YM_GEN_DHCP_APPLE,
        .dhcp_prl = PRL_MACOS,
        .dhcp_hostname = TRUE,
        .join = ym_gen_mac_join,
        .mdns = ym_gen_mac_mdns,
        .tasks = mac_tasks,
    },
    {
        .key = "iphone",
        .kind = YM_GEN_KIND_PHONE,
        .os = YM_GEN_OS_IOS,
        .mac = NULL, /* private Wi-Fi address */
        .host = 13,
        .vendor = "",
        .hostname = "iPhone",
        .model = "",
        .os_name = "iOS 18",
        .ipv6 = TRUE,
        .join_at = 70 * YM_GEN_SEC,
        .dhcp_style = YM_GEN_DHCP_APPLE,
        .dhcp_prl = PRL_IOS,
        .dhcp_hostname = TRUE,
        .join = ym_gen_iphone_join,
        .mdns = ym_gen_iphone_mdns,
        .tasks = iphone_tasks,
    },
    {
        .key = "android",
        .kind = YM_GEN_KIND_PHONE,
        .os = YM_GEN_OS_ANDROID,
        .mac = "d8:eb:46:5c:33:a2",
        .host = 14,
        .vendor = "Google, Inc.",
        .hostname = "Pixel-7",
        .model = "Pixel 7",
        .os_name = "Android 14",
        .ipv6 = TRUE,
        .join_at = 82 * YM_GEN_SEC,
        .dhcp_style = YM_GEN_DHCP_ANDROID,
        .dhcp_prl = PRL_ANDROID,
        .dhcp_vendor = "android-dhcp-14",
        .dhcp_hostname = TRUE,
        .join = ym_gen_android_join,
        .tasks = android_tasks,
    },
    {
        .key = "ipad",
        .kind = YM_GEN_KIND_TABLET,
        .os = YM_GEN_OS_IOS,
        .mac = "a4:83:e7:0c:5b:92",
        .host = 15,
        .vendor = "Apple, Inc.",
        .hostname = "iPad",
        .model = "iPad13,18",
        .os_name = "iPadOS 18",
        .ipv6 = TRUE,
        .join_at = 100 * YM_GEN_SEC,
        .dhcp_style = YM_GEN_DHCP_APPLE,
        .dhcp_prl = PRL_IOS,
        .dhcp_hostname = TRUE,
        .join = ym_gen_ipad_join,
        .mdns = ym_gen_ipad_mdns,
        .tasks = ipad_tasks,
    },
};

const YmGenDeviceInfo *
_ym_gen_device_infos(guint *n_infos)
{
	*n_infos = G_N_ELEMENTS(device_infos);
	return device_infos;
}
