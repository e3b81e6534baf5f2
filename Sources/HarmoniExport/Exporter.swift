import HarmoniReport

/// One entry point for every format: tables in, text or bytes out. File I/O belongs to the caller.
public enum Exporter {
    /// The tables as text in `format`. `title` heads the HTML report (other formats use each
    /// table's own title). For `xlsx`, whose file is binary, the text is the XML of its sheets one
    /// after the other (what golden files compare); write ``data(_:as:title:language:)`` to a file.
    public static func export(
        _ tables: [Table], as format: ExportFormat, title: String = "Harmoni", language: DisplayLanguageTag = .nb
    ) -> String {
        switch format {
        case .csv: return CSVExporter.export(tables, language: language)
        case .markdown: return MarkdownExporter.export(tables, language: language)
        case .json: return JSONExporter.export(tables, language: language)
        case .html: return HTMLReport.export(tables, title: title, language: language)
        case .xlsx:
            let workbook = Workbook(tables: tables, language: language)
            return workbook.sheets.indices.map { workbook.sheetXML($0) }.joined()
        }
    }

    /// The bytes of the file in `format`: the `.xlsx` archive, or the text as UTF-8.
    public static func data(
        _ tables: [Table], as format: ExportFormat, title: String = "Harmoni", language: DisplayLanguageTag = .nb
    ) -> [UInt8] {
        if format == .xlsx { return Workbook(tables: tables, language: language).xlsx() }
        return Array(export(tables, as: format, title: title, language: language).utf8)
    }
}
