package textnet.text;

import textnet.config.OutputMode;
import textnet.config.VectorizerConfig;
import textnet.data.LabelledDoc;
import textnet.data.ReaderWarmup;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The vectorizer's hot loops (tokenizing, interning, the rows pass) run on synthetic documents, so
 * that the JIT has compiled them before the corpus arrives (see train/Warmup). No Spark, no state.
 */
public final class VectorizerWarmup {

    private VectorizerWarmup() {
    }

    public static void run(VectorizerConfig config) {
        List<LabelledDoc> docs = ReaderWarmup.documents(2000);
        for (int pass = 0; pass < 3; pass++) {
            TokenizedSplit split = TokenizedSplit.of(docs.iterator(), config, d -> d.isTrain() ? Role.FIT : Role.TEST,
                    d -> 0, 1);
            List<String> vocabulary = new ArrayList<>(split.counts().tokens().mostFrequent(config.vocabularySize()));
            ColumnValues values = ColumnValues.of(config.mode(), docs.size(), config.mode() == OutputMode.TF_IDF
                    ? split.counts().tokens().documentsWith(vocabulary) : null);
            for (Iterator<TokenizedSplit.Row> rows = split.rows(vocabulary, values); rows.hasNext(); ) {
                rows.next();
            }
        }
    }
}
