/* sl-meetings-list.c — the meetings list's columns, cells, sorters and category filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The meetings page shows the year's meetings in a GtkColumnView; what
 * each column shows, how it sorts and which meetings a filter button
 * keeps are decided here, apart from the page's state. Cells are labels
 * bound to the meeting's properties in bind and let go in unbind, so a
 * recycled row never shows another meeting's title.
 */

#define G_LOG_DOMAIN "sl-meetings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-column-fold.h"
#include "sl-enums.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-draft.h"
#include "sl-meeting-monitor.h"
#include "sl-meetings-list.h"
#include "sl-ui-util.h"
#include "sl-util.h"

/* Whether the filter button @category ("party_group", "central_group",
 * "special", "branch" or "other") shows meetings of @kind. */
gboolean
sl_meetings_list_kind_in_category (SlMeetingKind  kind,
                                   const char    *category)
{
  switch (kind)
    {
    case SL_MEETING_KIND_PARTY_GROUP:
      return g_str_equal (category, "party_group");
    case SL_MEETING_KIND_CENTRAL_GROUP:
      return g_str_equal (category, "central_group");
    case SL_MEETING_KIND_IDEOLOGY:
    case SL_MEETING_KIND_SITUATION_ANALYSIS:
      return g_str_equal (category, "special");
    case SL_MEETING_KIND_BRANCH_ASSEMBLY:
    case SL_MEETING_KIND_BRANCH_COMMITTEE:
    case SL_MEETING_KIND_GROUP_MEETING:
    case SL_MEETING_KIND_PARTY_LECTURE:
      return g_str_equal (category, "branch");
    case SL_MEETING_KIND_TRAINING:
    case SL_MEETING_KIND_OTHER:
    case SL_MEETING_KIND_NONE:
    default:
      return g_str_equal (category, "other");
    }
}

/* Cells --------------------------------------------------------------------- */

typedef enum {
  CELL_DATE,
  CELL_KIND,
  CELL_TITLE,
  CELL_THEME,
  CELL_ATTENDANCE,
  CELL_FIRST_TOPIC,
  CELL_STATE,
} CellKind;

#define FINALS_KEY "sl-finals"

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  CellKind cell = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), cell == CELL_ATTENDANCE ? 1.0 : 0.0);
  /* A title or a kind is never shortened: at 700 px the kind showed
   * “党组…”. On a narrow window the lesser columns hide
   * (sl_meetings_list_setup_columns()) and a title still wider than the
   * window wraps (at 360 px), rather than the list scrolling sideways
   * with the dates out of sight. The theme alone gives way, down to a few
   * characters, then shows “…”. */
  if (cell == CELL_TITLE)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
    }
  else
    gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (cell == CELL_THEME)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      /* Asks no more than it needs at least: the spare width goes to the
       * titles first, whole on one line at 1400 px (they wrapped while a
       * long theme asked for its whole length), then to the theme,
       * whose column expands. */
      gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
    }
  if (cell == CELL_DATE || cell == CELL_ATTENDANCE)
    gtk_widget_add_css_class (label, "numeric");
  if (cell == CELL_KIND || cell == CELL_THEME)
    gtk_widget_add_css_class (label, "dim-label");
  if (cell == CELL_TITLE)
    sl_ui_label_tooltip_shows_text (label);
  if (cell == CELL_STATE)
    gtk_widget_add_css_class (label, "caption");
  if (cell == CELL_FIRST_TOPIC)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0.5);
      gtk_widget_add_css_class (label, "accent");
    }
  gtk_list_item_set_child (item, label);
}

static gboolean
kind_to_label (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  g_value_set_string (to, sl_meeting_kind_to_label (g_value_get_enum (from)));
  return TRUE;
}

static void
update_attendance_cell (GtkLabel         *label,
                        GParamSpec       *pspec,
                        SlMeetingMonitor *monitor)
{
  guint expected = sl_meeting_monitor_get_expected (monitor);
  guint present = sl_meeting_monitor_get_present (monitor);
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;

  text = expected > 0 ? g_strdup_printf ("%u/%u", present, expected) : g_strdup ("—");
  gtk_label_set_label (label, text);

  description = g_strdup_printf (_("%u of %u present, %u on leave, %u absent"),
                                 present, expected,
                                 sl_meeting_monitor_get_leave (monitor),
                                 sl_meeting_monitor_get_absent (monitor));
  sl_ui_cell_set_tooltip_text (GTK_WIDGET (label), expected > 0 ? description : NULL);
}

static void
update_first_topic_cell (GtkLabel         *label,
                         GParamSpec       *pspec,
                         SlMeetingMonitor *monitor)
{
  gboolean first_topic = sl_meeting_monitor_get_first_topic (monitor);

  gtk_label_set_label (label, first_topic ? "✓" : "");
  sl_ui_cell_set_tooltip_text (GTK_WIDGET (label),
                               first_topic ? _("Has a first agenda item (第一议题)") : NULL);
}

/* 草稿 or 定稿: whether the meeting's id is among the page's finals. */
static void
update_state_cell (GtkLabel *label)
{
  GtkStringList *finals = g_object_get_data (G_OBJECT (label), FINALS_KEY);
  SlMeeting *meeting = g_object_get_data (G_OBJECT (label), "sl-state-meeting");
  const char *id = meeting ? sl_record_get_id (SL_RECORD (meeting)) : NULL;
  gboolean final = FALSE;

  for (guint i = 0; finals != NULL && id != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (finals)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (finals, i), id) == 0)
      final = TRUE;

  gtk_label_set_label (label, final ? _("Final") : _("Draft"));
  if (final)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (label), "success");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
    }
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  CellKind cell = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_list_item_get_child (item);
  SlMeeting *meeting = gtk_list_item_get_item (item);
  GBinding *binding = NULL;
  SlMeetingMonitor *monitor;

  switch (cell)
    {
    case CELL_DATE:
      binding = g_object_bind_property (meeting, "date", label, "label", G_BINDING_SYNC_CREATE);
      g_object_set_data (G_OBJECT (label), "sl-meeting", meeting);
      break;
    case CELL_KIND:
      binding = g_object_bind_property_full (meeting, "kind", label, "label", G_BINDING_SYNC_CREATE,
                                             kind_to_label, NULL, NULL, NULL);
      break;
    case CELL_TITLE:
      binding = g_object_bind_property (meeting, "title", label, "label", G_BINDING_SYNC_CREATE);
      break;
    case CELL_THEME:
      binding = g_object_bind_property (meeting, "theme", label, "label", G_BINDING_SYNC_CREATE);
      break;
    case CELL_ATTENDANCE:
    case CELL_FIRST_TOPIC:
      /* Counts live in the meeting's child lists: a monitor per visible
       * row watches them, and goes away when the row is recycled. */
      monitor = sl_meeting_monitor_new (meeting);
      g_signal_connect_object (monitor, "notify",
                               cell == CELL_ATTENDANCE ? G_CALLBACK (update_attendance_cell)
                                                       : G_CALLBACK (update_first_topic_cell),
                               label, G_CONNECT_SWAPPED);
      if (cell == CELL_ATTENDANCE)
        update_attendance_cell (GTK_LABEL (label), NULL, monitor);
      else
        update_first_topic_cell (GTK_LABEL (label), NULL, monitor);
      g_object_set_data_full (G_OBJECT (item), "sl-monitor", monitor, g_object_unref);
      break;
    case CELL_STATE:
      {
        GtkStringList *finals = g_object_get_data (G_OBJECT (factory), FINALS_KEY);

        g_object_set_data (G_OBJECT (label), FINALS_KEY, finals);
        g_object_set_data (G_OBJECT (label), "sl-state-meeting", meeting);
        g_signal_connect_object (finals, "items-changed", G_CALLBACK (update_state_cell), label,
                                 G_CONNECT_SWAPPED);
        update_state_cell (GTK_LABEL (label));
      }
      break;
    default:
      g_assert_not_reached ();
    }

  if (binding != NULL)
    g_object_set_data_full (G_OBJECT (item), "sl-binding", g_object_ref (binding),
                            (GDestroyNotify) g_object_unref);
}

static void
unbind_label (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  GBinding *binding = g_object_get_data (G_OBJECT (item), "sl-binding");

  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (item), "sl-binding", NULL);
  g_object_set_data (G_OBJECT (item), "sl-monitor", NULL);
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "sl-meeting", NULL);
  if (GPOINTER_TO_INT (data) == CELL_STATE)
    {
      GObject *label = G_OBJECT (gtk_list_item_get_child (item));
      GtkStringList *finals = g_object_get_data (label, FINALS_KEY);

      if (finals != NULL)
        g_signal_handlers_disconnect_by_data (finals, label);
      g_object_set_data (label, "sl-state-meeting", NULL);
    }
}

static int
compare_attendance (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  guint expected_a, present_a, expected_b, present_b;

  sl_meeting_count_attendance ((SlMeeting *) a, &expected_a, &present_a, NULL, NULL);
  sl_meeting_count_attendance ((SlMeeting *) b, &expected_b, &present_b, NULL, NULL);

  /* By rate (a × d against b × c avoids division), then by head count. */
  if ((guint64) present_a * expected_b != (guint64) present_b * expected_a)
    return (guint64) present_a * expected_b < (guint64) present_b * expected_a ? -1 : 1;
  return (expected_a > expected_b) - (expected_a < expected_b);
}

static int
compare_kind (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return (int) sl_meeting_get_kind ((SlMeeting *) a) - (int) sl_meeting_get_kind ((SlMeeting *) b);
}

static int
compare_first_topic (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  return sl_meeting_has_first_topic ((SlMeeting *) a) - sl_meeting_has_first_topic ((SlMeeting *) b);
}

static GtkColumnViewColumn *
add_column (GtkColumnView *view,
            const char    *title,
            CellKind       cell,
            GtkSorter     *sorter,
            gboolean       expand,
            int            fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (cell));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), GINT_TO_POINTER (cell));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_label), GINT_TO_POINTER (cell));

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (view, column);

  g_object_unref (sorter);
  g_object_unref (column);
  return column;
}

static GtkSorter *
string_sorter (const char *property)
{
  return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (SL_TYPE_MEETING, NULL, property)));
}

/* 草稿/定稿: the final meetings' ids are kept on the view
 * (sl_meetings_list_get_finals()), and each cell follows them. */
static GtkColumnViewColumn *
add_state_column (GtkColumnView *view)
{
  GtkStringList *finals = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data_full (G_OBJECT (view), FINALS_KEY, finals, g_object_unref);
  g_object_set_data (G_OBJECT (factory), FINALS_KEY, finals);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (CELL_STATE));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), GINT_TO_POINTER (CELL_STATE));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_label), GINT_TO_POINTER (CELL_STATE));

  /* Translators: a short column title: 草稿 or 定稿. */
  column = gtk_column_view_column_new (_("State"), factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
  return column;
}

/**
 * sl_meetings_list_get_finals:
 *
 * The ids of the final meetings that the list's 草稿/定稿 column marks:
 * the page fills it (sl_evidence_final_meetings()) when it reads the
 * ledger or a meeting is finalised.
 */
GtkStringList *
sl_meetings_list_get_finals (GtkColumnView *view)
{
  return g_object_get_data (G_OBJECT (view), FINALS_KEY);
}

/**
 * sl_meetings_list_setup_columns:
 * @date_column: (out) (transfer none): the date column, to sort by
 * @kind_column: (out) (transfer none): the kind column, hidden when a
 *   filter shows one kind
 *
 * Gives @view the meetings list's columns, newest first.
 */
void
sl_meetings_list_setup_columns (GtkColumnView        *view,
                                GtkColumnViewColumn **date_column,
                                GtkColumnViewColumn **kind_column)
{
  GtkColumnViewColumn *theme, *attendance, *first_topic, *state;
  GtkSorter *sorter;

  /* No fixed widths: on a narrow window a fixed kind column kept its
   * width while titles shrank to “局党组202…”. Each column asks for what
   * its cells show; the title comes right after the date and never shrinks
   * (the list scrolls sideways), the theme takes the spare width and
   * alone gives way. */
  *date_column = add_column (view, _("Date"), CELL_DATE, string_sorter ("date"), FALSE, -1);
  add_column (view, _("Title"), CELL_TITLE, string_sorter ("title"), FALSE, -1);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_kind, NULL, NULL));
  *kind_column = add_column (view, _("Kind"), CELL_KIND, sorter, FALSE, -1);
  theme = add_column (view, _("Theme"), CELL_THEME, string_sorter ("theme"), TRUE, -1);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_attendance, NULL, NULL));
  /* Translators: column of a meeting's head count, “实到/应到”. */
  attendance = add_column (view, _("Present/Expected"), CELL_ATTENDANCE, sorter, FALSE, -1);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_first_topic, NULL, NULL));
  /* Translators: a short column title, “第一议题”. */
  first_topic = add_column (view, _("First Topic"), CELL_FIRST_TOPIC, sorter, FALSE, -1);
  state = add_state_column (view);

  /* On a narrow window the date and the title stay; the rest hides, the
   * least read first, instead of the list scrolling sideways
   * (sl-column-fold.c): at 700 px the kind stays too, at 360 px the
   * filter's button says it. The editor shows them all. */
  sl_column_fold_attach (view, first_topic, 900, attendance, 900, state, 820, theme, 820,
                         *kind_column, 560, NULL);

  /* Newest first: the meeting just logged is at the top. */
  gtk_column_view_sort_by_column (view, *date_column, GTK_SORT_DESCENDING);
}

/* The menu of the list's “New” button: one meeting kind an item,
 * each activating meetings.new-kind. */
GMenuModel *
sl_meetings_list_new_menu (void)
{
  GMenu *menu = g_menu_new ();

  for (SlMeetingKind kind = SL_MEETING_KIND_PARTY_GROUP; kind <= SL_MEETING_KIND_OTHER; kind++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (sl_meeting_kind_to_label (kind), NULL);

      g_menu_item_set_action_and_target (item, "meetings.new-kind", "s",
                                         sl_enum_to_code (SL_TYPE_MEETING_KIND, kind));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

/* New meetings ----------------------------------------------------------------- */

/* The kind a new meeting gets: the one the filter @category shows, else
 * the kind logged most in the last 90 days (sl_meeting_draft_default_kind()). */
SlMeetingKind
sl_meetings_list_default_kind (SlLedger   *ledger,
                               const char *category)
{
  static const struct { const char *category; SlMeetingKind kind; } kinds[] = {
    { "party_group", SL_MEETING_KIND_PARTY_GROUP },
    { "central_group", SL_MEETING_KIND_CENTRAL_GROUP },
    { "special", SL_MEETING_KIND_IDEOLOGY },
    { "branch", SL_MEETING_KIND_BRANCH_ASSEMBLY },
    { "other", SL_MEETING_KIND_OTHER },
  };
  g_autofree char *today = sl_today ();

  for (guint i = 0; category != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (category, kinds[i].category))
      return kinds[i].kind;

  /* The kind she logs most lately, not merely the last one logged. */
  return ledger ? sl_meeting_draft_default_kind (ledger, today)
                : SL_MEETING_KIND_CENTRAL_GROUP;
}

/* A new meeting is on today when the list shows this @year; when it shows
 * another year, it follows that year's latest meeting of @meetings. */
char *
sl_meetings_list_default_date (GListModel *meetings,
                               int         year)
{
  g_autofree char *today = sl_today ();
  char *latest = NULL;

  if (sl_date_get_year (today) == year)
    return g_steal_pointer (&today);

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(SlMeeting) meeting = g_list_model_get_item (meetings, i);

      if (g_strcmp0 (sl_meeting_get_date (meeting), latest) > 0)
        {
          g_free (latest);
          latest = g_strdup (sl_meeting_get_date (meeting));
        }
    }

  return latest ? latest : g_strdup_printf ("%04d-01-01", year);
}

/* The row widget that shows @meeting: the ancestor, just below the inner
 * list view, of the date label that bind_label() tagged with it. */
GtkWidget *
sl_meetings_list_find_row (GtkWidget *widget,
                           SlMeeting *meeting)
{
  if (g_object_get_data (G_OBJECT (widget), "sl-meeting") == meeting)
    {
      GtkWidget *row = widget;

      while (gtk_widget_get_parent (row) != NULL && !GTK_IS_LIST_VIEW (gtk_widget_get_parent (row)))
        row = gtk_widget_get_parent (row);
      return gtk_widget_get_parent (row) != NULL ? row : NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = sl_meetings_list_find_row (child, meeting);

      if (row != NULL)
        return row;
    }

  return NULL;
}
