package io.greenscale.analysis.cli;

import java.util.ArrayList;
import java.util.List;

/** {@code --seeds}: a count N (seeds 1..N) or an explicit list {@code 3,7,11}. */
final class Seeds {
    private Seeds() {}

    static List<Long> parse(String text) {
        String t = text.trim();
        List<Long> seeds = new ArrayList<>();
        try {
            if (!t.contains(",")) {
                long n = Long.parseLong(t);
                if (n < 1 || n > 1000) {
                    throw new picocli.CommandLine.TypeConversionException("--seeds = " + t + ": a count must be in [1, 1000]");
                }
                for (long s = 1; s <= n; s++) {
                    seeds.add(s);
                }
                return seeds;
            }
            for (String part : t.split(",")) {
                seeds.add(Long.parseLong(part.trim()));
            }
        } catch (NumberFormatException e) {
            throw new picocli.CommandLine.TypeConversionException("--seeds = " + t + ": must be a count or a comma-separated list of integers");
        }
        return seeds;
    }
}
