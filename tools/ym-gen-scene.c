/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Scenes: each is a function that schedules actors on the home. The demo
 * and the benchmark are just different selections from the table below;
 * new behaviour (an attack, a misconfiguration) is a new row and a new
 * function, nothing else changes.
 */

#define G_LOG_DOMAIN "YmGen"

#include "config.h"

#include <string.h>

#include "ym-gen-private.h"

/* ---------------------------------------------------------------------- */
/* a video stream: TLS, then chunk requests answered by paced bursts      */
/* ---------------------------------------------------------------------- */

typedef struct {
	const gchar *device;
	const gchar *site;
	YmTlsClient client;
	const gchar *alpn;
	guint32 chunk_min;
	guint32 chunk_max;
	gint64 think_min;
	gint64 think_max;
	gint64 gap;       /* between segments of a burst */
	guint chunks;     /* per session */
	gint64 pause_min; /* before the next session, 0: only one session */
	gint64 pause_max;
	gboolean ack_every; /* the player acknowledges every segment (quick ACKs) */
} YmGenStreamSpec;

typedef struct {
	YmGenTcp tcp;
	YmTlsSession session;
	YmTlsStream stream;
	guint phase;
	guint chunks_done;
} YmGenStreamState;

static gint64
ym_gen_stream_actor(YmGenCtx *ctx, YmGenActor *actor)
{
	const YmGenStreamSpec *spec = actor->data;
	YmGenDevice *device = actor->device;
	YmGenStreamState *state = YM_GEN_ACTOR_STATE(actor, YmGenStreamState);
	gint64 t = actor->when;

	if (!device->online)
		return t + 5 * YM_GEN_SEC;

	switch (state->phase) {
	case 0: {
		if (!_ym_gen_device_connect(ctx, device, &state->tcp, spec->site, 443, &t))
			return YM_GEN_ACTOR_DONE;
		state->tcp.ack_every = spec->ack_every;
		t = _ym_tls_handshake(ctx, &state->tcp, &state->session, spec->client,
		                      _ym_gen_site_tls(spec->site), spec->site, spec->alpn, t);
		state->chunks_done = 0;
		state->phase = 1;
		return t + YM_GEN_MSEC;
	}
	case 1:
		/* the player asks for the next segment */
		t = _ym_tls_send(ctx, &state->tcp, &state->session, YM_GEN_CLIENT,
		                 (gsize) _ym_gen_between(ctx, 380, 1100), t);
		_ym_tls_stream_init(
		    &state->stream, &state->session,
		    (guint64) _ym_gen_between(ctx, spec->chunk_min, spec->chunk_max));
		state->phase = 2;
		return t + state->tcp.rtt + _ym_gen_between(ctx, 500, 4000);
	case 2:
		t = _ym_tls_stream_send(ctx, &state->tcp, &state->stream, YM_GEN_SERVER, 64,
		                        spec->gap, t);
		if (!_ym_tls_stream_done(&state->stream))
			return t + spec->gap;
		t = _ym_gen_tcp_ack(ctx, &state->tcp, YM_GEN_CLIENT, t + state->tcp.lan);
		state->chunks_done++;
		if (spec->chunks == 0 || state->chunks_done < spec->chunks) {
			state->phase = 1;
			return t + _ym_gen_between(ctx, spec->think_min, spec->think_max);
		}
		_ym_tls_close(ctx, &state->tcp, &state->session, YM_GEN_CLIENT, t + YM_GEN_SEC);
		if (spec->pause_max <= 0)
			return YM_GEN_ACTOR_DONE;
		state->phase = 0;
		return t + _ym_gen_between(ctx, spec->pause_min, spec->pause_max);
	default:
		return YM_GEN_ACTOR_DONE;
	}
}

static void
ym_gen_stream_start(YmGenCtx *ctx, YmGenHome *home, const YmGenStreamSpec *spec, gint64 when)
{
	YmGenDevice *device = _ym_gen_home_find(home, spec->device);
	if (device != NULL)
		_ym_gen_actor_add(ctx, when, ym_gen_stream_actor, device, spec);
}

/* ---------------------------------------------------------------------- */
/* a video call: Zoom's UDP media to port 8801                            */
/* ---------------------------------------------------------------------- */

typedef struct {
	gint64 end;
	guint32 server;
	guint16 sport;
	guint16 ip_id;
	guint8 phase;
} YmGenCallState;

/* one media datagram; Zoom's own header (type 0x05, sequence) comes first,
 * then the encrypted media */
static void
ym_gen_call_packet(YmGenCtx *ctx,
                   YmGenDevice *device,
                   YmGenIp4 *down,
                   YmGenCallState *state,
                   gboolean up,
                   gint64 t,
                   gsize length)
{
	guint8 data[1280];
	length = MIN(length, sizeof(data));
	memcpy(data, _ym_gen_noise(ctx, length), length);
	data[0] = 0x05;
	data[1] = 0x10;
	data[2] = (guint8) (state->ip_id >> 8);
	data[3] = (guint8) state->ip_id;
	data[4] = length > 400 ? 0x10 : 0x0f;
	if (up) {
		_ym_gen_device_udp(ctx, device, t, device->home->router->mac, state->server,
		                   state->sport, 8801, 0, data, length);
		return;
	}
	down->id = state->ip_id++;
	_ym_gen_emit_udp4(ctx, t, down, 8801, state->sport, data, length);
}

static gint64
ym_gen_call_actor(YmGenCtx *ctx, YmGenActor *actor)
{
	YmGenDevice *device = actor->device;
	YmGenCallState *state = YM_GEN_ACTOR_STATE(actor, YmGenCallState);
	YmGenDevice *router = device->home->router;
	const YmGenSite *site = _ym_gen_site_lookup("zoomtky.zoom.us");
	gint64 t = actor->when;
	gint64 rtt = (site != NULL ? site->rtt_ms : 12) * YM_GEN_MSEC;
	YmGenIp4 down;
	guint n_up;
	guint n_down;

	if (state->phase == 0) {
		/* web sign-in and the zone controller over TLS first */
		t = _ym_gen_device_https(ctx, device, YM_TLS_OPENSSL3, "zoom.us", 443, "http/1.1",
		                         1900, 7300, t);
		state->server = _ym_gen_device_resolve(ctx, device, "zoomtky.zoom.us", &t);
		state->sport = _ym_gen_device_port(ctx, device);
		state->ip_id = (guint16) _ym_gen_rand(ctx);
		state->end = t + (gint64) actor->counter;
		state->phase = 1;
		return t + 50 * YM_GEN_MSEC;
	}
	if (t >= state->end || state->server == 0)
		return YM_GEN_ACTOR_DONE;

	memset(&down, 0, sizeof(down));
	down.src_mac = router->mac;
	down.dst_mac = device->mac;
	down.src = state->server;
	down.dst = device->ip;
	down.ttl = site != NULL ? site->ip_ttl : 51;

	/* every 20 ms: one audio packet each way, and video */
	n_up = 1 + _ym_gen_below(ctx, 2);
	n_down = 2 + _ym_gen_below(ctx, 2);
	ym_gen_call_packet(ctx, device, &down, state, TRUE, t,
	                   (gsize) _ym_gen_between(ctx, 110, 190));
	for (guint i = 0; i < n_up; i++)
		ym_gen_call_packet(ctx, device, &down, state, TRUE, t + 1500 + i * 400,
		                   (gsize) _ym_gen_between(ctx, 880, 1160));
	ym_gen_call_packet(ctx, device, &down, state, FALSE, t + rtt / 2 + 700,
	                   (gsize) _ym_gen_between(ctx, 110, 190));
	for (guint i = 0; i < n_down; i++)
		ym_gen_call_packet(ctx, device, &down, state, FALSE, t + rtt / 2 + 2500 + i * 350,
		                   (gsize) _ym_gen_between(ctx, 900, 1180));
	return t + 20 * YM_GEN_MSEC;
}

static void
ym_gen_call_start(YmGenCtx *ctx, YmGenDevice *device, gint64 when, gint64 duration)
{
	YmGenActor *actor = _ym_gen_actor_add(ctx, when, ym_gen_call_actor, device, NULL);
	actor->counter = (guint64) duration;
}

/* ---------------------------------------------------------------------- */
/* printing over IPP                                                      */
/* ---------------------------------------------------------------------- */

static void
ym_gen_ipp_attr(YmGenBuf *buf, guint8 tag, const gchar *name, const void *value, gsize length)
{
	_ym_gen_buf_put_u8(buf, tag);
	_ym_gen_buf_put_be16(buf, (guint16) strlen(name));
	_ym_gen_buf_put_str(buf, name);
	_ym_gen_buf_put_be16(buf, (guint16) length);
	_ym_gen_buf_put_bytes(buf, value, length);
}

static void
ym_gen_ipp_str(YmGenBuf *buf, guint8 tag, const gchar *name, const gchar *value)
{
	ym_gen_ipp_attr(buf, tag, name, value, strlen(value));
}

static void
ym_gen_ipp_int(YmGenBuf *buf, guint8 tag, const gchar *name, guint32 value)
{
	guint8 v[4] = {value >> 24, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff};
	ym_gen_ipp_attr(buf, tag, name, v, 4);
}

static void
ym_gen_ipp_begin(YmGenBuf *buf, guint16 op_or_status, guint32 request_id)
{
	_ym_gen_buf_put_be16(buf, 0x0200);
	_ym_gen_buf_put_be16(buf, op_or_status);
	_ym_gen_buf_put_be32(buf, request_id);
	_ym_gen_buf_put_u8(buf, 0x01);
	ym_gen_ipp_str(buf, 0x47, "attributes-charset", "utf-8");
	ym_gen_ipp_str(buf, 0x48, "attributes-natural-language", "ja-jp");
}

static gint64
ym_gen_ipp_post(YmGenCtx *ctx,
                YmGenTcp *tcp,
                const YmGenBuf *request,
                gsize document,
                const YmGenBuf *reply,
                gint64 t)
{
	gchar date[40];
	g_autofree gchar *head = NULL;
	g_autofree gchar *reply_head = NULL;
	guint8 data[4096];
	YmGenBuf buf;

	_ym_gen_http_date(t, date);
	head = g_strdup_printf("POST /ipp/print HTTP/1.1\r\n"
	                       "Content-Length: %" G_GSIZE_FORMAT "\r\n"
	                       "Content-Type: application/ipp\r\n"
	                       "Date: %s\r\n"
	                       "Host: BRW3C2AF48D215E.local:631\r\n"
	                       "User-Agent: CUPS/2.3.4 (macOS 15.3.0; arm64) IPP/2.0\r\n"
	                       "\r\n",
	                       request->len + document, date);
	_ym_gen_buf_init(&buf, data, sizeof(data));
	_ym_gen_buf_put_str(&buf, head);
	_ym_gen_buf_put_bytes(&buf, request->data, request->len);
	if (document > 0) {
		/* Apple raster: "UNIRAST" then pages */
		_ym_gen_buf_put_bytes(&buf, "UNIRAST\0\0\0\0\x01", 12);
		t = _ym_gen_tcp_send(ctx, tcp, YM_GEN_CLIENT, buf.data, buf.len, t);
		t = _ym_gen_tcp_send_noise(ctx, tcp, YM_GEN_CLIENT, document - 12, t + 100);
	} else {
		t = _ym_gen_tcp_send(ctx, tcp, YM_GEN_CLIENT, buf.data, buf.len, t);
	}
	t += tcp->rtt + _ym_gen_between(ctx, 5 * YM_GEN_MSEC, 60 * YM_GEN_MSEC);
	reply_head = g_strdup_printf("HTTP/1.1 200 OK\r\n"
	                             "Server: debut/1.30\r\n"
	                             "Date: %s\r\n"
	                             "Content-Type: application/ipp\r\n"
	                             "Content-Length: %" G_GSIZE_FORMAT "\r\n"
	                             "\r\n",
	                             date, reply->len);
	_ym_gen_buf_init(&buf, data, sizeof(data));
	_ym_gen_buf_put_str(&buf, reply_head);
	_ym_gen_buf_put_bytes(&buf, reply->data, reply->len);
	t = _ym_gen_tcp_send(ctx, tcp, YM_GEN_SERVER, buf.data, buf.len, t);
	return _ym_gen_tcp_ack(ctx, tcp, YM_GEN_CLIENT, t + tcp->lan) + 2 * YM_GEN_MSEC;
}

static gint64
ym_gen_print_actor(YmGenCtx *ctx, YmGenActor *actor)
{
	YmGenDevice *mac = actor->device;
	YmGenDevice *printer = _ym_gen_home_find(mac->home, "printer");
	const gchar *uri = "ipp://BRW3C2AF48D215E.local.:631/ipp/print";
	guint8 req_data[1024];
	guint8 rep_data[1536];
	YmGenBuf req;
	YmGenBuf rep;
	YmGenTcp tcp;
	gint64 t = actor->when;

	if (printer == NULL || !printer->online || !mac->online)
		return YM_GEN_ACTOR_DONE;
	t = _ym_gen_mdns_browse(ctx, mac, "_ipp._tcp.local", t);

	_ym_gen_device_tcp_to(ctx, mac, &tcp, printer->ip, 631, NULL);
	t = _ym_gen_tcp_connect(ctx, &tcp, t + 20 * YM_GEN_MSEC);

	/* Get-Printer-Attributes */
	_ym_gen_buf_init(&req, req_data, sizeof(req_data));
	ym_gen_ipp_begin(&req, 0x000b, 1);
	ym_gen_ipp_str(&req, 0x45, "printer-uri", uri);
	ym_gen_ipp_str(&req, 0x42, "requesting-user-name", "tanaka");
	ym_gen_ipp_str(&req, 0x44, "requested-attributes", "all");
	_ym_gen_buf_put_u8(&req, 0x03);
	_ym_gen_buf_init(&rep, rep_data, sizeof(rep_data));
	ym_gen_ipp_begin(&rep, 0x0000, 1);
	_ym_gen_buf_put_u8(&rep, 0x04);
	ym_gen_ipp_str(&rep, 0x45, "printer-uri-supported", uri);
	ym_gen_ipp_str(&rep, 0x42, "printer-name", "BRW3C2AF48D215E");
	ym_gen_ipp_str(&rep, 0x41, "printer-make-and-model", "Brother MFC-J6983CDW");
	ym_gen_ipp_str(&rep, 0x41, "printer-info", "Brother MFC-J6983CDW");
	ym_gen_ipp_str(&rep, 0x41, "printer-location", "書斎");
	ym_gen_ipp_int(&rep, 0x23, "printer-state", 3);
	ym_gen_ipp_str(&rep, 0x44, "printer-state-reasons", "none");
	ym_gen_ipp_str(&rep, 0x49, "document-format-supported", "application/octet-stream");
	ym_gen_ipp_str(&rep, 0x49, "", "image/urf");
	ym_gen_ipp_str(&rep, 0x49, "", "image/pwg-raster");
	ym_gen_ipp_str(&rep, 0x49, "", "image/jpeg");
	ym_gen_ipp_str(&rep, 0x45, "printer-more-info",
	               "http://BRW3C2AF48D215E.local./net/net/airprint.html");
	ym_gen_ipp_str(&rep, 0x41, "printer-firmware-string-version", "ZC2308141300");
	_ym_gen_buf_put_u8(&rep, 0x03);
	t = ym_gen_ipp_post(ctx, &tcp, &req, 0, &rep, t + 2 * YM_GEN_MSEC);

	/* Print-Job with two pages of raster */
	_ym_gen_buf_init(&req, req_data, sizeof(req_data));
	ym_gen_ipp_begin(&req, 0x0002, 2);
	ym_gen_ipp_str(&req, 0x45, "printer-uri", uri);
	ym_gen_ipp_str(&req, 0x42, "requesting-user-name", "tanaka");
	ym_gen_ipp_str(&req, 0x42, "job-name", "見積書.pdf");
	ym_gen_ipp_str(&req, 0x49, "document-format", "image/urf");
	_ym_gen_buf_put_u8(&req, 0x02);
	ym_gen_ipp_int(&req, 0x21, "copies", 1);
	ym_gen_ipp_str(&req, 0x44, "sides", "two-sided-long-edge");
	ym_gen_ipp_str(&req, 0x44, "media", "iso_a4_210x297mm");
	_ym_gen_buf_put_u8(&req, 0x03);
	_ym_gen_buf_init(&rep, rep_data, sizeof(rep_data));
	ym_gen_ipp_begin(&rep, 0x0000, 2);
	_ym_gen_buf_put_u8(&rep, 0x02);
	ym_gen_ipp_str(&rep, 0x45, "job-uri", "ipp://BRW3C2AF48D215E.local.:631/ipp/print/job-12");
	ym_gen_ipp_int(&rep, 0x21, "job-id", 12);
	ym_gen_ipp_int(&rep, 0x23, "job-state", 3);
	ym_gen_ipp_str(&rep, 0x44, "job-state-reasons", "none");
	_ym_gen_buf_put_u8(&rep, 0x03);
	t = ym_gen_ipp_post(ctx, &tcp, &req, (gsize) _ym_gen_between(ctx, 180000, 320000), &rep,
	                    t + 30 * YM_GEN_MSEC);
	_ym_gen_tcp_close(ctx, &tcp, YM_GEN_CLIENT, t + 300 * YM_GEN_MSEC);
	return YM_GEN_ACTOR_DONE;
}

/* ---------------------------------------------------------------------- */
/* scenes                                                                 */
/* ---------------------------------------------------------------------- */

static void
ym_gen_scene_home(YmGenCtx *ctx, YmGenHome *home, gint64 start)
{
	/* the router restarted (firmware update): it is up first, then every
	 * device rejoins as its Wi-Fi or link comes back */
	for (guint i = 0; i < home->n_devices; i++) {
		YmGenDevice *device = &home->devices[i];
		gint64 jitter = device->info->kind == YM_GEN_KIND_ROUTER
		                    ? 0
		                    : _ym_gen_between(ctx, 0, 3 * YM_GEN_SEC);
		_ym_gen_home_schedule_device(ctx, device, start + device->info->join_at + jitter);
	}
}

static const YmGenStreamSpec demo_netflix = {
    .device = "tv",
    .site = "ipv4-c057-tyo001-ix.1.oca.nflxvideo.net",
    .client = YM_TLS_CONSCRYPT,
    .alpn = "http/1.1",
    .chunk_min = 700000,
    .chunk_max = 1400000,
    .think_min = 2 * YM_GEN_SEC,
    .think_max = 4 * YM_GEN_SEC,
    .gap = 110,
    .chunks = 5,
};

static void
ym_gen_scene_tv(YmGenCtx *ctx, YmGenHome *home, gint64 start)
{
	YmGenDevice *tv = _ym_gen_home_find(home, "tv");
	gint64 t = start + 13 * YM_GEN_MIN + _ym_gen_between(ctx, 0, 60 * YM_GEN_SEC);
	if (tv == NULL)
		return;
	ym_gen_stream_start(ctx, home, &demo_netflix, t);
}

static void
ym_gen_scene_print(YmGenCtx *ctx, YmGenHome *home, gint64 start)
{
	YmGenDevice *mac = _ym_gen_home_find(home, "mac");
	if (mac != NULL)
		_ym_gen_actor_add(
		    ctx, start + 17 * YM_GEN_MIN + _ym_gen_between(ctx, 0, 60 * YM_GEN_SEC),
		    ym_gen_print_actor, mac, NULL);
}

static void
ym_gen_scene_call(YmGenCtx *ctx, YmGenHome *home, gint64 start)
{
	YmGenDevice *mac = _ym_gen_home_find(home, "mac");
	if (mac != NULL)
		ym_gen_call_start(
		    ctx, mac, start + 21 * YM_GEN_MIN + _ym_gen_between(ctx, 0, 60 * YM_GEN_SEC),
		    40 * YM_GEN_SEC);
}

/* benchmark: a busy evening, everything at once and without end */

static const YmGenStreamSpec bench_streams[] = {
    {
        .device = "tv",
        .site = "ipv4-c057-tyo001-ix.1.oca.nflxvideo.net",
        .client = YM_TLS_CONSCRYPT,
        .alpn = "http/1.1",
        .chunk_min = 1200000,
        .chunk_max = 3200000,
        .think_min = 2 * YM_GEN_SEC,
        .think_max = 4 * YM_GEN_SEC,
        .gap = 110,
        .ack_every = TRUE,
    },
    {
        .device = "ipad",
        .site = "rr3---sn-oguelnsy.googlevideo.com",
        .client = YM_TLS_CHROME,
        .chunk_min = 600000,
        .chunk_max = 2200000,
        .think_min = 3 * YM_GEN_SEC,
        .think_max = 6 * YM_GEN_SEC,
        .gap = 140,
        .chunks = 40,
        .pause_min = 5 * YM_GEN_SEC,
        .pause_max = 20 * YM_GEN_SEC,
        .ack_every = TRUE,
    },
    {
        .device = "android",
        .site = "ds-vod-abematv.akamaized.net",
        .client = YM_TLS_CONSCRYPT,
        .chunk_min = 500000,
        .chunk_max = 1800000,
        .think_min = 4 * YM_GEN_SEC,
        .think_max = 7 * YM_GEN_SEC,
        .gap = 150,
        .chunks = 30,
        .pause_min = 10 * YM_GEN_SEC,
        .pause_max = 40 * YM_GEN_SEC,
        .ack_every = TRUE,
    },
    {
        .device = "mac",
        .site = "obs.line-scdn.net",
        .client = YM_TLS_SAFARI,
        .chunk_min = 200000,
        .chunk_max = 900000,
        .think_min = 10 * YM_GEN_SEC,
        .think_max = 30 * YM_GEN_SEC,
        .gap = 120,
        .chunks = 6,
        .pause_min = 20 * YM_GEN_SEC,
        .pause_max = 60 * YM_GEN_SEC,
    },
};

typedef struct {
	const gchar *device;
	YmTlsClient client;
	gint64 every_min;
	gint64 every_max;
} YmGenBrowseSpec;

static const YmGenBrowseSpec bench_browsers[] = {
    {"pc", YM_TLS_CHROME, 800 * YM_GEN_MSEC, 5 * YM_GEN_SEC},
    {"mac", YM_TLS_SAFARI, 1 * YM_GEN_SEC, 6 * YM_GEN_SEC},
    {"iphone", YM_TLS_SAFARI, 1 * YM_GEN_SEC, 8 * YM_GEN_SEC},
    {"android", YM_TLS_CHROME, 2 * YM_GEN_SEC, 9 * YM_GEN_SEC},
    {"ipad", YM_TLS_SAFARI, 3 * YM_GEN_SEC, 12 * YM_GEN_SEC},
};

static gint64
ym_gen_browse_actor(YmGenCtx *ctx, YmGenActor *actor)
{
	static const gchar *const sites[] = {"www.yahoo.co.jp",    "news.yahoo.co.jp",
	                                     "s.yimg.jp",          "www.google.com",
	                                     "www.gstatic.com",    "www.youtube.com",
	                                     "i.ytimg.com",        "www.amazon.co.jp",
	                                     "www.apple.com",      "www.bing.com",
	                                     "legy.line-apps.com", "abema.tv",
	                                     "www.netflix.com",    NULL};
	const YmGenBrowseSpec *spec = actor->data;
	YmGenDevice *device = actor->device;
	guint n = g_strv_length((gchar **) sites);
	gsize down = _ym_gen_chance(ctx, 80) ? (gsize) _ym_gen_between(ctx, 2000, 60000)
	                                     : (gsize) _ym_gen_between(ctx, 60000, 600000);

	if (device->online) {
		const gchar *site = sites[_ym_gen_below(ctx, n)];
		gsize up = (gsize) _ym_gen_between(ctx, 400, 2400);
		_ym_gen_device_https(ctx, device, spec->client, site, 443, NULL, up, down,
		                     actor->when);
	}
	return actor->when + _ym_gen_between(ctx, spec->every_min, spec->every_max);
}

static gint64
ym_gen_upload_actor(YmGenCtx *ctx, YmGenActor *actor)
{
	YmGenDevice *camera = actor->device;
	if (camera->online)
		_ym_gen_device_https(
		    ctx, camera, YM_TLS_OPENSSL11, "aps1-relay-dcipc.i.tplinknbu.com", 443, NULL,
		    (gsize) _ym_gen_between(ctx, 300000, 1500000), 900, actor->when);
	return actor->when + _ym_gen_between(ctx, 40 * YM_GEN_SEC, 120 * YM_GEN_SEC);
}

static gint64
ym_gen_record_actor(YmGenCtx *ctx, YmGenActor *actor)
{
	YmGenDevice *nas = actor->device;
	gint64 t = actor->when;
	if (nas->online)
		t = _ym_gen_nas_record(ctx, nas, t, 20 * YM_GEN_SEC);
	return t + _ym_gen_between(ctx, 5 * YM_GEN_SEC, 30 * YM_GEN_SEC);
}

static gint64
ym_gen_call_loop_actor(YmGenCtx *ctx, YmGenActor *actor)
{
	/* calls of 5 to 15 minutes with breaks */
	gint64 duration = _ym_gen_between(ctx, 5 * YM_GEN_MIN, 15 * YM_GEN_MIN);
	ym_gen_call_start(ctx, actor->device, actor->when, duration);
	return actor->when + duration + _ym_gen_between(ctx, 1 * YM_GEN_MIN, 4 * YM_GEN_MIN);
}

static void
ym_gen_scene_bench(YmGenCtx *ctx, YmGenHome *home, gint64 start)
{
	/* heavy traffic begins once the devices are back on the network */
	gint64 t = start + 2 * YM_GEN_MIN;
	YmGenDevice *camera = _ym_gen_home_find(home, "camera");
	YmGenDevice *nas = _ym_gen_home_find(home, "nas");
	YmGenDevice *mac = _ym_gen_home_find(home, "mac");

	for (guint i = 0; i < G_N_ELEMENTS(bench_streams); i++)
		ym_gen_stream_start(ctx, home, &bench_streams[i],
		                    t + _ym_gen_between(ctx, 0, 20 * YM_GEN_SEC));
	for (guint i = 0; i < G_N_ELEMENTS(bench_browsers); i++) {
		YmGenDevice *device = _ym_gen_home_find(home, bench_browsers[i].device);
		if (device != NULL)
			_ym_gen_actor_add(ctx, t + _ym_gen_between(ctx, 0, 5 * YM_GEN_SEC),
			                  ym_gen_browse_actor, device, &bench_browsers[i]);
	}
	if (camera != NULL)
		_ym_gen_actor_add(ctx, t + 30 * YM_GEN_SEC, ym_gen_upload_actor, camera, NULL);
	if (nas != NULL)
		_ym_gen_actor_add(ctx, t + 10 * YM_GEN_SEC, ym_gen_record_actor, nas, NULL);
	if (mac != NULL)
		_ym_gen_actor_add(ctx, t + 40 * YM_GEN_SEC, ym_gen_call_loop_actor, mac, NULL);
}

/* ---------------------------------------------------------------------- */
/* attack scenes                                                          */
/* ---------------------------------------------------------------------- */

/*
 * Arbitrary public addresses that stand for the other side of the
 * attacks; they attribute nothing to anyone. The home's WAN address only
 * shows inside the Mirai scanner's SYN, whose sequence number is the
 * address it aimed at (before the router's port forward rewrote it).
 */
#define YM_GEN_HOME_WAN     YM_GEN_IP4(153, 231, 74, 18)
#define YM_GEN_TELNET_BRUTE YM_GEN_IP4(193, 32, 162, 71)
#define YM_GEN_DROP_HOST    YM_GEN_IP4(194, 87, 31, 208)
#define YM_GEN_DROP_PORT    443

static void
ym_gen_put_be16(guint8 *p, guint16 v)
{
	p[0] = (guint8) (v >> 8);
	p[1] = (guint8) v;
}

static void
ym_gen_put_be32(guint8 *p, guint32 v)
{
	ym_gen_put_be16(p, (guint16) (v >> 16));
	ym_gen_put_be16(p + 2, (guint16) v);
}

/* one TCP segment built by hand, as a raw socket or a kernel reset sends
 * it outside any session: no payload, options as given */
static void
ym_gen_raw_tcp(YmGenCtx *ctx,
               gint64 t,
               const YmGenIp4 *ip,
               guint16 sport,
               guint16 dport,
               guint32 seq,
               guint32 ack,
               guint8 flags,
               guint16 window,
               const guint8 *options,
               gsize optlen)
{
	guint8 seg[60];
	guint8 pseudo[12];
	gsize len = 20 + MIN(optlen, 40);
	guint32 sum;

	memset(seg, 0, sizeof(seg));
	ym_gen_put_be16(seg, sport);
	ym_gen_put_be16(seg + 2, dport);
	ym_gen_put_be32(seg + 4, seq);
	ym_gen_put_be32(seg + 8, ack);
	seg[12] = (guint8) ((len / 4) << 4);
	seg[13] = flags;
	ym_gen_put_be16(seg + 14, window);
	if (len > 20)
		memcpy(seg + 20, options, len - 20);
	ym_gen_put_be32(pseudo, ip->src);
	ym_gen_put_be32(pseudo + 4, ip->dst);
	pseudo[8] = 0;
	pseudo[9] = 6;
	ym_gen_put_be16(pseudo + 10, (guint16) len);
	sum = _ym_gen_csum_add(0, pseudo, sizeof(pseudo));
	sum = _ym_gen_csum_add(sum, seg, len);
	ym_gen_put_be16(seg + 16, _ym_gen_csum_fold(sum));
	_ym_gen_emit_ip4(ctx, t, ip, 6, NULL, 0, seg, len);
}

/* an internet host's packet as the router forwards it into the home */
static void
ym_gen_inbound_ip4(YmGenDevice *device, YmGenIp4 *ip, guint32 src, guint8 ttl, guint16 id)
{
	memset(ip, 0, sizeof(*ip));
	ip->src_mac = device->home->router->mac;
	ip->dst_mac = device->mac;
	ip->src = src;
	ip->dst = device->ip;
	ip->ttl = ttl;
	ip->id = id;
}

/* a random public IPv4 address, with the ranges Mirai's get_random_ip()
 * leaves out (loopback, private, CGN, link-local, multicast and reserved,
 * and a few large corporate and US government blocks), plus the
 * documentation and benchmarking networks */
static guint32
ym_gen_mirai_random_ip(YmGenCtx *ctx)
{
	for (;;) {
		guint32 ip = (guint32) _ym_gen_rand(ctx);
		guint8 a = (guint8) (ip >> 24);
		guint8 b = (guint8) (ip >> 16);
		guint8 c = (guint8) (ip >> 8);
		if (a == 0 || a == 3 || a == 6 || a == 7 || a == 10 || a == 11 || a == 15 ||
		    a == 16 || a == 21 || a == 22 || a == 26 || a == 28 || a == 29 || a == 30 ||
		    a == 33 || a == 55 || a == 56 || a == 127 || a == 214 || a == 215 || a >= 224)
			continue;
		if ((a == 192 && b == 168) || (a == 172 && b >= 16 && b < 32) ||
		    (a == 100 && b >= 64 && b < 128) || (a == 169 && b == 254) ||
		    (a == 198 && (b == 18 || b == 19)) || (a == 192 && b == 0 && c == 2) ||
		    (a == 198 && b == 51 && c == 100) || (a == 203 && b == 0 && c == 113) ||
		    (a == 192 && b == 88 && c == 99))
			continue;
		return ip;
	}
}

/* camera-factory-password ---------------------------------------------- */

typedef struct {
	const gchar *text; /* what the side sends, as one segment */
	gsize length;
	guint dir;
	gint64 delay_min; /* after the previous message, beyond the network delay */
	gint64 delay_max;
} YmGenTelnetStep;

/* busybox telnetd and login on the camera against the Mirai scanner's
 * brute-forcer (mirai/bot/scanner.c): IAC answers (DO becomes WONT, WILL
 * becomes DO, NAWS 80x24), user and password lines, then its probe
 * commands ending with "/bin/busybox MIRAI" */
#define YM_GEN_TEXT(s) s, sizeof(s) - 1

static const YmGenTelnetStep telnet_steps[] = {
    /* DO ECHO, DO NAWS, WILL ECHO, WILL SGA */
    {YM_GEN_TEXT("\xff\xfd\x01\xff\xfd\x1f\xff\xfb\x01\xff\xfb\x03"), YM_GEN_SERVER, 1000, 3000},
    {YM_GEN_TEXT("\r\nC200_4E6A7B login: "), YM_GEN_SERVER, 8000, 30000},
    /* WONT ECHO, WILL NAWS, SB NAWS 80 24 SE, DO ECHO, DO SGA */
    {YM_GEN_TEXT(
         "\xff\xfc\x01\xff\xfb\x1f\xff\xfa\x1f\x00\x50\x00\x18\xff\xf0\xff\xfd\x01\xff\xfd\x03"),
     YM_GEN_CLIENT, 200, 2000},
    {YM_GEN_TEXT("root\r\n"), YM_GEN_CLIENT, 2000, 20000},
    {YM_GEN_TEXT("root\r\n"), YM_GEN_SERVER, 300, 1500},
    {YM_GEN_TEXT("Password: "), YM_GEN_SERVER, 2000, 9000},
    {YM_GEN_TEXT("xc3511\r\n"), YM_GEN_CLIENT, 2000, 20000},
    {YM_GEN_TEXT("\r\n"), YM_GEN_SERVER, 300, 1500},
    {YM_GEN_TEXT("\r\n\r\nBusyBox v1.19.4 (2021-03-26 11:09:47 CST) built-in shell (ash)\r\n"
                 "Enter 'help' for a list of built-in commands.\r\n\r\n# "),
     YM_GEN_SERVER, 150000, 400000},
    {YM_GEN_TEXT("enable\r\n"), YM_GEN_CLIENT, 2000, 20000},
    {YM_GEN_TEXT("enable\r\n-sh: enable: not found\r\n# "), YM_GEN_SERVER, 2000, 8000},
    {YM_GEN_TEXT("system\r\n"), YM_GEN_CLIENT, 2000, 20000},
    {YM_GEN_TEXT("system\r\n-sh: system: not found\r\n# "), YM_GEN_SERVER, 2000, 8000},
    {YM_GEN_TEXT("shell\r\n"), YM_GEN_CLIENT, 2000, 20000},
    {YM_GEN_TEXT("shell\r\n-sh: shell: not found\r\n# "), YM_GEN_SERVER, 2000, 8000},
    {YM_GEN_TEXT("sh\r\n"), YM_GEN_CLIENT, 2000, 20000},
    {YM_GEN_TEXT("sh\r\n# "), YM_GEN_SERVER, 3000, 12000},
    {YM_GEN_TEXT("/bin/busybox MIRAI\r\n"), YM_GEN_CLIENT, 2000, 20000},
    {YM_GEN_TEXT("/bin/busybox MIRAI\r\nMIRAI: applet not found\r\n# "), YM_GEN_SERVER, 3000,
     12000},
};

static gint64
ym_gen_telnet_login_actor(YmGenCtx *ctx, YmGenActor *actor)
{
	YmGenDevice *camera = actor->device;
	YmGenDevice *router = camera->home->router;
	gint64 far = _ym_gen_between(ctx, 170 * YM_GEN_MSEC, 230 * YM_GEN_MSEC);
	guint8 ttl = 47;
	guint16 sport = (guint16) (32768 + _ym_gen_below(ctx, 60999 - 32768));
	guint16 window = (guint16) _ym_gen_rand(ctx);
	guint32 isn = (guint32) _ym_gen_rand(ctx);
	gint64 t = actor->when;
	YmGenIp4 in;
	YmGenIp4 out;
	YmGenTcp tcp;
	guint8 mss[4] = {2, 4, 0x05, 0xb4};

	if (!camera->online)
		return YM_GEN_ACTOR_DONE;

	/* the scanner's raw SYN: no options, the sequence number is the
	 * address it aimed at; the camera answers from port 23 and the
	 * scanner's kernel, which knows no such connection, resets it */
	ym_gen_inbound_ip4(camera, &in, YM_GEN_TELNET_BRUTE, ttl, (guint16) _ym_gen_rand(ctx));
	ym_gen_raw_tcp(ctx, t, &in, sport, 23, YM_GEN_HOME_WAN, 0, YM_GEN_TCP_SYN, window, NULL, 0);
	_ym_gen_device_ip4(camera, &out, router->mac, YM_GEN_TELNET_BRUTE);
	out.df = TRUE;
	out.id = 0;
	ym_gen_raw_tcp(ctx, t + 350, &out, 23, sport, isn, YM_GEN_HOME_WAN + 1,
	               YM_GEN_TCP_SYN | YM_GEN_TCP_ACK, 64240, mss, sizeof(mss));
	in.id = (guint16) _ym_gen_rand(ctx);
	in.df = TRUE;
	ym_gen_raw_tcp(ctx, t + 350 + far, &in, sport, 23, YM_GEN_HOME_WAN + 1, 0, YM_GEN_TCP_RST,
	               0, NULL, 0);

	/* the brute-forcer's own connection a moment later: the far end is
	 * the client, so the camera answers at once and the attacker's
	 * reactions take a round trip */
	t += 350 + far + _ym_gen_between(ctx, 2 * YM_GEN_MSEC, 40 * YM_GEN_MSEC);
	_ym_gen_tcp_init(&tcp, router->mac, YM_GEN_TELNET_BRUTE,
	                 (guint16) (32768 + _ym_gen_below(ctx, 60999 - 32768)), YM_GEN_TCP_LINUX,
	                 camera->mac, camera->ip, 23, _ym_gen_device_tcp_style(camera),
	                 _ym_gen_device_ttl(camera), 350);
	tcp.end[YM_GEN_CLIENT].ttl = ttl;
	tcp.lan = far;
	t = _ym_gen_tcp_connect(ctx, &tcp, t);
	for (guint i = 0; i < G_N_ELEMENTS(telnet_steps); i++) {
		const YmGenTelnetStep *step = &telnet_steps[i];
		guint dir = step->dir;
		/* a reply to the other side waits for the network, a message
		 * following one's own does not */
		if (i > 0 && telnet_steps[i - 1].dir != dir)
			t += _ym_gen_tcp_reply_delay(&tcp, !dir);
		t += _ym_gen_between(ctx, step->delay_min, step->delay_max);
		t = _ym_gen_tcp_send(ctx, &tcp, dir, (const guint8 *) step->text, step->length, t);
	}
	/* the scanner reports the find and hangs up */
	t += _ym_gen_tcp_reply_delay(&tcp, YM_GEN_SERVER) + _ym_gen_between(ctx, 1000, 5000);
	_ym_gen_tcp_close(ctx, &tcp, YM_GEN_CLIENT, t);
	return YM_GEN_ACTOR_DONE;
}

static void
ym_gen_scene_camera_password(YmGenCtx *ctx, YmGenHome *home, gint64 start)
{
	YmGenDevice *camera = _ym_gen_home_find(home, "camera");
	if (camera != NULL)
		_ym_gen_actor_add(ctx,
		                  start + 4 * YM_GEN_MIN + _ym_gen_between(ctx, 0, 20 * YM_GEN_SEC),
		                  ym_gen_telnet_login_actor, camera, NULL);
}

/* plug-telnet-scan ----------------------------------------------------- */

#define YM_GEN_SCAN_PROBES 300

static gint64
ym_gen_telnet_scan_actor(YmGenCtx *ctx, YmGenActor *actor)
{
	YmGenDevice *plug = actor->device;
	YmGenDevice *router = plug->home->router;
	guint32 target = ym_gen_mirai_random_ip(ctx);
	/* every tenth probe goes to 2323, as in Mirai's scanner */
	guint16 dport = actor->counter % 10 == 0 ? 2323 : 23;
	guint16 sport = (guint16) (1024 + _ym_gen_below(ctx, 65536 - 1024));
	guint32 answer = _ym_gen_below(ctx, 100);
	gint64 rtt = _ym_gen_between(ctx, 30 * YM_GEN_MSEC, 320 * YM_GEN_MSEC);
	guint8 ttl = (guint8) _ym_gen_between(ctx, 38, 57);
	gint64 t = actor->when;
	YmGenIp4 out;
	YmGenIp4 in;

	if (!plug->online)
		return YM_GEN_ACTOR_DONE;
	if (actor->counter == 0)
		actor->state[0] = _ym_gen_rand(ctx) & 0xffff; /* one window for the whole scan */

	memset(&out, 0, sizeof(out));
	out.src_mac = plug->mac;
	out.dst_mac = router->mac;
	out.src = plug->ip;
	out.dst = target;
	out.ttl = 64;
	out.id = (guint16) _ym_gen_rand(ctx);
	ym_gen_raw_tcp(ctx, t, &out, sport, dport, target, 0, YM_GEN_TCP_SYN,
	               (guint16) actor->state[0], NULL, 0);

	memset(&in, 0, sizeof(in));
	in.src_mac = router->mac;
	in.dst_mac = plug->mac;
	in.src = target;
	in.dst = plug->ip;
	in.ttl = ttl;
	in.df = TRUE;
	if (answer < 8) {
		/* a host without the service refuses */
		ym_gen_raw_tcp(ctx, t + rtt, &in, dport, sport, 0, target + 1,
		               YM_GEN_TCP_RST | YM_GEN_TCP_ACK, 0, NULL, 0);
	} else if (answer < 11) {
		/* an open Telnet: the plug's kernel resets the raw SYN's
		 * connection it never opened */
		guint8 mss[4] = {2, 4, 0x05, 0xb4};
		guint32 isn = (guint32) _ym_gen_rand(ctx);
		ym_gen_raw_tcp(ctx, t + rtt, &in, dport, sport, isn, target + 1,
		               YM_GEN_TCP_SYN | YM_GEN_TCP_ACK, 29200, mss, sizeof(mss));
		out.id = (guint16) _ym_gen_rand(ctx);
		out.df = TRUE;
		ym_gen_raw_tcp(ctx, t + rtt + 300, &out, sport, dport, target + 1, 0,
		               YM_GEN_TCP_RST, 0, NULL, 0);
	}
	if (++actor->counter >= YM_GEN_SCAN_PROBES)
		return YM_GEN_ACTOR_DONE;
	return t + _ym_gen_between(ctx, 250 * YM_GEN_MSEC, 550 * YM_GEN_MSEC);
}

static void
ym_gen_scene_plug_scan(YmGenCtx *ctx, YmGenHome *home, gint64 start)
{
	YmGenDevice *plug = _ym_gen_home_find(home, "plug");
	if (plug != NULL)
		_ym_gen_actor_add(ctx,
		                  start + 9 * YM_GEN_MIN + _ym_gen_between(ctx, 0, 30 * YM_GEN_SEC),
		                  ym_gen_telnet_scan_actor, plug, NULL);
}

/* upnp-mapping ---------------------------------------------------------- */

#define YM_GEN_SOAP_ENVELOPE_BEGIN                                                                 \
	"<?xml version=\"1.0\"?>\r\n"                                                              \
	"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "                       \
	"s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body>"
#define YM_GEN_SOAP_ENVELOPE_END "</s:Body></s:Envelope>\r\n"
#define YM_GEN_WANIP             "urn:schemas-upnp-org:service:WANIPConnection:1"

static gint64
ym_gen_upnp_map_actor(YmGenCtx *ctx, YmGenActor *actor)
{
	YmGenDevice *camera = actor->device;
	YmGenDevice *router = camera->home->router;
	const gchar *body =
	    YM_GEN_SOAP_ENVELOPE_BEGIN "<u:AddPortMapping xmlns:u=\"" YM_GEN_WANIP "\">"
	                               "<NewRemoteHost></NewRemoteHost>"
	                               "<NewExternalPort>8554</NewExternalPort>"
	                               "<NewProtocol>TCP</NewProtocol>"
	                               "<NewInternalPort>554</NewInternalPort>"
	                               "<NewInternalClient>192.168.10.4</NewInternalClient>"
	                               "<NewEnabled>1</NewEnabled>"
	                               "<NewPortMappingDescription>Tapo RTSP"
	                               "</NewPortMappingDescription>"
	                               "<NewLeaseDuration>0</NewLeaseDuration>"
	                               "</u:AddPortMapping>" YM_GEN_SOAP_ENVELOPE_END;
	const gchar *reply = YM_GEN_SOAP_ENVELOPE_BEGIN
	    "<u:AddPortMappingResponse xmlns:u=\"" YM_GEN_WANIP "\"/>" YM_GEN_SOAP_ENVELOPE_END;
	g_autofree gchar *request = NULL;
	g_autofree gchar *head = NULL;
	gchar date[40];
	gint64 t = actor->when;

	if (!camera->online || !router->online)
		return YM_GEN_ACTOR_DONE;

	if (actor->counter == 0) {
		/* miniupnpc: find the gateway, then ask its WANIPConnection */
		t = _ym_gen_ssdp_search(
		    ctx, camera, "urn:schemas-upnp-org:device:InternetGatewayDevice:1", NULL, t);
		t += _ym_gen_between(ctx, 20 * YM_GEN_MSEC, 120 * YM_GEN_MSEC);
		request = g_strdup_printf("POST /upnp/control/WANIPConn1 HTTP/1.1\r\n"
		                          "Host: 192.168.10.1:2869\r\n"
		                          "User-Agent: Linux/3.10.14, UPnP/1.1, MiniUPnPc/2.2.4\r\n"
		                          "Content-Length: %" G_GSIZE_FORMAT "\r\n"
		                          "Content-Type: text/xml\r\n"
		                          "SOAPAction: \"" YM_GEN_WANIP "#AddPortMapping\"\r\n"
		                          "Connection: Close\r\n"
		                          "Cache-Control: no-cache\r\n"
		                          "Pragma: no-cache\r\n"
		                          "\r\n"
		                          "%s",
		                          strlen(body), body);
		_ym_gen_http_date(t, date);
		head = g_strdup_printf("HTTP/1.1 200 OK\r\n"
		                       "Content-Type: text/xml; charset=\"utf-8\"\r\n"
		                       "Connection: close\r\n"
		                       "Content-Length: %" G_GSIZE_FORMAT "\r\n"
		                       "Server: Linux/3.10 UPnP/1.0 Aterm WX3600HP/1.0\r\n"
		                       "Date: %s\r\n"
		                       "EXT:\r\n"
		                       "\r\n",
		                       strlen(reply), date);
		_ym_gen_device_http_exchange(ctx, camera, router->ip, 2869, NULL, request, head,
		                             reply, strlen(reply), t);
		actor->counter = 1;
		return t + _ym_gen_between(ctx, 20 * YM_GEN_SEC, 40 * YM_GEN_SEC);
	} else {
		/* NAT-PMP (RFC 6886) from the same firmware: map TCP 554 to
		 * 8554 for two hours; the router counts its epoch from its
		 * restart at the capture start */
		guint8 req[12] = {0, 2, 0, 0};
		guint8 rep[16] = {0, 130, 0, 0};
		guint16 sport = _ym_gen_device_port(ctx, camera);
		guint32 epoch = (guint32) ((t - _ym_gen_ctx_get_start(ctx)) / YM_GEN_SEC);
		ym_gen_put_be16(req + 4, 554);
		ym_gen_put_be16(req + 6, 8554);
		ym_gen_put_be32(req + 8, 7200);
		_ym_gen_device_udp(ctx, camera, t, router->mac, router->ip, sport, 5351, 0, req,
		                   sizeof(req));
		ym_gen_put_be32(rep + 4, epoch);
		ym_gen_put_be16(rep + 8, 554);
		ym_gen_put_be16(rep + 10, 8554);
		ym_gen_put_be32(rep + 12, 7200);
		_ym_gen_device_udp(ctx, router, t + _ym_gen_between(ctx, 600, 2500), camera->mac,
		                   camera->ip, 5351, sport, 0, rep, sizeof(rep));
		return YM_GEN_ACTOR_DONE;
	}
}

static void
ym_gen_scene_upnp_mapping(YmGenCtx *ctx, YmGenHome *home, gint64 start)
{
	YmGenDevice *camera = _ym_gen_home_find(home, "camera");
	if (camera != NULL)
		_ym_gen_actor_add(
		    ctx, start + 90 * YM_GEN_SEC + _ym_gen_between(ctx, 0, 20 * YM_GEN_SEC),
		    ym_gen_upnp_map_actor, camera, NULL);
}

/* malicious-domain ------------------------------------------------------ */

static gint64
ym_gen_bad_domain_actor(YmGenCtx *ctx, YmGenActor *actor)
{
	YmGenDevice *pc = actor->device;
	const gchar *request =
	    "GET / HTTP/1.1\r\n"
	    "Host: www.internetbadguys.com\r\n"
	    "Connection: keep-alive\r\n"
	    "Upgrade-Insecure-Requests: 1\r\n"
	    "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
	    "Gecko) Chrome/146.0.0.0 Safari/537.36 Edg/146.0.0.0\r\n"
	    "Accept: "
	    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/"
	    "apng,*/*;q=0.8\r\n"
	    "Accept-Encoding: gzip, deflate\r\n"
	    "Accept-Language: ja,en;q=0.9,en-GB;q=0.8,en-US;q=0.7\r\n"
	    "\r\n";
	const gchar *body = "<!DOCTYPE html>\n"
	                    "<html><head><meta charset=\"utf-8\">"
	                    "<title>Internet Bad Guys</title></head>\n"
	                    "<body><h1>Internet Bad Guys</h1>\n"
	                    "<p>This page is a phishing test site. If you can read it, your DNS "
	                    "did not block it.</p>\n"
	                    "</body></html>\n";
	g_autofree gchar *head = NULL;
	gchar date[40];

	if (!pc->online)
		return YM_GEN_ACTOR_DONE;
	_ym_gen_http_date(actor->when, date);
	head = g_strdup_printf("HTTP/1.1 200 OK\r\n"
	                       "Server: Apache\r\n"
	                       "Date: %s\r\n"
	                       "Content-Type: text/html; charset=utf-8\r\n"
	                       "Content-Length: %" G_GSIZE_FORMAT "\r\n"
	                       "Connection: keep-alive\r\n"
	                       "\r\n",
	                       date, strlen(body));
	_ym_gen_device_http(ctx, pc, "www.internetbadguys.com", request, head, body, strlen(body),
	                    actor->when);
	return YM_GEN_ACTOR_DONE;
}

static void
ym_gen_scene_bad_domain(YmGenCtx *ctx, YmGenHome *home, gint64 start)
{
	YmGenDevice *pc = _ym_gen_home_find(home, "pc");
	if (pc != NULL)
		_ym_gen_actor_add(ctx,
		                  start + 6 * YM_GEN_MIN + _ym_gen_between(ctx, 0, 30 * YM_GEN_SEC),
		                  ym_gen_bad_domain_actor, pc, NULL);
}

/* night-upload ---------------------------------------------------------- */

#define YM_GEN_NIGHT_UPLOAD (G_GUINT64_CONSTANT(20) * 1024 * 1024)

typedef struct {
	YmGenTcp tcp;
	YmTlsSession session;
	YmTlsStream stream;
	guint phase;
} YmGenUploadState;

static gint64
ym_gen_night_upload_actor(YmGenCtx *ctx, YmGenActor *actor)
{
	/* TLS 1.3 to a bare address: no SNI, and the certificate is
	 * encrypted */
	static const YmTlsServer drop = {0x0304, FALSE, "R11", "Let's Encrypt", "ISRG Root X1"};
	YmGenDevice *camera = actor->device;
	YmGenUploadState *state = YM_GEN_ACTOR_STATE(actor, YmGenUploadState);
	/* about 20 MB in 200 s: one full segment every 14 ms */
	gint64 gap = 14 * YM_GEN_MSEC;
	gint64 t = actor->when;

	switch (state->phase) {
	case 0:
		if (!camera->online)
			return YM_GEN_ACTOR_DONE;
		/* straight to an address: no name lookup */
		_ym_gen_device_tcp_to(ctx, camera, &state->tcp, YM_GEN_DROP_HOST, YM_GEN_DROP_PORT,
		                      NULL);
		state->tcp.rtt = _ym_gen_between(ctx, 240 * YM_GEN_MSEC, 270 * YM_GEN_MSEC);
		state->tcp.end[YM_GEN_SERVER].ttl = 49;
		t = _ym_gen_tcp_connect(ctx, &state->tcp, t);
		t = _ym_tls_handshake(ctx, &state->tcp, &state->session, YM_TLS_OPENSSL11, &drop,
		                      NULL, NULL, t);
		_ym_tls_stream_init(&state->stream, &state->session, YM_GEN_NIGHT_UPLOAD);
		state->phase = 1;
		return t + 2 * YM_GEN_MSEC;
	case 1:
		t = _ym_tls_stream_send(ctx, &state->tcp, &state->stream, YM_GEN_CLIENT, 64, gap,
		                        t);
		if (!_ym_tls_stream_done(&state->stream))
			return t + gap;
		t = _ym_gen_tcp_ack(ctx, &state->tcp, YM_GEN_SERVER, t + state->tcp.rtt);
		_ym_tls_close(ctx, &state->tcp, &state->session, YM_GEN_CLIENT,
		              t + 5 * YM_GEN_MSEC);
		return YM_GEN_ACTOR_DONE;
	default:
		return YM_GEN_ACTOR_DONE;
	}
}

static void
ym_gen_scene_night_upload(YmGenCtx *ctx, YmGenHome *home, gint64 start)
{
	YmGenDevice *camera = _ym_gen_home_find(home, "camera");
	if (camera != NULL)
		_ym_gen_actor_add(
		    ctx, start + 24 * YM_GEN_MIN + _ym_gen_between(ctx, 0, 20 * YM_GEN_SEC),
		    ym_gen_night_upload_actor, camera, NULL);
}

static const YmGenScene scenes[] = {
    {"home", "the router restarts, every device rejoins and goes about its day", TRUE, TRUE,
     ym_gen_scene_home},
    {"tv-netflix", "the TV plays Netflix for a few minutes", TRUE, FALSE, ym_gen_scene_tv},
    {"print-job", "the MacBook prints a two-page document over IPP", TRUE, FALSE,
     ym_gen_scene_print},
    {"video-call", "a short Zoom call from the MacBook", TRUE, FALSE, ym_gen_scene_call},
    {"bench-mix", "streaming, calls, browsing, camera uploads and recording without end", FALSE,
     TRUE, ym_gen_scene_bench},
    /* attacks: after the everyday scenes, so that leaving them out
     * ("none") gives the clean home byte for byte */
    {"upnp-mapping", "the camera opens TCP 8554 to its RTSP port over UPnP IGD and NAT-PMP", TRUE,
     FALSE, ym_gen_scene_upnp_mapping, TRUE},
    {"camera-factory-password",
     "a Mirai scanner logs into the camera over forwarded Telnet with root / xc3511", TRUE, FALSE,
     ym_gen_scene_camera_password, TRUE},
    {"malicious-domain", "the PC looks up www.internetbadguys.com and opens it over HTTP", TRUE,
     FALSE, ym_gen_scene_bad_domain, TRUE},
    {"plug-telnet-scan", "the taken-over plug sends Telnet SYNs to 300 random addresses", TRUE,
     FALSE, ym_gen_scene_plug_scan, TRUE},
    {"night-upload", "the camera sends 20 MB to an unknown address in the night", TRUE, FALSE,
     ym_gen_scene_night_upload, TRUE},
    {NULL}};

const YmGenScene *
_ym_gen_scenes(void)
{
	return scenes;
}

const YmGenScene *
_ym_gen_scene_find(const gchar *name)
{
	for (guint i = 0; scenes[i].name != NULL; i++) {
		if (g_strcmp0(scenes[i].name, name) == 0)
			return &scenes[i];
	}
	return NULL;
}

GPtrArray *
_ym_gen_scenes_select(const gchar *list, gboolean bench, GError **error)
{
	g_autoptr(GPtrArray) selection = g_ptr_array_new();
	g_auto(GStrv) names = NULL;

	if (list == NULL) {
		for (guint i = 0; scenes[i].name != NULL; i++) {
			if (bench ? scenes[i].in_bench : scenes[i].in_demo)
				g_ptr_array_add(selection, (gpointer) &scenes[i]);
		}
		return g_steal_pointer(&selection);
	}
	names = g_strsplit(list, ",", -1);
	for (guint i = 0; names[i] != NULL; i++) {
		const gchar *name = g_strstrip(names[i]);
		const YmGenScene *scene;
		if (g_strcmp0(name, "none") == 0) {
			/* the mode's everyday scenes: the clean home */
			for (guint j = 0; scenes[j].name != NULL; j++) {
				if ((bench ? scenes[j].in_bench : scenes[j].in_demo) &&
				    !scenes[j].attack)
					g_ptr_array_add(selection, (gpointer) &scenes[j]);
			}
			continue;
		}
		scene = _ym_gen_scene_find(name);
		if (scene == NULL) {
			g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
			            "unknown scene %s (see: yamori-gen scenes)", name);
			return NULL;
		}
		g_ptr_array_add(selection, (gpointer) scene);
	}
	return g_steal_pointer(&selection);
}

gint64
_ym_gen_scenes_default_start(GPtrArray *selection)
{
	for (guint i = 0; i < selection->len; i++) {
		const YmGenScene *scene = g_ptr_array_index(selection, i);
		if (scene->attack)
			return YM_GEN_NIGHT_START;
	}
	return YM_GEN_DEFAULT_START;
}
