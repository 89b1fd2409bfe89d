/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Ubiquiti device discovery on UDP 10001: there is no published
 * specification; the layout follows Wireshark's packet-ubdp.c and the Nmap
 * script ubiquiti-discovery.nse, checked against a UniFi Security Gateway
 * capture (nDPI ubntac2.pcap)
 *
 *    0               1               2               3
 *   +---------------+---------------+-------------------------------+
 *   |    version    |    command    |     length of the TLVs        |
 *   +---------------+---------------+-------------------------------+
 *   |     type      |          length (be16)        |  value ...    |
 *   +---------------+-------------------------------+---------------+
 *   |     type      |  ...                                          |
 *
 * version 1: command 0 is the information request (no TLVs) and its reply;
 * version 2 (newer firmware) broadcasts announcements, command 6, with the
 * same TLVs; the types we keep:
 *   0x01 MAC (6)              0x02 MAC and IPv4 (10)    0x03 firmware, full
 *   0x04 MAC and IPv4 (10)    0x0b hostname             0x0c platform (short model)
 *   0x0d ESSID                0x13 MAC, v2 (6)          0x14 model, long
 *   0x15 model, v2            0x16 firmware version, v2
 */

#define G_LOG_DOMAIN "YmDecode"

#include "config.h"

#include "ym-decode.h"

#include <stddef.h>

#define UBNT_TLV_MAC       0x01
#define UBNT_TLV_MAC_IP    0x02
#define UBNT_TLV_MAC_IP_2  0x04
#define UBNT_TLV_MAC_V2    0x13
#define UBNT_MAC_IP_LENGTH 10

/* text TLVs; where two share a field the first one met wins */
static const struct {
	guint8 type;
	gsize offset;
} ubnt_text_tlvs[] = {
    {0x03, offsetof(YmUbnt, firmware)},
    {0x0b, offsetof(YmUbnt, hostname)},
    {0x0c, offsetof(YmUbnt, platform)},
    {0x0d, offsetof(YmUbnt, essid)},
    {0x14, offsetof(YmUbnt, model)},
    {0x15, offsetof(YmUbnt, model)},
    {0x16, offsetof(YmUbnt, firmware_version)},
    {0, 0},
};

static YmStr
ubnt_make_str(const guint8 *data, gsize length)
{
	YmStr str = YM_STR_EMPTY;
	/* some firmware pads with NULs */
	while (length > 0 && data[length - 1] == '\0')
		length--;
	if (length == 0)
		return str;
	str.data = (const gchar *) data;
	str.length = (guint16) MIN(length, G_MAXUINT16);
	return str;
}

static gboolean
ubnt_take_mac_ip(YmUbnt *ubnt, YmBuf *value)
{
	YmUbntAddress *address;
	guint32 ip = 0;
	guint8 mac[6];

	if (ym_buf_remaining(value) != UBNT_MAC_IP_LENGTH)
		return FALSE;
	if (!ym_buf_copy_bytes(value, sizeof(mac), mac) || !ym_buf_get_be32(value, &ip))
		return FALSE;
	if (!ubnt->has_mac) {
		memcpy(ubnt->mac, mac, sizeof(mac));
		ubnt->has_mac = TRUE;
	}
	if (ubnt->n_addresses >= YM_UBNT_MAX_ADDRESSES)
		return TRUE;
	address = &ubnt->addresses[ubnt->n_addresses++];
	memcpy(address->mac, mac, sizeof(mac));
	ym_ip_addr_set_v4(&address->ip, ip);
	return TRUE;
}

/* FALSE when a TLV of fixed size has the wrong length */
static gboolean
ubnt_take_tlv(YmUbnt *ubnt, guint8 type, YmBuf *value)
{
	switch (type) {
	case UBNT_TLV_MAC:
	case UBNT_TLV_MAC_V2:
		if (ym_buf_remaining(value) != sizeof(ubnt->mac))
			return FALSE;
		/* 0x01 is the device's own MAC; it wins over the interface list */
		if (ubnt->has_mac && type != UBNT_TLV_MAC)
			return TRUE;
		ubnt->has_mac = ym_buf_copy_bytes(value, sizeof(ubnt->mac), ubnt->mac);
		return TRUE;
	case UBNT_TLV_MAC_IP:
	case UBNT_TLV_MAC_IP_2:
		return ubnt_take_mac_ip(ubnt, value);
	default:
		break;
	}
	for (guint i = 0; ubnt_text_tlvs[i].type != 0; i++) {
		YmStr *str = &G_STRUCT_MEMBER(YmStr, ubnt, ubnt_text_tlvs[i].offset);
		const guint8 *text = NULL;
		gsize length = ym_buf_remaining(value);
		if (ubnt_text_tlvs[i].type != type)
			continue;
		if (!ym_str_is_set(*str) && ym_buf_get_bytes(value, length, &text))
			*str = ubnt_make_str(text, length);
		break;
	}
	return TRUE;
}

YmDecodeResult
ym_decode_ubnt(YmPacket *packet, const guint8 *data, gsize length)
{
	YmUbnt *ubnt = &packet->u.ubnt;
	YmBuf buf;
	YmBuf body;
	guint16 body_length = 0;
	gboolean valid = TRUE;

	memset(ubnt, 0, sizeof(*ubnt));
	ym_buf_init(&buf, data, length);
	if (!ym_buf_get_u8(&buf, &ubnt->version) || !ym_buf_get_u8(&buf, &ubnt->command) ||
	    !ym_buf_get_be16(&buf, &body_length))
		return YM_DECODE_UNSUPPORTED;
	/* port 10001 is shared with other services */
	if (ubnt->version != 1 && ubnt->version != 2)
		return YM_DECODE_UNSUPPORTED;
	packet->app = YM_APP_UBNT;

	/* TLVs; bytes after them are ignored */
	if (body_length > ym_buf_remaining(&buf)) {
		valid = FALSE;
		body_length = (guint16) ym_buf_remaining(&buf);
	}
	if (!ym_buf_get_sub(&buf, body_length, &body))
		return YM_DECODE_UNSUPPORTED;
	while (ym_buf_remaining(&body) > 0) {
		YmBuf value;
		guint8 type = 0;
		guint16 value_length = 0;
		if (!ym_buf_get_u8(&body, &type) || !ym_buf_get_be16(&body, &value_length) ||
		    !ym_buf_get_sub(&body, value_length, &value)) {
			valid = FALSE;
			break;
		}
		if (!ubnt_take_tlv(ubnt, type, &value))
			valid = FALSE;
	}
	if (!valid)
		goto invalid;
	return YM_DECODE_OK;

invalid:
	ym_packet_add_event(packet, YM_EVENT_UBNT_INVALID);
	return YM_DECODE_INVALID;
}
