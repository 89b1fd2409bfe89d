/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * JVN iPedia and MyJVN: VULDEF 3.2 (https://jvndb.jvn.jp/schema/vuldef_3.2.xsd),
 * JVNRSS 2.0/3.2 with mod_sec (https://jvndb.jvn.jp/schema/jvnrss_3.2.xsd), the
 * MyJVN status block (status_3.3.xsd) and the MyJVN API Ver4.0 "OKA" JSON.
 *
 * Choices the records depend on:
 * - language: xml:lang (inherited from the root) or the JSON lang says which of
 *   title_ja/title_en and summary_ja/summary_en to fill; without one, Japanese
 * - CVEs: VULDEF Related items and RSS/OKA references from the CVE or NVD
 *   sources; only when there are none, the CVE IDs written in the title and
 *   overview (trimmed iPedia records carry them only there)
 * - CVSS: the highest base score of any version, v3 winning a tie with v2
 * - published: DateFirstPublished (else DatePublic), dcterms:issued (else
 *   dc:date), initial_release_date (else public_date), created (else public)
 * - products: one per AffectedItem × VersionNumber, all_versions FALSE and no
 *   bounds: the words stay in version_text, verbatim, for the range parser at
 *   ingest. A trailing note naming CVEs, as in
 *   "Ver.1.2.4より前のバージョン（CVE-2025-0354、CVE-2025-0355）", narrows the
 *   entry: it becomes one product per CVE named, each with product->cve set,
 *   unless the note names every CVE of the advisory (then one, cve NULL).
 *   An empty VersionNumber or "(複数の製品)" keeps its product with no version
 *   at all, so it tells which vendor is concerned but never matches a version.
 * - OKA products come from product_tree and product_status; a product listed
 *   for some vulnerabilities only gets one row per CVE, as above; OKA version
 *   ranges (">=2.9|<4.1") are structured and become bounds here
 * - remediation: OKA remediation categories as they are; VULDEF Solution text
 *   mentioning an update (アップデート, 最新版, update, patch) is a vendor fix,
 *   else a workaround, else stopping use means no fix planned (end of life);
 *   remediation_url is the first vendor page not on jvn.jp, else JVN's page
 *   carrying the vendor's statement
 * - malformed upstream examples: the unquoted `retCd= 0` in an XML status block
 *   and the empty `"retMax": ,` in a JSON status block are repaired, only
 *   inside that block; any other defect fails
 */

#define G_LOG_DOMAIN "YmAdvisoryJvn"

#include "config.h"

#include "ym-advisory-jvn.h"

#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <string.h>

#include "ym-error.h"

#define JVN_NS_VULDEF  "http://jvn.jp/vuldef/"
#define JVN_NS_RSS     "http://purl.org/rss/1.0/"
#define JVN_NS_SEC     "http://jvn.jp/rss/mod_sec/" /* and http://jvn.jp/rss/mod_sec/3.0/ */
#define JVN_NS_DC      "http://purl.org/dc/elements/1.1/"
#define JVN_NS_DCTERMS "http://purl.org/dc/terms/"
#define JVN_NS_RDF     "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define JVN_NS_STATUS  "http://jvndb.jvn.jp/myjvn/Status"

/* json-glib recurses per level and overflows the stack near 100000 */
#define JVN_JSON_MAX_DEPTH    64
#define JVN_TREE_MAX_DEPTH    16 /* OKA product_tree branches */
#define JVN_TEXT_MAX          (64 * 1024)
#define JVN_CPE_MAX           1024
#define JVN_URL_MAX           2048
#define JVN_VECTOR_MAX        256
#define JVN_ERROR_TEXT_MAX    200 /* characters of errMsg quoted in a GError */
#define JVN_CHECKSUM_MAX_SIZE (1024 * 1024)
#define JVN_CHECKSUM_MAX      4096
#define JVN_SNIFF_WINDOW      4096

G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlTextReader, xmlFreeTextReader)

/* text */

static gchar *
jvn_strdup_trimmed(const gchar *text)
{
	gchar *copy;
	if (text == NULL)
		return NULL;
	copy = g_strstrip(g_strdup(text));
	if (copy[0] == '\0') {
		g_free(copy);
		return NULL;
	}
	return copy;
}

/* at most @max bytes, cut on a character boundary */
static void
jvn_truncate_utf8(gchar *text, gsize max)
{
	gchar *end;
	if (strlen(text) <= max)
		return;
	end = g_utf8_find_prev_char(text, text + max + 1);
	if (end != NULL)
		*end = '\0';
}

static gboolean
jvn_has_prefix_ci(const gchar *text, const gchar *prefix)
{
	return g_ascii_strncasecmp(text, prefix, strlen(prefix)) == 0;
}

/* CR LF and lone CR become LF (the iPedia feeds write &#13;), the list and
 * paragraph markup some overviews carry escaped (&lt;ul&gt;&lt;li&gt;)
 * becomes line breaks; NULL when nothing is left */
static gchar *
jvn_clean_text(const gchar *text)
{
	static const gchar *const tags[] = {
	    "<ul>", "</ul>", "<li>", "</li>", "<br>", "<br/>", "<br />", "<p>", "</p>",
	};
	g_autoptr(GString) out = NULL;
	gchar *result;

	if (text == NULL)
		return NULL;
	out = g_string_sized_new(strlen(text));
	for (const gchar *p = text; *p != '\0';) {
		gboolean tag = FALSE;
		if (*p == '\r') {
			g_string_append_c(out, '\n');
			p += p[1] == '\n' ? 2 : 1;
			continue;
		}
		if (*p == '<') {
			for (guint i = 0; i < G_N_ELEMENTS(tags); i++) {
				if (jvn_has_prefix_ci(p, tags[i])) {
					/* no run of empty lines from nested tags */
					if (out->len > 0 && out->str[out->len - 1] != '\n')
						g_string_append_c(out, '\n');
					p += strlen(tags[i]);
					tag = TRUE;
					break;
				}
			}
			if (tag)
				continue;
		}
		g_string_append_c(out, *p);
		p++;
	}
	result = jvn_strdup_trimmed(out->str);
	if (result != NULL)
		jvn_truncate_utf8(result, JVN_TEXT_MAX);
	return result;
}

/* length of a CVE ID starting at @p (CVE-YYYY-NNNN…), 0 when there is none */
static gsize
jvn_cve_length(const gchar *p)
{
	gsize i = 4;
	gsize digits = 0;
	if (g_ascii_strncasecmp(p, "CVE-", 4) != 0)
		return 0;
	for (; i < 8; i++) {
		if (!g_ascii_isdigit(p[i]))
			return 0;
	}
	if (p[i++] != '-')
		return 0;
	for (; g_ascii_isdigit(p[i]); i++)
		digits++;
	if (digits < 4 || digits > 19 || g_ascii_isalnum(p[i]))
		return 0;
	return i;
}

/* every CVE ID written in @text */
static void
jvn_add_cves_from_text(YmAdvisory *advisory, const gchar *text)
{
	if (text == NULL)
		return;
	for (const gchar *p = text; *p != '\0'; p++) {
		gsize length;
		if (*p != 'C' && *p != 'c')
			continue;
		if (p > text && (g_ascii_isalnum(p[-1]) || p[-1] == '-'))
			continue;
		length = jvn_cve_length(p);
		if (length > 0) {
			g_autofree gchar *cve = g_strndup(p, length);
			ym_advisory_add_cve(advisory, cve);
			p += length - 1;
		}
	}
}

/* the CVE IDs of a trailing note made of nothing else, as in
 * "Ver.1.3.0より前のバージョン（CVE-2025-0355）"; NULL without one */
static GPtrArray *
jvn_version_note_cves(const gchar *text)
{
	g_autofree gchar *normal = NULL;
	g_autoptr(GPtrArray) cves = g_ptr_array_new_with_free_func(g_free);
	gchar *open;
	gchar *close;
	g_auto(GStrv) tokens = NULL;

	if (text == NULL)
		return NULL;
	/* （、，and full-width letters and digits become ASCII */
	normal = g_utf8_normalize(text, -1, G_NORMALIZE_NFKC);
	if (normal == NULL)
		return NULL;
	g_strstrip(normal);
	close = normal + strlen(normal);
	if (close == normal || close[-1] != ')')
		return NULL;
	close[-1] = '\0';
	open = strrchr(normal, '(');
	if (open == NULL)
		return NULL;
	/* the ideographic comma stays itself under NFKC */
	tokens = g_strsplit_set(open + 1, ", ", -1);
	for (guint i = 0; tokens[i] != NULL; i++) {
		gchar **parts = g_strsplit(tokens[i], "、", -1);
		for (guint j = 0; parts[j] != NULL; j++) {
			g_strstrip(parts[j]);
			if (parts[j][0] == '\0')
				continue;
			if (!ym_advisory_is_cve_id(parts[j])) {
				g_strfreev(parts);
				return NULL;
			}
			g_ptr_array_add(cves, g_ascii_strup(parts[j], -1));
		}
		g_strfreev(parts);
	}
	if (cves->len == 0)
		return NULL;
	return g_steal_pointer(&cves);
}

/* 2023-01-05T12:02+09:00: the iPedia RSS feeds leave out the seconds */
static gint64
jvn_parse_time(const gchar *text)
{
	g_autofree gchar *trimmed = jvn_strdup_trimmed(text);
	gsize length;

	if (trimmed == NULL)
		return 0;
	length = strlen(trimmed);
	if (length >= 16 && trimmed[10] == 'T' && trimmed[13] == ':' &&
	    (length == 16 || trimmed[16] == '+' || trimmed[16] == '-' || trimmed[16] == 'Z')) {
		g_autofree gchar *with_seconds =
		    g_strdup_printf("%.16s:00%s", trimmed, trimmed + 16);
		return ym_advisory_parse_time(with_seconds);
	}
	return ym_advisory_parse_time(trimmed);
}

/* an http(s) address we may show and open; nothing else */
static gboolean
jvn_url_is_web(const gchar *url)
{
	if (url == NULL || strlen(url) > JVN_URL_MAX)
		return FALSE;
	if (!jvn_has_prefix_ci(url, "https://") && !jvn_has_prefix_ci(url, "http://"))
		return FALSE;
	for (const gchar *p = url; *p != '\0'; p++) {
		if ((guchar) *p <= 0x20 || *p == 0x7f)
			return FALSE;
	}
	return TRUE;
}

/* a copy with the scheme in lower case, as other code compares it */
static gchar *
jvn_url_dup(const gchar *url)
{
	gchar *copy = g_strdup(url);
	for (gchar *p = copy; *p != '\0' && *p != ':'; p++)
		*p = g_ascii_tolower(*p);
	return copy;
}

static gboolean
jvn_url_is_jvn(const gchar *url)
{
	const gchar *host = strstr(url, "://");
	gsize length;
	g_autofree gchar *name = NULL;

	if (host == NULL)
		return FALSE;
	host += 3;
	length = strcspn(host, "/?#:");
	name = g_ascii_strdown(host, length);
	return g_strcmp0(name, "jvn.jp") == 0 || g_str_has_suffix(name, ".jvn.jp");
}

/* the vendor's own page wins over JVN's copy of the vendor statement */
static void
jvn_take_vendor_url(YmAdvisory *advisory, const gchar *url, gboolean *own_page)
{
	if (!jvn_url_is_web(url) || *own_page)
		return;
	if (!jvn_url_is_jvn(url)) {
		g_free(advisory->remediation_url);
		advisory->remediation_url = jvn_url_dup(url);
		*own_page = TRUE;
	} else if (advisory->remediation_url == NULL) {
		advisory->remediation_url = jvn_url_dup(url);
	}
}

static gboolean
jvn_vector_is_valid(const gchar *vector)
{
	if (vector == NULL || vector[0] == '\0' || strlen(vector) > JVN_VECTOR_MAX)
		return FALSE;
	for (const gchar *p = vector; *p != '\0'; p++) {
		if (!g_ascii_isgraph(*p))
			return FALSE;
	}
	return TRUE;
}

static void
jvn_take_cvss(YmAdvisory *advisory, gdouble score, const gchar *vector)
{
	gboolean newer;
	/* also refuses NaN */
	if (!(score > 0.0 && score <= 10.0))
		return;
	newer =
	    vector != NULL && g_str_has_prefix(vector, "CVSS:") &&
	    (advisory->cvss_vector == NULL || !g_str_has_prefix(advisory->cvss_vector, "CVSS:"));
	if (score < advisory->cvss || (score == advisory->cvss && !newer))
		return;
	advisory->cvss = score;
	g_free(advisory->cvss_vector);
	advisory->cvss_vector = jvn_vector_is_valid(vector) ? g_strdup(vector) : NULL;
}

static gboolean
jvn_parse_score(const gchar *text, gdouble *score)
{
	g_autofree gchar *trimmed = jvn_strdup_trimmed(text);
	gchar *end = NULL;
	if (trimmed == NULL)
		return FALSE;
	*score = g_ascii_strtod(trimmed, &end);
	return end != trimmed && *end == '\0';
}

static const gchar *
jvn_strcasestr(const gchar *haystack, const gchar *needle)
{
	g_autofree gchar *lower = g_ascii_strdown(haystack, -1);
	const gchar *hit = strstr(lower, needle);
	return hit == NULL ? NULL : haystack + (hit - lower);
}

static YmRemediation
jvn_remediation_from_solution(const gchar *text)
{
	static const gchar *const fix[] = {"アップデート", "最新版", "update", "パッチ", "patch"};
	static const gchar *const workaround[] = {"ワークアラウンド", "回避策", "workaround"};
	static const gchar *const stop[] = {"利用を停止", "使用を停止", "使用を中止",
	                                    "discontinue"};

	if (text == NULL)
		return YM_REMEDIATION_UNKNOWN;
	for (guint i = 0; i < G_N_ELEMENTS(fix); i++) {
		if (jvn_strcasestr(text, fix[i]) != NULL)
			return YM_REMEDIATION_VENDOR_FIX;
	}
	for (guint i = 0; i < G_N_ELEMENTS(workaround); i++) {
		if (jvn_strcasestr(text, workaround[i]) != NULL)
			return YM_REMEDIATION_WORKAROUND;
	}
	for (guint i = 0; i < G_N_ELEMENTS(stop); i++) {
		if (jvn_strcasestr(text, stop[i]) != NULL)
			return YM_REMEDIATION_NO_FIX_PLANNED;
	}
	return YM_REMEDIATION_UNKNOWN;
}

/* the better of two remediations for the resident: a fix first */
static YmRemediation
jvn_remediation_best(YmRemediation a, YmRemediation b)
{
	static const guint rank[YM_REMEDIATION_LAST] = {
	    [YM_REMEDIATION_UNKNOWN] = 0,        [YM_REMEDIATION_NONE_AVAILABLE] = 1,
	    [YM_REMEDIATION_NO_FIX_PLANNED] = 2, [YM_REMEDIATION_MITIGATION] = 3,
	    [YM_REMEDIATION_WORKAROUND] = 4,     [YM_REMEDIATION_VENDOR_FIX] = 5,
	};
	if ((guint) a >= YM_REMEDIATION_LAST)
		return b;
	if ((guint) b >= YM_REMEDIATION_LAST)
		return a;
	return rank[b] > rank[a] ? b : a;
}

static void
jvn_set_text(YmAdvisory *advisory, gboolean english, const gchar *title, const gchar *summary)
{
	gchar **title_field = english ? &advisory->title_en : &advisory->title_ja;
	gchar **summary_field = english ? &advisory->summary_en : &advisory->summary_ja;
	g_free(*title_field);
	*title_field = jvn_clean_text(title);
	g_free(*summary_field);
	*summary_field = jvn_clean_text(summary);
}

/* CPE */

/* one CPE 2.3 formatted-string field from a URI (2.2) or formatted-string
 * component: lower case, percent-decoded, punctuation quoted; NULL when it
 * holds bytes no CPE may */
static gboolean
jvn_cpe_append_field(GString *out, const gchar *field, gboolean formatted)
{
	if (field[0] == '\0') {
		g_string_append_c(out, '*');
		return TRUE;
	}
	if (g_strcmp0(field, "-") == 0 || (formatted && g_strcmp0(field, "*") == 0)) {
		g_string_append(out, field);
		return TRUE;
	}
	for (const gchar *p = field; *p != '\0'; p++) {
		gchar c = *p;
		if (formatted && c == '\\' && g_ascii_isgraph(p[1])) {
			g_string_append_c(out, c);
			g_string_append_c(out, g_ascii_tolower(p[1]));
			p++;
			continue;
		}
		if (c == '%') {
			gint high = g_ascii_xdigit_value(p[1]);
			gint low = high < 0 ? -1 : g_ascii_xdigit_value(p[2]);
			if (low < 0)
				return FALSE;
			c = (gchar) (high * 16 + low);
			p += 2;
			/* %01 and %02 are the URI's single and multiple wildcards */
			if (c == 0x01 || c == 0x02) {
				g_string_append_c(out, c == 0x01 ? '?' : '*');
				continue;
			}
		} else if (formatted && (c == '*' || c == '?')) {
			g_string_append_c(out, c);
			continue;
		}
		if (!g_ascii_isgraph(c))
			return FALSE;
		if (!g_ascii_isalnum(c) && c != '_' && c != '.' && c != '-')
			g_string_append_c(out, '\\');
		g_string_append_c(out, g_ascii_tolower(c));
	}
	return TRUE;
}

/* cpe:/o:nec:aterm_wx3600hp_firmware → cpe:2.3:o:nec:aterm_wx3600hp_firmware:*:*:…
 * (NISTIR 7695 §6.1.3 unbinding, §6.2.2 binding, packed editions unpacked) */
static gchar *
jvn_cpe_from_uri(const gchar *uri)
{
	g_autoptr(GString) out = g_string_new("cpe:2.3:");
	g_auto(GStrv) fields = NULL;
	g_auto(GStrv) editions = NULL;
	const gchar *values[11] = {NULL};
	guint n_fields;

	fields = g_strsplit(uri + 5, ":", -1);
	n_fields = g_strv_length(fields);
	if (n_fields < 1 || n_fields > 7)
		return NULL;
	for (guint i = 0; i < n_fields; i++)
		values[i] = fields[i];
	/* the edition packs edition, sw_edition, target_sw, target_hw, other */
	if (n_fields >= 6 && fields[5][0] == '~') {
		editions = g_strsplit(fields[5] + 1, "~", -1);
		if (g_strv_length(editions) != 5)
			return NULL;
		values[5] = editions[0];
		values[6] = n_fields == 7 ? fields[6] : NULL;
		for (guint i = 1; i < 5; i++)
			values[6 + i] = editions[i];
	}
	if (g_strcmp0(values[0], "a") != 0 && g_strcmp0(values[0], "o") != 0 &&
	    g_strcmp0(values[0], "h") != 0 && g_strcmp0(values[0], "") != 0)
		return NULL;
	for (guint i = 0; i < 11; i++) {
		if (i > 0)
			g_string_append_c(out, ':');
		if (!jvn_cpe_append_field(out, values[i] != NULL ? values[i] : "", FALSE))
			return NULL;
	}
	return g_string_free(g_steal_pointer(&out), FALSE);
}

/* a CPE 2.3 formatted string, re-quoted: OKA writes %28 where the
 * specification quotes \( */
static gchar *
jvn_cpe_from_formatted(const gchar *cpe)
{
	g_autoptr(GString) out = g_string_new("cpe:2.3:");
	g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func(g_free);
	const gchar *start = cpe + 8;

	for (const gchar *p = start;; p++) {
		if (*p == '\\' && p[1] != '\0') {
			p++;
			continue;
		}
		if (*p == ':' || *p == '\0') {
			g_ptr_array_add(fields, g_strndup(start, p - start));
			if (*p == '\0')
				break;
			start = p + 1;
		}
	}
	if (fields->len != 11)
		return NULL;
	for (guint i = 0; i < fields->len; i++) {
		if (i > 0)
			g_string_append_c(out, ':');
		if (!jvn_cpe_append_field(out, g_ptr_array_index(fields, i), TRUE))
			return NULL;
	}
	return g_string_free(g_steal_pointer(&out), FALSE);
}

static gchar *
jvn_cpe_normalise(const gchar *text)
{
	g_autofree gchar *cpe = jvn_strdup_trimmed(text);
	if (cpe == NULL || strlen(cpe) > JVN_CPE_MAX)
		return NULL;
	/* CPE names are case-insensitive; the dictionary writes them lower case */
	for (gchar *p = cpe; *p != '\0'; p++)
		*p = g_ascii_tolower(*p);
	if (jvn_has_prefix_ci(cpe, "cpe:/"))
		return jvn_cpe_from_uri(cpe);
	if (jvn_has_prefix_ci(cpe, "cpe:2.3:"))
		return jvn_cpe_from_formatted(cpe);
	return NULL;
}

/* a sink that fails without saying why still stops the parse with an error */
static gboolean
jvn_sink_call(YmAdvisorySink sink, YmAdvisory *advisory, gpointer user_data, GError **error)
{
	g_autoptr(GError) error_local = NULL;
	if (sink(advisory, user_data, &error_local))
		return TRUE;
	if (error_local == NULL)
		error_local = g_error_new(YM_ERROR, YM_ERROR_INTERNAL,
		                          "the advisory sink refused %s", advisory->id);
	g_propagate_error(error, g_steal_pointer(&error_local));
	return FALSE;
}

/* products */

typedef struct {
	YmAdvisory *advisory;
	GHashTable *seen; /* keys of the products added */
} JvnRows;

static void
jvn_rows_init(JvnRows *rows, YmAdvisory *advisory)
{
	rows->advisory = advisory;
	rows->seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
}

static void
jvn_rows_clear(JvnRows *rows)
{
	g_clear_pointer(&rows->seen, g_hash_table_unref);
}

/* a new product, or NULL when the very same one is there already */
static YmAdvisoryProduct *
jvn_rows_add(JvnRows *rows,
             YmProductStatus status,
             const gchar *cve,
             const gchar *vendor,
             const gchar *product_name,
             const gchar *cpe,
             const gchar *version)
{
	YmAdvisoryProduct *product;
	gchar *key = g_strdup_printf("%d\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s", status, cve ? cve : "",
	                             vendor ? vendor : "", product_name ? product_name : "",
	                             cpe ? cpe : "", version ? version : "");
	if (!g_hash_table_add(rows->seen, key))
		return NULL;
	product = ym_advisory_add_product(rows->advisory);
	product->status = status;
	product->cve = g_strdup(cve);
	product->vendor = g_strdup(vendor);
	product->product = g_strdup(product_name);
	product->cpe = g_strdup(cpe);
	return product;
}

/* TRUE when @cves names every CVE of the advisory */
static gboolean
jvn_cves_cover_advisory(YmAdvisory *advisory, GPtrArray *cves)
{
	for (guint i = 0; i < advisory->cves->len; i++) {
		gboolean found = FALSE;
		for (guint j = 0; j < cves->len && !found; j++)
			found = g_strcmp0(g_ptr_array_index(advisory->cves, i),
			                  g_ptr_array_index(cves, j)) == 0;
		if (!found)
			return FALSE;
	}
	return TRUE;
}

/* one VULDEF AffectedItem × VersionNumber: the words only, per CVE when the
 * words end in a note naming some of the advisory's CVEs */
static void
jvn_rows_add_affected(JvnRows *rows,
                      const gchar *vendor,
                      const gchar *product_name,
                      const gchar *cpe,
                      const gchar *version_text)
{
	g_autoptr(GPtrArray) cves = jvn_version_note_cves(version_text);
	YmAdvisoryProduct *product;

	if (cves != NULL) {
		for (guint i = 0; i < cves->len; i++)
			ym_advisory_add_cve(rows->advisory, g_ptr_array_index(cves, i));
		if (jvn_cves_cover_advisory(rows->advisory, cves))
			g_clear_pointer(&cves, g_ptr_array_unref);
	}
	if (cves == NULL) {
		product = jvn_rows_add(rows, YM_PRODUCT_STATUS_AFFECTED, NULL, vendor, product_name,
		                       cpe, version_text);
		if (product != NULL)
			product->version_text = g_strdup(version_text);
		return;
	}
	for (guint i = 0; i < cves->len; i++) {
		product = jvn_rows_add(rows, YM_PRODUCT_STATUS_AFFECTED, g_ptr_array_index(cves, i),
		                       vendor, product_name, cpe, version_text);
		if (product != NULL)
			product->version_text = g_strdup(version_text);
	}
}

/* an OKA version: one version, or the range language ">=2.9|<4.1" */
static void
jvn_product_set_version(YmAdvisoryProduct *product, const gchar *version)
{
	g_auto(GStrv) parts = NULL;

	if (version == NULL)
		return;
	product->version_text = g_strdup(version);
	if (strpbrk(version, "<>=|") == NULL) {
		/* words are for the range parser at ingest, not one version */
		if (strpbrk(version, " \t\n") == NULL)
			product->version_exact = g_strdup(version);
		return;
	}
	parts = g_strsplit(version, "|", 3);
	for (guint i = 0; parts[i] != NULL; i++) {
		gchar *part = g_strstrip(parts[i]);
		gchar **bound = NULL;
		gboolean *inclusive = NULL;
		gboolean equal = part[0] != '\0' && part[1] == '=';
		if (part[0] == '>') {
			bound = &product->version_start;
			inclusive = &product->start_inclusive;
		} else if (part[0] == '<') {
			bound = &product->version_end;
			inclusive = &product->end_inclusive;
		} else if (part[0] == '=') {
			bound = &product->version_exact;
			equal = FALSE;
		}
		part = g_strstrip(part + (bound == NULL ? 0 : (equal ? 2 : 1)));
		if (bound == NULL || part[0] == '\0' || *bound != NULL ||
		    strpbrk(part, "<>=") != NULL) {
			/* not the language we know: leave the words to the range parser */
			g_clear_pointer(&product->version_start, g_free);
			g_clear_pointer(&product->version_end, g_free);
			g_clear_pointer(&product->version_exact, g_free);
			product->start_inclusive = product->end_inclusive = FALSE;
			return;
		}
		*bound = g_strdup(part);
		if (inclusive != NULL)
			*inclusive = equal;
	}
}

/* XML */

typedef enum {
	JVN_XML_VULDEF,
	JVN_XML_RSS,
} JvnXmlKind;

typedef struct {
	JvnXmlKind kind;
	YmAdvisorySink sink;
	gpointer user_data;
	gchar *parse_error; /* the first libxml2 error, "line N: message" */
	gchar *root;        /* the root element when it is not the one expected */
	gboolean root_ok;
	gchar *ret_cd; /* the MyJVN status block */
	gchar *err_cd;
	gchar *err_msg;
	gchar *method;
	gchar *total_res; /* paging, kept only as text until the end */
	gchar *total_res_ret;
	gchar *first_res;
} JvnXmlContext;

static void
jvn_xml_context_clear(JvnXmlContext *ctx)
{
	g_free(ctx->parse_error);
	g_free(ctx->root);
	g_free(ctx->ret_cd);
	g_free(ctx->err_cd);
	g_free(ctx->err_msg);
	g_free(ctx->method);
	g_free(ctx->total_res);
	g_free(ctx->total_res_ret);
	g_free(ctx->first_res);
}

static void
jvn_xml_error_cb(void *user_data, xmlErrorPtr xml_error)
{
	JvnXmlContext *ctx = user_data;
	g_autofree gchar *message = NULL;

	if (xml_error == NULL || xml_error->level < XML_ERR_ERROR || ctx->parse_error != NULL)
		return;
	/* libxml2 quotes the input after the first line of some messages
	 * ("Comment not terminated \n<!--…"): that is payload, leave it out */
	message = g_utf8_make_valid(
	    xml_error->message != NULL ? xml_error->message : "malformed XML", -1);
	message[strcspn(message, "\r\n")] = '\0';
	jvn_truncate_utf8(g_strchomp(message), JVN_ERROR_TEXT_MAX);
	ctx->parse_error = g_strdup_printf("line %d: %s", xml_error->line, message);
}

/* encoding and I/O errors bypass the reader's handler: keep them off stderr,
 * the reader fails on them anyway */
static void
jvn_xml_generic_error_cb(void *user_data, const char *format, ...)
{
}

static gboolean
jvn_node_is(const xmlNode *node, const gchar *ns, const gchar *name)
{
	return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
	       node->ns->href != NULL && g_str_has_prefix((const gchar *) node->ns->href, ns) &&
	       g_strcmp0((const gchar *) node->name, name) == 0;
}

static xmlNode *
jvn_node_child(const xmlNode *node, const gchar *ns, const gchar *name)
{
	if (node == NULL)
		return NULL;
	for (xmlNode *child = node->children; child != NULL; child = child->next) {
		if (jvn_node_is(child, ns, name))
			return child;
	}
	return NULL;
}

static gchar *
jvn_node_text(const xmlNode *node)
{
	xmlChar *content;
	gchar *text;
	if (node == NULL)
		return NULL;
	content = xmlNodeGetContent(node);
	text = jvn_strdup_trimmed((const gchar *) content);
	xmlFree(content);
	return text;
}

static gchar *
jvn_node_child_text(const xmlNode *node, const gchar *ns, const gchar *name)
{
	return jvn_node_text(jvn_node_child(node, ns, name));
}

static gchar *
jvn_node_prop(const xmlNode *node, const gchar *name)
{
	xmlChar *value = xmlGetNoNsProp(node, (const xmlChar *) name);
	gchar *text = jvn_strdup_trimmed((const gchar *) value);
	xmlFree(value);
	return text;
}

static gboolean
jvn_node_is_english(const xmlNode *node)
{
	xmlChar *lang = xmlNodeGetLang(node);
	gboolean english = lang != NULL && jvn_has_prefix_ci((const gchar *) lang, "en");
	xmlFree(lang);
	return english;
}

static gboolean
jvn_deliver(JvnXmlContext *ctx, YmAdvisory *advisory, GError **error)
{
	return jvn_sink_call(ctx->sink, advisory, ctx->user_data, error);
}

/* Related: the CVEs, and the vendor's page */
static void
jvn_vuldef_related(YmAdvisory *advisory, const xmlNode *related)
{
	gboolean own_page = FALSE;
	if (related == NULL)
		return;
	for (xmlNode *item = related->children; item != NULL; item = item->next) {
		g_autofree gchar *type = NULL;
		g_autofree gchar *name = NULL;
		g_autofree gchar *id = NULL;
		if (!jvn_node_is(item, JVN_NS_VULDEF, "RelatedItem"))
			continue;
		type = jvn_node_prop(item, "type");
		name = jvn_node_child_text(item, JVN_NS_VULDEF, "Name");
		id = jvn_node_child_text(item, JVN_NS_VULDEF, "VulinfoID");
		if (g_strcmp0(type, "advisory") == 0 && name != NULL && id != NULL &&
		    (strstr(name, "CVE") != NULL || strstr(name, "NVD") != NULL)) {
			ym_advisory_add_cve(advisory, id);
		} else if (g_strcmp0(type, "vendor") == 0) {
			g_autofree gchar *url = jvn_node_child_text(item, JVN_NS_VULDEF, "URL");
			jvn_take_vendor_url(advisory, url, &own_page);
		}
	}
}

static void
jvn_vuldef_impact(YmAdvisory *advisory, const xmlNode *impact)
{
	if (impact == NULL)
		return;
	for (xmlNode *cvss = impact->children; cvss != NULL; cvss = cvss->next) {
		g_autofree gchar *base = NULL;
		g_autofree gchar *vector = NULL;
		gdouble score = 0;
		if (!jvn_node_is(cvss, JVN_NS_VULDEF, "Cvss"))
			continue;
		base = jvn_node_child_text(cvss, JVN_NS_VULDEF, "Base");
		vector = jvn_node_child_text(cvss, JVN_NS_VULDEF, "Vector");
		if (jvn_parse_score(base, &score))
			jvn_take_cvss(advisory, score, vector);
	}
}

static void
jvn_vuldef_solution(YmAdvisory *advisory, const xmlNode *solution)
{
	if (solution == NULL)
		return;
	for (xmlNode *item = solution->children; item != NULL; item = item->next) {
		g_autofree gchar *text = NULL;
		YmRemediation remediation;
		if (!jvn_node_is(item, JVN_NS_VULDEF, "SolutionItem"))
			continue;
		text = jvn_node_child_text(item, JVN_NS_VULDEF, "Description");
		remediation = jvn_remediation_from_solution(text);
		advisory->remediation = jvn_remediation_best(advisory->remediation, remediation);
	}
	advisory->end_of_life = advisory->remediation == YM_REMEDIATION_NO_FIX_PLANNED;
}

static void
jvn_vuldef_affected(JvnRows *rows, const xmlNode *affected)
{
	if (affected == NULL)
		return;
	for (xmlNode *item = affected->children; item != NULL; item = item->next) {
		g_autofree gchar *vendor = NULL;
		g_autofree gchar *product = NULL;
		g_autofree gchar *cpe_text = NULL;
		g_autofree gchar *cpe = NULL;
		gboolean any_version = FALSE;

		if (!jvn_node_is(item, JVN_NS_VULDEF, "AffectedItem"))
			continue;
		vendor = jvn_node_child_text(item, JVN_NS_VULDEF, "Name");
		product = jvn_node_child_text(item, JVN_NS_VULDEF, "ProductName");
		cpe_text = jvn_node_child_text(item, JVN_NS_VULDEF, "Cpe");
		cpe = jvn_cpe_normalise(cpe_text);
		for (xmlNode *version = item->children; version != NULL; version = version->next) {
			g_autofree gchar *text = NULL;
			if (!jvn_node_is(version, JVN_NS_VULDEF, "VersionNumber"))
				continue;
			text = jvn_node_text(version);
			jvn_rows_add_affected(rows, vendor, product, cpe, text);
			any_version = TRUE;
		}
		if (!any_version)
			jvn_rows_add_affected(rows, vendor, product, cpe, NULL);
	}
}

static gboolean
jvn_parse_vulinfo(JvnXmlContext *ctx, xmlNode *vulinfo, GError **error)
{
	g_autofree gchar *id = jvn_node_child_text(vulinfo, JVN_NS_VULDEF, "VulinfoID");
	xmlNode *data = jvn_node_child(vulinfo, JVN_NS_VULDEF, "VulinfoData");
	g_autoptr(YmAdvisory) advisory = NULL;
	g_autofree gchar *title = NULL;
	g_autofree gchar *overview = NULL;
	g_autofree gchar *first = NULL;
	g_autofree gchar *updated = NULL;
	g_autofree gchar *public = NULL;
	JvnRows rows;

	if (id == NULL || data == NULL) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "line %ld: Vulinfo without %s",
		            xmlGetLineNo(vulinfo), id == NULL ? "VulinfoID" : "VulinfoData");
		return FALSE;
	}
	jvn_truncate_utf8(id, 64);
	advisory = ym_advisory_new(YM_ADVISORY_SOURCE_JVN, id);
	title = jvn_node_child_text(data, JVN_NS_VULDEF, "Title");
	overview = jvn_node_child_text(jvn_node_child(data, JVN_NS_VULDEF, "VulinfoDescription"),
	                               JVN_NS_VULDEF, "Overview");
	jvn_set_text(advisory, jvn_node_is_english(vulinfo), title, overview);
	jvn_vuldef_related(advisory, jvn_node_child(data, JVN_NS_VULDEF, "Related"));
	if (advisory->cves->len == 0) {
		jvn_add_cves_from_text(advisory, title);
		jvn_add_cves_from_text(advisory, overview);
	}
	jvn_vuldef_impact(advisory, jvn_node_child(data, JVN_NS_VULDEF, "Impact"));
	jvn_vuldef_solution(advisory, jvn_node_child(data, JVN_NS_VULDEF, "Solution"));
	first = jvn_node_child_text(data, JVN_NS_VULDEF, "DateFirstPublished");
	updated = jvn_node_child_text(data, JVN_NS_VULDEF, "DateLastUpdated");
	public = jvn_node_child_text(data, JVN_NS_VULDEF, "DatePublic");
	advisory->published = jvn_parse_time(first);
	if (advisory->published == 0)
		advisory->published = jvn_parse_time(public);
	advisory->modified = jvn_parse_time(updated);
	if (advisory->modified == 0)
		advisory->modified = advisory->published;

	jvn_rows_init(&rows, advisory);
	jvn_vuldef_affected(&rows, jvn_node_child(data, JVN_NS_VULDEF, "Affected"));
	jvn_rows_clear(&rows);
	return jvn_deliver(ctx, advisory, error);
}

static void
jvn_rss_child(YmAdvisory *advisory, JvnRows *rows, xmlNode *child, gchar **issued, gchar **date)
{
	if (jvn_node_is(child, JVN_NS_SEC, "references")) {
		g_autofree gchar *source = jvn_node_prop(child, "source");
		g_autofree gchar *id = jvn_node_prop(child, "id");
		if (g_strcmp0(source, "CVE") == 0 || g_strcmp0(source, "NVD") == 0)
			ym_advisory_add_cve(advisory, id);
	} else if (jvn_node_is(child, JVN_NS_SEC, "cpe")) {
		g_autofree gchar *vendor = jvn_node_prop(child, "vendor");
		g_autofree gchar *product = jvn_node_prop(child, "product");
		g_autofree gchar *text = jvn_node_text(child);
		g_autofree gchar *cpe = jvn_cpe_normalise(text);
		jvn_rows_add(rows, YM_PRODUCT_STATUS_AFFECTED, NULL, vendor, product, cpe, NULL);
	} else if (jvn_node_is(child, JVN_NS_SEC, "cvss")) {
		g_autofree gchar *score = jvn_node_prop(child, "score");
		g_autofree gchar *vector = jvn_node_prop(child, "vector");
		gdouble value = 0;
		if (jvn_parse_score(score, &value))
			jvn_take_cvss(advisory, value, vector);
	} else if (jvn_node_is(child, JVN_NS_DCTERMS, "issued")) {
		g_free(*issued);
		*issued = jvn_node_text(child);
	} else if (jvn_node_is(child, JVN_NS_DCTERMS, "modified")) {
		g_autofree gchar *modified = jvn_node_text(child);
		advisory->modified = jvn_parse_time(modified);
	} else if (jvn_node_is(child, JVN_NS_DC, "date")) {
		g_free(*date);
		*date = jvn_node_text(child);
	}
}

static gboolean
jvn_parse_item(JvnXmlContext *ctx, xmlNode *item, GError **error)
{
	g_autofree gchar *id = jvn_node_child_text(item, JVN_NS_SEC, "identifier");
	g_autoptr(YmAdvisory) advisory = NULL;
	g_autofree gchar *title = NULL;
	g_autofree gchar *description = NULL;
	g_autofree gchar *issued = NULL;
	g_autofree gchar *date = NULL;
	JvnRows rows;

	if (id == NULL) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "line %ld: item without sec:identifier", xmlGetLineNo(item));
		return FALSE;
	}
	jvn_truncate_utf8(id, 64);
	advisory = ym_advisory_new(YM_ADVISORY_SOURCE_JVN, id);
	title = jvn_node_child_text(item, JVN_NS_RSS, "title");
	description = jvn_node_child_text(item, JVN_NS_RSS, "description");
	jvn_set_text(advisory, jvn_node_is_english(item), title, description);
	jvn_rows_init(&rows, advisory);
	for (xmlNode *child = item->children; child != NULL; child = child->next)
		jvn_rss_child(advisory, &rows, child, &issued, &date);
	jvn_rows_clear(&rows);
	if (advisory->cves->len == 0) {
		jvn_add_cves_from_text(advisory, title);
		jvn_add_cves_from_text(advisory, description);
	}
	advisory->published = jvn_parse_time(issued);
	if (advisory->published == 0)
		advisory->published = jvn_parse_time(date);
	if (advisory->modified == 0)
		advisory->modified = jvn_parse_time(date);
	if (advisory->modified == 0)
		advisory->modified = advisory->published;
	return jvn_deliver(ctx, advisory, error);
}

static void
jvn_parse_status(JvnXmlContext *ctx, xmlNode *status)
{
	g_free(ctx->ret_cd);
	ctx->ret_cd = jvn_node_prop(status, "retCd");
	if (ctx->ret_cd == NULL)
		ctx->ret_cd = g_strdup("0");
	g_free(ctx->err_cd);
	ctx->err_cd = jvn_node_prop(status, "errCd");
	g_free(ctx->err_msg);
	ctx->err_msg = jvn_node_prop(status, "errMsg");
	g_free(ctx->method);
	ctx->method = jvn_node_prop(status, "method");
	g_free(ctx->total_res);
	ctx->total_res = jvn_node_prop(status, "totalRes");
	g_free(ctx->total_res_ret);
	ctx->total_res_ret = jvn_node_prop(status, "totalResRet");
	g_free(ctx->first_res);
	ctx->first_res = jvn_node_prop(status, "firstRes");
}

/* one paging number of the status block; absent or empty is 0 */
static gboolean
jvn_status_number(const gchar *text, const gchar *name, gint64 *number, GError **error)
{
	g_autofree gchar *copy = NULL;

	*number = 0;
	if (text == NULL)
		return TRUE;
	copy = g_strstrip(g_strdup(text));
	if (copy[0] == '\0')
		return TRUE;
	if (!g_ascii_string_to_signed(copy, 10, 0, G_MAXINT32, number, NULL)) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "MyJVN status %s is not a number from 0 to %d", name, G_MAXINT32);
		return FALSE;
	}
	return TRUE;
}

static gboolean
jvn_status_fill(const JvnXmlContext *ctx, YmJvnStatus *status, GError **error)
{
	memset(status, 0, sizeof(*status));
	status->present = ctx->ret_cd != NULL;
	return jvn_status_number(ctx->total_res, "totalRes", &status->total, error) &&
	       jvn_status_number(ctx->total_res_ret, "totalResRet", &status->returned, error) &&
	       jvn_status_number(ctx->first_res, "firstRes", &status->first, error);
}

/* retCd other than 0: the API refused; the message is the API's own */
static gboolean
jvn_check_status(const gchar *ret_cd,
                 const gchar *err_cd,
                 const gchar *err_msg,
                 const gchar *method,
                 GError **error)
{
	g_autofree gchar *message = NULL;
	gint64 code = 0;

	if (ret_cd == NULL || ret_cd[0] == '\0')
		return TRUE;
	if (!g_ascii_string_to_signed(ret_cd, 10, G_MININT32, G_MAXINT32, &code, NULL)) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "MyJVN status retCd is not a number");
		return FALSE;
	}
	if (code == 0)
		return TRUE;
	message = g_utf8_make_valid(err_msg != NULL ? err_msg : "", -1);
	if (g_utf8_strlen(message, -1) > JVN_ERROR_TEXT_MAX) {
		gchar *cut = g_utf8_substring(message, 0, JVN_ERROR_TEXT_MAX);
		g_free(message);
		message = cut;
	}
	g_set_error(error, YM_ERROR, YM_ERROR_READ,
	            "MyJVN API error %s (retCd %" G_GINT64_FORMAT ", method %s): %s",
	            err_cd != NULL && err_cd[0] != '\0' ? err_cd : "without code", code,
	            method != NULL ? method : "unknown", message);
	return FALSE;
}

/* a DOCTYPE is the only way to declare entities: JVN never sends one, so a
 * document with one is refused before libxml2 sees it */
static gboolean
jvn_xml_has_doctype(const gchar *data, gsize length)
{
	const gchar *p = data;
	const gchar *end = data + length;

	if (length >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		const gchar *close = NULL;
		gsize close_length = 0;
		if (g_ascii_isspace(*p)) {
			p++;
			continue;
		}
		if (end - p >= 9 && memcmp(p, "<!DOCTYPE", 9) == 0)
			return TRUE;
		if (end - p >= 2 && memcmp(p, "<?", 2) == 0) {
			close = g_strstr_len(p + 2, end - p - 2, "?>");
			close_length = 2;
		} else if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
			close = g_strstr_len(p + 4, end - p - 4, "-->");
			close_length = 3;
		}
		if (close == NULL)
			return FALSE;
		p = close + close_length;
	}
	return FALSE;
}

/* the end of the start tag at @p ('>' outside quoted values), or NULL */
static const gchar *
jvn_xml_tag_end(const gchar *p, const gchar *end)
{
	gchar quote = '\0';
	for (; p < end; p++) {
		if (quote != '\0') {
			if (*p == quote)
				quote = '\0';
		} else if (*p == '"' || *p == '\'') {
			quote = *p;
		} else if (*p == '>') {
			return p;
		}
	}
	return NULL;
}

/* MyJVN data feeds write `retCd= 0` unquoted in their status block, as the
 * API documentation's template does: quote bare integers in that one start
 * tag and nowhere else; NULL when there is nothing to repair */
static gchar *
jvn_xml_repair_status(const gchar *data, gsize length, gsize *repaired_length)
{
	const gchar *end = data + length;
	const gchar *tag = g_strrstr_len(data, length, "<status:Status");
	const gchar *tag_end;
	const gchar *copied;
	g_autoptr(GString) out = NULL;

	if (tag == NULL)
		return NULL;
	tag_end = jvn_xml_tag_end(tag, end);
	if (tag_end == NULL)
		return NULL;
	copied = data;
	for (const gchar *p = tag + strlen("<status:Status"); p < tag_end; p++) {
		const gchar *value;
		const gchar *digits;
		if (*p != '=')
			continue;
		for (value = p + 1; value < tag_end && g_ascii_isspace(*value); value++)
			;
		if (value < tag_end && (*value == '"' || *value == '\'')) {
			/* skip the quoted value, it may hold '=' */
			const gchar *close = memchr(value + 1, *value, tag_end - value - 1);
			if (close == NULL)
				return NULL;
			p = close;
			continue;
		}
		for (digits = value; digits < tag_end && g_ascii_isdigit(*digits); digits++)
			;
		if (digits == value || digits - value > 9 ||
		    (digits < tag_end && !g_ascii_isspace(*digits) && *digits != '/'))
			return NULL;
		if (out == NULL)
			out = g_string_sized_new(length + 16);
		g_string_append_len(out, copied, value - copied);
		g_string_append_c(out, '"');
		g_string_append_len(out, value, digits - value);
		g_string_append_c(out, '"');
		copied = digits;
		p = digits - 1;
	}
	if (out == NULL)
		return NULL;
	g_string_append_len(out, copied, end - copied);
	*repaired_length = out->len;
	return g_string_free(g_steal_pointer(&out), FALSE);
}

static gboolean
jvn_xml_root(JvnXmlContext *ctx, xmlTextReader *reader)
{
	const gchar *name = (const gchar *) xmlTextReaderConstLocalName(reader);
	const gchar *ns = (const gchar *) xmlTextReaderConstNamespaceUri(reader);

	if (ctx->kind == JVN_XML_VULDEF)
		ctx->root_ok = g_strcmp0(name, "VULDEF-Document") == 0 && ns != NULL &&
		               g_str_has_prefix(ns, JVN_NS_VULDEF);
	else
		ctx->root_ok = g_strcmp0(name, "RDF") == 0 && g_strcmp0(ns, JVN_NS_RDF) == 0;
	if (!ctx->root_ok) {
		g_autofree gchar *root = g_utf8_make_valid(name != NULL ? name : "", -1);
		jvn_truncate_utf8(root, 64);
		ctx->root = g_steal_pointer(&root);
	}
	return TRUE;
}

/* one child of the root: a record, the status block, or something to skip */
static gboolean
jvn_xml_top(JvnXmlContext *ctx, xmlTextReader *reader, GError **error)
{
	const gchar *name = (const gchar *) xmlTextReaderConstLocalName(reader);
	const gchar *ns = (const gchar *) xmlTextReaderConstNamespaceUri(reader);
	gboolean status = g_strcmp0(name, "Status") == 0 && g_strcmp0(ns, JVN_NS_STATUS) == 0;
	gboolean record = FALSE;
	xmlNode *node;

	if (ctx->root_ok && ns != NULL) {
		if (ctx->kind == JVN_XML_VULDEF)
			record =
			    g_strcmp0(name, "Vulinfo") == 0 && g_str_has_prefix(ns, JVN_NS_VULDEF);
		else
			record = g_strcmp0(name, "item") == 0 && g_strcmp0(ns, JVN_NS_RSS) == 0;
	}
	if (!status && !record)
		return TRUE;
	node = xmlTextReaderExpand(reader);
	if (node == NULL)
		return TRUE; /* the reader reports why */
	if (status) {
		jvn_parse_status(ctx, node);
		return TRUE;
	}
	if (ctx->kind == JVN_XML_VULDEF)
		return jvn_parse_vulinfo(ctx, node, error);
	return jvn_parse_item(ctx, node, error);
}

static gboolean
jvn_xml_read_document(JvnXmlContext *ctx, const gchar *data, gsize length, GError **error)
{
	g_autoptr(xmlTextReader) reader = NULL;
	gboolean seen_root = FALSE;
	gint ret;

	/* no NOENT, DTDLOAD, DTDATTR or XINCLUDE: nothing is expanded or fetched;
	 * BIG_LINES keeps line numbers right past 65535 in the yearly feeds */
	reader = xmlReaderForMemory(data, (int) length, NULL, NULL,
	                            XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_BIG_LINES);
	if (reader == NULL) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INTERNAL,
		                    "cannot create an XML reader");
		return FALSE;
	}
	xmlTextReaderSetStructuredErrorHandler(reader, jvn_xml_error_cb, ctx);
	ret = xmlTextReaderRead(reader);
	while (ret == 1) {
		gint type = xmlTextReaderNodeType(reader);
		gint depth = xmlTextReaderDepth(reader);
		if (type == XML_READER_TYPE_DOCUMENT_TYPE ||
		    type == XML_READER_TYPE_ENTITY_REFERENCE) {
			g_set_error_literal(
			    error, YM_ERROR, YM_ERROR_INVALID_DATA,
			    "document type declarations and entities are not allowed");
			return FALSE;
		}
		if (type == XML_READER_TYPE_ELEMENT && depth == 0) {
			seen_root = jvn_xml_root(ctx, reader);
		} else if (type == XML_READER_TYPE_ELEMENT && depth == 1) {
			if (!jvn_xml_top(ctx, reader, error))
				return FALSE;
			/* past the subtree, which the reader then frees */
			ret = xmlTextReaderNext(reader);
			continue;
		}
		ret = xmlTextReaderRead(reader);
	}
	if (ret < 0 || ctx->parse_error != NULL || !seen_root) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "malformed XML: %s",
		            ctx->parse_error != NULL ? ctx->parse_error : "no root element");
		return FALSE;
	}
	return TRUE;
}

static gboolean
jvn_xml_read(JvnXmlContext *ctx, const gchar *data, gsize length, GError **error)
{
	xmlGenericErrorFunc saved;
	void *saved_context;
	gboolean ok;

	xmlInitParser();
	/* the generic handler is per thread in libxml2: restored as it was */
	saved = xmlGenericError;
	saved_context = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(NULL, jvn_xml_generic_error_cb);
	ok = jvn_xml_read_document(ctx, data, length, error);
	xmlSetGenericErrorFunc(saved_context, saved);
	return ok;
}

static gboolean
jvn_xml_parse(JvnXmlKind kind,
              const gchar *data,
              gsize length,
              YmJvnStatus *status,
              YmAdvisorySink sink,
              gpointer user_data,
              GError **error)
{
	JvnXmlContext ctx = {.kind = kind, .sink = sink, .user_data = user_data};
	g_autofree gchar *repaired = NULL;
	gsize repaired_length = 0;
	gboolean ok;

	g_return_val_if_fail(data != NULL || length == 0, FALSE);
	g_return_val_if_fail(sink != NULL, FALSE);

	if (length > YM_ADVISORY_JVN_XML_MAX_SIZE) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%" G_GSIZE_FORMAT
		            " bytes is more than the %u MiB a JVN document may be",
		            length, (guint) (YM_ADVISORY_JVN_XML_MAX_SIZE / (1024 * 1024)));
		return FALSE;
	}
	if (length == 0) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA, "empty document");
		return FALSE;
	}
	if (jvn_xml_has_doctype(data, length)) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "document type declarations and entities are not allowed");
		return FALSE;
	}
	repaired = jvn_xml_repair_status(data, length, &repaired_length);
	if (repaired != NULL) {
		g_debug("quoted the bare values of the MyJVN status block");
		data = repaired;
		length = repaired_length;
	}
	ok = jvn_xml_read(&ctx, data, length, error);
	if (ok && !jvn_check_status(ctx.ret_cd, ctx.err_cd, ctx.err_msg, ctx.method, error))
		ok = FALSE;
	if (ok && status != NULL && !jvn_status_fill(&ctx, status, error))
		ok = FALSE;
	if (ok && !ctx.root_ok) {
		g_set_error(error, YM_ERROR, YM_ERROR_NOT_SUPPORTED,
		            "<%s> is not a %s document%s%s", ctx.root,
		            kind == JVN_XML_VULDEF ? "VULDEF" : "JVNRSS",
		            ctx.method != NULL ? "; MyJVN method " : "",
		            ctx.method != NULL ? ctx.method : "");
		ok = FALSE;
	}
	jvn_xml_context_clear(&ctx);
	return ok;
}

gboolean
ym_advisory_parse_jvn_vuldef(const gchar *data,
                             gsize length,
                             YmAdvisorySink sink,
                             gpointer user_data,
                             GError **error)
{
	if (!jvn_xml_parse(JVN_XML_VULDEF, data, length, NULL, sink, user_data, error)) {
		g_prefix_error_literal(error, "JVN VULDEF: ");
		return FALSE;
	}
	return TRUE;
}

gboolean
ym_advisory_parse_jvn_rss(const gchar *data,
                          gsize length,
                          YmAdvisorySink sink,
                          gpointer user_data,
                          GError **error)
{
	return ym_advisory_parse_jvn_rss_status(data, length, NULL, sink, user_data, error);
}

gboolean
ym_advisory_parse_jvn_rss_status(const gchar *data,
                                 gsize length,
                                 YmJvnStatus *status,
                                 YmAdvisorySink sink,
                                 gpointer user_data,
                                 GError **error)
{
	if (!jvn_xml_parse(JVN_XML_RSS, data, length, status, sink, user_data, error)) {
		g_prefix_error_literal(error, "JVNRSS: ");
		return FALSE;
	}
	return TRUE;
}

/* JSON */

static JsonObject *
jvn_json_object(JsonObject *object, const gchar *member)
{
	JsonNode *node = object != NULL ? json_object_get_member(object, member) : NULL;
	return node != NULL && JSON_NODE_HOLDS_OBJECT(node) ? json_node_get_object(node) : NULL;
}

static JsonArray *
jvn_json_array(JsonObject *object, const gchar *member)
{
	JsonNode *node = object != NULL ? json_object_get_member(object, member) : NULL;
	return node != NULL && JSON_NODE_HOLDS_ARRAY(node) ? json_node_get_array(node) : NULL;
}

static JsonObject *
jvn_json_array_object(JsonArray *array, guint i)
{
	JsonNode *node = json_array_get_element(array, i);
	return node != NULL && JSON_NODE_HOLDS_OBJECT(node) ? json_node_get_object(node) : NULL;
}

static const gchar *
jvn_json_node_string(JsonNode *node)
{
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
	    json_node_get_value_type(node) != G_TYPE_STRING)
		return NULL;
	return json_node_get_string(node);
}

static const gchar *
jvn_json_string(JsonObject *object, const gchar *member)
{
	return jvn_json_node_string(object != NULL ? json_object_get_member(object, member) : NULL);
}

/* a trimmed, valid UTF-8 copy, NULL when empty */
static gchar *
jvn_json_dup(JsonObject *object, const gchar *member)
{
	const gchar *value = jvn_json_string(object, member);
	g_autofree gchar *valid = NULL;
	gchar *text;
	if (value == NULL)
		return NULL;
	valid = g_utf8_make_valid(value, -1);
	text = jvn_strdup_trimmed(valid);
	if (text != NULL)
		jvn_truncate_utf8(text, JVN_TEXT_MAX);
	return text;
}

static gboolean
jvn_json_number(JsonObject *object, const gchar *member, gdouble *value)
{
	JsonNode *node = object != NULL ? json_object_get_member(object, member) : NULL;
	GType type;
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node))
		return FALSE;
	type = json_node_get_value_type(node);
	if (type == G_TYPE_DOUBLE || type == G_TYPE_INT64) {
		*value = json_node_get_double(node);
		return TRUE;
	}
	if (type == G_TYPE_STRING)
		return jvn_parse_score(json_node_get_string(node), value);
	return FALSE;
}

/* OKA escapes & in addresses twice: "…?regs=jp&amp;prodid=1317" */
static gchar *
jvn_json_url(JsonObject *object, const gchar *member)
{
	g_autofree gchar *url = jvn_json_dup(object, member);
	g_auto(GStrv) parts = NULL;
	if (url == NULL || strstr(url, "&amp;") == NULL)
		return g_steal_pointer(&url);
	parts = g_strsplit(url, "&amp;", -1);
	return g_strjoinv("&", parts);
}

static void
jvn_json_metrics(YmAdvisory *advisory, JsonArray *metrics)
{
	static const gchar *const versions[] = {"cvss_v2", "cvss_v3", "cvss_v4"};
	if (metrics == NULL)
		return;
	for (guint i = 0; i < json_array_get_length(metrics); i++) {
		JsonObject *content = jvn_json_object(jvn_json_array_object(metrics, i), "content");
		for (guint j = 0; j < G_N_ELEMENTS(versions); j++) {
			JsonObject *cvss = jvn_json_object(content, versions[j]);
			gdouble score = 0;
			if (jvn_json_number(cvss, "baseScore", &score))
				jvn_take_cvss(advisory, score,
				              jvn_json_string(cvss, "vectorString"));
		}
	}
}

/* CVEs and the vendor's page from OKA references; @type names the member
 * that tells vendor pages ("type" in detail documents) */
static void
jvn_json_references(YmAdvisory *advisory, JsonArray *references)
{
	gboolean own_page = FALSE;
	if (references == NULL)
		return;
	for (guint i = 0; i < json_array_get_length(references); i++) {
		JsonObject *reference = jvn_json_array_object(references, i);
		const gchar *source = jvn_json_string(reference, "source");
		const gchar *summary = jvn_json_string(reference, "summary");
		if (source != NULL && summary != NULL &&
		    (strstr(source, "CVE") != NULL || strstr(source, "NVD") != NULL)) {
			g_autofree gchar *cve = jvn_strdup_trimmed(summary);
			ym_advisory_add_cve(advisory, cve);
		} else if (g_strcmp0(jvn_json_string(reference, "type"), "vendor") == 0) {
			g_autofree gchar *url = jvn_json_url(reference, "url");
			jvn_take_vendor_url(advisory, url, &own_page);
		}
	}
}

typedef struct {
	gchar *vendor;
	gchar *product;
	gchar *version;
	gchar *cpe;
} JvnTreeProduct;

static void
jvn_tree_product_free(JvnTreeProduct *product)
{
	g_free(product->vendor);
	g_free(product->product);
	g_free(product->version);
	g_free(product->cpe);
	g_free(product);
}

/* product_tree: vendor → product_name → product_version branches, each of
 * which may carry a product */
static void
jvn_json_walk_tree(JsonArray *branches,
                   const gchar *vendor,
                   const gchar *product_name,
                   const gchar *version,
                   guint depth,
                   GHashTable *products)
{
	if (branches == NULL || depth > JVN_TREE_MAX_DEPTH)
		return;
	for (guint i = 0; i < json_array_get_length(branches); i++) {
		JsonObject *branch = jvn_json_array_object(branches, i);
		const gchar *category = jvn_json_string(branch, "category");
		g_autofree gchar *name = jvn_json_dup(branch, "name");
		JsonObject *leaf = jvn_json_object(branch, "product");
		const gchar *v = vendor;
		const gchar *p = product_name;
		const gchar *ver = version;

		if (branch == NULL)
			continue;
		if (g_strcmp0(category, "vendor") == 0)
			v = name;
		else if (g_strcmp0(category, "product_name") == 0 ||
		         g_strcmp0(category, "product_family") == 0)
			p = name;
		else if (g_strcmp0(category, "product_version") == 0 ||
		         g_strcmp0(category, "product_version_range") == 0)
			ver = name;
		if (leaf != NULL) {
			g_autofree gchar *id = jvn_json_dup(leaf, "product_id");
			JsonObject *helper = jvn_json_object(leaf, "product_identification_helper");
			JvnTreeProduct *product;
			if (id != NULL && !g_hash_table_contains(products, id)) {
				product = g_new0(JvnTreeProduct, 1);
				product->vendor = g_strdup(v);
				product->product =
				    p != NULL ? g_strdup(p) : jvn_json_dup(leaf, "name");
				product->version = g_strdup(ver);
				product->cpe = jvn_cpe_normalise(jvn_json_string(helper, "cpe"));
				g_hash_table_insert(products, g_steal_pointer(&id), product);
			}
		}
		jvn_json_walk_tree(jvn_json_array(branch, "branches"), v, p, ver, depth + 1,
		                   products);
	}
}

typedef struct {
	gchar *product_id;
	YmProductStatus status;
	GPtrArray *cves; /* gchar*; a NULL element stands for all of them */
} JvnStatusEntry;

static void
jvn_status_entry_free(JvnStatusEntry *entry)
{
	g_free(entry->product_id);
	g_ptr_array_unref(entry->cves);
	g_free(entry);
}

static void
jvn_status_note(GPtrArray *entries,
                const gchar *product_id,
                YmProductStatus status,
                const gchar *cve)
{
	JvnStatusEntry *entry = NULL;
	for (guint i = 0; i < entries->len && entry == NULL; i++) {
		JvnStatusEntry *candidate = g_ptr_array_index(entries, i);
		if (candidate->status == status &&
		    g_strcmp0(candidate->product_id, product_id) == 0)
			entry = candidate;
	}
	if (entry == NULL) {
		entry = g_new0(JvnStatusEntry, 1);
		entry->product_id = g_strdup(product_id);
		entry->status = status;
		entry->cves = g_ptr_array_new_with_free_func(g_free);
		g_ptr_array_add(entries, entry);
	}
	for (guint i = 0; i < entry->cves->len; i++) {
		if (g_strcmp0(g_ptr_array_index(entry->cves, i), cve) == 0)
			return;
	}
	g_ptr_array_add(entry->cves, g_strdup(cve));
}

/* product_status of one vulnerability */
static void
jvn_json_product_status(GPtrArray *entries, JsonObject *vulnerability, const gchar *cve)
{
	static const struct {
		const gchar *name;
		YmProductStatus status;
	} lists[] = {
	    {"known_affected", YM_PRODUCT_STATUS_AFFECTED},
	    {"first_affected", YM_PRODUCT_STATUS_AFFECTED},
	    {"last_affected", YM_PRODUCT_STATUS_AFFECTED},
	    {"fixed", YM_PRODUCT_STATUS_FIXED},
	    {"first_fixed", YM_PRODUCT_STATUS_FIXED},
	    {"known_not_affected", YM_PRODUCT_STATUS_NOT_AFFECTED},
	};
	JsonObject *status = jvn_json_object(vulnerability, "product_status");
	for (guint i = 0; i < G_N_ELEMENTS(lists); i++) {
		JsonArray *ids = jvn_json_array(status, lists[i].name);
		if (ids == NULL)
			continue;
		for (guint j = 0; j < json_array_get_length(ids); j++) {
			const gchar *id = jvn_json_node_string(json_array_get_element(ids, j));
			if (id != NULL)
				jvn_status_note(entries, id, lists[i].status, cve);
		}
	}
}

static void
jvn_json_remediations(YmAdvisory *advisory, JsonArray *remediations)
{
	if (remediations == NULL)
		return;
	for (guint i = 0; i < json_array_get_length(remediations); i++) {
		JsonObject *remediation = jvn_json_array_object(remediations, i);
		YmRemediation kind =
		    ym_remediation_from_string(jvn_json_string(remediation, "category"));
		advisory->remediation = jvn_remediation_best(advisory->remediation, kind);
		if (kind == YM_REMEDIATION_VENDOR_FIX) {
			g_autofree gchar *url = jvn_json_url(remediation, "url");
			gboolean own_page = FALSE;
			if (advisory->remediation_url == NULL)
				jvn_take_vendor_url(advisory, url, &own_page);
		}
	}
}

static void
jvn_json_rows(YmAdvisory *advisory, GPtrArray *entries, GHashTable *tree)
{
	JvnRows rows;
	jvn_rows_init(&rows, advisory);
	for (guint i = 0; i < entries->len; i++) {
		JvnStatusEntry *entry = g_ptr_array_index(entries, i);
		JvnTreeProduct *leaf = g_hash_table_lookup(tree, entry->product_id);
		gboolean whole = g_ptr_array_find(entry->cves, NULL, NULL);
		if (leaf == NULL) {
			g_debug("%s: %s is not in the product tree", advisory->id,
			        entry->product_id);
			continue;
		}
		if (!whole)
			whole = jvn_cves_cover_advisory(advisory, entry->cves);
		for (guint j = 0; j < (whole ? 1 : entry->cves->len); j++) {
			const gchar *cve = whole ? NULL : g_ptr_array_index(entry->cves, j);
			YmAdvisoryProduct *product =
			    jvn_rows_add(&rows, entry->status, cve, leaf->vendor, leaf->product,
			                 leaf->cpe, leaf->version);
			if (product != NULL)
				jvn_product_set_version(product, leaf->version);
		}
	}
	jvn_rows_clear(&rows);
}

static void
jvn_json_vulnerabilities(YmAdvisory *advisory, JsonArray *vulnerabilities, GHashTable *tree)
{
	g_autoptr(GPtrArray) entries =
	    g_ptr_array_new_with_free_func((GDestroyNotify) jvn_status_entry_free);

	if (vulnerabilities == NULL)
		return;
	/* every CVE first: a product's CVEs are compared with all of them */
	for (guint i = 0; i < json_array_get_length(vulnerabilities); i++) {
		JsonObject *vulnerability = jvn_json_array_object(vulnerabilities, i);
		g_autofree gchar *cve = jvn_json_dup(vulnerability, "cve");
		ym_advisory_add_cve(advisory, cve);
	}
	for (guint i = 0; i < json_array_get_length(vulnerabilities); i++) {
		JsonObject *vulnerability = jvn_json_array_object(vulnerabilities, i);
		g_autofree gchar *cve = jvn_json_dup(vulnerability, "cve");
		if (cve != NULL && !ym_advisory_is_cve_id(cve))
			g_clear_pointer(&cve, g_free);
		if (cve != NULL) {
			gchar *upper = g_ascii_strup(cve, -1);
			g_free(cve);
			cve = upper;
		}
		jvn_json_metrics(advisory, jvn_json_array(vulnerability, "metrics"));
		jvn_json_remediations(advisory, jvn_json_array(vulnerability, "remediations"));
		jvn_json_product_status(entries, vulnerability, cve);
	}
	jvn_json_rows(advisory, entries, tree);
}

static const gchar *
jvn_json_description(JsonArray *notes)
{
	if (notes == NULL)
		return NULL;
	for (guint i = 0; i < json_array_get_length(notes); i++) {
		JsonObject *note = jvn_json_array_object(notes, i);
		if (g_strcmp0(jvn_json_string(note, "category"), "description") == 0)
			return jvn_json_string(note, "text");
	}
	return NULL;
}

static gboolean
jvn_lang_is_english(const gchar *lang)
{
	return lang != NULL && jvn_has_prefix_ci(lang, "en");
}

/* one OKA getVulnDetailInfo document (jvncsaf, or one of a jvnstix bundle) */
static gboolean
jvn_json_parse_detail(JsonObject *root,
                      const gchar *where,
                      YmAdvisorySink sink,
                      gpointer user_data,
                      GError **error)
{
	JsonObject *document = jvn_json_object(root, "document");
	JsonObject *tracking = jvn_json_object(document, "tracking");
	g_autofree gchar *id = jvn_json_dup(tracking, "id");
	g_autoptr(YmAdvisory) advisory = NULL;
	g_autoptr(GHashTable) tree = NULL;
	g_autofree gchar *published = NULL;
	g_autofree gchar *modified = NULL;

	if (id == NULL)
		id = jvn_json_dup(jvn_json_object(root, "jvn_extension"), "vulnid");
	if (document == NULL || id == NULL) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: no %s", where,
		            document == NULL ? "document" : "document.tracking.id");
		return FALSE;
	}
	jvn_truncate_utf8(id, 64);
	advisory = ym_advisory_new(YM_ADVISORY_SOURCE_JVN, id);
	jvn_set_text(advisory, jvn_lang_is_english(jvn_json_string(document, "lang")),
	             jvn_json_string(document, "title"),
	             jvn_json_description(jvn_json_array(document, "notes")));
	jvn_json_references(advisory, jvn_json_array(document, "references"));
	tree = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	                             (GDestroyNotify) jvn_tree_product_free);
	jvn_json_walk_tree(jvn_json_array(jvn_json_object(root, "product_tree"), "branches"), NULL,
	                   NULL, NULL, 0, tree);
	jvn_json_vulnerabilities(advisory, jvn_json_array(root, "vulnerabilities"), tree);
	advisory->end_of_life = advisory->remediation == YM_REMEDIATION_NO_FIX_PLANNED;
	published = jvn_json_dup(tracking, "initial_release_date");
	advisory->published = jvn_parse_time(published);
	if (advisory->published == 0) {
		g_autofree gchar *public = jvn_json_dup(tracking, "public_date");
		advisory->published = jvn_parse_time(public);
	}
	modified = jvn_json_dup(tracking, "current_release_date");
	advisory->modified = jvn_parse_time(modified);
	if (advisory->modified == 0)
		advisory->modified = advisory->published;
	return jvn_sink_call(sink, advisory, user_data, error);
}

/* one getVulnOverviewList entry: products without versions unless given */
static gboolean
jvn_json_parse_entry(JsonObject *entry,
                     const gchar *where,
                     gboolean english,
                     YmAdvisorySink sink,
                     gpointer user_data,
                     GError **error)
{
	g_autofree gchar *id = jvn_json_dup(entry, "id");
	g_autoptr(YmAdvisory) advisory = NULL;
	JsonArray *products;
	g_autofree gchar *created = NULL;
	g_autofree gchar *modified = NULL;
	JvnRows rows;

	if (id == NULL) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: no id", where);
		return FALSE;
	}
	jvn_truncate_utf8(id, 64);
	advisory = ym_advisory_new(YM_ADVISORY_SOURCE_JVN, id);
	jvn_set_text(advisory, english, jvn_json_string(entry, "title"),
	             jvn_json_string(entry, "summary"));
	jvn_json_references(advisory, jvn_json_array(entry, "references"));
	jvn_json_metrics(advisory, jvn_json_array(entry, "metrics"));
	products = jvn_json_array(entry, "products");
	jvn_rows_init(&rows, advisory);
	for (guint i = 0; products != NULL && i < json_array_get_length(products); i++) {
		JsonObject *item = jvn_json_array_object(products, i);
		g_autofree gchar *vendor = jvn_json_dup(item, "vname");
		g_autofree gchar *name = jvn_json_dup(item, "pname");
		g_autofree gchar *version = jvn_json_dup(item, "version");
		g_autofree gchar *cpe =
		    jvn_cpe_normalise(jvn_json_string(jvn_json_object(item, "product_ids"), "cpe"));
		YmAdvisoryProduct *product;
		if (item == NULL)
			continue;
		product = jvn_rows_add(&rows, YM_PRODUCT_STATUS_AFFECTED, NULL, vendor, name, cpe,
		                       version);
		if (product != NULL)
			jvn_product_set_version(product, version);
	}
	jvn_rows_clear(&rows);
	created = jvn_json_dup(entry, "created");
	advisory->published = jvn_parse_time(created);
	if (advisory->published == 0) {
		g_autofree gchar *public = jvn_json_dup(entry, "public");
		advisory->published = jvn_parse_time(public);
	}
	modified = jvn_json_dup(entry, "modified");
	advisory->modified = jvn_parse_time(modified);
	if (advisory->modified == 0)
		advisory->modified = advisory->published;
	return jvn_sink_call(sink, advisory, user_data, error);
}

/* the JSON nesting depth, checked before json-glib recurses into it */
static gboolean
jvn_json_check_depth(const gchar *data, gsize length, GError **error)
{
	guint depth = 0;
	guint line = 1;
	gboolean in_string = FALSE;

	for (gsize i = 0; i < length; i++) {
		gchar c = data[i];
		if (c == '\n')
			line++;
		if (in_string) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_string = FALSE;
			continue;
		}
		if (c == '"') {
			in_string = TRUE;
		} else if (c == '{' || c == '[') {
			if (++depth > JVN_JSON_MAX_DEPTH) {
				g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
				            "line %u: nested deeper than %u levels", line,
				            (guint) JVN_JSON_MAX_DEPTH);
				return FALSE;
			}
		} else if ((c == '}' || c == ']') && depth > 0) {
			depth--;
		}
	}
	return TRUE;
}

/* the start of the last `"status": {` object, or NULL */
static const gchar *
jvn_json_find_status(const gchar *data, gsize length)
{
	gsize limit = length;
	while (limit > 0) {
		const gchar *key = g_strrstr_len(data, limit, "\"status\"");
		const gchar *p;
		if (key == NULL)
			return NULL;
		p = key + strlen("\"status\"");
		while (p < data + length && g_ascii_isspace(*p))
			p++;
		if (p < data + length && *p == ':') {
			for (p++; p < data + length && g_ascii_isspace(*p); p++)
				;
			if (p < data + length && *p == '{')
				return p;
		}
		limit = key - data;
	}
	return NULL;
}

/* three OKA data-feed examples carry `"retMax": ,`: a member without a value
 * in the status block becomes null there, and only there; NULL when there is
 * nothing to repair */
static gchar *
jvn_json_repair_status(const gchar *data, gsize length, gsize *repaired_length)
{
	const gchar *end = data + length;
	const gchar *open = jvn_json_find_status(data, length);
	const gchar *copied = data;
	gboolean in_string = FALSE;
	g_autoptr(GString) out = NULL;

	if (open == NULL)
		return NULL;
	for (const gchar *p = open + 1; p < end; p++) {
		const gchar *next;
		if (in_string) {
			if (*p == '\\')
				p++;
			else if (*p == '"')
				in_string = FALSE;
			continue;
		}
		if (*p == '"') {
			in_string = TRUE;
			continue;
		}
		if (*p == '{' || *p == '[')
			return NULL; /* status blocks are flat */
		if (*p == '}')
			break;
		if (*p != ':')
			continue;
		for (next = p + 1; next < end && g_ascii_isspace(*next); next++)
			;
		if (next < end && (*next == ',' || *next == '}')) {
			if (out == NULL)
				out = g_string_sized_new(length + 16);
			g_string_append_len(out, copied, p + 1 - copied);
			g_string_append(out, " null");
			copied = p + 1;
		}
	}
	if (out == NULL)
		return NULL;
	g_string_append_len(out, copied, end - copied);
	*repaired_length = out->len;
	return g_string_free(g_steal_pointer(&out), FALSE);
}

static gboolean
jvn_json_check_status(JsonObject *root, const gchar **method, GError **error)
{
	JsonObject *status = jvn_json_object(root, "status");
	JsonNode *node = status != NULL ? json_object_get_member(status, "retCd") : NULL;
	g_autofree gchar *ret_cd = NULL;
	g_autofree gchar *err_cd = NULL;
	g_autofree gchar *err_msg = NULL;

	*method = jvn_json_string(status, "method");
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node))
		return TRUE;
	if (json_node_get_value_type(node) == G_TYPE_INT64)
		ret_cd = g_strdup_printf("%" G_GINT64_FORMAT, json_node_get_int(node));
	else
		ret_cd = jvn_json_dup(status, "retCd");
	err_cd = jvn_json_dup(status, "errCd");
	err_msg = jvn_json_dup(status, "errMsg");
	return jvn_check_status(ret_cd, err_cd, err_msg, *method, error);
}

static gboolean
jvn_json_parse_bundle(JsonArray *objects, YmAdvisorySink sink, gpointer user_data, GError **error)
{
	for (guint i = 0; i < json_array_get_length(objects); i++) {
		JsonObject *object = jvn_json_array_object(objects, i);
		JsonArray *documents = jvn_json_array(object, "VULDEF-Document");
		if (g_strcmp0(jvn_json_string(object, "type"), "jvn-jp-sdo") != 0 ||
		    documents == NULL)
			continue;
		for (guint j = 0; j < json_array_get_length(documents); j++) {
			g_autofree gchar *where =
			    g_strdup_printf("objects[%u].VULDEF-Document[%u]", i, j);
			JsonObject *document = jvn_json_array_object(documents, j);
			if (document == NULL) {
				g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
				            "%s: not an object", where);
				return FALSE;
			}
			if (!jvn_json_parse_detail(document, where, sink, user_data, error))
				return FALSE;
		}
	}
	return TRUE;
}

static gboolean
jvn_json_parse_feed(JsonObject *feed,
                    YmAdvisorySink sink,
                    gpointer user_data,
                    guint *n_records,
                    GError **error)
{
	JsonArray *entries = jvn_json_array(feed, "entry");
	gboolean english = jvn_lang_is_english(jvn_json_string(feed, "lang"));
	for (guint i = 0; i < json_array_get_length(entries); i++) {
		g_autofree gchar *where = g_strdup_printf("feed.entry[%u]", i);
		JsonObject *entry = jvn_json_array_object(entries, i);
		const gchar *id = jvn_json_string(entry, "id");
		if (entry == NULL) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: not an object",
			            where);
			return FALSE;
		}
		/* alert lists share the feed layout with entries of their own */
		if (id != NULL && !g_str_has_prefix(id, "JVNDB-")) {
			g_debug("%s: %s is not a JVNDB record", where, id);
			continue;
		}
		if (!jvn_json_parse_entry(entry, where, english, sink, user_data, error))
			return FALSE;
		(*n_records)++;
	}
	return TRUE;
}

static gboolean
jvn_json_dispatch(JsonObject *root, YmAdvisorySink sink, gpointer user_data, GError **error)
{
	const gchar *method = NULL;
	JsonArray *objects = jvn_json_array(root, "objects");
	JsonObject *feed = jvn_json_object(root, "feed");
	JsonArray *entries = jvn_json_array(feed, "entry");

	if (!jvn_json_check_status(root, &method, error))
		return FALSE;
	if (jvn_json_object(root, "document") != NULL)
		return jvn_json_parse_detail(root, "document", sink, user_data, error);
	if (objects != NULL && g_strcmp0(jvn_json_string(root, "type"), "bundle") == 0)
		return jvn_json_parse_bundle(objects, sink, user_data, error);
	if (entries != NULL && (method == NULL || g_strcmp0(method, "getVulnOverviewList") == 0)) {
		guint n_records = 0;
		if (!jvn_json_parse_feed(feed, sink, user_data, &n_records, error))
			return FALSE;
		if (n_records > 0 || json_array_get_length(entries) == 0)
			return TRUE;
	}
	if (method != NULL) {
		g_autofree gchar *name = g_utf8_make_valid(method, -1);
		jvn_truncate_utf8(name, 64);
		g_set_error(error, YM_ERROR, YM_ERROR_NOT_SUPPORTED,
		            "MyJVN %s answers hold no advisories", name);
		return FALSE;
	}
	g_set_error_literal(error, YM_ERROR, YM_ERROR_NOT_SUPPORTED,
	                    "not a MyJVN advisory document");
	return FALSE;
}

/* parsed JSON, after the status-block repair and the depth check */
static JsonParser *
jvn_json_load(const gchar *data, gsize length, gsize max_size, GError **error)
{
	g_autoptr(JsonParser) parser = json_parser_new_immutable();
	g_autofree gchar *repaired = NULL;
	gsize repaired_length = 0;
	g_autoptr(GError) error_local = NULL;

	if (length > max_size) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%" G_GSIZE_FORMAT " bytes is more than the %" G_GSIZE_FORMAT
		            " KiB allowed",
		            length, max_size / 1024);
		return NULL;
	}
	repaired = jvn_json_repair_status(data, length, &repaired_length);
	if (repaired != NULL) {
		g_debug("gave the empty members of the MyJVN status block a null value");
		data = repaired;
		length = repaired_length;
	}
	if (!jvn_json_check_depth(data, length, error))
		return NULL;
	if (!json_parser_load_from_data(parser, data, (gssize) length, &error_local)) {
		/* json-glib says <data>:LINE:COLUMN: Parse error: …, quoting input bytes */
		g_autofree gchar *message = g_utf8_make_valid(error_local->message, -1);
		message[strcspn(message, "\r\n")] = '\0';
		jvn_truncate_utf8(message, JVN_ERROR_TEXT_MAX);
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "malformed JSON: %s", message);
		return NULL;
	}
	return g_steal_pointer(&parser);
}

gboolean
ym_advisory_parse_jvn_json(const gchar *data,
                           gsize length,
                           YmAdvisorySink sink,
                           gpointer user_data,
                           GError **error)
{
	g_autoptr(JsonParser) parser = NULL;
	JsonNode *root;

	g_return_val_if_fail(data != NULL || length == 0, FALSE);
	g_return_val_if_fail(sink != NULL, FALSE);

	parser = jvn_json_load(data, length, YM_ADVISORY_JVN_JSON_MAX_SIZE, error);
	if (parser == NULL) {
		g_prefix_error_literal(error, "MyJVN JSON: ");
		return FALSE;
	}
	root = json_parser_get_root(parser);
	if (root == NULL || !JSON_NODE_HOLDS_OBJECT(root)) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "MyJVN JSON: the document is not an object");
		return FALSE;
	}
	if (!jvn_json_dispatch(json_node_get_object(root), sink, user_data, error)) {
		g_prefix_error_literal(error, "MyJVN JSON: ");
		return FALSE;
	}
	return TRUE;
}

/* sniffing */

static const gchar *
jvn_skip_blank(const gchar *data, gsize length, gsize *rest)
{
	gsize i = 0;
	if (length >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < length && g_ascii_isspace(data[i]))
		i++;
	*rest = length - i;
	return data + i;
}

gboolean
ym_advisory_jvn_sniff(const gchar *data, gsize length)
{
	static const gchar *const xml_marks[] = {
	    "http://jvn.jp/vuldef/",
	    "http://jvn.jp/rss/mod_sec/",
	    "http://jvndb.jvn.jp/myjvn/",
	};
	gsize rest = 0;
	const gchar *start;
	gsize window;

	if (data == NULL)
		return FALSE;
	start = jvn_skip_blank(data, length, &rest);
	window = MIN(rest, JVN_SNIFF_WINDOW);
	if (rest == 0)
		return FALSE;
	if (start[0] == '<') {
		for (guint i = 0; i < G_N_ELEMENTS(xml_marks); i++) {
			if (g_strstr_len(start, window, xml_marks[i]) != NULL)
				return TRUE;
		}
		return FALSE;
	}
	if (start[0] == '{') {
		const gchar *tail = start + rest - window;
		if (g_strstr_len(start, window, "://jvndb.jvn.jp/schema/") != NULL)
			return TRUE;
		/* an OKA error answer may be the status block alone */
		return g_strstr_len(tail, window, "\"retCd\"") != NULL &&
		       g_strstr_len(tail, window, "\"errMsg\"") != NULL;
	}
	return FALSE;
}

/* checksum.txt */

void
ym_jvn_checksum_free(YmJvnChecksum *checksum)
{
	if (checksum == NULL)
		return;
	g_free(checksum->url);
	g_free(checksum->filename);
	g_free(checksum->sha256);
	g_free(checksum);
}

/* "2023/11/02 12:00:18", Japan time like the feeds it describes */
static gint64
jvn_checksum_time(const gchar *text)
{
	gint year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
	gchar tail = '\0';
	g_autoptr(GTimeZone) jst = NULL;
	g_autoptr(GDateTime) datetime = NULL;

	if (text == NULL || sscanf(text, "%4d/%2d/%2d %2d:%2d:%2d%c", &year, &month, &day, &hour,
	                           &minute, &second, &tail) != 6)
		return 0;
	jst = g_time_zone_new_offset(9 * 3600);
	datetime = g_date_time_new(jst, year, month, day, hour, minute, second);
	return datetime != NULL ? g_date_time_to_unix(datetime) : 0;
}

static gboolean
jvn_checksum_filename_ok(const gchar *filename, const gchar *url)
{
	const gchar *last = strrchr(url, '/');
	if (filename == NULL || filename[0] == '.' || strlen(filename) > 255)
		return FALSE;
	for (const gchar *p = filename; *p != '\0'; p++) {
		if (!g_ascii_isalnum(*p) && *p != '.' && *p != '_' && *p != '-')
			return FALSE;
	}
	return last != NULL && g_strcmp0(last + 1, filename) == 0;
}

static YmJvnChecksum *
jvn_checksum_entry(JsonObject *object, GError **error)
{
	g_autoptr(YmJvnChecksum) checksum = g_new0(YmJvnChecksum, 1);
	g_autofree gchar *url = NULL;
	g_autofree gchar *last_modified = NULL;
	JsonNode *size = object != NULL ? json_object_get_member(object, "size") : NULL;

	if (object == NULL) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA, "not an object");
		return NULL;
	}
	url = jvn_json_dup(object, "url");
	if (url == NULL || !jvn_has_prefix_ci(url, "https://") || !jvn_url_is_web(url)) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "url is not an https address");
		return NULL;
	}
	checksum->url = jvn_url_dup(url);
	checksum->filename = jvn_json_dup(object, "filename");
	if (!jvn_checksum_filename_ok(checksum->filename, checksum->url)) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "filename is not the plain file name the url ends in");
		return NULL;
	}
	checksum->sha256 = jvn_json_dup(object, "sha256");
	if (checksum->sha256 == NULL || strlen(checksum->sha256) != 64 ||
	    strspn(checksum->sha256, "0123456789abcdefABCDEF") != 64) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "sha256 is not 64 hex digits");
		return NULL;
	}
	for (gchar *p = checksum->sha256; *p != '\0'; p++)
		*p = g_ascii_tolower(*p);
	if (size == NULL || !JSON_NODE_HOLDS_VALUE(size) ||
	    json_node_get_value_type(size) != G_TYPE_INT64 || json_node_get_int(size) < 0) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "size is not a byte count");
		return NULL;
	}
	checksum->size = (guint64) json_node_get_int(size);
	last_modified = jvn_json_dup(object, "lastModified");
	checksum->last_modified = jvn_checksum_time(last_modified);
	return g_steal_pointer(&checksum);
}

gboolean
ym_jvn_checksum_parse(const gchar *data, gsize length, GPtrArray **entries, GError **error)
{
	g_autoptr(JsonParser) parser = NULL;
	g_autoptr(GPtrArray) result = NULL;
	JsonNode *root;
	JsonArray *array;

	g_return_val_if_fail(data != NULL || length == 0, FALSE);
	g_return_val_if_fail(entries != NULL, FALSE);

	parser = jvn_json_load(data, length, JVN_CHECKSUM_MAX_SIZE, error);
	if (parser == NULL) {
		g_prefix_error_literal(error, "JVN checksum.txt: ");
		return FALSE;
	}
	root = json_parser_get_root(parser);
	if (root == NULL || !JSON_NODE_HOLDS_ARRAY(root)) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "JVN checksum.txt: not a list of files");
		return FALSE;
	}
	array = json_node_get_array(root);
	if (json_array_get_length(array) > JVN_CHECKSUM_MAX) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "JVN checksum.txt: more than %u files", (guint) JVN_CHECKSUM_MAX);
		return FALSE;
	}
	result = g_ptr_array_new_with_free_func((GDestroyNotify) ym_jvn_checksum_free);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		YmJvnChecksum *checksum =
		    jvn_checksum_entry(jvn_json_array_object(array, i), error);
		if (checksum == NULL) {
			g_prefix_error(error, "JVN checksum.txt: entry %u: ", i);
			return FALSE;
		}
		g_ptr_array_add(result, checksum);
	}
	*entries = g_steal_pointer(&result);
	return TRUE;
}
