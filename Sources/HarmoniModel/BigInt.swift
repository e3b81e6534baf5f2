/// A signed whole number of any size: the fallback of exact fractions whose terms outgrow
/// `Int128` (a ten-year nominal period, growth compounded over many years).
///
/// Small and plain rather than fast: magnitudes are little-endian 64-bit words, multiplication is
/// schoolbook, division is binary long division. The simulator stays in `Int128` while its numbers
/// fit and comes here only when they do not, so simplicity matters more than speed.
/// Tested against `Int128` and against the identities of division on random cases (`BigIntTests`).
public struct BigInt: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// True for numbers below zero (never for zero).
    public private(set) var isNegative: Bool
    /// The magnitude, least significant word first, without leading zero words (zero is empty).
    private var words: [UInt64]

    private init(negative: Bool, words: [UInt64]) {
        var trimmed = words
        while trimmed.last == 0 { trimmed.removeLast() }
        self.words = trimmed
        self.isNegative = negative && !trimmed.isEmpty
    }

    /// The number `value`.
    public init(_ value: Int128) {
        let magnitude = value.magnitude
        self.init(negative: value < 0, words: [UInt64(truncatingIfNeeded: magnitude), UInt64(magnitude >> 64)])
    }

    /// The number `value`.
    public init(_ value: Int64) { self.init(Int128(value)) }

    /// Zero.
    public static let zero = BigInt(Int128(0))

    /// True for zero.
    public var isZero: Bool { words.isEmpty }

    /// -1, 0 or 1.
    public var signum: Int { isZero ? 0 : isNegative ? -1 : 1 }

    /// The number as an `Int128`, if it fits.
    public var int128: Int128? {
        guard words.count <= 2 else { return nil }
        let low = words.first ?? 0
        let high = words.count > 1 ? words[1] : 0
        let magnitude = UInt128(high) << 64 | UInt128(low)
        if isNegative {
            if magnitude == UInt128(1) << 127 { return Int128.min }
            return magnitude < UInt128(1) << 127 ? -Int128(magnitude) : nil
        }
        return magnitude < UInt128(1) << 127 ? Int128(magnitude) : nil
    }

    /// The number of significant bits of the magnitude (0 for zero).
    public var bitWidth: Int {
        guard let top = words.last else { return 0 }
        return (words.count - 1) * 64 + (64 - top.leadingZeroBitCount)
    }

    /// The absolute value.
    public var magnitude: BigInt { BigInt(negative: false, words: words) }

    public static prefix func - (a: BigInt) -> BigInt { BigInt(negative: !a.isNegative, words: a.words) }

    public static func < (a: BigInt, b: BigInt) -> Bool {
        if a.isNegative != b.isNegative { return a.isNegative }
        let order = compareMagnitudes(a.words, b.words)
        return a.isNegative ? order > 0 : order < 0
    }

    public static func + (a: BigInt, b: BigInt) -> BigInt {
        if a.isNegative == b.isNegative { return BigInt(negative: a.isNegative, words: addMagnitudes(a.words, b.words)) }
        // Different signs: the larger magnitude keeps its sign.
        if compareMagnitudes(a.words, b.words) >= 0 {
            return BigInt(negative: a.isNegative, words: subtractMagnitudes(a.words, b.words))
        }
        return BigInt(negative: b.isNegative, words: subtractMagnitudes(b.words, a.words))
    }

    public static func - (a: BigInt, b: BigInt) -> BigInt { a + (-b) }

    public static func * (a: BigInt, b: BigInt) -> BigInt {
        guard !a.isZero, !b.isZero else { return .zero }
        var result = [UInt64](repeating: 0, count: a.words.count + b.words.count)
        for (i, x) in a.words.enumerated() {
            var carry: UInt64 = 0
            for (j, y) in b.words.enumerated() {
                let (high, low) = x.multipliedFullWidth(by: y)
                let (sum1, o1) = result[i + j].addingReportingOverflow(low)
                let (sum2, o2) = sum1.addingReportingOverflow(carry)
                result[i + j] = sum2
                carry = high &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)  // high ≤ 2⁶⁴ − 2: no overflow
            }
            result[i + b.words.count] = carry
        }
        return BigInt(negative: a.isNegative != b.isNegative, words: result)
    }

    /// The quotient truncated toward zero and the remainder (with the dividend's sign), as
    /// `Int128`'s `/` and `%`; `nil` when dividing by zero.
    public func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt)? {
        guard !divisor.isZero else { return nil }
        if BigInt.compareMagnitudes(words, divisor.words) < 0 { return (.zero, self) }
        // Binary long division: shift the divisor up to the dividend, subtract where it fits.
        let shift = bitWidth - divisor.bitWidth
        var remainder = words
        var shifted = BigInt.shiftLeft(divisor.words, by: shift)
        var quotient = [UInt64](repeating: 0, count: shift / 64 + 1)
        for bit in stride(from: shift, through: 0, by: -1) {
            if BigInt.compareMagnitudes(remainder, shifted) >= 0 {
                remainder = BigInt.subtractMagnitudes(remainder, shifted)
                quotient[bit / 64] |= UInt64(1) << UInt64(bit % 64)
            }
            shifted = BigInt.shiftRightOne(shifted)
        }
        return (
            BigInt(negative: isNegative != divisor.isNegative, words: quotient),
            BigInt(negative: isNegative, words: remainder)
        )
    }

    /// The greatest common divisor of the magnitudes; zero only when both are zero.
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        var x = a.magnitude
        var y = b.magnitude
        while !y.isZero {
            // Finish in 128 bits once both fit (the same remainders, far fewer steps here).
            if let x128 = x.int128, let y128 = y.int128 {
                var (p, q) = (x128.magnitude, y128.magnitude)
                while q != 0 { (p, q) = (q, p % q) }
                return BigInt(negative: false, words: [UInt64(truncatingIfNeeded: p), UInt64(p >> 64)])
            }
            guard let remainder = x.quotientAndRemainder(dividingBy: y)?.remainder else { break }
            (x, y) = (y, remainder)
        }
        return x
    }

    /// Decimal digits with a leading `-` for negative numbers.
    public var description: String {
        guard !isZero else { return "0" }
        var digits: [String] = []
        var rest = magnitude
        let chunk = BigInt(Int64(1_000_000_000_000_000_000))
        while !rest.isZero {
            guard let (q, r) = rest.quotientAndRemainder(dividingBy: chunk), let part = r.int128 else { break }
            let text = String(part)
            digits.append(q.isZero ? text : String(repeating: "0", count: 18 - text.count) + text)
            rest = q
        }
        return (isNegative ? "-" : "") + digits.reversed().joined()
    }

    // MARK: Magnitudes

    private static func compareMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
        return 0
    }

    private static func addMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(max(a.count, b.count) + 1)
        var carry = false
        for i in 0..<max(a.count, b.count) {
            let (s1, o1) = (i < a.count ? a[i] : 0).addingReportingOverflow(i < b.count ? b[i] : 0)
            let (s2, o2) = s1.addingReportingOverflow(carry ? 1 : 0)
            result.append(s2)
            carry = o1 || o2
        }
        if carry { result.append(1) }
        return result
    }

    /// `a - b` for `a ≥ b`.
    private static func subtractMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var result = a
        var borrow = false
        for i in 0..<a.count {
            let (d1, o1) = a[i].subtractingReportingOverflow(i < b.count ? b[i] : 0)
            let (d2, o2) = d1.subtractingReportingOverflow(borrow ? 1 : 0)
            result[i] = d2
            borrow = o1 || o2
        }
        while result.last == 0 { result.removeLast() }
        return result
    }

    private static func shiftLeft(_ a: [UInt64], by shift: Int) -> [UInt64] {
        let wordShift = shift / 64
        let bitShift = UInt64(shift % 64)
        var result = [UInt64](repeating: 0, count: a.count + wordShift + 1)
        for (i, word) in a.enumerated() {
            result[i + wordShift] |= word << bitShift
            if bitShift > 0 { result[i + wordShift + 1] |= word >> (64 - bitShift) }
        }
        while result.last == 0 { result.removeLast() }
        return result
    }

    private static func shiftRightOne(_ a: [UInt64]) -> [UInt64] {
        var result = a
        for i in 0..<a.count {
            result[i] = a[i] >> 1 | (i + 1 < a.count ? a[i + 1] << 63 : 0)
        }
        while result.last == 0 { result.removeLast() }
        return result
    }
}
