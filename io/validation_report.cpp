#include "io/validation_report.hpp"

#include <algorithm>
#include <cstdio>

#include "core/text.hpp"
#include "io/html_report.hpp"

namespace mirhit::io {

namespace {

// Canonical sites filled, non-canonical ones outlined.
constexpr std::array<map_kind, any_site_type_count> site_kinds = {{{"8mer", "#b2182b", false},
                                                                   {"7mer-m8", "#e66101", false},
                                                                   {"7mer-A1", "#f2a340", false},
                                                                   {"6mer", "#4393c3", false},
                                                                   {"offset-6mer", "#8fb8d6", false},
                                                                   {"6mer-A1", "#5aae61", true},
                                                                   {"8mer-GU", "#762a83", true},
                                                                   {"7mer-m8-GU", "#9970ab", true},
                                                                   {"7mer-A1-GU", "#c2a5cf", true},
                                                                   {"bulge-7mer", "#1b7837", true},
                                                                   {"3p-compensatory", "#01665e", true},
                                                                   {"centered", "#8c510a", true}}};

// A percentage for prose: 20, 0.1, 0.0056.
std::string percent_text(double p) {
    char text[32];
    std::snprintf(text, sizeof text, p >= 0.1 ? "%.1f" : "%.2g", p);
    std::string s = text;
    if (s.ends_with(".0")) s.resize(s.size() - 2);
    return s;
}

// The most negative scored site as "type:start:score", else the strongest site with score NA.
std::string best_site(const utr_view& u) {
    const site_view* best = nullptr;
    for (const auto& s : u.sites) {
        const bool better = s.score ? !best || !best->score || *s.score < *best->score : !best || (!best->score && s.type < best->type);
        if (better) best = &s;
    }
    if (!best) return "NA";
    return std::string(name_of(best->type)) + ":" + std::to_string(best->start + 1) + ":" + (best->score ? fixed3(*best->score) : "NA");
}

// The lowest duplex free energy among a UTR's sites (kcal/mol), "NA" without sites.
std::string min_duplex_dg(const utr_view& u) {
    const site_view* low = nullptr;
    for (const auto& s : u.sites)
        if (!low || s.duplex.dg() < low->duplex.dg()) low = &s;
    if (!low) return "NA";
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", low->duplex.dg());
    return text;
}

}  // namespace

const std::array<std::string_view, 4> support_names = {"strong", "moderate", "weak", "none"};

const std::string_view grade_criteria =
    "strong: an 8mer or 7mer site and, where genes are ranked, the gene in the top 10% of the input's genes for the miRNA "
    "by total context++; moderate: an 8mer or 7mer site in a gene ranked below the top 10% (or not ranked for want of a "
    "scored site); weak: only 6mer, offset-6mer or non-canonical sites "
    "(non-canonical sites confer little repression on average, Agarwal et al. 2015, eLife 4:e05005); none: no site. "
    "Genes are ranked only when the input has at least 100 genes";

std::string total_text(const utr_view& u) { return u.scored ? fixed3(u.total) : "NA"; }

// ---- text report (one miRNA and gene) ----

namespace {

// The diagram with its ends labelled: UTR 5'-3' above, miRNA 3'-5' below.
std::array<std::string, 3> labelled_diagram(const std::array<std::string, 3>& d) {
    const std::size_t w = std::max(d[0].size(), d[2].size());
    auto padded = [&](const std::string& s) { return s + std::string(w - s.size(), ' '); };
    std::string pairs = d[1];
    while (!pairs.empty() && pairs.back() == ' ') pairs.pop_back();
    return {"5' " + padded(d[0]) + " 3'", "   " + pairs, "3' " + padded(d[2]) + " 5'"};
}

void append_diagram(std::string& out, const std::array<std::string, 3>& d) {
    if (d[0].empty()) return;  // non-canonical: the duplex diagram shows the pairing
    const auto lines = labelled_diagram(d);
    out += "\tUTR    " + lines[0] + "\n\t       " + lines[1] + "\n\tmiRNA  " + lines[2] + "\n";
}

}  // namespace

std::string validation_text(const validation_report& r) {
    std::string out;
    for (const auto& p : r.pairs) {
        const auto& m = r.mirnas.mirnas()[p.mirna];
        out += "\nmirna\t" + m.name + "\t" + (m.accession.empty() ? "NA" : m.accession) + "\t" + m.sequence + "\tseed " +
               r.mirnas.families()[m.family].seed + "\n";
        if (p.claims.empty()) out += "claim\tnone in the claims table for " + m.name + " and " + display_name(r.targets[p.target]) + "\n";
        for (const auto* c : p.claims)
            out += "claim\t" + c->id + "\t" + c->effect + "\t" + c->citation + "\t\"" + c->quote + "\"\n";
        for (const auto& u : p.utrs) {
            out += "utr\t" + u.record->id + "\t" + u.record->gene + "\t" + std::to_string(u.length) + " nt\n";
            for (const auto& s : u.sites) {
                out += "site\t" + std::string(name_of(s.type)) + "\t" + std::to_string(s.start + 1) + "-" +
                       std::to_string(s.start + length_of(s.type)) + "\t" + s.seq + "\tcontext++ " +
                       (s.score ? fixed3(*s.score) : "NA") + "\n";
                append_diagram(out, s.diagram);
                out += "\tduplex " + s.duplex_text + "\n";
                for (const auto& line : s.duplex_lines) out += "\t       " + line + "\n";
            }
            out += "verdict\t" + u.record->id + "\t" + u.verdict.text + "\n";
        }
        const auto& best = p.utrs[p.best];
        out += "gene\t" + display_name(r.targets[p.target]) + "\tbest UTR " + best.record->id + "\tcontext++ " + total_text(best) +
               "\t" + rank_text(best.rank, r.genes) + "\n";
    }
    return out;
}

// ---- table (--curated-all) ----

std::string validation_table_row(const validation_report& r, const reference::claim& c, const pair_view& p) {
    const auto& best = p.utrs[p.best];
    std::string row = c.id + "\t" + r.mirnas.mirnas()[p.mirna].name + "\t" + c.gene + "\t" + c.effect + "\t" + c.citation + "\t" +
                      std::to_string(p.utrs.size()) + "\t" + best.record->id;
    std::size_t noncanonical = 0;
    for (std::size_t t = 0; t < any_site_type_count; ++t)
        if (t < site_type_count) row += "\t" + std::to_string(best.counts[t]);
        else noncanonical += best.counts[t];
    row += "\t" + std::to_string(noncanonical);
    row += "\t" + best_site(best) + "\t" + total_text(best) + "\t" + min_duplex_dg(best) + "\t" +
           (best.rank ? std::to_string(best.rank) + "\t" + fixed3(100.0 * static_cast<double>(best.rank) / static_cast<double>(r.genes))
                      : "NA\tNA") +
           "\t" + std::string(support_names[static_cast<std::size_t>(p.gene_verdict.level)]) + "\t" + p.gene_verdict.text + "\n";
    return row;
}

const std::string_view validation_table_header =
    "claim\tmirna\tgene\teffect\tcitation\tutrs\tbest_utr\t8mer\t7mer-m8\t7mer-A1\t6mer\toffset-6mer\tnoncanonical\tbest_site\tcontext++\t"
    "min_duplex_dG\trank\tpercentile\tgrade\tverdict\n";

namespace {

// ---- HTML ----

std::string grade_name(const assessment& v) { return std::string(support_names[static_cast<std::size_t>(v.level)]); }

// The gene's place among the input's genes for the miRNA: a histogram of the genes' totals (those
// with a scored site) with the gene's best UTR marked.
std::string html_distribution(const validation_report& r, const pair_view& p, const std::string& gene) {
    const auto& best = p.utrs[p.best];
    if (p.gene_totals.empty())
        return "<p class=\"note\">" + html_escape(gene) + ": " + html_escape(rank_text(best.rank, r.genes)) + "; ranks need at least " +
               std::to_string(min_ranked_genes) + " genes in the input, so no distribution is drawn.</p>\n";
    const auto scored_end = std::lower_bound(p.gene_totals.begin(), p.gene_totals.end(), 0.0);
    const std::vector<double> scored(p.gene_totals.begin(), scored_end);
    const auto unscored = static_cast<std::size_t>(p.gene_totals.end() - scored_end);
    std::optional<double> mark;
    if (best.rank) mark = best.total;
    std::string h = svg_histogram(scored, mark, gene + " " + fixed3(best.total) + " (rank " + with_commas(best.rank) + ")",
                                  "total context++ of a gene for " + r.mirnas.mirnas()[p.mirna].name + " (more negative: stronger)");
    return h + "<p class=\"note\">" + with_commas(scored.size()) + " of the input's " + with_commas(r.genes) +
           " genes have a scored site for this miRNA; " + with_commas(unscored) + " total 0 and are not drawn. " + html_escape(gene) + ": " +
           html_escape(rank_text(best.rank, r.genes)) + ".</p>\n";
}

std::string html_sites_table(const utr_view& u) {
    std::string h = "<table>\n<tr><th>type</th><th>position</th><th>site</th><th>context++</th><th>pairing (UTR above, miRNA below)</th>"
                    "<th>duplex (dG kcal/mol, structure miRNA&amp;UTR)</th></tr>\n";
    for (const auto& s : u.sites) {
        const auto lines = labelled_diagram(s.diagram);
        const auto pairing = s.diagram[0].empty() ? "non-canonical: see the duplex" : join({lines[0], lines[1], lines[2]}, "\n");
        h += "<tr><td>" + std::string(name_of(s.type)) + "</td><td class=\"num\">" + std::to_string(s.start + 1) + "-" +
             std::to_string(s.start + length_of(s.type)) + "</td><td><code>" + html_escape(s.seq) + "</code></td><td class=\"num\">" +
             (s.score ? fixed3(*s.score) : "NA") + "</td><td><pre>" + html_escape(pairing) + "</pre></td><td><code>" + html_escape(s.duplex_text) + "</code><pre>" + html_escape(join(s.duplex_lines, "\n")) +
             "</pre></td></tr>\n";
    }
    return h + "</table>\n";
}

std::string html_utr(const utr_view& u) {
    const auto& rec = *u.record;
    std::string h = "<h3>UTR " + html_escape(rec.id) + " (" + html_escape(rec.gene) + ", " + with_commas(u.length) + " nt)</h3>\n";
    h += "<div class=\"verdict " + grade_name(u.verdict) + "\">" + html_escape(u.verdict.text) + "</div>\n";
    std::vector<map_mark> marks;
    for (const auto& s : u.sites)
        marks.push_back({s.start, length_of(s.type), static_cast<std::size_t>(s.type), std::string(name_of(s.type)) + " " + std::to_string(s.start + 1),
                         std::string(name_of(s.type)) + " at " + std::to_string(s.start + 1) + "-" + std::to_string(s.start + length_of(s.type)) +
                             ", " + s.seq + ", context++ " + (s.score ? fixed3(*s.score) : "NA")});
    h += svg_sequence_map(u.length, marks, site_kinds) +
         "<p class=\"note\">Filled: canonical sites; outlined: non-canonical sites (context++ NA).</p>\n";
    return u.sites.empty() ? h : h + html_sites_table(u);
}

std::string html_pair(const validation_report& r, const pair_view& p, std::size_t number) {
    const auto& m = r.mirnas.mirnas()[p.mirna];
    const auto& target = r.targets[p.target];
    const auto gene = display_name(target);
    std::string h = "<section id=\"pair-" + std::to_string(number) + "\">\n<h2>" + html_escape(m.name) + " &#8594; " + html_escape(gene) +
                    " <span class=\"grade " + grade_name(p.gene_verdict) + "\">" + grade_name(p.gene_verdict) + "</span></h2>\n";
    h += "<div class=\"verdict " + grade_name(p.gene_verdict) + "\">" + html_escape(p.gene_verdict.text) + "</div>\n";
    h += "<p class=\"note\">" + html_escape(m.name) + (m.accession.empty() ? "" : " (" + html_escape(m.accession) + ")") + ": <code>" +
         m.sequence + "</code>, seed (nt 2-8) <code>" + r.mirnas.families()[m.family].seed + "</code>. Gene " + html_escape(target.name) +
         ": " + html_escape(target.how) + ".</p>\n";
    h += "<h3>Curated claims</h3>\n";
    if (p.claims.empty()) h += "<p class=\"note\">No claim in the claims table for this miRNA and gene.</p>\n";
    for (const auto* c : p.claims)
        h += "<p><b>" + html_escape(c->id) + "</b> " + html_escape(c->effect) + " &#8212; " + html_escape(c->citation) +
             (c->cancer_type.empty() ? "" : " (" + html_escape(c->cancer_type) + ")") + "</p>\n<blockquote>&#8220;" + html_escape(c->quote) +
             "&#8221;</blockquote>\n";
    h += "<h3>Among the input's genes</h3>\n" + html_distribution(r, p, gene);
    for (const auto& u : p.utrs) h += html_utr(u);
    return h + "</section>\n";
}

std::string html_inputs(const std::string& command_line, const std::vector<std::pair<std::string, std::string>>& params) {
    std::string h = "<h2>Provenance</h2>\n<p class=\"note\"><code>" + html_escape(command_line) + "</code><br>\n";
    for (const auto& [name, value] : params) h += "<b>" + html_escape(name) + "</b>: " + html_escape(value) + "<br>\n";
    return h + "</p>\n";
}

std::string grade_cell(const assessment& v) { return "<td class=\"grade " + grade_name(v) + "\">" + grade_name(v) + "</td>"; }

std::string verdict_cell(const assessment& v) { return "<td class=\"" + grade_name(v) + "\">" + html_escape(v.text) + "</td>"; }

std::string html_grades() {
    return "<p class=\"note\"><b>Grades</b> &#8212; " + html_escape(grade_criteria) + ".</p>\n";
}

std::string link(std::size_t pair, const std::string& text) {
    return "<a href=\"#pair-" + std::to_string(pair) + "\">" + html_escape(text) + "</a>";
}

// --curated-all: one row per claim whose gene has a UTR in the input.
std::string html_claims_summary(const validation_report& r, const claim_rows& rows) {
    std::string body = "<table>\n<tr><th>claim</th><th>miRNA</th><th>gene</th><th>grade</th><th>verdict</th><th>effect</th><th>citation</th>"
                       "<th>best UTR</th><th>lowest duplex dG</th></tr>\n";
    for (const auto& [c, p] : rows) {
        const auto& pair = r.pairs[p];
        if (pair.utrs.empty()) continue;
        const auto& best = pair.utrs[pair.best];
        body += "<tr><td>" + link(p, c->id) + "</td><td class=\"name\">" + html_escape(r.mirnas.mirnas()[pair.mirna].name) + "</td><td>" +
                html_escape(c->gene) + "</td>" + grade_cell(pair.gene_verdict) + verdict_cell(pair.gene_verdict) + "<td class=\"name\">" +
                html_escape(c->effect) + "</td><td>" + html_escape(c->citation) + "</td><td>" + html_escape(best.record->id) +
                "</td><td class=\"num\">" + min_duplex_dg(best) + "</td></tr>\n";
    }
    return body + "</table>\n";
}

// One miRNA and gene: one row per miRNA and UTR.
std::string html_pairs_summary(const validation_report& r) {
    std::string body = "<table>\n<tr><th>miRNA</th><th>UTR</th><th>claims</th><th>grade</th><th>verdict</th></tr>\n";
    for (std::size_t p = 0; p < r.pairs.size(); ++p) {
        std::vector<std::string> ids;
        for (const auto* c : r.pairs[p].claims) ids.push_back(c->id);
        for (const auto& u : r.pairs[p].utrs)
            body += "<tr><td class=\"name\">" + link(p, r.mirnas.mirnas()[r.pairs[p].mirna].name) + "</td><td>" + html_escape(u.record->id) +
                    "</td><td>" + html_escape(ids.empty() ? "none" : join(ids, ", ")) + "</td>" + grade_cell(u.verdict) + verdict_cell(u.verdict) +
                    "</tr>\n";
    }
    return body + "</table>\n";
}

}  // namespace

std::string validation_html(const validation_report& r, const html_request& args, const claim_rows& rows) {
    std::string body = args.curated_all ? "<h1>mirhit validate --curated-all</h1>\n"
                                        : "<h1>mirhit validate: " + html_escape(args.mirna) + " &#8594; " + html_escape(args.gene) + "</h1>\n";
    body += html_grades() + (args.curated_all ? html_claims_summary(r, rows) : html_pairs_summary(r));
    for (std::size_t p = 0; p < r.pairs.size(); ++p)
        if (!r.pairs[p].utrs.empty()) body += html_pair(r, r.pairs[p], p);
    body += html_inputs(args.command_line, args.params);
    return html_page(args.curated_all ? "mirhit validate --curated-all" : "mirhit validate " + args.mirna + " " + args.gene, body);
}

std::string fixed3(double x) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", x == 0 ? 0.0 : x);
    return std::string(text) == "-0.000" ? "0.000" : text;
}

std::string with_commas(std::uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// Site letters as RNA, upper case; other letters (N, IUPAC codes) kept.
std::string rna(std::string_view letters) {
    std::string out = upper(letters);
    std::replace(out.begin(), out.end(), 'T', 'U');
    return out;
}

// The symbols for a known gene, else the name as written.
std::string display_name(const target_gene& t) {
    if (!t.known) return t.name;
    std::string out;
    for (const auto& s : t.symbols) out += (out.empty() ? "" : "/") + s;
    return out;
}

std::string rank_text(std::size_t rank, std::size_t genes) {
    if (!genes_ranked(genes)) return "not ranked (" + with_commas(genes) + (genes == 1 ? " gene" : " genes") + " in the input)";
    if (rank == 0) return "not ranked";
    return "rank " + with_commas(rank) + " of " + with_commas(genes) + (genes == 1 ? " gene" : " genes") + " (top " +
           percent_text(100.0 * static_cast<double>(rank) / static_cast<double>(genes)) + "%)";
}

}  // namespace mirhit::io
