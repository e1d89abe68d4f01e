#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the invented glad/sad/mad stakeholder event as a Quire project with
# quire-cli: the sticky notes (notes.tsv), the strategic themes spanning the
# three areas (themes.tsv, with their descriptors) and the stars each
# stakeholder group placed. Then writes the workshop grid.
#
#   corpora/stakeholder-event/build-event.sh PROJECT.quire [OUT-DIR]
#
# QUIRE_CLI names the quire-cli to use (default: quire-cli on PATH).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
project=${1:?usage: build-event.sh PROJECT.quire [OUT-DIR]}
out=${2:-$(dirname "$project")}
cli=${QUIRE_CLI:-quire-cli}
q() { "$cli" --coder facilitator "$@" >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The notes as the sheet importer reads them: a note's rank is its place
# among the notes its writer put in that area.
group_of() {
    case $1 in
    P*) echo "people using services" ;; F*) echo "family carers" ;; S*) echo "frontline staff" ;;
    M*) echo "managers" ;; V*) echo "voluntary sector" ;; C*) echo "commissioners" ;;
    esac
}
printf 'person,area,rank,statement,group\n' >"$work/notes.csv"
declare -A rank
refs=()
while IFS=$'\t' read -r area theme person stars text; do
    [[ -z "$area" || "$area" == \#* ]] && continue
    key="$person:$area"
    rank[$key]=$((${rank[$key]:-0} + 1))
    printf '%s,%s,%s,"%s",%s\n' "$person" "$area" "${rank[$key]}" "${text//\"/\"\"}" "$(group_of "$person")" >>"$work/notes.csv"
    refs+=("$theme	@$person:$area:${rank[$key]}	$stars")
done <"$here/notes.tsv"

q new "$project"
q import "$project" "$work/notes.csv" --quiet
q wtfc template "$project" --preset glad-sad-mad

# Each strategic theme in all three areas ("*"), with its descriptor; its notes in one call.
while IFS=$'\t' read -r theme descriptor; do
    [[ -z "$theme" || "$theme" == \#* ]] && continue
    q wtfc theme add "$project" '*' "$theme" --description "$descriptor"
    notes=()
    for r in "${refs[@]}"; do
        IFS=$'\t' read -r t ref _ <<<"$r"
        [[ "$t" == "$theme" ]] && notes+=("$ref")
    done
    q wtfc theme assign "$project" "$theme" "${notes[@]}"
done <"$here/themes.tsv"

# The stars, by stakeholder group.
for r in "${refs[@]}"; do
    IFS=$'\t' read -r _ ref stars <<<"$r"
    IFS=';' read -ra votes <<<"$stars"
    for v in "${votes[@]}"; do
        [[ -z "$v" || "$v" == - ]] && continue
        q wtfc vote "$project" "$ref" --stars "${v##*=}" --group "${v%=*}"
    done
done

q wtfc theme grid "$project" --top 3 --out "$out/grid.md"
