/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "YmFetcher"

#include "config.h"

#include "ym-fetcher.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ym-error.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CURL, curl_easy_cleanup)

/* the project, never the household */
#define YM_FETCHER_USER_AGENT "Yamori/" PACKAGE_VERSION " (+https://github.com/yamori)"

/* the most of a redirect page we read before giving up on it */
#define YM_FETCHER_MAX_DISCARD (64 * 1024)

/* longer validators or header values are not ours to keep */
#define YM_FETCHER_MAX_VALIDATOR_LENGTH 1024

struct _YmFetcher {
	GObject parent_instance;
	/* owned */
	gchar *ca_file;
	gchar *proxy;
	gchar *user_agent;
	guint connect_timeout;
	guint total_timeout;
	guint64 max_size;
	guint max_retries;
	guint base_delay_ms;
	guint max_delay_ms;
	/* borrowed */
	YmFetchProgressFunc progress_func;
	gpointer progress_data;
};

G_DEFINE_TYPE(YmFetcher, ym_fetcher, G_TYPE_OBJECT)

typedef enum {
	YM_FETCH_STEP_OK,
	YM_FETCH_STEP_NOT_MODIFIED,
	YM_FETCH_STEP_REDIRECT,
	YM_FETCH_STEP_RETRY,
} YmFetchStep;

/* the state of one ym_fetcher_fetch_full() call */
typedef struct {
	/* borrowed */
	YmFetcher *fetcher;
	CURL *curl;
	GCancellable *cancellable;
	const gchar *const *accept_types;
	const gchar *const *headers;
	YmFetchValidators *validators;
	/* owned */
	gchar *safe_url; /* for messages: no userinfo, query or fragment */
	gchar *tmp_path;
	gint fd;
	gboolean committed;
	GError *response_error;
	gchar *redirect_url;
	/* per request */
	glong status;
	gboolean checked;
	gboolean oversized;
	gint write_errno;
	guint64 received;
	gint64 retry_after; /* seconds, 0 when not given */
} YmFetchTransfer;

static void
ym_fetch_transfer_clear(YmFetchTransfer *transfer)
{
	if (transfer->fd >= 0)
		close(transfer->fd);
	if (transfer->tmp_path != NULL && !transfer->committed)
		g_unlink(transfer->tmp_path);
	g_free(transfer->tmp_path);
	g_free(transfer->safe_url);
	g_free(transfer->redirect_url);
	g_clear_error(&transfer->response_error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(YmFetchTransfer, ym_fetch_transfer_clear)

/* a curl_slist that may hold secrets: wiped before it is freed */
static void
ym_fetcher_slist_free_wiped(struct curl_slist *list)
{
	for (struct curl_slist *item = list; item != NULL; item = item->next)
		explicit_bzero(item->data, strlen(item->data));
	curl_slist_free_all(list);
}

typedef struct curl_slist YmCurlSlist;
G_DEFINE_AUTOPTR_CLEANUP_FUNC(YmCurlSlist, ym_fetcher_slist_free_wiped)

void
ym_fetch_validators_clear(YmFetchValidators *validators)
{
	g_return_if_fail(validators != NULL);
	g_clear_pointer(&validators->etag, g_free);
	g_clear_pointer(&validators->last_modified, g_free);
}

static gpointer
ym_fetcher_init_curl_cb(gpointer data)
{
	return GINT_TO_POINTER(curl_global_init(CURL_GLOBAL_DEFAULT));
}

static gboolean
ym_fetcher_ensure_curl(GError **error)
{
	static GOnce once = G_ONCE_INIT;
	CURLcode code;

	g_once(&once, ym_fetcher_init_curl_cb, NULL);
	code = (CURLcode) GPOINTER_TO_INT(once.retval);
	if (code != CURLE_OK) {
		g_set_error(error, YM_ERROR, YM_ERROR_INTERNAL, "initialising libcurl: %s",
		            curl_easy_strerror(code));
		return FALSE;
	}
	return TRUE;
}

/* the URL as it may appear in messages and logs: a query can carry a key */
static gchar *
ym_fetcher_dup_safe_url(const gchar *url)
{
	g_autoptr(GUri) uri = g_uri_parse(url, G_URI_FLAGS_ENCODED, NULL);
	if (uri == NULL)
		return g_strndup(url, strcspn(url, "?#@"));
	return g_uri_join(G_URI_FLAGS_ENCODED, g_uri_get_scheme(uri), NULL, g_uri_get_host(uri),
	                  g_uri_get_port(uri), g_uri_get_path(uri), NULL, NULL);
}

static gboolean
ym_fetcher_is_https(const gchar *url)
{
	g_autofree gchar *scheme = g_uri_parse_scheme(url);
	return scheme != NULL && g_ascii_strcasecmp(scheme, "https") == 0;
}

/* scheme, host and port, the unit extra headers stay within */
static gboolean
ym_fetcher_is_same_origin(const gchar *url_a, const gchar *url_b)
{
	g_autoptr(GUri) a = g_uri_parse(url_a, G_URI_FLAGS_ENCODED, NULL);
	g_autoptr(GUri) b = g_uri_parse(url_b, G_URI_FLAGS_ENCODED, NULL);
	gint port_a;
	gint port_b;

	if (a == NULL || b == NULL)
		return FALSE;
	if (g_uri_get_host(a) == NULL || g_uri_get_host(b) == NULL)
		return FALSE;
	port_a = g_uri_get_port(a) > 0 ? g_uri_get_port(a) : 443;
	port_b = g_uri_get_port(b) > 0 ? g_uri_get_port(b) : 443;
	return g_ascii_strcasecmp(g_uri_get_scheme(a), g_uri_get_scheme(b)) == 0 &&
	       g_ascii_strcasecmp(g_uri_get_host(a), g_uri_get_host(b)) == 0 && port_a == port_b;
}

/* no line breaks or other controls that would let a value start a header */
static gboolean
ym_fetcher_is_header_safe(const gchar *text)
{
	if (strlen(text) > YM_FETCHER_MAX_VALIDATOR_LENGTH)
		return FALSE;
	for (const gchar *p = text; *p != '\0'; p++) {
		if (g_ascii_iscntrl(*p) && *p != '\t')
			return FALSE;
	}
	return TRUE;
}

static gboolean
ym_fetcher_check_headers(const gchar *const *headers, GError **error)
{
	for (guint i = 0; headers != NULL && headers[i] != NULL; i++) {
		const gchar *colon = strchr(headers[i], ':');
		gboolean valid = colon != NULL && colon != headers[i];
		for (const gchar *p = headers[i]; valid && p < colon; p++) {
			if (!g_ascii_isalnum(*p) && strchr("!#$%&'*+-.^_`|~", *p) == NULL)
				valid = FALSE;
		}
		/* the message never quotes the header: it may be a key */
		if (!valid || !ym_fetcher_is_header_safe(colon)) {
			g_set_error(error, YM_ERROR, YM_ERROR_INTERNAL,
			            "extra request header %u is not a valid \"Name: value\"",
			            i + 1);
			return FALSE;
		}
	}
	return TRUE;
}

static gchar *
ym_fetcher_dup_response_header(CURL *curl, const gchar *name)
{
	struct curl_header *header = NULL;
	if (curl_easy_header(curl, name, 0, CURLH_HEADER, -1, &header) != CURLHE_OK)
		return NULL;
	if (header->value == NULL || header->value[0] == '\0' ||
	    !ym_fetcher_is_header_safe(header->value))
		return NULL;
	return g_strdup(header->value);
}

static gboolean
ym_fetch_transfer_check_type(YmFetchTransfer *transfer, GError **error)
{
	const gchar *content_type = NULL;
	g_autofree gchar *media = NULL;
	g_autofree gchar *expected = NULL;
	g_autofree gchar *got = NULL;

	if (transfer->accept_types == NULL || transfer->accept_types[0] == NULL)
		return TRUE;
	curl_easy_getinfo(transfer->curl, CURLINFO_CONTENT_TYPE, &content_type);
	if (content_type != NULL) {
		media = g_strndup(content_type, strcspn(content_type, ";"));
		g_strstrip(media);
		for (guint i = 0; transfer->accept_types[i] != NULL; i++) {
			if (g_ascii_strcasecmp(media, transfer->accept_types[i]) == 0)
				return TRUE;
		}
	}
	expected = g_strjoinv(" or ", (gchar **) transfer->accept_types);
	if (media == NULL || media[0] == '\0') {
		got = g_strdup("no Content-Type");
	} else {
		/* the server chose these bytes: bounded and escaped */
		g_autofree gchar *bounded = g_utf8_make_valid(media, MIN(strlen(media), 64));
		got = g_strescape(bounded, "");
	}
	g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: expected %s, got %s",
	            transfer->safe_url, expected, got);
	return FALSE;
}

static size_t
ym_fetcher_write_cb(char *data, size_t size, size_t nmemb, void *user_data)
{
	YmFetchTransfer *transfer = user_data;
	YmFetcher *self = transfer->fetcher;
	gsize length = size * nmemb;
	curl_off_t total = -1;

	if (!transfer->checked) {
		transfer->checked = TRUE;
		curl_easy_getinfo(transfer->curl, CURLINFO_RESPONSE_CODE, &transfer->status);
		if (transfer->status == 200 &&
		    !ym_fetch_transfer_check_type(transfer, &transfer->response_error))
			return CURL_WRITEFUNC_ERROR;
	}
	/* bodies of errors and redirects are not wanted; small redirect pages
	 * are read and dropped so the transfer ends normally */
	if (transfer->status != 200) {
		if (transfer->status < 300 || transfer->status >= 400 ||
		    length > YM_FETCHER_MAX_DISCARD - transfer->received)
			return CURL_WRITEFUNC_ERROR;
		transfer->received += length;
		return length;
	}
	/* servers lie about Content-Length, and compressed bodies grow */
	if (length > self->max_size - transfer->received) {
		transfer->oversized = TRUE;
		return CURL_WRITEFUNC_ERROR;
	}
	for (gsize done = 0; done < length;) {
		gssize wrote = write(transfer->fd, data + done, length - done);
		if (wrote < 0 && errno == EINTR)
			continue;
		if (wrote <= 0) {
			transfer->write_errno = wrote < 0 ? errno : ENOSPC;
			return CURL_WRITEFUNC_ERROR;
		}
		done += wrote;
	}
	transfer->received += length;
	if (self->progress_func != NULL) {
		curl_easy_getinfo(transfer->curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &total);
		self->progress_func((goffset) transfer->received, total >= 0 ? (goffset) total : -1,
		                    self->progress_data);
	}
	return length;
}

static int
ym_fetcher_xferinfo_cb(void *user_data,
                       curl_off_t dltotal,
                       curl_off_t dlnow,
                       curl_off_t ultotal,
                       curl_off_t ulnow)
{
	YmFetchTransfer *transfer = user_data;
	return g_cancellable_is_cancelled(transfer->cancellable) ? 1 : 0;
}

/* the request headers of one request; NULL when there are none */
static struct curl_slist *
ym_fetch_transfer_build_headers(YmFetchTransfer *transfer, gboolean same_origin)
{
	struct curl_slist *list = NULL;
	YmFetchValidators *validators = transfer->validators;

	if (transfer->accept_types != NULL && transfer->accept_types[0] != NULL) {
		g_autofree gchar *types = g_strjoinv(", ", (gchar **) transfer->accept_types);
		g_autofree gchar *line = g_strdup_printf("Accept: %s", types);
		list = curl_slist_append(list, line);
	}
	if (validators != NULL && validators->etag != NULL &&
	    ym_fetcher_is_header_safe(validators->etag)) {
		g_autofree gchar *line = g_strdup_printf("If-None-Match: %s", validators->etag);
		list = curl_slist_append(list, line);
	}
	if (validators != NULL && validators->last_modified != NULL &&
	    ym_fetcher_is_header_safe(validators->last_modified)) {
		g_autofree gchar *line =
		    g_strdup_printf("If-Modified-Since: %s", validators->last_modified);
		list = curl_slist_append(list, line);
	}
	for (guint i = 0; same_origin && transfer->headers != NULL && transfer->headers[i] != NULL;
	     i++)
		list = curl_slist_append(list, transfer->headers[i]);
	return list;
}

static void
ym_fetch_transfer_setup(YmFetchTransfer *transfer,
                        const gchar *url,
                        struct curl_slist *headers,
                        gchar *errbuf)
{
	YmFetcher *self = transfer->fetcher;
	CURL *curl = transfer->curl;

	/* keeps the connection cache, forgets the last request's options */
	curl_easy_reset(curl);
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "https");
	curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "https");
	/* redirects are followed by ym_fetcher_fetch_full() so it can drop
	 * the extra headers when one leaves the origin */
	curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(curl, CURLOPT_SSLVERSION, (long) CURL_SSLVERSION_TLSv1_2);
	if (self->ca_file != NULL) {
		curl_easy_setopt(curl, CURLOPT_CAINFO, self->ca_file);
		curl_easy_setopt(curl, CURLOPT_CAPATH, NULL);
	}
	if (self->proxy != NULL)
		curl_easy_setopt(curl, CURLOPT_PROXY, self->proxy);
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, (long) self->connect_timeout);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, (long) self->total_timeout);
	curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t) self->max_size);
	curl_easy_setopt(curl, CURLOPT_USERAGENT, self->user_agent);
	curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, ym_fetcher_write_cb);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, transfer);
	if (transfer->cancellable != NULL) {
		curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, ym_fetcher_xferinfo_cb);
		curl_easy_setopt(curl, CURLOPT_XFERINFODATA, transfer);
		curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
	}
}

/* empties the temporary file for a new response */
static gboolean
ym_fetch_transfer_rewind(YmFetchTransfer *transfer, GError **error)
{
	transfer->status = 0;
	transfer->checked = FALSE;
	transfer->oversized = FALSE;
	transfer->write_errno = 0;
	transfer->received = 0;
	transfer->retry_after = 0;
	g_clear_pointer(&transfer->redirect_url, g_free);
	if (ftruncate(transfer->fd, 0) != 0 || lseek(transfer->fd, 0, SEEK_SET) != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "truncating %s: %s",
		            transfer->tmp_path, g_strerror(errno));
		return FALSE;
	}
	return TRUE;
}

static gboolean
ym_fetch_transfer_set_curl_error(YmFetchTransfer *transfer,
                                 CURLcode code,
                                 const gchar *errbuf,
                                 GError **error)
{
	const gchar *detail = errbuf[0] != '\0' ? errbuf : curl_easy_strerror(code);
	curl_off_t length = -1;
	curl_off_t downloaded = 0;

	curl_easy_getinfo(transfer->curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
	curl_easy_getinfo(transfer->curl, CURLINFO_SIZE_DOWNLOAD_T, &downloaded);
	switch (code) {
	case CURLE_PARTIAL_FILE:
	case CURLE_RECV_ERROR:
		if (transfer->status != 200 || (code == CURLE_RECV_ERROR && length < 0))
			break;
		if (length >= 0) {
			g_set_error(error, YM_ERROR, YM_ERROR_READ,
			            "%s: connection closed after %" G_GINT64_FORMAT
			            " of %" G_GINT64_FORMAT " bytes",
			            transfer->safe_url, (gint64) downloaded, (gint64) length);
		} else {
			g_set_error(error, YM_ERROR, YM_ERROR_READ,
			            "%s: connection closed after %" G_GINT64_FORMAT
			            " bytes, before the end of the body",
			            transfer->safe_url, (gint64) downloaded);
		}
		return FALSE;
	case CURLE_OPERATION_TIMEDOUT:
		g_set_error(error, YM_ERROR, YM_ERROR_READ, "%s: timed out: %s", transfer->safe_url,
		            detail);
		return FALSE;
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CACERT_BADFILE:
		g_set_error(error, YM_ERROR, YM_ERROR_READ, "%s: TLS: %s", transfer->safe_url,
		            detail);
		return FALSE;
	default:
		break;
	}
	g_set_error(error, YM_ERROR, YM_ERROR_READ, "%s: %s", transfer->safe_url, detail);
	return FALSE;
}

static gboolean
ym_fetch_transfer_set_status_error(YmFetchTransfer *transfer, GError **error)
{
	YmError code = YM_ERROR_READ;
	if (transfer->status == 404 || transfer->status == 410)
		code = YM_ERROR_NOT_FOUND;
	else if (transfer->status == 401 || transfer->status == 403)
		code = YM_ERROR_PERMISSION_DENIED;
	g_set_error(error, YM_ERROR, code, "%s: HTTP %ld", transfer->safe_url, transfer->status);
	return FALSE;
}

/* one request and response, without following redirects or retrying */
static gboolean
ym_fetch_transfer_perform(YmFetchTransfer *transfer,
                          const gchar *url,
                          gboolean same_origin,
                          YmFetchStep *step,
                          GError **error)
{
	YmFetcher *self = transfer->fetcher;
	g_autoptr(YmCurlSlist) headers = NULL;
	gchar errbuf[CURL_ERROR_SIZE] = {0};
	const gchar *redirect_url = NULL;
	CURLcode code;

	if (!ym_fetch_transfer_rewind(transfer, error))
		return FALSE;
	headers = ym_fetch_transfer_build_headers(transfer, same_origin);
	ym_fetch_transfer_setup(transfer, url, headers, errbuf);
	code = curl_easy_perform(transfer->curl);
	curl_easy_getinfo(transfer->curl, CURLINFO_RESPONSE_CODE, &transfer->status);
	g_debug("%s: curl %d, HTTP %ld", transfer->safe_url, code, transfer->status);

	/* what the callbacks found first */
	if (g_cancellable_set_error_if_cancelled(transfer->cancellable, error))
		return FALSE;
	if (transfer->response_error != NULL) {
		g_propagate_error(error, g_steal_pointer(&transfer->response_error));
		return FALSE;
	}
	if (transfer->write_errno != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "writing %s: %s", transfer->tmp_path,
		            g_strerror(transfer->write_errno));
		return FALSE;
	}
	if (transfer->oversized || code == CURLE_FILESIZE_EXCEEDED) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s: body larger than %" G_GUINT64_FORMAT " bytes", transfer->safe_url,
		            self->max_size);
		return FALSE;
	}
	/* a write error here is only the refusal of an unwanted body */
	if (code != CURLE_OK && !(code == CURLE_WRITE_ERROR && transfer->status != 200))
		return ym_fetch_transfer_set_curl_error(transfer, code, errbuf, error);

	/* the status */
	switch (transfer->status) {
	case 200:
		if (!transfer->checked && !ym_fetch_transfer_check_type(transfer, error))
			return FALSE;
		*step = YM_FETCH_STEP_OK;
		return TRUE;
	case 304:
		if (transfer->validators == NULL || (transfer->validators->etag == NULL &&
		                                     transfer->validators->last_modified == NULL))
			break;
		*step = YM_FETCH_STEP_NOT_MODIFIED;
		return TRUE;
	case 301:
	case 302:
	case 303:
	case 307:
	case 308:
		curl_easy_getinfo(transfer->curl, CURLINFO_REDIRECT_URL, &redirect_url);
		if (redirect_url != NULL) {
			transfer->redirect_url = g_strdup(redirect_url);
		} else {
			/* libcurl leaves it out when the page was cut short */
			g_autofree gchar *location =
			    ym_fetcher_dup_response_header(transfer->curl, "Location");
			if (location != NULL)
				transfer->redirect_url = g_uri_resolve_relative(
				    url, location, G_URI_FLAGS_ENCODED, NULL);
		}
		if (transfer->redirect_url == NULL) {
			g_set_error(error, YM_ERROR, YM_ERROR_READ,
			            "%s: HTTP %ld without a usable Location", transfer->safe_url,
			            transfer->status);
			return FALSE;
		}
		*step = YM_FETCH_STEP_REDIRECT;
		return TRUE;
	default:
		if (transfer->status == 429 ||
		    (transfer->status >= 500 && transfer->status < 600)) {
			curl_easy_getinfo(transfer->curl, CURLINFO_RETRY_AFTER,
			                  &transfer->retry_after);
			*step = YM_FETCH_STEP_RETRY;
			return TRUE;
		}
		break;
	}
	return ym_fetch_transfer_set_status_error(transfer, error);
}

/* one attempt: the request and the redirects it leads to */
static gboolean
ym_fetch_transfer_attempt(YmFetchTransfer *transfer,
                          const gchar *url,
                          YmFetchStep *step,
                          GError **error)
{
	g_autofree gchar *current = g_strdup(url);
	gboolean same_origin = TRUE;

	for (guint redirects = 0;; redirects++) {
		if (!ym_fetch_transfer_perform(transfer, current, same_origin, step, error))
			return FALSE;
		if (*step != YM_FETCH_STEP_REDIRECT)
			return TRUE;
		if (redirects == YM_FETCHER_MAX_REDIRECTS) {
			g_set_error(error, YM_ERROR, YM_ERROR_READ, "%s: more than %u redirects",
			            transfer->safe_url, (guint) YM_FETCHER_MAX_REDIRECTS);
			return FALSE;
		}
		if (!ym_fetcher_is_https(transfer->redirect_url)) {
			g_set_error(error, YM_ERROR, YM_ERROR_NOT_SUPPORTED,
			            "%s: redirect to a non-HTTPS address refused",
			            transfer->safe_url);
			return FALSE;
		}
		/* once left, the origin does not get the headers back either */
		same_origin = same_origin && ym_fetcher_is_same_origin(url, transfer->redirect_url);
		g_free(current);
		current = g_steal_pointer(&transfer->redirect_url);
	}
}

static guint
ym_fetcher_get_retry_delay(YmFetcher *self, guint retry, gint64 retry_after)
{
	guint64 delay;

	/* the server knows best, within our patience */
	if (retry_after > 0) {
		delay = (guint64) MIN(retry_after, (gint64) G_MAXUINT32) * 1000;
		return (guint) MIN(delay, (guint64) self->max_delay_ms);
	}
	delay = (guint64) self->base_delay_ms << MIN(retry, 32u);
	delay = MIN(delay, (guint64) self->max_delay_ms);
	/* equal jitter: half fixed, half random, so clients do not align */
	delay = delay / 2 + (guint64) g_random_int_range(0, (gint32) (delay / 2) + 1);
	return (guint) delay;
}

/* sleeps, or stops early with an error when @cancellable fires */
static gboolean
ym_fetcher_sleep(guint delay_ms, GCancellable *cancellable, GError **error)
{
	GPollFD pollfd = {0};
	gint64 deadline = g_get_monotonic_time() + (gint64) delay_ms * 1000;

	if (cancellable == NULL || !g_cancellable_make_pollfd(cancellable, &pollfd)) {
		g_usleep((gulong) delay_ms * 1000);
		return TRUE;
	}
	for (;;) {
		gint64 remaining = deadline - g_get_monotonic_time();
		if (g_cancellable_is_cancelled(cancellable) || remaining <= 0)
			break;
		g_poll(&pollfd, 1, (gint) ((remaining + 999) / 1000));
	}
	g_cancellable_release_fd(cancellable);
	return !g_cancellable_set_error_if_cancelled(cancellable, error);
}

static gboolean
ym_fetch_transfer_open(YmFetchTransfer *transfer, const gchar *dest_path, GError **error)
{
	g_autofree gchar *dir = g_path_get_dirname(dest_path);
	g_autofree gchar *base = g_path_get_basename(dest_path);
	g_autofree gchar *name = g_strdup_printf(".%s.XXXXXX", base);

	transfer->tmp_path = g_build_filename(dir, name, NULL);
	transfer->fd = g_mkstemp_full(transfer->tmp_path, O_RDWR | O_CLOEXEC, 0600);
	if (transfer->fd < 0) {
		gint saved_errno = errno;
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "creating %s: %s", transfer->tmp_path,
		            g_strerror(saved_errno));
		g_clear_pointer(&transfer->tmp_path, g_free);
		return FALSE;
	}
	return TRUE;
}

static gboolean
ym_fetch_transfer_commit(YmFetchTransfer *transfer, const gchar *dest_path, GError **error)
{
	gint synced = fsync(transfer->fd);
	gint saved_errno = errno;
	gint closed = close(transfer->fd);

	/* the old copy stays until the new one is safely on disk */
	transfer->fd = -1;
	if (synced != 0 || closed != 0) {
		if (synced == 0)
			saved_errno = errno;
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "writing %s: %s", transfer->tmp_path,
		            g_strerror(saved_errno));
		return FALSE;
	}
	if (g_rename(transfer->tmp_path, dest_path) != 0) {
		saved_errno = errno;
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "renaming %s to %s: %s",
		            transfer->tmp_path, dest_path, g_strerror(saved_errno));
		return FALSE;
	}
	transfer->committed = TRUE;
	return TRUE;
}

/* the validators of the response, kept when it sent none (a 304 may not) */
static void
ym_fetch_transfer_update_validators(YmFetchTransfer *transfer, gboolean replace)
{
	g_autofree gchar *etag = ym_fetcher_dup_response_header(transfer->curl, "ETag");
	g_autofree gchar *last_modified =
	    ym_fetcher_dup_response_header(transfer->curl, "Last-Modified");
	YmFetchValidators *validators = transfer->validators;

	if (validators == NULL)
		return;
	if (replace || etag != NULL) {
		g_free(validators->etag);
		validators->etag = g_steal_pointer(&etag);
	}
	if (replace || last_modified != NULL) {
		g_free(validators->last_modified);
		validators->last_modified = g_steal_pointer(&last_modified);
	}
}

gboolean
ym_fetcher_fetch_full(YmFetcher *self,
                      const gchar *url,
                      const gchar *const *accept_types,
                      const gchar *const *headers,
                      YmFetchValidators *validators,
                      const gchar *dest_path,
                      YmFetchResult *result,
                      GCancellable *cancellable,
                      GError **error)
{
	g_auto(YmFetchTransfer) transfer = {.fd = -1};
	g_autoptr(CURL) curl = NULL;
	YmFetchStep step = YM_FETCH_STEP_RETRY;

	g_return_val_if_fail(YM_IS_FETCHER(self), FALSE);
	g_return_val_if_fail(url != NULL, FALSE);
	g_return_val_if_fail(dest_path != NULL, FALSE);
	g_return_val_if_fail(result != NULL, FALSE);
	g_return_val_if_fail(cancellable == NULL || G_IS_CANCELLABLE(cancellable), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	transfer.fetcher = self;
	transfer.cancellable = cancellable;
	transfer.accept_types = accept_types;
	transfer.headers = headers;
	transfer.validators = validators;
	transfer.safe_url = ym_fetcher_dup_safe_url(url);

	/* refused before anything touches the network or the disk */
	if (!ym_fetcher_is_https(url)) {
		g_set_error(error, YM_ERROR, YM_ERROR_NOT_SUPPORTED,
		            "%s: only https:// addresses are allowed", transfer.safe_url);
		return FALSE;
	}
	if (!ym_fetcher_check_headers(headers, error))
		return FALSE;
	if (!ym_fetcher_ensure_curl(error))
		return FALSE;
	curl = curl_easy_init();
	if (curl == NULL) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INTERNAL, "curl_easy_init failed");
		return FALSE;
	}
	transfer.curl = curl;
	if (!ym_fetch_transfer_open(&transfer, dest_path, error))
		return FALSE;

	for (guint retry = 0;; retry++) {
		guint delay_ms;
		if (!ym_fetch_transfer_attempt(&transfer, url, &step, error))
			return FALSE;
		if (step != YM_FETCH_STEP_RETRY)
			break;
		if (retry == self->max_retries) {
			g_set_error(error, YM_ERROR, YM_ERROR_READ,
			            "%s: HTTP %ld after %u attempts", transfer.safe_url,
			            transfer.status, retry + 1);
			return FALSE;
		}
		delay_ms = ym_fetcher_get_retry_delay(self, retry, transfer.retry_after);
		g_debug("%s: HTTP %ld, retrying in %u ms", transfer.safe_url, transfer.status,
		        delay_ms);
		if (!ym_fetcher_sleep(delay_ms, cancellable, error))
			return FALSE;
	}

	if (step == YM_FETCH_STEP_NOT_MODIFIED) {
		ym_fetch_transfer_update_validators(&transfer, FALSE);
		*result = YM_FETCH_RESULT_NOT_MODIFIED;
		return TRUE;
	}
	if (!ym_fetch_transfer_commit(&transfer, dest_path, error))
		return FALSE;
	ym_fetch_transfer_update_validators(&transfer, TRUE);
	g_debug("%s: %" G_GUINT64_FORMAT " bytes", transfer.safe_url, transfer.received);
	*result = YM_FETCH_RESULT_OK;
	return TRUE;
}

gboolean
ym_fetcher_fetch(YmFetcher *self,
                 const gchar *url,
                 const gchar *const *accept_types,
                 YmFetchValidators *validators,
                 const gchar *dest_path,
                 YmFetchResult *result,
                 GError **error)
{
	return ym_fetcher_fetch_full(self, url, accept_types, NULL, validators, dest_path, result,
	                             NULL, error);
}

void
ym_fetcher_set_ca_file(YmFetcher *self, const gchar *path)
{
	g_return_if_fail(YM_IS_FETCHER(self));
	g_free(self->ca_file);
	self->ca_file = g_strdup(path);
}

void
ym_fetcher_set_proxy(YmFetcher *self, const gchar *url)
{
	g_return_if_fail(YM_IS_FETCHER(self));
	g_free(self->proxy);
	self->proxy = g_strdup(url);
}

void
ym_fetcher_set_timeouts(YmFetcher *self, guint connect_seconds, guint total_seconds)
{
	g_return_if_fail(YM_IS_FETCHER(self));
	self->connect_timeout =
	    connect_seconds > 0 ? connect_seconds : YM_FETCHER_DEFAULT_CONNECT_TIMEOUT;
	self->total_timeout = total_seconds > 0 ? total_seconds : YM_FETCHER_DEFAULT_TOTAL_TIMEOUT;
}

void
ym_fetcher_set_max_size(YmFetcher *self, guint64 bytes)
{
	g_return_if_fail(YM_IS_FETCHER(self));
	g_return_if_fail(bytes > 0 && bytes <= G_MAXINT64);
	self->max_size = bytes;
}

void
ym_fetcher_set_user_agent(YmFetcher *self, const gchar *user_agent)
{
	g_return_if_fail(YM_IS_FETCHER(self));
	g_free(self->user_agent);
	self->user_agent = g_strdup(user_agent != NULL ? user_agent : YM_FETCHER_USER_AGENT);
}

void
ym_fetcher_set_retries(YmFetcher *self, guint max_retries, guint base_delay_ms, guint max_delay_ms)
{
	g_return_if_fail(YM_IS_FETCHER(self));
	g_return_if_fail(base_delay_ms <= max_delay_ms);
	self->max_retries = max_retries;
	self->base_delay_ms = base_delay_ms;
	self->max_delay_ms = max_delay_ms;
}

void
ym_fetcher_set_progress_func(YmFetcher *self, YmFetchProgressFunc func, gpointer user_data)
{
	g_return_if_fail(YM_IS_FETCHER(self));
	self->progress_func = func;
	self->progress_data = user_data;
}

static void
ym_fetcher_finalize(GObject *object)
{
	YmFetcher *self = YM_FETCHER(object);
	g_free(self->ca_file);
	g_free(self->proxy);
	g_free(self->user_agent);
	G_OBJECT_CLASS(ym_fetcher_parent_class)->finalize(object);
}

static void
ym_fetcher_class_init(YmFetcherClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->finalize = ym_fetcher_finalize;
}

static void
ym_fetcher_init(YmFetcher *self)
{
	self->connect_timeout = YM_FETCHER_DEFAULT_CONNECT_TIMEOUT;
	self->total_timeout = YM_FETCHER_DEFAULT_TOTAL_TIMEOUT;
	self->max_size = YM_FETCHER_DEFAULT_MAX_SIZE;
	self->max_retries = YM_FETCHER_DEFAULT_MAX_RETRIES;
	self->base_delay_ms = YM_FETCHER_DEFAULT_BASE_DELAY_MS;
	self->max_delay_ms = YM_FETCHER_DEFAULT_MAX_DELAY_MS;
	self->user_agent = g_strdup(YM_FETCHER_USER_AGENT);
}

YmFetcher *
ym_fetcher_new(void)
{
	return g_object_new(YM_TYPE_FETCHER, NULL);
}
