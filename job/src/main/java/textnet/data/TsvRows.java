package textnet.data;

import textnet.JobException;

import java.io.IOException;

/**
 * Lines {@code label<TAB>text} without a header. Only the first tab separates, so the text keeps any
 * further tabs. Labelled (training): blank lines are skipped and a row's number counts the others.
 * Unlabelled (predict): every line is a row numbered by its line (from 0), its text what follows the
 * first tab, or the whole line without one.
 */
final class TsvRows extends TableRowReader {

    private final LineReader lines;
    private final String file;
    private final boolean labelled;
    private long rows;

    TsvRows(LineReader lines, String key, String file, boolean labelled) {
        super(key, file);
        this.lines = lines;
        this.file = file;
        this.labelled = labelled;
    }

    @Override
    protected TableRow read() throws IOException {
        while (lines.next()) {
            Utf8Text.Decoded line = lines.text();
            String s = line.text();
            int tab = s.indexOf('\t');
            if (!labelled) {
                return new TableRow(lines.number() - 1, tab < 0 ? s : s.substring(tab + 1), null, line.repaired());
            }
            if (s.isBlank()) {
                continue;
            }
            if (tab < 0) {
                throw JobException.input(file + " line " + lines.number() + ": no tab; tsv lines are label<TAB>text");
            }
            return new TableRow(rows++, s.substring(tab + 1), s.substring(0, tab), line.repaired());
        }
        return null;
    }
}
