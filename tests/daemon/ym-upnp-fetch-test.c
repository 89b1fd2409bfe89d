/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * yamorid live on one end of a veth pair (two network namespaces this test
 * creates), a UPnP camera on the other: the camera's description is
 * fetched once and its model and firmware reach the report; LOCATIONs on a
 * public address or on another host than the sender are never asked for;
 * after a restart the identity is still there and nothing is fetched again.
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "ym-test-common.h"
#include "ym-test-db.h"
#include "ym-test-netns.h"

#define HELPER_PORT "49152"

typedef struct {
	gchar *netns;
	gchar *peer_mac;
	gchar *dir;
	gchar *description;
} Fixture;

static void
fixture_clear(Fixture *f)
{
	if (f->netns != NULL && f->peer_mac != NULL)
		ym_test_netns_delete(f->netns);
	if (f->dir != NULL)
		ym_test_rm_rf(f->dir);
	g_free(f->netns);
	g_free(f->peer_mac);
	g_free(f->dir);
	g_free(f->description);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Fixture, fixture_clear)

/* yamorid on "<netns>a", as root dropping to nobody, keeping SSDP */
static GSubprocess *
spawn_yamorid(const Fixture *f, const gchar *timed_exit)
{
	g_autofree gchar *iface = g_strdup_printf("%sa", f->netns);
	g_autoptr(GError) error = NULL;
	GSubprocess *proc;
	const gchar *argv[] = {"ip",
	                       "netns",
	                       "exec",
	                       iface,
	                       g_getenv("YAMORID"),
	                       "--interface",
	                       iface,
	                       "--filter",
	                       "arp or icmp or udp port 1900",
	                       "--user",
	                       "nobody",
	                       "--state-dir",
	                       f->dir,
	                       "--timed-exit",
	                       timed_exit,
	                       "--report",
	                       "json",
	                       NULL};
	proc = g_subprocess_newv(
	    argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
	g_assert_no_error(error);
	/* let it open the capture before the device speaks */
	g_usleep(1500 * 1000);
	return proc;
}

/* the device on "<netns>b" sends @sends in order, serving the description
 * meanwhile; returns its requests per address */
static GHashTable *
run_device(const Fixture *f, const gchar *const *sends)
{
	g_autofree gchar *ns = g_strdup_printf("%sb", f->netns);
	g_autofree gchar *file = g_strdup_printf("/description.xml=%s", f->description);
	g_autoptr(GPtrArray) argv = g_ptr_array_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *out = NULL;
	g_autofree gchar *err = NULL;
	g_auto(GStrv) lines = NULL;
	GHashTable *requests = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	gint status = 0;

	g_ptr_array_add(argv, (gpointer) "ip");
	g_ptr_array_add(argv, (gpointer) "netns");
	g_ptr_array_add(argv, (gpointer) "exec");
	g_ptr_array_add(argv, ns);
	g_ptr_array_add(argv, (gpointer) g_getenv("YM_UPNP_DEVICE_HELPER"));
	g_ptr_array_add(argv, (gpointer) "--port=" HELPER_PORT);
	g_ptr_array_add(argv, (gpointer) "--file");
	g_ptr_array_add(argv, file);
	for (guint i = 0; sends[i] != NULL; i++) {
		g_ptr_array_add(argv, (gpointer) "--send");
		g_ptr_array_add(argv, (gpointer) sends[i]);
	}
	g_ptr_array_add(argv, NULL);
	g_spawn_sync(NULL, (gchar **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
	             &err, &status, &error);
	g_assert_no_error(error);
	if (!g_spawn_check_wait_status(status, NULL))
		g_error("the device helper failed: %s", err);
	lines = g_strsplit(out, "\n", -1);
	for (guint i = 0; lines[i] != NULL; i++) {
		g_auto(GStrv) words = g_strsplit(lines[i], " ", 3);
		if (g_strv_length(words) == 3 && g_strcmp0(words[0], "requests") == 0)
			g_hash_table_insert(requests, g_strdup(words[1]),
			                    GUINT_TO_POINTER(atoi(words[2])));
	}
	g_assert_true(g_hash_table_contains(requests, "total"));
	return requests;
}

static guint
requests_to(GHashTable *requests, const gchar *address)
{
	return GPOINTER_TO_UINT(g_hash_table_lookup(requests, address));
}

/* the report of a finished yamorid; the device object of the camera */
static JsonObject *
wait_report(GSubprocess *proc, JsonParser *parser, const gchar *mac)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *out = NULL;
	g_autofree gchar *err = NULL;
	JsonArray *devices;

	g_subprocess_communicate_utf8(proc, NULL, NULL, &out, &err, &error);
	g_assert_no_error(error);
	if (!g_subprocess_get_if_exited(proc) || g_subprocess_get_exit_status(proc) != 0)
		g_error("yamorid failed: %s", err);
	g_assert_true(json_parser_load_from_data(parser, out, -1, &error));
	g_assert_no_error(error);
	devices = json_object_get_array_member(json_node_get_object(json_parser_get_root(parser)),
	                                       "devices");
	for (guint i = 0; i < json_array_get_length(devices); i++) {
		JsonObject *device = json_array_get_object_element(devices, i);
		if (g_strcmp0(json_object_get_string_member(device, "mac"), mac) == 0)
			return device;
	}
	g_error("no device %s in the report: %s", mac, out);
	return NULL;
}

static void
assert_camera(JsonObject *device)
{
	g_assert_cmpstr(json_object_get_string_member(device, "model"), ==, "DS-2CD2142FWD-I");
	g_assert_cmpstr(json_object_get_string_member(device, "firmware"), ==,
	                "V5.5.82 build 190909");
	g_assert_cmpstr(json_object_get_string_member(device, "upnp_manufacturer"), ==,
	                "Hikvision");
	g_assert_cmpstr(json_object_get_string_member(device, "upnp_friendly_name"), ==,
	                "Living room camera");
	g_assert_cmpstr(json_object_get_string_member(device, "kind"), ==, "camera");
	g_assert_cmpint(json_object_get_int_member(
	                    json_object_get_object_member(device, "confidence"), "model"),
	                ==, 90);
}

static void
test_live_fetch(void)
{
	g_auto(Fixture) f = {NULL};
	g_autofree gchar *cmd = NULL;

	f.netns = g_strdup_printf("ymu%d", (gint) getpid());
	if (!ym_test_netns_setup(f.netns, &f.peer_mac))
		return;
	/* the camera also holds a second LAN address and a public one, which
	 * yamorid could reach: only the rules keep it from asking there */
	cmd = g_strdup_printf("ip -n %1$sb addr add 10.231.0.3/24 dev %1$sb && "
	                      "ip -n %1$sb addr add 198.51.100.7/24 dev %1$sb && "
	                      "ip -n %1$sa addr add 198.51.100.1/24 dev %1$sa",
	                      f.netns);
	g_assert_true(ym_test_sh(cmd));
	f.dir = ym_test_make_tmpdir();
	g_assert_cmpint(chmod(f.dir, 0777), ==, 0);
	f.description = g_build_filename(SRCDIR, "data", "upnp", "hikvision-camera.xml", NULL);

	/* first run: the refused LOCATIONs come first, while a fetch could
	 * still happen, then the real one twice */
	{
		const gchar *sends[] = {
		    /* binds 10.231.0.3 to the camera's MAC too */
		    "10.231.0.3,10.231.0.1,-",
		    "198.51.100.7,198.51.100.1,http://198.51.100.7:" HELPER_PORT "/description.xml",
		    "10.231.0.2,10.231.0.1,http://10.231.0.3:" HELPER_PORT "/description.xml",
		    "10.231.0.2,10.231.0.1,http://10.231.0.2:" HELPER_PORT "/description.xml",
		    "10.231.0.2,10.231.0.1,http://10.231.0.2:" HELPER_PORT "/description.xml",
		    NULL};
		g_autoptr(GSubprocess) proc = spawn_yamorid(&f, "6");
		g_autoptr(GHashTable) requests = run_device(&f, sends);
		g_autoptr(JsonParser) parser = json_parser_new();
		JsonObject *device = wait_report(proc, parser, f.peer_mac);

		g_assert_cmpuint(requests_to(requests, "198.51.100.7"), ==, 0);
		g_assert_cmpuint(requests_to(requests, "10.231.0.3"), ==, 0);
		g_assert_cmpuint(requests_to(requests, "10.231.0.2"), ==, 1);
		g_assert_cmpuint(requests_to(requests, "total"), ==, 1);
		assert_camera(device);
	}
	/* the serial number and the UDN were never stored */
	g_assert_cmpint(ym_test_db_count(f.dir,
	                                 "SELECT count(*) FROM observations WHERE value LIKE "
	                                 "'%C88812345%' OR value LIKE '%c0564b123456%'"),
	                ==, 0);
	g_assert_cmpint(
	    ym_test_db_count(f.dir, "SELECT count(*) FROM observations WHERE kind LIKE 'upnp_%'"),
	    ==, 7);

	/* after a restart: still known, and not fetched again within a day */
	{
		const gchar *sends[] = {"10.231.0.2,10.231.0.1,http://10.231.0.2:" HELPER_PORT
		                        "/description.xml",
		                        NULL};
		g_autoptr(GSubprocess) proc = spawn_yamorid(&f, "4");
		g_autoptr(GHashTable) requests = run_device(&f, sends);
		g_autoptr(JsonParser) parser = json_parser_new();
		JsonObject *device = wait_report(proc, parser, f.peer_mac);
		g_assert_cmpuint(requests_to(requests, "total"), ==, 0);
		assert_camera(device);
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/upnp-fetch/live", test_live_fetch);
	return g_test_run();
}
