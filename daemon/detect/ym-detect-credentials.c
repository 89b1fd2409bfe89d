/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * logins seen on the wire:
 *  - insecure_remote_access, the using side: a Telnet, FTP, POP3, IMAP,
 *    MQTT or HTTP Basic login crossed the network readable
 *  - default_or_weak_password: its pair is on the list of factory defaults
 *    and common passwords (signatures/credentials/), or it is an anonymous
 *    FTP login; only the username and the list entry are kept
 *  - password_guessing: many refused logins, or many short SSH sessions,
 *    from one source against one target within a minute
 * Per-flow state is a small fixed table; a password is hashed and wiped as
 * soon as it is complete, and never logged or stored.
 */

#define G_LOG_DOMAIN "YmDetect"

#include "config.h"

#include <string.h>

#include "ym-detect-credentials-private.h"

#define YM_LOGIN_SLOTS 64
G_STATIC_ASSERT(YM_LOGIN_SLOTS <= 64); /* slots_used is a 64-bit mask */
#define YM_GUESS_SLOTS 32
/* password guessing: this many refused logins (or short SSH sessions) ... */
#define YM_GUESS_THRESHOLD 10
/* ... from one source to one target within this window */
#define YM_GUESS_WINDOW (G_GINT64_CONSTANT(60) * G_USEC_PER_SEC)
/* an SSH session this short and small is a login attempt, not a session of work */
#define YM_SSH_SHORT_SESSION (G_GINT64_CONSTANT(30) * G_USEC_PER_SEC)
#define YM_SSH_SHORT_PACKETS 100
/* a first refused attempt with a listed pair is reported; after that the
 * source is guessing and its list is not the target's password */
#define YM_GUESS_QUIET_DEFAULTS 2

static const struct {
	guint16 port;
	YmLoginService service;
} login_ports[] = {
    {23, YM_LOGIN_TELNET}, {2323, YM_LOGIN_TELNET}, {21, YM_LOGIN_FTP},
    {110, YM_LOGIN_POP3},  {143, YM_LOGIN_IMAP},    {1883, YM_LOGIN_MQTT},
};

/* refused logins from one source to one service of one target */
typedef struct {
	gboolean used;
	YmLoginService service;
	YmIpAddr source;
	YmIpAddr target;
	guint16 port;
	guint8 source_mac[6];
	guint8 target_mac[6];
	gboolean has_mac;
	gint64 window_start;
	gint64 last_seen;
	guint failures;
} YmGuess;

struct _YmCredentials {
	YmCredentialList *list;
	YmDetectContext *ctx; /* borrowed for the length of one callback */
	YmLoginSlot slots[YM_LOGIN_SLOTS];
	guint64 slots_used; /* bit i: slots[i] follows a login (the packet path checks this) */
	YmGuess guesses[YM_GUESS_SLOTS];
};

static YmCredentialList *
load_list(YmDetectContext *ctx, GError **error)
{
	g_autofree gchar *dir = g_build_filename(ctx->signatures_dir, "credentials", NULL);
	g_autoptr(YmCredentialList) list = ym_credential_list_new();
	if (!ym_credential_list_load_dir(list, dir, error))
		return NULL;
	return g_steal_pointer(&list);
}

static gpointer
credentials_create(YmDetectContext *ctx, GError **error)
{
	g_autoptr(YmCredentialList) list = load_list(ctx, error);
	YmCredentials *self;
	if (list == NULL)
		return NULL;
	self = g_new0(YmCredentials, 1);
	self->list = g_steal_pointer(&list);
	return self;
}

static void
credentials_destroy(gpointer state)
{
	YmCredentials *self = state;
	ym_credential_list_free(self->list);
	_ym_login_wipe(self->slots, sizeof(self->slots));
	g_free(self);
}

static gboolean
credentials_reload(gpointer state, YmDetectContext *ctx, GError **error)
{
	YmCredentials *self = state;
	YmCredentialList *list = load_list(ctx, error);
	if (list == NULL)
		return FALSE;
	/* pending matches point into the old list: they are dropped */
	for (guint i = 0; i < YM_LOGIN_SLOTS; i++)
		self->slots[i].match = NULL;
	ym_credential_list_free(self->list);
	self->list = list;
	return TRUE;
}

/* a device of the home: its MAC is known and the address is its own (not
 * the router forwarding someone else's) */
static YmDevice *
home_device(YmDetectContext *ctx, gboolean has_mac, const guint8 *mac, const YmIpAddr *addr)
{
	YmDevice *device;
	if (!has_mac)
		return NULL;
	device = ym_inventory_lookup_mac(ctx->inventory, mac);
	if (device == NULL || ym_inventory_lookup_ip(ctx->inventory, addr) != device)
		return NULL;
	return device;
}

/* the server when it is in the home, else the client when it is */
static YmDevice *
slot_device(YmCredentials *self, YmLoginSlot *slot, gboolean *on_server)
{
	YmDevice *device = home_device(self->ctx, slot->has_mac, slot->server_mac, &slot->server);
	*on_server = device != NULL;
	if (device == NULL)
		device = home_device(self->ctx, slot->has_mac, slot->client_mac, &slot->client);
	return device;
}

static JsonObject *
slot_evidence(YmLoginSlot *slot)
{
	JsonObject *evidence = json_object_new();
	gchar buf[64];
	json_object_set_string_member(evidence, "service",
	                              _ym_login_service_to_string(slot->service));
	json_object_set_int_member(evidence, "port", slot->server_port);
	json_object_set_string_member(evidence, "client",
	                              ym_ip_addr_to_string(&slot->client, buf, sizeof(buf)));
	json_object_set_string_member(evidence, "server",
	                              ym_ip_addr_to_string(&slot->server, buf, sizeof(buf)));
	if (slot->has_username) {
		YmStr username = {slot->username, slot->username_length};
		g_autofree gchar *text = ym_str_dup(username);
		json_object_set_string_member(evidence, "username", text);
	}
	return evidence;
}

void
_ym_credentials_username(YmCredentials *self,
                         YmLoginSlot *slot,
                         const gchar *username,
                         gsize length,
                         gint64 ts)
{
	g_autofree gchar *key = NULL;
	gboolean on_server;
	YmDevice *device;

	length = MIN(length, sizeof(slot->username));
	memcpy(slot->username, username, length);
	slot->username_length = (guint8) length;
	slot->has_username = TRUE;
	slot->anonymous = slot->service == YM_LOGIN_FTP &&
	                  ((length == 9 && g_ascii_strncasecmp(username, "anonymous", 9) == 0) ||
	                   (length == 3 && g_ascii_strncasecmp(username, "ftp", 3) == 0));
	device = slot_device(self, slot, &on_server);
	key = g_strdup_printf("login:%s:%u", _ym_login_service_to_string(slot->service),
	                      slot->server_port);
	ym_alerts_raise(self->ctx->alerts, "insecure_remote_access", device, key, ts,
	                YM_SEVERITY_INFO, slot_evidence(slot));
}

static void
raise_default(YmCredentials *self, YmLoginSlot *slot, YmLoginOutcome outcome, gint64 ts)
{
	static const gchar *const outcomes[] = {"unknown", "accepted", "rejected"};
	g_autofree gchar *key = NULL;
	g_autofree gchar *username = NULL;
	JsonObject *evidence = slot_evidence(slot);
	YmStr name = {slot->username, slot->username_length};
	gboolean on_server;
	YmDevice *device = slot_device(self, slot, &on_server);
	YmAlert *alert;

	username = ym_str_dup(name);
	key = g_strdup_printf("%s:%u:%s", _ym_login_service_to_string(slot->service),
	                      slot->server_port, username);
	json_object_set_string_member(evidence, "login", outcomes[outcome]);
	if (slot->anonymous) {
		json_object_set_string_member(evidence, "match", "anonymous");
	} else {
		json_object_set_string_member(evidence, "match",
		                              ym_credential_kind_to_string(slot->match->kind));
		json_object_set_string_member(evidence, "list", slot->match->label);
	}
	alert = ym_alerts_raise(self->ctx->alerts, "default_or_weak_password", device, key, ts,
	                        YM_SEVERITY_INFO, evidence);
	/* anonymous FTP is a public archive's normal door: a tip, or a caution
	 * when a home device (a NAS, a camera) offers it */
	if (slot->anonymous && alert != NULL) {
		alert->maximum = on_server ? YM_SEVERITY_CAUTION : YM_SEVERITY_INFO;
		alert->severity = MIN(alert->severity, alert->maximum);
	}
}

void
_ym_credentials_password(YmCredentials *self,
                         YmLoginSlot *slot,
                         const gchar *password,
                         gsize length,
                         gint64 ts)
{
	if (slot->pending)
		_ym_credentials_outcome(self, slot, YM_LOGIN_OUTCOME_UNKNOWN, ts);
	slot->match = NULL;
	if (slot->has_username && !slot->anonymous)
		slot->match = ym_credential_list_lookup(self->list, slot->username,
		                                        slot->username_length, password, length);
	slot->pending = TRUE;
}

static YmGuess *
guess_claim(YmCredentials *self, YmLoginSlot *slot)
{
	YmGuess *oldest = &self->guesses[0];
	for (guint i = 0; i < YM_GUESS_SLOTS; i++) {
		YmGuess *guess = &self->guesses[i];
		if (guess->used && guess->service == slot->service &&
		    guess->port == slot->server_port &&
		    ym_ip_addr_equal(&guess->source, &slot->client) &&
		    ym_ip_addr_equal(&guess->target, &slot->server))
			return guess;
		if (!guess->used || (oldest->used && guess->last_seen < oldest->last_seen))
			oldest = guess;
	}
	memset(oldest, 0, sizeof(*oldest));
	oldest->used = TRUE;
	oldest->service = slot->service;
	oldest->port = slot->server_port;
	oldest->source = slot->client;
	oldest->target = slot->server;
	return oldest;
}

static void
raise_guessing(YmCredentials *self, YmGuess *guess, gint64 ts)
{
	g_autofree gchar *key = NULL;
	JsonObject *evidence = json_object_new();
	const gchar *service = _ym_login_service_to_string(guess->service);
	YmDevice *device;
	gchar buf[64];

	/* the target when it is in the home, else the home device guessing */
	device = home_device(self->ctx, guess->has_mac, guess->target_mac, &guess->target);
	if (device != NULL) {
		key = g_strdup_printf("%s:%u", service, guess->port);
	} else {
		device = home_device(self->ctx, guess->has_mac, guess->source_mac, &guess->source);
		key = g_strdup_printf(device != NULL ? "out:%s:%u" : "%s:%u", service, guess->port);
	}
	json_object_set_string_member(evidence, "service", service);
	json_object_set_int_member(evidence, "port", guess->port);
	json_object_set_string_member(evidence, "target",
	                              ym_ip_addr_to_string(&guess->target, buf, sizeof(buf)));
	json_object_set_string_member(evidence, "source",
	                              ym_ip_addr_to_string(&guess->source, buf, sizeof(buf)));
	json_object_set_int_member(
	    evidence, guess->service == YM_LOGIN_SSH ? "short_sessions" : "failed_logins",
	    guess->failures);
	json_object_set_int_member(evidence, "window_seconds", YM_GUESS_WINDOW / G_USEC_PER_SEC);
	ym_alerts_raise(self->ctx->alerts, "password_guessing", device, key, ts, YM_SEVERITY_INFO,
	                evidence);
}

/* counts one refused login (or short SSH session); returns the failures
 * within the window so far */
static guint
count_failure(YmCredentials *self, YmLoginSlot *slot, gint64 ts)
{
	YmGuess *guess = guess_claim(self, slot);
	/* merged captures and flows ended out of order: a window both ways */
	if (guess->failures == 0 || ts > guess->window_start + YM_GUESS_WINDOW ||
	    ts < guess->window_start - YM_GUESS_WINDOW) {
		guess->window_start = ts;
		guess->failures = 0;
	}
	guess->failures++;
	guess->last_seen = MAX(guess->last_seen, ts);
	guess->has_mac = slot->has_mac;
	memcpy(guess->source_mac, slot->client_mac, 6);
	memcpy(guess->target_mac, slot->server_mac, 6);
	if (guess->failures >= YM_GUESS_THRESHOLD && guess->failures % YM_GUESS_THRESHOLD == 0)
		raise_guessing(self, guess, ts);
	return guess->failures;
}

void
_ym_credentials_outcome(YmCredentials *self, YmLoginSlot *slot, YmLoginOutcome outcome, gint64 ts)
{
	guint failures = 0;
	if (!slot->pending)
		return;
	slot->pending = FALSE;
	if (outcome == YM_LOGIN_OUTCOME_REJECTED)
		failures = count_failure(self, slot, ts);
	if ((slot->match != NULL || slot->anonymous) && failures < YM_GUESS_QUIET_DEFAULTS)
		raise_default(self, slot, outcome, ts);
	slot->match = NULL;
}

static YmLoginSlot *
slot_find(YmCredentials *self, const YmFlow *flow)
{
	/* only the slots in use: usually none */
	for (guint64 mask = self->slots_used; mask != 0; mask &= mask - 1) {
		YmLoginSlot *slot = &self->slots[__builtin_ctzll(mask)];
		if (slot->used && slot->hash == flow->hash && slot->port[0] == flow->port[0] &&
		    slot->port[1] == flow->port[1] &&
		    ym_ip_addr_equal(&slot->addr[0], &flow->addr[0]) &&
		    ym_ip_addr_equal(&slot->addr[1], &flow->addr[1]))
			return slot;
	}
	return NULL;
}

static void
slot_clear(YmLoginSlot *slot)
{
	_ym_login_wipe(slot, sizeof(*slot));
}

/* a free slot, or the one idle longest (its login is forgotten) */
static YmLoginSlot *
slot_claim(YmCredentials *self, const YmFlow *flow, const YmPacket *packet, gboolean src_is_client)
{
	YmLoginSlot *slot = &self->slots[0];
	for (guint i = 0; i < YM_LOGIN_SLOTS; i++) {
		YmLoginSlot *candidate = &self->slots[i];
		if (!candidate->used) {
			slot = candidate;
			break;
		}
		if (candidate->last_used < slot->last_used)
			slot = candidate;
	}
	slot_clear(slot);
	slot->used = TRUE;
	self->slots_used |= G_GUINT64_CONSTANT(1) << (slot - self->slots);
	slot->hash = flow->hash;
	slot->addr[0] = flow->addr[0];
	slot->addr[1] = flow->addr[1];
	slot->port[0] = flow->port[0];
	slot->port[1] = flow->port[1];
	slot->client = src_is_client ? packet->src_ip : packet->dst_ip;
	slot->server = src_is_client ? packet->dst_ip : packet->src_ip;
	slot->client_port = src_is_client ? packet->src_port : packet->dst_port;
	slot->server_port = src_is_client ? packet->dst_port : packet->src_port;
	slot->has_mac = packet->has_mac;
	memcpy(slot->client_mac, src_is_client ? packet->src_mac : packet->dst_mac, 6);
	memcpy(slot->server_mac, src_is_client ? packet->dst_mac : packet->src_mac, 6);
	return slot;
}

/* which login a new flow carries, and whether the sender is its client */
static YmLoginService
classify(const YmPacket *packet, const YmFlow *flow, gboolean *src_is_client)
{
	if (packet->app == YM_APP_HTTP && packet->u.http.is_request &&
	    ym_str_equal_ascii_nocase(packet->u.http.authorization_scheme, "Basic")) {
		*src_is_client = TRUE;
		return YM_LOGIN_HTTP;
	}
	if (packet->payload_length >= 4 && memcmp(packet->payload, "SSH-", 4) == 0) {
		/* both ends send a banner: the server is the flow's responder */
		guint16 server_port = flow->tcp_state == YM_TCP_STATE_MIDSTREAM
		                          ? MIN(flow->port[0], flow->port[1])
		                          : flow->port[1];
		*src_is_client = packet->src_port != server_port;
		return YM_LOGIN_SSH;
	}
	for (guint i = 0; i < G_N_ELEMENTS(login_ports); i++) {
		if (packet->dst_port == login_ports[i].port) {
			*src_is_client = TRUE;
			return login_ports[i].service;
		}
		if (packet->src_port == login_ports[i].port) {
			*src_is_client = FALSE;
			return login_ports[i].service;
		}
	}
	return YM_LOGIN_NONE;
}

/* the part of the segment not seen before; a gap drops half-read lines */
static gboolean
take_new_bytes(YmLoginSlot *slot, guint side, const YmPacket *packet, gsize *skip)
{
	guint32 seq = packet->tcp_seq;
	guint32 length = packet->payload_length;
	*skip = 0;
	if ((packet->tcp_flags & YM_TCP_SYN) != 0) {
		slot->seq_known[side] = TRUE;
		slot->next_seq[side] = seq + 1;
		return FALSE;
	}
	if (length == 0)
		return FALSE;
	if (slot->seq_known[side]) {
		gint32 ahead = (gint32) (seq - slot->next_seq[side]);
		if ((gint32) (seq + length - slot->next_seq[side]) <= 0)
			return FALSE; /* a retransmission */
		if (ahead < 0)
			*skip = (gsize) -ahead;
		else if (ahead > 0) {
			/* bytes missing: the half-read line is useless, and may hold a secret */
			_ym_login_wipe(slot->line[side].data, sizeof(slot->line[side].data));
			slot->line[side].length = 0;
			slot->line[side].overflow = TRUE;
		}
	}
	slot->seq_known[side] = TRUE;
	slot->next_seq[side] = seq + length;
	return TRUE;
}

static void
credentials_packet(gpointer state,
                   YmDetectContext *ctx,
                   const YmPacket *packet,
                   const YmFlow *flow,
                   guint direction)
{
	YmCredentials *self = state;
	YmLoginSlot *slot;
	gboolean from_client;
	gsize skip = 0;
	guint side;

	if (flow == NULL || packet->ip_proto != 6 || !packet->has_ports)
		return;
	self->ctx = ctx;
	slot = slot_find(self, flow);
	if (slot == NULL) {
		gboolean src_is_client = TRUE;
		YmLoginService service;
		if (packet->payload_length == 0)
			return;
		service = classify(packet, flow, &src_is_client);
		if (service == YM_LOGIN_NONE)
			return;
		slot = slot_claim(self, flow, packet, src_is_client);
		slot->service = service;
	}
	slot->last_used = packet->ts_usec;
	if (slot->service == YM_LOGIN_SSH)
		return; /* judged when the flow ends */
	from_client = ym_ip_addr_equal(&packet->src_ip, &slot->client) &&
	              packet->src_port == slot->client_port;
	side = from_client ? 0 : 1;
	if (!take_new_bytes(slot, side, packet, &skip))
		return;
	if (slot->service == YM_LOGIN_HTTP) {
		if (packet->app == YM_APP_HTTP && skip == 0)
			_ym_login_parse_http(self, slot, packet);
		return;
	}
	_ym_login_parse_stream(self, slot, from_client, packet->payload + skip,
	                       packet->payload_length - skip, packet->ts_usec);
}

static void
credentials_flow_end(gpointer state, YmDetectContext *ctx, const YmFlow *flow)
{
	YmCredentials *self = state;
	YmLoginSlot *slot = slot_find(self, flow);

	if (slot == NULL)
		return;
	self->ctx = ctx;
	if (slot->pending)
		_ym_credentials_outcome(self, slot, YM_LOGIN_OUTCOME_UNKNOWN, flow->last_seen);
	if (slot->service == YM_LOGIN_SSH &&
	    flow->last_seen - flow->first_seen <= YM_SSH_SHORT_SESSION &&
	    flow->packets[0] + flow->packets[1] <= YM_SSH_SHORT_PACKETS)
		count_failure(self, slot, flow->last_seen);
	slot_clear(slot);
	self->slots_used &= ~(G_GUINT64_CONSTANT(1) << (slot - self->slots));
}

const YmDetectorInfo ym_detector_credentials = {
    .name = "credentials",
    .create = credentials_create,
    .destroy = credentials_destroy,
    .packet = credentials_packet,
    .flow_end = credentials_flow_end,
    .reload = credentials_reload,
};
