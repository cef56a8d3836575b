#!/usr/bin/env bash
# Writes a man page for mirhit and one for each of its subcommands (mirhit-scan.1, ...) from
# their --help texts with help2man, so the pages never disagree with the binary.
#   scripts/make_man_pages.sh MIRHIT_BINARY OUT_DIR
set -euo pipefail
mirhit=$(realpath "$1")
out=$2
mkdir -p "$out"
version=$("$mirhit" --version | head -1)
subcommands=$("$mirhit" --help | awk '/^Subcommands:/ { on = 1; next } on && NF == 0 { exit } on { print $1 }')
help2man --no-info --no-discard-stderr --version-string="$version" \
  --name="fast, exact microRNA target-site prediction" -o "$out/mirhit.1" "$mirhit"
for sub in $subcommands; do
  summary=$("$mirhit" --help | awk -v s="$sub" '$1 == s { $1 = ""; sub(/^ +/, ""); print; exit }')
  # help2man runs "PROGRAM --help" through the shell, so the subcommand travels with the path.
  help2man --no-info --no-discard-stderr --version-string="$version" --name="$summary" \
    -o "$out/mirhit-$sub.1" "$mirhit $sub"
  # The page is named after the subcommand (mirhit-scan), as git's are.
  sed -i -e "s/^\.TH MIRHIT /.TH MIRHIT-${sub^^} /" -e "/^\.SH NAME/{n;s/^mirhit /mirhit-$sub /}" "$out/mirhit-$sub.1"
done
