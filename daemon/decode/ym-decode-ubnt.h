/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Ubiquiti device discovery (UDP 10001), version 1 TLVs */
typedef struct {
	guint8 version;
	guint8 command;
	gboolean has_mac;
	guint8 mac[6];
	YmStr hostname;	 /* TLV 0x0b */
	YmStr platform;	 /* TLV 0x0c, short model, e.g. UGW3 */
	YmStr firmware;	 /* TLV 0x03, full firmware string */
	YmStr essid;	 /* TLV 0x0d */
	YmStr model;	 /* TLV 0x14, long model name */
} YmUbnt;

G_END_DECLS
