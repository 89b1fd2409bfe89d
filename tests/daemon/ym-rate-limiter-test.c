/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "YmRateLimiterTest"

#include "config.h"

#include "ym-rate-limiter.h"

/* a clock that only moves when the limiter sleeps or the test says so */
typedef struct {
	gint64 now;
	guint sleeps;
	gint64 slept;
} YmFakeClock;

static gint64
ym_fake_clock_now_cb(gpointer user_data)
{
	YmFakeClock *clock = user_data;
	return clock->now;
}

static void
ym_fake_clock_sleep_cb(gint64 microseconds, gpointer user_data)
{
	YmFakeClock *clock = user_data;
	g_assert_cmpint(microseconds, >, 0);
	clock->sleeps++;
	clock->slept += microseconds;
	clock->now += microseconds;
}

static YmRateLimiter *
ym_rate_limiter_test_new(guint requests, guint window_seconds, YmFakeClock *clock)
{
	YmRateLimiter *limiter = ym_rate_limiter_new(requests, window_seconds);
	ym_rate_limiter_set_clock(limiter, ym_fake_clock_now_cb, ym_fake_clock_sleep_cb, clock);
	return limiter;
}

/* NVD without a key: 5 per rolling 30 s */
static void
ym_rate_limiter_burst_func(void)
{
	YmFakeClock clock = {.now = 1000 * G_USEC_PER_SEC};
	g_autoptr(YmRateLimiter) limiter = ym_rate_limiter_test_new(5, 30, &clock);

	/* the first five go at once */
	for (guint i = 0; i < 5; i++)
		ym_rate_limiter_wait(limiter);
	g_assert_cmpuint(clock.sleeps, ==, 0);
	g_assert_cmpint(clock.now, ==, 1000 * G_USEC_PER_SEC);

	/* the sixth waits for the first to leave the window */
	ym_rate_limiter_wait(limiter);
	g_assert_cmpuint(clock.sleeps, ==, 1);
	g_assert_cmpint(clock.slept, ==, 30 * G_USEC_PER_SEC);
	g_assert_cmpint(clock.now, ==, 1030 * G_USEC_PER_SEC);

	/* and the next four go with it: their slots also opened at 1030 */
	for (guint i = 0; i < 4; i++)
		ym_rate_limiter_wait(limiter);
	g_assert_cmpuint(clock.sleeps, ==, 1);

	/* the eleventh waits for the sixth, at 1060 */
	ym_rate_limiter_wait(limiter);
	g_assert_cmpuint(clock.sleeps, ==, 2);
	g_assert_cmpint(clock.now, ==, 1060 * G_USEC_PER_SEC);
}

static void
ym_rate_limiter_rolling_func(void)
{
	YmFakeClock clock = {.now = 0};
	g_autoptr(YmRateLimiter) limiter = ym_rate_limiter_test_new(5, 30, &clock);
	const gint64 starts[] = {0, 10, 12, 20, 29};

	/* five requests spread over 29 s: none waits */
	for (guint i = 0; i < G_N_ELEMENTS(starts); i++) {
		clock.now = starts[i] * G_USEC_PER_SEC;
		ym_rate_limiter_wait(limiter);
	}
	g_assert_cmpuint(clock.sleeps, ==, 0);

	/* at 29.5 s the one of 0 s is still in the window: half a second */
	clock.now = 29500 * 1000;
	ym_rate_limiter_wait(limiter);
	g_assert_cmpuint(clock.sleeps, ==, 1);
	g_assert_cmpint(clock.slept, ==, 500 * 1000);

	/* at 45 s the one of 10 s has left: no wait */
	clock.now = 45 * G_USEC_PER_SEC;
	ym_rate_limiter_wait(limiter);
	g_assert_cmpuint(clock.sleeps, ==, 1);

	/* right away again: the one of 12 s leaves at 42, gone; the one of 20 s
	 * leaves at 50, so 5 s to wait */
	ym_rate_limiter_wait(limiter);
	g_assert_cmpuint(clock.sleeps, ==, 1);
	ym_rate_limiter_wait(limiter);
	g_assert_cmpuint(clock.sleeps, ==, 2);
	g_assert_cmpint(clock.now, ==, 50 * G_USEC_PER_SEC);
}

/* NVD with a key: 50 per 30 s, so 120 requests take two full windows */
static void
ym_rate_limiter_keyed_func(void)
{
	YmFakeClock clock = {.now = 0};
	g_autoptr(YmRateLimiter) limiter = ym_rate_limiter_test_new(50, 30, &clock);

	for (guint i = 0; i < 120; i++)
		ym_rate_limiter_wait(limiter);
	g_assert_cmpuint(clock.sleeps, ==, 2);
	g_assert_cmpint(clock.now, ==, 60 * G_USEC_PER_SEC);
}

/* the real clock: a 1 per 0 s limiter never sleeps */
static void
ym_rate_limiter_real_clock_func(void)
{
	g_autoptr(YmRateLimiter) limiter = ym_rate_limiter_new(1, 0);
	gint64 start = g_get_monotonic_time();
	for (guint i = 0; i < 100; i++)
		ym_rate_limiter_wait(limiter);
	g_assert_cmpint(g_get_monotonic_time() - start, <, G_USEC_PER_SEC);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/rate-limiter/burst", ym_rate_limiter_burst_func);
	g_test_add_func("/ym/rate-limiter/rolling", ym_rate_limiter_rolling_func);
	g_test_add_func("/ym/rate-limiter/keyed", ym_rate_limiter_keyed_func);
	g_test_add_func("/ym/rate-limiter/real-clock", ym_rate_limiter_real_clock_func);
	return g_test_run();
}
