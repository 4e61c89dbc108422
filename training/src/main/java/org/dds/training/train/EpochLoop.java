package org.dds.training.train;

/**
 * The one loop that drives the optimisation steps of an epoch, for every trainer of the project (paper Table 5's
 * {@link Trainer} and Mini-Taskonomy's source and fine-tuning runs): it calls the step, keeps the first step's
 * stdout chatter off stdout, stops on a non-finite loss, sums the losses and reports after each step. What a step
 * does (which batch, which network, which loss) and when progress is worth a line belong to the caller.
 *
 * <p>The sums run in step order, so a caller that moved its own loop here gets the same numbers bit for bit.
 */
public final class EpochLoop {
    private EpochLoop() {
    }

    /** One optimisation step: fits one batch and says how it went. */
    @FunctionalInterface
    public interface Step {
        /**
         * @param step 0-based step of the epoch
         * @return the step's loss and how many images it used
         */
        Result fit(int step);
    }

    /**
     * @param loss   the network's score after the step
     * @param images images in the batch
     */
    public record Result(double loss, int images) {
    }

    /** Receives the state of the epoch after each step. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param step  1-based count of the steps done in this epoch
         * @param loss  the last step's loss
         * @param stats the epoch so far
         */
        void afterStep(int step, double loss, Stats stats);
    }

    /**
     * The losses of the steps so far, summed in step order.
     *
     * @param steps          steps done
     * @param images         images used
     * @param lossSum        sum of the step losses
     * @param weightedLossSum sum of loss x images of each step
     */
    public record Stats(int steps, long images, double lossSum, double weightedLossSum) {
        /** @return the mean of the step losses */
        public double meanStepLoss() {
            return lossSum / steps;
        }

        /**
         * @param n the images of the epoch
         * @return the mean loss per image, each step's loss weighted by its batch size
         */
        public double meanImageLoss(int n) {
            return weightedLossSum / n;
        }
    }

    /**
     * Runs one epoch.
     *
     * @param steps     steps in the epoch
     * @param step      fits one batch
     * @param quietFirst run the first step with stdout sent to stderr (ND4J prints when it builds the gradient)
     * @param diverged  the message when a loss is not finite, given the 1-based step and the loss
     * @param listener  called after every step
     * @return the sums of the epoch
     * @throws IllegalStateException when a loss is not finite
     */
    public static Stats run(int steps, Step step, boolean quietFirst, DivergenceMessage diverged,
            Listener listener) {
        double sum = 0;
        double weighted = 0;
        long images = 0;
        for (int s = 0; s < steps; s++) {
            int k = s;
            Result[] r = new Result[1];
            if (s == 0 && quietFirst) {
                StdoutToStderr.during(() -> r[0] = step.fit(k));
            } else {
                r[0] = step.fit(k);
            }
            double loss = r[0].loss();
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException(diverged.text(s + 1, loss));
            }
            sum += loss;
            weighted += loss * r[0].images();
            images += r[0].images();
            listener.afterStep(s + 1, loss, new Stats(s + 1, images, sum, weighted));
        }
        return new Stats(steps, images, sum, weighted);
    }

    /** Words the error of a diverged run. */
    @FunctionalInterface
    public interface DivergenceMessage {
        /**
         * @param step 1-based step of the epoch
         * @param loss the non-finite loss
         * @return the message
         */
        String text(int step, double loss);
    }
}
