/* sl-measures-page.c — the year's follow-up measures, until each is done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every measure of the year's meetings in one list (sl_measure_entries_load),
 * filtered by owner and status with sl_measure_entry_matches(). Overdue
 * measures carry a tag. Marking one done asks for the day and a note and
 * saves it through its meeting, which stays the one record of the measure.
 * The list is read again whenever the page is shown, since measures are
 * written on the meetings page.
 */

#define G_LOG_DOMAIN "sl-measures-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-column-fold.h"
#include "sl-enums.h"
#include "sl-ledger.h"
#include "sl-measure.h"
#include "sl-measure-dialog.h"
#include "sl-measure-entry.h"
#include "sl-meeting-watch.h"
#include "sl-measures-page.h"
#include "sl-member.h"
#include "sl-overview.h"
#include "sl-ui-util.h"
#include "sl-year-page.h"

struct _SlMeasuresPage
{
  AdwBin              parent_instance;

  /* template widgets */
  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *owner_dropdown;
  GtkStringList      *owner_names;
  GtkLabel           *count_label;
  GtkStack           *results_stack;
  GtkColumnView      *measures_view;
  GtkNoSelection     *selection;
  GtkColumnViewColumn *text_column;
  GtkColumnViewColumn *meeting_column;
  GtkColumnViewColumn *owner_column;
  GtkColumnViewColumn *due_column;
  GtkColumnViewColumn *progress_column;
  GtkColumnViewColumn *done_column;

  /* owned references */
  SlLedger           *ledger;
  GListStore         *entries;        /* SlMeasureEntry */
  GtkFilterListModel *filtered;
  GtkFilter          *filter;
  GPtrArray          *owner_ids;      /* char *, parallel to the drop-down after "all" */

  int                 year;
  gboolean            dirty;
  gboolean            updating;
};

static void sl_measures_page_year_page_init (SlYearPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlMeasuresPage, sl_measures_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SL_TYPE_YEAR_PAGE, sl_measures_page_year_page_init))

static const char *
chosen_owner (SlMeasuresPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->owner_dropdown);

  if (self->owner_ids == NULL || selected == 0 || selected > self->owner_ids->len)
    return NULL;
  return g_ptr_array_index (self->owner_ids, selected - 1);
}

static gboolean
filter_entry (gpointer item,
              gpointer user_data)
{
  SlMeasuresPage *self = user_data;

  return sl_measure_entry_matches (item, chosen_owner (self),
                                   gtk_drop_down_get_selected (self->status_dropdown));
}

static void
update_count (SlMeasuresPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint overdue = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->entries)); i++)
    {
      g_autoptr(SlMeasureEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      overdue += sl_measure_entry_get_overdue (entry);
    }

  if (overdue > 0)
    text = g_strdup_printf (ngettext ("%u shown, %u overdue", "%u shown, %u overdue", shown),
                            shown, overdue);
  else
    text = g_strdup_printf (ngettext ("%u shown", "%u shown", shown), shown);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->results_stack, shown > 0 ? "list" : "none");
}

static void
filter_changed_cb (SlMeasuresPage *self)
{
  if (self->updating)
    return;

  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

/* The owners who have measures this year, in roster order. */
static void
refresh_owners (SlMeasuresPage *self)
{
  g_autoptr(GHashTable) owners = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *previous = g_strdup (chosen_owner (self));
  GListModel *members = sl_ledger_get_members (self->ledger);
  guint selected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->entries)); i++)
    {
      g_autoptr(SlMeasureEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      const char *owner = sl_measure_get_owner (sl_measure_entry_get_measure (entry));

      if (owner != NULL)
        g_hash_table_add (owners, (gpointer) g_intern_string (owner));
    }

  g_clear_pointer (&self->owner_ids, g_ptr_array_unref);
  self->owner_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (names, (gpointer) _("All Owners"));

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);
      const char *id = sl_record_get_id (SL_RECORD (member));

      if (!g_hash_table_contains (owners, g_intern_string (id)))
        continue;
      g_ptr_array_add (self->owner_ids, g_strdup (id));
      g_ptr_array_add (names, (gpointer) sl_member_get_name (member));
      if (g_strcmp0 (id, previous) == 0)
        selected = self->owner_ids->len;
    }
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->owner_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->owner_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->owner_dropdown, selected);
  self->updating = FALSE;
}

/**
 * sl_measures_page_reload:
 *
 * Reads the year's measures again, now if the page is shown, else when
 * it next is.
 */
void
sl_measures_page_reload (SlMeasuresPage *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SL_IS_MEASURES_PAGE (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;

  if (self->ledger != NULL && self->year > 0)
    entries = sl_measure_entries_load (self->ledger, self->year, NULL, &error);
  if (error != NULL)
    g_warning ("Cannot read the measures of %d: %s", self->year, error->message);

  /* One items-changed for the whole list. */
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       entries ? entries->pdata : NULL, entries ? entries->len : 0);

  if (entries == NULL || entries->len == 0)
    {
      g_autofree char *title = g_strdup_printf (_("No Measures in %d"), self->year);

      adw_status_page_set_title (self->empty_page, title);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  refresh_owners (self);
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

GListModel *
sl_measures_page_get_model (SlMeasuresPage *self)
{
  g_return_val_if_fail (SL_IS_MEASURES_PAGE (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

/* Cells ------------------------------------------------------------------ */

static GtkWidget *
wrapped_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Whole, and at least eight characters a line: at 700 px a measure
   * wrapped four characters a line and ended in “…” after three lines.
   * On a narrow window the lesser columns hide instead (see init). */
  gtk_label_set_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  return label;
}

static void
text_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SlMeasuresPage           *self)
{
  gtk_list_item_set_child (list_item, wrapped_label ());
}

static void
text_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SlMeasuresPage           *self)
{
  SlMeasure *measure = sl_measure_entry_get_measure (gtk_list_item_get_item (list_item));
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), sl_measure_get_text (measure) ? sl_measure_get_text (measure) : "");
  sl_ui_cell_set_tooltip_text (label, sl_measure_get_text (measure));
}

/* Two lines: a main text and a dim caption. */
static GtkWidget *
two_lines (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *main_label = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (main_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (main_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), main_label);
  gtk_box_append (GTK_BOX (box), caption);
  return box;
}

static void
set_two_lines (GtkWidget  *box,
               const char *main_text,
               const char *caption)
{
  GtkWidget *main_label = gtk_widget_get_first_child (box);
  GtkWidget *caption_label = gtk_widget_get_next_sibling (main_label);

  gtk_label_set_text (GTK_LABEL (main_label), main_text ? main_text : "");
  sl_ui_cell_set_tooltip_text (main_label, main_text);
  gtk_label_set_text (GTK_LABEL (caption_label), caption ? caption : "");
  gtk_widget_set_visible (caption_label, caption != NULL && *caption != '\0');
}

/* The meeting: a flat button that opens it. */
static void
meeting_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  SlMeasuresPage           *self)
{
  GtkWidget *button = gtk_button_new ();

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Meeting titles are long ("…理论学习中心组2025年第3次集体学习"):
   * wrapped on as many lines as they take, never shortened (two lines
   * and “…” cut the number, the one part that tells sessions apart).
   * The title and its date are one label: a wrapped label over a second
   * one in a box was laid out wider than its column (past the window's
   * edge at 360 px), as GTK 4.8's table sizes cells for their row's
   * height. */
  {
    GtkWidget *title = gtk_label_new (NULL);

    gtk_label_set_xalign (GTK_LABEL (title), 0);
    gtk_label_set_wrap (GTK_LABEL (title), TRUE);
    gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
    gtk_label_set_width_chars (GTK_LABEL (title), 18);
    /* On one or two lines where there is room: at 1400 px a 21-character
     * title wrapped after 19 with half the window spare. */
    gtk_label_set_max_width_chars (GTK_LABEL (title), 42);
    gtk_button_set_child (GTK_BUTTON (button), title);
  }
  gtk_widget_add_css_class (button, "sl-cell-button");
  gtk_list_item_set_child (list_item, button);
}

static void
meeting_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 SlMeasuresPage           *self)
{
  SlMeasureEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *button = gtk_list_item_get_child (list_item);
  g_autofree char *date = sl_format_date (sl_measure_entry_get_meeting_date (entry));

  const char *title = sl_measure_entry_get_meeting_title (entry);
  g_autofree char *markup = g_markup_printf_escaped ("%s\n<span size=\"small\" alpha=\"55%%\">%s</span>",
                                                     title ? title : "", date ? date : "");

  gtk_label_set_markup (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), markup);
  sl_ui_cell_set_tooltip_text (button, title);
  /* The target first: an action name without one warns. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                    sl_measure_entry_get_meeting (entry));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-meeting");
}

static void
lines_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                SlMeasuresPage           *self)
{
  gtk_list_item_set_child (list_item, two_lines ());
}

static void
owner_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SlMeasuresPage           *self)
{
  SlMeasure *measure = sl_measure_entry_get_measure (gtk_list_item_get_item (list_item));

  set_two_lines (gtk_list_item_get_child (list_item),
                 sl_ui_member_name (self->ledger, sl_measure_get_owner (measure)),
                 sl_measure_get_department (measure));
}

/* The deadline, and a tag when it has passed. */
static void
due_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SlMeasuresPage           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *date = gtk_label_new (NULL);
  GtkWidget *tag = gtk_label_new (_("Overdue"));

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_widget_set_halign (tag, GTK_ALIGN_START);
  gtk_widget_add_css_class (tag, "sl-tag");
  gtk_widget_add_css_class (tag, "error");
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), tag);
  gtk_list_item_set_child (list_item, box);
}

static void
due_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             SlMeasuresPage           *self)
{
  SlMeasureEntry *entry = gtk_list_item_get_item (list_item);
  SlMeasure *measure = sl_measure_entry_get_measure (entry);
  GtkWidget *date = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  g_autofree char *text = sl_measure_get_due_on (measure) ? sl_format_date (sl_measure_get_due_on (measure))
                                                          : g_strdup ("—");

  gtk_label_set_text (GTK_LABEL (date), text);
  gtk_widget_set_visible (gtk_widget_get_next_sibling (date), sl_measure_entry_get_overdue (entry));
}

/* Status and what was done: "已完成 · 2023年6月25日" over the note. */
static void
progress_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   SlMeasuresPage           *self)
{
  GtkWidget *box = two_lines ();
  GtkWidget *caption = gtk_widget_get_last_child (box);

  /* The state whole (it showed “已完成 · …”), the progress wrapped. */
  gtk_label_set_ellipsize (GTK_LABEL (gtk_widget_get_first_child (box)), PANGO_ELLIPSIZE_NONE);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (caption), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (caption), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 28);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (list_item, box);
}

static void
progress_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  SlMeasuresPage           *self)
{
  SlMeasure *measure = sl_measure_entry_get_measure (gtk_list_item_get_item (list_item));
  SlMeasureStatus status = sl_measure_get_status (measure);
  g_autofree char *status_text = NULL;

  if (status == SL_MEASURE_STATUS_DONE && sl_measure_get_done_on (measure) != NULL)
    {
      g_autofree char *date = sl_format_date (sl_measure_get_done_on (measure));
      status_text = g_strdup_printf ("%s · %s", sl_measure_status_to_label (status), date);
    }
  else
    status_text = g_strdup (status != SL_MEASURE_STATUS_NONE
                            ? sl_measure_status_to_label (status)
                            : sl_measure_status_to_label (SL_MEASURE_STATUS_OPEN));

  set_two_lines (gtk_list_item_get_child (list_item), status_text, sl_measure_get_progress (measure));
}

static void
done_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SlMeasuresPage           *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Mark _Done…"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_end (button, 12);
  gtk_list_item_set_child (list_item, button);
}

static void
done_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SlMeasuresPage           *self)
{
  SlMeasureEntry *entry = gtk_list_item_get_item (list_item);
  SlMeasure *measure = sl_measure_entry_get_measure (entry);
  GtkWidget *button = gtk_list_item_get_child (list_item);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                    sl_record_get_id (SL_RECORD (measure)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "measures.mark-done");
  gtk_widget_set_visible (button, sl_measure_get_status (measure) != SL_MEASURE_STATUS_DONE);
}

static void
set_factory (SlMeasuresPage      *self,
             GtkColumnViewColumn *column,
             GCallback            setup,
             GCallback            bind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  gtk_column_view_column_set_factory (column, factory);
}

/* Actions ---------------------------------------------------------------- */

static void
measure_dialog_response_cb (SlMeasuresPage  *self,
                            const char      *response,
                            SlMeasureDialog *dialog)
{
  SlMeasureEntry *entry = sl_measure_dialog_get_entry (dialog);
  g_autofree char *done_on = NULL;
  g_autofree char *progress = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "done") || self->ledger == NULL)
    return;

  done_on = sl_measure_dialog_get_done_on (dialog);
  progress = sl_measure_dialog_get_progress (dialog);

  if (!sl_measure_entry_mark_done (self->ledger, sl_measure_entry_get_meeting (entry),
                                   sl_record_get_id (SL_RECORD (sl_measure_entry_get_measure (entry))),
                                   done_on, progress, &error))
    {
      sl_ui_show_error (GTK_WIDGET (self), _("The Measure Was Not Saved"), error);
      return;
    }

  /* An editor open on that meeting reads it again: else its next save,
   * built on the change count it read, is refused as stale. */
  sl_meeting_watch_notify (self->ledger, sl_measure_entry_get_meeting (entry));
  sl_measures_page_reload (self);
  sl_ui_add_toast (GTK_WIDGET (self), adw_toast_new (_("Measure marked done")));
}

static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SlMeasuresPage *self = SL_MEASURES_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  GListModel *entries = G_LIST_MODEL (self->entries);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(SlMeasureEntry) entry = g_list_model_get_item (entries, i);
      GtkWidget *dialog;

      if (g_strcmp0 (sl_record_get_id (SL_RECORD (sl_measure_entry_get_measure (entry))), id) != 0)
        continue;

      dialog = sl_measure_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), entry);
      g_signal_connect_object (dialog, "response", G_CALLBACK (measure_dialog_response_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
}

/* Object ----------------------------------------------------------------- */

static void
sl_measures_page_dispose (GObject *object)
{
  SlMeasuresPage *self = SL_MEASURES_PAGE (object);

  /* AdwBin unparents its child itself; the template must not do it too. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_MEASURES_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->entries);
  g_clear_object (&self->ledger);
  g_clear_pointer (&self->owner_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_measures_page_parent_class)->dispose (object);
}

static void
sl_measures_page_year_page_init (SlYearPageInterface *iface)
{
  iface->ledger_offset = G_STRUCT_OFFSET (SlMeasuresPage, ledger);
  iface->year_offset = G_STRUCT_OFFSET (SlMeasuresPage, year);
  /* Measures are written on the meetings page. */
  iface->reload = (SlYearPageReloadFunc) sl_measures_page_reload;
}

static void
sl_measures_page_class_init (SlMeasuresPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_measures_page_dispose;
  sl_year_page_class_install (object_class);
  sl_year_page_class_reload_on_map (widget_class);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/studyledger/StudyLedger/sl-measures-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SlMeasuresPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SlMeasuresPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SlMeasuresPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SlMeasuresPage, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SlMeasuresPage, owner_names);
  gtk_widget_class_bind_template_child (widget_class, SlMeasuresPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SlMeasuresPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, SlMeasuresPage, measures_view);
  gtk_widget_class_bind_template_child (widget_class, SlMeasuresPage, selection);
  gtk_widget_class_bind_template_child (widget_class, SlMeasuresPage, text_column);
  gtk_widget_class_bind_template_child (widget_class, SlMeasuresPage, meeting_column);
  gtk_widget_class_bind_template_child (widget_class, SlMeasuresPage, owner_column);
  gtk_widget_class_bind_template_child (widget_class, SlMeasuresPage, due_column);
  gtk_widget_class_bind_template_child (widget_class, SlMeasuresPage, progress_column);
  gtk_widget_class_bind_template_child (widget_class, SlMeasuresPage, done_column);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "measures.mark-done", "s", mark_done_action);
}

static void
sl_measures_page_init (SlMeasuresPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_list_store_new (SL_TYPE_MEASURE_ENTRY);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_entry, self, NULL));
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->entries)),
                                              g_object_ref (self->filter));
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->filtered));

  set_factory (self, self->text_column, G_CALLBACK (text_setup_cb), G_CALLBACK (text_bind_cb));
  set_factory (self, self->meeting_column, G_CALLBACK (meeting_setup_cb), G_CALLBACK (meeting_bind_cb));
  set_factory (self, self->owner_column, G_CALLBACK (lines_setup_cb), G_CALLBACK (owner_bind_cb));
  set_factory (self, self->due_column, G_CALLBACK (due_setup_cb), G_CALLBACK (due_bind_cb));
  set_factory (self, self->progress_column, G_CALLBACK (progress_setup_cb), G_CALLBACK (progress_bind_cb));
  set_factory (self, self->done_column, G_CALLBACK (done_setup_cb), G_CALLBACK (done_bind_cb));

  /* The measure and its 落实情况 (state and progress, what is followed
   * up) stay on a narrow window; the rest hides, the owner first and the
   * source meeting last (sl-column-fold.c): at 700 px the meeting's
   * title still shows, wrapped; at 360 px it goes. Each shows in the
   * meeting. The progress hid first, and with it the column used most. */
  sl_column_fold_attach (self->measures_view, self->owner_column, 900, self->due_column, 780,
                         self->done_column, 640, self->meeting_column, 560, NULL);
}
