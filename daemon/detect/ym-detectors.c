/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ym-detector.h"

extern const YmDetectorInfo ym_detector_credentials;
extern const YmDetectorInfo ym_detector_malicious;
extern const YmDetectorInfo ym_detector_newdev;
extern const YmDetectorInfo ym_detector_remote_access;
extern const YmDetectorInfo ym_detector_router;
extern const YmDetectorInfo ym_detector_scan;
extern const YmDetectorInfo ym_detector_upnp;
extern const YmDetectorInfo ym_detector_upload;
extern const YmDetectorInfo ym_detector_camdest;

/* clang-format off */
const YmDetectorInfo *const ym_detectors[] = {
    &ym_detector_remote_access,
    &ym_detector_credentials,
    &ym_detector_malicious,
    &ym_detector_scan,
    &ym_detector_router,
    &ym_detector_upnp,
    &ym_detector_newdev,
    &ym_detector_upload,
    &ym_detector_camdest,
    NULL,
};
/* clang-format on */
