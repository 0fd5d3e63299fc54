package dev.weir.schedule;

import static dev.weir.schedule.Times.UTC;
import static dev.weir.schedule.Times.firstAfter;
import static dev.weir.schedule.Times.utc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronScheduleTest {

    @ParameterizedTest(name = "[{0}] after {1}")
    @CsvSource(delimiter = '|', textBlock = """
        # expression        | after (UTC)         | next fire times (UTC); 2024-01-01 is a Monday
        */15 * * * *        | 2024-01-01T00:00    | 2024-01-01T00:15 2024-01-01T00:30 2024-01-01T00:45
        0 9 * * 1-5         | 2024-01-05T10:00    | 2024-01-08T09:00 2024-01-09T09:00 2024-01-10T09:00
        0 9 * * MON-FRI     | 2024-01-05T09:00    | 2024-01-08T09:00 2024-01-09T09:00 2024-01-10T09:00
        0 0 13 * FRI        | 2024-01-01T00:00    | 2024-01-05T00:00 2024-01-12T00:00 2024-01-13T00:00
        0 0 */10 * MON      | 2024-01-01T00:00    | 2024-01-08T00:00 2024-01-11T00:00 2024-01-15T00:00
        0 0 * * MON         | 2024-01-01T00:00    | 2024-01-08T00:00 2024-01-15T00:00 2024-01-22T00:00
        0 0 13 * *          | 2024-01-01T00:00    | 2024-01-13T00:00 2024-02-13T00:00 2024-03-13T00:00
        0 0 13 * ?          | 2024-01-01T00:00    | 2024-01-13T00:00 2024-02-13T00:00 2024-03-13T00:00
        0 0 1-31 * MON      | 2024-01-01T00:00    | 2024-01-08T00:00 2024-01-15T00:00 2024-01-22T00:00
        0 12 1 JAN,jul *    | 2024-01-01T12:00    | 2024-07-01T12:00 2025-01-01T12:00 2025-07-01T12:00
        0 0 1 */3 *         | 2024-01-01T00:00    | 2024-04-01T00:00 2024-07-01T00:00 2024-10-01T00:00
        10-30/10 8 * * *    | 2024-01-01T00:00    | 2024-01-01T08:10 2024-01-01T08:20 2024-01-01T08:30
        45/5 * * * *        | 2024-01-01T00:00    | 2024-01-01T00:45 2024-01-01T00:50 2024-01-01T00:55
        0 9-11 * * *        | 2024-01-01T09:00    | 2024-01-01T10:00 2024-01-01T11:00 2024-01-02T09:00
        5,35 * * * *        | 2024-01-01T00:05    | 2024-01-01T00:35 2024-01-01T01:05 2024-01-01T01:35
        0 0,12 1,15 * *     | 2024-01-01T00:00    | 2024-01-01T12:00 2024-01-15T00:00 2024-01-15T12:00
        0 0 29 2 *          | 2024-03-01T00:00    | 2028-02-29T00:00 2032-02-29T00:00 2036-02-29T00:00
        0 0 29 2 *          | 2096-03-01T00:00    | 2104-02-29T00:00 2108-02-29T00:00 2112-02-29T00:00
        0 0 31 * *          | 2024-01-31T00:00    | 2024-03-31T00:00 2024-05-31T00:00 2024-07-31T00:00
        59 23 28-31 2 *     | 2023-02-27T00:00    | 2023-02-28T23:59 2024-02-28T23:59 2024-02-29T23:59
        0 0 * * 7           | 2024-01-01T00:00    | 2024-01-07T00:00 2024-01-14T00:00 2024-01-21T00:00
        0 0 * * 0           | 2024-01-01T00:00    | 2024-01-07T00:00 2024-01-14T00:00 2024-01-21T00:00
        @hourly             | 2024-01-01T00:30    | 2024-01-01T01:00 2024-01-01T02:00 2024-01-01T03:00
        @yearly             | 2024-01-01T00:00    | 2025-01-01T00:00 2026-01-01T00:00 2027-01-01T00:00
        * * * * *           | 2024-01-01T00:00:30 | 2024-01-01T00:01 2024-01-01T00:02 2024-01-01T00:03
        """)
    void firesAtTheNextMatchingMinutes(String expression, String after, String expected) {
        Schedule cron = Schedule.cron(expression, UTC);

        List<Instant> next = firstAfter(cron, utc(after), 3);

        assertThat(next).containsExactlyElementsOf(Arrays.stream(expected.split(" ")).map(Times::utc).toList());
    }

    @Test
    void nextIsStrictlyAfterTheGivenInstant() {
        Schedule cron = Schedule.cron("0 9 * * *", UTC);

        assertThat(cron.next(utc("2024-01-01T09:00"))).contains(utc("2024-01-02T09:00"));
        assertThat(cron.next(utc("2024-01-01T08:59:59.999"))).contains(utc("2024-01-01T09:00"));
    }

    @Test
    void betweenIsHalfOpenAndCapped() {
        Schedule cron = Schedule.cron("0 * * * *", UTC);

        assertThat(cron.between(utc("2024-01-01T01:00"), utc("2024-01-01T04:00"), 10))
                .containsExactly(utc("2024-01-01T01:00"), utc("2024-01-01T02:00"), utc("2024-01-01T03:00"));
        assertThat(cron.between(utc("2024-01-01T01:00"), utc("2024-01-01T04:00"), 2)).hasSize(2);
        assertThat(cron.between(utc("2024-01-01T01:00"), utc("2024-01-01T01:00"), 2)).isEmpty();
    }
}
