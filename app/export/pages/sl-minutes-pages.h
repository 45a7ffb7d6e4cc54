/* sl-minutes-pages.h — the record (会议记录) of one meeting as printed pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-page-renderer.h"

G_BEGIN_DECLS

#define SL_TYPE_MINUTES_PAGES (sl_minutes_pages_get_type ())

G_DECLARE_FINAL_TYPE (SlMinutesPages, sl_minutes_pages, SL, MINUTES_PAGES, SlPageRenderer)

/* @meeting with its details loaded; @ledger names its people. */
SlMinutesPages *sl_minutes_pages_new (SlLedger  *ledger,
                                      SlMeeting *meeting);

G_END_DECLS
