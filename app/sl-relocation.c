/* sl-relocation.c — the installation a program runs from, wherever it was moved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A package unpacked with dpkg-deb -x for a look, or an installation
 * moved to another folder, has its files beside the program, not under
 * the prefix it was configured with. The window's program and the pages'
 * module were already found there (main.c); the translation and the
 * settings schema were looked up at the compiled-in prefix, so such a
 * program spoke English to a Chinese desktop (issue 17). Both are taken
 * from the installation this program is part of when it has them; the
 * files under this program's own prefix are as trusted as the program
 * itself. An installation at its prefix, or the build tree, is left as
 * it was.
 */

#define G_LOG_DOMAIN "study-ledger"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sl-relocation.h"

/**
 * sl_relocated_folder:
 * @self_dir: the folder this program runs from
 * @installed_dir: where this program is installed (SL_BINDIR or
 *   SL_LIBEXECDIR)
 * @installed_folder: a folder of the installation (under SL_PREFIX)
 *
 * @installed_folder's place relative to SL_PREFIX, under the prefix
 * @self_dir stands for when it is to that prefix what @installed_dir is
 * to SL_PREFIX.
 *
 * Returns: (nullable): the folder; %NULL if the layout does not match
 *   (a folder outside the prefix cannot move with it)
 */
char *
sl_relocated_folder (const char *self_dir,
                     const char *installed_dir,
                     const char *installed_folder)
{
  g_autofree char *prefix_slash = g_strconcat (SL_PREFIX, "/", NULL);
  const char *dir = installed_dir;
  const char *folder = installed_folder;
  g_autofree char *prefix = NULL;
  size_t self_len = strlen (self_dir);
  size_t dir_len;

  if (g_str_equal (SL_PREFIX, "/")
      || !g_str_has_prefix (dir, prefix_slash)
      || !g_str_has_prefix (folder, prefix_slash))
    return NULL;
  dir += strlen (prefix_slash) - 1;        /* "/bin" */
  folder += strlen (prefix_slash) - 1;     /* "/share/locale" */

  dir_len = strlen (dir);
  if (self_len <= dir_len || !g_str_has_suffix (self_dir, dir))
    return NULL;
  prefix = g_strndup (self_dir, self_len - dir_len);
  return g_strconcat (prefix, folder, NULL);
}

/* @installed_folder of the installation this program runs from, when
 * that is not at the configured prefix and has it; else NULL. */
static char *
moved_folder (const char *self_dir,
              const char *installed_dir,
              const char *installed_folder)
{
  g_autofree char *folder = sl_relocated_folder (self_dir, installed_dir, installed_folder);

  if (folder == NULL || g_str_equal (folder, installed_folder) ||
      !g_file_test (folder, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_steal_pointer (&folder);
}

/**
 * sl_relocation_apply:
 * @installed_dir: where this program is installed (SL_BINDIR or
 *   SL_LIBEXECDIR)
 *
 * After sl_cli_init_process(): binds the translations of the moved
 * installation this program runs from, and puts its compiled settings
 * schemas on GSettings' path (GSETTINGS_SCHEMA_DIR, unless the user set
 * it), which the window's program, exec'd by study-ledger, inherits.
 */
void
sl_relocation_apply (const char *installed_dir)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *self_dir = self != NULL ? g_path_get_dirname (self) : NULL;
  g_autofree char *locale = NULL;
  g_autofree char *schemas = NULL;

  if (self_dir == NULL)
    return;

  if ((locale = moved_folder (self_dir, installed_dir, SL_LOCALEDIR)) != NULL)
    bindtextdomain (GETTEXT_PACKAGE, locale);

  /* A package holds the schema's XML only (its trigger compiles it on
   * installation); an installation made by meson install has it
   * compiled. */
  schemas = moved_folder (self_dir, installed_dir, SL_DATADIR "/glib-2.0/schemas");
  if (schemas != NULL && g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    {
      g_autofree char *compiled = g_build_filename (schemas, "gschemas.compiled", NULL);

      if (g_file_test (compiled, G_FILE_TEST_IS_REGULAR))
        g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
    }
}
