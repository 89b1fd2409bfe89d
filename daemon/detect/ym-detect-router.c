/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * router_settings_changed, as far as the LAN shows it: the home's DHCP
 * server starts handing out a DNS server on the internet it did not hand
 * out before (hijacked resolver settings), a second DHCP server answers
 * (a rogue server steering clients to its own gateway and DNS), or ARP
 * replies claim the gateway's address from another MAC (ARP spoofing).
 *
 * Only DHCP offers/acks and ARP replies are looked at; the state is a few
 * small fixed tables, so hostile input cannot grow it.
 */

#define G_LOG_DOMAIN "YmDetect"

#include "config.h"

#include <string.h>

#include "ym-detector.h"

#define TYPE            "router_settings_changed"
#define MAX_SERVERS     4
#define MAX_DNS         YM_DHCP_MAX_ADDRS
#define MAX_GATEWAYS    4
#define DHCP_OFFER      2
#define DHCP_ACK        5
#define ARP_REPLY       2
#define USEC_PER_SECOND G_GINT64_CONSTANT(1000000)

/* a DHCP server seen offering leases, and what it advertised first */
typedef struct {
	gboolean used;
	guint8 mac[6];
	guint32 server_id; /* host order; its source address without option 54 */
	guint8 n_dns;
	guint32 dns[MAX_DNS];
	guint8 n_routers;
	guint32 routers[YM_DHCP_MAX_ADDRS];
	gint64 first_seen;
} DhcpServer;

/* the gateway's IPv4 address and the MAC that first answered for it */
typedef struct {
	gboolean used;
	gboolean has_mac;
	guint32 ip; /* host order */
	guint8 mac[6];
	gint64 mac_since;
} Gateway;

typedef struct {
	DhcpServer servers[MAX_SERVERS]; /* [0] is the home's server */
	Gateway gateways[MAX_GATEWAYS];
} RouterState;

static gpointer
router_create(YmDetectContext *ctx, GError **error)
{
	return g_new0(RouterState, 1);
}

static void
router_destroy(gpointer state)
{
	g_free(state);
}

static const gchar *
v4_to_string(guint32 host_order, gchar *buf, gsize size)
{
	YmIpAddr addr;
	ym_ip_addr_set_v4(&addr, host_order);
	return ym_ip_addr_to_string(&addr, buf, size);
}

static void
set_time(JsonObject *evidence, const gchar *name, gint64 ts_usec)
{
	g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc(ts_usec / USEC_PER_SECOND);
	g_autofree gchar *text = dt != NULL ? g_date_time_format_iso8601(dt) : NULL;
	if (text != NULL)
		json_object_set_string_member(evidence, name, text);
}

static void
set_mac(JsonObject *evidence, const gchar *name, const guint8 *mac)
{
	gchar buf[18];
	json_object_set_string_member(evidence, name, ym_mac_to_string(mac, buf, sizeof(buf)));
}

static void
set_v4(JsonObject *evidence, const gchar *name, guint32 host_order)
{
	gchar buf[64];
	json_object_set_string_member(evidence, name, v4_to_string(host_order, buf, sizeof(buf)));
}

static void
set_v4_list(JsonObject *evidence, const gchar *name, const guint32 *list, guint n)
{
	JsonArray *array = json_array_new();
	for (guint i = 0; i < n; i++) {
		gchar buf[64];
		json_array_add_string_element(array, v4_to_string(list[i], buf, sizeof(buf)));
	}
	json_object_set_array_member(evidence, name, array);
}

/* private, shared, loopback, link-local or otherwise not on the internet */
static gboolean
v4_is_local(guint32 ip)
{
	return (ip >> 24) == 10 || (ip >> 24) == 127 || (ip >> 24) == 0 ||
	       (ip & 0xfff00000) == 0xac100000 || /* 172.16/12 */
	       (ip & 0xffff0000) == 0xc0a80000 || /* 192.168/16 */
	       (ip & 0xffff0000) == 0xa9fe0000 || /* 169.254/16 */
	       (ip & 0xffc00000) == 0x64400000;   /* 100.64/10 */
}

static gboolean
v4_in(guint32 ip, const guint32 *list, guint n)
{
	for (guint i = 0; i < n; i++) {
		if (list[i] == ip)
			return TRUE;
	}
	return FALSE;
}

/* the device an alert is about: @mac's, else the home's DHCP server, else
 * the gateway */
static YmDevice *
alert_device(RouterState *self, YmDetectContext *ctx, const guint8 *mac)
{
	YmDevice *device = mac != NULL ? ym_inventory_lookup_mac(ctx->inventory, mac) : NULL;
	if (device == NULL && self->servers[0].used)
		device = ym_inventory_lookup_mac(ctx->inventory, self->servers[0].mac);
	for (guint i = 0; device == NULL && i < MAX_GATEWAYS; i++) {
		if (self->gateways[i].used && self->gateways[i].has_mac)
			device = ym_inventory_lookup_mac(ctx->inventory, self->gateways[i].mac);
	}
	return device;
}

static Gateway *
find_gateway(RouterState *self, guint32 ip)
{
	for (guint i = 0; i < MAX_GATEWAYS; i++) {
		if (self->gateways[i].used && self->gateways[i].ip == ip)
			return &self->gateways[i];
	}
	return NULL;
}

static Gateway *
ensure_gateway(RouterState *self, guint32 ip)
{
	Gateway *gateway = find_gateway(self, ip);
	if (gateway != NULL || ip == 0)
		return gateway;
	for (guint i = 0; i < MAX_GATEWAYS; i++) {
		if (!self->gateways[i].used) {
			self->gateways[i].used = TRUE;
			self->gateways[i].ip = ip;
			return &self->gateways[i];
		}
	}
	return NULL; /* full: the first ones stay */
}

static void
learn_server(DhcpServer *server, const YmPacket *packet, guint32 server_id)
{
	const YmDhcp *dhcp = &packet->u.dhcp;
	server->used = TRUE;
	memcpy(server->mac, packet->src_mac, 6);
	server->server_id = server_id;
	server->n_dns = MIN(dhcp->n_dns_servers, MAX_DNS);
	memcpy(server->dns, dhcp->dns_servers, server->n_dns * sizeof(guint32));
	server->n_routers = MIN(dhcp->n_routers, YM_DHCP_MAX_ADDRS);
	memcpy(server->routers, dhcp->routers, server->n_routers * sizeof(guint32));
	server->first_seen = packet->ts_usec;
}

static JsonObject *
dhcp_evidence(const DhcpServer *home, const YmPacket *packet, guint32 server_id)
{
	const YmDhcp *dhcp = &packet->u.dhcp;
	JsonObject *evidence = json_object_new();
	set_v4(evidence, "dhcp_server", server_id);
	set_mac(evidence, "dhcp_server_mac", packet->src_mac);
	set_v4_list(evidence, "dns_servers", dhcp->dns_servers,
	            MIN(dhcp->n_dns_servers, YM_DHCP_MAX_ADDRS));
	set_v4_list(evidence, "routers", dhcp->routers, MIN(dhcp->n_routers, YM_DHCP_MAX_ADDRS));
	if (dhcp->chaddr_is_mac)
		set_mac(evidence, "client", dhcp->chaddr);
	if (dhcp->yiaddr != 0)
		set_v4(evidence, "offered_address", dhcp->yiaddr);
	if (home != NULL) {
		set_v4(evidence, "previous_dhcp_server", home->server_id);
		set_mac(evidence, "previous_dhcp_server_mac", home->mac);
		set_v4_list(evidence, "previous_dns_servers", home->dns, home->n_dns);
		set_v4_list(evidence, "previous_routers", home->routers, home->n_routers);
		set_time(evidence, "previous_since", home->first_seen);
	}
	set_time(evidence, "seen", packet->ts_usec);
	return evidence;
}

/* DNS servers in @packet that @home did not advertise: public ones, or any
 * from a server that is not the home's */
static void
check_dns(RouterState *self,
          YmDetectContext *ctx,
          const DhcpServer *home,
          const YmPacket *packet,
          guint32 server_id,
          gboolean rogue)
{
	const YmDhcp *dhcp = &packet->u.dhcp;
	for (guint i = 0; i < MIN(dhcp->n_dns_servers, YM_DHCP_MAX_ADDRS); i++) {
		guint32 dns = dhcp->dns_servers[i];
		g_autofree gchar *key = NULL;
		gchar buf[64];
		JsonObject *evidence;
		if (v4_in(dns, home->dns, home->n_dns))
			continue;
		if (!rogue && (v4_is_local(dns) || dns == home->server_id ||
		               v4_in(dns, home->routers, home->n_routers)))
			continue;
		key = g_strdup_printf("dns:%s", v4_to_string(dns, buf, sizeof(buf)));
		evidence = dhcp_evidence(home, packet, server_id);
		set_v4(evidence, "dns_server", dns);
		json_object_set_string_member(evidence, "change", "dns-server");
		ym_alerts_raise(ctx->alerts, TYPE,
		                alert_device(self, ctx, rogue ? packet->src_mac : NULL), key,
		                packet->ts_usec, YM_SEVERITY_INFO, evidence);
	}
}

static void
router_dhcp(RouterState *self, YmDetectContext *ctx, const YmPacket *packet)
{
	const YmDhcp *dhcp = &packet->u.dhcp;
	DhcpServer *home = &self->servers[0];
	DhcpServer *server = NULL;
	guint32 server_id;

	/* a relay forwards another server's answers: the server is not on the LAN */
	if (dhcp->giaddr != 0)
		return;
	if (dhcp->has_server_id)
		server_id = dhcp->server_id;
	else if (packet->l3 == YM_L3_IPV4)
		server_id = ym_ip_addr_get_v4(&packet->src_ip);
	else
		return;

	if (!home->used) {
		gchar buf[64];
		learn_server(home, packet, server_id);
		g_debug("home DHCP server %s", v4_to_string(server_id, buf, sizeof(buf)));
		for (guint i = 0; i < home->n_routers; i++)
			ensure_gateway(self, home->routers[i]);
		return;
	}
	/* the same server: by identifier or by MAC (a router with several
	 * addresses, or one renumbered) */
	if (home->server_id == server_id || memcmp(home->mac, packet->src_mac, 6) == 0) {
		/* a first answer without DNS servers (an ack to an inform, say)
		 * leaves the baseline to the next one */
		if (home->n_dns == 0) {
			home->n_dns = MIN(dhcp->n_dns_servers, MAX_DNS);
			memcpy(home->dns, dhcp->dns_servers, home->n_dns * sizeof(guint32));
			return;
		}
		check_dns(self, ctx, home, packet, server_id, FALSE);
		return;
	}
	for (guint i = 1; i < MAX_SERVERS; i++) {
		DhcpServer *other = &self->servers[i];
		if (other->used && (other->server_id == server_id ||
		                    memcmp(other->mac, packet->src_mac, 6) == 0)) {
			server = other;
			break;
		}
		if (!other->used) {
			learn_server(other, packet, server_id);
			server = other;
			break;
		}
	}
	/* a second server answering in the LAN: raised every time it answers */
	{
		gchar buf[18];
		g_autofree gchar *key = g_strdup_printf(
		    "dhcp-server:%s", ym_mac_to_string(packet->src_mac, buf, sizeof(buf)));
		JsonObject *evidence = dhcp_evidence(home, packet, server_id);
		json_object_set_string_member(evidence, "change", "second-dhcp-server");
		if (server != NULL)
			set_time(evidence, "first_seen", server->first_seen);
		ym_alerts_raise(ctx->alerts, TYPE, alert_device(self, ctx, packet->src_mac), key,
		                packet->ts_usec, YM_SEVERITY_INFO, evidence);
	}
	check_dns(self, ctx, home, packet, server_id, TRUE);
}

static void
router_arp(RouterState *self, YmDetectContext *ctx, const YmPacket *packet)
{
	const YmArp *arp = &packet->arp;
	Gateway *gateway = find_gateway(self, arp->sender_ip);
	gchar buf[18];
	gchar ipbuf[64];
	g_autofree gchar *key = NULL;
	JsonObject *evidence;

	if (gateway == NULL)
		return;
	if (!gateway->has_mac) {
		gateway->has_mac = TRUE;
		memcpy(gateway->mac, arp->sender_mac, 6);
		gateway->mac_since = packet->ts_usec;
		g_debug("gateway %s answered by %s",
		        v4_to_string(gateway->ip, ipbuf, sizeof(ipbuf)),
		        ym_mac_to_string(arp->sender_mac, buf, sizeof(buf)));
		return;
	}
	if (memcmp(gateway->mac, arp->sender_mac, 6) == 0)
		return;
	key = g_strdup_printf("arp:%s", ym_mac_to_string(arp->sender_mac, buf, sizeof(buf)));
	evidence = json_object_new();
	json_object_set_string_member(evidence, "change", "gateway-mac");
	set_v4(evidence, "gateway", gateway->ip);
	set_mac(evidence, "gateway_mac", gateway->mac);
	set_time(evidence, "gateway_mac_since", gateway->mac_since);
	set_mac(evidence, "claimed_by", arp->sender_mac);
	if (packet->has_mac)
		set_mac(evidence, "sent_to", packet->dst_mac);
	set_time(evidence, "seen", packet->ts_usec);
	ym_alerts_raise(ctx->alerts, TYPE, alert_device(self, ctx, arp->sender_mac), key,
	                packet->ts_usec, YM_SEVERITY_INFO, evidence);
}

static void
router_packet(gpointer state,
              YmDetectContext *ctx,
              const YmPacket *packet,
              const YmFlow *flow,
              guint direction)
{
	RouterState *self = state;

	if (packet->l3 == YM_L3_ARP) {
		if (packet->arp.operation == ARP_REPLY && packet->arp.protocol_type == 0x0800)
			router_arp(self, ctx, packet);
		return;
	}
	if (packet->app != YM_APP_DHCP || !packet->has_mac || packet->u.dhcp.op != 2 ||
	    (packet->u.dhcp.message_type != DHCP_OFFER && packet->u.dhcp.message_type != DHCP_ACK))
		return;
	router_dhcp(self, ctx, packet);
}

/* the inventory's IPv4 gateways too, and the MAC it knows them by */
static void
router_tick(gpointer state, YmDetectContext *ctx, gint64 now)
{
	RouterState *self = state;
	GPtrArray *services = ym_inventory_get_services(ctx->inventory);

	for (guint i = 0; services != NULL && i < services->len; i++) {
		const YmService *service = g_ptr_array_index(services, i);
		Gateway *gateway;
		if (service->role != YM_ROLE_GATEWAY || service->addr.family != 4)
			continue;
		gateway = ensure_gateway(self, ym_ip_addr_get_v4(&service->addr));
		if (gateway != NULL && !gateway->has_mac && service->device != NULL) {
			gateway->has_mac = TRUE;
			memcpy(gateway->mac, service->device->mac, 6);
			gateway->mac_since = service->first_seen;
		}
	}
}

const YmDetectorInfo ym_detector_router = {
    .name = "router",
    .create = router_create,
    .destroy = router_destroy,
    .packet = router_packet,
    .tick = router_tick,
};
