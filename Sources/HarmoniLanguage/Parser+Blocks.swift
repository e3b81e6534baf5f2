import HarmoniModel

/// Blocks: `kind id { attribute = value … }`.
extension Parser {
    /// `identifier path {` on the current line.
    func isBlockHeader() -> Bool {
        guard case .identifier = peekKind(0), case .identifier = peekKind(1) else { return false }
        var i = 2
        while case .dot = peekKind(i) {
            switch peekKind(i + 1) {
            case .identifier, .star: i += 2
            default: return false
            }
        }
        if case .leftBrace = peekKind(i) { return true }
        return false
    }

    /// Parses a block whose header ``isBlockHeader()`` has checked.
    ///
    /// A line that cannot be read is reported, skipped up to the line end or a `}` on it, and
    /// marks the block ``Block/containsErrors``. A block still open at the next block header is
    /// reported at its own header; one still open at the end of the input is unexpected-end.
    mutating func parseBlock() -> Block? {
        let kindToken = current
        advance()
        guard case .identifier(let kindName) = kindToken.kind, let id = parsePath() else { return nil }
        let open = advance()  // `{`, checked by isBlockHeader
        var block = Block(
            kind: Identifier(kindName, kindToken.range), id: id, attributes: [], closingComments: [],
            bodyRange: open)
        if case .comment(let text) = current.kind {
            block.openingComment = text
            advance()
        }
        if case .newline = current.kind { advance() }
        while true {
            let trivia = parseLeadingTrivia()
            switch current.kind {
            case .rightBrace:
                let close = advance()
                block.closingComments = trivia.leadingComments
                block.bodyRange = SourceRange(open.start, close.end)
                return block
            case .endOfFile:
                diagnostics.append(
                    Diagnostic(
                        .error, .unterminatedBlock, file: file.name, range: endOfInput,
                        notes: [DiagnosticNote(.blockOpenedHere, range: kindToken.range.union(open))],
                        isUnexpectedEnd: true))
                block.closingComments = trivia.leadingComments
                block.bodyRange = SourceRange(open.start, current.range.end)
                block.containsErrors = true
                return block
            default:
                if isBlockHeader() {
                    // The closing brace was forgotten and the next block starts: end this one here.
                    error(.unterminatedBlock, kindToken.range.union(open))
                    block.bodyRange = SourceRange(open.start, current.range.start)
                    return block
                }
                let lineStart = current.kind
                if let attribute = parseAttributeLine(trivia) {
                    block.attributes.append(attribute)
                } else {
                    if case .identifier(let name) = lineStart {
                        block.unreadableFields.append(name)
                    } else {
                        block.containsErrors = true
                    }
                    recoverToLineEnd(stoppingAtBrace: true)
                    if case .newline = current.kind { advance() }
                }
            }
        }
    }

    /// Skips from `{` to the matching `}` (or the next block header, or the end), reporting nothing.
    mutating func skipBlockBody() {
        advance()  // {
        while !atEnd, !isBlockHeader() {
            if case .rightBrace = current.kind {
                advance()
                return
            }
            recoverToLineEnd(stoppingAtBrace: true)
            if case .newline = current.kind { advance() }
        }
    }

    /// An attribute with its trailing comment and line end (a `}` may follow on the same line).
    private mutating func parseAttributeLine(_ trivia: Trivia) -> Attribute? {
        guard var attribute = parseAttribute(trivia) else { return nil }
        if case .comment(let text) = current.kind {
            attribute.trivia.trailingComment = text
            advance()
        }
        switch current.kind {
        case .newline:
            advance()
        case .rightBrace, .endOfFile:
            break
        default:
            expected("linjeskift etter verdien", "end of line after the value")
            return nil
        }
        return attribute
    }

    private mutating func parseAttribute(_ trivia: Trivia) -> Attribute? {
        guard case .identifier(let name) = current.kind else {
            expected("et feltnavn eller «}»", "a field name or «}»")
            if case .invalid = current.kind {} else { advance() }
            return nil
        }
        let nameRange = advance()
        guard case .equals = current.kind else {
            expected("«=» etter «\(name)»", "«=» after «\(name)»")
            return nil
        }
        advance()
        guard let value = parseExpressionSkippingNewlines() else { return nil }
        if case .identifier = current.kind, isBareNumber(value) {
            // `2 990 kr/uke`, `11 måneder`: a word glued to a number is a unit the lexer does not know.
            let word = wordRange(from: current.range.start)
            error(.unknownUnit(file.slice(word), Unit.allCases.map(\.symbol)), word)
            return nil
        }
        var attribute = Attribute(name: Identifier(name, nameRange), value: value, trivia: trivia)
        attribute.trivia.leadingComments += bracketComments
        bracketComments = []
        return attribute
    }

    /// A number without unit, possibly negated.
    private func isBareNumber(_ e: Expression) -> Bool {
        switch e.kind {
        case .number(_, let unit, _): return unit == nil
        case .unary(.negate, let inner): return isBareNumber(inner)
        default: return false
        }
    }

    /// The range of the text from `start` up to the next space, line end, comment or closing bracket.
    private func wordRange(from start: Int) -> SourceRange {
        let stops: Set<UInt8> = [32, 9, 10, 13, UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: ")"),
            UInt8(ascii: "]"), UInt8(ascii: "}")]
        var end = start
        while end < file.bytes.count, !stops.contains(file.bytes[end]) { end += 1 }
        return SourceRange(start, end)
    }
}
