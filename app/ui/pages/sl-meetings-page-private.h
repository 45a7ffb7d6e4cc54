/* sl-meetings-page-private.h — what the meetings page's files share: its struct and internal calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlMeetingsPage is one class in two files: sl-meetings-page.c (the list,
 * opening, creating and deleting meetings, the editor, the object) and
 * sl-meetings-page-toolbar.c (search, the kind filter, 新建会议 at
 * narrow widths). Only those files include this header, after
 * sl-meetings-page.h.
 */

#pragma once

#include <adwaita.h>

#include "sl-ledger.h"
#include "sl-meeting-editor.h"

G_BEGIN_DECLS

struct _SlMeetingsPage
{
  AdwBin              parent_instance;

  /* template widgets */
  AdwToastOverlay    *toast_overlay;
  AdwLeaflet         *leaflet;
  GtkWidget          *list_page;
  GtkWidget          *search_entry;
  GtkMenuButton      *filter_menu_button;
  GtkWidget          *new_button;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  SlMeetingEditor    *editor;

  /* borrowed references */
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *kind_column;

  /* owned references */
  SlLedger           *ledger;
  GListStore         *meetings;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkCustomFilter    *kind_filter;
  GtkStringFilter    *title_filter;
  GtkStringFilter    *theme_filter;
  char               *category;
  SlMeeting          *deleted;      /* for meetings.undo */
  AdwToast           *undo_toast;   /* weak */
  guint               focus_tick;
  guint               focus_frames;
  int                 year;
};

/* sl-meetings-page-toolbar.c */
gboolean _sl_meetings_page_match_category (gpointer item, gpointer user_data);
gboolean _sl_meetings_page_set_category (SlMeetingsPage *self, const char *category);
void _sl_meetings_page_toolbar_init (SlMeetingsPage *self);
void _sl_meetings_page_toolbar_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
