/// Reads a CSV file as Excel or LibreOffice write it: UTF-8 (a byte-order mark is dropped),
/// `;`, `,` or tab between fields (the first line that has one decides), RFC 4180 quotes with
/// `""` inside, `\r\n` or `\n` line ends. Each record keeps the line it starts on (1-based).
enum DelimitedText {
    struct Record: Equatable {
        /// The line the record starts on.
        var line: Int
        var fields: [String]
    }

    static func separator(of text: Substring) -> Character {
        for line in text.split(separator: "\n", maxSplits: 20) {
            if line.contains(";") { return ";" }
            if line.contains("\t") { return "\t" }
            if line.contains(",") { return "," }
        }
        return ";"
    }

    static func records(_ text: String) -> [Record] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let separator = Self.separator(of: body)
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var start = 1
        var atFieldStart = true
        var iterator = body.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending {
                pending = nil
                return p
            }
            return iterator.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let after = next() {
                        if after == "\"" { field.unicodeScalars.append("\"") } else {
                            quoted = false
                            pending = after
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            if c == "\"" && atFieldStart {
                quoted = true
                atFieldStart = false
            } else if Character(c) == separator {
                fields.append(field)
                field = ""
                atFieldStart = true
            } else if c == "\r" {
                continue
            } else if c == "\n" {
                fields.append(field)
                records.append(Record(line: start, fields: fields))
                fields = []
                field = ""
                atFieldStart = true
                line += 1
                start = line
            } else {
                field.unicodeScalars.append(c)
                atFieldStart = false
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(Record(line: start, fields: fields))
        }
        return records
    }

    /// A text field as written by Harmoni's CSV export: the `'` that neutralises a formula is taken off.
    static func unneutralised(_ field: String) -> String {
        guard field.hasPrefix("'"), let second = field.dropFirst().first, "=+-@\t\r".contains(second) else { return field }
        return String(field.dropFirst())
    }
}
