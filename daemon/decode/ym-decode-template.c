/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * TEMPLATE: copy this file to ym-decode-<proto>.c to start a new decoder.
 * It is documentation and is not built; "template" stands for your protocol.
 *
 * Checklist:
 *  1. this comment: the normative reference (RFC, standard, or the vendor
 *     document you followed) and the header as an ASCII diagram
 *  2. the prototype in ym-decode.h, the result type in ym-packet.h (or its
 *     own ym-decode-<proto>.h included from there), a YM_EVENT_ for anomalies
 *     with its name in ym-packet.c
 *  3. the source in daemon/decode/meson.build, the dispatch in the layer
 *     below (ym_decode_ethertype(), the IP protocol switch, ym_decode_app())
 *  4. tests/daemon/ym-decode-<proto>-test.c with hand-made and real frames,
 *     every prefix of a frame, and a fuzz target with a seed corpus
 *
 * Rules (STYLE.md section 6):
 *  - read bytes only through the ym_buf_* accessors, never by casting to a
 *    struct; each accessor checks the length, so chain them in one condition
 *  - never allocate: strings are YmStr views into the frame or into the
 *    packet scratch area (ym_packet_scratch_copy())
 *  - cap every loop by the bytes it consumes or by a depth constant
 *  - record anomalies with ym_packet_add_event() and return TRUNCATED,
 *    INVALID or UNSUPPORTED; never log packet contents
 *  - at most one `goto invalid` per function
 *
 * Reference: RFC 0000, "The Template Protocol", section 3
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |    Version    |     Type      |            Length             |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                          Identifier                           |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                     Body (Length - 8 bytes)                   |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Say here what you deliberately do not decode, and why.
 */

#define G_LOG_DOMAIN "YmDecode"

#include "config.h"

#include "ym-decode.h"

#define YM_TEMPLATE_VERSION       1
#define YM_TEMPLATE_HEADER_LENGTH 8

/* name values through a table ending {0, NULL}; keep data next to the name */
static const struct {
	guint8 type;
	const gchar *name;
} template_types[] = {
    {1, "hello"},
    {2, "goodbye"},
    {0, NULL},
};

static gboolean
template_type_is_known(guint8 type)
{
	for (guint i = 0; template_types[i].name != NULL; i++) {
		if (template_types[i].type == type)
			return TRUE;
	}
	return FALSE;
}

/*
 * application decoders take (data, length); layer decoders take the YmBuf of
 * the layer below instead and hand the rest on
 */
YmDecodeResult
ym_decode_template(YmPacket *packet, const guint8 *data, gsize length);

YmDecodeResult
ym_decode_template(YmPacket *packet, const guint8 *data, gsize length)
{
	YmBuf buf;
	YmBuf body;
	guint8 version;
	guint8 type;
	guint16 message_length;
	guint32 identifier;

	ym_buf_init(&buf, data, length);

	/* fixed header: one chained condition, each accessor checks its own length */
	if (!ym_buf_get_u8(&buf, &version) || !ym_buf_get_u8(&buf, &type) ||
	    !ym_buf_get_be16(&buf, &message_length) || !ym_buf_get_be32(&buf, &identifier)) {
		/* use the protocol's _TRUNCATED event where it has one */
		ym_packet_add_event(packet, YM_EVENT_UDP_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}

	/* not our protocol after all: say so without an event */
	if (version != YM_TEMPLATE_VERSION)
		return YM_DECODE_UNSUPPORTED;

	/* from here on it is ours: an application decoder sets packet->app here */
	if (message_length < YM_TEMPLATE_HEADER_LENGTH || !template_type_is_known(type))
		goto invalid;

	/* a sub-buffer keeps the body's reads inside Length */
	if (!ym_buf_get_sub(&buf, message_length - YM_TEMPLATE_HEADER_LENGTH, &body)) {
		ym_packet_add_event(packet, YM_EVENT_UDP_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}

	/* loops over elements end because each turn consumes at least one byte */
	while (ym_buf_remaining(&body) > 0) {
		guint8 element_length;
		if (!ym_buf_get_u8(&body, &element_length) || element_length == 0 ||
		    !ym_buf_skip(&body, element_length))
			goto invalid;
	}

	/* success: fill packet->u (identifier, type, ...) here */
	return YM_DECODE_OK;

invalid:
	/* use the protocol's _INVALID event */
	ym_packet_add_event(packet, YM_EVENT_UDP_INVALID);
	return YM_DECODE_INVALID;
}
