/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define YM_DHCPV6_MAX_ORO   32
#define YM_DHCPV6_MAX_ADDRS 4

/* DHCPv6 (RFC 8415); relay messages are unwrapped to the inner message */
typedef struct {
	guint8 message_type; /* of the innermost message when relayed */
	guint32 transaction_id;
	guint8 n_relays;               /* relay-forw/relay-repl layers unwrapped */
	guint8 relay_peer_address[16]; /* peer-address of the innermost relay layer */
	const guint8 *client_duid;     /* option 1 */
	guint8 client_duid_length;
	guint16 client_duid_type;
	gboolean client_duid_has_mac; /* DUID-LLT/DUID-LL over Ethernet */
	guint8 client_duid_mac[6];
	guint8 fqdn_flags; /* option 39: S, O and N bits */
	YmStr fqdn;        /* option 39, decoded to dotted text */
	guint8 n_oro;
	guint16 oro[YM_DHCPV6_MAX_ORO];  /* option 6, in order */
	guint32 vendor_class_enterprise; /* option 16 */
	YmStr vendor_class;              /* first vendor-class-data item */
	YmStr user_class;                /* option 15, first item */
	YmStr mud_url;                   /* option 112 */
	guint8 n_addresses;
	guint8 addresses[YM_DHCPV6_MAX_ADDRS][16]; /* IA_NA/IA_TA IAADDR */
	guint8 n_dns_servers;
	guint8 dns_servers[YM_DHCPV6_MAX_ADDRS][16]; /* option 23 */
} YmDhcpv6;

G_END_DECLS
