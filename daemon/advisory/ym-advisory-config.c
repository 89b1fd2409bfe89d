/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* the [advisories] group of the configuration file */

#define G_LOG_DOMAIN "YmAdvisoryConfig"

#include "config.h"

#include "ym-advisory-sync.h"

#include <string.h>

#include "ym-advisory.h"
#include "ym-error.h"

#define YM_CONFIG_GROUP    "advisories"
#define YM_CONFIG_MAX_SIZE (64 * 1024)

void
ym_advisory_config_init(YmAdvisoryConfig *config)
{
	static const gchar *const sources[] = {"kev", "jvn", "nvd", "cve5", "csaf", NULL};
	static const gchar *const providers[] = {
	    "https://www.cisa.gov/sites/default/files/csaf/provider-metadata.json",
	    NULL,
	};

	memset(config, 0, sizeof(*config));
	config->sources = g_strdupv((gchar **) sources);
	config->interval_hours = 24;
	config->kev_url = g_strdup("https://www.cisa.gov/sites/default/files/feeds/"
	                           "known_exploited_vulnerabilities.json");
	config->nvd_url = g_strdup("https://services.nvd.nist.gov/rest/json/cves/2.0");
	config->nvd_days = 120;
	config->cve5_url = g_strdup("https://cveawg.mitre.org/api/cve/");
	config->cve5_max = 200;
	config->jvn_url = g_strdup("https://jvndb.jvn.jp/ja/feed/detail/");
	config->jvn_years = 3;
	config->jvn_api_url = g_strdup("https://jvndb.jvn.jp/myjvn");
	config->jvn_api_days = 30;
	config->csaf_providers = g_strdupv((gchar **) providers);
	config->csaf_max = 500;
	config->timeout_seconds = 300;
	config->max_size_mb = 64;
}

void
ym_advisory_config_clear(YmAdvisoryConfig *config)
{
	g_clear_pointer(&config->sources, g_strfreev);
	g_clear_pointer(&config->proxy, g_free);
	g_clear_pointer(&config->ca_file, g_free);
	g_clear_pointer(&config->kev_url, g_free);
	g_clear_pointer(&config->nvd_url, g_free);
	g_clear_pointer(&config->nvd_api_key, g_free);
	g_clear_pointer(&config->cve5_url, g_free);
	g_clear_pointer(&config->jvn_url, g_free);
	g_clear_pointer(&config->jvn_api_url, g_free);
	g_clear_pointer(&config->csaf_providers, g_strfreev);
}

typedef enum {
	YM_KEY_STRING,
	YM_KEY_URL,
	YM_KEY_URL_OPTIONAL, /* empty turns the feature off */
	YM_KEY_LIST,
	YM_KEY_URL_LIST,
	YM_KEY_UINT,
} YmKeyKind;

typedef struct {
	const gchar *name;
	YmKeyKind kind;
	gsize offset;
	guint max; /* for numbers */
} YmConfigKey;

static const YmConfigKey config_keys[] = {
    {"sources", YM_KEY_LIST, G_STRUCT_OFFSET(YmAdvisoryConfig, sources), 0},
    {"interval-hours", YM_KEY_UINT, G_STRUCT_OFFSET(YmAdvisoryConfig, interval_hours), 24 * 365},
    {"proxy", YM_KEY_STRING, G_STRUCT_OFFSET(YmAdvisoryConfig, proxy), 0},
    {"ca-file", YM_KEY_STRING, G_STRUCT_OFFSET(YmAdvisoryConfig, ca_file), 0},
    {"kev-url", YM_KEY_URL, G_STRUCT_OFFSET(YmAdvisoryConfig, kev_url), 0},
    {"nvd-url", YM_KEY_URL, G_STRUCT_OFFSET(YmAdvisoryConfig, nvd_url), 0},
    {"nvd-api-key", YM_KEY_STRING, G_STRUCT_OFFSET(YmAdvisoryConfig, nvd_api_key), 0},
    {"nvd-days", YM_KEY_UINT, G_STRUCT_OFFSET(YmAdvisoryConfig, nvd_days), 3650},
    {"cve5-url", YM_KEY_URL, G_STRUCT_OFFSET(YmAdvisoryConfig, cve5_url), 0},
    {"cve5-max", YM_KEY_UINT, G_STRUCT_OFFSET(YmAdvisoryConfig, cve5_max), 100000},
    {"jvn-url", YM_KEY_URL, G_STRUCT_OFFSET(YmAdvisoryConfig, jvn_url), 0},
    {"jvn-years", YM_KEY_UINT, G_STRUCT_OFFSET(YmAdvisoryConfig, jvn_years), 30},
    {"jvn-api-url", YM_KEY_URL_OPTIONAL, G_STRUCT_OFFSET(YmAdvisoryConfig, jvn_api_url), 0},
    {"jvn-api-days", YM_KEY_UINT, G_STRUCT_OFFSET(YmAdvisoryConfig, jvn_api_days), 365},
    {"csaf-providers", YM_KEY_URL_LIST, G_STRUCT_OFFSET(YmAdvisoryConfig, csaf_providers), 0},
    {"csaf-max", YM_KEY_UINT, G_STRUCT_OFFSET(YmAdvisoryConfig, csaf_max), 100000},
    {"timeout-seconds", YM_KEY_UINT, G_STRUCT_OFFSET(YmAdvisoryConfig, timeout_seconds), 3600},
    {"max-size-mb", YM_KEY_UINT, G_STRUCT_OFFSET(YmAdvisoryConfig, max_size_mb), 1024},
};

static gboolean
check_url(const gchar *name, const gchar *key, const gchar *url, GError **error)
{
	if (g_ascii_strncasecmp(url, "https://", 8) == 0 && url[8] != '\0')
		return TRUE;
	g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
	            "%s: [" YM_CONFIG_GROUP "] %s: \"%s\" is not an https:// address (only "
	            "HTTPS is fetched)",
	            name, key, url);
	return FALSE;
}

static gboolean
check_sources(const gchar *name, gchar **sources, GError **error)
{
	for (guint i = 0; sources[i] != NULL; i++) {
		if (ym_advisory_source_from_string(sources[i]) < 0) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "%s: [" YM_CONFIG_GROUP
			            "] sources: unknown source \"%s\" (known: "
			            "jvn, kev, nvd, cve5, csaf)",
			            name, sources[i]);
			return FALSE;
		}
	}
	return TRUE;
}

static gboolean
read_key(YmAdvisoryConfig *config,
         GKeyFile *keyfile,
         const gchar *name,
         const YmConfigKey *key,
         GError **error)
{
	gpointer field = G_STRUCT_MEMBER_P(config, key->offset);
	g_autoptr(GError) error_local = NULL;

	switch (key->kind) {
	case YM_KEY_STRING:
	case YM_KEY_URL:
	case YM_KEY_URL_OPTIONAL: {
		g_autofree gchar *value =
		    g_key_file_get_string(keyfile, YM_CONFIG_GROUP, key->name, &error_local);
		if (value == NULL)
			break;
		g_strstrip(value);
		if ((key->kind == YM_KEY_URL ||
		     (key->kind == YM_KEY_URL_OPTIONAL && value[0] != '\0')) &&
		    !check_url(name, key->name, value, error))
			return FALSE;
		g_free(*(gchar **) field);
		*(gchar **) field = value[0] != '\0' ? g_steal_pointer(&value) : NULL;
		return TRUE;
	}
	case YM_KEY_LIST:
	case YM_KEY_URL_LIST: {
		g_auto(GStrv) values = g_key_file_get_string_list(keyfile, YM_CONFIG_GROUP,
		                                                  key->name, NULL, &error_local);
		if (values == NULL)
			break;
		for (guint i = 0; values[i] != NULL; i++) {
			g_strstrip(values[i]);
			if (key->kind == YM_KEY_URL_LIST &&
			    !check_url(name, key->name, values[i], error))
				return FALSE;
		}
		if (key->kind == YM_KEY_LIST && !check_sources(name, values, error))
			return FALSE;
		g_strfreev(*(gchar ***) field);
		*(gchar ***) field = g_steal_pointer(&values);
		return TRUE;
	}
	case YM_KEY_UINT:
	default: {
		g_autofree gchar *value =
		    g_key_file_get_string(keyfile, YM_CONFIG_GROUP, key->name, &error_local);
		guint64 number = 0;
		if (value == NULL)
			break;
		g_strstrip(value);
		if (!g_ascii_string_to_unsigned(value, 10, 0, key->max, &number, NULL)) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "%s: [" YM_CONFIG_GROUP "] %s: \"%s\" is not a number from 0 "
			            "to %u",
			            name, key->name, value, key->max);
			return FALSE;
		}
		*(guint *) field = (guint) number;
		return TRUE;
	}
	}
	g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: [" YM_CONFIG_GROUP "] %s: %s",
	            name, key->name, error_local->message);
	return FALSE;
}

gboolean
ym_advisory_config_load_data(YmAdvisoryConfig *config,
                             const gchar *name,
                             const gchar *data,
                             gsize length,
                             GError **error)
{
	g_autoptr(GKeyFile) keyfile = g_key_file_new();
	g_autoptr(GError) error_local = NULL;
	g_auto(GStrv) keys = NULL;

	if (length > YM_CONFIG_MAX_SIZE) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "%s: %zu bytes is too large for a configuration file", name, length);
		return FALSE;
	}
	if (!g_utf8_validate(data, (gssize) length, NULL)) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: not UTF-8 text", name);
		return FALSE;
	}
	if (!g_key_file_load_from_data(keyfile, data, length, G_KEY_FILE_NONE, &error_local)) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA, "%s: %s", name,
		            error_local->message);
		return FALSE;
	}
	if (!g_key_file_has_group(keyfile, YM_CONFIG_GROUP))
		return TRUE;
	/* a misspelt key would silently do nothing: refuse it */
	keys = g_key_file_get_keys(keyfile, YM_CONFIG_GROUP, NULL, NULL);
	for (guint i = 0; keys != NULL && keys[i] != NULL; i++) {
		gboolean known = FALSE;
		for (guint j = 0; j < G_N_ELEMENTS(config_keys); j++)
			known |= g_strcmp0(keys[i], config_keys[j].name) == 0;
		if (!known) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "%s: [" YM_CONFIG_GROUP "] unknown key \"%s\"", name, keys[i]);
			return FALSE;
		}
	}
	for (guint j = 0; j < G_N_ELEMENTS(config_keys); j++) {
		if (!g_key_file_has_key(keyfile, YM_CONFIG_GROUP, config_keys[j].name, NULL))
			continue;
		if (!read_key(config, keyfile, name, &config_keys[j], error))
			return FALSE;
	}
	return TRUE;
}
