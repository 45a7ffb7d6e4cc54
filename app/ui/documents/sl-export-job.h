/* sl-export-job.h — exporting one document to a file on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sl-document.h"

G_BEGIN_DECLS

#define SL_TYPE_EXPORT_JOB (sl_export_job_get_type ())

G_DECLARE_FINAL_TYPE (SlExportJob, sl_export_job, SL, EXPORT_JOB, GObject)

SlExportJob *sl_export_job_new         (const char              *database_path,
                                        const SlDocumentRequest *request,
                                        SlDocumentFormat         format,
                                        const char              *path);
const char  *sl_export_job_get_path    (SlExportJob             *self);
void         sl_export_job_run_async   (SlExportJob             *self,
                                        GCancellable            *cancellable,
                                        GAsyncReadyCallback      callback,
                                        gpointer                 user_data);
gboolean     sl_export_job_run_finish  (SlExportJob             *self,
                                        GAsyncResult            *result,
                                        GError                 **error);
/* After the job finished: the fonts that stood in for the standard's,
 * one line, or NULL. */
const char  *sl_export_job_get_note    (SlExportJob             *self);

/* What the document dialog and win.save-document call: a file chooser,
 * then the export in a worker thread, then a toast whose button opens the
 * file; errors are shown on @owner. */
void     sl_document_choose_and_export        (GtkWidget               *owner,
                                               const char              *database_path,
                                               const SlDocumentRequest *request,
                                               SlDocumentFormat         format);
void     sl_document_choose_and_export_as     (GtkWidget               *owner,
                                               const char              *database_path,
                                               const SlDocumentRequest *request,
                                               SlDocumentFormat         format,
                                               const char              *suggested);
char    *sl_document_meeting_file_name        (const char              *date,
                                               const char              *title,
                                               SlDocumentKind           kind,
                                               SlDocumentFormat         format);

/* The same work without the file chooser and without feedback on @owner
 * (tests, or a caller that reports itself); @owner is the source object. */
void     sl_document_export_file_async        (GtkWidget               *owner,
                                               const char              *database_path,
                                               const SlDocumentRequest *request,
                                               SlDocumentFormat         format,
                                               const char              *path,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data);
gboolean sl_document_export_file_finish       (GAsyncResult            *result,
                                               GError                 **error);
const char *sl_document_export_file_get_note  (GAsyncResult            *result);

/* The name of @kind on screen, translated. */
const char *sl_document_kind_get_label        (SlDocumentKind           kind);

G_END_DECLS
