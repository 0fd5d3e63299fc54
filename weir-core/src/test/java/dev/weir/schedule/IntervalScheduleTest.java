package dev.weir.schedule;

import static dev.weir.schedule.Times.UTC;
import static dev.weir.schedule.Times.utc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IntervalScheduleTest {

    @Test
    void countsFromTheAnchorBackwardsToo() {
        Schedule hourly = Schedule.interval(Duration.ofHours(1), utc("2024-01-01T10:00"), UTC);

        assertThat(hourly.next(utc("2024-01-01T07:30"))).contains(utc("2024-01-01T08:00"));
        assertThat(hourly.next(utc("2024-01-01T10:00"))).contains(utc("2024-01-01T11:00"));
    }

    @Test
    void keepsTheAnchorsOffsetWithinTheInterval() {
        Schedule every90s = Schedule.interval(Duration.ofSeconds(90), utc("2024-01-01T00:00:15"), UTC);

        assertThat(every90s.next(utc("2030-06-01T12:00"))).hasValueSatisfying(next -> {
            assertThat(Duration.between(utc("2024-01-01T00:00:15"), next).toSeconds() % 90).isZero();
            assertThat(next).isAfter(utc("2030-06-01T12:00")).isBefore(utc("2030-06-01T12:01:31"));
        });
    }

    @Test
    void stepsInFractionsOfASecond() {
        Schedule halfSecond = Schedule.interval(Duration.ofMillis(500), utc("2024-01-01T00:00"), UTC);

        assertThat(halfSecond.between(utc("2024-01-01T00:00"), utc("2024-01-01T00:00:02"), 10))
                .hasSize(4)
                .last()
                .isEqualTo(utc("2024-01-01T00:00:01.500"));
    }

    @Test
    void steps36HoursOnTheLocalClockFromADayUp() {
        Schedule schedule = Schedule.interval(Duration.ofHours(36), utc("2024-01-01T00:00"), UTC);

        assertThat(schedule.next(utc("2024-01-01T00:00"))).contains(utc("2024-01-02T12:00"));
        assertThat(schedule.next(utc("2023-12-30T00:00"))).contains(utc("2023-12-30T12:00"));
    }
}
