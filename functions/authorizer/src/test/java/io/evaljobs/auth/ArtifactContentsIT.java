package io.evaljobs.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The deployable jar holds what the authorizer runs: none of the list functions' page token machinery. */
class ArtifactContentsIT {
  @Test
  void artifact_holdsNoSecretsManagerClientAndNoListingCode() throws Exception {
    try (JarFile artifact = new JarFile(Path.of("target", "authorizer-function.jar").toFile())) {
      assertNotNull(artifact.getEntry("io/evaljobs/auth/ApiKeyAuthorizerHandler.class"), "the handler is in the jar");
      assertNotNull(
          artifact.getEntry("software/amazon/awssdk/services/dynamodb/DynamoDbClient.class"), "its client is in the jar");
      List<String> listOnly =
          artifact.stream()
              .map(ZipEntry::getName)
              .filter(name -> name.startsWith("software/amazon/awssdk/services/secretsmanager/")
                  || name.startsWith("io/evaljobs/listing/"))
              .toList();
      assertEquals(List.of(), listOnly);
    }
  }
}
