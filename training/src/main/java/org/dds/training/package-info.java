/**
 * The DL4J training harness (ResNet-50 encoders, DeepLabV3 decoders, datasets, trainer, feature extraction).
 * Empty until the training issue; the module already builds so that the reactor and the launcher are final.
 */
package org.dds.training;
