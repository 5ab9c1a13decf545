package textnet.data;

import textnet.JobException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV with a header line: the rows of {@link CsvRecords}, each with as many fields as the header
 * (a row with more or fewer has a comma or a quote out of place, and its fields would land in the
 * wrong columns). An empty text is an empty document; an empty label is an error naming the line,
 * except in multi-label mode, where a label is a set of {@code '|'}-joined names (normalized) and an
 * empty one is the empty set.
 */
final class CsvRows extends TableRowReader {

    private final CsvRecords records;
    private final String file;
    private final TableColumns columns;
    private final int width;
    private final int textIndex;
    private final int labelIndex;
    private long rows;

    /** Reads the header; {@code columns} must be in it (the driver checked: see {@link TableFile}). */
    CsvRows(CsvRecords records, String key, String file, TableColumns columns) throws IOException {
        super(key, file);
        this.records = records;
        this.file = file;
        this.columns = columns;
        List<String> header = header(records);
        columns.requireIn(file, header);
        this.width = header.size();
        this.textIndex = header.indexOf(columns.text());
        this.labelIndex = columns.labelled() ? header.indexOf(columns.label()) : -1;
    }

    /** The first record's fields: the column names (none for an empty file). */
    static List<String> header(CsvRecords records) throws IOException {
        List<String> names = new ArrayList<>();
        if (records.next()) {
            for (int i = 0; i < records.fieldCount(); i++) {
                names.add(records.field(i).text());
            }
        }
        return names;
    }

    @Override
    protected TableRow read() throws IOException {
        if (!records.next()) {
            return null;
        }
        if (records.fieldCount() != width) {
            throw JobException.input(file + " line " + records.line() + ": " + records.fieldCount() + " fields, but the"
                    + " header has " + width + " (a comma outside quotes, or a quote out of place?)");
        }
        Utf8Text.Decoded text = records.field(textIndex);
        if (labelIndex < 0) {
            return new TableRow(rows++, text.text(), null, text.repaired());
        }
        Utf8Text.Decoded label = records.field(labelIndex);
        if (label.text().isEmpty() && !columns.multiLabel()) {
            throw columns.noLabel(file, "line " + records.line());
        }
        return new TableRow(rows++, text.text(), columns.labelOf(label.text(), () -> file + " line " + records.line()),
                text.repaired() || label.repaired());
    }
}
