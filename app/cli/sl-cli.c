/* sl-cli.c — the headless command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One small function per command: parse its options, call down into core/,
 * report. Nothing here needs a display. Success exits 0; a failure prints
 * one line on stderr that says what is wrong and where, and exits 1 with
 * nothing written; a mistyped command line exits 2.
 */

#define G_LOG_DOMAIN "sl-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <malloc.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>

#include "sl-archive.h"
#include "sl-backups.h"
#include "sl-cli.h"
#include "sl-cli-private.h"
#include "sl-evidence.h"
#include "sl-database.h"
#include "sl-document.h"
#include "sl-integrity.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-ledger-paths.h"
#include "sl-locking.h"
#include "sl-organization.h"
#include "sl-roster-import.h"
#include "sl-roster-problems.h"
#include "sl-temporary-files.h"

typedef int (*SlCliCommand) (SlCliCall *call);

static int
fail (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static int
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("study-ledger: %s\n", message);
  return SL_CLI_EXIT_FAILURE;
}

static int
fail_error (GError *error)
{
  /* The core says what is locked; the command line says how to unlock. */
  if (g_error_matches (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_LOCKED))
    return fail (_("%s (unlock-year YYYY --reason TEXT)"), error->message);
  return fail ("%s", error->message);
}

static int
usage (const char *command,
       const char *format,
       ...) G_GNUC_PRINTF (2, 3);

static int
usage (const char *command,
       const char *format,
       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr (_("study-ledger %s: %s (see “study-ledger %s --help”)\n"), command, message, command);
  return SL_CLI_EXIT_USAGE;
}

/* Parses a command's options. The global --database may also stand after
 * the command word; it is accepted there too. */
static gboolean
parse_options (SlCliCall    *call,
               const char   *parameters,
               const char   *summary,
               GOptionEntry *entries,
               int          *status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  char *database = NULL;
  const GOptionEntry common[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
      N_("The ledger file (default: $XDG_DATA_HOME/study-ledger/ledger.db)"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (parameters);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &call->argc, &call->argv, &error))
    {
      *status = usage (call->argv[0], "%s", error->message);
      g_free (database);
      return FALSE;
    }

  if (database != NULL)
    call->database = g_intern_string (database);
  g_free (database);

  /* Text options are taken as bytes so that Chinese names work under any
   * locale; what is stored must still be UTF-8. Paths may be anything. */
  for (const GOptionEntry *entry = entries; entry->long_name != NULL; entry++)
    {
      const char *text;

      if (entry->arg != G_OPTION_ARG_FILENAME || g_str_equal (entry->long_name, "output"))
        continue;

      text = *(char **) entry->arg_data;
      if (text != NULL && !g_utf8_validate (text, -1, NULL))
        {
          *status = usage (call->argv[0], _("--%s is not UTF-8 text"), entry->long_name);
          return FALSE;
        }
    }

  return TRUE;
}

/* Commands that write check the ledger (once a day, sl-integrity.c) and
 * take the day's backup first (sl-backups.c). A damaged ledger is refused;
 * a backup that cannot be taken is worth a warning, not a refusal. */
static gboolean
prepare_to_write (SlLedger  *ledger,
                  GError   **error)
{
  SlDatabase *database = sl_ledger_get_database (ledger);
  g_autoptr(GError) backup_error = NULL;
  gboolean ok;

  /* Both read the whole file: by copy, not mapped, or each page read
   * would count in the command's memory to its end (docs/performance.md). */
  sl_database_set_mapped (database, FALSE);
  ok = sl_integrity_check_daily (database, error) &&
       sl_backups_run_daily (database, NULL, sl_backups_get_keep (database), &backup_error);
  sl_database_set_mapped (database, TRUE);
  if (!ok && backup_error == NULL)
    return FALSE;

  if (!ok)
    {
      if (g_error_matches (backup_error, SL_INTEGRITY_ERROR, SL_INTEGRITY_ERROR_DAMAGED))
        {
          g_propagate_error (error, g_steal_pointer (&backup_error));
          return FALSE;
        }
      g_printerr (_("study-ledger: warning: the daily backup was not made: %s\n"),
                  backup_error->message);
    }

  return TRUE;
}

/* Commands that only read open the ledger read-only (its mode, its bytes
 * and its backups stay as they are) and never create it. */
static SlLedger *
open_ledger (SlCliCall  *call,
             GError    **error)
{
  g_autofree char *default_path = NULL;
  const char *path = call->database;
  GStatBuf info;

  if (path == NULL)
    path = default_path = sl_database_default_path ();

  /* A link that leads nowhere is the core's to name (both ends). */
  if (g_lstat (path, &info) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("There is no ledger at %s; name one with --database FILE, "
                     "or import a roster or an archive first"),
                   path);
      return NULL;
    }

  /* SQLite would take an empty file for a new database. One with a journal
   * or a log beside it is what an older version left when its first
   * import was cut short: SQLite drops those, and there is no ledger. */
  if (g_stat (path, &info) == 0 && S_ISREG (info.st_mode) && info.st_size == 0)
    {
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);

      if (g_file_test (journal, G_FILE_TEST_EXISTS) || g_file_test (wal, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                       _("There is no ledger at %s yet: its first import was cut short; "
                         "import a roster or an archive again"),
                       path);
          return NULL;
        }

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s is an empty file, not a Study Ledger database; "
                     "it was left untouched. Name a ledger file with --database"),
                   path);
      return NULL;
    }

  return sl_ledger_open_read_only (path, error);
}

typedef gboolean (*SlCliWrite) (SlLedger  *ledger,
                                gpointer   data,
                                GError   **error);

/* Runs @write on the ledger. One that is not there yet is made whole under
 * a temporary name, @write fills it, and only then does it take its name,
 * without replacing anything (sl-ledger-paths.c): a command that fails
 * or is killed leaves no ledger, and this process only ever removes the
 * temporary file it made itself. Should another process make the ledger
 * meanwhile, @write runs again, on theirs. */
static gboolean
write_ledger (SlCliCall   *call,
              SlCliWrite   write,
              gpointer     data,
              GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autofree char *path = NULL;
  const char *named = call->database;

  if (named == NULL)
    named = default_path = sl_database_default_path ();

  path = sl_database_resolve_path (named, error);
  if (path == NULL)
    return FALSE;

  for (;;)
    {
      g_autoptr(SlLedger) ledger = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *temporary = NULL;
      gboolean ok;

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          if (!(ledger = sl_ledger_open (path, error)) ||
              !prepare_to_write (ledger, error))
            return FALSE;

          return write (ledger, data, error);
        }

      temporary = sl_database_create_temporary (path, SL_SCHEMA_VERSION, error);
      if (temporary == NULL)
        return FALSE;

      ok = (ledger = sl_ledger_open (temporary, error)) != NULL && write (ledger, data, error);
      /* Closed before it is named: its log is then in the file. */
      g_clear_object (&ledger);

      if (ok && sl_database_link_into_place (temporary, path, &local_error))
        return TRUE;

      sl_database_discard_temporary (temporary);
      if (!ok)
        return FALSE;
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_EXIST))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
}

/* A ledger that must be there, opened to write but neither created nor
 * backed up: for a dry run, whose transaction is rolled back. The reader
 * says why there is none. */
static SlLedger *
open_ledger_to_try (SlCliCall  *call,
                    GError    **error)
{
  g_autoptr(SlLedger) reader = open_ledger (call, error);

  if (reader == NULL)
    return NULL;

  return sl_ledger_open (sl_database_get_path (sl_ledger_get_database (reader)), error);
}

/* An output (export, archive, backup) must not be the ledger or one of its
 * files, however it is named. */
static gboolean
check_output (SlLedger    *ledger,
              const char  *output,
              GError     **error)
{
  return sl_database_check_output_path (sl_database_get_path (sl_ledger_get_database (ledger)),
                                        output, error);
}

static gboolean
parse_year (const char  *command,
            const char  *text,
            int         *year,
            int         *status)
{
  gint64 value;
  char *end = NULL;

  if (text == NULL)
    {
      *status = usage (command, _("--year YYYY is required"));
      return FALSE;
    }

  value = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || value < 1000 || value > 9999)
    {
      *status = usage (command, _("--year: “%s” is not a year; write it as 2023"), text);
      return FALSE;
    }

  *year = (int) value;
  return TRUE;
}

static SlOrganization *
find_organization (SlLedger   *ledger,
                   const char *name,
                   GError    **error)
{
  SlOrganization *organization = sl_ledger_find_organization_by_name (ledger, name);
  GListModel *organizations;
  g_autoptr(GString) names = NULL;

  if (organization != NULL)
    return organization;

  organizations = sl_ledger_get_organizations (ledger);
  names = g_string_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(SlOrganization) each = g_list_model_get_item (organizations, i);
      g_string_append_printf (names, "%s%s", i ? "、" : "", sl_organization_get_name (each));
    }

  g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_NOT_FOUND,
               _("--organization: no organization is named “%s”; the ledger has: %s"),
               name, names->len ? names->str : _("none"));
  return NULL;
}

static void
print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  fputs (text, stdout);
  fputc ('\n', stdout);
}

/* import-roster FILE.csv [--organization NAME] ------------------------------ */

typedef struct
{
  const char     *file;
  const char     *organization;
  SlRosterCounts *counts;
  GPtrArray      *skipped;  /* SlRosterProblem: the rows pasted twice */
} RosterImport;

static gboolean
write_roster (SlLedger  *ledger,
              gpointer   data,
              GError   **error)
{
  RosterImport *import = data;

  memset (import->counts, 0, sizeof *import->counts);
  g_ptr_array_set_size (import->skipped, 0);
  return sl_roster_import_reporting (ledger, import->file, import->organization, import->counts,
                                     import->skipped, error);
}

static int
command_import_roster (SlCliCall *call)
{
  RosterImport roster = { 0 };
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_roster_problem_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *organization = NULL;
  SlRosterCounts counts = { 0 };
  int status;
  GOptionEntry entries[] = {
    { "organization", 0, 0, G_OPTION_ARG_FILENAME, &organization,
      N_("Put every member into this organization (created if new); "
         "otherwise the file's 所属支部 column decides"), N_("NAME") },
    { NULL }
  };

  if (!parse_options (call, _("FILE.csv"),
                      _("Adds the people of a roster saved by Excel or WPS (UTF-8 or GB18030) to "
                        "the ledger, or updates those it already has, matched by name within "
                        "their organization. A file with an error is refused whole; a row that "
                        "repeats an earlier one in every cell is skipped, with a warning."),
                      entries, &status))
    return status;

  if (call->argc != 2)
    return usage ("import-roster", _("name one CSV file"));

  roster.file = call->argv[1];
  roster.organization = organization;
  roster.counts = &counts;
  roster.skipped = skipped;
  if (!write_ledger (call, write_roster, &roster, &error))
    return fail_error (error);

  /* Imported all the same: a warning each, on stderr as the backup's is,
   * so that stdout keeps its one line of counts. */
  for (guint i = 0; i < skipped->len; i++)
    {
      SlRosterProblem *problem = g_ptr_array_index (skipped, i);

      g_printerr (_("study-ledger: warning: %s: %s\n"), call->argv[1], problem->message);
    }

  g_print (_("Imported %s: %u new, %u updated, %u unchanged members\n"),
           call->argv[1], counts.added, counts.updated, counts.unchanged);
  if (counts.organizations_added > 0)
    g_print (_("Added %u organizations\n"), counts.organizations_added);

  return SL_CLI_EXIT_OK;
}

/* import-archive FILE.json [--merge [--dry-run]] ----------------------------- */

typedef struct
{
  const char      *file;
  gboolean         merge;
  SlArchiveCounts *counts;
  SlArchiveReport *report;   /* with --merge: what was added and changed */
  const char      *reason;   /* with --merge: why final meetings change */
} ArchiveImport;

static gboolean
write_archive (SlLedger  *ledger,
               gpointer   data,
               GError   **error)
{
  ArchiveImport *import = data;

  memset (import->counts, 0, sizeof *import->counts);
  if (import->report != NULL)
    {
      sl_evidence_set_reason (ledger, NULL, import->reason);
      return sl_archive_merge (ledger, import->file, FALSE, import->counts, import->report, error);
    }
  return sl_archive_import (ledger, import->file, import->merge, import->counts, error);
}

static int
command_import_archive (SlCliCall *call)
{
  ArchiveImport archive = { 0 };
  g_autoptr(GError) error = NULL;
  g_auto(SlArchiveReport) report = { 0 };
  g_autofree char *summary = NULL;
  gboolean merge = FALSE;
  gboolean dry_run = FALSE;
  g_autofree char *reason = NULL;
  SlArchiveCounts counts = { 0 };
  int status;
  GOptionEntry entries[] = {
    { "merge", 0, 0, G_OPTION_ARG_NONE, &merge,
      N_("Update records whose ids the ledger already has (never deletes); "
         "keys a record leaves out keep their values"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("With --merge: list what would be added and changed, and write nothing"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_FILENAME, &reason,
      N_("With --merge: why final meetings change (required to change one, the progress "
         "of its measures too); kept in its history"), N_("TEXT") },
    { NULL }
  };

  if (!parse_options (call, _("FILE.json"),
                      _("Reads a Study Ledger archive into the ledger: all of it, or nothing when "
                        "any record is wrong. Without --merge only new records are accepted."),
                      entries, &status))
    return status;

  if (call->argc != 2)
    return usage ("import-archive", _("name one archive file"));

  if (reason != NULL && !merge)
    return usage ("import-archive", _("--reason explains changes to final meetings by a merge; "
                                      "give --merge with it"));

  if (dry_run && !merge)
    return usage ("import-archive", _("--dry-run shows what a merge would change; "
                                      "give --merge with it"));

  archive.file = call->argv[1];
  archive.merge = merge;
  archive.counts = &counts;

  if (merge)
    {
      sl_archive_report_init (&report);
      archive.report = &report;
      archive.reason = reason;

      /* A dry run writes nothing, so creates no ledger and takes no backup:
       * the merge runs in a transaction that is rolled back. */
      if (dry_run)
        {
          g_autoptr(SlLedger) ledger = open_ledger_to_try (call, &error);

          if (ledger != NULL)
            sl_evidence_set_reason (ledger, NULL, reason);
          if (ledger == NULL ||
              !sl_archive_merge (ledger, archive.file, TRUE, &counts, &report, &error))
            return fail_error (error);
        }
      else if (!write_ledger (call, write_archive, &archive, &error))
        return fail_error (error);

      summary = sl_archive_report_format (&report, archive.file, dry_run);
      g_print ("%s", summary);
      return SL_CLI_EXIT_OK;
    }

  if (!write_ledger (call, write_archive, &archive, &error))
    return fail_error (error);

  g_print (_("Imported %s: %u organizations, %u members, %u plans, %u meetings, "
             "%u research topics\n"),
           call->argv[1], counts.organizations, counts.members, counts.plans,
           counts.meetings, counts.research_topics);

  return SL_CLI_EXIT_OK;
}

/* export-archive FILE.json ---------------------------------------------------- */

static int
command_export_archive (SlCliCall *call)
{
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  SlArchiveCounts counts = { 0 };
  int status;
  GOptionEntry entries[] = { { NULL } };

  if (!parse_options (call, _("FILE.json"),
                      _("Writes the whole ledger as one JSON archive (docs/archive.md)."),
                      entries, &status))
    return status;

  if (call->argc != 2)
    return usage ("export-archive", _("name one output file"));

  /* A damaged file (an index included) or text that is not UTF-8 would
   * make an archive no reader accepts. */
  if (!(ledger = open_ledger (call, &error)) ||
      !check_output (ledger, call->argv[1], &error))
    return fail_error (error);
  if (!sl_archive_export_checked (ledger, call->argv[1], &counts, &error))
    return fail_error (error);

  g_print (_("Exported %u organizations, %u members, %u plans, %u meetings, "
             "%u research topics to %s\n"),
           counts.organizations, counts.members, counts.plans, counts.meetings,
           counts.research_topics, call->argv[1]);

  return SL_CLI_EXIT_OK;
}

/* export DOCUMENT ... --------------------------------------------------------- */

/* An id typed on the command line, as the ledger stores it: in lower case
 * (ARCHIVE.md), unless the ledger holds it as typed, which an older import
 * of an upper-case archive may have stored. */
static char *
canonical_id (SlLedger   *ledger,
              GType       type,
              const char *id)
{
  g_autofree char *lower = sl_archive_canonical_id (id);

  if (id != NULL && !sl_ledger_contains (ledger, type, lower) &&
      sl_ledger_contains (ledger, type, id))
    return g_strdup (id);

  return g_steal_pointer (&lower);
}

static const char * const documents[] = {
  "first-topic-ledger", "central-group-ledger", "meetings-ledger", "plan",
  "attendance", "measures", "annual-report", "minutes", "sign-in", "plan-progress",
  "session-plan", "topics", "talks", "member-card", NULL
};

static int
command_export (SlCliCall *call)
{
  g_autofree char *year = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *names = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *meeting_id = NULL;
  g_autofree char *member = NULL;
  g_autofree char *member_id = NULL;
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  SlDocumentRequest request = { 0 };
  SlDocumentFormat document_format;
  SlDocumentKind kind;
  const char *document;
  int status;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_FILENAME, &year, N_("The year of the document"), N_("YYYY") },
    { "organization", 0, 0, G_OPTION_ARG_FILENAME, &organization,
      N_("Only this organization"), N_("NAME") },
    { "format", 0, 0, G_OPTION_ARG_FILENAME, &format, N_("xlsx or pdf"), N_("FORMAT") },
    { "meeting", 0, 0, G_OPTION_ARG_FILENAME, &meeting,
      N_("The meeting, for minutes, sign-in and session-plan"), N_("ID") },
    { "member", 0, 0, G_OPTION_ARG_FILENAME, &member,
      N_("The member, for member-card"), N_("ID") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { NULL }
  };

  /* The year's binder has options and formats of its own (sl-cli-binder.c). */
  for (int i = 1; i < call->argc; i++)
    if (g_strcmp0 (call->argv[i], "inspection-package") == 0)
      return sl_cli_command_export_binder (call);

  if (!parse_options (call, _("DOCUMENT"),
                      _("Writes a ledger, plan, report, record or sign-in sheet as a spreadsheet "
                        "or a PDF. DOCUMENT is one of first-topic-ledger, central-group-ledger, "
                        "meetings-ledger, plan, attendance, measures, annual-report, minutes, "
                        "sign-in, plan-progress, session-plan, topics, talks, member-card."),
                      entries, &status))
    return status;

  names = g_strjoinv (", ", (char **) documents);
  if (call->argc != 2 || !sl_document_kind_from_code (call->argv[1], &kind))
    return usage ("export", _("name one DOCUMENT: %s"), names);
  document = call->argv[1];

  if (output == NULL)
    return usage ("export", _("--output FILE is required"));

  if (sl_document_kind_is_per_meeting (kind))
    {
      if (meeting == NULL)
        return usage ("export", _("export %s needs --meeting ID"), document);
      if (year != NULL || organization != NULL)
        return usage ("export", _("export %s is made for one meeting: give --meeting ID, "
                                  "not --year or --organization"), document);
    }
  else if (sl_document_kind_is_per_member (kind))
    {
      if (meeting != NULL)
        return usage ("export", _("export %s is made for one member's year: give --member ID "
                                  "and --year YYYY, not --meeting"), document);
      if (member == NULL)
        return usage ("export", _("export %s needs --member ID (the member's id, as "
                                  "export-archive lists it)"), document);
      if (!parse_year ("export", year, &request.year, &status))
        return status;
    }
  else
    {
      if (meeting != NULL)
        return usage ("export", _("--meeting is for minutes, sign-in and session-plan; "
                                  "export %s takes --year YYYY"),
                      document);
      if (!parse_year ("export", year, &request.year, &status))
        return status;
    }
  if (member != NULL && !sl_document_kind_is_per_member (kind))
    return usage ("export", _("--member is for member-card; export %s does not take it"), document);

  /* Without --format, the output's extension says it. */
  lower = g_ascii_strdown (output, -1);
  if (format != NULL)
    {
      if (!sl_document_format_from_code (format, &document_format))
        return usage ("export", _("--format: “%s” is neither xlsx nor pdf"), format);
    }
  else if (g_str_has_suffix (lower, ".xlsx"))
    document_format = SL_DOCUMENT_FORMAT_XLSX;
  else if (g_str_has_suffix (lower, ".pdf"))
    document_format = SL_DOCUMENT_FORMAT_PDF;
  else
    return usage ("export", _("--format xlsx|pdf is required when the output does not end "
                              "in .xlsx or .pdf"));

  if (!sl_document_kind_has_format (kind, document_format))
    return usage ("export", _("export %s writes %s only, not %s"), document,
                  sl_document_kind_has_format (kind, SL_DOCUMENT_FORMAT_XLSX) ? "xlsx, pdf" : "pdf",
                  sl_document_format_to_code (document_format));

  if (!(ledger = open_ledger (call, &error)) ||
      !check_output (ledger, output, &error))
    return fail_error (error);

  if (organization != NULL)
    {
      SlOrganization *found = find_organization (ledger, organization, &error);
      if (found == NULL)
        return fail_error (error);
      request.organization = sl_record_get_id (SL_RECORD (found));
    }

  request.kind = kind;
  request.meeting = meeting_id = canonical_id (ledger, SL_TYPE_MEETING, meeting);
  request.member = member_id = canonical_id (ledger, SL_TYPE_MEMBER, member);
  if (!sl_document_export (ledger, &request, document_format, output, &error))
    return fail_error (error);

  /* The fonts that stood in for the standard's, once, beside the result. */
  {
    g_autofree char *note = sl_document_take_note ();
    /* A line each: characters no font has, the fonts that stood in. */
    g_auto(GStrv) lines = g_strsplit (note != NULL ? note : "", "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      g_printerr ("study-ledger: %s\n", lines[i]);
  }
  g_print (_("Wrote %s\n"), output);
  return SL_CLI_EXIT_OK;
}

/* For the commands of sl-cli-evidence.c: a ledger that must be there,
 * read-only to read, or checked and backed up for the day to write. */
static SlLedger *
open_ledger_for (SlCliCall  *call,
                 gboolean    write,
                 GError    **error)
{
  g_autoptr(SlLedger) ledger = NULL;

  if (!write)
    return open_ledger (call, error);

  if (!(ledger = open_ledger_to_try (call, error)) || !prepare_to_write (ledger, error))
    return NULL;

  return g_steal_pointer (&ledger);
}

static const SlCliHelpers helpers = {
  parse_options, open_ledger_for, usage, fail_error, canonical_id, print_json,
  parse_year, find_organization,
};
const SlCliHelpers *sl_cli_helpers = &helpers;

static const struct
{
  const char   *name;
  SlCliCommand  run;
  const char   *synopsis;
} commands[] = {
  { "import-roster",  command_import_roster,  "import-roster FILE.csv [--organization NAME]" },
  { "import-archive", command_import_archive, "import-archive FILE.json [--merge [--dry-run] [--reason TEXT]]" },
  { "export-archive", command_export_archive, "export-archive FILE.json" },
  { "export",         command_export,
    "export DOCUMENT --year YYYY [--organization NAME] --format xlsx|pdf --output FILE\n"
    "  export minutes --meeting ID --output FILE.pdf\n"
    "  export sign-in --meeting ID --output FILE.pdf\n"
    "  export session-plan --meeting ID --output FILE.pdf\n"
    "  export member-card --member ID --year YYYY --output FILE.pdf\n"
    "  export inspection-package --year YYYY [--organization NAME] --format pdf|zip --output FILE" },
  { "stats",          sl_cli_command_stats,          "stats --year YYYY [--organization NAME] [--json]" },
  { "search",         sl_cli_command_search,         "search TEXT [--json] [--limit N | --all]" },
  { "backup",         sl_cli_command_backup,         "backup --output FILE" },
  { "restore",        sl_cli_command_restore,        "restore FILE" },
  { "check",          sl_cli_command_check,          "check" },
  { "finalize",       sl_cli_command_finalize, "finalize --meeting ID [--by NAME]" },
  { "history",        sl_cli_command_history, "history --meeting ID [--json]" },
  { "attach",         sl_cli_command_attach,  "attach --meeting ID --kind KIND [--measure ID] [--reason TEXT] FILE" },
  { "attachments",    sl_cli_command_attachments, "attachments --meeting ID [--json]" },
  { "detach",         sl_cli_command_detach,  "detach --attachment ID [--reason TEXT]" },
  { "lock-year",      sl_cli_command_lock_year, "lock-year YYYY [--organization NAME]" },
  { "unlock-year",    sl_cli_command_unlock_year, "unlock-year YYYY [--organization NAME] --reason TEXT" },
};

static void
print_help (void)
{
  g_print ("%s\n", _("Usage:"));
  g_print ("  study-ledger [--database FILE]                %s\n", _("open the window"));
  g_print ("  study-ledger [--database FILE] COMMAND ...\n\n");
  g_print ("%s\n", _("Commands (no display needed):"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %s\n", commands[i].synopsis);
  g_print ("\n%s\n", _("DOCUMENT is one of first-topic-ledger, central-group-ledger, meetings-ledger, "
                       "plan, plan-progress, attendance, measures, annual-report, topics, talks."));
  g_print ("%s\n", _("Every ID is the record's id (a UUID), as in the archive."));
  g_print ("%s\n", _("--database FILE picks the ledger; the default is "
                     "$XDG_DATA_HOME/study-ledger/ledger.db."));
  g_print ("%s\n", _("“study-ledger COMMAND --help” describes a command and its options."));
}

void
sl_cli_init_process (void)
{
  /* glibc gives the top of the heap back to the kernel whenever more than
   * 128 KiB is free there; SQLite allocates and frees about that much for
   * each temporary b-tree (the schema's CHECK ... IN lists build one per
   * row written), so every row of an import paid a brk() and a TLB flush:
   * three quarters of the CPU time of a ten-year import (docs/performance.md).
   *
   * Setting one threshold stops glibc from raising the other as it goes:
   * the mmap threshold stayed at 128 KiB, so every large buffer (a font's
   * CFF table that cairo copies to subset it, a page's content stream, a
   * spreadsheet's XML) was a fresh mmap(), page-faulted in and unmapped
   * again; a PDF export spent a third of its time in those faults. 32 MiB
   * is where glibc's own sliding threshold stops. */
  mallopt (M_TRIM_THRESHOLD, 32 * 1024 * 1024);
  mallopt (M_MMAP_THRESHOLD, 32 * 1024 * 1024);

  /* A file-size limit (ulimit -f) should be a write that fails with EFBIG,
   * which the command reports as a full disk and cleans up after, not a
   * signal that kills it halfway without a word. */
  signal (SIGXFSZ, SIG_IGN);

  /* SQLite's locks held by this process, not by whichever descriptor GIO
   * closes next: before any ledger is opened (sl-locking.c). */
  sl_locking_install ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

gboolean
sl_cli_split_arguments (int          argc,
                        char       **argv,
                        char       **database,
                        int         *command_index,
                        GError     **error)
{
  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (command_index != NULL, FALSE);

  *command_index = 0;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--database"))
        {
          if (i + 1 >= argc)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--database needs a FILE"));
              return FALSE;
            }
          g_free (*database);
          *database = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (arg, "--database="))
        {
          g_free (*database);
          *database = g_strdup (arg + strlen ("--database="));
        }
      else if (arg[0] != '-' || g_str_equal (arg, "--help") || g_str_equal (arg, "-h") ||
               g_str_equal (arg, "--version"))
        {
          *command_index = i;
          return TRUE;
        }
      else
        {
          /* Options of the window itself (GApplication's) are passed over. */
          continue;
        }
    }

  return TRUE;
}

/* GLib converts printed text to the locale's character set, which turns
 * every Chinese character into '?' under LANG=C. Names and file names
 * must survive any terminal or pipe: write UTF-8 as it is. */
static void
print_utf8 (const char *text)
{
  fputs (text, stdout);
  fflush (stdout);
}

static void
printerr_utf8 (const char *text)
{
  fputs (text, stderr);
}

int
sl_cli_run (const char  *database,
            int          argc,
            char       **argv)
{
  SlCliCall call = { database, argc, argv };
  int status;

  g_return_val_if_fail (argc > 0, SL_CLI_EXIT_USAGE);

  g_set_print_handler (print_utf8);
  g_set_printerr_handler (printerr_utf8);
  /* A command stopped halfway (Ctrl-C, kill) leaves no half-written
   * output behind (sl-temporary-files.c); the window's process has its
   * own way of ending. */
  sl_temporary_files_install_signal_handlers ();

  if (g_str_equal (argv[0], "--help") || g_str_equal (argv[0], "-h") ||
      g_str_equal (argv[0], "help"))
    {
      print_help ();
      return SL_CLI_EXIT_OK;
    }

  if (g_str_equal (argv[0], "--version"))
    {
      g_print ("study-ledger %s\n", PACKAGE_VERSION);
      return SL_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[0], commands[i].name))
      {
        status = commands[i].run (&call);
        return status;
      }

  g_printerr (_("study-ledger: “%s” is not a command (see “study-ledger --help”)\n"), argv[0]);
  return SL_CLI_EXIT_USAGE;
}
