/** Module experiments (see the README). */
package org.dds.experiments;
