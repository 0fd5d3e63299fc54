package dev.weir.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskSourceTest {

    static final class Hello {
        String run() {
            return "hello";
        }
    }

    static final class World {
        String run() {
            return "world";
        }
    }

    // Same body as Hello.run, on other lines and with other constant-pool indices.
    static final class AlsoHello {
        static final int UNUSED = 42;

        int padding(int x) {
            return x + UNUSED;
        }

        String run() {
            return "hello";
        }
    }

    static final class Arithmetic {
        int addTwo(int x) {
            return x + 2;
        }

        int addThree(int x) {
            return x + 3;
        }

        int branches(int x) {
            switch (x) {
                case 1: return 10;
                case 2: return 20;
                case 3: return 30;
                default: return x > 100 ? 1000 : -1;
            }
        }

        List<Integer> doubled(List<Integer> xs) {
            return xs.stream().map(x -> x * 2).toList();
        }
    }

    @Test
    void differsBetweenMethodsWhoseBodiesDifferOnlyInAStringLiteral() throws Exception {
        assertThat(hash(Hello.class, "run")).isNotEqualTo(hash(World.class, "run"));
    }

    @Test
    void isEqualForEqualBodiesWhateverTheirLinesAndConstantPoolLayout() throws Exception {
        assertThat(hash(Hello.class, "run")).isEqualTo(hash(AlsoHello.class, "run"));
    }

    @Test
    void differsBetweenMethodsWithDifferentArithmetic() throws Exception {
        Method two = Arithmetic.class.getDeclaredMethod("addTwo", int.class);
        Method three = Arithmetic.class.getDeclaredMethod("addThree", int.class);

        assertThat(TaskSource.of(two)).isPresent().isNotEqualTo(TaskSource.of(three));
    }

    @Test
    void isStableAcrossCallsAndMatches64HexDigits() throws Exception {
        Method branches = Arithmetic.class.getDeclaredMethod("branches", int.class);
        Method doubled = Arithmetic.class.getDeclaredMethod("doubled", List.class);

        assertThat(TaskSource.of(branches)).isEqualTo(TaskSource.of(branches))
                .hasValueSatisfying(h -> assertThat(h).matches("[0-9a-f]{64}"));
        assertThat(TaskSource.of(doubled)).isEqualTo(TaskSource.of(doubled)).isPresent();
    }

    @Test
    void hashesMethodsOfJdkClassesAndIsEmptyForAbstractMethods() throws Exception {
        assertThat(TaskSource.of(String.class.getMethod("isBlank"))).isPresent();
        assertThat(TaskSource.of(Runnable.class.getMethod("run"))).isEmpty();
    }

    private static String hash(Class<?> type, String name) throws NoSuchMethodException {
        return TaskSource.of(type.getDeclaredMethod(name)).orElseThrow();
    }
}
