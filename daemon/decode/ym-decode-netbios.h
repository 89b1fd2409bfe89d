/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * NetBIOS name service (RFC 1002); a query request (opcode 0, not a
 * response) carries the name being looked for, not the sender's name
 */
typedef struct {
	guint16 transaction_id;
	gboolean is_response;
	guint8 opcode; /* 0 query, 5 registration, 6 release, 8 refresh */
	guint8 rcode;
	guint16 record_type;  /* of the question or first record: 0x20 NB, 0x21 NBSTAT */
	YmStr name;           /* first-level decoded, trailing spaces removed */
	guint8 suffix;        /* 16th byte: 0x00 workstation, 0x20 server, 0x1d master browser */
	gboolean has_address; /* from NB rdata of a registration or positive answer */
	guint32 address;      /* host byte order */
	gboolean is_group;
} YmNetbios;

G_END_DECLS
