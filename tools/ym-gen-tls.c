/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * TLS flights (RFC 5246, RFC 8446): ClientHellos that copy the cipher,
 * extension, group and signature lists of the stacks found in homes (so
 * JA3/JA4 are what a sensor would compute for the real thing), GREASE
 * (RFC 8701) and Chrome's extension permutation, server flights with an
 * X.509 chain for TLS 1.2 and encrypted records for TLS 1.3.
 *
 *   record: type(1) version(2) length(2) fragment
 *   handshake: msg_type(1) length(3) body
 *   ClientHello body: legacy_version(2) random(32) session_id<0..32>
 *                     cipher_suites<2..2^16-2> compression<1..2^8-1>
 *                     extensions<8..2^16-1>
 */

#define G_LOG_DOMAIN "YmGen"

#include "config.h"

#include <string.h>

#include "ym-gen-private.h"

#define GREASE 0x0a0a /* placeholder replaced by a random GREASE value */
#define END    0xffff

#define EXT_SERVER_NAME        0
#define EXT_STATUS_REQUEST     5
#define EXT_GROUPS             10
#define EXT_EC_FORMATS         11
#define EXT_SIG_ALGS           13
#define EXT_HEARTBEAT          15
#define EXT_ALPN               16
#define EXT_SCT                18
#define EXT_PADDING            21
#define EXT_ENCRYPT_THEN_MAC   22
#define EXT_EMS                23
#define EXT_COMPRESS_CERT      27
#define EXT_SESSION_TICKET     35
#define EXT_SUPPORTED_VERSIONS 43
#define EXT_PSK_MODES          45
#define EXT_KEY_SHARE          51
#define EXT_ALPS_OLD           17513
#define EXT_ALPS               17613
#define EXT_ECH                65037
#define EXT_RENEGOTIATION_INFO 65281

#define GROUP_X25519MLKEM768 0x11ec

typedef struct {
	const gchar *name;
	gboolean permute;
	guint16 record_version;
	gboolean session_id;
	guint16 pad_to;
	guint16 compress_cert;
	const gchar *alpn; /* comma separated default, NULL for none */
	const guint16 *ciphers;
	const guint16 *extensions;
	const guint16 *groups;
	const guint16 *shares;
	const guint16 *sigalgs;
	const guint16 *versions; /* NULL: TLS 1.2 only, no supported_versions */
	const guint8 *ec_formats;
	guint8 n_ec_formats;
} YmTlsProfile;

/* Chrome 146 on Windows, macOS and Android; Edge is the same stack */
static const guint16 chrome_ciphers[] = {GREASE, 0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f,
                                         0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc013, 0xc014,
                                         0x009c, 0x009d, 0x002f, 0x0035, END};
static const guint16 chrome_extensions[] = {GREASE,
                                            EXT_SERVER_NAME,
                                            EXT_EMS,
                                            EXT_RENEGOTIATION_INFO,
                                            EXT_GROUPS,
                                            EXT_EC_FORMATS,
                                            EXT_SESSION_TICKET,
                                            EXT_ALPN,
                                            EXT_STATUS_REQUEST,
                                            EXT_SIG_ALGS,
                                            EXT_SCT,
                                            EXT_KEY_SHARE,
                                            EXT_PSK_MODES,
                                            EXT_SUPPORTED_VERSIONS,
                                            EXT_COMPRESS_CERT,
                                            EXT_ALPS,
                                            EXT_ECH,
                                            GREASE,
                                            END};
static const guint16 chrome_groups[] = {GREASE, GROUP_X25519MLKEM768, 0x001d, 0x0017, 0x0018, END};
static const guint16 chrome_shares[] = {GREASE, GROUP_X25519MLKEM768, 0x001d, END};
static const guint16 chrome_sigalgs[] = {0x0403, 0x0804, 0x0401, 0x0503, 0x0805,
                                         0x0501, 0x0806, 0x0601, END};
static const guint16 chrome_versions[] = {GREASE, 0x0304, 0x0303, END};

static const guint16 cast_extensions[] = {GREASE,
                                          EXT_SERVER_NAME,
                                          EXT_EMS,
                                          EXT_RENEGOTIATION_INFO,
                                          EXT_GROUPS,
                                          EXT_EC_FORMATS,
                                          EXT_SESSION_TICKET,
                                          EXT_ALPN,
                                          EXT_STATUS_REQUEST,
                                          EXT_SIG_ALGS,
                                          EXT_SCT,
                                          EXT_KEY_SHARE,
                                          EXT_PSK_MODES,
                                          EXT_SUPPORTED_VERSIONS,
                                          EXT_COMPRESS_CERT,
                                          EXT_ALPS_OLD,
                                          GREASE,
                                          END};
static const guint16 cast_groups[] = {GREASE, 0x001d, 0x0017, 0x0018, END};
static const guint16 cast_shares[] = {GREASE, 0x001d, END};

/* Safari and CFNetwork, iOS 18 / macOS 15 */
static const guint16 safari_ciphers[] = {
    GREASE, 0x1301, 0x1302, 0x1303, 0xc02c, 0xc02b, 0xcca9, 0xc030, 0xc02f, 0xcca8, 0xc00a,
    0xc009, 0xc014, 0xc013, 0x009d, 0x009c, 0x0035, 0x002f, 0xc008, 0xc012, 0x000a, END};
static const guint16 safari_extensions[] = {GREASE,
                                            EXT_SERVER_NAME,
                                            EXT_EMS,
                                            EXT_RENEGOTIATION_INFO,
                                            EXT_GROUPS,
                                            EXT_EC_FORMATS,
                                            EXT_ALPN,
                                            EXT_STATUS_REQUEST,
                                            EXT_SIG_ALGS,
                                            EXT_SCT,
                                            EXT_KEY_SHARE,
                                            EXT_PSK_MODES,
                                            EXT_SUPPORTED_VERSIONS,
                                            EXT_COMPRESS_CERT,
                                            GREASE,
                                            EXT_PADDING,
                                            END};
static const guint16 safari_groups[] = {GREASE, 0x001d, 0x0017, 0x0018, 0x0019, END};
static const guint16 safari_shares[] = {GREASE, 0x001d, END};
static const guint16 safari_sigalgs[] = {0x0403, 0x0804, 0x0401, 0x0503, 0x0203, 0x0805,
                                         0x0805, 0x0501, 0x0806, 0x0601, 0x0201, END};
static const guint16 safari_versions[] = {GREASE, 0x0304, 0x0303, 0x0302, 0x0301, END};

/* Windows 11 SChannel */
static const guint16 schannel_ciphers[] = {
    0x1302, 0x1301, 0xc02c, 0xc02b, 0xc030, 0xc02f, 0xc024, 0xc023, 0xc028, 0xc027, 0xc00a,
    0xc009, 0xc014, 0xc013, 0x009d, 0x009c, 0x003d, 0x003c, 0x0035, 0x002f, 0x000a, END};
static const guint16 schannel_extensions[] = {EXT_SERVER_NAME,
                                              EXT_STATUS_REQUEST,
                                              EXT_GROUPS,
                                              EXT_EC_FORMATS,
                                              EXT_SIG_ALGS,
                                              EXT_SESSION_TICKET,
                                              EXT_ALPN,
                                              EXT_EMS,
                                              EXT_SUPPORTED_VERSIONS,
                                              EXT_PSK_MODES,
                                              EXT_KEY_SHARE,
                                              EXT_RENEGOTIATION_INFO,
                                              END};
static const guint16 schannel_groups[] = {0x001d, 0x0017, 0x0018, END};
static const guint16 x25519_share[] = {0x001d, END};
static const guint16 schannel_sigalgs[] = {0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0201, 0x0403,
                                           0x0503, 0x0203, 0x0202, 0x0601, 0x0603, END};
static const guint16 tls13_versions[] = {0x0304, 0x0303, END};

/* Android platform TLS (Conscrypt over BoringSSL), no GREASE */
static const guint16 conscrypt_ciphers[] = {0x1301, 0x1302, 0x1303, 0xc02b, 0xc02c, 0xcca9,
                                            0xc02f, 0xc030, 0xcca8, 0xc013, 0xc014, 0x009c,
                                            0x009d, 0x002f, 0x0035, END};
static const guint16 conscrypt_extensions[] = {EXT_RENEGOTIATION_INFO,
                                               EXT_SERVER_NAME,
                                               EXT_EMS,
                                               EXT_SESSION_TICKET,
                                               EXT_SIG_ALGS,
                                               EXT_STATUS_REQUEST,
                                               EXT_ALPN,
                                               EXT_EC_FORMATS,
                                               EXT_KEY_SHARE,
                                               EXT_PSK_MODES,
                                               EXT_SUPPORTED_VERSIONS,
                                               EXT_GROUPS,
                                               END};
static const guint16 conscrypt_sigalgs[] = {0x0403, 0x0804, 0x0401, 0x0503, 0x0805,
                                            0x0501, 0x0806, 0x0601, 0x0201, END};

/* OpenSSL 1.1.1 and 3.x defaults */
static const guint16 openssl_ciphers[] = {
    0x1302, 0x1303, 0x1301, 0xc02c, 0xc030, 0x009f, 0xcca9, 0xcca8, 0xccaa, 0xc02b, 0xc02f,
    0x009e, 0xc024, 0xc028, 0x006b, 0xc023, 0xc027, 0x0067, 0xc00a, 0xc014, 0x0039, 0xc009,
    0xc013, 0x0033, 0x009d, 0x009c, 0x003d, 0x003c, 0x0035, 0x002f, 0x00ff, END};
static const guint16 openssl_extensions[] = {EXT_SERVER_NAME,
                                             EXT_EC_FORMATS,
                                             EXT_GROUPS,
                                             EXT_SESSION_TICKET,
                                             EXT_ALPN,
                                             EXT_ENCRYPT_THEN_MAC,
                                             EXT_EMS,
                                             EXT_SIG_ALGS,
                                             EXT_SUPPORTED_VERSIONS,
                                             EXT_PSK_MODES,
                                             EXT_KEY_SHARE,
                                             END};
static const guint16 openssl11_groups[] = {0x001d, 0x0017, 0x001e, 0x0019, 0x0018, END};
static const guint16 openssl3_groups[] = {0x001d, 0x0017, 0x001e, 0x0019, 0x0018, 0x0100,
                                          0x0101, 0x0102, 0x0103, 0x0104, END};
static const guint16 openssl_sigalgs[] = {
    0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x0809, 0x080a, 0x080b, 0x0804, 0x0805, 0x0806, 0x0401,
    0x0501, 0x0601, 0x0303, 0x0203, 0x0301, 0x0201, 0x0302, 0x0202, 0x0402, 0x0502, 0x0602, END};
static const guint16 openssl_versions[] = {0x0304, 0x0303, 0x0302, 0x0301, END};
static const guint8 ec_formats_all[] = {0, 1, 2};
static const guint8 ec_formats_plain[] = {0};

/* OpenSSL 1.0.2, TLS 1.2 only, as older Nest firmware */
static const guint16 openssl102_ciphers[] = {
    0xc030, 0xc02c, 0xc028, 0xc024, 0xc014, 0xc00a, 0x00a5, 0x00a3, 0x00a1, 0x009f, 0x006b, 0x006a,
    0x0069, 0x0068, 0x0039, 0x0038, 0x0037, 0x0036, 0x0088, 0x0087, 0x0086, 0x0085, 0xc032, 0xc02e,
    0xc02a, 0xc026, 0xc00f, 0xc005, 0x009d, 0x003d, 0x0035, 0x0084, 0xc02f, 0xc02b, 0xc027, 0xc023,
    0xc013, 0xc009, 0x00a4, 0x00a2, 0x00a0, 0x009e, 0x0067, 0x0040, 0x003f, 0x003e, 0x0033, 0x0032,
    0x0031, 0x0030, 0x009a, 0x0099, 0x0098, 0x0097, 0x0045, 0x0044, 0x0043, 0x0042, 0xc031, 0xc02d,
    0xc029, 0xc025, 0xc00e, 0xc004, 0x009c, 0x003c, 0x002f, 0x0096, 0x0041, 0x00ff, END};
static const guint16 openssl102_extensions[] = {
    EXT_SERVER_NAME, EXT_EC_FORMATS, EXT_GROUPS, EXT_SESSION_TICKET,
    EXT_SIG_ALGS,    EXT_HEARTBEAT,  END};
static const guint16 openssl102_groups[] = {0x000e, 0x000d, 0x0019, 0x000b, 0x000c, 0x0018, 0x0009,
                                            0x000a, 0x0016, 0x0017, 0x0008, 0x0006, 0x0007, 0x0014,
                                            0x0015, 0x0004, 0x0005, 0x0012, 0x0013, 0x0001, 0x0002,
                                            0x0003, 0x000f, 0x0010, 0x0011, END};
static const guint16 openssl102_sigalgs[] = {0x0601, 0x0602, 0x0603, 0x0501, 0x0502, 0x0503,
                                             0x0401, 0x0402, 0x0403, 0x0301, 0x0302, 0x0303,
                                             0x0201, 0x0202, 0x0203, END};

/* mbed TLS 2.x in ESP-IDF */
static const guint16 mbedtls_ciphers[] = {
    0xc02c, 0xc0ad, 0xc024, 0xc00a, 0xc030, 0xc028, 0xc014, 0x009f, 0xc09f, 0x006b, 0x0039, 0xccaa,
    0xcca9, 0xcca8, 0xc02b, 0xc0ac, 0xc023, 0xc009, 0xc02f, 0xc027, 0xc013, 0x009e, 0xc09e, 0x0067,
    0x0033, 0x009d, 0xc09d, 0x003d, 0x0035, 0x009c, 0xc09c, 0x003c, 0x002f, 0x00ff, END};
static const guint16 mbedtls_extensions[] = {
    EXT_SERVER_NAME,      EXT_SIG_ALGS, EXT_GROUPS, EXT_EC_FORMATS,
    EXT_ENCRYPT_THEN_MAC, EXT_EMS,      EXT_ALPN,   END};
static const guint16 mbedtls_groups[] = {0x001d, 0x0017, 0x0018, 0x0019,
                                         0x001a, 0x001b, 0x001c, END};
static const guint16 mbedtls_sigalgs[] = {0x0603, 0x0601, 0x0503, 0x0501, 0x0403, 0x0401,
                                          0x0303, 0x0301, 0x0203, 0x0201, END};

/* small RTOS stack (Kasa plugs) */
static const guint16 wolfssl_ciphers[] = {0xc02f, 0xc02b, 0xc030, 0xc02c, 0xc027,
                                          0xc023, 0xc013, 0xc009, 0xc014, 0xc00a,
                                          0x009c, 0x009d, 0x002f, 0x0035, END};
static const guint16 wolfssl_extensions[] = {EXT_SERVER_NAME, EXT_GROUPS, EXT_EC_FORMATS,
                                             EXT_SIG_ALGS,    EXT_EMS,    END};
static const guint16 wolfssl_groups[] = {0x0017, 0x0018, 0x0019, END};
static const guint16 wolfssl_sigalgs[] = {0x0601, 0x0603, 0x0501, 0x0503, 0x0401,
                                          0x0403, 0x0201, 0x0203, END};

static const YmTlsProfile profiles[YM_TLS_LAST] = {
    [YM_TLS_CHROME] = {"chrome-146", TRUE, 0x0301, TRUE, 0, 0x0002, "h2,http/1.1", chrome_ciphers,
                       chrome_extensions, chrome_groups, chrome_shares, chrome_sigalgs,
                       chrome_versions, ec_formats_plain, 1},
    [YM_TLS_CAST] = {"chromium-cast", TRUE, 0x0301, TRUE, 0, 0x0002, "h2,http/1.1", chrome_ciphers,
                     cast_extensions, cast_groups, cast_shares, chrome_sigalgs, chrome_versions,
                     ec_formats_plain, 1},
    [YM_TLS_SAFARI] = {"safari-18", FALSE, 0x0301, TRUE, 512, 0x0001, "h2,http/1.1", safari_ciphers,
                       safari_extensions, safari_groups, safari_shares, safari_sigalgs,
                       safari_versions, ec_formats_plain, 1},
    [YM_TLS_SCHANNEL] = {"schannel-win11", FALSE, 0x0303, TRUE, 0, 0, "h2,http/1.1",
                         schannel_ciphers, schannel_extensions, schannel_groups, x25519_share,
                         schannel_sigalgs, tls13_versions, ec_formats_plain, 1},
    [YM_TLS_CONSCRYPT] = {"conscrypt", FALSE, 0x0301, TRUE, 0, 0, "h2,http/1.1", conscrypt_ciphers,
                          conscrypt_extensions, schannel_groups, x25519_share, conscrypt_sigalgs,
                          tls13_versions, ec_formats_plain, 1},
    [YM_TLS_OPENSSL11] = {"openssl-1.1.1", FALSE, 0x0301, TRUE, 0, 0, NULL, openssl_ciphers,
                          openssl_extensions, openssl11_groups, x25519_share, openssl_sigalgs,
                          openssl_versions, ec_formats_all, 3},
    [YM_TLS_OPENSSL3] = {"openssl-3", FALSE, 0x0301, TRUE, 0, 0, NULL, openssl_ciphers,
                         openssl_extensions, openssl3_groups, x25519_share, openssl_sigalgs,
                         openssl_versions, ec_formats_all, 3},
    [YM_TLS_OPENSSL102] = {"openssl-1.0.2", FALSE, 0x0301, FALSE, 0, 0, NULL, openssl102_ciphers,
                           openssl102_extensions, openssl102_groups, NULL, openssl102_sigalgs, NULL,
                           ec_formats_all, 3},
    [YM_TLS_MBEDTLS] = {"mbedtls-2", FALSE, 0x0303, FALSE, 0, 0, NULL, mbedtls_ciphers,
                        mbedtls_extensions, mbedtls_groups, NULL, mbedtls_sigalgs, NULL,
                        ec_formats_plain, 1},
    [YM_TLS_WOLFSSL] = {"rtos-tls", FALSE, 0x0301, FALSE, 0, 0, NULL, wolfssl_ciphers,
                        wolfssl_extensions, wolfssl_groups, NULL, wolfssl_sigalgs, NULL,
                        ec_formats_plain, 1},
};

/* a random GREASE value (RFC 8701: 0x?a?a) not in @used */
static guint16
ym_tls_grease(YmGenCtx *ctx, guint16 *used, guint *n_used)
{
	while (TRUE) {
		guint v = _ym_gen_below(ctx, 16);
		guint16 value = (guint16) ((v << 12) | 0x0a00 | (v << 4) | 0x0a);
		gboolean seen = FALSE;
		for (guint i = 0; i < *n_used; i++)
			seen |= used[i] == value;
		if (!seen) {
			used[(*n_used)++] = value;
			return value;
		}
	}
}

static gsize
ym_tls_share_length(guint16 group)
{
	switch (group) {
	case GROUP_X25519MLKEM768:
		return 1216;
	case 0x001d:
		return 32;
	case 0x0017:
		return 65;
	case 0x0018:
		return 97;
	default:
		return 1;
	}
}

typedef struct {
	YmGenCtx *ctx;
	const YmTlsProfile *profile;
	const gchar *sni;
	const gchar *alpn;
	guint16 grease_group;
	guint16 grease_version;
	guint16 grease_ext[2];
} YmTlsHelloArgs;

static void
ym_tls_put_alpn_list(YmGenBuf *buf, const gchar *alpn)
{
	g_auto(GStrv) protocols = g_strsplit(alpn, ",", -1);
	gsize start = buf->len;
	_ym_gen_buf_put_be16(buf, 0);
	for (guint i = 0; protocols[i] != NULL; i++) {
		_ym_gen_buf_put_u8(buf, (guint8) strlen(protocols[i]));
		_ym_gen_buf_put_str(buf, protocols[i]);
	}
	_ym_gen_buf_patch_len(buf, start, 2, buf->len - start - 2);
}

/* one extension body; returns FALSE when the extension is left out */
static gboolean
ym_tls_put_extension(YmTlsHelloArgs *args, YmGenBuf *buf, guint16 type)
{
	const YmTlsProfile *p = args->profile;
	gsize start;

	switch (type) {
	case EXT_SERVER_NAME:
		if (args->sni == NULL)
			return FALSE;
		_ym_gen_buf_put_be16(buf, (guint16) (strlen(args->sni) + 3));
		_ym_gen_buf_put_u8(buf, 0);
		_ym_gen_buf_put_be16(buf, (guint16) strlen(args->sni));
		_ym_gen_buf_put_str(buf, args->sni);
		return TRUE;
	case EXT_STATUS_REQUEST:
		_ym_gen_buf_put_u8(buf, 1);
		_ym_gen_buf_put_be16(buf, 0);
		_ym_gen_buf_put_be16(buf, 0);
		return TRUE;
	case EXT_GROUPS:
		start = buf->len;
		_ym_gen_buf_put_be16(buf, 0);
		for (guint i = 0; p->groups[i] != END; i++)
			_ym_gen_buf_put_be16(buf, p->groups[i] == GREASE ? args->grease_group
			                                                 : p->groups[i]);
		_ym_gen_buf_patch_len(buf, start, 2, buf->len - start - 2);
		return TRUE;
	case EXT_EC_FORMATS:
		_ym_gen_buf_put_u8(buf, p->n_ec_formats);
		_ym_gen_buf_put_bytes(buf, p->ec_formats, p->n_ec_formats);
		return TRUE;
	case EXT_SIG_ALGS:
		start = buf->len;
		_ym_gen_buf_put_be16(buf, 0);
		for (guint i = 0; p->sigalgs[i] != END; i++)
			_ym_gen_buf_put_be16(buf, p->sigalgs[i]);
		_ym_gen_buf_patch_len(buf, start, 2, buf->len - start - 2);
		return TRUE;
	case EXT_HEARTBEAT:
		_ym_gen_buf_put_u8(buf, 1);
		return TRUE;
	case EXT_ALPN:
		if (args->alpn == NULL || args->alpn[0] == '\0')
			return FALSE;
		ym_tls_put_alpn_list(buf, args->alpn);
		return TRUE;
	case EXT_ALPS:
	case EXT_ALPS_OLD:
		if (args->alpn == NULL || strstr(args->alpn, "h2") == NULL)
			return FALSE;
		ym_tls_put_alpn_list(buf, "h2");
		return TRUE;
	case EXT_SCT:
	case EXT_ENCRYPT_THEN_MAC:
	case EXT_EMS:
	case EXT_SESSION_TICKET:
		return TRUE;
	case EXT_COMPRESS_CERT:
		_ym_gen_buf_put_u8(buf, 2);
		_ym_gen_buf_put_be16(buf, p->compress_cert);
		return TRUE;
	case EXT_SUPPORTED_VERSIONS:
		if (p->versions == NULL)
			return FALSE;
		start = buf->len;
		_ym_gen_buf_put_u8(buf, 0);
		for (guint i = 0; p->versions[i] != END; i++)
			_ym_gen_buf_put_be16(buf, p->versions[i] == GREASE ? args->grease_version
			                                                   : p->versions[i]);
		_ym_gen_buf_patch_len(buf, start, 1, buf->len - start - 1);
		return TRUE;
	case EXT_PSK_MODES:
		_ym_gen_buf_put_u8(buf, 1);
		_ym_gen_buf_put_u8(buf, 1); /* psk_dhe_ke */
		return TRUE;
	case EXT_KEY_SHARE:
		if (p->shares == NULL)
			return FALSE;
		start = buf->len;
		_ym_gen_buf_put_be16(buf, 0);
		for (guint i = 0; p->shares[i] != END; i++) {
			guint16 group = p->shares[i] == GREASE ? args->grease_group : p->shares[i];
			gsize len = p->shares[i] == GREASE ? 1 : ym_tls_share_length(group);
			_ym_gen_buf_put_be16(buf, group);
			_ym_gen_buf_put_be16(buf, (guint16) len);
			if (p->shares[i] == GREASE)
				_ym_gen_buf_put_u8(buf, 0);
			else
				_ym_gen_buf_put_bytes(buf, _ym_gen_noise(args->ctx, len), len);
		}
		_ym_gen_buf_patch_len(buf, start, 2, buf->len - start - 2);
		return TRUE;
	case EXT_ECH: {
		/* GREASE ECH (draft-ietf-tls-esni): outer, HKDF-SHA256, AES-128-GCM */
		gsize payload = 144 + 32 * _ym_gen_below(args->ctx, 4);
		_ym_gen_buf_put_u8(buf, 0);
		_ym_gen_buf_put_be16(buf, 0x0001);
		_ym_gen_buf_put_be16(buf, 0x0001);
		_ym_gen_buf_put_u8(buf, (guint8) _ym_gen_below(args->ctx, 256));
		_ym_gen_buf_put_be16(buf, 32);
		_ym_gen_buf_put_bytes(buf, _ym_gen_noise(args->ctx, 32), 32);
		_ym_gen_buf_put_be16(buf, (guint16) payload);
		_ym_gen_buf_put_bytes(buf, _ym_gen_noise(args->ctx, payload), payload);
		return TRUE;
	}
	case EXT_RENEGOTIATION_INFO:
		_ym_gen_buf_put_u8(buf, 0);
		return TRUE;
	default:
		return FALSE;
	}
}

gsize
_ym_tls_client_hello(YmGenCtx *ctx,
                     YmTlsClient client,
                     const gchar *sni,
                     const gchar *alpn,
                     guint8 *out,
                     gsize cap)
{
	const YmTlsProfile *p = &profiles[client];
	YmTlsHelloArgs args = {
	    .ctx = ctx,
	    .profile = p,
	    .sni = sni,
	    .alpn = alpn != NULL ? alpn : p->alpn,
	};
	guint16 grease_used[8];
	guint n_grease = 0;
	guint16 cipher_grease;
	guint16 order[32];
	guint n_order = 0;
	guint grease_seen = 0;
	gboolean has_padding = FALSE;
	YmGenBuf buf;
	gsize hs_start;
	gsize ext_start;

	/* GREASE values: ciphers, groups and key share, versions, extensions */
	cipher_grease = ym_tls_grease(ctx, grease_used, &n_grease);
	args.grease_group = ym_tls_grease(ctx, grease_used, &n_grease);
	args.grease_version = ym_tls_grease(ctx, grease_used, &n_grease);
	args.grease_ext[0] = ym_tls_grease(ctx, grease_used, &n_grease);
	args.grease_ext[1] = ym_tls_grease(ctx, grease_used, &n_grease);

	for (guint i = 0; p->extensions[i] != END && n_order < G_N_ELEMENTS(order); i++) {
		if (p->extensions[i] == EXT_PADDING)
			has_padding = TRUE;
		else
			order[n_order++] = p->extensions[i];
	}
	/* Chrome shuffles everything between the leading and trailing GREASE */
	if (p->permute && n_order > 3) {
		for (guint i = n_order - 2; i > 1; i--) {
			guint j = 1 + _ym_gen_below(ctx, i);
			guint16 tmp = order[i];
			order[i] = order[j];
			order[j] = tmp;
		}
	}

	_ym_gen_buf_init(&buf, out, cap);
	/* record header */
	_ym_gen_buf_put_u8(&buf, 22);
	_ym_gen_buf_put_be16(&buf, p->record_version);
	_ym_gen_buf_put_be16(&buf, 0);
	/* handshake header */
	hs_start = buf.len;
	_ym_gen_buf_put_u8(&buf, 1);
	_ym_gen_buf_put_be24(&buf, 0);
	_ym_gen_buf_put_be16(&buf, 0x0303);
	_ym_gen_buf_put_bytes(&buf, _ym_gen_noise(ctx, 32), 32);
	if (p->session_id) {
		_ym_gen_buf_put_u8(&buf, 32);
		_ym_gen_buf_put_bytes(&buf, _ym_gen_noise(ctx, 32), 32);
	} else {
		_ym_gen_buf_put_u8(&buf, 0);
	}
	{
		gsize start = buf.len;
		_ym_gen_buf_put_be16(&buf, 0);
		for (guint i = 0; p->ciphers[i] != END; i++)
			_ym_gen_buf_put_be16(&buf, p->ciphers[i] == GREASE ? cipher_grease
			                                                   : p->ciphers[i]);
		_ym_gen_buf_patch_len(&buf, start, 2, buf.len - start - 2);
	}
	_ym_gen_buf_put_u8(&buf, 1);
	_ym_gen_buf_put_u8(&buf, 0); /* null compression */

	ext_start = buf.len;
	_ym_gen_buf_put_be16(&buf, 0);
	for (guint i = 0; i < n_order; i++) {
		guint16 type = order[i];
		gsize body;
		if (type == GREASE) {
			/* the first GREASE extension is empty, the last carries one byte */
			guint16 value = args.grease_ext[MIN(grease_seen, 1)];
			_ym_gen_buf_put_be16(&buf, value);
			_ym_gen_buf_put_be16(&buf, grease_seen == 0 ? 0 : 1);
			if (grease_seen > 0)
				_ym_gen_buf_put_u8(&buf, 0);
			grease_seen++;
			continue;
		}
		_ym_gen_buf_put_be16(&buf, type);
		_ym_gen_buf_put_be16(&buf, 0);
		body = buf.len;
		if (!ym_tls_put_extension(&args, &buf, type)) {
			buf.len = body - 4;
			continue;
		}
		_ym_gen_buf_patch_len(&buf, body - 2, 2, buf.len - body);
	}
	/* BoringSSL pads hellos of 256..511 bytes to 512 (RFC 7685) */
	if (has_padding && p->pad_to > 0) {
		gsize hs_len = buf.len - hs_start;
		if (hs_len > 0xff && hs_len < p->pad_to) {
			gsize pad = p->pad_to - hs_len;
			pad = pad >= 5 ? pad - 4 : 1;
			_ym_gen_buf_put_be16(&buf, EXT_PADDING);
			_ym_gen_buf_put_be16(&buf, (guint16) pad);
			_ym_gen_buf_put_zeros(&buf, pad);
		}
	}
	_ym_gen_buf_patch_len(&buf, ext_start, 2, buf.len - ext_start - 2);
	_ym_gen_buf_patch_len(&buf, hs_start + 1, 3, buf.len - hs_start - 4);
	_ym_gen_buf_patch_len(&buf, 3, 2, buf.len - 5);
	return buf.len;
}

/* X.509 (RFC 5280) in DER, built bottom-up so every length is minimal */

static void
ym_der_put(YmGenBuf *buf, guint8 tag, const guint8 *content, gsize length)
{
	_ym_gen_buf_put_u8(buf, tag);
	if (length < 0x80) {
		_ym_gen_buf_put_u8(buf, (guint8) length);
	} else if (length < 0x100) {
		_ym_gen_buf_put_u8(buf, 0x81);
		_ym_gen_buf_put_u8(buf, (guint8) length);
	} else {
		_ym_gen_buf_put_u8(buf, 0x82);
		_ym_gen_buf_put_be16(buf, (guint16) length);
	}
	_ym_gen_buf_put_bytes(buf, content, length);
}

static void
ym_der_put_name(YmGenBuf *buf, const gchar *country, const gchar *org, const gchar *cn)
{
	static const guint8 oid_c[] = {0x55, 0x04, 0x06};
	static const guint8 oid_o[] = {0x55, 0x04, 0x0a};
	static const guint8 oid_cn[] = {0x55, 0x04, 0x03};
	guint8 seq_data[512];
	YmGenBuf seq;
	struct {
		const guint8 *oid;
		guint8 string_tag;
		const gchar *value;
	} rdns[] = {
	    {oid_c, 0x13, country},
	    {oid_o, 0x0c, org},
	    {oid_cn, 0x0c, cn},
	};

	_ym_gen_buf_init(&seq, seq_data, sizeof(seq_data));
	for (guint i = 0; i < G_N_ELEMENTS(rdns); i++) {
		guint8 atv_data[160];
		guint8 set_data[168];
		YmGenBuf atv;
		YmGenBuf set;
		if (rdns[i].value == NULL)
			continue;
		_ym_gen_buf_init(&atv, atv_data, sizeof(atv_data));
		ym_der_put(&atv, 0x06, rdns[i].oid, 3);
		ym_der_put(&atv, rdns[i].string_tag, (const guint8 *) rdns[i].value,
		           strlen(rdns[i].value));
		_ym_gen_buf_init(&set, set_data, sizeof(set_data));
		ym_der_put(&set, 0x30, atv.data, atv.len);
		ym_der_put(&seq, 0x31, set.data, set.len);
	}
	ym_der_put(buf, 0x30, seq.data, seq.len);
}

static void
ym_der_put_time(YmGenBuf *buf, gint64 usec)
{
	g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc(usec / YM_GEN_SEC);
	g_autofree gchar *text = g_date_time_format(dt, "%y%m%d%H%M%SZ");
	ym_der_put(buf, 0x17, (const guint8 *) text, strlen(text));
}

/* a certificate for @subject_cn issued by @issuer_cn; returns DER length */
static gsize
ym_tls_certificate(YmGenCtx *ctx,
                   gint64 now,
                   const gchar *subject_o,
                   const gchar *subject_cn,
                   const gchar *issuer_o,
                   const gchar *issuer_cn,
                   gboolean is_ca,
                   guint8 *out,
                   gsize cap)
{
	static const guint8 sha256_rsa[] = {0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7,
	                                    0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00};
	static const guint8 rsa_encryption[] = {0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7,
	                                        0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
	static const guint8 version3[] = {0xa0, 0x03, 0x02, 0x01, 0x02};
	static const guint8 exponent[] = {0x02, 0x03, 0x01, 0x00, 0x01};
	static const guint8 oid_san[] = {0x06, 0x03, 0x55, 0x1d, 0x11};
	static const guint8 oid_bc[] = {0x06, 0x03, 0x55, 0x1d, 0x13};
	static const guint8 critical[] = {0x01, 0x01, 0xff};
	static const guint8 ca_true[] = {0x30, 0x06, 0x01, 0x01, 0xff, 0x02, 0x01, 0x00};
	guint8 tbs_data[1400], tmp_data[600], ext_data[400], cert_data[1800];
	YmGenBuf tbs, tmp, ext, cert, result;
	guint8 serial[16];
	guint8 modulus[257];

	_ym_gen_buf_init(&tbs, tbs_data, sizeof(tbs_data));
	_ym_gen_buf_put_bytes(&tbs, version3, sizeof(version3));
	_ym_gen_fill(ctx, serial, sizeof(serial));
	serial[0] = (serial[0] & 0x7f) | 0x01;
	ym_der_put(&tbs, 0x02, serial, sizeof(serial));
	ym_der_put(&tbs, 0x30, sha256_rsa, sizeof(sha256_rsa));
	ym_der_put_name(&tbs, "US", issuer_o, issuer_cn);

	/* validity */
	_ym_gen_buf_init(&tmp, tmp_data, sizeof(tmp_data));
	ym_der_put_time(&tmp, now - (gint64) (30 + _ym_gen_below(ctx, 40)) * 86400 * YM_GEN_SEC);
	ym_der_put_time(&tmp, now + (gint64) (is_ca ? 1500 : 50 + _ym_gen_below(ctx, 40)) * 86400 *
	                                YM_GEN_SEC);
	ym_der_put(&tbs, 0x30, tmp.data, tmp.len);
	ym_der_put_name(&tbs, is_ca ? "US" : NULL, subject_o, subject_cn);

	/* subjectPublicKeyInfo: RSA 2048 */
	_ym_gen_fill(ctx, modulus, sizeof(modulus));
	modulus[0] = 0x00;
	modulus[1] |= 0x80;
	modulus[256] |= 0x01;
	{
		guint8 rsa_data[300], bits_data[300], alg_data[20];
		YmGenBuf rsa, bits, alg;
		_ym_gen_buf_init(&rsa, rsa_data, sizeof(rsa_data));
		ym_der_put(&rsa, 0x02, modulus, sizeof(modulus));
		_ym_gen_buf_put_bytes(&rsa, exponent, sizeof(exponent));
		_ym_gen_buf_init(&bits, bits_data, sizeof(bits_data));
		_ym_gen_buf_put_u8(&bits, 0);
		ym_der_put(&bits, 0x30, rsa.data, rsa.len);
		_ym_gen_buf_init(&alg, alg_data, sizeof(alg_data));
		ym_der_put(&alg, 0x30, rsa_encryption, sizeof(rsa_encryption));
		_ym_gen_buf_init(&tmp, tmp_data, sizeof(tmp_data));
		_ym_gen_buf_put_bytes(&tmp, alg.data, alg.len);
		ym_der_put(&tmp, 0x03, bits.data, bits.len);
		ym_der_put(&tbs, 0x30, tmp.data, tmp.len);
	}

	/* extensions: basicConstraints, and subjectAltName on leaves */
	_ym_gen_buf_init(&ext, ext_data, sizeof(ext_data));
	{
		guint8 one_data[300];
		YmGenBuf one;
		_ym_gen_buf_init(&one, one_data, sizeof(one_data));
		_ym_gen_buf_put_bytes(&one, oid_bc, sizeof(oid_bc));
		_ym_gen_buf_put_bytes(&one, critical, sizeof(critical));
		if (is_ca) {
			ym_der_put(&one, 0x04, ca_true, sizeof(ca_true));
		} else {
			static const guint8 empty_seq[] = {0x30, 0x00};
			ym_der_put(&one, 0x04, empty_seq, sizeof(empty_seq));
		}
		ym_der_put(&ext, 0x30, one.data, one.len);
		if (!is_ca) {
			guint8 san_data[280], names_data[270];
			YmGenBuf san, names;
			_ym_gen_buf_init(&names, names_data, sizeof(names_data));
			ym_der_put(&names, 0x82, (const guint8 *) subject_cn,
			           MIN(strlen(subject_cn), 200));
			_ym_gen_buf_init(&san, san_data, sizeof(san_data));
			ym_der_put(&san, 0x30, names.data, names.len);
			_ym_gen_buf_init(&one, one_data, sizeof(one_data));
			_ym_gen_buf_put_bytes(&one, oid_san, sizeof(oid_san));
			ym_der_put(&one, 0x04, san.data, san.len);
			ym_der_put(&ext, 0x30, one.data, one.len);
		}
		_ym_gen_buf_init(&tmp, tmp_data, sizeof(tmp_data));
		ym_der_put(&tmp, 0x30, ext.data, ext.len);
		ym_der_put(&tbs, 0xa3, tmp.data, tmp.len);
	}

	/* certificate: tbs, algorithm, signature */
	_ym_gen_buf_init(&cert, cert_data, sizeof(cert_data));
	ym_der_put(&cert, 0x30, tbs.data, tbs.len);
	ym_der_put(&cert, 0x30, sha256_rsa, sizeof(sha256_rsa));
	{
		guint8 sig[257];
		sig[0] = 0;
		memcpy(sig + 1, _ym_gen_noise(ctx, 256), 256);
		ym_der_put(&cert, 0x03, sig, sizeof(sig));
	}
	_ym_gen_buf_init(&result, out, cap);
	ym_der_put(&result, 0x30, cert.data, cert.len);
	return result.overflow ? 0 : result.len;
}

/* OCSP (RFC 6960): a "good" answer for one certificate, signed by the CA */

static void
ym_der_put_generalized_time(YmGenBuf *buf, gint64 usec)
{
	g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc(usec / YM_GEN_SEC);
	g_autofree gchar *text = g_date_time_format(dt, "%Y%m%d%H%M%SZ");
	ym_der_put(buf, 0x18, (const guint8 *) text, strlen(text));
}

gsize
_ym_tls_ocsp_response(YmGenCtx *ctx, gint64 now, guint8 *out, gsize cap)
{
	static const guint8 sha1_alg[] = {0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e,
	                                  0x03, 0x02, 0x1a, 0x05, 0x00};
	static const guint8 sha256_rsa[] = {0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7,
	                                    0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00};
	static const guint8 oid_basic[] = {0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x01};
	static const guint8 good[] = {0x80, 0x00};
	static const guint8 successful[] = {0x0a, 0x01, 0x00};
	guint8 a_data[256], b_data[512], c_data[768], d_data[1024];
	YmGenBuf a, b, c, d, result;
	guint8 serial[16];
	guint8 sig[257];
	gint64 produced = now - (gint64) _ym_gen_between(ctx, 3600, 86400) * YM_GEN_SEC;

	/* CertID */
	_ym_gen_buf_init(&a, a_data, sizeof(a_data));
	_ym_gen_buf_put_bytes(&a, sha1_alg, sizeof(sha1_alg));
	ym_der_put(&a, 0x04, _ym_gen_noise(ctx, 20), 20);
	ym_der_put(&a, 0x04, _ym_gen_noise(ctx, 20), 20);
	_ym_gen_fill(ctx, serial, sizeof(serial));
	serial[0] = (serial[0] & 0x7f) | 0x01;
	ym_der_put(&a, 0x02, serial, sizeof(serial));
	/* SingleResponse */
	_ym_gen_buf_init(&b, b_data, sizeof(b_data));
	ym_der_put(&b, 0x30, a.data, a.len);
	_ym_gen_buf_put_bytes(&b, good, sizeof(good));
	ym_der_put_generalized_time(&b, produced);
	_ym_gen_buf_init(&a, a_data, sizeof(a_data));
	ym_der_put_generalized_time(&a, produced + 7 * 86400 * YM_GEN_SEC);
	ym_der_put(&b, 0xa0, a.data, a.len);
	/* responses */
	_ym_gen_buf_init(&a, a_data, sizeof(a_data));
	ym_der_put(&a, 0x30, b.data, b.len);
	/* ResponseData: byKey responder, producedAt, responses */
	_ym_gen_buf_init(&c, c_data, sizeof(c_data));
	{
		guint8 key_data[32];
		YmGenBuf key;
		_ym_gen_buf_init(&key, key_data, sizeof(key_data));
		ym_der_put(&key, 0x04, _ym_gen_noise(ctx, 20), 20);
		ym_der_put(&c, 0xa2, key.data, key.len);
	}
	ym_der_put_generalized_time(&c, produced);
	ym_der_put(&c, 0x30, a.data, a.len);
	/* BasicOCSPResponse */
	_ym_gen_buf_init(&d, d_data, sizeof(d_data));
	ym_der_put(&d, 0x30, c.data, c.len);
	ym_der_put(&d, 0x30, sha256_rsa, sizeof(sha256_rsa));
	sig[0] = 0;
	memcpy(sig + 1, _ym_gen_noise(ctx, 256), 256);
	ym_der_put(&d, 0x03, sig, sizeof(sig));
	/* ResponseBytes */
	_ym_gen_buf_init(&c, c_data, sizeof(c_data));
	ym_der_put(&c, 0x06, oid_basic, sizeof(oid_basic));
	_ym_gen_buf_init(&b, b_data, sizeof(b_data));
	_ym_gen_buf_init(&a, a_data, sizeof(a_data));
	{
		guint8 basic_data[1024];
		YmGenBuf basic;
		_ym_gen_buf_init(&basic, basic_data, sizeof(basic_data));
		ym_der_put(&basic, 0x30, d.data, d.len);
		ym_der_put(&c, 0x04, basic.data, basic.len);
	}
	ym_der_put(&b, 0x30, c.data, c.len);
	/* OCSPResponse */
	_ym_gen_buf_init(&d, d_data, sizeof(d_data));
	_ym_gen_buf_put_bytes(&d, successful, sizeof(successful));
	ym_der_put(&d, 0xa0, b.data, b.len);
	_ym_gen_buf_init(&result, out, cap);
	ym_der_put(&result, 0x30, d.data, d.len);
	return result.overflow ? 0 : result.len;
}

/* handshake and records */

static void
ym_tls_record_begin(YmGenBuf *buf, guint8 type, gsize *start)
{
	*start = buf->len;
	_ym_gen_buf_put_u8(buf, type);
	_ym_gen_buf_put_be16(buf, 0x0303);
	_ym_gen_buf_put_be16(buf, 0);
}

static void
ym_tls_record_end(YmGenBuf *buf, gsize start)
{
	_ym_gen_buf_patch_len(buf, start + 3, 2, buf->len - start - 5);
}

/* an encrypted record of @length body bytes */
static void
ym_tls_put_opaque_record(YmGenCtx *ctx, YmGenBuf *buf, guint8 type, gsize length)
{
	_ym_gen_buf_put_u8(buf, type);
	_ym_gen_buf_put_be16(buf, 0x0303);
	_ym_gen_buf_put_be16(buf, (guint16) length);
	_ym_gen_buf_put_bytes(buf, _ym_gen_noise(ctx, length), length);
}

static void
ym_tls_put_ccs(YmGenBuf *buf)
{
	static const guint8 ccs[] = {20, 0x03, 0x03, 0x00, 0x01, 0x01};
	_ym_gen_buf_put_bytes(buf, ccs, sizeof(ccs));
}

static gboolean
ym_tls_profile_has(const guint16 *list, guint16 value)
{
	for (guint i = 0; list != NULL && list[i] != END; i++) {
		if (list[i] == value)
			return TRUE;
	}
	return FALSE;
}

static guint16
ym_tls_pick_cipher12(const YmTlsProfile *p)
{
	static const guint16 preferred[] = {0xc02f, 0xc030, 0xcca8, 0xc02b, 0x009c, 0x002f};
	for (guint i = 0; i < G_N_ELEMENTS(preferred); i++) {
		if (ym_tls_profile_has(p->ciphers, preferred[i]))
			return preferred[i];
	}
	return p->ciphers[0];
}

/* the first ALPN protocol the client offered, or NULL */
static gchar *
ym_tls_first_alpn(const gchar *alpn)
{
	const gchar *comma;
	if (alpn == NULL || alpn[0] == '\0')
		return NULL;
	comma = strchr(alpn, ',');
	return comma != NULL ? g_strndup(alpn, comma - alpn) : g_strdup(alpn);
}

static void
ym_tls_put_server_hello(YmGenCtx *ctx,
                        YmGenBuf *buf,
                        const YmTlsProfile *p,
                        YmTlsSession *session,
                        const gchar *alpn,
                        guint16 share_group,
                        gboolean ems)
{
	gsize hs;
	gsize ext;
	gsize rec;

	ym_tls_record_begin(buf, 22, &rec);
	hs = buf->len;
	_ym_gen_buf_put_u8(buf, 2);
	_ym_gen_buf_put_be24(buf, 0);
	_ym_gen_buf_put_be16(buf, 0x0303);
	_ym_gen_buf_put_bytes(buf, _ym_gen_noise(ctx, 32), 32);
	if (session->version == 0x0304 && !p->session_id) {
		_ym_gen_buf_put_u8(buf, 0);
	} else {
		_ym_gen_buf_put_u8(buf, 32);
		_ym_gen_buf_put_bytes(buf, _ym_gen_noise(ctx, 32), 32);
	}
	_ym_gen_buf_put_be16(buf, session->cipher);
	_ym_gen_buf_put_u8(buf, 0);
	ext = buf->len;
	_ym_gen_buf_put_be16(buf, 0);
	if (session->version == 0x0304) {
		gsize len = share_group == GROUP_X25519MLKEM768 ? 1120 : 32;
		_ym_gen_buf_put_be16(buf, EXT_KEY_SHARE);
		_ym_gen_buf_put_be16(buf, (guint16) (4 + len));
		_ym_gen_buf_put_be16(buf, share_group);
		_ym_gen_buf_put_be16(buf, (guint16) len);
		_ym_gen_buf_put_bytes(buf, _ym_gen_noise(ctx, len), len);
		_ym_gen_buf_put_be16(buf, EXT_SUPPORTED_VERSIONS);
		_ym_gen_buf_put_be16(buf, 2);
		_ym_gen_buf_put_be16(buf, 0x0304);
	} else {
		g_autofree gchar *proto = ym_tls_first_alpn(alpn);
		if (ym_tls_profile_has(p->extensions, EXT_RENEGOTIATION_INFO) ||
		    ym_tls_profile_has(p->ciphers, 0x00ff)) {
			_ym_gen_buf_put_be16(buf, EXT_RENEGOTIATION_INFO);
			_ym_gen_buf_put_be16(buf, 1);
			_ym_gen_buf_put_u8(buf, 0);
		}
		if (ems) {
			_ym_gen_buf_put_be16(buf, EXT_EMS);
			_ym_gen_buf_put_be16(buf, 0);
		}
		_ym_gen_buf_put_be16(buf, EXT_EC_FORMATS);
		_ym_gen_buf_put_be16(buf, 2);
		_ym_gen_buf_put_u8(buf, 1);
		_ym_gen_buf_put_u8(buf, 0);
		if (session->ticket) {
			_ym_gen_buf_put_be16(buf, EXT_SESSION_TICKET);
			_ym_gen_buf_put_be16(buf, 0);
		}
		if (proto != NULL) {
			gsize n = strlen(proto);
			_ym_gen_buf_put_be16(buf, EXT_ALPN);
			_ym_gen_buf_put_be16(buf, (guint16) (n + 3));
			_ym_gen_buf_put_be16(buf, (guint16) (n + 1));
			_ym_gen_buf_put_u8(buf, (guint8) n);
			_ym_gen_buf_put_str(buf, proto);
		}
	}
	_ym_gen_buf_patch_len(buf, ext, 2, buf->len - ext - 2);
	_ym_gen_buf_patch_len(buf, hs + 1, 3, buf->len - hs - 4);
	ym_tls_record_end(buf, rec);
}

/* Certificate, ServerKeyExchange and ServerHelloDone of a TLS 1.2 server */
static void
ym_tls_put_server_certificates(YmGenCtx *ctx,
                               YmGenBuf *buf,
                               const YmTlsServer *server,
                               const gchar *sni,
                               gint64 now)
{
	guint8 leaf[1800];
	guint8 inter[1800];
	gsize leaf_len;
	gsize inter_len;
	gsize rec;

	leaf_len = ym_tls_certificate(ctx, now, NULL, sni != NULL ? sni : "localhost",
	                              server->issuer_o, server->issuer, FALSE, leaf, sizeof(leaf));
	inter_len = ym_tls_certificate(ctx, now, server->issuer_o, server->issuer, server->issuer_o,
	                               server->root != NULL ? server->root : server->issuer, TRUE,
	                               inter, sizeof(inter));

	/* Certificate */
	ym_tls_record_begin(buf, 22, &rec);
	_ym_gen_buf_put_u8(buf, 11);
	_ym_gen_buf_put_be24(buf, (guint32) (3 + 3 + leaf_len + 3 + inter_len));
	_ym_gen_buf_put_be24(buf, (guint32) (3 + leaf_len + 3 + inter_len));
	_ym_gen_buf_put_be24(buf, (guint32) leaf_len);
	_ym_gen_buf_put_bytes(buf, leaf, leaf_len);
	_ym_gen_buf_put_be24(buf, (guint32) inter_len);
	_ym_gen_buf_put_bytes(buf, inter, inter_len);
	ym_tls_record_end(buf, rec);

	/* ServerKeyExchange: ECDHE x25519, RSA-PSS signature */
	ym_tls_record_begin(buf, 22, &rec);
	_ym_gen_buf_put_u8(buf, 12);
	_ym_gen_buf_put_be24(buf, 4 + 32 + 4 + 256);
	_ym_gen_buf_put_u8(buf, 3); /* named_curve */
	_ym_gen_buf_put_be16(buf, 0x001d);
	_ym_gen_buf_put_u8(buf, 32);
	_ym_gen_buf_put_bytes(buf, _ym_gen_noise(ctx, 32), 32);
	_ym_gen_buf_put_be16(buf, 0x0804);
	_ym_gen_buf_put_be16(buf, 256);
	_ym_gen_buf_put_bytes(buf, _ym_gen_noise(ctx, 256), 256);
	ym_tls_record_end(buf, rec);

	/* ServerHelloDone */
	ym_tls_record_begin(buf, 22, &rec);
	_ym_gen_buf_put_u8(buf, 14);
	_ym_gen_buf_put_be24(buf, 0);
	ym_tls_record_end(buf, rec);
}

gint64
_ym_tls_handshake(YmGenCtx *ctx,
                  YmGenTcp *tcp,
                  YmTlsSession *session,
                  YmTlsClient client,
                  const YmTlsServer *server,
                  const gchar *sni,
                  const gchar *alpn,
                  gint64 t)
{
	const YmTlsProfile *p = &profiles[client];
	guint8 data[12288];
	YmGenBuf buf;
	gsize n;
	guint16 share = 0x001d;
	gboolean ems = ym_tls_profile_has(p->extensions, EXT_EMS);

	/* the server sees what the client offered */
	if (alpn == NULL)
		alpn = p->alpn;

	memset(session, 0, sizeof(*session));
	session->version = 0x0303;
	if (server->version == 0x0304 && ym_tls_profile_has(p->versions, 0x0304))
		session->version = 0x0304;
	session->ticket = ym_tls_profile_has(p->extensions, EXT_SESSION_TICKET);
	if (server->pq && ym_tls_profile_has(p->shares, GROUP_X25519MLKEM768))
		share = GROUP_X25519MLKEM768;

	/* ClientHello */
	n = _ym_tls_client_hello(ctx, client, sni, alpn, data, sizeof(data));
	t = _ym_gen_tcp_send(ctx, tcp, YM_GEN_CLIENT, data, n, t);
	t += tcp->rtt;

	_ym_gen_buf_init(&buf, data, sizeof(data));
	if (session->version == 0x0304) {
		session->cipher = ym_tls_profile_has(p->ciphers, 0x1301) ? 0x1301 : 0x1302;
		session->overhead = 17;
		ym_tls_put_server_hello(ctx, &buf, p, session, alpn, share, ems);
		if (p->session_id)
			ym_tls_put_ccs(&buf);
		/* EncryptedExtensions, Certificate, CertificateVerify, Finished */
		ym_tls_put_opaque_record(ctx, &buf, 23, 24 + _ym_gen_below(ctx, 40) + 17);
		ym_tls_put_opaque_record(ctx, &buf, 23, 2400 + _ym_gen_below(ctx, 1600));
		ym_tls_put_opaque_record(ctx, &buf, 23, 264 + 17);
		ym_tls_put_opaque_record(ctx, &buf, 23, 36 + 17);
		t = _ym_gen_tcp_send(ctx, tcp, YM_GEN_SERVER, buf.data, buf.len, t);
		t += tcp->lan;

		/* client: ChangeCipherSpec and Finished */
		_ym_gen_buf_init(&buf, data, sizeof(data));
		if (p->session_id)
			ym_tls_put_ccs(&buf);
		ym_tls_put_opaque_record(ctx, &buf, 23, 36 + 17);
		t = _ym_gen_tcp_send(ctx, tcp, YM_GEN_CLIENT, buf.data, buf.len, t);
		session->records[YM_GEN_CLIENT] = 1;
		session->records[YM_GEN_SERVER] = 4;
		return t + 50;
	}

	/* TLS 1.2 */
	session->cipher = ym_tls_pick_cipher12(p);
	session->explicit_nonce = (session->cipher & 0xff00) == 0xcc00 ? 0 : 8;
	session->overhead = session->explicit_nonce + 16;
	ym_tls_put_server_hello(ctx, &buf, p, session, alpn, share, ems);
	ym_tls_put_server_certificates(ctx, &buf, server, sni, t);
	t = _ym_gen_tcp_send(ctx, tcp, YM_GEN_SERVER, buf.data, buf.len, t);
	t += tcp->lan + 800;

	/* client: ClientKeyExchange, ChangeCipherSpec, Finished */
	_ym_gen_buf_init(&buf, data, sizeof(data));
	{
		gsize rec;
		ym_tls_record_begin(&buf, 22, &rec);
		_ym_gen_buf_put_u8(&buf, 16);
		_ym_gen_buf_put_be24(&buf, 33);
		_ym_gen_buf_put_u8(&buf, 32);
		_ym_gen_buf_put_bytes(&buf, _ym_gen_noise(ctx, 32), 32);
		ym_tls_record_end(&buf, rec);
	}
	ym_tls_put_ccs(&buf);
	ym_tls_put_opaque_record(ctx, &buf, 22, 16 + session->overhead);
	t = _ym_gen_tcp_send(ctx, tcp, YM_GEN_CLIENT, buf.data, buf.len, t);
	t += tcp->rtt;

	/* server: NewSessionTicket, ChangeCipherSpec, Finished */
	_ym_gen_buf_init(&buf, data, sizeof(data));
	if (session->ticket) {
		gsize rec;
		gsize ticket = 160 + 16 * _ym_gen_below(ctx, 4);
		ym_tls_record_begin(&buf, 22, &rec);
		_ym_gen_buf_put_u8(&buf, 4);
		_ym_gen_buf_put_be24(&buf, (guint32) (4 + 2 + ticket));
		_ym_gen_buf_put_be32(&buf, 7200);
		_ym_gen_buf_put_be16(&buf, (guint16) ticket);
		_ym_gen_buf_put_bytes(&buf, _ym_gen_noise(ctx, ticket), ticket);
		ym_tls_record_end(&buf, rec);
	}
	ym_tls_put_ccs(&buf);
	ym_tls_put_opaque_record(ctx, &buf, 22, 16 + session->overhead);
	t = _ym_gen_tcp_send(ctx, tcp, YM_GEN_SERVER, buf.data, buf.len, t);
	return t + tcp->lan;
}

/* record streams */

#define YM_TLS_MAX_PLAINTEXT 16384

void
_ym_tls_stream_init(YmTlsStream *stream, const YmTlsSession *session, guint64 payload)
{
	guint64 records = (payload + YM_TLS_MAX_PLAINTEXT - 1) / YM_TLS_MAX_PLAINTEXT;
	guint16 overhead = session->overhead != 0 ? session->overhead : 17;
	memset(stream, 0, sizeof(*stream));
	stream->overhead = overhead;
	stream->left = payload + MAX(records, 1) * (5 + overhead);
}

gboolean
_ym_tls_stream_done(const YmTlsStream *stream)
{
	return stream->left == 0;
}

static void
ym_tls_stream_fill(YmGenCtx *ctx, YmTlsStream *stream, guint8 *out, gsize length)
{
	gsize off = 0;
	while (off < length && stream->left > 0) {
		if (stream->record_left == 0) {
			guint64 rest = stream->left;
			guint64 max_body = YM_TLS_MAX_PLAINTEXT + stream->overhead;
			guint64 body = MIN(rest - 5, max_body);
			guint64 after = rest - 5 - body;
			/* leave room for a whole last record */
			if (after > 0 && after < 5u + stream->overhead + 1u)
				body -= 5u + stream->overhead + 1u;
			stream->record_len = (guint32) body;
			stream->record_left = (guint32) (body + 5);
		}
		if (stream->record_left > stream->record_len) {
			guint8 header[5] = {23, 0x03, 0x03, (guint8) (stream->record_len >> 8),
			                    (guint8) (stream->record_len & 0xff)};
			out[off++] = header[5 - (stream->record_left - stream->record_len)];
			stream->record_left--;
			stream->left--;
		} else {
			gsize n = MIN((gsize) stream->record_left, length - off);
			memcpy(out + off, _ym_gen_noise(ctx, n), n);
			off += n;
			stream->record_left -= (guint32) n;
			stream->left -= n;
		}
	}
}

gint64
_ym_tls_stream_send(YmGenCtx *ctx,
                    YmGenTcp *tcp,
                    YmTlsStream *stream,
                    guint dir,
                    guint max_segments,
                    gint64 gap,
                    gint64 t)
{
	gsize mss = _ym_gen_tcp_segment_size(tcp);
	guint8 segment[YM_GEN_FRAME_MAX];
	gint64 last = t;

	gap = _ym_gen_tcp_pace(tcp, dir, gap);
	for (guint i = 0; i < max_segments && stream->left > 0; i++) {
		gsize n = (gsize) MIN((guint64) mss, stream->left);
		ym_tls_stream_fill(ctx, stream, segment, n);
		last = _ym_gen_tcp_segment(ctx, tcp, dir, stream->left == 0 ? YM_GEN_TCP_PSH : 0,
		                           segment, n, t);
		t += gap;
	}
	return last;
}

gint64
_ym_tls_send(YmGenCtx *ctx, YmGenTcp *tcp, YmTlsSession *session, guint dir, gsize length, gint64 t)
{
	YmTlsStream stream;
	_ym_tls_stream_init(&stream, session, length);
	session->records[dir]++;
	return _ym_tls_stream_send(ctx, tcp, &stream, dir, G_MAXUINT, tcp->gap[dir], t);
}

gint64
_ym_tls_close(YmGenCtx *ctx, YmGenTcp *tcp, YmTlsSession *session, guint dir, gint64 t)
{
	guint8 data[64];
	YmGenBuf buf;
	_ym_gen_buf_init(&buf, data, sizeof(data));
	/* TLS 1.3 hides the alert type inside application data records */
	ym_tls_put_opaque_record(ctx, &buf, session->version == 0x0304 ? 23 : 21,
	                         2 + (session->overhead != 0 ? session->overhead : 17));
	t = _ym_gen_tcp_send(ctx, tcp, dir, buf.data, buf.len, t);
	return _ym_gen_tcp_close(ctx, tcp, dir, t + 200);
}
