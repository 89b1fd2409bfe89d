/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ym-error.h"
#include "ym-inventory.h"
#include "ym-test-common.h"

static const guint8 router_mac[6] = {0x00, 0x3a, 0x9d, 0x11, 0x22, 0x33};
static const guint8 phone_mac[6] = {0x90, 0xb1, 0x1c, 0x01, 0x02, 0x03};
static const guint8 random_mac[6] = {0x8a, 0x3c, 0xd6, 0xe1, 0x4d, 0xc4};

static YmInventory *
make_inventory(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(YmOui) oui = ym_oui_new(g_getenv("YM_OUI_DIR"), &error);
	g_autoptr(YmFingerprints) fp = ym_fingerprints_new();
	g_autofree gchar *dir =
	    g_build_filename(g_getenv("YM_SIGNATURES_DIR"), "fingerprints", NULL);
	g_assert_no_error(error);
	g_assert_true(ym_fingerprints_load_dir(fp, dir, &error));
	return ym_inventory_new(oui, fp);
}

static void
ipv4_packet(YmPacket *p, const guint8 *src_mac, guint32 src, guint32 dst, guint8 ttl, gint64 ts)
{
	memset(p, 0, sizeof(*p));
	p->has_mac = TRUE;
	memcpy(p->src_mac, src_mac, 6);
	memset(p->dst_mac, 0xff, 6);
	p->l3 = YM_L3_IPV4;
	ym_ip_addr_set_v4(&p->src_ip, src);
	ym_ip_addr_set_v4(&p->dst_ip, dst);
	p->ttl = ttl;
	p->ip_proto = 17;
	p->has_ports = TRUE;
	p->ts_usec = ts;
}

static gboolean
has_address(YmDevice *device, const gchar *text)
{
	for (guint i = 0; i < device->addresses->len; i++) {
		gchar buf[64];
		YmDeviceAddress *a = &g_array_index(device->addresses, YmDeviceAddress, i);
		if (g_strcmp0(ym_ip_addr_to_string(&a->addr, buf, sizeof(buf)), text) == 0)
			return TRUE;
	}
	return FALSE;
}

static gboolean
has_name(YmDevice *device, const gchar *text)
{
	for (guint i = 0; i < device->names->len; i++) {
		if (g_strcmp0(g_array_index(device->names, YmDeviceName, i).name, text) == 0)
			return TRUE;
	}
	return FALSE;
}

static void
dhcp_request(YmPacket *p,
             const guint8 *mac,
             const gchar *hostname,
             const guint8 *client_id,
             gint64 ts)
{
	static const guint8 params[] = {1, 3, 6, 15, 26, 28, 51, 58, 59, 43};
	ipv4_packet(p, mac, 0, 0xffffffff, 64, ts);
	p->src_port = 68;
	p->dst_port = 67;
	p->app = YM_APP_DHCP;
	memset(&p->u.dhcp, 0, sizeof(p->u.dhcp));
	p->u.dhcp.op = 1;
	p->u.dhcp.message_type = 3;
	p->u.dhcp.chaddr_is_mac = TRUE;
	memcpy(p->u.dhcp.chaddr, mac, 6);
	p->u.dhcp.hostname = (YmStr){hostname, (guint16) strlen(hostname)};
	p->u.dhcp.vendor_class = (YmStr){"android-dhcp-14", 15};
	memcpy(p->u.dhcp.params, params, sizeof(params));
	p->u.dhcp.n_params = sizeof(params);
	p->u.dhcp.client_id = client_id;
	p->u.dhcp.client_id_length = client_id != NULL ? 7 : 0;
}

static void
dhcp_ack(YmPacket *p, const guint8 *client, guint32 yiaddr, gint64 ts)
{
	ipv4_packet(p, router_mac, 0xc0a80a01, yiaddr, 64, ts);
	p->src_port = 67;
	p->dst_port = 68;
	p->app = YM_APP_DHCP;
	memset(&p->u.dhcp, 0, sizeof(p->u.dhcp));
	p->u.dhcp.op = 2;
	p->u.dhcp.message_type = 5;
	p->u.dhcp.yiaddr = yiaddr;
	p->u.dhcp.chaddr_is_mac = TRUE;
	memcpy(p->u.dhcp.chaddr, client, 6);
	p->u.dhcp.has_server_id = TRUE;
	p->u.dhcp.server_id = 0xc0a80a01;
	p->u.dhcp.n_routers = 1;
	p->u.dhcp.routers[0] = 0xc0a80a01;
	p->u.dhcp.n_dns_servers = 1;
	p->u.dhcp.dns_servers[0] = 0xc0a80a01;
}

static void
test_dhcp_and_roles(void)
{
	g_autoptr(YmInventory) inventory = make_inventory();
	g_autofree YmPacket *p = g_new0(YmPacket, 1);
	YmDevice *router, *phone;
	static const guint8 cid[7] = {1, 0x90, 0xb1, 0x1c, 0x01, 0x02, 0x03};

	dhcp_request(p, phone_mac, "Pixel-7", cid, 1000000);
	ym_inventory_observe(inventory, p);
	dhcp_ack(p, phone_mac, 0xc0a80a17, 1100000);
	ym_inventory_observe(inventory, p);
	/* internet traffic forwarded by the router: its TTL was decremented */
	ipv4_packet(p, router_mac, 0x5db8d822, 0xc0a80a17, 52, 1200000);
	for (guint i = 0; i < 12; i++)
		ym_inventory_observe(inventory, p);
	ym_inventory_classify(inventory);

	router = ym_inventory_lookup_mac(inventory, router_mac);
	phone = ym_inventory_lookup_mac(inventory, phone_mac);
	g_assert_nonnull(router);
	g_assert_nonnull(phone);
	g_assert_cmpuint(ym_inventory_get_devices(inventory)->len, ==, 2);
	g_assert_true(has_address(phone, "192.168.10.23"));
	g_assert_true(has_address(router, "192.168.10.1"));
	g_assert_false(has_address(router, "93.184.216.34"));
	g_assert_cmpuint(router->remote_packets, ==, 12);
	g_assert_cmpuint(router->roles, ==,
	                 YM_ROLE_GATEWAY | YM_ROLE_DHCP_SERVER | YM_ROLE_DNS_SERVER);
	g_assert_cmpstr(router->kind, ==, "router");
	g_assert_true(has_name(phone, "Pixel-7"));
	g_assert_cmpstr(phone->vendor, ==, "Dell Inc.");
	g_assert_cmpstr(phone->kind, ==, "phone");
	g_assert_cmpstr(phone->os, ==, "Android 14");
	g_assert_true(ym_inventory_lookup_ip(inventory, &p->dst_ip) == phone);
}

static void
test_randomised_mac_linked(void)
{
	g_autoptr(YmInventory) inventory = make_inventory();
	g_autofree YmPacket *p = g_new0(YmPacket, 1);
	static const guint8 cid[7] = {0xff, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc};
	YmDevice *first, *second;

	dhcp_request(p, phone_mac, "kitchen-tablet", cid, 1000000);
	ym_inventory_observe(inventory, p);
	dhcp_request(p, random_mac, "kitchen-tablet", cid, 9000000);
	ym_inventory_observe(inventory, p);
	first = ym_inventory_lookup_mac(inventory, phone_mac);
	second = ym_inventory_lookup_mac(inventory, random_mac);
	g_assert_true(second->locally_administered);
	g_assert_null(second->vendor);
	g_assert_true(second->linked_to == first);
	g_assert_null(first->linked_to);
}

static void
test_generic_hostname_not_linked(void)
{
	g_autoptr(YmInventory) inventory = make_inventory();
	g_autofree YmPacket *p = g_new0(YmPacket, 1);
	/* two iPhones both called "iPhone" with no client id are two devices */
	dhcp_request(p, phone_mac, "iPhone", NULL, 1000000);
	ym_inventory_observe(inventory, p);
	dhcp_request(p, random_mac, "iPhone", NULL, 2000000);
	ym_inventory_observe(inventory, p);
	g_assert_null(ym_inventory_lookup_mac(inventory, random_mac)->linked_to);
	g_assert_null(ym_inventory_lookup_mac(inventory, phone_mac)->linked_to);
}

static void
test_netbios_query_does_not_rename(void)
{
	g_autoptr(YmInventory) inventory = make_inventory();
	g_autofree YmPacket *p = g_new0(YmPacket, 1);
	YmDevice *device;

	ipv4_packet(p, phone_mac, 0xc0a80a17, 0xc0a80aff, 128, 1000);
	p->src_port = p->dst_port = 137;
	p->app = YM_APP_NETBIOS_NS;
	memset(&p->u.netbios, 0, sizeof(p->u.netbios));
	p->u.netbios.opcode = 0;
	p->u.netbios.name = (YmStr){"WPAD", 4};
	ym_inventory_observe(inventory, p);
	device = ym_inventory_lookup_mac(inventory, phone_mac);
	g_assert_cmpuint(device->names->len, ==, 0);

	p->u.netbios.opcode = 5;
	p->u.netbios.name = (YmStr){"GUNNAR", 6};
	p->u.netbios.has_address = TRUE;
	p->u.netbios.address = 0xc0a80a17;
	ym_inventory_observe(inventory, p);
	g_assert_true(has_name(device, "GUNNAR"));
	/* a group name (workgroup) is not the host's */
	p->u.netbios.name = (YmStr){"WORKGROUP", 9};
	p->u.netbios.is_group = TRUE;
	ym_inventory_observe(inventory, p);
	g_assert_false(has_name(device, "WORKGROUP"));
}

static void
test_save_and_load(void)
{
	g_autofree gchar *dir = ym_test_make_tmpdir();
	g_autoptr(GError) error = NULL;
	g_autofree YmPacket *p = g_new0(YmPacket, 1);
	static const guint8 cid[7] = {1, 0x90, 0xb1, 0x1c, 0x01, 0x02, 0x03};
	{
		g_autoptr(YmInventory) inventory = make_inventory();
		g_autoptr(YmStore) store = ym_store_new(dir);
		g_assert_true(ym_store_ensure_schema(store, &error));
		dhcp_request(p, phone_mac, "Pixel-7", cid, 1000000);
		ym_inventory_observe(inventory, p);
		dhcp_ack(p, phone_mac, 0xc0a80a17, 1100000);
		ym_inventory_observe(inventory, p);
		g_assert_true(ym_store_begin(store, &error));
		g_assert_true(ym_inventory_save(inventory, store, &error));
		g_assert_no_error(error);
		g_assert_true(ym_store_commit(store, &error));
	}
	{
		g_autoptr(YmInventory) inventory = make_inventory();
		g_autoptr(YmStore) store = ym_store_new(dir);
		YmDevice *phone;
		g_assert_true(ym_store_ensure_schema(store, &error));
		g_assert_true(ym_inventory_load(inventory, store, &error));
		g_assert_no_error(error);
		g_assert_cmpuint(ym_inventory_get_devices(inventory)->len, ==, 2);
		phone = ym_inventory_lookup_mac(inventory, phone_mac);
		g_assert_nonnull(phone);
		g_assert_true(has_name(phone, "Pixel-7"));
		g_assert_true(has_address(phone, "192.168.10.23"));
		g_assert_cmpstr(phone->kind, ==, "phone");
		g_assert_cmpint(phone->first_seen, ==, 1000000);
		g_assert_cmpuint(ym_inventory_get_services(inventory)->len, ==, 3);
		/* evidence accumulates: the same request again counts twice */
		dhcp_request(p, phone_mac, "Pixel-7", cid, 5000000);
		ym_inventory_observe(inventory, p);
		for (guint i = 0; i < phone->observations->len; i++) {
			YmObservation *o = &g_array_index(phone->observations, YmObservation, i);
			if (o->kind == YM_OBS_DHCP_VENDOR_CLASS)
				g_assert_cmpuint(o->count, ==, 2);
		}
	}
	ym_test_rm_rf(dir);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/ym/inventory/dhcp-and-roles", test_dhcp_and_roles);
	g_test_add_func("/ym/inventory/randomised-mac-linked", test_randomised_mac_linked);
	g_test_add_func("/ym/inventory/generic-hostname-not-linked",
	                test_generic_hostname_not_linked);
	g_test_add_func("/ym/inventory/netbios-query-does-not-rename",
	                test_netbios_query_does_not_rename);
	g_test_add_func("/ym/inventory/save-and-load", test_save_and_load);
	return g_test_run();
}
