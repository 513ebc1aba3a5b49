package io.slipway.platform.metering;

/** A usage report as CSV (RFC 4180): one line per group, then the total. */
final class UsageCsv {

    private UsageCsv() {
    }

    static String of(UsageReport.Report report) {
        StringBuilder csv = new StringBuilder(report.groupBy())
                .append(",from,to,instance_seconds,cpu_seconds,gib_seconds,cost,currency\r\n");
        for (UsageReport.Row row : report.rows()) {
            line(csv, report, row);
        }
        line(csv, report, report.total());
        return csv.toString();
    }

    private static void line(StringBuilder csv, UsageReport.Report report, UsageReport.Row row) {
        csv.append(field(row.key())).append(',').append(report.from()).append(',').append(report.to()).append(',')
                .append(row.instanceSeconds()).append(',').append(row.cpuSeconds()).append(',')
                .append(row.gibSeconds()).append(',').append(row.cost().toPlainString()).append(',')
                .append(field(report.currency())).append("\r\n");
    }

    /** Quoted when needed; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
    static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.matches("[^\",\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
