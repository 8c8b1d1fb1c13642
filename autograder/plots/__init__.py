"""`make plots`: the course's figures, drawn from code.

Every figure goes through three steps, kept apart so that each can be tested on its own:

1. *compute* (`figures.FIGURES[i].compute(source)`): ask a source for plain data. A source is the reference solution
   imported here (`sources.LocalSource`, trusted) or a submission running in the grading sandbox
   (`sources.SandboxSource`): student code never runs in this process, and only floats, float64 arrays and tuples
   come back, checked by `validate` before anything is drawn.
2. *draw* (`FIGURES[i].draw(data)`): build a matplotlib `Figure` from that data, and nothing else.
3. *save* (`style.save`): write a PNG whose bytes depend only on the figure (fixed dpi, no metadata).

`run.main` ties them together for `python -m autograder plots`: the reference figures into
`assignments/<folder>/figures/`, or a submission's own figures into a folder of the student's.
"""
