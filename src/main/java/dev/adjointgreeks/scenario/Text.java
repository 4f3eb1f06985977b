package dev.adjointgreeks.scenario;

/** Shows untrusted text in a one-line message: control characters escaped, long values cut. */
public final class Text {

    /** Values longer than this are cut in messages (the row is still rejected by its full value). */
    public static final int MESSAGE_VALUE_CHARS = 200;

    private Text() {
    }

    /** {@code \n}, {@code \r}, {@code \t} and other control characters as Java-style escapes. */
    public static String oneLine(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String esc = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\\' -> "\\\\";
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                        ? String.format("\\u%04x", (int) c) : null;
            };
            if (esc != null && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) {
                if (esc != null) {
                    sb.append(esc);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    public static String shorten(String s) {
        return s.length() <= MESSAGE_VALUE_CHARS ? s
                : s.substring(0, MESSAGE_VALUE_CHARS) + "... (" + s.length() + " characters)";
    }
}
