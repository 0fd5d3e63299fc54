package dev.weir.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NameTemplateTest {

    @Test
    void rendersParametersWithDateAndPrintfFormats() {
        NameTemplate template = NameTemplate.parse("{color}_tripdata_{year}-{month:02d} on {day:yyyy/MM/dd}",
                Set.of("color", "year", "month", "day"));
        assertThat(template.render(Map.of("color", "yellow", "year", 2021, "month", 1, "day", LocalDate.of(2021, 1, 31))))
                .isEqualTo("yellow_tripdata_2021-01 on 2021/01/31");
    }

    @Test
    void rejectsPlaceholdersThatAreNotParametersAndUnclosedBraces() {
        assertThatThrownBy(() -> NameTemplate.parse("x-{nope}", Set.of("yes")))
                .hasMessageContaining("'{nope}', which is not a parameter");
        assertThatThrownBy(() -> NameTemplate.parse("x-{yes", Set.of("yes"))).hasMessageContaining("without a closing");
    }
}
