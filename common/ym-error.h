/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * YM_ERROR:
 *
 * The one error domain of Yamori.
 */
#define YM_ERROR ym_error_quark()

/**
 * YmError:
 * @YM_ERROR_INTERNAL: a programming or environment failure
 * @YM_ERROR_READ: reading a file, socket or capture failed
 * @YM_ERROR_WRITE: writing failed (for example a full disk)
 * @YM_ERROR_INVALID_DATA: the input is malformed
 * @YM_ERROR_NOT_FOUND: the thing asked for does not exist
 * @YM_ERROR_NOT_SUPPORTED: the input is valid but not something we handle
 * @YM_ERROR_SIGNATURE_INVALID: a signature did not verify
 * @YM_ERROR_PERMISSION_DENIED: the caller may not do this
 * @YM_ERROR_NOTHING_TO_DO: nothing needed doing
 */
typedef enum {
	YM_ERROR_INTERNAL,
	YM_ERROR_READ,
	YM_ERROR_WRITE,
	YM_ERROR_INVALID_DATA,
	YM_ERROR_NOT_FOUND,
	YM_ERROR_NOT_SUPPORTED,
	YM_ERROR_SIGNATURE_INVALID,
	YM_ERROR_PERMISSION_DENIED,
	YM_ERROR_NOTHING_TO_DO,
} YmError;

/**
 * ym_error_quark:
 *
 * Returns: the quark of %YM_ERROR
 */
GQuark
ym_error_quark(void);

G_END_DECLS
