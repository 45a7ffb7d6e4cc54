/* paths-util.h — what test-paths.c and test-paths-readers.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both run the built study-ledger (STUDY_LEDGER; REQUIRE_CLI from
 * reliability-util.h) on the 2023 archive imported into a ledger in a
 * folder of each test's own (sl-test-folder.h).
 * Everything is static: each test program includes this once.
 */

#pragma once

#include "reliability-util.h"
#include "sl-test-folder.h"

typedef SlTestFolder Fixture;

static inline char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* The 2023 archive imported through the command line. */
static inline void
make_ledger (Fixture *fixture)
{
  g_autofree char *archive = data_file ("year-2023.json");
  CliResult result;

  run_cli (&result, fixture->folder, "--database", fixture->path, "import-archive", archive);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
}
