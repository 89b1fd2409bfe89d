/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define YM_UBNT_MAX_ADDRESSES 4

/* a MAC and IPv4 address pair of one interface (TLV 0x02 and 0x04) */
typedef struct {
	guint8 mac[6];
	YmIpAddr ip;
} YmUbntAddress;

/* Ubiquiti device discovery (UDP 10001), version 1 and 2 TLVs */
typedef struct {
	guint8 version; /* 1, or 2 for the announcements of newer firmware */
	guint8 command; /* 0 information request/reply; v2: 6 announcement, 9 and 11 */
	gboolean has_mac;
	guint8 mac[6];          /* TLV 0x01, else the first of 0x02/0x04, else 0x13 */
	YmStr hostname;         /* TLV 0x0b */
	YmStr platform;         /* TLV 0x0c, short model, e.g. UGW3 */
	YmStr firmware;         /* TLV 0x03, full firmware string */
	YmStr firmware_version; /* TLV 0x16 (v2), e.g. 4.3.33.4936086 */
	YmStr essid;            /* TLV 0x0d */
	YmStr model;            /* TLV 0x14 long model name, else the v2 model TLV 0x15 */
	guint8 n_addresses;     /* as decoded, at most YM_UBNT_MAX_ADDRESSES */
	YmUbntAddress addresses[YM_UBNT_MAX_ADDRESSES];
} YmUbnt;

G_END_DECLS
