/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * reads pcap (tcpdump.org, draft-ietf-opsawg-pcap) and pcapng
 * (draft-ietf-opsawg-pcapng) files ourselves rather than through libpcap:
 * we need the packet number and byte offset where a file breaks, the bytes
 * of a last packet that was cut short, and one copy-free pass through a
 * large read buffer for speed. Live capture still uses libpcap.
 *
 * pcap:   global header (24) | record header (16) | data | record header ...
 *         record: ts_sec(4) ts_frac(4) caplen(4) origlen(4)
 * pcapng: blocks of  type(4) | total length(4) | body | total length(4)
 *         SHB 0x0a0d0d0a, IDB 1, SPB 3, EPB 6, obsolete PB 2; others skipped
 */

#define G_LOG_DOMAIN "YmCaptureFile"

#include "config.h"

#include "ym-capture-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ym-error.h"

#define PCAP_MAGIC_USEC   0xa1b2c3d4
#define PCAP_MAGIC_NSEC   0xa1b23c4d
#define PCAPNG_SHB        0x0a0d0d0a
#define PCAPNG_BYTE_ORDER 0x1a2b3c4d
#define PCAPNG_IDB        0x00000001
#define PCAPNG_PB         0x00000002
#define PCAPNG_SPB        0x00000003
#define PCAPNG_EPB        0x00000006
#define MAX_CAPLEN        (256 * 1024)
#define MAX_BLOCK         (16 * 1024 * 1024)
#define MAX_INTERFACES    256
#define READ_CHUNK        (1024 * 1024)

typedef struct {
	guint32 linktype;
	guint32 snaplen;
	gint64 tsresol_num; /* ticks per second */
	gint64 tsoffset;    /* seconds */
} YmPcapngInterface;

struct _YmCaptureFile {
	YmCaptureSource parent_instance;
	/* owned */
	gint fd;
	guint8 *buffer;
	gsize buffer_size;
	gchar *warning;
	GArray *interfaces; /* of YmPcapngInterface */
	/* borrowed: memory-backed files */
	const guint8 *memory;
	gsize memory_length;
	/* window of the file held in the buffer */
	const guint8 *window;
	gsize window_length;
	gsize window_pos;
	guint64 window_offset; /* file offset of window[0] */
	gboolean eof;
	/* format */
	gboolean is_pcapng;
	gboolean swapped;
	gboolean nanoseconds;
	guint32 linktype;
	guint32 snaplen;
	guint64 number;
	gboolean finished;
};

G_DEFINE_TYPE(YmCaptureFile, ym_capture_file, YM_TYPE_CAPTURE_SOURCE)

static inline guint32
rd32(const YmCaptureFile *self, const guint8 *p)
{
	guint32 v;
	memcpy(&v, p, 4);
	return self->swapped ? GUINT32_SWAP_LE_BE(v) : v;
}

static inline guint16
rd16(const YmCaptureFile *self, const guint8 *p)
{
	guint16 v;
	memcpy(&v, p, 2);
	return self->swapped ? GUINT16_SWAP_LE_BE(v) : v;
}

static const gchar *
file_name(YmCaptureFile *self)
{
	return ym_capture_source_get_name(YM_CAPTURE_SOURCE(self));
}

static guint64
current_offset(YmCaptureFile *self)
{
	return self->window_offset + self->window_pos;
}

/* make at least @count bytes available at window_pos; FALSE at end of file */
static gboolean
ensure_bytes(YmCaptureFile *self, gsize count, GError **error)
{
	gsize have = self->window_length - self->window_pos;
	if (have >= count)
		return TRUE;
	if (self->memory != NULL || self->eof)
		return FALSE;

	/* move the unread tail to the front and top up */
	if (count > self->buffer_size) {
		gsize new_size = MAX(count, self->buffer_size * 2);
		guint8 *new_buffer = g_malloc(new_size);
		memcpy(new_buffer, self->buffer + self->window_pos, have);
		g_free(self->buffer);
		self->buffer = new_buffer;
		self->buffer_size = new_size;
	} else if (have > 0) {
		memmove(self->buffer, self->buffer + self->window_pos, have);
	}
	self->window_offset += self->window_pos;
	self->window_pos = 0;
	self->window_length = have;
	self->window = self->buffer;
	while (self->window_length < count || self->window_length < READ_CHUNK) {
		gssize rc = read(self->fd, self->buffer + self->window_length,
		                 self->buffer_size - self->window_length);
		if (rc < 0) {
			if (errno == EINTR)
				continue;
			g_set_error(error, YM_ERROR, YM_ERROR_READ,
			            "%s: read failed at offset %" G_GUINT64_FORMAT ": %s",
			            file_name(self), self->window_offset + self->window_length,
			            g_strerror(errno));
			return FALSE;
		}
		if (rc == 0) {
			self->eof = TRUE;
			break;
		}
		self->window_length += (gsize) rc;
		if (self->window_length == self->buffer_size)
			break;
	}
	return self->window_length - self->window_pos >= count;
}

static gsize
available(YmCaptureFile *self)
{
	return self->window_length - self->window_pos;
}

static void
set_warning(YmCaptureFile *self, gchar *warning)
{
	g_free(self->warning);
	self->warning = warning;
}

/* the file ended inside a packet: hand over what there is and warn */
static void
deliver_cut_packet(YmCaptureFile *self,
                   YmFrame *frame,
                   const guint8 *data,
                   gsize have,
                   guint32 wanted,
                   YmFrameFunc func,
                   gpointer user_data)
{
	frame->data = data;
	frame->caplen = (guint32) have;
	frame->number = self->number;
	set_warning(self, g_strdup_printf(
	                      "%s: the file ends inside packet %" G_GUINT64_FORMAT
	                      " (offset %" G_GUINT64_FORMAT "): analysed the %" G_GSIZE_FORMAT
	                      " of %u bytes that are there",
	                      file_name(self), self->number, current_offset(self), have, wanted));
	func(frame, user_data);
}

/* ---- pcap ---- */

static gint
dispatch_pcap(YmCaptureFile *self, guint max, YmFrameFunc func, gpointer user_data, GError **error)
{
	guint count = 0;

	while (count < max) {
		YmFrame frame = {0};
		const guint8 *hdr;
		guint32 ts_sec, ts_frac, caplen, wirelen;
		gsize have;

		if (!ensure_bytes(self, 16, error)) {
			if (error != NULL && *error != NULL)
				return -1;
			have = available(self);
			self->finished = TRUE;
			if (have == 0)
				break;
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "%s: truncated: the file ends inside the record header of "
			            "packet %" G_GUINT64_FORMAT " (offset %" G_GUINT64_FORMAT
			            ", %" G_GSIZE_FORMAT " of 16 bytes)",
			            file_name(self), self->number + 1, current_offset(self), have);
			return -1;
		}
		hdr = self->window + self->window_pos;
		ts_sec = rd32(self, hdr);
		ts_frac = rd32(self, hdr + 4);
		caplen = rd32(self, hdr + 8);
		wirelen = rd32(self, hdr + 12);
		self->number++;
		if (caplen > MAX_CAPLEN) {
			self->finished = TRUE;
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "%s: corrupt record header of packet %" G_GUINT64_FORMAT
			            " (offset %" G_GUINT64_FORMAT
			            "): captured length %u is larger than any capture allows",
			            file_name(self), self->number, current_offset(self), caplen);
			return -1;
		}
		frame.linktype = self->linktype;
		frame.wirelen = MAX(wirelen, caplen);
		frame.ts_usec = (gint64) ts_sec * G_USEC_PER_SEC +
		                (self->nanoseconds ? ts_frac / 1000 : ts_frac);
		if (!ensure_bytes(self, 16 + (gsize) caplen, error)) {
			if (error != NULL && *error != NULL)
				return -1;
			have = available(self) - 16;
			self->window_pos += 16;
			deliver_cut_packet(self, &frame, self->window + self->window_pos, have,
			                   caplen, func, user_data);
			self->window_pos += have;
			self->finished = TRUE;
			return (gint) count + 1;
		}
		frame.data = self->window + self->window_pos + 16;
		frame.caplen = caplen;
		frame.number = self->number;
		self->window_pos += 16 + (gsize) caplen;
		func(&frame, user_data);
		count++;
	}
	return (gint) count;
}

/* ---- pcapng ---- */

static gboolean
parse_shb(YmCaptureFile *self, const guint8 *block, guint32 length, GError **error)
{
	guint32 magic;
	if (length < 28) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s: corrupt section header block at offset %" G_GUINT64_FORMAT,
		            file_name(self), current_offset(self));
		return FALSE;
	}
	memcpy(&magic, block + 8, 4);
	if (magic == PCAPNG_BYTE_ORDER)
		self->swapped = FALSE;
	else if (GUINT32_SWAP_LE_BE(magic) == PCAPNG_BYTE_ORDER)
		self->swapped = TRUE;
	else {
		g_set_error(
		    error, YM_ERROR, YM_ERROR_INVALID_DATA,
		    "%s: bad byte-order magic in the section header at offset %" G_GUINT64_FORMAT,
		    file_name(self), current_offset(self));
		return FALSE;
	}
	/* a new section forgets the interfaces of the previous one */
	g_array_set_size(self->interfaces, 0);
	return TRUE;
}

static void
parse_idb(YmCaptureFile *self, const guint8 *block, guint32 length)
{
	YmPcapngInterface iface = {0};
	gsize pos = 16;
	iface.linktype = rd16(self, block + 8);
	iface.snaplen = rd32(self, block + 12);
	iface.tsresol_num = G_USEC_PER_SEC;

	/* options: code(2) length(2) value padded to 4 */
	while (pos + 4 <= (gsize) length - 4) {
		guint16 code = rd16(self, block + pos);
		guint16 olen = rd16(self, block + pos + 2);
		const guint8 *value = block + pos + 4;
		if (code == 0)
			break;
		if (pos + 4 + olen > (gsize) length - 4)
			break;
		if (code == 9 && olen >= 1) {
			guint8 resol = value[0];
			gint64 ticks = 1;
			guint exponent = resol & 0x7f;
			/* beyond these the tick count per second does not fit */
			if (exponent <= ((resol & 0x80) ? 62u : 18u)) {
				for (guint i = 0; i < exponent; i++)
					ticks *= (resol & 0x80) ? 2 : 10;
				iface.tsresol_num = ticks;
			}
		} else if (code == 14 && olen >= 8) {
			guint64 off;
			memcpy(&off, value, 8);
			iface.tsoffset = (gint64) (self->swapped ? GUINT64_SWAP_LE_BE(off) : off);
		}
		pos += 4 + (((gsize) olen + 3) & ~(gsize) 3);
	}
	if (self->interfaces->len < MAX_INTERFACES)
		g_array_append_val(self->interfaces, iface);
}

static gint64
pcapng_ts_usec(const YmPcapngInterface *iface, guint32 hi, guint32 lo)
{
	guint64 ticks = ((guint64) hi << 32) | lo;
	guint64 resol = (guint64) iface->tsresol_num;
	guint64 secs = ticks / resol;
	guint64 frac = ticks % resol;
	/* frac * 10^6 must not overflow for coarse-grained clocks */
	guint64 usec = resol <= G_MAXUINT64 / G_USEC_PER_SEC ? frac * G_USEC_PER_SEC / resol
	                                                     : frac / (resol / G_USEC_PER_SEC);
	/* hostile offsets and tick counts are clamped, not overflowed */
	gint64 total_secs;
	if (secs > (guint64) (G_MAXINT64 / G_USEC_PER_SEC) ||
	    __builtin_add_overflow((gint64) secs, iface->tsoffset, &total_secs) ||
	    total_secs > G_MAXINT64 / G_USEC_PER_SEC - 1 ||
	    total_secs < G_MININT64 / G_USEC_PER_SEC + 1)
		return 0;
	return total_secs * G_USEC_PER_SEC + (gint64) usec;
}

static const YmPcapngInterface *
lookup_interface(YmCaptureFile *self, guint32 id, GError **error)
{
	if (id >= self->interfaces->len) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s: packet %" G_GUINT64_FORMAT " (offset %" G_GUINT64_FORMAT
		            ") names interface %u, but only %u are described",
		            file_name(self), self->number, current_offset(self), id,
		            self->interfaces->len);
		return NULL;
	}
	return &g_array_index(self->interfaces, YmPcapngInterface, id);
}

/* fills @frame from a complete or cut packet block; FALSE on error */
static gboolean
parse_packet_block(YmCaptureFile *self,
                   guint32 type,
                   const guint8 *block,
                   gsize have,
                   YmFrame *frame,
                   guint32 *wanted,
                   GError **error)
{
	const YmPcapngInterface *iface;
	guint32 caplen, wirelen;
	gsize data_off;

	if (type == PCAPNG_EPB || type == PCAPNG_PB) {
		guint32 id;
		if (have < 28)
			return FALSE;
		id = type == PCAPNG_EPB ? rd32(self, block + 8) : rd16(self, block + 8);
		iface = lookup_interface(self, id, error);
		if (iface == NULL)
			return FALSE;
		caplen = rd32(self, block + 20);
		wirelen = rd32(self, block + 24);
		data_off = 28;
		frame->ts_usec =
		    pcapng_ts_usec(iface, rd32(self, block + 12), rd32(self, block + 16));
	} else {
		if (have < 12)
			return FALSE;
		iface = lookup_interface(self, 0, error);
		if (iface == NULL)
			return FALSE;
		wirelen = rd32(self, block + 8);
		caplen = wirelen;
		if (iface->snaplen > 0 && caplen > iface->snaplen)
			caplen = iface->snaplen;
		data_off = 12;
		frame->ts_usec = 0;
	}
	*wanted = caplen;
	if (caplen > MAX_BLOCK) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s: corrupt packet block %" G_GUINT64_FORMAT
		            " (offset %" G_GUINT64_FORMAT "): captured length %u",
		            file_name(self), self->number, current_offset(self), caplen);
		return FALSE;
	}
	frame->linktype = iface->linktype;
	frame->wirelen = MAX(wirelen, caplen);
	frame->data = block + data_off;
	frame->caplen = (guint32) MIN((gsize) caplen, have > data_off ? have - data_off : 0);
	frame->number = self->number;
	return TRUE;
}

static gint
dispatch_pcapng(YmCaptureFile *self,
                guint max,
                YmFrameFunc func,
                gpointer user_data,
                GError **error)
{
	guint count = 0;

	while (count < max) {
		YmFrame frame = {0};
		const guint8 *block;
		guint32 type, length, wanted = 0;
		gsize have;

		if (!ensure_bytes(self, 8, error)) {
			if (error != NULL && *error != NULL)
				return -1;
			have = available(self);
			self->finished = TRUE;
			if (have == 0)
				break;
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "%s: truncated: the file ends inside a block header at offset "
			            "%" G_GUINT64_FORMAT,
			            file_name(self), current_offset(self));
			return -1;
		}
		block = self->window + self->window_pos;
		{
			guint32 raw;
			memcpy(&raw, block, 4);
			if (raw == PCAPNG_SHB) {
				/* byte order may change with the new section */
				if (!ensure_bytes(self, 12, error)) {
					g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
					            "%s: truncated section header at offset "
					            "%" G_GUINT64_FORMAT,
					            file_name(self), current_offset(self));
					self->finished = TRUE;
					return -1;
				}
				block = self->window + self->window_pos;
				if (!parse_shb(self, block, 28, error)) {
					self->finished = TRUE;
					return -1;
				}
			}
		}
		type = rd32(self, block);
		length = rd32(self, block + 4);
		if (length < 12 || length % 4 != 0 || length > MAX_BLOCK) {
			self->finished = TRUE;
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "%s: corrupt block at offset %" G_GUINT64_FORMAT
			            " (after packet %" G_GUINT64_FORMAT "): block length %u",
			            file_name(self), current_offset(self), self->number, length);
			return -1;
		}
		if (!ensure_bytes(self, length, error)) {
			if (error != NULL && *error != NULL)
				return -1;
			self->finished = TRUE;
			have = available(self);
			block = self->window + self->window_pos;
			if (type == PCAPNG_EPB || type == PCAPNG_PB || type == PCAPNG_SPB) {
				self->number++;
				if (!parse_packet_block(self, type, block, have, &frame, &wanted,
				                        error)) {
					if (error != NULL && *error != NULL)
						return -1;
					g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
					            "%s: truncated: the file ends inside the "
					            "header of packet %" G_GUINT64_FORMAT
					            " (offset %" G_GUINT64_FORMAT ")",
					            file_name(self), self->number,
					            current_offset(self));
					return -1;
				}
				deliver_cut_packet(self, &frame, frame.data, frame.caplen, wanted,
				                   func, user_data);
				self->window_pos += have;
				return (gint) count + 1;
			}
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "%s: truncated: the file ends inside a block at offset "
			            "%" G_GUINT64_FORMAT " (%" G_GSIZE_FORMAT " of %u bytes)",
			            file_name(self), current_offset(self), have, length);
			return -1;
		}
		block = self->window + self->window_pos;
		if (rd32(self, block + length - 4) != length) {
			self->finished = TRUE;
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "%s: corrupt block at offset %" G_GUINT64_FORMAT
			            ": trailing length does not match %u",
			            file_name(self), current_offset(self), length);
			return -1;
		}
		if (type == PCAPNG_IDB && length >= 20) {
			parse_idb(self, block, length);
		} else if (type == PCAPNG_EPB || type == PCAPNG_PB || type == PCAPNG_SPB) {
			self->number++;
			if (!parse_packet_block(self, type, block, length - 4, &frame, &wanted,
			                        error)) {
				self->finished = TRUE;
				if (error != NULL && *error == NULL)
					g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
					            "%s: corrupt packet block %" G_GUINT64_FORMAT
					            " at offset %" G_GUINT64_FORMAT,
					            file_name(self), self->number,
					            current_offset(self));
				return -1;
			}
			if (frame.caplen < wanted) {
				self->finished = TRUE;
				g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
				            "%s: corrupt packet block %" G_GUINT64_FORMAT
				            " at offset %" G_GUINT64_FORMAT
				            ": captured length %u does not fit in the block",
				            file_name(self), self->number, current_offset(self),
				            wanted);
				return -1;
			}
			func(&frame, user_data);
			count++;
		}
		self->window_pos += length;
	}
	return (gint) count;
}

static gint
ym_capture_file_dispatch(YmCaptureSource *source,
                         guint max,
                         YmFrameFunc func,
                         gpointer user_data,
                         GError **error)
{
	YmCaptureFile *self = YM_CAPTURE_FILE(source);
	if (self->finished)
		return 0;
	if (self->is_pcapng)
		return dispatch_pcapng(self, max, func, user_data, error);
	return dispatch_pcap(self, max, func, user_data, error);
}

static gboolean
ym_capture_file_is_finished(YmCaptureSource *source)
{
	return YM_CAPTURE_FILE(source)->finished;
}

/* reads the global header (pcap) or checks the first block (pcapng) */
static gboolean
ym_capture_file_setup(YmCaptureFile *self, GError **error)
{
	guint32 magic;

	if (!ensure_bytes(self, 4, error)) {
		if (error != NULL && *error != NULL)
			return FALSE;
		if (available(self) == 0) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: the file is empty",
			            file_name(self));
		} else {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "%s: not a capture file (only %" G_GSIZE_FORMAT " bytes)",
			            file_name(self), available(self));
		}
		return FALSE;
	}
	memcpy(&magic, self->window, 4);
	if (magic == PCAPNG_SHB) {
		self->is_pcapng = TRUE;
		if (!ensure_bytes(self, 28, error)) {
			if (error != NULL && *error == NULL)
				g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
				            "%s: truncated pcapng section header (%" G_GSIZE_FORMAT
				            " bytes)",
				            file_name(self), available(self));
			return FALSE;
		}
		return parse_shb(self, self->window, 28, error);
	}
	if (magic == PCAP_MAGIC_USEC || magic == PCAP_MAGIC_NSEC) {
		self->swapped = FALSE;
	} else if (GUINT32_SWAP_LE_BE(magic) == PCAP_MAGIC_USEC ||
	           GUINT32_SWAP_LE_BE(magic) == PCAP_MAGIC_NSEC) {
		self->swapped = TRUE;
		magic = GUINT32_SWAP_LE_BE(magic);
	} else {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s: not a pcap or pcapng capture file (starts with 0x%08x)",
		            file_name(self), GUINT32_FROM_BE(magic));
		return FALSE;
	}
	self->nanoseconds = magic == PCAP_MAGIC_NSEC;
	if (!ensure_bytes(self, 24, error)) {
		if (error != NULL && *error == NULL)
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "%s: truncated pcap file header (%" G_GSIZE_FORMAT
			            " of 24 bytes)",
			            file_name(self), available(self));
		return FALSE;
	}
	self->snaplen = rd32(self, self->window + 16);
	/* the upper bits may carry FCS information */
	self->linktype = rd32(self, self->window + 20) & 0x0fffffff;
	self->window_pos = 24;
	return TRUE;
}

YmCaptureFile *
ym_capture_file_new(const gchar *path, GError **error)
{
	g_autoptr(YmCaptureFile) self = NULL;
	gint fd;

	g_return_val_if_fail(path != NULL, NULL);

	if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
		g_set_error(error, YM_ERROR, YM_ERROR_READ, "%s: is a folder, not a capture file",
		            path);
		return NULL;
	}
	fd = g_open(path, O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0) {
		gint saved = errno;
		g_set_error(error, YM_ERROR, saved == ENOENT ? YM_ERROR_NOT_FOUND : YM_ERROR_READ,
		            "%s: cannot open: %s", path, g_strerror(saved));
		return NULL;
	}
#ifdef POSIX_FADV_SEQUENTIAL
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
	self = g_object_new(YM_TYPE_CAPTURE_FILE, NULL);
	ym_capture_source_set_name(YM_CAPTURE_SOURCE(self), path);
	self->fd = fd;
	self->buffer_size = READ_CHUNK * 4;
	self->buffer = g_malloc(self->buffer_size);
	self->window = self->buffer;
	if (!ym_capture_file_setup(self, error))
		return NULL;
	return g_steal_pointer(&self);
}

YmCaptureFile *
ym_capture_file_new_from_data(const gchar *name, const guint8 *data, gsize length, GError **error)
{
	g_autoptr(YmCaptureFile) self = g_object_new(YM_TYPE_CAPTURE_FILE, NULL);
	ym_capture_source_set_name(YM_CAPTURE_SOURCE(self), name);
	self->memory = data;
	self->memory_length = length;
	self->window = data;
	self->window_length = length;
	self->eof = TRUE;
	if (!ym_capture_file_setup(self, error))
		return NULL;
	return g_steal_pointer(&self);
}

const gchar *
ym_capture_file_get_warning(YmCaptureFile *self)
{
	g_return_val_if_fail(YM_IS_CAPTURE_FILE(self), NULL);
	return self->warning;
}

guint64
ym_capture_file_get_bytes_read(YmCaptureFile *self)
{
	g_return_val_if_fail(YM_IS_CAPTURE_FILE(self), 0);
	return current_offset(self);
}

gboolean
ym_capture_file_is_pcapng(YmCaptureFile *self)
{
	g_return_val_if_fail(YM_IS_CAPTURE_FILE(self), FALSE);
	return self->is_pcapng;
}

static void
ym_capture_file_finalize(GObject *object)
{
	YmCaptureFile *self = YM_CAPTURE_FILE(object);
	if (self->fd >= 0)
		close(self->fd);
	g_free(self->buffer);
	g_free(self->warning);
	g_array_unref(self->interfaces);
	G_OBJECT_CLASS(ym_capture_file_parent_class)->finalize(object);
}

static void
ym_capture_file_class_init(YmCaptureFileClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	YmCaptureSourceClass *source_class = YM_CAPTURE_SOURCE_CLASS(klass);
	object_class->finalize = ym_capture_file_finalize;
	source_class->dispatch = ym_capture_file_dispatch;
	source_class->is_finished = ym_capture_file_is_finished;
}

static void
ym_capture_file_init(YmCaptureFile *self)
{
	self->fd = -1;
	self->interfaces = g_array_new(FALSE, TRUE, sizeof(YmPcapngInterface));
}
