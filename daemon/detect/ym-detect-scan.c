/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * botnet_behaviour: a home device that scans or floods. Infected routers,
 * cameras and DVRs (Mirai and its descendants) spend their life sending
 * TCP SYNs to random addresses on Telnet 23/2323 and a few exploit ports,
 * sweep the LAN they sit in, or flood one target on command.
 *
 * Only probe-shaped packets count: TCP SYNs without ACK, ICMP echo requests
 * to unicast addresses, ARP requests (not probes or gratuitous ARP), and for
 * floods the packets of flows the target never answered. Broadcast and
 * multicast destinations never count, so periodic discovery (Tuya/Kasa
 * 9999, SSDP, mDNS, LLMNR, NetBIOS) cannot trigger; normal connections are
 * answered, so browsing many servers does not either.
 *
 * Memory is fixed: a set-associative table of YM_SCAN_TRACKERS per-source
 * trackers, each with fixed-size hashed bitmaps as distinct-sets. Windows
 * slide on capture time in two halves: a count covers the current and the
 * previous half, i.e. the last 30 to 60 seconds. Distinct counts are exact
 * up to 64 per half (so every threshold is exact), then linear-counting
 * estimates over 4096-bit bitmaps, within about 2% at a thousand.
 */

#define G_LOG_DOMAIN "YmDetect"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ym-detect-scan-private.h"

/* ---- thresholds ---- */

/* one minute covers an nmap sweep of a /24 (2 to 15 s) many times over and
 * a Mirai scanner's steady rate, while periodic chatter stays sparse */
#define YM_SCAN_WINDOW_USEC (G_GINT64_CONSTANT(60) * G_USEC_PER_SEC)
#define YM_SCAN_HALF_USEC   (YM_SCAN_WINDOW_USEC / 2)

/* Telnet has no legitimate use that reaches 8 different hosts in a minute
 * from one home device; Mirai-family scanners reach that in well under a
 * second, so this is the most sensitive (and urgent) signal */
#define YM_SCAN_TELNET_TARGETS 8

/* a horizontal scan: 64 distinct addresses first reached on one port in a
 * minute, fewer than a quarter of them accepting. Browsing touches many
 * servers but nearly every SYN is answered; peer-to-peer apps use a new
 * port per peer, so no single port collects many addresses */
#define YM_SCAN_HORIZONTAL_TARGETS 64

/* a vertical scan: 64 distinct ports of one host in a minute with fewer than
 * a quarter accepted. Talking to a NAS uses a handful of ports (the 4-port
 * probe in ndpi-tcp-scan-small stays far below); passive FTP opens many
 * data ports but each is accepted; nmap's default 1000-port scan is 15x */
#define YM_SCAN_VERTICAL_PORTS 64

/* ARP requests for 48 distinct addresses in a minute: a host ARPs for the
 * peers it talks to, a dozen in a busy home; a sweep of a /24 asks for all
 * 254. The gateway is exempt: routers resolve every client and some (ASUS
 * networkmap) sweep on purpose to draw their device list */
#define YM_SCAN_ARP_TARGETS 48

/* ICMP echo to 32 distinct unicast addresses in a minute. Monitoring
 * (Home Assistant ping trackers, Uptime Kuma) pings a fixed list of a
 * dozen or so hosts; a sweep of the LAN also shows as an ARP sweep, since
 * the kernel must resolve every target first. slips-icmp-sweep pings 16
 * live hosts and stays below on purpose: pinging the hosts one already
 * knows is what monitoring does, and the alert is an urgent one */
#define YM_SCAN_ICMP_TARGETS 32

/* 30000 unanswered packets to one destination in a minute, 500 packets a
 * second sustained. Streams that are answered (uploads, QUIC, calls) never
 * count; one-way streams we know (syslog, NetFlow export) run at tens of
 * packets a second; Mirai's UDP and SYN floods run at thousands */
#define YM_SCAN_FLOOD_PACKETS 30000

/* a scan counts as failing when fewer than 1 in 4 probes is accepted */
#define YM_SCAN_ACCEPT_RATIO 4

/* ---- bounds ---- */

#define YM_SCAN_BUCKETS  32
#define YM_SCAN_WAYS     4
#define YM_SCAN_TRACKERS (YM_SCAN_BUCKETS * YM_SCAN_WAYS)
G_STATIC_ASSERT(YM_SCAN_TRACKERS == YM_DETECT_SCAN_TRACKERS);
#define YM_SCAN_SET_BITS  4096
#define YM_SCAN_SET_WORDS (YM_SCAN_SET_BITS / 64)
/* keys kept exactly per half; no threshold is above it */
#define YM_SCAN_EXACT   64
#define YM_SCAN_SAMPLES 10
#define YM_SCAN_PORTS   8
/* a vertical or flood slot follows a new destination only while the old one
 * has collected less than this: scans and floods hold on to their target */
#define YM_SCAN_VERTICAL_STICKY 8
#define YM_SCAN_FLOOD_STICKY    64

typedef enum {
	YM_SCAN_KIND_TELNET,
	YM_SCAN_KIND_HORIZONTAL,
	YM_SCAN_KIND_VERTICAL,
	YM_SCAN_KIND_ARP,
	YM_SCAN_KIND_ICMP,
	YM_SCAN_KIND_FLOOD,
	YM_SCAN_KIND_LAST
} YmScanKind;

static const struct {
	const gchar *kind; /* evidence "kind" */
	const gchar *key;  /* alert key */
} kinds[] = {
    [YM_SCAN_KIND_TELNET] = {"telnet-scan", "telnet-scan"},
    [YM_SCAN_KIND_HORIZONTAL] = {"port-scan", "port-scan:horizontal"},
    [YM_SCAN_KIND_VERTICAL] = {"port-scan", "port-scan:vertical"},
    [YM_SCAN_KIND_ARP] = {"arp-sweep", "arp-sweep"},
    [YM_SCAN_KIND_ICMP] = {"icmp-sweep", "icmp-sweep"},
    [YM_SCAN_KIND_FLOOD] = {"flood", "flood"},
};

/* a distinct-set over the two halves of the window: exact while each half
 * holds at most YM_SCAN_EXACT keys (every threshold is decided there), a
 * hashed bitmap estimate beyond */
typedef struct {
	guint64 bits[2][YM_SCAN_SET_WORDS]; /* [0] current half, [1] previous */
	guint32 keys[2][YM_SCAN_EXACT];
	guint32 n_keys[2]; /* YM_SCAN_EXACT + 1 once a half overflowed */
	guint32 current_bits;
	guint32 union_bits;
	guint32 exact_union;
} YmScanSet;

typedef struct {
	guint32 half[2];
} YmScanCounter;

typedef struct {
	gboolean alerting;
	gboolean pending; /* grew since the alert was last refreshed */
	gint64 start;     /* first probe of this episode */
	gint64 last;
	guint n_samples;
	YmIpAddr samples[YM_SCAN_SAMPLES];
} YmScanEpisode;

typedef struct {
	guint16 port;
	YmScanCounter targets; /* distinct addresses first reached on this port */
} YmScanPort;

typedef struct {
	gboolean in_use;
	guint8 mac[6];
	gint64 last_seen;
	gint64 half; /* index of the current half-window */
	YmScanSet arp_targets;
	YmScanSet echo_targets;
	YmScanSet syn_targets;
	YmScanSet telnet_targets;
	YmScanSet vertical_ports;
	YmScanCounter arp_requests;
	YmScanCounter arp_replies;
	YmScanCounter echo_requests;
	YmScanCounter echo_replies;
	YmScanCounter syns;
	YmScanCounter syn_replies;
	YmScanCounter syn_accepted;
	YmScanCounter telnet_syns;
	YmScanCounter vertical_syns;
	YmScanCounter vertical_replies;
	YmScanCounter vertical_accepted;
	YmScanCounter flood_packets;
	YmIpAddr vertical_target;
	YmIpAddr flood_target;
	guint n_vertical_samples;
	guint16 vertical_samples[YM_SCAN_SAMPLES];
	guint16 telnet_ports[2];
	YmScanPort ports[YM_SCAN_PORTS];
	YmScanEpisode episodes[YM_SCAN_KIND_LAST];
} YmScanTracker;

typedef struct {
	YmScanTracker trackers[YM_SCAN_TRACKERS];
	guint64 evicted;
} YmScanState;

/* ---- distinct-sets and counters ---- */

/* murmur3's finaliser: a bijection that spreads every input bit */
static inline guint32
hash32(guint32 value)
{
	value ^= value >> 16;
	value *= 0x85ebca6bu;
	value ^= value >> 13;
	value *= 0xc2b2ae35u;
	value ^= value >> 16;
	return value;
}

static guint32
addr_key(const YmIpAddr *addr)
{
	guint32 words[4] = {0};
	memcpy(words, addr->bytes, addr->family == 6 ? 16 : 4);
	return hash32(words[0] ^ hash32(words[1] ^ hash32(words[2] ^ hash32(words[3]))));
}

static gboolean
keys_contain(const guint32 *keys, guint n_keys, guint32 key)
{
	for (guint i = 0; i < n_keys; i++) {
		if (keys[i] == key)
			return TRUE;
	}
	return FALSE;
}

static inline gboolean
scan_set_is_exact(const YmScanSet *set)
{
	return set->n_keys[0] <= YM_SCAN_EXACT && set->n_keys[1] <= YM_SCAN_EXACT;
}

/* TRUE when @key is new in the window */
static gboolean
scan_set_insert(YmScanSet *set, guint32 key)
{
	guint32 bit = hash32(key) % YM_SCAN_SET_BITS;
	guint64 mask = G_GUINT64_CONSTANT(1) << (bit % 64);
	guint word = bit / 64;
	gboolean bit_is_new = FALSE;

	if ((set->bits[0][word] & mask) == 0) {
		set->bits[0][word] |= mask;
		set->current_bits++;
		if ((set->bits[1][word] & mask) == 0) {
			set->union_bits++;
			bit_is_new = TRUE;
		}
	}
	if (!scan_set_is_exact(set))
		return bit_is_new;
	if (keys_contain(set->keys[0], set->n_keys[0], key))
		return FALSE;
	if (set->n_keys[0] == YM_SCAN_EXACT) {
		/* from now on the bitmap counts */
		set->n_keys[0]++;
		return !keys_contain(set->keys[1], set->n_keys[1], key);
	}
	set->keys[0][set->n_keys[0]++] = key;
	if (keys_contain(set->keys[1], set->n_keys[1], key))
		return FALSE;
	set->exact_union++;
	return TRUE;
}

/* exact up to YM_SCAN_EXACT, then linear counting: the expected number of
 * keys that set this many bits */
static guint
scan_set_count(const YmScanSet *set)
{
	gdouble zero = (gdouble) (YM_SCAN_SET_BITS - set->union_bits) / YM_SCAN_SET_BITS;
	if (scan_set_is_exact(set))
		return set->exact_union;
	if (set->union_bits >= YM_SCAN_SET_BITS)
		zero = 1.0 / YM_SCAN_SET_BITS;
	return MAX((guint) lround(-YM_SCAN_SET_BITS * log(zero)), YM_SCAN_EXACT + 1);
}

static void
scan_set_clear(YmScanSet *set)
{
	memset(set, 0, sizeof(*set));
}

static void
scan_set_rotate(YmScanSet *set)
{
	memcpy(set->bits[1], set->bits[0], sizeof(set->bits[0]));
	memset(set->bits[0], 0, sizeof(set->bits[0]));
	set->union_bits = set->current_bits;
	set->current_bits = 0;
	memcpy(set->keys[1], set->keys[0], sizeof(set->keys[0]));
	set->n_keys[1] = set->n_keys[0];
	set->n_keys[0] = 0;
	set->exact_union = MIN(set->n_keys[1], YM_SCAN_EXACT);
}

static inline guint32
counter_get(const YmScanCounter *counter)
{
	return counter->half[0] + counter->half[1];
}

static inline void
counter_add(YmScanCounter *counter)
{
	if (counter->half[0] < G_MAXUINT32 / 2)
		counter->half[0]++;
}

static inline void
counter_rotate(YmScanCounter *counter)
{
	counter->half[1] = counter->half[0];
	counter->half[0] = 0;
}

/* ---- trackers ---- */

static void
tracker_rotate(YmScanTracker *tracker)
{
	YmScanSet *sets[] = {&tracker->arp_targets, &tracker->echo_targets, &tracker->syn_targets,
	                     &tracker->telnet_targets, &tracker->vertical_ports};
	YmScanCounter *counters[] = {
	    &tracker->arp_requests,
	    &tracker->arp_replies,
	    &tracker->echo_requests,
	    &tracker->echo_replies,
	    &tracker->syns,
	    &tracker->syn_replies,
	    &tracker->syn_accepted,
	    &tracker->telnet_syns,
	    &tracker->vertical_syns,
	    &tracker->vertical_replies,
	    &tracker->vertical_accepted,
	    &tracker->flood_packets,
	};
	for (guint i = 0; i < G_N_ELEMENTS(sets); i++)
		scan_set_rotate(sets[i]);
	for (guint i = 0; i < G_N_ELEMENTS(counters); i++)
		counter_rotate(counters[i]);
	for (guint i = 0; i < YM_SCAN_PORTS; i++)
		counter_rotate(&tracker->ports[i].targets);
}

/* an episode is over once its count has left the window */
static void
tracker_end_episodes(YmScanTracker *tracker)
{
	guint counts[YM_SCAN_KIND_LAST] = {
	    [YM_SCAN_KIND_TELNET] = tracker->telnet_targets.union_bits,
	    [YM_SCAN_KIND_HORIZONTAL] = tracker->syn_targets.union_bits,
	    [YM_SCAN_KIND_VERTICAL] = tracker->vertical_ports.union_bits,
	    [YM_SCAN_KIND_ARP] = tracker->arp_targets.union_bits,
	    [YM_SCAN_KIND_ICMP] = tracker->echo_targets.union_bits,
	    [YM_SCAN_KIND_FLOOD] = counter_get(&tracker->flood_packets),
	};
	for (guint i = 0; i < YM_SCAN_KIND_LAST; i++) {
		if (counts[i] == 0)
			memset(&tracker->episodes[i], 0, sizeof(tracker->episodes[i]));
	}
	if (tracker->vertical_ports.union_bits == 0)
		tracker->n_vertical_samples = 0;
}

/* moves the window to capture time @ts */
static void
tracker_advance(YmScanTracker *tracker, gint64 ts)
{
	gint64 half = ts / YM_SCAN_HALF_USEC;
	if (half <= tracker->half)
		return; /* same half, or a merged capture stepping back */
	if (half == tracker->half + 1) {
		tracker_rotate(tracker);
	} else {
		/* idle for a whole window: nothing is left in it */
		tracker_rotate(tracker);
		tracker_rotate(tracker);
	}
	tracker->half = half;
	tracker_end_episodes(tracker);
}

static guint
mac_bucket(const guint8 *mac)
{
	guint32 low;
	memcpy(&low, mac + 2, 4);
	return hash32(low ^ ((guint32) mac[0] << 8 | mac[1])) % YM_SCAN_BUCKETS;
}

static YmScanTracker *
tracker_lookup(YmScanState *self, const guint8 *mac)
{
	YmScanTracker *bucket = &self->trackers[mac_bucket(mac) * YM_SCAN_WAYS];
	for (guint i = 0; i < YM_SCAN_WAYS; i++) {
		if (bucket[i].in_use && memcmp(bucket[i].mac, mac, 6) == 0)
			return &bucket[i];
	}
	return NULL;
}

/* the tracker of @mac, taking the bucket's free or least recently seen way */
static YmScanTracker *
tracker_ensure(YmScanState *self, const guint8 *mac, gint64 ts)
{
	YmScanTracker *bucket = &self->trackers[mac_bucket(mac) * YM_SCAN_WAYS];
	YmScanTracker *victim = NULL;
	for (guint i = 0; i < YM_SCAN_WAYS; i++) {
		YmScanTracker *tracker = &bucket[i];
		if (tracker->in_use && memcmp(tracker->mac, mac, 6) == 0) {
			tracker->last_seen = MAX(tracker->last_seen, ts);
			tracker_advance(tracker, ts);
			return tracker;
		}
		if (!tracker->in_use) {
			if (victim == NULL || victim->in_use)
				victim = tracker;
		} else if (victim == NULL ||
		           (victim->in_use && tracker->last_seen < victim->last_seen)) {
			victim = tracker;
		}
	}
	if (victim->in_use)
		self->evicted++;
	memset(victim, 0, sizeof(*victim));
	victim->in_use = TRUE;
	memcpy(victim->mac, mac, 6);
	victim->last_seen = ts;
	victim->half = ts / YM_SCAN_HALF_USEC;
	return victim;
}

/* ---- addresses ---- */

static gboolean
addr_is_unicast(const YmIpAddr *addr)
{
	if (addr->family == 4)
		return addr->bytes[0] < 224 && addr->bytes[0] != 0;
	if (addr->family == 6)
		return addr->bytes[0] != 0xff;
	return FALSE;
}

static gboolean
addr_is_private(const YmIpAddr *addr)
{
	const guint8 *b = addr->bytes;
	if (addr->family == 4)
		return b[0] == 10 || (b[0] == 172 && (b[1] & 0xf0) == 16) ||
		       (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254);
	if (addr->family == 6)
		return (b[0] & 0xfe) == 0xfc || (b[0] == 0xfe && (b[1] & 0xc0) == 0x80);
	return FALSE;
}

/* sent by the home device itself, not forwarded by the router for someone
 * on the internet: a private source, or an address the inventory bound to
 * the sending MAC (global IPv6) */
static gboolean
packet_is_from_home(YmDetectContext *ctx, const YmPacket *packet)
{
	YmDevice *device;
	if (addr_is_private(&packet->src_ip))
		return TRUE;
	device = ym_inventory_lookup_mac(ctx->inventory, packet->src_mac);
	return device != NULL && ym_inventory_lookup_ip(ctx->inventory, &packet->src_ip) == device;
}

/* ---- alerts ---- */

static void
add_targets(JsonObject *evidence, const YmScanEpisode *episode)
{
	JsonArray *targets = json_array_new();
	for (guint i = 0; i < episode->n_samples; i++) {
		gchar buf[64];
		json_array_add_string_element(
		    targets, ym_ip_addr_to_string(&episode->samples[i], buf, sizeof(buf)));
	}
	json_object_set_array_member(evidence, "targets", targets);
}

static JsonArray *
ports_array(const guint16 *ports, guint n_ports)
{
	JsonArray *array = json_array_new();
	for (guint i = 0; i < n_ports; i++)
		json_array_add_int_element(array, ports[i]);
	return array;
}

/* the busiest port of a horizontal scan, or NULL */
static const YmScanPort *
tracker_top_port(const YmScanTracker *tracker)
{
	const YmScanPort *top = NULL;
	for (guint i = 0; i < YM_SCAN_PORTS; i++) {
		const YmScanPort *port = &tracker->ports[i];
		if (counter_get(&port->targets) == 0)
			continue;
		if (top == NULL || counter_get(&port->targets) > counter_get(&top->targets))
			top = port;
	}
	return top;
}

static JsonObject *
build_evidence(const YmScanTracker *tracker, YmScanKind kind)
{
	const YmScanEpisode *episode = &tracker->episodes[kind];
	JsonObject *evidence = json_object_new();
	gchar buf[64];

	json_object_set_string_member(evidence, "kind", kinds[kind].kind);
	json_object_set_int_member(evidence, "window_seconds",
	                           YM_SCAN_WINDOW_USEC / G_USEC_PER_SEC);
	json_object_set_double_member(
	    evidence, "seconds",
	    round((gdouble) (episode->last - episode->start) / G_USEC_PER_SEC * 10) / 10);
	switch (kind) {
	case YM_SCAN_KIND_TELNET:
		add_targets(evidence, episode);
		json_object_set_int_member(evidence, "distinct_targets",
		                           scan_set_count(&tracker->telnet_targets));
		json_object_set_int_member(evidence, "probes", counter_get(&tracker->telnet_syns));
		json_object_set_array_member(
		    evidence, "ports",
		    ports_array(tracker->telnet_ports, tracker->telnet_ports[1] != 0 ? 2 : 1));
		json_object_set_int_member(evidence, "answered",
		                           counter_get(&tracker->syn_replies));
		json_object_set_int_member(evidence, "accepted",
		                           counter_get(&tracker->syn_accepted));
		break;
	case YM_SCAN_KIND_HORIZONTAL: {
		const YmScanPort *top = tracker_top_port(tracker);
		guint16 ports[YM_SCAN_PORTS];
		guint n_ports = 0;
		json_object_set_string_member(evidence, "pattern", "horizontal");
		add_targets(evidence, episode);
		json_object_set_int_member(evidence, "distinct_targets",
		                           scan_set_count(&tracker->syn_targets));
		if (top != NULL) {
			json_object_set_int_member(evidence, "top_port", top->port);
			json_object_set_int_member(evidence, "top_port_targets",
			                           counter_get(&top->targets));
		}
		for (guint i = 0; i < YM_SCAN_PORTS; i++) {
			if (counter_get(&tracker->ports[i].targets) > 0)
				ports[n_ports++] = tracker->ports[i].port;
		}
		json_object_set_array_member(evidence, "ports", ports_array(ports, n_ports));
		json_object_set_int_member(evidence, "probes", counter_get(&tracker->syns));
		json_object_set_int_member(evidence, "answered",
		                           counter_get(&tracker->syn_replies));
		json_object_set_int_member(evidence, "accepted",
		                           counter_get(&tracker->syn_accepted));
		break;
	}
	case YM_SCAN_KIND_VERTICAL: {
		JsonArray *targets = json_array_new();
		json_array_add_string_element(
		    targets, ym_ip_addr_to_string(&tracker->vertical_target, buf, sizeof(buf)));
		json_object_set_string_member(evidence, "pattern", "vertical");
		json_object_set_array_member(evidence, "targets", targets);
		json_object_set_int_member(evidence, "distinct_ports",
		                           scan_set_count(&tracker->vertical_ports));
		json_object_set_array_member(
		    evidence, "ports",
		    ports_array(tracker->vertical_samples, tracker->n_vertical_samples));
		json_object_set_int_member(evidence, "probes",
		                           counter_get(&tracker->vertical_syns));
		json_object_set_int_member(evidence, "answered",
		                           counter_get(&tracker->vertical_replies));
		json_object_set_int_member(evidence, "accepted",
		                           counter_get(&tracker->vertical_accepted));
		break;
	}
	case YM_SCAN_KIND_ARP:
		add_targets(evidence, episode);
		json_object_set_int_member(evidence, "distinct_targets",
		                           scan_set_count(&tracker->arp_targets));
		json_object_set_int_member(evidence, "probes", counter_get(&tracker->arp_requests));
		json_object_set_int_member(evidence, "answered",
		                           counter_get(&tracker->arp_replies));
		break;
	case YM_SCAN_KIND_ICMP:
		add_targets(evidence, episode);
		json_object_set_int_member(evidence, "distinct_targets",
		                           scan_set_count(&tracker->echo_targets));
		json_object_set_int_member(evidence, "probes",
		                           counter_get(&tracker->echo_requests));
		json_object_set_int_member(evidence, "answered",
		                           counter_get(&tracker->echo_replies));
		break;
	case YM_SCAN_KIND_FLOOD: {
		JsonArray *targets = json_array_new();
		json_array_add_string_element(
		    targets, ym_ip_addr_to_string(&tracker->flood_target, buf, sizeof(buf)));
		json_object_set_array_member(evidence, "targets", targets);
		json_object_set_int_member(evidence, "packets",
		                           counter_get(&tracker->flood_packets));
		json_object_set_int_member(evidence, "answered", 0);
		break;
	}
	case YM_SCAN_KIND_LAST:
	default:
		break;
	}
	return evidence;
}

/* a Telnet scan is what Mirai does and is urgent whatever the catalogue
 * says; the rest keep the catalogue's severity (urgent today) and never
 * fall below warning: the minimum can raise a severity, not lower it */
static void
raise_kind(YmDetectContext *ctx, YmScanTracker *tracker, YmScanKind kind, gint64 ts)
{
	YmScanEpisode *episode = &tracker->episodes[kind];
	const YmDevice *device = ym_inventory_lookup_mac(ctx->inventory, tracker->mac);
	episode->pending = FALSE;
	if (device == NULL)
		return;
	if (kind == YM_SCAN_KIND_ARP && (device->roles & YM_ROLE_GATEWAY) != 0)
		return;
	ym_alerts_raise(ctx->alerts, "botnet_behaviour", device, kinds[kind].key, ts,
	                kind == YM_SCAN_KIND_TELNET ? YM_SEVERITY_URGENT : YM_SEVERITY_WARNING,
	                build_evidence(tracker, kind));
}

/* raises when the condition is newly met; an open alert is refreshed on
 * the next tick (episode_note and answers mark it pending) */
static void
update_kind(YmDetectContext *ctx, YmScanTracker *tracker, YmScanKind kind, gboolean met, gint64 ts)
{
	YmScanEpisode *episode = &tracker->episodes[kind];
	if (episode->alerting || !met)
		return;
	episode->alerting = TRUE;
	raise_kind(ctx, tracker, kind, ts);
}

static void
episode_note(YmScanEpisode *episode, const YmIpAddr *target, gboolean is_new, gint64 ts)
{
	if (episode->start == 0)
		episode->start = ts;
	episode->last = MAX(episode->last, ts);
	if (episode->alerting)
		episode->pending = TRUE;
	if (is_new && target != NULL && episode->n_samples < YM_SCAN_SAMPLES)
		episode->samples[episode->n_samples++] = *target;
}

static gboolean
failing(const YmScanCounter *accepted, guint attempts)
{
	return (guint64) counter_get(accepted) * YM_SCAN_ACCEPT_RATIO < attempts;
}

/* ---- the packet path ---- */

static void
note_port_target(YmScanTracker *tracker, guint16 port)
{
	YmScanPort *slot = NULL;
	for (guint i = 0; i < YM_SCAN_PORTS; i++) {
		YmScanPort *candidate = &tracker->ports[i];
		if (candidate->port == port && counter_get(&candidate->targets) > 0) {
			slot = candidate;
			break;
		}
		if (slot == NULL || counter_get(&candidate->targets) < counter_get(&slot->targets))
			slot = candidate;
	}
	if (slot->port != port || counter_get(&slot->targets) == 0) {
		memset(slot, 0, sizeof(*slot));
		slot->port = port;
	}
	counter_add(&slot->targets);
}

static void
on_syn(YmDetectContext *ctx, YmScanTracker *tracker, const YmPacket *packet)
{
	gint64 ts = packet->ts_usec;
	guint32 key = addr_key(&packet->dst_ip);
	gboolean is_new;
	const YmScanPort *top;

	counter_add(&tracker->syns);
	is_new = scan_set_insert(&tracker->syn_targets, key);
	if (is_new)
		note_port_target(tracker, packet->dst_port);
	episode_note(&tracker->episodes[YM_SCAN_KIND_HORIZONTAL], &packet->dst_ip, is_new, ts);
	top = tracker_top_port(tracker);
	if (is_new)
		update_kind(
		    ctx, tracker, YM_SCAN_KIND_HORIZONTAL,
		    top != NULL && counter_get(&top->targets) >= YM_SCAN_HORIZONTAL_TARGETS &&
		        failing(&tracker->syn_accepted, scan_set_count(&tracker->syn_targets)),
		    ts);

	if (packet->dst_port == 23 || packet->dst_port == 2323) {
		counter_add(&tracker->telnet_syns);
		if (tracker->telnet_ports[0] == 0)
			tracker->telnet_ports[0] = packet->dst_port;
		else if (tracker->telnet_ports[0] != packet->dst_port)
			tracker->telnet_ports[1] = packet->dst_port;
		is_new = scan_set_insert(&tracker->telnet_targets, key);
		episode_note(&tracker->episodes[YM_SCAN_KIND_TELNET], &packet->dst_ip, is_new, ts);
		if (is_new)
			update_kind(
			    ctx, tracker, YM_SCAN_KIND_TELNET,
			    scan_set_count(&tracker->telnet_targets) >= YM_SCAN_TELNET_TARGETS, ts);
	}

	/* vertical: one target host at a time */
	if (!ym_ip_addr_equal(&tracker->vertical_target, &packet->dst_ip)) {
		if (scan_set_count(&tracker->vertical_ports) >= YM_SCAN_VERTICAL_STICKY)
			return;
		scan_set_clear(&tracker->vertical_ports);
		memset(&tracker->vertical_syns, 0, sizeof(YmScanCounter));
		memset(&tracker->vertical_replies, 0, sizeof(YmScanCounter));
		memset(&tracker->vertical_accepted, 0, sizeof(YmScanCounter));
		memset(&tracker->episodes[YM_SCAN_KIND_VERTICAL], 0, sizeof(YmScanEpisode));
		tracker->n_vertical_samples = 0;
		tracker->vertical_target = packet->dst_ip;
	}
	counter_add(&tracker->vertical_syns);
	is_new = scan_set_insert(&tracker->vertical_ports, packet->dst_port);
	if (is_new && tracker->n_vertical_samples < YM_SCAN_SAMPLES)
		tracker->vertical_samples[tracker->n_vertical_samples++] = packet->dst_port;
	episode_note(&tracker->episodes[YM_SCAN_KIND_VERTICAL], NULL, FALSE, ts);
	if (is_new)
		update_kind(ctx, tracker, YM_SCAN_KIND_VERTICAL,
		            scan_set_count(&tracker->vertical_ports) >= YM_SCAN_VERTICAL_PORTS &&
		                failing(&tracker->vertical_accepted,
		                        scan_set_count(&tracker->vertical_ports)),
		            ts);
}

static void
episode_touch(YmScanEpisode *episode)
{
	if (episode->alerting)
		episode->pending = TRUE;
}

static void
on_syn_reply(YmScanTracker *tracker, const YmPacket *packet)
{
	gboolean accepted = (packet->tcp_flags & YM_TCP_RST) == 0;
	episode_touch(&tracker->episodes[YM_SCAN_KIND_TELNET]);
	episode_touch(&tracker->episodes[YM_SCAN_KIND_HORIZONTAL]);
	episode_touch(&tracker->episodes[YM_SCAN_KIND_VERTICAL]);
	counter_add(&tracker->syn_replies);
	if (accepted)
		counter_add(&tracker->syn_accepted);
	if (ym_ip_addr_equal(&tracker->vertical_target, &packet->src_ip)) {
		counter_add(&tracker->vertical_replies);
		if (accepted)
			counter_add(&tracker->vertical_accepted);
	}
}

static void
on_echo(YmDetectContext *ctx, YmScanTracker *tracker, const YmPacket *packet)
{
	gboolean is_new = scan_set_insert(&tracker->echo_targets, addr_key(&packet->dst_ip));
	counter_add(&tracker->echo_requests);
	episode_note(&tracker->episodes[YM_SCAN_KIND_ICMP], &packet->dst_ip, is_new,
	             packet->ts_usec);
	if (is_new)
		update_kind(ctx, tracker, YM_SCAN_KIND_ICMP,
		            scan_set_count(&tracker->echo_targets) >= YM_SCAN_ICMP_TARGETS,
		            packet->ts_usec);
}

static void
on_flood_packet(YmDetectContext *ctx, YmScanTracker *tracker, const YmPacket *packet)
{
	YmScanEpisode *episode = &tracker->episodes[YM_SCAN_KIND_FLOOD];
	if (!ym_ip_addr_equal(&tracker->flood_target, &packet->dst_ip)) {
		if (counter_get(&tracker->flood_packets) >= YM_SCAN_FLOOD_STICKY)
			return;
		memset(&tracker->flood_packets, 0, sizeof(YmScanCounter));
		memset(episode, 0, sizeof(*episode));
		tracker->flood_target = packet->dst_ip;
	}
	counter_add(&tracker->flood_packets);
	episode_note(episode, NULL, FALSE, packet->ts_usec);
	/* refresh at most once per thousand packets */
	if (counter_get(&tracker->flood_packets) % 1000 == 0)
		update_kind(ctx, tracker, YM_SCAN_KIND_FLOOD,
		            counter_get(&tracker->flood_packets) >= YM_SCAN_FLOOD_PACKETS,
		            packet->ts_usec);
}

static void
on_arp(YmScanState *self, YmDetectContext *ctx, const YmPacket *packet)
{
	const YmArp *arp = &packet->arp;
	YmScanTracker *tracker;
	YmIpAddr target;
	gboolean is_new;

	if (arp->operation == 2) {
		tracker = tracker_lookup(self, arp->target_mac);
		if (tracker != NULL) {
			tracker_advance(tracker, packet->ts_usec);
			counter_add(&tracker->arp_replies);
			episode_touch(&tracker->episodes[YM_SCAN_KIND_ARP]);
		}
		return;
	}
	/* probes (RFC 5227) and announcements are about the sender itself */
	if (arp->operation != 1 || arp->sender_ip == 0 || arp->sender_ip == arp->target_ip ||
	    (arp->sender_mac[0] & 1) != 0)
		return;
	tracker = tracker_ensure(self, arp->sender_mac, packet->ts_usec);
	ym_ip_addr_set_v4(&target, arp->target_ip);
	counter_add(&tracker->arp_requests);
	is_new = scan_set_insert(&tracker->arp_targets, arp->target_ip);
	episode_note(&tracker->episodes[YM_SCAN_KIND_ARP], &target, is_new, packet->ts_usec);
	if (is_new)
		update_kind(ctx, tracker, YM_SCAN_KIND_ARP,
		            scan_set_count(&tracker->arp_targets) >= YM_SCAN_ARP_TARGETS,
		            packet->ts_usec);
}

static void
scan_packet(gpointer state,
            YmDetectContext *ctx,
            const YmPacket *packet,
            const YmFlow *flow,
            guint direction)
{
	YmScanState *self = state;
	YmScanTracker *tracker;
	gboolean is_syn = FALSE, is_syn_reply = FALSE;
	gboolean is_echo = FALSE, is_echo_reply = FALSE;
	gboolean is_flood = FALSE;

	if (!packet->has_mac)
		return;
	if (packet->l3 == YM_L3_ARP) {
		on_arp(self, ctx, packet);
		return;
	}
	if (packet->l3 != YM_L3_IPV4 && packet->l3 != YM_L3_IPV6)
		return;

	/* what this packet can be, cheapest tests first */
	if (packet->ip_proto == 6 && packet->has_ports) {
		guint8 flags = packet->tcp_flags;
		is_syn = (flags & (YM_TCP_SYN | YM_TCP_ACK)) == YM_TCP_SYN;
		is_syn_reply = (flags & (YM_TCP_SYN | YM_TCP_ACK)) == (YM_TCP_SYN | YM_TCP_ACK) ||
		               (flags & YM_TCP_RST) != 0;
	} else if (packet->has_icmp && (packet->ip_proto == 1 || packet->ip_proto == 58)) {
		is_echo = packet->icmp_type == (packet->ip_proto == 1 ? 8 : 128);
		is_echo_reply = packet->icmp_type == (packet->ip_proto == 1 ? 0 : 129);
	}
	is_flood = flow != NULL && direction == 0 && flow->packets[1] == 0;
	if (!is_syn && !is_syn_reply && !is_echo && !is_echo_reply && !is_flood)
		return;

	/* answers to a device we follow */
	if (is_syn_reply || is_echo_reply) {
		tracker = tracker_lookup(self, packet->dst_mac);
		if (tracker == NULL)
			return;
		tracker_advance(tracker, packet->ts_usec);
		if (is_syn_reply)
			on_syn_reply(tracker, packet);
		else {
			counter_add(&tracker->echo_replies);
			episode_touch(&tracker->episodes[YM_SCAN_KIND_ICMP]);
		}
		return;
	}

	/* probes: unicast, from a home device's own address */
	if ((packet->dst_mac[0] & 1) != 0 || (packet->src_mac[0] & 1) != 0 ||
	    !addr_is_unicast(&packet->dst_ip) || !addr_is_unicast(&packet->src_ip) ||
	    (packet->ip_fragment && !packet->ip_first_fragment))
		return;
	tracker = tracker_lookup(self, packet->src_mac);
	if (!packet_is_from_home(ctx, packet))
		return;
	if (tracker == NULL)
		tracker = tracker_ensure(self, packet->src_mac, packet->ts_usec);
	tracker->last_seen = MAX(tracker->last_seen, packet->ts_usec);
	tracker_advance(tracker, packet->ts_usec);
	if (is_syn)
		on_syn(ctx, tracker, packet);
	else if (is_echo)
		on_echo(ctx, tracker, packet);
	if (is_flood)
		on_flood_packet(ctx, tracker, packet);
}

/* ---- time ---- */

static void
scan_tick(gpointer state, YmDetectContext *ctx, gint64 now)
{
	YmScanState *self = state;
	for (guint i = 0; i < YM_SCAN_TRACKERS; i++) {
		YmScanTracker *tracker = &self->trackers[i];
		if (!tracker->in_use)
			continue;
		tracker_advance(tracker, now);
		for (guint kind = 0; kind < YM_SCAN_KIND_LAST; kind++) {
			if (tracker->episodes[kind].pending)
				raise_kind(ctx, tracker, kind, tracker->episodes[kind].last);
		}
		/* idle for a whole window: free the way for someone else */
		if (now - tracker->last_seen > YM_SCAN_WINDOW_USEC)
			tracker->in_use = FALSE;
	}
}

guint
_ym_detect_scan_get_n_trackers(gpointer state)
{
	YmScanState *self = state;
	guint n = 0;
	for (guint i = 0; i < YM_SCAN_TRACKERS; i++) {
		if (self->trackers[i].in_use)
			n++;
	}
	return n;
}

guint64
_ym_detect_scan_get_evicted(gpointer state)
{
	YmScanState *self = state;
	return self->evicted;
}

static gpointer
scan_create(YmDetectContext *ctx, GError **error)
{
	return g_new0(YmScanState, 1);
}

static void
scan_destroy(gpointer state)
{
	g_free(state);
}

const YmDetectorInfo ym_detector_scan = {
    .name = "scan",
    .create = scan_create,
    .destroy = scan_destroy,
    .packet = scan_packet,
    .tick = scan_tick,
};
