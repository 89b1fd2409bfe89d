/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * the device inventory: one device per MAC address, fed by the decoded
 * packets. Addresses are bound to a MAC only from evidence that the MAC
 * really owns them (ARP, DHCP, neighbour discovery, mDNS, or a packet
 * whose TTL has not been decremented by a router), so the gateway does not
 * collect the addresses of the whole internet.
 */

#define G_LOG_DOMAIN "YmInventory"

#include "config.h"

#include "ym-inventory.h"

#include <arpa/inet.h>
#include <sqlite3.h>
#include <stdio.h>

#include "ym-decode.h"
#include "ym-error.h"

struct _YmInventory {
	GObject parent_instance;
	/* owned */
	GHashTable *devices_by_mac; /* guint64 key -> YmDevice */
	GPtrArray *devices;         /* of YmDevice, in order of appearance */
	GHashTable *owners;         /* YmIpAddr -> YmDevice, current owner */
	GHashTable *identities;     /* "cid:..." / "duid:..." / "host:..." -> YmDevice */
	GPtrArray *services;        /* of YmService */
	YmOui *oui;
	YmFingerprints *fingerprints;
	/* borrowed */
	YmInventoryLocationFunc location_func;
	gpointer location_user_data;
	/* state */
	YmDevice *last_device; /* one-entry cache for the packet path */
	guint64 devices_dropped;
};

G_DEFINE_TYPE(YmInventory, ym_inventory, G_TYPE_OBJECT)

/* ---- helpers ---- */

static inline guint64
mac_key(const guint8 *mac)
{
	return ((guint64) mac[0] << 40) | ((guint64) mac[1] << 32) | ((guint64) mac[2] << 24) |
	       ((guint64) mac[3] << 16) | ((guint64) mac[4] << 8) | mac[5];
}

static guint
ip_addr_hash(gconstpointer key)
{
	const YmIpAddr *addr = key;
	guint h = addr->family;
	guint len = addr->family == 6 ? 16 : 4;
	for (guint i = 0; i < len; i++)
		h = h * 31 + addr->bytes[i];
	return h;
}

static gboolean
ip_addr_equal(gconstpointer a, gconstpointer b)
{
	return ym_ip_addr_equal(a, b);
}

static gboolean
ip_addr_is_unusable(const YmIpAddr *addr)
{
	static const guint8 zero[16] = {0};
	if (addr->family == 4) {
		/* 0.0.0.0/8, multicast, broadcast */
		return addr->bytes[0] == 0 || addr->bytes[0] >= 224;
	}
	if (addr->family == 6)
		return memcmp(addr->bytes, zero, 16) == 0 || addr->bytes[0] == 0xff;
	return TRUE;
}

/* an initial TTL that no router has decremented: the sender is on the LAN */
static inline gboolean
ttl_is_fresh(guint8 ttl)
{
	return ttl == 255 || ttl == 128 || ttl == 64 || ttl == 32 || (ttl >= 1 && ttl <= 4);
}

static void
device_free(gpointer data)
{
	YmDevice *device = data;
	for (guint i = 0; i < device->names->len; i++)
		g_free(g_array_index(device->names, YmDeviceName, i).name);
	for (guint i = 0; i < device->observations->len; i++)
		g_free(g_array_index(device->observations, YmObservation, i).value);
	g_array_unref(device->addresses);
	g_array_unref(device->names);
	g_array_unref(device->observations);
	g_free(device->os);
	g_free(device->model);
	g_free(device->firmware);
	g_free(device);
}

static YmDevice *
device_new(YmInventory *self, const guint8 *mac)
{
	YmDevice *device = g_new0(YmDevice, 1);
	memcpy(device->mac, mac, 6);
	ym_mac_to_string(mac, device->mac_string, sizeof(device->mac_string));
	device->locally_administered = ym_mac_is_locally_administered(mac);
	device->vendor = self->oui != NULL ? ym_oui_lookup(self->oui, mac) : NULL;
	device->addresses = g_array_new(FALSE, TRUE, sizeof(YmDeviceAddress));
	device->names = g_array_new(FALSE, TRUE, sizeof(YmDeviceName));
	device->observations = g_array_new(FALSE, TRUE, sizeof(YmObservation));
	device->kind = "unknown";
	device->needs_classify = TRUE;
	device->dirty = TRUE;
	return device;
}

static YmDevice *
ensure_device(YmInventory *self, const guint8 *mac, gint64 ts)
{
	YmDevice *device;

	if (self->last_device != NULL && memcmp(self->last_device->mac, mac, 6) == 0) {
		device = self->last_device;
	} else {
		guint64 key = mac_key(mac);
		device = g_hash_table_lookup(self->devices_by_mac, &key);
		if (device == NULL) {
			guint64 *owned_key;
			if (ym_mac_is_multicast(mac) || key == 0)
				return NULL;
			if (self->devices->len >= YM_INVENTORY_MAX_DEVICES) {
				self->devices_dropped++;
				return NULL;
			}
			device = device_new(self, mac);
			owned_key = g_new(guint64, 1);
			*owned_key = key;
			g_hash_table_insert(self->devices_by_mac, owned_key, device);
			g_ptr_array_add(self->devices, device);
		}
		self->last_device = device;
	}
	if (device->first_seen == 0 || ts < device->first_seen) {
		device->first_seen = ts;
		device->dirty = TRUE;
	}
	if (ts > device->last_seen) {
		device->last_seen = ts;
		device->dirty = TRUE;
	}
	return device;
}

static void
device_add_address(YmInventory *self,
                   YmDevice *device,
                   const YmIpAddr *addr,
                   YmAddressSource source,
                   gint64 ts)
{
	YmDeviceAddress *entry = NULL;
	YmDevice *owner;

	if (device == NULL || ip_addr_is_unusable(addr))
		return;
	for (guint i = 0; i < device->addresses->len; i++) {
		YmDeviceAddress *a = &g_array_index(device->addresses, YmDeviceAddress, i);
		if (ym_ip_addr_equal(&a->addr, addr)) {
			entry = a;
			break;
		}
	}
	if (entry == NULL) {
		YmDeviceAddress fresh = {.addr = *addr, .source = source, .first_seen = ts};
		if (device->addresses->len >= YM_DEVICE_MAX_ADDRESSES)
			return;
		g_array_append_val(device->addresses, fresh);
		entry =
		    &g_array_index(device->addresses, YmDeviceAddress, device->addresses->len - 1);
		device->needs_classify = TRUE;
	}
	if (ts > entry->last_seen || entry->first_seen == 0) {
		if (ts < entry->first_seen || entry->first_seen == 0)
			entry->first_seen = ts;
		entry->last_seen = MAX(entry->last_seen, ts);
		entry->dirty = TRUE;
		device->dirty = TRUE;
	}

	/* the current owner, for lookups by address */
	owner = g_hash_table_lookup(self->owners, addr);
	if (owner != device) {
		YmIpAddr *key = g_new(YmIpAddr, 1);
		*key = *addr;
		g_hash_table_insert(self->owners, key, device);
	}
}

/* host label of a name: no trailing dot, no ".local", first label of an FQDN */
static gchar *
normalise_hostname(const gchar *data, gsize length, gboolean first_label_only)
{
	g_autofree gchar *text = g_utf8_make_valid(data, (gssize) length);
	gchar *dot;
	g_strstrip(text);
	if (g_str_has_suffix(text, "."))
		text[strlen(text) - 1] = '\0';
	if (g_str_has_suffix(text, ".local"))
		text[strlen(text) - 6] = '\0';
	if (first_label_only && (dot = strchr(text, '.')) != NULL)
		*dot = '\0';
	if (text[0] == '\0')
		return NULL;
	return g_steal_pointer(&text);
}

static void
device_add_name(YmDevice *device,
                const gchar *data,
                gsize length,
                YmNameSource source,
                gboolean first_label_only,
                gint64 ts)
{
	g_autofree gchar *name = NULL;
	YmDeviceName *entry = NULL;

	if (device == NULL || data == NULL || length == 0)
		return;
	name = normalise_hostname(data, length, first_label_only);
	if (name == NULL)
		return;
	for (guint i = 0; i < device->names->len; i++) {
		YmDeviceName *n = &g_array_index(device->names, YmDeviceName, i);
		if (n->source == source && g_ascii_strcasecmp(n->name, name) == 0) {
			entry = n;
			break;
		}
	}
	if (entry == NULL) {
		YmDeviceName fresh = {.source = source, .first_seen = ts};
		if (device->names->len >= YM_DEVICE_MAX_NAMES)
			return;
		fresh.name = g_steal_pointer(&name);
		g_array_append_val(device->names, fresh);
		entry = &g_array_index(device->names, YmDeviceName, device->names->len - 1);
		device->needs_classify = TRUE;
	}
	if (ts > entry->last_seen) {
		entry->last_seen = ts;
		entry->dirty = TRUE;
		device->dirty = TRUE;
	}
}

static gboolean
observation_equal(const YmObservation *obs, const gchar *data, gsize length)
{
	return strncmp(obs->value, data, length) == 0 && obs->value[length] == '\0';
}

static void
device_add_observation(YmDevice *device,
                       YmObservationKind kind,
                       const gchar *data,
                       gsize length,
                       gint64 ts)
{
	YmObservation *entry = NULL;
	guint same_kind = 0;

	if (device == NULL || data == NULL || length == 0)
		return;
	if (length > 512)
		length = 512;
	for (guint i = 0; i < device->observations->len; i++) {
		YmObservation *o = &g_array_index(device->observations, YmObservation, i);
		if (o->kind != kind)
			continue;
		same_kind++;
		if (observation_equal(o, data, length)) {
			entry = o;
			break;
		}
	}
	if (entry == NULL) {
		YmObservation fresh = {.kind = (guint8) kind, .first_seen = ts};
		g_autofree gchar *value = g_utf8_make_valid(data, (gssize) length);
		/* values with bytes that are not UTF-8 would never compare equal again */
		if (strlen(value) != length || memcmp(value, data, length) != 0) {
			for (guint i = 0; i < device->observations->len; i++) {
				YmObservation *o =
				    &g_array_index(device->observations, YmObservation, i);
				if (o->kind == kind && g_strcmp0(o->value, value) == 0) {
					entry = o;
					break;
				}
			}
		}
		if (entry == NULL) {
			guint max = YM_DEVICE_MAX_OBSERVATIONS;
			if (ym_observation_kind_is_upnp(kind))
				max += YM_DEVICE_RESERVED_UPNP_OBSERVATIONS;
			if (same_kind >= YM_DEVICE_MAX_PER_OBSERVATION ||
			    device->observations->len >= max) {
				device->observations_dropped++;
				return;
			}
			fresh.value = g_steal_pointer(&value);
			g_array_append_val(device->observations, fresh);
			entry = &g_array_index(device->observations, YmObservation,
			                       device->observations->len - 1);
			device->needs_classify = TRUE;
		}
	}
	entry->count++;
	entry->dirty = TRUE;
	if (ts > entry->last_seen)
		entry->last_seen = ts;
	device->dirty = TRUE;
}

static void
device_add_observation_str(YmDevice *device, YmObservationKind kind, YmStr str, gint64 ts)
{
	if (ym_str_is_set(str))
		device_add_observation(device, kind, str.data, str.length, ts);
}

static void
device_add_observation_text(YmDevice *device, YmObservationKind kind, const gchar *text, gint64 ts)
{
	if (text != NULL)
		device_add_observation(device, kind, text, strlen(text), ts);
}

static YmService *
ensure_service(YmInventory *self, guint role, const YmIpAddr *addr, gint64 ts)
{
	YmService *service = NULL;
	for (guint i = 0; i < self->services->len; i++) {
		YmService *s = g_ptr_array_index(self->services, i);
		if (s->role == role && ym_ip_addr_equal(&s->addr, addr)) {
			service = s;
			break;
		}
	}
	if (service == NULL) {
		if (self->services->len >= 256)
			return NULL;
		service = g_new0(YmService, 1);
		service->role = role;
		service->addr = *addr;
		service->first_seen = ts;
		g_ptr_array_add(self->services, service);
	}
	if (ts > service->last_seen) {
		service->last_seen = ts;
		service->dirty = TRUE;
	}
	return service;
}

static void
device_set_role(YmDevice *device, guint role)
{
	if (device == NULL || (device->roles & role) == role)
		return;
	device->roles |= role;
	device->dirty = TRUE;
	device->needs_classify = TRUE;
}

static void
hex_encode(const guint8 *data, gsize length, gchar *out, gsize out_size)
{
	static const gchar digits[] = "0123456789abcdef";
	gsize n = 0;
	for (gsize i = 0; i < length && n + 2 < out_size; i++) {
		out[n++] = digits[data[i] >> 4];
		out[n++] = digits[data[i] & 0xf];
	}
	out[n] = '\0';
}

/* two MACs presenting the same stable identity are one device */
static void
link_identity(YmInventory *self, YmDevice *device, const gchar *identity)
{
	YmDevice *other = g_hash_table_lookup(self->identities, identity);
	if (other == NULL) {
		g_hash_table_insert(self->identities, g_strdup(identity), device);
		return;
	}
	if (other == device)
		return;
	while (other->linked_to != NULL && other->linked_to != device)
		other = other->linked_to;
	if (other == device || device->linked_to == other)
		return;
	/* the newer MAC is linked to the one seen first */
	if (device->first_seen >= other->first_seen && device->linked_to == NULL) {
		device->linked_to = other;
		device->dirty = TRUE;
	} else if (other->linked_to == NULL) {
		other->linked_to = device;
		other->dirty = TRUE;
	}
}

static gboolean
hostname_is_generic(const gchar *name)
{
	static const gchar *generic[] = {"iphone",  "ipad",      "android", "localhost",
	                                 "unknown", "espressif", "mac",     "macbook",
	                                 "galaxy",  "pc",        NULL};
	for (guint i = 0; generic[i] != NULL; i++) {
		if (g_ascii_strcasecmp(name, generic[i]) == 0)
			return TRUE;
	}
	return strlen(name) < 4;
}

/* ---- protocols ---- */

static void
observe_arp(YmInventory *self, const YmPacket *packet)
{
	const YmArp *arp = &packet->arp;
	YmDevice *device;
	YmIpAddr addr;

	if (arp->sender_ip == 0 || ym_mac_is_multicast(arp->sender_mac))
		return;
	device = ensure_device(self, arp->sender_mac, packet->ts_usec);
	ym_ip_addr_set_v4(&addr, arp->sender_ip);
	device_add_address(self, device, &addr, YM_ADDRESS_SOURCE_ARP, packet->ts_usec);
}

static void
observe_nd(YmInventory *self, YmDevice *sender, const YmPacket *packet)
{
	const YmNeighbour *nd = &packet->nd;
	YmIpAddr addr = {.family = 6};
	gint64 ts = packet->ts_usec;

	if (!nd->present)
		return;
	if (packet->icmp_type == 136 && nd->has_target_mac) {
		YmDevice *device = ensure_device(self, nd->target_mac, ts);
		memcpy(addr.bytes, nd->target, 16);
		device_add_address(self, device, &addr, YM_ADDRESS_SOURCE_ND, ts);
		if (nd->router_flag)
			device_set_role(device, YM_ROLE_GATEWAY);
	} else if (packet->icmp_type == 135 && nd->has_source_mac) {
		YmDevice *device = ensure_device(self, nd->source_mac, ts);
		device_add_address(self, device, &packet->src_ip, YM_ADDRESS_SOURCE_ND, ts);
	} else if (packet->icmp_type == 134 && sender != NULL) {
		YmService *service;
		device_set_role(sender, YM_ROLE_GATEWAY);
		device_add_address(self, sender, &packet->src_ip, YM_ADDRESS_SOURCE_ND, ts);
		service = ensure_service(self, YM_ROLE_GATEWAY, &packet->src_ip, ts);
		if (service != NULL)
			service->device = sender;
	}
}

static void
observe_dhcp_request(YmInventory *self, const YmPacket *packet)
{
	const YmDhcp *dhcp = &packet->u.dhcp;
	gint64 ts = packet->ts_usec;
	YmDevice *device;
	gchar text[3 * YM_DHCP_MAX_PARAMS + 1];
	gsize n = 0;

	if (!dhcp->chaddr_is_mac)
		return;
	device = ensure_device(self, dhcp->chaddr, ts);
	if (device == NULL)
		return;
	/* option 12 is the name as the client gives it, dots and all */
	if (ym_str_is_set(dhcp->hostname))
		device_add_name(device, dhcp->hostname.data, dhcp->hostname.length,
		                YM_NAME_SOURCE_DHCP, FALSE, ts);
	if (ym_str_is_set(dhcp->fqdn))
		device_add_name(device, dhcp->fqdn.data, dhcp->fqdn.length,
		                YM_NAME_SOURCE_DHCP_FQDN, TRUE, ts);
	if (dhcp->n_params > 0) {
		for (guint i = 0; i < dhcp->n_params && n + 5 < sizeof(text); i++)
			n += (gsize) g_snprintf(text + n, sizeof(text) - n, i == 0 ? "%u" : ",%u",
			                        dhcp->params[i]);
		device_add_observation(device, YM_OBS_DHCP_FINGERPRINT, text, n, ts);
	}
	device_add_observation_str(device, YM_OBS_DHCP_VENDOR_CLASS, dhcp->vendor_class, ts);
	device_add_observation_str(device, YM_OBS_MUD_URL, dhcp->mud_url, ts);
	if (dhcp->client_id != NULL && dhcp->client_id_length > 0) {
		gchar hex[2 * 255 + 1];
		g_autofree gchar *identity = NULL;
		hex_encode(dhcp->client_id, dhcp->client_id_length, hex, sizeof(hex));
		device_add_observation_text(device, YM_OBS_DHCP_CLIENT_ID, hex, ts);
		identity = g_strconcat("cid:", hex, NULL);
		link_identity(self, device, identity);
	}
	if (ym_str_is_set(dhcp->hostname) && n > 0) {
		g_autofree gchar *name =
		    normalise_hostname(dhcp->hostname.data, dhcp->hostname.length, TRUE);
		if (name != NULL && !hostname_is_generic(name)) {
			g_autofree gchar *lower = g_ascii_strdown(name, -1);
			g_autofree gchar *identity = g_strdup_printf("host:%s|%s", lower, text);
			link_identity(self, device, identity);
		}
	}
	/* a client that informs us of the address it already has */
	if (dhcp->message_type == 8 && dhcp->ciaddr != 0) {
		YmIpAddr addr;
		ym_ip_addr_set_v4(&addr, dhcp->ciaddr);
		device_add_address(self, device, &addr, YM_ADDRESS_SOURCE_DHCP, ts);
	}
}

static void
observe_dhcp_reply(YmInventory *self, YmDevice *server, const YmPacket *packet)
{
	const YmDhcp *dhcp = &packet->u.dhcp;
	gint64 ts = packet->ts_usec;
	YmIpAddr addr;

	/* offers and acks come from a DHCP server */
	if (dhcp->message_type != 2 && dhcp->message_type != 5)
		return;
	if (server != NULL)
		device_set_role(server, YM_ROLE_DHCP_SERVER);
	if (dhcp->has_server_id)
		ym_ip_addr_set_v4(&addr, dhcp->server_id);
	else
		addr = packet->src_ip;
	if (addr.family != 0) {
		YmService *service = ensure_service(self, YM_ROLE_DHCP_SERVER, &addr, ts);
		if (service != NULL && server != NULL)
			service->device = server;
	}
	for (guint i = 0; i < dhcp->n_routers; i++) {
		ym_ip_addr_set_v4(&addr, dhcp->routers[i]);
		ensure_service(self, YM_ROLE_GATEWAY, &addr, ts);
	}
	for (guint i = 0; i < dhcp->n_dns_servers; i++) {
		ym_ip_addr_set_v4(&addr, dhcp->dns_servers[i]);
		ensure_service(self, YM_ROLE_DNS_SERVER, &addr, ts);
	}
	if (dhcp->message_type == 5 && dhcp->yiaddr != 0 && dhcp->chaddr_is_mac) {
		YmDevice *client = ensure_device(self, dhcp->chaddr, ts);
		ym_ip_addr_set_v4(&addr, dhcp->yiaddr);
		device_add_address(self, client, &addr, YM_ADDRESS_SOURCE_DHCP, ts);
	}
}

static void
observe_dhcpv6(YmInventory *self, YmDevice *sender, const YmPacket *packet)
{
	const YmDhcpv6 *dhcp = &packet->u.dhcpv6;
	gint64 ts = packet->ts_usec;
	gboolean from_server = dhcp->message_type == 2 || dhcp->message_type == 7;
	YmDevice *client = NULL;
	g_autofree gchar *identity = NULL;

	/* a relayed client message is sent by the relay, not the client: only
	 * a client we already know by its DUID can take what it says */
	if (dhcp->n_relays > 0 && !from_server)
		sender = NULL;

	if (dhcp->client_duid != NULL && dhcp->client_duid_length > 0) {
		gchar hex[2 * 255 + 1];
		hex_encode(dhcp->client_duid, dhcp->client_duid_length, hex, sizeof(hex));
		identity = g_strconcat("duid:", hex, NULL);
		if (from_server || sender == NULL)
			client = g_hash_table_lookup(self->identities, identity);
		else {
			client = sender;
			device_add_observation_text(client, YM_OBS_DHCPV6_DUID, hex, ts);
			link_identity(self, client, identity);
		}
	}
	if (from_server) {
		YmIpAddr addr = {.family = 6};
		if (sender != NULL)
			device_set_role(sender, YM_ROLE_DHCP_SERVER);
		if (client == NULL && packet->has_mac && !ym_mac_is_multicast(packet->dst_mac))
			client = ensure_device(self, packet->dst_mac, ts);
		if (dhcp->message_type == 7) {
			for (guint i = 0; i < dhcp->n_addresses; i++) {
				memcpy(addr.bytes, dhcp->addresses[i], 16);
				device_add_address(self, client, &addr, YM_ADDRESS_SOURCE_DHCPV6,
				                   ts);
			}
		}
		for (guint i = 0; i < dhcp->n_dns_servers; i++) {
			memcpy(addr.bytes, dhcp->dns_servers[i], 16);
			ensure_service(self, YM_ROLE_DNS_SERVER, &addr, ts);
		}
		return;
	}
	if (client == NULL)
		client = sender;
	if (client == NULL)
		return;
	if (ym_str_is_set(dhcp->fqdn))
		device_add_name(client, dhcp->fqdn.data, dhcp->fqdn.length, YM_NAME_SOURCE_DHCPV6,
		                TRUE, ts);
	if (dhcp->n_oro > 0) {
		gchar text[6 * YM_DHCPV6_MAX_ORO + 1];
		gsize n = 0;
		for (guint i = 0; i < dhcp->n_oro && n + 7 < sizeof(text); i++)
			n += (gsize) g_snprintf(text + n, sizeof(text) - n, i == 0 ? "%u" : ",%u",
			                        dhcp->oro[i]);
		device_add_observation(client, YM_OBS_DHCPV6_FINGERPRINT, text, n, ts);
	}
	if (ym_str_is_set(dhcp->vendor_class)) {
		g_autofree gchar *vc = ym_str_dup(dhcp->vendor_class);
		g_autofree gchar *text =
		    g_strdup_printf("%u:%s", dhcp->vendor_class_enterprise, vc);
		device_add_observation_text(client, YM_OBS_DHCPV6_VENDOR_CLASS, text, ts);
	}
	device_add_observation_str(client, YM_OBS_MUD_URL, dhcp->mud_url, ts);
	/* a DUID built from another MAC we know: the same device */
	if (dhcp->client_duid_has_mac && memcmp(dhcp->client_duid_mac, client->mac, 6) != 0) {
		guint64 key = mac_key(dhcp->client_duid_mac);
		YmDevice *other = g_hash_table_lookup(self->devices_by_mac, &key);
		if (other != NULL && other != client && client->linked_to == NULL &&
		    other->linked_to != client) {
			client->linked_to = other;
			client->dirty = TRUE;
		}
	}
}

static gboolean
txt_key_is_kept(const gchar *data, gsize key_length)
{
	static const gchar *keys[] = {"md",      "model",   "ty",  "product", "usb_mfg",
	                              "usb_mdl", "am",      "ci",  "fn",      "manufacturer",
	                              "rpmd",    "osxvers", "fw",  "fv",      "firmware",
	                              "vendor",  "mdl",     "mfg", NULL};
	for (guint i = 0; keys[i] != NULL; i++) {
		if (strlen(keys[i]) == key_length &&
		    g_ascii_strncasecmp(data, keys[i], key_length) == 0)
			return TRUE;
	}
	return FALSE;
}

static void
observe_mdns_ptr(YmDevice *device, const YmDnsRecord *record, gint64 ts)
{
	YmStr target = record->target;
	YmStr name = record->name;
	const gchar *svc;
	gsize instance_length;

	if (!ym_str_is_set(target) || !ym_str_is_set(name))
		return;
	if (ym_str_has_prefix_ascii_nocase(name, "_services._dns-sd._udp")) {
		/* target is a service type: "_ipp._tcp.local" */
		gsize len = target.length;
		if (len > 6 && g_ascii_strncasecmp(target.data + len - 6, ".local", 6) == 0)
			len -= 6;
		device_add_observation(device, YM_OBS_MDNS_SERVICE, target.data, len, ts);
		return;
	}
	if (name.data[0] != '_' || memchr(name.data, '.', name.length) == NULL)
		return;
	/* skip subtypes: "_printer._sub._http._tcp.local" */
	if (g_strstr_len(name.data, name.length, "._sub.") != NULL)
		return;
	/* name "_ipp._tcp.local" -> service; target "Printer X._ipp._tcp.local" -> instance */
	{
		gsize len = name.length;
		if (len > 6 && g_ascii_strncasecmp(name.data + len - 6, ".local", 6) == 0)
			len -= 6;
		device_add_observation(device, YM_OBS_MDNS_SERVICE, name.data, len, ts);
	}
	svc = g_strstr_len(target.data, target.length, "._");
	if (svc == NULL)
		return;
	instance_length = (gsize) (svc - target.data);
	if (instance_length > 0)
		device_add_observation(device, YM_OBS_MDNS_INSTANCE, target.data, instance_length,
		                       ts);
}

static void
observe_mdns_txt(YmDevice *device, const YmDnsRecord *record, gint64 ts)
{
	gsize offset = 0;
	YmStr text;
	while (ym_dns_record_next_txt(record, &offset, &text)) {
		const gchar *eq;
		if (!ym_str_is_set(text))
			continue;
		eq = memchr(text.data, '=', text.length);
		if (eq == NULL || eq == text.data || (gsize) (eq - text.data) + 1 >= text.length)
			continue;
		if (txt_key_is_kept(text.data, (gsize) (eq - text.data)))
			device_add_observation(device, YM_OBS_MDNS_TXT, text.data, text.length, ts);
	}
}

static void
observe_mdns(YmInventory *self, YmDevice *device, const YmPacket *packet)
{
	const YmDns *dns = &packet->u.dns;
	gint64 ts = packet->ts_usec;
	YmStr own_name = YM_STR_EMPTY;

	if (!dns->is_response) {
		/* what it browses for: a controller, such as a phone casting */
		for (guint i = 0; i < dns->n_questions; i++) {
			YmStr q = dns->questions[i].name;
			if (dns->questions[i].type == 12 && ym_str_is_set(q) && q.data[0] == '_' &&
			    g_strstr_len(q.data, q.length, "._sub.") == NULL) {
				gsize len = q.length;
				if (len > 6 &&
				    g_ascii_strncasecmp(q.data + len - 6, ".local", 6) == 0)
					len -= 6;
				device_add_observation(device, YM_OBS_MDNS_BROWSE, q.data, len, ts);
			}
		}
		return;
	}
	/* its own host name: an address record for the address it sends from */
	for (guint i = 0; i < dns->n_records; i++) {
		const YmDnsRecord *r = &dns->records[i];
		if ((r->type == 1 && packet->src_ip.family == 4 &&
		     memcmp(r->address, packet->src_ip.bytes, 4) == 0) ||
		    (r->type == 28 && packet->src_ip.family == 6 &&
		     memcmp(r->address, packet->src_ip.bytes, 16) == 0)) {
			own_name = r->name;
			break;
		}
	}
	for (guint i = 0; i < dns->n_records; i++) {
		const YmDnsRecord *r = &dns->records[i];
		switch (r->type) {
		case 1:
		case 28:
			if (ym_str_is_set(own_name) && r->name.length == own_name.length &&
			    g_ascii_strncasecmp(r->name.data, own_name.data, own_name.length) ==
			        0) {
				YmIpAddr addr = {.family = r->type == 1 ? 4 : 6};
				memcpy(addr.bytes, r->address, r->type == 1 ? 4 : 16);
				device_add_address(self, device, &addr, YM_ADDRESS_SOURCE_MDNS, ts);
			}
			break;
		case 12:
			observe_mdns_ptr(device, r, ts);
			break;
		case 16:
			observe_mdns_txt(device, r, ts);
			break;
		default:
			break;
		}
	}
	if (ym_str_is_set(own_name))
		device_add_name(device, own_name.data, own_name.length, YM_NAME_SOURCE_MDNS, FALSE,
		                ts);
}

static void
observe_llmnr(YmDevice *device, const YmPacket *packet)
{
	const YmDns *dns = &packet->u.dns;
	/* a responder answering for a name with its own address owns that name */
	if (!dns->is_response || dns->n_questions == 0)
		return;
	for (guint i = 0; i < dns->n_records; i++) {
		const YmDnsRecord *r = &dns->records[i];
		if ((r->type == 1 && packet->src_ip.family == 4 &&
		     memcmp(r->address, packet->src_ip.bytes, 4) == 0) ||
		    (r->type == 28 && packet->src_ip.family == 6 &&
		     memcmp(r->address, packet->src_ip.bytes, 16) == 0)) {
			YmStr name = dns->questions[0].name;
			device_add_name(device, name.data, name.length, YM_NAME_SOURCE_LLMNR, FALSE,
			                packet->ts_usec);
			return;
		}
	}
}

static void
observe_dns_server(YmInventory *self, YmDevice *device, const YmPacket *packet)
{
	YmService *service;
	if (!packet->u.dns.is_response || packet->src_port != 53)
		return;
	device_set_role(device, YM_ROLE_DNS_SERVER);
	service = ensure_service(self, YM_ROLE_DNS_SERVER, &packet->src_ip, packet->ts_usec);
	if (service != NULL)
		service->device = device;
}

static void
observe_netbios(YmInventory *self, YmDevice *device, const YmPacket *packet)
{
	const YmNetbios *nb = &packet->u.netbios;
	gboolean registration =
	    !nb->is_response && (nb->opcode == 5 || nb->opcode == 8 || nb->opcode == 9);
	gboolean answer = nb->is_response && nb->opcode == 0 && nb->rcode == 0 && nb->has_address &&
	                  packet->src_ip.family == 4 &&
	                  nb->address == ym_ip_addr_get_v4(&packet->src_ip);

	/* a query names what the asker looks for, never the asker */
	if (!registration && !answer)
		return;
	if (nb->is_group || (nb->suffix != 0x00 && nb->suffix != 0x20))
		return;
	if (!ym_str_is_set(nb->name))
		return;
	device_add_name(device, nb->name.data, nb->name.length, YM_NAME_SOURCE_NETBIOS, FALSE,
	                packet->ts_usec);
	if (nb->has_address && nb->address != 0 && packet->src_ip.family == 4 &&
	    nb->address == ym_ip_addr_get_v4(&packet->src_ip)) {
		YmIpAddr addr;
		ym_ip_addr_set_v4(&addr, nb->address);
		device_add_address(self, device, &addr, YM_ADDRESS_SOURCE_NETBIOS, packet->ts_usec);
	}
}

static void
observe_ssdp(YmInventory *self, YmDevice *device, const YmPacket *packet)
{
	const YmSsdp *ssdp = &packet->u.ssdp;
	gint64 ts = packet->ts_usec;

	if (ssdp->kind == YM_SSDP_MSEARCH) {
		device_add_observation_str(device, YM_OBS_SSDP_USER_AGENT, ssdp->user_agent, ts);
		return;
	}
	if (ssdp->kind != YM_SSDP_NOTIFY && ssdp->kind != YM_SSDP_RESPONSE)
		return;
	if (ym_str_has_prefix_ascii_nocase(ssdp->nts, "ssdp:byebye"))
		return;
	device_add_observation_str(device, YM_OBS_SSDP_SERVER, ssdp->server, ts);
	device_add_observation_str(device, YM_OBS_SSDP_LOCATION, ssdp->location, ts);
	if (self->location_func != NULL && ym_str_is_set(ssdp->location))
		self->location_func(self, device, &packet->src_ip, ssdp->location.data,
		                    ssdp->location.length, self->location_user_data);
	{
		YmStr type = ssdp->kind == YM_SSDP_NOTIFY ? ssdp->nt : ssdp->st;
		if (ym_str_has_prefix_ascii_nocase(type, "urn:") &&
		    g_strstr_len(type.data, type.length, ":device:") != NULL)
			device_add_observation_str(device, YM_OBS_SSDP_TYPE, type, ts);
	}
}

static void
observe_app(YmInventory *self, YmDevice *device, gboolean from_device, const YmPacket *packet)
{
	gint64 ts = packet->ts_usec;

	switch (packet->app) {
	case YM_APP_DHCP:
		if (packet->u.dhcp.op == 1)
			observe_dhcp_request(self, packet);
		else if (packet->u.dhcp.op == 2)
			observe_dhcp_reply(self, device, packet);
		break;
	case YM_APP_DHCPV6:
		observe_dhcpv6(self, device, packet);
		break;
	case YM_APP_DNS:
		if (device == NULL || !from_device)
			break;
		if (packet->u.dns.flavour == YM_DNS_FLAVOUR_MDNS)
			observe_mdns(self, device, packet);
		else if (packet->u.dns.flavour == YM_DNS_FLAVOUR_LLMNR)
			observe_llmnr(device, packet);
		else
			observe_dns_server(self, device, packet);
		break;
	case YM_APP_NETBIOS_NS:
		if (device != NULL && from_device)
			observe_netbios(self, device, packet);
		break;
	case YM_APP_SSDP:
		if (device != NULL && from_device)
			observe_ssdp(self, device, packet);
		break;
	case YM_APP_HTTP:
		if (device == NULL || !from_device)
			break;
		if (packet->u.http.is_request)
			device_add_observation_str(device, YM_OBS_HTTP_USER_AGENT,
			                           packet->u.http.user_agent, ts);
		else
			device_add_observation_str(device, YM_OBS_HTTP_SERVER,
			                           packet->u.http.server, ts);
		break;
	case YM_APP_TLS:
		if (device == NULL || !from_device || packet->u.tls.handshake_type != 1)
			break;
		device_add_observation_str(device, YM_OBS_TLS_SNI, packet->u.tls.sni, ts);
		if (packet->u.tls.ja3[0] != '\0')
			device_add_observation_text(device, YM_OBS_JA3, packet->u.tls.ja3, ts);
		if (packet->u.tls.ja4[0] != '\0')
			device_add_observation_text(device, YM_OBS_JA4, packet->u.tls.ja4, ts);
		break;
	case YM_APP_UBNT:
		if (device == NULL || !from_device)
			break;
		device_add_observation_str(device, YM_OBS_UBNT_PLATFORM, packet->u.ubnt.platform,
		                           ts);
		device_add_observation_str(device, YM_OBS_UBNT_MODEL, packet->u.ubnt.model, ts);
		device_add_observation_str(device, YM_OBS_UBNT_FIRMWARE, packet->u.ubnt.firmware,
		                           ts);
		if (ym_str_is_set(packet->u.ubnt.hostname))
			device_add_name(device, packet->u.ubnt.hostname.data,
			                packet->u.ubnt.hostname.length, YM_NAME_SOURCE_UBNT, FALSE,
			                ts);
		break;
	case YM_APP_NONE:
	default:
		break;
	}
}

void
ym_inventory_observe(YmInventory *self, const YmPacket *packet)
{
	YmDevice *device = NULL;
	gboolean from_device = FALSE;

	if (packet->has_mac && !ym_mac_is_multicast(packet->src_mac))
		device = ensure_device(self, packet->src_mac, packet->ts_usec);

	if (packet->l3 == YM_L3_ARP) {
		observe_arp(self, packet);
		return;
	}
	if (packet->l3 != YM_L3_IPV4 && packet->l3 != YM_L3_IPV6)
		return;

	/* is the source address the device's own, or forwarded from afar */
	if (device != NULL) {
		if (ttl_is_fresh(packet->ttl)) {
			from_device = TRUE;
			if (!ym_ip_addr_equal(&device->last_bound, &packet->src_ip)) {
				device_add_address(self, device, &packet->src_ip,
				                   YM_ADDRESS_SOURCE_TRAFFIC, packet->ts_usec);
				device->last_bound = packet->src_ip;
			}
		} else if (!ip_addr_is_unusable(&packet->src_ip) &&
		           ym_ip_addr_is_global(&packet->src_ip)) {
			/* scanners pick odd TTLs too: only the internet counts */
			device->remote_packets++;
		}
	}
	if (packet->has_icmp && packet->ip_proto == 58)
		observe_nd(self, device, packet);
	if (packet->app != YM_APP_NONE)
		observe_app(self, device, from_device, packet);
}

/* ---- classification ---- */

static void
resolve_services(YmInventory *self)
{
	for (guint i = 0; i < self->services->len; i++) {
		YmService *service = g_ptr_array_index(self->services, i);
		YmDevice *owner = g_hash_table_lookup(self->owners, &service->addr);
		if (owner != NULL && service->device != owner) {
			service->device = owner;
			service->dirty = TRUE;
		}
		if (service->device != NULL)
			device_set_role(service->device, service->role);
	}
}

/* without DHCP or router advertisements, the gateway is the MAC that
 * brings in the traffic of the outside world */
static void
infer_gateway(YmInventory *self)
{
	YmDevice *best = NULL;
	for (guint i = 0; i < self->devices->len; i++) {
		YmDevice *device = g_ptr_array_index(self->devices, i);
		if (device->roles & YM_ROLE_GATEWAY)
			return;
		if (best == NULL || device->remote_packets > best->remote_packets)
			best = device;
	}
	if (best != NULL && best->remote_packets >= 10)
		device_set_role(best, YM_ROLE_GATEWAY);
}

static void
replace_string(gchar **target, gchar *value, gboolean *changed)
{
	if (g_strcmp0(*target, value) == 0) {
		g_free(value);
		return;
	}
	g_free(*target);
	*target = value;
	*changed = TRUE;
}

/* the value of @kind seen last; NULL when none */
static const YmObservation *
latest_observation(const YmDevice *device, YmObservationKind kind)
{
	const YmObservation *latest = NULL;
	for (guint i = 0; i < device->observations->len; i++) {
		const YmObservation *o = &g_array_index(device->observations, YmObservation, i);
		if (o->kind == kind && (latest == NULL || o->last_seen >= latest->last_seen))
			latest = o;
	}
	return latest;
}

/* a model number adds to the model name when it has a digit and the name
 * does not already hold it: "Archer C7" "5.0", not "DS-2CD2142FWD-I" twice */
static gboolean
model_number_adds(const gchar *name, const gchar *number)
{
	g_autofree gchar *name_lower = g_ascii_strdown(name, -1);
	g_autofree gchar *number_lower = g_ascii_strdown(number, -1);
	gboolean digit = FALSE;
	for (const gchar *p = number; *p != '\0'; p++)
		digit |= g_ascii_isdigit(*p);
	return digit && strlen(number) >= 2 && strstr(name_lower, number_lower) == NULL;
}

/*
 * the direct rule: what the device's own description names beats the
 * fingerprint rules below YM_UPNP_*_CONFIDENCE. Values of one fetch share
 * their last_seen, so the model number and the firmware are taken only
 * from the same (latest) fetch as the model name, never a stale one.
 */
static void
apply_upnp_identity(const YmDevice *device, YmClassification *result)
{
	const YmObservation *name = latest_observation(device, YM_OBS_UPNP_MODEL_NAME);
	const YmObservation *firmware = latest_observation(device, YM_OBS_UPNP_FIRMWARE);
	gint64 fetched = 0;

	for (guint i = 0; i < device->observations->len; i++) {
		const YmObservation *o = &g_array_index(device->observations, YmObservation, i);
		if (ym_observation_kind_is_upnp(o->kind))
			fetched = MAX(fetched, o->last_seen);
	}
	if (name != NULL && result->model_confidence <= YM_UPNP_MODEL_CONFIDENCE) {
		const YmObservation *number = latest_observation(device, YM_OBS_UPNP_MODEL_NUMBER);
		g_free(result->model);
		if (number != NULL && number->last_seen == name->last_seen &&
		    model_number_adds(name->value, number->value))
			result->model = g_strdup_printf("%s %s", name->value, number->value);
		else
			result->model = g_strdup(name->value);
		result->model_confidence = YM_UPNP_MODEL_CONFIDENCE;
	}
	if (firmware != NULL && firmware->last_seen == fetched &&
	    result->firmware_confidence <= YM_UPNP_FIRMWARE_CONFIDENCE) {
		g_free(result->firmware);
		result->firmware = g_strdup(firmware->value);
		result->firmware_confidence = YM_UPNP_FIRMWARE_CONFIDENCE;
	}
}

void
ym_inventory_classify(YmInventory *self)
{
	g_return_if_fail(YM_IS_INVENTORY(self));

	resolve_services(self);
	infer_gateway(self);
	if (self->fingerprints == NULL)
		return;
	for (guint i = 0; i < self->devices->len; i++) {
		YmDevice *device = g_ptr_array_index(self->devices, i);
		YmClassification result = {0};
		gboolean changed = FALSE;
		if (!device->needs_classify)
			continue;
		device->needs_classify = FALSE;
		ym_fingerprints_classify(self->fingerprints, device, &result);
		apply_upnp_identity(device, &result);
		if (device->kind != result.kind ||
		    device->kind_confidence != result.kind_confidence) {
			device->kind = result.kind;
			device->kind_confidence = result.kind_confidence;
			changed = TRUE;
		}
		replace_string(&device->os, g_steal_pointer(&result.os), &changed);
		replace_string(&device->model, g_steal_pointer(&result.model), &changed);
		replace_string(&device->firmware, g_steal_pointer(&result.firmware), &changed);
		if (device->os_confidence != result.os_confidence ||
		    device->model_confidence != result.model_confidence ||
		    device->firmware_confidence != result.firmware_confidence) {
			device->os_confidence = result.os_confidence;
			device->model_confidence = result.model_confidence;
			device->firmware_confidence = result.firmware_confidence;
			changed = TRUE;
		}
		ym_classification_clear(&result);
		if (changed)
			device->dirty = TRUE;
	}
}

/* ---- persistence ---- */

static gboolean
save_device(YmStore *store, YmDevice *device, GError **error)
{
	gpointer stmt = ym_store_get_statement(store, YM_STORE_STMT_UPSERT_DEVICE, error);
	sqlite3_stmt *s = stmt;
	gint rc;

	if (stmt == NULL)
		return FALSE;
	ym_store_bind_text(s, 1, device->mac_string);
	ym_store_bind_text(s, 2, device->vendor);
	ym_store_bind_text(s, 3, device->kind);
	ym_store_bind_int64(s, 4, device->kind_confidence);
	ym_store_bind_text(s, 5, device->os);
	ym_store_bind_text(s, 6, device->model);
	ym_store_bind_text(s, 7, device->firmware);
	ym_store_bind_int64(s, 8, device->locally_administered);
	ym_store_bind_text(s, 9, device->linked_to != NULL ? device->linked_to->mac_string : NULL);
	ym_store_bind_int64(s, 10, device->roles);
	ym_store_bind_int64(s, 11, device->first_seen);
	ym_store_bind_int64(s, 12, device->last_seen);
	ym_store_bind_int64(s, 13, device->os_confidence);
	ym_store_bind_int64(s, 14, device->model_confidence);
	ym_store_bind_int64(s, 15, device->firmware_confidence);
	ym_store_bind_int64(s, 16, device->known);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		device->store_id = sqlite3_column_int64(s, 0);
	return ym_store_step(store, stmt, error);
}

static gboolean
save_device_details(YmStore *store, YmDevice *device, GError **error)
{
	for (guint i = 0; i < device->addresses->len; i++) {
		YmDeviceAddress *a = &g_array_index(device->addresses, YmDeviceAddress, i);
		gchar buf[64];
		gpointer stmt;
		if (!a->dirty)
			continue;
		stmt = ym_store_get_statement(store, YM_STORE_STMT_UPSERT_ADDRESS, error);
		if (stmt == NULL)
			return FALSE;
		ym_store_bind_int64(stmt, 1, device->store_id);
		ym_store_bind_int64(stmt, 2, a->addr.family);
		ym_store_bind_text(stmt, 3, ym_ip_addr_to_string(&a->addr, buf, sizeof(buf)));
		ym_store_bind_text(stmt, 4, ym_address_source_to_string(a->source));
		ym_store_bind_int64(stmt, 5, a->first_seen);
		ym_store_bind_int64(stmt, 6, a->last_seen);
		if (!ym_store_step(store, stmt, error))
			return FALSE;
		a->dirty = FALSE;
	}
	for (guint i = 0; i < device->names->len; i++) {
		YmDeviceName *n = &g_array_index(device->names, YmDeviceName, i);
		gpointer stmt;
		if (!n->dirty)
			continue;
		stmt = ym_store_get_statement(store, YM_STORE_STMT_UPSERT_NAME, error);
		if (stmt == NULL)
			return FALSE;
		ym_store_bind_int64(stmt, 1, device->store_id);
		ym_store_bind_text(stmt, 2, n->name);
		ym_store_bind_text(stmt, 3, ym_name_source_to_string(n->source));
		ym_store_bind_int64(stmt, 4, n->first_seen);
		ym_store_bind_int64(stmt, 5, n->last_seen);
		if (!ym_store_step(store, stmt, error))
			return FALSE;
		n->dirty = FALSE;
	}
	for (guint i = 0; i < device->observations->len; i++) {
		YmObservation *o = &g_array_index(device->observations, YmObservation, i);
		gpointer stmt;
		if (!o->dirty)
			continue;
		stmt = ym_store_get_statement(store, YM_STORE_STMT_UPSERT_OBSERVATION, error);
		if (stmt == NULL)
			return FALSE;
		ym_store_bind_int64(stmt, 1, device->store_id);
		ym_store_bind_text(stmt, 2, ym_observation_kind_to_string(o->kind));
		ym_store_bind_text(stmt, 3, o->value);
		ym_store_bind_int64(stmt, 4, o->count);
		ym_store_bind_int64(stmt, 5, o->first_seen);
		ym_store_bind_int64(stmt, 6, o->last_seen);
		if (!ym_store_step(store, stmt, error))
			return FALSE;
		o->dirty = FALSE;
	}
	return TRUE;
}

gboolean
ym_inventory_save(YmInventory *self, YmStore *store, GError **error)
{
	g_return_val_if_fail(YM_IS_INVENTORY(self), FALSE);
	g_return_val_if_fail(YM_IS_STORE(store), FALSE);

	ym_inventory_classify(self);
	/* primaries first, so links name stored devices */
	for (guint pass = 0; pass < 2; pass++) {
		for (guint i = 0; i < self->devices->len; i++) {
			YmDevice *device = g_ptr_array_index(self->devices, i);
			if (!device->dirty || (pass == 0) != (device->linked_to == NULL))
				continue;
			if (!save_device(store, device, error))
				return FALSE;
			if (!save_device_details(store, device, error))
				return FALSE;
			device->dirty = FALSE;
		}
	}
	for (guint i = 0; i < self->services->len; i++) {
		YmService *service = g_ptr_array_index(self->services, i);
		gchar buf[64];
		gpointer stmt;
		const gchar *role = service->role == YM_ROLE_GATEWAY       ? "gateway"
		                    : service->role == YM_ROLE_DHCP_SERVER ? "dhcp_server"
		                                                           : "dns_server";
		if (!service->dirty)
			continue;
		stmt = ym_store_get_statement(store, YM_STORE_STMT_UPSERT_SERVICE, error);
		if (stmt == NULL)
			return FALSE;
		ym_store_bind_text(stmt, 1, role);
		ym_store_bind_text(stmt, 2, ym_ip_addr_to_string(&service->addr, buf, sizeof(buf)));
		if (service->device != NULL && service->device->store_id > 0)
			ym_store_bind_int64(stmt, 3, service->device->store_id);
		else
			ym_store_bind_null(stmt, 3);
		ym_store_bind_int64(stmt, 4, service->first_seen);
		ym_store_bind_int64(stmt, 5, service->last_seen);
		if (!ym_store_step(store, stmt, error))
			return FALSE;
		service->dirty = FALSE;
	}
	return TRUE;
}

static gboolean
parse_mac(const gchar *text, guint8 *mac)
{
	guint v[6];
	if (text == NULL || sscanf(text, "%02x:%02x:%02x:%02x:%02x:%02x", &v[0], &v[1], &v[2],
	                           &v[3], &v[4], &v[5]) != 6)
		return FALSE;
	for (guint i = 0; i < 6; i++)
		mac[i] = (guint8) v[i];
	return TRUE;
}

static gboolean
parse_ip(const gchar *text, YmIpAddr *addr)
{
	memset(addr, 0, sizeof(*addr));
	if (inet_pton(AF_INET, text, addr->bytes) == 1) {
		addr->family = 4;
		return TRUE;
	}
	if (inet_pton(AF_INET6, text, addr->bytes) == 1) {
		addr->family = 6;
		return TRUE;
	}
	return FALSE;
}

static YmDevice *
lookup_store_id(YmInventory *self, gint64 id)
{
	for (guint i = 0; i < self->devices->len; i++) {
		YmDevice *device = g_ptr_array_index(self->devices, i);
		if (device->store_id == id)
			return device;
	}
	return NULL;
}

static gboolean
load_devices(YmInventory *self, sqlite3 *db, GError **error)
{
	sqlite3_stmt *stmt = NULL;
	g_autoptr(GHashTable) links =
	    g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);

	if (sqlite3_prepare_v2(
	        db,
	        "SELECT id, mac, kind, kind_confidence, os, model, firmware, linked_to, "
	        "roles, first_seen, last_seen, known FROM devices ORDER BY first_seen, id",
	        -1, &stmt, NULL) != SQLITE_OK) {
		g_set_error(error, YM_ERROR, YM_ERROR_READ, "reading devices: %s",
		            sqlite3_errmsg(db));
		return FALSE;
	}
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		guint8 mac[6];
		YmDevice *device;
		const gchar *linked = (const gchar *) sqlite3_column_text(stmt, 7);
		if (!parse_mac((const gchar *) sqlite3_column_text(stmt, 1), mac))
			continue;
		device = ensure_device(self, mac, sqlite3_column_int64(stmt, 9));
		if (device == NULL)
			continue;
		device->store_id = sqlite3_column_int64(stmt, 0);
		device->last_seen = MAX(device->last_seen, sqlite3_column_int64(stmt, 10));
		device->kind = ym_device_kind_intern((const gchar *) sqlite3_column_text(stmt, 2));
		device->kind_confidence = (guint) sqlite3_column_int(stmt, 3);
		device->os = g_strdup((const gchar *) sqlite3_column_text(stmt, 4));
		device->model = g_strdup((const gchar *) sqlite3_column_text(stmt, 5));
		device->firmware = g_strdup((const gchar *) sqlite3_column_text(stmt, 6));
		device->roles = (guint) sqlite3_column_int(stmt, 8);
		device->known = sqlite3_column_int(stmt, 11) != 0;
		device->dirty = FALSE;
		device->needs_classify = TRUE;
		if (linked != NULL)
			g_hash_table_insert(links, device, g_strdup(linked));
	}
	sqlite3_finalize(stmt);
	{
		GHashTableIter iter;
		gpointer key, value;
		g_hash_table_iter_init(&iter, links);
		while (g_hash_table_iter_next(&iter, &key, &value)) {
			guint8 mac[6];
			YmDevice *device = key;
			if (parse_mac(value, mac)) {
				guint64 k = mac_key(mac);
				YmDevice *other = g_hash_table_lookup(self->devices_by_mac, &k);
				if (other != device)
					device->linked_to = other;
			}
		}
	}
	self->last_device = NULL;
	return TRUE;
}

static sqlite3_stmt *
prepare_query(sqlite3 *db, const gchar *sql, GError **error)
{
	sqlite3_stmt *stmt = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		g_set_error(error, YM_ERROR, YM_ERROR_READ, "reading the inventory: %s",
		            sqlite3_errmsg(db));
		return NULL;
	}
	return stmt;
}

static gboolean
load_details(YmInventory *self, sqlite3 *db, GError **error)
{
	sqlite3_stmt *stmt = NULL;

	/* addresses */
	stmt = prepare_query(db,
	                     "SELECT device_id, address, source, first_seen, last_seen FROM "
	                     "addresses ORDER BY first_seen",
	                     error);
	if (stmt == NULL)
		return FALSE;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		YmDevice *device = lookup_store_id(self, sqlite3_column_int64(stmt, 0));
		YmIpAddr addr;
		if (device == NULL ||
		    !parse_ip((const gchar *) sqlite3_column_text(stmt, 1), &addr))
			continue;
		device_add_address(
		    self, device, &addr,
		    ym_address_source_from_string((const gchar *) sqlite3_column_text(stmt, 2)),
		    sqlite3_column_int64(stmt, 4));
		{
			YmDeviceAddress *a = &g_array_index(device->addresses, YmDeviceAddress,
			                                    device->addresses->len - 1);
			a->first_seen = sqlite3_column_int64(stmt, 3);
			a->dirty = FALSE;
		}
	}
	sqlite3_finalize(stmt);

	/* names */
	stmt = prepare_query(
	    db,
	    "SELECT device_id, name, source, first_seen, last_seen FROM names ORDER BY first_seen",
	    error);
	if (stmt == NULL)
		return FALSE;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		YmDevice *device = lookup_store_id(self, sqlite3_column_int64(stmt, 0));
		const gchar *name = (const gchar *) sqlite3_column_text(stmt, 1);
		guint before;
		if (device == NULL || name == NULL)
			continue;
		before = device->names->len;
		device_add_name(
		    device, name, strlen(name),
		    ym_name_source_from_string((const gchar *) sqlite3_column_text(stmt, 2)), FALSE,
		    sqlite3_column_int64(stmt, 4));
		if (device->names->len > before) {
			YmDeviceName *n =
			    &g_array_index(device->names, YmDeviceName, device->names->len - 1);
			n->first_seen = sqlite3_column_int64(stmt, 3);
			n->dirty = FALSE;
		}
	}
	sqlite3_finalize(stmt);

	/* observations */
	stmt = prepare_query(db,
	                     "SELECT device_id, kind, value, count, first_seen, last_seen FROM "
	                     "observations ORDER BY first_seen",
	                     error);
	if (stmt == NULL)
		return FALSE;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		YmDevice *device = lookup_store_id(self, sqlite3_column_int64(stmt, 0));
		YmObservationKind kind =
		    ym_observation_kind_from_string((const gchar *) sqlite3_column_text(stmt, 1));
		const gchar *value = (const gchar *) sqlite3_column_text(stmt, 2);
		guint before;
		if (device == NULL || kind >= YM_OBS_LAST || value == NULL)
			continue;
		before = device->observations->len;
		device_add_observation_text(device, kind, value, sqlite3_column_int64(stmt, 5));
		if (device->observations->len > before) {
			YmObservation *o = &g_array_index(device->observations, YmObservation,
			                                  device->observations->len - 1);
			o->count = (guint32) sqlite3_column_int64(stmt, 3);
			o->first_seen = sqlite3_column_int64(stmt, 4);
			o->dirty = FALSE;
		}
	}
	sqlite3_finalize(stmt);
	for (guint i = 0; i < self->devices->len; i++) {
		YmDevice *device = g_ptr_array_index(self->devices, i);
		device->dirty = FALSE;
		device->needs_classify = TRUE;
	}
	return TRUE;
}

static gboolean
load_services(YmInventory *self, sqlite3 *db, GError **error)
{
	sqlite3_stmt *stmt = NULL;
	if (sqlite3_prepare_v2(
	        db, "SELECT role, address, device_id, first_seen, last_seen FROM services", -1,
	        &stmt, NULL) != SQLITE_OK) {
		g_set_error(error, YM_ERROR, YM_ERROR_READ, "reading services: %s",
		            sqlite3_errmsg(db));
		return FALSE;
	}
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		const gchar *role_text = (const gchar *) sqlite3_column_text(stmt, 0);
		guint role = g_strcmp0(role_text, "gateway") == 0       ? YM_ROLE_GATEWAY
		             : g_strcmp0(role_text, "dhcp_server") == 0 ? YM_ROLE_DHCP_SERVER
		                                                        : YM_ROLE_DNS_SERVER;
		YmIpAddr addr;
		YmService *service;
		if (!parse_ip((const gchar *) sqlite3_column_text(stmt, 1), &addr))
			continue;
		service = ensure_service(self, role, &addr, sqlite3_column_int64(stmt, 4));
		if (service == NULL)
			continue;
		service->first_seen = sqlite3_column_int64(stmt, 3);
		if (sqlite3_column_type(stmt, 2) != SQLITE_NULL)
			service->device = lookup_store_id(self, sqlite3_column_int64(stmt, 2));
		service->dirty = FALSE;
	}
	sqlite3_finalize(stmt);
	return TRUE;
}

gboolean
ym_inventory_load(YmInventory *self, YmStore *store, GError **error)
{
	sqlite3 *db;
	g_return_val_if_fail(YM_IS_INVENTORY(self), FALSE);
	db = ym_store_get_db(store);
	if (!load_devices(self, db, error) || !load_details(self, db, error) ||
	    !load_services(self, db, error)) {
		g_prefix_error(error, "loading the stored inventory: ");
		return FALSE;
	}
	return TRUE;
}

/* ---- evidence from outside the packet path ---- */

void
ym_inventory_set_location_func(YmInventory *self, YmInventoryLocationFunc func, gpointer user_data)
{
	g_return_if_fail(YM_IS_INVENTORY(self));
	self->location_func = func;
	self->location_user_data = user_data;
}

gboolean
ym_inventory_add_observation(YmInventory *self,
                             const guint8 *mac,
                             YmObservationKind kind,
                             const gchar *value,
                             gint64 ts)
{
	guint64 key;
	YmDevice *device;

	g_return_val_if_fail(YM_IS_INVENTORY(self), FALSE);
	g_return_val_if_fail(mac != NULL, FALSE);
	g_return_val_if_fail(kind < YM_OBS_LAST, FALSE);

	key = mac_key(mac);
	device = g_hash_table_lookup(self->devices_by_mac, &key);
	if (device == NULL)
		return FALSE;
	device_add_observation_text(device, kind, value, ts);
	/* a repeated value moves its last_seen, which the direct rule reads */
	device->needs_classify = TRUE;
	return TRUE;
}

/* ---- accessors ---- */

GPtrArray *
ym_inventory_get_devices(YmInventory *self)
{
	g_return_val_if_fail(YM_IS_INVENTORY(self), NULL);
	return self->devices;
}

GPtrArray *
ym_inventory_get_services(YmInventory *self)
{
	g_return_val_if_fail(YM_IS_INVENTORY(self), NULL);
	return self->services;
}

YmDevice *
ym_inventory_lookup_mac(YmInventory *self, const guint8 *mac)
{
	guint64 key = mac_key(mac);
	g_return_val_if_fail(YM_IS_INVENTORY(self), NULL);
	return g_hash_table_lookup(self->devices_by_mac, &key);
}

YmDevice *
ym_inventory_lookup_ip(YmInventory *self, const YmIpAddr *addr)
{
	g_return_val_if_fail(YM_IS_INVENTORY(self), NULL);
	return g_hash_table_lookup(self->owners, addr);
}

guint64
ym_inventory_get_devices_dropped(YmInventory *self)
{
	g_return_val_if_fail(YM_IS_INVENTORY(self), 0);
	return self->devices_dropped;
}

gchar *
ym_device_dup_label(const YmDevice *device)
{
	if (device->names->len > 0)
		return g_strdup(g_array_index(device->names, YmDeviceName, 0).name);
	return g_strdup(device->mac_string);
}

YmInventory *
ym_inventory_new(YmOui *oui, YmFingerprints *fingerprints)
{
	YmInventory *self = g_object_new(YM_TYPE_INVENTORY, NULL);
	if (oui != NULL)
		self->oui = g_object_ref(oui);
	if (fingerprints != NULL)
		self->fingerprints = g_object_ref(fingerprints);
	return self;
}

static void
ym_inventory_dispose(GObject *object)
{
	YmInventory *self = YM_INVENTORY(object);
	g_clear_object(&self->oui);
	g_clear_object(&self->fingerprints);
	G_OBJECT_CLASS(ym_inventory_parent_class)->dispose(object);
}

static void
ym_inventory_finalize(GObject *object)
{
	YmInventory *self = YM_INVENTORY(object);
	g_hash_table_unref(self->devices_by_mac);
	g_hash_table_unref(self->owners);
	g_hash_table_unref(self->identities);
	g_ptr_array_unref(self->services);
	g_ptr_array_unref(self->devices);
	G_OBJECT_CLASS(ym_inventory_parent_class)->finalize(object);
}

static void
ym_inventory_class_init(YmInventoryClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->dispose = ym_inventory_dispose;
	object_class->finalize = ym_inventory_finalize;
}

static void
ym_inventory_init(YmInventory *self)
{
	self->devices_by_mac = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	self->devices = g_ptr_array_new_with_free_func(device_free);
	self->owners = g_hash_table_new_full(ip_addr_hash, ip_addr_equal, g_free, NULL);
	self->identities = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	self->services = g_ptr_array_new_with_free_func(g_free);
}
