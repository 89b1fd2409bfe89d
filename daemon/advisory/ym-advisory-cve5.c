/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * CVE JSON 5.x records (https://github.com/CVEProject/cve-schema):
 * {dataType "CVE_RECORD", dataVersion, cveMetadata {cveId, state,
 * datePublished, dateUpdated}, containers {cna {title, descriptions,
 * affected, metrics, references, tags, problemTypes}, adp [{…}]}}.
 *
 * Errors: a member of the wrong JSON type fails the parse with its path
 * ("containers.adp[0].affected[1].cpes[0]: expected a string"); values of
 * the right type that we cannot use (a CPE that is neither 2.3 nor 2.2, a
 * version entry without a status, a score outside 0–10) skip that one entry
 * with a g_warning. problemTypes, timeline, credits and x_legacyV4Record
 * are not read, so they cannot fail the parse.
 *
 * Products: one per affected[] entry, CPE (each of cpes[], or none) and
 * versions[] item, from the CNA and from every ADP container (the CISA
 * Vulnrichment ADP often adds the CPE and a bound the CNA wrote as text):
 *  - "n/a" or empty vendor/product become NULL; an entry with no vendor,
 *    product or CPE (the all-"n/a" MITRE-era records) gives no product:
 *    the advisory is still emitted and joins other sources by CVE;
 *  - when the ADP copied a CPE attribute as the name ("ud-lt1\/ex_firmware")
 *    the name is the unescaped attribute ("ud-lt1/ex_firmware"), as it is
 *    when the name is "n/a" and a CPE is given;
 *  - status affected → AFFECTED, unaffected → NOT_AFFECTED, unknown and
 *    versionType git (commit ids, not comparable) are skipped;
 *  - lessThan / lessThanOrEqual give the end bound (exclusive/inclusive,
 *    "*" is open) and version the inclusive start, unless the version is
 *    "0", "n/a", "*", "-" or empty, which means from the beginning;
 *  - without a bound: such an open version means all_versions; a date
 *    (versionType date, or YYYYMMDD / YYYY-MM-DD such as VulDB's
 *    "20240403", meaning "up to the disclosure date") means all_versions
 *    with version_text "20240403 (date)"; free text (white space, one of
 *    "<>=,;()", non-ASCII: "Ver.1.21 and earlier") goes to version_text
 *    with no bounds for ym_version_range_parse_text() at ingest; anything
 *    else is version_exact;
 *  - defaultStatus affected adds one all_versions AFFECTED product next to
 *    the listed (usually unaffected) versions; an entry with no versions
 *    and no such default is affected with no version information;
 *  - "changes" inside a version item are ignored (g_debug): consumer
 *    firmware does not use them and ignoring them only widens the range.
 * The score is the highest of cvssV4_0/V3_1/V3_0 in the CNA container, or
 * in the ADP containers when the CNA gave none (on equal scores the newer
 * CVSS version wins). An ADP metrics[].other of type "kev" sets kev. The
 * tag unsupported-when-assigned (CNA or ADP) sets end_of_life and
 * NO_FIX_PLANNED. The first reference tagged vendor-advisory or patch (CNA
 * before ADP) is remediation_url; a patch tag gives VENDOR_FIX.
 */

#define G_LOG_DOMAIN "YmAdvisoryCve5"

#include "config.h"

#include "ym-advisory-cve5.h"

#include <string.h>

#include "common/ym-error.h"
#include "ym-advisory-json-private.h"

/* newest first, with its rank for ties */
static const gchar *const cve5_metric_keys[] = {"cvssV4_0", "cvssV3_1", "cvssV3_0"};

typedef struct {
	gboolean found;
	gdouble score;
	guint rank; /* index in cve5_metric_keys, lower is newer */
	const gchar *vector;
} Cve5Score;

/* one affected[] entry, names already cleaned */
typedef struct {
	const gchar *vendor;
	const gchar *product;
	const gchar *cpe; /* normalised 2.3, or NULL */
} Cve5Target;
/* "n/a" is what the CVE form puts where nothing was known */
static const gchar *
cve5_name(const gchar *text)
{
	if (_ym_advisory_json_nonempty(text) == NULL || g_ascii_strcasecmp(text, "n/a") == 0)
		return NULL;
	return text;
}

static gboolean
cve5_version_is_open(const gchar *version)
{
	const gchar *open[] = {"0", "n/a", "*", "-", "unspecified"};
	if (_ym_advisory_json_nonempty(version) == NULL)
		return TRUE;
	for (guint i = 0; i < G_N_ELEMENTS(open); i++) {
		if (g_ascii_strcasecmp(version, open[i]) == 0)
			return TRUE;
	}
	return FALSE;
}

static gboolean
cve5_version_is_date(const gchar *version, const gchar *version_type)
{
	g_autofree gchar *digits = NULL;
	gint64 year;
	gint64 month;
	gint64 day;

	if (g_strcmp0(version_type, "date") == 0)
		return TRUE;
	if (strlen(version) == 10 && version[4] == '-' && version[7] == '-')
		digits = g_strdup_printf("%.4s%.2s%.2s", version, version + 5, version + 8);
	else
		digits = g_strdup(version);
	if (strlen(digits) != 8)
		return FALSE;
	for (guint i = 0; i < 8; i++) {
		if (!g_ascii_isdigit(digits[i]))
			return FALSE;
	}
	year = g_ascii_strtoll(digits, NULL, 10) / 10000;
	month = g_ascii_strtoll(digits, NULL, 10) / 100 % 100;
	day = g_ascii_strtoll(digits, NULL, 10) % 100;
	return year >= 1990 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

static gboolean
cve5_version_is_free_text(const gchar *version)
{
	if (strlen(version) > 64)
		return TRUE;
	for (const gchar *p = version; *p != '\0'; p++) {
		if (g_ascii_isspace(*p) || strchr("<>=,;()", *p) != NULL || (guchar) *p >= 0x80)
			return TRUE;
	}
	return FALSE;
}
static gboolean
cve5_parse_score(JsonObject *cvss, const gchar *path, guint rank, Cve5Score *best, GError **error)
{
	const gchar *vector = NULL;
	gdouble score = 0;
	gboolean present = FALSE;

	if (!_ym_advisory_json_get_cvss(G_LOG_DOMAIN, cvss, path, &score, &vector, &present, error))
		return FALSE;
	if (!present)
		return TRUE;
	if (!best->found || score > best->score || (score == best->score && rank < best->rank)) {
		best->found = TRUE;
		best->score = score;
		best->rank = rank;
		best->vector = vector;
	}
	return TRUE;
}

static gboolean
cve5_parse_metric(JsonObject *metric,
                  const gchar *path,
                  YmAdvisory *advisory,
                  Cve5Score *best,
                  GError **error)
{
	JsonObject *other = NULL;
	g_autofree gchar *other_path = _ym_advisory_json_path(path, "other");
	const gchar *type = NULL;

	for (guint k = 0; k < G_N_ELEMENTS(cve5_metric_keys); k++) {
		JsonObject *cvss = NULL;
		g_autofree gchar *cvss_path = _ym_advisory_json_path(path, cve5_metric_keys[k]);
		if (!_ym_advisory_json_get_object(metric, path, cve5_metric_keys[k],
		                                  YM_ADVISORY_JSON_OPTIONAL, &cvss, error))
			return FALSE;
		if (cvss != NULL && !cve5_parse_score(cvss, cvss_path, k, best, error))
			return FALSE;
	}
	/* CISA Vulnrichment: {"other": {"type": "kev", "content": {dateAdded…}}} */
	if (!_ym_advisory_json_get_object(metric, path, "other", YM_ADVISORY_JSON_OPTIONAL, &other,
	                                  error))
		return FALSE;
	if (other == NULL)
		return TRUE;
	if (!_ym_advisory_json_get_string(other, other_path, "type", YM_ADVISORY_JSON_OPTIONAL,
	                                  &type, error))
		return FALSE;
	if (g_strcmp0(type, "kev") == 0)
		advisory->kev = TRUE;
	return TRUE;
}

static gboolean
cve5_parse_metrics(JsonObject *container,
                   const gchar *path,
                   YmAdvisory *advisory,
                   Cve5Score *best,
                   GError **error)
{
	JsonArray *metrics = NULL;
	g_autofree gchar *array_path = _ym_advisory_json_path(path, "metrics");

	if (!_ym_advisory_json_get_array(container, path, "metrics", YM_ADVISORY_JSON_OPTIONAL,
	                                 &metrics, error))
		return FALSE;
	for (guint i = 0; metrics != NULL && i < json_array_get_length(metrics); i++) {
		g_autofree gchar *item_path = _ym_advisory_json_path_index(array_path, i);
		JsonObject *metric = NULL;
		if (!_ym_advisory_json_element_object(metrics, array_path, i, &metric, error))
			return FALSE;
		if (!cve5_parse_metric(metric, item_path, advisory, best, error))
			return FALSE;
	}
	return TRUE;
}
/* the published name, or the unescaped CPE attribute when the name is
 * missing or is that attribute copied with its escapes */
static gchar *
cve5_pick_name(const gchar *published, const gchar *attribute)
{
	if (attribute != NULL && (published == NULL || g_strcmp0(published, attribute) == 0))
		return _ym_advisory_cpe_unescape(attribute);
	return g_strdup(published);
}

static YmAdvisoryProduct *
cve5_add_product(YmAdvisory *advisory,
                 const gchar *path,
                 const Cve5Target *target,
                 YmProductStatus status,
                 GError **error)
{
	YmAdvisoryProduct *product = _ym_advisory_json_add_product(advisory, path, error);
	g_auto(GStrv) attributes = NULL;

	if (product == NULL)
		return NULL;
	if (target->cpe != NULL)
		attributes = _ym_advisory_cpe_split(target->cpe);
	product->status = status;
	product->vendor =
	    cve5_pick_name(target->vendor, attributes != NULL ? attributes[YM_CPE_VENDOR] : NULL);
	product->product =
	    cve5_pick_name(target->product, attributes != NULL ? attributes[YM_CPE_PRODUCT] : NULL);
	product->cpe = g_strdup(target->cpe);
	return product;
}

static void
cve5_fill_range(YmAdvisoryProduct *product,
                const gchar *version,
                const gchar *version_type,
                const gchar *less_than,
                const gchar *less_equal)
{
	if (less_than != NULL || less_equal != NULL) {
		const gchar *end = less_than != NULL ? less_than : less_equal;
		if (!cve5_version_is_open(version)) {
			product->version_start = g_strdup(version);
			product->start_inclusive = TRUE;
		}
		if (g_strcmp0(end, "*") != 0) {
			product->version_end = g_strdup(end);
			product->end_inclusive = less_than == NULL;
		}
		product->all_versions =
		    product->version_start == NULL && product->version_end == NULL;
	} else if (cve5_version_is_open(version)) {
		product->all_versions = TRUE;
	} else if (cve5_version_is_date(version, version_type)) {
		product->all_versions = TRUE;
		product->version_text = g_strdup_printf("%s (date)", version);
	} else if (cve5_version_is_free_text(version)) {
		product->version_text = g_strdup(version);
	} else {
		product->version_exact = g_strdup(version);
	}
}

static gboolean
cve5_parse_version(JsonObject *item,
                   const gchar *path,
                   YmAdvisory *advisory,
                   const Cve5Target *target,
                   GError **error)
{
	YmAdvisoryProduct *product;
	YmProductStatus status;
	const gchar *members[] = {"version", "status", "lessThan", "lessThanOrEqual",
	                          "versionType"};
	const gchar *values[G_N_ELEMENTS(members)] = {NULL};
	enum { VERSION, STATUS, LESS_THAN, LESS_EQUAL, TYPE };

	for (guint i = 0; i < G_N_ELEMENTS(members); i++) {
		if (!_ym_advisory_json_get_string(item, path, members[i], YM_ADVISORY_JSON_OPTIONAL,
		                                  &values[i], error))
			return FALSE;
		values[i] = _ym_advisory_json_nonempty(values[i]);
	}
	if (g_strcmp0(values[STATUS], "affected") == 0) {
		status = YM_PRODUCT_STATUS_AFFECTED;
	} else if (g_strcmp0(values[STATUS], "unaffected") == 0) {
		status = YM_PRODUCT_STATUS_NOT_AFFECTED;
	} else if (g_strcmp0(values[STATUS], "unknown") == 0) {
		g_debug("%s: status unknown, skipped", path);
		return TRUE;
	} else {
		g_warning("%s.status: not affected, unaffected or unknown, entry skipped", path);
		return TRUE;
	}
	if (g_strcmp0(values[TYPE], "git") == 0) {
		g_debug("%s: git commit range, skipped", path);
		return TRUE;
	}
	if (json_object_has_member(item, "changes"))
		g_debug("%s.changes: ignored", path);
	product = cve5_add_product(advisory, path, target, status, error);
	if (product == NULL)
		return FALSE;
	cve5_fill_range(product, values[VERSION], values[TYPE], values[LESS_THAN],
	                values[LESS_EQUAL]);
	return TRUE;
}

static gboolean
cve5_parse_target(const gchar *path,
                  YmAdvisory *advisory,
                  const Cve5Target *target,
                  const gchar *default_status,
                  JsonArray *versions,
                  GError **error)
{
	g_autofree gchar *array_path = _ym_advisory_json_path(path, "versions");
	guint n_versions = versions != NULL ? json_array_get_length(versions) : 0;

	if (g_strcmp0(default_status, "affected") == 0) {
		YmAdvisoryProduct *product =
		    cve5_add_product(advisory, path, target, YM_PRODUCT_STATUS_AFFECTED, error);
		if (product == NULL)
			return FALSE;
		product->all_versions = TRUE;
	} else if (n_versions == 0 && g_strcmp0(default_status, "unaffected") != 0) {
		/* named as affected, but with no version information at all */
		if (cve5_add_product(advisory, path, target, YM_PRODUCT_STATUS_AFFECTED, error) ==
		    NULL)
			return FALSE;
	}
	for (guint i = 0; i < n_versions; i++) {
		g_autofree gchar *item_path = _ym_advisory_json_path_index(array_path, i);
		JsonObject *item = NULL;
		if (!_ym_advisory_json_element_object(versions, array_path, i, &item, error))
			return FALSE;
		if (!cve5_parse_version(item, item_path, advisory, target, error))
			return FALSE;
	}
	return TRUE;
}

static gboolean
cve5_parse_cpes(JsonObject *entry, const gchar *path, GPtrArray *cpes, GError **error)
{
	JsonArray *array = NULL;
	g_autofree gchar *array_path = _ym_advisory_json_path(path, "cpes");

	if (!_ym_advisory_json_get_array(entry, path, "cpes", YM_ADVISORY_JSON_OPTIONAL, &array,
	                                 error))
		return FALSE;
	for (guint i = 0; array != NULL && i < json_array_get_length(array); i++) {
		const gchar *text = NULL;
		gchar *cpe;
		if (!_ym_advisory_json_element_string(array, array_path, i, &text, error))
			return FALSE;
		cpe = _ym_advisory_cpe_normalise(text);
		if (cpe == NULL) {
			g_warning("%s[%u]: not a CPE name, ignored", array_path, i);
			continue;
		}
		g_ptr_array_add(cpes, cpe);
	}
	return TRUE;
}

static gboolean
cve5_parse_affected_entry(JsonObject *entry,
                          const gchar *path,
                          YmAdvisory *advisory,
                          GError **error)
{
	g_autoptr(GPtrArray) cpes = g_ptr_array_new_with_free_func(g_free);
	JsonArray *versions = NULL;
	const gchar *members[] = {"vendor", "product", "packageName", "defaultStatus"};
	const gchar *values[G_N_ELEMENTS(members)] = {NULL};
	enum { VENDOR, PRODUCT, PACKAGE, DEFAULT_STATUS };
	Cve5Target target = {NULL};

	for (guint i = 0; i < G_N_ELEMENTS(members); i++) {
		if (!_ym_advisory_json_get_string(entry, path, members[i],
		                                  YM_ADVISORY_JSON_OPTIONAL, &values[i], error))
			return FALSE;
	}
	if (!_ym_advisory_json_get_array(entry, path, "versions", YM_ADVISORY_JSON_OPTIONAL,
	                                 &versions, error) ||
	    !cve5_parse_cpes(entry, path, cpes, error))
		return FALSE;
	target.vendor = cve5_name(values[VENDOR]);
	target.product = cve5_name(values[PRODUCT]);
	if (target.product == NULL)
		target.product = cve5_name(values[PACKAGE]);
	if (target.vendor == NULL && target.product == NULL && cpes->len == 0) {
		g_debug("%s: no vendor, product or CPE, skipped", path);
		return TRUE;
	}
	if (cpes->len == 0)
		return cve5_parse_target(path, advisory, &target, values[DEFAULT_STATUS], versions,
		                         error);
	for (guint i = 0; i < cpes->len; i++) {
		target.cpe = g_ptr_array_index(cpes, i);
		if (!cve5_parse_target(path, advisory, &target, values[DEFAULT_STATUS], versions,
		                       error))
			return FALSE;
	}
	return TRUE;
}

static gboolean
cve5_parse_affected(JsonObject *container, const gchar *path, YmAdvisory *advisory, GError **error)
{
	JsonArray *affected = NULL;
	g_autofree gchar *array_path = _ym_advisory_json_path(path, "affected");

	if (!_ym_advisory_json_get_array(container, path, "affected", YM_ADVISORY_JSON_OPTIONAL,
	                                 &affected, error))
		return FALSE;
	for (guint i = 0; affected != NULL && i < json_array_get_length(affected); i++) {
		g_autofree gchar *item_path = _ym_advisory_json_path_index(array_path, i);
		JsonObject *entry = NULL;
		if (!_ym_advisory_json_element_object(affected, array_path, i, &entry, error))
			return FALSE;
		if (!cve5_parse_affected_entry(entry, item_path, advisory, error))
			return FALSE;
	}
	return TRUE;
}

/* what the CNA and each ADP container share */
static gboolean
cve5_parse_container(JsonObject *container,
                     const gchar *path,
                     YmAdvisory *advisory,
                     Cve5Score *best,
                     GError **error)
{
	gboolean unsupported = FALSE;

	if (!_ym_advisory_json_has_string(container, path, "tags", "unsupported-when-assigned",
	                                  &unsupported, error))
		return FALSE;
	if (unsupported)
		advisory->end_of_life = TRUE;
	return cve5_parse_affected(container, path, advisory, error) &&
	       cve5_parse_metrics(container, path, advisory, best, error) &&
	       _ym_advisory_json_parse_references(container, path, "vendor-advisory", "patch",
	                                          advisory, error);
}

static gboolean
cve5_parse_containers(JsonObject *containers, YmAdvisory *advisory, GError **error)
{
	JsonObject *cna = NULL;
	JsonArray *adp = NULL;
	const gchar *title = NULL;
	Cve5Score cna_score = {FALSE, 0, 0, NULL};
	Cve5Score adp_score = {FALSE, 0, 0, NULL};
	Cve5Score *best;

	if (!_ym_advisory_json_get_object(containers, "containers", "cna",
	                                  YM_ADVISORY_JSON_REQUIRED, &cna, error) ||
	    !_ym_advisory_json_get_array(containers, "containers", "adp", YM_ADVISORY_JSON_OPTIONAL,
	                                 &adp, error) ||
	    !_ym_advisory_json_get_string(cna, "containers.cna", "title", YM_ADVISORY_JSON_OPTIONAL,
	                                  &title, error))
		return FALSE;
	advisory->title_en = g_strdup(_ym_advisory_json_nonempty(title));
	if (!_ym_advisory_json_parse_descriptions(cna, "containers.cna", advisory, error) ||
	    !cve5_parse_container(cna, "containers.cna", advisory, &cna_score, error))
		return FALSE;
	for (guint i = 0; adp != NULL && i < json_array_get_length(adp); i++) {
		g_autofree gchar *item_path = _ym_advisory_json_path_index("containers.adp", i);
		JsonObject *container = NULL;
		if (!_ym_advisory_json_element_object(adp, "containers.adp", i, &container, error))
			return FALSE;
		if (!cve5_parse_container(container, item_path, advisory, &adp_score, error))
			return FALSE;
	}
	/* the CNA scored it; the ADP adds a score only where the CNA gave none */
	best = cna_score.found ? &cna_score : &adp_score;
	if (best->found) {
		advisory->cvss = best->score;
		advisory->cvss_vector = g_strdup(_ym_advisory_json_nonempty(best->vector));
	}
	if (advisory->end_of_life)
		advisory->remediation = YM_REMEDIATION_NO_FIX_PLANNED;
	return TRUE;
}

gboolean
ym_advisory_parse_cve5(const gchar *data,
                       gsize length,
                       YmAdvisorySink sink,
                       gpointer user_data,
                       GError **error)
{
	g_autoptr(JsonParser) parser = NULL;
	g_autoptr(YmAdvisory) advisory = NULL;
	g_autofree gchar *id_upper = NULL;
	JsonObject *root = NULL;
	JsonObject *metadata = NULL;
	JsonObject *containers = NULL;
	const gchar *members[] = {"cveId", "state", "datePublished", "dateUpdated"};
	const gchar *values[G_N_ELEMENTS(members)] = {NULL};
	const gchar *data_type = NULL;
	enum { ID, STATE, PUBLISHED, UPDATED };

	g_return_val_if_fail(data != NULL || length == 0, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	parser = _ym_advisory_json_load(data, length, &root, error);
	if (parser == NULL)
		return FALSE;
	if (!_ym_advisory_json_get_string(root, "", "dataType", YM_ADVISORY_JSON_OPTIONAL,
	                                  &data_type, error))
		return FALSE;
	if (data_type != NULL && g_strcmp0(data_type, "CVE_RECORD") != 0) {
		g_autofree gchar *quoted = _ym_advisory_json_quote(data_type);
		g_set_error(error, YM_ERROR, YM_ERROR_NOT_SUPPORTED,
		            "dataType: \"%s\" is not a CVE record", quoted);
		return FALSE;
	}
	if (!_ym_advisory_json_get_object(root, "", "cveMetadata", YM_ADVISORY_JSON_REQUIRED,
	                                  &metadata, error))
		return FALSE;
	for (guint i = 0; i < G_N_ELEMENTS(members); i++) {
		if (!_ym_advisory_json_get_string(metadata, "cveMetadata", members[i],
		                                  i == ID ? YM_ADVISORY_JSON_REQUIRED
		                                          : YM_ADVISORY_JSON_OPTIONAL,
		                                  &values[i], error))
			return FALSE;
	}
	if (!ym_advisory_is_cve_id(values[ID])) {
		g_autofree gchar *quoted = _ym_advisory_json_quote(values[ID]);
		g_warning("cveMetadata.cveId: \"%s\" is not a CVE ID, record skipped", quoted);
		return TRUE;
	}
	if (g_ascii_strcasecmp(values[STATE] != NULL ? values[STATE] : "", "REJECTED") == 0) {
		g_debug("%s: rejected, skipped", values[ID]);
		return TRUE;
	}
	if (!_ym_advisory_json_get_object(root, "", "containers", YM_ADVISORY_JSON_REQUIRED,
	                                  &containers, error))
		return FALSE;

	id_upper = g_ascii_strup(values[ID], -1);
	advisory = ym_advisory_new(YM_ADVISORY_SOURCE_CVE5, id_upper);
	ym_advisory_add_cve(advisory, id_upper);
	advisory->published = ym_advisory_parse_time(values[PUBLISHED]);
	advisory->modified = ym_advisory_parse_time(values[UPDATED]);
	if (!cve5_parse_containers(containers, advisory, error))
		return FALSE;
	return _ym_advisory_json_emit(advisory, sink, user_data, error);
}

gboolean
ym_advisory_cve5_sniff(const gchar *data, gsize length)
{
	const gchar *const keys[] = {"cveMetadata", "dataType", "containers", NULL};
	guint64 found = _ym_advisory_json_sniff_keys(data, length, keys);
	return (found & 1) != 0 && (found & (2 | 4)) != 0;
}
