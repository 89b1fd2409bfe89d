/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * bidirectional flows in a fixed pool: memory is allocated once, up to
 * max_flows, so it stays flat however long the capture runs. Each timeout
 * class keeps an LRU list ordered by last packet, so expiry only looks at
 * list heads, and a full table evicts the least recently seen flow.
 */

#define G_LOG_DOMAIN "YmFlowTable"

#include "config.h"

#include "ym-flow-table.h"

#define NIL ((guint32) 0xffffffff)

typedef enum {
	TIMEOUT_SHORT,  /* closed TCP, ICMP */
	TIMEOUT_MEDIUM, /* UDP, half-open TCP */
	TIMEOUT_LONG,   /* established TCP */
	TIMEOUT_N,
} TimeoutClass;

static const gint64 timeouts_usec[TIMEOUT_N] = {
    30 * G_USEC_PER_SEC,
    120 * G_USEC_PER_SEC,
    900 * G_USEC_PER_SEC,
};

typedef struct {
	guint32 head;
	guint32 tail;
} LruList;

struct _YmFlowTable {
	GObject parent_instance;
	/* owned */
	YmFlow *pool;
	guint32 *buckets;
	/* state */
	guint max_flows;
	guint32 n_buckets_mask;
	guint32 pool_used; /* high-water mark of the pool */
	guint32 free_head;
	guint active;
	guint64 total;
	guint64 evicted;
	LruList lru[TIMEOUT_N];
	YmFlowEndFunc func;
	gpointer user_data;
};

G_DEFINE_TYPE(YmFlowTable, ym_flow_table, G_TYPE_OBJECT)

static inline guint32
mix32(guint32 h)
{
	h ^= h >> 16;
	h *= 0x7feb352d;
	h ^= h >> 15;
	h *= 0x846ca68b;
	h ^= h >> 16;
	return h;
}

static inline guint32
endpoint_hash(const YmIpAddr *addr, guint16 port)
{
	guint32 h = port;
	guint len = addr->family == 6 ? 16 : 4;
	for (guint i = 0; i < len; i += 4) {
		guint32 w = ((guint32) addr->bytes[i] << 24) |
		            ((guint32) addr->bytes[i + 1] << 16) |
		            ((guint32) addr->bytes[i + 2] << 8) | addr->bytes[i + 3];
		h = mix32(h ^ w);
	}
	return h;
}

static inline gboolean
endpoint_equal(const YmIpAddr *a, guint16 port_a, const YmIpAddr *b, guint16 port_b)
{
	return port_a == port_b && ym_ip_addr_equal(a, b);
}

static TimeoutClass
timeout_class_for(const YmFlow *flow)
{
	if (flow->proto == 6) {
		switch (flow->tcp_state) {
		case YM_TCP_STATE_CLOSED:
			return TIMEOUT_SHORT;
		case YM_TCP_STATE_ESTABLISHED:
		case YM_TCP_STATE_MIDSTREAM:
			return TIMEOUT_LONG;
		default:
			return TIMEOUT_MEDIUM;
		}
	}
	if (flow->proto == 1 || flow->proto == 58)
		return TIMEOUT_SHORT;
	return TIMEOUT_MEDIUM;
}

static void
lru_unlink(YmFlowTable *self, guint32 index)
{
	YmFlow *flow = &self->pool[index];
	LruList *list = &self->lru[flow->timeout_class];
	if (flow->lru_prev != NIL)
		self->pool[flow->lru_prev].lru_next = flow->lru_next;
	else
		list->head = flow->lru_next;
	if (flow->lru_next != NIL)
		self->pool[flow->lru_next].lru_prev = flow->lru_prev;
	else
		list->tail = flow->lru_prev;
	flow->lru_prev = flow->lru_next = NIL;
}

static void
lru_append(YmFlowTable *self, guint32 index)
{
	YmFlow *flow = &self->pool[index];
	LruList *list = &self->lru[flow->timeout_class];
	flow->lru_next = NIL;
	flow->lru_prev = list->tail;
	if (list->tail != NIL)
		self->pool[list->tail].lru_next = index;
	else
		list->head = index;
	list->tail = index;
}

static void
bucket_unlink(YmFlowTable *self, guint32 index)
{
	YmFlow *flow = &self->pool[index];
	guint32 *link = &self->buckets[flow->hash & self->n_buckets_mask];
	while (*link != NIL) {
		if (*link == index) {
			*link = flow->bucket_next;
			return;
		}
		link = &self->pool[*link].bucket_next;
	}
}

static void
flow_end(YmFlowTable *self, guint32 index, YmFlowEndReason reason)
{
	YmFlow *flow = &self->pool[index];
	if (self->func != NULL)
		self->func(flow, reason, self->user_data);
	lru_unlink(self, index);
	bucket_unlink(self, index);
	flow->bucket_next = self->free_head;
	self->free_head = index;
	self->active--;
	if (reason == YM_FLOW_END_EVICTED)
		self->evicted++;
}

static guint32
oldest_flow(YmFlowTable *self)
{
	guint32 best = NIL;
	for (guint i = 0; i < TIMEOUT_N; i++) {
		guint32 head = self->lru[i].head;
		if (head == NIL)
			continue;
		if (best == NIL || self->pool[head].last_seen < self->pool[best].last_seen)
			best = head;
	}
	return best;
}

static guint32
flow_alloc(YmFlowTable *self)
{
	guint32 index;
	if (self->free_head != NIL) {
		index = self->free_head;
		self->free_head = self->pool[index].bucket_next;
		return index;
	}
	if (self->pool_used < self->max_flows)
		return self->pool_used++;
	/* full: evict the least recently seen */
	flow_end(self, oldest_flow(self), YM_FLOW_END_EVICTED);
	index = self->free_head;
	self->free_head = self->pool[index].bucket_next;
	return index;
}

static void
update_tcp_state(YmFlow *flow, guint direction, guint8 flags)
{
	if (flags & YM_TCP_RST) {
		flow->tcp_state = YM_TCP_STATE_CLOSED;
		return;
	}
	switch (flow->tcp_state) {
	case YM_TCP_STATE_NONE:
		if ((flags & (YM_TCP_SYN | YM_TCP_ACK)) == YM_TCP_SYN)
			flow->tcp_state = YM_TCP_STATE_SYN_SENT;
		else
			flow->tcp_state = YM_TCP_STATE_MIDSTREAM;
		break;
	case YM_TCP_STATE_SYN_SENT:
		if (direction == 1 &&
		    (flags & (YM_TCP_SYN | YM_TCP_ACK)) == (YM_TCP_SYN | YM_TCP_ACK))
			flow->tcp_state = YM_TCP_STATE_SYN_RECEIVED;
		break;
	case YM_TCP_STATE_SYN_RECEIVED:
		if (direction == 0 && (flags & YM_TCP_ACK))
			flow->tcp_state = YM_TCP_STATE_ESTABLISHED;
		break;
	case YM_TCP_STATE_ESTABLISHED:
	case YM_TCP_STATE_MIDSTREAM:
		if (flags & YM_TCP_FIN)
			flow->tcp_state = YM_TCP_STATE_CLOSING;
		break;
	case YM_TCP_STATE_CLOSING:
		if (flags & YM_TCP_FIN)
			flow->tcp_state = YM_TCP_STATE_CLOSED;
		break;
	case YM_TCP_STATE_CLOSED:
	default:
		break;
	}
	if ((flags & YM_TCP_FIN) && flow->tcp_state < YM_TCP_STATE_ESTABLISHED)
		flow->tcp_state = YM_TCP_STATE_CLOSING;
}

YmFlow *
ym_flow_table_update(YmFlowTable *self, const YmPacket *packet, guint *direction)
{
	guint32 h, index;
	YmFlow *flow;
	guint dir = 0;
	guint16 sport = packet->has_ports ? packet->src_port : 0;
	guint16 dport = packet->has_ports ? packet->dst_port : 0;
	guint32 hs, hd;
	TimeoutClass klass;

	if (packet->l3 != YM_L3_IPV4 && packet->l3 != YM_L3_IPV6)
		return NULL;

	/* symmetric: both directions hash alike */
	hs = endpoint_hash(&packet->src_ip, sport);
	hd = endpoint_hash(&packet->dst_ip, dport);
	h = mix32((hs ^ hd) + (hs & hd) * 2654435761u + packet->ip_proto);

	for (index = self->buckets[h & self->n_buckets_mask]; index != NIL;
	     index = self->pool[index].bucket_next) {
		flow = &self->pool[index];
		if (flow->hash != h || flow->proto != packet->ip_proto)
			continue;
		if (endpoint_equal(&flow->addr[0], flow->port[0], &packet->src_ip, sport) &&
		    endpoint_equal(&flow->addr[1], flow->port[1], &packet->dst_ip, dport)) {
			dir = 0;
			break;
		}
		if (endpoint_equal(&flow->addr[1], flow->port[1], &packet->src_ip, sport) &&
		    endpoint_equal(&flow->addr[0], flow->port[0], &packet->dst_ip, dport)) {
			dir = 1;
			break;
		}
	}

	if (index == NIL) {
		index = flow_alloc(self);
		flow = &self->pool[index];
		memset(flow, 0, sizeof(*flow));
		flow->addr[0] = packet->src_ip;
		flow->addr[1] = packet->dst_ip;
		flow->port[0] = sport;
		flow->port[1] = dport;
		flow->proto = packet->ip_proto;
		flow->first_seen = packet->ts_usec;
		flow->hash = h;
		flow->bucket_next = self->buckets[h & self->n_buckets_mask];
		self->buckets[h & self->n_buckets_mask] = index;
		flow->timeout_class = TIMEOUT_MEDIUM;
		lru_append(self, index);
		self->active++;
		self->total++;
		dir = 0;
	}

	flow = &self->pool[index];
	if (packet->has_mac)
		memcpy(flow->mac[dir], packet->src_mac, 6);
	flow->packets[dir]++;
	flow->bytes[dir] += packet->ip_length;
	if (packet->ts_usec > flow->last_seen)
		flow->last_seen = packet->ts_usec;
	if (flow->app == YM_APP_NONE && packet->app != YM_APP_NONE)
		flow->app = packet->app;
	if (flow->proto == 6 && packet->has_ports)
		update_tcp_state(flow, dir, packet->tcp_flags);

	/* keep the LRU order: move to the tail of its (maybe new) class */
	klass = timeout_class_for(flow);
	lru_unlink(self, index);
	flow->timeout_class = klass;
	lru_append(self, index);

	if (direction != NULL)
		*direction = dir;
	return flow;
}

void
ym_flow_table_expire(YmFlowTable *self, gint64 now_usec)
{
	g_return_if_fail(YM_IS_FLOW_TABLE(self));
	for (guint i = 0; i < TIMEOUT_N; i++) {
		while (self->lru[i].head != NIL) {
			guint32 head = self->lru[i].head;
			if (self->pool[head].last_seen + timeouts_usec[i] >= now_usec)
				break;
			flow_end(self, head, YM_FLOW_END_TIMEOUT);
		}
	}
}

void
ym_flow_table_flush(YmFlowTable *self)
{
	g_return_if_fail(YM_IS_FLOW_TABLE(self));
	for (guint i = 0; i < TIMEOUT_N; i++) {
		while (self->lru[i].head != NIL)
			flow_end(self, self->lru[i].head, YM_FLOW_END_FLUSH);
	}
}

guint
ym_flow_table_get_active(YmFlowTable *self)
{
	g_return_val_if_fail(YM_IS_FLOW_TABLE(self), 0);
	return self->active;
}

guint64
ym_flow_table_get_total(YmFlowTable *self)
{
	g_return_val_if_fail(YM_IS_FLOW_TABLE(self), 0);
	return self->total;
}

guint64
ym_flow_table_get_evicted(YmFlowTable *self)
{
	g_return_val_if_fail(YM_IS_FLOW_TABLE(self), 0);
	return self->evicted;
}

guint
ym_flow_table_get_max(YmFlowTable *self)
{
	g_return_val_if_fail(YM_IS_FLOW_TABLE(self), 0);
	return self->max_flows;
}

const gchar *
ym_tcp_state_to_string(YmTcpState state)
{
	switch (state) {
	case YM_TCP_STATE_SYN_SENT:
		return "syn-sent";
	case YM_TCP_STATE_SYN_RECEIVED:
		return "syn-received";
	case YM_TCP_STATE_ESTABLISHED:
		return "established";
	case YM_TCP_STATE_MIDSTREAM:
		return "midstream";
	case YM_TCP_STATE_CLOSING:
		return "closing";
	case YM_TCP_STATE_CLOSED:
		return "closed";
	case YM_TCP_STATE_NONE:
	default:
		return NULL;
	}
}

YmFlowTable *
ym_flow_table_new(guint max_flows, YmFlowEndFunc func, gpointer user_data)
{
	YmFlowTable *self = g_object_new(YM_TYPE_FLOW_TABLE, NULL);
	guint32 n_buckets = 1024;
	g_return_val_if_fail(max_flows > 0, NULL);
	while (n_buckets < max_flows * 2 && n_buckets < (1u << 30))
		n_buckets <<= 1;
	self->max_flows = max_flows;
	self->n_buckets_mask = n_buckets - 1;
	/* pages are touched only as flows are used */
	self->pool = g_new(YmFlow, max_flows);
	self->buckets = g_new(guint32, n_buckets);
	memset(self->buckets, 0xff, sizeof(guint32) * n_buckets);
	self->func = func;
	self->user_data = user_data;
	return self;
}

static void
ym_flow_table_finalize(GObject *object)
{
	YmFlowTable *self = YM_FLOW_TABLE(object);
	g_free(self->pool);
	g_free(self->buckets);
	G_OBJECT_CLASS(ym_flow_table_parent_class)->finalize(object);
}

static void
ym_flow_table_class_init(YmFlowTableClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->finalize = ym_flow_table_finalize;
}

static void
ym_flow_table_init(YmFlowTable *self)
{
	self->free_head = NIL;
	for (guint i = 0; i < TIMEOUT_N; i++)
		self->lru[i].head = self->lru[i].tail = NIL;
}
