/* fuzz_xml.c -- the XML data loader (libxml2 + the compiled-in schema),
 * validation, and the round trip to both syntaxes.  See fuzz_data.inc. */
#define FUZZ_EXT ".xml"
#include "fuzz_data.inc"
