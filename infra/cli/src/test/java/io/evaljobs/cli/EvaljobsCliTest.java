package io.evaljobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.paging.TokenKeyring;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EvaljobsCliTest {
  private final List<Optional<URI>> connections = new ArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine =
        EvaljobsCli.commandLine(
            new EvaljobsCli((endpoint, region) -> {
              connections.add(endpoint);
              throw new IllegalStateException("no DynamoDB in this test at " + endpoint.map(URI::toString).orElse("AWS"));
            }));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void tokenKey_printsAKeyThePageTokenKeyringAccepts() {
    assertEquals(0, run("keys", "token-key", "--key-id", "k1"));
    String spec = out.toString().trim();
    assertTrue(spec.startsWith("k1:"), spec);
    TokenKeyring.parse(spec);
    assertEquals(List.of(), connections, "no DynamoDB needed");
  }

  @Test
  void tokenKey_invalidKeyId_isAUsageError() {
    assertEquals(2, run("keys", "token-key", "--key-id", "not valid!"));
  }

  @Test
  void endpoint_givenBeforeOrAfterTheSubcommand_reachesTheConnector() {
    assertEquals(1, run("--endpoint", "http://localhost:8000", "keys", "list", "--api", "evaluations"));
    assertEquals(1, run("keys", "list", "--api", "evaluations", "--endpoint", "http://localhost:9000"));
    assertEquals(
        List.of(Optional.of(URI.create("http://localhost:8000")), Optional.of(URI.create("http://localhost:9000"))),
        connections);
    assertTrue(err.toString().contains("evaljobs: no DynamoDB in this test at http://localhost:8000"), err.toString());
    assertTrue(!err.toString().contains("\tat "), "no stack trace");
  }

  @Test
  void unknownCommandOrOption_isAUsageError() {
    assertEquals(2, run("nope"));
    assertEquals(2, run("keys", "list"));
    assertEquals(2, run("import", "evaluations", "--organization", " ", "file.jsonl"));
  }
}
