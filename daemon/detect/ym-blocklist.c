/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * block lists: domains, addresses and networks, JA3 client fingerprints and
 * certificate SHA-1 fingerprints that someone reported as malicious, read
 * from the .list files of signatures/blocklists/ (format in signatures/README.md).
 * Lookups are hash lookups: a domain once per label, an address once per
 * prefix length present in the lists.
 */

#define G_LOG_DOMAIN "YmBlocklist"

#include "config.h"

#include "ym-blocklist.h"

#include <arpa/inet.h>
#include <string.h>

#include "ym-error.h"
#include "ym-rule-cursor.h"

#define YM_BLOCKLIST_MAX_NAME 253

/* an address masked to a prefix: the key of the per-prefix tables */
typedef struct {
	guint8 bytes[16];
} IpKey;

struct _YmBlocklist {
	GObject parent_instance;
	/* owned */
	GPtrArray *entries;      /* of YmBlocklistEntry */
	GHashTable *domains;     /* value -> entry */
	GHashTable *ja3;         /* value -> entry */
	GHashTable *cert_sha1;   /* value -> entry */
	GHashTable *v4[33];      /* IpKey -> entry, by prefix length; NULL when none */
	GHashTable *v6[129];     /* likewise */
	guint8 v4_prefixes[33];  /* prefix lengths present, longest first */
	guint8 v6_prefixes[129]; /* likewise */
	guint n_v4_prefixes;
	guint n_v6_prefixes;
};

G_DEFINE_TYPE(YmBlocklist, ym_blocklist, G_TYPE_OBJECT)

static const gchar *const kind_names[] = {"domain", "ip", "ja3", "cert-sha1"};

const gchar *
ym_blocklist_kind_to_string(YmBlocklistKind kind)
{
	return kind <= YM_BLOCKLIST_KIND_CERT_SHA1 ? kind_names[kind] : "unknown";
}

static void
entry_free(gpointer data)
{
	YmBlocklistEntry *entry = data;
	g_free(entry->value);
	g_free(entry->source);
	g_free(entry->label);
	g_free(entry->file);
	g_free(entry);
}

static guint
ip_key_hash(gconstpointer data)
{
	const IpKey *key = data;
	guint hash = 5381;
	for (guint i = 0; i < sizeof(key->bytes); i++)
		hash = hash * 33 + key->bytes[i];
	return hash;
}

static gboolean
ip_key_equal(gconstpointer a, gconstpointer b)
{
	return memcmp(a, b, sizeof(IpKey)) == 0;
}

static void
ip_key_mask(IpKey *key, const guint8 *bytes, guint n_bytes, guint prefix)
{
	memset(key, 0, sizeof(*key));
	memcpy(key->bytes, bytes, n_bytes);
	for (guint i = 0; i < n_bytes; i++) {
		if (prefix >= (i + 1) * 8)
			continue;
		if (prefix <= i * 8)
			key->bytes[i] = 0;
		else
			key->bytes[i] &= (guint8) (0xff << (8 - (prefix - i * 8)));
	}
}

/* parsing: one line, `<kind> <value> source="<text>" [label="<text>"]` */

typedef YmRuleCursor Cursor;

static gboolean
parse_kind(const gchar *word, YmBlocklistKind *kind, gboolean *is_cidr, GError **error)
{
	*is_cidr = FALSE;
	if (g_strcmp0(word, "domain") == 0) {
		*kind = YM_BLOCKLIST_KIND_DOMAIN;
	} else if (g_strcmp0(word, "ip") == 0) {
		*kind = YM_BLOCKLIST_KIND_IP;
	} else if (g_strcmp0(word, "cidr") == 0) {
		*kind = YM_BLOCKLIST_KIND_IP;
		*is_cidr = TRUE;
	} else if (g_strcmp0(word, "ja3") == 0) {
		*kind = YM_BLOCKLIST_KIND_JA3;
	} else if (g_strcmp0(word, "cert-sha1") == 0) {
		*kind = YM_BLOCKLIST_KIND_CERT_SHA1;
	} else {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "unknown kind \"%s\" (domain, ip, cidr, ja3 or cert-sha1)", word);
		return FALSE;
	}
	return TRUE;
}

/* lower case, no trailing dot, at least two labels of letters, digits,
 * hyphens and underscores (service labels) */
static gchar *
canonical_domain(const gchar *word, GError **error)
{
	g_autofree gchar *name = g_ascii_strdown(word, -1);
	gsize length = strlen(name);
	guint label = 0;
	guint n_labels = 1;

	if (length > 0 && name[length - 1] == '.')
		name[--length] = '\0';
	if (length == 0 || length > YM_BLOCKLIST_MAX_NAME) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "domain \"%s\" must have 1 to 253 characters", word);
		return NULL;
	}
	for (gsize i = 0; i < length; i++) {
		gchar ch = name[i];
		if (ch == '.') {
			if (label == 0)
				break;
			label = 0;
			n_labels++;
			continue;
		}
		if (!g_ascii_isalnum(ch) && ch != '-' && ch != '_') {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "domain \"%s\" has a character other than a-z, 0-9, - and _ "
			            "(subdomains always match: write no wildcard)",
			            word);
			return NULL;
		}
		if (++label > 63)
			break;
	}
	if (label == 0 || label > 63) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "domain \"%s\" has an empty or over-long label", word);
		return NULL;
	}
	if (n_labels < 2) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "domain \"%s\" is a top-level domain: list a registered name", word);
		return NULL;
	}
	return g_steal_pointer(&name);
}

/* @n_digits hex digits, colons between bytes allowed; lower case */
static gchar *
canonical_hex(const gchar *word, guint n_digits, const gchar *what, GError **error)
{
	g_autoptr(GString) out = g_string_new(NULL);
	for (const gchar *p = word; *p != '\0'; p++) {
		if (*p == ':' && n_digits == 40)
			continue;
		if (!g_ascii_isxdigit(*p) || out->len >= n_digits) {
			out->len = 0;
			break;
		}
		g_string_append_c(out, g_ascii_tolower(*p));
	}
	if (out->len != n_digits) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s \"%s\" must be %u hex digits", what, word, n_digits);
		return NULL;
	}
	return g_string_free(g_steal_pointer(&out), FALSE);
}

/* an address, or with @is_cidr an address/prefix without host bits */
static gboolean
parse_network(const gchar *word,
              gboolean is_cidr,
              YmIpAddr *addr,
              guint *prefix,
              gchar **canonical,
              GError **error)
{
	g_autofree gchar *text = g_strdup(word);
	gchar *slash = strchr(text, '/');
	guint max_prefix;
	gchar buf[64];
	IpKey masked;

	memset(addr, 0, sizeof(*addr));
	if (is_cidr != (slash != NULL)) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            is_cidr ? "cidr \"%s\" needs a /prefix"
		                    : "ip \"%s\" has a /prefix: write it as cidr",
		            word);
		return FALSE;
	}
	if (slash != NULL)
		*slash = '\0';
	if (inet_pton(AF_INET, text, addr->bytes) == 1) {
		addr->family = 4;
		max_prefix = 32;
	} else if (inet_pton(AF_INET6, text, addr->bytes) == 1) {
		addr->family = 6;
		max_prefix = 128;
	} else {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "\"%s\" is not an IPv4 or IPv6 address", text);
		return FALSE;
	}
	*prefix = max_prefix;
	if (slash != NULL) {
		const gchar *digits = slash + 1;
		guint64 value = 0;
		if (*digits == '\0' || strlen(digits) > 3 ||
		    !g_ascii_string_to_unsigned(digits, 10, 0, max_prefix, &value, NULL)) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "cidr \"%s\" needs a prefix length from 0 to %u", word,
			            max_prefix);
			return FALSE;
		}
		*prefix = (guint) value;
		ip_key_mask(&masked, addr->bytes, max_prefix / 8, *prefix);
		if (memcmp(masked.bytes, addr->bytes, max_prefix / 8) != 0) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "cidr \"%s\" has host bits set", word);
			return FALSE;
		}
	}
	ym_ip_addr_to_string(addr, buf, sizeof(buf));
	*canonical = slash != NULL ? g_strdup_printf("%s/%u", buf, *prefix) : g_strdup(buf);
	return TRUE;
}

static gboolean
read_attributes(Cursor *c, YmBlocklistEntry *entry, GError **error)
{
	for (;;) {
		g_autofree gchar *name = NULL;
		g_autofree gchar *value = NULL;
		gchar **slot;
		ym_rule_cursor_skip_spaces(c);
		if (c->p >= c->end)
			break;
		name = ym_rule_cursor_read_word(c, "=\"");
		if (name == NULL || c->p >= c->end || *c->p != '=') {
			g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			                    "expected source=\"…\" or label=\"…\"");
			return FALSE;
		}
		c->p++;
		if (g_strcmp0(name, "source") == 0) {
			slot = &entry->source;
		} else if (g_strcmp0(name, "label") == 0) {
			slot = &entry->label;
		} else {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "unknown attribute \"%s\" (source or label)", name);
			return FALSE;
		}
		value = ym_rule_cursor_read_quoted(c, error);
		if (value == NULL)
			return FALSE;
		if (*slot != NULL) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s given twice", name);
			return FALSE;
		}
		*slot = g_steal_pointer(&value);
	}
	if (entry->source == NULL || entry->source[0] == '\0') {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "every entry needs source=\"…\" saying who lists it");
		return FALSE;
	}
	return TRUE;
}

static void
add_network(YmBlocklist *self, const YmIpAddr *addr, guint prefix, YmBlocklistEntry *entry)
{
	gboolean v4 = addr->family == 4;
	GHashTable **tables = v4 ? self->v4 : self->v6;
	guint8 *prefixes = v4 ? self->v4_prefixes : self->v6_prefixes;
	guint *n_prefixes = v4 ? &self->n_v4_prefixes : &self->n_v6_prefixes;
	IpKey *key = g_new(IpKey, 1);

	ip_key_mask(key, addr->bytes, v4 ? 4 : 16, prefix);
	if (tables[prefix] == NULL) {
		guint i;
		tables[prefix] = g_hash_table_new_full(ip_key_hash, ip_key_equal, g_free, NULL);
		/* keep the prefix lengths longest first */
		for (i = *n_prefixes; i > 0 && prefixes[i - 1] < prefix; i--)
			prefixes[i] = prefixes[i - 1];
		prefixes[i] = (guint8) prefix;
		(*n_prefixes)++;
	}
	if (g_hash_table_contains(tables[prefix], key)) {
		g_free(key);
		return;
	}
	g_hash_table_insert(tables[prefix], key, entry);
}

static gboolean
parse_line(YmBlocklist *self, const gchar *name, guint line, Cursor *c, GError **error)
{
	g_autofree gchar *kind_word = ym_rule_cursor_read_word(c, "=\"");
	g_autofree gchar *value_word = NULL;
	g_autofree gchar *canonical = NULL;
	YmBlocklistEntry *entry;
	YmBlocklistKind kind;
	gboolean is_cidr = FALSE;
	YmIpAddr addr;
	guint prefix = 0;
	GHashTable *table = NULL;

	if (kind_word == NULL) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA, "expected a kind");
		return FALSE;
	}
	if (!parse_kind(kind_word, &kind, &is_cidr, error))
		return FALSE;
	value_word = ym_rule_cursor_read_word(c, "=\"");
	if (value_word == NULL) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "expected a value after %s",
		            kind_word);
		return FALSE;
	}
	switch (kind) {
	case YM_BLOCKLIST_KIND_DOMAIN:
		canonical = canonical_domain(value_word, error);
		table = self->domains;
		break;
	case YM_BLOCKLIST_KIND_JA3:
		canonical = canonical_hex(value_word, 32, "ja3", error);
		table = self->ja3;
		break;
	case YM_BLOCKLIST_KIND_CERT_SHA1:
		canonical = canonical_hex(value_word, 40, "cert-sha1", error);
		table = self->cert_sha1;
		break;
	case YM_BLOCKLIST_KIND_IP:
	default:
		if (!parse_network(value_word, is_cidr, &addr, &prefix, &canonical, error))
			return FALSE;
		break;
	}
	if (canonical == NULL)
		return FALSE;

	entry = g_new0(YmBlocklistEntry, 1);
	entry->kind = kind;
	entry->value = g_steal_pointer(&canonical);
	entry->file = g_path_get_basename(name);
	entry->line = line;
	g_ptr_array_add(self->entries, entry);
	if (!read_attributes(c, entry, error))
		return FALSE;

	/* the first listing of a value wins */
	if (table != NULL) {
		if (!g_hash_table_contains(table, entry->value))
			g_hash_table_insert(table, entry->value, entry);
	} else {
		add_network(self, &addr, prefix, entry);
	}
	return TRUE;
}

gboolean
ym_blocklist_load_data(YmBlocklist *self,
                       const gchar *name,
                       const gchar *data,
                       gsize length,
                       GError **error)
{
	const gchar *p = data;
	const gchar *end = data + length;
	guint line = 0;

	g_return_val_if_fail(YM_IS_BLOCKLIST(self), FALSE);
	g_return_val_if_fail(name != NULL, FALSE);

	while (p < end) {
		const gchar *eol = memchr(p, '\n', (gsize) (end - p));
		const gchar *line_end = eol != NULL ? eol : end;
		gsize line_length = (gsize) (line_end - p);
		Cursor c;
		line++;
		if (line_length > 0 && p[line_length - 1] == '\r')
			line_length--;
		c.p = p;
		c.end = p + line_length;
		if (line_length > 0 && memchr(p, '\0', line_length) != NULL) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "%s:%u: NUL byte in a text file", name, line);
			return FALSE;
		}
		ym_rule_cursor_skip_spaces(&c);
		if (c.p < c.end && *c.p != '#' && !parse_line(self, name, line, &c, error)) {
			g_prefix_error(error, "%s:%u: ", name, line);
			return FALSE;
		}
		p = line_end + (eol != NULL ? 1 : 0);
	}
	return TRUE;
}

static gint
compare_names(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(*(const gchar *const *) a, *(const gchar *const *) b);
}

gboolean
ym_blocklist_load_dir(YmBlocklist *self, const gchar *dir, GError **error)
{
	g_autoptr(GDir) gdir = NULL;
	g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GError) error_local = NULL;
	const gchar *entry;

	g_return_val_if_fail(YM_IS_BLOCKLIST(self), FALSE);
	gdir = g_dir_open(dir, 0, &error_local);
	if (gdir == NULL) {
		if (g_error_matches(error_local, G_FILE_ERROR, G_FILE_ERROR_NOENT)) {
			g_debug("no block lists in %s", dir);
			return TRUE;
		}
		g_set_error(error, YM_ERROR, YM_ERROR_READ, "loading block lists: %s",
		            error_local->message);
		return FALSE;
	}
	while ((entry = g_dir_read_name(gdir)) != NULL) {
		if (g_str_has_suffix(entry, ".list"))
			g_ptr_array_add(files, g_build_filename(dir, entry, NULL));
	}
	g_ptr_array_sort(files, compare_names);
	for (guint i = 0; i < files->len; i++) {
		const gchar *path = g_ptr_array_index(files, i);
		g_autofree gchar *contents = NULL;
		gsize length = 0;
		if (!g_file_get_contents(path, &contents, &length, &error_local)) {
			g_set_error(error, YM_ERROR, YM_ERROR_READ, "loading block lists: %s",
			            error_local->message);
			return FALSE;
		}
		if (!ym_blocklist_load_data(self, path, contents, length, error))
			return FALSE;
	}
	return TRUE;
}

guint
ym_blocklist_get_size(YmBlocklist *self)
{
	g_return_val_if_fail(YM_IS_BLOCKLIST(self), 0);
	return self->entries->len;
}

gboolean
ym_blocklist_has_cert_sha1(YmBlocklist *self)
{
	return g_hash_table_size(self->cert_sha1) > 0;
}

const YmBlocklistEntry *
ym_blocklist_lookup_domain(YmBlocklist *self, const gchar *name, gsize length)
{
	gchar buf[YM_BLOCKLIST_MAX_NAME + 2];
	const gchar *p;

	if (g_hash_table_size(self->domains) == 0 || name == NULL)
		return NULL;
	if (length > 0 && name[length - 1] == '.')
		length--;
	if (length == 0 || length > YM_BLOCKLIST_MAX_NAME)
		return NULL;
	for (gsize i = 0; i < length; i++)
		buf[i] = g_ascii_tolower(name[i]);
	buf[length] = '\0';
	/* the name itself, then each parent */
	for (p = buf; p != NULL; p = strchr(p, '.')) {
		const YmBlocklistEntry *entry;
		if (*p == '.')
			p++;
		entry = g_hash_table_lookup(self->domains, p);
		if (entry != NULL)
			return entry;
	}
	return NULL;
}

const YmBlocklistEntry *
ym_blocklist_lookup_ip(YmBlocklist *self, const YmIpAddr *addr)
{
	GHashTable **tables;
	const guint8 *prefixes;
	guint n_prefixes;
	guint n_bytes;

	if (addr->family == 4) {
		tables = self->v4;
		prefixes = self->v4_prefixes;
		n_prefixes = self->n_v4_prefixes;
		n_bytes = 4;
	} else if (addr->family == 6) {
		tables = self->v6;
		prefixes = self->v6_prefixes;
		n_prefixes = self->n_v6_prefixes;
		n_bytes = 16;
	} else {
		return NULL;
	}
	for (guint i = 0; i < n_prefixes; i++) {
		IpKey key;
		const YmBlocklistEntry *entry;
		ip_key_mask(&key, addr->bytes, n_bytes, prefixes[i]);
		entry = g_hash_table_lookup(tables[prefixes[i]], &key);
		if (entry != NULL)
			return entry;
	}
	return NULL;
}

static const YmBlocklistEntry *
lookup_hex(GHashTable *table, const gchar *hex, guint n_digits)
{
	gchar buf[41];
	if (hex == NULL || g_hash_table_size(table) == 0)
		return NULL;
	for (guint i = 0; i < n_digits; i++) {
		if (hex[i] == '\0')
			return NULL;
		buf[i] = g_ascii_tolower(hex[i]);
	}
	buf[n_digits] = '\0';
	return g_hash_table_lookup(table, buf);
}

const YmBlocklistEntry *
ym_blocklist_lookup_ja3(YmBlocklist *self, const gchar *md5_hex)
{
	return lookup_hex(self->ja3, md5_hex, 32);
}

const YmBlocklistEntry *
ym_blocklist_lookup_cert_sha1(YmBlocklist *self, const gchar *sha1_hex)
{
	return lookup_hex(self->cert_sha1, sha1_hex, 40);
}

YmBlocklist *
ym_blocklist_new(void)
{
	return g_object_new(YM_TYPE_BLOCKLIST, NULL);
}

static void
ym_blocklist_finalize(GObject *object)
{
	YmBlocklist *self = YM_BLOCKLIST(object);
	g_hash_table_unref(self->domains);
	g_hash_table_unref(self->ja3);
	g_hash_table_unref(self->cert_sha1);
	for (guint i = 0; i < G_N_ELEMENTS(self->v4); i++)
		g_clear_pointer(&self->v4[i], g_hash_table_unref);
	for (guint i = 0; i < G_N_ELEMENTS(self->v6); i++)
		g_clear_pointer(&self->v6[i], g_hash_table_unref);
	g_ptr_array_unref(self->entries);
	G_OBJECT_CLASS(ym_blocklist_parent_class)->finalize(object);
}

static void
ym_blocklist_class_init(YmBlocklistClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->finalize = ym_blocklist_finalize;
}

static void
ym_blocklist_init(YmBlocklist *self)
{
	self->entries = g_ptr_array_new_with_free_func(entry_free);
	self->domains = g_hash_table_new(g_str_hash, g_str_equal);
	self->ja3 = g_hash_table_new(g_str_hash, g_str_equal);
	self->cert_sha1 = g_hash_table_new(g_str_hash, g_str_equal);
}
