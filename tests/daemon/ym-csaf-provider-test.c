/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * CSAF provider metadata, ROLIE feeds, changes.csv, index.txt and hash
 * companions. Expected values for the shared files were read from them
 * with python3 (json, csv-style splitting, hashlib, sha512sum -c).
 */

#include "config.h"

#include <string.h>

#include "ym-csaf-provider.h"
#include "ym-csaf-signature.h"
#include "ym-error.h"
#include "ym-test-common.h"

static gchar *
csaf_test_path(const gchar *relative)
{
	g_autofree gchar *name = g_build_filename("csaf", relative, NULL);
	return ym_test_shared_advisory(name);
}

/* the contents of a shared file, NULL when skipped */
static gchar *
read_shared(const gchar *relative, gsize *length)
{
	g_autofree gchar *path = csaf_test_path(relative);
	g_autoptr(GError) error = NULL;
	gchar *data = NULL;

	if (path == NULL)
		return NULL;
	g_file_get_contents(path, &data, length, &error);
	g_assert_no_error(error);
	return data;
}

static void
assert_error_names(GError *error, gint code, const gchar *needle)
{
	g_assert_error(error, YM_ERROR, code);
	if (strstr(error->message, needle) == NULL)
		g_error("\"%s\" does not name \"%s\"", error->message, needle);
}

static gchar *
replace_all(const gchar *text, const gchar *from, const gchar *to)
{
	g_auto(GStrv) parts = g_strsplit(text, from, -1);
	return g_strjoinv(to, parts);
}

static void
test_juice_shop_metadata(void)
{
	gsize length = 0;
	g_autofree gchar *data =
	    read_shared("directory-provider-juice-shop/provider-metadata.json", &length);
	g_autofree gchar *https = NULL;
	g_autofree gchar *half = NULL;
	g_autoptr(YmCsafProvider) provider = NULL;
	g_autoptr(GError) error = NULL;
	GPtrArray *keys;
	YmCsafKey *key;

	if (data == NULL)
		return;
	/* as published: canonical_url is http://localhost:3000/... */
	provider = ym_csaf_provider_parse(data, length, &error);
	g_assert_null(provider);
	assert_error_names(error, YM_ERROR_INVALID_DATA,
	                   "$.canonical_url: not an https URL: http://localhost:3000/");
	g_clear_error(&error);

	/* the canonical URL fixed but the directory still http */
	half =
	    replace_all(data, "\"http://localhost:3000/.well-known/csaf/provider-metadata.json\"",
	                "\"https://juice-shop.example/.well-known/csaf/provider-metadata.json\"");
	provider = ym_csaf_provider_parse(half, strlen(half), &error);
	g_assert_null(provider);
	assert_error_names(error, YM_ERROR_INVALID_DATA,
	                   "$.distributions[0].directory_url: not an https URL");
	g_clear_error(&error);

	/* every URL https: the rest of the file reads */
	https = replace_all(data, "http://localhost:3000", "https://juice-shop.example");
	provider = ym_csaf_provider_parse(https, strlen(https), &error);
	g_assert_no_error(error);
	g_assert_nonnull(provider);
	g_assert_cmpstr(ym_csaf_provider_get_canonical_url(provider), ==,
	                "https://juice-shop.example/.well-known/csaf/provider-metadata.json");
	g_assert_cmpstr(ym_csaf_provider_get_publisher_name(provider), ==, "OWASP Juice Shop");
	g_assert_cmpstr(ym_csaf_provider_get_publisher_namespace(provider), ==,
	                "/juice-shop/juice-shop");
	g_assert_cmpstr(ym_csaf_provider_get_role(provider), ==, "csaf_trusted_provider");
	g_assert_cmpint(ym_csaf_provider_get_last_updated(provider), ==, 1709670056);
	g_assert_cmpuint(ym_csaf_provider_get_directory_urls(provider)->len, ==, 1);
	g_assert_cmpstr(g_ptr_array_index(ym_csaf_provider_get_directory_urls(provider), 0), ==,
	                "https://juice-shop.example/.well-known/csaf/");
	g_assert_cmpuint(ym_csaf_provider_get_feeds(provider)->len, ==, 0);
	keys = ym_csaf_provider_get_keys(provider);
	g_assert_cmpuint(keys->len, ==, 3);
	key = g_ptr_array_index(keys, 0);
	g_assert_cmpstr(key->fingerprint, ==, "19C01CB7157E4645E9E2C863062A85A8CBFBDCDA");
	g_assert_cmpstr(key->url, ==,
	                "https://keybase.io/bkimminich/pgp_keys.asc?fingerprint="
	                "19c01cb7157e4645e9e2c863062a85a8cbfbdcda");
	key = g_ptr_array_index(keys, 2);
	g_assert_cmpstr(key->fingerprint, ==, "91B7A09D34DB0A5E662EA7546F4A7656807D4FF9");
	g_assert_cmpstr(key->url, ==, "https://github.com/J12934.gpg");
}

static void
test_oasis_metadata(void)
{
	gsize length = 0;
	g_autofree gchar *data =
	    read_shared("oasis-examples/example-01-provider-metadata.json", &length);
	g_autoptr(YmCsafProvider) provider = NULL;
	g_autoptr(GError) error = NULL;
	YmCsafFeed *feed;
	YmCsafKey *key;

	if (data == NULL)
		return;
	provider = ym_csaf_provider_parse(data, length, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(ym_csaf_provider_get_canonical_url(provider), ==,
	                "https://www.example.com/.well-known/csaf/provider-metadata.json");
	g_assert_cmpstr(ym_csaf_provider_get_publisher_name(provider), ==,
	                "Example Company ProductCERT");
	g_assert_cmpint(ym_csaf_provider_get_last_updated(provider), ==, 1626121256);
	g_assert_cmpuint(ym_csaf_provider_get_directory_urls(provider)->len, ==, 0);
	g_assert_cmpuint(ym_csaf_provider_get_feeds(provider)->len, ==, 1);
	feed = g_ptr_array_index(ym_csaf_provider_get_feeds(provider), 0);
	g_assert_cmpstr(feed->tlp_label, ==, "WHITE");
	g_assert_cmpstr(feed->url, ==,
	                "https://www.example.com/.well-known/csaf/feed-tlp-white.json");
	g_assert_cmpstr(feed->summary, ==, "All TLP:WHITE advisories of Example Company.");
	key = g_ptr_array_index(ym_csaf_provider_get_keys(provider), 0);
	g_assert_cmpstr(key->fingerprint, ==, "8F5F267907B2C4559DB360DB2294BA7D2B2298B1");
}

static void
assert_metadata_fails(const gchar *json, const gchar *needle)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(YmCsafProvider) provider = ym_csaf_provider_parse(json, strlen(json), &error);

	g_assert_null(provider);
	assert_error_names(error, YM_ERROR_INVALID_DATA, needle);
}

static void
test_metadata_broken(void)
{
	assert_metadata_fails("{\"canonical_url\":\"https://a.example/p.json\"}",
	                      "$.publisher: missing");
	assert_metadata_fails("{\"canonical_url\":\"https://user:pw@a.example/p.json\"}",
	                      "$.canonical_url: not an https URL");
	assert_metadata_fails("{\"canonical_url\":\"file:///etc/passwd\"}",
	                      "$.canonical_url: not an https URL");
	/* schemes are compared in lower case only (a fuzzer find) */
	assert_metadata_fails("{\"canonical_url\":\"htTps://a.example/p.json\"}",
	                      "$.canonical_url: not an https URL");
	assert_metadata_fails(
	    "{\"canonical_url\":\"https://a.example/p.json\",\"publisher\":{\"name\":\"A\"},"
	    "\"distributions\":[{}]}",
	    "$.distributions[0]: neither directory_url nor rolie");
	assert_metadata_fails(
	    "{\"canonical_url\":\"https://a.example/p.json\",\"publisher\":{\"name\":\"A\"},"
	    "\"distributions\":[{\"rolie\":{\"feeds\":[{\"tlp_label\":\"WHITE\","
	    "\"url\":\"http://a.example/feed.json\"}]}}]}",
	    "$.distributions[0].rolie.feeds[0].url: not an https URL");
	assert_metadata_fails(
	    "{\"canonical_url\":\"https://a.example/p.json\",\"publisher\":{\"name\":\"A\"},"
	    "\"public_openpgp_keys\":[{\"fingerprint\":\"XYZ\",\"url\":\"https://a.example/k\"}]}",
	    "$.public_openpgp_keys[0].fingerprint: not an OpenPGP fingerprint");
	assert_metadata_fails("{\"canonical_url\":42}",
	                      "$.canonical_url: expected a string, got a number");
	assert_metadata_fails("{\"canonical_url\":\"https://a.example/p.json\"", "invalid JSON");
}

static void
test_rolie_cisa(void)
{
	gsize length = 0;
	g_autofree gchar *ot =
	    read_shared("cisa-csaf-feed/OT-white-cisa-csaf-ot-feed-tlp-white.json", &length);
	g_autofree gchar *it = NULL;
	g_autoptr(GPtrArray) entries = NULL;
	g_autoptr(GError) error = NULL;
	YmCsafRolieEntry *entry;
	guint hashes = 0, signatures = 0;

	if (ot == NULL)
		return;
	g_assert_true(ym_csaf_rolie_parse(ot, length, &entries, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(entries->len, ==, 2379);
	entry = g_ptr_array_index(entries, 0);
	g_assert_cmpstr(entry->id, ==, "ICSA-24-298-03");
	g_assert_cmpstr(entry->title, ==, "Deep Sea Electronics DSE855");
	g_assert_cmpint(entry->updated, ==, 1729749600);
	g_assert_cmpint(entry->published, ==, 1729749600);
	g_assert_cmpstr(
	    entry->url, ==,
	    "https://raw.githubusercontent.com/cisagov/CSAF/develop/csaf_files/OT/white/2024/"
	    "icsa-24-298-03.json");
	g_assert_cmpstr(
	    entry->hash_url, ==,
	    "https://raw.githubusercontent.com/cisagov/CSAF/develop/csaf_files/OT/white/2024/"
	    "icsa-24-298-03.json.sha512");
	g_assert_cmpstr(
	    entry->signature_url, ==,
	    "https://raw.githubusercontent.com/cisagov/CSAF/develop/csaf_files/OT/white/2024/"
	    "icsa-24-298-03.json.asc");
	entry = g_ptr_array_index(entries, entries->len - 1);
	g_assert_cmpstr(entry->id, ==, "ICSA-17-012-01");
	g_assert_cmpint(entry->updated, ==, 1484179200);
	for (guint i = 0; i < entries->len; i++) {
		entry = g_ptr_array_index(entries, i);
		hashes += entry->hash_url != NULL;
		signatures += entry->signature_url != NULL;
	}
	g_assert_cmpuint(hashes, ==, 2379);
	g_assert_cmpuint(signatures, ==, 2379);
	g_clear_pointer(&entries, g_ptr_array_unref);

	/* the IT feed writes "ref" instead of "rel" for hash and signature */
	it = read_shared("cisa-csaf-feed/IT-white-cisa-csaf-it-feed-tlp-white.json", &length);
	g_assert_true(ym_csaf_rolie_parse(it, length, &entries, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(entries->len, ==, 4);
	entry = g_ptr_array_index(entries, 0);
	g_assert_cmpstr(entry->id, ==, "VA-24-254-02");
	g_assert_cmpint(entry->updated, ==, 1727971380);
	g_assert_cmpint(entry->published, ==, 1725984180);
	g_assert_cmpstr(
	    entry->hash_url, ==,
	    "https://raw.githubusercontent.com/cisagov/CSAF/develop/csaf_files/IT/white/2024/"
	    "va-24-254-02.json.sha512");
	g_assert_nonnull(entry->signature_url);
}

static void
test_rolie_vendors(void)
{
	gsize length = 0;
	g_autofree gchar *sick = read_shared("vendors/sick-csaf-feed-tlp-white.json", &length);
	g_autofree gchar *oasis = NULL;
	g_autoptr(GPtrArray) entries = NULL;
	g_autoptr(GError) error = NULL;
	YmCsafRolieEntry *entry;

	if (sick == NULL)
		return;
	g_assert_true(ym_csaf_rolie_parse(sick, length, &entries, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(entries->len, ==, 1);
	entry = g_ptr_array_index(entries, 0);
	g_assert_cmpstr(entry->id, ==, "SCA-2025-0007");
	g_assert_cmpstr(entry->url, ==,
	                "https://www.sick.com/.well-known/csaf/white/2025/sca-2025-0007.json");
	/* .sha256 and .sha512 are both linked */
	g_assert_cmpstr(
	    entry->hash_url, ==,
	    "https://www.sick.com/.well-known/csaf/white/2025/sca-2025-0007.json.sha512");
	g_clear_pointer(&entries, g_ptr_array_unref);

	oasis = read_shared("oasis-examples/example-01-feed-tlp-white.json", &length);
	g_assert_true(ym_csaf_rolie_parse(oasis, length, &entries, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(entries->len, ==, 1);
	entry = g_ptr_array_index(entries, 0);
	g_assert_cmpstr(entry->id, ==, "2020-ESA-001");
	g_assert_cmpstr(entry->url, ==,
	                "https://psirt.domain.tld/advisories/csaf/2020/2020-ESA-001.json");
}

static void
assert_rolie_fails(const gchar *json, const gchar *needle)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) entries = NULL;

	g_assert_false(ym_csaf_rolie_parse(json, strlen(json), &entries, &error));
	g_assert_null(entries);
	assert_error_names(error, YM_ERROR_INVALID_DATA, needle);
}

static void
test_rolie_broken(void)
{
	g_autoptr(GPtrArray) entries = NULL;
	g_autoptr(GError) error = NULL;

	assert_rolie_fails("{\"feed\":{\"entry\":[{\"id\":\"A\",\"link\":[{\"rel\":\"self\","
	                   "\"href\":\"http://evil.example/a.json\"}]}]}}",
	                   "$.feed.entry[0].link[0].href: not an https URL");
	assert_rolie_fails("{\"feed\":{\"entry\":[{\"id\":\"A\",\"content\":{\"src\":"
	                   "\"javascript:alert(1)\"}}]}}",
	                   "$.feed.entry[0].content.src: not an https URL");
	assert_rolie_fails("{\"feed\":{\"entry\":[{\"link\":[]}]}}", "$.feed.entry[0].id: missing");
	assert_rolie_fails("{\"feed\":{\"entry\":[{\"id\":\"A\"}]}}",
	                   "$.feed.entry[0]: no link to the document");
	assert_rolie_fails("{\"feed\":{\"entry\":{}}}", "$.feed.entry: expected an array");
	assert_rolie_fails("{\"entry\":[]}", "$.feed: missing");
	/* a feed without entries is empty, not broken */
	g_assert_true(ym_csaf_rolie_parse("{\"feed\":{}}", 11, &entries, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(entries->len, ==, 0);
}

static void
test_changes_cisa(void)
{
	gsize length = 0;
	g_autofree gchar *ot = read_shared("cisa-csaf-feed/OT-white-changes.csv", &length);
	g_autofree gchar *juice = NULL;
	g_autoptr(GPtrArray) entries = NULL;
	g_autoptr(GError) error = NULL;
	YmCsafChange *change;
	guint inversions = 0;
	guint newest = 0;

	if (ot == NULL)
		return;
	/* CRLF lines, unquoted */
	g_assert_true(ym_csaf_changes_parse(ot, length, &entries, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(entries->len, ==, 2379);
	change = g_ptr_array_index(entries, 0);
	g_assert_cmpstr(change->path, ==, "csaf_files/OT/white/2024/icsma-24-254-01.json");
	g_assert_cmpint(change->timestamp, ==, 1725948000);
	/* "newest first" is not true: the newest is on line 11 and 416 lines
	 * are newer than the line before them */
	for (guint i = 0; i < entries->len; i++) {
		YmCsafChange *current = g_ptr_array_index(entries, i);
		if (current->timestamp >
		    ((YmCsafChange *) g_ptr_array_index(entries, newest))->timestamp)
			newest = i;
		if (i > 0 && current->timestamp >
		                 ((YmCsafChange *) g_ptr_array_index(entries, i - 1))->timestamp)
			inversions++;
	}
	g_assert_cmpuint(newest + 1, ==, 11);
	g_assert_cmpint(((YmCsafChange *) g_ptr_array_index(entries, newest))->timestamp, ==,
	                1729749600);
	g_assert_cmpuint(inversions, ==, 416);
	g_clear_pointer(&entries, g_ptr_array_unref);

	juice = read_shared("directory-provider-juice-shop/changes.csv", &length);
	g_assert_true(ym_csaf_changes_parse(juice, length, &entries, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(entries->len, ==, 3);
	change = g_ptr_array_index(entries, 2);
	g_assert_cmpstr(change->path, ==, "2024/juice-shop-sa-general.json");
	g_assert_cmpint(change->timestamp, ==, 1709463600);
}

static void
assert_changes_fails(const gchar *text, const gchar *needle)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) entries = NULL;

	g_assert_false(ym_csaf_changes_parse(text, strlen(text), &entries, &error));
	g_assert_null(entries);
	assert_error_names(error, YM_ERROR_INVALID_DATA, needle);
}

static void
test_changes_formats(void)
{
	const gchar *quoted =
	    "\"2020/example_company_-_2020-yh4711.json\",\"2020-07-01T10:09:07Z\"\n"
	    "\n"
	    "\"2019/a+b.json\",\"2019-01-01T00:00:00Z\"";
	g_autoptr(GPtrArray) entries = NULL;
	g_autoptr(GError) error = NULL;
	YmCsafChange *change;

	/* the spec's quoted form, a blank line and no final newline */
	g_assert_true(ym_csaf_changes_parse(quoted, strlen(quoted), &entries, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(entries->len, ==, 2);
	change = g_ptr_array_index(entries, 0);
	g_assert_cmpstr(change->path, ==, "2020/example_company_-_2020-yh4711.json");
	g_assert_cmpint(change->timestamp, ==, 1593598147);
	change = g_ptr_array_index(entries, 1);
	g_assert_cmpstr(change->path, ==, "2019/a+b.json");
	g_clear_pointer(&entries, g_ptr_array_unref);
	g_assert_true(ym_csaf_changes_parse("", 0, &entries, &error));
	g_assert_cmpuint(entries->len, ==, 0);

	/* hostile paths */
	assert_changes_fails(
	    "2020/a.json,2020-07-01T10:09:07Z\n../../etc/passwd,2020-07-01T10:09:07Z",
	    "line 2: unsafe path ../../etc/passwd");
	assert_changes_fails("\"/etc/passwd\",\"2020-07-01T10:09:07Z\"",
	                     "line 1: unsafe path /etc/passwd");
	assert_changes_fails("https://evil.example/a.json,2020-07-01T10:09:07Z",
	                     "line 1: unsafe path");
	assert_changes_fails("2020/./a.json,2020-07-01T10:09:07Z", "unsafe path");
	assert_changes_fails("2020//a.json,2020-07-01T10:09:07Z", "unsafe path");
	assert_changes_fails("2020\\a.json,2020-07-01T10:09:07Z", "unsafe path");
	assert_changes_fails("2020/a.json?x=1,2020-07-01T10:09:07Z", "unsafe path");
	/* broken lines */
	assert_changes_fails("2020/a.json", "line 1: not a \"path\",\"timestamp\" pair");
	assert_changes_fails("\"2020/a.json,2020-07-01T10:09:07Z", "line 1: not a");
	assert_changes_fails("\"2020/a.json\"x,2020-07-01T10:09:07Z", "line 1: not a");
	assert_changes_fails("2020/a.json,2020-07-01T10:09:07Z,extra", "line 1: not a");
	assert_changes_fails("2020/a.json,yesterday", "line 1: unreadable timestamp yesterday");
	assert_changes_fails("2020/a.json,2020-07-01T10:09:07Z\n\xff", "byte 33: not UTF-8");
}

/* the .json files below a provider folder, relative to it */
static void
list_documents(const gchar *root, const gchar *relative, GHashTable *found)
{
	g_autofree gchar *path = g_build_filename(root, relative, NULL);
	g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
	const gchar *name;

	g_assert_nonnull(dir);
	while ((name = g_dir_read_name(dir)) != NULL) {
		g_autofree gchar *child =
		    relative[0] != '\0' ? g_strdup_printf("%s/%s", relative, name) : g_strdup(name);
		g_autofree gchar *full = g_build_filename(root, child, NULL);
		if (g_file_test(full, G_FILE_TEST_IS_DIR))
			list_documents(root, child, found);
		else if (g_str_has_suffix(name, ".json") &&
		         g_strcmp0(child, "provider-metadata.json") != 0)
			g_hash_table_add(found, g_steal_pointer(&child));
	}
}

static void
test_index_juice_shop_mismatch(void)
{
	g_autofree gchar *root = csaf_test_path("directory-provider-juice-shop");
	g_autofree gchar *data = NULL;
	g_autoptr(GPtrArray) paths = NULL;
	g_autoptr(GHashTable) present =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_autoptr(GHashTable) listed = g_hash_table_new(g_str_hash, g_str_equal);
	g_autoptr(GPtrArray) missing = g_ptr_array_new();
	g_autoptr(GPtrArray) unlisted = g_ptr_array_new();
	g_autoptr(GError) error = NULL;
	GHashTableIter iter;
	gpointer key;
	gsize length = 0;

	if (root == NULL)
		return;
	data = read_shared("directory-provider-juice-shop/index.txt", &length);
	g_assert_true(ym_csaf_index_parse(data, length, &paths, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(paths->len, ==, 3);
	g_assert_cmpstr(g_ptr_array_index(paths, 0), ==,
	                "2017/juice-shop-sa-20200513-express-jwt.json");
	g_assert_cmpstr(g_ptr_array_index(paths, 1), ==, "2021/juice-shop-sa-20211014-proto.json");
	g_assert_cmpstr(g_ptr_array_index(paths, 2), ==, "2024/juice-shop-sa-general.json");

	/* the index lies: compare it with the folder */
	list_documents(root, "", present);
	g_assert_cmpuint(g_hash_table_size(present), ==, 3);
	for (guint i = 0; i < paths->len; i++) {
		g_hash_table_add(listed, g_ptr_array_index(paths, i));
		if (!g_hash_table_contains(present, g_ptr_array_index(paths, i)))
			g_ptr_array_add(missing, g_ptr_array_index(paths, i));
	}
	g_hash_table_iter_init(&iter, present);
	while (g_hash_table_iter_next(&iter, &key, NULL)) {
		if (!g_hash_table_contains(listed, key))
			g_ptr_array_add(unlisted, key);
	}
	g_assert_cmpuint(missing->len, ==, 1);
	g_assert_cmpstr(g_ptr_array_index(missing, 0), ==, "2024/juice-shop-sa-general.json");
	g_assert_cmpuint(unlisted->len, ==, 1);
	g_assert_cmpstr(g_ptr_array_index(unlisted, 0), ==, "2024/juice-shop-sa-disclaimer.json");
}

static void
test_index_cisa(void)
{
	gsize length = 0;
	g_autofree gchar *data = read_shared("cisa-csaf-feed/OT-white-index.txt", &length);
	g_autoptr(GPtrArray) paths = NULL;
	g_autoptr(GError) error = NULL;
	const gchar *hostile[] = {
	    "2020/a.json\n../secret.json\n",
	    "/2020/a.json",
	    "2020/a.json/",
	    "https://evil.example/a.json",
	    "2020/a b.json",
	    "2020/%2e%2e/a.json",
	    "2020/..",
	};

	if (data == NULL)
		return;
	g_assert_true(ym_csaf_index_parse(data, length, &paths, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(paths->len, ==, 2379);
	g_assert_cmpstr(g_ptr_array_index(paths, 0), ==,
	                "csaf_files/OT/white/2024/icsma-24-254-01.json");
	g_assert_cmpstr(g_ptr_array_index(paths, 2378), ==,
	                "csaf_files/OT/white/2017/icsa-17-010-01a.json");
	for (guint i = 0; i < G_N_ELEMENTS(hostile); i++) {
		g_autoptr(GPtrArray) bad = NULL;
		g_autoptr(GError) bad_error = NULL;
		g_assert_false(
		    ym_csaf_index_parse(hostile[i], strlen(hostile[i]), &bad, &bad_error));
		g_assert_null(bad);
		assert_error_names(bad_error, YM_ERROR_INVALID_DATA, "unsafe path");
	}
}

static void
test_path_is_safe(void)
{
	g_assert_true(ym_csaf_path_is_safe("2024/icsa-24-214-07.json"));
	g_assert_true(ym_csaf_path_is_safe("csaf_files/OT/white/2024/icsa-24-214-07.json"));
	g_assert_true(ym_csaf_path_is_safe("a..b.json"));
	g_assert_false(ym_csaf_path_is_safe(NULL));
	g_assert_false(ym_csaf_path_is_safe(""));
	g_assert_false(ym_csaf_path_is_safe(".."));
	g_assert_false(ym_csaf_path_is_safe("a/../b.json"));
	g_assert_false(ym_csaf_path_is_safe("./b.json"));
	g_assert_false(ym_csaf_path_is_safe("file:b.json"));
	g_assert_false(ym_csaf_path_is_safe("b.json#x"));
	g_assert_false(ym_csaf_path_is_safe("ü.json"));
}

static void
assert_hash_matches(const gchar *document)
{
	gsize length = 0, hash_length = 0;
	g_autofree gchar *hash_name = g_strconcat(document, ".sha512", NULL);
	g_autofree gchar *data = read_shared(document, &length);
	g_autofree gchar *hash = NULL;
	g_autoptr(GError) error = NULL;

	if (data == NULL)
		return;
	hash = read_shared(hash_name, &hash_length);
	g_assert_true(ym_csaf_check_hash(data, length, hash, hash_length, &error));
	g_assert_no_error(error);
	/* one byte changed */
	data[length / 2] ^= 0x01;
	g_assert_false(ym_csaf_check_hash(data, length, hash, hash_length, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID);
}

static void
test_hash_companions(void)
{
	assert_hash_matches("cisa-csaf-2024/icsa-24-214-07.json");
	assert_hash_matches("cisa-csaf-2024/icsa-24-156-01.json");
	assert_hash_matches(
	    "directory-provider-juice-shop/2017/juice-shop-sa-20200513-express-jwt.json");
	assert_hash_matches("directory-provider-juice-shop/2021/juice-shop-sa-20211014-proto.json");
	assert_hash_matches("directory-provider-juice-shop/2024/juice-shop-sa-disclaimer.json");
}

static void
test_hash_formats(void)
{
	const gchar *sha256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
	const gchar *good[] = {
	    "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
	    "2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824\n",
	    "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824  hello.txt\n",
	    "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824 *hello.txt",
	};
	const gchar *malformed[] = {
	    "2cf24dba5fb0a30e26e83b2ac5b9e29e",
	    "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824x",
	    "hello.txt  2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
	    "",
	};
	g_autofree gchar *big = g_strnfill(YM_CSAF_HASH_FILE_MAX_SIZE + 1, 'a');

	for (guint i = 0; i < G_N_ELEMENTS(good); i++) {
		g_autoptr(GError) error = NULL;
		g_assert_true(ym_csaf_check_hash("hello", 5, good[i], strlen(good[i]), &error));
		g_assert_no_error(error);
	}
	for (guint i = 0; i < G_N_ELEMENTS(malformed); i++) {
		g_autoptr(GError) error = NULL;
		g_assert_false(
		    ym_csaf_check_hash("hello", 5, malformed[i], strlen(malformed[i]), &error));
		g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	}
	{
		g_autoptr(GError) error = NULL;
		g_assert_false(ym_csaf_check_hash("hellO", 5, sha256, strlen(sha256), &error));
		g_assert_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID);
		g_clear_error(&error);
		g_assert_false(ym_csaf_check_hash("hello", 5, big, strlen(big), &error));
		g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	}
}

/* tests/data/csaf: our own key pair's public half, a document it signed
 * and a second key; the values below are from gpgv --status-fd 1 */
#define TEST_KEY_FINGERPRINT  "65C9548B0DB0540BBAE8F5C42D3FFF623C7D38CD"
#define OTHER_KEY_FINGERPRINT "B4D0CCF04CD101ED73EDDF07D090C15B78E16410"

static gchar *
read_fixture(const gchar *name, gsize *length)
{
	g_autofree gchar *path = g_test_build_filename(G_TEST_DIST, "data", "csaf", name, NULL);
	g_autoptr(GError) error = NULL;
	gchar *data = NULL;

	g_file_get_contents(path, &data, length, &error);
	g_assert_no_error(error);
	return data;
}

static gboolean
have_gpgv(void)
{
	g_autofree gchar *gpgv = g_find_program_in_path("gpgv");
	if (gpgv == NULL) {
		if (g_getenv("CI") != NULL)
			g_error("gpgv missing in CI");
		g_test_skip("gpgv is not installed");
		return FALSE;
	}
	return TRUE;
}

static void
test_signature(void)
{
	gsize length = 0, signature_length = 0, key_length = 0, binary_length = 0, other_length = 0;
	g_autofree gchar *data = NULL;
	g_autofree gchar *signature = NULL;
	g_autofree gchar *key = NULL;
	g_autofree gchar *binary = NULL;
	g_autofree gchar *other = NULL;
	g_autoptr(GError) error = NULL;
	gint64 signed_at = 0;

	if (!have_gpgv())
		return;
	data = read_fixture("signed.json", &length);
	signature = read_fixture("signed.json.asc", &signature_length);
	key = read_fixture("provider-key.asc", &key_length);
	binary = read_fixture("provider-key.gpg", &binary_length);
	other = read_fixture("other-key.asc", &other_length);

	/* good, with the armored and the binary key */
	g_assert_true(ym_csaf_verify_signature(data, length, signature, signature_length, key,
	                                       key_length, TEST_KEY_FINGERPRINT, &signed_at,
	                                       &error));
	g_assert_no_error(error);
	g_assert_cmpint(signed_at, ==, 1795655567);
	g_assert_true(ym_csaf_verify_signature(
	    data, length, signature, signature_length, binary, binary_length,
	    "65c9548b0db0540bbae8f5c42d3fff623c7d38cd", NULL, &error));
	g_assert_no_error(error);

	/* the provider's key, but metadata naming another fingerprint */
	g_assert_false(ym_csaf_verify_signature(data, length, signature, signature_length, key,
	                                        key_length, OTHER_KEY_FINGERPRINT, NULL, &error));
	assert_error_names(error, YM_ERROR_SIGNATURE_INVALID, "not by key " OTHER_KEY_FINGERPRINT);
	g_clear_error(&error);
	/* another key in the keyring */
	g_assert_false(ym_csaf_verify_signature(data, length, signature, signature_length, other,
	                                        other_length, OTHER_KEY_FINGERPRINT, NULL, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID);
	g_clear_error(&error);
	/* one byte of the document changed */
	data[10] ^= 0x01;
	g_assert_false(ym_csaf_verify_signature(data, length, signature, signature_length, key,
	                                        key_length, TEST_KEY_FINGERPRINT, &signed_at,
	                                        &error));
	assert_error_names(error, YM_ERROR_SIGNATURE_INVALID, "BADSIG");
	g_assert_cmpint(signed_at, ==, 0);
	g_clear_error(&error);
	/* malformed inputs */
	g_assert_false(ym_csaf_verify_signature(data, length, signature, signature_length, "hello",
	                                        5, TEST_KEY_FINGERPRINT, NULL, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_clear_error(&error);
	g_assert_false(ym_csaf_verify_signature(data, length, signature, signature_length, key,
	                                        key_length, "65C9548B", NULL, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_clear_error(&error);
	g_assert_false(ym_csaf_verify_signature(data, length, "", 0, key, key_length,
	                                        TEST_KEY_FINGERPRINT, NULL, &error));
	g_assert_error(error, YM_ERROR, YM_ERROR_SIGNATURE_INVALID);
}

/* CISA's signature cannot be checked here: its key is not in the samples
 * (only a URL would be, in CISA's provider-metadata.json); with any other
 * key it must fail, not pass */
static void
test_signature_cisa_without_key(void)
{
	gsize length = 0, signature_length = 0, key_length = 0;
	g_autofree gchar *data = read_shared("cisa-csaf-2024/icsa-24-214-07.json", &length);
	g_autofree gchar *signature = NULL;
	g_autofree gchar *key = NULL;
	g_autoptr(GError) error = NULL;

	if (data == NULL || !have_gpgv())
		return;
	signature = read_shared("cisa-csaf-2024/icsa-24-214-07.json.asc", &signature_length);
	key = read_fixture("provider-key.asc", &key_length);
	g_assert_false(ym_csaf_verify_signature(data, length, signature, signature_length, key,
	                                        key_length, TEST_KEY_FINGERPRINT, NULL, &error));
	assert_error_names(error, YM_ERROR_SIGNATURE_INVALID, "refused");
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/csaf-provider/juice-shop-metadata", test_juice_shop_metadata);
	g_test_add_func("/ym/csaf-provider/oasis-metadata", test_oasis_metadata);
	g_test_add_func("/ym/csaf-provider/metadata-broken", test_metadata_broken);
	g_test_add_func("/ym/csaf-provider/rolie-cisa", test_rolie_cisa);
	g_test_add_func("/ym/csaf-provider/rolie-vendors", test_rolie_vendors);
	g_test_add_func("/ym/csaf-provider/rolie-broken", test_rolie_broken);
	g_test_add_func("/ym/csaf-provider/changes-cisa", test_changes_cisa);
	g_test_add_func("/ym/csaf-provider/changes-formats", test_changes_formats);
	g_test_add_func("/ym/csaf-provider/index-juice-shop-mismatch",
	                test_index_juice_shop_mismatch);
	g_test_add_func("/ym/csaf-provider/index-cisa", test_index_cisa);
	g_test_add_func("/ym/csaf-provider/path-is-safe", test_path_is_safe);
	g_test_add_func("/ym/csaf-provider/hash-companions", test_hash_companions);
	g_test_add_func("/ym/csaf-provider/hash-formats", test_hash_formats);
	g_test_add_func("/ym/csaf-provider/signature", test_signature);
	g_test_add_func("/ym/csaf-provider/signature-cisa-without-key",
	                test_signature_cisa_without_key);
	return g_test_run();
}
