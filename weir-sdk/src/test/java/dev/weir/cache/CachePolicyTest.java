package dev.weir.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CachePolicyTest {

    private static final UUID RUN = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    private static CacheKeyContext context(Map<String, Object> arguments, Optional<UUID> runId) {
        return new CacheKeyContext("etl.extract", Optional.of("source-hash"), arguments, runId, Map.of("env", "prod"));
    }

    private static CacheKeyContext context(Map<String, Object> arguments) {
        return context(arguments, Optional.of(RUN));
    }

    @Test
    void eachBasicPolicyKeysOnItsPartOfTheContext() {
        CacheKeyContext ctx = context(Map.of("a", 1));

        assertThat(CachePolicy.INPUTS.key(ctx)).isEqualTo(InputHash.of(Map.of("a", 1)));
        assertThat(CachePolicy.TASK_SOURCE.key(ctx)).contains("source-hash");
        assertThat(CachePolicy.RUN_ID.key(ctx)).contains(RUN.toString());
        assertThat(CachePolicy.FLOW_PARAMETERS.key(ctx)).isEqualTo(InputHash.of(Map.of("env", "prod")));
        assertThat(CachePolicy.NONE.key(ctx)).isEmpty();
    }

    @Test
    void aCompoundKeyIsTheSha256OfItsPartsInOrder() {
        CacheKeyContext ctx = context(Map.of("a", 1));
        String inputs = CachePolicy.INPUTS.key(ctx).orElseThrow();

        assertThat(CachePolicy.DEFAULT.key(ctx))
                .contains(Sha256.ofParts(List.of(inputs, "source-hash", RUN.toString())));
        assertThat(CachePolicy.INPUTS.plus(CachePolicy.RUN_ID).key(ctx))
                .isNotEqualTo(CachePolicy.RUN_ID.plus(CachePolicy.INPUTS).key(ctx));
        assertThat(CachePolicy.DEFAULT.key(ctx)).hasValueSatisfying(k -> assertThat(k).hasSize(64));
    }

    @Test
    void defaultIsInputsPlusTaskSourcePlusRunId() {
        CacheKeyContext ctx = context(Map.of("a", 1));

        assertThat(CachePolicy.DEFAULT.key(ctx))
                .isEqualTo(CachePolicy.INPUTS.plus(CachePolicy.TASK_SOURCE).plus(CachePolicy.RUN_ID).key(ctx));
        assertThat(CachePolicy.DEFAULT).hasToString("INPUTS + TASK_SOURCE + RUN_ID");
    }

    @Test
    void aCompoundWithAnyEmptyPartHasNoKey() {
        Map<String, Object> unhashable = Map.of("in", new ByteArrayInputStream(new byte[0]));

        assertThat(CachePolicy.INPUTS.plus(CachePolicy.NONE).key(context(Map.of("a", 1)))).isEmpty();
        assertThat(CachePolicy.DEFAULT.key(context(unhashable))).isEmpty();
        assertThat(CachePolicy.DEFAULT.key(context(Map.of("a", 1), Optional.empty()))).isEmpty();
    }

    @Test
    void minusLeavesAnArgumentOutOfTheInputHashAlsoInsideCompounds() {
        Map<String, Object> quiet = new LinkedHashMap<>(Map.of("a", 1, "debug", false));
        Map<String, Object> loud = new LinkedHashMap<>(Map.of("a", 1, "debug", true));

        assertThat(CachePolicy.INPUTS.minus("debug").key(context(quiet)))
                .isEqualTo(CachePolicy.INPUTS.minus("debug").key(context(loud)))
                .isEqualTo(InputHash.of(Map.of("a", 1)));
        assertThat(CachePolicy.DEFAULT.minus("debug").key(context(quiet)))
                .isEqualTo(CachePolicy.DEFAULT.minus("debug").key(context(loud)));
        assertThat(CachePolicy.INPUTS.key(context(quiet))).isNotEqualTo(CachePolicy.INPUTS.key(context(loud)));
        assertThat(CachePolicy.INPUTS.minus("x").minus("debug")).hasToString("INPUTS - [debug, x]");
    }

    @Test
    void taskInputHashKeysOnTaskKeySourceAndInputs() {
        TaskInputHash function = new TaskInputHash();
        CacheKeyContext ctx = context(Map.of("a", 1));
        CacheKeyContext otherTask = new CacheKeyContext(
                "etl.load", Optional.of("source-hash"), Map.of("a", 1), Optional.of(RUN), Map.of());

        assertThat(function.key(ctx)).contains(Sha256.ofParts(
                List.of("etl.extract", "source-hash", InputHash.of(Map.of("a", 1)).orElseThrow())));
        assertThat(function.key(otherTask)).isNotEqualTo(function.key(ctx));
        assertThat(function.key(context(Map.of("in", new ByteArrayInputStream(new byte[0]))))).isEmpty();
    }

    @Test
    void aKeyFunctionPolicyRejectsKeysLongerThanTheLimit() {
        CachePolicy tooLong = CachePolicy.of(ctx -> Optional.of("k".repeat(CachePolicy.MAX_KEY_LENGTH + 1)));
        CachePolicy fine = CachePolicy.of(ctx -> Optional.of("k".repeat(CachePolicy.MAX_KEY_LENGTH)));

        assertThat(fine.key(context(Map.of()))).hasValueSatisfying(k -> assertThat(k).hasSize(2000));
        assertThatThrownBy(() -> tooLong.key(context(Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2001 characters")
                .hasMessageContaining("at most 2000");
    }

    @Test
    void contextKeepsNullArgumentsAndCannotBeModified() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("maybe", null);
        CacheKeyContext ctx = context(arguments);

        assertThat(ctx.arguments()).containsEntry("maybe", null);
        assertThatThrownBy(() -> ctx.arguments().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(CachePolicy.INPUTS.key(ctx)).isPresent();
    }
}
