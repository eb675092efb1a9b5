package io.evaljobs.local.demo;

import io.evaljobs.auth.ApiName;
import io.evaljobs.tenant.Tenant;
import java.util.List;

/**
 * The well-known API keys of the demo tenants. They are public by design and only ever stored by the local API;
 * the sample events in events/ use the acme keys.
 */
public final class DemoKeys {
  /** One demo key: its API, tenant, name and plaintext secret. */
  public record DemoKey(ApiName api, Tenant tenant, String name, String secret) {}

  public static final DemoKey ACME_EVALUATIONS =
      new DemoKey(ApiName.EVALUATIONS, new Tenant.Organization("acme"), "demo acme",
          "ej_eval_demo_acme_000000000000000000000000000000000");

  public static final DemoKey GLOBEX_EVALUATIONS =
      new DemoKey(ApiName.EVALUATIONS, new Tenant.Organization("globex"), "demo globex",
          "ej_eval_demo_globex_0000000000000000000000000000000");

  public static final DemoKey ACME_SUPPORT_BOT_SCORING =
      new DemoKey(ApiName.SCORING, new Tenant.CustomerProject("cust-acme", "proj-support-bot"),
          "demo acme support bot", "ej_score_demo_acme_000000000000000000000000000000000");

  public static final DemoKey ACME_SEARCH_SCORING =
      new DemoKey(ApiName.SCORING, new Tenant.CustomerProject("cust-acme", "proj-search"),
          "demo acme search", "ej_score_demo_acme_search_00000000000000000000000000");

  public static final DemoKey GLOBEX_TRIAGE_SCORING =
      new DemoKey(ApiName.SCORING, new Tenant.CustomerProject("cust-globex", "proj-triage"),
          "demo globex triage", "ej_score_demo_globex_0000000000000000000000000000000");

  public static final List<DemoKey> ALL =
      List.of(ACME_EVALUATIONS, GLOBEX_EVALUATIONS, ACME_SUPPORT_BOT_SCORING, ACME_SEARCH_SCORING,
          GLOBEX_TRIAGE_SCORING);

  private DemoKeys() {}
}
