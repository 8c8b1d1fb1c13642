"""Hostile submission: An infinite loop at import time."""

import numpy as np

while True:
    pass
