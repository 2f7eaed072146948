package org.relais.intake;

import jakarta.mail.internet.SharedInputStream;
import java.io.InputStream;
import java.util.Objects;

/**
 * A mail held in memory as the MIME parser reads it: what Jakarta Mail's {@code SharedByteArrayInputStream} does,
 * without its locks. That one is a {@code ByteArrayInputStream}, each of whose calls takes the stream's monitor; the
 * parser finds a multipart's boundaries by marking, reading, resetting and skipping a few bytes at a time, thousands
 * of calls for a 100 KB attachment, and the client compiler removes no lock: a quarter of the parse (bench/README.md,
 * "The mail parsed without locks"). A stream is read by one thread, as every stream intake opens.
 */
final class ByteArraySharedStream extends InputStream implements SharedInputStream {

    private final byte[] bytes;
    private final int start;
    private final int end;
    private int position;
    private int mark;

    ByteArraySharedStream(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    private ByteArraySharedStream(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.start = start;
        this.end = end;
        this.position = start;
        this.mark = start;
    }

    @Override
    public int read() {
        return position < end ? bytes[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (position >= end) {
            return -1;
        }
        int count = Math.min(length, end - position);
        System.arraycopy(bytes, position, target, offset, count);
        position += count;
        return count;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, end - position));
        position += (int) skipped;
        return skipped;
    }

    @Override
    public int available() {
        return end - position;
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public void mark(int readLimit) {
        mark = position;
    }

    @Override
    public void reset() {
        position = mark;
    }

    @Override
    public long getPosition() {
        return position - start;
    }

    @Override
    public InputStream newStream(long from, long to) {
        if (from < 0) {
            throw new IllegalArgumentException("start < 0");
        }
        long length = end - start;
        long first = Math.min(from, length);
        long until = to == -1 ? length : Math.max(first, Math.min(to, length));
        return new ByteArraySharedStream(bytes, start + (int) first, start + (int) until);
    }
}
