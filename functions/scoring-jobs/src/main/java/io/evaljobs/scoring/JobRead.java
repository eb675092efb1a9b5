package io.evaljobs.scoring;

import io.evaljobs.dynamodb.ReadStats;
import java.util.Optional;

/** A page and what reading it cost; no index when the filters could match nothing and nothing was read. */
record JobRead(JobPage page, ReadStats stats, Optional<String> index) {}
