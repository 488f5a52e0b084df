package io.zklayer.runtime.metadata;

import io.zklayer.primitives.codec.ScaleCodec;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the public static codec constants ({@code public static final ScaleCodec<…> CODEC}) of the
 * classes in a pallet's package, so that the metadata can name a record or enum that the pallet
 * only uses inside a hand-written codec (an enum field of a struct encoded by hand). Classes are
 * read from the pallet's own class-path entry (a directory or a jar), in name order.
 */
final class PackageCodecs {
    private PackageCodecs() {}

    /** Returns the codec constants of the classes in {@code type}'s package, in class and field name order. */
    static List<ScaleCodec<?>> of(Class<?> type) {
        List<ScaleCodec<?>> out = new ArrayList<>();
        for (String className : classNames(type)) {
            Class<?> c;
            try {
                c = Class.forName(className, true, type.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            List<Field> fields = new ArrayList<>(List.of(c.getFields()));
            fields.sort(java.util.Comparator.comparing(Field::getName));
            for (Field f : fields) {
                if (Modifier.isStatic(f.getModifiers()) && f.getDeclaringClass() == c
                        && ScaleCodec.class.isAssignableFrom(f.getType())) {
                    try {
                        Object codec = f.get(null);
                        if (codec != null) {
                            out.add((ScaleCodec<?>) codec);
                        }
                    } catch (IllegalAccessException e) {
                        // a public field of a class we cannot access: not ours to describe
                    }
                }
            }
        }
        return out;
    }

    private static TreeSet<String> classNames(Class<?> type) {
        TreeSet<String> names = new TreeSet<>();
        String pkg = type.getPackageName();
        String dir = pkg.replace('.', '/');
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return names;
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) {
                Path folder = location.resolve(dir);
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> files = Files.list(folder)) {
                        files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class"))
                                .forEach(n -> names.add(pkg + "." + n.substring(0, n.length() - ".class".length())));
                    }
                }
            } else if (Files.isRegularFile(location)) {
                try (JarFile jar = new JarFile(location.toFile())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String n = entries.nextElement().getName();
                        if (n.startsWith(dir + "/") && n.endsWith(".class") && n.indexOf('/', dir.length() + 1) < 0) {
                            names.add(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return names;
        }
        names.removeIf(n -> n.endsWith("package-info") || n.endsWith("module-info"));
        return names;
    }
}
