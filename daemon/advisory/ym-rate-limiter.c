/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "YmRateLimiter"

#include "config.h"

#include "ym-rate-limiter.h"

struct _YmRateLimiter {
	GMutex mutex;
	gint64 window;  /* microseconds */
	gint64 *starts; /* ring of the last requests' start times */
	guint n_starts;
	guint oldest;
	YmRateLimiterNowFunc now_func;
	YmRateLimiterSleepFunc sleep_func;
	gpointer clock_data;
};

static gint64
ym_rate_limiter_now_cb(gpointer user_data)
{
	return g_get_monotonic_time();
}

static void
ym_rate_limiter_sleep_cb(gint64 microseconds, gpointer user_data)
{
	g_usleep((gulong) microseconds);
}

YmRateLimiter *
ym_rate_limiter_new(guint requests, guint window_seconds)
{
	YmRateLimiter *self = NULL;

	g_return_val_if_fail(requests > 0, NULL);
	g_return_val_if_fail(requests <= 100000, NULL);
	self = g_new0(YmRateLimiter, 1);
	g_mutex_init(&self->mutex);
	self->window = (gint64) window_seconds * G_USEC_PER_SEC;
	self->n_starts = requests;
	self->starts = g_new0(gint64, requests);
	/* far enough in the past that the first requests never wait */
	for (guint i = 0; i < requests; i++)
		self->starts[i] = G_MININT64 / 2;
	self->now_func = ym_rate_limiter_now_cb;
	self->sleep_func = ym_rate_limiter_sleep_cb;
	return self;
}

void
ym_rate_limiter_free(YmRateLimiter *self)
{
	if (self == NULL)
		return;
	g_mutex_clear(&self->mutex);
	g_free(self->starts);
	g_free(self);
}

void
ym_rate_limiter_set_clock(YmRateLimiter *self,
                          YmRateLimiterNowFunc now_func,
                          YmRateLimiterSleepFunc sleep_func,
                          gpointer user_data)
{
	g_return_if_fail(self != NULL);
	g_return_if_fail(now_func != NULL && sleep_func != NULL);
	self->now_func = now_func;
	self->sleep_func = sleep_func;
	self->clock_data = user_data;
}

void
ym_rate_limiter_wait(YmRateLimiter *self)
{
	gint64 now;
	gint64 start;

	g_return_if_fail(self != NULL);

	/* reserve the slot of the oldest request under the lock, sleep outside
	 * it so that a concurrent caller reserves the next slot meanwhile */
	g_mutex_lock(&self->mutex);
	now = self->now_func(self->clock_data);
	start = MAX(now, self->starts[self->oldest] + self->window);
	self->starts[self->oldest] = start;
	self->oldest = (self->oldest + 1) % self->n_starts;
	g_mutex_unlock(&self->mutex);

	if (start > now) {
		g_debug("waiting %" G_GINT64_FORMAT " ms for the rate limit", (start - now) / 1000);
		self->sleep_func(start - now, self->clock_data);
	}
}
