/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * OASIS CSAF 2.0 documents into the normalised advisory record.
 * Reference: https://docs.oasis-open.org/csaf/csaf/v2.0/csaf-v2.0.html
 * (3.2.2 product_tree, 3.2.3 vulnerabilities). The mapping is described in
 * ym-advisory-csaf.h; the CISA ICS documents this was written against use
 * only vendor -> product_name -> product_version(_range) branches, ad-hoc
 * version ranges and no CPEs, so the version words are kept verbatim for
 * the text range parser at ingest.
 */

#define G_LOG_DOMAIN "YmCsaf"

#include "config.h"

#include "ym-advisory-csaf.h"

#include <math.h>
#include <string.h>

#include "ym-advisory-csaf-private.h"
#include "ym-advisory-json-private.h"
#include "ym-error.h"

/* names, IDs, versions, CPEs and URLs */
#define YM_CSAF_MAX_NAME 4096
/* titles, notes and remediation details */
#define YM_CSAF_MAX_TEXT (1024 * 1024)
/* product_tree branch nesting; real trees have at most 4 levels */
#define YM_CSAF_MAX_BRANCH_DEPTH 16
/* product IDs one product_tree may define */
#define YM_CSAF_MAX_DEFINED 100000
/* constraints in one VERS range */
#define YM_CSAF_VERS_MAX_CONSTRAINTS 64

/* a product_id resolved through product_tree */
typedef struct {
	const gchar *vendor;  /* borrowed from the JSON tree */
	const gchar *product; /* product_name, else product_family, else full name */
	const gchar *version; /* product_version, service_pack or patch_level */
	const gchar *range;   /* product_version_range */
	const gchar *hw_rev;  /* the platform's version for installed_on */
	gchar *cpe;
	gchar *platform_cpe;
	/* the parsed "vers:" range, when range is one */
	gboolean vers_valid;
	gboolean vers_all;
	GPtrArray *vers_ranges; /* YmCsafVersRange */
} CsafProduct;

/* the names a branch inherits from its ancestors */
typedef struct {
	const gchar *vendor;
	const gchar *family;
	const gchar *product;
	const gchar *version;
	const gchar *range;
} CsafBranchContext;

typedef struct {
	YmAdvisory *advisory;
	GHashTable *products; /* product_id -> CsafProduct */
	GHashTable *groups;   /* group_id -> JsonArray of product_ids */
	/* per vulnerability: the product_id of each entry added */
	GPtrArray *entry_ids;
	/* the whole document */
	YmRemediation best;
	const gchar *fix_url;
	const gchar *any_url;
	guint unknown_ids;
	gchar *first_unknown;
} CsafParser;

/* product_status lists in the order entries are emitted */
static const struct {
	const gchar *name;
	YmProductStatus status;
} status_lists[] = {
    {"known_affected", YM_PRODUCT_STATUS_AFFECTED},
    {"first_affected", YM_PRODUCT_STATUS_AFFECTED},
    {"last_affected", YM_PRODUCT_STATUS_AFFECTED},
    {"fixed", YM_PRODUCT_STATUS_FIXED},
    {"first_fixed", YM_PRODUCT_STATUS_FIXED},
    {"known_not_affected", YM_PRODUCT_STATUS_NOT_AFFECTED},
};

/* what CISA writes when the vendor offers nothing, even under vendor_fix
 * (icsa-23-094-01, Nexx) */
static const gchar *const no_response_phrases[] = {
    "has not responded",
    "have not responded",
    "did not respond",
    "not responded to",
};

/* what CISA and vendors write when a product is out of support, often under
 * mitigation (icsa-23-355-02, QNAP VioStor) or vendor_fix (icsa-24-170-01) */
static const gchar *const end_of_life_phrases[] = {
    "end of life",          "end-of-life",
    "end of support",       "end-of-support",
    "end of service",       "end-of-service",
    "no longer supported",  "no longer be supported",
    "no longer maintained", "no longer in production",
    "is discontinued",      "been discontinued",
    "discontinued by",      "will not be patched",
    "will not be fixed",
};

static void
csaf_product_free(CsafProduct *product)
{
	g_free(product->cpe);
	g_free(product->platform_cpe);
	if (product->vers_ranges != NULL)
		g_ptr_array_unref(product->vers_ranges);
	g_free(product);
}

static void
csaf_parser_free(CsafParser *self)
{
	ym_advisory_free(self->advisory);
	g_hash_table_unref(self->products);
	g_hash_table_unref(self->groups);
	g_ptr_array_unref(self->entry_ids);
	g_free(self->first_unknown);
	g_free(self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CsafParser, csaf_parser_free)

static CsafParser *
csaf_parser_new(void)
{
	CsafParser *self = g_new0(CsafParser, 1);
	self->products = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
	                                       (GDestroyNotify) csaf_product_free);
	self->groups = g_hash_table_new(g_str_hash, g_str_equal);
	self->entry_ids = g_ptr_array_new();
	self->best = YM_REMEDIATION_UNKNOWN;
	return self;
}

/* VERS (purl-spec VERSION-RANGE-SPEC) */

void
_ym_csaf_vers_range_free(YmCsafVersRange *range)
{
	if (range == NULL)
		return;
	g_free(range->exact);
	g_free(range->start);
	g_free(range->end);
	g_free(range);
}

typedef enum {
	VERS_EQ,
	VERS_NE,
	VERS_LT,
	VERS_LE,
	VERS_GT,
	VERS_GE,
} VersComparator;

/* "<=1.2" into comparator and percent-decoded version */
static gboolean
vers_parse_constraint(const gchar *text, VersComparator *comparator, gchar **version)
{
	static const struct {
		const gchar *prefix;
		VersComparator comparator;
	} comparators[] = {
	    {">=", VERS_GE}, {"<=", VERS_LE}, {"!=", VERS_NE},
	    {"<", VERS_LT},  {">", VERS_GT},  {"=", VERS_EQ},
	};
	const gchar *rest = text;

	*comparator = VERS_EQ;
	for (guint i = 0; i < G_N_ELEMENTS(comparators); i++) {
		if (g_str_has_prefix(text, comparators[i].prefix)) {
			*comparator = comparators[i].comparator;
			rest = text + strlen(comparators[i].prefix);
			break;
		}
	}
	/* "*" is only valid alone; a bare comparator has no version */
	if (*rest == '\0' || strchr(rest, '*') != NULL || strpbrk(rest, "<>=!") != NULL)
		return FALSE;
	*version = g_uri_unescape_string(rest, NULL);
	return *version != NULL && **version != '\0' && g_utf8_validate(*version, -1, NULL);
}

static YmCsafVersRange *
vers_range_new(const gchar *start,
               gboolean start_inclusive,
               const gchar *end,
               gboolean end_inclusive)
{
	YmCsafVersRange *range = g_new0(YmCsafVersRange, 1);
	range->start = g_strdup(start);
	range->start_inclusive = start_inclusive;
	range->end = g_strdup(end);
	range->end_inclusive = end_inclusive;
	return range;
}

/* constraints are sorted by version, so after dropping "!=" and "=" the
 * comparators alternate greater/lesser and each pair is one interval */
static gboolean
vers_build_ranges(gchar **constraints, gboolean *all_versions, GPtrArray *ranges)
{
	g_autofree gchar *start = NULL;
	gboolean start_inclusive = FALSE;
	gboolean have_start = FALSE;
	gboolean last_lesser = FALSE;

	for (guint i = 0; constraints[i] != NULL; i++) {
		VersComparator comparator;
		g_autofree gchar *version = NULL;
		if (!vers_parse_constraint(constraints[i], &comparator, &version))
			return FALSE;
		switch (comparator) {
		case VERS_NE:
			/* "all versions but this one": we would rather
			 * over-report than miss, so != is dropped */
			break;
		case VERS_EQ: {
			YmCsafVersRange *range = g_new0(YmCsafVersRange, 1);
			range->exact = g_steal_pointer(&version);
			g_ptr_array_add(ranges, range);
			break;
		}
		case VERS_GT:
		case VERS_GE:
			if (have_start)
				return FALSE;
			have_start = TRUE;
			last_lesser = FALSE;
			start = g_steal_pointer(&version);
			start_inclusive = comparator == VERS_GE;
			break;
		case VERS_LT:
		case VERS_LE:
			if (last_lesser)
				return FALSE;
			g_ptr_array_add(ranges, vers_range_new(start, start_inclusive, version,
			                                       comparator == VERS_LE));
			have_start = FALSE;
			last_lesser = TRUE;
			g_clear_pointer(&start, g_free);
			break;
		default:
			return FALSE;
		}
	}
	if (have_start)
		g_ptr_array_add(ranges, vers_range_new(start, start_inclusive, NULL, FALSE));
	*all_versions = ranges->len == 0;
	return TRUE;
}

gboolean
_ym_csaf_vers_parse(const gchar *text, gboolean *all_versions, GPtrArray **ranges)
{
	g_autoptr(GPtrArray) result =
	    g_ptr_array_new_with_free_func((GDestroyNotify) _ym_csaf_vers_range_free);
	g_autoptr(GString) compact = g_string_new(NULL);
	g_auto(GStrv) constraints = NULL;
	const gchar *slash;

	*all_versions = FALSE;
	if (ranges != NULL)
		*ranges = NULL;
	if (text == NULL || g_ascii_strncasecmp(text, "vers:", 5) != 0)
		return FALSE;
	/* spaces are not significant in VERS */
	for (const gchar *p = text + 5; *p != '\0'; p++) {
		if (!g_ascii_isspace(*p))
			g_string_append_c(compact, *p);
	}
	slash = strchr(compact->str, '/');
	if (slash == NULL || slash == compact->str || slash[1] == '\0')
		return FALSE;
	for (const gchar *p = compact->str; p < slash; p++) {
		if (!g_ascii_isalnum(*p) && *p != '.' && *p != '-' && *p != '+')
			return FALSE;
	}
	if (g_strcmp0(slash + 1, "*") == 0) {
		*all_versions = TRUE;
		if (ranges != NULL)
			*ranges = g_steal_pointer(&result);
		return TRUE;
	}
	constraints = g_strsplit(slash + 1, "|", YM_CSAF_VERS_MAX_CONSTRAINTS + 1);
	if (g_strv_length(constraints) > YM_CSAF_VERS_MAX_CONSTRAINTS)
		return FALSE;
	if (!vers_build_ranges(constraints, all_versions, result))
		return FALSE;
	if (ranges != NULL)
		*ranges = g_steal_pointer(&result);
	return TRUE;
}

/* remediation texts */

static gboolean
text_has_phrase(const gchar *lower, const gchar *const *phrases, guint n_phrases)
{
	for (guint i = 0; i < n_phrases; i++) {
		if (strstr(lower, phrases[i]) != NULL)
			return TRUE;
	}
	return FALSE;
}

/* "EOL" as a word */
static gboolean
text_has_eol_word(const gchar *lower)
{
	for (const gchar *p = strstr(lower, "eol"); p != NULL; p = strstr(p + 1, "eol")) {
		gboolean start = p == lower || !g_ascii_isalnum(p[-1]);
		if (start && !g_ascii_isalnum(p[3]))
			return TRUE;
	}
	return FALSE;
}

/* the category a remediation really has, judged by its words as well */
static YmRemediation
csaf_classify_remediation(YmRemediation category, const gchar *details, gboolean *end_of_life)
{
	g_autofree gchar *lower = NULL;

	if (category == YM_REMEDIATION_NO_FIX_PLANNED)
		*end_of_life = TRUE;
	if (details == NULL)
		return category;
	lower = g_ascii_strdown(details, -1);
	if (text_has_phrase(lower, end_of_life_phrases, G_N_ELEMENTS(end_of_life_phrases)) ||
	    text_has_eol_word(lower)) {
		*end_of_life = TRUE;
		return YM_REMEDIATION_NO_FIX_PLANNED;
	}
	if (category != YM_REMEDIATION_NO_FIX_PLANNED &&
	    text_has_phrase(lower, no_response_phrases, G_N_ELEMENTS(no_response_phrases)))
		return YM_REMEDIATION_NONE_AVAILABLE;
	return category;
}

/* vendor_fix texts name the fixed version in a handful of ways:
 * "Update to V13.3.0.13 or later version", "FX5-OPC: Version 1.010 or
 * later", "to firmware version MX-V4.7.2.18 or later", "update to version
 * 1.1 of product DEF" */
static const gchar *const later_markers[] = {
    " or later", " or newer", " or higher", " or above", " or greater", " and later", " and above",
};

static const gchar *const version_keywords[] = {
    "version", "versions", "to", "firmware", "release",
};

static gboolean
word_is_keyword(const gchar *word)
{
	for (guint i = 0; i < G_N_ELEMENTS(version_keywords); i++) {
		if (g_ascii_strcasecmp(word, version_keywords[i]) == 0)
			return TRUE;
	}
	return FALSE;
}

static gboolean
word_starts_version(const gchar *word)
{
	if (g_ascii_isdigit(word[0]))
		return TRUE;
	return (word[0] == 'v' || word[0] == 'V') && g_ascii_isdigit(word[1]);
}

static gchar *
version_trim(const gchar *text)
{
	g_autofree gchar *copy = g_strstrip(g_strdup(text));
	gsize length = strlen(copy);

	while (length > 0 && strchr(".,;:)(\"'", copy[length - 1]) != NULL)
		copy[--length] = '\0';
	if (length == 0 || length > 64 || strpbrk(copy, "0123456789") == NULL)
		return NULL;
	return g_steal_pointer(&copy);
}

/* up to four words before @end, back to a keyword; leading words that do
 * not start like a version ("CPCI85 V05.20") are dropped */
static gchar *
version_before(const gchar *text, gsize end)
{
	/* four words fit in far fewer bytes; the window keeps a text full
	 * of markers linear */
	gsize start = end > 256 ? end - 256 : 0;
	g_autofree gchar *head = g_strndup(text + start, end - start);
	g_auto(GStrv) words = g_strsplit_set(head, " \t\r\n", -1);
	g_autoptr(GPtrArray) kept = g_ptr_array_new();
	g_autofree gchar *joined = NULL;
	guint first = 0;
	/* a clipped first word may be a fragment (of a UTF-8 character, too) */
	guint lowest = start > 0 ? 1 : 0;

	for (guint i = g_strv_length(words); i > lowest && kept->len < 4; i--) {
		const gchar *word = words[i - 1];
		if (*word == '\0')
			continue;
		if (word_is_keyword(word) || g_str_has_suffix(word, ":"))
			break;
		g_ptr_array_insert(kept, 0, (gpointer) word);
	}
	if (kept->len == 0)
		return NULL;
	if (kept->len > 1) {
		while (first < kept->len && !word_starts_version(g_ptr_array_index(kept, first)))
			first++;
		if (first == kept->len)
			return NULL;
	}
	g_ptr_array_add(kept, NULL);
	joined = g_strjoinv(" ", (gchar **) kept->pdata + first);
	return version_trim(joined);
}

/* "version 1.1 of ...": the first word with a digit after "version" */
static gchar *
version_after_keyword(const gchar *text)
{
	g_auto(GStrv) words = g_strsplit_set(text, " \t\r\n", -1);

	for (guint i = 0; words[i] != NULL; i++) {
		if (g_ascii_strcasecmp(words[i], "version") != 0 || words[i + 1] == NULL)
			continue;
		if (strpbrk(words[i + 1], "0123456789") != NULL)
			return version_trim(words[i + 1]);
	}
	return NULL;
}

gchar *
_ym_csaf_version_from_fix_text(const gchar *details)
{
	g_autofree gchar *lower = NULL;
	g_autofree gchar *found = NULL;
	guint markers = 0;

	if (details == NULL)
		return NULL;
	lower = g_ascii_strdown(details, -1);
	for (guint i = 0; i < G_N_ELEMENTS(later_markers); i++) {
		const gchar *marker = later_markers[i];
		for (const gchar *p = strstr(lower, marker); p != NULL; p = strstr(p + 1, marker)) {
			g_autofree gchar *candidate = NULL;
			if (++markers > 32)
				return NULL;
			candidate = version_before(details, p - lower);
			if (candidate == NULL)
				continue;
			/* "7.6: Upgrade to 7.6.3 or above, 7.4: ... 7.4.8 or above":
			 * several branches, none of which we can pick */
			if (found != NULL && g_strcmp0(found, candidate) != 0)
				return NULL;
			g_free(found);
			found = g_steal_pointer(&candidate);
		}
	}
	if (found != NULL)
		return g_steal_pointer(&found);
	return version_after_keyword(details);
}

/* product_tree */

static gboolean
csaf_define(CsafParser *self,
            const gchar *product_id,
            CsafProduct *product,
            const YmJsonPath *path,
            GError **error)
{
	g_autoptr(GPtrArray) ranges = NULL;

	if (g_hash_table_contains(self->products, product_id)) {
		/* the spec forbids it; the first definition wins */
		g_debug("%s: product_id %s defined twice", self->advisory->id, product_id);
		csaf_product_free(product);
		return TRUE;
	}
	if (g_hash_table_size(self->products) >= YM_CSAF_MAX_DEFINED) {
		_ym_json_set_error(error, path, "more than %u products",
		                   (guint) YM_CSAF_MAX_DEFINED);
		csaf_product_free(product);
		return FALSE;
	}
	if (product->version == NULL && product->range != NULL &&
	    _ym_csaf_vers_parse(product->range, &product->vers_all, &ranges)) {
		product->vers_valid = TRUE;
		product->vers_ranges = g_steal_pointer(&ranges);
	}
	g_hash_table_insert(self->products, (gpointer) product_id, product);
	return TRUE;
}

/* a "product" or "full_product_name" object: its ID, name and CPE */
static gboolean
csaf_read_full_product_name(CsafParser *self,
                            JsonObject *object,
                            const YmJsonPath *path,
                            const gchar **product_id,
                            const gchar **name,
                            gchar **cpe,
                            GError **error)
{
	YmJsonPath helper_path = YM_JSON_PATH_MEMBER(path, "product_identification_helper");
	JsonObject *helper = NULL;
	const gchar *cpe_text = NULL;

	*cpe = NULL;
	if (!_ym_json_get_string(object, "product_id", path, TRUE, YM_CSAF_MAX_NAME, product_id,
	                         error) ||
	    !_ym_json_get_string(object, "name", path, TRUE, YM_CSAF_MAX_NAME, name, error) ||
	    !_ym_json_get_object(object, "product_identification_helper", path, FALSE, &helper,
	                         error))
		return FALSE;
	if (helper != NULL && !_ym_json_get_string(helper, "cpe", &helper_path, FALSE,
	                                           YM_CSAF_MAX_NAME, &cpe_text, error))
		return FALSE;
	*cpe = _ym_advisory_cpe_normalise(cpe_text);
	if (cpe_text != NULL && *cpe == NULL)
		g_debug("%s: ignoring malformed CPE %s", self->advisory->id, cpe_text);
	return TRUE;
}

static gboolean
csaf_parse_full_product_name(CsafParser *self,
                             JsonObject *object,
                             const YmJsonPath *path,
                             const CsafBranchContext *context,
                             GError **error)
{
	const gchar *product_id = NULL;
	const gchar *name = NULL;
	g_autofree gchar *cpe = NULL;
	CsafProduct *product;

	if (!csaf_read_full_product_name(self, object, path, &product_id, &name, &cpe, error))
		return FALSE;
	product = g_new0(CsafProduct, 1);
	product->vendor = context->vendor;
	product->product = context->product != NULL  ? context->product
	                   : context->family != NULL ? context->family
	                                             : name;
	product->version = context->version;
	product->range = context->range;
	product->cpe = g_steal_pointer(&cpe);
	return csaf_define(self, product_id, product, path, error);
}

static gboolean
csaf_parse_branches(CsafParser *self,
                    JsonArray *branches,
                    const YmJsonPath *path,
                    const CsafBranchContext *context,
                    guint depth,
                    GError **error)
{
	if (depth > YM_CSAF_MAX_BRANCH_DEPTH) {
		_ym_json_set_error(error, path, "branches nested deeper than %u",
		                   (guint) YM_CSAF_MAX_BRANCH_DEPTH);
		return FALSE;
	}
	for (guint i = 0; i < json_array_get_length(branches); i++) {
		YmJsonPath here = YM_JSON_PATH_INDEX(path, i);
		YmJsonPath product_path = YM_JSON_PATH_MEMBER(&here, "product");
		YmJsonPath children_path = YM_JSON_PATH_MEMBER(&here, "branches");
		CsafBranchContext child = *context;
		JsonObject *branch = NULL;
		JsonObject *product = NULL;
		JsonArray *children = NULL;
		const gchar *category = NULL;
		const gchar *name = NULL;

		if (!_ym_json_array_get_object(branches, i, path, &branch, error) ||
		    !_ym_json_get_string(branch, "category", &here, TRUE, YM_CSAF_MAX_NAME,
		                         &category, error) ||
		    !_ym_json_get_string(branch, "name", &here, TRUE, YM_CSAF_MAX_NAME, &name,
		                         error) ||
		    !_ym_json_get_object(branch, "product", &here, FALSE, &product, error) ||
		    !_ym_json_get_array(branch, "branches", &here, FALSE, &children, error))
			return FALSE;
		if (g_strcmp0(category, "vendor") == 0)
			child.vendor = name;
		else if (g_strcmp0(category, "product_family") == 0)
			child.family = name;
		else if (g_strcmp0(category, "product_name") == 0)
			child.product = name;
		else if (g_strcmp0(category, "product_version") == 0 ||
		         g_strcmp0(category, "service_pack") == 0 ||
		         g_strcmp0(category, "patch_level") == 0)
			/* Cisco puts the full version into the service pack:
			 * 12.2SE -> 12.2(55)SE; the deepest one is the most precise */
			child.version = name;
		else if (g_strcmp0(category, "product_version_range") == 0)
			child.range = name;
		/* architecture, host_name, language, legacy, specification:
		 * nothing the matcher uses */
		if (product != NULL &&
		    !csaf_parse_full_product_name(self, product, &product_path, &child, error))
			return FALSE;
		if (children != NULL &&
		    !csaf_parse_branches(self, children, &children_path, &child, depth + 1, error))
			return FALSE;
	}
	return TRUE;
}

static void
csaf_note_unknown(CsafParser *self, const YmJsonPath *path, const gchar *product_id)
{
	if (self->unknown_ids++ == 0) {
		g_autofree gchar *where = _ym_json_path_to_string(path);
		self->first_unknown = g_strdup_printf("%s \"%s\"", where, product_id);
	}
}

static gboolean
csaf_parse_relationship(CsafParser *self,
                        JsonObject *relation,
                        const YmJsonPath *path,
                        GError **error)
{
	YmJsonPath name_path = YM_JSON_PATH_MEMBER(path, "full_product_name");
	YmJsonPath component_path = YM_JSON_PATH_MEMBER(path, "product_reference");
	YmJsonPath platform_path = YM_JSON_PATH_MEMBER(path, "relates_to_product_reference");
	g_autofree gchar *cpe = NULL;
	JsonObject *full_name = NULL;
	const gchar *category = NULL;
	const gchar *component_id = NULL;
	const gchar *platform_id = NULL;
	const gchar *product_id = NULL;
	const gchar *name = NULL;
	CsafProduct *component;
	CsafProduct *platform;
	CsafProduct *product;

	if (!_ym_json_get_string(relation, "category", path, TRUE, YM_CSAF_MAX_NAME, &category,
	                         error) ||
	    !_ym_json_get_string(relation, "product_reference", path, TRUE, YM_CSAF_MAX_NAME,
	                         &component_id, error) ||
	    !_ym_json_get_string(relation, "relates_to_product_reference", path, TRUE,
	                         YM_CSAF_MAX_NAME, &platform_id, error) ||
	    !_ym_json_get_object(relation, "full_product_name", path, TRUE, &full_name, error) ||
	    !csaf_read_full_product_name(self, full_name, &name_path, &product_id, &name, &cpe,
	                                 error))
		return FALSE;
	component = g_hash_table_lookup(self->products, component_id);
	platform = g_hash_table_lookup(self->products, platform_id);
	if (component == NULL || platform == NULL) {
		csaf_note_unknown(self, component == NULL ? &component_path : &platform_path,
		                  component == NULL ? component_id : platform_id);
		return TRUE;
	}
	product = g_new0(CsafProduct, 1);
	product->version = component->version;
	product->range = component->range;
	product->cpe = cpe != NULL ? g_steal_pointer(&cpe) : g_strdup(component->cpe);
	product->platform_cpe = g_strdup(platform->cpe);
	if (g_strcmp0(category, "installed_on") == 0) {
		/* firmware installed on a device: the device is what the
		 * network shows, at the firmware's version; a version of the
		 * device itself is its hardware revision */
		product->vendor = platform->vendor != NULL ? platform->vendor : component->vendor;
		product->product = platform->product;
		product->hw_rev = platform->version;
	} else {
		/* default_component_of, optional_component_of,
		 * external_component_of, installed_with: the component is
		 * the vulnerable product, on or with the platform */
		product->vendor = component->vendor != NULL ? component->vendor : platform->vendor;
		product->product = component->product;
	}
	return csaf_define(self, product_id, product, path, error);
}

static gboolean
csaf_parse_product_tree(CsafParser *self, JsonObject *tree, const YmJsonPath *path, GError **error)
{
	YmJsonPath branches_path = YM_JSON_PATH_MEMBER(path, "branches");
	YmJsonPath names_path = YM_JSON_PATH_MEMBER(path, "full_product_names");
	YmJsonPath relations_path = YM_JSON_PATH_MEMBER(path, "relationships");
	YmJsonPath groups_path = YM_JSON_PATH_MEMBER(path, "product_groups");
	CsafBranchContext root = {NULL};
	JsonArray *branches = NULL;
	JsonArray *names = NULL;
	JsonArray *relations = NULL;
	JsonArray *groups = NULL;

	if (!_ym_json_get_array(tree, "branches", path, FALSE, &branches, error) ||
	    !_ym_json_get_array(tree, "full_product_names", path, FALSE, &names, error) ||
	    !_ym_json_get_array(tree, "relationships", path, FALSE, &relations, error) ||
	    !_ym_json_get_array(tree, "product_groups", path, FALSE, &groups, error))
		return FALSE;
	if (branches != NULL &&
	    !csaf_parse_branches(self, branches, &branches_path, &root, 0, error))
		return FALSE;
	for (guint i = 0; names != NULL && i < json_array_get_length(names); i++) {
		YmJsonPath here = YM_JSON_PATH_INDEX(&names_path, i);
		JsonObject *name = NULL;
		if (!_ym_json_array_get_object(names, i, &names_path, &name, error) ||
		    !csaf_parse_full_product_name(self, name, &here, &root, error))
			return FALSE;
	}
	/* in order, so a relationship may build on an earlier one */
	for (guint i = 0; relations != NULL && i < json_array_get_length(relations); i++) {
		YmJsonPath here = YM_JSON_PATH_INDEX(&relations_path, i);
		JsonObject *relation = NULL;
		if (!_ym_json_array_get_object(relations, i, &relations_path, &relation, error) ||
		    !csaf_parse_relationship(self, relation, &here, error))
			return FALSE;
	}
	for (guint i = 0; groups != NULL && i < json_array_get_length(groups); i++) {
		YmJsonPath here = YM_JSON_PATH_INDEX(&groups_path, i);
		JsonObject *group = NULL;
		JsonArray *ids = NULL;
		const gchar *group_id = NULL;
		if (!_ym_json_array_get_object(groups, i, &groups_path, &group, error) ||
		    !_ym_json_get_string(group, "group_id", &here, TRUE, YM_CSAF_MAX_NAME,
		                         &group_id, error) ||
		    !_ym_json_get_array(group, "product_ids", &here, TRUE, &ids, error))
			return FALSE;
		g_hash_table_insert(self->groups, (gpointer) group_id, ids);
	}
	return TRUE;
}

/* vulnerabilities */

static YmAdvisoryProduct *
csaf_add_entry(CsafParser *self,
               const CsafProduct *product,
               YmProductStatus status,
               const gchar *cve,
               const gchar *product_id,
               const YmJsonPath *path,
               GError **error)
{
	YmAdvisoryProduct *entry;

	if (self->advisory->products->len >= YM_CSAF_MAX_PRODUCTS) {
		_ym_json_set_error(error, path, "more than %u product entries",
		                   (guint) YM_CSAF_MAX_PRODUCTS);
		return NULL;
	}
	entry = ym_advisory_add_product(self->advisory);
	entry->status = status;
	entry->cve = g_strdup(cve);
	entry->vendor = g_strdup(product->vendor);
	entry->product = g_strdup(product->product);
	entry->cpe = g_strdup(product->cpe);
	entry->platform_cpe = g_strdup(product->platform_cpe);
	entry->hw_rev = g_strdup(product->hw_rev);
	entry->start_inclusive = TRUE;
	g_ptr_array_add(self->entry_ids, (gpointer) product_id);
	return entry;
}

/* one entry per VERS interval, else one */
static gboolean
csaf_emit(CsafParser *self,
          const CsafProduct *product,
          YmProductStatus status,
          const gchar *cve,
          const gchar *product_id,
          const YmJsonPath *path,
          GError **error)
{
	YmAdvisoryProduct *entry;

	if (product->vers_valid && !product->vers_all) {
		for (guint i = 0; i < product->vers_ranges->len; i++) {
			YmCsafVersRange *range = g_ptr_array_index(product->vers_ranges, i);
			entry = csaf_add_entry(self, product, status, cve, product_id, path, error);
			if (entry == NULL)
				return FALSE;
			entry->version_exact = g_strdup(range->exact);
			entry->version_start = g_strdup(range->start);
			entry->start_inclusive = range->start == NULL || range->start_inclusive;
			entry->version_end = g_strdup(range->end);
			entry->end_inclusive = range->end_inclusive;
		}
		return TRUE;
	}
	entry = csaf_add_entry(self, product, status, cve, product_id, path, error);
	if (entry == NULL)
		return FALSE;
	if (product->version != NULL)
		entry->version_exact = g_strdup(product->version);
	else if (product->range != NULL && !product->vers_valid)
		entry->version_text = g_strdup(product->range);
	else
		entry->all_versions = TRUE;
	return TRUE;
}

static gboolean
csaf_parse_status(CsafParser *self,
                  JsonObject *status,
                  const YmJsonPath *path,
                  const gchar *cve,
                  GError **error)
{
	/* product_id -> the statuses it had: fixed and first_fixed often
	 * name the same product, which makes one entry */
	g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);

	for (guint s = 0; s < G_N_ELEMENTS(status_lists); s++) {
		YmJsonPath list_path = YM_JSON_PATH_MEMBER(path, status_lists[s].name);
		JsonArray *ids = NULL;
		if (!_ym_json_get_array(status, status_lists[s].name, path, FALSE, &ids, error))
			return FALSE;
		for (guint i = 0; ids != NULL && i < json_array_get_length(ids); i++) {
			YmJsonPath here = YM_JSON_PATH_INDEX(&list_path, i);
			const gchar *product_id = NULL;
			CsafProduct *product;
			guint mask;
			guint bit = 1u << status_lists[s].status;
			if (!_ym_json_array_get_string(ids, i, &list_path, YM_CSAF_MAX_NAME,
			                               &product_id, error))
				return FALSE;
			mask = GPOINTER_TO_UINT(g_hash_table_lookup(seen, product_id));
			if ((mask & bit) != 0)
				continue;
			g_hash_table_insert(seen, (gpointer) product_id,
			                    GUINT_TO_POINTER(mask | bit));
			product = g_hash_table_lookup(self->products, product_id);
			if (product == NULL) {
				csaf_note_unknown(self, &here, product_id);
				continue;
			}
			if (!csaf_emit(self, product, status_lists[s].status, cve, product_id,
			               &here, error))
				return FALSE;
		}
	}
	return TRUE;
}

/* "DS-2CD2xx2F-I Series: V5.4.5 build 170123 and later": CISA lists every
 * product under such a remediation, but the text is for the one named */
static gchar *
fix_text_scope(const gchar *details)
{
	const gchar *colon = strstr(details, ": ");

	if (colon == NULL || colon == details || colon - details > 80 ||
	    memchr(details, '\n', colon - details) != NULL)
		return NULL;
	return g_ascii_strdown(details, colon - details);
}

static gboolean
product_in_scope(const CsafProduct *product, const gchar *scope)
{
	g_autofree gchar *name = NULL;

	if (scope == NULL)
		return TRUE;
	if (product == NULL || product->product == NULL)
		return FALSE;
	name = g_ascii_strdown(product->product, -1);
	return strstr(name, scope) != NULL || strstr(scope, name) != NULL;
}

static void
fix_version_add(CsafParser *self,
                GHashTable *fix_versions,
                const gchar *product_id,
                const gchar *scope,
                const gchar *version)
{
	if (g_hash_table_contains(fix_versions, product_id))
		return;
	if (!product_in_scope(g_hash_table_lookup(self->products, product_id), scope))
		return;
	g_hash_table_insert(fix_versions, (gpointer) product_id, g_strdup(version));
}

/* product_ids plus the members of group_ids, each once, into @fix_versions */
static gboolean
csaf_map_fix_version(CsafParser *self,
                     JsonObject *remediation,
                     const YmJsonPath *path,
                     const gchar *details,
                     GHashTable *fix_versions,
                     GError **error)
{
	YmJsonPath ids_path = YM_JSON_PATH_MEMBER(path, "product_ids");
	YmJsonPath groups_path = YM_JSON_PATH_MEMBER(path, "group_ids");
	g_autofree gchar *version = _ym_csaf_version_from_fix_text(details);
	g_autofree gchar *scope = NULL;
	JsonArray *ids = NULL;
	JsonArray *groups = NULL;

	if (version == NULL)
		return TRUE;
	scope = fix_text_scope(details);
	if (!_ym_json_get_array(remediation, "product_ids", path, FALSE, &ids, error) ||
	    !_ym_json_get_array(remediation, "group_ids", path, FALSE, &groups, error))
		return FALSE;
	for (guint i = 0; ids != NULL && i < json_array_get_length(ids); i++) {
		const gchar *product_id = NULL;
		if (!_ym_json_array_get_string(ids, i, &ids_path, YM_CSAF_MAX_NAME, &product_id,
		                               error))
			return FALSE;
		fix_version_add(self, fix_versions, product_id, scope, version);
	}
	for (guint i = 0; groups != NULL && i < json_array_get_length(groups); i++) {
		const gchar *group_id = NULL;
		JsonArray *members;
		if (!_ym_json_array_get_string(groups, i, &groups_path, YM_CSAF_MAX_NAME, &group_id,
		                               error))
			return FALSE;
		members = g_hash_table_lookup(self->groups, group_id);
		for (guint j = 0; members != NULL && j < json_array_get_length(members); j++) {
			JsonNode *node = json_array_get_element(members, j);
			if (JSON_NODE_HOLDS_VALUE(node) &&
			    json_node_get_value_type(node) == G_TYPE_STRING)
				fix_version_add(self, fix_versions, json_node_get_string(node),
				                scope, version);
		}
	}
	return TRUE;
}

static gboolean
csaf_parse_remediations(CsafParser *self,
                        JsonArray *remediations,
                        const YmJsonPath *path,
                        GHashTable *fix_versions,
                        GError **error)
{
	for (guint i = 0; i < json_array_get_length(remediations); i++) {
		YmJsonPath here = YM_JSON_PATH_INDEX(path, i);
		JsonObject *remediation = NULL;
		const gchar *category_name = NULL;
		const gchar *details = NULL;
		const gchar *url = NULL;
		YmRemediation category;

		if (!_ym_json_array_get_object(remediations, i, path, &remediation, error) ||
		    !_ym_json_get_string(remediation, "category", &here, TRUE, YM_CSAF_MAX_NAME,
		                         &category_name, error) ||
		    !_ym_json_get_string(remediation, "details", &here, FALSE, YM_CSAF_MAX_TEXT,
		                         &details, error) ||
		    !_ym_json_get_string(remediation, "url", &here, FALSE, YM_CSAF_MAX_NAME, &url,
		                         error))
			return FALSE;
		category = ym_remediation_from_string(category_name);
		if (category == YM_REMEDIATION_UNKNOWN) {
			/* CSAF 2.1 adds fix_planned and optional_patch */
			g_debug("%s: remediation category %s ignored", self->advisory->id,
			        category_name);
			continue;
		}
		category =
		    csaf_classify_remediation(category, details, &self->advisory->end_of_life);
		if (category < self->best || self->best == YM_REMEDIATION_UNKNOWN)
			self->best = category;
		/* links for the resident: web pages only */
		if (!_ym_advisory_url_is_web(url))
			url = NULL;
		if (url != NULL && self->any_url == NULL)
			self->any_url = url;
		if (category != YM_REMEDIATION_VENDOR_FIX)
			continue;
		if (url != NULL && self->fix_url == NULL)
			self->fix_url = url;
		if (!csaf_map_fix_version(self, remediation, &here, details, fix_versions, error))
			return FALSE;
	}
	return TRUE;
}

static gboolean
csaf_parse_score(CsafParser *self, JsonObject *score, const YmJsonPath *path, GError **error)
{
	static const gchar *const kinds[] = {"cvss_v3", "cvss_v2"};

	for (guint k = 0; k < G_N_ELEMENTS(kinds); k++) {
		YmJsonPath cvss_path = YM_JSON_PATH_MEMBER(path, kinds[k]);
		YmJsonPath base_path = YM_JSON_PATH_MEMBER(&cvss_path, "baseScore");
		JsonObject *cvss = NULL;
		JsonNode *base;
		const gchar *vector = NULL;
		gdouble value;

		if (!_ym_json_get_object(score, kinds[k], path, FALSE, &cvss, error))
			return FALSE;
		if (cvss == NULL)
			continue;
		if (!_ym_json_get_string(cvss, "vectorString", &cvss_path, FALSE, YM_CSAF_MAX_NAME,
		                         &vector, error))
			return FALSE;
		base = json_object_get_member(cvss, "baseScore");
		if (base == NULL || !JSON_NODE_HOLDS_VALUE(base) ||
		    (json_node_get_value_type(base) != G_TYPE_DOUBLE &&
		     json_node_get_value_type(base) != G_TYPE_INT64)) {
			_ym_json_set_error(error, &base_path, "expected a number");
			return FALSE;
		}
		value = json_node_get_value_type(base) == G_TYPE_DOUBLE
		            ? json_node_get_double(base)
		            : (gdouble) json_node_get_int(base);
		if (!isfinite(value) || value < 0 || value > 10) {
			_ym_json_set_error(error, &base_path, "score %g is not within 0-10", value);
			return FALSE;
		}
		/* the first of equal scores wins: v3 before v2 */
		if (value > self->advisory->cvss) {
			self->advisory->cvss = value;
			g_free(self->advisory->cvss_vector);
			self->advisory->cvss_vector = g_strdup(vector);
		}
	}
	return TRUE;
}

/* the version after a leading "<" of ad-hoc text ("<12.0.4 IF2") */
static gchar *
entry_exclusive_end(const YmAdvisoryProduct *entry)
{
	if (entry->version_end != NULL && !entry->end_inclusive)
		return g_strdup(entry->version_end);
	if (entry->version_text != NULL && entry->version_text[0] == '<' &&
	    entry->version_text[1] != '=')
		return g_strstrip(g_strdup(entry->version_text + 1));
	return NULL;
}

static gchar *
entry_product_key(const YmAdvisoryProduct *entry)
{
	return g_strdup_printf("%s\x1f%s", entry->vendor != NULL ? entry->vendor : "",
	                       entry->product != NULL ? entry->product : "");
}

/* the fixed versions of this vulnerability's fixed entries, by vendor and
 * product, then the best guess for each affected entry (see the header) */
static void
csaf_fill_fixed_versions(CsafParser *self, guint first, GHashTable *fix_versions)
{
	GPtrArray *entries = self->advisory->products;
	g_autoptr(GHashTable) fixed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	                                                    (GDestroyNotify) g_hash_table_unref);

	for (guint i = first; i < entries->len; i++) {
		YmAdvisoryProduct *entry = g_ptr_array_index(entries, i);
		g_autofree gchar *key = NULL;
		GHashTable *versions;
		if (entry->status != YM_PRODUCT_STATUS_FIXED || entry->version_exact == NULL)
			continue;
		key = entry_product_key(entry);
		versions = g_hash_table_lookup(fixed, key);
		if (versions == NULL) {
			versions = g_hash_table_new(g_str_hash, g_str_equal);
			g_hash_table_insert(fixed, g_steal_pointer(&key), versions);
		}
		g_hash_table_add(versions, entry->version_exact);
	}
	for (guint i = first; i < entries->len; i++) {
		YmAdvisoryProduct *entry = g_ptr_array_index(entries, i);
		const gchar *product_id = g_ptr_array_index(self->entry_ids, i - first);
		g_autofree gchar *key = NULL;
		g_autofree gchar *end = NULL;
		GHashTable *versions;
		if (entry->status != YM_PRODUCT_STATUS_AFFECTED)
			continue;
		key = entry_product_key(entry);
		end = entry_exclusive_end(entry);
		versions = g_hash_table_lookup(fixed, key);
		if (versions != NULL && end != NULL && g_hash_table_contains(versions, end)) {
			entry->fixed_version = g_steal_pointer(&end);
		} else if (versions != NULL && g_hash_table_size(versions) == 1) {
			GList *only = g_hash_table_get_keys(versions);
			entry->fixed_version = g_strdup(only->data);
			g_list_free(only);
		} else {
			entry->fixed_version =
			    g_strdup(g_hash_table_lookup(fix_versions, product_id));
		}
	}
}

static gboolean
csaf_parse_vulnerability(CsafParser *self,
                         JsonObject *vulnerability,
                         const YmJsonPath *path,
                         GError **error)
{
	YmJsonPath status_path = YM_JSON_PATH_MEMBER(path, "product_status");
	YmJsonPath remediations_path = YM_JSON_PATH_MEMBER(path, "remediations");
	YmJsonPath scores_path = YM_JSON_PATH_MEMBER(path, "scores");
	g_autoptr(GHashTable) fix_versions =
	    g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
	g_autofree gchar *cve = NULL;
	JsonObject *status = NULL;
	JsonArray *remediations = NULL;
	JsonArray *scores = NULL;
	const gchar *cve_text = NULL;
	guint first = self->advisory->products->len;

	if (!_ym_json_get_string(vulnerability, "cve", path, FALSE, YM_CSAF_MAX_NAME, &cve_text,
	                         error) ||
	    !_ym_json_get_object(vulnerability, "product_status", path, FALSE, &status, error) ||
	    !_ym_json_get_array(vulnerability, "remediations", path, FALSE, &remediations, error) ||
	    !_ym_json_get_array(vulnerability, "scores", path, FALSE, &scores, error))
		return FALSE;
	if (cve_text != NULL && ym_advisory_is_cve_id(cve_text)) {
		cve = g_ascii_strup(cve_text, -1);
		ym_advisory_add_cve(self->advisory, cve);
	} else if (cve_text != NULL) {
		g_debug("%s: ignoring malformed CVE ID %s", self->advisory->id, cve_text);
	}
	g_ptr_array_set_size(self->entry_ids, 0);
	if (status != NULL && !csaf_parse_status(self, status, &status_path, cve, error))
		return FALSE;
	if (remediations != NULL &&
	    !csaf_parse_remediations(self, remediations, &remediations_path, fix_versions, error))
		return FALSE;
	for (guint i = 0; scores != NULL && i < json_array_get_length(scores); i++) {
		YmJsonPath here = YM_JSON_PATH_INDEX(&scores_path, i);
		JsonObject *score = NULL;
		if (!_ym_json_array_get_object(scores, i, &scores_path, &score, error) ||
		    !csaf_parse_score(self, score, &here, error))
			return FALSE;
	}
	csaf_fill_fixed_versions(self, first, fix_versions);
	return TRUE;
}

/* document */

/* the first summary note, else the first description note */
static gboolean
csaf_find_summary(JsonObject *document,
                  const YmJsonPath *path,
                  const gchar **summary,
                  GError **error)
{
	YmJsonPath notes_path = YM_JSON_PATH_MEMBER(path, "notes");
	const gchar *description = NULL;
	JsonArray *notes = NULL;

	*summary = NULL;
	if (!_ym_json_get_array(document, "notes", path, FALSE, &notes, error))
		return FALSE;
	for (guint i = 0; notes != NULL && i < json_array_get_length(notes); i++) {
		YmJsonPath here = YM_JSON_PATH_INDEX(&notes_path, i);
		JsonObject *note = NULL;
		const gchar *category = NULL;
		const gchar *text = NULL;
		if (!_ym_json_array_get_object(notes, i, &notes_path, &note, error) ||
		    !_ym_json_get_string(note, "category", &here, TRUE, YM_CSAF_MAX_NAME, &category,
		                         error) ||
		    !_ym_json_get_string(note, "text", &here, TRUE, YM_CSAF_MAX_TEXT, &text, error))
			return FALSE;
		if (g_strcmp0(category, "summary") == 0 && *summary == NULL)
			*summary = text;
		else if (g_strcmp0(category, "description") == 0 && description == NULL)
			description = text;
	}
	if (*summary == NULL)
		*summary = description;
	return TRUE;
}

static gboolean
csaf_parse_document(CsafParser *self, JsonObject *document, JsonObject *tracking, GError **error)
{
	YmJsonPath document_path = YM_JSON_PATH_MEMBER(NULL, "document");
	YmJsonPath tracking_path = YM_JSON_PATH_MEMBER(&document_path, "tracking");
	const gchar *title = NULL;
	const gchar *lang = NULL;
	const gchar *summary = NULL;
	const gchar *initial = NULL;
	const gchar *current = NULL;
	YmAdvisory *advisory = self->advisory;

	if (!_ym_json_get_string(document, "title", &document_path, FALSE, YM_CSAF_MAX_TEXT, &title,
	                         error) ||
	    !_ym_json_get_string(document, "lang", &document_path, FALSE, YM_CSAF_MAX_NAME, &lang,
	                         error) ||
	    !csaf_find_summary(document, &document_path, &summary, error) ||
	    !_ym_json_get_string(tracking, "initial_release_date", &tracking_path, FALSE,
	                         YM_CSAF_MAX_NAME, &initial, error) ||
	    !_ym_json_get_string(tracking, "current_release_date", &tracking_path, FALSE,
	                         YM_CSAF_MAX_NAME, &current, error))
		return FALSE;
	/* only Japanese has its own fields; German or Dutch text is still
	 * better than none, so it goes into the English ones */
	if (_ym_advisory_json_lang_is(lang, "ja")) {
		advisory->title_ja = g_strdup(title);
		advisory->summary_ja = g_strdup(summary);
	} else {
		advisory->title_en = g_strdup(title);
		advisory->summary_en = g_strdup(summary);
	}
	advisory->published = ym_advisory_parse_time(initial);
	advisory->modified = ym_advisory_parse_time(current);
	return TRUE;
}

/* document.tracking.id and the CSAF version, before anything else */
static gboolean
csaf_parse_header(JsonObject *root,
                  JsonObject **document,
                  JsonObject **tracking,
                  const gchar **id,
                  GError **error)
{
	YmJsonPath document_path = YM_JSON_PATH_MEMBER(NULL, "document");
	YmJsonPath tracking_path = YM_JSON_PATH_MEMBER(&document_path, "tracking");
	const gchar *version = NULL;

	if (!_ym_json_get_object(root, "document", NULL, TRUE, document, error) ||
	    !_ym_json_get_string(*document, "csaf_version", &document_path, TRUE, YM_CSAF_MAX_NAME,
	                         &version, error) ||
	    !_ym_json_get_object(*document, "tracking", &document_path, TRUE, tracking, error) ||
	    !_ym_json_get_string(*tracking, "id", &tracking_path, TRUE, YM_CSAF_MAX_NAME, id,
	                         error))
		return FALSE;
	/* 2.1 documents keep the 2.0 fields we read */
	if (g_strcmp0(version, "2.0") != 0 && g_strcmp0(version, "2.1") != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_NOT_SUPPORTED,
		            "$.document.csaf_version: version %s is not supported", version);
		return FALSE;
	}
	if (**id == '\0') {
		YmJsonPath id_path = YM_JSON_PATH_MEMBER(&tracking_path, "id");
		_ym_json_set_error(error, &id_path, "empty");
		return FALSE;
	}
	return TRUE;
}

static gboolean
csaf_parse_body(CsafParser *self, JsonObject *root, GError **error)
{
	YmJsonPath tree_path = YM_JSON_PATH_MEMBER(NULL, "product_tree");
	YmJsonPath vulnerabilities_path = YM_JSON_PATH_MEMBER(NULL, "vulnerabilities");
	JsonObject *tree = NULL;
	JsonArray *vulnerabilities = NULL;

	if (!_ym_json_get_object(root, "product_tree", NULL, FALSE, &tree, error) ||
	    !_ym_json_get_array(root, "vulnerabilities", NULL, FALSE, &vulnerabilities, error))
		return FALSE;
	if (tree != NULL && !csaf_parse_product_tree(self, tree, &tree_path, error))
		return FALSE;
	for (guint i = 0; vulnerabilities != NULL && i < json_array_get_length(vulnerabilities);
	     i++) {
		YmJsonPath here = YM_JSON_PATH_INDEX(&vulnerabilities_path, i);
		JsonObject *vulnerability = NULL;
		if (!_ym_json_array_get_object(vulnerabilities, i, &vulnerabilities_path,
		                               &vulnerability, error) ||
		    !csaf_parse_vulnerability(self, vulnerability, &here, error))
			return FALSE;
	}
	return TRUE;
}

gboolean
ym_advisory_parse_csaf(const gchar *data,
                       gsize length,
                       YmAdvisorySink sink,
                       gpointer user_data,
                       GError **error)
{
	g_autoptr(JsonObject) root = NULL;
	g_autoptr(CsafParser) self = NULL;
	JsonObject *document = NULL;
	JsonObject *tracking = NULL;
	const gchar *id = NULL;

	g_return_val_if_fail(sink != NULL, FALSE);

	root = _ym_json_load_object(data, length, YM_CSAF_DOCUMENT_MAX_SIZE, error);
	if (root == NULL)
		return FALSE;
	if (!csaf_parse_header(root, &document, &tracking, &id, error))
		return FALSE;
	self = csaf_parser_new();
	self->advisory = ym_advisory_new(YM_ADVISORY_SOURCE_CSAF, id);
	if (!csaf_parse_document(self, document, tracking, error) ||
	    !csaf_parse_body(self, root, error)) {
		g_prefix_error(error, "CSAF %s: ", id);
		return FALSE;
	}
	self->advisory->remediation = self->best;
	self->advisory->remediation_url =
	    g_strdup(self->fix_url != NULL ? self->fix_url : self->any_url);
	if (self->unknown_ids > 0) {
		g_warning("CSAF %s: skipped %u references to product IDs that product_tree does "
		          "not define, the first at %s",
		          id, self->unknown_ids, self->first_unknown);
	}
	return _ym_advisory_json_emit(self->advisory, sink, user_data, error);
}

gboolean
ym_advisory_csaf_sniff(const gchar *data, gsize length)
{
	g_autofree gchar *head = NULL;
	gsize i = 0;

	if (data == NULL)
		return FALSE;
	length = MIN(length, 64 * 1024);
	/* a byte order mark, then whitespace, then an object */
	if (length >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < length && g_ascii_isspace(data[i]))
		i++;
	if (i >= length || data[i] != '{')
		return FALSE;
	head = g_strndup(data, length);
	return strstr(head, "\"csaf_version\"") != NULL && strstr(head, "\"document\"") != NULL;
}
