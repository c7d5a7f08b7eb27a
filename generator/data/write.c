/* write.c -- write the model as YAML (libyaml's emitter) or XML (libxml2's
 * xmlTextWriter), so that loading the output gives the same model.
 *
 * One walk over the model drives either syntax through a sink.  Values are
 * written as the text they hold; region, period and kind are left out where
 * they equal the defaults the loader will apply (meta's, and actual).
 */
#include <string.h>
#include <yaml.h>

#include <libxml/xmlwriter.h>

#include "load.h"

typedef struct sink {
	void (*map)(struct sink *, const char *name);    /* a nested mapping */
	void (*list)(struct sink *, const char *name);   /* a list ... */
	void (*item)(struct sink *, const char *name);   /* ... and its items */
	void (*field)(struct sink *, const char *key, const char *value);
	void (*text)(struct sink *, const char *value);  /* narrative text */
	void (*end)(struct sink *);                      /* of map, list, item */
	int failed;
} sink;

static void
put(sink *s, const char *key, const char *value)
{
	if (value != NULL)
		s->field(s, key, value);
}

static const char *
unless_default(const char *value, const char *def)
{
	return def != NULL && value != NULL && strcmp(value, def) == 0 ? NULL : value;
}

static void
walk_meta(const rg_meta *m, sink *s)
{
	const rg_source *src = &m->source;
	int has_source = src->document || src->seed || src->publisher || src->url;
	if (!m->title && !m->subtitle && !m->region && !m->period && !m->date &&
	    !m->author && !has_source)
		return;
	s->map(s, "meta");
	put(s, "title", m->title);
	put(s, "subtitle", m->subtitle);
	put(s, "region", m->region);
	put(s, "period", m->period);
	put(s, "date", m->date);
	put(s, "author", m->author);
	if (has_source) {
		s->map(s, "source");
		put(s, "document", src->document);
		put(s, "seed", src->seed);
		put(s, "publisher", src->publisher);
		put(s, "url", src->url);
		s->end(s);
	}
	s->end(s);
}

static void
walk(const rg_dataset *ds, sink *s)
{
	const rg_meta *m = &ds->meta;
	walk_meta(m, s);
	if (ds->nregions > 0) {
		s->list(s, "regions");
		for (size_t i = 0; i < ds->nregions; i++) {
			const rg_region *r = &ds->regions[i];
			s->item(s, "region");
			put(s, "id", r->id);
			put(s, "name", r->name);
			put(s, "level", r->level);
			s->end(s);
		}
		s->end(s);
	}
	if (ds->nindicators > 0) {
		s->list(s, "indicators");
		for (size_t i = 0; i < ds->nindicators; i++) {
			const rg_indicator *ind = &ds->indicators[i];
			s->item(s, "indicator");
			put(s, "id", ind->id);
			put(s, "name", ind->name);
			put(s, "unit", ind->unit);
			put(s, "group", ind->group);
			put(s, "attribute", ind->attribute);
			put(s, "note", ind->note);
			s->end(s);
		}
		s->end(s);
	}
	if (ds->nobservations > 0) {
		s->list(s, "observations");
		for (size_t i = 0; i < ds->nobservations; i++) {
			const rg_observation *o = &ds->observations[i];
			s->item(s, "obs");
			put(s, "indicator", o->indicator);
			put(s, "region", unless_default(o->region, m->region));
			put(s, "period", unless_default(o->period, m->period));
			if (o->kind != RG_OBS_ACTUAL)
				put(s, "kind", rg_obs_kind_name(o->kind));
			put(s, "value", o->value);
			put(s, "growth", o->growth);
			put(s, "change", o->change);
			put(s, "quote", o->quote);
			s->end(s);
		}
		s->end(s);
	}
	if (ds->nnarratives > 0) {
		s->list(s, "narratives");
		for (size_t i = 0; i < ds->nnarratives; i++) {
			const rg_narrative *n = &ds->narratives[i];
			s->item(s, "narrative");
			put(s, "id", n->id);
			put(s, "region", unless_default(n->region, m->region));
			put(s, "period", unless_default(n->period, m->period));
			put(s, "title", n->title);
			s->text(s, n->text);
			s->end(s);
		}
		s->end(s);
	}
}

/* YAML */

typedef struct ysink {
	sink s;                      /* first: a sink * is a ysink * */
	yaml_emitter_t em;
	yaml_event_t ends[8];        /* the end event of each open node */
	int depth;
} ysink;

static void
emit(ysink *y, yaml_event_t *ev, int ok)
{
	if (!ok || y->s.failed || !yaml_emitter_emit(&y->em, ev))
		y->s.failed = 1;
}

/* A value that would load back as null must be quoted; text over several
 * lines reads best as a literal block. */
static void
scalar(ysink *y, const char *s)
{
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;
	if (rg_yaml_is_null(s, strlen(s)))
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	else if (strchr(s, '\n') != NULL)
		style = YAML_LITERAL_SCALAR_STYLE;
	yaml_event_t ev;
	emit(y, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
	    (int)strlen(s), 1, 1, style));
}

static void
y_open(ysink *y, int sequence)
{
	yaml_event_t ev;
	if (sequence) {
		emit(y, &ev, yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
		    YAML_BLOCK_SEQUENCE_STYLE));
		yaml_sequence_end_event_initialize(&y->ends[y->depth++]);
	} else {
		emit(y, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
		    YAML_BLOCK_MAPPING_STYLE));
		yaml_mapping_end_event_initialize(&y->ends[y->depth++]);
	}
}

static void
y_map(sink *s, const char *name)
{
	scalar((ysink *)s, name);
	y_open((ysink *)s, 0);
}

static void
y_list(sink *s, const char *name)
{
	scalar((ysink *)s, name);
	y_open((ysink *)s, 1);
}

static void
y_item(sink *s, const char *name)
{
	(void)name;
	y_open((ysink *)s, 0);
}

static void
y_field(sink *s, const char *key, const char *value)
{
	scalar((ysink *)s, key);
	scalar((ysink *)s, value);
}

static void
y_text(sink *s, const char *value)
{
	y_field(s, "text", value);
}

static void
y_end(sink *s)
{
	ysink *y = (ysink *)s;
	emit(y, &y->ends[--y->depth], 1);
}

int
rg_data_write_yaml(const rg_dataset *ds, FILE *out)
{
	ysink y = { .s = { y_map, y_list, y_item, y_field, y_text, y_end, 0 } };
	yaml_event_t ev;
	if (!yaml_emitter_initialize(&y.em))
		return -1;
	yaml_emitter_set_output_file(&y.em, out);
	yaml_emitter_set_unicode(&y.em, 1);
	yaml_emitter_set_indent(&y.em, 2);
	yaml_emitter_set_width(&y.em, -1);
	emit(&y, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	emit(&y, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
	y_open(&y, 0);
	y_field(&y.s, "format", "reportgen/1");
	walk(ds, &y.s);
	y_end(&y.s);
	emit(&y, &ev, yaml_document_end_event_initialize(&ev, 1));
	emit(&y, &ev, yaml_stream_end_event_initialize(&ev));
	yaml_emitter_delete(&y.em);
	return y.s.failed ? -1 : 0;
}

/* XML */

typedef struct xsink {
	sink s;                      /* first: a sink * is an xsink * */
	xmlTextWriterPtr w;
} xsink;

static void
check(sink *s, int rc)
{
	if (rc < 0)
		s->failed = 1;
}

static void
x_element(sink *s, const char *name)
{
	check(s, xmlTextWriterStartElement(((xsink *)s)->w, BAD_CAST name));
}

static void
x_field(sink *s, const char *key, const char *value)
{
	check(s, xmlTextWriterWriteAttribute(((xsink *)s)->w, BAD_CAST key, BAD_CAST value));
}

static void
x_text(sink *s, const char *value)
{
	check(s, xmlTextWriterWriteString(((xsink *)s)->w, BAD_CAST value));
}

static void
x_end(sink *s)
{
	check(s, xmlTextWriterEndElement(((xsink *)s)->w));
}

/* The writer's own messages are not shown: a failure returns -1. */
static void
quiet(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

int
rg_data_write_xml(const rg_dataset *ds, FILE *out)
{
	xsink x = { .s = { x_element, x_element, x_element, x_field, x_text, x_end, 0 } };
	xmlOutputBufferPtr buf = xmlOutputBufferCreateFile(out, NULL);
	if (buf == NULL)
		return -1;
	x.w = xmlNewTextWriter(buf);
	if (x.w == NULL) {
		xmlOutputBufferClose(buf);
		return -1;
	}
	xmlSetStructuredErrorFunc(NULL, quiet);
	xmlTextWriterSetIndent(x.w, 1);
	xmlTextWriterSetIndentString(x.w, BAD_CAST "  ");
	check(&x.s, xmlTextWriterStartDocument(x.w, NULL, "UTF-8", NULL));
	x_element(&x.s, "reportgen");
	x_field(&x.s, "format", "1");
	walk(ds, &x.s);
	check(&x.s, xmlTextWriterEndDocument(x.w));
	xmlFreeTextWriter(x.w);
	xmlSetStructuredErrorFunc(NULL, NULL);
	return x.s.failed ? -1 : 0;
}
