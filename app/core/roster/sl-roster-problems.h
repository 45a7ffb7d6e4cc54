/* sl-roster-problems.h — what a roster's rows would meet on import, row by row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-types.h"

G_BEGIN_DECLS

typedef enum
{
  SL_ROSTER_PROBLEM_DUPLICATE,         /* an error: one name twice in one organization */
  SL_ROSTER_PROBLEM_NO_ORGANIZATION,   /* a warning: the row would belong to none */
  SL_ROSTER_PROBLEM_NEW_ORGANIZATION,  /* a warning: its 所属支部 is not in the ledger */
  SL_ROSTER_PROBLEM_ROW,               /* an error: the row's own (SlRosterRow.problem) */
  SL_ROSTER_PROBLEM_REPEAT,            /* a warning: every cell as on an earlier line; skipped */
} SlRosterProblemKind;

typedef struct
{
  SlRosterProblemKind kind;
  gboolean            error;         /* blocks the import; else a warning */
  guint               line;          /* the row's line in the file */
  guint               first_line;    /* REPEAT, DUPLICATE: the earlier line it repeats */
  char               *organization;  /* NEW_ORGANIZATION: the name the row gives */
  char               *message;       /* "line 4: …", one sentence with its fix */
} SlRosterProblem;

void        sl_roster_problem_free   (SlRosterProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlRosterProblem, sl_roster_problem_free)

GPtrArray  *sl_roster_list_problems  (GPtrArray       *rows,
                                      const char      *organization,
                                      SlLedger        *ledger);

G_END_DECLS
