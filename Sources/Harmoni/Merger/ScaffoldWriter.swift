import Foundation
import HarmoniLanguage
import HarmoniModel

/// Writes the text of each file of a ``MergerScaffold``.
struct ScaffoldWriter {
    let merger: NationalTables.Merger
    let tables: NationalTables
    let newID: MunicipalityID
    let oldIDs: [MunicipalityID]
    let figures: [FigureTemplate.Figure]
    let missingBodies: [String]
    /// Sources of the national tables the scaffold cites (`norge_…`).
    var cited: [SourceID] = []

    init(
        merger: NationalTables.Merger, tables: NationalTables, newID: MunicipalityID, oldIDs: [MunicipalityID],
        figures: [FigureTemplate.Figure], missingBodies: [String]
    ) {
        self.merger = merger
        self.tables = tables
        self.newID = newID
        self.oldIDs = oldIDs
        self.figures = figures
        self.missingBodies = missingBodies
    }

    private var names: [String] { merger.parts.map { tables.dataset.municipality($0.from)?.name ?? $0.from.rawValue } }

    private var header: String {
        let list = ListFormat.and(names)
        return """
            # STILLAS (scaffold) for sammenslåingen \(list) → \(merger.new.name) (\(merger.new.number)) 1.1.2020.
            # Laget av «harmoni new merger \(merger.new.number)» fra de nasjonale tabellene (datasets/norge/).
            # Folketall og kommunestruktur er fylt inn; alle lokale gebyrer, regler, volumer og budsjetter
            # MANGLER (missing, aldri 0) til kommunene fyller dem inn: «eksporter dataforespørsel til "fil.csv"»,
            # fyll ut kolonnene reelt_tall og kilde, og «grunnlag import "fil.csv"».

            """
    }

    mutating func files(_ template: MergerScaffold.Template) -> [(name: String, text: String)] {
        var out: [(String, String)] = []
        out.append(("sammenslaing.harmoni", mergerFile()))
        for (index, part) in merger.parts.enumerated() {
            out.append(("\(oldIDs[index].rawValue.replacingOccurrences(of: "_", with: "-")).harmoni", oldFile(part, oldIDs[index])))
        }
        out.append(("nasjonal.harmoni", header + "# Nasjonale regler og parametre (maksimalpris, G, 6 %-taket, gratis kjernetid, søskenmoderasjon):\n# kopiert fra Harmonis datasett, de gjelder alle kommuner.\n\n" + template.national))
        out.append(("husholdninger.harmoni", header + "# Typehusholdningene er kopiert fra nye Asker-datasettet; tilpass dem til kommunen.\n\n" + template.households))
        let kept = template.sources
        let norge = cited.compactMap { id in tables.dataset.source(id) }.map { source in
            "source \(source.id) {\n  title = \(Formatter.quote(source.title))\n" + (source.url.map { "  url = \(Formatter.quote($0))\n" } ?? "") + "}\n"
        }
        out.append(("kilder.harmoni", header + "\n" + (kept + norge).joined(separator: "\n")))
        return out
    }

    private mutating func cite(_ id: SourceID?) -> String {
        guard let id else { return "" }
        if !cited.contains(id) { cited.append(id) }
        return "  source = \(id)\n"
    }

    private mutating func provenance(_ p: Provenance) -> String {
        var out = "  status = \(p.status.rawValue)\n"
        if !p.method.isEmpty { out += "  method = \(Formatter.quote(p.method))\n" }
        out += cite(p.source)
        if let note = p.note { out += "  note = \(Formatter.quote(note))\n" }
        return out
    }

    private mutating func population(_ id: MunicipalityID, _ p: Population) -> String {
        var out = "population \(id) {\n  date = \(p.date)\n"
        for group in p.groups { out += "  \(group.group) = \(Formatter.number(DecimalNumber(group.persons), unit: nil, grouped: true))\n" }
        out += "  total = \(Formatter.number(DecimalNumber(p.total), unit: nil, grouped: true))\n"
        return out + provenance(p.provenance) + "}\n"
    }

    private mutating func mergerFile() -> String {
        var out = header + "\n"
        out += "dataset \(newID)_2019 {\n  title = \(Formatter.quote(ListFormat.and(names) + " 2019 (grunnlag for " + merger.new.name + " 2020) – stillas, lokale tall mangler"))\n  baseline_year = 2019\n}\n\n"
        out += "municipality \(newID) {\n  number = \(Formatter.quote(merger.new.number))\n  name = \(Formatter.quote(merger.new.name + " (nye " + merger.new.name + ")"))\n}\n\n"
        if let p = tables.population(merger.new.id) { out += "# ── Befolkning 1.1.2020 (population-norway.tsv) ──\n\n" + population(newID, p) + "\n" }
        out += "# ── Sammenslåingen (municipal-reform-2020.tsv) ──\n"
        for (index, part) in merger.parts.enumerated() {
            out += "\n"
            if part.share != DecimalNumber(1) {
                out += "# Delt kommune: bare en andel gikk inn i \(merger.new.name); andelen er et anslag (folketallet i filen er hele kommunens).\n"
            }
            out += "merger \(newID).\(oldIDs[index]) {\n  share = \(Formatter.number(part.share, unit: nil, grouped: false))\n"
            out += "  valid = \(part.provenance.validity)\n" + provenance(part.provenance) + "}\n"
        }
        return out
    }

    private mutating func oldFile(_ part: MergerPart, _ id: MunicipalityID) -> String {
        let old = tables.dataset.municipality(part.from)
        let name = old?.name ?? id.rawValue
        var out = header + "# \(name) (\(old?.number ?? "")): folketall 1.1.2019 og alle lokale tall som mangler.\n\n"
        out += "municipality \(id) {\n  number = \(Formatter.quote(old?.number ?? ""))\n  name = \(Formatter.quote(name))\n}\n\n"
        if let p = tables.population(part.from) { out += "# ── Befolkning 1.1.2019 (population-norway.tsv) ──\n\n" + population(id, p) + "\n" }
        out += "# ── Tall som mangler: fylles inn av kommunen (export datarequest / baseline import) ──\n"
        for (figure, body) in zip(figures, missingBodies) {
            out += "\nmissing \(id).\(figure.path.joined(separator: ".")) " + body
        }
        return out
    }

    /// A figure's `missing` block from its `{` on: the same for every municipality.
    static func missingBody(_ figure: FigureTemplate.Figure) -> String {
        var out = "{\n  kind = \(figure.kind.rawValue)\n"
        out += "  unit = \(Formatter.quote(figure.unit))\n"
        if let vat = figure.vat { out += "  vat = \(vat.rawValue)\n" }
        if let months = figure.billedMonths { out += "  billed_months = \(months)\n" }
        if let measure = figure.measure { out += "  measure = \(measure)\n" }
        out += "  valid = 2019-01-01...2019-12-31\n  note = \(Formatter.quote(figure.description))\n}\n"
        return out
    }

    // MARK: - Template text

    /// The blocks of a kind in a file's text (`source id { … }` up to the closing `}` line).
    static func blocks(ofKind kind: String, in text: String) -> [(id: String, text: String)] {
        var result: [(String, String)] = []
        var current: (id: String, lines: [String])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix(kind + " "), line.hasSuffix("{") {
                let id = line.dropFirst(kind.count + 1).split(separator: " ").first.map(String.init) ?? ""
                current = (id, [String(line)])
            } else if var block = current {
                block.lines.append(String(line))
                if line == "}" {
                    result.append((block.id, block.lines.joined(separator: "\n") + "\n"))
                    current = nil
                } else {
                    current = block
                }
            }
        }
        return result
    }

    /// The text without the blocks of a kind (and the blank line after each).
    static func removingBlocks(ofKind kind: String, from text: String) -> String {
        var out: [Substring] = []
        var inside = false
        var skipBlank = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !inside, line.hasPrefix(kind + " "), line.hasSuffix("{") {
                inside = true
                continue
            }
            if inside {
                if line == "}" {
                    inside = false
                    skipBlank = true
                }
                continue
            }
            if skipBlank, line.isEmpty {
                skipBlank = false
                continue
            }
            skipBlank = false
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    /// The text after the file's leading comment lines (the generator's header).
    static func droppingHeader(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let first = lines.first, first.hasPrefix("#") || first.isEmpty { lines = lines.dropFirst() }
        return lines.joined(separator: "\n")
    }

    /// Source ids named by `source = id` lines.
    static func referencedSources(_ text: String) -> Set<String> {
        var ids: Set<String> = []
        for line in text.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("source = ") else { continue }
            ids.insert(String(trimmed.dropFirst("source = ".count)))
        }
        return ids
    }
}

/// Norwegian lists: «A, B og C».
enum ListFormat {
    static func and(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " og " + last
    }
}
