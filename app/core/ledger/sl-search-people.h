/* sl-search-people.h — a member's part in meetings, found by name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-search-hit.h"
#include "sl-types.h"

G_BEGIN_DECLS

gboolean sl_search_people (SlDatabase  *database,
                           const char  *name,
                           gboolean     partial,
                           guint        limit,
                           GPtrArray   *hits,
                           GError     **error);

const char *sl_search_role_label  (const char         *role);
char       *sl_search_roles_label (const char * const *roles);

G_END_DECLS
