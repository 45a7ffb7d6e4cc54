/* sl-test-util.c — helpers every test program shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sl-test-util.h"

#include <glib/gstdio.h>
#include <grp.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NOBODY 65534

void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      /* A folder made read-only by a test must be writable to be emptied. */
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    g_assert_cmpint (g_unlink (path), ==, 0);
}

char *
make_temp_folder (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return folder;
}

int
file_mode (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 0777;
}

GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

void
set_file_contents (const char *path,
                   const char *contents,
                   gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

void
assert_same_bytes (GBytes     *before,
                   const char *path)
{
  g_autoptr(GBytes) after = read_bytes (path);

  g_assert_cmpuint (g_bytes_get_size (after), ==, g_bytes_get_size (before));
  g_assert_true (g_bytes_equal (before, after));
}

char *
sha256_of (const char *path)
{
  g_autoptr(GBytes) bytes = read_bytes (path);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

const char *
cli_path (void)
{
  const char *path = g_getenv ("STUDY_LEDGER");

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  return path;
}

int
spawn_captured (const char          *folder,
                char               **envp,
                GSpawnChildSetupFunc setup,
                const char * const  *argv,
                char               **out,
                char               **err)
{
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_spawn_sync (folder, (char **) argv, envp, G_SPAWN_DEFAULT, setup, NULL,
                out, err, &wait_status, &error);
  g_assert_no_error (error);
  return wait_status;
}

gboolean
exists_with_suffix (const char *path,
                    const char *suffix)
{
  g_autofree char *other = g_strconcat (path, suffix, NULL);
  return g_file_test (other, G_FILE_TEST_EXISTS);
}

void
assert_message_contains (const GError *error,
                         const char   *part)
{
  g_assert_nonnull (error);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” not in the message “%s”", part, error->message);
}

void
become_nobody (gpointer data)
{
  /* Runs in the child between fork and exec: async-signal-safe calls only. */
  if (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0)
    _exit (99);
}
