/**
 * Numeric helpers shared by the maths: means with a correction pass, and the large matrix products (A A^T of
 * feature rows, V V^T of model embeddings), the only place where dds-core calls its matrix backend ND4J.
 */
package org.dds.core.numeric;
