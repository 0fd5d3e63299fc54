package dev.weir.examples;

import dev.weir.Flow;
import dev.weir.Task;
import dev.weir.Weir;
import dev.weir.WeirRuntime;
import java.util.Random;

/**
 * Task retries: a task that fails half the time at random still completes, because it may be retried
 * five times (the chance that six attempts in a row fail is 1 in 64).
 *
 * <pre>{@code
 * int sum = Weir.flows(AddNumbers.class).addNumbers(1, 2);
 * }</pre>
 *
 * <p>The random generator is seeded so that {@code bin/examples} behaves the same every time: with
 * seed 3 the first two attempts fail and the second retry succeeds. Pass no seed to see it vary.
 */
public class AddNumbers {

    private final Random random = new Random(3);

    @Task(retries = 5, retryDelaySeconds = 0.1)
    int add(int x, int y) {
        if (random.nextBoolean()) {
            throw new IllegalStateException("the adding machine jammed");
        }
        return x + y;
    }

    @Flow(name = "add-numbers")
    int addNumbers(int x, int y) {
        int sum = add(x, y);
        Weir.logger().info("{} + {} = {}", x, y, sum);
        return sum;
    }

    /** Runs the flow on {@code weir} and checks its result. */
    static String run(WeirRuntime weir) {
        int sum = weir.flows(AddNumbers.class).addNumbers(1, 2);
        Check.that(sum == 3, "1 + 2 should be 3, got " + sum);
        return "1 + 2 = " + sum;
    }

    public static void main(String[] args) {
        System.out.println(Weir.flows(AddNumbers.class).addNumbers(1, 2));
    }
}
