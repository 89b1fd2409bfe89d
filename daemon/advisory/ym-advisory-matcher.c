/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * matching devices against the advisories table: candidates by normalised
 * vendor, then product (the hardware CPE of an AND configuration when there
 * is one), hardware revision and firmware version; one verdict per CVE,
 * taken from the most trustworthy row (bounds a record states outrank
 * bounds read from its words, which outrank a bare product name)
 */

#define G_LOG_DOMAIN "YmAdvisoryMatcher"

#include "config.h"

#include "ym-advisory-matcher.h"

#include <sqlite3.h>
#include <string.h>

#include "ym-cpe.h"
#include "ym-error.h"
#include "ym-version.h"

/* below this product confidence a match is phrased "may be affected" */
#define YM_MATCH_SURE 0.8

typedef struct {
	const gchar *source;
	const gchar *advisory_id;
	const gchar *cve;
	const gchar *product;       /* what the device model is compared with */
	const gchar *named_product; /* the advisory's product name, for display */
	const gchar *hw_rev;
	const gchar *exact;
	const gchar *start;
	const gchar *end;
	const gchar *version_text;
	const gchar *fixed_version;
	const gchar *remediation_url;
	const gchar *title_en;
	const gchar *title_ja;
	gdouble cvss;
	YmProductStatus status;
	YmRemediation remediation;
	guint all_versions : 1;
	guint start_inclusive : 1;
	guint end_inclusive : 1;
	guint structured : 1;
	guint kev : 1;
	guint end_of_life : 1;
	guint kev_source : 1;
} YmAdvisoryRow;

struct _YmAdvisoryMatcher {
	GObject parent_instance;
	/* owned */
	YmVendorAliases *aliases;
	GStringChunk *strings;
	GArray *rows;          /* YmAdvisoryRow */
	GHashTable *by_vendor; /* normalised vendor -> YmVendorRows */
	GHashTable *kev_cves;  /* CVE -> itself, from the KEV catalogue and markers */
};

G_DEFINE_TYPE(YmAdvisoryMatcher, ym_advisory_matcher, G_TYPE_OBJECT)

/* one vendor's rows by product: a device is compared with each product
 * name once, however many CVEs and advisories name it */
typedef struct {
	GPtrArray *products;    /* interned product names, in load order */
	GHashTable *by_product; /* product -> GArray of row indexes */
} YmVendorRows;

static void
vendor_rows_free(YmVendorRows *rows)
{
	g_ptr_array_unref(rows->products);
	g_hash_table_unref(rows->by_product);
	g_free(rows);
}

static const gchar *const status_names[] = {"affected", "maybe", "fixed", "not_affected"};

const gchar *
ym_match_status_to_string(YmMatchStatus status)
{
	if ((guint) status >= G_N_ELEMENTS(status_names))
		return status_names[YM_MATCH_MAYBE];
	return status_names[status];
}

void
ym_advisory_match_free(YmAdvisoryMatch *match)
{
	if (match == NULL)
		return;
	g_free(match->cve);
	g_free(match->source);
	g_free(match->advisory_id);
	g_free(match->fixed_version);
	g_free(match->remediation_url);
	g_free(match->product);
	g_free(match->version_text);
	g_free(match->title_en);
	g_free(match->title_ja);
	g_free(match);
}

static const gchar *
chunk(YmAdvisoryMatcher *self, gpointer stmt, gint column)
{
	const gchar *text = (const gchar *) sqlite3_column_text(stmt, column);
	if (text == NULL || text[0] == '\0')
		return NULL;
	return g_string_chunk_insert_const(self->strings, text);
}

/* vendor and product of a row: its words, else its CPE's */
static void
row_names(YmAdvisoryMatcher *self,
          gpointer stmt,
          YmAdvisoryRow *row,
          const gchar **vendor_out,
          const gchar *cpe_text,
          const gchar *platform_text)
{
	g_autoptr(YmCpe) cpe = NULL;
	g_autoptr(YmCpe) platform = NULL;
	const gchar *vendor = chunk(self, stmt, 4);

	row->named_product = chunk(self, stmt, 5);
	row->product = row->named_product;
	if (cpe_text != NULL)
		cpe = ym_cpe_parse(cpe_text, NULL);
	if (cpe != NULL && vendor == NULL)
		vendor = g_string_chunk_insert_const(self->strings, cpe->vendor);
	if (cpe != NULL && row->product == NULL)
		row->product = g_string_chunk_insert_const(self->strings, cpe->product);
	/* an AND configuration: the firmware only counts on this hardware */
	if (platform_text != NULL)
		platform = ym_cpe_parse(platform_text, NULL);
	if (platform != NULL && platform->product != NULL)
		row->product = g_string_chunk_insert_const(self->strings, platform->product);
	if (row->named_product == NULL)
		row->named_product = row->product;
	/* CVE records from CNAs that write "n/a" as the vendor name it in the
	 * product instead ("TP-Link Archer AX21 (AX1800)", CVE-2023-1389) */
	if (vendor == NULL && row->named_product != NULL) {
		g_autofree gchar *named =
		    ym_vendor_aliases_vendor_from_product(self->aliases, row->named_product);
		if (named != NULL)
			vendor = g_string_chunk_insert_const(self->strings, named);
	}
	*vendor_out = vendor;
}

static void
index_row(YmAdvisoryMatcher *self, const gchar *vendor, const gchar *product, guint index)
{
	g_autofree gchar *key = NULL;
	YmVendorRows *rows;
	GArray *list;

	if (vendor == NULL || product == NULL)
		return;
	key = ym_vendor_aliases_normalize_vendor(self->aliases, vendor);
	if (key == NULL || key[0] == '\0')
		return;
	rows = g_hash_table_lookup(self->by_vendor, key);
	if (rows == NULL) {
		rows = g_new0(YmVendorRows, 1);
		rows->products = g_ptr_array_new();
		rows->by_product = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
		                                         (GDestroyNotify) g_array_unref);
		g_hash_table_insert(self->by_vendor, g_steal_pointer(&key), rows);
	}
	/* product names are interned: the pointer is the name */
	list = g_hash_table_lookup(rows->by_product, product);
	if (list == NULL) {
		list = g_array_new(FALSE, FALSE, sizeof(guint));
		g_hash_table_insert(rows->by_product, (gpointer) product, list);
		g_ptr_array_add(rows->products, (gpointer) product);
	}
	g_array_append_val(list, index);
}

static const gchar *const sql_rows =
    "SELECT source, advisory_id, cve, status, vendor, product, cpe, platform_cpe, hw_rev, "
    "all_versions, version_exact, version_start, start_inclusive, version_end, end_inclusive, "
    "structured, version_text, fixed_version, remediation, remediation_url, cvss, kev, "
    "end_of_life, title_en, title_ja FROM advisories";

static void
read_row(YmAdvisoryMatcher *self, gpointer stmt)
{
	YmAdvisoryRow row = {0};
	const gchar *vendor = NULL;
	const gchar *status = (const gchar *) sqlite3_column_text(stmt, 3);

	row.source = chunk(self, stmt, 0);
	row.advisory_id = chunk(self, stmt, 1);
	row.cve = chunk(self, stmt, 2);
	row.status = g_strcmp0(status, "fixed") == 0          ? YM_PRODUCT_STATUS_FIXED
	             : g_strcmp0(status, "not_affected") == 0 ? YM_PRODUCT_STATUS_NOT_AFFECTED
	                                                      : YM_PRODUCT_STATUS_AFFECTED;
	row_names(self, stmt, &row, &vendor, (const gchar *) sqlite3_column_text(stmt, 6),
	          (const gchar *) sqlite3_column_text(stmt, 7));
	row.hw_rev = chunk(self, stmt, 8);
	row.all_versions = sqlite3_column_int(stmt, 9) != 0;
	row.exact = chunk(self, stmt, 10);
	row.start = chunk(self, stmt, 11);
	row.start_inclusive = sqlite3_column_int(stmt, 12) != 0;
	row.end = chunk(self, stmt, 13);
	row.end_inclusive = sqlite3_column_int(stmt, 14) != 0;
	row.structured = sqlite3_column_int(stmt, 15) != 0;
	row.version_text = chunk(self, stmt, 16);
	row.fixed_version = chunk(self, stmt, 17);
	row.remediation = ym_remediation_from_string((const gchar *) sqlite3_column_text(stmt, 18));
	row.remediation_url = chunk(self, stmt, 19);
	row.cvss = sqlite3_column_double(stmt, 20);
	row.kev = sqlite3_column_int(stmt, 21) != 0;
	row.end_of_life = sqlite3_column_int(stmt, 22) != 0;
	row.title_en = chunk(self, stmt, 23);
	row.title_ja = chunk(self, stmt, 24);
	row.kev_source = g_strcmp0(row.source, "kev") == 0;
	if (row.kev && row.cve != NULL)
		g_hash_table_add(self->kev_cves, (gpointer) row.cve);
	g_array_append_val(self->rows, row);
	index_row(self, vendor, row.product, self->rows->len - 1);
}

gboolean
ym_advisory_matcher_load(YmAdvisoryMatcher *self, YmStore *store, GError **error)
{
	gpointer stmt;
	gint rc;

	g_return_val_if_fail(YM_IS_ADVISORY_MATCHER(self), FALSE);
	g_array_set_size(self->rows, 0);
	g_hash_table_remove_all(self->by_vendor);
	g_hash_table_remove_all(self->kev_cves);
	g_string_chunk_clear(self->strings);

	stmt = ym_store_prepare(store, sql_rows, error);
	if (stmt == NULL)
		return FALSE;
	while ((rc = ym_store_step_row(store, stmt, error)) > 0)
		read_row(self, stmt);
	if (rc < 0) {
		g_prefix_error_literal(error, "loading advisories: ");
		return FALSE;
	}
	return TRUE;
}

guint
ym_advisory_matcher_get_n_rows(YmAdvisoryMatcher *self)
{
	g_return_val_if_fail(YM_IS_ADVISORY_MATCHER(self), 0);
	return self->rows->len;
}

/* how sure a model family with placeholders is: "may be affected" below */
#define YM_MATCH_SERIES_WILDCARD 0.8

/* lower-case letters and digits only, as ym_product_normalize() keeps */
static gchar *
squeeze(const gchar *text, gsize length)
{
	GString *out = g_string_sized_new(length);
	for (gsize i = 0; i < length && text[i] != '\0'; i++) {
		if (g_ascii_isalnum(text[i]))
			g_string_append_c(out, g_ascii_tolower(text[i]));
	}
	return g_string_free(out, FALSE);
}

/* vendors name model families with placeholders: "DS-2CD2xx2FWD Series",
 * "RLC-4XX series"; an x next to a digit or another x stands for any
 * character when the name says it is a series or the x's come in runs;
 * the device's model may go on after the family ("DS-2CD2432FWD-IW") */
static gdouble
series_match(const gchar *family, const gchar *model)
{
	g_autofree gchar *lower = g_ascii_strdown(family, -1);
	g_autofree gchar *pattern = NULL;
	g_autofree gchar *device = NULL;
	const gchar *series = strstr(lower, "series");
	gboolean is_series = series != NULL || strstr(lower, "シリーズ") != NULL;
	gboolean has_run = strstr(lower, "xx") != NULL;
	gsize digits = 0;
	gsize wildcards = 0;
	gsize n;

	if (!is_series && !has_run)
		return 0;
	pattern = squeeze(lower, series != NULL ? (gsize) (series - lower) : strlen(lower));
	device = squeeze(model, strlen(model));
	n = strlen(pattern);
	if (n < 4 || strlen(device) < n)
		return 0;
	for (gsize i = 0; i < n; i++) {
		gboolean near_digit =
		    (i > 0 && (g_ascii_isdigit(pattern[i - 1]) || pattern[i - 1] == 'x')) ||
		    (i + 1 < n && g_ascii_isdigit(pattern[i + 1]));
		/* "DS-2DFx Series": a family ending in x */
		gboolean at_end = is_series && i + 1 == n;
		if (pattern[i] == 'x' && (near_digit || at_end) && g_ascii_isalnum(device[i])) {
			wildcards++;
			continue;
		}
		if (pattern[i] != device[i])
			return 0;
		if (g_ascii_isdigit(pattern[i]))
			digits++;
	}
	/* a family is more than its placeholders */
	return wildcards > 0 && digits > 0 ? YM_MATCH_SERIES_WILDCARD : 0;
}

/* "V1", "v1.0", "Ver.1" all say hardware version 1 */
static gboolean
hw_rev_equal(const gchar *a, const gchar *b)
{
	return ym_version_compare(a, b) == 0;
}

/* bounds a record states are taken at their word: the NVD's "before 1.1.4"
 * means 1.1.4 of any build has the fix, where the same words in free text
 * leave that open */
static gint
structured_in_range(const YmAdvisoryRow *row, const gchar *firmware)
{
	gint cmp;
	if (!ym_version_is_comparable(firmware))
		return -1;
	if (row->exact != NULL)
		return ym_version_compare(firmware, row->exact) == 0 ? 1 : 0;
	if (row->start != NULL) {
		cmp = ym_version_compare(firmware, row->start);
		if (row->start_inclusive ? cmp < 0 : cmp <= 0)
			return 0;
	}
	if (row->end != NULL) {
		cmp = ym_version_compare(firmware, row->end);
		if (row->end_inclusive ? cmp > 0 : cmp >= 0)
			return 0;
	}
	return 1;
}

/* the verdict of one row for the device, or FALSE when it says nothing */
static gboolean
judge_row(const YmAdvisoryRow *row,
          const YmDeviceIdentity *identity,
          gdouble product_confidence,
          YmMatchStatus *status,
          gdouble *confidence)
{
	gdouble weight = row->structured ? 1.0 : 0.8;
	gboolean has_range =
	    row->all_versions || row->exact != NULL || row->start != NULL || row->end != NULL;
	gint inside = -1;

	if (row->all_versions)
		inside = 1;
	else if (has_range && identity->firmware != NULL)
		inside = ym_version_in_range(identity->firmware, FALSE, row->exact, row->start,
		                             row->start_inclusive, row->end, row->end_inclusive);
	if (inside < 0 && has_range && row->structured && identity->firmware != NULL)
		inside = structured_in_range(row, identity->firmware);
	if (row->hw_rev != NULL && identity->hw_rev == NULL)
		weight *= 0.8;
	if (row->kev_source)
		weight = 0.4;

	switch (row->status) {
	case YM_PRODUCT_STATUS_FIXED:
		if (inside != 1)
			return FALSE;
		*status = YM_MATCH_FIXED;
		break;
	case YM_PRODUCT_STATUS_NOT_AFFECTED:
		if (inside != 1)
			return FALSE;
		*status = YM_MATCH_NOT_AFFECTED;
		break;
	case YM_PRODUCT_STATUS_AFFECTED:
	case YM_PRODUCT_STATUS_LAST:
	default:
		if (inside == 1) {
			*status = YM_MATCH_AFFECTED;
		} else if (inside == 0) {
			/* past the end of the range: the fix is installed */
			gboolean past_end = row->end != NULL &&
			                    ym_version_compare(identity->firmware, row->end) >= 0;
			*status = past_end ? YM_MATCH_FIXED : YM_MATCH_NOT_AFFECTED;
		} else {
			*status = YM_MATCH_MAYBE;
			weight *= 0.5;
		}
		break;
	}
	*confidence = product_confidence * weight;
	if (*status == YM_MATCH_AFFECTED && product_confidence < YM_MATCH_SURE)
		*status = YM_MATCH_MAYBE;
	return TRUE;
}

/* on a tie, the source whose statement is the most structured: NVD's
 * analysed CPE configurations, the vendor's or CERT's CSAF, the CNA's CVE
 * record, JVN's words, KEV's bare names */
static guint
source_rank(const gchar *source)
{
	static const gchar *const order[] = {"nvd", "csaf", "cve5", "jvn", "kev"};
	for (guint i = 0; i < G_N_ELEMENTS(order); i++) {
		if (g_strcmp0(source, order[i]) == 0)
			return i;
	}
	return G_N_ELEMENTS(order);
}

/* a verdict is replaced by a more trustworthy one; KEV's bare names only
 * speak for a CVE no other source describes; equal ones are decided by
 * status, source and advisory, never by the order rows were stored in, so
 * the answer does not depend on which file was imported first */
static gboolean
better_verdict(const YmAdvisoryRow *row,
               YmMatchStatus status,
               gdouble confidence,
               const YmAdvisoryMatch *current)
{
	guint rank;
	guint current_rank;

	if (current == NULL)
		return TRUE;
	if (confidence > current->confidence + 1e-9)
		return TRUE;
	if (confidence < current->confidence - 1e-9)
		return FALSE;
	if (status != current->status)
		return status < current->status;
	rank = source_rank(row->source);
	current_rank = source_rank(current->source);
	if (rank != current_rank)
		return rank < current_rank;
	return g_strcmp0(row->advisory_id, current->advisory_id) < 0;
}

/* "4.x", "5.4.*": a bound with a wildcard names a family of releases
 * (ym_version_compare() rule 7), not one a resident can install */
static gboolean
has_wildcard(const gchar *version)
{
	for (const gchar *p = version; *p != '\0';) {
		const gchar *start = p;
		if (*p == '*')
			return TRUE;
		if (!g_ascii_isalpha(*p)) {
			p++;
			continue;
		}
		while (*p == 'x' || *p == 'X')
			p++;
		if (p > start && !g_ascii_isalpha(*p))
			return TRUE;
		while (g_ascii_isalpha(*p))
			p++;
	}
	return FALSE;
}

static YmAdvisoryMatch *
match_new(YmAdvisoryMatcher *self,
          const YmAdvisoryRow *row,
          YmMatchStatus status,
          gdouble confidence)
{
	YmAdvisoryMatch *match = g_new0(YmAdvisoryMatch, 1);
	const gchar *fixed = row->fixed_version;

	/* "before 1.1.4": 1.1.4 has the fix; "<4.x" says no release */
	if (fixed == NULL && row->end != NULL && !row->end_inclusive && !has_wildcard(row->end))
		fixed = row->end;
	match->cve = g_strdup(row->cve);
	match->source = g_strdup(row->source);
	match->advisory_id = g_strdup(row->advisory_id);
	match->status = status;
	match->confidence = confidence;
	match->kev =
	    row->kev || (row->cve != NULL && g_hash_table_contains(self->kev_cves, row->cve));
	match->end_of_support =
	    row->end_of_life || row->remediation == YM_REMEDIATION_NO_FIX_PLANNED;
	match->fixed_version = g_strdup(fixed);
	match->remediation = row->remediation;
	match->remediation_url = g_strdup(row->remediation_url);
	match->cvss = row->cvss;
	match->product = g_strdup(row->named_product);
	match->version_text = g_strdup(row->version_text);
	match->title_en = g_strdup(row->title_en);
	match->title_ja = g_strdup(row->title_ja);
	return match;
}

/* fills what the chosen row left empty from the other rows of its CVE:
 * KEV marks, end of life, the remediation, the vendor's page, the highest
 * score */
static void
merge_facts(YmAdvisoryMatch *match, const YmAdvisoryRow *row)
{
	match->kev |= row->kev;
	match->end_of_support |= row->end_of_life;
	/* KEV's "apply updates per vendor instructions" for an NVD verdict */
	if (match->remediation == YM_REMEDIATION_UNKNOWN) {
		match->remediation = row->remediation;
		match->end_of_support |= row->remediation == YM_REMEDIATION_NO_FIX_PLANNED;
	}
	if (match->remediation_url == NULL && row->remediation_url != NULL)
		match->remediation_url = g_strdup(row->remediation_url);
	if (match->title_ja == NULL && row->title_ja != NULL)
		match->title_ja = g_strdup(row->title_ja);
	if (match->title_en == NULL && row->title_en != NULL)
		match->title_en = g_strdup(row->title_en);
	match->cvss = MAX(match->cvss, row->cvss);
}

static gint
compare_matches(gconstpointer a, gconstpointer b)
{
	const YmAdvisoryMatch *x = *(YmAdvisoryMatch *const *) a;
	const YmAdvisoryMatch *y = *(YmAdvisoryMatch *const *) b;
	if (x->status != y->status)
		return x->status < y->status ? -1 : 1;
	if (x->kev != y->kev)
		return x->kev ? -1 : 1;
	if (x->cvss != y->cvss)
		return x->cvss > y->cvss ? -1 : 1;
	return g_strcmp0(x->cve != NULL ? x->cve : x->advisory_id,
	                 y->cve != NULL ? y->cve : y->advisory_id);
}

GPtrArray *
ym_advisory_matcher_match(YmAdvisoryMatcher *self, const YmDeviceIdentity *identity)
{
	g_autoptr(GHashTable) verdicts = NULL; /* CVE or advisory -> YmAdvisoryMatch */
	g_autoptr(GPtrArray) facts = g_ptr_array_new();
	g_autofree gchar *vendor = NULL;
	GPtrArray *result = g_ptr_array_new_with_free_func((GDestroyNotify) ym_advisory_match_free);
	GHashTableIter iter;
	gpointer verdict_key;
	gpointer value;
	YmVendorRows *candidates;

	g_return_val_if_fail(YM_IS_ADVISORY_MATCHER(self), result);
	if (identity->vendor == NULL || identity->model == NULL)
		return result;
	vendor = ym_vendor_aliases_normalize_vendor(self->aliases, identity->vendor);
	candidates = vendor != NULL ? g_hash_table_lookup(self->by_vendor, vendor) : NULL;
	if (candidates == NULL)
		return result;

	verdicts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	                                 (GDestroyNotify) ym_advisory_match_free);
	for (guint p = 0; p < candidates->products->len; p++) {
		const gchar *product = g_ptr_array_index(candidates->products, p);
		GArray *rows = g_hash_table_lookup(candidates->by_product, product);
		gdouble product_confidence = ym_product_match(product, identity->model);

		if (product_confidence <= 0)
			product_confidence = series_match(product, identity->model);
		if (product_confidence <= 0)
			continue;
		for (guint i = 0; i < rows->len; i++) {
			const YmAdvisoryRow *row = &g_array_index(self->rows, YmAdvisoryRow,
			                                          g_array_index(rows, guint, i));
			YmAdvisoryMatch *current;
			YmMatchStatus status;
			g_autofree gchar *key = NULL;
			gdouble confidence;

			if (row->hw_rev != NULL && identity->hw_rev != NULL &&
			    !hw_rev_equal(row->hw_rev, identity->hw_rev))
				continue;
			g_ptr_array_add(facts, (gpointer) row);
			if (!judge_row(row, identity, product_confidence, &status, &confidence))
				continue;
			key = row->cve != NULL
			          ? g_strdup(row->cve)
			          : g_strconcat(row->source, ":", row->advisory_id, NULL);
			current = g_hash_table_lookup(verdicts, key);
			if (!better_verdict(row, status, confidence, current))
				continue;
			g_hash_table_replace(verdicts, g_steal_pointer(&key),
			                     match_new(self, row, status, confidence));
		}
	}
	for (guint i = 0; i < facts->len; i++) {
		const YmAdvisoryRow *row = g_ptr_array_index(facts, i);
		YmAdvisoryMatch *match;
		if (row->cve == NULL)
			continue;
		match = g_hash_table_lookup(verdicts, row->cve);
		if (match != NULL)
			merge_facts(match, row);
	}
	g_hash_table_iter_init(&iter, verdicts);
	while (g_hash_table_iter_next(&iter, &verdict_key, &value)) {
		/* stealing frees neither: the match moves, the key goes */
		g_ptr_array_add(result, value);
		g_hash_table_iter_steal(&iter);
		g_free(verdict_key);
	}
	g_ptr_array_sort(result, compare_matches);
	return result;
}

YmAdvisoryMatcher *
ym_advisory_matcher_new(YmVendorAliases *aliases)
{
	YmAdvisoryMatcher *self = g_object_new(YM_TYPE_ADVISORY_MATCHER, NULL);
	self->aliases = g_object_ref(aliases);
	return self;
}

static void
ym_advisory_matcher_finalize(GObject *object)
{
	YmAdvisoryMatcher *self = YM_ADVISORY_MATCHER(object);
	g_clear_object(&self->aliases);
	g_hash_table_unref(self->by_vendor);
	g_hash_table_unref(self->kev_cves);
	g_array_unref(self->rows);
	g_string_chunk_free(self->strings);
	G_OBJECT_CLASS(ym_advisory_matcher_parent_class)->finalize(object);
}

static void
ym_advisory_matcher_class_init(YmAdvisoryMatcherClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->finalize = ym_advisory_matcher_finalize;
}

static void
ym_advisory_matcher_init(YmAdvisoryMatcher *self)
{
	self->strings = g_string_chunk_new(64 * 1024);
	self->rows = g_array_new(FALSE, FALSE, sizeof(YmAdvisoryRow));
	self->by_vendor = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	                                        (GDestroyNotify) vendor_rows_free);
	self->kev_cves = g_hash_table_new(g_str_hash, g_str_equal);
}
