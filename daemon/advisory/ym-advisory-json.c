/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "YmAdvisory"

#include "config.h"

#include "ym-advisory-json-private.h"

#include <math.h>
#include <string.h>

#include "common/ym-error.h"

/*
 * one pass over the raw bytes, string-aware, before json-glib sees them:
 * json-glib 1.6 parses nested arrays by recursion, so 100000 "[" would
 * exhaust the stack before any tree exists to walk; the same pass counts
 * values for the CSAF loader and collects the top-level member names for
 * the sniffers
 */
YmJsonScanResult
_ym_json_scan(const gchar *data,
              gsize length,
              guint max_depth,
              gsize max_values,
              const gchar *const *keys,
              guint64 *found,
              gsize *offset)
{
	guint depth = 0;
	gsize values = 1;
	gboolean top_object = FALSE;
	gboolean expect_key = FALSE;

	for (gsize i = 0; i < length; i++) {
		gchar c = data[i];
		if (c == '"') {
			gsize start = i + 1;
			for (i = start; i < length && data[i] != '"'; i++) {
				if (data[i] == '\\')
					i++;
			}
			if (i >= length)
				return YM_JSON_SCAN_OK; /* unterminated: json-glib says where */
			if (depth == 1 && top_object && expect_key && keys != NULL) {
				for (guint k = 0; keys[k] != NULL && k < 64; k++) {
					gsize key_length = strlen(keys[k]);
					if (i - start == key_length &&
					    memcmp(data + start, keys[k], key_length) == 0)
						*found |= G_GUINT64_CONSTANT(1) << k;
				}
			}
			expect_key = FALSE;
		} else if (c == '{' || c == '[') {
			depth++;
			if (depth > max_depth) {
				*offset = i;
				return YM_JSON_SCAN_TOO_DEEP;
			}
			if (depth == 1) {
				top_object = c == '{';
				expect_key = top_object;
			}
		} else if (c == '}' || c == ']') {
			if (depth > 0)
				depth--;
		} else if (c == ',') {
			if (depth == 1)
				expect_key = top_object;
			if (max_values > 0 && ++values > max_values) {
				*offset = i;
				return YM_JSON_SCAN_TOO_MANY_VALUES;
			}
		}
	}
	return YM_JSON_SCAN_OK;
}

JsonParser *
_ym_advisory_json_load(const gchar *data, gsize length, JsonObject **root, GError **error)
{
	g_autoptr(JsonParser) parser = NULL;
	g_autoptr(GError) error_local = NULL;
	const gchar *end = NULL;
	gsize offset = 0;
	JsonNode *node;

	if (data == NULL || length == 0) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA, "empty input");
		return NULL;
	}
	if (length > YM_ADVISORY_JSON_MAX_SIZE) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "input of %" G_GSIZE_FORMAT
		            " bytes is larger than the limit of %" G_GSIZE_FORMAT " bytes",
		            length, YM_ADVISORY_JSON_MAX_SIZE);
		return NULL;
	}
	/* a UTF-8 byte order mark may precede the text */
	if (length >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		length -= 3;
	}
	if (!g_utf8_validate(data, (gssize) length, &end)) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "not UTF-8 text (or a NUL byte) at byte %" G_GSIZE_FORMAT,
		            (gsize) (end - data));
		return NULL;
	}
	if (_ym_json_scan(data, length, YM_ADVISORY_JSON_MAX_DEPTH, 0, NULL, NULL, &offset) !=
	    YM_JSON_SCAN_OK) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "JSON nested deeper than %u levels at byte %" G_GSIZE_FORMAT,
		            (guint) YM_ADVISORY_JSON_MAX_DEPTH, offset);
		return NULL;
	}
	parser = json_parser_new_immutable();
	if (!json_parser_load_from_data(parser, data, (gssize) length, &error_local)) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "invalid JSON: %s",
		            error_local->message);
		return NULL;
	}
	node = json_parser_get_root(parser);
	if (node == NULL || !JSON_NODE_HOLDS_OBJECT(node)) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "expected a JSON object at the top level");
		return NULL;
	}
	*root = json_node_get_object(node);
	return g_steal_pointer(&parser);
}

guint64
_ym_advisory_json_sniff_keys(const gchar *data, gsize length, const gchar *const *keys)
{
	guint64 found = 0;
	gsize offset = 0;

	if (data == NULL || length == 0 || length > YM_ADVISORY_JSON_MAX_SIZE)
		return 0;
	if (_ym_json_scan(data, length, YM_ADVISORY_JSON_MAX_DEPTH, 0, keys, &found, &offset) !=
	    YM_JSON_SCAN_OK)
		return 0;
	return found;
}

gchar *
_ym_advisory_json_path(const gchar *parent, const gchar *member)
{
	if (parent == NULL || parent[0] == '\0')
		return g_strdup(member);
	return g_strdup_printf("%s.%s", parent, member);
}

gchar *
_ym_advisory_json_path_index(const gchar *parent, guint index)
{
	return g_strdup_printf("%s[%u]", parent != NULL ? parent : "", index);
}

static void
json_set_member_error(GError **error, const gchar *path, const gchar *member, const gchar *what)
{
	g_autofree gchar *full = _ym_advisory_json_path(path, member);
	g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: %s", full, what);
}

/* @value_type only for JSON_NODE_VALUE; G_TYPE_DOUBLE takes integers too */
static gboolean
json_node_is(JsonNode *node, JsonNodeType node_type, GType value_type)
{
	GType type;

	if (json_node_get_node_type(node) != node_type)
		return FALSE;
	if (node_type != JSON_NODE_VALUE)
		return TRUE;
	type = json_node_get_value_type(node);
	return type == value_type || (value_type == G_TYPE_DOUBLE && type == G_TYPE_INT64);
}

/* the member's node in @node when it is of @node_type (and @value_type),
 * NULL when missing or JSON null; FALSE with "path.member: @expected" when
 * it is of another type */
static gboolean
json_get_checked(JsonObject *object,
                 const gchar *path,
                 const gchar *member,
                 YmAdvisoryJsonPresence presence,
                 JsonNodeType node_type,
                 GType value_type,
                 const gchar *expected,
                 JsonNode **node,
                 GError **error)
{
	JsonNode *found = json_object_get_member(object, member);

	*node = NULL;
	if (found == NULL || JSON_NODE_HOLDS_NULL(found)) {
		if (presence == YM_ADVISORY_JSON_REQUIRED) {
			json_set_member_error(error, path, member, "missing");
			return FALSE;
		}
		return TRUE;
	}
	if (!json_node_is(found, node_type, value_type)) {
		json_set_member_error(error, path, member, expected);
		return FALSE;
	}
	*node = found;
	return TRUE;
}

gboolean
_ym_advisory_json_get_string(JsonObject *object,
                             const gchar *path,
                             const gchar *member,
                             YmAdvisoryJsonPresence presence,
                             const gchar **value,
                             GError **error)
{
	JsonNode *node = NULL;

	*value = NULL;
	if (!json_get_checked(object, path, member, presence, JSON_NODE_VALUE, G_TYPE_STRING,
	                      "expected a string", &node, error))
		return FALSE;
	if (node != NULL)
		*value = json_node_get_string(node);
	return TRUE;
}

gboolean
_ym_advisory_json_get_object(JsonObject *object,
                             const gchar *path,
                             const gchar *member,
                             YmAdvisoryJsonPresence presence,
                             JsonObject **value,
                             GError **error)
{
	JsonNode *node = NULL;

	*value = NULL;
	if (!json_get_checked(object, path, member, presence, JSON_NODE_OBJECT, G_TYPE_INVALID,
	                      "expected an object", &node, error))
		return FALSE;
	if (node != NULL)
		*value = json_node_get_object(node);
	return TRUE;
}

gboolean
_ym_advisory_json_get_array(JsonObject *object,
                            const gchar *path,
                            const gchar *member,
                            YmAdvisoryJsonPresence presence,
                            JsonArray **value,
                            GError **error)
{
	JsonNode *node = NULL;

	*value = NULL;
	if (!json_get_checked(object, path, member, presence, JSON_NODE_ARRAY, G_TYPE_INVALID,
	                      "expected an array", &node, error))
		return FALSE;
	if (node != NULL)
		*value = json_node_get_array(node);
	return TRUE;
}

gboolean
_ym_advisory_json_get_int(JsonObject *object,
                          const gchar *path,
                          const gchar *member,
                          gint64 *value,
                          gboolean *present,
                          GError **error)
{
	JsonNode *node = NULL;

	*value = 0;
	*present = FALSE;
	if (!json_get_checked(object, path, member, YM_ADVISORY_JSON_OPTIONAL, JSON_NODE_VALUE,
	                      G_TYPE_INT64, "expected an integer", &node, error))
		return FALSE;
	if (node != NULL) {
		*value = json_node_get_int(node);
		*present = TRUE;
	}
	return TRUE;
}

gboolean
_ym_advisory_json_get_double(JsonObject *object,
                             const gchar *path,
                             const gchar *member,
                             gdouble *value,
                             gboolean *present,
                             GError **error)
{
	JsonNode *node = NULL;

	*value = 0;
	*present = FALSE;
	if (!json_get_checked(object, path, member, YM_ADVISORY_JSON_OPTIONAL, JSON_NODE_VALUE,
	                      G_TYPE_DOUBLE, "expected a number", &node, error))
		return FALSE;
	if (node != NULL) {
		/* json-glib keeps integers apart and will not convert them here */
		if (json_node_get_value_type(node) == G_TYPE_INT64)
			*value = (gdouble) json_node_get_int(node);
		else
			*value = json_node_get_double(node);
		*present = TRUE;
	}
	return TRUE;
}

gboolean
_ym_advisory_json_get_boolean(JsonObject *object,
                              const gchar *path,
                              const gchar *member,
                              gboolean *value,
                              gboolean *present,
                              GError **error)
{
	JsonNode *node = NULL;

	*value = FALSE;
	*present = FALSE;
	if (!json_get_checked(object, path, member, YM_ADVISORY_JSON_OPTIONAL, JSON_NODE_VALUE,
	                      G_TYPE_BOOLEAN, "expected true or false", &node, error))
		return FALSE;
	if (node != NULL) {
		*value = json_node_get_boolean(node);
		*present = TRUE;
	}
	return TRUE;
}

static void
json_set_element_error(GError **error, const gchar *path, guint index, const gchar *what)
{
	g_autofree gchar *full = _ym_advisory_json_path_index(path, index);
	g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: %s", full, what);
}

gboolean
_ym_advisory_json_element_object(JsonArray *array,
                                 const gchar *path,
                                 guint index,
                                 JsonObject **value,
                                 GError **error)
{
	JsonNode *node = json_array_get_element(array, index);
	*value = NULL;
	if (node == NULL || !JSON_NODE_HOLDS_OBJECT(node)) {
		json_set_element_error(error, path, index, "expected an object");
		return FALSE;
	}
	*value = json_node_get_object(node);
	return TRUE;
}

gboolean
_ym_advisory_json_element_string(JsonArray *array,
                                 const gchar *path,
                                 guint index,
                                 const gchar **value,
                                 GError **error)
{
	JsonNode *node = json_array_get_element(array, index);
	*value = NULL;
	if (node == NULL || !json_node_is(node, JSON_NODE_VALUE, G_TYPE_STRING)) {
		json_set_element_error(error, path, index, "expected a string");
		return FALSE;
	}
	*value = json_node_get_string(node);
	return TRUE;
}

gboolean
_ym_advisory_json_has_string(JsonObject *object,
                             const gchar *path,
                             const gchar *member,
                             const gchar *needle,
                             gboolean *found,
                             GError **error)
{
	JsonArray *array = NULL;
	g_autofree gchar *array_path = NULL;

	*found = FALSE;
	if (!_ym_advisory_json_get_array(object, path, member, YM_ADVISORY_JSON_OPTIONAL, &array,
	                                 error))
		return FALSE;
	if (array == NULL)
		return TRUE;
	array_path = _ym_advisory_json_path(path, member);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		const gchar *text = NULL;
		if (!_ym_advisory_json_element_string(array, array_path, i, &text, error))
			return FALSE;
		if (g_ascii_strcasecmp(text, needle) == 0)
			*found = TRUE;
	}
	return TRUE;
}

gboolean
_ym_advisory_json_emit(YmAdvisory *advisory,
                       YmAdvisorySink sink,
                       gpointer user_data,
                       GError **error)
{
	g_autoptr(GError) error_local = NULL;

	if (sink == NULL)
		return TRUE;
	if (sink(advisory, user_data, &error_local))
		return TRUE;
	if (error_local == NULL) {
		g_set_error(error, YM_ERROR, YM_ERROR_INTERNAL,
		            "%s: the consumer stopped the parse", advisory->id);
		return FALSE;
	}
	g_propagate_error(error, g_steal_pointer(&error_local));
	return FALSE;
}

YmAdvisoryProduct *
_ym_advisory_json_add_product(YmAdvisory *advisory, const gchar *path, GError **error)
{
	if (advisory->products->len >= YM_ADVISORY_MAX_PRODUCTS) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s: more than %u products in %s", path,
		            (guint) YM_ADVISORY_MAX_PRODUCTS, advisory->id);
		return NULL;
	}
	return ym_advisory_add_product(advisory);
}

const gchar *
_ym_advisory_json_nonempty(const gchar *text)
{
	return text != NULL && text[0] != '\0' ? text : NULL;
}

gboolean
_ym_advisory_json_parse_descriptions(JsonObject *object,
                                     const gchar *path,
                                     YmAdvisory *advisory,
                                     GError **error)
{
	JsonArray *descriptions = NULL;
	g_autofree gchar *array_path = _ym_advisory_json_path(path, "descriptions");

	if (!_ym_advisory_json_get_array(object, path, "descriptions", YM_ADVISORY_JSON_OPTIONAL,
	                                 &descriptions, error))
		return FALSE;
	for (guint i = 0; descriptions != NULL && i < json_array_get_length(descriptions); i++) {
		g_autofree gchar *item_path = _ym_advisory_json_path_index(array_path, i);
		JsonObject *description = NULL;
		const gchar *lang = NULL;
		const gchar *value = NULL;

		if (!_ym_advisory_json_element_object(descriptions, array_path, i, &description,
		                                      error))
			return FALSE;
		if (!_ym_advisory_json_get_string(description, item_path, "lang",
		                                  YM_ADVISORY_JSON_OPTIONAL, &lang, error) ||
		    !_ym_advisory_json_get_string(description, item_path, "value",
		                                  YM_ADVISORY_JSON_OPTIONAL, &value, error))
			return FALSE;
		if (_ym_advisory_json_nonempty(value) == NULL)
			continue;
		/* other languages (VulDB adds "de") are not shown to residents */
		if (advisory->summary_en == NULL && _ym_advisory_json_lang_is(lang, "en"))
			advisory->summary_en = g_strdup(value);
		else if (advisory->summary_ja == NULL && _ym_advisory_json_lang_is(lang, "ja"))
			advisory->summary_ja = g_strdup(value);
	}
	return TRUE;
}

gboolean
_ym_advisory_json_parse_references(JsonObject *object,
                                   const gchar *path,
                                   const gchar *advisory_tag,
                                   const gchar *patch_tag,
                                   YmAdvisory *advisory,
                                   GError **error)
{
	JsonArray *references = NULL;
	g_autofree gchar *array_path = _ym_advisory_json_path(path, "references");

	if (!_ym_advisory_json_get_array(object, path, "references", YM_ADVISORY_JSON_OPTIONAL,
	                                 &references, error))
		return FALSE;
	for (guint i = 0; references != NULL && i < json_array_get_length(references); i++) {
		g_autofree gchar *item_path = _ym_advisory_json_path_index(array_path, i);
		JsonObject *reference = NULL;
		const gchar *url = NULL;
		gboolean has_advisory_tag = FALSE;
		gboolean has_patch_tag = FALSE;

		if (!_ym_advisory_json_element_object(references, array_path, i, &reference, error))
			return FALSE;
		if (!_ym_advisory_json_get_string(reference, item_path, "url",
		                                  YM_ADVISORY_JSON_OPTIONAL, &url, error) ||
		    !_ym_advisory_json_has_string(reference, item_path, "tags", advisory_tag,
		                                  &has_advisory_tag, error) ||
		    !_ym_advisory_json_has_string(reference, item_path, "tags", patch_tag,
		                                  &has_patch_tag, error))
			return FALSE;
		if (!_ym_advisory_url_is_web(url) || !(has_advisory_tag || has_patch_tag))
			continue;
		if (has_patch_tag)
			advisory->remediation = YM_REMEDIATION_VENDOR_FIX;
		if (advisory->remediation_url == NULL)
			advisory->remediation_url = g_strdup(url);
	}
	return TRUE;
}

gboolean
_ym_advisory_json_get_cvss(const gchar *log_domain,
                           JsonObject *cvss,
                           const gchar *path,
                           gdouble *score,
                           const gchar **vector,
                           gboolean *present,
                           GError **error)
{
	if (!_ym_advisory_json_get_double(cvss, path, "baseScore", score, present, error) ||
	    !_ym_advisory_json_get_string(cvss, path, "vectorString", YM_ADVISORY_JSON_OPTIONAL,
	                                  vector, error))
		return FALSE;
	if (*present && (!isfinite(*score) || *score < 0 || *score > 10)) {
		g_log(log_domain, G_LOG_LEVEL_WARNING,
		      "%s.baseScore: %g is not a CVSS score, ignored", path, *score);
		*present = FALSE;
	}
	return TRUE;
}

gchar *
_ym_advisory_json_quote(const gchar *text)
{
	g_autofree gchar *cut = g_strndup(text != NULL ? text : "", 40);
	return g_strescape(cut, NULL);
}

gboolean
_ym_advisory_json_lang_is(const gchar *lang, const gchar *want)
{
	gsize length = strlen(want);
	if (lang == NULL || g_ascii_strncasecmp(lang, want, length) != 0)
		return FALSE;
	return lang[length] == '\0' || lang[length] == '-' || lang[length] == '_';
}

gboolean
_ym_advisory_url_is_web(const gchar *url)
{
	g_autoptr(GUri) uri = NULL;
	const gchar *scheme;

	if (url == NULL || strlen(url) > 2048)
		return FALSE;
	uri = g_uri_parse(url, G_URI_FLAGS_NONE, NULL);
	if (uri == NULL)
		return FALSE;
	scheme = g_uri_get_scheme(uri);
	if (g_ascii_strcasecmp(scheme, "https") != 0 && g_ascii_strcasecmp(scheme, "http") != 0)
		return FALSE;
	return g_uri_get_host(uri) != NULL && g_uri_get_host(uri)[0] != '\0';
}

GStrv
_ym_advisory_cpe_split(const gchar *cpe)
{
	g_autoptr(GPtrArray) attributes = NULL;
	const gchar *start;
	const gchar *part;

	if (cpe == NULL || strncmp(cpe, "cpe:2.3:", 8) != 0)
		return NULL;
	/* CPE names are printable ASCII without spaces: anything else would
	 * also break the byte-wise escaping below */
	for (const gchar *p = cpe; *p != '\0'; p++) {
		if ((guchar) *p < 0x21 || (guchar) *p > 0x7e)
			return NULL;
	}
	attributes = g_ptr_array_new_with_free_func(g_free);
	start = cpe + 8;
	for (const gchar *p = start;; p++) {
		if (*p == '\\') {
			/* an escape takes the next character, whatever it is */
			if (p[1] == '\0')
				return NULL;
			p++;
			continue;
		}
		if (*p == ':' || *p == '\0') {
			if (p == start || attributes->len >= YM_CPE_LAST)
				return NULL;
			g_ptr_array_add(attributes, g_strndup(start, (gsize) (p - start)));
			if (*p == '\0')
				break;
			start = p + 1;
		}
	}
	if (attributes->len != YM_CPE_LAST)
		return NULL;
	part = g_ptr_array_index(attributes, YM_CPE_PART);
	if (g_strcmp0(part, "a") != 0 && g_strcmp0(part, "o") != 0 && g_strcmp0(part, "h") != 0)
		return NULL;
	g_ptr_array_add(attributes, NULL);
	return (GStrv) g_ptr_array_free(g_steal_pointer(&attributes), FALSE);
}

gchar *
_ym_advisory_cpe_unescape(const gchar *attribute)
{
	GString *text = g_string_new(NULL);
	for (const gchar *p = attribute; *p != '\0'; p++) {
		if (*p == '\\' && p[1] != '\0')
			p++;
		g_string_append_c(text, *p);
	}
	return g_string_free(text, FALSE);
}

gboolean
_ym_advisory_cpe_is_concrete(const gchar *attribute)
{
	return attribute != NULL && attribute[0] != '\0' && g_strcmp0(attribute, "*") != 0 &&
	       g_strcmp0(attribute, "-") != 0;
}

/* a CPE 2.2 URI component as a 2.3 formatted-string attribute */
static void
cpe_append_uri_component(GString *out, const gchar *component)
{
	g_autofree gchar *decoded = NULL;

	g_string_append_c(out, ':');
	if (component == NULL || component[0] == '\0') {
		g_string_append_c(out, '*');
		return;
	}
	if (g_strcmp0(component, "-") == 0) {
		g_string_append_c(out, '-');
		return;
	}
	decoded = g_uri_unescape_string(component, NULL);
	if (decoded == NULL || !g_utf8_validate(decoded, -1, NULL)) {
		g_free(decoded);
		decoded = g_strdup(component);
	}
	for (const gchar *p = decoded; *p != '\0'; p++) {
		if (!g_ascii_isalnum(*p) && *p != '_' && *p != '-' && *p != '.')
			g_string_append_c(out, '\\');
		g_string_append_c(out, *p);
	}
}

gchar *
_ym_advisory_cpe_normalise(const gchar *cpe)
{
	g_auto(GStrv) split = NULL;
	g_auto(GStrv) components = NULL;
	g_auto(GStrv) packed = NULL;
	g_autoptr(GString) out = NULL;
	const gchar *attributes[YM_CPE_LAST] = {NULL};
	guint n;

	if (cpe == NULL)
		return NULL;
	split = _ym_advisory_cpe_split(cpe);
	if (split != NULL)
		return g_strdup(cpe);
	if (g_ascii_strncasecmp(cpe, "cpe:/", 5) != 0)
		return NULL;
	components = g_strsplit(cpe + 5, ":", 0);
	n = g_strv_length(components);
	if (n < 1 || n > 7)
		return NULL;
	if (g_strcmp0(components[0], "a") != 0 && g_strcmp0(components[0], "o") != 0 &&
	    g_strcmp0(components[0], "h") != 0)
		return NULL;
	for (guint i = 1; i < n && i < YM_CPE_SW_EDITION; i++)
		attributes[i] = components[i];
	/* a packed edition: ~edition~sw_edition~target_sw~target_hw~other */
	if (n > YM_CPE_EDITION && components[YM_CPE_EDITION][0] == '~') {
		packed = g_strsplit(components[YM_CPE_EDITION] + 1, "~", 0);
		if (g_strv_length(packed) != 5)
			return NULL;
		attributes[YM_CPE_EDITION] = packed[0];
		attributes[YM_CPE_SW_EDITION] = packed[1];
		attributes[YM_CPE_TARGET_SW] = packed[2];
		attributes[YM_CPE_TARGET_HW] = packed[3];
		attributes[YM_CPE_OTHER] = packed[4];
	}
	out = g_string_new("cpe:2.3:");
	g_string_append(out, components[0]);
	for (guint i = YM_CPE_VENDOR; i < YM_CPE_LAST; i++)
		cpe_append_uri_component(out, attributes[i]);
	/* the result must itself be a valid 2.3 name */
	g_strfreev(split);
	split = _ym_advisory_cpe_split(out->str);
	if (split == NULL)
		return NULL;
	return g_string_free(g_steal_pointer(&out), FALSE);
}
