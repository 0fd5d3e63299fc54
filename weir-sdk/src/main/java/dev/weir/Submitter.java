package dev.weir;

import dev.weir.function.TaskFunction0;
import dev.weir.function.TaskFunction1;
import dev.weir.function.TaskFunction2;
import dev.weir.function.TaskFunction3;
import dev.weir.function.TaskFunction4;
import dev.weir.function.TaskProcedure0;
import dev.weir.function.TaskProcedure1;
import dev.weir.function.TaskProcedure2;
import dev.weir.function.TaskProcedure3;
import dev.weir.internal.engine.Engine;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Submits task runs that first wait for other task runs, from {@link Weir#waitFor}. A task whose
 * upstream did not complete ends {@code NotReady} without running, unless the upstream was wrapped
 * in {@link Weir#allowFailure}.
 */
public final class Submitter {

    static final Submitter NONE = new Submitter(List.of());

    private final List<TaskFuture<?>> upstream;

    Submitter(List<TaskFuture<?>> upstream) {
        this.upstream = List.copyOf(upstream);
    }

    // The casts below restore the argument types that each overload's signature already enforced.

    @SuppressWarnings("unchecked")
    public <R> TaskFuture<R> submit(TaskFunction0<R> task) {
        return (TaskFuture<R>) Engine.submit(task, new Object[0], args -> task.apply(), upstream);
    }

    @SuppressWarnings("unchecked")
    public <A, R> TaskFuture<R> submit(TaskFunction1<A, R> task, A a) {
        return (TaskFuture<R>) Engine.submit(task, new Object[] {a}, args -> task.apply((A) args[0]), upstream);
    }

    @SuppressWarnings("unchecked")
    public <A, B, R> TaskFuture<R> submit(TaskFunction2<A, B, R> task, A a, B b) {
        return (TaskFuture<R>)
                Engine.submit(task, new Object[] {a, b}, args -> task.apply((A) args[0], (B) args[1]), upstream);
    }

    @SuppressWarnings("unchecked")
    public <A, B, C, R> TaskFuture<R> submit(TaskFunction3<A, B, C, R> task, A a, B b, C c) {
        return (TaskFuture<R>) Engine.submit(
                task, new Object[] {a, b, c}, args -> task.apply((A) args[0], (B) args[1], (C) args[2]), upstream);
    }

    @SuppressWarnings("unchecked")
    public <A, B, C, D, R> TaskFuture<R> submit(TaskFunction4<A, B, C, D, R> task, A a, B b, C c, D d) {
        return (TaskFuture<R>) Engine.submit(
                task,
                new Object[] {a, b, c, d},
                args -> task.apply((A) args[0], (B) args[1], (C) args[2], (D) args[3]),
                upstream);
    }

    @SuppressWarnings("unchecked")
    public TaskFuture<Void> submit(TaskProcedure0 task) {
        return (TaskFuture<Void>) Engine.submit(task, new Object[0], args -> {
            task.run();
            return null;
        }, upstream);
    }

    @SuppressWarnings("unchecked")
    public <A> TaskFuture<Void> submit(TaskProcedure1<A> task, A a) {
        return (TaskFuture<Void>) Engine.submit(task, new Object[] {a}, args -> {
            task.run((A) args[0]);
            return null;
        }, upstream);
    }

    @SuppressWarnings("unchecked")
    public <A, B> TaskFuture<Void> submit(TaskProcedure2<A, B> task, A a, B b) {
        return (TaskFuture<Void>) Engine.submit(task, new Object[] {a, b}, args -> {
            task.run((A) args[0], (B) args[1]);
            return null;
        }, upstream);
    }

    @SuppressWarnings("unchecked")
    public <A, B, C> TaskFuture<Void> submit(TaskProcedure3<A, B, C> task, A a, B b, C c) {
        return (TaskFuture<Void>) Engine.submit(task, new Object[] {a, b, c}, args -> {
            task.run((A) args[0], (B) args[1], (C) args[2]);
            return null;
        }, upstream);
    }

    /** One task run per item. */
    public <A, R> List<TaskFuture<R>> map(TaskFunction1<A, R> task, Iterable<? extends A> items) {
        List<TaskFuture<R>> futures = new ArrayList<>();
        for (A item : items) {
            futures.add(submit(task, item));
        }
        return futures;
    }

    /** One task run per item, each also given the same {@code unmapped} value. */
    public <A, B, R> List<TaskFuture<R>> map(TaskFunction2<A, B, R> task, Iterable<? extends A> items, Unmapped<B> unmapped) {
        List<TaskFuture<R>> futures = new ArrayList<>();
        for (A item : items) {
            futures.add(submit(task, item, unmapped.value()));
        }
        return futures;
    }

    /** One task run per pair of items taken from both iterables in step; they must be of one length. */
    public <A, B, R> List<TaskFuture<R>> map(TaskFunction2<A, B, R> task, Iterable<? extends A> first, Iterable<? extends B> second) {
        List<TaskFuture<R>> futures = new ArrayList<>();
        Iterator<? extends A> a = first.iterator();
        Iterator<? extends B> b = second.iterator();
        while (a.hasNext() && b.hasNext()) {
            futures.add(submit(task, a.next(), b.next()));
        }
        if (a.hasNext() || b.hasNext()) {
            throw new IllegalArgumentException("Weir.map needs iterables of one length; the "
                    + (a.hasNext() ? "first" : "second") + " is longer (" + futures.size()
                    + " pairs mapped). Wrap an argument in Weir.unmapped(...) to pass it whole.");
        }
        return futures;
    }
}
