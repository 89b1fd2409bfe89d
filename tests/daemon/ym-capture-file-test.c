/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "ym-capture-file.h"
#include "ym-error.h"
#include "ym-test-common.h"

typedef struct {
	guint count;
	guint32 caplens[16];
	guint32 linktypes[16];
	gint64 ts[16];
	guint64 numbers[16];
	guint8 first_bytes[16];
} Collected;

static void
collect(const YmFrame *frame, gpointer user_data)
{
	Collected *c = user_data;
	if (c->count < 16) {
		c->caplens[c->count] = frame->caplen;
		c->linktypes[c->count] = frame->linktype;
		c->ts[c->count] = frame->ts_usec;
		c->numbers[c->count] = frame->number;
		c->first_bytes[c->count] = frame->caplen > 0 ? frame->data[0] : 0;
	}
	c->count++;
}

static void
put32le(GByteArray *a, guint32 v)
{
	guint8 b[4] = {v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24};
	g_byte_array_append(a, b, 4);
}

static void
put16le(GByteArray *a, guint16 v)
{
	guint8 b[2] = {v & 0xff, v >> 8};
	g_byte_array_append(a, b, 2);
}

static void
put32be(GByteArray *a, guint32 v)
{
	guint8 b[4] = {v >> 24, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
	g_byte_array_append(a, b, 4);
}

/* a classic pcap with @n records of 60 bytes, byte i of record r = r */
static GByteArray *
make_pcap(guint n, gboolean big_endian, gboolean nanoseconds)
{
	GByteArray *a = g_byte_array_new();
	void (*put32)(GByteArray *, guint32) = big_endian ? put32be : put32le;
	put32(a, nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4);
	if (big_endian) {
		guint8 v[4] = {0, 2, 0, 4};
		g_byte_array_append(a, v, 4);
	} else {
		put16le(a, 2);
		put16le(a, 4);
	}
	put32(a, 0);
	put32(a, 0);
	put32(a, 65535);
	put32(a, 1);
	for (guint r = 0; r < n; r++) {
		guint8 data[60];
		memset(data, (gint) (r + 1), sizeof(data));
		put32(a, 1700000000 + r);
		put32(a, nanoseconds ? 500000000 : 500000);
		put32(a, 60);
		put32(a, 60);
		g_byte_array_append(a, data, 60);
	}
	return a;
}

static void
put_block(GByteArray *a, guint32 type, const guint8 *body, guint32 body_len)
{
	guint32 padded = (body_len + 3) & ~3u;
	guint8 zero[4] = {0};
	put32le(a, type);
	put32le(a, 12 + padded);
	g_byte_array_append(a, body, body_len);
	g_byte_array_append(a, zero, padded - body_len);
	put32le(a, 12 + padded);
}

/* pcapng: SHB, IDB ethernet (usec), IDB raw with if_tsresol 10^-9, EPBs */
static GByteArray *
make_pcapng(void)
{
	GByteArray *a = g_byte_array_new();
	g_autoptr(GByteArray) body = g_byte_array_new();
	guint8 data[42];

	/* SHB */
	put32le(body, 0x1a2b3c4d);
	put16le(body, 1);
	put16le(body, 0);
	put32le(body, 0xffffffff);
	put32le(body, 0xffffffff);
	put_block(a, 0x0a0d0d0a, body->data, body->len);
	/* IDB 0: ethernet */
	g_byte_array_set_size(body, 0);
	put16le(body, 1);
	put16le(body, 0);
	put32le(body, 262144);
	put_block(a, 1, body->data, body->len);
	/* IDB 1: raw IP, nanoseconds */
	g_byte_array_set_size(body, 0);
	put16le(body, 101);
	put16le(body, 0);
	put32le(body, 0);
	put16le(body, 9);
	put16le(body, 1);
	{
		guint8 opt[4] = {9, 0, 0, 0};
		g_byte_array_append(body, opt, 4);
	}
	put16le(body, 0);
	put16le(body, 0);
	put_block(a, 1, body->data, body->len);
	/* EPB on interface 1: ts = 1.5 s in ns ticks */
	g_byte_array_set_size(body, 0);
	put32le(body, 1);
	put32le(body, 0);
	put32le(body, 1500000000u);
	put32le(body, 42);
	put32le(body, 100);
	memset(data, 0x45, sizeof(data));
	g_byte_array_append(body, data, 42);
	put_block(a, 6, body->data, body->len);
	/* an unknown block type is skipped */
	g_byte_array_set_size(body, 0);
	put32le(body, 0xdeadbeef);
	put_block(a, 0x0bad, body->data, body->len);
	/* EPB on interface 0, 1 s + 250 us */
	g_byte_array_set_size(body, 0);
	put32le(body, 0);
	put32le(body, 0);
	put32le(body, 1000250);
	put32le(body, 41);
	put32le(body, 41);
	memset(data, 0x11, sizeof(data));
	g_byte_array_append(body, data, 41);
	put_block(a, 6, body->data, body->len);
	return a;
}

static gint
read_all(YmCaptureFile *file, Collected *c, GError **error)
{
	gint total = 0;
	for (;;) {
		gint n = ym_capture_source_dispatch(YM_CAPTURE_SOURCE(file), 3, collect, c, error);
		if (n < 0)
			return -1;
		total += n;
		if (n == 0)
			return total;
	}
}

static YmCaptureFile *
open_bytes(GByteArray *a, GError **error)
{
	return ym_capture_file_new_from_data("mem.pcap", a->data, a->len, error);
}

static void
test_pcap_variants(void)
{
	for (guint variant = 0; variant < 4; variant++) {
		g_autoptr(GByteArray) a = make_pcap(5, variant & 1, variant & 2);
		g_autoptr(GError) error = NULL;
		g_autoptr(YmCaptureFile) file = open_bytes(a, &error);
		Collected c = {0};
		g_assert_no_error(error);
		g_assert_nonnull(file);
		g_assert_cmpint(read_all(file, &c, &error), ==, 5);
		g_assert_no_error(error);
		g_assert_cmpuint(c.count, ==, 5);
		g_assert_cmpuint(c.caplens[4], ==, 60);
		g_assert_cmpuint(c.first_bytes[2], ==, 3);
		g_assert_cmpuint(c.numbers[4], ==, 5);
		g_assert_cmpint(c.ts[1], ==, (gint64) 1700000001 * G_USEC_PER_SEC + 500000);
		g_assert_cmpuint(c.linktypes[0], ==, 1);
		g_assert_null(ym_capture_file_get_warning(file));
	}
}

static void
test_pcapng(void)
{
	g_autoptr(GByteArray) a = make_pcapng();
	g_autoptr(GError) error = NULL;
	g_autoptr(YmCaptureFile) file = open_bytes(a, &error);
	Collected c = {0};
	g_assert_no_error(error);
	g_assert_true(ym_capture_file_is_pcapng(file));
	g_assert_cmpint(read_all(file, &c, &error), ==, 2);
	g_assert_no_error(error);
	g_assert_cmpuint(c.linktypes[0], ==, 101);
	g_assert_cmpuint(c.caplens[0], ==, 42);
	g_assert_cmpint(c.ts[0], ==, 1500000);
	g_assert_cmpuint(c.linktypes[1], ==, 1);
	g_assert_cmpuint(c.caplens[1], ==, 41);
	g_assert_cmpint(c.ts[1], ==, 1000250);
	g_assert_cmpuint(c.numbers[1], ==, 2);
}

static void
test_empty_and_garbage(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(YmCaptureFile) file =
	    ym_capture_file_new_from_data("empty.pcap", (const guint8 *) "", 0, &error);
	g_assert_null(file);
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_nonnull(strstr(error->message, "empty.pcap"));
	g_assert_nonnull(strstr(error->message, "empty"));
	g_clear_error(&error);

	file = ym_capture_file_new_from_data(
	    "notes.txt", (const guint8 *) "hello world, no capture", 23, &error);
	g_assert_null(file);
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_nonnull(strstr(error->message, "notes.txt: not a pcap or pcapng"));
	g_clear_error(&error);

	/* a pcap magic with a cut global header */
	{
		g_autoptr(GByteArray) a = make_pcap(0, FALSE, FALSE);
		file = ym_capture_file_new_from_data("short.pcap", a->data, 10, &error);
		g_assert_null(file);
		g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
		g_assert_nonnull(strstr(error->message, "truncated pcap file header"));
	}
}

static void
test_truncated_record_header(void)
{
	g_autoptr(GByteArray) a = make_pcap(3, FALSE, FALSE);
	g_autoptr(GError) error = NULL;
	g_autoptr(YmCaptureFile) file = NULL;
	Collected c = {0};
	/* two full records and 7 bytes of the third header */
	file = ym_capture_file_new_from_data("cut.pcap", a->data, 24 + 2 * 76 + 7, &error);
	g_assert_no_error(error);
	g_assert_cmpint(read_all(file, &c, &error), ==, -1);
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_nonnull(strstr(error->message, "cut.pcap"));
	g_assert_nonnull(strstr(error->message, "packet 3"));
	g_assert_nonnull(strstr(error->message, "offset 176"));
	g_assert_cmpuint(c.count, ==, 2);
}

static void
test_cut_last_packet(void)
{
	g_autoptr(GByteArray) a = make_pcap(3, FALSE, FALSE);
	g_autoptr(GError) error = NULL;
	g_autoptr(YmCaptureFile) file = NULL;
	Collected c = {0};
	/* the third record has its header and 25 of 60 bytes */
	file = ym_capture_file_new_from_data("cut.pcap", a->data, 24 + 2 * 76 + 16 + 25, &error);
	g_assert_no_error(error);
	g_assert_cmpint(read_all(file, &c, &error), ==, 3);
	g_assert_no_error(error);
	g_assert_cmpuint(c.caplens[2], ==, 25);
	g_assert_cmpuint(c.first_bytes[2], ==, 3);
	g_assert_nonnull(ym_capture_file_get_warning(file));
	g_assert_nonnull(strstr(ym_capture_file_get_warning(file), "packet 3"));
	g_assert_nonnull(strstr(ym_capture_file_get_warning(file), "25 of 60 bytes"));
}

static void
test_cut_last_pcapng_block(void)
{
	g_autoptr(GByteArray) a = make_pcapng();
	g_autoptr(GError) error = NULL;
	g_autoptr(YmCaptureFile) file = NULL;
	Collected c = {0};
	/* drop the last 20 bytes: trailer (4), padding (3) and 13 of 41 data bytes */
	file = ym_capture_file_new_from_data("cut.pcapng", a->data, a->len - 20, &error);
	g_assert_no_error(error);
	g_assert_cmpint(read_all(file, &c, &error), ==, 2);
	g_assert_no_error(error);
	g_assert_cmpuint(c.caplens[1], ==, 41 - 13);
	g_assert_nonnull(strstr(ym_capture_file_get_warning(file), "packet 2"));
}

static void
test_corrupt_caplen(void)
{
	g_autoptr(GByteArray) a = make_pcap(3, FALSE, FALSE);
	g_autoptr(GError) error = NULL;
	g_autoptr(YmCaptureFile) file = NULL;
	Collected c = {0};
	/* second record's caplen = 0x7fffffff */
	a->data[24 + 76 + 8] = 0xff;
	a->data[24 + 76 + 9] = 0xff;
	a->data[24 + 76 + 10] = 0xff;
	a->data[24 + 76 + 11] = 0x7f;
	file = open_bytes(a, &error);
	g_assert_no_error(error);
	g_assert_cmpint(read_all(file, &c, &error), ==, -1);
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_nonnull(strstr(error->message, "corrupt record header of packet 2"));
	g_assert_nonnull(strstr(error->message, "offset 100"));
}

static void
test_corrupt_pcapng_block(void)
{
	g_autoptr(GByteArray) a = make_pcapng();
	g_autoptr(GError) error = NULL;
	g_autoptr(YmCaptureFile) file = NULL;
	Collected c = {0};
	/* the first IDB starts at 28: make its length 13 (not a multiple of 4) */
	a->data[28 + 4] = 13;
	file = open_bytes(a, &error);
	g_assert_no_error(error);
	g_assert_cmpint(read_all(file, &c, &error), ==, -1);
	g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
	g_assert_nonnull(strstr(error->message, "corrupt block at offset 28"));
}

static void
test_missing_and_folder(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(YmCaptureFile) file = ym_capture_file_new("/nonexistent/x.pcap", &error);
	g_assert_null(file);
	g_assert_error(error, YM_ERROR, YM_ERROR_NOT_FOUND);
	g_assert_nonnull(strstr(error->message, "/nonexistent/x.pcap"));
	g_clear_error(&error);
	file = ym_capture_file_new("/tmp", &error);
	g_assert_null(file);
	g_assert_error(error, YM_ERROR, YM_ERROR_READ);
}

/* a file larger than the read buffer, read from disk */
static void
test_large_file(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autofree gchar *path = g_build_filename(dir, "big.pcap", NULL);
	g_autoptr(GByteArray) a = g_byte_array_new();
	g_autoptr(GError) error = NULL;
	g_autoptr(YmCaptureFile) file = NULL;
	guint8 data[1500];
	guint count = 0;
	guint64 sum = 0;
	const guint n = 8000;

	put32le(a, 0xa1b2c3d4);
	put16le(a, 2);
	put16le(a, 4);
	put32le(a, 0);
	put32le(a, 0);
	put32le(a, 65535);
	put32le(a, 1);
	for (guint r = 0; r < n; r++) {
		guint32 len = 60 + (r * 7919) % 1440;
		put32le(a, r);
		put32le(a, 0);
		put32le(a, len);
		put32le(a, len);
		memset(data, r & 0xff, len);
		g_byte_array_append(a, data, len);
	}
	g_file_set_contents(path, (const gchar *) a->data, a->len, &error);
	g_assert_no_error(error);
	file = ym_capture_file_new(path, &error);
	g_assert_no_error(error);
	for (;;) {
		Collected c = {0};
		gint got =
		    ym_capture_source_dispatch(YM_CAPTURE_SOURCE(file), 16, collect, &c, &error);
		g_assert_no_error(error);
		g_assert_cmpint(got, >=, 0);
		for (guint i = 0; i < (guint) got; i++) {
			g_assert_cmpuint(c.caplens[i], ==, 60 + ((count + i) * 7919) % 1440);
			g_assert_cmpuint(c.first_bytes[i], ==, (count + i) & 0xff);
			sum += c.caplens[i];
		}
		count += (guint) got;
		if (got == 0)
			break;
	}
	g_assert_cmpuint(count, ==, n);
	g_assert_cmpuint(ym_capture_file_get_bytes_read(file), ==, a->len);
	g_assert_cmpuint(sum + 24 + 16 * n, ==, a->len);
	ym_test_rm_rf(dir);
}

/* real captures: counts from capinfos */
static void
test_real_captures(void)
{
	const struct {
		const gchar *name;
		guint packets;
		guint32 linktype;
	} cases[] = {
	    {"zeek-dhcp.pcap", 9, 1},
	    {"ndpi-sonos.pcapng", 61, 1},
	    {"zeek-http-basic-auth-with-colon.pcap", 12, 228}, /* LINKTYPE_IPV4 */
	    {"ndpi-alexa-app-android.pcapng", 3103, 1},
	    {"suricata-verify-win7-home-browsing.pcap", 1143, 1},
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *path = ym_test_shared_pcap(cases[i].name);
		g_autoptr(GError) error = NULL;
		g_autoptr(YmCaptureFile) file = NULL;
		Collected c = {0};
		if (path == NULL)
			return;
		file = ym_capture_file_new(path, &error);
		g_assert_no_error(error);
		g_assert_cmpint(read_all(file, &c, &error), ==, (gint) cases[i].packets);
		g_assert_no_error(error);
		g_assert_cmpuint(c.linktypes[0], ==, cases[i].linktype);
		g_assert_null(ym_capture_file_get_warning(file));
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/capture-file/pcap-variants", test_pcap_variants);
	g_test_add_func("/ym/capture-file/pcapng", test_pcapng);
	g_test_add_func("/ym/capture-file/empty-and-garbage", test_empty_and_garbage);
	g_test_add_func("/ym/capture-file/truncated-record-header", test_truncated_record_header);
	g_test_add_func("/ym/capture-file/cut-last-packet", test_cut_last_packet);
	g_test_add_func("/ym/capture-file/cut-last-pcapng-block", test_cut_last_pcapng_block);
	g_test_add_func("/ym/capture-file/corrupt-caplen", test_corrupt_caplen);
	g_test_add_func("/ym/capture-file/corrupt-pcapng-block", test_corrupt_pcapng_block);
	g_test_add_func("/ym/capture-file/missing-and-folder", test_missing_and_folder);
	g_test_add_func("/ym/capture-file/large-file", test_large_file);
	g_test_add_func("/ym/capture-file/real-captures", test_real_captures);
	return g_test_run();
}
