package io.evaljobs.cli.keys;

import io.evaljobs.auth.ApiName;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads --api by the API's wire name (evaluations, scoring). */
final class ApiNameConverter implements ITypeConverter<ApiName> {
  @Override
  public ApiName convert(String value) {
    for (ApiName api : ApiName.values()) {
      if (api.wireName().equals(value)) {
        return api;
      }
    }
    throw new TypeConversionException(
        "expected one of "
            + Arrays.stream(ApiName.values()).map(ApiName::wireName).collect(Collectors.joining(", "))
            + " but was '" + value + "'");
  }
}
