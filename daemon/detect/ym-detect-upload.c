/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * unusual_night_upload: a home device that sends far more to the internet
 * during the night (00:00-05:00 local) than a floor (10 MiB in one hour)
 * and than ten times its own daytime hourly average, once it has one.
 *
 * Counted from ended flows (the engine ends every open flow when a capture
 * ends or the daemon stops; a long live flow counts when it ends): the
 * bytes a home device sent to a public address, spread evenly over the
 * hours the flow lasted. Hours are local time in a fixed zone, JST
 * (+09:00), until the time zone becomes a setting.
 *
 * Memory is bounded: a fixed table of devices, each with 24 hourly
 * buckets and a few top destinations per bucket; the daytime baseline is
 * a running sum of the buckets that age out.
 */

#define G_LOG_DOMAIN "YmDetect"

#include "config.h"

#include <string.h>

#include "ym-detect-upload-private.h"

#define HOUR_USEC    (G_GINT64_CONSTANT(3600) * G_USEC_PER_SEC)
#define BUCKETS      24
#define DESTINATIONS 8

typedef struct {
	YmIpAddr addr;
	guint16 port;
	guint64 bytes;
} Destination;

typedef struct {
	gint64 hour; /* absolute UTC hour number; 0 when unused */
	guint64 bytes;
	gboolean alerted;
	Destination top[DESTINATIONS];
} Bucket;

typedef struct {
	gboolean used;
	guint8 mac[6];
	guint64 day_bytes; /* baseline: daytime hours aged out of the buckets */
	guint day_hours;
	Bucket buckets[BUCKETS];
} Device;

typedef struct {
	Device devices[YM_UPLOAD_MAX_DEVICES];
	guint64 dropped; /* devices not tracked because the table was full */
} Upload;

static guint
local_hour(gint64 hour)
{
	gint64 h = hour + YM_UPLOAD_UTC_OFFSET_SECONDS / 3600;
	return (guint) (((h % 24) + 24) % 24);
}

static gboolean
is_night(gint local)
{
	return local >= YM_UPLOAD_NIGHT_START && local < YM_UPLOAD_NIGHT_END;
}

static gpointer
upload_create(YmDetectContext *ctx, GError **error)
{
	return g_new0(Upload, 1);
}

static void
upload_destroy(gpointer state)
{
	g_free(state);
}

static Device *
device_slot(Upload *self, const guint8 *mac)
{
	Device *free_slot = NULL;
	for (guint i = 0; i < YM_UPLOAD_MAX_DEVICES; i++) {
		Device *d = &self->devices[i];
		if (!d->used) {
			if (free_slot == NULL)
				free_slot = d;
		} else if (memcmp(d->mac, mac, 6) == 0) {
			return d;
		}
	}
	if (free_slot == NULL) {
		self->dropped++;
		return NULL;
	}
	memset(free_slot, 0, sizeof(*free_slot));
	free_slot->used = TRUE;
	memcpy(free_slot->mac, mac, 6);
	return free_slot;
}

/* the daytime hourly average before absolute @now (aged-out hours and
 * the daytime buckets still held), or 0 when too few hours were seen */
static guint64
baseline_of(const Device *d, gint64 now)
{
	guint64 bytes = d->day_bytes;
	guint hours = d->day_hours;
	for (guint i = 0; i < BUCKETS; i++) {
		const Bucket *b = &d->buckets[i];
		if (b->hour != 0 && b->hour < now && b->bytes > 0 &&
		    !is_night((gint) local_hour(b->hour))) {
			bytes += b->bytes;
			hours++;
		}
	}
	if (hours < YM_UPLOAD_MIN_BASELINE)
		return 0;
	return bytes / hours;
}

/* the bucket for absolute @hour, aging out what it held; NULL if too old */
static Bucket *
bucket_for(Device *d, gint64 hour)
{
	Bucket *b = &d->buckets[hour % BUCKETS];
	if (b->hour == hour)
		return b;
	if (b->hour > hour)
		return NULL; /* more than a day older than what we hold */
	if (b->hour != 0 && b->bytes > 0 && !is_night((gint) local_hour(b->hour))) {
		d->day_bytes += b->bytes;
		d->day_hours++;
	}
	memset(b, 0, sizeof(*b));
	b->hour = hour;
	return b;
}

/* space-saving top-k: an unseen destination replaces the smallest */
static void
add_destination(Bucket *b, const YmIpAddr *addr, guint16 port, guint64 bytes)
{
	Destination *smallest = &b->top[0];
	for (guint i = 0; i < DESTINATIONS; i++) {
		Destination *t = &b->top[i];
		if (t->bytes > 0 && t->port == port && ym_ip_addr_equal(&t->addr, addr)) {
			t->bytes += bytes;
			return;
		}
		if (t->bytes < smallest->bytes)
			smallest = t;
	}
	smallest->addr = *addr;
	smallest->port = port;
	smallest->bytes += bytes;
}

static void
raise_upload(YmDetectContext *ctx,
             const YmDevice *device,
             const Bucket *b,
             guint64 baseline,
             guint64 threshold,
             gint64 ts)
{
	const Destination *top = &b->top[0];
	JsonObject *evidence = json_object_new();
	gchar addr[64];
	guint local = local_hour(b->hour);
	g_autofree gchar *window = g_strdup_printf("%02u:00–%02u:00", local, (local + 1) % 24);
	g_autofree gchar *amount = g_format_size_full(b->bytes, G_FORMAT_SIZE_IEC_UNITS);

	for (guint i = 1; i < DESTINATIONS; i++) {
		if (b->top[i].bytes > top->bytes)
			top = &b->top[i];
	}
	ym_ip_addr_to_string(&top->addr, addr, sizeof(addr));
	json_object_set_int_member(evidence, "bytes", (gint64) b->bytes);
	json_object_set_string_member(evidence, "amount", amount);
	json_object_set_string_member(evidence, "time_window", window);
	json_object_set_string_member(evidence, "utc_offset", "+09:00");
	json_object_set_int_member(evidence, "hour_start", b->hour * 3600);
	json_object_set_string_member(evidence, "destination", addr);
	json_object_set_int_member(evidence, "port", top->port);
	json_object_set_int_member(evidence, "destination_bytes", (gint64) top->bytes);
	json_object_set_int_member(evidence, "threshold", (gint64) threshold);
	if (baseline > 0) {
		json_object_set_int_member(evidence, "baseline_bytes", (gint64) baseline);
		json_object_set_double_member(evidence, "ratio", (gdouble) b->bytes / baseline);
	}
	ym_alerts_raise(ctx->alerts, "unusual_night_upload", device, addr, ts,
	                g_strcmp0(device->kind, "camera") == 0 ? YM_SEVERITY_WARNING
	                                                       : YM_SEVERITY_CAUTION,
	                evidence);
}

static void
account(Upload *self, YmDetectContext *ctx, const YmDevice *device, const YmFlow *flow, guint dir)
{
	gint64 first = flow->first_seen, last = flow->last_seen;
	gint64 duration, from, to;
	const YmIpAddr *dst = &flow->addr[1 - dir];
	guint16 port = flow->port[1 - dir];
	guint64 total = flow->bytes[dir];
	Device *d = device_slot(self, device->mac);

	if (d == NULL)
		return;
	if (last < first)
		last = first;
	duration = last - first;
	/* only the last day of a longer flow can still reach a bucket */
	from = MAX(first, last - BUCKETS * HOUR_USEC) / HOUR_USEC;
	to = last / HOUR_USEC;
	for (gint64 h = from; h <= to; h++) {
		gint64 start = MAX(first, h * HOUR_USEC);
		gint64 end = MIN(last, (h + 1) * HOUR_USEC);
		guint64 share, baseline, threshold;
		Bucket *b;

		if (duration == 0)
			share = total;
		else if (end <= start)
			continue;
		else
			share = (guint64) ((gdouble) total * (gdouble) (end - start) /
			                   (gdouble) duration);
		if (share == 0 || h <= 0)
			continue;
		b = bucket_for(d, h);
		if (b == NULL)
			continue;
		b->bytes += share;
		add_destination(b, dst, port, share);
		if (b->alerted || !is_night((gint) local_hour(h)))
			continue;
		baseline = baseline_of(d, h);
		threshold = MAX((guint64) YM_UPLOAD_FLOOR_BYTES, baseline * YM_UPLOAD_RATIO);
		if (b->bytes > threshold) {
			b->alerted = TRUE;
			raise_upload(ctx, device, b, baseline, threshold, MIN(last, end));
		}
	}
}

static void
upload_flow_end(gpointer state, YmDetectContext *ctx, const YmFlow *flow)
{
	Upload *self = state;
	for (guint dir = 0; dir < 2; dir++) {
		const YmDevice *device;
		if (flow->bytes[dir] == 0)
			continue;
		/* from the home (a local source) to the internet */
		if (ym_ip_addr_is_global(&flow->addr[dir]) ||
		    !ym_ip_addr_is_global(&flow->addr[1 - dir]))
			continue;
		device = ym_inventory_lookup_mac(ctx->inventory, flow->mac[dir]);
		if (device == NULL)
			continue;
		account(self, ctx, device, flow, dir);
	}
}

const YmDetectorInfo ym_detector_upload = {
    .name = "upload",
    .create = upload_create,
    .destroy = upload_destroy,
    .flow_end = upload_flow_end,
};
