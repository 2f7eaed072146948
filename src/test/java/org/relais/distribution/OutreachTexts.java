package org.relais.distribution;

import java.util.List;
import org.relais.support.LibreTranslateStub;

/** What a coordinator gives the hub to distribute in the outreach tests: conclusions and a press release of Varna. */
public final class OutreachTexts {

    public static final String COORDINATOR = "coordination@relais.test";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static final String CONCLUSIONS_TITLE_FR = "Conclusions du séminaire de Varna";
    public static final String CONCLUSIONS_FR =
            "Les participants recommandent de confier l'analyse des besoins sociaux à des "
            + "équipes communes aux municipalités et aux associations. Ils demandent que les services de protection "
            + "de l'enfance soient organisés dans chaque municipalité, avec une formation commune des travailleurs "
            + "sociaux. Le groupe de suivi présentera ces propositions aux ministères avant la fin de l'année.";
    public static final String CONCLUSIONS_TITLE_BG = "Заключения от семинара във Варна";
    public static final String CONCLUSIONS_BG =
            "Участниците препоръчват анализът на социалните нужди да бъде възложен на "
            + "общи екипи на общините и сдруженията. Те настояват услугите за закрила на детето да бъдат организирани "
            + "във всяка община, с общо обучение на социалните работници. Групата за наблюдение ще представи тези "
            + "предложения на министерствата преди края на годината.";
    public static final String CONCLUSIONS_TITLE_RO = "Concluziile seminarului de la Varna";
    public static final String CONCLUSIONS_RO =
            "Participanții recomandă ca analiza nevoilor sociale să fie încredințată "
            + "unor echipe comune ale municipalităților și asociațiilor. Ei cer ca serviciile de protecție a copilului "
            + "să fie organizate în fiecare municipalitate, cu o formare comună a asistenților sociali. Grupul de "
            + "monitorizare va prezenta aceste propuneri ministerelor înainte de sfârșitul anului.";

    public static final String PRESS_FR =
            "Les 12 et 13 novembre, la municipalité a accueilli des élus et des professionnels "
            + "de l'action sociale venus de Bulgarie, de Roumanie, de Moldavie et de France. Ensemble, ils ont comparé "
            + "leurs façons d'analyser les besoins des familles et de protéger les enfants.";
    public static final String PRESS_RO =
            "Pe 12 și 13 noiembrie, municipalitatea a găzduit aleși locali și profesioniști ai "
            + "asistenței sociale din Bulgaria, România, Moldova și Franța. Împreună, ei și-au comparat modurile de a "
            + "analiza nevoile familiilor și de a proteja copiii.";
    public static final String PRESS_BG =
            "На 12 и 13 ноември общината посрещна избрани представители и специалисти по "
            + "социални дейности от България, Румъния, Молдова и Франция. Заедно те сравниха начините си за анализ "
            + "на нуждите на семействата и за закрила на децата.";

    /** The authorities concerned by a seminar held in Bulgaria: its own, and France's embassy in Sofia. */
    public static final List<String> AUTHORITIES_BG = List.of("ambassade-bg@relais.test", "dazd@relais.test",
            "embassy-bg-paris@relais.test", "ministry-bg@relais.test");
    /** Authorities that a seminar held in Bulgaria does not concern; the whole programme concerns them all. */
    public static final List<String> AUTHORITIES_ELSEWHERE = List.of("ministry-ro@relais.test",
            "ministry-md@relais.test", "embassy-ro-paris@relais.test", "embassy-md-paris@relais.test",
            "ambassade-ro@relais.test", "ambassade-md@relais.test", "daecl@relais.test", "afd@relais.test",
            "anpdc@relais.test");
    /** Every press contact of the demo directory. */
    public static final List<String> PRESS = List.of("presa-varna@relais.test", "presa-arges@relais.test",
            "presse-savoie@relais.test", "cahiers@relais.test");

    private OutreachTexts() {
    }

    /** The machine translates the French conclusions into Bulgarian and Romanian, line by line. */
    public static void teachTheConclusions(LibreTranslateStub machine) {
        machine.reset();
        machine.learn(CONCLUSIONS_TITLE_FR, "bg", CONCLUSIONS_TITLE_BG);
        machine.learn(CONCLUSIONS_FR, "bg", CONCLUSIONS_BG);
        machine.learn(CONCLUSIONS_TITLE_FR, "ro", CONCLUSIONS_TITLE_RO);
        machine.learn(CONCLUSIONS_FR, "ro", CONCLUSIONS_RO);
    }
}
