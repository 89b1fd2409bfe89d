/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * DNS messages, RFC 1035 section 4.1 (compression 4.1.4, zone file escapes
 * 5.1), also used unchanged by multicast DNS (RFC 6762 section 18) and
 * LLMNR (RFC 4795 section 2.1)
 *
 *                                 1  1  1  1  1  1
 *   0  1  2  3  4  5  6  7  8  9  0  1  2  3  4  5
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * |                      ID                       |
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * |QR|   Opcode  |AA|TC|RD|RA|   Z    |   RCODE   |
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * |                    QDCOUNT                    |
 * |                    ANCOUNT                    |
 * |                    NSCOUNT                    |
 * |                    ARCOUNT                    |
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * question: QNAME, QTYPE (16), QCLASS (16)
 * record:   NAME, TYPE (16), CLASS (16), TTL (32), RDLENGTH (16), RDATA
 *
 * a name is a run of labels (length octet 1-63, then the bytes) ending in a
 * zero octet or in a pointer: two octets 11pppppp pppppppp, an offset from
 * the start of the message. In mDNS the top bit of QCLASS asks for a
 * unicast response and the top bit of CLASS is the cache-flush bit.
 */

#define G_LOG_DOMAIN "YmDecode"

#include "config.h"

#include "ym-decode.h"

#define DNS_HEADER_LENGTH 12
#define DNS_LABEL_MAX     63
#define DNS_NAME_WIRE_MAX 255 /* RFC 1035 section 2.3.4, length octets included */
#define DNS_POINTER_HOPS  64
/* a wire name of 255 octets escapes to at most about 1016 characters */
#define DNS_NAME_TEXT_MAX 1024

#define DNS_FLAG_RESPONSE      0x8000
#define DNS_CLASS_MDNS_TOP_BIT 0x8000

enum {
	DNS_TYPE_A = 1,
	DNS_TYPE_CNAME = 5,
	DNS_TYPE_PTR = 12,
	DNS_TYPE_TXT = 16,
	DNS_TYPE_AAAA = 28,
	DNS_TYPE_SRV = 33,
	DNS_TYPE_OPT = 41,
};

typedef enum {
	DNS_NAME_OK = 0,
	DNS_NAME_TRUNCATED,
	DNS_NAME_INVALID,
	DNS_NAME_LOOP,
} DnsNameResult;

/* why the walk over a message stopped */
typedef enum {
	DNS_STEP_OK = 0,
	DNS_STEP_FULL, /* scratch or record slots used up: stop quietly */
	DNS_STEP_TRUNCATED,
	DNS_STEP_INVALID, /* the event is already recorded */
} DnsStep;

typedef struct {
	gchar data[DNS_NAME_TEXT_MAX];
	gsize length;
} DnsNameText;

typedef struct {
	YmPacket *packet;
	YmDns *dns;
	YmBuf buf;        /* the whole message; offset is the read position */
	gboolean invalid; /* an event was recorded but decoding went on */
} DnsContext;

static void
dns_add_event(YmPacket *packet, YmDecodeEvent event)
{
	if (!ym_packet_has_event(packet, event))
		ym_packet_add_event(packet, event);
}

static void
dns_text_append_escape(DnsNameText *text, guint8 value)
{
	text->data[text->length++] = '\\';
	text->data[text->length++] = (gchar) ('0' + value / 100);
	text->data[text->length++] = (gchar) ('0' + (value / 10) % 10);
	text->data[text->length++] = (gchar) ('0' + value % 10);
}

/*
 * printable ASCII is kept, '.' and '\' inside a label are escaped with a
 * backslash and other bytes as \DDD, like zone files; whole printable UTF-8
 * characters are kept so that names like "リビングのテレビ" stay readable
 */
static gboolean
dns_text_append_label(DnsNameText *text, const guint8 *label, gsize length)
{
	/* worst case: a separator and four characters per byte */
	if (text->length + 1 + 4 * length > sizeof(text->data))
		return FALSE;
	if (text->length > 0)
		text->data[text->length++] = '.';
	for (gsize i = 0; i < length; i++) {
		guint8 value = label[i];
		if (value >= 0x20 && value < 0x7f) {
			if (value == '.' || value == '\\')
				text->data[text->length++] = '\\';
			text->data[text->length++] = (gchar) value;
			continue;
		}
		if (value >= 0x80) {
			const gchar *start = (const gchar *) label + i;
			gunichar ch = g_utf8_get_char_validated(start, (gssize) (length - i));
			if (ch != (gunichar) -1 && ch != (gunichar) -2 && g_unichar_isprint(ch)) {
				gint n = g_unichar_to_utf8(ch, NULL);
				memcpy(text->data + text->length, start, n);
				text->length += n;
				i += n - 1;
				continue;
			}
		}
		dns_text_append_escape(text, value);
	}
	return TRUE;
}

/*
 * reads the name at @offset of @message into @text; *end is where the name
 * ends in place (after its zero octet or its first pointer). Without
 * @compressed, pointers are refused and the end of the data may end the
 * name, as DHCP FQDN options send partial names without the root label.
 */
static DnsNameResult
dns_read_name(const guint8 *message,
              gsize message_length,
              gsize offset,
              gboolean compressed,
              gsize *end,
              DnsNameText *text)
{
	YmBuf buf;
	gsize limit = offset;  /* a pointer must land strictly before this */
	gsize wire_length = 1; /* the root label */
	guint hops = 0;
	gboolean jumped = FALSE;

	text->length = 0;
	ym_buf_init(&buf, message, message_length);
	if (!ym_buf_seek(&buf, offset))
		return DNS_NAME_TRUNCATED;
	for (;;) {
		gsize here = buf.offset;
		const guint8 *label;
		guint8 length;

		if (!ym_buf_get_u8(&buf, &length)) {
			if (!compressed)
				break;
			return DNS_NAME_TRUNCATED;
		}
		if (length == 0)
			break;
		if ((length & 0xc0) == 0xc0) {
			gsize target;
			guint8 low;
			if (!compressed)
				return DNS_NAME_INVALID;
			if (!ym_buf_get_u8(&buf, &low))
				return DNS_NAME_TRUNCATED;
			if (!jumped) {
				*end = buf.offset;
				jumped = TRUE;
			}
			target = ((gsize) (length & 0x3f) << 8) | low;
			if (target > here)
				return DNS_NAME_INVALID;
			/*
			 * pointing back into what this name already visited
			 * (or at itself) would never end; the hop cap bounds
			 * the work of long pointer chains
			 */
			if (target >= limit || ++hops > DNS_POINTER_HOPS)
				return DNS_NAME_LOOP;
			limit = target;
			ym_buf_seek(&buf, target);
			continue;
		}
		/* 01 and 10 label types (RFC 6891 section 5) are obsolete */
		if (length > DNS_LABEL_MAX)
			return DNS_NAME_INVALID;
		wire_length += 1 + length;
		if (wire_length > DNS_NAME_WIRE_MAX)
			return DNS_NAME_INVALID;
		if (!ym_buf_get_bytes(&buf, length, &label))
			return DNS_NAME_TRUNCATED;
		if (!dns_text_append_label(text, label, length))
			return DNS_NAME_INVALID;
	}
	if (!jumped)
		*end = buf.offset;
	return DNS_NAME_OK;
}

static DnsStep
dns_step_from_name_result(DnsContext *context, DnsNameResult result)
{
	switch (result) {
	case DNS_NAME_OK:
		return DNS_STEP_OK;
	case DNS_NAME_TRUNCATED:
		return DNS_STEP_TRUNCATED;
	case DNS_NAME_LOOP:
		dns_add_event(context->packet, YM_EVENT_DNS_COMPRESSION_LOOP);
		return DNS_STEP_INVALID;
	case DNS_NAME_INVALID:
	default:
		dns_add_event(context->packet, YM_EVENT_DNS_INVALID);
		return DNS_STEP_INVALID;
	}
}

/* reads the name at the read position and moves past it; @name may be NULL to skip */
static DnsStep
dns_step_name(DnsContext *context, YmStr *name)
{
	DnsNameText text;
	DnsNameResult result;
	gsize end = 0;

	result = dns_read_name(context->buf.data, context->buf.length, context->buf.offset, TRUE,
	                       &end, &text);
	if (result != DNS_NAME_OK)
		return dns_step_from_name_result(context, result);
	ym_buf_seek(&context->buf, end);
	if (name == NULL)
		return DNS_STEP_OK;
	*name = ym_packet_scratch_copy(context->packet, text.data, text.length);
	return name->data != NULL ? DNS_STEP_OK : DNS_STEP_FULL;
}

static DnsStep
dns_step_question(DnsContext *context)
{
	YmDns *dns = context->dns;
	YmDnsQuestion *question = NULL;
	guint16 type = 0;
	guint16 klass = 0;
	DnsStep step;

	/* questions past the cap are still read to reach the records */
	if (dns->n_questions < YM_DNS_MAX_QUESTIONS) {
		question = &dns->questions[dns->n_questions];
		memset(question, 0, sizeof(*question));
	}
	step = dns_step_name(context, question != NULL ? &question->name : NULL);
	if (step != DNS_STEP_OK)
		return step;
	if (!ym_buf_get_be16(&context->buf, &type) || !ym_buf_get_be16(&context->buf, &klass))
		return DNS_STEP_TRUNCATED;
	if (question == NULL)
		return DNS_STEP_OK;
	if (dns->flavour == YM_DNS_FLAVOUR_MDNS) {
		question->unicast_response = (klass & DNS_CLASS_MDNS_TOP_BIT) != 0;
		klass &= ~DNS_CLASS_MDNS_TOP_BIT;
	}
	question->type = type;
	question->klass = klass;
	dns->n_questions++;
	return DNS_STEP_OK;
}

/* a name inside rdata: compressed against the whole message, ending within the rdata */
static DnsStep
dns_step_rdata_name(DnsContext *context, const YmBuf *rdata, YmStr *name)
{
	DnsNameText text;
	DnsNameResult result;
	gsize start = (gsize) (ym_buf_current(rdata) - context->buf.data);
	gsize end = 0;

	result = dns_read_name(context->buf.data, start + ym_buf_remaining(rdata), start, TRUE,
	                       &end, &text);
	if (result != DNS_NAME_OK) {
		/* the record still ends where RDLENGTH says: note it and go on */
		if (result == DNS_NAME_TRUNCATED)
			dns_add_event(context->packet, YM_EVENT_DNS_INVALID);
		else
			dns_step_from_name_result(context, result);
		context->invalid = TRUE;
		return DNS_STEP_OK;
	}
	*name = ym_packet_scratch_copy(context->packet, text.data, text.length);
	return name->data != NULL ? DNS_STEP_OK : DNS_STEP_FULL;
}

static DnsStep
dns_step_rdata(DnsContext *context, YmDnsRecord *record, YmBuf *rdata)
{
	gboolean valid = TRUE;

	switch (record->type) {
	case DNS_TYPE_A:
		valid = record->rdata_length == 4 && ym_buf_copy_bytes(rdata, 4, record->address);
		break;
	case DNS_TYPE_AAAA:
		valid = record->rdata_length == 16 && ym_buf_copy_bytes(rdata, 16, record->address);
		break;
	case DNS_TYPE_PTR:
	case DNS_TYPE_CNAME:
		return dns_step_rdata_name(context, rdata, &record->target);
	case DNS_TYPE_SRV:
		/* priority, weight, port, target */
		valid = ym_buf_skip(rdata, 4) && ym_buf_get_be16(rdata, &record->srv_port);
		if (valid)
			return dns_step_rdata_name(context, rdata, &record->target);
		break;
	default:
		/* TXT and the rest: raw rdata only */
		break;
	}
	if (!valid) {
		dns_add_event(context->packet, YM_EVENT_DNS_INVALID);
		context->invalid = TRUE;
	}
	return DNS_STEP_OK;
}

static DnsStep
dns_step_record(DnsContext *context, guint8 section)
{
	YmDns *dns = context->dns;
	YmDnsRecord *record;
	guint16 klass = 0;
	guint16 rdata_length = 0;
	YmBuf rdata;
	DnsStep step;

	if (dns->n_records >= YM_DNS_MAX_RECORDS)
		return DNS_STEP_FULL;
	record = &dns->records[dns->n_records];
	memset(record, 0, sizeof(*record));
	step = dns_step_name(context, &record->name);
	if (step != DNS_STEP_OK)
		return step;
	if (!ym_buf_get_be16(&context->buf, &record->type) ||
	    !ym_buf_get_be16(&context->buf, &klass) ||
	    !ym_buf_get_be32(&context->buf, &record->ttl) ||
	    !ym_buf_get_be16(&context->buf, &rdata_length) ||
	    !ym_buf_get_sub(&context->buf, rdata_length, &rdata))
		return DNS_STEP_TRUNCATED;
	/* the OPT pseudo-record keeps the UDP payload size in CLASS */
	if (dns->flavour == YM_DNS_FLAVOUR_MDNS && record->type != DNS_TYPE_OPT) {
		record->cache_flush = (klass & DNS_CLASS_MDNS_TOP_BIT) != 0;
		klass &= ~DNS_CLASS_MDNS_TOP_BIT;
	}
	record->klass = klass;
	record->section = section;
	record->rdata = ym_buf_current(&rdata);
	record->rdata_length = rdata_length;
	step = dns_step_rdata(context, record, &rdata);
	if (step != DNS_STEP_OK)
		return step;
	dns->n_records++;
	return DNS_STEP_OK;
}

static DnsStep
dns_step_sections(DnsContext *context, const guint16 *counts)
{
	static const guint8 sections[] = {
	    YM_DNS_SECTION_ANSWER,
	    YM_DNS_SECTION_AUTHORITY,
	    YM_DNS_SECTION_ADDITIONAL,
	};
	DnsStep step;

	for (guint i = 0; i < counts[0]; i++) {
		step = dns_step_question(context);
		if (step != DNS_STEP_OK)
			return step;
	}
	for (guint s = 0; s < G_N_ELEMENTS(sections); s++) {
		for (guint i = 0; i < counts[s + 1]; i++) {
			step = dns_step_record(context, sections[s]);
			if (step != DNS_STEP_OK)
				return step;
		}
	}
	return DNS_STEP_OK;
}

static YmDecodeResult
dns_truncated(YmPacket *packet)
{
	/* a message cut by the snap length is not the sender's fault */
	if (!ym_packet_has_event(packet, YM_EVENT_FRAME_TRUNCATED))
		dns_add_event(packet, YM_EVENT_DNS_INVALID);
	return YM_DECODE_TRUNCATED;
}

YmDecodeResult
ym_decode_dns(YmPacket *packet, const guint8 *data, gsize length, YmDnsFlavour flavour)
{
	DnsContext context = {packet, &packet->u.dns, {0}, FALSE};
	YmDns *dns = &packet->u.dns;
	guint16 counts[4] = {0};
	guint16 flags = 0;

	/* only the header part: question and record slots are cleared as they are used */
	memset(dns, 0, G_STRUCT_OFFSET(YmDns, questions));
	dns->n_records = 0;
	dns->flavour = flavour;
	packet->app = YM_APP_DNS;

	ym_buf_init(&context.buf, data, length);
	if (!ym_buf_get_be16(&context.buf, &dns->id) || !ym_buf_get_be16(&context.buf, &flags) ||
	    !ym_buf_get_be16(&context.buf, &counts[0]) ||
	    !ym_buf_get_be16(&context.buf, &counts[1]) ||
	    !ym_buf_get_be16(&context.buf, &counts[2]) ||
	    !ym_buf_get_be16(&context.buf, &counts[3]))
		return dns_truncated(packet);
	dns->flags = flags;
	dns->is_response = (flags & DNS_FLAG_RESPONSE) != 0;
	dns->opcode = (flags >> 11) & 0x0f;
	dns->rcode = flags & 0x0f;
	dns->n_questions_total = counts[0];
	dns->n_records_total =
	    (guint16) MIN((guint) counts[1] + counts[2] + counts[3], G_MAXUINT16);

	switch (dns_step_sections(&context, counts)) {
	case DNS_STEP_TRUNCATED:
		return dns_truncated(packet);
	case DNS_STEP_INVALID:
		return YM_DECODE_INVALID;
	case DNS_STEP_OK:
	case DNS_STEP_FULL:
	default:
		break;
	}
	return context.invalid ? YM_DECODE_INVALID : YM_DECODE_OK;
}

gboolean
ym_decode_dns_wire_name(YmPacket *packet, const guint8 *data, gsize length, YmStr *name)
{
	DnsNameText text;
	gsize end = 0;

	g_return_val_if_fail(packet != NULL, FALSE);
	g_return_val_if_fail(name != NULL, FALSE);

	*name = YM_STR_EMPTY;
	if (dns_read_name(data, length, 0, FALSE, &end, &text) != DNS_NAME_OK)
		return FALSE;
	*name = ym_packet_scratch_copy(packet, text.data, text.length);
	return name->data != NULL;
}

gboolean
ym_dns_record_next_txt(const YmDnsRecord *record, gsize *offset, YmStr *text)
{
	const guint8 *bytes;
	guint8 length;
	YmBuf buf;

	g_return_val_if_fail(record != NULL, FALSE);
	g_return_val_if_fail(offset != NULL, FALSE);
	g_return_val_if_fail(text != NULL, FALSE);

	ym_buf_init(&buf, record->rdata, record->rdata_length);
	if (!ym_buf_seek(&buf, *offset) || !ym_buf_get_u8(&buf, &length) ||
	    !ym_buf_get_bytes(&buf, length, &bytes))
		return FALSE;
	text->data = (const gchar *) bytes;
	text->length = length;
	*offset = buf.offset;
	return TRUE;
}
