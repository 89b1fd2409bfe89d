/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ym-inventory.h"

G_BEGIN_DECLS

#define YM_TYPE_UPNP_FETCHER (ym_upnp_fetcher_get_type())
G_DECLARE_FINAL_TYPE(YmUpnpFetcher, ym_upnp_fetcher, YM, UPNP_FETCHER, GObject)

#define YM_UPNP_FETCH_MAX_IN_FLIGHT   4
#define YM_UPNP_FETCH_INTERVAL_USEC   (24 * G_TIME_SPAN_HOUR)
#define YM_UPNP_FETCH_CONNECT_TIMEOUT 2000 /* ms */
#define YM_UPNP_FETCH_TOTAL_TIMEOUT   5000 /* ms */

/* what became of one announced LOCATION */
typedef enum {
	YM_UPNP_FETCH_STARTED,
	YM_UPNP_FETCH_STOPPED,     /* the fetcher has been stopped */
	YM_UPNP_FETCH_RECENT,      /* this device was fetched less than 24 h ago */
	YM_UPNP_FETCH_BUSY,        /* YM_UPNP_FETCH_MAX_IN_FLIGHT already running */
	YM_UPNP_FETCH_NOT_HTTP,    /* not a plain http:// URL we accept */
	YM_UPNP_FETCH_NOT_LITERAL, /* the host is a name, not an address */
	YM_UPNP_FETCH_NOT_PRIVATE, /* outside 10/8, 172.16/12, 192.168/16, 169.254/16,
	                              fc00::/7, fe80::/10 */
	YM_UPNP_FETCH_NOT_SENDER,  /* not the address the announcement came from */
	YM_UPNP_FETCH_NOT_OWNED,   /* the inventory does not bind it to this device */
} YmUpnpFetchVerdict;

const gchar *
ym_upnp_fetch_verdict_to_string(YmUpnpFetchVerdict verdict);

/* live capture only: attaches to @inventory's SSDP locations until stopped;
 * @interface (the capture interface, or NULL) scopes IPv6 link-local hosts */
YmUpnpFetcher *
ym_upnp_fetcher_new(YmInventory *inventory, const gchar *interface);
/* what the inventory's location callback does, on the main thread */
YmUpnpFetchVerdict
ym_upnp_fetcher_consider(YmUpnpFetcher *self,
                         YmDevice *device,
                         const YmIpAddr *source,
                         const gchar *location,
                         gsize length);
/* detaches from the inventory, cancels what is in flight and waits for it
 * (at most the total timeout) by iterating the main context */
void
ym_upnp_fetcher_stop(YmUpnpFetcher *self);
guint
ym_upnp_fetcher_get_in_flight(YmUpnpFetcher *self);
/* descriptions fetched and applied, and fetches that failed */
guint
ym_upnp_fetcher_get_applied(YmUpnpFetcher *self);
guint
ym_upnp_fetcher_get_failed(YmUpnpFetcher *self);

G_END_DECLS
