/* sl-test-util.h — helpers every test program shares (tests/lib, 'sltest')
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Temporary folders and their removal, files read, written and hashed,
 * and the built command-line program (STUDY_LEDGER) run as a child. Only
 * GLib: nothing here knows the core, so any test can link it. Helpers that
 * build ledgers stay with the tests that use them (reliability-util.h).
 *
 * Every helper asserts instead of returning an error: a test that cannot
 * make its folder or read its file has failed already.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* g_assert_error() in the assertions STYLE.md allows, with the names of
 * both domains in the log when they differ. */
#define ASSERT_ERROR(err, dom, c)                                         \
  G_STMT_START {                                                        \
    g_assert_nonnull (err);                                             \
    g_assert_cmpstr (g_quark_to_string ((err)->domain), ==,             \
                     g_quark_to_string (dom));                          \
    g_assert_cmpint ((err)->code, ==, (c));                             \
  } G_STMT_END

/* Removes @path and, if it is a folder, everything in it; symbolic links
 * are removed, never followed. A folder a test made read-only is made
 * writable first. Strict: anything left behind fails the test. */
void     remove_tree        (const char *path);

/* A new folder from g_dir_make_tmp() (@tmpl as there: "test-x-XXXXXX"). */
char    *make_temp_folder   (const char *tmpl);

/* The permission bits (st_mode & 0777) of @path. */
int      file_mode          (const char *path);

/* The whole of @path. */
GBytes  *read_bytes         (const char *path);

/* The whole of @path as a string (NUL-terminated). */
char    *read_text          (const char *path);

/* Writes @contents (@length bytes, or -1 for a string) to @path. Not
 * named write_file: test-cli.c has its own write_file() for its fixture. */
void     set_file_contents  (const char *path,
                             const char *contents,
                             gssize      length);

/* Fails unless @path holds exactly @before. */
void     assert_same_bytes  (GBytes     *before,
                             const char *path);

/* The SHA-256 of @path's contents, in lower-case hex. */
char    *sha256_of          (const char *path);

/* The built study-ledger ($STUDY_LEDGER), or NULL when it is not set or
 * not executable (tests that need it skip then). */
const char *cli_path        (void);

/* Runs @argv (NULL-terminated, argv[0] the program) in @folder with
 * @envp (NULL: ours) and @setup run in the child, capturing stdout and
 * stderr into @out and @err (either may be NULL). Returns the wait status
 * as waitpid() gives it: test it with WIFEXITED()/WEXITSTATUS(). */
int      spawn_captured     (const char          *folder,
                             char               **envp,
                             GSpawnChildSetupFunc setup,
                             const char * const  *argv,
                             char               **out,
                             char               **err);

/* Whether @path with @suffix ("-wal", "-journal") appended exists. */
gboolean exists_with_suffix  (const char *path,
                              const char *suffix);

/* Fails unless @error is set and its message contains @part. */
void     assert_message_contains (const GError *error,
                                  const char   *part);

/* A child setup for spawn_captured(): the child drops to the user and
 * group nobody (65534) before exec, so that permission bits count even
 * when the tests run as root. Exits with 99 when it cannot. */
void     become_nobody      (gpointer    data);

G_END_DECLS
