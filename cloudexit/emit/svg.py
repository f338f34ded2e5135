"""Small inline SVG charts, so report.html needs no script and no network."""

from __future__ import annotations

from decimal import Decimal
from html import escape

PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)


def _fmt(value: float) -> str:
    return f"{value:,.0f}"


def _tick(value: float) -> str:
    """An axis value: whole numbers with separators, small ones with two decimals."""
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.2f}"


def grouped_bars(title: str, series: dict[str, dict[str, Decimal]], unit: str = "EUR/month") -> str:
    """Horizontal bars per category, one bar per series (e.g. today and target)."""
    categories = sorted({c for values in series.values() for c in values})
    names = list(series)
    peak = (
        max((float(v) for values in series.values() for v in values.values()), default=0.0) or 1.0
    )
    bar, gap, label_w, chart_w = 14, 10, 190, 420
    height = 40 + len(categories) * (len(names) * bar + gap) + 20 * len(names)
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{label_w + chart_w + 120}" '
            f'height="{height}" aria-label="{escape(title)}"><title>{escape(title)}</title>'
        )
    ]
    y = 30
    for category in categories:
        parts.append(
            f'<text x="{label_w - 6}" y="{y + bar}" text-anchor="end" class="label">{escape(category)}</text>'
        )
        for index, name in enumerate(names):
            value = float(series[name].get(category, Decimal(0)))
            width = chart_w * value / peak
            colour = PALETTE[index % len(PALETTE)]
            parts.append(
                f'<rect x="{label_w}" y="{y}" width="{width:.1f}" height="{bar - 2}" fill="{colour}">'
                f"<title>{escape(name)} {escape(category)}: {_fmt(value)} {unit}</title></rect>"
            )
            parts.append(
                f'<text x="{label_w + width + 4:.1f}" y="{y + bar - 4}" class="value">{_fmt(value)}</text>'
            )
            y += bar
        y += gap
    for index, name in enumerate(names):
        parts.append(
            f'<rect x="{label_w}" y="{y + 4 + index * 18}" width="12" height="12" '
            f'fill="{PALETTE[index % len(PALETTE)]}"/>'
        )
        parts.append(
            f'<text x="{label_w + 18}" y="{y + 14 + index * 18}" class="label">{escape(name)} ({unit})</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def share_bar(title: str, values: dict[str, Decimal]) -> str:
    """One stacked bar of shares with a legend."""
    total = float(sum(values.values(), Decimal(0))) or 1.0
    width, x = 600, 0.0
    items = sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
            f'height="{50 + 18 * len(items)}" aria-label="{escape(title)}"><title>{escape(title)}</title>'
        )
    ]
    for index, (name, value) in enumerate(items):
        share = float(value) / total
        colour = PALETTE[index % len(PALETTE)]
        parts.append(
            f'<rect x="{x:.1f}" y="10" width="{width * share:.1f}" height="24" fill="{colour}">'
            f"<title>{escape(name)}: {share * 100:.1f} %</title></rect>"
        )
        x += width * share
        parts.append(f'<rect x="0" y="{44 + index * 18}" width="12" height="12" fill="{colour}"/>')
        parts.append(
            f'<text x="18" y="{54 + index * 18}" class="label">{escape(name)}: {share * 100:.1f} % '
            f"(EUR {_fmt(float(value))}/month)</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def timeline(rows: list[tuple[str, int, int]]) -> str:
    """Gantt bars: (label, start day, duration days)."""
    end = max((start + length for _, start, length in rows), default=1) or 1
    label_w, chart_w, bar = 200, 460, 20
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{label_w + chart_w + 60}" '
            f'height="{30 + len(rows) * (bar + 6)}" aria-label="Migration waves"><title>Migration waves</title>'
        )
    ]
    for index, (label, start, length) in enumerate(rows):
        y = 10 + index * (bar + 6)
        x = label_w + chart_w * start / end
        w = max(2.0, chart_w * length / end)
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" class="label">{escape(label)}</text>'
        )
        parts.append(
            f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar}" fill="{PALETTE[index % len(PALETTE)]}">'
            f"<title>{escape(label)}: day {start} to day {start + length}</title></rect>"
        )
        parts.append(f'<text x="{x + w + 4:.1f}" y="{y + 15}" class="value">{length} d</text>')
    parts.append("</svg>")
    return "".join(parts)


def scatter(title: str, points: list[tuple[float, float]], x_label: str, y_label: str) -> str:
    """Cost against risk for the frontier."""
    width, height, pad = 560, 320, 50
    if not points:
        return ""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x0, x1 = min(xs), max(xs) or 1.0
    y0, y1 = min(ys), max(ys) or 1.0
    sx = (width - 2 * pad) / ((x1 - x0) or 1.0)
    sy = (height - 2 * pad) / ((y1 - y0) or 1.0)
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
            f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
        ),
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#333"/>',
        f'<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{height - pad}" stroke="#333"/>',
        f'<text x="{width / 2}" y="{height - 12}" text-anchor="middle" class="label">{escape(x_label)}</text>',
        (
            f'<text x="14" y="{height / 2}" transform="rotate(-90 14 {height / 2})" text-anchor="middle" '
            f'class="label">{escape(y_label)}</text>'
        ),
    ]
    ticks = [
        f'<text x="{pad}" y="{height - pad + 14}" text-anchor="start" class="value">{_tick(x0)}</text>',
        f'<text x="{width - pad}" y="{height - pad + 14}" text-anchor="end" class="value">{_tick(x1)}</text>',
        f'<text x="{pad - 4}" y="{height - pad}" text-anchor="end" class="value">{_tick(y0)}</text>',
        f'<text x="{pad - 4}" y="{pad + 4}" text-anchor="end" class="value">{_tick(y1)}</text>',
    ]
    parts.extend(ticks)
    coords = [(pad + (x - x0) * sx, height - pad - (y - y0) * sy) for x, y in sorted(points)]
    parts.append(
        '<polyline fill="none" stroke="#1f77b4" points="'
        + " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in coords)
        + '"/>'
    )
    for (x, y), (cx, cy) in zip(sorted(points), coords, strict=True):
        parts.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" fill="#d62728"><title>{escape(x_label)} {_tick(x)}, '
            f"{escape(y_label)} {_tick(y)}</title></circle>"
        )
    parts.append("</svg>")
    return "".join(parts)


def level_bars(title: str, rows: dict[str, dict[str, float]], levels: tuple[str, ...]) -> str:
    """One stacked bar per row (today, after the plan) of the share at each SEAL level."""
    colours = ("#d62728", "#ff7f0e", "#bcbd22", "#2ca02c", "#1a7f37")
    label_w, width, bar = 110, 480, 20
    height = 40 + len(rows) * (bar + 8) + 24
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{label_w + width + 20}" '
            f'height="{height}" aria-label="{escape(title)}"><title>{escape(title)}</title>'
            f'<text x="0" y="16" class="label">{escape(title)}</text>'
        )
    ]
    y = 26
    for name, shares in rows.items():
        parts.append(
            f'<text x="{label_w - 6}" y="{y + bar - 5}" text-anchor="end" class="label">{escape(name)}</text>'
        )
        x = float(label_w)
        for index, level in enumerate(levels):
            share = shares.get(level, 0.0)
            if share <= 0:
                continue
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{width * share:.1f}" height="{bar}" '
                f'fill="{colours[index % len(colours)]}"><title>{escape(name)} SEAL-{escape(level)}: '
                f"{share * 100:.1f} %</title></rect>"
            )
            x += width * share
        y += bar + 8
    for index, level in enumerate(levels):
        parts.append(
            f'<rect x="{label_w + index * 90}" y="{y + 4}" width="12" height="12" '
            f'fill="{colours[index % len(colours)]}"/>'
        )
        parts.append(
            f'<text x="{label_w + index * 90 + 16}" y="{y + 14}" class="label">SEAL-{escape(level)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
