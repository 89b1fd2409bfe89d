/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define YM_DHCP_MAX_PARAMS  64
#define YM_DHCP_MAX_ADDRS   4
#define YM_DHCP_MAX_OPTIONS 64

/* DHCPv4 (RFC 2131, options RFC 2132); addresses in host byte order */
typedef struct {
	guint8 op;           /* 1 BOOTREQUEST, 2 BOOTREPLY */
	guint8 message_type; /* option 53, 0 when absent (plain BOOTP) */
	guint32 xid;
	guint32 ciaddr;
	guint32 yiaddr;
	guint32 siaddr;
	guint32 giaddr;
	gboolean chaddr_is_mac; /* htype 1 and hlen 6 */
	guint8 chaddr[6];
	/* option order as sent, a fingerprint of the client's stack */
	guint8 n_options;
	guint8 options[YM_DHCP_MAX_OPTIONS];
	YmStr hostname; /* 12 */
	gboolean has_requested_ip;
	guint32 requested_ip; /* 50 */
	guint8 n_params;
	guint8 params[YM_DHCP_MAX_PARAMS]; /* 55, in order */
	YmStr vendor_class;                /* 60 */
	const guint8 *client_id;           /* 61, type byte included */
	guint8 client_id_length;
	guint8 fqdn_flags; /* 81: S, O, E and N bits */
	YmStr fqdn;        /* 81, decoded to dotted text */
	gboolean has_server_id;
	guint32 server_id; /* 54 */
	gboolean has_subnet_mask;
	guint32 subnet_mask; /* 1 */
	guint8 n_routers;
	guint32 routers[YM_DHCP_MAX_ADDRS]; /* 3 */
	guint8 n_dns_servers;
	guint32 dns_servers[YM_DHCP_MAX_ADDRS]; /* 6 */
	guint32 lease_time;                     /* 51 */
	YmStr domain_name;                      /* 15 */
	YmStr mud_url;                          /* 161, RFC 8520 */
} YmDhcp;

G_END_DECLS
