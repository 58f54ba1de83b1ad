package dev.upkeep.ssh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The last {@code capacity} bytes of a stream, for the lines shown after "… N more lines not shown". */
final class TailBuffer {
    private final byte[] ring;
    private int end;
    private boolean wrapped;

    TailBuffer(int capacity) {
        this.ring = new byte[capacity];
    }

    void write(byte[] b, int off, int len) {
        if (ring.length == 0) {
            return;
        }
        if (len >= ring.length) {
            System.arraycopy(b, off + len - ring.length, ring, 0, ring.length);
            end = 0;
            wrapped = true;
            return;
        }
        int first = Math.min(len, ring.length - end);
        System.arraycopy(b, off, ring, end, first);
        System.arraycopy(b, off + first, ring, 0, len - first);
        if (end + len >= ring.length) {
            wrapped = true;
        }
        end = (end + len) % ring.length;
    }

    /**
     * The whole lines held, oldest first, as raw bytes without their line ends. When older bytes were overwritten,
     * the first (cut) line is left out: a line without its start would mislead.
     */
    List<byte[]> lines() {
        byte[] all;
        if (wrapped) {
            all = new byte[ring.length];
            System.arraycopy(ring, end, all, 0, ring.length - end);
            System.arraycopy(ring, 0, all, ring.length - end, end);
        } else {
            all = Arrays.copyOf(ring, end);
        }
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        if (wrapped) {
            while (start < all.length && all[start] != '\n') {
                start++;
            }
            start++;
        }
        for (int i = start; i < all.length; i++) {
            if (all[i] == '\n') {
                out.add(Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        if (start < all.length) {
            out.add(Arrays.copyOfRange(all, start, all.length));
        }
        return out;
    }
}
