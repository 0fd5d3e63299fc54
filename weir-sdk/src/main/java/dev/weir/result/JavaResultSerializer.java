package dev.weir.result;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Java serialization, used only when asked for by name ({@code java}); thread safe.
 *
 * <p>The bytes are a header listing every class written into the stream (captured through {@link
 * ObjectOutputStream#annotateClass(Class)}) followed by the serialization stream. Reading installs an
 * {@link ObjectInputFilter} that rejects any class not in that list, other than the JDK's plain-data
 * types (boxes, java.time, collections; {@code readResolve} turns {@code java.time.Ser} into them), so
 * a stream cannot make the reader load classes beyond the value's own type graph. The header lives in the same file: whoever
 * can write the storage can widen it, so storage must still be trusted. Classes resolve through the
 * context class loader.
 */
final class JavaResultSerializer implements ResultSerializer {

    static final String NAME = "java";
    private static final int MAGIC = 0x5745494A; // "WEIJ"
    private static final long MAX_DEPTH = 10_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] serialize(Object value) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        Set<String> classes;
        try (RecordingOutputStream out = new RecordingOutputStream(stream)) {
            out.writeObject(value);
            out.flush();
            classes = out.classes;
        } catch (IOException | RuntimeException e) {
            throw ResultSerializationException.cannotWrite(NAME, value, e);
        }
        ByteArrayOutputStream result = new ByteArrayOutputStream(stream.size() + 64 * classes.size());
        try (DataOutputStream header = new DataOutputStream(result)) {
            header.writeInt(MAGIC);
            header.writeInt(classes.size());
            for (String name : classes) {
                header.writeUTF(name);
            }
            stream.writeTo(header);
        } catch (IOException e) {
            throw ResultSerializationException.cannotWrite(NAME, value, e);
        }
        return result.toByteArray();
    }

    @Override
    public Object deserialize(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new ResultSerializationException("Not a 'java' result: the header is missing");
            }
            int count = in.readInt();
            Set<String> allowed = new LinkedHashSet<>();
            for (int i = 0; i < count; i++) {
                allowed.add(in.readUTF());
            }
            Set<String> rejected = new LinkedHashSet<>();
            try (ObjectInputStream objects = new ContextObjectInputStream(in)) {
                objects.setObjectInputFilter(info -> check(info, allowed, rejected));
                return objects.readObject();
            } catch (java.io.InvalidClassException e) {
                throw new ResultSerializationException("Cannot read a 'java' result: the stream holds "
                        + (rejected.isEmpty() ? "a class" : rejected) + " outside the value's recorded type graph "
                        + allowed + " (" + e.getMessage() + ")", e);
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            if (e instanceof ResultSerializationException r) {
                throw r;
            }
            throw new ResultSerializationException("Cannot read a 'java' result: " + e, e);
        }
    }

    private static ObjectInputFilter.Status check(
            ObjectInputFilter.FilterInfo info, Set<String> allowed, Set<String> rejected) {
        if (info.depth() > MAX_DEPTH) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        Class<?> component = type;
        while (component.isArray()) {
            component = component.getComponentType();
        }
        boolean jdkData = component.getClassLoader() == null && PlainDataTypes.isPlainData(component);
        boolean known = component.isPrimitive()
                || jdkData
                || allowed.contains(type.getName())
                || allowed.contains(component.getName());
        if (!known) {
            rejected.add(type.getName());
            return ObjectInputFilter.Status.REJECTED;
        }
        return ObjectInputFilter.Status.ALLOWED;
    }

    /** Records the name of every class whose descriptor is written. */
    private static final class RecordingOutputStream extends ObjectOutputStream {
        final Set<String> classes = new LinkedHashSet<>();

        RecordingOutputStream(OutputStream out) throws IOException {
            super(out);
        }

        @Override
        protected void annotateClass(Class<?> type) {
            classes.add(type.getName());
        }

        @Override
        protected void annotateProxyClass(Class<?> type) throws IOException {
            throw new IOException("dynamic proxies (" + type.getName() + ") are not stored as results");
        }
    }

    /** Resolves classes through the context class loader first. */
    private static final class ContextObjectInputStream extends ObjectInputStream {
        ContextObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null) {
                try {
                    return Class.forName(desc.getName(), false, context);
                } catch (ClassNotFoundException e) {
                    // Fall back to the default resolution below.
                }
            }
            return super.resolveClass(desc);
        }
    }
}
