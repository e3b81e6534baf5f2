/// A range-free S-expression of a syntax tree, for tests: two trees that print the same dump are
/// the same tree apart from where they were read. Comments and blank lines are included.
extension SourceUnit {
    /// One line per statement.
    public func dump() -> String { dump(includingLayout: true) }

    /// One line per statement; without layout, blank lines are left out (the formatter decides
    /// those), so `parse(format(x))` and `parse(x)` dump the same for every `x` that parses.
    public func dump(includingLayout layout: Bool) -> String {
        let comments = Trivia.comments(trailingComments, layout: layout)
        return statements.map { $0.dump(includingLayout: layout) }.joined(separator: "\n")
            + (comments.isEmpty ? "" : "\n(comments \(comments))")
    }
}

extension Trivia {
    /// The trivia as text: `blank `, leading comments, trailing comment.
    func dump(layout: Bool) -> String {
        "\(layout && blankLineBefore ? "blank " : "")\(Trivia.comments(leadingComments, layout: layout))\(trailingComment ?? "")"
    }

    /// Comment lines, without blank-line markers unless `layout`.
    static func comments(_ lines: [String], layout: Bool) -> [String] {
        layout ? lines : lines.filter { $0 != Trivia.blankLine }
    }
}

extension Statement {
    /// The statement as an S-expression.
    public func dump() -> String { dump(includingLayout: true) }

    /// The statement as an S-expression, with or without blank lines.
    public func dump(includingLayout layout: Bool) -> String {
        let trivia = self.trivia.dump(layout: layout)
        switch kind {
        case .block(let block):
            let attributes = block.attributes.map { a in "(\(a.name.name) \(a.value.dump()) \(a.trivia.dump(layout: layout)))" }
            let opening = block.openingComment.map { " (opening \(Formatter.quote($0)))" } ?? ""
            let closing = Trivia.comments(block.closingComments, layout: layout)
            return "(block \(block.kind.name) \(block.id.text)\(opening) \(attributes.joined(separator: " ")) \(closing) \(trivia))"
        case .binding(let name, let value): return "(let \(name.name) \(value.dump()) \(trivia))"
        case .command(let command):
            // The words as the command grammar reads them (a glued `by - 5 %` is `by` and `-5 %`),
            // so `fmt`, which prints them apart, keeps the tree.
            let words = command.words.flatMap { word -> [String] in
                switch word {
                case .expression(let e):
                    return CommandReader.split(e).map { item in
                        switch item {
                        case .name(let id): return "(path \(id.name))"
                        case .value(let e): return e.dump()
                        case .equals: return "="
                        }
                    }
                case .equals: return ["="]
                }
            }
            return "(command \(command.keyword.name) \(words.joined(separator: " ")) \(trivia))"
        }
    }
}

extension Expression {
    /// The expression as an S-expression.
    public func dump() -> String {
        switch kind {
        case .number(let value, let unit, _): return "(num \(value.significand)e-\(value.scale) \(unit?.symbol ?? "-"))"
        case .string(let text): return "(str \(Formatter.quote(text)))"
        case .date(let date): return "(date \(date))"
        case .path(let path): return "(path \(path.text))"
        case .range(let from, let to): return "(range \(from?.dump() ?? "nil") \(to?.dump() ?? "nil"))"
        case .unary(let op, let operand): return "(\(op.rawValue) \(operand.dump()))"
        case .binary(let op, let left, let right): return "(\(op.rawValue) \(left.dump()) \(right.dump()))"
        case .call(let name, let arguments): return "(call \(name.name) \(arguments.map { $0.dump() }.joined(separator: " ")))"
        case .list(let items): return "(list \(items.map { $0.dump() }.joined(separator: " ")))"
        case .parenthesized(let inner): return "(paren \(inner.dump()))"
        }
    }
}
