/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * the guidance catalogue (data/guidance/, built from the shared catalogue
 * by data/guidance/update-from-catalogue.py): what the resident reads for
 * each alert type, in Japanese and English
 */

#define G_LOG_DOMAIN "YmGuidance"

#include "config.h"

#include "ym-guidance.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ym-error.h"

#define YM_GUIDANCE_MAX_STEPS 7

typedef struct {
	gchar *ja;
	gchar *en;
} Text;

struct _YmGuidanceTopic {
	gchar *id;
	gchar *severity;
	Text title;
	Text why;
	Text steps[YM_GUIDANCE_MAX_STEPS];
	guint n_steps;
};

typedef struct {
	Text why_extra;
	Text step_first;
} Modifier;

struct _YmGuidance {
	GObject parent_instance;
	/* owned */
	GHashTable *topics;    /* id -> YmGuidanceTopic */
	GHashTable *modifiers; /* class -> Modifier */
};

/* device kinds to the catalogue's classes (section 2) */
static const struct {
	const gchar *kind;
	const gchar *klass;
} modifier_classes[] = {
    {"lock", "smart_lock"},
    {"camera", "camera_or_baby_monitor"},
    {"router", "router"},
    {"speaker", "smart_speaker_or_microphone"},
    {"plug", "heater_via_smart_plug"},
};

static const gchar *
text_for(const Text *text, const gchar *lang);

static void
modifier_free(gpointer data)
{
	Modifier *m = data;
	g_free(m->why_extra.ja);
	g_free(m->why_extra.en);
	g_free(m->step_first.ja);
	g_free(m->step_first.en);
	g_free(m);
}

G_DEFINE_TYPE(YmGuidance, ym_guidance, G_TYPE_OBJECT)

/* what to say when a slot has no value (catalogue section 1.3) */
static const struct {
	const gchar *slot;
	const gchar *ja;
	const gchar *en;
} slot_fallbacks[] = {
    {"device_label", "この機器", "this device"},
    {"destination", "不明な相手", "an unknown server"},
    {"vendor_support_url", "説明書をご覧ください", "see the manual"},
    {"vendor_update_url", "説明書をご覧ください", "see the manual"},
    {"vendor_advisory_url", "説明書をご覧ください", "see the manual"},
    {"vendor_eol_url", "説明書をご覧ください", "see the manual"},
    {"vendor_reset_url", "説明書をご覧ください", "see the manual"},
    {"router_help_url", "ルーターの説明書をご覧ください", "see your router's manual"},
    {"port", "", ""},
    {"time_window", "", ""},
    {"amount", "", ""},
};

static void
topic_free(gpointer data)
{
	YmGuidanceTopic *topic = data;
	g_free(topic->id);
	g_free(topic->severity);
	g_free(topic->title.ja);
	g_free(topic->title.en);
	g_free(topic->why.ja);
	g_free(topic->why.en);
	for (guint i = 0; i < topic->n_steps; i++) {
		g_free(topic->steps[i].ja);
		g_free(topic->steps[i].en);
	}
	g_free(topic);
}

static gboolean
read_text(JsonObject *object, const gchar *member, Text *text, GError **error)
{
	JsonNode *node = json_object_get_member(object, member);
	JsonObject *langs;
	const gchar *ja, *en;
	if (node == NULL || !JSON_NODE_HOLDS_OBJECT(node)) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "\"%s\" is missing", member);
		return FALSE;
	}
	langs = json_node_get_object(node);
	ja = json_object_get_string_member_with_default(langs, "ja", NULL);
	en = json_object_get_string_member_with_default(langs, "en", NULL);
	if (ja == NULL || en == NULL || ja[0] == '\0' || en[0] == '\0') {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "\"%s\" needs both \"ja\" and \"en\" text", member);
		return FALSE;
	}
	text->ja = g_strdup(ja);
	text->en = g_strdup(en);
	return TRUE;
}

static YmGuidanceTopic *
parse_topic(JsonNode *root, const gchar *expected_id, GError **error)
{
	static const gchar *severities[] = {"info", "caution", "warning", "urgent", NULL};
	g_autoptr(GPtrArray) holder = g_ptr_array_new_with_free_func(topic_free);
	YmGuidanceTopic *topic = g_new0(YmGuidanceTopic, 1);
	JsonObject *object;
	JsonNode *steps;
	const gchar *id, *severity;

	g_ptr_array_add(holder, topic);
	if (!JSON_NODE_HOLDS_OBJECT(root)) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA, "not a JSON object");
		return NULL;
	}
	object = json_node_get_object(root);
	id = json_object_get_string_member_with_default(object, "id", NULL);
	if (g_strcmp0(id, expected_id) != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "\"id\" is \"%s\", not the file's name", id != NULL ? id : "");
		return NULL;
	}
	topic->id = g_strdup(id);
	severity = json_object_get_string_member_with_default(object, "severity", NULL);
	if (severity == NULL || !g_strv_contains(severities, severity)) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "\"severity\" must be info, caution, warning or urgent");
		return NULL;
	}
	topic->severity = g_strdup(severity);
	if (!read_text(object, "title", &topic->title, error) ||
	    !read_text(object, "why", &topic->why, error))
		return NULL;
	steps = json_object_get_member(object, "steps");
	if (steps == NULL || !JSON_NODE_HOLDS_ARRAY(steps) ||
	    json_array_get_length(json_node_get_array(steps)) < 3 ||
	    json_array_get_length(json_node_get_array(steps)) > YM_GUIDANCE_MAX_STEPS) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "\"steps\" must hold 3 to %u steps", (guint) YM_GUIDANCE_MAX_STEPS);
		return NULL;
	}
	for (guint i = 0; i < json_array_get_length(json_node_get_array(steps)); i++) {
		JsonNode *step = json_array_get_element(json_node_get_array(steps), i);
		g_autoptr(JsonObject) wrapper = json_object_new();
		json_object_set_member(wrapper, "step", json_node_copy(step));
		if (!read_text(wrapper, "step", &topic->steps[i], error)) {
			g_prefix_error(error, "step %u: ", i + 1);
			return NULL;
		}
		topic->n_steps++;
	}
	return g_ptr_array_steal_index(holder, 0);
}

/* _modifiers.json, optional */
static gboolean
load_modifiers(YmGuidance *self, const gchar *dir, GError **error)
{
	g_autofree gchar *path = g_build_filename(dir, "_modifiers.json", NULL);
	g_autoptr(JsonParser) parser = json_parser_new();
	g_autoptr(GHashTable) modifiers =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, modifier_free);
	JsonNode *root;
	JsonNode *list;

	if (!g_file_test(path, G_FILE_TEST_EXISTS))
		return TRUE;
	if (!json_parser_load_from_file(parser, path, error)) {
		g_prefix_error(error, "%s: ", path);
		return FALSE;
	}
	root = json_parser_get_root(parser);
	list = JSON_NODE_HOLDS_OBJECT(root)
	           ? json_object_get_member(json_node_get_object(root), "modifiers")
	           : NULL;
	if (list == NULL || !JSON_NODE_HOLDS_ARRAY(list)) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: \"modifiers\" is missing",
		            path);
		return FALSE;
	}
	for (guint i = 0; i < json_array_get_length(json_node_get_array(list)); i++) {
		JsonNode *node = json_array_get_element(json_node_get_array(list), i);
		JsonObject *object;
		const gchar *klass;
		Modifier *m;
		if (!JSON_NODE_HOLDS_OBJECT(node))
			continue;
		object = json_node_get_object(node);
		klass = json_object_get_string_member_with_default(object, "class", NULL);
		m = g_new0(Modifier, 1);
		if (klass == NULL || !read_text(object, "why_extra", &m->why_extra, error) ||
		    !read_text(object, "step_first", &m->step_first, error)) {
			modifier_free(m);
			if (error != NULL && *error == NULL)
				g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
				                    "a modifier has no \"class\"");
			g_prefix_error(error, "%s: modifier %u: ", path, i + 1);
			return FALSE;
		}
		g_hash_table_replace(modifiers, g_strdup(klass), m);
	}
	g_hash_table_unref(self->modifiers);
	self->modifiers = g_steal_pointer(&modifiers);
	return TRUE;
}

gboolean
ym_guidance_get_modifier(YmGuidance *self,
                         const gchar *device_kind,
                         const gchar *lang,
                         const gchar **why_extra,
                         const gchar **step_first)
{
	g_return_val_if_fail(YM_IS_GUIDANCE(self), FALSE);
	for (guint i = 0; i < G_N_ELEMENTS(modifier_classes); i++) {
		Modifier *m;
		if (g_strcmp0(modifier_classes[i].kind, device_kind) != 0)
			continue;
		m = g_hash_table_lookup(self->modifiers, modifier_classes[i].klass);
		if (m == NULL)
			return FALSE;
		if (why_extra != NULL)
			*why_extra = text_for(&m->why_extra, lang);
		if (step_first != NULL)
			*step_first = text_for(&m->step_first, lang);
		return TRUE;
	}
	return FALSE;
}

gboolean
ym_guidance_load_dir(YmGuidance *self, const gchar *dir, GError **error)
{
	g_autoptr(GDir) gdir = NULL;
	g_autoptr(GHashTable) topics =
	    g_hash_table_new_full(g_str_hash, g_str_equal, NULL, topic_free);
	const gchar *name;

	g_return_val_if_fail(YM_IS_GUIDANCE(self), FALSE);
	gdir = g_dir_open(dir, 0, error);
	if (gdir == NULL) {
		g_prefix_error(error, "loading the guidance catalogue: ");
		return FALSE;
	}
	while ((name = g_dir_read_name(gdir)) != NULL) {
		g_autofree gchar *path = NULL;
		g_autofree gchar *id = NULL;
		g_autoptr(JsonParser) parser = json_parser_new();
		YmGuidanceTopic *topic;
		if (!g_str_has_suffix(name, ".json") || name[0] == '_')
			continue;
		path = g_build_filename(dir, name, NULL);
		id = g_strndup(name, strlen(name) - 5);
		if (!json_parser_load_from_file(parser, path, error)) {
			g_prefix_error(error, "%s: ", path);
			return FALSE;
		}
		topic = parse_topic(json_parser_get_root(parser), id, error);
		if (topic == NULL) {
			g_prefix_error(error, "%s: ", path);
			return FALSE;
		}
		g_hash_table_replace(topics, topic->id, topic);
	}
	if (g_hash_table_size(topics) == 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_NOT_FOUND, "%s: no guidance topics", dir);
		return FALSE;
	}
	if (!load_modifiers(self, dir, error))
		return FALSE;
	g_hash_table_unref(self->topics);
	self->topics = g_steal_pointer(&topics);
	return TRUE;
}

const YmGuidanceTopic *
ym_guidance_lookup(YmGuidance *self, const gchar *id)
{
	g_return_val_if_fail(YM_IS_GUIDANCE(self), NULL);
	return g_hash_table_lookup(self->topics, id);
}

static gint
compare_ids(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(*(const gchar *const *) a, *(const gchar *const *) b);
}

GPtrArray *
ym_guidance_get_ids(YmGuidance *self)
{
	GPtrArray *ids = g_ptr_array_new();
	GHashTableIter iter;
	gpointer key;
	g_return_val_if_fail(YM_IS_GUIDANCE(self), ids);
	g_hash_table_iter_init(&iter, self->topics);
	while (g_hash_table_iter_next(&iter, &key, NULL))
		g_ptr_array_add(ids, key);
	g_ptr_array_sort(ids, compare_ids);
	return ids;
}

static const gchar *
text_for(const Text *text, const gchar *lang)
{
	return g_strcmp0(lang, "ja") == 0 ? text->ja : text->en;
}

const gchar *
ym_guidance_topic_get_severity(const YmGuidanceTopic *topic)
{
	return topic->severity;
}

const gchar *
ym_guidance_topic_get_title(const YmGuidanceTopic *topic, const gchar *lang)
{
	return text_for(&topic->title, lang);
}

const gchar *
ym_guidance_topic_get_why(const YmGuidanceTopic *topic, const gchar *lang)
{
	return text_for(&topic->why, lang);
}

guint
ym_guidance_topic_get_n_steps(const YmGuidanceTopic *topic)
{
	return topic->n_steps;
}

const gchar *
ym_guidance_topic_get_step(const YmGuidanceTopic *topic, guint index, const gchar *lang)
{
	if (index >= topic->n_steps)
		return NULL;
	return text_for(&topic->steps[index], lang);
}

static const gchar *
slot_fallback(const gchar *slot, const gchar *lang)
{
	for (guint i = 0; i < G_N_ELEMENTS(slot_fallbacks); i++) {
		if (g_strcmp0(slot_fallbacks[i].slot, slot) == 0)
			return g_strcmp0(lang, "ja") == 0 ? slot_fallbacks[i].ja
			                                  : slot_fallbacks[i].en;
	}
	return "";
}

gchar *
ym_guidance_render(const gchar *text, GHashTable *slots, const gchar *lang)
{
	GString *out = g_string_new(NULL);
	const gchar *p = text;
	while (*p != '\0') {
		const gchar *close;
		if (*p == '{' && (close = strchr(p, '}')) != NULL) {
			g_autofree gchar *slot = g_strndup(p + 1, (gsize) (close - p - 1));
			const gchar *value =
			    slots != NULL ? g_hash_table_lookup(slots, slot) : NULL;
			g_string_append(out, value != NULL && value[0] != '\0'
			                         ? value
			                         : slot_fallback(slot, lang));
			p = close + 1;
			continue;
		}
		g_string_append_c(out, *p++);
	}
	return g_string_free(out, FALSE);
}

const gchar *
ym_guidance_pick_language(void)
{
	const gchar *const *names = g_get_language_names();
	for (guint i = 0; names[i] != NULL; i++) {
		if (g_str_has_prefix(names[i], "ja"))
			return "ja";
		if (g_str_has_prefix(names[i], "en") || g_strcmp0(names[i], "C") == 0)
			return "en";
	}
	return "en";
}

YmGuidance *
ym_guidance_new(void)
{
	return g_object_new(YM_TYPE_GUIDANCE, NULL);
}

static void
ym_guidance_finalize(GObject *object)
{
	YmGuidance *self = YM_GUIDANCE(object);
	g_hash_table_unref(self->topics);
	g_hash_table_unref(self->modifiers);
	G_OBJECT_CLASS(ym_guidance_parent_class)->finalize(object);
}

static void
ym_guidance_class_init(YmGuidanceClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->finalize = ym_guidance_finalize;
}

static void
ym_guidance_init(YmGuidance *self)
{
	self->topics = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, topic_free);
	self->modifiers = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, modifier_free);
}
