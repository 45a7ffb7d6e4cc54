/* sl-test-json.h — helpers the test-json-*.c programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The strict JSON reader (SlJsonDocument) is checked against RFC 8259 with
 * exact values, and against json-glib's JsonParser on the same inputs
 * (test-json-differential.c). Where the reader departs from the RFC in a
 * way that sl-json-document.c does not document, a test says so with
 * reader_bug() (g_test_incomplete()) and the input that shows it, so that
 * the suite stays green until the reader is fixed and then checks the fix.
 */

#pragma once

#include <glib.h>

#include "sl-json-document.h"

/* Error messages in English whatever the machine's language, then
 * g_test_init(). */
void json_test_init (int *argc, char ***argv);

/* Defined in sl-test-json.c, with a comment there where one is due. */
SlJsonDocument *parse_len (const char *data, gsize length);
SlJsonDocument *parse (const char *text);
void assert_refused_len (const char *data, gsize length, SlJsonError code, guint line, guint column);
void assert_refused (const char *text, SlJsonError code, guint line, guint column);
void assert_syntax (const char *text, guint line, guint column);
gboolean accepts (const char *text);
void assert_integer (const SlJsonValue *value, gint64 expected);
void assert_string (const SlJsonValue *value, const char *expected);
void reader_bug (const char *summary);
