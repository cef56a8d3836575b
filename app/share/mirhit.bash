# bash completion for mirhit. Subcommands and options are read from the binary's own --help, so
# they never fall behind it; file names are completed elsewhere.
_mirhit() {
    local cur=${COMP_WORDS[COMP_CWORD]} prog=${COMP_WORDS[0]} sub="" i
    for ((i = 1; i < COMP_CWORD; ++i)); do
        [[ ${COMP_WORDS[i]} != -* ]] && { sub=${COMP_WORDS[i]}; break; }
    done
    if [[ -z $sub ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--help --version" -- "$cur"))
        else
            local subs
            subs=$("$prog" --help 2>/dev/null | awk '/^Subcommands:/ { on = 1; next } on && NF == 0 { exit } on { print $1 }')
            COMPREPLY=($(compgen -W "$subs" -- "$cur"))
        fi
        return
    fi
    if [[ $cur == -* ]]; then
        local opts
        opts=$("$prog" "$sub" --help 2>/dev/null | awk '/^Options:/ { on = 1; next } on && NF == 0 { exit }
            on { n = split($1, names, ","); for (k = 1; k <= n; ++k) if (names[k] ~ /^-/) print names[k] }')
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _mirhit mirhit
