package org.relais.attendance;

/**
 * A participant of an attendance sheet as kept for the evaluation.
 *
 * @param number      its place among the participants of the reference's sheets, from 1: what coordinators name it by
 * @param documentId  the sheet it was read from
 * @param cell        where its name is on the sheet ("Prezență!B7")
 * @param category    elected, technician, state or ngo; null when the sheet's word was not recognised
 * @param correctedBy the coordinator who set the category, if one did
 */
public record SheetParticipant(long id, int number, long documentId, String name, String organisation,
                               String cell, String categoryAsRead, String category, String correctedBy) {

    public boolean recognised() {
        return category != null;
    }
}
