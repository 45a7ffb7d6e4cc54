/* sl-member-record-page.h — one member's year (个人学习档案)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEMBER_RECORD_PAGE (sl_member_record_page_get_type ())

G_DECLARE_FINAL_TYPE (SlMemberRecordPage, sl_member_record_page, SL, MEMBER_RECORD_PAGE, AdwBin)

void        sl_member_record_page_set_member (SlMemberRecordPage *self,
                                              const char         *member);
const char *sl_member_record_page_get_member (SlMemberRecordPage *self);
void        sl_member_record_page_reload     (SlMemberRecordPage *self);
/* The text of a figure: "expected", "present", "leave", "absent",
 * "made-up", "training-hours", "talks-initiated", "talks-received",
 * "first-topics-led", "central-group-led", "speeches", "research",
 * "notes"; NULL before a member is shown. */
const char *sl_member_record_page_get_figure (SlMemberRecordPage *self,
                                              const char         *name);

G_END_DECLS
