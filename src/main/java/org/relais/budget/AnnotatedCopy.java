package org.relais.budget;

/**
 * The partner's file with the problem cells highlighted and commented, ready to attach to the reply.
 *
 * @param fileName  the original name with "-relais" before the extension (xlsx for an ods or csv original)
 * @param mediaType the attachment's content type
 * @param bytes     the file
 */
public record AnnotatedCopy(String fileName, String mediaType, byte[] bytes) {
}
