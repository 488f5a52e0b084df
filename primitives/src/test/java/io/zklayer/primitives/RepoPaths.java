package io.zklayer.primitives;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root from a test's working directory (a module folder or the root). */
public final class RepoPaths {
    private RepoPaths() {}

    /** Returns the folder holding the root {@code pom.xml} of the ZKLayer reactor. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path pom = p.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>zklayer-parent</artifactId>")
                        && Files.readString(pom).contains("<modules>")) {
                    return p;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no zklayer-parent pom.xml above " + dir);
    }
}
