/**
 * Pretrained weights, mapped by name onto the encoder: a torchvision ResNet {@code state_dict} exported to
 * {@code .npz}, or Keras' ResNet50 {@code .h5}. {@link org.dds.training.weights.WeightFormat} tells them apart and
 * says which ResNet variant and input normalisation each needs.
 */
package org.dds.training.weights;
