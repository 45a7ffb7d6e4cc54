/* sl-record-undo.c — deleting a record from a page, with Undo in a toast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages that list one kind of record (talks, the topic pool, research
 * topics, branch reports and study notes) delete a record the same way:
 * the ledger deletes it, the page keeps the object, and the toast's Undo
 * saves that object again, which is the ledger's undo. The page keeps
 * the deleted object in a field of its own and passes its address.
 */

#define G_LOG_DOMAIN "sl-record-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-ledger.h"
#include "sl-record-undo.h"
#include "sl-ui-util.h"

/**
 * sl_record_undo_delete:
 * @record: (nullable): the record to delete; %NULL does nothing
 * @deleted: the page's field for the deleted record, for Undo
 * @error_title: the heading of the error shown when the ledger refuses
 * @toast_title: the toast's text once deleted
 * @undo_cb: called with @page when the toast's Undo is clicked; it calls
 *   sl_record_undo_restore()
 *
 * Deletes @record, reads @page again and offers Undo in a toast.
 */
void
sl_record_undo_delete (GtkWidget          *page,
                       SlLedger           *ledger,
                       gpointer            record,
                       GObject           **deleted,
                       SlRecordReloadFunc  reload,
                       const char         *error_title,
                       const char         *toast_title,
                       GCallback           undo_cb)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (deleted != NULL);

  if (record == NULL)
    return;

  if (!sl_ledger_delete (ledger, record, &error))
    {
      /* An earlier deletion's toast may still be up: its Undo stays. */
      sl_ui_show_error (page, error_title, error);
      return;
    }

  /* Kept before the reload, which drops the page's own reference. */
  g_set_object (deleted, record);
  reload (page);

  toast = adw_toast_new (toast_title);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* The toast sits in the window's overlay, out of reach of the page's
   * actions, so its button calls back. */
  g_signal_connect_object (toast, "button-clicked", undo_cb, page, G_CONNECT_SWAPPED);
  sl_ui_add_toast (page, toast);
}

/**
 * sl_record_undo_restore:
 * @deleted: the page's field that sl_record_undo_delete() filled
 * @save: saves the record of the page's kind
 * @error_title: the heading of the error shown when it is not restored
 *
 * Saves the deleted record again, once, and reads @page again.
 */
void
sl_record_undo_restore (GtkWidget          *page,
                        SlLedger           *ledger,
                        GObject           **deleted,
                        SlRecordSaveFunc    save,
                        SlRecordReloadFunc  reload,
                        const char         *error_title)
{
  g_autoptr(GObject) record = g_steal_pointer (deleted);
  g_autoptr(GError) error = NULL;

  if (record == NULL || ledger == NULL)
    return;

  /* Saving the same object again is the ledger's undo. */
  if (!save (ledger, record, &error))
    sl_ui_show_error (page, error_title, error);
  reload (page);
}
