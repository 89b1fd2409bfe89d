/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * yamorictl signatures install BUNDLE [--signature FILE] [--state-dir DIR]
 *                                     [--trusted-key FILE]…
 * yamorictl signatures status [--state-dir DIR]
 */

#define G_LOG_DOMAIN "Yamorictl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ym-ctl-private.h"
#include "ym-signature-bundle.h"

static gchar *
version_to_string(guint64 version)
{
	if (version == 0)
		/* TRANSLATORS: "yamorictl signatures status" for a set without a version */
		return g_strdup(_("none"));
	return g_strdup_printf("%" G_GUINT64_FORMAT, version);
}

static GOptionContext *
option_context_new(const gchar *parameters, const gchar *summary, const GOptionEntry *entries)
{
	GOptionContext *context = g_option_context_new(parameters);
	g_option_context_set_summary(context, summary);
	g_option_context_set_translation_domain(context, GETTEXT_PACKAGE);
	g_option_context_add_main_entries(context, entries, GETTEXT_PACKAGE);
	return context;
}

static gint
run_install(gint argc, gchar **argv)
{
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(YmSignatureSet) set = NULL;
	g_autofree gchar *signature = NULL;
	g_autofree gchar *state_dir = NULL;
	g_autofree gchar *version = NULL;
	g_auto(GStrv) trusted_keys = NULL;
	const GOptionEntry entries[] = {
	    {"signature", 0, 0, G_OPTION_ARG_FILENAME, &signature,
	     /* TRANSLATORS: --help text of "yamorictl signatures install" */
	     N_("The minisign signature (default: BUNDLE.minisig)"), N_("FILE")},
	    {"state-dir", 0, 0, G_OPTION_ARG_FILENAME, &state_dir,
	     /* TRANSLATORS: --help text; keep the folder name as it is */
	     N_("The daemon's state folder (default: /var/lib/yamori)"), N_("DIR")},
	    {"trusted-key", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &trusted_keys,
	     /* TRANSLATORS: --help text of "yamorictl signatures install" */
	     N_("Trust this minisign key instead of the packaged ones (repeatable)"), N_("FILE")},
	    {NULL},
	};

	context = option_context_new(
	    /* TRANSLATORS: parameters of "yamorictl signatures install"; BUNDLE is a file */
	    _("signatures install BUNDLE"),
	    /* TRANSLATORS: summary of "yamorictl signatures install --help" */
	    _("Check a signed signature bundle and make it the active set."), entries);
	if (!g_option_context_parse(context, &argc, &argv, &error)) {
		_ym_ctl_print_error("%s", error->message);
		return YM_CTL_EXIT_USAGE;
	}
	if (argc != 2) {
		/* TRANSLATORS: error when the bundle file is missing or given twice */
		_ym_ctl_print_error("%s", _("give exactly one bundle file"));
		return YM_CTL_EXIT_USAGE;
	}
	if (signature == NULL)
		signature = g_strconcat(argv[1], ".minisig", NULL);
	if (state_dir == NULL)
		state_dir = g_strdup(YM_STATE_DIR);
	if (!ym_signature_bundle_install(argv[1], signature, (const gchar *const *) trusted_keys,
	                                 state_dir, &error)) {
		/* TRANSLATORS: error; %s says why, in English */
		_ym_ctl_print_error(_("the bundle was not installed: %s"), error->message);
		return YM_CTL_EXIT_FAILED;
	}
	set = ym_signature_bundle_get_active(state_dir);
	version = version_to_string(set->version);
	/* TRANSLATORS: after "yamorictl signatures install"; %s is a number like 2026112501 */
	g_print(_("Installed signatures version %s.\n"), version);
	/* TRANSLATORS: after "yamorictl signatures install"; keep the command as it is */
	g_print("%s\n", _("Reload the daemon to use them: systemctl reload yamorid"));
	return YM_CTL_EXIT_OK;
}

static gint
run_status(gint argc, gchar **argv)
{
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(YmSignatureSet) set = NULL;
	g_autofree gchar *state_dir = NULL;
	g_autofree gchar *version = NULL;
	const GOptionEntry entries[] = {
	    {"state-dir", 0, 0, G_OPTION_ARG_FILENAME, &state_dir,
	     /* TRANSLATORS: --help text; keep the folder name as it is */
	     N_("The daemon's state folder (default: /var/lib/yamori)"), N_("DIR")},
	    {NULL},
	};

	context =
	    option_context_new("signatures status",
	                       /* TRANSLATORS: summary of "yamorictl signatures status --help" */
	                       _("Show which signature set the daemon uses."), entries);
	if (!g_option_context_parse(context, &argc, &argv, &error)) {
		_ym_ctl_print_error("%s", error->message);
		return YM_CTL_EXIT_USAGE;
	}
	if (argc != 1) {
		/* TRANSLATORS: error for extra words after "yamorictl signatures status" */
		_ym_ctl_print_error("%s", _("status takes no file"));
		return YM_CTL_EXIT_USAGE;
	}
	set = ym_signature_bundle_get_active(state_dir != NULL ? state_dir : YM_STATE_DIR);
	version = version_to_string(set->version);
	if (set->installed)
		/* TRANSLATORS: "yamorictl signatures status", first line */
		g_print("%s\n", _("Active signatures: the installed bundle"));
	else
		/* TRANSLATORS: "yamorictl signatures status", first line */
		g_print("%s\n", _("Active signatures: the set packaged with Yamori"));
	/* TRANSLATORS: "yamorictl signatures status"; %s is a number like 2026112501 */
	g_print(_("Version: %s\n"), version);
	/* TRANSLATORS: "yamorictl signatures status"; %s is a folder */
	g_print(_("Path: %s\n"), set->path);
	return YM_CTL_EXIT_OK;
}

static void
print_usage(FILE *out)
{
	/* TRANSLATORS: heading of the usage of "yamorictl signatures" */
	fprintf(out, "%s\n", _("Usage:"));
	fprintf(out, "  yamorictl signatures install BUNDLE [--signature FILE] [--state-dir DIR] "
	             "[--trusted-key FILE]…\n"
	             "  yamorictl signatures status [--state-dir DIR]\n");
}

gint
_ym_ctl_signatures(gint argc, gchar **argv)
{
	if (argc < 2) {
		print_usage(stderr);
		return YM_CTL_EXIT_USAGE;
	}
	if (g_strcmp0(argv[1], "--help") == 0 || g_strcmp0(argv[1], "-h") == 0) {
		print_usage(stdout);
		return YM_CTL_EXIT_OK;
	}
	if (g_strcmp0(argv[1], "install") == 0)
		return run_install(argc - 1, argv + 1);
	if (g_strcmp0(argv[1], "status") == 0)
		return run_status(argc - 1, argv + 1);
	/* TRANSLATORS: error; %s is what was typed after "yamorictl signatures" */
	_ym_ctl_print_error(_("unknown signatures command \"%s\" (install or status)"), argv[1]);
	return YM_CTL_EXIT_USAGE;
}
