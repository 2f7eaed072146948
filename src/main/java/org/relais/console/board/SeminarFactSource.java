package org.relais.console.board;

import java.util.List;

/**
 * Adds facts to the seminars board. The console reads what the intake and budget tables hold; each later flow
 * (minutes and translations, distribution, budget review, attendance) declares a bean of this type for its own.
 */
public interface SeminarFactSource {

    List<SeminarFact> facts();
}
