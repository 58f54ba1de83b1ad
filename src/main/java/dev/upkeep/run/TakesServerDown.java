package dev.upkeep.run;

/**
 * Marks a procedure during which its server is down (besides {@link dev.upkeep.remote.RebootAndVerify}, which the
 * run knows): the keep-one-up rule makes it wait until enough servers of its application are up.
 */
public interface TakesServerDown {
}
