/* sl-cli-private.h — what the files of the command line share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-cli.c holds the common helpers and the table of commands; the
 * evidence commands (finalize, history, attach, ...) live in
 * sl-cli-evidence.c and reach the helpers through SlCliHelpers.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sl-types.h"

G_BEGIN_DECLS

typedef struct
{
  const char *database;
  int         argc;
  char      **argv;
} SlCliCall;

typedef struct
{
  gboolean         (*parse_options)     (SlCliCall    *call,
                                         const char   *parameters,
                                         const char   *summary,
                                         GOptionEntry *entries,
                                         int          *status);
  SlLedger        *(*open_ledger)       (SlCliCall    *call,
                                         gboolean      write,
                                         GError      **error);
  int              (*usage)             (const char   *command,
                                         const char   *format,
                                         ...) G_GNUC_PRINTF (2, 3);
  int              (*fail_error)        (GError       *error);
  char            *(*canonical_id)      (SlLedger     *ledger,
                                         GType         type,
                                         const char   *id);
  void             (*print_json)        (JsonNode     *root);
  gboolean         (*parse_year)        (const char   *command,
                                         const char   *text,
                                         int          *year,
                                         int          *status);
  SlOrganization  *(*find_organization) (SlLedger     *ledger,
                                         const char   *name,
                                         GError      **error);
} SlCliHelpers;

extern const SlCliHelpers *sl_cli_helpers;

int      sl_cli_command_finalize     (SlCliCall  *call);
int      sl_cli_command_history      (SlCliCall  *call);
int      sl_cli_command_attach       (SlCliCall  *call);
int      sl_cli_command_attachments  (SlCliCall  *call);
int      sl_cli_command_detach       (SlCliCall  *call);
int      sl_cli_command_lock_year    (SlCliCall  *call);
int      sl_cli_command_unlock_year  (SlCliCall  *call);
int      sl_cli_command_export_binder (SlCliCall *call);
int      sl_cli_command_stats        (SlCliCall  *call);
int      sl_cli_command_search       (SlCliCall  *call);
int      sl_cli_command_backup       (SlCliCall  *call);
int      sl_cli_command_restore      (SlCliCall  *call);
int      sl_cli_command_check        (SlCliCall  *call);

gboolean sl_cli_check_evidence       (SlLedger   *ledger,
                                      GPtrArray  *problems,
                                      GError    **error);

G_END_DECLS
