package dev.weir.schedule;

import static dev.weir.schedule.Times.at;
import static dev.weir.schedule.Times.firstAfter;
import static dev.weir.schedule.Times.local;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DST in New York (2024-03-10 02:00 EST to 03:00 EDT; 2024-11-03 02:00 EDT back to 01:00 EST) and
 * Berlin (2024-03-31 02:00 CET to 03:00 CEST; 2024-10-27 03:00 CEST back to 02:00 CET).
 */
class DaylightSavingTest {

    @ParameterizedTest(name = "cron [{0}] in {1} after {2}")
    @CsvSource(delimiter = '|', textBlock = """
        # hourly at fall-back: the repeated hour fires once, leaving a two-hour gap
        0 * * * *    | America/New_York | 2024-11-03T00:30-04:00 | 2024-11-03T01:00-04:00 2024-11-03T02:00-05:00 2024-11-03T03:00-05:00
        0 * * * *    | Europe/Berlin    | 2024-10-27T01:30+02:00 | 2024-10-27T02:00+02:00 2024-10-27T03:00+01:00 2024-10-27T04:00+01:00
        # asked from inside the second 1 AM, the next run is still the new hour
        0 * * * *    | America/New_York | 2024-11-03T01:10-05:00 | 2024-11-03T02:00-05:00 2024-11-03T03:00-05:00 2024-11-03T04:00-05:00
        */30 * * * * | America/New_York | 2024-11-03T00:45-04:00 | 2024-11-03T01:00-04:00 2024-11-03T01:30-04:00 2024-11-03T02:00-05:00
        30 1 * * *   | America/New_York | 2024-11-02T02:00-04:00 | 2024-11-03T01:30-04:00 2024-11-04T01:30-05:00 2024-11-05T01:30-05:00
        # hourly at spring-forward: the skipped hour fires at 03:00 and 03:00 does not fire twice
        0 * * * *    | America/New_York | 2024-03-10T00:30-05:00 | 2024-03-10T01:00-05:00 2024-03-10T03:00-04:00 2024-03-10T04:00-04:00
        */30 * * * * | America/New_York | 2024-03-10T01:15-05:00 | 2024-03-10T01:30-05:00 2024-03-10T03:00-04:00 2024-03-10T03:30-04:00
        0 * * * *    | Europe/Berlin    | 2024-03-31T00:30+01:00 | 2024-03-31T01:00+01:00 2024-03-31T03:00+02:00 2024-03-31T04:00+02:00
        # a daily 02:30 skipped at spring-forward fires at the next valid instant, 03:00
        30 2 * * *   | America/New_York | 2024-03-09T03:00-05:00 | 2024-03-10T03:00-04:00 2024-03-11T02:30-04:00 2024-03-12T02:30-04:00
        30 2 * * *   | Europe/Berlin    | 2024-03-30T03:00+01:00 | 2024-03-31T03:00+02:00 2024-04-01T02:30+02:00 2024-04-02T02:30+02:00
        # a daily 09:00 stays 09:00 local across both changes
        0 9 * * *    | America/New_York | 2024-03-09T10:00-05:00 | 2024-03-10T09:00-04:00 2024-03-11T09:00-04:00 2024-03-12T09:00-04:00
        0 9 * * *    | America/New_York | 2024-11-02T10:00-04:00 | 2024-11-03T09:00-05:00 2024-11-04T09:00-05:00 2024-11-05T09:00-05:00
        0 9 * * *    | Europe/Berlin    | 2024-03-30T10:00+01:00 | 2024-03-31T09:00+02:00 2024-04-01T09:00+02:00 2024-04-02T09:00+02:00
        0 9 * * *    | Europe/Berlin    | 2024-10-26T10:00+02:00 | 2024-10-27T09:00+01:00 2024-10-28T09:00+01:00 2024-10-29T09:00+01:00
        """)
    void cronFollowsTheWallClockOncePerNewLocalTime(String cron, String zone, String after, String expected) {
        ZoneId id = ZoneId.of(zone);

        assertThat(local(firstAfter(Schedule.cron(cron, id), at(after), 3), id))
                .containsExactly(expected.split(" "));
    }

    @ParameterizedTest(name = "every {0} from {2} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
        # under 24 h: UTC steps, so local 1 AM shows twice at fall-back
        PT1H  | America/New_York | 2024-11-03T00:00-04:00 | 2024-11-03T00:00-04:00 2024-11-03T01:00-04:00 2024-11-03T01:00-05:00 2024-11-03T02:00-05:00
        PT1H  | Europe/Berlin    | 2024-10-27T01:00+02:00 | 2024-10-27T01:00+02:00 2024-10-27T02:00+02:00 2024-10-27T02:00+01:00 2024-10-27T03:00+01:00
        PT1H  | America/New_York | 2024-03-10T00:00-05:00 | 2024-03-10T00:00-05:00 2024-03-10T01:00-05:00 2024-03-10T03:00-04:00 2024-03-10T04:00-04:00
        PT12H | America/New_York | 2024-11-02T21:00-04:00 | 2024-11-02T21:00-04:00 2024-11-03T08:00-05:00 2024-11-03T20:00-05:00 2024-11-04T08:00-05:00
        # 24 h and more: the anchor's local time is kept
        P1D   | America/New_York | 2024-03-09T09:00-05:00 | 2024-03-09T09:00-05:00 2024-03-10T09:00-04:00 2024-03-11T09:00-04:00 2024-03-12T09:00-04:00
        P1D   | America/New_York | 2024-11-02T09:00-04:00 | 2024-11-02T09:00-04:00 2024-11-03T09:00-05:00 2024-11-04T09:00-05:00 2024-11-05T09:00-05:00
        P1D   | Europe/Berlin    | 2024-10-26T09:00+02:00 | 2024-10-26T09:00+02:00 2024-10-27T09:00+01:00 2024-10-28T09:00+01:00 2024-10-29T09:00+01:00
        P7D   | Europe/Berlin    | 2024-03-24T09:00+01:00 | 2024-03-24T09:00+01:00 2024-03-31T09:00+02:00 2024-04-07T09:00+02:00 2024-04-14T09:00+02:00
        # a daily anchor at 02:30 fires at 03:00 on the day 02:30 is skipped
        P1D   | America/New_York | 2024-03-09T02:30-05:00 | 2024-03-09T02:30-05:00 2024-03-10T03:00-04:00 2024-03-11T02:30-04:00 2024-03-12T02:30-04:00
        # a daily anchor at 01:30 fires in the first of two 01:30s
        P1D   | America/New_York | 2024-11-02T01:30-04:00 | 2024-11-02T01:30-04:00 2024-11-03T01:30-04:00 2024-11-04T01:30-05:00 2024-11-05T01:30-05:00
        """)
    void intervalsStepInUtcUnderADayAndKeepLocalTimeFromADay(String every, String zone, String anchor, String expected) {
        ZoneId id = ZoneId.of(zone);
        Schedule interval = Schedule.interval(Duration.parse(every), at(anchor), id);

        assertThat(local(interval.between(at(anchor), at(anchor).plus(Duration.ofDays(30)), 4), id))
                .containsExactlyElementsOf(Arrays.asList(expected.split(" ")));
    }

    @ParameterizedTest(name = "rrule [{0}] after {2}")
    @CsvSource(delimiter = '|', textBlock = """
        DTSTART;TZID=America/New_York:20241103T000000\\nRRULE:FREQ=HOURLY | UTC | 2024-11-03T00:30-04:00 | 2024-11-03T01:00-04:00 2024-11-03T02:00-05:00 2024-11-03T03:00-05:00
        DTSTART:20240301T023000\\nRRULE:FREQ=DAILY                        | America/New_York | 2024-03-09T03:00-05:00 | 2024-03-10T03:00-04:00 2024-03-11T02:30-04:00 2024-03-12T02:30-04:00
        FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=0                         | Europe/Berlin | 2024-10-26T10:00+02:00 | 2024-10-27T09:00+01:00 2024-10-28T09:00+01:00 2024-10-29T09:00+01:00
        """)
    void rruleExpandsOnLocalTimeLikeCron(String rrule, String zone, String after, String expected) {
        Schedule schedule = Schedule.rrule(rrule.replace("\\n", "\n"), ZoneId.of(zone));

        assertThat(local(firstAfter(schedule, at(after), 3), schedule.timezone()))
                .containsExactly(expected.split(" "));
    }
}
