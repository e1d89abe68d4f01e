#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tests of scripts/house_check.py: each case writes a small source tree into a temporary folder, runs
the real script on it as a process and checks its exit status and what it names.

  house_check_test.py SOURCE_DIR CASE
  house_check_test.py --list          the cases, for tests/house/CMakeLists.txt

Exit 0: the case passed; 1: it failed (the reason is printed); 77: skipped (clang-format 14 missing).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77

TABLES_MD = """# Tables

## Owners

| Table | Owner | What it holds |
|---|---|---|
| `documents` | `src/core/model/documents.cpp` | documents |
| `codes`, `code_parents` | `src/core/model/codes.cpp` | the code tree |

## May name every table

| Files | Why |
|---|---|
| `src/core/model/schema.cpp` | creates the tables |
| `src/core/storage/` | the connection |
"""

# A tree that keeps every rule; the cases below break one rule each.
CLEAN = {
    "docs/tables.md": TABLES_MD,
    "src/core/storage/database.h": "#pragma once\n\nclass Database\n{\npublic:\n    void exec(const char *sql);\n};\n",
    "src/core/storage/database.cpp": ('#include "storage/database.h"\n\n'
                                      "void Database::exec(const char *sql)\n{\n    (void)sql;\n}\n"),
    "src/core/model/schema.cpp": ('#include "storage/database.h"\n\n'
                                  "void createSchema(Database &db)\n{\n"
                                  '    db.exec(R"SQL(\n'
                                  "CREATE TABLE documents (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
                                  "CREATE TABLE codes (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
                                  "CREATE TABLE code_parents (code_id INTEGER, parent_id INTEGER);\n"
                                  ')SQL");\n}\n'),
    "src/core/model/documents.cpp": ('#include "storage/database.h"\n\n'
                                     "void renameDocument(Database &db)\n{\n"
                                     '    db.exec("UPDATE documents SET name = ?1 "\n'
                                     '            "WHERE id = ?2");\n}\n'),
    "src/core/model/codes.cpp": ('#include "storage/database.h"\n\n'
                                 "void addCode(Database &db)\n{\n"
                                 '    db.exec("INSERT INTO codes(name) VALUES (?1)");\n'
                                 '    db.exec("DELETE FROM code_parents WHERE code_id = ?1");\n}\n'),
    "src/core/search/search.cpp": ('#include "model/codes.h"\n\n'
                                   "const char *help()\n{\n"
                                   '    return "Select the documents to search, then type a few words.";\n}\n'),
    "src/core/model/codes.h": "#pragma once\n",
    "src/gui/mainwindow.h": ("#pragma once\n#include <QMainWindow>\n\nclass MainWindow : public QMainWindow\n{\n"
                             "    Q_OBJECT\n};\n"),
    "src/gui/mainwindow.cpp": '#include "mainwindow.h"\n#include "searchpane.h"\n',
    "src/gui/searchpane.h": ("#pragma once\n#include <QWidget>\n\n// Only one Q_OBJECT class here.\n"
                             "class SearchPane : public QWidget\n{\n    Q_OBJECT\n};\n"),
    "src/gui/searchpane.cpp": ('#include "searchpane.h"\n\n'
                               "const char *title()\n{\n    return \"Choose the documents to search\";\n}\n"),
    # tests may include database.h and write SQL: they check and damage project files on purpose
    "tests/core/store_test.cpp": ('#include "storage/database.h"\n\n'
                                  "void damage(Database &db)\n{\n"
                                  '    db.exec("DELETE FROM documents WHERE id = 1");\n}\n'),
}


class Failed(Exception):
    pass


def clang_format_14():
    for name in ("clang-format-14", "clang-format"):
        program = shutil.which(name)
        if program:
            version = subprocess.run([program, "--version"], capture_output=True, text=True).stdout
            return program if "version 14." in version else None
    return None


class Tree:
    def __init__(self, source_dir, files, clang_format=True):
        self.source_dir = source_dir
        self.root = tempfile.mkdtemp(prefix="house-check-")
        if clang_format:
            shutil.copy(os.path.join(source_dir, ".clang-format"), os.path.join(self.root, ".clang-format"))
        for path, text in files.items():
            self.write(path, text)

    def write(self, path, text):
        full = os.path.join(self.root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)

    def run(self, *args):
        done = subprocess.run([sys.executable, os.path.join(self.source_dir, "scripts", "house_check.py"), *args],
                              cwd=self.root, capture_output=True, text=True)
        self.output = done.stdout + done.stderr
        print(f"$ house_check.py {' '.join(args)}  (exit {done.returncode})\n{self.output}")
        return done.returncode

    def close(self):
        shutil.rmtree(self.root, ignore_errors=True)


def expect(condition, what):
    if not condition:
        raise Failed(what)


def expect_fails(tree, args, *lines):
    """The check fails (exit 1) and prints a line matching each regular expression."""
    code = tree.run(*args)
    expect(code == 1, f"expected exit 1, got {code}")
    for pattern in lines:
        expect(re.search(pattern, tree.output, re.M), f"no line matching {pattern!r}")


def case_clean_tree_passes(src):
    tree = Tree(src, CLEAN)
    try:
        code = tree.run()
        expect(code == 0, f"a clean tree should pass, got exit {code}")
        for rule in ("circles", "format", "database", "sql", "gui"):
            expect(f"house_check: {rule}: ok" in tree.output, f"rule {rule} did not report ok")
    finally:
        tree.close()


def case_circle_between_two_folders_fails(src):
    files = dict(CLEAN)
    files["src/core/model/codes.h"] = '#pragma once\n#include "search/search.h"\n'
    files["src/core/search/search.h"] = "#pragma once\n"
    tree = Tree(src, files)
    try:
        expect_fails(tree, ["--only", "circles"],
                     r"^src/core/model/codes\.h:2: circles: the folders model, search include each other; "
                     r"one circle: model -> search -> model",
                     r"src/core/model/codes\.h:2 includes \"search/search\.h\"",
                     r"src/core/search/search\.cpp:1 includes \"model/codes\.h\"")
        # the same tree without the back edge passes
        tree.write("src/core/model/codes.h", "#pragma once\n")
        expect(tree.run("--only", "circles") == 0, "without the back edge there is no circle")
    finally:
        tree.close()


def case_circle_through_three_folders_and_relative_include_fails(src):
    files = dict(CLEAN)
    files["src/core/model/codes.h"] = '#pragma once\n#include "../text/words.h"\n'
    files["src/core/text/words.h"] = '#pragma once\n#include <search/search.h>\n'
    files["src/core/search/search.h"] = "#pragma once\n"
    tree = Tree(src, files)
    try:
        expect_fails(tree, ["--only", "circles"], r"one circle: model -> text -> search -> model")
    finally:
        tree.close()


def case_unformatted_file_fails(src):
    if not clang_format_14():
        print("SKIPPED: clang-format 14 is not installed (Debian 12: apt-get install clang-format)")
        return SKIP
    files = dict(CLEAN)
    files["src/core/model/badly.cpp"] = "int  twice(int x){return 2*x;}\n"
    files["tests/core/badly_test.cpp"] = "int main( ) { return 0 ; }\n"
    tree = Tree(src, files)
    try:
        expect_fails(tree, ["--only", "format"], r"^src/core/model/badly\.cpp:1: format: ",
                     r"^tests/core/badly_test\.cpp:1: format: ", r"house_check: format: 2 problems in 2 files")
        expect("documents.cpp" not in tree.output, "a formatted file was named")
        # without a .clang-format the layout is undefined: the check does not pass
        os.remove(os.path.join(tree.root, ".clang-format"))
        expect(tree.run("--only", "format") == 2, "a tree without .clang-format must not pass the format rule")
        expect("no .clang-format" in tree.output, "the missing .clang-format is not named")
    finally:
        tree.close()


def case_sql_in_a_non_owner_fails(src):
    files = dict(CLEAN)
    # codes are owned by codes.cpp; a statement split over two literals and one in a raw string
    files["src/core/search/search.cpp"] = ('#include "model/codes.h"\n\nvoid find(Database &db)\n{\n'
                                           '    db.exec("SELECT id "\n            "FROM codes WHERE name = ?1");\n'
                                           '    db.exec(R"(\nDELETE FROM documents WHERE id = 1)");\n}\n')
    tree = Tree(src, files)
    try:
        expect_fails(tree, ["--only", "sql"],
                     r"^src/core/search/search\.cpp:5: sql: SQL names the table codes, which belongs to "
                     r"src/core/model/codes\.cpp",
                     r"^src/core/search/search\.cpp:7: sql: SQL names the table documents, which belongs to "
                     r"src/core/model/documents\.cpp",
                     r"house_check: sql: 2 problems in 1 file")
        expect("codes.cpp:" not in tree.output, "the owner of codes was named as a problem")
    finally:
        tree.close()


def case_a_store_reads_any_table_and_writes_only_its_own(src):
    files = dict(CLEAN)
    # codes.cpp owns codes: a join that reads documents is a read; changing documents is not its job
    files["src/core/model/codes.cpp"] = ('void f(Database &db)\n{\n'
                                         '    db.exec("SELECT c.id FROM codes c JOIN documents d ON d.id = c.id");\n'
                                         '    db.exec("UPDATE documents SET name = ?1");\n}\n')
    tree = Tree(src, files)
    try:
        expect_fails(tree, ["--only", "sql"],
                     r"^src/core/model/codes\.cpp:4: sql: SQL writes the table documents, which belongs to "
                     r"src/core/model/documents\.cpp",
                     r"house_check: sql: 1 problem in 1 file")
        expect("codes.cpp:3:" not in tree.output, "a store's read of another table was named as a problem")
    finally:
        tree.close()


def case_sql_fragment_in_a_non_owner_fails(src):
    files = dict(CLEAN)
    files["src/core/search/search.cpp"] = ('const char *tail()\n{\n    return " FROM code_parents p JOIN codes c '
                                           'ON c.id = p.code_id";\n}\n')
    tree = Tree(src, files)
    try:
        expect_fails(tree, ["--only", "sql"], r"^src/core/search/search\.cpp:3: sql: SQL names the table code_parents",
                     r"^src/core/search/search\.cpp:3: sql: SQL names the table codes")
    finally:
        tree.close()


def case_sql_outside_core_fails(src):
    files = dict(CLEAN)
    files["plugins/refiqda/export.cpp"] = ('void count(Database &db)\n{\n'
                                           '    db.exec("PRAGMA integrity_check");\n}\n')
    files["src/gui/searchpane.cpp"] = ('#include "searchpane.h"\n\nconst char *title()\n{\n'
                                       '    return "Delete the selected search";\n}\n')
    files["src/cli/main.cpp"] = '// the verb is called "drop" in the manual\nint main()\n{\n    return 0;\n}\n'
    tree = Tree(src, files)
    try:
        expect_fails(tree, ["--only", "sql"],
                     r"^plugins/refiqda/export\.cpp:3: sql: SQL outside src/core: \"PRAGMA integrity_check\"",
                     r"^src/gui/searchpane\.cpp:5: sql: quoted text starts with the SQL word \"Delete\"",
                     r"^src/cli/main\.cpp:1: sql: quoted text starts with the SQL word \"drop\"")
    finally:
        tree.close()


def case_table_missing_from_the_owner_page_fails(src):
    files = dict(CLEAN)
    files["src/core/model/schema.cpp"] = CLEAN["src/core/model/schema.cpp"].replace(
        "CREATE TABLE code_parents", "CREATE TABLE memos (id INTEGER);\nCREATE TABLE code_parents")
    tree = Tree(src, files)
    try:
        expect_fails(tree, ["--only", "sql"], r"^src/core/model/schema\.cpp:5: sql: creates the table memos, which "
                                              r"docs/tables\.md does not list")
        os.remove(os.path.join(tree.root, "docs/tables.md"))
        expect(tree.run("--only", "sql") == 2, "without docs/tables.md the sql rule must not pass")
        expect("docs/tables.md is missing" in tree.output, "the missing page is not named")
    finally:
        tree.close()


def case_database_header_outside_core_fails(src):
    files = dict(CLEAN)
    files["plugins/refiqda/import.cpp"] = '#include "storage/database.h"\n'
    files["src/cli/main.cpp"] = '#include <core/storage/database.h>\n'
    tree = Tree(src, files)
    try:
        expect_fails(tree, ["--only", "database"],
                     r"^plugins/refiqda/import\.cpp:1: database: includes \"storage/database\.h\"",
                     r"^src/cli/main\.cpp:1: database: includes \"core/storage/database\.h\"",
                     r"house_check: database: 2 problems in 2 files")
    finally:
        tree.close()


def case_gui_two_qobjects_and_a_view_including_mainwindow_fail(src):
    files = dict(CLEAN)
    files["src/gui/searchpane.h"] = ("#pragma once\n#include <QWidget>\n\nclass SearchPane : public QWidget\n{\n"
                                     "    Q_OBJECT\n};\n\nclass SearchHits : public QWidget\n{ Q_OBJECT\n};\n")
    files["src/gui/searchpane.cpp"] = '#include "searchpane.h"\n#include "mainwindow.h"\n'
    tree = Tree(src, files)
    try:
        expect_fails(tree, ["--only", "gui"], r"^src/gui/searchpane\.h: gui: declares 2 Q_OBJECT classes",
                     r"^src/gui/searchpane\.cpp:2: gui: includes \"mainwindow\.h\"")
        expect("mainwindow.cpp:" not in tree.output, "mainwindow.cpp may include mainwindow.h")
    finally:
        tree.close()


def case_only_runs_the_rules_asked_for(src):
    files = dict(CLEAN)
    files["src/cli/main.cpp"] = '#include "storage/database.h"\n'
    tree = Tree(src, files)
    try:
        expect(tree.run("--only", "circles,gui") == 0, "rules not asked for were run")
        expect("database" not in tree.output, "the database rule ran")
        expect(tree.run("--only", "circles,database") == 1, "the database rule did not run")
        expect(tree.run("--only", "circle") == 2, "an unknown rule was accepted")
        expect("unknown rule circle" in tree.output, "the unknown rule is not named")
    finally:
        tree.close()


CASES = {name[len("case_"):]: f for name, f in globals().items() if name.startswith("case_")}


def main():
    if sys.argv[1:] == ["--list"]:
        print(";".join(CASES))
        return 0
    if len(sys.argv) != 3 or sys.argv[2] not in CASES:
        sys.exit(f"usage: {sys.argv[0]} SOURCE_DIR CASE; cases: {', '.join(CASES)}")
    try:
        result = CASES[sys.argv[2]](os.path.abspath(sys.argv[1]))
    except Failed as e:
        print(f"FAILED: {e}")
        return 1
    return result or 0


if __name__ == "__main__":
    sys.exit(main())
