package io.evaljobs.cli.keys;

import io.evaljobs.paging.TokenKeyring;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code evaljobs keys token-key}: a fresh PAGE_TOKEN_KEYS value. */
@Command(
    name = "token-key",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a fresh page token key as KEYID:BASE64 for the PageTokenKeys parameter.",
      "To rotate, put the new entry first and keep the old one after a comma until tokens in flight expire."
    })
final class TokenKeyCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--key-id", description = "Key id (default: k followed by today's date, e.g. k20260101).")
  private String keyId;

  @Override
  public Integer call() {
    String id = keyId != null ? keyId : "k" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
    String generated = TokenKeyring.generateSpec(id, new SecureRandom());
    try {
      TokenKeyring.parse(generated);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--key-id: " + e.getMessage());
    }
    spec.commandLine().getOut().println(generated);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
