package io.evaljobs.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;

/** The OpenAPI documents of the two APIs, as bundled in this module's jar from {@code docs/openapi}. */
public enum OpenApiDocument {
  EVALUATIONS("evaluations.json"),
  SCORING_JOBS("scoring-jobs.json");

  private static final String RESOURCE_DIRECTORY = "io/evaljobs/contract/";

  private final String fileName;

  OpenApiDocument(String fileName) {
    this.fileName = fileName;
  }

  /** The document's file name, e.g. {@code evaluations.json}. */
  public String fileName() {
    return fileName;
  }

  /** The document's bytes (UTF-8 JSON). */
  public byte[] bytes() {
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(resourceName())) {
      if (in == null) {
        throw new IllegalStateException(resourceName() + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resourceName(), e);
    }
  }

  /** The document with this file name, if there is one. */
  public static Optional<OpenApiDocument> forFileName(String fileName) {
    return Arrays.stream(values()).filter(document -> document.fileName.equals(fileName)).findFirst();
  }

  String resourceName() {
    return RESOURCE_DIRECTORY + fileName;
  }

  /** Where the schema validator loads the document from, so that references resolve within it. */
  String schemaLocation() {
    return "classpath:" + resourceName();
  }
}
