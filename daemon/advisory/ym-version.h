/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Vendor firmware versions and the ranges advisories publish.
 *
 * How two versions compare (ym_version_compare):
 *
 *  1. Full-width forms become ASCII (NFKC) and letters lower case; the
 *     comparison never depends on case ("Build" = "build", "V1.0" = "v1.0").
 *  2. Leading words without a digit are names, not versions, and are
 *     dropped: "firmware Ver.2.1.8", "FortiOS 7.0.1", "Ver. 1.21".
 *  3. The first word loses a version prefix before its first digit:
 *     "v", "ver", "version", "fw", "sw", "firmware", with or without "." "_"
 *     "-" after it ("Ver.1.21", "v.32.011", "FW_1.2.10.10"), and a product
 *     tag before "-v" ("MX-V5.2.0.61" = "5.2.0.61"). Other letters stay
 *     ("R1.01.00", "nxg200v-p3-4-1").
 *  4. What is left splits into runs of digits and runs of letters; every
 *     other byte ("." "-" "_" " " "(" …) only separates, so "2.03-06" =
 *     "2.03.06" and double spaces do not matter.
 *  5. Digit runs compare as numbers: "1.02" = "1.2" = "V1.02" (no decimal
 *     fractions: "1.10" > "1.9"), and a run of zeros before the end, a build
 *     or a pre-release word is dropped: "4" = "4.0" = "4.0.0".
 *  6. Letter runs compare alphabetically, except: "build" followed by a
 *     number is the build, which ranks after the end of the main version
 *     and before anything else ("1.1.4" < "1.1.4 Build 20230219" <
 *     "1.1.4a" < "1.1.4.1" < "1.1.5"); "alpha", "beta", "rc", "pre",
 *     "preview" and "dev" are pre-releases, ranking before the end
 *     ("2.0-beta9" < "2.0"); any other letters rank after the end and
 *     before digits ("5.1.0.99-r4" > "5.1.0.99", "1.04E" < "1.04.1").
 *  7. A letter run of only "x" (or "*") is a wildcard: comparison stops
 *     there and the versions are equal ("4.5.1" = "4.x", so "<4.x" is "<4"
 *     and "<=4.x" takes in every 4.something).
 *  8. At most 64 tokens and 256 bytes are looked at.
 *
 * Several real schemes cannot be ordered this way (dates as "8/30/2024",
 * "May_1_2024"); callers see equal or odd orders for those, which is why
 * ym_version_in_range() answers "cannot decide" whenever it can tell.
 */

/* <0, 0 or >0 like strcmp; NULL sorts before any version */
gint
ym_version_compare(const gchar *a, const gchar *b);

/* has a digit and is not a placeholder ("n/a", "-", "*", "all", "unknown") */
gboolean
ym_version_is_comparable(const gchar *version);

/*
 * A published range. all_versions covers every version (even an unknown
 * one); otherwise exact is one version, or start and end bound a range
 * (NULL for an open side). The strings are the versions as written, after
 * full-width forms became ASCII and blanks were collapsed ("Ver.1.21",
 * "5.4.4 Build 161125", "4.x"), and compare with ym_version_compare().
 */
typedef struct {
	gboolean all_versions;
	gchar *exact;
	gchar *start;
	gboolean start_inclusive;
	gchar *end;
	gboolean end_inclusive;
} YmVersionRange;

/*
 * Reads a free-text range into @range, which must be zeroed or hold an
 * earlier result (it is cleared first). Understood:
 *
 *  - English: "All versions prior to version 1.14 Build 20230219",
 *    "before 7.3.7", "prior to 2.1.8", "earlier than", "less than"
 *    (exclusive ends); "Ver.1.21 and earlier", "1.3.0 or prior", "and
 *    below", "up to 2.0", "through 2.0" (inclusive ends); "2.0 and later",
 *    "from 2.0", "since 2.0" (inclusive starts); "after 2.0", "later than"
 *    (exclusive starts); "versions 1.0 through 2.0", "1.0 to 2.0", "1.0 -
 *    2.0", "between 1.0 and 2.0" (inclusive both), "2.13.0 to before
 *    2.15.0"; "all versions", "all"; a bare version is the exact version.
 *  - Japanese: 「より前」「未満」 (exclusive end), 「およびそれ以前」「以前」
 *    「以下」「まで」 (inclusive end), 「以降」「以上」「から」 (inclusive
 *    start), 「より後」「を超える」 (exclusive start), 「全てのバージョン」;
 *    「A から B より前のバージョン」 is A ≤ v < B. Full-width digits and
 *    letters are read as ASCII.
 *  - Operators as in CSAF product_version_range names and MyJVN: "<V8.1",
 *    "<=05", ">=13.5.1|<=13.5.3", ">=  5.3.1 build 150410 | <= 5.4.4  Build
 *    161125", ">=V2.8<V3.1.1", ">=\"05\"|<=\"07\"", "≤", "≥".
 *  - vers: URIs (any scheme), percent-decoded: "vers:generic/>=1.0|<2.0",
 *    "vers:unknown/15.0.1.13010-1" (exact), and "vers:all/" followed by
 *    "*" (every version).
 *
 * Dropped before reading: a trailing parenthesised note that is not a build
 * (「（CVE-2025-0354、CVE-2025-0355）」, "(AX1800)"), names before the
 * version ("firmware", "for Windows", 「ファームウェアバージョン」), and
 * qualifiers after it ("_only_if_…", "_installed_on_…", " with …").
 *
 * Returns FALSE, with @range cleared, when nothing usable is there:
 * placeholders ("n/a", "-", "unknown", "(複数の製品)", empty), a bound
 * without a digit, lists of versions ("1.32|1.33|1.35", two starts or two
 * ends, "1.0 and 1.1", a dangling "1.0,"), "!=" constraints, and versions
 * cut from a list of products, which end in a glued "and"/"or" ("<=
 * nxal100v-p1-9-1and").
 */
gboolean
ym_version_range_parse_text(const gchar *text, YmVersionRange *range);

/* frees the strings and zeroes @range; safe on a zeroed or cleared range */
void
ym_version_range_clear(YmVersionRange *range);

/*
 * 1 when @version is in the range, 0 when it is outside, -1 when that
 * cannot be decided: @version is NULL or not comparable, the range is empty
 * (no all_versions, exact, start or end), a bound is not comparable, or the
 * answer hangs on a build the other side lacks ("1.1.4" against "<1.1.4
 * Build 20230219", or "1.1.4 Build 20230101" against NVD's truncated
 * "<1.1.4"). A bound without a build that includes its version takes in
 * every build of it ("1.21 Build 3" is within "<=1.21"). all_versions is 1
 * whatever the version; exact, when set, is the only test.
 */
gint
ym_version_in_range(const gchar *version,
                    gboolean all_versions,
                    const gchar *exact,
                    const gchar *start,
                    gboolean start_inclusive,
                    const gchar *end,
                    gboolean end_inclusive);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(YmVersionRange, ym_version_range_clear)

G_END_DECLS
