package org.relais.intake;

/**
 * One leaf of a mail's MIME tree: an attachment or a body. {@code content} holds at most the configured limit, and of
 * an attachment whose first bytes tell what it is (a PDF, a picture: {@link ContentSniffer#toldByItsHead}) only those;
 * {@code size} is the decoded size as sent, so an oversized part is known without keeping it twice (the raw mail
 * keeps it, and {@link MailParts} reads a part whole from it).
 */
record LeafPart(int position, String fileName, String declaredType, String charset, byte[] content, long size, boolean attachment,
                boolean truncated) {

    boolean isBody() {
        return !attachment;
    }
}
