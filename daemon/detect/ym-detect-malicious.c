/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * malicious_server_contact: a home device looks up or reaches a server that
 * a block list names (domain in a DNS query or TLS SNI, address or network,
 * server certificate SHA-1, TLS client JA3), or behaves like malware
 * calling home when no list names the server: strictly periodic new
 * connections to one outside server (a beacon), or HTTP POSTs to a bare IP
 * address on an odd port.
 *
 * A JA3 is weak evidence (abuse.ch lists the stock TLS stacks of Android
 * and Windows among "Adware" and "Dridex"), and so are the behaviours:
 * those findings are capped at caution.
 *
 * Cost on the packet path: only DNS queries, ClientHellos, HTTP requests,
 * the first packet of a flow and the server's first segments of a TLS flow
 * are looked at; the rest returns after a few compares.
 */

#define G_LOG_DOMAIN "YmDetect"

#include "config.h"

#include <arpa/inet.h>
#include <string.h>

#include "ym-blocklist.h"
#include "ym-detector.h"

#define TYPE "malicious_server_contact"

/*
 * a beacon: at least BEACON_MIN_CONNECTIONS new connections from one device
 * to one server and port, whose last (up to BEACON_WINDOW) gaps each stay
 * within BEACON_MAX_SPREAD of their mean and deviate from it by at most
 * BEACON_MAX_JITTER on average. A keep-alive inside one connection opens no
 * new connection, so long-lived sessions never count. The numbers were
 * chosen against simulated traffic: an app polling at uniformly random
 * gaps of 40 to 150 s (the demo phone's messenger) passes a window of 8
 * gaps most days, one of 16 to 24 gaps about one day in a hundred; a
 * "sleep 2-3 s" loop (the Stratosphere capture) and a beacon with 20 %
 * jitter pass every time
 */
#define BEACON_WINDOW          24
#define BEACON_MIN_CONNECTIONS 16
#define BEACON_MIN_PERIOD      (1 * G_USEC_PER_SEC)
#define BEACON_MAX_SPREAD      0.35
#define BEACON_MAX_JITTER      0.15
#define BEACON_IDLE            (G_GINT64_CONSTANT(3600) * G_USEC_PER_SEC)
#define BEACON_MAX_TRACKED     4096

/* the server's handshake flight is in its first few segments */
#define CERT_MAX_SERVER_PACKETS 6

#define EVIDENCE_MAX_NAMES 16

typedef struct {
	/* key */
	guint8 mac[6];
	guint16 port;
	YmIpAddr server;
	/* state */
	guint n_starts; /* connection starts seen, all time */
	gint64 starts[BEACON_WINDOW];
	gint64 last_seen;
	gchar server_name[256]; /* SNI of its latest ClientHello, or "" */
} Beacon;

typedef struct {
	YmBlocklist *lists;
	GHashTable *beacons; /* Beacon -> itself */
	gint64 last_sweep;
} DetectMalicious;

static guint
beacon_hash(gconstpointer data)
{
	const Beacon *beacon = data;
	guint hash = beacon->port;
	for (guint i = 0; i < 6; i++)
		hash = hash * 31 + beacon->mac[i];
	for (guint i = 0; i < 16; i++)
		hash = hash * 31 + beacon->server.bytes[i];
	return hash;
}

static gboolean
beacon_equal(gconstpointer a, gconstpointer b)
{
	const Beacon *x = a;
	const Beacon *y = b;
	return x->port == y->port && memcmp(x->mac, y->mac, 6) == 0 &&
	       ym_ip_addr_equal(&x->server, &y->server);
}

static YmBlocklist *
load_lists(YmDetectContext *ctx, GError **error)
{
	g_autoptr(YmBlocklist) lists = ym_blocklist_new();
	g_autofree gchar *dir = NULL;
	if (ctx->signatures_dir == NULL)
		return g_steal_pointer(&lists);
	dir = g_build_filename(ctx->signatures_dir, "blocklists", NULL);
	if (!ym_blocklist_load_dir(lists, dir, error))
		return NULL;
	g_debug("%u block list entries from %s", ym_blocklist_get_size(lists), dir);
	return g_steal_pointer(&lists);
}

static gpointer
malicious_create(YmDetectContext *ctx, GError **error)
{
	DetectMalicious *self;
	g_autoptr(YmBlocklist) lists = load_lists(ctx, error);
	if (lists == NULL)
		return NULL;
	self = g_new0(DetectMalicious, 1);
	self->lists = g_steal_pointer(&lists);
	self->beacons = g_hash_table_new_full(beacon_hash, beacon_equal, g_free, NULL);
	return self;
}

static void
malicious_destroy(gpointer state)
{
	DetectMalicious *self = state;
	g_object_unref(self->lists);
	g_hash_table_unref(self->beacons);
	g_free(self);
}

static gboolean
malicious_reload(gpointer state, YmDetectContext *ctx, GError **error)
{
	DetectMalicious *self = state;
	YmBlocklist *lists = load_lists(ctx, error);
	if (lists == NULL)
		return FALSE;
	g_object_unref(self->lists);
	self->lists = lists;
	return TRUE;
}

static const YmDevice *
device_for_mac(YmDetectContext *ctx, const YmPacket *packet, gboolean source)
{
	if (!packet->has_mac)
		return NULL;
	return ym_inventory_lookup_mac(ctx->inventory, source ? packet->src_mac : packet->dst_mac);
}

static void
set_listing(JsonObject *evidence, const YmBlocklistEntry *entry)
{
	g_autofree gchar *where = g_strdup_printf("%s:%u", entry->file, entry->line);
	json_object_set_string_member(evidence, "listed", entry->value);
	json_object_set_string_member(evidence, "list_kind",
	                              ym_blocklist_kind_to_string(entry->kind));
	json_object_set_string_member(evidence, "source", entry->source);
	if (entry->label != NULL)
		json_object_set_string_member(evidence, "label", entry->label);
	json_object_set_string_member(evidence, "list", where);
}

static void
set_addr(JsonObject *evidence, const gchar *member, const YmIpAddr *addr)
{
	gchar buf[64];
	json_object_set_string_member(evidence, member,
	                              ym_ip_addr_to_string(addr, buf, sizeof(buf)));
}

/* adds @value to the array @member of @evidence, once; a few are enough */
static void
add_to_set(JsonObject *evidence, const gchar *member, const gchar *value)
{
	JsonArray *array;
	if (!json_object_has_member(evidence, member))
		json_object_set_array_member(evidence, member, json_array_new());
	array = json_object_get_array_member(evidence, member);
	if (array == NULL || json_array_get_length(array) >= EVIDENCE_MAX_NAMES)
		return;
	for (guint i = 0; i < json_array_get_length(array); i++) {
		if (g_strcmp0(json_array_get_string_element(array, i), value) == 0)
			return;
	}
	json_array_add_string_element(array, value);
}

/* a listed domain, from a DNS question, a TLS server name or an HTTP host;
 * one finding per device and listed domain, its evidence saying every way
 * it was seen */
static void
check_domain(DetectMalicious *self,
             YmDetectContext *ctx,
             const YmPacket *packet,
             YmStr name,
             const gchar *seen_in)
{
	const YmBlocklistEntry *entry;
	g_autofree gchar *key = NULL;
	g_autofree gchar *queried = NULL;
	YmAlert *alert;

	entry = ym_blocklist_lookup_domain(self->lists, name.data, name.length);
	if (entry == NULL)
		return;
	queried = ym_str_dup(name);
	key = g_strdup_printf("domain:%s", entry->value);
	alert = ym_alerts_raise(ctx->alerts, TYPE, device_for_mac(ctx, packet, TRUE), key,
	                        packet->ts_usec, YM_SEVERITY_INFO, NULL);
	if (alert == NULL)
		return;
	if (alert->evidence == NULL) {
		alert->evidence = json_object_new();
		json_object_set_string_member(alert->evidence, "destination", queried);
		set_listing(alert->evidence, entry);
	}
	add_to_set(alert->evidence, "seen_in", seen_in);
	add_to_set(alert->evidence, "names", queried);
	if (g_strcmp0(seen_in, "dns") == 0)
		set_addr(alert->evidence, "resolver", &packet->dst_ip);
	else
		set_addr(alert->evidence, "server", &packet->dst_ip);
}

static void
check_dns(DetectMalicious *self, YmDetectContext *ctx, const YmPacket *packet)
{
	const YmDns *dns = &packet->u.dns;
	if (dns->is_response || dns->flavour != YM_DNS_FLAVOUR_DNS)
		return;
	for (guint i = 0; i < dns->n_questions; i++)
		check_domain(self, ctx, packet, dns->questions[i].name, "dns");
}

static void
remember_server_name(DetectMalicious *self, const YmPacket *packet)
{
	Beacon lookup;
	Beacon *beacon;
	memcpy(lookup.mac, packet->src_mac, 6);
	lookup.server = packet->dst_ip;
	lookup.port = packet->dst_port;
	beacon = g_hash_table_lookup(self->beacons, &lookup);
	if (beacon == NULL)
		return;
	memcpy(beacon->server_name, packet->u.tls.sni.data,
	       MIN(packet->u.tls.sni.length, sizeof(beacon->server_name) - 1));
	beacon->server_name[MIN(packet->u.tls.sni.length, sizeof(beacon->server_name) - 1)] = '\0';
	/* keep it printable: it goes into the evidence */
	for (gchar *p = beacon->server_name; *p != '\0'; p++) {
		if (!g_ascii_isgraph(*p))
			*p = '?';
	}
}

static void
check_client_hello(DetectMalicious *self, YmDetectContext *ctx, const YmPacket *packet)
{
	const YmTls *tls = &packet->u.tls;
	const YmBlocklistEntry *entry;

	if (ym_str_is_set(tls->sni)) {
		check_domain(self, ctx, packet, tls->sni, "tls_sni");
		if (packet->has_mac && packet->has_ports)
			remember_server_name(self, packet);
	}
	entry = ym_blocklist_lookup_ja3(self->lists, tls->ja3);
	if (entry != NULL) {
		g_autofree gchar *key = g_strdup_printf("ja3:%s", entry->value);
		JsonObject *evidence = json_object_new();
		json_object_set_string_member(evidence, "ja3", entry->value);
		json_object_set_string_member(evidence, "confidence", "weak");
		set_listing(evidence, entry);
		set_addr(evidence, "server", &packet->dst_ip);
		json_object_set_int_member(evidence, "port", packet->dst_port);
		if (ym_str_is_set(tls->sni)) {
			g_autofree gchar *sni = ym_str_dup(tls->sni);
			json_object_set_string_member(evidence, "destination", sni);
		}
		/* common software shares these fingerprints: never more than caution */
		ym_alerts_raise_full(ctx->alerts, TYPE, device_for_mac(ctx, packet, TRUE), key,
		                     packet->ts_usec, YM_SEVERITY_INFO, YM_SEVERITY_CAUTION,
		                     evidence);
	}
}

/* a listed address at either end of a new flow; the device is the other end */
static void
check_addresses(DetectMalicious *self, YmDetectContext *ctx, const YmPacket *packet)
{
	for (guint end = 0; end < 2; end++) {
		const YmIpAddr *addr = end == 0 ? &packet->dst_ip : &packet->src_ip;
		const YmBlocklistEntry *entry = ym_blocklist_lookup_ip(self->lists, addr);
		g_autofree gchar *key = NULL;
		JsonObject *evidence;
		if (entry == NULL)
			continue;
		key = g_strdup_printf("ip:%s", entry->value);
		evidence = json_object_new();
		set_addr(evidence, "server", addr);
		json_object_set_string_member(evidence, "direction",
		                              end == 0 ? "outbound" : "inbound");
		json_object_set_int_member(evidence, "protocol", packet->ip_proto);
		if (packet->has_ports)
			json_object_set_int_member(evidence, "port",
			                           end == 0 ? packet->dst_port : packet->src_port);
		set_listing(evidence, entry);
		ym_alerts_raise(ctx->alerts, TYPE, device_for_mac(ctx, packet, end == 0), key,
		                packet->ts_usec, YM_SEVERITY_INFO, evidence);
	}
}

static gboolean
beacon_is_periodic(const Beacon *beacon, gdouble *period, gdouble *deviation)
{
	guint n = MIN(beacon->n_starts, BEACON_WINDOW);
	guint n_gaps = n - 1;
	guint oldest = (beacon->n_starts - n) % BEACON_WINDOW; /* ring index */
	gdouble sum_deviations = 0;
	gdouble mean;
	gint64 first;
	gint64 last;

	if (beacon->n_starts < BEACON_MIN_CONNECTIONS)
		return FALSE;
	first = beacon->starts[oldest];
	last = beacon->starts[(beacon->n_starts - 1) % BEACON_WINDOW];
	if (last - first < BEACON_MIN_PERIOD * n_gaps)
		return FALSE;
	mean = (gdouble) (last - first) / n_gaps;
	for (guint i = 0; i < n_gaps; i++) {
		gint64 a = beacon->starts[(oldest + i) % BEACON_WINDOW];
		gint64 b = beacon->starts[(oldest + i + 1) % BEACON_WINDOW];
		gdouble off = (gdouble) (b - a) - mean;
		if (off < 0)
			off = -off;
		if (off > BEACON_MAX_SPREAD * mean)
			return FALSE;
		sum_deviations += off;
	}
	*period = mean / G_USEC_PER_SEC;
	*deviation = sum_deviations / n_gaps / G_USEC_PER_SEC;
	return *deviation <= BEACON_MAX_JITTER * *period;
}

static void
raise_beacon(YmDetectContext *ctx,
             const YmPacket *packet,
             const Beacon *beacon,
             gdouble period,
             gdouble deviation)
{
	g_autofree gchar *key = NULL;
	JsonObject *evidence = json_object_new();
	gchar server[64];

	ym_ip_addr_to_string(&beacon->server, server, sizeof(server));
	key = g_strdup_printf("beacon:%s:%u", server, beacon->port);
	json_object_set_string_member(evidence, "server", server);
	json_object_set_int_member(evidence, "port", beacon->port);
	json_object_set_int_member(evidence, "protocol", packet->ip_proto);
	if (beacon->server_name[0] != '\0')
		json_object_set_string_member(evidence, "destination", beacon->server_name);
	json_object_set_int_member(evidence, "connections", beacon->n_starts);
	json_object_set_double_member(evidence, "period_seconds",
	                              (gdouble) (gint64) (period * 100 + 0.5) / 100);
	json_object_set_double_member(evidence, "jitter_seconds",
	                              (gdouble) (gint64) (deviation * 100 + 0.5) / 100);
	json_object_set_string_member(evidence, "confidence", "behaviour");
	ym_alerts_raise_full(ctx->alerts, TYPE, device_for_mac(ctx, packet, TRUE), key,
	                     packet->ts_usec, YM_SEVERITY_CAUTION, YM_SEVERITY_CAUTION, evidence);
}

/* a TCP connection opened from the home to a server on the internet */
static void
track_connection(DetectMalicious *self, YmDetectContext *ctx, const YmPacket *packet)
{
	Beacon lookup;
	Beacon *beacon;
	gdouble period = 0;
	gdouble deviation = 0;

	if (!packet->has_mac || !packet->has_ports || packet->ip_proto != 6 ||
	    (packet->tcp_flags & (YM_TCP_SYN | YM_TCP_ACK)) != YM_TCP_SYN ||
	    !ym_ip_addr_is_global(&packet->dst_ip) ||
	    ym_inventory_lookup_ip(ctx->inventory, &packet->dst_ip) != NULL)
		return;
	memset(&lookup, 0, sizeof(lookup));
	memcpy(lookup.mac, packet->src_mac, 6);
	lookup.server = packet->dst_ip;
	lookup.port = packet->dst_port;
	beacon = g_hash_table_lookup(self->beacons, &lookup);
	if (beacon == NULL) {
		if (g_hash_table_size(self->beacons) >= BEACON_MAX_TRACKED)
			return;
		beacon = g_memdup2(&lookup, sizeof(lookup));
		g_hash_table_add(self->beacons, beacon);
	}
	/* a retransmitted SYN opens no new connection */
	if (beacon->n_starts > 0 &&
	    packet->ts_usec - beacon->starts[(beacon->n_starts - 1) % BEACON_WINDOW] <
	        BEACON_MIN_PERIOD / 2 &&
	    packet->ts_usec >= beacon->starts[(beacon->n_starts - 1) % BEACON_WINDOW]) {
		beacon->last_seen = packet->ts_usec;
		return;
	}
	beacon->starts[beacon->n_starts % BEACON_WINDOW] = packet->ts_usec;
	beacon->n_starts++;
	beacon->last_seen = packet->ts_usec;
	if (beacon_is_periodic(beacon, &period, &deviation))
		raise_beacon(ctx, packet, beacon, period, deviation);
}

/* the host of an HTTP request, when it is an IP literal */
static gboolean
host_is_ip_literal(YmStr host)
{
	gchar buf[64];
	guint8 bytes[16];
	gchar *colon;
	if (!ym_str_is_set(host) || host.length >= sizeof(buf))
		return FALSE;
	memcpy(buf, host.data, host.length);
	buf[host.length] = '\0';
	if (buf[0] == '[') {
		gchar *close = strchr(buf, ']');
		if (close == NULL)
			return FALSE;
		*close = '\0';
		return inet_pton(AF_INET6, buf + 1, bytes) == 1;
	}
	colon = strchr(buf, ':');
	if (colon != NULL)
		*colon = '\0';
	return inet_pton(AF_INET, buf, bytes) == 1;
}

static void
check_http_request(DetectMalicious *self, YmDetectContext *ctx, const YmPacket *packet)
{
	const YmHttp *http = &packet->u.http;
	g_autofree gchar *key = NULL;
	JsonObject *evidence;
	gchar server[64];

	if (!http->is_request)
		return;
	if (ym_str_is_set(http->host) && http->host.data[0] != '[') {
		/* without the :port */
		YmStr name = http->host;
		const gchar *colon = memchr(name.data, ':', name.length);
		if (colon != NULL)
			name.length = (guint16) (colon - name.data);
		check_domain(self, ctx, packet, name, "http_host");
	}
	if (!ym_str_equal_ascii_nocase(http->method, "POST") || packet->dst_port == 80 ||
	    packet->dst_port == 8080 || packet->dst_port == 443 ||
	    !ym_ip_addr_is_global(&packet->dst_ip) || !host_is_ip_literal(http->host))
		return;
	ym_ip_addr_to_string(&packet->dst_ip, server, sizeof(server));
	key = g_strdup_printf("http-post-ip:%s:%u", server, packet->dst_port);
	evidence = json_object_new();
	json_object_set_string_member(evidence, "server", server);
	json_object_set_int_member(evidence, "port", packet->dst_port);
	json_object_set_string_member(evidence, "method", "POST");
	json_object_set_string_member(evidence, "confidence", "behaviour");
	ym_alerts_raise_full(ctx->alerts, TYPE, device_for_mac(ctx, packet, TRUE), key,
	                     packet->ts_usec, YM_SEVERITY_CAUTION, YM_SEVERITY_CAUTION, evidence);
}

/*
 * the server's Certificate message (RFC 5246 7.4.2), when the segment
 * starts with a TLS record and the first certificate lies within it:
 *
 *   record:      type(1)=22 version(2) length(2)
 *   handshake:   type(1)=11 length(3)
 *   certificate: certificate_list length(3), then per cert: length(3) DER
 *
 * TLS 1.3 encrypts the certificate, so this sees TLS 1.2 and older only
 */
static gboolean
find_first_certificate(const guint8 *data, gsize length, const guint8 **der, gsize *der_length)
{
	gsize offset = 0;
	while (offset + 5 <= length && data[offset] == 22 && data[offset + 1] == 3) {
		gsize record_length = ((gsize) data[offset + 3] << 8) | data[offset + 4];
		gsize record_end = offset + 5 + record_length;
		gsize message = offset + 5;
		/* handshake messages packed in this record */
		while (message + 4 <= MIN(record_end, length)) {
			gsize message_length = ((gsize) data[message + 1] << 16) |
			                       ((gsize) data[message + 2] << 8) | data[message + 3];
			if (data[message] == 11) {
				gsize cert = message + 4 + 3;
				gsize cert_length;
				if (cert + 3 > length)
					return FALSE;
				cert_length = ((gsize) data[cert] << 16) |
				              ((gsize) data[cert + 1] << 8) | data[cert + 2];
				if (cert_length == 0 || cert + 3 + cert_length > length ||
				    cert_length + 3 > message_length)
					return FALSE;
				*der = data + cert + 3;
				*der_length = cert_length;
				return TRUE;
			}
			message += 4 + message_length;
		}
		offset = record_end;
	}
	return FALSE;
}

static void
check_server_certificate(DetectMalicious *self, YmDetectContext *ctx, const YmPacket *packet)
{
	g_autoptr(GChecksum) checksum = NULL;
	const YmBlocklistEntry *entry;
	const guint8 *der = NULL;
	gsize der_length = 0;
	g_autofree gchar *key = NULL;
	JsonObject *evidence;

	if (!find_first_certificate(packet->payload, packet->payload_length, &der, &der_length))
		return;
	checksum = g_checksum_new(G_CHECKSUM_SHA1);
	g_checksum_update(checksum, der, (gssize) der_length);
	entry = ym_blocklist_lookup_cert_sha1(self->lists, g_checksum_get_string(checksum));
	if (entry == NULL)
		return;
	key = g_strdup_printf("cert-sha1:%s", entry->value);
	evidence = json_object_new();
	json_object_set_string_member(evidence, "cert_sha1", entry->value);
	set_addr(evidence, "server", &packet->src_ip);
	json_object_set_int_member(evidence, "port", packet->src_port);
	set_listing(evidence, entry);
	/* the device is the client, at the other end */
	ym_alerts_raise(ctx->alerts, TYPE, device_for_mac(ctx, packet, FALSE), key, packet->ts_usec,
	                YM_SEVERITY_INFO, evidence);
}

static void
malicious_packet(gpointer state,
                 YmDetectContext *ctx,
                 const YmPacket *packet,
                 const YmFlow *flow,
                 guint direction)
{
	DetectMalicious *self = state;

	if (flow == NULL)
		return;
	if (flow->packets[0] + flow->packets[1] == 1)
		check_addresses(self, ctx, packet);
	if (packet->tcp_flags & YM_TCP_SYN)
		track_connection(self, ctx, packet);
	switch (packet->app) {
	case YM_APP_DNS:
		check_dns(self, ctx, packet);
		break;
	case YM_APP_TLS:
		if (packet->u.tls.handshake_type == 1 && !packet->u.tls.is_dtls)
			check_client_hello(self, ctx, packet);
		else if (direction == 1 && flow->packets[1] <= CERT_MAX_SERVER_PACKETS &&
		         packet->ip_proto == 6 && ym_blocklist_has_cert_sha1(self->lists))
			check_server_certificate(self, ctx, packet);
		break;
	case YM_APP_HTTP:
		check_http_request(self, ctx, packet);
		break;
	case YM_APP_NONE:
	default:
		break;
	}
}

/* forget servers not contacted for an hour, once a minute */
static void
malicious_tick(gpointer state, YmDetectContext *ctx, gint64 now)
{
	DetectMalicious *self = state;
	GHashTableIter iter;
	Beacon *beacon;

	if (now - self->last_sweep < 60 * G_USEC_PER_SEC && now >= self->last_sweep)
		return;
	self->last_sweep = now;
	g_hash_table_iter_init(&iter, self->beacons);
	while (g_hash_table_iter_next(&iter, (gpointer *) &beacon, NULL)) {
		if (now - beacon->last_seen > BEACON_IDLE)
			g_hash_table_iter_remove(&iter);
	}
}

const YmDetectorInfo ym_detector_malicious = {
    .name = "malicious",
    .create = malicious_create,
    .destroy = malicious_destroy,
    .packet = malicious_packet,
    .tick = malicious_tick,
    .reload = malicious_reload,
};
