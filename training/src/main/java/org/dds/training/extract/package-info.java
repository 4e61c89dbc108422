/** Per-block ResNet-50 features of an image folder, written in the format dds-core reads (paper Figure 4). */
package org.dds.training.extract;
