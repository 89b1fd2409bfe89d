/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DHCPv4 decoder: the input is a UDP payload on port 67/68 */

#include "config.h"

#include "fuzz-decode-common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	YmPacket *packet = fuzz_decode_packet_reset();
	YmDhcp *dhcp = &packet->u.dhcp;

	ym_decode_dhcp(packet, data, size);
	fuzz_decode_touch(dhcp->hostname);
	fuzz_decode_touch(dhcp->vendor_class);
	fuzz_decode_touch(dhcp->fqdn);
	fuzz_decode_touch(dhcp->domain_name);
	fuzz_decode_touch(dhcp->mud_url);
	fuzz_decode_touch_bytes(dhcp->client_id, dhcp->client_id_length);
	fuzz_decode_check_packet(packet);
	return 0;
}
