/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * the clear-text logins the credentials detector follows, read from the
 * reassembled byte stream of one flow:
 *  - Telnet (RFC 854): option negotiation (IAC ...) is stripped; the username
 *    and password are the client's lines after the server's "login:" and
 *    "Password:" prompts, typed a line or a character at a time
 *  - FTP (RFC 959) USER/PASS, answered 230 or 530
 *  - POP3 (RFC 1939) USER/PASS, answered +OK or -ERR
 *  - IMAP (RFC 9051) "tag LOGIN user pass", answered "tag OK" or "tag NO"
 *  - HTTP Basic (RFC 7617), answered 401 when refused
 *  - MQTT 3.1.1/5 CONNECT (OASIS), answered by CONNACK
 * A password lives only in the line buffer (or a stack copy) until it is
 * hashed, and is wiped right after.
 */

#define G_LOG_DOMAIN "YmDetect"

#include "config.h"

#include <string.h>

#include "ym-detect-credentials-private.h"

#define TELNET_IAC  255
#define TELNET_SB   250
#define TELNET_SE   240
#define TELNET_WILL 251
#define TELNET_DONT 254

/* telnet option parser states */
enum {
	IAC_DATA,
	IAC_SEEN,
	IAC_OPTION,
	IAC_SUB,
	IAC_SUB_IAC,
};

/* telnet login phases */
enum {
	TELNET_WAIT_PROMPT,
	TELNET_USER,
	TELNET_WAIT_PASSWORD_PROMPT,
	TELNET_PASSWORD,
	TELNET_RESULT,
	TELNET_DONE,
};

void
_ym_login_wipe(gpointer data, gsize length)
{
	volatile guint8 *p = data;
	while (length-- > 0)
		*p++ = 0;
}

const gchar *
_ym_login_service_to_string(YmLoginService service)
{
	switch (service) {
	case YM_LOGIN_TELNET:
		return "telnet";
	case YM_LOGIN_FTP:
		return "ftp";
	case YM_LOGIN_POP3:
		return "pop3";
	case YM_LOGIN_IMAP:
		return "imap";
	case YM_LOGIN_HTTP:
		return "http-basic";
	case YM_LOGIN_MQTT:
		return "mqtt";
	case YM_LOGIN_SSH:
		return "ssh";
	case YM_LOGIN_NONE:
	default:
		return "none";
	}
}

static void
line_reset(YmLoginLine *line)
{
	_ym_login_wipe(line->data, line->length);
	line->length = 0;
	line->overflow = FALSE;
}

static void
line_append(YmLoginLine *line, guint8 c)
{
	if (line->length >= sizeof(line->data)) {
		line->overflow = TRUE;
		return;
	}
	line->data[line->length++] = (gchar) c;
}

/* the text of a line without surrounding blanks */
static const gchar *
trim(const gchar *text, gsize *length)
{
	while (*length > 0 && (text[0] == ' ' || text[0] == '\t')) {
		text++;
		(*length)--;
	}
	while (*length > 0 && (text[*length - 1] == ' ' || text[*length - 1] == '\t'))
		(*length)--;
	return text;
}

static gboolean
has_prefix_nocase(const gchar *text, gsize length, const gchar *prefix)
{
	gsize n = strlen(prefix);
	return length >= n && g_ascii_strncasecmp(text, prefix, n) == 0;
}

static gboolean
contains_nocase(const gchar *text, gsize length, const gchar *word)
{
	gsize n = strlen(word);
	for (gsize i = 0; i + n <= length; i++) {
		if (g_ascii_strncasecmp(text + i, word, n) == 0)
			return TRUE;
	}
	return FALSE;
}

static gboolean
ends_with_nocase(const gchar *text, gsize length, const gchar *suffix)
{
	gsize n = strlen(suffix);
	return length >= n && g_ascii_strncasecmp(text + length - n, suffix, n) == 0;
}

/* telnet */

static gboolean
telnet_is_failure(const gchar *text, gsize length)
{
	return contains_nocase(text, length, "incorrect") ||
	       contains_nocase(text, length, "failed") || contains_nocase(text, length, "denied") ||
	       contains_nocase(text, length, "invalid");
}

static void
telnet_client_line(YmCredentials *self, YmLoginSlot *slot, YmLoginLine *line, gint64 ts)
{
	gsize length = line->length;
	const gchar *text = line->data;

	if (line->overflow)
		return;
	if (slot->phase == TELNET_USER) {
		text = trim(text, &length);
		if (length == 0)
			return;
		_ym_credentials_username(self, slot, text, length, ts);
		slot->phase = TELNET_WAIT_PASSWORD_PROMPT;
	} else if (slot->phase == TELNET_PASSWORD) {
		_ym_credentials_password(self, slot, text, length, ts);
		slot->phase = TELNET_RESULT;
	}
}

static void
telnet_server_line(YmCredentials *self, YmLoginSlot *slot, YmLoginLine *line, gint64 ts)
{
	gsize length = line->length;
	const gchar *text = trim(line->data, &length);

	if (slot->phase != TELNET_RESULT || length == 0)
		return;
	if (telnet_is_failure(text, length)) {
		_ym_credentials_outcome(self, slot, YM_LOGIN_OUTCOME_REJECTED, ts);
		slot->phase = TELNET_WAIT_PROMPT;
		return;
	}
	_ym_credentials_outcome(self, slot, YM_LOGIN_OUTCOME_ACCEPTED, ts);
	slot->phase = TELNET_DONE;
}

/* a prompt is what the server leaves at the end of its output */
static void
telnet_server_prompt(YmCredentials *self, YmLoginSlot *slot, gint64 ts)
{
	YmLoginLine *line = &slot->line[1];
	gsize length = line->length;
	const gchar *text = trim(line->data, &length);

	if (slot->phase == TELNET_DONE || length == 0)
		return;
	if (ends_with_nocase(text, length, "login:") ||
	    ends_with_nocase(text, length, "username:") ||
	    ends_with_nocase(text, length, "user name:")) {
		if (slot->phase == TELNET_RESULT)
			_ym_credentials_outcome(self, slot, YM_LOGIN_OUTCOME_REJECTED, ts);
		slot->phase = TELNET_USER;
		slot->has_username = FALSE;
		line_reset(&slot->line[0]);
	} else if (ends_with_nocase(text, length, "password:")) {
		if (slot->phase == TELNET_RESULT)
			_ym_credentials_outcome(self, slot, YM_LOGIN_OUTCOME_REJECTED, ts);
		slot->phase = TELNET_PASSWORD;
		line_reset(&slot->line[0]);
	}
}

static void
telnet_byte(YmCredentials *self, YmLoginSlot *slot, guint side, guint8 c, gint64 ts)
{
	YmLoginLine *line = &slot->line[side];

	if (c == '\r' || c == '\n') {
		gboolean crlf = c == '\n' && line->last_cr;
		line->last_cr = c == '\r';
		if (crlf)
			return;
		if (side == 0)
			telnet_client_line(self, slot, line, ts);
		else
			telnet_server_line(self, slot, line, ts);
		line_reset(line);
		return;
	}
	line->last_cr = FALSE;
	if (c == 0)
		return;
	if (side == 0 && (c == 0x08 || c == 0x7f)) {
		if (line->length > 0)
			line->data[--line->length] = '\0';
		return;
	}
	/* the server's output is only looked at for words: keep a tail */
	if (side == 1 && line->length >= sizeof(line->data)) {
		memmove(line->data, line->data + sizeof(line->data) / 2, sizeof(line->data) / 2);
		line->length = sizeof(line->data) / 2;
	}
	line_append(line, c);
}

static void
telnet_parse(YmCredentials *self,
             YmLoginSlot *slot,
             guint side,
             const guint8 *data,
             gsize length,
             gint64 ts)
{
	if (slot->phase == TELNET_DONE)
		return;
	for (gsize i = 0; i < length; i++) {
		guint8 c = data[i];
		switch (slot->iac[side]) {
		case IAC_SEEN:
			if (c == TELNET_IAC) {
				slot->iac[side] = IAC_DATA;
				telnet_byte(self, slot, side, c, ts);
			} else if (c == TELNET_SB) {
				slot->iac[side] = IAC_SUB;
			} else if (c >= TELNET_WILL && c <= TELNET_DONT) {
				slot->iac[side] = IAC_OPTION;
			} else {
				slot->iac[side] = IAC_DATA;
			}
			break;
		case IAC_OPTION:
			slot->iac[side] = IAC_DATA;
			break;
		case IAC_SUB:
			if (c == TELNET_IAC)
				slot->iac[side] = IAC_SUB_IAC;
			break;
		case IAC_SUB_IAC:
			slot->iac[side] = c == TELNET_SE ? IAC_DATA : IAC_SUB;
			break;
		case IAC_DATA:
		default:
			if (c == TELNET_IAC)
				slot->iac[side] = IAC_SEEN;
			else
				telnet_byte(self, slot, side, c, ts);
			break;
		}
		if (slot->phase == TELNET_DONE)
			break;
	}
	if (side == 1)
		telnet_server_prompt(self, slot, ts);
}

/* FTP, POP3, IMAP: one command or reply per line */

/* an IMAP astring: an atom or a quoted string (RFC 9051 section 4.3); literals
 * are not followed; the result goes to @out (at most @out_size) */
static gboolean
imap_take_astring(const gchar **text, const gchar *end, gchar *out, gsize out_size, gsize *length)
{
	const gchar *p = *text;
	gsize n = 0;

	while (p < end && *p == ' ')
		p++;
	if (p >= end)
		return FALSE;
	if (*p == '"') {
		p++;
		while (p < end && *p != '"') {
			if (*p == '\\' && p + 1 < end)
				p++;
			if (n >= out_size)
				return FALSE;
			out[n++] = *p++;
		}
		if (p >= end)
			return FALSE;
		p++;
	} else {
		if (*p == '{')
			return FALSE;
		while (p < end && *p != ' ') {
			if (n >= out_size)
				return FALSE;
			out[n++] = *p++;
		}
	}
	*text = p;
	*length = n;
	return TRUE;
}

static void
imap_login(YmCredentials *self, YmLoginSlot *slot, const gchar *text, gsize length, gint64 ts)
{
	const gchar *end = text + length;
	const gchar *p = text;
	const gchar *tag;
	gchar username[YM_LOGIN_USERNAME_MAX];
	gchar password[YM_LOGIN_LINE_MAX];
	gsize username_length = 0;
	gsize password_length = 0;

	/* tag SP "LOGIN" SP userid SP password */
	tag = p;
	while (p < end && *p != ' ')
		p++;
	if (p == tag || (gsize) (p - tag) > sizeof(slot->tag) || p >= end)
		return;
	if (!has_prefix_nocase(p, (gsize) (end - p), " LOGIN "))
		return;
	memcpy(slot->tag, tag, (gsize) (p - tag));
	slot->tag_length = (guint8) (p - tag);
	p += strlen(" LOGIN");
	if (!imap_take_astring(&p, end, username, sizeof(username), &username_length))
		return;
	_ym_credentials_username(self, slot, username, username_length, ts);
	if (imap_take_astring(&p, end, password, sizeof(password), &password_length))
		_ym_credentials_password(self, slot, password, password_length, ts);
	_ym_login_wipe(password, sizeof(password));
}

static void
command_line(YmCredentials *self, YmLoginSlot *slot, YmLoginLine *line, gint64 ts)
{
	gsize length = line->length;
	const gchar *text = line->data;

	if (line->overflow)
		return;
	if (slot->service == YM_LOGIN_IMAP) {
		imap_login(self, slot, text, length, ts);
		return;
	}
	/* FTP and POP3 share USER and PASS */
	if (has_prefix_nocase(text, length, "USER ")) {
		gsize n = length - 5;
		const gchar *name = trim(text + 5, &n);
		if (n > 0)
			_ym_credentials_username(self, slot, name, n, ts);
	} else if (has_prefix_nocase(text, length, "PASS ") ||
	           (length == 4 && has_prefix_nocase(text, length, "PASS"))) {
		const gchar *password = length > 5 ? text + 5 : "";
		if (slot->has_username)
			_ym_credentials_password(self, slot, password, length > 5 ? length - 5 : 0,
			                         ts);
	}
}

static void
reply_line(YmCredentials *self, YmLoginSlot *slot, YmLoginLine *line, gint64 ts)
{
	gsize length = line->length;
	const gchar *text = line->data;

	if (!slot->pending || length == 0)
		return;
	switch (slot->service) {
	case YM_LOGIN_FTP:
		if (has_prefix_nocase(text, length, "230"))
			_ym_credentials_outcome(self, slot, YM_LOGIN_OUTCOME_ACCEPTED, ts);
		else if (has_prefix_nocase(text, length, "530"))
			_ym_credentials_outcome(self, slot, YM_LOGIN_OUTCOME_REJECTED, ts);
		break;
	case YM_LOGIN_POP3:
		if (has_prefix_nocase(text, length, "+OK"))
			_ym_credentials_outcome(self, slot, YM_LOGIN_OUTCOME_ACCEPTED, ts);
		else if (has_prefix_nocase(text, length, "-ERR"))
			_ym_credentials_outcome(self, slot, YM_LOGIN_OUTCOME_REJECTED, ts);
		break;
	case YM_LOGIN_IMAP:
		if (slot->tag_length == 0 || length <= slot->tag_length ||
		    memcmp(text, slot->tag, slot->tag_length) != 0 || text[slot->tag_length] != ' ')
			break;
		text += slot->tag_length + 1;
		length -= slot->tag_length + 1;
		if (has_prefix_nocase(text, length, "OK"))
			_ym_credentials_outcome(self, slot, YM_LOGIN_OUTCOME_ACCEPTED, ts);
		else if (has_prefix_nocase(text, length, "NO") ||
		         has_prefix_nocase(text, length, "BAD"))
			_ym_credentials_outcome(self, slot, YM_LOGIN_OUTCOME_REJECTED, ts);
		break;
	case YM_LOGIN_NONE:
	case YM_LOGIN_TELNET:
	case YM_LOGIN_HTTP:
	case YM_LOGIN_MQTT:
	case YM_LOGIN_SSH:
	default:
		break;
	}
}

static void
lines_parse(YmCredentials *self,
            YmLoginSlot *slot,
            guint side,
            const guint8 *data,
            gsize length,
            gint64 ts)
{
	YmLoginLine *line = &slot->line[side];
	for (gsize i = 0; i < length; i++) {
		if (data[i] == '\n') {
			if (line->length > 0 && line->data[line->length - 1] == '\r')
				line->length--;
			if (side == 0)
				command_line(self, slot, line, ts);
			else
				reply_line(self, slot, line, ts);
			line_reset(line);
			continue;
		}
		line_append(line, data[i]);
	}
}

/* MQTT */

static gboolean
mqtt_take_varint(const guint8 *data, gsize length, gsize *offset, guint32 *value)
{
	guint32 result = 0;
	for (guint i = 0; i < 4; i++) {
		if (*offset >= length)
			return FALSE;
		result |= (guint32) (data[*offset] & 0x7f) << (7 * i);
		if ((data[(*offset)++] & 0x80) == 0) {
			*value = result;
			return TRUE;
		}
	}
	return FALSE;
}

static gboolean
mqtt_take_string(const guint8 *data, gsize length, gsize *offset, const guint8 **str, gsize *n)
{
	if (*offset + 2 > length)
		return FALSE;
	*n = ((gsize) data[*offset] << 8) | data[*offset + 1];
	*offset += 2;
	if (*offset + *n > length)
		return FALSE;
	*str = data + *offset;
	*offset += *n;
	return TRUE;
}

/* CONNECT in one segment: fixed header, protocol name and level, flags,
 * keep-alive, [v5 properties], client id, [will], username, password */
static void
mqtt_connect(YmCredentials *self, YmLoginSlot *slot, const guint8 *data, gsize length, gint64 ts)
{
	gsize offset = 1;
	guint32 remaining;
	guint32 properties;
	const guint8 *str;
	gsize n;
	guint8 level;
	guint8 flags;

	if (length < 2 || data[0] != 0x10 || !mqtt_take_varint(data, length, &offset, &remaining))
		return;
	if (remaining < length - offset)
		length = offset + remaining;
	if (!mqtt_take_string(data, length, &offset, &str, &n))
		return;
	if (offset + 4 > length)
		return;
	level = data[offset];
	flags = data[offset + 1];
	offset += 4;
	if (level == 5 && (!mqtt_take_varint(data, length, &offset, &properties) ||
	                   (offset += properties) > length))
		return;
	if (!mqtt_take_string(data, length, &offset, &str, &n)) /* client id */
		return;
	if ((flags & 0x04) != 0) {
		if (level == 5 && (!mqtt_take_varint(data, length, &offset, &properties) ||
		                   (offset += properties) > length))
			return;
		if (!mqtt_take_string(data, length, &offset, &str, &n) ||
		    !mqtt_take_string(data, length, &offset, &str, &n))
			return;
	}
	if ((flags & 0x80) == 0 || !mqtt_take_string(data, length, &offset, &str, &n))
		return;
	_ym_credentials_username(self, slot, (const gchar *) str, n, ts);
	if ((flags & 0x40) != 0 && mqtt_take_string(data, length, &offset, &str, &n))
		_ym_credentials_password(self, slot, (const gchar *) str, n, ts);
}

static void
mqtt_parse(YmCredentials *self,
           YmLoginSlot *slot,
           gboolean from_client,
           const guint8 *data,
           gsize length,
           gint64 ts)
{
	if (from_client) {
		if (!slot->has_username)
			mqtt_connect(self, slot, data, length, ts);
		return;
	}
	/* CONNACK: type 2, remaining length 2 (v3) or more (v5), flags, code */
	if (slot->pending && length >= 4 && data[0] == 0x20 && data[1] >= 2)
		_ym_credentials_outcome(
		    self, slot,
		    data[3] == 0 ? YM_LOGIN_OUTCOME_ACCEPTED : YM_LOGIN_OUTCOME_REJECTED, ts);
}

void
_ym_login_parse_stream(YmCredentials *self,
                       YmLoginSlot *slot,
                       gboolean from_client,
                       const guint8 *data,
                       gsize length,
                       gint64 ts)
{
	guint side = from_client ? 0 : 1;
	switch (slot->service) {
	case YM_LOGIN_TELNET:
		telnet_parse(self, slot, side, data, length, ts);
		break;
	case YM_LOGIN_FTP:
	case YM_LOGIN_POP3:
	case YM_LOGIN_IMAP:
		lines_parse(self, slot, side, data, length, ts);
		break;
	case YM_LOGIN_MQTT:
		mqtt_parse(self, slot, from_client, data, length, ts);
		break;
	case YM_LOGIN_NONE:
	case YM_LOGIN_HTTP:
	case YM_LOGIN_SSH:
	default:
		break;
	}
}

/* HTTP Basic: "Authorization: Basic base64(user:password)" on a request */
void
_ym_login_parse_http(YmCredentials *self, YmLoginSlot *slot, const YmPacket *packet)
{
	const YmHttp *http = &packet->u.http;
	guchar decoded[3 * YM_LOGIN_LINE_MAX / 4 + 3];
	const gchar *param;
	const guint8 *colon;
	gsize length;
	gsize n;
	gint state = 0;
	guint save = 0;

	if (!http->is_request) {
		if (slot->pending && http->status == 401)
			_ym_credentials_outcome(self, slot, YM_LOGIN_OUTCOME_REJECTED,
			                        packet->ts_usec);
		else if (slot->pending && http->status >= 200 && http->status < 400)
			_ym_credentials_outcome(self, slot, YM_LOGIN_OUTCOME_ACCEPTED,
			                        packet->ts_usec);
		return;
	}
	if (!ym_str_equal_ascii_nocase(http->authorization_scheme, "Basic") ||
	    !ym_str_is_set(http->authorization_param))
		return;
	length = http->authorization_param.length;
	param = trim(http->authorization_param.data, &length);
	if (length == 0 || length > YM_LOGIN_LINE_MAX)
		return;
	n = g_base64_decode_step(param, length, decoded, &state, &save);
	colon = memchr(decoded, ':', n);
	if (colon != NULL && colon > decoded) {
		gsize username_length = (gsize) (colon - decoded);
		/* a new request on a kept-alive connection starts a new attempt */
		slot->has_username = FALSE;
		_ym_credentials_username(self, slot, (const gchar *) decoded, username_length,
		                         packet->ts_usec);
		_ym_credentials_password(self, slot, (const gchar *) colon + 1,
		                         n - username_length - 1, packet->ts_usec);
	}
	_ym_login_wipe(decoded, sizeof(decoded));
}
