/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * the list of default and weak credentials (the .list files of
 * signatures/credentials):
 * the project ships no password in clear, only the SHA-256 of
 * "username:password", so an observed pair is hashed and looked up
 */

#define G_LOG_DOMAIN "YmCredentialList"

#include "config.h"

#include "ym-credential-list.h"

#include <string.h>

#include "ym-error.h"

#define YM_CREDENTIAL_MAX_ENTRIES 65536
#define YM_CREDENTIAL_MAX_FIELD   128

struct _YmCredentialList {
	GPtrArray *entries;  /* of YmCredentialEntry */
	GHashTable *digests; /* digest -> YmCredentialEntry, borrowed */
	GChecksum *checksum; /* reused for every lookup */
};

const gchar *
ym_credential_kind_to_string(YmCredentialKind kind)
{
	return kind == YM_CREDENTIAL_WEAK ? "weak" : "default";
}

static void
entry_free(gpointer data)
{
	YmCredentialEntry *entry = data;
	if (entry == NULL)
		return;
	g_free(entry->username);
	g_free(entry->label);
	g_free(entry);
}

YmCredentialList *
ym_credential_list_new(void)
{
	YmCredentialList *self = g_new0(YmCredentialList, 1);
	self->entries = g_ptr_array_new_with_free_func(entry_free);
	self->digests = g_hash_table_new(g_str_hash, g_str_equal);
	self->checksum = g_checksum_new(G_CHECKSUM_SHA256);
	return self;
}

void
ym_credential_list_free(YmCredentialList *self)
{
	if (self == NULL)
		return;
	g_hash_table_unref(self->digests);
	g_ptr_array_unref(self->entries);
	g_checksum_free(self->checksum);
	g_free(self);
}

guint
ym_credential_list_get_size(YmCredentialList *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->entries->len;
}

static gboolean
field_is_printable(const gchar *text, gsize length)
{
	if (length == 0 || length > YM_CREDENTIAL_MAX_FIELD)
		return FALSE;
	if (!g_utf8_validate(text, (gssize) length, NULL))
		return FALSE;
	for (gsize i = 0; i < length; i++) {
		if ((guchar) text[i] < 0x21 || text[i] == 0x7f)
			return FALSE;
	}
	return TRUE;
}

static gboolean
digest_is_valid(const gchar *text, gsize length)
{
	if (length != 64)
		return FALSE;
	for (gsize i = 0; i < length; i++) {
		if (!g_ascii_isxdigit(text[i]) || g_ascii_isupper(text[i]))
			return FALSE;
	}
	return TRUE;
}

/* splits one line into whitespace-separated fields, at most @max */
static guint
split_fields(const gchar *line, gsize length, const gchar **starts, gsize *lengths, guint max)
{
	guint n = 0;
	gsize i = 0;
	while (i < length) {
		gsize start;
		while (i < length && (line[i] == ' ' || line[i] == '\t'))
			i++;
		if (i >= length)
			break;
		start = i;
		while (i < length && line[i] != ' ' && line[i] != '\t')
			i++;
		if (n == max)
			return max + 1;
		starts[n] = line + start;
		lengths[n] = i - start;
		n++;
	}
	return n;
}

static YmCredentialEntry *
parse_line(const gchar *name, guint number, const gchar *line, gsize length, GError **error)
{
	const gchar *starts[4];
	gsize lengths[4];
	g_autoptr(GString) kind = NULL;
	YmCredentialEntry *entry;

	if (split_fields(line, length, starts, lengths, 4) != 4) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s:%u: expected <username> <kind> <label> <sha256>", name, number);
		return NULL;
	}
	if (!field_is_printable(starts[0], lengths[0]) ||
	    !field_is_printable(starts[2], lengths[2])) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s:%u: username and label must be printable UTF-8 of 1-%u bytes", name,
		            number, (guint) YM_CREDENTIAL_MAX_FIELD);
		return NULL;
	}
	kind = g_string_new_len(starts[1], (gssize) lengths[1]);
	if (g_strcmp0(kind->str, "default") != 0 && g_strcmp0(kind->str, "weak") != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s:%u: kind must be default or weak", name, number);
		return NULL;
	}
	if (!digest_is_valid(starts[3], lengths[3])) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s:%u: expected 64 lower-case hex digits of SHA-256", name, number);
		return NULL;
	}
	entry = g_new0(YmCredentialEntry, 1);
	entry->username = g_strndup(starts[0], lengths[0]);
	entry->label = g_strndup(starts[2], lengths[2]);
	entry->kind =
	    g_strcmp0(kind->str, "weak") == 0 ? YM_CREDENTIAL_WEAK : YM_CREDENTIAL_DEFAULT;
	memcpy(entry->digest, starts[3], 64);
	entry->digest[64] = '\0';
	return entry;
}

gboolean
ym_credential_list_load_data(YmCredentialList *self,
                             const gchar *name,
                             const gchar *data,
                             gsize length,
                             GError **error)
{
	g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func(entry_free);
	gsize offset = 0;
	guint number = 0;

	g_return_val_if_fail(self != NULL, FALSE);
	g_return_val_if_fail(data != NULL || length == 0, FALSE);

	while (offset < length) {
		const gchar *line = data + offset;
		const gchar *end = memchr(line, '\n', length - offset);
		gsize line_length = end != NULL ? (gsize) (end - line) : length - offset;
		gsize trimmed = line_length;
		gsize first = 0;
		YmCredentialEntry *entry;

		number++;
		offset += line_length + (end != NULL ? 1 : 0);
		while (trimmed > 0 && (line[trimmed - 1] == '\r' || line[trimmed - 1] == ' ' ||
		                       line[trimmed - 1] == '\t'))
			trimmed--;
		while (first < trimmed && (line[first] == ' ' || line[first] == '\t'))
			first++;
		if (first == trimmed || line[first] == '#')
			continue;
		if (memchr(line, '\0', trimmed) != NULL) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "%s:%u: NUL byte in line", name, number);
			return FALSE;
		}
		entry = parse_line(name, number, line + first, trimmed - first, error);
		if (entry == NULL)
			return FALSE;
		g_ptr_array_add(parsed, entry);
		if (self->entries->len + parsed->len > YM_CREDENTIAL_MAX_ENTRIES) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "%s:%u: more than %u entries", name, number,
			            (guint) YM_CREDENTIAL_MAX_ENTRIES);
			return FALSE;
		}
	}

	/* all or nothing: a later duplicate keeps the first entry */
	for (guint i = 0; i < parsed->len; i++) {
		YmCredentialEntry *entry = g_ptr_array_index(parsed, i);
		if (g_hash_table_contains(self->digests, entry->digest))
			continue;
		parsed->pdata[i] = NULL;
		g_ptr_array_add(self->entries, entry);
		g_hash_table_insert(self->digests, entry->digest, entry);
	}
	return TRUE;
}

static gint
compare_names(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(*(const gchar *const *) a, *(const gchar *const *) b);
}

gboolean
ym_credential_list_load_dir(YmCredentialList *self, const gchar *dir, GError **error)
{
	g_autoptr(GDir) gdir = NULL;
	g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
	const gchar *name;

	g_return_val_if_fail(self != NULL, FALSE);
	gdir = g_dir_open(dir, 0, error);
	if (gdir == NULL) {
		g_prefix_error_literal(error, "loading credential lists: ");
		return FALSE;
	}
	while ((name = g_dir_read_name(gdir)) != NULL) {
		if (g_str_has_suffix(name, ".list"))
			g_ptr_array_add(names, g_strdup(name));
	}
	g_ptr_array_sort(names, compare_names);
	for (guint i = 0; i < names->len; i++) {
		g_autofree gchar *path = g_build_filename(dir, g_ptr_array_index(names, i), NULL);
		g_autofree gchar *contents = NULL;
		gsize length = 0;
		if (!g_file_get_contents(path, &contents, &length, error))
			return FALSE;
		if (!ym_credential_list_load_data(self, path, contents, length, error))
			return FALSE;
	}
	if (names->len == 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_NOT_FOUND, "%s: no credential lists found",
		            dir);
		return FALSE;
	}
	return TRUE;
}

const YmCredentialEntry *
ym_credential_list_lookup(YmCredentialList *self,
                          const gchar *username,
                          gsize username_length,
                          const gchar *password,
                          gsize password_length)
{
	const YmCredentialEntry *entry;

	g_return_val_if_fail(self != NULL, NULL);
	/* the pair is never joined in memory: fed to the hash in pieces */
	g_checksum_reset(self->checksum);
	g_checksum_update(self->checksum, (const guchar *) username, (gssize) username_length);
	g_checksum_update(self->checksum, (const guchar *) ":", 1);
	g_checksum_update(self->checksum, (const guchar *) password, (gssize) password_length);
	entry = g_hash_table_lookup(self->digests, g_checksum_get_string(self->checksum));
	/* the digest of a pair not on the list is as good as the pair: forget it */
	g_checksum_reset(self->checksum);
	return entry;
}
