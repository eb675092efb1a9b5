package io.evaljobs.local.gateway;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.evaljobs.http.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates an authorizer's answer for one method ARN as API Gateway does: an explicit Deny statement wins, then an
 * Allow statement whose resource (with '*' and '?' wildcards) matches the ARN; anything else denies.
 */
final class AuthorizerPolicyReader {
  private AuthorizerPolicyReader() {}

  static AuthorizerOutcome evaluate(byte[] answer, String methodArn) {
    Policy policy;
    try (JsonParser parser = Json.FACTORY.createParser(answer)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return new AuthorizerOutcome.Failed("authorizer answer is not a JSON object");
      }
      policy = readPolicy(parser);
    } catch (IOException e) {
      return new AuthorizerOutcome.Failed("authorizer answer is not valid JSON");
    }
    if (policy.principalId == null) {
      return new AuthorizerOutcome.Failed("authorizer answer has no principalId");
    }
    boolean allowed = false;
    for (Statement statement : policy.statements) {
      boolean matches = statement.resources.stream().anyMatch(resource -> matches(resource, methodArn));
      if (matches && statement.effect.equalsIgnoreCase("Deny")) {
        return new AuthorizerOutcome.Denied();
      }
      allowed |= matches && statement.effect.equalsIgnoreCase("Allow");
    }
    if (!allowed) {
      return new AuthorizerOutcome.Denied();
    }
    Map<String, String> context = new LinkedHashMap<>(policy.context);
    context.put("principalId", policy.principalId);
    return new AuthorizerOutcome.Allowed(context);
  }

  static boolean matches(String resource, String methodArn) {
    StringBuilder regex = new StringBuilder();
    for (char c : resource.toCharArray()) {
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.matches(regex.toString(), methodArn);
  }

  private static final class Policy {
    String principalId;
    final List<Statement> statements = new ArrayList<>();
    final Map<String, String> context = new LinkedHashMap<>();
  }

  private static final class Statement {
    String effect = "";
    final List<String> resources = new ArrayList<>();
  }

  private static Policy readPolicy(JsonParser parser) throws IOException {
    Policy policy = new Policy();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("principalId") && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
        policy.principalId = parser.getText();
      } else if (field.equals("policyDocument") && value == JsonToken.START_OBJECT) {
        readDocument(parser, policy);
      } else if (field.equals("context") && value == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          JsonToken entry = parser.nextToken();
          if (entry.isScalarValue() && entry != JsonToken.VALUE_NULL) {
            policy.context.put(name, parser.getText());
          } else {
            parser.skipChildren();
          }
        }
      } else {
        parser.skipChildren();
      }
    }
    return policy;
  }

  private static void readDocument(JsonParser parser, Policy policy) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("Statement") && value == JsonToken.START_ARRAY) {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          policy.statements.add(readStatement(parser));
        }
      } else if (field.equals("Statement") && value == JsonToken.START_OBJECT) {
        policy.statements.add(readStatement(parser));
      } else {
        parser.skipChildren();
      }
    }
  }

  private static Statement readStatement(JsonParser parser) throws IOException {
    Statement statement = new Statement();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("Effect") && value == JsonToken.VALUE_STRING) {
        statement.effect = parser.getText();
      } else if (field.equals("Resource") && value == JsonToken.VALUE_STRING) {
        statement.resources.add(parser.getText());
      } else if (field.equals("Resource") && value == JsonToken.START_ARRAY) {
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
          statement.resources.add(parser.getText());
        }
      } else {
        parser.skipChildren();
      }
    }
    return statement;
  }
}
