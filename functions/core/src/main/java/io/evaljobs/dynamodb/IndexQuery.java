package io.evaljobs.dynamodb;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One listing as DynamoDB reads it: a partition of a GSI, cut into segments that are read one after the other (each
 * a key condition on the sort key), in ascending or descending sort key order, optionally filtered. Built with
 * {@link #builder()}; {@link #toBuilder()} derives a variant of a listing.
 *
 * @param indexName the GSI, or empty for the table itself
 * @param keyAttributes the attributes that make up an exclusive start key on this index: the index's partition and
 *     sort key and the table's own key attributes
 * @param returnedAttributes the attributes a page of this listing shows, read besides the key attributes; empty to
 *     read whole items
 */
public record IndexQuery(
    String tableName,
    Optional<String> indexName,
    String partitionKeyAttribute,
    String partitionKeyValue,
    String sortKeyAttribute,
    List<SortKeyCondition> segments,
    boolean ascending,
    Optional<ItemFilter> filter,
    List<String> keyAttributes,
    List<String> returnedAttributes) {

  public IndexQuery {
    Objects.requireNonNull(tableName, "tableName");
    Objects.requireNonNull(partitionKeyAttribute, "partitionKeyAttribute");
    Objects.requireNonNull(partitionKeyValue, "partitionKeyValue");
    Objects.requireNonNull(sortKeyAttribute, "sortKeyAttribute");
    segments = List.copyOf(segments);
    keyAttributes = List.copyOf(keyAttributes);
    returnedAttributes = List.copyOf(returnedAttributes);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("a query reads at least one segment");
    }
  }

  /** Where the listing is read from, for logs: the index, or the table itself. */
  public String source() {
    return indexName.orElse(tableName);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this listing's parts, to change some of them. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.tableName = tableName;
    builder.indexName = indexName;
    builder.partitionKeyAttribute = partitionKeyAttribute;
    builder.partitionKeyValue = partitionKeyValue;
    builder.sortKeyAttribute = sortKeyAttribute;
    builder.segments = segments;
    builder.ascending = ascending;
    builder.filter = filter;
    builder.keyAttributes = keyAttributes;
    builder.returnedAttributes = returnedAttributes;
    return builder;
  }

  /** Builds an {@link IndexQuery}: ascending, unfiltered and returning whole items unless told otherwise. */
  public static final class Builder {
    private String tableName;
    private Optional<String> indexName = Optional.empty();
    private String partitionKeyAttribute;
    private String partitionKeyValue;
    private String sortKeyAttribute;
    private List<SortKeyCondition> segments = List.of();
    private boolean ascending = true;
    private Optional<ItemFilter> filter = Optional.empty();
    private List<String> keyAttributes = List.of();
    private List<String> returnedAttributes = List.of();

    private Builder() {}

    public Builder table(String name) {
      this.tableName = name;
      return this;
    }

    /** Reads the global secondary index {@code name} of the table. */
    public Builder index(String name) {
      this.indexName = Optional.of(name);
      return this;
    }

    /** Reads the table itself rather than one of its indexes. */
    public Builder baseTable() {
      this.indexName = Optional.empty();
      return this;
    }

    /** The partition read: its key attribute and value. */
    public Builder partition(String attribute, String value) {
      this.partitionKeyAttribute = attribute;
      this.partitionKeyValue = value;
      return this;
    }

    public Builder sortKey(String attribute) {
      this.sortKeyAttribute = attribute;
      return this;
    }

    /** The runs of the partition read one after the other, in order. */
    public Builder segments(List<SortKeyCondition> segments) {
      this.segments = segments;
      return this;
    }

    public Builder segments(SortKeyCondition... segments) {
      return segments(List.of(segments));
    }

    public Builder ascending(boolean ascending) {
      this.ascending = ascending;
      return this;
    }

    public Builder filter(Optional<ItemFilter> filter) {
      this.filter = filter;
      return this;
    }

    public Builder keyAttributes(List<String> attributes) {
      this.keyAttributes = attributes;
      return this;
    }

    /** What a page shows besides the key attributes; empty for whole items. */
    public Builder returnedAttributes(List<String> attributes) {
      this.returnedAttributes = attributes;
      return this;
    }

    public IndexQuery build() {
      return new IndexQuery(
          tableName, indexName, partitionKeyAttribute, partitionKeyValue, sortKeyAttribute, segments, ascending,
          filter, keyAttributes, returnedAttributes);
    }
  }
}
