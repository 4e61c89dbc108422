/**
 * A forwarding class at the name DL4J 1.0.0-M2.1 still looks up for oneDNN, which ND4J M2.1 moved
 * (see {@link org.nd4j.nativeblas.Nd4jCpu}).
 */
package org.nd4j.nativeblas;
