/* sl-binder.h — the year's binder (年度学习档案): what goes in it, in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages' side of sl-binder-export.h: the sections and their items,
 * drawn as one PDF (sl-binder.c) or packed as a ZIP (sl-binder-zip.c).
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "sl-binder-export.h"
#include "sl-document-types.h"

G_BEGIN_DECLS

typedef enum
{
  SL_BINDER_PART_DOCUMENT,     /* a document of sl_document_pages_new() */
  SL_BINDER_PART_RESEARCH,     /* the research topics' table */
  SL_BINDER_PART_ATTACHMENT,   /* a file kept with a meeting */
} SlBinderPartKind;

/* One thing bound: a document, or a meeting's attachment. */
typedef struct
{
  SlBinderPartKind kind;
  SlDocumentKind   document;
  char            *meeting;      /* per-meeting documents: the meeting's id */
  gint64           attachment;   /* attachments: its key */
  char            *media_type;
  char            *attachment_kind; /* attachments: "signed_sheet", ... */
  char            *name;         /* in the ZIP: "会议记录.pdf", or the attachment's own name */
  gboolean         xlsx;         /* the ZIP has the spreadsheet too */
  guint            n_pages;
  guint            first_page;
} SlBinderPart;

/* A meeting (listed in the contents), or a section's documents (not listed). */
typedef struct
{
  char      *title;       /* contents and outline; NULL when not listed */
  char      *folder;      /* in the ZIP, under the section's; NULL: the section's own */
  GPtrArray *parts;       /* SlBinderPart */
  guint      first_page;
} SlBinderEntry;

typedef struct
{
  char      *title;       /* "二、理论学习中心组集体学习" */
  char      *folder;      /* "02-中心组学习" */
  GPtrArray *entries;     /* SlBinderEntry */
  guint      first_page;  /* its divider page */
} SlBinderSection;

typedef struct
{
  SlLedger        *ledger;
  int              year;
  char            *organization;
  char            *unit;
  char            *today;     /* the documents' date, from the ledger, not the clock */
  gint64           stamp;     /* the ledger's last change: the files' time */
  char            *made;      /* its date (sl_binder_stamp_time()), "YYYY-MM-DD": the cover's */
  GPtrArray       *sections;  /* SlBinderSection */
  guint            n_parts;

  SlBinderProgress progress;
  gpointer         progress_data;
  GCancellable    *cancellable;
} SlBinder;

SlBinder *sl_binder_new            (SlLedger      *ledger,
                                    int            year,
                                    const char    *organization,
                                    GError       **error);
void      sl_binder_free           (SlBinder      *self);
/* The ledger's last change as the binder gives it everywhere, in China
 * Standard Time whatever the machine's zone. */
GDateTime *sl_binder_stamp_time    (SlBinder      *self);
/* Between items: progress, and whether to stop. */
gboolean  sl_binder_step           (SlBinder      *self,
                                    double         fraction,
                                    const char    *item,
                                    GError       **error);

/* One part alone as a PDF (for the ZIP), stamped with the binder's time. */
gboolean  sl_binder_write_part_pdf (SlBinder      *self,
                                    SlBinderPart  *part,
                                    cairo_write_func_t write,
                                    gpointer       closure,
                                    GError       **error);
/* The research topics' table(s), for the PDF and the spreadsheet. */
GPtrArray *sl_binder_research_tables (SlBinder    *self,
                                      GError     **error);

/* The writers (sl_binder_register_writer()). */
gboolean  sl_binder_write          (SlLedger       *ledger,
                                    int             year,
                                    const char     *organization,
                                    SlBinderFormat  format,
                                    const char     *path,
                                    SlBinderProgress progress,
                                    gpointer        data,
                                    GCancellable   *cancellable,
                                    GError        **error);
gboolean  sl_binder_write_zip      (SlBinder       *self,
                                    const char     *path,
                                    GError        **error);

/* Attachments on pages (sl-binder-attachments.c): an image placed
 * scaled to fit, a PDF's pages, or, for any other file, a page that names
 * it. */
typedef struct _SlBinderFile SlBinderFile;

GBytes       *sl_binder_read_attachment (SlBinder     *self,
                                         SlBinderPart *part,
                                         GError      **error);
SlBinderFile *sl_binder_file_new        (GBytes       *bytes,
                                         const char   *media_type);
void          sl_binder_file_free       (SlBinderFile *file);
gboolean      sl_binder_file_is_shown   (SlBinderFile *file);
guint         sl_binder_file_get_n_pages (SlBinderFile *file);
gboolean      sl_binder_file_is_landscape (SlBinderFile *file,
                                         guint         page);
void          sl_binder_file_draw       (SlBinderFile *file,
                                         guint         page,
                                         cairo_t      *cr,
                                         double        x,
                                         double        y,
                                         double        width,
                                         double        height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlBinderFile, sl_binder_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlBinder, sl_binder_free)

G_END_DECLS
