/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * the shared body of the decoder fuzz targets: include it once, in the one
 * file of a target; it defines LLVMFuzzerInitialize() for that target
 */

#pragma once

#include <glib.h>
#include <stdint.h>

#include "ym-decode.h"

G_BEGIN_DECLS

int
LLVMFuzzerInitialize(int *argc, char ***argv);
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* what G_DEBUG=fatal-criticals does, also under libFuzzer; decoders never warn */
	g_log_set_always_fatal(G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
	return 0;
}

/* a YmPacket is too big for the stack of every caller; one is reused, as in the daemon */
static inline YmPacket *
fuzz_decode_packet_reset(void)
{
	static YmPacket packet;
	ym_packet_reset(&packet);
	return &packet;
}

/* read every byte a consumer could reach, so the sanitizers see any that lies outside */
static inline void
fuzz_decode_touch_bytes(const guint8 *data, gsize length)
{
	volatile guint8 sink = 0;
	for (gsize i = 0; i < length; i++)
		sink ^= data[i];
	(void) sink;
}

static inline void
fuzz_decode_touch(YmStr str)
{
	fuzz_decode_touch_bytes((const guint8 *) str.data, str.length);
}

/* whatever the input, the decoder stayed inside the packet's fixed areas */
static inline void
fuzz_decode_check_packet(const YmPacket *packet)
{
	g_assert(packet->n_events <= YM_PACKET_MAX_EVENTS);
	g_assert(packet->scratch_used <= YM_PACKET_SCRATCH);
}

G_END_DECLS
