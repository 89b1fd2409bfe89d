/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* yamorid --read as a user runs it: exit codes, messages, the report, the store */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <signal.h>
#include <unistd.h>

#include "ym-test-common.h"
#include "ym-test-db.h"
#include "ym-test-netns.h"

/* the NULL-terminated arguments after @r */
#define run_yamorid(r, ...)                                                                        \
	ym_test_run_program(r, g_getenv("YAMORID"), (const gchar *const[]){__VA_ARGS__})

static JsonObject *
parse_report(const gchar *text, JsonParser *parser)
{
	g_autoptr(GError) error = NULL;
	JsonNode *root;
	g_assert_true(json_parser_load_from_data(parser, text, -1, &error));
	g_assert_no_error(error);
	root = json_parser_get_root(parser);
	g_assert_true(JSON_NODE_HOLDS_OBJECT(root));
	return json_node_get_object(root);
}

/* a copy of the first @length bytes of a shared capture */
static gchar *
write_prefix(const gchar *dir, const gchar *name, gsize length)
{
	g_autofree gchar *src = ym_test_shared_pcap(name);
	g_autofree gchar *contents = NULL;
	g_autoptr(GError) error = NULL;
	gsize size = 0;
	gchar *dest;
	if (src == NULL)
		return NULL;
	g_file_get_contents(src, &contents, &size, &error);
	g_assert_no_error(error);
	dest = g_build_filename(dir, name, NULL);
	g_file_set_contents(dest, contents, (gssize) MIN(length, size), &error);
	g_assert_no_error(error);
	return dest;
}

static void
test_bad_files(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autofree gchar *empty = g_build_filename(dir, "empty.pcap", NULL);
	g_autofree gchar *text = g_build_filename(dir, "notes.txt", NULL);
	g_autofree gchar *missing = g_build_filename(dir, "missing.pcap", NULL);
	g_autoptr(GError) error = NULL;

	g_file_set_contents(empty, "", 0, &error);
	g_file_set_contents(text, "shopping list: milk, eggs\n", -1, &error);
	g_assert_no_error(error);
	{
		g_auto(YmTestRun) r = {0};
		run_yamorid(&r, "--read", missing, "--report", "json", NULL);
		g_assert_cmpint(r.status, ==, 1);
		g_assert_nonnull(strstr(r.err, missing));
		g_assert_nonnull(strstr(r.err, "No such file"));
		g_assert_cmpstr(r.out, ==, "");
	}
	{
		g_auto(YmTestRun) r = {0};
		run_yamorid(&r, "--read", empty, NULL);
		g_assert_cmpint(r.status, ==, 1);
		g_assert_nonnull(strstr(r.err, "empty.pcap: the file is empty"));
	}
	{
		g_auto(YmTestRun) r = {0};
		run_yamorid(&r, "--read", text, NULL);
		g_assert_cmpint(r.status, ==, 1);
		g_assert_nonnull(strstr(r.err, "notes.txt: not a pcap or pcapng capture file"));
	}
	{
		g_auto(YmTestRun) r = {0};
		run_yamorid(&r, "--read", text, "--report", "xml", NULL);
		g_assert_cmpint(r.status, ==, 2);
		g_assert_nonnull(strstr(r.err, "--report must be json or text"));
	}
	ym_test_rm_rf(dir);
}

/* a broken file after a good run leaves the store exactly as it was */
static void
test_truncated_keeps_store(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autofree gchar *state = g_build_filename(dir, "state", NULL);
	g_autofree gchar *good = ym_test_shared_pcap("zeek-dhcp.pcap");
	g_autofree gchar *cut = NULL;
	gint64 devices, runs, addresses;

	if (good == NULL)
		return;
	/* zeek-dhcp.pcap: 24-byte header, frames of 307 and 409 bytes
	 * (tshark -e frame.len); cut inside the record header of packet 3 */
	cut = write_prefix(dir, "zeek-dhcp.pcap", 24 + (16 + 307) + (16 + 409) + 9);
	{
		g_auto(YmTestRun) r = {0};
		run_yamorid(&r, "--read", good, "--state-dir", state, NULL);
		g_assert_cmpint(r.status, ==, 0);
	}
	devices = ym_test_db_count(state, "SELECT count(*) FROM devices");
	addresses = ym_test_db_count(state, "SELECT count(*) FROM addresses");
	runs = ym_test_db_count(state, "SELECT count(*) FROM runs");
	g_assert_cmpint(runs, ==, 1);
	{
		g_auto(YmTestRun) r = {0};
		/* the good file first, then the broken one: nothing of either is kept */
		run_yamorid(&r, "--read", good, "--read", cut, "--state-dir", state, "--report",
		            "json", NULL);
		g_assert_cmpint(r.status, ==, 1);
		g_assert_nonnull(strstr(r.err, cut));
		g_assert_nonnull(strstr(r.err, "packet 3"));
		g_assert_nonnull(strstr(r.err, "offset 772"));
		g_assert_cmpstr(r.out, ==, "");
	}
	g_assert_cmpint(ym_test_db_count(state, "SELECT count(*) FROM devices"), ==, devices);
	g_assert_cmpint(ym_test_db_count(state, "SELECT count(*) FROM addresses"), ==, addresses);
	g_assert_cmpint(ym_test_db_count(state, "SELECT count(*) FROM runs"), ==, 1);
	ym_test_rm_rf(dir);
}

static void
test_cut_last_packet(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	/* 9 packets; the last one loses 100 of its bytes */
	g_autofree gchar *src = ym_test_shared_pcap("zeek-dhcp.pcap");
	g_autofree gchar *cut = NULL;
	g_autoptr(JsonParser) parser = json_parser_new();
	g_auto(YmTestRun) r = {0};
	JsonObject *report, *stats;
	if (src == NULL)
		return;
	cut = write_prefix(dir, "zeek-dhcp.pcap", 3140 - 100);
	run_yamorid(&r, "--read", cut, "--report", "json", NULL);
	g_assert_cmpint(r.status, ==, 0);
	g_assert_nonnull(strstr(r.err, "warning"));
	g_assert_nonnull(strstr(r.err, "packet 9"));
	report = parse_report(r.out, parser);
	stats = json_object_get_object_member(report, "stats");
	g_assert_cmpint(json_object_get_int_member(stats, "packets"), ==, 9);
	ym_test_rm_rf(dir);
}

static void
test_report_keys(void)
{
	g_autofree gchar *path = ym_test_shared_pcap("zeek-dhcp.pcap");
	g_autoptr(JsonParser) parser = json_parser_new();
	g_auto(YmTestRun) r = {0};
	JsonObject *report, *stats, *device;
	JsonArray *devices;
	if (path == NULL)
		return;
	run_yamorid(&r, "--read", path, "--report", "json", NULL);
	g_assert_cmpint(r.status, ==, 0);
	report = parse_report(r.out, parser);
	g_assert_true(json_object_has_member(report, "devices"));
	g_assert_true(json_object_has_member(report, "alerts"));
	g_assert_cmpuint(json_array_get_length(json_object_get_array_member(report, "alerts")), ==,
	                 0);
	stats = json_object_get_object_member(report, "stats");
	g_assert_cmpint(json_object_get_int_member(stats, "packets"), ==, 9);
	g_assert_cmpint(json_object_get_int_member(stats, "bytes"), ==, 3140 - 24 - 9 * 16);
	g_assert_true(json_object_has_member(stats, "decode_events"));
	g_assert_true(json_object_has_member(stats, "flows"));
	g_assert_true(json_object_has_member(stats, "duration"));
	devices = json_object_get_array_member(report, "devices");
	g_assert_cmpuint(json_array_get_length(devices), >=, 1);
	device = json_array_get_object_element(devices, 0);
	for (guint i = 0; i < 11; i++) {
		const gchar *keys[] = {"mac",       "ipv4",       "ipv6",     "vendor",
		                       "hostnames", "kind",       "os",       "model",
		                       "firmware",  "first_seen", "last_seen"};
		g_assert_true(json_object_has_member(device, keys[i]));
	}
	/* RFC 3339 UTC */
	g_assert_true(g_str_has_suffix(json_object_get_string_member(device, "first_seen"), "Z"));
	g_assert_cmpuint(strlen(json_object_get_string_member(device, "first_seen")), ==, 20);
}

static void
test_text_report(void)
{
	g_autofree gchar *path = ym_test_shared_pcap("zeek-dhcp.pcap");
	g_auto(YmTestRun) r = {0};
	if (path == NULL)
		return;
	run_yamorid(&r, "--read", path, "--report", "text", NULL);
	g_assert_cmpint(r.status, ==, 0);
	g_assert_nonnull(strstr(r.out, "Analysed 9 packets"));
	g_assert_nonnull(strstr(r.out, "90:b1:1c:99:49:29"));
	g_assert_nonnull(strstr(r.out, "Dell Inc."));
}

/* with --state-dir, results of separate runs accumulate */
static void
test_state_accumulates(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autofree gchar *a = ym_test_shared_pcap("zeek-dhcp.pcap");
	g_autofree gchar *b = ym_test_shared_pcap("zeek-arp-who-has.pcap");
	g_autoptr(JsonParser) parser = json_parser_new();
	g_auto(YmTestRun) r1 = {0};
	g_auto(YmTestRun) r2 = {0};
	JsonArray *devices;
	gboolean dell = FALSE, arris = FALSE;
	if (a == NULL || b == NULL)
		return;
	run_yamorid(&r1, "--read", a, "--state-dir", dir, NULL);
	g_assert_cmpint(r1.status, ==, 0);
	run_yamorid(&r2, "--read", b, "--state-dir", dir, "--report", "json", NULL);
	g_assert_cmpint(r2.status, ==, 0);
	devices = json_object_get_array_member(parse_report(r2.out, parser), "devices");
	for (guint i = 0; i < json_array_get_length(devices); i++) {
		const gchar *mac =
		    json_object_get_string_member(json_array_get_object_element(devices, i), "mac");
		dell |= g_strcmp0(mac, "90:b1:1c:99:49:29") == 0;
		arris |= g_strcmp0(mac, "f8:ed:a5:c0:a4:f1") == 0;
	}
	g_assert_true(dell);
	g_assert_true(arris);
	g_assert_cmpint(ym_test_db_count(dir, "SELECT count(*) FROM runs"), ==, 2);
	ym_test_rm_rf(dir);
}

/* yamorid watching the first end, as root dropping to nobody */
static GSubprocess *
spawn_live(const gchar *netns, const gchar *state_dir, const gchar *timed_exit)
{
	g_autofree gchar *iface = g_strdup_printf("%sa", netns);
	g_autoptr(GError) error = NULL;
	GSubprocess *proc;
	/* the filter keeps what the test sends: ARP and ICMP */
	const gchar *argv[] = {
	    "ip",          "netns",       "exec",     iface,          g_getenv("YAMORID"),
	    "--interface", iface,         "--filter", "arp or icmp",  "--user",
	    "nobody",      "--state-dir", state_dir,  "--timed-exit", timed_exit,
	    "--report",    "json",        NULL};
	proc = g_subprocess_newv(
	    argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
	g_assert_no_error(error);
	/* let it open the capture before traffic starts */
	g_usleep(1500 * 1000);
	return proc;
}

static void
ping_from_peer(const gchar *netns, const gchar *count)
{
	g_autofree gchar *cmd =
	    g_strdup_printf("ip netns exec %sb ping -c %s -i 0.2 10.231.0.1", netns, count);
	g_assert_true(ym_test_sh(cmd));
}

/*
 * live capture on a veth pair between two network namespaces this test
 * creates (never a real interface): yamorid watches one end as root, drops
 * to nobody, and sees the other end's pings
 */
static void
test_live_capture_netns(void)
{
	g_autofree gchar *dir = NULL;
	g_autofree gchar *peer_mac = NULL;
	g_autofree gchar *netns = g_strdup_printf("ymt%d", (gint) getpid());
	g_autoptr(GSubprocess) proc = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonParser) parser = json_parser_new();
	g_autofree gchar *out = NULL;
	g_autofree gchar *err = NULL;
	JsonArray *devices;
	gboolean found = FALSE;

	if (!ym_test_netns_setup(netns, &peer_mac))
		return;
	dir = ym_test_make_tmpdir();
	g_assert_cmpint(chmod(dir, 0777), ==, 0);
	proc = spawn_live(netns, dir, "4");
	ping_from_peer(netns, "3");
	g_subprocess_communicate_utf8(proc, NULL, NULL, &out, &err, &error);
	g_assert_no_error(error);
	ym_test_netns_delete(netns);
	if (g_subprocess_get_exit_status(proc) != 0)
		g_error("yamorid failed: %s", err);
	devices = json_object_get_array_member(parse_report(out, parser), "devices");
	for (guint i = 0; i < json_array_get_length(devices); i++) {
		JsonObject *device = json_array_get_object_element(devices, i);
		if (g_strcmp0(json_object_get_string_member(device, "mac"), peer_mac) == 0) {
			JsonArray *ipv4 = json_object_get_array_member(device, "ipv4");
			g_assert_cmpuint(json_array_get_length(ipv4), >=, 1);
			g_assert_cmpstr(json_array_get_string_element(ipv4, 0), ==, "10.231.0.2");
			found = TRUE;
		}
	}
	g_assert_true(found);
	/* the state was written by the dropped user, not root */
	{
		g_autofree gchar *db = g_build_filename(dir, "yamori.db", NULL);
		GStatBuf st;
		g_assert_cmpint(g_stat(db, &st), ==, 0);
		g_assert_cmpuint(st.st_uid, !=, 0);
	}
	ym_test_rm_rf(dir);
}

/* killed with SIGKILL, the daemon keeps what it saw more than a second
 * ago, in a database that is not corrupt */
static void
test_live_sigkill(void)
{
	g_autofree gchar *dir = NULL;
	g_autofree gchar *peer_mac = NULL;
	g_autofree gchar *netns = g_strdup_printf("ymk%d", (gint) getpid());
	g_autofree gchar *db_path = NULL;
	g_autoptr(GSubprocess) proc = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *sql = NULL;
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;

	if (!ym_test_netns_setup(netns, &peer_mac))
		return;
	dir = ym_test_make_tmpdir();
	g_assert_cmpint(chmod(dir, 0777), ==, 0);
	proc = spawn_live(netns, dir, "60");
	ping_from_peer(netns, "5");
	/* more than one flush interval after the last ping */
	g_usleep(1600 * 1000);
	g_subprocess_force_exit(proc);
	g_subprocess_wait(proc, NULL, &error);
	g_assert_no_error(error);
	g_assert_true(g_subprocess_get_if_signaled(proc));
	g_assert_cmpint(g_subprocess_get_term_sig(proc), ==, SIGKILL);
	ym_test_netns_delete(netns);

	db_path = g_build_filename(dir, "yamori.db", NULL);
	g_assert_cmpint(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
	g_assert_cmpint(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
	                SQLITE_OK);
	g_assert_cmpint(sqlite3_step(stmt), ==, SQLITE_ROW);
	g_assert_cmpstr((const gchar *) sqlite3_column_text(stmt, 0), ==, "ok");
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	sql =
	    g_strdup_printf("SELECT count(*) FROM addresses a JOIN devices d ON d.id = a.device_id "
	                    "WHERE d.mac = '%s' AND a.address = '10.231.0.2'",
	                    peer_mac);
	g_assert_cmpint(ym_test_db_count(dir, sql), ==, 1);
	ym_test_rm_rf(dir);
}

/* a capture filter that does not compile is named in the message */
static void
test_live_bad_filter(void)
{
	g_auto(YmTestRun) r = {0};
	if (getuid() != 0) {
		g_test_skip("needs root to open a capture");
		return;
	}
	run_yamorid(&r, "--interface", "lo", "--filter", "port ((", "--user", "nobody", NULL);
	g_assert_cmpint(r.status, ==, 1);
	g_assert_nonnull(strstr(r.err, "capture filter \"port ((\""));
}

/* a full disk is reported as such, with nothing half-written */
static void
test_full_disk(void)
{
	g_autofree gchar *dir = NULL;
	g_autofree gchar *cmd = NULL;
	g_autofree gchar *path = ym_test_shared_pcap("ndpi-alexa-app-android.pcapng");
	g_auto(YmTestRun) r = {0};
	if (path == NULL)
		return;
	if (getuid() != 0) {
		g_test_skip("needs root to mount a small tmpfs");
		return;
	}
	dir = ym_test_make_tmpdir();
	cmd = g_strdup_printf("mount -t tmpfs -o size=48k yamori-full %s", dir);
	if (!ym_test_sh(cmd)) {
		if (g_getenv("CI") != NULL)
			g_error("cannot mount a tmpfs as root");
		g_test_skip("cannot mount a tmpfs here");
		return;
	}
	run_yamorid(&r, "--read", path, "--state-dir", dir, "--report", "json", NULL);
	g_free(cmd);
	cmd = g_strdup_printf("umount %s", dir);
	g_assert_true(ym_test_sh(cmd));
	g_assert_cmpint(r.status, ==, 1);
	g_assert_nonnull(strstr(r.err, "disk is full"));
	g_assert_cmpstr(r.out, ==, "");
	ym_test_rm_rf(dir);
}

/* SIGHUP reloads signatures/: a broken file is named with its line and the
 * daemon keeps running on the rules it had */
static void
test_sighup_reload(void)
{
	g_autofree gchar *dir = NULL;
	g_autofree gchar *signatures = NULL;
	g_autofree gchar *cmd = NULL;
	g_autofree gchar *bad = NULL;
	g_autofree gchar *out = NULL;
	g_autofree gchar *err = NULL;
	g_autoptr(GSubprocess) proc = NULL;
	g_autoptr(GError) error = NULL;

	if (getuid() != 0) {
		g_test_skip("needs root to open a capture");
		return;
	}
	dir = ym_test_make_tmpdir();
	g_assert_cmpint(chmod(dir, 0777), ==, 0);
	signatures = g_build_filename(dir, "signatures", NULL);
	cmd = g_strdup_printf("cp -r %s/../signatures %s && chmod -R a+rX %s", SRCDIR, signatures,
	                      signatures);
	g_assert_true(ym_test_sh(cmd));
	{
		const gchar *argv[] = {
		    g_getenv("YAMORID"), "--interface", "lo",           "--user", "nobody",
		    "--signatures-dir",  signatures,    "--timed-exit", "4",      NULL};
		proc = g_subprocess_newv(
		    argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
		g_assert_no_error(error);
	}
	g_usleep(1500 * 1000);
	bad = g_build_filename(signatures, "fingerprints", "99-broken.rules", NULL);
	g_file_set_contents(bad, "# a typo on line 2\nvendor ~ \"x\" -> kind=toaster@10\n", -1,
	                    &error);
	g_assert_no_error(error);
	g_subprocess_send_signal(proc, SIGHUP);
	g_usleep(500 * 1000);
	g_assert_cmpint(g_unlink(bad), ==, 0);
	g_subprocess_send_signal(proc, SIGHUP);
	g_subprocess_communicate_utf8(proc, NULL, NULL, &out, &err, &error);
	g_assert_no_error(error);
	g_assert_true(g_subprocess_get_if_exited(proc));
	g_assert_cmpint(g_subprocess_get_exit_status(proc), ==, 0);
	g_assert_nonnull(strstr(err, "the previous ones stay active"));
	g_assert_nonnull(strstr(err, "99-broken.rules:2: unknown kind \"toaster\""));
	g_assert_nonnull(strstr(err, "rules reloaded"));
	ym_test_rm_rf(dir);
}

/* the household marks a device as theirs: stored, and wrong input named */
static void
test_mark_known(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autofree gchar *path = ym_test_shared_pcap("zeek-dhcp.pcap");
	if (path == NULL)
		return;
	{
		g_auto(YmTestRun) r = {0};
		run_yamorid(&r, "--read", path, "--state-dir", dir, NULL);
		g_assert_cmpint(r.status, ==, 0);
	}
	g_assert_cmpint(ym_test_db_count(dir, "SELECT count(*) FROM devices WHERE known = 1"), ==,
	                0);
	{
		g_auto(YmTestRun) r = {0};
		run_yamorid(&r, "--mark-known", "90:B1:1C:99:49:29", "--state-dir", dir, NULL);
		g_assert_cmpint(r.status, ==, 0);
	}
	g_assert_cmpint(
	    ym_test_db_count(dir, "SELECT known FROM devices WHERE mac = '90:b1:1c:99:49:29'"), ==,
	    1);
	/* analysing again does not forget it */
	{
		g_auto(YmTestRun) r = {0};
		run_yamorid(&r, "--read", path, "--state-dir", dir, NULL);
		g_assert_cmpint(r.status, ==, 0);
	}
	g_assert_cmpint(
	    ym_test_db_count(dir, "SELECT known FROM devices WHERE mac = '90:b1:1c:99:49:29'"), ==,
	    1);
	{
		g_auto(YmTestRun) r = {0};
		run_yamorid(&r, "--mark-known", "02:00:00:00:00:99", "--state-dir", dir, NULL);
		g_assert_cmpint(r.status, ==, 1);
		g_assert_nonnull(strstr(r.err, "no device 02:00:00:00:00:99 has been seen"));
	}
	{
		g_auto(YmTestRun) r = {0};
		run_yamorid(&r, "--mark-known", "kitchen-tablet", "--state-dir", dir, NULL);
		g_assert_cmpint(r.status, ==, 2);
		g_assert_nonnull(strstr(r.err, "is not a MAC address"));
	}
	{
		g_auto(YmTestRun) r = {0};
		run_yamorid(&r, "--mark-known", "90:b1:1c:99:49:29", NULL);
		g_assert_cmpint(r.status, ==, 2);
		g_assert_nonnull(strstr(r.err, "--mark-known needs --state-dir"));
	}
	ym_test_rm_rf(dir);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/yamorid-cli/bad-files", test_bad_files);
	g_test_add_func("/ym/yamorid-cli/truncated-keeps-store", test_truncated_keeps_store);
	g_test_add_func("/ym/yamorid-cli/cut-last-packet", test_cut_last_packet);
	g_test_add_func("/ym/yamorid-cli/report-keys", test_report_keys);
	g_test_add_func("/ym/yamorid-cli/text-report", test_text_report);
	g_test_add_func("/ym/yamorid-cli/state-accumulates", test_state_accumulates);
	g_test_add_func("/ym/yamorid-cli/live-capture-netns", test_live_capture_netns);
	g_test_add_func("/ym/yamorid-cli/live-sigkill", test_live_sigkill);
	g_test_add_func("/ym/yamorid-cli/live-bad-filter", test_live_bad_filter);
	g_test_add_func("/ym/yamorid-cli/full-disk", test_full_disk);
	g_test_add_func("/ym/yamorid-cli/sighup-reload", test_sighup_reload);
	g_test_add_func("/ym/yamorid-cli/mark-known", test_mark_known);
	return g_test_run();
}
