/* sl-search-builder.h — the search index of a bulk write, built apart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _SlSearchBuilder SlSearchBuilder;

SlSearchBuilder *sl_search_builder_new          (sqlite3         *db,
                                                 const char      *folder,
                                                 GError         **error);
int              sl_search_builder_take_pending (SlSearchBuilder *self,
                                                 sqlite3         *db);
gboolean         sl_search_builder_install      (SlSearchBuilder *self,
                                                 sqlite3         *db,
                                                 GError         **error);
void             sl_search_builder_free         (SlSearchBuilder *self);
guint            sl_search_builder_get_installs (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlSearchBuilder, sl_search_builder_free)

G_END_DECLS
