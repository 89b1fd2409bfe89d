/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "YmAdvisoryAlerts"

#include "config.h"

#include "ym-advisory-alerts.h"

#include "ym-version.h"

/* an alert lists this many vulnerabilities, and counts the rest */
#define YM_ADVISORY_ALERT_MAX_ENTRIES 50

typedef enum {
	YM_ADVISORY_ALERT_KEV,
	YM_ADVISORY_ALERT_EOL,
	YM_ADVISORY_ALERT_UPDATE,
	YM_ADVISORY_ALERT_LAST
} YmAdvisoryAlertKind;

static const gchar *const alert_types[YM_ADVISORY_ALERT_LAST] = {
    "known_exploited_vulnerability",
    "end_of_support",
    "firmware_update_available",
};

/* the slot each topic's steps name for the maker's page */
static const gchar *const url_slots[YM_ADVISORY_ALERT_LAST] = {
    "vendor_advisory_url",
    "vendor_eol_url",
    "vendor_update_url",
};

JsonObject *
ym_advisory_match_to_json(const YmAdvisoryMatch *match)
{
	JsonObject *object = json_object_new();
	JsonObject *advisory = json_object_new();

	json_object_set_string_member(object, "cve", match->cve);
	json_object_set_string_member(advisory, "source", match->source);
	json_object_set_string_member(advisory, "id", match->advisory_id);
	json_object_set_object_member(object, "advisory", advisory);
	json_object_set_string_member(object, "status", ym_match_status_to_string(match->status));
	json_object_set_boolean_member(object, "kev", match->kev);
	json_object_set_string_member(object, "fixed_version", match->fixed_version);
	json_object_set_boolean_member(object, "end_of_support", match->end_of_support);
	json_object_set_string_member(object, "remediation_url", match->remediation_url);
	json_object_set_string_member(object, "remediation",
	                              ym_remediation_to_string(match->remediation));
	json_object_set_double_member(object, "cvss", match->cvss);
	json_object_set_double_member(object, "confidence",
	                              (gdouble) (gint) (match->confidence * 100 + 0.5) / 100);
	json_object_set_string_member(object, "product", match->product);
	json_object_set_string_member(object, "versions", match->version_text);
	json_object_set_string_member(object, "title_en", match->title_en);
	json_object_set_string_member(object, "title_ja", match->title_ja);
	return object;
}

static gboolean
belongs_to(const YmAdvisoryMatch *match, YmAdvisoryAlertKind kind)
{
	if (match->status != YM_MATCH_AFFECTED && match->status != YM_MATCH_MAYBE)
		return FALSE;
	switch (kind) {
	case YM_ADVISORY_ALERT_KEV:
		return match->kev;
	case YM_ADVISORY_ALERT_EOL:
		return match->end_of_support;
	case YM_ADVISORY_ALERT_UPDATE:
		/* exploited ones have their own, more urgent alert */
		return !match->kev && !match->end_of_support;
	case YM_ADVISORY_ALERT_LAST:
	default:
		return FALSE;
	}
}

static JsonObject *
build_evidence(GPtrArray *matches,
               YmAdvisoryAlertKind kind,
               const YmDeviceIdentity *identity,
               gboolean *all_maybe)
{
	JsonObject *evidence = json_object_new();
	JsonArray *entries = json_array_new();
	const gchar *fixed = NULL;
	const gchar *url = NULL;
	guint n = 0;

	*all_maybe = TRUE;
	for (guint i = 0; i < matches->len; i++) {
		const YmAdvisoryMatch *match = g_ptr_array_index(matches, i);
		if (!belongs_to(match, kind))
			continue;
		if (match->status == YM_MATCH_AFFECTED)
			*all_maybe = FALSE;
		/* the newest fix covers them all */
		if (match->fixed_version != NULL &&
		    (fixed == NULL || ym_version_compare(match->fixed_version, fixed) > 0))
			fixed = match->fixed_version;
		if (url == NULL)
			url = match->remediation_url;
		if (n++ < YM_ADVISORY_ALERT_MAX_ENTRIES)
			json_array_add_object_element(entries, ym_advisory_match_to_json(match));
	}
	json_object_set_array_member(evidence, "entries", entries);
	json_object_set_int_member(evidence, "count", n);
	json_object_set_string_member(evidence, "vendor", identity->vendor);
	json_object_set_string_member(evidence, "model", identity->model);
	json_object_set_string_member(evidence, "hw_rev", identity->hw_rev);
	json_object_set_string_member(evidence, "firmware", identity->firmware);
	json_object_set_string_member(evidence, "fixed_version", fixed);
	json_object_set_boolean_member(evidence, "maybe", *all_maybe);
	if (url != NULL)
		json_object_set_string_member(evidence, url_slots[kind], url);
	return evidence;
}

static gboolean
has_kind(GPtrArray *matches, YmAdvisoryAlertKind kind)
{
	for (guint i = 0; i < matches->len; i++) {
		if (belongs_to(g_ptr_array_index(matches, i), kind))
			return TRUE;
	}
	return FALSE;
}

guint
ym_advisory_alerts_apply(YmAlerts *alerts,
                         const YmDevice *device,
                         const YmDeviceIdentity *identity,
                         GPtrArray *matches,
                         gint64 ts)
{
	gboolean exploited = has_kind(matches, YM_ADVISORY_ALERT_KEV);
	guint raised = 0;

	for (guint kind = 0; kind < YM_ADVISORY_ALERT_LAST; kind++) {
		YmSeverity minimum = YM_SEVERITY_INFO;
		YmSeverity maximum = YM_SEVERITY_URGENT;
		gboolean all_maybe = TRUE;
		JsonObject *evidence;

		if (!has_kind(matches, kind)) {
			ym_alerts_resolve(alerts, alert_types[kind], device->mac_string, "", ts);
			continue;
		}
		evidence = build_evidence(matches, kind, identity, &all_maybe);
		switch (kind) {
		case YM_ADVISORY_ALERT_KEV:
			/* "may be affected" by an exploited flaw: serious, not urgent */
			if (all_maybe)
				maximum = YM_SEVERITY_WARNING;
			break;
		case YM_ADVISORY_ALERT_EOL:
			/* the catalogue: with a known exploited flaw, urgent */
			if (exploited && !all_maybe)
				minimum = YM_SEVERITY_URGENT;
			break;
		case YM_ADVISORY_ALERT_UPDATE:
		default:
			/* the catalogue: an update that fixes a security issue is a warning */
			if (!all_maybe)
				minimum = YM_SEVERITY_WARNING;
			else
				maximum = YM_SEVERITY_CAUTION;
			break;
		}
		if (ym_alerts_raise_full(alerts, alert_types[kind], device, "", ts, minimum,
		                         maximum, evidence) != NULL)
			raised++;
	}
	return raised;
}
