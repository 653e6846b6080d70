package io.vgac.dynamodb;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Runs dynalite (the npm package, a DynamoDB implementation on LevelDB, in memory here) for one test class:
 * {@code @RegisterExtension static final DynaliteServer DYNALITE = new DynaliteServer();}. Node listens on
 * 127.0.0.1 on an ephemeral port (port 0) and prints it; node exits when its stdin closes, so a killed JVM leaves no
 * server behind. Missing {@code node_modules/dynalite} fails the test class with the command to run.
 */
final class DynaliteServer implements BeforeAllCallback, AfterAllCallback {
  private static final String READY = "DYNALITE_PORT ";
  private static final String SCRIPT = String.join("\n",
      "const dynalite = require(process.env.DYNALITE_MODULE);",
      "const server = dynalite({createTableMs: 0, deleteTableMs: 0, updateTableMs: 0});",
      "server.listen(0, '127.0.0.1', () => console.log('" + READY + "' + server.address().port));",
      "process.stdin.on('end', () => process.exit(0));",
      "process.stdin.on('error', () => process.exit(0));",
      "process.stdin.resume();");
  private static final AtomicInteger TABLES = new AtomicInteger();

  private @Nullable Process process;
  private int port;
  private @Nullable DynamoDbClient client;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Path module = findDynalite(Path.of("").toAbsolutePath());
    ProcessBuilder pb = new ProcessBuilder(List.of("node", "-e", SCRIPT)).redirectErrorStream(true);
    pb.environment().put("DYNALITE_MODULE", module.toString());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      fail("Cannot start node (Node.js 18+ must be on the PATH to run dynalite): " + e.getMessage(), e);
      return;
    }
    process = p;
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> {
      try {
        for (String line; (line = out.readLine()) != null; ) {
          if (line.startsWith(READY)) {
            return Integer.parseInt(line.substring(READY.length()).trim());
          }
          seen.append(line).append('\n');
        }
      } catch (IOException e) {
        seen.append(e);
      }
      return -1;
    });
    try {
      port = ready.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      stop();
      fail("dynalite did not start within 60 s; output:\n" + seen);
    }
    if (port <= 0) {
      stop();
      fail("dynalite exited before listening; output:\n" + seen);
    }
    // Keep draining its output so a chatty server never blocks on a full pipe.
    Thread drain = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // discard
        }
      } catch (IOException ignored) {
        // the process ended
      }
    }, "dynalite-output");
    drain.setDaemon(true);
    drain.start();
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    }
    client = newClient();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (client != null) {
      client.close();
    }
    stop();
  }

  private void stop() {
    Process p = process;
    if (p == null) {
      return;
    }
    try {
      p.getOutputStream().close(); // node exits on end of stdin
    } catch (IOException ignored) {
      // already gone
    }
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The shared client of the class (closed after it). */
  DynamoDbClient client() {
    if (client == null) {
      throw new IllegalStateException("dynalite is not running");
    }
    return client;
  }

  /** A new client of its own (a second replica); the caller closes it. Fake static credentials, us-east-1. */
  DynamoDbClient newClient() {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fake-key", "fake-secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** A table name not used before in this JVM, created (with {@link DynamoDbTables}). */
  String freshTable() {
    String name = "vgac-test-" + TABLES.incrementAndGet();
    DynamoDbTables.createIfMissing(client(), name);
    return name;
  }

  /** {@code <repository root>/node_modules/dynalite}, found upwards from the working directory. */
  static Path findDynalite(Path dir) {
    Path root = null;
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("package.json")) && Files.isRegularFile(d.resolve("pom.xml"))) {
        root = root == null ? d : root;
        Path module = d.resolve("node_modules").resolve("dynalite");
        if (Files.isRegularFile(module.resolve("index.js"))) {
          return module;
        }
      }
    }
    fail("dynalite is not installed: run `npm ci` in the repository root ("
        + (root == null ? "the directory with package.json, above " + dir : root.toString())
        + ") — the DynamoDB tests run against it and are not skipped");
    throw new AssertionError("unreachable");
  }
}
