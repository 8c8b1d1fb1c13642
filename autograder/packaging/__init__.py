"""Instructor tooling that turns this repository into what it ships: Otter-Grader zips, a student bundle, a release.

Never shipped to students (catalogue.LAYOUT); the student bundle's command line checks for this package.
"""
