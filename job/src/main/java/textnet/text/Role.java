package textnet.text;

import textnet.data.LabelledDoc;

import java.io.Serializable;

/** What a document is used for: fitting the vectorizer and training, validation, or test. */
public enum Role {
    FIT, VALIDATION, TEST;

    /** A document's role: its split, and for training documents whether they are held out. */
    @FunctionalInterface
    interface Of extends Serializable {
        Role of(LabelledDoc doc);
    }

    String label() {
        return this == FIT ? "train" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
