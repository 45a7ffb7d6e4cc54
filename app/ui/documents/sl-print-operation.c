/* sl-print-operation.c — printing a document's pages: laid out in begin-print, drawn in draw-page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document's SlPageRenderer (app/export/pages) is loaded on a thread,
 * laid out on the main thread in begin-print with the print context's
 * Pango context, and drawn page by page in draw-page: the same code that
 * writes the PDF export, laid out from the records, never from the
 * screen. Landscape pages get landscape paper in request-page-setup. The
 * renderer draws its own colours: the dark theme never reaches the paper.
 *
 * The print settings and page setup chosen are kept for the session, so
 * that the next print starts from them.
 */

#define G_LOG_DOMAIN "sl-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-document-pages.h"
#include "sl-export-job.h"
#include "sl-ledger.h"
#include "sl-print-operation.h"
#include "sl-print-preview.h"
#include "sl-ui-util.h"

struct _SlPrintOperation
{
  GtkPrintOperation  parent_instance;

  /* owned references */
  SlPageRenderer    *renderer;
};

G_DEFINE_FINAL_TYPE (SlPrintOperation, sl_print_operation, GTK_TYPE_PRINT_OPERATION)

/* What the last print chose, for the next one in this session. */
static GtkPrintSettings *session_settings;
static GtkPageSetup *session_page_setup;

static void
sl_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  SlPrintOperation *self = SL_PRINT_OPERATION (operation);
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

  n_pages = sl_page_renderer_layout (self->renderer, PANGO_CONTEXT (pango), width, height);
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
sl_print_operation_request_page_setup (GtkPrintOperation *operation,
                                       GtkPrintContext   *context,
                                       int                page,
                                       GtkPageSetup      *setup)
{
  SlPrintOperation *self = SL_PRINT_OPERATION (operation);
  gboolean landscape = (guint) page < sl_page_renderer_get_n_pages (self->renderer) &&
                       sl_page_renderer_get_page_landscape (self->renderer, page);

  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
sl_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page)
{
  SlPrintOperation *self = SL_PRINT_OPERATION (operation);

  if ((guint) page < sl_page_renderer_get_n_pages (self->renderer))
    sl_page_renderer_draw_page (self->renderer, gtk_print_context_get_cairo_context (context), page);
}

/* The pages are laid out (begin-print ran): show them, and end the
 * operation's preview, which has nothing more to render. */
static void
preview_ready_cb (GtkPrintOperationPreview *preview,
                  GtkPrintContext          *context,
                  gpointer                  user_data)
{
  SlPrintOperation *self = SL_PRINT_OPERATION (user_data);
  GtkWindow *parent = g_object_get_data (G_OBJECT (preview), "sl-parent");

  gtk_window_present (GTK_WINDOW (sl_print_preview_new (parent, self->renderer)));
  gtk_print_operation_preview_end_preview (preview);
}

/* 预览 without a previewer installed showed nothing: the pages go to a
 * window of ours instead. With one, GTK hands it a PDF as usual. */
static gboolean
sl_print_operation_preview (GtkPrintOperation        *operation,
                            GtkPrintOperationPreview *preview,
                            GtkPrintContext          *context,
                            GtkWindow                *parent)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  if (sl_print_preview_has_previewer ())
    return FALSE;

  /* begin-print lays out with the context's Pango context, which needs a
   * cairo context in points. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_object_set_data (G_OBJECT (preview), "sl-parent", parent);
  g_signal_connect_object (preview, "ready", G_CALLBACK (preview_ready_cb), operation, 0);
  return TRUE;
}

static void
sl_print_operation_dispose (GObject *object)
{
  SlPrintOperation *self = SL_PRINT_OPERATION (object);

  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (sl_print_operation_parent_class)->dispose (object);
}

static void
sl_print_operation_class_init (SlPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = sl_print_operation_dispose;
  operation_class->begin_print = sl_print_operation_begin_print;
  operation_class->request_page_setup = sl_print_operation_request_page_setup;
  operation_class->draw_page = sl_print_operation_draw_page;
  operation_class->preview = sl_print_operation_preview;
}

static void
sl_print_operation_init (SlPrintOperation *self)
{
}

/**
 * sl_print_operation_new:
 * @renderer: the document's pages, loaded, not laid out yet
 * @job_name: the name the print queue shows when @renderer has no title
 *
 * Starts from the session's last print settings and page setup, or A4.
 */
SlPrintOperation *
sl_print_operation_new (SlPageRenderer *renderer,
                        const char     *job_name)
{
  GtkPrintOperation *operation;
  SlPrintOperation *self;
  const char *title;

  g_return_val_if_fail (SL_IS_PAGE_RENDERER (renderer), NULL);

  self = g_object_new (SL_TYPE_PRINT_OPERATION, NULL);
  self->renderer = g_object_ref (renderer);
  operation = GTK_PRINT_OPERATION (self);
  title = sl_page_renderer_get_title (renderer);

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

  gtk_print_operation_set_job_name (operation, title ? title : job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);

  return self;
}

SlPageRenderer *
sl_print_operation_get_renderer (SlPrintOperation *self)
{
  g_return_val_if_fail (SL_IS_PRINT_OPERATION (self), NULL);
  return self->renderer;
}

/* Printing a document --------------------------------------------------- */

typedef struct
{
  SlDocumentKind           kind;
  int                      year;
  char                    *organization;
  char                    *meeting;
  char                    *today;
  char                    *database_path;
  char                    *path;
  GtkPrintOperationAction  action;
  SlPrintOperation        *operation;
  GtkPrintOperationResult  result;
  gboolean                 done;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_free (job->organization);
  g_free (job->meeting);
  g_free (job->today);
  g_free (job->database_path);
  g_free (job->path);
  g_clear_object (&job->operation);
  g_free (job);
}

static gboolean
owner_gone (GtkWidget *owner)
{
  return owner == NULL || gtk_widget_get_root (owner) == NULL ||
         gtk_widget_in_destruction (owner);
}

static gboolean
return_print_idle (gpointer data)
{
  GTask *task = data;
  PrintJob *job = g_task_get_task_data (task);
  GError *error = NULL;

  if (job->result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GError *failure = NULL;

      gtk_print_operation_get_error (GTK_PRINT_OPERATION (job->operation), &failure);
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
  PrintJob *job = g_task_get_task_data (task);

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

static void
load_pages_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PrintJob *job = task_data;
  g_autoptr(SlLedger) ledger = NULL;
  SlDocumentRequest request = {
    .kind = job->kind,
    .year = job->year,
    .organization = job->organization,
    .meeting = job->meeting,
    .today = job->today,
  };
  SlPageRenderer *renderer = NULL;
  GError *error = NULL;

  /* The records are read here, on a connection of this thread's own; the
   * layout waits for the print context. */
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
  PrintJob *job = g_task_get_task_data (task);
  GtkWidget *owner = g_task_get_source_object (task);
  GtkRoot *root = owner ? gtk_widget_get_root (owner) : NULL;
  g_autoptr(SlPageRenderer) renderer = NULL;
  GError *error = NULL;
  GtkPrintOperationResult status;

  renderer = g_task_propagate_pointer (G_TASK (result), &error);
  if (renderer == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  job->operation = sl_print_operation_new (renderer, sl_document_kind_get_label (job->kind));
  if (job->path != NULL)
    gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (job->operation), job->path);
  g_signal_connect (job->operation, "done", G_CALLBACK (done_cb), task);

  status = gtk_print_operation_run (GTK_PRINT_OPERATION (job->operation), job->action,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);

  if (!job->done && status == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      job->done = TRUE;
      g_signal_handlers_disconnect_by_data (job->operation, task);
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
  PrintJob *job;

  g_return_if_fail (owner == NULL || GTK_IS_WIDGET (owner));
  g_return_if_fail (database_path != NULL);
  g_return_if_fail (request != NULL);
  g_return_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_filename != NULL);

  job = g_new0 (PrintJob, 1);
  job->kind = request->kind;
  job->year = request->year;
  job->organization = g_strdup (request->organization);
  job->meeting = g_strdup (request->meeting);
  job->today = g_strdup (request->today);
  job->database_path = g_strdup (database_path);
  job->action = action;
  job->path = g_strdup (export_filename);

  task = g_task_new (owner, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_document_print_async);
  g_task_set_task_data (task, job, print_job_free);

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
