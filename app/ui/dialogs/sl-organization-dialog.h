/* sl-organization-dialog.h — create, rename and nest the ledger's organizations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_ORGANIZATION_DIALOG (sl_organization_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SlOrganizationDialog, sl_organization_dialog, SL, ORGANIZATION_DIALOG, AdwWindow)

GtkWidget      *sl_organization_dialog_new      (GtkWindow            *parent,
                                                 SlLedger             *ledger);
/* Fills the form with @organization to change it; NULL for a new one. */
void            sl_organization_dialog_edit     (SlOrganizationDialog *self,
                                                 SlOrganization       *organization);
SlOrganization *sl_organization_dialog_get_editing (SlOrganizationDialog *self);
/* The form's rows by name ("name", "kind", "parent"), for tests. */
GtkWidget      *sl_organization_dialog_get_row  (SlOrganizationDialog *self,
                                                 const char           *name);

G_END_DECLS
