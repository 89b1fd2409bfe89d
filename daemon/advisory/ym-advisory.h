/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The normalised advisory every parser produces, whatever the format:
 * one YmAdvisory per published record (a JVN iPedia entry, a KEV entry, an
 * NVD or CVE 5 record, a CSAF document), with one YmAdvisoryProduct per
 * affected (or explicitly fixed / not affected) product and version range.
 * The store keeps one row per (advisory, cve, product).
 */

typedef enum {
	YM_ADVISORY_SOURCE_JVN,
	YM_ADVISORY_SOURCE_KEV,
	YM_ADVISORY_SOURCE_NVD,
	YM_ADVISORY_SOURCE_CVE5,
	YM_ADVISORY_SOURCE_CSAF,
	YM_ADVISORY_SOURCE_LAST
} YmAdvisorySource;

/* what the vendor offers; CSAF remediation categories map one to one */
typedef enum {
	YM_REMEDIATION_UNKNOWN,
	YM_REMEDIATION_VENDOR_FIX,     /* update the firmware */
	YM_REMEDIATION_WORKAROUND,     /* change a setting */
	YM_REMEDIATION_MITIGATION,     /* limit exposure */
	YM_REMEDIATION_NO_FIX_PLANNED, /* end of support: replace */
	YM_REMEDIATION_NONE_AVAILABLE, /* no fix yet */
	YM_REMEDIATION_LAST
} YmRemediation;

/* how a product entry relates to the vulnerability */
typedef enum {
	YM_PRODUCT_STATUS_AFFECTED,     /* the versions below are vulnerable */
	YM_PRODUCT_STATUS_FIXED,        /* the versions below have the fix */
	YM_PRODUCT_STATUS_NOT_AFFECTED, /* the versions below are not vulnerable */
	YM_PRODUCT_STATUS_LAST
} YmProductStatus;

typedef struct {
	YmProductStatus status;
	gchar *cve;     /* the CVE this entry belongs to, NULL for all of the advisory's */
	gchar *vendor;  /* as published: "日本電気", "TP-Link", "I-O DATA DEVICE, INC." */
	gchar *product; /* as published: "Archer AX21", "Aterm WX3600HP", "HDL-T" */
	/* CPE 2.3 formatted string of the vulnerable component (a firmware or
	 * application CPE), CPE 2.2 URIs are converted; NULL when not published */
	gchar *cpe;
	/* for NVD/CVE 5 AND configurations: the hardware CPE the firmware CPE
	 * only counts together with; NULL when there is none */
	gchar *platform_cpe;
	gchar *hw_rev; /* hardware revision ("V1", "ver.B"), NULL for any */
	/* version range; a NULL bound is open; all_versions covers every version */
	gboolean all_versions;
	gchar *version_exact; /* one listed version */
	gchar *version_start;
	gboolean start_inclusive;
	gchar *version_end;
	gboolean end_inclusive;
	gchar *version_text;  /* the published words, kept for display */
	gchar *fixed_version; /* first version with the fix, when known */
} YmAdvisoryProduct;

typedef struct {
	YmAdvisorySource source;
	gchar *id;           /* JVNDB-2025-000002, CVE-2023-1389, icsa-24-214-07 */
	GPtrArray *cves;     /* gchar*, "CVE-YYYY-N…", may be empty */
	gchar *title_en;     /* any of the four may be NULL */
	gchar *title_ja;
	gchar *summary_en;
	gchar *summary_ja;
	gdouble cvss;        /* highest base score, 0 when none */
	gchar *cvss_vector;  /* the vector of that score */
	gboolean kev;        /* exploited in the wild (KEV, or a KEV marker) */
	gboolean end_of_life; /* the vendor will not fix: replace the device */
	YmRemediation remediation;
	gchar *remediation_url; /* the vendor's own update page when published */
	gint64 published;       /* unix seconds, 0 unknown */
	gint64 modified;        /* unix seconds, 0 unknown */
	GPtrArray *products;    /* YmAdvisoryProduct* */
} YmAdvisory;

/* parsers hand each advisory to a sink; returning FALSE (with @error set)
 * stops the parse and the parser returns FALSE with that error */
typedef gboolean (*YmAdvisorySink)(YmAdvisory *advisory, gpointer user_data, GError **error);

YmAdvisory *
ym_advisory_new(YmAdvisorySource source, const gchar *id);
void
ym_advisory_free(YmAdvisory *advisory);
YmAdvisoryProduct *
ym_advisory_add_product(YmAdvisory *advisory);
void
ym_advisory_add_cve(YmAdvisory *advisory, const gchar *cve);
void
ym_advisory_product_free(YmAdvisoryProduct *product);

/* "jvn", "kev", "nvd", "cve5", "csaf" and back; -1 when unknown */
const gchar *
ym_advisory_source_to_string(YmAdvisorySource source);
gint
ym_advisory_source_from_string(const gchar *text);
const gchar *
ym_remediation_to_string(YmRemediation remediation);
YmRemediation
ym_remediation_from_string(const gchar *text);
const gchar *
ym_product_status_to_string(YmProductStatus status);

/* TRUE when @text looks like CVE-YYYY-NNNN… */
gboolean
ym_advisory_is_cve_id(const gchar *text);

/* "2025-08-25", "2025-08-25T12:00:00Z", "2025-08-25T12:00:00.123", "+09:00"
 * offsets; 0 when it cannot be read */
gint64
ym_advisory_parse_time(const gchar *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(YmAdvisory, ym_advisory_free)

G_END_DECLS
