package dev.weir.schedule;

import static dev.weir.schedule.Times.BERLIN;
import static dev.weir.schedule.Times.NEW_YORK;
import static dev.weir.schedule.Times.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.core.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleJsonTest {

    private final ObjectMapper json = Json.mapper();

    static List<Schedule> schedules() {
        return List.of(
                Schedule.cron("0 9 * * *", BERLIN),
                Schedule.interval(Duration.ofHours(1), utc("2024-01-01T00:00"), NEW_YORK),
                Schedule.interval(Duration.ofMillis(1_500), utc("2024-01-01T00:00"), NEW_YORK),
                Schedule.rrule("DTSTART:20240101T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO", BERLIN));
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void roundTripsThroughJson(Schedule schedule) throws Exception {
        String text = json.writeValueAsString(schedule);

        assertThat(json.readValue(text, Schedule.class)).isEqualTo(schedule);
    }

    @Test
    void writesCronWithItsType() throws Exception {
        assertThat(json.writeValueAsString(Schedule.cron("0 9 * * *", BERLIN)))
                .isEqualTo("{\"type\":\"cron\",\"cron\":\"0 9 * * *\",\"timezone\":\"Europe/Berlin\"}");
    }

    @Test
    void writesIntervalsAsSeconds() throws Exception {
        assertThat(json.writeValueAsString(Schedule.interval(Duration.ofHours(1), utc("2024-01-01T00:00"), BERLIN)))
                .isEqualTo("{\"type\":\"interval\",\"interval\":3600,\"anchorDate\":\"2024-01-01T00:00:00Z\","
                        + "\"timezone\":\"Europe/Berlin\"}");
        assertThat(json.writeValueAsString(Schedule.interval(Duration.ofMillis(1_500), utc("2024-01-01T00:00"), BERLIN)))
                .contains("\"interval\":1.5,");
    }

    @Test
    void writesRRuleWithItsZone() throws Exception {
        assertThat(json.writeValueAsString(Schedule.rrule("FREQ=DAILY", BERLIN)))
                .isEqualTo("{\"type\":\"rrule\",\"rrule\":\"FREQ=DAILY\",\"timezone\":\"Europe/Berlin\"}");
    }

    @Test
    void readsIntervalsFromSecondsOrIso8601() throws Exception {
        Schedule expected = Schedule.interval(Duration.ofMinutes(90), utc("2024-01-01T00:00"), BERLIN);

        for (String interval : List.of("5400", "5400.0", "\"PT1H30M\"", "\"5400\"")) {
            String text = "{\"type\":\"interval\",\"interval\":" + interval
                    + ",\"anchorDate\":\"2024-01-01T00:00:00Z\",\"timezone\":\"Europe/Berlin\"}";
            assertThat(json.readValue(text, Schedule.class)).as(interval).isEqualTo(expected);
        }
    }

    @Test
    void refusesAnInvalidScheduleWhenReading() {
        String text = "{\"type\":\"cron\",\"cron\":\"0 25 * * *\",\"timezone\":\"UTC\"}";

        assertThatThrownBy(() -> json.readValue(text, Schedule.class))
                .hasRootCauseMessage("cron '0 25 * * *': hour 25 is out of range 0-23");
    }
}
