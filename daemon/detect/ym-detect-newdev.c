/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * new_device_joined: a MAC address the home has not seen before, once the
 * monitor has learnt the household.
 *
 * The learning period is LEARNING_USEC of capture time actually watched
 * from the first packet the store has ever seen: a silence in the capture
 * (a merged capture spanning months) counts only GAP_USEC. It is not
 * stored separately: the inventory is loaded from the store before the
 * detectors start, and the span from the earliest device first_seen to
 * the latest last_seen stands for what earlier runs watched (devices are
 * never forgotten); on a first start the inventory is empty and the first
 * packet starts the period. Devices first seen before the period ended
 * are the household's and never alert.
 *
 * A later device is judged only once it has been around for
 * SETTLE_USEC of capture time, since the inventory links a randomised MAC
 * to the device it really is (same DHCP client id) when the DHCP request
 * arrives, which may be a few packets after the MAC first appears. A
 * device linked to another is not new. Each device is judged once; one
 * that already has an alert (from an earlier run) is left as it is.
 *
 * Not done yet: a "known devices" list ("mark as known") to silence a
 * device for good; acknowledging the alert keeps it quiet meanwhile.
 */

#define G_LOG_DOMAIN "YmDetect"

#include "config.h"

#include "ym-detector.h"

#define TYPE "new_device_joined"

/* how long after the first packet every new device is the household's:
 * long enough for the home's devices to wake up and talk on a first start */
#define LEARNING_USEC (G_GINT64_CONSTANT(10) * 60 * G_USEC_PER_SEC)
/* how long a new device has to get linked to an earlier one */
#define SETTLE_USEC (G_GINT64_CONSTANT(30) * G_USEC_PER_SEC)

/* a silence longer than this in the capture (a merged capture, a monitor
 * that was off) counts only this much towards the learning period */
#define GAP_USEC (G_GINT64_CONSTANT(60) * G_USEC_PER_SEC)

typedef struct {
	gint64 watched;      /* capture time watched so far, gaps capped */
	gint64 last_ts;      /* the newest packet, 0 before the first */
	gint64 learned_at;   /* capture time the learning ended, 0 before */
	GHashTable *decided; /* mac_string -> itself, owned */
} NewdevState;

static gpointer
newdev_create(YmDetectContext *ctx, GError **error)
{
	NewdevState *state = g_new0(NewdevState, 1);
	GPtrArray *devices = ym_inventory_get_devices(ctx->inventory);
	GPtrArray *alerts = ym_alerts_get_all(ctx->alerts);

	state->decided = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	gint64 earliest = 0, latest = 0;

	/* what earlier runs watched, approximately: from the first device to
	 * the last sighting of any (gaps between runs are not subtracted) */
	for (guint i = 0; i < devices->len; i++) {
		const YmDevice *device = g_ptr_array_index(devices, i);
		if (device->first_seen > 0 && (earliest == 0 || device->first_seen < earliest))
			earliest = device->first_seen;
		latest = MAX(latest, device->last_seen);
	}
	if (earliest > 0 && latest > earliest) {
		state->watched = latest - earliest;
		state->last_ts = latest;
		if (state->watched >= LEARNING_USEC)
			state->learned_at = earliest + LEARNING_USEC;
	}
	for (guint i = 0; i < alerts->len; i++) {
		const YmAlert *alert = g_ptr_array_index(alerts, i);
		if (g_strcmp0(alert->type, TYPE) == 0)
			g_hash_table_add(state->decided, g_strdup(alert->mac));
	}
	return state;
}

static void
newdev_destroy(gpointer data)
{
	NewdevState *state = data;
	g_hash_table_unref(state->decided);
	g_free(state);
}

/* capture time actually watched, counted at each tick rather than on the
 * packet path; a silence adds at most GAP_USEC */
static void
newdev_watch(NewdevState *state, gint64 now)
{
	if (state->last_ts > 0 && now > state->last_ts)
		state->watched += MIN(now - state->last_ts, GAP_USEC);
	if (now > state->last_ts)
		state->last_ts = now;
	if (state->learned_at == 0 && state->watched >= LEARNING_USEC)
		state->learned_at = state->last_ts;
}

static void
raise_new(YmDetectContext *ctx, const YmDevice *device)
{
	JsonObject *evidence = json_object_new();
	const gchar *hostname = NULL;

	for (guint i = 0; device->names != NULL && i < device->names->len; i++) {
		const YmDeviceName *name = &g_array_index(device->names, YmDeviceName, i);
		if (name->name != NULL) {
			hostname = name->name;
			break;
		}
	}
	json_object_set_string_member(evidence, "mac", device->mac_string);
	if (device->vendor != NULL)
		json_object_set_string_member(evidence, "vendor", device->vendor);
	if (hostname != NULL)
		json_object_set_string_member(evidence, "hostname", hostname);
	if (device->kind != NULL)
		json_object_set_string_member(evidence, "kind", device->kind);
	json_object_set_int_member(evidence, "first_seen", device->first_seen);
	json_object_set_boolean_member(evidence, "randomized_mac", device->locally_administered);
	ym_alerts_raise(ctx->alerts, TYPE, device, "", device->first_seen, YM_SEVERITY_CAUTION,
	                evidence);
}

static void
newdev_tick(gpointer data, YmDetectContext *ctx, gint64 now)
{
	NewdevState *state = data;
	GPtrArray *devices;

	newdev_watch(state, now);
	if (state->learned_at == 0)
		return;
	devices = ym_inventory_get_devices(ctx->inventory);
	for (guint i = 0; i < devices->len; i++) {
		const YmDevice *device = g_ptr_array_index(devices, i);
		if (device->first_seen <= 0 || now - device->first_seen < SETTLE_USEC ||
		    g_hash_table_contains(state->decided, device->mac_string))
			continue;
		g_hash_table_add(state->decided, g_strdup(device->mac_string));
		if (device->first_seen < state->learned_at || device->linked_to != NULL ||
		    device->known)
			continue;
		raise_new(ctx, device);
	}
}

const YmDetectorInfo ym_detector_newdev = {
    .name = "newdev",
    .create = newdev_create,
    .destroy = newdev_destroy,
    .tick = newdev_tick,
};
