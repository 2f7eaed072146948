package org.relais.console.evaluation;

import java.util.List;

/**
 * Adds figures to the evaluation page. The console counts what intake and budgets hold; the attendance flow will
 * declare a bean with participants, elected officials and NGOs per seminar, the distribution flow with its sendings.
 */
public interface IndicatorSource {

    List<Indicator> indicators();
}
