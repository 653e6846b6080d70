package io.vgac.dynamodb;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * One item of the table, as the enhanced client maps it. Every item kind uses a subset of the attributes; absent
 * ones are null and not written. A mutable carrier only: the store turns it into records at once.
 *
 * <p>The schema is static (no reflection on a bean) and tags {@code version} as the optimistic-locking attribute of
 * {@link VersionedRecordExtension}.
 */
final class StoreItem {
  @Nullable String pk;
  @Nullable String sk;
  /** The record as JSON ({@link io.vgac.agents.store.StoreJson}), for calibration, profile, prediction, approval. */
  @Nullable String doc;
  /** Optimistic-locking version: 1 on first write, +1 on every write. */
  @Nullable Long version;
  /** Epoch seconds after which DynamoDB may delete the item. */
  @Nullable Long ttl;
  /** A chunk of the gzipped tracker snapshot. */
  @Nullable SdkBytes data;
  /** The tracker manifest: which chunk generation is current, how many chunks and bytes it has. */
  @Nullable String generation;
  @Nullable Integer chunks;
  @Nullable Long bytes;
  /** An approval's status (wire name), for conditional decisions. */
  @Nullable String status;
  /** An approval's submission number, the tie-break of pending(). */
  @Nullable Long seq;

  static StoreItem key(String pk, String sk) {
    StoreItem item = new StoreItem();
    item.pk = pk;
    item.sk = sk;
    return item;
  }

  static final StaticTableSchema<StoreItem> SCHEMA = StaticTableSchema.builder(StoreItem.class)
      .newItemSupplier(StoreItem::new)
      .addAttribute(String.class, a -> a.name(Keys.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v)
          .tags(StaticAttributeTags.primaryPartitionKey()))
      .addAttribute(String.class, a -> a.name(Keys.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v)
          .tags(StaticAttributeTags.primarySortKey()))
      .addAttribute(String.class, a -> a.name(Keys.DOC).getter(i -> i.doc).setter((i, v) -> i.doc = v))
      .addAttribute(Long.class, a -> a.name(Keys.VERSION).getter(i -> i.version).setter((i, v) -> i.version = v)
          .tags(VersionedRecordExtension.AttributeTags.versionAttribute()))
      .addAttribute(Long.class, a -> a.name(Keys.TTL).getter(i -> i.ttl).setter((i, v) -> i.ttl = v))
      .addAttribute(SdkBytes.class, a -> a.name(Keys.DATA).getter(i -> i.data).setter((i, v) -> i.data = v))
      .addAttribute(String.class, a -> a.name(Keys.GENERATION).getter(i -> i.generation)
          .setter((i, v) -> i.generation = v))
      .addAttribute(Integer.class, a -> a.name(Keys.CHUNKS).getter(i -> i.chunks).setter((i, v) -> i.chunks = v))
      .addAttribute(Long.class, a -> a.name(Keys.BYTES).getter(i -> i.bytes).setter((i, v) -> i.bytes = v))
      .addAttribute(String.class, a -> a.name(Keys.STATUS).getter(i -> i.status).setter((i, v) -> i.status = v))
      .addAttribute(Long.class, a -> a.name(Keys.SEQ).getter(i -> i.seq).setter((i, v) -> i.seq = v))
      .build();
}
