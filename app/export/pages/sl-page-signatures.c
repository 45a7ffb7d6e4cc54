/* sl-page-signatures.c — the signatures and the seal under a ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A ledger an inspection accepts says who filled it in, who checked it and
 * who answers for it, and carries the unit's seal and the date: the
 * secretary prints it, they sign, the office stamps it.
 */

#define G_LOG_DOMAIN "sl-page-signatures"

#include "config.h"

#include "sl-page-signatures.h"

#define SIGNATURE_SIZE 12.0     /* 小四 */
#define SEAL_ROOM      (14 * SL_PAGE_MM)

static PangoLayout *
signature_line (SlPageRenderer *renderer)
{
  return sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY, SIGNATURE_SIZE,
                                         "填表人：__________　　审核人：__________　　"
                                         "负责人：__________", -1);
}

double
sl_page_signatures_height (SlPageRenderer *renderer)
{
  g_autoptr(PangoLayout) line = signature_line (renderer);
  double height = sl_page_layout_get_height (line);

  /* A gap, the line, room for the seal, （单位盖章）, the date. */
  return 14 + height + SEAL_ROOM + 2 * height + 4;
}

void
sl_page_signatures_append (SlPageRenderer *renderer)
{
  g_autoptr(PangoLayout) line = signature_line (renderer);
  g_autoptr(PangoLayout) seal = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY,
                                                                SIGNATURE_SIZE, "（单位盖章）", -1);
  g_autoptr(PangoLayout) date = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY,
                                                                SIGNATURE_SIZE,
                                                                "年　　月　　日", -1);
  double left = sl_page_renderer_get_left (renderer);
  double right = left + sl_page_renderer_get_width (renderer);
  double height = sl_page_layout_get_height (line);
  double y;

  g_return_if_fail (SL_IS_PAGE_RENDERER (renderer));

  sl_page_renderer_ensure_space (renderer, sl_page_signatures_height (renderer));
  y = sl_page_renderer_get_y (renderer) + 14;
  sl_page_renderer_add_text (renderer, line, left, y);
  y += height + SEAL_ROOM;
  /* The seal over the unit's name and the date, at the right, as on an
   * official document; the date centred under （单位盖章）. */
  sl_page_renderer_add_text (renderer, seal, right - 2 * SIGNATURE_SIZE
                                             - sl_page_layout_get_width (seal), y);
  y += height + 4;
  sl_page_renderer_add_text (renderer, date,
                             right - 2 * SIGNATURE_SIZE
                             - (sl_page_layout_get_width (seal) + sl_page_layout_get_width (date)) / 2,
                             y);
  sl_page_renderer_set_y (renderer, y + height);
}

