import HarmoniModel
import HarmoniReport

/// Exports tables as JSON in the stable schema documented in `docs/json-schema.md`
/// (`"format": "harmoni-tables", "version": 1`).
///
/// Money is given as integer øre and as an exact kroner string (`"ore": 299000, "kroner":
/// "2990.00"`), rates as integer parts per million and a percent string, so no consumer needs
/// floating point. Every cell also carries its `display` text as the terminal shows it.
public enum JSONExporter {
    /// The schema version written in every document; bumped only on incompatible changes.
    public static let schemaVersion: Int64 = 1

    /// The JSON text of `tables`, keys sorted, ending in a newline.
    public static func export(_ tables: [Table], language: DisplayLanguageTag = .nb) -> String {
        document(tables, language: language).rendered()
    }

    /// The document as a value (for tests and for embedding).
    public static func document(_ tables: [Table], language: DisplayLanguageTag = .nb) -> JSONValue {
        .object([
            "format": .string("harmoni-tables"),
            "version": .integer(schemaVersion),
            "language": .string(language.rawValue),
            "tables": .array(tables.map { table($0, language: language) }),
        ])
    }

    /// The row keys of a table's columns: the column keys, with `_2`, `_3` … added to repeats.
    public static func rowKeys(_ table: Table) -> [String] {
        var seen: [String: Int] = [:]
        return table.columns.map { column in
            let count = seen[column.key, default: 0] + 1
            seen[column.key] = count
            return count == 1 ? column.key : "\(column.key)_\(count)"
        }
    }

    static func table(_ table: Table, language: DisplayLanguageTag) -> JSONValue {
        let keys = rowKeys(table)
        let columns: [JSONValue] = table.columns.enumerated().map { i, column in
            let unit: JSONValue
            switch ColumnUnit.of(column: i, in: table) {
            case .none: unit = .null
            case .uniform(let u): unit = .string(u.rawValue)
            case .mixed: unit = .string("mixed")
            }
            return .object([
                "key": .string(keys[i]), "heading": .string(column.heading),
                "alignment": .string(column.alignment.rawValue), "unit": unit,
            ])
        }
        let rows: [JSONValue] = table.rows.map { row in
            var members: [String: JSONValue] = [:]
            for (i, key) in keys.enumerated() { members[key] = cell(i < row.count ? row[i] : .empty, language: language) }
            return .object(members)
        }
        return .object([
            "kind": .string(table.kind), "title": .string(table.title), "columns": .array(columns), "rows": .array(rows),
            "footnotes": .array(
                table.footnotes.enumerated().map { .object(["number": .integer(Int64($0 + 1)), "text": .string($1)]) }),
            "notes": .array(table.notes.map { .string($0) }),
            "sources": .array(table.sources.map(source)),
        ])
    }

    /// One cell; `null` for an empty one. Every non-empty cell has `type` and `display`; money,
    /// budget, rate and missing cells also have `footnotes`.
    public static func cell(_ cell: Cell, language: DisplayLanguageTag = .nb) -> JSONValue {
        let display = JSONValue.string(TextTable.cellText(cell, language: language))
        let footnotes = JSONValue.array(cell.footnotes.map { .integer(Int64($0)) })
        switch cell {
        case .empty:
            return .null
        case .text(let text):
            return .object(["type": .string("text"), "text": .string(text), "display": display])
        case .money(let m, let status, _), .thousands(let m, let status, _):
            var members: [String: JSONValue] = [
                "type": .string(cell.unit == .kroner ? "money" : "thousands"), "display": display, "footnotes": footnotes,
                "ore": .integer(m.ore), "kroner": .string(pointDecimal(DecimalNumber(significand: m.ore, scale: 2))),
                "status": .string(status.rawValue), "estimate": .bool(status.isEstimate),
            ]
            if cell.unit == .thousandKroner {
                members["thousands"] = .string(pointDecimal(DecimalNumber(m.rounded(.thousandKroner).ore / 100_000)))
            }
            return .object(members)
        case .rate(let r, _):
            return .object([
                "type": .string("rate"), "display": display, "footnotes": footnotes, "ppm": .integer(r.ppm),
                "percent": .string(pointDecimal(r.percent)),
            ])
        case .number(let n):
            return .object(["type": .string("number"), "display": display, "value": .string(pointDecimal(n))])
        case .missing:
            return .object(["type": .string("missing"), "display": display, "footnotes": footnotes])
        }
    }

    static func source(_ source: Source) -> JSONValue {
        .object([
            "id": .string(source.id.rawValue), "title": .string(source.title),
            "url": source.url.map { .string($0) } ?? .null, "reference": source.reference.map { .string($0) } ?? .null,
            "date": source.date.map { .string($0.description) } ?? .null,
        ])
    }

    /// An exact decimal with a point and no grouping, the way JSON consumers parse it: `2990.00`, `-3.1`.
    static func pointDecimal(_ number: DecimalNumber) -> String {
        NorwegianFormat.decimal(number, grouping: false).replacingScalars { $0 == "," ? "." : nil }
    }
}
