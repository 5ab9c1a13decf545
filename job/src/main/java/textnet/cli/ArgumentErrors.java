package textnet.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import textnet.JobException;

import java.util.List;

/**
 * A command line picocli cannot parse (an unknown option, a missing parameter, a value of the wrong
 * type) as the job's one error line and exit 2, instead of picocli's message followed by the whole
 * usage: the usage is one {@code --help} away, and the line names it.
 */
final class ArgumentErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        System.err.println("textnet: error: " + describe(e) + " (see '" + command + " --help')");
        return JobException.Kind.CONFIG.exitCode;
    }

    private static String describe(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            List<String> args = unmatched.getUnmatched();
            if (unmatched.isUnknownOption()) {
                List<String> options = args.stream().filter(a -> a.startsWith("-")).map(a -> "'" + a + "'").toList();
                return (options.size() == 1 ? "unknown option " : "unknown options ") + String.join(", ", options);
            }
            boolean hasCommands = !e.getCommandLine().getSubcommands().isEmpty();
            return (hasCommands ? "unknown command '" : "unexpected argument '") + args.get(0) + "'";
        }
        // picocli's own sentence, e.g. "Invalid value for option '--min-accuracy': 'abc' is not a double"
        String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ").trim();
        return message.isEmpty() ? "cannot parse the command line"
                : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
