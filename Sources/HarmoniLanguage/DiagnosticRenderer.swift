/// Prints diagnostics as `file:line:col: feil: message`, the source line and a caret under the range.
///
/// ```
/// scenarios/hp2020.harmoni:3:11: feil: ukjent tjeneste «brannvesen»
///   3 | harmonise brannvesen.* to lowest
///     |           ^~~~~~~~~~
/// ```
public struct DiagnosticRenderer: Sendable {
    /// The language of labels and messages.
    public var language: DisplayLanguage
    /// Wrap the severity label in ANSI colours (only on a terminal, never with `NO_COLOR`).
    public var colours: Bool

    /// A renderer in a language, with or without ANSI colours.
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
        // A file name or a quoted word with a bidirectional or zero-width character is shown escaped.
        let name = InvisibleText.escaped(name)
        let text = InvisibleText.escaped(message.text(language))
        guard let file else { return "\(name): \(label): \(text)\n" }
        let (line, column) = file.location(of: range.start)
        return "\(name):\(line):\(column): \(label): \(text)\n"
    }

    private func excerpt(_ range: SourceRange, _ file: SourceFile) -> String {
        let bytes = file.bytes
        let (line, _) = file.location(of: range.start)
        let lineStart = file.lineStarts[line - 1]
        var lineEnd = line < file.lineStarts.count ? file.lineStarts[line] - 1 : bytes.count
        if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        let offset = min(max(range.start, lineStart), lineEnd)
        // Very long lines are cut around the column so the caret stays on screen: first a window
        // of bytes (cheap on a 10 MB line), then of characters.
        func isContinuation(_ i: Int) -> Bool { i < bytes.count && bytes[i] & 0xC0 == 0x80 }
        var from = lineStart
        var to = lineEnd
        if lineEnd - lineStart > 2_000 {
            from = max(lineStart, offset - 800)
            while from > lineStart, isContinuation(from) { from -= 1 }
            to = min(lineEnd, offset + 800)
            while to < lineEnd, isContinuation(to) { to += 1 }
        }
        let before = Array(String(decoding: bytes[from..<offset], as: UTF8.self))
        let after = Array(String(decoding: bytes[offset..<to], as: UTF8.self))
        let marked = Array(String(decoding: bytes[offset..<min(max(offset, range.end), to)], as: UTF8.self))
        var chars = before + after
        var caret = before.count
        var cutBefore = from > lineStart
        var cutAfter = to < lineEnd
        if chars.count > 200 {
            let start = max(0, caret - 80)
            let end = min(chars.count, start + 160)
            cutBefore = cutBefore || start > 0
            cutAfter = cutAfter || end < chars.count
            chars = Array(chars[start..<end])
            caret -= start
        }
        let shown = chars.map { Self.isInvisible($0) ? "�" : $0 }
        let text = (cutBefore ? "…" : "") + String(shown) + (cutAfter ? "…" : "")
        let prefix = (cutBefore ? " " : "") + String(shown.prefix(caret).map { $0 == "\t" ? "\t" : " " })
        let width = range.end <= lineEnd ? max(1, marked.count) : 1
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count)
        let marker = "^" + String(repeating: "~", count: max(0, min(width, 120) - 1))
        return "  \(number) | \(text)\n  \(gutter) | \(prefix)\(marker)\n"
    }

    /// Characters that would not show or would disturb the terminal: controls other than tab
    /// (C0, DEL, C1), bidirectional controls and zero-width characters are printed as `�`.
    static func isInvisible(_ character: Character) -> Bool {
        guard character != "\t" else { return false }
        return character.unicodeScalars.contains {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || InvisibleText.isInvisible($0)
        }
    }
}
