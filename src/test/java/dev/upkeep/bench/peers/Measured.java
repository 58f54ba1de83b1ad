package dev.upkeep.bench.peers;

/**
 * One run of one contestant: wall time, client CPU (user + system of the whole process tree, from the rusage of
 * {@code /usr/bin/time}'s waited children), peak resident memory of the tree (the larger of the sampled sum over
 * live descendants and the biggest single process's own peak), whether the output held every server's answer.
 */
record Measured(String contestant, long wallMs, long cpuMs, long peakRssKb, boolean complete, String problem) {
}
