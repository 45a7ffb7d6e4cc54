/* sl-meeting-history.c — the revisions of a final meeting: list, compare, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 修订记录: every revision of a final meeting, oldest first, with who made
 * it, when, why and the short hash of the content it replaced. Two
 * versions are compared side by side, field by field, the fields that
 * differ marked; a version is one revision's snapshot (the content before
 * that revision) or the meeting as it is now. 恢复此版本 restores the left
 * one through the core (sl_evidence_restore()), which adds a revision:
 * the history is never rewritten.
 *
 * The versions are the hash forms of the archive (canonical JSON), so the
 * comparison reads them as JSON objects: one row per key, arrays (studies,
 * speeches, attendance...) one line per element. Ids of members and
 * organizations are shown as their names.
 */

#define G_LOG_DOMAIN "sl-meeting-history"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sl-evidence.h"
#include "sl-evidence-restore.h"
#include "sl-enums.h"
#include "sl-enum-types.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-history.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-record.h"
#include "sl-ui-labels.h"

struct _SlMeetingHistory
{
  AdwWindow   parent_instance;

  SlLedger   *ledger;
  char       *meeting_id;
  char       *by;
  GPtrArray  *revisions;    /* SlRevision */
  GPtrArray  *forms;        /* char *, one per version; the last is now */
  GPtrArray  *changed;      /* char *, the keys that differ */
  guint       left;
  guint       right;

  GtkWidget  *toast_overlay;
  GtkWidget  *list;
  GtkWidget  *left_drop;
  GtkWidget  *right_drop;
  GtkWidget  *grid;
  GtkWidget  *restore_button;
  GtkStringList *version_names;
  guint       syncing : 1;
};

G_DEFINE_FINAL_TYPE (SlMeetingHistory, sl_meeting_history, ADW_TYPE_WINDOW)

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct { const char *key; const char *label; } field_labels[] = {
  { "title", N_("Title") },
  { "organization", N_("Organization") },
  { "kind", N_("Kind") },
  { "sequence", N_("Number") },
  { "date", N_("Date") },
  { "start", N_("Starts at") },
  { "end", N_("Ends at") },
  { "place", N_("Place") },
  { "chair", N_("Chair") },
  { "recorder", N_("Recorder") },
  { "form", N_("Form") },
  { "theme", N_("Theme") },
  { "expanded", N_("Expanded") },
  { "plan_item", N_("Plan item") },
  { "chair_summary", N_("Chair's summary") },
  { "decisions", N_("Decisions") },
  { "note", N_("Note") },
  { "studies", N_("Studies") },
  { "speeches", N_("Speeches") },
  { "measures", N_("Measures") },
  { "guests", N_("Guests") },
  { "attendance", N_("Attendance") },
  { "attachments", N_("Attachments") },
};

static const char *
field_label (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].key, key))
      return _(field_labels[i].label);
  return key;
}

/* Texts of values --------------------------------------------------------------------- */

static char *
scalar_text (SlMeetingHistory *self,
             JsonNode         *node)
{
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (!JSON_NODE_HOLDS_VALUE (node))
    return json_to_string (node, FALSE);

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      SlMember *member = sl_ledger_find_member (self->ledger, text);
      SlOrganization *organization = member ? NULL : sl_ledger_find_organization (self->ledger, text);

      if (member != NULL)
        return g_strdup (sl_member_get_name (member));
      if (organization != NULL)
        return g_strdup (sl_organization_get_name (organization));
      return g_strdup (text);
    }
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("yes") : _("no"));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return g_strdup_printf ("%g", json_node_get_double (node));
}

/* Keys of a list's elements that the comparison leaves out: ids, and the
 * bytes and bookkeeping of attachments, which say nothing to a reader. */
static const char *hidden_keys[] = {
  "id", "sha256", "data", "media_type", "added_at", "topic", "speech", "measure",
};

/* Booleans of a list's element, named when true, left out when false. */
static const struct { const char *key; const char *label; } flag_labels[] = {
  { "first_topic", N_("First agenda item") },
  { "late", N_("Late") },
  { "left_early", N_("Left early") },
  { "superior", N_("From a higher level") },
};

static gboolean
is_hidden_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (hidden_keys); i++)
    if (g_str_equal (hidden_keys[i], key))
      return TRUE;
  return FALSE;
}

/* The word for a code inside an element of the list @list ("attendance",
 * "measures", "attachments"), or NULL where @key holds no code. */
static const char *
code_label (const char *list,
            const char *key,
            const char *code)
{
  int value;

  if (g_str_equal (list, "attendance") && g_str_equal (key, "status") &&
      sl_enum_from_code (SL_TYPE_ATTENDANCE_STATUS, code, &value))
    return sl_attendance_status_to_label (value);
  if (g_str_equal (list, "attendance") && g_str_equal (key, "leave_kind") &&
      sl_enum_from_code (SL_TYPE_LEAVE_KIND, code, &value))
    return sl_leave_kind_to_label (value);
  if (g_str_equal (list, "measures") && g_str_equal (key, "status") &&
      sl_enum_from_code (SL_TYPE_MEASURE_STATUS, code, &value))
    return sl_measure_status_to_label (value);
  if (g_str_equal (list, "attachments") && g_str_equal (key, "kind"))
    return sl_ui_attachment_kind_label (code);
  return NULL;
}

static char *element_text (SlMeetingHistory *self,
                           const char       *list,
                           JsonNode         *node);

/* One value of an element: a code by its word, a flag by its name, an
 * object inside (a make-up study) by its own values, never as JSON. */
static char *
member_text (SlMeetingHistory *self,
             const char       *list,
             const char       *key,
             JsonNode         *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      for (guint i = 0; i < G_N_ELEMENTS (flag_labels); i++)
        if (g_str_equal (flag_labels[i].key, key))
          return g_strdup (json_node_get_boolean (node) ? _(flag_labels[i].label) : "");
      return scalar_text (self, node);
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *label = code_label (list, key, json_node_get_string (node));
      if (label != NULL)
        return g_strdup (label);
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *inner = element_text (self, key, node);

      if (*inner == '\0')
        return g_strdup ("");
      if (g_str_equal (key, "makeup"))
        /* Translators: a make-up study: its date, way and evidence */
        return g_strdup_printf (_("Made up (%s)"), inner);
      return g_strdup_printf ("(%s)", inner);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *item = member_text (self, list, key, json_array_get_element (array, i));
          if (*item == '\0')
            continue;
          if (text->len > 0)
            g_string_append (text, "、");
          g_string_append (text, item);
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  return scalar_text (self, node);
}

/* An element of the list @list: its values joined, in key order. */
static char *
element_text (SlMeetingHistory *self,
              const char       *list,
              JsonNode         *node)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return member_text (self, list, "", node);

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *value = NULL;

      if (is_hidden_key (l->data))
        continue;
      value = member_text (self, list, l->data, json_object_get_member (object, l->data));
      if (*value == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, value);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *value_text (SlMeetingHistory *self,
                         const char       *key,
                         JsonNode         *node);

/* A field's value as the editor shows it: a kind or form by its Chinese
 * name, not its archive code. */
static char *
field_text (SlMeetingHistory *self,
            const char       *key,
            JsonNode         *node)
{
  const char *code = node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
                     json_node_get_value_type (node) == G_TYPE_STRING ?
                     json_node_get_string (node) : NULL;
  int value;

  if (code != NULL && g_str_equal (key, "kind") &&
      sl_enum_from_code (SL_TYPE_MEETING_KIND, code, &value))
    return g_strdup (sl_meeting_kind_to_label (value));
  if (code != NULL && g_str_equal (key, "form") &&
      sl_enum_from_code (SL_TYPE_STUDY_FORM, code, &value))
    return g_strdup (sl_study_form_to_label (value));

  return value_text (self, key, node);
}

static char *
value_text (SlMeetingHistory *self,
            const char       *key,
            JsonNode         *node)
{
  g_autoptr(GString) text = NULL;
  JsonArray *array;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return element_text (self, key, node);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return scalar_text (self, node);

  text = g_string_new (NULL);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *line = element_text (self, key, json_array_get_element (array, i));

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%u. %s", i + 1, line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Loading ---------------------------------------------------------------------------- */

/* The first 12 hex digits as the minutes print a 校验码: XXXX-XXXX-XXXX. */
static char *
short_hash (const char *hash)
{
  g_autofree char *upper = g_ascii_strup (hash ? hash : "", -1);

  if (strlen (upper) < 12)
    return g_steal_pointer (&upper);
  return g_strdup_printf ("%.4s-%.4s-%.4s", upper, upper + 4, upper + 8);
}

static char *
version_name (SlMeetingHistory *self,
              guint             version)
{
  if (version == self->forms->len)
    return g_strdup (_("Now"));
  /* Translators: the content as it was before revision %u */
  return g_strdup_printf (_("Before revision %u"), version);
}

/* An RFC 3339 time of the ledger (UTC) as the secretary's clock shows it. */
static char *
local_time_text (const char *at)
{
  g_autoptr(GDateTime) time = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = time ? g_date_time_to_local (time) : NULL;

  if (local == NULL)
    return g_strdup (at ? at : "");
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static GtkWidget *
revision_row (SlRevision *revision)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *hash = short_hash (revision->hash);
  g_autofree char *at = local_time_text (revision->at);
  GtkWidget *row = adw_action_row_new ();

  /* Translators: revision N: its reason */
  title = g_strdup_printf (_("Revision %d: %s"), revision->revision, revision->reason ? revision->reason : "—");
  /* Translators: when · who · the hash of the content it replaced */
  subtitle = g_strdup_printf (_("%s · %s · before: %s"), at,
                              revision->by ? revision->by : "—", hash);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
reload (SlMeetingHistory *self)
{
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  GtkWidget *child;
  guint n;

  g_clear_pointer (&self->revisions, g_ptr_array_unref);
  g_ptr_array_set_size (self->forms, 0);

  if (!(meeting = sl_ledger_load_meeting (self->ledger, self->meeting_id, &error)) ||
      !(self->revisions = sl_evidence_load_revisions (self->ledger, sl_record_get_key (SL_RECORD (meeting)),
                                                      &error)) ||
      !(now = sl_evidence_hash_form (self->ledger, meeting, FALSE, &error)))
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toast_overlay), adw_toast_new (error->message));
      self->revisions = self->revisions ? self->revisions : g_ptr_array_new ();
      return;
    }

  gtk_window_set_title (GTK_WINDOW (self), sl_meeting_get_title (meeting));

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  for (guint i = 0; i < self->revisions->len; i++)
    {
      SlRevision *revision = g_ptr_array_index (self->revisions, i);

      g_ptr_array_add (self->forms, g_strdup (revision->snapshot));
      gtk_list_box_append (GTK_LIST_BOX (self->list), revision_row (revision));
    }
  g_ptr_array_add (self->forms, g_steal_pointer (&now));

  self->syncing = TRUE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->version_names));
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

    for (guint v = 1; v <= self->forms->len; v++)
      g_ptr_array_add (names, version_name (self, v));
    g_ptr_array_add (names, NULL);
    gtk_string_list_splice (self->version_names, 0, n, (const char * const *) names->pdata);
  }
  self->syncing = FALSE;

  /* The last change: the content before it beside the content now. */
  n = self->forms->len;
  sl_meeting_history_compare (self, n > 1 ? n - 1 : 1, n);
}

/* Comparing -------------------------------------------------------------------------- */

static JsonObject *
parse_form (const char  *form,
            JsonParser  *parser)
{
  if (form == NULL || !json_parser_load_from_data (parser, form, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return json_node_get_object (json_parser_get_root (parser));
}

static GtkWidget *
cell (const char *text,
      gboolean    changed,
      gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  gtk_widget_set_hexpand (label, !heading);
  gtk_widget_set_valign (label, GTK_ALIGN_FILL);
  gtk_widget_add_css_class (label, "sl-history-cell");
  if (heading)
    gtk_widget_add_css_class (label, "dim-label");
  if (changed)
    gtk_widget_add_css_class (label, "sl-changed");
  return label;
}

void
sl_meeting_history_compare (SlMeetingHistory *self,
                            guint             left,
                            guint             right)
{
  g_autoptr(JsonParser) left_parser = json_parser_new ();
  g_autoptr(JsonParser) right_parser = json_parser_new ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  JsonObject *a, *b;
  GtkWidget *child;
  int row = 1;

  g_return_if_fail (SL_IS_MEETING_HISTORY (self));

  if (left < 1 || left > self->forms->len || right < 1 || right > self->forms->len)
    return;
  self->left = left;
  self->right = right;

  self->syncing = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->left_drop), left - 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->right_drop), right - 1);
  self->syncing = FALSE;
  gtk_widget_set_sensitive (self->restore_button, left < self->forms->len);

  g_ptr_array_set_size (self->changed, 0);
  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);

  a = parse_form (g_ptr_array_index (self->forms, left - 1), left_parser);
  b = parse_form (g_ptr_array_index (self->forms, right - 1), right_parser);
  if (a == NULL || b == NULL)
    return;

  /* The meeting's fields in their usual order, then any others. */
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (json_object_has_member (a, field_labels[i].key) || json_object_has_member (b, field_labels[i].key))
      g_ptr_array_add (keys, g_strdup (field_labels[i].key));
  for (int side = 0; side < 2; side++)
    {
      g_autoptr(GList) members = json_object_get_members (side == 0 ? a : b);

      for (GList *l = members; l != NULL; l = l->next)
        if (!g_ptr_array_find_with_equal_func (keys, l->data, g_str_equal, NULL) && !g_str_equal (l->data, "id"))
          g_ptr_array_add (keys, g_strdup (l->data));
    }

  {
    g_autofree char *left_name = version_name (self, left);
    g_autofree char *right_name = version_name (self, right);

    gtk_grid_attach (GTK_GRID (self->grid), cell (_("Field"), FALSE, TRUE), 0, 0, 1, 1);
    gtk_grid_attach (GTK_GRID (self->grid), cell (left_name, FALSE, TRUE), 1, 0, 1, 1);
    gtk_grid_attach (GTK_GRID (self->grid), cell (right_name, FALSE, TRUE), 2, 0, 1, 1);
  }

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      JsonNode *x = json_object_has_member (a, key) ? json_object_get_member (a, key) : NULL;
      JsonNode *y = json_object_has_member (b, key) ? json_object_get_member (b, key) : NULL;
      gboolean changed = (x == NULL) != (y == NULL) || (x != NULL && !json_node_equal (x, y));
      g_autofree char *left_text = field_text (self, key, x);
      g_autofree char *right_text = field_text (self, key, y);
      GtkWidget *name = cell (field_label (key), changed, TRUE);

      if (changed)
        g_ptr_array_add (self->changed, g_strdup (key));
      gtk_grid_attach (GTK_GRID (self->grid), name, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), cell (left_text, changed, FALSE), 1, row, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), cell (right_text, changed, FALSE), 2, row, 1, 1);
      row++;
    }
}

guint
sl_meeting_history_get_n_versions (SlMeetingHistory *self)
{
  g_return_val_if_fail (SL_IS_MEETING_HISTORY (self), 0);
  return self->forms->len;
}

GStrv
sl_meeting_history_get_changed_fields (SlMeetingHistory *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (SL_IS_MEETING_HISTORY (self), NULL);
  for (guint i = 0; i < self->changed->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->changed, i));
  return g_strv_builder_end (builder);
}

static void
on_drop_selected (SlMeetingHistory *self)
{
  if (self->syncing)
    return;
  sl_meeting_history_compare (self, gtk_drop_down_get_selected (GTK_DROP_DOWN (self->left_drop)) + 1,
                              gtk_drop_down_get_selected (GTK_DROP_DOWN (self->right_drop)) + 1);
}

/* A revision picked in the list: what it replaced, beside what it made. */
static void
on_row_activated (SlMeetingHistory *self,
                  GtkListBoxRow    *row)
{
  guint version = gtk_list_box_row_get_index (row) + 1;

  sl_meeting_history_compare (self, version, version + 1);
}

/* Restoring -------------------------------------------------------------------------- */

gboolean
sl_meeting_history_restore (SlMeetingHistory  *self,
                            guint              version,
                            const char        *reason,
                            GError           **error)
{
  SlRevision *revision;

  g_return_val_if_fail (SL_IS_MEETING_HISTORY (self), FALSE);
  g_return_val_if_fail (version >= 1 && version <= self->revisions->len, FALSE);

  revision = g_ptr_array_index (self->revisions, version - 1);
  if (!sl_evidence_restore (self->ledger, self->meeting_id, revision->revision, self->by, reason, error))
    return FALSE;

  reload (self);
  g_signal_emit (self, signals[RESTORED], 0);
  return TRUE;
}

static void
on_reason_changed (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  adw_message_dialog_set_response_enabled (dialog, "restore", *text != '\0');
}

static void
on_restore_response (AdwMessageDialog *dialog,
                     const char       *response,
                     SlMeetingHistory *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;
  guint version = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "sl-version"));

  if (!g_str_equal (response, "restore") || *reason == '\0')
    return;

  if (!sl_meeting_history_restore (self, version, reason, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Not restored: %s"), error->message);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toast_overlay), adw_toast_new (text));
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toast_overlay),
                               adw_toast_new (_("Restored, as a new revision")));
}

static void
restore_clicked (SlMeetingHistory *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *name = NULL;
  g_autofree char *suggestion = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->left < 1 || self->left >= self->forms->len)
    return;

  name = version_name (self, self->left);
  heading = g_strdup_printf (_("Restore “%s”?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The meeting takes this version's content again. That is a new "
                                     "revision, with a reason; the history keeps everything."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason for the change"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  /* Translators: the suggested reason of a restore */
  suggestion = g_strdup_printf (_("Restored: %s"), name);
  gtk_editable_set_text (GTK_EDITABLE (entry), suggestion);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "sl-version", GUINT_TO_POINTER (self->left));
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_reason_changed), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response), self, 0);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The window ------------------------------------------------------------------------- */

static void
build (SlMeetingHistory *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list_scroller = gtk_scrolled_window_new ();
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;

  self->toast_overlay = adw_toast_overlay_new ();
  adw_window_set_content (ADW_WINDOW (self), self->toast_overlay);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (self->toast_overlay), box);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Revision History"), NULL));
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);

  /* The revisions. */
  label = gtk_label_new (_("Revisions"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (content), label);
  self->list = gtk_list_box_new ();
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->list),
                                gtk_label_new (_("No revisions yet: the meeting has not changed since it was finalised")));
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scroller), self->list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (list_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (list_scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (list_scroller), 220);
  gtk_box_append (GTK_BOX (content), list_scroller);

  /* The two versions compared, and restoring the left one. */
  self->version_names = gtk_string_list_new (NULL);
  self->left_drop = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->version_names)), NULL);
  self->right_drop = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->version_names)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->left_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Version on the left"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->right_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Version on the right"), -1);
  g_signal_connect_swapped (self->left_drop, "notify::selected", G_CALLBACK (on_drop_selected), self);
  g_signal_connect_swapped (self->right_drop, "notify::selected", G_CALLBACK (on_drop_selected), self);
  label = gtk_label_new (_("Compare"));
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (bar), label);
  gtk_box_append (GTK_BOX (bar), self->left_drop);
  gtk_box_append (GTK_BOX (bar), gtk_label_new (_("with")));
  gtk_box_append (GTK_BOX (bar), self->right_drop);
  label = gtk_label_new (NULL);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (bar), label);
  self->restore_button = gtk_button_new_with_mnemonic (_("_Restore This Version…"));
  gtk_widget_set_tooltip_text (self->restore_button, _("Restore the version on the left, as a new revision"));
  g_signal_connect_swapped (self->restore_button, "clicked", G_CALLBACK (restore_clicked), self);
  gtk_box_append (GTK_BOX (bar), self->restore_button);
  gtk_box_append (GTK_BOX (content), bar);

  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 6);
  gtk_grid_set_column_homogeneous (GTK_GRID (self->grid), FALSE);
  gtk_widget_add_css_class (self->grid, "sl-history-grid");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->grid);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (content), scroller);
}

static gboolean
close_on_escape (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   data)
{
  gtk_window_close (GTK_WINDOW (widget));
  return TRUE;
}

static void
sl_meeting_history_dispose (GObject *object)
{
  SlMeetingHistory *self = SL_MEETING_HISTORY (object);

  g_clear_object (&self->ledger);
  g_clear_object (&self->version_names);

  G_OBJECT_CLASS (sl_meeting_history_parent_class)->dispose (object);
}

static void
sl_meeting_history_finalize (GObject *object)
{
  SlMeetingHistory *self = SL_MEETING_HISTORY (object);

  g_free (self->meeting_id);
  g_free (self->by);
  g_clear_pointer (&self->revisions, g_ptr_array_unref);
  g_clear_pointer (&self->forms, g_ptr_array_unref);
  g_clear_pointer (&self->changed, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_meeting_history_parent_class)->finalize (object);
}

static void
sl_meeting_history_class_init (SlMeetingHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_meeting_history_dispose;
  object_class->finalize = sl_meeting_history_finalize;

  /**
   * SlMeetingHistory::restored:
   *
   * A version was restored: the meeting in the ledger changed.
   */
  signals[RESTORED] = g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_on_escape, NULL);
}

static void
sl_meeting_history_init (SlMeetingHistory *self)
{
  self->forms = g_ptr_array_new_with_free_func (g_free);
  self->changed = g_ptr_array_new_with_free_func (g_free);
  build (self);
}

GtkWidget *
sl_meeting_history_new (GtkWindow  *parent,
                        SlLedger   *ledger,
                        const char *meeting_id,
                        const char *by)
{
  SlMeetingHistory *self;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);

  self = g_object_new (SL_TYPE_MEETING_HISTORY,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "default-width", 1000,
                       "default-height", 720,
                       NULL);
  self->ledger = g_object_ref (ledger);
  self->meeting_id = g_strdup (meeting_id);
  self->by = g_strdup (by);
  reload (self);

  return GTK_WIDGET (self);
}
