/* test-fuzz-regressions.c — the fuzzers' inputs replayed in the normal build
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file of tests/fuzz/corpus-TARGET/ and every tests/fuzz/regressions/
 * TARGET-* goes through the same entry point the fuzzer calls
 * (tests/fuzz/fuzz-*.c), one test case per file, so that CI replays in a
 * second what build-aux/fuzz.sh found in minutes. An input that crashed
 * once is kept forever under regressions/ with a name that says what it
 * found. Inputs that show a core bug not fixed yet are named
 * TARGET-known-*: they run in a subprocess and are reported as incomplete
 * while the bug is there (reliability-util.h, known_bug()).
 */

#include "config.h"

#include "fuzz/fuzz-targets.h"
#include "reliability-util.h"

typedef int (*FuzzTarget) (const uint8_t *data, size_t size);

static const struct
{
  const char *name;
  FuzzTarget  run;
} targets[] = {
  { "roster",  sl_fuzz_roster },
  { "archive", sl_fuzz_archive },
  { "search",  sl_fuzz_search },
  { "json",    sl_fuzz_json },
};

typedef struct
{
  FuzzTarget  run;
  char       *path;
  gboolean    known_bug;
} Input;

static void
input_free (gpointer data)
{
  Input *input = data;

  g_free (input->path);
  g_free (input);
}

static void
replay (const Input *input)
{
  g_autoptr(GBytes) bytes = read_bytes (input->path);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  /* An exact copy, so that a read past the end is a read past the end. */
  g_autofree guint8 *copy = g_memdup2 (data, size);

  g_assert_cmpint (input->run (copy, size), ==, 0);
}

static void
test_input (gconstpointer data)
{
  const Input *input = data;

  if (!input->known_bug)
    {
      replay (input);
      return;
    }

  if (g_test_subprocess ())
    {
      /* The whole input, as the fuzzer that found it saw it. */
      g_setenv ("SL_FUZZ_RAW", "1", TRUE);
      replay (input);
      sl_fuzz_roster_cleanup ();
      sl_fuzz_archive_cleanup ();
      sl_fuzz_search_cleanup ();
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  known_bug (!g_test_trap_has_passed (), input->path);
}

static void
add_inputs (GPtrArray  *inputs,
            FuzzTarget  run,
            const char *target,
            const char *folder,
            const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (prefix == NULL || g_str_has_prefix (name, prefix))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      Input *input = g_new0 (Input, 1);
      g_autofree char *known = g_strconcat (target, "-known-", NULL);
      g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s/%s", target,
                                                    prefix ? "regressions" : "corpus", file);

      input->run = run;
      input->path = g_build_filename (folder, file, NULL);
      input->known_bug = g_str_has_prefix (file, known);
      g_ptr_array_add (inputs, input);
      g_test_add_data_func (test_path, input, test_input);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (input_free);
  int status;

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *corpus_name = g_strconcat ("corpus-", targets[i].name, NULL);
      g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "fuzz", corpus_name, NULL);
      g_autofree char *regressions = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions", NULL);
      g_autofree char *prefix = g_strconcat (targets[i].name, "-", NULL);

      add_inputs (inputs, targets[i].run, targets[i].name, corpus, NULL);
      add_inputs (inputs, targets[i].run, targets[i].name, regressions, prefix);
    }

  status = g_test_run ();

  sl_fuzz_roster_cleanup ();
  sl_fuzz_archive_cleanup ();
  sl_fuzz_search_cleanup ();

  return status;
}
