/**
 * Synthetic features with a planted structure: models built from shared and private latent factors, so that the
 * true similarity order is known and an experiment can be checked to recover it.
 */
package org.dds.experiments.planted;
