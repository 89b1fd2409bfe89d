/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* minisign signatures made by the real minisign CLI at test time */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ym-error.h"
#include "ym-minisign.h"
#include "ym-test-common.h"
#include "ym-test-minisign.h"

typedef struct {
	gchar *dir;
	gchar *pub;   /* the trusted key */
	gchar *key;   /* its secret */
	gchar *other; /* another key's public part */
	gchar *other_key;
	gchar *file; /* 200 KiB signed data */
} Fixture;

static void
fixture_clear(Fixture *f)
{
	if (f->dir != NULL)
		ym_test_rm_rf(f->dir);
	g_free(f->dir);
	g_free(f->pub);
	g_free(f->key);
	g_free(f->other);
	g_free(f->other_key);
	g_free(f->file);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Fixture, fixture_clear)

static gboolean
fixture_init(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GString) data = g_string_new(NULL);

	if (!ym_test_have_minisign())
		return FALSE;
	f->dir = ym_test_make_tmpdir();
	ym_test_minisign_keygen(f->dir, "trusted");
	ym_test_minisign_keygen(f->dir, "other");
	f->pub = g_build_filename(f->dir, "trusted.pub", NULL);
	f->key = g_build_filename(f->dir, "trusted.key", NULL);
	f->other = g_build_filename(f->dir, "other.pub", NULL);
	f->other_key = g_build_filename(f->dir, "other.key", NULL);
	f->file = g_build_filename(f->dir, "data.bin", NULL);
	/* more than one read chunk, so the streamed hash is tested */
	for (guint i = 0; i < 200 * 1024 / 8; i++)
		g_string_append_printf(data, "%07u\n", i);
	g_file_set_contents(f->file, data->str, (gssize) data->len, &error);
	g_assert_no_error(error);
	return TRUE;
}

static gchar *
read_text(const gchar *path)
{
	g_autoptr(GError) error = NULL;
	gchar *contents = NULL;
	g_file_get_contents(path, &contents, NULL, &error);
	g_assert_no_error(error);
	return contents;
}

/* the BLAKE2b-512 of @path as coreutils' b2sum computes it */
static gchar *
b2sum(const gchar *path)
{
	const gchar *argv[] = {"b2sum", path, NULL};
	g_autofree gchar *out = ym_test_run(argv);
	return g_strndup(out, 128);
}

static void
verify_ok(Fixture *f, gboolean legacy)
{
	g_autofree gchar *sig = g_strconcat(f->file, ".minisig", NULL);
	g_autoptr(YmMinisignKey) key = NULL;
	g_autoptr(YmMinisignSignature) signature = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *comment = NULL;
	g_autofree gchar *comment2 = NULL;
	g_autofree gchar *id = ym_test_minisign_key_id(f->pub);
	g_autofree gchar *contents = NULL;
	g_autofree gchar *expected_digest = b2sum(f->file);
	g_autofree gchar *digest_hex = NULL;
	guint8 digest[YM_MINISIGN_DIGEST_SIZE] = {0};
	gsize length = 0;

	ym_test_minisign_sign(f->key, f->file, NULL, "yamori-signatures version=2026112501",
	                      legacy);
	key = ym_minisign_key_new_from_file(f->pub, &error);
	g_assert_no_error(error);
	g_assert_nonnull(key);
	g_assert_cmpstr(ym_minisign_key_get_id(key), ==, id);
	signature = ym_minisign_signature_new_from_file(sig, &error);
	g_assert_no_error(error);
	g_assert_nonnull(signature);
	g_assert_cmpstr(ym_minisign_signature_get_key_id(signature), ==, id);
	g_assert_cmpint(ym_minisign_signature_is_prehashed(signature), ==, !legacy);

	comment = ym_minisign_verify_file(signature, key, f->file, digest, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(comment, ==, "yamori-signatures version=2026112501");
	/* the digest handed back is the file's, whatever the signature kind */
	digest_hex = g_new0(gchar, 2 * sizeof(digest) + 1);
	for (guint i = 0; i < sizeof(digest); i++)
		g_snprintf(digest_hex + 2 * i, 3, "%02x", digest[i]);
	g_assert_cmpstr(digest_hex, ==, expected_digest);

	g_file_get_contents(f->file, &contents, &length, &error);
	g_assert_no_error(error);
	comment2 =
	    ym_minisign_verify_data(signature, key, (const guint8 *) contents, length, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(comment2, ==, "yamori-signatures version=2026112501");
}

static void
test_good_prehashed(void)
{
	g_auto(Fixture) f = {0};
	if (!fixture_init(&f))
		return;
	verify_ok(&f, FALSE);
}

static void
test_good_legacy(void)
{
	g_auto(Fixture) f = {0};
	if (!fixture_init(&f))
		return;
	verify_ok(&f, TRUE);
}

/* "minisign -P" takes the bare base64 line: so do we */
static void
test_bare_key(void)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *contents = NULL;
	g_autofree gchar *id = NULL;
	g_auto(GStrv) lines = NULL;
	g_autoptr(YmMinisignKey) key = NULL;
	g_autoptr(GError) error = NULL;

	if (!fixture_init(&f))
		return;
	id = ym_test_minisign_key_id(f.pub);
	contents = read_text(f.pub);
	lines = g_strsplit(contents, "\n", -1);
	key = ym_minisign_key_new_from_data("bare", lines[1], strlen(lines[1]), &error);
	g_assert_no_error(error);
	g_assert_nonnull(key);
	g_assert_cmpstr(ym_minisign_key_get_id(key), ==, id);
	/* CRLF line ends too */
	{
		g_autofree gchar *crlf = g_strdup_printf("%s\r\n%s\r\n", lines[0], lines[1]);
		g_autoptr(YmMinisignKey) key2 =
		    ym_minisign_key_new_from_data("crlf", crlf, strlen(crlf), &error);
		g_assert_no_error(error);
		g_assert_nonnull(key2);
		g_assert_cmpstr(ym_minisign_key_get_id(key2), ==, id);
	}
}

static void
test_wrong_key(void)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *sig = NULL;
	g_autofree gchar *id = NULL;
	g_autofree gchar *other_id = NULL;
	g_autofree gchar *expected = NULL;
	g_autoptr(YmMinisignKey) trusted = NULL;
	g_autoptr(YmMinisignKey) other = NULL;
	g_autoptr(YmMinisignSignature) signature = NULL;
	g_autoptr(GPtrArray) keys = g_ptr_array_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *comment = NULL;

	if (!fixture_init(&f))
		return;
	sig = g_strconcat(f.file, ".minisig", NULL);
	id = ym_test_minisign_key_id(f.pub);
	other_id = ym_test_minisign_key_id(f.other);
	g_assert_cmpstr(id, !=, other_id);
	/* signed with the other key, checked against the trusted one */
	ym_test_minisign_sign(f.other_key, f.file, NULL, "x", FALSE);
	trusted = ym_minisign_key_new_from_file(f.pub, &error);
	g_assert_no_error(error);
	other = ym_minisign_key_new_from_file(f.other, &error);
	g_assert_no_error(error);
	signature = ym_minisign_signature_new_from_file(sig, &error);
	g_assert_no_error(error);

	comment = ym_minisign_verify_file(signature, trusted, f.file, NULL, &error);
	g_assert_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID);
	g_assert_null(comment);
	expected = g_strdup_printf("signed with key %s but the trusted key is %s", other_id, id);
	g_assert_cmpstr(error->message, ==, expected);
	g_clear_error(&error);

	g_ptr_array_add(keys, trusted);
	g_assert_null(ym_minisign_signature_find_key(signature, keys, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID);
	g_assert_cmpstr(error->message, ==, expected);
	g_clear_error(&error);
	g_ptr_array_add(keys, other);
	g_assert_true(ym_minisign_signature_find_key(signature, keys, &error) == other);
	g_assert_no_error(error);
}

/* the key id of another key pasted into the signature: the id check
 * passes, the Ed25519 check does not */
static void
test_forged_key_id(void)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *sig = NULL;
	g_autofree gchar *contents = NULL;
	g_autofree gchar *pub_text = NULL;
	g_autofree gchar *forged = NULL;
	g_autofree gchar *line = NULL;
	g_autofree guint8 *raw = NULL;
	g_autofree guint8 *raw_key = NULL;
	g_auto(GStrv) lines = NULL;
	g_auto(GStrv) key_lines = NULL;
	g_autoptr(YmMinisignKey) trusted = NULL;
	g_autoptr(YmMinisignSignature) signature = NULL;
	g_autoptr(GError) error = NULL;
	gsize length = 0, key_length = 0;

	if (!fixture_init(&f))
		return;
	sig = g_strconcat(f.file, ".minisig", NULL);
	ym_test_minisign_sign(f.other_key, f.file, NULL, "x", FALSE);
	contents = read_text(sig);
	lines = g_strsplit(contents, "\n", -1);
	raw = g_base64_decode(lines[1], &length);
	g_assert_cmpuint(length, ==, 74);
	pub_text = read_text(f.pub);
	key_lines = g_strsplit(pub_text, "\n", -1);
	raw_key = g_base64_decode(key_lines[1], &key_length);
	g_assert_cmpuint(key_length, ==, 42);
	memcpy(raw + 2, raw_key + 2, 8);
	line = g_base64_encode(raw, length);
	forged = g_strdup_printf("%s\n%s\n%s\n%s\n", lines[0], line, lines[2], lines[3]);

	trusted = ym_minisign_key_new_from_file(f.pub, &error);
	g_assert_no_error(error);
	signature = ym_minisign_signature_new_from_data("forged", forged, strlen(forged), &error);
	g_assert_no_error(error);
	g_assert_null(ym_minisign_verify_file(signature, trusted, f.file, NULL, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID);
	g_assert_cmpstr(error->message, ==, "signature does not match the file");
}

static void
tampered(gboolean legacy)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *sig = NULL;
	g_autofree gchar *contents = NULL;
	g_autoptr(YmMinisignKey) key = NULL;
	g_autoptr(YmMinisignSignature) signature = NULL;
	g_autoptr(GError) error = NULL;
	gsize length = 0;

	if (!fixture_init(&f))
		return;
	sig = g_strconcat(f.file, ".minisig", NULL);
	ym_test_minisign_sign(f.key, f.file, NULL, "x", legacy);
	/* one bit in the middle of the second read chunk */
	g_file_get_contents(f.file, &contents, &length, &error);
	g_assert_no_error(error);
	contents[100000] ^= 1;
	g_file_set_contents(f.file, contents, (gssize) length, &error);
	g_assert_no_error(error);

	key = ym_minisign_key_new_from_file(f.pub, &error);
	g_assert_no_error(error);
	signature = ym_minisign_signature_new_from_file(sig, &error);
	g_assert_no_error(error);
	g_assert_null(ym_minisign_verify_file(signature, key, f.file, NULL, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID);
	g_assert_cmpstr(error->message, ==, "signature does not match the file");
	g_clear_error(&error);
	g_assert_null(
	    ym_minisign_verify_data(signature, key, (const guint8 *) contents, length, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID);
	/* and a file cut short */
	g_clear_error(&error);
	g_assert_null(
	    ym_minisign_verify_data(signature, key, (const guint8 *) contents, length - 1, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID);
}

static void
test_tampered_prehashed(void)
{
	tampered(FALSE);
}

static void
test_tampered_legacy(void)
{
	tampered(TRUE);
}

static void
test_altered_comment(void)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *sig = NULL;
	g_autofree gchar *contents = NULL;
	g_autofree gchar *altered = NULL;
	g_autoptr(YmMinisignKey) key = NULL;
	g_autoptr(YmMinisignSignature) signature = NULL;
	g_autoptr(GError) error = NULL;
	gchar *p;

	if (!fixture_init(&f))
		return;
	sig = g_strconcat(f.file, ".minisig", NULL);
	ym_test_minisign_sign(f.key, f.file, NULL, "yamori-signatures version=2026112501", FALSE);
	contents = read_text(sig);
	/* a replay of an old bundle with a newer number on it */
	p = strstr(contents, "version=2026112501");
	g_assert_nonnull(p);
	p[strlen("version=202611250")] = '9';
	key = ym_minisign_key_new_from_file(f.pub, &error);
	g_assert_no_error(error);
	signature =
	    ym_minisign_signature_new_from_data("altered", contents, strlen(contents), &error);
	g_assert_no_error(error);
	g_assert_null(ym_minisign_verify_file(signature, key, f.file, NULL, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID);
	g_assert_cmpstr(error->message, ==, "trusted comment was altered");
	g_clear_error(&error);

	/* the untrusted comment is not signed: changing it changes nothing */
	altered = g_strconcat("untrusted comment: hello", strchr(contents, '\n'), NULL);
	p = strstr(altered, "version=2026112509");
	p[strlen("version=202611250")] = '1';
	ym_minisign_signature_free(g_steal_pointer(&signature));
	signature =
	    ym_minisign_signature_new_from_data("untrusted", altered, strlen(altered), &error);
	g_assert_no_error(error);
	g_free(ym_minisign_verify_file(signature, key, f.file, NULL, &error));
	g_assert_no_error(error);
}

static void
test_missing_file(void)
{
	g_autoptr(GError) error = NULL;
	g_assert_null(ym_minisign_key_new_from_file("/nonexistent/key.pub", &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_NOT_FOUND);
	g_clear_error(&error);
	g_assert_null(ym_minisign_signature_new_from_file("/nonexistent/x.minisig", &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_NOT_FOUND);
}

/* lines of a key and a signature made with "minisign -G" and "minisign -S"
 * (any valid ones do: these tests are about the syntax) */
#define GOOD_KEY "RWQjPyNeHMZYx/NT8KcctLA4O/i0nYLtl9t3cRmmRGQzh0nBWZLgzIwr"
#define GOOD_SIG                                                                                   \
	"RUQjPyNeHMZYx8z+U4/RObSF/qAzlYYp58zWKkkJKV7ih8+/"                                         \
	"4F3X5Hf3Y72ekwXw6PuwaY9RWN8PpF4uKqeZz0dlAD"                                               \
	"sL8OJ3YQI="
#define GOOD_GLOBAL                                                                                \
	"9gjuL4PLyM8Z6OUCukjnwOt5jpW/gQ+xM5dt26IbO3s++d2O4SHpkU2KyMznfZkSLrSILCEQ5fmBYdHVpD6aDQ=="

static void
test_malformed(void)
{
	const struct {
		gboolean is_key;
		const gchar *text;
		gint code;
		const gchar *message;
	} cases[] = {
	    {TRUE, "", YM_ERROR_INVALID_DATA, "t: empty"},
	    {TRUE, "\n\n", YM_ERROR_INVALID_DATA, "t: empty"},
	    {TRUE, "untrusted comment: x\n", YM_ERROR_INVALID_DATA, "t: no key after the comment"},
	    {TRUE, "untrusted comment: x\n" GOOD_KEY "\nmore\n", YM_ERROR_INVALID_DATA,
	     "t:3: unexpected text after the key"},
	    {TRUE, "untrusted comment: x\nRWQjPyNeHMZYx/NT8Kcc!LA4O/i0nYLtl9t3cRmmRGQzh0nBWZLgzIwr",
	     YM_ERROR_INVALID_DATA, "t:2: the key is not valid base64"},
	    {TRUE, "RWQjPyNeHMZYx/NT8KcctLA4O/i0nYLtl9t3cRmmRGQzh0nBWZLg", YM_ERROR_INVALID_DATA,
	     "t:1: the key has 39 bytes, expected 42"},
	    {TRUE, "RWQjPyNeHMZYx/NT8KcctLA4O/i0nYLtl9t3cRmmRGQzh0nBWZLgzIwrAA==",
	     YM_ERROR_INVALID_DATA, "t:1: the key has 43 bytes, expected 42"},
	    /* "EE" instead of "Ed" */
	    {TRUE, "RUUjPyNeHMZYx/NT8KcctLA4O/i0nYLtl9t3cRmmRGQzh0nBWZLgzIwr",
	     YM_ERROR_NOT_SUPPORTED, "t:1: not an Ed25519 minisign key"},
	    /* base64 without its padding */
	    {TRUE, "RWQjPyNeHMZYx/NT8KcctLA4O/i0nYLtl9t3cRmmRGQzh0nBWZLgzIw", YM_ERROR_INVALID_DATA,
	     "t:1: the key is not valid base64"},
	    {FALSE, "", YM_ERROR_INVALID_DATA, "t: empty"},
	    {FALSE, GOOD_SIG "\n", YM_ERROR_INVALID_DATA, "t:1: expected \"untrusted comment:\""},
	    {FALSE, "untrusted comment: x\n" GOOD_SIG "\ntrusted comment: y\n",
	     YM_ERROR_INVALID_DATA, "t: 3 lines, a minisign signature has 4"},
	    {FALSE, "untrusted comment: x\n" GOOD_SIG "\ntrusted comment: y\n" GOOD_GLOBAL "\nz\n",
	     YM_ERROR_INVALID_DATA, "t: 5 lines, a minisign signature has 4"},
	    {FALSE, "untrusted comment: x\n" GOOD_KEY "\ntrusted comment: y\n" GOOD_GLOBAL "\n",
	     YM_ERROR_INVALID_DATA, "t:2: the signature has 42 bytes, expected 74"},
	    {FALSE, "untrusted comment: x\n" GOOD_SIG "\ntrusted: y\n" GOOD_GLOBAL "\n",
	     YM_ERROR_INVALID_DATA, "t:3: expected \"trusted comment:\""},
	    {FALSE, "untrusted comment: x\n" GOOD_SIG "\ntrusted comment: y\n" GOOD_KEY "\n",
	     YM_ERROR_INVALID_DATA, "t:4: the global signature has 42 bytes, expected 64"},
	    {FALSE, "untrusted comment: x\n" GOOD_SIG "\ntrusted comment: y\n\n",
	     YM_ERROR_INVALID_DATA, "t: 3 lines, a minisign signature has 4"},
	    /* "Xd" */
	    {FALSE,
	     "untrusted comment: x\n"
	     "WEQjPyNeHMZYx8z+U4/RObSF/qAzlYYp58zWKkkJKV7ih8+/"
	     "4F3X5Hf3Y72ekwXw6PuwaY9RWN8PpF4uKqeZz0dlAD"
	     "sL8OJ3YQI=\ntrusted comment: y\n" GOOD_GLOBAL "\n",
	     YM_ERROR_NOT_SUPPORTED, "t:2: unknown signature algorithm"},
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GError) error = NULL;
		gsize length = strlen(cases[i].text);
		gboolean ok;
		if (cases[i].is_key) {
			g_autoptr(YmMinisignKey) key =
			    ym_minisign_key_new_from_data("t", cases[i].text, length, &error);
			ok = key != NULL;
		} else {
			g_autoptr(YmMinisignSignature) signature =
			    ym_minisign_signature_new_from_data("t", cases[i].text, length, &error);
			ok = signature != NULL;
		}
		if (ok)
			g_error("case %u parsed", i);
		g_assert_error(error, YM_ERROR, cases[i].code);
		if (g_strcmp0(error->message, cases[i].message) != 0)
			g_error("case %u: \"%s\" is not \"%s\"", i, error->message,
			        cases[i].message);
	}
}

/* NUL bytes and oversized files are refused before any parsing */
static void
test_limits(void)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *big = g_strnfill(20000, 'A');
	const gchar nul[] = "untrusted comment: a\0b\n" GOOD_KEY "\n";

	g_assert_null(ym_minisign_key_new_from_data("t", nul, sizeof(nul) - 1, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_cmpstr(error->message, ==, "t: contains a NUL byte");
	g_clear_error(&error);
	g_assert_null(ym_minisign_signature_new_from_data("t", big, strlen(big), &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_cmpstr(error->message, ==, "t: too large (20000 bytes, at most 16384)");
	g_clear_error(&error);
	g_assert_null(ym_minisign_key_new_from_data("t", big, 5000, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_cmpstr(error->message, ==, "t: too large (5000 bytes, at most 4096)");
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/minisign/good-prehashed", test_good_prehashed);
	g_test_add_func("/ym/minisign/good-legacy", test_good_legacy);
	g_test_add_func("/ym/minisign/bare-key", test_bare_key);
	g_test_add_func("/ym/minisign/wrong-key", test_wrong_key);
	g_test_add_func("/ym/minisign/forged-key-id", test_forged_key_id);
	g_test_add_func("/ym/minisign/tampered-prehashed", test_tampered_prehashed);
	g_test_add_func("/ym/minisign/tampered-legacy", test_tampered_legacy);
	g_test_add_func("/ym/minisign/altered-comment", test_altered_comment);
	g_test_add_func("/ym/minisign/missing-file", test_missing_file);
	g_test_add_func("/ym/minisign/malformed", test_malformed);
	g_test_add_func("/ym/minisign/limits", test_limits);
	return g_test_run();
}
