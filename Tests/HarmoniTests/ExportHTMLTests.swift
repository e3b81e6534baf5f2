import Foundation
import Testing

@testable import Harmoni

@Suite("HTML report")
struct ExportHTMLTests {
    @Test(
        "HTML.escape turns the five special characters into entities",
        arguments: [
            ("<script>", "&lt;script&gt;"), ("a & b", "a &amp; b"), ("\"x\"", "&quot;x&quot;"), ("it's", "it&#39;s"),
            ("<\u{338}", "&lt;\u{338}"), ("2 990 kr", "2 990 kr"),
        ])
    func escapes(input: String, expected: String) {
        #expect(HTML.escape(input) == expected)
    }

    @Test("Golden: the fixed report as one self-contained HTML file")
    func golden() {
        Golden.assertMatches(HTMLReport.render(ExportFixtures.report), named: "export/report.html")
    }

    /// The hostile report: also rendered in a real browser by Tests/browser/check-html.sh.
    static var hostileReport: Report {
        let table = ExportFixtures.hostile
        return Report(
            title: "<script>alert('report')</script>", summary: ["</p><script>alert('summary')</script>"],
            sections: [
                ReportSection(
                    title: "\"><img src=x onerror=alert('section')>", tables: [table],
                    charts: BarChart.suggested(for: table).map { [$0] } ?? [])
            ])
    }

    @Test("Golden: the hostile report, escaped throughout")
    func hostileGolden() {
        Golden.assertMatches(HTMLReport.render(Self.hostileReport), named: "export/hostile.html")
    }

    @Test("The report is self-contained: no scripts, no external resources, a policy that forbids both")
    func selfContained() {
        let html = HTMLReport.render(ExportFixtures.report)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nb\">"))
        #expect(html.contains("Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("section#kilder, section#seksjon-2 { break-before: page; }"))
        #expect(html.components(separatedBy: "<svg").count == 3, "two charts: fee levels and impact")
        #expect(!html.contains("\r"))
    }

    @Test("Every section is there, estimates are marked and every source is listed once")
    func content() {
        let html = HTMLReport.render(ExportFixtures.report)
        for section in ExportFixtures.report.sections { #expect(html.contains(HTML.escape(section.title))) }
        #expect(html.contains("<td class=\"num estimate\">≈ 31 000 kr¹</td>"))
        #expect(html.contains("<td class=\"num missing\">mangler²</td>"))
        #expect(html.contains("<li id=\"kilde-1\">[1] <strong>Asker kommune: Pris og betaling i SFO (sideversjon 2019)</strong>"))
        #expect(html.contains("<li id=\"kilde-3\">[3] <strong>SSB KOSTRA"))
        #expect(!html.contains("kilde-4"))
        #expect(html.contains("<a href=\"#kilde-3\">[3]</a>"))
    }

    @Test("Hostile names, notes and sources create no element, attribute or link of their own")
    func hostile() throws {
        let html = HTMLReport.render(Self.hostileReport)
        #expect(html.contains("<svg"), "the hostile names are charted too")
        let tags = TagScanner.tags(in: html)
        let allowed: Set<String> = [
            "!doctype", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "nav", "ol", "ul", "li",
            "a", "section", "div", "table", "thead", "tbody", "tr", "th", "td", "strong", "figure", "figcaption", "svg", "line",
            "rect", "text", "wbr",
        ]
        for tag in tags {
            #expect(allowed.contains(tag.name), "unexpected element <\(tag.name)>")
            for (name, value) in tag.attributes {
                #expect(!name.hasPrefix("on"), "event attribute \(name) on <\(tag.name)>")
                if name == "href" { #expect(value.hasPrefix("#") || value.hasPrefix("https://"), "href \(value)") }
                #expect(!value.lowercased().contains("javascript:"), "\(name)=\(value)")
            }
        }
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("javascript:alert(&#39;url&#39;)"), "an unsafe address is shown as text")
        #expect(html.contains("<a href=\"https://example.org/?a=1&amp;b=&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;\">") == false)
    }

    @Test("The tag scanner used above sees an injected element")
    func scannerCanFail() {
        let tags = TagScanner.tags(in: "<p class=\"x\">a<img src=x onerror=alert(1)></p>")
        #expect(tags.map(\.name) == ["p", "img"])
        #expect(tags[1].attributes.map(\.0) == ["src", "onerror"])
    }

    @Test("An empty report still says so and still lists its (no) sources")
    func empty() {
        let html = HTMLReport.render(Report(title: "Tom", sections: []))
        #expect(html.contains("<p>Rapporten har ingen tabeller.</p>"))
        #expect(html.contains("<section id=\"kilder\">"))
    }
}

/// A small scanner for start tags: element names and attributes as a browser would tokenise them
/// (enough to prove that no hostile text became markup).
enum TagScanner {
    struct Tag {
        var name: String
        var attributes: [(String, String)]
    }

    static func tags(in html: String) -> [Tag] {
        var tags: [Tag] = []
        let scalars = Array(html.unicodeScalars)
        var i = 0
        func isNameStart(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s == "!" }
        while i < scalars.count {
            guard scalars[i] == "<", i + 1 < scalars.count, isNameStart(scalars[i + 1]) else {
                i += 1
                continue
            }
            i += 1
            var name = ""
            while i < scalars.count, !" \t\n/>".unicodeScalars.contains(scalars[i]) {
                name.unicodeScalars.append(scalars[i])
                i += 1
            }
            var attributes: [(String, String)] = []
            while i < scalars.count, scalars[i] != ">" {
                while i < scalars.count, " \t\n/".unicodeScalars.contains(scalars[i]) { i += 1 }
                var attribute = ""
                while i < scalars.count, !" \t\n/>=".unicodeScalars.contains(scalars[i]) {
                    attribute.unicodeScalars.append(scalars[i])
                    i += 1
                }
                var value = ""
                if i < scalars.count, scalars[i] == "=" {
                    i += 1
                    let quote = i < scalars.count && (scalars[i] == "\"" || scalars[i] == "'") ? scalars[i] : nil
                    if quote != nil { i += 1 }
                    while i < scalars.count, quote.map({ scalars[i] != $0 }) ?? !" \t\n>".unicodeScalars.contains(scalars[i]) {
                        value.unicodeScalars.append(scalars[i])
                        i += 1
                    }
                    if quote != nil { i += 1 }
                }
                if !attribute.isEmpty { attributes.append((attribute.lowercased(), value)) }
            }
            tags.append(Tag(name: name.lowercased(), attributes: attributes))
        }
        return tags
    }
}
