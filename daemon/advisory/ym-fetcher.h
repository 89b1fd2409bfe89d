/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Synchronous HTTPS downloads of advisory feeds (libcurl).
 *
 * HTTPS only, also after redirects (at most 5, followed by us so that extra
 * headers such as an API key never go to another origin); peer and host
 * verified; connect and total timeouts per attempt; a size cap on the
 * decoded body; conditional GET; 429 and 5xx retried with backoff. The body
 * goes to a 0600 temporary file beside the destination, renamed over it
 * only on complete success. Request headers are never logged nor put in
 * error messages, and URLs in messages lose their query string.
 *
 * A fetcher may be used from several threads at once as long as its
 * setters are not called meanwhile; every fetch uses its own connection.
 *
 * Errors are YM_ERROR with the URL (without query) and what happened:
 *  - NOT_SUPPORTED: not an https:// URL, or a redirect to a non-HTTPS address
 *  - NOT_FOUND: HTTP 404 or 410
 *  - PERMISSION_DENIED: HTTP 401 or 403
 *  - INVALID_DATA: unexpected Content-Type, body over the size cap
 *  - WRITE: the temporary file or the rename failed (names the path)
 *  - READ: everything else (other statuses, TLS, timeouts, truncation, retries used up)
 * and G_IO_ERROR_CANCELLED when the cancellable of ym_fetcher_fetch_full() fired.
 */

#define YM_TYPE_FETCHER (ym_fetcher_get_type())
G_DECLARE_FINAL_TYPE(YmFetcher, ym_fetcher, YM, FETCHER, GObject)

/* the validators of a cached copy, stored by the caller per URL */
typedef struct {
	gchar *etag;          /* ETag as received, NULL when none */
	gchar *last_modified; /* Last-Modified as received, NULL when none */
} YmFetchValidators;

typedef enum {
	YM_FETCH_RESULT_OK,           /* dest_path now holds the new body */
	YM_FETCH_RESULT_NOT_MODIFIED, /* 304: dest_path was left untouched */
} YmFetchResult;

/* @bytes_total is -1 when the server did not announce a length */
typedef void (*YmFetchProgressFunc)(goffset bytes_received,
                                    goffset bytes_total,
                                    gpointer user_data);

#define YM_FETCHER_DEFAULT_CONNECT_TIMEOUT 15 /* seconds */
#define YM_FETCHER_DEFAULT_TOTAL_TIMEOUT   300
#define YM_FETCHER_DEFAULT_MAX_SIZE        (64 * 1024 * 1024)
#define YM_FETCHER_DEFAULT_MAX_RETRIES     3
#define YM_FETCHER_DEFAULT_BASE_DELAY_MS   2000
#define YM_FETCHER_DEFAULT_MAX_DELAY_MS    60000
#define YM_FETCHER_MAX_REDIRECTS           5

/* frees the strings and sets them to NULL; the struct itself is the caller's */
void
ym_fetch_validators_clear(YmFetchValidators *validators);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(YmFetchValidators, ym_fetch_validators_clear)

YmFetcher *
ym_fetcher_new(void);
/* trust only the CA certificates of this PEM file instead of the system
 * store (tests, or a pinned private mirror); NULL restores the system store */
void
ym_fetcher_set_ca_file(YmFetcher *self, const gchar *path);
/* a proxy URL such as "http://proxy.lan:3128"; NULL (the default) lets
 * libcurl read https_proxy / HTTPS_PROXY / all_proxy / no_proxy from the
 * environment; "" means a direct connection whatever the environment says */
void
ym_fetcher_set_proxy(YmFetcher *self, const gchar *url);
/* per attempt; 0 keeps the default */
void
ym_fetcher_set_timeouts(YmFetcher *self, guint connect_seconds, guint total_seconds);
/* cap of the decoded body in bytes */
void
ym_fetcher_set_max_size(YmFetcher *self, guint64 bytes);
/* NULL restores the default "Yamori/<version> (+https://github.com/yamori)" */
void
ym_fetcher_set_user_agent(YmFetcher *self, const gchar *user_agent);
/* @max_retries attempts after the first for 429 and 5xx; the delay doubles
 * from @base_delay_ms with jitter, or follows Retry-After, never above
 * @max_delay_ms */
void
ym_fetcher_set_retries(YmFetcher *self, guint max_retries, guint base_delay_ms, guint max_delay_ms);
/* called from the fetching thread as the body arrives */
void
ym_fetcher_set_progress_func(YmFetcher *self, YmFetchProgressFunc func, gpointer user_data);

/*
 * Downloads @url to @dest_path.
 *
 * @accept_types: allowed media types such as {"application/json", NULL}
 *   (parameters like charset are ignored), or NULL for any
 * @validators: (nullable) (inout): sent as If-None-Match / If-Modified-Since;
 *   replaced by the response's ETag / Last-Modified on success
 * @result: (out): OK or NOT_MODIFIED
 */
gboolean
ym_fetcher_fetch(YmFetcher *self,
                 const gchar *url,
                 const gchar *const *accept_types,
                 YmFetchValidators *validators,
                 const gchar *dest_path,
                 YmFetchResult *result,
                 GError **error);
/*
 * As ym_fetcher_fetch(), plus:
 * @headers: (nullable): extra request headers as a NULL-terminated list of
 *   "Name: value" strings, e.g. {"apiKey: …", NULL}; sent only to the origin
 *   of @url (dropped when a redirect leaves it), never logged
 * @cancellable: (nullable): aborts the transfer or the wait between retries
 */
gboolean
ym_fetcher_fetch_full(YmFetcher *self,
                      const gchar *url,
                      const gchar *const *accept_types,
                      const gchar *const *headers,
                      YmFetchValidators *validators,
                      const gchar *dest_path,
                      YmFetchResult *result,
                      GCancellable *cancellable,
                      GError **error);

G_END_DECLS
