/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
	YM_SSDP_UNKNOWN = 0,
	YM_SSDP_NOTIFY,
	YM_SSDP_MSEARCH,
	YM_SSDP_RESPONSE,
} YmSsdpKind;

/* SSDP (UPnP Device Architecture 2.0, section 1) */
typedef struct {
	YmSsdpKind kind;
	YmStr location;
	YmStr server;
	YmStr usn;
	YmStr nt;
	YmStr nts;
	YmStr st;
	YmStr user_agent;
	YmStr host;
} YmSsdp;

G_END_DECLS
