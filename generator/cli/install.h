/* install.h -- what the program knows of its installation: its version and
 * where its data (templates/, templates/themes/, fonts/fonts.conf) lives.
 *
 * The data directory is found from the executable, not compiled in:
 *   BINDIR/../share/reportgen   when it holds fonts/fonts.conf (make install
 *                               puts the binary in PREFIX/bin and the data in
 *                               PREFIX/share/reportgen);
 *   BINDIR/..                   when it holds fonts/fonts.conf and
 *                               templates/themes/ (the source tree, with the
 *                               binary in build/ or build-asan/);
 * where BINDIR is the directory of /proc/self/exe (symbolic links resolved).
 * When neither holds the data, the first is returned, so that a message
 * about a missing file names the place it is expected.
 */
#ifndef RG_INSTALL_H
#define RG_INSTALL_H

/* "0.1.0", or what `git describe` said when the binary was built (the
 * Makefile's RG_VERSION). */
extern const char rg_version[];

/* The data directory, without a trailing slash; computed once, never NULL. */
const char *rg_datadir(void);

#endif
