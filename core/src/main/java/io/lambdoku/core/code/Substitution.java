package io.lambdoku.core.code;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Octopus-style #{Name} tokens in text files, replaced while packaging; binary files are never touched. */
final class Substitution {

    static final Pattern TOKEN = Pattern.compile("#\\{([A-Za-z_][A-Za-z0-9_.\\-]*)}");

    private Substitution() {
    }

    /** The substituted bytes, or empty when the file is binary; unresolved tokens are added to {@code missing}. */
    static Optional<byte[]> apply(String file, byte[] content, Map<String, String> vars, List<String> missing) {
        Optional<String> text = text(content);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(text.get().length());
        String[] lines = text.get().split("(?<=\n)", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = TOKEN.matcher(lines[i]);
            int line = i + 1;
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String value = vars.get(m.group(1));
                if (value == null) {
                    missing.add(file + ":" + line + ":" + m.group());
                    value = m.group();
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            out.append(sb);
        }
        return Optional.of(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** UTF-8 text without NUL bytes; anything else counts as binary. */
    private static Optional<String> text(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
