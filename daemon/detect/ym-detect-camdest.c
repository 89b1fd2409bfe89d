/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * camera_unknown_destination: a camera (inventory kind "camera", or a baby
 * monitor should the vocabulary grow one) that, after learning where it
 * usually talks to, sends more than 1 MiB in one flow to a destination it
 * never used while learning.
 *
 * Learning lasts the first 24 hours of capture time in which the camera
 * is seen (from the earliest flow start seen for it); a flow that started
 * inside the window teaches its destination and never alerts. The unit
 * of a destination is its /24 (IPv4) or /48 (IPv6), so that a CDN or
 * cloud service rotating addresses inside its block does not alert.
 *
 * Counted from ended flows (the engine ends every open flow when a
 * capture ends or the daemon stops). A device counts as a camera once the
 * inventory has classified it, which the engine does each time it stores
 * the inventory: periodically when live, but only at the end of a capture
 * file, so a single file rarely reaches this detector with a camera.
 * Learning is kept in memory only: after a restart a camera learns again.
 *
 * Memory is bounded: a fixed table of cameras (the least recently active
 * one is replaced when full) with a fixed set of learned prefixes each
 * (the least recently used one is replaced when full).
 */

#define G_LOG_DOMAIN "YmDetect"

#include "config.h"

#include <string.h>

#include "ym-detect-camdest-private.h"

typedef struct {
	YmIpAddr prefix; /* the masked address; family 0 when unused */
	gint64 last_used;
} Prefix;

typedef struct {
	gboolean used;
	guint8 mac[6];
	gint64 start;     /* the earliest flow start seen for it */
	gint64 last_seen; /* for replacing the least recently active */
	guint n_prefixes;
	Prefix prefixes[YM_CAMDEST_MAX_PREFIXES];
} Camera;

typedef struct {
	Camera cameras[YM_CAMDEST_MAX_CAMERAS];
	guint64 replaced; /* cameras forgotten because the table was full */
} Camdest;

static gboolean
is_camera(const YmDevice *device)
{
	return g_strcmp0(device->kind, "camera") == 0 ||
	       g_strcmp0(device->kind, "baby_monitor") == 0;
}

/* @addr's /24 (IPv4) or /48 (IPv6) */
static void
prefix_of(const YmIpAddr *addr, YmIpAddr *prefix)
{
	memset(prefix, 0, sizeof(*prefix));
	prefix->family = addr->family;
	memcpy(prefix->bytes, addr->bytes, addr->family == 4 ? 3 : 6);
}

static gpointer
camdest_create(YmDetectContext *ctx, GError **error)
{
	return g_new0(Camdest, 1);
}

static void
camdest_destroy(gpointer state)
{
	g_free(state);
}

static Camera *
camera_slot(Camdest *self, const guint8 *mac, gint64 first_seen)
{
	Camera *victim = NULL;
	for (guint i = 0; i < YM_CAMDEST_MAX_CAMERAS; i++) {
		Camera *c = &self->cameras[i];
		if (!c->used) {
			if (victim == NULL || victim->used)
				victim = c;
		} else if (memcmp(c->mac, mac, 6) == 0) {
			return c;
		} else if (victim == NULL || (victim->used && c->last_seen < victim->last_seen)) {
			victim = c;
		}
	}
	if (victim->used)
		self->replaced++;
	memset(victim, 0, sizeof(*victim));
	victim->used = TRUE;
	memcpy(victim->mac, mac, 6);
	victim->start = first_seen;
	return victim;
}

static Prefix *
find_prefix(Camera *c, const YmIpAddr *prefix)
{
	for (guint i = 0; i < YM_CAMDEST_MAX_PREFIXES; i++) {
		Prefix *p = &c->prefixes[i];
		if (p->prefix.family != 0 && ym_ip_addr_equal(&p->prefix, prefix))
			return p;
	}
	return NULL;
}

static void
learn(Camera *c, const YmIpAddr *prefix, gint64 ts)
{
	Prefix *p = find_prefix(c, prefix);
	if (p == NULL) {
		p = &c->prefixes[0];
		for (guint i = 0; i < YM_CAMDEST_MAX_PREFIXES; i++) {
			Prefix *q = &c->prefixes[i];
			if (q->prefix.family == 0) {
				p = q;
				break;
			}
			if (q->last_used < p->last_used)
				p = q;
		}
		if (p->prefix.family == 0)
			c->n_prefixes++;
		p->prefix = *prefix;
		p->last_used = ts;
	}
	p->last_used = MAX(p->last_used, ts);
}

static void
raise_camdest(YmDetectContext *ctx,
              const YmDevice *device,
              const Camera *c,
              const YmFlow *flow,
              guint dir)
{
	JsonObject *evidence = json_object_new();
	gchar addr[64];
	g_autofree gchar *amount = g_format_size_full(flow->bytes[dir], G_FORMAT_SIZE_IEC_UNITS);

	ym_ip_addr_to_string(&flow->addr[1 - dir], addr, sizeof(addr));
	json_object_set_string_member(evidence, "destination", addr);
	json_object_set_int_member(evidence, "port", flow->port[1 - dir]);
	json_object_set_int_member(evidence, "bytes", (gint64) flow->bytes[dir]);
	json_object_set_string_member(evidence, "amount", amount);
	json_object_set_int_member(evidence, "learned_destinations", c->n_prefixes);
	json_object_set_int_member(evidence, "learned_until",
	                           (c->start + YM_CAMDEST_LEARN_USEC) / G_USEC_PER_SEC);
	ym_alerts_raise(ctx->alerts, "camera_unknown_destination", device, addr, flow->last_seen,
	                YM_SEVERITY_WARNING, evidence);
}

static void
camdest_flow_end(gpointer state, YmDetectContext *ctx, const YmFlow *flow)
{
	Camdest *self = state;
	for (guint dir = 0; dir < 2; dir++) {
		const YmDevice *device;
		const YmIpAddr *dst = &flow->addr[1 - dir];
		YmIpAddr prefix;
		Camera *c;
		gint64 last = MAX(flow->first_seen, flow->last_seen);

		/* from a camera (known by its MAC: at home over IPv6 it has a
		 * global address too) to the internet */
		if (!ym_ip_addr_is_global(dst) || ym_ip_addr_equal(&flow->addr[dir], dst))
			continue;
		device = ym_inventory_lookup_mac(ctx->inventory, flow->mac[dir]);
		if (device == NULL || !is_camera(device))
			continue;
		c = camera_slot(self, device->mac, flow->first_seen);
		c->start = MIN(c->start, flow->first_seen);
		c->last_seen = MAX(c->last_seen, last);
		prefix_of(dst, &prefix);
		if (flow->first_seen < c->start + YM_CAMDEST_LEARN_USEC) {
			learn(c, &prefix, last);
			continue;
		}
		if (find_prefix(c, &prefix) != NULL) {
			learn(c, &prefix, last);
			continue;
		}
		if (flow->bytes[dir] > YM_CAMDEST_MIN_BYTES)
			raise_camdest(ctx, device, c, flow, dir);
	}
}

const YmDetectorInfo ym_detector_camdest = {
    .name = "camdest",
    .create = camdest_create,
    .destroy = camdest_destroy,
    .flow_end = camdest_flow_end,
};
