"""Hostile submission: Sleeps for an hour in every call."""

import time


def fun_z(x, y):
    time.sleep(3600)


def fun_dz(x, y):
    time.sleep(3600)
