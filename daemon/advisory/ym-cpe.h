/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A CPE name (NISTIR 7695), read from a CPE 2.3 formatted string
 * ("cpe:2.3:o:iodata:ud-lt1\/ex_firmware:*:*:*:*:*:*:*:*") or a CPE 2.2 URI
 * ("cpe:/o:nec:aterm_wx3600hp_firmware", percent-encoded, with the 2.3
 * extras packed into the edition as "~edition~sw_edition~target_sw~
 * target_hw~other").
 *
 * Every attribute is NULL for ANY ("*", or missing/empty in a 2.2 URI), ""
 * for NA ("-"), or the value unescaped and in lower case ("ud-lt1/ex_firmware",
 * "11.5(1)"): CPE names compare without regard to case. part is "a", "o" or
 * "h" (or NULL). Wildcards inside a value ("foo*", "?") are refused.
 */
typedef struct _YmCpe YmCpe;

struct _YmCpe {
	gchar *part;
	gchar *vendor;
	gchar *product;
	gchar *version;
	gchar *update;
	gchar *edition;
	gchar *language;
	gchar *sw_edition;
	gchar *target_sw;
	gchar *target_hw;
	gchar *other;
};

/* every attribute ANY */
YmCpe *
ym_cpe_new(void);
/* NULL with YM_ERROR_INVALID_DATA naming the component when @text is not a
 * CPE 2.3 formatted string or 2.2 URI (at most 1024 bytes) */
YmCpe *
ym_cpe_parse(const gchar *text, GError **error);
/* the CPE 2.3 formatted string, all 13 components, escaped */
gchar *
ym_cpe_to_string(const YmCpe *cpe);
YmCpe *
ym_cpe_copy(const YmCpe *cpe);
void
ym_cpe_free(YmCpe *cpe);

/*
 * TRUE when every attribute of @pattern takes in @target's, the version
 * excepted: the caller compares versions (ym_version_compare() or
 * ym_version_in_range()), because advisories publish them as ranges and
 * firmware spells them in many ways. Per attribute: a pattern ANY takes in
 * anything; a target ANY (not known about the device) is taken in by
 * anything; otherwise both must be NA, or be equal values. part "a" and "o"
 * take each other in: CVE 5 ADP entries file firmware as "a"
 * (cpe:2.3:a:dlink:dns-320l_firmware); "h" only takes in "h".
 */
gboolean
ym_cpe_name_match(const YmCpe *pattern, const YmCpe *target);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(YmCpe, ym_cpe_free)

G_END_DECLS
