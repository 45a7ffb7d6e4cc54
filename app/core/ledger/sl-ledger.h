/* sl-ledger.h — the records of one ledger file: load, save, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-database.h"
#include "sl-types.h"

G_BEGIN_DECLS

#define SL_LEDGER_ERROR (sl_ledger_error_quark ())

typedef enum
{
  SL_LEDGER_ERROR_NOT_FOUND,  /* no record with that id */
  SL_LEDGER_ERROR_REFERENCE,  /* a reference names no record */
  SL_LEDGER_ERROR_IN_USE,     /* other records still refer to it */
  SL_LEDGER_ERROR_INVALID,    /* a required field is missing or malformed */
  SL_LEDGER_ERROR_CHANGED,    /* another program changed the row since it was read */
} SlLedgerError;

GQuark sl_ledger_error_quark (void);

/**
 * SlSaveFlags:
 * @SL_SAVE_REPLACE: the record's lists (plan items, a meeting's studies,
 *   attendance, measures...) become exactly those of the object: the
 *   editor's meaning.
 * @SL_SAVE_MERGE: rows of those lists are added or updated by their id
 *   (attendance by member), none is removed: `import-archive --merge`.
 *   Guests and speeches, which have no ids, are replaced either way.
 * @SL_SAVE_IN_TRANSACTION: the caller holds a transaction (sl_ledger_begin())
 *   that it rolls back whole if any save fails, as import-archive does: the
 *   save takes no savepoint of its own. A savepoint makes the full-text
 *   index write out what it holds in memory, which for thousands of
 *   meetings in one transaction costs more than the rows themselves.
 */
typedef enum
{
  SL_SAVE_REPLACE        = 0,
  SL_SAVE_MERGE          = 1 << 0,
  SL_SAVE_IN_TRANSACTION = 1 << 1,
} SlSaveFlags;

#define SL_TYPE_LEDGER (sl_ledger_get_type ())

G_DECLARE_FINAL_TYPE (SlLedger, sl_ledger, SL, LEDGER, GObject)

SlLedger        *sl_ledger_new                    (SlDatabase       *database);
SlLedger        *sl_ledger_open                   (const char       *path,
                                                   GError          **error);
SlLedger        *sl_ledger_open_read_only         (const char       *path,
                                                   GError          **error);
SlDatabase      *sl_ledger_get_database           (SlLedger         *self);

gboolean         sl_ledger_begin                  (SlLedger         *self,
                                                   GError          **error);
gboolean         sl_ledger_commit                 (SlLedger         *self,
                                                   GError          **error);
void             sl_ledger_rollback               (SlLedger         *self);

/* Live lists, loaded on first use and kept up to date by every save and
 * delete through this ledger: bind views to them. */
void             sl_ledger_reload                 (SlLedger         *self);
GListModel      *sl_ledger_get_organizations      (SlLedger         *self);
GListModel      *sl_ledger_get_members            (SlLedger         *self);
SlOrganization  *sl_ledger_find_organization      (SlLedger         *self,
                                                   const char       *id);
SlOrganization  *sl_ledger_find_organization_by_name (SlLedger      *self,
                                                   const char       *name);
SlMember        *sl_ledger_find_member            (SlLedger         *self,
                                                   const char       *id);
gboolean         sl_ledger_is_empty               (SlLedger         *self);

/* Snapshots: new objects each call. @year 0 means every year,
 * @organization NULL every organization. */
GPtrArray       *sl_ledger_load_organizations     (SlLedger         *self,
                                                   GError          **error);
GPtrArray       *sl_ledger_load_plans             (SlLedger         *self,
                                                   int               year,
                                                   GError          **error);
GPtrArray       *sl_ledger_load_meetings          (SlLedger         *self,
                                                   int               year,
                                                   const char       *organization,
                                                   gboolean          with_details,
                                                   GError          **error);
SlMeeting       *sl_ledger_load_meeting           (SlLedger         *self,
                                                   const char       *id,
                                                   GError          **error);
gboolean         sl_ledger_load_meeting_details   (SlLedger         *self,
                                                   SlMeeting        *meeting,
                                                   GError          **error);
GPtrArray       *sl_ledger_load_research_topics   (SlLedger         *self,
                                                   int               year,
                                                   GError          **error);
gboolean         sl_ledger_contains               (SlLedger         *self,
                                                   GType             record_type,
                                                   const char       *id);
GHashTable      *sl_ledger_collect_ids            (SlLedger         *self,
                                                   GType             record_type,
                                                   GError          **error);

gboolean         sl_ledger_save_organization      (SlLedger         *self,
                                                   SlOrganization   *organization,
                                                   GError          **error);
gboolean         sl_ledger_save_member            (SlLedger         *self,
                                                   SlMember         *member,
                                                   GError          **error);
gboolean         sl_ledger_save_plan              (SlLedger         *self,
                                                   SlPlan           *plan,
                                                   SlSaveFlags       flags,
                                                   GError          **error);
gboolean         sl_ledger_save_meeting           (SlLedger         *self,
                                                   SlMeeting        *meeting,
                                                   SlSaveFlags       flags,
                                                   GError          **error);
gboolean         sl_ledger_save_research_topic    (SlLedger         *self,
                                                   SlResearchTopic  *topic,
                                                   GError          **error);

gboolean         sl_ledger_delete                 (SlLedger         *self,
                                                   gpointer          record,
                                                   GError          **error);

G_END_DECLS
