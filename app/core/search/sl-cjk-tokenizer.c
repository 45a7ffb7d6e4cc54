/* sl-cjk-tokenizer.c — the FTS5 tokenizer of the search index (schema 8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chinese has no spaces between words, and the most common searches are
 * one or two characters long (学习, 生态, 党), which the trigram tokenizer
 * of schema 2 cannot find. This one cuts a run of CJK characters into
 * every overlapping pair, and gives each character as a token at the same
 * place as the pair it starts (FTS5_TOKEN_COLOCATED):
 *
 *   学习生态  →  学习 (学) · 习生 (习) · 生态 (生) · 态
 *
 * so that a query of one character is one token, of two characters one
 * pair, and of more a phrase of consecutive pairs — 学习生 is 学习 then
 * 习生 — found exactly where the characters stand together. A query is
 * cut into pairs only (FTS5_TOKENIZE_QUERY), or into its one character.
 *
 * Other scripts are cut into words at anything that is not a letter or a
 * digit, and lower-cased. A run of CJK characters ends at anything else,
 * so no pair spans two fields, a space or a punctuation mark.
 *
 * What it cuts is part of every ledger's index: a change to it needs a
 * migration that rebuilds search_index ('rebuild'), as schema 8 did.
 *
 * Every connection of this program has it registered
 * (sl_cjk_tokenizer_register(), called where sl-database.c connects): FTS5
 * tokenizes a row again to delete it. Other programs do not, so nothing
 * they can do writes to search_index (sl-search-index.c).
 */

#define G_LOG_DOMAIN "sl-tokenizer"

#include "config.h"

#include <string.h>

#include "sl-cjk-tokenizer.h"

/* Scripts written without spaces between words. */
gboolean
sl_cjk_tokenizer_is_cjk (gunichar c)
{
  GUnicodeScript script;
  GUnicodeType type;

  /* The common cases first: every text is tokenized on every write. */
  if (c >= 0x4E00 && c <= 0x9FFF)
    return TRUE;
  if (c < 0x3005)
    return FALSE;

  script = g_unichar_get_script (c);
  if (script != G_UNICODE_SCRIPT_HAN && script != G_UNICODE_SCRIPT_HIRAGANA &&
      script != G_UNICODE_SCRIPT_KATAKANA)
    return FALSE;
  /* Letters (々 too) and 〇, not the radicals and symbols. */
  type = g_unichar_type (c);
  return g_unichar_isalnum (c) || type == G_UNICODE_MODIFIER_LETTER || type == G_UNICODE_LETTER_NUMBER;
}

typedef int (*TokenFunc) (void *, int, const char *, int, int, int);

static int
emit_cjk_run (void       *context,
              TokenFunc   token,
              const char *text,
              const int  *starts,   /* byte offset of each character, and one past */
              int         n,
              gboolean    query)
{
  int rc = SQLITE_OK;

  if (query)
    {
      /* One character alone, or the pairs of a phrase. */
      if (n == 1)
        return token (context, 0, text + starts[0], starts[1] - starts[0], starts[0], starts[1]);
      for (int i = 0; rc == SQLITE_OK && i + 1 < n; i++)
        rc = token (context, 0, text + starts[i], starts[i + 2] - starts[i], starts[i], starts[i + 2]);
      return rc;
    }

  for (int i = 0; rc == SQLITE_OK && i < n; i++)
    {
      if (i + 1 < n)
        {
          rc = token (context, 0, text + starts[i], starts[i + 2] - starts[i], starts[i], starts[i + 2]);
          if (rc == SQLITE_OK)
            rc = token (context, FTS5_TOKEN_COLOCATED, text + starts[i], starts[i + 1] - starts[i],
                        starts[i], starts[i + 1]);
        }
      else
        rc = token (context, 0, text + starts[i], starts[i + 1] - starts[i], starts[i], starts[i + 1]);
    }
  return rc;
}

int
sl_cjk_tokenizer_tokenize (void       *context,
                       int         flags,
                       const char *text,
                       int         length,
                       TokenFunc   token)
{
  gboolean query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));
  int rc = SQLITE_OK;
  int p = 0;

  if (text == NULL || length <= 0)
    return SQLITE_OK;

  while (rc == SQLITE_OK && p < length)
    {
      const char *here = text + p;
      gunichar c = g_utf8_get_char_validated (here, length - p);
      int next;

      /* Bytes that are not UTF-8 separate tokens, one at a time. */
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      next = g_utf8_next_char (here) - text;

      if (sl_cjk_tokenizer_is_cjk (c))
        {
          int q = p;

          g_array_set_size (starts, 0);
          while (q < length)
            {
              gunichar d = g_utf8_get_char_validated (text + q, length - q);

              if (d == (gunichar) -1 || d == (gunichar) -2 || !sl_cjk_tokenizer_is_cjk (d))
                break;
              g_array_append_val (starts, q);
              q = g_utf8_next_char (text + q) - text;
            }
          g_array_append_val (starts, q);
          rc = emit_cjk_run (context, token, text, (const int *) starts->data,
                             starts->len - 1, query);
          p = q;
        }
      else if (g_unichar_isalnum (c))
        {
          int q = next;
          g_autofree char *word = NULL;

          while (q < length)
            {
              gunichar d = g_utf8_get_char_validated (text + q, length - q);

              if (d == (gunichar) -1 || d == (gunichar) -2 || sl_cjk_tokenizer_is_cjk (d) ||
                  !(g_unichar_isalnum (d) || g_unichar_ismark (d)))
                break;
              q = g_utf8_next_char (text + q) - text;
            }
          word = g_utf8_strdown (here, q - p);
          rc = token (context, 0, word, strlen (word), p, q);
          p = q;
        }
      else
        p = next;
    }

  return rc;
}

/* The FTS5 tokenizer object: no options, no state. */

static int
tokenizer_create (void        *user_data,
                  const char **arguments,
                  int          n_arguments,
                  Fts5Tokenizer **out)
{
  static int instance;

  if (n_arguments > 0)
    return SQLITE_ERROR;
  *out = (Fts5Tokenizer *) &instance;
  return SQLITE_OK;
}

static void
tokenizer_delete (Fts5Tokenizer *tokenizer)
{
}

static int
tokenizer_tokenize (Fts5Tokenizer *tokenizer,
                    void          *context,
                    int            flags,
                    const char    *text,
                    int            length,
                    TokenFunc      token)
{
  return sl_cjk_tokenizer_tokenize (context, flags, text, length, token);
}

/* The fts5_api of @db, the documented way: SELECT fts5(?1) fills a
 * pointer bound with the type "fts5_api_ptr". */
static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

/* sl_rank(search_index): bm25 without its inverse document frequency,
 * which for a query of one phrase is the same positive factor for every
 * row and so changes no order — but which FTS5's bm25() computes by
 * running the phrase over the whole index once per query, more than the
 * rest of a search on a hundred years of meetings. Lower is better, as
 * with bm25(). */
static void
rank_function (const Fts5ExtensionApi  *api,
               Fts5Context             *fts,
               sqlite3_context         *context,
               int                      n_values,
               sqlite3_value          **values)
{
  const double k1 = 1.2, b = 0.75;
  sqlite3_int64 rows = 0, total = 0;
  int size = 0, instances = 0;
  double average;
  int rc;

  if ((rc = api->xRowCount (fts, &rows)) != SQLITE_OK ||
      (rc = api->xColumnTotalSize (fts, -1, &total)) != SQLITE_OK ||
      (rc = api->xColumnSize (fts, -1, &size)) != SQLITE_OK ||
      (rc = api->xInstCount (fts, &instances)) != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }

  average = rows > 0 && total > 0 ? (double) total / (double) rows : 1.0;
  sqlite3_result_double (context,
                         -(instances * (k1 + 1)) / (instances + k1 * (1 - b + b * size / average)));
}

/**
 * sl_cjk_tokenizer_register:
 * @db: a connection
 *
 * Makes the tokenizer SL_CJK_TOKENIZER_NAME and the ranking function sl_rank()
 * known to @db.
 *
 * Returns: an SQLite result code
 */
int
sl_cjk_tokenizer_register (sqlite3 *db)
{
  static fts5_tokenizer tokenizer = {
    tokenizer_create, tokenizer_delete, tokenizer_tokenize,
  };
  fts5_api *api = get_fts5_api (db);

  int rc;

  if (api == NULL || api->iVersion < 2)
    return SQLITE_ERROR;
  rc = api->xCreateTokenizer (api, SL_CJK_TOKENIZER_NAME, NULL, &tokenizer, NULL);
  if (rc == SQLITE_OK)
    rc = api->xCreateFunction (api, "sl_rank", NULL, rank_function, NULL);
  return rc;
}
