/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A scripted HTTPS server on 127.0.0.1 for tests (libsoup 3), on an
 * ephemeral port, running on its own thread and GMainContext so that the
 * test thread may block in a synchronous client.
 *
 * Its certificate comes from a throwaway CA generated at build time
 * (tests/gen-test-certs.sh): clients trust ym_test_https_get_ca_file().
 *
 * Each path has a queue of responses: a request takes the first one, and
 * the last one stays, so "503, 503, then the file" is three add calls.
 * Paths are compared without the query string; a path without responses
 * answers 404. Every call may come from any thread.
 *
 * To link it, add the test's name to `https_tests` in tests/meson.build.
 */
typedef struct _YmTestHttps YmTestHttps;

/* starts the server; aborts the test when it cannot */
YmTestHttps *
ym_test_https_new(void);
/* the same with a certificate from the same CA that names only
 * "wrong.invalid", for host-name verification tests */
YmTestHttps *
ym_test_https_new_wrong_host(void);
/* stops the server and its proxy and joins their threads */
void
ym_test_https_free(YmTestHttps *self);

/* the PEM file of the CA that signed the server certificate */
const gchar *
ym_test_https_get_ca_file(YmTestHttps *self);
guint16
ym_test_https_get_port(YmTestHttps *self);
/* "https://127.0.0.1:<port><path>", @path starting with '/' */
gchar *
ym_test_https_get_url(YmTestHttps *self, const gchar *path);

/*
 * 200 with the contents of @file (read now, mapped), Content-Type
 * @content_type, ETag "\"<first 16 hex digits of its SHA-256>\"" and
 * Last-Modified its modification time; answers 304 to a matching
 * If-None-Match or, without one, to an If-Modified-Since not older
 */
void
ym_test_https_add_file(YmTestHttps *self,
                       const gchar *path,
                       const gchar *file,
                       const gchar *content_type);
/* the same for bytes, with Last-Modified the time of the call */
void
ym_test_https_add_bytes(YmTestHttps *self,
                        const gchar *path,
                        GBytes *body,
                        const gchar *content_type);
/* @status with extra headers as name, value pairs ending with NULL, e.g.
 * (…, 302, "Location", url, NULL) or (…, 429, "Retry-After", "1", NULL) */
void
ym_test_https_add_status(YmTestHttps *self, const gchar *path, guint status, ...)
    G_GNUC_NULL_TERMINATED;
/* writes @response as is (status line, headers, body, or anything
 * broken) instead of an HTTP response, then closes the connection:
 * truncated bodies, lying lengths, odd encodings */
void
ym_test_https_add_raw(YmTestHttps *self, const gchar *path, GBytes *response);
/* every later response on @path starts only after @delay_ms */
void
ym_test_https_set_delay(YmTestHttps *self, const gchar *path, guint delay_ms);
/* forgets the responses of @path (not its counters) */
void
ym_test_https_clear(YmTestHttps *self, const gchar *path);

/* how many requests reached @path */
guint
ym_test_https_get_requests(YmTestHttps *self, const gchar *path);
/* the value of header @name in the last request to @path, or NULL */
gchar *
ym_test_https_dup_request_header(YmTestHttps *self, const gchar *path, const gchar *name);
/* the query strings (as sent, "" for none) of every request to @path, in
 * order, NULL-terminated; counters survive ym_test_https_clear() */
gchar **
ym_test_https_dup_request_queries(YmTestHttps *self, const gchar *path);

/*
 * An HTTP CONNECT proxy on 127.0.0.1 (started on first use) that tunnels
 * only to 127.0.0.1, as "http://127.0.0.1:<port>"; it also serves as a
 * plain-HTTP listener that counts the connections it accepted
 */
const gchar *
ym_test_https_get_proxy_url(YmTestHttps *self);
guint
ym_test_https_get_proxy_connections(YmTestHttps *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(YmTestHttps, ym_test_https_free)

G_END_DECLS
