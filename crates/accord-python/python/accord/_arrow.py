"""Wraps the Arrow buffers that the Rust side builds into pyarrow arrays (one call per column)."""
from __future__ import annotations

import pyarrow as pa

_TYPES = {
    "str": pa.large_string(),
    "i64": pa.int64(),
    "f64": pa.float64(),
    "bool": pa.bool_(),
    "list_str": pa.list_(pa.large_string()),
}


def arrow_type(kind: str) -> pa.DataType:
    return _TYPES[kind]


def _buf(b):
    return None if b is None else pa.py_buffer(b)


def column(kind, n, validity, b1, b2, b3) -> pa.Array:
    v = _buf(validity)
    if kind == "str":
        return pa.Array.from_buffers(pa.large_string(), n, [v, _buf(b1), _buf(b2)])
    if kind in ("i64", "f64", "bool"):
        return pa.Array.from_buffers(_TYPES[kind], n, [v, _buf(b1)])
    if kind == "list_str":
        m = len(b2) // 8 - 1
        child = pa.Array.from_buffers(pa.large_string(), m, [None, _buf(b2), _buf(b3)])
        return pa.Array.from_buffers(_TYPES[kind], n, [v, _buf(b1)], children=[child])
    raise ValueError(f"unknown column kind {kind!r}")


def table(rust_docs, layer: str, keep_doc: bool = False) -> pa.Table:
    """The table of one layer of a `_accord.Documents`."""
    names, arrays = [], []
    for name, kind, n, validity, b1, b2, b3 in rust_docs.columns(layer):
        if name == "_doc" and not keep_doc:
            continue
        names.append(name)
        arrays.append(column(kind, n, validity, b1, b2, b3))
    return pa.Table.from_arrays(arrays, names=names)
