/**
 * The networks: ResNet encoders in the torchvision layout with branch points after each stage, the stacked-channel
 * DeepLabV3 decoder, bilinear resizing with a gradient, and SGD with classical momentum.
 */
package org.dds.training.model;
