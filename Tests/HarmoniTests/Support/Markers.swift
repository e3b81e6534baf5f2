import Harmoni

/// A test source with location markers, after the idea of swift-syntax's `LocationMarkers`.
///
/// Write the source with emoji markers (`1️⃣` … `9️⃣`, `0️⃣`, `🔟`, `ℹ️`) where a diagnostic is
/// expected; ``init(_:name:)`` removes them and remembers the UTF-8 offset each marker stood at
/// in the clean text, so a test asserts `diagnostic.range.start == source["1️⃣"]` and the
/// rendered `file:line:col`:
///
/// ```swift
/// let source = MarkedSource("fee asker.sfo.x {\n  value = 1️⃣2.990,5 kr\n}")
/// #expect(diagnostic.range.start == source["1️⃣"])
/// #expect(source.location("1️⃣") == "<test>:2:11")
/// ```
struct MarkedSource {
    /// The text without markers.
    let text: String
    /// Byte offset in ``text`` of each marker.
    let offsets: [String: Int]
    /// The markers in the order they appear.
    let order: [String]
    /// The file name used for ``file`` and ``location(_:)``.
    let name: String

    static let markerCharacters: Set<Character> = [
        "0️⃣", "1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟", "ℹ️",
    ]

    init(_ marked: String, name: String = "<test>") {
        var text = ""
        var offsets: [String: Int] = [:]
        var order: [String] = []
        var byteCount = 0
        for character in marked {
            if Self.markerCharacters.contains(character) {
                let key = String(character)
                precondition(offsets[key] == nil, "marker \(key) used twice")
                offsets[key] = byteCount
                order.append(key)
            } else {
                text.append(character)
                byteCount += character.utf8.count
            }
        }
        self.text = text
        self.offsets = offsets
        self.order = order
        self.name = name
    }

    /// The byte offset of a marker; a missing marker is a mistake in the test.
    subscript(_ marker: String) -> Int {
        guard let offset = offsets[marker] else { preconditionFailure("no marker \(marker) in the test source") }
        return offset
    }

    /// The clean text as a source file.
    var file: SourceFile { SourceFile(name: name, text: text) }

    /// `name:line:col` of a marker, as the renderer prints it.
    func location(_ marker: String) -> String {
        let (line, column) = file.location(of: self[marker])
        return "\(name):\(line):\(column)"
    }

    /// Parses the clean text.
    func parse() -> (unit: SourceUnit, diagnostics: [Diagnostic]) { Parser.parse(file) }
}

extension Diagnostic {
    /// `file:line:col` of the diagnostic's start, as the renderer prints it.
    func location(in file: SourceFile) -> String {
        let (line, column) = file.location(of: range.start)
        return "\(fileName):\(line):\(column)"
    }
}
