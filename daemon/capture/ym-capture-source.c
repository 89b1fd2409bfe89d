/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "YmCaptureSource"

#include "config.h"

#include "ym-capture-source.h"

typedef struct {
	gchar *name;
} YmCaptureSourcePrivate;

G_DEFINE_TYPE_WITH_PRIVATE(YmCaptureSource, ym_capture_source, G_TYPE_OBJECT)

gint
ym_capture_source_dispatch(YmCaptureSource *self,
                           guint max,
                           YmFrameFunc func,
                           gpointer user_data,
                           GError **error)
{
	YmCaptureSourceClass *klass;
	g_return_val_if_fail(YM_IS_CAPTURE_SOURCE(self), -1);
	klass = YM_CAPTURE_SOURCE_GET_CLASS(self);
	g_return_val_if_fail(klass->dispatch != NULL, -1);
	return klass->dispatch(self, max, func, user_data, error);
}

gboolean
ym_capture_source_is_finished(YmCaptureSource *self)
{
	YmCaptureSourceClass *klass;
	g_return_val_if_fail(YM_IS_CAPTURE_SOURCE(self), TRUE);
	klass = YM_CAPTURE_SOURCE_GET_CLASS(self);
	if (klass->is_finished == NULL)
		return FALSE;
	return klass->is_finished(self);
}

const gchar *
ym_capture_source_get_name(YmCaptureSource *self)
{
	YmCaptureSourcePrivate *priv = ym_capture_source_get_instance_private(self);
	g_return_val_if_fail(YM_IS_CAPTURE_SOURCE(self), NULL);
	return priv->name;
}

void
ym_capture_source_set_name(YmCaptureSource *self, const gchar *name)
{
	YmCaptureSourcePrivate *priv = ym_capture_source_get_instance_private(self);
	g_return_if_fail(YM_IS_CAPTURE_SOURCE(self));
	g_free(priv->name);
	priv->name = g_strdup(name);
}

static void
ym_capture_source_finalize(GObject *object)
{
	YmCaptureSource *self = YM_CAPTURE_SOURCE(object);
	YmCaptureSourcePrivate *priv = ym_capture_source_get_instance_private(self);
	g_free(priv->name);
	G_OBJECT_CLASS(ym_capture_source_parent_class)->finalize(object);
}

static void
ym_capture_source_class_init(YmCaptureSourceClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->finalize = ym_capture_source_finalize;
}

static void
ym_capture_source_init(YmCaptureSource *self)
{
}
