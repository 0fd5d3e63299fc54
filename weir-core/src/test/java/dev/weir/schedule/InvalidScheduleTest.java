package dev.weir.schedule;

import static dev.weir.schedule.Times.UTC;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.core.WeirException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvalidScheduleTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
        0 25 * * *      | cron '0 25 * * *': hour 25 is out of range 0-23
        60 * * * *      | cron '60 * * * *': minute 60 is out of range 0-59
        0 0 32 * *      | cron '0 0 32 * *': day-of-month 32 is out of range 1-31
        0 0 * 13 *      | cron '0 0 * 13 *': month 13 is out of range 1-12
        0 0 * * 8       | cron '0 0 * * 8': day-of-week 8 is out of range 0-7
        0 0 L * *       | cron '0 0 L * *': day-of-month value 'L' is not accepted; accepted: numbers 1-31, *, ?, ranges a-b, steps */n or a-b/n, lists a,b (no L, W, #, R or H)
        H 0 * * *       | cron 'H 0 * * *': minute value 'H' is not accepted; accepted: numbers 0-59, *, ranges a-b, steps */n or a-b/n, lists a,b (no L, W, #, R or H)
        0 0 * * MON#2   | cron '0 0 * * MON#2': day-of-week value 'MON#2' is not accepted; accepted: numbers 0-7 or names SUN-SAT, *, ?, ranges a-b, steps */n or a-b/n, lists a,b (no L, W, #, R or H)
        0 0 * FOO *     | cron '0 0 * FOO *': month value 'FOO' is not accepted; accepted: numbers 1-12 or names JAN-DEC, *, ranges a-b, steps */n or a-b/n, lists a,b (no L, W, #, R or H)
        */0 * * * *     | cron '*/0 * * * *': minute step 0 is out of range 1-59
        0 0 * * FRI-MON | cron '0 0 * * FRI-MON': day-of-week range FRI-MON runs backwards; accepted: a-b with a <= b
        0 ? * * *       | cron '0 ? * * *': hour '?' is accepted only in day-of-month and day-of-week
        0 0 30 2 *      | cron '0 0 30 2 *': day-of-month 30 never occurs in FEB; accepted: a day that exists in at least one of the months
        0 0 1,,2 * *    | cron '0 0 1,,2 * *': day-of-month '' is empty
        0 0 * * * *     | cron '0 0 * * * *': has 6 fields; accepted: five, minute hour day-of-month month day-of-week
        """)
    void refusesCronNamingFieldValueAndWhatIsAccepted(String cron, String message) {
        assertThatThrownBy(() -> Schedule.cron(cron, UTC)).isInstanceOf(WeirException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
        FREQ=FOO                                | rrule 'FREQ=FOO': Unknown FREQ value FOO; accepted: an RFC 5545 RRULE
        FREQ=DAILY;BYHOUR=25                    | rrule 'FREQ=DAILY;BYHOUR=25': int value out of range: 25; accepted: an RFC 5545 RRULE
        DTSTART;TZID=Mars/Base:20240101T090000  | rrule 'DTSTART;TZID=Mars/Base:20240101T090000': TZID 'Mars/Base' is not a known zone; accepted: an IANA zone id such as Europe/Berlin
        DTSTART:2024-01-01                      | rrule 'DTSTART:2024-01-01': DTSTART 'DTSTART:2024-01-01' is not accepted; accepted: DTSTART:20240101T090000, DTSTART;TZID=Europe/Berlin:20240101T090000 or DTSTART:20240101T080000Z
        EXDATE:20240101T090000                  | rrule 'EXDATE:20240101T090000': line 'EXDATE:20240101T090000' is not accepted; accepted: one optional DTSTART line and one RRULE
        FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30     | rrule 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30': never occurs (too many filtered recurrence instances); accepted: a rule with at least one occurrence
        """)
    void refusesRRuleNamingTheValue(String rrule, String message) {
        assertThatThrownBy(() -> Schedule.rrule(rrule, UTC)).isInstanceOf(WeirException.class).hasMessage(message);
    }

    @Test
    void refusesNonPositiveIntervals() {
        assertThatThrownBy(() -> Schedule.interval(Duration.ZERO, Instant.EPOCH, UTC))
                .isInstanceOf(WeirException.class)
                .hasMessage("interval: 0 seconds; accepted: a positive number of seconds or ISO-8601 duration");
        assertThatThrownBy(() -> Schedule.interval(Duration.ofMillis(-1_500), Instant.EPOCH, UTC))
                .hasMessageStartingWith("interval: -1.5 seconds;");
    }

    @Test
    void refusesAMissingZone() {
        assertThatThrownBy(() -> Schedule.cron("0 9 * * *", null))
                .isInstanceOf(WeirException.class)
                .hasMessage("timezone: missing; accepted: an IANA zone id such as Europe/Berlin");
    }

    @Test
    void refusesANegativeMaximum() {
        assertThatThrownBy(() -> Schedule.cron("0 9 * * *", UTC).between(Instant.EPOCH, Instant.MAX, -1))
                .isInstanceOf(WeirException.class)
                .hasMessage("between max: -1 is negative; accepted: 0 or more");
    }
}
