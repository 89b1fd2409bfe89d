/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ym-packet.h"

G_BEGIN_DECLS

typedef enum {
	YM_TCP_STATE_NONE = 0, /* not TCP */
	YM_TCP_STATE_SYN_SENT,
	YM_TCP_STATE_SYN_RECEIVED,
	YM_TCP_STATE_ESTABLISHED,
	YM_TCP_STATE_MIDSTREAM, /* first packet seen was not a SYN */
	YM_TCP_STATE_CLOSING,   /* one FIN seen */
	YM_TCP_STATE_CLOSED,    /* FIN both ways, or RST */
} YmTcpState;

typedef enum {
	YM_FLOW_END_TIMEOUT,
	YM_FLOW_END_EVICTED, /* the table was full */
	YM_FLOW_END_FLUSH,   /* end of capture or shutdown */
} YmFlowEndReason;

/* direction 0 is from the initiator (the sender of the first packet seen) */
typedef struct {
	YmIpAddr addr[2];
	guint16 port[2];
	guint8 mac[2][6];
	guint8 proto;
	guint8 tcp_state;
	guint8 timeout_class;
	guint8 app; /* YmAppKind first recognised */
	gint64 first_seen;
	gint64 last_seen;
	guint64 packets[2];
	guint64 bytes[2];
	/* table bookkeeping */
	guint32 hash;
	guint32 bucket_next;
	guint32 lru_prev;
	guint32 lru_next;
} YmFlow;

typedef void (*YmFlowEndFunc)(const YmFlow *flow, YmFlowEndReason reason, gpointer user_data);

#define YM_TYPE_FLOW_TABLE (ym_flow_table_get_type())
G_DECLARE_FINAL_TYPE(YmFlowTable, ym_flow_table, YM, FLOW_TABLE, GObject)

YmFlowTable *
ym_flow_table_new(guint max_flows, YmFlowEndFunc func, gpointer user_data);
/* accounts @packet to its flow (creating it); NULL for non-IP packets.
 * *direction is 0 when the packet goes the way of the first one seen */
YmFlow *
ym_flow_table_update(YmFlowTable *self, const YmPacket *packet, guint *direction);
/* ends flows idle for longer than their timeout at capture time @now_usec */
void
ym_flow_table_expire(YmFlowTable *self, gint64 now_usec);
/* ends every flow, for example at the end of a capture */
void
ym_flow_table_flush(YmFlowTable *self);
guint
ym_flow_table_get_active(YmFlowTable *self);
guint64
ym_flow_table_get_total(YmFlowTable *self);
guint64
ym_flow_table_get_evicted(YmFlowTable *self);
guint
ym_flow_table_get_max(YmFlowTable *self);
const gchar *
ym_tcp_state_to_string(YmTcpState state);

G_END_DECLS
