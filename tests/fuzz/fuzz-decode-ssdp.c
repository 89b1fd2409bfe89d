/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* the SSDP decoder on arbitrary payload bytes */

#include "config.h"

#include <stdint.h>

#include "ym-decode.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv);
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* read every byte of a view so the sanitizers see any that lies outside */
static guint
touch(YmStr str)
{
	guint sum = 0;
	for (guint i = 0; i < str.length; i++)
		sum += (guint8) str.data[i];
	return sum;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	g_log_set_always_fatal(G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static YmPacket packet;
	volatile guint sum = 0;

	ym_packet_reset(&packet);
	(void) ym_decode_ssdp(&packet, data, size);
	if (packet.app == YM_APP_SSDP) {
		sum += touch(packet.u.ssdp.location);
		sum += touch(packet.u.ssdp.server);
		sum += touch(packet.u.ssdp.usn);
		sum += touch(packet.u.ssdp.nt);
		sum += touch(packet.u.ssdp.nts);
		sum += touch(packet.u.ssdp.st);
		sum += touch(packet.u.ssdp.user_agent);
		sum += touch(packet.u.ssdp.host);
	}
	(void) sum;
	return 0;
}
