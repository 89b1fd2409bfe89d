/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define YM_DNS_MAX_QUESTIONS 8
#define YM_DNS_MAX_RECORDS   32

typedef enum {
	YM_DNS_FLAVOUR_DNS = 0,
	YM_DNS_FLAVOUR_MDNS,
	YM_DNS_FLAVOUR_LLMNR,
} YmDnsFlavour;

typedef enum {
	YM_DNS_SECTION_ANSWER = 1,
	YM_DNS_SECTION_AUTHORITY,
	YM_DNS_SECTION_ADDITIONAL,
} YmDnsSection;

typedef struct {
	YmStr name; /* dotted, without the trailing dot */
	guint16 type;
	guint16 klass;             /* mDNS unicast-response bit removed */
	gboolean unicast_response; /* mDNS QU bit */
} YmDnsQuestion;

typedef struct {
	YmStr name;
	guint16 type;
	guint16 klass; /* mDNS cache-flush bit removed */
	guint32 ttl;
	guint8 section;
	guint8 address[16]; /* A (4 bytes) or AAAA */
	YmStr target;       /* PTR, CNAME, SRV target */
	guint16 srv_port;
	gboolean cache_flush; /* mDNS */
	const guint8 *rdata;  /* raw rdata, e.g. TXT character-strings */
	guint16 rdata_length;
} YmDnsRecord;

/* DNS (RFC 1035) and its multicast cousins mDNS (RFC 6762) and LLMNR (RFC 4795) */
typedef struct {
	YmDnsFlavour flavour;
	guint16 id;
	guint16 flags; /* the header flags word as sent, e.g. AA, TC, LLMNR C and T */
	gboolean is_response;
	guint8 opcode;
	guint8 rcode;
	guint16 n_questions_total; /* as in the header */
	guint16 n_records_total;
	guint8 n_questions; /* as decoded, at most YM_DNS_MAX_QUESTIONS */
	YmDnsQuestion questions[YM_DNS_MAX_QUESTIONS];
	guint8 n_records;
	YmDnsRecord records[YM_DNS_MAX_RECORDS];
} YmDns;

G_END_DECLS
