/* sl-evidence-restore.h — a final meeting back to one of its earlier versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-types.h"

G_BEGIN_DECLS

gboolean sl_evidence_restore (SlLedger    *ledger,
                              const char  *meeting_id,
                              int          revision,
                              const char  *by,
                              const char  *reason,
                              GError     **error);

G_END_DECLS
