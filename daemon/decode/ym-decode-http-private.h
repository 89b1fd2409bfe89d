/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ym-packet.h"

G_BEGIN_DECLS

/*
 * helpers shared by the decoders of HTTP/1.x-style text heads (HTTP and
 * SSDP): lines end in CRLF or a bare LF, fields are "name: value" with
 * optional obs-fold continuation lines (RFC 9112 section 5.2)
 */

typedef struct {
	const guint8 *name;
	gsize name_length;
	const guint8 *value; /* trimmed; spans the continuation lines when folded */
	gsize value_length;
	gboolean has_colon;
	gboolean name_has_space; /* whitespace inside, before or after the name */
	gboolean folded;         /* the value continues on obs-fold lines */
	gboolean terminated;     /* the (last) line ended in LF rather than at the end of data */
} YmHttpField;

gboolean
_ym_http_is_space(guint8 c);
gboolean
_ym_http_next_line(YmBuf *buf, const guint8 **line, gsize *line_length, gboolean *terminated);
gboolean
_ym_http_next_token(const guint8 *data,
                    gsize length,
                    gsize *offset,
                    const guint8 **token,
                    gsize *token_length);
gboolean
_ym_http_next_field(YmBuf *buf, YmHttpField *field, gboolean *head_complete);
gboolean
_ym_http_field_name_is(const YmHttpField *field, const gchar *name);
gboolean
_ym_http_parse_version(const guint8 *token, gsize token_length, guint8 *minor);
YmStr
_ym_http_make_str(const guint8 *data, gsize length);
YmStr
_ym_http_field_get_value(YmPacket *packet, const YmHttpField *field);

G_END_DECLS
