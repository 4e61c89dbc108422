package org.dds.experiments.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.dds.core.DdsInputException;
import org.dds.core.MapShape;
import org.dds.core.comparison.Centering;
import org.dds.core.comparison.ComparisonType;
import org.dds.core.kernel.FunctionType;
import org.dds.core.kernel.PairwiseFunction;
import org.dds.core.normalization.NormalizationType;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Picocli converters for the names of the core enums, which double as their completion candidates: each name is
 * parsed by the enum's own {@code parse} (so the authors' names such as {@code znorm} or {@code lap} work too),
 * and a wrong name is answered with the valid ones, which {@link Failures} prints as
 * {@code Invalid value 'cosin' for option '--f': expected one of ...}.
 */
final class Converters {
    private Converters() {
    }

    /**
     * A whole number at least a minimum, for counts (images, repeats, epochs, ...): anything else, a negative number,
     * zero where it makes no sense, a fraction or a number too large for an int, is refused as
     * {@code Invalid value '0' for option '--repeats': expected a whole number of at least 1}.
     */
    abstract static class AtLeast implements ITypeConverter<Integer> {
        private final int min;
        private final String why;

        AtLeast(int min, String why) {
            this.min = min;
            this.why = why;
        }

        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected a whole number of at least " + min + why);
            }
            if (n < min) {
                throw new TypeConversionException("expected a whole number of at least " + min + why);
            }
            return n;
        }
    }

    /** A count of at least 1. */
    static final class Positive extends AtLeast {
        Positive() {
            super(1, "");
        }
    }

    /** A count of at least 0. */
    static final class NonNegative extends AtLeast {
        NonNegative() {
            super(0, "");
        }
    }

    /** A number of models, at least 2 (a similarity needs a pair). */
    static final class Models extends AtLeast {
        Models() {
            super(2, " (a similarity needs two models)");
        }
    }

    /** A number of images, at least 4 (unbiased CKA needs 4). */
    static final class Images extends AtLeast {
        Images() {
            super(4, " (unbiased CKA needs 4 images)");
        }
    }

    /**
     * Converts a name with a core parser; iterates over the CLI names.
     *
     * @param <T> the enum
     */
    abstract static class Named<T> implements ITypeConverter<T>, Iterable<String> {
        private final Function<String, T> parser;
        private final List<String> names;

        <E> Named(Function<String, T> parser, E[] constants, Function<E, String> cliName) {
            this.parser = parser;
            this.names = Arrays.stream(constants).map(cliName).toList();
        }

        @Override
        public T convert(String value) {
            try {
                return parser.apply(value);
            } catch (DdsInputException e) {
                throw new TypeConversionException("expected one of " + String.join(", ", names));
            }
        }

        @Override
        public Iterator<String> iterator() {
            return names.iterator();
        }
    }

    /** {@code --norm}: a {@link NormalizationType}. */
    static final class Norm extends Named<NormalizationType> {
        Norm() {
            super(NormalizationType::parse, NormalizationType.values(), NormalizationType::cliName);
        }
    }

    /**
     * {@code --f}: a {@link FunctionType} name with its default parameters ({@code rbf}), or with its one
     * parameter after a colon ({@code rbf:0.5} for the threshold, {@code laplacian:0.01} for gamma).
     */
    static final class Pairwise implements ITypeConverter<PairwiseFunction>, Iterable<String> {
        private static final List<String> NAMES = Arrays.stream(FunctionType.values()).map(FunctionType::cliName)
                .toList();

        @Override
        public PairwiseFunction convert(String value) {
            int colon = value.indexOf(':');
            FunctionType type;
            try {
                type = FunctionType.parse(colon < 0 ? value : value.substring(0, colon));
            } catch (DdsInputException e) {
                throw new TypeConversionException(expected());
            }
            if (colon < 0) {
                return type.create();
            }
            Optional<String> parameter = type.parameter();
            if (parameter.isEmpty()) {
                throw new TypeConversionException(expected() + "; " + type.cliName() + " takes no parameter");
            }
            String number = value.substring(colon + 1).trim();
            double v;
            try {
                v = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (!Double.isFinite(v)) {
                throw new TypeConversionException(expected() + "; the " + parameter.get() + " of " + type.cliName()
                        + " must be a number, not '" + number + "'");
            }
            try {
                return type.create(v);
            } catch (DdsInputException e) {
                throw new TypeConversionException(expected() + "; " + e.getMessage());
            }
        }

        /** @return the valid names, then how the functions that have a parameter take it */
        private static String expected() {
            String withParameter = String.join(" or ", Arrays.stream(FunctionType.values())
                    .filter(t -> t.parameter().isPresent())
                    .map(t -> t.cliName() + ":" + t.parameter().get().toUpperCase(Locale.ROOT)).toList());
            return "expected one of " + String.join(", ", NAMES)
                    + (withParameter.isEmpty() ? "" : " (with a parameter: " + withParameter + ")");
        }

        @Override
        public Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }

    /** {@code --g}: a {@link ComparisonType}. */
    static final class Comparison extends Named<ComparisonType> {
        Comparison() {
            super(ComparisonType::parse, ComparisonType.values(), ComparisonType::cliName);
        }
    }

    /** {@code --centering}: a {@link Centering}. */
    static final class Centring extends Named<Centering> {
        Centring() {
            super(Centering::parse, Centering.values(), Centering::cliName);
        }
    }

    /** {@code --engine}: an {@link AffinityEngine}. */
    static final class Engine extends Named<AffinityEngine> {
        Engine() {
            super(AffinityEngine::parse, AffinityEngine.values(), AffinityEngine::cliName);
        }
    }

    /** {@code --shape}: H,W,C. */
    static final class Shape implements ITypeConverter<MapShape> {
        @Override
        public MapShape convert(String value) {
            try {
                return MapShape.parse(value);
            } catch (DdsInputException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
