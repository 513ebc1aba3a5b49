package io.slipway.platform.build.docker;

import java.util.ArrayList;
import java.util.List;

/** An image's entrypoint when it starts a JVM: {@code /.../java} first, its options after it. */
final class JavaCommand {

    private JavaCommand() {
    }

    /** Whether {@code command} runs a Java launcher. */
    static boolean isJava(List<String> command) {
        return !command.isEmpty() && command.get(0).endsWith("/java");
    }

    /** {@code command} with {@code options} right after its Java launcher; as it is when it runs no Java. */
    static List<String> withOptions(List<String> command, List<String> options) {
        if (options.isEmpty() || !isJava(command)) {
            return command;
        }
        List<String> withOptions = new ArrayList<>(command);
        withOptions.addAll(1, options);
        return List.copyOf(withOptions);
    }
}
