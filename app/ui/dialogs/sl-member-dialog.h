/* sl-member-dialog.h — add a member, or change one as you type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEMBER_DIALOG (sl_member_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SlMemberDialog, sl_member_dialog, SL, MEMBER_DIALOG, AdwWindow)

/* @member NULL adds a new member, to @organization when not NULL. */
GtkWidget *sl_member_dialog_new (GtkWindow  *parent,
                                 SlLedger   *ledger,
                                 SlMember   *member,
                                 const char *organization);

G_END_DECLS
