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

static const YmGenScene scenes[] = {
    {"home", "the router restarts, every device rejoins and goes about its day", TRUE, TRUE,
     ym_gen_scene_home},
    {"tv-netflix", "the TV plays Netflix for a few minutes", TRUE, FALSE, ym_gen_scene_tv},
    {"print-job", "the MacBook prints a two-page document over IPP", TRUE, FALSE,
     ym_gen_scene_print},
    {"video-call", "a short Zoom call from the MacBook", TRUE, FALSE, ym_gen_scene_call},
    {"bench-mix", "streaming, calls, browsing, camera uploads and recording without end", FALSE,
     TRUE, ym_gen_scene_bench},
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
