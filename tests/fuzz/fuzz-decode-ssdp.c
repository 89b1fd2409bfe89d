/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* the SSDP decoder on arbitrary payload bytes */

#include "config.h"

#include "fuzz-decode-common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	YmPacket *packet = fuzz_decode_packet_reset();
	YmSsdp *ssdp = &packet->u.ssdp;

	(void) ym_decode_ssdp(packet, data, size);
	if (packet->app == YM_APP_SSDP) {
		fuzz_decode_touch(ssdp->location);
		fuzz_decode_touch(ssdp->server);
		fuzz_decode_touch(ssdp->usn);
		fuzz_decode_touch(ssdp->nt);
		fuzz_decode_touch(ssdp->nts);
		fuzz_decode_touch(ssdp->st);
		fuzz_decode_touch(ssdp->user_agent);
		fuzz_decode_touch(ssdp->host);
	}
	fuzz_decode_check_packet(packet);
	return 0;
}
