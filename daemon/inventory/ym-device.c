/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "YmDevice"

#include "config.h"

#include "ym-device.h"

static const gchar *const observation_names[YM_OBS_LAST] = {
    [YM_OBS_DHCP_FINGERPRINT] = "dhcp_fingerprint",
    [YM_OBS_DHCP_VENDOR_CLASS] = "dhcp_vendor_class",
    [YM_OBS_DHCP_CLIENT_ID] = "dhcp_client_id",
    [YM_OBS_DHCPV6_FINGERPRINT] = "dhcpv6_fingerprint",
    [YM_OBS_DHCPV6_VENDOR_CLASS] = "dhcpv6_vendor_class",
    [YM_OBS_DHCPV6_DUID] = "dhcpv6_duid",
    [YM_OBS_MUD_URL] = "mud_url",
    [YM_OBS_MDNS_SERVICE] = "mdns_service",
    [YM_OBS_MDNS_INSTANCE] = "mdns_instance",
    [YM_OBS_MDNS_TXT] = "mdns_txt",
    [YM_OBS_MDNS_BROWSE] = "mdns_browse",
    [YM_OBS_SSDP_SERVER] = "ssdp_server",
    [YM_OBS_SSDP_LOCATION] = "ssdp_location",
    [YM_OBS_SSDP_TYPE] = "ssdp_type",
    [YM_OBS_SSDP_USER_AGENT] = "ssdp_user_agent",
    [YM_OBS_HTTP_USER_AGENT] = "user_agent",
    [YM_OBS_HTTP_SERVER] = "http_server",
    [YM_OBS_TLS_SNI] = "tls_sni",
    [YM_OBS_JA3] = "ja3",
    [YM_OBS_JA4] = "ja4",
    [YM_OBS_UBNT_PLATFORM] = "ubnt_platform",
    [YM_OBS_UBNT_MODEL] = "ubnt_model",
    [YM_OBS_UBNT_FIRMWARE] = "ubnt_firmware",
    [YM_OBS_UPNP_DEVICE_TYPE] = "upnp_device_type",
    [YM_OBS_UPNP_FRIENDLY_NAME] = "upnp_friendly_name",
    [YM_OBS_UPNP_MANUFACTURER] = "upnp_manufacturer",
    [YM_OBS_UPNP_MODEL_NAME] = "upnp_model_name",
    [YM_OBS_UPNP_MODEL_NUMBER] = "upnp_model_number",
    [YM_OBS_UPNP_MODEL_DESCRIPTION] = "upnp_model_description",
    [YM_OBS_UPNP_FIRMWARE] = "upnp_firmware",
};

static const gchar *const name_source_names[YM_NAME_SOURCE_LAST] = {
    [YM_NAME_SOURCE_DHCP] = "dhcp",       [YM_NAME_SOURCE_DHCP_FQDN] = "dhcp_fqdn",
    [YM_NAME_SOURCE_DHCPV6] = "dhcpv6",   [YM_NAME_SOURCE_MDNS] = "mdns",
    [YM_NAME_SOURCE_NETBIOS] = "netbios", [YM_NAME_SOURCE_LLMNR] = "llmnr",
    [YM_NAME_SOURCE_UBNT] = "ubnt",
};

static const gchar *const address_source_names[YM_ADDRESS_SOURCE_LAST] = {
    [YM_ADDRESS_SOURCE_TRAFFIC] = "traffic", [YM_ADDRESS_SOURCE_ARP] = "arp",
    [YM_ADDRESS_SOURCE_DHCP] = "dhcp",       [YM_ADDRESS_SOURCE_DHCPV6] = "dhcpv6",
    [YM_ADDRESS_SOURCE_ND] = "nd",           [YM_ADDRESS_SOURCE_MDNS] = "mdns",
    [YM_ADDRESS_SOURCE_NETBIOS] = "netbios",
};

static guint
lookup_name(const gchar *const *names, guint n, const gchar *text)
{
	for (guint i = 0; i < n; i++) {
		if (names[i] != NULL && g_strcmp0(names[i], text) == 0)
			return i;
	}
	return n;
}

const gchar *
ym_observation_kind_to_string(YmObservationKind kind)
{
	return kind < YM_OBS_LAST ? observation_names[kind] : NULL;
}

YmObservationKind
ym_observation_kind_from_string(const gchar *text)
{
	return lookup_name(observation_names, YM_OBS_LAST, text);
}

gboolean
ym_observation_kind_is_upnp(YmObservationKind kind)
{
	return kind >= YM_OBS_UPNP_DEVICE_TYPE && kind <= YM_OBS_UPNP_FIRMWARE;
}

const gchar *
ym_name_source_to_string(YmNameSource source)
{
	return source < YM_NAME_SOURCE_LAST ? name_source_names[source] : NULL;
}

YmNameSource
ym_name_source_from_string(const gchar *text)
{
	return lookup_name(name_source_names, YM_NAME_SOURCE_LAST, text);
}

const gchar *
ym_address_source_to_string(YmAddressSource source)
{
	return source < YM_ADDRESS_SOURCE_LAST ? address_source_names[source] : NULL;
}

YmAddressSource
ym_address_source_from_string(const gchar *text)
{
	return lookup_name(address_source_names, YM_ADDRESS_SOURCE_LAST, text);
}
