/* main.c -- the reportgen program: the command line of cli/commands.c. */
#include "cli/commands.h"

int
main(int argc, char **argv)
{
	return rg_cli_main(argc, argv);
}
