/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * CPE names: NISTIR 7695 (naming: the formatted-string and URI bindings,
 * §6.1 and §6.2) and NISTIR 7696 (name matching). NVD and CVE 5 publish
 * formatted strings, JVN publishes 2.2 URIs; both become one YmCpe.
 */

#define G_LOG_DOMAIN "YmCpe"

#include "config.h"

#include "ym-cpe.h"

#include <string.h>

#include "ym-error.h"

#define YM_CPE_MAX_BYTES 1024
#define YM_CPE_N_ATTRS   11

static const struct {
	const gchar *name;
	gsize offset;
} cpe_attrs[YM_CPE_N_ATTRS] = {
    {"part", G_STRUCT_OFFSET(YmCpe, part)},
    {"vendor", G_STRUCT_OFFSET(YmCpe, vendor)},
    {"product", G_STRUCT_OFFSET(YmCpe, product)},
    {"version", G_STRUCT_OFFSET(YmCpe, version)},
    {"update", G_STRUCT_OFFSET(YmCpe, update)},
    {"edition", G_STRUCT_OFFSET(YmCpe, edition)},
    {"language", G_STRUCT_OFFSET(YmCpe, language)},
    {"sw_edition", G_STRUCT_OFFSET(YmCpe, sw_edition)},
    {"target_sw", G_STRUCT_OFFSET(YmCpe, target_sw)},
    {"target_hw", G_STRUCT_OFFSET(YmCpe, target_hw)},
    {"other", G_STRUCT_OFFSET(YmCpe, other)},
};

#define ATTR(cpe, i) G_STRUCT_MEMBER(gchar *, (cpe), cpe_attrs[(i)].offset)

YmCpe *
ym_cpe_new(void)
{
	return g_new0(YmCpe, 1);
}

void
ym_cpe_free(YmCpe *cpe)
{
	if (cpe == NULL)
		return;
	for (guint i = 0; i < YM_CPE_N_ATTRS; i++)
		g_free(ATTR(cpe, i));
	g_free(cpe);
}

YmCpe *
ym_cpe_copy(const YmCpe *cpe)
{
	YmCpe *copy;
	g_return_val_if_fail(cpe != NULL, NULL);
	copy = ym_cpe_new();
	for (guint i = 0; i < YM_CPE_N_ATTRS; i++)
		ATTR(copy, i) = g_strdup(G_STRUCT_MEMBER(const gchar *, cpe, cpe_attrs[i].offset));
	return copy;
}

static gboolean
check_part(YmCpe *cpe, const gchar *text, GError **error)
{
	if (cpe->part == NULL)
		return TRUE;
	if (g_strcmp0(cpe->part, "a") != 0 && g_strcmp0(cpe->part, "o") != 0 &&
	    g_strcmp0(cpe->part, "h") != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "CPE \"%s\": part must be a, o or h", text);
		return FALSE;
	}
	return TRUE;
}

/* one component of a formatted string, unescaped; NULL for ANY */
static gboolean
fs_unbind_value(const gchar *start,
                gsize length,
                gchar **value,
                const gchar *text,
                guint index,
                GError **error)
{
	g_autoptr(GString) out = NULL;

	*value = NULL;
	if (length == 1 && start[0] == '*')
		return TRUE;
	if (length == 1 && start[0] == '-') {
		*value = g_strdup("");
		return TRUE;
	}
	if (length == 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "CPE \"%s\": %s is empty (write * for any)", text,
		            cpe_attrs[index].name);
		return FALSE;
	}
	out = g_string_sized_new(length);
	for (gsize i = 0; i < length; i++) {
		gchar ch = start[i];
		if (ch == '\\') {
			/* the splitter guarantees a following byte */
			ch = start[++i];
			if ((guchar) ch < 0x21 || (guchar) ch > 0x7e || g_ascii_isalnum(ch)) {
				g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
				            "CPE \"%s\": %s escapes a character that needs none",
				            text, cpe_attrs[index].name);
				return FALSE;
			}
			g_string_append_c(out, ch);
			continue;
		}
		if (ch == '*' || ch == '?') {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "CPE \"%s\": %s has a wildcard inside a value, not supported",
			            text, cpe_attrs[index].name);
			return FALSE;
		}
		if ((guchar) ch <= 0x20 || ch == 0x7f) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "CPE \"%s\": %s has a blank or control character", text,
			            cpe_attrs[index].name);
			return FALSE;
		}
		g_string_append_c(out, g_ascii_tolower(ch));
	}
	*value = g_string_free(g_steal_pointer(&out), FALSE);
	return TRUE;
}

static YmCpe *
parse_formatted_string(const gchar *text, GError **error)
{
	g_autoptr(YmCpe) cpe = ym_cpe_new();
	const gchar *p = text + strlen("cpe:2.3:");
	guint index = 0;

	for (;;) {
		const gchar *start = p;
		while (*p != '\0' && *p != ':') {
			if (*p == '\\') {
				if (p[1] == '\0') {
					g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
					            "CPE \"%s\": ends in a lone backslash", text);
					return NULL;
				}
				p++;
			}
			p++;
		}
		if (index >= YM_CPE_N_ATTRS) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "CPE \"%s\": more than 11 attributes", text);
			return NULL;
		}
		if (!fs_unbind_value(start, (gsize) (p - start), &ATTR(cpe, index), text, index,
		                     error))
			return NULL;
		index++;
		if (*p == '\0')
			break;
		p++;
	}
	/* the standard wants all 11; some producers stop after the product */
	if (index < 3) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "CPE \"%s\": needs at least part, vendor and product", text);
		return NULL;
	}
	if (!check_part(cpe, text, error))
		return NULL;
	return g_steal_pointer(&cpe);
}

static gint
hex_value(gchar ch)
{
	return g_ascii_isxdigit(ch) ? g_ascii_xdigit_value(ch) : -1;
}

/* one component of a 2.2 URI, percent-decoded; NULL for ANY */
static gboolean
uri_unbind_value(const gchar *start,
                 gsize length,
                 gchar **value,
                 const gchar *text,
                 guint index,
                 GError **error)
{
	g_autoptr(GString) out = NULL;

	*value = NULL;
	if (length == 0)
		return TRUE;
	if (length == 1 && start[0] == '-') {
		*value = g_strdup("");
		return TRUE;
	}
	out = g_string_sized_new(length);
	for (gsize i = 0; i < length; i++) {
		gchar ch = start[i];
		if (ch == '%') {
			gint high = i + 1 < length ? hex_value(start[i + 1]) : -1;
			gint low = i + 2 < length ? hex_value(start[i + 2]) : -1;
			if (high < 0 || low < 0) {
				g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
				            "CPE \"%s\": %s has a bad percent escape", text,
				            cpe_attrs[index].name);
				return FALSE;
			}
			ch = (gchar) (high * 16 + low);
			i += 2;
			/* %01 and %02 are the URI binding's wildcards */
			if (ch == 0x01 || ch == 0x02 || ch == '*' || ch == '?') {
				g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
				            "CPE \"%s\": %s has a wildcard, not supported", text,
				            cpe_attrs[index].name);
				return FALSE;
			}
		}
		if ((guchar) ch <= 0x20 || ch == 0x7f) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "CPE \"%s\": %s has a blank or control character", text,
			            cpe_attrs[index].name);
			return FALSE;
		}
		g_string_append_c(out, g_ascii_tolower(ch));
	}
	if (!g_utf8_validate(out->str, (gssize) out->len, NULL)) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "CPE \"%s\": %s decodes to invalid UTF-8", text, cpe_attrs[index].name);
		return FALSE;
	}
	*value = g_string_free(g_steal_pointer(&out), FALSE);
	return TRUE;
}

/* "~edition~sw_edition~target_sw~target_hw~other" inside the 2.2 edition */
static gboolean
uri_unpack_edition(YmCpe *cpe, const gchar *start, gsize length, const gchar *text, GError **error)
{
	static const guint targets[] = {5, 7, 8, 9, 10};
	const gchar *p = start + 1;
	const gchar *end = start + length;

	for (guint i = 0; i < G_N_ELEMENTS(targets); i++) {
		const gchar *field = p;
		while (p < end && *p != '~')
			p++;
		if ((p < end) != (i + 1 < G_N_ELEMENTS(targets))) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "CPE \"%s\": a packed edition needs five ~-separated fields",
			            text);
			return FALSE;
		}
		if (!uri_unbind_value(field, (gsize) (p - field), &ATTR(cpe, targets[i]), text,
		                      targets[i], error))
			return FALSE;
		p++;
	}
	return TRUE;
}

static YmCpe *
parse_uri(const gchar *text, GError **error)
{
	g_autoptr(YmCpe) cpe = ym_cpe_new();
	const gchar *p = text + strlen("cpe:/");
	guint index = 0;

	for (;;) {
		const gchar *start = p;
		gsize length;
		while (*p != '\0' && *p != ':')
			p++;
		length = (gsize) (p - start);
		if (index >= 7) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "CPE \"%s\": a 2.2 URI has at most 7 components", text);
			return NULL;
		}
		if (index == 5 && length > 0 && start[0] == '~') {
			if (!uri_unpack_edition(cpe, start, length, text, error))
				return NULL;
		} else if (!uri_unbind_value(start, length, &ATTR(cpe, index), text, index,
		                             error)) {
			return NULL;
		}
		index++;
		if (*p == '\0')
			break;
		p++;
	}
	if (!check_part(cpe, text, error))
		return NULL;
	return g_steal_pointer(&cpe);
}

YmCpe *
ym_cpe_parse(const gchar *text, GError **error)
{
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	if (text == NULL || text[0] == '\0') {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA, "empty CPE");
		return NULL;
	}
	if (strlen(text) > YM_CPE_MAX_BYTES) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "CPE longer than %u bytes",
		            (guint) YM_CPE_MAX_BYTES);
		return NULL;
	}
	if (!g_utf8_validate(text, -1, NULL)) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "CPE is not valid UTF-8");
		return NULL;
	}
	if (g_ascii_strncasecmp(text, "cpe:2.3:", 8) == 0)
		return parse_formatted_string(text, error);
	if (g_ascii_strncasecmp(text, "cpe:/", 5) == 0)
		return parse_uri(text, error);
	g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
	            "\"%s\" is neither a CPE 2.3 formatted string (cpe:2.3:…) nor a 2.2 URI "
	            "(cpe:/…)",
	            text);
	return NULL;
}

static void
fs_bind_value(GString *out, const gchar *value)
{
	if (value == NULL) {
		g_string_append_c(out, '*');
		return;
	}
	if (value[0] == '\0') {
		g_string_append_c(out, '-');
		return;
	}
	/* a value of one hyphen is not NA */
	if (g_strcmp0(value, "-") == 0) {
		g_string_append(out, "\\-");
		return;
	}
	for (const gchar *p = value; *p != '\0'; p++) {
		if (g_ascii_isalnum(*p) || *p == '_' || *p == '-' || *p == '.' ||
		    (guchar) *p >= 0x80)
			g_string_append_c(out, *p);
		else
			g_string_append_printf(out, "\\%c", *p);
	}
}

gchar *
ym_cpe_to_string(const YmCpe *cpe)
{
	GString *out;
	g_return_val_if_fail(cpe != NULL, NULL);
	out = g_string_new("cpe:2.3");
	for (guint i = 0; i < YM_CPE_N_ATTRS; i++) {
		g_string_append_c(out, ':');
		fs_bind_value(out, G_STRUCT_MEMBER(const gchar *, cpe, cpe_attrs[i].offset));
	}
	return g_string_free(out, FALSE);
}

static gboolean
attr_match(const gchar *pattern, const gchar *target)
{
	if (pattern == NULL || target == NULL)
		return TRUE;
	return g_strcmp0(pattern, target) == 0;
}

gboolean
ym_cpe_name_match(const YmCpe *pattern, const YmCpe *target)
{
	g_return_val_if_fail(pattern != NULL, FALSE);
	g_return_val_if_fail(target != NULL, FALSE);

	for (guint i = 0; i < YM_CPE_N_ATTRS; i++) {
		const gchar *p = G_STRUCT_MEMBER(const gchar *, pattern, cpe_attrs[i].offset);
		const gchar *t = G_STRUCT_MEMBER(const gchar *, target, cpe_attrs[i].offset);
		if (cpe_attrs[i].offset == G_STRUCT_OFFSET(YmCpe, version))
			continue;
		if (cpe_attrs[i].offset == G_STRUCT_OFFSET(YmCpe, part) && p != NULL && t != NULL &&
		    g_strcmp0(p, "h") != 0 && g_strcmp0(t, "h") != 0)
			continue;
		if (!attr_match(p, t))
			return FALSE;
	}
	return TRUE;
}
