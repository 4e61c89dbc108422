/** Stand-in: where the authors' published feature files are found. */
package org.dds.experiments.features;
