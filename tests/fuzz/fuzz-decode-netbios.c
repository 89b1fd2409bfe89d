/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* NetBIOS name service decoder: the input is a UDP payload on port 137 */

#include "config.h"

#include "ym-decode.h"

#include <stdint.h>

int
LLVMFuzzerInitialize(int *argc, char ***argv);
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* a YmPacket is too big for the stack of every caller; one is reused, as in the daemon */
static YmPacket packet;

/* reads every byte a consumer could reach through a decoded view */
static void
walk_str(YmStr str)
{
	volatile guint8 sink = 0;
	for (guint i = 0; i < str.length; i++)
		sink ^= (guint8) str.data[i];
	(void) sink;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* what G_DEBUG=fatal-criticals does, also under libFuzzer */
	g_log_set_always_fatal(G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ym_packet_reset(&packet);
	ym_decode_netbios_ns(&packet, data, size);
	walk_str(packet.u.netbios.name);
	g_assert(packet.u.netbios.name.length <= 15);
	g_assert(packet.scratch_used <= YM_PACKET_SCRATCH);
	return 0;
}
