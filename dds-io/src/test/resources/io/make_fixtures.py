"""Writes the small pickle and .npy fixtures of org.dds.io tests (run once; the outputs are committed).

Run from this directory with python3 + numpy (numpy 2.4.6 wrote the committed files):
    python3 make_fixtures.py
Every value is a simple formula of its indices so the Java tests can recompute it:
    A[i][j]      = (4 * i + j) / 8 + 1            (3 x 4, exact in float16/32/64)
    CUBE[i][j][k] = 12 * i + 4 * j + k            (2 x 3 x 4)
    authors' model at position p of the SPEC order, image i, feature j = 100 * p + 10 * i + j + 0.25
"""
import io
import pickle
import struct

import numpy as np

A = np.arange(12, dtype=np.float64).reshape(3, 4) / 8 + 1
CUBE = np.arange(24, dtype=np.float64).reshape(2, 3, 4)


def arrays():
    return {
        "c_f8": A.copy(),
        "c_f4": A.astype(np.float32),
        "fortran_f8": np.asfortranarray(A),
        "fortran_f4": np.asfortranarray(A.astype(np.float32)),
        "big_f8": A.astype(">f8"),
        "big_fortran_f4": np.asfortranarray(A.astype(">f4")),
        "cube_fortran_f8": np.asfortranarray(CUBE),
        "i2_big": np.array([[-1, 2], [3, -4]], dtype=">i2"),
        "u1": np.array([0, 255], dtype=np.uint8),
        "b1": np.array([True, False]),
        "f2": np.array([0.5, -2.0, 65504.0], dtype=np.float16),
        "scalar_f8": np.float64(0.1),
        "scalar_f4": np.float32(1.5),
        "scalar_i8": np.int64(-7),
        "scalar_b": np.bool_(True),
        "scalar_u8": np.uint64(2**64 - 1),
        "plain": [1, 2.5, "text", None, True, (1, 2), b"\x00\xff", 2**70, -1],
    }


class Py2StylePickler(pickle._Pickler):
    """Protocol 2 as Python 2 + numpy 1.x wrote it: byte strings as (SHORT_)BINSTRING, numpy.core names."""

    dispatch = pickle._Pickler.dispatch.copy()

    def save_py2_str(self, obj):
        if self.proto == 0:
            self.write(pickle.STRING + repr(obj)[1:].encode("ascii") + b"\n")
            self.memoize(obj)
            return
        n = len(obj)
        if n < 256:
            self.write(pickle.SHORT_BINSTRING + bytes([n]) + obj)
        else:
            self.write(pickle.BINSTRING + struct.pack("<i", n) + obj)
        self.memoize(obj)

    dispatch[bytes] = save_py2_str

    def save_global(self, obj, name=None):
        module = getattr(obj, "__module__", None)
        if module and module.startswith("numpy._core"):
            module = "numpy.core" + module[len("numpy._core"):]
            self.write(pickle.GLOBAL + module.encode() + b"\n" + (name or obj.__qualname__).encode() + b"\n")
            self.memoize(obj)
            return
        super().save_global(obj, name)

    dispatch[type] = save_global


def check(data, expected):
    got = pickle.loads(data, encoding="latin1")
    for k, v in expected.items():
        key = k.decode() if isinstance(k, bytes) else k
        if isinstance(v, np.ndarray):
            # numpy may hand back big-endian data in native order: compare kind, size and values.
            assert got[key].dtype.str[1:] == v.dtype.str[1:] and np.array_equal(got[key], v), key
        else:
            assert got[key] == v, key


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)
    print(name, len(data), "bytes")


def main():
    d = arrays()
    for proto in (0, 1, 2, 4, 5):
        data = pickle.dumps(d, protocol=proto)
        check(data, d)
        write(f"arrays_p{proto}.pkl", data)

    # Python 2 had no bytes type: its keys were byte strings too.
    d2 = {k.encode(): v for k, v in arrays().items() if k != "plain"}
    buf = io.BytesIO()
    Py2StylePickler(buf, protocol=2).dump(d2)
    check(buf.getvalue(), d2)
    write("arrays_p2_py2style.pkl", buf.getvalue())

    # Protocol 0 as Python 2 wrote it: byte strings as STRING lines in repr quoting.
    buf = io.BytesIO()
    Py2StylePickler(buf, protocol=0).dump(d2)
    check(buf.getvalue(), d2)
    write("arrays_p0_py2style.pkl", buf.getvalue())

    # The authors' features file: numpy.save of a dict {model: n x d float64}, in their (alphabetical) order.
    spec_order = ("autoencoder curvature denoise edge2d edge3d keypoint2d keypoint3d colorization reshade rgb2depth "
                  "rgb2mist rgb2sfnorm room_layout segment25d segment2d vanishing_point segmentsemantic class_1000 "
                  "class_places inpainting_whole pascal_voc_segmentation").split()
    authors = {}
    for m in sorted(spec_order[:20]) + ["pascal_voc_segmentation"]:
        p = spec_order.index(m)
        authors[m] = 100 * p + 10 * np.arange(3)[:, None] + np.arange(4)[None, :] + 0.25
    np.save("taskonomy_pascal_feats_tiny.npy", authors, allow_pickle=True)
    back = np.load("taskonomy_pascal_feats_tiny.npy", allow_pickle=True).item()
    assert list(back) == list(authors) and all(np.array_equal(back[k], authors[k]) for k in authors)

    # The same format with protocol 2 (what numpy before 1.17 wrote), odd dict order, Fortran, big-endian, 4-D.
    partial = {
        "zeta": np.asfortranarray(A[:2, :3].astype(np.float32)),
        "alpha": A[:2, :3].astype(">f8"),
        "maps": np.arange(24, dtype=np.float64).reshape(2, 2, 2, 3),
    }
    holder = np.empty((), dtype=object)
    holder[()] = partial
    with open("authors_partial_p2.npy", "wb") as f:
        np.lib.format.write_array_header_1_0(f, np.lib.format.header_data_from_array_1_0(holder))
        pickle.dump(holder, f, protocol=2)
    back = np.load("authors_partial_p2.npy", allow_pickle=True).item()
    assert list(back) == ["zeta", "alpha", "maps"]
    assert all(np.array_equal(back[k], partial[k]) for k in partial)


def npz():
    """numpy's own .npz, stored and deflated (force_zip64 headers, as numpy writes them): the reader's CRC-32 and
    exact-size checks must accept them. Model m (0, 1) holds A + 10 m as float64, and as float32 for m = 1."""
    models = {"a": A.copy(), "b": (A + 10).astype(np.float32)}
    np.savez("models_stored.npz", **models)
    np.savez_compressed("models_deflated.npz", **models)
    for name in ("models_stored.npz", "models_deflated.npz"):
        with np.load(name) as z:
            assert list(z.keys()) == ["a", "b"] and all(np.array_equal(z[k], models[k]) for k in models)


if __name__ == "__main__":
    main()
    npz()
