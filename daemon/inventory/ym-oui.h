/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define YM_TYPE_OUI (ym_oui_get_type())
G_DECLARE_FINAL_TYPE(YmOui, ym_oui, YM, OUI, GObject)

/* the IEEE registry from Debian's ieee-data: oui.csv (MA-L), mam.csv
 * (MA-M), oui36.csv (MA-S) and iab.csv in @dir; MA-L must be there */
YmOui *
ym_oui_new(const gchar *dir, GError **error);
/* the organisation owning @mac, longest assignment first; NULL when the MAC
 * is locally administered, multicast, private or unassigned */
const gchar *
ym_oui_lookup(YmOui *self, const guint8 *mac);
guint
ym_oui_get_size(YmOui *self);

/* the U/L bit: set on randomised and virtual MACs, which have no vendor */
static inline gboolean
ym_mac_is_locally_administered(const guint8 *mac)
{
	return (mac[0] & 0x02) != 0;
}

static inline gboolean
ym_mac_is_multicast(const guint8 *mac)
{
	return (mac[0] & 0x01) != 0;
}

G_END_DECLS
