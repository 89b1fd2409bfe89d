/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DHCPv6 decoder: the input is a UDP payload on port 546/547 */

#include "config.h"

#include "fuzz-decode-common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	YmPacket *packet = fuzz_decode_packet_reset();
	YmDhcpv6 *dhcpv6 = &packet->u.dhcpv6;

	ym_decode_dhcpv6(packet, data, size);
	fuzz_decode_touch(dhcpv6->fqdn);
	fuzz_decode_touch(dhcpv6->vendor_class);
	fuzz_decode_touch(dhcpv6->user_class);
	fuzz_decode_touch(dhcpv6->mud_url);
	fuzz_decode_touch_bytes(dhcpv6->client_duid, dhcpv6->client_duid_length);
	g_assert(dhcpv6->n_relays <= 8);
	fuzz_decode_check_packet(packet);
	return 0;
}
