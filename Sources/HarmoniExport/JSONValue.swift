/// A JSON value, written by our own serializer: keys sorted, two-space indentation, `\n` line
/// endings, integers only (exact decimals travel as strings). Identical input gives identical bytes.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case string(String)
    case array([JSONValue])
    /// An object; its keys are written sorted by their UTF-8 bytes, whatever the dictionary's order.
    case object([String: JSONValue])

    /// The value as JSON text, pretty-printed, ending in a newline.
    public func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let n): out += String(n)
        case .string(let s): out += JSONValue.quote(s)
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                item.write(into: &out, indent: indent + 2)
                out += i < items.count - 1 ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{\n"
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (i, key) in keys.enumerated() {
                out += String(repeating: " ", count: indent + 2) + JSONValue.quote(key) + ": "
                members[key, default: .null].write(into: &out, indent: indent + 2)
                out += i < keys.count - 1 ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// A JSON string literal (the only escaping function of this format): `"` and `\` get a
    /// backslash, control characters are written `\n`, `\r`, `\t` or `\u00XX`, and U+2028/U+2029
    /// as `\u2028`/`\u2029`; everything else is written as UTF-8.
    public static func quote(_ text: String) -> String {
        let hex: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
        let escaped = text.replacingScalars { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            case "\u{2028}": return "\\u2028"
            case "\u{2029}": return "\\u2029"
            default:
                guard scalar.value < 0x20 else { return nil }
                return "\\u00" + String(hex[Int(scalar.value >> 4)]) + String(hex[Int(scalar.value & 0xF)])
            }
        }
        return "\"" + escaped + "\""
    }
}
