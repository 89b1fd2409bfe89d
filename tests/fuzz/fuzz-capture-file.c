/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* capture files from memory through the reader and the frame decoder */

#include "config.h"

#include <stdint.h>

#include "ym-capture-file.h"
#include "ym-decode.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
on_frame(const YmFrame *frame, gpointer user_data)
{
	YmPacket *packet = user_data;
	ym_decode_frame(packet, frame->linktype, frame->data, frame->caplen, frame->wirelen);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static YmPacket packet;
	g_autoptr(GError) error = NULL;
	g_autoptr(YmCaptureFile) file =
	    ym_capture_file_new_from_data("fuzz.pcap", data, size, &error);
	if (file == NULL)
		return 0;
	for (guint i = 0; i < 100000; i++) {
		gint n = ym_capture_source_dispatch(YM_CAPTURE_SOURCE(file), 64, on_frame, &packet,
		                                    &error);
		if (n <= 0)
			break;
	}
	return 0;
}
