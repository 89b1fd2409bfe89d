/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ym-device.h"
#include "ym-fingerprints.h"
#include "ym-oui.h"
#include "ym-packet.h"
#include "ym-store.h"

G_BEGIN_DECLS

#define YM_TYPE_INVENTORY (ym_inventory_get_type())
G_DECLARE_FINAL_TYPE(YmInventory, ym_inventory, YM, INVENTORY, GObject)

/* a home network service: the gateway, a DHCP server or a DNS server */
typedef struct {
	guint role; /* one YM_ROLE_* bit */
	YmIpAddr addr;
	YmDevice *device; /* NULL when outside the home or not seen */
	gint64 first_seen;
	gint64 last_seen;
	gboolean dirty;
} YmService;

/* caps that keep memory bounded on hostile input */
#define YM_INVENTORY_MAX_DEVICES      4096
#define YM_DEVICE_MAX_ADDRESSES       32
#define YM_DEVICE_MAX_NAMES           16
#define YM_DEVICE_MAX_OBSERVATIONS    160
#define YM_DEVICE_MAX_PER_OBSERVATION 48
/* room kept for what a UPnP description says, however busy the device */
#define YM_DEVICE_RESERVED_UPNP_OBSERVATIONS 16

/* the direct rule: a description's model and firmware, unless a rule
 * proposes them with more weight */
#define YM_UPNP_MODEL_CONFIDENCE    90
#define YM_UPNP_FIRMWARE_CONFIDENCE 90

/* a device announced a UPnP description at @location (not NUL-terminated),
 * in a packet from @source; called on the packet path, for every SSDP
 * announcement or search response that carries a LOCATION */
typedef void (*YmInventoryLocationFunc)(YmInventory *inventory,
                                        YmDevice *device,
                                        const YmIpAddr *source,
                                        const gchar *location,
                                        gsize length,
                                        gpointer user_data);

YmInventory *
ym_inventory_new(YmOui *oui, YmFingerprints *fingerprints);
/* the packet path: learn from one decoded packet */
void
ym_inventory_observe(YmInventory *self, const YmPacket *packet);
/* one function at a time; NULL to stop */
void
ym_inventory_set_location_func(YmInventory *self, YmInventoryLocationFunc func, gpointer user_data);
/* evidence learnt outside the packet path (a fetched description); FALSE
 * when no device has @mac */
gboolean
ym_inventory_add_observation(YmInventory *self,
                             const guint8 *mac,
                             YmObservationKind kind,
                             const gchar *value,
                             gint64 ts);
/* decide kind, OS, model and firmware of devices that changed */
void
ym_inventory_classify(YmInventory *self);
/* reads what an earlier run stored, so evidence accumulates */
gboolean
ym_inventory_load(YmInventory *self, YmStore *store, GError **error);
/* writes what changed; the caller holds the transaction */
gboolean
ym_inventory_save(YmInventory *self, YmStore *store, GError **error);

GPtrArray *
ym_inventory_get_devices(YmInventory *self);
GPtrArray *
ym_inventory_get_services(YmInventory *self);
YmDevice *
ym_inventory_lookup_mac(YmInventory *self, const guint8 *mac);
YmDevice *
ym_inventory_lookup_ip(YmInventory *self, const YmIpAddr *addr);
guint64
ym_inventory_get_devices_dropped(YmInventory *self);

/* name formatting helpers shared with the report */
gchar *
ym_device_dup_label(const YmDevice *device);

G_END_DECLS
