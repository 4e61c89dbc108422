package org.dds.core.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases of {@code src/test/resources/reference/transferability_reference.py}, read from the text files it
 * wrote under {@code reference/transfer/}: inputs, labels and each estimator's expected value or refusal.
 */
final class ReferenceCases {
    private static final String ROOT = "/reference/transfer/";

    /** One expected line: a value, or the reason the estimator must refuse. */
    record Expected(String method, Double value, String refused) {
    }

    /** One case. */
    record Case(String name, TargetKind kind, double[][] features, double[][] probabilities, TargetLabels labels,
            List<Expected> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private ReferenceCases() {
    }

    /** @return every case, in the order of {@code cases.csv} */
    static List<Case> all() {
        List<Case> out = new ArrayList<>();
        List<String> index = lines("cases.csv");
        for (String line : index.subList(1, index.size())) {
            String[] f = line.split(",", 6);
            String name = f[0];
            TargetKind kind = TargetKind.valueOf(f[1].toUpperCase(java.util.Locale.ROOT));
            double[][] features = matrix(name + ".features.csv");
            double[][] labelRows = matrix(name + ".labels.csv");
            TargetLabels labels;
            if (kind == TargetKind.CLASSIFICATION) {
                int[] y = new int[labelRows.length];
                for (int i = 0; i < y.length; i++) {
                    y[i] = (int) labelRows[i][0];
                }
                labels = TargetLabels.classes(y);
            } else {
                labels = TargetLabels.regression(labelRows);
            }
            double[][] probabilities = kind == TargetKind.CLASSIFICATION ? matrix(name + ".probabilities.csv") : null;
            List<Expected> expected = new ArrayList<>();
            List<String> rows = lines(name + ".expected.csv");
            for (String row : rows.subList(1, rows.size())) {
                String[] e = row.split(",", -1);
                expected.add(new Expected(e[0], e[1].isEmpty() ? null : Double.valueOf(e[1]),
                        e[2].isEmpty() ? null : e[2]));
            }
            out.add(new Case(name, kind, features, probabilities, labels, expected));
        }
        return out;
    }

    /**
     * @param method a method column of the expected files: a name, or {@code knn:K}
     * @return the estimator it names
     */
    static TransferabilityEstimator estimator(String method) {
        if (method.startsWith("knn:")) {
            return new Knn(Integer.parseInt(method.substring(4)));
        }
        return TransferabilityMethods.byName(method);
    }

    /** @return the expected values of every case by case and method, for tests that look one up */
    static Map<String, Map<String, Double>> values() {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (Case c : all()) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (Expected e : c.expected()) {
                m.put(e.method(), e.value());
            }
            out.put(c.name(), m);
        }
        return out;
    }

    private static double[][] matrix(String file) {
        List<String> rows = lines(file);
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            String[] f = rows.get(i).split(",");
            out[i] = new double[f.length];
            for (int j = 0; j < f.length; j++) {
                out[i][j] = Double.parseDouble(f[j]);
            }
        }
        return out;
    }

    private static List<String> lines(String file) {
        try (InputStream in = ReferenceCases.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + ROOT + file);
            }
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank()) {
                        out.add(line);
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
