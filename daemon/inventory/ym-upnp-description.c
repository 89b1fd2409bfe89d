/*
 * Copyright 2026 The Yamori authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * the UPnP device description (UPnP Device Architecture 2.0, section 2.3)
 * that a device serves at the LOCATION of its SSDP announcements:
 *
 *   <root xmlns="urn:schemas-upnp-org:device-1-0">
 *     <specVersion>…</specVersion>
 *     <device>
 *       <deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType>
 *       <friendlyName>…</friendlyName> <manufacturer>…</manufacturer>
 *       <manufacturerURL>…</manufacturerURL> <modelDescription>…</modelDescription>
 *       <modelName>…</modelName> <modelNumber>…</modelNumber>
 *       <serialNumber>…</serialNumber> <UDN>uuid:…</UDN> <UPC>…</UPC>
 *       <serviceList>…</serviceList>
 *       <deviceList> <device>…</device> … </deviceList>
 *       <presentationURL>…</presentationURL>
 *     </device>
 *   </root>
 *
 * The bytes come from a device in the home that may be compromised or
 * simply broken: at most 64 KiB, no network, no DTD (a <!DOCTYPE> stops the
 * parser before any entity is declared, so none can be expanded), element
 * names matched without their namespace. The root device is taken; when it
 * names no model, the first embedded device (depth first) that does.
 * Identity fields (manufacturer, model, firmware) come from that device and
 * fall back to the root device; the names of the whole box (friendlyName,
 * deviceType, presentationURL) come from the root device first.
 *
 * The firmware version is not a standard field. We take, from the chosen
 * device, the first of firmwareVersion, fwVersion, firmwareRevision,
 * softwareVersion, softwareRevision, displayVersion (any namespace prefix)
 * that holds a digit; failing those, a modelNumber that is a version of
 * three or more numbers ("V1.1.4", "2.0.13_b5"), without its leading "V".
 * Such a modelNumber is then not kept as the model number.
 *
 * serialNumber, UDN and UPC are read only to cut them out of the other
 * fields (some cameras put the serial in their friendlyName) and are never
 * returned. Of presentationURL only the host and port are kept: its path and
 * query can carry session tokens.
 */

#define G_LOG_DOMAIN "YmUpnpDescription"

#include "config.h"

#include "ym-upnp-description.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "ym-error.h"

/* embedded devices nest; real ones go two or three deep */
#define MAX_DEVICE_DEPTH 8

static const gchar *const firmware_elements[] = {
    "firmwareVersion", "fwVersion", "firmwareRevision", "softwareVersion", "softwareRevision",
    "displayVersion",  NULL,
};

void
ym_upnp_description_free(YmUpnpDescription *description)
{
	if (description == NULL)
		return;
	g_free(description->device_type);
	g_free(description->friendly_name);
	g_free(description->manufacturer);
	g_free(description->manufacturer_url);
	g_free(description->model_name);
	g_free(description->model_number);
	g_free(description->model_description);
	g_free(description->firmware);
	g_free(description->presentation_host);
	g_free(description);
}

static gboolean
is_element(const xmlNode *node, const gchar *name)
{
	return node->type == XML_ELEMENT_NODE && node->name != NULL &&
	       strcmp((const gchar *) node->name, name) == 0;
}

static xmlNode *
find_child(xmlNode *parent, const gchar *name)
{
	for (xmlNode *child = parent->children; child != NULL; child = child->next) {
		if (is_element(child, name))
			return child;
	}
	return NULL;
}

/* the identifiers of this one device, cut out of the values we keep */
typedef struct {
	gchar *serial;
	gchar *udn;
} Secrets;

static void
secrets_clear(Secrets *secrets)
{
	g_clear_pointer(&secrets->serial, g_free);
	g_clear_pointer(&secrets->udn, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Secrets, secrets_clear)

/* control characters and runs of white space become one space */
static gchar *
normalise_space(const gchar *raw)
{
	GString *out = g_string_sized_new(strlen(raw));
	gboolean space = FALSE;
	for (const gchar *p = raw; *p != '\0'; p++) {
		guchar c = (guchar) *p;
		if (c < 0x20 || c == 0x7f || c == ' ') {
			space = TRUE;
			continue;
		}
		if (space && out->len > 0)
			g_string_append_c(out, ' ');
		space = FALSE;
		g_string_append_c(out, (gchar) c);
	}
	return g_string_free(out, FALSE);
}

static void
remove_all(GString *text, const gchar *needle)
{
	gsize length = needle != NULL ? strlen(needle) : 0;
	gchar *hit;
	/* short values such as "1" would cut ordinary text */
	if (length < 4)
		return;
	while ((hit = strstr(text->str, needle)) != NULL)
		g_string_erase(text, hit - text->str, (gssize) length);
}

static gboolean
is_separator(gchar c)
{
	return c == ' ' || strchr("-_:/,;|()[]#", c) != NULL;
}

/* trimmed, identifiers removed, valid UTF-8 cut to the cap; NULL when empty */
static gchar *
clean_value(const gchar *raw, const Secrets *secrets)
{
	g_autofree gchar *valid = g_utf8_make_valid(raw, -1);
	g_autofree gchar *spaced = normalise_space(valid);
	g_autoptr(GString) text = g_string_new(spaced);
	gsize start = 0;

	if (secrets != NULL) {
		gsize before = text->len;
		remove_all(text, secrets->serial);
		remove_all(text, secrets->udn);
		/* what held the identifier together with the name: "Cam - " */
		if (text->len != before) {
			while (text->len > 0 && is_separator(text->str[text->len - 1]))
				g_string_truncate(text, text->len - 1);
			while (start < text->len && is_separator(text->str[start]))
				start++;
			g_string_erase(text, 0, (gssize) start);
		}
	}
	g_strstrip(text->str);
	text->len = strlen(text->str);
	if (text->len > YM_UPNP_DESCRIPTION_MAX_VALUE) {
		gchar *cut = text->str + YM_UPNP_DESCRIPTION_MAX_VALUE;
		/* back to the first byte of the character that would be split */
		while (cut > text->str && ((guchar) *cut & 0xc0) == 0x80)
			cut--;
		g_string_truncate(text, (gsize) (cut - text->str));
		g_strchomp(text->str);
		text->len = strlen(text->str);
	}
	if (text->len == 0)
		return NULL;
	return g_string_free(g_steal_pointer(&text), FALSE);
}

static gchar *
element_text(xmlNode *device, const gchar *name, const Secrets *secrets)
{
	xmlNode *node = device != NULL ? find_child(device, name) : NULL;
	xmlChar *raw;
	gchar *value;
	if (node == NULL)
		return NULL;
	raw = xmlNodeGetContent(node);
	if (raw == NULL)
		return NULL;
	value = clean_value((const gchar *) raw, secrets);
	xmlFree(raw);
	return value;
}

/* the first of @first and @second that has the element */
static gchar *
element_text_either(xmlNode *first, xmlNode *second, const gchar *name, const Secrets *secrets)
{
	gchar *value = element_text(first, name, secrets);
	if (value == NULL && second != first)
		value = element_text(second, name, secrets);
	return value;
}

static gboolean
has_digit(const gchar *text)
{
	for (const gchar *p = text; *p != '\0'; p++) {
		if (g_ascii_isdigit(*p))
			return TRUE;
	}
	return FALSE;
}

/* "V1.1.4", "2.0.13", "1.0.9.88_10.2.88": three or more dotted numbers */
static gboolean
looks_like_version(const gchar *text)
{
	const gchar *p = text;
	guint parts = 0;
	if (*p == 'v' || *p == 'V')
		p++;
	for (;;) {
		if (!g_ascii_isdigit(*p))
			return FALSE;
		while (g_ascii_isdigit(*p))
			p++;
		parts++;
		if (*p != '.')
			break;
		p++;
	}
	if (parts < 3)
		return FALSE;
	/* a build suffix: "_b5", "-rc1", ".Build.210618" already consumed above */
	if (*p == '\0')
		return TRUE;
	if (*p != '_' && *p != '-' && *p != ' ' && *p != '(')
		return FALSE;
	for (p++; *p != '\0'; p++) {
		if (!g_ascii_isalnum(*p) && strchr("._-() ", *p) == NULL)
			return FALSE;
	}
	return TRUE;
}

static gchar *
find_firmware(xmlNode *device, const Secrets *secrets)
{
	for (guint i = 0; firmware_elements[i] != NULL; i++) {
		g_autofree gchar *value = element_text(device, firmware_elements[i], secrets);
		if (value != NULL && has_digit(value))
			return g_steal_pointer(&value);
	}
	return NULL;
}

/* host[:port] of an absolute http(s) URL, without user info; NULL otherwise */
static gchar *
url_host(const gchar *url)
{
	const gchar *p;
	const gchar *end;
	const gchar *at;
	if (url == NULL)
		return NULL;
	if (g_ascii_strncasecmp(url, "http://", 7) == 0)
		p = url + 7;
	else if (g_ascii_strncasecmp(url, "https://", 8) == 0)
		p = url + 8;
	else
		return NULL;
	end = p + strcspn(p, "/?#");
	/* user:password@host: the credentials are never kept */
	at = g_strstr_len(p, end - p, "@");
	while (at != NULL) {
		p = at + 1;
		at = g_strstr_len(p, end - p, "@");
	}
	if (end == p)
		return NULL;
	for (const gchar *q = p; q < end; q++) {
		if (!g_ascii_isalnum(*q) && strchr(".-:[]%", *q) == NULL)
			return NULL;
	}
	return g_strndup(p, (gsize) (end - p));
}

static gboolean
device_has_model(xmlNode *device)
{
	g_autofree gchar *model = element_text(device, "modelName", NULL);
	return model != NULL;
}

/* depth first through deviceList, the first embedded device with a model */
static xmlNode *
find_embedded_model(xmlNode *device, guint depth)
{
	xmlNode *list;
	if (depth >= MAX_DEVICE_DEPTH)
		return NULL;
	list = find_child(device, "deviceList");
	if (list == NULL)
		return NULL;
	for (xmlNode *child = list->children; child != NULL; child = child->next) {
		xmlNode *found;
		if (!is_element(child, "device"))
			continue;
		if (device_has_model(child))
			return child;
		found = find_embedded_model(child, depth + 1);
		if (found != NULL)
			return found;
	}
	return NULL;
}

static void
read_secrets(Secrets *secrets, xmlNode *chosen, xmlNode *root_device)
{
	g_autofree gchar *udn = element_text_either(chosen, root_device, "UDN", NULL);
	secrets->serial = element_text_either(chosen, root_device, "serialNumber", NULL);
	if (udn != NULL)
		secrets->udn = g_strdup(g_ascii_strncasecmp(udn, "uuid:", 5) == 0 ? udn + 5 : udn);
}

static YmUpnpDescription *
read_description(xmlNode *root_device)
{
	YmUpnpDescription *description = g_new0(YmUpnpDescription, 1);
	xmlNode *chosen = root_device;
	g_auto(Secrets) secrets = {NULL};
	g_autofree gchar *presentation = NULL;

	if (!device_has_model(root_device)) {
		xmlNode *embedded = find_embedded_model(root_device, 0);
		if (embedded != NULL) {
			chosen = embedded;
			description->embedded = TRUE;
		}
	}
	read_secrets(&secrets, chosen, root_device);

	/* identity: the device with the model first */
	description->manufacturer =
	    element_text_either(chosen, root_device, "manufacturer", &secrets);
	description->manufacturer_url =
	    element_text_either(chosen, root_device, "manufacturerURL", &secrets);
	description->model_name = element_text(chosen, "modelName", &secrets);
	description->model_number = element_text(chosen, "modelNumber", &secrets);
	description->model_description =
	    element_text_either(chosen, root_device, "modelDescription", &secrets);
	description->firmware = find_firmware(chosen, &secrets);
	if (description->model_number != NULL && looks_like_version(description->model_number)) {
		const gchar *number = description->model_number;
		if (description->firmware == NULL)
			description->firmware =
			    g_strdup(number[0] == 'v' || number[0] == 'V' ? number + 1 : number);
		g_clear_pointer(&description->model_number, g_free);
	}

	/* the box as a whole: the root device first */
	description->friendly_name =
	    element_text_either(root_device, chosen, "friendlyName", &secrets);
	description->device_type = element_text_either(root_device, chosen, "deviceType", NULL);
	presentation = element_text_either(root_device, chosen, "presentationURL", NULL);
	description->presentation_host = url_host(presentation);
	return description;
}

/* a DTD is where entities are declared: stop before any is */
static void
on_internal_subset(void *user_data,
                   const xmlChar *name,
                   const xmlChar *external_id,
                   const xmlChar *system_id)
{
	xmlParserCtxt *ctxt = user_data;
	ctxt->_private = GINT_TO_POINTER(1);
	xmlStopParser(ctxt);
}

static xmlDoc *
read_document(const gchar *data, gsize length, GError **error)
{
	xmlParserCtxt *ctxt = xmlNewParserCtxt();
	xmlDoc *doc;
	gboolean had_dtd;

	if (ctxt == NULL) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INTERNAL,
		                    "cannot create an XML parser");
		return NULL;
	}
	ctxt->sax->internalSubset = on_internal_subset;
	/* no XML_PARSE_NOENT (no entity substitution), no DTD loading, no
	 * network, no messages on stderr */
	doc = xmlCtxtReadMemory(ctxt, data, (gint) length, "description.xml", NULL,
	                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	                            XML_PARSE_NOCDATA);
	had_dtd = ctxt->_private != NULL;
	if (had_dtd) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "it has a document type declaration (<!DOCTYPE>), which a "
		                    "device description never needs");
	} else if (doc == NULL) {
		const xmlError *xml_error = xmlCtxtGetLastError(ctxt);
		g_autofree gchar *message =
		    g_strdup(xml_error != NULL && xml_error->message != NULL ? xml_error->message
		                                                             : "unknown error");
		g_strchomp(message);
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "not well-formed XML at line %d: %s",
		            xml_error != NULL ? xml_error->line : 0, message);
	}
	if (had_dtd && doc != NULL) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

YmUpnpDescription *
ym_upnp_description_parse(const gchar *data, gsize length, GError **error)
{
	xmlDoc *doc;
	xmlNode *root;
	xmlNode *device;
	YmUpnpDescription *description = NULL;

	g_return_val_if_fail(data != NULL || length == 0, NULL);

	if (length == 0) {
		g_set_error_literal(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		                    "UPnP description: empty");
		return NULL;
	}
	if (length > YM_UPNP_DESCRIPTION_MAX_SIZE) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "UPnP description: %" G_GSIZE_FORMAT " bytes, more than the %u allowed",
		            length, (guint) YM_UPNP_DESCRIPTION_MAX_SIZE);
		return NULL;
	}
	doc = read_document(data, length, error);
	if (doc == NULL) {
		g_prefix_error_literal(error, "UPnP description: ");
		return NULL;
	}
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !is_element(root, "root")) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "UPnP description: the document element is <%s>, not <root>",
		            root != NULL && root->name != NULL ? (const gchar *) root->name : "");
	} else if ((device = find_child(root, "device")) == NULL) {
		g_set_error(error, YM_ERROR, YM_ERROR_INVALID_DATA,
		            "UPnP description: no <device> in <root> (line %ld)",
		            xmlGetLineNo(root));
	} else {
		description = read_description(device);
	}
	xmlFreeDoc(doc);
	return description;
}
