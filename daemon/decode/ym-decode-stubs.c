/* TEMPORARY scaffolding so the tree builds while decoders are written; removed before landing */
#include "config.h"
#include "ym-decode.h"
#ifndef HAVE_L234
YmDecodeResult ym_decode_frame (YmPacket *packet, guint32 linktype, const guint8 *data, guint32 caplen, guint32 wirelen) { ym_packet_reset (packet); return YM_DECODE_UNSUPPORTED; }
#endif
#ifndef HAVE_DHCP_DNS
YmDecodeResult ym_decode_dhcp (YmPacket *packet, const guint8 *data, gsize length) { return YM_DECODE_UNSUPPORTED; }
YmDecodeResult ym_decode_dhcpv6 (YmPacket *packet, const guint8 *data, gsize length) { return YM_DECODE_UNSUPPORTED; }
YmDecodeResult ym_decode_dns (YmPacket *packet, const guint8 *data, gsize length, YmDnsFlavour flavour) { return YM_DECODE_UNSUPPORTED; }
YmDecodeResult ym_decode_netbios_ns (YmPacket *packet, const guint8 *data, gsize length) { return YM_DECODE_UNSUPPORTED; }
gboolean ym_decode_dns_wire_name (YmPacket *packet, const guint8 *data, gsize length, YmStr *name) { return FALSE; }
gboolean ym_dns_record_next_txt (const YmDnsRecord *record, gsize *offset, YmStr *text) { return FALSE; }
#endif
#ifndef HAVE_SSDP_HTTP_TLS
YmDecodeResult ym_decode_ssdp (YmPacket *packet, const guint8 *data, gsize length) { return YM_DECODE_UNSUPPORTED; }
YmDecodeResult ym_decode_http (YmPacket *packet, const guint8 *data, gsize length) { return YM_DECODE_UNSUPPORTED; }
YmDecodeResult ym_decode_tls (YmPacket *packet, const guint8 *data, gsize length) { return YM_DECODE_UNSUPPORTED; }
YmDecodeResult ym_decode_ubnt (YmPacket *packet, const guint8 *data, gsize length) { return YM_DECODE_UNSUPPORTED; }
gboolean ym_decode_http_sniff (const guint8 *data, gsize length) { return FALSE; }
gboolean ym_decode_tls_sniff (const guint8 *data, gsize length) { return FALSE; }
#endif
