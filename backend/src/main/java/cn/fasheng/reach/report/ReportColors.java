package cn.fasheng.reach.report;

import java.awt.Color;
import java.util.List;

/** The report's colours, shared by the workbook's charts and the PDF so a channel looks the same in both. */
final class ReportColors {

    static final Color RED = new Color(0xB3, 0x12, 0x1B);
    static final Color INK = new Color(0x1F, 0x23, 0x29);
    static final Color MUTED = new Color(0x5C, 0x64, 0x70);
    static final Color RULE = new Color(0xC9, 0xCD, 0xD4);
    static final Color GRID = new Color(0xE5, 0xE7, 0xEB);
    static final Color HEADER_FILL = new Color(0xEE, 0xF0, 0xF3);
    static final Color STRIPE = new Color(0xF8, 0xF9, 0xFA);

    /** The column's red, Bilibili's blue and WeChat's green first, in the order of the channels; then distinct hues. */
    private static final List<Color> SERIES = List.of(RED, new Color(0x00, 0x8F, 0xC7), new Color(0x1A, 0x9E, 0x4B),
            new Color(0xE0, 0x8E, 0x0B), new Color(0x6F, 0x4C, 0xB8), new Color(0x12, 0x8C, 0x86), new Color(0x8D, 0x99, 0xAE));

    private ReportColors() {
    }

    static Color series(int index) {
        return SERIES.get(index % SERIES.size());
    }
}
