/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ym-advisory.h"
#include "ym-store.h"

G_BEGIN_DECLS

/* replaces every stored row of (@advisory's source, id) by the advisory's
 * rows, one per (CVE, product), so importing the same record again changes
 * nothing; free-text version ranges are turned into bounds here; call it
 * inside a transaction */
gboolean
ym_advisory_db_put(YmStore *store, const YmAdvisory *advisory, GError **error);
/* rows of @source, or of all sources with @source NULL; -1 on error */
gint64
ym_advisory_db_count(YmStore *store, const gchar *source, GError **error);
/* distinct advisories (source, id) */
gint64
ym_advisory_db_count_records(YmStore *store, GError **error);
/* distinct advisories of one source ("kev": CVEs in the catalogue) */
gint64
ym_advisory_db_count_source_records(YmStore *store, const gchar *source, GError **error);

/* what the syncer remembers per feed URL */
typedef struct {
	gchar *url;
	gchar *source;
	gchar *etag;
	gchar *last_modified;
	gchar *high_water; /* a feed's own position: NVD lastModEndDate, KEV catalogVersion */
	gint64 last_attempt;
	gint64 last_success;
	gchar *last_error;
	gint64 records;
} YmAdvisoryFeed;

void
ym_advisory_feed_clear(YmAdvisoryFeed *feed);
/* fills @feed; an unknown URL gives an empty state (url set) and TRUE */
gboolean
ym_advisory_db_get_feed(YmStore *store, const gchar *url, YmAdvisoryFeed *feed, GError **error);
gboolean
ym_advisory_db_set_feed(YmStore *store, const YmAdvisoryFeed *feed, GError **error);
/* every feed state, YmAdvisoryFeed* */
GPtrArray *
ym_advisory_db_list_feeds(YmStore *store, GError **error);

/* the model and firmware a resident set for a device: the fields given
 * replace what was set before, NULL ones keep it; all four NULL forget the
 * device's identity */
gboolean
ym_advisory_db_set_identity(YmStore *store,
                            const gchar *mac,
                            const gchar *vendor,
                            const gchar *model,
                            const gchar *hw_rev,
                            const gchar *firmware,
                            gint64 now,
                            GError **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(YmAdvisoryFeed, ym_advisory_feed_clear)

G_END_DECLS
