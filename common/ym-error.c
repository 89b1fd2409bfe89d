/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ym-error.h"

/* clang-format off */
G_DEFINE_QUARK (ym-error-quark, ym_error)
/* clang-format on */
