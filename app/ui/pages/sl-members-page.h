/* sl-members-page.h — the roster, in the order sign-in sheets print it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEMBERS_PAGE (sl_members_page_get_type ())

G_DECLARE_FINAL_TYPE (SlMembersPage, sl_members_page, SL, MEMBERS_PAGE, AdwBin)

GListModel *sl_members_page_get_model    (SlMembersPage *self);
void        sl_members_page_select       (SlMembersPage *self,
                                          SlMember      *member);
SlMember   *sl_members_page_get_selected (SlMembersPage *self);

G_END_DECLS
