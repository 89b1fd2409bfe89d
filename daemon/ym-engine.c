/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * the pipeline: capture -> decode -> flow -> inventory (-> detect) -> store.
 * Each stage is one call per packet; the store is written in batches, once a
 * second, never per packet.
 */

#define G_LOG_DOMAIN "YmEngine"

#include "config.h"

#include "ym-engine.h"

#include <glib-unix.h>

#include "ym-advisory-check.h"
#include "ym-capture-file.h"
#include "ym-decode.h"
#include "ym-error.h"
#include "ym-hello-assembler.h"
#include "ym-detector.h"
#include "ym-guidance.h"
#include "ym-upnp-fetcher.h"

#define YM_FLUSH_INTERVAL_USEC G_USEC_PER_SEC
#define YM_DEFAULT_MAX_FLOWS   32768
#define YM_DISPATCH_BATCH      4096
/* live: how often devices are matched against the advisories again */
#define YM_ADVISORY_CHECK_USEC (G_GINT64_CONSTANT(600) * G_USEC_PER_SEC)

typedef struct {
	YmFlow flow;
	YmFlowEndReason reason;
} YmEndedFlow;

struct _YmEngine {
	GObject parent_instance;
	/* owned */
	gchar *state_dir;
	gchar *oui_dir;
	gchar *signatures_dir;
	YmStore *store;
	YmOui *oui;
	YmFingerprints *fingerprints;
	YmInventory *inventory;
	YmFlowTable *flows;
	YmHelloAssembler *hellos;
	YmAlerts *alerts;
	YmGuidance *guidance;
	GPtrArray *detector_states; /* parallel to ym_detectors[] */
	YmAdvisoryCheck *advisories;
	YmDetectContext context;
	gchar *guidance_dir;
	gint64 last_tick; /* capture second of the last detector tick */
	gboolean detection;
	YmPacket *packet;
	GArray *ended_flows; /* of YmEndedFlow, waiting for the next flush */
	GPtrArray *warnings;
	YmCaptureSource *live_source;
	guint live_watch_id;
	guint flush_timeout_id;
	YmUpnpFetcher *upnp_fetcher; /* live only: device descriptions */
	/* state */
	guint max_flows;
	YmRunStats stats;
	gint64 last_flush;
	gint64 last_advisory_check; /* monotonic, live only */
	gint64 newest_ts;
	gboolean live;
};

G_DEFINE_TYPE(YmEngine, ym_engine, G_TYPE_OBJECT)

static void
on_flow_end(const YmFlow *flow, YmFlowEndReason reason, gpointer user_data)
{
	YmEngine *self = user_data;
	YmEndedFlow ended = {.flow = *flow, .reason = reason};
	g_array_append_val(self->ended_flows, ended);
	for (guint i = 0; self->detector_states != NULL && i < self->detector_states->len; i++) {
		if (ym_detectors[i]->flow_end != NULL)
			ym_detectors[i]->flow_end(g_ptr_array_index(self->detector_states, i),
			                          &self->context, flow);
	}
}

static const gchar *
app_to_string(guint8 app)
{
	switch (app) {
	case YM_APP_DHCP:
		return "dhcp";
	case YM_APP_DHCPV6:
		return "dhcpv6";
	case YM_APP_DNS:
		return "dns";
	case YM_APP_NETBIOS_NS:
		return "netbios-ns";
	case YM_APP_SSDP:
		return "ssdp";
	case YM_APP_HTTP:
		return "http";
	case YM_APP_TLS:
		return "tls";
	case YM_APP_UBNT:
		return "ubnt";
	case YM_APP_NONE:
	default:
		return NULL;
	}
}

static gboolean
save_ended_flows(YmEngine *self, GError **error)
{
	for (guint i = 0; i < self->ended_flows->len; i++) {
		YmEndedFlow *ended = &g_array_index(self->ended_flows, YmEndedFlow, i);
		const YmFlow *flow = &ended->flow;
		YmDevice *device = ym_inventory_lookup_mac(self->inventory, flow->mac[0]);
		gchar src[64], dst[64];
		gpointer stmt;
		if (device == NULL || device->store_id == 0)
			device = ym_inventory_lookup_mac(self->inventory, flow->mac[1]);
		stmt = ym_store_get_statement(self->store, YM_STORE_STMT_INSERT_FLOW, error);
		if (stmt == NULL)
			return FALSE;
		if (device != NULL && device->store_id > 0)
			ym_store_bind_int64(stmt, 1, device->store_id);
		else
			ym_store_bind_null(stmt, 1);
		ym_store_bind_int64(stmt, 2, flow->proto);
		ym_store_bind_text(stmt, 3, ym_ip_addr_to_string(&flow->addr[0], src, sizeof(src)));
		ym_store_bind_int64(stmt, 4, flow->port[0]);
		ym_store_bind_text(stmt, 5, ym_ip_addr_to_string(&flow->addr[1], dst, sizeof(dst)));
		ym_store_bind_int64(stmt, 6, flow->port[1]);
		ym_store_bind_int64(stmt, 7, flow->first_seen);
		ym_store_bind_int64(stmt, 8, flow->last_seen);
		ym_store_bind_int64(stmt, 9, (gint64) flow->packets[0]);
		ym_store_bind_int64(stmt, 10, (gint64) flow->packets[1]);
		ym_store_bind_int64(stmt, 11, (gint64) flow->bytes[0]);
		ym_store_bind_int64(stmt, 12, (gint64) flow->bytes[1]);
		ym_store_bind_text(stmt, 13, ym_tcp_state_to_string(flow->tcp_state));
		ym_store_bind_text(stmt, 14, app_to_string(flow->app));
		ym_store_bind_text(stmt, 15,
		                   ended->reason == YM_FLOW_END_TIMEOUT   ? "timeout"
		                   : ended->reason == YM_FLOW_END_EVICTED ? "evicted"
		                                                          : "flush");
		if (!ym_store_step(self->store, stmt, error))
			return FALSE;
	}
	g_array_set_size(self->ended_flows, 0);
	return TRUE;
}

/* writes what is pending into the open transaction */
static gboolean
write_pending(YmEngine *self, GError **error)
{
	if (!ym_inventory_save(self->inventory, self->store, error))
		return FALSE;
	ym_alerts_update_severities(self->alerts, self->inventory);
	if (!ym_alerts_save(self->alerts, self->store, error))
		return FALSE;
	if (!save_ended_flows(self, error))
		return FALSE;
	self->last_flush = g_get_monotonic_time();
	return TRUE;
}

/* once per second of capture time: detectors' windows, alert quiet periods */
static void
run_ticks(YmEngine *self, gint64 now)
{
	self->last_tick = now / G_USEC_PER_SEC;
	/* detectors ask what a device is: decide it as evidence arrives, not
	 * only when the inventory is saved (offline, that is at the end) */
	ym_inventory_classify(self->inventory);
	for (guint i = 0; i < self->detector_states->len; i++) {
		if (ym_detectors[i]->tick != NULL)
			ym_detectors[i]->tick(g_ptr_array_index(self->detector_states, i),
			                      &self->context, now);
	}
	ym_alerts_tick(self->alerts, now);
}

/* which devices in the home the stored advisories concern */
static void
check_advisories(YmEngine *self, gint64 ts)
{
	g_autoptr(GError) error = NULL;
	if (self->advisories == NULL)
		return;
	ym_inventory_classify(self->inventory);
	if (ym_advisory_check_run(self->advisories, self->store, self->inventory, self->alerts, ts,
	                          &error) < 0)
		g_warning("matching devices against advisories: %s", error->message);
}

static void
on_frame(const YmFrame *frame, gpointer user_data)
{
	YmEngine *self = user_data;
	YmPacket *packet = self->packet;
	YmRunStats *stats = &self->stats;
	YmFlow *flow;
	guint direction = 0;

	ym_decode_frame(packet, frame->linktype, frame->data, frame->caplen, frame->wirelen);
	packet->number = frame->number;
	packet->ts_usec = frame->ts_usec;

	stats->packets++;
	stats->bytes += frame->wirelen;
	if (stats->first_packet == 0 || frame->ts_usec < stats->first_packet)
		stats->first_packet = frame->ts_usec;
	if (frame->ts_usec > stats->last_packet)
		stats->last_packet = frame->ts_usec;

	flow = ym_flow_table_update(self->flows, packet, &direction);
	ym_hello_assembler_process(self->hellos, packet);
	for (guint i = 0; i < packet->n_events; i++) {
		stats->decode_events++;
		stats->events[packet->events[i]]++;
	}
	ym_inventory_observe(self->inventory, packet);
	for (guint i = 0; i < self->detector_states->len; i++) {
		if (ym_detectors[i]->packet != NULL)
			ym_detectors[i]->packet(g_ptr_array_index(self->detector_states, i),
			                        &self->context, packet, flow, direction);
	}

	/* capture time drives flow expiry; merged captures jump back in time */
	if (frame->ts_usec > self->newest_ts)
		self->newest_ts = frame->ts_usec;
	if ((stats->packets & 255) == 0)
		ym_flow_table_expire(self->flows, self->newest_ts);
	if (self->newest_ts / G_USEC_PER_SEC != self->last_tick)
		run_ticks(self, self->newest_ts);
}

static gboolean
ensure_store(YmEngine *self, GError **error)
{
	if (self->store != NULL)
		return TRUE;
	self->store = ym_store_new(self->state_dir);
	if (!ym_store_ensure_schema(self->store, error)) {
		g_clear_object(&self->store);
		return FALSE;
	}
	return TRUE;
}

/* the guidance catalogue gives each alert type its default severity */
static gboolean
setup_detection(YmEngine *self, GError **error)
{
	g_autoptr(GPtrArray) ids = NULL;

	self->guidance = ym_guidance_new();
	if (!ym_guidance_load_dir(self->guidance, self->guidance_dir, error))
		return FALSE;
	self->alerts = ym_alerts_new();
	ids = ym_guidance_get_ids(self->guidance);
	for (guint i = 0; i < ids->len; i++) {
		const YmGuidanceTopic *topic =
		    ym_guidance_lookup(self->guidance, g_ptr_array_index(ids, i));
		ym_alerts_set_default_severity(
		    self->alerts, g_ptr_array_index(ids, i),
		    ym_severity_from_string(ym_guidance_topic_get_severity(topic)));
	}
	if (!ym_alerts_load(self->alerts, self->store, error))
		return FALSE;
	self->context.inventory = self->inventory;
	self->context.alerts = self->alerts;
	self->context.signatures_dir = self->signatures_dir;
	self->detector_states = g_ptr_array_new();
	for (guint i = 0; self->detection && ym_detectors[i] != NULL; i++) {
		gpointer state = ym_detectors[i]->create(&self->context, error);
		if (state == NULL) {
			g_prefix_error(error, "starting the %s detector: ", ym_detectors[i]->name);
			return FALSE;
		}
		g_ptr_array_add(self->detector_states, state);
	}
	if (self->detection) {
		self->advisories = ym_advisory_check_new();
		if (!ym_advisory_check_reload(self->advisories, self->signatures_dir, error))
			return FALSE;
	}
	return TRUE;
}

gboolean
ym_engine_setup(YmEngine *self, GError **error)
{
	g_return_val_if_fail(YM_IS_ENGINE(self), FALSE);

	self->oui = ym_oui_new(self->oui_dir != NULL ? self->oui_dir : YM_OUI_DIR, error);
	if (self->oui == NULL)
		return FALSE;
	self->fingerprints = ym_fingerprints_new();
	if (!ym_engine_reload(self, error))
		return FALSE;
	if (!ensure_store(self, error))
		return FALSE;
	self->inventory = ym_inventory_new(self->oui, self->fingerprints);
	if (!ym_inventory_load(self->inventory, self->store, error))
		return FALSE;
	if (!setup_detection(self, error))
		return FALSE;
	self->flows = ym_flow_table_new(self->max_flows, on_flow_end, self);
	self->hellos = ym_hello_assembler_new(16);
	return TRUE;
}

static gboolean
save_run(YmEngine *self, const gchar *source, GError **error)
{
	gpointer stmt = ym_store_get_statement(self->store, YM_STORE_STMT_INSERT_RUN, error);
	if (stmt == NULL)
		return FALSE;
	ym_store_bind_text(stmt, 1, source);
	ym_store_bind_int64(stmt, 2, self->stats.started);
	ym_store_bind_int64(stmt, 3, self->stats.finished);
	ym_store_bind_int64(stmt, 4, (gint64) self->stats.packets);
	ym_store_bind_int64(stmt, 5, (gint64) self->stats.bytes);
	ym_store_bind_int64(stmt, 6, (gint64) self->stats.decode_events);
	ym_store_bind_int64(stmt, 7, (gint64) self->stats.flows);
	if (self->stats.packets > 0) {
		ym_store_bind_int64(stmt, 8, self->stats.first_packet);
		ym_store_bind_int64(stmt, 9, self->stats.last_packet);
	}
	return ym_store_step(self->store, stmt, error);
}

static gboolean
analyse_source(YmEngine *self, YmCaptureSource *source, GError **error)
{
	for (;;) {
		gint n =
		    ym_capture_source_dispatch(source, YM_DISPATCH_BATCH, on_frame, self, error);
		if (n < 0)
			return FALSE;
		if (n == 0 && ym_capture_source_is_finished(source))
			return TRUE;
		if (n == 0)
			return TRUE;
		if (g_get_monotonic_time() - self->last_flush >= YM_FLUSH_INTERVAL_USEC) {
			if (!write_pending(self, error))
				return FALSE;
		}
	}
}

gboolean
ym_engine_analyse_files(YmEngine *self, const gchar *const *paths, GError **error)
{
	g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func(g_object_unref);
	g_autoptr(GString) names = g_string_new(NULL);

	g_return_val_if_fail(YM_IS_ENGINE(self), FALSE);
	g_return_val_if_fail(self->store != NULL, FALSE);

	/* open every file first: a missing or bad one changes nothing */
	for (guint i = 0; paths[i] != NULL; i++) {
		YmCaptureFile *file = ym_capture_file_new(paths[i], error);
		if (file == NULL)
			return FALSE;
		g_ptr_array_add(sources, file);
		if (names->len > 0)
			g_string_append_c(names, ' ');
		g_string_append(names, paths[i]);
	}

	self->stats.started = g_get_real_time();
	self->stats.n_sources = sources->len;
	if (!ym_store_begin(self->store, error))
		return FALSE;
	for (guint i = 0; i < sources->len; i++) {
		YmCaptureFile *file = g_ptr_array_index(sources, i);
		if (!analyse_source(self, YM_CAPTURE_SOURCE(file), error)) {
			ym_store_rollback(self->store);
			return FALSE;
		}
		if (ym_capture_file_get_warning(file) != NULL)
			g_ptr_array_add(self->warnings,
			                g_strdup(ym_capture_file_get_warning(file)));
	}
	ym_flow_table_flush(self->flows);
	/* a last tick, so detectors report what grew since the previous one */
	if (self->stats.packets > 0)
		run_ticks(self, self->newest_ts);
	check_advisories(self, self->newest_ts);
	self->stats.flows = ym_flow_table_get_total(self->flows);
	self->stats.flows_evicted = ym_flow_table_get_evicted(self->flows);
	self->stats.finished = g_get_real_time();
	if (!write_pending(self, error) || !save_run(self, names->str, error) ||
	    !ym_store_commit(self->store, error)) {
		ym_store_rollback(self->store);
		g_prefix_error(error, "saving the analysis: ");
		return FALSE;
	}
	return TRUE;
}

GPtrArray *
ym_engine_get_warnings(YmEngine *self)
{
	g_return_val_if_fail(YM_IS_ENGINE(self), NULL);
	return self->warnings;
}

gboolean
ym_engine_flush(YmEngine *self, GError **error)
{
	g_return_val_if_fail(YM_IS_ENGINE(self), FALSE);
	if (self->live)
		ym_flow_table_expire(self->flows, g_get_real_time());
	if (!ym_store_begin(self->store, error))
		return FALSE;
	if (!write_pending(self, error) || !ym_store_commit(self->store, error)) {
		ym_store_rollback(self->store);
		return FALSE;
	}
	return TRUE;
}

static gboolean
on_live_readable(gint fd, GIOCondition condition, gpointer user_data)
{
	YmEngine *self = user_data;
	g_autoptr(GError) error = NULL;
	gint n = ym_capture_source_dispatch(self->live_source, YM_DISPATCH_BATCH, on_frame, self,
	                                    &error);
	if (n < 0) {
		g_warning("%s", error->message);
		self->live_watch_id = 0;
		return G_SOURCE_REMOVE;
	}
	return G_SOURCE_CONTINUE;
}

static gboolean
on_flush_timeout(gpointer user_data)
{
	YmEngine *self = user_data;
	g_autoptr(GError) error = NULL;
	gint64 now = g_get_monotonic_time();
	if (self->last_advisory_check == 0 ||
	    now - self->last_advisory_check >= YM_ADVISORY_CHECK_USEC) {
		self->last_advisory_check = now;
		check_advisories(self, g_get_real_time());
	}
	if (!ym_engine_flush(self, &error))
		g_warning("saving observations failed: %s", error->message);
	return G_SOURCE_CONTINUE;
}

gboolean
ym_engine_start_live(YmEngine *self, YmCaptureSource *source, gint fd, GError **error)
{
	g_return_val_if_fail(YM_IS_ENGINE(self), FALSE);
	g_return_val_if_fail(self->live_source == NULL, FALSE);
	if (fd < 0) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_NOT_SUPPORTED,
		                    "the capture cannot be polled");
		return FALSE;
	}
	self->live = TRUE;
	self->live_source = g_object_ref(source);
	self->stats.started = g_get_real_time();
	self->stats.n_sources = 1;
	self->upnp_fetcher =
	    ym_upnp_fetcher_new(self->inventory, ym_capture_source_get_name(source));
	self->live_watch_id =
	    g_unix_fd_add(fd, G_IO_IN | G_IO_ERR | G_IO_HUP, on_live_readable, self);
	self->flush_timeout_id =
	    g_timeout_add(YM_FLUSH_INTERVAL_USEC / 1000, on_flush_timeout, self);
	return TRUE;
}

gboolean
ym_engine_stop_live(YmEngine *self, GError **error)
{
	g_return_val_if_fail(YM_IS_ENGINE(self), FALSE);
	g_clear_handle_id(&self->live_watch_id, g_source_remove);
	g_clear_handle_id(&self->flush_timeout_id, g_source_remove);
	/* before the drain, so that it starts no fetch; results so far are kept */
	if (self->upnp_fetcher != NULL)
		ym_upnp_fetcher_stop(self->upnp_fetcher);
	g_clear_object(&self->upnp_fetcher);
	if (self->live_source == NULL)
		return TRUE;
	/* drain what the kernel already holds */
	ym_capture_source_dispatch(self->live_source, G_MAXINT, on_frame, self, NULL);
	ym_flow_table_flush(self->flows);
	self->stats.flows = ym_flow_table_get_total(self->flows);
	self->stats.flows_evicted = ym_flow_table_get_evicted(self->flows);
	self->stats.finished = g_get_real_time();
	if (!ym_store_begin(self->store, error))
		return FALSE;
	if (!write_pending(self, error) ||
	    !save_run(self, ym_capture_source_get_name(self->live_source), error) ||
	    !ym_store_commit(self->store, error)) {
		ym_store_rollback(self->store);
		return FALSE;
	}
	g_clear_object(&self->live_source);
	self->live = FALSE;
	return TRUE;
}

gboolean
ym_engine_reload(YmEngine *self, GError **error)
{
	g_autofree gchar *dir = NULL;
	g_return_val_if_fail(YM_IS_ENGINE(self), FALSE);
	dir = g_build_filename(self->signatures_dir, "fingerprints", NULL);
	if (!ym_fingerprints_load_dir(self->fingerprints, dir, error))
		return FALSE;
	for (guint i = 0; self->detector_states != NULL && i < self->detector_states->len; i++) {
		if (ym_detectors[i]->reload != NULL &&
		    !ym_detectors[i]->reload(g_ptr_array_index(self->detector_states, i),
		                             &self->context, error)) {
			g_prefix_error(error, "reloading the %s detector: ", ym_detectors[i]->name);
			return FALSE;
		}
	}
	if (self->advisories != NULL &&
	    !ym_advisory_check_reload(self->advisories, self->signatures_dir, error))
		return FALSE;
	return TRUE;
}

void
ym_engine_check_advisories(YmEngine *self)
{
	g_return_if_fail(YM_IS_ENGINE(self));
	/* at the next flush, which also saves what it raised */
	self->last_advisory_check = 0;
}

void
ym_engine_set_state_dir(YmEngine *self, const gchar *state_dir)
{
	g_return_if_fail(YM_IS_ENGINE(self));
	g_free(self->state_dir);
	self->state_dir = g_strdup(state_dir);
}

void
ym_engine_set_oui_dir(YmEngine *self, const gchar *oui_dir)
{
	g_return_if_fail(YM_IS_ENGINE(self));
	g_free(self->oui_dir);
	self->oui_dir = g_strdup(oui_dir);
}

void
ym_engine_set_signatures_dir(YmEngine *self, const gchar *signatures_dir)
{
	g_return_if_fail(YM_IS_ENGINE(self));
	g_free(self->signatures_dir);
	self->signatures_dir = g_strdup(signatures_dir);
	/* detectors borrow it: never leave them the freed string */
	if (self->context.signatures_dir != NULL)
		self->context.signatures_dir = self->signatures_dir;
}

const gchar *
ym_engine_get_signatures_dir(YmEngine *self)
{
	g_return_val_if_fail(YM_IS_ENGINE(self), NULL);
	return self->signatures_dir;
}

void
ym_engine_set_detection(YmEngine *self, gboolean detection)
{
	g_return_if_fail(YM_IS_ENGINE(self));
	self->detection = detection;
}

void
ym_engine_set_guidance_dir(YmEngine *self, const gchar *guidance_dir)
{
	g_return_if_fail(YM_IS_ENGINE(self));
	g_free(self->guidance_dir);
	self->guidance_dir = g_strdup(guidance_dir);
}

YmAlerts *
ym_engine_get_alerts(YmEngine *self)
{
	g_return_val_if_fail(YM_IS_ENGINE(self), NULL);
	return self->alerts;
}

YmGuidance *
ym_engine_get_guidance(YmEngine *self)
{
	g_return_val_if_fail(YM_IS_ENGINE(self), NULL);
	return self->guidance;
}

void
ym_engine_set_max_flows(YmEngine *self, guint max_flows)
{
	g_return_if_fail(YM_IS_ENGINE(self));
	g_return_if_fail(max_flows > 0);
	self->max_flows = max_flows;
}

YmStore *
ym_engine_get_store(YmEngine *self)
{
	g_return_val_if_fail(YM_IS_ENGINE(self), NULL);
	return self->store;
}

YmInventory *
ym_engine_get_inventory(YmEngine *self)
{
	g_return_val_if_fail(YM_IS_ENGINE(self), NULL);
	return self->inventory;
}

const YmRunStats *
ym_engine_get_stats(YmEngine *self)
{
	g_return_val_if_fail(YM_IS_ENGINE(self), NULL);
	return &self->stats;
}

YmEngine *
ym_engine_new(void)
{
	return g_object_new(YM_TYPE_ENGINE, NULL);
}

static void
ym_engine_dispose(GObject *object)
{
	YmEngine *self = YM_ENGINE(object);
	g_clear_handle_id(&self->live_watch_id, g_source_remove);
	g_clear_handle_id(&self->flush_timeout_id, g_source_remove);
	if (self->upnp_fetcher != NULL)
		ym_upnp_fetcher_stop(self->upnp_fetcher);
	g_clear_object(&self->upnp_fetcher);
	g_clear_object(&self->live_source);
	g_clear_object(&self->flows);
	g_clear_object(&self->hellos);
	if (self->detector_states != NULL) {
		for (guint i = 0; i < self->detector_states->len; i++) {
			if (ym_detectors[i]->destroy != NULL)
				ym_detectors[i]->destroy(
				    g_ptr_array_index(self->detector_states, i));
		}
		g_clear_pointer(&self->detector_states, g_ptr_array_unref);
	}
	g_clear_object(&self->advisories);
	g_clear_object(&self->alerts);
	g_clear_object(&self->guidance);
	g_clear_object(&self->inventory);
	g_clear_object(&self->fingerprints);
	g_clear_object(&self->oui);
	g_clear_object(&self->store);
	G_OBJECT_CLASS(ym_engine_parent_class)->dispose(object);
}

static void
ym_engine_finalize(GObject *object)
{
	YmEngine *self = YM_ENGINE(object);
	g_free(self->state_dir);
	g_free(self->oui_dir);
	g_free(self->signatures_dir);
	g_free(self->guidance_dir);
	g_free(self->packet);
	g_array_unref(self->ended_flows);
	g_ptr_array_unref(self->warnings);
	G_OBJECT_CLASS(ym_engine_parent_class)->finalize(object);
}

static void
ym_engine_class_init(YmEngineClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->dispose = ym_engine_dispose;
	object_class->finalize = ym_engine_finalize;
}

static void
ym_engine_init(YmEngine *self)
{
	self->max_flows = YM_DEFAULT_MAX_FLOWS;
	self->detection = TRUE;
	self->signatures_dir = g_strdup(YM_SIGNATURES_DIR);
	/* installed data, or the source tree's when run from the build tree */
	self->guidance_dir =
	    g_strdup(g_file_test(YM_GUIDANCE_DIR, G_FILE_TEST_IS_DIR) ? YM_GUIDANCE_DIR
	                                                              : YM_SOURCE_GUIDANCE_DIR);
	self->packet = g_new0(YmPacket, 1);
	self->ended_flows = g_array_new(FALSE, FALSE, sizeof(YmEndedFlow));
	self->warnings = g_ptr_array_new_with_free_func(g_free);
	self->last_flush = g_get_monotonic_time();
}
