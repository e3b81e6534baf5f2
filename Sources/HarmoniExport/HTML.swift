/// A piece of HTML or SVG built from nodes whose default is escaped text (the model of Plot).
///
/// Element and attribute names are `StaticString`s, so they can only come from this code, never
/// from data; text and attribute values are always escaped by ``HTML/escape(_:)`` when rendered.
/// Markup that is not escaped comes only from compile-time constants (``trusted(_:)``), which is
/// how the style sheet gets in.
public indirect enum HTMLNode: Sendable {
    /// An element with attributes (in the order given) and children.
    case element(StaticString, attributes: [HTMLAttribute], children: [HTMLNode])
    /// Text, escaped when rendered.
    case text(String)
    /// Markup written as is; only compile-time constants qualify.
    case trusted(StaticString)
    /// Several nodes in a row, without an element around them.
    case fragment([HTMLNode])
}

/// An attribute: a name from this code and a value that is escaped when rendered.
public struct HTMLAttribute: Sendable {
    /// The attribute's name (a constant of this code).
    public var name: StaticString
    /// The value, escaped when rendered.
    public var value: String
    public init(_ name: StaticString, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Rendering and escaping of ``HTMLNode``s.
public enum HTML {
    /// Escapes text for HTML and XML text and attribute values (the only escaping function of this
    /// format): `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`. Works on Unicode
    /// scalars, so a combining mark after `<` cannot hide it.
    /// The text with a real minus sign (U+2212) for every hyphen-minus that starts a number: a
    /// `-` before a digit that does not follow a letter or digit (`-11 594 188 kr`, `(-19 371 … 0)`,
    /// `≈ -998 065`); ranges and dates (`2020-2023`, `2019-01-01`) keep their hyphen. HTML and SVG
    /// only: terminal and CSV output keep ASCII `-` for tools.
    public static func typographicMinus(_ text: String) -> String {
        guard text.contains("-") else { return text }
        var out = ""
        var previous: Character?
        var characters = text.makeIterator()
        var next = characters.next()
        while let c = next {
            next = characters.next()
            if c == "-", let following = next, following.isASCII, following.isNumber,
                !(previous.map { $0.isLetter || $0.isNumber } ?? false)
            {
                out.append("\u{2212}")
            } else {
                out.append(c)
            }
            previous = c
        }
        return out
    }

    public static func escape(_ text: String) -> String {
        text.replacingScalars { scalar in
            switch scalar {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            case "'": return "&#39;"
            default: return nil
            }
        }
    }

    /// Shorthand for an element.
    public static func el(_ name: StaticString, _ attributes: [HTMLAttribute] = [], _ children: [HTMLNode] = []) -> HTMLNode {
        .element(name, attributes: attributes, children: children)
    }

    /// Shorthand for an element holding only text.
    public static func el(_ name: StaticString, _ attributes: [HTMLAttribute] = [], text: String) -> HTMLNode {
        .element(name, attributes: attributes, children: [.text(text)])
    }

    /// A link to `url` if it is an `http:` or `https:` address (never `javascript:` or `data:`),
    /// else the address as plain text.
    public static func link(_ url: String, text: String? = nil) -> HTMLNode {
        let lower = url.lowercased()
        let safe = (lower.hasPrefix("https://") || lower.hasPrefix("http://"))
            && !url.unicodeScalars.contains { $0.value < 0x21 || $0 == "\"" || $0 == "<" || $0 == ">" }
        guard safe else { return .text(text ?? url) }
        return el("a", [HTMLAttribute("href", url)], text: text ?? url)
    }

    /// The markup of `node`. Block elements start on new lines so output is readable and diffable.
    public static func render(_ node: HTMLNode) -> String {
        var out = ""
        write(node, into: &out)
        return out
    }

    /// Elements whose content starts on a new line.
    private static let blocks: Set<String> = [
        "html", "head", "body", "header", "section", "table", "thead", "tbody", "tr", "ul", "ol", "figure", "svg", "g",
        "nav", "div", "footer", "main",
    ]
    /// Elements followed by a new line.
    private static let lineEnding: Set<String> = [
        "p", "h1", "h2", "h3", "li", "th", "td", "caption", "meta", "title", "style", "rect", "line", "text",
        "figcaption", "desc",
    ]
    /// Elements that never have content or an end tag in HTML.
    private static let voids: Set<String> = ["meta", "br"]

    private static func write(_ node: HTMLNode, into out: inout String) {
        switch node {
        case .text(let text): out += escape(text)
        case .trusted(let markup): out += markup.description
        case .fragment(let nodes): for child in nodes { write(child, into: &out) }
        case .element(let staticName, let attributes, let children):
            let name = staticName.description
            out += "<" + name
            for attribute in attributes { out += " \(attribute.name)=\"\(escape(attribute.value))\"" }
            if voids.contains(name) {
                out += ">\n"
                return
            }
            out += ">"
            if blocks.contains(name) { out += "\n" }
            for child in children { write(child, into: &out) }
            out += "</" + name + ">"
            if blocks.contains(name) || lineEnding.contains(name) { out += "\n" }
        }
    }
}
