/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ym-detector.h"

G_BEGIN_DECLS

#define YM_CAMDEST_MAX_CAMERAS  32
#define YM_CAMDEST_MAX_PREFIXES 64 /* learned destinations per camera */
/* learning: the first day of capture time in which a camera is seen; long
 * enough to see its daily routine (cloud, NTP, firmware checks), short
 * enough that a fresh install is watched soon */
#define YM_CAMDEST_LEARN_USEC (G_GINT64_CONSTANT(24) * 3600 * G_USEC_PER_SEC)
/* what a flow must send to an unlearned destination to count */
#define YM_CAMDEST_MIN_BYTES (G_GUINT64_CONSTANT(1024) * 1024)

extern const YmDetectorInfo ym_detector_camdest;

G_END_DECLS
