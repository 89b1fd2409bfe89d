/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * OpenPGP signatures of CSAF documents (CSAF 2.0 section 7.1.12), checked
 * by gpgv in a private temporary home with a one-key keyring, so nothing
 * the user or another provider trusts takes part. gpgv 2.2 reads binary
 * keyrings only, hence the dearmoring here. The status lines on fd 1
 * (doc/DETAILS of GnuPG) decide, not gpgv's localised messages.
 */

#define G_LOG_DOMAIN "YmCsafSignature"

#include "config.h"

#include "ym-csaf-signature.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ym-advisory-csaf-private.h"
#include "ym-error.h"

#define ARMOR_BEGIN "-----BEGIN PGP PUBLIC KEY BLOCK-----"
#define ARMOR_END   "-----END PGP PUBLIC KEY BLOCK-----"

/* the packets of an armored public key block, or a binary key as is */
GBytes *
_ym_csaf_openpgp_dearmor(const gchar *key, gsize length, GError **error)
{
	g_autoptr(GString) base64 = g_string_new(NULL);
	g_autofree gchar *text = NULL;
	g_auto(GStrv) lines = NULL;
	g_autofree guchar *packets = NULL;
	gsize packets_length = 0;
	gboolean in_body = FALSE;
	gboolean ended = FALSE;
	guint i = 0;

	if (key == NULL || length == 0 || length > YM_CSAF_KEY_MAX_SIZE) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "OpenPGP key is empty or too large");
		return NULL;
	}
	/* a binary packet starts with a tag byte, high bit set */
	if ((guchar) key[0] & 0x80)
		return g_bytes_new(key, length);
	text = g_strndup(key, length);
	lines = g_strsplit(text, "\n", -1);
	while (lines[i] != NULL && !g_str_has_prefix(g_strstrip(lines[i]), ARMOR_BEGIN))
		i++;
	if (lines[i] == NULL) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "not an OpenPGP public key block");
		return NULL;
	}
	for (i++; lines[i] != NULL; i++) {
		const gchar *line = g_strstrip(lines[i]);
		/* armor headers ("Comment: ...") up to a blank line */
		if (!in_body && (*line == '\0' || strchr(line, ':') != NULL)) {
			in_body = *line == '\0';
			continue;
		}
		in_body = TRUE;
		if (g_str_has_prefix(line, ARMOR_END) || line[0] == '=') {
			ended = TRUE;
			break;
		}
		for (const gchar *p = line; *p != '\0'; p++) {
			if (!g_ascii_isalnum(*p) && *p != '+' && *p != '/' && *p != '=') {
				g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
				            "OpenPGP key: line %u is not base64", i + 1);
				return NULL;
			}
		}
		g_string_append(base64, line);
	}
	if (!ended || base64->len == 0 || base64->len % 4 != 0) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "OpenPGP key block is truncated");
		return NULL;
	}
	packets = g_base64_decode(base64->str, &packets_length);
	if (packets_length == 0 || (packets[0] & 0x80) == 0) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "OpenPGP key block holds no packets");
		return NULL;
	}
	return g_bytes_new_take(g_steal_pointer(&packets), packets_length);
}

static gboolean
fingerprint_is_valid(const gchar *fingerprint)
{
	gsize length = fingerprint != NULL ? strlen(fingerprint) : 0;

	if (length != 40 && length != 64)
		return FALSE;
	for (gsize i = 0; i < length; i++) {
		if (!g_ascii_isxdigit(fingerprint[i]))
			return FALSE;
	}
	return TRUE;
}

/* "[GNUPG:] VALIDSIG <signing fpr> <date> <timestamp> ... <primary fpr>" and
 * the keywords that must not appear */
static gboolean
gpgv_check_status(const gchar *status,
                  gboolean exited_ok,
                  const gchar *fingerprint,
                  gint64 *signed_at,
                  GError **error)
{
	static const gchar *const refusals[] = {
	    "BADSIG", "ERRSIG", "EXPSIG", "EXPKEYSIG", "REVKEYSIG", "NO_PUBKEY",
	};
	g_auto(GStrv) lines = g_strsplit(status, "\n", -1);
	guint valid = 0;
	gboolean matches = FALSE;

	for (guint i = 0; lines[i] != NULL; i++) {
		g_auto(GStrv) fields = NULL;
		if (!g_str_has_prefix(lines[i], "[GNUPG:] "))
			continue;
		fields = g_strsplit(lines[i] + strlen("[GNUPG:] "), " ", -1);
		for (guint j = 0; j < G_N_ELEMENTS(refusals); j++) {
			if (g_strcmp0(fields[0], refusals[j]) == 0) {
				g_set_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID,
				            "OpenPGP signature refused (%s)", refusals[j]);
				return FALSE;
			}
		}
		if (g_strcmp0(fields[0], "VALIDSIG") != 0 || g_strv_length(fields) < 11)
			continue;
		valid++;
		if (g_ascii_strcasecmp(fields[1], fingerprint) == 0 ||
		    g_ascii_strcasecmp(fields[10], fingerprint) == 0)
			matches = TRUE;
		if (signed_at != NULL)
			*signed_at = g_ascii_strtoll(fields[3], NULL, 10);
	}
	/* the status lines say why; a failed exit alone also refuses */
	if (!exited_ok) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID,
		                    "gpgv refused the OpenPGP signature");
		return FALSE;
	}
	if (valid != 1) {
		g_set_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID,
		            "expected one valid OpenPGP signature, found %u", valid);
		return FALSE;
	}
	if (!matches) {
		g_set_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID,
		            "OpenPGP signature is not by key %s", fingerprint);
		return FALSE;
	}
	return TRUE;
}

static gboolean
gpgv_run(const gchar *gpgv,
         const gchar *dir,
         GBytes *keyring,
         const gchar *data,
         gsize length,
         const gchar *signature,
         gsize signature_length,
         gchar **status,
         gboolean *exited_ok,
         GError **error)
{
	g_autofree gchar *keyring_path = g_build_filename(dir, "keyring.gpg", NULL);
	g_autofree gchar *data_path = g_build_filename(dir, "document", NULL);
	g_autofree gchar *signature_path = g_build_filename(dir, "document.asc", NULL);
	g_autoptr(GSubprocessLauncher) launcher = NULL;
	g_autoptr(GSubprocess) process = NULL;
	gsize keyring_length = 0;
	const gchar *keyring_data = g_bytes_get_data(keyring, &keyring_length);

	if (!g_file_set_contents(keyring_path, keyring_data, (gssize) keyring_length, error) ||
	    !g_file_set_contents(data_path, data != NULL ? data : "", (gssize) length, error) ||
	    !g_file_set_contents(signature_path, signature, (gssize) signature_length, error)) {
		g_prefix_error_literal(error, "preparing gpgv: ");
		return FALSE;
	}
	launcher = g_subprocess_launcher_new(G_SUBPROCESS_FLAGS_STDIN_PIPE |
	                                     G_SUBPROCESS_FLAGS_STDOUT_PIPE |
	                                     G_SUBPROCESS_FLAGS_STDERR_SILENCE);
	g_subprocess_launcher_setenv(launcher, "LC_ALL", "C", TRUE);
	g_subprocess_launcher_unsetenv(launcher, "GNUPGHOME");
	process = g_subprocess_launcher_spawn(launcher, error, gpgv, "--homedir", dir, "--keyring",
	                                      keyring_path, "--status-fd", "1", signature_path,
	                                      data_path, NULL);
	if (process == NULL ||
	    !g_subprocess_communicate_utf8(process, NULL, NULL, status, NULL, error)) {
		g_prefix_error_literal(error, "running gpgv: ");
		return FALSE;
	}
	*exited_ok =
	    g_subprocess_get_if_exited(process) && g_subprocess_get_exit_status(process) == 0;
	return TRUE;
}

static void
remove_dir(const gchar *dir)
{
	g_autoptr(GDir) handle = g_dir_open(dir, 0, NULL);
	const gchar *name;

	while (handle != NULL && (name = g_dir_read_name(handle)) != NULL) {
		g_autofree gchar *path = g_build_filename(dir, name, NULL);
		if (g_remove(path) != 0)
			g_debug("cannot remove %s", path);
	}
	if (g_rmdir(dir) != 0)
		g_debug("cannot remove %s", dir);
}

gboolean
ym_csaf_verify_signature(const gchar *data,
                         gsize length,
                         const gchar *signature,
                         gsize signature_length,
                         const gchar *key,
                         gsize key_length,
                         const gchar *fingerprint,
                         gint64 *signed_at,
                         GError **error)
{
	g_autofree gchar *gpgv = NULL;
	g_autofree gchar *dir = NULL;
	g_autofree gchar *status = NULL;
	g_autoptr(GBytes) keyring = NULL;
	gboolean ran;
	gboolean exited_ok = FALSE;

	if (signed_at != NULL)
		*signed_at = 0;
	if (!fingerprint_is_valid(fingerprint)) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "not an OpenPGP fingerprint");
		return FALSE;
	}
	if (signature == NULL || signature_length == 0 ||
	    signature_length > YM_CSAF_SIGNATURE_MAX_SIZE) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID,
		                    "OpenPGP signature is empty or too large");
		return FALSE;
	}
	keyring = _ym_csaf_openpgp_dearmor(key, key_length, error);
	if (keyring == NULL)
		return FALSE;
	gpgv = g_find_program_in_path("gpgv");
	if (gpgv == NULL) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_NOT_SUPPORTED,
		                    "gpgv is not installed: cannot check OpenPGP signatures");
		return FALSE;
	}
	dir = g_dir_make_tmp("yamori-gpgv-XXXXXX", error);
	if (dir == NULL)
		return FALSE;
	ran = gpgv_run(gpgv, dir, keyring, data, length, signature, signature_length, &status,
	               &exited_ok, error);
	remove_dir(dir);
	if (!ran)
		return FALSE;
	return gpgv_check_status(status != NULL ? status : "", exited_ok, fingerprint, signed_at,
	                         error);
}
