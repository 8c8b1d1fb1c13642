"""Hostile submission: conftest.py, numpy.py, sitecustomize.py, pytest.ini and a .pth beside a stub."""


def fun_z(x, y):
    raise NotImplementedError


def fun_dz(x, y):
    raise NotImplementedError
