import HarmoniModel
import HarmoniReport

/// Exports tables as GitHub-flavoured Markdown: a `##` heading per table, a pipe table with
/// numeric columns right-aligned, then the footnotes, notes and sources.
///
/// Cells read as in the terminal (`2 990 kr`, `≈ 2 850 kr¹`, `3,1 %`, `mangler`): Markdown is for
/// people. All text goes through ``escape(_:)``.
public enum MarkdownExporter {
    /// The Markdown text of `tables`, ending in a newline.
    public static func export(_ tables: [Table], language: DisplayLanguageTag = .nb) -> String {
        tables.map { render($0, language: language) }.joined(separator: "\n")
    }

    /// Turns text into Markdown that shows exactly that text (the only escaping function of this
    /// format): line breaks (LF, CR, CRLF) become `<br>`; `\ ` * _ [ ] < > | ~ &` get a backslash,
    /// so no text can end a table cell, start a link or emphasis, or open an HTML tag. Text that
    /// starts a line (`atLineStart`: notes, list items) also gets a backslash before a leading
    /// `# - + =`, so it cannot start a heading or a list; inside a table cell `-1 520 kr` stays as is.
    ///
    /// A bare web address would become a link on GitHub (GFM's extended autolinks): the `:` of
    /// `://` and the `.` of `www.` get a backslash, which shows the same text and is no link.
    public static func escape(_ text: String, atLineStart: Bool = false) -> String {
        var out = ""
        var previous: Unicode.Scalar?
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            defer { previous = scalar }
            if scalar == ":", index + 2 < scalars.count, scalars[index + 1] == "/", scalars[index + 2] == "/" {
                out += "\\:"
                continue
            }
            if scalar == ".", index >= 3, scalars[(index - 3)..<index].map({ String($0).lowercased() }).joined() == "www" {
                out += "\\."
                continue
            }
            switch scalar {
            case "\n" where previous == "\r": continue
            case "\n", "\r": out += "<br>"
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "#", "-", "+", "=":
                if atLineStart && out.isEmpty { out += "\\" }
                out.unicodeScalars.append(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One table as Markdown.
    static func render(_ table: Table, language: DisplayLanguageTag) -> String {
        var out = ""
        if !table.title.isEmpty { out += "## " + escape(table.title) + "\n\n" }
        let rightAligned = table.columns.indices.map { i in
            table.columns[i].alignment == .right || ColumnUnit.of(column: i, in: table) != .none
        }
        out += "| " + table.columns.map { escape($0.heading) }.joined(separator: " | ") + " |\n"
        out += "|" + rightAligned.map { $0 ? " ---: |" : " :--- |" }.joined() + "\n"
        for row in table.rows {
            let cells = table.columns.indices.map { i in
                escape(TextTable.cellText(i < row.count ? row[i] : .empty, language: language))
            }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        if !table.footnotes.isEmpty || !table.notes.isEmpty { out += "\n" }
        for (i, note) in table.footnotes.enumerated() { out += "- \(TextTable.superscript(i + 1)) \(escape(note))\n" }
        if !table.notes.isEmpty {
            if !table.footnotes.isEmpty { out += "\n" }
            out += table.notes.map { escape($0, atLineStart: true) }.joined(separator: "<br>\n") + "\n"
        }
        if !table.sources.isEmpty {
            out += "\n" + (language == .nb ? "Kilder:" : "Sources:") + "\n\n"
            for source in table.sources { out += "- " + escape(source.citation, atLineStart: true) + "\n" }
        }
        return out
    }
}
