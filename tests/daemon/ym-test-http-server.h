/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * a tiny HTTP/1.1 server in a thread, for tests: serves registered files,
 * a few hostile answers, and counts requests per local address (so a test
 * can tell which of a host's addresses was asked)
 *
 *   /redirect       302 to /description.xml
 *   /big            200, 70000 bytes, no Content-Length
 *   /big-declared   200, Content-Length: 70000
 *   /slow           nothing for 3 s, then a 404
 *   anything else   404
 */

#pragma once

#include <gio/gio.h>
#include <string.h>

G_BEGIN_DECLS

#define YM_TEST_HTTP_BIG 70000

typedef struct {
	GSocket *listener;
	guint16 port;
	GThread *thread;
	gint stop; /* atomic */
	GMutex mutex;
	GHashTable *files;    /* path -> GBytes */
	GHashTable *requests; /* local address -> count */
	guint total;
} YmTestHttpServer;

static inline YmTestHttpServer *
ym_test_http_server_new(const gchar *address, guint16 port)
{
	YmTestHttpServer *server = g_new0(YmTestHttpServer, 1);
	g_autoptr(GError) error = NULL;
	g_autoptr(GInetAddress) inet = g_inet_address_new_from_string(address);
	g_autoptr(GSocketAddress) bind_address = NULL;
	g_autoptr(GSocketAddress) local = NULL;

	g_assert_nonnull(inet);
	bind_address = g_inet_socket_address_new(inet, port);
	server->listener = g_socket_new(g_inet_address_get_family(inet), G_SOCKET_TYPE_STREAM,
	                                G_SOCKET_PROTOCOL_TCP, &error);
	g_assert_no_error(error);
	g_socket_bind(server->listener, bind_address, TRUE, &error);
	g_assert_no_error(error);
	g_socket_listen(server->listener, &error);
	g_assert_no_error(error);
	local = g_socket_get_local_address(server->listener, &error);
	g_assert_no_error(error);
	server->port = g_inet_socket_address_get_port(G_INET_SOCKET_ADDRESS(local));
	g_mutex_init(&server->mutex);
	server->files =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
	server->requests = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	return server;
}

static inline void
ym_test_http_server_add_file(YmTestHttpServer *server,
                             const gchar *path,
                             const gchar *data,
                             gsize length)
{
	g_mutex_lock(&server->mutex);
	g_hash_table_replace(server->files, g_strdup(path), g_bytes_new(data, length));
	g_mutex_unlock(&server->mutex);
}

/* requests that reached @local_address, or all when NULL */
static inline guint
ym_test_http_server_get_requests(YmTestHttpServer *server, const gchar *local_address)
{
	guint n;
	g_mutex_lock(&server->mutex);
	n = local_address == NULL
	        ? server->total
	        : GPOINTER_TO_UINT(g_hash_table_lookup(server->requests, local_address));
	g_mutex_unlock(&server->mutex);
	return n;
}

static inline void
ym_test_http_server_send(GSocket *client, const gchar *data, gsize length)
{
	gsize sent = 0;
	while (sent < length) {
		gssize n = g_socket_send(client, data + sent, length - sent, NULL, NULL);
		/* the client may hang up on purpose: that ends the answer */
		if (n <= 0)
			return;
		sent += (gsize) n;
	}
}

static inline void
ym_test_http_server_answer(YmTestHttpServer *server, GSocket *client, const gchar *path)
{
	g_autoptr(GBytes) body = NULL;
	g_autofree gchar *head = NULL;

	g_mutex_lock(&server->mutex);
	body = g_hash_table_lookup(server->files, path);
	if (body != NULL)
		g_bytes_ref(body);
	g_mutex_unlock(&server->mutex);
	if (body != NULL) {
		head = g_strdup_printf("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n"
		                       "Content-Length: %" G_GSIZE_FORMAT
		                       "\r\nConnection: close\r\n\r\n",
		                       g_bytes_get_size(body));
		ym_test_http_server_send(client, head, strlen(head));
		ym_test_http_server_send(client, g_bytes_get_data(body, NULL),
		                         g_bytes_get_size(body));
	} else if (g_strcmp0(path, "/redirect") == 0) {
		head = g_strdup("HTTP/1.1 302 Found\r\nLocation: /description.xml\r\n"
		                "Content-Length: 0\r\nConnection: close\r\n\r\n");
		ym_test_http_server_send(client, head, strlen(head));
	} else if (g_strcmp0(path, "/big") == 0 || g_strcmp0(path, "/big-declared") == 0) {
		g_autofree gchar *filler = g_malloc(YM_TEST_HTTP_BIG);
		memset(filler, ' ', YM_TEST_HTTP_BIG);
		memcpy(filler, "<root>", 6);
		head = g_strcmp0(path, "/big") == 0
		           ? g_strdup("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")
		           : g_strdup_printf("HTTP/1.1 200 OK\r\nContent-Length: %d\r\n"
		                             "Connection: close\r\n\r\n",
		                             YM_TEST_HTTP_BIG);
		ym_test_http_server_send(client, head, strlen(head));
		ym_test_http_server_send(client, filler, YM_TEST_HTTP_BIG);
	} else if (g_strcmp0(path, "/slow") == 0) {
		for (guint i = 0; i < 60 && !g_atomic_int_get(&server->stop); i++)
			g_usleep(50 * 1000);
		head = g_strdup("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n"
		                "Connection: close\r\n\r\n");
		ym_test_http_server_send(client, head, strlen(head));
	} else {
		head = g_strdup("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n"
		                "Connection: close\r\n\r\n");
		ym_test_http_server_send(client, head, strlen(head));
	}
}

static inline void
ym_test_http_server_serve(YmTestHttpServer *server, GSocket *client)
{
	gchar request[8192];
	gsize length = 0;
	g_autoptr(GSocketAddress) local = g_socket_get_local_address(client, NULL);
	g_autofree gchar *address = NULL;
	g_auto(GStrv) words = NULL;

	g_socket_set_blocking(client, TRUE);
	g_socket_set_timeout(client, 3);
	while (length < sizeof(request) - 1) {
		gssize n = g_socket_receive(client, request + length, sizeof(request) - 1 - length,
		                            NULL, NULL);
		if (n <= 0)
			break;
		length += (gsize) n;
		request[length] = '\0';
		if (strstr(request, "\r\n\r\n") != NULL)
			break;
	}
	request[length] = '\0';
	if (local != NULL)
		address = g_inet_address_to_string(
		    g_inet_socket_address_get_address(G_INET_SOCKET_ADDRESS(local)));
	g_mutex_lock(&server->mutex);
	server->total++;
	if (address != NULL) {
		guint n = GPOINTER_TO_UINT(g_hash_table_lookup(server->requests, address));
		g_hash_table_replace(server->requests, g_strdup(address), GUINT_TO_POINTER(n + 1));
	}
	g_mutex_unlock(&server->mutex);
	words = g_strsplit(request, " ", 3);
	if (g_strv_length(words) >= 2 && g_strcmp0(words[0], "GET") == 0)
		ym_test_http_server_answer(server, client, words[1]);
	g_socket_close(client, NULL);
}

static inline gpointer
ym_test_http_server_thread(gpointer data)
{
	YmTestHttpServer *server = data;
	g_socket_set_blocking(server->listener, FALSE);
	while (!g_atomic_int_get(&server->stop)) {
		g_autoptr(GSocket) client = NULL;
		if (!g_socket_condition_timed_wait(server->listener, G_IO_IN, 50 * 1000, NULL,
		                                   NULL))
			continue;
		client = g_socket_accept(server->listener, NULL, NULL);
		if (client != NULL)
			ym_test_http_server_serve(server, client);
	}
	return NULL;
}

static inline void
ym_test_http_server_start(YmTestHttpServer *server)
{
	server->thread = g_thread_new("test-http", ym_test_http_server_thread, server);
}

static inline void
ym_test_http_server_free(YmTestHttpServer *server)
{
	if (server == NULL)
		return;
	g_atomic_int_set(&server->stop, 1);
	if (server->thread != NULL)
		g_thread_join(server->thread);
	g_socket_close(server->listener, NULL);
	g_object_unref(server->listener);
	g_hash_table_unref(server->files);
	g_hash_table_unref(server->requests);
	g_mutex_clear(&server->mutex);
	g_free(server);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(YmTestHttpServer, ym_test_http_server_free)

G_END_DECLS
