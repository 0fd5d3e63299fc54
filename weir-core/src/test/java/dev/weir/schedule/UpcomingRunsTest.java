package dev.weir.schedule;

import static dev.weir.schedule.Times.UTC;
import static dev.weir.schedule.Times.utc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpcomingRunsTest {

    private static final Instant NOW = utc("2024-06-01T10:30");

    @Test
    void hourlyCronGetsThreeRunsReachingPastAnHour() {
        assertThat(UpcomingRuns.plan(Schedule.cron("0 * * * *", UTC), NOW, null))
                .containsExactly(utc("2024-06-01T11:00"), utc("2024-06-01T12:00"), utc("2024-06-01T13:00"));
    }

    @Test
    void includesARunDueExactlyNow() {
        assertThat(UpcomingRuns.plan(Schedule.cron("0 * * * *", UTC), utc("2024-06-01T10:00"), null))
                .containsExactly(utc("2024-06-01T10:00"), utc("2024-06-01T11:00"), utc("2024-06-01T12:00"));
    }

    @Test
    void frequentCronKeepsTakingRunsUntilAnHourAhead() {
        List<Instant> runs = UpcomingRuns.plan(Schedule.cron("*/5 * * * *", UTC), NOW, null);

        assertThat(runs).hasSize(13).startsWith(NOW).endsWith(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void minutelyCronStopsOnceBothMinimumsAreMet() {
        List<Instant> runs = UpcomingRuns.plan(Schedule.cron("* * * * *", UTC), NOW, null);

        assertThat(runs).hasSize(61).startsWith(NOW).endsWith(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void capsAtOneHundredRunsEvenShortOfAnHour() {
        Schedule everyTenSeconds = Schedule.interval(Duration.ofSeconds(10), NOW, UTC);

        List<Instant> runs = UpcomingRuns.plan(everyTenSeconds, NOW, null);

        assertThat(runs).hasSize(UpcomingRuns.MAX_RUNS).last().isEqualTo(NOW.plusSeconds(990));
    }

    @Test
    void yearlyCronGetsOnlyTheRunsWithinOneHundredDays() {
        Schedule newYear = Schedule.cron("0 0 1 1 *", UTC);

        assertThat(UpcomingRuns.plan(newYear, utc("2024-11-01T00:00"), null)).containsExactly(utc("2025-01-01T00:00"));
        assertThat(UpcomingRuns.plan(newYear, NOW, null)).isEmpty();
    }

    @Test
    void dailyCronGetsThreeDays() {
        assertThat(UpcomingRuns.plan(Schedule.cron("0 9 * * *", UTC), NOW, null))
                .containsExactly(utc("2024-06-02T09:00"), utc("2024-06-03T09:00"), utc("2024-06-04T09:00"));
    }

    @Test
    void endingScheduleGetsWhatIsLeft() {
        Schedule twoLeft = Schedule.rrule("DTSTART:20240531T090000\nRRULE:FREQ=DAILY;UNTIL=20240602T090000", UTC);

        assertThat(UpcomingRuns.plan(twoLeft, NOW, null))
                .containsExactly(utc("2024-06-01T09:00").plus(Duration.ofDays(1)));
    }

    @Test
    void returnsOnlyRunsAfterTheLastScheduledAndDoesNotGrowTheBacklog() {
        Schedule hourly = Schedule.cron("0 * * * *", UTC);
        List<Instant> first = UpcomingRuns.plan(hourly, NOW, null);
        Instant last = first.get(first.size() - 1);

        assertThat(UpcomingRuns.plan(hourly, NOW, last)).isEmpty();
        assertThat(UpcomingRuns.plan(hourly, NOW.plus(Duration.ofMinutes(40)), last))
                .containsExactly(utc("2024-06-01T14:00"));
    }

    @Test
    void neverReplaysRunsBeforeNow() {
        Schedule hourly = Schedule.cron("0 * * * *", UTC);

        assertThat(UpcomingRuns.plan(hourly, NOW, utc("2024-05-01T00:00")))
                .isEqualTo(UpcomingRuns.plan(hourly, NOW, null));
    }

    @Test
    void addsNothingWhenTheLastScheduledIsBeyondTheWindow() {
        assertThat(UpcomingRuns.plan(Schedule.cron("0 * * * *", UTC), NOW, NOW.plus(Duration.ofDays(101)))).isEmpty();
    }

    @Test
    void minutelyRRuleFromTheEpochPlansQuickly() {
        Schedule minutely = Schedule.rrule("FREQ=MINUTELY", UTC);

        List<Instant> runs = UpcomingRuns.plan(minutely, NOW, null);

        assertThat(runs).hasSize(61).startsWith(NOW).endsWith(NOW.plus(Duration.ofHours(1)));
    }
}
