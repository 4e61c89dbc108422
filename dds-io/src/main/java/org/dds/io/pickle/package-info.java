/**
 * NumPy's data as Python pickles and {@code .npy} headers spell it: element types ({@link
 * org.dds.io.pickle.NumpyDtype}), arrays ({@link org.dds.io.pickle.NdArray}) and a restricted pickle
 * reader ({@link org.dds.io.pickle.RestrictedUnpickler}) that turns plain data and numpy arrays into Java values.
 * A pickle can name any Python function to call, so the reader accepts only numpy's array and scalar constructors and
 * refuses every other global before anything happens.
 */
package org.dds.io.pickle;
