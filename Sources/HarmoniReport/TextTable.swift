import HarmoniModel

/// Renders a ``Table`` as aligned plain text for a terminal: Norwegian number formats, `≈` before
/// estimates, footnote marks, and the footnotes, notes and sources below.
public enum TextTable {
    /// The text of a cell as shown in a terminal.
    public static func cellText(_ cell: Cell, language: DisplayLanguageTag = .nb) -> String {
        var text: String
        switch cell {
        case .text(let t): text = t
        case .money(let m, let status, _): text = (status == .estimated ? "≈ " : "") + NorwegianFormat.money(m)
        case .thousands(let m, let status, _):
            text = (status == .estimated ? "≈ " : "") + NorwegianFormat.moneyNumber(m.rounded(.thousandKroner).divided1000)
        case .rate(let r, _): text = NorwegianFormat.percent(r)
        case .number(let n): text = NorwegianFormat.decimal(n, grouping: true)
        case .missing: text = language == .nb ? "mangler" : "missing"
        case .empty: text = ""
        }
        // Marks are separated by a middle dot so ¹ and ² never read as ¹².
        let marks = cell.footnotes.map { superscript($0) }.joined(separator: "·")
        return text + marks
    }

    /// Footnote marks as superscript digits: 1 → ¹, 12 → ¹².
    public static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }

    /// The whole table as text, ending in a newline.
    public static func render(_ table: Table, language: DisplayLanguageTag = .nb) -> String {
        let table = table.foldingRanges(language: language)
        let header = table.columns.map(\.heading)
        let body = table.rows.map { row in row.map { cellText($0, language: language) } }
        var widths = header.map(\.count)
        for row in body {
            for (i, text) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], text.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, width) in widths.enumerated() {
                let text = i < cells.count ? cells[i] : ""
                let pad = String(repeating: " ", count: max(0, width - text.count))
                parts.append(table.columns[i].alignment == .right ? pad + text : text + pad)
            }
            var result = parts.joined(separator: "  ")
            while result.hasSuffix(" ") { result.removeLast() }
            return result
        }
        var out = table.title.isEmpty ? "" : table.title + "\n"
        out += line(header) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in body { out += line(row) + "\n" }
        for (i, note) in table.footnotes.enumerated() { out += "\(superscript(i + 1)) \(note)\n" }
        for note in table.notes { out += note + "\n" }
        if !table.sources.isEmpty {
            out += (language == .nb ? "Kilder:" : "Sources:") + "\n"
            for source in table.sources { out += "  - \(source.title)" + (source.url.map { " <\($0)>" } ?? "") + "\n" }
        }
        return out
    }
}

extension TextTable {
    /// What a run has shown so far, so each explanatory note is printed once per run and each
    /// source is listed once, numbered, at the end (``renderSources(_:language:)``).
    public struct RunMemory: Sendable {
        /// Notes already printed.
        public var notes: Set<String> = []
        /// Sources in order of first mention; a source's number is its index + 1.
        public var sources: [Source] = []

        public init() {}

        /// The 1-based number of `source`, adding it if new.
        public mutating func number(_ source: Source) -> Int {
            if let index = sources.firstIndex(where: { $0.id == source.id }) { return index + 1 }
            sources.append(source)
            return sources.count
        }
    }

    /// The table as text with the notes not yet shown in this run, and its sources as numbers
    /// into the run's source list: `Kilder: [1], [4]`.
    public static func render(_ table: Table, language: DisplayLanguageTag = .nb, memory: inout RunMemory) -> String {
        var shown = table
        shown.notes = table.notes.filter { !memory.notes.contains($0) }
        memory.notes.formUnion(table.notes)
        shown.sources = []
        var out = render(shown, language: language)
        if !table.sources.isEmpty {
            let numbers = table.sources.map { "[\(memory.number($0))]" }.joined(separator: ", ")
            out += (language == .nb ? "Kilder: " : "Sources: ") + numbers + "\n"
        }
        return out
    }

    /// The numbered list of every source a run referred to (empty if none).
    public static func renderSources(_ sources: [Source], language: DisplayLanguageTag = .nb) -> String {
        guard !sources.isEmpty else { return "" }
        var out = (language == .nb ? "Kilder" : "Sources") + "\n"
        for (i, source) in sources.enumerated() {
            out += "[\(i + 1)] \(source.title)" + (source.url.map { " <\($0)>" } ?? "") + "\n"
        }
        return out
    }
}

/// The language tag for rendering (mirrors the language front end's `DisplayLanguage`, which this
/// target does not depend on).
public enum DisplayLanguageTag: String, Sendable, Hashable, Codable {
    case nb
    case en
}

extension Money {
    /// The amount in thousands of kroner as money with the same digits (for 1 000 kr columns):
    /// 519 760 000 kr → 519 760 "kr". Exact only for amounts already rounded to 1 000 kr.
    public var divided1000: Money { Money(ore: ore / 1000) }
}
