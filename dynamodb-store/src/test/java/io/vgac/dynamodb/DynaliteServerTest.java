package io.vgac.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** Without {@code npm ci} the DynamoDB tests fail with the command to run; they are never skipped silently. */
class DynaliteServerTest {
  @TempDir Path root;

  @Test
  void missingNodeModulesFailsNamingNpmCi() throws IOException {
    Files.writeString(root.resolve("package.json"), "{}");
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    Path module = Files.createDirectories(root.resolve("dynamodb-store"));
    assertThatThrownBy(() -> DynaliteServer.findDynalite(module)).isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("run `npm ci` in the repository root (" + root + ")");
  }

  @Test
  void installedDynaliteIsFoundFromAModuleDirectory() throws IOException {
    Files.writeString(root.resolve("package.json"), "{}");
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    Path dynalite = Files.createDirectories(root.resolve("node_modules").resolve("dynalite"));
    Files.writeString(dynalite.resolve("index.js"), "");
    assertThat(DynaliteServer.findDynalite(Files.createDirectories(root.resolve("dynamodb-store"))))
        .isEqualTo(dynalite);
  }
}
