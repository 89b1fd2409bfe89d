/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "YmAdvisoryCheck"

#include "config.h"

#include "ym-advisory-check.h"

#include <sqlite3.h>

#include "ym-advisory-alerts.h"
#include "ym-advisory-matcher.h"
#include "ym-error.h"
#include "ym-vendor-alias.h"

struct _YmAdvisoryCheck {
	GObject parent_instance;
	/* owned */
	YmVendorAliases *aliases;
	YmAdvisoryMatcher *matcher;
	/* state */
	gint64 loaded_rows; /* -1: the matcher must (re)load */
	gint64 loaded_max_id;
};

G_DEFINE_TYPE(YmAdvisoryCheck, ym_advisory_check, G_TYPE_OBJECT)

gboolean
ym_advisory_check_reload(YmAdvisoryCheck *self, const gchar *signatures_dir, GError **error)
{
	g_autoptr(YmVendorAliases) aliases = ym_vendor_aliases_new();
	g_autofree gchar *path =
	    g_build_filename(signatures_dir, "advisories", "aliases.txt", NULL);

	g_return_val_if_fail(YM_IS_ADVISORY_CHECK(self), FALSE);
	if (g_file_test(path, G_FILE_TEST_EXISTS) &&
	    !ym_vendor_aliases_load_file(aliases, path, error))
		return FALSE;
	g_set_object(&self->aliases, aliases);
	g_clear_object(&self->matcher);
	self->matcher = ym_advisory_matcher_new(self->aliases);
	self->loaded_rows = -1;
	return TRUE;
}

/* the table changed since the matcher read it: a sync or an import */
static gboolean
ensure_matcher(YmAdvisoryCheck *self, YmStore *store, gboolean *empty, GError **error)
{
	gpointer stmt = ym_store_prepare(store, "SELECT count(*), max(id) FROM advisories", error);
	gint64 rows;
	gint64 max_id;

	if (stmt == NULL || ym_store_step_row(store, stmt, error) < 0)
		return FALSE;
	rows = sqlite3_column_int64(stmt, 0);
	max_id = sqlite3_column_int64(stmt, 1);
	sqlite3_reset(stmt);
	*empty = rows == 0;
	if (rows == self->loaded_rows && max_id == self->loaded_max_id)
		return TRUE;
	if (!ym_advisory_matcher_load(self->matcher, store, error))
		return FALSE;
	self->loaded_rows = rows;
	self->loaded_max_id = max_id;
	return TRUE;
}

typedef struct {
	gchar *vendor;
	gchar *model;
	gchar *hw_rev;
	gchar *firmware;
} YmIdentityOverride;

static void
override_free(YmIdentityOverride *o)
{
	g_free(o->vendor);
	g_free(o->model);
	g_free(o->hw_rev);
	g_free(o->firmware);
	g_free(o);
}

static GHashTable *
load_overrides(YmStore *store, GError **error)
{
	g_autoptr(GHashTable) overrides =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify) override_free);
	gpointer stmt = ym_store_prepare(
	    store, "SELECT mac, vendor, model, hw_rev, firmware FROM device_identity", error);
	gint rc;

	if (stmt == NULL)
		return NULL;
	while ((rc = ym_store_step_row(store, stmt, error)) > 0) {
		YmIdentityOverride *o = g_new0(YmIdentityOverride, 1);
		o->vendor = g_strdup((const gchar *) sqlite3_column_text(stmt, 1));
		o->model = g_strdup((const gchar *) sqlite3_column_text(stmt, 2));
		o->hw_rev = g_strdup((const gchar *) sqlite3_column_text(stmt, 3));
		o->firmware = g_strdup((const gchar *) sqlite3_column_text(stmt, 4));
		g_hash_table_insert(overrides,
		                    g_strdup((const gchar *) sqlite3_column_text(stmt, 0)), o);
	}
	if (rc < 0)
		return NULL;
	return g_steal_pointer(&overrides);
}

/* the maker as the device's own UPnP description names it (a brand), which
 * beats the OUI registry's owner of the MAC (often a chip or module maker) */
static const gchar *
device_vendor(const YmDevice *device)
{
	for (guint i = 0; device->observations != NULL && i < device->observations->len; i++) {
		const YmObservation *o = &g_array_index(device->observations, YmObservation, i);
		if (o->kind == YM_OBS_UPNP_MANUFACTURER && o->value != NULL)
			return o->value;
	}
	return device->vendor;
}

gint
ym_advisory_check_run(YmAdvisoryCheck *self,
                      YmStore *store,
                      YmInventory *inventory,
                      YmAlerts *alerts,
                      gint64 ts,
                      GError **error)
{
	g_autoptr(GHashTable) overrides = NULL;
	GPtrArray *devices;
	gboolean empty = TRUE;
	gint affected = 0;

	g_return_val_if_fail(YM_IS_ADVISORY_CHECK(self), -1);
	if (self->matcher == NULL) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INTERNAL,
		                    "advisory aliases not loaded");
		return -1;
	}
	if (!ensure_matcher(self, store, &empty, error))
		return -1;
	/* nothing imported or synced yet: nothing to say either way */
	if (empty)
		return 0;
	overrides = load_overrides(store, error);
	if (overrides == NULL)
		return -1;
	devices = ym_inventory_get_devices(inventory);
	for (guint i = 0; i < devices->len; i++) {
		const YmDevice *device = g_ptr_array_index(devices, i);
		const YmIdentityOverride *o = g_hash_table_lookup(overrides, device->mac_string);
		g_autoptr(GPtrArray) matches = NULL;
		YmDeviceIdentity identity = {
		    .vendor = device_vendor(device),
		    .model = device->model,
		    .firmware = device->firmware,
		};

		/* the resident's word beats our guess */
		if (o != NULL) {
			if (o->vendor != NULL)
				identity.vendor = o->vendor;
			if (o->model != NULL)
				identity.model = o->model;
			if (o->hw_rev != NULL)
				identity.hw_rev = o->hw_rev;
			if (o->firmware != NULL)
				identity.firmware = o->firmware;
		}
		/* nothing to match (the resident forgot the model, or the MAC
		 * turned out to be another's): alerts raised before resolve */
		if (device->linked_to != NULL || identity.model == NULL)
			matches = g_ptr_array_new();
		else
			matches = ym_advisory_matcher_match(self->matcher, &identity);
		if (ym_advisory_alerts_apply(alerts, device, &identity, matches, ts) > 0)
			affected++;
	}
	return affected;
}

YmAdvisoryCheck *
ym_advisory_check_new(void)
{
	return g_object_new(YM_TYPE_ADVISORY_CHECK, NULL);
}

static void
ym_advisory_check_dispose(GObject *object)
{
	YmAdvisoryCheck *self = YM_ADVISORY_CHECK(object);
	g_clear_object(&self->matcher);
	g_clear_object(&self->aliases);
	G_OBJECT_CLASS(ym_advisory_check_parent_class)->dispose(object);
}

static void
ym_advisory_check_class_init(YmAdvisoryCheckClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->dispose = ym_advisory_check_dispose;
}

static void
ym_advisory_check_init(YmAdvisoryCheck *self)
{
	self->loaded_rows = -1;
}
