/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * fetches the UPnP device description a home device announces in the
 * LOCATION of its SSDP packets, so that its manufacturer, model and
 * firmware can be matched against advisories. Live capture only: a capture
 * file may be analysed far from the home it was taken in.
 *
 * A LOCATION is fetched only when its host is a literal private or
 * link-local address, the very address the announcement came from, and one
 * the inventory binds to the announcing MAC; over plain HTTP (descriptions
 * are served that way inside the LAN), without proxy or redirects, with
 * short timeouts and a 64 KiB cap, at most once a day per device (a
 * description stored less than a day ago counts, so restarts do not
 * refetch) and at most four at a time. The checks run on the packet path
 * without allocating; the fetch and the parsing run in a worker thread and
 * the result is applied to the inventory on the main thread.
 */

#define G_LOG_DOMAIN "YmUpnpFetcher"

#include "config.h"

#include "ym-upnp-fetcher.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <gio/gio.h>
#include <libxml/parser.h>
#include <net/if.h>
#include <string.h>

#include "ym-error.h"
#include "ym-upnp-description.h"
#include "ym-upnp-fetcher-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CURL, curl_easy_cleanup)

typedef struct {
	guint64 mac;
	gint64 last_fetch; /* wall clock, usec */
} FetchRecord;

struct _YmUpnpFetcher {
	GObject parent_instance;
	/* owned */
	YmInventory *inventory;
	GCancellable *cancellable;
	GMainContext *context; /* where results are applied */
	GHashTable *records;   /* guint64 mac -> FetchRecord, one per device */
	/* state */
	YmUpnpFetchFunc fetch_func;
	guint scope_id;
	guint in_flight;
	guint applied;
	guint failed;
	gboolean stopped;
};

G_DEFINE_TYPE(YmUpnpFetcher, ym_upnp_fetcher, G_TYPE_OBJECT)

typedef struct {
	YmUpnpTarget target;
	YmUpnpFetchFunc fetch_func;
} FetchJob;

const gchar *
ym_upnp_fetch_verdict_to_string(YmUpnpFetchVerdict verdict)
{
	switch (verdict) {
	case YM_UPNP_FETCH_STARTED:
		return "started";
	case YM_UPNP_FETCH_STOPPED:
		return "stopped";
	case YM_UPNP_FETCH_RECENT:
		return "fetched-recently";
	case YM_UPNP_FETCH_BUSY:
		return "busy";
	case YM_UPNP_FETCH_NOT_HTTP:
		return "not-http";
	case YM_UPNP_FETCH_NOT_LITERAL:
		return "not-an-address";
	case YM_UPNP_FETCH_NOT_PRIVATE:
		return "not-private";
	case YM_UPNP_FETCH_NOT_SENDER:
		return "not-the-sender";
	case YM_UPNP_FETCH_NOT_OWNED:
		return "not-owned";
	default:
		return "unknown";
	}
}

static guint64
mac_key(const guint8 *mac)
{
	return ((guint64) mac[0] << 40) | ((guint64) mac[1] << 32) | ((guint64) mac[2] << 24) |
	       ((guint64) mac[3] << 16) | ((guint64) mac[4] << 8) | mac[5];
}

/* ---- the URL rules ---- */

gboolean
_ym_upnp_address_is_home(const YmIpAddr *addr)
{
	const guint8 *b = addr->bytes;
	if (addr->family == 4) {
		return b[0] == 10 || (b[0] == 172 && (b[1] & 0xf0) == 16) ||
		       (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254);
	}
	if (addr->family == 6)
		return (b[0] & 0xfe) == 0xfc || (b[0] == 0xfe && (b[1] & 0xc0) == 0x80);
	return FALSE;
}

static gboolean
is_ipv6_link_local(const YmIpAddr *addr)
{
	return addr->family == 6 && addr->bytes[0] == 0xfe && (addr->bytes[1] & 0xc0) == 0x80;
}

/* "[v6]" or "v4", then ":port" or nothing; the zone of a v6 literal is
 * dropped: it names the device's interface, not ours */
static YmUpnpFetchVerdict
parse_authority(const gchar *start, const gchar *end, YmUpnpTarget *target)
{
	gchar host[64];
	const gchar *host_end;
	const gchar *p;
	guint port = 80;

	if (start == end || memchr(start, '@', (gsize) (end - start)) != NULL)
		return YM_UPNP_FETCH_NOT_HTTP;
	if (*start == '[') {
		const gchar *close = memchr(start, ']', (gsize) (end - start));
		const gchar *zone;
		if (close == NULL)
			return YM_UPNP_FETCH_NOT_HTTP;
		zone = memchr(start, '%', (gsize) (close - start));
		host_end = zone != NULL ? zone : close;
		if ((gsize) (host_end - start - 1) >= sizeof(host))
			return YM_UPNP_FETCH_NOT_HTTP;
		memcpy(host, start + 1, (gsize) (host_end - start - 1));
		host[host_end - start - 1] = '\0';
		if (inet_pton(AF_INET6, host, target->addr.bytes) != 1)
			return YM_UPNP_FETCH_NOT_HTTP;
		target->addr.family = 6;
		p = close + 1;
	} else {
		host_end = memchr(start, ':', (gsize) (end - start));
		if (host_end == NULL)
			host_end = end;
		if ((gsize) (host_end - start) >= sizeof(host))
			return YM_UPNP_FETCH_NOT_LITERAL;
		memcpy(host, start, (gsize) (host_end - start));
		host[host_end - start] = '\0';
		/* dotted decimal only: names, "0x0a.1" and "10.1" are refused */
		if (inet_pton(AF_INET, host, target->addr.bytes) != 1)
			return YM_UPNP_FETCH_NOT_LITERAL;
		target->addr.family = 4;
		p = host_end;
	}
	if (p < end) {
		if (*p != ':')
			return YM_UPNP_FETCH_NOT_HTTP;
		p++;
		if (p < end) {
			if (end - p > 5)
				return YM_UPNP_FETCH_NOT_HTTP;
			port = 0;
			for (; p < end; p++) {
				if (!g_ascii_isdigit(*p))
					return YM_UPNP_FETCH_NOT_HTTP;
				port = port * 10 + (guint) (*p - '0');
			}
			if (port == 0 || port > 65535)
				return YM_UPNP_FETCH_NOT_HTTP;
		}
	}
	target->port = (guint16) port;
	return YM_UPNP_FETCH_STARTED;
}

YmUpnpFetchVerdict
_ym_upnp_location_check(const gchar *location,
                        gsize length,
                        const YmIpAddr *source,
                        YmUpnpTarget *target)
{
	const gchar *end = location + length;
	const gchar *authority;
	const gchar *authority_end;
	const gchar *path_end;
	gchar host[INET6_ADDRSTRLEN];
	YmUpnpFetchVerdict verdict;
	gint n;

	memset(target, 0, sizeof(*target));
	if (location == NULL || length < 8 || length > YM_UPNP_LOCATION_MAX)
		return YM_UPNP_FETCH_NOT_HTTP;
	/* printable ASCII only: no spaces, controls or NULs for libcurl to read */
	for (gsize i = 0; i < length; i++) {
		if (location[i] <= 0x20 || location[i] >= 0x7f || location[i] == '\\')
			return YM_UPNP_FETCH_NOT_HTTP;
	}
	if (g_ascii_strncasecmp(location, "http://", 7) != 0)
		return YM_UPNP_FETCH_NOT_HTTP;
	authority = location + 7;
	authority_end = authority;
	while (authority_end < end && *authority_end != '/' && *authority_end != '?' &&
	       *authority_end != '#')
		authority_end++;
	verdict = parse_authority(authority, authority_end, target);
	if (verdict != YM_UPNP_FETCH_STARTED)
		return verdict;
	if (!_ym_upnp_address_is_home(&target->addr))
		return YM_UPNP_FETCH_NOT_PRIVATE;
	if (source == NULL || !ym_ip_addr_equal(source, &target->addr))
		return YM_UPNP_FETCH_NOT_SENDER;

	/* rebuilt from what we checked, the fragment dropped */
	path_end = memchr(authority_end, '#', (gsize) (end - authority_end));
	if (path_end == NULL)
		path_end = end;
	inet_ntop(target->addr.family == 4 ? AF_INET : AF_INET6, target->addr.bytes, host,
	          sizeof(host));
	n = g_snprintf(target->url, sizeof(target->url),
	               target->addr.family == 4 ? "http://%s:%u%s%.*s" : "http://[%s]:%u%s%.*s",
	               host, target->port, authority_end < end && *authority_end == '/' ? "" : "/",
	               (gint) (path_end - authority_end), authority_end);
	if (n < 0 || (gsize) n >= sizeof(target->url))
		return YM_UPNP_FETCH_NOT_HTTP;
	target->loggable = strcspn(target->url, "?");
	return YM_UPNP_FETCH_STARTED;
}

/* ---- the fetch, in a worker thread ---- */

typedef struct {
	GByteArray *buffer;
	GCancellable *cancellable;
	gboolean too_big;
} FetchState;

static size_t
on_curl_write(char *data, size_t size, size_t nmemb, void *user_data)
{
	FetchState *state = user_data;
	gsize length = size * nmemb;
	/* anything but length aborts the transfer */
	if (state->buffer->len + length > YM_UPNP_DESCRIPTION_MAX_SIZE) {
		state->too_big = TRUE;
		return 0;
	}
	g_byte_array_append(state->buffer, (const guint8 *) data, (guint) length);
	return length;
}

static int
on_curl_progress(void *user_data,
                 curl_off_t download_total,
                 curl_off_t download_now,
                 curl_off_t upload_total,
                 curl_off_t upload_now)
{
	FetchState *state = user_data;
	return g_cancellable_is_cancelled(state->cancellable) ? 1 : 0;
}

static CURLcode
setup_curl(CURL *curl, const YmUpnpTarget *target, FetchState *state, gchar *error_buffer)
{
	CURLcode rc;
#define SET(option, value)                                                                         \
	G_STMT_START                                                                               \
	{                                                                                          \
		if ((rc = curl_easy_setopt(curl, option, value)) != CURLE_OK)                      \
			return rc;                                                                 \
	}                                                                                          \
	G_STMT_END
	SET(CURLOPT_ERRORBUFFER, error_buffer);
	SET(CURLOPT_URL, target->url);
	SET(CURLOPT_PROTOCOLS_STR, "http");
	SET(CURLOPT_REDIR_PROTOCOLS_STR, "http");
	SET(CURLOPT_FOLLOWLOCATION, 0L);
	SET(CURLOPT_MAXREDIRS, 0L);
	/* the device is in the LAN: never through a proxy from the environment */
	SET(CURLOPT_PROXY, "");
	SET(CURLOPT_NOPROXY, "*");
	SET(CURLOPT_CONNECTTIMEOUT_MS, (long) YM_UPNP_FETCH_CONNECT_TIMEOUT);
	SET(CURLOPT_TIMEOUT_MS, (long) YM_UPNP_FETCH_TOTAL_TIMEOUT);
	SET(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t) YM_UPNP_DESCRIPTION_MAX_SIZE);
	SET(CURLOPT_NOSIGNAL, 1L);
	SET(CURLOPT_USERAGENT, "yamorid/" PACKAGE_VERSION " UPnP/2.0");
	SET(CURLOPT_HTTP_VERSION, (long) CURL_HTTP_VERSION_1_1);
	SET(CURLOPT_WRITEFUNCTION, on_curl_write);
	SET(CURLOPT_WRITEDATA, state);
	SET(CURLOPT_XFERINFOFUNCTION, on_curl_progress);
	SET(CURLOPT_XFERINFODATA, state);
	SET(CURLOPT_NOPROGRESS, 0L);
	if (is_ipv6_link_local(&target->addr) && target->scope_id != 0)
		SET(CURLOPT_ADDRESS_SCOPE, (long) target->scope_id);
#undef SET
	return CURLE_OK;
}

GBytes *
_ym_upnp_fetch_http(const YmUpnpTarget *target, GCancellable *cancellable, GError **error)
{
	g_autoptr(CURL) curl = curl_easy_init();
	g_autoptr(GByteArray) buffer = g_byte_array_new();
	FetchState state = {.buffer = buffer, .cancellable = cancellable};
	gchar error_buffer[CURL_ERROR_SIZE] = "";
	long status = 0;
	CURLcode rc;

	if (curl == NULL) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INTERNAL,
		                    "cannot create a libcurl handle");
		return NULL;
	}
	rc = setup_curl(curl, target, &state, error_buffer);
	if (rc != CURLE_OK) {
		g_set_error(error, YM_ERROR, YM_ERROR_INTERNAL, "setting up libcurl: %s",
		            curl_easy_strerror(rc));
		return NULL;
	}
	rc = curl_easy_perform(curl);
	if (state.too_big || rc == CURLE_FILESIZE_EXCEEDED) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "the description is larger than %u bytes",
		            (guint) YM_UPNP_DESCRIPTION_MAX_SIZE);
		return NULL;
	}
	if (rc != CURLE_OK) {
		g_set_error(error, YM_ERROR, YM_ERROR_READ, "%s%s%s", curl_easy_strerror(rc),
		            error_buffer[0] != '\0' ? ": " : "", error_buffer);
		return NULL;
	}
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
	if (status != 200) {
		g_set_error(error, YM_ERROR, YM_ERROR_READ, "HTTP status %ld", status);
		return NULL;
	}
	return g_byte_array_free_to_bytes(g_steal_pointer(&buffer));
}

static void
fetch_job_free(gpointer data)
{
	g_free(data);
}

static void
fetch_thread(GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
	FetchJob *job = task_data;
	g_autoptr(GBytes) bytes = NULL;
	YmUpnpDescription *description;
	GError *error = NULL;
	gsize length = 0;
	const gchar *data;

	bytes = job->fetch_func(&job->target, cancellable, &error);
	if (bytes == NULL) {
		g_task_return_error(task, error);
		return;
	}
	data = g_bytes_get_data(bytes, &length);
	description = ym_upnp_description_parse(data != NULL ? data : "", length, &error);
	if (description == NULL) {
		g_task_return_error(task, error);
		return;
	}
	g_task_return_pointer(task, description, (GDestroyNotify) ym_upnp_description_free);
}

/* ---- back on the main thread ---- */

static void
apply_description(YmUpnpFetcher *self, const guint8 *mac, const YmUpnpDescription *description)
{
	gint64 now = g_get_real_time();
	const struct {
		YmObservationKind kind;
		const gchar *value;
	} facts[] = {
	    {YM_OBS_UPNP_DEVICE_TYPE, description->device_type},
	    {YM_OBS_UPNP_FRIENDLY_NAME, description->friendly_name},
	    {YM_OBS_UPNP_MANUFACTURER, description->manufacturer},
	    {YM_OBS_UPNP_MODEL_NAME, description->model_name},
	    {YM_OBS_UPNP_MODEL_NUMBER, description->model_number},
	    {YM_OBS_UPNP_MODEL_DESCRIPTION, description->model_description},
	    {YM_OBS_UPNP_FIRMWARE, description->firmware},
	};
	for (guint i = 0; i < G_N_ELEMENTS(facts); i++) {
		if (facts[i].value != NULL)
			ym_inventory_add_observation(self->inventory, mac, facts[i].kind,
			                             facts[i].value, now);
	}
}

static void
on_fetch_done(GObject *source_object, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(YmUpnpFetcher) self = user_data;
	FetchJob *job = g_task_get_task_data(G_TASK(result));
	g_autoptr(YmUpnpDescription) description = NULL;
	g_autoptr(GError) error = NULL;
	gchar mac[18];

	ym_mac_to_string(job->target.mac, mac, sizeof(mac));
	self->in_flight--;
	description = g_task_propagate_pointer(G_TASK(result), &error);
	if (description == NULL) {
		self->failed++;
		g_debug("no UPnP description from %s at %.*s: %s", mac, (gint) job->target.loggable,
		        job->target.url, error->message);
		return;
	}
	if (self->stopped)
		return;
	g_debug("UPnP description of %s: %s / %s / %s / %s", mac,
	        description->manufacturer != NULL ? description->manufacturer : "-",
	        description->model_name != NULL ? description->model_name : "-",
	        description->model_number != NULL ? description->model_number : "-",
	        description->firmware != NULL ? description->firmware : "-");
	apply_description(self, job->target.mac, description);
	self->applied++;
}

/* the latest description stored for the device: restarts do not refetch */
static gint64
stored_fetch_time(const YmDevice *device)
{
	gint64 latest = 0;
	for (guint i = 0; i < device->observations->len; i++) {
		const YmObservation *o = &g_array_index(device->observations, YmObservation, i);
		if (ym_observation_kind_is_upnp(o->kind))
			latest = MAX(latest, o->last_seen);
	}
	return latest;
}

static FetchRecord *
ensure_record(YmUpnpFetcher *self, guint64 key)
{
	FetchRecord *record = g_hash_table_lookup(self->records, &key);
	if (record == NULL) {
		record = g_new0(FetchRecord, 1);
		record->mac = key;
		g_hash_table_insert(self->records, &record->mac, record);
	}
	return record;
}

static void
start_fetch(YmUpnpFetcher *self, const YmUpnpTarget *target)
{
	FetchJob *job = g_new0(FetchJob, 1);
	g_autoptr(GTask) task = NULL;

	job->target = *target;
	job->target.scope_id = self->scope_id;
	job->fetch_func = self->fetch_func;
	task = g_task_new(self, self->cancellable, on_fetch_done, g_object_ref(self));
	g_task_set_source_tag(task, start_fetch);
	g_task_set_task_data(task, job, fetch_job_free);
	self->in_flight++;
	g_debug("fetching the UPnP description at %.*s", (gint) target->loggable, target->url);
	g_task_run_in_thread(task, fetch_thread);
}

YmUpnpFetchVerdict
ym_upnp_fetcher_consider(YmUpnpFetcher *self,
                         YmDevice *device,
                         const YmIpAddr *source,
                         const gchar *location,
                         gsize length)
{
	guint64 key;
	FetchRecord *record;
	gint64 now;
	YmUpnpTarget target;
	YmUpnpFetchVerdict verdict;

	g_return_val_if_fail(YM_IS_UPNP_FETCHER(self), YM_UPNP_FETCH_STOPPED);
	g_return_val_if_fail(device != NULL, YM_UPNP_FETCH_STOPPED);

	if (self->stopped)
		return YM_UPNP_FETCH_STOPPED;
	/* cheapest first: most announcements come from devices already done */
	now = g_get_real_time();
	key = mac_key(device->mac);
	record = g_hash_table_lookup(self->records, &key);
	if (record != NULL && now - record->last_fetch < YM_UPNP_FETCH_INTERVAL_USEC)
		return YM_UPNP_FETCH_RECENT;
	if (record == NULL) {
		gint64 stored = stored_fetch_time(device);
		if (stored != 0 && now - stored < YM_UPNP_FETCH_INTERVAL_USEC) {
			ensure_record(self, key)->last_fetch = stored;
			return YM_UPNP_FETCH_RECENT;
		}
	}
	if (self->in_flight >= YM_UPNP_FETCH_MAX_IN_FLIGHT)
		return YM_UPNP_FETCH_BUSY;
	verdict = _ym_upnp_location_check(location, length, source, &target);
	if (verdict != YM_UPNP_FETCH_STARTED)
		return verdict;
	if (ym_inventory_lookup_ip(self->inventory, &target.addr) != device)
		return YM_UPNP_FETCH_NOT_OWNED;
	memcpy(target.mac, device->mac, 6);
	ensure_record(self, key)->last_fetch = now;
	start_fetch(self, &target);
	return YM_UPNP_FETCH_STARTED;
}

static void
on_location(YmInventory *inventory,
            YmDevice *device,
            const YmIpAddr *source,
            const gchar *location,
            gsize length,
            gpointer user_data)
{
	ym_upnp_fetcher_consider(YM_UPNP_FETCHER(user_data), device, source, location, length);
}

void
ym_upnp_fetcher_stop(YmUpnpFetcher *self)
{
	g_return_if_fail(YM_IS_UPNP_FETCHER(self));
	if (self->stopped)
		return;
	self->stopped = TRUE;
	ym_inventory_set_location_func(self->inventory, NULL, NULL);
	g_cancellable_cancel(self->cancellable);
	/* each task holds a reference to us until its callback has run here */
	while (self->in_flight > 0)
		g_main_context_iteration(self->context, TRUE);
}

guint
ym_upnp_fetcher_get_in_flight(YmUpnpFetcher *self)
{
	g_return_val_if_fail(YM_IS_UPNP_FETCHER(self), 0);
	return self->in_flight;
}

guint
ym_upnp_fetcher_get_applied(YmUpnpFetcher *self)
{
	g_return_val_if_fail(YM_IS_UPNP_FETCHER(self), 0);
	return self->applied;
}

guint
ym_upnp_fetcher_get_failed(YmUpnpFetcher *self)
{
	g_return_val_if_fail(YM_IS_UPNP_FETCHER(self), 0);
	return self->failed;
}

void
_ym_upnp_fetcher_set_fetch_func(YmUpnpFetcher *self, YmUpnpFetchFunc func)
{
	g_return_if_fail(YM_IS_UPNP_FETCHER(self));
	self->fetch_func = func != NULL ? func : _ym_upnp_fetch_http;
}

YmUpnpFetcher *
ym_upnp_fetcher_new(YmInventory *inventory, const gchar *interface)
{
	YmUpnpFetcher *self;
	g_return_val_if_fail(YM_IS_INVENTORY(inventory), NULL);
	self = g_object_new(YM_TYPE_UPNP_FETCHER, NULL);
	self->inventory = g_object_ref(inventory);
	if (interface != NULL)
		self->scope_id = if_nametoindex(interface);
	ym_inventory_set_location_func(inventory, on_location, self);
	return self;
}

static void
ym_upnp_fetcher_dispose(GObject *object)
{
	YmUpnpFetcher *self = YM_UPNP_FETCHER(object);
	/* tasks hold references: none is in flight by now */
	if (self->inventory != NULL && !self->stopped)
		ym_inventory_set_location_func(self->inventory, NULL, NULL);
	self->stopped = TRUE;
	g_cancellable_cancel(self->cancellable);
	g_clear_object(&self->inventory);
	G_OBJECT_CLASS(ym_upnp_fetcher_parent_class)->dispose(object);
}

static void
ym_upnp_fetcher_finalize(GObject *object)
{
	YmUpnpFetcher *self = YM_UPNP_FETCHER(object);
	g_object_unref(self->cancellable);
	g_main_context_unref(self->context);
	g_hash_table_unref(self->records);
	G_OBJECT_CLASS(ym_upnp_fetcher_parent_class)->finalize(object);
}

static void
ym_upnp_fetcher_class_init(YmUpnpFetcherClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->dispose = ym_upnp_fetcher_dispose;
	object_class->finalize = ym_upnp_fetcher_finalize;
	/* both libraries set up their globals here, before any worker thread */
	curl_global_init(CURL_GLOBAL_DEFAULT);
	xmlInitParser();
}

static void
ym_upnp_fetcher_init(YmUpnpFetcher *self)
{
	self->cancellable = g_cancellable_new();
	self->context = g_main_context_ref_thread_default();
	self->records = g_hash_table_new_full(g_int64_hash, g_int64_equal, NULL, g_free);
	self->fetch_func = _ym_upnp_fetch_http;
}
