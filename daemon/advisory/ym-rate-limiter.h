/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * At most @requests calls of ym_rate_limiter_wait() return within any
 * rolling window of @window_seconds, as NVD publishes its limits (5 per
 * 30 s without an API key, 50 per 30 s with one). Thread safe: concurrent
 * callers each reserve their own slot.
 */
typedef struct _YmRateLimiter YmRateLimiter;

/* a monotonic clock in microseconds, and a sleep of @microseconds */
typedef gint64 (*YmRateLimiterNowFunc)(gpointer user_data);
typedef void (*YmRateLimiterSleepFunc)(gint64 microseconds, gpointer user_data);

YmRateLimiter *
ym_rate_limiter_new(guint requests, guint window_seconds);
void
ym_rate_limiter_free(YmRateLimiter *self);
/* replaces g_get_monotonic_time() and g_usleep(), for tests */
void
ym_rate_limiter_set_clock(YmRateLimiter *self,
                          YmRateLimiterNowFunc now_func,
                          YmRateLimiterSleepFunc sleep_func,
                          gpointer user_data);
/* sleeps until one more request fits in the window, and counts it */
void
ym_rate_limiter_wait(YmRateLimiter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(YmRateLimiter, ym_rate_limiter_free)

G_END_DECLS
