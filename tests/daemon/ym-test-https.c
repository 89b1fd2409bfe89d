/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "YmTestHttps"

#include "config.h"

#include "ym-test-https.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

typedef enum {
	YM_TEST_RESPONSE_BODY,
	YM_TEST_RESPONSE_STATUS,
	YM_TEST_RESPONSE_RAW,
} YmTestResponseKind;

/* immutable once queued, shared by reference with the server thread */
typedef struct {
	YmTestResponseKind kind;
	guint status;
	GBytes *body;
	gchar *content_type;
	gchar *etag;
	GDateTime *last_modified;
	GStrv headers; /* name, value, name, value, … */
} YmTestResponse;

typedef struct {
	GQueue responses; /* YmTestResponse */
	guint requests;
	guint delay_ms;
	GHashTable *last_headers; /* lower-case name → value */
	GPtrArray *queries;       /* every request's query string, "" for none */
} YmTestRoute;

struct _YmTestHttps {
	/* set before the thread starts, then read only */
	gchar *cert_name;
	gchar *ca_file;
	GMainContext *context;
	GMainLoop *loop;
	GThread *thread;
	/* set by the thread before it signals started */
	guint16 port;
	gchar *proxy_url;
	GError *start_error;
	/* only on the server thread */
	SoupServer *server;
	GSocketService *proxy;
	GPtrArray *pending; /* GSource of delayed responses */
	/* under the mutex */
	GMutex mutex;
	GCond cond;
	gboolean started;
	GHashTable *routes; /* path → YmTestRoute */
	guint proxy_connections;
	guint proxy_active;
};

static void
ym_test_response_clear(gpointer data)
{
	YmTestResponse *response = data;
	g_clear_pointer(&response->body, g_bytes_unref);
	g_free(response->content_type);
	g_free(response->etag);
	g_clear_pointer(&response->last_modified, g_date_time_unref);
	g_strfreev(response->headers);
}

static void
ym_test_response_unref(YmTestResponse *response)
{
	g_atomic_rc_box_release_full(response, ym_test_response_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(YmTestResponse, ym_test_response_unref)

static YmTestResponse *
ym_test_response_new(YmTestResponseKind kind)
{
	YmTestResponse *response = g_atomic_rc_box_new0(YmTestResponse);
	response->kind = kind;
	return response;
}

static void
ym_test_route_free(gpointer data)
{
	YmTestRoute *route = data;
	g_queue_clear_full(&route->responses, (GDestroyNotify) ym_test_response_unref);
	g_hash_table_unref(route->last_headers);
	g_ptr_array_unref(route->queries);
	g_free(route);
}

/* with the mutex held */
static YmTestRoute *
ym_test_https_ensure_route(YmTestHttps *self, const gchar *path)
{
	YmTestRoute *route = g_hash_table_lookup(self->routes, path);
	if (route == NULL) {
		route = g_new0(YmTestRoute, 1);
		g_queue_init(&route->responses);
		route->last_headers =
		    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
		route->queries = g_ptr_array_new_with_free_func(g_free);
		g_hash_table_insert(self->routes, g_strdup(path), route);
	}
	return route;
}

static void
ym_test_https_queue(YmTestHttps *self, const gchar *path, YmTestResponse *response)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->mutex);
	g_assert_true(path[0] == '/');
	g_queue_push_tail(&ym_test_https_ensure_route(self, path)->responses, response);
}

/* raw responses: written on the stolen connection, which is then closed */

typedef struct {
	GIOStream *stream;
	GBytes *bytes;
} YmTestRawWrite;

static void
ym_test_raw_write_free(YmTestRawWrite *raw)
{
	g_object_unref(raw->stream);
	g_bytes_unref(raw->bytes);
	g_free(raw);
}

static void
ym_test_https_raw_closed_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_io_stream_close_finish(G_IO_STREAM(source), result, NULL);
	ym_test_raw_write_free(user_data);
}

static void
ym_test_https_raw_written_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	YmTestRawWrite *raw = user_data;
	/* the client may have given up already */
	g_output_stream_write_all_finish(G_OUTPUT_STREAM(source), result, NULL, NULL);
	g_io_stream_close_async(raw->stream, G_PRIORITY_DEFAULT, NULL, ym_test_https_raw_closed_cb,
	                        raw);
}

static void
ym_test_https_respond_raw(SoupServerMessage *msg, YmTestResponse *response)
{
	YmTestRawWrite *raw = g_new0(YmTestRawWrite, 1);
	raw->stream = soup_server_message_steal_connection(msg);
	raw->bytes = g_bytes_ref(response->body);
	g_output_stream_write_all_async(g_io_stream_get_output_stream(raw->stream),
	                                g_bytes_get_data(raw->bytes, NULL),
	                                g_bytes_get_size(raw->bytes), G_PRIORITY_DEFAULT, NULL,
	                                ym_test_https_raw_written_cb, raw);
}

static gboolean
ym_test_https_is_not_modified(SoupServerMessage *msg, YmTestResponse *response)
{
	SoupMessageHeaders *request = soup_server_message_get_request_headers(msg);
	const gchar *if_none_match = soup_message_headers_get_one(request, "If-None-Match");
	const gchar *if_modified_since = soup_message_headers_get_one(request, "If-Modified-Since");

	if (if_none_match != NULL) {
		g_auto(GStrv) tags = g_strsplit(if_none_match, ",", -1);
		for (guint i = 0; tags[i] != NULL; i++) {
			g_strstrip(tags[i]);
			if (g_strcmp0(tags[i], "*") == 0 || g_strcmp0(tags[i], response->etag) == 0)
				return TRUE;
		}
		return FALSE;
	}
	if (if_modified_since != NULL) {
		g_autoptr(GDateTime) since = soup_date_time_new_from_http_string(if_modified_since);
		return since != NULL &&
		       g_date_time_to_unix(response->last_modified) <= g_date_time_to_unix(since);
	}
	return FALSE;
}

static void
ym_test_https_respond(SoupServerMessage *msg, YmTestResponse *response)
{
	SoupMessageHeaders *headers = soup_server_message_get_response_headers(msg);
	g_autofree gchar *date = NULL;

	switch (response->kind) {
	case YM_TEST_RESPONSE_RAW:
		ym_test_https_respond_raw(msg, response);
		return;
	case YM_TEST_RESPONSE_STATUS:
		for (guint i = 0; response->headers[i] != NULL; i += 2)
			soup_message_headers_append(headers, response->headers[i],
			                            response->headers[i + 1]);
		soup_server_message_set_status(msg, response->status, NULL);
		return;
	case YM_TEST_RESPONSE_BODY:
		date = soup_date_time_to_string(response->last_modified, SOUP_DATE_HTTP);
		soup_message_headers_replace(headers, "ETag", response->etag);
		soup_message_headers_replace(headers, "Last-Modified", date);
		if (ym_test_https_is_not_modified(msg, response)) {
			soup_server_message_set_status(msg, SOUP_STATUS_NOT_MODIFIED, NULL);
			return;
		}
		soup_message_headers_replace(headers, "Content-Type", response->content_type);
		soup_message_headers_set_content_length(headers, g_bytes_get_size(response->body));
		soup_message_body_append_bytes(soup_server_message_get_response_body(msg),
		                               response->body);
		soup_server_message_set_status(msg, SOUP_STATUS_OK, NULL);
		return;
	default:
		g_assert_not_reached();
	}
}

/* delayed responses: the message waits paused */

typedef struct {
	YmTestHttps *self;
	SoupServerMessage *msg;
	YmTestResponse *response;
	gboolean disconnected;
} YmTestDelayed;

static void
ym_test_delayed_free(gpointer data)
{
	YmTestDelayed *delayed = data;
	g_signal_handlers_disconnect_by_data(delayed->msg, delayed);
	g_object_unref(delayed->msg);
	ym_test_response_unref(delayed->response);
	g_free(delayed);
}

static void
ym_test_https_disconnected_cb(SoupServerMessage *msg, gpointer user_data)
{
	YmTestDelayed *delayed = user_data;
	delayed->disconnected = TRUE;
}

static gboolean
ym_test_https_delay_done_cb(gpointer user_data)
{
	YmTestDelayed *delayed = user_data;
	if (!delayed->disconnected) {
		ym_test_https_respond(delayed->msg, delayed->response);
		if (delayed->response->kind != YM_TEST_RESPONSE_RAW)
			soup_server_message_unpause(delayed->msg);
	}
	g_ptr_array_remove(delayed->self->pending, g_main_current_source());
	return G_SOURCE_REMOVE;
}

static void
ym_test_https_respond_later(YmTestHttps *self,
                            SoupServerMessage *msg,
                            YmTestResponse *response,
                            guint delay_ms)
{
	YmTestDelayed *delayed = g_new0(YmTestDelayed, 1);
	GSource *source = g_timeout_source_new(delay_ms);

	delayed->self = self;
	delayed->msg = g_object_ref(msg);
	delayed->response = g_atomic_rc_box_acquire(response);
	g_signal_connect(msg, "disconnected", G_CALLBACK(ym_test_https_disconnected_cb), delayed);
	soup_server_message_pause(msg);
	g_source_set_callback(source, ym_test_https_delay_done_cb, delayed, ym_test_delayed_free);
	g_source_attach(source, self->context);
	g_ptr_array_add(self->pending, source);
}

static void
ym_test_https_record_header_cb(const char *name, const char *value, gpointer user_data)
{
	g_hash_table_replace(user_data, g_ascii_strdown(name, -1), g_strdup(value));
}

static void
ym_test_https_handler_cb(SoupServer *server,
                         SoupServerMessage *msg,
                         const char *path,
                         GHashTable *query,
                         gpointer user_data)
{
	YmTestHttps *self = user_data;
	g_autoptr(YmTestResponse) response = NULL;
	guint delay_ms = 0;

	/* take the next response */
	g_mutex_lock(&self->mutex);
	{
		YmTestRoute *route = ym_test_https_ensure_route(self, path);
		const gchar *raw_query = g_uri_get_query(soup_server_message_get_uri(msg));
		route->requests++;
		g_ptr_array_add(route->queries, g_strdup(raw_query != NULL ? raw_query : ""));
		g_hash_table_remove_all(route->last_headers);
		soup_message_headers_foreach(soup_server_message_get_request_headers(msg),
		                             ym_test_https_record_header_cb, route->last_headers);
		if (route->responses.length > 1)
			response = g_queue_pop_head(&route->responses);
		else if (route->responses.length == 1)
			response = g_atomic_rc_box_acquire(g_queue_peek_head(&route->responses));
		delay_ms = route->delay_ms;
	}
	g_mutex_unlock(&self->mutex);

	if (response == NULL) {
		soup_server_message_set_status(msg, SOUP_STATUS_NOT_FOUND, NULL);
		return;
	}
	if (delay_ms > 0) {
		ym_test_https_respond_later(self, msg, response, delay_ms);
		return;
	}
	ym_test_https_respond(msg, response);
}

/* the proxy: one blocking thread of the service's pool per connection */

static gchar *
ym_test_proxy_read_head(GInputStream *input)
{
	GString *head = g_string_new(NULL);
	while (head->len < 8192 && !g_str_has_suffix(head->str, "\r\n\r\n")) {
		gchar byte;
		if (g_input_stream_read(input, &byte, 1, NULL, NULL) != 1) {
			g_string_free(head, TRUE);
			return NULL;
		}
		g_string_append_c(head, byte);
	}
	return g_string_free(head, FALSE);
}

static void
ym_test_proxy_spliced_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	gboolean *done = user_data;
	g_io_stream_splice_finish(result, NULL);
	*done = TRUE;
}

static void
ym_test_proxy_serve(GSocketConnection *connection)
{
	GOutputStream *output = g_io_stream_get_output_stream(G_IO_STREAM(connection));
	g_autofree gchar *head = NULL;
	g_autoptr(GSocketClient) client = g_socket_client_new();
	g_autoptr(GSocketConnection) upstream = NULL;
	g_autoptr(GMainContext) context = g_main_context_new();
	const gchar *refused = "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n";
	const gchar *established = "HTTP/1.1 200 Connection established\r\n\r\n";
	guint port = 0;
	gboolean done = FALSE;

	g_socket_set_timeout(g_socket_connection_get_socket(connection), 10);
	head = ym_test_proxy_read_head(g_io_stream_get_input_stream(G_IO_STREAM(connection)));
	/* tunnels to this machine only: tests never reach the network */
	if (head == NULL || sscanf(head, "CONNECT 127.0.0.1:%u HTTP/1.", &port) != 1 || port == 0 ||
	    port > 65535) {
		g_output_stream_write_all(output, refused, strlen(refused), NULL, NULL, NULL);
		return;
	}
	g_socket_client_set_enable_proxy(client, FALSE);
	upstream = g_socket_client_connect_to_host(client, "127.0.0.1", port, NULL, NULL);
	if (upstream == NULL) {
		g_output_stream_write_all(output, refused, strlen(refused), NULL, NULL, NULL);
		return;
	}
	if (!g_output_stream_write_all(output, established, strlen(established), NULL, NULL, NULL))
		return;
	g_main_context_push_thread_default(context);
	g_io_stream_splice_async(G_IO_STREAM(connection), G_IO_STREAM(upstream),
	                         G_IO_STREAM_SPLICE_CLOSE_STREAM1 |
	                             G_IO_STREAM_SPLICE_CLOSE_STREAM2,
	                         G_PRIORITY_DEFAULT, NULL, ym_test_proxy_spliced_cb, &done);
	while (!done)
		g_main_context_iteration(context, TRUE);
	g_main_context_pop_thread_default(context);
}

static gboolean
ym_test_https_proxy_run_cb(GThreadedSocketService *service,
                           GSocketConnection *connection,
                           GObject *source_object,
                           gpointer user_data)
{
	YmTestHttps *self = user_data;

	g_mutex_lock(&self->mutex);
	self->proxy_connections++;
	self->proxy_active++;
	g_mutex_unlock(&self->mutex);

	ym_test_proxy_serve(connection);

	g_mutex_lock(&self->mutex);
	self->proxy_active--;
	g_cond_broadcast(&self->cond);
	g_mutex_unlock(&self->mutex);
	return TRUE;
}

/* the server thread */

static gboolean
ym_test_https_start_proxy(YmTestHttps *self, GError **error)
{
	g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback(G_SOCKET_FAMILY_IPV4);
	g_autoptr(GSocketAddress) address = g_inet_socket_address_new(loopback, 0);
	g_autoptr(GSocketAddress) effective = NULL;

	self->proxy = g_threaded_socket_service_new(4);
	if (!g_socket_listener_add_address(G_SOCKET_LISTENER(self->proxy), address,
	                                   G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
	                                   &effective, error))
		return FALSE;
	g_signal_connect(self->proxy, "run", G_CALLBACK(ym_test_https_proxy_run_cb), self);
	g_socket_service_start(self->proxy);
	self->proxy_url =
	    g_strdup_printf("http://127.0.0.1:%u",
	                    g_inet_socket_address_get_port(G_INET_SOCKET_ADDRESS(effective)));
	return TRUE;
}

static gboolean
ym_test_https_start(YmTestHttps *self, GError **error)
{
	g_autofree gchar *cert =
	    g_strdup_printf("%s/test-%s.pem", YM_TEST_CERT_DIR, self->cert_name);
	g_autofree gchar *key =
	    g_strdup_printf("%s/test-%s-key.pem", YM_TEST_CERT_DIR, self->cert_name);
	g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_files(cert, key, error);
	GSList *uris = NULL;

	if (certificate == NULL)
		return FALSE;
	self->server = soup_server_new("tls-certificate", certificate, NULL);
	soup_server_add_handler(self->server, NULL, ym_test_https_handler_cb, self, NULL);
	if (!soup_server_listen_local(
	        self->server, 0, SOUP_SERVER_LISTEN_HTTPS | SOUP_SERVER_LISTEN_IPV4_ONLY, error))
		return FALSE;
	uris = soup_server_get_uris(self->server);
	g_assert_nonnull(uris);
	self->port = (guint16) g_uri_get_port(uris->data);
	g_slist_free_full(uris, (GDestroyNotify) g_uri_unref);
	return ym_test_https_start_proxy(self, error);
}

static gpointer
ym_test_https_thread_cb(gpointer user_data)
{
	YmTestHttps *self = user_data;
	GError *error = NULL;
	gboolean ok;

	g_main_context_push_thread_default(self->context);
	ok = ym_test_https_start(self, &error);

	g_mutex_lock(&self->mutex);
	self->start_error = error;
	self->started = TRUE;
	g_cond_broadcast(&self->cond);
	g_mutex_unlock(&self->mutex);

	if (ok)
		g_main_loop_run(self->loop);

	/* stop */
	for (guint i = 0; i < self->pending->len; i++)
		g_source_destroy(g_ptr_array_index(self->pending, i));
	g_ptr_array_set_size(self->pending, 0);
	if (self->proxy != NULL) {
		g_socket_service_stop(self->proxy);
		g_socket_listener_close(G_SOCKET_LISTENER(self->proxy));
		g_clear_object(&self->proxy);
	}
	if (self->server != NULL) {
		soup_server_disconnect(self->server);
		g_clear_object(&self->server);
	}
	while (g_main_context_iteration(self->context, FALSE))
		;
	g_main_context_pop_thread_default(self->context);
	return NULL;
}

static YmTestHttps *
ym_test_https_new_for_cert(const gchar *cert_name)
{
	YmTestHttps *self = g_new0(YmTestHttps, 1);

	self->cert_name = g_strdup(cert_name);
	self->ca_file = g_build_filename(YM_TEST_CERT_DIR, "test-ca.pem", NULL);
	self->context = g_main_context_new();
	self->loop = g_main_loop_new(self->context, FALSE);
	self->pending = g_ptr_array_new_with_free_func((GDestroyNotify) g_source_unref);
	self->routes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, ym_test_route_free);
	g_mutex_init(&self->mutex);
	g_cond_init(&self->cond);
	self->thread = g_thread_new("ym-test-https", ym_test_https_thread_cb, self);

	g_mutex_lock(&self->mutex);
	while (!self->started)
		g_cond_wait(&self->cond, &self->mutex);
	g_mutex_unlock(&self->mutex);
	g_assert_no_error(self->start_error);
	return self;
}

YmTestHttps *
ym_test_https_new(void)
{
	return ym_test_https_new_for_cert("server");
}

YmTestHttps *
ym_test_https_new_wrong_host(void)
{
	return ym_test_https_new_for_cert("wrong-host");
}

static gboolean
ym_test_https_quit_cb(gpointer user_data)
{
	g_main_loop_quit(user_data);
	return G_SOURCE_REMOVE;
}

void
ym_test_https_free(YmTestHttps *self)
{
	GSource *source = NULL;
	gint64 deadline;

	if (self == NULL)
		return;
	/* from inside the loop: a quit before g_main_loop_run() would be lost */
	source = g_idle_source_new();
	g_source_set_callback(source, ym_test_https_quit_cb, self->loop, NULL);
	g_source_attach(source, self->context);
	g_source_unref(source);
	g_thread_join(self->thread);

	/* the proxy's pool threads may still be closing their tunnels */
	deadline = g_get_monotonic_time() + 10 * G_TIME_SPAN_SECOND;
	g_mutex_lock(&self->mutex);
	while (self->proxy_active > 0) {
		if (!g_cond_wait_until(&self->cond, &self->mutex, deadline))
			g_error("the test proxy still has %u tunnels open", self->proxy_active);
	}
	g_mutex_unlock(&self->mutex);

	g_main_loop_unref(self->loop);
	g_main_context_unref(self->context);
	g_ptr_array_unref(self->pending);
	g_hash_table_unref(self->routes);
	g_mutex_clear(&self->mutex);
	g_cond_clear(&self->cond);
	g_clear_error(&self->start_error);
	g_free(self->cert_name);
	g_free(self->ca_file);
	g_free(self->proxy_url);
	g_free(self);
}

const gchar *
ym_test_https_get_ca_file(YmTestHttps *self)
{
	return self->ca_file;
}

guint16
ym_test_https_get_port(YmTestHttps *self)
{
	return self->port;
}

gchar *
ym_test_https_get_url(YmTestHttps *self, const gchar *path)
{
	g_assert_true(path[0] == '/');
	return g_strdup_printf("https://127.0.0.1:%u%s", self->port, path);
}

static gchar *
ym_test_https_dup_etag(GBytes *body)
{
	g_autofree gchar *digest = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, body);
	return g_strdup_printf("\"%.16s\"", digest);
}

void
ym_test_https_add_file(YmTestHttps *self,
                       const gchar *path,
                       const gchar *file,
                       const gchar *content_type)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GMappedFile) mapped = g_mapped_file_new(file, FALSE, &error);
	YmTestResponse *response = ym_test_response_new(YM_TEST_RESPONSE_BODY);
	GStatBuf stat_buf;

	g_assert_no_error(error);
	g_assert_cmpint(g_stat(file, &stat_buf), ==, 0);
	response->body = g_mapped_file_get_bytes(mapped);
	response->content_type = g_strdup(content_type);
	response->etag = ym_test_https_dup_etag(response->body);
	response->last_modified = g_date_time_new_from_unix_utc(stat_buf.st_mtime);
	ym_test_https_queue(self, path, response);
}

void
ym_test_https_add_bytes(YmTestHttps *self,
                        const gchar *path,
                        GBytes *body,
                        const gchar *content_type)
{
	YmTestResponse *response = ym_test_response_new(YM_TEST_RESPONSE_BODY);
	response->body = g_bytes_ref(body);
	response->content_type = g_strdup(content_type);
	response->etag = ym_test_https_dup_etag(body);
	response->last_modified = g_date_time_new_from_unix_utc(g_get_real_time() / G_USEC_PER_SEC);
	ym_test_https_queue(self, path, response);
}

void
ym_test_https_add_status(YmTestHttps *self, const gchar *path, guint status, ...)
{
	YmTestResponse *response = ym_test_response_new(YM_TEST_RESPONSE_STATUS);
	g_autoptr(GStrvBuilder) builder = g_strv_builder_new();
	const gchar *name;
	va_list args;

	va_start(args, status);
	while ((name = va_arg(args, const gchar *)) != NULL) {
		const gchar *value = va_arg(args, const gchar *);
		g_assert_nonnull(value);
		g_strv_builder_add(builder, name);
		g_strv_builder_add(builder, value);
	}
	va_end(args);
	response->status = status;
	response->headers = g_strv_builder_end(builder);
	ym_test_https_queue(self, path, response);
}

void
ym_test_https_add_raw(YmTestHttps *self, const gchar *path, GBytes *bytes)
{
	YmTestResponse *response = ym_test_response_new(YM_TEST_RESPONSE_RAW);
	response->body = g_bytes_ref(bytes);
	ym_test_https_queue(self, path, response);
}

void
ym_test_https_set_delay(YmTestHttps *self, const gchar *path, guint delay_ms)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->mutex);
	ym_test_https_ensure_route(self, path)->delay_ms = delay_ms;
}

void
ym_test_https_clear(YmTestHttps *self, const gchar *path)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->mutex);
	YmTestRoute *route = ym_test_https_ensure_route(self, path);
	g_queue_clear_full(&route->responses, (GDestroyNotify) ym_test_response_unref);
}

guint
ym_test_https_get_requests(YmTestHttps *self, const gchar *path)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->mutex);
	YmTestRoute *route = g_hash_table_lookup(self->routes, path);
	return route != NULL ? route->requests : 0;
}

gchar *
ym_test_https_dup_request_header(YmTestHttps *self, const gchar *path, const gchar *name)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->mutex);
	YmTestRoute *route = g_hash_table_lookup(self->routes, path);
	g_autofree gchar *key = g_ascii_strdown(name, -1);
	if (route == NULL)
		return NULL;
	return g_strdup(g_hash_table_lookup(route->last_headers, key));
}

gchar **
ym_test_https_dup_request_queries(YmTestHttps *self, const gchar *path)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->mutex);
	YmTestRoute *route = g_hash_table_lookup(self->routes, path);
	g_autoptr(GStrvBuilder) builder = g_strv_builder_new();
	for (guint i = 0; route != NULL && i < route->queries->len; i++)
		g_strv_builder_add(builder, g_ptr_array_index(route->queries, i));
	return g_strv_builder_end(builder);
}

const gchar *
ym_test_https_get_proxy_url(YmTestHttps *self)
{
	return self->proxy_url;
}

guint
ym_test_https_get_proxy_connections(YmTestHttps *self)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->mutex);
	return self->proxy_connections;
}
