/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * yamorictl signatures as a maintainer and a user run it: bundles made by
 * tools/make-signature-bundle.sh, installed and shown by yamorictl, then
 * used by yamorid (offline, and live after SIGHUP)
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ym-test-common.h"
#include "ym-test-minisign.h"

/* the NULL-terminated arguments after @r */
#define run_ctl(r, ...)                                                                            \
	ym_test_run_program(r, g_getenv("YAMORICTL"), (const gchar *const[]){__VA_ARGS__})
#define run_yamorid(r, ...)                                                                        \
	ym_test_run_program(r, g_getenv("YAMORID"), (const gchar *const[]){__VA_ARGS__})

static gchar *
read_text(const gchar *path)
{
	g_autoptr(GError) error = NULL;
	gchar *contents = NULL;
	g_file_get_contents(path, &contents, NULL, &error);
	g_assert_no_error(error);
	return contents;
}

static guint64
packaged_version(void)
{
	g_autofree gchar *path = g_build_filename(g_getenv("YM_SIGNATURES_DIR"), "VERSION", NULL);
	g_autofree gchar *text = read_text(path);
	return g_ascii_strtoull(text, NULL, 10);
}

/* tools/make-signature-bundle.sh VERSION KEY OUT, from @source or signatures/ */
static gchar *
make_bundle(const gchar *dir, const gchar *key, guint64 version, const gchar *source)
{
	g_autofree gchar *script =
	    g_build_filename(SRCDIR, "..", "tools", "make-signature-bundle.sh", NULL);
	g_autofree gchar *name = g_strdup_printf("signatures-%" G_GUINT64_FORMAT ".tar", version);
	g_autofree gchar *number = g_strdup_printf("%" G_GUINT64_FORMAT, version);
	gchar *out = g_build_filename(dir, name, NULL);
	g_auto(YmTestRun) r = {0};

	const gchar *argv[] = {script, number, key, out, NULL};
	g_autoptr(GSubprocessLauncher) launcher =
	    g_subprocess_launcher_new(G_SUBPROCESS_FLAGS_NONE);

	if (source != NULL)
		g_subprocess_launcher_setenv(launcher, "YM_BUNDLE_SOURCE", source, TRUE);
	ym_test_run_command(&r, launcher, argv);
	if (r.status != 0)
		g_error("make-signature-bundle.sh failed: %s", r.err);
	return out;
}

typedef struct {
	gchar *dir;
	gchar *pub;
	gchar *key;
	guint64 packaged;
} Fixture;

static void
fixture_clear(Fixture *f)
{
	if (f->dir != NULL)
		ym_test_rm_rf(f->dir);
	g_free(f->dir);
	g_free(f->pub);
	g_free(f->key);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Fixture, fixture_clear)

static gboolean
fixture_init(Fixture *f)
{
	if (!ym_test_have_minisign())
		return FALSE;
	f->dir = ym_test_make_tmpdir();
	ym_test_minisign_keygen(f->dir, "test");
	f->pub = g_build_filename(f->dir, "test.pub", NULL);
	f->key = g_build_filename(f->dir, "test.key", NULL);
	f->packaged = packaged_version();
	g_assert_cmpuint(f->packaged, >, 2026000000);
	return TRUE;
}

static void
test_usage(void)
{
	{
		g_auto(YmTestRun) r = {0};
		run_ctl(&r, NULL);
		g_assert_cmpint(r.status, ==, 2);
		g_assert_true(g_str_has_prefix(r.err, "Usage: yamorictl COMMAND"));
	}
	{
		g_auto(YmTestRun) r = {0};
		run_ctl(&r, "--help", NULL);
		g_assert_cmpint(r.status, ==, 0);
		g_assert_nonnull(strstr(r.out, "  signatures   Install signed signature updates"));
	}
	{
		g_auto(YmTestRun) r = {0};
		run_ctl(&r, "frobnicate", NULL);
		g_assert_cmpint(r.status, ==, 2);
		g_assert_cmpstr(
		    r.err, ==, "yamorictl: unknown command \"frobnicate\"; see yamorictl --help\n");
	}
	{
		g_auto(YmTestRun) r = {0};
		run_ctl(&r, "signatures", NULL);
		g_assert_cmpint(r.status, ==, 2);
		g_assert_true(
		    g_str_has_prefix(r.err, "Usage:\n  yamorictl signatures install BUNDLE"));
	}
	{
		g_auto(YmTestRun) r = {0};
		run_ctl(&r, "signatures", "remove", NULL);
		g_assert_cmpint(r.status, ==, 2);
		g_assert_nonnull(strstr(r.err, "unknown signatures command \"remove\""));
	}
	{
		g_auto(YmTestRun) r = {0};
		run_ctl(&r, "signatures", "install", NULL);
		g_assert_cmpint(r.status, ==, 2);
		g_assert_cmpstr(r.err, ==, "yamorictl: give exactly one bundle file\n");
	}
	{
		g_auto(YmTestRun) r = {0};
		run_ctl(&r, "signatures", "install", "a.tar", "--colour", NULL);
		g_assert_cmpint(r.status, ==, 2);
		g_assert_nonnull(strstr(r.err, "--colour"));
	}
	{
		g_auto(YmTestRun) r = {0};
		run_ctl(&r, "signatures", "status", "extra", NULL);
		g_assert_cmpint(r.status, ==, 2);
		g_assert_cmpstr(r.err, ==, "yamorictl: status takes no file\n");
	}
}

static void
test_install_status(void)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *state = NULL;
	g_autofree gchar *bundle = NULL;
	g_autofree gchar *expected = NULL;
	g_autofree gchar *listing = NULL;
	g_autofree gchar *packaged_id = NULL;
	g_autofree gchar *packaged_pub = NULL;
	guint64 version;

	if (!fixture_init(&f))
		return;
	state = g_build_filename(f.dir, "state", NULL);
	{
		g_auto(YmTestRun) r = {0};
		run_ctl(&r, "signatures", "status", "--state-dir", state, NULL);
		g_assert_cmpint(r.status, ==, 0);
		expected = g_strdup_printf("Active signatures: the set packaged with Yamori\n"
		                           "Version: %" G_GUINT64_FORMAT "\nPath: %s\n",
		                           f.packaged, g_getenv("YM_SIGNATURES_DIR"));
		g_assert_cmpstr(r.out, ==, expected);
	}

	version = f.packaged + 1;
	bundle = make_bundle(f.dir, f.key, version, NULL);
	/* the script ships data only: no keys, build files or scripts */
	{
		const gchar *argv[] = {"tar", "-tf", bundle, NULL};
		listing = ym_test_run(argv);
		g_assert_nonnull(strstr(listing, "VERSION\n"));
		g_assert_nonnull(strstr(listing, "fingerprints/10-roles.rules\n"));
		g_assert_nonnull(strstr(listing, "credentials/10-mirai.list\n"));
		g_assert_nonnull(strstr(listing, "blocklists/test-domains.list\n"));
		g_assert_null(strstr(listing, "keys"));
		g_assert_null(strstr(listing, "meson.build"));
		g_assert_null(strstr(listing, ".py"));
	}
	{
		g_auto(YmTestRun) r = {0};
		g_free(expected);
		expected = g_strdup_printf("Installed signatures version %" G_GUINT64_FORMAT ".\n"
		                           "Reload the daemon to use them: systemctl reload "
		                           "yamorid\n",
		                           version);
		run_ctl(&r, "signatures", "install", bundle, "--state-dir", state, "--trusted-key",
		        f.pub, NULL);
		g_assert_cmpstr(r.err, ==, "");
		g_assert_cmpint(r.status, ==, 0);
		g_assert_cmpstr(r.out, ==, expected);
	}
	{
		g_auto(YmTestRun) r = {0};
		g_free(expected);
		expected = g_strdup_printf("Active signatures: the installed bundle\n"
		                           "Version: %" G_GUINT64_FORMAT
		                           "\nPath: %s/signatures-%" G_GUINT64_FORMAT "\n",
		                           version, state, version);
		run_ctl(&r, "signatures", "status", "--state-dir", state, NULL);
		g_assert_cmpint(r.status, ==, 0);
		g_assert_cmpstr(r.out, ==, expected);
	}

	/* refusals: exit 1 and the reason */
	{
		g_auto(YmTestRun) r = {0};
		run_ctl(&r, "signatures", "install", bundle, "--state-dir", state, "--trusted-key",
		        f.pub, NULL);
		g_assert_cmpint(r.status, ==, 1);
		g_assert_true(g_str_has_prefix(r.err, "yamorictl: the bundle was not installed: "));
		g_assert_nonnull(strstr(r.err, "is already active"));
		g_assert_cmpstr(r.out, ==, "");
	}
	{
		g_auto(YmTestRun) r = {0};
		g_autofree gchar *missing = g_build_filename(f.dir, "none.minisig", NULL);
		run_ctl(&r, "signatures", "install", bundle, "--signature", missing, "--state-dir",
		        state, "--trusted-key", f.pub, NULL);
		g_assert_cmpint(r.status, ==, 1);
		g_assert_nonnull(strstr(r.err, "the bundle is not signed"));
	}
	{
		/* without --trusted-key only the project's key is trusted */
		g_auto(YmTestRun) r = {0};
		g_autofree gchar *newer = make_bundle(f.dir, f.key, version + 1, NULL);
		packaged_pub = g_build_filename(SRCDIR, "..", "signatures", "keys",
		                                "yamori-signatures-2026.pub", NULL);
		packaged_id = ym_test_minisign_key_id(packaged_pub);
		g_free(expected);
		expected = g_strdup_printf("but the trusted key is %s\n", packaged_id);
		run_ctl(&r, "signatures", "install", newer, "--state-dir", state, NULL);
		g_assert_cmpint(r.status, ==, 1);
		g_assert_true(g_str_has_suffix(r.err, expected));
	}
}

static JsonArray *
alerts_of(const gchar *report, JsonParser *parser)
{
	g_autoptr(GError) error = NULL;
	g_assert_true(json_parser_load_from_data(parser, report, -1, &error));
	g_assert_no_error(error);
	return json_object_get_array_member(json_node_get_object(json_parser_get_root(parser)),
	                                    "alerts");
}

static JsonObject *
find_alert(JsonArray *alerts, const gchar *type, const gchar *key)
{
	for (guint i = 0; i < json_array_get_length(alerts); i++) {
		JsonObject *alert = json_array_get_object_element(alerts, i);
		if (g_strcmp0(json_object_get_string_member(alert, "type"), type) == 0 &&
		    g_strcmp0(json_object_get_string_member(alert, "key"), key) == 0)
			return alert;
	}
	return NULL;
}

/* a bundle whose block list adds a domain of the capture: yamorid --read
 * raises the alert only once the bundle is installed */
static void
test_daemon_uses_bundle(void)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *capture = NULL;
	g_autofree gchar *state = NULL;
	g_autofree gchar *source = NULL;
	g_autofree gchar *extra = NULL;
	g_autofree gchar *bundle = NULL;
	g_autofree gchar *message = NULL;
	guint64 version;

	if (!fixture_init(&f))
		return;
	/* the clean home, one minute: its NAS (00:11:32:9e:41:d7, 192.168.10.2)
	 * looks up update7.synology.com and checkip.synology.com (tshark -Y
	 * 'dns.flags.response == 0' -T fields -e eth.src -e dns.qry.name) */
	capture = g_build_filename(f.dir, "home.pcapng", NULL);
	{
		const gchar *argv[] = {g_getenv("YAMORI_GEN"),
		                       "demo",
		                       "--scenes=none",
		                       "--minutes",
		                       "1",
		                       capture,
		                       NULL};
		g_free(ym_test_run(argv));
	}
	state = g_build_filename(f.dir, "state", NULL);
	g_assert_cmpint(g_mkdir(state, 0700), ==, 0);
	{
		g_auto(YmTestRun) r = {0};
		g_autoptr(JsonParser) parser = json_parser_new();
		run_yamorid(&r, "--read", capture, "--state-dir", state, "--report", "json", NULL);
		g_assert_cmpint(r.status, ==, 0);
		message = g_strdup_printf(
		    "using the packaged signatures, version %" G_GUINT64_FORMAT ", in %s\n",
		    f.packaged, g_getenv("YM_SIGNATURES_DIR"));
		g_assert_nonnull(strstr(r.err, message));
		g_assert_null(find_alert(alerts_of(r.out, parser), "malicious_server_contact",
		                         "domain:synology.com"));
	}

	/* the maintainer adds a list and ships version packaged+1 */
	source = g_build_filename(f.dir, "source", NULL);
	{
		g_autofree gchar *q_src = g_shell_quote(g_getenv("YM_SIGNATURES_DIR"));
		g_autofree gchar *q_dst = g_shell_quote(source);
		g_autofree gchar *cmd = g_strdup_printf("cp -r %s %s", q_src, q_dst);
		const gchar *argv[] = {"sh", "-c", cmd, NULL};
		g_free(ym_test_run(argv));
	}
	extra = g_build_filename(source, "blocklists", "50-bundle-test.list", NULL);
	g_file_set_contents(extra, "domain synology.com source=\"yamori bundle test\"\n", -1, NULL);
	version = f.packaged + 1;
	bundle = make_bundle(f.dir, f.key, version, source);
	{
		g_auto(YmTestRun) r = {0};
		run_ctl(&r, "signatures", "install", bundle, "--state-dir", state, "--trusted-key",
		        f.pub, NULL);
		g_assert_cmpint(r.status, ==, 0);
	}
	{
		g_auto(YmTestRun) r = {0};
		g_autoptr(JsonParser) parser = json_parser_new();
		JsonObject *alert, *evidence;
		run_yamorid(&r, "--read", capture, "--state-dir", state, "--report", "json", NULL);
		g_assert_cmpint(r.status, ==, 0);
		g_free(message);
		message =
		    g_strdup_printf("using the installed signatures, version %" G_GUINT64_FORMAT
		                    ", in %s/signatures-%" G_GUINT64_FORMAT "\n",
		                    version, state, version);
		g_assert_nonnull(strstr(r.err, message));
		alert = find_alert(alerts_of(r.out, parser), "malicious_server_contact",
		                   "domain:synology.com");
		g_assert_nonnull(alert);
		g_assert_cmpstr(json_object_get_string_member(alert, "device"), ==,
		                "00:11:32:9e:41:d7");
		evidence = json_object_get_object_member(alert, "evidence");
		g_assert_cmpstr(json_object_get_string_member(evidence, "list"), ==,
		                "50-bundle-test.list:1");
		g_assert_cmpstr(json_object_get_string_member(evidence, "source"), ==,
		                "yamori bundle test");
	}
	/* --signatures-dir still wins over the installed bundle */
	{
		g_auto(YmTestRun) r = {0};
		run_yamorid(&r, "--read", capture, "--state-dir", state, "--signatures-dir",
		            g_getenv("YM_SIGNATURES_DIR"), NULL);
		g_assert_cmpint(r.status, ==, 0);
		g_free(message);
		message = g_strdup_printf("using the signatures in %s, version %" G_GUINT64_FORMAT,
		                          g_getenv("YM_SIGNATURES_DIR"), f.packaged);
		g_assert_nonnull(strstr(r.err, message));
	}
}

/* the running daemon takes up a bundle installed after it started on SIGHUP */
static void
test_sighup_takes_bundle(void)
{
	g_auto(Fixture) f = {0};
	g_autofree gchar *state = NULL;
	g_autofree gchar *bundle = NULL;
	g_autofree gchar *out = NULL;
	g_autofree gchar *err = NULL;
	g_autofree gchar *message = NULL;
	g_autoptr(GSubprocess) proc = NULL;
	g_autoptr(GError) error = NULL;
	guint64 version;

	if (getuid() != 0) {
		g_test_skip("needs root to open a capture");
		return;
	}
	if (!fixture_init(&f))
		return;
	/* the daemon drops to nobody: it must reach the state folder */
	g_assert_cmpint(chmod(f.dir, 0755), ==, 0);
	state = g_build_filename(f.dir, "state", NULL);
	g_assert_cmpint(g_mkdir(state, 0777), ==, 0);
	g_assert_cmpint(chmod(state, 0777), ==, 0);
	version = f.packaged + 1;
	bundle = make_bundle(f.dir, f.key, version, NULL);
	{
		const gchar *argv[] = {
		    g_getenv("YAMORID"), "--interface", "lo",           "--user", "nobody",
		    "--state-dir",       state,         "--timed-exit", "4",      NULL};
		proc = g_subprocess_newv(
		    argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
		g_assert_no_error(error);
	}
	g_usleep(1500 * 1000);
	{
		g_auto(YmTestRun) r = {0};
		run_ctl(&r, "signatures", "install", bundle, "--state-dir", state, "--trusted-key",
		        f.pub, NULL);
		g_assert_cmpint(r.status, ==, 0);
	}
	g_subprocess_send_signal(proc, SIGHUP);
	g_subprocess_communicate_utf8(proc, NULL, NULL, &out, &err, &error);
	g_assert_no_error(error);
	g_assert_true(g_subprocess_get_if_exited(proc));
	g_assert_cmpint(g_subprocess_get_exit_status(proc), ==, 0);
	message = g_strdup_printf("using the packaged signatures, version %" G_GUINT64_FORMAT,
	                          f.packaged);
	g_assert_nonnull(strstr(err, message));
	g_free(message);
	message = g_strdup_printf("rules reloaded from %s/signatures-%" G_GUINT64_FORMAT
	                          " (version %" G_GUINT64_FORMAT ")",
	                          state, version, version);
	g_assert_nonnull(strstr(err, message));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/yamorictl/usage", test_usage);
	g_test_add_func("/ym/yamorictl/install-status", test_install_status);
	g_test_add_func("/ym/yamorictl/daemon-uses-bundle", test_daemon_uses_bundle);
	g_test_add_func("/ym/yamorictl/sighup-takes-bundle", test_sighup_takes_bundle);
	return g_test_run();
}
