package org.dds.experiments.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import org.dds.core.DdsInputException;
import org.dds.core.MapShape;
import org.dds.core.comparison.Centering;
import org.dds.core.comparison.ComparisonType;
import org.dds.core.kernel.FunctionType;
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

    /** {@code --f}: a {@link FunctionType}. */
    static final class Pairwise extends Named<FunctionType> {
        Pairwise() {
            super(FunctionType::parse, FunctionType.values(), FunctionType::cliName);
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
