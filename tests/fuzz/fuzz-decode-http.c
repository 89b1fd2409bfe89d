/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* the HTTP decoder on arbitrary payload bytes */

#include "config.h"

#include "fuzz-decode-common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	YmPacket *packet = fuzz_decode_packet_reset();
	YmHttp *http = &packet->u.http;

	(void) ym_decode_http_sniff(data, size);
	(void) ym_decode_http(packet, data, size);
	if (packet->app == YM_APP_HTTP) {
		fuzz_decode_touch(http->method);
		fuzz_decode_touch(http->target);
		fuzz_decode_touch(http->host);
		fuzz_decode_touch(http->user_agent);
		fuzz_decode_touch(http->server);
		fuzz_decode_touch(http->content_type);
		fuzz_decode_touch(http->authorization_scheme);
		fuzz_decode_touch(http->authorization_param);
		fuzz_decode_touch(http->www_authenticate_scheme);
	}
	fuzz_decode_check_packet(packet);
	return 0;
}
