/* version.c -- the version, from the Makefile (build/rg-version.h), kept in
 * its own object so that a new version recompiles nothing else. */
#include "install.h"

#include "rg-version.h"

const char rg_version[] = RG_VERSION;
