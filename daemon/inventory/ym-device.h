/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ym-packet.h"

G_BEGIN_DECLS

/*
 * what we know of one device (one MAC address): plain data owned by the
 * inventory, updated on the packet path without allocation once a value
 * has been seen, and written to the store in batches
 */

typedef enum {
	YM_OBS_DHCP_FINGERPRINT, /* option 55 in order, "1,3,6,15" */
	YM_OBS_DHCP_VENDOR_CLASS,
	YM_OBS_DHCP_CLIENT_ID,
	YM_OBS_DHCPV6_FINGERPRINT, /* ORO in order */
	YM_OBS_DHCPV6_VENDOR_CLASS,
	YM_OBS_DHCPV6_DUID,
	YM_OBS_MUD_URL,
	YM_OBS_MDNS_SERVICE,  /* service types the device offers, "_ipp._tcp" */
	YM_OBS_MDNS_INSTANCE, /* service instance names, "Brother MFC-J6983CDW" */
	YM_OBS_MDNS_TXT,      /* selected TXT pairs, "md=Google Nest Mini" */
	YM_OBS_MDNS_BROWSE,   /* service types the device looks for */
	YM_OBS_SSDP_SERVER,
	YM_OBS_SSDP_LOCATION,
	YM_OBS_SSDP_TYPE, /* NT or ST of what it announces */
	YM_OBS_SSDP_USER_AGENT,
	YM_OBS_HTTP_USER_AGENT,
	YM_OBS_HTTP_SERVER,
	YM_OBS_TLS_SNI,
	YM_OBS_JA3,
	YM_OBS_JA4,
	YM_OBS_UBNT_PLATFORM,
	YM_OBS_UBNT_MODEL,
	YM_OBS_UBNT_FIRMWARE,
	/* from the UPnP device description behind ssdp_location (live capture) */
	YM_OBS_UPNP_DEVICE_TYPE,
	YM_OBS_UPNP_FRIENDLY_NAME,
	YM_OBS_UPNP_MANUFACTURER,
	YM_OBS_UPNP_MODEL_NAME,
	YM_OBS_UPNP_MODEL_NUMBER,
	YM_OBS_UPNP_MODEL_DESCRIPTION,
	YM_OBS_UPNP_FIRMWARE,
	YM_OBS_LAST
} YmObservationKind;

typedef enum {
	YM_NAME_SOURCE_DHCP,
	YM_NAME_SOURCE_DHCP_FQDN,
	YM_NAME_SOURCE_DHCPV6,
	YM_NAME_SOURCE_MDNS,
	YM_NAME_SOURCE_NETBIOS,
	YM_NAME_SOURCE_LLMNR,
	YM_NAME_SOURCE_UBNT,
	YM_NAME_SOURCE_LAST
} YmNameSource;

typedef enum {
	YM_ADDRESS_SOURCE_TRAFFIC,
	YM_ADDRESS_SOURCE_ARP,
	YM_ADDRESS_SOURCE_DHCP,
	YM_ADDRESS_SOURCE_DHCPV6,
	YM_ADDRESS_SOURCE_ND,
	YM_ADDRESS_SOURCE_MDNS,
	YM_ADDRESS_SOURCE_NETBIOS,
	YM_ADDRESS_SOURCE_LAST
} YmAddressSource;

/* roles in the home network, a bit set */
#define YM_ROLE_GATEWAY     (1u << 0)
#define YM_ROLE_DHCP_SERVER (1u << 1)
#define YM_ROLE_DNS_SERVER  (1u << 2)

typedef struct {
	YmIpAddr addr;
	guint8 source;
	gboolean dirty;
	gint64 first_seen;
	gint64 last_seen;
} YmDeviceAddress;

typedef struct {
	gchar *name;
	guint8 source;
	gboolean dirty;
	gint64 first_seen;
	gint64 last_seen;
} YmDeviceName;

typedef struct {
	gchar *value;
	guint8 kind;
	gboolean dirty;
	guint32 count;
	gint64 first_seen;
	gint64 last_seen;
} YmObservation;

typedef struct _YmDevice YmDevice;

struct _YmDevice {
	guint8 mac[6];
	gchar mac_string[18];
	gboolean locally_administered;
	const gchar *vendor; /* borrowed from the OUI registry */
	gint64 first_seen;
	gint64 last_seen;
	GArray *addresses;    /* of YmDeviceAddress */
	GArray *names;        /* of YmDeviceName */
	GArray *observations; /* of YmObservation */
	guint roles;
	gboolean known; /* the household marked it as theirs */
	guint64 remote_packets; /* packets it forwarded from outside the LAN */
	/* classification */
	const gchar *kind; /* from the fixed vocabulary */
	guint kind_confidence;
	gchar *os;
	gchar *model;
	gchar *firmware;
	guint os_confidence;
	guint model_confidence;
	guint firmware_confidence;
	/* the device this one really is (randomised MAC, same client id) */
	YmDevice *linked_to;
	/* bookkeeping */
	gboolean dirty;
	gboolean needs_classify;
	gint64 store_id;
	YmIpAddr last_bound; /* cache: the last source address bound */
	guint observations_dropped;
};

const gchar *
ym_observation_kind_to_string(YmObservationKind kind);
YmObservationKind
ym_observation_kind_from_string(const gchar *text);
/* the kinds a fetched UPnP device description gives */
gboolean
ym_observation_kind_is_upnp(YmObservationKind kind);
const gchar *
ym_name_source_to_string(YmNameSource source);
YmNameSource
ym_name_source_from_string(const gchar *text);
const gchar *
ym_address_source_to_string(YmAddressSource source);
YmAddressSource
ym_address_source_from_string(const gchar *text);

G_END_DECLS
