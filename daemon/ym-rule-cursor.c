/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "YmRuleCursor"

#include "config.h"

#include "ym-rule-cursor.h"

#include <string.h>

#include "ym-error.h"

void
ym_rule_cursor_skip_spaces(YmRuleCursor *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
		c->p++;
}

gchar *
ym_rule_cursor_read_word(YmRuleCursor *c, const gchar *stops)
{
	const gchar *start;
	ym_rule_cursor_skip_spaces(c);
	start = c->p;
	while (c->p < c->end && *c->p != ' ' && *c->p != '\t' && *c->p != '\0' &&
	       strchr(stops, *c->p) == NULL)
		c->p++;
	if (c->p == start)
		return NULL;
	return g_strndup(start, (gsize) (c->p - start));
}

gchar *
ym_rule_cursor_read_quoted(YmRuleCursor *c, GError **error)
{
	g_autoptr(GString) out = g_string_new(NULL);
	ym_rule_cursor_skip_spaces(c);
	if (c->p >= c->end || *c->p != '"') {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "expected a quoted string");
		return NULL;
	}
	c->p++;
	while (c->p < c->end && *c->p != '"') {
		if (*c->p == '\\' && c->p + 1 < c->end && (c->p[1] == '"' || c->p[1] == '\\')) {
			g_string_append_c(out, c->p[1]);
			c->p += 2;
			continue;
		}
		g_string_append_c(out, *c->p++);
	}
	if (c->p >= c->end) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA, "unterminated string");
		return NULL;
	}
	c->p++;
	if (!g_utf8_validate(out->str, (gssize) out->len, NULL)) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "quoted string is not valid UTF-8");
		return NULL;
	}
	return g_string_free(g_steal_pointer(&out), FALSE);
}
