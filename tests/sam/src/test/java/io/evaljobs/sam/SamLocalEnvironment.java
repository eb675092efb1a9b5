package io.evaljobs.sam;

import io.evaljobs.tables.TemplateDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment sam local invoke and start-api give a function's container, worked out as SAM CLI documents and
 * implements it (samcli/local/lambdafn/env_vars.py): its own AWS_* variables (placeholder credentials
 * {@code defaultkey} when no profile gives real ones), then every variable the template declares for the function,
 * valued from the env-vars file when the file names it, else from the template: a literal as it is, a {@code Ref}
 * to a parameter as the parameter's default, a {@code Ref} to a resource as its logical id, any other intrinsic as
 * an empty string. Variables the template does not declare are never passed, whatever the file says.
 */
final class SamLocalEnvironment {
  private SamLocalEnvironment() {}

  static Map<String, String> of(
      TemplateDocument template, SamFunction function, Map<String, Map<String, String>> envVarsFile) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_SAM_LOCAL", "true");
    env.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_HANDLER", function.handler());
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "defaultkey");
    env.put("AWS_SECRET_ACCESS_KEY", "defaultsecret");
    env.put("AWS_ACCOUNT_ID", "123456789012");
    Map<String, String> overrides = envVarsFile.getOrDefault(function.logicalId(), Map.of());
    function.declaredVariables().forEach((name, value) ->
        env.put(name, overrides.containsKey(name) ? overrides.get(name) : templateValue(template, value)));
    return env;
  }

  private static String templateValue(TemplateDocument template, Object value) {
    if (value instanceof Map<?, ?> intrinsic) {
      if (intrinsic.size() == 1 && intrinsic.get("Ref") instanceof String target) {
        Object parameter = template.section("Parameters").get(target);
        if (parameter != null) {
          return String.valueOf(SamFunction.mapOrEmpty(parameter).getOrDefault("Default", ""));
        }
        return target;
      }
      return "";
    }
    if (value instanceof List<?> || value == null) {
      return "";
    }
    return value instanceof Boolean b ? b.toString() : String.valueOf(value);
  }
}
