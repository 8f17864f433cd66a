"""Load question banks: read, parse, validate every rule, and say precisely what is wrong.

`load_bank` raises `BankError` with every problem of the file at once, each located
`path:line:col` with the question id and what to do about it. See docs/bank-format.md.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from quiz.bank import cache
from quiz.bank.files import MAX_BANK_BYTES, FileRefused, read_regular, read_source
from quiz.bank.model import Bank, Question, QuestionType, SourceDocument
from quiz.bank.quotes import closest_passage, missing_part, normalise_for_quote
from quiz.bank.yamltree import Map, Scalar, Seq, Value, decode
from quiz.common.errors import BankError, Problem, UsageError
from quiz.common.textnorm import normalize

BANK_SUFFIXES = (".yaml", ".yml")
TOP_FIELDS = ("id", "title", "description", "source", "questions")
SOURCE_FIELDS = ("title", "file")
COMMON_FIELDS = (
    "id",
    "type",
    "prompt",
    "answer",
    "explanation",
    "source",
    "topic",
    "difficulty",
    "tags",
    "note",
    "typos",
)
TYPE_FIELDS: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.MULTIPLE_CHOICE: ("choices",),
    QuestionType.MULTIPLE_SELECT: ("choices",),
    QuestionType.TRUE_FALSE: (),
    QuestionType.SHORT_ANSWER: ("accept",),
    QuestionType.NUMERIC: ("tolerance", "unit"),
    QuestionType.ORDERING: (),
    QuestionType.MATCHING: (),
}
QUESTION_FIELDS = (*COMMON_FIELDS, "choices", "accept", "tolerance", "unit")
TYPES = tuple(t.value for t in QuestionType)
MIN_ITEMS, MAX_ITEMS = 2, 9

_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*\Z")
_NUMBER = re.compile(r"[-+]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][-+]?\d+)?\Z")
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_YAML11_BOOLS = frozenset({"yes", "no", "on", "off", "y", "n"})


def load_bank(path: Path, *, use_cache: bool = True) -> Bank:
    """Load and validate one bank file; raises BankError with every problem found."""
    path = Path(path)
    data = _read_bank(path)
    if use_cache:
        cached = cache.lookup(path, data)
        if cached is not None:
            return cached
    with _gc_paused():
        bank, source_bytes, problems = _BankReader(path).read(data)
    if problems or bank is None:
        raise BankError(sorted(problems, key=lambda p: (p.line, p.column)))
    if use_cache:
        cache.store(bank, data, source_bytes)
    return bank


def load_banks(paths: Sequence[Path], *, use_cache: bool = True) -> list[Bank]:
    """Load files and folders (a folder: its *.yaml/*.yml, sorted); bank ids must be unique.

    Raises UsageError for a path that does not exist and BankError with the
    problems of all files together.
    """
    banks: list[Bank] = []
    problems: list[Problem] = []
    first_file: dict[str, Path] = {}
    for file in bank_files(paths):
        try:
            bank = load_bank(file, use_cache=use_cache)
        except BankError as exc:
            problems.extend(exc.problems)
            continue
        if bank.id in first_file:
            message = (
                f"bank id '{bank.id}' is already used by {first_file[bank.id]}; "
                "give each bank its own id"
            )
            problems.append(Problem(file, 0, 0, message))
            continue
        first_file[bank.id] = file
        banks.append(bank)
    if problems:
        raise BankError(problems)
    return banks


def bank_files(paths: Sequence[Path]) -> list[Path]:
    """The bank files named by `paths`, folders expanded, each file once."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in BANK_SUFFIXES and p.is_file())
            if not found:
                raise UsageError(f"quiz: no .yaml or .yml bank files in folder {path}")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise UsageError(f"quiz: no such file or folder: {path}")
    unique: dict[Path, Path] = {}
    for file in files:
        unique.setdefault(file.resolve(), file)
    return list(unique.values())


def _read_bank(path: Path) -> bytes:
    try:
        return read_regular(path, MAX_BANK_BYTES, "bank file")
    except FileRefused as exc:
        raise BankError([Problem(path, 0, 0, f"cannot read this file: {exc}")]) from None
    except FileNotFoundError:
        raise UsageError(f"quiz: no such file: {path}") from None
    except IsADirectoryError:
        raise UsageError(f"quiz: {path} is a folder; name a bank file") from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise BankError([Problem(path, 0, 0, f"cannot read this file: {reason}")]) from None


@contextmanager
def _gc_paused() -> Iterator[None]:
    # A large bank allocates hundreds of thousands of small objects and none of them
    # form cycles; collecting during the load only costs time.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _kind(value: Value) -> str:
    if isinstance(value, Seq):
        return "a list"
    if isinstance(value, Map):
        return "a mapping"
    return "empty" if value.is_null else f"'{value.value}'"


def _suggest(name: str, allowed: Sequence[str]) -> str:
    match = get_close_matches(name, allowed, n=1, cutoff=0.6)
    if match:
        return f"did you mean '{match[0]}'?"
    return "allowed: " + ", ".join(allowed)


def _slug_hint(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return f" (e.g. '{slug}')" if slug else ""


class _BankReader:
    """Validates one bank file, collecting every problem instead of stopping at the first."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.qid: str | None = None  # the question being read, named in its problems

    def problem(self, at: Value | None, message: str) -> None:
        line, col = (at.line, at.col) if at is not None else (0, 0)
        self.problems.append(Problem(self.path, line, col, message, self.qid))

    def read(self, data: bytes) -> tuple[Bank | None, bytes | None, list[Problem]]:
        text, bad_bytes = decode(data, self.path)
        if text is None:
            assert bad_bytes is not None
            return None, None, [bad_bytes]
        from quiz.bank import yamlnodes  # PyYAML only when the cache cannot answer

        root, self.problems = yamlnodes.parse(text, self.path)
        if root is None:
            if not self.problems:
                self.problem(None, "the bank is empty; see docs/bank-format.md for an example")
            return None, None, self.problems
        if not isinstance(root, Map):
            self.problem(
                root, f"the top level must be a mapping (id, title, questions), not {_kind(root)}"
            )
            return None, None, self.problems
        return self._bank(root)

    # -- the bank --------------------------------------------------------------------------

    def _bank(self, root: Map) -> tuple[Bank | None, bytes | None, list[Problem]]:
        self._unknown_fields(root, TOP_FIELDS)
        values = root.values
        bank_id = self._slug(root, "id", "bank id")
        title = self._text(root, "title", required=True)
        description = self._text(root, "description")
        source, source_bytes = self._source(values.get("source"))
        questions = self._questions(root, source)
        bank = Bank(
            id=bank_id,
            title=title,
            questions=tuple(questions),
            description=description,
            source=source,
            path=self.path,
        )
        return bank, source_bytes, self.problems

    def _source(self, node: Value | None) -> tuple[SourceDocument | None, bytes | None]:
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None, None
        if not isinstance(node, Map):
            self.problem(
                node, f"'source' must be a mapping with 'title' and 'file', not {_kind(node)}"
            )
            return None, None
        self._unknown_fields(node, SOURCE_FIELDS)
        title = self._text(node, "title", required=True, where="source")
        file = self._text(node, "file", required=True, where="source")
        if not file:
            return None, None
        at = node.values["file"]
        try:
            doc_path, raw = read_source(self.path, file)
        except FileRefused as exc:
            self.problem(at, f"cannot use source file '{file}': {exc}")
            return None, None
        except FileNotFoundError:
            looked = (self.path.parent / file).resolve()
            self.problem(at, f"source file '{file}' not found (looked for {looked})")
            return None, None
        except OSError as exc:
            self.problem(at, f"cannot read source file '{file}': {exc.strerror or exc}")
            return None, None
        text, bad_bytes = decode(raw, doc_path)
        if text is None:
            assert bad_bytes is not None
            self.problems.append(bad_bytes)
            return None, None
        text = text.replace("\r\n", "\n")
        return SourceDocument(title=title, file=file, path=doc_path, text=text), raw

    # -- questions -------------------------------------------------------------------------

    def _questions(self, root: Map, source: SourceDocument | None) -> list[Question]:
        node = root.values.get("questions")
        if node is None or (isinstance(node, Scalar) and node.is_null):
            self.problem(node or root, "the bank has no 'questions'; add a list of questions")
            return []
        if not isinstance(node, Seq):
            self.problem(node, f"'questions' must be a list of questions, not {_kind(node)}")
            return []
        if not node.items:
            self.problem(node, "'questions' is empty; add at least one question")
            return []
        questions: list[Question] = []
        first_line: dict[str, int] = {}
        for item in node.items:
            question = self._question(item, source)
            if self.qid is not None and isinstance(item, Map):
                if self.qid in first_line:
                    self.problem(
                        item.values["id"],
                        f"question id '{self.qid}' is already used at line "
                        f"{first_line[self.qid]}; ids must be unique in a bank",
                    )
                    continue
                first_line[self.qid] = item.values["id"].line
            if question is not None:
                questions.append(question)
        return questions

    def _question(self, node: Value, source: SourceDocument | None) -> Question | None:
        self.qid = None
        if not isinstance(node, Map):
            self.problem(
                node, f"a question must be a mapping (id, type, prompt...), not {_kind(node)}"
            )
            return None
        values = node.values
        id_node = values.get("id")
        if isinstance(id_node, Scalar) and not id_node.is_null:
            self.qid = id_node.value.strip()
        count = len(self.problems)
        qid = self._slug(node, "id", "question id")
        qtype = self._type(node)
        allowed = COMMON_FIELDS + TYPE_FIELDS[qtype] if qtype else QUESTION_FIELDS
        self._unknown_fields(node, allowed, qtype)
        prompt = self._text(node, "prompt", required=True)
        fields: dict[str, Any] = {
            "explanation": self._text(node, "explanation"),
            "topic": self._text(node, "topic"),
            "difficulty": self._difficulty(values.get("difficulty")),
            "tags": self._text_list(values.get("tags"), "tags", min_items=0),
            "source": self._quote(values.get("source"), source),
            "note": self._text(node, "note"),
            "typos": self._typos(values.get("typos")),
        }
        answer_node = values.get("answer")
        if answer_node is None:
            self.problem(node, "the question has no 'answer'; add one")
        elif qtype is not None:
            fields.update(self._answer(qtype, node, answer_node))
        if len(self.problems) > count or qtype is None:
            return None
        spots = tuple((name, key.line, key.col) for name, key in node.keys.items())
        return Question(
            id=qid,
            type=qtype,
            prompt=prompt,
            line=node.line,
            column=node.col,
            spots=spots,
            **fields,
        )

    def _type(self, node: Map) -> QuestionType | None:
        value = node.values.get("type")
        if value is None:
            self.problem(node, "the question has no 'type'; use one of: " + ", ".join(TYPES))
            return None
        if not isinstance(value, Scalar) or value.is_null:
            self.problem(value, f"'type' must be one of: {', '.join(TYPES)}; not {_kind(value)}")
            return None
        name = value.value.strip()
        if name not in TYPES:
            self.problem(value, f"unknown type '{name}'; {_suggest(name, TYPES)}")
            return None
        return QuestionType(name)

    def _answer(self, qtype: QuestionType, node: Map, answer: Value) -> dict[str, object]:
        """The answer fields of a question of `qtype`, read and checked by its type's reader."""
        readers = {
            QuestionType.MULTIPLE_CHOICE: self._choice_answer,
            QuestionType.MULTIPLE_SELECT: self._select_answer,
            QuestionType.TRUE_FALSE: self._truth_answer,
            QuestionType.SHORT_ANSWER: self._text_answer,
            QuestionType.NUMERIC: self._number_answer,
            QuestionType.ORDERING: self._order_answer,
            QuestionType.MATCHING: self._pairs_answer,
        }
        return readers[qtype](node, answer)

    def _choice_answer(self, node: Map, answer: Value) -> dict[str, object]:
        choices = self._choices(node)
        text = self._answer_text(answer, "one of the choices")
        if text is not None and choices is not None and text not in choices:
            self.problem(
                answer, f"answer '{text}' is not one of the choices ({', '.join(choices)})"
            )
        return {"answer": text, "choices": choices}

    def _select_answer(self, node: Map, answer: Value) -> dict[str, object]:
        choices = self._choices(node)
        picked = self._text_list(answer, "answer", min_items=1)
        if choices is not None:
            missing = [p for p in picked if p not in choices]
            if missing:
                self.problem(
                    answer,
                    f"answer '{missing[0]}' is not one of the choices ({', '.join(choices)})",
                )
        return {"answer": picked, "choices": choices}

    def _truth_answer(self, node: Map, answer: Value) -> dict[str, object]:
        return {"answer": self._boolean(answer)}

    def _text_answer(self, node: Map, answer: Value) -> dict[str, object]:
        text = self._answer_text(answer, "the expected text")
        accept = self._text_list(node.values.get("accept"), "accept", min_items=0)
        return {"answer": text, "accept": accept}

    def _number_answer(self, node: Map, answer: Value) -> dict[str, object]:
        values = node.values
        number = self._number(answer, "answer")
        tolerance = self._number(values.get("tolerance"), "tolerance", default=0.0)
        if tolerance is not None and tolerance < 0:
            self.problem(values["tolerance"], "'tolerance' must be 0 or more")
        unit = self._text(node, "unit") or None
        return {"answer": number, "tolerance": tolerance, "unit": unit}

    def _order_answer(self, node: Map, answer: Value) -> dict[str, object]:
        items = self._text_list(answer, "answer", min_items=MIN_ITEMS, max_items=MAX_ITEMS)
        self._typeable(items, answer.items if isinstance(answer, Seq) else (), "answer")
        return {"answer": items}

    def _pairs_answer(self, node: Map, answer: Value) -> dict[str, object]:
        return {"answer": self._pairs(answer)}

    # -- field readers ---------------------------------------------------------------------

    def _unknown_fields(
        self, node: Map, allowed: Sequence[str], qtype: QuestionType | None = None
    ) -> None:
        """A problem for each field not in `allowed`; a question's names another type's field."""
        for name, key in node.keys.items():
            if name in allowed:
                continue
            if qtype is not None and name in QUESTION_FIELDS:
                self.problem(key, f"'{name}' is not a field of a {qtype} question; remove it")
            else:
                self.problem(key, f"unknown field '{name}'; {_suggest(name, allowed)}")

    def _text(self, node: Map, field: str, *, required: bool = False, where: str = "") -> str:
        value = node.values.get(field)
        label = f"'{where}.{field}'" if where else f"'{field}'"
        if value is None or (isinstance(value, Scalar) and value.is_null):
            if required:
                self.problem(value or node, f"{label} is required; add it")
            return ""
        if not isinstance(value, Scalar):
            self.problem(value, f"{label} must be text, not {_kind(value)}")
            return ""
        text = value.value.strip()
        if required and not text:
            self.problem(value, f"{label} is empty; write it out")
        return text

    def _slug(self, node: Map, field: str, what: str) -> str:
        text = self._text(node, field, required=True)
        if text and not _SLUG.match(text):
            self.problem(
                node.values[field],
                f"{what} '{text}' is not valid: use lowercase letters, digits, '-' and '_'"
                + _slug_hint(text),
            )
        return text

    def _answer_text(self, value: Value, expected: str) -> str | None:
        if not isinstance(value, Scalar):
            self.problem(value, f"'answer' must be {expected} (text), not {_kind(value)}")
            return None
        text = value.value.strip()
        if value.is_null or not text:
            self.problem(value, f"'answer' is empty; write {expected}")
            return None
        return text

    def _text_list(
        self,
        value: Value | None,
        field: str,
        *,
        min_items: int,
        max_items: int | None = None,
    ) -> tuple[str, ...]:
        if value is None or (min_items == 0 and isinstance(value, Scalar) and value.is_null):
            return ()
        if not isinstance(value, Seq):
            self.problem(value, f"'{field}' must be a list, not {_kind(value)}; write [a, b, ...]")
            return ()
        items: list[str] = []
        for item in value.items:
            if not isinstance(item, Scalar) or item.is_null or not item.value.strip():
                self.problem(item, f"each item of '{field}' must be text, not {_kind(item)}")
                continue
            items.append(item.value.strip())
        if len(items) != len(value.items):
            return ()
        seen: set[str] = set()
        for text, node in zip(items, value.items, strict=True):
            if text in seen:
                self.problem(node, f"'{text}' appears twice in '{field}'; items must be distinct")
            seen.add(text)
        if len(items) < min_items or (max_items is not None and len(items) > max_items):
            span = f"{min_items} to {max_items}" if max_items else f"at least {min_items}"
            self.problem(value, f"'{field}' has {len(items)} items; it needs {span}")
        return tuple(items)

    def _choices(self, node: Map) -> tuple[str, ...] | None:
        value = node.values.get("choices")
        if value is None:
            self.problem(node, "the question has no 'choices'; add a list of 2 to 9 choices")
            return None
        count = len(self.problems)
        choices = self._text_list(value, "choices", min_items=MIN_ITEMS, max_items=MAX_ITEMS)
        self._typeable(choices, value.items if isinstance(value, Seq) else (), "choices")
        return choices if len(self.problems) == count else None

    def _typeable(self, items: Sequence[str], nodes: Sequence[Value], field: str) -> None:
        """A problem for each item a learner could not type apart from an earlier one.

        Typed answers are compared after normalising (case, spaces, punctuation,
        accents, a leading article), so "C" and "C#" would read as the same choice.
        """
        first: dict[str, str] = {}
        for item, node in zip(items, nodes, strict=False):
            key = normalize(item)
            if key in first and first[key] != item:
                self.problem(
                    node,
                    f"'{item}' and '{first[key]}' in '{field}' read the same once case, spaces and "
                    "punctuation are set aside; reword one so a typed answer can tell them apart",
                )
            first.setdefault(key, item)

    def _boolean(self, value: Value) -> bool | None:
        if isinstance(value, Scalar) and value.plain:
            if value.value in _TRUE:
                return True
            if value.value in _FALSE:
                return False
            if value.value.lower() in _YAML11_BOOLS:
                self.problem(value, f"write true or false, not '{value.value}'")
                return None
        self.problem(
            value, f"the answer of a true_false question must be true or false, not {_kind(value)}"
        )
        return None

    def _number(
        self, value: Value | None, field: str, default: float | None = None
    ) -> float | None:
        if value is None:
            return default
        if isinstance(value, Scalar) and value.plain and _NUMBER.match(value.value):
            return float(value.value.replace("_", ""))
        hint = " (without quotes)" if isinstance(value, Scalar) and not value.plain else ""
        self.problem(value, f"'{field}' must be a number{hint}, not {_kind(value)}")
        return None

    def _difficulty(self, value: Value | None) -> int:
        if value is None or (isinstance(value, Scalar) and value.is_null):
            return 1
        if isinstance(value, Scalar) and value.plain and value.value in ("1", "2", "3"):
            return int(value.value)
        self.problem(value, f"'difficulty' must be 1, 2 or 3, not {_kind(value)}")
        return 1

    def _typos(self, value: Value | None) -> int | None:
        if value is None or (isinstance(value, Scalar) and value.is_null):
            return None
        if isinstance(value, Scalar) and value.plain and value.value in ("0", "1", "2"):
            return int(value.value)
        self.problem(value, f"'typos' must be 0, 1 or 2, not {_kind(value)}")
        return None

    def _pairs(self, value: Value) -> tuple[tuple[str, str], ...]:
        if not isinstance(value, Map):
            self.problem(
                value,
                "the answer of a matching question must be a mapping (left: right), "
                f"not {_kind(value)}",
            )
            return ()
        pairs: list[tuple[str, str]] = []
        rights: dict[str, str] = {}
        left_nodes: list[Value] = []
        right_nodes: list[Value] = []
        for left, right in value.values.items():
            left_text = left.strip()
            if not left_text or value.keys[left].is_null:
                self.problem(value.keys[left], "a left-hand item of 'answer' is empty")
                continue
            if not isinstance(right, Scalar) or right.is_null or not right.value.strip():
                self.problem(right, f"'{left_text}' must be matched with text, not {_kind(right)}")
                continue
            right_text = right.value.strip()
            if right_text in rights:
                self.problem(
                    right,
                    f"'{right_text}' is matched twice ('{rights[right_text]}' and "
                    f"'{left_text}'); right-hand items must be distinct",
                )
                continue
            rights[right_text] = left_text
            pairs.append((left_text, right_text))
            right_nodes.append(right)
            left_nodes.append(value.keys[left])
        if not MIN_ITEMS <= len(value.values) <= MAX_ITEMS:
            self.problem(
                value,
                f"'answer' has {len(value.values)} pairs; it needs {MIN_ITEMS} to {MAX_ITEMS}",
            )
        self._typeable([left for left, _ in pairs], left_nodes, "answer")
        self._typeable([right for _, right in pairs], right_nodes, "answer")
        return tuple(pairs)

    def _quote(self, value: Value | None, source: SourceDocument | None) -> str:
        if value is None or (isinstance(value, Scalar) and value.is_null):
            return ""
        if not isinstance(value, Scalar):
            self.problem(value, f"'source' must be a quote (text), not {_kind(value)}")
            return ""
        quote = value.value.strip()
        if source is None or source.text is None:
            return quote
        missing = missing_part(source.text, quote)
        if missing is not None:
            passage = closest_passage(source.text, missing)
            what = "source quote" if missing == normalise_for_quote(quote) else "part of the quote"
            self.problem(
                value,
                f"{what} not found in '{source.file}'; copy it verbatim. "
                f'Closest passage: "{passage}"',
            )
        return quote
