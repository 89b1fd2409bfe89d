/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The internet as seen from a home in Tokyo: the names the devices look
 * up, the addresses the resolver hands back (public ranges of the
 * operators that really run these services, never RFC 1918), the IP TTL
 * and round trip of their packets, and how their TLS endpoints answer.
 * It is only a file: nothing here is contacted.
 */

#define G_LOG_DOMAIN "YmGen"

#include "config.h"

#include <string.h>

#include "ym-gen-private.h"

#define A YM_GEN_IP4

static const YmTlsServer tls_google = {0x0304, TRUE, "WR2", "Google Trust Services", "GTS Root R1"};
static const YmTlsServer tls_apple = {0x0304, FALSE, "Apple Public Server RSA CA 12 - G1",
                                      "Apple Inc.", "DigiCert Global Root G2"};
static const YmTlsServer tls_microsoft = {0x0304, FALSE, "Microsoft Azure RSA TLS Issuing CA 04",
                                          "Microsoft Corporation", "DigiCert Global Root G2"};
static const YmTlsServer tls_digicert12 = {0x0303, FALSE,
                                           "DigiCert Global G2 TLS RSA SHA256 2020 CA1",
                                           "DigiCert Inc", "DigiCert Global Root G2"};
static const YmTlsServer tls_digicert = {0x0304, FALSE,
                                         "DigiCert Global G2 TLS RSA SHA256 2020 CA1",
                                         "DigiCert Inc", "DigiCert Global Root G2"};
static const YmTlsServer tls_amazon = {0x0304, FALSE, "Amazon RSA 2048 M02", "Amazon",
                                       "Amazon Root CA 1"};
static const YmTlsServer tls_amazon12 = {0x0303, FALSE, "Amazon RSA 2048 M02", "Amazon",
                                         "Amazon Root CA 1"};
static const YmTlsServer tls_cybertrust = {0x0304, FALSE, "Cybertrust Japan SureServer CA G4",
                                           "Cybertrust Japan Co., Ltd.", "SecureSign Root CA12"};
static const YmTlsServer tls_globalsign = {0x0304, FALSE, "GlobalSign RSA OV SSL CA 2018",
                                           "GlobalSign nv-sa", "GlobalSign"};
static const YmTlsServer tls_tplink = {0x0303, FALSE, "tp-link-CA", "TP-LINK", "tp-link-CA"};
static const YmTlsServer tls_sectigo = {0x0303, FALSE,
                                        "Sectigo RSA Domain Validation Secure Server CA",
                                        "Sectigo Limited", "USERTrust RSA Certification Authority"};
static const YmTlsServer tls_letsencrypt = {0x0304, FALSE, "R11", "Let's Encrypt", "ISRG Root X1"};

/* name, CNAME, addresses, DNS TTL, IP TTL, RTT ms, TLS */
static const YmGenSite sites[] = {
    /* the Aterm answers its own admin name locally */
    {"aterm.me", NULL, {A(192, 168, 10, 1)}, 0, 64, 1, NULL},
    /* Google, Tokyo front ends */
    {"www.google.com",
     NULL,
     {A(142, 250, 196, 100), A(142, 250, 207, 4)},
     300,
     116,
     6,
     &tls_google},
    {"connectivitycheck.gstatic.com", NULL, {A(142, 250, 196, 99)}, 300, 116, 6, &tls_google},
    {"www.gstatic.com", NULL, {A(142, 250, 206, 227)}, 300, 116, 6, &tls_google},
    {"clients3.google.com",
     "clients.l.google.com",
     {A(142, 250, 198, 14)},
     300,
     116,
     6,
     &tls_google},
    {"clients4.google.com",
     "clients.l.google.com",
     {A(142, 250, 198, 14)},
     300,
     116,
     6,
     &tls_google},
    {"play.googleapis.com", NULL, {A(142, 250, 196, 106)}, 300, 116, 6, &tls_google},
    {"android.googleapis.com", NULL, {A(142, 251, 42, 202)}, 300, 116, 6, &tls_google},
    {"www.googleapis.com", NULL, {A(142, 250, 207, 10)}, 300, 116, 6, &tls_google},
    {"assistant-s3-pa.googleapis.com", NULL, {A(142, 250, 196, 138)}, 300, 116, 7, &tls_google},
    {"mtalk.google.com",
     "mobile-gtalk.l.google.com",
     {A(64, 233, 189, 188)},
     300,
     116,
     7,
     &tls_google},
    {"www.youtube.com",
     "youtube-ui.l.google.com",
     {A(142, 250, 196, 110), A(172, 217, 175, 14)},
     300,
     116,
     6,
     &tls_google},
    {"i.ytimg.com", NULL, {A(142, 250, 206, 214)}, 300, 116, 6, &tls_google},
    {"rr3---sn-oguelnsy.googlevideo.com",
     "rr3.sn-oguelnsy.googlevideo.com",
     {A(173, 194, 182, 8)},
     1800,
     58,
     4,
     &tls_google},
    {"time.google.com", NULL, {A(216, 239, 35, 0), A(216, 239, 35, 4)}, 300, 117, 7, NULL},
    {"tools.l.google.com", NULL, {A(142, 250, 207, 14)}, 300, 116, 6, &tls_google},
    /* Nest */
    {"frontdoor.nest.com", NULL, {A(34, 120, 113, 230)}, 60, 57, 112, &tls_digicert12},
    {"czfe105.front01.iad01.production.nest.com", NULL, {A(35, 188, 154, 186)}, 60, 57, 165, NULL},
    {"weave-logsink.nest.com", NULL, {A(35, 174, 82, 237)}, 60, 44, 160, NULL},
    /* Apple */
    {"captive.apple.com",
     "captive-cidr.origin-apple.com.akadns.net",
     {A(17, 253, 118, 202)},
     3600,
     55,
     5,
     &tls_apple},
    {"gateway.icloud.com",
     "gateway.fe2.apple-dns.net",
     {A(17, 248, 215, 64), A(17, 248, 215, 67)},
     60,
     55,
     6,
     &tls_apple},
    {"courier.push.apple.com",
     "courier-push-apple.com.akadns.net",
     {A(17, 57, 146, 20)},
     60,
     54,
     7,
     &tls_apple},
    {"www.apple.com", "www.apple.com.edgekey.net", {A(23, 44, 233, 112)}, 300, 56, 4, &tls_apple},
    {"mesu.apple.com",
     "mesu-cdn.origin-apple.com.akadns.net",
     {A(17, 253, 118, 201)},
     3600,
     55,
     5,
     &tls_apple},
    {"p108-caldav.icloud.com",
     "p108-caldav.fe2.apple-dns.net",
     {A(17, 248, 215, 91)},
     60,
     55,
     6,
     &tls_apple},
    {"gsp-ssl.ls.apple.com",
     "gsp-ssl.ls-apple.com.akadns.net",
     {A(17, 253, 118, 130)},
     300,
     55,
     5,
     &tls_apple},
    {"time.apple.com", "time.g.aaplimg.com", {A(17, 253, 68, 125)}, 300, 55, 5, NULL},
    {"api.apple-cloudkit.com", NULL, {A(17, 248, 215, 18)}, 60, 55, 6, &tls_apple},
    /* Microsoft */
    {"www.msftconnecttest.com",
     "www.msftconnecttest.com.edgesuite.net",
     {A(13, 107, 4, 52)},
     300,
     117,
     5,
     &tls_microsoft},
    {"dns.msftncsi.com", NULL, {A(131, 107, 255, 255)}, 300, 117, 5, NULL},
    {"www.bing.com",
     "www-www.bing.com.trafficmanager.net",
     {A(204, 79, 197, 200)},
     300,
     117,
     5,
     &tls_microsoft},
    {"login.microsoftonline.com",
     "login.mso.msidentity.com",
     {A(20, 190, 141, 34)},
     300,
     112,
     32,
     &tls_microsoft},
    {"settings-win.data.microsoft.com",
     "atm-settingsfe-prod-geo2.trafficmanager.net",
     {A(20, 44, 229, 112)},
     300,
     112,
     31,
     &tls_microsoft},
    {"v10.events.data.microsoft.com",
     "onedsblobprdeus15.eastus.cloudapp.azure.com",
     {A(20, 42, 65, 91)},
     300,
     110,
     160,
     &tls_microsoft},
    {"edge.microsoft.com",
     "edge-microsoft-com.dual-a-0036.a-msedge.net",
     {A(13, 107, 21, 239)},
     300,
     117,
     5,
     &tls_microsoft},
    {"dl.delivery.mp.microsoft.com",
     "dl.delivery.mp.microsoft.com.edgesuite.net",
     {A(23, 218, 94, 137)},
     300,
     57,
     4,
     NULL},
    {"ocsp.digicert.com", "ocsp.edge.digicert.com", {A(117, 18, 237, 29)}, 300, 56, 5, NULL},
    {"time.windows.com", "twc.trafficmanager.net", {A(20, 43, 94, 199)}, 300, 112, 33, NULL},
    /* Japanese services */
    {"www.yahoo.co.jp", "edge12.g.yimg.jp", {A(183, 79, 219, 252)}, 60, 52, 8, &tls_cybertrust},
    {"news.yahoo.co.jp", "edge12.g.yimg.jp", {A(183, 79, 219, 252)}, 60, 52, 8, &tls_cybertrust},
    {"s.yimg.jp", "edge-s.g.yimg.jp", {A(183, 79, 249, 252)}, 60, 52, 8, &tls_cybertrust},
    {"legy.line-apps.com",
     "legy-jp.line-apps.com",
     {A(147, 92, 246, 173)},
     60,
     53,
     9,
     &tls_globalsign},
    {"obs.line-scdn.net",
     "obs.line-scdn.net.edgekey.net",
     {A(23, 52, 106, 89)},
     300,
     56,
     4,
     &tls_globalsign},
    {"www.amazon.co.jp",
     "tp.c95e7e602-frontier.amazon.co.jp",
     {A(52, 119, 161, 5)},
     60,
     239,
     5,
     &tls_digicert},
    {"abema.tv", NULL, {A(18, 65, 168, 54)}, 60, 245, 5, &tls_amazon},
    {"ds-vod-abematv.akamaized.net", NULL, {A(23, 52, 106, 130)}, 20, 56, 4, &tls_digicert},
    {"ntp.nict.jp",
     NULL,
     {A(133, 243, 238, 163), A(133, 243, 238, 164), A(61, 205, 120, 130)},
     3600,
     52,
     9,
     NULL},
    /* streaming and calls */
    {"www.netflix.com", "www.dradis.netflix.com", {A(54, 64, 158, 19)}, 60, 238, 5, &tls_digicert},
    {"ipv4-c057-tyo001-ix.1.oca.nflxvideo.net",
     NULL,
     {A(45, 57, 74, 131)},
     3600,
     59,
     3,
     &tls_digicert},
    {"zoom.us", NULL, {A(170, 114, 52, 2)}, 60, 51, 12, &tls_digicert},
    {"zoomtky.zoom.us", NULL, {A(144, 195, 36, 71)}, 60, 51, 12, &tls_digicert},
    /* TP-Link clouds */
    {"n-devs.tplinkcloud.com",
     "n-devs-ap.tplinkcloud.com",
     {A(13, 115, 230, 17)},
     60,
     243,
     6,
     &tls_amazon},
    {"aps1-relay-dcipc.i.tplinknbu.com", NULL, {A(13, 231, 12, 84)}, 60, 243, 6, &tls_amazon},
    {"devs.tplinkcloud.com", NULL, {A(52, 41, 106, 22)}, 60, 232, 98, &tls_tplink},
    /* OpenDNS's phishing test name, as a resolver without a blocklist answers */
    {"www.internetbadguys.com", NULL, {A(67, 215, 92, 210)}, 3600, 48, 112, NULL},
    /* AWS IoT (the door lock) */
    {"a1qwhobjtvew8t-ats.iot.ap-northeast-1.amazonaws.com",
     NULL,
     {A(54, 250, 82, 146), A(52, 193, 44, 10)},
     60,
     241,
     6,
     &tls_amazon12},
    /* Amazon Alexa, far east region */
    {"avs-alexa-4-fe.amazon.com",
     "avs-alexa-fe.amazon.com",
     {A(52, 119, 168, 44)},
     60,
     239,
     6,
     &tls_amazon},
    {"device-metrics-us-2.amazon.com", NULL, {A(52, 94, 232, 16)}, 60, 234, 150, &tls_amazon},
    {"api.amazonalexa.com", NULL, {A(52, 119, 161, 202)}, 60, 239, 6, &tls_amazon},
    {"0.amazon.pool.ntp.org", NULL, {A(162, 159, 200, 123)}, 150, 57, 4, NULL},
    /* printer and NAS vendors */
    {"update.brother.co.jp", NULL, {A(210, 131, 120, 15)}, 300, 54, 9, &tls_sectigo},
    {"update7.synology.com",
     "update7.synology.com.cdn.cloudflare.net",
     {A(104, 18, 33, 151)},
     300,
     57,
     5,
     &tls_letsencrypt},
    {"global.quickconnect.to", NULL, {A(54, 199, 102, 61)}, 60, 241, 7, &tls_letsencrypt},
    {"checkip.synology.com", NULL, {A(54, 199, 102, 73)}, 60, 241, 7, NULL},
    {NULL}};

const YmGenSite *
_ym_gen_site_lookup(const gchar *name)
{
	for (guint i = 0; sites[i].name != NULL; i++) {
		if (g_ascii_strcasecmp(sites[i].name, name) == 0)
			return &sites[i];
	}
	return NULL;
}

const YmTlsServer *
_ym_gen_site_tls(const gchar *name)
{
	const YmGenSite *site = _ym_gen_site_lookup(name);
	if (site == NULL || site->tls == NULL)
		return &tls_letsencrypt;
	return site->tls;
}
