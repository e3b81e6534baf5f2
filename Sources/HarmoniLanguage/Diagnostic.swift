/// The language users read messages in: Norwegian bokmål by default, English on request.
public enum DisplayLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    case nb
    case en
}

/// A message in both languages, with a stable code tests and tools can match on.
public struct DiagnosticMessage: Sendable, Hashable, Codable {
    /// A stable machine-readable code: `unexpected-token`, `unknown-field`, …
    public var code: String
    /// Norwegian bokmål text.
    public var nb: String
    /// English text.
    public var en: String

    /// A message with a code and its two texts.
    public init(code: String, nb: String, en: String) {
        self.code = code
        self.nb = nb
        self.en = en
    }

    /// The text in a language.
    public func text(_ language: DisplayLanguage) -> String { language == .nb ? nb : en }
}

/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Codable {
    case error
    case warning
    case note

    /// The word printed before the message.
    public func label(_ language: DisplayLanguage) -> String {
        switch (self, language) {
        case (.error, .nb): return "feil"
        case (.error, .en): return "error"
        case (.warning, .nb): return "advarsel"
        case (.warning, .en): return "warning"
        case (.note, .nb): return "merk"
        case (.note, .en): return "note"
        }
    }
}

/// A problem found in a source file, at a byte range, as a value tests can compare.
///
/// A diagnostic knows the file's name but not its text; ``DiagnosticRenderer`` prints it with
/// the source line and a caret.
public struct Diagnostic: Error, Sendable, Hashable {
    /// Error, warning or note.
    public var severity: Severity
    /// What is wrong, in both languages.
    public var message: DiagnosticMessage
    /// The name of the file the range is in.
    public var fileName: String
    /// The bytes the diagnostic is about.
    public var range: SourceRange
    /// Further notes, each with its own range in the same file.
    public var notes: [DiagnosticNote]
    /// True when the input simply stopped too early (an open block or bracket, a dangling operator
    /// or `=`; not an open string, which is one line): the REPL then asks for a continuation line
    /// instead of reporting an error.
    public var isUnexpectedEnd: Bool

    /// A diagnostic in `file` at `range`.
    public init(
        _ severity: Severity = .error, _ message: DiagnosticMessage, file: String, range: SourceRange,
        notes: [DiagnosticNote] = [], isUnexpectedEnd: Bool = false
    ) {
        self.severity = severity
        self.message = message
        self.fileName = file
        self.range = range
        self.notes = notes
        self.isUnexpectedEnd = isUnexpectedEnd
    }
}

/// A secondary message attached to a diagnostic, e.g. "the block opened here".
public struct DiagnosticNote: Sendable, Hashable {
    /// What the note says.
    public var message: DiagnosticMessage
    /// The bytes it points at, in the diagnostic's file.
    public var range: SourceRange
    /// A note at a range.
    public init(_ message: DiagnosticMessage, range: SourceRange) {
        self.message = message
        self.range = range
    }
}

/// Collects diagnostics in the order they were found.
public struct DiagnosticBag: Sendable {
    /// The diagnostics, in the order they were appended.
    public private(set) var diagnostics: [Diagnostic] = []
    /// An empty bag.
    public init() {}
    /// Adds one diagnostic.
    public mutating func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    /// Adds several diagnostics in order.
    public mutating func append(contentsOf more: [Diagnostic]) { diagnostics.append(contentsOf: more) }
    /// True if any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension Diagnostic {
    /// True when there are diagnostics and every one is ``isUnexpectedEnd``: the input is
    /// incomplete rather than wrong, so a REPL should read a continuation line and parse again.
    /// One real error among them (an unterminated string, say) means: report, do not continue.
    public static func needsContinuation(_ diagnostics: [Diagnostic]) -> Bool {
        !diagnostics.isEmpty && diagnostics.allSatisfy(\.isUnexpectedEnd)
    }
}
