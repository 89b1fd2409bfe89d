/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * firmware version comparison and the free-text ranges of advisories; the
 * rules are in ym-version.h, the strings they come from in the advisory
 * research notes (§7.3) and the sample CSAF, JVN, CVE 5 and NVD records
 */

#define G_LOG_DOMAIN "YmVersion"

#include "config.h"

#include "ym-version.h"

#include <string.h>

#define YM_VERSION_MAX_BYTES  256
#define YM_VERSION_MAX_TOKENS 64
#define YM_RANGE_MAX_BYTES    1024
#define YM_RANGE_MAX_MARKS    32

/* in the order they rank at one position of two versions */
typedef enum {
	TOKEN_PRE,   /* a pre-release word: before the end */
	TOKEN_END,   /* the end of the version */
	TOKEN_BUILD, /* "build": a build number follows */
	TOKEN_ALPHA, /* other letters */
	TOKEN_NUM,   /* digits */
	TOKEN_WILD,  /* "x", "xx", "*": matches the rest */
} TokenKind;

typedef struct {
	TokenKind kind;
	guint16 offset;
	guint16 length;
} Token;

typedef struct {
	gchar text[YM_VERSION_MAX_BYTES + 1];
	Token tokens[YM_VERSION_MAX_TOKENS];
	guint n_tokens;
} Version;

static const gchar *const version_prefixes[] = {"v",  "ver",      "version", "fw",
                                                "sw", "firmware", NULL};
static const gchar *const prerelease_words[] = {"alpha",   "beta", "rc", "pre",
                                                "preview", "dev",  NULL};

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
word_in(const gchar *word, gsize length, const gchar *const *list)
{
	for (guint i = 0; list[i] != NULL; i++) {
		if (strlen(list[i]) == length && memcmp(list[i], word, length) == 0)
			return TRUE;
	}
	return FALSE;
}

static gboolean
is_blank(gchar ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f';
}

/* lower-case ASCII copy, NFKC first when there is anything else */
static void
version_copy_text(Version *v, const gchar *text)
{
	g_autofree gchar *normal = NULL;
	const gchar *src = text;
	gsize n = 0;

	for (const gchar *p = text; *p != '\0'; p++) {
		if ((guchar) *p >= 0x80) {
			normal = normalize_nfkc(text, -1);
			if (normal != NULL)
				src = normal;
			break;
		}
	}
	for (const gchar *p = src; *p != '\0' && n < YM_VERSION_MAX_BYTES; p++)
		v->text[n++] = g_ascii_tolower(*p);
	v->text[n] = '\0';
}

/* the offset of the first word with a digit, past its version prefix */
static gsize
version_find_start(const gchar *text)
{
	gsize start = 0;
	gsize p = 0;
	gsize letters;
	gsize digit;

	/* names before the version: "firmware", "FortiOS" */
	for (;;) {
		gsize word;
		gboolean has_digit = FALSE;
		while (is_blank(text[p]))
			p++;
		if (text[p] == '\0')
			return 0;
		word = p;
		while (text[p] != '\0' && !is_blank(text[p])) {
			if (g_ascii_isdigit(text[p]))
				has_digit = TRUE;
			p++;
		}
		if (has_digit) {
			start = word;
			break;
		}
	}

	/* "ver.1.21", "fw_1.2", "mx-v5.2.0.61" */
	for (letters = start; g_ascii_isalpha(text[letters]); letters++)
		;
	digit = letters;
	while (text[digit] == '.' || text[digit] == '_' || text[digit] == '-')
		digit++;
	if (letters > start && g_ascii_isdigit(text[digit]) &&
	    word_in(text + start, letters - start, version_prefixes))
		return digit;
	if (letters > start && text[letters] == '-' && text[letters + 1] == 'v') {
		digit = letters + 2;
		while (text[digit] == '.' || text[digit] == '_')
			digit++;
		if (g_ascii_isdigit(text[digit]))
			return digit;
	}
	return start;
}

static gboolean
token_is_zero(const Version *v, const Token *token)
{
	if (token->kind != TOKEN_NUM)
		return FALSE;
	for (guint i = 0; i < token->length; i++) {
		if (v->text[token->offset + i] != '0')
			return FALSE;
	}
	return TRUE;
}

/* zeros before the end, a build or a pre-release do not count: 4.0 = 4 */
static void
version_drop_zeros(Version *v)
{
	while (v->n_tokens > 0 && token_is_zero(v, &v->tokens[v->n_tokens - 1]))
		v->n_tokens--;
}

static void
version_add_token(Version *v, TokenKind kind, gsize offset, gsize length)
{
	Token *token;
	if (v->n_tokens >= YM_VERSION_MAX_TOKENS)
		return;
	if (kind == TOKEN_BUILD || kind == TOKEN_PRE)
		version_drop_zeros(v);
	token = &v->tokens[v->n_tokens++];
	token->kind = kind;
	token->offset = (guint16) offset;
	token->length = (guint16) length;
}

static TokenKind
classify_letters(const gchar *word, gsize length)
{
	gboolean all_x = TRUE;
	if (length == 5 && memcmp(word, "build", 5) == 0)
		return TOKEN_BUILD;
	if (word_in(word, length, prerelease_words))
		return TOKEN_PRE;
	for (gsize i = 0; i < length; i++) {
		if (word[i] != 'x')
			all_x = FALSE;
	}
	return all_x ? TOKEN_WILD : TOKEN_ALPHA;
}

static void
version_parse(Version *v, const gchar *text)
{
	gsize p;

	memset(v, 0, sizeof(*v));
	version_copy_text(v, text);
	p = version_find_start(v->text);
	while (v->text[p] != '\0') {
		gsize start = p;
		if (g_ascii_isdigit(v->text[p])) {
			while (g_ascii_isdigit(v->text[p]))
				p++;
			version_add_token(v, TOKEN_NUM, start, p - start);
		} else if (g_ascii_isalpha(v->text[p])) {
			while (g_ascii_isalpha(v->text[p]))
				p++;
			version_add_token(v, classify_letters(v->text + start, p - start), start,
			                  p - start);
		} else {
			if (v->text[p] == '*')
				version_add_token(v, TOKEN_WILD, start, 1);
			p++;
		}
	}
	version_drop_zeros(v);
}

static gint
compare_numbers(const gchar *a, gsize a_length, const gchar *b, gsize b_length)
{
	gint rc;
	while (a_length > 1 && *a == '0') {
		a++;
		a_length--;
	}
	while (b_length > 1 && *b == '0') {
		b++;
		b_length--;
	}
	if (a_length != b_length)
		return a_length < b_length ? -1 : 1;
	rc = memcmp(a, b, a_length);
	return rc < 0 ? -1 : (rc > 0 ? 1 : 0);
}

static gint
compare_letters(const gchar *a, gsize a_length, const gchar *b, gsize b_length)
{
	gint rc = memcmp(a, b, MIN(a_length, b_length));
	if (rc != 0)
		return rc < 0 ? -1 : 1;
	if (a_length != b_length)
		return a_length < b_length ? -1 : 1;
	return 0;
}

/* @build_only: set when the answer is only that one side has a build */
static gint
version_compare_parsed(const Version *a, const Version *b, gboolean *build_only)
{
	if (build_only != NULL)
		*build_only = FALSE;
	for (guint i = 0;; i++) {
		const Token *ta = i < a->n_tokens ? &a->tokens[i] : NULL;
		const Token *tb = i < b->n_tokens ? &b->tokens[i] : NULL;
		TokenKind ka = ta != NULL ? ta->kind : TOKEN_END;
		TokenKind kb = tb != NULL ? tb->kind : TOKEN_END;
		gint rc = 0;

		if (ka == TOKEN_WILD || kb == TOKEN_WILD)
			return 0;
		if (ka == TOKEN_END && kb == TOKEN_END)
			return 0;
		if (ka != kb) {
			if (build_only != NULL && ((ka == TOKEN_END && kb == TOKEN_BUILD) ||
			                           (ka == TOKEN_BUILD && kb == TOKEN_END)))
				*build_only = TRUE;
			return ka < kb ? -1 : 1;
		}
		if (ka == TOKEN_NUM) {
			rc = compare_numbers(a->text + ta->offset, ta->length, b->text + tb->offset,
			                     tb->length);
		} else if (ka == TOKEN_ALPHA || ka == TOKEN_PRE) {
			rc = compare_letters(a->text + ta->offset, ta->length, b->text + tb->offset,
			                     tb->length);
		}
		if (rc != 0)
			return rc;
	}
}

gint
ym_version_compare(const gchar *a, const gchar *b)
{
	Version va;
	Version vb;

	if (a == NULL || b == NULL)
		return a == b ? 0 : (a == NULL ? -1 : 1);
	version_parse(&va, a);
	version_parse(&vb, b);
	return version_compare_parsed(&va, &vb, NULL);
}

gboolean
ym_version_is_comparable(const gchar *version)
{
	g_autofree gchar *normal = NULL;
	gsize length;

	if (version == NULL)
		return FALSE;
	length = strlen(version);
	if (length == 0 || length > YM_VERSION_MAX_BYTES)
		return FALSE;
	/* full-width digits count; placeholders ("n/a", "-", "*", "all",
	 * "unknown") have none */
	normal = normalize_nfkc(version, (gssize) length);
	if (normal == NULL)
		return FALSE;
	for (const gchar *p = normal; *p != '\0'; p++) {
		if (g_ascii_isdigit(*p))
			return TRUE;
	}
	return FALSE;
}

/* ranges */

void
ym_version_range_clear(YmVersionRange *range)
{
	if (range == NULL)
		return;
	g_clear_pointer(&range->exact, g_free);
	g_clear_pointer(&range->start, g_free);
	g_clear_pointer(&range->end, g_free);
	memset(range, 0, sizeof(*range));
}

/* 1 the version satisfies the bound, 0 it does not, -1 cannot tell */
static gint
check_bound(const Version *version, const gchar *bound, gboolean is_end, gboolean inclusive)
{
	Version parsed;
	gboolean build_only = FALSE;
	gint rc;

	if (!ym_version_is_comparable(bound))
		return -1;
	version_parse(&parsed, bound);
	rc = version_compare_parsed(version, &parsed, &build_only);
	if (build_only) {
		/* the version has a build the bound lacks: an inclusive bound
		 * takes in every build of its version, an exclusive one may be a
		 * truncated build (NVD "1.1.4" for "1.1.4 Build 20230219") */
		gboolean version_has_build = rc > 0;
		if (version_has_build && inclusive)
			return 1;
		return -1;
	}
	if (rc == 0)
		return inclusive ? 1 : 0;
	return (is_end ? rc < 0 : rc > 0) ? 1 : 0;
}

gint
ym_version_in_range(const gchar *version,
                    gboolean all_versions,
                    const gchar *exact,
                    const gchar *start,
                    gboolean start_inclusive,
                    const gchar *end,
                    gboolean end_inclusive)
{
	Version parsed;
	gint verdict = 1;

	if (all_versions)
		return 1;
	if (exact == NULL && start == NULL && end == NULL)
		return -1;
	if (!ym_version_is_comparable(version))
		return -1;
	version_parse(&parsed, version);
	if (exact != NULL) {
		/* equal is at once the lowest and the highest version in range */
		gint low = check_bound(&parsed, exact, FALSE, TRUE);
		gint high = check_bound(&parsed, exact, TRUE, TRUE);
		if (low == 0 || high == 0)
			return 0;
		return low == -1 || high == -1 ? -1 : 1;
	}
	if (start != NULL) {
		gint rc = check_bound(&parsed, start, FALSE, start_inclusive);
		if (rc == 0)
			return 0;
		if (rc == -1)
			verdict = -1;
	}
	if (end != NULL) {
		gint rc = check_bound(&parsed, end, TRUE, end_inclusive);
		if (rc == 0)
			return 0;
		if (rc == -1)
			verdict = -1;
	}
	return verdict;
}

/* free-text ranges: the text splits at marks (operators, words, particles);
 * a mark binds the version before it (「以前」, "and earlier") or after it
 * ("before", "<=") */

typedef enum {
	MARK_NONE,
	MARK_SEPARATOR,   /* "|", ",", "、": between constraints or list items */
	MARK_AND,         /* a list, or the second half of "between … and" */
	MARK_UNSUPPORTED, /* "!=" */
	MARK_BETWEEN,
	MARK_PRE_EXACT,
	MARK_PRE_START_INCL,
	MARK_PRE_START_EXCL,
	MARK_PRE_END_INCL,
	MARK_PRE_END_EXCL,
	MARK_POST_START_INCL,
	MARK_POST_START_EXCL,
	MARK_POST_END_INCL,
	MARK_POST_END_EXCL,
} MarkKind;

typedef struct {
	const gchar *text;
	MarkKind kind;
} MarkWord;

/* the longest mark at the earliest position wins, so "and earlier" beats
 * "and" and 「およびそれ以前」 beats 「以前」 */
static const MarkWord mark_words[] = {
    {"|", MARK_SEPARATOR},
    {",", MARK_SEPARATOR},
    {";", MARK_SEPARATOR},
    {"、", MARK_SEPARATOR},
    {"and", MARK_AND},
    {"or", MARK_AND},
    {"!=", MARK_UNSUPPORTED},
    {"between", MARK_BETWEEN},
    {"=", MARK_PRE_EXACT},
    {"==", MARK_PRE_EXACT},
    {">=", MARK_PRE_START_INCL},
    {"=>", MARK_PRE_START_INCL},
    {"≥", MARK_PRE_START_INCL},
    {"from", MARK_PRE_START_INCL},
    {"since", MARK_PRE_START_INCL},
    {"starting with", MARK_PRE_START_INCL},
    {"starting from", MARK_PRE_START_INCL},
    {">", MARK_PRE_START_EXCL},
    {"after", MARK_PRE_START_EXCL},
    {"later than", MARK_PRE_START_EXCL},
    {"newer than", MARK_PRE_START_EXCL},
    {"greater than", MARK_PRE_START_EXCL},
    {"higher than", MARK_PRE_START_EXCL},
    {"above", MARK_PRE_START_EXCL},
    {"<=", MARK_PRE_END_INCL},
    {"=<", MARK_PRE_END_INCL},
    {"≤", MARK_PRE_END_INCL},
    {"up to", MARK_PRE_END_INCL},
    {"up to and including", MARK_PRE_END_INCL},
    {"through", MARK_PRE_END_INCL},
    {"thru", MARK_PRE_END_INCL},
    {"to", MARK_PRE_END_INCL},
    {"until", MARK_PRE_END_INCL},
    {"till", MARK_PRE_END_INCL},
    {" - ", MARK_PRE_END_INCL},
    {"~", MARK_PRE_END_INCL},
    {"〜", MARK_PRE_END_INCL},
    {"<", MARK_PRE_END_EXCL},
    {"prior to", MARK_PRE_END_EXCL},
    {"before", MARK_PRE_END_EXCL},
    {"earlier than", MARK_PRE_END_EXCL},
    {"older than", MARK_PRE_END_EXCL},
    {"less than", MARK_PRE_END_EXCL},
    {"lower than", MARK_PRE_END_EXCL},
    {"below", MARK_PRE_END_EXCL},
    {"up to but not including", MARK_PRE_END_EXCL},
    {"up to but excluding", MARK_PRE_END_EXCL},
    {"and later", MARK_POST_START_INCL},
    {"or later", MARK_POST_START_INCL},
    {"and above", MARK_POST_START_INCL},
    {"or above", MARK_POST_START_INCL},
    {"and newer", MARK_POST_START_INCL},
    {"or newer", MARK_POST_START_INCL},
    {"and higher", MARK_POST_START_INCL},
    {"or higher", MARK_POST_START_INCL},
    {"or greater", MARK_POST_START_INCL},
    {"and up", MARK_POST_START_INCL},
    {"onwards", MARK_POST_START_INCL},
    {"onward", MARK_POST_START_INCL},
    {"およびそれ以降", MARK_POST_START_INCL},
    {"及びそれ以降", MARK_POST_START_INCL},
    {"以降", MARK_POST_START_INCL},
    {"以上", MARK_POST_START_INCL},
    {"から", MARK_POST_START_INCL},
    {"より後", MARK_POST_START_EXCL},
    {"より新しい", MARK_POST_START_EXCL},
    {"を超える", MARK_POST_START_EXCL},
    {"and earlier", MARK_POST_END_INCL},
    {"or earlier", MARK_POST_END_INCL},
    {"and prior", MARK_POST_END_INCL},
    {"or prior", MARK_POST_END_INCL},
    {"and below", MARK_POST_END_INCL},
    {"or below", MARK_POST_END_INCL},
    {"and older", MARK_POST_END_INCL},
    {"or older", MARK_POST_END_INCL},
    {"and lower", MARK_POST_END_INCL},
    {"or lower", MARK_POST_END_INCL},
    {"and previous", MARK_POST_END_INCL},
    {"or previous", MARK_POST_END_INCL},
    {"およびそれ以前", MARK_POST_END_INCL},
    {"及びそれ以前", MARK_POST_END_INCL},
    {"とそれ以前", MARK_POST_END_INCL},
    {"以前", MARK_POST_END_INCL},
    {"以下", MARK_POST_END_INCL},
    {"まで", MARK_POST_END_INCL},
    {"より前", MARK_POST_END_EXCL},
    {"よりも前", MARK_POST_END_EXCL},
    {"未満", MARK_POST_END_EXCL},
};

/* qualifiers after a version: "_only_if_…", "_installed_on_CP100_devices",
 * " with Fortinet NGFW", "_affected_only_by" */
static const gchar *const qualifier_words[] = {
    "only",      "installed", "with",     "without",       "if", "when", "on", "utilizes",
    "utilizing", "packaged",  "affected", "in connection", NULL};

static const gchar *const all_phrases[] = {
    "all",
    "any",
    "*",
    "all versions",
    "all_versions",
    "all version",
    "any version",
    "all firmware",
    "all firmware versions",
    "全て",
    "すべて",
    "全てのバージョン",
    "すべてのバージョン",
    "全バージョン",
    NULL,
};

typedef struct {
	gsize start;
	gsize end;
	MarkKind kind;
} Mark;

static gboolean
mark_is_pre(MarkKind kind)
{
	return kind == MARK_BETWEEN || (kind >= MARK_PRE_EXACT && kind <= MARK_PRE_END_EXCL);
}

static gboolean
mark_is_post(MarkKind kind)
{
	return kind >= MARK_POST_START_INCL && kind <= MARK_POST_END_EXCL;
}

/* NFKC, blanks collapsed to one space, trimmed; NULL for invalid UTF-8 */
static gchar *
range_normalize_text(const gchar *text)
{
	g_autofree gchar *nfkc = normalize_nfkc(text, -1);
	GString *out;
	gboolean space = FALSE;

	if (nfkc == NULL)
		return NULL;
	out = g_string_sized_new(strlen(nfkc));
	for (const gchar *p = nfkc; *p != '\0'; p++) {
		if (is_blank(*p)) {
			space = out->len > 0;
			continue;
		}
		if (space)
			g_string_append_c(out, ' ');
		space = FALSE;
		g_string_append_c(out, *p);
	}
	return g_string_free(out, FALSE);
}

/* a trailing "(…)" that is not a build: 「（CVE-2025-0354、CVE-2025-0355）」 */
static gboolean
strip_trailing_note(const gchar *text, gsize from, gsize *end)
{
	gsize e = *end;
	guint depth = 0;
	gsize open = G_MAXSIZE;
	const gchar *content;

	while (e > from && is_blank(text[e - 1]))
		e--;
	if (e == from || text[e - 1] != ')')
		return FALSE;
	for (gsize i = e; i > from; i--) {
		if (text[i - 1] == ')') {
			depth++;
		} else if (text[i - 1] == '(' && --depth == 0) {
			open = i - 1;
			break;
		}
	}
	if (open == G_MAXSIZE)
		return FALSE;
	for (content = text + open + 1; is_blank(*content); content++)
		;
	if (g_ascii_strncasecmp(content, "build", 5) == 0)
		return FALSE;
	while (open > from && is_blank(text[open - 1]))
		open--;
	*end = open;
	return TRUE;
}

/* cuts @norm where a qualifier word starts, never at its very start */
static void
cut_qualifiers(gchar *norm)
{
	g_autofree gchar *lower = g_ascii_strdown(norm, -1);
	gsize length = strlen(lower);

	for (gsize p = 1; p < length; p++) {
		if (lower[p - 1] != ' ' && lower[p - 1] != '_')
			continue;
		for (guint i = 0; qualifier_words[i] != NULL; i++) {
			gsize n = strlen(qualifier_words[i]);
			if (p + n > length || memcmp(lower + p, qualifier_words[i], n) != 0)
				continue;
			if (lower[p + n] != '\0' && lower[p + n] != ' ' && lower[p + n] != '_')
				continue;
			while (p > 0 && (norm[p - 1] == ' ' || norm[p - 1] == '_'))
				p--;
			norm[p] = '\0';
			return;
		}
	}
}

/* the version in text[from, to) without the names before it and the prose
 * after it, or NULL when there is none; FALSE when it is a fragment of a
 * list ("nxal100v-p1-9-1and") */
static gboolean
extract_version(const gchar *text, gsize from, gsize to, gchar **out)
{
	gsize p = from;
	gsize end;

	*out = NULL;
	for (;;) {
		gsize word;
		gboolean has_digit = FALSE;
		while (p < to && is_blank(text[p]))
			p++;
		if (p >= to)
			return TRUE;
		if ((guchar) text[p] >= 0x80) {
			/* a name in another script: 「ファームウェアバージョン」 */
			p++;
			while (p < to && ((guchar) text[p] & 0xc0) == 0x80)
				p++;
			continue;
		}
		word = p;
		while (p < to && !is_blank(text[p]) && (guchar) text[p] < 0x80) {
			if (g_ascii_isdigit(text[p]))
				has_digit = TRUE;
			p++;
		}
		if (has_digit) {
			p = word;
			break;
		}
	}
	for (end = p; end < to && (guchar) text[end] < 0x80; end++)
		;
	while (strip_trailing_note(text, p, &end))
		;
	while (end > p && (is_blank(text[end - 1]) || text[end - 1] == '.'))
		end--;
	if (end > p + 1 && text[p] == '"' && text[end - 1] == '"') {
		p++;
		end--;
	}
	if (end <= p)
		return TRUE;
	if ((end - p > 3 && g_ascii_isdigit(text[end - 4]) &&
	     g_ascii_strncasecmp(text + end - 3, "and", 3) == 0) ||
	    (end - p > 2 && g_ascii_isdigit(text[end - 3]) &&
	     g_ascii_strncasecmp(text + end - 2, "or", 2) == 0))
		return FALSE;
	*out = g_strndup(text + p, end - p);
	return TRUE;
}

static gboolean
mark_boundary_ok(const gchar *lower, gsize length, gsize p, const gchar *word, gsize n)
{
	if (g_ascii_isalnum(word[0]) && p > 0 && g_ascii_isalnum(lower[p - 1]))
		return FALSE;
	if (g_ascii_isalnum(word[n - 1]) && p + n < length && g_ascii_isalnum(lower[p + n]))
		return FALSE;
	return TRUE;
}

/* the number of marks found, or G_MAXUINT when there are too many */
static guint
scan_marks(const gchar *lower, Mark *marks)
{
	gsize length = strlen(lower);
	guint n_marks = 0;
	gsize p = 0;

	while (p < length) {
		const MarkWord *best = NULL;
		gsize best_length = 0;
		for (guint i = 0; i < G_N_ELEMENTS(mark_words); i++) {
			gsize n = strlen(mark_words[i].text);
			if (n <= best_length || p + n > length ||
			    memcmp(lower + p, mark_words[i].text, n) != 0 ||
			    !mark_boundary_ok(lower, length, p, mark_words[i].text, n))
				continue;
			best = &mark_words[i];
			best_length = n;
		}
		if (best == NULL) {
			p++;
			continue;
		}
		if (n_marks >= YM_RANGE_MAX_MARKS)
			return G_MAXUINT;
		marks[n_marks].start = p;
		marks[n_marks].end = p + best_length;
		marks[n_marks].kind = best->kind;
		n_marks++;
		p += best_length;
	}
	return n_marks;
}

/* puts @version (taken) where @kind says; FALSE when that place is taken */
static gboolean
range_bind(YmVersionRange *range, MarkKind kind, gchar **version, gchar **unbound)
{
	gchar **slot;
	switch (kind) {
	case MARK_BETWEEN:
	case MARK_PRE_START_INCL:
	case MARK_POST_START_INCL:
	case MARK_PRE_START_EXCL:
	case MARK_POST_START_EXCL:
		slot = &range->start;
		range->start_inclusive =
		    kind != MARK_PRE_START_EXCL && kind != MARK_POST_START_EXCL;
		break;
	case MARK_PRE_END_INCL:
	case MARK_POST_END_INCL:
	case MARK_PRE_END_EXCL:
	case MARK_POST_END_EXCL:
		slot = &range->end;
		range->end_inclusive = kind == MARK_PRE_END_INCL || kind == MARK_POST_END_INCL;
		break;
	case MARK_PRE_EXACT:
		slot = &range->exact;
		break;
	case MARK_NONE:
	default:
		slot = unbound;
		break;
	}
	if (*slot != NULL)
		return FALSE;
	*slot = g_steal_pointer(version);
	return TRUE;
}

/* binds every chunk of text between marks; FALSE when they contradict */
static gboolean
range_bind_chunks(const gchar *norm,
                  const Mark *marks,
                  guint n_marks,
                  YmVersionRange *range,
                  gchar **unbound)
{
	gboolean between = FALSE;

	for (guint i = 0; i <= n_marks; i++) {
		gsize from = i == 0 ? 0 : marks[i - 1].end;
		gsize to = i == n_marks ? strlen(norm) : marks[i].start;
		MarkKind left = i > 0 ? marks[i - 1].kind : MARK_NONE;
		MarkKind right = i < n_marks ? marks[i].kind : MARK_NONE;
		MarkKind bind = MARK_NONE;
		g_autofree gchar *version = NULL;

		if (right == MARK_UNSUPPORTED)
			return FALSE;
		if (left == MARK_BETWEEN)
			between = TRUE;
		/* a list: "1.0 and 1.1", "DH-HCVR4XXX, and" */
		if (right == MARK_AND && !between)
			return FALSE;
		if (!extract_version(norm, from, to, &version))
			return FALSE;
		if (version == NULL) {
			/* a dangling list: "1.0," */
			if (i == n_marks && (left == MARK_AND || left == MARK_SEPARATOR))
				return FALSE;
			continue;
		}
		if (left == MARK_AND)
			left = MARK_PRE_END_INCL;
		if (mark_is_post(right)) {
			if (mark_is_pre(left))
				return FALSE;
			bind = right;
		} else if (mark_is_pre(left)) {
			bind = left;
		}
		if (!range_bind(range, bind, &version, unbound))
			return FALSE;
	}
	return TRUE;
}

static gboolean
phrase_in(const gchar *text, const gchar *const *list)
{
	for (guint i = 0; list[i] != NULL; i++) {
		if (g_strcmp0(text, list[i]) == 0)
			return TRUE;
	}
	return FALSE;
}

static gboolean
range_parse_normalized(const gchar *norm, YmVersionRange *range)
{
	g_autofree gchar *lower = g_ascii_strdown(norm, -1);
	g_autofree gchar *unbound = NULL;
	Mark marks[YM_RANGE_MAX_MARKS];
	guint n_marks;

	if (phrase_in(lower, all_phrases)) {
		range->all_versions = TRUE;
		return TRUE;
	}
	n_marks = scan_marks(lower, marks);
	if (n_marks == G_MAXUINT)
		return FALSE;
	if (!range_bind_chunks(norm, marks, n_marks, range, &unbound))
		return FALSE;

	/* a version without a mark: the start of "X to Y", else the only one */
	if (unbound != NULL) {
		if (range->end != NULL && range->start == NULL && range->exact == NULL) {
			range->start = g_steal_pointer(&unbound);
			range->start_inclusive = TRUE;
		} else if (range->start == NULL && range->end == NULL && range->exact == NULL) {
			range->exact = g_steal_pointer(&unbound);
		} else {
			return FALSE;
		}
	}
	if (range->exact != NULL && (range->start != NULL || range->end != NULL))
		return FALSE;
	if (range->start != NULL && range->end != NULL &&
	    ym_version_compare(range->start, range->end) > 0)
		return FALSE;
	return range->exact != NULL || range->start != NULL || range->end != NULL;
}

gboolean
ym_version_range_parse_text(const gchar *text, YmVersionRange *range)
{
	g_autofree gchar *norm = NULL;
	gsize end;

	g_return_val_if_fail(range != NULL, FALSE);

	ym_version_range_clear(range);
	if (text == NULL || strlen(text) > YM_RANGE_MAX_BYTES)
		return FALSE;
	norm = range_normalize_text(text);
	if (norm == NULL)
		return FALSE;
	end = strlen(norm);
	while (strip_trailing_note(norm, 0, &end))
		norm[end] = '\0';
	cut_qualifiers(norm);

	/* vers:<scheme>/<constraints>, percent-encoded */
	if (g_ascii_strncasecmp(norm, "vers:", 5) == 0) {
		const gchar *slash = strchr(norm, '/');
		g_autofree gchar *decoded = NULL;
		if (slash == NULL)
			return FALSE;
		decoded = g_uri_unescape_string(slash + 1, NULL);
		if (decoded == NULL)
			return FALSE;
		g_free(norm);
		norm = range_normalize_text(decoded);
		if (norm == NULL)
			return FALSE;
	}
	if (!range_parse_normalized(norm, range)) {
		ym_version_range_clear(range);
		return FALSE;
	}
	return TRUE;
}
