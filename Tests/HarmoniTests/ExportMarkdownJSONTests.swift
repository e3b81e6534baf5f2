import Foundation
import Testing

@testable import Harmoni

@Suite("Markdown export")
struct ExportMarkdownTests {
    @Test(
        "Escaping keeps tables, links, emphasis and HTML out of the text",
        arguments: [
            ("a | b", "a \\| b"), ("one\ntwo", "one<br>two"), ("one\r\ntwo", "one<br>two"), ("<script>", "\\<script\\>"),
            ("[x](javascript:y)", "\\[x\\](javascript:y)"), ("*bold* _it_", "\\*bold\\* \\_it\\_"), ("# head", "# head"),
            ("- item", "- item"), ("2019-2020", "2019-2020"), ("back\\slash", "back\\\\slash"), ("a & b", "a \\& b"),
        ])
    func escapes(input: String, expected: String) {
        #expect(MarkdownExporter.escape(input) == expected)
    }

    @Test("Text starting a line cannot start a heading or a list")
    func lineStart() {
        #expect(MarkdownExporter.escape("# head", atLineStart: true) == "\\# head")
        #expect(MarkdownExporter.escape("- item", atLineStart: true) == "\\- item")
        #expect(MarkdownExporter.escape("a - b", atLineStart: true) == "a - b")
    }

    @Test("Numeric columns are right-aligned and cells read as in the terminal")
    func alignment() {
        let md = MarkdownExporter.export([ExportFixtures.diff])
        #expect(md.contains("| Tjeneste | Asker | Røyken | Hurum | Spenn % |\n| :--- | ---: | ---: | ---: | ---: |\n"))
        #expect(md.contains("| SFO, 100 % plass | 32 890 kr | 30 855,50 kr | ≈ 31 000 kr¹ | 6,1 % |"))
        #expect(md.contains("| mangler² |"))
    }

    @Test("Every row of a hostile table stays one table row with all its cells")
    func hostileRows() {
        let md = MarkdownExporter.export([ExportFixtures.hostile])
        let rows = md.split(separator: "\n").filter { $0.hasPrefix("| ") }
        #expect(rows.count == ExportFixtures.hostileStrings.count + 2)  // header, alignment row, one per name
        for row in rows {
            let unescapedPipes = row.unicodeScalars.indices.filter { i in
                row.unicodeScalars[i] == "|" && (i == row.unicodeScalars.startIndex || row.unicodeScalars[row.unicodeScalars.index(before: i)] != "\\")
            }
            #expect(unescapedPipes.count == 3, "\(row)")
        }
        // The only `<` not escaped is our own line break.
        let unescaped = md.replacingOccurrences(of: "\\<", with: "").replacingOccurrences(of: "<br>", with: "")
        #expect(!unescaped.contains("<"))
    }

    @Test("Golden: the fixed report tables as Markdown")
    func golden() {
        Golden.assertMatches(MarkdownExporter.export(ExportFixtures.tables), named: "export/tables.md")
    }

    @Test("Golden: hostile names and sources as Markdown")
    func hostileGolden() {
        Golden.assertMatches(MarkdownExporter.export([ExportFixtures.hostile]), named: "export/hostile.md")
    }
}

@Suite("JSON export")
struct ExportJSONTests {
    @Test("Golden: the fixed report tables as JSON")
    func golden() {
        Golden.assertMatches(JSONExporter.export(ExportFixtures.tables), named: "export/tables.json")
    }

    @Test("Money is integer øre and exact kroner; rates are ppm and exact percent")
    func money() throws {
        let object = try parse(JSONExporter.export([ExportFixtures.diff]))
        let table = try #require((object["tables"] as? [[String: Any]])?.first)
        let rows = try #require(table["rows"] as? [[String: Any]])
        let royken = try #require(rows[0]["royken"] as? [String: Any])
        #expect(royken["ore"] as? Int == 3_085_550)
        #expect(royken["kroner"] as? String == "30855.50")
        #expect(royken["status"] as? String == "published")
        let hurum = try #require(rows[0]["hurum"] as? [String: Any])
        #expect(hurum["estimate"] as? Bool == true)
        #expect(hurum["display"] as? String == "≈ 31 000 kr¹")
        #expect(hurum["footnotes"] as? [Int] == [1])
        let spread = try #require(rows[0]["spread_pct"] as? [String: Any])
        #expect(spread["ppm"] as? Int == 61_000)
        #expect(spread["percent"] as? String == "6.1")
        let sources = try #require(table["sources"] as? [[String: Any]])
        #expect(sources.map { $0["id"] as? String } == ["asker_sfo_2019", "royken_gebyrregulativ_2019"])
    }

    @Test("Keys are sorted at every level and the output is byte-identical on every run")
    func sortedKeys() {
        let text = JSONExporter.export(ExportFixtures.tables)
        #expect(text == JSONExporter.export(ExportFixtures.tables))
        var keysPerIndent: [Int: [String]] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            if line.hasSuffix("{") || line.hasSuffix("[") || line.hasSuffix("},") || line.hasSuffix("}") { keysPerIndent[indent + 2] = [] }
            guard line.dropFirst(indent).hasPrefix("\""), let end = line.range(of: "\": ") else { continue }
            let key = String(line[line.index(line.startIndex, offsetBy: indent + 1)..<end.lowerBound])
            if let previous = keysPerIndent[indent]?.last { #expect(previous.utf8.lexicographicallyPrecedes(key.utf8), "\(previous) before \(key)") }
            keysPerIndent[indent, default: []].append(key)
        }
    }

    @Test("Hostile strings survive a round trip through a real JSON parser unchanged")
    func hostileRoundTrip() throws {
        let object = try parse(JSONExporter.export([ExportFixtures.hostile]))
        let table = try #require((object["tables"] as? [[String: Any]])?.first)
        let rows = try #require(table["rows"] as? [[String: Any]])
        let names = rows.compactMap { ($0["tjeneste"] as? [String: Any])?["text"] as? String }
        #expect(names == ExportFixtures.hostileStrings)
        #expect(table["title"] as? String == ExportFixtures.hostile.title)
        #expect(JSONValue.quote("\u{1}\u{2028}") == "\"\\u0001\\u2028\"")
    }

    @Test("Repeated column keys get a suffix so no cell is lost")
    func repeatedKeys() {
        let table = Table(kind: "t", title: "t", columns: [Column("x", "X"), Column("x", "X"), Column("y", "Y")])
        #expect(JSONExporter.rowKeys(table) == ["x", "x_2", "y"])
    }

    private func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
