/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define YM_TYPE_GUIDANCE (ym_guidance_get_type())
G_DECLARE_FINAL_TYPE(YmGuidance, ym_guidance, YM, GUIDANCE, GObject)

/**
 * YmGuidanceTopic:
 *
 * One topic of the guidance catalogue: an alert type's title, the plain
 * reason it matters, and the steps to take, in Japanese and English.
 */
typedef struct _YmGuidanceTopic YmGuidanceTopic;

/**
 * ym_guidance_new:
 *
 * Returns: (transfer full): an empty catalogue
 */
YmGuidance *
ym_guidance_new(void);

/**
 * ym_guidance_load_dir:
 * @self: a #YmGuidance
 * @dir: the folder of topic files (`data/guidance/`)
 * @error: the file and field that are wrong
 *
 * Loads every `<topic>.json` file, checking that each has a valid severity
 * and a title, a reason and 3 to 7 steps in both languages.
 *
 * Returns: %TRUE when every file loaded
 */
gboolean
ym_guidance_load_dir(YmGuidance *self, const gchar *dir, GError **error);

/**
 * ym_guidance_lookup:
 * @self: a #YmGuidance
 * @id: an alert type ID, such as `new_device_joined`
 *
 * Returns: (transfer none) (nullable): the topic
 */
const YmGuidanceTopic *
ym_guidance_lookup(YmGuidance *self, const gchar *id);

/**
 * ym_guidance_get_ids:
 * @self: a #YmGuidance
 *
 * Returns: (transfer container): the topic IDs, sorted
 */
GPtrArray *
ym_guidance_get_ids(YmGuidance *self);

/**
 * ym_guidance_topic_get_severity:
 * @topic: a topic
 *
 * Returns: `info`, `caution`, `warning` or `urgent`
 */
const gchar *
ym_guidance_topic_get_severity(const YmGuidanceTopic *topic);

/**
 * ym_guidance_topic_get_title:
 * @topic: a topic
 * @lang: `ja` or `en`
 *
 * Returns: the headline, with {slots} still in it
 */
const gchar *
ym_guidance_topic_get_title(const YmGuidanceTopic *topic, const gchar *lang);

/**
 * ym_guidance_topic_get_why:
 * @topic: a topic
 * @lang: `ja` or `en`
 *
 * Returns: the one-sentence reason
 */
const gchar *
ym_guidance_topic_get_why(const YmGuidanceTopic *topic, const gchar *lang);

/**
 * ym_guidance_topic_get_n_steps:
 * @topic: a topic
 *
 * Returns: how many steps it has
 */
guint
ym_guidance_topic_get_n_steps(const YmGuidanceTopic *topic);

/**
 * ym_guidance_topic_get_step:
 * @topic: a topic
 * @index: from 0
 * @lang: `ja` or `en`
 *
 * Returns: (nullable): the step
 */
const gchar *
ym_guidance_topic_get_step(const YmGuidanceTopic *topic, guint index, const gchar *lang);

/**
 * ym_guidance_get_modifier:
 * @self: a #YmGuidance
 * @device_kind: a device kind (`lock`, `camera`, `router`, `speaker`, `plug`, ...)
 * @lang: `ja` or `en`
 * @why_extra: (out) (optional): what to say before the topic's reason
 * @step_first: (out) (optional): the step to take before all others
 *
 * The catalogue's safety modifier for devices whose takeover can cause
 * physical harm or expose the household.
 *
 * Returns: %TRUE when the kind has one
 */
gboolean
ym_guidance_get_modifier(YmGuidance *self,
                         const gchar *device_kind,
                         const gchar *lang,
                         const gchar **why_extra,
                         const gchar **step_first);

/**
 * ym_guidance_render:
 * @text: a catalogue text with `{slot}` placeholders
 * @slots: (nullable): slot name to value
 * @lang: `ja` or `en`
 *
 * Fills the placeholders; a slot with no value gets the catalogue's
 * wording for "unknown" (「この機器」 / "this device" for `device_label`).
 *
 * Returns: (transfer full): the text to show
 */
gchar *
ym_guidance_render(const gchar *text, GHashTable *slots, const gchar *lang);

/**
 * ym_guidance_pick_language:
 *
 * Returns: `ja` when the user's locale is Japanese, else `en`
 */
const gchar *
ym_guidance_pick_language(void);

G_END_DECLS
