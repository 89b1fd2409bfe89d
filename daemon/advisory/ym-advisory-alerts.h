/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ym-advisory-matcher.h"
#include "ym-alerts.h"
#include "ym-device.h"

G_BEGIN_DECLS

/* turns one device's matches into at most three alerts, each listing
 * every vulnerability it covers (a router with 12 CVEs is one alert with
 * 12 entries): known_exploited_vulnerability, end_of_support and
 * firmware_update_available; an alert a re-check no longer finds (the
 * firmware was updated) is resolved; the number of alerts raised */
guint
ym_advisory_alerts_apply(YmAlerts *alerts,
                         const YmDevice *device,
                         const YmDeviceIdentity *identity,
                         GPtrArray *matches,
                         gint64 ts);

/* the JSON form of one match, as the CLI and alert evidence show it */
JsonObject *
ym_advisory_match_to_json(const YmAdvisoryMatch *match);

G_END_DECLS
