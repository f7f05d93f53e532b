package io.greenscale.analysis.write;

import io.greenscale.analysis.compute.Aggregate;
import io.greenscale.analysis.compute.Scorecard;
import java.util.List;
import java.util.Map;

/** runs.csv and summary.csv rows, as CSV cells. */
final class ScorecardCsv {
    static final List<String> RUN_COLUMNS = ScorecardColumns.names(ScorecardColumns.run(sample()));
    static final List<String> AGGREGATE_COLUMNS = ScorecardColumns.names(
            ScorecardColumns.aggregate(new Aggregate("", "", List.of(), List.of(), Map.of(), false)));

    private ScorecardCsv() {}

    static List<Map<String, String>> runRows(List<Scorecard> cards) {
        return cards.stream().map(c -> ScorecardColumns.cells(ScorecardColumns.run(c))).toList();
    }

    static List<Map<String, String>> aggregateRows(List<Aggregate> aggregates) {
        return aggregates.stream().map(a -> ScorecardColumns.cells(ScorecardColumns.aggregate(a))).toList();
    }

    /** A scorecard with nothing in it: the column names do not depend on values. */
    private static Scorecard sample() {
        return new Scorecard("", null, null, null, null, null, null, null, null, null, null, null, null, null,
                Scorecard.LatencySource.NONE, null, null, null, null, null, null, null, null, null, null, null);
    }
}
