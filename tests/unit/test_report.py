"""The class report, checked by hand on a small class.

Four students took drill S1 of a three-question bank:

    student  q1 (history)     q2 (history)          q3 (geo)                 points
    Ann      correct 4 s      "Paris" wrong 10 s    correct 6 s              2/3 66.7%
    Ben      "1990" wrong 8 s "paris " wrong 12 s   partial 0.5 "a, b" 20 s  0.5/3 16.7%
    Cy       correct 2 s      timeout 30 s          correct 4 s              2/3 66.7%
    Dee      correct 6 s      correct 5 s           skipped                  2/3 66.7%

    q1: 3/4 = 75% correct, median time of answers (2, 4, 6, 8) = 5 s, wrong: "1990" (1)
    q2: 1/4 = 25% correct, median of (5, 10, 12) = 10 s, wrong: "Paris" (2, case ignored)
    q3: 2/4 = 50% correct, median of (4, 6, 20) = 6 s, wrong: "a, b" (1)
    history: (1+0+1+1 + 0+0+0+1) / 8 = 50%; geo: (1 + 0.5 + 1 + 0) / 4 = 62.5%
    class: mean of 66.7, 16.7, 66.7, 66.7 = 54.2%, median 66.7%

Besides: Eve took drill S2 (another seed), Fay took S1 on an edited bank, Ann has an
older attempt, and the folder holds a foreign JSON file and a damaged one.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.bank.model import Bank, Question, QuestionType
from quiz.classroom.document import ResultsError
from quiz.classroom.drill import fingerprint
from quiz.classroom.report import build_report, display_answer
from quiz.classroom.results import make_document, write_results
from quiz.main import main
from quiz.study.options import SessionOptions

SOURCE = "The CSTO was founded in 2002 & grew <slowly>."
BANK = Bank(
    id="csto",
    title="The <CSTO> & friends",
    questions=(
        Question("q1", QuestionType.NUMERIC, "Founded in?", 2002.0, topic="history"),
        Question("q2", QuestionType.SHORT_ANSWER, "Where is the <b>seat</b>?", "Moscow",
                 topic="history"),
        Question("q3", QuestionType.MULTIPLE_SELECT, "Which are members?", ("a", "c"),
                 choices=("a", "b", "c"), topic="geo"),
    ),
)  # fmt: skip
S1 = SessionOptions(mode="drill", seed="S1", count=3, time_per_question=30)
S2 = SessionOptions(mode="drill", seed="S2", count=3, time_per_question=30)
EXPECTED = {"q1": "2002", "q2": "Moscow", "q3": "a, c"}
T0 = datetime(2025, 3, 4, 9, 0, tzinfo=UTC)

# (verdict, score, given, seconds) per question
CLASS = {
    "Ann": [("correct", 1, 2002, 4), ("incorrect", 0, "Paris", 10), ("correct", 1, ["a", "c"], 6)],
    "Ben": [
        ("incorrect", 0, "1990", 8),
        ("incorrect", 0, "paris ", 12),
        ("partial", 0.5, ["a", "b"], 20),
    ],
    "<script>Cy</script>": [
        ("correct", 1, "2002", 2),
        ("timeout", 0, None, 30),
        ("correct", 1, ["a", "c"], 4),
    ],
    "Dee": [("correct", 1, "2002", 6), ("correct", 1, "Moscow", 5), ("skipped", 0, None, None)],
}


def doc_for(student, answers, *, bank=BANK, options=S1, minutes=10):
    entries = [
        {
            "number": n,
            "question_id": q.id,
            "topic": q.topic,
            "prompt": q.prompt,
            "given": given,
            "verdict": verdict,
            "score": score,
            "seconds": seconds,
            "expected": EXPECTED[q.id],
            "source": SOURCE if q.id != "q1" else "",
        }
        for n, (q, (verdict, score, given, seconds)) in enumerate(
            zip(bank.questions, answers, strict=True), start=1
        )
    ]
    return make_document(
        student, [bank], options, entries, started_at=T0,
        finished_at=T0 + timedelta(minutes=minutes),
    )  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "results"
    for student, answers in CLASS.items():
        write_results(doc_for(student, answers), out)
    write_results(doc_for("Ann", [("incorrect", 0, "1", 3)] * 3, minutes=1), out)  # older try
    write_results(doc_for("Eve", CLASS["Dee"], options=S2), out)
    edited = replace(
        BANK, questions=(replace(BANK.questions[0], prompt="Year?"), *BANK.questions[1:])
    )
    write_results(doc_for("Fay", CLASS["Dee"], bank=edited), out)
    (out / "package.json").write_text('{"name": "x", "version": "1.0"}', encoding="utf-8")
    (out / "broken.json").write_text('{"format": "quiz-results", "vers', encoding="utf-8")
    (out / "notes.txt").write_text("not looked at", encoding="utf-8")
    return out


def run_report(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["report", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_numbers_match_the_hand_count() -> None:
    docs = [(name, doc_for(name, answers)) for name, answers in CLASS.items()]
    report = build_report(docs)
    assert report is not None
    assert [(s.student, s.points, s.percent) for s in report.students] == [
        ("<script>Cy</script>", 2, 66.7),
        ("Ann", 2, 66.7),
        ("Ben", 0.5, 16.7),
        ("Dee", 2, 66.7),
    ]
    assert (report.average_percent, report.median_percent) == (54.2, 66.7)
    stats = {q.question_id: q for q in report.questions}
    assert [(q.percent_correct, q.correct, q.students) for q in stats.values()] == [
        (75.0, 3, 4),
        (25.0, 1, 4),
        (50.0, 2, 4),
    ]
    assert [stats[q].median_seconds for q in ("q1", "q2", "q3")] == [5.0, 10.0, 6.0]
    assert [stats[q].expected for q in ("q1", "q2", "q3")] == ["2002", "Moscow", "a, c"]
    assert (report.bank_id, report.bank_title) == ("csto", "The <CSTO> & friends")
    assert [(stats[q].common_wrong, stats[q].common_wrong_count) for q in ("q1", "q2", "q3")] == [
        ("1990", 1),
        ("Paris", 2),
        ("a, b", 1),
    ]
    assert [q.question_id for q in report.most_missed] == ["q2", "q3", "q1"]
    assert report.most_missed[0].source == SOURCE
    assert [(t.topic, t.questions, t.average_percent) for t in report.topics] == [
        ("history", 2, 50.0),
        ("geo", 1, 62.5),
    ]


def test_other_drills_are_left_out_with_the_reason(folder: Path) -> None:
    from quiz.cli.report_cmd import collect

    documents, skipped = collect([str(folder)])
    report = build_report(documents, skipped=skipped)
    assert report.fingerprint == fingerprint([BANK], S1)
    assert sorted(s.student for s in report.students) == sorted(CLASS)
    assert report.students[1].points == 2  # Ann's latest attempt, not the older one
    reasons = {x.student: x.reason for x in report.left_out}
    assert "seed 'S2', not 'S1'" in reasons["Eve"]
    assert "different content" in reasons["Fay"]
    assert reasons["Ann"] == "an older attempt by the same student"
    assert {Path(s.name).name: s.reason for s in report.skipped} == {
        "broken.json": "damaged results file (not valid JSON: Unterminated string starting at)",
        "package.json": "not a quiz results file",
    }


def test_a_fingerprint_can_be_chosen() -> None:
    docs = [(n, doc_for(n, a)) for n, a in CLASS.items()]
    docs.append(("eve.json", doc_for("Eve", CLASS["Dee"], options=S2)))
    report = build_report(docs, fingerprint=fingerprint([BANK], S2).lower())
    assert [s.student for s in report.students] == ["Eve"]
    assert len(report.left_out) == 4
    assert build_report(docs, fingerprint="NOPE-0000") is None


def test_table_report(folder: Path, capsys) -> None:
    code, out, err = run_report(capsys, str(folder))
    assert code == 0
    assert f"Drill {fingerprint([BANK], S1)}, 3 questions, 30 s per question" in out
    assert "4 students, average 54.2%, median 66.7%" in out
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.startswith("Ben ")}
    assert rows["Ben"][1:4] == ["0.5", "3", "16.7%"]
    missed = out.split("Questions, most missed first")[1].split("To re-teach")[0]
    assert [int(line.split()[0]) for line in missed.splitlines()[3:6]] == [2, 3, 1]
    assert "25% (1/4)" in missed and "Paris (2)" in missed and "10 s" in missed
    assert "Passage: The CSTO was founded in 2002 & grew <slowly>." in out
    assert re.search(r"history\s+2\s+50%", out) and re.search(r"geo\s+1\s+62.5%", out)
    assert "skipped" in err and "package.json: not a quiz results file" in err
    assert "broken.json: damaged results file" in err
    assert "left out" in err and "(Eve)" in err and "(Fay)" in err


def test_csv_report_has_a_row_per_student_and_question(folder: Path, capsys) -> None:
    code, out, _ = run_report(capsys, str(folder), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 4 * 3
    ben = [r for r in rows if r["student"] == "Ben"]
    assert [(r["verdict"], r["score"], r["given"], r["seconds"]) for r in ben] == [
        ("incorrect", "0", "1990", "8"),
        ("incorrect", "0", "paris ", "12"),
        ("partial", "0.5", "a, b", "20"),
    ]
    assert {r["fingerprint"] for r in rows} == {fingerprint([BANK], S1)}


def test_html_report_is_self_contained_and_escaped(folder: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "report.html"
    code, out, _ = run_report(capsys, str(folder), "--format", "html", "--output", str(target))
    assert code == 0 and out == f"Wrote the html report of 4 students to {target}\n"
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and "@media print" in page
    for external in ("http:", "https:", "<link", "src=", "<script", "url("):
        assert external not in page
    assert "&lt;script&gt;Cy&lt;/script&gt;" in page
    assert "Where is the &lt;b&gt;seat&lt;/b&gt;?" in page
    assert "The &lt;CSTO&gt; &amp; friends" in page
    assert "grew &lt;slowly&gt;" in page
    assert "66.7%" in page and "54.2%" in page


def test_named_files_and_the_no_usable_file_case(folder: Path, tmp_path: Path, capsys) -> None:
    ben = next(p for p in folder.glob("Ben_*.json"))
    code, out, _ = run_report(capsys, str(ben), str(ben))
    assert code == 0 and "1 student, average 16.7%" in out

    code, out, err = run_report(
        capsys, str(folder / "package.json"), str(folder / "broken.json"), str(tmp_path / "gone")
    )
    assert code == 1 and out == ""
    assert "gone: no such file or folder" in err
    assert err.strip().splitlines()[-1] == "quiz report: no results files to report on"


def test_the_teacher_can_pick_the_drill_on_the_command_line(folder: Path, capsys) -> None:
    eve = fingerprint([BANK], S2)
    code, out, err = run_report(capsys, str(folder), "--fingerprint", eve)
    assert code == 0 and f"Drill {eve}," in out and "1 student," in out
    assert "(Ben)" in err  # now Ben's drill is the one left out
    code, out, err = run_report(capsys, str(folder), "--fingerprint", "XXXX-0000")
    assert code == 1 and "no results files with fingerprint XXXX-0000" in err


def test_the_drill_line_counts_questions_nobody_reached(capsys, tmp_path: Path) -> None:
    answered = doc_for("Ann", CLASS["Ann"])["questions"][:2]  # input ended after question 2
    stopped = make_document("Ann", [BANK], S1, answered, started_at=T0, finished_at=T0, possible=3)
    write_results(stopped, tmp_path)
    code, out, _ = run_report(capsys, str(tmp_path))
    assert code == 0 and f"Drill {fingerprint([BANK], S1)}, 3 questions," in out


def test_every_students_columns() -> None:
    docs = [(f"{name}.json", doc_for(name, answers)) for name, answers in CLASS.items()]
    docs[3][1]["totals"]["bonus"] = 0.25  # Dee answered fast
    report = build_report(docs)
    assert report is not None
    assert [
        (s.student, s.points, s.possible, s.percent, s.answered, s.timeouts, s.skipped, s.bonus)
        for s in report.students
    ] == [
        ("<script>Cy</script>", 2, 3, 66.7, 2, 1, 0, 0),
        ("Ann", 2, 3, 66.7, 3, 0, 0, 0),
        ("Ben", 0.5, 3, 16.7, 3, 0, 0, 0),
        ("Dee", 2, 3, 66.7, 2, 0, 1, 0.25),
    ]
    assert [s.name for s in report.students] == [
        "<script>Cy</script>.json",
        "Ann.json",
        "Ben.json",
        "Dee.json",
    ]


def test_the_latest_attempt_is_the_last_finished_not_the_last_named() -> None:
    # "a-second.json" sorts first by name but was finished last.
    first = doc_for("Ann", [("incorrect", 0, "1", 3)] * 3, minutes=5)
    second = doc_for("Ann", CLASS["Ann"], minutes=20)
    for docs in ([("z-first.json", first), ("a-second.json", second)],
                 [("a-second.json", second), ("z-first.json", first)]):  # fmt: skip
        report = build_report(docs)
        assert report is not None
        assert [(s.name, s.points) for s in report.students] == [("a-second.json", 2)]
        assert [(x.name, x.reason) for x in report.left_out] == [
            ("z-first.json", "an older attempt by the same student")
        ]
        assert set(report.answers) == {"a-second.json"}


def test_a_students_name_is_matched_without_case_or_extra_spaces() -> None:
    docs = [
        ("1.json", doc_for("ann  lee", CLASS["Ben"], minutes=5)),
        ("2.json", doc_for(" Ann Lee", CLASS["Ann"], minutes=9)),
    ]
    report = build_report(docs)
    assert report is not None
    assert [(s.student, s.name) for s in report.students] == [(" Ann Lee", "2.json")]


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        (True, "True"),
        (False, "False"),
        (None, ""),
        (2002, "2002"),
        (2.5, "2.5"),
        (2002.0, "2002"),
        (["a", "b"], "a, b"),
        ([True, False], "True, False"),
        ({"A": "1", "B": "2"}, "A → 1; B → 2"),
        ({"A": False}, "A → False"),
        ("  Paris ", "  Paris "),
    ],
)
def test_answers_are_shown_as_a_teacher_reads_them(given: object, shown: str) -> None:
    assert display_answer(given) == shown


def test_true_false_wrong_answers_are_told_apart() -> None:
    tf = Bank(
        id="tf",
        title="TF",
        questions=(Question("q1", QuestionType.TRUE_FALSE, "Founded in 2002?", True),),
    )
    docs = [
        (f"{n}.json", doc_for(n, [(verdict, 0, given, 3)], bank=tf))
        for n, verdict, given in [
            ("Ann", "incorrect", False),
            ("Ben", "incorrect", False),
            ("Cy", "correct", True),
            ("Dee", "skipped", None),
            ("Eve", "incorrect", None),
            ("Fay", "timeout", None),
        ]
    ]
    report = build_report(docs)
    assert report is not None
    (stats,) = report.questions
    assert (stats.common_wrong, stats.common_wrong_count) == ("False", 2)
    assert (stats.students, stats.correct, stats.median_seconds) == (6, 1, 3.0)


def test_a_missing_answer_is_never_the_most_common_wrong_one() -> None:
    answers = [
        ("Ann", ("incorrect", 0, None, 3)),
        ("Ben", ("incorrect", 0, "   ", 3)),
        ("Cy", ("incorrect", 0, None, 3)),
        ("Dee", ("incorrect", 0, "1990", 3)),
    ]
    docs = [
        (
            f"{n}.json",
            doc_for(n, [entry, ("correct", 1, "Moscow", 2), ("correct", 1, ["a", "c"], 2)]),
        )
        for n, entry in answers
    ]
    report = build_report(docs)
    assert report is not None
    assert (report.questions[0].common_wrong, report.questions[0].common_wrong_count) == ("1990", 1)
    assert (report.questions[1].common_wrong, report.questions[1].common_wrong_count) == (None, 0)


def test_what_is_left_out_names_the_file_student_drill_and_reason() -> None:
    s3 = SessionOptions(mode="drill", seed="S3", count=2, time_per_question=30)
    edited = replace(
        BANK, questions=(replace(BANK.questions[0], prompt="Year?"), *BANK.questions[1:])
    )
    docs = [
        ("ann.json", doc_for("Ann", CLASS["Ann"])),
        ("ben.json", doc_for("Ben", CLASS["Ben"])),
        ("old.json", doc_for("Ann", CLASS["Ben"], minutes=1)),
        ("eve.json", doc_for("Eve", CLASS["Dee"], options=s3)),
        ("fay.json", doc_for("Fay", CLASS["Dee"], bank=edited)),
    ]
    report = build_report(docs)
    assert report is not None
    ours = fingerprint([BANK], S1)
    assert [(x.name, x.student, x.fingerprint, x.reason) for x in report.left_out] == [
        (
            "eve.json",
            "Eve",
            fingerprint([BANK], s3),
            f"fingerprint {fingerprint([BANK], s3)}, not {ours}: another drill's settings "
            "(count 2, not 3; seed 'S3', not 'S1')",
        ),
        (
            "fay.json",
            "Fay",
            fingerprint([edited], S1),
            f"fingerprint {fingerprint([edited], S1)}, not {ours}: another version of the bank "
            "(same settings, different content)",
        ),
        ("old.json", "Ann", ours, "an older attempt by the same student"),
    ]


def test_a_setting_one_file_lacks_reads_as_its_default() -> None:
    older = doc_for("Eve", CLASS["Dee"])
    older["settings"].pop("speed_bonus")  # files from before the setting existed
    older["fingerprint"] = "ZZZZ-0000"
    report = build_report([("ann.json", doc_for("Ann", CLASS["Ann"])), ("eve.json", older)])
    assert report is not None
    assert report.left_out[0].reason.endswith(
        ": another version of the bank (same settings, different content)"
    )


def test_question_numbers_are_rounded_to_one_decimal() -> None:
    answers = [
        ("Ann", [("correct", 1, 2002, 1.26), ("correct", 1, "Moscow", 2), ("correct", 1, [], 2)]),
        (
            "Ben",
            [("incorrect", 0, "Minsk", 1), ("incorrect", 0, "Minsk", 2), ("correct", 1, [], 2)],
        ),
        ("Cy", [("incorrect", 0, "1999", 1), ("incorrect", 0, "Paris", 2), ("correct", 1, [], 2)]),
    ]
    report = build_report([(f"{n}.json", doc_for(n, a)) for n, a in answers])
    assert report is not None
    q1, q2, _ = report.questions
    assert (q1.topic, q1.percent_correct, q1.median_seconds) == ("history", 33.3, 1.0)
    assert (q2.common_wrong, q2.common_wrong_count) == ("Minsk", 1)
    assert [(t.topic, t.average_percent) for t in report.topics] == [
        ("history", 33.3),  # 2 of 6
        ("geo", 100.0),
    ]
    times = [("Ann", 1.26), ("Ben", 1.0)]
    docs = [(n, doc_for(n, [("correct", 1, 2002, s), *answers[0][1][1:]])) for n, s in times]
    assert build_report(docs).questions[0].median_seconds == 1.1  # 1.13


def test_the_most_common_wrong_answer_is_the_most_common_not_the_first() -> None:
    wrong = ["Minsk", "Paris", "paris ", "Riga"]
    rest = [("correct", 1, 2002, 2), ("correct", 1, ["a", "c"], 2)]
    docs = [
        (f"{i}.json", doc_for(f"S{i}", [rest[0], ("incorrect", 0, w, 2), rest[1]]))
        for i, w in enumerate(wrong)
    ]
    report = build_report(docs)
    assert report is not None
    assert (report.questions[1].common_wrong, report.questions[1].common_wrong_count) == (
        "Paris",
        2,
    )
    third = ("partial", 1 / 3, ["a"], 2)
    docs = [(f"{n}.json", doc_for(n, [rest[0], ("correct", 1, "Moscow", 2), third])) for n in "AB"]
    assert build_report(docs).topics[1].average_percent == 33.3  # geo: 1/3 twice


def test_an_ordering_answer_is_joined_with_arrows() -> None:
    from quiz.classroom.document import QuestionEntry
    from quiz.classroom.report import entry_answer
    from quiz.grading.verdicts import Verdict

    def entry(given: object, expected: str) -> QuestionEntry:
        return QuestionEntry(1, "q", "t", "Order?", given, Verdict.PARTIAL, 0.5, 1.0, expected, "")

    ordering = entry(["Signed, sealed", "ratified"], "1. ratified; 2. Signed, sealed")
    assert entry_answer(ordering) == "Signed, sealed → ratified"
    assert entry_answer(entry(["a", "b"], "a, b")) == "a, b"  # a multiple select


def test_an_unsound_document_is_refused_with_its_files_name() -> None:
    damaged = doc_for("Ann", CLASS["Ann"])
    damaged["questions"][0]["score"] = 2
    with pytest.raises(ResultsError) as caught:
        build_report([("ben.json", doc_for("Ben", CLASS["Ben"])), ("ann.json", damaged)])
    assert str(caught.value) == (
        "ann.json: damaged results file (question 1: 'score' missing or wrong)"
    )


def test_files_of_one_fingerprint_but_other_settings_are_not_merged() -> None:
    edited = doc_for("Cy", CLASS["<script>Cy</script>"])
    edited["settings"]["count"] = 4  # edited by hand: the fingerprint no longer matches
    docs = [
        ("cy.json", edited),
        ("ann.json", doc_for("Ann", CLASS["Ann"])),
        ("ben.json", doc_for("Ben", CLASS["Ben"])),
    ]
    ours = fingerprint([BANK], S1)
    for chosen in (None, ours):
        report = build_report(docs, fingerprint=chosen)
        assert report is not None
        assert [s.student for s in report.students] == ["Ann", "Ben"]
        assert [(x.name, x.reason) for x in report.left_out] == [
            (
                "cy.json",
                f"fingerprint {ours}, not {ours}: another drill's settings (count 4, not 3)",
            )
        ]
