"""Plain data across the sandbox boundary: framing, encoding and decoding.

A frame is ``struct(">II")`` (header length, blob length), a JSON header and a blob of raw array bytes.
The header is a tree of tagged nodes; arrays point into the blob. Decoding builds only grader-made
objects: Python scalars, numpy scalars and arrays of a whitelisted numeric dtype, tuples, lists, dicts.
Nothing is unpickled, nothing is evaluated.

Both sides import this module; the encoder runs in the sandbox on values the submission returned, so
it reads them through the base classes' own C methods, never through methods a subclass may override.
"""

from __future__ import annotations

import json
import math
import socket
import struct
import time

import numpy as np

from autograder.text import inert

HEAD = struct.Struct(">II")
MAX_DEPTH = 32
MAX_ITEMS = 100_000
MAX_STR = 10_000
DTYPES = frozenset(
    ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32", "float64"]
)

# Captured at import, before any submission runs, so that monkeypatching numpy cannot reach the codec.
_ndarray = np.ndarray
_generic = np.generic
_ascontiguous = np.ascontiguousarray
_frombuffer = np.frombuffer
_tobytes = np.ndarray.tobytes
_view = np.ndarray.view
_item = np.generic.item
_float, _int, _str, _tuple, _list, _dict = float, int, str, tuple, list, dict
_type_name = type.__dict__["__qualname__"].__get__


class WireError(ValueError):
    """A frame or a value does not follow the protocol."""


class Opaque:
    """Stands for a value of a type that cannot cross the boundary; only its type name comes back, made inert (the
    submission chose it: `type("\\x1b[2K", (), {})()` is a value too)."""

    __slots__ = ("type_name",)

    def __init__(self, type_name: str):
        self.type_name = inert(type_name, 200)

    def __repr__(self) -> str:
        return f"<{self.type_name} object>"

    def __eq__(self, other):
        return isinstance(other, Opaque) and other.type_name == self.type_name

    __hash__ = None


class Ref:
    """A name the child resolves: a probe from the drivers registry or a member of the submitted module."""

    __slots__ = ("kind", "name", "args")

    def __init__(self, kind: str, name: str, args: tuple = ()):
        self.kind, self.name, self.args = kind, name, args


# --------------------------------------------------------------------------- encoding


def encode(value, *, refs=None) -> tuple[dict, bytes]:
    """Encode `value` as (header node, blob). `refs(value)` may turn callables into a `Ref`."""
    chunks: list[bytes] = []
    size = [0]

    def add_blob(data: bytes) -> int:
        offset = size[0]
        chunks.append(data)
        size[0] += len(data)
        return offset

    node = _encode(value, add_blob, refs, 0)
    return node, b"".join(chunks)


def _encode(v, add_blob, refs, depth):
    if depth > MAX_DEPTH:
        return {"t": "opaque", "type": "too deeply nested"}
    if v is None:
        return {"t": "none"}
    if v is True or v is False:
        return {"t": "bool", "v": v is True}
    if isinstance(v, _ndarray):
        return _encode_array(_view(v, _ndarray), add_blob)
    if isinstance(v, _generic):
        dtype = str(v.dtype)
        if dtype not in DTYPES:
            return {"t": "opaque", "type": f"numpy.{dtype}"}
        value = _item(v)
        return {"t": "npscalar", "dtype": dtype, "v": _json_number(value)}
    if isinstance(v, _float):
        return {"t": "float", "v": _json_number(_float.__float__(v))}
    if isinstance(v, _int):
        return {"t": "int", "v": _int.__int__(v)}
    if isinstance(v, _str):
        return {"t": "str", "v": _str.__str__(v)[:MAX_STR]}
    if isinstance(v, (_tuple, _list)):
        base = _tuple if isinstance(v, _tuple) else _list
        n = base.__len__(v)
        if n > MAX_ITEMS:
            return {"t": "opaque", "type": f"{base.__name__} of {n} items"}
        items = [_encode(base.__getitem__(v, i), add_blob, refs, depth + 1) for i in range(n)]
        return {"t": base.__name__, "items": items}
    if isinstance(v, _dict):
        pairs = []
        for key, val in _dict.items(v):
            if not isinstance(key, (_str, _int)) or isinstance(key, bool):
                return {"t": "opaque", "type": "dict with non-string keys"}
            pairs.append([_encode(key, add_blob, refs, depth + 1), _encode(val, add_blob, refs, depth + 1)])
        return {"t": "dict", "items": pairs}
    if refs is not None:
        ref = refs(v)
        if ref is not None:
            args = [_encode(a, add_blob, refs, depth + 1) for a in ref.args]
            return {"t": "ref", "kind": ref.kind, "name": ref.name, "args": args}
    return {"t": "opaque", "type": _type_name(type(v))[:200]}


def _encode_array(arr, add_blob):
    dtype = str(arr.dtype)
    if dtype not in DTYPES:
        return {"t": "opaque", "type": f"numpy.ndarray of dtype {dtype}"[:200]}
    data = _tobytes(_ascontiguous(arr, dtype=arr.dtype.newbyteorder("<")))
    return {"t": "array", "dtype": dtype, "shape": [int(n) for n in arr.shape], "off": add_blob(data), "n": len(data)}


def _json_number(x):
    """JSON has no NaN or infinity; keep them as strings, numbers as exact reprs."""
    if isinstance(x, float) and not math.isfinite(x):
        return repr(x)
    return x


# --------------------------------------------------------------------------- decoding


def decode(node, blob: bytes, *, refs=None):
    """Build grader-made objects from a header node. `refs(kind, name, args)` resolves `ref` nodes."""
    return _decode(node, memoryview(blob), refs, 0)


def _decode(node, blob, refs, depth):
    if depth > MAX_DEPTH or not isinstance(node, dict):
        raise WireError("malformed value")
    tag = node.get("t")
    if tag == "none":
        return None
    if tag == "bool":
        return bool(node["v"])
    if tag == "int":
        return _expect(node["v"], int)
    if tag == "float":
        return _number(node["v"])
    if tag == "str":
        return _expect(node["v"], str)[:MAX_STR]
    if tag == "npscalar":
        dtype = _dtype(node["dtype"])
        return dtype.type(_number(node["v"]) if dtype.kind == "f" else node["v"])
    if tag == "array":
        return _decode_array(node, blob)
    if tag in ("tuple", "list"):
        items = _expect(node["items"], list)
        if len(items) > MAX_ITEMS:
            raise WireError("too many items")
        out = [_decode(i, blob, refs, depth + 1) for i in items]
        return tuple(out) if tag == "tuple" else out
    if tag == "dict":
        out = {}
        for pair in _expect(node["items"], list):
            key, val = _expect(pair, list)
            key = _decode(key, blob, refs, depth + 1)
            if not isinstance(key, (str, int)):
                raise WireError("dict keys must be strings or integers")
            out[key] = _decode(val, blob, refs, depth + 1)
        return out
    if tag == "opaque":
        return Opaque(str(node.get("type", "?"))[:200])
    if tag == "ref" and refs is not None:
        args = tuple(_decode(a, blob, refs, depth + 1) for a in _expect(node["args"], list))
        return refs(_expect(node["kind"], str), _expect(node["name"], str), args)
    raise WireError(f"unknown value tag {tag!r}")


def _decode_array(node, blob):
    dtype = _dtype(node["dtype"])
    shape = tuple(_expect(n, int) for n in _expect(node["shape"], list))
    if len(shape) > MAX_DEPTH or any(n < 0 for n in shape):
        raise WireError("bad array shape")
    off, n = _expect(node["off"], int), _expect(node["n"], int)
    if n != math.prod(shape) * dtype.itemsize or off < 0 or off + n > len(blob):
        raise WireError("array bytes do not match its shape")
    return np.frombuffer(blob, dtype=dtype.newbyteorder("<"), count=math.prod(shape), offset=off).astype(dtype).reshape(shape)


def _dtype(name):
    if name not in DTYPES:
        raise WireError(f"dtype {name!r} is not allowed")
    return np.dtype(name)


def _number(v):
    if isinstance(v, str) and v in ("nan", "inf", "-inf"):
        return float(v)
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise WireError("malformed number")
    return float(v)


def _expect(v, kind):
    if not isinstance(v, kind) or isinstance(v, bool) and kind is int:
        raise WireError(f"expected {kind.__name__}")
    return v


# --------------------------------------------------------------------------- framing


def pack(header: dict, blob: bytes = b"") -> bytes:
    head = json.dumps(header, separators=(",", ":")).encode()
    return HEAD.pack(len(head), len(blob)) + head + blob


def send(sock, header: dict, blob: bytes = b"") -> None:
    sock.sendall(pack(header, blob))


def recv(sock, limit: int, deadline=None) -> tuple[dict, bytearray]:
    """Read one frame; refuse frames larger than `limit` bytes.

    With a `deadline` (a time.monotonic() value, or a clock whose `remaining()` says the seconds left, see
    clock.CallClock) the whole frame must arrive in time, however it is dripped in, or socket.timeout is raised.
    Raises EOFError when the peer is gone.
    """
    head_len, blob_len = HEAD.unpack(_read_exact(sock, HEAD.size, deadline))
    if head_len + blob_len > limit:
        raise WireError(f"a message of {_megabytes(head_len + blob_len)}, over the limit of {_megabytes(limit)}")
    data = _read_exact(sock, head_len, deadline)
    try:
        header = json.loads(data)
    except (ValueError, RecursionError) as exc:  # bad JSON, bad UTF-8, or nesting deep enough to exhaust the parser
        raise WireError("malformed header") from exc
    if not isinstance(header, dict):
        raise WireError("malformed header")
    return header, _read_exact(sock, blob_len, deadline)


def _read_exact(sock, n: int, deadline=None) -> bytearray:
    """Exactly `n` bytes, read into one buffer of that size: a large frame is held once, never copied."""
    buf = bytearray(n)
    view, got = memoryview(buf), 0
    while got < n:
        if deadline is not None:
            remaining = deadline.remaining() if hasattr(deadline, "remaining") else deadline - time.monotonic()
            if remaining <= 0:
                raise socket.timeout("deadline passed")
            sock.settimeout(remaining)
            try:
                count = sock.recv_into(view[got:])
            except socket.timeout:
                continue  # the deadline says whether time is up: a clock may have granted more
        else:
            count = sock.recv_into(view[got:])
        if not count:
            raise EOFError("connection closed")
        got += count
    return buf


def _megabytes(n: int) -> str:
    return f"{n / 2**20:.1f} MB"
