/// A calendar date without time or time zone (`2019-08-01`), compared by year, month, day.
public struct CalendarDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Creates a date if it exists in the Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        guard (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// 1 January of `year`.
    public static func startOf(year: Int) -> CalendarDate {
        guard let date = CalendarDate(year: year, month: 1, day: 1) else {
            preconditionFailure("1 January exists for every year in 1...9999")
        }
        return date
    }

    /// 31 December of `year`.
    public static func endOf(year: Int) -> CalendarDate {
        guard let date = CalendarDate(year: year, month: 12, day: 31) else {
            preconditionFailure("31 December exists for every year in 1...9999")
        }
        return date
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// The period a value is valid in: both ends inclusive, either end may be open.
public struct Validity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// First day, or `nil` when open.
    public var from: CalendarDate?
    /// Last day, or `nil` when open.
    public var to: CalendarDate?

    /// Creates a validity; callers check `from <= to`.
    public init(from: CalendarDate?, to: CalendarDate?) {
        self.from = from
        self.to = to
    }

    /// Valid on one day only (a count taken on a date).
    public init(on date: CalendarDate) { self.init(from: date, to: date) }

    /// The whole calendar year.
    public static func year(_ year: Int) -> Validity {
        Validity(from: .startOf(year: year), to: .endOf(year: year))
    }

    /// Always valid.
    public static let always = Validity(from: nil, to: nil)

    /// True if `date` lies inside.
    public func contains(_ date: CalendarDate) -> Bool {
        if let from, date < from { return false }
        if let to, to < date { return false }
        return true
    }

    /// True if the two periods share at least one day.
    public func overlaps(_ other: Validity) -> Bool {
        if let to, let otherFrom = other.from, to < otherFrom { return false }
        if let from, let otherTo = other.to, otherTo < from { return false }
        return true
    }

    /// True if the period shares a day with the calendar year.
    public func touches(year: Int) -> Bool { overlaps(.year(year)) }

    /// `2019-01-01...2019-07-31`, `2018-09-16`, `2019-02-01...`.
    public var description: String {
        if let from, let to, from == to { return from.description }
        return (from?.description ?? "") + "..." + (to?.description ?? "")
    }
}
