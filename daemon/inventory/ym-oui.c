/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * vendor from MAC address: the IEEE registries as CSV
 * (Registry,Assignment,Organization Name,Organization Address), loaded into
 * sorted arrays with the names in one string blob, searched longest
 * assignment first (MA-S/IAB 36 bits, MA-M 28 bits, MA-L 24 bits)
 */

#define G_LOG_DOMAIN "YmOui"

#include "config.h"

#include "ym-oui.h"

#include "ym-error.h"

typedef struct {
	guint64 prefix;
	guint32 name_offset;
} YmOuiEntry;

typedef enum {
	BITS_36,
	BITS_28,
	BITS_24,
	N_TABLES,
} OuiTable;

static const guint table_bits[N_TABLES] = {36, 28, 24};

struct _YmOui {
	GObject parent_instance;
	/* owned */
	GArray *tables[N_TABLES];
	GString *names;
};

G_DEFINE_TYPE(YmOui, ym_oui, G_TYPE_OBJECT)

static gint
entry_compare(gconstpointer a, gconstpointer b)
{
	const YmOuiEntry *ea = a;
	const YmOuiEntry *eb = b;
	return ea->prefix < eb->prefix ? -1 : ea->prefix > eb->prefix ? 1 : 0;
}

/* one CSV field, honouring quotes; returns the position after it */
static const gchar *
csv_field(const gchar *p, const gchar *end, GString *out)
{
	g_string_truncate(out, 0);
	if (p < end && *p == '"') {
		p++;
		while (p < end) {
			if (*p == '"') {
				if (p + 1 < end && p[1] == '"') {
					g_string_append_c(out, '"');
					p += 2;
					continue;
				}
				p++;
				break;
			}
			g_string_append_c(out, *p++);
		}
		while (p < end && *p != ',' && *p != '\n')
			p++;
	} else {
		while (p < end && *p != ',' && *p != '\n' && *p != '\r')
			g_string_append_c(out, *p++);
	}
	if (p < end && *p == ',')
		p++;
	return p;
}

static gboolean
parse_hex_prefix(const gchar *text, guint64 *prefix, guint *n_digits)
{
	guint64 value = 0;
	guint n = 0;
	for (const gchar *c = text; *c != '\0'; c++) {
		gint digit = g_ascii_xdigit_value(*c);
		if (digit < 0)
			return FALSE;
		value = (value << 4) | (guint64) digit;
		n++;
	}
	*prefix = value;
	*n_digits = n;
	return n == 6 || n == 7 || n == 9;
}

static guint
load_csv(YmOui *self, const gchar *path, GError **error)
{
	g_autofree gchar *contents = NULL;
	g_autoptr(GString) registry = g_string_new(NULL);
	g_autoptr(GString) assignment = g_string_new(NULL);
	g_autoptr(GString) organisation = g_string_new(NULL);
	gsize length = 0;
	const gchar *p, *end;
	guint count = 0;

	if (!g_file_get_contents(path, &contents, &length, error))
		return 0;
	p = contents;
	end = contents + length;
	/* header line */
	while (p < end && *p != '\n')
		p++;
	while (p < end) {
		guint64 prefix;
		guint n_digits;
		YmOuiEntry entry;
		OuiTable table;
		if (*p == '\n' || *p == '\r') {
			p++;
			continue;
		}
		p = csv_field(p, end, registry);
		p = csv_field(p, end, assignment);
		p = csv_field(p, end, organisation);
		/* skip the address, which may span quoted newlines */
		{
			gboolean quoted = FALSE;
			while (p < end && (quoted || *p != '\n')) {
				if (*p == '"')
					quoted = !quoted;
				p++;
			}
		}
		if (!parse_hex_prefix(assignment->str, &prefix, &n_digits))
			continue;
		g_strstrip(organisation->str);
		if (organisation->str[0] == '\0' ||
		    g_ascii_strcasecmp(organisation->str, "Private") == 0)
			continue;
		table = n_digits == 9 ? BITS_36 : n_digits == 7 ? BITS_28 : BITS_24;
		entry.prefix = prefix;
		entry.name_offset = (guint32) self->names->len;
		g_string_append_len(self->names, organisation->str,
		                    (gssize) strlen(organisation->str) + 1);
		g_array_append_val(self->tables[table], entry);
		count++;
	}
	return count;
}

YmOui *
ym_oui_new(const gchar *dir, GError **error)
{
	g_autoptr(YmOui) self = g_object_new(YM_TYPE_OUI, NULL);
	const gchar *optional[] = {"mam.csv", "oui36.csv", "iab.csv"};
	g_autofree gchar *main_path = g_build_filename(dir, "oui.csv", NULL);

	if (load_csv(self, main_path, error) == 0) {
		if (error != NULL && *error == NULL)
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "%s: no OUI assignments found", main_path);
		else
			g_prefix_error(error, "loading the IEEE OUI registry: ");
		return NULL;
	}
	for (guint i = 0; i < G_N_ELEMENTS(optional); i++) {
		g_autofree gchar *path = g_build_filename(dir, optional[i], NULL);
		g_autoptr(GError) error_local = NULL;
		if (!g_file_test(path, G_FILE_TEST_EXISTS))
			continue;
		if (load_csv(self, path, &error_local) == 0 && error_local != NULL)
			g_warning("%s", error_local->message);
	}
	for (guint i = 0; i < N_TABLES; i++)
		g_array_sort(self->tables[i], entry_compare);
	return g_steal_pointer(&self);
}

const gchar *
ym_oui_lookup(YmOui *self, const guint8 *mac)
{
	guint64 mac48;
	g_return_val_if_fail(YM_IS_OUI(self), NULL);
	if (ym_mac_is_locally_administered(mac) || ym_mac_is_multicast(mac))
		return NULL;
	mac48 = ((guint64) mac[0] << 40) | ((guint64) mac[1] << 32) | ((guint64) mac[2] << 24) |
	        ((guint64) mac[3] << 16) | ((guint64) mac[4] << 8) | mac[5];
	for (guint i = 0; i < N_TABLES; i++) {
		GArray *table = self->tables[i];
		YmOuiEntry key = {.prefix = mac48 >> (48 - table_bits[i])};
		guint lo = 0, hi = table->len;
		while (lo < hi) {
			guint mid = lo + (hi - lo) / 2;
			const YmOuiEntry *entry = &g_array_index(table, YmOuiEntry, mid);
			gint cmp = entry_compare(&key, entry);
			if (cmp == 0)
				return self->names->str + entry->name_offset;
			if (cmp < 0)
				hi = mid;
			else
				lo = mid + 1;
		}
	}
	return NULL;
}

guint
ym_oui_get_size(YmOui *self)
{
	guint total = 0;
	g_return_val_if_fail(YM_IS_OUI(self), 0);
	for (guint i = 0; i < N_TABLES; i++)
		total += self->tables[i]->len;
	return total;
}

static void
ym_oui_finalize(GObject *object)
{
	YmOui *self = YM_OUI(object);
	for (guint i = 0; i < N_TABLES; i++)
		g_array_unref(self->tables[i]);
	g_string_free(self->names, TRUE);
	G_OBJECT_CLASS(ym_oui_parent_class)->finalize(object);
}

static void
ym_oui_class_init(YmOuiClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->finalize = ym_oui_finalize;
}

static void
ym_oui_init(YmOui *self)
{
	for (guint i = 0; i < N_TABLES; i++)
		self->tables[i] = g_array_new(FALSE, FALSE, sizeof(YmOuiEntry));
	self->names = g_string_sized_new(1024 * 1024);
}
