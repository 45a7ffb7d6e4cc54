/* sl-session-plan-pages.h — a central-group session's 学习方案 as printed pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-page-renderer.h"

G_BEGIN_DECLS

#define SL_TYPE_SESSION_PLAN_PAGES (sl_session_plan_pages_get_type ())

G_DECLARE_FINAL_TYPE (SlSessionPlanPages, sl_session_plan_pages, SL, SESSION_PLAN_PAGES,
                      SlPageRenderer)

/* @meeting, a central-group session with its details loaded; @ledger
 * names its people and its organization; @number is the session's place
 * among the organization's central-group sessions of its year (第N次). */
SlSessionPlanPages *sl_session_plan_pages_new (SlLedger  *ledger,
                                               SlMeeting *meeting,
                                               guint      number);

G_END_DECLS
