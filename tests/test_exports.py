"""The reader of Gradescope's submission_metadata.yml: realistic exports, quoting, scripts, missing fields, errors.

Grading has no YAML library: exports.read_metadata reads the subset Gradescope (Ruby) writes, strictly. These tests
hold it to texts in Gradescope's shape, and, where the Otter environment (which has PyYAML) is built, to PyYAML's
reading of a few hundred random documents of that shape."""

from __future__ import annotations

import json
import random
import subprocess
import textwrap
from datetime import datetime, timezone

import pytest

from autograder import exports
from autograder.exports import Meta, MetadataError, Submitter, read_metadata
from autograder.packaging import otter
from autograder.text import inert


def _at(*parts) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


# As Gradescope writes it (Ruby's YAML): symbols as keys, SIDs quoted, a group, times with their zone, a score as
# BigDecimal, results with a block of output and their own lists, the history of earlier submissions.
GRADESCOPE = textwrap.dedent("""\
    ---
    submission_409194023:
      :submitters:
      - :name: First Last
        :sid: '123456789'
        :email: first@berkeley.edu
      :created_at: 2026-04-26 17:34:00.861687000 -07:00
      :score: !ruby/object:BigDecimal 18:0.2e1
      :status: processed
      :results:
        score: 2.0
        output: |-
          ==========================================
          Assignment: a01_gradients
          :submitters: this is output, not a key
          - :name: nor a submitter

          Final Score: 2.0
        tests:
        - name: 'a01_gradients: fun_z at one point'
          score: 1.0
          output: 'passed'
      :history:
      - :created_at: 2026-04-20 10:00:00.000000000 -07:00
        :score: 1.0
        :results: {}
    submission_500000001:
      :submitters:
      - :name: Alice A
        :sid: '111'
        :email: alice@berkeley.edu
      - :name: Bob B
        :sid: '222'
        :email: bob@berkeley.edu
      :created_at: 2026-04-25 09:00:00.000000000 Z
      :score: 10.0
    submission_600000002:
      :submitters:
      - :sid: 333
      :score: 0.0
    submission_700000003:
      :submitters: []
    """)


def test_a_gradescope_export_is_read_as_gradescope_wrote_it():
    assert read_metadata(GRADESCOPE) == {
        "submission_409194023": Meta((Submitter("First Last", "123456789", "first@berkeley.edu"),),
                                     _at(2026, 4, 27, 0, 34, 0, 861687)),
        "submission_500000001": Meta((Submitter("Alice A", "111", "alice@berkeley.edu"),
                                      Submitter("Bob B", "222", "bob@berkeley.edu")), _at(2026, 4, 25, 9)),
        "submission_600000002": Meta((Submitter(sid="333"),), None),   # no name, no email, no time
        "submission_700000003": Meta((), None),                         # no submitter at all
    }


@pytest.mark.parametrize("written, name", [
    ("José García", "José García"),                                  # as Ruby writes UTF-8: as it is
    ("李小龙", "李小龙"),
    ("Ольга Петрова", "Ольга Петрова"),
    ("محمد علي", "محمد علي"),
    ("Zoë 🦊 O'Neil", "Zoë 🦊 O'Neil"),
    ("'O''Brien: Pat'", "O'Brien: Pat"),                              # single quotes, '' inside
    ('"Jos\\u00E9 \\x41 \\"Pepe\\" back\\\\slash"', 'José A "Pepe" back\\slash'),  # double quotes, escapes
    ('"\\e[2J tab\\there"', "\x1b[2J tab\there"),                     # kept as written: shown inert later
    ("!binary |-\n      Sm9zw6kgR2FyY8OtYQ==", "José García"),          # Ruby's form for a string it took for bytes
    ("A name long enough that Ruby folds it\n      onto a second line", "A name long enough that Ruby folds it onto a second line"),
    ('"A quoted name long enough to fold \\\n      with an escaped break"', "A quoted name long enough to fold with an escaped break"),
    ("'A single-quoted name that\n      folds too'", "A single-quoted name that folds too"),
    ("|-\n      Two\n      lines", "Two\nlines"),
    ("Ann # a comment", "Ann"),
    ("&1 Anchored", "Anchored"),
])
def test_names_are_read_whatever_their_quoting_or_script(written, name):
    text = f"submission_1:\n  :submitters:\n  - :name: {written}\n    :sid: '7'\n  :created_at: 2026-01-02 03:04:05 Z\n"
    meta = read_metadata(text)["submission_1"]
    assert meta == Meta((Submitter(name, "7"),), _at(2026, 1, 2, 3, 4, 5))


def test_anchors_and_aliases_are_followed():
    text = textwrap.dedent("""\
        submission_1:
          :submitters:
          - &1
            :name: Ada
            :email: &2 ada@uni.edu
          :created_at: 2026-01-01 00:00:00 Z
        submission_2:
          :submitters:
          - *1
          - :name: Also Ada
            :email: *2
        """)
    got = read_metadata(text)
    assert got["submission_2"].submitters == (Submitter("Ada", "", "ada@uni.edu"), Submitter("Also Ada", "", "ada@uni.edu"))


@pytest.mark.parametrize("written, moment", [
    ("2026-02-03 10:00:00.123456789 -08:00", _at(2026, 2, 3, 18, 0, 0, 123456)),
    ("2026-02-03 10:00:00 +05:30", _at(2026, 2, 3, 4, 30)),
    ("2026-02-03T10:00:00Z", _at(2026, 2, 3, 10)),
    ("2026-02-03 10:00:00", _at(2026, 2, 3, 10)),                    # no zone: UTC
    ("2026-02-03", _at(2026, 2, 3)),
    ("'2026-02-03 10:00:00 -0800'", _at(2026, 2, 3, 18)),
    ("!ruby/object:ActiveSupport::TimeWithZone\n    utc: 2026-02-03 18:00:00.000000000 Z\n"
     "    zone: !ruby/object:ActiveSupport::TimeZone\n      name: America/Los_Angeles\n"
     "    time: 2026-02-03 10:00:00.000000000 Z", _at(2026, 2, 3, 18)),
    ("", None),
    ("~", None),
])
def test_created_at_is_read_in_each_form_ruby_writes(written, moment):
    text = f"submission_1:\n  :submitters:\n  - :email: a@b.c\n  :created_at: {written}\n  :score: 1.0\n"
    assert read_metadata(text)["submission_1"].created_at == moment


def test_a_file_saved_on_windows_reads_the_same():
    assert read_metadata("\ufeff" + GRADESCOPE.replace("\n", "\r\n")) == read_metadata(GRADESCOPE)


@pytest.mark.parametrize("text", ["", "---\n", "--- {}\n", "{}\n", "# nothing\n"])
def test_an_export_of_no_submission_reads_as_empty(text):
    assert read_metadata(text) == {}


@pytest.mark.parametrize("text, line, what", [
    ("foo:\n  :x: 1\n", 1, "expected a line 'submission_<id>:'"),
    ("submission_1:\n  :submitters:\n  - :name: 'Ada\n", 3, "a value in ' that is never closed"),
    ("submission_1:\n  :created_at: last tuesday\n", 2, ":created_at: 'last tuesday' is not a time"),
    ("submission_1:\n  :created_at: 2026-02-30 10:00:00 Z\n", 2, ":created_at: '2026-02-30 10:00:00 Z' is not a time"),
    ("submission_1:\n  :submitters: Ada\n", 2, ":submitters: should be a list"),
    ("submission_1:\n  :submitters:\n  - :name: *nowhere\n", 3, "*nowhere refers to an anchor"),
    ("submission_1:\n    :a: 1\n  :b: 2\n", 3, "indented less than the lines of its submission"),
    ("submission_1:\n\t:submitters: []\n", 2, "indented where a line 'submission_<id>:' was due"),
    ("submission_1:\n  :submitters: []\nsubmission_1:\n", 3, "submission_1 appears twice"),
    ("submission_1:\n  :submitters:\n  - :name: [Ada]\n", 3, "a list or mapping where text was due"),
    ('submission_1:\n  :submitters:\n  - :name: "\\q"\n', 3, "an escape \\q that YAML does not have"),
    ("submission_1:\n  :submitters:\n  - :name: !binary |-\n      %%%\n", 3, "a !binary value that is not base64"),
    ("submission_1:\n  - :name: Ada\n", 2, "a line that belongs to no key of its submission"),
    ("submission_1:\n  :submitters:\n  - :name: Ada\n      :sid: '1'\n", 4, "a key indented unlike the other keys"),
    ("submission_1:\n  :submitters:\n  - :name: Ada\n   :sid: '1'\n", 4, "indented unlike the other keys of its submitter"),
])
def test_metadata_that_is_not_gradescopes_is_refused_with_its_line(text, line, what):
    with pytest.raises(MetadataError) as caught:
        read_metadata(text)
    assert str(caught.value).startswith(f"submission_metadata.yml line {line}: {what}"), str(caught.value)


def test_bytes_that_are_not_utf8_are_kept_to_be_shown_inert(tmp_path):
    path = tmp_path / exports.METADATA
    path.write_bytes(b"submission_1:\n  :submitters:\n  - :name: Jos\xe9\n    :email: jose@uni.edu\n")
    person = exports.read_metadata_file(path)["submission_1"].submitters[0]
    assert inert(person.name) == "Jos\\xe9" and person.email == "jose@uni.edu"


# --------------------------------------------------------------------------- against a full YAML parser

_OTTER_PYTHON = otter.OTTER_VENV / "bin" / "python"
_ALPHABET = list("abcXYZ  '\"\\:#&*!-?,[]{}|>%@`~é李😀\t") + ["\n", "\x1b", " #", ": ", "- "]

# Runs in the Otter environment: dumps each document with PyYAML (narrow widths, so that values fold), loads it
# back with PyYAML, and prints both.
_DUMP = """
import json, sys, yaml
docs = json.load(sys.stdin)
out = []
for doc, width in docs:
    text = yaml.dump(doc, allow_unicode=width % 2 == 0, default_flow_style=False, width=width)
    out.append([text, yaml.safe_load(text) or {}])
json.dump(out, sys.stdout, default=str)
"""


def _random_documents(seed: int, count: int) -> list:
    rnd = random.Random(seed)

    def text():
        return "".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 25)))

    docs = []
    for _ in range(count):
        doc = {}
        for _ in range(rnd.randint(0, 4)):
            people = []
            for _ in range(rnd.randint(0, 3)):
                person = {key: (text() if rnd.random() < 0.8 else str(rnd.randint(0, 10**9)))
                          for key in (":name", ":sid", ":email") if rnd.random() < 0.85}
                if rnd.random() < 0.2:
                    person[":role"] = {"x": [text(), text()]}
                people.append(person)
            entry = {":submitters": people, ":score": rnd.random(),
                     ":results": {"output": text() + "\n" + text(), "tests": [{"name": text(), "output": text()}]}}
            if rnd.random() < 0.8:
                entry[":created_at"] = (f"2026-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d} "
                                        f"{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}."
                                        f"{rnd.randint(0, 999999):06d}" + rnd.choice([" Z", " -07:00", " +05:30", ""]))
            if rnd.random() < 0.3:
                entry[":history"] = [{":created_at": "2026-01-01 00:00:00 Z", ":results": {"output": text()}}]
            doc[f"submission_{rnd.randint(1, 10**7)}"] = entry
        docs.append([doc, rnd.choice([20, 40, 80, 1000])])
    return docs


@pytest.mark.skipif(not _OTTER_PYTHON.exists(), reason="no .otter-venv (which has PyYAML): `make test` builds it")
def test_the_reader_agrees_with_pyyaml_on_random_documents_of_gradescopes_shape():
    docs = _random_documents(seed=17, count=400)
    proc = subprocess.run([str(_OTTER_PYTHON), "-c", _DUMP], input=json.dumps(docs), capture_output=True, text=True,
                          timeout=300, check=True)
    for text, loaded in json.loads(proc.stdout):
        got = read_metadata(text)
        assert set(got) == set(loaded), text
        for key, entry in loaded.items():
            people = tuple(Submitter(*(("" if person.get(k) is None else str(person[k])).strip()
                                       for k in (":name", ":sid", ":email")))
                           for person in entry.get(":submitters") or [])
            stamp = entry.get(":created_at")
            assert got[key] == Meta(people, exports.parse_time(stamp) if stamp else None), text
