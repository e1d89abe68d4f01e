#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the whole invented COPD Working Together for Change workshop with
# quire-cli, stage by stage, and writes the report and the graph.
#
#   corpora/wtfc/run-workshop.sh PROJECT.quire [OUT-DIR]
#
# QUIRE_CLI names the quire-cli to use (default: quire-cli on PATH). Every
# call is one command in the project's log, so each stage can be undone.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
project=${1:?usage: run-workshop.sh PROJECT.quire [OUT-DIR]}
out=${2:-$(dirname "$project")}
cli=${QUIRE_CLI:-quire-cli}
q() { "$cli" --coder facilitator "$@" >/dev/null; }

# Stage 1: the person-centred review statements.
q new "$project"
q import "$project" "$here/copd-review-statements.csv" --quiet
q wtfc template "$project" --preset default

# Stage 2: theming. theming.tsv is the theme board: area, theme, PERSON:RANK...
while IFS=$'\t' read -r area theme refs; do
    [[ -z "$area" || "$area" == \#* ]] && continue
    q wtfc theme add "$project" "$area" "$theme"
    statements=()
    for r in $refs; do statements+=("@$r"); done
    q wtfc theme assign "$project" "$theme" "${statements[@]}" --area "$area"
done <"$here/theming.tsv"

# Stage 3: dot voting on the themes, by voter group; the five most voted
# "not working" themes are taken forward.
vote() { q wtfc vote "$project" "theme:$1" --dots "$2" --group "$3"; }
vote "Getting an appointment" 14 "people with COPD";  vote "Getting an appointment" 5 "family carers"
vote "Nobody listens" 12 "people with COPD";          vote "Nobody listens" 6 "family carers"; vote "Nobody listens" 2 "staff"
vote "Care not joined up" 8 "people with COPD";       vote "Care not joined up" 4 "staff"; vote "Care not joined up" 3 "commissioners"
vote "Waiting and access" 9 "people with COPD";       vote "Waiting and access" 3 "staff"
vote "Money, home and worry" 10 "people with COPD";   vote "Money, home and worry" 7 "family carers"
vote "Pulmonary rehab" 11 "people with COPD";         vote "My respiratory nurse" 9 "people with COPD"
vote "Seeing the same person" 13 "people with COPD";  vote "Help close to home" 8 "family carers"
q wtfc vote "$project" "@R03:what is not working:1" --stars 3 --group "people with COPD"
q wtfc vote "$project" "@F01:what is not working:1" --stars 2 --group "family carers"
q wtfc select "$project" themes "theme:Getting an appointment" "theme:Nobody listens" "theme:Care not joined up" \
    "theme:Waiting and access" "theme:Money, home and worry"

# Stage 4: one I statement per theme taken forward, linked to the theme's statements.
istatement() {
    local theme=$1 text=$2 refs
    refs=$(awk -F'\t' -v t="$theme" '$2 == t { print $3 }' "$here/theming.tsv")
    local args=()
    for r in $refs; do args+=(--statement "@$r"); done
    q wtfc istatement add "$project" "$theme" "$text" "${args[@]}"
}
istatement "Getting an appointment" "I can't see someone when I need to"
istatement "Nobody listens" "I am not listened to"
istatement "Care not joined up" "Nobody joins up my care"
istatement "Waiting and access" "I wait too long for the help that keeps me well"
istatement "Money, home and worry" "I am frightened and struggling at home, and nobody asks"

# Stage 5: asking "why?" until the root causes are reached. A cause typed for
# the first time is created; causes named again are shared between chains.
why() { q wtfc why "$project" "$1" "$2"; }
why "I can't see someone when I need to" "The phone lines jam at 8am"
why "The phone lines jam at 8am" "Too few appointments for the demand"
why "Too few appointments for the demand" "Respiratory posts were cut and not replaced"
why "I can't see someone when I need to" "There is no direct line to the respiratory team"
why "There is no direct line to the respiratory team" "Services are commissioned separately and nobody owns the pathway"
why "I am not listened to" "Appointments are ten minutes long"
why "Appointments are ten minutes long" "Too few appointments for the demand"
why "I am not listened to" "Staff are not trained in breathlessness and anxiety"
why "Staff are not trained in breathlessness and anxiety" "No protected time or budget for training"
why "I am not listened to" "Carers are not treated as partners in care"
why "Carers are not treated as partners in care" "A culture where the clinician knows best"
why "I am not listened to" "COPD is seen as self-inflicted"
why "COPD is seen as self-inflicted" "A culture where the clinician knows best"
why "Nobody joins up my care" "Hospital and community cannot see each other's records"
why "Hospital and community cannot see each other's records" "Information governance blocks data sharing"
why "Nobody joins up my care" "Nobody coordinates a person's care"
why "Nobody coordinates a person's care" "Services are commissioned separately and nobody owns the pathway"
why "I wait too long for the help that keeps me well" "The rehab waiting list is over 200 people"
why "The rehab waiting list is over 200 people" "The rehab pilot funding ended"
why "The rehab pilot funding ended" "Community services get short-term funding"
why "The rehab waiting list is over 200 people" "Respiratory posts were cut and not replaced"
why "I wait too long for the help that keeps me well" "Clinics are hard to reach without a car"
why "Clinics are hard to reach without a car" "Services are planned around buildings, not people"
why "I am frightened and struggling at home, and nobody asks" "There is no one to ring at night"
why "There is no one to ring at night" "There is no out-of-hours respiratory cover"
why "There is no out-of-hours respiratory cover" "Community services get short-term funding"
why "There is no out-of-hours respiratory cover" "Respiratory posts were cut and not replaced"
why "I am frightened and struggling at home, and nobody asks" "Homes are cold and damp"
why "Homes are cold and damp" "Housing and health do not plan together"
why "I am frightened and struggling at home, and nobody asks" "Mental health is not part of respiratory care"
why "Mental health is not part of respiratory care" "Services are commissioned separately and nobody owns the pathway"
why "I am frightened and struggling at home, and nobody asks" "Carers are not treated as partners in care"

# Dots on the root causes.
for c in "Services are commissioned separately and nobody owns the pathway:12" \
         "Respiratory posts were cut and not replaced:9" "A culture where the clinician knows best:9" \
         "Community services get short-term funding:6" "Housing and health do not plan together:4"; do
    q wtfc vote "$project" "cause:${c%:*}" --dots "${c##*:}"
done
q wtfc select "$project" causes "cause:Services are commissioned separately and nobody owns the pathway" \
    "cause:Respiratory posts were cut and not replaced" "cause:A culture where the clinician knows best"

# Stage 6: success statements for the root causes taken forward.
pathway="Services are commissioned separately and nobody owns the pathway"
posts="Respiratory posts were cut and not replaced"
culture="A culture where the clinician knows best"
q wtfc success add "$project" "$pathway" person "I have one person who knows me and sorts things out"
q wtfc success add "$project" "$pathway" commissioner "One contract for the whole COPD pathway, with shared outcomes"
q wtfc success add "$project" "$pathway" "clinician/practitioner" "I can see the whole record and refer straight on"
q wtfc success add "$project" "$pathway" "third sector" "Breathe Easy and the carers' centre are part of the plan, not an afterthought"
q wtfc success add "$project" "$posts" person "I get a call back the same day and rehab within six weeks"
q wtfc success add "$project" "$posts" commissioner "The respiratory team is funded to the size of the register"
q wtfc success add "$project" "$posts" "clinician/practitioner" "We can visit people at home again"
q wtfc success add "$project" "$culture" person "I am asked what matters to me, and my answer changes the plan"
q wtfc success add "$project" "$culture" "clinician/practitioner" "Carers' knowledge is written into the care plan"
q wtfc success add "$project" "$culture" "third sector" "Peer supporters sit in on reviews when the person wants them to"

# Stage 7: solutions, what already exists first.
solution() { "$cli" --json --coder facilitator wtfc solution add "$project" "$1" "$2" "$3" | sed -n 's/.*"id": \([0-9]*\).*/\1/p'; }
s1=$(solution "$pathway" "already exists" "The social prescribing link workers")
s2=$(solution "$pathway" radical "A single COPD pathway contract held by one lead provider")
s3=$(solution "$pathway" traditional "A named care coordinator for everyone on the severe COPD register")
s4=$(solution "$posts" traditional "Recruit two respiratory nurses and a rehab physio")
s5=$(solution "$posts" different "Train Breathe Easy peer supporters to run maintenance exercise in village halls")
s6=$(solution "$culture" different "Carers and people with COPD co-deliver staff training on listening")
s7=$(solution "$culture" traditional "Add 'what matters to you' to the annual review template")
s8=$(solution "$culture" radical "Thirty-minute reviews for people with severe COPD")

# Stage 8: the investment grid (cost across, benefit up; 5 or more is high).
grid() { q wtfc grid place "$project" "$1" --x "$2" --y "$3"; }
grid "$s1" 1 5; grid "$s2" 9 9; grid "$s3" 6 8; grid "$s4" 8 8
grid "$s5" 3 7; grid "$s6" 2 6; grid "$s7" 1 3; grid "$s8" 8 4
q wtfc grid place "$project" "$s1" --quadrant "quick wins"

# Stage 9: the action plan.
action() { "$cli" --json --coder facilitator wtfc action add "$project" "$@" | sed -n 's/.*"id": \([0-9]*\).*/\1/p'; }
a1=$(action "$s3" "Write the care coordinator job description with people with COPD" --owner "ICB respiratory lead" --due 2026-03-31)
a2=$(action "$s5" "Recruit and train the first ten peer supporters" --owner "Breathe Easy group" --due 2026-05-31)
a3=$(action "$s6" "Run the first listening workshop for practice staff" --owner "Carers' centre" --due 2026-02-28 --status "in progress")
a4=$(action "$s7" "Change the review template in all practices" --owner "Primary care network" --due 2026-01-31)
action "$s4" "Make the business case for the nurse and physio posts" --owner "Community trust" --due 2026-06-30 >/dev/null
q wtfc action status "$project" "$a4" done
: "$a1" "$a2" "$a3"

# The outputs.
q wtfc export "$project" --format md --out "$out/copd-workshop-report.md"
q wtfc export "$project" --format html --out "$out/copd-workshop-report.html"
q wtfc export "$project" --format docx --out "$out/copd-workshop-report.docx"
q wtfc export "$project" --format pdf --out "$out/copd-workshop-report.pdf"
q wtfc export "$project" --format dot --out "$out/copd-root-causes.dot"
q wtfc export "$project" --format graphml --out "$out/copd-root-causes.graphml"
q wtfc export "$project" --format svg --out "$out/copd-root-causes.svg" 2>/dev/null ||
    echo "run-workshop.sh: no Graphviz in this build; .svg skipped" >&2
echo "Workshop written to $project; report and graph in $out"
