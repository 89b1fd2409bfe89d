/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * signed signature bundles: built with tar from a copy of the repository's
 * signatures/ and signed with a key minisign makes at test time. Every
 * refusal must leave the state folder exactly as it was.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ym-error.h"
#include "ym-signature-bundle-private.h"
#include "ym-test-common.h"
#include "ym-test-minisign.h"

typedef struct {
	gchar *dir;
	gchar *tree;  /* what the next bundle holds */
	gchar *state; /* the daemon's state folder */
	gchar *pub;
	gchar *key;
	gchar *other_key;
	guint64 packaged; /* signatures/VERSION */
	guint serial;
} Fixture;

static void
fixture_clear(Fixture *f)
{
	if (f->dir != NULL)
		ym_test_rm_rf(f->dir);
	g_free(f->dir);
	g_free(f->tree);
	g_free(f->state);
	g_free(f->pub);
	g_free(f->key);
	g_free(f->other_key);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Fixture, fixture_clear)

static void
sh(const gchar *format, ...) G_GNUC_PRINTF(1, 2);

static void
sh(const gchar *format, ...)
{
	g_autofree gchar *command = NULL;
	g_autofree gchar *out = NULL;
	g_autofree gchar *err = NULL;
	g_autoptr(GError) error = NULL;
	gint status = 0;
	va_list args;
	va_start(args, format);
	command = g_strdup_vprintf(format, args);
	va_end(args);
	{
		/* output is kept off our TAP stream */
		const gchar *argv[] = {"sh", "-c", command, NULL};
		g_spawn_sync(NULL, (gchar **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
		             &err, &status, &error);
	}
	g_assert_no_error(error);
	if (!g_spawn_check_wait_status(status, NULL))
		g_error("failed: %s: %s", command, err);
}

static gchar *
repo_signatures(void)
{
	const gchar *env = g_getenv("YM_SIGNATURES_DIR");
	return env != NULL ? g_strdup(env) : g_build_filename(SRCDIR, "..", "signatures", NULL);
}

static void
write_text(const gchar *path, const gchar *text)
{
	g_autoptr(GError) error = NULL;
	g_file_set_contents(path, text, -1, &error);
	g_assert_no_error(error);
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

/* a fresh copy of the data files of signatures/ in f->tree */
static void
fixture_reset_tree(Fixture *f)
{
	g_autofree gchar *src = repo_signatures();
	g_autofree gchar *q_src = g_shell_quote(src);
	g_autofree gchar *q_tree = g_shell_quote(f->tree);
	sh("rm -rf %s && mkdir %s && cp -r %s/fingerprints %s/blocklists %s/README.md %s/ && "
	   "mkdir %s/credentials && cp %s/credentials/*.list %s/credentials/",
	   q_tree, q_tree, q_src, q_src, q_src, q_tree, q_tree, q_src, q_tree);
}

static gboolean
fixture_init(Fixture *f)
{
	g_autofree gchar *src = repo_signatures();
	g_autofree gchar *version_path = g_build_filename(src, "VERSION", NULL);
	g_autofree gchar *version = read_text(version_path);
	g_autofree gchar *db = NULL;

	if (!ym_test_have_minisign())
		return FALSE;
	f->dir = ym_test_make_tmpdir();
	f->tree = g_build_filename(f->dir, "tree", NULL);
	f->state = g_build_filename(f->dir, "state", NULL);
	f->pub = g_build_filename(f->dir, "trusted.pub", NULL);
	f->key = g_build_filename(f->dir, "trusted.key", NULL);
	f->other_key = g_build_filename(f->dir, "other.key", NULL);
	ym_test_minisign_keygen(f->dir, "trusted");
	ym_test_minisign_keygen(f->dir, "other");
	f->packaged = g_ascii_strtoull(version, NULL, 10);
	g_assert_cmpuint(f->packaged, >, 2026000000);
	fixture_reset_tree(f);
	/* the daemon's own files live next to the sets */
	g_assert_cmpint(g_mkdir(f->state, 0700), ==, 0);
	db = g_build_filename(f->state, "yamori.db", NULL);
	write_text(db, "not touched by installs");
	return TRUE;
}

/* tar of the tree (or @members, tar arguments after -C tree), signed by
 * @key with the trusted comment of @version; VERSION says @version */
static gchar *
make_bundle_full(Fixture *f,
                 guint64 version,
                 const gchar *key,
                 const gchar *comment,
                 const gchar *format,
                 const gchar *members)
{
	g_autofree gchar *name = g_strdup_printf("bundle-%u.tar", f->serial++);
	gchar *path = g_build_filename(f->dir, name, NULL);
	g_autofree gchar *version_path = g_build_filename(f->tree, "VERSION", NULL);
	g_autofree gchar *version_text = g_strdup_printf("%" G_GUINT64_FORMAT "\n", version);
	g_autofree gchar *default_comment =
	    g_strdup_printf("yamori-signatures version=%" G_GUINT64_FORMAT, version);
	g_autofree gchar *q_path = g_shell_quote(path);
	g_autofree gchar *q_tree = g_shell_quote(f->tree);

	write_text(version_path, version_text);
	sh("tar --format=%s -cf %s -C %s %s", format != NULL ? format : "ustar", q_path, q_tree,
	   members != NULL ? members : "VERSION README.md fingerprints credentials blocklists");
	if (key != NULL)
		ym_test_minisign_sign(key, path, NULL, comment != NULL ? comment : default_comment,
		                      FALSE);
	return path;
}

static gchar *
make_bundle(Fixture *f, guint64 version)
{
	return make_bundle_full(f, version, f->key, NULL, NULL, NULL);
}

static gboolean
install(Fixture *f, const gchar *bundle, GError **error)
{
	g_autofree gchar *sig = g_strconcat(bundle, ".minisig", NULL);
	const gchar *keys[] = {f->pub, NULL};
	return ym_signature_bundle_install(bundle, sig, keys, f->state, error);
}

static gint
compare_names(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(*(const gchar *const *) a, *(const gchar *const *) b);
}

/* every name, kind, mode, link target and content under @dir, sorted */
static void
snapshot_into(GString *out, const gchar *dir, const gchar *relative)
{
	g_autoptr(GDir) gdir = g_dir_open(dir, 0, NULL);
	g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
	const gchar *name;

	g_assert_nonnull(gdir);
	while ((name = g_dir_read_name(gdir)) != NULL)
		g_ptr_array_add(names, g_strdup(name));
	g_ptr_array_sort(names, compare_names);
	for (guint i = 0; i < names->len; i++) {
		const gchar *child = g_ptr_array_index(names, i);
		g_autofree gchar *path = g_build_filename(dir, child, NULL);
		g_autofree gchar *rel = g_build_filename(relative, child, NULL);
		GStatBuf st;
		g_assert_cmpint(g_lstat(path, &st), ==, 0);
		if (S_ISLNK(st.st_mode)) {
			g_autofree gchar *target = g_file_read_link(path, NULL);
			g_string_append_printf(out, "%s -> %s\n", rel, target);
		} else if (S_ISDIR(st.st_mode)) {
			g_string_append_printf(out, "%s/ %o\n", rel, st.st_mode & 07777);
			snapshot_into(out, path, rel);
		} else {
			g_autofree gchar *contents = NULL;
			g_autofree gchar *sum = NULL;
			gsize length = 0;
			g_assert_true(g_file_get_contents(path, &contents, &length, NULL));
			sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
			                                  (const guchar *) contents, length);
			g_string_append_printf(out, "%s %o %" G_GSIZE_FORMAT " %s\n", rel,
			                       st.st_mode & 07777, length, sum);
		}
	}
}

static gchar *
snapshot(const gchar *dir)
{
	GString *out = g_string_new(NULL);
	snapshot_into(out, dir, "");
	return g_string_free(out, FALSE);
}

static guint64
active_version(Fixture *f, gboolean *installed)
{
	g_autoptr(YmSignatureSet) set = ym_signature_bundle_get_active(f->state);
	if (installed != NULL)
		*installed = set->installed;
	return set->version;
}

/* the install fails with @code and a message containing @message, and
 * the state folder is unchanged */
static void
assert_refused(Fixture *f, const gchar *bundle, gint code, const gchar *message)
{
	g_autofree gchar *before = snapshot(f->state);
	g_autofree gchar *after = NULL;
	g_autoptr(GError) error = NULL;
	guint64 version = active_version(f, NULL);

	g_assert_false(install(f, bundle, &error));
	g_assert_nonnull(error);
	if (error->domain != YM_ERROR || error->code != code ||
	    strstr(error->message, message) == NULL)
		g_error("%s: got code %d \"%s\", expected %d \"%s\"", bundle, error->code,
		        error->message, code, message);
	after = snapshot(f->state);
	g_assert_cmpstr(after, ==, before);
	g_assert_cmpuint(active_version(f, NULL), ==, version);
}

static void
test_install(void)
{
	g_auto(Fixture) f = {0};
	g_autoptr(GError) error = NULL;
	g_autofree gchar *bundle = NULL;
	g_autofree gchar *link = NULL;
	g_autofree gchar *target = NULL;
	g_autofree gchar *expected_path = NULL;
	g_autofree gchar *installed_rules = NULL;
	g_autofree gchar *tree_rules = NULL;
	g_autofree gchar *db = NULL;
	g_autoptr(YmSignatureSet) set = NULL;
	gboolean installed = TRUE;
	guint64 v1;
	GStatBuf st;

	if (!fixture_init(&f))
		return;
	/* nothing installed: the packaged set is active */
	g_assert_cmpuint(active_version(&f, &installed), ==, f.packaged);
	g_assert_false(installed);

	v1 = f.packaged + 1;
	bundle = make_bundle(&f, v1);
	g_assert_true(install(&f, bundle, &error));
	g_assert_no_error(error);
	set = ym_signature_bundle_get_active(f.state);
	g_assert_true(set->installed);
	g_assert_cmpuint(set->version, ==, v1);
	expected_path = g_strdup_printf("%s/signatures-%" G_GUINT64_FORMAT, f.state, v1);
	g_assert_cmpstr(set->path, ==, expected_path);
	link = g_build_filename(f.state, "signatures", NULL);
	target = g_file_read_link(link, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(target, ==, strrchr(expected_path, '/') + 1);

	/* the files are the tree's, readable by the daemon's user */
	installed_rules = g_build_filename(set->path, "fingerprints", "10-roles.rules", NULL);
	tree_rules = g_build_filename(f.tree, "fingerprints", "10-roles.rules", NULL);
	{
		g_autofree gchar *a = read_text(installed_rules);
		g_autofree gchar *b = read_text(tree_rules);
		g_assert_cmpstr(a, ==, b);
	}
	g_assert_cmpint(g_stat(installed_rules, &st), ==, 0);
	g_assert_cmpint(st.st_mode & 0777, ==, 0644);
	g_assert_cmpint(g_stat(set->path, &st), ==, 0);
	g_assert_cmpint(st.st_mode & 0777, ==, 0755);
	db = g_build_filename(f.state, "yamori.db", NULL);
	{
		g_autofree gchar *text = read_text(db);
		g_assert_cmpstr(text, ==, "not touched by installs");
	}
}

/* the previous set is kept, older ones go */
static void
test_rotate(void)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *listing = NULL;
	g_autofree gchar *expected = NULL;

	if (!fixture_init(&f))
		return;
	for (guint i = 1; i <= 3; i++) {
		g_autofree gchar *bundle = make_bundle(&f, f.packaged + i);
		g_autoptr(GError) error = NULL;
		g_assert_true(install(&f, bundle, &error));
		g_assert_no_error(error);
		g_assert_cmpuint(active_version(&f, NULL), ==, f.packaged + i);
	}
	{
		g_autoptr(GDir) dir = g_dir_open(f.state, 0, NULL);
		g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
		const gchar *name;
		while ((name = g_dir_read_name(dir)) != NULL)
			g_ptr_array_add(names, g_strdup(name));
		g_ptr_array_sort(names, compare_names);
		g_ptr_array_add(names, NULL);
		listing = g_strjoinv(" ", (gchar **) names->pdata);
	}
	expected = g_strdup_printf("signatures signatures-%" G_GUINT64_FORMAT
	                           " signatures-%" G_GUINT64_FORMAT " yamori.db",
	                           f.packaged + 2, f.packaged + 3);
	g_assert_cmpstr(listing, ==, expected);
}

/* f->state with version packaged+1 installed, for the refusals */
static gboolean
fixture_init_installed(Fixture *f)
{
	g_autofree gchar *bundle = NULL;
	g_autoptr(GError) error = NULL;
	if (!fixture_init(f))
		return FALSE;
	bundle = make_bundle(f, f->packaged + 1);
	g_assert_true(install(f, bundle, &error));
	g_assert_no_error(error);
	return TRUE;
}

static void
test_unsigned(void)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *bundle = NULL;
	g_autofree gchar *link = NULL;

	if (!fixture_init_installed(&f))
		return;
	/* a hostile archive too: the missing signature is what is reported,
	 * the archive is not read */
	link = g_build_filename(f.tree, "blocklists", "evil.list", NULL);
	g_assert_cmpint(symlink("/etc/passwd", link), ==, 0);
	bundle = make_bundle_full(&f, f.packaged + 2, NULL, NULL, NULL, NULL);
	assert_refused(&f, bundle, YM_ERROR_SIGNATURE_INVALID, "the bundle is not signed");
}

/* a huge file is refused from its size, before anything is hashed */
static void
test_too_large(void)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *bundle = NULL;
	g_autofree gchar *huge = NULL;
	g_autofree gchar *sig = NULL;
	g_autofree gchar *huge_sig = NULL;
	g_autofree gchar *contents = NULL;

	if (!fixture_init_installed(&f))
		return;
	bundle = make_bundle(&f, f.packaged + 2);
	sig = g_strconcat(bundle, ".minisig", NULL);
	huge = g_build_filename(f.dir, "huge.tar", NULL);
	huge_sig = g_strconcat(huge, ".minisig", NULL);
	contents = read_text(sig);
	write_text(huge_sig, contents);
	/* sparse: 300 MiB that take no room */
	write_text(huge, "");
	g_assert_cmpint(truncate(huge, 300 * 1024 * 1024), ==, 0);
	assert_refused(&f, huge, YM_ERROR_INVALID_DATA,
	               "huge.tar: 314572800 bytes, more than a bundle may have");
}

static void
test_other_key(void)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *bundle = NULL;
	g_autofree gchar *other_pub = NULL;
	g_autofree gchar *message = NULL;
	g_autofree gchar *other_id = NULL;
	g_autofree gchar *trusted_id = NULL;

	if (!fixture_init_installed(&f))
		return;
	other_pub = g_build_filename(f.dir, "other.pub", NULL);
	other_id = ym_test_minisign_key_id(other_pub);
	trusted_id = ym_test_minisign_key_id(f.pub);
	bundle = make_bundle_full(&f, f.packaged + 2, f.other_key, NULL, NULL, NULL);
	message =
	    g_strdup_printf("signed with key %s but the trusted key is %s", other_id, trusted_id);
	assert_refused(&f, bundle, YM_ERROR_SIGNATURE_INVALID, message);
}

/* without --trusted-key the packaged project key is the only one trusted */
static void
test_packaged_key(void)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *bundle = NULL;
	g_autofree gchar *sig = NULL;
	g_autofree gchar *packaged_pub = NULL;
	g_autofree gchar *packaged_id = NULL;
	g_autofree gchar *before = NULL;
	g_autofree gchar *after = NULL;
	g_auto(GStrv) keys = ym_signature_bundle_get_trusted_keys();
	g_autoptr(GError) error = NULL;
	const gchar *no_keys[] = {NULL};

	if (!fixture_init_installed(&f))
		return;
	/* signatures/keys/ of the source tree, as the build tree is not installed */
	packaged_pub = g_build_filename(SRCDIR, "..", "signatures", "keys",
	                                "yamori-signatures-2026.pub", NULL);
	packaged_id = ym_test_minisign_key_id(packaged_pub);
	g_assert_cmpuint(g_strv_length(keys), ==, 1);
	g_assert_true(g_str_has_suffix(keys[0], "/signatures/keys/yamori-signatures-2026.pub"));

	bundle = make_bundle(&f, f.packaged + 2);
	sig = g_strconcat(bundle, ".minisig", NULL);
	before = snapshot(f.state);
	g_assert_false(ym_signature_bundle_install(bundle, sig, NULL, f.state, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID);
	g_assert_true(g_str_has_suffix(error->message, packaged_id));
	g_clear_error(&error);
	g_assert_false(ym_signature_bundle_install(bundle, sig, no_keys, f.state, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_NOT_FOUND);
	g_assert_cmpstr(error->message, ==, "no trusted key is installed");
	after = snapshot(f.state);
	g_assert_cmpstr(after, ==, before);
}

static void
test_tampered(void)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *bundle = NULL;
	g_autofree gchar *contents = NULL;
	g_autoptr(GError) error = NULL;
	gsize length = 0;
	gchar *p;

	if (!fixture_init_installed(&f))
		return;
	bundle = make_bundle(&f, f.packaged + 2);
	/* a listed domain changed after signing */
	g_file_get_contents(bundle, &contents, &length, &error);
	g_assert_no_error(error);
	p = memmem(contents, length, "internetbadguys.com", strlen("internetbadguys.com"));
	g_assert_nonnull(p);
	p[0] = 'X';
	g_file_set_contents(bundle, contents, (gssize) length, &error);
	g_assert_no_error(error);
	assert_refused(&f, bundle, YM_ERROR_SIGNATURE_INVALID, "signature does not match the file");
}

/* an old bundle with a newer number written into its signature */
static void
test_altered_comment(void)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *bundle = NULL;
	g_autofree gchar *sig = NULL;
	g_autofree gchar *contents = NULL;
	g_autofree gchar *old = NULL;
	g_autofree gchar *new = NULL;
	g_auto(GStrv) parts = NULL;
	g_autofree gchar *altered = NULL;

	if (!fixture_init_installed(&f))
		return;
	bundle = make_bundle(&f, f.packaged + 2);
	sig = g_strconcat(bundle, ".minisig", NULL);
	contents = read_text(sig);
	old = g_strdup_printf("version=%" G_GUINT64_FORMAT, f.packaged + 2);
	new = g_strdup_printf("version=%" G_GUINT64_FORMAT, f.packaged + 9);
	parts = g_strsplit(contents, old, -1);
	g_assert_cmpuint(g_strv_length(parts), ==, 2);
	altered = g_strjoinv(new, parts);
	write_text(sig, altered);
	assert_refused(&f, bundle, YM_ERROR_SIGNATURE_INVALID, "trusted comment was altered");
}

static void
test_bad_comment(void)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *bundle = NULL;
	g_autofree gchar *mismatch = NULL;
	g_autofree gchar *message = NULL;
	g_autofree gchar *comment = NULL;

	if (!fixture_init_installed(&f))
		return;
	/* a bundle signed for something else */
	bundle = make_bundle_full(&f, f.packaged + 2, f.key, "timestamp:1764000000\tfile:x.tar",
	                          NULL, NULL);
	assert_refused(&f, bundle, YM_ERROR_INVALID_DATA,
	               "the trusted comment \"timestamp:1764000000\\tfile:x.tar\" is not "
	               "\"yamori-signatures version=<number>\"");
	/* VERSION disagrees with the signature */
	comment = g_strdup_printf("yamori-signatures version=%" G_GUINT64_FORMAT, f.packaged + 3);
	mismatch = make_bundle_full(&f, f.packaged + 2, f.key, comment, NULL, NULL);
	message = g_strdup_printf("VERSION says %" G_GUINT64_FORMAT
	                          " but the signature vouches for %" G_GUINT64_FORMAT,
	                          f.packaged + 2, f.packaged + 3);
	assert_refused(&f, mismatch, YM_ERROR_INVALID_DATA, message);
}

static void
test_not_newer(void)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *same = NULL;
	g_autofree gchar *older = NULL;
	g_autofree gchar *packaged = NULL;
	g_autofree gchar *message = NULL;

	if (!fixture_init(&f))
		return;
	/* nothing installed: the packaged version itself is not newer */
	packaged = make_bundle(&f, f.packaged);
	assert_refused(&f, packaged, YM_ERROR_NOTHING_TO_DO, "is already active");
	older = make_bundle(&f, f.packaged - 1);
	message = g_strdup_printf("version %" G_GUINT64_FORMAT " is older than the active "
	                          "version %" G_GUINT64_FORMAT,
	                          f.packaged - 1, f.packaged);
	assert_refused(&f, older, YM_ERROR_INVALID_DATA, message);

	/* installed: the same and an older one again */
	fixture_clear(&f);
	memset(&f, 0, sizeof(f));
	if (!fixture_init_installed(&f))
		return;
	g_free(same);
	same = make_bundle(&f, f.packaged + 1);
	assert_refused(&f, same, YM_ERROR_NOTHING_TO_DO, "is already active");
	g_free(older);
	older = make_bundle(&f, f.packaged);
	g_free(message);
	message = g_strdup_printf("version %" G_GUINT64_FORMAT " is older than the active "
	                          "version %" G_GUINT64_FORMAT,
	                          f.packaged, f.packaged + 1);
	assert_refused(&f, older, YM_ERROR_INVALID_DATA, message);
}

/* correctly signed archives that try to write elsewhere or too much */
static void
test_hostile(void)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *abs_target = NULL;
	g_autofree gchar *abs_members = NULL;

	if (!fixture_init_installed(&f))
		return;
	abs_target = g_build_filename(f.dir, "outside.list", NULL);
	write_text(abs_target, "domain example.com source=\"x\"\n");
	abs_members = g_strdup_printf("-P VERSION fingerprints credentials %s", abs_target);
	{
		const struct {
			const gchar *setup; /* shell, run in the tree */
			const gchar *format;
			const gchar *members;
			const gchar *message;
		} cases[] = {
		    {"ln -s /etc/passwd blocklists/link.list", NULL, NULL,
		     "\"blocklists/link.list\" is a symbolic link; only files and folders"},
		    {"ln README.md blocklists/hard.list", NULL, NULL,
		     "\"blocklists/hard.list\" is a hard link"},
		    {"mkfifo blocklists/fifo.list", NULL, NULL,
		     "\"blocklists/fifo.list\" is a FIFO"},
		    {"cp blocklists/test-domains.list ../escape.list", NULL,
		     "-P VERSION fingerprints credentials ../escape.list",
		     "\"../escape.list\" goes up with \"..\""},
		    {"true", NULL, abs_members, "\" is an absolute path"},
		    {"truncate -s 16777217 blocklists/big.list", NULL, NULL,
		     "\"blocklists/big.list\" has 16777217 bytes, more than the 16777216 allowed"},
		    {"mkdir scripts && echo x > scripts/run.sh", NULL,
		     "VERSION fingerprints credentials scripts",
		     "\"scripts/\" is not one of the folders"},
		    {"echo x > 'blocklists/a b.list'", NULL, NULL,
		     "\"blocklists/a b.list\" has a character other than"},
		    {"echo x > blocklists/.hidden", NULL, NULL,
		     "\"blocklists/.hidden\" has a component starting with a dot"},
		    {"mkdir blocklists/sub && echo x > blocklists/sub/x.list", NULL, NULL,
		     "\"blocklists/sub/\" is in a sub-folder"},
		    {"true", "gnu", NULL, "\"VERSION\" is in the GNU tar format"},
		    {"true", "pax", NULL, "is a pax extended header"},
		};
		for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
			g_autofree gchar *bundle = NULL;
			g_autofree gchar *q_tree = g_shell_quote(f.tree);
			g_test_message("hostile case %u: %s", i, cases[i].message);
			fixture_reset_tree(&f);
			sh("cd %s && %s", q_tree, cases[i].setup);
			bundle = make_bundle_full(&f, f.packaged + 2, f.key, NULL, cases[i].format,
			                          cases[i].members);
			assert_refused(&f, bundle, YM_ERROR_INVALID_DATA, cases[i].message);
		}
	}
}

/* a correctly signed bundle with a broken rule file: named with its line */
static void
test_broken_rule(void)
{
	g_auto(Fixture) f = {0};
	const struct {
		const gchar *file;
		const gchar *text;
		const gchar *message;
	} cases[] = {
	    {"blocklists/zz-broken.list", "# mine\ncidr 192.0.2.1/24 source=\"me\"\n",
	     "a rule file is broken: blocklists/zz-broken.list:2: cidr \"192.0.2.1/24\" has host "
	     "bits set"},
	    {"fingerprints/99-broken.rules",
	     "# a typo on line 2\nvendor ~ \"x\" -> kind=toaster@10\n",
	     "a rule file is broken: fingerprints/99-broken.rules:2: unknown kind \"toaster\""},
	    {"credentials/zz-broken.list", "\n\n\nnot a credential line\n",
	     "a rule file is broken: credentials/zz-broken.list:4: "},
	};

	if (!fixture_init_installed(&f))
		return;
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *bundle = NULL;
		g_autofree gchar *path = NULL;
		g_autofree gchar *before = snapshot(f.state);
		g_autofree gchar *after = NULL;
		g_autoptr(GError) error = NULL;
		fixture_reset_tree(&f);
		path = g_build_filename(f.tree, cases[i].file, NULL);
		write_text(path, cases[i].text);
		bundle = make_bundle(&f, f.packaged + 2);
		g_assert_false(install(&f, bundle, &error));
		g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
		if (!g_str_has_prefix(error->message, cases[i].message))
			g_error("case %u: \"%s\" does not start with \"%s\"", i, error->message,
			        cases[i].message);
		/* the bundle's names, not our temporary folder */
		g_assert_null(strstr(error->message, f.state));
		after = snapshot(f.state);
		g_assert_cmpstr(after, ==, before);
	}
	g_assert_cmpuint(active_version(&f, NULL), ==, f.packaged + 1);
}

/* a real folder where the link should be is not replaced */
static void
test_state_folder(void)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *bundle = NULL;
	g_autofree gchar *folder = NULL;
	g_autofree gchar *folder_version = NULL;
	g_autofree gchar *stale = NULL;
	g_autofree gchar *junk = NULL;
	g_autoptr(GError) error = NULL;

	if (!fixture_init(&f))
		return;
	folder = g_build_filename(f.state, "signatures", NULL);
	g_assert_cmpint(g_mkdir(folder, 0755), ==, 0);
	folder_version = g_build_filename(folder, "VERSION", NULL);
	write_text(folder_version, "1\n");
	bundle = make_bundle(&f, f.packaged + 1);
	assert_refused(&f, bundle, YM_ERROR_INVALID_DATA, "is not a symbolic link");
	g_assert_cmpint(g_unlink(folder_version), ==, 0);
	g_assert_cmpint(g_rmdir(folder), ==, 0);

	/* the leftover of an interrupted install is replaced */
	stale = g_strdup_printf("%s/signatures-%" G_GUINT64_FORMAT ".tmp", f.state, f.packaged + 1);
	g_assert_cmpint(g_mkdir(stale, 0755), ==, 0);
	junk = g_build_filename(stale, "junk", NULL);
	write_text(junk, "x");
	g_assert_true(install(&f, bundle, &error));
	g_assert_no_error(error);
	g_assert_false(g_file_test(stale, G_FILE_TEST_EXISTS));
	g_assert_cmpuint(active_version(&f, NULL), ==, f.packaged + 1);
}

/* an installed set older than the packaged one (a package upgrade) is not used */
static void
test_packaged_newer(void)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *packaged = NULL;
	g_autofree gchar *version_path = NULL;
	g_autofree gchar *old_env = g_strdup(g_getenv("YM_SIGNATURES_DIR"));
	g_autofree gchar *q_tree = NULL;
	g_autofree gchar *q_packaged = NULL;
	g_autoptr(YmSignatureSet) set = NULL;

	if (!fixture_init_installed(&f))
		return;
	packaged = g_build_filename(f.dir, "packaged", NULL);
	q_tree = g_shell_quote(f.tree);
	q_packaged = g_shell_quote(packaged);
	sh("cp -r %s %s", q_tree, q_packaged);
	version_path = g_build_filename(packaged, "VERSION", NULL);
	write_text(version_path, "2099010100\n");
	g_setenv("YM_SIGNATURES_DIR", packaged, TRUE);
	set = ym_signature_bundle_get_active(f.state);
	if (old_env != NULL)
		g_setenv("YM_SIGNATURES_DIR", old_env, TRUE);
	else
		g_unsetenv("YM_SIGNATURES_DIR");
	g_assert_false(set->installed);
	g_assert_cmpuint(set->version, ==, 2099010100);
	g_assert_cmpstr(set->path, ==, packaged);
}

/* ---- the ustar reader on hand-made headers ---- */

static void
put_header_full(GByteArray *out,
                const gchar *name,
                gchar type,
                const gchar *size_field,
                const gchar *magic,
                const gchar *linkname)
{
	guint8 h[512] = {0};
	guint sum = 0;
	memcpy(h, name, MIN(strlen(name), 100));
	memcpy(h + 100, "0000644", 8);
	memcpy(h + 108, "0000000", 8);
	memcpy(h + 116, "0000000", 8);
	memcpy(h + 124, size_field, MIN(strlen(size_field), 12));
	memcpy(h + 136, "00000000000", 12);
	h[156] = (guint8) type;
	if (linkname != NULL)
		memcpy(h + 157, linkname, strlen(linkname));
	memcpy(h + 257, magic, 8);
	memset(h + 148, ' ', 8);
	for (guint i = 0; i < sizeof(h); i++)
		sum += h[i];
	g_snprintf((gchar *) h + 148, 8, "%06o", sum);
	h[155] = ' ';
	g_byte_array_append(out, h, sizeof(h));
}

static void
put_file(GByteArray *out, const gchar *name, const gchar *data)
{
	gsize length = strlen(data);
	g_autofree gchar *size = g_strdup_printf("%011" G_GSIZE_MODIFIER "o", length);
	guint8 zeros[512] = {0};
	put_header_full(out, name, '0', size,
	                "ustar\0"
	                "00",
	                NULL);
	g_byte_array_append(out, (const guint8 *) data, (guint) length);
	g_byte_array_append(out, zeros, (guint) ((512 - length % 512) % 512));
}

static void
put_end(GByteArray *out)
{
	guint8 zeros[1024] = {0};
	g_byte_array_append(out, zeros, sizeof(zeros));
}

static gboolean
count_entry(const gchar *name,
            gboolean is_dir,
            const guint8 *data,
            gsize length,
            gpointer user_data,
            GError **error)
{
	GString *seen = user_data;
	g_string_append_printf(seen, "%s%s:%" G_GSIZE_FORMAT ";", name, is_dir ? "/" : "", length);
	return TRUE;
}

static void
assert_parse_error(GByteArray *tar, const gchar *message)
{
	g_autoptr(GString) seen = g_string_new(NULL);
	g_autoptr(GError) error = NULL;
	g_assert_false(
	    _ym_signature_bundle_parse_data(tar->data, tar->len, count_entry, seen, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	if (strstr(error->message, message) == NULL)
		g_error("\"%s\" does not contain \"%s\"", error->message, message);
}

static void
test_reader(void)
{
	g_autoptr(GString) seen = g_string_new(NULL);
	g_autoptr(GError) error = NULL;
	const gchar *ustar = "ustar\0"
	                     "00";

	/* good: "./" names, a folder, trailing record padding */
	{
		g_autoptr(GByteArray) tar = g_byte_array_new();
		guint8 zeros[8192] = {0};
		put_header_full(tar, "./", '5', "00000000000", ustar, NULL);
		put_file(tar, "./VERSION", "2026112501\n");
		put_header_full(tar, "blocklists/", '5', "00000000000", ustar, NULL);
		put_file(tar, "blocklists/a.list", "");
		put_end(tar);
		g_byte_array_append(tar, zeros, sizeof(zeros));
		g_assert_true(_ym_signature_bundle_parse_data(tar->data, tar->len, count_entry,
		                                              seen, &error));
		g_assert_no_error(error);
		g_assert_cmpstr(seen->str, ==, "VERSION:11;blocklists/:0;blocklists/a.list:0;");
	}
	/* a wrong checksum */
	{
		g_autoptr(GByteArray) tar = g_byte_array_new();
		put_file(tar, "VERSION", "1\n");
		put_end(tar);
		tar->data[0] = 'W';
		assert_parse_error(tar, "\"WERSION\" has a wrong header checksum");
	}
	/* bad numbers: not octal, base-256, empty */
	{
		g_autoptr(GByteArray) tar = g_byte_array_new();
		put_header_full(tar, "VERSION", '0', "00000000009", ustar, NULL);
		put_end(tar);
		assert_parse_error(tar, "offset 0: \"VERSION\" has a bad size field");
	}
	{
		g_autoptr(GByteArray) tar = g_byte_array_new();
		put_header_full(tar, "VERSION", '0', "\x80\0\0\0\0\0\0\0\0\0\0\x01", ustar, NULL);
		put_end(tar);
		assert_parse_error(tar, "\"VERSION\" has a bad size field");
	}
	{
		g_autoptr(GByteArray) tar = g_byte_array_new();
		put_header_full(tar, "VERSION", '0', "", ustar, NULL);
		put_end(tar);
		assert_parse_error(tar, "\"VERSION\" has a bad size field");
	}
	/* not ustar at all (v7) */
	{
		g_autoptr(GByteArray) tar = g_byte_array_new();
		put_header_full(tar, "VERSION", '0', "00000000000", "\0\0\0\0\0\0\0\0", NULL);
		put_end(tar);
		assert_parse_error(tar, "\"VERSION\" has no POSIX ustar header");
	}
	/* a file with a link name, a folder with data, a GNU long name */
	{
		g_autoptr(GByteArray) tar = g_byte_array_new();
		put_header_full(tar, "VERSION", '0', "00000000000", ustar, "/etc/shadow");
		put_end(tar);
		assert_parse_error(tar, "\"VERSION\" has a link name");
	}
	{
		g_autoptr(GByteArray) tar = g_byte_array_new();
		put_header_full(tar, "blocklists/", '5', "00000000001", ustar, NULL);
		put_end(tar);
		assert_parse_error(tar, "\"blocklists/\" is a folder with data");
	}
	{
		g_autoptr(GByteArray) tar = g_byte_array_new();
		put_header_full(tar, "././@LongLink", 'L', "00000000000", ustar, NULL);
		put_end(tar);
		assert_parse_error(tar, "is a GNU long-name header");
	}
	/* twice the same file, once through "./" */
	{
		g_autoptr(GByteArray) tar = g_byte_array_new();
		put_file(tar, "VERSION", "1\n");
		put_file(tar, "./VERSION", "2\n");
		put_end(tar);
		assert_parse_error(tar, "offset 1024: \"./VERSION\" appears twice");
	}
	/* cut short: in the data, without the end, with one zero block */
	{
		g_autoptr(GByteArray) tar = g_byte_array_new();
		put_file(tar, "VERSION", "1\n");
		g_byte_array_set_size(tar, 600);
		assert_parse_error(tar, "the archive is cut short at offset 600");
	}
	{
		g_autoptr(GByteArray) tar = g_byte_array_new();
		put_file(tar, "VERSION", "1\n");
		assert_parse_error(tar, "the archive is cut short at offset 1024");
	}
	{
		g_autoptr(GByteArray) tar = g_byte_array_new();
		guint8 zeros[512] = {0};
		put_file(tar, "VERSION", "1\n");
		g_byte_array_append(tar, zeros, sizeof(zeros));
		put_file(tar, "README.md", "x");
		put_end(tar);
		assert_parse_error(tar, "offset 1024: a lone zero block inside the archive");
	}
	/* something hidden after the end */
	{
		g_autoptr(GByteArray) tar = g_byte_array_new();
		put_file(tar, "VERSION", "1\n");
		put_end(tar);
		put_file(tar, "blocklists/hidden.list", "x");
		assert_parse_error(tar, "data after the end of the archive (offset 2048)");
	}
	/* more entries than allowed */
	{
		g_autoptr(GByteArray) tar = g_byte_array_new();
		for (guint i = 0; i <= YM_SIGNATURE_BUNDLE_MAX_ENTRIES; i++) {
			g_autofree gchar *name = g_strdup_printf("blocklists/%05u.list", i);
			put_file(tar, name, "");
		}
		put_end(tar);
		assert_parse_error(tar, "more than 10000 entries");
	}
}

static void
test_parse_version(void)
{
	const struct {
		const gchar *text;
		guint64 value; /* 0: refused */
	} cases[] = {
	    {"2026112501", 2026112501},
	    {"1", 1},
	    {"999999999999999999", 999999999999999999},
	    {"0", 0},
	    {"", 0},
	    {"02026112501", 0},
	    {"2026112501 ", 0},
	    {"-1", 0},
	    {"1e9", 0},
	    {"1000000000000000000", 0},
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GError) error = NULL;
		guint64 value = 0;
		gboolean ok = _ym_signature_bundle_parse_version(
		    cases[i].text, strlen(cases[i].text), &value, &error);
		if (cases[i].value == 0) {
			g_assert_false(ok);
			g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
		} else {
			g_assert_no_error(error);
			g_assert_true(ok);
			g_assert_cmpuint(value, ==, cases[i].value);
		}
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/signature-bundle/install", test_install);
	g_test_add_func("/ym/signature-bundle/rotate", test_rotate);
	g_test_add_func("/ym/signature-bundle/unsigned", test_unsigned);
	g_test_add_func("/ym/signature-bundle/too-large", test_too_large);
	g_test_add_func("/ym/signature-bundle/other-key", test_other_key);
	g_test_add_func("/ym/signature-bundle/packaged-key", test_packaged_key);
	g_test_add_func("/ym/signature-bundle/tampered", test_tampered);
	g_test_add_func("/ym/signature-bundle/altered-comment", test_altered_comment);
	g_test_add_func("/ym/signature-bundle/bad-comment", test_bad_comment);
	g_test_add_func("/ym/signature-bundle/not-newer", test_not_newer);
	g_test_add_func("/ym/signature-bundle/hostile", test_hostile);
	g_test_add_func("/ym/signature-bundle/broken-rule", test_broken_rule);
	g_test_add_func("/ym/signature-bundle/state-folder", test_state_folder);
	g_test_add_func("/ym/signature-bundle/packaged-newer", test_packaged_newer);
	g_test_add_func("/ym/signature-bundle/reader", test_reader);
	g_test_add_func("/ym/signature-bundle/parse-version", test_parse_version);
	return g_test_run();
}
