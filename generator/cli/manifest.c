/* manifest.c -- see manifest.h; the format is documented in docs/batch.md. */
#include "manifest.h"
#include "output.h"

#include <errno.h>
#include <glob.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "../base/file.h"
#include "../base/buf.h"
#include "../base/suggest.h"

typedef struct reader {
	rg_manifest *m;
	rg_diag *d;
	const char *text;
	size_t len;
	size_t *lines;           /* byte offset of each line's start */
	size_t nlines, lcap;
	char *dir;               /* the manifest's directory, "" for the current one */
	yaml_document_t doc;
	int errors;
} reader;

static const char *const top_keys[] = { "fonts", "jobs", NULL };
static const char *const job_keys[] = {
	"template", "data", "each", "output", "variables", "allow-missing-glyphs", "pdfa", NULL
};

/* ---- positions -------------------------------------------------------- */

/* libyaml counts characters; messages count bytes. */
static rg_pos
mark_pos(reader *r, yaml_mark_t mk)
{
	/* libyaml counts characters, as every message does (diag.h) */
	rg_pos p = { r->m->path, (int)mk.line + 1, (int)mk.column + 1 };
	return p;
}

static rg_pos
node_pos(reader *r, yaml_node_t *n)
{
	return mark_pos(r, n->start_mark);
}

static void __attribute__((format(printf, 4, 5)))
bad(reader *r, rg_msgid id, rg_pos at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	rg_vmsg(r->d, id, at, fmt, ap);
	va_end(ap);
	r->errors++;
}

/* ---- paths ------------------------------------------------------------ */

/* dir/path, with "." and "x/.." components removed, so that make sees the
 * same names as the rest of the build (templates/x.md, not a/../templates/x.md). */
static char *
join_path_in(reader *r, const char *dir, const char *path)
{
	rg_buf in = { 0 };
	if (path[0] != '/' && dir[0] != '\0')
		rg_buf_printf(&in, "%s/%s", dir, path);
	else
		rg_buf_puts(&in, path);
	const char *s = rg_buf_cstr(&in);
	int absolute = s[0] == '/';
	const char **parts = rg_xcalloc(in.len + 1, sizeof *parts);
	size_t *lens = rg_xcalloc(in.len + 1, sizeof *lens);
	size_t np = 0;
	while (*s) {
		while (*s == '/')
			s++;
		size_t n = strcspn(s, "/");
		if (n == 0)
			break;
		if (n == 1 && s[0] == '.') {
			/* nothing */
		} else if (n == 2 && s[0] == '.' && s[1] == '.' && np > 0 &&
		    !(lens[np - 1] == 2 && memcmp(parts[np - 1], "..", 2) == 0)) {
			np--;
		} else if (!(n == 2 && s[0] == '.' && s[1] == '.' && np == 0 && absolute)) {
			parts[np] = s;
			lens[np++] = n;
		}
		s += n;
	}
	rg_buf out = { 0 };
	if (absolute)
		rg_buf_putc(&out, '/');
	for (size_t i = 0; i < np; i++) {
		if (i > 0)
			rg_buf_putc(&out, '/');
		rg_buf_put(&out, parts[i], lens[i]);
	}
	if (out.len == 0)
		rg_buf_putc(&out, '.');
	char *res = rg_arena_strdup(r->m->arena, rg_buf_cstr(&out));
	rg_buf_free(&out);
	rg_buf_free(&in);
	free(parts);
	free(lens);
	return res;
}

static char *
join_path(reader *r, const char *path)
{
	return join_path_in(r, r->dir, path);
}

/* pattern with {name} (the file's name less its extension) and {file} (its
 * name) of path replaced; any other text, braces included ({{ meta.title }}
 * in a variable), is kept as written.  Without a path, nothing is replaced. */
static char *
substitute(reader *r, const char *pattern, const char *path)
{
	if (path == NULL)
		return rg_arena_strdup(r->m->arena, pattern);
	const char *slash = strrchr(path, '/');
	const char *file = slash ? slash + 1 : path;
	const char *dot = strrchr(file, '.');
	size_t namelen = dot && dot != file ? (size_t)(dot - file) : strlen(file);
	rg_buf b = { 0 };
	for (const char *p = pattern; *p; p++) {
		if (strncmp(p, "{name}", 6) == 0) {
			rg_buf_put(&b, file, namelen);
			p += 5;
		} else if (strncmp(p, "{file}", 6) == 0) {
			rg_buf_puts(&b, file);
			p += 5;
		} else {
			rg_buf_putc(&b, *p);
		}
	}
	char *res = rg_arena_strdup(r->m->arena, rg_buf_cstr(&b));
	rg_buf_free(&b);
	return res;
}

/* A theme given as a file (a path with '/' or a .yaml name), not a name
 * such as gongwen (add_job joins such a file to the manifest's directory). */
static int
theme_is_file(const char *v)
{
	size_t n = strlen(v);
	return strchr(v, '/') != NULL || (n > 5 && strcmp(v + n - 5, ".yaml") == 0);
}

/* ---- nodes ------------------------------------------------------------ */

static const char *
node_kind(yaml_node_t *n)
{
	return n->type == YAML_SCALAR_NODE ? "a scalar" :
	    n->type == YAML_SEQUENCE_NODE ? "a list" : "a mapping";
}

static const char *
scalar(reader *r, yaml_node_t *n, const char *what)
{
	if (n->type != YAML_SCALAR_NODE) {
		bad(r, RG_M_KEY_SHAPE, node_pos(r, n),
		    "%s must be a string, found %s", what, node_kind(n));
		return NULL;
	}
	const char *s = (const char *)n->data.scalar.value;
	if (n->data.scalar.length != strlen(s)) {
		bad(r, RG_M_FIELD_CHARACTER, node_pos(r, n), "%s holds a NUL character", what);
		return NULL;
	}
	if (*s == '\0') {
		bad(r, RG_M_FIELD_EMPTY, node_pos(r, n), "%s is empty", what);
		return NULL;
	}
	return s;
}

static int
boolean(reader *r, yaml_node_t *n, const char *what)
{
	const char *s = scalar(r, n, what);
	if (s == NULL)
		return 0;
	if (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0)
		return 1;
	if (strcmp(s, "false") == 0 || strcmp(s, "no") == 0)
		return 0;
	bad(r, RG_M_KEY_VALUE, node_pos(r, n), "%s must be true or false, found '%s'", what, s);
	return 0;
}

static void
unknown_key(reader *r, yaml_node_t *k, const char *key, const char *const *known,
    const char *where)
{
	const char *hint = rg_nearest_word(key, known, (size_t)-1);
	rg_buf list = { 0 };
	for (size_t i = 0; known[i]; i++)
		rg_buf_printf(&list, "%s%s", i ? ", " : "", known[i]);
	if (hint)
		bad(r, RG_M_KEY_UNKNOWN, node_pos(r, k),
		    "unknown key '%s' in %s (did you mean '%s'?)", key,
		    where, hint);
	else
		bad(r, RG_M_KEY_UNKNOWN, node_pos(r, k),
		    "unknown key '%s' in %s (expected %s)", key, where,
		    rg_buf_cstr(&list));
	rg_buf_free(&list);
}

/* A job as written, before 'each' is expanded. */
typedef struct spec {
	rg_pos pos;
	const char *tpl;
	yaml_node_t *data, *vars, *each_node;
	const char *each, *output;
	rg_pos output_pos;
	int allow_missing;
	int pdfa;
} spec;

static void
add_job(reader *r, const spec *s, const char *matched)
{
	rg_arena *a = r->m->arena;
	rg_job j;
	memset(&j, 0, sizeof j);
	j.tpl = join_path(r, s->tpl);
	j.allow_missing_glyphs = s->allow_missing;
	j.pdfa = s->pdfa;
	j.out = join_path(r, substitute(r, s->output, matched));

	size_t nd = matched ? 1 : 0;
	if (s->data != NULL)
		nd += s->data->type == YAML_SEQUENCE_NODE ?
		    (size_t)(s->data->data.sequence.items.top - s->data->data.sequence.items.start) : 1;
	const char **data = rg_arena_alloc(a, (nd + 1) * sizeof *data);
	size_t n = 0;
	if (matched)
		data[n++] = matched;
	if (s->data != NULL && s->data->type == YAML_SCALAR_NODE) {
		data[n++] = join_path(r, (const char *)s->data->data.scalar.value);
	} else if (s->data != NULL) {
		for (yaml_node_item_t *it = s->data->data.sequence.items.start;
		    it < s->data->data.sequence.items.top; it++) {
			yaml_node_t *dn = yaml_document_get_node(&r->doc, *it);
			const char *v = scalar(r, dn, "a data file");
			if (v != NULL)
				data[n++] = join_path(r, v);
		}
	}
	j.data = data;
	j.ndata = n;

	if (s->vars != NULL) {
		size_t nv = (size_t)(s->vars->data.mapping.pairs.top - s->vars->data.mapping.pairs.start);
		const char **vars = rg_arena_alloc(a, (nv + 1) * sizeof *vars);
		size_t k = 0;
		for (yaml_node_pair_t *p = s->vars->data.mapping.pairs.start;
		    p < s->vars->data.mapping.pairs.top; p++) {
			yaml_node_t *kn = yaml_document_get_node(&r->doc, p->key);
			yaml_node_t *vn = yaml_document_get_node(&r->doc, p->value);
			const char *key = scalar(r, kn, "a variable's name");
			if (key == NULL)
				continue;
			if (vn->type != YAML_SCALAR_NODE) {
				bad(r, RG_M_KEY_SHAPE, node_pos(r, vn),
				    "variable '%s' must be a string, found %s",
				    key, node_kind(vn));
				continue;
			}
			const char *val = substitute(r, (const char *)vn->data.scalar.value,
			    matched);
			/* a theme file is named from the manifest's directory */
			if (strcmp(key, "theme") == 0 && theme_is_file(val))
				val = join_path(r, val);
			rg_buf b = { 0 };
			rg_buf_printf(&b, "%s=%s", key, val);
			vars[k++] = rg_arena_strdup(a, rg_buf_cstr(&b));
			rg_buf_free(&b);
		}
		j.vars = vars;
		j.nvars = k;
	}
	rg_manifest *m = r->m;
	if (m->njobs == m->cap) {
		size_t cap = m->cap;
		rg_grow((void **)&m->jobs, &cap, m->njobs, sizeof *m->jobs);
		m->pos = rg_xrealloc(m->pos, cap * sizeof *m->pos);
		m->cap = cap;
	}
	m->jobs[m->njobs] = j;
	m->pos[m->njobs] = s->pos;
	m->njobs++;
}

static void
read_job(reader *r, yaml_node_t *n)
{
	if (n->type != YAML_MAPPING_NODE) {
		bad(r, RG_M_MANIFEST_INVALID, node_pos(r, n),
		    "a job must be a mapping (template, data, output, "
		    "...), found %s", node_kind(n));
		return;
	}
	spec s;
	memset(&s, 0, sizeof s);
	s.pos = node_pos(r, n);
	int errors = r->errors;
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	    p++) {
		yaml_node_t *k = yaml_document_get_node(&r->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&r->doc, p->value);
		const char *key = scalar(r, k, "a key");
		if (key == NULL)
			continue;
		if (strcmp(key, "template") == 0) {
			s.tpl = scalar(r, v, "template");
		} else if (strcmp(key, "output") == 0) {
			s.output = scalar(r, v, "output");
			s.output_pos = node_pos(r, v);
		} else if (strcmp(key, "each") == 0) {
			s.each = scalar(r, v, "each");
			s.each_node = v;
		} else if (strcmp(key, "allow-missing-glyphs") == 0) {
			s.allow_missing = boolean(r, v, "allow-missing-glyphs");
		} else if (strcmp(key, "pdfa") == 0) {
			s.pdfa = boolean(r, v, "pdfa");
		} else if (strcmp(key, "data") == 0) {
			if (v->type == YAML_MAPPING_NODE)
				bad(r, RG_M_KEY_SHAPE, node_pos(r, v),
				    "data must be a file or a list of files, "
				    "found a mapping");
			else if (v->type == YAML_SCALAR_NODE && scalar(r, v, "data") == NULL)
				;
			else
				s.data = v;
		} else if (strcmp(key, "variables") == 0) {
			if (v->type != YAML_MAPPING_NODE)
				bad(r, RG_M_KEY_SHAPE, node_pos(r, v),
				    "variables must be a mapping (region: "
				    "songxian), found %s", node_kind(v));
			else
				s.vars = v;
		} else {
			unknown_key(r, k, key, job_keys, "a job");
		}
	}
	if (s.tpl == NULL && errors == r->errors)
		bad(r, RG_M_MANIFEST_INVALID, s.pos, "this job has no template");
	if (s.output == NULL && errors == r->errors)
		bad(r, RG_M_MANIFEST_INVALID, s.pos, "this job has no output");
	if (s.data == NULL && s.each == NULL && errors == r->errors)
		bad(r, RG_M_MANIFEST_INVALID, s.pos,
		    "this job has no data (give 'data', 'each' or both)");
	/* data: [] would render with no data at all (render needs a -d) */
	if (s.data != NULL && s.each == NULL && s.data->type == YAML_SEQUENCE_NODE &&
	    s.data->data.sequence.items.top == s.data->data.sequence.items.start &&
	    errors == r->errors)
		bad(r, RG_M_MANIFEST_INVALID, node_pos(r, s.data),
		    "data lists no file (give a file, a list of files, or 'each')");
	if (errors != r->errors)
		return;
	/* '-' is standard output to render; a manifest writes files, and the same
	 * word must not mean a file next to one manifest and standard output
	 * next to another */
	if (strcmp(s.output, "-") == 0) {
		bad(r, RG_M_MANIFEST_INVALID, s.output_pos,
		    "output '-' (standard output) is for render: a manifest's job "
		    "writes a file");
		return;
	}
	if (s.each == NULL) {
		add_job(r, &s, NULL);
		return;
	}
	if (strstr(s.output, "{name}") == NULL && strstr(s.output, "{file}") == NULL) {
		bad(r, RG_M_MANIFEST_INVALID, s.output_pos,
		    "with 'each', the output must hold {name} or {file}, "
		    "or every document would be written to '%s'", s.output);
		return;
	}
	const char *pattern = join_path(r, s.each);
	glob_t g;
	int rc = glob(pattern, 0, NULL, &g);
	if (rc == GLOB_NOMATCH || (rc == 0 && g.gl_pathc == 0)) {
		bad(r, RG_M_MANIFEST_INVALID, node_pos(r, s.each_node),
		    "no file matches '%s'", pattern);
	} else if (rc != 0) {
		rg_msg(r->d, RG_M_MANIFEST_PATTERN, node_pos(r, s.each_node),
		    "cannot expand '%s'", pattern);
		r->errors++;
	} else {
		/* glob sorts its matches: the job order is the same on every run */
		for (size_t i = 0; i < g.gl_pathc; i++)
			add_job(r, &s, join_path_in(r, "", g.gl_pathv[i]));
	}
	if (rc == 0)
		globfree(&g);
}

static void
read_top(reader *r)
{
	yaml_node_t *root = yaml_document_get_root_node(&r->doc);
	if (root == NULL) {
		bad(r, RG_M_FILE_EMPTY, rg_pos_make(r->m->path, 0, 0),
		    "the manifest is empty (expected "
		    "'jobs:', see docs/batch.md)");
		return;
	}
	if (root->type != YAML_MAPPING_NODE) {
		bad(r, RG_M_MANIFEST_INVALID, node_pos(r, root),
		    "a manifest is a mapping with 'jobs', found %s",
		    node_kind(root));
		return;
	}
	yaml_node_t *jobs = NULL;
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
	    p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&r->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&r->doc, p->value);
		const char *key = scalar(r, k, "a key");
		if (key == NULL)
			continue;
		if (strcmp(key, "fonts") == 0) {
			const char *f = scalar(r, v, "fonts");
			if (f != NULL)
				r->m->fonts = join_path(r, f);
		} else if (strcmp(key, "jobs") == 0) {
			if (v->type != YAML_SEQUENCE_NODE)
				bad(r, RG_M_MANIFEST_INVALID, node_pos(r, v),
				    "jobs must be a list, found %s",
				    node_kind(v));
			else
				jobs = v;
		} else {
			unknown_key(r, k, key, top_keys, "the manifest");
		}
	}
	if (jobs == NULL) {
		if (r->errors == 0)
			bad(r, RG_M_MANIFEST_INVALID, node_pos(r, root),
			    "the manifest has no 'jobs' list");
		return;
	}
	for (yaml_node_item_t *it = jobs->data.sequence.items.start;
	    it < jobs->data.sequence.items.top; it++)
		read_job(r, yaml_document_get_node(&r->doc, *it));
	if (r->errors == 0 && r->m->njobs == 0)
		bad(r, RG_M_MANIFEST_INVALID, node_pos(r, jobs), "the manifest lists no job");
}

/* Every file a build writes (each output, each dependency file) must be
 * written by one job only (workers would race on it), and must not be a file
 * any job reads (a template, a data file, a theme, the font configuration)
 * nor the manifest itself: a job would destroy another's input.  Files are
 * compared under any spelling (out/x.pdf, out/./x.pdf, ../out/x.pdf from
 * out/: the normalised path), and, when they exist, as the same inode (a
 * symbolic or hard link). */
typedef struct file_ref {
	char *key;               /* normalised (output.h) */
	const char *name;        /* as the job names it */
	size_t job;              /* or MANIFEST, FONTS */
	int writes;              /* 0 read, 1 output, 2 dependency file */
	int exists;
	dev_t dev;
	ino_t ino;
	int reported;
} file_ref;

#define MANIFEST ((size_t)-1)    /* the manifest itself */
#define FONTS ((size_t)-2)       /* its font configuration, every job's input */

static int
cmp_key(const void *a, const void *b)
{
	const file_ref *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c != 0)
		return c;
	if (x->writes != y->writes)     /* writes first: they are what is reported */
		return x->writes ? -1 : 1;
	return x->job < y->job ? -1 : x->job > y->job;
}

static int
cmp_inode(const void *a, const void *b)
{
	const file_ref *x = *(file_ref *const *)a, *y = *(file_ref *const *)b;
	if (x->exists != y->exists)
		return x->exists ? -1 : 1;
	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	if (x->ino != y->ino)
		return x->ino < y->ino ? -1 : 1;
	if (x->writes != y->writes)
		return x->writes ? -1 : 1;
	return cmp_key(x, y);
}

static void
add_ref(file_ref **refs, size_t *n, size_t *cap, const char *name, size_t job, int writes)
{
	if (name == NULL)
		return;
	file_ref *f = RG_PUSH(*refs, *n, *cap);
	memset(f, 0, sizeof *f);
	f->key = rg_output_normal(name);
	f->name = name;
	f->job = job;
	f->writes = writes;
	struct stat st;
	if (stat(name, &st) == 0) {
		f->exists = 1;
		f->dev = st.st_dev;
		f->ino = st.st_ino;
	}
}

/* w writes what o writes or reads: report it at w's job, once. */
static void
clash(rg_manifest *m, rg_diag *d, file_ref *w, const file_ref *o, int *errors)
{
	if (w->reported)
		return;
	w->reported = 1;
	(*errors)++;
	const char *what = w->writes == 2 ? "dependency file" : "output";
	rg_pos at = m->pos[w->job];
	if (o->job == MANIFEST || o->job == FONTS)
		rg_msg(d, RG_M_MANIFEST_INVALID, at,
		    "this job's %s '%s' is the %s: it would be overwritten", what,
		    w->name, o->job == MANIFEST ? "manifest" : "font configuration");
	else if (o->writes)
		rg_msg(d, RG_M_MANIFEST_INVALID, at,
		    "this job writes '%s', as does the job at line %d", w->name,
		    m->pos[o->job].line);
	else if (o->job == w->job)
		rg_msg(d, RG_M_MANIFEST_INVALID, at,
		    "this job's %s '%s' is one of its inputs: it would be overwritten",
		    what, w->name);
	else
		rg_msg(d, RG_M_MANIFEST_INVALID, at,
		    "this job's %s '%s' is an input of the job at line %d ('%s'): it "
		    "would be overwritten", what, w->name, m->pos[o->job].line, o->name);
}

int
rg_manifest_check(rg_manifest *m, rg_diag *d)
{
	file_ref *refs = NULL;
	size_t n = 0, cap = 0;
	add_ref(&refs, &n, &cap, m->path, MANIFEST, 0);
	add_ref(&refs, &n, &cap, m->fonts, FONTS, 0);
	for (size_t j = 0; j < m->njobs; j++) {
		const rg_job *job = &m->jobs[j];
		add_ref(&refs, &n, &cap, job->out, j, 1);
		add_ref(&refs, &n, &cap, job->depfile, j, 2);
		add_ref(&refs, &n, &cap, job->tpl, j, 0);
		for (size_t i = 0; i < job->ndata; i++)
			add_ref(&refs, &n, &cap, job->data[i], j, 0);
		for (size_t i = 0; i < job->nvars; i++)
			if (strncmp(job->vars[i], "theme=", 6) == 0 &&
			    theme_is_file(job->vars[i] + 6))
				add_ref(&refs, &n, &cap, job->vars[i] + 6, j, 0);
	}
	int errors = 0;
	qsort(refs, n, sizeof *refs, cmp_key);
	for (size_t a = 0, b; a < n; a = b) {
		for (b = a + 1; b < n && strcmp(refs[b].key, refs[a].key) == 0; b++)
			;
		/* writes sort first, in manifest order: each is reported against
		 * the first (the first against the next, unless that is a write
		 * too: then the later job is the one reported) */
		for (size_t i = a; i < b && b - a > 1 && refs[i].writes; i++)
			if (i > a || !refs[a + 1].writes)
				clash(m, d, &refs[i], &refs[i == a ? a + 1 : a], &errors);
	}
	file_ref **by = rg_xcalloc(n ? n : 1, sizeof *by);
	for (size_t i = 0; i < n; i++)
		by[i] = &refs[i];
	qsort(by, n, sizeof *by, cmp_inode);
	for (size_t a = 0, b; a < n && by[a]->exists; a = b) {
		for (b = a + 1; b < n && by[b]->exists && by[b]->dev == by[a]->dev &&
		    by[b]->ino == by[a]->ino; b++)
			;
		for (size_t i = a; i < b && b - a > 1 && by[i]->writes; i++)
			if (i > a || !by[a + 1]->writes)
				clash(m, d, by[i], by[i == a ? a + 1 : a], &errors);
	}
	free(by);
	for (size_t i = 0; i < n; i++)
		free(refs[i].key);
	free(refs);
	return errors > 0 ? -1 : 0;
}

/* libyaml expands aliases into shared nodes; walking them could take
 * exponential time (the billion laughs): refuse them. */
static int
scan_events(reader *r)
{
	yaml_parser_t p;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)r->text, r->len);
	int rc = 0, docs = 0;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			bad(r, RG_M_YAML_SYNTAX, mark_pos(r, p.problem_mark),
			    "YAML syntax error: %s",
			    p.problem ? p.problem : "unknown");
			rc = -1;
			break;
		}
		yaml_event_type_t t = ev.type;
		if (t == YAML_ALIAS_EVENT ||
		    (t == YAML_SCALAR_EVENT && ev.data.scalar.anchor) ||
		    (t == YAML_SEQUENCE_START_EVENT && ev.data.sequence_start.anchor) ||
		    (t == YAML_MAPPING_START_EVENT && ev.data.mapping_start.anchor)) {
			bad(r, RG_M_YAML_ANCHOR, mark_pos(r, ev.start_mark),
			    "anchors and aliases are not "
			    "allowed in a manifest");
			rc = -1;
		}
		if (t == YAML_DOCUMENT_START_EVENT && ++docs == 2) {
			bad(r, RG_M_YAML_DOCUMENTS, mark_pos(r, ev.start_mark),
			    "a manifest is one YAML document");
			rc = -1;
		}
		yaml_event_delete(&ev);
		if (t == YAML_STREAM_END_EVENT || rc < 0)
			break;
	}
	yaml_parser_delete(&p);
	return rc;
}

static char *
read_file(const char *path, size_t *len, rg_diag *d)
{
	const char *why;
	FILE *f = rg_fopen_regular(path, &why);
	if (f == NULL) {
		rg_msg(d, RG_M_FILE_UNREADABLE, rg_pos_make(path, 0, 0),
		    "cannot read manifest: %s", why);
		return NULL;
	}
	rg_buf b = { 0 };
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		rg_buf_put(&b, chunk, n);
		if (b.len > RG_MANIFEST_MAX_BYTES)
			break;
	}
	int err = ferror(f);
	fclose(f);
	if (err) {
		rg_msg(d, RG_M_READ_FAILED, rg_pos_make(path, 0, 0), "cannot read manifest");
		rg_buf_free(&b);
		return NULL;
	}
	if (b.len > RG_MANIFEST_MAX_BYTES) {
		rg_msg(d, RG_M_FILE_TOO_LARGE, rg_pos_make(path, 0, 0),
		    "the manifest is larger than %u bytes",
		    RG_MANIFEST_MAX_BYTES);
		rg_buf_free(&b);
		return NULL;
	}
	*len = b.len;
	rg_buf_cstr(&b);
	return b.data ? b.data : rg_xstrdup("");
}

int
rg_manifest_load(rg_manifest *m, const char *path, rg_diag *d)
{
	memset(m, 0, sizeof *m);
	m->arena = rg_arena_new();
	m->path = rg_arena_strdup(m->arena, path);
	reader r;
	memset(&r, 0, sizeof r);
	r.m = m;
	r.d = d;
	char *text = read_file(path, &r.len, d);
	if (text == NULL)
		return -1;
	r.text = text;
	*RG_PUSH(r.lines, r.nlines, r.lcap) = 0;
	for (size_t i = 0; i < r.len; i++)
		if (text[i] == '\n')
			*RG_PUSH(r.lines, r.nlines, r.lcap) = i + 1;
	const char *slash = strrchr(path, '/');
	r.dir = slash ? rg_xstrndup(path, (size_t)(slash - path + (slash == path))) :
	    rg_xstrdup("");

	if (scan_events(&r) == 0) {
		yaml_parser_t p;
		yaml_parser_initialize(&p);
		yaml_parser_set_input_string(&p, (const unsigned char *)text, r.len);
		if (!yaml_parser_load(&p, &r.doc)) {
			bad(&r, RG_M_YAML_SYNTAX, mark_pos(&r, p.problem_mark),
			    "YAML syntax error: %s",
			    p.problem ? p.problem : "unknown");
		} else {
			read_top(&r);
			if (r.errors == 0 && rg_manifest_check(m, d) < 0)
				r.errors++;
			yaml_document_delete(&r.doc);
		}
		yaml_parser_delete(&p);
	}
	free(r.lines);
	free(r.dir);
	free(text);
	if (r.errors > 0) {
		m->njobs = 0;
		return -1;
	}
	return 0;
}

void
rg_manifest_free(rg_manifest *m)
{
	free(m->jobs);
	free(m->pos);
	rg_arena_free(m->arena);
	memset(m, 0, sizeof *m);
}
