package textnet.data;

import textnet.JobException;

import java.io.IOException;
import java.util.Arrays;

/**
 * Lines {@code label<TAB>text} without a header. Only the first tab separates, so the text keeps any
 * further tabs. Labelled (training): blank lines are skipped, a row is keyed by where its line starts,
 * and its text stays the UTF-8 bytes it was read as (the tokenizer reads them; only the label is
 * decoded; in multi-label mode it is a set of {@code '|'}-joined names, normalized, and empty is the
 * empty set). Unlabelled (predict): every line is a row numbered by its line (from 0), its text what
 * follows the first tab, or the whole line without one.
 */
final class TsvRows extends TableRowReader {

    private final LineReader lines;
    private final String file;
    private final TableColumns columns;
    private final boolean labelled;

    TsvRows(LineReader lines, String key, String file, TableColumns columns) {
        super(key, file);
        this.lines = lines;
        this.file = file;
        this.columns = columns;
        this.labelled = columns.labelled();
    }

    @Override
    protected TableRow read() throws IOException {
        while (lines.next()) {
            if (!labelled) {
                Utf8Text.Decoded line = lines.text();
                String s = line.text();
                int tab = s.indexOf('\t');
                return new TableRow(lines.number() - 1, tab < 0 ? s : s.substring(tab + 1), null, line.repaired());
            }
            byte[] b = lines.bytes();
            int n = lines.length();
            int tab = indexOfTab(b, n);
            if (tab < 0) {
                if (isBlank(b, n)) {
                    continue;
                }
                throw JobException.input(file + " line " + lines.number() + ": no tab; tsv lines are label<TAB>text");
            }
            Utf8Text.Decoded label = Utf8Text.decode(b, 0, tab);
            byte[] text = Arrays.copyOfRange(b, tab + 1, n);
            boolean repaired = label.repaired() || !Utf8Text.isValid(text, 0, text.length);
            return new TableRow(lines.lineStart(), null, text, columns.labelOf(label.text(), () -> file + " line " + lines.numberForMessage()),
                    repaired);
        }
        return null;
    }

    private static int indexOfTab(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (b[i] == '\t') {
                return i;
            }
        }
        return -1;
    }

    /** Blank as String.isBlank says, decoding only a line that is not plain ASCII white space. */
    private static boolean isBlank(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\r' && c != '\f' && c != 0x0B && c != 0x1C && c != 0x1D && c != 0x1E && c != 0x1F) {
                return c < 0 && Utf8Text.decode(b, 0, n).text().isBlank();
            }
        }
        return true;
    }
}
