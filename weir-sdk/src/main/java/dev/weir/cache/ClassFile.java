package dev.weir.cache;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a class file that a method's code depends on: the constant pool, each method's code
 * array and exception table, and the bootstrap methods. A minimal parser of the JVM class-file format
 * (JVMS chapter 4); everything else (fields, debug attributes, annotations) is skipped.
 */
final class ClassFile {

    /** A method with a body; {@code exceptionTable} holds (start, end, handler, catch type) quadruples. */
    record MethodInfo(String name, String descriptor, byte[] code, int[] exceptionTable) {}

    private static final int UTF8 = 1, INTEGER = 3, FLOAT = 4, LONG = 5, DOUBLE = 6, CLASS = 7, STRING = 8;
    private static final int METHOD_HANDLE = 15, METHOD_TYPE = 16, DYNAMIC = 17, INVOKE_DYNAMIC = 18;

    private final int[] tags;
    private final Object[] values;
    private final List<MethodInfo> methods = new ArrayList<>();
    private int[][] bootstrapMethods = new int[0][];

    private ClassFile(int size) {
        tags = new int[size];
        values = new Object[size];
    }

    List<MethodInfo> methods() {
        return methods;
    }

    static ClassFile parse(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.skipNBytes(4); // minor and major version
        ClassFile file = new ClassFile(in.readUnsignedShort());
        file.readConstants(in);
        in.skipNBytes(6); // access flags, this class, super class
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.skipNBytes(6);
            skipAttributes(in);
        }
        int methodCount = in.readUnsignedShort();
        for (int i = 0; i < methodCount; i++) {
            file.readMethod(in);
        }
        int attributes = in.readUnsignedShort();
        for (int i = 0; i < attributes; i++) {
            String name = file.utf8(in.readUnsignedShort());
            int length = in.readInt();
            if (name.equals("BootstrapMethods")) {
                file.readBootstrapMethods(in);
            } else {
                in.skipNBytes(length);
            }
        }
        return file;
    }

    /** The constant at an index as text, with references resolved, e.g. {@code java/io/PrintStream.println:(I)V}. */
    String describe(int index) {
        return describe(index, 0);
    }

    private String describe(int index, int depth) {
        if (index <= 0 || index >= tags.length || depth > 16) {
            return "#" + index;
        }
        Object value = values[index];
        return switch (tags[index]) {
            case UTF8 -> (String) value;
            case INTEGER -> "I" + value;
            case FLOAT -> "F" + value;
            case LONG -> "J" + value;
            case DOUBLE -> "D" + value;
            case CLASS, STRING, METHOD_TYPE, 19, 20 -> tags[index] + ":" + describe(refs(index)[0], depth + 1);
            case METHOD_HANDLE -> "MH" + refs(index)[0] + ":" + describe(refs(index)[1], depth + 1);
            case DYNAMIC, INVOKE_DYNAMIC -> "indy:" + bootstrap(refs(index)[0], depth + 1)
                    + ":" + describe(refs(index)[1], depth + 1);
            default -> describe(refs(index)[0], depth + 1) + "." + describe(refs(index)[1], depth + 1);
        };
    }

    private String bootstrap(int index, int depth) {
        if (index >= bootstrapMethods.length) {
            return "bsm#" + index;
        }
        StringBuilder text = new StringBuilder();
        for (int constant : bootstrapMethods[index]) {
            text.append(describe(constant, depth)).append(';');
        }
        return text.toString();
    }

    private int[] refs(int index) {
        return (int[]) values[index];
    }

    private String utf8(int index) {
        return (String) values[index];
    }

    private void readConstants(DataInputStream in) throws IOException {
        for (int i = 1; i < tags.length; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            values[i] = switch (tag) {
                case UTF8 -> in.readUTF();
                case INTEGER -> in.readInt();
                case FLOAT -> in.readFloat();
                case LONG -> in.readLong();
                case DOUBLE -> in.readDouble();
                case CLASS, STRING, METHOD_TYPE, 19, 20 -> new int[] {in.readUnsignedShort()};
                case METHOD_HANDLE -> new int[] {in.readUnsignedByte(), in.readUnsignedShort()};
                case 9, 10, 11, 12, DYNAMIC, INVOKE_DYNAMIC -> new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                default -> throw new IOException("unknown constant-pool tag " + tag + " at index " + i);
            };
            if (tag == LONG || tag == DOUBLE) {
                i++; // Eight-byte constants take two slots.
            }
        }
    }

    private void readMethod(DataInputStream in) throws IOException {
        in.skipNBytes(2); // access flags
        String name = utf8(in.readUnsignedShort());
        String descriptor = utf8(in.readUnsignedShort());
        int attributes = in.readUnsignedShort();
        for (int i = 0; i < attributes; i++) {
            String attribute = utf8(in.readUnsignedShort());
            int length = in.readInt();
            if (!attribute.equals("Code")) {
                in.skipNBytes(length);
                continue;
            }
            in.skipNBytes(4); // max stack, max locals
            byte[] code = in.readNBytes(in.readInt());
            int[] exceptions = new int[4 * in.readUnsignedShort()];
            for (int e = 0; e < exceptions.length; e++) {
                exceptions[e] = in.readUnsignedShort();
            }
            skipAttributes(in); // LineNumberTable and the like: debug data, not behaviour
            methods.add(new MethodInfo(name, descriptor, code, exceptions));
        }
    }

    private void readBootstrapMethods(DataInputStream in) throws IOException {
        bootstrapMethods = new int[in.readUnsignedShort()][];
        for (int i = 0; i < bootstrapMethods.length; i++) {
            int method = in.readUnsignedShort();
            int[] entry = new int[1 + in.readUnsignedShort()];
            entry[0] = method;
            for (int a = 1; a < entry.length; a++) {
                entry[a] = in.readUnsignedShort();
            }
            bootstrapMethods[i] = entry;
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            in.skipNBytes(2);
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }
}
