package io.greenscale.loadgen.drive;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.loadgen.profile.Arrivals;
import io.greenscale.loadgen.profile.ConstantProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dealing a schedule's requests to lanes: in turn, each lane in time order, only what is due. */
class SplitScheduleTest {
    static final long MS = 1_000_000;

    /** 10 requests, one every 100 ms (at 50, 150, ..., 950 ms). */
    static SplitSchedule tenRequests(int lanes, String body) {
        return new SplitSchedule(Arrivals.uniform(new ConstantProfile(10, Duration.ofSeconds(1))),
                body == null ? null : BodyTemplate.parse(body, List.of(), true), lanes);
    }

    @Test
    void oneLaneTakesEverythingDueAndLearnsWhenTheNextIsDue() {
        SplitSchedule s = tenRequests(1, null);
        List<Request> due = new ArrayList<>();

        assertThat(s.takeDue(0, 10 * MS, due)).isEqualTo(50 * MS);
        assertThat(due).isEmpty();
        assertThat(s.takeDue(0, 260 * MS, due)).isEqualTo(350 * MS);
        assertThat(due).extracting(Request::seq).containsExactly(0L, 1L, 2L);
        assertThat(due).extracting(Request::intendedNanos).containsExactly(50 * MS, 150 * MS, 250 * MS);
    }

    @Test
    void twoLanesTakeTurnsAndEachSeesOnlyItsOwn() {
        SplitSchedule s = tenRequests(2, null);
        List<Request> lane0 = new ArrayList<>();
        List<Request> lane1 = new ArrayList<>();

        assertThat(s.takeDue(1, 0, lane1)).as("lane 1's first is request 1").isEqualTo(150 * MS);
        assertThat(s.takeDue(0, 500 * MS, lane0)).isEqualTo(650 * MS);
        assertThat(s.takeDue(1, 500 * MS, lane1)).isEqualTo(550 * MS);

        assertThat(lane0).extracting(Request::seq).containsExactly(0L, 2L, 4L);
        assertThat(lane1).extracting(Request::seq).containsExactly(1L, 3L);
    }

    @Test
    void aLaneWhoseRequestsAreAllTakenIsOverWhileTheOtherStillHasSome() {
        SplitSchedule s = tenRequests(3, null);
        List<Request> due = new ArrayList<>();

        assertThat(s.takeDue(2, 2_000 * MS, due)).isEqualTo(Pacer.OVER);
        assertThat(due).extracting(Request::seq).containsExactly(2L, 5L, 8L);
        due.clear();
        assertThat(s.takeDue(0, 400 * MS, due)).isEqualTo(650 * MS);
        assertThat(due).extracting(Request::seq).containsExactly(0L, 3L);
        assertThat(s.takeDue(0, 2_000 * MS, due)).isEqualTo(Pacer.OVER);
        assertThat(s.takeDue(1, 2_000 * MS, due)).isEqualTo(Pacer.OVER);
        assertThat(due).extracting(Request::seq).containsExactlyInAnyOrder(0L, 3L, 6L, 9L, 1L, 4L, 7L);
    }

    @Test
    void bodiesAreRenderedWithTheRequestsOwnSequenceNumber() {
        SplitSchedule s = tenRequests(2, "{\"seq\": {seq}}");
        List<Request> due = new ArrayList<>();

        s.takeDue(1, 400 * MS, due);

        assertThat(due).extracting(Request::payload).containsExactly("{\"seq\": 1}", "{\"seq\": 3}");
    }
}
