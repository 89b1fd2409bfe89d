/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ym-detector.h"

G_BEGIN_DECLS

#define YM_UPLOAD_MAX_DEVICES  256
#define YM_UPLOAD_FLOOR_BYTES  (10 * 1024 * 1024)
#define YM_UPLOAD_RATIO        10
#define YM_UPLOAD_NIGHT_START  0 /* local hours [start, end) */
#define YM_UPLOAD_NIGHT_END    5
#define YM_UPLOAD_MIN_BASELINE 6 /* daytime hours with uploads before a baseline counts */
/* the household's time zone: fixed to JST for now (a setting can come later) */
#define YM_UPLOAD_UTC_OFFSET_SECONDS (9 * 3600)

extern const YmDetectorInfo ym_detector_upload;

G_END_DECLS
