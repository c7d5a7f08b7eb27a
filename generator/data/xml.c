/* xml.c -- load a data file written in XML, with libxml2.
 *
 * The parser never opens the network and never loads or expands anything
 * from a DTD: a document with a DOCTYPE is refused the moment the parser
 * meets it, so entity declarations (billion laughs) and external entities
 * are never read.  A well-formed document is validated against the compiled
 * in reportgen.xsd, then its elements go through the same checks as YAML.
 *
 * libxml2 keeps no column for elements, so a SAX hook records the byte
 * offset of each element's start tag (in node->_private); attribute and
 * text positions are found from there.
 */
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlschemas.h>

#include "../base/buf.h"
#include "../base/utf8.h"
#include "load.h"

static rg_loader *
loader_of(void *parser_ctxt)
{
	return ((xmlParserCtxtPtr)parser_ctxt)->_private;
}

/* libxml2 counts columns in characters; positions count bytes. */
static rg_pos
pos_chars(const rg_loader *ld, int line, int col)
{
	if (line < 1 || (size_t)line > ld->nlines)
		return rg_pos_make(ld->file, 0, 0);
	if (col < 1)
		return rg_pos_make(ld->file, line, 0);
	size_t off = ld->lines[line - 1];
	for (int i = 1; i < col && off < ld->len && ld->buf[off] != '\n' && ld->buf[off] != '\r';
	    i++) {
		off++;
		while (off < ld->len && ((unsigned char)ld->buf[off] & 0xC0) == 0x80)
			off++;
	}
	return rg_loader_pos(ld, off);
}

/* The offset of the start tag of an element of the parsed document. */
static size_t
tag_offset(const xmlNode *n)
{
	return (size_t)(uintptr_t)n->_private - 1;
}

typedef struct tag_attr {
	size_t name, value;          /* offsets of an attribute's name and value */
} tag_attr;

/* Scan the start tag at off (well-formed: the parser accepted it) for the
 * attribute name, if any.  Returns the offset just past the tag; *resume,
 * if not NULL, where the scan stopped (just past the value found), so that
 * the attributes of one tag, in order, are found in one pass over it: one
 * scan per attribute from the tag's start took a minute for 50,000. */
static size_t
scan_from(const rg_loader *ld, size_t off, size_t from, const char *name, tag_attr *at,
    size_t *resume)
{
	const char *b = ld->buf;
	size_t i = off + 1, len = ld->len, n = name ? strlen(name) : 0;
	if (from > off) {
		i = from;
	} else {
		while (i < len && !strchr(" \t\r\n/>", b[i]))
			i++;
	}
	for (;;) {
		if (i >= len)
			return len;
		i += strspn(b + i, " \t\r\n/");
		if (i >= len || b[i] == '>')
			return i + 1;
		size_t start = i;
		i += strcspn(b + i, " \t\r\n=");
		int hit = name != NULL && i - start == n && memcmp(b + start, name, n) == 0;
		i += strcspn(b + i, "\"'");
		if (i >= len)
			return len;
		char quote = b[i++];
		if (hit) {
			at->name = start;
			at->value = i;
		}
		while (i < len && b[i] != quote)
			i++;
		i++;
		if (hit && resume != NULL) {
			*resume = i;
			return 0;
		}
	}
}

static size_t
scan_tag(const rg_loader *ld, size_t off, const char *name, tag_attr *at)
{
	return scan_from(ld, off, 0, name, at, NULL);
}

static rg_pos
node_pos(const rg_loader *ld, const xmlNode *n)
{
	return rg_loader_pos(ld, tag_offset(n));
}

/* Where an attribute of el is; at el's tag if it is not found. */
static tag_attr
attr_pos(const rg_loader *ld, const xmlNode *el, const char *name)
{
	tag_attr at = { tag_offset(el), tag_offset(el) };
	scan_tag(ld, tag_offset(el), name, &at);
	return at;
}

/* Where el's content starts. */
static rg_pos
content_pos(const rg_loader *ld, const xmlNode *el)
{
	return rg_loader_pos(ld, scan_tag(ld, tag_offset(el), NULL, NULL));
}

/* Errors. */

/* libxml2's message on one line, without its final newline. */
static void
put_message(rg_buf *b, const char *msg)
{
	for (const char *p = msg; *p; p++) {
		if (*p != '\n')
			rg_buf_putc(b, *p);
		else if (p[1] != '\0')
			rg_buf_putc(b, ' ');
	}
}

/* Messages of one file after which the rest are only counted: 50,000
 * attributes that are not allowed gave 50,000 messages, each placing its
 * attribute by a scan of the tag (a minute). */
#define XML_MAX_MESSAGES 100

static void
report(rg_loader *ld, const xmlError *e)
{
	int seen = ld->d->errors + ld->d->failures - ld->problems;
	if (seen >= XML_MAX_MESSAGES && e->level != XML_ERR_WARNING) {
		if (seen == XML_MAX_MESSAGES)
			rg_msg(ld->d, RG_M_TOO_MANY_ERRORS, rg_pos_make(ld->file, 0, 0),
			    "too many errors in this file; "
			    "the rest are not shown");
		else
			ld->d->errors++;
		return;
	}
	rg_buf msg = { 0 };
	put_message(&msg, e->message ? e->message : "unknown XML error");
	const xmlNode *n = e->node;
	rg_pos pos;
	if (e->domain == XML_FROM_SCHEMASP) {
		pos = rg_pos_make("reportgen.xsd", e->line, 0);
	} else if (n != NULL && n->type == XML_ELEMENT_NODE && n->_private != NULL) {
		pos = node_pos(ld, n);
		if (e->code == XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1 && e->str1 != NULL) {
			/* an attribute that is not allowed: str1 names it */
			pos = rg_loader_pos(ld, attr_pos(ld, n, e->str1).name);
			const char *hint = rg_load_suggest((const char *)n->name, e->str1);
			if (hint != NULL)
				rg_buf_printf(&msg, " (did you mean '%s'?)", hint);
		}
	} else {
		/* a parser's error has its column in int2 */
		int parser = e->domain == XML_FROM_PARSER || e->domain == XML_FROM_NAMESPACE;
		pos = pos_chars(ld, e->line, parser ? e->int2 : 0);
	}
	if (e->level == XML_ERR_WARNING)
		rg_msg(ld->d, RG_M_XML_WARNING, pos, "%s", rg_buf_cstr(&msg));
	else if (e->domain == XML_FROM_SCHEMASP || e->domain == XML_FROM_MEMORY ||
	    e->domain == XML_FROM_IO)
		rg_msg(ld->d, RG_M_PARSER_FAILED, pos, "%s", rg_buf_cstr(&msg));
	else
		rg_msg(ld->d, RG_M_XML_INVALID, pos, "%s", rg_buf_cstr(&msg));
	rg_buf_free(&msg);
}

static void
parse_error(void *parser_ctxt, xmlErrorPtr e)
{
	report(loader_of(parser_ctxt), e);
}

static void
loader_error(void *ld, xmlErrorPtr e)
{
	report(ld, e);
}

/* Anything libxml2 reports outside a context still goes through diag. */
static void
stray_error(void *ld, const char *fmt, ...)
{
	rg_buf text = { 0 }, msg = { 0 };
	va_list ap;
	va_start(ap, fmt);
	rg_buf_vprintf(&text, fmt, ap);
	va_end(ap);
	put_message(&msg, rg_buf_cstr(&text));
	if (msg.len > 0)
		rg_msg(((rg_loader *)ld)->d, RG_M_PARSER_FAILED,
		    rg_pos_make(((rg_loader *)ld)->file, 0, 0),
		    
		    "%s", rg_buf_cstr(&msg));
	rg_buf_free(&text);
	rg_buf_free(&msg);
}

/* Parsing. */

/* The parser's offset in the file. */
static size_t
parser_offset(xmlParserCtxtPtr c, const rg_loader *ld)
{
	size_t off = c->input->consumed + (size_t)(c->input->cur - c->input->base);
	return off < ld->len ? off : ld->len;
}

static void
on_doctype(void *parser_ctxt, const xmlChar *name, const xmlChar *external_id,
    const xmlChar *system_id)
{
	xmlParserCtxtPtr c = parser_ctxt;
	rg_loader *ld = loader_of(c);
	size_t off = parser_offset(c, ld);
	(void)external_id;
	(void)system_id;
	while (off > 0 && strncmp(ld->buf + off, "<!DOCTYPE", 9) != 0)
		off--;
	rg_msg(ld->d, RG_M_XML_DOCTYPE, rg_loader_pos(ld, off),
	    "DOCTYPE '%s' is not allowed (data files "
	    "refuse DTDs, entity declarations and external entities)", (const char *)name);
	xmlStopParser(c);
}

static void
on_element(void *parser_ctxt, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
    int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr c = parser_ctxt;
	rg_loader *ld = loader_of(c);
	xmlSAX2StartElementNs(c, localname, prefix, uri, nb_namespaces, namespaces,
	    nb_attributes, nb_defaulted, attributes);
	if (c->node == NULL)
		return;
	/* the parser stands at the end of the start tag, which holds no '<' */
	size_t off = parser_offset(c, ld);
	while (off > 0 && ld->buf[off] != '<')
		off--;
	c->node->_private = (void *)(uintptr_t)(off + 1);
}

/* libxml2 checks an element's attributes for duplicates pairwise: 50,000
 * attributes in one tag take it seconds, 100,000 half a minute.  No data
 * element has more than a dozen, so a tag with more than this many is
 * refused before the parser sees it, by one pass over the bytes that skips
 * comments, CDATA sections, processing instructions, declarations, end
 * tags, text and quoted values.  The offset of such a tag, or -1. */
#define XML_MAX_ATTRIBUTES 1000

static long
crowded_tag(const char *b, size_t len)
{
	size_t i = 0;
	while (i < len) {
		const char *lt = memchr(b + i, '<', len - i);
		if (lt == NULL)
			return -1;
		i = (size_t)(lt - b);
		const char *end = NULL;
		if (len - i >= 4 && memcmp(b + i, "<!--", 4) == 0)
			end = "-->";
		else if (len - i >= 9 && memcmp(b + i, "<![CDATA[", 9) == 0)
			end = "]]>";
		else if (len - i >= 2 && b[i + 1] == '?')
			end = "?>";
		if (end != NULL) {
			size_t el = strlen(end), j = i + 2;
			while (j + el <= len && memcmp(b + j, end, el) != 0)
				j++;
			i = j + el;
			continue;
		}
		size_t start = i, n = 0;
		int tag = i + 1 < len && b[i + 1] != '/' && b[i + 1] != '!';
		for (i++; i < len && b[i] != '>'; i++) {
			if (b[i] == '"' || b[i] == '\'') {
				const char *q = memchr(b + i + 1, b[i], len - i - 1);
				if (q == NULL)
					return -1;
				i = (size_t)(q - b);
				if (tag && ++n > XML_MAX_ATTRIBUTES)
					return (long)start;
			}
		}
	}
	return -1;
}

/* The encoding the XML declaration names (into out), or 0 if none. */
static int
declared_encoding(const rg_loader *ld, char *out, size_t size)
{
	const char *b = ld->buf, *end = ld->buf + ld->len;
	if (ld->len >= 3 && memcmp(b, "\xef\xbb\xbf", 3) == 0)
		b += 3;
	if (end - b < 5 || memcmp(b, "<?xml", 5) != 0)
		return 0;
	const char *close = memchr(b, '>', (size_t)(end - b));
	if (close == NULL)
		return 0;
	for (const char *p = b; p + 9 < close; p++) {
		if (memcmp(p, "encoding", 8) != 0)
			continue;
		p += 8;
		while (p < close && (*p == ' ' || *p == '=' || *p == '\t'))
			p++;
		if (p >= close || (*p != '"' && *p != '\''))
			return 0;
		const char *v = p + 1, *q = memchr(v, *p, (size_t)(close - v));
		size_t n = 0;
		for (; q != NULL && v + n < q && n + 1 < size; n++) {
			char c = v[n];
			if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
				return 0;
			out[n] = c;
		}
		out[n] = '\0';
		return n > 0 && q != NULL && v + n == q;
	}
	return 0;
}

static xmlDocPtr
parse(rg_loader *ld)
{
	long crowded = crowded_tag(ld->buf, ld->len);
	if (crowded >= 0) {
		rg_msg(ld->d, RG_M_LIMIT, rg_loader_pos(ld, (size_t)crowded),
		    "an element with more than "
		    "%d attributes", XML_MAX_ATTRIBUTES);
		return NULL;
	}
	if (ld->len == 0) {
		rg_msg(ld->d, RG_M_FILE_EMPTY, rg_pos_make(ld->file, 0, 0),
		    "empty file (a data file holds "
		    "one <reportgen format=\"1\"> element)");
		return NULL;
	}
	/* reportgen reads XML as UTF-8 whatever the declaration says (as it
	 * reads YAML): bytes that are not UTF-8 get the message the YAML and
	 * CSV readers give, naming the encoding the declaration claims, not
	 * libxml2's "indicate encoding !" */
	long bad = rg_utf8_invalid_at(ld->buf, ld->len);
	if (bad >= 0) {
		char enc[32];
		if (declared_encoding(ld, enc, sizeof enc) && strcasecmp(enc, "UTF-8") != 0 &&
		    strcasecmp(enc, "UTF8") != 0)
			rg_msg(ld->d, RG_M_ENCODING, rg_loader_pos(ld, (size_t)bad),
			    "byte #%02X is not UTF-8: the XML declaration says encoding "
			    "'%s', but data files are UTF-8 (convert it: iconv -f %s -t UTF-8, "
			    "and declare encoding=\"UTF-8\")", (unsigned char)ld->buf[bad], enc, enc);
		else
			rg_msg(ld->d, RG_M_ENCODING, rg_loader_pos(ld, (size_t)bad),
			    "byte #%02X is not UTF-8 (data files are UTF-8)",
			    (unsigned char)ld->buf[bad]);
		return NULL;
	}
	/* a CR alone ends a line (XML 1.0 2.11 reads it as LF): made LF in
	 * place, so that libxml2 counts the lines as the positions do */
	for (size_t i = 0; i < ld->len; i++)
		if (ld->buf[i] == '\r' && (i + 1 == ld->len || ld->buf[i + 1] != '\n'))
			ld->buf[i] = '\n';
	xmlParserCtxtPtr c = xmlCreateMemoryParserCtxt(ld->buf, (int)ld->len);
	if (c == NULL) {
		rg_msg(ld->d, RG_M_PARSER_FAILED, rg_pos_make(ld->file, 0, 0),
		    "cannot start the XML parser");
		return NULL;
	}
	xmlCtxtUseOptions(c, XML_PARSE_NONET | XML_PARSE_IGNORE_ENC);
	c->_private = ld;
	c->sax->serror = parse_error;
	c->sax->internalSubset = on_doctype;
	c->sax->startElementNs = on_element;
	int rc = xmlParseDocument(c);
	xmlDocPtr doc = c->myDoc;
	xmlFreeParserCtxt(c);
	if (rc != 0) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

static int
validate(rg_loader *ld, xmlDocPtr doc)
{
	rg_pos whole = rg_pos_make(ld->file, 0, 0);
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewMemParserCtxt(rg_reportgen_xsd,
	    (int)rg_reportgen_xsd_len);
	xmlSchemaSetParserStructuredErrors(pc, loader_error, ld);
	xmlSchemaPtr schema = xmlSchemaParse(pc);
	xmlSchemaFreeParserCtxt(pc);
	if (schema == NULL) {
		rg_msg(ld->d, RG_M_PARSER_FAILED, whole, "the built-in XML schema does not load");
		return -1;
	}
	xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
	xmlSchemaSetValidStructuredErrors(vc, loader_error, ld);
	int rc = xmlSchemaValidateDoc(vc, doc);
	xmlSchemaFreeValidCtxt(vc);
	xmlSchemaFree(schema);
	if (rc < 0)
		rg_msg(ld->d, RG_M_PARSER_FAILED, whole, "XML schema validation failed to run");
	return rc == 0 ? 0 : -1;
}

/* Reading the validated document. */

/* *cursor: where the previous attribute of el ended (0 at the first). */
static rg_field *
add_attribute(rg_loader *ld, rg_field ***tail, const xmlNode *el, const xmlAttr *a,
    size_t *cursor)
{
	/* an attribute not found in order (a prefixed name): it and the rest
	 * of the tag's are placed at the tag, so that the time stays linear */
	tag_attr at = { tag_offset(el), tag_offset(el) };
	size_t resume = 0;
	if (*cursor != SIZE_MAX)
		scan_from(ld, tag_offset(el), *cursor, (const char *)a->name, &at, &resume);
	*cursor = resume != 0 ? resume : SIZE_MAX;
	rg_field *f = rg_field_add(ld, tail, (const char *)a->name, rg_loader_pos(ld, at.name));
	xmlChar *v = xmlNodeListGetString(el->doc, a->children, 1);
	const char *s = v ? (const char *)v : "";
	rg_field_scalar(ld, f, s, strlen(s), rg_loader_pos(ld, at.value));
	xmlFree(v);
	return f;
}

/* An element's attributes as fields; child elements (meta's source) as
 * mapping fields; with_text: the content as the field "text". */
static rg_field *
element_fields(rg_loader *ld, const xmlNode *el, int with_text)
{
	rg_field *list = NULL, **tail = &list;
	size_t cursor = 0;
	for (const xmlAttr *a = el->properties; a != NULL; a = a->next)
		add_attribute(ld, &tail, el, a, &cursor);
	for (const xmlNode *n = el->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		rg_field *f = rg_field_add(ld, &tail, (const char *)n->name, node_pos(ld, n));
		f->shape = RG_MAPPING;
		f->sub = element_fields(ld, n, 0);
	}
	xmlChar *content = with_text ? xmlNodeGetContent(el) : NULL;
	if (content != NULL && content[0] != '\0') {
		rg_pos start = content_pos(ld, el);
		rg_field *f = rg_field_add(ld, &tail, "text", start);
		rg_field_scalar(ld, f, (const char *)content, strlen((const char *)content),
		    start);
	}
	xmlFree(content);
	return list;
}

static const struct list {
	const char *name;
	void (*load)(rg_loader *, const rg_field *, rg_pos);
	int with_text;
} lists[] = {
	{ "regions", rg_load_region, 0 },
	{ "indicators", rg_load_indicator, 0 },
	{ "observations", rg_load_observation, 0 },
	{ "narratives", rg_load_narrative, 1 },
};

static void
read_root(rg_loader *ld, const xmlNode *root)
{
	for (const xmlNode *n = root->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(n->name, BAD_CAST "meta"))
			rg_load_meta(ld, element_fields(ld, n, 0), node_pos(ld, n));
		for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
			if (!xmlStrEqual(n->name, BAD_CAST lists[i].name))
				continue;
			for (const xmlNode *item = n->children; item != NULL; item = item->next)
				if (item->type == XML_ELEMENT_NODE)
					lists[i].load(ld, element_fields(ld, item,
					    lists[i].with_text), node_pos(ld, item));
		}
	}
}

/* The root is <reportgen> in no namespace; otherwise a message that says
 * so (libxml2's: "No matching global declaration available for the
 * validation root"). */
static int
root_ok(rg_loader *ld, const xmlNode *root)
{
	if (root == NULL)
		return 1;
	int named = xmlStrEqual(root->name, BAD_CAST "reportgen");
	if (named && root->ns == NULL)
		return 1;
	if (root->ns != NULL && root->ns->href != NULL)
		rg_msg(ld->d, RG_M_XML_INVALID, node_pos(ld, root),
		    "the root element <%s%s%s> is in the namespace '%s'; a data file's "
		    "elements are in none (leave out xmlns)", root->ns->prefix ?
		    (const char *)root->ns->prefix : "", root->ns->prefix ? ":" : "",
		    (const char *)root->name, (const char *)root->ns->href);
	else
		rg_msg(ld->d, RG_M_XML_INVALID, node_pos(ld, root),
		    "the root element is <%s>; a data file holds one "
		    "<reportgen format=\"1\"> element", (const char *)root->name);
	return 0;
}

int
rg_data_load_xml(rg_dataset *ds, const char *path, rg_diag *d)
{
	rg_loader ld;
	if (rg_loader_open(&ld, ds, path, d) < 0)
		return -1;
	xmlSetStructuredErrorFunc(&ld, loader_error);
	xmlSetGenericErrorFunc(&ld, stray_error);
	xmlDocPtr doc = parse(&ld);
	if (doc != NULL && root_ok(&ld, xmlDocGetRootElement(doc)) && validate(&ld, doc) == 0)
		read_root(&ld, xmlDocGetRootElement(doc));
	xmlFreeDoc(doc);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, NULL);
	return rg_loader_close(&ld);
}
