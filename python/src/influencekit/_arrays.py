"""Arrays for the C interface: numpy arrays passed by pointer (zero-copy when the dtype and layout
already match: C-contiguous int64 ids, float64 probabilities), pandas columns through
``to_numpy``, label lists packed as UTF-8 bytes plus offsets."""

import ctypes
import numbers

from .errors import ArgumentError

_SOURCE_COLUMNS = ("src", "source", "u", "from", "tail")
_TARGET_COLUMNS = ("dst", "target", "v", "to", "head")
_VALUE_COLUMNS = ("p", "probability", "prob", "weight", "w")


def numpy():
    try:
        import numpy
    except ImportError as error:  # pragma: no cover - exercised only without numpy
        raise ImportError("Graph.from_edges needs numpy (pip install numpy)") from error
    return numpy


def is_dataframe(value):
    return type(value).__name__ == "DataFrame" and hasattr(value, "columns")


def columns_of(frame):
    """(src, dst, p or None) columns of an edge frame: by name (src/source/u, dst/target/v,
    p/probability/weight), else the first two (and third) columns."""
    names = [str(c) for c in frame.columns]
    lowered = {name.lower(): column for name, column in zip(names, frame.columns)}

    def pick(candidates):
        for candidate in candidates:
            if candidate in lowered:
                return lowered[candidate]
        return None

    src, dst, p = pick(_SOURCE_COLUMNS), pick(_TARGET_COLUMNS), pick(_VALUE_COLUMNS)
    if src is None or dst is None:
        if len(frame.columns) < 2:
            raise ArgumentError(
                f"src: an edge frame needs two columns (got {names}; expected src and dst columns)",
                parameter="src",
            )
        src, dst = frame.columns[0], frame.columns[1]
        if p is None and len(frame.columns) >= 3:
            p = frame.columns[2]
    return frame[src], frame[dst], (frame[p] if p is not None else None)


def as_array(values, name):
    """A 1-D numpy array of `values` (a numpy array, a pandas Series, or a sequence) without
    copying what is already an array."""
    np = numpy()
    if hasattr(values, "to_numpy"):
        if getattr(values, "isna", None) is not None and bool(values.isna().any()):
            position = int(values.isna().to_numpy().argmax())
            raise ArgumentError(f"{name}: {name}[{position}] is missing (expected a value in every row)", parameter=name)
        array = values.to_numpy(copy=False)
    elif isinstance(values, np.ndarray):
        array = values
    else:
        array = np.asarray(list(values) if not hasattr(values, "__len__") else values)
    if array.ndim != 1:
        raise ArgumentError(f"{name}: shape {array.shape} (expected a one-dimensional array)", parameter=name)
    return array


def integers_if_integral(array):
    """An object array holding only Python integers as int64 (so that ids read as objects are
    numbered as integer ids, like a file's); anything else unchanged."""
    np = numpy()
    if array.dtype != object or array.size == 0:
        return array
    if all(isinstance(x, numbers.Integral) and not isinstance(x, bool) for x in array):
        try:
            return np.asarray(array, dtype=np.int64)
        except OverflowError:
            return array
    return array


def as_int64(array, name):
    """`array` as C-contiguous int64: the array itself when it already is (zero-copy), else one
    converted copy. Unsigned ids beyond 2^63 are refused."""
    np = numpy()
    if not np.issubdtype(array.dtype, np.integer):
        raise ArgumentError(f"{name}: dtype {array.dtype} (expected integers)", parameter=name)
    if array.dtype == np.uint64 and array.size and int(array.max()) > np.iinfo(np.int64).max:
        raise ArgumentError(f"{name}: ids beyond 2^63 - 1 (expected int64 ids)", parameter=name)
    return np.ascontiguousarray(array, dtype=np.int64)


def as_float64(array, name):
    """`array` as C-contiguous float64 (zero-copy when it already is)."""
    np = numpy()
    if not (np.issubdtype(array.dtype, np.floating) or np.issubdtype(array.dtype, np.integer)):
        raise ArgumentError(f"{name}: dtype {array.dtype} (expected probabilities as numbers)", parameter=name)
    return np.ascontiguousarray(array, dtype=np.float64)


def pointer(array, ctype):
    """A ctypes pointer to a C-contiguous array's data (None for an empty array)."""
    if array is None or array.size == 0:
        return None
    return array.ctypes.data_as(ctypes.POINTER(ctype))


_NO_VALUES = (ctypes.c_double * 1)()


def value_pointer(values):
    """The probabilities' pointer: None when there are none, non-null (even for zero arcs) when
    given, since a null pointer tells the engine that the arcs carry no values."""
    if values is None:
        return None
    if values.size == 0:
        return ctypes.cast(_NO_VALUES, ctypes.POINTER(ctypes.c_double))
    return pointer(values, ctypes.c_double)


class PackedLabels:
    """Labels as UTF-8 bytes plus int64 offsets (count + 1), as the C interface takes them."""

    def __init__(self, labels, name):
        encoded = []
        for i, label in enumerate(labels):
            if isinstance(label, bytes):
                raise ArgumentError(f"{name}: {name}[{i}] is bytes (expected str or int labels)", parameter=name)
            if label is None:
                raise ArgumentError(f"{name}: {name}[{i}] is None (expected str or int labels)", parameter=name)
            encoded.append(str(label).encode("utf-8"))
        self.count = len(encoded)
        self.data = b"".join(encoded)
        offsets = [0] * (self.count + 1)
        total = 0
        for i, item in enumerate(encoded):
            total += len(item)
            offsets[i + 1] = total
        self._bytes = ctypes.create_string_buffer(self.data, len(self.data) or 1)
        self._offsets = (ctypes.c_int64 * (self.count + 1))(*offsets)

    @property
    def arguments(self):
        """(bytes, byte length, offsets, count) for the C call."""
        return (
            ctypes.cast(self._bytes, ctypes.c_void_p),
            len(self.data),
            ctypes.cast(self._offsets, ctypes.POINTER(ctypes.c_int64)),
            self.count,
        )


def factorize(src, dst):
    """Dense ids and labels of string (or mixed) endpoints, numbered by first appearance in
    u, v order — the order the edge-list reader numbers string labels in."""
    np = numpy()
    interleaved = np.empty(2 * len(src), dtype=object)
    interleaved[0::2] = src
    interleaved[1::2] = dst
    try:
        import pandas

        codes, uniques = pandas.factorize(interleaved)
        if (codes < 0).any():
            position = int(np.argmax(codes < 0))
            name = "src" if position % 2 == 0 else "dst"
            raise ArgumentError(f"{name}: {name}[{position // 2}] is missing (expected a label)", parameter=name)
        labels = [str(u) for u in uniques]
    except ImportError:
        index = {}
        codes = np.empty(len(interleaved), dtype=np.int64)
        for i, value in enumerate(interleaved):
            key = str(value)
            codes[i] = index.setdefault(key, len(index))
        labels = list(index)
    codes = np.ascontiguousarray(codes, dtype=np.int64)
    return codes[0::2].copy(), codes[1::2].copy(), labels


def densify_integers(src, dst):
    """Dense ids and labels of integer endpoints, numbered as the edge-list reader numbers integer
    ids (increasing id; an id named only by self-loops is no node, as in a file): (src, dst,
    labels, the mask of the arcs kept — self-loops on such an id are left out)."""
    np = numpy()
    kept = src != dst
    distinct = np.unique(np.concatenate([src[kept], dst[kept]]))
    if distinct.size == 0:
        return src[:0].copy(), dst[:0].copy(), [], np.zeros(len(src), dtype=bool)
    # Self-loops stay in the arrays (the engine drops and counts them) on any kept node id.
    src_ids = np.searchsorted(distinct, src).clip(0, distinct.size - 1)
    dst_ids = np.searchsorted(distinct, dst).clip(0, distinct.size - 1)
    keep = kept | ((distinct[src_ids] == src) & (distinct[dst_ids] == dst))
    src, dst = src[keep], dst[keep]
    return (np.ascontiguousarray(np.searchsorted(distinct, src), dtype=np.int64),
            np.ascontiguousarray(np.searchsorted(distinct, dst), dtype=np.int64),
            [str(int(x)) for x in distinct], keep)
