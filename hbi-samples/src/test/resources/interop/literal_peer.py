"""
A reference-HBI (Python) peer for the interop test: serves on 127.0.0.1:PORT an environment whose
functions exchange literals with a Java client.

  corpus()     answers every value of CORPUS, each as send_obj(repr(value)): Python -> Java
  echo_repr()  receives one object, answers it back, then answers repr() of it as a string: Java -> Python
  ready        printed on stdout once listening

Runs the unmodified reference (complyue/hbi) with the Python 3.11 patches of hbi_compat.
Usage: PYTHONPATH=$PEERS/lib:$PEERS python3 literal_peer.py PORT
"""
import asyncio
import sys

import hbi_compat  # noqa: F401  (patches the reference for Python 3.11 before use)
import hbi

CORPUS = [
    None, True, False,
    0, 1, -1, 2147483647, -2147483648, 2147483648, 9223372036854775807, -9223372036854775808,
    2 ** 64, -(2 ** 100), 10 ** 50,
    0.0, -0.0, 1.5, -2.25, 0.1, 1e16, 1e-05, 1e+300, 5e-324, 1.7976931348623157e+308, 123456789.0,
    float("nan"), float("inf"), float("-inf"),
    "", "plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "cr\rlf", "back\\slash",
    "\x00\x01\x1f\x7f", "é中😀", "\u2028 line sep", "\u00a0 nbsp", "\ud7ff", "\U0010ffff",
    [], [1, [2, [3, []]]], ["a", 1, None, 2.5, True],
    {}, {"a": 1, "b": [1, 2]}, {1: "one", 2: "two"}, {"nested": {"deeper": {"deepest": []}}},
    (), (1,), (1, "two", (3.0,)), {(1, 2): "tuple key"},
    {1, 2, 3}, frozenset({4}), set(),
    b"", b"bytes\x00\xff'\"", bytearray(b"array"),
]


def he_factory():
    he = hbi.HostingEnv()

    async def corpus():
        co = he.ho.co()
        await co.start_send()
        for value in CORPUS:
            await co.send_obj(repr(value))

    async def echo_repr():
        co = he.ho.co()
        got = await co.recv_obj()
        await co.start_send()
        await co.send_obj(repr(got))
        await co.send_obj(repr(repr(got)))

    he.expose_function("corpus", corpus)
    he.expose_function("echo_repr", echo_repr)
    return he


async def main(port):
    server = await hbi.serve_tcp({"host": "127.0.0.1", "port": port}, he_factory)
    print("ready", flush=True)
    await server.wait_closed()


asyncio.run(main(int(sys.argv[1])))
