/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * DHCPv6, RFC 8415 sections 8 and 9 (messages), 11 (DUIDs) and 21
 * (options); client FQDN RFC 4704, MUD URL RFC 8520
 *
 * client/server message:
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    msg-type   |               transaction-id                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * .                            options                            .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * relay agent message (RELAY-FORW 12, RELAY-REPL 13), whose option 9
 * carries the relayed message, itself possibly a relay message:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    msg-type   |   hop-count   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      link-address (16)                        |
 * |                      peer-address (16)                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * .                            options                            .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * option; IA_NA (IAID, T1, T2) and IA_TA (IAID) carry options of their
 * own, among them IAADDR (address, preferred and valid lifetime, options):
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          option-code          |           option-len          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * .                          option-data                          .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */

#define G_LOG_DOMAIN "YmDecode"

#include "config.h"

#include "ym-decode.h"

#define DHCPV6_RELAY_FORW        12
#define DHCPV6_RELAY_REPL        13
#define DHCPV6_MAX_RELAY_DEPTH   8
#define DHCPV6_DUID_MAX_LENGTH   130 /* type code and up to 128 octets */
#define DHCPV6_DUID_LLT          1
#define DHCPV6_DUID_LL           3
#define DHCPV6_HARDWARE_ETHERNET 1

enum {
	DHCPV6_OPTION_CLIENTID = 1,
	DHCPV6_OPTION_IA_NA = 3,
	DHCPV6_OPTION_IA_TA = 4,
	DHCPV6_OPTION_IAADDR = 5,
	DHCPV6_OPTION_ORO = 6,
	DHCPV6_OPTION_RELAY_MSG = 9,
	DHCPV6_OPTION_USER_CLASS = 15,
	DHCPV6_OPTION_VENDOR_CLASS = 16,
	DHCPV6_OPTION_DNS_SERVERS = 23,
	DHCPV6_OPTION_CLIENT_FQDN = 39,
	DHCPV6_OPTION_MUD_URL = 112,
};

static void
dhcpv6_add_event(YmPacket *packet)
{
	if (!ym_packet_has_event(packet, YM_EVENT_DHCPV6_INVALID))
		ym_packet_add_event(packet, YM_EVENT_DHCPV6_INVALID);
}

static YmDecodeResult
dhcpv6_truncated(YmPacket *packet)
{
	/* a message cut by the snap length is not the sender's fault */
	if (!ym_packet_has_event(packet, YM_EVENT_FRAME_TRUNCATED))
		dhcpv6_add_event(packet);
	return YM_DECODE_TRUNCATED;
}

/* the next option of @buf; FALSE at the end, and *truncated when it ran out mid-option */
static gboolean
dhcpv6_next_option(YmBuf *buf, guint16 *code, YmBuf *value, gboolean *truncated)
{
	guint16 length = 0;

	*truncated = FALSE;
	if (ym_buf_remaining(buf) == 0)
		return FALSE;
	if (!ym_buf_get_be16(buf, code) || !ym_buf_get_be16(buf, &length) ||
	    !ym_buf_get_sub(buf, length, value)) {
		*truncated = TRUE;
		return FALSE;
	}
	return TRUE;
}

static gboolean
dhcpv6_read_duid(YmDhcpv6 *dhcpv6, YmBuf *value)
{
	gsize length = ym_buf_remaining(value);
	guint16 hardware_type = 0;

	if (length < 2 || length > DHCPV6_DUID_MAX_LENGTH)
		return FALSE;
	dhcpv6->client_duid = ym_buf_current(value);
	dhcpv6->client_duid_length = (guint8) length;
	dhcpv6->client_duid_has_mac = FALSE;
	if (!ym_buf_get_be16(value, &dhcpv6->client_duid_type))
		return FALSE;
	switch (dhcpv6->client_duid_type) {
	case DHCPV6_DUID_LLT:
		/* hardware type, time, link-layer address */
		if (!ym_buf_get_be16(value, &hardware_type) || !ym_buf_skip(value, 4))
			return FALSE;
		break;
	case DHCPV6_DUID_LL:
		if (!ym_buf_get_be16(value, &hardware_type))
			return FALSE;
		break;
	default:
		return TRUE;
	}
	if (hardware_type == DHCPV6_HARDWARE_ETHERNET && ym_buf_remaining(value) == 6)
		dhcpv6->client_duid_has_mac = ym_buf_copy_bytes(value, 6, dhcpv6->client_duid_mac);
	return TRUE;
}

/* the first of a list of length-prefixed opaque items; the rest are only checked */
static gboolean
dhcpv6_read_first_item(YmBuf *value, YmStr *item)
{
	*item = YM_STR_EMPTY;
	while (ym_buf_remaining(value) > 0) {
		const guint8 *bytes = NULL;
		guint16 length = 0;
		if (!ym_buf_get_be16(value, &length) || !ym_buf_get_bytes(value, length, &bytes))
			return FALSE;
		if (item->data == NULL && length > 0) {
			item->data = (const gchar *) bytes;
			item->length = length;
		}
	}
	return TRUE;
}

/* IA_NA or IA_TA: a fixed part of @fixed_length, then options holding IAADDRs */
static gboolean
dhcpv6_read_ia(YmDhcpv6 *dhcpv6, YmBuf *value, gsize fixed_length)
{
	gboolean truncated = FALSE;
	guint16 code = 0;
	YmBuf option;

	if (!ym_buf_skip(value, fixed_length))
		return FALSE;
	while (dhcpv6_next_option(value, &code, &option, &truncated)) {
		if (code != DHCPV6_OPTION_IAADDR)
			continue;
		/* address, preferred and valid lifetimes */
		if (!ym_buf_has(&option, 16 + 4 + 4))
			return FALSE;
		if (dhcpv6->n_addresses < YM_DHCPV6_MAX_ADDRS)
			ym_buf_copy_bytes(&option, 16, dhcpv6->addresses[dhcpv6->n_addresses++]);
	}
	return !truncated;
}

static gboolean
dhcpv6_read_option(YmPacket *packet, guint16 code, YmBuf *value)
{
	YmDhcpv6 *dhcpv6 = &packet->u.dhcpv6;

	switch (code) {
	case DHCPV6_OPTION_CLIENTID:
		return dhcpv6_read_duid(dhcpv6, value);
	case DHCPV6_OPTION_ORO:
		if (ym_buf_remaining(value) % 2 != 0)
			return FALSE;
		dhcpv6->n_oro = 0;
		while (dhcpv6->n_oro < YM_DHCPV6_MAX_ORO &&
		       ym_buf_get_be16(value, &dhcpv6->oro[dhcpv6->n_oro]))
			dhcpv6->n_oro++;
		return TRUE;
	case DHCPV6_OPTION_CLIENT_FQDN:
		if (!ym_buf_get_u8(value, &dhcpv6->fqdn_flags))
			return FALSE;
		return ym_decode_dns_wire_name(packet, ym_buf_current(value),
		                               ym_buf_remaining(value), &dhcpv6->fqdn);
	case DHCPV6_OPTION_VENDOR_CLASS:
		if (!ym_buf_get_be32(value, &dhcpv6->vendor_class_enterprise))
			return FALSE;
		return dhcpv6_read_first_item(value, &dhcpv6->vendor_class);
	case DHCPV6_OPTION_USER_CLASS:
		return dhcpv6_read_first_item(value, &dhcpv6->user_class);
	case DHCPV6_OPTION_MUD_URL:
		dhcpv6->mud_url.data = (const gchar *) ym_buf_current(value);
		dhcpv6->mud_url.length = (guint16) ym_buf_remaining(value);
		return dhcpv6->mud_url.length > 0;
	case DHCPV6_OPTION_IA_NA:
		return dhcpv6_read_ia(dhcpv6, value, 4 + 4 + 4);
	case DHCPV6_OPTION_IA_TA:
		return dhcpv6_read_ia(dhcpv6, value, 4);
	case DHCPV6_OPTION_DNS_SERVERS:
		if (ym_buf_remaining(value) % 16 != 0)
			return FALSE;
		while (dhcpv6->n_dns_servers < YM_DHCPV6_MAX_ADDRS &&
		       ym_buf_copy_bytes(value, 16, dhcpv6->dns_servers[dhcpv6->n_dns_servers]))
			dhcpv6->n_dns_servers++;
		return TRUE;
	default:
		return TRUE;
	}
}

static YmDecodeResult
dhcpv6_read_options(YmPacket *packet, YmBuf *buf)
{
	YmDecodeResult result = YM_DECODE_OK;
	gboolean truncated = FALSE;
	guint16 code = 0;
	YmBuf value;

	while (dhcpv6_next_option(buf, &code, &value, &truncated)) {
		if (!dhcpv6_read_option(packet, code, &value)) {
			dhcpv6_add_event(packet);
			result = YM_DECODE_INVALID;
		}
	}
	if (truncated)
		return dhcpv6_truncated(packet);
	return result;
}

/* the relay message option among the options of a relay agent message */
static YmDecodeResult
dhcpv6_find_relay_message(YmPacket *packet, YmBuf *buf, YmBuf *relayed)
{
	gboolean truncated = FALSE;
	guint16 code = 0;

	while (dhcpv6_next_option(buf, &code, relayed, &truncated)) {
		if (code == DHCPV6_OPTION_RELAY_MSG)
			return YM_DECODE_OK;
	}
	if (truncated)
		return dhcpv6_truncated(packet);
	dhcpv6_add_event(packet);
	return YM_DECODE_INVALID;
}

/* unwraps relay agent messages until @buf holds a client or server message of *type */
static YmDecodeResult
dhcpv6_unwrap_relays(YmPacket *packet, YmBuf *buf, guint8 *type)
{
	YmDhcpv6 *dhcpv6 = &packet->u.dhcpv6;

	for (;;) {
		YmDecodeResult result;
		YmBuf relayed;

		if (!ym_buf_get_u8(buf, type))
			return dhcpv6_truncated(packet);
		if (*type != DHCPV6_RELAY_FORW && *type != DHCPV6_RELAY_REPL)
			return YM_DECODE_OK;
		if (dhcpv6->n_relays >= DHCPV6_MAX_RELAY_DEPTH) {
			dhcpv6_add_event(packet);
			return YM_DECODE_INVALID;
		}
		/* hop-count and link-address, then peer-address */
		if (!ym_buf_skip(buf, 1 + 16) ||
		    !ym_buf_copy_bytes(buf, 16, dhcpv6->relay_peer_address))
			return dhcpv6_truncated(packet);
		result = dhcpv6_find_relay_message(packet, buf, &relayed);
		if (result != YM_DECODE_OK)
			return result;
		dhcpv6->n_relays++;
		*buf = relayed;
	}
}

YmDecodeResult
ym_decode_dhcpv6(YmPacket *packet, const guint8 *data, gsize length)
{
	YmDhcpv6 *dhcpv6 = &packet->u.dhcpv6;
	YmDecodeResult result;
	guint8 type = 0;
	YmBuf buf;

	memset(dhcpv6, 0, sizeof(*dhcpv6));
	packet->app = YM_APP_DHCPV6;
	ym_buf_init(&buf, data, length);

	result = dhcpv6_unwrap_relays(packet, &buf, &type);
	if (result != YM_DECODE_OK)
		return result;
	dhcpv6->message_type = type;
	if (type == 0)
		goto invalid;
	if (!ym_buf_get_be24(&buf, &dhcpv6->transaction_id))
		return dhcpv6_truncated(packet);
	return dhcpv6_read_options(packet, &buf);

invalid:
	dhcpv6_add_event(packet);
	return YM_DECODE_INVALID;
}
