/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* live capture through libpcap, non-blocking, driven by the main loop */

#define G_LOG_DOMAIN "YmCaptureLive"

#include "config.h"

#include "ym-capture-live.h"

#include <pcap/pcap.h>

#include "ym-error.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC(pcap_t, pcap_close)

struct _YmCaptureLive {
	YmCaptureSource parent_instance;
	/* owned */
	pcap_t *pcap;
	/* state */
	guint32 linktype;
	guint64 number;
	YmFrameFunc func;
	gpointer user_data;
};

G_DEFINE_TYPE(YmCaptureLive, ym_capture_live, YM_TYPE_CAPTURE_SOURCE)

static void
ym_capture_live_handler(u_char *user, const struct pcap_pkthdr *header, const u_char *bytes)
{
	YmCaptureLive *self = (YmCaptureLive *) user;
	YmFrame frame = {
	    .data = bytes,
	    .caplen = header->caplen,
	    .wirelen = header->len,
	    .linktype = self->linktype,
	    .ts_usec = (gint64) header->ts.tv_sec * G_USEC_PER_SEC + header->ts.tv_usec,
	    .number = ++self->number,
	};
	self->func(&frame, self->user_data);
}

static gint
ym_capture_live_dispatch(YmCaptureSource *source,
                         guint max,
                         YmFrameFunc func,
                         gpointer user_data,
                         GError **error)
{
	YmCaptureLive *self = YM_CAPTURE_LIVE(source);
	gint rc;

	self->func = func;
	self->user_data = user_data;
	rc = pcap_dispatch(self->pcap, (gint) MIN(max, G_MAXINT), ym_capture_live_handler,
	                   (u_char *) self);
	if (rc == PCAP_ERROR) {
		g_set_error(error, YM_ERROR, YM_ERROR_READ, "%s: capture failed: %s",
		            ym_capture_source_get_name(source), pcap_geterr(self->pcap));
		return -1;
	}
	return MAX(rc, 0);
}

static gboolean
set_pcap_error(GError **error, const gchar *interface, const gchar *what, gint rc, pcap_t *pcap)
{
	const gchar *detail =
	    rc == PCAP_ERROR && pcap != NULL ? pcap_geterr(pcap) : pcap_statustostr(rc);
	g_set_error(error, YM_ERROR,
	            rc == PCAP_ERROR_PERM_DENIED      ? YM_ERROR_PERMISSION_DENIED
	            : rc == PCAP_ERROR_NO_SUCH_DEVICE ? YM_ERROR_NOT_FOUND
	                                              : YM_ERROR_READ,
	            "%s: %s: %s", interface, what, detail);
	return FALSE;
}

YmCaptureLive *
ym_capture_live_new(const gchar *interface, const gchar *filter, GError **error)
{
	g_autoptr(YmCaptureLive) self = NULL;
	g_autoptr(pcap_t) pcap = NULL;
	gchar errbuf[PCAP_ERRBUF_SIZE] = "";
	gint rc;

	g_return_val_if_fail(interface != NULL, NULL);

	pcap = pcap_create(interface, errbuf);
	if (pcap == NULL) {
		g_set_error(error, YM_ERROR, YM_ERROR_READ, "%s: %s", interface, errbuf);
		return NULL;
	}
	pcap_set_snaplen(pcap, YM_CAPTURE_LIVE_SNAPLEN);
	pcap_set_promisc(pcap, 1);
	pcap_set_timeout(pcap, 250);
	pcap_set_buffer_size(pcap, 4 * 1024 * 1024);
	rc = pcap_activate(pcap);
	if (rc < 0) {
		set_pcap_error(error, interface, "cannot start capture", rc, pcap);
		return NULL;
	}
	if (rc > 0)
		g_warning("%s: %s", interface, pcap_statustostr(rc));
	if (filter != NULL && filter[0] != '\0') {
		struct bpf_program program;
		if (pcap_compile(pcap, &program, filter, 1, PCAP_NETMASK_UNKNOWN) != 0) {
			g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
			            "capture filter \"%s\": %s", filter, pcap_geterr(pcap));
			return NULL;
		}
		rc = pcap_setfilter(pcap, &program);
		pcap_freecode(&program);
		if (rc != 0) {
			set_pcap_error(error, interface, "cannot set the capture filter",
			               PCAP_ERROR, pcap);
			return NULL;
		}
	}
	if (pcap_setnonblock(pcap, 1, errbuf) != 0) {
		g_set_error(error, YM_ERROR, YM_ERROR_READ, "%s: %s", interface, errbuf);
		return NULL;
	}

	self = g_object_new(YM_TYPE_CAPTURE_LIVE, NULL);
	ym_capture_source_set_name(YM_CAPTURE_SOURCE(self), interface);
	self->linktype = (guint32) pcap_datalink(pcap);
	self->pcap = g_steal_pointer(&pcap);
	return g_steal_pointer(&self);
}

gint
ym_capture_live_get_fd(YmCaptureLive *self)
{
	g_return_val_if_fail(YM_IS_CAPTURE_LIVE(self), -1);
	return pcap_get_selectable_fd(self->pcap);
}

void
ym_capture_live_get_stats(YmCaptureLive *self, guint64 *received, guint64 *dropped)
{
	struct pcap_stat stats = {0};
	g_return_if_fail(YM_IS_CAPTURE_LIVE(self));
	if (pcap_stats(self->pcap, &stats) != 0)
		return;
	if (received != NULL)
		*received = stats.ps_recv;
	if (dropped != NULL)
		*dropped = (guint64) stats.ps_drop + stats.ps_ifdrop;
}

static void
ym_capture_live_finalize(GObject *object)
{
	YmCaptureLive *self = YM_CAPTURE_LIVE(object);
	g_clear_pointer(&self->pcap, pcap_close);
	G_OBJECT_CLASS(ym_capture_live_parent_class)->finalize(object);
}

static void
ym_capture_live_class_init(YmCaptureLiveClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	YmCaptureSourceClass *source_class = YM_CAPTURE_SOURCE_CLASS(klass);
	object_class->finalize = ym_capture_live_finalize;
	source_class->dispatch = ym_capture_live_dispatch;
}

static void
ym_capture_live_init(YmCaptureLive *self)
{
}
