/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * upnp_port_opened, the asking side: a home device that asks the router
 * to open a door from the internet to itself (or to another device). Seen
 * from the request: a UPnP IGD SOAP AddPortMapping / AddAnyPortMapping
 * POST, a NAT-PMP (RFC 6886) mapping request, or a PCP (RFC 6887) MAP
 * request. The SOAP body may follow the head in the next segment of the
 * flow: a few pending flows keep the fields parsed so far (never bytes).
 * Deletions (NAT-PMP/PCP lifetime 0) close doors and raise nothing.
 */

#define G_LOG_DOMAIN "YmDetect"

#include "config.h"

#include <string.h>

#include "ym-detect-upnp-private.h"

#define TYPE             "upnp_port_opened"
#define PENDING_MAX      8
#define PENDING_SEGMENTS 4
#define PENDING_USEC     (10 * G_USEC_PER_SEC)
#define NAME_SCAN_MAX    32

typedef struct {
	gboolean used;
	YmIpAddr src_ip;
	YmIpAddr dst_ip;
	guint16 src_port;
	guint16 dst_port;
	guint8 segments;
	gint64 ts;
	YmUpnpMapping mapping;
} Pending;

typedef struct {
	Pending pending[PENDING_MAX];
	guint n_pending;
} UpnpState;

const gchar *
_ym_upnp_method_to_string(YmUpnpMethod method)
{
	switch (method) {
	case YM_UPNP_METHOD_IGD:
		return "upnp-igd";
	case YM_UPNP_METHOD_NATPMP:
		return "nat-pmp";
	case YM_UPNP_METHOD_PCP:
		return "pcp";
	default:
		return "unknown";
	}
}

gboolean
_ym_upnp_names_add_mapping(const guint8 *data, gsize length)
{
	if (data == NULL)
		return FALSE;
	return memmem(data, length, "AddPortMapping", 14) != NULL ||
	       memmem(data, length, "AddAnyPortMapping", 17) != NULL;
}

static gboolean
is_name_char(guint8 c)
{
	return g_ascii_isalnum(c) || c == '_' || c == '-' || c == '.';
}

/* the text of the first opening element @name (with or without a namespace
 * prefix) in @data; FALSE when absent or cut before its end tag starts */
static gboolean
find_element(const guint8 *data,
             gsize length,
             const gchar *name,
             const guint8 **text,
             gsize *text_length)
{
	gsize name_length = strlen(name);
	const guint8 *p = data;
	const guint8 *end = data + length;

	while (p < end) {
		const guint8 *hit = memmem(p, (gsize) (end - p), name, name_length);
		const guint8 *after;
		const guint8 *q;
		gboolean opening = FALSE;

		if (hit == NULL)
			return FALSE;
		p = hit + name_length;
		/* preceded by "<" or "<prefix:" */
		if (hit > data && hit[-1] == '<') {
			opening = TRUE;
		} else if (hit > data && hit[-1] == ':') {
			q = hit - 1;
			while (q > data && (gsize) (hit - q) <= NAME_SCAN_MAX &&
			       is_name_char(q[-1]))
				q--;
			opening = q > data && q < hit - 1 && q[-1] == '<';
		}
		if (!opening)
			continue;
		after = hit + name_length;
		if (after >= end)
			return FALSE;
		if (*after == '/') {
			/* an empty element: an empty value */
			*text = after;
			*text_length = 0;
			return TRUE;
		}
		if (*after != '>' && !g_ascii_isspace(*after))
			continue; /* a longer name */
		q = memchr(after, '>', (gsize) (end - after));
		if (q == NULL)
			return FALSE;
		if (q > after && q[-1] == '/') {
			*text = q;
			*text_length = 0;
			return TRUE;
		}
		q++;
		after = memchr(q, '<', (gsize) (end - q));
		if (after == NULL)
			return FALSE; /* the value may be cut: take nothing */
		*text = q;
		*text_length = (gsize) (after - q);
		return TRUE;
	}
	return FALSE;
}

static void
trim(const guint8 **text, gsize *length)
{
	while (*length > 0 && g_ascii_isspace((*text)[0])) {
		(*text)++;
		(*length)--;
	}
	while (*length > 0 && g_ascii_isspace((*text)[*length - 1]))
		(*length)--;
}

static gboolean
parse_uint(const guint8 *text, gsize length, guint64 max, guint64 *value)
{
	guint64 v = 0;
	trim(&text, &length);
	if (length == 0 || length > 10)
		return FALSE;
	for (gsize i = 0; i < length; i++) {
		if (!g_ascii_isdigit(text[i]))
			return FALSE;
		v = v * 10 + (guint64) (text[i] - '0');
	}
	if (v > max)
		return FALSE;
	*value = v;
	return TRUE;
}

/* printable ASCII only, capped: an address or a host name */
static void
copy_token(const guint8 *text, gsize length, gchar *out, gsize out_size, gboolean upper)
{
	gsize n = 0;
	trim(&text, &length);
	for (gsize i = 0; i < length && n + 1 < out_size; i++) {
		guint8 c = text[i];
		if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '&')
			break;
		out[n++] = upper ? g_ascii_toupper((gchar) c) : (gchar) c;
	}
	out[n] = '\0';
}

static const struct {
	const gchar *entity;
	gchar c;
} entities[] = {
    {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''},
};

/* at most YM_UPNP_DESCRIPTION_MAX bytes of text, the five XML entities
 * decoded, control characters dropped, cut to valid UTF-8 */
static void
copy_description(const guint8 *text, gsize length, gchar *out)
{
	gsize n = 0;
	const gchar *valid_end = NULL;
	trim(&text, &length);
	for (gsize i = 0; i < length && n < YM_UPNP_DESCRIPTION_MAX; i++) {
		guint8 c = text[i];
		if (c == '&') {
			gboolean decoded = FALSE;
			for (guint e = 0; e < G_N_ELEMENTS(entities); e++) {
				gsize elen = strlen(entities[e].entity);
				if (length - i >= elen &&
				    memcmp(text + i, entities[e].entity, elen) == 0) {
					out[n++] = entities[e].c;
					i += elen - 1;
					decoded = TRUE;
					break;
				}
			}
			if (decoded)
				continue;
		}
		if (c < 0x20 || c == 0x7f)
			continue;
		out[n++] = (gchar) c;
	}
	out[n] = '\0';
	if (!g_utf8_validate(out, (gssize) n, &valid_end))
		out[valid_end - out] = '\0';
}

gboolean
_ym_upnp_parse_soap(const guint8 *data, gsize length, YmUpnpMapping *mapping)
{
	const guint8 *text;
	gsize text_length;
	guint64 value;

	if (data == NULL)
		length = 0;
	mapping->method = YM_UPNP_METHOD_IGD;
	if (_ym_upnp_names_add_mapping(data, length))
		mapping->has_action = TRUE;
	if (find_element(data, length, "NewExternalPort", &text, &text_length) &&
	    parse_uint(text, text_length, G_MAXUINT16, &value)) {
		mapping->external_port = (guint16) value;
		mapping->has_external_port = TRUE;
	}
	if (find_element(data, length, "NewProtocol", &text, &text_length)) {
		copy_token(text, text_length, mapping->protocol, sizeof(mapping->protocol), TRUE);
		mapping->has_protocol = mapping->protocol[0] != '\0';
	}
	if (find_element(data, length, "NewInternalPort", &text, &text_length) &&
	    parse_uint(text, text_length, G_MAXUINT16, &value)) {
		mapping->internal_port = (guint16) value;
		mapping->has_internal_port = TRUE;
	}
	if (find_element(data, length, "NewInternalClient", &text, &text_length))
		copy_token(text, text_length, mapping->internal_client,
		           sizeof(mapping->internal_client), FALSE);
	if (find_element(data, length, "NewPortMappingDescription", &text, &text_length))
		copy_description(text, text_length, mapping->description);
	if (find_element(data, length, "NewLeaseDuration", &text, &text_length) &&
	    parse_uint(text, text_length, G_MAXUINT32, &value)) {
		mapping->lease_seconds = (gint64) value;
		mapping->has_lease = TRUE;
	}
	return mapping->has_action && mapping->has_external_port && mapping->has_protocol;
}

static guint16
get16(const guint8 *p)
{
	return (guint16) ((p[0] << 8) | p[1]);
}

static guint32
get32(const guint8 *p)
{
	return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
mapping_clear(YmUpnpMapping *mapping, YmUpnpMethod method)
{
	memset(mapping, 0, sizeof(*mapping));
	mapping->method = method;
}

gboolean
_ym_upnp_parse_natpmp(const guint8 *data, gsize length, YmUpnpMapping *mapping)
{
	guint8 opcode;
	/* version 0, opcode 1 (UDP) or 2 (TCP), reserved, internal port,
	 * suggested external port, requested lifetime: 12 bytes */
	if (data == NULL || length < 12 || data[0] != 0)
		return FALSE;
	opcode = data[1];
	if (opcode != 1 && opcode != 2)
		return FALSE;
	mapping_clear(mapping, YM_UPNP_METHOD_NATPMP);
	g_strlcpy(mapping->protocol, opcode == 1 ? "UDP" : "TCP", sizeof(mapping->protocol));
	mapping->has_protocol = TRUE;
	mapping->internal_port = get16(data + 4);
	mapping->has_internal_port = TRUE;
	/* a suggested external port of 0 lets the router choose */
	mapping->external_port = get16(data + 6);
	mapping->has_external_port = TRUE;
	mapping->lease_seconds = get32(data + 8);
	mapping->has_lease = TRUE;
	mapping->has_action = TRUE;
	return TRUE;
}

gboolean
_ym_upnp_parse_pcp(const guint8 *data, gsize length, YmUpnpMapping *mapping)
{
	const guint8 *client;
	const guint8 *map;
	guint8 proto;
	gchar buf[64];
	YmIpAddr addr = {0};
	static const guint8 v4_mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

	/* header (24 bytes) then the MAP opcode (36 bytes) */
	if (data == NULL || length < 60 || data[0] != 2 || data[1] != 1)
		return FALSE; /* version 2, a request (R clear), opcode MAP */
	mapping_clear(mapping, YM_UPNP_METHOD_PCP);
	mapping->lease_seconds = get32(data + 4);
	mapping->has_lease = TRUE;
	client = data + 8;
	if (memcmp(client, v4_mapped, sizeof(v4_mapped)) == 0) {
		addr.family = 4;
		memcpy(addr.bytes, client + 12, 4);
	} else {
		addr.family = 6;
		memcpy(addr.bytes, client, 16);
	}
	g_strlcpy(mapping->internal_client, ym_ip_addr_to_string(&addr, buf, sizeof(buf)),
	          sizeof(mapping->internal_client));
	map = data + 24;
	proto = map[12];
	if (proto == 6)
		g_strlcpy(mapping->protocol, "TCP", sizeof(mapping->protocol));
	else if (proto == 17)
		g_strlcpy(mapping->protocol, "UDP", sizeof(mapping->protocol));
	else if (proto == 0)
		g_strlcpy(mapping->protocol, "ALL", sizeof(mapping->protocol));
	else
		g_snprintf(mapping->protocol, sizeof(mapping->protocol), "%u", proto);
	mapping->has_protocol = TRUE;
	mapping->internal_port = get16(map + 16);
	mapping->has_internal_port = TRUE;
	mapping->external_port = get16(map + 18);
	mapping->has_external_port = TRUE;
	mapping->has_action = TRUE;
	return TRUE;
}

static gpointer
upnp_create(YmDetectContext *ctx, GError **error)
{
	return g_new0(UpnpState, 1);
}

static void
upnp_destroy(gpointer state)
{
	g_free(state);
}

static void
add_method(JsonObject *evidence, JsonObject *old, const gchar *method)
{
	JsonArray *methods = json_array_new();
	if (old != NULL && json_object_has_member(old, "methods")) {
		JsonArray *before = json_object_get_array_member(old, "methods");
		for (guint i = 0; before != NULL && i < json_array_get_length(before); i++) {
			const gchar *m = json_array_get_string_element(before, i);
			if (m != NULL && g_strcmp0(m, method) != 0)
				json_array_add_string_element(methods, m);
		}
	}
	json_array_add_string_element(methods, method);
	json_object_set_array_member(evidence, "methods", methods);
}

static void
raise_mapping(YmDetectContext *ctx, const YmPacket *packet, const YmUpnpMapping *mapping)
{
	const YmDevice *device;
	g_autofree gchar *key = NULL;
	g_autofree gchar *port = NULL;
	JsonObject *evidence;
	YmAlert *alert;
	gchar buf[64];
	const gchar *method = _ym_upnp_method_to_string(mapping->method);

	/* a NAT-PMP or PCP lifetime of 0 deletes a mapping */
	if (mapping->method != YM_UPNP_METHOD_IGD && mapping->lease_seconds == 0)
		return;
	device = ym_inventory_lookup_mac(ctx->inventory, packet->src_mac);
	if (device == NULL)
		return;
	key = g_strdup_printf("%s/%u", mapping->protocol, mapping->external_port);
	evidence = json_object_new();
	json_object_set_int_member(evidence, "external_port", mapping->external_port);
	json_object_set_string_member(evidence, "protocol", mapping->protocol);
	/* for the guidance's {port} slot: "TCP 8554" */
	port = g_strdup_printf("%s %u", mapping->protocol, mapping->external_port);
	json_object_set_string_member(evidence, "port", port);
	/* NAT-PMP maps to the asker; an empty SOAP NewInternalClient does too */
	json_object_set_string_member(
	    evidence, "internal_client",
	    mapping->internal_client[0] != '\0'
	        ? mapping->internal_client
	        : ym_ip_addr_to_string(&packet->src_ip, buf, sizeof(buf)));
	if (mapping->has_internal_port)
		json_object_set_int_member(evidence, "internal_port", mapping->internal_port);
	if (mapping->has_lease)
		json_object_set_int_member(evidence, "lease_seconds", mapping->lease_seconds);
	json_object_set_string_member(evidence, "method", method);
	json_object_set_string_member(evidence, "router",
	                              ym_ip_addr_to_string(&packet->dst_ip, buf, sizeof(buf)));
	json_object_set_int_member(evidence, "router_port", packet->dst_port);
	if (mapping->description[0] != '\0')
		json_object_set_string_member(evidence, "description", mapping->description);

	/* raise without evidence first, to merge with what an earlier request
	 * of another method said (the description, the methods seen) */
	alert = ym_alerts_raise(ctx->alerts, TYPE, device, key, packet->ts_usec, YM_SEVERITY_INFO,
	                        NULL);
	if (alert == NULL) {
		json_object_unref(evidence);
		return;
	}
	if (alert->evidence != NULL && mapping->description[0] == '\0' &&
	    json_object_has_member(alert->evidence, "description"))
		json_object_set_string_member(
		    evidence, "description",
		    json_object_get_string_member(alert->evidence, "description"));
	add_method(evidence, alert->evidence, method);
	if (alert->evidence != NULL)
		json_object_unref(alert->evidence);
	alert->evidence = evidence;
}

static Pending *
pending_find(UpnpState *self, const YmPacket *packet)
{
	for (guint i = 0; i < PENDING_MAX; i++) {
		Pending *p = &self->pending[i];
		if (p->used && p->src_port == packet->src_port && p->dst_port == packet->dst_port &&
		    ym_ip_addr_equal(&p->src_ip, &packet->src_ip) &&
		    ym_ip_addr_equal(&p->dst_ip, &packet->dst_ip))
			return p;
	}
	return NULL;
}

static void
pending_drop(UpnpState *self, Pending *p)
{
	p->used = FALSE;
	self->n_pending--;
}

static void
pending_add(UpnpState *self, const YmPacket *packet, const YmUpnpMapping *mapping)
{
	Pending *slot = NULL;
	for (guint i = 0; i < PENDING_MAX; i++) {
		Pending *p = &self->pending[i];
		if (!p->used) {
			slot = p;
			break;
		}
		if (slot == NULL || p->ts < slot->ts)
			slot = p; /* the oldest goes */
	}
	if (!slot->used)
		self->n_pending++;
	slot->used = TRUE;
	slot->src_ip = packet->src_ip;
	slot->dst_ip = packet->dst_ip;
	slot->src_port = packet->src_port;
	slot->dst_port = packet->dst_port;
	slot->segments = 1;
	slot->ts = packet->ts_usec;
	slot->mapping = *mapping;
}

static void
upnp_soap(UpnpState *self, YmDetectContext *ctx, const YmPacket *packet)
{
	Pending *p = NULL;
	YmUpnpMapping mapping;
	gboolean post = packet->app == YM_APP_HTTP && packet->u.http.is_request &&
	                ym_str_equal_ascii_nocase(packet->u.http.method, "POST");

	if (!post) {
		/* the rest of a POST whose head came before */
		if (self->n_pending == 0 || packet->payload_length == 0)
			return;
		p = pending_find(self, packet);
		if (p == NULL)
			return;
		if (packet->ts_usec - p->ts > PENDING_USEC) {
			pending_drop(self, p);
			return;
		}
		if (_ym_upnp_parse_soap(packet->payload, packet->payload_length, &p->mapping)) {
			raise_mapping(ctx, packet, &p->mapping);
			pending_drop(self, p);
		} else if (++p->segments >= PENDING_SEGMENTS) {
			pending_drop(self, p);
		}
		return;
	}
	/* a new request on a pending flow replaces it */
	if (self->n_pending > 0 && (p = pending_find(self, packet)) != NULL)
		pending_drop(self, p);
	mapping_clear(&mapping, YM_UPNP_METHOD_IGD);
	if (_ym_upnp_parse_soap(packet->payload, packet->payload_length, &mapping)) {
		raise_mapping(ctx, packet, &mapping);
		return;
	}
	/* the body is yet to come: a SOAP action named, or an XML body */
	if (mapping.has_action ||
	    (ym_str_is_set(packet->u.http.content_type) &&
	     ym_str_has_prefix_ascii_nocase(packet->u.http.content_type, "text/xml")))
		pending_add(self, packet, &mapping);
}

static void
upnp_packet(gpointer state,
            YmDetectContext *ctx,
            const YmPacket *packet,
            const YmFlow *flow,
            guint direction)
{
	UpnpState *self = state;
	YmUpnpMapping mapping;

	if (!packet->has_mac || !packet->has_ports || packet->payload_length == 0)
		return;
	if (packet->ip_proto == 17) {
		if (packet->dst_port != YM_UPNP_NATPMP_PORT)
			return;
		if (_ym_upnp_parse_natpmp(packet->payload, packet->payload_length, &mapping) ||
		    _ym_upnp_parse_pcp(packet->payload, packet->payload_length, &mapping))
			raise_mapping(ctx, packet, &mapping);
		return;
	}
	if (packet->ip_proto != 6)
		return;
	if (packet->app != YM_APP_HTTP && self->n_pending == 0)
		return;
	upnp_soap(self, ctx, packet);
}

static void
upnp_flow_end(gpointer state, YmDetectContext *ctx, const YmFlow *flow)
{
	UpnpState *self = state;
	if (self->n_pending == 0 || flow->proto != 6)
		return;
	for (guint i = 0; i < PENDING_MAX; i++) {
		Pending *p = &self->pending[i];
		if (!p->used)
			continue;
		for (guint d = 0; d < 2; d++) {
			if (p->src_port == flow->port[d] && p->dst_port == flow->port[1 - d] &&
			    ym_ip_addr_equal(&p->src_ip, &flow->addr[d]) &&
			    ym_ip_addr_equal(&p->dst_ip, &flow->addr[1 - d])) {
				pending_drop(self, p);
				break;
			}
		}
	}
}

const YmDetectorInfo ym_detector_upnp = {
    .name = "upnp",
    .create = upnp_create,
    .destroy = upnp_destroy,
    .packet = upnp_packet,
    .flow_end = upnp_flow_end,
};
