/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ym-error.h"
#include "ym-guidance.h"

#include <glib/gstdio.h>

static YmGuidance *
load_shipped(void)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *dir = g_build_filename(SRCDIR, "..", "data", "guidance", NULL);
	YmGuidance *guidance = ym_guidance_new();
	g_assert_true(ym_guidance_load_dir(guidance, dir, &error));
	g_assert_no_error(error);
	return guidance;
}

/* the alert type IDs of the catalogue, and their default severities */
static void
test_topics(void)
{
	g_autoptr(YmGuidance) guidance = load_shipped();
	g_autoptr(GPtrArray) ids = ym_guidance_get_ids(guidance);
	const struct {
		const gchar *id;
		const gchar *severity;
	} expected[] = {
	    {"new_device_joined", "caution"},
	    {"default_or_weak_password", "warning"},
	    {"firmware_update_available", "caution"},
	    {"known_exploited_vulnerability", "urgent"},
	    {"end_of_support", "warning"},
	    {"botnet_behaviour", "urgent"},
	    {"malicious_server_contact", "warning"},
	    {"upnp_port_opened", "caution"},
	    {"insecure_remote_access", "warning"},
	    {"camera_unknown_destination", "warning"},
	    {"unusual_night_upload", "caution"},
	    {"router_settings_changed", "urgent"},
	    {"password_guessing", "warning"},
	};
	/* 17 from the shared catalogue, plus password_guessing of our own */
	g_assert_cmpuint(ids->len, ==, 18);
	for (guint i = 0; i < G_N_ELEMENTS(expected); i++) {
		const YmGuidanceTopic *topic = ym_guidance_lookup(guidance, expected[i].id);
		g_assert_nonnull(topic);
		g_assert_cmpstr(ym_guidance_topic_get_severity(topic), ==, expected[i].severity);
	}
	/* every topic reads in both languages */
	for (guint i = 0; i < ids->len; i++) {
		const YmGuidanceTopic *topic =
		    ym_guidance_lookup(guidance, g_ptr_array_index(ids, i));
		guint n = ym_guidance_topic_get_n_steps(topic);
		g_assert_cmpuint(n, >=, 3);
		g_assert_cmpuint(n, <=, 7);
		for (guint s = 0; s < n; s++) {
			g_assert_nonnull(ym_guidance_topic_get_step(topic, s, "ja"));
			g_assert_nonnull(ym_guidance_topic_get_step(topic, s, "en"));
		}
		g_assert_null(ym_guidance_topic_get_step(topic, n, "en"));
		g_assert_true(g_utf8_validate(ym_guidance_topic_get_title(topic, "ja"), -1, NULL));
	}
	g_assert_cmpstr(
	    ym_guidance_topic_get_title(ym_guidance_lookup(guidance, "new_device_joined"), "ja"),
	    ==, "見慣れない機器が家のWi-Fiにつながりました");
	g_assert_cmpstr(
	    ym_guidance_topic_get_title(ym_guidance_lookup(guidance, "new_device_joined"), "en"),
	    ==, "An unfamiliar device has joined your home Wi-Fi");
	g_assert_null(ym_guidance_lookup(guidance, "no_such_topic"));
}

/* the safety modifiers of catalogue section 2, by device kind */
static void
test_modifiers(void)
{
	g_autoptr(YmGuidance) guidance = load_shipped();
	const gchar *why_extra = NULL;
	const gchar *step_first = NULL;
	g_assert_true(ym_guidance_get_modifier(guidance, "lock", "en", &why_extra, &step_first));
	g_assert_cmpstr(why_extra, ==,
	                "If it is taken over, someone could unlock your door or lock you in.");
	g_assert_nonnull(strstr(step_first, "physical key"));
	g_assert_true(ym_guidance_get_modifier(guidance, "camera", "ja", &why_extra, NULL));
	g_assert_cmpstr(why_extra, ==, "家の中の様子をのぞき見されるおそれがあります。");
	g_assert_true(ym_guidance_get_modifier(guidance, "plug", "en", NULL, &step_first));
	g_assert_nonnull(strstr(step_first, "heaters"));
	g_assert_false(ym_guidance_get_modifier(guidance, "tv", "en", NULL, NULL));
}

static void
test_render(void)
{
	g_autoptr(GHashTable) slots = g_hash_table_new(g_str_hash, g_str_equal);
	g_autofree gchar *known = NULL;
	g_autofree gchar *unknown_ja = NULL;
	g_autofree gchar *unknown_en = NULL;
	g_hash_table_insert(slots, (gpointer) "device_label", (gpointer) "玄関のカメラ");
	known = ym_guidance_render("{device_label}のパスワードを変えてください", slots, "ja");
	g_assert_cmpstr(known, ==, "玄関のカメラのパスワードを変えてください");
	unknown_ja =
	    ym_guidance_render("{device_label}が{destination}に送信しています", NULL, "ja");
	g_assert_cmpstr(unknown_ja, ==, "この機器が不明な相手に送信しています");
	unknown_en = ym_guidance_render("Update {device_label} ({port})", NULL, "en");
	g_assert_cmpstr(unknown_en, ==, "Update this device ()");
}

static void
test_bad_files(void)
{
	const struct {
		const gchar *name;
		const gchar *json;
		const gchar *message;
	} cases[] = {
	    {"a.json", "{\"id\": \"b\"}", "a.json: \"id\" is \"b\", not the file's name"},
	    {"a.json", "{\"id\": \"a\", \"severity\": \"extreme\"}",
	     "a.json: \"severity\" must be"},
	    {"a.json", "{\"id\": \"a\", \"severity\": \"info\", \"title\": {\"ja\": \"x\"}}",
	     "a.json: \"title\" needs both"},
	    {"a.json", "{\"id\": \"a\"", "a.json: "},
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GError) error = NULL;
		g_autofree gchar *dir = g_dir_make_tmp("yamori-guidance-XXXXXX", &error);
		g_autofree gchar *path = g_build_filename(dir, cases[i].name, NULL);
		g_autoptr(YmGuidance) guidance = ym_guidance_new();
		g_file_set_contents(path, cases[i].json, -1, &error);
		g_assert_no_error(error);
		g_assert_false(ym_guidance_load_dir(guidance, dir, &error));
		g_assert_nonnull(error);
		if (strstr(error->message, cases[i].message) == NULL)
			g_error("case %u: \"%s\" lacks \"%s\"", i, error->message,
			        cases[i].message);
		g_unlink(path);
		g_rmdir(dir);
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/guidance/topics", test_topics);
	g_test_add_func("/ym/guidance/render", test_render);
	g_test_add_func("/ym/guidance/modifiers", test_modifiers);
	g_test_add_func("/ym/guidance/bad-files", test_bad_files);
	return g_test_run();
}
