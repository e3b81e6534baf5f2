/// Turns a ``BarChartLayout`` into inline SVG markup (no scripts, no external resources).
public enum SVG {
    /// The series colours, in order (distinguishable in print and for colour-blind readers).
    public static let palette = ["#1f5f99", "#d9822b", "#3b8f5a", "#8c5ba7", "#b8403a", "#6b6b6b"]

    /// The colour of series `index`, repeating the palette if there are more series than colours.
    public static func colour(_ index: Int) -> String { palette[index % palette.count] }

    /// The chart as an `<svg>` node; every text is escaped by ``HTML``.
    public static func render(_ layout: BarChartLayout) -> HTMLNode {
        var children: [HTMLNode] = [HTML.el("title", text: layout.title)]
        children.append(
            HTML.el(
                "line",
                [
                    HTMLAttribute("x1", "\(layout.zeroX)"), HTMLAttribute("y1", "\(layout.plotTop)"),
                    HTMLAttribute("x2", "\(layout.zeroX)"), HTMLAttribute("y2", "\(layout.plotBottom)"),
                    HTMLAttribute("class", "axis"),
                ]))
        for swatch in layout.swatches {
            children.append(
                HTML.el(
                    "rect",
                    [
                        HTMLAttribute("x", "\(swatch.x)"), HTMLAttribute("y", "\(swatch.y)"),
                        HTMLAttribute("width", "\(BarChartLayout.swatchSize)"),
                        HTMLAttribute("height", "\(BarChartLayout.swatchSize)"), HTMLAttribute("fill", colour(swatch.series)),
                    ]))
        }
        for bar in layout.bars {
            var attributes = [
                HTMLAttribute("x", "\(bar.x)"), HTMLAttribute("y", "\(bar.y)"), HTMLAttribute("width", "\(bar.width)"),
                HTMLAttribute("height", "\(bar.height)"), HTMLAttribute("fill", colour(bar.series)),
            ]
            if bar.estimate {
                attributes += [
                    HTMLAttribute("fill-opacity", "0.4"), HTMLAttribute("stroke", colour(bar.series)),
                    HTMLAttribute("stroke-dasharray", "3 2"),
                ]
            }
            children.append(HTML.el("rect", attributes))
        }
        for whisker in layout.whiskers {
            let (x1, x2, y) = (whisker.x1, whisker.x2, whisker.y)
            children.append(
                HTML.el(
                    "path",
                    [
                        HTMLAttribute("d", "M\(x1) \(y)H\(x2)M\(x1) \(y - 4)V\(y + 4)M\(x2) \(y - 4)V\(y + 4)"),
                        HTMLAttribute("class", "range"), HTMLAttribute("stroke", "#222"), HTMLAttribute("stroke-width", "1.5"),
                        HTMLAttribute("fill", "none"),
                    ]))
        }
        for label in layout.labels {
            children.append(
                HTML.el(
                    "text",
                    [
                        HTMLAttribute("x", "\(label.x)"), HTMLAttribute("y", "\(label.y)"),
                        HTMLAttribute("text-anchor", label.anchor.rawValue), HTMLAttribute("class", label.role.rawValue),
                    ], text: label.role == .value ? HTML.typographicMinus(label.text) : label.text))
        }
        return HTML.el(
            "svg",
            [
                HTMLAttribute("xmlns", "http://www.w3.org/2000/svg"), HTMLAttribute("role", "img"),
                HTMLAttribute("viewBox", "0 0 \(layout.width) \(layout.height)"), HTMLAttribute("width", "\(layout.width)"),
                HTMLAttribute("height", "\(layout.height)"),
            ], children)
    }

    /// The chart as SVG text.
    public static func render(text layout: BarChartLayout) -> String { HTML.render(render(layout)) }
}
