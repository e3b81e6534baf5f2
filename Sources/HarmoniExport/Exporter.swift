import HarmoniReport

/// One entry point for every format: tables in, text out. File I/O belongs to the caller.
public enum Exporter {
    /// The tables as text in `format`. `title` heads the HTML report (other formats use each
    /// table's own title).
    public static func export(
        _ tables: [Table], as format: ExportFormat, title: String = "Harmoni", language: DisplayLanguageTag = .nb
    ) -> String {
        switch format {
        case .csv: return CSVExporter.export(tables, language: language)
        case .markdown: return MarkdownExporter.export(tables, language: language)
        case .json: return JSONExporter.export(tables, language: language)
        case .html: return HTMLReport.export(tables, title: title, language: language)
        }
    }
}
