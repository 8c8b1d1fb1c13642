"""Correct, written differently: grad_check_sparse draws flat indices from np.random.RandomState(seed) in one call.

A generator the docstring does not name, so the draws differ from the reference's; only what is promised
(every index equally likely, independent draws, the same seed the same result) is checked.
"""

MUTATIONS = [
    ("    rng = np.random.default_rng(seed)\n",
     "    rng = np.random.RandomState(seed)  # numpy's legacy generator, seeded from seed alone\n"),
    ("    for _ in range(num_checks):\n        ix = tuple(int(rng.integers(n)) for n in x.shape)\n",
     "    for flat in rng.randint(x.size, size=num_checks):  # flat indices, every one equally likely\n"
     "        ix = tuple(int(i) for i in np.unravel_index(flat, x.shape))\n"),
]
