/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Vendor names as advisories, CPEs and devices spell them ("日本電気",
 * "I-O DATA DEVICE, INC.", "iodata", "TP-LINK Technologies") mapped to one
 * token ("nec", "iodata", "tp-link"), read from
 * signatures/advisories/aliases.txt (format in signatures/README.md).
 */

#define YM_TYPE_VENDOR_ALIASES (ym_vendor_aliases_get_type())
G_DECLARE_FINAL_TYPE(YmVendorAliases, ym_vendor_aliases, YM, VENDOR_ALIASES, GObject)

YmVendorAliases *
ym_vendor_aliases_new(void);
/* parses one aliases file's text into @self; errors name @name and the
 * line ("aliases.txt:3: …"); on error @self may hold part of the file */
gboolean
ym_vendor_aliases_load_data(YmVendorAliases *self,
                            const gchar *name,
                            const gchar *data,
                            gsize length,
                            GError **error);
/* the file at @path (at most 1 MiB) */
gboolean
ym_vendor_aliases_load_file(YmVendorAliases *self, const gchar *path, GError **error);
/* the number of canonical vendors */
guint
ym_vendor_aliases_get_size(YmVendorAliases *self);

/*
 * The canonical token of @vendor ("NECプラットフォームズ" → "nec"), or, for a
 * vendor not in the file, its cleaned form: full-width forms to ASCII, lower
 * case, 「株式会社」 and trailing company words (Inc., Co., Ltd.,
 * Corporation, Technology, Systems, …) dropped, then only letters and digits
 * ("Acme Widgets Co., Ltd." → "acmewidgets"). NULL for no vendor ("n/a",
 * "-", "unknown", empty, over 512 bytes).
 */
gchar *
ym_vendor_aliases_normalize_vendor(YmVendorAliases *self, const gchar *vendor);

/*
 * The vendor a product name gives away, or NULL: its first one to three
 * words naming a vendor ("TP-Link Archer AX21 (AX1800)" → "tp-link", for CVE
 * records whose vendor is "n/a"), else its first word naming a series
 * ("Aterm WX3600HP" → "nec", "Tapo C200" → "tp-link").
 */
gchar *
ym_vendor_aliases_vendor_from_product(YmVendorAliases *self, const gchar *product);

/*
 * A product name reduced for comparison: full-width forms to ASCII, lower
 * case, only letters and digits (any script), without the words "firmware"
 * and 「ファームウェア」: "Archer AX21" and "archer_ax21_firmware" both give
 * "archerax21", "UD-LT1/EX" and "ud-lt1\/ex_firmware" give "udlt1ex". NULL
 * for NULL or over 1024 bytes.
 */
gchar *
ym_product_normalize(const gchar *product);

/* the confidences ym_product_match() answers with */
#define YM_PRODUCT_MATCH_EXACT 1.0 /* equal once normalised */
#define YM_PRODUCT_MATCH_NOTE  0.8 /* equal without "(…)" notes: "Archer AX21 (AX1800)" */
/* the model, the firmware's own name, "firmware": "VioStor NVR QVR firmware" */
#define YM_PRODUCT_MATCH_FIRMWARE_NAME 0.8
#define YM_PRODUCT_MATCH_SERIES        0.6 /* equal without leading series or vendor words */

/*
 * How sure we are that @device_model is @advisory_product, 0 to 1:
 * YM_PRODUCT_MATCH_EXACT when both normalise alike; YM_PRODUCT_MATCH_NOTE
 * when they do once parenthesised notes are dropped from both;
 * YM_PRODUCT_MATCH_FIRMWARE_NAME when @advisory_product is the device's
 * model followed by the firmware's name, an acronym of two to six capitals
 * other than a variant word such as PRO, and the word firmware (device
 * "VioStor NVR" for "VioStor NVR QVR firmware", not "Archer AX21" for
 * "Archer AX21 PRO firmware");
 * YM_PRODUCT_MATCH_SERIES when one of them, without up to three leading
 * words that have no digit ("Aterm", "Archer", "TP-Link Archer"), equals
 * the other (device "WX3600HP" for "Aterm WX3600HP", "AX21" for "Archer
 * AX21"), provided what is left has a digit or two words; 0 otherwise.
 * Lists ("DNS-320L, DNS-325") must be split by the caller.
 */
gdouble
ym_product_match(const gchar *advisory_product, const gchar *device_model);

G_END_DECLS
