/* sl-guest.h — someone who sat in on a meeting (列席) without being expected at it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-types.h"
#include "sl-enum-types.h"

G_BEGIN_DECLS

#define SL_TYPE_GUEST (sl_guest_get_type ())

G_DECLARE_FINAL_TYPE (SlGuest, sl_guest, SL, GUEST, GObject)

SlGuest    *sl_guest_new      (void);

const char *sl_guest_get_name (SlGuest    *self);
void        sl_guest_set_name (SlGuest    *self,
                               const char *name);
const char *sl_guest_get_post (SlGuest    *self);
void        sl_guest_set_post (SlGuest    *self,
                               const char *post);

/* Archive version 2 */
const char *sl_guest_get_unit (SlGuest *self);
void sl_guest_set_unit (SlGuest *self,
    const char *unit);
gboolean sl_guest_get_superior (SlGuest *self);
void sl_guest_set_superior (SlGuest *self,
    gboolean superior);
const char *sl_guest_get_remarks (SlGuest *self);
void sl_guest_set_remarks (SlGuest *self,
    const char *remarks);

G_END_DECLS
