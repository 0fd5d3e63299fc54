package dev.weir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FlowDefinitionsTest {

    private final Runs runs = new Runs();

    @AfterEach
    void close() {
        runs.close();
    }

    public static class PrivateTask {
        @Task
        private void hidden() {}
    }

    public static class FinalTask {
        @Task
        public final void locked() {}
    }

    public static class StaticTask {
        @Task
        public static void global() {}
    }

    public static class NoDefaultConstructor {
        NoDefaultConstructor(String required) {}

        @Flow
        public void run() {}
    }

    public static final class FinalClass {
        @Flow
        public void run() {}
    }

    public static class TooManyDelays {
        @Task(retries = 60, retryDelaySeconds = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
            21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48,
            49, 50, 51})
        public void retrying() {}
    }

    public static class NegativeTimeout {
        @Flow(timeoutSeconds = -5)
        public void run() {}
    }

    public static class SeveralProblems {
        @Task(retries = -3)
        public void a() {}

        @Flow(flowRunName = "run-{missing}", onFailure = "nowhere")
        public void b(String present) {}

        @Task(exponentialBackoff = 2, retryDelaySeconds = 1)
        public void c() {}
    }

    public static class Plain {
        public void nothing() {}
    }

    class Inner {
        @Flow
        public void run() {}
    }

    @Test
    void aPrivateTaskIsRejectedNamingTheMethod() {
        assertThatThrownBy(() -> runs.flows(PrivateTask.class))
                .isInstanceOf(FlowDefinitionException.class)
                .hasMessageContaining("PrivateTask.hidden(...) is private");
    }

    @Test
    void finalAndStaticTasksAreRejectedNamingTheMethod() {
        assertThatThrownBy(() -> runs.flows(FinalTask.class)).hasMessageContaining("FinalTask.locked(...) is final");
        assertThatThrownBy(() -> runs.flows(StaticTask.class)).hasMessageContaining("StaticTask.global(...) is static");
    }

    @Test
    void aClassWithoutAUsableConstructorIsRejected() {
        assertThatThrownBy(() -> runs.flows(NoDefaultConstructor.class))
                .hasMessageContaining("has no constructor without parameters");
        assertThatThrownBy(() -> runs.flows(Inner.class)).hasMessageContaining("is an inner class");
        assertThatThrownBy(() -> runs.flows(FinalClass.class)).hasMessageContaining("is final");
    }

    @Test
    void moreThanFiftyRetryDelaysAreRejected() {
        assertThatThrownBy(() -> runs.flows(TooManyDelays.class))
                .hasMessageContaining("TooManyDelays.retrying(...) has 51 retryDelaySeconds; at most 50");
    }

    @Test
    void aNegativeTimeoutIsRejectedWithTheValue() {
        assertThatThrownBy(() -> runs.flows(NegativeTimeout.class))
                .hasMessageContaining("NegativeTimeout.run(...) has timeoutSeconds = -5.0");
    }

    @Test
    void everyProblemOfAClassIsReportedAtOnce() {
        assertThatThrownBy(() -> runs.flows(SeveralProblems.class))
                .hasMessageContaining("a(...) has retries = -3")
                .hasMessageContaining("'{missing}', which is not a parameter; parameters are [present]")
                .hasMessageContaining("onFailure names 'nowhere'")
                .hasMessageContaining("c(...) sets both exponentialBackoff and retryDelaySeconds");
    }

    @Test
    void aClassWithoutFlowsOrTasksIsRejected() {
        assertThatThrownBy(() -> runs.flows(Plain.class)).hasMessageContaining("has no @Flow or @Task methods");
    }

    @Test
    void aValidClassYieldsAnInstanceOfItsOwnType() {
        assertThat(runs.flows(FlowRunsTest.Numbers.class)).isInstanceOf(FlowRunsTest.Numbers.class);
    }
}
