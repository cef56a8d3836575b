#!/usr/bin/env bash
# cmake --install into a temporary prefix puts the binary, a man page for mirhit and for each of
# its subcommands, and bash completion that completes subcommands and options.
#   install_test.sh BUILD_DIR
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$1" --prefix "$tmp" > "$tmp/install.log"
mirhit="$tmp/bin/mirhit"
[[ -x $mirhit ]] || { echo "no bin/mirhit"; exit 1; }
"$mirhit" --version | grep -q '^mirhit ' || { echo "installed mirhit --version failed"; exit 1; }
man1="$tmp/share/man/man1"
grep -q '^\.SH NAME' "$man1/mirhit.1" || { echo "no mirhit.1"; exit 1; }
subs=$("$mirhit" --help | awk '/^Subcommands:/ { on = 1; next } on && NF == 0 { exit } on { print $1 }')
[[ -n $subs ]] || { echo "no subcommands in --help"; exit 1; }
for sub in $subs; do
  page="$man1/mirhit-$sub.1"
  [[ -f $page ]] || { echo "no man page for $sub"; exit 1; }
  grep -q "^\.TH MIRHIT-${sub^^} " "$page" || { echo "$page: wrong .TH line"; exit 1; }
  grep -q "^mirhit-$sub \\\\- " "$page" || { echo "$page: wrong NAME line"; exit 1; }
  grep -q 'Print this help message' "$page" || { echo "$page: no options"; exit 1; }
done
completion="$tmp/share/bash-completion/completions/mirhit"
[[ -f $completion ]] || { echo "no bash completion"; exit 1; }
# Completion asks the binary on PATH for its subcommands and options.
got=$(PATH="$tmp/bin:$PATH" bash -c '
  source "$1"
  COMP_WORDS=(mirhit sc); COMP_CWORD=1; _mirhit; echo "${COMPREPLY[*]}"
  COMP_WORDS=(mirhit scan --gene-s); COMP_CWORD=2; _mirhit; echo "${COMPREPLY[*]}"
  COMP_WORDS=(mirhit merge --o); COMP_CWORD=2; _mirhit; echo "${COMPREPLY[*]}"' _ "$completion")
expected=$'scan\n--gene-summary\n--output'
[[ $got == "$expected" ]] || { printf 'completion gave:\n%s\nexpected:\n%s\n' "$got" "$expected"; exit 1; }
echo "install: ok ($(ls "$man1" | wc -l) man pages)"
