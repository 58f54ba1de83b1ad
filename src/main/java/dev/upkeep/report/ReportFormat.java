package dev.upkeep.report;

/** The report's formats; the CLI's {@code --format} and the window's File › Export report… write the same text. */
public enum ReportFormat {
    html, csv, json;

    public String render(FleetReport report) {
        return switch (this) {
            case html -> ReportHtml.html(report);
            case csv -> ReportFormats.csv(report);
            case json -> ReportFormats.json(report);
        };
    }
}
