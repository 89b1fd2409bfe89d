/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ym-upnp-fetcher.h"

G_BEGIN_DECLS

/* longer LOCATION values are not fetched */
#define YM_UPNP_LOCATION_MAX 512

/* one accepted LOCATION, rebuilt from its parts: fixed storage, so that the
 * checks on the packet path never allocate */
typedef struct {
	YmIpAddr addr;
	guint16 port;
	guint scope_id; /* interface index for an IPv6 link-local host, or 0 */
	guint8 mac[6];
	gsize loggable; /* length of url without its query */
	gchar url[YM_UPNP_LOCATION_MAX + 64];
} YmUpnpTarget;

/* the fetch itself, replaceable in tests; runs in a worker thread */
typedef GBytes *(*YmUpnpFetchFunc)(const YmUpnpTarget *target,
                                   GCancellable *cancellable,
                                   GError **error);

/* the rules on the URL alone and on the packet's source address */
YmUpnpFetchVerdict
_ym_upnp_location_check(const gchar *location,
                        gsize length,
                        const YmIpAddr *source,
                        YmUpnpTarget *target);
/* TRUE for addresses inside a home network: RFC 1918, 169.254/16, fc00::/7
 * and fe80::/10 */
gboolean
_ym_upnp_address_is_home(const YmIpAddr *addr);
/* plain HTTP GET of target->url with libcurl: no proxy, no redirect,
 * YM_UPNP_FETCH_*_TIMEOUT, at most YM_UPNP_DESCRIPTION_MAX_SIZE bytes */
GBytes *
_ym_upnp_fetch_http(const YmUpnpTarget *target, GCancellable *cancellable, GError **error);
void
_ym_upnp_fetcher_set_fetch_func(YmUpnpFetcher *self, YmUpnpFetchFunc func);

G_END_DECLS
