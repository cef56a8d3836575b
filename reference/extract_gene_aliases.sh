#!/usr/bin/env bash
# Regenerate reference/data/hgnc_gene_aliases.tsv from Debian's r-bioc-org.hs.eg.db package.
#
# The package ships Bioconductor's human OrgDb, an SQLite database built from NCBI Entrez Gene:
#   /usr/lib/R/site-library/org.Hs.eg.db/extdata/org.Hs.eg.sqlite   (~340 MB)
# We only download the .deb (it is far too large to be a build or runtime dependency), unpack it
# into a temporary directory and write a compact TSV, `alias<TAB>symbol<TAB>entrez`:
#   - genes of type protein-coding or ncRNA (table genetype; all genes if it is absent);
#   - every official symbol (gene_info.symbol) maps to itself;
#   - every synonym in the alias table (alias.alias_symbol) maps to its gene's symbol;
#   - an alias of several genes keeps one row per gene, so ambiguity stays visible;
#   - rows sorted by alias case-insensitively, then alias as written, symbol, Entrez id.
# If the table grows over MAX_BYTES, aliases that are pure numbers or single characters are dropped.
#
# Usage: reference/extract_gene_aliases.sh [OUTPUT]   (default: reference/data/hgnc_gene_aliases.tsv)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/data/hgnc_gene_aliases.tsv}"
package="r-bioc-org.hs.eg.db"
want_name="org.Hs.eg.sqlite"

source "$here/deb_file.sh"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp" "$out.tmp"' EXIT
deb_file "$package" "$want_name" "$tmp"
version="$deb_version"
db="$deb_path"

echo "package:  $package $version"
echo "path:     ${db#"$tmp/root"}"

mkdir -p "$(dirname "$out")"
MAX_BYTES=3000000 python3 - "$db" "$out.tmp" <<'PY'
import os
import sqlite3
import sys

db_path, out_path = sys.argv[1], sys.argv[2]
max_bytes = int(os.environ["MAX_BYTES"])
con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)

tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
for needed in ("genes", "gene_info", "alias"):
    if needed not in tables:
        sys.exit(f"extract_gene_aliases.sh: table '{needed}' missing from {db_path}")

print("metadata:")
for name, value in con.execute("SELECT name, value FROM metadata ORDER BY name"):
    print(f"  {name} = {value}")
for map_name in ("SYMBOL", "ALIAS2EG", "GENETYPE"):
    for source, date in con.execute(
            "SELECT source_name, source_date FROM map_metadata WHERE map_name = ?", (map_name,)):
        print(f"  map {map_name}: {source} {date}")

kept_types = ("protein-coding", "ncRNA")
if "genetype" in tables:
    type_filter = "JOIN genetype t ON t._id = g._id WHERE t.gene_type IN (?, ?)"
    params = kept_types
    print("gene types: " + ", ".join(
        f"{t} {n}" for t, n in con.execute(
            "SELECT gene_type, COUNT(*) FROM genetype GROUP BY gene_type ORDER BY gene_type")))
    print("kept:     " + ", ".join(kept_types))
else:
    type_filter, params = "", ()
    print("kept:     all genes (no genetype table)")

genes = con.execute(
    f"SELECT g._id, g.gene_id, i.symbol FROM genes g JOIN gene_info i ON i._id = g._id {type_filter}",
    params).fetchall()
by_id = {row_id: (symbol, int(entrez)) for row_id, entrez, symbol in genes}
rows = {(symbol, symbol, entrez) for symbol, entrez in by_id.values()}
for row_id, alias in con.execute("SELECT _id, alias_symbol FROM alias"):
    if row_id in by_id:
        symbol, entrez = by_id[row_id]
        rows.add((alias, symbol, entrez))

for alias, symbol, _ in rows:
    for field in (alias, symbol):
        if not field or field != field.strip() or "\t" in field or not field.isascii():
            sys.exit(f"extract_gene_aliases.sh: unexpected field {field!r} (alias {alias!r} of {symbol})")

def table_bytes(rs):
    return len("alias\tsymbol\tentrez\n") + sum(len(a) + len(s) + len(str(e)) + 3 for a, s, e in rs)

dropped = 0
if table_bytes(rows) > max_bytes:
    short = {r for r in rows if r[0] != r[1] and (r[0].isdigit() or len(r[0]) == 1)}
    rows -= short
    dropped = len(short)
    print(f"dropped:  {dropped} rows whose alias is a pure number or a single character (table over {max_bytes} bytes)")

ordered = sorted(rows, key=lambda r: (r[0].lower(), r[0], r[1], r[2]))
with open(out_path, "w", encoding="ascii", newline="\n") as f:
    f.write("alias\tsymbol\tentrez\n")
    for alias, symbol, entrez in ordered:
        f.write(f"{alias}\t{symbol}\t{entrez}\n")

symbols_of = {}
for alias, symbol, _ in ordered:
    symbols_of.setdefault(alias.lower(), set()).add(symbol)
print(f"genes:    {len(by_id)}")
print(f"rows:     {len(ordered)} ({len(by_id)} symbol rows, {len(ordered) - len(by_id)} alias rows)")
print(f"names:    {len(symbols_of)} distinct case-insensitively, "
      f"{sum(len(s) > 1 for s in symbols_of.values())} of them naming several symbols")
PY
mv "$out.tmp" "$out"

echo "size:     $(stat -c %s "$out") bytes"
echo "sha256:   $(sha256sum "$out" | cut -d' ' -f1)"
echo "written:  $out"
