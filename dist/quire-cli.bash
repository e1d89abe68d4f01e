# SPDX-License-Identifier: GPL-3.0-or-later
# bash completion for quire-cli. The verbs and each verb's options come from
# quire-cli itself (`help --verbs`, `help VERB`), so they are always those of
# the installed version. Other words complete as file names.
_quire_cli()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    local cli=${COMP_WORDS[0]}
    local i=1
    # Global options come before the verb.
    while [[ $i -lt $COMP_CWORD && ${COMP_WORDS[i]} == --* ]]; do
        [[ ${COMP_WORDS[i]} == --coder ]] && i=$((i + 1))
        i=$((i + 1))
    done
    local verbs
    verbs=$("$cli" help --verbs 2>/dev/null) || return 0
    # The verb typed so far: the longest run of words that begins a verb's name.
    local sofar="" candidate
    while [[ $i -lt $COMP_CWORD ]]; do
        candidate="${sofar:+$sofar }${COMP_WORDS[i]}"
        awk -v c="$candidate" '$0 == c || index($0, c " ") == 1 { found = 1 } END { exit !found }' <<<"$verbs" || break
        sofar=$candidate
        i=$((i + 1))
    done
    if [[ $cur == -* ]]; then
        local options
        if [[ -z $sofar ]]; then
            options="--json --coder --help --version"
        else
            # shellcheck disable=SC2086 # the verb's words are separate arguments
            options="$("$cli" help $sofar 2>/dev/null | sed -n 's/^  \(--[a-z0-9-]*\).*/\1/p' | sort -u) --help"
        fi
        mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
        return 0
    fi
    if [[ $i -eq $COMP_CWORD ]]; then
        # The next word of a verb's name ("code" → add, rename …), if any verb goes on.
        local next
        next=$(awk -v p="$sofar" 'p == "" { split($0, w, " "); print w[1]; next }
                                   index($0, p " ") == 1 { rest = substr($0, length(p) + 2); split(rest, w, " "); print w[1] }' <<<"$verbs" | sort -u)
        if [[ -n $next ]]; then
            mapfile -t COMPREPLY < <(compgen -W "$next" -- "$cur")
            [[ ${#COMPREPLY[@]} -gt 0 ]] && return 0
        fi
    fi
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    return 0
}
complete -F _quire_cli quire-cli
