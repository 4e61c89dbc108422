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
 * Picocli converters and completion candidates for the names of the core enums: each name is parsed by the
 * enum's own {@code parse} (so authors' names like {@code znorm} or {@code lap} work too), and a wrong name is
 * answered with the valid ones: {@code Invalid value 'cosin' for option '--f': expected one of ...}.
 */
final class Converters {
    private Converters() {
    }

    private static <T> T parse(Function<String, T> parser, String value, List<String> names) {
        try {
            return parser.apply(value);
        } catch (DdsInputException e) {
            throw new TypeConversionException("expected one of " + String.join(", ", names));
        }
    }

    private static List<String> normNames() {
        return Arrays.stream(NormalizationType.values()).map(NormalizationType::cliName).toList();
    }

    private static List<String> functionNames() {
        return Arrays.stream(FunctionType.values()).map(FunctionType::cliName).toList();
    }

    private static List<String> comparisonNames() {
        return Arrays.stream(ComparisonType.values()).map(ComparisonType::cliName).toList();
    }

    private static List<String> centeringNames() {
        return Arrays.stream(Centering.values()).map(Centering::cliName).toList();
    }

    /** {@code --norm}: a {@link NormalizationType} name. */
    static final class NormConverter implements ITypeConverter<NormalizationType> {
        @Override
        public NormalizationType convert(String value) {
            return parse(NormalizationType::parse, value, normNames());
        }
    }

    /** {@code --f}: a {@link FunctionType} name. */
    static final class FunctionConverter implements ITypeConverter<FunctionType> {
        @Override
        public FunctionType convert(String value) {
            return parse(FunctionType::parse, value, functionNames());
        }
    }

    /** {@code --g}: a {@link ComparisonType} name. */
    static final class ComparisonConverter implements ITypeConverter<ComparisonType> {
        @Override
        public ComparisonType convert(String value) {
            return parse(ComparisonType::parse, value, comparisonNames());
        }
    }

    /** {@code --centering}: a {@link Centering} name. */
    static final class CenteringConverter implements ITypeConverter<Centering> {
        @Override
        public Centering convert(String value) {
            return parse(Centering::parse, value, centeringNames());
        }
    }

    /** {@code --shape}: H,W,C. */
    static final class ShapeConverter implements ITypeConverter<MapShape> {
        @Override
        public MapShape convert(String value) {
            try {
                return MapShape.parse(value);
            } catch (DdsInputException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** The {@code --norm} names, for help and shell completion. */
    static final class NormNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return normNames().iterator();
        }
    }

    /** The {@code --f} names. */
    static final class FunctionNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return functionNames().iterator();
        }
    }

    /** The {@code --g} names. */
    static final class ComparisonNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return comparisonNames().iterator();
        }
    }

    /** The {@code --centering} names. */
    static final class CenteringNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return centeringNames().iterator();
        }
    }
}
