/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * minisign signatures (https://jedisct1.github.io/minisign/), verified with
 * libsodium. A public key is base64("Ed" | key id[8] | Ed25519 key[32]).
 * A .minisig file is four lines:
 *
 *   untrusted comment: <anything>
 *   base64("ED" or "Ed" | key id[8] | signature[64])
 *   trusted comment: <text>
 *   base64(global signature[64])
 *
 * "ED" signs the BLAKE2b-512 of the file, legacy "Ed" the file itself; the
 * global signature signs signature[64] | <text>, so the trusted comment
 * cannot be changed without the secret key. Key ids are printed as
 * minisign does: the 8 bytes as a little-endian number in upper-case hex,
 * without leading zeros.
 */

#define G_LOG_DOMAIN "YmMinisign"

#include "config.h"

#include "ym-minisign.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ym-error.h"

#define KEY_ID_SIZE          8
#define KEY_FILE_MAX_SIZE    4096
#define SIG_FILE_MAX_SIZE    16384
#define UNTRUSTED_PREFIX     "untrusted comment: "
#define TRUSTED_PREFIX       "trusted comment: "
#define READ_CHUNK_SIZE      65536
#define BASE64_DECODE_BUFFER 128

struct _YmMinisignKey {
	guint8 id[KEY_ID_SIZE];
	guint8 key[crypto_sign_PUBLICKEYBYTES];
	gchar id_text[2 * KEY_ID_SIZE + 1];
};

struct _YmMinisignSignature {
	gboolean prehashed;
	guint8 key_id[KEY_ID_SIZE];
	guint8 signature[crypto_sign_BYTES];
	guint8 global_signature[crypto_sign_BYTES];
	gchar *trusted_comment; /* as in the file, not yet verified */
	gsize trusted_comment_length;
	gchar key_id_text[2 * KEY_ID_SIZE + 1];
};

G_STATIC_ASSERT(crypto_generichash_BYTES_MAX == YM_MINISIGN_DIGEST_SIZE);

static void
format_key_id(const guint8 *id, gchar *text)
{
	guint64 value = 0;
	/* minisign prints the id as a little-endian 64-bit number, "%llX" */
	for (guint i = 0; i < KEY_ID_SIZE; i++)
		value |= (guint64) id[i] << (8 * i);
	g_snprintf(text, 2 * KEY_ID_SIZE + 1, "%" G_GINT64_MODIFIER "X", value);
}

static gboolean
ensure_sodium(GError **error)
{
	if (sodium_init() < 0) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INTERNAL,
		                    "libsodium could not be initialised");
		return FALSE;
	}
	return TRUE;
}

/* the lines of a small text file, without their "\n" or "\r\n"; trailing
 * empty lines are dropped */
static GPtrArray *
split_lines(const gchar *name, const gchar *data, gsize length, gsize max, GError **error)
{
	g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func(g_free);
	const gchar *p = data;
	const gchar *end = data + length;

	if (length > max) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s: too large (%" G_GSIZE_FORMAT " bytes, at most %" G_GSIZE_FORMAT
		            ")",
		            name, length, max);
		return NULL;
	}
	if (memchr(data, '\0', length) != NULL) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: contains a NUL byte",
		            name);
		return NULL;
	}
	while (p < end) {
		const gchar *nl = memchr(p, '\n', (gsize) (end - p));
		const gchar *stop = nl != NULL ? nl : end;
		if (stop > p && stop[-1] == '\r')
			stop--;
		g_ptr_array_add(lines, g_strndup(p, (gsize) (stop - p)));
		p = nl != NULL ? nl + 1 : end;
	}
	while (lines->len > 0 && *(const gchar *) g_ptr_array_index(lines, lines->len - 1) == '\0')
		g_ptr_array_remove_index(lines, lines->len - 1);
	if (lines->len == 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: empty", name);
		return NULL;
	}
	return g_steal_pointer(&lines);
}

/* strict base64 (with padding) of exactly @size bytes */
static gboolean
decode_base64(const gchar *name,
              guint line,
              const gchar *text,
              guint8 *out,
              gsize size,
              const gchar *what,
              GError **error)
{
	guint8 buffer[BASE64_DECODE_BUFFER];
	gsize decoded = 0;
	const gchar *stop = NULL;
	gsize length = strlen(text);

	g_assert(size <= sizeof(buffer));
	if (length == 0 || length > 4 * (sizeof(buffer) / 3) ||
	    sodium_base642bin(buffer, sizeof(buffer), text, length, NULL, &decoded, &stop,
	                      sodium_base64_VARIANT_ORIGINAL) != 0 ||
	    stop != text + length) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s:%u: %s is not valid base64",
		            name, line, what);
		return FALSE;
	}
	if (decoded != size) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s:%u: %s has %" G_GSIZE_FORMAT " bytes, expected %" G_GSIZE_FORMAT,
		            name, line, what, decoded, size);
		return FALSE;
	}
	memcpy(out, buffer, size);
	sodium_memzero(buffer, sizeof(buffer));
	return TRUE;
}

YmMinisignKey *
ym_minisign_key_new_from_data(const gchar *name, const gchar *data, gsize length, GError **error)
{
	g_autoptr(YmMinisignKey) self = g_new0(YmMinisignKey, 1);
	g_autoptr(GPtrArray) lines = NULL;
	guint8 raw[2 + KEY_ID_SIZE + crypto_sign_PUBLICKEYBYTES];
	guint index = 0;

	g_return_val_if_fail(name != NULL, NULL);
	g_return_val_if_fail(data != NULL || length == 0, NULL);

	lines = split_lines(name, data, length, KEY_FILE_MAX_SIZE, error);
	if (lines == NULL)
		return NULL;
	/* the comment line is optional: "minisign -P" takes the bare key */
	if (g_str_has_prefix(g_ptr_array_index(lines, 0), UNTRUSTED_PREFIX))
		index = 1;
	if (index >= lines->len) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: no key after the comment",
		            name);
		return NULL;
	}
	if (lines->len > index + 1) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s:%u: unexpected text after the key", name, index + 2);
		return NULL;
	}
	if (!decode_base64(name, index + 1, g_ptr_array_index(lines, index), raw, sizeof(raw),
	                   "the key", error))
		return NULL;
	if (raw[0] != 'E' || raw[1] != 'd') {
		g_set_error(error, YM_ERROR, YM_ERROR_NOT_SUPPORTED,
		            "%s:%u: not an Ed25519 minisign key", name, index + 1);
		return NULL;
	}
	memcpy(self->id, raw + 2, KEY_ID_SIZE);
	memcpy(self->key, raw + 2 + KEY_ID_SIZE, crypto_sign_PUBLICKEYBYTES);
	format_key_id(self->id, self->id_text);
	return g_steal_pointer(&self);
}

static gchar *
read_small_file(const gchar *path, gsize max, gsize *length, GError **error)
{
	g_autofree gchar *contents = NULL;
	g_autoptr(GError) error_local = NULL;
	struct stat st;

	/* refuse before reading a huge file into memory */
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && (guint64) st.st_size > max) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s: too large (%" G_GUINT64_FORMAT " bytes, at most %" G_GSIZE_FORMAT
		            ")",
		            path, (guint64) st.st_size, max);
		return NULL;
	}
	if (!g_file_get_contents(path, &contents, length, &error_local)) {
		g_set_error_literal(error, YM_ERROR,
		                    g_error_matches(error_local, G_FILE_ERROR, G_FILE_ERROR_NOENT)
		                        ? YM_ERROR_NOT_FOUND
		                        : YM_ERROR_READ,
		                    error_local->message);
		return NULL;
	}
	return g_steal_pointer(&contents);
}

YmMinisignKey *
ym_minisign_key_new_from_file(const gchar *path, GError **error)
{
	g_autofree gchar *contents = NULL;
	gsize length = 0;

	g_return_val_if_fail(path != NULL, NULL);
	contents = read_small_file(path, KEY_FILE_MAX_SIZE, &length, error);
	if (contents == NULL)
		return NULL;
	return ym_minisign_key_new_from_data(path, contents, length, error);
}

void
ym_minisign_key_free(YmMinisignKey *self)
{
	g_free(self);
}

const gchar *
ym_minisign_key_get_id(const YmMinisignKey *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->id_text;
}

YmMinisignSignature *
ym_minisign_signature_new_from_data(const gchar *name,
                                    const gchar *data,
                                    gsize length,
                                    GError **error)
{
	g_autoptr(YmMinisignSignature) self = g_new0(YmMinisignSignature, 1);
	g_autoptr(GPtrArray) lines = NULL;
	guint8 raw[2 + KEY_ID_SIZE + crypto_sign_BYTES];
	const gchar *comment;

	g_return_val_if_fail(name != NULL, NULL);
	g_return_val_if_fail(data != NULL || length == 0, NULL);

	lines = split_lines(name, data, length, SIG_FILE_MAX_SIZE, error);
	if (lines == NULL)
		return NULL;
	if (!g_str_has_prefix(g_ptr_array_index(lines, 0), UNTRUSTED_PREFIX)) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s:1: expected \"untrusted comment:\"", name);
		return NULL;
	}
	if (lines->len != 4) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s: %u lines, a minisign signature has 4", name, lines->len);
		return NULL;
	}
	if (!decode_base64(name, 2, g_ptr_array_index(lines, 1), raw, sizeof(raw), "the signature",
	                   error))
		return NULL;
	if (raw[0] == 'E' && raw[1] == 'D') {
		self->prehashed = TRUE;
	} else if (raw[0] == 'E' && raw[1] == 'd') {
		self->prehashed = FALSE;
	} else {
		g_set_error(error, YM_ERROR, YM_ERROR_NOT_SUPPORTED,
		            "%s:2: unknown signature algorithm", name);
		return NULL;
	}
	memcpy(self->key_id, raw + 2, KEY_ID_SIZE);
	memcpy(self->signature, raw + 2 + KEY_ID_SIZE, crypto_sign_BYTES);
	format_key_id(self->key_id, self->key_id_text);

	comment = g_ptr_array_index(lines, 2);
	if (!g_str_has_prefix(comment, TRUSTED_PREFIX)) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s:3: expected \"trusted comment:\"", name);
		return NULL;
	}
	self->trusted_comment = g_strdup(comment + strlen(TRUSTED_PREFIX));
	self->trusted_comment_length = strlen(self->trusted_comment);
	if (!decode_base64(name, 4, g_ptr_array_index(lines, 3), self->global_signature,
	                   sizeof(self->global_signature), "the global signature", error))
		return NULL;
	return g_steal_pointer(&self);
}

YmMinisignSignature *
ym_minisign_signature_new_from_file(const gchar *path, GError **error)
{
	g_autofree gchar *contents = NULL;
	gsize length = 0;

	g_return_val_if_fail(path != NULL, NULL);
	contents = read_small_file(path, SIG_FILE_MAX_SIZE, &length, error);
	if (contents == NULL)
		return NULL;
	return ym_minisign_signature_new_from_data(path, contents, length, error);
}

void
ym_minisign_signature_free(YmMinisignSignature *self)
{
	if (self == NULL)
		return;
	g_free(self->trusted_comment);
	g_free(self);
}

const gchar *
ym_minisign_signature_get_key_id(const YmMinisignSignature *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->key_id_text;
}

gboolean
ym_minisign_signature_is_prehashed(const YmMinisignSignature *self)
{
	g_return_val_if_fail(self != NULL, FALSE);
	return self->prehashed;
}

const YmMinisignKey *
ym_minisign_signature_find_key(const YmMinisignSignature *self, GPtrArray *keys, GError **error)
{
	g_autoptr(GString) ids = g_string_new(NULL);

	g_return_val_if_fail(self != NULL, NULL);
	g_return_val_if_fail(keys != NULL, NULL);

	for (guint i = 0; i < keys->len; i++) {
		const YmMinisignKey *key = g_ptr_array_index(keys, i);
		if (memcmp(key->id, self->key_id, KEY_ID_SIZE) == 0)
			return key;
		if (ids->len > 0)
			g_string_append(ids, ", ");
		g_string_append(ids, key->id_text);
	}
	if (keys->len == 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID,
		            "signed with key %s but no key is trusted", self->key_id_text);
	} else {
		g_set_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID,
		            "signed with key %s but the trusted %s %s", self->key_id_text,
		            keys->len == 1 ? "key is" : "keys are", ids->str);
	}
	return NULL;
}

/* the key id, then the global signature over the trusted comment */
static gboolean
check_key_id(const YmMinisignSignature *signature, const YmMinisignKey *key, GError **error)
{
	if (memcmp(signature->key_id, key->id, KEY_ID_SIZE) != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID,
		            "signed with key %s but the trusted key is %s", signature->key_id_text,
		            key->id_text);
		return FALSE;
	}
	return TRUE;
}

static gchar *
check_trusted_comment(const YmMinisignSignature *signature,
                      const YmMinisignKey *key,
                      GError **error)
{
	gsize length = sizeof(signature->signature) + signature->trusted_comment_length;
	g_autofree guint8 *message = g_malloc(length);

	memcpy(message, signature->signature, sizeof(signature->signature));
	memcpy(message + sizeof(signature->signature), signature->trusted_comment,
	       signature->trusted_comment_length);
	if (crypto_sign_verify_detached(signature->global_signature, message, length, key->key) !=
	    0) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID,
		                    "trusted comment was altered");
		return NULL;
	}
	if (!g_utf8_validate(signature->trusted_comment, -1, NULL)) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "trusted comment is not UTF-8");
		return NULL;
	}
	return g_strdup(signature->trusted_comment);
}

static gboolean
check_message(const YmMinisignSignature *signature,
              const YmMinisignKey *key,
              const guint8 *message,
              gsize length,
              GError **error)
{
	if (crypto_sign_verify_detached(signature->signature, message, length, key->key) != 0) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID,
		                    "signature does not match the file");
		return FALSE;
	}
	return TRUE;
}

gchar *
ym_minisign_verify_data(const YmMinisignSignature *signature,
                        const YmMinisignKey *key,
                        const guint8 *data,
                        gsize length,
                        GError **error)
{
	guint8 digest[YM_MINISIGN_DIGEST_SIZE];

	g_return_val_if_fail(signature != NULL, NULL);
	g_return_val_if_fail(key != NULL, NULL);
	g_return_val_if_fail(data != NULL || length == 0, NULL);

	if (!ensure_sodium(error) || !check_key_id(signature, key, error))
		return NULL;
	if (signature->prehashed) {
		crypto_generichash(digest, sizeof(digest), data, length, NULL, 0);
		if (!check_message(signature, key, digest, sizeof(digest), error))
			return NULL;
	} else if (!check_message(signature, key, data, length, error)) {
		return NULL;
	}
	return check_trusted_comment(signature, key, error);
}

static gboolean
read_chunk(gint fd, const gchar *path, guint8 *buffer, gsize size, gsize *got, GError **error)
{
	for (;;) {
		gssize n = read(fd, buffer, size);
		if (n >= 0) {
			*got = (gsize) n;
			return TRUE;
		}
		if (errno != EINTR) {
			gint saved = errno;
			g_set_error(error, YM_ERROR, YM_ERROR_READ, "reading %s: %s", path,
			            g_strerror(saved));
			return FALSE;
		}
	}
}

/* hashes the whole file; with @whole, also keeps its bytes (legacy) */
static gboolean
read_file(const gchar *path, guint8 *digest, GByteArray *whole, gsize max_whole, GError **error)
{
	g_autofree guint8 *buffer = g_malloc(READ_CHUNK_SIZE);
	crypto_generichash_state state;
	struct stat st;
	gint fd;
	gboolean ok = TRUE;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		gint saved = errno;
		g_set_error(error, YM_ERROR, saved == ENOENT ? YM_ERROR_NOT_FOUND : YM_ERROR_READ,
		            "%s: %s", path, g_strerror(saved));
		return FALSE;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		g_set_error(error, YM_ERROR, YM_ERROR_READ, "%s: not a regular file", path);
		close(fd);
		return FALSE;
	}
	crypto_generichash_init(&state, NULL, 0, YM_MINISIGN_DIGEST_SIZE);
	for (;;) {
		gsize got = 0;
		if (!read_chunk(fd, path, buffer, READ_CHUNK_SIZE, &got, error)) {
			ok = FALSE;
			break;
		}
		if (got == 0)
			break;
		crypto_generichash_update(&state, buffer, got);
		if (whole != NULL) {
			if (whole->len + got > max_whole) {
				g_set_error(error, YM_ERROR, YM_ERROR_NOT_SUPPORTED,
				            "%s: legacy signatures are only accepted for files up "
				            "to %" G_GSIZE_FORMAT " bytes",
				            path, max_whole);
				ok = FALSE;
				break;
			}
			g_byte_array_append(whole, buffer, (guint) got);
		}
	}
	close(fd);
	crypto_generichash_final(&state, digest, YM_MINISIGN_DIGEST_SIZE);
	return ok;
}

gchar *
ym_minisign_verify_file(const YmMinisignSignature *signature,
                        const YmMinisignKey *key,
                        const gchar *path,
                        guint8 *digest,
                        GError **error)
{
	guint8 hash[YM_MINISIGN_DIGEST_SIZE];
	g_autoptr(GByteArray) whole = NULL;
	gchar *comment;

	g_return_val_if_fail(signature != NULL, NULL);
	g_return_val_if_fail(key != NULL, NULL);
	g_return_val_if_fail(path != NULL, NULL);

	if (!ensure_sodium(error) || !check_key_id(signature, key, error))
		return NULL;
	if (!signature->prehashed)
		whole = g_byte_array_new();
	if (!read_file(path, hash, whole, YM_MINISIGN_LEGACY_MAX_SIZE, error))
		return NULL;
	if (signature->prehashed) {
		if (!check_message(signature, key, hash, sizeof(hash), error))
			return NULL;
	} else if (!check_message(signature, key, whole->data, whole->len, error)) {
		return NULL;
	}
	comment = check_trusted_comment(signature, key, error);
	if (comment != NULL && digest != NULL)
		memcpy(digest, hash, sizeof(hash));
	return comment;
}
