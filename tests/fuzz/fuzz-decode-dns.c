/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * DNS, mDNS and LLMNR decoder: the first byte picks the flavour (0 DNS,
 * 1 mDNS, 2 LLMNR, modulo 3), the rest is the UDP payload
 */

#include "config.h"

#include "ym-decode.h"

#include <stdint.h>

int
LLVMFuzzerInitialize(int *argc, char ***argv);
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* a YmPacket is too big for the stack of every caller; one is reused, as in the daemon */
static YmPacket packet;

/* reads every byte a consumer could reach through the decoded views */
static void
walk_dns(const YmDns *dns)
{
	volatile guint8 sink = 0;

	for (guint i = 0; i < dns->n_questions; i++) {
		for (guint j = 0; j < dns->questions[i].name.length; j++)
			sink ^= (guint8) dns->questions[i].name.data[j];
	}
	for (guint i = 0; i < dns->n_records; i++) {
		const YmDnsRecord *record = &dns->records[i];
		YmStr text = YM_STR_EMPTY;
		gsize offset = 0;

		for (guint j = 0; j < record->name.length; j++)
			sink ^= (guint8) record->name.data[j];
		for (guint j = 0; j < record->target.length; j++)
			sink ^= (guint8) record->target.data[j];
		for (guint j = 0; j < record->rdata_length; j++)
			sink ^= record->rdata[j];
		while (ym_dns_record_next_txt(record, &offset, &text)) {
			for (guint j = 0; j < text.length; j++)
				sink ^= (guint8) text.data[j];
		}
	}
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
	if (size < 1)
		return 0;
	ym_packet_reset(&packet);
	ym_decode_dns(&packet, data + 1, size - 1, (YmDnsFlavour) (data[0] % 3));
	walk_dns(&packet.u.dns);
	g_assert(packet.u.dns.n_questions <= YM_DNS_MAX_QUESTIONS);
	g_assert(packet.u.dns.n_records <= YM_DNS_MAX_RECORDS);
	g_assert(packet.scratch_used <= YM_PACKET_SCRATCH);
	return 0;
}
