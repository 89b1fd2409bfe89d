/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * NetBIOS name service, RFC 1002 section 4.2; name encoding RFC 1001
 * section 14.1
 *
 *                      1 1 1 1 1 1 1 1 1 1 2 2 2 2 2 2 2 2 2 2 3 3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         NAME_TRN_ID           |R| OPCODE|   NM_FLAGS  | RCODE |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          QDCOUNT              |           ANCOUNT             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          NSCOUNT              |           ARCOUNT             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * question: QUESTION_NAME, QUESTION_TYPE (16), QUESTION_CLASS (16)
 * record:   RR_NAME, RR_TYPE (16), RR_CLASS (16), TTL (32), RDLENGTH (16),
 *           RDATA; the rdata of an NB record is one or more of
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |G| ONT |        reserved         |     NB_ADDRESS (32) ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * a name is the 16-byte NetBIOS name (15 bytes padded with spaces, then a
 * suffix byte) split into nibbles, each added to 'A': a 32-byte label,
 * then the scope labels and a zero octet; a record may instead point
 * (0xC00C) to the question's name. A registration request carries the
 * binding in an additional record; a positive query response in an answer.
 */

#define G_LOG_DOMAIN "YmDecode"

#include "config.h"

#include "ym-decode.h"

#define NB_FLAG_RESPONSE      0x8000
#define NB_FLAG_GROUP         0x8000
#define NB_ENCODED_LENGTH     32
#define NB_NAME_WIRE_MAX      255
#define NB_LABEL_MAX          63
#define NB_TYPE_NB            0x0020
#define NB_RDATA_ENTRY_LENGTH 6

/* the messages whose NB rdata binds the name to an address */
static const struct {
	guint8 opcode;
	gboolean in_request;
	gboolean in_positive_response;
} nb_binding_opcodes[] = {
    {0, FALSE, TRUE}, /* query */
    {5, TRUE, TRUE},  /* registration */
    {8, TRUE, TRUE},  /* refresh */
    {9, TRUE, TRUE},  /* refresh, as sent by Windows */
    {15, TRUE, TRUE}, /* multi-homed registration, Windows */
};

static void
nb_add_event(YmPacket *packet)
{
	if (!ym_packet_has_event(packet, YM_EVENT_NETBIOS_INVALID))
		ym_packet_add_event(packet, YM_EVENT_NETBIOS_INVALID);
}

static YmDecodeResult
nb_truncated(YmPacket *packet)
{
	/* a message cut by the snap length is not the sender's fault */
	if (!ym_packet_has_event(packet, YM_EVENT_FRAME_TRUNCATED))
		nb_add_event(packet);
	return YM_DECODE_TRUNCATED;
}

static gboolean
nb_message_binds_address(const YmNetbios *netbios)
{
	for (guint i = 0; i < G_N_ELEMENTS(nb_binding_opcodes); i++) {
		if (nb_binding_opcodes[i].opcode != netbios->opcode)
			continue;
		if (netbios->is_response)
			return nb_binding_opcodes[i].in_positive_response && netbios->rcode == 0;
		return nb_binding_opcodes[i].in_request;
	}
	return FALSE;
}

/*
 * reads the name at the read position and moves past it; *encoded points
 * at its 32 encoded bytes, possibly earlier in the message when the name
 * is a pointer (one hop only: NetBIOS does not chain them)
 */
static YmDecodeResult
nb_read_name(YmBuf *buf, gboolean follow_pointer, const guint8 **encoded)
{
	gsize here = buf->offset;
	gsize wire_length = 1 + NB_ENCODED_LENGTH + 1;
	guint8 length = 0;

	if (!ym_buf_get_u8(buf, &length))
		return YM_DECODE_TRUNCATED;
	if ((length & 0xc0) == 0xc0 && follow_pointer) {
		YmBuf target = *buf;
		guint8 low = 0;
		gsize offset;
		if (!ym_buf_get_u8(buf, &low))
			return YM_DECODE_TRUNCATED;
		offset = ((gsize) (length & 0x3f) << 8) | low;
		if (offset >= here || !ym_buf_seek(&target, offset))
			return YM_DECODE_INVALID;
		return nb_read_name(&target, FALSE, encoded);
	}
	if (length != NB_ENCODED_LENGTH)
		return YM_DECODE_INVALID;
	if (!ym_buf_get_bytes(buf, NB_ENCODED_LENGTH, encoded))
		return YM_DECODE_TRUNCATED;

	/* the scope labels are skipped */
	for (;;) {
		if (!ym_buf_get_u8(buf, &length))
			return YM_DECODE_TRUNCATED;
		if (length == 0)
			return YM_DECODE_OK;
		if (length > NB_LABEL_MAX)
			return YM_DECODE_INVALID;
		wire_length += 1 + length;
		if (wire_length > NB_NAME_WIRE_MAX)
			return YM_DECODE_INVALID;
		if (!ym_buf_skip(buf, length))
			return YM_DECODE_TRUNCATED;
	}
}

/* first-level decoding: two letters 'A'..'P' per byte, each one nibble */
static gboolean
nb_decode_name(YmPacket *packet, const guint8 *encoded)
{
	YmNetbios *netbios = &packet->u.netbios;
	guint8 name[NB_ENCODED_LENGTH / 2];
	gsize length = sizeof(name) - 1;

	for (guint i = 0; i < sizeof(name); i++) {
		guint8 high = (guint8) (encoded[2 * i] - 'A');
		guint8 low = (guint8) (encoded[2 * i + 1] - 'A');
		if (high > 0x0f || low > 0x0f)
			return FALSE;
		name[i] = (guint8) ((high << 4) | low);
	}
	netbios->suffix = name[sizeof(name) - 1];
	/* padded with spaces; the "*" of a node status query with NULs */
	while (length > 0 && (name[length - 1] == ' ' || name[length - 1] == '\0'))
		length--;
	netbios->name = ym_packet_scratch_copy(packet, name, length);
	return TRUE;
}

/* the fixed part and rdata of a record whose name was just read */
static YmDecodeResult
nb_read_record(YmPacket *packet, YmBuf *buf)
{
	YmNetbios *netbios = &packet->u.netbios;
	guint16 rdata_length = 0;
	guint16 nb_flags = 0;
	guint16 type = 0;
	YmBuf rdata;

	/* type, class, ttl, rdlength */
	if (!ym_buf_get_be16(buf, &type) || !ym_buf_skip(buf, 2 + 4) ||
	    !ym_buf_get_be16(buf, &rdata_length) || !ym_buf_get_sub(buf, rdata_length, &rdata))
		return nb_truncated(packet);
	if (netbios->record_type == 0)
		netbios->record_type = type;
	if (type != NB_TYPE_NB || !nb_message_binds_address(netbios))
		return YM_DECODE_OK;
	/* a group name lists several entries: the first is enough */
	if (rdata_length % NB_RDATA_ENTRY_LENGTH != 0 || !ym_buf_get_be16(&rdata, &nb_flags) ||
	    !ym_buf_get_be32(&rdata, &netbios->address)) {
		nb_add_event(packet);
		return YM_DECODE_INVALID;
	}
	netbios->has_address = TRUE;
	netbios->is_group = (nb_flags & NB_FLAG_GROUP) != 0;
	return YM_DECODE_OK;
}

/* reads a name and moves past it; the first one is also decoded into the packet */
static YmDecodeResult
nb_take_name(YmPacket *packet, YmBuf *buf, gboolean decode)
{
	const guint8 *encoded = NULL;
	YmDecodeResult result = nb_read_name(buf, TRUE, &encoded);

	if (result == YM_DECODE_TRUNCATED)
		return nb_truncated(packet);
	if (result != YM_DECODE_OK || (decode && !nb_decode_name(packet, encoded))) {
		nb_add_event(packet);
		return YM_DECODE_INVALID;
	}
	return YM_DECODE_OK;
}

YmDecodeResult
ym_decode_netbios_ns(YmPacket *packet, const guint8 *data, gsize length)
{
	YmNetbios *netbios = &packet->u.netbios;
	guint16 n_questions = 0;
	guint16 counts[3] = {0};
	guint16 flags = 0;
	YmDecodeResult result;
	guint n_records;
	YmBuf buf;

	memset(netbios, 0, sizeof(*netbios));
	packet->app = YM_APP_NETBIOS_NS;

	ym_buf_init(&buf, data, length);
	if (!ym_buf_get_be16(&buf, &netbios->transaction_id) || !ym_buf_get_be16(&buf, &flags) ||
	    !ym_buf_get_be16(&buf, &n_questions) || !ym_buf_get_be16(&buf, &counts[0]) ||
	    !ym_buf_get_be16(&buf, &counts[1]) || !ym_buf_get_be16(&buf, &counts[2]))
		return nb_truncated(packet);
	netbios->is_response = (flags & NB_FLAG_RESPONSE) != 0;
	netbios->opcode = (flags >> 11) & 0x0f;
	netbios->rcode = flags & 0x0f;
	n_records = (guint) counts[0] + counts[1] + counts[2];
	if (n_questions == 0 && n_records == 0)
		goto invalid;

	/* the question's name, or else the first record's */
	result = nb_take_name(packet, &buf, TRUE);
	if (result != YM_DECODE_OK)
		return result;
	if (n_questions == 0)
		return nb_read_record(packet, &buf);
	if (!ym_buf_get_be16(&buf, &netbios->record_type) || !ym_buf_skip(&buf, 2))
		return nb_truncated(packet);

	/* a registration or refresh request names itself again in an additional record */
	if (n_records == 0 || !nb_message_binds_address(netbios))
		return YM_DECODE_OK;
	result = nb_take_name(packet, &buf, FALSE);
	if (result != YM_DECODE_OK)
		return result;
	return nb_read_record(packet, &buf);

invalid:
	nb_add_event(packet);
	return YM_DECODE_INVALID;
}
