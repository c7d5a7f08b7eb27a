/* build.c -- see build.h.
 *
 * The parent reads the manifest, loads the fonts and parses every template
 * once (rg_render_env), then renders the jobs of its shard:
 *
 *   -j N   in N worker processes (one for -j 1) forked after loading, so
 *          that a job that crashes or is killed fails alone, and every worker
 *          shares the fonts and templates already in memory.  libharu and
 *          HarfBuzz objects are never shared between threads this way.  The
 *          parent hands out job numbers one at a time over a pipe (a shared
 *          queue: a free worker takes the next job) and reads each result
 *          back with the job's messages, which it prints whole.  A worker
 *          that dies (a crash) fails its job only; a new worker takes over.
 *
 * Jobs never depend on one another or on the order they run in: the same
 * manifest gives the same files whatever -j and --shard say.
 */
#include "build.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../base/buf.h"
#include "../base/mem.h"
#include "args.h"
#include "manifest.h"
#include "render.h"

const char rg_build_help[] =
"usage: reportgen build MANIFEST [OPTION...]\n"
"\n"
"Render every job of a YAML manifest in one process, loading the fonts and\n"
"each template once.  A failing job is reported and the others still run.\n"
"\n"
"  -j N                 N worker processes (0: one per processor; default 1)\n"
"  --shard K/N          only the K-th of N slices of the jobs\n"
"  --depfiles           write OUT.d (a make rule) beside each OUT.pdf\n"
"  --fonts FONTS.conf   the font configuration (wins over the manifest's)\n"
"  --list               print the outputs of the slice, render nothing\n"
"  -q, --quiet          print only the messages of failing jobs (and the\n"
"                       summary if one failed)\n"
"  -v, --verbose        one line per job even on a terminal, and the time\n"
"                       spent loading fonts and templates\n"
"  -h, --help           show this help\n"
"\n"
"On a terminal one progress line shows the jobs done, the failures, the\n"
"time left and the current job; otherwise one line is printed per job.\n"
"Exit status: 0 every job succeeded, 2 a job had bad input, else 1.\n";


static int
bad_usage(const char *fmt, const char *arg)
{
	return rg_usage_error("build", fmt, arg);
}

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- one job ---------------------------------------------------------- */

typedef struct result {
	int status;              /* RG_EXIT_* */
	char *msgs;              /* its messages, NUL-terminated */
	size_t len;
	double seconds;
} result;

/* Create the directories above path, as mkdir -p does. */
static void
make_parents(const char *path)
{
	char *p = rg_xstrdup(path);
	for (char *s = p + 1; *s; s++)
		if (*s == '/') {
			*s = '\0';
			if (mkdir(p, 0777) < 0 && errno != EEXIST)
				break;
			*s = '/';
		}
	free(p);
}

/* Render job j, collecting its messages. */
static void
run_job(rg_render_env *env, const rg_manifest *m, size_t j, result *res)
{
	double t0 = now();
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	rg_diag d;
	rg_diag_init(&d, f ? f : stderr);
	make_parents(m->jobs[j].out);
	if (rg_render(env, &m->jobs[j], &d) < 0 && d.errors + d.failures == 0)
		rg_msg(&d, RG_M_JOB_FAILED, m->pos[j], "job failed");
	if (d.errors + d.failures > 0)
		rg_msg(&d, RG_M_JOB_SUMMARY, m->pos[j], "the job writing %s failed",
		    m->jobs[j].out);
	if (f != NULL)
		fclose(f);
	res->status = rg_diag_status(&d);
	res->msgs = buf;
	res->len = buf ? len : 0;
	res->seconds = now() - t0;
}

/* The worse of two exit statuses: bad input beats other failures. */
static void
merge_status(int *status, int st)
{
	if (st == RG_EXIT_BADINPUT || *status == RG_EXIT_BADINPUT)
		*status = RG_EXIT_BADINPUT;
	else if (st != RG_EXIT_OK)
		*status = RG_EXIT_FAILURE;
}

/* ---- progress --------------------------------------------------------- */

typedef struct progress {
	int tty;                 /* draw the progress line */
	int verbosity;           /* 0 quiet, 1 normal, 2 verbose */
	size_t total, done, failed;
	double start;
	const char *current;     /* the output last started */
	int line_shown;
} progress;

static void
clear_line(progress *p)
{
	if (p->tty && p->line_shown) {
		fputs("\r\033[K", stderr);
		p->line_shown = 0;
	}
}

/* The terminal's width in columns (80 when it cannot tell). */
static size_t
columns(void)
{
	struct winsize ws;
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 10)
		return ws.ws_col;
	return 80;
}

/* "[12/50] 1 failed, ETA 0:03  out/x.pdf", cut to the terminal's width so
 * that it stays one line (a wide character counts as two columns). */
static void
show_line(progress *p)
{
	if (!p->tty)
		return;
	double el = now() - p->start;
	char eta[32] = "--:--";
	if (p->done > 0 && p->done <= p->total) {
		double left = el / (double)p->done * (double)(p->total - p->done);
		snprintf(eta, sizeof eta, "%d:%02d", (int)left / 60, (int)left % 60);
	}
	rg_buf b = { 0 };
	rg_buf_printf(&b, "[%zu/%zu] ", p->done, p->total);
	if (p->failed)
		rg_buf_printf(&b, "%zu failed, ", p->failed);
	rg_buf_printf(&b, "ETA %s  %s", eta, p->current ? p->current : "");
	size_t width = columns() - 1, cols = 0, cut = 0;
	for (size_t i = 0; i < b.len; ) {
		unsigned char ch = (unsigned char)b.data[i];
		size_t n = ch < 0x80 ? 1 : ch >= 0xF0 ? 4 : ch >= 0xE0 ? 3 : ch >= 0xC0 ? 2 : 1;
		size_t w = n >= 3 ? 2 : 1;
		if (cols + w > width || i + n > b.len)
			break;
		cols += w;
		i += n;
		cut = i;
	}
	fputs("\r\033[K", stderr);
	fwrite(b.data, 1, cut, stderr);
	fflush(stderr);
	rg_buf_free(&b);
	p->line_shown = 1;
}

static void
job_started(progress *p, const char *out)
{
	p->current = out;
	show_line(p);
}

static void
job_done(progress *p, const char *out, const result *r)
{
	clear_line(p);
	if (r->len > 0)
		fwrite(r->msgs, 1, r->len, stderr);
	p->done++;
	if (r->status != RG_EXIT_OK)
		p->failed++;
	if (!p->tty && p->verbosity > 0)
		fprintf(stderr, "[%zu/%zu] %s %s (%.3f s)\n", p->done, p->total,
		    r->status == RG_EXIT_OK ? "ok    " : "FAILED", out, r->seconds);
	else
		show_line(p);
	fflush(stderr);
}

/* ---- workers ---------------------------------------------------------- */

typedef struct worker {
	pid_t pid;
	int cmd;                 /* parent -> worker: job numbers */
	int res;                 /* worker -> parent: results */
	long job;                /* the job it is rendering, or -1 */
} worker;

typedef struct msg_head {
	int32_t job, status;
	uint32_t len;
	double seconds;
} msg_head;

static int
write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* 1 read, 0 end of file, -1 error */
static int
read_all(int fd, void *buf, size_t n)
{
	char *p = buf;
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(fd, p + got, n - got);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (r == 0)
			return got == 0 ? 0 : -1;
		got += (size_t)r;
	}
	return 1;
}

static void __attribute__((noreturn))
worker_main(rg_render_env *env, const rg_manifest *m, int cmd, int res)
{
	int32_t j;
	while (read_all(cmd, &j, sizeof j) == 1) {
		if (j < 0 || (size_t)j >= m->njobs)
			break;
		result r;
		run_job(env, m, (size_t)j, &r);
		/* zeroed first: its padding goes down the pipe too (valgrind) */
		msg_head h;
		memset(&h, 0, sizeof h);
		h.job = j;
		h.status = r.status;
		h.len = (uint32_t)r.len;
		h.seconds = r.seconds;
		if (write_all(res, &h, sizeof h) < 0 ||
		    (r.len > 0 && write_all(res, r.msgs, r.len) < 0))
			_exit(1);
		free(r.msgs);
	}
	fflush(NULL);
	_exit(0);
}

static int
spawn(worker *w, worker *all, size_t nall, rg_render_env *env, const rg_manifest *m)
{
	int cmd[2], res[2];
	if (pipe(cmd) < 0)
		return -1;
	if (pipe(res) < 0) {
		close(cmd[0]);
		close(cmd[1]);
		return -1;
	}
	fflush(NULL);
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid < 0) {
		close(cmd[0]); close(cmd[1]); close(res[0]); close(res[1]);
		return -1;
	}
	if (pid == 0) {
		/* a worker does not outlive the parent (killed by a signal, a
		 * timeout): it would go on writing files after the build has
		 * ended; the check after prctl covers a parent gone before it */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (getppid() != parent)
			_exit(1);
		/* the other workers' pipes are not this one's business */
		for (size_t i = 0; i < nall; i++)
			if (all[i].pid > 0 && &all[i] != w) {
				close(all[i].cmd);
				close(all[i].res);
			}
		close(cmd[1]);
		close(res[0]);
		worker_main(env, m, cmd[0], res[1]);
	}
	close(cmd[0]);
	close(res[1]);
	w->pid = pid;
	w->cmd = cmd[1];
	w->res = res[0];
	w->job = -1;
	return 0;
}

static void
retire(worker *w)
{
	if (w->cmd >= 0)
		close(w->cmd);
	if (w->res >= 0)
		close(w->res);
	w->cmd = w->res = -1;
	if (w->pid > 0) {
		int st;
		while (waitpid(w->pid, &st, 0) < 0 && errno == EINTR)
			;
	}
	w->pid = 0;
}

/* Give w the next job, or tell it to stop (by closing its queue). */
static void
feed(worker *w, const size_t *sel, size_t nsel, size_t *next, progress *p,
    const rg_manifest *m)
{
	if (*next < nsel) {
		int32_t j = (int32_t)sel[*next];
		if (write_all(w->cmd, &j, sizeof j) == 0) {
			w->job = j;
			(*next)++;
			job_started(p, m->jobs[j].out);
			return;
		}
	}
	close(w->cmd);
	w->cmd = -1;
	w->job = -1;
}

static void
run_parallel(rg_render_env *env, const rg_manifest *m, const size_t *sel, size_t nsel,
    int nworkers, progress *p, int *status)
{
	signal(SIGPIPE, SIG_IGN);
	worker *w = rg_xcalloc((size_t)nworkers, sizeof *w);
	size_t next = 0;
	int alive = 0;
	for (int i = 0; i < nworkers; i++) {
		w[i].cmd = w[i].res = -1;
		if (spawn(&w[i], w, (size_t)nworkers, env, m) < 0) {
			clear_line(p);
			rg_msg_print(stderr, RG_M_WORKER_FAILED, rg_pos_make(NULL, 0, 0),
			    "cannot start a worker: %s", strerror(errno));
			merge_status(status, RG_EXIT_FAILURE);
			break;
		}
		alive++;
		feed(&w[i], sel, nsel, &next, p, m);
	}
	struct pollfd *pfd = rg_xcalloc((size_t)nworkers, sizeof *pfd);
	while (alive > 0) {
		int n = 0;
		for (int i = 0; i < nworkers; i++)
			if (w[i].pid > 0) {
				pfd[n].fd = w[i].res;
				pfd[n].events = POLLIN;
				pfd[n].revents = 0;
				n++;
			}
		if (poll(pfd, (nfds_t)n, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int k = 0; k < n; k++) {
			if (pfd[k].revents == 0)
				continue;
			worker *wk = NULL;
			for (int i = 0; i < nworkers; i++)
				if (w[i].pid > 0 && w[i].res == pfd[k].fd)
					wk = &w[i];
			msg_head h;
			int rd = read_all(wk->res, &h, sizeof h);
			if (rd == 1) {
				result r = { h.status, NULL, h.len, h.seconds };
				if (h.len > 0) {
					r.msgs = rg_xmalloc(h.len + 1);
					if (read_all(wk->res, r.msgs, h.len) != 1)
						r.len = 0;
				}
				job_done(p, m->jobs[h.job].out, &r);
				merge_status(status, r.status);
				free(r.msgs);
				wk->job = -1;
				feed(wk, sel, nsel, &next, p, m);
				continue;
			}
			/* the worker is gone: finished, or died during a job */
			long job = wk->job;
			pid_t pid = wk->pid;
			int st = 0;
			if (wk->cmd >= 0)
				close(wk->cmd);
			close(wk->res);
			wk->cmd = wk->res = -1;
			while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
				;
			wk->pid = 0;
			alive--;
			if (job >= 0) {
				char *text = NULL;
				size_t tlen = 0;
				FILE *tf = open_memstream(&text, &tlen);
				if (tf != NULL) {
					if (WIFSIGNALED(st))
						rg_msg_print(tf, RG_M_WORKER_FAILED, m->pos[job],
						    "the worker rendering %s died (signal %d)",
						    m->jobs[job].out, WTERMSIG(st));
					else
						rg_msg_print(tf, RG_M_WORKER_FAILED, m->pos[job],
						    "the worker rendering %s exited with status %d",
						    m->jobs[job].out, WIFEXITED(st) ? WEXITSTATUS(st) : -1);
					fclose(tf);
				}
				result r = { RG_EXIT_FAILURE, text, text ? tlen : 0, 0 };
				job_done(p, m->jobs[job].out, &r);
				free(text);
				merge_status(status, RG_EXIT_FAILURE);
				if (next < nsel && spawn(wk, w, (size_t)nworkers, env, m) == 0) {
					alive++;
					feed(wk, sel, nsel, &next, p, m);
				}
			}
		}
	}
	for (int i = 0; i < nworkers; i++)
		if (w[i].pid > 0)
			retire(&w[i]);
	free(pfd);
	free(w);
}

static void
run_serial(rg_render_env *env, const rg_manifest *m, const size_t *sel, size_t nsel,
    progress *p, int *status)
{
	for (size_t i = 0; i < nsel; i++) {
		size_t j = sel[i];
		job_started(p, m->jobs[j].out);
		result r;
		run_job(env, m, j, &r);
		job_done(p, m->jobs[j].out, &r);
		merge_status(status, r.status);
		free(r.msgs);
	}
}

/* ---- the command ------------------------------------------------------ */

static int
parse_count(const char *s, long *v)
{
	char *end;
	/* digits only: strtol would take " 1" and "+1" as well */
	if (*s < '0' || *s > '9')
		return 0;
	errno = 0;
	*v = strtol(s, &end, 10);
	return errno == 0 && *end == '\0';
}

/* OUT.pdf -> OUT.d */
static char *
depfile_for(rg_arena *a, const char *out)
{
	size_t n = strlen(out);
	rg_buf b = { 0 };
	if (n > 4 && strcmp(out + n - 4, ".pdf") == 0)
		rg_buf_put(&b, out, n - 4);
	else
		rg_buf_puts(&b, out);
	rg_buf_puts(&b, ".d");
	char *s = rg_arena_strdup(a, rg_buf_cstr(&b));
	rg_buf_free(&b);
	return s;
}

int
rg_cmd_build(int argc, char **argv)
{
	const char *manifest = NULL, *fonts_opt = NULL;
	long jobs = 1, shard_k = 1, shard_n = 1;
	int depfiles = 0, list = 0, verbosity = 1;
	enum { B_J, B_SHARD, B_FONTS, B_DEPFILES, B_LIST, B_Q, B_QUIET, B_V, B_VERBOSE, B_H,
		B_HELP };
	static const rg_opt opts[] = {
		{ "-j", 1 }, { "--shard", 1 }, { "--fonts", 1 }, { "--depfiles", 0 },
		{ "--list", 0 }, { "-q", 0 }, { "--quiet", 0 }, { "-v", 0 }, { "--verbose", 0 },
		{ "-h", 0 }, { "--help", 0 }, { NULL, 0 }
	};
	rg_args a = { "build", opts, argc, argv, 0, 0 };
	const char *v;
	int k;
	while ((k = rg_args_next(&a, &v)) != RG_ARGS_END) {
		switch (k) {
		case B_J:
			if (!parse_count(v, &jobs) || jobs < 0 || jobs > 256)
				return bad_usage("-j needs a number of workers from 0 (one per "
				    "processor) to 256, found '%s'", v);
			break;
		case B_SHARD: {
			char kk[32], n[32];
			const char *slash = strchr(v, '/');
			if (slash == NULL || (size_t)(slash - v) >= sizeof kk ||
			    strlen(slash + 1) >= sizeof n)
				return bad_usage("--shard needs K/N (the K-th of N slices, "
				    "1 <= K <= N), found '%s'", v);
			memcpy(kk, v, (size_t)(slash - v));
			kk[slash - v] = '\0';
			strcpy(n, slash + 1);
			if (!parse_count(kk, &shard_k) || !parse_count(n, &shard_n) ||
			    shard_n < 1 || shard_k < 1 || shard_k > shard_n)
				return bad_usage("--shard needs K/N (the K-th of N slices, "
				    "1 <= K <= N), found '%s'", v);
			break;
		}
		case B_FONTS: fonts_opt = v; break;
		case B_DEPFILES: depfiles = 1; break;
		case B_LIST: list = 1; break;
		case B_Q: case B_QUIET: verbosity = 0; break;
		case B_V: case B_VERBOSE: verbosity = 2; break;
		case B_H: case B_HELP: fputs(rg_build_help, stdout); return RG_EXIT_OK;
		case RG_ARGS_OPERAND:
			if (manifest != NULL)
				return bad_usage("build takes one manifest; '%s' is a second", v);
			manifest = v;
			break;
		default: return RG_EXIT_BADINPUT;
		}
	}
	if (manifest == NULL)
		return bad_usage("%s", "build needs a MANIFEST (see docs/batch.md)");
	if (jobs == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		jobs = n > 0 ? n : 1;
	}

	rg_diag d;
	rg_diag_init(&d, stderr);
	rg_manifest m;
	if (rg_manifest_load(&m, manifest, &d) < 0) {
		rg_manifest_free(&m);
		return rg_diag_status(&d);
	}
	/* this shard's jobs: every N-th, so that slices are alike in size */
	size_t *sel = rg_xcalloc(m.njobs ? m.njobs : 1, sizeof *sel);
	size_t nsel = 0;
	for (size_t j = 0; j < m.njobs; j++) {
		if (j % (size_t)shard_n == (size_t)(shard_k - 1))
			sel[nsel++] = j;
		if (depfiles)
			m.jobs[j].depfile = depfile_for(m.arena, m.jobs[j].out);
	}
	/* the dependency files too are written by one job only, over no input */
	if (depfiles && rg_manifest_check(&m, &d) < 0) {
		free(sel);
		rg_manifest_free(&m);
		return rg_diag_status(&d);
	}
	if (list) {
		for (size_t i = 0; i < nsel; i++)
			printf("%s\n", m.jobs[sel[i]].out);
		free(sel);
		rg_manifest_free(&m);
		return RG_EXIT_OK;
	}

	double start = now();
	const char *fonts = fonts_opt ? fonts_opt : m.fonts ? m.fonts : rg_render_fonts_config(NULL);
	rg_render_env *env = rg_render_env_new(fonts, rg_render_build_date());
	int status = RG_EXIT_OK;
	if (nsel > 0 && rg_render_env_load(env, &d) < 0) {
		status = rg_diag_status(&d);
		goto out;
	}
	if (verbosity > 1 && nsel > 0)
		fprintf(stderr, "reportgen: fonts of %s loaded in %.3f s\n", fonts, now() - start);
	/* every template once, before any job (and before forking) */
	double t0 = now();
	for (size_t i = 0; i < nsel; i++)
		rg_render_env_template(env, m.jobs[sel[i]].tpl, &d);
	if (verbosity > 1)
		fprintf(stderr, "reportgen: templates parsed in %.3f s\n", now() - t0);

	progress p = { verbosity == 1 && isatty(STDERR_FILENO), verbosity, nsel, 0, 0, now(),
		NULL, 0 };
	if ((long)nsel < jobs)
		jobs = nsel > 0 ? (long)nsel : 1;
	/* even -j 1 renders in a worker: a job that dies (a crash, a signal,
	 * a resource limit) fails alone, and this process prints the summary;
	 * one job renders here, where nothing else can be lost */
	if (nsel <= 1)
		run_serial(env, &m, sel, nsel, &p, &status);
	else
		run_parallel(env, &m, sel, nsel, jobs < 1 ? 1 : (int)jobs, &p, &status);
	clear_line(&p);
	/* --quiet: the summary only when a job failed */
	if (verbosity == 0 && p.failed == 0)
		goto out;

	double el = now() - start;
	fprintf(stderr, "reportgen: %zu of %zu document%s written", nsel - p.failed, nsel,
	    nsel == 1 ? "" : "s");
	if (shard_n > 1)
		fprintf(stderr, " (shard %ld/%ld of %zu jobs)", shard_k, shard_n, m.njobs);
	if (p.failed)
		fprintf(stderr, ", %zu failed", p.failed);
	fprintf(stderr, " in %.2f s", el);
	if (el > 0 && nsel > 0)
		fprintf(stderr, " (%.1f documents/s, %ld worker%s)", (double)nsel / el, jobs,
		    jobs == 1 ? "" : "s");
	fputc('\n', stderr);
out:
	rg_render_env_free(env);
	free(sel);
	rg_manifest_free(&m);
	return status;
}
