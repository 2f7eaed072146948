package org.relais.console.documents;

import java.util.List;

/** Adds language versions of documents (the translation flow declares one); the console shows the originals. */
public interface VersionSource {

    List<DocumentVersion> versions(TrailSubject subject);
}
