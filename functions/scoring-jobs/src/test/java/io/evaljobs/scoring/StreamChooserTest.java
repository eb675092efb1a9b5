package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.evaljobs.tenant.Tenant.CustomerProject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamChooserTest {
  private static final CustomerProject TENANT = new CustomerProject("acme", "support");

  /** Streams of tool_id (0) and agent_name (1), each filtered by the other. */
  private static List<JobStream> twoBroadStreams() {
    Map<JobFilter, String> values = new EnumMap<>(JobFilter.class);
    values.put(JobFilter.AGENT_NAME, "a");
    values.put(JobFilter.TOOL_ID, "t");
    List<JobStream> streams = QueryPlan.streams(TENANT, new JobFilters(values));
    assertEquals(JobFilter.TOOL_ID, streams.get(0).keyedOn().orElseThrow());
    return streams;
  }

  @Test
  void next_probesEveryStreamInRankingOrder_thenMeasuresOnceMoreAStreamFirstReadFromTheTop() {
    StreamChooser chooser = new StreamChooser(twoBroadStreams());
    assertEquals(0, chooser.next());
    assertEquals(PageWorkBounds.PROBE_ITEMS, chooser.limit(0, 51, 4_000));
    chooser.record(0, PageWorkBounds.PROBE_ITEMS, 4, 0, -1);
    assertEquals(1, chooser.next());
    assertEquals(PageWorkBounds.PROBE_ITEMS, chooser.limit(1, 51, 4_000));
    chooser.record(1, PageWorkBounds.PROBE_ITEMS, 4, 0, 40);
    assertEquals(0, chooser.next(), "the first probe resolved no known span");
    chooser.record(0, PageWorkBounds.PROBE_ITEMS, 4, 0, 4);
    assertEquals(1, chooser.next(), "ten seconds per item against one");
  }

  @Test
  void limit_growsWhileTheStreamStaysSparse_andAProbeFollowsWhenItTurnsDense() {
    StreamChooser chooser = measuredSparseAgentName();
    assertEquals(1, chooser.next());
    int first = chooser.limit(1, 6, 4_000);
    assertEquals(2 * PageWorkBounds.PROBE_ITEMS, first);
    chooser.record(1, first, first, 0, 10.0 * first);
    assertEquals(1, chooser.next());
    int second = chooser.limit(1, 6, 4_000);
    assertEquals(2 * first, second);
    // Twice as dense as the read before: the other stream is measured again, with a probe.
    chooser.record(1, second, second, 0, 1.0 * second);
    assertEquals(0, chooser.next());
    assertEquals(PageWorkBounds.PROBE_ITEMS, chooser.limit(0, 6, 4_000));
  }

  @Test
  void next_nearEqualMeasures_keepTheStreamBeingRead() {
    StreamChooser chooser = measuredSparseAgentName();
    assertEquals(1, chooser.next());
    chooser.record(1, 8, 8, 0, 8 * 10.0);
    // The tool stream now measures a little sparser than agent_name: not enough to move.
    chooser.record(0, PageWorkBounds.PROBE_ITEMS, 4, 0, 4 * 15.0);
    assertEquals(1, chooser.next());
  }

  @Test
  void limit_neverExceedsTheItemsLeftNorTheJobsTheMatchRateSaysArePending() {
    StreamChooser chooser = measuredSparseAgentName();
    assertEquals(1, chooser.next());
    assertEquals(3, chooser.limit(1, 6, 3));
    chooser.record(1, 8, 8, 4, 80);
    assertEquals(1, chooser.next());
    // Three items per job so far (12 examined, 4 matched): two jobs still wanted need 8 with a quarter to spare,
    // not the doubled 16.
    assertEquals(8, chooser.limit(1, 2, 4_000));
  }

  @Test
  void limit_streamWithoutRemainingFilter_readsExactlyTheJobsWanted() {
    StreamChooser chooser = new StreamChooser(QueryPlan.streams(TENANT, JobFilters.none()));
    assertEquals(0, chooser.next());
    assertEquals(51, chooser.limit(0, 51, 4_000));
    assertEquals(PageWorkBounds.ITEMS_PER_REQUEST, chooser.limit(0, 2_001, 4_000));
  }

  /** Both streams probed; agent_name measured ten times sparser than tool_id. */
  private static StreamChooser measuredSparseAgentName() {
    StreamChooser chooser = new StreamChooser(twoBroadStreams());
    chooser.next();
    chooser.record(0, PageWorkBounds.PROBE_ITEMS, 4, 0, 4);
    chooser.next();
    chooser.record(1, PageWorkBounds.PROBE_ITEMS, 4, 0, 40);
    return chooser;
  }
}
