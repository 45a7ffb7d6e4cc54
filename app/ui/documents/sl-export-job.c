/* sl-export-job.c — exporting one document to a file on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An export reads a whole year of records and writes a workbook or a PDF,
 * which can take a second; the window keeps drawing meanwhile. The job
 * copies its inputs and runs sl_document_export() on a GTask thread with
 * its own connection to the ledger file (a SQLite connection belongs to
 * the thread that uses it), refusing a target that is the ledger or one
 * of its backups (sl_database_check_output_path()).
 *
 * Below the job, the path the dialog and the window's actions take: a file
 * chooser, the job, then a toast (sl_ui_add_toast(), which finds the
 * window's toast overlay without knowing the window) whose button opens
 * the file.
 */

#define G_LOG_DOMAIN "sl-export-job"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sl-export-job.h"
#include "sl-ledger.h"
#include "sl-ledger-paths.h"
#include "sl-ui-util.h"

struct _SlExportJob
{
  GObject           parent_instance;

  /* owned references: copies of the request, so that nothing the thread
   * reads is shared with the main loop */
  SlDocumentKind    kind;
  int               year;
  char             *organization;
  char             *meeting;
  char             *member;
  char             *today;
  SlDocumentFormat  format;
  char             *database_path;
  char             *path;

  /* written by the thread, read after it finished */
  char             *note;
};

G_DEFINE_FINAL_TYPE (SlExportJob, sl_export_job, G_TYPE_OBJECT)

const char *
sl_document_kind_get_label (SlDocumentKind kind)
{
  switch (kind)
    {
    case SL_DOCUMENT_FIRST_TOPIC_LEDGER:   return _("First-Topic Study Ledger");
    case SL_DOCUMENT_CENTRAL_GROUP_LEDGER: return _("Central Group Study Ledger");
    case SL_DOCUMENT_MEETINGS_LEDGER:      return _("Meetings Ledger");
    case SL_DOCUMENT_PLAN:                 return _("Annual Study Plan");
    case SL_DOCUMENT_ATTENDANCE:           return _("Attendance Statistics");
    case SL_DOCUMENT_MEASURES:             return _("Measures Tracking Sheet");
    case SL_DOCUMENT_ANNUAL_REPORT:        return _("Annual Study Report");
    case SL_DOCUMENT_MINUTES:              return _("Meeting Minutes");
    case SL_DOCUMENT_SIGN_IN:              return _("Sign-In Sheet");
    case SL_DOCUMENT_PLAN_PROGRESS:        return _("Study Plan Progress");
    case SL_DOCUMENT_SESSION_PLAN:         return _("Session Study Plan");
    case SL_DOCUMENT_TOPICS:               return _("Topic Pool Ledger");
    case SL_DOCUMENT_TALKS:                return _("Heart-to-Heart Talks Ledger");
    case SL_DOCUMENT_MEMBER_CARD:          return _("Personal Study Record");
    default:                               g_return_val_if_reached (NULL);
    }
}

static void
sl_export_job_finalize (GObject *object)
{
  SlExportJob *self = SL_EXPORT_JOB (object);

  g_free (self->organization);
  g_free (self->meeting);
  g_free (self->member);
  g_free (self->today);
  g_free (self->database_path);
  g_free (self->path);
  g_free (self->note);

  G_OBJECT_CLASS (sl_export_job_parent_class)->finalize (object);
}

static void
sl_export_job_class_init (SlExportJobClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_export_job_finalize;
}

static void
sl_export_job_init (SlExportJob *self)
{
}

/**
 * sl_export_job_new:
 * @database_path: the ledger file
 * @request: what to export; copied
 * @format: the file's format
 * @path: (nullable): where to write it; %NULL until the file is chosen
 */
SlExportJob *
sl_export_job_new (const char              *database_path,
                   const SlDocumentRequest *request,
                   SlDocumentFormat         format,
                   const char              *path)
{
  SlExportJob *self;

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (request != NULL, NULL);

  self = g_object_new (SL_TYPE_EXPORT_JOB, NULL);
  self->kind = request->kind;
  self->year = request->year;
  self->organization = g_strdup (request->organization);
  self->meeting = g_strdup (request->meeting);
  self->member = g_strdup (request->member);
  self->today = g_strdup (request->today);
  self->format = format;
  self->database_path = g_strdup (database_path);
  self->path = g_strdup (path);
  return self;
}

const char *
sl_export_job_get_path (SlExportJob *self)
{
  g_return_val_if_fail (SL_IS_EXPORT_JOB (self), NULL);
  return self->path;
}

static SlDocumentRequest
job_request (SlExportJob *self)
{
  return (SlDocumentRequest) {
    .kind = self->kind,
    .year = self->year,
    .organization = self->organization,
    .meeting = self->meeting,
    .member = self->member,
    .today = self->today,
  };
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SlExportJob *self = source_object;
  g_autoptr(SlLedger) ledger = NULL;
  SlDocumentRequest request = job_request (self);
  GError *error = NULL;

  /* A connection belongs to the thread that uses it: this one's own. */
  ledger = sl_ledger_open (self->database_path, &error);
  if (ledger == NULL ||
      !sl_database_check_output_path (self->database_path, self->path, &error) ||
      !sl_document_export (ledger, &request, self->format, self->path, &error))
    g_task_return_error (task, error);
  else
    {
      /* The note is this thread's: the export ran here. */
      self->note = sl_document_take_note ();
      g_task_return_boolean (task, TRUE);
    }
}

/**
 * sl_export_job_get_note:
 *
 * Returns: (nullable): what the finished export had to say besides its
 *   file (the fonts that stood in for the standard's), or %NULL.
 */
const char *
sl_export_job_get_note (SlExportJob *self)
{
  g_return_val_if_fail (SL_IS_EXPORT_JOB (self), NULL);
  return self->note;
}

/* The job's fields are not changed once it runs; the thread only reads
 * them. */
void
sl_export_job_run_async (SlExportJob         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SL_IS_EXPORT_JOB (self));
  g_return_if_fail (self->path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_export_job_run_async);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, export_thread);
}

gboolean
sl_export_job_run_finish (SlExportJob   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (SL_IS_EXPORT_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* On a widget ----------------------------------------------------------- */

static gboolean
owner_gone (GtkWidget *owner)
{
  return owner == NULL || gtk_widget_get_root (owner) == NULL ||
         gtk_widget_in_destruction (owner);
}

static void
file_exported_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!sl_export_job_run_finish (SL_EXPORT_JOB (source), result, &error))
    g_task_return_error (task, error);
  else
    {
      g_task_set_task_data (task, g_strdup (sl_export_job_get_note (SL_EXPORT_JOB (source))),
                            g_free);
      g_task_return_boolean (task, TRUE);
    }
}

void
sl_document_export_file_async (GtkWidget               *owner,
                               const char              *database_path,
                               const SlDocumentRequest *request,
                               SlDocumentFormat         format,
                               const char              *path,
                               GCancellable            *cancellable,
                               GAsyncReadyCallback      callback,
                               gpointer                 user_data)
{
  g_autoptr(SlExportJob) job = NULL;
  GTask *task;

  g_return_if_fail (owner == NULL || GTK_IS_WIDGET (owner));
  g_return_if_fail (database_path != NULL);
  g_return_if_fail (request != NULL);
  g_return_if_fail (path != NULL);

  task = g_task_new (owner, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_document_export_file_async);

  job = sl_export_job_new (database_path, request, format, path);
  sl_export_job_run_async (job, cancellable, file_exported_cb, task);
}

gboolean
sl_document_export_file_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* After a successful export: the fonts that stood in, or NULL. */
const char *
sl_document_export_file_get_note (GAsyncResult *result)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_get_task_data (G_TASK (result));
}

static void
open_file_cb (AdwToast *toast,
              gpointer  user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "sl-uri");
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    g_warning ("Cannot open %s: %s", uri, error->message);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GtkWidget *owner = GTK_WIDGET (source);
  g_autofree char *path = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  AdwToast *toast;

  if (!sl_document_export_file_finish (result, &error))
    {
      if (!owner_gone (owner))
        sl_ui_show_error (owner, _("The Document Was Not Exported"), error);
      return;
    }

  if (owner_gone (owner))
    return;

  name = g_path_get_basename (path);
  toast = sl_ui_toast_new_printf (_("Exported %s"), name);
  /* Translators: the button of the toast after an export, which opens
   * the file. */
  adw_toast_set_button_label (toast, C_("toast", "Open"));
  g_object_set_data_full (G_OBJECT (toast), "sl-uri", g_filename_to_uri (path, NULL, NULL), g_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (open_file_cb), NULL);
  sl_ui_add_toast (owner, toast);

  /* Which characters no font has and which fonts stood in for the
   * standard's, once, after the result: a toast a line. */
  if (sl_document_export_file_get_note (result) != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (sl_document_export_file_get_note (result), "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          toast = sl_ui_toast_new_printf ("%s", lines[i]);
          adw_toast_set_timeout (toast, 10);
          sl_ui_add_toast (owner, toast);
        }
    }
}

/**
 * sl_document_meeting_file_name:
 *
 * The file name a document of one meeting is offered: its date, its title
 * and the document's name, "2023-03-29-第2次集体学习-会议记录.pdf", so that
 * the minutes of one meeting do not overwrite another's. Characters that
 * Windows or a USB stick's FAT refuse become "_", and a long title is cut
 * at a character, never inside one.
 */
char *
sl_document_meeting_file_name (const char       *date,
                               const char       *title,
                               SlDocumentKind    kind,
                               SlDocumentFormat  format)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *short_title = NULL;

  if (date != NULL && *date != '\0')
    g_string_append_printf (name, "%s-", date);
  if (title != NULL && *title != '\0')
    {
      /* 60 characters keep the whole name under 255 bytes. */
      short_title = g_utf8_substring (title, 0, MIN (g_utf8_strlen (title, -1), 60));
      g_string_append_printf (name, "%s-", short_title);
    }
  g_string_append (name, sl_document_kind_get_label (kind));

  for (char *p = name->str; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || strchr ("/\\:*?\"<>|", *p) != NULL)
      *p = '_';
  /* Windows drops trailing dots and spaces. */
  while (name->len > 0 && (name->str[name->len - 1] == '.' || name->str[name->len - 1] == ' '))
    g_string_truncate (name, name->len - 1);

  g_string_append_printf (name, ".%s", sl_document_format_to_code (format));
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static char *
suggested_name (SlExportJob *job)
{
  /* Translators: the file name a document is offered: the year and the
   * document's name; in Chinese "%d年%s". */
  g_autofree char *stem = g_strdup_printf (_("%d %s"), job->year, sl_document_kind_get_label (job->kind));

  return g_strconcat (stem, ".", sl_document_format_to_code (job->format), NULL);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  SlExportJob *job = g_object_get_data (G_OBJECT (chooser), "sl-job");
  GtkWidget *owner = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      G_GNUC_END_IGNORE_DEPRECATIONS
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL && !owner_gone (owner))
        {
          SlDocumentRequest request = job_request (job);

          sl_document_export_file_async (owner, job->database_path, &request, job->format, path,
                                         NULL, exported_cb, g_strdup (path));
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (owner);
}

void
sl_document_choose_and_export (GtkWidget               *owner,
                               const char              *database_path,
                               const SlDocumentRequest *request,
                               SlDocumentFormat         format)
{
  sl_document_choose_and_export_as (owner, database_path, request, format, NULL);
}

/* The same, offering @suggested (NULL: the year and the document's name). */
void
sl_document_choose_and_export_as (GtkWidget               *owner,
                                  const char              *database_path,
                                  const SlDocumentRequest *request,
                                  SlDocumentFormat         format,
                                  const char              *suggested)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;
  GtkRoot *root;
  SlExportJob *job;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (database_path != NULL);
  g_return_if_fail (request != NULL);

  job = sl_export_job_new (database_path, request, format, NULL);
  name = suggested != NULL ? g_strdup (suggested) : suggested_name (job);
  root = gtk_widget_get_root (owner);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = gtk_file_chooser_native_new (_("Export Document"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, format == SL_DOCUMENT_FORMAT_XLSX ? _("Excel workbooks")
                                                                      : _("PDF documents"));
  pattern = g_strconcat ("*.", sl_document_format_to_code (format), NULL);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  G_GNUC_END_IGNORE_DEPRECATIONS

  g_object_set_data_full (G_OBJECT (chooser), "sl-job", job, g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (owner));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
