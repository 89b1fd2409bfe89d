/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ym-flow-table.h"

typedef struct {
	guint ended;
	guint timeouts;
	guint evicted;
	guint flushed;
	YmFlow last;
} Ended;

static void
on_end(const YmFlow *flow, YmFlowEndReason reason, gpointer user_data)
{
	Ended *e = user_data;
	e->ended++;
	e->last = *flow;
	if (reason == YM_FLOW_END_TIMEOUT)
		e->timeouts++;
	else if (reason == YM_FLOW_END_EVICTED)
		e->evicted++;
	else
		e->flushed++;
}

static void
make_tcp(YmPacket *p,
         guint32 src,
         guint16 sport,
         guint32 dst,
         guint16 dport,
         guint8 flags,
         gint64 ts)
{
	memset(p, 0, sizeof(*p));
	p->l3 = YM_L3_IPV4;
	ym_ip_addr_set_v4(&p->src_ip, src);
	ym_ip_addr_set_v4(&p->dst_ip, dst);
	p->ip_proto = 6;
	p->has_ports = TRUE;
	p->src_port = sport;
	p->dst_port = dport;
	p->tcp_flags = flags;
	p->ip_length = 60;
	p->ts_usec = ts;
}

static void
test_bidirectional_tcp(void)
{
	Ended e = {0};
	g_autoptr(YmFlowTable) table = ym_flow_table_new(16, on_end, &e);
	g_autofree YmPacket *p = g_new0(YmPacket, 1);
	YmFlow *flow;
	guint dir = 9;

	make_tcp(p, 0xc0a80a14, 50000, 0x5db8d822, 443, YM_TCP_SYN, 1000);
	flow = ym_flow_table_update(table, p, &dir);
	g_assert_nonnull(flow);
	g_assert_cmpuint(dir, ==, 0);
	g_assert_cmpuint(flow->tcp_state, ==, YM_TCP_STATE_SYN_SENT);
	make_tcp(p, 0x5db8d822, 443, 0xc0a80a14, 50000, YM_TCP_SYN | YM_TCP_ACK, 2000);
	flow = ym_flow_table_update(table, p, &dir);
	g_assert_cmpuint(dir, ==, 1);
	g_assert_cmpuint(flow->tcp_state, ==, YM_TCP_STATE_SYN_RECEIVED);
	make_tcp(p, 0xc0a80a14, 50000, 0x5db8d822, 443, YM_TCP_ACK, 3000);
	flow = ym_flow_table_update(table, p, &dir);
	g_assert_cmpuint(flow->tcp_state, ==, YM_TCP_STATE_ESTABLISHED);
	make_tcp(p, 0xc0a80a14, 50000, 0x5db8d822, 443, YM_TCP_ACK | YM_TCP_FIN, 4000);
	ym_flow_table_update(table, p, NULL);
	make_tcp(p, 0x5db8d822, 443, 0xc0a80a14, 50000, YM_TCP_ACK | YM_TCP_FIN, 5000);
	flow = ym_flow_table_update(table, p, NULL);
	g_assert_cmpuint(flow->tcp_state, ==, YM_TCP_STATE_CLOSED);
	g_assert_cmpuint(flow->packets[0], ==, 3);
	g_assert_cmpuint(flow->packets[1], ==, 2);
	g_assert_cmpuint(flow->bytes[0], ==, 180);
	g_assert_cmpint(flow->first_seen, ==, 1000);
	g_assert_cmpint(flow->last_seen, ==, 5000);
	g_assert_cmpuint(ym_flow_table_get_active(table), ==, 1);
	g_assert_cmpuint(ym_flow_table_get_total(table), ==, 1);

	/* closed flows expire after 30 s of capture time, not before */
	ym_flow_table_expire(table, 5000 + 29 * G_USEC_PER_SEC);
	g_assert_cmpuint(e.ended, ==, 0);
	ym_flow_table_expire(table, 5000 + 31 * G_USEC_PER_SEC);
	g_assert_cmpuint(e.timeouts, ==, 1);
	g_assert_cmpuint(e.last.packets[0] + e.last.packets[1], ==, 5);
	g_assert_cmpuint(ym_flow_table_get_active(table), ==, 0);
}

static void
test_midstream_and_rst(void)
{
	Ended e = {0};
	g_autoptr(YmFlowTable) table = ym_flow_table_new(16, on_end, &e);
	g_autofree YmPacket *p = g_new0(YmPacket, 1);
	YmFlow *flow;
	make_tcp(p, 1, 1, 2, 2, YM_TCP_ACK, 10);
	flow = ym_flow_table_update(table, p, NULL);
	g_assert_cmpuint(flow->tcp_state, ==, YM_TCP_STATE_MIDSTREAM);
	make_tcp(p, 2, 2, 1, 1, YM_TCP_RST, 20);
	flow = ym_flow_table_update(table, p, NULL);
	g_assert_cmpuint(flow->tcp_state, ==, YM_TCP_STATE_CLOSED);
	/* ARP has no flow */
	memset(p, 0, sizeof(*p));
	p->l3 = YM_L3_ARP;
	g_assert_null(ym_flow_table_update(table, p, NULL));
}

static void
test_udp_and_ipv6(void)
{
	Ended e = {0};
	g_autoptr(YmFlowTable) table = ym_flow_table_new(16, on_end, &e);
	g_autofree YmPacket *p = g_new0(YmPacket, 1);
	YmFlow *a, *b;
	memset(p, 0, sizeof(*p));
	p->l3 = YM_L3_IPV6;
	p->src_ip.family = p->dst_ip.family = 6;
	p->src_ip.bytes[0] = 0xfe;
	p->src_ip.bytes[15] = 1;
	p->dst_ip.bytes[0] = 0xfe;
	p->dst_ip.bytes[15] = 2;
	p->ip_proto = 17;
	p->has_ports = TRUE;
	p->src_port = 546;
	p->dst_port = 547;
	a = ym_flow_table_update(table, p, NULL);
	/* the same ports on other addresses are another flow */
	p->dst_ip.bytes[15] = 3;
	b = ym_flow_table_update(table, p, NULL);
	g_assert_true(a != b);
	g_assert_cmpuint(ym_flow_table_get_total(table), ==, 2);
	g_assert_cmpuint(a->tcp_state, ==, YM_TCP_STATE_NONE);
	ym_flow_table_flush(table);
	g_assert_cmpuint(e.flushed, ==, 2);
	g_assert_cmpuint(ym_flow_table_get_active(table), ==, 0);
}

/* memory is bounded: a table of 64 sees 10000 flows and evicts the oldest */
static void
test_eviction(void)
{
	Ended e = {0};
	g_autoptr(YmFlowTable) table = ym_flow_table_new(64, on_end, &e);
	g_autofree YmPacket *p = g_new0(YmPacket, 1);
	for (guint i = 0; i < 10000; i++) {
		make_tcp(p, 0x0a000001, (guint16) (1024 + i), 0x08080808, 53, YM_TCP_SYN,
		         (gint64) i * 1000);
		g_assert_nonnull(ym_flow_table_update(table, p, NULL));
		g_assert_cmpuint(ym_flow_table_get_active(table), <=, 64);
	}
	g_assert_cmpuint(ym_flow_table_get_total(table), ==, 10000);
	g_assert_cmpuint(ym_flow_table_get_evicted(table), ==, 10000 - 64);
	g_assert_cmpuint(e.evicted, ==, 10000 - 64);
	/* the newest flow is still there and is found again */
	make_tcp(p, 0x08080808, 53, 0x0a000001, (guint16) (1024 + 9999), YM_TCP_SYN | YM_TCP_ACK,
	         20000000);
	{
		guint dir = 0;
		YmFlow *flow = ym_flow_table_update(table, p, &dir);
		g_assert_cmpuint(dir, ==, 1);
		g_assert_cmpuint(flow->packets[0], ==, 1);
		g_assert_cmpuint(flow->packets[1], ==, 1);
	}
	g_assert_cmpuint(ym_flow_table_get_total(table), ==, 10000);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/flow-table/bidirectional-tcp", test_bidirectional_tcp);
	g_test_add_func("/ym/flow-table/midstream-and-rst", test_midstream_and_rst);
	g_test_add_func("/ym/flow-table/udp-and-ipv6", test_udp_and_ipv6);
	g_test_add_func("/ym/flow-table/eviction", test_eviction);
	return g_test_run();
}
