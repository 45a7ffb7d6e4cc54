/* sl-member-card-pages.h — one member's year (个人学习档案) as printed pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-page-renderer.h"
#include "sl-table.h"

G_BEGIN_DECLS

#define SL_TYPE_MEMBER_CARD_PAGES (sl_member_card_pages_get_type ())

G_DECLARE_FINAL_TYPE (SlMemberCardPages, sl_member_card_pages, SL, MEMBER_CARD_PAGES, SlPageRenderer)

/* @member: whose card; @tables: its sections as sl_ledger_tables_build()
 * makes them for SL_DOCUMENT_MEMBER_CARD, each titled with its heading. */
SlMemberCardPages *sl_member_card_pages_new (SlLedger   *ledger,
                                             SlMember   *member,
                                             int         year,
                                             const char *title,
                                             GPtrArray  *tables);

G_END_DECLS
