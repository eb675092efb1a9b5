package io.evaljobs.cli.keys;

import io.evaljobs.auth.ApiKeys;
import io.evaljobs.auth.ApiName;
import io.evaljobs.auth.IssuedKey;
import io.evaljobs.auth.Tenant;
import io.evaljobs.cli.EvaljobsCli;
import java.io.PrintWriter;
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
      "evaluations keys need --organization; scoring keys need --customer-id and --project-id."
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

  @Override
  public Integer call() {
    Tenant tenant = tenant();
    IssuedKey issued = new ApiKeys(EvaljobsCli.of(spec).dynamoDb(), tableOption.table).create(api, tenant, name);
    PrintWriter out = spec.commandLine().getOut();
    out.println("key id:  " + issued.keyId());
    out.println("tenant:  " + TenantText.of(tenant));
    out.println("api key: " + issued.plaintextKey());
    out.println("Store the key now: it cannot be shown again. Send it in the " + api.headerName() + " header.");
    out.flush();
    return 0;
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
