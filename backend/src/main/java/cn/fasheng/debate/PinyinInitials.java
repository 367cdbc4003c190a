package cn.fasheng.debate;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.Charset;

/**
 * The pinyin initial of a Chinese character, without a dictionary: GB2312's 3,755 level-1 characters (which
 * include nearly every surname and most given-name characters) are ordered by pinyin, so the first code of
 * each initial's range decides it. Level-2 and other characters often given to children today (梓, 萱, 琪, 睿…)
 * are listed here; any other character reads as "*" rather than as a wrong letter.
 */
final class PinyinInitials {

    private static final Charset GB2312 = Charset.forName("GB2312");
    private static final int[] STARTS = {0xB0A1, 0xB0C5, 0xB2C1, 0xB4EE, 0xB6EA, 0xB7A2, 0xB8C1, 0xB9FE, 0xBBF7,
            0xBFA6, 0xC0AC, 0xC2E8, 0xC4C3, 0xC5B6, 0xC5BE, 0xC6DA, 0xC8BB, 0xC8F6, 0xCBFA, 0xCDDA, 0xCEF4, 0xD1B9,
            0xD4D1};
    private static final char[] LETTERS = "ABCDEFGHJKLMNOPQRSTWXYZ".toCharArray();
    private static final int LEVEL_ONE_END = 0xD7FA;
    private static final String NAME_CHARACTERS = "梓Z萱X琪Q瑾J琦Q璐L昊H晟S煜Y熠Y玥Y珂K璇X钰Y翊Y彧Y昕X晗H宸C祺Q琛C瑜Y珏J琰Y"
            + "婕J娅Y嫣Y妍Y姝S婧J骁X皓H曦X赟Y瀚H淇Q芮R诩X沅Y筱X钊Z苒R茜Q菡H芊Q蓁Z潇X滢Y珺J玮W炜W烨Y晔Y焱Y珩H"
            + "琨K瑭T璟J奕Y弈Y昱Y煊X锴K祎Y隽J浠X芸Y婷T倩Q睿R";

    private PinyinInitials() {
    }

    static char of(int codePoint) {
        if (codePoint < 0x80) {
            return Character.toUpperCase((char) codePoint);
        }
        int listed = NAME_CHARACTERS.indexOf(codePoint);
        if (listed >= 0 && listed % 2 == 0) {
            return NAME_CHARACTERS.charAt(listed + 1);
        }
        int code = gb2312(codePoint);
        if (code < STARTS[0] || code >= LEVEL_ONE_END) {
            return '*';
        }
        for (int i = STARTS.length - 1; i >= 0; i--) {
            if (code >= STARTS[i]) {
                return LETTERS[i];
            }
        }
        return '*';
    }

    private static int gb2312(int codePoint) {
        CharsetEncoder encoder = GB2312.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(Character.toChars(codePoint)));
            return bytes.remaining() == 2 ? ((bytes.get() & 0xFF) << 8) | (bytes.get() & 0xFF) : -1;
        }
        catch (CharacterCodingException e) {
            return -1;
        }
    }
}
