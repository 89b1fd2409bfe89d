/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ym-capture-source.h"

G_BEGIN_DECLS

#define YM_TYPE_CAPTURE_FILE (ym_capture_file_get_type())
G_DECLARE_FINAL_TYPE(YmCaptureFile, ym_capture_file, YM, CAPTURE_FILE, YmCaptureSource)

/* opens and checks the file header; errors name the file */
YmCaptureFile *
ym_capture_file_new(const gchar *path, GError **error);
/* open from memory (fuzzing and tests); @data must outlive the object */
YmCaptureFile *
ym_capture_file_new_from_data(const gchar *name, const guint8 *data, gsize length, GError **error);
/* a warning about the file, such as a last packet cut short, or NULL */
const gchar *
ym_capture_file_get_warning(YmCaptureFile *self);
guint64
ym_capture_file_get_bytes_read(YmCaptureFile *self);
gboolean
ym_capture_file_is_pcapng(YmCaptureFile *self);

G_END_DECLS
