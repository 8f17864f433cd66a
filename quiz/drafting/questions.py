"""From a parsed document to draft questions: one or two per fact sentence, then the rest.

Every question quotes the sentence it rests on (with the sentences before it when
it opens with "It" or "They", so the prompt is about something). Wrong choices
and false statements swap a fact for another of the same kind from the document.
"""

from __future__ import annotations

import itertools
import random
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from quiz.drafting.document import Document, Sentence
from quiz.drafting.events import Event, event_text
from quiz.drafting.facts import (
    ACRONYM,
    CHOOSABLE,
    NAME,
    NATIONALITY,
    NUMBER,
    TERM,
    YEAR,
    Fact,
    Facts,
    ListFact,
    build_lexicon,
    find_facts,
    starts_with_pronoun,
)

BLANK = "____"
MAX_DISTRACTORS = 4
MIN_DISTRACTORS = 2
MAX_EVENTS = 5
SUBJECT_SHARE = 0.2  # a name in this share of sentences is the subject: not asked

# "also called X", "known as X": X names something else in the text, never a wrong choice.
_ALSO_CALLED = re.compile(
    r"(?:called|known as|named)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)
_ATTRIBUTE = re.compile(r"^(?:The|A|An) (?:[a-z][\w-]* ){1,2}of (?:the|a|an|its|their) [a-z]")
_NOUNS = {
    YEAR: ("year", "years"),
    NUMBER: ("number", "numbers"),
    "country": ("country", "countries"),
    "city": ("city", "cities"),
    "person": ("person", "people"),
    "organisation": ("organisation", "organisations"),
    "place": ("place", "places"),
    "river": ("river or canal", "rivers or canals"),
    "mountain": ("mountain or range", "mountains or ranges"),
    "island": ("island", "islands"),
    "water": ("sea or lake", "seas or lakes"),
    "continent": ("continent", "continents"),
    "nationality": ("nationality", "nationalities"),
    "former state": ("state", "states"),
    "treaty": ("treaty", "treaties"),
    NAME: ("name", "names"),
    TERM: ("term", "terms"),
}
_TYPE_CYCLES = {
    YEAR: ("numeric", "multiple_choice", "true_false"),
    NUMBER: ("numeric", "true_false"),
    TERM: ("short_answer", "multiple_choice"),
    NAME: ("short_answer",),
}
_NAME_CYCLE = ("short_answer", "multiple_choice", "true_false")
_DIFFICULTY = {
    "true_false": 1,
    "multiple_choice": 1,
    "short_answer": 2,
    "numeric": 2,
    "multiple_select": 2,
    "matching": 2,
    "ordering": 3,
}
_TYPE_TAGS = {
    "multiple_choice": "mc",
    "multiple_select": "ms",
    "true_false": "tf",
    "short_answer": "sa",
    "numeric": "num",
    "ordering": "order",
    "matching": "match",
}


@dataclass
class Drafted:
    """A question with where it belongs in the bank and how much it matters to keep."""

    fields: dict[str, Any]
    position: tuple[int, int]  # (sentence index, sequence) orders the bank
    priority: int  # 0 first for each sentence, 1 orderings and matchings, 2 seconds, 3 fillers


@dataclass
class _Pools:
    years: list[int] = field(default_factory=list)
    names: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    numbers: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def slug(text: str, limit: int = 40) -> str:
    """Lowercase ASCII words joined by '-', cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or (words[0][:limit] if words else "q")


def _mentions(text: str, needle: str) -> bool:
    """True when `needle` stands in `text` as whole words, ignoring case."""
    if not needle:
        return False
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", text, re.IGNORECASE) is not None


def _gives_away(text: str, answer: str) -> bool:
    """True when `text` shows the answer, or its singular or plural ("Nobel Prize(s)")."""
    stem = answer[:-1] if answer.endswith("s") and len(answer) > 3 else answer
    return any(_mentions(text, form) for form in {answer, stem, stem + "s", stem + "es"})


def _number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


class Drafter:
    """Drafts the questions of one document; `draft()` returns them in bank order."""

    def __init__(self, doc: Document, seed: str) -> None:
        self.doc = doc
        self.rng = random.Random(f"quiz-draft:{seed}")
        self.lexicon = build_lexicon(s.text for s in doc.sentences)
        self.facts = [self._askable(find_facts(s.text, self.lexicon)) for s in doc.sentences]
        self.subjects = self._subjects()
        self.facts = [self._drop_subjects(f) for f in self.facts]
        self.pools = self._pools()
        self.aliases = {m.group(1) for s in doc.sentences for m in _ALSO_CALLED.finditer(s.text)}
        self.cycles: Counter[str] = Counter()
        self.offsets = {kind: self.rng.randrange(3) for kind in (*_NOUNS, "list")}
        self.ids: set[str] = set()
        self.stated: set[int] = set()  # sentences already asked as a true statement
        self.swappable = 0  # true/false questions so far whose fact could be swapped
        self.out: list[Drafted] = []

    # ---------------------------------------------------------------- facts and pools

    @staticmethod
    def _askable(facts: Facts) -> Facts:
        facts.names = [f for f in facts.names if f.kind != ACRONYM]
        return facts

    def _subjects(self) -> set[str]:
        counts: Counter[str] = Counter()
        for facts in self.facts:
            counts.update({f.text for f in facts.names})
        limit = max(4, SUBJECT_SHARE * len(self.doc.sentences))
        subjects = {name for name, n in counts.items() if n >= limit}
        title = re.sub(r"^(?:The|A|An)\s+", "", self.doc.title.strip())
        if title:
            subjects.add(title)
            words = title.split()
            if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
                subjects.add(words[-1])  # "Marie Curie" is also "Curie"
        return subjects

    def _drop_subjects(self, facts: Facts) -> Facts:
        facts.names = [f for f in facts.names if f.text not in self.subjects]
        facts.lists = [
            lst for lst in facts.lists if not any(i.text in self.subjects for i in lst.items)
        ]
        return facts

    def _pools(self) -> _Pools:
        pools = _Pools()
        for facts in self.facts:
            for year in facts.years:
                if int(year.value or 0) not in pools.years:
                    pools.years.append(int(year.value or 0))
            for name in facts.names:
                if name.kind in CHOOSABLE and name.text not in pools.names[name.kind]:
                    pools.names[name.kind].append(name.text)
            for number in facts.numbers:
                if number.text not in pools.numbers[number.unit]:
                    pools.numbers[number.unit].append(number.text)
            if facts.term and facts.term.text not in pools.names[TERM]:
                pools.names[TERM].append(facts.term.text)
        return pools

    # ---------------------------------------------------------------- context

    def _lead(self, s: Sentence) -> tuple[list[Sentence], str]:
        """Sentences before `s` that say what its pronoun means, or else its topic as a label."""
        if not starts_with_pronoun(s.text):
            return [], ""
        lead: list[Sentence] = []
        skipped = 0
        i = s.index - 1
        while i >= 0 and len(lead) < 2:
            prev = self.doc.sentences[i]
            if prev.paragraph != s.paragraph:
                break
            i -= 1
            if _ATTRIBUTE.match(prev.text) and skipped < 2:
                # "The headquarters of the alliance is in Moscow." is about one part of the
                # subject; the "It" that follows means the subject, named further back.
                skipped += 1
                continue
            lead.insert(0, prev)
            if not starts_with_pronoun(prev.text):
                return lead, ""
        return [], s.topic or self.doc.title

    @staticmethod
    def _joined(sentences: list[Sentence]) -> str:
        """Sentences as one quote: a gap between them is marked with an ellipsis."""
        text = sentences[0].text
        for before, after in itertools.pairwise(sentences):
            text += (" " if after.index == before.index + 1 else " … ") + after.text
        return text

    def _framed(
        self, s: Sentence, instruction: str, body: str, hidden: Iterable[str]
    ) -> tuple[str, str] | None:
        """(prompt, quote) for `body` made from `s`; None if the answer would show."""
        hidden = [h for h in hidden if h]
        lead, label = self._lead(s)
        if lead and any(_gives_away(p.text, h) for p in lead for h in hidden):
            lead, label = [], s.topic or self.doc.title
        if lead:
            context = " ".join(p.text for p in lead)
            prompt = f"{context} {instruction}: {body}"
            quote = self._joined([*lead, s])
        elif label:
            prompt = f"{instruction} ({label}): {body}"
            quote = s.text
        else:
            prompt = f"{instruction}: {body}"
            quote = s.text
        if any(_gives_away(prompt, h) for h in hidden):
            return None
        return prompt, quote

    # ---------------------------------------------------------------- output

    def _add(
        self,
        s: Sentence,
        qtype: str,
        prompt: str,
        quote: str,
        extra: dict[str, Any],
        *,
        key: str,
        kind: str,
        priority: int,
        explanation: str = "",
        position: int | None = None,
    ) -> Drafted:
        topic = s.topic or self.doc.title
        base = "-".join(p for p in (slug(topic, 20), slug(key, 28), _TYPE_TAGS[qtype]) if p)
        qid, n = base, 2
        while qid in self.ids:
            qid, n = f"{base}-{n}", n + 1
        self.ids.add(qid)
        difficulty = min(3, _DIFFICULTY[qtype] + (1 if len(quote.split()) > 35 else 0))
        fields: dict[str, Any] = {"id": qid, "type": qtype, "prompt": prompt}
        fields.update(extra)
        fields["explanation"] = explanation or quote
        fields["source"] = quote
        if topic:
            fields["topic"] = topic
        fields["difficulty"] = difficulty
        fields["tags"] = [kind]
        drafted = Drafted(
            fields, (s.index if position is None else position, len(self.out)), priority
        )
        self.out.append(drafted)
        return drafted

    # ---------------------------------------------------------------- one fact

    def _cloze(self, s: Sentence, fact: Fact | ListFact) -> str:
        return s.text[: fact.start] + BLANK + s.text[fact.end :]

    def _numeric(self, s: Sentence, fact: Fact, priority: int) -> bool:
        noun = _NOUNS[fact.kind][0]
        hidden = [fact.text, _number_text(fact.value or 0)]
        framed = self._framed(s, f"Fill in the {noun}", self._cloze(s, fact), hidden)
        if framed is None:
            return False
        extra: dict[str, Any] = {
            "answer": fact.value if fact.kind == NUMBER else int(fact.value or 0)
        }
        if isinstance(extra["answer"], float) and extra["answer"] == int(extra["answer"]):
            extra["answer"] = int(extra["answer"])
        extra["tolerance"] = 0
        if fact.unit:
            extra["unit"] = fact.unit
        self._add(s, "numeric", *framed, extra, key=fact.text, kind=fact.kind, priority=priority)
        return True

    def _same_kind(self, kind: str, answer: str, context: str) -> list[str]:
        """Names of `kind` that can stand for `answer` as wrong ones: not in the context, not
        another name of the same thing ("also called"), not containing or inside the answer."""
        return [
            n
            for n in self.pools.names.get(kind, [])
            if n != answer
            and not _mentions(context, n)
            and n not in self.aliases
            and not _gives_away(n, answer)
            and not _gives_away(answer, n)
        ]

    def _distractors(self, s: Sentence, fact: Fact, context: str) -> list[str]:
        if fact.kind == YEAR:
            answer = int(fact.value or 0)
            used = {int(y) for y in re.findall(r"\b\d{4}\b", context)}
            known = sorted(
                (y for y in self.pools.years if y not in used), key=lambda y: abs(y - answer)
            )
            picks = [str(y) for y in known[:3]]
            step = 1
            while len(picks) < 3:
                for near in (answer + step, answer - step):
                    if near not in self.pools.years and str(near) not in picks and len(picks) < 3:
                        picks.append(str(near))
                step += 1
            return picks
        pool = self._same_kind(fact.kind, fact.text, context)
        self.rng.shuffle(pool)
        return pool[:MAX_DISTRACTORS] if len(pool) >= MIN_DISTRACTORS else []

    def _multiple_choice(self, s: Sentence, fact: Fact, priority: int) -> bool:
        if fact.kind not in CHOOSABLE or fact.text in self.aliases:
            return False  # another name of something: its "wrong" choices may be right
        lead, _ = self._lead(s)
        context = " ".join(p.text for p in lead) + " " + s.text
        distractors = self._distractors(s, fact, context)
        if not distractors:
            return False
        noun = _NOUNS[fact.kind][0]
        hidden = [fact.text, fact.alias]
        framed = self._framed(
            s, f"Choose the {noun} that fills the blank", self._cloze(s, fact), hidden
        )
        if framed is None:
            return False
        choices = [fact.text, *distractors]
        self.rng.shuffle(choices)
        extra = {"choices": choices, "answer": fact.text}
        self._add(
            s, "multiple_choice", *framed, extra, key=fact.text, kind=fact.kind, priority=priority
        )
        return True

    def _short_answer(self, s: Sentence, fact: Fact, priority: int) -> bool:
        if fact.kind in (YEAR, NUMBER):
            return False
        noun = _NOUNS.get(fact.kind, ("name",))[0]
        hidden = [fact.text, fact.alias]
        framed = self._framed(s, f"Fill in the {noun}", self._cloze(s, fact), hidden)
        if framed is None:
            return False
        accept = []
        if fact.alias:
            accept.append(fact.alias)
        if s.text[: fact.start].lower().endswith("the "):
            accept.append(f"the {fact.text}")
        extra: dict[str, Any] = {"answer": fact.text}
        if accept:
            extra["accept"] = accept
        self._add(
            s, "short_answer", *framed, extra, key=fact.text, kind=fact.kind, priority=priority
        )
        return True

    def _swap(self, s: Sentence, fact: Fact, context: str) -> str | None:
        if fact.kind == YEAR:
            others = [str(y) for y in self.pools.years if not _mentions(context, str(y))]
            if not others:
                others = [str(int(fact.value or 0) + d) for d in (-2, -1, 1, 2)]
        elif fact.kind == NUMBER:
            others = [n for n in self.pools.numbers.get(fact.unit, []) if not _mentions(context, n)]
        elif fact.kind in CHOOSABLE and fact.text not in self.aliases:
            others = self._same_kind(fact.kind, fact.text, context)
        else:
            others = []
        return self.rng.choice(others) if others else None

    def _true_false(self, s: Sentence, fact: Fact | None, priority: int) -> bool:
        lead, _ = self._lead(s)
        context = " ".join(p.text for p in lead) + " " + s.text
        swap = self._swap(s, fact, context) if fact is not None else None
        if fact is not None and swap is not None:
            self.swappable += 1
        # Two of every three statements that can be made false are: a bank of only true
        # statements teaches nothing, one of only false ones teaches guessing.
        if fact is not None and swap is not None and self.swappable % 3 != 0:
            statement = s.text[: fact.start] + swap + s.text[fact.end :]
            framed = self._framed(s, "True or false", statement, [])
            if framed is None:
                return False
            why = f"Not {swap} but {fact.text}: {framed[1]}"
            extra = {"answer": False}
            self._add(
                s,
                "true_false",
                *framed,
                extra,
                key=f"not {swap}",
                kind=fact.kind,
                priority=priority,
                explanation=why,
            )
            return True
        if fact is not None and priority == 0 and swap is None:
            return False  # a fact that cannot be swapped is better asked another way
        if s.index in self.stated:
            return False
        framed = self._framed(s, "True or false", s.text, [])
        if framed is None:
            return False
        self.stated.add(s.index)
        key = fact.text if fact is not None else " ".join(s.text.split()[:5])
        kind = fact.kind if fact is not None else "statement"
        self._add(s, "true_false", *framed, {"answer": True}, key=key, kind=kind, priority=priority)
        return True

    def _multiple_select(self, s: Sentence, lst: ListFact, priority: int) -> bool:
        lead, _ = self._lead(s)
        context = " ".join(p.text for p in lead) + " " + s.text
        pool = [
            n
            for n in self.pools.names.get(lst.kind, [])
            if not _mentions(context, n)
            and n not in self.aliases
            and not any(_gives_away(n, i.text) or _gives_away(i.text, n) for i in lst.items)
        ]
        items = [i.text for i in lst.items][:6]
        if not pool or len(items) != len(lst.items):
            return False
        self.rng.shuffle(pool)
        choices = items + pool[: max(1, min(MAX_DISTRACTORS, 9 - len(items)))]
        self.rng.shuffle(choices)
        plural = _NOUNS[lst.kind][1]
        framed = self._framed(
            s, f"Choose all the {plural} that fill the blank", self._cloze(s, lst), items
        )
        if framed is None:
            return False
        extra = {"choices": choices, "answer": [c for c in choices if c in items]}
        key = f"{plural} {items[0]}"
        self._add(s, "multiple_select", *framed, extra, key=key, kind=lst.kind, priority=priority)
        return True

    # ---------------------------------------------------------------- per sentence

    def _candidates(self, facts: Facts) -> list[tuple[str, Fact | ListFact]]:
        listed = {(i.start, i.end) for lst in facts.lists for i in lst.items}
        found: list[tuple[str, Fact | ListFact]] = [("list", lst) for lst in facts.lists]
        found += [(YEAR, y) for y in facts.years]
        found += [(NUMBER, n) for n in facts.numbers]
        names = [n for n in facts.names if (n.start, n.end) not in listed]
        found += [(n.kind, n) for n in names if n.kind in CHOOSABLE and n.kind != NATIONALITY]
        if facts.term:
            found.append((TERM, facts.term))
        found += [(NAME, n) for n in names if n.kind not in CHOOSABLE]
        found += [(n.kind, n) for n in names if n.kind == NATIONALITY]
        return found

    def _builders(self, kind: str) -> list[tuple[str, Callable[[Sentence, Any, int], bool]]]:
        """The question types to try for a fact of `kind`, in turn, so types vary."""
        if kind == "list":
            return [("multiple_select", self._multiple_select)]
        cycle = _TYPE_CYCLES.get(kind, _NAME_CYCLE)
        start = (self.cycles[kind] + self.offsets.get(kind, 0)) % len(cycle)
        self.cycles[kind] += 1
        order = cycle[start:] + cycle[:start]
        table = {
            "numeric": self._numeric,
            "multiple_choice": self._multiple_choice,
            "short_answer": self._short_answer,
            "true_false": self._true_false,
        }
        return [(name, table[name]) for name in order]

    def _ask_sentence(self, s: Sentence, facts: Facts) -> None:
        """One or two questions on the sentence's facts, never two of one type."""
        used: set[str] = set()
        for kind, fact in self._candidates(facts):
            if len(used) == 2:
                break
            for qtype, build in self._builders(kind):
                if qtype not in used and build(s, fact, 0 if not used else 2):
                    used.add(qtype)
                    break

    # ---------------------------------------------------------------- across sentences

    def _events(self) -> list[Event]:
        events = []
        for s, facts in zip(self.doc.sentences, self.facts, strict=True):
            if len(facts.years) != 1:
                continue
            text = event_text(s.text, facts.years[0])
            if text:
                events.append(Event(int(facts.years[0].value or 0), text, s.text, s.index))
        return events

    @staticmethod
    def _distinct_years(events: list[Event]) -> list[Event]:
        seen: set[int] = set()
        texts: set[str] = set()
        kept = []
        for event in events:
            if event.year not in seen and event.text not in texts:
                seen.add(event.year)
                texts.add(event.text)
                kept.append(event)
        return kept

    def _pick(self, events: list[Event]) -> list[Event]:
        if len(events) > MAX_EVENTS:
            events = sorted(self.rng.sample(events, MAX_EVENTS), key=lambda e: e.index)
        return events

    @staticmethod
    def _quote(events: list[Event]) -> str:
        return " … ".join(e.sentence for e in sorted(events, key=lambda e: e.index))

    def _orderings(self, events: list[Event]) -> set[int]:
        used: set[int] = set()
        by_topic: dict[str, list[Event]] = defaultdict(list)
        for event in events:
            by_topic[self.doc.sentences[event.index].topic].append(event)
        for topic, group in by_topic.items():
            chosen = self._pick(self._distinct_years(group))
            if len(chosen) < 3:
                continue
            last = self.doc.sentences[max(e.index for e in chosen)]
            items = [e.text for e in sorted(chosen, key=lambda e: e.year)]
            where = f" ({topic})" if topic else ""
            prompt = f"Put these events{where} in the order they happened, earliest first."
            self._add(
                last,
                "ordering",
                prompt,
                self._quote(chosen),
                {"answer": items},
                key=f"order {topic}",
                kind="events",
                priority=1,
                position=last.index,
                explanation="; ".join(
                    f"{e.year}: {e.text}" for e in sorted(chosen, key=lambda e: e.year)
                ),
            )
            used.update(e.index for e in chosen)
        return used

    def _across_topics(self, events: list[Event]) -> list[Event]:
        """Events taken from each topic in turn, so a matching question mixes topics."""
        by_topic: dict[str, list[Event]] = defaultdict(list)
        for event in events:
            by_topic[self.doc.sentences[event.index].topic].append(event)
        groups = list(by_topic.values())
        mixed: list[Event] = []
        for i in range(max((len(g) for g in groups), default=0)):
            mixed.extend(g[i] for g in groups if i < len(g))
        return mixed

    def _matching(self, events: list[Event], used: set[int]) -> None:
        """Events to years; those no ordering asked come first, then a mix of topics."""
        fresh = [e for e in events if e.index not in used]
        rest = self._across_topics([e for e in events if e.index in used])
        chosen = self._distinct_years(fresh + rest)[:MAX_EVENTS]
        if len(chosen) < 3:
            return
        chosen.sort(key=lambda e: e.index)
        last = self.doc.sentences[chosen[-1].index]
        pairs = {e.text: str(e.year) for e in chosen}
        self._add(
            last,
            "matching",
            "Match each event to its year.",
            self._quote(chosen),
            {"answer": pairs},
            key="events years",
            kind="events",
            priority=1,
            position=last.index,
            explanation="; ".join(
                f"{e.year}: {e.text}" for e in sorted(chosen, key=lambda e: e.year)
            ),
        )

    def _fill_uncited(self) -> None:
        quoted = " ".join(d.fields["source"] for d in self.out)
        for s, facts in zip(self.doc.sentences, self.facts, strict=True):
            if s.text in quoted or len(s.text.split()) < 4:
                continue
            known = facts.years or facts.numbers
            fact = known[0] if known else None
            self._true_false(s, fact, 3)

    def draft(self) -> list[Drafted]:
        """Every question, in the order of the sentences they rest on."""
        for s, facts in zip(self.doc.sentences, self.facts, strict=True):
            if facts:
                self._ask_sentence(s, facts)
        events = self._events()
        self._matching(events, self._orderings(events))
        self._fill_uncited()
        return sorted(self.out, key=lambda d: d.position)


def fact_sentences(doc: Document) -> int:
    """How many sentences of the document hold something to ask."""
    drafter = Drafter(doc, "0")
    return sum(1 for f in drafter.facts if f)


def select(drafted: list[Drafted], limit: int | None) -> list[Drafted]:
    """At most `limit` questions: each sentence's first before seconds and fillers, in order."""
    if limit is None or len(drafted) <= limit:
        return drafted
    ranked = sorted(drafted, key=lambda d: (d.priority, d.position))[:limit]
    return sorted(ranked, key=lambda d: d.position)
