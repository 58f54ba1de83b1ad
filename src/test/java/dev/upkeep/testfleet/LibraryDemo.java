package dev.upkeep.testfleet;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A library whose security upgrade leaves a running service on the old, deleted copy, as libssl's does: package
 * {@code libupkeepdemo1} ships {@code /usr/lib/upkeep-libdemo/libupkeepdemo.so.1} (a real shared object: the server's
 * own {@code libdl.so.2}, plus a version stamp), package {@code upkeep-libdemo} a daemon (the server's own
 * {@code sleep}) and its init script, which starts it with the library preloaded and a pid file in /run. An upgrade
 * of the library unpacks the new file beside the old one and renames it over: the running daemon then maps
 * {@code libupkeepdemo.so.1 (deleted)} until it restarts. Both come from source package {@code upkeep-libdemo-src}.
 */
public final class LibraryDemo {
    public static final String LIBRARY = "libupkeepdemo1";
    public static final String SERVICE = "upkeep-libdemo";
    public static final String SOURCE = "upkeep-libdemo-src";
    public static final String LIBRARY_FILE = "/usr/lib/upkeep-libdemo/libupkeepdemo.so.1";
    public static final String DAEMON = "/usr/sbin/upkeep-libdemod";
    public static final String PID_FILE = "/run/upkeep-libdemo.pid";

    private static final String INIT_SCRIPT = """
            #!/bin/sh
            ### BEGIN INIT INFO
            # Provides:          upkeep-libdemo
            # Required-Start:    $remote_fs
            # Required-Stop:     $remote_fs
            # Default-Start:     2 3 4 5
            # Default-Stop:      0 1 6
            # Short-Description: Upkeep test service that maps libupkeepdemo.so.1
            ### END INIT INFO
            PIDFILE=/run/upkeep-libdemo.pid
            case "$1" in
              start)
                LD_PRELOAD=/usr/lib/upkeep-libdemo/libupkeepdemo.so.1 start-stop-daemon --start --quiet --background \\
                  --make-pidfile --pidfile $PIDFILE --exec /usr/sbin/upkeep-libdemod -- infinity ;;
              stop)
                start-stop-daemon --stop --quiet --oknodo --pidfile $PIDFILE --remove-pidfile --retry 5 ;;
              restart)
                "$0" stop && "$0" start ;;
              *)
                echo "Usage: $0 {start|stop|restart}" >&2; exit 3 ;;
            esac
            """;

    private LibraryDemo() {
    }

    /** The library at {@code version}, its bytes taken from {@code server} (so it fits the servers' architecture). */
    public static DebPackage library(TestServer server, String version) {
        byte[] so = serverFile(server, "$(dpkg -L libc6 | grep '/libdl\\.so\\.2$' | head -n 1)");
        byte[] stamp = ("\nupkeep-libdemo " + version + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[so.length + stamp.length];
        System.arraycopy(so, 0, content, 0, so.length);
        System.arraycopy(stamp, 0, content, so.length, stamp.length);
        return DebPackage.of(LIBRARY, version).source(SOURCE + " (" + version + ")").binaryFile(LIBRARY_FILE, content, false);
    }

    /** The service at {@code version}; it needs the library. */
    public static DebPackage service(TestServer server, String version) {
        return DebPackage.of(SERVICE, version).source(SOURCE + " (" + version + ")").depends(LIBRARY)
                .binaryFile(DAEMON, serverFile(server, "$(command -v sleep)"), true)
                .binaryFile("/etc/init.d/" + SERVICE, INIT_SCRIPT.getBytes(StandardCharsets.US_ASCII), true);
    }

    /** Starts the service; returns the daemon's pid. */
    public static int start(TestServer server) {
        server.run("/etc/init.d/" + SERVICE + " start");
        return pid(server);
    }

    /** The daemon's pid, from its pid file. */
    public static int pid(TestServer server) {
        return Integer.parseInt(server.run("cat " + PID_FILE).strip());
    }

    /** A process started by hand (no service) that maps the library too; returns its pid. */
    public static int startByHand(TestServer server) {
        server.spawn("echo $$ > /run/upkeep-libdemo-stray.pid; LD_PRELOAD=" + LIBRARY_FILE + " exec sleep infinity");
        return Integer.parseInt(server.run("for i in 1 2 3 4 5 6 7 8 9 10; do [ -s /run/upkeep-libdemo-stray.pid ]"
                + " && break; sleep 0.2; done; cat /run/upkeep-libdemo-stray.pid").strip());
    }

    /** What /proc/PID/maps says about the library for this process: "" when it maps none. */
    public static String mapping(TestServer server, int pid) {
        return server.call("grep -F " + LIBRARY_FILE + " /proc/" + pid + "/maps | head -n 1").stdout().strip();
    }

    private static byte[] serverFile(TestServer server, String pathExpression) {
        return Base64.getMimeDecoder().decode(server.run("base64 \"" + pathExpression + "\"").strip());
    }
}
