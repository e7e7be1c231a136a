package glossa.bench;

import java.util.Arrays;

/** Percentiles of a sample of timings, in milliseconds. */
record Stats(double median, double p90, double max, int n) {

    static Stats of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Stats(
                ms(sorted[sorted.length / 2]),
                ms(sorted[(int) (sorted.length * 0.9)]),
                ms(sorted[sorted.length - 1]),
                sorted.length);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    @Override
    public String toString() {
        return String.format("median %.2f ms, p90 %.2f ms, max %.2f ms (n=%d)", median, p90, max, n);
    }
}
