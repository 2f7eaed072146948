package org.relais.console.documents;

import java.util.List;

/**
 * Adds steps to documents' trails. Each flow that keeps its own tables (translation, distribution…) declares a bean
 * of this type, and the document page shows its steps in time order among the others.
 */
public interface TrailSource {

    List<TrailStep> steps(TrailSubject subject);
}
