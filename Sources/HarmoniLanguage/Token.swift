import HarmoniModel

/// One token of the Harmoni language, with the byte range it was read from.
public struct Token: Sendable, Hashable {
    /// What the token is.
    public var kind: TokenKind
    /// The bytes it was read from.
    public var range: SourceRange
    /// A token of a kind at a range.
    public init(_ kind: TokenKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// What a token is.
public enum TokenKind: Sendable, Hashable {
    /// A name: `fee`, `asker`, `full_plass_5d`, `løs`.
    case identifier(String)
    /// A number with its optional unit; `grouped` tells whether thousands were space-grouped.
    case number(DecimalNumber, unit: Unit?, grouped: Bool)
    /// An ISO date `2019-08-01`.
    case date(CalendarDate)
    /// A string literal, unescaped.
    case string(String)
    /// A `#` comment, without the `#` and without leading space.
    case comment(String)
    case newline
    case dot
    /// `...`
    case ellipsis
    case comma
    case equals
    case plus
    case minus
    case star
    case slash
    case less
    case lessEqual
    case greater
    case greaterEqual
    case equalEqual
    case notEqual
    case leftParen
    case rightParen
    case leftBracket
    case rightBracket
    case leftBrace
    case rightBrace
    /// Input the lexer could not read; the diagnostic is already reported.
    case invalid
    case endOfFile

    /// How the token is shown in Norwegian "forventet …, fant …" messages.
    public var display: String { display(.nb) }

    /// How the token is shown in "expected …, found …" messages in a language.
    public func display(_ language: DisplayLanguage) -> String {
        let nb = language == .nb
        switch self {
        case .identifier(let name): return "«\(DiagnosticMessage.clip(name))»"
        case .number(let n, let unit, _): return "«\(DiagnosticMessage.clip(Quantity(n, unit).description))»"
        case .date(let d): return "«\(d)»"
        case .string: return nb ? "en tekst" : "a string"
        case .comment: return nb ? "en kommentar" : "a comment"
        case .newline: return nb ? "linjeskift" : "end of line"
        case .invalid: return nb ? "ugyldig tegn" : "an invalid character"
        case .endOfFile: return nb ? "slutten av teksten" : "the end of the input"
        default: return "«\(punctuation)»"
        }
    }

    /// The text of a punctuation or operator token; empty for the others.
    public var punctuation: String {
        switch self {
        case .dot: return "."
        case .ellipsis: return "..."
        case .comma: return ","
        case .equals: return "="
        case .plus: return "+"
        case .minus: return "-"
        case .star: return "*"
        case .slash: return "/"
        case .less: return "<"
        case .lessEqual: return "<="
        case .greater: return ">"
        case .greaterEqual: return ">="
        case .equalEqual: return "=="
        case .notEqual: return "!="
        case .leftParen: return "("
        case .rightParen: return ")"
        case .leftBracket: return "["
        case .rightBracket: return "]"
        case .leftBrace: return "{"
        case .rightBrace: return "}"
        case .identifier, .number, .date, .string, .comment, .newline, .invalid, .endOfFile: return ""
        }
    }
}
