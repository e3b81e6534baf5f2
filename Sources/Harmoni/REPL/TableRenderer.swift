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

    /// Terminal text only: every mode is rendered as `table`.
    ///
    /// LEAD: connect HarmoniExport here (CSV, Markdown, JSON) when it lands — replace this with a
    /// renderer that switches on the mode and lists all four modes as supported. The REPL warns
    /// when a mode falls back, so nothing pretends to be CSV that is not.
    public static let textOnly = TableRenderer(supportedModes: [.table]) { table, _, language in
        TextTable.render(table, language: language == .nb ? .nb : .en)
    }
}
