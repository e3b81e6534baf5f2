/// The report's style sheet and fixed head markup: inline, no fonts or images from elsewhere.
enum ReportStyle {
    static let doctype: StaticString = "<!DOCTYPE html>\n"

    /// No scripts, no external resources: the page may only use its own inline styles, so even a
    /// string that escaped escaping could not run or fetch anything.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    static let css: StaticString = """

        :root { --ink: #1d1d1f; --muted: #5b5b60; --rule: #c9ccd1; --head: #eef1f5; }
        * { box-sizing: border-box; }
        body { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: var(--ink);
          max-width: 190mm; margin: 2em auto; padding: 0 1em; line-height: 1.4; font-size: 11pt; }
        h1 { font-size: 20pt; margin: 0 0 .3em; }
        h2 { font-size: 15pt; border-bottom: 2px solid var(--ink); padding-bottom: .2em; margin-top: 1.6em; }
        h3 { font-size: 12pt; margin: 1.2em 0 .4em; }
        p { margin: .4em 0; }
        .provenance, .omitted, .table-part, .guide, .note, .footnote, .table-sources, figcaption, .chart-note { color: var(--muted); font-size: 9pt; }
        nav ol { padding-left: 1.4em; }
        table { border-collapse: collapse; width: 100%; margin: .4em 0; font-size: 9.5pt; }
        th, td { border-bottom: 1px solid var(--rule); padding: .25em .45em; text-align: left; vertical-align: top;
          overflow-wrap: break-word; word-break: normal; hyphens: manual; }
        thead th { background: var(--head); border-bottom: 2px solid var(--ink); }
        .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; overflow-wrap: normal; }
        th.num { white-space: normal; }
        .table-part { margin: .8em 0 0; font-style: italic; }
        .estimate { font-style: italic; }
        .missing { color: var(--muted); }
        figure { margin: 1em 0; }
        svg { max-width: 100%; height: auto; font-family: inherit; }
        svg text { font-size: 11px; fill: var(--ink); }
        svg text.legend { font-size: 11px; }
        svg .axis { stroke: var(--ink); stroke-width: 1; }
        svg .range { stroke: var(--ink); stroke-width: 1.5; fill: none; }
        .sources li { margin-bottom: .3em; word-break: break-word; }
        a { color: #1f5f99; }
        @page { size: A4 portrait; margin: 15mm 12mm 18mm;
          @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #5b5b60; } }
        @media print {
          body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
          section#kilder, section#seksjon-2 { break-before: page; }
          h2, h3, .table-part { break-after: avoid; }
          tr, figure { break-inside: avoid; }
          thead { display: table-header-group; }
          a { color: inherit; text-decoration: none; }
        }

        """
}
