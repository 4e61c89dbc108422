/**
 * Transferability estimators: scores that rank candidate source models for a labelled target task from the
 * sources' features (or their classifiers' probabilities) and the target labels, without training (LogME,
 * H-score and its regularised form, NCE, LEEP, PARC, GBC, TransRate, the k-nearest-neighbour readout). Each is a
 * {@link org.dds.core.transfer.TransferabilityEstimator} with its published formula in its Javadoc;
 * {@link org.dds.core.transfer.TransferabilityMethods} names the built-ins.
 */
package org.dds.core.transfer;
