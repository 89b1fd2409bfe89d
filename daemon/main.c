/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Yamorid"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ym-advisory-scheduler.h"
#include "ym-capture-live.h"
#include "ym-engine.h"
#include "ym-error.h"
#include "ym-privileges.h"
#include "ym-report.h"
#include "ym-signature-bundle.h"
#include "ym-systemd.h"

typedef struct {
	GMainLoop *loop;
	YmEngine *engine;
	const gchar *state_dir;
	/* no --signatures-dir: SIGHUP takes up a bundle installed meanwhile */
	gboolean follow_active;
	YmAdvisoryScheduler *advisories;
} YmDaemon;

static gboolean
on_sigterm(gpointer user_data)
{
	YmDaemon *daemon = user_data;
	g_main_loop_quit(daemon->loop);
	return G_SOURCE_CONTINUE;
}

static gboolean
on_sighup(gpointer user_data)
{
	YmDaemon *daemon = user_data;
	g_autoptr(GError) error = NULL;
	g_autoptr(YmSignatureSet) set = NULL;
	g_autofree gchar *previous = g_strdup(ym_engine_get_signatures_dir(daemon->engine));

	if (daemon->follow_active) {
		set = ym_signature_bundle_get_active(daemon->state_dir);
		ym_engine_set_signatures_dir(daemon->engine, set->path);
	}
	if (!ym_engine_reload(daemon->engine, &error)) {
		ym_engine_set_signatures_dir(daemon->engine, previous);
		g_warning("rules not reloaded, the previous ones stay active: %s", error->message);
	} else if (set != NULL) {
		g_message("rules reloaded from %s (version %" G_GUINT64_FORMAT ")", set->path,
		          set->version);
	} else {
		g_message("rules reloaded");
	}
	return G_SOURCE_CONTINUE;
}

/* SIGUSR1: fetch the advisory feeds now */
static gboolean
on_sigusr1(gpointer user_data)
{
	YmDaemon *daemon = user_data;
	if (daemon->advisories == NULL)
		g_message("advisory syncs need --state-dir");
	else if (!ym_advisory_scheduler_sync_now(daemon->advisories))
		g_message("an advisory sync is already running");
	return G_SOURCE_CONTINUE;
}

static void
on_advisories_synced(YmAdvisoryScheduler *scheduler, gint failed, gpointer user_data)
{
	YmDaemon *daemon = user_data;
	ym_engine_check_advisories(daemon->engine);
}

static gboolean
on_timed_exit(gpointer user_data)
{
	YmDaemon *daemon = user_data;
	g_main_loop_quit(daemon->loop);
	return G_SOURCE_REMOVE;
}

/* --signatures-dir as given, else the packaged set or a newer installed
 * bundle; says once which set is used */
static gchar *
choose_signatures_dir(const gchar *given, const gchar *state_dir)
{
	g_autoptr(YmSignatureSet) set = NULL;
	guint64 version = 0;

	if (given != NULL) {
		if (ym_signature_bundle_read_version(given, &version, NULL))
			g_message("using the signatures in %s, version %" G_GUINT64_FORMAT, given,
			          version);
		else
			g_message("using the signatures in %s", given);
		return g_strdup(given);
	}
	set = ym_signature_bundle_get_active(state_dir);
	g_message("using the %s signatures, version %" G_GUINT64_FORMAT ", in %s",
	          set->installed ? "installed" : "packaged", set->version, set->path);
	return g_strdup(set->path);
}

static gboolean
print_report(YmEngine *engine, const gchar *format, GError **error)
{
	g_autofree gchar *report = NULL;
	YmReportFormat fmt;

	if (g_strcmp0(format, "json") == 0)
		fmt = YM_REPORT_FORMAT_JSON;
	else
		fmt = YM_REPORT_FORMAT_TEXT;
	report = ym_report_build(ym_engine_get_store(engine), ym_engine_get_guidance(engine),
	                         ym_engine_get_stats(engine), fmt, error);
	if (report == NULL)
		return FALSE;
	if (fputs(report, stdout) < 0 ||
	    (fmt == YM_REPORT_FORMAT_JSON && fputs("\n", stdout) < 0) || fflush(stdout) != 0) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_WRITE, "cannot write the report");
		return FALSE;
	}
	return TRUE;
}

static gboolean
run_live(YmDaemon *daemon,
         const gchar *interface,
         const gchar *filter,
         const gchar *user,
         guint timed_exit,
         const gchar *state_dir,
         const gchar *config,
         GError **error)
{
	g_autoptr(YmCaptureLive) live = ym_capture_live_new(interface, filter, error);
	if (live == NULL)
		return FALSE;
	/* the capture is open: root is no longer needed */
	if (!ym_drop_privileges(user, error))
		return FALSE;
	if (!ym_engine_setup(daemon->engine, error))
		return FALSE;
	if (!ym_engine_start_live(daemon->engine, YM_CAPTURE_SOURCE(live),
	                          ym_capture_live_get_fd(live), error))
		return FALSE;
	g_unix_signal_add(SIGTERM, on_sigterm, daemon);
	g_unix_signal_add(SIGINT, on_sigterm, daemon);
	g_unix_signal_add(SIGHUP, on_sighup, daemon);
	g_unix_signal_add(SIGUSR1, on_sigusr1, daemon);
	/* advisories are kept with the rest of the state: none without it */
	if (state_dir != NULL) {
		daemon->advisories = ym_advisory_scheduler_new(state_dir, config);
		g_signal_connect(daemon->advisories, "finished", G_CALLBACK(on_advisories_synced),
		                 daemon);
		/* after boot, once the network and the clock have settled */
		if (!ym_advisory_scheduler_start(daemon->advisories, 300, error))
			return FALSE;
	}
	if (timed_exit > 0)
		g_timeout_add_seconds(timed_exit, on_timed_exit, daemon);
	g_message("watching %s", interface);
	ym_systemd_notify("READY=1");
	g_main_loop_run(daemon->loop);
	ym_systemd_notify("STOPPING=1");
	g_clear_object(&daemon->advisories);
	return ym_engine_stop_live(daemon->engine, error);
}

/* yamorid --mark-known MAC --state-dir DIR */
static int
run_mark_known(const gchar *mac, const gchar *state_dir)
{
	g_autoptr(YmStore) store = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *lower = g_ascii_strdown(mac, -1);
	guint v[6];

	if (state_dir == NULL) {
		/* TRANSLATORS: error for --mark-known without --state-dir */
		g_printerr("yamorid: %s\n", _("--mark-known needs --state-dir"));
		return 2;
	}
	if (strlen(lower) != 17 || sscanf(lower, "%2x:%2x:%2x:%2x:%2x:%2x", &v[0], &v[1], &v[2],
	                                  &v[3], &v[4], &v[5]) != 6) {
		/* TRANSLATORS: error for a malformed MAC address; %s is what was given */
		g_printerr(_("yamorid: \"%s\" is not a MAC address like 00:11:22:33:44:55\n"), mac);
		return 2;
	}
	store = ym_store_new(state_dir);
	if (!ym_store_ensure_schema(store, &error) ||
	    !ym_store_mark_known(store, lower, g_get_real_time(), &error)) {
		g_printerr("yamorid: %s\n", error->message);
		return 1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(GMainLoop) loop = NULL;
	g_autoptr(YmEngine) engine = NULL;
	g_autofree gchar *interface = NULL;
	g_autofree gchar *filter = NULL;
	g_autofree gchar *report = NULL;
	g_autofree gchar *state_dir = NULL;
	g_autofree gchar *oui_dir = NULL;
	g_autofree gchar *signatures_dir = NULL;
	g_autofree gchar *signatures_given = NULL;
	g_autofree gchar *user = NULL;
	g_autofree gchar *config = NULL;
	g_auto(GStrv) read_files = NULL;
	gint max_flows = 0;
	gint timed_exit = 0;
	gboolean verbose = FALSE;
	gboolean no_detect = FALSE;
	g_autofree gchar *mark_known = NULL;
	gboolean version = FALSE;
	YmDaemon daemon = {0};
	const GOptionEntry options[] = {
	    {"interface", 'i', 0, G_OPTION_ARG_STRING, &interface,
	     /* TRANSLATORS: --help text */
	     N_("Watch this network interface live"), N_("IFACE")},
	    {"filter", 'f', 0, G_OPTION_ARG_STRING, &filter,
	     /* TRANSLATORS: --help text; BPF is the capture filter language */
	     N_("Only capture packets matching this BPF filter"), N_("FILTER")},
	    {"read", 'r', 0, G_OPTION_ARG_FILENAME_ARRAY, &read_files,
	     /* TRANSLATORS: --help text */
	     N_("Analyse a pcap or pcapng file and exit (repeatable)"), N_("FILE")},
	    {"report", 0, 0, G_OPTION_ARG_STRING, &report,
	     /* TRANSLATORS: --help text; do not translate json and text */
	     N_("Print a report when done: json or text"), N_("FORMAT")},
	    {"state-dir", 0, 0, G_OPTION_ARG_FILENAME, &state_dir,
	     /* TRANSLATORS: --help text */
	     N_("Keep results in this folder (default: a temporary store)"), N_("DIR")},
	    {"oui-dir", 0, 0, G_OPTION_ARG_FILENAME, &oui_dir,
	     /* TRANSLATORS: --help text */
	     N_("Folder of the IEEE OUI registry (oui.csv)"), N_("DIR")},
	    {"signatures-dir", 0, 0, G_OPTION_ARG_FILENAME, &signatures_given,
	     /* TRANSLATORS: --help text */
	     N_("Folder of the signature files"), N_("DIR")},
	    {"config", 'c', 0, G_OPTION_ARG_FILENAME, &config,
	     /* TRANSLATORS: --help text */
	     N_("Configuration file (default: /etc/yamori/yamori.conf)"), N_("FILE")},
	    {"user", 'u', 0, G_OPTION_ARG_STRING, &user,
	     /* TRANSLATORS: --help text */
	     N_("User to run as once the capture is open"), N_("USER")},
	    {"max-flows", 0, 0, G_OPTION_ARG_INT, &max_flows,
	     /* TRANSLATORS: --help text */
	     N_("Most flows tracked at once (memory bound)"), N_("N")},
	    {"timed-exit", 0, 0, G_OPTION_ARG_INT, &timed_exit,
	     /* TRANSLATORS: --help text */
	     N_("Stop live capture after this many seconds"), N_("SECONDS")},
	    {"mark-known", 0, 0, G_OPTION_ARG_STRING, &mark_known,
	     /* TRANSLATORS: --help text; MAC is a device's hardware address */
	     N_("Mark a device as the household's own (needs --state-dir) and exit"), N_("MAC")},
	    {"no-detect", 0, 0, G_OPTION_ARG_NONE, &no_detect,
	     /* TRANSLATORS: --help text */
	     N_("Only build the inventory, without detectors (for benchmarks)"), NULL},
	    {"verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
	     /* TRANSLATORS: --help text */
	     N_("Show more detail"), NULL},
	    {"version", 0, 0, G_OPTION_ARG_NONE, &version,
	     /* TRANSLATORS: --help text */
	     N_("Show the version"), NULL},
	    {NULL},
	};

	setlocale(LC_ALL, "");
	bindtextdomain(GETTEXT_PACKAGE, LOCALEDIR);
	bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
	textdomain(GETTEXT_PACKAGE);

	/* TRANSLATORS: one-line description in --help */
	context = g_option_context_new(_("- the Yamori home network monitor"));
	g_option_context_set_translation_domain(context, GETTEXT_PACKAGE);
	g_option_context_add_main_entries(context, options, GETTEXT_PACKAGE);
	if (!g_option_context_parse(context, &argc, &argv, &error)) {
		g_printerr("yamorid: %s\n", error->message);
		return 2;
	}
	if (version) {
		g_print("yamorid %s\n", PACKAGE_VERSION);
		return 0;
	}
	if (verbose)
		g_setenv("G_MESSAGES_DEBUG", "all", TRUE);
	if (report != NULL && g_strcmp0(report, "json") != 0 && g_strcmp0(report, "text") != 0) {
		/* TRANSLATORS: error for a bad --report value */
		g_printerr("yamorid: %s\n", _("--report must be json or text"));
		return 2;
	}
	if (mark_known != NULL)
		return run_mark_known(mark_known, state_dir);
	if ((interface == NULL) == (read_files == NULL)) {
		/* TRANSLATORS: error when neither or both of --interface and --read are given */
		g_printerr("yamorid: %s\n", _("give either --interface or --read"));
		return 2;
	}

	engine = ym_engine_new();
	signatures_dir = choose_signatures_dir(signatures_given, state_dir);
	ym_engine_set_signatures_dir(engine, signatures_dir);
	if (oui_dir == NULL && g_getenv("YM_OUI_DIR") != NULL)
		oui_dir = g_strdup(g_getenv("YM_OUI_DIR"));
	ym_engine_set_oui_dir(engine, oui_dir);
	ym_engine_set_state_dir(engine, state_dir);
	ym_engine_set_detection(engine, !no_detect);
	if (max_flows > 0)
		ym_engine_set_max_flows(engine, (guint) max_flows);

	if (read_files != NULL) {
		GPtrArray *warnings;
		if (!ym_engine_setup(engine, &error) ||
		    !ym_engine_analyse_files(engine, (const gchar *const *) read_files, &error)) {
			g_printerr("yamorid: %s\n", error->message);
			return 1;
		}
		warnings = ym_engine_get_warnings(engine);
		for (guint i = 0; i < warnings->len; i++)
			g_printerr("yamorid: warning: %s\n",
			           (const gchar *) g_ptr_array_index(warnings, i));
	} else {
		loop = g_main_loop_new(NULL, FALSE);
		daemon.loop = loop;
		daemon.engine = engine;
		daemon.state_dir = state_dir;
		daemon.follow_active = signatures_given == NULL;
		if (!run_live(&daemon, interface, filter, user != NULL ? user : YM_DAEMON_USER,
		              (guint) MAX(timed_exit, 0), state_dir, config, &error)) {
			g_printerr("yamorid: %s\n", error->message);
			return 1;
		}
	}
	if (report != NULL && !print_report(engine, report, &error)) {
		g_printerr("yamorid: %s\n", error->message);
		return 1;
	}
	return 0;
}
