/* sl-ui-util.c — small helpers the window's pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages do not know the window they sit in: they reach the toast overlay
 * and the dialog's parent through their ancestors, so a page also works in
 * a test window of its own.
 */

#define G_LOG_DOMAIN "sl-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sl-ledger.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-ui-util.h"

/* A toast whose text is taken as it is: AdwToast reads its title as
 * Pango markup, and names or error messages may hold "&" or "<". */
AdwToast *
sl_ui_toast_new_printf (const char *format,
                        ...)
{
  g_autofree char *title = NULL;
  va_list args;

  va_start (args, format);
  title = g_markup_vprintf_escaped (format, args);
  va_end (args);

  return adw_toast_new (title);
}

/* A widget outside the overlay (the window itself, or a dialog's owner
 * that is the window) reaches it through its root: the main window's
 * content is its AdwToastOverlay. */
static GtkWidget *
root_toast_overlay (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *content = NULL;

  if (ADW_IS_APPLICATION_WINDOW (root))
    content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (root));
  else if (ADW_IS_WINDOW (root))
    content = adw_window_get_content (ADW_WINDOW (root));

  return ADW_IS_TOAST_OVERLAY (content) ? content : NULL;
}

/* The one way to show a toast: in the nearest toast overlay above @widget,
 * else in its window's; takes @toast. */
void
sl_ui_add_toast (GtkWidget *widget,
                 AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    overlay = root_toast_overlay (widget);
  if (overlay == NULL)
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (g_object_ref_sink (toast));
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
sl_ui_show_message (GtkWidget  *widget,
                    const char *heading,
                    const char *body)
{
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* An error in an AdwMessageDialog; a cancelled operation is not one. */
void
sl_ui_show_error (GtkWidget  *widget,
                  const char *heading,
                  GError     *error)
{
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  {
    g_autofree char *text = sl_ui_error_text (error);

    sl_ui_show_message (widget, heading, text);
  }
}

/* The Chinese label of a field code that core puts at the head of its
 * messages ("organization: a meeting needs an organization"); the command
 * line keeps the archive's codes, the window shows what the form calls
 * the field. NULL for a code not known here. */
static const char *
field_label (const char *code,
             gsize       length)
{
  static const struct { const char *code; const char *label; } fields[] = {
    { "organization", NC_("field", "Organization") },
    { "date",         NC_("field", "Date") },
    { "start",        NC_("field", "Start") },
    { "end",          NC_("field", "End") },
    { "kind",         NC_("field", "Kind") },
    { "parent",       NC_("field", "Parent organization") },
    { "period",       NC_("field", "Period") },
    { "title",        NC_("field", "Title") },
    { "name",         NC_("field", "Name") },
    { "place",        NC_("field", "Place") },
    { "chair",        NC_("field", "Chair") },
    { "sequence",     NC_("field", "Number") },
    { "joined_on",    NC_("field", "Joined") },
    { "left_on",      NC_("field", "Left") },
    { "gender",       NC_("field", "Gender") },
    { "post",         NC_("field", "Post") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strlen (fields[i].code) == length && strncmp (fields[i].code, code, length) == 0)
      return g_dpgettext2 (NULL, "field", fields[i].label);

  return NULL;
}

/**
 * sl_ui_error_text:
 *
 * @error's message as the window shows it: a leading field code
 * ("organization:" or "organization：") becomes the field's label.
 */
char *
sl_ui_error_text (const GError *error)
{
  const char *message;
  const char *end;
  const char *rest = NULL;
  const char *label;

  g_return_val_if_fail (error != NULL, NULL);

  message = error->message;
  for (end = message; g_ascii_islower (*end) || *end == '_'; end++)
    ;
  if (end == message)
    return g_strdup (message);
  if (g_str_has_prefix (end, ": "))
    rest = end + 2;
  else if (g_str_has_prefix (end, "："))
    rest = end + strlen ("：");
  if (rest == NULL || (label = field_label (message, end - message)) == NULL)
    return g_strdup (message);

  /* Translators: a field's label, then what is wrong with it. */
  return g_strdup_printf (_("%s: %s"), label, rest);
}

/* GTK 4.8's scrolled window takes every wheel event while it may scroll
 * either way: a table that only scrolls sideways swallowed the vertical
 * wheel, and the page around it stood still under the pointer. */
static gboolean
pass_vertical_scroll_cb (GtkEventControllerScroll *controller,
                         double                    dx,
                         double                    dy,
                         gpointer                  user_data)
{
  GtkWidget *inner = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *parent = gtk_widget_get_parent (inner);
  GtkWidget *outer = parent ? gtk_widget_get_ancestor (parent, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  GtkAdjustment *adjustment;
  double page, step;

  if (outer == NULL || dy == 0 || ABS (dx) > ABS (dy))
    return FALSE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (outer));
  page = gtk_adjustment_get_page_size (adjustment);
  /* A wheel's click moves as GTK's own scrolling does; a touchpad's
   * deltas are pixels already. */
  step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL
         ? pow (page, 2.0 / 3.0) : 1.0;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);

  return TRUE;
}

/**
 * sl_ui_pass_vertical_scroll:
 * @inner: a scrolled window that scrolls sideways only
 *
 * Hands @inner's vertical wheel and touchpad scrolling to the scrolled
 * window around it.
 */
void
sl_ui_pass_vertical_scroll (GtkWidget *inner)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (inner));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (pass_vertical_scroll_cb), NULL);
  gtk_widget_add_controller (inner, controller);
}

/* A toast with sl_ui_error_text() of @error. */
AdwToast *
sl_ui_error_toast (const GError *error)
{
  g_autofree char *text = sl_ui_error_text (error);

  return sl_ui_toast_new_printf ("%s", text);
}

/* The member's name, or "" when the id names nobody. */
const char *
sl_ui_member_name (SlLedger   *ledger,
                   const char *member)
{
  SlMember *found;

  if (ledger == NULL || member == NULL)
    return "";

  found = sl_ledger_find_member (ledger, member);
  return found ? sl_member_get_name (found) : "";
}

/* Names joined with the list separator ("、" in Chinese). */
char *
sl_ui_member_names (SlLedger           *ledger,
                    const char * const *members)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      const char *name = sl_ui_member_name (ledger, members[i]);

      if (*name == '\0')
        continue;
      if (names->len > 0)
        /* Translators: between names in a list; in Chinese "、". */
        g_string_append (names, _(", "));
      g_string_append (names, name);
    }

  return g_string_free (names, FALSE);
}

const char *
sl_ui_organization_name (SlLedger   *ledger,
                         const char *organization)
{
  SlOrganization *found;

  if (ledger == NULL || organization == NULL)
    return "";

  found = sl_ledger_find_organization (ledger, organization);
  return found ? sl_organization_get_name (found) : "";
}

/* A day of the year shown ("3月25日" in Chinese), for tables whose year
 * is plain; the full date goes in the tooltip. */
char *
sl_ui_format_short_date (const char *date)
{
  g_autoptr(GDateTime) time = NULL;
  int year, month, day;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !(time = g_date_time_new_utc (year, month, day, 0, 0, 0)))
    return g_strdup (date ? date : "");

  /* Translators: a day without its year, in g_date_time_format()
   * notation; in Chinese "%-m月%-d日". */
  return g_date_time_format (time, _("%b %-d"));
}

/* GTK 4.8's tooltip sizes its label by the label's minimum width, and a
 * wrapping label's minimum is its widest word: every Chinese character is
 * a word, so a tooltip wrapped after each one or two ("新建其/他类型/的会议").
 * Our own label instead: a short text on one line, a long one wrapped at a
 * width that reads (30 to 40 characters). */
#define TOOLTIP_ONE_LINE_CHARS 30

static void
tooltip_set_fitted_text (GtkTooltip *tooltip,
                         const char *text,
                         gboolean    markup)
{
  GtkWidget *label = gtk_label_new (NULL);
  glong length;

  if (markup)
    gtk_label_set_markup (GTK_LABEL (label), text);
  else
    gtk_label_set_text (GTK_LABEL (label), text);

  length = g_utf8_strlen (gtk_label_get_text (GTK_LABEL (label)), -1);
  if (length > TOOLTIP_ONE_LINE_CHARS || strchr (text, '\n') != NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), MIN (length, TOOLTIP_ONE_LINE_CHARS));
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_tooltip_set_custom (tooltip, label);
}

static gboolean
fitted_query_tooltip (GtkWidget  *widget,
                      int         x,
                      int         y,
                      gboolean    keyboard,
                      GtkTooltip *tooltip,
                      gpointer    user_data)
{
  const char *markup = gtk_widget_get_tooltip_markup (widget);

  if (markup == NULL || *markup == '\0')
    return FALSE;

  tooltip_set_fitted_text (tooltip, markup, TRUE);
  return TRUE;
}

/**
 * sl_ui_fit_tooltips:
 *
 * Gives every widget under @root that has a tooltip text a tooltip that
 * keeps short texts on one line (see tooltip_set_fitted_text()). Run on a
 * window or page once it is built; widgets already seen are skipped.
 */
void
sl_ui_fit_tooltips (GtkWidget *root)
{
  static GQuark fitted;

  g_return_if_fail (GTK_IS_WIDGET (root));

  if (fitted == 0)
    fitted = g_quark_from_static_string ("sl-tooltip-fitted");

  if (gtk_widget_get_tooltip_markup (root) != NULL &&
      g_object_get_qdata (G_OBJECT (root), fitted) == NULL)
    {
      g_object_set_qdata (G_OBJECT (root), fitted, GINT_TO_POINTER (TRUE));
      /* Before the class handler, which would set GTK's own label. */
      g_signal_connect (root, "query-tooltip", G_CALLBACK (fitted_query_tooltip), NULL);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sl_ui_fit_tooltips (child);
}

static gboolean
full_text_query_tooltip (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard,
                         GtkTooltip *tooltip,
                         gpointer    user_data)
{
  const char *text = gtk_label_get_label (GTK_LABEL (widget));

  if (text == NULL || *text == '\0')
    return FALSE;

  tooltip_set_fitted_text (tooltip, text, FALSE);
  return TRUE;
}

/* The label's whole text as its tooltip, asked for when the pointer rests
 * on it. Binding "label" to "tooltip-text" instead costs an X server round
 * trip (a pointer query) each time a list row is bound: 600 ms of start-up
 * on a ten-year ledger (docs/performance.md). */
void
sl_ui_label_tooltip_shows_text (GtkWidget *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (full_text_query_tooltip), NULL);
}

static gboolean
kept_text_query_tooltip (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard,
                         GtkTooltip *tooltip,
                         gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "sl-tooltip-text");

  if (text == NULL || *text == '\0')
    return FALSE;

  tooltip_set_fitted_text (tooltip, text, FALSE);
  return TRUE;
}

/* gtk_widget_set_tooltip_text() for a list cell bound again and again:
 * the text is kept and given when the pointer rests on the cell, without
 * the pointer query (an X server round trip) that setting a tooltip makes
 * in GTK 4.8. Like the tooltip it replaces, the text describes the cell
 * to assistive technologies. %NULL or "" shows no tooltip. */
void
sl_ui_cell_set_tooltip_text (GtkWidget  *widget,
                             const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                              kept_text_query_tooltip, NULL))
    {
      gtk_widget_set_has_tooltip (widget, TRUE);
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (kept_text_query_tooltip), NULL);
    }

  g_object_set_data_full (G_OBJECT (widget), "sl-tooltip-text", g_strdup (text), g_free);
  if (text != NULL && *text != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * sl_ui_fit_dialog:
 * @dialog: a dialog not yet shown
 * @parent: (nullable): the window it belongs to
 *
 * Opens @dialog no wider than @parent: on a 360 px window the member
 * dialog opened 480 px wide, its right part off the screen. Its own
 * minimum width still applies.
 */
void
sl_ui_fit_dialog (GtkWindow *dialog,
                  GtkWindow *parent)
{
  int width = 0, height = 0;
  int parent_width;

  g_return_if_fail (GTK_IS_WINDOW (dialog));

  if (parent == NULL || (parent_width = gtk_widget_get_width (GTK_WIDGET (parent))) <= 0)
    return;
  gtk_window_get_default_size (dialog, &width, &height);
  if (width <= 0 || width > parent_width)
    gtk_window_set_default_size (dialog, parent_width, height);
}

/* The width the user gave @widget's window: its default size, or its real
 * width when maximised or full screen; 0 before it has a window. What a
 * part that folds on a narrow window asks (the allocation lags a frame
 * behind and would fold and unfold it in turn). */
int
sl_ui_window_width (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  int width = 0, height = 0;

  if (!GTK_IS_WINDOW (root))
    return 0;
  /* GTK 4.8 writes both: neither may be NULL. */
  gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  if (gtk_window_is_maximized (GTK_WINDOW (root)) || gtk_window_is_fullscreen (GTK_WINDOW (root)))
    width = MAX (width, gtk_widget_get_width (GTK_WIDGET (root)));
  return width;
}

static void
watch_on_map (GtkWidget *widget,
              gpointer   changed)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  /* The window is known once the widget is shown; watched once. */
  if (GTK_IS_WINDOW (root) && g_object_get_data (G_OBJECT (widget), "sl-watched-window") != root)
    {
      g_object_set_data (G_OBJECT (widget), "sl-watched-window", root);
      g_signal_connect_object (root, "notify::default-width", changed, widget, G_CONNECT_SWAPPED);
      g_signal_connect_object (root, "notify::maximized", changed, widget, G_CONNECT_SWAPPED);
    }
  ((void (*) (GtkWidget *)) changed) (widget);
}

/* Calls @changed (@widget) when @widget is mapped and whenever the width
 * of its window changes (sl_ui_window_width()). */
void
sl_ui_watch_window_width (GtkWidget *widget,
                          GCallback  changed)
{
  g_signal_connect (widget, "map", G_CALLBACK (watch_on_map), changed);
}
