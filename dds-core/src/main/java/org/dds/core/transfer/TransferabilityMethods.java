package org.dds.core.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.dds.core.DdsInputException;

/**
 * The built-in transferability estimators by name, each wrapping its default instance (an estimator with a
 * parameter, such as {@link Knn}'s k, is also made directly: {@code new Knn(5)}).
 */
public enum TransferabilityMethods {
    /** {@link LogMe}: features; classification and regression. */
    LOGME(new LogMe()),
    /** {@link HScore}: features; classification. */
    HSCORE(new HScore()),
    /** {@link RegularizedHScore}: features; classification. */
    HSCORE_REG(new RegularizedHScore()),
    /** {@link Nce}: source probabilities; classification. */
    NCE(new Nce()),
    /** {@link Leep}: source probabilities; classification. */
    LEEP(new Leep()),
    /** {@link Parc}: features; classification and regression with at least 2 targets. */
    PARC(new Parc()),
    /** {@link Gbc}: features; classification. */
    GBC(new Gbc()),
    /** {@link TransRate} with eps = 1e-4: features; classification. */
    TRANSRATE(new TransRate()),
    /** {@link Knn} with k = 1: features; classification and regression. */
    KNN(new Knn());

    private final TransferabilityEstimator estimator;

    TransferabilityMethods(TransferabilityEstimator estimator) {
        this.estimator = estimator;
    }

    /** @return the default instance */
    public TransferabilityEstimator estimator() {
        return estimator;
    }

    /** @return every built-in estimator, in this enum's order */
    public static List<TransferabilityEstimator> all() {
        return Arrays.stream(values()).map(TransferabilityMethods::estimator).collect(Collectors.toList());
    }

    /**
     * @param kind a target kind
     * @return the built-in estimators defined for it, in this enum's order
     */
    public static List<TransferabilityEstimator> supporting(TargetKind kind) {
        List<TransferabilityEstimator> out = new ArrayList<>();
        for (TransferabilityEstimator e : all()) {
            if (e.supports(kind)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * @param method an estimator
     * @param kind   the kind of the target labels
     * @throws DdsInputException if the method is not defined for that kind, naming those that are
     */
    public static void requireSupport(TransferabilityEstimator method, TargetKind kind) {
        if (!method.supports(kind)) {
            String others = supporting(kind).stream().map(TransferabilityEstimator::name)
                    .collect(Collectors.joining(", "));
            String own = method.targetKinds().stream().map(TargetKind::word).collect(Collectors.joining(" and "));
            throw new DdsInputException(p -> method.name() + " is defined for " + own + " labels only and these"
                    + " are " + kind.word() + " targets: choose one of " + others + " for them");
        }
    }

    /**
     * @param name a method's name, e.g. {@code logme} (case ignored)
     * @return its default instance
     * @throws DdsInputException if no built-in has that name
     */
    public static TransferabilityEstimator byName(String name) {
        for (TransferabilityEstimator e : all()) {
            if (e.name().equalsIgnoreCase(name.trim())) {
                return e;
            }
        }
        throw new DdsInputException(p -> "unknown " + p.apply("method") + " '" + name + "': expected one of "
                + all().stream().map(TransferabilityEstimator::name).collect(Collectors.joining(", ")));
    }

    /** @return the names of all built-ins, lower case */
    public static List<String> names() {
        return all().stream().map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.toList());
    }
}
