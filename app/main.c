/* main.c — run one command without a display, or hand over to the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `study-ledger` links core/, export/ and cli/ only, not GTK: loading and
 * relocating GTK, libadwaita and the sixty libraries under them cost every
 * command 30–40 ms before main() (docs/performance.md). Nor Cairo and
 * Pango: the pages that write PDF are a module, loaded for the first PDF. Any command word
 * (import-roster, stats, export, ...) runs here, headless. Without one,
 * `study-ledger [--database FILE]` opens the window: it replaces itself
 * (execv, same arguments, same process) with study-ledger-window
 * (window-main.c), which is installed in libexecdir and built next to this
 * program in the build tree.
 */

#define G_LOG_DOMAIN "study-ledger"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sl-cli.h"
#include "sl-document.h"
#include "sl-relocation.h"

#define WINDOW_PROGRAM "study-ledger-window"
#define PAGES_MODULE   "study-ledger-pages.so"

/* A file of this program's own: the window's program, installed in
 * libexecdir, or the pages' module, in pkglibdir. Installed, it is taken
 * from there, whatever is next to this program: from the installation
 * this program is part of (sl_relocated_folder()), else from the compiled-in
 * folder. The sibling is taken only when this program runs from the build
 * tree it was built in (SL_BUILD_DIR), so that an installed study-ledger
 * never runs or loads whatever lies beside it. */
static char *
own_file (const char *installed_folder,
          const char *name)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_dir = realpath (SL_BUILD_DIR, NULL);
  g_autofree char *folder = self != NULL ? g_path_get_dirname (self) : NULL;

  if (folder != NULL && build_dir != NULL && g_str_equal (folder, build_dir))
    return g_build_filename (folder, name, NULL);

  if (folder != NULL)
    {
      g_autofree char *relocated = sl_relocated_folder (folder, SL_BINDIR, installed_folder);
      g_autofree char *file = relocated != NULL
                              ? g_build_filename (relocated, name, NULL) : NULL;

      if (file != NULL && g_file_test (file, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&file);
    }

  return g_build_filename (installed_folder, name, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *database = NULL;
  g_autofree char *program = NULL;
  g_autoptr(GError) error = NULL;
  int command_index = 0;

  sl_cli_init_process ();
  /* Moved or unpacked: its own translation and schemas (sl-relocation.c). */
  sl_relocation_apply (SL_BINDIR);

  if (!sl_cli_split_arguments (argc, argv, &database, &command_index, &error))
    {
      g_printerr ("study-ledger: %s\n", error->message);
      return SL_CLI_EXIT_USAGE;
    }

  if (command_index > 0)
    {
      g_autofree char *pages = own_file (SL_PKGLIBDIR, PAGES_MODULE);

      /* Cairo, Pango and fontconfig only for a PDF (sl-document.c). */
      sl_document_set_pages_module (pages);
      return sl_cli_run (database, argc - command_index, argv + command_index);
    }

  /* argv[0] stays as it was: the window's program name (and so its X11
   * class) is still study-ledger. */
  program = own_file (SL_LIBEXECDIR, WINDOW_PROGRAM);
  execv (program, argv);

  {
    int saved = errno;
    g_autofree char *message = g_strdup_printf (_("Cannot start the window %s: %s"),
                                                program, g_strerror (saved));

    g_printerr ("study-ledger: %s\n", message);
    return SL_CLI_EXIT_FAILURE;
  }
}
