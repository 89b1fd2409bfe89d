/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ym-device.h"

G_BEGIN_DECLS

#define YM_TYPE_FINGERPRINTS (ym_fingerprints_get_type())
G_DECLARE_FINAL_TYPE(YmFingerprints, ym_fingerprints, YM, FINGERPRINTS, GObject)

typedef struct {
	const gchar *kind;     /* from the fixed vocabulary, never NULL */
	guint kind_confidence; /* 0-100 */
	gchar *os;
	guint os_confidence;
	gchar *model;
	guint model_confidence;
	gchar *firmware;
	guint firmware_confidence;
} YmClassification;

void
ym_classification_clear(YmClassification *classification);

YmFingerprints *
ym_fingerprints_new(void);
/* loads every *.rules file in @dir, replacing the current rules only when
 * all of them parse; errors name the file and line */
gboolean
ym_fingerprints_load_dir(YmFingerprints *self, const gchar *dir, GError **error);
/* parses rules from memory (tests, fuzzing) and replaces the current rules */
gboolean
ym_fingerprints_load_data(YmFingerprints *self,
                          const gchar *name,
                          const gchar *data,
                          gsize length,
                          GError **error);
guint
ym_fingerprints_get_size(YmFingerprints *self);
void
ym_fingerprints_classify(YmFingerprints *self,
                         const YmDevice *device,
                         YmClassification *classification);
/* TRUE when @kind is in the fixed vocabulary; returns the interned string */
const gchar *
ym_device_kind_intern(const gchar *kind);

G_END_DECLS
