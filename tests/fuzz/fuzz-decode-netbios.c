/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* NetBIOS name service decoder: the input is a UDP payload on port 137 */

#include "config.h"

#include "fuzz-decode-common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	YmPacket *packet = fuzz_decode_packet_reset();

	ym_decode_netbios_ns(packet, data, size);
	fuzz_decode_touch(packet->u.netbios.name);
	g_assert(packet->u.netbios.name.length <= 15);
	fuzz_decode_check_packet(packet);
	return 0;
}
