/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ym-credential-list.h"
#include "ym-detector.h"

G_BEGIN_DECLS

typedef enum {
	YM_LOGIN_NONE = 0,
	YM_LOGIN_TELNET,
	YM_LOGIN_FTP,
	YM_LOGIN_POP3,
	YM_LOGIN_IMAP,
	YM_LOGIN_HTTP,
	YM_LOGIN_MQTT,
	YM_LOGIN_SSH,
} YmLoginService;

typedef enum {
	YM_LOGIN_OUTCOME_UNKNOWN,
	YM_LOGIN_OUTCOME_ACCEPTED,
	YM_LOGIN_OUTCOME_REJECTED,
} YmLoginOutcome;

#define YM_LOGIN_LINE_MAX     160
#define YM_LOGIN_USERNAME_MAX 64

/* one line of text being assembled from segments */
typedef struct {
	gchar data[YM_LOGIN_LINE_MAX];
	guint16 length;
	gboolean overflow; /* longer than the buffer: ignored when complete */
	gboolean last_cr;
} YmLoginLine;

/* what the detector keeps of one login flow: a plain struct in a fixed table */
typedef struct {
	gboolean used;
	/* the flow, in the flow table's order */
	guint32 hash;
	YmIpAddr addr[2];
	guint16 port[2];
	/* roles */
	YmLoginService service;
	YmIpAddr client;
	YmIpAddr server;
	guint16 client_port;
	guint16 server_port;
	gboolean has_mac;
	guint8 client_mac[6];
	guint8 server_mac[6];
	gint64 last_used;
	/* per direction, 0 from the client: stream position, text, telnet options */
	gboolean seq_known[2];
	guint32 next_seq[2];
	YmLoginLine line[2];
	guint8 iac[2];
	/* the login */
	guint8 phase;
	gchar username[YM_LOGIN_USERNAME_MAX];
	guint8 username_length;
	gboolean has_username;
	gboolean pending; /* credentials sent, the server's answer not seen yet */
	const YmCredentialEntry *match;
	gboolean anonymous;
	gchar tag[16]; /* IMAP command tag of the pending LOGIN */
	guint8 tag_length;
} YmLoginSlot;

typedef struct _YmCredentials YmCredentials;

/* the parser's calls back into the detector (ym-detect-credentials.c) */
void
_ym_credentials_username(YmCredentials *self,
                         YmLoginSlot *slot,
                         const gchar *username,
                         gsize length,
                         gint64 ts);
void
_ym_credentials_password(YmCredentials *self,
                         YmLoginSlot *slot,
                         const gchar *password,
                         gsize length,
                         gint64 ts);
void
_ym_credentials_outcome(YmCredentials *self, YmLoginSlot *slot, YmLoginOutcome outcome, gint64 ts);

/* the protocol parsers (ym-detect-credentials-login.c): @from_client says
 * which way @data goes; they read bytes only, and wipe what held a password */
void
_ym_login_parse_stream(YmCredentials *self,
                       YmLoginSlot *slot,
                       gboolean from_client,
                       const guint8 *data,
                       gsize length,
                       gint64 ts);
void
_ym_login_parse_http(YmCredentials *self, YmLoginSlot *slot, const YmPacket *packet);
const gchar *
_ym_login_service_to_string(YmLoginService service);
/* wipes memory that held a secret, in a way the compiler keeps */
void
_ym_login_wipe(gpointer data, gsize length);

G_END_DECLS
