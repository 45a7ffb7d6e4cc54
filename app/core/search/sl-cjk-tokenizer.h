/* sl-cjk-tokenizer.h — the FTS5 tokenizer of the search index (schema 8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The name schema 8 gives in CREATE VIRTUAL TABLE: it may never change. */
#define SL_CJK_TOKENIZER_NAME "sl_cjk"

int      sl_cjk_tokenizer_register (sqlite3    *db);

gboolean sl_cjk_tokenizer_is_cjk   (gunichar    c);

/* The tokenizer itself, for tests: @flags as FTS5 passes them. */
int      sl_cjk_tokenizer_tokenize (void       *context,
                                int         flags,
                                const char *text,
                                int         length,
                                int       (*token) (void *, int, const char *, int, int, int));

G_END_DECLS
