/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * SSDP: UPnP Device Architecture 2.0, section 1 (Discovery), an HTTPU/HTTPMU
 * dialect of HTTP/1.1 (RFC 9112 message syntax) on UDP 1900
 *
 *   NOTIFY * HTTP/1.1                  M-SEARCH * HTTP/1.1         HTTP/1.1 200 OK
 *   HOST: 239.255.255.250:1900         HOST: 239.255.255.250:1900  CACHE-CONTROL: max-age=1800
 *   CACHE-CONTROL: max-age=1800        MAN: "ssdp:discover"        LOCATION: http://...
 *   LOCATION: http://10.0.0.2:49152/   MX: 1                       SERVER: Linux/3.x UPnP/1.0 ...
 *   NT: upnp:rootdevice                ST: ssdp:all                ST: upnp:rootdevice
 *   NTS: ssdp:alive                    USER-AGENT: OS/1 UPnP/2.0   USN: uuid:...::upnp:rootdevice
 *   SERVER: OS/1 UPnP/2.0 product/1                                (blank line)
 *   USN: uuid:...::upnp:rootdevice     (blank line)
 *   (blank line)
 *
 * field names are matched without regard to case and devices are sloppy, so
 * bare LF line ends and blanks around names, colons and values are accepted;
 * WS-Discovery (SOAP over UDP 3702) and other XML payloads are not SSDP
 */

#define G_LOG_DOMAIN "YmDecode"

#include "config.h"

#include "ym-decode.h"

#include <stddef.h>

#include "ym-decode-http-private.h"

static const struct {
	const gchar *method;
	YmSsdpKind kind;
} ssdp_methods[] = {
    {"NOTIFY", YM_SSDP_NOTIFY},
    {"M-SEARCH", YM_SSDP_MSEARCH},
    {NULL, YM_SSDP_UNKNOWN},
};

static const struct {
	const gchar *name;
	gsize offset;
} ssdp_fields[] = {
    {"LOCATION", offsetof(YmSsdp, location)},
    {"SERVER", offsetof(YmSsdp, server)},
    {"USN", offsetof(YmSsdp, usn)},
    {"NT", offsetof(YmSsdp, nt)},
    {"NTS", offsetof(YmSsdp, nts)},
    {"ST", offsetof(YmSsdp, st)},
    {"USER-AGENT", offsetof(YmSsdp, user_agent)},
    {"HOST", offsetof(YmSsdp, host)},
    {NULL, 0},
};

/*
 * the start line: a request "METHOD * HTTP/1.1" or a response
 * "HTTP/1.1 200 OK"; FALSE when it is not an HTTP-like line at all
 */
static gboolean
ssdp_parse_start_line(YmSsdp *ssdp, const guint8 *line, gsize line_length, gboolean *valid)
{
	const guint8 *tokens[3] = {NULL};
	gsize lengths[3] = {0};
	const guint8 *token = NULL;
	gsize token_length = 0;
	gsize offset = 0;
	guint n_tokens = 0;
	guint8 minor = 0;

	while (_ym_http_next_token(line, line_length, &offset, &token, &token_length)) {
		if (n_tokens < G_N_ELEMENTS(tokens)) {
			tokens[n_tokens] = token;
			lengths[n_tokens] = token_length;
		}
		n_tokens++;
	}
	if (n_tokens == 0)
		return FALSE;

	/* response */
	if (_ym_http_parse_version(tokens[0], lengths[0], &minor)) {
		ssdp->kind = YM_SSDP_RESPONSE;
		*valid = n_tokens >= 2 && lengths[1] == 3 && g_ascii_isdigit(tokens[1][0]) &&
		         g_ascii_isdigit(tokens[1][1]) && g_ascii_isdigit(tokens[1][2]);
		return TRUE;
	}

	/* request: the version comes last */
	if (n_tokens < 2 || n_tokens > 3 ||
	    !_ym_http_parse_version(tokens[n_tokens - 1], lengths[n_tokens - 1], &minor))
		return FALSE;
	for (guint i = 0; ssdp_methods[i].method != NULL; i++) {
		if (lengths[0] == strlen(ssdp_methods[i].method) &&
		    g_ascii_strncasecmp((const gchar *) tokens[0], ssdp_methods[i].method,
		                        lengths[0]) == 0) {
			ssdp->kind = ssdp_methods[i].kind;
			break;
		}
	}
	/* the request target is always "*" */
	*valid = n_tokens == 3 && lengths[1] == 1 && tokens[1][0] == '*';
	return TRUE;
}

/* blanks around a name are tolerated, blanks inside it are not */
static gboolean
ssdp_field_name_is_valid(const YmHttpField *field)
{
	if (field->name_length == 0)
		return FALSE;
	for (gsize i = 0; i < field->name_length; i++) {
		if (_ym_http_is_space(field->name[i]))
			return FALSE;
	}
	return TRUE;
}

static void
ssdp_take_field(YmPacket *packet, YmSsdp *ssdp, const YmHttpField *field)
{
	for (guint i = 0; ssdp_fields[i].name != NULL; i++) {
		YmStr *str = &G_STRUCT_MEMBER(YmStr, ssdp, ssdp_fields[i].offset);
		if (!_ym_http_field_name_is(field, ssdp_fields[i].name))
			continue;
		/* the first one wins */
		if (!ym_str_is_set(*str))
			*str = _ym_http_field_get_value(packet, field);
		return;
	}
}

YmDecodeResult
ym_decode_ssdp(YmPacket *packet, const guint8 *data, gsize length)
{
	YmSsdp *ssdp = &packet->u.ssdp;
	YmHttpField field;
	YmBuf buf;
	const guint8 *line = NULL;
	gsize line_length = 0;
	gboolean terminated = FALSE;
	gboolean head_complete = FALSE;
	gboolean valid = TRUE;

	memset(ssdp, 0, sizeof(*ssdp));
	ym_buf_init(&buf, data, length);

	/* start line, after any stray blank lines */
	do {
		if (!_ym_http_next_line(&buf, &line, &line_length, &terminated))
			return YM_DECODE_UNSUPPORTED;
	} while (line_length == 0 && terminated);

	/* XML (WS-Discovery and the like) or anything else that is not HTTPU */
	while (line_length > 0 && _ym_http_is_space(line[0])) {
		line++;
		line_length--;
	}
	if (line_length > 0 && line[0] == '<')
		return YM_DECODE_UNSUPPORTED;
	if (!ssdp_parse_start_line(ssdp, line, line_length, &valid))
		return YM_DECODE_UNSUPPORTED;
	packet->app = YM_APP_SSDP;

	/* field lines */
	while (_ym_http_next_field(&buf, &field, &head_complete)) {
		if (!field.has_colon || !ssdp_field_name_is_valid(&field)) {
			valid = FALSE;
			continue;
		}
		ssdp_take_field(packet, ssdp, &field);
	}
	if (!valid)
		goto invalid;
	return YM_DECODE_OK;

invalid:
	ym_packet_add_event(packet, YM_EVENT_SSDP_INVALID);
	return YM_DECODE_INVALID;
}
