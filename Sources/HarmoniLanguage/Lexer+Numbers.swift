import HarmoniModel

/// Numbers in Norwegian form, their units, and ISO dates.
extension Lexer {
    // MARK: - Numbers and dates

    private func digitRun(from offset: Int) -> Int {
        var end = offset
        while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") { end += 1 }
        return end - offset
    }

    /// The value of `count` ASCII digits at `offset` (the caller has checked they are digits).
    private func digitValue(at offset: Int, count: Int) -> Int {
        var value = 0
        for i in offset..<(offset + count) { value = value * 10 + Int(bytes[i] &- UInt8(ascii: "0")) }
        return value
    }

    mutating func lexNumberOrDate() {
        let start = position
        let firstRun = digitRun(from: position)
        // A date: 4 digits, '-', 2 digits, '-', 2 digits.
        if firstRun == 4, peek(4) == UInt8(ascii: "-"), digitRun(from: position + 5) == 2,
            peek(7) == UInt8(ascii: "-"), digitRun(from: position + 8) == 2, digitRun(from: position + 10) == 0
        {
            position += 10
            // The digits are read in place (the same value `CalendarDate(iso:)` reads from the text).
            let date = CalendarDate(
                year: digitValue(at: start, count: 4), month: digitValue(at: start + 5, count: 2),
                day: digitValue(at: start + 8, count: 2))
            if let date {
                add(.date(date), start)
            } else {
                report(.invalidDate(String(decoding: bytes[start..<position], as: UTF8.self)), start, position)
                add(.invalid, start)
            }
            return
        }
        // The significand is summed digit by digit: 18 digits always fit in an Int64, and more
        // are an error (so a wrapped sum is never used).
        var significand: Int64 = 0
        var digitCount = 0
        func take(_ from: Int, _ count: Int) {
            for i in from..<(from + count) {
                significand = significand &* 10 &+ Int64(bytes[i] &- UInt8(ascii: "0"))
            }
            digitCount += count
        }
        take(position, firstRun)
        position += firstRun
        var grouped = false
        // Thousands groups: a first group of 1-3 digits, then " ddd" groups.
        if firstRun <= 3 {
            while case let space = spaceLength(at: position), space > 0, digitRun(from: position + space) == 3 {
                take(position + space, 3)
                position += space + 3
                grouped = true
            }
        }
        var scale = 0
        if peek(0) == UInt8(ascii: ","), let next = peek(1), next >= UInt8(ascii: "0"), next <= UInt8(ascii: "9") {
            let run = digitRun(from: position + 1)
            take(position + 1, run)
            scale = run
            position += 1 + run
        }
        // A decimal point or a point used as thousands separator is an error: `2.5`, `2.990,5`.
        if peek(0) == UInt8(ascii: "."), let next = peek(1), next >= UInt8(ascii: "0"), next <= UInt8(ascii: "9") {
            while let b = peek(0),
                (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: ".") || b == UInt8(ascii: ",")
            {
                position += 1
            }
            report(.decimalPoint(String(decoding: bytes[start..<position], as: UTF8.self)), start, position)
            add(.invalid, start)
            return
        }
        guard digitCount <= 18 else {
            report(.numberTooLarge(String(decoding: bytes[start..<position], as: UTF8.self)), start, position)
            add(.invalid, start)
            return
        }
        let unit = lexUnit()
        add(.number(DecimalNumber(significand: significand, scale: scale), unit: unit, grouped: grouped), start)
        if unit == nil { lexUnknownUnit() }
    }

    /// After a number without unit: a word glued to a `/` (`kr/uke`, `m3/mnd`) is a unit the
    /// language does not know. It becomes one `.invalid` token with an `unknown-unit` diagnostic,
    /// rather than a division nobody meant.
    private mutating func lexUnknownUnit() {
        var offset = position
        while offset < bytes.count, bytes[offset] == UInt8(ascii: "\t") || bytes[offset] == UInt8(ascii: "\r") || spaceLength(at: offset) > 0 {
            offset += max(1, spaceLength(at: offset))
        }
        guard isIdentifierStart(at: offset) else { return }
        var end = offset
        while end < bytes.count, isIdentifierContinue(at: end) { end += max(1, Lexer.scalarLength(bytes[end])) }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "/") else { return }
        let stops: Set<UInt8> = [32, 9, 10, 13, UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: ")"),
            UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "\"")]
        while end < bytes.count, !stops.contains(bytes[end]) { end += 1 }
        end = min(end, bytes.count)
        report(.unknownUnit(String(decoding: bytes[offset..<end], as: UTF8.self), Unit.allCases.map(\.symbol)), offset, end)
        position = end
        add(.invalid, offset)
    }

    /// Reads a unit after optional spaces, if one of the known spellings follows as a whole word.
    private mutating func lexUnit() -> Unit? {
        var offset = position
        while offset < bytes.count {
            // A CR is white space like a tab (not a line break) everywhere in the lexer: `990\rkr`
            // is `990 kr`, as fmt writes it (found by libFuzzer, FuzzFindingsTests).
            if bytes[offset] == UInt8(ascii: "\t") || bytes[offset] == UInt8(ascii: "\r") {
                offset += 1
            } else if case let space = spaceLength(at: offset), space > 0 {
                offset += space
            } else {
                break
            }
        }
        // Units start with a letter, `%` or `k`/`m`/`t`/`G`…: anything else cannot be one.
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "%") || isIdentifierStart(at: offset) else { return nil }
        for (spelling, unit) in Lexer.unitSpellingsByFirstByte[Int(bytes[offset])] where matches(spelling, at: offset) {
            let end = offset + spelling.count
            if end < bytes.count, isIdentifierContinue(at: end) { continue }
            if end < bytes.count, bytes[end] == UInt8(ascii: "/") { continue }
            position = end
            return unit
        }
        return nil
    }

    /// True if `spelling` stands in the bytes at `offset`.
    private func matches(_ spelling: [UInt8], at offset: Int) -> Bool {
        guard offset + spelling.count <= bytes.count else { return false }
        for i in 0..<spelling.count where bytes[offset + i] != spelling[i] { return false }
        return true
    }

    /// ``Unit/spellings`` as UTF-8 bytes, longest first.
    static let unitSpellings: [(bytes: [UInt8], unit: Unit)] = Unit.spellings.map { (Array($0.text.utf8), $0.unit) }

    /// ``unitSpellings`` by their first byte (in the same order): only these can match there.
    static let unitSpellingsByFirstByte: [[(bytes: [UInt8], unit: Unit)]] = {
        var table = Array(repeating: [(bytes: [UInt8], unit: Unit)](), count: 256)
        for entry in unitSpellings { table[Int(entry.bytes[0])].append(entry) }
        return table
    }()
}
