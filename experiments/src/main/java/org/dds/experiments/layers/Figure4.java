package org.dds.experiments.layers;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dds.core.DdsInputException;
import org.dds.core.FeatureSet;
import org.dds.experiments.Experiment;
import org.dds.experiments.ExperimentContext;
import org.dds.experiments.RequiredInput;
import org.dds.experiments.evaluation.LayerSelection;
import org.dds.experiments.evaluation.TaskFamilies;
import org.dds.experiments.pascal.ImageSet;
import org.dds.groundtruth.taskonomy.TaskonomyTasks;
import org.dds.io.FeatureReader;
import org.dds.reports.CellType;
import org.dds.reports.ExperimentResult;
import org.dds.reports.ResultTable;

/**
 * Paper Figure 4 (Dwivedi, Huang, Cichy, Roig, ECCV 2020, section 5.2): DDS (z-score, f = Laplacian, unbiased CKA)
 * between each output block of one encoder (an ImageNet ResNet-50 in the paper) and a set of task models on the same
 * images, the mean per task family ({@link TaskFamilies}), the family each block is most similar to, and the
 * paper's statement beside it: block 1 is most similar to 2D tasks, block 3 to 3D tasks, block 4 to semantic tasks,
 * block 2 shows no clear preference (resource {@value #PUBLISHED}).
 *
 * <p>In {@code dds reproduce} the tasks are the 20 Taskonomy encoders of the authors' Taskonomy-image features and
 * the blocks come from {@value #BLOCKS_STEM}{@code .npz} (or a directory of that name) beside them, which the
 * training module's feature extraction is to write; {@code dds fig4} takes any two feature sets.
 */
public final class Figure4 implements Experiment {
    /** File stem of the block features {@code dds reproduce} looks for beside the Taskonomy features. */
    public static final String BLOCKS_STEM = "imagenet_resnet50_blocks_taskonomy_5000";
    /** The resource holding the paper's statement. */
    public static final String PUBLISHED = "/published/figure4.csv";
    /** Images used when not told otherwise (the paper's protocol), or all when there are fewer. */
    public static final int IMAGES = 200;

    private static final Pattern BLOCK_NAME = Pattern.compile("(?i)(?:block|layer)_?(\\d+)");
    private static final String NO_PREFERENCE = "none";

    private final RequiredInput blocks;
    private final RequiredInput tasks;
    private final TaskFamilies families;
    private final OptionalInt images;
    private final boolean taskonomyTasksOnly;

    /** Figure 4 as {@code dds reproduce} runs it: the reproduce inputs, the Taskonomy families, 200 images. */
    public Figure4() {
        this(blocksInput(), ImageSet.TASKONOMY.input(), TaskFamilies.taskonomy(), OptionalInt.empty(), true);
    }

    /**
     * @param blocks             where the block features are
     * @param tasks              where the task features are
     * @param families           the task families
     * @param images             how many of the first images to use; empty for {@value #IMAGES} (or all if fewer)
     * @param taskonomyTasksOnly true to keep only the 20 Taskonomy feature models among the tasks (dropping e.g.
     *                           {@code pascal_voc_segmentation} from the authors' file)
     */
    public Figure4(RequiredInput blocks, RequiredInput tasks, TaskFamilies families, OptionalInt images,
            boolean taskonomyTasksOnly) {
        this.blocks = Objects.requireNonNull(blocks, "blocks");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.families = Objects.requireNonNull(families, "families");
        this.images = Objects.requireNonNull(images, "images");
        this.taskonomyTasksOnly = taskonomyTasksOnly;
    }

    /**
     * The block features {@code dds reproduce} needs: {@value #BLOCKS_STEM}{@code .npz} (or a directory of that
     * name) in the features directory, the outputs of blocks 1-4 of an ImageNet ResNet-50 on the images of the
     * authors' Taskonomy features, in the same order.
     *
     * @return the requirement
     */
    public static RequiredInput blocksInput() {
        RequiredInput taskonomy = ImageSet.TASKONOMY.input();
        return new RequiredInput("the block features of an ImageNet ResNet-50 on the Taskonomy images (" + BLOCKS_STEM
                + ".npz)", c -> taskonomy.locator().apply(c).map(p -> {
                    Path npz = p.resolveSibling(BLOCKS_STEM + ".npz");
                    Path dir = p.resolveSibling(BLOCKS_STEM);
                    return !Files.exists(npz) && Files.isDirectory(dir) ? dir : npz;
                }),
                p -> "extract the outputs of blocks 1-4 (models named block1..block4) of an ImageNet ResNet-50 on the same"
                        + " images, in the same order, as taskonomy_pascal_feats_taskonomy_5000.npy and save them as "
                        + BLOCKS_STEM + ".npz (or a directory " + BLOCKS_STEM + "/ of block<k>.npy) in the features"
                        + " directory (" + p.apply("features") + " DIR or DDS_FEATURES), e.g. with ./dds extract");
    }

    @Override
    public String name() {
        return "fig4";
    }

    @Override
    public String paperReference() {
        return "paper Figure 4: which block of an ImageNet ResNet-50 is most similar to which Taskonomy task family";
    }

    @Override
    public List<RequiredInput> requiredInputs() {
        return List.of(blocks, tasks);
    }

    @Override
    public ExperimentResult run(ExperimentContext context) {
        Path blockPath = locate(blocks, context);
        Path taskPath = locate(tasks, context);
        FeatureSet blockSet = FeatureReader.read(blockPath);
        FeatureSet taskSet = FeatureReader.read(taskPath);
        if (taskonomyTasksOnly) {
            List<String> keep = taskSet.names().stream().filter(TaskonomyTasks.FEATURE_MODELS::contains).toList();
            if (keep.isEmpty()) {
                throw new DdsInputException(taskPath + " holds none of the 20 Taskonomy feature models ("
                        + String.join(", ", taskSet.names()) + "): give the authors' Taskonomy features");
            }
            taskSet = taskSet.select(keep);
        }
        if (blockSet.images() != taskSet.images()) {
            throw new DdsInputException("the block features " + blockPath + " describe " + blockSet.images()
                    + " images but the task features " + taskPath + " " + taskSet.images() + ": extract the blocks"
                    + " on the same images, in the same order");
        }
        int n = imageCount(taskSet.images());
        LayerSelection.check(blockSet, taskSet, families);
        context.progress().accept("  " + blockSet.size() + " blocks x " + taskSet.size() + " tasks on the first " + n
                + " images");
        LayerSelection.Matrix m = LayerSelection.blocksVersusTasks(blockSet.firstImages(n), taskSet.firstImages(n),
                LayerSelection.paperConfig());
        return result(m, n);
    }

    private int imageCount(int available) {
        if (images.isEmpty()) {
            return Math.min(IMAGES, available);
        }
        int k = images.getAsInt();
        if (k < 4 || k > available) {
            throw new DdsInputException(p -> p.apply("images") + " " + k + " is not possible: the features describe "
                    + available + " images and unbiased CKA needs at least 4, so choose " + p.apply("images")
                    + " between 4 and " + available);
        }
        return k;
    }

    private static Path locate(RequiredInput input, ExperimentContext context) {
        return input.require(context);
    }

    /**
     * @param m      DDS of blocks with tasks
     * @param images how many images it used
     * @return the tables and the summary
     */
    ExperimentResult result(LayerSelection.Matrix m, int images) {
        LayerSelection.FamilyView view = LayerSelection.byFamily(m, families);
        Map<String, String> paper = paperStatement();
        double[][] dds = m.dds();

        ResultTable.Builder matrix = ResultTable.builder("fig4-matrix", "Figure 4: DDS (z-score, f = Laplacian) of"
                + " every block with every task, first " + images + " images").text("block")
                .columns(m.tasks(), CellType.REAL);
        for (int b = 0; b < m.blocks().size(); b++) {
            List<Object> row = new ArrayList<>(List.of(m.blocks().get(b)));
            for (double v : dds[b]) {
                row.add(v);
            }
            matrix.row(row);
        }

        ResultTable.Builder byFamily = ResultTable.builder("fig4-families", "Figure 4: mean DDS of each block with"
                + " the tasks of each family, the most similar family (margin = best mean - second best) and the"
                + " paper's statement").text("block");
        view.families().forEach(f -> byFamily.real("mean_" + f));
        byFamily.text("most_similar_family").real("margin").text("paper_most_similar_family", "agrees");
        StringBuilder perBlock = new StringBuilder();
        for (int b = 0; b < view.blocks().size(); b++) {
            String block = view.blocks().get(b);
            String best = view.families().get(view.mostSimilarFamily(b));
            List<Object> row = new ArrayList<>(List.of(block));
            for (double v : view.mean()[b]) {
                row.add(v);
            }
            Optional<String> stated = paperKey(block).map(paper::get);
            String agrees = stated.map(s -> s.equals(NO_PREFERENCE) ? "n/a (paper: no clear preference)"
                    : s.equals(best) ? "yes" : "no").orElse("");
            row.addAll(List.of(best, view.familyMargin(b), stated.map(s -> s.equals(NO_PREFERENCE)
                    ? "no clear preference" : s).orElse(""), agrees));
            byFamily.row(row);
            perBlock.append(String.format(Locale.ROOT, " %s -> %s (margin %.4f%s);", block, best,
                    view.familyMargin(b), stated.map(s -> ", paper: " + (s.equals(NO_PREFERENCE)
                            ? "no clear preference" : s)).orElse("")));
        }
        ResultTable.Builder bestBlock = ResultTable.builder("fig4-best-block", "Figure 4: the block most similar to"
                + " each family").text("family").integer("tasks").text("best_block").real("mean_dds", "margin");
        for (int f = 0; f < view.families().size(); f++) {
            int b = view.bestBlock(f);
            bestBlock.row(view.families().get(f), view.taskCount()[f], view.blocks().get(b), view.mean()[b][f],
                    view.blockMargin(f));
        }

        String text = String.format(Locale.ROOT, "DDS (z-score, f = Laplacian, unbiased-centred CKA) between %d"
                + " blocks and %d task models on the first %d images; task families from %s%s. Most similar family"
                + " per block:%s the paper states block 1 -> 2D, block 2 -> no clear preference, block 3 -> 3D,"
                + " block 4 -> semantic.", m.blocks().size(), m.tasks().size(), images, families.source(),
                view.unassigned().isEmpty() ? "" : " (without a family, left out of the means: "
                        + String.join(", ", view.unassigned()) + ")", perBlock);
        return new ExperimentResult(name(), paperReference(), text, List.of(byFamily.build(), bestBlock.build(),
                matrix.build()));
    }

    /** "block3", "layer3", "Block_3" -> "block3". */
    private static Optional<String> paperKey(String block) {
        Matcher matcher = BLOCK_NAME.matcher(block);
        return matcher.matches() ? Optional.of("block" + Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    private static Map<String, String> paperStatement() {
        try (InputStream in = Figure4.class.getResourceAsStream(PUBLISHED)) {
            if (in == null) {
                throw new IllegalStateException("the published statement " + PUBLISHED + " is not on the class path");
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setCommentMarker('#').get().parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                out.put(r.get("block"), r.get("most_similar_family"));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PUBLISHED, e);
        }
    }
}
