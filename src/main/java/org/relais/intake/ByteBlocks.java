package org.relais.intake;

/**
 * Room for bytes in blocks of one array, made at the first use and used again and again: what is kept there for a
 * second or two is not copied by the collector at each young collection, nor promoted into the old generation and
 * left there for a full collection, as the originals of a burst's mails were when each was an array of its own
 * (bench/README.md, "The held originals in blocks"). Not thread-safe: its owner synchronizes.
 */
final class ByteBlocks {

    private final int blockBytes;
    private final int[] free;
    private int freeCount;
    private byte[] store;

    /** Room for as many whole blocks as {@code capacityBytes} allows (none when it is below a block). */
    ByteBlocks(long capacityBytes, int blockBytes) {
        if (capacityBytes / blockBytes * blockBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("At most 2 GB are held in memory, not " + capacityBytes + " bytes");
        }
        int blocks = (int) (capacityBytes / blockBytes);
        this.blockBytes = blockBytes;
        this.free = new int[blocks];
        for (int block = 0; block < blocks; block++) {
            free[block] = blocks - 1 - block;
        }
        this.freeCount = blocks;
    }

    /** The blocks now holding a copy of {@code bytes}, or null when too few are free. */
    int[] put(byte[] bytes) {
        int needed = (bytes.length + blockBytes - 1) / blockBytes;
        if (needed > freeCount) {
            return null;
        }
        if (store == null) {
            store = new byte[free.length * blockBytes];
        }
        int[] blocks = new int[needed];
        for (int i = 0; i < needed; i++) {
            blocks[i] = free[--freeCount];
            int from = i * blockBytes;
            System.arraycopy(bytes, from, store, blocks[i] * blockBytes, Math.min(blockBytes, bytes.length - from));
        }
        return blocks;
    }

    /** A new array with the {@code length} bytes the blocks hold. */
    byte[] copy(int[] blocks, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < blocks.length; i++) {
            int to = i * blockBytes;
            System.arraycopy(store, blocks[i] * blockBytes, bytes, to, Math.min(blockBytes, length - to));
        }
        return bytes;
    }

    /** The blocks are free for the next bytes. */
    void release(int[] blocks) {
        for (int block : blocks) {
            free[freeCount++] = block;
        }
    }
}
