/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

/* all times are microseconds since the Unix epoch */
#define YM_GEN_MSEC G_GINT64_CONSTANT(1000)
#define YM_GEN_SEC  G_GINT64_CONSTANT(1000000)
#define YM_GEN_MIN  (60 * YM_GEN_SEC)

/* 2026-04-01T09:00:00Z */
#define YM_GEN_DEFAULT_START (G_GINT64_CONSTANT(1775034000) * YM_GEN_SEC)
#define YM_GEN_DEFAULT_SEED  G_GUINT64_CONSTANT(0x59616d6f7269) /* "Yamori" */

/* 2026-03-31T16:30:00Z, 01:30 in Tokyo: the default start when attack
 * scenes run, so that the night upload falls in the night */
#define YM_GEN_NIGHT_START (G_GINT64_CONSTANT(1774974600) * YM_GEN_SEC)

/* largest Ethernet frame we build, without FCS */
#define YM_GEN_FRAME_MAX 1536
#define YM_GEN_ETH_MIN   60

/* ---------------------------------------------------------------------- */
/* ym-gen-engine.c: PRNG, scheduler, pcapng writer                        */
/* ---------------------------------------------------------------------- */

/* xoshiro256** seeded through splitmix64: our own, so output never
 * depends on the libc or GLib random implementation */
typedef struct {
	guint64 s[4];
} YmGenRng;

void
_ym_gen_rng_init(YmGenRng *rng, guint64 seed);
guint64
_ym_gen_rng_next(YmGenRng *rng);

typedef struct _YmGenCtx YmGenCtx;
typedef struct _YmGenActor YmGenActor;

/* run one step of an actor at actor->when; every frame it emits must be at
 * or after that time; returns the time of the next step, or
 * YM_GEN_ACTOR_DONE */
typedef gint64 (*YmGenActorFunc)(YmGenCtx *ctx, YmGenActor *actor);
#define YM_GEN_ACTOR_DONE G_GINT64_CONSTANT(-1)

struct _YmGenActor {
	YmGenActorFunc func;
	gint64 when;
	gpointer device;    /* borrowed, YmGenDevice */
	gconstpointer data; /* borrowed, static description such as a task */
	guint64 counter;    /* free for the actor */
	guint64 state[96];  /* actor private state, see YM_GEN_ACTOR_STATE */
};

gpointer
_ym_gen_actor_get_state(YmGenActor *actor, gsize size);
#define YM_GEN_ACTOR_STATE(actor, Type) ((Type *) _ym_gen_actor_get_state((actor), sizeof(Type)))

YmGenCtx *
_ym_gen_ctx_new(guint64 seed, gint64 start);
void
_ym_gen_ctx_free(YmGenCtx *ctx);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(YmGenCtx, _ym_gen_ctx_free)

gboolean
_ym_gen_ctx_open(YmGenCtx *ctx, const gchar *filename, GError **error);
void
_ym_gen_ctx_set_end(YmGenCtx *ctx, gint64 end);
void
_ym_gen_ctx_set_max_packets(YmGenCtx *ctx, guint64 max_packets);
gboolean
_ym_gen_ctx_run(YmGenCtx *ctx, GError **error);
gboolean
_ym_gen_ctx_close(YmGenCtx *ctx, GError **error);

gint64
_ym_gen_ctx_get_start(YmGenCtx *ctx);
guint64
_ym_gen_ctx_get_packets(YmGenCtx *ctx);
guint64
_ym_gen_ctx_get_bytes(YmGenCtx *ctx);

YmGenActor *
_ym_gen_actor_add(YmGenCtx *ctx,
                  gint64 when,
                  YmGenActorFunc func,
                  gpointer device,
                  gconstpointer data);

/* frames: begin returns an uninitialised buffer of YM_GEN_FRAME_MAX bytes
 * for a frame at @time (never before the running actor's time); end
 * queues it with its final length and pads it to the Ethernet minimum */
guint8 *
_ym_gen_frame_begin(YmGenCtx *ctx, gint64 time);
void
_ym_gen_frame_end(YmGenCtx *ctx, gsize length);

/* randomness drawn from the context generator */
guint64
_ym_gen_rand(YmGenCtx *ctx);
guint32
_ym_gen_below(YmGenCtx *ctx, guint32 bound);
gint64
_ym_gen_between(YmGenCtx *ctx, gint64 low, gint64 high);
gboolean
_ym_gen_chance(YmGenCtx *ctx, guint percent);
void
_ym_gen_fill(YmGenCtx *ctx, guint8 *data, gsize length);
/* @length (at most 65536) bytes of noise, good for encrypted payloads */
const guint8 *
_ym_gen_noise(YmGenCtx *ctx, gsize length);

/* ---------------------------------------------------------------------- */
/* ym-gen-proto.c: byte builder, L2-L4 frames, TCP sessions               */
/* ---------------------------------------------------------------------- */

typedef struct {
	guint8 *data;
	gsize len;
	gsize cap;
	gboolean overflow;
} YmGenBuf;

void
_ym_gen_buf_init(YmGenBuf *buf, guint8 *data, gsize cap);
void
_ym_gen_buf_put_u8(YmGenBuf *buf, guint8 value);
void
_ym_gen_buf_put_be16(YmGenBuf *buf, guint16 value);
void
_ym_gen_buf_put_be24(YmGenBuf *buf, guint32 value);
void
_ym_gen_buf_put_be32(YmGenBuf *buf, guint32 value);
void
_ym_gen_buf_put_bytes(YmGenBuf *buf, const void *data, gsize length);
void
_ym_gen_buf_put_str(YmGenBuf *buf, const gchar *text);
void
_ym_gen_buf_put_zeros(YmGenBuf *buf, gsize length);
/* write a big-endian length of @width bytes at @offset */
void
_ym_gen_buf_patch_len(YmGenBuf *buf, gsize offset, guint width, gsize value);

/* internet checksum helpers */
guint32
_ym_gen_csum_add(guint32 sum, const guint8 *data, gsize length);
guint16
_ym_gen_csum_fold(guint32 sum);

/* parse "aa:bb:cc:dd:ee:ff"; returns FALSE when malformed */
gboolean
_ym_gen_parse_mac(const gchar *text, guint8 mac[6]);
#define YM_GEN_IP4(a, b, c, d)                                                                     \
	((guint32) (((guint32) (a) << 24) | ((guint32) (b) << 16) | ((guint32) (c) << 8) |         \
	            (guint32) (d)))

extern const guint8 _ym_gen_mac_broadcast[6];
void
_ym_gen_mac_for_ip4_group(guint32 group, guint8 mac[6]);
void
_ym_gen_mac_for_ip6_group(const guint8 group[16], guint8 mac[6]);

/* one end of an IPv4 packet */
typedef struct {
	const guint8 *src_mac;
	const guint8 *dst_mac;
	guint32 src;
	guint32 dst;
	guint8 ttl;
	guint8 tos;
	guint16 id;
	gboolean df;
} YmGenIp4;

typedef struct {
	const guint8 *src_mac;
	const guint8 *dst_mac;
	const guint8 *src;
	const guint8 *dst;
	guint8 hop_limit;
} YmGenIp6;

void
_ym_gen_emit_arp(YmGenCtx *ctx,
                 gint64 time,
                 guint16 op,
                 const guint8 *eth_dst,
                 const guint8 *sender_mac,
                 guint32 sender_ip,
                 const guint8 *target_mac,
                 guint32 target_ip);
void
_ym_gen_emit_ip4(YmGenCtx *ctx,
                 gint64 time,
                 const YmGenIp4 *ip,
                 guint8 protocol,
                 const guint8 *options,
                 gsize options_len,
                 const guint8 *payload,
                 gsize length);
void
_ym_gen_emit_udp4(YmGenCtx *ctx,
                  gint64 time,
                  const YmGenIp4 *ip,
                  guint16 sport,
                  guint16 dport,
                  const guint8 *payload,
                  gsize length);
void
_ym_gen_emit_udp6(YmGenCtx *ctx,
                  gint64 time,
                  const YmGenIp6 *ip,
                  guint16 sport,
                  guint16 dport,
                  const guint8 *payload,
                  gsize length);
/* ICMPv6 message (type, code, body after the checksum); @router_alert
 * adds a hop-by-hop header as MLD needs */
void
_ym_gen_emit_icmp6(YmGenCtx *ctx,
                   gint64 time,
                   const YmGenIp6 *ip,
                   gboolean router_alert,
                   guint8 type,
                   guint8 code,
                   const guint8 *body,
                   gsize length);

/* TCP */
typedef enum {
	YM_GEN_TCP_LINUX,
	YM_GEN_TCP_WINDOWS,
	YM_GEN_TCP_APPLE,
	YM_GEN_TCP_LWIP,
} YmGenTcpStyle;

#define YM_GEN_TCP_FIN 0x01
#define YM_GEN_TCP_SYN 0x02
#define YM_GEN_TCP_RST 0x04
#define YM_GEN_TCP_PSH 0x08
#define YM_GEN_TCP_ACK 0x10

typedef struct {
	guint8 mac[6];
	guint32 ip;
	guint16 port;
	guint8 ttl;
	guint16 ip_id;
	guint32 seq;     /* next sequence number to send */
	guint32 ts_base; /* timestamp clock at the session start */
	guint32 ts_echo; /* last timestamp seen from the peer */
	guint32 window;  /* receive window in bytes */
	guint8 wscale;   /* window scale it offers */
	guint16 mss;     /* MSS it offers */
	guint8 style;    /* YmGenTcpStyle */
	guint8 unacked;  /* segments received and not yet acknowledged */
} YmGenTcpEnd;

#define YM_GEN_CLIENT 0
#define YM_GEN_SERVER 1

typedef struct {
	YmGenTcpEnd end[2];
	gint64 start;  /* time of the SYN */
	gint64 rtt;    /* client to server and back, as seen at the capture point */
	gint64 lan;    /* reaction time of the client */
	gint64 gap[2]; /* time between back-to-back segments sent by each end */
	gboolean timestamps;
	gboolean sack;
	gboolean ack_every; /* receiver acknowledges every segment */
} YmGenTcp;

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
                 gint64 rtt);
/* the client's SYN, the SYN-ACK and the final ACK, with random initial
 * sequence numbers; returns the time of the ACK */
gint64
_ym_gen_tcp_connect(YmGenCtx *ctx, YmGenTcp *tcp, gint64 t);
/* send @length bytes from @dir, segmented, with acks from the peer;
 * returns the time of the last data segment */
gint64
_ym_gen_tcp_send(YmGenCtx *ctx,
                 YmGenTcp *tcp,
                 guint dir,
                 const guint8 *data,
                 gsize length,
                 gint64 t);
/* one data segment of at most one MSS, no acks; returns its time */
gint64
_ym_gen_tcp_segment(YmGenCtx *ctx,
                    YmGenTcp *tcp,
                    guint dir,
                    guint8 flags,
                    const guint8 *data,
                    gsize length,
                    gint64 t);
/* @gap, widened so data in flight stays within half the peer's window */
gint64
_ym_gen_tcp_pace(const YmGenTcp *tcp, guint dir, gint64 gap);
/* payload bytes per full segment */
gsize
_ym_gen_tcp_segment_size(const YmGenTcp *tcp);
/* a pure ACK from @dir if it owes one */
gint64
_ym_gen_tcp_ack(YmGenCtx *ctx, YmGenTcp *tcp, guint dir, gint64 t);
/* delay before the other end of @dir reacts to what @dir sent */
gint64
_ym_gen_tcp_reply_delay(const YmGenTcp *tcp, guint dir);
/* @length bytes of noise from @dir, PSH on the last segment */
gint64
_ym_gen_tcp_send_noise(YmGenCtx *ctx, YmGenTcp *tcp, guint dir, gsize length, gint64 t);
/* @dir closes with FIN, the peer answers FIN-ACK, @dir ACKs */
gint64
_ym_gen_tcp_close(YmGenCtx *ctx, YmGenTcp *tcp, guint dir, gint64 t);
/* keep-alive probe from @dir and the peer's answer */
gint64
_ym_gen_tcp_keepalive(YmGenCtx *ctx, YmGenTcp *tcp, guint dir, gint64 t);

/* ---------------------------------------------------------------------- */
/* ym-gen-app.c: DNS, DHCP and other application payloads                  */
/* ---------------------------------------------------------------------- */

#define YM_DNS_TYPE_A     1
#define YM_DNS_TYPE_NS    2
#define YM_DNS_TYPE_CNAME 5
#define YM_DNS_TYPE_SOA   6
#define YM_DNS_TYPE_PTR   12
#define YM_DNS_TYPE_TXT   16
#define YM_DNS_TYPE_AAAA  28
#define YM_DNS_TYPE_SRV   33
#define YM_DNS_TYPE_NSEC  47
#define YM_DNS_TYPE_HTTPS 65
#define YM_DNS_TYPE_ANY   255
#define YM_DNS_TYPE_NB    32 /* NetBIOS */

#define YM_DNS_CLASS_IN    1
#define YM_DNS_CACHE_FLUSH 0x8000 /* mDNS, also the unicast-response bit in questions */

typedef enum {
	YM_DNS_ANSWER,
	YM_DNS_AUTHORITY,
	YM_DNS_ADDITIONAL,
} YmDnsSection;

/* DNS message writer with RFC 1035 name compression */
typedef struct {
	YmGenBuf *buf;
	gsize base;
	guint16 counts[4];
	guint n_names;
	struct {
		guint16 offset;
		guint16 name; /* offset of the suffix text in names[] */
	} suffix[96];
	gchar names[2048];
	gsize names_len;
	gsize rdata_start;
	gsize rdlength_at;
} YmDnsWriter;

void
_ym_dns_writer_init(YmDnsWriter *writer, YmGenBuf *buf, guint16 id, guint16 flags);
void
_ym_dns_writer_put_name(YmDnsWriter *writer, const gchar *name);
void
_ym_dns_writer_question(YmDnsWriter *writer, const gchar *name, guint16 type, guint16 klass);
/* begin a resource record; rdata follows with put_* calls, then rr_end */
void
_ym_dns_writer_rr_begin(YmDnsWriter *writer,
                        YmDnsSection section,
                        const gchar *name,
                        guint16 type,
                        guint16 klass,
                        guint32 ttl);
void
_ym_dns_writer_rr_end(YmDnsWriter *writer);
void
_ym_dns_writer_rr_a(YmDnsWriter *writer,
                    YmDnsSection section,
                    const gchar *name,
                    guint16 klass,
                    guint32 ttl,
                    guint32 address);
void
_ym_dns_writer_rr_aaaa(YmDnsWriter *writer,
                       YmDnsSection section,
                       const gchar *name,
                       guint16 klass,
                       guint32 ttl,
                       const guint8 address[16]);
void
_ym_dns_writer_rr_name(YmDnsWriter *writer,
                       YmDnsSection section,
                       const gchar *name,
                       guint16 type,
                       guint16 klass,
                       guint32 ttl,
                       const gchar *target);
void
_ym_dns_writer_rr_srv(YmDnsWriter *writer,
                      YmDnsSection section,
                      const gchar *name,
                      guint16 klass,
                      guint32 ttl,
                      guint16 port,
                      const gchar *target);
/* @strings is NULL-terminated; an empty list writes one empty string */
void
_ym_dns_writer_rr_txt(YmDnsWriter *writer,
                      YmDnsSection section,
                      const gchar *name,
                      guint16 klass,
                      guint32 ttl,
                      const gchar *const *strings);
/* NSEC naming @types (ascending, 0-terminated) for @name itself */
void
_ym_dns_writer_rr_nsec(YmDnsWriter *writer,
                       YmDnsSection section,
                       const gchar *name,
                       guint16 klass,
                       guint32 ttl,
                       const guint16 *types);
void
_ym_dns_writer_rr_soa(YmDnsWriter *writer,
                      YmDnsSection section,
                      const gchar *name,
                      guint32 ttl,
                      const gchar *mname,
                      const gchar *rname,
                      guint32 serial);
void
_ym_dns_writer_finish(YmDnsWriter *writer);

/* NetBIOS first-level encoding of @name padded to 15 with @suffix */
void
_ym_gen_netbios_encode(const gchar *name, guint8 suffix, gchar out[33]);

/* DHCP message skeleton up to and including the magic cookie */
void
_ym_dhcp_begin(YmGenBuf *buf,
               guint8 op,
               guint32 xid,
               guint16 secs,
               gboolean broadcast,
               guint32 ciaddr,
               guint32 yiaddr,
               const guint8 mac[6]);
void
_ym_dhcp_option(YmGenBuf *buf, guint8 code, const void *data, gsize length);
void
_ym_dhcp_option_u8(YmGenBuf *buf, guint8 code, guint8 value);
void
_ym_dhcp_option_u16(YmGenBuf *buf, guint8 code, guint16 value);
void
_ym_dhcp_option_u32(YmGenBuf *buf, guint8 code, guint32 value);
void
_ym_dhcp_option_str(YmGenBuf *buf, guint8 code, const gchar *text);
/* END and padding to the 300-byte BOOTP minimum */
void
_ym_dhcp_end(YmGenBuf *buf);

/* TP-Link Kasa "autokey" XOR obfuscation; @tcp adds the length prefix */
gsize
_ym_gen_kasa_encode(const gchar *json, gboolean tcp, guint8 *out, gsize cap);

/* ---------------------------------------------------------------------- */
/* ym-gen-tls.c: TLS client and server flights                            */
/* ---------------------------------------------------------------------- */

typedef enum {
	YM_TLS_CHROME,     /* Chrome/Edge 146 desktop and Android, ML-KEM, permuted */
	YM_TLS_CAST,       /* Chromium in Cast firmware: GREASE, permuted, no ML-KEM */
	YM_TLS_SAFARI,     /* Safari / CFNetwork on iOS 18 and macOS 15 */
	YM_TLS_SCHANNEL,   /* Windows 11 system TLS */
	YM_TLS_CONSCRYPT,  /* Android platform TLS (okhttp, Dalvik apps) */
	YM_TLS_OPENSSL11,  /* OpenSSL 1.1.1 on embedded Linux */
	YM_TLS_OPENSSL3,   /* OpenSSL 3 (Synology DSM 7) */
	YM_TLS_OPENSSL102, /* OpenSSL 1.0.2, TLS 1.2 only */
	YM_TLS_MBEDTLS,    /* mbed TLS on ESP32, TLS 1.2 only */
	YM_TLS_WOLFSSL,    /* small RTOS stack, TLS 1.2 only */
	YM_TLS_LAST
} YmTlsClient;

typedef struct {
	guint16 version;     /* 0x0304 or 0x0303 when the server supports it */
	gboolean pq;         /* accepts X25519MLKEM768 */
	const gchar *issuer; /* issuing CA common name, for TLS 1.2 certificates */
	const gchar *issuer_o;
	const gchar *root; /* the root that signed the issuing CA */
} YmTlsServer;

typedef struct {
	guint16 version; /* negotiated */
	guint16 cipher;
	gboolean session_id;
	gboolean ticket;
	guint32 records[2]; /* application data records sent by each side */
	guint16 overhead;   /* per record AEAD overhead (after the 5-byte header) */
	guint16 explicit_nonce;
} YmTlsSession;

/* ClientHello record; returns its length */
gsize
_ym_tls_client_hello(YmGenCtx *ctx,
                     YmTlsClient client,
                     const gchar *sni,
                     const gchar *alpn,
                     guint8 *out,
                     gsize cap);
/* a DER OCSPResponse saying "good"; returns its length */
gsize
_ym_tls_ocsp_response(YmGenCtx *ctx, gint64 now, guint8 *out, gsize cap);
/* full handshake on a connected session; returns the time the client
 * may send application data */
gint64
_ym_tls_handshake(YmGenCtx *ctx,
                  YmGenTcp *tcp,
                  YmTlsSession *session,
                  YmTlsClient client,
                  const YmTlsServer *server,
                  const gchar *sni,
                  const gchar *alpn,
                  gint64 t);
/* @length bytes of application data from @dir as TLS records */
gint64
_ym_tls_send(YmGenCtx *ctx,
             YmGenTcp *tcp,
             YmTlsSession *session,
             guint dir,
             gsize length,
             gint64 t);
/* close_notify from @dir then TCP close */
gint64
_ym_tls_close(YmGenCtx *ctx, YmGenTcp *tcp, YmTlsSession *session, guint dir, gint64 t);

/* a byte stream of application data records, produced in pieces */
typedef struct {
	guint64 left;        /* stream bytes still to produce, headers included */
	guint32 record_left; /* bytes left of the current record, header included */
	guint32 record_len;  /* body length of the current record */
	guint16 overhead;
} YmTlsStream;

void
_ym_tls_stream_init(YmTlsStream *stream, const YmTlsSession *session, guint64 payload);
gboolean
_ym_tls_stream_done(const YmTlsStream *stream);
/* send at most @max_segments full segments of the stream from @dir with
 * @gap between them; returns the time of the last one */
gint64
_ym_tls_stream_send(YmGenCtx *ctx,
                    YmGenTcp *tcp,
                    YmTlsStream *stream,
                    guint dir,
                    guint max_segments,
                    gint64 gap,
                    gint64 t);

/* ---------------------------------------------------------------------- */
/* ym-gen-inet.c: the internet as the home sees it                         */
/* ---------------------------------------------------------------------- */

typedef struct {
	const gchar *name;
	const gchar *cname;     /* NULL when the name has A records itself */
	guint32 address[3];     /* 0-terminated */
	guint32 ttl;            /* DNS TTL */
	guint8 ip_ttl;          /* IP TTL its packets have when they reach us */
	guint16 rtt_ms;         /* round trip from the home */
	const YmTlsServer *tls; /* how its TLS endpoint answers */
} YmGenSite;

const YmGenSite *
_ym_gen_site_lookup(const gchar *name);
/* how the TLS endpoint of @name answers, Let's Encrypt when unknown */
const YmTlsServer *
_ym_gen_site_tls(const gchar *name);

/* ---------------------------------------------------------------------- */
/* ym-gen-home.c: the devices of the home                                 */
/* ---------------------------------------------------------------------- */

typedef enum {
	YM_GEN_KIND_ROUTER,
	YM_GEN_KIND_COMPUTER,
	YM_GEN_KIND_PHONE,
	YM_GEN_KIND_TABLET,
	YM_GEN_KIND_TV,
	YM_GEN_KIND_SPEAKER,
	YM_GEN_KIND_CAMERA,
	YM_GEN_KIND_PRINTER,
	YM_GEN_KIND_NAS,
	YM_GEN_KIND_PLUG,
	YM_GEN_KIND_LOCK,
	YM_GEN_KIND_THERMOSTAT,
} YmGenKind;

typedef enum {
	YM_GEN_OS_ROUTER,
	YM_GEN_OS_WINDOWS,
	YM_GEN_OS_MACOS,
	YM_GEN_OS_IOS,
	YM_GEN_OS_ANDROID,
	YM_GEN_OS_LINUX,
	YM_GEN_OS_LWIP,
	YM_GEN_OS_RTOS,
} YmGenOs;

typedef struct _YmGenDevice YmGenDevice;
typedef struct _YmGenHome YmGenHome;

/* a recurring behaviour of a device */
typedef struct {
	const gchar *name;
	gint64 first_min; /* first run after the device joined */
	gint64 first_max;
	gint64 period_min;
	gint64 period_max;
	void (*func)(YmGenCtx *ctx, YmGenDevice *device, gint64 t);
} YmGenTask;

typedef enum {
	YM_GEN_DHCP_WINDOWS,
	YM_GEN_DHCP_APPLE,
	YM_GEN_DHCP_ANDROID,
	YM_GEN_DHCP_UDHCPC,
	YM_GEN_DHCP_DHCLIENT,
	YM_GEN_DHCP_LWIP,
	YM_GEN_DHCP_RTOS,
} YmGenDhcpStyle;

typedef struct {
	const gchar *key; /* short stable name, e.g. "tv" */
	YmGenKind kind;
	YmGenOs os;
	const gchar *mac; /* NULL: a random locally administered address */
	guint8 host;      /* last octet of its IPv4 address */
	const gchar *vendor;
	const gchar *hostname; /* the name the traffic reveals */
	const gchar *model;
	const gchar *os_name;
	gboolean ipv6;
	gint64 join_at; /* offset from the capture start */
	/* DHCP client: style, option 55, option 60, whether option 12 is sent */
	YmGenDhcpStyle dhcp_style;
	const gchar *dhcp_prl;
	const gchar *dhcp_vendor;
	gboolean dhcp_hostname;
	void (*join)(YmGenCtx *ctx, YmGenDevice *device, gint64 t);
	/* answer an mDNS question for @service (NULL: announce everything);
	 * returns FALSE when the device has nothing to say */
	gboolean (*mdns)(YmGenCtx *ctx, YmGenDevice *device, gint64 t, const gchar *service);
	/* SSDP: NOTIFY when @st is NULL, else answer @searcher's M-SEARCH */
	gboolean (*ssdp)(YmGenCtx *ctx,
	                 YmGenDevice *device,
	                 gint64 t,
	                 const gchar *st,
	                 YmGenDevice *searcher,
	                 guint16 port);
	const YmGenTask *tasks; /* terminated by an entry with NULL func */
} YmGenDeviceInfo;

struct _YmGenDevice {
	const YmGenDeviceInfo *info;
	YmGenHome *home;
	guint8 mac[6];
	guint32 ip;
	guint8 ip6[16];
	guint16 ip_id;
	guint16 port;
	guint32 xid;
	guint32 sequence; /* free counter for message ids */
	gboolean online;
	gchar uuid[37]; /* UPnP and other stable identifiers */
	gchar id[33];   /* 32 hex digits */
	gchar id2[33];  /* 32 more */
	gchar serial[16];
};

#define YM_GEN_LAN_NET   YM_GEN_IP4(192, 168, 10, 0)
#define YM_GEN_LAN_BCAST YM_GEN_IP4(192, 168, 10, 255)

struct _YmGenHome {
	YmGenDevice *devices;
	guint n_devices;
	YmGenDevice *router;
};

/* ym-gen-devices.c: the device table */
const YmGenDeviceInfo *
_ym_gen_device_infos(guint *n_infos);

YmGenHome *
_ym_gen_home_new(YmGenCtx *ctx);
void
_ym_gen_home_free(YmGenHome *home);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(YmGenHome, _ym_gen_home_free)
YmGenDevice *
_ym_gen_home_find(YmGenHome *home, const gchar *key);
YmGenDevice *
_ym_gen_home_find_ip(YmGenHome *home, guint32 ip);
const gchar *
_ym_gen_kind_to_string(YmGenKind kind);
/* device table as TSV, header line first */
gchar *
_ym_gen_home_to_tsv(YmGenHome *home);
/* bring @device onto the network at @when and start its tasks */
void
_ym_gen_home_schedule_device(YmGenCtx *ctx, YmGenDevice *device, gint64 when);

/* device-level helpers the scenes use */
guint16
_ym_gen_device_port(YmGenCtx *ctx, YmGenDevice *device);
YmGenTcpStyle
_ym_gen_device_tcp_style(const YmGenDevice *device);
guint8
_ym_gen_device_ttl(const YmGenDevice *device);
void
_ym_gen_device_ip4(YmGenDevice *device, YmGenIp4 *ip, const guint8 *dst_mac, guint32 dst);
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
                   gsize length);
void
_ym_gen_device_udp6(YmGenCtx *ctx,
                    YmGenDevice *device,
                    gint64 t,
                    const guint8 *dst,
                    guint16 sport,
                    guint16 dport,
                    guint8 hop_limit,
                    const guint8 *data,
                    gsize length);
/* resolve @name through the router; emits the query and the answer and
 * returns the first address (0 when the name does not exist) */
guint32
_ym_gen_device_resolve(YmGenCtx *ctx, YmGenDevice *device, const gchar *name, gint64 *t);
/* a TCP session from @device to a LAN peer or an internet site */
void
_ym_gen_device_tcp_to(YmGenCtx *ctx,
                      YmGenDevice *device,
                      YmGenTcp *tcp,
                      guint32 address,
                      guint16 port,
                      const YmGenSite *site);
/* resolve @name and connect to its @port; returns FALSE when the name
 * does not exist */
gboolean
_ym_gen_device_connect(YmGenCtx *ctx,
                       YmGenDevice *device,
                       YmGenTcp *tcp,
                       const gchar *name,
                       guint16 port,
                       gint64 *t);
/* lookup, connect, TLS handshake, @up bytes up, @down bytes down, close */
gint64
_ym_gen_device_https(YmGenCtx *ctx,
                     YmGenDevice *device,
                     YmTlsClient client,
                     const gchar *name,
                     guint16 port,
                     const gchar *alpn,
                     gsize up,
                     gsize down,
                     gint64 t);
/* connect to @address:@port, send @request, answer with @response_head
 * and @body_length bytes (@body, or noise when NULL), close */
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
                             gint64 t);
/* the same after resolving @name, port 80 */
gint64
_ym_gen_device_http(YmGenCtx *ctx,
                    YmGenDevice *device,
                    const gchar *name,
                    const gchar *request,
                    const gchar *response_head,
                    const gchar *body,
                    gsize body_length,
                    gint64 t);
gint64
_ym_gen_device_ntp(YmGenCtx *ctx, YmGenDevice *device, const gchar *name, gint64 t);
void
_ym_gen_device_nbns_register(YmGenCtx *ctx,
                             YmGenDevice *device,
                             const gchar *name,
                             guint8 suffix,
                             gboolean group,
                             gint64 t);
void
_ym_gen_device_nbns_query(YmGenCtx *ctx, YmGenDevice *device, const gchar *name, gint64 t);
void
_ym_gen_device_llmnr_query(YmGenCtx *ctx, YmGenDevice *device, const gchar *name, gint64 t);
/* "Wed, 01 Apr 2026 09:00:00 GMT" without the locale */
void
_ym_gen_http_date(gint64 t, gchar out[40]);

/* mDNS */
typedef struct {
	const gchar *instance;
	const gchar *type; /* "_ipp._tcp" */
	guint16 port;      /* 0: only a TXT record, as _device-info */
	const gchar *const *txt;
} YmGenMdnsService;

void
_ym_gen_mdns_send(YmGenCtx *ctx, YmGenDevice *device, gint64 t, const guint8 *data, gsize length);
/* an mDNS response announcing @services on @host (without ".local") */
void
_ym_gen_mdns_announce(YmGenCtx *ctx,
                      YmGenDevice *device,
                      gint64 t,
                      const gchar *host,
                      const YmGenMdnsService *services,
                      guint n_services,
                      gboolean with_host);
/* probe for @host as RFC 6762 8.1 asks before announcing */
gint64
_ym_gen_mdns_probe(YmGenCtx *ctx, YmGenDevice *device, const gchar *host, gint64 t);
/* PTR question for @service ("_googlecast._tcp.local") and the answers */
gint64
_ym_gen_mdns_browse(YmGenCtx *ctx, YmGenDevice *device, const gchar *service, gint64 t);

/* SSDP (UPnP Device Architecture 2.0) */
void
_ym_gen_ssdp_notify(YmGenCtx *ctx,
                    YmGenDevice *device,
                    gint64 t,
                    const gchar *location,
                    const gchar *server,
                    const gchar *nt);
void
_ym_gen_ssdp_reply(YmGenCtx *ctx,
                   YmGenDevice *device,
                   gint64 t,
                   YmGenDevice *searcher,
                   guint16 port,
                   const gchar *location,
                   const gchar *server,
                   const gchar *st);
gint64
_ym_gen_ssdp_search(YmGenCtx *ctx,
                    YmGenDevice *device,
                    const gchar *st,
                    const gchar *user_agent,
                    gint64 t);

/* a long-lived connection with periodic small exchanges */
typedef struct {
	const gchar *name;
	guint16 port;
	YmTlsClient client; /* YM_TLS_LAST: plain TCP */
	const gchar *alpn;
	gint64 period_min;
	gint64 period_max;
	guint16 up_min;
	guint16 up_max;
	guint16 down_min;
	guint16 down_max;
	gboolean keepalive_only; /* TCP keep-alive probes instead of data */
	gboolean server_first;   /* pushes: the server speaks first */
} YmGenLink;

void
_ym_gen_link_start(YmGenCtx *ctx, YmGenDevice *device, const YmGenLink *link, gint64 when);

/* Surveillance Station on the NAS records @duration of the camera's stream */
gint64
_ym_gen_nas_record(YmGenCtx *ctx, YmGenDevice *nas, gint64 t, gint64 duration);

/* ---------------------------------------------------------------------- */
/* ym-gen-scene.c: scenes and the benchmark mix                            */
/* ---------------------------------------------------------------------- */

typedef struct {
	const gchar *name;
	const gchar *description;
	gboolean in_demo;  /* run by default in demo mode */
	gboolean in_bench; /* run by default in bench mode */
	void (*func)(YmGenCtx *ctx, YmGenHome *home, gint64 start);
	gboolean attack; /* left out by "none"; moves the default start to the night */
} YmGenScene;

const YmGenScene *
_ym_gen_scenes(void);
const YmGenScene *
_ym_gen_scene_find(const gchar *name);
/* the scenes to run, in order: the mode's defaults when @list is NULL,
 * else the comma-separated names, where "none" stands for the mode's
 * defaults without the attacks (the clean home) */
GPtrArray *
_ym_gen_scenes_select(const gchar *list, gboolean bench, GError **error);
/* YM_GEN_NIGHT_START when @selection has an attack, else
 * YM_GEN_DEFAULT_START */
gint64
_ym_gen_scenes_default_start(GPtrArray *selection);

G_END_DECLS
