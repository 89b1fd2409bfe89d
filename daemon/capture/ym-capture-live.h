/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ym-capture-source.h"

G_BEGIN_DECLS

#define YM_TYPE_CAPTURE_LIVE (ym_capture_live_get_type())
G_DECLARE_FINAL_TYPE(YmCaptureLive, ym_capture_live, YM, CAPTURE_LIVE, YmCaptureSource)

/* big enough for DHCP, DNS/mDNS, SSDP, HTTP heads and a ClientHello */
#define YM_CAPTURE_LIVE_SNAPLEN 4096

/* opens @interface in promiscuous mode with an optional BPF @filter */
YmCaptureLive *
ym_capture_live_new(const gchar *interface, const gchar *filter, GError **error);
/* a pollable descriptor for the main loop */
gint
ym_capture_live_get_fd(YmCaptureLive *self);
/* kernel counters: received and dropped */
void
ym_capture_live_get_stats(YmCaptureLive *self, guint64 *received, guint64 *dropped);

G_END_DECLS
