/* sl-talks-page.h — the register of heart-to-heart talks (谈心谈话)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_TALKS_PAGE (sl_talks_page_get_type ())

G_DECLARE_FINAL_TYPE (SlTalksPage, sl_talks_page, SL, TALKS_PAGE, AdwBin)

void   sl_talks_page_reload      (SlTalksPage *self);
guint  sl_talks_page_get_n_talks (SlTalksPage *self);
/* The title the row of the talk with id @talk shows, or NULL. */
const char *sl_talks_page_get_row_title (SlTalksPage *self,
                                         const char  *talk);

G_END_DECLS
