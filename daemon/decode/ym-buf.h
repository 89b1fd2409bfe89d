/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/*
 * bounds-checked reading of untrusted bytes: every accessor checks the
 * remaining length first and returns FALSE without moving when it is short,
 * so decoders never read past the captured data
 */

typedef struct {
	const guint8 *data;
	gsize length;
	gsize offset;
} YmBuf;

static inline void
ym_buf_init(YmBuf *buf, const guint8 *data, gsize length)
{
	buf->data = data;
	buf->length = data != NULL ? length : 0;
	buf->offset = 0;
}

static inline gsize
ym_buf_remaining(const YmBuf *buf)
{
	return buf->length - buf->offset;
}

static inline const guint8 *
ym_buf_current(const YmBuf *buf)
{
	return buf->data + buf->offset;
}

static inline gboolean
ym_buf_has(const YmBuf *buf, gsize count)
{
	return count <= buf->length - buf->offset;
}

static inline gboolean
ym_buf_skip(YmBuf *buf, gsize count)
{
	if (!ym_buf_has(buf, count))
		return FALSE;
	buf->offset += count;
	return TRUE;
}

static inline gboolean
ym_buf_seek(YmBuf *buf, gsize offset)
{
	if (offset > buf->length)
		return FALSE;
	buf->offset = offset;
	return TRUE;
}

static inline gboolean
ym_buf_get_u8(YmBuf *buf, guint8 *value)
{
	if (!ym_buf_has(buf, 1))
		return FALSE;
	*value = buf->data[buf->offset];
	buf->offset += 1;
	return TRUE;
}

static inline gboolean
ym_buf_get_be16(YmBuf *buf, guint16 *value)
{
	const guint8 *p;
	if (!ym_buf_has(buf, 2))
		return FALSE;
	p = buf->data + buf->offset;
	*value = (guint16) ((p[0] << 8) | p[1]);
	buf->offset += 2;
	return TRUE;
}

static inline gboolean
ym_buf_get_be24(YmBuf *buf, guint32 *value)
{
	const guint8 *p;
	if (!ym_buf_has(buf, 3))
		return FALSE;
	p = buf->data + buf->offset;
	*value = ((guint32) p[0] << 16) | ((guint32) p[1] << 8) | p[2];
	buf->offset += 3;
	return TRUE;
}

static inline gboolean
ym_buf_get_be32(YmBuf *buf, guint32 *value)
{
	const guint8 *p;
	if (!ym_buf_has(buf, 4))
		return FALSE;
	p = buf->data + buf->offset;
	*value = ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
	buf->offset += 4;
	return TRUE;
}

static inline gboolean
ym_buf_get_le16(YmBuf *buf, guint16 *value)
{
	const guint8 *p;
	if (!ym_buf_has(buf, 2))
		return FALSE;
	p = buf->data + buf->offset;
	*value = (guint16) (p[0] | (p[1] << 8));
	buf->offset += 2;
	return TRUE;
}

static inline gboolean
ym_buf_get_le32(YmBuf *buf, guint32 *value)
{
	const guint8 *p;
	if (!ym_buf_has(buf, 4))
		return FALSE;
	p = buf->data + buf->offset;
	*value = ((guint32) p[3] << 24) | ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
	buf->offset += 4;
	return TRUE;
}

/* borrow @count bytes without copying; *value points into the buffer */
static inline gboolean
ym_buf_get_bytes(YmBuf *buf, gsize count, const guint8 **value)
{
	if (!ym_buf_has(buf, count))
		return FALSE;
	*value = buf->data + buf->offset;
	buf->offset += count;
	return TRUE;
}

static inline gboolean
ym_buf_copy_bytes(YmBuf *buf, gsize count, guint8 *dest)
{
	if (!ym_buf_has(buf, count))
		return FALSE;
	memcpy(dest, buf->data + buf->offset, count);
	buf->offset += count;
	return TRUE;
}

/* a sub-buffer of the next @count bytes; the parent moves past them */
static inline gboolean
ym_buf_get_sub(YmBuf *buf, gsize count, YmBuf *sub)
{
	if (!ym_buf_has(buf, count))
		return FALSE;
	ym_buf_init(sub, buf->data + buf->offset, count);
	buf->offset += count;
	return TRUE;
}

G_END_DECLS
