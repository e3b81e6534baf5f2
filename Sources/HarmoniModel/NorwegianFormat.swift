/// Formats numbers, money and rates in Norwegian form, with our own rules rather than a locale's.
///
/// Thousands are grouped with an ordinary space (U+0020), never the no-break space that
/// Foundation's `nb_NO` formatter inserts; the decimal separator is a comma; the minus sign is
/// ASCII `-`. Output is identical on every machine.
public enum NorwegianFormat {
    /// Groups the digits of a non-negative whole number in threes: `1234567` → `1 234 567`.
    public static func groupThousands(_ digits: String, separator: String = " ") -> String {
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.append(digits[start..<end])
            end = start
        }
        return groups.reversed().joined(separator: separator)
    }

    /// A decimal number keeping its scale: `1 408,43`, `2,50`, `94,8`. Grouping is optional.
    public static func decimal(_ number: DecimalNumber, grouping: Bool) -> String {
        let negative = number.significand < 0
        var digits = String(number.significand.magnitude)
        if number.scale > 0 {
            while digits.count <= number.scale { digits = "0" + digits }
            let split = digits.index(digits.endIndex, offsetBy: -number.scale)
            let whole = String(digits[..<split])
            let fraction = String(digits[split...])
            digits = (grouping ? groupThousands(whole) : whole) + "," + fraction
        } else if grouping {
            digits = groupThousands(digits)
        }
        return (negative ? "-" : "") + digits
    }

    /// Money with øre only when needed: `2 990 kr`, `1 408,43 kr`.
    public static func money(_ amount: Money, unit: String = "kr") -> String {
        moneyNumber(amount) + " " + unit
    }

    /// Money as a number without unit: `2 990`, `1 408,43`.
    public static func moneyNumber(_ amount: Money) -> String {
        let scale = amount.isWholeKroner ? 0 : 2
        let significand = amount.isWholeKroner ? amount.wholeKroner : amount.ore
        return decimal(DecimalNumber(significand: significand, scale: scale), grouping: true)
    }

    /// Money always with two decimals: `2 990,00`.
    public static func moneyWithOre(_ amount: Money) -> String {
        decimal(DecimalNumber(significand: amount.ore, scale: 2), grouping: true)
    }

    /// A percentage with the decimals it needs and a space before the sign: `3,1 %`, `30 %`.
    public static func percent(_ rate: Rate) -> String {
        decimal(rate.percent, grouping: true) + " %"
    }

    /// A multiple of G: `2,8 G`.
    public static func gMultiple(_ rate: Rate) -> String {
        decimal(rate.fraction, grouping: true) + " G"
    }
}
