package org.relais.intake;

/**
 * One leaf of a mail's MIME tree: an attachment or a body. {@code content} holds at most the configured limit;
 * {@code size} is the decoded size as sent, so an oversized part is known without keeping it twice (the raw mail
 * keeps it).
 */
record LeafPart(int position, String fileName, String declaredType, String charset, byte[] content, long size, boolean attachment,
                boolean truncated) {

    boolean isBody() {
        return !attachment;
    }
}
