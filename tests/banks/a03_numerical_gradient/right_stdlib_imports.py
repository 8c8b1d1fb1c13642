"""Correct: the solution importing standard modules for hashing, encoding and compression, none loaded by the sandbox
ahead of time (as root the child runs as nobody, who may not enter a private home that holds the interpreter)."""

MUTATIONS = [('import numpy as np\n', 'import hashlib, hmac, secrets, base64, binascii, zlib, bz2, lzma, struct, uuid\nimport numpy as np\n')]
