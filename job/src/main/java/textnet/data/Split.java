package textnet.data;

/** The two parts every corpus is read into; {@link #folder()} is the name the sources use for it. */
public enum Split {
    TRAIN, TEST;

    String folder() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
