package org.relais.budget;

/** The rows of the forecast budget model, in the model's order; {@link #OTHER} is a row the model does not have. */
public enum BudgetLine {
    TRAVEL,
    ACCOMMODATION,
    CATERING,
    TRANSLATION,
    COMMUNICATION,
    ROOM_HIRE,
    STAFF_TIME,
    TOTAL,
    OTHER;

    /** The seven expense lines plus the total: what a complete budget shows. */
    public static final java.util.List<BudgetLine> MODEL = java.util.List.of(
            TRAVEL, ACCOMMODATION, CATERING, TRANSLATION, COMMUNICATION, ROOM_HIRE, STAFF_TIME, TOTAL);

    /** The lines whose amounts add up to the total. */
    public boolean isSummed() {
        return this != TOTAL;
    }
}
