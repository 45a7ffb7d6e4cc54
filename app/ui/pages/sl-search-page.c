/* sl-search-page.c — find meetings by what was said and studied in them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entry searches as the secretary types (GtkSearchEntry waits for a
 * pause) with sl_search_run(), across every year, at most 200 meetings.
 * A result opens its meeting on the meetings page (win.open-meeting).
 * Queries are index lookups, or for one- and two-character words a scan
 * that NOTES.md measures at 25 ms on 100 000 rows, so they run here.
 */

#define G_LOG_DOMAIN "sl-search-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sl-enums.h"
#include "sl-ledger.h"
#include "sl-overview.h"
#include "sl-search.h"
#include "sl-search-page.h"
#include "sl-search-marks.h"

struct _SlSearchPage
{
  AdwBin          parent_instance;

  /* template widgets */
  GtkSearchEntry *entry;
  GtkStack       *results_stack;
  AdwStatusPage  *none_page;
  GtkLabel       *count_label;
  GtkListBox     *results_list;

  /* owned references */
  SlLedger       *ledger;
  GPtrArray      *hits;         /* SlSearchHit */
};

G_DEFINE_FINAL_TYPE (SlSearchPage, sl_search_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LEDGER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* @snippet escaped for markup, with the query's words in bold, found as
 * the command line finds them (sl-search-marks.c). */
char *
sl_search_highlight (const char *snippet,
                     const char *query)
{
  g_auto(GStrv) words = sl_search_split (query);
  g_autoptr(GArray) marks = sl_search_marks_find (snippet, (const char * const *) words);
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *text = snippet ? snippet : "";
  gsize at = 0;

  for (guint i = 0; i < marks->len; i++)
    {
      const SlSearchMark *mark = &g_array_index (marks, SlSearchMark, i);
      g_autofree char *before = g_markup_escape_text (text + at, mark->start - at);
      g_autofree char *word = g_markup_escape_text (text + mark->start, mark->end - mark->start);

      g_string_append_printf (markup, "%s<b>%s</b>", before, word);
      at = mark->end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (text + at, -1);
    g_string_append (markup, rest);
  }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static GtkWidget *
result_row (const SlSearchHit *hit,
            const char        *query)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (hit->title && *hit->title ? hit->title : _("Untitled meeting"));
  GtkWidget *meta;
  GtkWidget *snippet;
  /* A research topic belongs to a year, not a day. */
  g_autofree char *date = hit->meeting ? sl_format_date (hit->date)
                                       : g_strdup_printf ("%d", hit->year);
  g_autofree char *roles = hit->roles ? sl_search_roles_label ((const char * const *) hit->roles) : NULL;
  g_autofree char *meta_text = NULL;
  g_autofree char *snippet_markup = sl_search_highlight (hit->snippet, query);

  /* A person's part shows it: "2023年3月10日 · 党组会议 · 主持、发言";
   * a research topic has a year and no meeting. */
  if (hit->meeting == NULL)
    meta_text = g_strdup_printf ("%s · %s", date, roles ? roles : sl_search_role_label ("research_lead"));
  else if (roles != NULL)
    meta_text = g_strdup_printf ("%s · %s · %s", date, sl_meeting_kind_to_label (hit->kind), roles);
  else
    meta_text = g_strdup_printf ("%s · %s", date, sl_meeting_kind_to_label (hit->kind));

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");

  meta = gtk_label_new (meta_text);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");

  snippet = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (snippet), snippet_markup);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 2);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_widget_set_visible (snippet, hit->snippet != NULL && *hit->snippet != '\0');

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Activating the row opens the meeting; a research topic has none. */
  if (hit->meeting != NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-meeting");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", hit->meeting);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), hit->meeting != NULL);

  return row;
}

/**
 * sl_search_page_search:
 *
 * Runs the search for @text and shows what it finds.
 */
void
sl_search_page_search (SlSearchPage *self,
                       const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *query = g_strstrip (g_strdup (text ? text : ""));
  GtkWidget *child;

  g_return_if_fail (SL_IS_SEARCH_PAGE (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), text) != 0)
    {
      /* Typing into the entry searches; so does setting its text. */
      gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
    }

  g_clear_pointer (&self->hits, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);

  if (*query == '\0' || self->ledger == NULL)
    {
      gtk_stack_set_visible_child_name (self->results_stack, "start");
      return;
    }

  self->hits = sl_search_run (sl_ledger_get_database (self->ledger), query,
                              SL_SEARCH_PAGE_LIMIT, &error);
  if (self->hits == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_title (self->none_page, _("The Search Failed"));
      adw_status_page_set_description (self->none_page, escaped);
      gtk_stack_set_visible_child_name (self->results_stack, "none");
      return;
    }

  if (self->hits->len == 0)
    {
      g_autofree char *escaped = g_markup_escape_text (query, -1);
      g_autofree char *description = g_strdup_printf (_("No meeting holds “%s”."), escaped);

      adw_status_page_set_title (self->none_page, _("No Results"));
      adw_status_page_set_description (self->none_page, description);
      gtk_stack_set_visible_child_name (self->results_stack, "none");
      return;
    }

  for (guint i = 0; i < self->hits->len; i++)
    gtk_list_box_append (self->results_list, result_row (g_ptr_array_index (self->hits, i), query));

  /* Hits, not meetings: one meeting may be found by several of its
   * texts, and people and research topics are found too. */
  {
    g_autofree char *count = NULL;

    if (self->hits->len >= SL_SEARCH_PAGE_LIMIT)
      count = g_strdup_printf (_("The first %u results; add a word to narrow the search"),
                               self->hits->len);
    else
      count = g_strdup_printf (ngettext ("%u result", "%u results", self->hits->len),
                               self->hits->len);
    gtk_label_set_text (self->count_label, count);
  }

  gtk_stack_set_visible_child_name (self->results_stack, "results");
}

static void
search_changed_cb (SlSearchPage *self)
{
  sl_search_page_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
entry_activate_cb (SlSearchPage *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  /* Enter opens the first result. */
  if (first != NULL && gtk_stack_get_visible_child_name (self->results_stack) != NULL &&
      g_str_equal (gtk_stack_get_visible_child_name (self->results_stack), "results"))
    gtk_widget_activate (GTK_WIDGET (first));
}

void
sl_search_page_focus (SlSearchPage *self)
{
  g_return_if_fail (SL_IS_SEARCH_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

guint
sl_search_page_get_n_results (SlSearchPage *self)
{
  g_return_val_if_fail (SL_IS_SEARCH_PAGE (self), 0);
  return self->hits ? self->hits->len : 0;
}

/* The id of the meeting of result @index. */
const char *
sl_search_page_get_result (SlSearchPage *self,
                           guint         index)
{
  g_return_val_if_fail (SL_IS_SEARCH_PAGE (self), NULL);

  if (self->hits == NULL || index >= self->hits->len)
    return NULL;
  return ((SlSearchHit *) g_ptr_array_index (self->hits, index))->meeting;
}

static void
sl_search_page_dispose (GObject *object)
{
  SlSearchPage *self = SL_SEARCH_PAGE (object);

  /* AdwBin unparents its child itself; the template must not do it too. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_SEARCH_PAGE);
  g_clear_object (&self->ledger);
  g_clear_pointer (&self->hits, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_search_page_parent_class)->dispose (object);
}

static void
sl_search_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SlSearchPage *self = SL_SEARCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEDGER: g_value_set_object (value, self->ledger); break;
    default:          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_search_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SlSearchPage *self = SL_SEARCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEDGER:
      if (g_set_object (&self->ledger, g_value_get_object (value)))
        {
          search_changed_cb (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_search_page_class_init (SlSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_search_page_dispose;
  object_class->get_property = sl_search_page_get_property;
  object_class->set_property = sl_search_page_set_property;

  properties[PROP_LEDGER] =
    g_param_spec_object ("ledger", NULL, NULL, SL_TYPE_LEDGER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/studyledger/StudyLedger/sl-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SlSearchPage, entry);
  gtk_widget_class_bind_template_child (widget_class, SlSearchPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, SlSearchPage, none_page);
  gtk_widget_class_bind_template_child (widget_class, SlSearchPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SlSearchPage, results_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
}

static void
sl_search_page_init (SlSearchPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
