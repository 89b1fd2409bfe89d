/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ym-advisory.h"

G_BEGIN_DECLS

/* the largest CSAF document we read; real ones reach 2.5 MB */
#define YM_CSAF_DOCUMENT_MAX_SIZE (16 * 1024 * 1024)
/* the most product entries one document may produce (Mobotix: 1,283);
 * above the other parsers' YM_ADVISORY_MAX_PRODUCTS because CSAF repeats
 * every product per vulnerability */
#define YM_CSAF_MAX_PRODUCTS 100000

/*
 * OASIS CSAF 2.0 documents (csaf_security_advisory, csaf_vex, csaf_base)
 * into one YmAdvisory each, handed to @sink (borrowed: the parser frees it
 * when the sink returns, as the other advisory parsers do).
 *
 * Mapping (see ym-advisory-csaf.c for the reasons):
 *  - id document.tracking.id; title and first summary (else description)
 *    note into the _ja fields when document.lang is "ja" or "ja-*",
 *    otherwise into the _en fields, whatever the language (de, nl ...)
 *  - published/modified tracking.initial_release_date/current_release_date
 *  - cvss: the highest cvss_v3/cvss_v2 baseScore of the document, with its
 *    vectorString
 *  - remediation: the strongest of vendor_fix > workaround > mitigation,
 *    else no_fix_planned, else none_available; a remediation whose text
 *    says the vendor did not respond counts as none_available, one whose
 *    text says end of life as no_fix_planned; end_of_life is set by either
 *    no_fix_planned or such a text; remediation_url is the first vendor_fix
 *    url, else the first url of any remediation
 *  - products: one entry per vulnerability, product_status list and product
 *    ID (known_affected/first_affected/last_affected: affected;
 *    fixed/first_fixed: fixed; known_not_affected: not affected; recommended
 *    and under_investigation are skipped; an ID in two lists of the same
 *    status, such as fixed and first_fixed, gives one entry); the cve is the
 *    vulnerability's, upper-cased, NULL when it has none.
 *    vendor/product are the vendor and product_name branch names (else
 *    product_family, else the product's full name); product_version (or a
 *    deeper service_pack/patch_level) gives version_exact verbatim; a
 *    "vers:" product_version_range gives bounds (one entry per interval,
 *    all_versions for "*"), any other range goes verbatim into version_text
 *    with NULL bounds; version_text is set only then. A product without any
 *    version branch is all_versions.
 *  - relationships: "installed_on" describes the platform device running
 *    the component (vendor/product of the platform, version and cpe of the
 *    component, platform_cpe the platform's cpe): Mobotix' "firmware
 *    MX-V4.1.4.11 installed on D24M" is product D24M version MX-V4.1.4.11;
 *    a version of the platform itself becomes hw_rev.
 *    The *_component_of and installed_with categories keep the component as
 *    product and put the platform's cpe into platform_cpe.
 *  - fixed_version of affected entries: a fixed entry of the same vendor and
 *    product whose version equals the affected range's exclusive end, else
 *    the only version the fixed entries of that product list, else the
 *    version a vendor_fix remediation for that product names in its text
 *    ("Update to V2.7 or later"; a text starting "<name>: " counts only for
 *    products whose name matches, as CISA lists every product under it)
 *  - model_numbers helpers are not turned into extra products: in all 886
 *    CISA uses the number is already part of the product name
 *
 * Bad data fails with YM_ERROR_INVALID_DATA naming the JSON path
 * ("$.vulnerabilities[2].product_status.fixed[0]: expected a string"); a
 * csaf_version other than 2.0 or 2.1 with YM_ERROR_NOT_SUPPORTED; sizes,
 * nesting (64), branch depth (16) and entries are capped. Product IDs that
 * product_tree does not define are skipped with one warning per document.
 */
gboolean
ym_advisory_parse_csaf(const gchar *data,
                       gsize length,
                       YmAdvisorySink sink,
                       gpointer user_data,
                       GError **error);

/* TRUE when the bytes look like a CSAF document (a JSON object with
 * "document" holding "csaf_version"), read from the first 64 KiB only */
gboolean
ym_advisory_csaf_sniff(const gchar *data, gsize length);

G_END_DECLS
