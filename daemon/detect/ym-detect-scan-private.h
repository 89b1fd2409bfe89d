/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ym-detector.h"

G_BEGIN_DECLS

/* the fixed number of per-source trackers: memory never grows past it */
#define YM_DETECT_SCAN_TRACKERS 128

extern const YmDetectorInfo ym_detector_scan;

/* for tests: trackers in use, and how many were pushed out */
guint
_ym_detect_scan_get_n_trackers(gpointer state);
guint64
_ym_detect_scan_get_evicted(gpointer state);

G_END_DECLS
