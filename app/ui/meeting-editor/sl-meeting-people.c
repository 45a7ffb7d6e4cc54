/* sl-meeting-people.c — the ledger's members as choices for the editor's pickers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chair, recorder, study leads, speakers and measure owners are all
 * picked from the same list: a GtkStringList of names, in roster order,
 * that every picker of the editor shares, with the member ids beside it.
 * Pickers hold positions and records hold ids; sl_meeting_people_bind()
 * translates between the two. The list follows the ledger's live member
 * store; while it is rebuilt the pickers' positions mean nothing, so their
 * changes are ignored, and they are set again from their records after.
 */

#define G_LOG_DOMAIN "sl-meeting-people"

#include "config.h"

#include "sl-ledger.h"
#include "sl-meeting-people.h"
#include "sl-member.h"

struct _SlMeetingPeople
{
  GObject        parent_instance;

  /* owned references */
  SlLedger      *ledger;
  GtkStringList *names;
  GPtrArray     *ids;          /* char *, NULL first */
  GHashTable    *positions;    /* id → position + 1 */
  gulong         members_changed_id;
  gboolean       rebuilding;
};

G_DEFINE_FINAL_TYPE (SlMeetingPeople, sl_meeting_people, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rebuild (SlMeetingPeople *self)
{
  GListModel *members = sl_ledger_get_members (self->ledger);
  guint n = g_list_model_get_n_items (members);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  g_ptr_array_set_size (self->ids, 0);
  g_hash_table_remove_all (self->positions);

  g_strv_builder_add (builder, "—");
  g_ptr_array_add (self->ids, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);
      const char *id = sl_record_get_id (SL_RECORD (member));

      g_strv_builder_add (builder, sl_member_get_name (member) ? sl_member_get_name (member) : "");
      g_ptr_array_add (self->ids, g_strdup (id));
      g_hash_table_insert (self->positions, g_strdup (id), GUINT_TO_POINTER (self->ids->len));
    }

  names = g_strv_builder_end (builder);

  /* One items-changed; the pickers do not write back meanwhile. */
  self->rebuilding = TRUE;
  gtk_string_list_splice (self->names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->names)),
                          (const char * const *) names);
  self->rebuilding = FALSE;

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
sl_meeting_people_dispose (GObject *object)
{
  SlMeetingPeople *self = SL_MEETING_PEOPLE (object);

  if (self->ledger != NULL)
    g_clear_signal_handler (&self->members_changed_id, sl_ledger_get_members (self->ledger));
  g_clear_object (&self->ledger);
  g_clear_object (&self->names);

  G_OBJECT_CLASS (sl_meeting_people_parent_class)->dispose (object);
}

static void
sl_meeting_people_finalize (GObject *object)
{
  SlMeetingPeople *self = SL_MEETING_PEOPLE (object);

  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  G_OBJECT_CLASS (sl_meeting_people_parent_class)->finalize (object);
}

static void
sl_meeting_people_class_init (SlMeetingPeopleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_meeting_people_dispose;
  object_class->finalize = sl_meeting_people_finalize;

  /**
   * SlMeetingPeople::changed:
   *
   * The list was rebuilt: positions changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sl_meeting_people_init (SlMeetingPeople *self)
{
  self->names = gtk_string_list_new (NULL);
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

SlMeetingPeople *
sl_meeting_people_new (SlLedger *ledger)
{
  SlMeetingPeople *self;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  self = g_object_new (SL_TYPE_MEETING_PEOPLE, NULL);
  self->ledger = g_object_ref (ledger);
  self->members_changed_id = g_signal_connect_swapped (sl_ledger_get_members (ledger), "items-changed",
                                                       G_CALLBACK (rebuild), self);
  rebuild (self);

  return self;
}

GListModel *
sl_meeting_people_get_model (SlMeetingPeople *self)
{
  g_return_val_if_fail (SL_IS_MEETING_PEOPLE (self), NULL);
  return G_LIST_MODEL (self->names);
}

const char *
sl_meeting_people_get_id (SlMeetingPeople *self,
                          guint            position)
{
  g_return_val_if_fail (SL_IS_MEETING_PEOPLE (self), NULL);

  if (position >= self->ids->len)
    return NULL;

  return g_ptr_array_index (self->ids, position);
}

guint
sl_meeting_people_find (SlMeetingPeople *self,
                        const char      *id)
{
  g_return_val_if_fail (SL_IS_MEETING_PEOPLE (self), 0);

  if (id == NULL)
    return 0;

  /* Stored as position + 1, so that a miss (NULL) reads as 0... */
  return MAX (GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, id)), 1) - 1;
}

const char *
sl_meeting_people_get_name (SlMeetingPeople *self,
                            const char      *id)
{
  SlMember *member;

  g_return_val_if_fail (SL_IS_MEETING_PEOPLE (self), NULL);

  member = sl_ledger_find_member (self->ledger, id);
  return member ? sl_member_get_name (member) : NULL;
}

/* Binding ------------------------------------------------------------------- */

typedef struct
{
  SlMeetingPeople *people;
  GtkWidget       *widget;      /* not a reference: the binding dies with it */
  GObject         *object;
  char            *property;
  gulong           selected_id;
  gulong           object_id;
  gulong           people_id;
} Binding;

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  /* A widget that is going away has lost its handlers already. */
  if (binding->selected_id != 0 && g_signal_handler_is_connected (binding->widget, binding->selected_id))
    g_signal_handler_disconnect (binding->widget, binding->selected_id);
  g_clear_signal_handler (&binding->object_id, binding->object);
  g_clear_signal_handler (&binding->people_id, binding->people);
  g_clear_object (&binding->object);
  g_clear_object (&binding->people);
  g_free (binding->property);
  g_free (binding);
}

static void
binding_push (Binding *binding)
{
  g_autofree char *id = NULL;
  guint position;

  g_object_get (binding->object, binding->property, &id, NULL);
  position = sl_meeting_people_find (binding->people, id);

  /* An id the list does not know (a member deleted meanwhile) is kept,
   * not replaced by nobody. */
  if (id != NULL && position == 0)
    return;

  g_object_set (binding->widget, "selected", position, NULL);
}

static void
on_selected (GObject    *widget,
             GParamSpec *pspec,
             Binding    *binding)
{
  guint position;
  g_autofree char *id = NULL;

  if (binding->people->rebuilding)
    return;

  g_object_get (widget, "selected", &position, NULL);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  g_object_get (binding->object, binding->property, &id, NULL);
  if (id != NULL && sl_meeting_people_find (binding->people, id) == 0 && position == 0)
    return;

  g_object_set (binding->object, binding->property,
                sl_meeting_people_get_id (binding->people, position), NULL);
}

void
sl_meeting_people_bind (SlMeetingPeople *self,
                        GtkWidget       *widget,
                        gpointer         object,
                        const char      *property)
{
  Binding *binding;
  g_autofree char *signal = NULL;

  g_return_if_fail (SL_IS_MEETING_PEOPLE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_OBJECT (object));

  sl_meeting_people_unbind (widget);

  binding = g_new0 (Binding, 1);
  binding->people = g_object_ref (self);
  binding->widget = widget;
  binding->object = g_object_ref (object);
  binding->property = g_strdup (property);

  g_object_set (widget, "model", sl_meeting_people_get_model (self), NULL);
  binding_push (binding);

  signal = g_strconcat ("notify::", property, NULL);
  binding->object_id = g_signal_connect_swapped (object, signal, G_CALLBACK (binding_push), binding);
  binding->people_id = g_signal_connect_swapped (self, "changed", G_CALLBACK (binding_push), binding);
  binding->selected_id = g_signal_connect (widget, "notify::selected", G_CALLBACK (on_selected), binding);

  g_object_set_data_full (G_OBJECT (widget), "sl-meeting-people-binding", binding, binding_free);
}

void
sl_meeting_people_unbind (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (widget), "sl-meeting-people-binding", NULL);
}
