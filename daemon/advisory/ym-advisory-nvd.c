/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * NVD CVE API 2.0 (https://nvd.nist.gov/developers/vulnerabilities): a
 * response envelope {resultsPerPage, startIndex, totalResults, format
 * "NVD_CVE", version "2.0", timestamp, vulnerabilities: [{cve: {…}}]} or one
 * bare "cve" object as the community mirrors store them.
 *
 * Errors: a member of the wrong JSON type anywhere we read fails the whole
 * parse with the JSON path ("vulnerabilities[3].cve.configurations[0].
 * nodes[1].cpeMatch[2].criteria: expected a string"), since a feed that
 * breaks its own schema cannot be trusted for the rest either; the caller
 * keeps its previous data. A value of the right type that we cannot use (an
 * ID that is not a CVE ID, a criteria that is not a CPE 2.3 name, a score
 * outside 0–10) skips that one entry with a g_warning and the rest is kept.
 *
 * Configurations: in an AND configuration every vulnerable cpeMatch becomes
 * one product per non-vulnerable cpeMatch of the configuration (the
 * hardware the firmware only counts together with, platform_cpe), or one
 * product without a platform when there is none; in OR configurations (or
 * no operator) each node stands alone, vulnerable matches give products
 * without a platform and non-vulnerable ones are ignored, unless the node
 * itself is AND. Negated nodes and configurations are ignored (g_debug):
 * this can only widen a match. The CPE version "-" (NA) and "*" (ANY)
 * without a range both mean all_versions: NVD uses "-" for "the product,
 * whatever the version", typically for end-of-life devices (CVE-2024-3273).
 * A concrete hardware version on the platform CPE ("h:…:8.0") is the
 * hardware revision.
 */

#define G_LOG_DOMAIN "YmAdvisoryNvd"

#include "config.h"

#include "ym-advisory-nvd.h"

#include <string.h>

#include "common/ym-error.h"
#include "ym-advisory-json-private.h"

/* newest first: on equal scores the newer CVSS version wins */
static const gchar *const nvd_metric_keys[] = {
    "cvssMetricV40",
    "cvssMetricV31",
    "cvssMetricV30",
    "cvssMetricV2",
};

typedef struct {
	gboolean found;
	gdouble score;
	const gchar *vector;
} NvdScore;

typedef struct {
	const gchar *criteria;
	GStrv attributes;
	const gchar *start_including;
	const gchar *start_excluding;
	const gchar *end_including;
	const gchar *end_excluding;
} NvdMatch;

void
ym_nvd_page_clear(YmNvdPage *page)
{
	if (page == NULL)
		return;
	g_free(page->timestamp);
	memset(page, 0, sizeof(*page));
}

static void
nvd_match_clear(gpointer data)
{
	NvdMatch *match = data;
	g_strfreev(match->attributes);
}
static gboolean
nvd_parse_metric(JsonObject *metric,
                 const gchar *path,
                 NvdScore *primary,
                 NvdScore *secondary,
                 GError **error)
{
	JsonObject *data = NULL;
	const gchar *type = NULL;
	const gchar *vector = NULL;
	g_autofree gchar *data_path = _ym_advisory_json_path(path, "cvssData");
	NvdScore *target;
	gdouble score = 0;
	gboolean present = FALSE;

	if (!_ym_advisory_json_get_string(metric, path, "type", YM_ADVISORY_JSON_OPTIONAL, &type,
	                                  error) ||
	    !_ym_advisory_json_get_object(metric, path, "cvssData", YM_ADVISORY_JSON_OPTIONAL,
	                                  &data, error))
		return FALSE;
	if (data == NULL)
		return TRUE;
	if (!_ym_advisory_json_get_cvss(G_LOG_DOMAIN, data, data_path, &score, &vector, &present,
	                                error))
		return FALSE;
	if (!present)
		return TRUE;
	target = g_strcmp0(type, "Primary") == 0 ? primary : secondary;
	if (!target->found || score > target->score) {
		target->found = TRUE;
		target->score = score;
		target->vector = vector;
	}
	return TRUE;
}

/* the highest Primary score of any CVSS version, else the highest
 * Secondary one (the CNA's) when NVD has not scored the CVE */
static gboolean
nvd_parse_metrics(JsonObject *cve, const gchar *path, YmAdvisory *advisory, GError **error)
{
	JsonObject *metrics = NULL;
	g_autofree gchar *metrics_path = _ym_advisory_json_path(path, "metrics");
	NvdScore primary = {FALSE, 0, NULL};
	NvdScore secondary = {FALSE, 0, NULL};
	NvdScore *best;

	if (!_ym_advisory_json_get_object(cve, path, "metrics", YM_ADVISORY_JSON_OPTIONAL, &metrics,
	                                  error))
		return FALSE;
	if (metrics == NULL)
		return TRUE;
	for (guint k = 0; k < G_N_ELEMENTS(nvd_metric_keys); k++) {
		JsonArray *array = NULL;
		g_autofree gchar *array_path =
		    _ym_advisory_json_path(metrics_path, nvd_metric_keys[k]);
		if (!_ym_advisory_json_get_array(metrics, metrics_path, nvd_metric_keys[k],
		                                 YM_ADVISORY_JSON_OPTIONAL, &array, error))
			return FALSE;
		for (guint i = 0; array != NULL && i < json_array_get_length(array); i++) {
			g_autofree gchar *item_path = _ym_advisory_json_path_index(array_path, i);
			JsonObject *metric = NULL;
			if (!_ym_advisory_json_element_object(array, array_path, i, &metric, error))
				return FALSE;
			if (!nvd_parse_metric(metric, item_path, &primary, &secondary, error))
				return FALSE;
		}
	}
	best = primary.found ? &primary : &secondary;
	if (best->found) {
		advisory->cvss = best->score;
		advisory->cvss_vector = g_strdup(_ym_advisory_json_nonempty(best->vector));
	}
	return TRUE;
}

/* cveTags: [{sourceIdentifier, tags: ["unsupported-when-assigned", …]}] */
static gboolean
nvd_parse_tags(JsonObject *cve, const gchar *path, YmAdvisory *advisory, GError **error)
{
	JsonArray *tags = NULL;
	g_autofree gchar *array_path = _ym_advisory_json_path(path, "cveTags");

	if (!_ym_advisory_json_get_array(cve, path, "cveTags", YM_ADVISORY_JSON_OPTIONAL, &tags,
	                                 error))
		return FALSE;
	for (guint i = 0; tags != NULL && i < json_array_get_length(tags); i++) {
		g_autofree gchar *item_path = _ym_advisory_json_path_index(array_path, i);
		JsonObject *tag = NULL;
		gboolean found = FALSE;
		if (!_ym_advisory_json_element_object(tags, array_path, i, &tag, error))
			return FALSE;
		if (!_ym_advisory_json_has_string(tag, item_path, "tags",
		                                  "unsupported-when-assigned", &found, error))
			return FALSE;
		if (found)
			advisory->end_of_life = TRUE;
	}
	return TRUE;
}
static gboolean
nvd_add_product(YmAdvisory *advisory,
                const gchar *path,
                const NvdMatch *match,
                const NvdMatch *platform,
                GError **error)
{
	YmAdvisoryProduct *product = _ym_advisory_json_add_product(advisory, path, error);
	const gchar *version = match->attributes[YM_CPE_VERSION];
	const gchar *update = match->attributes[YM_CPE_UPDATE];

	if (product == NULL)
		return FALSE;
	product->status = YM_PRODUCT_STATUS_AFFECTED;
	product->vendor = _ym_advisory_cpe_unescape(match->attributes[YM_CPE_VENDOR]);
	product->product = _ym_advisory_cpe_unescape(match->attributes[YM_CPE_PRODUCT]);
	product->cpe = g_strdup(match->criteria);
	if (platform != NULL) {
		product->platform_cpe = g_strdup(platform->criteria);
		if (_ym_advisory_cpe_is_concrete(platform->attributes[YM_CPE_VERSION]))
			product->hw_rev =
			    _ym_advisory_cpe_unescape(platform->attributes[YM_CPE_VERSION]);
	}
	if (match->start_including != NULL || match->start_excluding != NULL ||
	    match->end_including != NULL || match->end_excluding != NULL) {
		if (match->start_including != NULL) {
			product->version_start = g_strdup(match->start_including);
			product->start_inclusive = TRUE;
		} else {
			product->version_start = g_strdup(match->start_excluding);
		}
		if (match->end_including != NULL) {
			product->version_end = g_strdup(match->end_including);
			product->end_inclusive = TRUE;
		} else {
			product->version_end = g_strdup(match->end_excluding);
		}
	} else if (!_ym_advisory_cpe_is_concrete(version)) {
		product->all_versions = TRUE;
	} else if (_ym_advisory_cpe_is_concrete(update)) {
		/* cpe:…:log4j:2.0:beta9 is the release "2.0-beta9" */
		g_autofree gchar *plain_version = _ym_advisory_cpe_unescape(version);
		g_autofree gchar *plain_update = _ym_advisory_cpe_unescape(update);
		product->version_exact = g_strdup_printf("%s-%s", plain_version, plain_update);
	} else {
		product->version_exact = _ym_advisory_cpe_unescape(version);
	}
	return TRUE;
}

static gboolean
nvd_add_products(YmAdvisory *advisory,
                 const gchar *path,
                 GArray *vulnerable,
                 GArray *platforms,
                 guint platforms_seen,
                 GError **error)
{
	if (platforms_seen > 0 && platforms->len == 0) {
		/* without its platform the firmware CPE would match too widely */
		g_warning("%s: no usable platform CPE, configuration skipped", path);
		return TRUE;
	}
	for (guint i = 0; i < vulnerable->len; i++) {
		const NvdMatch *match = &g_array_index(vulnerable, NvdMatch, i);
		if (platforms->len == 0) {
			if (!nvd_add_product(advisory, path, match, NULL, error))
				return FALSE;
			continue;
		}
		for (guint j = 0; j < platforms->len; j++) {
			const NvdMatch *platform = &g_array_index(platforms, NvdMatch, j);
			if (!nvd_add_product(advisory, path, match, platform, error))
				return FALSE;
		}
	}
	return TRUE;
}

static gboolean
nvd_parse_match(JsonObject *object,
                const gchar *path,
                gboolean want_platforms,
                GArray *vulnerable,
                GArray *platforms,
                guint *platforms_seen,
                GError **error)
{
	NvdMatch match = {NULL};
	gboolean is_vulnerable = FALSE;
	gboolean present = FALSE;
	const gchar *members[] = {
	    "versionStartIncluding",
	    "versionStartExcluding",
	    "versionEndIncluding",
	    "versionEndExcluding",
	};
	const gchar **values[] = {
	    &match.start_including,
	    &match.start_excluding,
	    &match.end_including,
	    &match.end_excluding,
	};

	if (!_ym_advisory_json_get_boolean(object, path, "vulnerable", &is_vulnerable, &present,
	                                   error) ||
	    !_ym_advisory_json_get_string(object, path, "criteria", YM_ADVISORY_JSON_REQUIRED,
	                                  &match.criteria, error))
		return FALSE;
	for (guint i = 0; i < G_N_ELEMENTS(members); i++) {
		if (!_ym_advisory_json_get_string(object, path, members[i],
		                                  YM_ADVISORY_JSON_OPTIONAL, values[i], error))
			return FALSE;
		*values[i] = _ym_advisory_json_nonempty(*values[i]);
	}
	if (!present) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s.vulnerable: missing", path);
		return FALSE;
	}
	if (!is_vulnerable && !want_platforms)
		return TRUE;
	if (!is_vulnerable)
		(*platforms_seen)++;
	match.attributes = _ym_advisory_cpe_split(match.criteria);
	if (match.attributes == NULL) {
		g_warning("%s.criteria: not a CPE 2.3 name, entry skipped", path);
		return TRUE;
	}
	g_array_append_val(is_vulnerable ? vulnerable : platforms, match);
	return TRUE;
}

static gboolean
nvd_parse_node(JsonObject *node,
               const gchar *path,
               gboolean and_configuration,
               GArray *vulnerable,
               GArray *platforms,
               guint *platforms_seen,
               GError **error)
{
	JsonArray *matches = NULL;
	const gchar *logic = NULL;
	gboolean negate = FALSE;
	gboolean present = FALSE;
	g_autofree gchar *array_path = _ym_advisory_json_path(path, "cpeMatch");

	if (!_ym_advisory_json_get_string(node, path, "operator", YM_ADVISORY_JSON_OPTIONAL, &logic,
	                                  error) ||
	    !_ym_advisory_json_get_boolean(node, path, "negate", &negate, &present, error) ||
	    !_ym_advisory_json_get_array(node, path, "cpeMatch", YM_ADVISORY_JSON_OPTIONAL,
	                                 &matches, error))
		return FALSE;
	if (negate) {
		g_debug("%s: negated node ignored", path);
		return TRUE;
	}
	for (guint i = 0; matches != NULL && i < json_array_get_length(matches); i++) {
		g_autofree gchar *item_path = _ym_advisory_json_path_index(array_path, i);
		JsonObject *match = NULL;
		if (!_ym_advisory_json_element_object(matches, array_path, i, &match, error))
			return FALSE;
		if (!nvd_parse_match(match, item_path,
		                     and_configuration || g_strcmp0(logic, "AND") == 0, vulnerable,
		                     platforms, platforms_seen, error))
			return FALSE;
	}
	return TRUE;
}

static gboolean
nvd_parse_configuration(JsonObject *configuration,
                        const gchar *path,
                        YmAdvisory *advisory,
                        GError **error)
{
	JsonArray *nodes = NULL;
	const gchar *logic = NULL;
	gboolean negate = FALSE;
	gboolean present = FALSE;
	gboolean and_configuration;
	guint platforms_seen = 0;
	g_autofree gchar *array_path = _ym_advisory_json_path(path, "nodes");
	g_autoptr(GArray) vulnerable = g_array_new(FALSE, TRUE, sizeof(NvdMatch));
	g_autoptr(GArray) platforms = g_array_new(FALSE, TRUE, sizeof(NvdMatch));

	g_array_set_clear_func(vulnerable, nvd_match_clear);
	g_array_set_clear_func(platforms, nvd_match_clear);
	if (!_ym_advisory_json_get_string(configuration, path, "operator",
	                                  YM_ADVISORY_JSON_OPTIONAL, &logic, error) ||
	    !_ym_advisory_json_get_boolean(configuration, path, "negate", &negate, &present,
	                                   error) ||
	    !_ym_advisory_json_get_array(configuration, path, "nodes", YM_ADVISORY_JSON_OPTIONAL,
	                                 &nodes, error))
		return FALSE;
	if (negate) {
		g_debug("%s: negated configuration ignored", path);
		return TRUE;
	}
	and_configuration = g_strcmp0(logic, "AND") == 0;
	for (guint i = 0; nodes != NULL && i < json_array_get_length(nodes); i++) {
		g_autofree gchar *item_path = _ym_advisory_json_path_index(array_path, i);
		JsonObject *node = NULL;
		if (!_ym_advisory_json_element_object(nodes, array_path, i, &node, error))
			return FALSE;
		if (!nvd_parse_node(node, item_path, and_configuration, vulnerable, platforms,
		                    &platforms_seen, error))
			return FALSE;
		/* without AND between them the nodes are separate statements */
		if (!and_configuration) {
			if (!nvd_add_products(advisory, item_path, vulnerable, platforms,
			                      platforms_seen, error))
				return FALSE;
			g_array_set_size(vulnerable, 0);
			g_array_set_size(platforms, 0);
			platforms_seen = 0;
		}
	}
	if (and_configuration)
		return nvd_add_products(advisory, path, vulnerable, platforms, platforms_seen,
		                        error);
	return TRUE;
}

static gboolean
nvd_parse_configurations(JsonObject *cve, const gchar *path, YmAdvisory *advisory, GError **error)
{
	JsonArray *configurations = NULL;
	g_autofree gchar *array_path = _ym_advisory_json_path(path, "configurations");

	if (!_ym_advisory_json_get_array(cve, path, "configurations", YM_ADVISORY_JSON_OPTIONAL,
	                                 &configurations, error))
		return FALSE;
	for (guint i = 0; configurations != NULL && i < json_array_get_length(configurations);
	     i++) {
		g_autofree gchar *item_path = _ym_advisory_json_path_index(array_path, i);
		JsonObject *configuration = NULL;
		if (!_ym_advisory_json_element_object(configurations, array_path, i, &configuration,
		                                      error))
			return FALSE;
		if (!nvd_parse_configuration(configuration, item_path, advisory, error))
			return FALSE;
	}
	return TRUE;
}

static gboolean
nvd_parse_cve(JsonObject *cve,
              const gchar *path,
              YmAdvisorySink sink,
              gpointer user_data,
              GError **error)
{
	g_autoptr(YmAdvisory) advisory = NULL;
	g_autofree gchar *id_upper = NULL;
	const gchar *id = NULL;
	const gchar *status = NULL;
	const gchar *published = NULL;
	const gchar *modified = NULL;
	const gchar *kev_added = NULL;
	const gchar *kev_name = NULL;

	if (!_ym_advisory_json_get_string(cve, path, "id", YM_ADVISORY_JSON_REQUIRED, &id, error) ||
	    !_ym_advisory_json_get_string(cve, path, "vulnStatus", YM_ADVISORY_JSON_OPTIONAL,
	                                  &status, error) ||
	    !_ym_advisory_json_get_string(cve, path, "published", YM_ADVISORY_JSON_OPTIONAL,
	                                  &published, error) ||
	    !_ym_advisory_json_get_string(cve, path, "lastModified", YM_ADVISORY_JSON_OPTIONAL,
	                                  &modified, error) ||
	    !_ym_advisory_json_get_string(cve, path, "cisaExploitAdd", YM_ADVISORY_JSON_OPTIONAL,
	                                  &kev_added, error) ||
	    !_ym_advisory_json_get_string(cve, path, "cisaVulnerabilityName",
	                                  YM_ADVISORY_JSON_OPTIONAL, &kev_name, error))
		return FALSE;
	if (!ym_advisory_is_cve_id(id)) {
		g_autofree gchar *quoted = _ym_advisory_json_quote(id);
		g_warning("%s%sid: \"%s\" is not a CVE ID, record skipped", path,
		          path[0] != '\0' ? "." : "", quoted);
		return TRUE;
	}
	if (g_strcmp0(status, "Rejected") == 0) {
		g_debug("%s: rejected, skipped", id);
		return TRUE;
	}

	id_upper = g_ascii_strup(id, -1);
	advisory = ym_advisory_new(YM_ADVISORY_SOURCE_NVD, id_upper);
	ym_advisory_add_cve(advisory, id_upper);
	/* NVD has no title; the KEV name is a short one when CISA gave it */
	advisory->title_en = g_strdup(_ym_advisory_json_nonempty(kev_name));
	advisory->published = ym_advisory_parse_time(published);
	advisory->modified = ym_advisory_parse_time(modified);
	advisory->kev = kev_added != NULL;
	if (!_ym_advisory_json_parse_descriptions(cve, path, advisory, error) ||
	    !nvd_parse_metrics(cve, path, advisory, error) ||
	    !nvd_parse_tags(cve, path, advisory, error) ||
	    !_ym_advisory_json_parse_references(cve, path, "Vendor Advisory", "Patch", advisory,
	                                        error) ||
	    !nvd_parse_configurations(cve, path, advisory, error))
		return FALSE;
	if (advisory->end_of_life)
		advisory->remediation = YM_REMEDIATION_NO_FIX_PLANNED;
	return _ym_advisory_json_emit(advisory, sink, user_data, error);
}

static gboolean
nvd_parse_page(JsonObject *root,
               YmNvdPage *page,
               YmAdvisorySink sink,
               gpointer user_data,
               GError **error)
{
	JsonArray *vulnerabilities = NULL;
	const gchar *timestamp = NULL;
	gint64 values[3] = {0};
	const gchar *members[] = {"resultsPerPage", "startIndex", "totalResults"};

	for (guint i = 0; i < G_N_ELEMENTS(members); i++) {
		gboolean present = FALSE;
		if (!_ym_advisory_json_get_int(root, "", members[i], &values[i], &present, error))
			return FALSE;
	}
	if (!_ym_advisory_json_get_string(root, "", "timestamp", YM_ADVISORY_JSON_OPTIONAL,
	                                  &timestamp, error) ||
	    !_ym_advisory_json_get_array(root, "", "vulnerabilities", YM_ADVISORY_JSON_REQUIRED,
	                                 &vulnerabilities, error))
		return FALSE;
	if (page != NULL) {
		page->results_per_page = values[0];
		page->start_index = values[1];
		page->total_results = values[2];
		page->timestamp = g_strdup(timestamp);
	}
	/* the page length is what the array holds, whatever resultsPerPage says */
	for (guint i = 0; i < json_array_get_length(vulnerabilities); i++) {
		g_autofree gchar *item_path = _ym_advisory_json_path_index("vulnerabilities", i);
		g_autofree gchar *cve_path = NULL;
		JsonObject *item = NULL;
		JsonObject *cve = NULL;
		if (!_ym_advisory_json_element_object(vulnerabilities, "vulnerabilities", i, &item,
		                                      error) ||
		    !_ym_advisory_json_get_object(item, item_path, "cve", YM_ADVISORY_JSON_REQUIRED,
		                                  &cve, error))
			return FALSE;
		cve_path = _ym_advisory_json_path(item_path, "cve");
		if (!nvd_parse_cve(cve, cve_path, sink, user_data, error))
			return FALSE;
	}
	return TRUE;
}

gboolean
ym_advisory_parse_nvd(const gchar *data,
                      gsize length,
                      YmNvdPage *page,
                      YmAdvisorySink sink,
                      gpointer user_data,
                      GError **error)
{
	g_autoptr(JsonParser) parser = NULL;
	JsonObject *root = NULL;
	const gchar *format = NULL;

	g_return_val_if_fail(data != NULL || length == 0, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	ym_nvd_page_clear(page);
	parser = _ym_advisory_json_load(data, length, &root, error);
	if (parser == NULL)
		return FALSE;
	if (!_ym_advisory_json_get_string(root, "", "format", YM_ADVISORY_JSON_OPTIONAL, &format,
	                                  error))
		return FALSE;
	if ((format != NULL && g_strcmp0(format, "NVD_CVE") != 0) ||
	    json_object_has_member(root, "products") ||
	    json_object_has_member(root, "matchStrings")) {
		g_autofree gchar *quoted =
		    _ym_advisory_json_quote(format != NULL ? format : "unknown");
		g_set_error(error, YM_ERROR, YM_ERROR_NOT_SUPPORTED,
		            "not a CVE response (format \"%s\")", quoted);
		return FALSE;
	}
	if (json_object_has_member(root, "vulnerabilities"))
		return nvd_parse_page(root, page, sink, user_data, error);
	if (json_object_has_member(root, "id"))
		return nvd_parse_cve(root, "", sink, user_data, error);
	g_set_error_literal(
	    error, YM_ERROR, YM_ERROR_INVALID_DATA,
	    "not an NVD CVE response or record: neither \"vulnerabilities\" nor \"id\"");
	return FALSE;
}

gboolean
ym_advisory_nvd_sniff(const gchar *data, gsize length)
{
	const gchar *const keys[] = {
	    "vulnerabilities",  "resultsPerPage", "totalResults", "id",           "vulnStatus",
	    "sourceIdentifier", "catalogVersion", "products",     "matchStrings", NULL,
	};
	guint64 found = _ym_advisory_json_sniff_keys(data, length, keys);
	gboolean envelope = (found & 1) != 0 && (found & (2 | 4)) != 0;
	gboolean record = (found & 8) != 0 && (found & (16 | 32)) != 0;

	/* KEV has "vulnerabilities" too, the CPE APIs have the paging fields */
	if ((found & (64 | 128 | 256)) != 0)
		return FALSE;
	return envelope || record;
}
