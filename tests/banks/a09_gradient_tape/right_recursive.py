"""Correct: gradient pulls each derivative recursively, d target / d t = the sum over the recorded uses of t of
what each use hands back, with a memo per Tensor and per entry, instead of one backward walk over the record.

Otherwise identical to the reference solution.
"""

MUTATIONS = [
    (
        '        self._used = True\n'
        '        grads = {id(target): Tensor(1.0)}\n'
        '        for op, inputs, out, backward in reversed(list(self._record)):\n'
        '            g = grads.get(id(out))\n'
        '            if g is None:\n'
        '                continue\n'
        '            for x, gx in zip(inputs, backward(g)):\n'
        '                grads[id(x)] = grads[id(x)] + gx if id(x) in grads else gx\n'
        '        if isinstance(sources, list):\n'
        '            return [grads.get(id(s)) if self._tracks(s) else None for s in sources]\n'
        '        return grads.get(id(sources)) if self._tracks(sources) else None\n',
        '        self._used = True\n'
        '        entries = list(self._record)  # what is recorded from here on (an active tape records this call) is not walked\n'
        '        users = {}                    # id(t) -> [(entry number, input position)] for each use of t as an input\n'
        '        for number, (_, inputs, _, _) in enumerate(entries):\n'
        '            for position, x in enumerate(inputs):\n'
        '                users.setdefault(id(x), []).append((number, position))\n'
        '        adjoint, handed = {}, {}      # id(t) -> d target / d t; entry number -> backward(g) of that entry\n'
        '\n'
        '        def pull(t):\n'
        '            """d target / d t: the sum, over every recorded use of t, of what that use hands back (None: no path)."""\n'
        '            if id(t) in adjoint:\n'
        '                return adjoint[id(t)]\n'
        '            total = Tensor(1.0) if t is target else None\n'
        '            for number, position in ([] if t is target else users.get(id(t), [])):\n'
        '                if number not in handed:\n'
        '                    g = pull(entries[number][2])\n'
        '                    handed[number] = None if g is None else entries[number][3](g)\n'
        '                if handed[number] is not None:\n'
        '                    part = handed[number][position]\n'
        '                    total = part if total is None else total + part\n'
        '            adjoint[id(t)] = total\n'
        '            return total\n'
        '\n'
        '        def answer(s):\n'
        '            return pull(s) if self._tracks(s) else None\n'
        '\n'
        '        if isinstance(sources, list):\n'
        '            return [answer(s) for s in sources]\n'
        '        return answer(sources)\n',
    ),
]
