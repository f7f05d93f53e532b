package io.greenscale.analysis.write.html;

/** The page's only style sheet, inlined: no fonts, scripts or styles are fetched from anywhere. */
final class Css {
    static final String STYLE = """
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #222;
                   max-width: 1120px; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
            h1 { font-size: 1.7rem; margin-bottom: .2rem; }
            h2 { font-size: 1.35rem; margin-top: 2.5rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
            h3 { font-size: 1.1rem; margin-top: 1.6rem; }
            .meta, .note, figcaption, .ci { color: #666; }
            .meta { margin-top: 0; }
            table { border-collapse: collapse; width: 100%; font-size: 13px; margin: .6rem 0 1rem; }
            th, td { padding: .3rem .4rem; border-bottom: 1px solid #e6e6e6; text-align: right; vertical-align: top; }
            th { background: #f6f6f6; font-weight: 600; }
            th:first-child, td:first-child { text-align: left; overflow-wrap: anywhere; }
            td.best { background: #eaf6ee; }
            .ci { display: block; font-size: 11px; white-space: nowrap; }
            figure { margin: 1rem 0 1.8rem; }
            figure svg { width: 100%; height: auto; display: block; }
            figcaption { font-size: 13px; }
            .headline li { margin: .4rem 0; }
            .bar { display: inline-block; height: .7rem; background: #1b9e4b; vertical-align: middle; }
            details { margin: 1rem 0; }
            summary { cursor: pointer; font-weight: 600; }
            dt { font-weight: 600; margin-top: .6rem; }
            dd { margin-left: 1.2rem; }
            .wide { overflow-x: auto; }
            """;

    private Css() {}
}
