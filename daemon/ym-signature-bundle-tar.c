/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * the POSIX ustar reader for signature bundles (POSIX.1-2017, pax
 * "ustar Interchange Format"). Every header is a 512-byte block:
 *
 *   offset size field         offset size field
 *        0  100 name             257    6 magic "ustar\0"
 *      100    8 mode             263    2 version "00"
 *      108    8 uid              265   32 uname
 *      116    8 gid              297   32 gname
 *      124   12 size             329    8 devmajor
 *      136   12 mtime            337    8 devminor
 *      148    8 chksum           345  155 prefix
 *      156    1 typeflag         500   12 (pad)
 *      157  100 linkname
 *
 * followed by the data padded to 512 bytes; two zero blocks end the
 * archive. Numbers are octal text. Only regular files and folders of the
 * bundle's own layout are accepted: everything a hostile archive could use
 * to write elsewhere (links, devices, pax and GNU extensions, absolute or
 * ".." names) is refused, and sizes and counts are bounded.
 */

#define G_LOG_DOMAIN "YmSignatureBundle"

#include "config.h"

#include <errno.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "ym-error.h"
#include "ym-signature-bundle-private.h"

#define BLOCK_SIZE         512
#define NAME_SIZE          100
#define PREFIX_SIZE        155
#define MAX_COMPONENT_SIZE 100
#define DRAIN_CHUNK_SIZE   65536

static const gchar *const allowed_folders[] = {
    "fingerprints", "credentials", "blocklists", "advisories", NULL,
};
static const gchar *const allowed_files[] = {"VERSION", "README.md", NULL};

static gboolean
source_read(YmSignatureBundleSource *source, guint8 *buffer, gsize size, gsize *got, GError **error)
{
	gsize done = 0;

	if (source->fd < 0) {
		gsize left = source->length - (gsize) source->offset;
		done = MIN(size, left);
		if (done > 0)
			memcpy(buffer, source->data + source->offset, done);
	} else {
		while (done < size) {
			gssize n = read(source->fd, buffer + done, size - done);
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				gint saved = errno;
				g_set_error(error, YM_ERROR, YM_ERROR_READ, "reading %s: %s",
				            source->name, g_strerror(saved));
				return FALSE;
			}
			if (n == 0)
				break;
			done += (gsize) n;
		}
	}
	if (source->hash != NULL && done > 0)
		crypto_generichash_update(source->hash, buffer, done);
	source->offset += done;
	*got = done;
	return TRUE;
}

static gboolean
source_read_exact(YmSignatureBundleSource *source, guint8 *buffer, gsize size, GError **error)
{
	gsize got = 0;
	if (!source_read(source, buffer, size, &got, error))
		return FALSE;
	if (got < size) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s: the archive is cut short at offset %" G_GUINT64_FORMAT,
		            source->name, source->offset);
		return FALSE;
	}
	return TRUE;
}

static gboolean
is_zero(const guint8 *data, gsize size)
{
	for (gsize i = 0; i < size; i++) {
		if (data[i] != 0)
			return FALSE;
	}
	return TRUE;
}

/* octal digits, optionally after spaces, ended by NUL or space; an
 * all-NUL field is 0 unless @required; base-256 numbers are refused */
static gboolean
parse_octal(const guint8 *field, gsize size, gboolean required, guint64 *value)
{
	gsize i = 0;
	guint digits = 0;

	*value = 0;
	while (i < size && field[i] == ' ')
		i++;
	for (; i < size && field[i] >= '0' && field[i] <= '7'; i++) {
		if (*value > G_MAXUINT64 / 8)
			return FALSE;
		*value = *value * 8 + (guint64) (field[i] - '0');
		digits++;
	}
	for (; i < size; i++) {
		if (field[i] != '\0' && field[i] != ' ')
			return FALSE;
	}
	return digits > 0 || !required;
}

static const gchar *
type_to_string(guint8 type)
{
	switch (type) {
	case '1':
		return "a hard link";
	case '2':
		return "a symbolic link";
	case '3':
		return "a character device";
	case '4':
		return "a block device";
	case '6':
		return "a FIFO";
	case '7':
		return "a contiguous file";
	case 'x':
		return "a pax extended header";
	case 'g':
		return "a pax global header";
	case 'L':
	case 'K':
		return "a GNU long-name header";
	case 'S':
		return "a GNU sparse file";
	default:
		return "of an unknown entry type";
	}
}

static gboolean
is_component_char(gchar c)
{
	return g_ascii_isalnum(c) || c == '.' || c == '_' || c == '-';
}

/* NULL when @name fits the layout, else why not */
static const gchar *
check_layout(const gchar *name, gboolean is_dir)
{
	g_auto(GStrv) parts = NULL;
	guint depth;

	if (name[0] == '/')
		return "is an absolute path";
	parts = g_strsplit(name, "/", -1);
	depth = g_strv_length(parts);
	for (guint i = 0; i < depth; i++) {
		const gchar *part = parts[i];
		gsize length = strlen(part);
		if (length == 0)
			return "has an empty path component";
		if (g_strcmp0(part, "..") == 0)
			return "goes up with \"..\"";
		if (part[0] == '.')
			return "has a component starting with a dot";
		if (length > MAX_COMPONENT_SIZE)
			return "has a component longer than 100 characters";
		for (gsize j = 0; j < length; j++) {
			if (!is_component_char(part[j]))
				return "has a character other than A-Z, a-z, 0-9, '.', '_' and '-'";
		}
	}
	if (depth == 1 && is_dir) {
		if (!g_strv_contains(allowed_folders, parts[0]))
			return "is not one of the folders fingerprints, credentials, blocklists "
			       "and advisories";
		return NULL;
	}
	if (depth == 1) {
		if (!g_strv_contains(allowed_files, parts[0]))
			return "is not a file a bundle has at its top (VERSION, README.md)";
		return NULL;
	}
	if (!g_strv_contains(allowed_folders, parts[0]))
		return "is not in one of the folders fingerprints, credentials, blocklists and "
		       "advisories";
	if (depth > 2 || is_dir)
		return "is in a sub-folder; the folders hold only files";
	return NULL;
}

static gchar *
header_name(const guint8 *block)
{
	gsize name_length = strnlen((const gchar *) block, NAME_SIZE);
	gsize prefix_length = strnlen((const gchar *) block + 345, PREFIX_SIZE);
	GString *name = g_string_sized_new(NAME_SIZE + PREFIX_SIZE + 2);

	if (prefix_length > 0) {
		g_string_append_len(name, (const gchar *) block + 345, (gssize) prefix_length);
		g_string_append_c(name, '/');
	}
	g_string_append_len(name, (const gchar *) block, (gssize) name_length);
	return g_string_free(name, FALSE);
}

typedef struct {
	gchar *name; /* as in the archive */
	gchar *path; /* checked and normalised, "." for the root folder */
	gboolean is_dir;
	guint64 size;
} TarEntry;

static void
tar_entry_clear(TarEntry *entry)
{
	g_free(entry->name);
	g_free(entry->path);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(TarEntry, tar_entry_clear)

static gboolean
entry_error(YmSignatureBundleSource *source,
            guint64 offset,
            const gchar *name,
            const gchar *reason,
            GError **error)
{
	g_autofree gchar *printable = g_strescape(name, NULL);
	g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
	            "%s: offset %" G_GUINT64_FORMAT ": \"%s\" %s", source->name, offset, printable,
	            reason);
	return FALSE;
}

/* the numbers, magic and type of one header */
static gboolean
check_header_fields(YmSignatureBundleSource *source,
                    const guint8 *block,
                    guint64 offset,
                    TarEntry *entry,
                    GError **error)
{
	static const struct {
		gsize offset;
		gsize size;
		const gchar *name;
	} numbers[] = {
	    {100, 8, "mode"},   {108, 8, "uid"},      {116, 8, "gid"},
	    {136, 12, "mtime"}, {329, 8, "devmajor"}, {337, 8, "devminor"},
	};
	guint64 value = 0;
	guint8 type = block[156];

	if (memcmp(block + 257, "ustar ", 6) == 0)
		return entry_error(source, offset, entry->name,
		                   "is in the GNU tar format; bundles are POSIX ustar "
		                   "(tar --format=ustar)",
		                   error);
	if (memcmp(block + 257, "ustar\0", 6) != 0 || memcmp(block + 263, "00", 2) != 0)
		return entry_error(source, offset, entry->name, "has no POSIX ustar header", error);
	for (guint i = 0; i < G_N_ELEMENTS(numbers); i++) {
		if (!parse_octal(block + numbers[i].offset, numbers[i].size, FALSE, &value)) {
			g_autofree gchar *reason =
			    g_strdup_printf("has a bad %s field", numbers[i].name);
			return entry_error(source, offset, entry->name, reason, error);
		}
	}
	if (!parse_octal(block + 124, 12, TRUE, &entry->size))
		return entry_error(source, offset, entry->name, "has a bad size field", error);
	if (type == '0' || type == '\0') {
		entry->is_dir = FALSE;
	} else if (type == '5') {
		entry->is_dir = TRUE;
	} else {
		g_autofree gchar *reason = g_strdup_printf(
		    "is %s; only files and folders are allowed", type_to_string(type));
		return entry_error(source, offset, entry->name, reason, error);
	}
	if (block[157] != '\0')
		return entry_error(source, offset, entry->name, "has a link name", error);
	if (entry->is_dir && entry->size != 0)
		return entry_error(source, offset, entry->name, "is a folder with data", error);
	return TRUE;
}

static gboolean
parse_header(YmSignatureBundleSource *source,
             const guint8 *block,
             guint64 offset,
             TarEntry *entry,
             GError **error)
{
	guint64 checksum = 0;
	guint64 sum = 0;
	const gchar *path;
	const gchar *reason;

	entry->name = header_name(block);
	/* the checksum first: the other fields mean nothing without it */
	if (!parse_octal(block + 148, 8, TRUE, &checksum))
		return entry_error(source, offset, entry->name, "has a bad checksum field", error);
	for (guint i = 0; i < BLOCK_SIZE; i++)
		sum += (i >= 148 && i < 156) ? ' ' : block[i];
	if (sum != checksum)
		return entry_error(source, offset, entry->name, "has a wrong header checksum",
		                   error);
	if (!check_header_fields(source, block, offset, entry, error))
		return FALSE;

	/* "./fingerprints/" and "fingerprints" are the same folder */
	path = entry->name;
	if (g_str_has_prefix(path, "./"))
		path += 2;
	entry->path = g_strdup(path);
	if (entry->is_dir && g_str_has_suffix(entry->path, "/"))
		entry->path[strlen(entry->path) - 1] = '\0';
	if (entry->path[0] == '\0' || g_strcmp0(entry->path, ".") == 0) {
		if (!entry->is_dir)
			return entry_error(source, offset, entry->name, "is a file without a name",
			                   error);
		g_free(entry->path);
		entry->path = g_strdup(".");
		return TRUE;
	}
	reason = check_layout(entry->path, entry->is_dir);
	if (reason != NULL)
		return entry_error(source, offset, entry->name, reason, error);
	return TRUE;
}

/* after the end marker only zeros may follow (tar pads to its record size) */
static gboolean
check_trailer(YmSignatureBundleSource *source, GError **error)
{
	g_autofree guint8 *buffer = g_malloc(DRAIN_CHUNK_SIZE);
	for (;;) {
		gsize got = 0;
		guint64 start = source->offset;
		if (!source_read(source, buffer, DRAIN_CHUNK_SIZE, &got, error))
			return FALSE;
		if (got == 0)
			return TRUE;
		if (!is_zero(buffer, got)) {
			g_set_error(
			    error, YM_ERROR, YM_ERROR_INVALID_DATA,
			    "%s: data after the end of the archive (offset %" G_GUINT64_FORMAT ")",
			    source->name, start);
			return FALSE;
		}
	}
}

static gboolean
read_entry_data(YmSignatureBundleSource *source,
                const TarEntry *entry,
                guint8 **data,
                GError **error)
{
	guint8 padding[BLOCK_SIZE];
	gsize pad = (BLOCK_SIZE - entry->size % BLOCK_SIZE) % BLOCK_SIZE;

	*data = g_malloc(MAX(entry->size, 1));
	if (!source_read_exact(source, *data, (gsize) entry->size, error))
		return FALSE;
	return source_read_exact(source, padding, pad, error);
}

gboolean
_ym_signature_bundle_read_tar(YmSignatureBundleSource *source,
                              YmSignatureBundleEntryFunc func,
                              gpointer user_data,
                              GError **error)
{
	g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	guint8 block[BLOCK_SIZE];
	guint64 total = 0;
	guint entries = 0;

	for (;;) {
		g_auto(TarEntry) entry = {0};
		g_autofree guint8 *data = NULL;
		guint64 offset = source->offset;

		if (!source_read_exact(source, block, BLOCK_SIZE, error))
			return FALSE;
		if (is_zero(block, BLOCK_SIZE)) {
			if (!source_read_exact(source, block, BLOCK_SIZE, error))
				return FALSE;
			if (!is_zero(block, BLOCK_SIZE)) {
				g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
				            "%s: offset %" G_GUINT64_FORMAT
				            ": a lone zero block inside the archive",
				            source->name, offset);
				return FALSE;
			}
			return check_trailer(source, error);
		}
		if (++entries > YM_SIGNATURE_BUNDLE_MAX_ENTRIES) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "%s: more than %u entries", source->name,
			            (guint) YM_SIGNATURE_BUNDLE_MAX_ENTRIES);
			return FALSE;
		}
		if (!parse_header(source, block, offset, &entry, error))
			return FALSE;
		if (!g_hash_table_add(seen, g_strdup(entry.path)))
			return entry_error(source, offset, entry.name, "appears twice", error);
		if (entry.size > YM_SIGNATURE_BUNDLE_MAX_FILE_SIZE) {
			g_autofree gchar *reason = g_strdup_printf(
			    "has %" G_GUINT64_FORMAT " bytes, more than the %u allowed", entry.size,
			    (guint) YM_SIGNATURE_BUNDLE_MAX_FILE_SIZE);
			return entry_error(source, offset, entry.name, reason, error);
		}
		total += entry.size;
		if (total > YM_SIGNATURE_BUNDLE_MAX_TOTAL) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "%s: the files add up to more than %u bytes", source->name,
			            (guint) YM_SIGNATURE_BUNDLE_MAX_TOTAL);
			return FALSE;
		}
		if (entry.is_dir) {
			if (g_strcmp0(entry.path, ".") != 0 &&
			    !func(entry.path, TRUE, NULL, 0, user_data, error))
				return FALSE;
			continue;
		}
		if (!read_entry_data(source, &entry, &data, error))
			return FALSE;
		if (!func(entry.path, FALSE, data, (gsize) entry.size, user_data, error))
			return FALSE;
	}
}

gboolean
_ym_signature_bundle_parse_data(const guint8 *data,
                                gsize length,
                                YmSignatureBundleEntryFunc func,
                                gpointer user_data,
                                GError **error)
{
	YmSignatureBundleSource source = {
	    .data = data,
	    .length = length,
	    .fd = -1,
	    .name = "bundle",
	};
	g_return_val_if_fail(data != NULL || length == 0, FALSE);
	g_return_val_if_fail(func != NULL, FALSE);
	return _ym_signature_bundle_read_tar(&source, func, user_data, error);
}

gboolean
_ym_signature_bundle_parse_version(const gchar *text,
                                   gsize length,
                                   guint64 *version,
                                   GError **error)
{
	guint64 value = 0;

	g_return_val_if_fail(text != NULL || length == 0, FALSE);
	g_return_val_if_fail(version != NULL, FALSE);

	/* at most 18 digits: no overflow, and far beyond any date-based number */
	if (length == 0 || length > 18 || text[0] == '0') {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "the version is not a positive number of at most 18 digits");
		return FALSE;
	}
	for (gsize i = 0; i < length; i++) {
		if (!g_ascii_isdigit(text[i])) {
			g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			                    "the version is not a positive number of at most 18 "
			                    "digits");
			return FALSE;
		}
		value = value * 10 + (guint64) (text[i] - '0');
	}
	*version = value;
	return TRUE;
}
