package org.relais.spreadsheet;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;

/**
 * Sets POI's own guards from the reading limits. They are static, hence JVM-wide: they also bound what other
 * parts of the hub read with POI, which is why they stay generous (a whole part, not a budget table) and the
 * tight per-file checks live in {@link ZipInspector} and the loaders.
 */
public final class PoiSafety {

    private PoiSafety() {
    }

    public static synchronized void apply(ReadingLimits limits) {
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
        ZipSecureFile.setMaxFileCount(limits.maxZipEntries());
        IOUtils.setByteArrayMaxOverride((int) Math.min(Integer.MAX_VALUE, limits.maxEntryBytes()));
    }
}
