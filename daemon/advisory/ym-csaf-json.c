/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * bounded JSON loading and typed member access for the CSAF parsers:
 * json-glib 1.6 parses by recursion without a depth limit and accepts
 * "\ud800" escapes that decode to invalid UTF-8, so the bytes are checked
 * before it sees them and every string we keep is validated
 */

#define G_LOG_DOMAIN "YmCsaf"

#include "config.h"

#include <string.h>

#include "ym-advisory-csaf-private.h"
#include "ym-advisory-json-private.h"
#include "ym-error.h"

gchar *
_ym_json_path_to_string(const YmJsonPath *path)
{
	g_autoptr(GPtrArray) parts = g_ptr_array_new();
	GString *text = g_string_new("$");

	for (const YmJsonPath *p = path; p != NULL; p = p->parent)
		g_ptr_array_add(parts, (gpointer) p);
	for (guint i = parts->len; i > 0; i--) {
		const YmJsonPath *p = g_ptr_array_index(parts, i - 1);
		if (p->member != NULL)
			g_string_append_printf(text, ".%s", p->member);
		else
			g_string_append_printf(text, "[%u]", p->index);
	}
	return g_string_free(text, FALSE);
}

void
_ym_json_set_error(GError **error, const YmJsonPath *path, const gchar *format, ...)
{
	g_autofree gchar *where = _ym_json_path_to_string(path);
	g_autofree gchar *what = NULL;
	va_list args;

	va_start(args, format);
	what = g_strdup_vprintf(format, args);
	va_end(args);
	g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: %s", where, what);
}

JsonObject *
_ym_json_load_object(const gchar *data, gsize length, gsize max_length, GError **error)
{
	g_autoptr(JsonParser) parser = json_parser_new_immutable();
	g_autoptr(JsonNode) root = NULL;
	g_autoptr(GError) error_local = NULL;
	const gchar *end = NULL;
	gsize offset = 0;

	if (data == NULL || length == 0) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA, "empty JSON");
		return NULL;
	}
	if (length > max_length) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "JSON of %" G_GSIZE_FORMAT " bytes is larger than the %" G_GSIZE_FORMAT
		            " allowed",
		            length, max_length);
		return NULL;
	}
	if (!g_utf8_validate_len(data, length, &end)) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "byte %" G_GSIZE_FORMAT ": not UTF-8 (or a NUL byte)",
		            (gsize) (end - data));
		return NULL;
	}
	switch (_ym_json_scan(data, length, YM_CSAF_JSON_MAX_DEPTH, YM_CSAF_JSON_MAX_VALUES, NULL,
	                      NULL, &offset)) {
	case YM_JSON_SCAN_TOO_DEEP:
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "byte %" G_GSIZE_FORMAT ": JSON nested deeper than %u levels", offset,
		            (guint) YM_CSAF_JSON_MAX_DEPTH);
		return NULL;
	case YM_JSON_SCAN_TOO_MANY_VALUES:
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "byte %" G_GSIZE_FORMAT ": more than %u JSON values", offset,
		            (guint) YM_CSAF_JSON_MAX_VALUES);
		return NULL;
	default:
		break;
	}
	if (!json_parser_load_from_data(parser, data, (gssize) length, &error_local)) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "invalid JSON: %s",
		            error_local->message);
		return NULL;
	}
	root = json_parser_steal_root(parser);
	if (root == NULL || !JSON_NODE_HOLDS_OBJECT(root)) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "$: the JSON text is not an object");
		return NULL;
	}
	return json_object_ref(json_node_get_object(root));
}

static const gchar *
json_node_kind(JsonNode *node)
{
	switch (json_node_get_node_type(node)) {
	case JSON_NODE_OBJECT:
		return "an object";
	case JSON_NODE_ARRAY:
		return "an array";
	case JSON_NODE_NULL:
		return "null";
	case JSON_NODE_VALUE:
		if (json_node_get_value_type(node) == G_TYPE_STRING)
			return "a string";
		if (json_node_get_value_type(node) == G_TYPE_BOOLEAN)
			return "a boolean";
		return "a number";
	default:
		return "something else";
	}
}

/* the member's node, NULL when missing or null; FALSE on a missing required one */
static gboolean
json_get_member(JsonObject *object,
                const gchar *member,
                const YmJsonPath *path,
                gboolean required,
                JsonNode **node,
                GError **error)
{
	JsonNode *found = json_object_get_member(object, member);

	*node = NULL;
	if (found == NULL || JSON_NODE_HOLDS_NULL(found)) {
		if (required) {
			YmJsonPath here = YM_JSON_PATH_MEMBER(path, member);
			_ym_json_set_error(error, &here, "missing");
			return FALSE;
		}
		return TRUE;
	}
	*node = found;
	return TRUE;
}

static gboolean
json_check_string(JsonNode *node,
                  const YmJsonPath *here,
                  gsize max_length,
                  const gchar **value,
                  GError **error)
{
	const gchar *text;
	gsize length;

	if (!JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_STRING) {
		_ym_json_set_error(error, here, "expected a string, got %s", json_node_kind(node));
		return FALSE;
	}
	text = json_node_get_string(node);
	length = strlen(text);
	if (length > max_length) {
		_ym_json_set_error(error, here,
		                   "string of %" G_GSIZE_FORMAT
		                   " bytes is longer than %" G_GSIZE_FORMAT,
		                   length, max_length);
		return FALSE;
	}
	if (!g_utf8_validate_len(text, length, NULL)) {
		_ym_json_set_error(error, here, "string is not valid UTF-8");
		return FALSE;
	}
	*value = text;
	return TRUE;
}

gboolean
_ym_json_get_string(JsonObject *object,
                    const gchar *member,
                    const YmJsonPath *path,
                    gboolean required,
                    gsize max_length,
                    const gchar **value,
                    GError **error)
{
	YmJsonPath here = YM_JSON_PATH_MEMBER(path, member);
	JsonNode *node = NULL;

	*value = NULL;
	if (!json_get_member(object, member, path, required, &node, error))
		return FALSE;
	if (node == NULL)
		return TRUE;
	return json_check_string(node, &here, max_length, value, error);
}

gboolean
_ym_json_get_object(JsonObject *object,
                    const gchar *member,
                    const YmJsonPath *path,
                    gboolean required,
                    JsonObject **value,
                    GError **error)
{
	JsonNode *node = NULL;

	*value = NULL;
	if (!json_get_member(object, member, path, required, &node, error))
		return FALSE;
	if (node == NULL)
		return TRUE;
	if (!JSON_NODE_HOLDS_OBJECT(node)) {
		YmJsonPath here = YM_JSON_PATH_MEMBER(path, member);
		_ym_json_set_error(error, &here, "expected an object, got %s",
		                   json_node_kind(node));
		return FALSE;
	}
	*value = json_node_get_object(node);
	return TRUE;
}

gboolean
_ym_json_get_array(JsonObject *object,
                   const gchar *member,
                   const YmJsonPath *path,
                   gboolean required,
                   JsonArray **value,
                   GError **error)
{
	JsonNode *node = NULL;

	*value = NULL;
	if (!json_get_member(object, member, path, required, &node, error))
		return FALSE;
	if (node == NULL)
		return TRUE;
	if (!JSON_NODE_HOLDS_ARRAY(node)) {
		YmJsonPath here = YM_JSON_PATH_MEMBER(path, member);
		_ym_json_set_error(error, &here, "expected an array, got %s", json_node_kind(node));
		return FALSE;
	}
	*value = json_node_get_array(node);
	return TRUE;
}

gboolean
_ym_json_array_get_string(JsonArray *array,
                          guint index,
                          const YmJsonPath *path,
                          gsize max_length,
                          const gchar **value,
                          GError **error)
{
	YmJsonPath here = YM_JSON_PATH_INDEX(path, index);
	return json_check_string(json_array_get_element(array, index), &here, max_length, value,
	                         error);
}

gboolean
_ym_json_array_get_object(JsonArray *array,
                          guint index,
                          const YmJsonPath *path,
                          JsonObject **value,
                          GError **error)
{
	JsonNode *node = json_array_get_element(array, index);

	if (!JSON_NODE_HOLDS_OBJECT(node)) {
		YmJsonPath here = YM_JSON_PATH_INDEX(path, index);
		_ym_json_set_error(error, &here, "expected an object, got %s",
		                   json_node_kind(node));
		return FALSE;
	}
	*value = json_node_get_object(node);
	return TRUE;
}
