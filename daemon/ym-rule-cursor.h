/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* reading one line of a signatures/ data file: words and quoted strings */
typedef struct {
	const gchar *p;
	const gchar *end;
} YmRuleCursor;

void
ym_rule_cursor_skip_spaces(YmRuleCursor *c);
/* the next word, ending at a blank or any byte of @stops; NULL if none */
gchar *
ym_rule_cursor_read_word(YmRuleCursor *c, const gchar *stops);
/* a double-quoted UTF-8 string with \" and \\ escapes */
gchar *
ym_rule_cursor_read_quoted(YmRuleCursor *c, GError **error);

G_END_DECLS
