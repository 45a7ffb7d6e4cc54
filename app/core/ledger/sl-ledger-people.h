/* sl-ledger-people.h — the topic pool, talks, branch reports and study notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-ledger.h"

G_BEGIN_DECLS

gboolean   sl_ledger_save_topic          (SlLedger        *self,
                                          SlTopic         *topic,
                                          GError         **error);
gboolean   sl_ledger_save_talk           (SlLedger        *self,
                                          SlTalk          *talk,
                                          GError         **error);
gboolean   sl_ledger_save_branch_report  (SlLedger        *self,
                                          SlBranchReport  *report,
                                          GError         **error);
gboolean   sl_ledger_save_study_note     (SlLedger        *self,
                                          SlStudyNote     *note,
                                          GError         **error);

/* Snapshots of every record of the kind, in the order they were added. */
GPtrArray *sl_ledger_load_topics         (SlLedger        *self,
                                          GError         **error);
GPtrArray *sl_ledger_load_topics_of_year (SlLedger        *self,
                                          int              year,
                                          GError         **error);
GPtrArray *sl_ledger_load_talks          (SlLedger        *self,
                                          GError         **error);
GPtrArray *sl_ledger_load_branch_reports (SlLedger        *self,
                                          GError         **error);
GPtrArray *sl_ledger_load_study_notes    (SlLedger        *self,
                                          GError         **error);

G_END_DECLS
