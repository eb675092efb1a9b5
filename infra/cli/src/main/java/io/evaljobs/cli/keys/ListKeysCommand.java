package io.evaljobs.cli.keys;

import io.evaljobs.auth.ApiKeyRecord;
import io.evaljobs.auth.ApiKeys;
import io.evaljobs.auth.ApiName;
import io.evaljobs.cli.EvaljobsCli;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaljobs keys list}: the keys of one API, without any secret. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the keys of one API (never the keys themselves).")
final class ListKeysCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private ApiKeysTableOption tableOption;

  @Option(names = "--api", required = true, converter = ApiNameConverter.class, description = "evaluations or scoring")
  private ApiName api;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("KEY_ID\tTENANT\tNAME\tSTATUS\tCREATED");
    for (ApiKeyRecord key : new ApiKeys(EvaljobsCli.of(spec).dynamoDb(), tableOption.table).list(api)) {
      String status = key.revoked() ? "revoked" + key.revokedAt().map(at -> " " + at).orElse("") : "active";
      out.println(
          key.keyId() + "\t" + TenantText.of(key.tenant()) + "\t" + key.name() + "\t" + status + "\t" + key.createdAt());
    }
    out.flush();
    return 0;
  }
}
