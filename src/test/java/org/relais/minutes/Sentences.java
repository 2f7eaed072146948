package org.relais.minutes;

/** Real sentences of seminar minutes in the partnership's languages (after the preparatory seminar's report). */
public final class Sentences {

    private Sentences() {
    }

    public static final String FRENCH = "Le séminaire s'est tenu à Pitești les 14 et 15 septembre. Les participants, "
            + "élus, techniciens et représentants des associations, ont échangé sur l'analyse des besoins sociaux et "
            + "sur l'organisation des services de protection de l'enfance dans les départements.";
    public static final String ROMANIAN = "Seminarul a avut loc la Pitești în zilele de 14 și 15 septembrie. "
            + "Participanții, aleși locali, tehnicieni și reprezentanți ai asociațiilor, au discutat despre analiza "
            + "nevoilor sociale și despre organizarea serviciilor de protecție a copilului în județe.";
    public static final String BULGARIAN = "Семинарът се проведе във Варна на 12 и 13 ноември. Участниците, "
            + "избрани представители, експерти и представители на сдруженията, обсъдиха анализа на социалните нужди "
            + "и организацията на услугите за закрила на детето в общините.";
    public static final String RUSSIAN = "Семинар прошёл в Кагуле в декабре. Участники, избранные представители, "
            + "специалисты и представители общественных организаций, обсудили анализ социальных потребностей и "
            + "организацию услуг по защите детей.";
    public static final String ENGLISH = "The seminar took place in Cahul in December. The participants, elected "
            + "officials, technicians and representatives of associations, discussed the analysis of social needs "
            + "and the organisation of child protection services.";
}
