package org.dds.experiments.cli;

import java.util.Map;

/**
 * How the command line spells the parameters that library messages name (see
 * {@link org.dds.core.DdsInputException#messageFor}): a parameter {@code fooBar} is the flag {@code --foo-bar},
 * except where this class says otherwise. Renaming a flag means changing the option here and in its command, not
 * in the libraries.
 */
final class Flags {
    /** Parameters whose flag is not {@code --} + their name in kebab case. */
    private static final Map<String, String> RENAMED = Map.of(
            "normalization", "--norm",
            "function", "--f",
            "comparison", "--g");

    private Flags() {
    }

    /**
     * @param parameter a parameter's name, e.g. {@code shape} or {@code imageSize}
     * @return its flag, e.g. {@code --shape} or {@code --image-size}
     */
    static String of(String parameter) {
        String renamed = RENAMED.get(parameter);
        if (renamed != null) {
            return renamed;
        }
        StringBuilder flag = new StringBuilder("--");
        for (int i = 0; i < parameter.length(); i++) {
            char c = parameter.charAt(i);
            if (Character.isUpperCase(c)) {
                flag.append('-').append(Character.toLowerCase(c));
            } else {
                flag.append(c);
            }
        }
        return flag.toString();
    }
}
