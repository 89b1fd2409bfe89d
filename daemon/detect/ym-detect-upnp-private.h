/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ym-detector.h"

G_BEGIN_DECLS

#define YM_UPNP_NATPMP_PORT     5351
#define YM_UPNP_DESCRIPTION_MAX 64

typedef enum {
	YM_UPNP_METHOD_IGD = 1,
	YM_UPNP_METHOD_NATPMP,
	YM_UPNP_METHOD_PCP,
} YmUpnpMethod;

/* one port-mapping request, in fixed storage: parsing never allocates */
typedef struct {
	YmUpnpMethod method;
	gboolean has_action;        /* SOAP: AddPortMapping or AddAnyPortMapping named */
	gboolean has_external_port; /* SOAP fields found so far */
	gboolean has_protocol;
	gboolean has_internal_port;
	gboolean has_lease;
	guint16 external_port;
	guint16 internal_port;
	gint64 lease_seconds;
	gchar protocol[8];                              /* "TCP", "UDP", "ALL", or a number */
	gchar internal_client[64];                      /* "" when not given */
	gchar description[YM_UPNP_DESCRIPTION_MAX + 1]; /* valid UTF-8 */
} YmUpnpMapping;

extern const YmDetectorInfo ym_detector_upnp;

/* whether @data names AddPortMapping or AddAnyPortMapping */
gboolean
_ym_upnp_names_add_mapping(const guint8 *data, gsize length);
/* adds the argument elements found in @data to @mapping (fields already
 * found are kept when absent here); TRUE once the external port and the
 * protocol are known */
gboolean
_ym_upnp_parse_soap(const guint8 *data, gsize length, YmUpnpMapping *mapping);
/* a NAT-PMP (RFC 6886) mapping request; FALSE for anything else */
gboolean
_ym_upnp_parse_natpmp(const guint8 *data, gsize length, YmUpnpMapping *mapping);
/* a PCP (RFC 6887) MAP request; FALSE for anything else */
gboolean
_ym_upnp_parse_pcp(const guint8 *data, gsize length, YmUpnpMapping *mapping);
const gchar *
_ym_upnp_method_to_string(YmUpnpMethod method);

G_END_DECLS
