package io.evaljobs.cli.keys;

import io.evaljobs.auth.ApiKeys;
import io.evaljobs.cli.EvaljobsCli;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evaljobs keys revoke}: the key stops working (after the gateway's authorizer cache expires). */
@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a key by its key id.")
final class RevokeKeyCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private ApiKeysTableOption tableOption;

  @Parameters(paramLabel = "KEY_ID", description = "Key id as printed by 'keys create' and 'keys list'.")
  private String keyId;

  @Override
  public Integer call() {
    boolean revoked = new ApiKeys(EvaljobsCli.of(spec).dynamoDb(), tableOption.table).revoke(keyId);
    if (!revoked) {
      spec.commandLine().getErr().println("evaljobs: no key with id " + keyId);
      spec.commandLine().getErr().flush();
      return EvaljobsCli.EXIT_FAILED;
    }
    spec.commandLine().getOut().println("revoked " + keyId);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
