/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * raw link-layer bytes into ym_decode_frame(): the first input byte picks
 * the link type (low bits) and whether the frame claims to be longer on the
 * wire than captured (top bit); the rest is the frame
 */

#include "config.h"

#include <glib.h>
#include <stdint.h>

#include "ym-decode.h"

#define FUZZ_WIRE_LONGER 0x80

static const guint32 linktypes[] = {
    YM_LINKTYPE_ETHERNET, YM_LINKTYPE_RAW,  YM_LINKTYPE_LINUX_SLL, YM_LINKTYPE_LINUX_SLL2,
    YM_LINKTYPE_NULL,     YM_LINKTYPE_IPV4, YM_LINKTYPE_IPV6,      YM_LINKTYPE_LOOP,
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static YmPacket packet;
	const guint8 *frame;
	guint32 caplen;
	guint32 wirelen;

	if (size < 1 || size - 1 > G_MAXUINT16)
		return 0;
	frame = data + 1;
	caplen = (guint32) (size - 1);
	wirelen = caplen + ((data[0] & FUZZ_WIRE_LONGER) ? 100 : 0);
	ym_decode_frame(&packet, linktypes[(data[0] & ~FUZZ_WIRE_LONGER) % G_N_ELEMENTS(linktypes)],
	                frame, caplen, wirelen);

	/* whatever the input, views stay inside it and counters inside their arrays */
	g_assert_cmpuint(packet.n_vlans, <=, G_N_ELEMENTS(packet.vlan_ids));
	g_assert_cmpuint(packet.n_events, <=, YM_PACKET_MAX_EVENTS);
	if (packet.payload != NULL) {
		g_assert_true(packet.payload >= frame);
		g_assert_cmpuint(packet.payload_length, <=, caplen);
		g_assert_true(packet.payload + packet.payload_length <= frame + caplen);
	}
	return 0;
}
