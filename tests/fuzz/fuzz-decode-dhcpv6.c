/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DHCPv6 decoder: the input is a UDP payload on port 546/547 */

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
	YmDhcpv6 *dhcpv6 = &packet.u.dhcpv6;
	volatile guint8 sink = 0;

	ym_packet_reset(&packet);
	ym_decode_dhcpv6(&packet, data, size);
	walk_str(dhcpv6->fqdn);
	walk_str(dhcpv6->vendor_class);
	walk_str(dhcpv6->user_class);
	walk_str(dhcpv6->mud_url);
	for (guint i = 0; i < dhcpv6->client_duid_length; i++)
		sink ^= dhcpv6->client_duid[i];
	(void) sink;
	g_assert(dhcpv6->n_relays <= 8);
	g_assert(packet.scratch_used <= YM_PACKET_SCRATCH);
	return 0;
}
