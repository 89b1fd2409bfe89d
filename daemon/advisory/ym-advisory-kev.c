/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * CISA Known Exploited Vulnerabilities catalogue
 * (https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json):
 * {title, catalogVersion, dateReleased, count, vulnerabilities: [{cveID,
 * vendorProject, product, vulnerabilityName, dateAdded, shortDescription,
 * requiredAction, dueDate, knownRansomwareCampaignUse, notes, cwes}]}.
 *
 * Errors: a member of the wrong JSON type fails the parse with its path
 * ("vulnerabilities[3].product: expected a string"); an entry without a
 * usable cveID is skipped with a g_warning; a "count" that differs from the
 * number of entries is a g_warning only (the entries are what counts).
 *
 * Remediation, from the English of requiredAction, shortDescription and
 * the words (not the URLs) of notes:
 *  - end_of_life when a sentence says the product is end-of-life, end of
 *    service or support, or no longer supported, unless a condition comes
 *    first in that sentence ("if", "could", "may", "might", "whether"):
 *    "The impacted product is end-of-life …" and "All associated hardware
 *    revisions have reached their end-of-life …" count, "… or disconnect
 *    product if it is end-of-life" and "could be end-of-life" do not;
 *    the remediation is then NO_FIX_PLANNED (replace the device);
 *  - otherwise requiredAction decides by whichever comes first: an update
 *    ("apply update(s)", "apply the update", "upgrade", "patch") gives
 *    VENDOR_FIX, a mitigation ("mitigat…", "disconnect", "disable",
 *    "block") gives MITIGATION; "… or discontinue use of the product if
 *    mitigations are unavailable" is the fallback of the first and does not
 *    decide; nothing of the kind leaves UNKNOWN.
 * remediation_url is the first http(s) URL in notes outside cisa.gov and
 * nvd.nist.gov: usually the vendor's advisory or download page (a URL ends
 * at white space or ";", the notes' separator).
 */

#define G_LOG_DOMAIN "YmAdvisoryKev"

#include "config.h"

#include "ym-advisory-kev.h"

#include <string.h>

#include "common/ym-error.h"
#include "ym-advisory-json-private.h"

static const gchar *const kev_eol_terms[] = {
    "end-of-life",    "end of life",    "end-of-service",      "end of service",
    "end-of-support", "end of support", "no longer supported",
};

static const gchar *const kev_condition_words[] = {"if", "could", "may", "might", "whether"};

static const gchar *const kev_fix_words[] = {
    "apply update", "apply the update", "applying update", "upgrade", "patch",
};

static const gchar *const kev_mitigation_words[] = {
    "mitigat",
    "disconnect",
    "disable",
    "block",
};

void
ym_kev_info_clear(YmKevInfo *info)
{
	if (info == NULL)
		return;
	g_free(info->catalog_version);
	memset(info, 0, sizeof(*info));
}
/* the start of the sentence holding @position: after the last ".", ";",
 * "!" or "?" that is followed by white space */
static const gchar *
kev_sentence_start(const gchar *text, const gchar *position)
{
	for (const gchar *p = position; p > text; p--) {
		if (g_ascii_isspace(p[0]) && strchr(".;!?", p[-1]) != NULL)
			return p;
	}
	return text;
}

static gboolean
kev_has_word(const gchar *start, const gchar *end, const gchar *word)
{
	gsize length = strlen(word);
	for (const gchar *p = start; p + length <= end; p++) {
		if (memcmp(p, word, length) != 0)
			continue;
		if (p > start && g_ascii_isalpha(p[-1]))
			continue;
		if (p + length < end && g_ascii_isalpha(p[length]))
			continue;
		return TRUE;
	}
	return FALSE;
}

/* @lower is lower case */
static gboolean
kev_text_says_eol(const gchar *lower)
{
	for (guint i = 0; i < G_N_ELEMENTS(kev_eol_terms); i++) {
		for (const gchar *hit = strstr(lower, kev_eol_terms[i]); hit != NULL;
		     hit = strstr(hit + 1, kev_eol_terms[i])) {
			const gchar *start = kev_sentence_start(lower, hit);
			gboolean conditional = FALSE;
			for (guint j = 0; j < G_N_ELEMENTS(kev_condition_words); j++) {
				if (kev_has_word(start, hit, kev_condition_words[j]))
					conditional = TRUE;
			}
			if (!conditional)
				return TRUE;
		}
	}
	return FALSE;
}

static const gchar *
kev_first_of(const gchar *lower, const gchar *const *words, guint n_words)
{
	const gchar *first = NULL;
	for (guint i = 0; i < n_words; i++) {
		const gchar *hit = strstr(lower, words[i]);
		if (hit != NULL && (first == NULL || hit < first))
			first = hit;
	}
	return first;
}

static YmRemediation
kev_remediation_from_action(const gchar *action)
{
	g_autofree gchar *lower = NULL;
	const gchar *fix;
	const gchar *mitigation;

	if (action == NULL)
		return YM_REMEDIATION_UNKNOWN;
	lower = g_ascii_strdown(action, -1);
	fix = kev_first_of(lower, kev_fix_words, G_N_ELEMENTS(kev_fix_words));
	mitigation = kev_first_of(lower, kev_mitigation_words, G_N_ELEMENTS(kev_mitigation_words));
	if (fix != NULL && (mitigation == NULL || fix < mitigation))
		return YM_REMEDIATION_VENDOR_FIX;
	if (mitigation != NULL)
		return YM_REMEDIATION_MITIGATION;
	return YM_REMEDIATION_UNKNOWN;
}

static gboolean
kev_url_is_cisa(const gchar *url)
{
	g_autoptr(GUri) uri = g_uri_parse(url, G_URI_FLAGS_NONE, NULL);
	const gchar *host;

	if (uri == NULL)
		return TRUE;
	host = g_uri_get_host(uri);
	return g_ascii_strcasecmp(host, "cisa.gov") == 0 || g_str_has_suffix(host, ".cisa.gov") ||
	       g_ascii_strcasecmp(host, "nvd.nist.gov") == 0;
}

/* splits notes into the first vendor URL and the words without any URL */
static gchar *
kev_parse_notes(const gchar *notes, GString *words)
{
	g_autofree gchar *vendor_url = NULL;
	const gchar *p = notes;

	while (*p != '\0') {
		const gchar *http = strstr(p, "http");
		const gchar *end;
		g_autofree gchar *url = NULL;
		gsize length;

		if (http == NULL ||
		    (strncmp(http, "http://", 7) != 0 && strncmp(http, "https://", 8) != 0)) {
			const gchar *next = http != NULL ? http + 4 : p + strlen(p);
			g_string_append_len(words, p, next - p);
			p = next;
			continue;
		}
		g_string_append_len(words, p, http - p);
		/* the notes separate URLs with ";", sometimes without a space */
		for (end = http; *end != '\0' && *end != ';' && !g_ascii_isspace(*end); end++)
			;
		p = end;
		/* "(https://…)," ends with punctuation */
		length = (gsize) (end - http);
		while (length > 0 && strchr(";,.)", http[length - 1]) != NULL)
			length--;
		url = g_strndup(http, length);
		if (vendor_url == NULL && _ym_advisory_url_is_web(url) && !kev_url_is_cisa(url))
			vendor_url = g_steal_pointer(&url);
	}
	return g_steal_pointer(&vendor_url);
}

static void
kev_apply_remediation(YmAdvisory *advisory, const gchar *action, const gchar *notes)
{
	g_autoptr(GString) text = g_string_new(NULL);
	g_autofree gchar *lower = NULL;

	if (notes != NULL)
		advisory->remediation_url = kev_parse_notes(notes, text);
	/* the sentences are kept apart so one's condition does not reach another */
	g_string_prepend(text, ". ");
	if (advisory->summary_en != NULL) {
		g_string_prepend(text, advisory->summary_en);
		g_string_prepend(text, ". ");
	}
	if (action != NULL)
		g_string_prepend(text, action);
	lower = g_ascii_strdown(text->str, -1);
	advisory->end_of_life = kev_text_says_eol(lower);
	if (advisory->end_of_life)
		advisory->remediation = YM_REMEDIATION_NO_FIX_PLANNED;
	else
		advisory->remediation = kev_remediation_from_action(action);
}

static gboolean
kev_parse_entry(JsonObject *entry,
                const gchar *path,
                YmAdvisorySink sink,
                gpointer user_data,
                GError **error)
{
	g_autoptr(YmAdvisory) advisory = NULL;
	g_autofree gchar *id_upper = NULL;
	const gchar *members[] = {
	    "cveID",     "vendorProject",    "product",        "vulnerabilityName",
	    "dateAdded", "shortDescription", "requiredAction", "notes",
	};
	const gchar *values[G_N_ELEMENTS(members)] = {NULL};
	enum { CVE, VENDOR, PRODUCT, NAME, ADDED, DESCRIPTION, ACTION, NOTES };

	for (guint i = 0; i < G_N_ELEMENTS(members); i++) {
		if (!_ym_advisory_json_get_string(entry, path, members[i],
		                                  YM_ADVISORY_JSON_OPTIONAL, &values[i], error))
			return FALSE;
		values[i] = _ym_advisory_json_nonempty(values[i]);
	}
	if (!ym_advisory_is_cve_id(values[CVE])) {
		g_autofree gchar *quoted = _ym_advisory_json_quote(values[CVE]);
		g_warning("%s.cveID: \"%s\" is not a CVE ID, entry skipped", path, quoted);
		return TRUE;
	}

	id_upper = g_ascii_strup(values[CVE], -1);
	advisory = ym_advisory_new(YM_ADVISORY_SOURCE_KEV, id_upper);
	ym_advisory_add_cve(advisory, id_upper);
	advisory->kev = TRUE;
	/* KEV titles have stray spaces (" D-Link DIR-859 Router …") */
	advisory->title_en = values[NAME] != NULL ? g_strstrip(g_strdup(values[NAME])) : NULL;
	advisory->summary_en = g_strdup(values[DESCRIPTION]);
	advisory->published = ym_advisory_parse_time(values[ADDED]);
	kev_apply_remediation(advisory, values[ACTION], values[NOTES]);
	/* a name only, never a version: KEV is a flag joined by CVE */
	if (values[VENDOR] != NULL || values[PRODUCT] != NULL) {
		YmAdvisoryProduct *product = ym_advisory_add_product(advisory);
		product->status = YM_PRODUCT_STATUS_AFFECTED;
		product->vendor = g_strdup(values[VENDOR]);
		product->product = g_strdup(values[PRODUCT]);
	}
	return _ym_advisory_json_emit(advisory, sink, user_data, error);
}

static gboolean
kev_parse_header(JsonObject *root, guint n_entries, YmKevInfo *info, GError **error)
{
	const gchar *version = NULL;
	const gchar *released = NULL;
	gint64 count = 0;
	gboolean present = FALSE;

	if (!_ym_advisory_json_get_string(root, "", "catalogVersion", YM_ADVISORY_JSON_OPTIONAL,
	                                  &version, error) ||
	    !_ym_advisory_json_get_string(root, "", "dateReleased", YM_ADVISORY_JSON_OPTIONAL,
	                                  &released, error) ||
	    !_ym_advisory_json_get_int(root, "", "count", &count, &present, error))
		return FALSE;
	if (present && (count < 0 || count > G_MAXUINT)) {
		g_warning("count: %" G_GINT64_FORMAT " is not a count, ignored", count);
		present = FALSE;
		count = 0;
	}
	if (present && (guint64) count != n_entries)
		g_warning("count says %" G_GINT64_FORMAT " entries but the catalogue has %u", count,
		          n_entries);
	if (info != NULL) {
		info->catalog_version = g_strdup(version);
		info->date_released = ym_advisory_parse_time(released);
		info->count = (guint) count;
	}
	return TRUE;
}

gboolean
ym_advisory_parse_kev(const gchar *data,
                      gsize length,
                      YmKevInfo *info,
                      YmAdvisorySink sink,
                      gpointer user_data,
                      GError **error)
{
	g_autoptr(JsonParser) parser = NULL;
	JsonObject *root = NULL;
	JsonArray *vulnerabilities = NULL;

	g_return_val_if_fail(data != NULL || length == 0, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	ym_kev_info_clear(info);
	parser = _ym_advisory_json_load(data, length, &root, error);
	if (parser == NULL)
		return FALSE;
	if (!_ym_advisory_json_get_array(root, "", "vulnerabilities", YM_ADVISORY_JSON_REQUIRED,
	                                 &vulnerabilities, error))
		return FALSE;
	if (!kev_parse_header(root, json_array_get_length(vulnerabilities), info, error))
		return FALSE;
	for (guint i = 0; i < json_array_get_length(vulnerabilities); i++) {
		g_autofree gchar *item_path = _ym_advisory_json_path_index("vulnerabilities", i);
		JsonObject *entry = NULL;
		if (!_ym_advisory_json_element_object(vulnerabilities, "vulnerabilities", i, &entry,
		                                      error))
			return FALSE;
		if (!kev_parse_entry(entry, item_path, sink, user_data, error))
			return FALSE;
	}
	return TRUE;
}

gboolean
ym_advisory_kev_sniff(const gchar *data, gsize length)
{
	const gchar *const keys[] = {"catalogVersion", "vulnerabilities", NULL};
	guint64 found = _ym_advisory_json_sniff_keys(data, length, keys);
	return found == 3;
}
