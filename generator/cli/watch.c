/* watch.c -- see watch.h.
 *
 * Editors save in two ways: writing the file in place (one IN_CLOSE_WRITE
 * on the file) or writing a new file and renaming it over the old one
 * (IN_MOVED_TO on the directory; the old inode is gone, so a watch on it
 * would see nothing more).  So the directories of the inputs are watched,
 * and an event counts when its name is one of the inputs.  Partial writes
 * (IN_MODIFY) are not events: a render starts only once the file is
 * closed.  The events already queued when a change is seen (a save touching
 * several files) give one render; one that comes during a render gives
 * another, so the PDF always ends up as of the last save.
 *
 * An input that is a symbolic link is watched in the link's directory (the
 * link replaced) and in that of the file it names (the file saved).
 * A directory removed or moved away (IN_IGNORED, IN_MOVE_SELF: the watch
 * would be gone, or follow it elsewhere) is looked for again by its name
 * every 200 ms, as is one that did not exist at the start; once it is back
 * the document is rendered again and its files are watched as before.
 *
 * The image files a template's figures name are watched from the first
 * render that names them on (found or not).
 *
 * The fonts stay loaded across renders unless the font configuration
 * changes; the template and the theme are read again each time.
 */
#define _XOPEN_SOURCE 700    /* realpath, lstat */
#include "watch.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../base/mem.h"


/* a file closed after writing, or renamed into the directory; the
 * directory itself removed or moved away */
#define WATCH_MASK (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVE_SELF)

typedef struct watched {
	int wd;                  /* the watch on the file's directory; -1: none
				  * (the directory is gone: tried again) */
	char *dir, *base;
	int is_fonts;            /* the font configuration */
} watched;

typedef struct watcher {
	int fd;
	watched *w;
	size_t n, cap;
} watcher;

static double
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Watch path's directory for path (once).  A directory that cannot be
 * watched (it does not exist yet) is tried again while waiting. */
static void
watch_file(watcher *wt, const char *path, int is_fonts)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL ? rg_xstrdup(".") :
	    slash == path ? rg_xstrdup("/") : rg_xstrndup(path, (size_t)(slash - path));
	const char *base = slash ? slash + 1 : path;
	for (size_t i = 0; i < wt->n; i++)
		if (strcmp(wt->w[i].dir, dir) == 0 && strcmp(wt->w[i].base, base) == 0) {
			free(dir);
			return;
		}
	int wd = inotify_add_watch(wt->fd, dir, WATCH_MASK);
	if (wd < 0)
		rg_msg_print(stderr, RG_M_WATCH_UNAVAILABLE, rg_pos_make(dir, 0, 0),
		    "cannot watch the directory: %s; trying again while watching",
		    strerror(errno));
	watched *w = RG_PUSH(wt->w, wt->n, wt->cap);
	w->wd = wd;
	w->dir = dir;
	w->base = rg_xstrdup(base);
	w->is_fonts = is_fonts;
	/* a symbolic link: a save of the file it names, in its own directory,
	 * is a change too */
	struct stat st;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		char *real = realpath(path, NULL);
		if (real != NULL)
			watch_file(wt, real, is_fonts);
		free(real);
	}
}

/* The watch wd is gone (its directory was removed, or moved away: then the
 * watch would follow it elsewhere): its files are watched again once a
 * directory of that name is back (retry). */
static void
lose_watch(watcher *wt, int wd, int moved)
{
	const char *dir = NULL;
	for (size_t i = 0; i < wt->n; i++)
		if (wt->w[i].wd == wd) {
			wt->w[i].wd = -1;
			dir = wt->w[i].dir;
		}
	if (dir == NULL)
		return;
	if (moved)
		inotify_rm_watch(wt->fd, wd);
	rg_msg_print(stderr, RG_M_WATCH_UNAVAILABLE, rg_pos_make(dir, 0, 0),
	    "the directory was %s; watching for it to come back", moved ? "moved away" :
	    "removed");
}

/* Watch again the directories that could not be watched: 0 none came
 * back, 1 one did (its files may have changed), 2 that of the font
 * configuration did. */
static int
retry(watcher *wt)
{
	int what = 0;
	for (size_t i = 0; i < wt->n; i++) {
		if (wt->w[i].wd >= 0)
			continue;
		int wd = inotify_add_watch(wt->fd, wt->w[i].dir, WATCH_MASK);
		if (wd < 0)
			continue;
		for (size_t k = i; k < wt->n; k++)
			if (wt->w[k].wd < 0 && strcmp(wt->w[k].dir, wt->w[i].dir) == 0) {
				wt->w[k].wd = wd;
				int w = wt->w[k].is_fonts ? 2 : 1;
				if (w > what)
					what = w;
			}
	}
	return what;
}

static int
any_lost(const watcher *wt)
{
	for (size_t i = 0; i < wt->n; i++)
		if (wt->w[i].wd < 0)
			return 1;
	return 0;
}

/* Read the pending events: 0 none of ours, 1 an input changed, 2 the font
 * configuration changed, -1 the watch is broken. */
static int
read_events(watcher *wt)
{
	char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t len = read(wt->fd, buf, sizeof buf);
	if (len < 0)
		return errno == EINTR || errno == EAGAIN ? 0 : -1;
	int what = 0;
	for (char *p = buf; p < buf + len; ) {
		const struct inotify_event *ev = (const struct inotify_event *)p;
		p += sizeof *ev + ev->len;
		if (ev->mask & (IN_IGNORED | IN_MOVE_SELF)) {
			lose_watch(wt, ev->wd, (ev->mask & IN_MOVE_SELF) != 0);
			continue;
		}
		if (ev->len == 0)
			continue;
		for (size_t i = 0; i < wt->n; i++)
			if (wt->w[i].wd == ev->wd && strcmp(wt->w[i].base, ev->name) == 0) {
				int w = wt->w[i].is_fonts ? 2 : 1;
				if (w > what)
					what = w;
			}
	}
	return what;
}

/* Wait until an input changes, and read the events queued with it; as
 * read_events. */
static int
wait_change(watcher *wt)
{
	int what = 0;
	struct pollfd p = { wt->fd, POLLIN, 0 };
	while (what == 0) {
		/* a directory that is gone is looked for every 200 ms */
		int lost = any_lost(wt);
		int r = poll(&p, 1, lost ? 200 : -1);
		if (r < 0 && errno != EINTR)
			return -1;
		if (r > 0)
			what = read_events(wt);
		if (what >= 0 && lost) {
			int back = retry(wt);
			if (back > what)
				what = back;
		}
	}
	while (what > 0) {
		int r = poll(&p, 1, 0);
		if (r < 0 && errno != EINTR)
			return -1;
		if (r <= 0)
			break;
		int more = read_events(wt);
		if (more < 0)
			return -1;
		if (more > what)
			what = more;
	}
	return what;
}

static void
stamp(char *buf, size_t size)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(buf, size, "%H:%M:%S", &tm);
}

int
rg_watch(const rg_job *j, const char *fonts_conf)
{
	watcher wt = { inotify_init1(IN_CLOEXEC | IN_NONBLOCK), NULL, 0, 0 };
	if (wt.fd < 0) {
		rg_msg_print(stderr, RG_M_WATCH_FAILED, rg_pos_make(NULL, 0, 0),
		    "cannot watch files (inotify): %s", strerror(errno));
		return RG_EXIT_FAILURE;
	}
	watch_file(&wt, j->tpl, 0);
	for (size_t i = 0; i < j->ndata; i++)
		watch_file(&wt, j->data[i], 0);
	watch_file(&wt, fonts_conf, 1);
	setvbuf(stderr, NULL, _IOLBF, 0);

	rg_render_env *env = NULL;
	const char *what = j->out ? j->out : "the dump";
	int status = RG_EXIT_OK;
	for (int round = 0; ; round++) {
		if (env == NULL)
			env = rg_render_env_new(fonts_conf, rg_render_build_date());
		double t0 = now_ms();
		rg_diag d;
		rg_diag_init(&d, stderr);
		rg_render(env, j, &d);
		double ms = now_ms() - t0;
		const char *theme = rg_render_env_theme(env);
		if (theme != NULL)
			watch_file(&wt, theme, 0);
		const char *const *images;
		for (size_t i = 0, n = rg_render_env_images(env, &images); i < n; i++)
			watch_file(&wt, images[i], 0);
		char ts[16];
		stamp(ts, sizeof ts);
		if (d.errors + d.failures == 0)
			fprintf(stderr, "[%s] wrote %s in %.0f ms\n", ts, what, ms);
		else
			fprintf(stderr, "[%s] %s not written: %d error%s (%.0f ms)\n", ts, what,
			    d.errors + d.failures, d.errors + d.failures == 1 ? "" : "s", ms);
		if (round == 0)
			fprintf(stderr, "reportgen: watching %zu file%s; Ctrl-C to stop\n", wt.n,
			    wt.n == 1 ? "" : "s");
		int change = wait_change(&wt);
		if (change < 0) {
			rg_msg_print(stderr, RG_M_WATCH_FAILED, rg_pos_make(NULL, 0, 0),
			    "watching stopped: %s", strerror(errno));
			status = RG_EXIT_FAILURE;
			break;
		}
		if (change == 2) {
			rg_render_env_free(env);
			env = NULL;
		} else {
			rg_render_env_forget(env);
		}
	}
	rg_render_env_free(env);
	for (size_t i = 0; i < wt.n; i++) {
		free(wt.w[i].dir);
		free(wt.w[i].base);
	}
	free(wt.w);
	close(wt.fd);
	return status;
}
