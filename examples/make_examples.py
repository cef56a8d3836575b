#!/usr/bin/env python3
"""Extract example 3'UTRs from the GenBank test records shipped by Debian's emboss-test.

For every mRNA record with exactly one CDS, on the plus strand, with a complete 3' end, the
3'UTR is the sequence after the annotated CDS end (1-based inclusive end + 1 .. record end).

Writes (by default next to this script):
  utrs.fa     DNA, upper case, 60 nt per line, one record per UTR:
              >ACCESSION gene=SYMBOL cds_end=N utr_length=L source=emboss-test:gbpri1.seq description="..."
  utrs.fa.gz  the same, compressed with `gzip -n -9` (no name, no time stamp: deterministic)

Usage: examples/make_examples.py [--input GBFILE] [--outdir DIR]
Python 3 standard library only (plus the `gzip` program, which every Debian system has).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field

DEFAULT_INPUT = "/usr/share/EMBOSS/test/genbank/gbpri1.seq"
SOURCE_PACKAGE = "emboss-test"
MIN_UTR = 20
LINE_WIDTH = 60
STOP_CODONS = ("TAA", "TAG", "TGA")
POLYA_SIGNALS = ("AATAAA", "ATTAAA")  # canonical signal and its commonest variant
POLYA_WINDOW = 50  # look for a signal this close to the 3' end of the record

# Official HGNC symbols, keyed by accession, for the mRNA records of gbpri1.seq. Used when a
# record has no /gene qualifier, and also to normalise a /gene qualifier that is an older or
# differently-cased name. The HGNC id, where the record carries a /db_xref="HGNC:..." on its
# CDS, is checked against the record.
HGNC_SYMBOLS: dict[str, tuple[str, str | None]] = {
    # DEFINITION  H.sapiens mRNA for cadherin-5.   (VE-cadherin; CDS db_xref HGNC:1764)
    "X59796": ("CDH5", "HGNC:1764"),
    # DEFINITION  Homo sapiens mRNA for hepatocyte growth factor activator inhibitor,
    #             complete cds.   (HAI-1; no HGNC db_xref in the record; HGNC:11246)
    "AB000095": ("SPINT1", None),
    # DEFINITION  H.sapiens fau mRNA.   (/gene="fau", the older lower-case name; HGNC:3597)
    "X65923": ("FAU", "HGNC:3597"),
    # DEFINITION  Human mRNA for elongation factor 2.   (CDS db_xref HGNC:3214)
    "X51466": ("EEF2", "HGNC:3214"),
    # DEFINITION  Human mRNA for truncated form of complement factor H.   (CDS db_xref HGNC:4883)
    "X07523": ("CFH", "HGNC:4883"),
}


class GenBankError(ValueError):
    pass


@dataclass
class Feature:
    key: str
    location: str
    qualifiers: list[tuple[str, str]] = field(default_factory=list)

    def qualifier(self, name: str) -> list[str]:
        return [v for k, v in self.qualifiers if k == name]


@dataclass
class Record:
    locus: str
    length: int
    moltype: str
    accession: str = ""
    definition: str = ""
    features: list[Feature] = field(default_factory=list)
    sequence: str = ""


# ---------------------------------------------------------------------------------------------
# Parsing


def _strip_quotes(value: str) -> str:
    if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
        value = value[1:-1]
    return value.replace('""', '"')


def _finish_qualifier(feature: Feature, raw: str) -> None:
    body = raw[1:]  # drop the leading '/'
    if "=" in body:
        name, value = body.split("=", 1)
    else:
        name, value = body, ""
    feature.qualifiers.append((name, _strip_quotes(value)))


def _parse_features(lines: list[str]) -> list[Feature]:
    features: list[Feature] = []
    current: Feature | None = None
    qual: str | None = None  # qualifier being accumulated (may span lines)
    for line in lines:
        if not line.strip():
            continue
        if line[:5] == "     " and line[5] != " ":  # new feature key at column 6
            if current is not None and qual is not None:
                _finish_qualifier(current, qual)
            key, _, loc = line[5:].partition(" ")
            current = Feature(key=key, location=loc.strip())
            features.append(current)
            qual = None
            continue
        if current is None or not line.startswith(" " * 21):
            raise GenBankError(f"unexpected line in FEATURES: {line!r}")
        text = line[21:].rstrip()
        if text.startswith("/") and (qual is None or qual.count('"') % 2 == 0):
            if qual is not None:
                _finish_qualifier(current, qual)
            qual = text
        elif qual is None:  # location continued on the next line
            current.location += text.strip()
        else:  # qualifier value continued; /translation has no spaces, free text has one
            joiner = "" if qual.startswith("/translation") else " "
            qual += joiner + text.strip()
    if current is not None and qual is not None:
        _finish_qualifier(current, qual)
    return features


def parse_genbank(path: str) -> list[Record]:
    with open(path, encoding="ascii", errors="replace") as fh:
        text = fh.read()
    records: list[Record] = []
    block: list[str] = []
    for line in text.splitlines():
        if line.startswith("//"):
            if block:
                records.append(_parse_record(block))
            block = []
        else:
            block.append(line)
    if any(l.strip() for l in block):
        raise GenBankError(f"{path}: last record is not terminated by //")
    return records


def _parse_record(lines: list[str]) -> Record:
    if not lines[0].startswith("LOCUS"):
        raise GenBankError(f"record does not start with LOCUS: {lines[0]!r}")
    fields = lines[0].split()
    try:
        bp = fields.index("bp")
        rec = Record(locus=fields[1], length=int(fields[bp - 1]), moltype=fields[bp + 1])
    except (ValueError, IndexError) as exc:
        raise GenBankError(f"bad LOCUS line: {lines[0]!r}") from exc

    section = None
    definition: list[str] = []
    feature_lines: list[str] = []
    seq_parts: list[str] = []
    for line in lines[1:]:
        keyword = line[:12].strip() if line[:1] != " " else ""
        if keyword:
            section = keyword.split()[0]
            content = line[12:].strip()
            if section == "DEFINITION":
                definition.append(content)
            elif section == "ACCESSION":
                rec.accession = content.split()[0]
            continue
        if section == "DEFINITION":
            definition.append(line.strip())
        elif section == "FEATURES":
            feature_lines.append(line)
        elif section == "ORIGIN":
            seq_parts.append(re.sub(r"[\d\s]", "", line))
    rec.definition = " ".join(definition)
    rec.features = _parse_features(feature_lines)
    rec.sequence = "".join(seq_parts).upper()
    if not rec.accession:
        rec.accession = rec.locus
    if len(rec.sequence) != rec.length:
        raise GenBankError(
            f"{rec.accession}: ORIGIN holds {len(rec.sequence)} nt, LOCUS says {rec.length} bp"
        )
    return rec


# ---------------------------------------------------------------------------------------------
# Locations


@dataclass
class Location:
    strand: int  # +1 or -1
    segments: list[tuple[int, int]]  # 1-based inclusive, in transcript order
    partial5: bool
    partial3: bool


_RANGE = re.compile(r"^(<?)(\d+)(?:\.\.(>?)(\d+))?$")


def parse_location(loc: str) -> Location:
    """Parse the subset of INSDC locations a CDS uses: ranges, single bases, <, >,
    complement(...), join(...)/order(...), nested. Remote references (ACC:1..9) and
    between-base sites (a^b) are rejected."""
    loc = loc.replace(" ", "")

    def walk(s: str) -> tuple[list[tuple[int, int, bool, bool]], int]:
        # returns segments as (start, end, start_partial, end_partial) on the plus strand,
        # in transcript order for the given strand, and the strand
        if s.startswith("complement(") and s.endswith(")"):
            segs, strand = walk(s[len("complement(") : -1])
            return [(a, b, pa, pb) for a, b, pa, pb in reversed(segs)], -strand
        for op in ("join(", "order("):
            if s.startswith(op) and s.endswith(")"):
                parts = _split_top(s[len(op) : -1])
                segs: list[tuple[int, int, bool, bool]] = []
                strands = set()
                for part in parts:
                    sub, strand = walk(part)
                    segs.extend(sub)
                    strands.add(strand)
                if len(strands) != 1:
                    raise GenBankError(f"mixed strands in location {loc!r}")
                return segs, strands.pop()
        m = _RANGE.match(s)
        if not m:
            raise GenBankError(f"unsupported location {s!r} in {loc!r}")
        start = int(m.group(2))
        end = int(m.group(4)) if m.group(4) else start
        if end < start:
            raise GenBankError(f"descending range {s!r} in {loc!r}")
        return [(start, end, m.group(1) == "<", m.group(3) == ">")], 1

    segs, strand = walk(loc)
    if strand == 1:
        partial5, partial3 = segs[0][2], segs[-1][3]
    else:  # on the minus strand the 5' end is the highest coordinate
        partial5, partial3 = segs[0][3], segs[-1][2]
    return Location(strand, [(a, b) for a, b, _, _ in segs], partial5, partial3)


def _split_top(s: str) -> list[str]:
    parts, depth, cur = [], 0, []
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


# ---------------------------------------------------------------------------------------------
# UTRs


@dataclass
class Utr:
    accession: str
    gene: str
    cds: str
    cds_end: int
    sequence: str
    stop_codon: str
    polya: str
    definition: str
    orf: str  # the spliced CDS, start to stop codon


def gene_symbol(rec: Record, cds: Feature) -> tuple[str | None, str]:
    """Returns (symbol, note)."""
    genes = cds.qualifier("gene")
    if not genes:
        for f in rec.features:
            if f.key == "gene" and f.qualifier("gene"):
                genes = f.qualifier("gene")
                break
    hgnc_xrefs = [x for x in cds.qualifier("db_xref") if x.startswith("HGNC:")]
    if rec.accession in HGNC_SYMBOLS:
        symbol, hgnc_id = HGNC_SYMBOLS[rec.accession]
        if hgnc_id and hgnc_xrefs and hgnc_id not in hgnc_xrefs:
            raise GenBankError(
                f"{rec.accession}: table says {symbol} ({hgnc_id}), record has {hgnc_xrefs}"
            )
        if genes and genes[0] != symbol:
            if genes[0].upper() != symbol.upper():
                print(
                    f"warning: {rec.accession}: /gene={genes[0]!r} but table says {symbol}",
                    file=sys.stderr,
                )
            return symbol, f"/gene={genes[0]} -> {symbol} (table)"
        return symbol, ("/gene" if genes else "table")
    if genes:
        return genes[0], "/gene"
    return None, "no /gene qualifier and no table entry"


def find_polya(utr: str) -> str:
    tail = utr[-POLYA_WINDOW:]
    best = None
    for sig in POLYA_SIGNALS:
        i = tail.rfind(sig)
        if i >= 0:
            from_end = len(tail) - i
            if best is None or from_end < best[1]:
                best = (sig, from_end)
    if best is None:
        return "none in last %d nt" % POLYA_WINDOW
    return "%s at -%d" % best


def extract_utrs(records: list[Record]) -> list[Utr]:
    utrs: list[Utr] = []
    for rec in records:
        tag = f"{rec.accession:<9}"
        if rec.moltype != "mRNA":
            print(f"skip {tag} {rec.moltype}, not mRNA")
            continue
        cdss = [f for f in rec.features if f.key == "CDS"]
        if len(cdss) != 1:
            print(f"skip {tag} mRNA with {len(cdss)} CDS features (need exactly one)")
            continue
        cds = cdss[0]
        try:
            loc = parse_location(cds.location)
        except GenBankError as exc:
            print(f"skip {tag} CDS location: {exc}")
            continue
        if loc.strand != 1:
            print(f"skip {tag} CDS {cds.location} is on the minus strand")
            continue
        if loc.partial3:
            print(f"skip {tag} CDS {cds.location} has a partial 3' end: no known stop")
            continue
        cds_end = loc.segments[-1][1]
        if cds_end > rec.length:
            print(f"skip {tag} CDS {cds.location} runs past the record end ({rec.length})")
            continue
        utr = rec.sequence[cds_end:]
        if len(utr) < MIN_UTR:
            print(f"skip {tag} 3'UTR would be {len(utr)} nt (< {MIN_UTR})")
            continue
        symbol, how = gene_symbol(rec, cds)
        if symbol is None:
            print(f"skip {tag} {how}")
            continue
        spliced = "".join(rec.sequence[a - 1 : b] for a, b in loc.segments)
        stop = spliced[-3:]
        if stop not in STOP_CODONS:
            print(f"warning: {rec.accession}: CDS ends in {stop}, not a stop codon", file=sys.stderr)
        codon_start = int((cds.qualifier("codon_start") or ["1"])[0])
        if (len(spliced) - (codon_start - 1)) % 3 != 0:
            print(f"warning: {rec.accession}: CDS length {len(spliced)} not a whole number of codons",
                  file=sys.stderr)
        u = Utr(rec.accession, symbol, cds.location, cds_end, utr, stop, find_polya(utr),
                rec.definition, spliced)
        utrs.append(u)
        print(
            f"ok   {tag} gene={symbol:<7} CDS {cds.location:<12} stop={stop}"
            f"{'' if stop in STOP_CODONS else '(!)'} utr_length={len(utr):<5} "
            f"polyA signal: {u.polya}  [symbol from {how}]"
        )
        odd = sorted({(i + 1, c) for i, c in enumerate(utr) if c not in "ACGT"})
        if odd:
            # Kept as shipped: IUPAC ambiguity codes are part of the record's sequence.
            where = ", ".join(f"{c}@{i}" for i, c in odd)
            print(f"     {tag} note: {len(odd)} non-ACGT IUPAC code(s) in the UTR, kept as is: {where}")
    return utrs


def fasta_text(utrs: list[Utr], source: str) -> str:
    out = []
    for u in utrs:
        desc = u.definition.replace('"', "'")
        out.append(
            f">{u.accession} gene={u.gene} cds_end={u.cds_end} utr_length={len(u.sequence)} "
            f'source={source} description="{desc}"\n'
        )
        for i in range(0, len(u.sequence), LINE_WIDTH):
            out.append(u.sequence[i : i + LINE_WIDTH] + "\n")
    return "".join(out)


def orf_fasta_text(utrs: list[Utr], source: str) -> str:
    out = []
    for u in utrs:
        out.append(f">{u.accession} gene={u.gene} cds={u.cds} orf_length={len(u.orf)} source={source}\n")
        for i in range(0, len(u.orf), LINE_WIDTH):
            out.append(u.orf[i : i + LINE_WIDTH] + "\n")
    return "".join(out)


def write_atomic(path: str, data: bytes) -> None:
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", default=DEFAULT_INPUT, help="GenBank flat file (default: %(default)s)")
    ap.add_argument("--outdir", default=os.path.dirname(os.path.abspath(__file__)),
                    help="where to write utrs.fa, utrs.fa.gz and orfs.fa (default: this script's directory)")
    args = ap.parse_args(argv)

    try:
        records = parse_genbank(args.input)
    except (OSError, GenBankError) as exc:
        print(f"make_examples.py: {exc}", file=sys.stderr)
        return 1
    source = f"{SOURCE_PACKAGE}:{os.path.basename(args.input)}"
    try:
        utrs = extract_utrs(records)
    except GenBankError as exc:
        print(f"make_examples.py: {exc}", file=sys.stderr)
        return 1
    if not utrs:
        print("make_examples.py: no UTR extracted", file=sys.stderr)
        return 1

    text = fasta_text(utrs, source).encode("ascii")
    fa = os.path.join(args.outdir, "utrs.fa")
    write_atomic(fa, text)
    gz = subprocess.run(["gzip", "-n", "-9", "-c"], input=text, stdout=subprocess.PIPE, check=True)
    write_atomic(fa + ".gz", gz.stdout)
    orfs = os.path.join(args.outdir, "orfs.fa")
    write_atomic(orfs, orf_fasta_text(utrs, source).encode("ascii"))
    total = sum(len(u.sequence) for u in utrs)
    print(f"wrote {fa} and {fa}.gz: {len(utrs)} UTRs, {total} nt, from {len(records)} records; {orfs}: their ORFs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
