/* watch.h -- `reportgen watch`: render one job, then again whenever one of
 * its inputs is saved. */
#ifndef RG_WATCH_H
#define RG_WATCH_H

#include "render.h"

/* Render j with the font configuration fonts_conf, then wait for changes to
 * the template, the data files, the theme, the figures' image files and
 * fonts_conf (inotify on their
 * directories, since editors save by writing a new file and renaming it
 * over the old one) and render again, printing the time of each render and
 * its messages to standard error.  Returns only when watching is impossible
 * (the exit status, after reporting); SIGINT and SIGTERM end the process. */
int rg_watch(const rg_job *j, const char *fonts_conf);

#endif
