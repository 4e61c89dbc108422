package org.dds.training.model;

import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * He initialisation of the 1 x 1 convolution that computes the nine taps of a 3 x 3 atrous convolution
 * ({@link ShiftSum}): normal with standard deviation sqrt(2 / (9 C_in)), the 3 x 3 convolution's fan-in, not the
 * 1 x 1's. Seeded through ND4J's random generator, which DL4J seeds from the configuration.
 */
public final class WeightInitAtrous implements IWeightInit {
    private static final long serialVersionUID = 1L;

    @Override
    public INDArray init(double fanIn, double fanOut, long[] shape, char order, INDArray paramView) {
        double std = Math.sqrt(2.0 / (9.0 * fanIn));
        INDArray values = Nd4j.randn(paramView.dataType(), shape).muli(std);
        paramView.assign(values.reshape(order, paramView.shape()));
        return paramView.reshape(order, shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightInitAtrous;
    }

    @Override
    public int hashCode() {
        return WeightInitAtrous.class.hashCode();
    }
}
