/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * signed signature bundles: a ustar archive of the signatures folder with
 * a detached minisign signature whose trusted comment is
 * "yamori-signatures version=<N>". The signature is checked before a byte
 * of the archive is parsed; the archive is then read once more while
 * being hashed, and nothing is switched unless that hash is the verified
 * one, so a file changed in between is refused.
 *
 * The state folder holds the installed sets:
 *
 *   signatures -> signatures-2026120101   (the active set, one rename(2))
 *   signatures-2026120101/
 *   signatures-2026112501/                (the previous set, kept)
 */

#define G_LOG_DOMAIN "YmSignatureBundle"

#include "config.h"

#include "ym-signature-bundle.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ym-blocklist.h"
#include "ym-vendor-alias.h"
#include "ym-credential-list.h"
#include "ym-error.h"
#include "ym-fingerprints.h"
#include "ym-minisign.h"
#include "ym-signature-bundle-private.h"

#define TRUSTED_COMMENT_PREFIX "yamori-signatures version="
#define ACTIVE_LINK            "signatures"
#define SET_PREFIX             "signatures-"
#define VERSION_MAX_SIZE       64

void
ym_signature_set_free(YmSignatureSet *self)
{
	if (self == NULL)
		return;
	g_free(self->path);
	g_free(self);
}

gchar *
ym_signature_bundle_get_packaged_dir(void)
{
	const gchar *env = g_getenv("YM_SIGNATURES_DIR");
	if (env != NULL)
		return g_strdup(env);
	if (g_file_test(YM_SIGNATURES_DIR, G_FILE_TEST_IS_DIR))
		return g_strdup(YM_SIGNATURES_DIR);
	return g_strdup(YM_SOURCE_SIGNATURES_DIR);
}

static gint
compare_strings(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(*(const gchar *const *) a, *(const gchar *const *) b);
}

GStrv
ym_signature_bundle_get_trusted_keys(void)
{
	const gchar *dir =
	    g_file_test(YM_KEYS_DIR, G_FILE_TEST_IS_DIR) ? YM_KEYS_DIR : YM_SOURCE_KEYS_DIR;
	g_autoptr(GDir) gdir = g_dir_open(dir, 0, NULL);
	g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func(g_free);
	const gchar *name;

	while (gdir != NULL && (name = g_dir_read_name(gdir)) != NULL) {
		if (g_str_has_suffix(name, ".pub"))
			g_ptr_array_add(paths, g_build_filename(dir, name, NULL));
	}
	g_ptr_array_sort(paths, compare_strings);
	g_ptr_array_add(paths, NULL);
	return (GStrv) g_ptr_array_free(g_steal_pointer(&paths), FALSE);
}

/* the text of VERSION: digits and one optional newline */
static gboolean
parse_version_file(const gchar *name,
                   const gchar *data,
                   gsize length,
                   guint64 *version,
                   GError **error)
{
	if (length > 0 && data[length - 1] == '\n')
		length--;
	if (!_ym_signature_bundle_parse_version(data, length, version, error)) {
		g_prefix_error(error, "%s: ", name);
		return FALSE;
	}
	return TRUE;
}

gboolean
ym_signature_bundle_read_version(const gchar *dir, guint64 *version, GError **error)
{
	g_autofree gchar *path = NULL;
	g_autofree gchar *contents = NULL;
	g_autoptr(GError) error_local = NULL;
	gsize length = 0;
	GStatBuf st;

	g_return_val_if_fail(dir != NULL, FALSE);
	g_return_val_if_fail(version != NULL, FALSE);

	path = g_build_filename(dir, "VERSION", NULL);
	if (g_stat(path, &st) == 0 && st.st_size > VERSION_MAX_SIZE) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: too large", path);
		return FALSE;
	}
	if (!g_file_get_contents(path, &contents, &length, &error_local)) {
		g_set_error_literal(error, YM_ERROR,
		                    g_error_matches(error_local, G_FILE_ERROR, G_FILE_ERROR_NOENT)
		                        ? YM_ERROR_NOT_FOUND
		                        : YM_ERROR_READ,
		                    error_local->message);
		return FALSE;
	}
	return parse_version_file(path, contents, length, version, error);
}

static guint64
packaged_version(const gchar *dir)
{
	g_autoptr(GError) error = NULL;
	guint64 version = 0;
	if (!ym_signature_bundle_read_version(dir, &version, &error)) {
		if (!g_error_matches(error, YM_ERROR, YM_ERROR_NOT_FOUND))
			g_warning("packaged signatures: %s", error->message);
		return 0;
	}
	return version;
}

/* the installed set of @state_dir with its version, or NULL */
static gchar *
installed_set(const gchar *state_dir, guint64 *version)
{
	g_autofree gchar *link = g_build_filename(state_dir, ACTIVE_LINK, NULL);
	g_autofree gchar *real = NULL;
	g_autoptr(GError) error = NULL;

	*version = 0;
	if (!g_file_test(link, G_FILE_TEST_EXISTS))
		return NULL;
	real = realpath(link, NULL);
	if (real == NULL) {
		g_warning("installed signatures %s: %s", link, g_strerror(errno));
		return NULL;
	}
	if (!ym_signature_bundle_read_version(real, version, &error)) {
		g_warning("ignoring the installed signatures: %s", error->message);
		*version = 0;
		return NULL;
	}
	return g_steal_pointer(&real);
}

YmSignatureSet *
ym_signature_bundle_get_active(const gchar *state_dir)
{
	g_autoptr(YmSignatureSet) set = g_new0(YmSignatureSet, 1);
	g_autofree gchar *installed = NULL;
	guint64 installed_version = 0;

	set->path = ym_signature_bundle_get_packaged_dir();
	set->version = packaged_version(set->path);
	if (state_dir != NULL)
		installed = installed_set(state_dir, &installed_version);
	if (installed != NULL && installed_version > set->version) {
		g_free(set->path);
		set->path = g_steal_pointer(&installed);
		set->version = installed_version;
		set->installed = TRUE;
	}
	return g_steal_pointer(&set);
}

/* ---- verification ---- */

static GPtrArray *
load_keys(const gchar *const *files, GError **error)
{
	g_autoptr(GPtrArray) keys =
	    g_ptr_array_new_with_free_func((GDestroyNotify) ym_minisign_key_free);
	g_auto(GStrv) defaults = NULL;

	if (files == NULL) {
		defaults = ym_signature_bundle_get_trusted_keys();
		files = (const gchar *const *) defaults;
	}
	for (guint i = 0; files[i] != NULL; i++) {
		YmMinisignKey *key = ym_minisign_key_new_from_file(files[i], error);
		if (key == NULL) {
			g_prefix_error_literal(error, "loading a trusted key: ");
			return NULL;
		}
		g_ptr_array_add(keys, key);
	}
	if (keys->len == 0) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_NOT_FOUND,
		                    "no trusted key is installed");
		return NULL;
	}
	return g_steal_pointer(&keys);
}

/* the signature, then the version its trusted comment vouches for */
static gboolean
verify_bundle(const gchar *bundle_path,
              const gchar *sig_path,
              const gchar *const *trusted_key_files,
              guint64 *version,
              guint8 *digest,
              GError **error)
{
	g_autoptr(GPtrArray) keys = NULL;
	g_autoptr(YmMinisignSignature) signature = NULL;
	g_autoptr(GError) error_local = NULL;
	g_autofree gchar *comment = NULL;
	const YmMinisignKey *key;
	GStatBuf st;

	keys = load_keys(trusted_key_files, error);
	if (keys == NULL)
		return FALSE;
	if (g_stat(bundle_path, &st) != 0) {
		gint saved = errno;
		g_set_error(error, YM_ERROR, saved == ENOENT ? YM_ERROR_NOT_FOUND : YM_ERROR_READ,
		            "%s: %s", bundle_path, g_strerror(saved));
		return FALSE;
	}
	if ((guint64) st.st_size > YM_SIGNATURE_BUNDLE_MAX_SIZE) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s: %" G_GUINT64_FORMAT " bytes, more than a bundle may have",
		            bundle_path, (guint64) st.st_size);
		return FALSE;
	}
	signature = ym_minisign_signature_new_from_file(sig_path, &error_local);
	if (signature == NULL) {
		if (g_error_matches(error_local, YM_ERROR, YM_ERROR_NOT_FOUND)) {
			g_set_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID,
			            "the bundle is not signed: %s", error_local->message);
			return FALSE;
		}
		g_propagate_prefixed_error(error, g_steal_pointer(&error_local),
		                           "reading the signature: ");
		return FALSE;
	}
	key = ym_minisign_signature_find_key(signature, keys, error);
	if (key == NULL)
		return FALSE;
	comment = ym_minisign_verify_file(signature, key, bundle_path, digest, error);
	if (comment == NULL)
		return FALSE;
	if (!g_str_has_prefix(comment, TRUSTED_COMMENT_PREFIX) ||
	    !_ym_signature_bundle_parse_version(comment + strlen(TRUSTED_COMMENT_PREFIX),
	                                        strlen(comment) - strlen(TRUSTED_COMMENT_PREFIX),
	                                        version, NULL)) {
		g_autofree gchar *printable = g_strescape(comment, NULL);
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "the trusted comment \"%s\" is not \"" TRUSTED_COMMENT_PREFIX
		            "<number>\"",
		            printable);
		return FALSE;
	}
	return TRUE;
}

static gboolean
check_newer(const gchar *state_dir, guint64 version, GError **error)
{
	g_autoptr(YmSignatureSet) active = ym_signature_bundle_get_active(state_dir);
	if (version == active->version) {
		g_set_error(error, YM_ERROR, YM_ERROR_NOTHING_TO_DO,
		            "version %" G_GUINT64_FORMAT " is already active (%s)", version,
		            active->path);
		return FALSE;
	}
	if (version < active->version) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "version %" G_GUINT64_FORMAT " is older than the active version "
		            "%" G_GUINT64_FORMAT " (%s)",
		            version, active->version, active->path);
		return FALSE;
	}
	return TRUE;
}

/* ---- files in the state folder ---- */

/* removes what we created: our folders hold only files and folders */
static gboolean
remove_tree(const gchar *path, guint depth, GError **error)
{
	GStatBuf st;

	if (g_lstat(path, &st) != 0) {
		if (errno == ENOENT)
			return TRUE;
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "%s: %s", path, g_strerror(errno));
		return FALSE;
	}
	if (S_ISDIR(st.st_mode)) {
		g_autoptr(GDir) dir = NULL;
		const gchar *name;
		if (depth > 4) {
			g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "%s: nested too deep", path);
			return FALSE;
		}
		dir = g_dir_open(path, 0, NULL);
		while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
			g_autofree gchar *child = g_build_filename(path, name, NULL);
			if (!remove_tree(child, depth + 1, error))
				return FALSE;
		}
		if (g_rmdir(path) != 0) {
			g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "removing %s: %s", path,
			            g_strerror(errno));
			return FALSE;
		}
		return TRUE;
	}
	if (g_unlink(path) != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "removing %s: %s", path,
		            g_strerror(errno));
		return FALSE;
	}
	return TRUE;
}

static gboolean
sync_path(const gchar *path, GError **error)
{
	gint fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fsync(fd) != 0) {
		gint saved = errno;
		if (fd >= 0)
			close(fd);
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "syncing %s: %s", path,
		            g_strerror(saved));
		return FALSE;
	}
	close(fd);
	return TRUE;
}

/* what is being extracted into <state_dir>/signatures-<N>.tmp */
typedef struct {
	const gchar *root;
	gboolean set_owner; /* root installing for the daemon's user */
	uid_t uid;
	gid_t gid;
	gchar *version_text; /* the VERSION file */
	gsize version_length;
} Extraction;

static gboolean
fix_owner(Extraction *extraction, const gchar *path, GError **error)
{
	if (extraction->set_owner && lchown(path, extraction->uid, extraction->gid) != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "%s: %s", path, g_strerror(errno));
		return FALSE;
	}
	return TRUE;
}

static gboolean
make_folder(Extraction *extraction, const gchar *path, GError **error)
{
	if (g_mkdir(path, 0755) != 0) {
		if (errno == EEXIST && g_file_test(path, G_FILE_TEST_IS_DIR))
			return TRUE;
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "creating %s: %s", path,
		            g_strerror(errno));
		return FALSE;
	}
	/* readable by the daemon whatever the installer's umask */
	if (chmod(path, 0755) != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "%s: %s", path, g_strerror(errno));
		return FALSE;
	}
	return fix_owner(extraction, path, error);
}

static gboolean
write_file(const gchar *path, const guint8 *data, gsize length, GError **error)
{
	gsize done = 0;
	gint fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "creating %s: %s", path,
		            g_strerror(errno));
		return FALSE;
	}
	while (done < length) {
		gssize n = write(fd, data + done, length - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			gint saved = n < 0 ? errno : ENOSPC;
			close(fd);
			g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "writing %s: %s", path,
			            g_strerror(saved));
			return FALSE;
		}
		done += (gsize) n;
	}
	if (fchmod(fd, 0644) != 0 || fsync(fd) != 0) {
		gint saved = errno;
		close(fd);
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "writing %s: %s", path,
		            g_strerror(saved));
		return FALSE;
	}
	if (close(fd) != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "writing %s: %s", path,
		            g_strerror(errno));
		return FALSE;
	}
	return TRUE;
}

/* names were checked by the reader: no "..", no "/" at the start, only
 * [A-Za-z0-9._-], at most two levels, so everything lands under root */
static gboolean
extract_entry(const gchar *name,
              gboolean is_dir,
              const guint8 *data,
              gsize length,
              gpointer user_data,
              GError **error)
{
	Extraction *extraction = user_data;
	g_autofree gchar *path = g_build_filename(extraction->root, name, NULL);
	g_autofree gchar *parent = g_path_get_dirname(path);

	if (is_dir)
		return make_folder(extraction, path, error);
	if (g_strcmp0(parent, extraction->root) != 0 && !make_folder(extraction, parent, error))
		return FALSE;
	if (g_strcmp0(name, "VERSION") == 0) {
		if (length > VERSION_MAX_SIZE) {
			g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			                    "VERSION: too large");
			return FALSE;
		}
		extraction->version_text = g_strndup((const gchar *) data, length);
		extraction->version_length = length;
	}
	if (!write_file(path, data, length, error))
		return FALSE;
	return fix_owner(extraction, path, error);
}

/* reads the archive again, hashing it, and writes it under @root */
static gboolean
extract_bundle(const gchar *bundle_path,
               Extraction *extraction,
               const guint8 *verified_digest,
               GError **error)
{
	crypto_generichash_state state;
	guint8 digest[YM_MINISIGN_DIGEST_SIZE];
	YmSignatureBundleSource source = {.name = bundle_path, .hash = &state};
	gboolean ok;

	source.fd = open(bundle_path, O_RDONLY | O_CLOEXEC);
	if (source.fd < 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_READ, "%s: %s", bundle_path,
		            g_strerror(errno));
		return FALSE;
	}
	crypto_generichash_init(&state, NULL, 0, sizeof(digest));
	ok = _ym_signature_bundle_read_tar(&source, extract_entry, extraction, error);
	close(source.fd);
	if (!ok)
		return FALSE;
	crypto_generichash_final(&state, digest, sizeof(digest));
	if (sodium_memcmp(digest, verified_digest, sizeof(digest)) != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID,
		            "%s changed while it was installed", bundle_path);
		return FALSE;
	}
	return TRUE;
}

/* every rule file through the daemon's own loaders: a correctly signed
 * bundle with a broken file must not become the active set */
static gboolean
validate_rules(const gchar *root, guint64 version, const Extraction *extraction, GError **error)
{
	g_autoptr(YmFingerprints) fingerprints = ym_fingerprints_new();
	g_autoptr(YmCredentialList) credentials = ym_credential_list_new();
	g_autoptr(YmBlocklist) blocklists = ym_blocklist_new();
	g_autofree gchar *fingerprints_dir = g_build_filename(root, "fingerprints", NULL);
	g_autofree gchar *credentials_dir = g_build_filename(root, "credentials", NULL);
	g_autofree gchar *blocklists_dir = g_build_filename(root, "blocklists", NULL);
	g_autofree gchar *aliases_file = g_build_filename(root, "advisories", "aliases.txt", NULL);
	g_autoptr(YmVendorAliases) aliases = ym_vendor_aliases_new();
	g_autoptr(GError) error_local = NULL;
	guint64 file_version = 0;

	if (extraction->version_text == NULL) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "the bundle has no VERSION file");
		return FALSE;
	}
	if (!parse_version_file("VERSION", extraction->version_text, extraction->version_length,
	                        &file_version, error))
		return FALSE;
	if (file_version != version) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "VERSION says %" G_GUINT64_FORMAT " but the signature vouches for "
		            "%" G_GUINT64_FORMAT,
		            file_version, version);
		return FALSE;
	}
	if (!ym_fingerprints_load_dir(fingerprints, fingerprints_dir, &error_local) ||
	    !ym_credential_list_load_dir(credentials, credentials_dir, &error_local) ||
	    !ym_blocklist_load_dir(blocklists, blocklists_dir, &error_local) ||
	    (g_file_test(aliases_file, G_FILE_TEST_EXISTS) &&
	     !ym_vendor_aliases_load_file(aliases, aliases_file, &error_local))) {
		/* name the file as it is in the bundle, not in our temporary folder */
		g_autofree gchar *prefix = g_strconcat(root, G_DIR_SEPARATOR_S, NULL);
		g_auto(GStrv) parts = g_strsplit(error_local->message, prefix, -1);
		g_autofree gchar *message = g_strjoinv("", parts);
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "a rule file is broken: %s",
		            message);
		return FALSE;
	}
	return TRUE;
}

/* the link's target name ("signatures-N"), or NULL */
static gchar *
read_active_target(const gchar *state_dir)
{
	g_autofree gchar *link = g_build_filename(state_dir, ACTIVE_LINK, NULL);
	return g_file_read_link(link, NULL);
}

/* signatures-<digits>, optionally with .tmp */
static gboolean
is_set_name(const gchar *name)
{
	const gchar *p;
	if (!g_str_has_prefix(name, SET_PREFIX))
		return FALSE;
	p = name + strlen(SET_PREFIX);
	if (!g_ascii_isdigit(*p))
		return FALSE;
	while (g_ascii_isdigit(*p))
		p++;
	return *p == '\0' || g_strcmp0(p, ".tmp") == 0;
}

/* keeps the new and the previous set; failures only warn: the switch is done */
static void
remove_old_sets(const gchar *state_dir, const gchar *current, const gchar *previous)
{
	g_autoptr(GDir) dir = g_dir_open(state_dir, 0, NULL);
	const gchar *name;

	while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
		g_autofree gchar *path = NULL;
		g_autoptr(GError) error = NULL;
		if (!is_set_name(name) || g_strcmp0(name, current) == 0 ||
		    g_strcmp0(name, previous) == 0)
			continue;
		path = g_build_filename(state_dir, name, NULL);
		if (!remove_tree(path, 0, &error))
			g_warning("removing an old signature set: %s", error->message);
	}
}

/* signatures-N.tmp becomes signatures-N, then the link points to it */
static gboolean
switch_active(const gchar *state_dir,
              const gchar *tmp,
              const gchar *set_name,
              Extraction *extraction,
              GError **error)
{
	g_autofree gchar *final = g_build_filename(state_dir, set_name, NULL);
	g_autofree gchar *link = g_build_filename(state_dir, ACTIVE_LINK, NULL);
	g_autofree gchar *link_tmp = g_build_filename(state_dir, ACTIVE_LINK ".new", NULL);
	g_autofree gchar *previous = read_active_target(state_dir);
	g_autoptr(GError) error_local = NULL;

	if (!sync_path(tmp, error))
		return FALSE;
	/* a leftover of an interrupted install: it was never active */
	if (!remove_tree(final, 0, error) || !remove_tree(link_tmp, 0, error))
		return FALSE;
	if (g_rename(tmp, final) != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "renaming %s: %s", tmp,
		            g_strerror(errno));
		return FALSE;
	}
	if (symlink(set_name, link_tmp) != 0 || !fix_owner(extraction, link_tmp, NULL) ||
	    g_rename(link_tmp, link) != 0) {
		gint saved = errno;
		g_unlink(link_tmp);
		remove_tree(final, 0, NULL);
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "switching %s: %s", link,
		            g_strerror(saved));
		return FALSE;
	}
	/* the switch is done: a failed sync is no reason to report failure */
	if (!sync_path(state_dir, &error_local))
		g_warning("%s", error_local->message);
	remove_old_sets(state_dir, set_name, previous);
	return TRUE;
}

/* the folder exists, is ours to change, and nobody else installs now */
static gint
lock_state_dir(const gchar *state_dir, Extraction *extraction, GError **error)
{
	g_autofree gchar *link = g_build_filename(state_dir, ACTIVE_LINK, NULL);
	GStatBuf st;
	gint fd;

	if (g_mkdir_with_parents(state_dir, 0700) != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "creating %s: %s", state_dir,
		            g_strerror(errno));
		return -1;
	}
	if (g_lstat(link, &st) == 0 && !S_ISLNK(st.st_mode)) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s is not a symbolic link; move it away first", link);
		return -1;
	}
	fd = open(state_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "%s: %s", state_dir,
		            g_strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_WRITE, "%s: another installation is running",
		            state_dir);
		close(fd);
		return -1;
	}
	/* root installs for the daemon: its files belong to the folder's owner */
	extraction->set_owner = geteuid() == 0 && st.st_uid != 0;
	extraction->uid = st.st_uid;
	extraction->gid = st.st_gid;
	return fd;
}

static gboolean
install_locked(const gchar *bundle_path,
               const gchar *state_dir,
               guint64 version,
               const guint8 *digest,
               Extraction *extraction,
               GError **error)
{
	g_autofree gchar *set_name = g_strdup_printf(SET_PREFIX "%" G_GUINT64_FORMAT, version);
	g_autofree gchar *tmp_name = g_strconcat(set_name, ".tmp", NULL);
	g_autofree gchar *tmp = g_build_filename(state_dir, tmp_name, NULL);

	/* again under the lock: another install may have finished meanwhile */
	if (!check_newer(state_dir, version, error))
		return FALSE;
	if (!remove_tree(tmp, 0, error) || !make_folder(extraction, tmp, error))
		return FALSE;
	extraction->root = tmp;
	if (!extract_bundle(bundle_path, extraction, digest, error) ||
	    !validate_rules(tmp, version, extraction, error) ||
	    !switch_active(state_dir, tmp, set_name, extraction, error)) {
		remove_tree(tmp, 0, NULL);
		return FALSE;
	}
	return TRUE;
}

gboolean
ym_signature_bundle_install(const gchar *bundle_path,
                            const gchar *sig_path,
                            const gchar *const *trusted_key_files,
                            const gchar *state_dir,
                            GError **error)
{
	guint8 digest[YM_MINISIGN_DIGEST_SIZE];
	Extraction extraction = {0};
	guint64 version = 0;
	gboolean ok;
	gint lock;

	g_return_val_if_fail(bundle_path != NULL, FALSE);
	g_return_val_if_fail(sig_path != NULL, FALSE);
	g_return_val_if_fail(state_dir != NULL, FALSE);

	/* nothing of the archive is parsed before its signature is good */
	if (!verify_bundle(bundle_path, sig_path, trusted_key_files, &version, digest, error))
		return FALSE;
	if (!check_newer(state_dir, version, error))
		return FALSE;
	lock = lock_state_dir(state_dir, &extraction, error);
	if (lock < 0)
		return FALSE;
	ok = install_locked(bundle_path, state_dir, version, digest, &extraction, error);
	g_free(extraction.version_text);
	close(lock);
	return ok;
}
