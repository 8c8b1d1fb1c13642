"""Hostile submission: Returns float and tuple subclasses that claim to equal anything."""

class Liar(float):
    def __eq__(self, other):
        return True

    __ne__ = lambda self, other: False
    __hash__ = float.__hash__

    def __sub__(self, other):
        return Liar(0.0)

    __rsub__ = __sub__

    def __abs__(self):
        return Liar(0.0)

    def __float__(self):
        return 0.9092974268

    def __lt__(self, other):
        return True

    __le__ = __lt__


class LiarTuple(tuple):
    def __eq__(self, other):
        return True

    def __len__(self):
        return 2


def fun_z(x, y):
    return Liar(123.0)


def fun_dz(x, y):
    return LiarTuple((Liar(1.0), Liar(2.0)))
