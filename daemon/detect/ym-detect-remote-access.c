/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * insecure_remote_access, the offering side: a home device that answers
 * Telnet or FTP, or serves a login page over plain HTTP, invites anyone
 * who reaches it to try its (often factory) password, and the password
 * crosses the network readable. Seen from the server's own answer (a
 * SYN-ACK from the port, an HTTP challenge), not from a port scan.
 */

#define G_LOG_DOMAIN "YmDetect"

#include "config.h"

#include "ym-detector.h"

static const struct {
	guint16 port;
	const gchar *service;
} services[] = {
    {23, "telnet"},
    {2323, "telnet"},
    {21, "ftp"},
    {0, NULL},
};

static gpointer
remote_access_create(YmDetectContext *ctx, GError **error)
{
	/* no state: every finding is in the alerts */
	return GINT_TO_POINTER(1);
}

static void
raise_offer(YmDetectContext *ctx,
            const YmDevice *device,
            const YmPacket *packet,
            const gchar *service,
            guint16 port)
{
	g_autofree gchar *key = g_strdup_printf("offers:%s:%u", service, port);
	JsonObject *evidence = json_object_new();
	gchar client[64];
	json_object_set_string_member(evidence, "service", service);
	json_object_set_int_member(evidence, "port", port);
	json_object_set_string_member(
	    evidence, "client", ym_ip_addr_to_string(&packet->dst_ip, client, sizeof(client)));
	ym_alerts_raise(ctx->alerts, "insecure_remote_access", device, key, packet->ts_usec,
	                YM_SEVERITY_INFO, evidence);
}

static guint16
offered_service(const YmPacket *packet, const gchar **service)
{
	for (guint i = 0; services[i].service != NULL; i++) {
		if (packet->src_port == services[i].port) {
			*service = services[i].service;
			return services[i].port;
		}
	}
	return 0;
}

static void
remote_access_packet(gpointer state,
                     YmDetectContext *ctx,
                     const YmPacket *packet,
                     const YmFlow *flow,
                     guint direction)
{
	const YmDevice *device;
	const gchar *service = NULL;
	guint16 port = 0;

	if (!packet->has_mac || packet->ip_proto != 6 || !packet->has_ports)
		return;
	/* a server's answer to a connection it accepted, or a login challenge
	 * over plain HTTP; everything else leaves at once */
	if ((packet->tcp_flags & (YM_TCP_SYN | YM_TCP_ACK)) == (YM_TCP_SYN | YM_TCP_ACK)) {
		port = offered_service(packet, &service);
	} else if (packet->app == YM_APP_HTTP && !packet->u.http.is_request &&
	           ym_str_is_set(packet->u.http.www_authenticate_scheme)) {
		service = "http-login";
		port = packet->src_port;
	}
	if (service == NULL)
		return;
	/* only a home device's own answers: the router forwards the internet's */
	device = ym_inventory_lookup_mac(ctx->inventory, packet->src_mac);
	if (device == NULL || ym_inventory_lookup_ip(ctx->inventory, &packet->src_ip) != device)
		return;
	raise_offer(ctx, device, packet, service, port);
}

const YmDetectorInfo ym_detector_remote_access = {
    .name = "remote-access",
    .create = remote_access_create,
    .packet = remote_access_packet,
};
