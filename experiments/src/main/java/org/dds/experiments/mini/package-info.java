/**
 * Mini-Taskonomy (SPEC section 7): the paper's whole Taskonomy experiment and its layer selection, rerun end to end
 * on Fashion-MNIST with sources trained here, a brute-force transfer matrix, and DDS predicting it.
 */
package org.dds.experiments.mini;
