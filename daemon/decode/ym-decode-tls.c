/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * TLS handshake records: RFC 8446 (TLS 1.3) sections 4 and 5.1, RFC 5246
 * (TLS 1.2) section 7.4; extensions from RFC 6066 (server_name), RFC 8422
 * (supported_groups, ec_point_formats), RFC 7301 (ALPN); GREASE RFC 8701;
 * fingerprints: JA3 (github.com/salesforce/ja3) and JA4 (FoxIO,
 * github.com/FoxIO-LLC/ja4, technical_details/JA4.md)
 *
 *   record                                 handshake message
 *   +--------+-----------------+--------+  +--------+-------------------+
 *   |  type  |     version     | length |  |  type  |   length (24)     |
 *   |   22   | 0x0301..0x0304  |  (16)  |  | 1 or 2 |                   |
 *   +--------+-----------------+--------+  +--------+-------------------+
 *
 *   ClientHello
 *   +----------------+---------------+--------------------------------+
 *   | legacy_version | random (32)   | session_id <0..32>, 8-bit len  |
 *   +----------------+---------------+--------------------------------+
 *   | cipher_suites <2..2^16-2>, 16-bit length                        |
 *   | compression_methods <1..2^8-1>, 8-bit length                    |
 *   | extensions <0..2^16-1>, 16-bit length, optional before TLS 1.2  |
 *   |   +---------------+---------------+--------------------------+  |
 *   |   | type (16)     | length (16)   | data                     |  |
 *   +---+---------------+---------------+--------------------------+--+
 *
 *   server_name (0)            list16 of { name_type (8), host_name (list16) }
 *   supported_groups (10)      list16 of u16
 *   ec_point_formats (11)      list8 of u8
 *   signature_algorithms (13)  list16 of u16
 *   ALPN (16)                  list16 of { protocol (list8) }
 *   supported_versions (43)    list8 of u16 (ServerHello: one u16)
 *
 *   ServerHello: legacy_version, random (32), session_id, cipher_suite (16),
 *   compression_method (8), extensions
 *
 * GREASE values (0x?a?a, both bytes equal) are left out of both fingerprints:
 *   JA3 = md5 ("SSLVersion,Ciphers,Extensions,EllipticCurves,ECPointFormats"),
 *         decimal values joined with '-'
 *   JA4 = "t" version sni n_ciphers n_extensions alpn
 *         "_" sha256 (sorted cipher hex)[:12]
 *         "_" sha256 (sorted extension hex without SNI and ALPN,
 *                     then "_" and the signature algorithms in order)[:12]
 */

#define G_LOG_DOMAIN "YmDecode"

#include "config.h"

#include "ym-decode.h"

#define TLS_CONTENT_HANDSHAKE      22
#define TLS_HANDSHAKE_CLIENT_HELLO 1
#define TLS_HANDSHAKE_SERVER_HELLO 2
#define TLS_RANDOM_LENGTH          32
#define TLS_SESSION_ID_MAX         32
/* TLSCiphertext.length may exceed 2^14 by 2048 (RFC 5246 section 6.2.3) */
#define TLS_RECORD_MAX_LENGTH (16384 + 2048)

#define TLS_EXT_SERVER_NAME          0
#define TLS_EXT_SUPPORTED_GROUPS     10
#define TLS_EXT_EC_POINT_FORMATS     11
#define TLS_EXT_SIGNATURE_ALGORITHMS 13
#define TLS_EXT_ALPN                 16
#define TLS_EXT_SUPPORTED_VERSIONS   43

/*
 * fingerprints are only taken of a whole hello, which fits in one record,
 * so no list in it can hold more 16-bit values than this
 */
#define TLS_VALUES_MAX (TLS_RECORD_MAX_LENGTH / 2)

typedef enum {
	TLS_PARSE_OK,
	TLS_PARSE_SHORT, /* the data ended before the message did */
	TLS_PARSE_BAD,
} TlsParse;

/* the lists of a ClientHello the fingerprints are made of */
typedef struct {
	YmBuf ciphers;
	YmBuf extensions;
	YmBuf groups;
	YmBuf point_formats;
	YmBuf signature_algorithms;
	gboolean has_server_name;
} TlsHello;

/* text that is hashed as it is written, in small pieces */
typedef struct {
	GChecksum *checksum;
	gsize used;
	gsize total;
	gchar buffer[256];
} TlsHashText;

static const struct {
	guint16 version;
	const gchar *name;
} tls_ja4_versions[] = {
    {0x0304, "13"}, {0x0303, "12"}, {0x0302, "11"}, {0x0301, "10"}, {0x0300, "s3"}, {0x0200, "s2"},
    {0x0002, "s2"}, {0x0100, "s1"}, {0xfeff, "d1"}, {0xfefd, "d2"}, {0xfefc, "d3"}, {0, NULL},
};

static const gchar tls_hex_digits[] = "0123456789abcdef";

static gboolean
tls_is_grease(guint16 value)
{
	return (value & 0x0f0f) == 0x0a0a && (value >> 8) == (value & 0xff);
}

gboolean
ym_decode_tls_sniff(const guint8 *data, gsize length)
{
	YmBuf buf;
	guint8 content_type = 0;
	guint8 major = 0;
	guint8 minor = 0;
	guint16 record_length = 0;

	ym_buf_init(&buf, data, length);
	if (!ym_buf_get_u8(&buf, &content_type) || content_type != TLS_CONTENT_HANDSHAKE)
		return FALSE;
	if (!ym_buf_get_u8(&buf, &major) || !ym_buf_get_u8(&buf, &minor) ||
	    !ym_buf_get_be16(&buf, &record_length))
		return FALSE;
	return major == 3 && minor <= 4 && record_length > 0 &&
	       record_length <= TLS_RECORD_MAX_LENGTH;
}

/* a vector with an 8-bit or 16-bit length prefix */
static gboolean
tls_read_vector8(YmBuf *buf, YmBuf *body)
{
	guint8 length = 0;
	return ym_buf_get_u8(buf, &length) && ym_buf_get_sub(buf, length, body);
}

static gboolean
tls_read_vector16(YmBuf *buf, YmBuf *body)
{
	guint16 length = 0;
	return ym_buf_get_be16(buf, &length) && ym_buf_get_sub(buf, length, body);
}

/* extension data that is exactly one list of 16-bit values */
static gboolean
tls_read_list16(YmBuf *data, YmBuf *list)
{
	return tls_read_vector16(data, list) && ym_buf_remaining(data) == 0 &&
	       ym_buf_remaining(list) % 2 == 0;
}

static YmStr
tls_take_str(YmBuf *buf)
{
	YmStr str = YM_STR_EMPTY;
	const guint8 *bytes = NULL;
	gsize length = MIN(ym_buf_remaining(buf), G_MAXUINT16);

	if (length == 0 || !ym_buf_get_bytes(buf, length, &bytes))
		return str;
	str.data = (const gchar *) bytes;
	str.length = (guint16) length;
	return str;
}

static gboolean
tls_parse_server_name(YmTls *tls, YmBuf *data)
{
	YmBuf list;

	if (!tls_read_vector16(data, &list) || ym_buf_remaining(data) != 0)
		return FALSE;
	while (ym_buf_remaining(&list) > 0) {
		YmBuf name;
		guint8 name_type = 0;
		if (!ym_buf_get_u8(&list, &name_type) || !tls_read_vector16(&list, &name))
			return FALSE;
		/* host_name; other name types are skipped */
		if (name_type == 0 && !ym_str_is_set(tls->sni))
			tls->sni = tls_take_str(&name);
	}
	return TRUE;
}

static gboolean
tls_parse_alpn(YmTls *tls, YmBuf *data)
{
	YmBuf list;
	gboolean first = TRUE;

	if (!tls_read_vector16(data, &list) || ym_buf_remaining(data) != 0)
		return FALSE;
	while (ym_buf_remaining(&list) > 0) {
		YmBuf protocol;
		if (!tls_read_vector8(&list, &protocol))
			return FALSE;
		if (first)
			tls->alpn_first = tls_take_str(&protocol);
		first = FALSE;
	}
	return TRUE;
}

static gboolean
tls_parse_supported_versions(YmTls *tls, YmBuf *data)
{
	YmBuf list;
	guint16 version = 0;

	if (!tls_read_vector8(data, &list) || ym_buf_remaining(data) != 0 ||
	    ym_buf_remaining(&list) == 0 || ym_buf_remaining(&list) % 2 != 0)
		return FALSE;
	while (ym_buf_get_be16(&list, &version)) {
		if (!tls_is_grease(version) && version > tls->max_supported_version)
			tls->max_supported_version = version;
	}
	return TRUE;
}

/* FALSE when the extension data is malformed */
static gboolean
tls_parse_extension(YmTls *tls, TlsHello *hello, guint16 type, YmBuf *data)
{
	switch (type) {
	case TLS_EXT_SERVER_NAME:
		hello->has_server_name = TRUE;
		return tls_parse_server_name(tls, data);
	case TLS_EXT_SUPPORTED_GROUPS:
		return tls_read_list16(data, &hello->groups);
	case TLS_EXT_EC_POINT_FORMATS:
		return tls_read_vector8(data, &hello->point_formats) && ym_buf_remaining(data) == 0;
	case TLS_EXT_SIGNATURE_ALGORITHMS:
		return tls_read_list16(data, &hello->signature_algorithms);
	case TLS_EXT_ALPN:
		return tls_parse_alpn(tls, data);
	case TLS_EXT_SUPPORTED_VERSIONS:
		return tls_parse_supported_versions(tls, data);
	default:
		return TRUE;
	}
}

/* the extensions block, or as much of it as the data holds */
static TlsParse
tls_parse_client_extensions(YmTls *tls, YmBuf *buf, gboolean complete, TlsHello *hello)
{
	YmBuf extensions;
	guint16 extensions_length = 0;
	gboolean cut;

	if (!ym_buf_get_be16(buf, &extensions_length))
		return complete ? TLS_PARSE_BAD : TLS_PARSE_SHORT;
	cut = extensions_length > ym_buf_remaining(buf);
	if (cut && complete)
		return TLS_PARSE_BAD;
	if (!ym_buf_get_sub(buf, MIN(extensions_length, ym_buf_remaining(buf)), &extensions))
		return TLS_PARSE_BAD;
	hello->extensions = extensions;
	while (ym_buf_remaining(&extensions) > 0) {
		YmBuf data;
		guint16 type = 0;
		guint16 length = 0;
		if (!ym_buf_get_be16(&extensions, &type) ||
		    !ym_buf_get_be16(&extensions, &length) ||
		    !ym_buf_get_sub(&extensions, length, &data))
			return complete ? TLS_PARSE_BAD : TLS_PARSE_SHORT;
		if (!tls_parse_extension(tls, hello, type, &data))
			return TLS_PARSE_BAD;
	}
	/* the hello may go on past the data even when the block looked whole */
	if (!complete)
		return TLS_PARSE_SHORT;
	/* nothing may follow the extensions */
	return ym_buf_remaining(buf) == 0 ? TLS_PARSE_OK : TLS_PARSE_BAD;
}

static TlsParse
tls_parse_client_hello(YmTls *tls, YmBuf *buf, gboolean complete, TlsHello *hello)
{
	YmBuf session_id;
	YmBuf compression;

	if (!ym_buf_get_be16(buf, &tls->hello_version))
		return complete ? TLS_PARSE_BAD : TLS_PARSE_SHORT;
	/* an encrypted handshake message whose first byte happens to be 1 */
	if ((tls->hello_version >> 8) != 3)
		return TLS_PARSE_BAD;
	if (!ym_buf_skip(buf, TLS_RANDOM_LENGTH) || !tls_read_vector8(buf, &session_id) ||
	    !tls_read_vector16(buf, &hello->ciphers) || !tls_read_vector8(buf, &compression))
		return complete ? TLS_PARSE_BAD : TLS_PARSE_SHORT;
	if (ym_buf_remaining(&session_id) > TLS_SESSION_ID_MAX ||
	    ym_buf_remaining(&hello->ciphers) == 0 || ym_buf_remaining(&hello->ciphers) % 2 != 0 ||
	    ym_buf_remaining(&compression) == 0)
		return TLS_PARSE_BAD;

	/* extensions are optional before TLS 1.2 */
	if (ym_buf_remaining(buf) == 0)
		return complete ? TLS_PARSE_OK : TLS_PARSE_SHORT;
	return tls_parse_client_extensions(tls, buf, complete, hello);
}

static void
tls_text_flush(TlsHashText *text)
{
	if (text->used > 0)
		g_checksum_update(text->checksum, (const guchar *) text->buffer, text->used);
	text->used = 0;
}

/* @length is always a few bytes */
static void
tls_text_append(TlsHashText *text, const gchar *data, gsize length)
{
	if (text->used + length > sizeof(text->buffer))
		tls_text_flush(text);
	memcpy(text->buffer + text->used, data, length);
	text->used += length;
	text->total += length;
}

static void
tls_text_append_decimal(TlsHashText *text, guint16 value)
{
	gchar digits[5];
	gsize n = 0;
	do {
		digits[sizeof(digits) - 1 - n++] = (gchar) ('0' + value % 10);
		value /= 10;
	} while (value > 0);
	tls_text_append(text, digits + sizeof(digits) - n, n);
}

static void
tls_text_append_hex4(TlsHashText *text, guint16 value)
{
	gchar digits[4] = {
	    tls_hex_digits[(value >> 12) & 0xf],
	    tls_hex_digits[(value >> 8) & 0xf],
	    tls_hex_digits[(value >> 4) & 0xf],
	    tls_hex_digits[value & 0xf],
	};
	tls_text_append(text, digits, sizeof(digits));
}

/* the first @n_chars hex digits of the hash of the text, then a fresh start */
static void
tls_text_finish(TlsHashText *text, gchar *dest, gsize n_chars)
{
	guint8 digest[32] = {0};
	gsize digest_length = sizeof(digest);

	tls_text_flush(text);
	g_checksum_get_digest(text->checksum, digest, &digest_length);
	for (gsize i = 0; i < n_chars; i++) {
		guint8 byte = i / 2 < digest_length ? digest[i / 2] : 0;
		dest[i] = tls_hex_digits[i % 2 == 0 ? byte >> 4 : byte & 0xf];
	}
	dest[n_chars] = '\0';
	g_checksum_reset(text->checksum);
	text->total = 0;
}

/* JA4 hashes: twelve zeros stand for an empty list */
static void
tls_text_finish_ja4(TlsHashText *text, gchar *dest)
{
	if (text->total == 0) {
		g_strlcpy(dest, "000000000000", 13);
		return;
	}
	tls_text_finish(text, dest, 12);
}

static void
tls_text_append_list16(TlsHashText *text, YmBuf list)
{
	guint16 value = 0;
	gboolean first = TRUE;

	while (ym_buf_get_be16(&list, &value)) {
		if (tls_is_grease(value))
			continue;
		if (!first)
			tls_text_append(text, "-", 1);
		tls_text_append_decimal(text, value);
		first = FALSE;
	}
}

static void
tls_compute_ja3(YmTls *tls, const TlsHello *hello)
{
	g_autoptr(GChecksum) checksum = g_checksum_new(G_CHECKSUM_MD5);
	TlsHashText text = {.checksum = checksum};
	YmBuf extensions = hello->extensions;
	YmBuf point_formats = hello->point_formats;
	guint16 type = 0;
	guint16 length = 0;
	guint8 format = 0;
	gboolean first = TRUE;

	/* SSLVersion,Ciphers,Extensions,EllipticCurves,ECPointFormats */
	tls_text_append_decimal(&text, tls->hello_version);
	tls_text_append(&text, ",", 1);
	tls_text_append_list16(&text, hello->ciphers);
	tls_text_append(&text, ",", 1);
	while (ym_buf_get_be16(&extensions, &type) && ym_buf_get_be16(&extensions, &length) &&
	       ym_buf_skip(&extensions, length)) {
		if (tls_is_grease(type))
			continue;
		if (!first)
			tls_text_append(&text, "-", 1);
		tls_text_append_decimal(&text, type);
		first = FALSE;
	}
	tls_text_append(&text, ",", 1);
	tls_text_append_list16(&text, hello->groups);
	tls_text_append(&text, ",", 1);
	first = TRUE;
	while (ym_buf_get_u8(&point_formats, &format)) {
		if (!first)
			tls_text_append(&text, "-", 1);
		tls_text_append_decimal(&text, format);
		first = FALSE;
	}
	tls_text_finish(&text, tls->ja3, 32);
}

static void
tls_sift_down(guint16 *values, gsize root, gsize end)
{
	while (2 * root + 1 < end) {
		gsize child = 2 * root + 1;
		guint16 tmp;
		if (child + 1 < end && values[child] < values[child + 1])
			child++;
		if (values[root] >= values[child])
			return;
		tmp = values[root];
		values[root] = values[child];
		values[child] = tmp;
		root = child;
	}
}

/* heapsort: no allocation, no quadratic worst case */
static void
tls_sort_values(guint16 *values, gsize n_values)
{
	for (gsize start = n_values / 2; start > 0; start--)
		tls_sift_down(values, start - 1, n_values);
	for (gsize end = n_values; end > 1; end--) {
		guint16 tmp = values[0];
		values[0] = values[end - 1];
		values[end - 1] = tmp;
		tls_sift_down(values, 0, end - 1);
	}
}

static void
tls_text_append_sorted(TlsHashText *text, guint16 *values, gsize n_values)
{
	tls_sort_values(values, n_values);
	for (gsize i = 0; i < n_values; i++) {
		if (i > 0)
			tls_text_append(text, ",", 1);
		tls_text_append_hex4(text, values[i]);
	}
}

/* first and last character of the first ALPN value, or of its hex when not alphanumeric */
static void
tls_ja4_alpn(YmStr alpn, gchar *dest)
{
	guint8 first;
	guint8 last;

	if (!ym_str_is_set(alpn)) {
		g_strlcpy(dest, "00", 3);
		return;
	}
	first = (guint8) alpn.data[0];
	last = (guint8) alpn.data[alpn.length - 1];
	if (g_ascii_isalnum(first) && g_ascii_isalnum(last)) {
		dest[0] = (gchar) first;
		dest[1] = (gchar) last;
	} else {
		dest[0] = tls_hex_digits[first >> 4];
		dest[1] = tls_hex_digits[last & 0xf];
	}
	dest[2] = '\0';
}

static const gchar *
tls_ja4_version(guint16 version)
{
	for (guint i = 0; tls_ja4_versions[i].name != NULL; i++) {
		if (tls_ja4_versions[i].version == version)
			return tls_ja4_versions[i].name;
	}
	return "00";
}

static void
tls_compute_ja4(YmTls *tls, const TlsHello *hello)
{
	g_autoptr(GChecksum) checksum = g_checksum_new(G_CHECKSUM_SHA256);
	TlsHashText text = {.checksum = checksum};
	YmBuf ciphers = hello->ciphers;
	YmBuf extensions = hello->extensions;
	YmBuf signature_algorithms = hello->signature_algorithms;
	guint16 values[TLS_VALUES_MAX];
	gchar cipher_hash[13];
	gchar extension_hash[13];
	gchar alpn[3];
	gsize n_values = 0;
	guint n_ciphers = 0;
	guint n_extensions = 0;
	guint16 value = 0;
	guint16 length = 0;
	gboolean first = TRUE;

	/* cipher suites, sorted */
	while (ym_buf_get_be16(&ciphers, &value)) {
		if (tls_is_grease(value) || n_values >= G_N_ELEMENTS(values))
			continue;
		values[n_values++] = value;
	}
	n_ciphers = (guint) n_values;
	tls_text_append_sorted(&text, values, n_values);
	tls_text_finish_ja4(&text, cipher_hash);

	/* extensions, sorted; SNI and ALPN are counted but not hashed */
	n_values = 0;
	while (ym_buf_get_be16(&extensions, &value) && ym_buf_get_be16(&extensions, &length) &&
	       ym_buf_skip(&extensions, length)) {
		if (tls_is_grease(value))
			continue;
		n_extensions++;
		if (value == TLS_EXT_SERVER_NAME || value == TLS_EXT_ALPN ||
		    n_values >= G_N_ELEMENTS(values))
			continue;
		values[n_values++] = value;
	}
	tls_text_append_sorted(&text, values, n_values);

	/* then the signature algorithms in their original order */
	while (ym_buf_get_be16(&signature_algorithms, &value)) {
		if (tls_is_grease(value))
			continue;
		tls_text_append(&text, first ? "_" : ",", 1);
		tls_text_append_hex4(&text, value);
		first = FALSE;
	}
	tls_text_finish_ja4(&text, extension_hash);

	tls_ja4_alpn(tls->alpn_first, alpn);
	g_snprintf(tls->ja4, sizeof(tls->ja4), "t%s%c%02u%02u%s_%s_%s",
	           tls_ja4_version(tls->max_supported_version != 0 ? tls->max_supported_version
	                                                           : tls->hello_version),
	           hello->has_server_name ? 'd' : 'i', MIN(n_ciphers, 99), MIN(n_extensions, 99),
	           alpn, cipher_hash, extension_hash);
}

static TlsParse
tls_decode_client_hello(YmTls *tls, YmBuf *message, gboolean complete)
{
	TlsHello hello = {0};
	TlsParse parse = tls_parse_client_hello(tls, message, complete, &hello);

	/* fingerprints only of a whole, well-formed hello */
	if (parse != TLS_PARSE_OK)
		return parse;
	tls_compute_ja3(tls, &hello);
	tls_compute_ja4(tls, &hello);
	return TLS_PARSE_OK;
}

/* version and cipher; TLS 1.3 puts the real version in supported_versions */
static TlsParse
tls_decode_server_hello(YmTls *tls, YmBuf *buf, gboolean complete)
{
	YmBuf session_id;
	YmBuf extensions;
	guint8 compression = 0;

	if (!ym_buf_get_be16(buf, &tls->hello_version))
		return complete ? TLS_PARSE_BAD : TLS_PARSE_SHORT;
	if ((tls->hello_version >> 8) != 3)
		return TLS_PARSE_BAD;
	if (!ym_buf_skip(buf, TLS_RANDOM_LENGTH) || !tls_read_vector8(buf, &session_id) ||
	    !ym_buf_get_be16(buf, &tls->cipher_suite))
		return complete ? TLS_PARSE_BAD : TLS_PARSE_SHORT;
	if (ym_buf_remaining(&session_id) > TLS_SESSION_ID_MAX)
		return TLS_PARSE_BAD;
	if (!ym_buf_get_u8(buf, &compression) || !tls_read_vector16(buf, &extensions))
		return TLS_PARSE_OK;
	while (ym_buf_remaining(&extensions) > 0) {
		YmBuf data;
		guint16 type = 0;
		guint16 length = 0;
		guint16 version = 0;
		if (!ym_buf_get_be16(&extensions, &type) ||
		    !ym_buf_get_be16(&extensions, &length) ||
		    !ym_buf_get_sub(&extensions, length, &data))
			break;
		if (type == TLS_EXT_SUPPORTED_VERSIONS && length == 2 &&
		    ym_buf_get_be16(&data, &version))
			tls->max_supported_version = version;
	}
	return TLS_PARSE_OK;
}

static TlsParse
tls_decode_message(YmTls *tls, YmBuf *message, gboolean complete)
{
	switch (tls->handshake_type) {
	case TLS_HANDSHAKE_CLIENT_HELLO:
		return tls_decode_client_hello(tls, message, complete);
	case TLS_HANDSHAKE_SERVER_HELLO:
		return tls_decode_server_hello(tls, message, complete);
	default:
		/* Certificate and the rest: the type is all we keep */
		return TLS_PARSE_OK;
	}
}

YmDecodeResult
ym_decode_tls(YmPacket *packet, const guint8 *data, gsize length)
{
	YmTls *tls = &packet->u.tls;
	YmBuf buf;
	YmBuf record;
	YmBuf message;
	guint8 content_type = 0;
	guint16 record_length = 0;
	guint32 message_length = 0;
	TlsParse parse = TLS_PARSE_SHORT;

	memset(tls, 0, sizeof(*tls));
	if (!ym_decode_tls_sniff(data, length))
		return YM_DECODE_UNSUPPORTED;
	ym_buf_init(&buf, data, length);
	if (!ym_buf_get_u8(&buf, &content_type) || !ym_buf_get_be16(&buf, &tls->record_version) ||
	    !ym_buf_get_be16(&buf, &record_length))
		return YM_DECODE_UNSUPPORTED;
	packet->app = YM_APP_TLS;

	/* the record may go on in the next segment */
	if (!ym_buf_get_sub(&buf, MIN(record_length, ym_buf_remaining(&buf)), &record))
		return YM_DECODE_UNSUPPORTED;
	if (ym_buf_get_u8(&record, &tls->handshake_type) &&
	    ym_buf_get_be24(&record, &message_length)) {
		/* a longer message is cut by the segment or continues in the next record */
		gboolean complete = message_length <= ym_buf_remaining(&record);
		if (ym_buf_get_sub(&record, MIN(message_length, ym_buf_remaining(&record)),
		                   &message))
			parse = tls_decode_message(tls, &message, complete);
	}
	if (parse == TLS_PARSE_BAD)
		goto invalid;
	if (parse == TLS_PARSE_SHORT) {
		ym_packet_add_event(packet, YM_EVENT_TLS_TRUNCATED);
		return YM_DECODE_TRUNCATED;
	}
	return YM_DECODE_OK;

invalid:
	ym_packet_add_event(packet, YM_EVENT_TLS_INVALID);
	return YM_DECODE_INVALID;
}
