package io.greenscale.daemon.replay;

import io.greenscale.policy.DecisionRecord;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Column.Overflow;
import picocli.CommandLine.Help.TextTable;

/** Decisions as a table for people: time, replicas, reason, proposals, the rule that clamped. */
public final class DecisionTable {
    private DecisionTable() {}

    public static String render(List<DecisionRecord> records) {
        TextTable table = TextTable.forColumns(Ansi.OFF,
                new Column(8, 1, Overflow.SPAN),
                new Column(9, 1, Overflow.SPAN),
                new Column(20, 1, Overflow.SPAN),
                new Column(44, 1, Overflow.WRAP),
                new Column(16, 1, Overflow.SPAN));
        table.addRowValues("t_s", "replicas", "reason", "proposals (winner*)", "clamped by");
        for (DecisionRecord r : records) {
            String winner = r.why().winner();
            String proposals = r.proposals().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue() + (e.getKey().equals(winner) ? "*" : ""))
                    .collect(Collectors.joining(" "));
            table.addRowValues(
                    trim(r.tS()),
                    r.current() == r.desired() ? Integer.toString(r.desired()) : r.current() + "→" + r.desired(),
                    r.reason(),
                    proposals.isEmpty() ? "-" : proposals,
                    r.clampedBy() == null ? "" : r.clampedBy());
        }
        return table.toString();
    }

    private static String trim(double t) {
        return t == Math.rint(t) ? Long.toString((long) t) : Double.toString(t);
    }
}
