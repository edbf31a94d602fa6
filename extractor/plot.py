"""A metric drawn over time (``marketfacts plot``), one line per subject and investor.

matplotlib is an optional extra (``pip install marketfacts[plot]``).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from .errors import MarketfactsError
from .model import METRICS

_SCALE = {"KRW": (1e12, "trillion won"), "pct": (1, "%"), "points": (1, "points"), "count": (1, "stocks"), "KRW_per_USD": (1, "won per dollar")}


def series(facts) -> dict[tuple[str, str | None], list[tuple[date, float]]]:
    """(subject, investor) -> [(day, value)], one value a day: the figure of
    the latest-published article wins (facts arrive newest article first)."""
    lines: dict[tuple[str, str | None], dict[date, float]] = defaultdict(dict)
    for f in facts:
        if not f["as_of"]:
            continue
        day = date.fromisoformat(f["as_of"])
        lines[(f["subject"], f["investor"])].setdefault(day, f["value"])
    return {key: sorted(points.items()) for key, points in lines.items()}


def plot(facts, metric: str, out: str | Path) -> int:
    """Draw ``metric`` from ``facts`` into ``out`` (PNG, SVG, PDF by suffix);
    returns the number of points drawn."""
    try:
        import matplotlib

        matplotlib.use("Agg")  # no screen needed
        import matplotlib.pyplot as plt
    except ImportError:
        raise MarketfactsError("matplotlib is not installed: pip install 'marketfacts[plot]'") from None
    lines = series(facts)
    if not lines:
        raise MarketfactsError(f"no {metric} facts with a day to plot")
    divisor, label = _SCALE.get(METRICS.get(metric, ""), (1, ""))
    fig, ax = plt.subplots(figsize=(10, 5))
    drawn = 0
    for (subject, investor), points in sorted(lines.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        days = [d for d, _ in points]
        values = [v / divisor for _, v in points]
        ax.plot(days, values, marker="o", label=f"{subject} {investor}" if investor else subject)
        drawn += len(points)
    if metric in ("net_buy", "index_change", "index_change_pct", "price_change_pct"):
        ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_title(metric)
    ax.set_ylabel(label)
    ax.legend()
    ax.grid(alpha=0.3)
    fig.autofmt_xdate()
    fig.tight_layout()
    try:
        fig.savefig(out)
    except (OSError, ValueError) as e:
        raise MarketfactsError(f"{out}: cannot write the plot: {e}") from e
    finally:
        plt.close(fig)
    return drawn
