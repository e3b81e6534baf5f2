import HarmoniModel
import HarmoniReport

/// A printable report: a title, an optional scenario summary, and sections of tables and charts.
/// ``HTMLReport/render(_:)`` turns it into one self-contained HTML file.
public struct Report: Sendable, Hashable {
    /// The heading of the report.
    public var title: String
    /// The scenario summary, one paragraph per element (may be empty).
    public var summary: [String]
    /// A line saying when or from what the report was made; only what is passed in is written
    /// (no clock is read), so identical inputs give identical files.
    public var provenance: String?
    /// The sections in order; the sources section is added after them.
    public var sections: [ReportSection]
    /// The language of the report's own words (headings, reading guide, `mangler`).
    public var language: DisplayLanguageTag
    /// Parts of the report left out because they have no data, listed once under the heading
    /// («Ikke med: …»), never as empty pages.
    public var omitted: [String] = []

    public init(
        title: String, summary: [String] = [], provenance: String? = nil, sections: [ReportSection],
        language: DisplayLanguageTag = .nb
    ) {
        self.title = title
        self.summary = summary
        self.provenance = provenance
        self.sections = sections
        self.language = language
    }

    /// A report with one section per table; tables of kind `diff` and `impact` get a bar chart
    /// when ``BarChart/suggested(for:language:)`` finds one.
    public init(title: String, tables: [Table], summary: [String] = [], language: DisplayLanguageTag = .nb) {
        self.init(
            title: title, summary: summary,
            sections: tables.map { ReportSection(table: $0, language: language) }, language: language)
    }

    /// The report `harmoni run --output x.html` and `export report` write: a first section
    /// «Sammendrag» holding `summary`, then one section per table (tables without rows are left
    /// out and named in ``omitted``). Summary tables of kind `summary_revenue` and
    /// `summary_households` get a bar chart.
    public init(title: String, provenance: String?, summary: [Table], tables: [Table], language: DisplayLanguageTag = .nb) {
        let nb = language == .nb
        var sections: [ReportSection] = []
        if !summary.isEmpty {
            let charts = summary.filter { ["summary_revenue", "summary_households"].contains($0.kind) }
                .compactMap { BarChart.suggested(for: $0, language: language) }
            sections.append(ReportSection(title: nb ? "Sammendrag" : "Summary", tables: summary, charts: charts))
        }
        var omitted: [String] = []
        for table in tables {
            if table.rows.isEmpty {
                if !omitted.contains(table.title) { omitted.append(table.title) }
                continue
            }
            sections.append(ReportSection(table: table, language: language))
        }
        self.init(title: title, provenance: provenance, sections: sections, language: language)
        self.omitted = omitted
    }

    /// Every source behind the tables, each once (by id), in order of first appearance.
    public var sources: [Source] {
        var result: [Source] = []
        for section in sections {
            for table in section.tables {
                for source in table.sources where !result.contains(where: { $0.id == source.id }) { result.append(source) }
            }
        }
        return result
    }
}

/// One section of a report (printed on a new page).
public struct ReportSection: Sendable, Hashable {
    /// The section heading.
    public var title: String
    /// Paragraphs under the heading.
    public var introduction: [String]
    /// The tables, in order.
    public var tables: [Table]
    /// Charts shown after the tables.
    public var charts: [BarChart]

    public init(title: String, introduction: [String] = [], tables: [Table], charts: [BarChart] = []) {
        self.title = title
        self.introduction = introduction
        self.tables = tables
        self.charts = charts
    }

    /// Table kinds that get a chart by default: fee levels per municipality and impact by area and year.
    public static let chartedKinds: Set<String> = ["diff", "impact"]

    /// A section holding one table, with a chart if the table's kind is charted and a chart fits;
    /// the typical households' summary (kind `household_summary`) gets one before/after chart per
    /// household.
    public init(table: Table, language: DisplayLanguageTag = .nb) {
        if table.kind == "household_summary" {
            self.init(title: table.title, tables: [table], charts: BarChart.householdsBeforeAfter(table, language: language))
            return
        }
        let chart = Self.chartedKinds.contains(table.kind) ? BarChart.suggested(for: table, language: language) : nil
        self.init(title: table.title, tables: [table], charts: chart.map { [$0] } ?? [])
    }
}
