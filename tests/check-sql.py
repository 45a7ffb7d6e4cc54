#!/usr/bin/python3
# check-sql.py — no SQL built from text, no shell, files opened through GLib
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-sql.py APP-FOLDER
#
# Reads every .c and .h file under APP-FOLDER (comments removed) and fails,
# naming the file and line, when it finds:
#
#   1. a printf-style call (g_strdup_printf, g_string_append_printf,
#      sqlite3_mprintf, ...) whose format holds SQL: user text must reach
#      SQLite as a bound parameter (sqlite3_bind_*), never inside the
#      statement. The only exceptions are listed in ALLOWED below: a few
#      PRAGMA and SAVEPOINT statements of sl-database.c that SQLite cannot
#      bind, which take integers only (this script checks that too);
#   2. SQL put together by concatenation (g_strconcat, g_string_append,
#      strcat, ...) from pieces of which one is an SQL literal;
#   3. a statement prepared or executed from a function call's result
#      (sqlite3_prepare* / sqlite3_exec / sl_database_prepare /
#      sl_database_exec (db, g_strdup_printf (...)));
#   4. a shell: system(), popen(), g_spawn_command_line_*(), or any spawn
#      or exec of "sh -c";
#   5. files opened around GLib and GIO: fopen(), freopen(), open(),
#      creat() (g_open, g_file_*, GFile and sqlite3_open_v2 are fine).
#
# Before the tree, the script checks itself on samples of each mistake, so
# that a change that blinds a rule fails too.

import os
import re
import sys

SQL_UPPER = re.compile(
    r'\b(SELECT|INSERT|UPDATE|DELETE|WHERE|CREATE|DROP|ALTER|PRAGMA|SAVEPOINT|RELEASE|'
    r'ROLLBACK|BEGIN|COMMIT|ATTACH|DETACH|VACUUM|VALUES|MATCH)\b')
SQL_ANY_CASE = [
    re.compile(r'(?is)\bselect\b.*\bfrom\b'),
    re.compile(r'(?i)\binsert\s+(or\s+\w+\s+)?into\b'),
    re.compile(r'(?i)\bdelete\s+from\b'),
    re.compile(r'(?i)\bupdate\s+\w+\s+set\b'),
]

# (file name, format): statements SQLite cannot bind, integers only.
ALLOWED = {
    ('sl-database.c', 'PRAGMA user_version = %d'),
    ('sl-database.c', 'PRAGMA application_id = %d'),
    ('sl-database.c', 'PRAGMA schema_version = %d'),
    ('sl-migrations.c', 'PRAGMA schema_version = %d'),
    ('sl-database.c', 'SAVEPOINT sl_%u'),
    ('sl-database.c', 'RELEASE sl_%u'),
    ('sl-database.c', 'ROLLBACK TO sl_%u; RELEASE sl_%u'),
}

# Function → index of the format argument.
PRINTF = {
    'g_strdup_printf': 0, 'g_strdup_vprintf': 0, 'g_string_printf': 1,
    'g_string_append_printf': 1, 'g_string_append_vprintf': 1, 'g_string_vprintf': 1,
    'sqlite3_mprintf': 0, 'sqlite3_vmprintf': 0, 'sqlite3_snprintf': 2, 'sqlite3_vsnprintf': 2,
    'sqlite3_str_appendf': 1, 'g_snprintf': 2, 'g_vsnprintf': 2, 'snprintf': 2,
    'vsnprintf': 2, 'sprintf': 1, 'vsprintf': 1, 'g_sprintf': 1, 'asprintf': 1,
    'g_strdup_printf_escaped': 0, 'g_markup_printf_escaped': 0,
}
CONCAT = {
    'g_strconcat', 'g_strjoin', 'g_string_append', 'g_string_append_len', 'g_string_prepend',
    'g_string_insert', 'g_string_new', 'strcat', 'strncat', 'stpcpy', 'sqlite3_str_append',
    'sqlite3_str_appendall',
}
# Function → index of the SQL argument.
EXECUTE = {
    'sqlite3_prepare': 1, 'sqlite3_prepare_v2': 1, 'sqlite3_prepare_v3': 1, 'sqlite3_exec': 1,
    'sl_database_prepare': 1, 'sl_database_exec': 1,
}
SHELL_ALWAYS = {'system', 'popen', 'g_spawn_command_line_sync', 'g_spawn_command_line_async'}
SPAWN = {
    'execl', 'execlp', 'execle', 'execv', 'execvp', 'execvpe', 'posix_spawn', 'posix_spawnp',
    'g_spawn_sync', 'g_spawn_async', 'g_spawn_async_with_pipes', 'g_spawn_async_with_fds',
    'g_spawn_async_with_pipes_and_fds', 'g_subprocess_new', 'g_subprocess_newv',
    'g_subprocess_launcher_spawn', 'g_subprocess_launcher_spawnv',
}
RAW_OPEN = {'fopen', 'freopen', 'open', 'open64', 'creat', 'openat'}

CALL = re.compile(r'(?<![\w.>])([A-Za-z_]\w*)\s*\(')
STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
CONVERSION = re.compile(r'%[-+ #0\']*\d*(?:\.\d+)?(?:hh|h|ll|l|j|z|t|L|q|Q)?([a-zA-Z%])')


def strip_comments(text):
    """Blanks comments out, keeping strings, characters and line breaks."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in '"\'':
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def arguments(text, start):
    """The top-level arguments of the call whose '(' is at start."""
    args, depth, i, n = [], 0, start, len(text)
    current = start + 1
    while i < n:
        c = text[i]
        if c in '"\'':
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            i = j + 1
            continue
        if c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
            if depth == 0:
                args.append(text[current:i])
                return args
        elif c == ',' and depth == 1:
            args.append(text[current:i])
            current = i + 1
        i += 1
    return args


def literal_text(arg):
    return ''.join(m.group(1) for m in STRING.finditer(arg))


def has_sql(text):
    return bool(SQL_UPPER.search(text)) or any(p.search(text) for p in SQL_ANY_CASE)


def check_source(name, text):
    """Problems in one file's text, as (line, message)."""
    problems = []
    code = strip_comments(text)
    base = os.path.basename(name)

    for match in CALL.finditer(code):
        function = match.group(1)
        line = code.count('\n', 0, match.start()) + 1
        if function not in PRINTF and function not in CONCAT and function not in EXECUTE \
           and function not in SHELL_ALWAYS and function not in SPAWN and function not in RAW_OPEN:
            continue
        args = arguments(code, match.end() - 1)

        if function in PRINTF and len(args) > PRINTF[function]:
            fmt = literal_text(args[PRINTF[function]])
            if has_sql(fmt):
                conversions = set(CONVERSION.findall(fmt)) - {'%'}
                if (base, fmt) in ALLOWED and conversions <= set('diuxX'):
                    continue
                problems.append((line, f'{function} formats SQL “{fmt}”: bind the values '
                                       '(sqlite3_bind_*) instead of printing them into the statement'))

        if function in CONCAT:
            for arg in args:
                piece = literal_text(arg)
                if piece and has_sql(piece) and function != 'g_string_new':
                    problems.append((line, f'{function} builds SQL from pieces (“{piece}”): '
                                           'write the whole statement as one literal and bind the values'))
                    break
            if function == 'g_string_new' and args and has_sql(literal_text(args[0])):
                problems.append((line, f'g_string_new starts SQL (“{literal_text(args[0])}”) to be '
                                       'assembled: write one literal statement and bind the values'))

        if function in EXECUTE and len(args) > EXECUTE[function]:
            sql = STRING.sub('""', args[EXECUTE[function]])
            inner = [m.group(1) for m in CALL.finditer(sql)]
            if inner:
                problems.append((line, f'{function} runs SQL made by {inner[0]}(): '
                                       'prepare a literal statement and bind the values'))

        if function in SHELL_ALWAYS:
            problems.append((line, f'{function}() runs a shell; spawn the program with an argument '
                                   'vector (GSubprocess) and never pass user text to a shell'))

        if function in SPAWN:
            texts = [m.group(1) for a in args for m in STRING.finditer(a)]
            if any(t in ('sh', '/bin/sh', 'bash', '/bin/bash') for t in texts) and '-c' in texts:
                problems.append((line, f'{function} runs “sh -c”: pass an argument vector instead'))

        if function in RAW_OPEN:
            problems.append((line, f'{function}() opens a file around GLib: use g_open, '
                                   'g_file_get_contents, g_file_set_contents_full or GFile'))

    return problems


SAMPLES = {
    # (text, should be refused)
    'bad printf': ('q = g_strdup_printf ("SELECT * FROM members WHERE name = \'%s\'", name);', True),
    'bad lower printf': ('g_string_append_printf (s, "select id from x where a = %s", v);', True),
    'bad mprintf': ('char *q = sqlite3_mprintf ("DELETE FROM meetings WHERE uuid = %Q", id);', True),
    'bad concat': ('sql = g_strconcat ("UPDATE members SET name = \'", name, "\'", NULL);', True),
    'bad append': ('g_string_append (sql, " WHERE uuid = ");', True),
    'bad exec': ('sl_database_exec (db, g_strdup_printf ("DROP TABLE %s", t), NULL);', True),
    'bad system': ('system ("rm -rf /");', True),
    'bad popen': ('FILE *f = popen (command, "r");', True),
    'bad sh': ('g_spawn_sync (NULL, (char *[]) { "sh", "-c", text, NULL }, NULL, 0, NULL, NULL, '
               'NULL, NULL, NULL, NULL);', True),
    'bad command line': ('g_spawn_command_line_async (cmd, NULL);', True),
    'bad fopen': ('FILE *f = fopen (path, "w");', True),
    'bad open': ('int fd = open (path, O_RDONLY);', True),
    'bad allowed format with text': ('g_strdup_printf ("SAVEPOINT sl_%s", name);', True),
    'good bound': ('stmt = sl_database_prepare (db, "SELECT id FROM members WHERE uuid = ?", e);'
                   'sl_bind_text (stmt, 1, id);', False),
    'good macro': ('stmt = sl_database_prepare (db, SELECT_MEETINGS "WHERE m.uuid = ?", error);', False),
    'good message': ('g_set_error (e, D, 1, _("Select a file; %s was deleted"), p);'
                     'g_strdup_printf (_("%s is not a date"), t);', False),
    'good g_open': ('fd = g_open (path, O_RDONLY, 0); sqlite3_open_v2 (path, &db, f, NULL);', False),
    'good comment': ('/* g_strdup_printf ("SELECT %s", x); */ int x;', False),
    'good spawn': ('g_spawn_sync (NULL, argv, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL);', False),
}


def self_test():
    failures = []
    for label, (text, bad) in SAMPLES.items():
        found = check_source('sample.c', text)
        if bool(found) != bad:
            failures.append(f'self-test “{label}”: expected {"a problem" if bad else "none"}, '
                            f'found {found}')
    allowed = 'sql = g_strdup_printf ("SAVEPOINT sl_%u", self->depth);'
    if check_source('app/core/sl-database.c', allowed):
        failures.append('self-test: the allowed SAVEPOINT format is refused')
    if not check_source('app/core/sl-other.c', allowed):
        failures.append('self-test: the SAVEPOINT format is allowed outside sl-database.c')
    return failures


def main():
    if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
        print('usage: check-sql.py APP-FOLDER', file=sys.stderr)
        return 2

    failures = self_test()
    checked = 0
    for folder, _, names in sorted(os.walk(sys.argv[1])):
        for name in sorted(names):
            if not name.endswith(('.c', '.h')):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding='utf-8', errors='replace') as source:
                text = source.read()
            checked += 1
            for line, message in check_source(path, text):
                failures.append(f'{path}:{line}: {message}')

    for failure in failures:
        print(failure)
    print(f'check-sql.py: {checked} files, {len(failures)} problems')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
