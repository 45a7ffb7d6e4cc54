/* sl-page-glyphs.h — the characters no installed font could draw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A rare name character outside every installed font (陈𠀀, CJK
 * Extension B) would print as a box; the pages note it when they draw it,
 * and the PDF writer says so in the export's note, with the fix.
 */

#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

void  sl_page_glyphs_reset      (void);
void  sl_page_glyphs_check_line (PangoLayoutLine *line);
char *sl_page_glyphs_note       (void);

G_END_DECLS
