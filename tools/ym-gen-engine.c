/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The generator core: a seeded PRNG, a scheduler of actors and a pcapng
 * writer.
 *
 * Actors are small state machines ordered by the time of their next step.
 * A step may emit a burst of frames at or after its own time; frames wait
 * in a min-heap and are written once no actor can emit anything earlier,
 * so the file is in time order while memory stays bounded by the largest
 * burst, whatever the length of the capture.
 *
 * pcapng (draft-ietf-opsawg-pcapng): one Section Header Block, one
 * Interface Description Block (LINKTYPE_ETHERNET, microsecond timestamps)
 * and one Enhanced Packet Block per frame, all little-endian:
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +---------------------------------------------------------------+
 *   |                    Block Type = 0x00000006                    |
 *   +---------------------------------------------------------------+
 *   |                      Block Total Length                       |
 *   +---------------------------------------------------------------+
 *   |                         Interface ID                          |
 *   +---------------------------------------------------------------+
 *   |                    Timestamp (High, Low)                      |
 *   +---------------------------------------------------------------+
 *   |            Captured Packet Length, Original Length            |
 *   +---------------------------------------------------------------+
 *   /          Packet Data, padded to 32 bits, Block Total Length   /
 *   +---------------------------------------------------------------+
 */

#define G_LOG_DOMAIN "YmGen"

#include "config.h"

#include <errno.h>
#include <string.h>

#include "ym-gen-private.h"

#define YM_GEN_EPB_HEADER   28
#define YM_GEN_FRAME_CHUNK  1024
#define YM_GEN_NOISE_LEN    (256 * 1024)
#define YM_GEN_NOISE_MAX    (64 * 1024)
#define YM_GEN_WRITE_BUFFER (8 * 1024 * 1024)

typedef struct {
	gint64 time;
	guint32 length;
	/* EPB header, frame, padding and trailer, so a frame is one fwrite */
	guint8 block[YM_GEN_EPB_HEADER + YM_GEN_FRAME_MAX + 8];
} YmGenFrame;

/* binary min-heap keyed by (time, insertion order): items due at the same
 * time come out in the order they went in */
typedef struct {
	gint64 time;
	guint64 order;
	gpointer item;
} YmGenHeapEntry;

typedef struct {
	YmGenHeapEntry *entries;
	guint n;
	guint alloc;
	guint64 next_order;
} YmGenHeap;

struct _YmGenCtx {
	YmGenRng rng;
	gint64 start;
	gint64 now;
	gint64 end;
	guint64 max_packets;
	guint64 packets;
	guint64 bytes;

	/* output */
	FILE *file;
	gchar *file_buffer;
	gchar *filename;

	/* frames: pool, free list and pending min-heap */
	GPtrArray *frame_chunks;
	YmGenFrame **free_frames;
	guint n_free_frames;
	guint free_frames_alloc;
	YmGenHeap pending;
	YmGenFrame *open_frame;

	/* actors: min-heap and free list */
	YmGenHeap actors;
	GPtrArray *free_actors;

	guint8 *noise;
};

/* rng */

static guint64
ym_gen_splitmix64(guint64 *x)
{
	guint64 z = (*x += G_GUINT64_CONSTANT(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static inline guint64
ym_gen_rotl(guint64 x, int k)
{
	return (x << k) | (x >> (64 - k));
}

void
_ym_gen_rng_init(YmGenRng *rng, guint64 seed)
{
	guint64 x = seed;
	for (guint i = 0; i < 4; i++)
		rng->s[i] = ym_gen_splitmix64(&x);
}

guint64
_ym_gen_rng_next(YmGenRng *rng)
{
	guint64 *s = rng->s;
	guint64 result = ym_gen_rotl(s[1] * 5, 7) * 9;
	guint64 t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = ym_gen_rotl(s[3], 45);
	return result;
}

guint64
_ym_gen_rand(YmGenCtx *ctx)
{
	return _ym_gen_rng_next(&ctx->rng);
}

guint32
_ym_gen_below(YmGenCtx *ctx, guint32 bound)
{
	if (bound == 0)
		return 0;
	return (guint32) (((_ym_gen_rng_next(&ctx->rng) >> 32) * (guint64) bound) >> 32);
}

gint64
_ym_gen_between(YmGenCtx *ctx, gint64 low, gint64 high)
{
	if (high <= low)
		return low;
	return low + (gint64) (_ym_gen_rng_next(&ctx->rng) % (guint64) (high - low));
}

gboolean
_ym_gen_chance(YmGenCtx *ctx, guint percent)
{
	return _ym_gen_below(ctx, 100) < percent;
}

void
_ym_gen_fill(YmGenCtx *ctx, guint8 *data, gsize length)
{
	while (length >= 8) {
		guint64 v = _ym_gen_rng_next(&ctx->rng);
		memcpy(data, &v, 8);
		data += 8;
		length -= 8;
	}
	if (length > 0) {
		guint64 v = _ym_gen_rng_next(&ctx->rng);
		memcpy(data, &v, length);
	}
}

const guint8 *
_ym_gen_noise(YmGenCtx *ctx, gsize length)
{
	g_assert(length <= YM_GEN_NOISE_MAX);
	return ctx->noise + _ym_gen_below(ctx, YM_GEN_NOISE_LEN - YM_GEN_NOISE_MAX);
}

/* little-endian block writers */

static void
ym_gen_put_le16(guint8 *p, guint16 v)
{
	p[0] = v & 0xff;
	p[1] = v >> 8;
}

static void
ym_gen_put_le32(guint8 *p, guint32 v)
{
	p[0] = v & 0xff;
	p[1] = (v >> 8) & 0xff;
	p[2] = (v >> 16) & 0xff;
	p[3] = v >> 24;
}

/* append one pcapng option with its padding */
static gsize
ym_gen_put_option(guint8 *p, guint16 code, const void *value, guint16 length)
{
	gsize padded = (length + 3u) & ~3u;
	ym_gen_put_le16(p, code);
	ym_gen_put_le16(p + 2, length);
	if (length > 0)
		memcpy(p + 4, value, length);
	memset(p + 4 + length, 0, padded - length);
	return 4 + padded;
}

/* context */

YmGenCtx *
_ym_gen_ctx_new(guint64 seed, gint64 start)
{
	YmGenCtx *ctx = g_new0(YmGenCtx, 1);
	_ym_gen_rng_init(&ctx->rng, seed);
	ctx->start = start;
	ctx->now = G_MININT64;
	ctx->end = G_MAXINT64;
	ctx->frame_chunks = g_ptr_array_new_with_free_func(g_free);
	ctx->free_actors = g_ptr_array_new_with_free_func(g_free);
	ctx->noise = g_malloc(YM_GEN_NOISE_LEN);
	_ym_gen_fill(ctx, ctx->noise, YM_GEN_NOISE_LEN);
	return ctx;
}

void
_ym_gen_ctx_free(YmGenCtx *ctx)
{
	if (ctx == NULL)
		return;
	if (ctx->file != NULL)
		fclose(ctx->file);
	for (guint i = 0; i < ctx->actors.n; i++)
		g_free(ctx->actors.entries[i].item);
	g_free(ctx->actors.entries);
	g_ptr_array_unref(ctx->free_actors);
	g_ptr_array_unref(ctx->frame_chunks);
	g_free(ctx->free_frames);
	g_free(ctx->pending.entries);
	g_free(ctx->file_buffer);
	g_free(ctx->filename);
	g_free(ctx->noise);
	g_free(ctx);
}

gint64
_ym_gen_ctx_get_start(YmGenCtx *ctx)
{
	return ctx->start;
}

guint64
_ym_gen_ctx_get_packets(YmGenCtx *ctx)
{
	return ctx->packets;
}

guint64
_ym_gen_ctx_get_bytes(YmGenCtx *ctx)
{
	return ctx->bytes;
}

void
_ym_gen_ctx_set_end(YmGenCtx *ctx, gint64 end)
{
	ctx->end = end;
}

void
_ym_gen_ctx_set_max_packets(YmGenCtx *ctx, guint64 max_packets)
{
	ctx->max_packets = max_packets;
}

static gboolean
ym_gen_ctx_write_block(YmGenCtx *ctx, const guint8 *block, gsize length, GError **error)
{
	if (fwrite(block, 1, length, ctx->file) == length)
		return TRUE;
	g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errno), "writing %s: %s",
	            ctx->filename, g_strerror(errno));
	return FALSE;
}

static gboolean
ym_gen_ctx_write_headers(YmGenCtx *ctx, GError **error)
{
	guint8 block[256];
	const gchar *app = "yamori-gen " PACKAGE_VERSION;
	const gchar *ifname = "eth0";
	const gchar *ifdesc = "home LAN mirror port";
	guint8 tsresol = 6;
	gsize n = 0;

	/* section header block */
	ym_gen_put_le32(block + 0, 0x0A0D0D0A);
	ym_gen_put_le32(block + 8, 0x1A2B3C4D);
	ym_gen_put_le16(block + 12, 1);
	ym_gen_put_le16(block + 14, 0);
	memset(block + 16, 0xff, 8);
	n = 24;
	n += ym_gen_put_option(block + n, 4, app, strlen(app)); /* shb_userappl */
	n += ym_gen_put_option(block + n, 0, NULL, 0);
	n += 4;
	ym_gen_put_le32(block + 4, n);
	ym_gen_put_le32(block + n - 4, n);
	if (!ym_gen_ctx_write_block(ctx, block, n, error))
		return FALSE;

	/* interface description block */
	ym_gen_put_le32(block + 0, 0x00000001);
	ym_gen_put_le16(block + 8, 1); /* LINKTYPE_ETHERNET */
	ym_gen_put_le16(block + 10, 0);
	ym_gen_put_le32(block + 12, 262144); /* snaplen */
	n = 16;
	n += ym_gen_put_option(block + n, 2, ifname, strlen(ifname)); /* if_name */
	n += ym_gen_put_option(block + n, 3, ifdesc, strlen(ifdesc)); /* if_description */
	n += ym_gen_put_option(block + n, 9, &tsresol, 1);            /* if_tsresol */
	n += ym_gen_put_option(block + n, 0, NULL, 0);
	n += 4;
	ym_gen_put_le32(block + 4, n);
	ym_gen_put_le32(block + n - 4, n);
	return ym_gen_ctx_write_block(ctx, block, n, error);
}

gboolean
_ym_gen_ctx_open(YmGenCtx *ctx, const gchar *filename, GError **error)
{
	ctx->file = fopen(filename, "wb");
	if (ctx->file == NULL) {
		int saved = errno;
		g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(saved), "opening %s: %s",
		            filename, g_strerror(saved));
		return FALSE;
	}
	ctx->filename = g_strdup(filename);
	ctx->file_buffer = g_malloc(YM_GEN_WRITE_BUFFER);
	setvbuf(ctx->file, ctx->file_buffer, _IOFBF, YM_GEN_WRITE_BUFFER);
	return ym_gen_ctx_write_headers(ctx, error);
}

gboolean
_ym_gen_ctx_close(YmGenCtx *ctx, GError **error)
{
	int rc;
	if (ctx->file == NULL)
		return TRUE;
	rc = ferror(ctx->file);
	if (fclose(ctx->file) != 0 || rc != 0) {
		int saved = errno != 0 ? errno : EIO;
		ctx->file = NULL;
		g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(saved), "writing %s: %s",
		            ctx->filename, g_strerror(saved));
		return FALSE;
	}
	ctx->file = NULL;
	return TRUE;
}

/* heap */

static inline gboolean
ym_gen_heap_before(const YmGenHeapEntry *a, const YmGenHeapEntry *b)
{
	if (a->time != b->time)
		return a->time < b->time;
	return a->order < b->order;
}

static void
ym_gen_heap_push(YmGenHeap *heap, gint64 time, gpointer item)
{
	YmGenHeapEntry entry = {time, heap->next_order++, item};
	guint i;
	if (heap->n == heap->alloc) {
		heap->alloc = MAX(64, heap->alloc * 2);
		heap->entries = g_renew(YmGenHeapEntry, heap->entries, heap->alloc);
	}
	i = heap->n++;
	while (i > 0) {
		guint parent = (i - 1) / 2;
		if (!ym_gen_heap_before(&entry, &heap->entries[parent]))
			break;
		heap->entries[i] = heap->entries[parent];
		i = parent;
	}
	heap->entries[i] = entry;
}

static gpointer
ym_gen_heap_pop(YmGenHeap *heap)
{
	gpointer top = heap->entries[0].item;
	YmGenHeapEntry last = heap->entries[--heap->n];
	guint i = 0;
	guint n = heap->n;
	while (TRUE) {
		guint child = 2 * i + 1;
		if (child >= n)
			break;
		if (child + 1 < n &&
		    ym_gen_heap_before(&heap->entries[child + 1], &heap->entries[child]))
			child++;
		if (!ym_gen_heap_before(&heap->entries[child], &last))
			break;
		heap->entries[i] = heap->entries[child];
		i = child;
	}
	if (n > 0)
		heap->entries[i] = last;
	return top;
}

/* frames */

static YmGenFrame *
ym_gen_frame_alloc(YmGenCtx *ctx)
{
	if (ctx->n_free_frames == 0) {
		YmGenFrame *chunk = g_new(YmGenFrame, YM_GEN_FRAME_CHUNK);
		g_ptr_array_add(ctx->frame_chunks, chunk);
		if (ctx->free_frames_alloc < ctx->frame_chunks->len * YM_GEN_FRAME_CHUNK) {
			ctx->free_frames_alloc = ctx->frame_chunks->len * YM_GEN_FRAME_CHUNK;
			ctx->free_frames =
			    g_renew(YmGenFrame *, ctx->free_frames, ctx->free_frames_alloc);
		}
		for (guint i = 0; i < YM_GEN_FRAME_CHUNK; i++)
			ctx->free_frames[ctx->n_free_frames++] = &chunk[YM_GEN_FRAME_CHUNK - 1 - i];
	}
	return ctx->free_frames[--ctx->n_free_frames];
}

guint8 *
_ym_gen_frame_begin(YmGenCtx *ctx, gint64 time)
{
	YmGenFrame *frame;
	g_assert(ctx->open_frame == NULL);
	frame = ym_gen_frame_alloc(ctx);
	/* never emit into the past of the running actor: that would break
	 * the time order of the file */
	frame->time = MAX(time, ctx->now);
	ctx->open_frame = frame;
	return frame->block + YM_GEN_EPB_HEADER;
}

void
_ym_gen_frame_end(YmGenCtx *ctx, gsize length)
{
	YmGenFrame *frame = ctx->open_frame;
	g_assert(frame != NULL);
	g_assert(length <= YM_GEN_FRAME_MAX);
	/* a mirror port shows the padding the sender put on short frames */
	if (length < YM_GEN_ETH_MIN) {
		memset(frame->block + YM_GEN_EPB_HEADER + length, 0, YM_GEN_ETH_MIN - length);
		length = YM_GEN_ETH_MIN;
	}
	frame->length = length;
	ctx->open_frame = NULL;
	ym_gen_heap_push(&ctx->pending, frame->time, frame);
}

static void
ym_gen_frame_write(YmGenCtx *ctx, YmGenFrame *frame)
{
	guint8 *b = frame->block;
	gsize padded = (frame->length + 3u) & ~3u;
	gsize total = YM_GEN_EPB_HEADER + padded + 4;
	guint64 ts = (guint64) frame->time;

	ym_gen_put_le32(b + 0, 0x00000006);
	ym_gen_put_le32(b + 4, total);
	ym_gen_put_le32(b + 8, 0);
	ym_gen_put_le32(b + 12, (guint32) (ts >> 32));
	ym_gen_put_le32(b + 16, (guint32) ts);
	ym_gen_put_le32(b + 20, frame->length);
	ym_gen_put_le32(b + 24, frame->length);
	memset(b + YM_GEN_EPB_HEADER + frame->length, 0, padded - frame->length);
	ym_gen_put_le32(b + YM_GEN_EPB_HEADER + padded, total);
	fwrite(b, 1, total, ctx->file);
	ctx->packets++;
	ctx->bytes += frame->length;
}

static gboolean
ym_gen_ctx_limit_reached(YmGenCtx *ctx)
{
	return ctx->max_packets > 0 && ctx->packets >= ctx->max_packets;
}

/* write every pending frame at or before @until */
static void
ym_gen_ctx_flush(YmGenCtx *ctx, gint64 until)
{
	while (ctx->pending.n > 0 && ctx->pending.entries[0].time <= until) {
		YmGenFrame *frame = ym_gen_heap_pop(&ctx->pending);
		if (!ym_gen_ctx_limit_reached(ctx))
			ym_gen_frame_write(ctx, frame);
		ctx->free_frames[ctx->n_free_frames++] = frame;
	}
}

/* actors */

gpointer
_ym_gen_actor_get_state(YmGenActor *actor, gsize size)
{
	g_assert(size <= sizeof(actor->state));
	return actor->state;
}

YmGenActor *
_ym_gen_actor_add(YmGenCtx *ctx,
                  gint64 when,
                  YmGenActorFunc func,
                  gpointer device,
                  gconstpointer data)
{
	YmGenActor *actor;
	if (ctx->free_actors->len > 0)
		actor = g_ptr_array_steal_index_fast(ctx->free_actors, ctx->free_actors->len - 1);
	else
		actor = g_new(YmGenActor, 1);
	memset(actor, 0, sizeof(*actor));
	actor->func = func;
	actor->when = MAX(when, ctx->now);
	actor->device = device;
	actor->data = data;
	ym_gen_heap_push(&ctx->actors, actor->when, actor);
	return actor;
}

gboolean
_ym_gen_ctx_run(YmGenCtx *ctx, GError **error)
{
	while (ctx->actors.n > 0 && !ym_gen_ctx_limit_reached(ctx)) {
		gint64 when = ctx->actors.entries[0].time;
		YmGenActor *actor;
		gint64 next;

		if (when >= ctx->end)
			break;
		ym_gen_ctx_flush(ctx, when);
		actor = ym_gen_heap_pop(&ctx->actors);
		ctx->now = actor->when;
		next = actor->func(ctx, actor);
		if (next == YM_GEN_ACTOR_DONE) {
			g_ptr_array_add(ctx->free_actors, actor);
			continue;
		}
		actor->when = MAX(next, ctx->now);
		ym_gen_heap_push(&ctx->actors, actor->when, actor);
	}
	ym_gen_ctx_flush(ctx, G_MAXINT64);
	if (ctx->file != NULL && ferror(ctx->file)) {
		int saved = errno != 0 ? errno : EIO;
		g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(saved), "writing %s: %s",
		            ctx->filename, g_strerror(saved));
		return FALSE;
	}
	return TRUE;
}
