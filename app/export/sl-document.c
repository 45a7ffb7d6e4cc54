/* sl-document.c — the documents of DESIGN.md and how to export them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one door to every document, for the command line and the window
 * alike: it checks the request, picks the writer for the format, and makes
 * sure a failed export leaves nothing behind. The writer writes into a
 * temporary file beside the target (same folder, so same file system),
 * which is flushed to disk and renamed over the target only when complete;
 * any failure removes it. An inspection's copy is therefore either the
 * whole new document or the old one, never half of either.
 */

#define G_LOG_DOMAIN "sl-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gmodule.h>
#include <unistd.h>

#include "sl-document.h"
#include "sl-util.h"
#include "sl-ledger.h"
#include "sl-ledger-tables.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-temporary-files.h"
#include "sl-xlsx-writer.h"

typedef void (*SlPagesModuleRegister) (void);

/* Weak: the command line does not link the pages, and then this is NULL
 * and the pages come from their module. The window and the tests link
 * them whole (app/meson.build), and then this is the pages' own entry
 * point. */
extern void sl_pages_module_register (void) __attribute__ ((weak));

static SlPdfWriter pdf_writer;   /* atomic */
static GPrivate export_note = G_PRIVATE_INIT (g_free);
static char *pages_module;
static GMutex pages_lock;        /* pages_module, and loading it */

/**
 * sl_document_register_pdf_writer:
 *
 * Called by the pages' entry point, sl_pages_module_register(), whether
 * they are linked in (the window, the tests) or loaded from their module
 * (the command line).
 */
void
sl_document_register_pdf_writer (SlPdfWriter writer)
{
  g_atomic_pointer_set (&pdf_writer, writer);
}

/**
 * sl_document_set_note:
 * @note: (nullable): one line for the user, or %NULL
 *
 * Called by the PDF writer on the export's thread.
 */
void
sl_document_set_note (const char *note)
{
  g_private_replace (&export_note, g_strdup (note));
}

/**
 * sl_document_take_note:
 *
 * Returns: (transfer full) (nullable): what the last export on this thread
 *   had to say (the font stand-ins it used), once.
 */
char *
sl_document_take_note (void)
{
  char *note = g_private_get (&export_note);

  g_private_set (&export_note, NULL);
  return note;
}

/**
 * sl_document_set_pages_module:
 * @path: the module to load for the first PDF
 *
 * For a program that does not link the pages: loading Cairo, Pango and
 * fontconfig cost every command that writes no PDF about 10 ms.
 */
void
sl_document_set_pages_module (const char *path)
{
  g_mutex_lock (&pages_lock);
  g_free (pages_module);
  pages_module = g_strdup (path);
  g_mutex_unlock (&pages_lock);
}

/* The pages' entry point, from the module named by
 * sl_document_set_pages_module(); the module stays loaded. Called with
 * pages_lock held. */
static SlPagesModuleRegister
load_pages_module (GError **error)
{
  GModule *module = g_module_open (pages_module, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  gpointer entry = NULL;

  if (module == NULL || !g_module_symbol (module, SL_PAGES_MODULE_ENTRY, &entry) || entry == NULL)
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                   _("PDF documents cannot be written: %s; reinstall Study Ledger"),
                   g_module_error ());
      if (module != NULL)
        g_module_close (module);
      return NULL;
    }
  g_module_make_resident (module);

  return (SlPagesModuleRegister) entry;
}

static SlPdfWriter
get_pdf_writer (GError **error)
{
  SlPdfWriter writer = g_atomic_pointer_get (&pdf_writer);

  if (writer != NULL)
    return writer;

  g_mutex_lock (&pages_lock);
  if (g_atomic_pointer_get (&pdf_writer) == NULL)
    {
      SlPagesModuleRegister register_pages = sl_pages_module_register;

      if (register_pages == NULL && pages_module != NULL &&
          (register_pages = load_pages_module (error)) == NULL)
        {
          g_mutex_unlock (&pages_lock);
          return NULL;
        }
      if (register_pages != NULL)
        register_pages ();
    }
  g_mutex_unlock (&pages_lock);

  writer = g_atomic_pointer_get (&pdf_writer);
  if (writer == NULL)
    g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                 _("PDF documents cannot be written: this program has no pages; "
                   "reinstall Study Ledger"));

  return writer;
}

static gboolean
validate (SlLedger                *ledger,
          const SlDocumentRequest *request,
          SlDocumentFormat         format,
          GError                 **error)
{
  const char *code;

  if ((guint) request->kind >= SL_DOCUMENT_N_KINDS)
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_UNSUPPORTED,
                   _("There is no document of kind %d"), request->kind);
      return FALSE;
    }

  code = sl_document_kind_to_code (request->kind);

  if (!sl_document_kind_has_format (request->kind, format))
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_UNSUPPORTED,
                   _("The %s document cannot be written as %s; it is written as pdf only"),
                   code, sl_document_format_to_code (format));
      return FALSE;
    }

  if (sl_document_kind_is_per_meeting (request->kind))
    {
      if (request->meeting == NULL || *request->meeting == '\0')
        {
          g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_INVALID,
                       _("The %s document is made for one meeting; name the meeting"), code);
          return FALSE;
        }
      if (!sl_ledger_contains (ledger, SL_TYPE_MEETING, request->meeting))
        {
          g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_NOT_FOUND,
                       _("No meeting has the id %s; `study-ledger search` lists meetings "
                         "with their ids"),
                       request->meeting);
          return FALSE;
        }
    }
  else if (sl_document_kind_is_per_member (request->kind) &&
           (request->member == NULL || *request->member == '\0'))
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_INVALID,
                   _("The %s document is made for one member; name the member"), code);
      return FALSE;
    }
  else if (sl_document_kind_is_per_member (request->kind) &&
           !sl_ledger_contains (ledger, SL_TYPE_MEMBER, request->member))
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_NOT_FOUND,
                   _("No member has the id %s; `study-ledger export-archive` lists members "
                     "with their ids"),
                   request->member);
      return FALSE;
    }

  if (!sl_document_kind_is_per_meeting (request->kind) &&
      (request->year < 1 || request->year > 9999))
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_INVALID,
                   _("The %s document is made for one year; %d is not a year"),
                   code, request->year);
      return FALSE;
    }

  if (request->organization != NULL &&
      sl_ledger_find_organization (ledger, request->organization) == NULL)
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_NOT_FOUND,
                   _("No organization has the id %s"), request->organization);
      return FALSE;
    }

  if (request->today != NULL && !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                                                       request->today, 0, 0))
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_INVALID,
                   _("“%s” is not a date; write it as 2023-03-05"), request->today);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_document (SlLedger                *ledger,
                const SlDocumentRequest *request,
                SlDocumentFormat         format,
                const char              *path,
                GError                 **error)
{
  g_autoptr(GPtrArray) tables = NULL;

  if (format == SL_DOCUMENT_FORMAT_PDF)
    {
      SlPdfWriter writer = get_pdf_writer (error);

      return writer != NULL && writer (ledger, request, path, error);
    }

  tables = sl_ledger_tables_build (ledger, request, error);
  return tables != NULL && sl_xlsx_write_tables (tables, path, error);
}

/**
 * sl_document_load_pages:
 *
 * Makes sure the pages (pages/, and the binder with them) have registered
 * their writers, loading their module if this program does not link them.
 */
gboolean
sl_document_load_pages (GError **error)
{
  return get_pdf_writer (error) != NULL;
}

typedef struct
{
  SlLedger                *ledger;
  const SlDocumentRequest *request;
  SlDocumentFormat         format;
} DocumentWrite;

static gboolean
write_document_to (const char  *temporary,
                   gpointer     data,
                   GError     **error)
{
  DocumentWrite *write = data;

  return write_document (write->ledger, write->request, write->format, temporary, error);
}

/**
 * sl_document_export:
 * @path: the file to write; an existing file is replaced only on success
 *
 * Writes @request's document in @format. Errors are SL_DOCUMENT_ERROR
 * (or the database's, when reading the records fails); after an error
 * there is no new file and no temporary file.
 */
gboolean
sl_document_export (SlLedger                *ledger,
                    const SlDocumentRequest *request,
                    SlDocumentFormat         format,
                    const char              *path,
                    GError                 **error)
{
  DocumentWrite write = { ledger, request, format };

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sl_document_set_note (NULL);
  if (!validate (ledger, request, format, error))
    return FALSE;

  return sl_document_write_file (path, write_document_to, &write, error);
}

/**
 * sl_document_write_file:
 * @path: the file to write; an existing file is replaced only on success
 * @write: writes the whole output to the temporary file it is given
 *
 * The temporary file beside @path, flushed and renamed into place only
 * when @write succeeded; removed otherwise.
 */
gboolean
sl_document_write_file (const char           *path,
                        SlDocumentWriteFunc   write,
                        gpointer              data,
                        GError              **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temporary = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (write != NULL, FALSE);

  if (!sl_check_output_path (path, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE, error))
    return FALSE;

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Hidden, and named after the target, so that a file left by a crash
   * tells whose it was. */
  temporary = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, base);

  /* Noted, to be removed should the command be stopped halfway
   * (sl-temporary-files.c). */
  fd = sl_temporary_files_create (temporary, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                   _("Cannot write %s: cannot create a file in the folder %s: %s"),
                   path, folder, g_strerror (saved_errno));
      return FALSE;
    }

  ok = write (temporary, data, error);

  /* The writers reopen the file by name; this descriptor still names the
   * same file, so it can push what they wrote to the disk before the
   * rename makes it the document. */
  if (ok && fsync (fd) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                   _("Cannot write %s: %s"), path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (close (fd) != 0 && ok)
    {
      int saved_errno = errno;
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                   _("Cannot write %s: %s"), path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (ok && g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                   _("Cannot save %s: %s"), path, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (!ok)
    g_unlink (temporary);
  sl_temporary_files_remove (temporary);

  return ok;
}
