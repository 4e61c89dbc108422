/**
 * Training: {@link org.dds.training.train.EpochLoop}, the one loop that drives the steps of an epoch for every
 * trainer (paper Table 5's and Mini-Taskonomy's); the trainer of paper Table 5 (SGD, momentum 0.9, weight decay
 * 1e-4, lr 0.001 with the poly schedule), its resumable run directory, and the result files the Table-5 experiment
 * and the transfer ground truth read.
 */
package org.dds.training.train;
