/* commands.h -- the command line as a function: main() is only a call to
 * it (generator/main.c), and fuzz/fuzz_cli.c calls it with argument vectors
 * of its own. */
#ifndef RG_COMMANDS_H
#define RG_COMMANDS_H

/* argv[0] is the program name, argv[1] the command; argv[argc] is NULL.
 * Returns the exit status (RG_EXIT_*). */
int rg_cli_main(int argc, char **argv);

#endif
