/// Prints diagnostics as `file:line:col: feil: message`, the source line and a caret under the range.
///
/// ```
/// scenarios/hp2020.harmoni:3:11: feil: ukjent tjeneste «brannvesen»
///   3 | harmonise brannvesen.* to lowest
///     |           ^~~~~~~~~~
/// ```
public struct DiagnosticRenderer: Sendable {
    public var language: DisplayLanguage
    /// Wrap the severity label in ANSI colours (only on a terminal, never with `NO_COLOR`).
    public var colours: Bool

    public init(language: DisplayLanguage = .nb, colours: Bool = false) {
        self.language = language
        self.colours = colours
    }

    /// Renders one diagnostic with its notes; `file` must be the file the diagnostic names.
    public func render(_ diagnostic: Diagnostic, in file: SourceFile?) -> String {
        var out = header(diagnostic.severity, diagnostic.message, diagnostic.fileName, diagnostic.range, file)
        if let file { out += excerpt(diagnostic.range, file) }
        for note in diagnostic.notes {
            out += header(.note, note.message, diagnostic.fileName, note.range, file)
            if let file { out += excerpt(note.range, file) }
        }
        return out
    }

    /// Renders several diagnostics, looking each file up by name.
    public func render(_ diagnostics: [Diagnostic], files: [String: SourceFile]) -> String {
        diagnostics.map { render($0, in: files[$0.fileName]) }.joined()
    }

    private func header(
        _ severity: Severity, _ message: DiagnosticMessage, _ name: String, _ range: SourceRange, _ file: SourceFile?
    ) -> String {
        var label = severity.label(language)
        if colours {
            let code = severity == .error ? "31" : severity == .warning ? "33" : "36"
            label = "\u{1B}[1;\(code)m\(label)\u{1B}[0m"
        }
        guard let file else { return "\(name): \(label): \(message.text(language))\n" }
        let (line, column) = file.location(of: range.start)
        return "\(name):\(line):\(column): \(label): \(message.text(language))\n"
    }

    private func excerpt(_ range: SourceRange, _ file: SourceFile) -> String {
        let (line, column) = file.location(of: range.start)
        var text = file.lineText(line)
        // Very long lines are cut around the column so the caret stays on screen.
        var caretColumn = column
        let chars = Array(text)
        if chars.count > 200 {
            let from = max(0, column - 80)
            let to = min(chars.count, from + 160)
            text = (from > 0 ? "…" : "") + String(chars[from..<to]) + (to < chars.count ? "…" : "")
            caretColumn = column - from + (from > 0 ? 1 : 0)
        }
        text = String(text.map { $0.isASCII && ($0.asciiValue ?? 32) < 32 && $0 != "\t" ? "�" : $0 })
        let (endLine, endColumn) = file.location(of: range.end)
        let width = endLine == line ? max(1, endColumn - column) : 1
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count)
        let prefix = String(text.prefix(max(0, caretColumn - 1)).map { $0 == "\t" ? "\t" : " " })
        let marker = "^" + String(repeating: "~", count: max(0, min(width, 120) - 1))
        return "  \(number) | \(text)\n  \(gutter) | \(prefix)\(marker)\n"
    }
}
