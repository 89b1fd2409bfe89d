/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * a TLS ClientHello no longer fits one TCP segment (post-quantum key
 * shares make Chrome's about 1.8 KB), so the first segment alone has no
 * JA3/JA4 and maybe no SNI. This keeps the first bytes of such a hello in
 * one of a few fixed slots and decodes it once the segments that follow
 * in order complete the record. Nothing else of a stream is ever kept.
 */

#define G_LOG_DOMAIN "YmHelloAssembler"

#include "config.h"

#include "ym-hello-assembler.h"

#include "ym-decode.h"

/* a TLS record is at most 2^14 bytes plus its 5-byte header */
#define HELLO_MAX (16384 + 5)

typedef struct {
	gboolean used;
	YmIpAddr src;
	YmIpAddr dst;
	guint16 src_port;
	guint16 dst_port;
	guint32 next_seq;
	guint32 needed;
	guint32 have;
	gint64 started;
	guint8 data[HELLO_MAX];
} Slot;

struct _YmHelloAssembler {
	GObject parent_instance;
	/* owned */
	Slot *slots;
	/* state */
	guint n_slots;
	guint64 completed;
};

G_DEFINE_TYPE(YmHelloAssembler, ym_hello_assembler, G_TYPE_OBJECT)

static Slot *
find_slot(YmHelloAssembler *self, const YmPacket *packet)
{
	for (guint i = 0; i < self->n_slots; i++) {
		Slot *slot = &self->slots[i];
		if (slot->used && slot->src_port == packet->src_port &&
		    slot->dst_port == packet->dst_port &&
		    ym_ip_addr_equal(&slot->src, &packet->src_ip) &&
		    ym_ip_addr_equal(&slot->dst, &packet->dst_ip))
			return slot;
	}
	return NULL;
}

/* a free slot, or the one waiting longest */
static Slot *
take_slot(YmHelloAssembler *self)
{
	Slot *oldest = &self->slots[0];
	for (guint i = 0; i < self->n_slots; i++) {
		if (!self->slots[i].used)
			return &self->slots[i];
		if (self->slots[i].started < oldest->started)
			oldest = &self->slots[i];
	}
	return oldest;
}

static gboolean
continue_hello(YmHelloAssembler *self, Slot *slot, YmPacket *packet)
{
	guint32 take;

	/* a retransmission of what we have, or a gap we cannot fill */
	if (packet->tcp_seq != slot->next_seq) {
		if ((gint32) (packet->tcp_seq - slot->next_seq) > 0)
			slot->used = FALSE;
		return FALSE;
	}
	take = MIN(packet->payload_length, slot->needed - slot->have);
	memcpy(slot->data + slot->have, packet->payload, take);
	slot->have += take;
	slot->next_seq += packet->payload_length;
	if (slot->have < slot->needed)
		return FALSE;
	slot->used = FALSE;
	ym_decode_tls(packet, slot->data, slot->have);
	self->completed++;
	return packet->app == YM_APP_TLS;
}

static void
start_hello(YmHelloAssembler *self, YmPacket *packet)
{
	const guint8 *p = packet->payload;
	guint32 needed;
	Slot *slot;

	if (packet->payload_length < 5)
		return;
	needed = 5 + (((guint32) p[3] << 8) | p[4]);
	if (needed > HELLO_MAX || packet->payload_length >= needed)
		return;
	slot = take_slot(self);
	slot->used = TRUE;
	slot->src = packet->src_ip;
	slot->dst = packet->dst_ip;
	slot->src_port = packet->src_port;
	slot->dst_port = packet->dst_port;
	slot->needed = needed;
	slot->have = packet->payload_length;
	slot->next_seq = packet->tcp_seq + packet->payload_length;
	slot->started = packet->ts_usec;
	memcpy(slot->data, packet->payload, packet->payload_length);
	/* a hello spanning segments is normal, not an anomaly */
	ym_packet_remove_event(packet, YM_EVENT_TLS_TRUNCATED);
}

gboolean
ym_hello_assembler_process(YmHelloAssembler *self, YmPacket *packet)
{
	Slot *slot;

	if (packet->ip_proto != 6 || packet->payload_length == 0 || packet->payload == NULL)
		return FALSE;
	slot = find_slot(self, packet);
	if (slot != NULL)
		return continue_hello(self, slot, packet);
	/* only a hello cut by the segment, not by the capture's snaplen */
	if (packet->app == YM_APP_TLS && packet->u.tls.handshake_type == 1 &&
	    ym_packet_has_event(packet, YM_EVENT_TLS_TRUNCATED) &&
	    !ym_packet_has_event(packet, YM_EVENT_FRAME_TRUNCATED))
		start_hello(self, packet);
	return FALSE;
}

guint64
ym_hello_assembler_get_completed(YmHelloAssembler *self)
{
	g_return_val_if_fail(YM_IS_HELLO_ASSEMBLER(self), 0);
	return self->completed;
}

YmHelloAssembler *
ym_hello_assembler_new(guint n_slots)
{
	YmHelloAssembler *self = g_object_new(YM_TYPE_HELLO_ASSEMBLER, NULL);
	self->n_slots = MAX(n_slots, 1);
	self->slots = g_new0(Slot, self->n_slots);
	return self;
}

static void
ym_hello_assembler_finalize(GObject *object)
{
	YmHelloAssembler *self = YM_HELLO_ASSEMBLER(object);
	g_free(self->slots);
	G_OBJECT_CLASS(ym_hello_assembler_parent_class)->finalize(object);
}

static void
ym_hello_assembler_class_init(YmHelloAssemblerClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->finalize = ym_hello_assembler_finalize;
}

static void
ym_hello_assembler_init(YmHelloAssembler *self)
{
}
