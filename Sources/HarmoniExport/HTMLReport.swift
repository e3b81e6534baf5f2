import HarmoniModel
import HarmoniReport

/// Renders a ``Report`` as one self-contained HTML file: inline CSS and SVG, no scripts, no
/// external resources, a Content-Security-Policy that forbids both, print CSS for A4 with a page
/// break before each section, and a closing sources section listing every source of every table.
///
/// All text passes through ``HTML/escape(_:)`` by way of ``HTMLNode``.
public enum HTMLReport {
    /// The HTML text of `report`, ending in a newline.
    public static func render(_ report: Report) -> String {
        HTML.render(.trusted(ReportStyle.doctype)) + HTML.render(document(report))
    }

    /// The tables as a report with one section per table (what `--format html` writes).
    public static func export(_ tables: [Table], title: String, language: DisplayLanguageTag = .nb) -> String {
        render(Report(title: title, tables: tables, language: language))
    }

    static func document(_ report: Report) -> HTMLNode {
        let words = Words(report.language)
        let sources = report.sources
        var body: [HTMLNode] = [header(report, words)]
        for (index, section) in report.sections.enumerated() {
            body.append(render(section, id: "seksjon-\(index + 1)", sources: sources, words: words))
        }
        body.append(sourcesSection(sources, words))
        return HTML.el(
            "html", [HTMLAttribute("lang", report.language.rawValue)],
            [
                HTML.el(
                    "head", [],
                    [
                        HTML.el("meta", [HTMLAttribute("charset", "utf-8")]),
                        HTML.el(
                            "meta",
                            [
                                HTMLAttribute("http-equiv", "Content-Security-Policy"),
                                HTMLAttribute("content", ReportStyle.contentSecurityPolicy),
                            ]),
                        HTML.el("meta", [HTMLAttribute("name", "viewport"), HTMLAttribute("content", "width=device-width, initial-scale=1")]),
                        HTML.el("title", text: report.title),
                        HTML.el("style", [], [.trusted(ReportStyle.css)]),
                    ]),
                HTML.el("body", [], body),
            ])
    }

    static func header(_ report: Report, _ words: Words) -> HTMLNode {
        var children: [HTMLNode] = [HTML.el("h1", text: report.title)]
        if let provenance = report.provenance { children.append(HTML.el("p", [HTMLAttribute("class", "provenance")], text: provenance)) }
        if !report.omitted.isEmpty {
            let label = report.language == .nb ? "Ikke med (ingen data): " : "Not included (no data): "
            children.append(HTML.el("p", [HTMLAttribute("class", "omitted")], text: label + report.omitted.joined(separator: "; ") + "."))
        }
        for paragraph in report.summary { children.append(HTML.el("p", text: paragraph)) }
        children.append(HTML.el("p", [HTMLAttribute("class", "guide")], text: words.guide))
        if report.sections.isEmpty {
            children.append(HTML.el("p", text: words.noTables))
        }
        var items: [HTMLNode] = report.sections.enumerated().map { index, section in
            HTML.el("li", [], [HTML.el("a", [HTMLAttribute("href", "#seksjon-\(index + 1)")], text: section.title)])
        }
        items.append(HTML.el("li", [], [HTML.el("a", [HTMLAttribute("href", "#kilder")], text: words.sources)]))
        children.append(HTML.el("nav", [], [HTML.el("h2", text: words.contents), HTML.el("ol", [], items)]))
        return HTML.el("header", [], children)
    }

    static func render(_ section: ReportSection, id: String, sources: [Source], words: Words) -> HTMLNode {
        var children: [HTMLNode] = [HTML.el("h2", text: section.title)]
        for paragraph in section.introduction { children.append(HTML.el("p", text: paragraph)) }
        for table in section.tables {
            children.append(render(table, showTitle: table.title != section.title, sources: sources, words: words))
        }
        for chart in section.charts {
            var figure: [HTMLNode] = [SVG.render(BarChartLayout(chart, language: words.language))]
            figure.append(HTML.el("figcaption", text: chart.title))
            if let note = chart.note { figure.append(HTML.el("p", [HTMLAttribute("class", "chart-note")], text: note)) }
            children.append(HTML.el("figure", [], figure))
        }
        return HTML.el("section", [HTMLAttribute("id", id)], children)
    }

    static func render(_ table: Table, showTitle: Bool, sources: [Source], words: Words) -> HTMLNode {
        var children: [HTMLNode] = []
        if showTitle { children.append(HTML.el("h3", text: table.title)) }
        let numeric = table.columns.indices.map { i in
            table.columns[i].alignment == .right || ColumnUnit.of(column: i, in: table) != .none
        }
        let blocks = columnBlocks(table, numeric: numeric)
        for (b, block) in blocks.enumerated() {
            let head = HTML.el(
                "tr", [],
                block.map { i in
                    HTML.el("th", numeric[i] ? [HTMLAttribute("class", "num")] : [], text: table.columns[i].heading)
                })
            let rows: [HTMLNode] = table.rows.map { row in
                HTML.el(
                    "tr", [],
                    block.map { i in
                        let cell = i < row.count ? row[i] : .empty
                        var classes: [String] = numeric[i] ? ["num"] : []
                        if cell.isEstimate { classes.append("estimate") }
                        if case .missing = cell { classes.append("missing") }
                        let attributes = classes.isEmpty ? [] : [HTMLAttribute("class", classes.joined(separator: " "))]
                        let text = HTML.typographicMinus(TextTable.cellText(cell, language: words.language))
                        return HTML.el("td", attributes, numeric[i] ? [.text(text)] : breakable(text))
                    })
            }
            if blocks.count > 1 {
                let label = words.language == .nb ? "Del \(b + 1) av \(blocks.count)" : "Part \(b + 1) of \(blocks.count)"
                children.append(HTML.el("p", [HTMLAttribute("class", "table-part")], text: label))
            }
            children.append(HTML.el("table", [], [HTML.el("thead", [], [head]), HTML.el("tbody", [], rows)]))
        }
        for (i, note) in table.footnotes.enumerated() {
            children.append(HTML.el("p", [HTMLAttribute("class", "footnote")], text: "\(TextTable.superscript(i + 1)) \(note)"))
        }
        for note in table.notes { children.append(HTML.el("p", [HTMLAttribute("class", "note")], text: HTML.typographicMinus(note))) }
        if !table.sources.isEmpty {
            var refs: [HTMLNode] = [.text(words.sources + ": ")]
            for (i, source) in table.sources.enumerated() {
                guard let number = sources.firstIndex(where: { $0.id == source.id }).map({ $0 + 1 }) else { continue }
                if i > 0 { refs.append(.text(", ")) }
                refs.append(HTML.el("a", [HTMLAttribute("href", "#kilde-\(number)")], text: "[\(number)]"))
            }
            children.append(HTML.el("p", [HTMLAttribute("class", "table-sources")], refs))
        }
        return HTML.el("div", [HTMLAttribute("class", "table-block")], children)
    }

    /// A text cell's content with a word-break opportunity (`<wbr>`) after each `_` and `.` of a
    /// dotted or underscored name (`driftstilskudd_private_barnehager.ordinaer_0_2`), so a narrow
    /// column wraps such a name at its joints instead of widening the table; ordinary words still
    /// wrap only between words (the style sheet never breaks inside a word).
    static func breakable(_ text: String) -> [HTMLNode] {
        let joints = Array(text)
        let dotted = joints.indices.contains { i in
            i > 0 && i + 1 < joints.count && joints[i] == "." && joints[i - 1].isLetter && joints[i + 1].isLetter
        }
        guard text.contains("_") || dotted else { return [.text(text)] }
        var nodes: [HTMLNode] = []
        var part = ""
        for character in text {
            part.append(character)
            if character == "_" || character == "." {
                nodes.append(.text(part))
                nodes.append(.trusted("<wbr>"))
                part = ""
            }
        }
        if !part.isEmpty { nodes.append(.text(part)) }
        return nodes
    }

    /// The most columns one printed table holds (A4 portrait at 9,5 pt; 1280 px screens alike).
    static let maximumColumns = 6

    /// The table's columns split into blocks that fit the page: the leading text columns (at most
    /// two: the row's name, and e.g. the unit or municipality) repeat in every block, the other
    /// columns are shared out evenly. A table that fits is one block.
    static func columnBlocks(_ table: Table, numeric: [Bool]) -> [[Int]] {
        let all = Array(table.columns.indices)
        guard all.count > maximumColumns else { return [all] }
        var keys: [Int] = []
        for i in all where !numeric[i] && keys.count < 2 && keys.count == i { keys.append(i) }
        if keys.isEmpty { keys = [0] }
        let rest = all.filter { !keys.contains($0) }
        let room = maximumColumns - keys.count
        let count = (rest.count + room - 1) / room
        let size = (rest.count + count - 1) / count
        return stride(from: 0, to: rest.count, by: size).map { keys + rest[$0..<min($0 + size, rest.count)] }
    }

    static func sourcesSection(_ sources: [Source], _ words: Words) -> HTMLNode {
        var children: [HTMLNode] = [HTML.el("h2", text: words.sources)]
        if sources.isEmpty { children.append(HTML.el("p", text: words.noSources)) }
        let items: [HTMLNode] = sources.enumerated().map { index, source in
            var parts: [HTMLNode] = [.text("[\(index + 1)] "), HTML.el("strong", text: source.title)]
            if let reference = source.reference, !reference.isEmpty { parts.append(.text(", " + reference)) }
            if let date = source.date { parts.append(.text(", " + date.description)) }
            if let url = source.url, !url.isEmpty {
                parts.append(.text(". "))
                parts.append(HTML.link(url))
            }
            return HTML.el("li", [HTMLAttribute("id", "kilde-\(index + 1)")], parts)
        }
        if !items.isEmpty { children.append(HTML.el("ul", [HTMLAttribute("class", "sources")], items)) }
        return HTML.el("section", [HTMLAttribute("id", "kilder")], children)
    }

    /// The report's own words in its language.
    struct Words {
        let language: DisplayLanguageTag
        init(_ language: DisplayLanguageTag) { self.language = language }
        private var nb: Bool { language == .nb }
        var sources: String { nb ? "Kilder" : "Sources" }
        var contents: String { nb ? "Innhold" : "Contents" }
        var noTables: String { nb ? "Rapporten har ingen tabeller." : "The report has no tables." }
        var noSources: String { nb ? "Ingen kilder: rapporten viser ingen tall." : "No sources: the report shows no figures." }
        var guide: String {
            nb
                ? "Slik leses tabellene: ≈ foran et tall betyr at tallet er estimert (metoden står i fotnoten under tabellen); «mangler» betyr at det offentlige kildegrunnlaget ikke har tallet. Kildene står til slutt."
                : "How to read the tables: ≈ before a figure means it is estimated (the footnote under the table gives the method); «missing» means the public record lacks the figure. The sources are listed at the end."
        }
    }
}
