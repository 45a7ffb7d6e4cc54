/* sl-page-signatures.h — the signatures and the seal under a ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-page-renderer.h"

G_BEGIN_DECLS

/* The lines at the foot of a ledger, from the position: “填表人：……
 * 审核人：…… 负责人：……”, then “（单位盖章）” and the date line at the
 * right, with room for the seal. Pass the height to keep_with_end of the
 * table it closes (SlTableStyle) so that it never stands alone on a page. */
double        sl_page_signatures_height (SlPageRenderer *renderer);
void          sl_page_signatures_append (SlPageRenderer *renderer);

G_END_DECLS
