package org.dds.experiments.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dds.core.DdsInputException;

/**
 * Which family each task belongs to, read from a CSV with the header {@code task,family} ('#' starts a comment).
 * The built-in mapping, {@link #taskonomy()}, groups the 20 Taskonomy feature models into 2D, 3D (3D and
 * low-dimensional geometric) and semantic tasks after Zamir et al., "Taskonomy: Disentangling Task Transfer
 * Learning", CVPR 2018; its resource {@value #TASKONOMY_RESOURCE} says how.
 *
 * @param families the families, in order of first appearance
 * @param byTask   task name to family, in file order
 * @param source   where the mapping was read from
 */
public record TaskFamilies(List<String> families, Map<String, String> byTask, String source) {
    /** The classpath resource of the Taskonomy mapping. */
    public static final String TASKONOMY_RESOURCE = "/org/dds/experiments/evaluation/taskonomy_task_families.csv";

    /** Validates and copies the fields. */
    public TaskFamilies {
        families = List.copyOf(families);
        byTask = Collections.unmodifiableMap(new LinkedHashMap<>(byTask));
        Objects.requireNonNull(source, "source");
        if (!families.containsAll(byTask.values()) || families.size() != byTask.values().stream().distinct().count()) {
            throw new IllegalArgumentException("families " + families + " do not match the mapping " + byTask);
        }
    }

    /** @return the Taskonomy task families (2D, 3D, semantic) */
    public static TaskFamilies taskonomy() {
        try (InputStream in = TaskFamilies.class.getResourceAsStream(TASKONOMY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + TASKONOMY_RESOURCE + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + TASKONOMY_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + TASKONOMY_RESOURCE, e);
        }
    }

    /**
     * @param file a CSV {@code task,family}
     * @return the mapping
     * @throws DdsInputException if the file is missing or malformed
     */
    public static TaskFamilies read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DdsInputException("task families file " + file + " does not exist: give a CSV with the header"
                    + " 'task,family' and one line per task");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static TaskFamilies parse(String csv, String where) {
        List<CSVRecord> records;
        try (Reader reader = new StringReader(csv)) {
            records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                    .setIgnoreSurroundingSpaces(true).get().parse(reader).getRecords();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new DdsInputException(where + " is not a CSV with the header 'task,family': " + e.getMessage(), e);
        }
        if (records.isEmpty() || !records.get(0).isMapped("task") || !records.get(0).isMapped("family")) {
            throw new DdsInputException(where + " has no rows under a header 'task,family': give one line per task,"
                    + " e.g. 'edge2d,2D'");
        }
        Map<String, String> byTask = new LinkedHashMap<>();
        List<String> families = new ArrayList<>();
        for (CSVRecord r : records) {
            if (r.size() != 2 || r.get("task").isEmpty() || r.get("family").isEmpty()) {
                throw new DdsInputException(where + " row " + r.getRecordNumber() + ": expected"
                        + " 'task,family' but found '" + String.join(",", r.values()) + "'");
            }
            String task = r.get("task");
            String family = r.get("family");
            if (byTask.put(task, family) != null) {
                throw new DdsInputException(where + " names task '" + task + "' twice: give each task one family");
            }
            if (!families.contains(family)) {
                families.add(family);
            }
        }
        return new TaskFamilies(families, byTask, where);
    }

    /**
     * @param task a task (model) name
     * @return its family, if the mapping has it
     */
    public Optional<String> familyOf(String task) {
        return Optional.ofNullable(byTask.get(task));
    }
}
