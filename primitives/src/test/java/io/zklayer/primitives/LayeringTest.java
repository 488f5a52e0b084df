package io.zklayer.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Enforces the module arrows of ARCHITECTURE §2 on the main sources of every module: a module may
 * name only its own packages and those of the modules it may import.
 */
class LayeringTest {
    /** Module folder → the Java package roots it owns. */
    static final Map<String, Set<String>> PACKAGES = new LinkedHashMap<>();
    /** Module folder → modules it may import. */
    static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        PACKAGES.put("primitives", Set.of("primitives"));
        PACKAGES.put("zk", Set.of("zk"));
        PACKAGES.put("wasm-contracts", Set.of("wasm"));
        PACKAGES.put("sdk", Set.of("sdk"));
        PACKAGES.put("pallets", Set.of("pallets", "runtime"));
        PACKAGES.put("consensus", Set.of("consensus"));
        PACKAGES.put("p2p", Set.of("p2p"));
        PACKAGES.put("genesis", Set.of("genesis"));
        PACKAGES.put("chain-node", Set.of("node"));
        PACKAGES.put("testnet", Set.of("testnet"));
        PACKAGES.put("bench", Set.of("bench"));

        ALLOWED.put("primitives", Set.of());
        ALLOWED.put("zk", Set.of("primitives"));
        ALLOWED.put("wasm-contracts", Set.of("primitives"));
        ALLOWED.put("sdk", Set.of("primitives", "zk", "wasm-contracts"));
        ALLOWED.put("pallets", Set.of("primitives", "zk", "wasm-contracts"));
        ALLOWED.put("consensus", Set.of("primitives", "pallets"));
        ALLOWED.put("p2p", Set.of("primitives"));
        ALLOWED.put("genesis", Set.of("primitives", "pallets", "sdk"));
        ALLOWED.put("chain-node", Set.of("primitives", "zk", "wasm-contracts", "sdk", "pallets", "consensus", "p2p", "genesis"));
        ALLOWED.put("testnet", Set.of("chain-node", "primitives"));
        ALLOWED.put("bench", PACKAGES.keySet());
    }

    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.zklayer\\.([a-z0-9]+)\\b");

    @Test
    void everyModuleNamesOnlyModulesItMayImport() throws IOException {
        Path root = RepoPaths.root();
        List<String> violations = new ArrayList<>();
        int scanned = 0;
        for (String module : PACKAGES.keySet()) {
            Path src = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(src)) {
                for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    scanned++;
                    violations.addAll(check(module, root.relativize(file).toString(), Files.readString(file)));
                }
            }
        }
        assertThat(scanned).as("main source files scanned").isGreaterThan(10);
        assertThat(violations).as("layering violations (ARCHITECTURE §2)").isEmpty();
    }

    @Test
    void reportsAModuleThatImportsOneAboveIt() {
        String source = "package io.zklayer.pallets.x;\nimport io.zklayer.p2p.Host;\nclass X {}\n";
        assertThat(check("pallets", "pallets/X.java", source))
                .containsExactly("pallets/X.java names io.zklayer.p2p (module p2p), which pallets may not import");
        assertThat(check("chain-node", "chain-node/X.java", "import io.zklayer.p2p.Host;")).isEmpty();
        assertThat(check("primitives", "primitives/X.java", "import io.zklayer.zk.Fr;")).hasSize(1);
        assertThat(check("primitives", "primitives/X.java", "/** see {@code io.zklayer.node.Store} */ class X {}")).isEmpty();
    }

    static List<String> check(String module, String file, String source) {
        Set<String> ownAndAllowed = new TreeSet<>(PACKAGES.get(module));
        for (String dep : ALLOWED.get(module)) {
            ownAndAllowed.addAll(PACKAGES.get(dep));
        }
        List<String> out = new ArrayList<>();
        Set<String> reported = new TreeSet<>();
        Matcher m = REFERENCE.matcher(withoutComments(source));
        while (m.find()) {
            String pkg = m.group(1);
            if (!ownAndAllowed.contains(pkg) && reported.add(pkg)) {
                out.add(file + " names io.zklayer." + pkg + " (module " + owner(pkg) + "), which " + module + " may not import");
            }
        }
        return out;
    }

    /** Drops comments: a javadoc may mention a higher module; code may not use one. */
    static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    }

    private static String owner(String pkg) {
        return PACKAGES.entrySet().stream().filter(e -> e.getValue().contains(pkg)).map(Map.Entry::getKey)
                .findFirst().orElse("unknown");
    }
}
