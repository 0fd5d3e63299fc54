package dev.weir.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Feeds a method's behaviour into a digest: each instruction's opcode and operands, with every
 * constant-pool reference replaced by the constant it names, plus the exception table.
 *
 * <p>Resolving references matters: a changed string literal or called method may keep its
 * constant-pool index, and an unrelated change elsewhere in the class may shift indices. Jump offsets
 * are kept as they are. Debug attributes (line numbers, local names) are left out, so reformatting a
 * method does not change its hash.
 */
final class BytecodeHasher {

    /** Each opcode's instruction length in bytes, for the instructions without constant-pool operands. */
    private static final int[] LENGTH = new int[256];

    static {
        set(1, 0, 255);
        set(2, 16, 16); // bipush
        set(3, 17, 17); // sipush
        set(2, 21, 25); // xload
        set(2, 54, 58); // xstore
        set(3, 132, 132); // iinc
        set(3, 153, 168); // branches, goto, jsr
        set(2, 169, 169); // ret
        set(2, 188, 188); // newarray
        set(3, 198, 199); // ifnull, ifnonnull
        set(5, 200, 201); // goto_w, jsr_w
    }

    private final ClassFile file;
    private final MessageDigest digest;

    BytecodeHasher(ClassFile file, MessageDigest digest) {
        this.file = file;
        this.digest = digest;
    }

    void feed(ClassFile.MethodInfo method) {
        text(method.name() + method.descriptor());
        byte[] code = method.code();
        int pc = 0;
        while (pc < code.length) {
            int opcode = code[pc] & 0xFF;
            digest.update((byte) opcode);
            pc = switch (opcode) {
                case 18 -> constant(code[pc + 1] & 0xFF, pc + 2); // ldc
                case 19, 20, 178, 179, 180, 181, 182, 183, 184, 187, 189, 192, 193 -> constant(u2(code, pc + 1), pc + 3);
                case 185 -> raw(code, pc + 3, 1, constant(u2(code, pc + 1), pc + 5)); // invokeinterface count
                case 186 -> constant(u2(code, pc + 1), pc + 5); // invokedynamic
                case 197 -> raw(code, pc + 3, 1, constant(u2(code, pc + 1), pc + 4)); // multianewarray dims
                case 170 -> tableSwitch(code, pc);
                case 171 -> lookupSwitch(code, pc);
                case 196 -> wide(code, pc);
                default -> raw(code, pc + 1, LENGTH[opcode] - 1, pc + LENGTH[opcode]);
            };
        }
        int[] exceptions = method.exceptionTable();
        for (int i = 0; i < exceptions.length; i += 4) {
            digest.update(ByteBuffer.allocate(12).putInt(exceptions[i]).putInt(exceptions[i + 1])
                    .putInt(exceptions[i + 2]).array());
            text(exceptions[i + 3] == 0 ? "any" : file.describe(exceptions[i + 3]));
        }
    }

    private int wide(byte[] code, int pc) {
        int operands = (code[pc + 1] & 0xFF) == 132 ? 5 : 3; // wide iinc has a 16-bit increment too
        return raw(code, pc + 1, operands, pc + 1 + operands);
    }

    private int tableSwitch(byte[] code, int pc) {
        int aligned = (pc + 4) & ~3;
        int low = s4(code, aligned + 4);
        int high = s4(code, aligned + 8);
        int length = 12 + 4 * (high - low + 1);
        return raw(code, aligned, length, aligned + length);
    }

    private int lookupSwitch(byte[] code, int pc) {
        int aligned = (pc + 4) & ~3;
        int length = 8 + 8 * s4(code, aligned + 4);
        return raw(code, aligned, length, aligned + length);
    }

    private int constant(int index, int next) {
        text(file.describe(index));
        return next;
    }

    private int raw(byte[] code, int from, int length, int next) {
        digest.update(code, from, length);
        return next;
    }

    private void text(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static int u2(byte[] code, int at) {
        return ((code[at] & 0xFF) << 8) | (code[at + 1] & 0xFF);
    }

    private static int s4(byte[] code, int at) {
        return ByteBuffer.wrap(code, at, 4).getInt();
    }

    private static void set(int length, int from, int to) {
        for (int opcode = from; opcode <= to; opcode++) {
            LENGTH[opcode] = length;
        }
    }
}
