/** Pretrained weights: a torchvision ResNet {@code state_dict} exported to {@code .npz}, mapped by name. */
package org.dds.training.weights;
