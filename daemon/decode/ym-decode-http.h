/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* an HTTP/1.x request or response head (RFC 9112) seen at the start of a segment */
typedef struct {
	gboolean is_request;
	YmStr method;
	YmStr target; /* request target; never logged or stored (may hold tokens) */
	guint8 version_minor;
	guint16 status; /* responses */
	YmStr host;
	YmStr user_agent;
	YmStr server;
	YmStr content_type;
	YmStr authorization_scheme;    /* e.g. Basic, Digest, Bearer */
	YmStr authorization_param;     /* the credentials: for detectors only, never stored */
	YmStr www_authenticate_scheme; /* responses: the challenge scheme */
	gboolean head_complete;        /* the blank line ending the head was seen */
} YmHttp;

G_END_DECLS
