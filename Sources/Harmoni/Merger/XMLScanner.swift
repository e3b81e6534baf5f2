/// A small pull scanner for the XML parts of an `.xlsx` file: start and end tags with their
/// attributes, and character data with entities decoded. Namespace prefixes are dropped (`x:row`
/// is `row`, `r:id` is `id`); declarations, comments and processing instructions are skipped.
/// Not a validating parser: it reads what spreadsheet programs write, and fails on what it cannot.
struct XMLScanner {
    enum Event: Equatable {
        case open(String, [String: String], selfClosing: Bool)
        case close(String)
        case text(String)
    }

    struct Failure: Error, Equatable {
        var offset: Int
    }

    private let bytes: [UInt8]
    private var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The next event, or `nil` at the end.
    mutating func next() throws(Failure) -> Event? {
        while i < bytes.count {
            if bytes[i] != UInt8(ascii: "<") {
                let start = i
                while i < bytes.count, bytes[i] != UInt8(ascii: "<") { i += 1 }
                return .text(Self.decode(bytes[start..<i]))
            }
            if starts("<!--") {
                try skip(past: "-->")
                continue
            }
            if starts("<![CDATA[") {
                let start = i + 9
                try skip(past: "]]>")
                return .text(String(decoding: bytes[start..<(i - 3)], as: UTF8.self))
            }
            if starts("<?") || starts("<!") {
                try skip(past: ">")
                continue
            }
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "/") {
                i += 1
                let name = readName()
                try skip(past: ">")
                return .close(name)
            }
            let name = readName()
            var attributes: [String: String] = [:]
            while true {
                skipSpaces()
                guard i < bytes.count else { throw Failure(offset: i) }
                if bytes[i] == UInt8(ascii: ">") {
                    i += 1
                    return .open(name, attributes, selfClosing: false)
                }
                if bytes[i] == UInt8(ascii: "/") {
                    try skip(past: ">")
                    return .open(name, attributes, selfClosing: true)
                }
                let key = readName()
                guard !key.isEmpty else { throw Failure(offset: i) }
                skipSpaces()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { throw Failure(offset: i) }
                i += 1
                skipSpaces()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { throw Failure(offset: i) }
                let quote = bytes[i]
                i += 1
                let start = i
                while i < bytes.count, bytes[i] != quote { i += 1 }
                guard i < bytes.count else { throw Failure(offset: start) }
                attributes[key] = Self.decode(bytes[start..<i])
                i += 1
            }
        }
        return nil
    }

    private func starts(_ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        return prefix.withUTF8Buffer { p in (0..<count).allSatisfy { bytes[i + $0] == p[$0] } }
    }

    private mutating func skip(past terminator: StaticString) throws(Failure) {
        let count = terminator.utf8CodeUnitCount
        while i + count <= bytes.count {
            let found = terminator.withUTF8Buffer { p in (0..<count).allSatisfy { bytes[i + $0] == p[$0] } }
            i += 1
            if found {
                i += count - 1
                return
            }
        }
        throw Failure(offset: i)
    }

    private mutating func skipSpaces() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    }

    /// A tag or attribute name without its namespace prefix.
    private mutating func readName() -> String {
        let start = i
        var local = i
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=") {
                break
            }
            if b == UInt8(ascii: ":") { local = i + 1 }
            i += 1
        }
        let prefix = String(decoding: bytes[start..<i], as: UTF8.self)
        // `xmlns:r` keeps its prefix so a declaration never shadows an attribute.
        if prefix.hasPrefix("xmlns") { return prefix }
        return String(decoding: bytes[local..<i], as: UTF8.self)
    }

    /// Character data with the five named entities and numeric references decoded.
    static func decode(_ slice: ArraySlice<UInt8>) -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var p = slice.startIndex
        while p < slice.endIndex {
            guard slice[p] == UInt8(ascii: "&"), let semicolon = slice[p...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                out.append(slice[p])
                p += 1
                continue
            }
            let name = String(decoding: slice[(p + 1)..<semicolon], as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch name {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
                }
            }
            if let scalar {
                out += Array(String(scalar).utf8)
                p = semicolon + 1
            } else {
                out.append(slice[p])
                p += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
