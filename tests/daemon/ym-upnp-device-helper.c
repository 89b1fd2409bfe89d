/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * plays a UPnP home device for the live test, run with `ip netns exec`:
 * serves files over HTTP, sends SSDP packets from chosen source addresses,
 * then prints how many requests reached each of its addresses:
 *
 *   ym-upnp-device-helper --port 49152 --file /description.xml=desc.xml \
 *       --send 10.231.0.2,10.231.0.1,http://10.231.0.2:49152/description.xml \
 *       --send 10.231.0.3,10.231.0.1,- --linger-ms 1500
 *
 * A --send of "-" as location is an M-SEARCH (no LOCATION) from that
 * address; others are NOTIFY ssdp:alive. Output: "requests ADDRESS N"
 * lines and "requests total N".
 */

#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#include "ym-test-http-server.h"

static gboolean
send_ssdp(const gchar *spec, GError **error)
{
	g_auto(GStrv) parts = g_strsplit(spec, ",", 3);
	g_autoptr(GInetAddress) from = NULL;
	g_autoptr(GInetAddress) to = NULL;
	g_autoptr(GSocket) socket = NULL;
	g_autoptr(GSocketAddress) from_address = NULL;
	g_autoptr(GSocketAddress) to_address = NULL;
	g_autofree gchar *payload = NULL;

	if (g_strv_length(parts) != 3) {
		g_set_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
		            "--send wants FROM,TO,LOCATION: %s", spec);
		return FALSE;
	}
	from = g_inet_address_new_from_string(parts[0]);
	to = g_inet_address_new_from_string(parts[1]);
	if (from == NULL || to == NULL) {
		g_set_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "bad address in %s",
		            spec);
		return FALSE;
	}
	if (g_strcmp0(parts[2], "-") == 0)
		payload = g_strdup("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n"
		                   "MAN: \"ssdp:discover\"\r\nMX: 1\r\nST: ssdp:all\r\n\r\n");
	else
		payload = g_strdup_printf("NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n"
		                          "CACHE-CONTROL: max-age=1800\r\nLOCATION: %s\r\n"
		                          "NT: upnp:rootdevice\r\nNTS: ssdp:alive\r\n"
		                          "SERVER: Linux/4.9 UPnP/1.0 ym-test/1.0\r\n"
		                          "USN: uuid:5f9ec1b3-ed59-49e4-9a6e-000000000001::"
		                          "upnp:rootdevice\r\n\r\n",
		                          parts[2]);
	socket = g_socket_new(g_inet_address_get_family(from), G_SOCKET_TYPE_DATAGRAM,
	                      G_SOCKET_PROTOCOL_UDP, error);
	if (socket == NULL)
		return FALSE;
	from_address = g_inet_socket_address_new(from, 0);
	if (!g_socket_bind(socket, from_address, TRUE, error))
		return FALSE;
	to_address = g_inet_socket_address_new(to, 1900);
	return g_socket_send_to(socket, to_address, payload, strlen(payload), NULL, error) >= 0;
}

static void
print_requests(YmTestHttpServer *server)
{
	GHashTableIter iter;
	gpointer key, value;
	g_mutex_lock(&server->mutex);
	g_hash_table_iter_init(&iter, server->requests);
	while (g_hash_table_iter_next(&iter, &key, &value))
		printf("requests %s %u\n", (const gchar *) key, GPOINTER_TO_UINT(value));
	printf("requests total %u\n", server->total);
	g_mutex_unlock(&server->mutex);
	fflush(stdout);
}

int
main(int argc, char **argv)
{
	g_autoptr(GOptionContext) context = g_option_context_new(NULL);
	g_autoptr(GError) error = NULL;
	g_autoptr(YmTestHttpServer) server = NULL;
	g_auto(GStrv) files = NULL;
	g_auto(GStrv) sends = NULL;
	g_autofree gchar *listen = NULL;
	gint port = 49152;
	gint interval_ms = 300;
	gint linger_ms = 1500;
	const GOptionEntry entries[] = {
	    {"listen", 0, 0, G_OPTION_ARG_STRING, &listen, "address to serve on", "ADDR"},
	    {"port", 0, 0, G_OPTION_ARG_INT, &port, "port to serve on", "PORT"},
	    {"file", 0, 0, G_OPTION_ARG_STRING_ARRAY, &files, "serve PATH from FILE", "PATH=FILE"},
	    {"send", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sends, "send an SSDP packet",
	     "FROM,TO,LOCATION"},
	    {"interval-ms", 0, 0, G_OPTION_ARG_INT, &interval_ms, "between packets", "MS"},
	    {"linger-ms", 0, 0, G_OPTION_ARG_INT, &linger_ms, "serve this long after", "MS"},
	    {NULL},
	};

	g_option_context_add_main_entries(context, entries, NULL);
	if (!g_option_context_parse(context, &argc, &argv, &error)) {
		g_printerr("%s\n", error->message);
		return 2;
	}
	server = ym_test_http_server_new(listen != NULL ? listen : "0.0.0.0", (guint16) port);
	for (guint i = 0; files != NULL && files[i] != NULL; i++) {
		g_auto(GStrv) kv = g_strsplit(files[i], "=", 2);
		g_autofree gchar *contents = NULL;
		gsize length = 0;
		if (g_strv_length(kv) != 2 ||
		    !g_file_get_contents(kv[1], &contents, &length, &error)) {
			g_printerr("--file %s: %s\n", files[i],
			           error != NULL ? error->message : "wants PATH=FILE");
			return 2;
		}
		ym_test_http_server_add_file(server, kv[0], contents, length);
	}
	ym_test_http_server_start(server);
	for (guint i = 0; sends != NULL && sends[i] != NULL; i++) {
		if (i > 0)
			g_usleep((gulong) interval_ms * 1000);
		if (!send_ssdp(sends[i], &error)) {
			g_printerr("sending %s: %s\n", sends[i], error->message);
			return 1;
		}
	}
	g_usleep((gulong) linger_ms * 1000);
	print_requests(server);
	return 0;
}
