/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * DHCPv4, RFC 2131 section 2 (the BOOTP header of RFC 951), options
 * RFC 2132, client FQDN RFC 4702, MUD URL RFC 8520
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------+---------------+---------------+---------------+
 * |     op (1)    |   htype (1)   |   hlen (1)    |   hops (1)    |
 * +---------------+---------------+---------------+---------------+
 * |                            xid (4)                            |
 * +-------------------------------+-------------------------------+
 * |           secs (2)            |           flags (2)           |
 * +-------------------------------+-------------------------------+
 * |                          ciaddr  (4)                          |
 * |                          yiaddr  (4)                          |
 * |                          siaddr  (4)                          |
 * |                          giaddr  (4)                          |
 * +---------------------------------------------------------------+
 * |                          chaddr  (16)                         |
 * |                          sname   (64)                         |
 * |                          file    (128)                        |
 * +---------------------------------------------------------------+
 * |                 magic cookie 99.130.83.99 (4)                 |
 * +---------------------------------------------------------------+
 * |                          options (variable)                   |
 * +---------------------------------------------------------------+
 *
 * an option is code (1), length (1), value; pad (0) and end (255) are a
 * single octet. Option 81 is flags (1), rcode1 (1), rcode2 (1), then the
 * name, in DNS wire format when the E flag is set, else ASCII.
 */

#define G_LOG_DOMAIN "YmDecode"

#include "config.h"

#include "ym-decode.h"

#define DHCP_OP_BOOTREQUEST 1
#define DHCP_OP_BOOTREPLY   2
#define DHCP_SNAME_FILE     (64 + 128)
#define DHCP_MAGIC_COOKIE   0x63825363
#define DHCP_FQDN_FLAG_E    0x04

enum {
	DHCP_OPTION_PAD = 0,
	DHCP_OPTION_SUBNET_MASK = 1,
	DHCP_OPTION_ROUTERS = 3,
	DHCP_OPTION_DNS_SERVERS = 6,
	DHCP_OPTION_HOSTNAME = 12,
	DHCP_OPTION_DOMAIN_NAME = 15,
	DHCP_OPTION_REQUESTED_IP = 50,
	DHCP_OPTION_LEASE_TIME = 51,
	DHCP_OPTION_MESSAGE_TYPE = 53,
	DHCP_OPTION_SERVER_ID = 54,
	DHCP_OPTION_PARAMS = 55,
	DHCP_OPTION_VENDOR_CLASS = 60,
	DHCP_OPTION_CLIENT_ID = 61,
	DHCP_OPTION_CLIENT_FQDN = 81,
	DHCP_OPTION_MUD_URL = 161,
	DHCP_OPTION_END = 255,
};

/* the lengths RFC 2132 (and RFC 4702, RFC 8520) allow for the options we read */
static const struct {
	guint8 code;
	guint8 min_length;
	guint8 max_length;
	guint8 multiple;
} dhcp_option_lengths[] = {
    {DHCP_OPTION_SUBNET_MASK, 4, 4, 4},
    {DHCP_OPTION_ROUTERS, 4, 255, 4},
    {DHCP_OPTION_DNS_SERVERS, 4, 255, 4},
    {DHCP_OPTION_HOSTNAME, 1, 255, 1},
    {DHCP_OPTION_DOMAIN_NAME, 1, 255, 1},
    {DHCP_OPTION_REQUESTED_IP, 4, 4, 4},
    {DHCP_OPTION_LEASE_TIME, 4, 4, 4},
    {DHCP_OPTION_MESSAGE_TYPE, 1, 1, 1},
    {DHCP_OPTION_SERVER_ID, 4, 4, 4},
    {DHCP_OPTION_PARAMS, 1, 255, 1},
    {DHCP_OPTION_VENDOR_CLASS, 1, 255, 1},
    {DHCP_OPTION_CLIENT_ID, 2, 255, 1},
    {DHCP_OPTION_CLIENT_FQDN, 3, 255, 1},
    {DHCP_OPTION_MUD_URL, 1, 255, 1},
    {0, 0, 0, 0},
};

static void
dhcp_add_event(YmPacket *packet)
{
	if (!ym_packet_has_event(packet, YM_EVENT_DHCP_INVALID))
		ym_packet_add_event(packet, YM_EVENT_DHCP_INVALID);
}

static YmDecodeResult
dhcp_truncated(YmPacket *packet)
{
	/* a message cut by the snap length is not the sender's fault */
	if (!ym_packet_has_event(packet, YM_EVENT_FRAME_TRUNCATED))
		dhcp_add_event(packet);
	return YM_DECODE_TRUNCATED;
}

/* is this an option we read, with a length its definition allows */
static gboolean
dhcp_option_is_wanted(guint8 code, gsize length, gboolean *valid)
{
	for (guint i = 0; dhcp_option_lengths[i].code != 0; i++) {
		if (dhcp_option_lengths[i].code != code)
			continue;
		*valid = length >= dhcp_option_lengths[i].min_length &&
		         length <= dhcp_option_lengths[i].max_length &&
		         length % dhcp_option_lengths[i].multiple == 0;
		return TRUE;
	}
	return FALSE;
}

/* the rest of @value as a string view; some clients count a trailing NUL */
static YmStr
dhcp_get_string(YmBuf *value)
{
	YmStr str = YM_STR_EMPTY;
	gsize length = ym_buf_remaining(value);
	const guint8 *bytes = NULL;

	if (!ym_buf_get_bytes(value, length, &bytes))
		return str;
	while (length > 0 && bytes[length - 1] == '\0')
		length--;
	if (length == 0)
		return str;
	str.data = (const gchar *) bytes;
	str.length = (guint16) length;
	return str;
}

static guint8
dhcp_get_addresses(YmBuf *value, guint32 *addresses, guint max_addresses)
{
	guint8 n = 0;
	while (n < max_addresses && ym_buf_get_be32(value, &addresses[n]))
		n++;
	return n;
}

static gboolean
dhcp_get_fqdn(YmPacket *packet, YmBuf *value)
{
	YmDhcp *dhcp = &packet->u.dhcp;
	guint8 rcode1 = 0;
	guint8 rcode2 = 0;

	/* rcode1 and rcode2 are deprecated; servers send 255 */
	if (!ym_buf_get_u8(value, &dhcp->fqdn_flags) || !ym_buf_get_u8(value, &rcode1) ||
	    !ym_buf_get_u8(value, &rcode2))
		return FALSE;
	if (dhcp->fqdn_flags & DHCP_FQDN_FLAG_E) {
		return ym_decode_dns_wire_name(packet, ym_buf_current(value),
		                               ym_buf_remaining(value), &dhcp->fqdn);
	}
	dhcp->fqdn = dhcp_get_string(value);
	return TRUE;
}

/* @value holds exactly the option's bytes, of a length already checked */
static gboolean
dhcp_read_option(YmPacket *packet, guint8 code, YmBuf *value)
{
	YmDhcp *dhcp = &packet->u.dhcp;

	switch (code) {
	case DHCP_OPTION_SUBNET_MASK:
		dhcp->has_subnet_mask = TRUE;
		return ym_buf_get_be32(value, &dhcp->subnet_mask);
	case DHCP_OPTION_ROUTERS:
		dhcp->n_routers = dhcp_get_addresses(value, dhcp->routers, YM_DHCP_MAX_ADDRS);
		return TRUE;
	case DHCP_OPTION_DNS_SERVERS:
		dhcp->n_dns_servers =
		    dhcp_get_addresses(value, dhcp->dns_servers, YM_DHCP_MAX_ADDRS);
		return TRUE;
	case DHCP_OPTION_HOSTNAME:
		dhcp->hostname = dhcp_get_string(value);
		return TRUE;
	case DHCP_OPTION_DOMAIN_NAME:
		dhcp->domain_name = dhcp_get_string(value);
		return TRUE;
	case DHCP_OPTION_REQUESTED_IP:
		dhcp->has_requested_ip = TRUE;
		return ym_buf_get_be32(value, &dhcp->requested_ip);
	case DHCP_OPTION_LEASE_TIME:
		return ym_buf_get_be32(value, &dhcp->lease_time);
	case DHCP_OPTION_MESSAGE_TYPE:
		return ym_buf_get_u8(value, &dhcp->message_type);
	case DHCP_OPTION_SERVER_ID:
		dhcp->has_server_id = TRUE;
		return ym_buf_get_be32(value, &dhcp->server_id);
	case DHCP_OPTION_PARAMS:
		dhcp->n_params = 0;
		while (dhcp->n_params < YM_DHCP_MAX_PARAMS &&
		       ym_buf_get_u8(value, &dhcp->params[dhcp->n_params]))
			dhcp->n_params++;
		return TRUE;
	case DHCP_OPTION_VENDOR_CLASS:
		dhcp->vendor_class = dhcp_get_string(value);
		return TRUE;
	case DHCP_OPTION_CLIENT_ID:
		dhcp->client_id_length = (guint8) ym_buf_remaining(value);
		return ym_buf_get_bytes(value, dhcp->client_id_length, &dhcp->client_id);
	case DHCP_OPTION_CLIENT_FQDN:
		return dhcp_get_fqdn(packet, value);
	case DHCP_OPTION_MUD_URL:
		dhcp->mud_url = dhcp_get_string(value);
		return TRUE;
	default:
		return TRUE;
	}
}

/*
 * walks the options after the magic cookie; option overload (52) is
 * recorded in the option order but the sname and file fields it points to
 * are not read
 */
static YmDecodeResult
dhcp_read_options(YmPacket *packet, YmBuf *buf)
{
	YmDhcp *dhcp = &packet->u.dhcp;
	YmDecodeResult result = YM_DECODE_OK;
	guint8 code;

	/* a missing end option is tolerated: many stacks pad or stop short */
	while (ym_buf_get_u8(buf, &code)) {
		gboolean valid = TRUE;
		guint8 length = 0;
		YmBuf value;

		if (code == DHCP_OPTION_PAD)
			continue;
		if (code == DHCP_OPTION_END)
			break;
		if (!ym_buf_get_u8(buf, &length) || !ym_buf_get_sub(buf, length, &value))
			return dhcp_truncated(packet);
		if (dhcp->n_options < YM_DHCP_MAX_OPTIONS)
			dhcp->options[dhcp->n_options++] = code;
		if (!dhcp_option_is_wanted(code, length, &valid))
			continue;
		if (!valid || !dhcp_read_option(packet, code, &value)) {
			dhcp_add_event(packet);
			result = YM_DECODE_INVALID;
		}
	}
	return result;
}

YmDecodeResult
ym_decode_dhcp(YmPacket *packet, const guint8 *data, gsize length)
{
	YmDhcp *dhcp = &packet->u.dhcp;
	guint8 htype = 0;
	guint8 hlen = 0;
	guint32 cookie = 0;
	YmBuf buf;

	memset(dhcp, 0, sizeof(*dhcp));
	packet->app = YM_APP_DHCP;

	/* fixed header */
	ym_buf_init(&buf, data, length);
	if (!ym_buf_get_u8(&buf, &dhcp->op) || !ym_buf_get_u8(&buf, &htype) ||
	    !ym_buf_get_u8(&buf, &hlen) || !ym_buf_skip(&buf, 1) ||
	    !ym_buf_get_be32(&buf, &dhcp->xid) || !ym_buf_skip(&buf, 4) ||
	    !ym_buf_get_be32(&buf, &dhcp->ciaddr) || !ym_buf_get_be32(&buf, &dhcp->yiaddr) ||
	    !ym_buf_get_be32(&buf, &dhcp->siaddr) || !ym_buf_get_be32(&buf, &dhcp->giaddr) ||
	    !ym_buf_copy_bytes(&buf, sizeof(dhcp->chaddr), dhcp->chaddr) ||
	    !ym_buf_skip(&buf, 16 - sizeof(dhcp->chaddr) + DHCP_SNAME_FILE))
		return dhcp_truncated(packet);
	if (dhcp->op != DHCP_OP_BOOTREQUEST && dhcp->op != DHCP_OP_BOOTREPLY)
		goto invalid;
	dhcp->chaddr_is_mac = htype == 1 && hlen == 6;

	/* plain BOOTP may end here or carry a vendor area of its own */
	if (!ym_buf_get_be32(&buf, &cookie) || cookie != DHCP_MAGIC_COOKIE)
		return YM_DECODE_OK;
	return dhcp_read_options(packet, &buf);

invalid:
	dhcp_add_event(packet);
	return YM_DECODE_INVALID;
}
