/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * what a CSAF provider publishes besides its documents (CSAF 2.0 section
 * 7.1): provider-metadata.json, ROLIE feeds, the directory indexes
 * changes.csv and index.txt, and .sha256/.sha512 companions. All of it is
 * hostile input: sizes are capped, URLs must be https and index paths must
 * stay below the directory they are relative to.
 */

#define G_LOG_DOMAIN "YmCsafProvider"

#include "config.h"

#include "ym-csaf-provider.h"

#include <string.h>

#include "ym-advisory-csaf-private.h"
#include "ym-advisory.h"
#include "ym-error.h"

#define YM_CSAF_PROVIDER_MAX_NAME 4096

struct _YmCsafProvider {
	GObject parent_instance;
	/* owned */
	gchar *canonical_url;
	gchar *publisher_name;
	gchar *publisher_namespace;
	gchar *role;
	gint64 last_updated;
	GPtrArray *directory_urls; /* gchar* */
	GPtrArray *feeds;          /* YmCsafFeed* */
	GPtrArray *keys;           /* YmCsafKey* */
};

G_DEFINE_TYPE(YmCsafProvider, ym_csaf_provider, G_TYPE_OBJECT)

static void
ym_csaf_feed_free(YmCsafFeed *feed)
{
	g_free(feed->tlp_label);
	g_free(feed->url);
	g_free(feed->summary);
	g_free(feed);
}

static void
ym_csaf_key_free(YmCsafKey *key)
{
	g_free(key->fingerprint);
	g_free(key->url);
	g_free(key);
}

static void
ym_csaf_provider_finalize(GObject *object)
{
	YmCsafProvider *self = YM_CSAF_PROVIDER(object);

	g_free(self->canonical_url);
	g_free(self->publisher_name);
	g_free(self->publisher_namespace);
	g_free(self->role);
	g_ptr_array_unref(self->directory_urls);
	g_ptr_array_unref(self->feeds);
	g_ptr_array_unref(self->keys);
	G_OBJECT_CLASS(ym_csaf_provider_parent_class)->finalize(object);
}

static void
ym_csaf_provider_class_init(YmCsafProviderClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = ym_csaf_provider_finalize;
}

static void
ym_csaf_provider_init(YmCsafProvider *self)
{
	self->directory_urls = g_ptr_array_new_with_free_func(g_free);
	self->feeds = g_ptr_array_new_with_free_func((GDestroyNotify) ym_csaf_feed_free);
	self->keys = g_ptr_array_new_with_free_func((GDestroyNotify) ym_csaf_key_free);
}

/* an absolute https URL (scheme in lower case, so consumers can compare
 * prefixes) with a host and no credentials */
static gboolean
url_is_https(const gchar *url)
{
	g_autoptr(GUri) uri = NULL;

	if (url == NULL || strncmp(url, "https://", 8) != 0)
		return FALSE;
	uri = g_uri_parse(url, G_URI_FLAGS_NONE, NULL);
	if (uri == NULL)
		return FALSE;
	return g_uri_get_host(uri) != NULL && *g_uri_get_host(uri) != '\0' &&
	       g_uri_get_userinfo(uri) == NULL;
}

/* a required or optional https URL member */
static gboolean
get_https_url(JsonObject *object,
              const gchar *member,
              const YmJsonPath *path,
              gboolean required,
              const gchar **url,
              GError **error)
{
	if (!_ym_json_get_string(object, member, path, required, YM_CSAF_PROVIDER_MAX_NAME, url,
	                         error))
		return FALSE;
	if (*url != NULL && !url_is_https(*url)) {
		YmJsonPath here = YM_JSON_PATH_MEMBER(path, member);
		_ym_json_set_error(error, &here, "not an https URL: %s", *url);
		return FALSE;
	}
	return TRUE;
}

static gboolean
provider_parse_feeds(YmCsafProvider *self, JsonArray *feeds, const YmJsonPath *path, GError **error)
{
	for (guint i = 0; i < json_array_get_length(feeds); i++) {
		YmJsonPath here = YM_JSON_PATH_INDEX(path, i);
		JsonObject *object = NULL;
		const gchar *tlp_label = NULL;
		const gchar *url = NULL;
		const gchar *summary = NULL;
		YmCsafFeed *feed;

		if (!_ym_json_array_get_object(feeds, i, path, &object, error) ||
		    !_ym_json_get_string(object, "tlp_label", &here, TRUE,
		                         YM_CSAF_PROVIDER_MAX_NAME, &tlp_label, error) ||
		    !get_https_url(object, "url", &here, TRUE, &url, error) ||
		    !_ym_json_get_string(object, "summary", &here, FALSE, YM_CSAF_PROVIDER_MAX_NAME,
		                         &summary, error))
			return FALSE;
		feed = g_new0(YmCsafFeed, 1);
		feed->tlp_label = g_strdup(tlp_label);
		feed->url = g_strdup(url);
		feed->summary = g_strdup(summary);
		g_ptr_array_add(self->feeds, feed);
	}
	return TRUE;
}

static gboolean
provider_parse_distributions(YmCsafProvider *self,
                             JsonArray *distributions,
                             const YmJsonPath *path,
                             GError **error)
{
	for (guint i = 0; i < json_array_get_length(distributions); i++) {
		YmJsonPath here = YM_JSON_PATH_INDEX(path, i);
		YmJsonPath rolie_path = YM_JSON_PATH_MEMBER(&here, "rolie");
		YmJsonPath feeds_path = YM_JSON_PATH_MEMBER(&rolie_path, "feeds");
		JsonObject *distribution = NULL;
		JsonObject *rolie = NULL;
		JsonArray *feeds = NULL;
		const gchar *directory_url = NULL;

		if (!_ym_json_array_get_object(distributions, i, path, &distribution, error) ||
		    !get_https_url(distribution, "directory_url", &here, FALSE, &directory_url,
		                   error) ||
		    !_ym_json_get_object(distribution, "rolie", &here, FALSE, &rolie, error))
			return FALSE;
		if (directory_url == NULL && rolie == NULL) {
			_ym_json_set_error(error, &here, "neither directory_url nor rolie");
			return FALSE;
		}
		if (directory_url != NULL)
			g_ptr_array_add(self->directory_urls, g_strdup(directory_url));
		if (rolie != NULL &&
		    (!_ym_json_get_array(rolie, "feeds", &rolie_path, TRUE, &feeds, error) ||
		     !provider_parse_feeds(self, feeds, &feeds_path, error)))
			return FALSE;
	}
	return TRUE;
}

/* 40 (v4) or 64 (v5) hex digits, upper-cased */
static gchar *
fingerprint_normalize(const gchar *text)
{
	gsize length = strlen(text);

	if (length != 40 && length != 64)
		return NULL;
	for (gsize i = 0; i < length; i++) {
		if (!g_ascii_isxdigit(text[i]))
			return NULL;
	}
	return g_ascii_strup(text, -1);
}

static gboolean
provider_parse_keys(YmCsafProvider *self, JsonArray *keys, const YmJsonPath *path, GError **error)
{
	for (guint i = 0; i < json_array_get_length(keys); i++) {
		YmJsonPath here = YM_JSON_PATH_INDEX(path, i);
		g_autofree gchar *normalized = NULL;
		JsonObject *object = NULL;
		const gchar *fingerprint = NULL;
		const gchar *url = NULL;
		YmCsafKey *key;

		if (!_ym_json_array_get_object(keys, i, path, &object, error) ||
		    !_ym_json_get_string(object, "fingerprint", &here, FALSE,
		                         YM_CSAF_PROVIDER_MAX_NAME, &fingerprint, error) ||
		    !get_https_url(object, "url", &here, TRUE, &url, error))
			return FALSE;
		if (fingerprint != NULL) {
			normalized = fingerprint_normalize(fingerprint);
			if (normalized == NULL) {
				YmJsonPath fingerprint_path =
				    YM_JSON_PATH_MEMBER(&here, "fingerprint");
				_ym_json_set_error(error, &fingerprint_path,
				                   "not an OpenPGP fingerprint: %s", fingerprint);
				return FALSE;
			}
		}
		key = g_new0(YmCsafKey, 1);
		key->fingerprint = g_steal_pointer(&normalized);
		key->url = g_strdup(url);
		g_ptr_array_add(self->keys, key);
	}
	return TRUE;
}

static gboolean
provider_parse_publisher(YmCsafProvider *self, JsonObject *root, GError **error)
{
	YmJsonPath publisher_path = YM_JSON_PATH_MEMBER(NULL, "publisher");
	JsonObject *publisher = NULL;
	const gchar *name = NULL;
	const gchar *namespace = NULL;

	if (!_ym_json_get_object(root, "publisher", NULL, TRUE, &publisher, error) ||
	    !_ym_json_get_string(publisher, "name", &publisher_path, TRUE,
	                         YM_CSAF_PROVIDER_MAX_NAME, &name, error) ||
	    !_ym_json_get_string(publisher, "namespace", &publisher_path, FALSE,
	                         YM_CSAF_PROVIDER_MAX_NAME, &namespace, error))
		return FALSE;
	self->publisher_name = g_strdup(name);
	self->publisher_namespace = g_strdup(namespace);
	return TRUE;
}

YmCsafProvider *
ym_csaf_provider_parse(const gchar *data, gsize length, GError **error)
{
	YmJsonPath distributions_path = YM_JSON_PATH_MEMBER(NULL, "distributions");
	YmJsonPath keys_path = YM_JSON_PATH_MEMBER(NULL, "public_openpgp_keys");
	g_autoptr(YmCsafProvider) self = g_object_new(YM_TYPE_CSAF_PROVIDER, NULL);
	g_autoptr(JsonObject) root = NULL;
	JsonArray *distributions = NULL;
	JsonArray *keys = NULL;
	const gchar *canonical_url = NULL;
	const gchar *role = NULL;
	const gchar *last_updated = NULL;

	root = _ym_json_load_object(data, length, YM_CSAF_PROVIDER_METADATA_MAX_SIZE, error);
	if (root == NULL) {
		g_prefix_error_literal(error, "provider metadata: ");
		return NULL;
	}
	if (!get_https_url(root, "canonical_url", NULL, TRUE, &canonical_url, error) ||
	    !provider_parse_publisher(self, root, error) ||
	    !_ym_json_get_string(root, "role", NULL, FALSE, YM_CSAF_PROVIDER_MAX_NAME, &role,
	                         error) ||
	    !_ym_json_get_string(root, "last_updated", NULL, FALSE, YM_CSAF_PROVIDER_MAX_NAME,
	                         &last_updated, error) ||
	    !_ym_json_get_array(root, "distributions", NULL, FALSE, &distributions, error) ||
	    !_ym_json_get_array(root, "public_openpgp_keys", NULL, FALSE, &keys, error) ||
	    (distributions != NULL &&
	     !provider_parse_distributions(self, distributions, &distributions_path, error)) ||
	    (keys != NULL && !provider_parse_keys(self, keys, &keys_path, error))) {
		g_prefix_error_literal(error, "provider metadata: ");
		return NULL;
	}
	self->canonical_url = g_strdup(canonical_url);
	self->role = g_strdup(role);
	self->last_updated = ym_advisory_parse_time(last_updated);
	return g_steal_pointer(&self);
}

const gchar *
ym_csaf_provider_get_canonical_url(YmCsafProvider *self)
{
	g_return_val_if_fail(YM_IS_CSAF_PROVIDER(self), NULL);
	return self->canonical_url;
}

const gchar *
ym_csaf_provider_get_publisher_name(YmCsafProvider *self)
{
	g_return_val_if_fail(YM_IS_CSAF_PROVIDER(self), NULL);
	return self->publisher_name;
}

const gchar *
ym_csaf_provider_get_publisher_namespace(YmCsafProvider *self)
{
	g_return_val_if_fail(YM_IS_CSAF_PROVIDER(self), NULL);
	return self->publisher_namespace;
}

const gchar *
ym_csaf_provider_get_role(YmCsafProvider *self)
{
	g_return_val_if_fail(YM_IS_CSAF_PROVIDER(self), NULL);
	return self->role;
}

gint64
ym_csaf_provider_get_last_updated(YmCsafProvider *self)
{
	g_return_val_if_fail(YM_IS_CSAF_PROVIDER(self), 0);
	return self->last_updated;
}

GPtrArray *
ym_csaf_provider_get_directory_urls(YmCsafProvider *self)
{
	g_return_val_if_fail(YM_IS_CSAF_PROVIDER(self), NULL);
	return self->directory_urls;
}

GPtrArray *
ym_csaf_provider_get_feeds(YmCsafProvider *self)
{
	g_return_val_if_fail(YM_IS_CSAF_PROVIDER(self), NULL);
	return self->feeds;
}

GPtrArray *
ym_csaf_provider_get_keys(YmCsafProvider *self)
{
	g_return_val_if_fail(YM_IS_CSAF_PROVIDER(self), NULL);
	return self->keys;
}

/* ROLIE */

void
ym_csaf_rolie_entry_free(YmCsafRolieEntry *entry)
{
	if (entry == NULL)
		return;
	g_free(entry->id);
	g_free(entry->title);
	g_free(entry->url);
	g_free(entry->hash_url);
	g_free(entry->signature_url);
	g_free(entry);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(YmCsafRolieEntry, ym_csaf_rolie_entry_free)

static gboolean
rolie_parse_links(YmCsafRolieEntry *entry, JsonArray *links, const YmJsonPath *path, GError **error)
{
	for (guint i = 0; i < json_array_get_length(links); i++) {
		YmJsonPath here = YM_JSON_PATH_INDEX(path, i);
		JsonObject *link = NULL;
		const gchar *rel = NULL;
		const gchar *href = NULL;
		gchar **slot = NULL;

		if (!_ym_json_array_get_object(links, i, path, &link, error) ||
		    !_ym_json_get_string(link, "rel", &here, FALSE, YM_CSAF_PROVIDER_MAX_NAME, &rel,
		                         error))
			return FALSE;
		/* CISA's IT feed writes "ref" for "rel" on hash and signature */
		if (rel == NULL && !_ym_json_get_string(link, "ref", &here, FALSE,
		                                        YM_CSAF_PROVIDER_MAX_NAME, &rel, error))
			return FALSE;
		if (g_strcmp0(rel, "self") == 0)
			slot = &entry->url;
		else if (g_strcmp0(rel, "hash") == 0)
			slot = &entry->hash_url;
		else if (g_strcmp0(rel, "signature") == 0)
			slot = &entry->signature_url;
		else
			continue;
		if (!get_https_url(link, "href", &here, TRUE, &href, error))
			return FALSE;
		/* SICK links a .sha256 and a .sha512: take the stronger */
		if (*slot == NULL ||
		    (slot == &entry->hash_url && g_str_has_suffix(href, ".sha512") &&
		     !g_str_has_suffix(*slot, ".sha512"))) {
			g_free(*slot);
			*slot = g_strdup(href);
		}
	}
	return TRUE;
}

static YmCsafRolieEntry *
rolie_parse_entry(JsonObject *object, const YmJsonPath *path, GError **error)
{
	YmJsonPath links_path = YM_JSON_PATH_MEMBER(path, "link");
	YmJsonPath content_path = YM_JSON_PATH_MEMBER(path, "content");
	g_autoptr(YmCsafRolieEntry) entry = g_new0(YmCsafRolieEntry, 1);
	JsonArray *links = NULL;
	JsonObject *content = NULL;
	const gchar *id = NULL;
	const gchar *title = NULL;
	const gchar *published = NULL;
	const gchar *updated = NULL;
	const gchar *src = NULL;

	if (!_ym_json_get_string(object, "id", path, TRUE, YM_CSAF_PROVIDER_MAX_NAME, &id, error) ||
	    !_ym_json_get_string(object, "title", path, FALSE, YM_CSAF_PROVIDER_MAX_NAME, &title,
	                         error) ||
	    !_ym_json_get_string(object, "published", path, FALSE, YM_CSAF_PROVIDER_MAX_NAME,
	                         &published, error) ||
	    !_ym_json_get_string(object, "updated", path, FALSE, YM_CSAF_PROVIDER_MAX_NAME,
	                         &updated, error) ||
	    !_ym_json_get_array(object, "link", path, FALSE, &links, error) ||
	    !_ym_json_get_object(object, "content", path, FALSE, &content, error))
		return NULL;
	if (links != NULL && !rolie_parse_links(entry, links, &links_path, error))
		return NULL;
	if (content != NULL && !get_https_url(content, "src", &content_path, FALSE, &src, error))
		return NULL;
	if (entry->url == NULL)
		entry->url = g_strdup(src);
	if (entry->url == NULL) {
		_ym_json_set_error(error, path, "no link to the document");
		return NULL;
	}
	entry->id = g_strdup(id);
	entry->title = g_strdup(title);
	entry->published = ym_advisory_parse_time(published);
	entry->updated = ym_advisory_parse_time(updated);
	return g_steal_pointer(&entry);
}

gboolean
ym_csaf_rolie_parse(const gchar *data, gsize length, GPtrArray **entries, GError **error)
{
	YmJsonPath feed_path = YM_JSON_PATH_MEMBER(NULL, "feed");
	YmJsonPath entries_path = YM_JSON_PATH_MEMBER(&feed_path, "entry");
	g_autoptr(GPtrArray) result =
	    g_ptr_array_new_with_free_func((GDestroyNotify) ym_csaf_rolie_entry_free);
	g_autoptr(JsonObject) root = NULL;
	JsonObject *feed = NULL;
	JsonArray *array = NULL;

	g_return_val_if_fail(entries != NULL, FALSE);

	root = _ym_json_load_object(data, length, YM_CSAF_ROLIE_MAX_SIZE, error);
	if (root == NULL || !_ym_json_get_object(root, "feed", NULL, TRUE, &feed, error) ||
	    !_ym_json_get_array(feed, "entry", &feed_path, FALSE, &array, error)) {
		g_prefix_error_literal(error, "ROLIE feed: ");
		return FALSE;
	}
	for (guint i = 0; array != NULL && i < json_array_get_length(array); i++) {
		YmJsonPath here = YM_JSON_PATH_INDEX(&entries_path, i);
		JsonObject *object = NULL;
		YmCsafRolieEntry *entry;
		if (!_ym_json_array_get_object(array, i, &entries_path, &object, error)) {
			g_prefix_error_literal(error, "ROLIE feed: ");
			return FALSE;
		}
		entry = rolie_parse_entry(object, &here, error);
		if (entry == NULL) {
			g_prefix_error_literal(error, "ROLIE feed: ");
			return FALSE;
		}
		g_ptr_array_add(result, entry);
	}
	*entries = g_steal_pointer(&result);
	return TRUE;
}

/* directory indexes */

gboolean
ym_csaf_path_is_safe(const gchar *path)
{
	g_auto(GStrv) segments = NULL;
	gsize length;

	if (path == NULL)
		return FALSE;
	length = strlen(path);
	if (length == 0 || length > YM_CSAF_INDEX_MAX_LINE || path[0] == '/' ||
	    path[length - 1] == '/')
		return FALSE;
	for (const gchar *p = path; *p != '\0'; p++) {
		if (!g_ascii_isalnum(*p) && strchr("._+-/", *p) == NULL)
			return FALSE;
	}
	segments = g_strsplit(path, "/", -1);
	for (guint i = 0; segments[i] != NULL; i++) {
		if (*segments[i] == '\0' || g_strcmp0(segments[i], ".") == 0 ||
		    g_strcmp0(segments[i], "..") == 0)
			return FALSE;
	}
	return TRUE;
}

void
ym_csaf_change_free(YmCsafChange *change)
{
	if (change == NULL)
		return;
	g_free(change->path);
	g_free(change);
}

/* the lines of a text index, with their numbers; CR before LF dropped */
static gboolean
index_split_lines(const gchar *data,
                  gsize length,
                  const gchar *what,
                  gchar ***lines,
                  GError **error)
{
	g_autofree gchar *text = NULL;
	const gchar *end = NULL;

	if (data == NULL && length > 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: no data", what);
		return FALSE;
	}
	if (length > YM_CSAF_INDEX_MAX_SIZE) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s: %" G_GSIZE_FORMAT " bytes is larger than the %u allowed", what,
		            length, (guint) YM_CSAF_INDEX_MAX_SIZE);
		return FALSE;
	}
	if (length > 0 && !g_utf8_validate_len(data, length, &end)) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s: byte %" G_GSIZE_FORMAT ": not UTF-8 (or a NUL byte)", what,
		            (gsize) (end - data));
		return FALSE;
	}
	text = g_strndup(data != NULL ? data : "", length);
	*lines = g_strsplit(text, "\n", -1);
	for (guint i = 0; (*lines)[i] != NULL; i++) {
		gchar *line = (*lines)[i];
		gsize line_length = strlen(line);
		if (line_length > 0 && line[line_length - 1] == '\r')
			line[--line_length] = '\0';
		if (line_length > YM_CSAF_INDEX_MAX_LINE) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "%s: line %u: longer than %u bytes", what, i + 1,
			            (guint) YM_CSAF_INDEX_MAX_LINE);
			g_clear_pointer(lines, g_strfreev);
			return FALSE;
		}
	}
	return TRUE;
}

/* one CSV field, "quoted" (with "" for a quote) or bare, up to a comma */
static gchar *
csv_read_field(const gchar **cursor)
{
	const gchar *p = *cursor;
	GString *field = g_string_new(NULL);

	if (*p == '"') {
		for (p++;; p++) {
			if (*p == '\0') {
				g_string_free(field, TRUE);
				return NULL;
			}
			if (*p == '"' && p[1] == '"') {
				g_string_append_c(field, '"');
				p++;
			} else if (*p == '"') {
				p++;
				break;
			} else {
				g_string_append_c(field, *p);
			}
		}
	} else {
		for (; *p != '\0' && *p != ','; p++)
			g_string_append_c(field, *p);
	}
	if (*p != '\0' && *p != ',') {
		g_string_free(field, TRUE);
		return NULL;
	}
	*cursor = p;
	return g_string_free(field, FALSE);
}

gboolean
ym_csaf_changes_parse(const gchar *data, gsize length, GPtrArray **entries, GError **error)
{
	g_autoptr(GPtrArray) result =
	    g_ptr_array_new_with_free_func((GDestroyNotify) ym_csaf_change_free);
	g_auto(GStrv) lines = NULL;

	g_return_val_if_fail(entries != NULL, FALSE);

	if (!index_split_lines(data, length, "changes.csv", &lines, error))
		return FALSE;
	for (guint i = 0; lines[i] != NULL; i++) {
		g_autofree gchar *path = NULL;
		g_autofree gchar *timestamp = NULL;
		const gchar *cursor = lines[i];
		YmCsafChange *change;
		gint64 when;

		if (*cursor == '\0')
			continue;
		path = csv_read_field(&cursor);
		if (path != NULL && *cursor == ',') {
			cursor++;
			timestamp = csv_read_field(&cursor);
		}
		if (timestamp == NULL || *cursor != '\0') {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "changes.csv: line %u: not a \"path\",\"timestamp\" pair",
			            i + 1);
			return FALSE;
		}
		if (!ym_csaf_path_is_safe(path)) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "changes.csv: line %u: unsafe path %s", i + 1, path);
			return FALSE;
		}
		when = ym_advisory_parse_time(timestamp);
		if (when == 0) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "changes.csv: line %u: unreadable timestamp %s", i + 1,
			            timestamp);
			return FALSE;
		}
		change = g_new0(YmCsafChange, 1);
		change->path = g_steal_pointer(&path);
		change->timestamp = when;
		g_ptr_array_add(result, change);
	}
	*entries = g_steal_pointer(&result);
	return TRUE;
}

gboolean
ym_csaf_index_parse(const gchar *data, gsize length, GPtrArray **paths, GError **error)
{
	g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func(g_free);
	g_auto(GStrv) lines = NULL;

	g_return_val_if_fail(paths != NULL, FALSE);

	if (!index_split_lines(data, length, "index.txt", &lines, error))
		return FALSE;
	for (guint i = 0; lines[i] != NULL; i++) {
		if (*lines[i] == '\0')
			continue;
		if (!ym_csaf_path_is_safe(lines[i])) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "index.txt: line %u: unsafe path %s", i + 1, lines[i]);
			return FALSE;
		}
		g_ptr_array_add(result, g_strdup(lines[i]));
	}
	*paths = g_steal_pointer(&result);
	return TRUE;
}

/* hashes */

gboolean
ym_csaf_check_hash(const gchar *data,
                   gsize length,
                   const gchar *hash_file,
                   gsize hash_length,
                   GError **error)
{
	g_autoptr(GChecksum) checksum = NULL;
	g_autofree gchar *expected = NULL;
	const gchar *actual;
	gsize start = 0;
	gsize end;

	if (hash_file == NULL || hash_length == 0 || hash_length > YM_CSAF_HASH_FILE_MAX_SIZE) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "hash file is empty or too large");
		return FALSE;
	}
	while (start < hash_length && g_ascii_isspace(hash_file[start]))
		start++;
	for (end = start; end < hash_length && g_ascii_isxdigit(hash_file[end]); end++)
		;
	/* the digest ends the file or is followed by "  name" or " *name" */
	if ((end < hash_length && !g_ascii_isspace(hash_file[end])) ||
	    (end - start != 64 && end - start != 128)) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "hash file does not start with a SHA-256 or SHA-512 digest");
		return FALSE;
	}
	expected = g_ascii_strdown(hash_file + start, (gssize) (end - start));
	checksum = g_checksum_new(end - start == 64 ? G_CHECKSUM_SHA256 : G_CHECKSUM_SHA512);
	if (length > 0)
		g_checksum_update(checksum, (const guchar *) data, (gssize) length);
	actual = g_checksum_get_string(checksum);
	if (g_strcmp0(actual, expected) != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID,
		            "%s digest does not match: expected %.16s..., got %.16s...",
		            end - start == 64 ? "SHA-256" : "SHA-512", expected, actual);
		return FALSE;
	}
	return TRUE;
}
