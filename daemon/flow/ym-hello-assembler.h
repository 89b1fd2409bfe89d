/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ym-packet.h"

G_BEGIN_DECLS

#define YM_TYPE_HELLO_ASSEMBLER (ym_hello_assembler_get_type())
G_DECLARE_FINAL_TYPE(YmHelloAssembler, ym_hello_assembler, YM, HELLO_ASSEMBLER, GObject)

YmHelloAssembler *
ym_hello_assembler_new(guint n_slots);
/* follows TLS ClientHellos that span TCP segments; returns TRUE when
 * @packet completed one and its application layer now holds the whole hello */
gboolean
ym_hello_assembler_process(YmHelloAssembler *self, YmPacket *packet);
guint64
ym_hello_assembler_get_completed(YmHelloAssembler *self);

G_END_DECLS
