/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* one captured frame, valid only during the callback */
typedef struct {
	const guint8 *data;
	guint32 caplen;
	guint32 wirelen;
	guint32 linktype;
	gint64 ts_usec;
	guint64 number; /* 1-based within its source */
} YmFrame;

typedef void (*YmFrameFunc)(const YmFrame *frame, gpointer user_data);

#define YM_TYPE_CAPTURE_SOURCE (ym_capture_source_get_type())
G_DECLARE_DERIVABLE_TYPE(YmCaptureSource, ym_capture_source, YM, CAPTURE_SOURCE, GObject)

struct _YmCaptureSourceClass {
	GObjectClass parent_class;
	/* deliver up to @max frames; returns how many, 0 at the end (files) or
	 * when nothing is waiting (live), -1 with @error set on failure */
	gint (*dispatch)(YmCaptureSource *self,
	                 guint max,
	                 YmFrameFunc func,
	                 gpointer user_data,
	                 GError **error);
	gboolean (*is_finished)(YmCaptureSource *self);
};

gint
ym_capture_source_dispatch(YmCaptureSource *self,
                           guint max,
                           YmFrameFunc func,
                           gpointer user_data,
                           GError **error);
gboolean
ym_capture_source_is_finished(YmCaptureSource *self);
const gchar *
ym_capture_source_get_name(YmCaptureSource *self);
void
ym_capture_source_set_name(YmCaptureSource *self, const gchar *name);

G_END_DECLS
