/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TLS handshake records (RFC 8446 / 5246); only the ClientHello is decoded fully */
typedef struct {
	guint8 handshake_type; /* 1 ClientHello, 2 ServerHello, 11 Certificate */
	guint16 record_version;
	guint16 hello_version;         /* legacy_version of the hello */
	guint16 max_supported_version; /* ClientHello: highest offered in supported_versions,
	                                  GREASE removed; ServerHello: the selected version */
	guint16 cipher_suite;          /* ServerHello: the chosen cipher suite */
	YmStr sni;                     /* server_name host_name */
	YmStr alpn_first;              /* first ALPN protocol */
	gchar ja3[33];                 /* lower-case hex MD5, empty when not a whole ClientHello */
	gchar ja4[37];                 /* e.g. t13d1516h2_8daaf6152771_b186095e22b6 */
	gboolean is_dtls;
} YmTls;

G_END_DECLS
