/// A problem in the shape of a command, at the word that is wrong.
public struct CommandSyntaxError: Error, Sendable {
    /// What is wrong, in Norwegian and English.
    public var message: DiagnosticMessage
    /// Where.
    public var range: SourceRange

    /// An error at `range`.
    public init(_ message: DiagnosticMessage, _ range: SourceRange) {
        self.message = message
        self.range = range
    }
}

/// A keyword as written (`til`, `to`), with its canonical English form from ``Vocabulary``.
public struct Keyword: Sendable, Hashable {
    /// The spelling in the source (kept by `fmt`).
    public var spelling: String
    /// Where it was written.
    public var range: SourceRange
    /// The canonical word (`til` → `to`).
    public var canonical: String { Vocabulary.canonical(spelling) }

    /// A keyword.
    public init(_ spelling: String, _ range: SourceRange) {
        self.spelling = spelling
        self.range = range
    }
}

/// The words of a command, read one by one as WasmKit's WAT parser reads tokens (`takeKeyword`,
/// `expectKeyword`, `peekKeyword`), each problem a ``CommandSyntaxError`` at the word.
///
/// The parser reads a command's words as expressions, so `by -5 %` arrives as the subtraction
/// `by - 5 %` and `by (5 %)` as a call `by(5 %)`. The reader splits such words back into the
/// keyword and its value; keywords are compared in canonical form (``Vocabulary``), so `til` is
/// `to`.
public struct CommandReader {
    /// One word after splitting: a bare name (a keyword or a name), a value, or `=`.
    public enum Item: Sendable {
        case name(Identifier)
        case value(Expression)
        case equals(SourceRange)

        /// Where the word was written.
        public var range: SourceRange {
            switch self {
            case .name(let id): return id.range
            case .value(let e): return e.range
            case .equals(let r): return r
            }
        }
    }

    /// Keywords a value may be glued to by the parser (canonical forms; their Norwegian
    /// spellings in ``Vocabulary`` are glued the same way).
    public static let gluedKeywords: Set<String> = ["to", "by", "in", "from", "over", "path", "round"]

    /// The command read.
    public let command: Command
    /// The file it is in (for the words quoted in messages).
    public let file: SourceFile
    /// The words after splitting.
    public private(set) var items: [Item] = []
    /// The next word's index in ``items``.
    public private(set) var index = 0

    /// A reader of `command`'s words after the first `skipping`.
    public init(_ command: Command, file: SourceFile, skipping: Int = 0) {
        self.command = command
        self.file = file
        for word in command.words.dropFirst(skipping) {
            switch word {
            case .equals(let range): items.append(.equals(range))
            case .expression(let e): items += Self.split(e)
            }
        }
    }

    /// A word split into keyword and value where the parser glued them.
    public static func split(_ e: Expression) -> [Item] {
        switch e.kind {
        case .path(let p) where p.parts.count == 1 && !p.wildcard:
            return [.name(p.parts[0])]
        case .binary(.subtract, let left, let right):
            if case .path(let p) = left.kind, p.parts.count == 1, !p.wildcard,
                gluedKeywords.contains(Vocabulary.canonical(p.parts[0].name))
            {
                let negated = Expression(.unary(.negate, right), SourceRange(p.range.end, right.range.end))
                return [.name(p.parts[0]), .value(negated)]
            }
        case .call(let name, let arguments)
        where arguments.count == 1 && gluedKeywords.contains(Vocabulary.canonical(name.name)):
            return [.name(name), .value(arguments[0])]
        default: break
        }
        return [.value(e)]
    }

    /// True when every word is read.
    public var atEnd: Bool { index >= items.count }

    /// The range to point at: the next word, or just after the last.
    public var here: SourceRange {
        if index < items.count { return items[index].range }
        let end = command.words.last?.range.end ?? command.keyword.range.end
        return .at(end)
    }

    /// The next word as a canonical keyword, without consuming it.
    public func peekKeyword() -> String? {
        guard index < items.count, case .name(let id) = items[index] else { return nil }
        return Vocabulary.canonical(id.name)
    }

    /// The next word as written, if it is a bare name.
    public func peekName() -> Identifier? {
        guard index < items.count, case .name(let id) = items[index] else { return nil }
        return id
    }

    /// Consumes the next word if it is one of `keywords` (canonical forms).
    public mutating func takeKeyword(_ keywords: String...) -> Keyword? {
        guard let id = peekName(), keywords.contains(Vocabulary.canonical(id.name)) else { return nil }
        index += 1
        return Keyword(id.name, id.range)
    }

    /// Consumes the next word, which must be one of `keywords`.
    public mutating func expectKeyword(_ keywords: String...) throws(CommandSyntaxError) -> Keyword {
        guard let id = peekName(), keywords.contains(Vocabulary.canonical(id.name)) else {
            let list = keywords.map { "«\($0)»" }
            throw expected(Self.or(list, nb: true), Self.or(list, nb: false))
        }
        index += 1
        return Keyword(id.name, id.range)
    }

    /// True when the next word is `=`.
    public var nextIsEquals: Bool {
        guard index < items.count, case .equals = items[index] else { return false }
        return true
    }

    /// Consumes `=`.
    public mutating func expectEquals() throws(CommandSyntaxError) -> SourceRange {
        guard index < items.count, case .equals(let range) = items[index] else { throw expected("«=»", "«=»") }
        index += 1
        return range
    }

    /// Consumes the next word as a value (a bare name becomes a path expression).
    public mutating func expectValue(_ what: (nb: String, en: String)) throws(CommandSyntaxError) -> Expression {
        guard index < items.count else { throw expected(what.nb, what.en) }
        switch items[index] {
        case .value(let e):
            index += 1
            return e
        case .name(let id):
            index += 1
            return Expression(.path(Path(parts: [id], wildcard: false, range: id.range)), id.range)
        case .equals: throw expected(what.nb, what.en)
        }
    }

    /// Consumes the next word as a name or path (`sfo.*`, `asker.sfo.plass_5d`, `oppvekst`).
    public mutating func expectPath() throws(CommandSyntaxError) -> Path {
        let what = ("et navn (f.eks. «sfo.*»)", "a name (e.g. «sfo.*»)")
        let e = try expectValue(what)
        guard case .path(let p) = e.kind else {
            throw CommandSyntaxError(.expected(what.0, what.1, found: "«\(file.slice(e.range))»"), e.range)
        }
        return p
    }

    /// Throws unless every word is read.
    public func expectEnd(_ expected: (nb: String, en: String) = ("slutten av setningen", "the end of the statement"))
        throws(CommandSyntaxError)
    {
        guard atEnd else { throw self.expected(expected.nb, expected.en) }
    }

    /// "expected …, found <the next word>" at the next word.
    public func expected(_ nb: String, _ en: String) -> CommandSyntaxError {
        let message: DiagnosticMessage
        if index < items.count {
            message = .expected(nb, en, found: "«\(file.slice(items[index].range))»")
        } else {
            message = DiagnosticMessage(
                code: "unexpected-token", nb: "forventet \(nb), fant slutten av setningen",
                en: "expected \(en), found the end of the statement")
        }
        return CommandSyntaxError(message, here)
    }

    /// «a», «b» eller «c» / «a», «b» or «c».
    static func or(_ words: [String], nb: Bool) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + (nb ? " eller " : " or ") + words[words.count - 1]
    }
}
