/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ym-decode.h"

G_BEGIN_DECLS

/* a raw view compared with a string; an unset view reads as "" */
#define ym_test_assert_str(str, expected)                                                          \
	G_STMT_START                                                                               \
	{                                                                                          \
		YmStr str_ = (str);                                                                \
		g_autofree gchar *text_ =                                                          \
		    g_strndup(str_.data != NULL ? str_.data : "", str_.length);                    \
		g_assert_cmpstr(text_, ==, (expected));                                            \
	}                                                                                          \
	G_STMT_END

/* a YmPacket is too big for the stack; the caller frees it with g_free() */
static inline YmPacket *
ym_test_packet_new(void)
{
	YmPacket *packet = g_new0(YmPacket, 1);
	ym_packet_reset(packet);
	return packet;
}

/* a view that is never copied points into the bytes it was decoded from */
static inline void
ym_test_assert_view_in_payload(YmStr str, const guint8 *data, gsize length)
{
	if (str.data == NULL)
		return;
	g_assert_true((const guint8 *) str.data >= data);
	g_assert_true((const guint8 *) str.data + str.length <= data + length);
}

/* a view points into the payload, or into the used part of the packet scratch */
static inline void
ym_test_assert_view_within(const YmPacket *packet, YmStr str, const guint8 *data, gsize length)
{
	const gchar *start = str.data;
	if (start == NULL)
		return;
	if (start >= packet->scratch && start < packet->scratch + sizeof(packet->scratch)) {
		g_assert_true(start + str.length <= packet->scratch + packet->scratch_used);
		return;
	}
	ym_test_assert_view_in_payload(str, data, length);
}

/*
 * decoders read from an exact-size heap copy so that ASan catches any
 * overread; the decoded views point into it, so it lives until the next copy
 * (ym_test_run() frees the last one)
 */
static guint8 *ym_test_exact_copy_data;

static inline const guint8 *
ym_test_exact_copy(const guint8 *data, gsize length)
{
	g_free(ym_test_exact_copy_data);
	ym_test_exact_copy_data = g_memdup2(data, length);
	return ym_test_exact_copy_data;
}

/* the payload decoders that take nothing but the bytes */
typedef YmDecodeResult (*YmTestDecoder)(YmPacket *packet, const guint8 *data, gsize length);

/* reset @packet and decode an exact-size copy of *@data, which then points at the copy */
static inline YmDecodeResult
ym_test_decode_exact(YmPacket *packet, YmTestDecoder decoder, const guint8 **data, gsize length)
{
	*data = ym_test_exact_copy(*data, length);
	ym_packet_reset(packet);
	return decoder(packet, *data, length);
}

/* g_test_run(), then free the last exact-size copy so LSan sees no leak */
static inline int
ym_test_run(void)
{
	int result = g_test_run();
	g_clear_pointer(&ym_test_exact_copy_data, g_free);
	return result;
}

/* builders for hand-made messages: bytes in network order */
static inline void
ym_test_put_u8(GByteArray *message, guint8 value)
{
	g_byte_array_append(message, &value, 1);
}

static inline void
ym_test_put_be16(GByteArray *message, guint16 value)
{
	guint8 bytes[] = {value >> 8, value & 0xff};
	g_byte_array_append(message, bytes, sizeof(bytes));
}

/* a real message of a table of cases, named after its array for failure messages */
typedef struct {
	const gchar *name;
	const guint8 *data;
	gsize length;
} YmTestMessage;

/* clang-format off */
#define YM_TEST_MESSAGE(array) {#array, (array), sizeof(array)}
/* clang-format on */

/* which prefixes ym_test_foreach_prefix() decodes: the whole message too, or not */
typedef enum {
	YM_TEST_PREFIXES_SHORTER,
	YM_TEST_PREFIXES_AND_WHOLE,
} YmTestPrefixes;

/* called with an exact-size copy of each prefix of a message of @whole_length bytes */
typedef void (*YmTestPrefixFunc)(YmPacket *packet,
                                 const guint8 *prefix,
                                 gsize length,
                                 gsize whole_length,
                                 gconstpointer user_data);

/* every prefix of @data, each from its own exact-size heap copy */
static inline void
ym_test_foreach_prefix(YmPacket *packet,
                       const gchar *name,
                       const guint8 *data,
                       gsize length,
                       YmTestPrefixes prefixes,
                       YmTestPrefixFunc func,
                       gconstpointer user_data)
{
	gsize end = prefixes == YM_TEST_PREFIXES_AND_WHOLE ? length + 1 : length;

	g_test_message("every prefix of %s (%" G_GSIZE_FORMAT " bytes)", name, length);
	for (gsize n = 0; n < end; n++) {
		g_autofree guint8 *prefix = g_memdup2(data, n);
		func(packet, prefix, n, length, user_data);
	}
}

/* every prefix of each message of a table; @func gets the YmTestMessage as user data */
static inline void
ym_test_foreach_prefix_of_messages(YmPacket *packet,
                                   const YmTestMessage *messages,
                                   gsize n_messages,
                                   YmTestPrefixes prefixes,
                                   YmTestPrefixFunc func)
{
	for (gsize m = 0; m < n_messages; m++) {
		ym_test_foreach_prefix(packet, messages[m].name, messages[m].data,
		                       messages[m].length, prefixes, func, &messages[m]);
	}
}

G_END_DECLS
