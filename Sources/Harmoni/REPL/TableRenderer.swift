import HarmoniExport
import HarmoniReport

/// How the REPL shows tables: `.mode table|csv|md|json`.
public enum OutputMode: String, Sendable, CaseIterable {
    /// Aligned text for the terminal (the default).
    case table
    /// CSV for Excel in Norwegian locale.
    case csv
    /// Markdown.
    case md
    /// JSON.
    case json
}

/// Turns a table into text in an output mode. The REPL renders every table through one of these.
public struct TableRenderer: Sendable {
    /// The modes this renderer really supports; others fall back to ``OutputMode/table``.
    public var supportedModes: Set<OutputMode>
    /// Renders a table in a mode and language; the text ends in a newline.
    public var render: @Sendable (Table, OutputMode, DisplayLanguage) -> String

    /// A renderer for the modes it supports.
    public init(
        supportedModes: Set<OutputMode>, render: @escaping @Sendable (Table, OutputMode, DisplayLanguage) -> String
    ) {
        self.supportedModes = supportedModes
        self.render = render
    }

    /// Terminal text only: every mode is rendered as `table` (kept for tests of the fallback).
    public static let textOnly = TableRenderer(supportedModes: [.table]) { table, _, language in
        TextTable.render(table, language: language == .nb ? .nb : .en)
    }

    /// Every mode: terminal text, or the exporters' CSV (without the byte-order mark, which only
    /// files need), Markdown and JSON.
    public static let standard = TableRenderer(supportedModes: Set(OutputMode.allCases)) { table, mode, language in
        let tag: DisplayLanguageTag = language == .nb ? .nb : .en
        switch mode {
        case .table: return TextTable.render(table, language: tag)
        case .csv:
            var text = CSVExporter.export([table], language: tag)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return text
        case .md: return MarkdownExporter.export([table], language: tag)
        case .json: return JSONExporter.export([table], language: tag)
        }
    }
}
