package dev.weir.schedule;

import static dev.weir.schedule.Times.BERLIN;
import static dev.weir.schedule.Times.NEW_YORK;
import static dev.weir.schedule.Times.UTC;
import static dev.weir.schedule.Times.at;
import static dev.weir.schedule.Times.firstAfter;
import static dev.weir.schedule.Times.local;
import static dev.weir.schedule.Times.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.core.WeirException;
import org.junit.jupiter.api.Test;

class RRuleScheduleTest {

    @Test
    void firesWeeklyOnTheGivenDays() {
        Schedule schedule = Schedule.rrule("DTSTART:20240101T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE", BERLIN);

        assertThat(local(firstAfter(schedule, at("2024-03-27T10:00+01:00"), 3), BERLIN))
                .containsExactly("2024-04-01T09:00+02:00", "2024-04-03T09:00+02:00", "2024-04-08T09:00+02:00");
    }

    @Test
    void takesItsZoneFromTheStartDate() {
        RRuleSchedule schedule = Schedule.rrule(
                "DTSTART;TZID=America/New_York:20240101T090000\nRRULE:FREQ=WEEKLY;BYDAY=FR", UTC);

        assertThat(schedule.timezone()).isEqualTo(NEW_YORK);
        assertThat(schedule.next(at("2024-03-09T00:00-05:00"))).contains(at("2024-03-15T09:00-04:00"));
    }

    @Test
    void startsAtTheLocalEpochWithoutDtstart() {
        Schedule weekly = Schedule.rrule("FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0;BYSECOND=0", BERLIN);
        Schedule everySeventhMinute = Schedule.rrule("RRULE:FREQ=MINUTELY;INTERVAL=7", UTC);

        assertThat(weekly.next(at("2024-06-01T00:00+02:00"))).contains(at("2024-06-04T09:00+02:00"));
        // 2024-01-01T00:00Z is minute 28,401,120 after the epoch, 6 past a multiple of 7.
        assertThat(firstAfter(everySeventhMinute, utc("2024-01-01T00:00"), 2))
                .containsExactly(utc("2024-01-01T00:01"), utc("2024-01-01T00:08"));
    }

    @Test
    void stopsAtUntil() {
        Schedule floating = Schedule.rrule("DTSTART:20240101T090000\nRRULE:FREQ=DAILY;UNTIL=20240103T090000", BERLIN);
        Schedule utcUntil = Schedule.rrule("DTSTART:20240101T090000\nRRULE:FREQ=DAILY;UNTIL=20240103T080000Z", BERLIN);

        assertThat(local(floating.between(at("2023-12-01T00:00+01:00"), at("2024-02-01T00:00+01:00"), 10), BERLIN))
                .containsExactly("2024-01-01T09:00+01:00", "2024-01-02T09:00+01:00", "2024-01-03T09:00+01:00");
        assertThat(utcUntil.between(at("2023-12-01T00:00+01:00"), at("2024-02-01T00:00+01:00"), 10)).hasSize(3);
        assertThat(floating.next(at("2024-01-03T09:00+01:00"))).isEmpty();
    }

    @Test
    void refusesCount() {
        assertThatThrownBy(() -> Schedule.rrule("FREQ=DAILY;COUNT=5", UTC))
                .isInstanceOf(WeirException.class)
                .hasMessage("rrule 'FREQ=DAILY;COUNT=5': COUNT=5 is not accepted; accepted: UNTIL, or no end");
    }

    @Test
    void refusesRulesLongerThan6500Characters() {
        String rule = "FREQ=DAILY;BYHOUR=" + "1,".repeat(3_300) + "1";

        assertThatThrownBy(() -> Schedule.rrule(rule, UTC))
                .isInstanceOf(WeirException.class)
                .hasMessage("rrule: " + rule.length() + " characters; accepted: at most 6500");
    }
}
