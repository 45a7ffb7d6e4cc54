/* sl-ledger-extras.h — the keys archive version 2 adds to existing records (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-ledger-private.h"

G_BEGIN_DECLS

gboolean sl_ledger_save_member_extras  (SlLedger     *self,
                                        gint64        key,
                                        SlMember     *member,
                                        GError      **error);
gboolean sl_ledger_save_plan_extras    (SlLedger     *self,
                                        gint64        key,
                                        SlPlan       *plan,
                                        GError      **error);
gboolean sl_ledger_load_plan_extras    (SlLedger     *self,
                                        SlPlan       *plan,
                                        GError      **error);
gboolean sl_ledger_save_meeting_extras (SlLedger     *self,
                                        gint64        key,
                                        SlMeeting    *meeting,
                                        SlSaveFlags   flags,
                                        GError      **error);
gboolean sl_ledger_load_meeting_extras (SlLedger     *self,
                                        SlMeeting    *meeting,
                                        GError      **error);

G_END_DECLS
