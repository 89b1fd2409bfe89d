/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * yamori-gen: our own deterministic traffic generator. It writes pcapng
 * captures of a Japanese smart home for demos, tests and benchmarks; the
 * same arguments always give the same bytes.
 */

#define G_LOG_DOMAIN "YmGen"

#include "config.h"

#include <stdlib.h>

#include "ym-gen-private.h"

#define YM_GEN_DEFAULT_MINUTES 30
#define YM_GEN_DEFAULT_PACKETS 2000000

typedef struct {
	guint64 seed;
	gint64 start;
	guint64 packets;
	guint64 minutes;
	gboolean list;
	gchar *truth;
	gchar *scenes;
} YmGenOptions;

static gboolean
ym_gen_parse_u64(const gchar *text, const gchar *what, guint64 max, guint64 *out, GError **error)
{
	if (!g_ascii_string_to_unsigned(text, 10, 0, max, out, error)) {
		g_prefix_error(error, "%s: ", what);
		return FALSE;
	}
	return TRUE;
}

static gboolean
ym_gen_parse_start(const gchar *text, gint64 *out, GError **error)
{
	g_autoptr(GTimeZone) utc = g_time_zone_new_utc();
	g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601(text, utc);
	if (dt == NULL) {
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
		            "--start: not an ISO 8601 time: %s", text);
		return FALSE;
	}
	*out = g_date_time_to_unix(dt) * YM_GEN_SEC + g_date_time_get_microsecond(dt);
	return TRUE;
}

/* run the selected scenes into @output */
static gboolean
ym_gen_write(YmGenCtx *ctx,
             YmGenHome *home,
             const gchar *mode,
             const YmGenOptions *options,
             GPtrArray *selection,
             const gchar *output,
             GError **error)
{
	gboolean bench = g_strcmp0(mode, "bench") == 0;
	gint64 start = _ym_gen_ctx_get_start(ctx);
	gint64 began = g_get_monotonic_time();

	if (!_ym_gen_ctx_open(ctx, output, error))
		return FALSE;
	for (guint i = 0; i < selection->len; i++) {
		const YmGenScene *scene = g_ptr_array_index(selection, i);
		scene->func(ctx, home, start);
	}
	if (bench)
		_ym_gen_ctx_set_max_packets(ctx, options->packets);
	else
		_ym_gen_ctx_set_end(ctx, start + (gint64) options->minutes * YM_GEN_MIN);
	if (!_ym_gen_ctx_run(ctx, error))
		return FALSE;
	if (!_ym_gen_ctx_close(ctx, error))
		return FALSE;
	g_printerr("%s: %" G_GUINT64_FORMAT " packets, %" G_GUINT64_FORMAT
	           " bytes of frames, generated in %.2f s\n",
	           output, _ym_gen_ctx_get_packets(ctx), _ym_gen_ctx_get_bytes(ctx),
	           (g_get_monotonic_time() - began) / 1e6);
	return TRUE;
}

static gboolean
ym_gen_run(int argc, char **argv, GError **error)
{
	YmGenOptions options = {
	    .seed = YM_GEN_DEFAULT_SEED,
	    .start = YM_GEN_DEFAULT_START,
	    .packets = YM_GEN_DEFAULT_PACKETS,
	    .minutes = YM_GEN_DEFAULT_MINUTES,
	};
	g_autofree gchar *seed = NULL;
	g_autofree gchar *start = NULL;
	g_autofree gchar *packets = NULL;
	g_autofree gchar *minutes = NULL;
	g_autofree gchar *truth = NULL;
	g_autofree gchar *scene_list = NULL;
	gboolean list = FALSE;
	const GOptionEntry entries[] = {
	    {"seed", 0, 0, G_OPTION_ARG_STRING, &seed, "Seed of the generator", "N"},
	    {"start", 0, 0, G_OPTION_ARG_STRING, &start,
	     "Capture start (default 2026-04-01T09:00:00Z, or 2026-03-31T16:30:00Z with attacks)",
	     "ISO8601"},
	    {"packets", 0, 0, G_OPTION_ARG_STRING, &packets, "bench: number of packets", "N"},
	    {"minutes", 0, 0, G_OPTION_ARG_STRING, &minutes, "demo: capture length", "N"},
	    {"list", 0, 0, G_OPTION_ARG_NONE, &list, "Print the device table", NULL},
	    {"truth", 0, 0, G_OPTION_ARG_FILENAME, &truth, "Write the device table as TSV", "FILE"},
	    {"scenes", 0, 0, G_OPTION_ARG_STRING, &scene_list,
	     "Comma-separated scenes instead of the mode's defaults (none: no attacks)", "LIST"},
	    {NULL}};
	g_autoptr(GOptionContext) context = g_option_context_new("MODE [OUTPUT.pcapng]");
	g_autoptr(YmGenCtx) ctx = NULL;
	g_autoptr(YmGenHome) home = NULL;
	g_autoptr(GPtrArray) selection = NULL;
	const gchar *mode;
	const gchar *output;

	g_option_context_set_summary(context, "Modes:\n"
	                                      "  demo    a Japanese smart home over 30 minutes\n"
	                                      "  bench   a large home mix of --packets packets\n"
	                                      "  scenes  list the scenes");
	g_option_context_add_main_entries(context, entries, NULL);
	if (!g_option_context_parse(context, &argc, &argv, error))
		return FALSE;
	if (seed != NULL && !ym_gen_parse_u64(seed, "--seed", G_MAXUINT64, &options.seed, error))
		return FALSE;
	if (start != NULL && !ym_gen_parse_start(start, &options.start, error))
		return FALSE;
	if (packets != NULL &&
	    !ym_gen_parse_u64(packets, "--packets", G_MAXUINT32, &options.packets, error))
		return FALSE;
	if (minutes != NULL &&
	    !ym_gen_parse_u64(minutes, "--minutes", 24 * 60, &options.minutes, error))
		return FALSE;
	if (options.packets == 0 || options.minutes == 0) {
		g_set_error_literal(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
		                    "--packets and --minutes must be positive");
		return FALSE;
	}
	options.list = list;
	options.truth = truth;
	options.scenes = scene_list;

	if (argc < 2) {
		g_autofree gchar *help = g_option_context_get_help(context, TRUE, NULL);
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "no mode given\n\n%s",
		            help);
		return FALSE;
	}
	mode = argv[1];
	output = argc > 2 ? argv[2] : NULL;
	if (g_strcmp0(mode, "scenes") == 0) {
		const YmGenScene *scenes = _ym_gen_scenes();
		for (guint i = 0; scenes[i].name != NULL; i++)
			g_print("%-24s %s%s%s%s\n", scenes[i].name, scenes[i].description,
			        scenes[i].in_demo ? " [demo]" : "",
			        scenes[i].in_bench ? " [bench]" : "",
			        scenes[i].attack ? " [attack]" : "");
		return TRUE;
	}
	if (g_strcmp0(mode, "demo") != 0 && g_strcmp0(mode, "bench") != 0) {
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "unknown mode %s",
		            mode);
		return FALSE;
	}
	if (output == NULL && !options.list && options.truth == NULL) {
		g_set_error_literal(error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
		                    "no OUTPUT.pcapng given");
		return FALSE;
	}

	selection = _ym_gen_scenes_select(options.scenes, g_strcmp0(mode, "bench") == 0, error);
	if (selection == NULL)
		return FALSE;
	if (start == NULL)
		options.start = _ym_gen_scenes_default_start(selection);

	ctx = _ym_gen_ctx_new(options.seed, options.start);
	home = _ym_gen_home_new(ctx);
	if (options.list || options.truth != NULL) {
		g_autofree gchar *tsv = _ym_gen_home_to_tsv(home);
		if (options.list)
			g_print("%s", tsv);
		if (options.truth != NULL && !g_file_set_contents(options.truth, tsv, -1, error))
			return FALSE;
	}
	if (output == NULL)
		return TRUE;
	return ym_gen_write(ctx, home, mode, &options, selection, output, error);
}

int
main(int argc, char **argv)
{
	g_autoptr(GError) error = NULL;
	if (!ym_gen_run(argc, argv, &error)) {
		g_printerr("yamori-gen: %s\n", error->message);
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}
