/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* the TLS decoder on arbitrary payload bytes */

#include "config.h"

#include "fuzz-decode-common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	YmPacket *packet = fuzz_decode_packet_reset();
	YmTls *tls = &packet->u.tls;

	(void) ym_decode_tls_sniff(data, size);
	(void) ym_decode_tls(packet, data, size);
	if (packet->app == YM_APP_TLS) {
		fuzz_decode_touch(tls->sni);
		fuzz_decode_touch(tls->alpn_first);
		g_assert(strlen(tls->ja3) == 0 || strlen(tls->ja3) == 32);
		g_assert(strlen(tls->ja4) == 0 || strlen(tls->ja4) == 36);
	}
	fuzz_decode_check_packet(packet);
	return 0;
}
