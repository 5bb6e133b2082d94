"""Results of a scenario and the table they are printed as."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Figure:
    name: str
    value: str
    target: str = ""
    met: bool | None = None  # None: no target


@dataclass
class Result:
    scenario: str
    params: list[tuple[str, str]]
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, name: str, value: str, target: str = "", met: bool | None = None) -> None:
        self.figures.append(Figure(name, value, target, met))


def _mark(met: bool | None) -> str:
    return "" if met is None else ("met" if met else "MISSED")


def render(header: list[str], results: list[Result]) -> str:
    """One block per scenario: its parameters, then figure | value | target | met."""
    lines = list(header)
    for result in results:
        lines += ["", f"== {result.scenario} ==", "   " + "; ".join(f"{k}={v}" for k, v in result.params)]
        width = max((len(f.name) for f in result.figures), default=10)
        vwidth = max((len(f.value) for f in result.figures), default=10)
        twidth = max((len(f.target) for f in result.figures), default=0)
        for fig in result.figures:
            lines.append(f"   {fig.name:<{width}}  {fig.value:<{vwidth}}  {fig.target:<{twidth}}  {_mark(fig.met)}"
                         .rstrip())
        lines += [f"   note: {note}" for note in result.notes]
    return "\n".join(lines)


def as_dict(result: Result) -> dict[str, object]:
    return {
        "scenario": result.scenario,
        "params": dict(result.params),
        "figures": [{"name": f.name, "value": f.value, "target": f.target, "met": f.met} for f in result.figures],
        "notes": result.notes,
    }
