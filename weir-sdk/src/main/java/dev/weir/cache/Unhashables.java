package dev.weir.cache;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.Channel;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.stream.BaseStream;

/**
 * Recognises argument types whose JSON would not describe their content: streams, channels,
 * sockets, threads, executors, futures, iterators, lambdas and other synthetic or proxy classes.
 */
final class Unhashables {

    private static final List<Class<?>> STATEFUL_TYPES = List.of(
            InputStream.class, OutputStream.class, Reader.class, Writer.class, Channel.class,
            Socket.class, ServerSocket.class, Thread.class, ClassLoader.class, Executor.class,
            Future.class, Iterator.class, BaseStream.class, AutoCloseable.class);

    private Unhashables() {}

    /** Why values of this class cannot be hashed, or empty if they can. */
    static Optional<String> reason(Class<?> type) {
        for (Class<?> stateful : STATEFUL_TYPES) {
            if (stateful.isAssignableFrom(type)) {
                return Optional.of(type.getName() + " is a " + stateful.getSimpleName()
                        + ", whose state is not in its JSON; pass the data it holds instead");
            }
        }
        if (type.isSynthetic() || type.isHidden() || type.isAnonymousClass() || Proxy.isProxyClass(type)) {
            return Optional.of(type.getName() + " is a lambda, anonymous, synthetic or proxy class,"
                    + " whose behaviour is not in its JSON");
        }
        return Optional.empty();
    }
}
