package dev.upkeep.demo;

/** The demo's order of kernel releases and Docker versions: numeric parts compared as numbers. */
final class VersionOrder {
    private VersionOrder() {
    }

    /** "5.15.0-105-generic" after "5.15.0-101-generic", "24.0.7" after "20.10.24". */
    static int compare(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean nx = x[i].chars().allMatch(Character::isDigit) && !x[i].isEmpty();
            boolean ny = y[i].chars().allMatch(Character::isDigit) && !y[i].isEmpty();
            int c = nx && ny ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
