/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * vendor aliases and product names: advisories name one maker in many ways
 * (the research notes' §7.1 table), so every name is cleaned to a key and
 * looked up in signatures/advisories/aliases.txt
 */

#define G_LOG_DOMAIN "YmVendorAliases"

#include "config.h"

#include "ym-vendor-alias.h"

#include <string.h>

#include "ym-error.h"
#include "ym-rule-cursor.h"

#define YM_VENDOR_MAX_BYTES  512
#define YM_PRODUCT_MAX_BYTES 1024
#define YM_ALIASES_MAX_FILE  (1024 * 1024)
#define YM_ALIASES_MAX_TOKEN 64
#define YM_SERIES_MAX_WORDS  3

struct _YmVendorAliases {
	GObject parent_instance;
	/* owned */
	GHashTable *vendors; /* canonical token -> line it was defined on */
	GHashTable *aliases; /* cleaned key -> canonical token (borrowed from vendors) */
	GHashTable *series;  /* cleaned key -> canonical token (borrowed from vendors) */
};

G_DEFINE_TYPE(YmVendorAliases, ym_vendor_aliases, G_TYPE_OBJECT)

/* trailing words that say what kind of company, not which */
static const gchar *const company_words[] = {
    "inc",
    "incorporated",
    "co",
    "ltd",
    "limited",
    "corp",
    "company",
    "corporation",
    "llc",
    "gmbh",
    "ag",
    "sa",
    "bv",
    "plc",
    "kk",
    "technology",
    "technologies",
    "tech",
    "systems",
    "networks",
    "network",
    "computer",
    "communications",
    "electronics",
    "digital",
    "device",
    "devices",
    "group",
    "holdings",
    "international",
    "america",
    "americas",
    "europe",
    "japan",
    "usa",
    NULL,
};

/* company forms written inside Japanese names */
static const gchar *const company_marks[] = {"株式会社", "(株)", "有限会社", "合同会社", NULL};

static const gchar *const no_vendor[] = {"n/a", "na", "-", "unknown", "none", NULL};

static const gchar *const firmware_marks[] = {"ファームウェア", "ファームウエア", NULL};

/* NFKC, or NULL for invalid UTF-8, which g_utf8_normalize() must not see:
 * GLib 2.74 reads past the end of some invalid sequences */
static gchar *
normalize_nfkc(const gchar *text, gssize length)
{
	if (!g_utf8_validate(text, length, NULL))
		return NULL;
	return g_utf8_normalize(text, length, G_NORMALIZE_NFKC);
}

static gboolean
str_in(const gchar *text, const gchar *const *list)
{
	for (guint i = 0; list[i] != NULL; i++) {
		if (g_strcmp0(text, list[i]) == 0)
			return TRUE;
	}
	return FALSE;
}

/* NFKC and lower case; NULL for invalid UTF-8 */
static gchar *
fold_text(const gchar *text)
{
	g_autofree gchar *nfkc = normalize_nfkc(text, -1);
	if (nfkc == NULL)
		return NULL;
	return g_utf8_strdown(nfkc, -1);
}

static void
remove_all(gchar *text, const gchar *const *marks)
{
	for (guint i = 0; marks[i] != NULL; i++) {
		gsize n = strlen(marks[i]);
		gchar *hit;
		while ((hit = strstr(text, marks[i])) != NULL)
			memmove(hit, hit + n, strlen(hit + n) + 1);
	}
}

/* the runs of letters and digits, in any script */
static GPtrArray *
split_words(const gchar *text)
{
	GPtrArray *words = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GString) word = g_string_new(NULL);

	for (const gchar *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar ch = g_utf8_get_char(p);
		if (g_unichar_isalnum(ch)) {
			g_string_append_unichar(word, ch);
			continue;
		}
		if (word->len > 0) {
			g_ptr_array_add(words, g_strdup(word->str));
			g_string_truncate(word, 0);
		}
	}
	if (word->len > 0)
		g_ptr_array_add(words, g_strdup(word->str));
	return words;
}

static gchar *
join_words(GPtrArray *words)
{
	GString *out = g_string_new(NULL);
	for (guint i = 0; i < words->len; i++)
		g_string_append(out, g_ptr_array_index(words, i));
	return g_string_free(out, FALSE);
}

/* the lookup key of a vendor name: "I-O DATA DEVICE, INC." → "iodata";
 * NULL for invalid UTF-8 */
static gchar *
vendor_key(const gchar *vendor)
{
	g_autofree gchar *lower = fold_text(vendor);
	g_autoptr(GPtrArray) words = NULL;

	if (lower == NULL)
		return NULL;
	remove_all(lower, company_marks);
	words = split_words(lower);
	while (words->len > 1 && str_in(g_ptr_array_index(words, words->len - 1), company_words))
		g_ptr_array_remove_index(words, words->len - 1);
	return join_words(words);
}

static void
ym_vendor_aliases_finalize(GObject *object)
{
	YmVendorAliases *self = YM_VENDOR_ALIASES(object);
	g_hash_table_unref(self->aliases);
	g_hash_table_unref(self->series);
	g_hash_table_unref(self->vendors);
	G_OBJECT_CLASS(ym_vendor_aliases_parent_class)->finalize(object);
}

static void
ym_vendor_aliases_class_init(YmVendorAliasesClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->finalize = ym_vendor_aliases_finalize;
}

static void
ym_vendor_aliases_init(YmVendorAliases *self)
{
	self->vendors = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	self->aliases = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	self->series = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
}

YmVendorAliases *
ym_vendor_aliases_new(void)
{
	return g_object_new(YM_TYPE_VENDOR_ALIASES, NULL);
}

guint
ym_vendor_aliases_get_size(YmVendorAliases *self)
{
	g_return_val_if_fail(YM_IS_VENDOR_ALIASES(self), 0);
	return g_hash_table_size(self->vendors);
}

/* parsing: `vendor <token> "<alias>" …` and `series <token> "<name>" …` */

static gboolean
check_token(const gchar *token, GError **error)
{
	gsize length = strlen(token);
	if (length == 0 || length > YM_ALIASES_MAX_TOKEN || !g_ascii_isalnum(token[0])) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "vendor token \"%s\" must start with a-z or 0-9 and have at most %u "
		            "characters",
		            token, (guint) YM_ALIASES_MAX_TOKEN);
		return FALSE;
	}
	for (gsize i = 0; i < length; i++) {
		gchar ch = token[i];
		if (!(g_ascii_islower(ch) || g_ascii_isdigit(ch) || ch == '-' || ch == '_' ||
		      ch == '.')) {
			g_set_error(
			    error, YM_ERROR, YM_ERROR_INVALID_DATA,
			    "vendor token \"%s\" may only have a-z, 0-9, \"-\", \"_\" and \".\"",
			    token);
			return FALSE;
		}
	}
	return TRUE;
}

/* maps the key of @name to @canonical in @table; an alias naming another
 * vendor is an error */
static gboolean
add_name(GHashTable *table,
         const gchar *what,
         const gchar *name,
         const gchar *canonical,
         GError **error)
{
	g_autofree gchar *key = vendor_key(name);
	const gchar *existing;

	if (key == NULL || key[0] == '\0') {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s \"%s\" has no letter or digit to match on", what, name);
		return FALSE;
	}
	existing = g_hash_table_lookup(table, key);
	if (existing != NULL && g_strcmp0(existing, canonical) != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s \"%s\" already names vendor %s", what, name, existing);
		return FALSE;
	}
	if (existing == NULL)
		g_hash_table_insert(table, g_steal_pointer(&key), (gpointer) canonical);
	return TRUE;
}

static gboolean
parse_line(YmVendorAliases *self, guint line, YmRuleCursor *c, GError **error)
{
	g_autofree gchar *keyword = ym_rule_cursor_read_word(c, "\"");
	g_autofree gchar *token = NULL;
	const gchar *canonical = NULL;
	gboolean is_series;
	guint n_names = 0;

	if (keyword == NULL) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "expected vendor or series");
		return FALSE;
	}
	is_series = g_strcmp0(keyword, "series") == 0;
	if (!is_series && g_strcmp0(keyword, "vendor") != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "unknown keyword \"%s\" (vendor or series)", keyword);
		return FALSE;
	}
	token = ym_rule_cursor_read_word(c, "\"");
	if (token == NULL) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "expected a vendor token after %s", keyword);
		return FALSE;
	}
	if (!check_token(token, error))
		return FALSE;

	if (is_series) {
		if (!g_hash_table_lookup_extended(self->vendors, token, (gpointer *) &canonical,
		                                  NULL)) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "series of vendor %s, which no earlier vendor line defines",
			            token);
			return FALSE;
		}
	} else {
		gpointer previous = NULL;
		if (g_hash_table_lookup_extended(self->vendors, token, NULL, &previous)) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "vendor %s is already defined on line %u", token,
			            GPOINTER_TO_UINT(previous));
			return FALSE;
		}
		canonical = g_strdup(token);
		g_hash_table_insert(self->vendors, (gpointer) canonical, GUINT_TO_POINTER(line));
		/* the token itself is an alias */
		if (!add_name(self->aliases, "vendor token", token, canonical, error))
			return FALSE;
	}

	for (;;) {
		g_autofree gchar *name = NULL;
		ym_rule_cursor_skip_spaces(c);
		if (c->p >= c->end || *c->p == '#')
			break;
		name = ym_rule_cursor_read_quoted(c, error);
		if (name == NULL)
			return FALSE;
		if (strlen(name) > YM_VENDOR_MAX_BYTES) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "name longer than %u bytes", (guint) YM_VENDOR_MAX_BYTES);
			return FALSE;
		}
		if (!add_name(is_series ? self->series : self->aliases,
		              is_series ? "series" : "alias", name, canonical, error))
			return FALSE;
		n_names++;
	}
	if (is_series && n_names == 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "series %s names no series (\"Aterm\" …)", token);
		return FALSE;
	}
	return TRUE;
}

gboolean
ym_vendor_aliases_load_data(YmVendorAliases *self,
                            const gchar *name,
                            const gchar *data,
                            gsize length,
                            GError **error)
{
	const gchar *p = data;
	const gchar *end = data + length;
	guint line = 0;

	g_return_val_if_fail(YM_IS_VENDOR_ALIASES(self), FALSE);
	g_return_val_if_fail(name != NULL, FALSE);
	g_return_val_if_fail(data != NULL || length == 0, FALSE);

	while (p < end) {
		const gchar *eol = memchr(p, '\n', (gsize) (end - p));
		const gchar *line_end = eol != NULL ? eol : end;
		gsize line_length = (gsize) (line_end - p);
		YmRuleCursor c;
		line++;
		if (line_length > 0 && p[line_length - 1] == '\r')
			line_length--;
		if (line_length > 0 && memchr(p, '\0', line_length) != NULL) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "%s:%u: NUL byte in a text file", name, line);
			return FALSE;
		}
		c.p = p;
		c.end = p + line_length;
		ym_rule_cursor_skip_spaces(&c);
		if (c.p < c.end && *c.p != '#' && !parse_line(self, line, &c, error)) {
			g_prefix_error(error, "%s:%u: ", name, line);
			return FALSE;
		}
		p = line_end + (eol != NULL ? 1 : 0);
	}
	return TRUE;
}

gboolean
ym_vendor_aliases_load_file(YmVendorAliases *self, const gchar *path, GError **error)
{
	g_autofree gchar *contents = NULL;
	g_autoptr(GError) error_local = NULL;
	gsize length = 0;

	g_return_val_if_fail(YM_IS_VENDOR_ALIASES(self), FALSE);
	g_return_val_if_fail(path != NULL, FALSE);

	if (!g_file_get_contents(path, &contents, &length, &error_local)) {
		g_set_error(error, YM_ERROR, YM_ERROR_READ, "loading vendor aliases: %s",
		            error_local->message);
		return FALSE;
	}
	if (length > YM_ALIASES_MAX_FILE) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: larger than %u bytes",
		            path, (guint) YM_ALIASES_MAX_FILE);
		return FALSE;
	}
	return ym_vendor_aliases_load_data(self, path, contents, length, error);
}

gchar *
ym_vendor_aliases_normalize_vendor(YmVendorAliases *self, const gchar *vendor)
{
	g_autofree gchar *lower = NULL;
	g_autofree gchar *key = NULL;
	const gchar *canonical;

	g_return_val_if_fail(YM_IS_VENDOR_ALIASES(self), NULL);

	if (vendor == NULL || strlen(vendor) > YM_VENDOR_MAX_BYTES)
		return NULL;
	lower = fold_text(vendor);
	if (lower == NULL)
		return NULL;
	g_strstrip(lower);
	if (str_in(lower, no_vendor))
		return NULL;
	key = vendor_key(vendor);
	if (key == NULL || key[0] == '\0')
		return NULL;
	canonical = g_hash_table_lookup(self->aliases, key);
	if (canonical != NULL)
		return g_strdup(canonical);
	return g_steal_pointer(&key);
}

/* the lookup key of the first @n words */
static gchar *
head_key(gchar **words, guint n)
{
	g_autofree gchar *head = NULL;
	gchar *saved = words[n];
	words[n] = NULL;
	head = g_strjoinv(" ", words);
	words[n] = saved;
	return vendor_key(head);
}

gchar *
ym_vendor_aliases_vendor_from_product(YmVendorAliases *self, const gchar *product)
{
	g_autofree gchar *normal = NULL;
	g_auto(GStrv) words = NULL;
	guint n_words;

	g_return_val_if_fail(YM_IS_VENDOR_ALIASES(self), NULL);

	if (product == NULL || strlen(product) > YM_PRODUCT_MAX_BYTES)
		return NULL;
	normal = normalize_nfkc(product, -1);
	if (normal == NULL)
		return NULL;
	words = g_strsplit_set(g_strstrip(normal), " \t", YM_SERIES_MAX_WORDS + 1);
	n_words = g_strv_length(words);

	/* a vendor first ("TP-Link Archer AX21", "I-O DATA HDL-T"), else a
	 * series ("Aterm WX3600HP", "Fire TV Stick") */
	for (guint table = 0; table < 2; table++) {
		for (guint n = MIN(n_words, YM_SERIES_MAX_WORDS); n > 0; n--) {
			g_autofree gchar *key = head_key(words, n);
			const gchar *canonical;
			if (key == NULL || key[0] == '\0')
				continue;
			canonical =
			    g_hash_table_lookup(table == 0 ? self->aliases : self->series, key);
			if (canonical != NULL)
				return g_strdup(canonical);
		}
	}
	return NULL;
}

/* products */

gchar *
ym_product_normalize(const gchar *product)
{
	g_autofree gchar *lower = NULL;
	g_autoptr(GPtrArray) words = NULL;

	if (product == NULL || strlen(product) > YM_PRODUCT_MAX_BYTES)
		return NULL;
	lower = fold_text(product);
	if (lower == NULL)
		return NULL;
	remove_all(lower, firmware_marks);
	words = split_words(lower);
	for (guint i = words->len; i > 0; i--) {
		if (g_strcmp0(g_ptr_array_index(words, i - 1), "firmware") == 0)
			g_ptr_array_remove_index(words, i - 1);
	}
	return join_words(words);
}

/* NFKC text without its "(…)" notes; NULL for invalid UTF-8 */
static gchar *
strip_notes(const gchar *text)
{
	g_autofree gchar *normal = normalize_nfkc(text, -1);
	GString *out;
	guint depth = 0;

	if (normal == NULL)
		return NULL;
	out = g_string_new(NULL);
	for (const gchar *p = normal; *p != '\0'; p++) {
		if (*p == '(') {
			depth++;
		} else if (*p == ')' && depth > 0) {
			depth--;
		} else if (depth == 0) {
			g_string_append_c(out, *p);
		}
	}
	return g_string_free(out, FALSE);
}

static gboolean
has_digit(const gchar *text)
{
	for (const gchar *p = text; *p != '\0'; p++) {
		if (g_ascii_isdigit(*p))
			return TRUE;
	}
	return FALSE;
}

/* @text without up to three leading words that have no digit normalises
 * to @other, and what is left has a digit or two words */
static gboolean
series_equal(const gchar *text, const gchar *other)
{
	g_auto(GStrv) words = NULL;
	guint n_words;

	if (text == NULL || other == NULL || other[0] == '\0')
		return FALSE;
	words = g_strsplit_set(text, " \t", -1);
	/* drop the empty strings of repeated blanks */
	n_words = 0;
	for (guint i = 0; words[i] != NULL; i++) {
		if (words[i][0] == '\0') {
			g_free(words[i]);
			continue;
		}
		words[n_words++] = words[i];
	}
	words[n_words] = NULL;

	for (guint drop = 1; drop <= YM_SERIES_MAX_WORDS && drop < n_words; drop++) {
		g_autofree gchar *rest = NULL;
		g_autofree gchar *normal = NULL;
		if (has_digit(words[drop - 1]))
			break;
		rest = g_strjoinv(" ", words + drop);
		normal = ym_product_normalize(rest);
		if (normal != NULL && g_strcmp0(normal, other) == 0 &&
		    (has_digit(normal) || n_words - drop >= 2))
			return TRUE;
	}
	return FALSE;
}

/* variant words a maker puts after a model for another model ("Archer
 * AX21 PRO"), never the name of the firmware */
static const gchar *const variant_words[] = {
    "PRO", "PLUS", "MAX", "MINI", "LITE", "ULTRA", "SE", "HD", "XL", "GO", "NEO", "AIR", NULL,
};

static gboolean
is_firmware_word(const gchar *word)
{
	return g_ascii_strcasecmp(word, "firmware") == 0 ||
	       str_in(word, (const gchar *const *) firmware_marks);
}

/* "VioStor NVR QVR firmware": the device's model, then the name of its
 * firmware (an acronym of two to six capitals, not a variant word), then
 * the word firmware; the model must have a digit or two words */
static gboolean
firmware_named_equal(const gchar *text, const gchar *device)
{
	g_auto(GStrv) words = NULL;
	g_autofree gchar *head = NULL;
	g_autofree gchar *normal = NULL;
	const gchar *name;
	gsize name_length;
	guint n_words = 0;

	if (text == NULL || device == NULL || device[0] == '\0')
		return FALSE;
	words = g_strsplit_set(text, " \t", -1);
	for (guint i = 0; words[i] != NULL; i++) {
		if (words[i][0] == '\0') {
			g_free(words[i]);
			continue;
		}
		words[n_words++] = words[i];
	}
	words[n_words] = NULL;
	if (n_words < 3 || !is_firmware_word(words[n_words - 1]))
		return FALSE;
	name = words[n_words - 2];
	name_length = strlen(name);
	if (name_length < 2 || name_length > 6 || str_in(name, variant_words))
		return FALSE;
	for (gsize i = 0; i < name_length; i++) {
		if (!g_ascii_isupper(name[i]))
			return FALSE;
	}
	/* the model: the words before the name, which is put back for
	 * g_strfreev() */
	words[n_words - 2] = NULL;
	head = g_strjoinv(" ", words);
	words[n_words - 2] = (gchar *) name;
	normal = ym_product_normalize(head);
	return normal != NULL && g_strcmp0(normal, device) == 0 &&
	       (has_digit(normal) || n_words - 2 >= 2);
}

gdouble
ym_product_match(const gchar *advisory_product, const gchar *device_model)
{
	g_autofree gchar *advisory = ym_product_normalize(advisory_product);
	g_autofree gchar *device = ym_product_normalize(device_model);
	g_autofree gchar *advisory_plain = NULL;
	g_autofree gchar *device_plain = NULL;
	g_autofree gchar *advisory_short = NULL;
	g_autofree gchar *device_short = NULL;

	if (advisory == NULL || device == NULL || advisory[0] == '\0' || device[0] == '\0')
		return 0;
	if (g_strcmp0(advisory, device) == 0)
		return YM_PRODUCT_MATCH_EXACT;

	advisory_plain = strip_notes(advisory_product);
	device_plain = strip_notes(device_model);
	advisory_short = advisory_plain != NULL ? ym_product_normalize(advisory_plain) : NULL;
	device_short = device_plain != NULL ? ym_product_normalize(device_plain) : NULL;
	if (advisory_short == NULL || device_short == NULL || advisory_short[0] == '\0' ||
	    device_short[0] == '\0')
		return 0;
	if (g_strcmp0(advisory_short, device_short) == 0)
		return YM_PRODUCT_MATCH_NOTE;
	if (firmware_named_equal(advisory_plain, device_short))
		return YM_PRODUCT_MATCH_FIRMWARE_NAME;
	if (series_equal(advisory_plain, device_short) ||
	    series_equal(device_plain, advisory_short))
		return YM_PRODUCT_MATCH_SERIES;
	return 0;
}
