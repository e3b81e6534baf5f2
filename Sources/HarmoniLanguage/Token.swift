import HarmoniModel

/// One token of the Harmoni language, with the byte range it was read from.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    public var range: SourceRange
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

    /// How the token is shown in "expected …, found …" messages.
    public var display: String {
        switch self {
        case .identifier(let name): return "«\(name)»"
        case .number(let n, let unit, _): return "«\(Quantity(n, unit))»"
        case .date(let d): return "«\(d)»"
        case .string: return "en tekst"
        case .comment: return "en kommentar"
        case .newline: return "linjeskift"
        case .dot: return "«.»"
        case .ellipsis: return "«...»"
        case .comma: return "«,»"
        case .equals: return "«=»"
        case .plus: return "«+»"
        case .minus: return "«-»"
        case .star: return "«*»"
        case .slash: return "«/»"
        case .less: return "«<»"
        case .lessEqual: return "«<=»"
        case .greater: return "«>»"
        case .greaterEqual: return "«>=»"
        case .equalEqual: return "«==»"
        case .notEqual: return "«!=»"
        case .leftParen: return "«(»"
        case .rightParen: return "«)»"
        case .leftBracket: return "«[»"
        case .rightBracket: return "«]»"
        case .leftBrace: return "«{»"
        case .rightBrace: return "«}»"
        case .invalid: return "ugyldig tegn"
        case .endOfFile: return "slutten av teksten"
        }
    }
}
