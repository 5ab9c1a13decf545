package textnet.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Command lines picocli cannot parse: exit 2 and exactly one line on stderr, nothing on stdout, no usage dump. */
class BadArgumentsTest {

    static Stream<Arguments> commandLines() {
        String config = CliChecks.config();
        return Stream.of(
                Arguments.of(new String[]{"train", config, "--bogus"},
                        "unknown option '--bogus' (see 'textnet train --help')"),
                Arguments.of(new String[]{"train", config, "--bogus", "--other"},
                        "unknown options '--bogus', '--other' (see 'textnet train --help')"),
                Arguments.of(new String[]{"train", config, "extra.yaml"},
                        "unexpected argument 'extra.yaml' (see 'textnet train --help')"),
                Arguments.of(new String[]{"train"},
                        "missing required parameter: 'CONFIG.yaml' (see 'textnet train --help')"),
                Arguments.of(new String[]{"predict", "--input", "docs/"},
                        "missing required option: '--model=DIR' (see 'textnet predict --help')"),
                Arguments.of(new String[]{"train", config, "--min-accuracy", "abc"},
                        "invalid value for option '--min-accuracy': 'abc' is not a double (see 'textnet train --help')"),
                Arguments.of(new String[]{"train", config, "--out"},
                        "missing required parameter for option '--out' (DIR) (see 'textnet train --help')"),
                Arguments.of(new String[]{"evaluate", "--model", "m", "--model", "n"},
                        "option '--model' (DIR) should be specified only once (see 'textnet evaluate --help')"),
                Arguments.of(new String[]{"tran", config},
                        "unknown command 'tran' (see 'textnet --help')"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("commandLines")
    void oneLineAndExitTwo(String[] args, String says) {
        CliRunner.Outcome o = CliRunner.run(args);
        assertEquals(2, o.exitCode(), o.toString());
        assertEquals("textnet: error: " + says + System.lineSeparator(), o.err(), o.toString());
        assertEquals("", o.out(), o.toString());
    }
}
