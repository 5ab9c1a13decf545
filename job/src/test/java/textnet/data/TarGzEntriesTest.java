package textnet.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which entry paths count as leaving the archive's folder. */
class TarGzEntriesTest {

    @Test
    void absoluteOrClimbingPathsEscape() {
        for (String name : new String[]{"../x", "a/../../x", "/etc/passwd", "C:/x", "c:\\\\x", "a\\\\..\\\\..\\\\x", ".."}) {
            assertTrue(TarGzEntries.escapes(name), name);
        }
        for (String name : new String[]{"aclImdb/train/pos/0_9.txt", "a/..b/c", "a/b../c", "./a", "a..txt"}) {
            assertFalse(TarGzEntries.escapes(name), name);
        }
    }
}
