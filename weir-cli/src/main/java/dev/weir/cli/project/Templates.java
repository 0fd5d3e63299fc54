package dev.weir.cli.project;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the templates in a {@code weir.yaml} string at deploy time: {@code {{ $NAME }}} is the
 * environment variable {@code NAME}; {@code {{ weir.variables.name }}} is refused until Weir has
 * variables. Anything else between braces is an error naming it.
 */
final class Templates {

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
    private static final Pattern ENV = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    private final Map<String, String> env;

    Templates(Map<String, String> env) {
        this.env = env;
    }

    /**
     * {@code text} with every template replaced.
     *
     * @param where the place in the file, such as {@code weir.yaml line 4}, for error messages
     */
    String resolve(String text, String where) {
        Matcher matcher = TEMPLATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String expression = matcher.group(1);
            Matcher variable = ENV.matcher(expression);
            String value;
            if (variable.matches()) {
                value = env.get(variable.group(1));
                if (value == null) {
                    throw new ProjectFileException(where + ": template '" + matcher.group() + "' names the environment"
                            + " variable " + variable.group(1) + ", which is not set");
                }
            } else if (expression.startsWith("weir.variables.")) {
                throw new ProjectFileException(where + ": template '" + matcher.group() + "' reads a Weir variable,"
                        + " but this version of Weir has no variables; use an environment variable ({{ $NAME }}) instead");
            } else {
                throw new ProjectFileException(where + ": template '" + matcher.group() + "' is not understood;"
                        + " accepted: {{ $ENV_VAR }} and {{ weir.variables.name }}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
