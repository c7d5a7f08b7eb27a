/* build.h -- `reportgen build MANIFEST [-j N] [--shard K/N] ...`: render
 * every job of a manifest (manifest.h, docs/batch.md) in one process. */
#ifndef RG_BUILD_H
#define RG_BUILD_H

/* argv holds the arguments after "build".  Returns the exit status: 0, 2 if
 * any job had bad input (or the manifest is wrong), else 1 if any failed. */
int rg_cmd_build(int argc, char **argv);

/* What `reportgen build --help` prints. */
extern const char rg_build_help[];

#endif
