/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * HTTP/1.x message heads: RFC 9112 (message syntax), RFC 9110 (semantics),
 * RFC 7617 (Basic) and RFC 9110 section 11 (Authorization, WWW-Authenticate)
 *
 *   request-line = method SP request-target SP HTTP-version CRLF
 *   status-line  = HTTP-version SP status-code SP [ reason-phrase ] CRLF
 *   field-line   = field-name ":" OWS field-value OWS CRLF
 *   obs-fold     = OWS CRLF RWS                 (a continuation line)
 *   HTTP-version = "HTTP/" DIGIT "." DIGIT
 *
 *   +--------------------------------------------+
 *   | GET /cgi-bin/login HTTP/1.1           CRLF | start line
 *   | Host: router.lan                      CRLF | field lines
 *   | Authorization: Basic  dGVzdDoxOjM0    CRLF |
 *   |                                       CRLF | blank line ends the head
 *   +--------------------------------------------+
 *   | body (not decoded)                         |
 *   +--------------------------------------------+
 *
 * only the head at the start of a segment is decoded; it may be cut at the
 * end of the segment, and what is there is kept; the request target and
 * the credentials are views into the frame and are never copied
 */

#define G_LOG_DOMAIN "YmDecode"

#include "config.h"

#include "ym-decode.h"

#include <stddef.h>

#include "ym-decode-http-private.h"

/* request methods that start a head we decode, each followed by SP */
static const struct {
	const gchar *text;
	gsize length;
} http_methods[] = {
    {"GET ", 4},     {"POST ", 5},  {"PUT ", 4},     {"HEAD ", 5},  {"DELETE ", 7},
    {"OPTIONS ", 8}, {"PATCH ", 6}, {"CONNECT ", 8}, {"TRACE ", 6}, {NULL, 0},
};

/* fields kept as plain views (Authorization and WWW-Authenticate are split) */
static const struct {
	const gchar *name;
	gsize offset;
} http_fields[] = {
    {"Host", offsetof(YmHttp, host)},
    {"User-Agent", offsetof(YmHttp, user_agent)},
    {"Server", offsetof(YmHttp, server)},
    {"Content-Type", offsetof(YmHttp, content_type)},
    {NULL, 0},
};

gboolean
_ym_http_is_space(guint8 c)
{
	return c == ' ' || c == '\t';
}

YmStr
_ym_http_make_str(const guint8 *data, gsize length)
{
	YmStr str = YM_STR_EMPTY;
	if (data == NULL || length == 0)
		return str;
	str.data = (const gchar *) data;
	str.length = (guint16) MIN(length, G_MAXUINT16);
	return str;
}

/* the next line without its LF or CRLF; the last one may end at the end of data */
gboolean
_ym_http_next_line(YmBuf *buf, const guint8 **line, gsize *line_length, gboolean *terminated)
{
	gsize remaining = ym_buf_remaining(buf);
	const guint8 *lf;
	gsize length;

	if (remaining == 0)
		return FALSE;
	lf = memchr(ym_buf_current(buf), '\n', remaining);
	length = lf != NULL ? (gsize) (lf - ym_buf_current(buf)) + 1 : remaining;
	if (!ym_buf_get_bytes(buf, length, line))
		return FALSE;
	*terminated = lf != NULL;
	if (lf != NULL)
		length--;
	if (length > 0 && (*line)[length - 1] == '\r')
		length--;
	*line_length = length;
	return TRUE;
}

/* the next run of non-blank bytes in @data from *offset */
gboolean
_ym_http_next_token(const guint8 *data,
                    gsize length,
                    gsize *offset,
                    const guint8 **token,
                    gsize *token_length)
{
	gsize i = *offset;
	gsize start;

	while (i < length && _ym_http_is_space(data[i]))
		i++;
	if (i >= length) {
		*offset = length;
		return FALSE;
	}
	start = i;
	while (i < length && !_ym_http_is_space(data[i]))
		i++;
	*token = data + start;
	*token_length = i - start;
	*offset = i;
	return TRUE;
}

/* "HTTP/1.x" with one digit x */
gboolean
_ym_http_parse_version(const guint8 *token, gsize token_length, guint8 *minor)
{
	if (token_length != 8 || memcmp(token, "HTTP/1.", 7) != 0)
		return FALSE;
	if (!g_ascii_isdigit(token[7]))
		return FALSE;
	*minor = (guint8) (token[7] - '0');
	return TRUE;
}

static void
http_trim(const guint8 **data, gsize *length)
{
	while (*length > 0 && _ym_http_is_space((*data)[0])) {
		(*data)++;
		(*length)--;
	}
	while (*length > 0 && _ym_http_is_space((*data)[*length - 1]))
		(*length)--;
}

/*
 * the next field line with its continuation lines; FALSE at the blank line
 * that ends the head (setting *head_complete) or at the end of the data
 */
gboolean
_ym_http_next_field(YmBuf *buf, YmHttpField *field, gboolean *head_complete)
{
	const guint8 *line = NULL;
	const guint8 *colon;
	const guint8 *value_end;
	gsize line_length = 0;

	memset(field, 0, sizeof(*field));
	if (!_ym_http_next_line(buf, &line, &line_length, &field->terminated))
		return FALSE;
	if (line_length == 0) {
		if (field->terminated)
			*head_complete = TRUE;
		return FALSE;
	}

	/* name */
	colon = memchr(line, ':', line_length);
	field->has_colon = colon != NULL;
	field->name = line;
	field->name_length = colon != NULL ? (gsize) (colon - line) : line_length;
	for (gsize i = 0; i < field->name_length; i++) {
		if (_ym_http_is_space(line[i]))
			field->name_has_space = TRUE;
	}
	http_trim(&field->name, &field->name_length);
	if (colon == NULL)
		return TRUE;

	/* value */
	field->value = colon + 1;
	field->value_length = (gsize) (line + line_length - field->value);
	http_trim(&field->value, &field->value_length);
	value_end = field->value + field->value_length;

	/* obs-fold: continuation lines start with SP or HT */
	while (field->terminated) {
		YmBuf peek = *buf;
		const guint8 *next = NULL;
		gsize next_length = 0;
		guint8 first = 0;

		if (!ym_buf_get_u8(&peek, &first) || !_ym_http_is_space(first))
			break;
		if (!_ym_http_next_line(buf, &next, &next_length, &field->terminated))
			break;
		http_trim(&next, &next_length);
		if (next_length == 0)
			continue;
		if (field->value_length == 0) {
			field->value = next;
		} else {
			field->folded = TRUE;
		}
		value_end = next + next_length;
		field->value_length = (gsize) (value_end - field->value);
	}
	return TRUE;
}

gboolean
_ym_http_field_name_is(const YmHttpField *field, const gchar *name)
{
	gsize length = strlen(name);
	if (field->name_length != length)
		return FALSE;
	return g_ascii_strncasecmp((const gchar *) field->name, name, length) == 0;
}

/*
 * the value as a view; a folded value is unfolded into the packet scratch
 * with each line break and its surrounding blanks turned into one SP
 */
YmStr
_ym_http_field_get_value(YmPacket *packet, const YmHttpField *field)
{
	gchar *dest;
	gsize used = 0;
	gboolean in_break = FALSE;

	if (!field->folded)
		return _ym_http_make_str(field->value, field->value_length);
	dest = ym_packet_scratch_reserve(packet, MIN(field->value_length, G_MAXUINT16));
	if (dest == NULL) {
		/* scratch is full: keep the first line */
		const guint8 *end = memchr(field->value, '\n', field->value_length);
		gsize length = end != NULL ? (gsize) (end - field->value) : field->value_length;
		const guint8 *start = field->value;
		while (length > 0 &&
		       (start[length - 1] == '\r' || _ym_http_is_space(start[length - 1])))
			length--;
		return _ym_http_make_str(start, length);
	}
	for (gsize i = 0; i < field->value_length && used < G_MAXUINT16; i++) {
		guint8 c = field->value[i];
		if (c == '\r' || c == '\n') {
			while (used > 0 && _ym_http_is_space((guint8) dest[used - 1]))
				used--;
			in_break = TRUE;
			continue;
		}
		if (in_break) {
			if (_ym_http_is_space(c))
				continue;
			dest[used++] = ' ';
			in_break = FALSE;
			if (used >= G_MAXUINT16)
				break;
		}
		dest[used++] = (gchar) c;
	}
	return _ym_http_make_str((const guint8 *) dest, used);
}

gboolean
ym_decode_http_sniff(const guint8 *data, gsize length)
{
	if (data == NULL || length < 4)
		return FALSE;
	if (data[0] == 'H' && length >= 7 && memcmp(data, "HTTP/1.", 7) == 0)
		return TRUE;
	for (guint i = 0; http_methods[i].text != NULL; i++) {
		if (data[0] != (guint8) http_methods[i].text[0] || length < http_methods[i].length)
			continue;
		if (memcmp(data, http_methods[i].text, http_methods[i].length) == 0)
			return TRUE;
	}
	return FALSE;
}

/* "HTTP/1.1 200 OK" */
static gboolean
http_parse_status_line(YmHttp *http, const guint8 *line, gsize line_length, gboolean terminated)
{
	const guint8 *token = NULL;
	gsize token_length = 0;
	gsize offset = 0;

	if (!_ym_http_next_token(line, line_length, &offset, &token, &token_length))
		return FALSE;
	/* a line cut inside the version is fine */
	if (!_ym_http_parse_version(token, token_length, &http->version_minor))
		return !terminated && token_length < 8 && offset == line_length;
	if (!_ym_http_next_token(line, line_length, &offset, &token, &token_length))
		return !terminated;
	if (token_length != 3 || !g_ascii_isdigit(token[0]) || !g_ascii_isdigit(token[1]) ||
	    !g_ascii_isdigit(token[2]))
		return !terminated && token_length < 3;
	http->status =
	    (guint16) ((token[0] - '0') * 100 + (token[1] - '0') * 10 + (token[2] - '0'));
	return http->status >= 100;
}

/* "OPTIONS rtsp://cam/stream1 RTSP/1.0" or "RTSP/1.0 200 OK" */
static gboolean
http_names_other_protocol(const guint8 *line, gsize line_length)
{
	static const gchar *const others[] = {"RTSP/", "SIP/", "ICAP/", NULL};
	for (guint i = 0; others[i] != NULL; i++) {
		gsize n = strlen(others[i]);
		/* status line */
		if (line_length >= n && memcmp(line, others[i], n) == 0)
			return TRUE;
		/* request line: the version is the last word */
		for (gsize j = line_length; j > 0; j--) {
			if (line[j - 1] == ' ') {
				if (line_length - j >= n && memcmp(line + j, others[i], n) == 0)
					return TRUE;
				break;
			}
		}
	}
	return FALSE;
}

/* "GET /path HTTP/1.1"; the target is what lies between method and version */
static gboolean
http_parse_request_line(YmHttp *http, const guint8 *line, gsize line_length, gboolean terminated)
{
	const guint8 *method = NULL;
	const guint8 *token = NULL;
	const guint8 *last = NULL;
	gsize method_length = 0;
	gsize token_length = 0;
	gsize last_length = 0;
	gsize offset = 0;
	guint n_tokens = 0;

	http->is_request = TRUE;
	if (!_ym_http_next_token(line, line_length, &offset, &method, &method_length))
		return FALSE;
	http->method = _ym_http_make_str(method, method_length);
	while (_ym_http_next_token(line, line_length, &offset, &token, &token_length)) {
		last = token;
		last_length = token_length;
		n_tokens++;
	}
	if (n_tokens == 0)
		return !terminated;

	/* a line cut inside the target or the version has no version yet */
	if (!_ym_http_parse_version(last, last_length, &http->version_minor)) {
		const guint8 *start = method + method_length;
		const guint8 *end = line + line_length;
		gsize length;
		if (!terminated && n_tokens >= 2 && last_length < 8 &&
		    memcmp(last, "HTTP/1.", MIN(last_length, 7)) == 0)
			end = last;
		length = (gsize) (end - start);
		http_trim(&start, &length);
		http->target = _ym_http_make_str(start, length);
		return !terminated;
	}
	if (n_tokens >= 2) {
		const guint8 *start = method + method_length;
		gsize length = (gsize) (last - start);
		http_trim(&start, &length);
		http->target = _ym_http_make_str(start, length);
	}
	/* blanks inside the target are not allowed */
	return n_tokens == 2;
}

/* "Basic  dGVzdDoxOjM0": scheme, then the rest after any run of blanks or line breaks */
static void
http_split_credentials(const YmHttpField *field, YmStr *scheme, YmStr *param)
{
	gsize i = 0;
	gsize start;

	while (i < field->value_length && !_ym_http_is_space(field->value[i]) &&
	       field->value[i] != '\r' && field->value[i] != '\n')
		i++;
	*scheme = _ym_http_make_str(field->value, i);
	if (param == NULL)
		return;
	while (i < field->value_length && (_ym_http_is_space(field->value[i]) ||
	                                   field->value[i] == '\r' || field->value[i] == '\n'))
		i++;
	start = i;
	*param = _ym_http_make_str(field->value + start, field->value_length - start);
}

static void
http_take_field(YmPacket *packet, YmHttp *http, const YmHttpField *field)
{
	if (_ym_http_field_name_is(field, "Authorization")) {
		/* never copied, not even when folded */
		if (!ym_str_is_set(http->authorization_scheme))
			http_split_credentials(field, &http->authorization_scheme,
			                       &http->authorization_param);
		return;
	}
	if (_ym_http_field_name_is(field, "WWW-Authenticate")) {
		if (!ym_str_is_set(http->www_authenticate_scheme))
			http_split_credentials(field, &http->www_authenticate_scheme, NULL);
		return;
	}
	for (guint i = 0; http_fields[i].name != NULL; i++) {
		YmStr *str = &G_STRUCT_MEMBER(YmStr, http, http_fields[i].offset);
		if (!_ym_http_field_name_is(field, http_fields[i].name))
			continue;
		/* the first one wins */
		if (!ym_str_is_set(*str))
			*str = _ym_http_field_get_value(packet, field);
		return;
	}
}

YmDecodeResult
ym_decode_http(YmPacket *packet, const guint8 *data, gsize length)
{
	YmHttp *http = &packet->u.http;
	YmHttpField field;
	YmBuf buf;
	const guint8 *line = NULL;
	gsize line_length = 0;
	gboolean terminated = FALSE;
	gboolean valid;

	memset(http, 0, sizeof(*http));
	if (!ym_decode_http_sniff(data, length))
		return YM_DECODE_UNSUPPORTED;
	packet->app = YM_APP_HTTP;
	ym_buf_init(&buf, data, length);

	/* start line */
	if (!_ym_http_next_line(&buf, &line, &line_length, &terminated))
		return YM_DECODE_UNSUPPORTED;
	/* RTSP and SIP share HTTP's syntax; a complete start line naming
	 * another protocol's version is theirs, not a broken HTTP one */
	if (terminated && http_names_other_protocol(line, line_length)) {
		packet->app = YM_APP_NONE;
		return YM_DECODE_UNSUPPORTED;
	}
	if (line[0] == 'H' && line_length >= 5 && memcmp(line, "HTTP/", 5) == 0)
		valid = http_parse_status_line(http, line, line_length, terminated);
	else
		valid = http_parse_request_line(http, line, line_length, terminated);

	/* field lines; one cut at the end of the segment is fine */
	while (_ym_http_next_field(&buf, &field, &http->head_complete)) {
		if (field.terminated &&
		    (!field.has_colon || field.name_length == 0 || field.name_has_space)) {
			/* whitespace around a field name is a request smuggling vector */
			valid = FALSE;
			continue;
		}
		if (field.has_colon)
			http_take_field(packet, http, &field);
	}
	if (!valid)
		goto invalid;
	return YM_DECODE_OK;

invalid:
	ym_packet_add_event(packet, YM_EVENT_HTTP_INVALID);
	return YM_DECODE_INVALID;
}
