/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * DNS, mDNS and LLMNR decoder: the first byte picks the flavour (0 DNS,
 * 1 mDNS, 2 LLMNR, modulo 3), the rest is the UDP payload
 */

#include "config.h"

#include "fuzz-decode-common.h"

/* every name, target, rdata and TXT string of the decoded message */
static void
walk_dns(const YmDns *dns)
{
	for (guint i = 0; i < dns->n_questions; i++)
		fuzz_decode_touch(dns->questions[i].name);
	for (guint i = 0; i < dns->n_records; i++) {
		const YmDnsRecord *record = &dns->records[i];
		YmStr text = YM_STR_EMPTY;
		gsize offset = 0;

		fuzz_decode_touch(record->name);
		fuzz_decode_touch(record->target);
		fuzz_decode_touch_bytes(record->rdata, record->rdata_length);
		while (ym_dns_record_next_txt(record, &offset, &text))
			fuzz_decode_touch(text);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	YmPacket *packet;

	if (size < 1)
		return 0;
	packet = fuzz_decode_packet_reset();
	ym_decode_dns(packet, data + 1, size - 1, (YmDnsFlavour) (data[0] % 3));
	walk_dns(&packet->u.dns);
	g_assert(packet->u.dns.n_questions <= YM_DNS_MAX_QUESTIONS);
	g_assert(packet->u.dns.n_records <= YM_DNS_MAX_RECORDS);
	fuzz_decode_check_packet(packet);
	return 0;
}
