#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the man page of quire-cli or quire from the program's own help.

  manpage.py quire-cli PATH/TO/quire-cli OUT.1
  manpage.py quire PATH/TO/quire OUT.1

quire-cli: `--help` for the synopsis and global options, `help --verbs` for
the verbs and `help VERB` for each verb's usage, summary and options (the
verb table of src/cli/verbtable.cpp). quire: its QCommandLineParser --help.
No date is written, so the page is the same on every build.
"""
import os
import re
import subprocess
import sys


def run(program, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.setdefault("XDG_RUNTIME_DIR", "/tmp/quire-runtime-%d" % os.getuid())
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    done = subprocess.run([program, *args], capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        sys.exit("manpage.py: %s %s failed (%d): %s" % (program, " ".join(args), done.returncode, done.stderr.strip()))
    return done.stdout


def roff(text):
    """Text as roff: backslashes escaped, hyphens as minus signs, no line starting with a control character."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + line) if line[:1] in (".", "'") else line for line in text.split("\n"))


def options_block(lines):
    """`  --name VALUE  what it does` lines (with indented continuations) as .TP entries."""
    out, current = [], None
    for line in lines:
        m = re.match(r"^  (\S.*?)\s{2,}(\S.*)$", line)
        if m and line.lstrip().startswith("-"):
            current = [m.group(1), m.group(2)]
            out.append(current)
        elif current and line.strip():
            current[1] += " " + line.strip()
    return "".join(".TP\n.B %s\n%s\n" % (roff(name), roff(text)) for name, text in out)


def version_of(program):
    return run(program, "--version").split()[-1]


def cli_page(program):
    version = version_of(program)
    overall = run(program, "--help").split("\n")
    page = [
        '.TH QUIRE\\-CLI 1 "" "Quire %s" "User Commands"' % version,
        ".SH NAME",
        "quire\\-cli \\- every operation on a Quire project from the command line",
        ".SH SYNOPSIS",
        ".nf",
    ]
    page += [roff(line.replace("Usage: ", "").strip()) for line in overall[:2]]
    page += [".fi", ".SH DESCRIPTION",
             "Each verb opens the project, runs one command (one undo step) and prints the result as text or, "
             "with \\-\\-json, as one JSON document. A failed command prints one line on standard error and "
             "leaves the project exactly as it was.",
             ".SH GLOBAL OPTIONS"]
    start = overall.index("Global options (before the verb; --json also after it):")
    block = []
    for line in overall[start + 1:]:
        if not line.strip():
            break
        block.append(line)
    page.append(options_block(block).rstrip("\n"))
    page.append(".SH VERBS")
    for verb in run(program, "help", "--verbs").split("\n"):
        if not verb:
            continue
        text = run(program, "help", *verb.split(" "))
        usage, _, rest = text.partition("\n\n")
        summary, _, options = rest.partition("\n\n")
        page += [".SS %s" % roff(verb), ".nf", roff(usage.replace("Usage: ", "", 1).rstrip()), ".fi",
                 roff(summary.strip())]
        if options.startswith("Options:"):
            page.append(".RS")
            page.append(options_block(options.split("\n")[1:]).rstrip("\n"))
            page.append(".RE")
    page += [".SH EXIT STATUS",
             "0 on success; 1 when the command failed; 2 for a command line that does not fit the verb.",
             ".SH ENVIRONMENT",
             ".TP", ".B QUIRE_CODER", "who changes are recorded for when \\-\\-coder is not given (else $USER)",
             ".TP", ".B QUIRE_PLUGIN_PATH", "further folders of format plugins, separated by colons",
             ".SH SEE ALSO", "quire(1); docs/cli.md in the Quire sources"]
    return "\n".join(page) + "\n"


def gui_page(program):
    version = version_of(program)
    lines = run(program, "--help").split("\n")
    usage = lines[0].replace("Usage: ", "").replace(program, "quire")
    description = lines[1].strip()
    page = [
        '.TH QUIRE 1 "" "Quire %s" "User Commands"' % version,
        ".SH NAME",
        "quire \\- the %s" % roff(description.rstrip(".")),
        ".SH SYNOPSIS",
        roff(usage.strip()),
        ".SH DESCRIPTION",
        roff(description) + " A project is one .quire file; quire\\-cli(1) does every operation from the command line.",
    ]
    for heading in ("Options:", "Arguments:"):
        if heading in lines:
            start = lines.index(heading) + 1
            block = []
            for line in lines[start:]:
                if not line.strip():
                    break
                block.append(line)
            page += [".SH " + heading.rstrip(":").upper(), options_block(block).rstrip("\n") if heading == "Options:"
                     else "\n".join(".TP\n.B %s\n%s" % (roff(a.split(None, 1)[0]), roff(a.split(None, 1)[1]))
                                    for a in block)]
    page += [".SH SEE ALSO", "quire\\-cli(1)"]
    return "\n".join(page) + "\n"


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("quire-cli", "quire"):
        sys.exit(__doc__)
    kind, program, out = sys.argv[1:]
    page = cli_page(program) if kind == "quire-cli" else gui_page(program)
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        f.write(page)
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main()
