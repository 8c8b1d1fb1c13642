"""The codec builds only grader-made plain values, and refuses anything else."""

from __future__ import annotations

import json
import socket
import threading
import time

import numpy as np
import pytest

from autograder.sandbox import wire


def roundtrip(value):
    node, blob = wire.encode(value)
    return wire.decode(json.loads(json.dumps(node)), blob)


@pytest.mark.parametrize("value", [
    1.5, -0.0, 3, True, None, "text", (1.0, 2), [1, [2.0]], {"W1": np.eye(2), "b": np.zeros(2)},
    np.float64(2.5), np.int64(-7), np.float32(0.25), np.arange(6, dtype=np.int32).reshape(2, 3),
    np.linspace(0, 1, 5), np.array(True), np.zeros((0, 3)),
])
def test_plain_values_roundtrip_exactly(value):
    back = roundtrip(value)
    assert type(back) is type(value)
    if isinstance(value, np.ndarray):
        assert back.dtype == value.dtype and back.shape == value.shape and np.array_equal(back, value)
    elif isinstance(value, dict):
        assert all(np.array_equal(back[k], value[k]) for k in value)
    else:
        assert back == value or (back != back and value != value)


def test_non_finite_floats_survive_json():
    nan, inf, ninf = roundtrip((float("nan"), float("inf"), float("-inf")))
    assert nan != nan and inf == float("inf") and ninf == float("-inf")


def test_subclasses_are_read_through_their_base_class():
    class Liar(float):
        def __eq__(self, other):
            return True

        def __float__(self):
            return 0.0

    class Arr(np.ndarray):
        def tobytes(self, order="C"):
            return b"\0" * self.nbytes

    back = roundtrip((Liar(2.5), np.ones(3).view(Arr)))
    assert type(back[0]) is float and back[0] == 2.5
    assert type(back[1]) is np.ndarray and back[1].tolist() == [1.0, 1.0, 1.0]


@pytest.mark.parametrize("value, type_name", [
    (lambda: 1, "function"), ((i for i in ()), "generator"), (np.array([1 + 2j]), "complex128"),
    (np.array(["a"]), "dtype <U1"), ({(1, 2): 3}, "non-string keys"),
])
def test_other_values_come_back_opaque(value, type_name):
    back = roundtrip(value)
    assert isinstance(back, wire.Opaque) and type_name in back.type_name


@pytest.mark.parametrize("node", [
    {"t": "array", "dtype": "object", "shape": [1], "off": 0, "n": 8},
    {"t": "array", "dtype": "float64", "shape": [4], "off": 0, "n": 8},
    {"t": "array", "dtype": "float64", "shape": [-1], "off": 0, "n": 8},
    {"t": "pickle", "v": "gASVAAAAAAAAAAA="},
    {"t": "float", "v": "__import__('os')"},
    {"t": "int", "v": True},
])
def test_malformed_nodes_are_refused(node):
    with pytest.raises(wire.WireError):
        wire.decode(node, b"\0" * 8)


def test_deep_nesting_is_refused():
    node = {"t": "none"}
    for _ in range(wire.MAX_DEPTH + 2):
        node = {"t": "list", "items": [node]}
    with pytest.raises(wire.WireError):
        wire.decode(node, b"")


def test_oversized_frames_are_refused_before_reading():
    a, b = socket.socketpair()
    with a, b:
        a.sendall(wire.HEAD.pack(10, 1 << 30))
        with pytest.raises(wire.WireError, match="a message of 1024.0 MB, over the limit of 1.0 MB"):
            wire.recv(b, limit=1 << 20)


def test_a_dripping_sender_cannot_outlast_the_deadline():
    a, b = socket.socketpair()
    stop = threading.Event()

    def drip():
        while not stop.is_set():
            try:
                a.send(b"\0")
            except OSError:  # the reader hung up first, as the test wants
                return
            time.sleep(0.1)

    sender = threading.Thread(target=drip)
    sender.start()
    try:
        with a, b, pytest.raises(socket.timeout):
            wire.recv(b, 1 << 20, deadline=time.monotonic() + 0.3)
    finally:
        stop.set()
        sender.join()


@pytest.mark.parametrize("header", [b"[" * 100_000 + b"]" * 100_000, b"\xff\xfe", b"[1, 2]", b"{"])
def test_malformed_headers_are_refused(header):
    a, b = socket.socketpair()
    with a, b:
        a.sendall(wire.HEAD.pack(len(header), 0) + header)
        with pytest.raises(wire.WireError, match="malformed header"):
            wire.recv(b, limit=1 << 20)
