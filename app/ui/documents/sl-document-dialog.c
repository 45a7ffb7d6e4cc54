/* sl-document-dialog.c — exporting and printing the ledger's documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog chooses one of a year's documents and a format; the meeting
 * editor asks for one meeting's minutes or sign-in sheet. Both end up in
 * the same two paths below:
 *
 * - export: a file chooser, then sl_document_export() on a GTask thread
 *   with its own connection to the ledger file (as sl-tasks.c does), then
 *   a toast whose button opens the file;
 * - print: the document's SlPageRenderer is loaded on a thread, laid out
 *   on the main thread in begin-print with the print context's Pango
 *   context, and drawn page by page in draw-page. Landscape pages get
 *   landscape paper in request-page-setup. The renderer draws its own
 *   colours: the dark theme never reaches the paper.
 *
 * The print settings and page setup chosen are kept for the session, so
 * that the next print starts from them.
 */

#define G_LOG_DOMAIN "sl-document-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-document-dialog.h"
#include "sl-document-pages.h"
#include "sl-ledger.h"
#include "sl-ledger-paths.h"
#include "sl-page-renderer.h"
#include "sl-ui-util.h"
#include "sl-window.h"

/* The year's documents, in the order the dialog lists them. */
static const SlDocumentKind yearly_kinds[] = {
  SL_DOCUMENT_FIRST_TOPIC_LEDGER,
  SL_DOCUMENT_CENTRAL_GROUP_LEDGER,
  SL_DOCUMENT_MEETINGS_LEDGER,
  SL_DOCUMENT_PLAN,
  SL_DOCUMENT_ATTENDANCE,
  SL_DOCUMENT_MEASURES,
  SL_DOCUMENT_ANNUAL_REPORT,
};

/* The formats, in the order of the format row's model. */
static const SlDocumentFormat formats[] = {
  SL_DOCUMENT_FORMAT_XLSX,
  SL_DOCUMENT_FORMAT_PDF,
};

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
    default:                               g_return_val_if_reached (NULL);
    }
}

/* Jobs ------------------------------------------------------------------ */

typedef struct
{
  SlDocumentKind           kind;
  int                      year;
  char                    *organization;
  char                    *meeting;
  char                    *today;
  SlDocumentFormat         format;
  char                    *database_path;
  char                    *path;
  GtkPrintOperationAction  action;
  GtkPrintOperation       *operation;
  SlPageRenderer          *renderer;
  GtkPrintOperationResult  result;
  gboolean                 done;
} Job;

static Job *
job_new (const char              *database_path,
         const SlDocumentRequest *request)
{
  Job *job = g_new0 (Job, 1);

  job->kind = request->kind;
  job->year = request->year;
  job->organization = g_strdup (request->organization);
  job->meeting = g_strdup (request->meeting);
  job->today = g_strdup (request->today);
  job->database_path = g_strdup (database_path);
  return job;
}

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->organization);
  g_free (job->meeting);
  g_free (job->today);
  g_free (job->database_path);
  g_free (job->path);
  g_clear_object (&job->operation);
  g_clear_object (&job->renderer);
  g_free (job);
}

static SlDocumentRequest
job_request (Job *job)
{
  return (SlDocumentRequest) {
    .kind = job->kind,
    .year = job->year,
    .organization = job->organization,
    .meeting = job->meeting,
    .today = job->today,
  };
}

static char *
suggested_name (Job *job)
{
  /* Translators: the file name a document is offered: the year and the
   * document's name; in Chinese "%d年%s". */
  g_autofree char *stem = g_strdup_printf (_("%d %s"), job->year, sl_document_kind_get_label (job->kind));

  return g_strconcat (stem, ".", sl_document_format_to_code (job->format), NULL);
}

static void
show_toast (GtkWidget *owner,
            AdwToast  *toast)
{
  if (SL_IS_WINDOW (owner))
    sl_window_add_toast (SL_WINDOW (owner), toast);
  else
    sl_ui_add_toast (owner, toast);
}

static gboolean
owner_gone (GtkWidget *owner)
{
  return owner == NULL || gtk_widget_get_root (owner) == NULL ||
         gtk_widget_in_destruction (owner);
}

/* Export ---------------------------------------------------------------- */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(SlLedger) ledger = NULL;
  SlDocumentRequest request = job_request (job);
  GError *error = NULL;

  /* A connection belongs to the thread that uses it: this one's own. */
  ledger = sl_ledger_open (job->database_path, &error);
  if (ledger == NULL ||
      !sl_database_check_output_path (job->database_path, job->path, &error) ||
      !sl_document_export (ledger, &request, job->format, job->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
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
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (owner == NULL || GTK_IS_WIDGET (owner));
  g_return_if_fail (database_path != NULL);
  g_return_if_fail (request != NULL);
  g_return_if_fail (path != NULL);

  job = job_new (database_path, request);
  job->format = format;
  job->path = g_strdup (path);

  task = g_task_new (owner, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_document_export_file_async);
  g_task_set_task_data (task, job, job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, export_thread);
}

gboolean
sl_document_export_file_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
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
  show_toast (owner, toast);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  Job *job = g_object_get_data (G_OBJECT (chooser), "sl-job");
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
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;
  GtkRoot *root;
  Job *job;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (database_path != NULL);
  g_return_if_fail (request != NULL);

  job = job_new (database_path, request);
  job->format = format;
  name = suggested_name (job);
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

  g_object_set_data_full (G_OBJECT (chooser), "sl-job", job, job_free);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (owner));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Print ----------------------------------------------------------------- */

/* What the last print chose, for the next one in this session. */
static GtkPrintSettings *session_settings;
static GtkPageSetup *session_page_setup;

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Job               *job)
{
  g_autoptr(GObject) pango = G_OBJECT (gtk_print_context_create_pango_context (context));
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  guint n_pages;

  /* The renderer lays out for portrait paper and turns its landscape
   * pages itself. */
  if (width > height)
    {
      double swap = width;
      width = height;
      height = swap;
    }

  n_pages = sl_page_renderer_layout (job->renderer, PANGO_CONTEXT (pango), width, height);
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page,
                       GtkPageSetup      *setup,
                       Job               *job)
{
  gboolean landscape = (guint) page < sl_page_renderer_get_n_pages (job->renderer) &&
                       sl_page_renderer_get_page_landscape (job->renderer, page);

  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Job               *job)
{
  if ((guint) page < sl_page_renderer_get_n_pages (job->renderer))
    sl_page_renderer_draw_page (job->renderer, gtk_print_context_get_cairo_context (context), page);
}

static gboolean
return_print_idle (gpointer data)
{
  GTask *task = data;
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;

  if (job->result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GError *failure = NULL;

      gtk_print_operation_get_error (job->operation, &failure);
      error = failure ? failure : g_error_new_literal (SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                                                       _("The printer reported an error"));
      g_task_return_error (task, error);
    }
  else
    g_task_return_int (task, job->result);

  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GTask                   *task)
{
  Job *job = g_task_get_task_data (task);

  if (job->done)
    return;
  job->done = TRUE;
  job->result = result;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY &&
      job->action != GTK_PRINT_OPERATION_ACTION_EXPORT)
    {
      GtkPageSetup *setup = gtk_print_operation_get_default_page_setup (operation);

      g_set_object (&session_settings, gtk_print_operation_get_print_settings (operation));
      if (setup != NULL)
        {
          g_clear_object (&session_page_setup);
          session_page_setup = gtk_page_setup_copy (setup);
          gtk_page_setup_set_orientation (session_page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);
        }
    }

  /* Not from within the operation's own signal, which the task's end
   * would finalize; the idle takes the task's reference. */
  g_idle_add (return_print_idle, task);
}

static GtkPrintOperation *
print_operation_new (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  GtkPrintOperation *operation = gtk_print_operation_new ();
  const char *title = sl_page_renderer_get_title (job->renderer);

  if (session_page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, session_page_setup);
  else
    {
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
      gtk_print_operation_set_default_page_setup (operation, setup);
    }
  if (session_settings != NULL)
    gtk_print_operation_set_print_settings (operation, session_settings);

  gtk_print_operation_set_job_name (operation, title ? title : sl_document_kind_get_label (job->kind));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (job->path != NULL)
    gtk_print_operation_set_export_filename (operation, job->path);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), task);

  return operation;
}

static void
load_pages_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(SlLedger) ledger = NULL;
  SlDocumentRequest request = job_request (job);
  SlPageRenderer *renderer = NULL;
  GError *error = NULL;

  /* The records are read here; the layout waits for the print context. */
  ledger = sl_ledger_open (job->database_path, &error);
  if (ledger != NULL)
    renderer = sl_document_pages_new (ledger, &request, &error);

  if (renderer == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, renderer, g_object_unref);
}

static void
pages_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;   /* owned until the operation is done */
  Job *job = g_task_get_task_data (task);
  GtkWidget *owner = g_task_get_source_object (task);
  GtkRoot *root = owner ? gtk_widget_get_root (owner) : NULL;
  GError *error = NULL;
  GtkPrintOperationResult status;

  job->renderer = g_task_propagate_pointer (G_TASK (result), &error);
  if (job->renderer == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  job->operation = print_operation_new (task);
  status = gtk_print_operation_run (job->operation, job->action,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);

  if (!job->done && status == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      job->done = TRUE;
      g_signal_handlers_disconnect_by_data (job->operation, task);
      g_signal_handlers_disconnect_by_data (job->operation, job);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  g_clear_error (&error);
}

void
sl_document_print_async (GtkWidget               *owner,
                         const char              *database_path,
                         const SlDocumentRequest *request,
                         GtkPrintOperationAction  action,
                         const char              *export_filename,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data)
{
  g_autoptr(GTask) load = NULL;
  GTask *task;
  Job *job;

  g_return_if_fail (owner == NULL || GTK_IS_WIDGET (owner));
  g_return_if_fail (database_path != NULL);
  g_return_if_fail (request != NULL);
  g_return_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_filename != NULL);

  job = job_new (database_path, request);
  job->format = SL_DOCUMENT_FORMAT_PDF;
  job->action = action;
  job->path = g_strdup (export_filename);

  task = g_task_new (owner, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_document_print_async);
  g_task_set_task_data (task, job, job_free);

  /* The inner task only loads; it shares the job, which the outer owns. */
  load = g_task_new (owner, cancellable, pages_loaded_cb, task);
  g_task_set_task_data (load, job, NULL);
  g_task_set_return_on_cancel (load, FALSE);
  g_task_run_in_thread (load, load_pages_thread);
}

GtkPrintOperationResult
sl_document_print_finish (GAsyncResult  *result,
                          GError       **error)
{
  GError *local = NULL;
  gssize value;

  g_return_val_if_fail (G_IS_TASK (result), GTK_PRINT_OPERATION_RESULT_ERROR);

  value = g_task_propagate_int (G_TASK (result), &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return GTK_PRINT_OPERATION_RESULT_ERROR;
    }
  return (GtkPrintOperationResult) value;
}

static void
printed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GtkWidget *owner = GTK_WIDGET (source);
  g_autoptr(GError) error = NULL;

  if (sl_document_print_finish (result, &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      !owner_gone (owner) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    sl_ui_show_error (owner, _("The Document Was Not Printed"), error);
}

void
sl_document_print (GtkWidget               *owner,
                   const char              *database_path,
                   const SlDocumentRequest *request)
{
  g_return_if_fail (GTK_IS_WIDGET (owner));

  sl_document_print_async (owner, database_path, request, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           NULL, NULL, printed_cb, NULL);
}

/* The dialog ------------------------------------------------------------ */

struct _SlDocumentDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  AdwComboRow    *kind_row;
  AdwComboRow    *format_row;

  GtkWidget      *owner;
  char           *database_path;
  int             year;
};

G_DEFINE_FINAL_TYPE (SlDocumentDialog, sl_document_dialog, ADW_TYPE_WINDOW)

static SlDocumentRequest
dialog_request (SlDocumentDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return (SlDocumentRequest) {
    .kind = yearly_kinds[MIN (selected, G_N_ELEMENTS (yearly_kinds) - 1)],
    .year = self->year,
  };
}

static SlDocumentFormat
dialog_format (SlDocumentDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  return formats[MIN (selected, G_N_ELEMENTS (formats) - 1)];
}

static void
sl_document_dialog_actions_update (SlDocumentDialog *self)
{
  SlDocumentRequest request = dialog_request (self);
  gboolean ready = self->owner != NULL && self->database_path != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.export",
                                 ready && sl_document_kind_has_format (request.kind, dialog_format (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.print",
                                 ready && sl_document_kind_has_format (request.kind, SL_DOCUMENT_FORMAT_PDF));
}

static void
selection_changed_cb (SlDocumentDialog *self)
{
  sl_document_dialog_actions_update (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlDocumentDialog *self = SL_DOCUMENT_DIALOG (widget);
  SlDocumentRequest request = dialog_request (self);

  sl_document_choose_and_export (self->owner, self->database_path, &request, dialog_format (self));
  gtk_window_close (GTK_WINDOW (self));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SlDocumentDialog *self = SL_DOCUMENT_DIALOG (widget);
  SlDocumentRequest request = dialog_request (self);

  sl_document_print (self->owner, self->database_path, &request);
  gtk_window_close (GTK_WINDOW (self));
}

static void
sl_document_dialog_dispose (GObject *object)
{
  SlDocumentDialog *self = SL_DOCUMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_DOCUMENT_DIALOG);
  g_clear_object (&self->owner);

  G_OBJECT_CLASS (sl_document_dialog_parent_class)->dispose (object);
}

static void
sl_document_dialog_finalize (GObject *object)
{
  SlDocumentDialog *self = SL_DOCUMENT_DIALOG (object);

  g_free (self->database_path);

  G_OBJECT_CLASS (sl_document_dialog_parent_class)->finalize (object);
}

static void
sl_document_dialog_class_init (SlDocumentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_document_dialog_dispose;
  object_class->finalize = sl_document_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/studyledger/StudyLedger/sl-document-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SlDocumentDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SlDocumentDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SlDocumentDialog, format_row);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);

  gtk_widget_class_install_action (widget_class, "document.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "document.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sl_document_dialog_init (SlDocumentDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (yearly_kinds); i++)
    gtk_string_list_append (kinds, sl_document_kind_get_label (yearly_kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  sl_document_dialog_actions_update (self);
}

SlDocumentDialog *
sl_document_dialog_new (GtkWidget  *owner,
                        const char *database_path,
                        int         year)
{
  SlDocumentDialog *self;
  GtkRoot *root;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  root = gtk_widget_get_root (owner);
  self = g_object_new (SL_TYPE_DOCUMENT_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       NULL);
  self->owner = g_object_ref (owner);
  self->database_path = g_strdup (database_path);
  self->year = year;

  /* Translators: the year the dialog's documents cover; in Chinese "%d年". */
  subtitle = g_strdup_printf (C_("document year", "%d"), year);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  sl_document_dialog_actions_update (self);
  return self;
}
