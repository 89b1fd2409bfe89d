/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* yamorictl: the command-line client; each command is one row of commands[] */

#define G_LOG_DOMAIN "Yamorictl"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "ym-ctl-private.h"

static const YmCtlCommand commands[] = {
    {"signatures", _ym_ctl_signatures,
     /* TRANSLATORS: summary of "yamorictl signatures" in the list of commands */
     N_("Install signed signature updates and show the active set")},
    {"advisories", _ym_ctl_advisories,
     /* TRANSLATORS: summary of "yamorictl advisories" in the list of commands */
     N_("Import, fetch and match vulnerability advisories")},
    {"device", _ym_ctl_device,
     /* TRANSLATORS: summary of "yamorictl device" in the list of commands */
     N_("Set or correct a device's model and firmware")},
    {NULL, NULL, NULL},
};

void
_ym_ctl_print_error(const gchar *format, ...)
{
	g_autofree gchar *message = NULL;
	va_list args;
	va_start(args, format);
	message = g_strdup_vprintf(format, args);
	va_end(args);
	g_printerr("yamorictl: %s\n", message);
}

gboolean
_ym_ctl_parse_options(GOptionContext *context,
                      const GOptionEntry *entries,
                      gint *argc,
                      gchar ***argv)
{
	g_autoptr(GError) error = NULL;
	g_option_context_set_translation_domain(context, GETTEXT_PACKAGE);
	g_option_context_add_main_entries(context, entries, GETTEXT_PACKAGE);
	if (!g_option_context_parse(context, argc, argv, &error)) {
		_ym_ctl_print_error("%s", error->message);
		return FALSE;
	}
	return TRUE;
}

static void
print_group_usage(FILE *out, const gchar *group, const YmCtlCommand *table)
{
	/* TRANSLATORS: first line of "yamorictl GROUP --help"; %s is the group
	 * (advisories); COMMAND is a placeholder */
	fprintf(out, _("Usage: yamorictl %s COMMAND [OPTION…]"), group);
	/* TRANSLATORS: heading of the list of commands in "yamorictl --help" */
	fprintf(out, "\n\n%s\n", _("Commands:"));
	for (guint i = 0; table[i].name != NULL; i++)
		fprintf(out, "  %-12s %s\n", table[i].name, _(table[i].summary));
}

gint
_ym_ctl_dispatch(const gchar *group, const YmCtlCommand *table, gint argc, gchar **argv)
{
	if (argc < 2) {
		print_group_usage(stderr, group, table);
		return YM_CTL_EXIT_USAGE;
	}
	if (g_strcmp0(argv[1], "--help") == 0 || g_strcmp0(argv[1], "-h") == 0) {
		print_group_usage(stdout, group, table);
		return YM_CTL_EXIT_OK;
	}
	for (guint i = 0; table[i].name != NULL; i++) {
		if (g_strcmp0(argv[1], table[i].name) == 0)
			return table[i].handler(argc - 1, argv + 1);
	}
	/* TRANSLATORS: error; %1$s is the group (advisories), %2$s what was typed */
	_ym_ctl_print_error(_("unknown %s command \"%s\"; see yamorictl %s --help"), group, argv[1],
	                    group);
	return YM_CTL_EXIT_USAGE;
}

static void
print_usage(FILE *out)
{
	/* TRANSLATORS: first line of "yamorictl --help"; COMMAND is a placeholder */
	fprintf(out, "%s\n\n", _("Usage: yamorictl COMMAND [OPTION…]"));
	/* TRANSLATORS: heading of the list of commands in "yamorictl --help" */
	fprintf(out, "%s\n", _("Commands:"));
	for (guint i = 0; commands[i].name != NULL; i++)
		fprintf(out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
	fprintf(out, "\n%s\n",
	        /* TRANSLATORS: last line of "yamorictl --help"; COMMAND is a placeholder */
	        _("Run \"yamorictl COMMAND --help\" for the options of a command."));
}

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	bindtextdomain(GETTEXT_PACKAGE, LOCALEDIR);
	bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
	textdomain(GETTEXT_PACKAGE);
	g_set_prgname("yamorictl");

	if (argc < 2) {
		print_usage(stderr);
		return YM_CTL_EXIT_USAGE;
	}
	if (g_strcmp0(argv[1], "--help") == 0 || g_strcmp0(argv[1], "-h") == 0 ||
	    g_strcmp0(argv[1], "help") == 0) {
		print_usage(stdout);
		return YM_CTL_EXIT_OK;
	}
	if (g_strcmp0(argv[1], "--version") == 0) {
		g_print("yamorictl %s\n", PACKAGE_VERSION);
		return YM_CTL_EXIT_OK;
	}
	for (guint i = 0; commands[i].name != NULL; i++) {
		if (g_strcmp0(argv[1], commands[i].name) == 0)
			return commands[i].handler(argc - 1, argv + 1);
	}
	/* TRANSLATORS: error for an unknown command; %s is what was typed */
	_ym_ctl_print_error(_("unknown command \"%s\"; see yamorictl --help"), argv[1]);
	return YM_CTL_EXIT_USAGE;
}
