/* sl-window-private.h — what the window's files share: its struct and internal calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is one class in three files, as GNOME Text Editor splits its
 * own: sl-window.c (construction, navigation, properties),
 * sl-window-actions.c (every win.* action and which are enabled) and
 * sl-window-jobs.c (the long jobs: roster and archive import, archive
 * export, backup, restore, the day's backup and the damage banner).
 * Nothing outside app/ui/window/ includes this header; those files
 * include sl-window.h first (this header does not, so that the window's
 * public header and its private one do not include each other).
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"
#include "sl-window-writers.h"

G_BEGIN_DECLS

/* The day's backup, which the window starts after its first frame. */
typedef enum
{
  DAILY_BACKUP_NOT_YET,   /* not mapped yet */
  DAILY_BACKUP_WAITING,   /* for the first frame, then for the idle */
  DAILY_BACKUP_RUNNING,
  DAILY_BACKUP_DONE,      /* made, found there already, failed or dropped */
} DailyBackup;

struct _SlWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *content_box;
  GtkWidget            *content_header;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *sidebar_title;
  AdwWindowTitle       *page_title;
  GtkDropDown          *year_dropdown;
  GtkStringList        *year_model;
  GtkSpinner           *busy_spinner;
  GtkStack             *content_stack;
  GtkWidget            *overview_page;
  GtkInfoBar           *damage_bar;
  GtkLabel             *damage_label;

  /* borrowed references: none; the pages belong to the stack */

  /* owned references */
  SlLedger             *ledger;
  GSettings            *settings;
  GArray               *years;          /* int, in the order of year_model */
  GCancellable         *cancellable;
  GtkNativeDialog      *chooser;
  GFile                *pending_archive; /* an archive that asks to be merged */
  GApplication         *held;            /* held while work runs */
  SlWindowWriters      *writers;         /* other programs on the ledger */

  /* state */
  int                   year;
  guint                 busy;
  DailyBackup           daily_backup;
  guint                 daily_backup_id;  /* the idle that starts it */
  guint                 fold_idle;        /* sl-window-narrow.c */
  gboolean              example;
  gboolean              empty;
  gboolean              updating_years;
  gboolean              updating_sidebar;
  gboolean              closing_with_unsaved_input;   /* the user said to close anyway */
};

/* The sidebar's pages, in its order and that of Ctrl+1..6. */
#define _SL_WINDOW_N_SIDEBAR_PAGES 9
extern const char * const _sl_window_sidebar_pages[_SL_WINDOW_N_SIDEBAR_PAGES];

/* sl-window.c */
const char *_sl_window_database_path         (SlWindow      *self);
void        _sl_window_refresh_years         (SlWindow      *self);
void        _sl_window_notify_busy           (SlWindow      *self);

/* sl-window-actions.c */
void        _sl_window_class_actions_init    (SlWindowClass *klass);
void        _sl_window_actions_update        (SlWindow      *self);

/* sl-window-narrow.c: below this width the sidebar and the page show
 * one at a time. */
#define SL_WINDOW_FOLD_WIDTH 860
void        _sl_window_narrow_class_init     (SlWindowClass *klass);
void        _sl_window_narrow_dispose        (SlWindow      *self);
void        _sl_window_narrow_update_header  (SlWindow      *self);
void        _sl_window_narrow_watch_page     (SlWindow      *self,
                                              GtkWidget     *page);

/* sl-window-focus.c */
void        _sl_window_focus_init            (SlWindow      *self);
gboolean    _sl_window_focus_page            (SlWindow      *self);

/* sl-window-jobs.c */
void        _sl_window_schedule_daily_backup (SlWindow      *self);

G_END_DECLS
