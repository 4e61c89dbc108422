package org.dds.training.model;

import java.util.Map;
import java.util.Objects;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Stochastic gradient descent with classical (heavy-ball) momentum, as PyTorch's {@code torch.optim.SGD} with
 * {@code momentum} and no dampening: {@code v <- mu v + g; p <- p - lr v}. DL4J ships only Nesterov momentum
 * ({@code Nesterovs}), which is a different update. Weight decay comes from DL4J's L2 regularisation, which adds
 * {@code wd p} to the gradient before the updater, as PyTorch's {@code weight_decay} does.
 */
public final class SgdMomentum implements IUpdater {
    private static final long serialVersionUID = 1L;

    private double learningRate;
    private double momentum;
    private ISchedule learningRateSchedule;

    /** For JSON deserialisation. */
    public SgdMomentum() {
        this(0.001, 0.9, null);
    }

    /**
     * @param learningRate the learning rate when there is no schedule
     * @param momentum     mu, in [0, 1)
     * @param schedule     the learning rate by iteration and epoch, or null for a constant rate
     */
    public SgdMomentum(double learningRate, double momentum, ISchedule schedule) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum " + momentum + " must be in [0, 1)");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate " + learningRate + " must be positive");
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.learningRateSchedule = schedule;
    }

    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater<SgdMomentum> instantiate(INDArray viewArray, boolean initializeViewArray) {
        Updater u = new Updater(this);
        INDArray flat = viewArray.reshape(viewArray.length());
        u.setStateViewArray(flat, flat.shape(), flat.ordering(), initializeViewArray);
        return u;
    }

    @Override
    public GradientUpdater<SgdMomentum> instantiate(Map<String, INDArray> updaterState,
            boolean initializeStateArrays) {
        Updater u = new Updater(this);
        u.setState(updaterState, initializeStateArrays);
        return u;
    }

    @Override
    public SgdMomentum clone() {
        return new SgdMomentum(learningRate, momentum, learningRateSchedule == null ? null
                : learningRateSchedule.clone());
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule == null ? learningRate : learningRateSchedule.valueAt(iteration, epoch);
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        this.learningRate = lr;
        this.learningRateSchedule = lrSchedule;
    }

    /** @return the constant learning rate */
    public double getLearningRate() {
        return learningRate;
    }

    /** @param learningRate the constant learning rate */
    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    /** @return mu */
    public double getMomentum() {
        return momentum;
    }

    /** @param momentum mu */
    public void setMomentum(double momentum) {
        this.momentum = momentum;
    }

    /** @return the schedule, or null */
    public ISchedule getLearningRateSchedule() {
        return learningRateSchedule;
    }

    /** @param learningRateSchedule the schedule, or null */
    public void setLearningRateSchedule(ISchedule learningRateSchedule) {
        this.learningRateSchedule = learningRateSchedule;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SgdMomentum s && s.learningRate == learningRate && s.momentum == momentum
                && Objects.equals(s.learningRateSchedule, learningRateSchedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, momentum, learningRateSchedule);
    }

    @Override
    public String toString() {
        return "SgdMomentum(lr=" + learningRate + ", momentum=" + momentum + ", schedule=" + learningRateSchedule
                + ")";
    }

    /** The state (one velocity per parameter) and the update. */
    static final class Updater implements GradientUpdater<SgdMomentum> {
        static final String V = "V";
        private final SgdMomentum config;
        private INDArray v;

        Updater(SgdMomentum config) {
            this.config = config;
        }

        @Override
        public SgdMomentum getConfig() {
            return config;
        }

        @Override
        public void setState(Map<String, INDArray> state, boolean initialize) {
            INDArray given = state.get(V);
            if (given == null || state.size() != 1) {
                throw new IllegalStateException("SGD momentum state must hold exactly '" + V + "', not "
                        + state.keySet());
            }
            v = given;
            if (initialize) {
                v.assign(0);
            }
        }

        @Override
        public Map<String, INDArray> getState() {
            return Map.of(V, v);
        }

        @Override
        public void setStateViewArray(INDArray viewArray, long[] gradientShape, char order, boolean initialize) {
            if (!viewArray.isRowVectorOrScalar() && viewArray.rank() != 1) {
                throw new IllegalArgumentException("the state view must be a vector, not " + viewArray.shapeInfoToString());
            }
            if (initialize) {
                viewArray.assign(0);
            }
            v = viewArray.reshape(order, gradientShape);
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            if (v == null) {
                throw new IllegalStateException("the updater has no state view array");
            }
            double lr = config.getLearningRate(iteration, epoch);
            v.muli(config.momentum).addi(gradient);
            gradient.assign(v).muli(lr);
        }
    }
}
