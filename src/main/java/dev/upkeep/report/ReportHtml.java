package dev.upkeep.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The report as one self-contained HTML page: no script, no external style sheet, font or image, so that it opens
 * the same offline, in a mail client or printed. The summary's two small bar charts are inline SVG drawn here.
 * Every text from a server is escaped (a server's answer is data, never markup).
 */
public final class ReportHtml {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;font-size:13px;color:#1f2328;margin:24px}
            h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:24px 0 8px}
            .muted{color:#59636e}.charts{display:flex;gap:40px;flex-wrap:wrap}
            table{border-collapse:collapse;width:100%}th,td{border:1px solid #d1d9e0;padding:4px 6px;text-align:left;vertical-align:top}
            th{background:#f6f8fa}tr.bad td:first-child{border-left:4px solid #cf222e}tr.warn td:first-child{border-left:4px solid #bf8700}
            .amber{color:#9a6700;font-weight:600}td:nth-child(2){max-width:18em;overflow-wrap:anywhere}
            @media print{body{margin:0;font-size:10px}h2{break-after:avoid}tr{break-inside:avoid}th{background:none}}
            """;

    private ReportHtml() {
    }

    public static String html(FleetReport report) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<title>Upkeep fleet report ").append(WHEN.format(report.generatedAt())).append("</title>")
                .append("<style>").append(STYLE).append("</style></head><body>\n");
        h.append("<h1>Fleet report</h1><p class=\"muted\">").append(report.rows().size()).append(" server(s), generated ")
                .append(WHEN.format(report.generatedAt())).append(" by Upkeep; patch age warning past ")
                .append(report.warnDays()).append(" days.</p>\n");
        h.append("<div class=\"charts\">");
        Map<ReportRow.State, Integer> states = report.byState();
        h.append(chart("Servers by state", states.keySet().stream().map(ReportRow.State::label).toList(),
                states.values().stream().toList(), "state-chart"));
        Map<String, Integer> ages = report.byPatchAge();
        h.append(chart("Last security upgrade", List.copyOf(ages.keySet()), List.copyOf(ages.values()), "age-chart"));
        h.append("</div>\n<h2>Servers</h2>\n<table id=\"servers\"><thead><tr>");
        for (String c : List.of("Server", "State", "OS", "Kernel running / installed", "Reboot required",
                "Pending security updates", "Last security upgrade", "Unattended upgrades", "Services to restart",
                "Docker / Weave")) {
            h.append("<th>").append(c).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        for (ReportRow r : report.rows()) {
            h.append(row(report, r));
        }
        return h.append("</tbody></table>\n</body></html>\n").toString();
    }

    private static String row(FleetReport report, ReportRow r) {
        String cls = r.state() == ReportRow.State.UNREACHABLE || r.state() == ReportRow.State.REBOOT_REQUIRED ? "bad"
                : r.state() == ReportRow.State.UP_TO_DATE ? "" : "warn";
        StringBuilder h = new StringBuilder("<tr").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"").append(">");
        cell(h, r.application() + "/" + r.server());
        cell(h, r.state().label() + (r.reachable() ? "" : ": " + r.error()));
        cell(h, r.os());
        cell(h, r.kernelRunning() == null ? null : r.kernelRunning()
                + (r.kernelInstalled() == null || r.kernelInstalled().equals(r.kernelRunning()) ? "" : " / " + r.kernelInstalled()));
        cell(h, r.rebootRequired() == null ? null : !r.rebootRequired() ? "no" : "yes"
                + (r.rebootRequiredSince() == null ? "" : ", since " + WHEN.format(r.rebootRequiredSince()))
                + (r.rebootPackages().isEmpty() ? "" : " (" + String.join(", ", r.rebootPackages()) + ")"));
        cell(h, r.securityUpdates() == null ? null : r.securityUpdates() + (r.securityPackages().isEmpty() ? ""
                : ": " + String.join(", ", r.securityPackages())));
        String age = r.lastSecurityUpgrade() == null ? (r.reachable() ? "none in the logs" : null)
                : WHEN.format(r.lastSecurityUpgrade()) + " (" + r.lastSecurityUpgradeDaysAgo() + " days ago)";
        if (age != null && report.patchAgeWarns(r)) {
            h.append("<td class=\"amber\">").append(escape(age)).append("</td>");
        } else {
            cell(h, age);
        }
        cell(h, r.unattendedUpgrades() == null ? null : r.unattendedUpgrades() ? "on" : "off");
        cell(h, !r.reachable() ? null : r.servicesUnknownBecause() != null ? "unknown: " + r.servicesUnknownBecause()
                : r.servicesToRestart().isEmpty() ? "none" : String.join(", ", r.servicesToRestart()));
        String dockerWeave = r.dockerVersion() == null && r.weaveVersion() == null && r.drift() == null ? null
                : versus(r.dockerVersion(), r.dockerExpected(), r.dockerDrift()) + " / "
                + versus(r.weaveVersion(), r.weaveExpected(), r.weaveDrift());
        boolean differs = "differs".equals(r.dockerDrift()) || "differs".equals(r.weaveDrift());
        if (differs) {
            h.append("<td class=\"amber differs\">").append(escape(dockerWeave)).append("</td>");
        } else {
            cell(h, dockerWeave);
        }
        return h.append("</tr>\n").toString();
    }

    /** "24.0.7 (manifest 25.0.3: differs)"; just the running version when the manifest names none. */
    static String versus(String running, String expected, String verdict) {
        String shown = running == null ? "-" : running;
        return expected == null ? shown : shown + " (manifest " + expected + ": " + verdict + ")";
    }

    private static void cell(StringBuilder h, String text) {
        h.append("<td>").append(text == null ? "<span class=\"muted\">unknown</span>" : escape(text)).append("</td>");
    }

    /** A horizontal bar chart: one bar per label, the count at its end; the largest count fills the width. */
    static String chart(String title, List<String> labels, List<Integer> counts, String id) {
        int max = Math.max(1, counts.stream().mapToInt(Integer::intValue).max().orElse(1));
        int rowH = 22;
        int labelW = 170;
        int barW = 220;
        int height = 24 + rowH * labels.size();
        StringBuilder s = new StringBuilder("<svg id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(labelW + barW + 40).append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"")
                .append(escape(title)).append("\">")
                .append("<text x=\"0\" y=\"14\" font-size=\"13\" font-weight=\"600\">").append(escape(title)).append("</text>");
        for (int i = 0; i < labels.size(); i++) {
            int y = 24 + i * rowH;
            int w = counts.get(i) == 0 ? 0 : Math.max(2, barW * counts.get(i) / max);
            s.append("<text x=\"0\" y=\"").append(y + 14).append("\" font-size=\"12\">").append(escape(labels.get(i))).append("</text>")
                    .append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 3).append("\" width=\"").append(w)
                    .append("\" height=\"14\" fill=\"#0969da\"/>")
                    .append("<text x=\"").append(labelW + w + 6).append("\" y=\"").append(y + 14).append("\" font-size=\"12\">")
                    .append(counts.get(i)).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
