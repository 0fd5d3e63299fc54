package dev.weir.cache;

import java.io.OutputStream;
import java.security.MessageDigest;

/** An output stream that feeds every byte into a digest and keeps none. Not thread safe. */
final class DigestingOutputStream extends OutputStream {

    private final MessageDigest digest;

    DigestingOutputStream(MessageDigest digest) {
        this.digest = digest;
    }

    @Override
    public void write(int b) {
        digest.update((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
    }
}
