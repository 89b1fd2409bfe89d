/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * the UPnP description fetcher without a network: which LOCATIONs it
 * accepts, the path from an SSDP packet to the device's model (with the
 * HTTP fetch replaced), its limits, libcurl against a loopback server, and
 * the direct rule through the store and the report
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ym-error.h"
#include "ym-report.h"
#include "ym-test-common.h"
#include "ym-test-http-server.h"
#include "ym-upnp-description.h"
#include "ym-upnp-fetcher-private.h"

static const guint8 camera_mac[6] = {0xc0, 0x56, 0xe3, 0x12, 0x34, 0x56};
static const guint8 router_mac[6] = {0x50, 0xc7, 0xbf, 0x01, 0x02, 0x03};

static const gchar router_description[] =
    "<?xml version=\"1.0\"?><root xmlns=\"urn:schemas-upnp-org:device-1-0\"><device>"
    "<deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType>"
    "<friendlyName>Archer C7</friendlyName><manufacturer>TP-Link</manufacturer>"
    "<modelName>Archer C7</modelName><modelNumber>5.0</modelNumber>"
    "<firmwareVersion>3.16.9 Build 20230201</firmwareVersion>"
    "<serialNumber>22C1234567890</serialNumber>"
    "<UDN>uuid:9f0865b3-f5da-4ad5-85b7-7404637fdf37</UDN></device></root>";

/* ---- a fetch that never leaves the process ---- */

static gint stub_calls;
static GMutex stub_mutex;
static gboolean stub_hold;
static gchar stub_url[YM_UPNP_LOCATION_MAX + 64];
static const gchar *stub_body = router_description;

static GBytes *
stub_fetch(const YmUpnpTarget *target, GCancellable *cancellable, GError **error)
{
	g_atomic_int_inc(&stub_calls);
	g_mutex_lock(&stub_mutex);
	g_strlcpy(stub_url, target->url, sizeof(stub_url));
	while (stub_hold && !g_cancellable_is_cancelled(cancellable)) {
		g_mutex_unlock(&stub_mutex);
		g_usleep(5000);
		g_mutex_lock(&stub_mutex);
	}
	g_mutex_unlock(&stub_mutex);
	if (g_cancellable_set_error_if_cancelled(cancellable, error))
		return NULL;
	return g_bytes_new_static(stub_body, strlen(stub_body));
}

static void
stub_reset(void)
{
	g_atomic_int_set(&stub_calls, 0);
	g_mutex_lock(&stub_mutex);
	stub_hold = FALSE;
	stub_url[0] = '\0';
	g_mutex_unlock(&stub_mutex);
	stub_body = router_description;
}

static void
wait_idle(YmUpnpFetcher *fetcher)
{
	while (ym_upnp_fetcher_get_in_flight(fetcher) > 0)
		g_main_context_iteration(NULL, TRUE);
}

static YmInventory *
make_inventory(const gchar *extra_rules)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(YmOui) oui = ym_oui_new(g_getenv("YM_OUI_DIR"), &error);
	g_autoptr(YmFingerprints) fp = ym_fingerprints_new();
	g_autofree gchar *dir =
	    g_build_filename(g_getenv("YM_SIGNATURES_DIR"), "fingerprints", NULL);
	g_assert_no_error(error);
	if (extra_rules != NULL)
		g_assert_true(ym_fingerprints_load_data(fp, "test.rules", extra_rules,
		                                        strlen(extra_rules), &error));
	else
		g_assert_true(ym_fingerprints_load_dir(fp, dir, &error));
	g_assert_no_error(error);
	return ym_inventory_new(oui, fp);
}

/* an SSDP NOTIFY as the decoder leaves it, from a device on the LAN */
static void
ssdp_notify(YmPacket *p, const guint8 *mac, guint32 src, const gchar *location, gint64 ts)
{
	memset(p, 0, sizeof(*p));
	p->has_mac = TRUE;
	memcpy(p->src_mac, mac, 6);
	memcpy(p->dst_mac, (guint8[]){0x01, 0x00, 0x5e, 0x7f, 0xff, 0xfa}, 6);
	p->l3 = YM_L3_IPV4;
	ym_ip_addr_set_v4(&p->src_ip, src);
	ym_ip_addr_set_v4(&p->dst_ip, 0xeffffffa);
	p->ttl = 4;
	p->ip_proto = 17;
	p->has_ports = TRUE;
	p->src_port = 1900;
	p->dst_port = 1900;
	p->ts_usec = ts;
	p->app = YM_APP_SSDP;
	p->u.ssdp.kind = YM_SSDP_NOTIFY;
	p->u.ssdp.nts = (YmStr){"ssdp:alive", 10};
	p->u.ssdp.nt = (YmStr){"upnp:rootdevice", 15};
	if (location != NULL)
		p->u.ssdp.location = (YmStr){location, (guint16) strlen(location)};
}

static YmUpnpFetchVerdict
consider(YmUpnpFetcher *fetcher, YmDevice *device, const YmIpAddr *source, const gchar *location)
{
	return ym_upnp_fetcher_consider(fetcher, device, source, location, strlen(location));
}

static const gchar *
observation_value(const YmDevice *device, YmObservationKind kind)
{
	for (guint i = 0; i < device->observations->len; i++) {
		const YmObservation *o = &g_array_index(device->observations, YmObservation, i);
		if (o->kind == kind)
			return o->value;
	}
	return NULL;
}

/* ---- the URL rules ---- */

static void
test_location_rules(void)
{
	const struct {
		const gchar *location;
		const gchar *source;
		YmUpnpFetchVerdict verdict;
		const gchar *url;
	} cases[] = {
	    {"http://192.168.1.50:49152/description.xml", "192.168.1.50", YM_UPNP_FETCH_STARTED,
	     "http://192.168.1.50:49152/description.xml"},
	    {"HTTP://10.0.0.7/rootDesc.xml?id=3#frag", "10.0.0.7", YM_UPNP_FETCH_STARTED,
	     "http://10.0.0.7:80/rootDesc.xml?id=3"},
	    {"http://172.16.4.1:5000", "172.16.4.1", YM_UPNP_FETCH_STARTED,
	     "http://172.16.4.1:5000/"},
	    {"http://169.254.10.20:80/d.xml", "169.254.10.20", YM_UPNP_FETCH_STARTED,
	     "http://169.254.10.20:80/d.xml"},
	    {"http://[fd12:3456::1]:1400/xml/device_description.xml", "fd12:3456::1",
	     YM_UPNP_FETCH_STARTED, "http://[fd12:3456::1]:1400/xml/device_description.xml"},
	    {"http://[fe80::1%25eth0]:8080/desc", "fe80::1", YM_UPNP_FETCH_STARTED,
	     "http://[fe80::1]:8080/desc"},
	    /* not our business: the internet, this host, other schemes */
	    {"http://198.51.100.7:80/desc.xml", "198.51.100.7", YM_UPNP_FETCH_NOT_PRIVATE, NULL},
	    {"http://127.0.0.1:80/desc.xml", "127.0.0.1", YM_UPNP_FETCH_NOT_PRIVATE, NULL},
	    {"http://[2001:db8::1]/desc.xml", "2001:db8::1", YM_UPNP_FETCH_NOT_PRIVATE, NULL},
	    {"http://172.32.0.1/desc.xml", "172.32.0.1", YM_UPNP_FETCH_NOT_PRIVATE, NULL},
	    {"http://100.64.0.1/desc.xml", "100.64.0.1", YM_UPNP_FETCH_NOT_PRIVATE, NULL},
	    {"http://[::ffff:192.168.1.50]/d", "192.168.1.50", YM_UPNP_FETCH_NOT_PRIVATE, NULL},
	    {"https://192.168.1.50/desc.xml", "192.168.1.50", YM_UPNP_FETCH_NOT_HTTP, NULL},
	    {"file:///etc/passwd", "192.168.1.50", YM_UPNP_FETCH_NOT_HTTP, NULL},
	    {"gopher://192.168.1.50/", "192.168.1.50", YM_UPNP_FETCH_NOT_HTTP, NULL},
	    /* someone else than the sender */
	    {"http://192.168.1.51:49152/d.xml", "192.168.1.50", YM_UPNP_FETCH_NOT_SENDER, NULL},
	    {"http://192.168.1.50/d.xml", NULL, YM_UPNP_FETCH_NOT_SENDER, NULL},
	    /* names would need DNS and may point anywhere */
	    {"http://router.local:80/d.xml", "192.168.1.1", YM_UPNP_FETCH_NOT_LITERAL, NULL},
	    {"http://0xc0a80132/d.xml", "192.168.1.50", YM_UPNP_FETCH_NOT_LITERAL, NULL},
	    {"http://3232235826/d.xml", "192.168.1.50", YM_UPNP_FETCH_NOT_LITERAL, NULL},
	    {"http://192.168.1/d.xml", "192.168.1.50", YM_UPNP_FETCH_NOT_LITERAL, NULL},
	    /* malformed or tricky */
	    {"http://user:pw@192.168.1.50/d.xml", "192.168.1.50", YM_UPNP_FETCH_NOT_HTTP, NULL},
	    {"http://192.168.1.50:0/d.xml", "192.168.1.50", YM_UPNP_FETCH_NOT_HTTP, NULL},
	    {"http://192.168.1.50:65536/d.xml", "192.168.1.50", YM_UPNP_FETCH_NOT_HTTP, NULL},
	    {"http://192.168.1.50:80a/d.xml", "192.168.1.50", YM_UPNP_FETCH_NOT_HTTP, NULL},
	    {"http://192.168.1.50/d xml", "192.168.1.50", YM_UPNP_FETCH_NOT_HTTP, NULL},
	    {"http://192.168.1.50\\@8.8.8.8/", "192.168.1.50", YM_UPNP_FETCH_NOT_HTTP, NULL},
	    {"http://[fd00::1/d", "fd00::1", YM_UPNP_FETCH_NOT_HTTP, NULL},
	    {"http://", "192.168.1.50", YM_UPNP_FETCH_NOT_HTTP, NULL},
	    {"http:///d.xml", "192.168.1.50", YM_UPNP_FETCH_NOT_HTTP, NULL},
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		YmUpnpTarget target;
		YmIpAddr source = {0};
		YmUpnpFetchVerdict verdict;
		if (cases[i].source != NULL) {
			g_autoptr(GInetAddress) inet =
			    g_inet_address_new_from_string(cases[i].source);
			g_assert_nonnull(inet);
			source.family =
			    g_inet_address_get_family(inet) == G_SOCKET_FAMILY_IPV4 ? 4 : 6;
			memcpy(source.bytes, g_inet_address_to_bytes(inet),
			       g_inet_address_get_native_size(inet));
		}
		verdict =
		    _ym_upnp_location_check(cases[i].location, strlen(cases[i].location),
		                            cases[i].source != NULL ? &source : NULL, &target);
		if (verdict != cases[i].verdict)
			g_error("%s: %s, expected %s", cases[i].location,
			        ym_upnp_fetch_verdict_to_string(verdict),
			        ym_upnp_fetch_verdict_to_string(cases[i].verdict));
		if (cases[i].url != NULL)
			g_assert_cmpstr(target.url, ==, cases[i].url);
	}
	/* the query stays out of logs */
	{
		YmUpnpTarget target;
		YmIpAddr source;
		const gchar *location = "http://10.0.0.7/desc?token=secret";
		ym_ip_addr_set_v4(&source, 0x0a000007);
		g_assert_cmpint(
		    _ym_upnp_location_check(location, strlen(location), &source, &target), ==,
		    YM_UPNP_FETCH_STARTED);
		g_assert_cmpuint(target.loggable, ==, strlen("http://10.0.0.7:80/desc"));
	}
	/* longer than a LOCATION we take */
	{
		YmUpnpTarget target;
		YmIpAddr source;
		g_autoptr(GString) location = g_string_new("http://10.0.0.7/");
		ym_ip_addr_set_v4(&source, 0x0a000007);
		while (location->len <= YM_UPNP_LOCATION_MAX)
			g_string_append_c(location, 'a');
		g_assert_cmpint(
		    _ym_upnp_location_check(location->str, location->len, &source, &target), ==,
		    YM_UPNP_FETCH_NOT_HTTP);
	}
}

/* ---- from the packet to the model ---- */

static void
test_packet_to_model(void)
{
	g_autoptr(YmInventory) inventory = make_inventory(NULL);
	g_autoptr(YmUpnpFetcher) fetcher = ym_upnp_fetcher_new(inventory, NULL);
	g_autofree YmPacket *p = g_new0(YmPacket, 1);
	YmDevice *router;

	stub_reset();
	_ym_upnp_fetcher_set_fetch_func(fetcher, stub_fetch);
	ssdp_notify(p, router_mac, 0xc0a80001, "http://192.168.0.1:1900/igd.xml",
	            g_get_real_time());
	ym_inventory_observe(inventory, p);
	g_assert_cmpuint(ym_upnp_fetcher_get_in_flight(fetcher), ==, 1);
	wait_idle(fetcher);
	g_assert_cmpint(g_atomic_int_get(&stub_calls), ==, 1);
	g_assert_cmpuint(ym_upnp_fetcher_get_applied(fetcher), ==, 1);
	g_assert_cmpstr(stub_url, ==, "http://192.168.0.1:1900/igd.xml");

	router = ym_inventory_lookup_mac(inventory, router_mac);
	g_assert_nonnull(router);
	g_assert_cmpstr(observation_value(router, YM_OBS_UPNP_MANUFACTURER), ==, "TP-Link");
	g_assert_cmpstr(observation_value(router, YM_OBS_UPNP_FRIENDLY_NAME), ==, "Archer C7");
	g_assert_cmpstr(observation_value(router, YM_OBS_UPNP_DEVICE_TYPE), ==,
	                "urn:schemas-upnp-org:device:InternetGatewayDevice:1");
	for (guint i = 0; i < router->observations->len; i++) {
		const YmObservation *o = &g_array_index(router->observations, YmObservation, i);
		g_assert_null(strstr(o->value, "22C1234567890"));
		g_assert_null(strstr(o->value, "9f0865b3"));
	}
	ym_inventory_classify(inventory);
	g_assert_cmpstr(router->model, ==, "Archer C7 5.0");
	g_assert_cmpuint(router->model_confidence, ==, YM_UPNP_MODEL_CONFIDENCE);
	g_assert_cmpstr(router->firmware, ==, "3.16.9 Build 20230201");
	g_assert_cmpuint(router->firmware_confidence, ==, YM_UPNP_FIRMWARE_CONFIDENCE);
	g_assert_cmpstr(router->kind, ==, "router");

	/* the next announcements within a day are not fetched again */
	ym_inventory_observe(inventory, p);
	ssdp_notify(p, router_mac, 0xc0a80001, "http://192.168.0.1:5000/other.xml",
	            g_get_real_time());
	ym_inventory_observe(inventory, p);
	g_assert_cmpint(g_atomic_int_get(&stub_calls), ==, 1);
	g_assert_cmpint(consider(fetcher, router, &p->src_ip, "http://192.168.0.1:5000/other.xml"),
	                ==, YM_UPNP_FETCH_RECENT);

	/* stopped, it no longer listens to the inventory */
	ym_upnp_fetcher_stop(fetcher);
	ssdp_notify(p, camera_mac, 0xc0a80040, "http://192.168.0.64:80/d.xml", g_get_real_time());
	ym_inventory_observe(inventory, p);
	g_assert_cmpint(g_atomic_int_get(&stub_calls), ==, 1);
}

static void
test_refusals(void)
{
	g_autoptr(YmInventory) inventory = make_inventory(NULL);
	g_autoptr(YmUpnpFetcher) fetcher = ym_upnp_fetcher_new(inventory, NULL);
	g_autofree YmPacket *p = g_new0(YmPacket, 1);
	const gchar *locations[] = {
	    "http://198.51.100.7:80/desc.xml",  /* the internet */
	    "http://192.168.0.65:80/desc.xml",  /* a neighbour */
	    "http://camera.local:80/desc.xml",  /* a name */
	    "https://192.168.0.64:443/desc.xml" /* not plain HTTP */
	};
	YmDevice *camera;
	YmDevice *router;
	YmIpAddr addr;

	stub_reset();
	_ym_upnp_fetcher_set_fetch_func(fetcher, stub_fetch);
	for (guint i = 0; i < G_N_ELEMENTS(locations); i++) {
		ssdp_notify(p, camera_mac, 0xc0a80040, locations[i], g_get_real_time());
		ym_inventory_observe(inventory, p);
	}
	/* a packet forwarded by a router (TTL decremented) is not the device's own */
	ssdp_notify(p, camera_mac, 0xc0a80040, "http://192.168.0.64:80/d.xml", g_get_real_time());
	p->ttl = 63;
	ym_inventory_observe(inventory, p);
	g_assert_cmpint(g_atomic_int_get(&stub_calls), ==, 0);
	g_assert_cmpuint(ym_upnp_fetcher_get_in_flight(fetcher), ==, 0);

	/* an address the inventory binds to another device */
	ssdp_notify(p, router_mac, 0xc0a80001, NULL, g_get_real_time());
	ym_inventory_observe(inventory, p);
	camera = ym_inventory_lookup_mac(inventory, camera_mac);
	router = ym_inventory_lookup_mac(inventory, router_mac);
	g_assert_nonnull(camera);
	g_assert_nonnull(router);
	ym_ip_addr_set_v4(&addr, 0xc0a80001);
	g_assert_cmpint(consider(fetcher, camera, &addr, "http://192.168.0.1:80/d.xml"), ==,
	                YM_UPNP_FETCH_NOT_OWNED);
	g_assert_cmpint(g_atomic_int_get(&stub_calls), ==, 0);
	/* nothing was learnt */
	for (guint i = 0; i < camera->observations->len; i++) {
		const YmObservation *o = &g_array_index(camera->observations, YmObservation, i);
		g_assert_false(ym_observation_kind_is_upnp(o->kind));
	}
}

static void
test_busy_and_stop(void)
{
	g_autoptr(YmInventory) inventory = make_inventory(NULL);
	g_autoptr(YmUpnpFetcher) fetcher = ym_upnp_fetcher_new(inventory, NULL);
	g_autofree YmPacket *p = g_new0(YmPacket, 1);

	stub_reset();
	stub_hold = TRUE;
	_ym_upnp_fetcher_set_fetch_func(fetcher, stub_fetch);
	for (guint i = 0; i < YM_UPNP_FETCH_MAX_IN_FLIGHT + 1; i++) {
		guint8 mac[6] = {0x02, 0, 0, 0, 0, (guint8) (i + 1)};
		g_autofree gchar *location =
		    g_strdup_printf("http://192.168.0.%u:80/d.xml", 100 + i);
		ssdp_notify(p, mac, 0xc0a80064 + i, location, g_get_real_time());
		ym_inventory_observe(inventory, p);
	}
	g_assert_cmpuint(ym_upnp_fetcher_get_in_flight(fetcher), ==, YM_UPNP_FETCH_MAX_IN_FLIGHT);
	{
		guint8 mac[6] = {0x02, 0, 0, 0, 0, YM_UPNP_FETCH_MAX_IN_FLIGHT + 1};
		YmDevice *fifth = ym_inventory_lookup_mac(inventory, mac);
		YmIpAddr addr;
		ym_ip_addr_set_v4(&addr, 0xc0a80064 + YM_UPNP_FETCH_MAX_IN_FLIGHT);
		g_assert_cmpint(consider(fetcher, fifth, &addr, "http://192.168.0.104:80/d.xml"),
		                ==, YM_UPNP_FETCH_BUSY);
	}
	/* stop cancels the fetches in flight and waits for them */
	ym_upnp_fetcher_stop(fetcher);
	g_assert_cmpuint(ym_upnp_fetcher_get_in_flight(fetcher), ==, 0);
	g_assert_cmpuint(ym_upnp_fetcher_get_failed(fetcher), ==, YM_UPNP_FETCH_MAX_IN_FLIGHT);
	g_assert_cmpuint(ym_upnp_fetcher_get_applied(fetcher), ==, 0);
	g_assert_cmpint(consider(fetcher, g_ptr_array_index(ym_inventory_get_devices(inventory), 0),
	                         &p->src_ip, "http://192.168.0.104:80/d.xml"),
	                ==, YM_UPNP_FETCH_STOPPED);
}

/* a description stored less than a day ago counts: restarts do not refetch */
static void
test_stored_recently(void)
{
	g_autoptr(YmInventory) inventory = make_inventory(NULL);
	g_autoptr(YmUpnpFetcher) fetcher = ym_upnp_fetcher_new(inventory, NULL);
	g_autofree YmPacket *p = g_new0(YmPacket, 1);
	gint64 now = g_get_real_time();

	stub_reset();
	_ym_upnp_fetcher_set_fetch_func(fetcher, stub_fetch);
	ssdp_notify(p, camera_mac, 0xc0a80040, NULL, now);
	ym_inventory_observe(inventory, p);
	ssdp_notify(p, router_mac, 0xc0a80001, NULL, now);
	ym_inventory_observe(inventory, p);
	g_assert_true(ym_inventory_add_observation(inventory, camera_mac, YM_OBS_UPNP_MODEL_NAME,
	                                           "DS-2CD2142FWD-I", now - G_TIME_SPAN_HOUR));
	g_assert_true(ym_inventory_add_observation(inventory, router_mac, YM_OBS_UPNP_MODEL_NAME,
	                                           "Archer C7", now - 25 * G_TIME_SPAN_HOUR));
	g_assert_false(ym_inventory_add_observation(inventory, (guint8[]){0x02, 9, 9, 9, 9, 9},
	                                            YM_OBS_UPNP_MODEL_NAME, "x", now));

	ssdp_notify(p, camera_mac, 0xc0a80040, "http://192.168.0.64:80/d.xml", now);
	ym_inventory_observe(inventory, p);
	g_assert_cmpint(g_atomic_int_get(&stub_calls), ==, 0);
	g_assert_cmpuint(ym_upnp_fetcher_get_in_flight(fetcher), ==, 0);
	ssdp_notify(p, router_mac, 0xc0a80001, "http://192.168.0.1:80/d.xml", now);
	ym_inventory_observe(inventory, p);
	wait_idle(fetcher);
	g_assert_cmpint(g_atomic_int_get(&stub_calls), ==, 1);
	g_assert_cmpuint(ym_upnp_fetcher_get_applied(fetcher), ==, 1);
}

/* a description that is not one: counted as failed, nothing learnt */
static void
test_bad_description(void)
{
	g_autoptr(YmInventory) inventory = make_inventory(NULL);
	g_autoptr(YmUpnpFetcher) fetcher = ym_upnp_fetcher_new(inventory, NULL);
	g_autofree YmPacket *p = g_new0(YmPacket, 1);
	YmDevice *camera;

	stub_reset();
	stub_body = "<!DOCTYPE root [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
	            "<root><device><modelName>&x;</modelName></device></root>";
	_ym_upnp_fetcher_set_fetch_func(fetcher, stub_fetch);
	ssdp_notify(p, camera_mac, 0xc0a80040, "http://192.168.0.64:80/d.xml", g_get_real_time());
	ym_inventory_observe(inventory, p);
	wait_idle(fetcher);
	g_assert_cmpuint(ym_upnp_fetcher_get_failed(fetcher), ==, 1);
	g_assert_cmpuint(ym_upnp_fetcher_get_applied(fetcher), ==, 0);
	camera = ym_inventory_lookup_mac(inventory, camera_mac);
	for (guint i = 0; i < camera->observations->len; i++) {
		const YmObservation *o = &g_array_index(camera->observations, YmObservation, i);
		g_assert_false(ym_observation_kind_is_upnp(o->kind));
	}
	stub_reset();
}

/* ---- libcurl against a server on loopback ---- */

static YmUpnpTarget
loopback_target(guint16 port, const gchar *path)
{
	YmUpnpTarget target = {0};
	ym_ip_addr_set_v4(&target.addr, 0x7f000001);
	target.port = port;
	g_snprintf(target.url, sizeof(target.url), "http://127.0.0.1:%u%s", port, path);
	target.loggable = strlen(target.url);
	return target;
}

static gpointer
cancel_later(gpointer data)
{
	g_usleep(200 * 1000);
	g_cancellable_cancel(G_CANCELLABLE(data));
	return NULL;
}

static void
test_http_loopback(void)
{
	g_autoptr(YmTestHttpServer) server = ym_test_http_server_new("127.0.0.1", 0);
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) bytes = NULL;
	YmUpnpTarget target;
	guint before;

	ym_test_http_server_add_file(server, "/description.xml", router_description,
	                             strlen(router_description));
	ym_test_http_server_start(server);
	/* a proxy in the environment is not used for the LAN */
	g_setenv("http_proxy", "http://127.0.0.1:9", TRUE);
	g_setenv("ALL_PROXY", "http://127.0.0.1:9", TRUE);

	target = loopback_target(server->port, "/description.xml");
	bytes = _ym_upnp_fetch_http(&target, NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpmem(g_bytes_get_data(bytes, NULL), g_bytes_get_size(bytes), router_description,
	                strlen(router_description));
	g_assert_cmpuint(ym_test_http_server_get_requests(server, "127.0.0.1"), ==, 1);

	/* redirects are not followed */
	before = ym_test_http_server_get_requests(server, NULL);
	target = loopback_target(server->port, "/redirect");
	g_clear_pointer(&bytes, g_bytes_unref);
	bytes = _ym_upnp_fetch_http(&target, NULL, &error);
	g_assert_error(error, YM_ERROR, YM_ERROR_READ);
	g_assert_nonnull(strstr(error->message, "HTTP status 302"));
	g_assert_null(bytes);
	g_assert_cmpuint(ym_test_http_server_get_requests(server, NULL), ==, before + 1);
	g_clear_error(&error);

	/* the size cap, with and without a Content-Length */
	for (guint i = 0; i < 2; i++) {
		target = loopback_target(server->port, i == 0 ? "/big" : "/big-declared");
		bytes = _ym_upnp_fetch_http(&target, NULL, &error);
		g_assert_error(error, YM_ERROR, YM_ERROR_INVALID_DATA);
		g_assert_nonnull(strstr(error->message, "larger than 65536 bytes"));
		g_assert_null(bytes);
		g_clear_error(&error);
	}

	target = loopback_target(server->port, "/missing.xml");
	bytes = _ym_upnp_fetch_http(&target, NULL, &error);
	g_assert_error(error, YM_ERROR, YM_ERROR_READ);
	g_assert_nonnull(strstr(error->message, "HTTP status 404"));
	g_clear_error(&error);

	/* nobody listening: an error, not a hang */
	target = loopback_target(1, "/description.xml");
	bytes = _ym_upnp_fetch_http(&target, NULL, &error);
	g_assert_error(error, YM_ERROR, YM_ERROR_READ);
	g_assert_null(bytes);
	g_clear_error(&error);

	/* cancelled before it starts */
	{
		g_autoptr(GCancellable) cancellable = g_cancellable_new();
		g_cancellable_cancel(cancellable);
		target = loopback_target(server->port, "/description.xml");
		bytes = _ym_upnp_fetch_http(&target, cancellable, &error);
		g_assert_error(error, YM_ERROR, YM_ERROR_READ);
		g_assert_null(bytes);
	}
	/* cancelled while the device takes its time: back well within a second */
	{
		g_autoptr(GCancellable) cancellable = g_cancellable_new();
		GThread *canceller = g_thread_new("cancel", cancel_later, cancellable);
		gint64 start = g_get_monotonic_time();
		g_clear_error(&error);
		target = loopback_target(server->port, "/slow");
		bytes = _ym_upnp_fetch_http(&target, cancellable, &error);
		g_thread_join(canceller);
		g_assert_error(error, YM_ERROR, YM_ERROR_READ);
		g_assert_null(bytes);
		g_assert_cmpint(g_get_monotonic_time() - start, <, 1500 * 1000);
	}
	g_unsetenv("http_proxy");
	g_unsetenv("ALL_PROXY");
}

/* ---- the direct rule, the store and the report ---- */

static YmDevice *
device_with_description(YmInventory *inventory,
                        const guint8 *mac,
                        const gchar *name,
                        const gchar *number,
                        const gchar *firmware,
                        gint64 ts)
{
	g_autofree YmPacket *p = g_new0(YmPacket, 1);
	ssdp_notify(p, mac, 0xc0a80000 | mac[5], NULL, ts);
	ym_inventory_observe(inventory, p);
	if (name != NULL)
		ym_inventory_add_observation(inventory, mac, YM_OBS_UPNP_MODEL_NAME, name, ts);
	if (number != NULL)
		ym_inventory_add_observation(inventory, mac, YM_OBS_UPNP_MODEL_NUMBER, number, ts);
	if (firmware != NULL)
		ym_inventory_add_observation(inventory, mac, YM_OBS_UPNP_FIRMWARE, firmware, ts);
	ym_inventory_add_observation(inventory, mac, YM_OBS_UPNP_MANUFACTURER, "Maker", ts);
	ym_inventory_classify(inventory);
	return ym_inventory_lookup_mac(inventory, mac);
}

static void
test_identity_rules(void)
{
	g_autoptr(YmInventory) inventory = make_inventory(NULL);
	YmDevice *device;
	gint64 ts = 1700000000000000;

	/* the number repeats the name: said once */
	device = device_with_description(inventory, (guint8[]){2, 0, 0, 0, 0, 1}, "DS-2CD2142FWD-I",
	                                 "DS-2CD2142FWD-I", NULL, ts);
	g_assert_cmpstr(device->model, ==, "DS-2CD2142FWD-I");
	g_assert_null(device->firmware);
	/* a number without a digit adds nothing */
	device = device_with_description(inventory, (guint8[]){2, 0, 0, 0, 0, 2}, "FRITZ!Box 7590",
	                                 "avm", NULL, ts);
	g_assert_cmpstr(device->model, ==, "FRITZ!Box 7590");
	/* a new firmware replaces the old one; a fetch without firmware drops it */
	device = device_with_description(inventory, (guint8[]){2, 0, 0, 0, 0, 3}, "Archer C7",
	                                 "5.0", "3.15.3", ts);
	g_assert_cmpstr(device->model, ==, "Archer C7 5.0");
	g_assert_cmpstr(device->firmware, ==, "3.15.3");
	device = device_with_description(inventory, (guint8[]){2, 0, 0, 0, 0, 3}, "Archer C7",
	                                 "5.0", "3.16.9", ts + G_USEC_PER_SEC);
	g_assert_cmpstr(device->firmware, ==, "3.16.9");
	device = device_with_description(inventory, (guint8[]){2, 0, 0, 0, 0, 3}, "Archer C7",
	                                 "5.0", NULL, ts + 2 * G_USEC_PER_SEC);
	g_assert_null(device->firmware);
	g_assert_cmpuint(device->firmware_confidence, ==, 0);
	g_assert_cmpstr(device->model, ==, "Archer C7 5.0");
}

static void
test_stronger_rule_wins(void)
{
	g_autoptr(YmInventory) inventory =
	    make_inventory("upnp_model_name ~ \"^Archer (.*)$\" -> model=\"TP-Link Archer $1\"@95\n"
	                   "upnp_manufacturer = \"Maker\" -> firmware=\"rule\"@50\n");
	YmDevice *device = device_with_description(inventory, (guint8[]){2, 0, 0, 0, 0, 4},
	                                           "Archer C7", "5.0", "3.16.9", 1000);
	g_assert_cmpstr(device->model, ==, "TP-Link Archer C7");
	g_assert_cmpuint(device->model_confidence, ==, 95);
	g_assert_cmpstr(device->firmware, ==, "3.16.9");
	g_assert_cmpuint(device->firmware_confidence, ==, 90);
}

/* stored as observations, back after a restart, and in the report */
static void
test_persisted_and_reported(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autoptr(GError) error = NULL;
	const guint8 mac[6] = {2, 0, 0, 0, 0, 5};
	gint64 ts = g_get_real_time();
	{
		g_autoptr(YmInventory) inventory = make_inventory(NULL);
		g_autoptr(YmStore) store = ym_store_new(dir);
		g_assert_true(ym_store_ensure_schema(store, &error));
		device_with_description(inventory, mac, "Archer C7", "5.0", "3.16.9", ts);
		ym_inventory_add_observation(inventory, mac, YM_OBS_UPNP_FRIENDLY_NAME,
		                             "Upstairs router", ts);
		g_assert_true(ym_store_begin(store, &error));
		g_assert_true(ym_inventory_save(inventory, store, &error));
		g_assert_no_error(error);
		g_assert_true(ym_store_commit(store, &error));
	}
	{
		g_autoptr(YmInventory) inventory = make_inventory(NULL);
		g_autoptr(YmStore) store = ym_store_new(dir);
		g_autoptr(YmUpnpFetcher) fetcher = NULL;
		g_autoptr(JsonParser) parser = json_parser_new();
		g_autofree gchar *report = NULL;
		g_autofree YmPacket *p = g_new0(YmPacket, 1);
		YmRunStats stats = {0};
		YmDevice *device;
		JsonObject *object;
		JsonArray *devices;

		g_assert_true(ym_store_ensure_schema(store, &error));
		g_assert_true(ym_inventory_load(inventory, store, &error));
		g_assert_no_error(error);
		ym_inventory_classify(inventory);
		device = ym_inventory_lookup_mac(inventory, mac);
		g_assert_cmpstr(device->model, ==, "Archer C7 5.0");
		g_assert_cmpstr(device->firmware, ==, "3.16.9");
		/* and it is not fetched again today */
		stub_reset();
		fetcher = ym_upnp_fetcher_new(inventory, NULL);
		_ym_upnp_fetcher_set_fetch_func(fetcher, stub_fetch);
		ssdp_notify(p, mac, 0xc0a80005, "http://192.168.0.5:80/d.xml", ts);
		ym_inventory_observe(inventory, p);
		g_assert_cmpint(g_atomic_int_get(&stub_calls), ==, 0);
		g_assert_cmpuint(ym_upnp_fetcher_get_in_flight(fetcher), ==, 0);

		report = ym_report_build(store, NULL, &stats, YM_REPORT_FORMAT_JSON, &error);
		g_assert_no_error(error);
		g_assert_true(json_parser_load_from_data(parser, report, -1, &error));
		g_assert_no_error(error);
		devices = json_object_get_array_member(
		    json_node_get_object(json_parser_get_root(parser)), "devices");
		g_assert_cmpuint(json_array_get_length(devices), ==, 1);
		object = json_array_get_object_element(devices, 0);
		g_assert_cmpstr(json_object_get_string_member(object, "model"), ==,
		                "Archer C7 5.0");
		g_assert_cmpstr(json_object_get_string_member(object, "firmware"), ==, "3.16.9");
		g_assert_cmpstr(json_object_get_string_member(object, "upnp_manufacturer"), ==,
		                "Maker");
		g_assert_cmpstr(json_object_get_string_member(object, "upnp_friendly_name"), ==,
		                "Upstairs router");
		g_assert_cmpint(json_object_get_int_member(
		                    json_object_get_object_member(object, "confidence"), "model"),
		                ==, 90);
		g_assert_true(json_object_has_member(
		    json_object_get_object_member(object, "evidence"), "upnp_model_name"));
	}
	ym_test_rm_rf(dir);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/upnp-fetcher/location-rules", test_location_rules);
	g_test_add_func("/ym/upnp-fetcher/packet-to-model", test_packet_to_model);
	g_test_add_func("/ym/upnp-fetcher/refusals", test_refusals);
	g_test_add_func("/ym/upnp-fetcher/busy-and-stop", test_busy_and_stop);
	g_test_add_func("/ym/upnp-fetcher/stored-recently", test_stored_recently);
	g_test_add_func("/ym/upnp-fetcher/bad-description", test_bad_description);
	g_test_add_func("/ym/upnp-fetcher/http-loopback", test_http_loopback);
	g_test_add_func("/ym/upnp-fetcher/identity-rules", test_identity_rules);
	g_test_add_func("/ym/upnp-fetcher/stronger-rule-wins", test_stronger_rule_wins);
	g_test_add_func("/ym/upnp-fetcher/persisted-and-reported", test_persisted_and_reported);
	return g_test_run();
}
