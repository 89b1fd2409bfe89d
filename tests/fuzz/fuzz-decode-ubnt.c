/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* the UBNT decoder on arbitrary payload bytes */

#include "config.h"

#include "fuzz-decode-common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	YmPacket *packet = fuzz_decode_packet_reset();
	YmUbnt *ubnt = &packet->u.ubnt;

	(void) ym_decode_ubnt(packet, data, size);
	if (packet->app == YM_APP_UBNT) {
		fuzz_decode_touch(ubnt->hostname);
		fuzz_decode_touch(ubnt->platform);
		fuzz_decode_touch(ubnt->firmware);
		fuzz_decode_touch(ubnt->firmware_version);
		fuzz_decode_touch(ubnt->essid);
		fuzz_decode_touch(ubnt->model);
		g_assert(ubnt->n_addresses <= YM_UBNT_MAX_ADDRESSES);
	}
	fuzz_decode_check_packet(packet);
	return 0;
}
