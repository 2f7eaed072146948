package org.relais.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.HubProperties;
import org.relais.distribution.ReplyCommands.Command;

class ReplyCommandsTest {

    private static final DistributionConfig.Commands WORDS = new DistributionConfig.Commands(
            List.of("unsubscribe", "désabonner", "dezabonare", "отписване"),
            List.of("digest", "résumé", "rezumat", "обобщение"),
            List.of("each", "chaque", "fiecare", "всяко"));

    @Test
    void anUnsubscriptionWordCountsAnywhereInTheSendersOwnLinesWithoutAccentsOrCase() {
        assertThat(ReplyCommands.read("Re: Compte rendu [REL-2026-0007]", "Bonjour,\nmerci de me DESABONNER.",
                WORDS)).isEqualTo(Command.UNSUBSCRIBE);
        assertThat(ReplyCommands.read("Re: x", "Vă rog dezabonare", WORDS)).isEqualTo(Command.UNSUBSCRIBE);
        assertThat(ReplyCommands.read("unsubscribe [REL-2026-0007]", "", WORDS)).isEqualTo(Command.UNSUBSCRIBE);
    }

    @Test
    void theQuotedMailNeverCountsThoughItNamesEveryCommand() {
        String reply = """
                Merci pour ce document.

                Le 3 mars 2026, Relais <hub@relais.test> a écrit :
                > Pour un seul résumé par jour, répondez « résumé » ; pour ne plus rien recevoir, « désabonner ».
                """;
        assertThat(ReplyCommands.read("Re: Relais — Un document a été reçu [REL-2026-0007]", reply, WORDS))
                .isEqualTo(Command.OTHER);
        assertThat(ReplyCommands.read("Re: x", "> désabonner", WORDS)).isEqualTo(Command.OTHER);
    }

    @Test
    void digestAndEachMustOpenALineAndTheRepliedSubjectDoesNotCount() {
        assertThat(ReplyCommands.read("Re: Relais — résumé du jour [REL-2026-0007]", "Chaque événement, svp",
                WORDS)).isEqualTo(Command.EACH);
        assertThat(ReplyCommands.read("Re: x", "Обобщение, моля.", WORDS)).isEqualTo(Command.DIGEST);
        assertThat(ReplyCommands.read("Re: x", "Merci pour ce résumé", WORDS)).isEqualTo(Command.OTHER);
        assertThat(ReplyCommands.read("Re: Relais — résumé du jour", "Merci.", WORDS)).isEqualTo(Command.OTHER);
    }

    @Test
    void aRussianReaderUnsubscribesOrChoosesTheDigestInRussianAndTheQuoteBelowDoesNotCount() throws Exception {
        DistributionConfig.Commands shipped = new DistributionConfig(
                new HubProperties(Path.of("config"), Path.of("data"), "hub@relais.test",
                        "coordination@relais.test", "Relais")).commands();
        String quote = "\n\n23.10.2009 10:00, Relais пишет:\n> Чтобы больше ничего не получать, ответьте «отписаться».";
        assertThat(ReplyCommands.read("Re: Протокол семинара [REL-2026-0007]", "Прошу отписать меня. Отписаться."
                + quote, shipped)).isEqualTo(Command.UNSUBSCRIBE);
        assertThat(ReplyCommands.read("Ответ: x", "Сводка, пожалуйста." + quote, shipped)).isEqualTo(Command.DIGEST);
        assertThat(ReplyCommands.read("Re: x", "Спасибо за документ." + quote, shipped)).isEqualTo(Command.OTHER);
    }
}
