/** {@code dds bench train}: training throughput and memory of the Table-5 networks, with PyTorch as the peer. */
package org.dds.experiments.bench.train;
