/* sl-cli-evidence.c — the commands for records that stand as evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * finalize, history, attach, attachments, detach, lock-year and
 * unlock-year: parse the options, call sl-evidence.c or sl-attachments.c,
 * report. The helpers they share with the other commands are sl-cli.c's.
 */

#define G_LOG_DOMAIN "sl-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "sl-attachments.h"
#include "sl-cli.h"
#include "sl-cli-private.h"
#include "sl-evidence.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-organization.h"

#define H (sl_cli_helpers)

/* The meeting named by --meeting, loaded with its rows. */
static SlMeeting *
load_meeting (SlLedger    *ledger,
              const char  *id,
              GError     **error)
{
  g_autofree char *canonical = H->canonical_id (ledger, SL_TYPE_MEETING, id);
  return sl_ledger_load_meeting (ledger, canonical, error);
}

/* What the commands on one meeting start with: no argument after the
 * options, --meeting given, the ledger opened (for writing when @for_writing)
 * and the meeting loaded. FALSE with the exit status in @status. */
static gboolean
open_meeting (SlCliCall   *call,
              const char  *command,
              const char  *meeting_id,
              gboolean     for_writing,
              SlLedger   **ledger,
              SlMeeting  **meeting,
              int         *status)
{
  g_autoptr(GError) error = NULL;

  if (call->argc != 1)
    *status = H->usage (command, _("unexpected argument “%s”"), call->argv[1]);
  else if (meeting_id == NULL)
    *status = H->usage (command, _("--meeting ID is required"));
  else if (!(*ledger = H->open_ledger (call, for_writing, &error)) ||
           !(*meeting = load_meeting (*ledger, meeting_id, &error)))
    *status = H->fail_error (error);
  else
    return TRUE;

  return FALSE;
}

/* finalize --meeting ID [--by NAME] ------------------------------------------------ */

int
sl_cli_command_finalize (SlCliCall *call)
{
  g_autofree char *meeting_id = NULL;
  g_autofree char *by = NULL;
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(SlFinal) final = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_FILENAME, &meeting_id, N_("The meeting to finalise"), N_("ID") },
    { "by", 0, 0, G_OPTION_ARG_FILENAME, &by, N_("Who finalises it (default: the name last given to finalize, else the account's)"), N_("NAME") },
    { NULL }
  };

  if (!H->parse_options (call, NULL,
                         _("Finalises a meeting (定稿): records when, by whom, and the SHA-256 of "
                           "its content. Every later change needs a reason and is kept in its history."),
                         entries, &status))
    return status;

  if (!open_meeting (call, "finalize", meeting_id, TRUE, &ledger, &meeting, &status))
    return status;

  if (!sl_evidence_finalize (ledger, sl_record_get_id (SL_RECORD (meeting)), by, &final, &error))
    return H->fail_error (error);

  g_print (_("Finalised the meeting %s at %s by %s; its hash is %s\n"),
           sl_record_get_id (SL_RECORD (meeting)), final->finalized_at,
           final->finalized_by ? final->finalized_by : "-", final->hash);
  return SL_CLI_EXIT_OK;
}

/* history --meeting ID [--json] ------------------------------------------------------ */

static void
add_text (JsonBuilder *builder,
          const char  *key,
          const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

int
sl_cli_command_history (SlCliCall *call)
{
  g_autofree char *meeting_id = NULL;
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  int status;
  GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_FILENAME, &meeting_id, N_("The meeting"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of revisions"), NULL },
    { NULL }
  };

  if (!H->parse_options (call, NULL,
                         _("Lists the revisions of a final meeting, oldest first: when, by whom, "
                           "why, and the hash of the content before the change."),
                         entries, &status))
    return status;

  if (!open_meeting (call, "history", meeting_id, FALSE, &ledger, &meeting, &status))
    return status;

  if (!(revisions = sl_evidence_load_revisions (ledger, sl_record_get_key (SL_RECORD (meeting)), &error)))
    return H->fail_error (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < revisions->len; i++)
        {
          SlRevision *revision = g_ptr_array_index (revisions, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "revision");
          json_builder_add_int_value (builder, revision->revision);
          add_text (builder, "at", revision->at);
          add_text (builder, "by", revision->by);
          add_text (builder, "reason", revision->reason);
          add_text (builder, "hash", revision->hash);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      H->print_json (root);
      return SL_CLI_EXIT_OK;
    }

  if (revisions->len == 0)
    g_print (_("The meeting %s has no revisions\n"), sl_record_get_id (SL_RECORD (meeting)));
  for (guint i = 0; i < revisions->len; i++)
    {
      SlRevision *revision = g_ptr_array_index (revisions, i);

      g_print (_("Revision %d, %s, by %s: %s (content before: %s)\n"),
               revision->revision, revision->at, revision->by ? revision->by : "-",
               revision->reason, revision->hash);
    }

  return SL_CLI_EXIT_OK;
}

/* attach --meeting ID --kind KIND [--reason TEXT] FILE ------------------------------ */

int
sl_cli_command_attach (SlCliCall *call)
{
  g_autofree char *meeting_id = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *by = NULL;
  g_autofree char *measure = NULL;
  g_autofree char *measure_id = NULL;
  g_autofree char *canonical = NULL;
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(SlAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_FILENAME, &meeting_id, N_("The meeting"), N_("ID") },
    { "kind", 0, 0, G_OPTION_ARG_FILENAME, &kind,
      N_("signed_sheet, photo, material, speech, minutes or other"), N_("KIND") },
    { "reason", 0, 0, G_OPTION_ARG_FILENAME, &reason,
      N_("Why a final meeting changes (required for one)"), N_("TEXT") },
    { "by", 0, 0, G_OPTION_ARG_FILENAME, &by, N_("Who changes it (default: the name last given to finalize, else the account's)"), N_("NAME") },
    { "measure", 0, 0, G_OPTION_ARG_FILENAME, &measure,
      N_("The measure of the meeting it belongs to"), N_("ID") },
    { NULL }
  };

  if (!H->parse_options (call, _("FILE"),
                         _("Keeps a file (a signed sheet, a photo, a speech's text...) inside the "
                           "ledger with a meeting, up to 50 MB, and prints its id."),
                         entries, &status))
    return status;

  if (call->argc != 2)
    return H->usage ("attach", _("name one FILE"));
  if (meeting_id == NULL)
    return H->usage ("attach", _("--meeting ID is required"));
  if (kind == NULL)
    return H->usage ("attach", _("--kind KIND is required: one of %s"), sl_attachment_kind_list ());
  if (!sl_attachment_kind_is_valid (kind))
    return H->usage ("attach", _("--kind: “%s” is not a kind of attachment; use one of %s"),
                     kind, sl_attachment_kind_list ());

  if (!(ledger = H->open_ledger (call, TRUE, &error)))
    return H->fail_error (error);

  canonical = H->canonical_id (ledger, SL_TYPE_MEETING, meeting_id);
  if (measure != NULL)
    measure_id = g_ascii_strdown (measure, -1);
  if (!(attachment = sl_attachments_add_file (ledger, canonical, kind, measure_id, call->argv[1],
                                              by, reason, &error)))
    return H->fail_error (error);

  g_print ("%s\n", sl_record_get_id (SL_RECORD (attachment)));
  return SL_CLI_EXIT_OK;
}

/* attachments --meeting ID [--json] ------------------------------------------------- */

int
sl_cli_command_attachments (SlCliCall *call)
{
  g_autofree char *meeting_id = NULL;
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  int status;
  GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_FILENAME, &meeting_id, N_("The meeting"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of attachments"), NULL },
    { NULL }
  };

  if (!H->parse_options (call, NULL, _("Lists the files kept with a meeting."), entries, &status))
    return status;

  if (!open_meeting (call, "attachments", meeting_id, FALSE, &ledger, &meeting, &status))
    return status;

  if (!(attachments = sl_attachments_load (ledger, sl_record_get_key (SL_RECORD (meeting)), &error)))
    return H->fail_error (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < attachments->len; i++)
        {
          SlAttachment *attachment = g_ptr_array_index (attachments, i);

          json_builder_begin_object (builder);
          add_text (builder, "id", sl_record_get_id (SL_RECORD (attachment)));
          add_text (builder, "kind", sl_attachment_get_kind (attachment));
          add_text (builder, "name", sl_attachment_get_name (attachment));
          add_text (builder, "media_type", sl_attachment_get_media_type (attachment));
          json_builder_set_member_name (builder, "size");
          json_builder_add_int_value (builder, sl_attachment_get_size (attachment));
          add_text (builder, "sha256", sl_attachment_get_sha256 (attachment));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      H->print_json (root);
      return SL_CLI_EXIT_OK;
    }

  if (attachments->len == 0)
    g_print (_("The meeting %s has no attachments\n"), sl_record_get_id (SL_RECORD (meeting)));
  for (guint i = 0; i < attachments->len; i++)
    {
      SlAttachment *attachment = g_ptr_array_index (attachments, i);

      g_print ("%s\t%s\t%s\t%s\t%" G_GINT64_FORMAT "\t%s\n",
               sl_record_get_id (SL_RECORD (attachment)), sl_attachment_get_kind (attachment),
               sl_attachment_get_name (attachment),
               sl_attachment_get_media_type (attachment) ? sl_attachment_get_media_type (attachment) : "-",
               sl_attachment_get_size (attachment), sl_attachment_get_sha256 (attachment));
    }

  return SL_CLI_EXIT_OK;
}

/* detach --attachment ID [--reason TEXT] --------------------------------------------- */

int
sl_cli_command_detach (SlCliCall *call)
{
  g_autofree char *id = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *by = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  GOptionEntry entries[] = {
    { "attachment", 0, 0, G_OPTION_ARG_FILENAME, &id, N_("The attachment to remove"), N_("ID") },
    { "reason", 0, 0, G_OPTION_ARG_FILENAME, &reason,
      N_("Why a final meeting changes (required for one)"), N_("TEXT") },
    { "by", 0, 0, G_OPTION_ARG_FILENAME, &by, N_("Who changes it (default: the name last given to finalize, else the account's)"), N_("NAME") },
    { NULL }
  };

  if (!H->parse_options (call, NULL, _("Removes a file kept with a meeting."), entries, &status))
    return status;

  if (call->argc != 1)
    return H->usage ("detach", _("unexpected argument “%s”"), call->argv[1]);
  if (id == NULL)
    return H->usage ("detach", _("--attachment ID is required"));

  lower = g_ascii_strdown (id, -1);
  if (!(ledger = H->open_ledger (call, TRUE, &error)) ||
      !sl_attachments_remove (ledger, lower, by, reason, &error))
    return H->fail_error (error);

  g_print (_("Removed the attachment %s\n"), lower);
  return SL_CLI_EXIT_OK;
}

/* lock-year / unlock-year YYYY [--organization NAME] ---------------------------------- */

/* The organization a year lock is for: the one named, or the ledger's
 * only top-level organization. */
static SlOrganization *
lock_organization (SlLedger    *ledger,
                   const char  *command,
                   const char  *name,
                   int         *status,
                   GError     **error)
{
  GListModel *organizations = sl_ledger_get_organizations (ledger);
  g_autoptr(GString) names = g_string_new (NULL);
  SlOrganization *top = NULL;
  guint n_top = 0;

  if (name != NULL)
    {
      SlOrganization *found = sl_ledger_find_organization_by_name (ledger, name);

      for (guint i = 0; found == NULL && i < g_list_model_get_n_items (organizations); i++)
        {
          g_autoptr(SlOrganization) each = g_list_model_get_item (organizations, i);
          g_string_append_printf (names, "%s%s", i ? "、" : "", sl_organization_get_name (each));
        }
      if (found == NULL)
        {
          g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_NOT_FOUND,
                       _("--organization: no organization is named “%s”; the ledger has: %s"),
                       name, names->len ? names->str : _("none"));
          *status = SL_CLI_EXIT_FAILURE;
        }
      return found;
    }

  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(SlOrganization) each = g_list_model_get_item (organizations, i);

      if (sl_organization_get_parent (each) == NULL)
        {
          g_string_append_printf (names, "%s%s", n_top ? "、" : "", sl_organization_get_name (each));
          top = each;
          n_top++;
        }
    }

  if (n_top == 1)
    return top;   /* the ledger's store holds it */

  *status = H->usage (command, _("the ledger has %u top-level organizations (%s): "
                                 "name one with --organization NAME"),
                      n_top, names->len ? names->str : _("none"));
  return NULL;
}

static gboolean
parse_year_argument (const char  *command,
                     SlCliCall   *call,
                     int         *year,
                     int         *status)
{
  gint64 value;
  char *end = NULL;

  if (call->argc != 2)
    {
      *status = H->usage (command, _("name one year, YYYY"));
      return FALSE;
    }

  value = g_ascii_strtoll (call->argv[1], &end, 10);
  if (end == call->argv[1] || *end != '\0' || value < 1000 || value > 9999)
    {
      *status = H->usage (command, _("“%s” is not a year; write it as 2023"), call->argv[1]);
      return FALSE;
    }

  *year = (int) value;
  return TRUE;
}

int
sl_cli_command_lock_year (SlCliCall *call)
{
  g_autofree char *organization = NULL;
  g_autofree char *by = NULL;
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  SlOrganization *found;
  int status = SL_CLI_EXIT_FAILURE;
  int year;
  GOptionEntry entries[] = {
    { "organization", 0, 0, G_OPTION_ARG_FILENAME, &organization,
      N_("The organization (default: the ledger's only top-level one)"), N_("NAME") },
    { "by", 0, 0, G_OPTION_ARG_FILENAME, &by, N_("Who locks it (default: the name last given to finalize, else the account's)"), N_("NAME") },
    { NULL }
  };

  if (!H->parse_options (call, _("YYYY"),
                         _("Locks a year: its meetings, plan and research topics can no longer be "
                           "changed (the progress of measures still can), until unlock-year."),
                         entries, &status) ||
      !parse_year_argument ("lock-year", call, &year, &status))
    return status;

  if (!(ledger = H->open_ledger (call, TRUE, &error)))
    return H->fail_error (error);
  if (!(found = lock_organization (ledger, "lock-year", organization, &status, &error)))
    return error ? H->fail_error (error) : status;

  if (!sl_evidence_lock_year (ledger, sl_record_get_id (SL_RECORD (found)), year, by, &error))
    return H->fail_error (error);

  g_print (_("Locked %d for %s\n"), year, sl_organization_get_name (found));
  return SL_CLI_EXIT_OK;
}

int
sl_cli_command_unlock_year (SlCliCall *call)
{
  g_autofree char *organization = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  SlOrganization *found;
  int status = SL_CLI_EXIT_FAILURE;
  int year;
  GOptionEntry entries[] = {
    { "organization", 0, 0, G_OPTION_ARG_FILENAME, &organization,
      N_("The organization (default: the ledger's only top-level one)"), N_("NAME") },
    { "reason", 0, 0, G_OPTION_ARG_FILENAME, &reason, N_("Why the year is unlocked (required)"),
      N_("TEXT") },
    { NULL }
  };

  if (!H->parse_options (call, _("YYYY"),
                         _("Unlocks a locked year; the reason is kept in the lock's history."),
                         entries, &status) ||
      !parse_year_argument ("unlock-year", call, &year, &status))
    return status;

  if (reason == NULL || *g_strstrip (reason) == '\0')
    return H->usage ("unlock-year", _("--reason TEXT is required: say why the year is unlocked"));

  if (!(ledger = H->open_ledger (call, TRUE, &error)))
    return H->fail_error (error);
  if (!(found = lock_organization (ledger, "unlock-year", organization, &status, &error)))
    return error ? H->fail_error (error) : status;

  if (!sl_evidence_unlock_year (ledger, sl_record_get_id (SL_RECORD (found)), year, reason, &error))
    return H->fail_error (error);

  g_print (_("Unlocked %d for %s\n"), year, sl_organization_get_name (found));
  return SL_CLI_EXIT_OK;
}

/* check --------------------------------------------------------------------------------- */

/* The hashes of final meetings, the revision chains and the attachments'
 * SHA-256, for `check`. */
gboolean
sl_cli_check_evidence (SlLedger   *ledger,
                       GPtrArray  *problems,
                       GError    **error)
{
  return sl_evidence_verify (ledger, problems, error);
}
