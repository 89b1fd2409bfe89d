/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * link, network and transport decoders: hand-made frames for the corner
 * cases, real frames from ../shared/data/pcaps checked against tshark 4.0,
 * and every prefix of a frame for truncation. Application decoders may or may
 * not be built, so no test depends on what they make of a payload: hand-made
 * payloads use ports and bytes no application decoder claims.
 */

#include "config.h"

#include <glib.h>
#include <stdarg.h>

#include "ym-decode.h"

/* hand-made building blocks: 02:00:00:00:00:01 talks to 02:00:00:00:00:02 */
#define MACS    "020000000002 020000000001 "
#define ETH_V4  MACS "0800 "
#define ETH_V6  MACS "86dd "
#define V4_ADDR "c0a80001 c0a80002 " /* 192.168.0.1 > 192.168.0.2 */
#define V6_ADDR "fe800000000000000000000000000001 fe800000000000000000000000000002 "

/* UDP 40000 > 9999, length 12, "ping": no application decoder listens there */
#define UDP_PING "9c40 270f 000c 0000 70696e67"

/* IPv4 + UDP ping, 32 bytes, DF, ttl 64 */
#define IPV4_UDP_PING "4500 0020 1234 4000 4011 0000 " V4_ADDR UDP_PING
/* IPv6 + UDP ping, hop limit 64 */
#define IPV6_UDP_PING "6000 0000 000c 11 40 " V6_ADDR UDP_PING
/* IPv4 + TCP 40000 > 8080 [PSH, ACK] "hello" */
#define IPV4_TCP_HELLO                                                                             \
	"4500 002d 0001 0000 4006 0000 " V4_ADDR                                                   \
	"9c40 1f90 01020304 05060708 5018 faf0 0000 0000 "                                         \
	"68656c6c6f"

/*
 * real frames (tshark -x), with what tshark 4.0 decodes in them
 */

/* ndpi-ja3-lots-of-ciphers.pcap #1: two 802.1Q tags (93, 258), 10.206.131.18:58657 >
 * 10.206.65.249:443 SYN, ttl 63, ip.len 52, DF, seq 3459175936, win 29200, tcp.hdr_len 32 */
#define REAL_VLAN2_SYN                                                                             \
	"000000000001b0aa77b548408100005d81000102080045000034c34940003f069dd30ace83120ace41f9e521" \
	"01bbce2ed600000000008002721097520000020405b40101040201030302"

/* ndpi-netbios.pcap #261: one tag (2308), 10.19.71.184:55489 > 10.17.113.129:139 [PSH, ACK],
 * ttl 123, ip.len 112, seq 610436200, ack 3253803767, win 256, tcp.len 72 */
#define REAL_VLAN1_TCP                                                                             \
	"000000000000000f00000008810009040800450000700f7640007b0622b50a1347b80a117181d8c1008b2462" \
	"8468c1f11af7501801002c4a00008100004420454a4543454a45474549464244424442464846444441444344" \
	"444341434143410020464345504644454745494642444144484648464444414441444543414341414100"

/* zeek-http-basic-auth-with-colon.pcap #4 (LINKTYPE_IPV4): 172.24.133.205:43090 > :8000
 * [PSH, ACK], ttl 64, ip.len 238, seq 11897820, ack 3312465584, win 512, hdr 32, tcp.len 186 */
#define REAL_RAW4_HTTP                                                                             \
	"450000ee44fa400040069144ac1885cdac1885cda8521f4000b58bdcc57036b080180200ebdf00000101080a" \
	"66c7763a66c7763a474554202f20485454502f312e310d0a486f73743a203137322e32342e3133332e323035" \
	"3a383030300d0a557365722d4167656e743a20707974686f6e2d72657175657374732f322e33312e300d0a41" \
	"63636570742d456e636f64696e673a20677a69702c206465666c6174650d0a4163636570743a202a2f2a0d0a" \
	"436f6e6e656374696f6e3a206b6565702d616c6976650d0a417574686f72697a6174696f6e3a204261736963" \
	"20206447567a64446f784f6a4d300d0a0d0a"

/* zeek-http-basic-auth-with-colon.pcap #1: 172.24.133.205:43090 > :8000 SYN, seq 11897819,
 * win 65495, hdr 40 */
#define REAL_RAW4_SYN                                                                              \
	"4500003c44f84000400691f8ac1885cdac1885cda8521f4000b58bdb00000000a002ffd7b91300000204ffd7" \
	"0402080a66c7763a0000000001030307"

/* zeek-arp-who-has.pcap #1: who-has 10.0.0.1 tell 10.0.0.2 (78:31:c1:c6:3f:c2) */
#define REAL_ARP_REQUEST                                                                           \
	"ffffffffffff7831c1c63fc2080600010800060400017831c1c63fc20a0000020000000000000a000001"

/* zeek-arp-who-has.pcap #2: 10.0.0.1 is-at f8:ed:a5:c0:a4:f1, padded to 60 bytes */
#define REAL_ARP_REPLY                                                                             \
	"7831c1c63fc2f8eda5c0a4f108060001080006040002f8eda5c0a4f10a0000017831c1c63fc20a0000020000" \
	"0000000000000000000000001f0b60ce"

/* ndpi-alexa-app-android.pcapng #3: DAD neighbour solicitation from :: for
 * fe80::7af8:82ff:fed3:fbc2, no options, hop limit 255 */
#define REAL_ND_NS_DAD                                                                             \
	"3333ffd3fbc278f882d3fbc286dd6000000000183aff00000000000000000000000000000000ff0200000000" \
	"000000000001ffd3fbc28700870200000000fe800000000000007af882fffed3fbc2"

/* ndpi-alexa-app-android.pcapng #10: router solicitation fe80::7af8:82ff:fed3:fbc2 > ff02::2,
 * source link-layer option 78:f8:82:d3:fb:c2 */
#define REAL_ND_RS                                                                                 \
	"33330000000278f882d3fbc286dd6000000000103afffe800000000000007af882fffed3fbc2ff0200000000" \
	"0000000000000000000285008c1000000000010178f882d3fbc2"

/* zeek-mdns.pcap #6: hop-by-hop (router alert) then ICMPv6 143 (MLDv2 report),
 * fe80::883c:d6ff:fee1:4dc4 > ff02::16, hop limit 1, plen 36 */
#define REAL_HBH_MLD                                                                               \
	"3333000000168a3cd6e14dc486dd6000000000240001fe80000000000000883cd6fffee14dc4ff0200000000" \
	"000000000000000000163a000502000001008f00c42d0000000103000000ff02000000000000000000000000" \
	"00fb"

/* ndpi-telnet-login.pcap #18: ip.len says 137 but the 66-byte frame (not cut by the capture)
 * holds 52 bytes of IP; 192.168.0.2:1550 > 192.168.0.1:23 [PSH, ACK], tcp.hdr_len 32 */
#define REAL_IPLEN_LONG                                                                            \
	"0000c09fa09700a0cc3bbffa08004510008946444000400672c7c0a80002c0a80001060e001799c5a15417f1" \
	"638480187d78cc9300000101080a009c27340025a62c"

/* zeek-home-multicast-short.pcap #1: IGMP with a router alert option (ip.hdr_len 24),
 * 192.168.0.1 > 224.0.0.1, ttl 1, ip.len 46, padded */
#define REAL_IPV4_OPTIONS_IGMP                                                                     \
	"01005e00000198dac4c980a808004600002e000040000102441fc0a80001e0000001940400001164ec1e0000" \
	"0000027d000000000000000000000000"

/* slips-icmp-sweep.pcap #1: echo request 192.168.1.109 > 192.168.1.1, ttl 45 */
#define REAL_ICMP_ECHO                                                                             \
	"68ff7bdca21750ed3c39bcd908004500001ca00100002d016a21c0a8016dc0a801010800620f95f00000"

/* suricata-verify-win7-home-browsing.pcap #2: spanning tree over 802.3/LLC, length 38 */
#define REAL_LLC_STP                                                                               \
	"0180c2000000fe54008e18ce0026424203000000000080005254002f9f430000000080005254002f9f43800a" \
	"0000140002000200"

/* ndpi-nest-log-sink.pcap #1: 192.168.242.15:63340 > 35.174.82.237:11095 [ACK], ip.len 40,
 * six bytes of Ethernet padding after it */
#define REAL_PADDED_ACK                                                                            \
	"0090fb26276b18b4302634400800450000282f620000ff06631ac0a8f20f23ae52edf76c2b5708a8bf3fc480" \
	"618550100fe565ea0000000000000000"

/* zeek-dhcpv6-wifi-rapidcommit.pcap #1: fe80::6990:df6e:618:c096:546 > ff02::1:2:547, hlim 1,
 * udp.length 87 */
#define REAL_DHCPV6                                                                                \
	"3333000100027413eaa51d1f86dd600f4db000571101fe800000000000006990df6e0618c096ff0200000000" \
	"000000000000000100020222022300570d9d01145951000e00000003000c46859adf00000000000000000027" \
	"0009010774696e6b7978310006000a00170018001f0038005200010012000497955daa0f59524fe69ae8d65a" \
	"f69d46000800020000"

/* ndpi-tls-malicious-cert-sha1.pcapng #1: 2001:b07:a3d:c112:9726:f643:a838:b0c4:40294 >
 * 2a00:1450:4002:414::2013:443 SYN, hlim 64, seq 3459084868, win 65320, hdr 40 */
#define REAL_IPV6_SYN                                                                              \
	"20b001e0866234e6d7021b2786dd60069f140028064020010b070a3dc1129726f643a838b0c42a0014504002" \
	"041400000000000020139d6601bbce2d724400000000a002ff287f6700000204058c0402080ae9141b400000" \
	"000001030307"

/* zeek-dhcp.pcap #1: 0.0.0.0:68 > 255.255.255.255:67, udp.length 273, ttl 64 */
#define REAL_DHCP_DISCOVER                                                                         \
	"ffffffffffff90b11c99492908004500012500010000401179c800000000ffffffff00440043011132a70101" \
	"0600000007c0000000000000000000000000000000000000000090b11c994929000000000000000000000000" \
	"0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" \
	"0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" \
	"0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" \
	"0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" \
	"0000000000000000000000000000638253633501013204c0a8d3c20c0d62746573742e69732e636f6f6cff"

/* helpers */

static GBytes *
bytes_from_hex(const gchar *hex)
{
	GByteArray *array = g_byte_array_new();

	for (const gchar *p = hex; *p != '\0';) {
		guint8 byte;
		if (g_ascii_isspace(*p)) {
			p++;
			continue;
		}
		g_assert_true(g_ascii_isxdigit(p[0]) && g_ascii_isxdigit(p[1]));
		byte = (guint8) ((g_ascii_xdigit_value(p[0]) << 4) | g_ascii_xdigit_value(p[1]));
		g_byte_array_append(array, &byte, 1);
		p += 2;
	}
	return g_byte_array_free_to_bytes(array);
}

static YmDecodeResult
decode_full(YmPacket *packet, guint32 linktype, GBytes *frame, guint32 extra_wirelen)
{
	gsize length = 0;
	const guint8 *data = g_bytes_get_data(frame, &length);
	return ym_decode_frame(packet, linktype, data, (guint32) length,
	                       (guint32) length + extra_wirelen);
}

static YmDecodeResult
decode(YmPacket *packet, guint32 linktype, GBytes *frame)
{
	return decode_full(packet, linktype, frame, 0);
}

static YmPacket *
packet_new(void)
{
	return g_new0(YmPacket, 1);
}

static void
assert_mac(const guint8 *mac, const gchar *expected)
{
	gchar buf[18];
	g_assert_cmpstr(ym_mac_to_string(mac, buf, sizeof(buf)), ==, expected);
}

static void
assert_ip(const YmIpAddr *addr, const gchar *expected)
{
	gchar buf[46];
	g_assert_cmpstr(ym_ip_addr_to_string(addr, buf, sizeof(buf)), ==, expected);
}

static void
assert_ipv6_bytes(const guint8 *bytes, const gchar *expected)
{
	YmIpAddr addr = {.family = 6};
	memcpy(addr.bytes, bytes, 16);
	assert_ip(&addr, expected);
}

/* the exact list of events, in order, ended by YM_EVENT_NONE */
static void
assert_events(const YmPacket *packet, ...)
{
	va_list args;
	guint n = 0;

	va_start(args, packet);
	for (;;) {
		YmDecodeEvent event = va_arg(args, int);
		if (event == YM_EVENT_NONE)
			break;
		g_assert_cmpuint(n, <, packet->n_events);
		g_assert_cmpstr(ym_decode_event_to_string(packet->events[n]), ==,
		                ym_decode_event_to_string(event));
		n++;
	}
	va_end(args);
	g_assert_cmpuint(packet->n_events, ==, n);
}

#define assert_no_events(packet) assert_events(packet, YM_EVENT_NONE)

static void
assert_payload(const YmPacket *packet, const gchar *text)
{
	g_assert_nonnull(packet->payload);
	g_assert_cmpmem(packet->payload, packet->payload_length, text, strlen(text));
}

/* ethernet and VLANs */

static void
test_ethernet_padding(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(REAL_PADDED_ACK);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_cmpuint(packet->linktype, ==, YM_LINKTYPE_ETHERNET);
	g_assert_cmpuint(packet->caplen, ==, 60);
	g_assert_cmpuint(packet->wirelen, ==, 60);
	g_assert_true(packet->has_mac);
	assert_mac(packet->src_mac, "18:b4:30:26:34:40");
	assert_mac(packet->dst_mac, "00:90:fb:26:27:6b");
	g_assert_cmpuint(packet->ethertype, ==, 0x0800);
	g_assert_cmpuint(packet->n_vlans, ==, 0);
	g_assert_cmpint(packet->l3, ==, YM_L3_IPV4);
	assert_ip(&packet->src_ip, "192.168.242.15");
	assert_ip(&packet->dst_ip, "35.174.82.237");
	g_assert_cmpuint(packet->ttl, ==, 255);
	g_assert_cmpuint(packet->ip_length, ==, 40);
	g_assert_false(packet->ip_dont_fragment);
	g_assert_cmpuint(packet->src_port, ==, 63340);
	g_assert_cmpuint(packet->dst_port, ==, 11095);
	g_assert_cmpuint(packet->tcp_seq, ==, 145276735);
	g_assert_cmpuint(packet->tcp_ack, ==, 3296747909);
	g_assert_cmpuint(packet->tcp_flags, ==, YM_TCP_ACK);
	g_assert_cmpuint(packet->tcp_window, ==, 4069);
	/* the six padding bytes are not payload */
	g_assert_cmpuint(packet->payload_length, ==, 0);
}

static void
test_ethernet_vlan_single(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(REAL_VLAN1_TCP);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_OK);
	assert_no_events(packet);
	assert_mac(packet->src_mac, "00:0f:00:00:00:08");
	assert_mac(packet->dst_mac, "00:00:00:00:00:00");
	g_assert_cmpuint(packet->n_vlans, ==, 1);
	g_assert_cmpuint(packet->vlan_ids[0], ==, 2308);
	g_assert_cmpuint(packet->ethertype, ==, 0x0800);
	assert_ip(&packet->src_ip, "10.19.71.184");
	assert_ip(&packet->dst_ip, "10.17.113.129");
	g_assert_cmpuint(packet->ttl, ==, 123);
	g_assert_cmpuint(packet->ip_length, ==, 112);
	g_assert_true(packet->ip_dont_fragment);
	g_assert_cmpuint(packet->src_port, ==, 55489);
	g_assert_cmpuint(packet->dst_port, ==, 139);
	g_assert_cmpuint(packet->tcp_seq, ==, 610436200);
	g_assert_cmpuint(packet->tcp_ack, ==, 3253803767);
	g_assert_cmpuint(packet->tcp_flags, ==, YM_TCP_PSH | YM_TCP_ACK);
	g_assert_cmpuint(packet->tcp_window, ==, 256);
	g_assert_cmpuint(packet->tcp_header_length, ==, 20);
	g_assert_cmpuint(packet->payload_length, ==, 72);
	g_assert_cmpuint(packet->payload[0], ==, 0x81); /* NBSS session request */
}

static void
test_ethernet_vlan_double(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(REAL_VLAN2_SYN);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_OK);
	assert_no_events(packet);
	assert_mac(packet->src_mac, "b0:aa:77:b5:48:40");
	assert_mac(packet->dst_mac, "00:00:00:00:00:01");
	g_assert_cmpuint(packet->n_vlans, ==, 2);
	g_assert_cmpuint(packet->vlan_ids[0], ==, 93);
	g_assert_cmpuint(packet->vlan_ids[1], ==, 258);
	g_assert_cmpuint(packet->ethertype, ==, 0x0800);
	assert_ip(&packet->src_ip, "10.206.131.18");
	assert_ip(&packet->dst_ip, "10.206.65.249");
	g_assert_cmpuint(packet->ttl, ==, 63);
	g_assert_cmpuint(packet->ip_length, ==, 52);
	g_assert_true(packet->ip_dont_fragment);
	g_assert_false(packet->ip_fragment);
	g_assert_true(packet->ip_first_fragment);
	g_assert_cmpuint(packet->ip_proto, ==, 6);
	g_assert_true(packet->has_ports);
	g_assert_cmpuint(packet->src_port, ==, 58657);
	g_assert_cmpuint(packet->dst_port, ==, 443);
	g_assert_cmpuint(packet->tcp_seq, ==, 3459175936);
	g_assert_cmpuint(packet->tcp_ack, ==, 0);
	g_assert_cmpuint(packet->tcp_flags, ==, YM_TCP_SYN);
	g_assert_cmpuint(packet->tcp_window, ==, 29200);
	g_assert_cmpuint(packet->tcp_header_length, ==, 32);
	g_assert_cmpuint(packet->payload_length, ==, 0);
}

static void
test_ethernet_qinq(void)
{
	g_autofree YmPacket *packet = packet_new();
	/* 802.1ad S-tag 100 with priority bits, then C-tag 200 */
	g_autoptr(GBytes) frame = bytes_from_hex(MACS "88a8 a064 8100 00c8 0800 " IPV4_UDP_PING);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_cmpuint(packet->n_vlans, ==, 2);
	g_assert_cmpuint(packet->vlan_ids[0], ==, 100);
	g_assert_cmpuint(packet->vlan_ids[1], ==, 200);
	g_assert_cmpuint(packet->ethertype, ==, 0x0800);
	g_assert_cmpuint(packet->dst_port, ==, 9999);
	assert_payload(packet, "ping");
}

static void
test_ethernet_vlan_too_deep(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame =
	    bytes_from_hex(MACS "9100 0001 88a8 0002 8100 0003 0800 " IPV4_UDP_PING);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_UNSUPPORTED);
	assert_events(packet, YM_EVENT_VLAN_TOO_DEEP, YM_EVENT_NONE);
	g_assert_true(packet->has_mac);
	g_assert_cmpuint(packet->n_vlans, ==, 2);
	g_assert_cmpuint(packet->vlan_ids[0], ==, 1);
	g_assert_cmpuint(packet->vlan_ids[1], ==, 2);
	g_assert_cmpuint(packet->ethertype, ==, 0x8100);
	g_assert_cmpint(packet->l3, ==, YM_L3_NONE);
	g_assert_false(packet->has_ports);
}

static void
test_ethernet_vlan_truncated(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(MACS "8100 0064 08");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_LINK_TRUNCATED, YM_EVENT_NONE);
	g_assert_true(packet->has_mac);
	g_assert_cmpuint(packet->n_vlans, ==, 0);
}

static void
test_ethernet_llc(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(REAL_LLC_STP);

	/* 802.3 length field: not decoded and not an anomaly */
	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_UNSUPPORTED);
	assert_no_events(packet);
	g_assert_true(packet->has_mac);
	assert_mac(packet->src_mac, "fe:54:00:8e:18:ce");
	assert_mac(packet->dst_mac, "01:80:c2:00:00:00");
	g_assert_cmpuint(packet->ethertype, ==, 0);
	g_assert_cmpint(packet->l3, ==, YM_L3_NONE);
}

static void
test_ethernet_unknown_ethertype(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(MACS "88cc 0207 04020000000001");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_UNSUPPORTED);
	assert_no_events(packet);
	g_assert_cmpuint(packet->ethertype, ==, 0x88cc);
}

static void
test_ethernet_truncated(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(MACS "08");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_LINK_TRUNCATED, YM_EVENT_NONE);
	g_assert_false(packet->has_mac);
}

static void
test_ethertype_dispatch(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(IPV4_UDP_PING);
	YmBuf buf;

	ym_packet_reset(packet);
	ym_buf_init(&buf, g_bytes_get_data(frame, NULL), g_bytes_get_size(frame));
	g_assert_cmpint(ym_decode_ethertype(packet, 0x05dc, &buf), ==, YM_DECODE_UNSUPPORTED);
	g_assert_cmpuint(packet->ethertype, ==, 0);
	g_assert_cmpint(ym_decode_ethertype(packet, 0x0800, &buf), ==, YM_DECODE_OK);
	g_assert_cmpuint(packet->ethertype, ==, 0x0800);
	g_assert_cmpuint(packet->dst_port, ==, 9999);
}

/* linux cooked captures */

static void
test_sll(void)
{
	g_autofree YmPacket *packet = packet_new();
	/* incoming to us, ARPHRD_ETHER, 6-byte address padded to 8, IPv4 */
	g_autoptr(GBytes) frame =
	    bytes_from_hex("0000 0001 0006 02000000000a 0000 0800 " IPV4_UDP_PING);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_LINUX_SLL, frame), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_true(packet->has_mac);
	assert_mac(packet->src_mac, "02:00:00:00:00:0a");
	assert_mac(packet->dst_mac, "00:00:00:00:00:00");
	g_assert_cmpuint(packet->ethertype, ==, 0x0800);
	assert_ip(&packet->src_ip, "192.168.0.1");
	g_assert_cmpuint(packet->src_port, ==, 40000);
	assert_payload(packet, "ping");
}

static void
test_sll_no_mac(void)
{
	g_autofree YmPacket *packet = packet_new();
	/* a tunnel (ARPHRD_NONE) has no link-layer address */
	g_autoptr(GBytes) frame =
	    bytes_from_hex("0000 fffe 0000 0000000000000000 86dd " IPV6_UDP_PING);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_LINUX_SLL, frame), ==, YM_DECODE_OK);
	g_assert_false(packet->has_mac);
	g_assert_cmpint(packet->l3, ==, YM_L3_IPV6);
	assert_payload(packet, "ping");
}

static void
test_sll_truncated(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex("0000 0001 0006 02000000000a 0000 08");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_LINUX_SLL, frame), ==, YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_LINK_TRUNCATED, YM_EVENT_NONE);
	g_assert_false(packet->has_mac);
}

static void
test_sll2(void)
{
	g_autofree YmPacket *packet = packet_new();
	/* IPv6, ifindex 2, ARPHRD_ETHER, outgoing, 6-byte address */
	g_autoptr(GBytes) frame = bytes_from_hex("86dd 0000 00000002 0001 04 06 02000000000b 0000 "
	                                         "6000 0000 0019 06 40 " V6_ADDR
	                                         "9c40 1f90 01020304 05060708 5018 faf0 0000 0000 "
	                                         "68656c6c6f");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_LINUX_SLL2, frame), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_true(packet->has_mac);
	assert_mac(packet->src_mac, "02:00:00:00:00:0b");
	g_assert_cmpuint(packet->ethertype, ==, 0x86dd);
	assert_ip(&packet->src_ip, "fe80::1");
	assert_ip(&packet->dst_ip, "fe80::2");
	g_assert_cmpuint(packet->ip_proto, ==, 6);
	g_assert_cmpuint(packet->dst_port, ==, 8080);
	assert_payload(packet, "hello");
}

static void
test_sll2_truncated(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex("86dd 0000 00000002 0001 04 06 0200");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_LINUX_SLL2, frame), ==, YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_LINK_TRUNCATED, YM_EVENT_NONE);
}

/* raw, null and unknown link types */

static void
test_raw_ipv4(void)
{
	const guint32 linktypes[] = {YM_LINKTYPE_RAW, YM_LINKTYPE_IPV4, 12, 14};
	g_autoptr(GBytes) frame = bytes_from_hex(REAL_RAW4_SYN);

	for (guint i = 0; i < G_N_ELEMENTS(linktypes); i++) {
		g_autofree YmPacket *packet = packet_new();
		g_assert_cmpint(decode(packet, linktypes[i], frame), ==, YM_DECODE_OK);
		assert_no_events(packet);
		g_assert_cmpuint(packet->linktype, ==, linktypes[i]);
		g_assert_false(packet->has_mac);
		g_assert_cmpuint(packet->ethertype, ==, 0x0800);
		assert_ip(&packet->src_ip, "172.24.133.205");
		assert_ip(&packet->dst_ip, "172.24.133.205");
		g_assert_cmpuint(packet->src_port, ==, 43090);
		g_assert_cmpuint(packet->dst_port, ==, 8000);
		g_assert_cmpuint(packet->tcp_seq, ==, 11897819);
		g_assert_cmpuint(packet->tcp_flags, ==, YM_TCP_SYN);
		g_assert_cmpuint(packet->tcp_window, ==, 65495);
		g_assert_cmpuint(packet->tcp_header_length, ==, 40);
	}
}

static void
test_raw_ipv6(void)
{
	const guint32 linktypes[] = {YM_LINKTYPE_RAW, YM_LINKTYPE_IPV6, 12};
	g_autoptr(GBytes) frame = bytes_from_hex(IPV6_UDP_PING);

	for (guint i = 0; i < G_N_ELEMENTS(linktypes); i++) {
		g_autofree YmPacket *packet = packet_new();
		g_assert_cmpint(decode(packet, linktypes[i], frame), ==, YM_DECODE_OK);
		assert_no_events(packet);
		g_assert_cmpuint(packet->ethertype, ==, 0x86dd);
		g_assert_cmpint(packet->l3, ==, YM_L3_IPV6);
		g_assert_cmpuint(packet->ttl, ==, 64);
		g_assert_cmpuint(packet->ip_length, ==, 52);
		assert_payload(packet, "ping");
	}
}

static void
test_raw_bad_version(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex("5500 0020 1234");
	g_autoptr(GBytes) empty = g_bytes_new(NULL, 0);
	g_autoptr(GBytes) ipv6 = bytes_from_hex(IPV6_UDP_PING);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_RAW, frame), ==, YM_DECODE_UNSUPPORTED);
	assert_no_events(packet);
	g_assert_cmpint(decode(packet, YM_LINKTYPE_RAW, empty), ==, YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_LINK_TRUNCATED, YM_EVENT_NONE);
	/* a fixed IPv4 link type checks the version in the IP decoder */
	g_assert_cmpint(decode(packet, YM_LINKTYPE_IPV4, ipv6), ==, YM_DECODE_INVALID);
	assert_events(packet, YM_EVENT_IPV4_INVALID, YM_EVENT_NONE);
}

static void
test_null(void)
{
	const struct {
		guint32 linktype;
		const gchar *hex;
		YmDecodeResult result;
		YmL3Kind l3;
	} cases[] = {
	    /* AF_INET written by a little-endian host, and by a big-endian one */
	    {YM_LINKTYPE_NULL, "02000000 " IPV4_UDP_PING, YM_DECODE_OK, YM_L3_IPV4},
	    {YM_LINKTYPE_NULL, "00000002 " IPV4_UDP_PING, YM_DECODE_OK, YM_L3_IPV4},
	    /* AF_INET6 of Linux, the BSDs and Darwin */
	    {YM_LINKTYPE_NULL, "0a000000 " IPV6_UDP_PING, YM_DECODE_OK, YM_L3_IPV6},
	    {YM_LINKTYPE_NULL, "18000000 " IPV6_UDP_PING, YM_DECODE_OK, YM_L3_IPV6},
	    {YM_LINKTYPE_NULL, "0000001c " IPV6_UDP_PING, YM_DECODE_OK, YM_L3_IPV6},
	    {YM_LINKTYPE_NULL, "1e000000 " IPV6_UDP_PING, YM_DECODE_OK, YM_L3_IPV6},
	    /* LOOP is always big-endian */
	    {YM_LINKTYPE_LOOP, "00000002 " IPV4_UDP_PING, YM_DECODE_OK, YM_L3_IPV4},
	    {YM_LINKTYPE_LOOP, "0000001e " IPV6_UDP_PING, YM_DECODE_OK, YM_L3_IPV6},
	    {YM_LINKTYPE_LOOP, "02000000 " IPV4_UDP_PING, YM_DECODE_UNSUPPORTED, YM_L3_NONE},
	    /* AF_APPLETALK */
	    {YM_LINKTYPE_NULL, "10000000 " IPV4_UDP_PING, YM_DECODE_UNSUPPORTED, YM_L3_NONE},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree YmPacket *packet = packet_new();
		g_autoptr(GBytes) frame = bytes_from_hex(cases[i].hex);
		g_assert_cmpint(decode(packet, cases[i].linktype, frame), ==, cases[i].result);
		assert_no_events(packet);
		g_assert_cmpint(packet->l3, ==, cases[i].l3);
		if (cases[i].l3 != YM_L3_NONE)
			assert_payload(packet, "ping");
	}
}

static void
test_null_truncated(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex("020000");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_NULL, frame), ==, YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_LINK_TRUNCATED, YM_EVENT_NONE);
}

static void
test_link_unsupported(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(ETH_V4 IPV4_UDP_PING);

	/* LINKTYPE_IEEE802_11 */
	g_assert_cmpint(decode(packet, 105, frame), ==, YM_DECODE_UNSUPPORTED);
	assert_events(packet, YM_EVENT_LINK_UNSUPPORTED, YM_EVENT_NONE);
	g_assert_cmpuint(packet->linktype, ==, 105);
	g_assert_false(packet->has_mac);
}

static void
test_frame_truncated(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(ETH_V4 IPV4_UDP_PING);

	/* snaplen cut nothing we need: the frame event is the only one */
	g_assert_cmpint(decode_full(packet, YM_LINKTYPE_ETHERNET, frame, 4), ==, YM_DECODE_OK);
	assert_events(packet, YM_EVENT_FRAME_TRUNCATED, YM_EVENT_NONE);
	g_assert_cmpuint(packet->caplen, ==, 46);
	g_assert_cmpuint(packet->wirelen, ==, 50);
	assert_payload(packet, "ping");
}

static void
test_frame_reset(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) tcp = bytes_from_hex(REAL_VLAN2_SYN);
	g_autoptr(GBytes) arp = bytes_from_hex(REAL_ARP_REQUEST);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, tcp), ==, YM_DECODE_OK);
	packet->number = 7;
	packet->ts_usec = 1557818846743554;
	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, arp), ==, YM_DECODE_OK);

	/* nothing of the previous frame survives, number and time included */
	g_assert_cmpuint(packet->number, ==, 0);
	g_assert_cmpint(packet->ts_usec, ==, 0);
	g_assert_cmpuint(packet->n_vlans, ==, 0);
	g_assert_false(packet->has_ports);
	g_assert_null(packet->payload);
	g_assert_cmpuint(packet->ip_proto, ==, 0);
	g_assert_cmpint(packet->src_ip.family, ==, 0);
	g_assert_cmpint(packet->l3, ==, YM_L3_ARP);
}

static void
test_null_data(void)
{
	g_autofree YmPacket *packet = packet_new();

	g_assert_cmpint(ym_decode_frame(packet, YM_LINKTYPE_ETHERNET, NULL, 0, 0), ==,
	                YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_LINK_TRUNCATED, YM_EVENT_NONE);
	/* a NULL pointer never counts as bytes, whatever caplen says */
	g_assert_cmpint(ym_decode_frame(packet, YM_LINKTYPE_IPV4, NULL, 100, 100), ==,
	                YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_IPV4_TRUNCATED, YM_EVENT_NONE);
}

/* arp */

static void
test_arp_request(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(REAL_ARP_REQUEST);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_cmpuint(packet->ethertype, ==, 0x0806);
	g_assert_cmpint(packet->l3, ==, YM_L3_ARP);
	g_assert_cmpuint(packet->arp.hardware_type, ==, 1);
	g_assert_cmpuint(packet->arp.protocol_type, ==, 0x0800);
	g_assert_cmpuint(packet->arp.operation, ==, 1);
	assert_mac(packet->arp.sender_mac, "78:31:c1:c6:3f:c2");
	assert_mac(packet->arp.target_mac, "00:00:00:00:00:00");
	g_assert_cmphex(packet->arp.sender_ip, ==, 0x0a000002);
	g_assert_cmphex(packet->arp.target_ip, ==, 0x0a000001);
	g_assert_false(packet->has_ports);
	g_assert_cmpint(packet->src_ip.family, ==, 0);
}

static void
test_arp_reply(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(REAL_ARP_REPLY);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_cmpuint(packet->arp.operation, ==, 2);
	assert_mac(packet->arp.sender_mac, "f8:ed:a5:c0:a4:f1");
	assert_mac(packet->arp.target_mac, "78:31:c1:c6:3f:c2");
	g_assert_cmphex(packet->arp.sender_ip, ==, 0x0a000001);
	g_assert_cmphex(packet->arp.target_ip, ==, 0x0a000002);
}

static void
test_arp_other(void)
{
	g_autofree YmPacket *packet = packet_new();
	/* IEEE 802 hardware: left alone */
	g_autoptr(GBytes) ieee802 = bytes_from_hex(
	    MACS "0806 0006 0800 06 04 0001 020000000001 c0a80001 000000000000 c0a80002");
	/* Ethernet/IPv4 types with 8-byte hardware addresses: a lie */
	g_autoptr(GBytes) lengths = bytes_from_hex(
	    MACS "0806 0001 0800 08 04 0001 0200000000010000 c0a80001 0000000000000000 c0a80002");
	/* cut inside the target address */
	g_autoptr(GBytes) cut =
	    bytes_from_hex(MACS "0806 0001 0800 06 04 0001 020000000001 c0a80001 0000");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, ieee802), ==, YM_DECODE_UNSUPPORTED);
	assert_no_events(packet);
	g_assert_cmpint(packet->l3, ==, YM_L3_NONE);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, lengths), ==, YM_DECODE_INVALID);
	assert_events(packet, YM_EVENT_ARP_INVALID, YM_EVENT_NONE);
	g_assert_cmpint(packet->l3, ==, YM_L3_NONE);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, cut), ==, YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_ARP_TRUNCATED, YM_EVENT_NONE);
	g_assert_cmpint(packet->l3, ==, YM_L3_NONE);
}

/* ipv4 */

static void
test_ipv4_options(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(REAL_IPV4_OPTIONS_IGMP);
	/* IHL 7: router alert, three NOPs and an end of options, then UDP */
	g_autoptr(GBytes) udp = bytes_from_hex(ETH_V4 "4700 0028 1234 0000 4011 0000 " V4_ADDR
	                                              "94040000 01010100 " UDP_PING);

	/* IGMP is not decoded, but everything up to it is */
	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_UNSUPPORTED);
	assert_no_events(packet);
	g_assert_cmpint(packet->l3, ==, YM_L3_IPV4);
	assert_ip(&packet->src_ip, "192.168.0.1");
	assert_ip(&packet->dst_ip, "224.0.0.1");
	g_assert_cmpuint(packet->ttl, ==, 1);
	g_assert_cmpuint(packet->ip_length, ==, 46);
	g_assert_cmpuint(packet->ip_proto, ==, 2);
	g_assert_true(packet->ip_dont_fragment);
	g_assert_false(packet->has_ports);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, udp), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_cmpuint(packet->ip_length, ==, 40);
	g_assert_false(packet->ip_dont_fragment);
	g_assert_cmpuint(packet->src_port, ==, 40000);
	g_assert_cmpuint(packet->dst_port, ==, 9999);
	assert_payload(packet, "ping");
}

static void
test_ipv4_options_truncated(void)
{
	g_autofree YmPacket *packet = packet_new();
	/* IHL 15 promises 40 bytes of options; 4 were captured */
	g_autoptr(GBytes) frame =
	    bytes_from_hex(ETH_V4 "4f00 0040 1234 0000 4011 0000 " V4_ADDR "94040000");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_IPV4_TRUNCATED, YM_EVENT_NONE);
	/* the addresses were there, so they are kept */
	g_assert_cmpint(packet->l3, ==, YM_L3_IPV4);
	assert_ip(&packet->src_ip, "192.168.0.1");
	assert_ip(&packet->dst_ip, "192.168.0.2");
	g_assert_false(packet->has_ports);
}

static void
test_ipv4_fragment_first(void)
{
	g_autofree YmPacket *packet = packet_new();
	/* MF, offset 0; UDP length covers the whole 264-byte datagram */
	g_autoptr(GBytes) frame = bytes_from_hex(ETH_V4 "4500 0020 abcd 2000 4011 0000 " V4_ADDR
	                                                "9c40 270f 0108 0000 70696e67");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_OK);
	/* a short first fragment is expected: no udp-truncated */
	assert_no_events(packet);
	g_assert_true(packet->ip_fragment);
	g_assert_true(packet->ip_first_fragment);
	g_assert_true(packet->has_ports);
	g_assert_cmpuint(packet->dst_port, ==, 9999);
	assert_payload(packet, "ping");
}

static void
test_ipv4_fragment_later(void)
{
	g_autofree YmPacket *packet = packet_new();
	/* offset 185 * 8, last fragment */
	g_autoptr(GBytes) last =
	    bytes_from_hex(ETH_V4 "4500 0018 abcd 00b9 4011 0000 " V4_ADDR "9c40 270f");
	/* offset 1 * 8, more to come, and bytes that would look like a TCP header */
	g_autoptr(GBytes) middle = bytes_from_hex(ETH_V4 "4500 0028 abcd 2001 4006 0000 " V4_ADDR
	                                                 "9c40 1f90 01020304 05060708 5002 faf0");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, last), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_true(packet->ip_fragment);
	g_assert_false(packet->ip_first_fragment);
	g_assert_cmpuint(packet->ip_proto, ==, 17);
	g_assert_false(packet->has_ports);
	g_assert_null(packet->payload);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, middle), ==, YM_DECODE_OK);
	g_assert_true(packet->ip_fragment);
	g_assert_false(packet->ip_first_fragment);
	g_assert_false(packet->has_ports);
	g_assert_cmpuint(packet->tcp_flags, ==, 0);
}

static void
test_ipv4_invalid(void)
{
	const gchar *cases[] = {
	    /* IHL 4 */
	    ETH_V4 "4400 0020 1234 0000 4011 0000 " V4_ADDR UDP_PING,
	    /* version 5 */
	    ETH_V4 "5500 0020 1234 0000 4011 0000 " V4_ADDR UDP_PING,
	    /* total length 16, shorter than the header */
	    ETH_V4 "4500 0010 1234 0000 4011 0000 " V4_ADDR UDP_PING,
	    /* total length 24, shorter than the 28-byte header */
	    ETH_V4 "4700 0018 1234 0000 4011 0000 " V4_ADDR "94040000 01010100 " UDP_PING,
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree YmPacket *packet = packet_new();
		g_autoptr(GBytes) frame = bytes_from_hex(cases[i]);
		g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_INVALID);
		assert_events(packet, YM_EVENT_IPV4_INVALID, YM_EVENT_NONE);
		g_assert_cmpint(packet->l3, ==, YM_L3_NONE);
		g_assert_false(packet->has_ports);
	}
}

static void
test_ipv4_total_length_long(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(REAL_IPLEN_LONG);

	/* the frame is whole: it is the IP header that claims too much */
	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_OK);
	assert_events(packet, YM_EVENT_IPV4_TRUNCATED, YM_EVENT_NONE);
	g_assert_cmpuint(packet->caplen, ==, 66);
	g_assert_cmpuint(packet->ip_length, ==, 137);
	assert_ip(&packet->src_ip, "192.168.0.2");
	assert_ip(&packet->dst_ip, "192.168.0.1");
	g_assert_cmpuint(packet->src_port, ==, 1550);
	g_assert_cmpuint(packet->dst_port, ==, 23);
	g_assert_cmpuint(packet->tcp_seq, ==, 2579865940);
	g_assert_cmpuint(packet->tcp_ack, ==, 401695620);
	g_assert_cmpuint(packet->tcp_flags, ==, YM_TCP_PSH | YM_TCP_ACK);
	g_assert_cmpuint(packet->tcp_window, ==, 32120);
	g_assert_cmpuint(packet->tcp_header_length, ==, 32);
	g_assert_cmpuint(packet->payload_length, ==, 0);
}

static void
test_ipv4_truncated(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(ETH_V4 "4500 0020 1234 4000 4011 0000 c0a8");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_IPV4_TRUNCATED, YM_EVENT_NONE);
	g_assert_cmpint(packet->l3, ==, YM_L3_NONE);
}

static void
test_ipv4_icmp(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(REAL_ICMP_ECHO);
	g_autoptr(GBytes) cut =
	    bytes_from_hex(ETH_V4 "4500 0020 1234 0000 4001 0000 " V4_ADDR "0800 f7ff 0000");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_OK);
	assert_no_events(packet);
	assert_ip(&packet->src_ip, "192.168.1.109");
	assert_ip(&packet->dst_ip, "192.168.1.1");
	g_assert_cmpuint(packet->ttl, ==, 45);
	g_assert_cmpuint(packet->ip_proto, ==, 1);
	g_assert_true(packet->has_icmp);
	g_assert_cmpuint(packet->icmp_type, ==, 8);
	g_assert_cmpuint(packet->icmp_code, ==, 0);
	g_assert_false(packet->has_ports);
	g_assert_false(packet->nd.present);
	g_assert_cmpuint(packet->payload_length, ==, 0);

	/* type and code but not the rest of the 8-byte header */
	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, cut), ==, YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_IPV4_TRUNCATED, YM_EVENT_ICMP_TRUNCATED, YM_EVENT_NONE);
	g_assert_true(packet->has_icmp);
	g_assert_cmpuint(packet->icmp_type, ==, 8);
}

/* ipv6 */

static void
test_ipv6_tcp(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(REAL_IPV6_SYN);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_OK);
	assert_no_events(packet);
	assert_mac(packet->src_mac, "34:e6:d7:02:1b:27");
	assert_mac(packet->dst_mac, "20:b0:01:e0:86:62");
	g_assert_cmpint(packet->l3, ==, YM_L3_IPV6);
	assert_ip(&packet->src_ip, "2001:b07:a3d:c112:9726:f643:a838:b0c4");
	assert_ip(&packet->dst_ip, "2a00:1450:4002:414::2013");
	g_assert_cmpuint(packet->ttl, ==, 64);
	g_assert_cmpuint(packet->ip_length, ==, 80);
	g_assert_cmpuint(packet->ip_proto, ==, 6);
	g_assert_false(packet->ip_fragment);
	g_assert_true(packet->ip_first_fragment);
	g_assert_cmpuint(packet->src_port, ==, 40294);
	g_assert_cmpuint(packet->dst_port, ==, 443);
	g_assert_cmpuint(packet->tcp_seq, ==, 3459084868);
	g_assert_cmpuint(packet->tcp_flags, ==, YM_TCP_SYN);
	g_assert_cmpuint(packet->tcp_window, ==, 65320);
	g_assert_cmpuint(packet->tcp_header_length, ==, 40);
}

static void
test_ipv6_udp(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(REAL_DHCPV6);

	/* the result is left to the DHCPv6 decoder, if built */
	decode(packet, YM_LINKTYPE_ETHERNET, frame);
	g_assert_false(ym_packet_has_event(packet, YM_EVENT_IPV6_TRUNCATED));
	g_assert_false(ym_packet_has_event(packet, YM_EVENT_UDP_TRUNCATED));
	assert_ip(&packet->src_ip, "fe80::6990:df6e:618:c096");
	assert_ip(&packet->dst_ip, "ff02::1:2");
	g_assert_cmpuint(packet->ttl, ==, 1);
	g_assert_cmpuint(packet->ip_length, ==, 127);
	g_assert_cmpuint(packet->src_port, ==, 546);
	g_assert_cmpuint(packet->dst_port, ==, 547);
	g_assert_cmpuint(packet->payload_length, ==, 79);
	g_assert_cmpuint(packet->payload[0], ==, 1); /* solicit */
}

static void
test_ipv6_hop_by_hop_mld(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(REAL_HBH_MLD);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_OK);
	assert_no_events(packet);
	assert_ip(&packet->src_ip, "fe80::883c:d6ff:fee1:4dc4");
	assert_ip(&packet->dst_ip, "ff02::16");
	g_assert_cmpuint(packet->ttl, ==, 1);
	g_assert_cmpuint(packet->ip_length, ==, 76);
	g_assert_cmpuint(packet->ip_proto, ==, 58);
	g_assert_true(packet->has_icmp);
	g_assert_cmpuint(packet->icmp_type, ==, 143);
	g_assert_false(packet->nd.present);
	g_assert_cmpuint(packet->payload_length, ==, 20);
}

static void
test_ipv6_fragment(void)
{
	g_autofree YmPacket *packet = packet_new();
	/* hop-by-hop (PadN), fragment offset 0 with M set, UDP for the whole datagram */
	g_autoptr(GBytes) first =
	    bytes_from_hex(ETH_V6 "6000 0000 001c 00 40 " V6_ADDR "2c00 0104 00000000 "
	                          "1100 0001 deadbeef "
	                          "9c40 270f 0108 0000 70696e67");
	/* the same datagram's last fragment at offset 23 * 8 */
	g_autoptr(GBytes) later =
	    bytes_from_hex(ETH_V6 "6000 0000 0014 00 40 " V6_ADDR "2c00 0104 00000000 "
	                          "1100 00b8 deadbeef "
	                          "6d6f7265");
	/* an atomic fragment (RFC 6946): offset 0 and no M is a whole datagram */
	g_autoptr(GBytes) atomic =
	    bytes_from_hex(ETH_V6 "6000 0000 0014 2c 40 " V6_ADDR "1100 0000 deadbeef " UDP_PING);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, first), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_true(packet->ip_fragment);
	g_assert_true(packet->ip_first_fragment);
	g_assert_cmpuint(packet->ip_proto, ==, 17);
	g_assert_true(packet->has_ports);
	g_assert_cmpuint(packet->dst_port, ==, 9999);
	assert_payload(packet, "ping");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, later), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_true(packet->ip_fragment);
	g_assert_false(packet->ip_first_fragment);
	g_assert_cmpuint(packet->ip_proto, ==, 17);
	g_assert_false(packet->has_ports);
	g_assert_null(packet->payload);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, atomic), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_false(packet->ip_fragment);
	g_assert_true(packet->ip_first_fragment);
	assert_payload(packet, "ping");
}

static void
test_ipv6_routing_ah(void)
{
	g_autofree YmPacket *packet = packet_new();
	/* routing header (type 0, no segments left), then AH with a 12-byte ICV */
	g_autoptr(GBytes) frame =
	    bytes_from_hex(ETH_V6 "6000 0000 002c 2b 40 " V6_ADDR "3300 0000 00000000 "
	                          "1104 0000 00001000 00000001 "
	                          "000000000000000000000000 " UDP_PING);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_cmpuint(packet->ip_proto, ==, 17);
	g_assert_cmpuint(packet->dst_port, ==, 9999);
	assert_payload(packet, "ping");
}

static GBytes *
ipv6_with_destination_options(guint count)
{
	g_autoptr(GString) hex = g_string_new(ETH_V6);

	/* each destination options header is 8 bytes: next header, length 0, PadN */
	g_string_append_printf(hex, "6000 0000 %04x 3c 40 " V6_ADDR, count * 8 + 12);
	for (guint i = 0; i < count; i++)
		g_string_append_printf(hex, "%02x00 0104 00000000 ", i + 1 < count ? 0x3c : 0x11);
	g_string_append(hex, UDP_PING);
	return bytes_from_hex(hex->str);
}

static void
test_ipv6_extension_cap(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) eight = ipv6_with_destination_options(8);
	g_autoptr(GBytes) nine = ipv6_with_destination_options(9);
	g_autoptr(GBytes) many = ipv6_with_destination_options(100);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, eight), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_cmpuint(packet->ip_proto, ==, 17);
	assert_payload(packet, "ping");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, nine), ==, YM_DECODE_UNSUPPORTED);
	assert_events(packet, YM_EVENT_IPV6_EXT_TOO_DEEP, YM_EVENT_NONE);
	g_assert_cmpuint(packet->ip_proto, ==, 60);
	g_assert_false(packet->has_ports);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, many), ==, YM_DECODE_UNSUPPORTED);
	assert_events(packet, YM_EVENT_IPV6_EXT_TOO_DEEP, YM_EVENT_NONE);
}

static void
test_ipv6_extension_invalid(void)
{
	g_autofree YmPacket *packet = packet_new();
	/* hop-by-hop after destination options */
	g_autoptr(GBytes) late_hbh =
	    bytes_from_hex(ETH_V6 "6000 0000 001c 3c 40 " V6_ADDR "0000 0104 00000000 "
	                          "1100 0104 00000000 " UDP_PING);
	/* destination options of 16 bytes with 4 captured */
	g_autoptr(GBytes) cut = bytes_from_hex(ETH_V6 "6000 0000 0004 3c 40 " V6_ADDR "1101 0104");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, late_hbh), ==, YM_DECODE_INVALID);
	assert_events(packet, YM_EVENT_IPV6_INVALID, YM_EVENT_NONE);
	g_assert_false(packet->has_ports);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, cut), ==, YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_IPV6_TRUNCATED, YM_EVENT_NONE);
	g_assert_cmpint(packet->l3, ==, YM_L3_IPV6);
}

static void
test_ipv6_lengths(void)
{
	g_autofree YmPacket *packet = packet_new();
	/* Payload Length 256, 12 bytes there */
	g_autoptr(GBytes) long_payload =
	    bytes_from_hex(ETH_V6 "6000 0000 0100 11 40 " V6_ADDR UDP_PING);
	/* jumbogram: Payload Length 0 and a hop-by-hop header with the jumbo option */
	g_autoptr(GBytes) jumbo =
	    bytes_from_hex(ETH_V6 "6000 0000 0000 00 40 " V6_ADDR "1100 c204 00000014 " UDP_PING);
	/* Payload Length 12 followed by 4 bytes of trailer */
	g_autoptr(GBytes) trailer =
	    bytes_from_hex(ETH_V6 "6000 0000 000c 11 40 " V6_ADDR UDP_PING "deadbeef");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, long_payload), ==, YM_DECODE_OK);
	assert_events(packet, YM_EVENT_IPV6_TRUNCATED, YM_EVENT_NONE);
	g_assert_cmpuint(packet->ip_length, ==, 296);
	assert_payload(packet, "ping");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, jumbo), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_cmpuint(packet->ip_length, ==, 60);
	assert_payload(packet, "ping");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, trailer), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_cmpuint(packet->ip_length, ==, 52);
	assert_payload(packet, "ping");
}

static void
test_ipv6_stops(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) esp =
	    bytes_from_hex(ETH_V6 "6000 0000 0008 32 40 " V6_ADDR "00001000 00000001");
	g_autoptr(GBytes) none = bytes_from_hex(ETH_V6 "6000 0000 0000 3b 40 " V6_ADDR);
	g_autoptr(GBytes) version = bytes_from_hex(ETH_V6 "4000 0000 000c 11 40 " V6_ADDR UDP_PING);
	g_autoptr(GBytes) cut = bytes_from_hex(ETH_V6 "6000 0000 000c 11 40 fe80");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, esp), ==, YM_DECODE_UNSUPPORTED);
	assert_no_events(packet);
	g_assert_cmpuint(packet->ip_proto, ==, 50);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, none), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_cmpuint(packet->ip_proto, ==, 59);
	g_assert_cmpuint(packet->ip_length, ==, 40);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, version), ==, YM_DECODE_INVALID);
	assert_events(packet, YM_EVENT_IPV6_INVALID, YM_EVENT_NONE);
	g_assert_cmpint(packet->l3, ==, YM_L3_NONE);
	/* nothing of a rejected header is left behind */
	g_assert_cmpint(packet->src_ip.family, ==, 0);
	g_assert_cmpuint(packet->src_ip.bytes[0], ==, 0);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, cut), ==, YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_IPV6_TRUNCATED, YM_EVENT_NONE);
	g_assert_cmpint(packet->l3, ==, YM_L3_NONE);
}

/* icmpv6 neighbour discovery */

static void
test_nd_ns_dad(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(REAL_ND_NS_DAD);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_OK);
	assert_no_events(packet);
	assert_mac(packet->src_mac, "78:f8:82:d3:fb:c2");
	assert_ip(&packet->src_ip, "::");
	assert_ip(&packet->dst_ip, "ff02::1:ffd3:fbc2");
	g_assert_cmpuint(packet->ttl, ==, 255);
	g_assert_cmpuint(packet->icmp_type, ==, 135);
	g_assert_true(packet->nd.present);
	assert_ipv6_bytes(packet->nd.target, "fe80::7af8:82ff:fed3:fbc2");
	g_assert_false(packet->nd.has_source_mac);
	g_assert_false(packet->nd.has_target_mac);
	g_assert_false(packet->nd.router_flag);
}

static void
test_nd_rs(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(REAL_ND_RS);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_OK);
	assert_no_events(packet);
	assert_ip(&packet->src_ip, "fe80::7af8:82ff:fed3:fbc2");
	assert_ip(&packet->dst_ip, "ff02::2");
	g_assert_cmpuint(packet->icmp_type, ==, 133);
	g_assert_true(packet->nd.present);
	g_assert_true(packet->nd.has_source_mac);
	assert_mac(packet->nd.source_mac, "78:f8:82:d3:fb:c2");
	g_assert_false(packet->nd.router_flag);
}

static void
test_nd_ns(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame =
	    bytes_from_hex(ETH_V6 "6000 0000 0020 3a ff " V6_ADDR "8700 0000 00000000 "
	                          "fe800000000000000000000000000002 "
	                          "0101 020000000001");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_cmpuint(packet->icmp_type, ==, 135);
	g_assert_true(packet->nd.present);
	assert_ipv6_bytes(packet->nd.target, "fe80::2");
	g_assert_true(packet->nd.has_source_mac);
	assert_mac(packet->nd.source_mac, "02:00:00:00:00:01");
	g_assert_false(packet->nd.has_target_mac);
}

static void
test_nd_na(void)
{
	g_autofree YmPacket *packet = packet_new();
	/* router, solicited, override */
	g_autoptr(GBytes) router =
	    bytes_from_hex(ETH_V6 "6000 0000 0020 3a ff " V6_ADDR "8800 0000 e0000000 "
	                          "fe800000000000000000000000000001 "
	                          "0201 020000000001");
	/* solicited only, with an unknown option and a long (non-Ethernet) address */
	g_autoptr(GBytes) host =
	    bytes_from_hex(ETH_V6 "6000 0000 0030 3a ff " V6_ADDR "8800 0000 40000000 "
	                          "fe800000000000000000000000000001 "
	                          "fe01 000000000000 "
	                          "0202 0000000000000000000000000000");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, router), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_cmpuint(packet->icmp_type, ==, 136);
	g_assert_true(packet->nd.present);
	assert_ipv6_bytes(packet->nd.target, "fe80::1");
	g_assert_true(packet->nd.router_flag);
	g_assert_true(packet->nd.has_target_mac);
	assert_mac(packet->nd.target_mac, "02:00:00:00:00:01");
	g_assert_false(packet->nd.has_source_mac);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, host), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_true(packet->nd.present);
	g_assert_false(packet->nd.router_flag);
	g_assert_false(packet->nd.has_target_mac);
}

static void
test_nd_ra(void)
{
	g_autofree YmPacket *packet = packet_new();
	/* hop limit 64, lifetime 1800 s, source link-layer and prefix information options */
	g_autoptr(GBytes) frame = bytes_from_hex(ETH_V6 "6000 0000 0038 3a ff " V6_ADDR
	                                                "8600 0000 40000708 00000000 00000000 "
	                                                "0101 020000000003 "
	                                                "0304 40c0 00278d00 00093a80 00000000 "
	                                                "20010db8000000000000000000000000");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_cmpuint(packet->icmp_type, ==, 134);
	g_assert_true(packet->nd.present);
	g_assert_true(packet->nd.router_flag);
	g_assert_true(packet->nd.has_source_mac);
	assert_mac(packet->nd.source_mac, "02:00:00:00:00:03");
}

static void
test_nd_bad_options(void)
{
	g_autofree YmPacket *packet = packet_new();
	/* a zero-length option would loop forever in a naive parser */
	g_autoptr(GBytes) zero =
	    bytes_from_hex(ETH_V6 "6000 0000 0020 3a ff " V6_ADDR "8700 0000 00000000 "
	                          "fe800000000000000000000000000002 "
	                          "0100 020000000001");
	/* an option claiming 16 bytes with 8 there */
	g_autoptr(GBytes) cut =
	    bytes_from_hex(ETH_V6 "6000 0000 0020 3a ff " V6_ADDR "8700 0000 00000000 "
	                          "fe800000000000000000000000000002 "
	                          "0102 020000000001");
	/* a single byte where an option should start */
	g_autoptr(GBytes) odd =
	    bytes_from_hex(ETH_V6 "6000 0000 0019 3a ff " V6_ADDR "8700 0000 00000000 "
	                          "fe800000000000000000000000000002 "
	                          "01");
	/* the fixed part of a neighbour advertisement cut short */
	g_autoptr(GBytes) body = bytes_from_hex(ETH_V6 "6000 0000 0010 3a ff " V6_ADDR
	                                               "8800 0000 e0000000 fe800000 00000000");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, zero), ==, YM_DECODE_INVALID);
	assert_events(packet, YM_EVENT_ICMP_INVALID, YM_EVENT_NONE);
	g_assert_true(packet->nd.present);
	g_assert_false(packet->nd.has_source_mac);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, cut), ==, YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_ICMP_TRUNCATED, YM_EVENT_NONE);
	g_assert_false(packet->nd.has_source_mac);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, odd), ==, YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_ICMP_TRUNCATED, YM_EVENT_NONE);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, body), ==, YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_ICMP_TRUNCATED, YM_EVENT_NONE);
	g_assert_true(packet->has_icmp);
	g_assert_false(packet->nd.present);
}

static void
test_nd_off_link(void)
{
	g_autofree YmPacket *packet = packet_new();
	/* hop limit 64: a host would drop it, we record and still decode it */
	g_autoptr(GBytes) frame =
	    bytes_from_hex(ETH_V6 "6000 0000 0020 3a 40 " V6_ADDR "8800 0000 e0000000 "
	                          "fe800000000000000000000000000001 "
	                          "0201 020000000001");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_OK);
	assert_events(packet, YM_EVENT_ICMP_INVALID, YM_EVENT_NONE);
	g_assert_true(packet->nd.present);
	g_assert_true(packet->nd.has_target_mac);
	assert_mac(packet->nd.target_mac, "02:00:00:00:00:01");
}

/* tcp */

static void
test_tcp_payload(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(ETH_V4 IPV4_TCP_HELLO "00000000");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_true(packet->has_ports);
	g_assert_cmpuint(packet->src_port, ==, 40000);
	g_assert_cmpuint(packet->dst_port, ==, 8080);
	g_assert_cmphex(packet->tcp_seq, ==, 0x01020304);
	g_assert_cmphex(packet->tcp_ack, ==, 0x05060708);
	g_assert_cmpuint(packet->tcp_flags, ==, YM_TCP_PSH | YM_TCP_ACK);
	g_assert_cmpuint(packet->tcp_window, ==, 64240);
	g_assert_cmpuint(packet->tcp_header_length, ==, 20);
	/* the trailing bytes are past the IP length */
	assert_payload(packet, "hello");
}

static void
test_tcp_real_http(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(REAL_RAW4_HTTP);

	/* the result is left to the HTTP decoder, if built */
	decode(packet, YM_LINKTYPE_IPV4, frame);
	g_assert_false(ym_packet_has_event(packet, YM_EVENT_TCP_TRUNCATED));
	g_assert_false(ym_packet_has_event(packet, YM_EVENT_TCP_INVALID));
	g_assert_cmpuint(packet->ip_length, ==, 238);
	g_assert_cmpuint(packet->src_port, ==, 43090);
	g_assert_cmpuint(packet->dst_port, ==, 8000);
	g_assert_cmpuint(packet->tcp_seq, ==, 11897820);
	g_assert_cmpuint(packet->tcp_ack, ==, 3312465584);
	g_assert_cmpuint(packet->tcp_flags, ==, YM_TCP_PSH | YM_TCP_ACK);
	g_assert_cmpuint(packet->tcp_window, ==, 512);
	g_assert_cmpuint(packet->tcp_header_length, ==, 32);
	g_assert_cmpuint(packet->payload_length, ==, 186);
	g_assert_cmpmem(packet->payload, 16, "GET / HTTP/1.1\r\n", 16);
}

static void
test_tcp_flags(void)
{
	g_autofree YmPacket *packet = packet_new();
	/* every flag of the low byte: CWR ECE URG ACK PSH RST SYN FIN */
	g_autoptr(GBytes) frame =
	    bytes_from_hex(ETH_V4 "4500 0028 0001 0000 4006 0000 " V4_ADDR
	                          "9c40 1f90 00000001 00000000 50ff 0400 0000 0000");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_OK);
	g_assert_cmpuint(packet->tcp_flags, ==, 0xff);
	g_assert_cmpuint(packet->tcp_flags & YM_TCP_URG, ==, YM_TCP_URG);
	g_assert_cmpuint(packet->tcp_window, ==, 1024);
	g_assert_cmpuint(packet->payload_length, ==, 0);
}

static void
test_tcp_bad_offset(void)
{
	g_autofree YmPacket *packet = packet_new();
	/* data offset 4 */
	g_autoptr(GBytes) small =
	    bytes_from_hex(ETH_V4 "4500 0028 0001 0000 4006 0000 " V4_ADDR
	                          "9c40 1f90 00000001 00000000 4002 0400 0000 0000");
	/* data offset 15 in a whole 20-byte segment */
	g_autoptr(GBytes) large =
	    bytes_from_hex(ETH_V4 "4500 0028 0001 0000 4006 0000 " V4_ADDR
	                          "9c40 1f90 00000001 00000000 f002 0400 0000 0000");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, small), ==, YM_DECODE_INVALID);
	assert_events(packet, YM_EVENT_TCP_INVALID, YM_EVENT_NONE);
	/* scan detection still gets ports and flags */
	g_assert_true(packet->has_ports);
	g_assert_cmpuint(packet->dst_port, ==, 8080);
	g_assert_cmpuint(packet->tcp_flags, ==, YM_TCP_SYN);
	g_assert_cmpuint(packet->tcp_header_length, ==, 16);
	g_assert_null(packet->payload);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, large), ==, YM_DECODE_INVALID);
	assert_events(packet, YM_EVENT_TCP_INVALID, YM_EVENT_NONE);
	g_assert_cmpuint(packet->tcp_header_length, ==, 60);

	/* the same header cut by the capture is only truncated */
	g_assert_cmpint(decode_full(packet, YM_LINKTYPE_ETHERNET, large, 40), ==,
	                YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_FRAME_TRUNCATED, YM_EVENT_TCP_TRUNCATED, YM_EVENT_NONE);
}

static void
test_tcp_truncated(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(ETH_V4 "4500 0028 0001 0000 4006 0000 " V4_ADDR
	                                                "9c40 1f90 00000001 00000000 5002");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_IPV4_TRUNCATED, YM_EVENT_TCP_TRUNCATED, YM_EVENT_NONE);
	g_assert_false(packet->has_ports);
}

/* udp */

static void
test_udp_real_dhcp(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame = bytes_from_hex(REAL_DHCP_DISCOVER);

	/* the result is left to the DHCP decoder, if built */
	decode(packet, YM_LINKTYPE_ETHERNET, frame);
	g_assert_false(ym_packet_has_event(packet, YM_EVENT_UDP_TRUNCATED));
	g_assert_false(ym_packet_has_event(packet, YM_EVENT_UDP_INVALID));
	assert_mac(packet->src_mac, "90:b1:1c:99:49:29");
	assert_ip(&packet->src_ip, "0.0.0.0");
	assert_ip(&packet->dst_ip, "255.255.255.255");
	g_assert_cmpuint(packet->ttl, ==, 64);
	g_assert_cmpuint(packet->ip_length, ==, 293);
	g_assert_cmpuint(packet->ip_proto, ==, 17);
	g_assert_cmpuint(packet->src_port, ==, 68);
	g_assert_cmpuint(packet->dst_port, ==, 67);
	g_assert_cmpuint(packet->payload_length, ==, 265);
	g_assert_cmpuint(packet->payload[0], ==, 1); /* BOOTREQUEST */
}

static void
test_udp_lengths(void)
{
	g_autofree YmPacket *packet = packet_new();
	/* length 4: less than the header */
	g_autoptr(GBytes) small = bytes_from_hex(ETH_V4 "4500 0020 1234 0000 4011 0000 " V4_ADDR
	                                                "9c40 270f 0004 0000 70696e67");
	/* length 256 with 4 bytes there */
	g_autoptr(GBytes) large = bytes_from_hex(ETH_V4 "4500 0020 1234 0000 4011 0000 " V4_ADDR
	                                                "9c40 270f 0100 0000 70696e67");
	/* length 10: two bytes of payload, two of junk inside the IP datagram */
	g_autoptr(GBytes) shorter = bytes_from_hex(ETH_V4 "4500 0020 1234 0000 4011 0000 " V4_ADDR
	                                                  "9c40 270f 000a 0000 70696e67");
	/* length 8: no payload at all */
	g_autoptr(GBytes) empty =
	    bytes_from_hex(ETH_V4 "4500 001c 1234 0000 4011 0000 " V4_ADDR "9c40 270f 0008 0000");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, small), ==, YM_DECODE_INVALID);
	assert_events(packet, YM_EVENT_UDP_INVALID, YM_EVENT_NONE);
	g_assert_true(packet->has_ports);
	g_assert_null(packet->payload);

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, large), ==, YM_DECODE_OK);
	assert_events(packet, YM_EVENT_UDP_TRUNCATED, YM_EVENT_NONE);
	assert_payload(packet, "ping");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, shorter), ==, YM_DECODE_OK);
	assert_no_events(packet);
	assert_payload(packet, "pi");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, empty), ==, YM_DECODE_OK);
	assert_no_events(packet);
	g_assert_cmpuint(packet->payload_length, ==, 0);
}

static void
test_udp_truncated(void)
{
	g_autofree YmPacket *packet = packet_new();
	g_autoptr(GBytes) frame =
	    bytes_from_hex(ETH_V4 "4500 0020 1234 0000 4011 0000 " V4_ADDR "9c40 270f 000c");

	g_assert_cmpint(decode(packet, YM_LINKTYPE_ETHERNET, frame), ==, YM_DECODE_TRUNCATED);
	assert_events(packet, YM_EVENT_IPV4_TRUNCATED, YM_EVENT_UDP_TRUNCATED, YM_EVENT_NONE);
	g_assert_false(packet->has_ports);
}

/* every prefix of a frame */

static void
assert_prefix_consistent(const YmPacket *part, const YmPacket *full)
{
	/* whatever a prefix decodes must agree with the whole frame */
	if (part->has_mac) {
		g_assert_true(full->has_mac);
		g_assert_cmpmem(part->src_mac, 6, full->src_mac, 6);
		g_assert_cmpmem(part->dst_mac, 6, full->dst_mac, 6);
	}
	g_assert_cmpuint(part->n_vlans, <=, full->n_vlans);
	for (guint i = 0; i < part->n_vlans; i++)
		g_assert_cmpuint(part->vlan_ids[i], ==, full->vlan_ids[i]);
	if (part->l3 != YM_L3_NONE) {
		g_assert_cmpint(part->l3, ==, full->l3);
		g_assert_true(ym_ip_addr_equal(&part->src_ip, &full->src_ip));
		g_assert_true(ym_ip_addr_equal(&part->dst_ip, &full->dst_ip));
		g_assert_cmpuint(part->ip_length, ==, full->ip_length);
		g_assert_cmpuint(part->ttl, ==, full->ttl);
		g_assert_cmpmem(&part->arp, sizeof(part->arp), &full->arp, sizeof(full->arp));
	}
	if (part->has_ports) {
		g_assert_cmpuint(part->src_port, ==, full->src_port);
		g_assert_cmpuint(part->dst_port, ==, full->dst_port);
	}
	if (part->has_icmp) {
		g_assert_cmpuint(part->icmp_type, ==, full->icmp_type);
		g_assert_cmpuint(part->icmp_code, ==, full->icmp_code);
	}
	if (part->nd.has_source_mac)
		g_assert_cmpmem(part->nd.source_mac, 6, full->nd.source_mac, 6);
	g_assert_cmpuint(part->payload_length, <=, full->payload_length);
}

static void
test_truncation_prefixes(void)
{
	const struct {
		guint32 linktype;
		const gchar *hex;
	} frames[] = {
	    {YM_LINKTYPE_ETHERNET, REAL_VLAN2_SYN},
	    {YM_LINKTYPE_ETHERNET, REAL_VLAN1_TCP},
	    {YM_LINKTYPE_IPV4, REAL_RAW4_HTTP},
	    {YM_LINKTYPE_RAW, REAL_RAW4_SYN},
	    {YM_LINKTYPE_ETHERNET, REAL_ARP_REPLY},
	    {YM_LINKTYPE_ETHERNET, REAL_ND_NS_DAD},
	    {YM_LINKTYPE_ETHERNET, REAL_ND_RS},
	    {YM_LINKTYPE_ETHERNET, REAL_HBH_MLD},
	    {YM_LINKTYPE_ETHERNET, REAL_IPLEN_LONG},
	    {YM_LINKTYPE_ETHERNET, REAL_IPV4_OPTIONS_IGMP},
	    {YM_LINKTYPE_ETHERNET, REAL_ICMP_ECHO},
	    {YM_LINKTYPE_ETHERNET, REAL_PADDED_ACK},
	    {YM_LINKTYPE_ETHERNET, REAL_DHCPV6},
	    {YM_LINKTYPE_ETHERNET, REAL_IPV6_SYN},
	    {YM_LINKTYPE_ETHERNET, REAL_DHCP_DISCOVER},
	    {YM_LINKTYPE_ETHERNET, MACS "88a8 a064 8100 00c8 0800 " IPV4_UDP_PING},
	    {YM_LINKTYPE_LINUX_SLL, "0000 0001 0006 02000000000a 0000 0800 " IPV4_TCP_HELLO},
	    {YM_LINKTYPE_LINUX_SLL2,
	     "86dd 0000 00000002 0001 04 06 02000000000b 0000 " IPV6_UDP_PING},
	    {YM_LINKTYPE_NULL, "1e000000 " IPV6_UDP_PING},
	    {YM_LINKTYPE_ETHERNET,
	     ETH_V6 "6000 0000 0038 3a ff " V6_ADDR "8600 0000 40000708 00000000 00000000 "
	            "0101 020000000003 0304 40c0 00278d00 00093a80 00000000 "
	            "20010db8000000000000000000000000"},
	    {YM_LINKTYPE_ETHERNET,
	     ETH_V6 "6000 0000 001c 00 40 " V6_ADDR "2c00 0104 00000000 1100 0001 deadbeef "
	            "9c40 270f 0108 0000 70696e67"},
	    {YM_LINKTYPE_ETHERNET,
	     ETH_V4 "4700 0028 1234 0000 4011 0000 " V4_ADDR "94040000 01010100 " UDP_PING},
	};

	for (guint i = 0; i < G_N_ELEMENTS(frames); i++) {
		g_autoptr(GBytes) frame = bytes_from_hex(frames[i].hex);
		g_autofree YmPacket *full = packet_new();
		g_autofree YmPacket *part = packet_new();
		gsize length = 0;
		const guint8 *data = g_bytes_get_data(frame, &length);
		YmDecodeResult full_result;

		full_result = ym_decode_frame(full, frames[i].linktype, data, (guint32) length,
		                              (guint32) length);
		for (gsize cut = 0; cut <= length; cut++) {
			/* an exact-size copy, so ASan sees any read past the end */
			g_autofree guint8 *copy = g_memdup2(data, cut);
			YmDecodeResult result;

			result = ym_decode_frame(part, frames[i].linktype, copy, (guint32) cut,
			                         (guint32) length);
			g_assert_cmpint(result, >=, YM_DECODE_OK);
			g_assert_cmpint(result, <=, YM_DECODE_UNSUPPORTED);
			g_assert_cmpuint(part->caplen, ==, cut);
			g_assert_cmpuint(part->wirelen, ==, length);
			g_assert_cmpuint(part->n_events, <=, YM_PACKET_MAX_EVENTS);
			if (cut < length) {
				g_assert_cmpuint(part->n_events, >=, 1);
				g_assert_cmpint(part->events[0], ==, YM_EVENT_FRAME_TRUNCATED);
			}
			if (part->payload != NULL) {
				g_assert_true(part->payload >= copy);
				g_assert_true(part->payload + part->payload_length <= copy + cut);
			}
			if (cut == length) {
				g_assert_cmpint(result, ==, full_result);
				continue;
			}
			assert_prefix_consistent(part, full);
		}
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);

	g_test_add_func("/ym/decode-l234/ethernet/padding", test_ethernet_padding);
	g_test_add_func("/ym/decode-l234/ethernet/vlan-single", test_ethernet_vlan_single);
	g_test_add_func("/ym/decode-l234/ethernet/vlan-double", test_ethernet_vlan_double);
	g_test_add_func("/ym/decode-l234/ethernet/qinq", test_ethernet_qinq);
	g_test_add_func("/ym/decode-l234/ethernet/vlan-too-deep", test_ethernet_vlan_too_deep);
	g_test_add_func("/ym/decode-l234/ethernet/vlan-truncated", test_ethernet_vlan_truncated);
	g_test_add_func("/ym/decode-l234/ethernet/llc", test_ethernet_llc);
	g_test_add_func("/ym/decode-l234/ethernet/unknown-ethertype",
	                test_ethernet_unknown_ethertype);
	g_test_add_func("/ym/decode-l234/ethernet/truncated", test_ethernet_truncated);
	g_test_add_func("/ym/decode-l234/ethertype/dispatch", test_ethertype_dispatch);
	g_test_add_func("/ym/decode-l234/sll/ipv4", test_sll);
	g_test_add_func("/ym/decode-l234/sll/no-mac", test_sll_no_mac);
	g_test_add_func("/ym/decode-l234/sll/truncated", test_sll_truncated);
	g_test_add_func("/ym/decode-l234/sll2/ipv6", test_sll2);
	g_test_add_func("/ym/decode-l234/sll2/truncated", test_sll2_truncated);
	g_test_add_func("/ym/decode-l234/raw/ipv4", test_raw_ipv4);
	g_test_add_func("/ym/decode-l234/raw/ipv6", test_raw_ipv6);
	g_test_add_func("/ym/decode-l234/raw/bad-version", test_raw_bad_version);
	g_test_add_func("/ym/decode-l234/null/families", test_null);
	g_test_add_func("/ym/decode-l234/null/truncated", test_null_truncated);
	g_test_add_func("/ym/decode-l234/frame/link-unsupported", test_link_unsupported);
	g_test_add_func("/ym/decode-l234/frame/truncated", test_frame_truncated);
	g_test_add_func("/ym/decode-l234/frame/reset", test_frame_reset);
	g_test_add_func("/ym/decode-l234/frame/null-data", test_null_data);
	g_test_add_func("/ym/decode-l234/arp/request", test_arp_request);
	g_test_add_func("/ym/decode-l234/arp/reply", test_arp_reply);
	g_test_add_func("/ym/decode-l234/arp/other", test_arp_other);
	g_test_add_func("/ym/decode-l234/ipv4/options", test_ipv4_options);
	g_test_add_func("/ym/decode-l234/ipv4/options-truncated", test_ipv4_options_truncated);
	g_test_add_func("/ym/decode-l234/ipv4/fragment-first", test_ipv4_fragment_first);
	g_test_add_func("/ym/decode-l234/ipv4/fragment-later", test_ipv4_fragment_later);
	g_test_add_func("/ym/decode-l234/ipv4/invalid", test_ipv4_invalid);
	g_test_add_func("/ym/decode-l234/ipv4/total-length-long", test_ipv4_total_length_long);
	g_test_add_func("/ym/decode-l234/ipv4/truncated", test_ipv4_truncated);
	g_test_add_func("/ym/decode-l234/ipv4/icmp", test_ipv4_icmp);
	g_test_add_func("/ym/decode-l234/ipv6/tcp", test_ipv6_tcp);
	g_test_add_func("/ym/decode-l234/ipv6/udp", test_ipv6_udp);
	g_test_add_func("/ym/decode-l234/ipv6/hop-by-hop-mld", test_ipv6_hop_by_hop_mld);
	g_test_add_func("/ym/decode-l234/ipv6/fragment", test_ipv6_fragment);
	g_test_add_func("/ym/decode-l234/ipv6/routing-ah", test_ipv6_routing_ah);
	g_test_add_func("/ym/decode-l234/ipv6/extension-cap", test_ipv6_extension_cap);
	g_test_add_func("/ym/decode-l234/ipv6/extension-invalid", test_ipv6_extension_invalid);
	g_test_add_func("/ym/decode-l234/ipv6/lengths", test_ipv6_lengths);
	g_test_add_func("/ym/decode-l234/ipv6/stops", test_ipv6_stops);
	g_test_add_func("/ym/decode-l234/icmpv6/ns-dad", test_nd_ns_dad);
	g_test_add_func("/ym/decode-l234/icmpv6/rs", test_nd_rs);
	g_test_add_func("/ym/decode-l234/icmpv6/ns", test_nd_ns);
	g_test_add_func("/ym/decode-l234/icmpv6/na", test_nd_na);
	g_test_add_func("/ym/decode-l234/icmpv6/ra", test_nd_ra);
	g_test_add_func("/ym/decode-l234/icmpv6/bad-options", test_nd_bad_options);
	g_test_add_func("/ym/decode-l234/icmpv6/off-link", test_nd_off_link);
	g_test_add_func("/ym/decode-l234/tcp/payload", test_tcp_payload);
	g_test_add_func("/ym/decode-l234/tcp/real-http", test_tcp_real_http);
	g_test_add_func("/ym/decode-l234/tcp/flags", test_tcp_flags);
	g_test_add_func("/ym/decode-l234/tcp/bad-offset", test_tcp_bad_offset);
	g_test_add_func("/ym/decode-l234/tcp/truncated", test_tcp_truncated);
	g_test_add_func("/ym/decode-l234/udp/real-dhcp", test_udp_real_dhcp);
	g_test_add_func("/ym/decode-l234/udp/lengths", test_udp_lengths);
	g_test_add_func("/ym/decode-l234/udp/truncated", test_udp_truncated);
	g_test_add_func("/ym/decode-l234/truncation/prefixes", test_truncation_prefixes);

	return g_test_run();
}
