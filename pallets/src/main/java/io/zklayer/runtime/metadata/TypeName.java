package io.zklayer.runtime.metadata;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed SCALE type name as codecs report it ({@link io.zklayer.primitives.codec.ScaleCodec#typeName()}):
 * a name with optional generic arguments ({@code Vec<u8>}, {@code BTreeMap<H256, u32>}), a tuple
 * ({@code (Vec<u8>, Vec<u8>)}, {@code ()}) or a fixed array ({@code [u8; 32]}).
 * {@code parse("Option<(u32, [u8; 4])>")} is {@code Option} with one argument, a tuple of {@code u32}
 * and an array of four {@code u8}.
 *
 * @param kind named, tuple or array
 * @param name the name ({@code Vec}) for named types, empty otherwise
 * @param args the generic arguments, tuple elements, or the array's element
 * @param length the array length (0 for other kinds)
 * @param text the normalized text of the whole name
 */
public record TypeName(Kind kind, String name, List<TypeName> args, long length, String text) {
    /** The three forms a type name takes. */
    public enum Kind { NAMED, TUPLE, ARRAY }

    public TypeName {
        args = List.copyOf(args);
    }

    /** Parses {@code text}; a malformed name is an {@link IllegalArgumentException} quoting it. */
    public static TypeName parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty type name");
        }
        try {
            return parseTrimmed(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed type name '" + text + "': " + e.getMessage(), e);
        }
    }

    private static TypeName parseTrimmed(String s) {
        if (s.startsWith("(")) {
            if (!s.endsWith(")")) {
                throw new IllegalArgumentException("tuple without closing parenthesis");
            }
            String inner = s.substring(1, s.length() - 1).trim();
            List<TypeName> elements = new ArrayList<>();
            if (!inner.isEmpty()) {
                for (String part : splitTopLevel(inner, ',')) {
                    elements.add(parse(part));
                }
            }
            return new TypeName(Kind.TUPLE, "", elements, 0, tupleText(elements));
        }
        if (s.startsWith("[")) {
            if (!s.endsWith("]")) {
                throw new IllegalArgumentException("array without closing bracket");
            }
            List<String> parts = splitTopLevel(s.substring(1, s.length() - 1), ';');
            if (parts.size() != 2) {
                throw new IllegalArgumentException("array must be [T; N]");
            }
            long length;
            try {
                length = Long.parseLong(parts.get(1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("array length is not a number: " + parts.get(1).trim());
            }
            if (length < 0 || length > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("array length out of u32 range: " + length);
            }
            TypeName element = parse(parts.get(0));
            return new TypeName(Kind.ARRAY, "", List.of(element), length, "[" + element.text + "; " + length + "]");
        }
        int lt = s.indexOf('<');
        if (lt < 0) {
            checkIdentifier(s);
            return new TypeName(Kind.NAMED, s, List.of(), 0, s);
        }
        if (!s.endsWith(">")) {
            throw new IllegalArgumentException("generic arguments without closing '>'");
        }
        String name = s.substring(0, lt).trim();
        checkIdentifier(name);
        List<TypeName> args = new ArrayList<>();
        for (String part : splitTopLevel(s.substring(lt + 1, s.length() - 1), ',')) {
            args.add(parse(part));
        }
        StringBuilder t = new StringBuilder(name).append('<');
        for (int i = 0; i < args.size(); i++) {
            t.append(i == 0 ? "" : ", ").append(args.get(i).text);
        }
        return new TypeName(Kind.NAMED, name, args, 0, t.append('>').toString());
    }

    private static String tupleText(List<TypeName> elements) {
        StringBuilder t = new StringBuilder("(");
        for (int i = 0; i < elements.size(); i++) {
            t.append(i == 0 ? "" : ", ").append(elements.get(i).text);
        }
        return t.append(')').toString();
    }

    private static void checkIdentifier(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("missing name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == ':')) {
                throw new IllegalArgumentException("unexpected character '" + c + "' in name '" + name + "'");
            }
        }
    }

    /** Splits at {@code separator} where no bracket of any kind is open. */
    private static List<String> splitTopLevel(String s, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '(' || c == '[') {
                depth++;
            } else if (c == '>' || c == ')' || c == ']') {
                depth--;
                if (depth < 0) {
                    throw new IllegalArgumentException("unbalanced '" + c + "'");
                }
            } else if (c == separator && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced brackets");
        }
        parts.add(s.substring(start));
        for (String p : parts) {
            if (p.isBlank()) {
                throw new IllegalArgumentException("empty element");
            }
        }
        return parts;
    }
}
