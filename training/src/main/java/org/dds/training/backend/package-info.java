/**
 * The ND4J native build and DL4J layer helpers the training module runs with (oneDNN on the CPU, cuDNN on CUDA).
 * {@link org.dds.training.backend.NativeBackend#configure()} runs before ND4J loads.
 */
package org.dds.training.backend;
