#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Quire's house rules, checked on the source tree (no build needed).

Run from the project root (or give --root):

  scripts/house_check.py                      every rule
  scripts/house_check.py --only circles,sql   some of them

Rules:
  circles   no include circle between the folders of src/core (a folder-level
            graph from the #include "folder/..." lines; the circle is printed
            with the line that makes each step)
  format    every .cpp/.h/.c/.cc/.hpp under src/ plugins/ tests/ bench/ fuzz/
            is as clang-format 14 lays it out (.clang-format at the root)
  database  storage/database.h is included only inside src/core
  sql       an SQL statement in a string literal names only tables its file
            owns (docs/tables.md: one owner per table); outside src/core there
            is no SQL at all, and no quoted text starts with an SQL word
  gui       in src/gui no file declares more than one Q_OBJECT class, and only
            mainwindow.cpp/.h include mainwindow.h

Each problem is printed as "path:line: rule: what is wrong"; the exit status
is 1 when there is any, 0 when there is none, 2 when the check cannot run.
Exceptions are listed in EXCEPTIONS below, each with its reason; they are
printed when used, and an exception that no longer matches anything is a
problem too, so the list can only shrink.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

RULES = ("circles", "format", "database", "sql", "gui")

# (rule, path, what, reason): `what` is the table name for "sql", the included
# file for "database" and "gui", the folder circle ("a -> b -> a") for "circles".
# Empty since the store split of issue 14 landed: every file asks the owners. An entry, if one is
# ever needed, says why; the check fails on one that no longer matches anything.
EXCEPTIONS = []

# Folders of FORMAT_DIRS whose files are not held to the database and sql rules, with the
# reason (the format rule covers them); the rest is product code.
NOT_PRODUCT_CODE = {
    "tests/": "tests open project files with SQLite on purpose, to check what the stores wrote and to damage files",
    "bench/": "benchmarks set up and measure project files directly",
    "fuzz/": "fuzz targets feed parsers, they never open a project",
}

FORMAT_DIRS = ("src", "plugins", "tests", "bench", "fuzz")
SOURCE_SUFFIXES = (".cpp", ".h", ".c", ".cc", ".cxx", ".hpp")

# Words that begin an SQL statement.
STATEMENT_WORDS = ("SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "PRAGMA",
                   "WITH", "EXPLAIN", "ANALYZE", "REINDEX", "VACUUM")
# Words that begin quoted text the acceptance check (../shared/tools/house-check)
# reads as SQL outside src/core, whatever follows: a user-visible "Delete theme"
# counts, so such text is reworded.
SQL_LEADING_WORDS = ("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "PRAGMA", "WITH")
# A literal that begins with a statement word is SQL when it also has one of these.
SQL_BODY_WORDS = ("FROM", "INTO", "SET", "TABLE", "VALUES", "WHERE", "INDEX", "VIEW", "TRIGGER", "JOIN")

INCLUDE_RE = re.compile(r'#\s*include\s*[<"]([^">\n]+)[">]')


class Problem:
    def __init__(self, rule, path, line, message, what=None):
        self.rule, self.path, self.line, self.message, self.what = rule, path, line, message, what

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.rule}: {self.message}"


class CannotRun(Exception):
    pass


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def source_files(*tops):
    """Source files under the given top folders, sorted, as root-relative paths with '/'."""
    found = []
    for top in tops:
        for folder, dirs, files in os.walk(top):
            dirs.sort()
            for name in files:
                if name.endswith(SOURCE_SUFFIXES):
                    found.append(os.path.join(folder, name).replace(os.sep, "/"))
    return sorted(found)


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


# --- C++ lexing: string literals and code without comments -------------------------------------------------

STRING_PREFIX_RE = re.compile(r'(?:u8|u|U|L)?R?"')


def read_literal(text, i):
    """The string literal starting at i (prefix or quote): (end, value), value being what stands between
    the quotes (escapes as written, a raw string's text as it is); None when no literal starts at i."""
    m = STRING_PREFIX_RE.match(text, i)
    if not m:
        return None
    n = len(text)
    j = m.end()
    if m.group(0).endswith('R"'):
        paren = text.find("(", j)
        if paren < 0:
            return n, text[j:]
        close = text.find(")" + text[j:paren] + '"', paren + 1)
        if close < 0:
            return n, text[paren + 1:]
        value, j = text[paren + 1:close], close + len(text[j:paren]) + 2
    else:
        body = j
        while j < n and text[j] != '"' and text[j] != "\n":
            j += 2 if text[j] == "\\" else 1
        value, j = text[body:min(j, n)], min(j + 1, n)
    while j < n and (text[j].isalnum() or text[j] == "_"):  # a user-defined suffix: "..."_s
        j += 1
    return j, value


def scan(text):
    """Splits C++ source into string literals and code. Returns (literals, code): literals is a list of
    (offset, value), adjacent literals ("a" "b", only spaces and comments between) joined into one; code is
    the text with comments, string and character literals blanked (same length, newlines kept)."""
    literals = []
    code = list(text)
    i, n = 0, len(text)
    pending = None  # [offset, value] of a literal the next one may continue

    def blank(a, b):
        for k in range(a, b):
            if code[k] != "\n":
                code[k] = " "

    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if text.startswith("//", i) or text.startswith("/*", i):
            j = text.find("\n", i) if text[i + 1] == "/" else text.find("*/", i + 2)
            j = n if j < 0 else (j if text[i + 1] == "/" else j + 2)
            blank(i, j)
            i = j
            continue
        lit = read_literal(text, i)
        if lit:
            j, value = lit
            blank(i, j)
            if pending is not None:
                pending[1] += value
            else:
                pending = [i, value]
            i = j
            continue
        if c == "'":
            j = i + 1
            while j < n and text[j] != "'" and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            blank(i, j)
            i = j
            continue
        if pending is not None:  # any other code ends a run of adjacent literals
            literals.append(tuple(pending))
            pending = None
        if c.isdigit():  # a number, with digit separators (1'000) and exponents (1e+5)
            m = re.compile(r"[0-9A-Za-z_.']+(?:(?<=[eEpP])[+-][0-9A-Za-z_.']*)*").match(text, i)
            i = m.end()
        elif c.isalnum() or c == "_":
            while i < n and (text[i].isalnum() or text[i] == "_"):
                i += 1
        else:
            i += 1
    if pending is not None:
        literals.append(tuple(pending))
    return literals, "".join(code)


# --- circles ------------------------------------------------------------------------------------------------

def core_folder_of_include(path, include, folders):
    """The src/core folder an #include in `path` reaches, or None ("model/x.h", "core/model/x.h",
    "../model/x.h" all reach model)."""
    parts = include.split("/")
    if parts[0] in ("..", "."):
        resolved = os.path.normpath(os.path.join(os.path.dirname(path), include)).replace(os.sep, "/")
        if not resolved.startswith("src/core/"):
            return None
        parts = resolved[len("src/core/"):].split("/")
    elif parts[0] == "core" and len(parts) > 2:
        parts = parts[1:]
    return parts[0] if len(parts) > 1 and parts[0] in folders else None


def check_circles():
    if not os.path.isdir("src/core"):
        raise CannotRun("circles: there is no src/core folder here; run from the project root or give --root")
    folders = sorted(d for d in os.listdir("src/core") if os.path.isdir(os.path.join("src/core", d)))
    edges = {f: {} for f in folders}  # folder -> {used folder: (path, line, include)}
    for path in source_files("src/core"):
        parts = path.split("/")
        if len(parts) < 4:
            continue
        folder = parts[2]
        text = read(path)
        for m in INCLUDE_RE.finditer(text):
            used = core_folder_of_include(path, m.group(1), folders)
            if used and used != folder:
                edges[folder].setdefault(used, (path, line_of(text, m.start()), m.group(1)))
    problems = []
    for component in strongly_connected(folders, edges):
        if len(component) < 2:
            continue
        circle = a_circle(component, edges)
        steps = [f"{edges[a][b][0]}:{edges[a][b][1]} includes \"{edges[a][b][2]}\"" for a, b in zip(circle, circle[1:])]
        what = " -> ".join(circle)
        first = edges[circle[0]][circle[1]]
        problems.append(Problem("circles", first[0], first[1],
                                f"the folders {', '.join(sorted(component))} include each other; one circle: {what} "
                                f"({'; '.join(steps)})", what))
    return problems


def strongly_connected(nodes, edges):
    """Tarjan's algorithm: the strongly connected components of the graph."""
    index, low, stack, on_stack, result = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            result.append(component)

    for v in nodes:
        if v not in index:
            visit(v)
    return result


def a_circle(component, edges):
    """A shortest circle through the first folder of a component, as a list that ends where it starts."""
    members = set(component)
    start = sorted(component)[0]
    paths, todo = {start: [start]}, [start]
    while todo:
        v = todo.pop(0)
        for w in sorted(edges[v]):
            if w == start:
                return paths[v] + [start]
            if w in members and w not in paths:
                paths[w] = paths[v] + [w]
                todo.append(w)
    return [start, start]


# --- format -------------------------------------------------------------------------------------------------

def clang_format_program():
    candidates = [os.environ["CLANG_FORMAT"]] if os.environ.get("CLANG_FORMAT") else ["clang-format-14", "clang-format"]
    for name in candidates:
        program = shutil.which(name)
        if not program:
            continue
        version = subprocess.run([program, "--version"], capture_output=True, text=True).stdout.strip()
        if re.search(r"version 14\.", version):
            return program
        raise CannotRun(f"format: {program} is \"{version}\", but the layout is clang-format 14's (Debian package "
                        f"clang-format on Debian 12); other versions lay code out differently")
    raise CannotRun("format: clang-format 14 is not installed (Debian 12: apt-get install clang-format)")


def check_format():
    if not os.path.isfile(".clang-format"):
        raise CannotRun("format: there is no .clang-format at the root, so the layout is not defined")
    files = source_files(*[d for d in FORMAT_DIRS if os.path.isdir(d)])
    if not files:
        return []
    program = clang_format_program()
    unformatted = {}
    for k in range(0, len(files), 200):
        batch = files[k:k + 200]
        done = subprocess.run([program, "--style=file", "--dry-run", "--Werror"] + batch, capture_output=True, text=True)
        found = re.findall(r"^(\S.*?):(\d+):\d+: (?:error|warning): code should be clang-formatted", done.stderr, re.M)
        for path, line in found:
            unformatted.setdefault(path, int(line))
        if done.returncode != 0 and not found:
            raise CannotRun(f"format: {program} failed: {done.stderr.strip()[:500]}")
    return [Problem("format", path, line, f"clang-format 14 would change this file (first at line {line}); run "
                    f"clang-format -i {path}") for path, line in sorted(unformatted.items())]


# --- database -----------------------------------------------------------------------------------------------

def product_files():
    files = source_files(*[d for d in FORMAT_DIRS if os.path.isdir(d)])
    return [p for p in files if not any(p.startswith(folder) for folder in NOT_PRODUCT_CODE)]


def product_files_outside_core():
    return [p for p in product_files() if not p.startswith("src/core/")]


def check_database():
    problems = []
    for path in product_files_outside_core():
        text = read(path)
        for m in INCLUDE_RE.finditer(text):
            if m.group(1).split("/")[-1] == "database.h":
                problems.append(Problem("database", path, line_of(text, m.start()),
                                        f"includes \"{m.group(1)}\": only src/core talks to the database "
                                        f"(use Project or a store)", m.group(1)))
    return problems


# --- sql ----------------------------------------------------------------------------------------------------

def load_tables():
    """docs/tables.md: {table: [owner paths]} from the rows of its "Owners" section, and the paths under
    "May name every table". A path ending in '/' is a folder."""
    page = "docs/tables.md"
    if not os.path.isfile(page):
        raise CannotRun(f"sql: {page} is missing; it lists each table's owner files")
    owners, everywhere, section = {}, [], ""
    for line in read(page).splitlines():
        if line.startswith("## "):
            section = line[3:].strip().lower()
            continue
        if not line.startswith("|") or re.match(r"^\|[\s:|-]+\|?$", line):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        names = re.findall(r"`([^`]+)`", cells[0])
        if section.startswith("owners") and len(cells) >= 2 and names:
            for table in names:
                owners.setdefault(table, []).extend(re.findall(r"`([^`]+)`", cells[1]))
        elif section.startswith("may name every table") and names:
            everywhere.extend(names)
    if not owners:
        raise CannotRun(f"sql: {page} has no rows under \"## Owners\" (| `table` | `owner file` | ... |)")
    return owners, everywhere


def path_matches(path, entry):
    return path.startswith(entry) if entry.endswith("/") else path == entry


def strip_sql_comments(sql):
    return re.sub(r"--[^\n]*", " ", sql)


def sql_statement(value):
    """True when a literal's text is an SQL statement (or its start): it begins with a statement word and
    has a body word (FROM, INTO, SET, TABLE, VALUES, WHERE, INDEX, VIEW, TRIGGER, JOIN) or is a PRAGMA."""
    text = strip_sql_comments(value).lstrip(" \t\r\n(;").replace("\\n", " ").replace("\\t", " ")
    first = re.match(r"[A-Za-z]+", text)
    if not first or first.group(0).upper() not in STATEMENT_WORDS:
        return False
    if first.group(0).upper() == "PRAGMA":
        return True
    return re.search(r"\b(?:%s)\b" % "|".join(SQL_BODY_WORDS), text, re.I) is not None


def sql_fragment_tables(value, tables):
    """Tables a piece of SQL names after an upper-case FROM, JOIN, INTO, UPDATE or TABLE, wherever the piece
    starts (" FROM segments s JOIN codes c" is SQL even without SELECT in front)."""
    names = set()
    for m in re.finditer(r"\b(?:FROM|JOIN|INTO|UPDATE|TABLE|EXISTS)\s+([A-Za-z_][A-Za-z0-9_]*)", value):
        if m.group(1).lower() in tables:
            names.add(m.group(1).lower())
    return names


def named_tables(value, tables):
    words = {w.lower() for w in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", strip_sql_comments(value))}
    return sorted(words & set(tables))


def check_sql():
    owners, everywhere = load_tables()
    tables = {t.lower(): o for t, o in owners.items()}
    store_files = {o for os_ in owners.values() for o in os_ if not o.endswith("/")}
    problems = []
    leading = re.compile(r'"\s*(?:%s)\b' % "|".join(SQL_LEADING_WORDS), re.I)
    created_re = re.compile(r"\bCREATE\s+(TEMP\s+|TEMPORARY\s+)?(?:VIRTUAL\s+)?(TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?"
                            r"([A-Za-z_][A-Za-z0-9_.]*)", re.I)
    for path in product_files():
        text = read(path)
        in_core = path.startswith("src/core/")
        free = any(path_matches(path, e) for e in everywhere)
        literals, _ = scan(text)
        for offset, value in literals:
            line = line_of(text, offset)
            statement = sql_statement(value)
            names = named_tables(value, tables) if statement else sorted(sql_fragment_tables(value, tables))
            if not in_core and (statement or names):
                problems.append(Problem("sql", path, line, f"SQL outside src/core: \"{short(value)}\"; "
                                        f"ask Project or a store in src/core for it", "outside src/core"))
                continue
            if statement:
                for m in created_re.finditer(value):
                    name = m.group(3).lower()
                    if not m.group(1) and not name.startswith("temp.") and name not in tables:
                        problems.append(Problem("sql", path, line, f"creates the {m.group(2).lower()} {name}, which "
                                                f"docs/tables.md does not list; add it with its owner", name))
            if free:
                continue
            # A store (a file that owns a table) may read any table in its queries (a join for a
            # name); it writes only its own. A file that owns no table has no SQL at all: it asks
            # the stores through typed queries.
            store = path in store_files
            written = written_tables(value) if store else set(names)
            for name in names:
                if name in written and not any(path_matches(path, o) for o in tables[name]):
                    what = "writes" if store else "names"
                    problems.append(Problem("sql", path, line, f"SQL {what} the table {name}, which belongs to "
                                            f"{', '.join(tables[name])} (docs/tables.md): \"{short(value)}\"", name))
        if not in_core:
            # quoted text anywhere (code, comments, inside other strings) that starts with an SQL word
            counted = {p.line for p in problems if p.path == path}
            for m in leading.finditer(text):
                line = line_of(text, m.start())
                if line not in counted:
                    problems.append(Problem("sql", path, line, f"quoted text starts with the SQL word "
                                            f"\"{m.group(0)[1:].strip()}\", which the acceptance check counts as "
                                            f"SQL outside src/core; reword it", "outside src/core"))
                    counted.add(line)
    return problems


WRITE_RE = re.compile(r"\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE\s+(?:OR\s+\w+\s+)?|DELETE\s+FROM|"
                      r"(?:CREATE|DROP|ALTER)\s+(?:TEMP\s+|TEMPORARY\s+)?(?:VIRTUAL\s+)?(?:TABLE|VIEW|INDEX|TRIGGER)\s+"
                      r"(?:IF\s+(?:NOT\s+)?EXISTS\s+)?)\s*\"?([A-Za-z_][A-Za-z0-9_]*)", re.I)


def written_tables(value):
    """The tables an SQL text changes: INSERT/REPLACE INTO, UPDATE, DELETE FROM, CREATE/DROP/ALTER."""
    return {m.group(1).lower() for m in WRITE_RE.finditer(value)}


def short(value):
    flat = " ".join(value.replace("\\n", " ").split())
    return flat if len(flat) <= 70 else flat[:67] + "..."


# --- gui ----------------------------------------------------------------------------------------------------

def check_gui():
    problems = []
    for path in source_files("src/gui") if os.path.isdir("src/gui") else []:
        text = read(path)
        _, code = scan(text)
        count = max(len(re.findall(r"\bQ_OBJECT\b", code)), len(re.findall(r"^\s*Q_OBJECT\b", text, re.M)))
        if count > 1:
            problems.append(Problem("gui", path, 0, f"declares {count} Q_OBJECT classes; give each its own "
                                    f".h/.cpp", "Q_OBJECT"))
        if os.path.basename(path) in ("mainwindow.cpp", "mainwindow.h"):
            continue
        for m in INCLUDE_RE.finditer(text):
            if m.group(1).split("/")[-1].endswith("mainwindow.h"):
                problems.append(Problem("gui", path, line_of(text, m.start()),
                                        f"includes \"{m.group(1)}\": a view talks to its session, not to the main "
                                        f"window", m.group(1)))
    return problems


CHECKS = {"circles": check_circles, "format": check_format, "database": check_database, "sql": check_sql,
          "gui": check_gui}


def main(argv):
    parser = argparse.ArgumentParser(description="Checks Quire's house rules on the source tree.")
    parser.add_argument("--only", help="comma-separated rules to run: " + ",".join(RULES))
    parser.add_argument("--root", default=".", help="the project root (default: the current folder)")
    args = parser.parse_args(argv)
    rules = list(RULES)
    if args.only:
        rules = [r.strip() for r in args.only.split(",") if r.strip()]
        unknown = [r for r in rules if r not in RULES]
        if unknown or not rules:
            parser.error(f"unknown rule {', '.join(unknown) or '(none)'}; the rules are {', '.join(RULES)}")
    try:
        os.chdir(args.root)
    except OSError as e:
        print(f"house_check: cannot enter {args.root}: {e.strerror}", file=sys.stderr)
        return 2
    # EXCEPTIONS describe this repository's tree, not another tree the script is pointed at (its tests).
    own_tree = os.path.samefile(".", os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    failed, broken = 0, False
    for rule in rules:
        try:
            problems = CHECKS[rule]()
        except CannotRun as e:
            print(f"{e}", file=sys.stderr)
            broken = True
            continue
        if own_tree:
            problems = apply_exceptions(rule, problems)
        for p in problems:
            print(p)
        files = len({p.path for p in problems})
        print(f"house_check: {rule}: " + ("ok" if not problems else f"{plural(len(problems), 'problem')} in {plural(files, 'file')}"))
        failed += len(problems)
    if broken:
        return 2
    return 1 if failed else 0


def plural(count, word):
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def apply_exceptions(rule, problems):
    kept = []
    used = set()
    for p in problems:
        match = [k for k, e in enumerate(EXCEPTIONS) if e[0] == rule and e[1] == p.path and e[2] == p.what]
        if match:
            used.update(match)
            print(f"{p.path}:{p.line}: {rule}: allowed by exception ({EXCEPTIONS[match[0]][3]}): {p.message}")
        else:
            kept.append(p)
    for k, (r, path, what, reason) in enumerate(EXCEPTIONS):
        if r == rule and k not in used:
            kept.append(Problem(rule, path, 0, f"the exception for \"{what}\" ({reason}) matches nothing any more; "
                                f"remove it from EXCEPTIONS in scripts/house_check.py"))
    return kept


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
