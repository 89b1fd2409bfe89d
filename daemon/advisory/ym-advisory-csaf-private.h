/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* shared by the CSAF document and provider parsers (and their tests) */

/* deepest nesting of arrays and objects we hand to json-glib, whose
 * recursive parser has no limit of its own and overflows the stack on
 * a few hundred thousand brackets; real CSAF documents reach 14 */
#define YM_CSAF_JSON_MAX_DEPTH 64
/* most values (scalars, arrays, objects) in one JSON text: json-glib
 * spends about 100 bytes on each, so this bounds memory near 100 MiB;
 * the 541 KB Mobotix document has about 27,000 */
#define YM_CSAF_JSON_MAX_VALUES 1000000

/* where a value sits in a JSON text, rendered as "$.a.b[3].c" in errors;
 * built on the stack while walking, formatted only when something fails */
typedef struct _YmJsonPath YmJsonPath;
struct _YmJsonPath {
	const YmJsonPath *parent;
	const gchar *member; /* NULL for an array element */
	guint index;
};

#define YM_JSON_PATH_MEMBER(parent_path, name)                                                     \
	{                                                                                          \
		(parent_path), (name), 0                                                           \
	}
#define YM_JSON_PATH_INDEX(parent_path, i)                                                         \
	{                                                                                          \
		(parent_path), NULL, (i)                                                           \
	}

gchar *
_ym_json_path_to_string(const YmJsonPath *path);
void
_ym_json_set_error(GError **error, const YmJsonPath *path, const gchar *format, ...)
    G_GNUC_PRINTF(3, 4);

/* checks size, nesting depth, value count and UTF-8 before json-glib sees
 * the bytes, then parses; the root must be an object */
JsonObject *
_ym_json_load_object(const gchar *data, gsize length, gsize max_length, GError **error);

/* typed member access: a missing or null member is absent (an error only
 * when @required), a member of another type is an error naming its path;
 * strings must be valid UTF-8 and at most @max_length bytes */
gboolean
_ym_json_get_string(JsonObject *object,
                    const gchar *member,
                    const YmJsonPath *path,
                    gboolean required,
                    gsize max_length,
                    const gchar **value,
                    GError **error);
gboolean
_ym_json_get_object(JsonObject *object,
                    const gchar *member,
                    const YmJsonPath *path,
                    gboolean required,
                    JsonObject **value,
                    GError **error);
gboolean
_ym_json_get_array(JsonObject *object,
                   const gchar *member,
                   const YmJsonPath *path,
                   gboolean required,
                   JsonArray **value,
                   GError **error);
/* the elements of an array; @path is the array's own path */
gboolean
_ym_json_array_get_string(JsonArray *array,
                          guint index,
                          const YmJsonPath *path,
                          gsize max_length,
                          const gchar **value,
                          GError **error);
gboolean
_ym_json_array_get_object(JsonArray *array,
                          guint index,
                          const YmJsonPath *path,
                          JsonObject **value,
                          GError **error);

/* one interval of a VERS range (https://github.com/package-url/purl-spec,
 * VERSION-RANGE-SPEC): @exact for "=", otherwise NULL-able bounds */
typedef struct {
	gchar *exact;
	gchar *start;
	gboolean start_inclusive;
	gchar *end;
	gboolean end_inclusive;
} YmCsafVersRange;

void
_ym_csaf_vers_range_free(YmCsafVersRange *range);

/* parses "vers:<scheme>/<constraints>"; FALSE when @text is not valid VERS.
 * On success either *@all_versions is TRUE ("*", or only "!=" constraints,
 * which we ignore) or @ranges holds one YmCsafVersRange per interval */
gboolean
_ym_csaf_vers_parse(const gchar *text, gboolean *all_versions, GPtrArray **ranges);

/* the version a vendor_fix text tells users to install ("Update to V2.7 or
 * later version" gives "V2.7"), NULL when it names none */
gchar *
_ym_csaf_version_from_fix_text(const gchar *details);

/* the packets of an armored OpenPGP public key block (a binary key is
 * returned as is), for gpgv, which reads binary keyrings only */
GBytes *
_ym_csaf_openpgp_dearmor(const gchar *key, gsize length, GError **error);

G_END_DECLS
