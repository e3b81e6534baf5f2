/// Reads the words of a command one by one, with diagnostics at the word that is wrong.
///
/// Handlers use it like a tiny parser: `try words.expectKeyword("to")`, `try words.path()`.
public struct WordReader {
    public let command: Command
    public let context: StatementContext
    /// Index of the next word.
    public private(set) var index: Int

    public init(_ command: Command, _ context: StatementContext, skipping: Int = 0) {
        self.command = command
        self.context = context
        self.index = skipping
    }

    /// True when every word has been read.
    public var atEnd: Bool { index >= command.words.count }

    /// The next word without consuming it.
    public var peek: Word? { atEnd ? nil : command.words[index] }

    /// The range to point at when something is missing: the next word, or just after the last.
    public var here: SourceRange {
        if let word = peek { return word.range }
        let end = command.words.last?.range.end ?? command.keyword.range.end
        return .at(end)
    }

    /// The next word as a bare name, if it is one (without consuming it).
    public var peekName: String? {
        guard case .expression(let e)? = peek, case .path(let p) = e.kind, p.parts.count == 1, !p.wildcard else {
            return nil
        }
        return p.parts[0].name
    }

    /// Consumes the next word if it is one of `names`, or a spelling of one in ``Vocabulary``
    /// (`til` for `to`); returns which of `names` it is.
    public mutating func keyword(_ names: String...) -> String? {
        guard let name = peekName, let matched = Self.match(name, names) else { return nil }
        index += 1
        return matched
    }

    /// `name` itself if it is one of `names`, else its canonical form if that is one.
    static func match(_ name: String, _ names: [String]) -> String? {
        if names.contains(name) { return name }
        let canonical = Vocabulary.canonical(name)
        return names.contains(canonical) ? canonical : nil
    }

    /// Consumes one of `names` or throws "expected …".
    @discardableResult
    public mutating func expectKeyword(_ names: String...) throws(Diagnostic) -> String {
        if let name = peekName, let matched = Self.match(name, names) {
            index += 1
            return matched
        }
        let list = names.map { "«\($0)»" }.joined(separator: " / ")
        throw context.error(.expected(list, list, found: foundText), here)
    }

    /// Consumes a `=`.
    public mutating func expectEquals() throws(Diagnostic) {
        if case .equals? = peek {
            index += 1
            return
        }
        throw context.error(.expected("«=»", "«=»", found: foundText), here)
    }

    /// Consumes the next word as an expression.
    public mutating func expression() throws(Diagnostic) -> Expression {
        guard case .expression(let e)? = peek else {
            throw context.error(.expected("en verdi", "a value", found: foundText), here)
        }
        index += 1
        return e
    }

    /// Consumes the next word as a path (a name, `a.b.c` or `a.*`).
    public mutating func path() throws(Diagnostic) -> Path {
        guard case .expression(let e)? = peek, case .path(let p) = e.kind else {
            throw context.error(.expected("et navn (f.eks. «sfo.plass_5d»)", "a name (e.g. «sfo.plass_5d»)", found: foundText), here)
        }
        index += 1
        return p
    }

    /// Consumes the next word as a string literal.
    public mutating func string() throws(Diagnostic) -> (text: String, range: SourceRange) {
        guard case .expression(let e)? = peek, case .string(let s) = e.kind else {
            throw context.error(.expected("en tekst i anførselstegn", "a quoted string", found: foundText), here)
        }
        index += 1
        return (s, e.range)
    }

    /// Throws if words are left over.
    public func expectEnd() throws(Diagnostic) {
        guard atEnd else {
            throw context.error(.expected("slutten av setningen", "the end of the statement", found: foundText), here)
        }
    }

    private var foundText: String {
        guard let word = peek else { return "slutten av setningen" }
        return "«\(context.file.slice(word.range))»"
    }
}
