import HarmoniModel

/// A hand-written recursive-descent parser for the Harmoni language.
///
/// It recovers at the next line (or the next attribute inside a block, or a `}` on the same line),
/// so one run reports every error it can find. Running out of input inside an open block or
/// bracket, after a binary operator or after `=` gives a diagnostic with
/// ``Diagnostic/isUnexpectedEnd`` set, which the REPL uses to ask for a continuation line
/// (``Diagnostic/needsContinuation(_:)``). An unterminated string is an ordinary error: strings
/// are one line.
public struct Parser {
    let file: SourceFile
    var tokens: [Token]
    var index = 0
    /// Depth of open `(` and `[`; newlines inside them are ignored.
    var nesting = 0
    /// Depth of expression recursion, capped so hostile input cannot overflow the stack.
    var depth = 0
    /// Operators folded into the expression being parsed (its tree's extra depth), capped too.
    var terms = 0
    var diagnostics: [Diagnostic] = []
    /// Comments skipped inside `(` … `)` and `[` … `]`, which the canonical one-line form of an
    /// expression has no place for: they move above the statement or attribute they were in.
    var bracketComments: [String] = []

    /// The deepest expression nesting accepted.
    public static let maximumDepth = 200

    /// The most binary operators along one path of an expression tree (a flat sum of 500 terms).
    public static let maximumTerms = 500

    /// The most diagnostics one parse reports; the rest are summed up in a last one.
    public static let maximumDiagnostics = 1_000

    /// Parses a whole file: lexing and parsing diagnostics together, in source order (at most
    /// ``maximumDiagnostics``, then one `too-many-errors`).
    public static func parse(_ file: SourceFile) -> (unit: SourceUnit, diagnostics: [Diagnostic]) {
        let (tokens, lexDiagnostics) = Lexer.tokenize(file)
        var parser = Parser(file: file, tokens: tokens)
        let unit = parser.parseUnit()
        var all = (lexDiagnostics + parser.diagnostics).enumerated().sorted {
            ($0.element.range.start, $0.offset) < ($1.element.range.start, $1.offset)
        }.map(\.element)
        if all.count > maximumDiagnostics {
            let first = all[maximumDiagnostics]
            all.removeSubrange(maximumDiagnostics...)
            all.append(Diagnostic(.error, .tooManyErrors(maximumDiagnostics), file: file.name, range: .at(first.range.start)))
        }
        return (unit, all)
    }

    private init(file: SourceFile, tokens: [Token]) {
        self.file = file
        self.tokens = tokens
    }

    // MARK: - Token access

    /// The current token, read in place (a copy would retain its text for every look at its kind).
    var current: Token {
        _read { yield tokens[currentIndex] }
    }

    /// Where ``current`` is: the next token, skipping line breaks and comments inside brackets.
    var currentIndex: Int {
        if nesting > 0 {
            var i = index
            while i < tokens.count - 1, isSkippableInsideBrackets(tokens[i].kind) { i += 1 }
            return i
        }
        return min(index, tokens.count - 1)
    }

    func isSkippableInsideBrackets(_ kind: TokenKind) -> Bool {
        switch kind {
        case .newline, .comment: return true
        default: return false
        }
    }

    /// Moves past the current token; returns its range (the token itself is read through
    /// ``current`` before advancing: copying it would retain its text).
    @discardableResult
    mutating func advance() -> SourceRange {
        if nesting > 0 {
            while index < tokens.count - 1, isSkippableInsideBrackets(tokens[index].kind) {
                if case .comment(let text) = tokens[index].kind { bracketComments.append(text) }
                index += 1
            }
        }
        let range = tokens[min(index, tokens.count - 1)].range
        if index < tokens.count - 1 { index += 1 }
        return range
    }

    /// The kind of the token `ahead` tokens after the current one; inside brackets, line breaks
    /// and comments are skipped as ``current`` skips them.
    func peekKind(_ ahead: Int) -> TokenKind {
        var i = index
        var remaining = ahead
        while true {
            if nesting > 0 {
                while i < tokens.count - 1, isSkippableInsideBrackets(tokens[i].kind) { i += 1 }
            }
            if remaining == 0 || i >= tokens.count - 1 { return tokens[min(i, tokens.count - 1)].kind }
            i += 1
            remaining -= 1
        }
    }

    var atEnd: Bool {
        if case .endOfFile = current.kind { return true }
        return false
    }

    var atLineEnd: Bool {
        switch current.kind {
        case .newline, .endOfFile, .comment: return true
        default: return false
        }
    }

    mutating func skipNewlines() {
        while case .newline = current.kind { advance() }
    }

    // MARK: - Errors

    mutating func error(_ message: DiagnosticMessage, _ range: SourceRange, notes: [DiagnosticNote] = []) {
        guard diagnostics.count <= Parser.maximumDiagnostics else { return }
        diagnostics.append(Diagnostic(.error, message, file: file.name, range: range, notes: notes))
    }

    /// Where "the end of the input" is shown: just after the last token that is not a line break
    /// or comment (the caret then stands on a line with text, not on an empty last line).
    var endOfInput: SourceRange {
        var i = tokens.count - 1
        while i > 0 {
            i -= 1
            switch tokens[i].kind {
            case .newline, .comment: continue
            default: return .at(tokens[i].range.end)
            }
        }
        return .at(0)
    }

    /// Reports "expected X, found Y", or "unexpected end" at the end of input.
    mutating func expected(_ nb: String, _ en: String, notes: [DiagnosticNote] = []) {
        let token = current
        if case .endOfFile = token.kind {
            diagnostics.append(
                Diagnostic(
                    .error, .expected(nb, en, found: TokenKind.endOfFile), file: file.name, range: endOfInput,
                    notes: notes, isUnexpectedEnd: true))
        } else if case .invalid = token.kind {
            // The lexer already reported this token.
        } else {
            error(.expected(nb, en, found: token.kind), token.range, notes: notes)
        }
    }

    /// Skips to the end of the current line (leaving the newline), at bracket depth zero; inside a
    /// block, also stops before a `}` so that the block still closes.
    mutating func recoverToLineEnd(stoppingAtBrace: Bool = false) {
        nesting = 0
        depth = 0
        terms = 0
        bracketComments = []
        while !atEnd {
            switch current.kind {
            case .newline: return
            case .rightBrace where stoppingAtBrace: return
            default: advance()
            }
        }
    }

    // MARK: - Statements

    mutating func parseUnit() -> SourceUnit {
        var statements: [Statement] = []
        while true {
            let trivia = parseLeadingTrivia()
            if atEnd { return SourceUnit(statements: statements, trailingComments: trivia.leadingComments) }
            if let statement = parseStatement(trivia) {
                statements.append(statement)
            } else if case .newline = current.kind {
                advance()
            }
        }
    }

    /// Reads blank lines and whole-line comments before a statement or attribute.
    ///
    /// The newline ending the previous line has already been consumed, so every newline token
    /// here is a blank line. Blank lines between comments are kept as empty comment lines.
    mutating func parseLeadingTrivia() -> Trivia {
        var trivia = Trivia()
        var pendingBlank = false
        while true {
            switch current.kind {
            case .newline:
                pendingBlank = true
                advance()
            case .comment(let text):
                if pendingBlank { noteBlank(&trivia) }
                pendingBlank = false
                trivia.leadingComments.append(text)
                advance()
                if case .newline = current.kind { advance() }
            default:
                if pendingBlank { noteBlank(&trivia) }
                return trivia
            }
        }
    }

    func noteBlank(_ trivia: inout Trivia) {
        if trivia.leadingComments.isEmpty {
            trivia.blankLineBefore = true
        } else {
            trivia.leadingComments.append(Trivia.blankLine)
        }
    }

    mutating func parseStatement(_ trivia: Trivia) -> Statement? {
        let start = current.range.start
        guard case .identifier(let keyword) = current.kind else {
            expected("en setning (f.eks. «fee …» eller «show …»)", "a statement (e.g. «fee …» or «show …»)")
            advance()
            recoverToLineEnd()
            return nil
        }
        var statement: Statement
        if case .leftBrace = peekKind(1) {
            // `fee {`: a block without an id. Report it once and skip its body, rather than
            // taking every line of the body for a statement of its own.
            advance()
            expected("et navn (id) etter «\(keyword)»", "a name (id) after «\(keyword)»")
            skipBlockBody()
            return nil
        }
        if isBlockHeader() {
            guard let block = parseBlock() else { return nil }
            statement = Statement(kind: .block(block), trivia: trivia, range: SourceRange(start, block.bodyRange.end))
            // A block left open (reported) ends before the next block's header: no line end to read.
            guard index > 0, case .rightBrace = tokens[index - 1].kind else { return statement }
        } else if keyword == "let", case .identifier = peekKind(1) {
            advance()
            let nameToken = current
            advance()
            guard case .identifier(let name) = nameToken.kind else { return nil }
            guard case .equals = current.kind else {
                expected("«=» etter navnet", "«=» after the name")
                recoverToLineEnd()
                return nil
            }
            advance()
            guard let value = parseExpressionSkippingNewlines() else {
                recoverToLineEnd()
                return nil
            }
            statement = Statement(
                kind: .binding(name: Identifier(name, nameToken.range), value: value), trivia: trivia,
                range: SourceRange(start, value.range.end))
        } else {
            guard let command = parseCommand() else {
                recoverToLineEnd()
                return nil
            }
            let end = command.words.last?.range.end ?? command.keyword.range.end
            statement = Statement(kind: .command(command), trivia: trivia, range: SourceRange(start, end))
        }
        statement.trivia.leadingComments += bracketComments
        bracketComments = []
        statement.trivia.trailingComment = parseLineEnd()
        return statement
    }

    /// Expects the end of a line; returns a trailing comment if there is one.
    mutating func parseLineEnd() -> String? {
        var comment: String?
        if case .comment(let text) = current.kind {
            comment = text
            advance()
        }
        switch current.kind {
        case .newline: advance()
        case .endOfFile: break
        default:
            expected("linjeskift", "end of line")
            recoverToLineEnd()
            if case .newline = current.kind { advance() }
        }
        return comment
    }

    mutating func parseCommand() -> Command? {
        let keywordToken = current
        advance()
        guard case .identifier(let keyword) = keywordToken.kind else { return nil }
        var words: [Word] = []
        while !atLineEnd {
            if case .equals = current.kind {
                words.append(.equals(advance()))
                continue
            }
            guard let expression = parseExpression() else { return nil }
            words.append(.expression(expression))
        }
        return Command(keyword: Identifier(keyword, keywordToken.range), words: words)
    }
}
