/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DHCPv4 decoder: the input is a UDP payload on port 67/68 */

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
	YmDhcp *dhcp = &packet.u.dhcp;
	volatile guint8 sink = 0;

	ym_packet_reset(&packet);
	ym_decode_dhcp(&packet, data, size);
	walk_str(dhcp->hostname);
	walk_str(dhcp->vendor_class);
	walk_str(dhcp->fqdn);
	walk_str(dhcp->domain_name);
	walk_str(dhcp->mud_url);
	for (guint i = 0; i < dhcp->client_id_length; i++)
		sink ^= dhcp->client_id[i];
	(void) sink;
	g_assert(packet.scratch_used <= YM_PACKET_SCRATCH);
	return 0;
}
