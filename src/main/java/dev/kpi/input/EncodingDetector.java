package dev.kpi.input;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Picks the character set of an export from its first bytes: a byte-order mark decides (UTF-8,
 * UTF-16LE, UTF-16BE); otherwise NUL bytes in alternate positions mean BOM-less UTF-16; otherwise
 * bytes that decode as UTF-8 are UTF-8; anything else is read as Windows-1252 (what Excel's "CSV"
 * save writes in Western locales), which the caller reports.
 */
public final class EncodingDetector {
    /** The detected charset and how many BOM bytes to skip. */
    public record Detected(Charset charset, int bomLength, String label) {}

    private EncodingDetector() {}

    public static Detected detect(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, 3, "UTF-8 with BOM");
        }
        if (length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            return new Detected(StandardCharsets.UTF_16LE, 2, "UTF-16LE with BOM");
        }
        if (length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            return new Detected(StandardCharsets.UTF_16BE, 2, "UTF-16BE with BOM");
        }
        int evenZeros = 0;
        int oddZeros = 0;
        int n = Math.min(length, 4096);
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                if ((i & 1) == 0) evenZeros++; else oddZeros++;
            }
        }
        if (n >= 4 && oddZeros > n / 4 && evenZeros < n / 50) return new Detected(StandardCharsets.UTF_16LE, 0, "UTF-16LE");
        if (n >= 4 && evenZeros > n / 4 && oddZeros < n / 50) return new Detected(StandardCharsets.UTF_16BE, 0, "UTF-16BE");
        if (isUtf8(head, length)) return new Detected(StandardCharsets.UTF_8, 0, "UTF-8");
        return new Detected(Charset.forName("windows-1252"), 0, "Windows-1252");
    }

    /** True when the bytes are valid UTF-8, allowing a multi-byte sequence cut at the end of the sample. */
    static boolean isUtf8(byte[] head, int length) {
        int end = length;
        // Do not fail on a character split by the sample boundary: drop up to 3 trailing continuation bytes.
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0x80) back++;
        if (end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0xC0) end = end - back - 1;
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
