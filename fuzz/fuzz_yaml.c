/* fuzz_yaml.c -- the YAML data loader (libyaml), validation, and the round
 * trip through `reportgen convert` to both syntaxes.  See fuzz_data.inc. */
#define FUZZ_EXT ".yaml"
#include "fuzz_data.inc"
