/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ym-advisory.h"

G_BEGIN_DECLS

/*
 * helpers shared by the JSON advisory parsers (NVD, CVE 5, KEV): bounded
 * loading, typed member access that names the JSON path on a wrong type,
 * and CPE name handling
 */

/* the whole KEV catalogue is 1.3 MB and an NVD page of 2,000 CVEs a few
 * tens of MB; json-glib keeps the whole tree, so refuse anything larger */
#define YM_ADVISORY_JSON_MAX_SIZE ((gsize) 256 * 1024 * 1024)
/* the real formats nest about 10 deep; json-glib 1.6 recurses without limit */
#define YM_ADVISORY_JSON_MAX_DEPTH 64
/* Log4Shell, the largest real record we know, gives a few hundred */
#define YM_ADVISORY_MAX_PRODUCTS 20000

typedef enum {
	YM_ADVISORY_JSON_OPTIONAL,
	YM_ADVISORY_JSON_REQUIRED,
} YmAdvisoryJsonPresence;

typedef enum {
	YM_JSON_SCAN_OK,
	YM_JSON_SCAN_TOO_DEEP,
	YM_JSON_SCAN_TOO_MANY_VALUES,
} YmJsonScanResult;

/* one pass over raw JSON bytes that json-glib has not seen yet: stops at
 * @offset on nesting deeper than @max_depth or on more than @max_values
 * values (0 for no limit); with @keys, sets bit i of @found when @keys[i]
 * is a member of the top-level object (the JSON advisory and the CSAF
 * loaders share it) */
YmJsonScanResult
_ym_json_scan(const gchar *data,
              gsize length,
              guint max_depth,
              gsize max_values,
              const gchar *const *keys,
              guint64 *found,
              gsize *offset);

/* checks size, UTF-8 and nesting depth, then parses; the root must be an
 * object, returned in @root (owned by the returned parser) */
JsonParser *
_ym_advisory_json_load(const gchar *data, gsize length, JsonObject **root, GError **error);

/* a cheap look at the top-level member names without building a tree:
 * sets bit i of the result when @keys[i] is a member of the top-level
 * object; 0 when the input is not an object or nests too deeply */
guint64
_ym_advisory_json_sniff_keys(const gchar *data, gsize length, const gchar *const *keys);

/* "parent.member" or "member" when @parent is empty */
gchar *
_ym_advisory_json_path(const gchar *parent, const gchar *member);
/* "parent[index]" */
gchar *
_ym_advisory_json_path_index(const gchar *parent, guint index);

/*
 * typed member access: a missing member or JSON null leaves the value
 * NULL/unset and succeeds unless @presence is REQUIRED; a member of the
 * wrong type fails with YM_ERROR_INVALID_DATA and the message
 * "path.member: expected a string" (and so on)
 */
gboolean
_ym_advisory_json_get_string(JsonObject *object,
                             const gchar *path,
                             const gchar *member,
                             YmAdvisoryJsonPresence presence,
                             const gchar **value,
                             GError **error);
gboolean
_ym_advisory_json_get_object(JsonObject *object,
                             const gchar *path,
                             const gchar *member,
                             YmAdvisoryJsonPresence presence,
                             JsonObject **value,
                             GError **error);
gboolean
_ym_advisory_json_get_array(JsonObject *object,
                            const gchar *path,
                            const gchar *member,
                            YmAdvisoryJsonPresence presence,
                            JsonArray **value,
                            GError **error);
gboolean
_ym_advisory_json_get_int(JsonObject *object,
                          const gchar *path,
                          const gchar *member,
                          gint64 *value,
                          gboolean *present,
                          GError **error);
gboolean
_ym_advisory_json_get_double(JsonObject *object,
                             const gchar *path,
                             const gchar *member,
                             gdouble *value,
                             gboolean *present,
                             GError **error);
gboolean
_ym_advisory_json_get_boolean(JsonObject *object,
                              const gchar *path,
                              const gchar *member,
                              gboolean *value,
                              gboolean *present,
                              GError **error);

/* array elements; @path is the array's own path, JSON null is refused */
gboolean
_ym_advisory_json_element_object(JsonArray *array,
                                 const gchar *path,
                                 guint index,
                                 JsonObject **value,
                                 GError **error);
gboolean
_ym_advisory_json_element_string(JsonArray *array,
                                 const gchar *path,
                                 guint index,
                                 const gchar **value,
                                 GError **error);

/* TRUE in @found when the array of strings @member holds @needle (ASCII
 * case-insensitive); a missing member is an empty list */
gboolean
_ym_advisory_json_has_string(JsonObject *object,
                             const gchar *path,
                             const gchar *member,
                             const gchar *needle,
                             gboolean *found,
                             GError **error);

/* hands @advisory to the sink; a sink that fails without an error still
 * stops the parse with one */
gboolean
_ym_advisory_json_emit(YmAdvisory *advisory,
                       YmAdvisorySink sink,
                       gpointer user_data,
                       GError **error);

/* adds a product unless the advisory already has YM_ADVISORY_MAX_PRODUCTS */
YmAdvisoryProduct *
_ym_advisory_json_add_product(YmAdvisory *advisory, const gchar *path, GError **error);

/* @text, or NULL when it is NULL or empty */
const gchar *
_ym_advisory_json_nonempty(const gchar *text);

/* "descriptions": [{lang, value}] into the first English and Japanese
 * summaries the advisory does not have yet (NVD and CVE 5 share the shape) */
gboolean
_ym_advisory_json_parse_descriptions(JsonObject *object,
                                     const gchar *path,
                                     YmAdvisory *advisory,
                                     GError **error);

/* "references": [{url, tags}]: the first web URL tagged @advisory_tag or
 * @patch_tag becomes the remediation URL, and a @patch_tag says a vendor
 * fix exists (the tags differ between NVD and CVE 5) */
gboolean
_ym_advisory_json_parse_references(JsonObject *object,
                                   const gchar *path,
                                   const gchar *advisory_tag,
                                   const gchar *patch_tag,
                                   YmAdvisory *advisory,
                                   GError **error);

/* "baseScore" and "vectorString" of a CVSS object at @path; a score outside
 * 0 to 10 is warned about in the caller's @log_domain and left not @present */
gboolean
_ym_advisory_json_get_cvss(const gchar *log_domain,
                           JsonObject *cvss,
                           const gchar *path,
                           gdouble *score,
                           const gchar **vector,
                           gboolean *present,
                           GError **error);

/* @text cut to 40 bytes with control and non-ASCII bytes escaped, for
 * messages that quote a value from the feed */
gchar *
_ym_advisory_json_quote(const gchar *text);

/* TRUE when @lang is @want or a regional form of it ("en", "en-US", "en_GB") */
gboolean
_ym_advisory_json_lang_is(const gchar *lang, const gchar *want);

/* TRUE for an http or https URL we may show as a link */
gboolean
_ym_advisory_url_is_web(const gchar *url);

/* CPE 2.3 attribute indexes after "cpe:2.3:" */
typedef enum {
	YM_CPE_PART,
	YM_CPE_VENDOR,
	YM_CPE_PRODUCT,
	YM_CPE_VERSION,
	YM_CPE_UPDATE,
	YM_CPE_EDITION,
	YM_CPE_LANGUAGE,
	YM_CPE_SW_EDITION,
	YM_CPE_TARGET_SW,
	YM_CPE_TARGET_HW,
	YM_CPE_OTHER,
	YM_CPE_LAST
} YmCpeAttribute;

/* the YM_CPE_LAST attributes of a CPE 2.3 formatted string, still escaped,
 * or NULL when @cpe is not one (printable ASCII, part a, o or h, 11
 * non-empty attributes) */
GStrv
_ym_advisory_cpe_split(const gchar *cpe);
/* an attribute without its backslash escapes: "ud-lt1\/ex_firmware" is
 * "ud-lt1/ex_firmware" */
gchar *
_ym_advisory_cpe_unescape(const gchar *attribute);
/* TRUE for a concrete attribute value, FALSE for ANY "*" and NA "-" */
gboolean
_ym_advisory_cpe_is_concrete(const gchar *attribute);
/* a CPE 2.3 formatted string for a 2.3 string (copied) or a 2.2 URI
 * ("cpe:/o:nec:aterm_wx3600hp_firmware"), NULL for anything else */
gchar *
_ym_advisory_cpe_normalise(const gchar *cpe);

G_END_DECLS
