/// A file format tables can be exported to.
public enum ExportFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// Semicolon-separated values for Excel in Norwegian locale (UTF-8 with BOM, decimal comma).
    case csv
    /// GitHub-flavoured Markdown tables.
    case markdown = "md"
    /// JSON with sorted keys; the schema is in `docs/json-schema.md`.
    case json
    /// A self-contained, printable HTML report with inline CSS and SVG charts.
    case html
    /// An Office Open XML workbook for Excel and LibreOffice Calc (binary; see ``Workbook``).
    case xlsx

    /// The format for a name as users write it: `csv`, `md`/`markdown`, `json`, `html`/`htm`.
    public init?(name: String) {
        switch name.lowercased() {
        case "csv": self = .csv
        case "md", "markdown": self = .markdown
        case "json": self = .json
        case "html", "htm": self = .html
        case "xlsx": self = .xlsx
        default: return nil
        }
    }

    /// The format a file name's extension implies (`ut/budsjett.csv` → CSV), if any.
    public init?(fileName: String) {
        let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(name: String(name[name.index(after: dot)...]))
    }

    /// The usual file extension, without the dot.
    public var fileExtension: String { rawValue }

    /// The names accepted by ``init(name:)``, for help texts and error messages.
    public static let names = ["csv", "md", "json", "html", "xlsx"]

    /// True for formats whose files are bytes rather than text (`xlsx`): write ``Exporter/data(_:as:title:language:)``.
    public var isBinary: Bool { self == .xlsx }
}
