/* xsd.c -- reportgen.xsd, compiled in: xsd.inc is made by tools/embed.sh. */
#include "load.h"

#include "xsd.inc"
