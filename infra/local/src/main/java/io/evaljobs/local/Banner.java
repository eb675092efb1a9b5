package io.evaljobs.local;

import io.evaljobs.auth.ApiName;
import io.evaljobs.tenant.Tenant;
import io.evaljobs.contract.OpenApiDocument;
import io.evaljobs.local.demo.DemoKeys;
import java.io.PrintStream;

/** What the local API prints once it listens: its URLs and contracts, the demo keys and two calls to try. */
final class Banner {
  private Banner() {}

  static void print(PrintStream out, LocalServer server, boolean demoData) {
    String base = server.baseUrl().toString();
    out.println();
    out.println("evaljobs local API listening on " + base);
    for (ApiName api : ApiName.values()) {
      out.printf("  GET %-45s key header %s%n", base + api.path(), api.headerName());
    }
    for (OpenApiDocument document : OpenApiDocument.values()) {
      out.printf("  GET %-45s no key: the OpenAPI 3.1 contract%n", base + OpenApiHttpHandler.pathOf(document));
    }
    out.printf("  GET %-45s no key: both contracts in Swagger UI (Authorize with a key below, then Try it out)%n",
        base + DocsHttpHandler.PATH);
    out.println("  DynamoDB: " + server.dynamoDbDescription() + ", tables " + server.tables().values());
    if (demoData) {
      printDemoKeys(out);
      out.println();
      out.println("Try:");
      out.println("  curl -s -H 'X-API-Key: " + DemoKeys.ACME_EVALUATIONS.secret() + "' '" + base
          + "/evaluations?status=completed&sort_by=created_at&sort_order=desc&limit=5'");
      // The key alone names the customer and project; the filters are the agent's identity fields.
      out.println("  curl -si -H 'Meibel-API-Key: " + DemoKeys.ACME_SUPPORT_BOT_SCORING.secret() + "' '" + base
          + "/v2/confidence-scoring/jobs?agent_name=support-agent&limit=5'");
    } else {
      out.println("No demo data: create keys with 'evaljobs keys create' against this DynamoDB.");
    }
    out.println();
    out.println("One JSON line per request follows. Ctrl-C stops.");
    out.flush();
  }

  /** What {@code --serve-dynamodb} prints once DynamoDB listens: where to reach it, and the SAM commands to run. */
  static void printServed(PrintStream out, HostAndPort address, ServedDynamoDb served, boolean demoData) {
    out.println();
    out.println("DynamoDB Local listening on " + address.host() + ":" + served.port()
        + " (in memory, one database for every credential and region)");
    out.println("  from this machine:     " + served.endpoint());
    out.println("  from sam local's containers: http://host.docker.internal:" + served.port()
        + " (DYNAMODB_ENDPOINT in sam-local-env.json)");
    out.println("  tables " + served.tables().values());
    if (demoData) {
      printDemoKeys(out);
    }
    out.println();
    out.println("Then, in another terminal:");
    out.println("  sam build");
    out.println("  sam local invoke EvaluationsFunction -e events/evaluations-list.json");
    out.println("  sam local start-api        # http://127.0.0.1:3000, the keys above");
    out.println();
    out.println("Ctrl-C stops.");
    out.flush();
  }

  private static void printDemoKeys(PrintStream out) {
    out.println();
    out.println("Demo API keys (well known, for local use only):");
    for (DemoKeys.DemoKey key : DemoKeys.ALL) {
      out.printf("  %-12s %-48s %s%n", key.api().wireName(), tenant(key.tenant()), key.secret());
    }
  }

  private static String tenant(Tenant tenant) {
    if (tenant instanceof Tenant.Organization organization) {
      return "organization=" + organization.organization();
    }
    Tenant.CustomerProject project = (Tenant.CustomerProject) tenant;
    return "customer_id=" + project.customerId() + " project_id=" + project.projectId();
  }
}
