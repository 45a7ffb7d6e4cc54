/* sl-sign-in-pages.h — a meeting's sign-in sheet (签到表), printed before it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-page-renderer.h"
#include "sl-table.h"

G_BEGIN_DECLS

#define SL_TYPE_SIGN_IN_PAGES (sl_sign_in_pages_get_type ())

G_DECLARE_FINAL_TYPE (SlSignInPages, sl_sign_in_pages, SL, SIGN_IN_PAGES, SlPageRenderer)

/* @table: the sheet's roster as sl_ledger_tables_build() makes it for
 * SL_DOCUMENT_SIGN_IN (序号 | 姓名 | 职务 | 签名 | 备注, one row per
 * expected member in roster order). */
SlSignInPages *sl_sign_in_pages_new (SlTable *table);

G_END_DECLS
