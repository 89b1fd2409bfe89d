/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ym-store.h"

G_BEGIN_DECLS

/* the [advisories] group of /etc/yamori/yamori.conf */
typedef struct {
	gchar **sources;      /* enabled: "kev", "nvd", "jvn", "csaf", "cve5" */
	guint interval_hours; /* the daemon's schedule; 0: never on its own */
	gchar *proxy;         /* NULL: the environment's, as libcurl reads it */
	gchar *ca_file;       /* NULL: the system's certificate store */
	gchar *kev_url;
	gchar *nvd_url;
	gchar *nvd_api_key;     /* the resident's own; never shipped, never logged */
	guint nvd_days;         /* how far back the first NVD fetch reaches */
	gchar *cve5_url;        /* a record is cve5_url + "CVE-…" */
	guint cve5_max;         /* CVE 5 records fetched per sync */
	gchar *jvn_url;         /* folder of the JVN iPedia detail feeds and checksum.txt */
	guint jvn_years;        /* this year and the ones before; 0: no yearly feeds */
	gchar *jvn_api_url;     /* the MyJVN API, for what changed since; NULL: not used */
	guint jvn_api_days;     /* how far back the first MyJVN API fetch reaches */
	gchar **csaf_providers; /* provider-metadata.json URLs */
	guint csaf_max;         /* documents fetched per provider and sync */
	guint timeout_seconds;
	guint max_size_mb;
} YmAdvisoryConfig;

void
ym_advisory_config_init(YmAdvisoryConfig *config);
void
ym_advisory_config_clear(YmAdvisoryConfig *config);
/* reads @data (a key file) over the defaults; @name names it in errors */
gboolean
ym_advisory_config_load_data(YmAdvisoryConfig *config,
                             const gchar *name,
                             const gchar *data,
                             gsize length,
                             GError **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(YmAdvisoryConfig, ym_advisory_config_clear)

#define YM_TYPE_ADVISORY_SYNC (ym_advisory_sync_get_type())
G_DECLARE_FINAL_TYPE(YmAdvisorySync, ym_advisory_sync, YM, ADVISORY_SYNC, GObject)

typedef void (*YmAdvisorySyncProgressFunc)(const gchar *line, gpointer user_data);

YmAdvisorySync *
ym_advisory_sync_new(YmStore *store);
/* @path NULL: /etc/yamori/yamori.conf when it exists, else the defaults */
gboolean
ym_advisory_sync_load_config(YmAdvisorySync *self, const gchar *path, GError **error);
const YmAdvisoryConfig *
ym_advisory_sync_get_config(YmAdvisorySync *self);
void
ym_advisory_sync_set_progress_func(YmAdvisorySync *self,
                                   YmAdvisorySyncProgressFunc func,
                                   gpointer user_data);
/* the fetcher's retries of 429 and 5xx (see ym_fetcher_set_retries()),
 * kept across ym_advisory_sync_load_config(); for tests, which cannot wait
 * the production seconds */
void
ym_advisory_sync_set_fetcher_retries(YmAdvisorySync *self,
                                     guint max_retries,
                                     guint base_delay_ms,
                                     guint max_delay_ms);
/* fetches every enabled source (or only @sources), each into the store in
 * one transaction once all of it arrived and parsed; a source that fails
 * keeps its previous data and its error is recorded; the number of
 * sources that failed, or -1 when the store itself failed */
gint
ym_advisory_sync_run(YmAdvisorySync *self, const gchar *const *sources, GError **error);

G_END_DECLS
