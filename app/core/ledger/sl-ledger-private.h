/* sl-ledger-private.h — what the files of SlLedger share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlLedger is written in five files: sl-ledger.c (transactions, row
 * helpers, the live stores of organizations and members, lookups),
 * sl-ledger-saves.c (the guarded saves and deletes, above the guards
 * built on SlLedger), sl-ledger-members.c (saving organizations and members),
 * sl-ledger-plans.c (plans and research topics) and sl-ledger-meetings.c
 * (meetings and the rows inside them).
 */

#pragma once

#include "sl-database.h"
#include "sl-enums.h"
#include "sl-ledger.h"
#include "sl-record.h"

G_BEGIN_DECLS

struct _SlLedger
{
  GObject     parent_instance;

  /* owned */
  SlDatabase *database;
  GListStore *organizations;
  GListStore *members;
  GHashTable *by_id;         /* id → SlOrganization or SlMember of the stores */

  /* Members' keys by id, found during one transaction: an import names
   * the same few hundred members in a hundred thousand attendance rows. */
  GHashTable *member_keys;
  guint       member_keys_generation;

  /* Whether a record of the stores waits for a save (sl-save-queue.c sets
   * it when it makes the ledger's queue): reading the file again must
   * leave the user's values alone. A hook, so that SlLedger stays below
   * the queue that saves through it. */
  gboolean  (*holds) (SlRecord *record, gpointer data);
  gpointer    holds_data;
};

/* Row helpers */

static inline const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return sl_column_text (stmt, column);
}

static inline int
column_enum (sqlite3_stmt *stmt,
             int           column,
             GType         enum_type)
{
  int value = 0;

  /* The schema's CHECKs keep unknown codes out; a stray one reads as none. */
  if (!sl_enum_from_code (enum_type, column_text (stmt, column), &value))
    value = 0;

  return value;
}

static inline void
bind_enum (sqlite3_stmt *stmt,
           int           index,
           GType         enum_type,
           int           value)
{
  sl_bind_text (stmt, index, sl_enum_to_code (enum_type, value));
}

static inline void
bind_positive (sqlite3_stmt *stmt,
               int           index,
               int           value)
{
  if (value > 0)
    sqlite3_bind_int (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

#define RESOLVE_ORGANIZATION "SELECT id FROM organizations WHERE uuid = ?"
#define RESOLVE_MEMBER       "SELECT id FROM members WHERE uuid = ?"
#define RESOLVE_PLAN_ITEM    "SELECT id FROM plan_items WHERE uuid = ?"
#define RESOLVE_MEETING      "SELECT id FROM meetings WHERE uuid = ?"

/* Not a flag of the API: set by save_meeting() and save_plan() on their
 * own flags when the record is not in the ledger yet, so that its lists
 * are only inserted. Removing the rows "no longer there" of a new record
 * would find none, and its NOT IN (json_each) builds a temporary b-tree
 * per list: for a 5,000-meeting import, most of the time went to making
 * and freeing those. */
#define SAVE_NEW_RECORD (1 << 16)
/* ...and, outside a merge, whose lists are new rows too. */
#define SAVE_NEW_ROWS   (SAVE_NEW_RECORD | (1 << 17))

gboolean sl_ledger_step_returning_key (SlLedger      *self,
                                       sqlite3_stmt  *stmt,
                                       gint64        *key,
                                       GError       **error);
gboolean sl_ledger_resolve            (SlLedger      *self,
                                       const char    *sql,
                                       const char    *id,
                                       const char    *field,
                                       gint64        *key,
                                       GError       **error);
gboolean sl_ledger_resolve_member     (SlLedger      *self,
                                       const char    *id,
                                       const char    *field,
                                       gint64        *key,
                                       GError       **error);
gboolean sl_ledger_step_new_row       (SlLedger      *self,
                                       sqlite3_stmt  *stmt,
                                       gint64        *key,
                                       gboolean      *exists,
                                       GError       **error);
gboolean sl_ledger_is_new             (SlLedger      *self,
                                       const char    *sql,
                                       const char    *id);
gboolean sl_ledger_finish             (SlLedger      *self,
                                       gboolean       ok,
                                       GError       **error);
gboolean sl_ledger_delete_missing     (SlLedger      *self,
                                       const char    *sql,
                                       gint64         parent,
                                       GListModel    *kept,
                                       GError       **error);

/* The live stores of organizations and members (sl-ledger.c). */
void     sl_ledger_ensure_stores      (SlLedger      *self);
void     sl_ledger_store_record       (SlLedger      *self,
                                       GListStore    *store,
                                       SlRecord      *record);

G_END_DECLS
