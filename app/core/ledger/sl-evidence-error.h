/* sl-evidence-error.h — the evidence's error codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A leaf header, so that the attachments' store (sl-attachments.c), which
 * the evidence reads, can refuse with these codes without including
 * sl-evidence.h. The quark is defined in sl-evidence.c.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SL_EVIDENCE_ERROR (sl_evidence_error_quark ())

typedef enum
{
  SL_EVIDENCE_ERROR_LOCKED,        /* the record's year is locked */
  SL_EVIDENCE_ERROR_NEEDS_REASON,  /* a final meeting changes without a reason */
  SL_EVIDENCE_ERROR_STATE,         /* already final, already (un)locked... */
  SL_EVIDENCE_ERROR_MISMATCH,      /* a hash or chain does not match its content */
  SL_EVIDENCE_ERROR_INVALID,       /* a wrong value (kind, size, file) */
  SL_EVIDENCE_ERROR_INCOMPLETE,    /* 定稿 of a record with a half-filled part */
} SlEvidenceError;

GQuark sl_evidence_error_quark (void);

G_END_DECLS
