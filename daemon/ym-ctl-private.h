/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* exit codes of every yamorictl command */
#define YM_CTL_EXIT_OK     0
#define YM_CTL_EXIT_FAILED 1 /* refused or failed */
#define YM_CTL_EXIT_USAGE  2

/* "yamorictl NAME ARGS…": @argv[0] is NAME; returns the exit code */
typedef gint (*YmCtlHandler)(gint argc, gchar **argv);

typedef struct {
	const gchar *name;
	YmCtlHandler handler;
	const gchar *summary; /* N_() text for --help */
} YmCtlCommand;

/* "yamorictl: <message>" on stderr */
void
_ym_ctl_print_error(const gchar *format, ...) G_GNUC_PRINTF(1, 2);

/* parses a subcommand's options (translated --help); FALSE after printing
 * the usage error */
gboolean
_ym_ctl_parse_options(GOptionContext *context,
                      const GOptionEntry *entries,
                      gint *argc,
                      gchar ***argv);
/* "yamorictl GROUP SUBCOMMAND …": runs the row of @commands named by
 * @argv[1], or prints the group's usage */
gint
_ym_ctl_dispatch(const gchar *group, const YmCtlCommand *table, gint argc, gchar **argv);

/* ym-ctl-signatures.c */
gint
_ym_ctl_signatures(gint argc, gchar **argv);

/* ym-ctl-advisories.c */
gint
_ym_ctl_advisories(gint argc, gchar **argv);
gint
_ym_ctl_device(gint argc, gchar **argv);

G_END_DECLS
