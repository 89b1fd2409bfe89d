/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* yamorictl advisories import|match|sync|status, yamorictl device */

#define G_LOG_DOMAIN "YmCtl"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "ym-advisory-alerts.h"
#include "ym-advisory-db.h"
#include "ym-advisory-import.h"
#include "ym-advisory-matcher.h"
#include "ym-advisory-sync.h"
#include "ym-ctl-private.h"
#include "ym-error.h"
#include "ym-signature-bundle.h"
#include "ym-vendor-alias.h"

/* where the daemon keeps its store when none is named */
#define YM_CTL_DEFAULT_STATE_DIR "/var/lib/yamori"

static const gchar *
state_dir_or_default(const gchar *state_dir)
{
	if (state_dir != NULL)
		return state_dir;
	if (g_getenv("YAMORI_STATE_DIR") != NULL)
		return g_getenv("YAMORI_STATE_DIR");
	return YM_CTL_DEFAULT_STATE_DIR;
}

/* option entries more than one command takes; clang-format would split
 * the translator comments from their strings */
/* clang-format off */
#define YM_CTL_STATE_DIR_OPTION(state_dir)                                                         \
	{"state-dir", 0, 0, G_OPTION_ARG_FILENAME, &(state_dir),                                   \
	 /* TRANSLATORS: --help text */                                                            \
	 N_("The store to work on (default: the daemon's)"), N_("DIR")}

/* --vendor, --model, --hw-rev and --firmware: what a device is */
#define YM_CTL_IDENTITY_OPTIONS(vendor, model, hw_rev, firmware)                                   \
	/* TRANSLATORS: --help text */                                                             \
	{"vendor", 0, 0, G_OPTION_ARG_STRING, &(vendor), N_("The maker"), N_("VENDOR")},           \
	/* TRANSLATORS: --help text */                                                             \
	{"model", 0, 0, G_OPTION_ARG_STRING, &(model), N_("The model name"), N_("MODEL")},         \
	{"hw-rev", 0, 0, G_OPTION_ARG_STRING, &(hw_rev),                                           \
	 /* TRANSLATORS: --help text */                                                            \
	 N_("The hardware revision on the label"), N_("REV")},                                     \
	{"firmware", 0, 0, G_OPTION_ARG_STRING, &(firmware),                                       \
	 /* TRANSLATORS: --help text */                                                            \
	 N_("The firmware version installed"), N_("VERSION")}
/* clang-format on */

/* prints @error as the command's failure and gives its exit status */
static gint
print_failure(const GError *error)
{
	_ym_ctl_print_error("%s", error->message);
	return 1;
}

/* the store, or NULL after saying why not */
static YmStore *
open_store(const gchar *state_dir)
{
	g_autoptr(YmStore) store = NULL;
	g_autoptr(GError) error = NULL;
	const gchar *dir = state_dir_or_default(state_dir);

	if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
		/* TRANSLATORS: %s is a folder */
		_ym_ctl_print_error(_("%s is not a folder; name the store with --state-dir"), dir);
		return NULL;
	}
	store = ym_store_new(dir);
	if (!ym_store_ensure_schema(store, &error)) {
		print_failure(error);
		return NULL;
	}
	return g_steal_pointer(&store);
}

static void
on_import_failed(const gchar *path, const GError *error, gpointer user_data)
{
	g_printerr("yamorictl: %s: %s\n", path, error->message);
}

static gint
run_import(gint argc, gchar **argv)
{
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(YmStore) store = NULL;
	g_autofree gchar *state_dir = NULL;
	guint failed = 0;
	const GOptionEntry options[] = {
	    YM_CTL_STATE_DIR_OPTION(state_dir),
	    {NULL},
	};

	/* TRANSLATORS: usage line of yamorictl advisories import */
	context = g_option_context_new(_("PATH… - import advisory files or folders"));
	if (!_ym_ctl_parse_options(context, options, &argc, &argv))
		return 2;
	if (argc < 2) {
		/* TRANSLATORS: error when no file is given */
		_ym_ctl_print_error("%s", _("name at least one advisory file or folder"));
		return 2;
	}
	store = open_store(state_dir);
	if (store == NULL)
		return 1;
	for (gint i = 1; i < argc; i++) {
		YmAdvisoryImportStats stats = {0};
		if (!ym_advisory_import_path(store, argv[i], &stats, on_import_failed, NULL,
		                             &error))
			return print_failure(error);
		/* TRANSLATORS: summary of an import; %1$s is the path, then counts */
		g_print(_("%s: %u advisories from %u files (%u skipped, %u failed)\n"), argv[i],
		        stats.advisories, stats.files, stats.skipped, stats.failed);
		failed += stats.failed;
	}
	return failed > 0 ? 1 : 0;
}

/* the aliases of the active signature set: an installed bundle's when newer */
static YmVendorAliases *
load_aliases(const gchar *signatures_dir, const gchar *state_dir, GError **error)
{
	g_autoptr(YmVendorAliases) aliases = ym_vendor_aliases_new();
	g_autoptr(YmSignatureSet) set = NULL;
	g_autofree gchar *path = NULL;

	if (signatures_dir == NULL)
		set = ym_signature_bundle_get_active(state_dir_or_default(state_dir));
	path = g_build_filename(signatures_dir != NULL ? signatures_dir : set->path, "advisories",
	                        "aliases.txt", NULL);
	if (!ym_vendor_aliases_load_file(aliases, path, error))
		return NULL;
	return g_steal_pointer(&aliases);
}

static void
print_matches_text(GPtrArray *matches, const YmDeviceIdentity *identity)
{
	if (matches->len == 0) {
		/* TRANSLATORS: %1$s vendor, %2$s model */
		g_print(_("No advisory in the store names %s %s.\n"), identity->vendor,
		        identity->model);
		return;
	}
	for (guint i = 0; i < matches->len; i++) {
		const YmAdvisoryMatch *m = g_ptr_array_index(matches, i);
		g_print("%-14s %-16s %s:%s", ym_match_status_to_string(m->status),
		        m->cve != NULL ? m->cve : "-", m->source, m->advisory_id);
		if (m->kev)
			g_print(" KEV");
		if (m->end_of_support)
			g_print(" EOL");
		if (m->fixed_version != NULL)
			/* TRANSLATORS: the first firmware version with the fix */
			g_print(_(" fixed in %s"), m->fixed_version);
		if (m->remediation_url != NULL)
			g_print(" %s", m->remediation_url);
		g_print("\n");
	}
}

static gint
run_match(gint argc, gchar **argv)
{
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(YmStore) store = NULL;
	g_autoptr(YmVendorAliases) aliases = NULL;
	g_autoptr(YmAdvisoryMatcher) matcher = NULL;
	g_autoptr(GPtrArray) matches = NULL;
	g_autofree gchar *state_dir = NULL;
	g_autofree gchar *signatures_dir = NULL;
	g_autofree gchar *vendor = NULL;
	g_autofree gchar *model = NULL;
	g_autofree gchar *hw_rev = NULL;
	g_autofree gchar *firmware = NULL;
	gboolean json = FALSE;
	YmDeviceIdentity identity = {0};
	const GOptionEntry options[] = {
	    YM_CTL_IDENTITY_OPTIONS(vendor, model, hw_rev, firmware),
	    /* TRANSLATORS: --help text */
	    {"json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL},
	    YM_CTL_STATE_DIR_OPTION(state_dir),
	    {"signatures-dir", 0, 0, G_OPTION_ARG_FILENAME, &signatures_dir,
	     /* TRANSLATORS: --help text */
	     N_("Folder of the signature files"), N_("DIR")},
	    {NULL},
	};

	/* TRANSLATORS: usage line of yamorictl advisories match */
	context = g_option_context_new(_("- which advisories concern a device"));
	if (!_ym_ctl_parse_options(context, options, &argc, &argv))
		return 2;
	if (vendor == NULL || model == NULL) {
		/* TRANSLATORS: error when --vendor or --model is missing */
		_ym_ctl_print_error("%s", _("--vendor and --model are needed"));
		return 2;
	}
	store = open_store(state_dir);
	if (store == NULL)
		return 1;
	aliases = load_aliases(signatures_dir, state_dir, &error);
	if (aliases == NULL)
		return print_failure(error);
	matcher = ym_advisory_matcher_new(aliases);
	if (!ym_advisory_matcher_load(matcher, store, &error))
		return print_failure(error);
	identity.vendor = vendor;
	identity.model = model;
	identity.hw_rev = hw_rev;
	identity.firmware = firmware;
	matches = ym_advisory_matcher_match(matcher, &identity);
	if (json) {
		g_autoptr(JsonArray) array = json_array_new();
		g_autoptr(JsonNode) node = json_node_new(JSON_NODE_ARRAY);
		g_autofree gchar *text = NULL;
		for (guint i = 0; i < matches->len; i++)
			json_array_add_object_element(
			    array, ym_advisory_match_to_json(g_ptr_array_index(matches, i)));
		json_node_set_array(node, array);
		text = json_to_string(node, TRUE);
		g_print("%s\n", text);
	} else {
		print_matches_text(matches, &identity);
	}
	return 0;
}

static void
on_sync_progress(const gchar *line, gpointer user_data)
{
	gboolean tty = GPOINTER_TO_INT(user_data);
	if (tty)
		g_printerr("\r\033[K%s", line);
	else
		g_printerr("%s\n", line);
}

static gint
run_sync(gint argc, gchar **argv)
{
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(YmStore) store = NULL;
	g_autoptr(YmAdvisorySync) sync = NULL;
	g_autofree gchar *state_dir = NULL;
	g_autofree gchar *config = NULL;
	g_auto(GStrv) sources = NULL;
	gboolean tty = isatty(fileno(stderr));
	gint failed;
	const GOptionEntry options[] = {
	    YM_CTL_STATE_DIR_OPTION(state_dir),
	    {"config", 0, 0, G_OPTION_ARG_FILENAME, &config,
	     /* TRANSLATORS: --help text */
	     N_("Configuration file (default: /etc/yamori/yamori.conf)"), N_("FILE")},
	    {"source", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sources,
	     /* TRANSLATORS: --help text; do not translate the source names */
	     N_("Only this source: jvn, kev, nvd, cve5, csaf (repeatable)"), N_("SOURCE")},
	    {NULL},
	};

	/* TRANSLATORS: usage line of yamorictl advisories sync */
	context = g_option_context_new(_("- fetch the advisory feeds now"));
	if (!_ym_ctl_parse_options(context, options, &argc, &argv))
		return 2;
	store = open_store(state_dir);
	if (store == NULL)
		return 1;
	sync = ym_advisory_sync_new(store);
	if (!ym_advisory_sync_load_config(sync, config, &error))
		return print_failure(error);
	ym_advisory_sync_set_progress_func(sync, on_sync_progress, GINT_TO_POINTER(tty));
	failed = ym_advisory_sync_run(sync, (const gchar *const *) sources, &error);
	if (tty)
		g_printerr("\n");
	if (failed < 0)
		return print_failure(error);
	return failed > 0 ? 1 : 0;
}

static gint
run_status(gint argc, gchar **argv)
{
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(YmStore) store = NULL;
	g_autoptr(GPtrArray) feeds = NULL;
	g_autofree gchar *state_dir = NULL;
	gint64 records;
	const GOptionEntry options[] = {
	    YM_CTL_STATE_DIR_OPTION(state_dir),
	    {NULL},
	};

	/* TRANSLATORS: usage line of yamorictl advisories status */
	context = g_option_context_new(_("- what the advisory store holds"));
	if (!_ym_ctl_parse_options(context, options, &argc, &argv))
		return 2;
	store = open_store(state_dir);
	if (store == NULL)
		return 1;
	records = ym_advisory_db_count_records(store, &error);
	feeds = records >= 0 ? ym_advisory_db_list_feeds(store, &error) : NULL;
	if (feeds == NULL)
		return print_failure(error);
	/* TRANSLATORS: %1$ld advisories, %2$ld rows */
	g_print(_("%ld advisories (%ld product entries)\n"), (glong) records,
	        (glong) ym_advisory_db_count(store, NULL, NULL));
	for (guint i = 0; i < YM_ADVISORY_SOURCE_LAST; i++) {
		const gchar *source = ym_advisory_source_to_string(i);
		/* TRANSLATORS: one line per source: %1$s the source (kev, nvd …,
		 * not translated), %2$ld advisories, %3$ld product entries */
		g_print(_("  %-5s %6ld advisories %7ld entries\n"), source,
		        (glong) ym_advisory_db_count_source_records(store, source, NULL),
		        (glong) ym_advisory_db_count(store, source, NULL));
	}
	for (guint i = 0; i < feeds->len; i++) {
		const YmAdvisoryFeed *feed = g_ptr_array_index(feeds, i);
		g_autoptr(GDateTime) when =
		    feed->last_success > 0 ? g_date_time_new_from_unix_local(feed->last_success)
		                           : NULL;
		g_autofree gchar *stamp =
		    when != NULL ? g_date_time_format(when, "%Y-%m-%d %H:%M") : g_strdup("-");
		g_print("%-5s %s  %s%s%s\n", feed->source, feed->url, stamp,
		        feed->last_error != NULL ? "  " : "",
		        feed->last_error != NULL ? feed->last_error : "");
	}
	return 0;
}

static const YmCtlCommand advisory_commands[] = {
    /* TRANSLATORS: summary of a subcommand in yamorictl advisories --help */
    {"import", run_import, N_("Import advisory files or folders (offline)")},
    /* TRANSLATORS: summary of a subcommand */
    {"match", run_match, N_("Which advisories concern a device, without a capture")},
    /* TRANSLATORS: summary of a subcommand */
    {"sync", run_sync, N_("Fetch the advisory feeds now")},
    /* TRANSLATORS: summary of a subcommand */
    {"status", run_status, N_("What the advisory store holds and when feeds were fetched")},
    {NULL},
};

gint
_ym_ctl_advisories(gint argc, gchar **argv)
{
	return _ym_ctl_dispatch("advisories", advisory_commands, argc, argv);
}

/* yamorictl device MAC --model M --firmware F: the resident's word */
gint
_ym_ctl_device(gint argc, gchar **argv)
{
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(YmStore) store = NULL;
	g_autofree gchar *state_dir = NULL;
	g_autofree gchar *vendor = NULL;
	g_autofree gchar *model = NULL;
	g_autofree gchar *hw_rev = NULL;
	g_autofree gchar *firmware = NULL;
	g_autofree gchar *mac = NULL;
	gboolean clear = FALSE;
	guint v[6];
	const GOptionEntry options[] = {
	    YM_CTL_IDENTITY_OPTIONS(vendor, model, hw_rev, firmware),
	    {"clear", 0, 0, G_OPTION_ARG_NONE, &clear,
	     /* TRANSLATORS: --help text */
	     N_("Forget what was set and go back to what Yamori sees"), NULL},
	    YM_CTL_STATE_DIR_OPTION(state_dir),
	    {NULL},
	};

	/* TRANSLATORS: usage line of yamorictl device */
	context = g_option_context_new(_("MAC - set or correct a device's model and firmware"));
	if (!_ym_ctl_parse_options(context, options, &argc, &argv))
		return 2;
	if (argc != 2) {
		/* TRANSLATORS: error for yamorictl device without a MAC */
		_ym_ctl_print_error("%s", _("name one device by its MAC address"));
		return 2;
	}
	mac = g_ascii_strdown(argv[1], -1);
	if (strlen(mac) != 17 ||
	    sscanf(mac, "%2x:%2x:%2x:%2x:%2x:%2x", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]) != 6) {
		/* TRANSLATORS: error for a malformed MAC address; %s is what was given */
		g_printerr(_("yamorictl: \"%s\" is not a MAC address like 00:11:22:33:44:55\n"),
		           argv[1]);
		return 2;
	}
	if (!clear && vendor == NULL && model == NULL && hw_rev == NULL && firmware == NULL) {
		/* TRANSLATORS: error when nothing is to be set */
		g_printerr("yamorictl: %s\n",
		           _("give --model, --firmware, --vendor or --hw-rev, or --clear"));
		return 2;
	}
	store = open_store(state_dir);
	if (store == NULL)
		return 1;
	/* --clear with new values starts again from them alone */
	if (clear && !ym_advisory_db_set_identity(store, mac, NULL, NULL, NULL, NULL, 0, &error))
		return print_failure(error);
	if ((vendor != NULL || model != NULL || hw_rev != NULL || firmware != NULL) &&
	    !ym_advisory_db_set_identity(store, mac, vendor, model, hw_rev, firmware,
	                                 g_get_real_time() / G_USEC_PER_SEC, &error))
		return print_failure(error);
	return 0;
}
