package io.evaljobs.cli.keys;

import io.evaljobs.auth.ApiKeyRecord;
import io.evaljobs.auth.ApiKeys;
import io.evaljobs.auth.ApiName;
import io.evaljobs.cli.EvaljobsCli;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaljobs keys list}: the keys of one API, without any secret. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists the keys of one API with their state and expiry (never the keys themselves).")
final class ListKeysCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private ApiKeysTableOption tableOption;

  @Option(names = "--api", required = true, converter = ApiNameConverter.class, description = "evaluations or scoring")
  private ApiName api;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("KEY_ID\tTENANT\tNAME\tSTATUS\tCREATED\tEXPIRES");
    Instant now = Instant.now();
    for (ApiKeyRecord key : new ApiKeys(EvaljobsCli.of(spec).dynamoDb(), tableOption.table).list(api)) {
      out.println(key.keyId() + "\t" + TenantText.of(key.tenant()) + "\t" + key.name() + "\t" + status(key, now)
          + "\t" + key.createdAt() + "\t" + key.expiresAt().map(Instant::toString).orElse("never"));
    }
    out.flush();
    return 0;
  }

  /** Revoked wins over expired: a revoked key stays revoked whatever its expiry. */
  static String status(ApiKeyRecord key, Instant now) {
    if (key.revoked()) {
      return "revoked" + key.revokedAt().map(at -> " " + at).orElse("");
    }
    return key.expiredAt(now) ? "expired" : "active";
  }
}
