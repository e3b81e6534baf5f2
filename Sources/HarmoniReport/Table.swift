import HarmoniModel

/// A table of results: what every comparison, household, ledger and budget becomes before it is
/// shown in a terminal or exported (CSV, Markdown, JSON, HTML). Rows keep their order.
public struct Table: Sendable, Hashable, Codable {
    /// A stable machine name: `diff`, `household`, `impact`, `budget`, …
    public var kind: String
    /// The heading shown above the table.
    public var title: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Footnotes in order; cells refer to them by number (1-based).
    public var footnotes: [String]
    /// The sources behind the numbers shown.
    public var sources: [Source]
    /// Lines of text shown under the table (choices made, units, rounding).
    public var notes: [String]
    /// The keys of the columns a chart draws as one series each, in order — the municipality
    /// columns of a comparison, whatever the merger (`asker`, `royken`, `hurum`; `kristiansand`,
    /// `songdalen`, `sogne`) — or `nil` when the table has no such columns.
    public var seriesKeys: [String]?

    public init(
        kind: String, title: String, columns: [Column], rows: [[Cell]] = [], footnotes: [String] = [],
        sources: [Source] = [], notes: [String] = []
    ) {
        self.kind = kind
        self.title = title
        self.columns = columns
        self.rows = rows
        self.footnotes = footnotes
        self.sources = sources
        self.notes = notes
    }

    /// Adds a footnote once and returns its 1-based number.
    public mutating func footnote(_ text: String) -> Int {
        if let index = footnotes.firstIndex(of: text) { return index + 1 }
        footnotes.append(text)
        return footnotes.count
    }

    /// Adds a source once (by id).
    public mutating func cite(_ source: Source) {
        if !sources.contains(where: { $0.id == source.id }) { sources.append(source) }
    }
}

/// A column: a heading, a machine key and an alignment.
public struct Column: Sendable, Hashable, Codable {
    /// Stable key for JSON and CSV headers: `asker`, `lowest`, `spread_pct`.
    public var key: String
    /// Heading shown to people.
    public var heading: String
    public var alignment: Alignment

    public init(_ key: String, _ heading: String, _ alignment: Alignment = .left) {
        self.key = key
        self.heading = heading
        self.alignment = alignment
    }

    public enum Alignment: String, Sendable, Hashable, Codable {
        case left
        case right
    }
}

/// One cell: text, an exact amount, a rate, a number, or a value the record lacks.
public enum Cell: Sendable, Hashable, Codable {
    case text(String)
    /// Money, with its status (an estimate is shown `≈ 2 850 kr`) and footnote numbers.
    case money(Money, status: Status = .published, footnotes: [Int] = [])
    /// Money in 1 000 kr (budget tables): the exact amount is kept, shown rounded.
    case thousands(Money, status: Status = .published, footnotes: [Int] = [])
    case rate(Rate, footnotes: [Int] = [])
    case number(DecimalNumber)
    /// No value: the public record lacks it (shown `mangler`, never as 0).
    case missing(footnotes: [Int] = [])
    case empty

    /// The footnote numbers attached.
    public var footnotes: [Int] {
        switch self {
        case .money(_, _, let f), .thousands(_, _, let f), .rate(_, let f), .missing(let f): return f
        default: return []
        }
    }

    /// True if the value is an estimate and must be marked.
    public var isEstimate: Bool {
        switch self {
        case .money(_, let s, _), .thousands(_, let s, _): return s == .estimated
        default: return false
        }
    }
}
