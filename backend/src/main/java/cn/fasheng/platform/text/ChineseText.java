package cn.fasheng.platform.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text files editors bring from Chinese Windows: Excel and Notepad save GB18030 there and UTF-8 (often with a
 * byte-order mark) elsewhere. Bytes that are not valid UTF-8 are read as GB18030.
 */
public final class ChineseText {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private ChineseText() {
    }

    public static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (CharacterCodingException e) {
            text = new String(bytes, GB18030);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** UTF-8 with a byte-order mark, which makes Excel open a CSV file as UTF-8. */
    public static byte[] forExcel(String csv) {
        return ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
    }
}
