/* sl-overview-page.c — a year at a glance: figures, charts, rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the page says is worked out by sl_overview_new() from the year's
 * statistics; this file only lays it out. The statistics are computed
 * again whenever the page is shown, and when the year or the ledger
 * changes while it is shown, since meetings are edited on another page.
 * Counting a year is a handful of indexed queries (NOTES.md measures a
 * year of a million attendance rows under 0.1 s), so it runs here rather
 * than in a thread.
 *
 * Except the first time: the page is the one the window opens on, and
 * counting the year, building its rows and laying out their text was
 * four tenths of the processor time before the window's first frame on a
 * ten-year ledger (docs/performance.md, "Start-up as the desktop starts
 * it"). So the first map shows a blank "loading" page, and the year is
 * counted from an idle after the next frame has been painted; anything
 * that asks the page for its figures before that gets them counted at
 * once (fill_now()).
 */

#define G_LOG_DOMAIN "sl-overview-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sl-chart.h"
#include "sl-date.h"
#include "sl-enums.h"
#include "sl-evidence.h"
#include "sl-ledger.h"
#include "sl-lock-year-dialog.h"
#include "sl-organization.h"
#include "sl-overview-page.h"
#include "sl-pool-page.h"
#include "sl-statistics.h"
#include "sl-year-lock-watch.h"
#include "sl-year-page.h"

struct _SlOverviewPage
{
  AdwBin          parent_instance;

  /* template widgets */
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkLabel       *meetings_value;
  GtkLabel       *drafts_caption;
  GtkWidget      *lock_label;     /* the year's locks, in code above the figures */
  GtkWidget      *lock_button;    /* 锁定年度…, beside it */
  GtkLabel       *attendance_value;
  GtkLabel       *participation_value;
  GtkLabel       *fulfilment_value;
  GtkLabel       *measures_value;
  GtkLabel       *measures_caption;
  SlChart        *months_chart;
  SlChart        *members_chart;
  GtkListBox     *kinds_list;
  AdwPreferencesGroup *attendance_group;
  GtkListBox     *flagged_list;
  GtkListBox     *progress_list;
  GtkListBox     *rules_list;

  /* owned references */
  SlLedger       *ledger;
  SlOverview     *overview;
  SlYearLockWatch *lock_watch;    /* the ledger's: a lock or unlock here */

  int             year;
  gboolean        dirty;
  gboolean        lock_offered;   /* some organization's year is still open */

  /* The first fill, waiting for the first frame (see the top). */
  gboolean        filled_once;
  GdkFrameClock  *fill_clock;     /* unowned: its after-paint handler */
  gulong          fill_paint_id;
  guint           fill_source_id; /* the idle after it, or the timeout before */
};

/* The first fill waits for the first frame, but no longer than this. */
#define FILL_AT_THE_LATEST_MS 1000

static void sl_overview_page_year_page_init (SlYearPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlOverviewPage, sl_overview_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SL_TYPE_YEAR_PAGE, sl_overview_page_year_page_init))

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
status_css_class (SlComplianceStatus status)
{
  switch (status)
    {
    case SL_COMPLIANCE_MET:    return "success";
    case SL_COMPLIANCE_DUE:    return "warning";
    case SL_COMPLIANCE_MISSED: return "error";
    default:                   return NULL;
    }
}

static const char *
status_icon_name (SlComplianceStatus status)
{
  switch (status)
    {
    case SL_COMPLIANCE_MET:    return "object-select-symbolic";
    case SL_COMPLIANCE_DUE:    return "alarm-symbolic";
    case SL_COMPLIANCE_MISSED: return "dialog-warning-symbolic";
    default:                   return NULL;
    }
}

/* ✓ 已达标, in the colour of the status; the word, not only the colour. */
static GtkWidget *
status_badge (const SlOverviewCheck *check)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* 无法判断 is neither a pass nor a miss: a question, in the colour of a
   * warning, whatever the status it counts as. */
  GtkWidget *icon = gtk_image_new_from_icon_name (check->unchecked ? "dialog-question-symbolic"
                                                                   : status_icon_name (check->status));
  GtkWidget *label = gtk_label_new (check->status_label);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, check->unchecked ? "warning" : status_css_class (check->status));
  gtk_widget_add_css_class (box, "sl-status");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static GtkWidget *
value_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static GtkWidget *
action_row (const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* A row that goes to another page (win.show-page). */
static GtkWidget *
link_row (const char *title,
          const char *subtitle,
          const char *value,
          const char *page)
{
  GtkWidget *row = action_row (title, subtitle);

  if (value != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), value_label (value));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-page");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", page);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
show_charts (SlOverviewPage *self)
{
  const SlOverview *overview = self->overview;
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) series = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) description = g_string_new (NULL);
  guint colors[SL_OVERVIEW_MAX_SERIES];

  for (guint m = 1; m <= 12; m++)
    /* Translators: a month under a chart column; in Chinese "%u月". */
    g_ptr_array_add (months, g_strdup_printf (C_("chart month", "%u"), m));
  g_ptr_array_add (months, NULL);

  for (guint s = 0; s < overview->n_series; s++)
    {
      g_ptr_array_add (series, (gpointer) sl_meeting_kind_to_label (overview->series[s]));
      /* A kind keeps its colour from year to year. */
      colors[s] = overview->series[s] - 1;
      g_string_append_printf (description, "%s%s %u", s ? ", " : "",
                              sl_meeting_kind_to_label (overview->series[s]),
                              ((SlOverviewKind *) g_ptr_array_index (overview->kinds, s))->count);
    }
  g_ptr_array_add (series, NULL);

  for (guint m = 0; m < 12; m++)
    g_array_append_vals (values, overview->monthly[m], overview->n_series);

  sl_chart_set_columns (self->months_chart,
                        (const char * const *) months->pdata,
                        (const char * const *) series->pdata,
                        colors, (const double *) values->data);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->months_chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Meetings per month, by kind"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);

  g_string_truncate (description, 0);
  for (guint i = 0; i < overview->members->len; i++)
    {
      const SlOverviewMember *member = g_ptr_array_index (overview->members, i);

      g_ptr_array_add (names, member->name);
      g_array_append_val (rates, member->rate);
      g_string_append_printf (description, "%s%s %s", i ? ", " : "", member->name, member->rate_text);
    }
  g_ptr_array_add (names, NULL);

  sl_chart_set_bars (self->members_chart, (const char * const *) names->pdata,
                     (const double *) rates->data, overview->threshold);
  gtk_widget_set_visible (GTK_WIDGET (self->members_chart), overview->members->len > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->members_chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attendance rate of each member"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

static void
show_lists (SlOverviewPage *self)
{
  const SlOverview *overview = self->overview;
  g_autofree char *threshold = sl_format_rate (overview->threshold);
  g_autofree char *description = NULL;

  clear_list (self->kinds_list);
  for (guint i = 0; i < overview->kinds->len; i++)
    {
      const SlOverviewKind *kind = g_ptr_array_index (overview->kinds, i);
      g_autofree char *count = g_strdup_printf (ngettext ("%u meeting", "%u meetings", kind->count),
                                                kind->count);
      GtkWidget *row = action_row (kind->label, NULL);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value_label (count));
      gtk_list_box_append (self->kinds_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->kinds_list), overview->kinds->len > 0);

  /* Members who fall short of a rule; the chart shows everybody. */
  clear_list (self->flagged_list);
  for (guint i = 0; i < overview->flagged->len; i++)
    {
      const SlOverviewMember *member = g_ptr_array_index (overview->flagged, i);
      GtkWidget *row = action_row (member->name, member->reason);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->flagged_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->flagged_list), overview->flagged->len > 0);

  if (overview->members->len == 0)
    description = g_strdup (_("No attendance has been recorded this year."));
  else if (overview->flagged->len == 0)
    description = g_strdup_printf (_("Every member attended at least %s of the meetings they were expected at."),
                                   threshold);
  else
    description = g_strdup_printf (_("Members under the threshold of %s, or with too many absences or leaves, are listed below the chart."),
                                   threshold);
  adw_preferences_group_set_description (self->attendance_group, description);

  clear_list (self->progress_list);
  for (guint i = 0; i < overview->plans->len; i++)
    {
      const SlOverviewPlan *plan = g_ptr_array_index (overview->plans, i);

      gtk_list_box_append (self->progress_list,
                           link_row (plan->title, plan->subtitle, plan->rate_text, "plan"));
    }
  if (overview->plans->len == 0)
    {
      g_autofree char *title = g_strdup_printf (_("No study plan for %d"), overview->year);

      gtk_list_box_append (self->progress_list,
                           link_row (title, _("Write the year’s plan on the Study Plan page"),
                                     NULL, "plan"));
    }
  {
    g_autofree char *subtitle = NULL;

    if (overview->measures_open == 0)
      subtitle = g_strdup (_("Every measure of the year’s meetings is done"));
    else
      subtitle = g_strdup_printf (_("Open or in progress; %s"), overview->measures_detail);
    gtk_list_box_append (self->progress_list,
                         link_row (_("Follow-up measures"), subtitle, overview->measures_text,
                                   "measures"));
  }
  if (self->ledger != NULL)
    {
      /* The topic pool: what is past its timeliness_days, in red. */
      guint overdue = 0;
      guint items = sl_pool_page_count (self->ledger, overview->year, &overdue);
      g_autofree char *subtitle = g_strdup_printf (_("%u items, %u overdue"), items, overdue);
      g_autofree char *count = g_strdup_printf ("%u", overdue);
      GtkWidget *row = link_row (_("Topic pool"), subtitle, count, "pool");

      gtk_widget_set_name (row, "pool-overdue");
      if (overdue > 0)
        gtk_widget_add_css_class (row, "error");
      gtk_list_box_append (self->progress_list, row);
    }

  clear_list (self->rules_list);
  for (guint i = 0; i < overview->rules->len; i++)
    {
      const SlOverviewRule *rule = g_ptr_array_index (overview->rules, i);
      GtkWidget *row;

      if (rule->periods->len == 0)
        {
          row = action_row (rule->check.title, rule->check.subtitle);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_badge (&rule->check));
        }
      else
        {
          row = adw_expander_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rule->check.title);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), rule->check.subtitle);
          adw_expander_row_add_action (ADW_EXPANDER_ROW (row), status_badge (&rule->check));

          for (guint p = 0; p < rule->periods->len; p++)
            {
              const SlOverviewCheck *period = g_ptr_array_index (rule->periods, p);
              GtkWidget *child = action_row (period->title, period->subtitle);

              adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (child), 0);
              adw_action_row_add_suffix (ADW_ACTION_ROW (child), status_badge (period));
              adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
            }
        }

      gtk_list_box_append (self->rules_list, row);
    }
}

/* "2025年度已锁定（市统计局党组，2026-01-05 09:30 王五）", one line per
 * organization whose year is locked now; hidden when none is. An
 * inspection reads the overview first: whether the year stands closed is
 * part of its state, as the drafts are. */
static void
show_locks (SlOverviewPage *self)
{
  g_autoptr(GPtrArray) locks = sl_evidence_load_locks (self->ledger, NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; locks != NULL && i < locks->len; i++)
    {
      SlYearLock *lock = g_ptr_array_index (locks, i);
      SlOrganization *organization;
      g_autofree char *since = NULL;

      if (lock->year != self->year || lock->unlocked_at != NULL)
        continue;
      organization = sl_ledger_find_organization (self->ledger, lock->organization);
      since = sl_date_local_time_text (lock->locked_at);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: 2025年度已锁定（组织，锁定时间 锁定人） */
      g_string_append_printf (text, _("The year %d is locked for %s (since %s, by %s)"), lock->year,
                              organization ? sl_organization_get_name (organization) : lock->organization,
                              since, lock->locked_by ? lock->locked_by : "—");
    }
  /* Why 锁定年度… is off (update_lock_action()): nothing is left to lock. */
  if (text->len > 0 && !self->lock_offered)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Every organization's year %d is locked, so there is nothing left "
                                      "to lock; to change its records, revoke the lock from one of its "
                                      "meetings"), self->year);
    }
  /* Some locked, some open: 锁定年度… is for the open ones; say where the
   * locked ones are opened again (a tester saw only 锁定年度…). */
  else if (text->len > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("To change a locked organization's records, open one of its meetings "
                               "and choose Revoke the Lock…"));
    }
  gtk_label_set_text (GTK_LABEL (self->lock_label), text->str);
  gtk_widget_set_visible (self->lock_label, text->len > 0);
}

/* 锁定年度… is offered while some organization's year is still open: a
 * year locked for all of them has nothing left to lock (a tester opened
 * the dialog only to be refused). Worked out on every reload, shown or
 * not, since the year, the ledger or a lock changed. */
static void
update_lock_action (SlOverviewPage *self)
{
  g_autoptr(GPtrArray) lockable = NULL;
  gboolean enabled = FALSE;

  if (self->ledger != NULL && self->year > 0)
    {
      lockable = sl_lock_year_dialog_lockable (self->ledger, self->year);
      enabled = lockable->len > 0;
    }
  self->lock_offered = enabled;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.lock-year", enabled);
  gtk_widget_set_tooltip_text (self->lock_button,
                               enabled ? _("Make the year's records read-only, as evidence; "
                                           "unlocking needs a reason")
                                       : _("The year is locked for every organization already"));
}

static void
on_locks_changed (SlOverviewPage *self)
{
  sl_overview_page_reload (self);
}

/* The ledger's lock watch, followed from the first reload on (the
 * ledger may change under the page). */
static void
watch_locks (SlOverviewPage *self)
{
  SlYearLockWatch *watch = self->ledger ? sl_year_lock_watch_get (self->ledger) : NULL;

  if (watch == self->lock_watch)
    return;
  if (self->lock_watch != NULL)
    g_signal_handlers_disconnect_by_data (self->lock_watch, self);
  g_set_object (&self->lock_watch, watch);
  if (watch != NULL)
    g_signal_connect_swapped (watch, "changed", G_CALLBACK (on_locks_changed), self);
}

static void
cancel_deferred_fill (SlOverviewPage *self)
{
  if (self->fill_paint_id != 0)
    g_signal_handler_disconnect (self->fill_clock, self->fill_paint_id);
  self->fill_paint_id = 0;
  self->fill_clock = NULL;
  g_clear_handle_id (&self->fill_source_id, g_source_remove);
}

/**
 * sl_overview_page_reload:
 *
 * Counts the year again now if the page is shown, or when it is next.
 */
void
sl_overview_page_reload (SlOverviewPage *self)
{
  g_autoptr(SlStatistics) stats = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (SL_IS_OVERVIEW_PAGE (self));

  watch_locks (self);
  update_lock_action (self);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  /* Counted now: the first fill, if it still waits, is this one. */
  cancel_deferred_fill (self);
  self->filled_once = TRUE;

  g_clear_pointer (&self->overview, sl_overview_free);
  if (self->ledger == NULL || self->year <= 0)
    return;

  stats = sl_statistics_compute (sl_ledger_get_database (self->ledger), self->year,
                                 NULL, NULL, &error);
  if (stats == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_title (self->empty_page, _("The Year Cannot Be Counted"));
      adw_status_page_set_description (self->empty_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->overview = sl_overview_new (stats);

  if (stats->meetings_total == 0 && stats->plans->len == 0)
    {
      g_autofree char *description = NULL;

      title = g_strdup_printf (_("No Records for %d"), self->year);
      description = g_strdup_printf (_("Once meetings or a study plan of %d are recorded, "
                                       "this page sums them up and checks them against the "
                                       "work plan."), self->year);
      adw_status_page_set_title (self->empty_page, title);
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_label_set_text (self->meetings_value, self->overview->meetings_text);
  show_locks (self);
  gtk_label_set_text (self->drafts_caption, self->overview->drafts_text);
  if (self->overview->drafts_overdue > 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->drafts_caption), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->drafts_caption), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->drafts_caption), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->drafts_caption), "dim-label");
    }
  gtk_label_set_text (self->attendance_value, self->overview->attendance_text);
  gtk_label_set_text (self->participation_value, self->overview->participation_text);
  gtk_label_set_text (self->fulfilment_value, self->overview->fulfilment_text);
  gtk_label_set_text (self->measures_value, self->overview->measures_text);
  gtk_label_set_text (self->measures_caption, self->overview->measures_detail);
  if (self->overview->measures_overdue > 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->measures_caption), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->measures_caption), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->measures_caption), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->measures_caption), "dim-label");
    }

  show_charts (self);
  show_lists (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

/* Whoever reads the page before its first fill gets the year counted. */
static void
fill_now (SlOverviewPage *self)
{
  if (self->fill_paint_id != 0 || self->fill_source_id != 0)
    sl_overview_page_reload (self);
}

const SlOverview *
sl_overview_page_get_overview (SlOverviewPage *self)
{
  g_return_val_if_fail (SL_IS_OVERVIEW_PAGE (self), NULL);

  fill_now (self);
  return self->overview;
}

/**
 * sl_overview_page_get_filled:
 *
 * Returns: whether the page shows the year (or why it cannot), rather
 *   than the blank page it shows until the window's first frame is painted
 */
gboolean
sl_overview_page_get_filled (SlOverviewPage *self)
{
  g_return_val_if_fail (SL_IS_OVERVIEW_PAGE (self), FALSE);

  return self->filled_once;
}

/* The text of a figure: "meetings", "drafts", "attendance", "participation",
 * "fulfilment" or "measures"; or "locks", the year's locks ("" for none). */
const char *
sl_overview_page_get_figure (SlOverviewPage *self,
                             const char     *name)
{
  g_return_val_if_fail (SL_IS_OVERVIEW_PAGE (self), NULL);

  fill_now (self);
  if (g_strcmp0 (name, "meetings") == 0)      return gtk_label_get_text (self->meetings_value);
  if (g_strcmp0 (name, "drafts") == 0)        return gtk_label_get_text (self->drafts_caption);
  if (g_strcmp0 (name, "locks") == 0)
    return gtk_widget_get_visible (self->lock_label) ? gtk_label_get_text (GTK_LABEL (self->lock_label)) : "";
  if (g_strcmp0 (name, "attendance") == 0)    return gtk_label_get_text (self->attendance_value);
  if (g_strcmp0 (name, "participation") == 0) return gtk_label_get_text (self->participation_value);
  if (g_strcmp0 (name, "fulfilment") == 0)    return gtk_label_get_text (self->fulfilment_value);
  if (g_strcmp0 (name, "measures") == 0)      return gtk_label_get_text (self->measures_value);
  g_return_val_if_reached (NULL);
}

static gboolean
deferred_fill_cb (gpointer user_data)
{
  SlOverviewPage *self = SL_OVERVIEW_PAGE (user_data);

  self->fill_source_id = 0;
  sl_overview_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
first_frame_painted_cb (GdkFrameClock  *clock,
                        SlOverviewPage *self)
{
  g_signal_handler_disconnect (clock, self->fill_paint_id);
  self->fill_paint_id = 0;
  self->fill_clock = NULL;
  g_clear_handle_id (&self->fill_source_id, g_source_remove);
  /* Not inside the frame: from the main loop, before the day's backup
   * (G_PRIORITY_LOW, sl-window-jobs.c) starts. */
  self->fill_source_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, deferred_fill_cb, self, NULL);
}

static void
sl_overview_page_map (GtkWidget *widget)
{
  SlOverviewPage *self = SL_OVERVIEW_PAGE (widget);
  GdkFrameClock *clock;

  GTK_WIDGET_CLASS (sl_overview_page_parent_class)->map (widget);

  /* Meetings may have changed on another page. */
  self->dirty = TRUE;

  /* The first time, the frame first: the blank page, then the year. */
  if (!self->filled_once && self->fill_paint_id == 0 && self->fill_source_id == 0 &&
      (clock = gtk_widget_get_frame_clock (widget)) != NULL)
    {
      self->fill_clock = clock;
      self->fill_paint_id = g_signal_connect (clock, "after-paint",
                                              G_CALLBACK (first_frame_painted_cb), self);
      /* Should no frame come (a compositor that holds back a window it
       * does not show), the page still fills. */
      self->fill_source_id = g_timeout_add (FILL_AT_THE_LATEST_MS, deferred_fill_cb, self);
      gtk_widget_queue_draw (widget);
      return;
    }

  sl_overview_page_reload (self);
}

static void
sl_overview_page_unmap (GtkWidget *widget)
{
  SlOverviewPage *self = SL_OVERVIEW_PAGE (widget);

  /* Hidden before its first fill: the next map waits for its frame again. */
  cancel_deferred_fill (self);

  GTK_WIDGET_CLASS (sl_overview_page_parent_class)->unmap (widget);
}

static void
sl_overview_page_dispose (GObject *object)
{
  SlOverviewPage *self = SL_OVERVIEW_PAGE (object);

  cancel_deferred_fill (self);
  if (self->lock_watch != NULL)
    g_signal_handlers_disconnect_by_data (self->lock_watch, self);
  g_clear_object (&self->lock_watch);
  /* AdwBin unparents its child itself; the template must not do it too. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->ledger);
  g_clear_pointer (&self->overview, sl_overview_free);

  G_OBJECT_CLASS (sl_overview_page_parent_class)->dispose (object);
}

static void
lock_year_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SlOverviewPage *self = SL_OVERVIEW_PAGE (widget);

  if (self->ledger == NULL || self->year <= 0)
    return;
  /* After a lock the page counts again through the lock watch (and the
   * editor shows the banner when a meeting of the year is opened). */
  gtk_window_present (GTK_WINDOW (sl_lock_year_dialog_new (widget, self->ledger, self->year, NULL)));
}

static void
sl_overview_page_year_page_init (SlYearPageInterface *iface)
{
  iface->ledger_offset = G_STRUCT_OFFSET (SlOverviewPage, ledger);
  iface->year_offset = G_STRUCT_OFFSET (SlOverviewPage, year);
  iface->reload = (SlYearPageReloadFunc) sl_overview_page_reload;
}

static void
sl_overview_page_class_init (SlOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_overview_page_dispose;
  sl_year_page_class_install (object_class);
  widget_class->map = sl_overview_page_map;
  widget_class->unmap = sl_overview_page_unmap;

  g_type_ensure (SL_TYPE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/studyledger/StudyLedger/sl-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SlOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SlOverviewPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SlOverviewPage, meetings_value);
  gtk_widget_class_bind_template_child (widget_class, SlOverviewPage, drafts_caption);
  gtk_widget_class_bind_template_child (widget_class, SlOverviewPage, attendance_value);
  gtk_widget_class_bind_template_child (widget_class, SlOverviewPage, participation_value);
  gtk_widget_class_bind_template_child (widget_class, SlOverviewPage, fulfilment_value);
  gtk_widget_class_bind_template_child (widget_class, SlOverviewPage, measures_value);
  gtk_widget_class_bind_template_child (widget_class, SlOverviewPage, measures_caption);
  gtk_widget_class_bind_template_child (widget_class, SlOverviewPage, months_chart);
  gtk_widget_class_bind_template_child (widget_class, SlOverviewPage, members_chart);
  gtk_widget_class_bind_template_child (widget_class, SlOverviewPage, kinds_list);
  gtk_widget_class_bind_template_child (widget_class, SlOverviewPage, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, SlOverviewPage, flagged_list);
  gtk_widget_class_bind_template_child (widget_class, SlOverviewPage, progress_list);
  gtk_widget_class_bind_template_child (widget_class, SlOverviewPage, rules_list);

  gtk_widget_class_install_action (widget_class, "overview.lock-year", NULL, lock_year_action);
}

static void
sl_overview_page_init (SlOverviewPage *self)
{
  GtkWidget *scroller, *viewport, *clamp, *column, *bar, *button;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* 锁定年度… above the figures, at the right (sl-lock-year-dialog.c). */
  scroller = gtk_stack_get_child_by_name (self->stack, "content");
  viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  clamp = GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : viewport;
  column = adw_clamp_get_child (ADW_CLAMP (clamp));
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  button = gtk_button_new_with_mnemonic (_("_Lock the Year…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "overview.lock-year");
  gtk_widget_set_tooltip_text (button, _("Make the year's records read-only, as evidence; unlocking needs a reason"));
  self->lock_button = button;
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (button, TRUE);
  /* The year's locks, at the left of the same bar (show_locks()). */
  self->lock_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->lock_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->lock_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->lock_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (self->lock_label, TRUE);
  gtk_widget_set_name (self->lock_label, "sl-overview-locks");
  gtk_widget_add_css_class (self->lock_label, "heading");
  gtk_widget_set_visible (self->lock_label, FALSE);
  gtk_box_append (GTK_BOX (bar), self->lock_label);
  gtk_box_append (GTK_BOX (bar), button);
  gtk_box_prepend (GTK_BOX (column), bar);
}
