package io.evaljobs.cli.keys;

import io.evaljobs.auth.ApiKeys;
import io.evaljobs.auth.ApiName;
import io.evaljobs.auth.IssuedKey;
import io.evaljobs.tenant.Tenant;
import io.evaljobs.cli.EvaljobsCli;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code evaljobs keys create}: a new key for one tenant of one API, shown once and stored only as a hash. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Creates an API key and prints it ONCE (only its hash is stored).",
      "evaluations keys need --organization; scoring keys need --customer-id and --project-id.",
      "A key never expires unless --expires-in or --expires-at is given."
    })
final class CreateKeyCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private ApiKeysTableOption tableOption;

  @Option(names = "--api", required = true, converter = ApiNameConverter.class, description = "evaluations or scoring")
  private ApiName api;

  @Option(names = "--organization", description = "Tenant of an evaluations key.")
  private Optional<String> organization;

  @Option(names = "--customer-id", description = "Customer of a scoring key.")
  private Optional<String> customerId;

  @Option(names = "--project-id", description = "Project of a scoring key.")
  private Optional<String> projectId;

  @Option(names = "--name", defaultValue = "", description = "A name to recognise the key by.")
  private String name;

  @Option(
      names = "--expires-in",
      paramLabel = "LIFETIME",
      description = "The key stops working this long from now: days, hours or minutes, e.g. 90d, 12h, 30m.")
  private Optional<String> expiresIn;

  @Option(
      names = "--expires-at",
      paramLabel = "INSTANT",
      description = "The key stops working at this instant (2027-01-31T12:00:00Z) or UTC date (2027-01-31).")
  private Optional<String> expiresAt;

  @Override
  public Integer call() {
    Tenant tenant = tenant();
    Optional<Instant> expiry = expiry(Instant.now());
    IssuedKey issued =
        new ApiKeys(EvaljobsCli.of(spec).dynamoDb(), tableOption.table).create(api, tenant, name, expiry);
    PrintWriter out = spec.commandLine().getOut();
    out.println("key id:  " + issued.keyId());
    out.println("tenant:  " + TenantText.of(tenant));
    out.println("expires: " + issued.record().expiresAt().map(Instant::toString).orElse("never"));
    out.println("api key: " + issued.plaintextKey());
    out.println("Store the key now: it cannot be shown again. Send it in the " + api.headerName() + " header.");
    out.flush();
    return 0;
  }

  /** At most one of the two options; an expiry that is not in the future is refused before anything is stored. */
  private Optional<Instant> expiry(Instant now) {
    if (expiresIn.isPresent() && expiresAt.isPresent()) {
      throw usage("--expires-in and --expires-at are alternatives: give one");
    }
    Optional<Instant> expiry;
    try {
      expiry = expiresIn.map(text -> now.plus(KeyExpiry.lifetime(text))).or(() -> expiresAt.map(KeyExpiry::instant));
    } catch (IllegalArgumentException e) {
      throw usage((expiresIn.isPresent() ? "--expires-in: " : "--expires-at: ") + e.getMessage());
    }
    if (expiry.isPresent() && !expiry.get().isAfter(now)) {
      throw usage("--expires-at: " + expiry.get() + " is not in the future");
    }
    return expiry;
  }

  private Tenant tenant() {
    if (api == ApiName.EVALUATIONS) {
      if (customerId.isPresent() || projectId.isPresent()) {
        throw usage("--customer-id and --project-id are for --api scoring");
      }
      return new Tenant.Organization(required(organization, "--organization"));
    }
    if (organization.isPresent()) {
      throw usage("--organization is for --api evaluations");
    }
    return new Tenant.CustomerProject(required(customerId, "--customer-id"), required(projectId, "--project-id"));
  }

  private String required(Optional<String> value, String option) {
    return value.filter(v -> !v.isBlank()).orElseThrow(() -> usage(option + " is required for --api " + api.wireName()));
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
