/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* the largest description we read or parse */
#define YM_UPNP_DESCRIPTION_MAX_SIZE 65536
/* the longest value we keep, in bytes */
#define YM_UPNP_DESCRIPTION_MAX_VALUE 128

/*
 * what a UPnP device description (UPnP Device Architecture 2.0, section 2.3)
 * says a device is: every field is NULL or trimmed, valid UTF-8 of at most
 * YM_UPNP_DESCRIPTION_MAX_VALUE bytes. The serial number, UDN and UPC are
 * never kept: they identify one household's device, not a model.
 */
typedef struct {
	gchar *device_type;       /* urn:schemas-upnp-org:device:InternetGatewayDevice:1 */
	gchar *friendly_name;     /* the resident's own name: "Living room camera" */
	gchar *manufacturer;      /* TP-Link */
	gchar *manufacturer_url;  /* http://www.tp-link.com */
	gchar *model_name;        /* Archer C7 */
	gchar *model_number;      /* 5.0 */
	gchar *model_description; /* AC1750 Wireless Dual Band Gigabit Router */
	gchar *firmware;          /* see ym-upnp-description.c: where vendors put it */
	gchar *presentation_host; /* host[:port] of presentationURL, never its path */
	gboolean embedded;        /* the model came from an embedded device */
} YmUpnpDescription;

YmUpnpDescription *
ym_upnp_description_parse(const gchar *data, gsize length, GError **error);
void
ym_upnp_description_free(YmUpnpDescription *description);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(YmUpnpDescription, ym_upnp_description_free)

G_END_DECLS
