/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ym-advisory.h"
#include "ym-store.h"
#include "ym-vendor-alias.h"

G_BEGIN_DECLS

#define YM_TYPE_ADVISORY_MATCHER (ym_advisory_matcher_get_type())
G_DECLARE_FINAL_TYPE(YmAdvisoryMatcher, ym_advisory_matcher, YM, ADVISORY_MATCHER, GObject)

typedef enum {
	YM_MATCH_AFFECTED,     /* the firmware is inside an affected range */
	YM_MATCH_MAYBE,        /* the product matches but the version or model is uncertain */
	YM_MATCH_FIXED,        /* the firmware is at or past the fix */
	YM_MATCH_NOT_AFFECTED, /* the firmware is outside every affected range */
} YmMatchStatus;

/* what a device is, for matching: the inventory's or the resident's words */
typedef struct {
	const gchar *vendor;
	const gchar *model;
	const gchar *hw_rev;   /* NULL: unknown */
	const gchar *firmware; /* NULL: unknown, every match is "maybe" at most */
} YmDeviceIdentity;

/* one vulnerability (one CVE, or one advisory without a CVE) for a device */
typedef struct {
	gchar *cve; /* NULL for an advisory without a CVE */
	gchar *source;
	gchar *advisory_id;
	YmMatchStatus status;
	gdouble confidence; /* 0..1 */
	gboolean kev;
	gboolean end_of_support;
	gchar *fixed_version;
	YmRemediation remediation;
	gchar *remediation_url;
	gdouble cvss;
	gchar *product;      /* the advisory's product name that matched */
	gchar *version_text; /* the advisory's own words about versions */
	gchar *title_en;
	gchar *title_ja;
} YmAdvisoryMatch;

void
ym_advisory_match_free(YmAdvisoryMatch *match);
const gchar *
ym_match_status_to_string(YmMatchStatus status);

/* @aliases (borrowed reference taken) normalises vendor names */
YmAdvisoryMatcher *
ym_advisory_matcher_new(YmVendorAliases *aliases);
/* reads every advisory row of @store into memory, indexed by vendor */
gboolean
ym_advisory_matcher_load(YmAdvisoryMatcher *self, YmStore *store, GError **error);
guint
ym_advisory_matcher_get_n_rows(YmAdvisoryMatcher *self);
/* the vulnerabilities of one device, most urgent first (YmAdvisoryMatch*) */
GPtrArray *
ym_advisory_matcher_match(YmAdvisoryMatcher *self, const YmDeviceIdentity *identity);

G_END_DECLS
