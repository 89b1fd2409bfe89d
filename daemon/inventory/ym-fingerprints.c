/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * device classification from data files (the .rules files in signatures/fingerprints,
 * format in signatures/README.md): each rule tests one field of a device
 * and adds weighted evidence for a kind, or proposes an OS, model or
 * firmware. Kinds sum their evidence; for the others the heaviest wins.
 * So a phone's captive-portal browser with a desktop user agent adds a
 * little "computer" evidence, outweighed by its DHCP and its own apps.
 */

#define G_LOG_DOMAIN "YmFingerprints"

#include "config.h"

#include "ym-fingerprints.h"

#include "ym-error.h"
#include "ym-rule-cursor.h"

static const gchar *const kinds[] = {
    "router", "computer",     "phone", "tablet",  "tv",    "streaming", "speaker",
    "camera", "printer",      "nas",   "plug",    "light", "lock",      "thermostat",
    "hub",    "game-console", "iot",   "unknown", NULL,
};

typedef enum {
	OP_REGEX,
	OP_EQUAL,
	OP_PREFIX,
	OP_CONTAINS,
} RuleOp;

typedef enum {
	FIELD_VENDOR = YM_OBS_LAST, /* observation kinds come first */
	FIELD_HOSTNAME,
	FIELD_ROLE,
	FIELD_MAC,
	FIELD_LAST
} RuleField;

typedef enum { TARGET_KIND, TARGET_OS, TARGET_MODEL, TARGET_FIRMWARE, TARGET_LAST } RuleTarget;

typedef struct {
	RuleTarget target;
	gchar *value; /* kind name (interned) or template */
	guint weight;
} RuleSetter;

typedef struct {
	guint field;
	RuleOp op;
	gchar *pattern;
	GRegex *regex;
	RuleSetter setters[8];
	guint n_setters;
} Rule;

struct _YmFingerprints {
	GObject parent_instance;
	/* owned */
	GPtrArray *rules; /* of Rule */
};

G_DEFINE_TYPE(YmFingerprints, ym_fingerprints, G_TYPE_OBJECT)

static void
rule_free(gpointer data)
{
	Rule *rule = data;
	g_free(rule->pattern);
	if (rule->regex != NULL)
		g_regex_unref(rule->regex);
	for (guint i = 0; i < rule->n_setters; i++) {
		if (rule->setters[i].target != TARGET_KIND)
			g_free(rule->setters[i].value);
	}
	g_free(rule);
}

const gchar *
ym_device_kind_intern(const gchar *kind)
{
	for (guint i = 0; kinds[i] != NULL; i++) {
		if (g_strcmp0(kinds[i], kind) == 0)
			return kinds[i];
	}
	return "unknown";
}

static gboolean
kind_is_valid(const gchar *kind)
{
	for (guint i = 0; kinds[i] != NULL; i++) {
		if (g_strcmp0(kinds[i], kind) == 0)
			return TRUE;
	}
	return FALSE;
}

void
ym_classification_clear(YmClassification *classification)
{
	g_clear_pointer(&classification->os, g_free);
	g_clear_pointer(&classification->model, g_free);
	g_clear_pointer(&classification->firmware, g_free);
}

static guint
field_from_string(const gchar *text)
{
	if (g_strcmp0(text, "vendor") == 0)
		return FIELD_VENDOR;
	if (g_strcmp0(text, "hostname") == 0)
		return FIELD_HOSTNAME;
	if (g_strcmp0(text, "role") == 0)
		return FIELD_ROLE;
	if (g_strcmp0(text, "mac") == 0)
		return FIELD_MAC;
	return ym_observation_kind_from_string(text) < YM_OBS_LAST
	           ? (guint) ym_observation_kind_from_string(text)
	           : FIELD_LAST;
}

/* ---- the parser ---- */

typedef YmRuleCursor Cursor;

static gboolean
read_operator(Cursor *c, RuleOp *op, GError **error)
{
	ym_rule_cursor_skip_spaces(c);
	if (c->p < c->end && *c->p == '~') {
		*op = OP_REGEX;
		c->p++;
	} else if (c->p + 1 < c->end && c->p[0] == '^' && c->p[1] == '=') {
		*op = OP_PREFIX;
		c->p += 2;
	} else if (c->p + 1 < c->end && c->p[0] == '*' && c->p[1] == '=') {
		*op = OP_CONTAINS;
		c->p += 2;
	} else if (c->p < c->end && *c->p == '=') {
		*op = OP_EQUAL;
		c->p++;
	} else {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "expected an operator: ~, =, ^= or *=");
		return FALSE;
	}
	return TRUE;
}

static gboolean
read_setter(Cursor *c, Rule *rule, GError **error)
{
	g_autofree gchar *name = ym_rule_cursor_read_word(c, "=@\"");
	g_autofree gchar *value = NULL;
	RuleSetter *setter;
	guint64 weight = 0;
	const gchar *start;
	gchar *endptr = NULL;
	RuleTarget target;

	if (name == NULL) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA, "expected a setting");
		return FALSE;
	}
	if (g_strcmp0(name, "kind") == 0)
		target = TARGET_KIND;
	else if (g_strcmp0(name, "os") == 0)
		target = TARGET_OS;
	else if (g_strcmp0(name, "model") == 0)
		target = TARGET_MODEL;
	else if (g_strcmp0(name, "firmware") == 0)
		target = TARGET_FIRMWARE;
	else {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "unknown setting \"%s\" (kind, os, model or firmware)", name);
		return FALSE;
	}
	if (c->p >= c->end || *c->p != '=') {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "expected = after %s", name);
		return FALSE;
	}
	c->p++;
	if (target == TARGET_KIND) {
		value = ym_rule_cursor_read_word(c, "=@\"");
		if (value == NULL || !kind_is_valid(value)) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "unknown kind \"%s\"",
			            value != NULL ? value : "");
			return FALSE;
		}
	} else {
		value = ym_rule_cursor_read_quoted(c, error);
		if (value == NULL)
			return FALSE;
	}
	if (c->p >= c->end || *c->p != '@') {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "expected @weight after the %s value", name);
		return FALSE;
	}
	c->p++;
	start = c->p;
	weight = g_ascii_strtoull(start, &endptr, 10);
	if (endptr == start || weight == 0 || weight > 100) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "the weight must be a number from 1 to 100");
		return FALSE;
	}
	c->p = endptr;
	for (guint i = 0; i < rule->n_setters && target != TARGET_KIND; i++) {
		if (rule->setters[i].target == target) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s is set twice",
			            name);
			return FALSE;
		}
	}
	setter = &rule->setters[rule->n_setters++];
	setter->target = target;
	setter->weight = (guint) weight;
	setter->value = target == TARGET_KIND ? (gchar *) ym_device_kind_intern(value)
	                                      : g_steal_pointer(&value);
	return TRUE;
}

static Rule *
parse_line(const gchar *line, gsize length, GError **error)
{
	Cursor c = {line, line + length};
	g_autofree gchar *field = NULL;
	g_autoptr(GError) error_local = NULL;
	Rule *rule = g_new0(Rule, 1);
	g_autoptr(GPtrArray) holder = g_ptr_array_new_with_free_func(rule_free);

	g_ptr_array_add(holder, rule);
	field = ym_rule_cursor_read_word(&c, "=@\"");
	rule->field = field_from_string(field);
	if (rule->field == FIELD_LAST) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "unknown field \"%s\"",
		            field != NULL ? field : "");
		return NULL;
	}
	if (!read_operator(&c, &rule->op, error))
		return NULL;
	rule->pattern = ym_rule_cursor_read_quoted(&c, error);
	if (rule->pattern == NULL)
		return NULL;
	if (rule->op == OP_REGEX) {
		rule->regex = g_regex_new(rule->pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0,
		                          &error_local);
		if (rule->regex == NULL) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "bad pattern: %s",
			            error_local->message);
			return NULL;
		}
	}
	ym_rule_cursor_skip_spaces(&c);
	if (c.p + 1 >= c.end || c.p[0] != '-' || c.p[1] != '>') {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "expected -> after the pattern");
		return NULL;
	}
	c.p += 2;
	for (;;) {
		ym_rule_cursor_skip_spaces(&c);
		if (c.p >= c.end || *c.p == '#')
			break;
		if (rule->n_setters >= G_N_ELEMENTS(rule->setters)) {
			g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			                    "too many settings");
			return NULL;
		}
		if (!read_setter(&c, rule, error))
			return NULL;
	}
	if (rule->n_setters == 0) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "the rule sets nothing");
		return NULL;
	}
	return g_ptr_array_steal_index(holder, 0);
}

static gboolean
parse_rules(GPtrArray *rules, const gchar *name, const gchar *data, gsize length, GError **error)
{
	const gchar *p = data;
	const gchar *end = data + length;
	guint line_number = 0;

	if (!g_utf8_validate(data, (gssize) length, NULL)) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: not valid UTF-8 text",
		            name);
		return FALSE;
	}
	while (p < end) {
		const gchar *eol = memchr(p, '\n', (gsize) (end - p));
		const gchar *line_end = eol != NULL ? eol : end;
		const gchar *q = p;
		line_number++;
		while (q < line_end && (*q == ' ' || *q == '\t' || *q == '\r'))
			q++;
		if (q < line_end && *q != '#') {
			gsize len = (gsize) (line_end - q);
			Rule *rule;
			while (len > 0 &&
			       (q[len - 1] == '\r' || q[len - 1] == ' ' || q[len - 1] == '\t'))
				len--;
			rule = parse_line(q, len, error);
			if (rule == NULL) {
				g_prefix_error(error, "%s:%u: ", name, line_number);
				return FALSE;
			}
			g_ptr_array_add(rules, rule);
		}
		p = line_end + (eol != NULL ? 1 : 0);
	}
	return TRUE;
}

gboolean
ym_fingerprints_load_data(YmFingerprints *self,
                          const gchar *name,
                          const gchar *data,
                          gsize length,
                          GError **error)
{
	g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func(rule_free);
	g_return_val_if_fail(YM_IS_FINGERPRINTS(self), FALSE);
	if (!parse_rules(rules, name, data, length, error))
		return FALSE;
	g_ptr_array_unref(self->rules);
	self->rules = g_steal_pointer(&rules);
	return TRUE;
}

static gint
compare_names(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(*(const gchar **) a, *(const gchar **) b);
}

gboolean
ym_fingerprints_load_dir(YmFingerprints *self, const gchar *dir, GError **error)
{
	g_autoptr(GDir) gdir = NULL;
	g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func(rule_free);
	g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func(g_free);
	const gchar *entry;

	g_return_val_if_fail(YM_IS_FINGERPRINTS(self), FALSE);
	gdir = g_dir_open(dir, 0, error);
	if (gdir == NULL) {
		g_prefix_error(error, "loading fingerprint rules: ");
		return FALSE;
	}
	while ((entry = g_dir_read_name(gdir)) != NULL) {
		if (g_str_has_suffix(entry, ".rules"))
			g_ptr_array_add(files, g_build_filename(dir, entry, NULL));
	}
	g_ptr_array_sort(files, compare_names);
	for (guint i = 0; i < files->len; i++) {
		const gchar *path = g_ptr_array_index(files, i);
		g_autofree gchar *contents = NULL;
		gsize length = 0;
		if (!g_file_get_contents(path, &contents, &length, error))
			return FALSE;
		if (!parse_rules(rules, path, contents, length, error))
			return FALSE;
	}
	if (rules->len == 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_NOT_FOUND, "%s: no fingerprint rules found",
		            dir);
		return FALSE;
	}
	g_ptr_array_unref(self->rules);
	self->rules = g_steal_pointer(&rules);
	return TRUE;
}

guint
ym_fingerprints_get_size(YmFingerprints *self)
{
	g_return_val_if_fail(YM_IS_FINGERPRINTS(self), 0);
	return self->rules->len;
}

/* ---- classification ---- */

static gboolean
rule_matches(const Rule *rule, const gchar *value, GMatchInfo **match_info)
{
	switch (rule->op) {
	case OP_REGEX:
		return g_regex_match(rule->regex, value, 0, match_info);
	case OP_EQUAL:
		return g_ascii_strcasecmp(value, rule->pattern) == 0;
	case OP_PREFIX:
		return g_ascii_strncasecmp(value, rule->pattern, strlen(rule->pattern)) == 0;
	case OP_CONTAINS: {
		g_autofree gchar *a = g_ascii_strdown(value, -1);
		g_autofree gchar *b = g_ascii_strdown(rule->pattern, -1);
		return strstr(a, b) != NULL;
	}
	default:
		return FALSE;
	}
}

/* "$1" and friends from the match, "$0" the whole value */
static gchar *
expand_template(const gchar *template, const gchar *value, GMatchInfo *match_info)
{
	GString *out = g_string_new(NULL);
	for (const gchar *p = template; *p != '\0'; p++) {
		if (*p == '$' && g_ascii_isdigit(p[1])) {
			gint group = p[1] - '0';
			if (group == 0) {
				g_string_append(out, value);
			} else if (match_info != NULL) {
				g_autofree gchar *text = g_match_info_fetch(match_info, group);
				if (text != NULL)
					g_string_append(out, text);
			}
			p++;
			continue;
		}
		g_string_append_c(out, *p);
	}
	g_strstrip(out->str);
	out->len = strlen(out->str);
	if (out->len == 0) {
		g_string_free(out, TRUE);
		return NULL;
	}
	return g_string_free(out, FALSE);
}

typedef struct {
	guint kind_scores[G_N_ELEMENTS(kinds)];
	gchar *best[TARGET_LAST];
	guint best_weight[TARGET_LAST];
} Scores;

static void
apply_rule(const Rule *rule, const gchar *value, GMatchInfo *match_info, Scores *scores)
{
	for (guint i = 0; i < rule->n_setters; i++) {
		const RuleSetter *setter = &rule->setters[i];
		if (setter->target == TARGET_KIND) {
			for (guint k = 0; kinds[k] != NULL; k++) {
				if (kinds[k] == setter->value)
					scores->kind_scores[k] += setter->weight;
			}
		} else if (setter->weight > scores->best_weight[setter->target]) {
			gchar *text = expand_template(setter->value, value, match_info);
			if (text == NULL)
				continue;
			g_free(scores->best[setter->target]);
			scores->best[setter->target] = text;
			scores->best_weight[setter->target] = setter->weight;
		}
	}
}

/* the values a field has on this device */
static void
collect_values(const YmDevice *device, guint field, GPtrArray *values)
{
	g_ptr_array_set_size(values, 0);
	if (field < YM_OBS_LAST) {
		for (guint i = 0; i < device->observations->len; i++) {
			const YmObservation *o =
			    &g_array_index(device->observations, YmObservation, i);
			if (o->kind == field)
				g_ptr_array_add(values, o->value);
		}
	} else if (field == FIELD_VENDOR) {
		if (device->vendor != NULL)
			g_ptr_array_add(values, (gpointer) device->vendor);
	} else if (field == FIELD_HOSTNAME) {
		for (guint i = 0; i < device->names->len; i++)
			g_ptr_array_add(values, g_array_index(device->names, YmDeviceName, i).name);
	} else if (field == FIELD_ROLE) {
		if (device->roles & YM_ROLE_GATEWAY)
			g_ptr_array_add(values, (gpointer) "gateway");
		if (device->roles & YM_ROLE_DHCP_SERVER)
			g_ptr_array_add(values, (gpointer) "dhcp_server");
		if (device->roles & YM_ROLE_DNS_SERVER)
			g_ptr_array_add(values, (gpointer) "dns_server");
	} else if (field == FIELD_MAC) {
		g_ptr_array_add(values, (gpointer) device->mac_string);
	}
}

void
ym_fingerprints_classify(YmFingerprints *self,
                         const YmDevice *device,
                         YmClassification *classification)
{
	Scores scores = {0};
	g_autoptr(GPtrArray) values = g_ptr_array_new();
	guint best_kind = G_N_ELEMENTS(kinds);

	g_return_if_fail(YM_IS_FINGERPRINTS(self));

	for (guint r = 0; r < self->rules->len; r++) {
		const Rule *rule = g_ptr_array_index(self->rules, r);
		collect_values(device, rule->field, values);
		/* each rule counts once per device, on its first matching value */
		for (guint v = 0; v < values->len; v++) {
			const gchar *value = g_ptr_array_index(values, v);
			GMatchInfo *match_info = NULL;
			gboolean matched = rule_matches(rule, value, &match_info);
			if (matched)
				apply_rule(rule, value, match_info, &scores);
			if (match_info != NULL)
				g_match_info_free(match_info);
			if (matched)
				break;
		}
	}
	for (guint k = 0; kinds[k] != NULL; k++) {
		if (scores.kind_scores[k] == 0)
			continue;
		if (best_kind == G_N_ELEMENTS(kinds) ||
		    scores.kind_scores[k] > scores.kind_scores[best_kind])
			best_kind = k;
	}
	if (best_kind < G_N_ELEMENTS(kinds) && kinds[best_kind] != NULL) {
		classification->kind = kinds[best_kind];
		classification->kind_confidence = MIN(scores.kind_scores[best_kind], 100);
	} else {
		classification->kind = "unknown";
		classification->kind_confidence = 0;
	}
	classification->os = g_steal_pointer(&scores.best[TARGET_OS]);
	classification->os_confidence = scores.best_weight[TARGET_OS];
	classification->model = g_steal_pointer(&scores.best[TARGET_MODEL]);
	classification->model_confidence = scores.best_weight[TARGET_MODEL];
	classification->firmware = g_steal_pointer(&scores.best[TARGET_FIRMWARE]);
	classification->firmware_confidence = scores.best_weight[TARGET_FIRMWARE];
	g_free(scores.best[TARGET_KIND]);
}

YmFingerprints *
ym_fingerprints_new(void)
{
	return g_object_new(YM_TYPE_FINGERPRINTS, NULL);
}

static void
ym_fingerprints_finalize(GObject *object)
{
	YmFingerprints *self = YM_FINGERPRINTS(object);
	g_ptr_array_unref(self->rules);
	G_OBJECT_CLASS(ym_fingerprints_parent_class)->finalize(object);
}

static void
ym_fingerprints_class_init(YmFingerprintsClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->finalize = ym_fingerprints_finalize;
}

static void
ym_fingerprints_init(YmFingerprints *self)
{
	self->rules = g_ptr_array_new_with_free_func(rule_free);
}
