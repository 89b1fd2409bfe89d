/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ym-alerts.h"
#include "ym-inventory.h"
#include "ym-store.h"

G_BEGIN_DECLS

#define YM_TYPE_ADVISORY_CHECK (ym_advisory_check_get_type())
G_DECLARE_FINAL_TYPE(YmAdvisoryCheck, ym_advisory_check, YM, ADVISORY_CHECK, GObject)

/* the engine's link to the advisories: which devices in the home are
 * affected, re-checked when the advisories or a device's identity change */
YmAdvisoryCheck *
ym_advisory_check_new(void);
/* (re)loads the vendor aliases from @signatures_dir/advisories/aliases.txt */
gboolean
ym_advisory_check_reload(YmAdvisoryCheck *self, const gchar *signatures_dir, GError **error);
/* matches every identified device (the resident's corrections first) and
 * raises or resolves its advisory alerts at capture time @ts (µs); the
 * number of devices with an advisory alert */
gint
ym_advisory_check_run(YmAdvisoryCheck *self,
                      YmStore *store,
                      YmInventory *inventory,
                      YmAlerts *alerts,
                      gint64 ts,
                      GError **error);

G_END_DECLS
