/* fuzz_cli.c -- the command line: rg_cli_main (generator/cli/commands.c)
 * with an argument vector taken from the input, run in a scratch directory
 * of fixture files.
 *
 * Input: the arguments, one per line (a line of its own for each; no
 * program name: "render", "-t", "t.md", ...).  The scratch directory holds
 * a template t.md (templates/briefing.md), data d.yaml, x.xml and a CSV
 * export c.csv with its mapping c.csvmap, a theme th.yaml, a manifest
 * m.yaml (one job: t.md with d.yaml to out.pdf), a font configuration
 * f.conf, a symbolic link ln.yaml -> d.yaml, a dangling link dangle.pdf, a
 * FIFO pipe.yaml and a directory sub/.
 *
 * Checks: the exit status is 0, 1 or 2; no file that the arguments name as
 * an input (every fixture named anywhere but right after -o or --depfile,
 * or as convert's last operand; the manifest's template and data for
 * build) has changed; a FIFO is never opened for reading (a run that
 * blocks on one is a libFuzzer timeout).  After each run the fixtures are
 * restored and everything else in the scratch directory removed.
 *
 * Not run: `watch` (it never returns), `build -j N` for N > 2, arguments
 * that leave the scratch directory (an absolute path, or "..").  Standard
 * output goes to /dev/null; run libFuzzer with -close_fd_mask=2 to drop
 * the messages too (make fuzz does). */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdint.h>
#include <sys/stat.h>

#include "cli/commands.h"
#include "fuzz.h"

typedef struct fixture {
	const char *name;
	const char *from;     /* a file of the tree to copy, or NULL */
	const char *text;     /* else the contents */
	char *data;
	size_t len;
} fixture;

static const char manifest_text[] =
	"jobs:\n"
	"  - template: t.md\n"
	"    data: [d.yaml]\n"
	"    output: out.pdf\n";

static fixture fixtures[] = {
	{ "t.md", "templates/briefing.md", NULL, NULL, 0 },
	{ "d.yaml", "input/songxian-2024.yaml", NULL, NULL, 0 },
	{ "x.xml", "input/songxian-mengjin-2024.xml", NULL, NULL, 0 },
	{ "c.csv", "tests/data/csv/songxian-zhuanlan2.csv", NULL, NULL, 0 },
	{ "c.csvmap", "tests/data/csv/songxian-zhuanlan2.csvmap", NULL, NULL, 0 },
	{ "th.yaml", "templates/themes/briefing.yaml", NULL, NULL, 0 },
	{ "f.conf", "fonts/fonts.conf", NULL, NULL, 0 },
	{ "m.yaml", NULL, manifest_text, NULL, 0 },
};
#define NFIXTURES (sizeof fixtures / sizeof fixtures[0])
/* names that are no regular fixture but must survive a run */
static const char *const special[] = { "ln.yaml", "dangle.pdf", "pipe.yaml", "sub" };
#define NSPECIAL (sizeof special / sizeof special[0])

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		perror(path);
		abort();
	}
	size_t cap = 1 << 16, n = 0;
	char *b = malloc(cap);
	size_t got;
	while (b != NULL && (got = fread(b + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			b = realloc(b, cap *= 2);
	}
	fclose(f);
	if (b == NULL)
		abort();
	*len = n;
	return b;
}

/* 1 when the file at name holds exactly what the fixture holds */
static int
intact(const fixture *fx)
{
	struct stat st;
	if (lstat(fx->name, &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size != fx->len)
		return 0;
	size_t n;
	char *b = slurp(fx->name, &n);
	int same = n == fx->len && memcmp(b, fx->data, n) == 0;
	free(b);
	return same;
}

static int
rm_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (type == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

/* the scratch directory back to its fixtures */
static void
restore(void)
{
	DIR *dir = opendir(".");
	if (dir == NULL)
		abort();
	struct dirent *e;
	while ((e = readdir(dir)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		int keep = 0;
		for (size_t i = 0; i < NFIXTURES && !keep; i++)
			keep = strcmp(e->d_name, fixtures[i].name) == 0;
		for (size_t i = 0; i < NSPECIAL && !keep; i++)
			keep = strcmp(e->d_name, special[i]) == 0;
		if (!keep)
			nftw(e->d_name, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
	}
	closedir(dir);
	for (size_t i = 0; i < NFIXTURES; i++)
		if (!intact(&fixtures[i])) {
			nftw(fixtures[i].name, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
			fuzz_write(fixtures[i].name, (const uint8_t *)fixtures[i].data,
			    fixtures[i].len);
		}
	struct stat st;
	if (lstat("ln.yaml", &st) != 0 || !S_ISLNK(st.st_mode)) {
		nftw("ln.yaml", rm_entry, 8, FTW_DEPTH | FTW_PHYS);
		if (symlink("d.yaml", "ln.yaml") != 0)
			abort();
	}
	if (lstat("dangle.pdf", &st) != 0 || !S_ISLNK(st.st_mode)) {
		nftw("dangle.pdf", rm_entry, 8, FTW_DEPTH | FTW_PHYS);
		if (symlink("nowhere/x.pdf", "dangle.pdf") != 0)
			abort();
	}
	if (lstat("pipe.yaml", &st) != 0 || !S_ISFIFO(st.st_mode)) {
		nftw("pipe.yaml", rm_entry, 8, FTW_DEPTH | FTW_PHYS);
		if (mkfifo("pipe.yaml", 0600) != 0)
			abort();
	}
	if (lstat("sub", &st) != 0 || !S_ISDIR(st.st_mode)) {
		nftw("sub", rm_entry, 8, FTW_DEPTH | FTW_PHYS);
		if (mkdir("sub", 0700) != 0)
			abort();
	}
}

/* the scratch directory, entered for each run (libFuzzer writes its corpus
 * and artifacts by relative paths, between runs) */
static int home = -1, scratch = -1;

static void
enter(void)
{
	if (fchdir(scratch) != 0)
		abort();
}

static void
leave(void)
{
	if (fchdir(home) != 0)
		abort();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	for (size_t i = 0; i < NFIXTURES; i++) {
		if (fixtures[i].from != NULL) {
			char path[1024];
			snprintf(path, sizeof path, "%s/%s", RG_DATADIR, fixtures[i].from);
			fixtures[i].data = slurp(path, &fixtures[i].len);
		} else {
			fixtures[i].len = strlen(fixtures[i].text);
			fixtures[i].data = malloc(fixtures[i].len + 1);
			memcpy(fixtures[i].data, fixtures[i].text, fixtures[i].len + 1);
		}
	}
	const char *tmp = getenv("TMPDIR");
	char dir[512];
	snprintf(dir, sizeof dir, "%s/rg-fuzz-cli-XXXXXX", tmp != NULL && *tmp ? tmp : "/tmp");
	home = open(".", O_RDONLY | O_DIRECTORY);
	if (home < 0 || mkdtemp(dir) == NULL || (scratch = open(dir, O_RDONLY | O_DIRECTORY)) < 0) {
		perror(dir);
		abort();
	}
	enter();
	restore();
	leave();
	const char *v = getenv("RG_FUZZ_VERBOSE");
	if (v == NULL || *v != '1')
		if (freopen("/dev/null", "w", stdout) == NULL)
			abort();
	return 0;
}

enum { MAXARGS = 32 };

/* 0 when this argument vector is not to be run */
static int
runnable(char **av, int ac)
{
	if (ac >= 2 && strcmp(av[1], "watch") == 0)
		return 0;
	for (int i = 1; i < ac; i++) {
		const char *a = av[i];
		if (strchr(a, '/') != NULL && (a[0] == '/' || strstr(a, "..") != NULL ||
		    strstr(a, "=/") != NULL))
			return 0;
		if (strncmp(a, "-j", 2) == 0) {
			const char *n = a[2] == '=' ? a + 3 : a[2] != '\0' ? a + 2 :
			    i + 1 < ac ? av[i + 1] : "";
			if (strcmp(n, "1") != 0 && strcmp(n, "2") != 0)
				return 0;
		}
	}
	return 1;
}

/* 1 when fixture name is read by this run (see the top of the file) */
static int
named_as_input(char **av, int ac, const char *name)
{
	if (ac >= 2 && strcmp(av[1], "build") == 0 &&
	    (strcmp(name, "t.md") == 0 || strcmp(name, "d.yaml") == 0 || strcmp(name, "m.yaml") == 0)) {
		for (int i = 2; i < ac; i++)
			if (strcmp(av[i], "m.yaml") == 0)
				return 1;
	}
	for (int i = 1; i < ac; i++) {
		const char *a = av[i];
		const char *eq = strchr(a, '=');
		const char *val = eq != NULL ? eq + 1 : a;
		if (strcmp(val, name) != 0)
			continue;
		if (eq != NULL && (strncmp(a, "-o=", 3) == 0 || strncmp(a, "--depfile=", 10) == 0))
			continue;
		if (eq == NULL && i > 1 && (strcmp(av[i - 1], "-o") == 0 ||
		    strcmp(av[i - 1], "--depfile") == 0))
			continue;
		if (strcmp(av[1], "convert") == 0 && i == ac - 1)
			continue;
		if (eq != NULL && strcmp(av[1], "render") != 0 && strcmp(av[1], "build") != 0)
			continue;   /* -V KEY=VALUE of nothing that reads it */
		return 1;
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	char *buf = malloc(size + 1);
	memcpy(buf, data, size);
	buf[size] = '\0';
	char *av[MAXARGS + 2];
	int ac = 0;
	av[ac++] = "reportgen";
	for (char *p = buf; ac < MAXARGS + 1;) {
		av[ac++] = p;
		char *nl = memchr(p, '\n', (size_t)(buf + size - p));
		if (nl == NULL)
			break;
		*nl = '\0';
		p = nl + 1;
		if (p == buf + size)
			break;
	}
	av[ac] = NULL;
	if (!runnable(av, ac)) {
		free(buf);
		return 0;
	}
	enter();
	int rc = rg_cli_main(ac, av);
	fflush(stdout);
	FUZZ_CHECK(rc == 0 || rc == 1 || rc == 2);
	for (size_t i = 0; i < NFIXTURES; i++)
		if (named_as_input(av, ac, fixtures[i].name))
			FUZZ_CHECK(intact(&fixtures[i]));
	struct stat st;
	FUZZ_CHECK(lstat("pipe.yaml", &st) == 0 && S_ISFIFO(st.st_mode));
	FUZZ_CHECK(lstat("ln.yaml", &st) == 0 && S_ISLNK(st.st_mode));
	restore();
	leave();
	free(buf);
	return 0;
}
