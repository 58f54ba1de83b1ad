package dev.upkeep.demo;

/** A simulated kernel's package version and /proc/version, derived from its release name. */
final class KernelText {
    private KernelText() {
    }

    /** "5.15.0-105-generic" → "5.15.0-105.115" (Ubuntu's ABI number, then its upload); Debian's point releases. */
    static String packageVersion(String release) {
        String[] p = release.split("-");
        if (release.endsWith("-generic") && p.length == 3) {
            return p[0] + "-" + p[1] + "." + (Integer.parseInt(p[1]) + 10);
        }
        return switch (release) {
            case "6.1.0-18-amd64" -> "6.1.76-1";
            case "6.1.0-20-amd64" -> "6.1.85-1";
            default -> p[0] + "-1";
        };
    }

    /** /proc/version of the running kernel (Debian names the build's package version in it). */
    static String procVersion(SimOs os, String release) {
        if (os.ubuntu()) {
            String upload = packageVersion(release);
            return "Linux version " + release + " (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0) #"
                    + upload.substring(upload.lastIndexOf('.') + 1) + "-Ubuntu SMP Tue Mar 5 20:16:58 UTC 2024";
        }
        return "Linux version " + release + " (gcc-12 (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian "
                + packageVersion(release) + " (2024-02-01)";
    }
}
