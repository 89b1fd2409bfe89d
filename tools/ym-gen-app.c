/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Application payload builders.
 *
 * DNS and mDNS messages (RFC 1035, RFC 6762, RFC 6763) with suffix name
 * compression, NetBIOS names (RFC 1002 4.1), DHCP (RFC 2131, options per
 * RFC 2132) and the TP-Link Kasa local protocol.
 *
 *   DNS header
 *    0  1  2  3  4  5  6  7  8  9  0  1  2  3  4  5
 *   +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 *   |                      ID                       |
 *   |QR|   Opcode  |AA|TC|RD|RA|   Z    |   RCODE   |
 *   |             QDCOUNT / ANCOUNT                 |
 *   |             NSCOUNT / ARCOUNT                 |
 *   +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 */

#define G_LOG_DOMAIN "YmGen"

#include "config.h"

#include <string.h>

#include "ym-gen-private.h"

/* DNS */

void
_ym_dns_writer_init(YmDnsWriter *writer, YmGenBuf *buf, guint16 id, guint16 flags)
{
	memset(writer, 0, sizeof(*writer));
	writer->buf = buf;
	writer->base = buf->len;
	_ym_gen_buf_put_be16(buf, id);
	_ym_gen_buf_put_be16(buf, flags);
	_ym_gen_buf_put_zeros(buf, 8);
}

/* @known is NUL-terminated, @suffix has @length bytes */
static gboolean
ym_dns_suffix_equal(const gchar *known, const gchar *suffix, gsize length)
{
	return strlen(known) == length && g_ascii_strncasecmp(known, suffix, length) == 0;
}

void
_ym_dns_writer_put_name(YmDnsWriter *writer, const gchar *name)
{
	YmGenBuf *buf = writer->buf;
	gsize name_len = strlen(name);
	gsize stored = writer->names_len;
	gboolean can_store;
	const gchar *copy = NULL;
	gsize pos = 0;

	if (name_len > 0 && name[name_len - 1] == '.')
		name_len--;

	/* keep a copy so later names can point at our suffixes */
	can_store = stored + name_len + 1 <= sizeof(writer->names);
	if (can_store) {
		memcpy(writer->names + stored, name, name_len);
		writer->names[stored + name_len] = '\0';
		writer->names_len += name_len + 1;
		copy = writer->names + stored;
	}

	while (pos < name_len) {
		const gchar *suffix = name + pos;
		const gchar *dot;
		gsize label_len;
		gsize offset = buf->len - writer->base;

		for (guint i = 0; i < writer->n_names; i++) {
			const gchar *known = writer->names + writer->suffix[i].name;
			if (ym_dns_suffix_equal(known, suffix, name_len - pos)) {
				_ym_gen_buf_put_be16(buf, 0xc000 | writer->suffix[i].offset);
				return;
			}
		}
		if (copy != NULL && offset < 0x3fff &&
		    writer->n_names < G_N_ELEMENTS(writer->suffix)) {
			writer->suffix[writer->n_names].offset = (guint16) offset;
			writer->suffix[writer->n_names].name =
			    (guint16) (copy + pos - writer->names);
			writer->n_names++;
		}
		dot = memchr(suffix, '.', name_len - pos);
		label_len = dot != NULL ? (gsize) (dot - suffix) : name_len - pos;
		label_len = MIN(label_len, 63);
		_ym_gen_buf_put_u8(buf, (guint8) label_len);
		_ym_gen_buf_put_bytes(buf, suffix, label_len);
		pos += label_len + (dot != NULL ? 1 : 0);
	}
	_ym_gen_buf_put_u8(buf, 0);
}

void
_ym_dns_writer_question(YmDnsWriter *writer, const gchar *name, guint16 type, guint16 klass)
{
	_ym_dns_writer_put_name(writer, name);
	_ym_gen_buf_put_be16(writer->buf, type);
	_ym_gen_buf_put_be16(writer->buf, klass);
	writer->counts[0]++;
}

void
_ym_dns_writer_rr_begin(YmDnsWriter *writer,
                        YmDnsSection section,
                        const gchar *name,
                        guint16 type,
                        guint16 klass,
                        guint32 ttl)
{
	_ym_dns_writer_put_name(writer, name);
	_ym_gen_buf_put_be16(writer->buf, type);
	_ym_gen_buf_put_be16(writer->buf, klass);
	_ym_gen_buf_put_be32(writer->buf, ttl);
	writer->rdlength_at = writer->buf->len;
	_ym_gen_buf_put_be16(writer->buf, 0);
	writer->rdata_start = writer->buf->len;
	writer->counts[1 + section]++;
}

void
_ym_dns_writer_rr_end(YmDnsWriter *writer)
{
	_ym_gen_buf_patch_len(writer->buf, writer->rdlength_at, 2,
	                      writer->buf->len - writer->rdata_start);
}

void
_ym_dns_writer_rr_a(YmDnsWriter *writer,
                    YmDnsSection section,
                    const gchar *name,
                    guint16 klass,
                    guint32 ttl,
                    guint32 address)
{
	_ym_dns_writer_rr_begin(writer, section, name, YM_DNS_TYPE_A, klass, ttl);
	_ym_gen_buf_put_be32(writer->buf, address);
	_ym_dns_writer_rr_end(writer);
}

void
_ym_dns_writer_rr_aaaa(YmDnsWriter *writer,
                       YmDnsSection section,
                       const gchar *name,
                       guint16 klass,
                       guint32 ttl,
                       const guint8 address[16])
{
	_ym_dns_writer_rr_begin(writer, section, name, YM_DNS_TYPE_AAAA, klass, ttl);
	_ym_gen_buf_put_bytes(writer->buf, address, 16);
	_ym_dns_writer_rr_end(writer);
}

void
_ym_dns_writer_rr_name(YmDnsWriter *writer,
                       YmDnsSection section,
                       const gchar *name,
                       guint16 type,
                       guint16 klass,
                       guint32 ttl,
                       const gchar *target)
{
	_ym_dns_writer_rr_begin(writer, section, name, type, klass, ttl);
	_ym_dns_writer_put_name(writer, target);
	_ym_dns_writer_rr_end(writer);
}

void
_ym_dns_writer_rr_srv(YmDnsWriter *writer,
                      YmDnsSection section,
                      const gchar *name,
                      guint16 klass,
                      guint32 ttl,
                      guint16 port,
                      const gchar *target)
{
	_ym_dns_writer_rr_begin(writer, section, name, YM_DNS_TYPE_SRV, klass, ttl);
	_ym_gen_buf_put_be16(writer->buf, 0); /* priority */
	_ym_gen_buf_put_be16(writer->buf, 0); /* weight */
	_ym_gen_buf_put_be16(writer->buf, port);
	_ym_dns_writer_put_name(writer, target);
	_ym_dns_writer_rr_end(writer);
}

void
_ym_dns_writer_rr_txt(YmDnsWriter *writer,
                      YmDnsSection section,
                      const gchar *name,
                      guint16 klass,
                      guint32 ttl,
                      const gchar *const *strings)
{
	_ym_dns_writer_rr_begin(writer, section, name, YM_DNS_TYPE_TXT, klass, ttl);
	if (strings == NULL || strings[0] == NULL)
		_ym_gen_buf_put_u8(writer->buf, 0);
	for (guint i = 0; strings != NULL && strings[i] != NULL; i++) {
		gsize len = MIN(strlen(strings[i]), 255);
		_ym_gen_buf_put_u8(writer->buf, (guint8) len);
		_ym_gen_buf_put_bytes(writer->buf, strings[i], len);
	}
	_ym_dns_writer_rr_end(writer);
}

void
_ym_dns_writer_rr_nsec(YmDnsWriter *writer,
                       YmDnsSection section,
                       const gchar *name,
                       guint16 klass,
                       guint32 ttl,
                       const guint16 *types)
{
	guint8 bitmap[32] = {0};
	guint bitmap_len = 0;

	for (guint i = 0; types[i] != 0; i++) {
		guint16 type = types[i];
		if (type > 255)
			continue;
		bitmap[type / 8] |= 0x80 >> (type % 8);
		bitmap_len = MAX(bitmap_len, type / 8u + 1);
	}
	_ym_dns_writer_rr_begin(writer, section, name, YM_DNS_TYPE_NSEC, klass, ttl);
	_ym_dns_writer_put_name(writer, name);
	_ym_gen_buf_put_u8(writer->buf, 0); /* window block 0 */
	_ym_gen_buf_put_u8(writer->buf, (guint8) bitmap_len);
	_ym_gen_buf_put_bytes(writer->buf, bitmap, bitmap_len);
	_ym_dns_writer_rr_end(writer);
}

void
_ym_dns_writer_rr_soa(YmDnsWriter *writer,
                      YmDnsSection section,
                      const gchar *name,
                      guint32 ttl,
                      const gchar *mname,
                      const gchar *rname,
                      guint32 serial)
{
	_ym_dns_writer_rr_begin(writer, section, name, YM_DNS_TYPE_SOA, YM_DNS_CLASS_IN, ttl);
	_ym_dns_writer_put_name(writer, mname);
	_ym_dns_writer_put_name(writer, rname);
	_ym_gen_buf_put_be32(writer->buf, serial);
	_ym_gen_buf_put_be32(writer->buf, 1800);   /* refresh */
	_ym_gen_buf_put_be32(writer->buf, 900);    /* retry */
	_ym_gen_buf_put_be32(writer->buf, 604800); /* expire */
	_ym_gen_buf_put_be32(writer->buf, 60);     /* negative TTL */
	_ym_dns_writer_rr_end(writer);
}

void
_ym_dns_writer_finish(YmDnsWriter *writer)
{
	for (guint i = 0; i < 4; i++)
		_ym_gen_buf_patch_len(writer->buf, writer->base + 4 + 2 * i, 2, writer->counts[i]);
}

/* NetBIOS */

void
_ym_gen_netbios_encode(const gchar *name, guint8 suffix, gchar out[33])
{
	guint8 raw[16];
	gsize len = MIN(strlen(name), 15);

	memset(raw, ' ', 15);
	for (gsize i = 0; i < len; i++)
		raw[i] = (guint8) g_ascii_toupper(name[i]);
	raw[15] = suffix;
	for (guint i = 0; i < 16; i++) {
		out[2 * i] = (gchar) ('A' + (raw[i] >> 4));
		out[2 * i + 1] = (gchar) ('A' + (raw[i] & 0x0f));
	}
	out[32] = '\0';
}

/* DHCP */

void
_ym_dhcp_begin(YmGenBuf *buf,
               guint8 op,
               guint32 xid,
               guint16 secs,
               gboolean broadcast,
               guint32 ciaddr,
               guint32 yiaddr,
               const guint8 mac[6])
{
	_ym_gen_buf_put_u8(buf, op);
	_ym_gen_buf_put_u8(buf, 1); /* Ethernet */
	_ym_gen_buf_put_u8(buf, 6);
	_ym_gen_buf_put_u8(buf, 0); /* hops */
	_ym_gen_buf_put_be32(buf, xid);
	_ym_gen_buf_put_be16(buf, secs);
	_ym_gen_buf_put_be16(buf, broadcast ? 0x8000 : 0);
	_ym_gen_buf_put_be32(buf, ciaddr);
	_ym_gen_buf_put_be32(buf, yiaddr);
	_ym_gen_buf_put_be32(buf, 0); /* siaddr */
	_ym_gen_buf_put_be32(buf, 0); /* giaddr */
	_ym_gen_buf_put_bytes(buf, mac, 6);
	_ym_gen_buf_put_zeros(buf, 10 + 64 + 128); /* chaddr pad, sname, file */
	_ym_gen_buf_put_be32(buf, 0x63825363);     /* magic cookie */
}

void
_ym_dhcp_option(YmGenBuf *buf, guint8 code, const void *data, gsize length)
{
	_ym_gen_buf_put_u8(buf, code);
	_ym_gen_buf_put_u8(buf, (guint8) MIN(length, 255));
	_ym_gen_buf_put_bytes(buf, data, MIN(length, 255));
}

void
_ym_dhcp_option_u8(YmGenBuf *buf, guint8 code, guint8 value)
{
	_ym_dhcp_option(buf, code, &value, 1);
}

void
_ym_dhcp_option_u16(YmGenBuf *buf, guint8 code, guint16 value)
{
	guint8 v[2] = {value >> 8, value & 0xff};
	_ym_dhcp_option(buf, code, v, 2);
}

void
_ym_dhcp_option_u32(YmGenBuf *buf, guint8 code, guint32 value)
{
	guint8 v[4] = {value >> 24, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff};
	_ym_dhcp_option(buf, code, v, 4);
}

void
_ym_dhcp_option_str(YmGenBuf *buf, guint8 code, const gchar *text)
{
	_ym_dhcp_option(buf, code, text, strlen(text));
}

void
_ym_dhcp_end(YmGenBuf *buf)
{
	_ym_gen_buf_put_u8(buf, 255);
	if (buf->len < 300)
		_ym_gen_buf_put_zeros(buf, 300 - buf->len);
}

/* Kasa */

gsize
_ym_gen_kasa_encode(const gchar *json, gboolean tcp, guint8 *out, gsize cap)
{
	gsize len = strlen(json);
	gsize n = 0;
	guint8 key = 171;

	if (len + (tcp ? 4 : 0) > cap)
		return 0;
	if (tcp) {
		out[0] = (len >> 24) & 0xff;
		out[1] = (len >> 16) & 0xff;
		out[2] = (len >> 8) & 0xff;
		out[3] = len & 0xff;
		n = 4;
	}
	for (gsize i = 0; i < len; i++) {
		key = key ^ (guint8) json[i];
		out[n++] = key;
	}
	return n;
}
