package dev.upkeep.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed icon set (icons/, rendered by icons/render.sh) is complete and usable: every PNG size, the window's
 * copies identical to it, a 16 px icon drawn on the pixel grid, and .ico/.icns files that hold the sizes their
 * platforms ask for.
 */
class IconSetTest {
    private static final Path ICONS = Path.of("icons");
    private static final Path WINDOW_ICONS = Path.of("src/main/resources/dev/upkeep/ui/icons");

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {16, 24, 32, 48, 64, 128, 256, 512})
    void everySizeIsASquarePngWithTransparentCornersAndAnOpaqueMiddle(int size) throws IOException {
        BufferedImage png = ImageIO.read(ICONS.resolve("upkeep-" + size + ".png").toFile());
        assertThat(png.getWidth()).isEqualTo(size);
        assertThat(png.getHeight()).isEqualTo(size);
        assertThat(alpha(png, 0, 0)).as("rounded corner").isLessThan(64);
        assertThat(alpha(png, size / 2, size / 2)).isEqualTo(255);
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {16, 24, 32, 48, 64, 128, 256, 512})
    void theWindowUsesTheCommittedIconSet(int size) throws IOException {
        String name = "upkeep-" + size + ".png";
        assertThat(Files.readAllBytes(WINDOW_ICONS.resolve(name))).as(name).isEqualTo(Files.readAllBytes(ICONS.resolve(name)));
    }

    @Test
    void sixteenPixelIconIsDrawnOnThePixelGridSoItReadsInATaskbar() throws IOException {
        BufferedImage png = ImageIO.read(ICONS.resolve("upkeep-16.png").toFile());
        int white = 0;
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                if ((png.getRGB(x, y) & 0xffffffff) == 0xffffffff) {
                    white++;
                }
            }
        }
        // The two server slabs and the arrow are whole white pixels; a scaled-down drawing blurs them to grey.
        assertThat(white).as("pure white pixels at 16 px").isGreaterThanOrEqualTo(60);
        // Strong contrast: the white slabs against the blue tile.
        assertThat(contrast(png.getRGB(4, 2), png.getRGB(1, 5))).isGreaterThan(4.5);
    }

    @Test
    void windowsIcoHoldsEverySizeUpTo256() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(ICONS.resolve("upkeep.ico"))).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ico.getShort(0)).isZero();
        assertThat(ico.getShort(2)).as("type 1 = icon").isEqualTo((short) 1);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < ico.getShort(4); i++) {
            int width = Byte.toUnsignedInt(ico.get(6 + 16 * i));
            sizes.add(width == 0 ? 256 : width);
        }
        assertThat(sizes).containsExactly(16, 24, 32, 48, 64, 128, 256);
    }

    @Test
    void macIcnsHoldsTheRetinaAndSmallSizes() throws IOException {
        ByteBuffer icns = ByteBuffer.wrap(Files.readAllBytes(ICONS.resolve("upkeep.icns")));
        assertThat(new String(icns.array(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(icns.getInt(4)).as("length in the header").isEqualTo(icns.capacity());
        List<String> types = new ArrayList<>();
        for (int at = 8; at < icns.capacity(); at += icns.getInt(at + 4)) {
            types.add(new String(icns.array(), at, 4, StandardCharsets.US_ASCII));
        }
        // is32/il32/ih32/it32: 16, 32, 48, 128 px; ic08/ic09: 256 and 512 px.
        assertThat(types).contains("is32", "il32", "ih32", "it32", "ic08", "ic09");
    }

    private static int alpha(BufferedImage png, int x, int y) {
        return png.getRGB(x, y) >>> 24;
    }

    /** WCAG contrast ratio of two opaque colours. */
    private static double contrast(int a, int b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(int rgb) {
        double[] c = {(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255};
        for (int i = 0; i < 3; i++) {
            double s = c[i] / 255;
            c[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
